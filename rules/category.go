package rules

import "strings"

// The Go analyzers report through golang.org/x/tools/go/analysis, whose
// Diagnostic has no severity: its Category carries the rule, and, for a
// finding whose severity is not the rule's default, that severity too
// ("SSM603:warning"). The CLI reads it back with ParseCategory.

// Category is the analysis.Diagnostic Category of a finding of r at
// severity s: r's ID, followed by ":" and s when s is not r's default.
func (r *Rule) Category(s Severity) string {
	if s == r.Severity || s == 0 {
		return r.ID
	}
	return r.ID + ":" + s.String()
}

// ParseCategory reads a Category written by Rule.Category: the rule and
// the finding's severity. ok is false for an unknown rule or severity.
func ParseCategory(category string) (r *Rule, s Severity, ok bool) {
	id, sev, hasSeverity := strings.Cut(category, ":")
	if r, ok = Lookup(id); !ok {
		return nil, 0, false
	}
	if !hasSeverity {
		return r, r.Severity, true
	}
	s, err := ParseSeverity(sev)
	if err != nil {
		return nil, 0, false
	}
	return r, s, true
}

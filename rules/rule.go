// Package rules is the ssmlint rule catalog: one typed entry per rule, with
// the ID, name, default severity, rationale, examples and remediation that
// every output format and the generated documentation read.
//
// The catalog imports no engine. Engines (hclcheck, analyzers) refer to the
// entries by value, e.g. rules.SSM201; strings appear only at the config and
// CLI boundary, through Lookup.
package rules

import (
	"fmt"
	"strings"
)

// Severity is how bad a finding is. The zero value is invalid.
type Severity int

// Severities, from least to most severe.
const (
	Info Severity = iota + 1
	Warning
	Error
)

// String returns the lower-case name used in output and configuration.
func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// ParseSeverity reads "error", "warning" or "info" (case-insensitive).
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "error":
		return Error, nil
	case "warning", "warn":
		return Warning, nil
	case "info":
		return Info, nil
	}
	return 0, fmt.Errorf("unknown severity %q (want error, warning or info)", s)
}

// Option is a tunable threshold of a rule, set in the config file under
// rules.<ID>.options.<Name>.
type Option struct {
	Name        string
	Description string
	// Default is the value used when the configuration does not set one;
	// its Go type (int, float64, string, bool, []string) is the type the
	// configuration value must have.
	Default any
}

// Rule is one catalog entry.
type Rule struct {
	ID       string   // stable forever, e.g. "SSM201"
	Name     string   // kebab-case, e.g. "secret-in-plain-string"
	Severity Severity // default severity
	// Summary is one sentence: what the rule finds.
	Summary string
	// Rationale is one paragraph: why it matters.
	Rationale string
	// Bad and Good are short examples (Terraform or Go source).
	Bad, Good string
	// Language of the examples: "hcl" or "go".
	Language string
	// Remediation is one line: how to fix a finding.
	Remediation string
	// Options are the rule's tunable thresholds.
	Options []Option
	// Sources cites the facts (ssm-facts.md, AWS docs) the rule relies on.
	Sources []string
}

// OptionDefault returns the default of the named option, or nil.
func (r *Rule) OptionDefault(name string) any {
	for _, o := range r.Options {
		if o.Name == name {
			return o.Default
		}
	}
	return nil
}

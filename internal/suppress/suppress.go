// Package suppress reads ssmlint suppression comments and decides which
// findings they hide.
//
// In Terraform (HCL) files a suppression is a line comment:
//
//	# ssmlint:ignore SSM201 -- the value is rotated by the vault agent
//	// ssmlint:ignore SSM201,securestring-literal-value -- placeholder, set outside Terraform
//
// Rules are named by ID or name, comma-separated, and the reason after
// "--" is required. A comment applies to its own line when it follows code
// there (a trailing comment), and otherwise to the next line that is not a
// comment line. A finding is suppressed when a matching comment applies to
// its start line or to the start line of its enclosing block.
//
// A suppression that is malformed (no reason, no rule, unknown rule) does
// not suppress anything and is reported as a Problem; so is one that
// suppressed nothing by the end of the run (see FileIgnores.Unused).
//
// ParseHCL reads HCL files. ParseGo reads Go files, where golangci-lint's
// //nolint directives count too and a comment covers what golangci-lint's
// //nolint would cover (see ParseGo); Analyzers applies the same comments
// to the Go analyzers' diagnostics wherever they run (ssmvet, go vet, the
// golangci-lint plugin).
package suppress

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/ssmlint/ssmlint/finding"
	"github.com/ssmlint/ssmlint/rules"
)

// Marker is the text that starts every ssmlint directive in a comment.
const Marker = "ssmlint:"

// ProblemKind classifies a Problem.
type ProblemKind int

// Kinds of problems with suppression comments.
const (
	// Malformed: not a valid directive (unknown directive, no rule listed,
	// rules not separated by commas).
	Malformed ProblemKind = iota + 1
	// MissingReason: an ignore without "-- reason".
	MissingReason
	// UnknownRule: an ignore names a rule the catalog does not have.
	UnknownRule
	// Unused: an ignore matched no finding.
	Unused
)

// String returns a short lower-case name of the kind.
func (k ProblemKind) String() string {
	switch k {
	case Malformed:
		return "malformed-ignore"
	case MissingReason:
		return "ignore-without-reason"
	case UnknownRule:
		return "ignore-unknown-rule"
	case Unused:
		return "unused-ignore"
	}
	return fmt.Sprintf("ProblemKind(%d)", int(k))
}

// Problem is something wrong with a suppression comment, at a position.
type Problem struct {
	Kind ProblemKind
	// Severity is Error for Malformed, MissingReason and UnknownRule, and
	// Warning for Unused.
	Severity rules.Severity
	// Range is the comment, or the rule name within it for UnknownRule and
	// Unused.
	Range   finding.Range
	Message string
}

// lookupFunc resolves a rule ID or name, as rules.Lookup does.
type lookupFunc func(idOrName string) (*rules.Rule, bool)

// ruleRef is one rule named by a directive.
type ruleRef struct {
	id    string        // canonical rule ID; "" for a //nolint, which covers every rule
	text  string        // as written
	rng   finding.Range // of the text
	used  bool
	blank bool // the directive stands alone and its target line is blank
	// quiet: never reported as unused (a bare //nolint or //nolint:all,
	// which serve every linter, not only ssmlint).
	quiet bool
}

// matches reports whether the reference covers ruleID.
func (r *ruleRef) matches(ruleID string) bool {
	return r.id == "" || strings.EqualFold(r.id, ruleID)
}

// directive is one valid ssmlint:ignore (or, in Go, //nolint) comment.
type directive struct {
	rng    finding.Range
	rules  []*ruleRef
	reason string
	// nolint: a golangci-lint //nolint directive naming ssmlint (or all
	// linters).
	nolint bool
	// mayBeUnused: the directive names SSM000 among its rules, so that
	// matching nothing is not reported (as golangci-lint's
	// //nolint:xxx,nolintlint).
	mayBeUnused bool
}

// span is the lines [from, to] a Go directive covers.
type span struct {
	from, to int
	d        *directive
}

// FileIgnores holds the suppression comments of one file and records which
// of them were used. It is safe for concurrent use. A nil *FileIgnores
// suppresses nothing.
type FileIgnores struct {
	// File is the file name the comments were read from.
	File string

	mu       sync.Mutex
	byLine   map[int][]*directive // HCL: the one line each directive covers
	spans    []span               // Go: the lines each directive covers, by from
	reach    []int                // reach[i] is the largest to of spans[:i+1]
	goFile   bool
	all      []*directive
	problems []Problem
}

// addSpan records that d covers lines from to to (Go).
func (fi *FileIgnores) addSpan(d *directive, from, to int) {
	fi.spans = append(fi.spans, span{from: from, to: to, d: d})
}

// sortSpans orders the spans for Match; called once, after parsing.
func (fi *FileIgnores) sortSpans() {
	sort.SliceStable(fi.spans, func(i, j int) bool { return fi.spans[i].from < fi.spans[j].from })
	fi.reach = make([]int, len(fi.spans))
	m := 0
	for i, s := range fi.spans {
		m = max(m, s.to)
		fi.reach[i] = m
	}
}

// Problems returns the malformed suppression comments found while parsing,
// in source order.
func (fi *FileIgnores) Problems() []Problem {
	if fi == nil {
		return nil
	}
	return slices.Clone(fi.problems)
}

// Len returns the number of valid suppression comments.
func (fi *FileIgnores) Len() int {
	if fi == nil {
		return 0
	}
	return len(fi.all)
}

// Match reports whether a valid suppression of ruleID (a rule ID such as
// "SSM201") applies to any of lines, and marks every such suppression
// used. Lines that are zero or negative are ignored, so a caller can pass
// a finding's line and an absent block line alike.
func (fi *FileIgnores) Match(ruleID string, lines ...int) bool {
	if fi == nil || len(fi.all) == 0 {
		return false
	}
	fi.mu.Lock()
	defer fi.mu.Unlock()
	matched := false
	mark := func(d *directive) {
		for _, r := range d.rules {
			if r.matches(ruleID) {
				r.used = true
				matched = true
			}
		}
	}
	for _, line := range lines {
		if line <= 0 {
			continue
		}
		for _, d := range fi.byLine[line] {
			mark(d)
		}
		// The spans that start at or before line, back to the first whose
		// predecessors all end before it.
		i := sort.Search(len(fi.spans), func(i int) bool { return fi.spans[i].from > line })
		for j := i - 1; j >= 0 && fi.reach[j] >= line; j-- {
			if fi.spans[j].to >= line {
				mark(fi.spans[j].d)
			}
		}
	}
	return matched
}

// Suppresses reports whether f is suppressed, and marks the matching
// comments used. In HCL a comment suppresses a finding when it applies to
// its start line or to the start line of its enclosing block (f.Context,
// when set); in Go when it covers the finding's start line (see ParseGo).
// fi must be the comments of f's file.
func (fi *FileIgnores) Suppresses(f finding.Finding) bool {
	if f.Rule == nil {
		return false
	}
	if fi != nil && fi.goFile {
		return fi.Match(f.Rule.ID, f.Range.Start.Line)
	}
	return fi.Match(f.Rule.ID, f.Range.Start.Line, f.Context.Start.Line)
}

// Unused returns a Warning problem for each rule named in a valid
// suppression comment that has matched no finding so far, in source order.
// Call it after every finding of the file went through Match. ran reports
// whether a rule ran on this file; rules that did not run (disabled by
// configuration, or of the other engine) are not reported. A nil ran means
// every rule ran. A //nolint naming ssmlint is reported only when every Go
// rule ran; a bare //nolint or //nolint:all never is (it serves other
// linters too), nor is a directive that names SSM000.
func (fi *FileIgnores) Unused(ran func(ruleID string) bool) []Problem {
	if fi == nil {
		return nil
	}
	fi.mu.Lock()
	defer fi.mu.Unlock()
	var out []Problem
	for _, d := range fi.all {
		if d.mayBeUnused {
			continue
		}
		for _, r := range d.rules {
			if r.used || r.quiet {
				continue
			}
			if r.id == "" {
				if !everyGoRuleRan(ran) {
					continue
				}
				msg := fmt.Sprintf("//nolint:%s matched no finding; remove %s from it", r.text, r.text)
				if r.blank {
					msg = fmt.Sprintf("//nolint:%s matched no finding: a comment on its own line covers the statement or declaration that starts on the next line, which is blank; move it directly above, or remove it", r.text)
				}
				out = append(out, Problem{Kind: Unused, Severity: rules.Warning, Range: r.rng, Message: msg})
				continue
			}
			if ran != nil && !ran(r.id) {
				continue
			}
			msg := fmt.Sprintf("ssmlint:ignore %s matched no finding; remove it", r.text)
			if r.blank {
				msg = fmt.Sprintf("ssmlint:ignore %s matched no finding: a comment on its own line applies to the next line, which is blank; move it directly above the block or attribute, or remove it", r.text)
				if fi.goFile {
					msg = fmt.Sprintf("ssmlint:ignore %s matched no finding: a comment on its own line covers the statement or declaration that starts on the next line, which is blank; move it directly above, or remove it", r.text)
				}
			}
			out = append(out, Problem{Kind: Unused, Severity: rules.Warning, Range: r.rng, Message: msg})
		}
	}
	return out
}

// everyGoRuleRan reports whether ran is true for every Go rule of the
// catalog (nil ran: every rule ran).
func everyGoRuleRan(ran func(string) bool) bool {
	if ran == nil {
		return true
	}
	for _, r := range rules.All() {
		if r.Language == "go" && !ran(r.ID) {
			return false
		}
	}
	return true
}

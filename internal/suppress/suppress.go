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
// ParseHCL reads HCL files; the directive grammar is independent of the
// comment syntax so that a Go variant (//ssmlint:ignore SSM601 -- reason)
// can build the same FileIgnores.
package suppress

import (
	"fmt"
	"slices"
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
	id    string        // canonical rule ID
	text  string        // as written
	rng   finding.Range // of the text
	used  bool
	blank bool // the directive stands alone and its target line is blank
}

// directive is one valid ssmlint:ignore comment.
type directive struct {
	rng    finding.Range
	rules  []*ruleRef
	reason string
}

// FileIgnores holds the suppression comments of one file and records which
// of them were used. It is safe for concurrent use. A nil *FileIgnores
// suppresses nothing.
type FileIgnores struct {
	// File is the file name the comments were read from.
	File string

	mu       sync.Mutex
	byLine   map[int][]*directive
	all      []*directive
	problems []Problem
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
	for _, line := range lines {
		if line <= 0 {
			continue
		}
		for _, d := range fi.byLine[line] {
			for _, r := range d.rules {
				if strings.EqualFold(r.id, ruleID) {
					r.used = true
					matched = true
				}
			}
		}
	}
	return matched
}

// Suppresses reports whether f is suppressed, by a comment that applies to
// its start line or to the start line of its enclosing block (f.Context,
// when set), and marks the matching comments used. fi must be the
// comments of f's file.
func (fi *FileIgnores) Suppresses(f finding.Finding) bool {
	if f.Rule == nil {
		return false
	}
	return fi.Match(f.Rule.ID, f.Range.Start.Line, f.Context.Start.Line)
}

// Unused returns a Warning problem for each rule named in a valid
// suppression comment that has matched no finding so far, in source order.
// Call it after every finding of the file went through Match. ran reports
// whether a rule ran on this file; rules that did not run (disabled by
// configuration, or of the other engine) are not reported. A nil ran means
// every rule ran.
func (fi *FileIgnores) Unused(ran func(ruleID string) bool) []Problem {
	if fi == nil {
		return nil
	}
	fi.mu.Lock()
	defer fi.mu.Unlock()
	var out []Problem
	for _, d := range fi.all {
		for _, r := range d.rules {
			if r.used || (ran != nil && !ran(r.id)) {
				continue
			}
			msg := fmt.Sprintf("ssmlint:ignore %s matched no finding; remove it", r.text)
			if r.blank {
				msg = fmt.Sprintf("ssmlint:ignore %s matched no finding: a comment on its own line applies to the next line, which is blank; move it directly above the block or attribute, or remove it", r.text)
			}
			out = append(out, Problem{Kind: Unused, Severity: rules.Warning, Range: r.rng, Message: msg})
		}
	}
	return out
}

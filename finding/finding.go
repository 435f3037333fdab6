// Package finding holds the one result type both engines (Terraform rules and
// Go analyzers) produce, and the error type for input that could not be read.
package finding

import (
	"cmp"
	"slices"

	"github.com/ssmlint/ssmlint/rules"
)

// Pos is a 1-based line and column (columns count Unicode characters, as in
// HCL) plus the 0-based byte offset in the file.
type Pos struct {
	Line, Column, Byte int
}

// Range is a span of source: Start inclusive, End exclusive. File is the
// path as given to the engine; reports make it relative to the working
// directory.
type Range struct {
	File       string
	Start, End Pos
}

// Finding is one reported problem.
type Finding struct {
	Rule     *rules.Rule
	Severity rules.Severity // effective severity (after configuration)
	Message  string
	Range    Range
	// Resource names the construct: a Terraform address such as
	// `aws_ssm_parameter.db["x"]` or `module.app.aws_ssm_parameter.db`,
	// or a Go function name.
	Resource string
	// Attribute is the attribute path the range points at ("name",
	// "ingress[0].cidr_blocks"), or "" for the whole block. It is part of
	// the baseline fingerprint.
	Attribute string
	// Context is the range of the enclosing block (a Terraform resource,
	// a Go function); suppression comments above it apply. Zero if none.
	Context Range
	// Remediation defaults to the rule's remediation when empty.
	Remediation string
	// Cost is the monthly cost in USD the finding stands for (SSM301).
	Cost float64
	// Once marks a finding about the whole scan: of the findings of a
	// rule marked Once, only the first (in SortFindings order) is kept
	// (see KeepFirstOnce).
	Once bool
}

// KeepFirstOnce keeps, for each rule, the first of its findings marked
// Once, in SortFindings order; the others are dropped. The order of the
// findings kept is unchanged.
func KeepFirstOnce(fs []Finding) []Finding {
	keep := FirstOnce(fs)
	out := fs[:0]
	for i, f := range fs {
		if keep[i] {
			out = append(out, f)
		}
	}
	return out
}

// FirstOnce tells, for each finding, whether KeepFirstOnce keeps it.
func FirstOnce(fs []Finding) []bool {
	first := map[string]int{}
	for i, f := range fs {
		if !f.Once {
			continue
		}
		if j, ok := first[f.Rule.ID]; !ok || before(f, fs[j]) {
			first[f.Rule.ID] = i
		}
	}
	keep := make([]bool, len(fs))
	for i, f := range fs {
		keep[i] = !f.Once || first[f.Rule.ID] == i
	}
	return keep
}

func before(a, b Finding) bool {
	return cmp.Or(
		cmp.Compare(a.Range.File, b.Range.File),
		cmp.Compare(a.Range.Start.Line, b.Range.Start.Line),
		cmp.Compare(a.Range.Start.Column, b.Range.Start.Column),
		cmp.Compare(a.Message, b.Message),
	) < 0
}

// Error is input that could not be read, parsed or evaluated.
type Error struct {
	Range   Range
	Message string
}

// SortFindings orders findings by file, line, column, rule and message, so
// that output is deterministic.
func SortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.Range.File, b.Range.File),
			cmp.Compare(a.Range.Start.Line, b.Range.Start.Line),
			cmp.Compare(a.Range.Start.Column, b.Range.Start.Column),
			cmp.Compare(a.Rule.ID, b.Rule.ID),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

// SortErrors orders errors by file, line and column.
func SortErrors(es []Error) {
	slices.SortStableFunc(es, func(a, b Error) int {
		return cmp.Or(
			cmp.Compare(a.Range.File, b.Range.File),
			cmp.Compare(a.Range.Start.Line, b.Range.Start.Line),
			cmp.Compare(a.Range.Start.Column, b.Range.Start.Column),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

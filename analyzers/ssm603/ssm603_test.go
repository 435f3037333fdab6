package ssm603_test

import (
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ssmlint/ssmlint/analyzers/ssm603"
	"github.com/ssmlint/ssmlint/rules"
)

func TestAnalyzer(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	results := analysistest.Run(t, dir, ssm603.Analyzer, "ssm603")

	// A count known at compile time is an error, the rule's default; a
	// list built at run time is a warning, which the Category carries.
	var errors, warnings int
	for _, r := range results {
		for _, d := range r.Diagnostics {
			rule, severity, ok := rules.ParseCategory(d.Category)
			if !ok || rule != rules.SSM603 {
				t.Errorf("%q: category %q", d.Message, d.Category)
				continue
			}
			want := rules.Warning
			if strings.HasPrefix(d.Message, "GetParameters is given") {
				want = rules.Error
			}
			if severity != want {
				t.Errorf("%q: severity %v, want %v", d.Message, severity, want)
			}
			if severity == rules.Error {
				errors++
			} else {
				warnings++
			}
		}
	}
	if errors == 0 || warnings == 0 {
		t.Errorf("%d errors and %d warnings; the fixtures have both", errors, warnings)
	}
}

package checks_test

import (
	"path/filepath"
	"testing"

	"github.com/ssmlint/ssmlint/hclcheck"
	"github.com/ssmlint/ssmlint/hclcheck/checks"
	"github.com/ssmlint/ssmlint/internal/fixture"
)

// TestFixtures runs every check on each directory under
// testdata/terraform and compares the findings with the `# expect:`
// comments in it, both ways; no fixture may produce an input error (bad
// input is covered by the CLI tests). On a mismatch the messages are
// logged.
func TestFixtures(t *testing.T) {
	root := filepath.Join("..", "..", "testdata", "terraform")
	names, err := fixture.Dirs(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		dir := filepath.Join(root, name)
		t.Run(name, func(t *testing.T) {
			want, err := fixture.Read(dir)
			if err != nil {
				t.Fatal(err)
			}
			res := hclcheck.Scan(dir, hclcheck.LoadOptions{}, hclcheck.EvalOptions{}, checks.All(), hclcheck.Settings{})
			var got []fixture.Expectation
			for _, f := range res.Findings {
				rel, _ := filepath.Rel(dir, f.Range.File)
				got = append(got, fixture.Expectation{Rule: f.Rule.ID, File: filepath.ToSlash(rel), Line: f.Range.Start.Line, Column: f.Range.Start.Column})
			}
			if !fixture.Compare(t, want, got) {
				for _, f := range res.Findings {
					t.Logf("got %s:%d: %s: %s", f.Range.File, f.Range.Start.Line, f.Rule.ID, f.Message)
				}
			}
			for _, e := range res.Errors {
				t.Errorf("unexpected error: %s:%d: %s", e.Range.File, e.Range.Start.Line, e.Message)
			}
		})
	}
}

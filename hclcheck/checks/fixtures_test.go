package checks_test

import (
	"path/filepath"
	"testing"

	"github.com/ssmlint/ssmlint/finding"
	"github.com/ssmlint/ssmlint/hclcheck"
	"github.com/ssmlint/ssmlint/hclcheck/checks"
	"github.com/ssmlint/ssmlint/internal/fixture"
)

// TestFixtures runs every check on each directory under
// testdata/terraform (or the paths its scan-paths file names) and
// compares the findings with the `# expect:` comments in it, and the input
// errors with its `# expect-error:` comments, both ways. On a mismatch the
// messages are logged.
func TestFixtures(t *testing.T) {
	root := filepath.Join("..", "..", "testdata", "terraform")
	names, err := fixture.Dirs(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		dir := filepath.Join(root, name)
		t.Run(name, func(t *testing.T) {
			c, err := fixture.Load(dir)
			if err != nil {
				t.Fatal(err)
			}
			var got []fixture.Expectation
			var gotErrs []fixture.ErrorExpectation
			var findings []finding.Finding
			for _, p := range c.Paths {
				res := hclcheck.Scan(filepath.Join(dir, p), hclcheck.LoadOptions{}, hclcheck.EvalOptions{}, checks.All(), hclcheck.Settings{})
				for _, f := range res.Findings {
					rel, _ := filepath.Rel(dir, f.Range.File)
					got = append(got, fixture.Expectation{Rule: f.Rule.ID, File: filepath.ToSlash(rel), Line: f.Range.Start.Line, Column: f.Range.Start.Column})
				}
				for _, e := range res.Errors {
					rel, _ := filepath.Rel(dir, e.Range.File)
					gotErrs = append(gotErrs, fixture.ErrorExpectation{File: filepath.ToSlash(rel), Line: e.Range.Start.Line, Text: e.Message})
				}
				findings = append(findings, res.Findings...)
			}
			if !fixture.Compare(t, c.Findings, got) {
				for _, f := range findings {
					t.Logf("got %s:%d: %s: %s", f.Range.File, f.Range.Start.Line, f.Rule.ID, f.Message)
				}
			}
			fixture.CompareErrors(t, c.Errors, gotErrs)
		})
	}
}

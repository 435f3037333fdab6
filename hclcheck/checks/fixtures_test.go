package checks_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/ssmlint/ssmlint/hclcheck"
	"github.com/ssmlint/ssmlint/hclcheck/checks"
	"github.com/ssmlint/ssmlint/internal/fixture"
)

// TestFixtures runs every check on each directory under
// testdata/terraform and compares the findings with the `# expect:`
// comments in it, both ways. Fixtures that expect an error (a file named
// EXPECT_ERRORS lists error substrings) are covered by the CLI tests.
func TestFixtures(t *testing.T) {
	root := filepath.Join("..", "..", "testdata", "terraform")
	dirs, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		dir := filepath.Join(root, d.Name())
		t.Run(d.Name(), func(t *testing.T) {
			want, err := fixture.Read(dir)
			if err != nil {
				t.Fatal(err)
			}
			res := hclcheck.Scan(dir, hclcheck.LoadOptions{}, hclcheck.EvalOptions{}, checks.All(), hclcheck.Settings{})
			fs := res.Findings
			var got []fixture.Expectation
			for _, f := range fs {
				rel, _ := filepath.Rel(dir, f.Range.File)
				got = append(got, fixture.Expectation{Rule: f.Rule.ID, File: filepath.ToSlash(rel), Line: f.Range.Start.Line})
			}
			fixture.Sort(got)
			missing, extra := fixture.Diff(want, got)
			for _, m := range missing {
				t.Errorf("missing finding %s", m)
			}
			for _, e := range extra {
				t.Errorf("unexpected finding %s", e)
				for _, f := range fs {
					rel, _ := filepath.Rel(dir, f.Range.File)
					if f.Rule.ID == e.Rule && filepath.ToSlash(rel) == e.File && f.Range.Start.Line == e.Line {
						t.Logf("  %s", f.Message)
					}
				}
			}
			if _, err := os.Stat(filepath.Join(dir, "EXPECT_ERRORS")); err != nil {
				for _, e := range res.Errors {
					t.Errorf("unexpected error: %s:%d: %s", e.Range.File, e.Range.Start.Line, e.Message)
				}
			}
		})
	}
}

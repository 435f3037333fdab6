package hclcheck_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ssmlint/ssmlint/hclcheck"
	"github.com/ssmlint/ssmlint/hclcheck/checks"
)

// An evaluation bomb (nested for expressions over range) is stopped at
// the configuration's time budget and reported; other roots are checked.
func TestEvaluationBudget(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"bomb/main.tf": `locals {
  x = length(flatten([for a in range(1024) : [for b in range(1024) : [for c in range(1024) : c]]]))
}
resource "aws_ssm_parameter" "p" {
  name  = "/x/${local.x}"
  type  = "String"
  value = "v"
}
`,
		"good/main.tf": `resource "aws_ssm_parameter" "p" {
  name  = "/app/db/password"
  type  = "String"
  value = "x"
}
resource "aws_ssm_parameter" "wide" {
  name  = "/app/wide"
  type  = "String"
  value = format("%0999999999d", 1)
}
`,
	}
	for name, src := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	start := time.Now()
	res := hclcheck.Scan(dir, hclcheck.LoadOptions{ConfigTimeout: 500 * time.Millisecond}, hclcheck.EvalOptions{}, checks.All(), hclcheck.Settings{})
	if el := time.Since(start); el > 10*time.Second {
		t.Errorf("scan took %v", el)
	}
	timedOut := false
	for _, e := range res.Errors {
		if strings.Contains(e.Message, "took longer than") && strings.HasSuffix(e.Range.File, filepath.Join("bomb", "main.tf")) && e.Range.Start.Line == 2 {
			timedOut = true
		}
	}
	if !timedOut {
		t.Errorf("no timeout error at the local that takes the time (bomb/main.tf:2): %+v", res.Errors)
	}
	good := false
	for _, f := range res.Findings {
		if f.Rule.ID == "SSM201" && strings.HasSuffix(f.Range.File, filepath.Join("good", "main.tf")) {
			good = true
		}
	}
	if !good {
		t.Errorf("good/main.tf was not checked: %+v", res.Findings)
	}
}

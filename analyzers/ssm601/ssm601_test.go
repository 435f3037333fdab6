package ssm601_test

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ssmlint/ssmlint/analyzers/ssm601"
)

func TestAnalyzer(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	analysistest.RunWithSuggestedFixes(t, dir, ssm601.Analyzer, "ssm601")
}

// With the Terraform inventory, a name that says nothing is known to be a
// SecureString.
func TestInventory(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	inv := filepath.Join(t.TempDir(), "inventory.json")
	doc := `{"version": 1, "parameters": [
  {"address": "aws_ssm_parameter.dsn", "name": "/app/db/dsn", "type": "SecureString", "file": "terraform/main.tf", "line": 12, "column": 1, "end_line": 12, "end_column": 36},
  {"address": "aws_ssm_parameter.region", "name": "/app/region", "type": "String", "file": "terraform/main.tf", "line": 20, "column": 1, "end_line": 20, "end_column": 39}
]}`
	if err := os.WriteFile(inv, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := ssm601.Analyzer.Flags.Set("inventory", inv); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = ssm601.Analyzer.Flags.Set("inventory", "") }()
	analysistest.Run(t, dir, ssm601.Analyzer, "ssm601inventory")
}

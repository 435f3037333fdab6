package ssm607_test

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ssmlint/ssmlint/analyzers/ssm607"
)

func testdata(t *testing.T) string {
	dir, err := filepath.Abs(filepath.Join("..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// With the Terraform inventory: names missing from a hierarchy it
// manages are reported, with the nearest declared name.
func TestAnalyzer(t *testing.T) {
	inv := filepath.Join(t.TempDir(), "inventory.json")
	doc := `{"version": 1, "parameters": [
  {"address": "aws_ssm_parameter.dsn", "name": "/app/db/dsn", "type": "SecureString", "file": "main.tf", "line": 1, "column": 1, "end_line": 1, "end_column": 2},
  {"address": "aws_ssm_parameter.region", "name": "/app/region", "type": "String", "file": "main.tf", "line": 5, "column": 1, "end_line": 5, "end_column": 2}
]}`
	if err := os.WriteFile(inv, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := ssm607.Analyzer.Flags.Set("inventory", inv); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = ssm607.Analyzer.Flags.Set("inventory", "") }()
	analysistest.Run(t, testdata(t), ssm607.Analyzer, "ssm607")
}

// Without an inventory there is nothing to compare with: silent.
func TestNoInventory(t *testing.T) {
	analysistest.Run(t, testdata(t), ssm607.Analyzer, "ssm607none")
}

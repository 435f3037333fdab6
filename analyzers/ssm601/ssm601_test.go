package ssm601_test

import (
	"os"
	"os/exec"
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

// The same matching against the real SDK modules (aws-sdk-go-v2 and
// aws-sdk-go v1, with v1's ssmiface), fetched through the module proxy
// into the module cache first: analysistest loads them offline.
func TestRealSDK(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "testdata", "realsdk"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "mod", "download")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go mod download in %s: %v\n%s", dir, err, out)
	}
	analysistest.Run(t, dir, ssm601.Analyzer, "realsdk/app")
}

// Wrappers: a helper whose decrypt parameter reaches WithDecryption, one
// that never decrypts, and a wrapper of a wrapper, called from another
// package.
func TestWrappers(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	analysistest.RunWithSuggestedFixes(t, dir, ssm601.Analyzer, "ssm601lib", "ssm601app")
}

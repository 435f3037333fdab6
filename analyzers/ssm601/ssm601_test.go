package ssm601_test

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ssmlint/ssmlint/analyzers/ssm601"
)

func testdata(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestAnalyzer(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata(t), ssm601.Analyzer, "ssm601")
}

// Wrappers: a helper whose decrypt parameter reaches WithDecryption, one
// that never decrypts, and a wrapper of a wrapper, called from another
// package.
func TestWrappers(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata(t), ssm601.Analyzer, "ssm601lib", "ssm601app")
}

// Existence and version checks: the value is never read, so a read
// without decryption is fine.
func TestValueUnread(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata(t), ssm601.Analyzer, "ssm601unread")
}

// Names built at run time (fmt.Sprintf, concatenation) from a caller's
// argument: reported at the read when the callers are in its package, at
// the caller's call when the wrapper is in another package.
func TestBuiltNames(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, testdata(t), ssm601.Analyzer, "ssm601built", "ssm601builtlib", "ssm601builtapp")
}

// With the Terraform inventory, a name that says nothing is known to be a
// SecureString; so is a name built at run time whose known part fits one.
func TestInventory(t *testing.T) {
	inv := filepath.Join(t.TempDir(), "inventory.json")
	doc := `{"version": 1, "parameters": [
  {"address": "aws_ssm_parameter.dsn", "name": "/app/db/dsn", "type": "SecureString", "file": "terraform/main.tf", "line": 12, "column": 1, "end_line": 12, "end_column": 36},
  {"address": "aws_ssm_parameter.region", "name": "/app/region", "type": "String", "file": "terraform/main.tf", "line": 20, "column": 1, "end_line": 20, "end_column": 39},
  {"address": "aws_ssm_parameter.db_dsn", "name": "/prod/app/db_dsn", "type": "SecureString", "file": "terraform/params.tf", "line": 3, "column": 1, "end_line": 3, "end_column": 40},
  {"address": "aws_ssm_parameter.app_region", "name": "/prod/app/region", "type": "String", "file": "terraform/params.tf", "line": 6, "column": 1, "end_line": 6, "end_column": 44},
  {"address": "aws_ssm_parameter.cache_url", "name": "/prod/app/cache_url", "type": "SecureString", "file": "terraform/params.tf", "line": 9, "column": 1, "end_line": 9, "end_column": 43}
]}`
	if err := os.WriteFile(inv, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := ssm601.Analyzer.Flags.Set("inventory", inv); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = ssm601.Analyzer.Flags.Set("inventory", "") }()
	analysistest.Run(t, testdata(t), ssm601.Analyzer, "ssm601inventory", "ssm601inventorybuilt")
}

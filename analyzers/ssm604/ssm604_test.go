package ssm604_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ssmlint/ssmlint/analyzers/ssm604"
)

func TestAnalyzer(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, ssm604.Analyzer, "ssm604")
}

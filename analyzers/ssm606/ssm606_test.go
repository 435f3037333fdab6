package ssm606_test

import (
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ssmlint/ssmlint/analyzers/ssm606"
)

func TestAnalyzer(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, dir, ssm606.Analyzer, "ssm606")
}

// The config option extra_secret_words reaches the analyzer as a flag.
func TestExtraWords(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	if err := ssm606.Analyzer.Flags.Set("extra-secret-words", "PIN, otp"); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = ssm606.Analyzer.Flags.Set("extra-secret-words", "") }()
	analysistest.Run(t, dir, ssm606.Analyzer, "ssm606words")
}

package all_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/ssmlint/ssmlint/analyzers/all"
)

// Each analyzer against the real aws-sdk-go-v2 and aws-sdk-go (v1)
// modules, fetched into the module cache first: the matching is proven
// against the SDKs' own types, not only the stubs. realsdk/NAME holds the
// cases of analyzer NAME (realsdk/app those of ssm601).
func TestRealSDK(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "testdata", "realsdk"))
	if err != nil {
		t.Fatal(err)
	}
	dl := exec.Command("go", "mod", "download")
	dl.Dir = dir
	if out, err := dl.CombinedOutput(); err != nil {
		t.Fatalf("go mod download in %s: %v\n%s", dir, err, out)
	}
	ran := 0
	for _, a := range all.Analyzers() {
		pkg := a.Name
		if a.Name == "ssm601" {
			pkg = "app"
		}
		if _, err := os.Stat(filepath.Join(dir, pkg)); err != nil {
			continue
		}
		ran++
		t.Run(a.Name, func(t *testing.T) { analysistest.Run(t, dir, a, "realsdk/"+pkg) })
	}
	if ran < 5 {
		t.Errorf("ran %d analyzers against the real SDK, want at least 5", ran)
	}
}

package gocheck

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// writeTree creates files under a new temporary directory.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const (
	goMod    = "module example.com/app\n\ngo 1.22\n"
	plain    = "package app\n\nimport \"fmt\"\n\nfunc F() { fmt.Println() }\n"
	v2Types  = "package app\n\nimport (\n\t\"fmt\"\n\n\t\"github.com/aws/aws-sdk-go-v2/service/ssm/types\"\n)\n\nvar _ = types.ParameterTypeString\nvar _ = fmt.Sprint\n"
	v1Iface  = "package app\n\nimport ssmapi \"github.com/aws/aws-sdk-go/service/ssm/ssmiface\"\n\nvar _ ssmapi.SSMAPI\n"
	v2Client = "package app\n\nimport \"github.com/aws/aws-sdk-go-v2/service/ssm\"\n\nvar _ *ssm.Client\n"
	// incidents is another service whose path starts the same way.
	incidents = "package app\n\nimport \"github.com/aws/aws-sdk-go-v2/service/ssmincidents\"\n\nvar _ *ssmincidents.Client\n"
)

func TestImportsSSM(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		path  string // relative to the tree; "" for its root
		want  bool
	}{
		{"no Go SDK import", map[string]string{"go.mod": goMod, "app.go": plain, "sub/b.go": plain}, "", false},
		{"v2 types in a subpackage", map[string]string{"go.mod": goMod, "app.go": plain, "sub/b.go": v2Types}, "", true},
		{"v1 ssmiface", map[string]string{"go.mod": goMod, "app.go": v1Iface}, "", true},
		{"v2 client", map[string]string{"go.mod": goMod, "app.go": v2Client}, "", true},
		{"ssmincidents is not ssm", map[string]string{"go.mod": goMod, "app.go": incidents}, "", false},
		{"only test files", map[string]string{"go.mod": goMod, "app.go": plain, "app_test.go": v2Client, "test/x_test.go": v1Iface}, "", false},
		{"testdata", map[string]string{"go.mod": goMod, "testdata/src/a/a.go": v2Client}, "", false},
		{"vendor", map[string]string{"go.mod": goMod, "vendor/github.com/x/y/y.go": v2Client}, "", false},
		{"dot and underscore directories", map[string]string{"go.mod": goMod, ".cache/a.go": v2Client, "_old/a.go": v2Client}, "", false},
		{"underscore file", map[string]string{"go.mod": goMod, "_draft.go": v2Client}, "", false},
		{"nested module", map[string]string{"go.mod": goMod, "app.go": plain, "svc/go.mod": "module example.com/svc\n", "svc/main.go": v2Client}, "", false},
		{"the nested module itself", map[string]string{"go.mod": goMod, "svc/go.mod": "module example.com/svc\n", "svc/main.go": v2Client}, "svc", true},
		{"a subdirectory of the module", map[string]string{"go.mod": goMod, "a/a.go": plain, "b/b.go": v2Client}, "a", false},
		{"a file: its package directory", map[string]string{"go.mod": goMod, "a/a.go": plain, "a/b.go": v2Client}, "a/a.go", true},
		{"a file: not the directories below", map[string]string{"go.mod": goMod, "a/a.go": plain, "a/sub/b.go": v2Client}, "a/a.go", false},
		{"unparseable imports naming ssm", map[string]string{"go.mod": goMod, "a.go": "package app\n\nimport (\n\t\"github.com/aws/aws-sdk-go-v2/service/ssm\n"}, "", true},
		{"unparseable without ssm", map[string]string{"go.mod": goMod, "a.go": "package app\n\nimport (\n\t\"fmt\n"}, "", false},
		{"body errors do not matter", map[string]string{"go.mod": goMod, "a.go": "package app\n\nimport \"fmt\"\n\nfunc {{{ service/ssm\n"}, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeTree(t, tt.files)
			got, err := ImportsSSM(filepath.Join(dir, filepath.FromSlash(tt.path)))
			if err != nil || got != tt.want {
				t.Errorf("ImportsSSM = %v, %v; want %v", got, err, tt.want)
			}
		})
	}
}

// The imports are read from the first MiB only: a file whose import block
// starts after it is judged by its text.
func TestImportsSSMLargeFile(t *testing.T) {
	big := "package app\n\nimport \"github.com/aws/aws-sdk-go-v2/service/ssm\"\n\nvar _ *ssm.Client\n\n// " + strings.Repeat("x", 3*maxImportScan) + "\n"
	dir := writeTree(t, map[string]string{"go.mod": goMod, "big.go": big})
	if got, err := ImportsSSM(dir); err != nil || !got {
		t.Errorf("large file importing ssm: %v, %v; want true", got, err)
	}
	late := "package app\n\n// " + strings.Repeat("x", 2*maxImportScan) + "\n\nimport \"fmt\"\n"
	dir = writeTree(t, map[string]string{"go.mod": goMod, "late.go": late})
	if got, err := ImportsSSM(dir); err != nil || got {
		t.Errorf("imports past the first MiB, no ssm in the prefix: %v, %v; want false", got, err)
	}
}

// Symbolic links: a linked directory is not entered (go's ./... does not
// either), a linked .go file counts without being read.
func TestImportsSSMSymlinks(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	outside := writeTree(t, map[string]string{"lib/a.go": v2Client})
	dir := writeTree(t, map[string]string{"go.mod": goMod, "app.go": plain})
	if err := os.Symlink(filepath.Join(outside, "lib"), filepath.Join(dir, "lib")); err != nil {
		t.Fatal(err)
	}
	if got, err := ImportsSSM(dir); err != nil || got {
		t.Errorf("linked directory: %v, %v; want false", got, err)
	}
	if err := os.Symlink(filepath.Join(outside, "lib", "a.go"), filepath.Join(dir, "linked.go")); err != nil {
		t.Fatal(err)
	}
	if got, err := ImportsSSM(dir); err != nil || !got {
		t.Errorf("linked .go file: %v, %v; want true (not followed, counted)", got, err)
	}
	// The root itself may be a link, as go vet may run in one.
	link := filepath.Join(t.TempDir(), "root")
	if err := os.Symlink(outside, link); err != nil {
		t.Fatal(err)
	}
	if got, err := ImportsSSM(link); err != nil || !got {
		t.Errorf("linked root: %v, %v; want true", got, err)
	}
}

func TestImportsSSMMissing(t *testing.T) {
	if _, err := ImportsSSM(filepath.Join(t.TempDir(), "nope")); err == nil {
		t.Error("want an error for a path that does not exist")
	}
}

package main

import (
	"archive/tar"
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestParsePatch(t *testing.T) {
	patch := `diff --git a/x.tf b/x.tf
index 1..2 100644
--- a/x.tf
+++ b/x.tf
@@ -1,3 +1,4 @@
 a
-b
+B
+c
 d
@@ -10 +11,2 @@ resource
-x
+++y
+z
diff --git a/gone.tf b/gone.tf
--- a/gone.tf
+++ /dev/null
@@ -1 +0,0 @@
-x
--- "a/sp ace.tf"	2026-01-01
+++ "b/sp ace.tf"	2026-01-01
@@ -0,0 +1 @@
+new
`
	got, err := parsePatch([]byte(patch))
	if err != nil {
		t.Fatal(err)
	}
	lines := func(f string) []int {
		var out []int
		for l := range got[f] {
			out = append(out, l)
		}
		slices.Sort(out)
		return out
	}
	if l := lines("x.tf"); !slices.Equal(l, []int{2, 3, 11, 12}) {
		t.Errorf("x.tf: %v, want [2 3 11 12]", l)
	}
	if l := lines("sp ace.tf"); !slices.Equal(l, []int{1}) {
		t.Errorf("sp ace.tf: %v", l)
	}
	if _, ok := got["gone.tf"]; ok {
		t.Error("a deleted file has no changed lines")
	}
	if _, err := parsePatch([]byte("+++ b/x\n@@ nonsense @@\n")); err == nil {
		t.Error("a malformed hunk header is an error")
	}
}

// TestExtractTarStaysInside: names that climb out, and a file written
// below a link to elsewhere, land inside the directory or nowhere.
func TestExtractTarStaysInside(t *testing.T) {
	outside := t.TempDir()
	dir := t.TempDir()
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	add := func(h *tar.Header, body string) {
		h.Size = int64(len(body))
		if h.Mode == 0 {
			h.Mode = 0o644
		}
		if err := tw.WriteHeader(h); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	add(&tar.Header{Name: "../../climb.tf", Typeflag: tar.TypeReg}, "x")
	add(&tar.Header{Name: "/abs.tf", Typeflag: tar.TypeReg}, "x")
	add(&tar.Header{Name: "link", Typeflag: tar.TypeSymlink, Linkname: outside}, "")
	add(&tar.Header{Name: "link/through.tf", Typeflag: tar.TypeReg}, "x")
	add(&tar.Header{Name: ".git/config", Typeflag: tar.TypeReg}, "x")
	add(&tar.Header{Name: "fifo", Typeflag: tar.TypeFifo}, "")
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	// The file below the link is written into a real directory; the link
	// is then not made over it.
	if err := extractTar(&buf, dir); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(outside); len(entries) != 0 {
		t.Errorf("a file was written outside: %v", entries)
	}
	for _, f := range []string{"climb.tf", "abs.tf"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("%s not extracted inside: %v", f, err)
		}
	}
	for _, f := range []string{".git", "fifo"} {
		if _, err := os.Lstat(filepath.Join(dir, f)); err == nil {
			t.Errorf("%s extracted", f)
		}
	}
}

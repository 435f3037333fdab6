package main_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Bad input: each case gives an error with file:line:col in text and in the
// JSON errors array, exit 2, no panic, and the good file next to it is still
// scanned and reported.

type badCase struct {
	name    string
	setup   func(t *testing.T, dir string)
	errFile string // file the error names, relative to dir
	errLine int
	errMsg  string // substring of the message
}

func TestBadInput(t *testing.T) {
	cases := []badCase{
		{"broken hcl", func(t *testing.T, dir string) {
			writeFile(t, dir, "broken.tf", "resource \"aws_ssm_parameter\" \"x\" {\n  name = \n}\n")
		}, "broken.tf", 2, ""},
		{"invalid utf-8", func(t *testing.T, dir string) {
			writeFile(t, dir, "latin1.tf", "# caf\xe9\nlocals {}\n")
		}, "latin1.tf", 1, "UTF-8"},
		{"over size cap", func(t *testing.T, dir string) {
			writeFile(t, dir, "huge.tf", "# "+strings.Repeat("x", 11<<20)+"\n")
		}, "huge.tf", 1, "size cap"},
		{"symlink loop", func(t *testing.T, dir string) {
			symlink(t, "self", filepath.Join(dir, "self"))
		}, "self", 1, "symbolic link"},
		{"symlink to ancestor", func(t *testing.T, dir string) {
			if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
				t.Fatal(err)
			}
			symlink(t, "..", filepath.Join(dir, "sub", "up"))
		}, "sub/up", 1, "loop"},
		{"symlink outside root", func(t *testing.T, dir string) {
			outside := t.TempDir()
			writeFile(t, outside, "secret.tf", badParam)
			symlink(t, filepath.Join(outside, "secret.tf"), filepath.Join(dir, "linked.tf"))
		}, "linked.tf", 1, "outside the repository"},
		{"file() outside root", func(t *testing.T, dir string) {
			writeFile(t, dir, "doc.tf", "resource \"aws_ssm_parameter\" \"doc\" {\n  name  = \"/app/doc\"\n  type  = \"String\"\n  value = file(\"/etc/hostname\")\n}\n")
		}, "doc.tf", 4, "outside the repository"},
		{"module source outside root", func(t *testing.T, dir string) {
			writeFile(t, dir, "mod.tf", "module \"up\" {\n  source = \"../elsewhere\"\n}\n")
		}, "mod.tf", 2, "outside the repository"},
		{"module source missing", func(t *testing.T, dir string) {
			writeFile(t, dir, "mod.tf", "module \"gone\" {\n  source = \"./modules/gone\"\n}\n")
		}, "mod.tf", 2, "is not a directory in the repository"},
		{"config unknown key", func(t *testing.T, dir string) {
			writeFile(t, dir, ".ssmlint.yml", "version: 1\nrules:\n  SSM201: {enabld: false}\n")
		}, ".ssmlint.yml", 3, "enabld"},
		{"config unknown rule", func(t *testing.T, dir string) {
			writeFile(t, dir, ".ssmlint.yml", "version: 1\nrules:\n  SSM999: {enabled: false}\n")
		}, ".ssmlint.yml", 3, "SSM999"},
		{"yaml alias bomb", func(t *testing.T, dir string) {
			writeFile(t, dir, ".ssmlint.yml", yamlBomb())
		}, ".ssmlint.yml", 0, ""},
		{"session document not JSON", func(t *testing.T, dir string) {
			writeFile(t, dir, "prefs.tf", "resource \"aws_ssm_document\" \"prefs\" {\n  name          = \"SSM-SessionManagerRunShell\"\n  document_type = \"Session\"\n  content       = <<-JSON\n    {\n      \"inputs\": { \"kmsKeyId\": tru }\n    }\n  JSON\n}\n")
		}, "prefs.tf", 4, "content is not valid JSON: line 2 of the document"},
		{"session document not YAML", func(t *testing.T, dir string) {
			writeFile(t, dir, "prefs.tf", "resource \"aws_ssm_document\" \"prefs\" {\n  name            = \"SSM-SessionManagerRunShell\"\n  document_type   = \"Session\"\n  document_format = \"YAML\"\n  content         = \"inputs: [\"\n}\n")
		}, "prefs.tf", 5, "content is not valid YAML"},
		{"deep nesting", func(t *testing.T, dir string) {
			writeFile(t, dir, "deep.tf", "locals {\n  x = "+strings.Repeat("[", 10000)+strings.Repeat("]", 10000)+"\n}\n")
		}, "deep.tf", 2, "nesting"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFile(t, dir, "good.tf", badParam) // must still be reported
			c.setup(t, dir)
			start := time.Now()
			r, code := runJSON(t, dir, ".")
			if d := time.Since(start); d > 20*time.Second {
				t.Errorf("took %v", d)
			}
			if code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
			found := false
			for _, e := range r.Errors {
				if e.File == c.errFile && (c.errLine == 0 || e.Line == c.errLine) && e.Column > 0 && strings.Contains(e.Message, c.errMsg) {
					found = true
				}
			}
			if !found {
				t.Errorf("no error at %s:%d containing %q; errors: %+v", c.errFile, c.errLine, c.errMsg, r.Errors)
			}
			good := false
			for _, f := range r.Findings {
				if f.File == "good.tf" && f.Rule == "SSM201" {
					good = true
				}
			}
			if !good {
				t.Errorf("good.tf was not scanned: findings %+v", r.Findings)
			}
			// The text format shows the same error with its position.
			out, _, _ := ssmlint(t, dir, ".")
			if c.errLine > 0 && !strings.Contains(out, c.errFile+":"+itoa(c.errLine)+":") {
				t.Errorf("text output lacks %s:%d:\n%s", c.errFile, c.errLine, out)
			}
		})
	}
}

func writeFile(t *testing.T, dir, name, content string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("symlinks unavailable: %v", err)
	}
}

func yamlBomb() string {
	var b strings.Builder
	b.WriteString("version: 1\n")
	b.WriteString("a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n")
	for i := 1; i <= 9; i++ {
		p := "*a" + itoa(i-1)
		b.WriteString("a" + itoa(i) + ": &a" + itoa(i) + " [" + strings.Repeat(p+",", 9) + p + "]\n")
	}
	return b.String()
}

func itoa(i int) string { return strconv.Itoa(i) }

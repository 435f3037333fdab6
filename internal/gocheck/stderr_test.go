package gocheck

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Only build errors in files inside the boundary are kept; go's own
// complaint only when every path it names is inside.
func TestReadStderr(t *testing.T) {
	base := t.TempDir()
	repo, outside := filepath.Join(base, "repo"), filepath.Join(base, "outside")
	for _, d := range []string{filepath.Join(repo, "app"), outside} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(outside, "secret.go"), []byte("SECRET\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "secret.go"), filepath.Join(repo, "app", "link.go")); err != nil {
		t.Skip(err)
	}
	if err := os.WriteFile(filepath.Join(repo, "app", "a.go"), []byte("package app\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stderr := strings.Join([]string{
		"# example.com/app/app",
		"app/a.go:3:28: cannot use \"x\" as int value",
		"vet: app/link.go:1:1: expected 'package', found SECRET",
		outside + "/secret.go:1:1: SECRET quoted",
		"/etc/passwd:1:5: undefined: root",
	}, "\n")
	s := readStderr(repo, repo, stderr)
	if len(s.positioned) != 1 || s.positioned[0].Range.File != filepath.Join(repo, "app", "a.go") || s.positioned[0].Range.Start.Column != 28 {
		t.Errorf("positioned %+v; want a.go:3:28 alone", s.positioned)
	}
	// /etc/passwd is not a .go file: its line is go's first unpositioned
	// one, and names a path outside, so it is not quoted either.
	if s.hidden != 2 || s.complaint != "" {
		t.Errorf("hidden %d, complaint %q; want 2 and none", s.hidden, s.complaint)
	}
	for _, tc := range []struct{ stderr, want string }{
		{"go: errors parsing ../outside/go.mod:\n../outside/go.mod:1: unknown directive: SECRET", ""},
		{"go: updates to go.mod needed; to update it:\n\tgo mod tidy", "go: updates to go.mod needed; to update it:"},
		{"go: go.mod requires go >= 1.99 (running go 1.26; GOTOOLCHAIN=local)", "go: go.mod requires go >= 1.99 (running go 1.26; GOTOOLCHAIN=local)"},
		{"go: reading " + outside + "/x: SECRET", ""},
		{"go: reading ./app/a.go", "go: reading ./app/a.go"},
		{"go: ~/elsewhere", ""},
	} {
		if got := readStderr(repo, repo, tc.stderr).complaint; got != tc.want {
			t.Errorf("complaint of %q = %q; want %q", tc.stderr, got, tc.want)
		}
	}
	long := "go: " + strings.Repeat("é", 400)
	if got := readStderr(repo, repo, long).complaint; len(got) > maxComplaint+len("…") || !strings.HasSuffix(got, "…") {
		t.Errorf("a long complaint is %d bytes", len(got))
	}
	if got := (vetStderr{hidden: 2}).failure(errors.New("exit status 1")); got != "go vet failed: exit status 1; 2 of its messages are about files outside the repository and are not shown" {
		t.Errorf("failure = %q", got)
	}
}

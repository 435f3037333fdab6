package main_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The hostile suite: inputs an attacker can put in a pull request. Each
// case asserts what a CI gate needs: the exit code, no crash, the message
// and its position, that files outside the repository are neither quoted
// nor changed, that the rest of the tree is still checked, and a time
// bound far under the budget. The cases live in hostile_*_test.go; this
// file holds what they share.

// hostileBudget is the wall time any hostile case may take.
const hostileBudget = 20 * time.Second

// outsideMarker is the content of files outside the repository: it must
// never appear in ssmlint's output.
const outsideMarker = "SSMLINT-OUTSIDE-MARKER-do-not-quote"

// hostileRepo creates a repository (a directory with .git) holding files
// and good.tf, whose SSM201 finding must be reported whatever else is in
// the tree. It returns the repository and a directory outside it holding
// secret.tf, secret.go, secret.txt and secret.json (each the marker).
func hostileRepo(t *testing.T, files map[string]string) (repo, outside string) {
	t.Helper()
	base := t.TempDir()
	repo, outside = filepath.Join(base, "repo"), filepath.Join(base, "outside")
	all := map[string]string{".git/HEAD": "ref: refs/heads/main\n", "good.tf": badParam}
	for k, v := range files {
		all[k] = v
	}
	for name, content := range all {
		writeFile(t, repo, name, content)
	}
	for _, name := range []string{"secret.tf", "secret.go", "secret.txt", "secret.json"} {
		writeFile(t, outside, name, outsideMarker+"\n")
	}
	return repo, outside
}

// hostileRun is one run of the binary on hostile input.
type hostileRun struct {
	stdout, stderr string
	code           int
	report         jsonReport // when run with --format json
}

// runHostile runs ssmlint in dir with args and a hard time limit, and
// checks what holds for every hostile case: no panic or fatal error, no
// timeout, and the outside marker nowhere in the output.
func runHostile(t *testing.T, dir string, env []string, args ...string) hostileRun {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), hostileBudget)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "NO_COLOR=1"), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("ssmlint %v did not finish in %v", args, hostileBudget)
	}
	var r hostileRun
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		r.code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	r.stdout, r.stderr = stdout.String(), stderr.String()
	for _, bad := range []string{"panic:", "fatal error:", "goroutine ", "runtime: "} {
		if strings.Contains(r.stdout+r.stderr, bad) {
			t.Fatalf("ssmlint crashed (%q) after %v:\n%s", bad, time.Since(start), r.stderr)
		}
	}
	if strings.Contains(r.stdout+r.stderr, outsideMarker) {
		t.Errorf("the output quotes a file outside the repository:\n%s\n%s", r.stdout, r.stderr)
	}
	for i, a := range args {
		if a == "--format" && i+1 < len(args) && args[i+1] == "json" {
			if err := json.Unmarshal(stdout.Bytes(), &r.report); err != nil {
				t.Fatalf("output is not JSON: %v\n%s\n%s", err, r.stdout, r.stderr)
			}
		}
	}
	return r
}

// wantGood checks that good.tf's finding is in a JSON report: the rest of
// the tree was still checked.
func (r hostileRun) wantGood(t *testing.T) {
	t.Helper()
	for _, f := range r.report.Findings {
		if f.File == "good.tf" && f.Rule == "SSM201" {
			return
		}
	}
	t.Errorf("good.tf was not checked: findings %+v, errors %+v", r.report.Findings, r.report.Errors)
}

// wantError checks for an input error at file (and line, when not 0)
// whose message contains text.
func (r hostileRun) wantError(t *testing.T, file string, line int, text string) {
	t.Helper()
	for _, e := range r.report.Errors {
		if e.File == file && (line == 0 || e.Line == line) && strings.Contains(e.Message, text) {
			return
		}
	}
	t.Errorf("no error at %s:%d containing %q; errors: %+v", file, line, text, r.report.Errors)
}

// unchanged checks that the files under dir still hold the marker only.
func unchanged(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != outsideMarker+"\n" {
			t.Errorf("%s outside the repository was modified: %q", e.Name(), b)
		}
	}
}

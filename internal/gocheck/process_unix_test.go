//go:build unix

package gocheck

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestGoFlags(t *testing.T) {
	for _, tc := range []struct{ user, mod, want string }{
		{"", "-mod=readonly", "-mod=readonly"},
		{"-buildvcs=false", "-mod=readonly", "-buildvcs=false -mod=readonly"},
		{"-mod=mod -tags=x --mod=mod", "-mod=vendor", "-tags=x -mod=vendor"},
	} {
		if got := goFlags(tc.user, tc.mod); got != tc.want {
			t.Errorf("goFlags(%q, %q) = %q; want %q", tc.user, tc.mod, got, tc.want)
		}
	}
}

// go vet runs without cgo, with the local toolchain, -mod=readonly (or
// vendor), and without a go.work from outside the boundary.
func TestVetEnv(t *testing.T) {
	base := t.TempDir()
	repo := filepath.Join(base, "repo")
	for name, body := range map[string]string{
		"go.work":                          "go 1.22\n",
		"repo/go.mod":                      goMod,
		"repo/vendored/go.mod":             goMod,
		"repo/vendored/vendor/modules.txt": "",
	} {
		p := filepath.Join(base, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("GOFLAGS", "-mod=mod -buildvcs=false")
	t.Setenv("GOWORK", "")
	last := func(env []string, key string) string {
		v := "(unset)"
		for _, kv := range env {
			if k, val, _ := strings.Cut(kv, "="); k == key {
				v = val
			}
		}
		return v
	}
	env := vetEnv(repo, repo)
	for key, want := range map[string]string{"CGO_ENABLED": "0", "GOTOOLCHAIN": "local", "GOFLAGS": "-buildvcs=false -mod=readonly", "GOWORK": "off", VetToolEnv: "1"} {
		if got := last(env, key); got != want {
			t.Errorf("%s=%s; want %s", key, got, want)
		}
	}
	if got := last(vetEnv(filepath.Join(repo, "vendored"), repo), "GOFLAGS"); got != "-buildvcs=false -mod=vendor" {
		t.Errorf("vendored: GOFLAGS=%s", got)
	}
	// A go.work inside the boundary is the repository's: go uses it.
	if got := last(vetEnv(repo, base), "GOWORK"); got != "" && got != "(unset)" {
		t.Errorf("go.work inside the boundary: GOWORK=%s", got)
	}
}

// fakeGo puts first on PATH a go that records its pid and its child's,
// and waits on a child that ignores SIGINT (a shell's background job):
// only a kill of the whole process group ends it.
func fakeGo(t *testing.T) (pids string) {
	t.Helper()
	bin, pids := t.TempDir(), t.TempDir()
	script := "#!/bin/sh\nsleep 300 &\necho $! > " + filepath.Join(pids, "child") + "\necho $$ > " + filepath.Join(pids, "go") + "\nwait\n"
	if err := os.WriteFile(filepath.Join(bin, "go"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	return pids
}

// gone waits up to a second for the process whose pid is in file to be
// gone (or a zombie).
func gone(t *testing.T, file string) bool {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("no pid: %v", err)
	}
	pid, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	for deadline := time.Now().Add(time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if syscall.Kill(pid, 0) != nil {
			return true
		}
		if st, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat"); err == nil {
			if i := strings.LastIndexByte(string(st), ')'); i > 0 && i+2 < len(st) && st[i+2] == 'Z' {
				return true
			}
		}
	}
	_ = syscall.Kill(pid, syscall.SIGKILL)
	return false
}

// The time budget stops go vet with its whole process group.
func TestRunTimeoutKillsGroup(t *testing.T) {
	pids := fakeGo(t)
	dir := writeTree(t, map[string]string{"go.mod": goMod, "a.go": v2Client})
	start := time.Now()
	_, err := Run(context.Background(), dir, Options{Tool: "ssmlint", Analyzers: []string{"ssm601"}, Timeout: 500 * time.Millisecond})
	took := time.Since(start)
	var te *TimeoutError
	if !errors.As(err, &te) || !strings.Contains(err.Error(), "did not finish within 500ms") {
		t.Errorf("err = %v; want a *TimeoutError", err)
	}
	if took > 500*time.Millisecond+2*stopGrace+time.Second {
		t.Errorf("took %v", took)
	}
	for _, p := range []string{"go", "child"} {
		if !gone(t, filepath.Join(pids, p)) {
			t.Errorf("%s still runs", p)
		}
	}
}

// A cancelled context (SIGINT to ssmlint) stops go vet the same way, and
// Run returns the context's error.
func TestRunCancelKillsGroup(t *testing.T) {
	pids := fakeGo(t)
	dir := writeTree(t, map[string]string{"go.mod": goMod, "a.go": v2Client})
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		for {
			if _, err := os.Stat(filepath.Join(pids, "go")); err == nil {
				cancel()
				return
			}
			time.Sleep(10 * time.Millisecond)
		}
	}()
	_, err := Run(ctx, dir, Options{Tool: "ssmlint", Analyzers: []string{"ssm601"}})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v; want context.Canceled", err)
	}
	for _, p := range []string{"go", "child"} {
		if !gone(t, filepath.Join(pids, p)) {
			t.Errorf("%s still runs", p)
		}
	}
}

package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ssmlint/ssmlint/internal/safefs"
)

// gateRepo makes a repository and, beside it, an outside file whose
// content must never be quoted.
func gateRepo(t *testing.T) (repo, outside string) {
	t.Helper()
	base := safefs.RealPath(t.TempDir())
	repo, outside = filepath.Join(base, "repo"), filepath.Join(base, "passwd")
	if err := os.MkdirAll(filepath.Join(repo, "stacks", "prod"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(outside, []byte("root:x:0:0:OUTSIDE-SECRET:/root:/bin/sh\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return repo, outside
}

func TestFindWithinStopsAtTheBoundary(t *testing.T) {
	base := safefs.RealPath(t.TempDir())
	repo := filepath.Join(base, "repo")
	deep := filepath.Join(repo, "a", "b")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	// Above the boundary: never found.
	if err := os.WriteFile(filepath.Join(base, ".ssmlint.yml"), []byte("version: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if p, ok := FindWithin(deep, repo); ok {
		t.Errorf("FindWithin found %s above the boundary", p)
	}
	if err := os.WriteFile(filepath.Join(repo, ".ssmlint.yml"), []byte("version: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if p, ok := FindWithin(deep, repo); !ok || p != filepath.Join(repo, ".ssmlint.yml") {
		t.Errorf("FindWithin = %q, %v", p, ok)
	}
	// A directory with the name is not a configuration.
	if err := os.Mkdir(filepath.Join(deep, ".ssmlint.yml"), 0o755); err != nil {
		t.Fatal(err)
	}
	if p, ok := FindWithin(deep, repo); !ok || p != filepath.Join(repo, ".ssmlint.yml") {
		t.Errorf("FindWithin skips directories: %q, %v", p, ok)
	}
}

// A configuration that is a link out of the repository is found, then
// refused by Load with an error naming it, never quoting the target.
func TestLoadRefusesALinkOutOfTheRepository(t *testing.T) {
	repo, outside := gateRepo(t)
	link := filepath.Join(repo, ".ssmlint.yml")
	if err := os.Symlink(outside, link); err != nil {
		t.Skipf("symlink: %v", err)
	}
	p, ok := FindWithin(filepath.Join(repo, "stacks", "prod"), repo)
	if !ok || p != link {
		t.Fatalf("FindWithin = %q, %v; want the link", p, ok)
	}
	_, err := Load(p, LoadOptions{Gate: safefs.Gate{Boundary: repo}})
	if err == nil {
		t.Fatal("Load read a file outside the repository")
	}
	es := Positions(err)
	if len(es) != 1 || es[0].File != link || !strings.Contains(es[0].Message, "outside the repository") {
		t.Errorf("errors = %v", err)
	}
	if strings.Contains(err.Error(), "OUTSIDE-SECRET") || strings.Contains(err.Error(), "root:x") {
		t.Errorf("the error quotes the outside file: %v", err)
	}
}

func TestLoadRefusesAFIFO(t *testing.T) {
	repo, _ := gateRepo(t)
	p := filepath.Join(repo, ".ssmlint.yml")
	if err := mkfifo(p); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := Load(p, LoadOptions{Gate: safefs.Gate{Boundary: repo}})
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), "not a regular file (a FIFO)") {
			t.Errorf("err = %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Load blocked on a FIFO")
	}
}

// A file the user named outside the repository is read, but its errors
// quote nothing of it.
func TestLoadPrivateQuotesNothing(t *testing.T) {
	_, outside := gateRepo(t)
	_, err := Load(outside, LoadOptions{Private: true})
	if err == nil {
		t.Fatal("passwd decoded as a configuration")
	}
	es := Positions(err)
	if len(es) == 0 || es[0].File != outside || es[0].Line != 1 {
		t.Errorf("errors = %v", err)
	}
	if strings.Contains(err.Error(), "OUTSIDE-SECRET") || strings.Contains(err.Error(), "root:x") {
		t.Errorf("the error quotes the outside file: %v", err)
	}
	// The same file inside the repository may be quoted: the user wrote it.
	_, err = Load(outside, LoadOptions{})
	if err == nil || !strings.Contains(err.Error(), "root:x") {
		t.Errorf("in-repository error = %v", err)
	}
}

package baseline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ssmlint/ssmlint/internal/safefs"
)

const outsideSecret = "OUTSIDE-SECRET-baseline"

// A baseline named inside the repository that links out of it is not read.
func TestLoadRefusesALinkOutOfTheRepository(t *testing.T) {
	base := safefs.RealPath(t.TempDir())
	repo, outside := filepath.Join(base, "repo"), filepath.Join(base, "secret.json")
	if err := os.Mkdir(repo, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(outside, []byte(`{"`+outsideSecret+`": 1}`), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(repo, "baseline.json")
	if err := os.Symlink(outside, link); err != nil {
		t.Skipf("symlink: %v", err)
	}
	_, err := Load(link, LoadOptions{Gate: safefs.Gate{Boundary: repo}})
	if err == nil || !strings.Contains(err.Error(), "outside the repository") || !strings.HasPrefix(err.Error(), link+": ") {
		t.Errorf("err = %v", err)
	}
	if err != nil && strings.Contains(err.Error(), outsideSecret) {
		t.Errorf("the error quotes the outside file: %v", err)
	}
	// Named outside (the user chose it): read, and its errors quote nothing.
	_, err = Load(outside, LoadOptions{Private: true})
	if err == nil || strings.Contains(err.Error(), outsideSecret) {
		t.Errorf("private err = %v", err)
	}
	if err != nil && !strings.Contains(err.Error(), ":1:2: invalid baseline") {
		t.Errorf("private err = %v (want the position kept)", err)
	}
	// The same file read as a repository file may be quoted.
	if _, err = Load(outside, LoadOptions{}); err == nil || !strings.Contains(err.Error(), outsideSecret) {
		t.Errorf("in-repository err = %v", err)
	}
}

func TestLoadRefusesAFIFO(t *testing.T) {
	p := filepath.Join(t.TempDir(), "baseline.json")
	if err := mkfifo(p); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := Load(p, LoadOptions{})
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

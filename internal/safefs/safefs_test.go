package safefs

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestGateReads(t *testing.T) {
	base := t.TempDir()
	repo, outside := filepath.Join(base, "repo"), filepath.Join(base, "outside")
	for _, d := range []string{repo, outside} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(p, s string) {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(repo, "in.tf"), "inside")
	write(filepath.Join(outside, "secret"), "SECRET")
	if err := os.Symlink(filepath.Join(outside, "secret"), filepath.Join(repo, "link.tf")); err != nil {
		t.Skip(err)
	}
	g := Gate{Boundary: RealPath(repo)}

	if b, err := g.ReadFile(filepath.Join(repo, "in.tf"), 100); err != nil || string(b) != "inside" {
		t.Errorf("inside: %q, %v", b, err)
	}
	_, err := g.ReadFile(filepath.Join(repo, "link.tf"), 100)
	var out *OutsideError
	if !errors.As(err, &out) || strings.Contains(err.Error(), "SECRET") {
		t.Errorf("link out: %v", err)
	}
	if _, err := g.ReadFile(filepath.Join(repo, "in.tf"), 3); !errors.As(err, new(*TooLargeError)) {
		t.Errorf("over the cap: %v", err)
	}
	_, err = g.ReadFile(repo, 100)
	if !errors.As(err, new(*NotRegularError)) {
		t.Errorf("a directory: %v", err)
	}
	if got := Problem("baseline", err); got != "baseline not read: it is not a regular file (a directory)" {
		t.Errorf("Problem: %q", got)
	}

	// A FIFO is refused at once, never opened for a blocking read.
	{
		fifo := filepath.Join(repo, "fifo.tf")
		if err := mkfifo(fifo); err == nil {
			done := make(chan error, 1)
			go func() { _, err := g.ReadFile(fifo, 100); done <- err }()
			select {
			case err := <-done:
				if !errors.As(err, new(*NotRegularError)) {
					t.Errorf("FIFO: %v", err)
				}
			case <-time.After(5 * time.Second):
				t.Fatal("reading a FIFO blocked")
			}
		}
	}

	// A sparse file claiming a terabyte is refused by its size, without
	// reading or allocating it.
	sparse := filepath.Join(repo, "sparse.tf")
	if f, err := os.Create(sparse); err == nil {
		if f.Truncate(1<<40) == nil {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			_, err := g.ReadFile(sparse, 10<<20)
			runtime.ReadMemStats(&after)
			if !errors.As(err, new(*TooLargeError)) || after.TotalAlloc-before.TotalAlloc > 1<<20 {
				t.Errorf("sparse: %v, %d bytes allocated", err, after.TotalAlloc-before.TotalAlloc)
			}
		}
		f.Close()
	}
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "report.json")
	if err := os.WriteFile(p, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(p, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(p)
	fi, _ := os.Stat(p)
	if string(b) != "new" || fi.Mode().Perm() != 0o600 {
		t.Errorf("content %q mode %v; want new, the old mode 0600", b, fi.Mode().Perm())
	}
	// A target that cannot be replaced leaves it as it was, and no
	// temporary file behind.
	if err := WriteFile(dir, []byte("x"), 0o644); err == nil {
		t.Error("writing over a directory succeeded")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

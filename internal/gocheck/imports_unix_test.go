//go:build unix

package gocheck

import (
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// A FIFO named x.go is not opened: opening it would block until a writer
// came.
func TestImportsSSMFIFO(t *testing.T) {
	dir := writeTree(t, map[string]string{"go.mod": goMod, "app.go": plain})
	if err := syscall.Mkfifo(filepath.Join(dir, "x.go"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	type result struct {
		ok  bool
		err error
	}
	done := make(chan result, 1)
	go func() {
		ok, err := ImportsSSM(dir)
		done <- result{ok, err}
	}()
	select {
	case r := <-done:
		if r.err != nil || r.ok {
			t.Errorf("ImportsSSM = %v, %v; want false", r.ok, r.err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("ImportsSSM blocked on a FIFO")
	}
}

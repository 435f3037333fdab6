// Command ssmlint finds AWS Systems Manager mistakes in Terraform (and, in
// a later release, Go) before they ship.
//
//	ssmlint [flags] [PATH ...]
//	ssmlint rules [RULE]
//
// Exit status: 0 when nothing at or above --fail-on was found, 1 when
// something was, 2 on a usage error or input that could not be read (the
// rest of the input is still scanned and reported).
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
	"time"

	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/ssmlint/ssmlint/analyzers/all"
	"github.com/ssmlint/ssmlint/internal/gocheck"
)

func main() {
	// ssmlint runs its Go analyzers through go vet, with itself as the
	// vet tool (see internal/gocheck); the diagnostics carry their real
	// positions, whatever //line directives say.
	if os.Getenv(gocheck.VetToolEnv) == "1" {
		unitchecker.Main(gocheck.VetAnalyzers(all.Analyzers())...)
	}
	// A scan allocates much and keeps little (each root module is dropped
	// once checked), so the default GC target makes the collector run far
	// more often than memory needs: trade headroom for speed (measured:
	// 10,000 files peak at about 270 MB). The soft memory limit is half of
	// what the process may use (see memoryLimit), a guard against running
	// out, never a fixed figure that a large scan would hit and then spend
	// its time collecting. GOGC and GOMEMLIMIT still win when set.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(500)
	}
	if limit := memoryLimit(); os.Getenv("GOMEMLIMIT") == "" && limit > 0 {
		debug.SetMemoryLimit(limit)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// interruptible is the context of the Go side: done when ssmlint receives
// SIGINT or SIGTERM while it runs go vet, which then stops go vet with its
// whole process group (internal/gocheck). stop gives the signals their
// default action back and, when one came, ends ssmlint as it would have.
// Outside the Go side, the signals keep their default action throughout.
type interruptible struct {
	context.Context
	signals chan os.Signal
	cancel  context.CancelFunc
	done    chan struct{} // closed when the watch is over
	got     os.Signal     // the signal received, once done is closed
}

func watchSignals() *interruptible {
	ctx, cancel := context.WithCancel(context.Background())
	s := &interruptible{Context: ctx, signals: make(chan os.Signal, 1), cancel: cancel, done: make(chan struct{})}
	signal.Notify(s.signals, os.Interrupt, syscall.SIGTERM)
	go func() {
		defer close(s.done)
		select {
		case sig := <-s.signals:
			s.got = sig
			cancel()
		case <-ctx.Done():
		}
	}()
	return s
}

// interrupted reports whether a signal came.
func (s *interruptible) interrupted() bool { return s.Err() != nil }

// stop ends the watch. When a signal came (even one not yet handled),
// it ends ssmlint with that signal, once its default action is back;
// where a process cannot signal itself, it exits with the shell's code
// for it (128+n).
func (s *interruptible) stop() {
	signal.Stop(s.signals)
	s.cancel()
	<-s.done
	if s.got == nil {
		select {
		case s.got = <-s.signals:
		default:
			return
		}
	}
	if p, err := os.FindProcess(os.Getpid()); err == nil && p.Signal(s.got) == nil {
		time.Sleep(time.Second) // the signal ends the process
	}
	n, _ := s.got.(syscall.Signal)
	os.Exit(128 + int(n))
}

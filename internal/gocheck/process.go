package gocheck

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// DefaultTimeout bounds a go vet run when Options.Timeout is 0: generous,
// since a cold build of a large module with the SDK takes minutes.
const DefaultTimeout = 10 * time.Minute

// stopGrace is how long go vet has to stop after SIGINT before its
// process group is killed, and how long its output pipes are waited for
// once it has exited.
const stopGrace = 3 * time.Second

// vetEnv is the environment of the go command that ssmlint runs on code
// it does not trust:
//
//   - CGO_ENABLED=0: no C compiler runs, so `#include "/etc/passwd"` in a
//     cgo file is never compiled (and quoted in an error); files that
//     import "C" are left out of the build, as their build constraints
//     say.
//   - GOTOOLCHAIN=local: a go.mod asking for a newer Go does not make go
//     download and run another toolchain; go says which version it needs.
//   - GOFLAGS: the user's flags are kept, except any -mod flag, which is
//     replaced by -mod=readonly (go.mod and go.sum are never rewritten),
//     or -mod=vendor when the module vendors its dependencies (also
//     read-only, and what go would pick by itself). -mod=readonly does not
//     stop go from downloading the modules go.mod requires into the module
//     cache, as any build does.
//   - GOWORK=off when the go.work that go would use lies outside the
//     repository boundary: a workspace file the repository does not hold
//     does not decide what is built.
func vetEnv(dir, boundary string) []string {
	env := append(os.Environ(), VetToolEnv+"=1", "CGO_ENABLED=0", "GOTOOLCHAIN=local",
		"GOFLAGS="+goFlags(os.Getenv("GOFLAGS"), modFlag(dir)))
	if os.Getenv("GOWORK") == "" {
		if w := findUp(dir, "go.work"); w != "" && !insideBoundary(boundary, w) {
			env = append(env, "GOWORK=off")
		}
	}
	return env
}

// goFlags is the user's GOFLAGS with its -mod flag replaced by mod.
func goFlags(user, mod string) string {
	var out []string
	for _, f := range strings.Fields(user) {
		name, _, _ := strings.Cut(strings.TrimLeft(f, "-"), "=")
		if name != "mod" {
			out = append(out, f)
		}
	}
	return strings.Join(append(out, mod), " ")
}

// modFlag is -mod=vendor for a module with a vendor directory, else
// -mod=readonly.
func modFlag(dir string) string {
	if root := ModuleRoot(dir); root != "" {
		if fi, err := os.Stat(filepath.Join(root, "vendor", "modules.txt")); err == nil && fi.Mode().IsRegular() {
			return "-mod=vendor"
		}
	}
	return "-mod=readonly"
}

// findUp returns the first file named name in dir or above, or "".
func findUp(dir, name string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for d := abs; ; d = filepath.Dir(d) {
		if fi, err := os.Stat(filepath.Join(d, name)); err == nil && !fi.IsDir() {
			return filepath.Join(d, name)
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}

// runContained runs cmd in a process group of its own until it exits or
// ctx is done. Then go vet gets SIGINT (it cleans up and stops), and
// after stopGrace whatever is left of its group is killed; runContained
// returns once the command is reaped. The error is cmd.Wait's, or ctx's
// when ctx ended the run.
func runContained(ctx context.Context, cmd *exec.Cmd) error {
	ownGroup(cmd)
	cmd.WaitDelay = stopGrace
	if err := cmd.Start(); err != nil {
		return err
	}
	waited := make(chan error, 1)
	go func() { waited <- cmd.Wait() }()
	select {
	case err := <-waited:
		return err
	case <-ctx.Done():
	}
	interruptGroup(cmd.Process)
	timer := time.NewTimer(stopGrace)
	defer timer.Stop()
	var waitErr error
	select {
	case waitErr = <-waited:
		// The leader is gone; the compiler or vet tool it started may not be.
		killGroup(cmd.Process)
	case <-timer.C:
		killGroup(cmd.Process)
		waitErr = <-waited
	}
	_ = waitErr // killed by us: ctx's error says why
	return ctx.Err()
}

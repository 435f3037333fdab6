// Command govetrun times ssmlint's Go side against go vet on the same Go
// module, whole-process and side by side, and prints the ratios:
//
//	go -C tools run ./govetrun [-runs N] [-ssmlint BIN] MODULE_DIR
//
// Relative paths are relative to tools/ when run that way (`make
// bench-govet` passes absolute ones); BIN defaults to ../bin/ssmlint.
//
// Two situations are timed, alternating the two commands in each run:
//
//   - cold: each command gets an empty GOCACHE, so it compiles the
//     dependencies' export data and analyzes every package (a fresh CI
//     machine);
//   - warm: both share a cache already filled by a first run of each (a
//     developer's machine, a pre-commit hook).
//
// go vet runs its default analyzers; ssmlint runs its own (through go vet
// -vettool, see internal/gocheck). MODULE_DIR should hold no Terraform, so
// that only the Go side is measured.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"time"
)

func main() {
	runs := flag.Int("runs", 3, "timed runs of each situation")
	bin := flag.String("ssmlint", "../bin/ssmlint", "the ssmlint binary")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: govetrun [-runs N] [-ssmlint BIN] MODULE_DIR")
		os.Exit(2)
	}
	dir := flag.Arg(0)
	tool, err := filepath.Abs(*bin)
	if err != nil {
		fail(err)
	}
	vet := func(cache string) *exec.Cmd { return command(dir, cache, "go", "vet", "./...") }
	lint := func(cache string) *exec.Cmd { return command(dir, cache, tool, "--fail-on", "error", ".") }

	var caches []string
	defer func() {
		for _, c := range caches {
			os.RemoveAll(c)
		}
	}()
	fresh := func() string {
		c := tempCache()
		caches = append(caches, c)
		return c
	}
	var coldVet, coldLint []time.Duration
	for i := 0; i < *runs; i++ {
		coldVet = append(coldVet, timed(vet(fresh())))
		coldLint = append(coldLint, timed(lint(fresh())))
	}
	warm := fresh()
	timed(vet(warm))
	timed(lint(warm))
	var warmVet, warmLint []time.Duration
	for i := 0; i < *runs; i++ {
		warmVet = append(warmVet, timed(vet(warm)))
		warmLint = append(warmLint, timed(lint(warm)))
	}
	fmt.Printf("module %s, %d runs each, medians\n\n", dir, *runs)
	fmt.Println("| cache | go vet | ssmlint | ratio (ssmlint/go vet) |")
	fmt.Println("|---|---|---|---|")
	row := func(name string, v, l []time.Duration) {
		mv, ml := median(v), median(l)
		fmt.Printf("| %s | %.2fs | %.2fs | %.2fx |\n", name, mv.Seconds(), ml.Seconds(), ml.Seconds()/mv.Seconds())
	}
	row("cold", coldVet, coldLint)
	row("warm", warmVet, warmLint)
}

func command(dir, cache, name string, args ...string) *exec.Cmd {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOCACHE="+cache, "GOFLAGS=-mod=mod")
	return cmd
}

func tempCache() string {
	d, err := os.MkdirTemp("", "govetrun-cache-")
	if err != nil {
		fail(err)
	}
	return d
}

// timed runs a command; a finding (exit 1) is not a failure.
func timed(cmd *exec.Cmd) time.Duration {
	start := time.Now()
	out, err := cmd.CombinedOutput()
	d := time.Since(start)
	var ee *exec.ExitError
	if errors.As(err, &ee) && ee.ExitCode() == 1 {
		return d
	}
	if err != nil {
		fail(fmt.Errorf("%s: %v\n%s", cmd, err, out))
	}
	return d
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "govetrun:", err)
	os.Exit(1)
}

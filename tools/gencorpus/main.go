// Command gencorpus writes a synthetic Terraform corpus for benchmarking
// ssmlint: a shared module with hundreds of example roots calling it,
// local modules, and stacks calling those (see bench.Generate).
//
//	go -C tools run ./gencorpus -out DIR -files N [-seed S]
//
// DIR is relative to tools/ when run that way; give an absolute one.
//
// The same seed and size always give the same bytes. DIR must not exist or
// be empty.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/ssmlint/ssmlint/internal/bench"
)

func main() {
	out := flag.String("out", "", "directory to write the corpus into (must not exist or be empty)")
	files := flag.Int("files", 2500, "approximate number of .tf/.tfvars files")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: gencorpus -out DIR -files N [-seed S]")
		os.Exit(2)
	}
	if entries, err := os.ReadDir(*out); err == nil && len(entries) > 0 {
		fmt.Fprintf(os.Stderr, "gencorpus: %s is not empty\n", *out)
		os.Exit(2)
	}
	st, err := bench.Generate(*out, bench.Options{Files: *files, Seed: *seed})
	if err != nil {
		fmt.Fprintf(os.Stderr, "gencorpus: %v\n", err)
		os.Exit(1)
	}
	fmt.Printf("%s: %d files (%d examples, %d stacks), %d lines, %.1f MB\n",
		*out, st.Files, st.Examples, st.Stacks, st.Lines, float64(st.Bytes)/(1<<20))
}

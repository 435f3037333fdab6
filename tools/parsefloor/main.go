// Command parsefloor reads every .tf and .tfvars file under DIR and parses
// it with hclsyntax.ParseConfig on all cores (a worker per GOMAXPROCS),
// and nothing more: the floor under ssmlint's scan time.
//
//	go -C tools run ./parsefloor [-retain] DIR
//
// It prints "files N bytes B". It exits 1 when a file cannot be read or
// does not parse.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/ssmlint/ssmlint/internal/bench"
)

func main() {
	retain := flag.Bool("retain", false, "keep every parsed file until the end (memory floor of holding the ASTs)")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: parsefloor [-retain] DIR")
		os.Exit(2)
	}
	files, err := bench.TerraformFiles(flag.Arg(0))
	if err != nil {
		fmt.Fprintf(os.Stderr, "parsefloor: %v\n", err)
		os.Exit(1)
	}
	res, err := bench.ParseFloor(files, 0, *retain)
	if err != nil {
		fmt.Fprintf(os.Stderr, "parsefloor: %v\n", err)
		os.Exit(1)
	}
	fmt.Printf("files %d bytes %d\n", res.Files, res.Bytes)
	if res.ParseErrors > 0 {
		fmt.Fprintf(os.Stderr, "parsefloor: %d files have syntax errors\n", res.ParseErrors)
		os.Exit(1)
	}
}

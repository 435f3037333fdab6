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
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

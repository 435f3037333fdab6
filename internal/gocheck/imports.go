package gocheck

import (
	"bytes"
	"errors"
	"go/parser"
	"go/token"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// ssmImportPaths are the SDK packages whose import makes Go code worth
// analysing: the ssm package of aws-sdk-go (v1) and of aws-sdk-go-v2, and
// the packages below them (ssmiface, types).
var ssmImportPaths = []string{
	"github.com/aws/aws-sdk-go/service/ssm",
	"github.com/aws/aws-sdk-go-v2/service/ssm",
}

// maxImportScan is how much of a Go file ImportsSSM reads. The imports
// come first in a Go file, after the package clause and its comments; a
// file whose import block does not end within its first 1 MiB (a huge
// generated header comment) is rare, and is treated as unparseable: it
// counts when the prefix holds "service/ssm".
const maxImportScan = 1 << 20

// errFound stops the walk at the first file that imports the SDK.
var errFound = errors.New("found")

// ImportsSSM reports whether the Go code that Run would analyse for path
// imports an SSM package of the AWS SDK (see ssmImportPaths) in a non-test
// file. For a directory it looks where `go vet ./...` would: the
// directory and those below it, except directories named testdata or
// vendor or starting with "." or "_", nested modules (directories with a
// go.mod of their own) and symbolic links to directories. For a .go file
// it looks at the files of its package directory.
//
// The check is conservative: a file it cannot read, or a .go file that is
// a symbolic link (go reads those; ImportsSSM does not follow them), counts
// as importing the SDK, so that only code certain to have nothing to
// analyse is skipped. Other non-regular files (FIFOs, devices) are never
// opened. A file whose imports do not parse counts when its text contains
// "service/ssm". Build constraints are not evaluated: a file excluded by
// them still counts.
//
// An error means path itself could not be read.
func ImportsSSM(path string) (bool, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return false, err
	}
	if !fi.IsDir() {
		return dirImportsSSM(filepath.Dir(path))
	}
	// go vet runs in path, a symbolic link or not; WalkDir would not
	// enter a link.
	root, err := filepath.EvalSymlinks(path)
	if err != nil {
		return false, err
	}
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == root {
				return err
			}
			return errFound // an unreadable directory: go vet would read it
		}
		if !d.IsDir() {
			if goSource(d.Name()) && fileImportsSSM(p, d.Type()) {
				return errFound
			}
			return nil
		}
		if p == root {
			return nil
		}
		if skippedDir(d.Name()) {
			return filepath.SkipDir
		}
		if fi, err := os.Stat(filepath.Join(p, "go.mod")); err == nil && !fi.IsDir() {
			return filepath.SkipDir // a nested module: not part of ./...
		}
		return nil
	})
	if errors.Is(err, errFound) {
		return true, nil
	}
	return false, err
}

// dirImportsSSM is ImportsSSM for the files of one directory.
func dirImportsSSM(dir string) (bool, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false, err
	}
	for _, e := range entries {
		if !e.IsDir() && goSource(e.Name()) && fileImportsSSM(filepath.Join(dir, e.Name()), e.Type()) {
			return true, nil
		}
	}
	return false, nil
}

// skippedDir reports whether the go command's ./... leaves out a
// directory of this name.
func skippedDir(name string) bool {
	return name == "testdata" || name == "vendor" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")
}

// goSource reports whether a file of this name is a non-test Go file the
// go command reads.
func goSource(name string) bool {
	return strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go") &&
		!strings.HasPrefix(name, ".") && !strings.HasPrefix(name, "_")
}

// fileImportsSSM reports whether the Go file at p, of the given type bits,
// imports an SSM package, or might.
func fileImportsSSM(p string, typ fs.FileMode) bool {
	if typ&fs.ModeSymlink != 0 {
		return true
	}
	if !typ.IsRegular() {
		return false
	}
	// The directory entry said regular; look again right before opening.
	fi, err := os.Lstat(p)
	if err != nil {
		return true
	}
	if !fi.Mode().IsRegular() {
		return false
	}
	f, err := os.Open(p)
	if err != nil {
		return true
	}
	defer f.Close()
	src, err := io.ReadAll(io.LimitReader(f, maxImportScan))
	if err != nil {
		return true
	}
	af, err := parser.ParseFile(token.NewFileSet(), p, src, parser.ImportsOnly|parser.SkipObjectResolution)
	if err != nil {
		return bytes.Contains(src, []byte("service/ssm"))
	}
	for _, imp := range af.Imports {
		if path, err := strconv.Unquote(imp.Path.Value); err == nil && isSSMImport(path) {
			return true
		}
	}
	return false
}

// isSSMImport reports whether an import path is one of ssmImportPaths or
// below one ("…/service/ssm/types", not "…/service/ssmincidents").
func isSSMImport(path string) bool {
	for _, p := range ssmImportPaths {
		if path == p || strings.HasPrefix(path, p+"/") {
			return true
		}
	}
	return false
}

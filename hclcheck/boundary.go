package hclcheck

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/ssmlint/ssmlint/internal/safefs"
)

// Boundary returns the repository boundary of a scanned path: nothing
// outside it is read, whatever the route (module source, symbolic link,
// file()). It is the nearest directory at or above path that holds a .git
// entry (a directory, or a file as in worktrees and submodules); else the
// working directory, when path is inside it; else path itself (its
// directory, for a file). Inside the boundary, everything Terraform would
// read is read, so scanning stacks/prod finds ../../modules/app as
// scanning the repository root does.
//
// The result is absolute, with symbolic links resolved.
func Boundary(path string) string {
	abs := realAbs(path)
	start := abs
	if fi, err := os.Stat(abs); err == nil && !fi.IsDir() {
		start = filepath.Dir(abs)
	}
	for d := start; ; d = filepath.Dir(d) {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			break
		}
	}
	if wd, err := os.Getwd(); err == nil {
		if wd = realAbs(wd); within(wd, abs) {
			return wd
		}
	}
	return start
}

// realAbs is the absolute path with symbolic links resolved as far as
// they resolve.
func realAbs(p string) string { return safefs.RealPath(p) }

// outsideMessage says that what path (as written) leads to lies outside
// the boundary: the path is named, never its content.
func outsideMessage(what, path, boundary string) string {
	return fmt.Sprintf("%s %s is outside the repository (%s); not read", what, path, boundary)
}

package gocheck

import (
	"fmt"
	"path/filepath"
	"strings"

	"golang.org/x/mod/modfile"

	"github.com/ssmlint/ssmlint/internal/safefs"
)

// maxModFileSize caps go.mod and go.work as read here.
const maxModFileSize = 1 << 20

// OutsideModuleError is the error for Go code whose build would compile
// code from outside the repository: a go.mod `replace` or a go.work `use`
// naming a directory outside it. go vet is not run: its errors could
// quote that code.
type OutsideModuleError struct {
	File      string // the go.mod or go.work
	Line      int
	Directive string // as written
}

func (e *OutsideModuleError) Error() string {
	return fmt.Sprintf("%s leads outside the repository, and go vet would compile code from there", e.Directive)
}

// outsideCode checks the go.mod of dir's module and the go.work go would
// use (when inside the boundary) for local directories outside the
// boundary.
func outsideCode(dir, boundary string) error {
	gate := safefs.Gate{Boundary: boundary}
	if root := ModuleRoot(dir); root != "" {
		path := filepath.Join(root, "go.mod")
		if data, err := gate.ReadFile(path, maxModFileSize); err == nil {
			if f, err := modfile.Parse(path, data, nil); err == nil {
				for _, r := range f.Replace {
					if local(r.New.Path, r.New.Version) && !inside(boundary, root, r.New.Path) {
						return &OutsideModuleError{File: path, Line: r.Syntax.Start.Line, Directive: "replace " + r.Old.Path + " => " + r.New.Path}
					}
				}
			}
		}
	}
	if w := findUp(dir, "go.work"); w != "" && insideBoundary(boundary, w) {
		if data, err := gate.ReadFile(w, maxModFileSize); err == nil {
			if f, err := modfile.ParseWork(w, data, nil); err == nil {
				for _, u := range f.Use {
					if !inside(boundary, filepath.Dir(w), u.Path) {
						return &OutsideModuleError{File: w, Line: u.Syntax.Start.Line, Directive: "use " + u.Path}
					}
				}
				for _, r := range f.Replace {
					if local(r.New.Path, r.New.Version) && !inside(boundary, filepath.Dir(w), r.New.Path) {
						return &OutsideModuleError{File: w, Line: r.Syntax.Start.Line, Directive: "replace " + r.Old.Path + " => " + r.New.Path}
					}
				}
			}
		}
	}
	return nil
}

// local reports a replacement by a directory (no version), as go tells
// them apart.
func local(path, version string) bool {
	return version == "" && (filepath.IsAbs(path) || strings.HasPrefix(path, "./") || strings.HasPrefix(path, "../") || path == "." || path == "..")
}

// inside reports whether path, relative to base, is inside the boundary.
func inside(boundary, base, path string) bool {
	if !filepath.IsAbs(path) {
		path = filepath.Join(base, path)
	}
	return safefs.Within(boundary, safefs.RealPath(path))
}

// Package gocheck runs ssmlint's Go analyzers over the packages of a
// directory tree for the CLI: it loads them with go/packages, runs the
// analyzers with the go/analysis checker, and turns diagnostics into
// findings with the same shape as the Terraform engine's.
package gocheck

import (
	"fmt"
	"go/ast"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/ssmlint/ssmlint/finding"
	"github.com/ssmlint/ssmlint/rules"
)

// Result is what the analyzers found under one directory.
type Result struct {
	Findings []finding.Finding
	// Fixes are the suggested fixes of the findings, by finding index.
	Fixes map[int][]analysis.SuggestedFix
	Fset  *token.FileSet
	// Errors are packages that could not be loaded or type-checked.
	Errors []finding.Error
	// Files are the Go files analyzed (their content is read on demand).
	Files []string
	// Module is the go.mod directory; "" when dir is not in a module (then
	// nothing was analyzed).
	Module string
}

// ModuleRoot returns the directory of the go.mod governing dir, or "".
func ModuleRoot(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	if fi, err := os.Stat(abs); err == nil && !fi.IsDir() {
		abs = filepath.Dir(abs)
	}
	for d := abs; ; d = filepath.Dir(d) {
		if fi, err := os.Stat(filepath.Join(d, "go.mod")); err == nil && !fi.IsDir() {
			return d
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}

// Run analyzes the packages dir/... of the Go module containing dir.
func Run(dir string, analyzers []*analysis.Analyzer) (*Result, error) {
	res := &Result{Fixes: map[int][]analysis.SuggestedFix{}}
	res.Module = ModuleRoot(dir)
	if res.Module == "" || len(analyzers) == 0 {
		return res, nil
	}
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedImports |
			packages.NeedTypes | packages.NeedTypesSizes | packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedModule,
		Dir:   dir,
		Tests: false,
	}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		return nil, fmt.Errorf("loading Go packages under %s: %w", dir, err)
	}
	var good []*packages.Package
	for _, p := range pkgs {
		if len(p.Errors) > 0 {
			for _, e := range p.Errors {
				res.Errors = append(res.Errors, loadError(p, e))
			}
			continue
		}
		if len(p.Syntax) == 0 {
			continue
		}
		good = append(good, p)
		res.Files = append(res.Files, p.CompiledGoFiles...)
		if res.Fset == nil {
			res.Fset = p.Fset
		}
	}
	if len(good) == 0 {
		return res, nil
	}
	g, err := checker.Analyze(analyzers, good, nil)
	if err != nil {
		return nil, err
	}
	type diag struct {
		d   analysis.Diagnostic
		pkg *packages.Package
	}
	var ds []diag
	for act := range g.All() {
		if !act.IsRoot {
			continue
		}
		if act.Err != nil {
			res.Errors = append(res.Errors, finding.Error{
				Range:   finding.Range{File: act.Package.PkgPath, Start: finding.Pos{Line: 1, Column: 1}, End: finding.Pos{Line: 1, Column: 1}},
				Message: fmt.Sprintf("analyzer %s on %s: %v", act.Analyzer.Name, act.Package.PkgPath, act.Err),
			})
			continue
		}
		for _, d := range act.Diagnostics {
			ds = append(ds, diag{d, act.Package})
		}
	}
	sort.SliceStable(ds, func(i, j int) bool { return ds[i].d.Pos < ds[j].d.Pos })
	for _, x := range ds {
		f, ok := toFinding(x.pkg, x.d)
		if !ok {
			continue
		}
		if len(x.d.SuggestedFixes) > 0 {
			res.Fixes[len(res.Findings)] = x.d.SuggestedFixes
		}
		res.Findings = append(res.Findings, f)
	}
	return res, nil
}

// toFinding converts a diagnostic whose Category is a rule ID.
func toFinding(pkg *packages.Package, d analysis.Diagnostic) (finding.Finding, bool) {
	r, ok := rules.Lookup(d.Category)
	if !ok {
		return finding.Finding{}, false
	}
	end := d.End
	if !end.IsValid() {
		end = d.Pos
	}
	f := finding.Finding{
		Rule:     r,
		Severity: r.Severity,
		Message:  d.Message,
		Range:    span(pkg.Fset, d.Pos, end),
	}
	if fd := enclosingFunc(pkg, d.Pos); fd != nil {
		f.Resource = funcName(fd)
		f.Context = span(pkg.Fset, fd.Pos(), fd.End())
	}
	return f, true
}

func span(fset *token.FileSet, pos, end token.Pos) finding.Range {
	p, e := fset.Position(pos), fset.Position(end)
	return finding.Range{
		File:  p.Filename,
		Start: finding.Pos{Line: p.Line, Column: p.Column, Byte: p.Offset},
		End:   finding.Pos{Line: e.Line, Column: e.Column, Byte: e.Offset},
	}
}

// enclosingFunc is the function declaration holding pos.
func enclosingFunc(pkg *packages.Package, pos token.Pos) *ast.FuncDecl {
	for _, f := range pkg.Syntax {
		if pos < f.FileStart || pos >= f.FileEnd {
			continue
		}
		for _, decl := range f.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok && fd.Pos() <= pos && pos < fd.End() {
				return fd
			}
		}
	}
	return nil
}

// funcName names a function as Go does in stack traces: F, T.M, (*T).M.
func funcName(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return fd.Name.Name
	}
	t := fd.Recv.List[0].Type
	if ix, ok := t.(*ast.IndexExpr); ok {
		t = ix.X
	}
	switch x := t.(type) {
	case *ast.StarExpr:
		if id, ok := x.X.(*ast.Ident); ok {
			return "(*" + id.Name + ")." + fd.Name.Name
		}
	case *ast.Ident:
		return x.Name + "." + fd.Name.Name
	}
	return fd.Name.Name
}

// loadError turns a go/packages error into an input error with a position.
func loadError(p *packages.Package, e packages.Error) finding.Error {
	file, line, col := e.Pos, 1, 1
	if parts := strings.Split(e.Pos, ":"); len(parts) >= 3 {
		if l, err := strconv.Atoi(parts[len(parts)-2]); err == nil {
			if c, err := strconv.Atoi(parts[len(parts)-1]); err == nil {
				file, line, col = strings.Join(parts[:len(parts)-2], ":"), l, c
			}
		}
	} else if len(parts) == 2 {
		if l, err := strconv.Atoi(parts[1]); err == nil {
			file, line = parts[0], l
		}
	}
	if file == "" || file == "-" {
		file = p.PkgPath
	}
	pos := finding.Pos{Line: line, Column: col}
	return finding.Error{Range: finding.Range{File: file, Start: pos, End: pos}, Message: "Go package " + p.PkgPath + ": " + e.Msg}
}

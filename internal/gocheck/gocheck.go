// Package gocheck runs ssmlint's Go analyzers over the packages of a
// directory tree for the CLI. It drives `go vet -vettool=<ssmlint> -json`:
// the go command builds and caches the dependencies' export data and
// analysis facts package by package (the unitchecker protocol), which is
// what keeps the Go side as fast as go vet, and facts cross packages
// without type-checking every dependency from source. The diagnostics
// become findings with the same shape as the Terraform engine's.
package gocheck

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/ssmlint/ssmlint/finding"
	"github.com/ssmlint/ssmlint/internal/safefs"
	"github.com/ssmlint/ssmlint/rules"
)

// VetToolEnv is set in the environment of the go vet that ssmlint runs:
// an ssmlint binary started with it acts as the vet tool.
const VetToolEnv = "SSMLINT_VETTOOL"

// Edit is one text edit of a suggested fix: bytes [Start, End) of File
// (the real file go vet parsed, not where a //line directive points)
// become New.
type Edit struct {
	File       string
	Start, End int
	New        []byte
	// Sum is the SHA-256 (hex) of File's content as the analyzer parsed
	// it, "" when unknown: a fix is applied only to that content.
	Sum string
}

// Fix is a suggested fix.
type Fix struct {
	Message string
	Edits   []Edit
	// Boundary is the repository boundary of the run that found it
	// (Options.Boundary): nothing outside it is edited.
	Boundary string
}

// Result is what the analyzers found under one directory.
type Result struct {
	Findings []finding.Finding
	// Fixes are the suggested fixes of the findings, by finding index.
	Fixes map[int][]Fix
	// Suppressed are the findings a suppression comment covers, as the
	// vet tool decided (see VetAnalyzers): not to be reported, but
	// counted, their comments marked used. They have no fixes.
	Suppressed []finding.Finding
	// Errors are analyzers that failed on a package that built.
	Errors []finding.Error
	// BuildErrors are what kept go vet from analysing packages: the
	// compiler's and the go command's messages, sorted by position. One
	// with a position is at its .go file; one without (a go.mod that needs
	// a download, say) is at the directory go vet ran in, line 1.
	BuildErrors []finding.Error
	// unplaced counts diagnostics without real positions (not from
	// ssmlint's vet tool), left out.
	unplaced int
	// Files are the Go files that findings were reported in.
	Files []string
	// Sources are the contents of Files read through the boundary's gate
	// (a file that could not be read has none).
	Sources map[string][]byte
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

// Options say how to run the analyzers.
type Options struct {
	// Tool is the ssmlint executable (it serves as the vet tool).
	Tool string
	// Analyzers are the names of the analyzers to run ("ssm601", …).
	Analyzers []string
	// Flags are extra analyzer flags ("-ssm601.inventory=FILE").
	Flags []string
	// Boundary is the repository boundary (absolute, symbolic links
	// resolved): findings, fixes and build errors in files whose real path
	// is outside it are not reported, and no file outside it is read.
	// Empty means no boundary.
	Boundary string
	// Timeout bounds the go vet run; 0 means DefaultTimeout.
	Timeout time.Duration
	// MaxFileSize caps each Go file read for findings; 0 means
	// DefaultMaxFileSize.
	MaxFileSize int64
}

// DefaultMaxFileSize caps each Go file read when Options.MaxFileSize is 0.
const DefaultMaxFileSize = 10 << 20

// TimeoutError is the error of a go vet run stopped by Options.Timeout.
type TimeoutError struct {
	Dir     string
	Timeout time.Duration
}

func (e *TimeoutError) Error() string {
	return fmt.Sprintf("go vet did not finish within %v in %s; stopped", e.Timeout, e.Dir)
}

// Run analyzes the packages dir/... of the Go module containing dir. For
// a single .go file it analyzes the file's package and keeps the findings
// in that file.
//
// go vet runs contained (see vetEnv): in a process group of its own,
// stopped with everything it started when ctx is done (the error is then
// ctx's) or when Options.Timeout runs out (a *TimeoutError). Findings are
// at the real files go vet parsed, never where a //line directive says;
// those in files outside the boundary (a symbolic link leading out) are
// replaced by one error per file, which does not name where it leads.
func Run(ctx context.Context, dir string, opt Options) (*Result, error) {
	res := &Result{Fixes: map[int][]Fix{}, Sources: map[string][]byte{}}
	if len(opt.Analyzers) == 0 {
		return res, nil
	}
	timeout := cmp.Or(opt.Timeout, DefaultTimeout)
	pattern, only := "./...", ""
	if fi, err := os.Stat(dir); err == nil && !fi.IsDir() {
		if only, err = filepath.Abs(dir); err != nil {
			return nil, err
		}
		dir, pattern = filepath.Dir(dir), "."
	}
	if err := outsideCode(dir, opt.Boundary); err != nil {
		return nil, err
	}
	args := []string{"vet", "-vettool=" + opt.Tool, "-json"}
	for _, a := range opt.Analyzers {
		args = append(args, "-"+a)
	}
	args = append(args, opt.Flags...)
	args = append(args, pattern)
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = vetEnv(dir, opt.Boundary)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runCtx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	runErr := runContained(runCtx, cmd)
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if runCtx.Err() != nil {
		return nil, &TimeoutError{Dir: dir, Timeout: timeout}
	}
	var exit *exec.ExitError
	if runErr != nil && !errors.As(runErr, &exit) {
		return nil, fmt.Errorf("running go vet in %s: %w", dir, runErr)
	}
	if err := res.readJSON(&stdout); err != nil {
		return nil, fmt.Errorf("reading go vet's output in %s: %w", dir, err)
	}
	if only != "" {
		res.keepFile(only)
	}
	gate := safefs.Gate{Boundary: opt.Boundary}
	confined := res.confine(gate, dir)
	for _, fxs := range res.Fixes {
		for i := range fxs {
			fxs[i].Boundary = opt.Boundary
		}
	}
	se := readStderr(dir, opt.Boundary, stderr.String())
	if se.noPackages && len(res.Findings) == 0 {
		return res, nil // Go files only in nested modules or ignored directories
	}
	res.BuildErrors = se.positioned
	// go vet builds packages in parallel: its messages come in any order.
	sort.SliceStable(res.BuildErrors, func(i, j int) bool {
		a, b := res.BuildErrors[i].Range, res.BuildErrors[j].Range
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Start.Line != b.Start.Line {
			return a.Start.Line < b.Start.Line
		}
		return a.Start.Column < b.Start.Column
	})
	if runErr != nil && len(res.Errors) == 0 && len(res.BuildErrors) == 0 {
		res.BuildErrors = append(res.BuildErrors, dirError(dir, se.failure(runErr)))
	}
	res.Errors = append(res.Errors, confined...)
	res.annotate(gate, cmp.Or(opt.MaxFileSize, DefaultMaxFileSize))
	return res, nil
}

// jsonDiagnostic is unitchecker's -json form of a diagnostic.
type jsonDiagnostic struct {
	Category       string `json:"category"`
	Posn           string `json:"posn"`
	End            string `json:"end"`
	Message        string `json:"message"`
	SuggestedFixes []struct {
		Message string `json:"message"`
		Edits   []struct {
			Filename string `json:"filename"`
			Start    int    `json:"start"`
			End      int    `json:"end"`
			New      string `json:"new"`
		} `json:"edits"`
	} `json:"suggested_fixes"`
}

// readJSON reads go vet -json's stream of objects: package path ->
// analyzer -> diagnostics, or {"error": …} when the analyzer failed.
func (res *Result) readJSON(r io.Reader) error {
	dec := json.NewDecoder(r)
	type diag struct {
		d     jsonDiagnostic
		order string
	}
	var ds []diag
	for {
		var tree map[string]map[string]json.RawMessage
		if err := dec.Decode(&tree); err == io.EOF {
			break
		} else if err != nil {
			return err
		}
		for pkg, byAnalyzer := range tree {
			for name, raw := range byAnalyzer {
				var list []jsonDiagnostic
				if err := json.Unmarshal(raw, &list); err != nil {
					var e struct {
						Error string `json:"error"`
					}
					if json.Unmarshal(raw, &e) == nil && e.Error != "" {
						res.Errors = append(res.Errors, dirError(pkg, fmt.Sprintf("analyzer %s on %s: %s", name, pkg, e.Error)))
					}
					continue
				}
				for _, d := range list {
					ds = append(ds, diag{d, d.Posn})
				}
			}
		}
	}
	sort.SliceStable(ds, func(i, j int) bool { return ds[i].order < ds[j].order })
	for _, x := range ds {
		// The category is the rule, and the finding's severity when it
		// is not the rule's default (rules.Rule.Category).
		r, severity, ok := rules.ParseCategory(x.d.Category)
		if !ok {
			continue
		}
		msg, real, ok := splitReal(x.d.Message)
		if !ok {
			// Not from ssmlint's vet tool: the position may be a //line
			// directive's, and the fixes' edits cannot be placed.
			res.unplaced++
			continue
		}
		f := finding.Finding{
			Rule:     r,
			Severity: severity,
			Message:  msg,
			Range: finding.Range{File: real.Start.File,
				Start: finding.Pos{Line: real.Start.Line, Column: real.Start.Column, Byte: real.Start.Offset},
				End:   finding.Pos{Line: real.End.Line, Column: real.End.Column, Byte: real.End.Offset}},
		}
		if real.End.File != real.Start.File {
			f.Range.End = f.Range.Start
		}
		if real.Suppressed {
			res.Suppressed = append(res.Suppressed, f)
			continue
		}
		var fixes []Fix
		for i, sf := range x.d.SuggestedFixes {
			if i >= len(real.Fixes) || len(real.Fixes[i]) != len(sf.Edits) {
				break
			}
			fx := Fix{Message: sf.Message}
			for j, e := range sf.Edits {
				re := real.Fixes[i][j]
				fx.Edits = append(fx.Edits, Edit{File: re.File, Start: re.Start, End: re.End, New: []byte(e.New), Sum: re.Sum})
			}
			fixes = append(fixes, fx)
		}
		if len(fixes) > 0 {
			res.Fixes[len(res.Findings)] = fixes
		}
		res.Findings = append(res.Findings, f)
	}
	return nil
}

// keepFile drops the findings (and their fixes) outside file.
func (res *Result) keepFile(file string) {
	var kept []finding.Finding
	fixes := map[int][]Fix{}
	for i, f := range res.Findings {
		if abs, err := filepath.Abs(f.Range.File); err == nil && abs == file {
			if fx, ok := res.Fixes[i]; ok {
				fixes[len(kept)] = fx
			}
			kept = append(kept, f)
		}
	}
	res.Findings, res.Fixes = kept, fixes
	var suppressed []finding.Finding
	for _, f := range res.Suppressed {
		if abs, err := filepath.Abs(f.Range.File); err == nil && abs == file {
			suppressed = append(suppressed, f)
		}
	}
	res.Suppressed = suppressed
}

// confine drops the findings and fixes in files whose real path is
// outside the gate's boundary (a symbolic link leading out; a package
// outside the boundary), and returns one error per such file. The error
// is at the file as go vet named it when that path is inside the
// boundary, else at dir; it never names where the file leads.
func (res *Result) confine(gate safefs.Gate, dir string) []finding.Error {
	var errs []finding.Error
	dropped := map[string]int{}
	why := map[string]error{}
	var order []string
	var kept []finding.Finding
	fixes := map[int][]Fix{}
	for i, f := range res.Findings {
		if _, err := gate.Resolve(f.Range.File); err != nil {
			if dropped[f.Range.File] == 0 {
				order = append(order, f.Range.File)
				why[f.Range.File] = err
			}
			dropped[f.Range.File]++
			continue
		}
		var fxs []Fix
		for _, fx := range res.Fixes[i] {
			ok := true
			for _, e := range fx.Edits {
				_, err := gate.Resolve(e.File)
				ok = ok && err == nil
			}
			if ok {
				fxs = append(fxs, fx)
			}
		}
		if len(fxs) > 0 {
			fixes[len(kept)] = fxs
		}
		kept = append(kept, f)
	}
	res.Findings, res.Fixes = kept, fixes
	// Suppressed findings outside the boundary are dropped silently: they
	// would not be reported anyway.
	var suppressed []finding.Finding
	for _, f := range res.Suppressed {
		if _, err := gate.Resolve(f.Range.File); err == nil {
			suppressed = append(suppressed, f)
		}
	}
	res.Suppressed = suppressed
	for _, file := range order {
		what := fmt.Sprintf("findings in it (%d)", dropped[file])
		// Where the file itself is (its directory's links resolved, not its own).
		abs, err := filepath.Abs(file)
		if err == nil {
			abs = filepath.Join(safefs.RealPath(filepath.Dir(abs)), filepath.Base(abs))
		}
		var out *safefs.OutsideError
		switch {
		case err != nil || !safefs.Within(gate.Boundary, abs):
			errs = append(errs, dirError(dir, fmt.Sprintf(
				"the Go analyzers' %s are in a file outside the repository (%s); not reported", strings.Replace(what, " in it", "", 1), gate.Boundary)))
		case errors.As(why[file], &out):
			errs = append(errs, dirError(file, fmt.Sprintf(
				"this Go file is a symbolic link leading outside the repository (%s); the Go analyzers' %s are not reported", gate.Boundary, what)))
		default:
			errs = append(errs, dirError(file, fmt.Sprintf(
				"this Go file cannot be resolved (a dangling symbolic link, or removed since analysed); the Go analyzers' %s are not reported", what)))
		}
	}
	if res.unplaced > 0 {
		errs = append(errs, dirError(dir, fmt.Sprintf(
			"the vet tool gave %d findings without their real positions; not reported (is the vet tool ssmlint itself?)", res.unplaced)))
	}
	return errs
}

// annotate reads each file with findings (suppressed ones included)
// once, through the gate, and fills in the enclosing function (the
// resource) and the list of files. Positions are the file's own, never a
// //line directive's.
func (res *Result) annotate(gate safefs.Gate, max int64) {
	type parsed struct {
		af *ast.File
		tf *token.File
	}
	files := map[string]*parsed{}
	fset := token.NewFileSet()
	// The suppressed findings' files are read too: ssmlint reads their
	// suppression comments.
	all := make([]*finding.Finding, 0, len(res.Findings)+len(res.Suppressed))
	for i := range res.Findings {
		all = append(all, &res.Findings[i])
	}
	for i := range res.Suppressed {
		all = append(all, &res.Suppressed[i])
	}
	for _, f := range all {
		p, seen := files[f.Range.File]
		if !seen {
			p = &parsed{}
			files[f.Range.File] = p
			res.Files = append(res.Files, f.Range.File)
			if src, err := gate.ReadFile(f.Range.File, max); err == nil {
				res.Sources[f.Range.File] = src
				// A partial syntax tree is still good for the functions.
				p.af, _ = parser.ParseFile(fset, f.Range.File, src, parser.SkipObjectResolution)
				if p.af != nil {
					p.tf = fset.File(p.af.FileStart)
				}
			}
		}
		if p.tf == nil || f.Range.Start.Byte < 0 || f.Range.Start.Byte > p.tf.Size() {
			continue
		}
		pos := p.tf.Pos(f.Range.Start.Byte)
		for _, decl := range p.af.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok && fd.Pos() <= pos && pos < fd.End() {
				f.Resource = funcName(fd)
				s, e := fset.PositionFor(fd.Pos(), false), fset.PositionFor(fd.End(), false)
				f.Context = finding.Range{File: f.Range.File,
					Start: finding.Pos{Line: s.Line, Column: s.Column, Byte: s.Offset},
					End:   finding.Pos{Line: e.Line, Column: e.Column, Byte: e.Offset}}
			}
		}
	}
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

func dirError(file, msg string) finding.Error {
	pos := finding.Pos{Line: 1, Column: 1}
	return finding.Error{Range: finding.Range{File: file, Start: pos, End: pos}, Message: msg}
}

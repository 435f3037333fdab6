// Package gocheck runs ssmlint's Go analyzers over the packages of a
// directory tree for the CLI. It drives `go vet -vettool=<ssmlint> -json`:
// the go command builds and caches the dependencies' export data and
// analysis facts package by package (the unitchecker protocol), which is
// what keeps the Go side as fast as go vet, and facts cross packages
// without type-checking every dependency from source. The diagnostics
// become findings with the same shape as the Terraform engine's.
package gocheck

import (
	"bufio"
	"bytes"
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
	"strconv"
	"strings"

	"github.com/ssmlint/ssmlint/finding"
	"github.com/ssmlint/ssmlint/rules"
)

// VetToolEnv is set in the environment of the go vet that ssmlint runs:
// an ssmlint binary started with it acts as the vet tool.
const VetToolEnv = "SSMLINT_VETTOOL"

// Edit is one text edit of a suggested fix: bytes [Start, End) of File
// become New.
type Edit struct {
	File       string
	Start, End int
	New        []byte
}

// Fix is a suggested fix.
type Fix struct {
	Message string
	Edits   []Edit
}

// Result is what the analyzers found under one directory.
type Result struct {
	Findings []finding.Finding
	// Fixes are the suggested fixes of the findings, by finding index.
	Fixes map[int][]Fix
	// Errors are analyzers that failed on a package that built.
	Errors []finding.Error
	// BuildErrors are what kept go vet from analysing packages: the
	// compiler's and the go command's messages, sorted by position. One
	// with a position is at its .go file; one without (a go.mod that needs
	// a download, say) is at the directory go vet ran in, line 1.
	BuildErrors []finding.Error
	// Files are the Go files that findings were reported in.
	Files []string
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
}

// Run analyzes the packages dir/... of the Go module containing dir. For
// a single .go file it analyzes the file's package and keeps the findings
// in that file.
func Run(dir string, opt Options) (*Result, error) {
	res := &Result{Fixes: map[int][]Fix{}}
	if len(opt.Analyzers) == 0 {
		return res, nil
	}
	pattern, only := "./...", ""
	if fi, err := os.Stat(dir); err == nil && !fi.IsDir() {
		if only, err = filepath.Abs(dir); err != nil {
			return nil, err
		}
		dir, pattern = filepath.Dir(dir), "."
	}
	args := []string{"vet", "-vettool=" + opt.Tool, "-json"}
	for _, a := range opt.Analyzers {
		args = append(args, "-"+a)
	}
	args = append(args, opt.Flags...)
	args = append(args, pattern)
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), VetToolEnv+"=1")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
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
	if strings.Contains(stderr.String(), "matched no packages") && len(res.Findings) == 0 {
		return res, nil // Go files only in nested modules or ignored directories
	}
	res.BuildErrors = buildErrors(dir, stderr.String())
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
		res.BuildErrors = append(res.BuildErrors, dirError(dir, "go vet failed: "+strings.TrimSpace(stderr.String())))
	}
	res.annotate()
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
		r, ok := rules.Lookup(x.d.Category)
		if !ok {
			continue
		}
		start := parsePosn(x.d.Posn)
		end := start
		if x.d.End != "" {
			end = parsePosn(x.d.End)
		}
		f := finding.Finding{
			Rule:     r,
			Severity: r.Severity,
			Message:  x.d.Message,
			Range:    finding.Range{File: start.file, Start: start.pos, End: end.pos},
		}
		var fixes []Fix
		for _, sf := range x.d.SuggestedFixes {
			fx := Fix{Message: sf.Message}
			for _, e := range sf.Edits {
				fx.Edits = append(fx.Edits, Edit{File: e.Filename, Start: e.Start, End: e.End, New: []byte(e.New)})
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
}

type posn struct {
	file string
	pos  finding.Pos
}

// parsePosn reads "file:line:col".
func parsePosn(s string) posn {
	parts := strings.Split(s, ":")
	if len(parts) >= 3 {
		l, err1 := strconv.Atoi(parts[len(parts)-2])
		c, err2 := strconv.Atoi(parts[len(parts)-1])
		if err1 == nil && err2 == nil {
			return posn{strings.Join(parts[:len(parts)-2], ":"), finding.Pos{Line: l, Column: c}}
		}
	}
	return posn{s, finding.Pos{Line: 1, Column: 1}}
}

// annotate fills in byte offsets, the enclosing function (the resource
// and the context that suppression comments above it cover) and the list
// of files, from each file's syntax.
func (res *Result) annotate() {
	files := map[string]*ast.File{}
	fset := token.NewFileSet()
	for i := range res.Findings {
		f := &res.Findings[i]
		af, seen := files[f.Range.File]
		if !seen {
			af, _ = parser.ParseFile(fset, f.Range.File, nil, parser.SkipObjectResolution)
			files[f.Range.File] = af
			res.Files = append(res.Files, f.Range.File)
		}
		if af == nil {
			continue
		}
		tf := fset.File(af.Pos())
		f.Range.Start.Byte = offset(tf, f.Range.Start)
		f.Range.End.Byte = offset(tf, f.Range.End)
		pos := tf.Pos(f.Range.Start.Byte)
		for _, decl := range af.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok && fd.Pos() <= pos && pos < fd.End() {
				f.Resource = funcName(fd)
				s, e := fset.Position(fd.Pos()), fset.Position(fd.End())
				f.Context = finding.Range{File: f.Range.File,
					Start: finding.Pos{Line: s.Line, Column: s.Column, Byte: s.Offset},
					End:   finding.Pos{Line: e.Line, Column: e.Column, Byte: e.Offset}}
			}
		}
	}
}

func offset(tf *token.File, p finding.Pos) int {
	if p.Line < 1 || p.Line > tf.LineCount() {
		return 0
	}
	return int(tf.LineStart(p.Line)) - tf.Base() + p.Column - 1
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

// buildErrors turns what go vet printed on stderr (packages that do not
// build: "file:line:col: message" lines under a "# package" header) into
// errors with positions, whose message is the compiler's. Paths are
// relative to dir.
func buildErrors(dir, stderr string) []finding.Error {
	var out []finding.Error
	sc := bufio.NewScanner(strings.NewReader(stderr))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		line = strings.TrimPrefix(line, "vet: ")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		i := strings.Index(line, ".go:")
		if i < 0 {
			continue
		}
		rest := line[i+len(".go:"):]
		fields := strings.SplitN(rest, ":", 3)
		if len(fields) < 2 {
			continue
		}
		l, err := strconv.Atoi(fields[0])
		if err != nil {
			continue
		}
		c, msg := 1, strings.TrimSpace(strings.Join(fields[1:], ":"))
		if len(fields) == 3 {
			if n, err := strconv.Atoi(fields[1]); err == nil {
				c, msg = n, strings.TrimSpace(fields[2])
			}
		}
		file := line[:i+len(".go")]
		if !filepath.IsAbs(file) {
			file = filepath.Join(dir, file)
		}
		pos := finding.Pos{Line: l, Column: c}
		out = append(out, finding.Error{Range: finding.Range{File: file, Start: pos, End: pos}, Message: msg})
	}
	return out
}

func dirError(file, msg string) finding.Error {
	pos := finding.Pos{Line: 1, Column: 1}
	return finding.Error{Range: finding.Range{File: file, Start: pos, End: pos}, Message: msg}
}

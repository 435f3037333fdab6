package hclcheck

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"

	"github.com/ssmlint/ssmlint/internal/safefs"
)

// DefaultMaxFileSize is the largest file read when LoadOptions sets none.
const DefaultMaxFileSize = 10 << 20

// MaxNesting is the deepest bracket nesting a file may have. Deeper input
// is refused before parsing, so that neither the parser nor the evaluator
// can exhaust the stack.
const MaxNesting = 256

// LoadOptions control discovery and parsing.
type LoadOptions struct {
	// MaxFileSize caps each file read (bytes); 0 means DefaultMaxFileSize.
	MaxFileSize int64
	// Exclude reports whether a path (slash-separated, relative to the
	// scanned root) is to be skipped. May be nil.
	Exclude func(rel string, isDir bool) bool
	// Workers is the number of parallel parsers; 0 means GOMAXPROCS.
	Workers int
	// Boundary is the repository boundary (see Boundary): absolute, links
	// resolved. Empty means Boundary of the scanned path.
	Boundary string
	// ConfigTimeout bounds the evaluation and checks of one configuration
	// (a root module with its modules); 0 means DefaultConfigTimeout. A
	// configuration over it is reported as an error and skipped: nested
	// for expressions over large ranges could otherwise run for hours.
	ConfigTimeout time.Duration
}

// DefaultConfigTimeout is the time one configuration may take.
const DefaultConfigTimeout = 20 * time.Second

// File is one parsed Terraform file.
type File struct {
	Path string // as found under the root (root joined with the relative path)
	Src  []byte
	// Body is the parsed native-syntax file; for a JSON tfvars file it is
	// empty and JSONAttrs holds its values.
	Body      *hclsyntax.Body
	JSONAttrs hcl.Attributes
}

// source is a discovered file before parsing.
type source struct {
	path string
	dir  string
	kind fileKind
}

type fileKind int

const (
	kindTF fileKind = iota // configuration: .tf, .tofu and their .json forms
	kindTFVars
)

// Skipped is a file that looks like Terraform but that ssmlint did not
// read, as Terraform would not either (a .tfvars file not loaded
// automatically, a .tf file shadowed by its .tofu twin) or because it is
// another tool's (Terragrunt, Terraform tests).
type Skipped struct {
	File   string
	Reason string
}

// goTree is what the walk saw of Go code: how many .go files, and the
// directories holding a go.mod (outside testdata and vendor, which the go
// command ignores too).
type goTree struct {
	files   int
	modules []string
}

// walkResult is what discover found.
type walkResult struct {
	sources []source
	gt      goTree
	skipped []Skipped
}

// discover walks root and returns the Terraform files below it, in lexical
// order. Hidden directories and .terraform are skipped, except
// .terraform/modules, whose modules are loaded only when a module call
// refers to them. Symbolic links are followed only when they resolve to a
// place inside the boundary (see Boundary); links that leave it or loop
// are reported as errors.
func discover(root, boundary string, opt *LoadOptions, errs *errorList) (w walkResult) {
	rootAbs := realAbs(root)
	fi, err := os.Stat(root)
	if err != nil {
		errs.add(fileError(root, fmt.Sprintf("cannot read %s: %v", root, unwrapPathError(err))))
		return w
	}
	if !fi.IsDir() {
		if !within(boundary, rootAbs) {
			errs.add(fileError(root, outsideMessage("file", root, boundary)))
			return w
		}
		if k, ok := classify(root); ok {
			w.sources = append(w.sources, source{path: root, dir: filepath.Dir(root), kind: k})
		} else if reason := skipReason(filepath.Base(root)); reason != "" {
			w.skipped = append(w.skipped, Skipped{File: root, Reason: reason})
		}
		if strings.HasSuffix(root, ".go") {
			w.gt.files = 1
		}
		return w
	}
	visited := map[string]bool{rootAbs: true}
	var walk func(dir string)
	walk = func(dir string) {
		entries, err := os.ReadDir(dir)
		if err != nil {
			errs.add(fileError(dir, fmt.Sprintf("cannot read directory: %v", unwrapPathError(err))))
			return
		}
		var files []source
		for _, e := range entries {
			name := e.Name()
			p := filepath.Join(dir, name)
			rel := relSlash(root, p)
			isDir, mode := e.IsDir(), e.Type()
			if e.Type()&fs.ModeSymlink != 0 {
				if !worthFollowing(p, name) {
					continue // a link to something that is not Terraform: not ssmlint's
				}
				target, ok := followLink(p, rel, dir, boundary, errs)
				if !ok {
					continue
				}
				tfi, err := os.Stat(target)
				if err != nil {
					continue
				}
				isDir, mode = tfi.IsDir(), tfi.Mode().Type()
				if isDir && visited[target] {
					continue // already scanned through its real path or another link
				}
			}
			if isDir {
				if skipDir(name, rel) {
					continue
				}
				if opt.Exclude != nil && opt.Exclude(rel, true) {
					continue
				}
				abs := realAbs(p)
				if visited[abs] {
					continue
				}
				visited[abs] = true
				walk(p)
				continue
			}
			k, ok := classify(name)
			if !ok {
				switch {
				case strings.HasSuffix(name, ".go"):
					w.gt.files++
				case name == "go.mod" && !goIgnored(rel):
					w.gt.modules = append(w.gt.modules, dir)
				default:
					if reason := skipReason(name); reason != "" && !underDotTerraform(dir) && (opt.Exclude == nil || !opt.Exclude(rel, false)) {
						w.skipped = append(w.skipped, Skipped{File: p, Reason: reason})
					}
				}
				continue
			}
			if opt.Exclude != nil && opt.Exclude(rel, false) {
				continue
			}
			if !mode.IsRegular() {
				errs.add(fileError(p, "not a regular file (a FIFO, device or socket); not read"))
				continue
			}
			files = append(files, source{path: p, dir: dir, kind: k})
		}
		kept, shadowed := shadowTofu(files)
		w.sources = append(w.sources, kept...)
		w.skipped = append(w.skipped, shadowed...)
	}
	walk(root)
	return w
}

// worthFollowing reports whether a symbolic link met in a walk may lead
// to Terraform: a link named like a Terraform or Go file, or one to a
// directory (or that does not resolve: a loop is reported). A link to
// anything else (README.md -> ../docs/x.md) is none of ssmlint's business,
// wherever it leads.
func worthFollowing(p, name string) bool {
	if _, ok := classify(name); ok || strings.HasSuffix(name, ".go") || name == "go.mod" {
		return true
	}
	fi, err := os.Stat(p)
	return err != nil || fi.IsDir()
}

// followLink resolves a symbolic link met in a walk: its real target,
// when that is inside the boundary and does not contain the directory
// holding the link (a loop); otherwise an error is recorded.
func followLink(p, rel, dir, boundary string, errs *errorList) (string, bool) {
	target, err := filepath.EvalSymlinks(p)
	if err != nil {
		errs.add(fileError(p, fmt.Sprintf("symbolic link cannot be resolved (loop or dangling): %v", unwrapPathError(err))))
		return "", false
	}
	abs := realAbs(target)
	if !within(boundary, abs) {
		errs.add(fileError(p, fmt.Sprintf("symbolic link %s points to %s, outside the repository (%s); not followed", rel, abs, boundary)))
		return "", false
	}
	if fi, err := os.Stat(abs); err == nil && fi.IsDir() && within(abs, realAbs(dir)) {
		errs.add(fileError(p, fmt.Sprintf("symbolic link loop: %s points to %s, which contains it; not followed", rel, target)))
		return "", false
	}
	return abs, true
}

// shadowTofu drops the configuration files that OpenTofu ignores: x.tf
// when x.tofu is in the same directory, x.tf.json when x.tofu.json is.
func shadowTofu(files []source) (kept []source, shadowed []Skipped) {
	names := map[string]bool{}
	for _, s := range files {
		names[filepath.Base(s.path)] = true
	}
	for _, s := range files {
		base := filepath.Base(s.path)
		for _, ext := range [...]string{".tf", ".tf.json"} {
			if stem, ok := strings.CutSuffix(base, ext); ok {
				if twin := stem + strings.Replace(ext, ".tf", ".tofu", 1); names[twin] {
					shadowed = append(shadowed, Skipped{File: s.path, Reason: "shadowed by the .tofu file of the same name, which OpenTofu reads instead"})
					base = ""
				}
				break
			}
		}
		if base != "" {
			kept = append(kept, s)
		}
	}
	return kept, shadowed
}

// listModuleDir lists the configuration files of one module directory
// (not its subdirectories), for a directory a module call leads to outside
// the walk. Links are followed inside the boundary only.
func listModuleDir(dir, boundary string, errs *errorList) []source {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil // resolve reports a source with no Terraform files
	}
	var files []source
	for _, e := range entries {
		k, ok := classify(e.Name())
		if !ok || e.IsDir() {
			continue
		}
		p := filepath.Join(dir, e.Name())
		mode := e.Type()
		if mode&fs.ModeSymlink != 0 {
			target, ok := followLink(p, p, dir, boundary, errs)
			if !ok {
				continue
			}
			fi, err := os.Stat(target)
			if err != nil {
				continue
			}
			mode = fi.Mode().Type()
		}
		if !mode.IsRegular() {
			errs.add(fileError(p, "not a regular file (a FIFO, device or socket); not read"))
			continue
		}
		files = append(files, source{path: p, dir: dir, kind: k})
	}
	kept, _ := shadowTofu(files)
	return kept
}

// goIgnored reports a path under a testdata or vendor directory, or one
// whose name starts with "_": the go command does not build those.
func goIgnored(rel string) bool {
	parts := strings.Split(rel, "/")
	for _, p := range parts[:len(parts)-1] {
		if p == "testdata" || p == "vendor" || strings.HasPrefix(p, "_") {
			return true
		}
	}
	return false
}

// skipDir reports whether a directory is never descended into. rel is the
// slash path relative to the root.
func skipDir(name, rel string) bool {
	if name == ".terraform" {
		return false // only its modules/ subtree is kept, below
	}
	if strings.Contains("/"+rel+"/", "/.terraform/") {
		// inside .terraform: keep modules/ only.
		i := strings.Index("/"+rel+"/", "/.terraform/")
		rest := ("/" + rel + "/")[i+len("/.terraform/"):]
		return !strings.HasPrefix(rest, "modules/")
	}
	return strings.HasPrefix(name, ".")
}

func classify(name string) (fileKind, bool) {
	base := filepath.Base(name)
	switch {
	case strings.HasSuffix(base, ".tf"), strings.HasSuffix(base, ".tofu"),
		strings.HasSuffix(base, ".tf.json"), strings.HasSuffix(base, ".tofu.json"):
		return kindTF, true
	case base == "terraform.tfvars" || strings.HasSuffix(base, ".auto.tfvars"),
		base == "terraform.tfvars.json" || strings.HasSuffix(base, ".auto.tfvars.json"):
		return kindTFVars, true
	}
	return 0, false
}

// skipReason says why a file that looks like Terraform is not read, or ""
// for a file that does not look like Terraform.
func skipReason(name string) string {
	switch {
	case strings.HasSuffix(name, ".tfvars"), strings.HasSuffix(name, ".tfvars.json"):
		return "variable files Terraform loads only when given with -var-file; ssmlint takes --var-file too"
	case name == "terragrunt.hcl", name == "terragrunt.stack.hcl":
		return "Terragrunt configuration; scan the Terraform it calls"
	case strings.HasSuffix(name, ".tftest.hcl"), strings.HasSuffix(name, ".tftest.json"),
		strings.HasSuffix(name, ".tofutest.hcl"), strings.HasSuffix(name, ".tofutest.json"),
		strings.HasSuffix(name, ".tfmock.hcl"), strings.HasSuffix(name, ".tfmock.json"):
		return "Terraform test files"
	case strings.HasSuffix(name, ".tfstack.hcl"), strings.HasSuffix(name, ".tfcomponent.hcl"),
		strings.HasSuffix(name, ".tfdeploy.hcl"):
		return "Terraform Stacks files"
	}
	return ""
}

func within(root, p string) bool { return safefs.Within(root, p) }

func relSlash(root, p string) string {
	r, err := filepath.Rel(root, p)
	if err != nil {
		return filepath.ToSlash(p)
	}
	return filepath.ToSlash(r)
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// readChecked reads one file with the size cap and refuses content the
// parser must not see (invalid UTF-8, see checkLimits).
func readChecked(path string, maxSize int64) ([]byte, *hcl.Diagnostic) {
	src, err := readCapped(path, maxSize)
	if err != nil {
		return nil, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: err.Error(), Subject: startOf(path).Ptr()}
	}
	if !utf8.Valid(src) {
		r := badUTF8(path, src)
		return nil, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "invalid UTF-8 in file; Terraform files must be UTF-8 encoded", Subject: &r}
	}
	if d := checkLimits(path, src); d != nil {
		return nil, d
	}
	return src, nil
}

// parse parses checked content. Broken syntax still yields a File with
// whatever hclsyntax recovered, so that the rest of the file is checked.
func parse(path string, src []byte) (f *File, diags hcl.Diagnostics) {
	defer func() {
		if r := recover(); r != nil {
			f = nil
			diags = hcl.Diagnostics{{Severity: hcl.DiagError, Summary: fmt.Sprintf("internal error while parsing: %v", r), Subject: startOf(path).Ptr()}}
		}
	}()
	if strings.HasSuffix(path, ".tf.json") || strings.HasSuffix(path, ".tofu.json") {
		return parseJSONConfig(path, src)
	}
	if strings.HasSuffix(path, ".json") {
		file, diags := hcljson.Parse(src, path)
		if diags.HasErrors() || file == nil {
			return nil, diags
		}
		attrs, adiags := file.Body.JustAttributes()
		return &File{Path: path, Src: src, Body: &hclsyntax.Body{}, JSONAttrs: attrs}, append(diags, adiags...)
	}
	file, diags := hclsyntax.ParseConfig(src, path, hcl.InitialPos)
	if file == nil {
		return nil, diags
	}
	body, ok := file.Body.(*hclsyntax.Body)
	if !ok {
		return nil, diags
	}
	return &File{Path: path, Src: src, Body: body}, diags
}

// readAndParse is readChecked then parse.
func readAndParse(path string, maxSize int64) (*File, hcl.Diagnostics) {
	src, d := readChecked(path, maxSize)
	if d != nil {
		return nil, hcl.Diagnostics{d}
	}
	return parse(path, src)
}

// parallel runs fn(i) for i in [0,n) on up to workers goroutines.
func parallel(n, workers int, fn func(i int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, n)
	if workers <= 1 {
		for i := range n {
			fn(i)
		}
		return
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers {
		wg.Go(func() {
			for i := range next {
				fn(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// readCapped reads a regular file of at most maxSize bytes through the
// gate (callers have checked the boundary): no FIFO or device is opened
// for reading, and memory grows with what is read, not with the size the
// file claims.
func readCapped(path string, maxSize int64) ([]byte, error) {
	b, err := safefs.Gate{}.ReadFile(path, maxSize)
	var large *safefs.TooLargeError
	var irregular *safefs.NotRegularError
	switch {
	case err == nil:
		return b, nil
	case errors.As(err, &large):
		return nil, err
	case errors.As(err, &irregular):
		return nil, fmt.Errorf("not a regular file (%s); not read", irregular.Kind())
	}
	return nil, fmt.Errorf("cannot read file: %v", unwrapPathError(err))
}

// badUTF8 returns the position of the first invalid UTF-8 sequence.
func badUTF8(path string, src []byte) hcl.Range {
	line, col, i := 1, 1, 0
	for i < len(src) {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		if r == '\n' {
			line++
			col = 1
		} else {
			col++
		}
		i += size
	}
	start := hcl.Pos{Line: line, Column: col, Byte: i}
	return hcl.Range{Filename: path, Start: start, End: hcl.Pos{Line: line, Column: col + 1, Byte: i + 1}}
}

// tooDeep scans bracket nesting outside strings and comments (a cheap
// over-approximation is enough: only files that seem deep are looked at
// closely by the lexer).
func tooDeep(path string, src []byte) (hcl.Range, bool) {
	depth, max := 0, 0
	for _, b := range src {
		switch b {
		case '(', '[', '{':
			depth++
			if depth > max {
				max = depth
			}
		case ')', ']', '}':
			depth--
		}
	}
	if max <= MaxNesting {
		return hcl.Range{}, false
	}
	toks, _ := hclsyntax.LexConfig(src, path, hcl.InitialPos)
	depth = 0
	for _, t := range toks {
		switch t.Type {
		case hclsyntax.TokenOParen, hclsyntax.TokenOBrack, hclsyntax.TokenOBrace, hclsyntax.TokenTemplateInterp, hclsyntax.TokenTemplateControl:
			depth++
			if depth > MaxNesting {
				return t.Range, true
			}
		case hclsyntax.TokenCParen, hclsyntax.TokenCBrack, hclsyntax.TokenCBrace, hclsyntax.TokenTemplateSeqEnd:
			depth--
		}
	}
	return hcl.Range{}, false
}

func startOf(path string) hcl.Range {
	return hcl.Range{Filename: path, Start: hcl.InitialPos, End: hcl.Pos{Line: 1, Column: 1, Byte: 0}}
}

func fileError(path, msg string) hcl.Diagnostic {
	r := startOf(path)
	return hcl.Diagnostic{Severity: hcl.DiagError, Summary: msg, Subject: &r}
}

// errorList collects diagnostics from parallel workers, at most
// maxErrorsPerFile per file: past that, one more error says how many were
// left out (a broken file can yield a diagnostic per byte).
type errorList struct {
	mu      sync.Mutex
	diags   hcl.Diagnostics
	perFile map[string]int
	dropped map[string]*hcl.Diagnostic // first left out, by file
	extra   map[string]int             // how many left out, by file
}

// maxErrorsPerFile caps the errors reported for one file.
const maxErrorsPerFile = 100

func (e *errorList) add(d hcl.Diagnostic) {
	e.mu.Lock()
	e.keep(&d)
	e.mu.Unlock()
}

func (e *errorList) addDiags(ds hcl.Diagnostics) {
	if len(ds) == 0 {
		return
	}
	e.mu.Lock()
	for _, d := range ds {
		if d.Severity == hcl.DiagError {
			e.keep(d)
		}
	}
	e.mu.Unlock()
}

// keep adds d unless its file has its share; e.mu is held.
func (e *errorList) keep(d *hcl.Diagnostic) {
	file := ""
	if d.Subject != nil {
		file = d.Subject.Filename
	}
	if e.perFile == nil {
		e.perFile, e.dropped, e.extra = map[string]int{}, map[string]*hcl.Diagnostic{}, map[string]int{}
	}
	if e.perFile[file] >= maxErrorsPerFile {
		if e.dropped[file] == nil {
			e.dropped[file] = d
		}
		e.extra[file]++
		return
	}
	e.perFile[file]++
	e.diags = append(e.diags, d)
}

func (e *errorList) sorted() hcl.Diagnostics {
	e.mu.Lock()
	defer e.mu.Unlock()
	all := append(hcl.Diagnostics(nil), e.diags...)
	for file, d := range e.dropped {
		all = append(all, &hcl.Diagnostic{Severity: hcl.DiagError, Subject: d.Subject,
			Summary: fmt.Sprintf("%d more errors in this file are not shown (the first %d are)", e.extra[file], maxErrorsPerFile)})
	}
	type key struct {
		msg string
		rng hcl.Range
	}
	seen := map[key]bool{}
	var out hcl.Diagnostics
	for _, d := range all {
		k := key{msg: d.Summary}
		if d.Subject != nil {
			k.rng = *d.Subject
		}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, d)
	}
	return out
}

package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"go/format"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/ssmlint/ssmlint/analyzers/all"
	"github.com/ssmlint/ssmlint/finding"
	"github.com/ssmlint/ssmlint/hclcheck"
	"github.com/ssmlint/ssmlint/hclcheck/checks"
	"github.com/ssmlint/ssmlint/internal/config"
	"github.com/ssmlint/ssmlint/internal/gocheck"
	"github.com/ssmlint/ssmlint/internal/inventory"
	"github.com/ssmlint/ssmlint/internal/safefs"
	"github.com/ssmlint/ssmlint/rules"
)

// parameterInventory collects the aws_ssm_parameter instances of every
// configuration the Terraform scan checks (hclcheck.Settings.Observe calls
// it from several goroutines).
type parameterInventory struct {
	mu     sync.Mutex
	params []inventory.Parameter
}

func (p *parameterInventory) observe(c *hclcheck.Config) {
	ps := checks.Inventory(c)
	p.mu.Lock()
	p.params = append(p.params, ps...)
	p.mu.Unlock()
}

func (p *parameterInventory) inventory() *inventory.Inventory {
	p.mu.Lock()
	defer p.mu.Unlock()
	return inventory.New(p.params)
}

// goAnalyzers are the enabled analyzers; an analyzer's name is its rule ID
// in lower case.
func goAnalyzers(enabled map[string]bool) []*analysis.Analyzer {
	var out []*analysis.Analyzer
	for _, a := range all.Analyzers() {
		if enabled[strings.ToUpper(a.Name)] {
			out = append(out, a)
		}
	}
	return out
}

// goDirs are where to run the Go analyzers for a scanned path: the path
// itself when it is inside a Go module, and each module nested under it
// (a monorepo's services, each with its go.mod), whose packages the
// enclosing module's ./... does not include. A directory whose non-test
// Go files import no SSM package of the SDK is left out: go vet would
// build (and download) it for nothing, since the analyzers look only at
// packages that use the SDK. (SSM601 also follows calls into another
// module's wrapper of the SDK; a module that reaches SSM only through such
// a dependency is skipped too.)
func goDirs(path string, modules []string) []string {
	var out []string
	own := gocheck.ModuleRoot(path)
	if own != "" && mayUseSSM(path) {
		out = append(out, path)
	}
	for _, m := range modules {
		if abs, err := filepath.Abs(m); err == nil && abs != own && mayUseSSM(m) {
			out = append(out, m)
		}
	}
	return out
}

// mayUseSSM reports whether the Go code go vet would analyse in dir
// imports an SSM package; when that cannot be told, go vet runs and says
// what is wrong.
func mayUseSSM(dir string) bool {
	ok, err := gocheck.ImportsSSM(dir)
	return ok || err != nil
}

// dedupDirs drops directories listed twice (by absolute path).
func dedupDirs(dirs []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, d := range dirs {
		abs, err := filepath.Abs(d)
		if err != nil || seen[abs] {
			continue
		}
		seen[abs] = true
		out = append(out, d)
	}
	return out
}

// fixKey identifies a finding across filtering.
type fixKey struct {
	rule string
	rng  finding.Range
}

// scanGo runs the Go analyzers on the packages under each path, through
// go vet with this executable as the vet tool, with the inventory of the
// Terraform scanned alongside.
func scanGo(res *scanResult, paths []string, enabled map[string]bool, inv *inventory.Inventory, cfg *config.Config) {
	fail := func(p string, err error) {
		pos := finding.Pos{Line: 1, Column: 1}
		res.errors = append(res.errors, finding.Error{Range: finding.Range{File: p, Start: pos, End: pos}, Message: err.Error()})
	}
	tool, err := os.Executable()
	if err != nil {
		fail(paths[0], fmt.Errorf("the Go analyzers need ssmlint's own path: %w", err))
		return
	}
	opt := gocheck.Options{Tool: tool}
	for _, a := range goAnalyzers(enabled) {
		opt.Analyzers = append(opt.Analyzers, a.Name)
	}
	if inv != nil && len(inv.Parameters) > 0 {
		file, err := inventoryFile(inv)
		if err != nil {
			fail(paths[0], err)
			return
		}
		opt.Flags = append(opt.Flags, "-ssm601.inventory="+file)
	}
	// Rule options of the configuration become analyzer flags.
	if cfg != nil {
		for _, r := range []*rules.Rule{rules.SSM601, rules.SSM606} {
			if words := cfg.OptionStrings(r, "extra_secret_words"); len(words) > 0 {
				opt.Flags = append(opt.Flags, "-"+strings.ToLower(r.ID)+".extra-secret-words="+strings.Join(words, ","))
			}
		}
	}
	if cfg != nil {
		opt.MaxFileSize = cfg.FileSizeLimit()
	}
	sig := watchSignals()
	defer sig.stop()
	seen := map[fixKey]bool{}
	for _, p := range paths {
		opt.Boundary = hclcheck.Boundary(p)
		r, err := gocheck.Run(sig, p, opt)
		if sig.interrupted() {
			sig.stop() // go vet is stopped; end as the signal would have
		}
		if err != nil {
			res.errors = append(res.errors, goNotRun(p, false, goStartProblem(err)))
			continue
		}
		for _, e := range r.Errors {
			if !errorAt(res.errors, e.Range.File) {
				res.errors = append(res.errors, e)
			}
		}
		if len(r.BuildErrors) > 0 {
			res.errors = append(res.errors, goNotRun(p, len(r.Findings) > 0, buildProblem(p, r.BuildErrors)))
		}
		// The Go files with findings, read through the boundary's gate:
		// the report quotes them, --fix edits them.
		for f, src := range r.Sources {
			if _, ok := res.sources[f]; !ok {
				res.sources[f] = src
			}
		}
		for _, f := range r.Suppressed {
			if cfg != nil && cfg.ExcludedPath(f.Range.File) {
				continue
			}
			k := fixKey{f.Rule.ID, f.Range}
			if !seen[k] {
				seen[k] = true
				res.goSuppressed = append(res.goSuppressed, f)
			}
		}
		for i, f := range r.Findings {
			if cfg != nil && cfg.ExcludedPath(f.Range.File) {
				continue
			}
			k := fixKey{f.Rule.ID, f.Range}
			if seen[k] {
				continue // the same package reached through two paths
			}
			seen[k] = true
			res.findings = append(res.findings, f)
			if fxs := r.Fixes[i]; len(fxs) > 0 {
				if res.fixes == nil {
					res.fixes = map[fixKey][]gocheck.Fix{}
				}
				res.fixes[k] = fxs
			}
		}
	}
}

// errorAt reports whether errs hold an error about file (the Terraform
// loader's about a symbolic link, say), so that the Go side does not
// report the same file twice.
func errorAt(errs []finding.Error, file string) bool {
	abs, err := filepath.Abs(file)
	if err != nil || !strings.HasSuffix(file, ".go") {
		return false
	}
	for _, e := range errs {
		if a, err := filepath.Abs(e.Range.File); err == nil && a == abs {
			return true
		}
	}
	return false
}

// goSideOff is how to run without the Go side, for the errors that say
// it could not run.
const goSideOff = `To scan without the Go side: --disable SSM6 or "go: false" in .ssmlint.yml`

// goProblem is why the Go analyzers could not run on a directory, and
// where to report it.
type goProblem struct {
	what string
	at   finding.Range
}

// goNotRun is the one error for a directory of Go code the analyzers could
// not run on (partly, when some packages were analysed): it says what
// failed and how to run without the Go side.
func goNotRun(dir string, partly bool, p goProblem) finding.Error {
	where := "on " + displayDir(dir)
	if partly {
		where = "on part of " + displayDir(dir)
	}
	if p.at.File == "" {
		p.at = moduleFile(dir)
	}
	return finding.Error{
		Range:   p.at,
		Message: fmt.Sprintf("Go analyzers (SSM6xx) not run %s: %s; the Terraform findings are unaffected. %s", where, p.what, goSideOff),
	}
}

// goStartProblem says why go vet could not be started.
func goStartProblem(err error) goProblem {
	if errors.Is(err, exec.ErrNotFound) {
		return goProblem{what: "the go command is not on PATH (the Go side runs go vet)"}
	}
	var outside *gocheck.OutsideModuleError
	if errors.As(err, &outside) {
		pos := finding.Pos{Line: outside.Line, Column: 1}
		return goProblem{what: outside.Error(), at: finding.Range{File: outside.File, Start: pos, End: pos}}
	}
	return goProblem{what: err.Error()}
}

// buildProblem sums up go vet's build errors for dir: the first, with its
// position when it is in the module's own files, and how many more.
func buildProblem(dir string, errs []finding.Error) goProblem {
	first := errs[0]
	msg, _, _ := strings.Cut(strings.TrimSpace(first.Message), "\n")
	// Without a position, it is the go command's own complaint (a go.mod
	// that needs a download, say).
	p := goProblem{what: "go vet failed (" + strings.TrimPrefix(msg, "go vet failed: ")}
	if strings.HasSuffix(first.Range.File, ".go") {
		p.what = fmt.Sprintf("the Go code does not build (%s:%d:%d: %s", relTo(cwd())(first.Range.File), first.Range.Start.Line, first.Range.Start.Column, msg)
		if inside(first.Range.File, moduleDir(dir)) {
			p.at = first.Range
		}
	}
	switch n := len(errs) - 1; n {
	case 0:
		p.what += ")"
	case 1:
		p.what += "; 1 more problem)"
	default:
		p.what += fmt.Sprintf("; %d more problems)", n)
	}
	return p
}

// moduleDir is the directory of the module go vet ran in for dir (a
// directory or a .go file), or dir's own directory.
func moduleDir(dir string) string {
	if m := gocheck.ModuleRoot(dir); m != "" {
		return m
	}
	if fi, err := os.Stat(dir); err == nil && !fi.IsDir() {
		return filepath.Dir(dir)
	}
	return dir
}

// moduleFile is the position of an error about the Go code of dir as a
// whole: line 1 of its go.mod.
func moduleFile(dir string) finding.Range {
	pos := finding.Pos{Line: 1, Column: 1}
	file := dir
	if m := gocheck.ModuleRoot(dir); m != "" {
		file = filepath.Join(m, "go.mod")
	}
	return finding.Range{File: file, Start: pos, End: pos}
}

// inside reports whether file is in dir or below it.
func inside(file, dir string) bool {
	af, err1 := filepath.Abs(file)
	ad, err2 := filepath.Abs(dir)
	if err1 != nil || err2 != nil {
		return false
	}
	rel, err := filepath.Rel(ad, af)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// displayDir names a directory in a message as a path relative to the
// working directory, "./app" rather than "app".
func displayDir(dir string) string {
	d := relTo(cwd())(dir)
	if d == "." || strings.HasPrefix(d, "./") || strings.HasPrefix(d, "../") || filepath.IsAbs(d) {
		return d
	}
	return "./" + d
}

// inventoryFile writes the inventory where go vet can read it, under a
// name made from its content: go vet caches results per tool flags, so an
// unchanged inventory keeps the cache and a changed one cannot hit it.
func inventoryFile(inv *inventory.Inventory) (string, error) {
	var buf bytes.Buffer
	if err := inv.Write(&buf); err != nil {
		return "", err
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	dir = filepath.Join(dir, "ssmlint")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		// A read-only home (some CI containers): the temporary directory.
		dir = filepath.Join(os.TempDir(), "ssmlint")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return "", fmt.Errorf("writing the parameter inventory for the Go analyzers: %w", err)
		}
	}
	sum := sha256.Sum256(buf.Bytes())
	file := filepath.Join(dir, "inventory-"+hex.EncodeToString(sum[:12])+".json")
	if _, err := os.Stat(file); err == nil {
		return file, nil
	}
	tmp, err := os.CreateTemp(dir, "inventory-*.tmp")
	if err != nil {
		return "", fmt.Errorf("writing the parameter inventory for the Go analyzers: %w", err)
	}
	_, werr := tmp.Write(buf.Bytes())
	if cerr := tmp.Close(); werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Rename(tmp.Name(), file)
	}
	if werr != nil {
		os.Remove(tmp.Name())
		return "", fmt.Errorf("writing the parameter inventory for the Go analyzers: %w", werr)
	}
	return file, nil
}

// applyFixes applies the first suggested fix of each finding, file by
// file, skipping a fix that overlaps one already taken, and gofmts the
// result. It returns the findings fixed: those whose file was written.
//
// A file is edited only when it is one the analyzers parsed from disk
// and nothing else could be meant (see fixTarget), and only when its
// content is still what the analyzers saw (the SHA-256 the vet tool
// recorded); it is written atomically with its mode and its line endings
// kept. Files that could not be fixed are left unchanged and named in the
// error.
func applyFixes(fs []finding.Finding, sc *scanResult) (map[fixKey]bool, error) {
	type target struct {
		edits    []fixEdit
		boundary string
	}
	byFile := map[string]*target{}
	done := map[fixKey]bool{}
	for _, f := range fs {
		k := fixKey{f.Rule.ID, f.Range}
		fxs := sc.fixes[k]
		if len(fxs) == 0 || len(fxs[0].Edits) == 0 {
			continue
		}
		file := fxs[0].Edits[0].File
		ok := true
		for _, e := range fxs[0].Edits {
			ok = ok && e.File == file
		}
		if !ok {
			continue // fixes that span files are not applied
		}
		t := byFile[file]
		if t == nil {
			t = &target{boundary: fxs[0].Boundary}
			byFile[file] = t
		}
		for _, e := range fxs[0].Edits {
			t.edits = append(t.edits, fixEdit{e, k})
		}
	}
	var problems []string
	rel := relTo(cwd())
	for _, file := range slices.Sorted(maps.Keys(byFile)) {
		t := byFile[file]
		applied, err := fixFile(file, t.boundary, sc.sources[file], t.edits)
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v; left unchanged", rel(file), err))
			continue
		}
		for k := range applied {
			done[k] = true
		}
	}
	if len(problems) > 0 {
		return done, fmt.Errorf("--fix: %d of %d files not fixed:\n  %s", len(problems), len(byFile), strings.Join(problems, "\n  "))
	}
	return done, nil
}

// fixEdit is an edit of the fix of one finding.
type fixEdit struct {
	gocheck.Edit
	key fixKey
}

// fixFile applies edits to file and writes it; analysed is the content
// the report read (nil when it could not be read). It returns the fixes
// written.
func fixFile(file, boundary string, analysed []byte, es []fixEdit) (map[fixKey]bool, error) {
	if analysed == nil {
		return nil, errors.New("not read when analysed")
	}
	src, err := fixTarget(file, boundary, int64(len(analysed)))
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(src)
	have := hex.EncodeToString(sum[:])
	slices.SortStableFunc(es, func(a, b fixEdit) int { return a.Start - b.Start })
	// A fix is taken whole or not at all.
	skip := map[fixKey]bool{}
	at, stale := 0, 0
	for _, e := range es {
		if e.Sum == "" || e.Sum != have {
			skip[e.key] = true
			stale++
		}
		if e.Start < at || e.End > len(src) || e.Start > e.End {
			skip[e.key] = true
		}
		at = max(at, e.End)
	}
	var out bytes.Buffer
	at = 0
	applied := map[fixKey]bool{}
	for _, e := range es {
		if skip[e.key] || e.Start < at {
			continue
		}
		out.Write(src[at:e.Start])
		out.Write(e.New)
		at = e.End
		applied[e.key] = true
	}
	if len(applied) == 0 {
		if stale > 0 {
			return nil, errors.New("changed since it was analysed")
		}
		return nil, nil
	}
	out.Write(src[at:])
	formatted, err := format.Source(out.Bytes())
	if err != nil {
		return nil, fmt.Errorf("would not be valid Go after the fixes (%v)", err)
	}
	if usesCRLF(src) {
		formatted = bytes.ReplaceAll(bytes.ReplaceAll(formatted, []byte("\r\n"), []byte("\n")), []byte("\n"), []byte("\r\n"))
	}
	if err := safefs.WriteFile(file, formatted, 0o644); err != nil {
		return nil, fmt.Errorf("not written (%v)", unwrap(err))
	}
	return applied, nil
}

// fixTarget reads a file --fix may edit: a regular file itself (not a
// symbolic link), whose real path is inside the boundary, at most max
// bytes (the size analysed), whose positions are its own (no //line
// directive) and that cgo does not rewrite (no import "C").
func fixTarget(file, boundary string, max int64) ([]byte, error) {
	fi, err := os.Lstat(file)
	if err != nil {
		return nil, errors.New("no longer there")
	}
	if !fi.Mode().IsRegular() {
		return nil, errors.New("not a regular file (a symbolic link?): only files the analyzers read in place are fixed")
	}
	src, err := safefs.Gate{Boundary: boundary}.ReadFile(file, max)
	var tooLarge *safefs.TooLargeError
	switch {
	case errors.As(err, &tooLarge):
		return nil, errors.New("changed since it was analysed")
	case err != nil:
		return nil, err
	}
	if bytes.Contains(src, []byte("//line ")) || bytes.Contains(src, []byte("/*line ")) {
		return nil, errors.New("has //line directives, so the analyzers' positions may be another file's")
	}
	if af, err := parser.ParseFile(token.NewFileSet(), file, src, parser.ImportsOnly); err == nil {
		for _, imp := range af.Imports {
			if imp.Path.Value == `"C"` {
				return nil, errors.New(`uses cgo (import "C"), whose generated code the positions may be in`)
			}
		}
	}
	return src, nil
}

// usesCRLF reports whether most of src's lines end in CRLF.
func usesCRLF(src []byte) bool {
	return bytes.Count(src, []byte("\r\n"))*2 > bytes.Count(src, []byte("\n"))
}

package hclcheck

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"

	"github.com/ssmlint/ssmlint/finding"
	"github.com/ssmlint/ssmlint/hclcheck/adapters"
	"github.com/ssmlint/ssmlint/internal/safefs"
)

// EvalOptions are the variable values given from outside the
// configuration. They apply to every root module that declares them.
type EvalOptions struct {
	// Vars are values by variable name (from --var and the config file).
	Vars map[string]cty.Value
	// VarFiles are extra tfvars files (--var-file), applied after
	// terraform.tfvars and *.auto.tfvars, in order.
	VarFiles []string
}

// Result is what a scan of one root produced.
type Result struct {
	// Findings, deduplicated (a shared module called identically by many
	// roots is reported once) and sorted.
	Findings []finding.Finding
	// Errors are the problems met: unreadable or broken files, links
	// leaving the root, module sources that cannot be followed.
	Errors []finding.Error
	// Files counts the files read (.tf and .tfvars).
	Files int
	// Configs counts the root modules checked.
	Configs int
	// Sources holds the content of every file read, by path, for source
	// excerpts and suppression comments.
	Sources map[string][]byte
	// Unless is parallel to Findings: a finding with a non-empty entry
	// stands only if no configuration scanned establishes that fact (see
	// Pass.Unless). Facts established in this scan are applied already; a
	// caller that scans several paths applies Facts across them.
	Unless []string
	// Facts are the facts the configurations of this scan established.
	Facts map[string]bool
	// GoFiles counts the .go files the walk met (outside hidden
	// directories): only when there are some is there Go code to analyze.
	GoFiles int
	// GoModules are the directories under the root holding a go.mod
	// (outside testdata and vendor).
	GoModules []string
	// Skipped are the files under the root that look like Terraform but
	// were not read (see Skipped).
	Skipped []Skipped
}

// DropUnless removes the findings whose condition a fact in facts
// defeats, keeping Unless parallel to Findings, and keeps one finding per
// rule of those about the whole scan (finding.Once).
func (r *Result) DropUnless(facts map[string]bool) {
	defer r.keepFirstOnce()
	if len(r.Unless) == 0 || len(facts) == 0 {
		return
	}
	fs, un := r.Findings[:0], r.Unless[:0]
	for i, f := range r.Findings {
		if u := r.Unless[i]; u != "" && facts[u] {
			continue
		}
		fs, un = append(fs, f), append(un, r.Unless[i])
	}
	r.Findings, r.Unless = fs, un
}

func (r *Result) keepFirstOnce() {
	keep := finding.FirstOnce(r.Findings)
	fs, un := r.Findings[:0], r.Unless[:0]
	for i, f := range r.Findings {
		if keep[i] {
			fs = append(fs, f)
			if i < len(r.Unless) {
				un = append(un, r.Unless[i])
			}
		}
	}
	r.Findings, r.Unless = fs, un
}

// Project is one scanned root: its files and the modules parsed so far.
// Modules that other modules call are parsed once and kept; a root
// module is parsed when its configuration is checked and dropped after,
// so memory holds the shared modules plus the configurations in flight,
// not every file's syntax tree.
type Project struct {
	Root     string
	boundary string // nothing outside it is read, see Boundary
	lopt     LoadOptions
	errs     *errorList
	extra    []*File // --var-file contents

	dirs    map[string][]source // directory -> its Terraform files
	content map[string][]byte   // path -> content of each readable file
	// shared marks directories whose module is kept once parsed: those a
	// quick scan saw as local module sources, and everything under
	// .terraform/modules.
	shared map[string]bool
	// outside marks module directories read because a scanned module
	// calls them, though they are not under the scanned root
	// (`../../modules/app` from a stack): they are never roots.
	outside map[string]bool

	realDirs sync.Map // directory -> realAbs of it, see realDir

	mu       sync.Mutex
	cache    map[string]*moduleSlot
	adapters map[string]*moduleSlot
	calls    map[string][]string // directory -> directories its local calls name
}

type moduleSlot struct {
	once sync.Once
	m    *Module
}

// Scan loads and checks the Terraform under root: every root module (a
// directory with .tf files that no scanned module calls) is evaluated as
// one configuration, with its local and installed modules, and checked.
// Configurations are processed in parallel; the result is deterministic.
func Scan(root string, lopt LoadOptions, eopt EvalOptions, checks []Check, s Settings) *Result {
	p := &Project{
		Root: root, lopt: lopt, errs: &errorList{},
		dirs: map[string][]source{}, content: map[string][]byte{},
		shared: map[string]bool{}, outside: map[string]bool{}, cache: map[string]*moduleSlot{}, calls: map[string][]string{},
		adapters: map[string]*moduleSlot{},
	}
	if p.lopt.MaxFileSize <= 0 {
		p.lopt.MaxFileSize = DefaultMaxFileSize
	}
	p.boundary = p.lopt.Boundary
	if p.boundary == "" {
		p.boundary = Boundary(root)
	}
	w := discover(root, p.boundary, &p.lopt, p.errs)
	gt := w.gt
	p.read(w.sources)
	p.readCalled()
	if s.ObserveOnlyWithGo && gt.files == 0 {
		s.Observe = nil
	}
	p.extra = loadVarFiles(eopt.VarFiles, p.lopt.MaxFileSize, p.errs)

	// Parse the shared modules first, in parallel: every root needs them.
	var shared []string
	for d := range p.shared {
		if p.hasTF(d) {
			shared = append(shared, d)
		}
	}
	sort.Strings(shared)
	parallel(len(shared), p.lopt.Workers, func(i int) { p.module(shared[i]) })

	// Check each root; a root the quick scan missed as a module source is
	// found out below and its results dropped.
	roots := p.candidateRoots()
	results := make([]rootResult, len(roots))
	parallel(len(roots), s.Workers, func(i int) { results[i] = p.check(roots[i], eopt, checks, &s) })

	called := p.calledDirs()
	var kept []rootResult
	for _, r := range results {
		if !called[r.dir] {
			kept = append(kept, r)
		}
	}
	// Shared candidates that no module calls after all are roots too.
	var late []string
	for _, d := range shared {
		if !called[d] && !underDotTerraform(d) && !p.outside[d] {
			late = append(late, d)
		}
	}
	lateResults := make([]rootResult, len(late))
	parallel(len(late), s.Workers, func(i int) { lateResults[i] = p.check(late[i], eopt, checks, &s) })
	kept = append(kept, lateResults...)

	res := &Result{Sources: p.content, Files: len(p.content), Configs: len(kept), GoFiles: gt.files, GoModules: gt.modules, Skipped: w.skipped}
	res.Findings, res.Unless, res.Facts, res.Errors = merge(kept)
	res.DropUnless(res.Facts)
	seen := map[finding.Error]bool{}
	for _, e := range res.Errors {
		seen[e] = true
	}
	for _, d := range p.errs.sorted() {
		if e := DiagError(d); !seen[e] {
			seen[e] = true
			res.Errors = append(res.Errors, e)
		}
	}
	finding.SortErrors(res.Errors)
	return res
}

// read reads every discovered file (in parallel), keeping the content of
// those that can be parsed, and notes local module sources.
func (p *Project) read(srcs []source) {
	contents := make([][]byte, len(srcs))
	parallel(len(srcs), p.lopt.Workers, func(i int) {
		b, d := readChecked(srcs[i].path, p.lopt.MaxFileSize)
		if d != nil {
			p.errs.add(*d)
			return
		}
		contents[i] = b
	})
	for i, s := range srcs {
		if contents[i] != nil {
			p.add(s, contents[i])
		}
	}
}

// add keeps a file that was read and notes the local module sources it
// seems to call.
func (p *Project) add(s source, content []byte) {
	p.content[s.path] = content
	p.dirs[s.dir] = append(p.dirs[s.dir], s)
	if underDotTerraform(s.dir) {
		p.shared[s.dir] = true
	}
	if s.kind == kindTF {
		for _, src := range localSources(content) {
			p.shared[filepath.Clean(filepath.Join(s.dir, src))] = true
		}
	}
}

// maxCalledDirs caps the module directories read outside the scanned
// root.
const maxCalledDirs = 10000

// readCalled reads the module directories that scanned modules call but
// the walk did not reach: `../../modules/app` from stacks/prod. Terraform
// reads them, so ssmlint does, inside the repository boundary; a source
// leaving it is reported where the call is evaluated (see resolve).
// Directories inside the root that the walk left out on purpose (config
// exclude) stay out. Each directory read may call further ones.
func (p *Project) readCalled() {
	done := map[string]bool{}
	for len(done) < maxCalledDirs {
		var next []string
		for d := range p.shared {
			if !done[d] && p.dirs[d] == nil {
				next = append(next, d)
			}
		}
		if len(next) == 0 {
			return
		}
		sort.Strings(next)
		for _, d := range next {
			done[d] = true
			if rel, err := filepath.Rel(p.Root, d); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				continue // under the root: the walk saw it (or was told to skip it)
			}
			if !within(p.boundary, realAbs(d)) {
				continue
			}
			p.outside[d] = true
			for _, s := range listModuleDir(d, p.boundary, p.errs) {
				if b, diag := readChecked(s.path, p.lopt.MaxFileSize); diag != nil {
					p.errs.add(*diag)
				} else {
					p.add(s, b)
				}
			}
		}
	}
}

// localSources finds `source = "./…"` / `"../…"` in a file's text, and
// `"source": "../…"` in JSON syntax. It is a quick over-approximation of
// the module calls (any block's `source` counts); the parsed calls decide
// in the end.
func localSources(src []byte) []string {
	var out []string
	key := []byte("source")
	skipSpace := func(k int) int {
		for k < len(src) && (src[k] == ' ' || src[k] == '\t' || src[k] == '\n' || src[k] == '\r') {
			k++
		}
		return k
	}
	for i := 0; ; {
		j := bytes.Index(src[i:], key)
		if j < 0 {
			return out
		}
		k := i + j + len(key)
		i = k
		if k < len(src) && src[k] == '"' {
			k++ // JSON: "source": "…"
		}
		k = skipSpace(k)
		if k >= len(src) || (src[k] != '=' && src[k] != ':') {
			continue
		}
		k = skipSpace(k + 1)
		if k >= len(src) || src[k] != '"' {
			continue
		}
		end := bytes.IndexByte(src[k+1:], '"')
		if end < 0 {
			return out
		}
		if v := string(src[k+1 : k+1+end]); isLocalSource(v) {
			out = append(out, v)
		}
	}
}

func underDotTerraform(dir string) bool {
	return strings.Contains(filepath.ToSlash(dir)+"/", "/.terraform/") || strings.HasPrefix(filepath.ToSlash(dir), ".terraform/")
}

func (p *Project) hasTF(dir string) bool {
	for _, s := range p.dirs[dir] {
		if s.kind == kindTF {
			return true
		}
	}
	return false
}

// candidateRoots lists directories with .tf files that are neither
// shared candidates nor under .terraform.
func (p *Project) candidateRoots() []string {
	var roots []string
	for d := range p.dirs {
		if p.hasTF(d) && !p.shared[d] && !underDotTerraform(d) {
			roots = append(roots, d)
		}
	}
	sort.Strings(roots)
	return roots
}

// module returns the parsed module of a directory (nil when it has no
// .tf file). Shared modules are parsed once and kept; others are parsed
// anew on each call and dropped by the caller.
func (p *Project) module(dir string) *Module {
	if !p.hasTF(dir) {
		return nil
	}
	if !p.shared[dir] {
		return p.parseModule(dir)
	}
	p.mu.Lock()
	slot := p.cache[dir]
	if slot == nil {
		slot = &moduleSlot{}
		p.cache[dir] = slot
	}
	p.mu.Unlock()
	slot.once.Do(func() { slot.m = p.parseModule(dir) })
	return slot.m
}

// parseModule parses a directory's files (in parallel when there are
// several) and records its local module calls.
func (p *Project) parseModule(dir string) *Module {
	srcs := p.dirs[dir]
	files := make([]*File, len(srcs))
	workers := 1
	if len(srcs) >= 4 {
		workers = p.lopt.Workers
	}
	parallel(len(srcs), workers, func(i int) {
		f, diags := parse(srcs[i].path, p.content[srcs[i].path])
		files[i] = f
		p.errs.addDiags(diags)
	})
	m := groupDir(dir, srcs, files, p.errs)
	var called []string
	for _, c := range m.Calls {
		if isLocalSource(c.Source) {
			called = append(called, filepath.Clean(filepath.Join(dir, c.Source)))
		}
	}
	p.mu.Lock()
	p.calls[dir] = called
	p.mu.Unlock()
	return m
}

// calledDirs is the exact set of directories some scanned module calls
// through a local source. Every root was parsed by now; shared modules
// not yet parsed are parsed here.
func (p *Project) calledDirs() map[string]bool {
	for d := range p.shared {
		if p.hasTF(d) {
			p.module(d)
		}
	}
	called := map[string]bool{}
	p.mu.Lock()
	defer p.mu.Unlock()
	for dir, cs := range p.calls {
		for _, c := range cs {
			if c != dir {
				called[c] = true
			}
		}
	}
	return called
}

// rootResult is what checking one root configuration produced.
type rootResult struct {
	dir      string
	findings []finding.Finding
	unless   []string // parallel to findings, see Pass.Unless
	facts    []string // see Pass.Establish
	errs     []finding.Error
}

// check evaluates the configuration rooted at dir and runs the checks,
// within the configured time. Past it, the evaluation is cancelled (the
// functions that make large collections stop it) and the configuration is
// reported as not checked.
func (p *Project) check(dir string, eopt EvalOptions, checks []Check, s *Settings) rootResult {
	budget := p.lopt.ConfigTimeout
	if budget <= 0 {
		budget = DefaultConfigTimeout
	}
	run := &runState{}
	done := make(chan rootResult, 1)
	go func() { done <- p.checkConfig(dir, eopt, checks, s, run) }()
	select {
	case r := <-done:
		return r
	case <-time.After(budget):
		run.cancel.Store(true)
		timeout := p.timeoutError(dir, budget, run)
		select {
		case r := <-done:
			return rootResult{dir: dir, errs: append(r.errs, timeout)}
		case <-time.After(2 * time.Second):
			// It does not stop: leave it (the process ends after the scan).
			return rootResult{dir: dir, errs: []finding.Error{timeout}}
		}
	}
}

// runState is shared between the evaluation of one configuration and
// its deadline: the evaluator stops when cancel is set, and says where it
// was, so that the error points at what took the time.
type runState struct {
	cancel atomic.Bool
	at     atomic.Pointer[hcl.Range] // what is being evaluated
	rule   atomic.Pointer[string]    // the check running, "" while loading
}

// timeoutError is the error for a configuration past its deadline,
// at what was being evaluated when it ran out.
func (p *Project) timeoutError(dir string, budget time.Duration, run *runState) finding.Error {
	at := startOf(p.firstFile(dir))
	where := ""
	if r := run.at.Load(); r != nil && r.Filename != "" {
		at = *r
		where = fmt.Sprintf("stopped at %s:%d", filepath.Base(r.Filename), r.Start.Line)
		if rule := run.rule.Load(); rule != nil {
			where += " during " + *rule
		}
		where += "; "
	}
	return finding.Error{
		Range:   ToRange(at),
		Message: fmt.Sprintf("evaluating the configuration of %s took longer than %s (%sfor expressions over very large collections?); it was not checked", dir, budget, where),
	}
}

func (p *Project) firstFile(dir string) string {
	for _, s := range p.dirs[dir] {
		if s.kind == kindTF {
			return s.path
		}
	}
	return dir
}

func (p *Project) checkConfig(dir string, eopt EvalOptions, checks []Check, s *Settings, run *runState) rootResult {
	cancel := &run.cancel
	res := rootResult{dir: dir}
	m := p.module(dir)
	if m == nil {
		return res
	}
	funcs := functions(p.boundary, dir, p.lopt.MaxFileSize, cancel)
	c := newConfig(p, m, eopt, p.extra, funcs, p.errs, run)
	for _, ch := range checks {
		if cancel.Load() {
			break
		}
		id := ch.Rule.ID
		run.rule.Store(&id)
		fs, unless, facts, err := runOne(c, ch, s)
		res.findings = append(res.findings, fs...)
		res.unless = append(res.unless, unless...)
		res.facts = append(res.facts, facts...)
		if err != nil {
			res.errs = append(res.errs, *err)
		}
	}
	for _, d := range c.errs.sorted() {
		res.errs = append(res.errs, DiagError(d))
	}
	if s.Observe != nil && !cancel.Load() {
		s.Observe(c)
	}
	c.release()
	return res
}

// merge joins per-root results, dropping exact duplicates, and collects
// the facts they established. The findings come sorted, with their
// conditions alongside.
func merge(rs []rootResult) ([]finding.Finding, []string, map[string]bool, []finding.Error) {
	type key struct {
		rule, msg string
		rng       finding.Range
	}
	seen := map[key]bool{}
	seenErr := map[finding.Error]bool{}
	var fs []finding.Finding
	var errs []finding.Error
	unless := map[key]string{}
	facts := map[string]bool{}
	for _, r := range rs {
		for _, f := range r.facts {
			facts[f] = true
		}
		for _, e := range r.errs {
			if !seenErr[e] {
				seenErr[e] = true
				errs = append(errs, e)
			}
		}
		for i, f := range r.findings {
			k := key{f.Rule.ID, f.Message, f.Range}
			if r.unless[i] != "" {
				unless[k] = r.unless[i]
			}
			if seen[k] {
				continue
			}
			seen[k] = true
			fs = append(fs, f)
		}
	}
	finding.SortFindings(fs)
	var un []string
	if len(unless) > 0 {
		un = make([]string, len(fs))
		for i, f := range fs {
			un[i] = unless[key{f.Rule.ID, f.Message, f.Range}]
		}
	}
	return fs, un, facts, errs
}

// Config is one Terraform configuration: a root module instance and every
// module instance below it.
type Config struct {
	Project *Project
	Root    *ModuleInstance
	// Instances lists every module instance, root first, depth-first.
	Instances []*ModuleInstance

	rootVars     map[string]cty.Value
	rootVarExprs map[string]hclsyntax.Expression
	// autoVars names the root variables set by an auto-loaded tfvars file
	// of the root module (terraform.tfvars, *.auto.tfvars): in the
	// repository, unlike --var and --var-file.
	autoVars     map[string]bool
	funcs        map[string]function.Function
	manifest     map[string]string // .terraform/modules key -> dir
	errs         *errorList        // errors met while evaluating
	run          *runState         // the deadline; nil: none
	groupsByAddr map[string]*resourceGroup
	memo         map[any]any
}

// canceled reports whether the configuration's deadline has passed:
// then every evaluation gives an unknown, and the checks stop.
func (c *Config) canceled() bool { return c.run != nil && c.run.cancel.Load() }

// evaluating records what is being evaluated, for the deadline's error.
func (c *Config) evaluating(r *hcl.Range) {
	if c.run != nil {
		c.run.at.Store(r)
	}
}

// maxModuleDepth caps module nesting.
const maxModuleDepth = 32

func newConfig(p *Project, root *Module, eopt EvalOptions, extra []*File, funcs map[string]function.Function, errs *errorList, run *runState) *Config {
	c := &Config{Project: p, funcs: funcs, rootVars: map[string]cty.Value{}, rootVarExprs: map[string]hclsyntax.Expression{}, errs: &errorList{}, run: run}
	c.autoVars = map[string]bool{}
	for i, f := range slices.Concat(root.TFVars, extra) {
		for name, a := range f.Body.Attributes {
			if v, diags := evalConst(a.Expr); !diags.HasErrors() {
				c.rootVars[name] = v.Mark(MarkInput)
				c.rootVarExprs[name] = a.Expr
				c.autoVars[name] = i < len(root.TFVars)
			} else {
				errs.addDiags(diags)
			}
		}
		for name, a := range f.JSONAttrs {
			if v, diags := evalConst(a.Expr); !diags.HasErrors() {
				c.rootVars[name] = v.Mark(MarkInput)
				delete(c.rootVarExprs, name)
				delete(c.autoVars, name)
			} else {
				errs.addDiags(diags)
			}
		}
	}
	for name, v := range eopt.Vars {
		c.rootVars[name] = v.Mark(MarkInput)
		delete(c.rootVarExprs, name)
		delete(c.autoVars, name)
	}
	c.manifest = p.readManifest(root.Dir)
	c.Root = c.instantiate(root, "", nil, nil, nil, errs, nil)
	return c
}

// instantiate creates a module instance and, recursively, its children.
func (c *Config) instantiate(m *Module, addr string, parent *ModuleInstance, call *CallDecl, callScope *scope, errs *errorList, keyPath []string) *ModuleInstance {
	mi := &ModuleInstance{
		Module: m, Addr: addr, Parent: parent, Call: call, callScope: callScope, config: c,
		vars: map[string]cty.Value{}, locals: map[string]cty.Value{}, outputs: map[string]cty.Value{},
		inFlight: map[string]bool{}, Children: map[string][]*ModuleInstance{}, groups: map[string]*resourceGroup{},
	}
	c.Instances = append(c.Instances, mi)
	if m == nil {
		return mi
	}
	for _, d := range m.Resources {
		g := &resourceGroup{decl: d, mi: mi}
		key := groupKey(d)
		if _, dup := mi.groups[key]; dup {
			continue
		}
		mi.groups[key] = g
		mi.order = append(mi.order, g)
	}
	if len(keyPath) >= maxModuleDepth {
		r := m.Calls
		if len(r) > 0 {
			errs.add(hcl.Diagnostic{Severity: hcl.DiagError, Summary: fmt.Sprintf("modules nested deeper than %d levels; not followed", maxModuleDepth), Subject: r[0].Block.DefRange().Ptr()})
		}
		return mi
	}
	for _, call := range m.Calls {
		if c.canceled() {
			break
		}
		c.evaluating(&call.SourceRange)
		child, diag := c.resolve(m, call, keyPath)
		if child != nil && mi.hasAncestorDir(child.Dir) {
			child, diag = nil, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: fmt.Sprintf("module %q calls a module that is already being called above it (module cycle); not followed", call.Name), Subject: call.SourceRange.Ptr()}
		}
		if diag != nil {
			errs.add(*diag)
		}
		base := mi.scope()
		for _, e := range expand(base, mi.prefix()+"module."+call.Name, call.Count, call.ForEach, nil) {
			caddr := mi.prefix() + "module." + call.Name + e.suffix
			k := c.instantiate(child, caddr, mi, call, e.scope, errs, append(slices.Clone(keyPath), call.Name))
			mi.Children[call.Name] = append(mi.Children[call.Name], k)
		}
	}
	return mi
}

// hasAncestorDir reports whether dir is the module of mi or of one of its
// ancestors.
func (mi *ModuleInstance) hasAncestorDir(dir string) bool {
	for a := mi; a != nil; a = a.Parent {
		if a.Module != nil && a.Module.Dir == dir {
			return true
		}
	}
	return false
}

// resolve finds the module a call refers to: a local path inside the
// repository boundary, or a module installed by `terraform init` under
// .terraform/modules. Other sources are not followed (nil, no error).
func (c *Config) resolve(caller *Module, call *CallDecl, keyPath []string) (*Module, *hcl.Diagnostic) {
	p := c.Project
	if isLocalSource(call.Source) {
		dir := filepath.Clean(filepath.Join(caller.Dir, call.Source))
		if abs := p.realDir(dir); !within(p.boundary, abs) {
			return nil, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: fmt.Sprintf("module source %q leads to %s, outside the repository (%s); module %q is not checked", call.Source, abs, p.boundary, call.Name), Subject: call.SourceRange.Ptr()}
		}
		m := p.module(dir)
		if m == nil {
			what := "has no Terraform files"
			if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
				what = "is not a directory in the repository (terraform init would fail too)"
			}
			return nil, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: fmt.Sprintf("module source %q %s; module %q is not checked", call.Source, what, call.Name), Subject: call.SourceRange.Ptr()}
		}
		return m, nil
	}
	key := strings.Join(append(slices.Clone(keyPath), call.Name), ".")
	if dir, ok := c.manifest[key]; ok {
		if m := p.module(dir); m != nil {
			return m, nil
		}
	}
	// Not installed: a registry module ssmlint models stands in for it.
	return p.adapter(call.Source), nil
}

// adapter returns ssmlint's model of a registry module (parsed once), or
// nil for a source it does not model.
func (p *Project) adapter(source string) *Module {
	dir, files, ok := adapters.Lookup(source)
	if !ok {
		return nil
	}
	p.mu.Lock()
	slot := p.adapters[dir]
	if slot == nil {
		slot = &moduleSlot{}
		p.adapters[dir] = slot
	}
	p.mu.Unlock()
	slot.once.Do(func() {
		names := make([]string, 0, len(files))
		for n := range files {
			names = append(names, n)
		}
		sort.Strings(names)
		var tf []*File
		for _, n := range names {
			if f, diags := parse(n, files[n]); f != nil {
				tf = append(tf, f)
			} else {
				p.errs.addDiags(diags)
			}
		}
		slot.m = buildModule(dir, tf, nil, p.errs)
	})
	return slot.m
}

// realDir is realAbs of a module directory, resolved once: every
// configuration resolves the same local module calls again.
func (p *Project) realDir(dir string) string {
	if v, ok := p.realDirs.Load(dir); ok {
		return v.(string)
	}
	abs := realAbs(dir)
	p.realDirs.Store(dir, abs)
	return abs
}

// isAdapterDir reports whether a module directory is an adapter's.
func isAdapterDir(dir string) bool { return strings.HasPrefix(dir, "adapter:") }

// maxManifestSize caps .terraform/modules/modules.json.
const maxManifestSize = 4 << 20

// readManifest reads .terraform/modules/modules.json of a root module:
// module key -> directory (only directories inside the root are kept).
// The manifest is read through the gate: a link out of the repository, a
// FIFO or a device in its place is reported, not opened.
func (p *Project) readManifest(rootDir string) map[string]string {
	path := filepath.Join(rootDir, ".terraform", "modules", "modules.json")
	if _, err := os.Lstat(path); err != nil {
		return nil // not installed: the usual case
	}
	data, err := safefs.Gate{Boundary: p.boundary}.ReadFile(path, maxManifestSize)
	if err != nil {
		p.errs.add(fileError(path, fmt.Sprintf("module manifest not read: %v", unwrapPathError(err))))
		return nil
	}
	var mf struct {
		Modules []struct {
			Key string `json:"Key"`
			Dir string `json:"Dir"`
		} `json:"Modules"`
	}
	if json.Unmarshal(data, &mf) != nil {
		return nil
	}
	out := map[string]string{}
	for _, m := range mf.Modules {
		if m.Key == "" || filepath.IsAbs(m.Dir) {
			continue
		}
		dir := filepath.Clean(filepath.Join(rootDir, m.Dir))
		if rel, err := filepath.Rel(rootDir, dir); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			continue // outside the root module: not followed
		}
		out[m.Key] = dir
	}
	return out
}

// loadVarFiles parses --var-file files.
func loadVarFiles(paths []string, maxSize int64, errs *errorList) []*File {
	if maxSize <= 0 {
		maxSize = DefaultMaxFileSize
	}
	var out []*File
	for _, p := range paths {
		f, diags := readAndParse(p, maxSize)
		errs.addDiags(diags)
		if f != nil {
			out = append(out, f)
		}
	}
	return out
}

// Resources returns every resource instance of the given type across the
// configuration ("" for all), managed resources only.
func (c *Config) Resources(typ string) []*Resource {
	return c.Memo(resourcesKey{typ, Managed}, func() any { return c.collect(typ, Managed) }).([]*Resource)
}

type resourcesKey struct {
	typ  string
	mode Mode
}

func (c *Config) collect(typ string, mode Mode) []*Resource {
	var out []*Resource
	for _, mi := range c.Instances {
		for _, g := range mi.order {
			if g.decl.Mode == mode && (typ == "" || g.decl.Type == typ) {
				out = append(out, g.instances()...)
			}
		}
	}
	return out
}

// DataSources returns every data source instance of the given type.
func (c *Config) DataSources(typ string) []*Resource {
	return c.Memo(resourcesKey{typ, Data}, func() any { return c.collect(typ, Data) }).([]*Resource)
}

// groupKey indexes a resource block in its module instance.
func groupKey(d *ResourceDecl) string {
	if d.Mode == Data {
		return "data." + d.Type + "." + d.Name
	}
	return d.Type + "." + d.Name
}

package hclcheck

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// Project is everything loaded from one scanned root: the parsed modules,
// the configurations (one per root module) and the errors met.
type Project struct {
	// Root is the scanned path.
	Root    string
	rootAbs string
	// Modules by directory.
	Modules map[string]*Module
	// Configs, one per root module (a directory with .tf files that no other
	// scanned module calls), in directory order.
	Configs []*Config
	// Files counts the files parsed (.tf and .tfvars).
	Files int
	// Errors are the problems met: unreadable or broken files, links
	// leaving the root, module sources that cannot be followed.
	Errors hcl.Diagnostics
}

// EvalOptions are the variable values given from outside the
// configuration. They apply to every root module that declares them.
type EvalOptions struct {
	// Vars are values by variable name (from --var and the config file).
	Vars map[string]cty.Value
	// VarFiles are extra tfvars files (--var-file), applied after
	// terraform.tfvars and *.auto.tfvars, in order.
	VarFiles []string
}

// Load discovers, parses and evaluates the Terraform under root.
func Load(root string, lopt LoadOptions, eopt EvalOptions) *Project {
	errs := &errorList{}
	srcs := discover(root, &lopt, errs)
	files := parseFiles(srcs, &lopt, errs)
	p := &Project{Root: root, Modules: groupByDir(srcs, files, errs)}
	for _, f := range files {
		if f != nil {
			p.Files++
		}
	}
	abs, _ := filepath.Abs(root)
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	p.rootAbs = abs
	extra := loadVarFiles(eopt.VarFiles, lopt.MaxFileSize, errs)
	for _, dir := range p.rootDirs() {
		funcs := functions(p.rootAbs, dir, lopt.MaxFileSize)
		c := newConfig(p, p.Modules[dir], eopt, extra, funcs, errs)
		p.Configs = append(p.Configs, c)
	}
	p.Errors = errs.sorted()
	return p
}

// rootDirs lists module directories that no scanned module calls, and
// that are not inside .terraform.
func (p *Project) rootDirs() []string {
	called := map[string]bool{}
	for dir, m := range p.Modules {
		for _, c := range m.Calls {
			if isLocalSource(c.Source) {
				called[filepath.Clean(filepath.Join(dir, c.Source))] = true
			}
		}
	}
	var roots []string
	for dir := range p.Modules {
		if called[filepath.Clean(dir)] || strings.Contains(filepath.ToSlash(dir)+"/", "/.terraform/") {
			continue
		}
		roots = append(roots, dir)
	}
	sort.Strings(roots)
	return roots
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
	funcs        map[string]function.Function
	manifest     map[string]string // .terraform/modules key -> dir
	errs         *errorList        // errors met while evaluating
}

// maxModuleDepth caps module nesting.
const maxModuleDepth = 32

func newConfig(p *Project, root *Module, eopt EvalOptions, extra []*File, funcs map[string]function.Function, errs *errorList) *Config {
	c := &Config{Project: p, funcs: funcs, rootVars: map[string]cty.Value{}, rootVarExprs: map[string]hclsyntax.Expression{}, errs: &errorList{}}
	for _, f := range slices.Concat(root.TFVars, extra) {
		for name, a := range f.Body.Attributes {
			if v, diags := evalConst(a.Expr); !diags.HasErrors() {
				c.rootVars[name] = v.Mark(MarkInput)
				c.rootVarExprs[name] = a.Expr
			} else {
				errs.addDiags(diags)
			}
		}
		for name, a := range f.JSONAttrs {
			if v, diags := evalConst(a.Expr); !diags.HasErrors() {
				c.rootVars[name] = v.Mark(MarkInput)
				delete(c.rootVarExprs, name)
			} else {
				errs.addDiags(diags)
			}
		}
	}
	for name, v := range eopt.Vars {
		c.rootVars[name] = v.Mark(MarkInput)
		delete(c.rootVarExprs, name)
	}
	c.manifest = readManifest(root.Dir)
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
		key := d.Type + "." + d.Name
		if d.Mode == Data {
			key = "data." + key
		}
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
		child, diag := c.resolve(m, call, keyPath)
		if child != nil && mi.hasAncestorDir(child.Dir) {
			child, diag = nil, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: fmt.Sprintf("module %q calls a module that is already being called above it (module cycle); not followed", call.Name), Subject: call.SourceRange.Ptr()}
		}
		if diag != nil {
			errs.add(*diag)
		}
		base := mi.scope()
		for _, e := range expand(base, call.Count, call.ForEach) {
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
// scanned root, or a module installed by `terraform init` under
// .terraform/modules. Other sources are not followed (nil, no error).
func (c *Config) resolve(caller *Module, call *CallDecl, keyPath []string) (*Module, *hcl.Diagnostic) {
	p := c.Project
	if isLocalSource(call.Source) {
		dir := filepath.Clean(filepath.Join(caller.Dir, call.Source))
		abs, _ := filepath.Abs(dir)
		if real, err := filepath.EvalSymlinks(abs); err == nil {
			abs = real
		}
		if !within(p.rootAbs, abs) {
			return nil, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: fmt.Sprintf("module source %q points outside the scanned root; module %q is not checked (scan a directory that contains it)", call.Source, call.Name), Subject: call.SourceRange.Ptr()}
		}
		m := p.Modules[dir]
		if m == nil {
			return nil, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: fmt.Sprintf("module source %q has no Terraform files", call.Source), Subject: call.SourceRange.Ptr()}
		}
		return m, nil
	}
	key := strings.Join(append(slices.Clone(keyPath), call.Name), ".")
	if dir, ok := c.manifest[key]; ok {
		if m := p.Modules[dir]; m != nil {
			return m, nil
		}
	}
	return nil, nil
}

// readManifest reads .terraform/modules/modules.json of a root module:
// module key -> directory (only directories inside the root are kept).
func readManifest(rootDir string) map[string]string {
	data, err := os.ReadFile(filepath.Join(rootDir, ".terraform", "modules", "modules.json"))
	if err != nil || len(data) > 4<<20 {
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
		if !within(filepath.Clean(rootDir), dir) {
			continue
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
	var out []*Resource
	for _, mi := range c.Instances {
		for _, g := range mi.order {
			if g.decl.Mode == Managed && (typ == "" || g.decl.Type == typ) {
				out = append(out, g.instances()...)
			}
		}
	}
	return out
}

// DataSources returns every data source instance of the given type.
func (c *Config) DataSources(typ string) []*Resource {
	var out []*Resource
	for _, mi := range c.Instances {
		for _, g := range mi.order {
			if g.decl.Mode == Data && (typ == "" || g.decl.Type == typ) {
				out = append(out, g.instances()...)
			}
		}
	}
	return out
}

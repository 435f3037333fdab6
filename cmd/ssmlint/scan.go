package main

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/ssmlint/ssmlint/finding"
	"github.com/ssmlint/ssmlint/hclcheck"
	"github.com/ssmlint/ssmlint/hclcheck/checks"
	"github.com/ssmlint/ssmlint/internal/config"
	"github.com/ssmlint/ssmlint/internal/gocheck"
	"github.com/ssmlint/ssmlint/internal/inventory"
	"github.com/ssmlint/ssmlint/internal/safefs"
	"github.com/ssmlint/ssmlint/internal/suppress"
	"github.com/ssmlint/ssmlint/rules"

	"github.com/zclconf/go-cty/cty"
)

// scanResult is what the engines produced for all paths.
type scanResult struct {
	findings []finding.Finding
	errors   []finding.Error
	files    int
	sources  map[string][]byte
	// fixes are the Go analyzers' suggested fixes, by finding.
	fixes map[fixKey][]gocheck.Fix
	// inventory is the Terraform parameter inventory, when collected.
	inventory *inventory.Inventory
	// skipped are files that look like Terraform but were not read.
	skipped []hclcheck.Skipped
	// empty are the paths with no Terraform and no Go file at all.
	empty []string
	// goRoots are the directories the Go analyzers ran on.
	goRoots []string
	// goSuppressed are the Go findings the vet tool found covered by a
	// suppression comment (gocheck.Result.Suppressed).
	goSuppressed []finding.Finding
}

func (s *scanResult) source(file string) ([]byte, bool) {
	b, ok := s.sources[file]
	return b, ok
}

// scan loads and checks the Terraform under each path.
func scan(paths []string, cfg *config.Config, enabled map[string]bool, vars map[string]cty.Value, varFiles []string, wantInventory bool) *scanResult {
	res := &scanResult{sources: map[string][]byte{}}
	var cs []hclcheck.Check
	for _, c := range checks.All() {
		if enabled[c.Rule.ID] {
			cs = append(cs, c)
		}
	}
	lopt := hclcheck.LoadOptions{}
	settings := hclcheck.Settings{}
	if cfg != nil {
		lopt.MaxFileSize = cfg.FileSizeLimit()
		settings.AllInstancesManaged = cfg.AllInstancesManaged
		settings.DefaultHostManagement = cfg.DefaultHostManagement
		settings.Consumers = cfg.Consumers
		settings.Option = cfg.Option
	}
	// The Go analyzers read the parameter inventory of the Terraform scanned
	// in the same run: collect it while the configurations are checked.
	goOn := len(goAnalyzers(enabled)) > 0
	var goRoots []string
	var inv parameterInventory
	if goOn || wantInventory {
		// With one path, its own walk tells whether there is Go code to
		// hand the inventory to; with several, the Terraform of one path
		// may be read by the Go of another.
		settings.Observe, settings.ObserveOnlyWithGo = inv.observe, !wantInventory && len(paths) == 1
	}
	var results []*hclcheck.Result
	facts := map[string]bool{}
	given := map[string]bool{} // --var-file files are read, not skipped
	for _, f := range varFiles {
		if abs, err := filepath.Abs(f); err == nil {
			given[abs] = true
		}
	}
	for _, root := range uniquePaths(paths) {
		if cfg != nil && len(cfg.Exclude) > 0 {
			r := root
			lopt.Exclude = func(rel string, _ bool) bool {
				return cfg.ExcludedPath(filepath.Join(r, filepath.FromSlash(rel)))
			}
		}
		r := hclcheck.Scan(root, lopt, hclcheck.EvalOptions{Vars: vars, VarFiles: varFiles}, cs, settings)
		res.files += r.Files
		for _, sk := range r.Skipped {
			if abs, err := filepath.Abs(sk.File); err != nil || !given[abs] {
				res.skipped = append(res.skipped, sk)
			}
		}
		if r.Files == 0 && r.GoFiles == 0 && len(r.Errors) == 0 {
			res.empty = append(res.empty, root)
		}
		for path, src := range r.Sources {
			res.sources[path] = src
		}
		results = append(results, r)
		if goOn && r.GoFiles > 0 {
			if dirs := goDirs(root, r.GoModules); len(dirs) > 0 {
				goRoots = append(goRoots, dirs...)
				res.files += r.GoFiles
			}
		}
		for f := range r.Facts {
			facts[f] = true
		}
	}
	// A fact one path establishes (Session Manager preferences defined in
	// another stack, say) settles the conditional findings of every path.
	for _, r := range results {
		r.DropUnless(facts)
		res.findings = append(res.findings, r.Findings...)
		res.errors = append(res.errors, r.Errors...)
	}
	// A finding about the whole scan is said once, whatever the paths.
	res.findings = finding.KeepFirstOnce(res.findings)
	if len(goRoots) > 0 || wantInventory {
		res.inventory = inv.inventory()
	}
	goRoots = dedupDirs(goRoots)
	res.goRoots = goRoots
	if len(goRoots) > 0 {
		scanGo(res, goRoots, enabled, res.inventory, cfg)
	}
	return res
}

// uniquePaths drops the paths that name a path given before: ". .",
// "a a/" and "a a/../a" scan a once. Paths are compared by real path
// (links resolved). A path inside another given path is kept: it may be
// a directory the walk of the outer one skips (a hidden directory), or a
// module the outer scan evaluates as called rather than as a root.
func uniquePaths(paths []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range paths {
		real := safefs.RealPath(p)
		if seen[real] {
			continue
		}
		seen[real] = true
		out = append(out, p)
	}
	return out
}

// fileKind names what a path that is not a regular file is.
func fileKind(m os.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&os.ModeNamedPipe != 0:
		return "a FIFO"
	case m&os.ModeDevice != 0:
		return "a device"
	case m&os.ModeSocket != 0:
		return "a socket"
	}
	return "not a plain file"
}

// goInput says what real is when it is a file the go command reads in
// one of the Go roots (a .go file, go.mod, go.sum, go.work), else "".
func goInput(real string, goRoots []string) string {
	base := filepath.Base(real)
	if !strings.HasSuffix(base, ".go") && base != "go.mod" && base != "go.sum" && base != "go.work" {
		return ""
	}
	for _, d := range goRoots {
		if safefs.Within(safefs.RealPath(d), real) {
			if strings.HasSuffix(base, ".go") {
				return "a Go file"
			}
			return base
		}
	}
	return ""
}

// applySuppressions drops findings silenced by `# ssmlint:ignore`
// comments (and, in Go, `//nolint`), counts the Go findings the vet tool
// found suppressed, and adds SSM000 findings for malformed or unused
// comments when SSM000 is enabled (the caller applies configured
// severities afterwards, to those too).
func applySuppressions(fs []finding.Finding, sc *scanResult, enabled map[string]bool) ([]finding.Finding, int) {
	ignores := map[string]*suppress.FileIgnores{}
	get := func(file string) *suppress.FileIgnores {
		if fi, ok := ignores[file]; ok {
			return fi
		}
		src, ok := sc.sources[file]
		if !ok {
			// A file with findings that the scan did not keep (the
			// engines confine findings to the repository): a regular
			// file, capped.
			var err error
			if src, err = (safefs.Gate{}).ReadFile(file, config.DefaultMaxFileSize); err != nil {
				ignores[file] = nil
				return nil
			}
		}
		var fi *suppress.FileIgnores
		if strings.HasSuffix(file, ".go") {
			fi = suppress.ParseGo(file, src)
		} else {
			fi = suppress.ParseHCL(file, src)
		}
		ignores[file] = fi
		return fi
	}
	kept := fs[:0]
	suppressed := 0
	for _, f := range fs {
		if fi := get(f.Range.File); fi != nil && fi.Suppresses(f) {
			suppressed++
			continue
		}
		kept = append(kept, f)
	}
	// The vet tool read the same comments: its suppressed findings mark
	// them used here.
	for _, f := range sc.goSuppressed {
		get(f.Range.File).Suppresses(f)
		suppressed++
	}
	if !enabled[rules.IgnoreDirective.ID] {
		return kept, suppressed
	}
	// Every scanned file may hold comments, including files without findings.
	for file := range sc.sources {
		get(file)
	}
	for _, fi := range ignores {
		if fi == nil {
			continue
		}
		goFile := strings.HasSuffix(fi.File, ".go")
		ran := func(id string) bool { return enabled[id] && isTerraformRule(id) != goFile }
		for _, p := range append(fi.Problems(), fi.Unused(ran)...) {
			f := finding.Finding{
				Rule:     rules.IgnoreDirective,
				Severity: p.Severity,
				Message:  p.Message,
				Range:    p.Range,
			}
			kept = append(kept, f)
		}
	}
	return kept, suppressed
}

func isTerraformRule(id string) bool {
	for _, c := range checks.All() {
		if c.Rule.ID == id {
			return true
		}
	}
	return false
}

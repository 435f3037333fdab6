package main

import (
	"bytes"
	"fmt"
	"go/format"
	"go/token"
	"os"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/ssmlint/ssmlint/analyzers/all"
	"github.com/ssmlint/ssmlint/analyzers/ssm601"
	"github.com/ssmlint/ssmlint/finding"
	"github.com/ssmlint/ssmlint/hclcheck"
	"github.com/ssmlint/ssmlint/hclcheck/checks"
	"github.com/ssmlint/ssmlint/internal/gocheck"
	"github.com/ssmlint/ssmlint/internal/inventory"
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

// goPaths are the paths inside a Go module, when a Go rule is enabled.
func goPaths(paths []string, enabled map[string]bool) []string {
	if len(goAnalyzers(enabled)) == 0 {
		return nil
	}
	var out []string
	for _, p := range paths {
		if gocheck.ModuleRoot(p) != "" {
			out = append(out, p)
		}
	}
	return out
}

// fixKey identifies a finding across filtering.
type fixKey struct {
	rule string
	rng  finding.Range
}

// goFix is a suggested fix with the file set its positions refer to.
type goFix struct {
	fix  analysis.SuggestedFix
	fset *token.FileSet
}

// scanGo runs the Go analyzers on the packages under each path, with the
// inventory of the Terraform scanned alongside.
func scanGo(res *scanResult, paths []string, enabled map[string]bool, inv *inventory.Inventory) {
	ssm601.Inventory.Use(inv)
	analyzers := goAnalyzers(enabled)
	seen := map[fixKey]bool{}
	for _, p := range paths {
		r, err := gocheck.Run(p, analyzers)
		if err != nil {
			pos := finding.Pos{Line: 1, Column: 1}
			res.errors = append(res.errors, finding.Error{Range: finding.Range{File: p, Start: pos, End: pos}, Message: err.Error()})
			continue
		}
		res.errors = append(res.errors, r.Errors...)
		for _, f := range r.Files {
			if _, ok := res.sources[f]; ok {
				continue
			}
			if src, err := os.ReadFile(f); err == nil {
				res.sources[f] = src
				res.files++
			}
		}
		for i, f := range r.Findings {
			k := fixKey{f.Rule.ID, f.Range}
			if seen[k] {
				continue // the same package reached through two paths
			}
			seen[k] = true
			res.findings = append(res.findings, f)
			for _, fx := range r.Fixes[i] {
				if res.fixes == nil {
					res.fixes = map[fixKey][]goFix{}
				}
				res.fixes[k] = append(res.fixes[k], goFix{fx, r.Fset})
			}
		}
	}
}

// applyFixes applies the first suggested fix of each finding, file by
// file, skipping a fix that overlaps one already taken, and gofmts the
// result. It returns the findings fixed.
func applyFixes(fs []finding.Finding, sc *scanResult) (map[fixKey]bool, error) {
	type edit struct {
		start, end int
		text       []byte
		key        fixKey
	}
	byFile := map[string][]edit{}
	done := map[fixKey]bool{}
	for _, f := range fs {
		fxs := sc.fixes[fixKey{f.Rule.ID, f.Range}]
		if len(fxs) == 0 {
			continue
		}
		var es []edit
		file := ""
		for _, te := range fxs[0].fix.TextEdits {
			p, e := fxs[0].fset.Position(te.Pos), fxs[0].fset.Position(te.End)
			if te.End == token.NoPos {
				e = p
			}
			if file == "" {
				file = p.Filename
			}
			if p.Filename != file || e.Filename != file {
				es = nil
				break // fixes that span files are not applied
			}
			es = append(es, edit{p.Offset, e.Offset, te.NewText, fixKey{f.Rule.ID, f.Range}})
		}
		byFile[file] = append(byFile[file], es...)
	}
	for file, es := range byFile {
		src, err := os.ReadFile(file)
		if err != nil {
			return done, err
		}
		slices.SortStableFunc(es, func(a, b edit) int { return a.start - b.start })
		// A fix is taken whole or not at all.
		skip := map[fixKey]bool{}
		at := 0
		for _, e := range es {
			if e.start < at || e.end > len(src) {
				skip[e.key] = true
			}
			at = max(at, e.end)
		}
		var out bytes.Buffer
		at = 0
		applied := map[fixKey]bool{}
		for _, e := range es {
			if skip[e.key] || e.start < at {
				continue
			}
			out.Write(src[at:e.start])
			out.Write(e.text)
			at = e.end
			applied[e.key] = true
		}
		out.Write(src[at:])
		formatted, err := format.Source(out.Bytes())
		if err != nil {
			return done, fmt.Errorf("--fix: %s would not be valid Go after the fixes, left unchanged: %v", file, err)
		}
		if err := os.WriteFile(file, formatted, 0o644); err != nil {
			return done, err
		}
		for k := range applied {
			done[k] = true
		}
	}
	return done, nil
}

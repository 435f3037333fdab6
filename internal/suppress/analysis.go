package suppress

import (
	"go/ast"
	"go/token"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/ssmlint/ssmlint/rules"
)

// Analyzers returns copies of the Go analyzers whose diagnostics a
// suppression comment covers (see ParseGo) are dropped, with their
// suggested fixes: what ssmvet, `go vet -vettool=ssmvet` and the
// golangci-lint plugin run, so that a suppressed finding is silent, and
// never fixed, wherever it is checked. The analyzers themselves are not
// changed. Malformed comments suppress nothing; only the ssmlint command
// reports them (SSM000).
func Analyzers(as []*analysis.Analyzer, which Directives) []*analysis.Analyzer {
	return WrapReports(as, which, func(_ *analysis.Pass, report func(analysis.Diagnostic)) func(analysis.Diagnostic, bool) {
		return func(d analysis.Diagnostic, suppressed bool) {
			if !suppressed {
				report(d)
			}
		}
	})
}

// WrapReports returns copies of the analyzers whose passes hand each
// diagnostic, with whether a suppression comment of the kinds which
// covers it, to the function with returns for the pass; report is the
// pass's own Report. The analyzers themselves are not changed.
func WrapReports(as []*analysis.Analyzer, which Directives,
	with func(pass *analysis.Pass, report func(analysis.Diagnostic)) func(d analysis.Diagnostic, suppressed bool)) []*analysis.Analyzer {
	out := make([]*analysis.Analyzer, len(as))
	for i, a := range as {
		c := *a
		run := a.Run
		c.Run = func(pass *analysis.Pass) (any, error) {
			p := *pass
			filter := NewPassFilter(pass, which)
			handle := with(pass, pass.Report)
			p.Report = func(d analysis.Diagnostic) { handle(d, filter.Suppresses(a, d)) }
			return run(&p)
		}
		out[i] = &c
	}
	return out
}

// PassFilter tells which diagnostics of an analysis pass a suppression
// comment in the pass's files covers. The files' comments are read when a
// diagnostic is first reported in them. It is safe for concurrent use.
type PassFilter struct {
	fset  *token.FileSet
	files []*ast.File
	which Directives

	mu      sync.Mutex
	ignores map[*token.File]*FileIgnores
}

// NewPassFilter returns the filter of pass's files.
func NewPassFilter(pass *analysis.Pass, which Directives) *PassFilter {
	return &PassFilter{fset: pass.Fset, files: pass.Files, which: which, ignores: map[*token.File]*FileIgnores{}}
}

// Suppresses reports whether a comment covers d, a diagnostic of a: the
// rule is d's Category (rules.Rule.Category), else a's name, and the line
// is d's start in its file as parsed (not where a //line directive
// points).
func (f *PassFilter) Suppresses(a *analysis.Analyzer, d analysis.Diagnostic) bool {
	id := strings.ToUpper(a.Name)
	if r, _, ok := rules.ParseCategory(d.Category); ok {
		id = r.ID
	}
	tf := f.fset.File(d.Pos)
	if tf == nil {
		return false
	}
	return f.of(tf).Match(id, f.fset.PositionFor(d.Pos, false).Line)
}

// of returns the comments of the pass's file tf (nil when it is not one).
func (f *PassFilter) of(tf *token.File) *FileIgnores {
	f.mu.Lock()
	defer f.mu.Unlock()
	if fi, ok := f.ignores[tf]; ok {
		return fi
	}
	var fi *FileIgnores
	for _, af := range f.files {
		if f.fset.File(af.FileStart) == tf {
			fi = goIgnores(f.fset, af, f.which)
			break
		}
	}
	f.ignores[tf] = fi
	return fi
}

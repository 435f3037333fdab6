package suppress

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"unicode"

	"github.com/ssmlint/ssmlint/finding"
	"github.com/ssmlint/ssmlint/rules"
)

// Directives says which comments suppress Go findings.
type Directives int

const (
	// IgnoreOnly is `//ssmlint:ignore RULE -- reason` only. This is for
	// golangci-lint, which applies //nolint itself: were the plugin to drop
	// what //nolint covers, golangci-lint's nolintlint would report those
	// directives as unused.
	IgnoreOnly Directives = iota + 1
	// IgnoreAndNolint is `//ssmlint:ignore` and golangci-lint's `//nolint`
	// directives (those naming ssmlint or all linters).
	IgnoreAndNolint
)

// LinterName is ssmlint's name in golangci-lint, and so in //nolint
// directives: golangci-lint reports every finding of a module plugin under
// the plugin's name, whichever of its analyzers found it.
const LinterName = "ssmlint"

// ParseGo reads the suppression comments of a Go file:
//
//	//ssmlint:ignore SSM601 -- decrypted by the sidecar
//	//nolint:ssmlint // golangci-lint's form: every ssmlint rule
//	//nolint:errcheck,ssmlint
//	//nolint          (or //nolint:all: every linter, ssmlint included)
//
// A comment covers the lines of its comment group and, placed as
// golangci-lint places //nolint, every syntax node (a declaration, a
// statement, a field of a composite literal, …) that starts on the line
// after the group at the group's column, to the node's end: at the end of a
// line it covers that line; on the lines above a function or a statement,
// all of it. A blank line in between detaches it. Positions are the file's
// own, whatever a //line directive says. Files that contain neither
// "ssmlint:" nor "nolint" are not parsed.
func ParseGo(filename string, src []byte) *FileIgnores {
	fi := &FileIgnores{File: filename, goFile: true}
	if !bytes.Contains(src, []byte(Marker)) && !bytes.Contains(src, []byte("nolint")) {
		return fi
	}
	fset := token.NewFileSet()
	af, _ := parser.ParseFile(fset, filename, src, parser.ParseComments|parser.SkipObjectResolution)
	if af == nil {
		return fi
	}
	readGo(fi, fset, af, src, IgnoreAndNolint, rules.Lookup)
	return fi
}

// goIgnores reads the suppression comments of a parsed Go file (an
// analysis pass's), without its source.
func goIgnores(fset *token.FileSet, af *ast.File, which Directives) *FileIgnores {
	fi := &FileIgnores{goFile: true}
	if tf := fset.File(af.FileStart); tf != nil {
		fi.File = tf.Name()
	}
	readGo(fi, fset, af, nil, which, rules.Lookup)
	return fi
}

// lineCol is a position's line and column.
type lineCol struct{ line, col int }

// readGo adds af's directives to fi. src, when not nil, is af's source:
// it tells a directive detached by a blank line (for the message).
func readGo(fi *FileIgnores, fset *token.FileSet, af *ast.File, src []byte, which Directives, lookup lookupFunc) {
	type placed struct {
		d        *directive
		from, to int     // the comment group's lines
		next     lineCol // where a node it covers starts
		groupAt  int     // byte offset of the group
	}
	var found []placed
	for _, g := range af.Comments {
		gs, ge := fset.PositionFor(g.Pos(), false), fset.PositionFor(g.End(), false)
		for _, c := range g.List {
			if !strings.HasPrefix(c.Text, "//") {
				continue // block comments are not directives
			}
			text := strings.TrimRightFunc(c.Text, unicode.IsSpace)
			p := fset.PositionFor(c.Pos(), false)
			start := finding.Pos{Line: p.Line, Column: p.Column, Byte: p.Offset}
			var d *directive
			var problems []Problem
			switch {
			case isNolint(text):
				if which != IgnoreAndNolint {
					continue
				}
				d, problems = parseNolint(fi.File, text, start, lookup)
			case strings.Contains(text, Marker):
				d, problems = parseDirective(fi.File, text, start, lookup)
			}
			fi.problems = append(fi.problems, problems...)
			if d != nil {
				found = append(found, placed{d: d, from: gs.Line, to: ge.Line, next: lineCol{ge.Line + 1, gs.Column}, groupAt: gs.Offset})
			}
		}
	}
	if len(found) == 0 {
		return
	}
	// The end line of the outermost node starting at each place a
	// directive covers.
	ends := map[lineCol]int{}
	first, last := found[0].next.line, found[0].next.line
	for _, p := range found {
		ends[p.next] = 0
		first, last = min(first, p.next.line), max(last, p.next.line)
	}
	ast.Inspect(af, func(n ast.Node) bool {
		if n == nil || !n.Pos().IsValid() {
			return false
		}
		s := fset.PositionFor(n.Pos(), false)
		e := s
		if n.End().IsValid() {
			e = fset.PositionFor(n.End(), false)
		}
		if s.Line > last || e.Line < first {
			return false // no place a directive covers is inside
		}
		k := lineCol{s.Line, s.Column}
		if end, ok := ends[k]; ok && e.Line > end {
			ends[k] = e.Line
		}
		return true
	})
	var starts []int // of src's lines, computed when first needed
	for _, p := range found {
		fi.all = append(fi.all, p.d)
		end := ends[p.next]
		if end == 0 && src != nil && standsAlone(src, p.groupAt) {
			if starts == nil {
				starts = lineOffsets(src)
			}
			if blankLine(src, starts, p.to+1) {
				for _, r := range p.d.rules {
					r.blank = true
				}
			}
		}
		fi.addSpan(p.d, p.from, max(p.to, end))
	}
	fi.sortSpans()
}

// standsAlone reports whether the comment at offset at is the first thing
// on its line.
func standsAlone(src []byte, at int) bool {
	if at < 0 || at > len(src) {
		return false
	}
	i := bytes.LastIndexByte(src[:at], '\n') + 1
	return len(bytes.TrimSpace(src[i:at])) == 0
}

// lineOffsets are the offsets at which src's lines start.
func lineOffsets(src []byte) []int {
	starts := []int{0}
	for i, b := range src {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// blankLine reports whether line (1-based) exists and holds only white
// space: the end of the file is not a blank line.
func blankLine(src []byte, starts []int, line int) bool {
	if line < 1 || line > len(starts) || starts[line-1] >= len(src) {
		return false
	}
	text := src[starts[line-1]:]
	if i := bytes.IndexByte(text, '\n'); i >= 0 {
		text = text[:i]
	}
	return len(bytes.TrimSpace(text)) == 0
}

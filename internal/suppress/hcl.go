package suppress

import (
	"bytes"
	"strings"
	"unicode"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/ssmlint/ssmlint/finding"
	"github.com/ssmlint/ssmlint/rules"
)

// ParseHCL reads the suppression comments of an HCL (Terraform) file.
// Rules are resolved with rules.Lookup. Files that do not contain
// "ssmlint:" are not lexed. Comments are found with the HCL lexer, so a
// "#" inside a string or heredoc is not a comment.
func ParseHCL(filename string, src []byte) *FileIgnores {
	return parseHCL(filename, src, rules.Lookup)
}

func parseHCL(filename string, src []byte, lookup lookupFunc) *FileIgnores {
	fi := &FileIgnores{File: filename}
	if !bytes.Contains(src, []byte(Marker)) {
		return fi
	}
	tokens, _ := hclsyntax.LexConfig(src, filename, hcl.InitialPos)

	// Which lines hold code and which hold comments.
	code := map[int]bool{}
	comment := map[int]bool{}
	for _, tok := range tokens {
		var mark map[int]bool
		switch tok.Type {
		case hclsyntax.TokenNewline, hclsyntax.TokenEOF:
			continue
		case hclsyntax.TokenComment:
			mark = comment
		default:
			mark = code
		}
		first, last := tok.Range.Start.Line, tok.Range.End.Line
		if last > first && tok.Range.End.Column == 1 {
			last-- // the token ends with its line break
		}
		for l := first; l <= last; l++ {
			mark[l] = true
		}
	}
	pl := newPlacer(code, func(l int) bool { return comment[l] }, bytes.Count(src, []byte("\n"))+1)

	for _, tok := range tokens {
		if tok.Type != hclsyntax.TokenComment || !bytes.Contains(tok.Bytes, []byte(Marker)) {
			continue
		}
		text := strings.TrimRightFunc(string(tok.Bytes), unicode.IsSpace)
		start := finding.Pos{Line: tok.Range.Start.Line, Column: tok.Range.Start.Column, Byte: tok.Range.Start.Byte}
		d, problems := parseDirective(filename, text, start, lookup)
		fi.problems = append(fi.problems, problems...)
		if d == nil {
			continue
		}
		fi.add(d, pl.target(d, start.Line))
	}
	return fi
}

// placer decides which line each directive applies to. A directive on a
// line that holds code applies to that line; one on a line of its own, to
// the next line of code after any comment lines. Followed by a blank line
// (or the end of the file), it applies to nothing. Where a run of comment
// lines ends is remembered for every line of the run, so that a file of n
// stacked directives is placed in O(n), not O(n²).
type placer struct {
	code        map[int]bool
	commentLine func(int) bool
	lastLine    int
	runEnd      map[int]int // a comment-only line → the first line after its run
}

func newPlacer(code map[int]bool, commentLine func(int) bool, lastLine int) *placer {
	return &placer{code: code, commentLine: commentLine, lastLine: lastLine, runEnd: map[int]int{}}
}

// target returns the line d, found on line, applies to (0 for none), and
// marks d's rules blank when a blank line detached it.
func (p *placer) target(d *directive, line int) int {
	if p.code[line] {
		return line
	}
	line = p.afterComments(line + 1)
	if !p.code[line] {
		for _, r := range d.rules {
			r.blank = line <= p.lastLine
		}
		return 0
	}
	return line
}

// afterComments returns the first line from line on that is not a
// comment-only line (lastLine+1 past the end).
func (p *placer) afterComments(line int) int {
	var run []int
	for line <= p.lastLine && p.commentLine(line) && !p.code[line] {
		if end, ok := p.runEnd[line]; ok {
			line = end
			break
		}
		run = append(run, line)
		line++
	}
	for _, l := range run {
		p.runEnd[l] = line
	}
	return line
}

// add records a directive that applies to line (0 for none).
func (fi *FileIgnores) add(d *directive, line int) {
	fi.all = append(fi.all, d)
	if line <= 0 {
		return
	}
	if fi.byLine == nil {
		fi.byLine = map[int][]*directive{}
	}
	fi.byLine[line] = append(fi.byLine[line], d)
}

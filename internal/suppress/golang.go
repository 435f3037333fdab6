package suppress

import (
	"bytes"
	"go/scanner"
	"go/token"
	"strings"
	"unicode"

	"github.com/ssmlint/ssmlint/finding"
	"github.com/ssmlint/ssmlint/rules"
)

// ParseGo reads the suppression comments of a Go file:
// `//ssmlint:ignore SSM601 -- reason` at the end of a line applies to that
// line; on a line of its own, to the next line of code (the statement, or
// the function declaration, whose findings it then covers). Files that do
// not contain "ssmlint:" are not scanned.
func ParseGo(filename string, src []byte) *FileIgnores {
	fi := &FileIgnores{File: filename}
	if !bytes.Contains(src, []byte(Marker)) {
		return fi
	}
	fset := token.NewFileSet()
	file := fset.AddFile(filename, -1, len(src))
	var s scanner.Scanner
	s.Init(file, src, nil, scanner.ScanComments)
	code := map[int]bool{}
	var comments []comment
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		p := fset.PositionFor(pos, false) // the real line, whatever a //line directive says
		switch {
		case tok == token.COMMENT:
			comments = append(comments, comment{lit, p})
		case tok == token.SEMICOLON && lit == "\n":
			// an inserted semicolon is not code
		default:
			code[p.Line] = true
			if n := strings.Count(lit, "\n"); n > 0 {
				for l := p.Line; l <= p.Line+n; l++ {
					code[l] = true
				}
			}
		}
	}
	commentLines := make(map[int]bool, len(comments))
	for _, c := range comments {
		commentLines[c.pos.Line] = true
	}
	pl := newPlacer(code, func(l int) bool { return commentLines[l] }, file.LineCount())
	for _, c := range comments {
		if !strings.Contains(c.text, Marker) || !strings.HasPrefix(c.text, "//") {
			continue
		}
		text := strings.TrimRightFunc(c.text, unicode.IsSpace)
		start := finding.Pos{Line: c.pos.Line, Column: c.pos.Column, Byte: c.pos.Offset}
		d, problems := parseDirective(filename, text, start, rules.Lookup)
		fi.problems = append(fi.problems, problems...)
		if d == nil {
			continue
		}
		fi.add(d, pl.target(d, start.Line))
	}
	return fi
}

// comment is one Go comment and where it starts.
type comment struct {
	text string
	pos  token.Position
}

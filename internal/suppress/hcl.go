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
	lastLine := bytes.Count(src, []byte("\n")) + 1

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
		fi.place(d, start.Line, lastLine, code, func(l int) bool { return comment[l] })
	}
	return fi
}

// place records a directive found on line: it applies to that line when
// the line holds code too, else to the next line of code after any
// comment lines. Followed by a blank line (or the end of the file), it
// applies to nothing.
func (fi *FileIgnores) place(d *directive, line, lastLine int, code map[int]bool, commentLine func(int) bool) {
	if !code[line] {
		line++
		for line <= lastLine && commentLine(line) && !code[line] {
			line++
		}
		if !code[line] {
			for _, r := range d.rules {
				r.blank = line <= lastLine
			}
			line = 0
		}
	}
	fi.add(d, line)
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

package hclcheck

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// Limits on what a file may hold before it is parsed, so that neither
// the parser nor the evaluator can be made to exhaust the stack, the
// memory or the time budget by a small file (besides MaxNesting).

// MaxOperators is the most operators one expression may chain (`!!!…x`,
// `a + a + …`, `c ? a : c ? a : …`): the parser and the evaluator recurse
// once per operator.
const MaxOperators = 10000

// operatorScanFrom is the file size from which operator chains are
// counted: a smaller file cannot chain MaxOperators operators deep enough
// to matter, and counting costs a lexer pass.
const operatorScanFrom = 2 * MaxOperators

// maxControlChars is how many control characters (other than tab, line
// feed and carriage return) a file may hold before it is refused as
// binary: HCL rejects each one with a diagnostic of its own, and a file of
// millions would make millions of them.
const maxControlChars = 100

// tooManyOperators finds the first operator beyond MaxOperators in one
// expression: operators are counted per bracket level and start again at
// what separates expressions (a new line outside brackets, `,`, `=`,
// `=>`; not `:`, which continues a conditional).
func tooManyOperators(path string, src []byte) (hcl.Range, bool) {
	if len(src) < operatorScanFrom {
		return hcl.Range{}, false
	}
	n := 0
	for _, b := range src {
		switch b {
		case '!', '-', '+', '*', '/', '%', '<', '>', '=', '&', '|', '?':
			n++
		}
	}
	if n <= MaxOperators {
		return hcl.Range{}, false
	}
	toks, _ := hclsyntax.LexConfig(src, path, hcl.InitialPos)
	counts := []int{0}
	for _, t := range toks {
		top := len(counts) - 1
		switch t.Type {
		case hclsyntax.TokenOParen, hclsyntax.TokenOBrack, hclsyntax.TokenOBrace, hclsyntax.TokenTemplateInterp, hclsyntax.TokenTemplateControl:
			counts = append(counts, 0)
		case hclsyntax.TokenCParen, hclsyntax.TokenCBrack, hclsyntax.TokenCBrace, hclsyntax.TokenTemplateSeqEnd:
			if top > 0 {
				counts = counts[:top]
			}
		case hclsyntax.TokenNewline:
			if top == 0 {
				counts[0] = 0
			}
		case hclsyntax.TokenComma, hclsyntax.TokenEqual, hclsyntax.TokenFatArrow:
			counts[top] = 0
		case hclsyntax.TokenBang, hclsyntax.TokenMinus, hclsyntax.TokenPlus, hclsyntax.TokenStar,
			hclsyntax.TokenSlash, hclsyntax.TokenPercent, hclsyntax.TokenAnd, hclsyntax.TokenOr,
			hclsyntax.TokenEqualOp, hclsyntax.TokenNotEqual, hclsyntax.TokenLessThan, hclsyntax.TokenLessThanEq,
			hclsyntax.TokenGreaterThan, hclsyntax.TokenGreaterThanEq, hclsyntax.TokenQuestion:
			counts[top]++
			if counts[top] > MaxOperators {
				return t.Range, true
			}
		}
	}
	return hcl.Range{}, false
}

// controlChars counts the control characters HCL rejects and returns the
// range of the first.
func controlChars(path string, src []byte) (int, hcl.Range) {
	n, first := 0, -1
	for i, b := range src {
		if b < 0x20 && b != '\t' && b != '\n' && b != '\r' || b == 0x7f {
			if first < 0 {
				first = i
			}
			n++
		}
	}
	if n == 0 {
		return 0, hcl.Range{}
	}
	return n, byteRange(path, src, first)
}

// MaxTokens is the most tokens (about) a native-syntax file may have: the
// parser allocates some hundred bytes a token, and kilobytes for each
// line it cannot make sense of, so a 9 MB file of `@` or `}` would cost
// gigabytes. 2 million tokens is a 6 MB file of dense HCL; garbage at the
// limit costs about 2 s and 600 MB. (JSON syntax is parsed strictly, with
// no recovery, and is not counted.)
const MaxTokens = 2_000_000

// estimateTokens counts, cheaply and from above, the tokens the lexer
// would make: each punctuation character, each run of word characters,
// each line break.
func estimateTokens(src []byte) int {
	n, inWord := 0, false
	for _, b := range src {
		switch {
		case b == ' ' || b == '\t' || b == '\r':
			inWord = false
		case b >= 'a' && b <= 'z', b >= 'A' && b <= 'Z', b >= '0' && b <= '9', b == '_', b == '.', b >= 0x80:
			if !inWord {
				n++
				inWord = true
			}
		default: // punctuation, line breaks
			n++
			inWord = false
		}
	}
	return n
}

// maxInvalidChars is how many characters that HCL cannot read (`@`, `;`,
// “ ` “ outside strings and comments) a file may hold: each costs the
// parser a diagnostic and its recovery, which adds up to seconds for a
// megabyte of them.
const maxInvalidChars = 100

// invalidChars counts the characters the lexer cannot read and returns
// the range of the first. A quick scan counts the candidates outside
// strings, comments and heredocs; only when they are more than
// maxInvalidChars does the lexer count exactly, and not even then when
// they are so many that the lexer itself would take seconds (it spends
// microseconds on each).
func invalidChars(path string, src []byte) (int, hcl.Range) {
	n, first := rareOutsideStrings(src)
	if n <= maxInvalidChars {
		return 0, hcl.Range{}
	}
	if n > 100_000 {
		return n, byteRange(path, src, first)
	}
	toks, _ := hclsyntax.LexConfig(src, path, hcl.InitialPos)
	n = 0
	var at hcl.Range
	for _, t := range toks {
		if t.Type == hclsyntax.TokenInvalid || t.Type == hclsyntax.TokenBadUTF8 || t.Type == hclsyntax.TokenNil {
			if n == 0 {
				at = t.Range
			}
			n++
		}
	}
	return n, at
}

// rareOutsideStrings counts the bytes that HCL reads nowhere but in
// strings, comments and heredocs (`@`, “ ` “, `;`, `^`, `~`, `\\`, `'`,
// and `$` not starting `${`), outside those, and the offset of the first.
// It is an approximation (an interpolation holding quotes can fool it);
// the lexer decides.
func rareOutsideStrings(src []byte) (int, int) {
	n, first := 0, -1
	for i := 0; i < len(src); i++ {
		switch b := src[i]; {
		case b == '"':
			for i++; i < len(src) && src[i] != '"' && src[i] != '\n'; i++ {
				if src[i] == '\\' {
					i++
				}
			}
		case b == '#' || b == '/' && i+1 < len(src) && src[i+1] == '/':
			for i < len(src) && src[i] != '\n' {
				i++
			}
		case b == '/' && i+1 < len(src) && src[i+1] == '*':
			end := bytes.Index(src[i+2:], []byte("*/"))
			if end < 0 {
				return n, first
			}
			i += end + 3
		case b == '<' && i+1 < len(src) && src[i+1] == '<':
			i = skipHeredoc(src, i)
		case b == '@', b == '`', b == ';', b == '^', b == '~', b == '\\', b == '\'',
			b == '$' && (i+1 == len(src) || src[i+1] != '{'):
			if first < 0 {
				first = i
			}
			n++
		}
	}
	return n, first
}

// skipHeredoc returns the offset of the last byte of the heredoc that
// starts at src[i] ("<<EOT" or "<<-EOT"), or i+1 when it is not one.
func skipHeredoc(src []byte, i int) int {
	j := i + 2
	if j < len(src) && src[j] == '-' {
		j++
	}
	k := j
	for k < len(src) && (src[k] == '_' || src[k] >= 'A' && src[k] <= 'Z' || src[k] >= 'a' && src[k] <= 'z' || src[k] >= '0' && src[k] <= '9') {
		k++
	}
	if k == j {
		return i + 1
	}
	marker := src[j:k]
	line := bytes.IndexByte(src[k:], '\n')
	if line < 0 {
		return len(src)
	}
	for p := k + line + 1; p < len(src); {
		end := bytes.IndexByte(src[p:], '\n')
		if end < 0 {
			end = len(src) - p
		}
		if bytes.Equal(bytes.TrimSpace(src[p:p+end]), marker) {
			return p + end
		}
		p += end + 1
	}
	return len(src)
}

// byteRange is the one-character range at offset i.
func byteRange(path string, src []byte, i int) hcl.Range {
	line, col := 1, 1
	for _, b := range src[:i] {
		if b == '\n' {
			line, col = line+1, 1
		} else if b < 0x80 || b >= 0xC0 {
			col++
		}
	}
	start := hcl.Pos{Line: line, Column: col, Byte: i}
	return hcl.Range{Filename: path, Start: start, End: hcl.Pos{Line: line, Column: col + 1, Byte: i + 1}}
}

// checkLimits refuses content the parser must not see: nesting beyond
// MaxNesting, operator chains beyond MaxOperators, binary content, more
// tokens than MaxTokens, many characters HCL cannot read.
func checkLimits(path string, src []byte) *hcl.Diagnostic {
	if n, r := controlChars(path, src); n > maxControlChars {
		return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: fmt.Sprintf("file holds %d control characters (binary content?); not parsed", n), Subject: &r}
	}
	if len(src) > MaxTokens/4 && !strings.HasSuffix(path, ".json") { // a smaller file cannot reach the limit
		if n := estimateTokens(src); n > MaxTokens {
			r := startOf(path)
			return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: fmt.Sprintf("file has about %d tokens, more than the %d ssmlint parses in one file (generated or garbage content?); not parsed", n, MaxTokens), Subject: &r}
		}
	}
	if r, deep := tooDeep(path, src); deep {
		return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: fmt.Sprintf("nesting deeper than %d levels; file not parsed", MaxNesting), Subject: &r}
	}
	if n, r := invalidChars(path, src); n > maxInvalidChars && !strings.HasSuffix(path, ".json") {
		return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: fmt.Sprintf("file holds %d characters that are not valid HCL; not parsed", n), Subject: &r}
	}
	if r, long := tooManyOperators(path, src); long {
		return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: fmt.Sprintf("more than %d operators chained in one expression; file not parsed", MaxOperators), Subject: &r}
	}
	return nil
}

package hclcheck

import (
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
	line, col := 1, 1
	for _, b := range src[:first] {
		if b == '\n' {
			line, col = line+1, 1
		} else if b < 0x80 || b >= 0xC0 {
			col++
		}
	}
	start := hcl.Pos{Line: line, Column: col, Byte: first}
	return n, hcl.Range{Filename: path, Start: start, End: hcl.Pos{Line: line, Column: col + 1, Byte: first + 1}}
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

// checkLimits refuses content the parser must not see: nesting beyond
// MaxNesting, operator chains beyond MaxOperators, binary content, more
// tokens than MaxTokens.
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
	if r, long := tooManyOperators(path, src); long {
		return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: fmt.Sprintf("more than %d operators chained in one expression; file not parsed", MaxOperators), Subject: &r}
	}
	return nil
}

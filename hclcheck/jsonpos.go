package hclcheck

import (
	"reflect"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
)

// A JSON string is a template once decoded, and hcl parses the decoded
// text: every escape before a position shifts it (`\"` is two bytes in the
// file, one in the value; `\n` even starts a line that the file does not
// have). jsonString takes positions in the decoded value back to the file,
// so that findings and errors inside a template point at the JSON source.

// jsonString maps the decoded value of one JSON string to its source.
type jsonString struct {
	raw   []byte  // the string's source between the quotes
	start hcl.Pos // position of raw[0]
	// off[i] is where decoded byte i comes from in raw; off[len] = len(raw).
	// Nil when the decoding could not be retraced: then every position
	// maps to the start of the string.
	off []int
}

// newJSONString retraces how raw decodes to a value of decodedLen bytes.
func newJSONString(raw []byte, start hcl.Pos, decodedLen int) *jsonString {
	m := &jsonString{raw: raw, start: start}
	off := make([]int, 0, decodedLen+1)
	for i := 0; i < len(raw); {
		switch {
		case raw[i] != '\\' || i+1 >= len(raw):
			off = append(off, i)
			i++
		case raw[i+1] != 'u':
			off = append(off, i)
			i += 2
		default:
			r, n := unicodeEscape(raw[i:])
			for range utf8.RuneLen(r) {
				off = append(off, i)
			}
			i += n
		}
	}
	off = append(off, len(raw))
	if len(off) == decodedLen+1 {
		m.off = off
	}
	return m
}

// unicodeEscape decodes \uXXXX (with a following low surrogate, a pair)
// at the start of b: the rune and the bytes it takes.
func unicodeEscape(b []byte) (rune, int) {
	hex := func(b []byte) (rune, bool) {
		if len(b) < 6 || b[0] != '\\' || b[1] != 'u' {
			return 0, false
		}
		v, err := strconv.ParseUint(string(b[2:6]), 16, 32)
		return rune(v), err == nil
	}
	r, ok := hex(b)
	if !ok {
		return utf8.RuneError, min(len(b), 2)
	}
	if utf16.IsSurrogate(r) {
		if r2, ok := hex(b[6:]); ok {
			if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
				return d, 12
			}
		}
		return utf8.RuneError, 6
	}
	return r, 6
}

// pos maps a position in the decoded value (as hcl computed it from
// start) to the file.
func (m *jsonString) pos(p hcl.Pos) hcl.Pos {
	if m.off == nil {
		return m.start
	}
	i := min(max(p.Byte-m.start.Byte, 0), len(m.off)-1)
	r := m.off[i]
	line, col := m.start.Line, m.start.Column
	for _, c := range string(m.raw[:r]) {
		if c == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return hcl.Pos{Line: line, Column: col, Byte: m.start.Byte + r}
}

func (m *jsonString) rng(r *hcl.Range) {
	r.Start, r.End = m.pos(r.Start), m.pos(r.End)
}

// remap rewrites every hcl.Range reachable from v (a parsed expression or
// diagnostics), in place.
func (m *jsonString) remap(v any) {
	seen := map[uintptr]bool{}
	rangeType := reflect.TypeFor[hcl.Range]()
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if v.IsNil() || seen[v.Pointer()] {
				return
			}
			seen[v.Pointer()] = true
			walk(v.Elem())
		case reflect.Interface:
			if v.IsNil() {
				return
			}
			inner := v.Elem()
			if inner.Kind() == reflect.Struct && v.CanSet() {
				// A struct held by value (hcl.TraverseAttr in a
				// Traversal): change a copy and put it back.
				cp := reflect.New(inner.Type()).Elem()
				cp.Set(inner)
				walk(cp)
				v.Set(cp)
				return
			}
			walk(inner)
		case reflect.Struct:
			if v.Type() == rangeType {
				if v.CanAddr() {
					m.rng(v.Addr().Interface().(*hcl.Range))
				}
				return
			}
			for i := range v.NumField() {
				if f := v.Field(i); f.CanSet() {
					walk(f)
				}
			}
		case reflect.Slice:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		}
	}
	walk(reflect.ValueOf(v))
}

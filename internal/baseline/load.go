package baseline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ssmlint/ssmlint/internal/safefs"
)

// MaxFileSize is the largest baseline file Load accepts: 64 MiB.
const MaxFileSize = 64 << 20

// Error is a problem with a baseline file at a 1-based line and column (both
// zero when the problem concerns the whole file).
type Error struct {
	File    string
	Line    int
	Column  int
	Message string
	// Err is the underlying error, if any.
	Err error
}

// Error formats the problem as "file:line:col: message".
func (e *Error) Error() string {
	s := e.File
	if e.Line > 0 {
		s += ":" + strconv.Itoa(e.Line) + ":" + strconv.Itoa(e.Column)
	}
	return s + ": " + e.Message
}

// Unwrap returns the underlying error, if any.
func (e *Error) Unwrap() error { return e.Err }

// LoadOptions say how Load reads a baseline file.
type LoadOptions struct {
	// Gate is what the file is read through: the repository boundary for
	// a file named inside the repository, no boundary for one the user
	// named outside it. Either way only a regular file is read, and at
	// most MaxFileSize bytes.
	Gate safefs.Gate
	// Private says the file lies outside the repository: its errors keep
	// their position but quote nothing of its content.
	Private bool
}

// Load reads a baseline file through the gate of opt. Problems are *Error
// values with the line and column of the offending JSON; a file that
// could not be read is named, never quoted.
func Load(path string, opt LoadOptions) (*Baseline, error) {
	data, err := opt.Gate.ReadFile(path, MaxFileSize)
	if err != nil {
		return nil, &Error{File: path, Message: readProblem(err), Err: err}
	}
	b, err := Parse(path, data)
	var be *Error
	if err != nil && opt.Private && errors.As(err, &be) {
		return nil, &Error{File: be.File, Line: be.Line, Column: be.Column,
			Message: "invalid baseline (the file is outside the repository; its content is not quoted)", Err: be.Err}
	}
	return b, err
}

// readProblem says why a baseline file was not read, without repeating
// its path (Error names it) and without its content.
func readProblem(err error) string { return safefs.Problem("baseline", err) }

// Parse decodes the contents of a baseline file; filename is used in
// errors.
func Parse(filename string, data []byte) (*Baseline, error) {
	p := &parser{file: filename, data: data}
	if len(data) > MaxFileSize {
		return nil, p.errorAt(0, fmt.Sprintf("baseline file is larger than %d bytes", MaxFileSize))
	}
	return p.parse()
}

type parser struct {
	file string
	data []byte
}

// errorAt builds an *Error at byte offset off.
func (p *parser) errorAt(off int64, msg string) *Error {
	line, col := position(p.data, off)
	return &Error{File: p.file, Line: line, Column: col, Message: msg}
}

// position converts a byte offset into a 1-based line and column
// (columns count characters).
func position(data []byte, off int64) (line, col int) {
	if off < 0 {
		off = 0
	}
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	before := data[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	lineStart := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[lineStart:]) + 1
}

// skipSpace returns the offset of the first byte at or after off that is
// not JSON whitespace, a comma or a colon: where the next value starts.
func (p *parser) skipSpace(off int64) int64 {
	for off < int64(len(p.data)) {
		switch p.data[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
			continue
		}
		break
	}
	return off
}

// jsonError positions an encoding/json error.
func (p *parser) jsonError(err error, fallback int64) *Error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		if strings.HasPrefix(syn.Error(), "unexpected end") {
			e := p.errorAt(int64(len(p.data)), "invalid JSON: unexpected end of file")
			e.Err = err
			return e
		}
		// Offset is just past the offending byte.
		e := p.errorAt(max(syn.Offset-1, 0), "invalid JSON: "+syn.Error())
		e.Err = err
		return e
	case errors.As(err, &typ):
		what := "value"
		if typ.Field != "" {
			what = fmt.Sprintf("field %q", typ.Field)
		}
		// Offset is just past the offending value, whose start is not
		// reported: use the start of the enclosing value instead.
		e := p.errorAt(fallback, fmt.Sprintf("baseline entry %s must be %s, not a JSON %s", what, jsonKind(typ.Type.Kind().String()), typ.Value))
		e.Err = err
		return e
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		e := p.errorAt(int64(len(p.data)), "invalid JSON: unexpected end of file")
		e.Err = err
		return e
	}
	e := p.errorAt(fallback, "invalid JSON: "+err.Error())
	e.Err = err
	return e
}

func jsonKind(k string) string {
	switch k {
	case "string":
		return "a string"
	case "int", "int64":
		return "an integer"
	case "slice":
		return "a list"
	case "struct":
		return "an object"
	}
	return k
}

// parse walks the top-level object with the token API, so that every
// problem can be given the position of the value it concerns.
func (p *parser) parse() (*Baseline, error) {
	// Check the syntax of the whole document first: json.Valid's scan
	// reports offsets from the start of the input, which the decoder's
	// per-value errors do not.
	var probe json.RawMessage
	if err := json.Unmarshal(p.data, &probe); err != nil {
		return nil, p.jsonError(err, 0)
	}
	dec := json.NewDecoder(bytes.NewReader(p.data))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return nil, p.jsonError(err, 0)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, p.errorAt(p.skipSpace(0), `a baseline is a JSON object {"version":1,"findings":[...]}`)
	}
	b := &Baseline{counts: map[string]int{}}
	index := map[string]int{} // fingerprint -> index in b.Entries
	haveVersion := false
	for dec.More() {
		keyOff := p.skipSpace(dec.InputOffset())
		tok, err := dec.Token()
		if err != nil {
			return nil, p.jsonError(err, keyOff)
		}
		key, _ := tok.(string)
		valOff := p.skipSpace(dec.InputOffset())
		switch key {
		case "version":
			var v any
			if err := dec.Decode(&v); err != nil {
				return nil, p.jsonError(err, valOff)
			}
			if n, ok := v.(json.Number); !ok {
				return nil, p.errorAt(valOff, fmt.Sprintf("version must be the number %d", Version))
			} else if n.String() != strconv.Itoa(Version) {
				return nil, p.errorAt(valOff, fmt.Sprintf("unsupported baseline version %s (this ssmlint reads version %d; write a new baseline with --write-baseline)", n, Version))
			}
			haveVersion = true
		case "findings":
			if err := p.findings(dec, valOff, b, index); err != nil {
				return nil, err
			}
		default:
			return nil, p.errorAt(keyOff, fmt.Sprintf("unknown key %q in baseline (want version and findings)", key))
		}
	}
	if _, err := dec.Token(); err != nil { // the closing brace
		return nil, p.jsonError(err, p.skipSpace(dec.InputOffset()))
	}
	if rest := p.skipSpace(dec.InputOffset()); rest < int64(len(p.data)) {
		return nil, p.errorAt(rest, "unexpected data after the baseline object")
	}
	if !haveVersion {
		return nil, p.errorAt(0, `baseline has no "version"`)
	}
	return b, nil
}

func (p *parser) findings(dec *json.Decoder, off int64, b *Baseline, index map[string]int) error {
	tok, err := dec.Token()
	if err != nil {
		return p.jsonError(err, off)
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		if tok == nil {
			return nil // "findings": null
		}
		return p.errorAt(off, "findings must be a list")
	}
	for dec.More() {
		entryOff := p.skipSpace(dec.InputOffset())
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return p.jsonError(err, entryOff)
		}
		var e Entry
		strict := json.NewDecoder(bytes.NewReader(raw))
		strict.DisallowUnknownFields()
		if err := strict.Decode(&e); err != nil {
			var typ *json.UnmarshalTypeError
			if errors.As(err, &typ) {
				return p.jsonError(err, entryOff)
			}
			return p.errorAt(entryOff, "bad baseline entry: "+strings.TrimPrefix(err.Error(), "json: "))
		}
		if err := p.checkEntry(&e, entryOff); err != nil {
			return err
		}
		n := max(e.Count, 1)
		if i, ok := index[e.Fingerprint]; ok {
			b.Entries[i].Count = max(b.Entries[i].Count, 1) + n
		} else {
			index[e.Fingerprint] = len(b.Entries)
			b.Entries = append(b.Entries, e)
		}
		b.counts[e.Fingerprint] += n
	}
	if _, err := dec.Token(); err != nil { // the closing bracket
		return p.jsonError(err, p.skipSpace(dec.InputOffset()))
	}
	return nil
}

// checkEntry validates an entry and fills in a missing fingerprint.
func (p *parser) checkEntry(e *Entry, off int64) error {
	if e.Rule == "" {
		return p.errorAt(off, `baseline entry has no "rule"`)
	}
	if e.Count < 0 {
		return p.errorAt(off, fmt.Sprintf("baseline entry has a negative count (%d)", e.Count))
	}
	want := fingerprint(e.Rule, e.File, e.Resource, e.Attribute)
	if e.Fingerprint == "" {
		e.Fingerprint = want
	} else if e.Fingerprint != want {
		return p.errorAt(off, fmt.Sprintf("baseline entry's fingerprint %s does not match its rule, file, resource and attribute (want %s); fix the entry or delete its fingerprint", e.Fingerprint, want))
	}
	return nil
}

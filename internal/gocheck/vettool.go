package gocheck

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/ssmlint/ssmlint/internal/safefs"
	"github.com/ssmlint/ssmlint/internal/suppress"
)

// go vet reports positions after //line directives: a directive can put
// a finding in any file, inside the repository or not (`//line
// /etc/passwd:1:1`), and a suggested fix's edit names that file with the
// byte offsets of the real one. The JSON of unitchecker carries nothing
// else, so ssmlint, which is both the vet tool and the reader of its
// output, appends to each diagnostic's message what the real file says:
//
//	<message> NUL "ssmlint-real:" <JSON of realInfo>
//
// VetAnalyzers adds it in the vet tool; Run strips it and uses only the
// real positions. The suffix is found by its last occurrence, so a
// message that quotes the marker (a parameter name from the code under
// analysis) cannot forge positions: ssmlint's suffix always comes last.
const realMarker = "\x00ssmlint-real:"

// realPos is an unadjusted position: the file go vet parsed.
type realPos struct {
	File   string `json:"f"`
	Line   int    `json:"l"`
	Column int    `json:"c"`
	Offset int    `json:"o"`
}

// realEdit is a suggested fix's edit in the file go vet parsed.
type realEdit struct {
	File       string `json:"f"`
	Start, End int
	// Sum is the SHA-256 (hex) of the file's content as parsed, or ""
	// when it could not be told (the file changed while analysed).
	Sum string `json:"s,omitempty"`
}

// realInfo is what the vet tool appends to a diagnostic.
type realInfo struct {
	Start realPos      `json:"s"`
	End   realPos      `json:"e"`
	Fixes [][]realEdit `json:"x,omitempty"`
	// Suppressed: a suppression comment covers the diagnostic (see
	// suppress.ParseGo); its fixes are left out.
	Suppressed bool `json:"u,omitempty"`
}

// VetAnalyzers returns copies of analyzers for ssmlint's vet-tool mode
// (VetToolEnv): each diagnostic's message carries the real positions of
// the diagnostic and of its fixes' edits (see realMarker), and whether a
// suppression comment (//ssmlint:ignore, //nolint) covers it, as the
// analyzers of ssmvet and the golangci-lint plugin decide
// (suppress.Analyzers). A suppressed diagnostic is still reported, without
// its fixes, so that ssmlint counts it and knows the comment was used. The
// analyzers themselves are not changed.
func VetAnalyzers(as []*analysis.Analyzer) []*analysis.Analyzer {
	return suppress.WrapReports(as, suppress.IgnoreAndNolint, func(pass *analysis.Pass, report func(analysis.Diagnostic)) func(analysis.Diagnostic, bool) {
		sums := fileSums{fset: pass.Fset, sums: map[*token.File]string{}}
		return func(d analysis.Diagnostic, suppressed bool) {
			if suppressed {
				d.SuggestedFixes = nil
			}
			d.Message += realMarker + encodeReal(pass.Fset, d, &sums, suppressed)
			report(d)
		}
	})
}

// encodeReal is the JSON of d's real positions.
func encodeReal(fset *token.FileSet, d analysis.Diagnostic, sums *fileSums, suppressed bool) string {
	end := d.End
	if !end.IsValid() {
		end = d.Pos
	}
	info := realInfo{Start: unadjusted(fset, d.Pos), End: unadjusted(fset, end), Suppressed: suppressed}
	for _, fx := range d.SuggestedFixes {
		var edits []realEdit
		for _, e := range fx.TextEdits {
			s, en := unadjusted(fset, e.Pos), unadjusted(fset, e.End)
			if !e.End.IsValid() {
				en = s
			}
			edits = append(edits, realEdit{File: s.File, Start: s.Offset, End: en.Offset, Sum: sums.of(e.Pos)})
		}
		info.Fixes = append(info.Fixes, edits)
	}
	b, _ := json.Marshal(info) // plain strings and ints: cannot fail
	return string(b)
}

func unadjusted(fset *token.FileSet, pos token.Pos) realPos {
	p := fset.PositionFor(pos, false)
	return realPos{File: p.Filename, Line: p.Line, Column: p.Column, Offset: p.Offset}
}

// fileSums are the SHA-256 sums of the files of a pass as parsed, read
// again once each: the content read must have the size and the line
// starts the parser saw, else the sum is "" (the file changed).
type fileSums struct {
	fset *token.FileSet
	sums map[*token.File]string
}

func (s *fileSums) of(pos token.Pos) string {
	tf := s.fset.File(pos)
	if tf == nil {
		return ""
	}
	if sum, ok := s.sums[tf]; ok {
		return sum
	}
	sum := ""
	// The vet tool has no boundary: it reads the file go vet handed it
	// (the same path the parser read), capped at the parsed size.
	if src, err := (safefs.Gate{}).ReadFile(tf.Name(), int64(tf.Size())); err == nil &&
		len(src) == tf.Size() && slices.Equal(lineStarts(src), tf.Lines()) {
		h := sha256.Sum256(src)
		sum = hex.EncodeToString(h[:])
	}
	s.sums[tf] = sum
	return sum
}

// lineStarts are the offsets at which src's lines start, as token.File
// records them.
func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, b := range src {
		if b == '\n' && i+1 < len(src) {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// splitReal separates a message from the real positions the vet tool
// appended; ok is false when there are none.
func splitReal(msg string) (string, realInfo, bool) {
	i := strings.LastIndex(msg, realMarker)
	if i < 0 {
		return msg, realInfo{}, false
	}
	var info realInfo
	dec := json.NewDecoder(bytes.NewReader([]byte(msg[i+len(realMarker):])))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&info); err != nil || info.Start.File == "" {
		return msg[:i], realInfo{}, false
	}
	return msg[:i], info, true
}

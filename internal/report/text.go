package report

import (
	"bufio"
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"

	"github.com/ssmlint/ssmlint/finding"
	"github.com/ssmlint/ssmlint/rules"
)

// ANSI styles of the text format.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[1;31m"
	ansiYellow = "\x1b[1;33m"
	ansiCyan   = "\x1b[1;36m"
	ansiBlue   = "\x1b[1;34m"
	ansiGreen  = "\x1b[32m"
	ansiDim    = "\x1b[2m"
)

// Source excerpts: tab stops every tabWidth cells; lines longer than
// maxExcerpt characters are cut to a window around the range.
const (
	tabWidth   = 4
	maxExcerpt = 160
	leadIn     = 40
)

// textItem is a finding or an input error, as the text format shows it.
type textItem struct {
	rel, file  string
	start, end finding.Pos
	severity   rules.Severity
	message    string
	finding    *finding.Finding // nil for input errors
}

// textWriter carries what one Write call of the text format needs.
type textWriter struct {
	w       *bufio.Writer
	in      Input
	opt     Options
	sources map[string][]byte // nil entry: not readable
}

func writeText(w *bufio.Writer, in Input, opt Options) error {
	t := &textWriter{w: w, in: in, opt: opt, sources: map[string][]byte{}}
	items := make([]textItem, 0, len(in.Findings)+len(in.Errors))
	for i := range in.Findings {
		f := &in.Findings[i]
		items = append(items, textItem{
			rel: relPath(in.WorkDir, f.Range.File), file: f.Range.File,
			start: f.Range.Start, end: f.Range.End,
			severity: f.Severity, message: f.Message, finding: f,
		})
	}
	for _, e := range in.Errors {
		items = append(items, textItem{
			rel: relPath(in.WorkDir, e.Range.File), file: e.Range.File,
			start: e.Range.Start, end: e.Range.End,
			severity: rules.Error, message: e.Message,
		})
	}
	// Group by file; within a file, merge errors among the findings by
	// position, keeping the findings' given order at equal positions.
	slices.SortStableFunc(items, func(a, b textItem) int {
		if c := strings.Compare(a.rel, b.rel); c != 0 {
			return c
		}
		if a.start.Line != b.start.Line {
			return a.start.Line - b.start.Line
		}
		return a.start.Column - b.start.Column
	})
	for i, it := range items {
		if i > 0 {
			t.w.WriteString("\n")
		}
		t.item(it)
	}
	if len(items) > 0 {
		t.w.WriteString("\n")
	}
	t.summary()
	return nil
}

func (t *textWriter) style(code, s string) string {
	if !t.opt.Color || s == "" {
		return s
	}
	return code + s + ansiReset
}

func severityStyle(s rules.Severity) string {
	switch s {
	case rules.Error:
		return ansiRed
	case rules.Info:
		return ansiCyan
	}
	return ansiYellow
}

func (t *textWriter) item(it textItem) {
	var head strings.Builder
	if loc := location(escapeName(it.rel), it.start); loc != "" {
		head.WriteString(t.style(ansiBold, loc+":"))
		head.WriteString(" ")
	}
	sev := severityName(it.severity)
	if it.finding == nil {
		sev = "error"
	}
	head.WriteString(t.style(severityStyle(it.severity), sev+":"))
	head.WriteString(" ")
	head.WriteString(t.style(ansiBold, oneLine(it.message)))
	if f := it.finding; f != nil && f.Rule != nil {
		head.WriteString(" ")
		head.WriteString(t.style(ansiDim, "["+strings.TrimSpace(f.Rule.ID+" "+f.Rule.Name)+"]"))
	}
	t.w.WriteString(head.String())
	t.w.WriteString("\n")
	t.excerpt(it)
	if f := it.finding; f != nil {
		if fix := remediation(*f); fix != "" {
			t.note("fix", fix)
		}
		if t.opt.Verbose {
			if f.Resource != "" {
				t.note("resource", f.Resource)
			}
			if f.Rule != nil && f.Rule.Summary != "" {
				t.note("rule", f.Rule.Summary)
			}
			if f.Rule != nil && f.Rule.ID != "" {
				t.note("docs", DocsURL(f.Rule.ID))
			}
		}
	}
}

func (t *textWriter) note(label, text string) {
	t.w.WriteString("  " + t.style(ansiCyan, "= "+label+":") + " " + oneLine(text) + "\n")
}

// location is "file:line:col", leaving out what is unknown.
func location(rel string, p finding.Pos) string {
	if rel == "" {
		return ""
	}
	s := rel
	if p.Line > 0 {
		s += ":" + strconv.Itoa(p.Line)
		if p.Column > 0 {
			s += ":" + strconv.Itoa(p.Column)
		}
	}
	return s
}

// excerpt prints the first line of the range with the range underlined.
func (t *textWriter) excerpt(it textItem) {
	if it.start.Line < 1 || it.file == "" {
		return
	}
	line, ok := sourceLine(t.source(it.file), it.start.Line)
	if !ok {
		return
	}
	runes := []rune(string(line))
	startCol := max(it.start.Column, 1)
	endCol := len(runes) + 1 // a multi-line range runs to the end of the line
	if it.end.Line == it.start.Line {
		endCol = it.end.Column
	}
	src, mark := renderExcerpt(runes, startCol, endCol)
	num := strconv.Itoa(it.start.Line)
	pad := strings.Repeat(" ", len(num))
	t.w.WriteString(t.style(ansiBlue, num+" |") + " " + src + "\n")
	t.w.WriteString(t.style(ansiBlue, pad+" |") + " " + t.style(severityStyle(it.severity), mark) + "\n")
}

// source returns a file's content through ReadSource, reading each file once.
func (t *textWriter) source(file string) []byte {
	if b, seen := t.sources[file]; seen {
		return b
	}
	var b []byte
	if t.in.ReadSource != nil {
		if content, ok := t.in.ReadSource(file); ok {
			b = content
		}
	}
	t.sources[file] = b
	return b
}

// sourceLine returns the 1-based line n of content, without its line ending.
func sourceLine(content []byte, n int) ([]byte, bool) {
	if content == nil || n < 1 {
		return nil, false
	}
	for i := 1; i < n; i++ {
		nl := bytes.IndexByte(content, '\n')
		if nl < 0 {
			return nil, false
		}
		content = content[nl+1:]
	}
	if nl := bytes.IndexByte(content, '\n'); nl >= 0 {
		content = content[:nl]
	}
	return bytes.TrimSuffix(content, []byte("\r")), true
}

// renderExcerpt returns a source line as shown and the underline beneath it.
// startCol and endCol are 1-based character columns, endCol exclusive. Tabs
// are expanded to tab stops, wide characters take two cells, control and
// bidirectional-override characters are shown as U+FFFD, and lines longer
// than maxExcerpt characters are cut to a window around the range.
func renderExcerpt(line []rune, startCol, endCol int) (src, mark string) {
	start := min(max(startCol-1, 0), len(line)) // 0-based, may equal len(line)
	end := min(max(endCol-1, start+1), len(line))
	lo, hi := 0, len(line)
	if len(line) > maxExcerpt {
		lo = max(0, start-leadIn)
		hi = min(len(line), lo+maxExcerpt)
		lo = max(0, hi-maxExcerpt)
	}
	var s, m strings.Builder
	cells := 0
	if lo > 0 {
		s.WriteString("…")
		m.WriteString(" ")
		cells++
	}
	for i := lo; i < hi; i++ {
		r := line[i]
		shown, w := displayRune(r, cells)
		s.WriteString(shown)
		cells += w
		switch {
		case i < start:
			m.WriteString(strings.Repeat(" ", w))
		case i < end:
			for k := range max(w, 1) {
				if i == start && k == 0 {
					m.WriteString("^")
				} else {
					m.WriteString("~")
				}
			}
		}
	}
	if hi < len(line) {
		s.WriteString("…")
	}
	if start >= len(line) || start >= hi {
		m.WriteString("^") // the range starts at the end of the line
	}
	return s.String(), m.String()
}

// displayRune is how r is shown at display cell `at`, and how many cells it
// takes.
func displayRune(r rune, at int) (string, int) {
	switch {
	case r == '\t':
		n := tabWidth - at%tabWidth
		return strings.Repeat(" ", n), n
	case unicode.IsControl(r) || isBidiControl(r) || r == utf8.RuneError:
		return "\uFFFD", 1
	case unicode.In(r, unicode.Mn, unicode.Me) || r == '\u200b' || r == '\u200d' || r == '\ufeff':
		return string(r), 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return string(r), 2
	}
	return string(r), 1
}

// isBidiControl reports the characters that reorder text on screen (the
// "Trojan Source" characters); a linter must not let them hide code.
func isBidiControl(r rune) bool {
	return (r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069') ||
		r == '\u200e' || r == '\u200f' || r == '\u061c'
}

// oneLine keeps a message on one line and free of terminal control
// sequences.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			return ' '
		case unicode.IsControl(r) || isBidiControl(r):
			return '\uFFFD'
		}
		return r
	}, s)
}

// escapeName shows a file name so that it cannot act on the terminal or
// break the "file:line:col:" layout: control characters (a newline, an
// escape sequence), bidirectional overrides and bytes that are not UTF-8
// are written as Go escapes (\n, \x1b, \u202e, \xff); the rest is left
// as it is, so that the name can still be found.
func escapeName(s string) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || unicode.IsControl(r) || isBidiControl(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case unicode.IsControl(r) || isBidiControl(r):
			q := strconv.QuoteRuneToASCII(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// summary prints the closing lines: counts, files and time, and the cost of
// the Advanced-tier parameters flagged.
func (t *textWriter) summary() {
	s := t.in.Summary
	total := s.Errors + s.Warnings + s.Infos
	var line strings.Builder
	if total == 0 {
		line.WriteString(t.style(ansiGreen, "No findings"))
	} else {
		var parts []string
		if s.Errors > 0 {
			parts = append(parts, t.style(ansiRed, plural(s.Errors, "error", "errors")))
		}
		if s.Warnings > 0 {
			parts = append(parts, t.style(ansiYellow, plural(s.Warnings, "warning", "warnings")))
		}
		if s.Infos > 0 {
			parts = append(parts, t.style(ansiCyan, plural(s.Infos, "info", "info")))
		}
		line.WriteString(t.style(ansiBold, plural(total, "finding", "findings")))
		line.WriteString(" (" + strings.Join(parts, ", ") + ")")
	}
	if n := len(t.in.Errors); n > 0 {
		line.WriteString(", " + t.style(ansiRed, plural(n, "input error", "input errors")))
	}
	line.WriteString(".\n")
	fmt.Fprintf(&line, "%s scanned in %s", plural(s.FilesScanned, "file", "files"), roundDuration(s.Duration))
	var hidden []string
	if s.Suppressed > 0 {
		hidden = append(hidden, fmt.Sprintf("%d suppressed", s.Suppressed))
	}
	if s.Baselined > 0 {
		hidden = append(hidden, fmt.Sprintf("%d baselined", s.Baselined))
	}
	if len(hidden) > 0 {
		line.WriteString("; " + strings.Join(hidden, ", "))
	}
	line.WriteString(".\n")
	t.skipped(&line)
	for _, n := range s.Notes {
		line.WriteString(oneLine(n) + "\n")
	}
	if s.AdvancedParameters > 0 {
		fmt.Fprintf(&line, "Advanced-tier parameters flagged: %d, costing $%.2f/month\n",
			s.AdvancedParameters, roundCost(s.AdvancedMonthlyCost))
	}
	t.w.WriteString(line.String())
}

// skipped prints one line per reason files were not read, naming the
// first few files.
func (t *textWriter) skipped(line *strings.Builder) {
	var reasons []string
	byReason := map[string][]string{}
	for _, s := range t.in.Summary.Skipped {
		if byReason[s.Reason] == nil {
			reasons = append(reasons, s.Reason)
		}
		byReason[s.Reason] = append(byReason[s.Reason], escapeName(relPath(t.in.WorkDir, s.File)))
	}
	const shown = 3
	for _, r := range reasons {
		files := byReason[r]
		list := strings.Join(files[:min(len(files), shown)], ", ")
		if len(files) > shown {
			list += fmt.Sprintf(" and %d more", len(files)-shown)
		}
		fmt.Fprintf(line, "Not read (%s): %s.\n", oneLine(r), oneLine(list))
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// roundDuration keeps two or three significant digits: 1.23s, 120ms, 450µs.
func roundDuration(d time.Duration) time.Duration {
	switch {
	case d >= time.Second:
		return d.Round(10 * time.Millisecond)
	case d >= time.Millisecond:
		return d.Round(time.Millisecond)
	case d > 0:
		return d.Round(time.Microsecond)
	}
	return 0
}

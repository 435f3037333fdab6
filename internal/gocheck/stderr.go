package gocheck

import (
	"bufio"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ssmlint/ssmlint/finding"
	"github.com/ssmlint/ssmlint/internal/safefs"
)

// What go vet prints on stderr is never echoed: a compiler error can
// quote any file the build reads (a cgo #include, a //line target, a
// symbolic link's target, a module replaced by a directory outside the
// repository). Only two things are kept:
//
//   - "file.go:line:col: message" lines whose file (symbolic links
//     resolved) is inside the boundary: the message is about code in the
//     repository;
//   - the go command's own complaint, when nothing is positioned: the
//     first unpositioned line, when every path it names is inside the
//     boundary, cut at maxComplaint bytes.

// maxComplaint caps the go command's complaint quoted in an error.
const maxComplaint = 300

// vetStderr is what ssmlint takes from go vet's stderr.
type vetStderr struct {
	// positioned are the build errors in files inside the boundary,
	// their paths made absolute (relative ones are relative to dir).
	positioned []finding.Error
	// hidden counts positioned lines left out: their file is outside the
	// boundary.
	hidden int
	// complaint is the go command's first unpositioned line, "" when
	// there is none or it names a path outside the boundary.
	complaint string
	// noPackages is go's "matched no packages".
	noPackages bool
}

// readStderr sorts go vet's stderr into what may be reported.
func readStderr(dir, boundary, stderr string) vetStderr {
	var out vetStderr
	gate := safefs.Gate{Boundary: boundary}
	unpositioned := false
	sc := bufio.NewScanner(strings.NewReader(stderr))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		raw := sc.Text()
		line := strings.TrimPrefix(strings.TrimSpace(raw), "vet: ")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.Contains(line, "matched no packages") {
			out.noPackages = true
		}
		if e, ok := positioned(dir, line); ok {
			if _, err := gate.Resolve(e.Range.File); err != nil {
				out.hidden++
				continue
			}
			out.positioned = append(out.positioned, e)
			continue
		}
		// Continuation lines (indented) belong to the line before.
		if unpositioned || raw != strings.TrimLeft(raw, " \t") {
			continue
		}
		unpositioned = true
		if namesOnlyInside(dir, boundary, line) {
			out.complaint = clip(line, maxComplaint)
		}
	}
	return out
}

// positioned reads "file.go:line:col: message" (col optional).
func positioned(dir, line string) (finding.Error, bool) {
	i := strings.Index(line, ".go:")
	if i < 0 {
		return finding.Error{}, false
	}
	fields := strings.SplitN(line[i+len(".go:"):], ":", 3)
	if len(fields) < 2 {
		return finding.Error{}, false
	}
	l, err := strconv.Atoi(fields[0])
	if err != nil {
		return finding.Error{}, false
	}
	c, msg := 1, strings.TrimSpace(strings.Join(fields[1:], ":"))
	if len(fields) == 3 {
		if n, err := strconv.Atoi(fields[1]); err == nil {
			c, msg = n, strings.TrimSpace(fields[2])
		}
	}
	file := line[:i+len(".go")]
	if !filepath.IsAbs(file) {
		file = filepath.Join(dir, file)
	}
	pos := finding.Pos{Line: l, Column: c}
	return finding.Error{Range: finding.Range{File: file, Start: pos, End: pos}, Message: msg}, true
}

// namesOnlyInside reports whether every word of line that looks like a
// file path (starting with /, ./, ../ or ~) leads inside the boundary.
func namesOnlyInside(dir, boundary, line string) bool {
	for _, w := range strings.Fields(line) {
		w = strings.Trim(w, `"'()[]{},;:`)
		if !(strings.HasPrefix(w, "/") || strings.HasPrefix(w, "./") || strings.HasPrefix(w, "../") || strings.HasPrefix(w, "~")) {
			continue
		}
		if strings.HasPrefix(w, "~") {
			return false
		}
		if !filepath.IsAbs(w) {
			w = filepath.Join(dir, w)
		}
		if !insideBoundary(boundary, w) {
			return false
		}
	}
	return true
}

// insideBoundary reports whether path, symbolic links resolved as far as
// they resolve, is inside the boundary.
func insideBoundary(boundary, path string) bool {
	return safefs.Within(boundary, safefs.RealPath(path))
}

// clip cuts s to at most n bytes, at a rune boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

// failure is the error for a go vet that failed with nothing reportable:
// "go vet failed: " and go's complaint when it may be quoted, else the
// exit status.
func (s vetStderr) failure(runErr error) string {
	detail := s.complaint
	if detail == "" && runErr != nil {
		detail = runErr.Error()
	}
	if s.hidden > 0 {
		detail += fmt.Sprintf("; %d of its messages are about files outside the repository and are not shown", s.hidden)
	}
	return "go vet failed: " + detail
}

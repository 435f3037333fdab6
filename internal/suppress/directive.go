package suppress

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ssmlint/ssmlint/finding"
	"github.com/ssmlint/ssmlint/rules"
)

// parseDirective reads one comment's text (with its comment marker, "#" or
// "//", and without the line break) starting at start. It returns nil and
// no problems when the comment is not an ssmlint directive, a directive
// when it is a valid ignore, and problems when it is an invalid one.
func parseDirective(file, text string, start finding.Pos, lookup lookupFunc) (*directive, []Problem) {
	var body string
	switch {
	case strings.HasPrefix(text, "#"):
		body = text[1:]
	case strings.HasPrefix(text, "//"):
		body = text[2:]
	default:
		return nil, nil // block comments are not directives
	}
	off := len(text) - len(body)
	trimmed := strings.TrimLeftFunc(body, unicode.IsSpace)
	off += len(body) - len(trimmed)
	if !strings.HasPrefix(trimmed, Marker) {
		return nil, nil
	}
	rest := trimmed[len(Marker):]
	off += len(Marker)
	name := firstWord(rest)
	if name == "" {
		return nil, nil // "ssmlint: some prose"
	}

	whole := finding.Range{File: file, Start: start, End: advance(start, text)}
	problem := func(kind ProblemKind, rng finding.Range, format string, args ...any) []Problem {
		return []Problem{{Kind: kind, Severity: rules.Error, Range: rng, Message: fmt.Sprintf(format, args...)}}
	}
	marker := text[:len(text)-len(body)]
	example := marker + " ssmlint:ignore SSM201 -- <reason>"
	if name != "ignore" {
		return nil, problem(Malformed, whole, "unknown directive %q; the only directive is ssmlint:ignore, as in %q", Marker+name, example)
	}
	rest = rest[len(name):]
	off += len(name)

	list, reason, _ := strings.Cut(rest, "--")
	reason = strings.TrimSpace(reason)
	if strings.TrimSpace(list) == "" {
		return nil, problem(Malformed, whole, "ssmlint:ignore names no rule; write %q", example)
	}

	type item struct {
		text string
		off  int // byte offset in text
	}
	var items []item
	pos := off
	for _, part := range strings.Split(list, ",") {
		lead := len(part) - len(strings.TrimLeftFunc(part, unicode.IsSpace))
		t := strings.TrimSpace(part)
		if t != "" {
			items = append(items, item{t, pos + lead})
		}
		pos += len(part) + 1
	}
	listText := strings.TrimSpace(list)
	for _, it := range items {
		if strings.IndexFunc(it.text, unicode.IsSpace) >= 0 {
			if reason == "" {
				return nil, problem(MissingReason, whole, "ssmlint:ignore needs a reason after \" -- \": write %q", marker+" ssmlint:ignore "+firstWord(listText)+" -- <reason>")
			}
			return nil, problem(Malformed, whole, "ssmlint:ignore rules must be separated by commas, as in \"SSM201,SSM202\"")
		}
	}
	if reason == "" {
		return nil, problem(MissingReason, whole, "ssmlint:ignore needs a reason after \" -- \": write %q", marker+" ssmlint:ignore "+listText+" -- <reason>")
	}

	d := &directive{rng: whole, reason: reason}
	var problems []Problem
	seen := map[string]bool{}
	for _, it := range items {
		rs := advance(start, text[:it.off])
		rng := finding.Range{File: file, Start: rs, End: advance(rs, it.text)}
		r, ok := lookup(it.text)
		if !ok || r == nil {
			problems = append(problems, Problem{Kind: UnknownRule, Severity: rules.Error, Range: rng,
				Message: fmt.Sprintf("ssmlint:ignore names unknown rule %q (see \"ssmlint rules\" for the list)", it.text)})
			continue
		}
		if seen[r.ID] {
			continue
		}
		seen[r.ID] = true
		if r.ID == rules.IgnoreDirective.ID {
			d.mayBeUnused = true
		}
		d.rules = append(d.rules, &ruleRef{id: r.ID, text: it.text, rng: rng})
	}
	if len(d.rules) == 0 {
		return nil, problems
	}
	return d, problems
}

// advance returns the position after s, which starts at p and holds no
// line break.
func advance(p finding.Pos, s string) finding.Pos {
	return finding.Pos{Line: p.Line, Column: p.Column + utf8.RuneCountInString(s), Byte: p.Byte + len(s)}
}

// firstWord returns s up to its first white space.
func firstWord(s string) string {
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		return s[:i]
	}
	return s
}

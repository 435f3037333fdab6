package suppress

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/ssmlint/ssmlint/finding"
	"github.com/ssmlint/ssmlint/rules"
)

// golangci-lint's //nolint, read as golangci-lint v2 reads it (its
// nolint_filter processor): the comment text without its leading slashes
// and spaces starts with "nolint" followed by a space, a colon or nothing.
// "nolint" alone, "nolint // why" and "nolint:all…" cover every linter;
// otherwise the comma-separated names after the colon, up to a "//" that
// starts the reason, each trimmed and lower-cased, name linters. ssmlint
// takes the directive when it covers every linter or names ssmlint (the
// name golangci-lint gives a module plugin's findings).

// isNolint reports whether a // comment is a //nolint directive.
func isNolint(text string) bool {
	body := strings.TrimLeft(text, "/ ")
	rest, ok := strings.CutPrefix(body, "nolint")
	return ok && (rest == "" || rest[0] == ' ' || rest[0] == ':')
}

// parseNolint reads a //nolint directive. It returns nil when the
// directive names linters but not ssmlint; a name that is one of
// ssmlint's rules ("//nolint:ssm601") is a problem, since golangci-lint
// knows no such linter and applies the directive to nothing.
func parseNolint(file, text string, start finding.Pos, lookup lookupFunc) (*directive, []Problem) {
	body := strings.TrimLeft(text, "/ ")
	whole := finding.Range{File: file, Start: start, End: advance(start, text)}
	d := &directive{rng: whole, nolint: true}
	if _, reason, ok := strings.Cut(strings.TrimPrefix(body, "nolint"), "//"); ok {
		d.reason = strings.TrimSpace(reason)
	}
	every := []*ruleRef{{text: "all", rng: whole, quiet: true}}
	if strings.HasPrefix(body, "nolint:all") || !strings.HasPrefix(body, "nolint:") {
		d.rules = every
		return d, nil
	}
	list, _, _ := strings.Cut(body[len("nolint:"):], "//")
	off := len(text) - len(body) + len("nolint:")
	var problems []Problem
	for _, part := range strings.Split(list, ",") {
		lead := len(part) - len(strings.TrimLeftFunc(part, unicode.IsSpace))
		item := strings.TrimSpace(part)
		rs := advance(start, text[:off+lead])
		rng := finding.Range{File: file, Start: rs, End: advance(rs, item)}
		off += len(part) + 1
		name := strings.ToLower(item)
		switch {
		case name == "all":
			d.rules = every
			return d, problems
		case name == LinterName:
			if len(d.rules) == 0 {
				d.rules = append(d.rules, &ruleRef{text: item, rng: rng})
			}
		case item != "":
			if r, ok := lookup(item); ok && r != nil {
				problems = append(problems, Problem{Kind: Malformed, Severity: rules.Error, Range: rng,
					Message: fmt.Sprintf("//nolint:%s suppresses nothing: golangci-lint has no linter %q (all of ssmlint's rules are the one linter %q); write //nolint:%s, or //ssmlint:ignore %s -- <reason> for this rule alone", item, name, LinterName, LinterName, r.ID)})
			}
		}
	}
	if len(d.rules) == 0 {
		return nil, problems
	}
	return d, problems
}

package ssm601

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/ssmlint/ssmlint/analyzers/internal/ssmsdk"
	"github.com/ssmlint/ssmlint/internal/inventory"
	"github.com/ssmlint/ssmlint/internal/secretname"
)

// builtEvidence tells whether a name with unknown parts is a SecureString.
// The last segment must be known (a hole there could make it any name):
// then its words, or a SecureString of the inventory or of the program's
// puts whose name fits the pattern, say so.
func builtEvidence(inv *inventory.Inventory, puts map[string]string, n Name, extra []string) (ssmsdk.Evidence, bool) {
	if s, ok := n.text(); ok {
		return ssmsdk.SecureEvidence(inv, puts, s, false, extra...)
	}
	if n.has(partParam) {
		return ssmsdk.Evidence{}, false
	}
	last := n[len(n)-1]
	if last.Kind != partText {
		return ssmsdk.Evidence{}, false
	}
	// The text after the last unknown part: a "/" in it, or a separator
	// first, keeps the unknown part out of the last segment's words.
	tail := last.Text
	if !strings.Contains(tail, "/") && !strings.ContainsAny(tail[:1], "_-.") {
		return ssmsdk.Evidence{}, false
	}
	shown, _ := n.display()
	pattern := regexpOf(n)
	if inv != nil {
		for _, p := range inv.Parameters {
			if p.Type == "SecureString" && pattern.MatchString(p.Name) {
				return ssmsdk.Evidence{Name: p.Name, Reason: fmt.Sprintf("declared SecureString by %s at %s:%d (as %q)", p.Address, p.File, p.Line, p.Name)}, true
			}
		}
	}
	var found []string
	for name := range puts {
		if pattern.MatchString(name) {
			found = append(found, name)
		}
	}
	if len(found) > 0 {
		slices.Sort(found)
		return ssmsdk.Evidence{Name: found[0], Reason: fmt.Sprintf("put as SecureString at %s (as %q)", puts[found[0]], found[0])}, true
	}
	if w := secretname.Match(strings.TrimLeft(tail, "_-."), extra...); w != "" {
		return ssmsdk.Evidence{Name: shown, Reason: fmt.Sprintf("its name marks a secret (%q)", w)}, true
	}
	return ssmsdk.Evidence{}, false
}

// regexpOf matches the names n can be: its texts, anything non-empty for
// the unknown parts.
func regexpOf(n Name) *regexp.Regexp {
	var b strings.Builder
	b.WriteString("^")
	for _, p := range n {
		if p.Kind == partText {
			b.WriteString(regexp.QuoteMeta(p.Text))
		} else {
			b.WriteString(".+")
		}
	}
	b.WriteString("$")
	return regexp.MustCompile(b.String())
}

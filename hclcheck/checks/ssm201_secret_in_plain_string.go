package checks

import (
	"strings"

	"github.com/ssmlint/ssmlint/hclcheck"
	"github.com/ssmlint/ssmlint/internal/secretname"
)

// secretInPlainString reports String/StringList parameters whose name (or
// description) marks a secret.
func secretInPlainString(pass *hclcheck.Pass) {
	extra := stringsOption(pass.Option("extra_secret_words"))
	for _, p := range parameters(pass.Config) {
		if p.typ != typeString && p.typ != typeStringList {
			continue
		}
		// The last segment decides; it is often known even when a prefix
		// (an environment, a region) is not: "/${var.env}/db/password".
		word := ""
		if suffix, ok := hclcheck.KnownSuffix(p.nameAttr); ok && (p.name != "" || strings.Contains(suffix, "/")) {
			word = secretname.Match(suffix, extra...)
		}
		what := "name"
		if word == "" {
			if d, _, ok := hclcheck.AttrString(p.r.Body, "description"); ok {
				word, what = secretname.MatchText(d, extra...), "description"
			}
		}
		if word == "" {
			continue
		}
		pass.Report(p.r, hclcheck.At(p.r, p.typeAttr), "type",
			"%s is stored as plain %s, but its %s marks a secret (%q): anyone with ssm:GetParameter reads it in clear text, and it is not encrypted at rest",
			p.label(), p.typ, what, word)
	}
}

// stringsOption reads a []string option (YAML lists arrive as []any).
func stringsOption(v any) []string {
	switch v := v.(type) {
	case []string:
		return v
	case []any:
		var out []string
		for _, x := range v {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

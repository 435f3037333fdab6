package checks

import (
	"path/filepath"
	"regexp"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/ssmlint/ssmlint/hclcheck"
	"github.com/ssmlint/ssmlint/internal/secretname"
	"github.com/ssmlint/ssmlint/rules"
)

// secureStringLiteralValue reports SecureString parameters whose value is
// written in the configuration (a literal, a local, a non-sensitive
// variable default): the secret sits in version control and in state.
// Values from sensitive variables, tfvars or --var, resources (random
// passwords) and data sources are not reported. A literal kept only as a
// placeholder (lifecycle ignore_changes covers value) is at most info.
//
// The write-only value_wo is read like value: it keeps the secret out of
// state, not out of the repository, so a literal there is still an error
// (the message then speaks of version control only). A literal in value_wo
// under ignore_changes is the placeholder pattern with nothing left to
// improve, and is not reported.
func secureStringLiteralValue(pass *hclcheck.Pass) {
	for _, p := range parameters(pass.Config) {
		if p.typ != typeSecureString {
			continue
		}
		a := secureValueAttr(p)
		if a == nil {
			continue
		}
		v := a.Value()
		if !v.IsWhollyKnown() || v.IsNull() || isPlaceholderValue(v) {
			continue
		}
		writeOnly := a.Name == "value_wo"
		if at, ok := a.FromAutoTFVars(); ok {
			// terraform.tfvars and *.auto.tfvars sit in the repository:
			// a secret there is committed, sensitive variable or not.
			pass.Report(p.r, at, a.Name,
				"SecureString %s gets its %s from %s, a tfvars file Terraform loads automatically and that is committed with the configuration: the secret is in version control in clear text",
				p.label(), a.Name, filepath.Base(at.Filename))
			continue
		}
		if hclcheck.HasMark(v, hclcheck.MarkSensitiveVar) || hclcheck.HasMark(v, hclcheck.MarkInput) {
			continue
		}
		if ignoresChangesTo(p.r, a.Name) {
			if writeOnly {
				continue
			}
			f := pass.Report(p.r, hclcheck.At(p.r, a), a.Name,
				"%s has a literal placeholder value; lifecycle.ignore_changes keeps Terraform from resetting it, but the placeholder still sits in state: prefer value_wo", p.label())
			f.Severity = rules.Info
			continue
		}
		origin := "is written in the configuration"
		if name, ok := variableRef(a.Expr()); ok {
			origin = "comes from the default of non-sensitive var." + name
			if mi := p.r.Module; mi.Call != nil && mi.Call.Block.Body.Attributes[name] != nil {
				origin = "is passed in as a literal by " + mi.Addr
			}
		}
		if demo, ok := demoValue(v); ok {
			// "secret123123!!!", "Password1": an example's value, not a
			// secret anyone uses; worth a look, not a failed gate.
			f := pass.Report(p.r, hclcheck.At(p.r, a), a.Name,
				"SecureString %s has a literal %s that %s and looks like an example value (%q): if a real secret is ever put there, it is in version control in clear text", p.label(), a.Name, origin, demo)
			f.Severity = rules.Info
			continue
		}
		if writeOnly {
			f := pass.Report(p.r, hclcheck.At(p.r, a), a.Name,
				"SecureString %s has a write-only value_wo that %s: value_wo keeps the secret out of the Terraform state, but it is still in version control in clear text", p.label(), origin)
			f.Remediation = writeOnlyRemediation
			continue
		}
		pass.Report(p.r, hclcheck.At(p.r, a), a.Name,
			"SecureString %s has a value that %s: the secret is in version control and in the Terraform state in clear text", p.label(), origin)
	}
}

// placeholderWords are values people write where the real secret is set
// later (by hand, by CI, with ignore_changes): not secrets.
var placeholderWords = map[string]bool{
	"null": true, "none": true, "unset": true, "placeholder": true, "dummy": true,
	"changeme": true, "change_me": true, "change-me": true, "tbd": true, "todo": true,
	"replace_me": true, "replaceme": true, "replace-me": true, "-": true, "n/a": true, "na": true,
}

// isPlaceholderValue reports a value that holds no secret: an empty or
// blank string, a placeholder word (any case), or x's ("xxx", "XXXXXX").
func isPlaceholderValue(v cty.Value) bool {
	s, ok := hclcheck.String(v)
	if !ok {
		return false
	}
	return placeholderString(s) || placeholderDocument(s)
}

func placeholderString(s string) bool {
	s = strings.TrimSpace(s)
	if placeholderToken.MatchString(s) {
		return true
	}
	s = strings.ToLower(s)
	if s == "" || placeholderWords[s] {
		return true
	}
	return len(s) >= 3 && strings.Trim(s, "x") == ""
}

// placeholderToken matches the conventional stand-ins for a value to fill
// in: MY_SECRET_TOKEN, YOUR_API_KEY, <token>, <YOUR PASSWORD>.
var placeholderToken = regexp.MustCompile(`^(?:(?:MY|YOUR|INSERT|REPLACE|ENTER|PUT|SET)_[A-Z0-9_]+|[A-Z0-9_]*_(?:HERE|ME)|<[^<>]{1,40}>)$`)

// placeholderDocument reports a JSON document (an integration's webhook,
// a connection object) whose secret fields hold placeholders: some leaf
// is a placeholder, and no leaf under a key that names a secret
// (password, token, api_key) holds anything else.
func placeholderDocument(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) > 1<<16 || !(strings.HasPrefix(s, "{") || strings.HasPrefix(s, "[")) {
		return false
	}
	doc, err := hclcheck.ParseDocument(s, "JSON")
	if err != nil {
		return false
	}
	some, other := false, false
	var walk func(key string, n any)
	walk = func(key string, n any) {
		switch x := n.(type) {
		case map[string]any:
			for k, v := range x {
				walk(k, v)
			}
		case []any:
			for _, v := range x {
				walk(key, v)
			}
		case string:
			switch {
			case placeholderString(x):
				some = true
			case secretname.Match(key) != "":
				other = true
			}
		}
	}
	walk("", doc)
	return some && !other
}

// demoWords are what example values spell once digits and punctuation
// are taken out ("secret123123!!!", "Passw0rd!", "my-secret-value").
var demoWords = map[string]bool{
	"secret": true, "mysecret": true, "supersecret": true, "topsecret": true, "secretvalue": true,
	"password": true, "passwd": true, "pass": true, "mypassword": true, "examplepassword": true,
	"example": true, "sample": true, "demo": true, "test": true, "fake": true, "foo": true,
	"bar": true, "foobar": true, "value": true, "myvalue": true, "secretkey": true, "apikey": true,
	"token": true, "mytoken": true, "sensitive": true, "sensitivevalue": true, "hello": true, "helloworld": true,
}

// demoValue reports a literal that spells an example word: its letters,
// in lower case (0 read as o), are one of demoWords.
func demoValue(v cty.Value) (string, bool) {
	s, ok := hclcheck.String(v)
	if !ok || len(s) > 64 {
		return "", false
	}
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z':
			b.WriteRune(r)
		case r == '0' && b.Len() > 0:
			b.WriteRune('o')
		}
	}
	w := strings.TrimSuffix(b.String(), "o") // a trailing 0 was a digit
	return s, demoWords[b.String()] || demoWords[w]
}

// writeOnlyRemediation replaces the rule's remediation ("use value_wo")
// for a parameter that already uses it.
const writeOnlyRemediation = "Keep the literal out of value_wo: feed it from a sensitive or ephemeral variable with no default (set by CI), an ephemeral resource, or a generated value, and bump value_wo_version to apply a new one."

// secureValueAttr returns the argument that sets a SecureString's secret:
// value or its write-only form value_wo, whichever is set and not null.
func secureValueAttr(p parameter) *hclcheck.Attr {
	for _, n := range []string{"value", "value_wo"} {
		if a := p.r.Body.Attr(n); a != nil && !isNull(a) {
			return a
		}
	}
	return nil
}

// ignoresChangesTo reports `lifecycle { ignore_changes = [attr] }` (or
// `all`).
func ignoresChangesTo(r *hclcheck.Resource, attr string) bool {
	for _, lc := range r.Body.Blocks("lifecycle") {
		a := lc.Attr("ignore_changes")
		if a == nil {
			continue
		}
		switch e := a.Expr().(type) {
		case *hclsyntax.ScopeTraversalExpr:
			return e.Traversal.RootName() == "all"
		case *hclsyntax.TupleConsExpr:
			for _, x := range e.Exprs {
				if t, ok := x.(*hclsyntax.ScopeTraversalExpr); ok && t.Traversal.RootName() == attr {
					return true
				}
			}
		}
	}
	return false
}

// variableRef returns NAME when expr is exactly `var.NAME`.
func variableRef(expr hclsyntax.Expression) (string, bool) {
	t, ok := expr.(*hclsyntax.ScopeTraversalExpr)
	if !ok || len(t.Traversal) != 2 || t.Traversal.RootName() != "var" {
		return "", false
	}
	attr, ok := t.Traversal[1].(hcl.TraverseAttr)
	if !ok {
		return "", false
	}
	return attr.Name, true
}

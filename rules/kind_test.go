package rules

import (
	"net/url"
	"strings"
	"testing"
)

// withMeta is the catalog and SSM000, whichever way the catalog lists it.
func withMeta() []*Rule {
	all := All()
	for _, r := range all {
		if r == IgnoreDirective {
			return all
		}
	}
	return append(all, IgnoreDirective)
}

func TestKindAndPrecision(t *testing.T) {
	for _, r := range withMeta() {
		if strings.Contains(r.Kind.String(), "(") {
			t.Errorf("%s: invalid Kind %v", r.ID, r.Kind)
		}
		if strings.Contains(r.Precision.String(), "(") {
			t.Errorf("%s: invalid Precision %v", r.ID, r.Precision)
		}
	}
	// The judgements issue 14 names: money and hygiene are not security
	// findings, nor are calls that fail or skip pages; secrets in plain
	// text, over-broad permissions and unencrypted session logs are.
	for kind, rs := range map[Kind][]*Rule{
		Maintainability: {SSM301, SSM302, SSM303, IgnoreDirective},
		Reliability:     {SSM101, SSM203, SSM401, SSM602, SSM603, SSM609},
		Security:        {SSM107, SSM108, SSM201, SSM202, SSM207, SSM502, SSM605, SSM606},
	} {
		for _, r := range rs {
			if r.Kind != kind {
				t.Errorf("%s: Kind %v, want %v", r.ID, r.Kind, kind)
			}
		}
	}
	for _, tc := range []struct {
		p    Precision
		want string
	}{{PrecisionVeryHigh, "very-high"}, {PrecisionHigh, "high"}, {PrecisionMedium, "medium"}, {PrecisionLow, "low"}, {0, "precision(0)"}} {
		if got := tc.p.String(); got != tc.want {
			t.Errorf("Precision(%d).String() = %q, want %q", int(tc.p), got, tc.want)
		}
	}
	for _, tc := range []struct {
		k    Kind
		want string
	}{{Security, "security"}, {Reliability, "reliability"}, {Maintainability, "maintainability"}, {0, "kind(0)"}} {
		if got := tc.k.String(); got != tc.want {
			t.Errorf("Kind(%d).String() = %q, want %q", int(tc.k), got, tc.want)
		}
	}
}

// publicDocs are the hosts a Source may point at: AWS's documentation and
// pricing pages, and the Terraform AWS provider's documentation for its
// defaults.
var publicDocs = map[string]bool{
	"docs.aws.amazon.com":   true,
	"aws.amazon.com":        true,
	"registry.terraform.io": true,
}

// TestSourcesArePublic checks that every rule cites public documentation
// only, at least one AWS page among it, and that no text shown to users
// refers to private notes.
func TestSourcesArePublic(t *testing.T) {
	private := []string{"seed notes", "ssm-facts", "ssm-operations-notes", ".ja.md"}
	for _, r := range withMeta() {
		aws := false
		for _, s := range r.Sources {
			u, err := url.Parse(s.URL)
			if err != nil || u.Scheme != "https" || !publicDocs[u.Host] {
				t.Errorf("%s: source %q is not an https address of public documentation", r.ID, s.URL)
				continue
			}
			if u.Host == "docs.aws.amazon.com" {
				aws = true
			}
			if s.Title == "" || strings.Contains(s.Title, "://") {
				t.Errorf("%s: source %s needs a human title, not %q", r.ID, s.URL, s.Title)
			}
			if got := s.String(); got != s.Title+": "+s.URL {
				t.Errorf("%s: Source.String() = %q", r.ID, got)
			}
		}
		if !aws && r != IgnoreDirective {
			t.Errorf("%s cites no AWS documentation page", r.ID)
		}
		texts := []string{r.Summary, r.Rationale, r.Remediation, r.Bad, r.Good}
		for _, o := range r.Options {
			texts = append(texts, o.Description)
		}
		for _, s := range r.Sources {
			texts = append(texts, s.Title)
		}
		for _, text := range texts {
			for _, p := range private {
				if strings.Contains(strings.ToLower(text), p) {
					t.Errorf("%s refers to private notes (%q) in %q", r.ID, p, text)
				}
			}
		}
	}
}

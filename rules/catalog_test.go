package rules

import (
	"go/format"
	"go/parser"
	"go/token"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// specRule is one row of the tables in RULES.md.
type specRule struct {
	id, name string
	severity Severity
}

// spec is copied from the tables of RULES.md (the product spec): the
// catalog must hold exactly these rules, with these names and severities.
var spec = []specRule{
	// SSM000 is the rule about ssmlint's own suppression comments.
	{"SSM000", "ignore-directive", Warning},
	{"SSM101", "missing-ssm-endpoints", Error},
	{"SSM102", "endpoint-private-dns-disabled", Error},
	{"SSM103", "endpoint-sg-no-https-ingress", Error},
	{"SSM104", "instance-no-https-egress", Error},
	{"SSM105", "endpoint-type-not-interface", Error},
	{"SSM106", "instance-profile-missing-ssm-core", Error},
	{"SSM107", "deprecated-ssm-role-policy", Warning},
	{"SSM108", "ssh-open-to-world", Warning},
	{"SSM109", "endpoint-az-gap", Warning},
	{"SSM110", "missing-ec2messages-endpoint", Warning},
	{"SSM111", "missing-supporting-endpoint", Warning},
	{"SSM201", "secret-in-plain-string", Error},
	{"SSM202", "securestring-literal-value", Error},
	{"SSM203", "invalid-parameter-name", Error},
	{"SSM204", "parameter-value-too-large", Error},
	{"SSM205", "iam-missing-kms-decrypt", Error},
	{"SSM206", "iam-missing-parameter-read", Error},
	{"SSM207", "iam-ssm-wildcard", Warning},
	{"SSM208", "iam-parameter-arn-malformed", Error},
	{"SSM209", "rotation-candidate", Info},
	{"SSM301", "advanced-tier-waste", Warning},
	{"SSM302", "high-throughput-enabled", Warning},
	{"SSM303", "session-log-no-retention", Warning},
	{"SSM401", "patch-baseline-no-approval", Error},
	{"SSM402", "patch-baseline-slow-approval", Warning},
	{"SSM403", "patch-group-unmatched", Error},
	{"SSM404", "maintenance-window-target-unmatched", Error},
	{"SSM405", "maintenance-window-cutoff", Error},
	{"SSM406", "maintenance-window-scan-only", Info},
	{"SSM407", "maintenance-window-disabled", Warning},
	{"SSM501", "session-logging-missing", Warning},
	{"SSM502", "session-logging-unencrypted", Warning},
	{"SSM503", "command-output-not-saved", Info},
	{"SSM601", "getparameter-missing-decryption", Error},
	{"SSM602", "unpaginated-parameter-list", Warning},
	{"SSM603", "getparameters-too-many-names", Error},
	{"SSM604", "invalid-parameter-name-go", Error},
	{"SSM605", "hardcoded-securestring-value", Error},
	{"SSM606", "plaintext-secret-put", Error},
	{"SSM607", "unknown-parameter", Warning},
	{"SSM608", "invalid-parameters-ignored", Warning},
	{"SSM609", "pages-callback-stops-early", Error},
}

var (
	idPattern         = regexp.MustCompile(`^SSM(000|[1-6][0-9]{2})$`)
	kebabPattern      = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)
	optionNamePattern = regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`)
)

func TestCatalogMatchesSpec(t *testing.T) {
	all := All()
	if len(all) != len(spec) {
		t.Errorf("catalog has %d rules, RULES.md has %d", len(all), len(spec))
	}
	byID := make(map[string]*Rule)
	for _, r := range all {
		byID[r.ID] = r
	}
	for _, want := range spec {
		r, ok := byID[want.id]
		if !ok {
			t.Errorf("%s (%s) from RULES.md is missing from the catalog", want.id, want.name)
			continue
		}
		if r.Name != want.name {
			t.Errorf("%s: name %q, RULES.md says %q", r.ID, r.Name, want.name)
		}
		if r.Severity != want.severity {
			t.Errorf("%s: severity %v, RULES.md says %v", r.ID, r.Severity, want.severity)
		}
		delete(byID, want.id)
	}
	for id := range byID {
		t.Errorf("%s is in the catalog but not in RULES.md", id)
	}
}

func TestCatalogIdentity(t *testing.T) {
	all := All()
	ids := make(map[string]bool)
	names := make(map[string]bool)
	for _, r := range all {
		if !idPattern.MatchString(r.ID) {
			t.Errorf("ID %q does not match %s", r.ID, idPattern)
		}
		if ids[r.ID] {
			t.Errorf("duplicate ID %s", r.ID)
		}
		ids[r.ID] = true
		if !kebabPattern.MatchString(r.Name) {
			t.Errorf("%s: name %q is not kebab-case", r.ID, r.Name)
		}
		if names[r.Name] {
			t.Errorf("%s: duplicate name %q", r.ID, r.Name)
		}
		names[r.Name] = true
		if r.Severity != Info && r.Severity != Warning && r.Severity != Error {
			t.Errorf("%s: invalid severity %v", r.ID, r.Severity)
		}
	}
	if !slices.IsSortedFunc(all, func(a, b *Rule) int { return strings.Compare(a.ID, b.ID) }) {
		t.Error("All() is not sorted by ID")
	}
}

func TestCatalogText(t *testing.T) {
	for _, r := range All() {
		fields := map[string]string{
			"Summary":     r.Summary,
			"Rationale":   r.Rationale,
			"Bad":         r.Bad,
			"Good":        r.Good,
			"Language":    r.Language,
			"Remediation": r.Remediation,
		}
		for name, v := range fields {
			if strings.TrimSpace(v) == "" {
				t.Errorf("%s: %s is empty", r.ID, name)
			}
		}
		for name, v := range map[string]string{"Summary": r.Summary, "Rationale": r.Rationale, "Remediation": r.Remediation} {
			if strings.ContainsAny(v, "\n\r") || v != strings.TrimSpace(v) {
				t.Errorf("%s: %s must be one line without surrounding space", r.ID, name)
			}
			if !strings.HasSuffix(v, ".") {
				t.Errorf("%s: %s must end with a period", r.ID, name)
			}
		}
		if strings.Count(r.Summary, ". ") > 0 {
			t.Errorf("%s: Summary must be one sentence: %q", r.ID, r.Summary)
		}
		if r.Bad == r.Good {
			t.Errorf("%s: Bad and Good examples are the same", r.ID)
		}
		if len(r.Sources) == 0 && r != IgnoreDirective { // SSM000 is about ssmlint itself
			t.Errorf("%s: no Sources", r.ID)
		}
		for _, s := range r.Sources {
			if strings.TrimSpace(s.Title) == "" || strings.TrimSpace(s.URL) == "" {
				t.Errorf("%s: source without a title or an address: %+v", r.ID, s)
			}
		}
	}
}

func TestCatalogOptions(t *testing.T) {
	for _, r := range All() {
		seen := make(map[string]bool)
		for _, o := range r.Options {
			if !optionNamePattern.MatchString(o.Name) {
				t.Errorf("%s: option name %q is not snake_case", r.ID, o.Name)
			}
			if seen[o.Name] {
				t.Errorf("%s: duplicate option %q", r.ID, o.Name)
			}
			seen[o.Name] = true
			if strings.TrimSpace(o.Description) == "" {
				t.Errorf("%s: option %s has no description", r.ID, o.Name)
			}
			switch o.Default.(type) {
			case int, float64, string, bool, []string:
			default:
				t.Errorf("%s: option %s has default %#v of unsupported type %T", r.ID, o.Name, o.Default, o.Default)
			}
		}
	}
	if got := SSM402.OptionDefault("max_approve_after_days"); got != 14 {
		t.Errorf("SSM402 max_approve_after_days default = %#v, want 14", got)
	}
	if got := SSM301.OptionDefault("monthly_cost_per_parameter"); got != 0.05 {
		t.Errorf("SSM301 monthly_cost_per_parameter default = %#v, want 0.05", got)
	}
	for _, r := range []*Rule{SSM201, SSM601, SSM606} {
		if _, ok := r.OptionDefault("extra_secret_words").([]string); !ok {
			t.Errorf("%s: extra_secret_words default is not a []string", r.ID)
		}
	}
	// The rules sharing the secret vocabulary must not share option slices:
	// a caller that changes one rule's options must not change another's.
	if &SSM201.Options[0] == &SSM606.Options[0] {
		t.Error("SSM201 and SSM606 share their Options slice")
	}
}

// TestCatalogExamples checks that every example parses, and that the Go
// examples are gofmt-formatted, so that the docs show real code.
func TestCatalogExamples(t *testing.T) {
	for _, r := range All() {
		wantLang := "hcl"
		if strings.HasPrefix(r.ID, "SSM6") {
			wantLang = "go"
		}
		if r.Language != wantLang {
			t.Errorf("%s: Language %q, want %q", r.ID, r.Language, wantLang)
			continue
		}
		for kind, src := range map[string]string{"Bad": r.Bad, "Good": r.Good} {
			if strings.HasPrefix(src, "\n") || !strings.HasSuffix(src, "\n") || strings.HasSuffix(src, "\n\n") {
				t.Errorf("%s: %s example must start with code and end with exactly one newline", r.ID, kind)
			}
			switch r.Language {
			case "hcl":
				checkHCL(t, r.ID+"."+kind, src)
			case "go":
				checkGo(t, r.ID+"."+kind, src)
			}
		}
	}
}

func checkHCL(t *testing.T, name, src string) {
	t.Helper()
	if _, diags := hclsyntax.ParseConfig([]byte(src), name+".tf", hcl.InitialPos); diags.HasErrors() {
		t.Errorf("%s does not parse: %s", name, diags.Error())
	}
}

func checkGo(t *testing.T, name, src string) {
	t.Helper()
	const header = "package example\n\n"
	file := header + src
	if _, err := parser.ParseFile(token.NewFileSet(), name+".go", file, parser.ParseComments); err != nil {
		t.Errorf("%s does not parse: %v", name, err)
		return
	}
	formatted, err := format.Source([]byte(file))
	if err != nil {
		t.Errorf("%s: gofmt: %v", name, err)
		return
	}
	if string(formatted) != file {
		t.Errorf("%s is not gofmt-formatted; gofmt gives:\n%s", name, strings.TrimPrefix(string(formatted), header))
	}
}

func TestAllReturnsNewSlice(t *testing.T) {
	first := All()
	first[0] = nil
	if All()[0] == nil {
		t.Error("All() returned a slice shared between calls")
	}
}

func TestLookup(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want *Rule
	}{
		{"SSM201", SSM201},
		{"ssm201", SSM201},
		{"Ssm609", SSM609},
		{"secret-in-plain-string", SSM201},
		{"SECRET-IN-PLAIN-STRING", SSM201},
		{"missing-ssm-endpoints", SSM101},
	} {
		got, ok := Lookup(tc.in)
		if !ok || got != tc.want {
			t.Errorf("Lookup(%q) = %v, %v; want %s", tc.in, got, ok, tc.want.ID)
		}
	}
	for _, in := range []string{"", "SSM999", "SSM2011", "secret", " SSM201", "secret_in_plain_string"} {
		if got, ok := Lookup(in); ok {
			t.Errorf("Lookup(%q) = %s, want not found", in, got.ID)
		}
	}
	for _, r := range All() {
		if got, ok := Lookup(r.ID); !ok || got != r {
			t.Errorf("Lookup(%q) does not find the rule", r.ID)
		}
		if got, ok := Lookup(r.Name); !ok || got != r {
			t.Errorf("Lookup(%q) does not find %s", r.Name, r.ID)
		}
	}
}

func TestExpand(t *testing.T) {
	ids := func(rs []*Rule) string {
		var out []string
		for _, r := range rs {
			out = append(out, r.ID)
		}
		return strings.Join(out, ",")
	}
	for _, tc := range []struct{ in, want string }{
		{"SSM6", "SSM601,SSM602,SSM603,SSM604,SSM605,SSM606,SSM607,SSM608,SSM609"},
		{"ssm3", "SSM301,SSM302,SSM303"},
		{"SSM5", "SSM501,SSM502,SSM503"},
		{"SSM201", "SSM201"},
		{"secret-in-plain-string", "SSM201"},
		{"SSM0", "SSM000"},
	} {
		got, ok := Expand(tc.in)
		if !ok || ids(got) != tc.want {
			t.Errorf("Expand(%q) = %s, %v; want %s", tc.in, ids(got), ok, tc.want)
		}
	}
	for _, in := range []string{"", "SSM", "SSM9", "SSM60", "SSM6x", "SSX6", "6", " SSM6"} {
		if got, ok := Expand(in); ok {
			t.Errorf("Expand(%q) = %s, want not found", in, ids(got))
		}
	}
	// Every rule is in the group of its first digit.
	for _, r := range All() {
		group, _ := Expand(r.ID[:4])
		if !slices.Contains(group, r) {
			t.Errorf("%s is not in group %s", r.ID, r.ID[:4])
		}
	}
}

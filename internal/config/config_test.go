package config

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/ssmlint/ssmlint/internal/suggest"
	"github.com/ssmlint/ssmlint/rules"
)

// Test rules with one option of each supported type, so the tests do not
// depend on the real catalog's contents.
var (
	ruleSecret = &rules.Rule{ID: "SSM201", Name: "secret-in-plain-string", Severity: rules.Error}
	ruleSlow   = &rules.Rule{ID: "SSM402", Name: "patch-baseline-slow-approval", Severity: rules.Warning,
		Options: []rules.Option{{Name: "max_approve_after_days", Default: 14}}}
	ruleTyped = &rules.Rule{ID: "SSM999", Name: "typed-options", Severity: rules.Info,
		Options: []rules.Option{
			{Name: "ratio", Default: 0.5},
			{Name: "label", Default: "x"},
			{Name: "strict", Default: false},
			{Name: "suffixes", Default: []string{"_arn"}},
		}}
)

func testLookup(s string) (*rules.Rule, bool) {
	for _, r := range []*rules.Rule{ruleSecret, ruleSlow, ruleTyped} {
		if r.ID == s || r.Name == s {
			return r, true
		}
	}
	return nil, false
}

// errorLines renders each positioned error as "line:col: message".
func errorLines(err error) []string {
	var out []string
	for _, e := range Positions(err) {
		out = append(out, strings.TrimPrefix(e.Error(), e.File+":"))
	}
	return out
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string // "line:col: message", in order
	}{
		{
			name: "unknown top-level key with suggestion",
			src:  "version: 1\nfail-on: error\n",
			want: []string{`2:1: unknown key "fail-on" in the configuration (did you mean "fail_on"?)`},
		},
		{
			name: "unknown top-level key without suggestion",
			src:  "version: 1\nbananas: 3\n",
			want: []string{`2:1: unknown key "bananas" in the configuration (known keys: version, fail_on, max_file_size, exclude, variables, all_instances_managed, default_host_management, package_roles, consumers, go, rules)`},
		},
		{
			name: "missing version",
			src:  "fail_on: error\n",
			want: []string{`1:1: missing "version: 1" (the configuration schema version)`},
		},
		{
			name: "wrong version",
			src:  "version: 2\n",
			want: []string{`1:10: unsupported configuration version 2 (this ssmlint reads version 1)`},
		},
		{
			name: "version as string",
			src:  "version: \"1\"\n",
			want: []string{`1:10: version must be the integer 1, got the string "1"`},
		},
		{
			name: "empty file",
			src:  "",
			want: []string{`1:1: empty configuration: it needs at least "version: 1"`},
		},
		{
			name: "comments only",
			src:  "# nothing here\n",
			want: []string{`1:1: empty configuration: it needs at least "version: 1"`},
		},
		{
			name: "top level is a list",
			src:  "- version: 1\n",
			want: []string{`1:1: the configuration must be a mapping, got a list`},
		},
		{
			name: "bad fail_on",
			src:  "version: 1\nfail_on: fatal\n",
			want: []string{`2:10: fail_on: unknown severity "fatal" (want error, warning or info)`},
		},
		{
			name: "unknown rule ID",
			src:  "version: 1\nrules:\n  SSM999x: {enabled: false}\n",
			want: []string{`3:3: unknown rule "SSM999x" (see "ssmlint rules" for the list)`},
		},
		{
			name: "rule configured twice by ID and name",
			src:  "version: 1\nrules:\n  SSM201: {enabled: false}\n  secret-in-plain-string: {enabled: true}\n",
			want: []string{`4:3: rule SSM201 is configured twice (first as "SSM201" at line 3)`},
		},
		{
			name: "duplicate yaml key",
			src:  "version: 1\nversion: 1\n",
			want: []string{`2:1: duplicate key "version" in the configuration (first at line 1)`},
		},
		{
			name: "unknown key in rule entry",
			src:  "version: 1\nrules:\n  SSM201: {enable: false}\n",
			want: []string{`3:12: unknown key "enable" in rule SSM201 (did you mean "enabled"?)`},
		},
		{
			name: "rule entry is not a mapping",
			src:  "version: 1\nrules:\n  SSM201: false\n",
			want: []string{`3:11: rule SSM201 must be a mapping, got false`},
		},
		{
			name: "enabled not a bool",
			src:  "version: 1\nrules:\n  SSM201:\n    enabled: \"no\"\n",
			want: []string{`4:14: SSM201.enabled must be true or false, got the string "no"`},
		},
		{
			name: "bad rule severity with hint",
			src:  "version: 1\nrules:\n  SSM201: {severity: off}\n",
			want: []string{`3:22: SSM201.severity: unknown severity "off" (want error, warning or info); to turn a rule off write "enabled: false"`},
		},
		{
			name: "unknown option with suggestion",
			src:  "version: 1\nrules:\n  SSM402:\n    options:\n      max_approve_after_day: 7\n",
			want: []string{`5:7: unknown option "max_approve_after_day" for rule SSM402 (did you mean "max_approve_after_days"?)`},
		},
		{
			name: "option on a rule without options",
			src:  "version: 1\nrules:\n  SSM201: {options: {x: 1}}\n",
			want: []string{`3:22: unknown option "x": rule SSM201 has no options`},
		},
		{
			name: "int option given a string",
			src:  "version: 1\nrules:\n  SSM402: {options: {max_approve_after_days: \"7d\"}}\n",
			want: []string{`3:46: option "max_approve_after_days" of rule SSM402 must be an integer, got the string "7d"`},
		},
		{
			name: "int option given a float",
			src:  "version: 1\nrules:\n  SSM402: {options: {max_approve_after_days: 7.5}}\n",
			want: []string{`3:46: option "max_approve_after_days" of rule SSM402 must be an integer, got the number 7.5`},
		},
		{
			name: "typed options all wrong",
			src: "version: 1\nrules:\n  typed-options:\n    options:\n" +
				"      ratio: high\n      label: 3\n      strict: yes\n      suffixes: [_arn, 4]\n",
			want: []string{
				`5:14: option "ratio" of rule SSM999 must be a number, got the string "high"`,
				`6:14: option "label" of rule SSM999 must be a string, got the integer 3`,
				`7:15: option "strict" of rule SSM999 must be true or false, got the string "yes"`,
				`8:24: option "suffixes" of rule SSM999 must be a list of strings, got the integer 4 in the list`,
			},
		},
		{
			name: "bad glob",
			src:  "version: 1\nexclude:\n  - \"ok/**\"\n  - \"a/[b\"\n",
			want: []string{`4:5: bad exclude pattern "a/[b": malformed pattern segment "[b" (unclosed [ or trailing \)`},
		},
		{
			name: "absolute glob",
			src:  "version: 1\nexclude: [/etc/**]\n",
			want: []string{`2:11: bad exclude pattern "/etc/**": exclude pattern must be relative to the configuration file's directory, not absolute`},
		},
		{
			name: "dotdot glob",
			src:  "version: 1\nexclude: [../x]\n",
			want: []string{`2:11: bad exclude pattern "../x": exclude pattern must not contain ".." (it cannot match anything below the configuration file's directory)`},
		},
		{
			name: "exclude not a list",
			src:  "version: 1\nexclude: \"a/**\"\n",
			want: []string{`2:10: exclude must be a list of path patterns, got the string "a/**"`},
		},
		{
			name: "bad max_file_size",
			src:  "version: 1\nmax_file_size: 10 parsecs\n",
			want: []string{`2:16: max_file_size must be a positive size such as 10MB, 512KB or a number of bytes, got the string "10 parsecs"`},
		},
		{
			name: "negative max_file_size",
			src:  "version: 1\nmax_file_size: -5\n",
			want: []string{`2:16: max_file_size must be a positive size such as 10MB, 512KB or a number of bytes, got the integer -5`},
		},
		{
			name: "max_file_size over the bound",
			src:  "version: 1\nmax_file_size: 2TB\n",
			want: []string{`2:16: max_file_size must be at most 256MB (ssmlint holds each file it reads in memory), got the string "2TB"`},
		},
		{
			name: "max_file_size just over the bound",
			src:  "version: 1\nmax_file_size: 257MB\n",
			want: []string{`2:16: max_file_size must be at most 256MB (ssmlint holds each file it reads in memory), got the string "257MB"`},
		},
		{
			name: "bad variable name",
			src:  "version: 1\nvariables:\n  \"my var\": 1\n",
			want: []string{`3:3: "my var" is not a valid Terraform variable name`},
		},
		{
			name: "all_instances_managed not bool",
			src:  "version: 1\nall_instances_managed: yes\n",
			want: []string{`2:24: all_instances_managed must be true or false, got the string "yes"`},
		},
		{
			name: "go not bool",
			src:  "version: 1\ngo: off\n",
			want: []string{`2:5: go must be true or false, got the string "off"`},
		},
		{
			name: "package role not a string",
			src:  "version: 1\npackage_roles:\n  example.com/app: [a]\n",
			want: []string{`3:20: package_roles.example.com/app must be a string, got a list`},
		},
		{
			name: "several errors, sorted by position",
			src:  "version: 3\nrules:\n  SSM201: {enabled: maybe}\n  nope: {}\nfail_on: loud\n",
			want: []string{
				`1:10: unsupported configuration version 3 (this ssmlint reads version 1)`,
				`3:21: SSM201.enabled must be true or false, got the string "maybe"`,
				`4:3: unknown rule "nope" (see "ssmlint rules" for the list)`,
				`5:10: fail_on: unknown severity "loud" (want error, warning or info)`,
			},
		},
		{
			name: "syntax error has a line",
			src:  "version: 1\nrules: [\n",
			want: []string{`2: invalid YAML: did not find expected node content`},
		},
		{
			name: "tab indentation",
			src:  "version: 1\nrules:\n\tSSM201: {}\n",
			want: []string{`3: invalid YAML: found character that cannot start any token`},
		},
		{
			name: "two documents",
			src:  "version: 1\n---\nversion: 1\n",
			want: []string{`2:1: configuration must be a single YAML document`},
		},
		{
			name: "alias refused",
			src:  "version: 1\nexclude: &ex [\"a/**\"]\nvariables:\n  x: *ex\n",
			want: []string{`4:6: YAML aliases (*ex) are not allowed in the configuration; write the value out`},
		},
		{
			name: "merge key alias refused",
			src:  "version: 1\nrules:\n  SSM201: &base {enabled: false}\n  SSM402:\n    <<: *base\n",
			want: []string{`5:9: YAML aliases (*base) are not allowed in the configuration; write the value out`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := parse("dir/.ssmlint.yml", []byte(tt.src), testLookup)
			if err == nil {
				t.Fatalf("parse succeeded (%+v), want errors %q", cfg, tt.want)
			}
			if cfg != nil {
				t.Errorf("parse returned a config along with errors")
			}
			got := errorLines(err)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("errors:\n got  %q\n want %q", got, tt.want)
			}
			for _, e := range Positions(err) {
				if e.File != "dir/.ssmlint.yml" {
					t.Errorf("error file = %q", e.File)
				}
			}
			// The joined error's text lists every positioned error.
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), "dir/.ssmlint.yml:"+w) {
					t.Errorf("err.Error() = %q lacks %q", err.Error(), w)
				}
			}
		})
	}
}

func TestParseValid(t *testing.T) {
	src := `# ssmlint configuration
version: 1
fail_on: warning
max_file_size: 512KB
exclude: ["examples/legacy/**", "**/*_test.tf"]
variables:
  region: eu-west-1
  azs: [eu-west-1a, eu-west-1b]
  count: 3
  ratio: 0.5
  on: true
  tags: {team: ops}
  empty: null
all_instances_managed: true
default_host_management: true
package_roles:
  example.com/app/cmd/api/...: aws_iam_role.api
rules:
  SSM201: {enabled: false}
  patch-baseline-slow-approval: {severity: error, options: {max_approve_after_days: 7}}
  SSM999:
    options:
      ratio: 2
      label: hello
      strict: true
      suffixes: [_id, _url]
`
	cfg, err := parse("/repo/.ssmlint.yml", []byte(src), testLookup)
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	if cfg.Version != 1 || cfg.FailOn != rules.Warning || cfg.MaxFileSize != 512<<10 || cfg.FileSizeLimit() != 512<<10 {
		t.Errorf("version/fail_on/max_file_size = %d %v %d", cfg.Version, cfg.FailOn, cfg.MaxFileSize)
	}
	if cfg.Dir != "/repo" || cfg.File != "/repo/.ssmlint.yml" {
		t.Errorf("File, Dir = %q, %q", cfg.File, cfg.Dir)
	}
	if !cfg.AllInstancesManaged || !cfg.DefaultHostManagement {
		t.Errorf("AllInstancesManaged, DefaultHostManagement = %v, %v", cfg.AllInstancesManaged, cfg.DefaultHostManagement)
	}
	wantVars := map[string]any{
		"region": "eu-west-1",
		"azs":    []any{"eu-west-1a", "eu-west-1b"},
		"count":  3,
		"ratio":  0.5,
		"on":     true,
		"tags":   map[string]any{"team": "ops"},
		"empty":  nil,
	}
	if !reflect.DeepEqual(cfg.Variables, wantVars) {
		t.Errorf("Variables = %#v\nwant %#v", cfg.Variables, wantVars)
	}
	if got := cfg.PackageRoles["example.com/app/cmd/api/..."]; got != "aws_iam_role.api" {
		t.Errorf("PackageRoles = %v", cfg.PackageRoles)
	}
	if !reflect.DeepEqual(cfg.Exclude, []string{"examples/legacy/**", "**/*_test.tf"}) {
		t.Errorf("Exclude = %q", cfg.Exclude)
	}

	// Accessors.
	if cfg.RuleEnabled(ruleSecret, true) {
		t.Error("SSM201 should be disabled")
	}
	if !cfg.RuleEnabled(ruleSlow, true) || cfg.RuleEnabled(ruleSlow, false) {
		t.Error("SSM402 has no enabled setting: RuleEnabled must return the default")
	}
	if got := cfg.Severity(ruleSlow); got != rules.Error {
		t.Errorf("Severity(SSM402) = %v, want error (configured by name)", got)
	}
	if got := cfg.Severity(ruleSecret); got != rules.Error {
		t.Errorf("Severity(SSM201) = %v, want catalog default", got)
	}
	if got := cfg.Option(ruleSlow, "max_approve_after_days"); got != 7 {
		t.Errorf("Option = %#v, want 7", got)
	}
	if got := cfg.OptionInt(ruleSlow, "max_approve_after_days"); got != 7 {
		t.Errorf("OptionInt = %d", got)
	}
	if got := cfg.Option(ruleTyped, "ratio"); got != 2.0 {
		t.Errorf("float option given an integer = %#v, want float64(2)", got)
	}
	if cfg.OptionString(ruleTyped, "label") != "hello" || !cfg.OptionBool(ruleTyped, "strict") ||
		!reflect.DeepEqual(cfg.OptionStrings(ruleTyped, "suffixes"), []string{"_id", "_url"}) ||
		cfg.OptionFloat(ruleTyped, "ratio") != 2 {
		t.Errorf("typed options = %#v", cfg.Rules["SSM999"].Options)
	}
	if got := cfg.Option(ruleSlow, "no_such_option"); got != nil {
		t.Errorf("unknown option = %#v, want nil", got)
	}
}

func TestDefaults(t *testing.T) {
	minimal, err := parse("x/.ssmlint.yml", []byte("version: 1\n"), testLookup)
	if err != nil {
		t.Fatal(err)
	}
	for name, cfg := range map[string]*Config{"nil": nil, "zero": {}, "minimal": minimal} {
		t.Run(name, func(t *testing.T) {
			if !cfg.RuleEnabled(ruleSecret, true) || cfg.RuleEnabled(ruleSecret, false) {
				t.Error("RuleEnabled must return the default")
			}
			if cfg.Severity(ruleSlow) != rules.Warning {
				t.Error("Severity must be the catalog severity")
			}
			if cfg.Option(ruleSlow, "max_approve_after_days") != 14 || cfg.OptionInt(ruleSlow, "max_approve_after_days") != 14 {
				t.Error("Option must be the catalog default")
			}
			if cfg.OptionFloat(ruleTyped, "ratio") != 0.5 || !reflect.DeepEqual(cfg.OptionStrings(ruleTyped, "suffixes"), []string{"_arn"}) {
				t.Error("typed defaults")
			}
			if cfg.Excluded("a/b.tf") || cfg.ExcludedPath("/a/b.tf") {
				t.Error("nothing is excluded by default")
			}
			if cfg.FileSizeLimit() != DefaultMaxFileSize {
				t.Errorf("FileSizeLimit = %d", cfg.FileSizeLimit())
			}
		})
	}
}

// "go: false" turns the Go side off; true and no key leave it on.
func TestGoKey(t *testing.T) {
	for src, skip := range map[string]bool{
		"version: 1\ngo: false\n": true,
		"version: 1\ngo: true\n":  false,
		"version: 1\n":            false,
	} {
		cfg, err := parse("x/.ssmlint.yml", []byte(src), testLookup)
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		if cfg.SkipGo != skip {
			t.Errorf("%q: SkipGo = %v, want %v", src, cfg.SkipGo, skip)
		}
	}
}

func TestMaxFileSize(t *testing.T) {
	tests := map[string]int64{
		"10MB": 10 << 20, "512KB": 512 << 10, "256MiB": 256 << 20, "100 kb": 100 << 10,
		"2048": 2048, "2048B": 2048, "1_000_000": 1000000, "0x400": 1024, "\"4096\"": 4096,
	}
	for in, want := range tests {
		cfg, err := parse("c.yml", []byte("version: 1\nmax_file_size: "+in+"\n"), testLookup)
		if err != nil {
			t.Errorf("%s: %v", in, err)
			continue
		}
		if cfg.MaxFileSize != want {
			t.Errorf("%s: MaxFileSize = %d, want %d", in, cfg.MaxFileSize, want)
		}
	}
	for _, in := range []string{"0", "0MB", "MB", "1.5MB", "99999999999999GB", "1GiB", "268435457", "true", "[1]"} {
		if _, err := parse("c.yml", []byte("version: 1\nmax_file_size: "+in+"\n"), testLookup); err == nil {
			t.Errorf("%s: want error", in)
		}
	}
}

func TestExcluded(t *testing.T) {
	src := `version: 1
exclude:
  - "examples/legacy/**"
  - "**/*_test.tf"
  - "./vendor/"
  - "a/**/**/z.tf"
  - "scratch"
`
	cfg, err := parse("/repo/.ssmlint.yml", []byte(src), testLookup)
	if err != nil {
		t.Fatal(err)
	}
	tests := map[string]bool{
		"examples/legacy":               true,
		"examples/legacy/main.tf":       true,
		"examples/legacy/deep/x/y.tf":   true,
		"examples/legacy2/main.tf":      false,
		"examples/main.tf":              false,
		"main_test.tf":                  true,
		"modules/net/vpc_test.tf":       true,
		"modules/net/vpc_test.tf.json":  false,
		"modules/net/vpc.tf":            false,
		"vendor/x/y.tf":                 true,
		"vendor":                        true,
		"vendored/y.tf":                 false,
		"a/z.tf":                        true,
		"a/b/c/z.tf":                    true,
		"b/a/z.tf":                      false,
		"scratch/any/thing.tf":          true,
		"other/scratch/thing.tf":        false,
		"./examples/legacy/x.tf":        true,
		"examples/../examples/legacy":   true,
		"../examples/legacy/x.tf":       false,
		"/examples/legacy/x.tf":         false,
		filepath.Join("a", "b", "z.tf"): true,
	}
	for p, want := range tests {
		if got := cfg.Excluded(p); got != want {
			t.Errorf("Excluded(%q) = %v, want %v", p, got, want)
		}
	}
	if !cfg.ExcludedPath("/repo/examples/legacy/main.tf") || cfg.ExcludedPath("/elsewhere/examples/legacy/main.tf") {
		t.Error("ExcludedPath must be relative to the configuration file's directory")
	}
}

func TestGlobNoBlowUp(t *testing.T) {
	g, err := compileGlob(strings.Repeat("*/**/", 30) + "x")
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Split(strings.Repeat("a/", 200)+"y", "/")
	start := time.Now()
	if g.matchesOrContains(long) {
		t.Error("unexpected match")
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("matching took %v", d)
	}
}

func TestAliasBomb(t *testing.T) {
	// Ten levels of ten aliases: 10^10 strings if expanded.
	var b strings.Builder
	b.WriteString("version: 1\nvariables:\n")
	b.WriteString("  a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n")
	for i := 1; i <= 9; i++ {
		prev := "*a" + string(rune('0'+i-1))
		b.WriteString("  a" + string(rune('0'+i)) + ": &a" + string(rune('0'+i)) + " [")
		for j := range 10 {
			if j > 0 {
				b.WriteString(",")
			}
			b.WriteString(prev)
		}
		b.WriteString("]\n")
	}
	start := time.Now()
	cfg, err := parse("bomb.yml", []byte(b.String()), testLookup)
	elapsed := time.Since(start)
	if err == nil {
		t.Fatalf("alias bomb accepted: %+v", cfg)
	}
	if elapsed > 2*time.Second {
		t.Errorf("alias bomb took %v", elapsed)
	}
	es := Positions(err)
	if len(es) != 90 {
		t.Errorf("got %d errors, want one per alias (90)", len(es))
	}
	if first := es[0].Error(); first != "bomb.yml:4:12: YAML aliases (*a0) are not allowed in the configuration; write the value out" {
		t.Errorf("first error = %q", first)
	}
}

func TestSizeCap(t *testing.T) {
	big := "version: 1\n#" + strings.Repeat("x", MaxConfigSize) + "\n"
	_, err := parse("big.yml", []byte(big), testLookup)
	es := Positions(err)
	if len(es) != 1 || es[0].Error() != "big.yml:1:1: configuration file is larger than 1048576 bytes" {
		t.Fatalf("err = %v", err)
	}

	dir := t.TempDir()
	p := filepath.Join(dir, ".ssmlint.yml")
	if err := os.WriteFile(p, []byte(big), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(p, LoadOptions{}); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("Load of an oversized file: %v", err)
	}
}

func TestLoadMissing(t *testing.T) {
	p := filepath.Join(t.TempDir(), "nope.yml")
	_, err := Load(p, LoadOptions{})
	if !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("err = %v, want fs.ErrNotExist", err)
	}
	es := Positions(err)
	if len(es) != 1 || es[0].File != p || es[0].Line != 0 {
		t.Fatalf("Positions = %v", es)
	}
	if want := p + ": cannot read configuration: no such file or directory"; err.Error() != want {
		t.Errorf("err = %q, want %q", err, want)
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b", "c")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, ok := Find(deep); ok {
		// A config above the temp dir would make this test meaningless.
		t.Skip("a .ssmlint.yml exists above the temporary directory")
	}
	write := func(p string) {
		t.Helper()
		if err := os.WriteFile(p, []byte("version: 1\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(root, "a", ".ssmlint.yaml"))
	if p, ok := Find(deep); !ok || p != filepath.Join(root, "a", ".ssmlint.yaml") {
		t.Errorf("Find = %q, %v", p, ok)
	}
	write(filepath.Join(root, "a", ".ssmlint.yml"))
	if p, ok := Find(deep); !ok || p != filepath.Join(root, "a", ".ssmlint.yml") {
		t.Errorf("Find prefers .ssmlint.yml: got %q, %v", p, ok)
	}
	// A directory with the config's name is not a config.
	if err := os.Mkdir(filepath.Join(root, "a", "b", ".ssmlint.yml"), 0o755); err != nil {
		t.Fatal(err)
	}
	if p, ok := Find(deep); !ok || p != filepath.Join(root, "a", ".ssmlint.yml") {
		t.Errorf("Find skips directories: got %q, %v", p, ok)
	}
	if p, ok := Find(filepath.Join(root, "a")); !ok || p != filepath.Join(root, "a", ".ssmlint.yml") {
		t.Errorf("Find in the config's own dir = %q, %v", p, ok)
	}

	cfg, err := Load(filepath.Join(root, "a", ".ssmlint.yml"), LoadOptions{})
	if err != nil || cfg.Dir != filepath.Join(root, "a") {
		t.Errorf("Load = %+v, %v", cfg, err)
	}
}

func TestSuggest(t *testing.T) {
	tests := []struct{ in, want string }{
		{"fail-on", "fail_on"},
		{"exclud", "exclude"},
		{"verson", "version"},
		{"x", ""},
		{"completely_different", ""},
	}
	for _, tt := range tests {
		if got := suggest.Nearest(tt.in, topLevelKeys); got != tt.want {
			t.Errorf("suggest.Nearest(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRealCatalog(t *testing.T) {
	src := `version: 1
rules:
  Secret-In-Plain-String: {enabled: false}
  ssm402: {options: {max_approve_after_days: 7}}
  SSM301: {severity: info, options: {monthly_cost_per_parameter: 1}}
  SSM606: {options: {extra_secret_words: [pin, passphrase]}}
`
	cfg, err := Parse("c.yml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.RuleEnabled(rules.SSM201, true) {
		t.Error("SSM201 configured by name must be disabled")
	}
	if cfg.OptionInt(rules.SSM402, "max_approve_after_days") != 7 {
		t.Error("SSM402 option")
	}
	if v := cfg.Option(rules.SSM301, "monthly_cost_per_parameter"); v != 1.0 || cfg.Severity(rules.SSM301) != rules.Info {
		t.Errorf("SSM301 option %#v, severity %v", v, cfg.Severity(rules.SSM301))
	}
	if got := cfg.OptionStrings(rules.SSM606, "extra_secret_words"); !reflect.DeepEqual(got, []string{"pin", "passphrase"}) {
		t.Errorf("SSM606 option = %q", got)
	}
	// Every catalog rule can be configured by ID and by name, and every
	// option with its own default.
	for _, r := range rules.All() {
		var b strings.Builder
		b.WriteString("version: 1\nrules:\n  " + r.Name + ":\n    enabled: true\n")
		if _, err := Parse("c.yml", []byte(b.String())); err != nil {
			t.Errorf("%s by name: %v", r.ID, err)
		}
		for _, o := range r.Options {
			if v := (*Config)(nil).Option(r, o.Name); !reflect.DeepEqual(v, o.Default) {
				t.Errorf("%s.%s default = %#v", r.ID, o.Name, v)
			}
		}
	}
	_, err = Parse("c.yml", []byte("version: 1\nrules:\n  SSM402: {options: {max_approve_after_days: soon}}\n"))
	if err == nil || err.Error() != `c.yml:3:46: option "max_approve_after_days" of rule SSM402 must be an integer, got the string "soon"` {
		t.Errorf("err = %v", err)
	}
}

func TestConsumers(t *testing.T) {
	cfg, err := Parse("c.yml", []byte("version: 1\nconsumers:\n  aws_iam_role.api: [\"/app/db/password\", \"/app/config/*\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := cfg.Consumers["aws_iam_role.api"]; len(got) != 2 || got[1] != "/app/config/*" {
		t.Errorf("Consumers = %v", cfg.Consumers)
	}
	_, err = Parse("c.yml", []byte("version: 1\nconsumers:\n  aws_iam_role.api: \"/app/db\"\n"))
	if ps := Positions(err); len(ps) != 1 || ps[0].Line != 3 || !strings.Contains(ps[0].Message, "must be a list") {
		t.Errorf("errors = %v", err)
	}
}

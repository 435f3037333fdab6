package suppress

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/ssmlint/ssmlint/finding"
	"github.com/ssmlint/ssmlint/rules"
)

var testRules = []*rules.Rule{
	{ID: "SSM101", Name: "missing-ssm-endpoints", Severity: rules.Error},
	{ID: "SSM201", Name: "secret-in-plain-string", Severity: rules.Error},
	{ID: "SSM202", Name: "securestring-literal-value", Severity: rules.Error},
}

// testLookup resolves like rules.Lookup (case-insensitive ID or name) over
// testRules, so the tests do not depend on the catalog's contents.
func testLookup(s string) (*rules.Rule, bool) {
	for _, r := range testRules {
		if strings.EqualFold(r.ID, s) || strings.EqualFold(r.Name, s) {
			return r, true
		}
	}
	return nil, false
}

func parse(src string) *FileIgnores {
	return parseHCL("main.tf", []byte(src), testLookup)
}

// problemStrings renders problems as "line:col-endcol kind: message".
func problemStrings(ps []Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, fmt.Sprintf("%d:%d-%d %s %v: %s", p.Range.Start.Line, p.Range.Start.Column, p.Range.End.Column, p.Severity, p.Kind, p.Message))
	}
	return out
}

func TestApplies(t *testing.T) {
	type check struct {
		rule  string
		lines []int
		want  bool
	}
	tests := []struct {
		name   string
		src    string
		checks []check
	}{
		{
			name: "trailing comment applies to its own line only",
			src: `resource "aws_ssm_parameter" "db" {
  name = "/app/db_password" # ssmlint:ignore SSM201 -- rotated by vault
  type = "String"
}
`,
			checks: []check{
				{"SSM201", []int{2}, true},
				{"SSM201", []int{3}, false},
				{"SSM201", []int{1}, false},
				{"SSM202", []int{2}, false},
			},
		},
		{
			name: "comment on its own line applies to the next line",
			src: `# ssmlint:ignore SSM201 -- legacy parameter, removed in Q3
resource "aws_ssm_parameter" "db" {
  name = "/app/db_password"
}
`,
			checks: []check{
				{"SSM201", []int{2}, true},
				{"SSM201", []int{1}, false},
				{"SSM201", []int{3}, false},
				// A finding on line 3 inside the block on line 2.
				{"SSM201", []int{3, 2}, true},
			},
		},
		{
			name: "stacked comments all apply to the first code line",
			src: `resource "aws_ssm_parameter" "db" {
  # ssmlint:ignore SSM201 -- reason one
  # an ordinary comment in between
  // ssmlint:ignore SSM202 -- reason two
  name = "/app/db_password"
}
`,
			checks: []check{
				{"SSM201", []int{5}, true},
				{"SSM202", []int{5}, true},
				{"SSM201", []int{6}, false},
			},
		},
		{
			name: "a blank line detaches the comment",
			src: `# ssmlint:ignore SSM201 -- detached

resource "aws_ssm_parameter" "db" {}
`,
			checks: []check{{"SSM201", []int{2}, false}, {"SSM201", []int{3}, false}},
		},
		{
			name: "several rules by ID and name, case-insensitive",
			src: `resource "aws_ssm_parameter" "db" { # ssmlint:ignore ssm201, Securestring-Literal-Value -- placeholder
}
`,
			checks: []check{
				{"SSM201", []int{1}, true},
				{"SSM202", []int{1}, true},
				{"SSM101", []int{1}, false},
			},
		},
		{
			name: "hash and slashes inside strings and heredocs are not comments",
			src: `resource "aws_ssm_parameter" "db" {
  description = "# ssmlint:ignore SSM201 -- not a comment"
  value       = <<EOT
// ssmlint:ignore SSM202 -- not a comment either
EOT
  name = "x"
}
`,
			checks: []check{
				{"SSM201", []int{2}, false}, {"SSM201", []int{3}, false},
				{"SSM202", []int{4}, false}, {"SSM202", []int{5}, false},
			},
		},
		{
			name: "trailing comment after a heredoc end marker",
			src: `locals {
  x = <<EOT
hello
EOT
  y = 1 # ssmlint:ignore SSM201 -- ok
}
`,
			checks: []check{{"SSM201", []int{5}, true}, {"SSM201", []int{6}, false}},
		},
		{
			name: "comment inside a multi-line list applies to the next element",
			src: `locals {
  names = [
    # ssmlint:ignore SSM201 -- known
    "/app/token",
    "/app/other",
  ]
}
`,
			checks: []check{{"SSM201", []int{4}, true}, {"SSM201", []int{5}, false}},
		},
		{
			name: "CRLF line endings",
			src:  "# ssmlint:ignore SSM201 -- windows\r\nresource \"a\" \"b\" {\r\n  name = \"x\" # ssmlint:ignore SSM202 -- also\r\n}\r\n",
			checks: []check{
				{"SSM201", []int{2}, true},
				{"SSM202", []int{3}, true},
			},
		},
		{
			name:   "block comments are not directives",
			src:    "/* ssmlint:ignore SSM201 -- no */\nresource \"a\" \"b\" {}\n",
			checks: []check{{"SSM201", []int{1}, false}, {"SSM201", []int{2}, false}},
		},
		{
			name:   "no marker in the file",
			src:    "resource \"a\" \"b\" {} # nothing\n",
			checks: []check{{"SSM201", []int{1}, false}},
		},
		{
			name:   "non-positive lines are ignored",
			src:    "# ssmlint:ignore SSM201 -- r\nresource \"a\" \"b\" {}\n",
			checks: []check{{"SSM201", []int{0, -1}, false}, {"SSM201", []int{0, 2}, true}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fi := parse(tt.src)
			if ps := fi.Problems(); len(ps) > 0 {
				t.Fatalf("unexpected problems: %q", problemStrings(ps))
			}
			for _, c := range tt.checks {
				if got := fi.Match(c.rule, c.lines...); got != c.want {
					t.Errorf("Match(%s, %v) = %v, want %v", c.rule, c.lines, got, c.want)
				}
			}
		})
	}
}

func TestProblems(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
		// suppresses says whether line 2 is still suppressed for SSM201.
		suppresses bool
	}{
		{
			name: "missing reason",
			src:  "# ssmlint:ignore SSM201\nresource \"a\" \"b\" {}\n",
			want: []string{`1:1-24 error ignore-without-reason: ssmlint:ignore needs a reason after " -- ": write "# ssmlint:ignore SSM201 -- <reason>"`},
		},
		{
			name: "empty reason",
			src:  "resource \"a\" \"b\" {\n  x = 1 // ssmlint:ignore SSM201 --   \n}\n",
			want: []string{`2:9-36 error ignore-without-reason: ssmlint:ignore needs a reason after " -- ": write "// ssmlint:ignore SSM201 -- <reason>"`},
		},
		{
			name: "reason without the separator",
			src:  "# ssmlint:ignore SSM201 because legacy\nresource \"a\" \"b\" {}\n",
			want: []string{`1:1-39 error ignore-without-reason: ssmlint:ignore needs a reason after " -- ": write "# ssmlint:ignore SSM201 -- <reason>"`},
		},
		{
			name: "no rule",
			src:  "#ssmlint:ignore -- why\nresource \"a\" \"b\" {}\n",
			want: []string{`1:1-23 error malformed-ignore: ssmlint:ignore names no rule; write "# ssmlint:ignore SSM201 -- <reason>"`},
		},
		{
			name: "rules separated by spaces",
			src:  "# ssmlint:ignore SSM201 SSM202 -- why\nresource \"a\" \"b\" {}\n",
			want: []string{`1:1-38 error malformed-ignore: ssmlint:ignore rules must be separated by commas, as in "SSM201,SSM202"`},
		},
		{
			name: "unknown directive",
			src:  "# ssmlint:ignroe SSM201 -- why\nresource \"a\" \"b\" {}\n",
			want: []string{`1:1-31 error malformed-ignore: unknown directive "ssmlint:ignroe"; the only directive is ssmlint:ignore, as in "# ssmlint:ignore SSM201 -- <reason>"`},
		},
		{
			name:       "unknown rule next to a known one",
			src:        "# ssmlint:ignore SSM999,SSM201 -- why\nresource \"a\" \"b\" {}\n",
			want:       []string{`1:18-24 error ignore-unknown-rule: ssmlint:ignore names unknown rule "SSM999" (see "ssmlint rules" for the list)`},
			suppresses: true,
		},
		{
			name:       "unknown rule position after non-ASCII text",
			src:        "resource \"a\" \"b\" {\n  name = \"パスワード\" # ssmlint:ignore  SSM201 ,  nope -- why\n}\n",
			want:       []string{`2:46-50 error ignore-unknown-rule: ssmlint:ignore names unknown rule "nope" (see "ssmlint rules" for the list)`},
			suppresses: true,
		},
		{
			name: "prose that mentions ssmlint is not a directive",
			src:  "# ssmlint: the linter we use\n# see ssmlint:ignore docs\nresource \"a\" \"b\" {}\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fi := parse(tt.src)
			got := problemStrings(fi.Problems())
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("problems:\n got  %q\n want %q", got, tt.want)
			}
			for _, p := range fi.Problems() {
				if p.Range.File != "main.tf" || p.Range.End.Line != p.Range.Start.Line {
					t.Errorf("range = %+v", p.Range)
				}
			}
			if got := fi.Match("SSM201", 1, 2); got != tt.suppresses {
				t.Errorf("Match(SSM201) = %v, want %v: an invalid ignore must not suppress", got, tt.suppresses)
			}
		})
	}
}

func TestByteOffsets(t *testing.T) {
	src := "x = \"é\" # ssmlint:ignore nope -- r\n"
	fi := parse(src)
	ps := fi.Problems()
	if len(ps) != 1 {
		t.Fatalf("problems = %q", problemStrings(ps))
	}
	r := ps[0].Range
	if got := src[r.Start.Byte:r.End.Byte]; got != "nope" {
		t.Errorf("byte range covers %q, want \"nope\"", got)
	}
	if r.Start.Column != 26 || r.End.Column != 30 {
		t.Errorf("columns = %d-%d, want 26-30 (characters, not bytes)", r.Start.Column, r.End.Column)
	}
}

func TestUnused(t *testing.T) {
	src := `# ssmlint:ignore SSM201 -- used through the block line
resource "aws_ssm_parameter" "a" {
  name = "/x/token" # ssmlint:ignore SSM201,SSM202 -- only SSM201 fires here
  type = "String"   # ssmlint:ignore SSM101 -- rule did not run
}

# ssmlint:ignore secret-in-plain-string -- detached by the blank line

resource "aws_ssm_parameter" "b" {}
# ssmlint:ignore SSM202 -- at the end of the file`
	fi := parse(src)
	if ps := fi.Problems(); len(ps) > 0 {
		t.Fatalf("problems: %q", problemStrings(ps))
	}
	if fi.Len() != 5 {
		t.Errorf("Len = %d, want 5", fi.Len())
	}
	f := finding.Finding{
		Rule:    testRules[1],
		Range:   finding.Range{File: "main.tf", Start: finding.Pos{Line: 3, Column: 10}},
		Context: finding.Range{File: "main.tf", Start: finding.Pos{Line: 2, Column: 1}},
	}
	if !fi.Suppresses(f) {
		t.Fatal("finding on line 3 in the block of line 2 must be suppressed")
	}
	ran := func(id string) bool { return id != "SSM101" }
	got := problemStrings(fi.Unused(ran))
	want := []string{
		`3:45-51 warning unused-ignore: ssmlint:ignore SSM202 matched no finding; remove it`,
		`7:18-40 warning unused-ignore: ssmlint:ignore secret-in-plain-string matched no finding: a comment on its own line applies to the next line, which is blank; move it directly above the block or attribute, or remove it`,
		`10:18-24 warning unused-ignore: ssmlint:ignore SSM202 matched no finding; remove it`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Unused:\n got  %q\n want %q", got, want)
	}
	// With every rule run, the SSM101 ignore is unused too.
	if n := len(fi.Unused(nil)); n != 4 {
		t.Errorf("Unused(nil) has %d problems, want 4", n)
	}
}

func TestSuppressesWithoutBlock(t *testing.T) {
	fi := parse("resource \"a\" \"b\" {\n  # ssmlint:ignore SSM201 -- r\n  name = \"x\"\n}\n")
	at := func(line int) finding.Finding {
		return finding.Finding{Rule: testRules[1], Range: finding.Range{Start: finding.Pos{Line: line}}}
	}
	if fi.Suppresses(at(4)) {
		t.Error("line 4 is not covered")
	}
	if !fi.Suppresses(at(3)) {
		t.Error("line 3 is covered")
	}
	noRule := at(3)
	noRule.Rule = nil
	if fi.Suppresses(noRule) {
		t.Error("a finding without a rule is never suppressed")
	}
}

func TestNil(t *testing.T) {
	var fi *FileIgnores
	if fi.Match("SSM201", 1) || fi.Len() != 0 || fi.Problems() != nil || fi.Unused(nil) != nil {
		t.Error("a nil *FileIgnores suppresses nothing")
	}
}

func TestConcurrentMatch(t *testing.T) {
	var b strings.Builder
	for i := range 50 {
		fmt.Fprintf(&b, "x%d = 1 # ssmlint:ignore SSM201 -- r\n", i)
	}
	fi := parse(b.String())
	var wg sync.WaitGroup
	for i := range 50 {
		wg.Go(func() { fi.Match("SSM201", i+1) })
	}
	wg.Wait()
	if u := fi.Unused(nil); len(u) != 0 {
		t.Errorf("unused after concurrent matches: %d", len(u))
	}
}

func TestInvalidHCLDoesNotPanic(t *testing.T) {
	for _, src := range []string{
		"# ssmlint:ignore SSM201 -- r\nresource \"a\" {{{ \"unterminated\n",
		"\"# ssmlint:ignore SSM201 -- r",
		"<<EOT\n# ssmlint:ignore SSM201 -- r\n",
		"# ssmlint:ignore",
		"\xff\xfe # ssmlint:ignore SSM201 -- r\n",
	} {
		fi := parse(src)
		_ = fi.Match("SSM201", 1, 2)
		_ = fi.Unused(nil)
	}
}

func TestRealCatalog(t *testing.T) {
	src := "# ssmlint:ignore Secret-In-Plain-String,ssm202 -- placeholder set outside Terraform\nresource \"aws_ssm_parameter\" \"db\" {}\n"
	fi := ParseHCL("main.tf", []byte(src))
	if ps := fi.Problems(); len(ps) > 0 {
		t.Fatalf("problems: %q", problemStrings(ps))
	}
	if !fi.Match(rules.SSM201.ID, 2) || !fi.Match(rules.SSM202.ID, 2) || fi.Match(rules.SSM203.ID, 2) {
		t.Error("rule names and IDs must resolve through the catalog")
	}
	if fi := ParseHCL("main.tf", []byte("# ssmlint:ignore SSM999 -- r\n")); len(fi.Problems()) != 1 {
		t.Error("an unknown catalog ID must be a problem")
	}
	// SSM000 is a rule: naming it keeps an ignore that matches nothing
	// from being reported.
	fi = ParseHCL("main.tf", []byte("# ssmlint:ignore SSM201,SSM000 -- only with prod.tfvars\nresource \"a\" \"b\" {}\n"))
	if len(fi.Problems()) != 0 || len(fi.Unused(nil)) != 0 {
		t.Errorf("problems %q, unused %q; want none", problemStrings(fi.Problems()), problemStrings(fi.Unused(nil)))
	}
}

// Go directives: at the end of a line, or on their own line above the
// next line of code; inside a raw string they are not comments.
func TestParseGo(t *testing.T) {
	src := "package p\n\n" +
		"//ssmlint:ignore SSM601 -- decrypted by a sidecar\n" +
		"func F() {\n" +
		"\tg() //ssmlint:ignore SSM602 -- one page is enough\n" +
		"}\n\n" +
		"var s = `\n//ssmlint:ignore SSM603 -- not a comment\n`\n" +
		"//ssmlint:ignore SSM604\n" +
		"var t = 1\n"
	fi := ParseGo("f.go", []byte(src))
	if !fi.Match("SSM601", 4) {
		t.Error("the comment above func F does not cover line 4")
	}
	if !fi.Match("SSM602", 5) {
		t.Error("the trailing comment does not cover its line")
	}
	if fi.Match("SSM603", 10) || fi.Match("SSM603", 11) {
		t.Error("a directive inside a raw string counted")
	}
	if ps := fi.Problems(); len(ps) != 1 || ps[0].Range.Start.Line != 11 {
		t.Errorf("problems %+v; want the directive without a reason on line 11", ps)
	}
}

// TestParseGoIgnoresLineDirectives: comments are placed at their real
// lines; a //line directive does not move them.
func TestParseGoIgnoresLineDirectives(t *testing.T) {
	src := "package p\n\n//line /elsewhere/x.go:100:1\nfunc f() {\n\t// ssmlint:ignore SSM601 -- checked elsewhere\n\tg()\n}\n"
	fi := ParseGo("p.go", []byte(src))
	if len(fi.Problems()) != 0 {
		t.Fatalf("problems: %+v", fi.Problems())
	}
	f := finding.Finding{Rule: rules.SSM601, Range: finding.Range{File: "p.go", Start: finding.Pos{Line: 6, Column: 2}, End: finding.Pos{Line: 6, Column: 5}}}
	if !fi.Suppresses(f) {
		t.Errorf("the comment on line 5 does not suppress the finding on line 6")
	}
}

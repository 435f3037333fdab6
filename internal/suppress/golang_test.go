package suppress

import (
	"strings"
	"testing"

	"github.com/ssmlint/ssmlint/finding"
	"github.com/ssmlint/ssmlint/rules"
)

// Go comments cover what golangci-lint's //nolint covers: their own
// line, and the whole node starting on the next line at their column.
func TestParseGoPlacement(t *testing.T) {
	src := `package p

func F() {
	//ssmlint:ignore SSM601 -- the whole statement
	out, err := c.GetParameter(ctx, &ssm.GetParameterInput{
		Name: aws.String("/app/db/dsn"),
	})
	g(out, err) //ssmlint:ignore SSM602 -- this line only
	h()
	in := &ssm.PutParameterInput{
		//ssmlint:ignore SSM605 -- the field
		Value: aws.String(
			"x",
		),
		Type: "SecureString",
	}
	//ssmlint:ignore SSM603 -- detached

	k()
    //ssmlint:ignore SSM604 -- misaligned: another column than the statement
	k()
}

// Doc comment.
//ssmlint:ignore SSM606 -- the whole function
func G() {
	a()
	b()
}
`
	fi := ParseGo("p.go", []byte(src))
	if ps := fi.Problems(); len(ps) != 0 {
		t.Fatalf("problems: %q", problemStrings(ps))
	}
	for _, c := range []struct {
		rule string
		line int
		want bool
	}{
		{"SSM601", 4, true}, {"SSM601", 5, true}, {"SSM601", 6, true}, {"SSM601", 7, true}, {"SSM601", 8, false},
		{"SSM602", 8, true}, {"SSM602", 9, false},
		{"SSM605", 12, true}, {"SSM605", 14, true}, {"SSM605", 15, false},
		{"SSM603", 19, false},
		{"SSM604", 21, false},
		{"SSM606", 26, true}, {"SSM606", 28, true}, {"SSM606", 29, true}, {"SSM606", 30, false},
	} {
		if got := fi.Match(c.rule, c.line); got != c.want {
			t.Errorf("Match(%s, line %d) = %v, want %v", c.rule, c.line, got, c.want)
		}
	}
	got := problemStrings(fi.Unused(nil))
	want := []string{
		`17:19-25 warning unused-ignore: ssmlint:ignore SSM603 matched no finding: a comment on its own line covers the statement or declaration that starts on the next line, which is blank; move it directly above, or remove it`,
		`20:22-28 warning unused-ignore: ssmlint:ignore SSM604 matched no finding; remove it`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Unused:\n got  %q\n want %q", got, want)
	}
}

// golangci-lint's //nolint forms: those covering every linter or naming
// ssmlint suppress every rule; others do not; naming an analyzer is a
// problem (golangci-lint knows no such linter).
func TestParseGoNolint(t *testing.T) {
	for _, tc := range []struct {
		comment string
		want    bool
		problem string
	}{
		{"//nolint", true, ""},
		{"// nolint", true, ""},
		{"//nolint // generated", true, ""},
		{"//nolint:all", true, ""},
		{"//nolint:ssmlint", true, ""},
		{"//nolint:SSMLint", true, ""},
		{"//nolint:ssmlint // decrypted by the sidecar", true, ""},
		{"//nolint:errcheck,ssmlint", true, ""},
		{"//nolint:errcheck, ssmlint // both", true, ""},
		{"//nolint:errcheck,all", true, ""},
		{"//nolint:errcheck", false, ""},
		{"//nolint:errcheck // ssmlint", false, ""},
		{"//nolintlint", false, ""},
		{"//nolint:ssm601", false, `golangci-lint has no linter "ssm601"`},
		{"//nolint:getparameter-missing-decryption,errcheck", false, `write //nolint:ssmlint, or //ssmlint:ignore SSM601 -- <reason>`},
		{"/* nolint */", false, ""},
	} {
		t.Run(tc.comment, func(t *testing.T) {
			src := "package p\n\nfunc F() {\n\tg() " + tc.comment + "\n}\n"
			fi := ParseGo("p.go", []byte(src))
			if got := fi.Match("SSM601", 4); got != tc.want {
				t.Errorf("Match = %v, want %v", got, tc.want)
			}
			ps := problemStrings(fi.Problems())
			switch {
			case tc.problem == "" && len(ps) > 0:
				t.Errorf("problems %q; want none", ps)
			case tc.problem != "" && (len(ps) != 1 || !strings.Contains(ps[0], tc.problem)):
				t.Errorf("problems %q; want one containing %q", ps, tc.problem)
			}
		})
	}
}

// An unused //nolint:ssmlint is reported when every Go rule ran; a bare
// //nolint or //nolint:all never is: it serves other linters too.
func TestParseGoNolintUnused(t *testing.T) {
	src := "package p\n\nfunc F() {\n\ta() //nolint:errcheck,ssmlint\n\tb() //nolint\n\tc() //nolint:all\n}\n"
	fi := ParseGo("p.go", []byte(src))
	got := problemStrings(fi.Unused(nil))
	want := []string{`4:24-31 warning unused-ignore: //nolint:ssmlint matched no finding; remove ssmlint from it`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Unused:\n got  %q\n want %q", got, want)
	}
	if u := fi.Unused(func(id string) bool { return id != "SSM607" }); len(u) != 0 {
		t.Errorf("a Go rule did not run, yet %q", problemStrings(u))
	}
	if !fi.Match("SSM608", 4) || len(fi.Unused(nil)) != 0 {
		t.Error("once used, //nolint:ssmlint is not reported")
	}
}

// A Go finding is suppressed by what covers its line, not by a comment on
// the line of its enclosing function (the HCL rule).
func TestSuppressesGoIgnoresContext(t *testing.T) {
	src := "package p\n\nfunc F() { //ssmlint:ignore SSM601 -- this line only\n\tg()\n}\n"
	fi := ParseGo("p.go", []byte(src))
	f := findingAt("SSM601", 4)
	f.Context.Start.Line = 3
	if fi.Suppresses(f) {
		t.Error("the trailing comment on the function's line suppressed a finding in its body")
	}
}

// findingAt is a finding of the catalog rule id on line of p.go.
func findingAt(id string, line int) finding.Finding {
	r, _ := rules.Lookup(id)
	return finding.Finding{Rule: r, Range: finding.Range{File: "p.go", Start: finding.Pos{Line: line, Column: 2}}}
}

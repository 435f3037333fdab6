package main_test

import (
	"strings"
	"testing"
	"time"
)

// Hostile Terraform functions and suppression comments (issue 11): a call
// whose result would pass ssmlint's bounds (16 MiB for a string, 100,000
// elements or nested values) gives an unknown value, as a value known only
// after apply does: rules that meet it stay silent, and the rest of the
// tree is checked. Nothing is lost silently: an input error at the call
// says that the value was not evaluated (exit 2). (range() over 1,024
// elements is cty's own error, which makes the value unknown like any
// other evaluation error.)

// hostileFuncTime is the wall time a case may take: the crashers ran out
// of memory in under a second, or took minutes.
const hostileFuncTime = 10 * time.Second

// boundedCall is a file whose first parameter's name holds local.bomb, the
// hostile call's result (unknown: no finding), and whose second parameter's
// name holds a bounded call's result and marks a secret (SSM201 there): the
// file was evaluated, not skipped.
func boundedCall(locals string) string {
	return `locals {
  ` + locals + `
}
resource "aws_ssm_parameter" "bomb" {
  name  = "/app/${local.bomb}"
  type  = "String"
  value = "x"
}
resource "aws_ssm_parameter" "control" {
  name  = "/app/${length(setproduct(range(10), range(10)))}/password"
  type  = "String"
  value = "x"
}
`
}

func TestHostileFunctions(t *testing.T) {
	cases := []struct {
		name, locals string
		col          int // of the error, on the line of the locals; 0: no error
	}{
		{"setproduct of three ranges of 1000", `bomb = length(setproduct(range(1000), range(1000), range(1000)))`, 17},
		{"indent by two billion", `bomb = indent(2000000000, "x\ny")`, 10},
		{"yamldecode billion laughs", `bomb = jsonencode(yamldecode("a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g,*g]\ni: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h,*h]\n"))`, 21},
		// A million strings, a thousand in memory: each row is the same list.
		{"jsonencode of a huge range", `bomb = jsonencode([for i in range(1000) : local.row])` + "\n  " +
			`row = [for j in range(1000) : "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"]`, 10},
		{"jsonencode of range(5000000)", `bomb = jsonencode(range(5000000))`, 0},
		{"format width of two billion", `bomb = format("%2000000000s", "x")`, 10},
		{"number of 600 million digits", `bomb = format(1e600000000)`, 10},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := boundedCall(c.locals)
			lineOf := func(s string) int { return strings.Count(src[:strings.Index(src, s)], "\n") + 1 }
			bombAt, controlAt := lineOf(`"bomb"`), lineOf(`"control"`) // the resources' lines
			repo, outside := hostileRepo(t, map[string]string{"bomb.tf": src})
			start := time.Now()
			r := runHostile(t, repo, nil, "--format", "json", ".")
			if el := time.Since(start); el > hostileFuncTime {
				t.Errorf("took %v", el)
			}
			switch {
			case c.col == 0 && (r.code != 1 || len(r.report.Errors) > 0):
				t.Errorf("exit %d, errors %+v; want exit 1 (good.tf's finding) and no error", r.code, r.report.Errors)
			case c.col > 0 && (r.code != 2 || len(r.report.Errors) != 1 || r.report.Errors[0].Column != c.col):
				t.Errorf("exit %d, errors %+v; want exit 2 and one error at bomb.tf:2:%d", r.code, r.report.Errors, c.col)
			case c.col > 0:
				r.wantError(t, "bomb.tf", 2, "over what ssmlint evaluates; the value is left unknown")
			}
			r.wantGood(t)
			control := false
			for _, f := range r.report.Findings {
				if f.File == "bomb.tf" && f.Line >= bombAt && f.Line < controlAt {
					t.Errorf("finding on the unknown name: %+v", f)
				}
				control = control || f.File == "bomb.tf" && f.Line > controlAt && f.Rule == "SSM201"
			}
			if !control {
				t.Errorf("bomb.tf was not evaluated: no SSM201 in aws_ssm_parameter.control; findings %+v", r.report.Findings)
			}
			unchanged(t, outside)
		})
	}
}

// 200,000 suppression comments stacked above one resource (quadratic
// placement never finished): each applies to the resource, which is
// suppressed, and none is reported unused.
func TestHostileSuppressionComments(t *testing.T) {
	const n = 200_000
	src := strings.Repeat("# ssmlint:ignore SSM201 -- r\n", n) + `resource "aws_ssm_parameter" "db" {
  name  = "/app/db/password"
  type  = "String"
  value = "x"
}
`
	repo, outside := hostileRepo(t, map[string]string{"ignored.tf": src})
	start := time.Now()
	r := runHostile(t, repo, nil, "--format", "json", ".")
	if el := time.Since(start); el > hostileFuncTime {
		t.Errorf("took %v", el)
	}
	if r.code != 1 {
		t.Errorf("exit %d, want 1 (good.tf's finding); errors %+v", r.code, r.report.Errors)
	}
	if len(r.report.Errors) > 0 {
		t.Errorf("errors %+v", r.report.Errors)
	}
	r.wantGood(t)
	for _, f := range r.report.Findings {
		if f.File == "ignored.tf" {
			t.Errorf("ignored.tf: %s on line %d (suppressed, or an unused ignore)", f.Rule, f.Line)
			break
		}
	}
	if got := r.report.Summary["suppressed"]; got != float64(1) {
		t.Errorf("suppressed %v, want 1", got)
	}
	unchanged(t, outside)
}

package hclcheck

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

// evalCall evaluates src with the function table and hostileVars.
func evalCall(t testing.TB, root, src string) (cty.Value, hcl.Diagnostics) {
	t.Helper()
	expr, diags := hclsyntax.ParseExpression([]byte(src), "test.hcl", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatalf("%s: %s", src, diags.Error())
	}
	var cancel atomic.Bool
	vars := hostileVars()
	vars["sensitive_unknown"] = cty.UnknownVal(cty.String).Mark(MarkSensitive)
	return expr.Value(&hcl.EvalContext{Variables: vars, Functions: functions(root, root, 0, &cancel)})
}

// limitOf returns the bound a call's diagnostics say it passed.
func limitOf(diags hcl.Diagnostics) *limitError {
	for _, d := range diags {
		if extra, ok := hcl.DiagnosticExtra[hclsyntax.FunctionCallDiagExtra](d); ok {
			var le *limitError
			if errors.As(extra.FunctionCallError(), &le) {
				return le
			}
		}
	}
	return nil
}

func templateRoot(t testing.TB) string {
	root := t.TempDir()
	files := map[string]string{
		"t.tmpl":    "${x}${x}%{ for i in range(100) }${x}%{ endfor }",
		"ok.tmpl":   "%{ for k, v in m }${k}=${v}\n%{ endfor }%{ if flag }on%{ else }off%{ endif }",
		"wrap.tmpl": "${x}",
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(root, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// Every hostile call fails fast with a limitError, which the evaluator
// turns into an unknown value.
func TestFunctionBounds(t *testing.T) {
	root := templateRoot(t)
	calls := []struct{ src, what string }{
		{`setproduct(range(1000), range(1000), range(1000))`, "elements"},
		{`indent(2000000000, "x\ny")`, "bytes"},
		{`indent(20, var.big)`, ""}, // no line break: nothing grows
		{`indent(20, "${var.big}\n${var.big}\n")`, ""},
		{`indent(200, replace(var.big, "xxxxxxxx", "\n"))`, "bytes"},
		{`format("%2000000000s", "x")`, "characters in a format width"},
		{`format("%99999999999999999999d", 1)`, "characters in a format width"},
		{`format("%s%s%s%s%s%s%s%s%s%s%s%s%s%s%s%s%s", var.big, var.big, var.big, var.big, var.big, var.big, var.big, var.big, var.big, var.big, var.big, var.big, var.big, var.big, var.big, var.big, var.big)`, "bytes"},
		{`format("%[1]s%[1]s%[1]s%[1]s%[1]s%[1]s%[1]s%[1]s%[1]s%[1]s%[1]s%[1]s%[1]s%[1]s%[1]s%[1]s%[1]s", var.big)`, "bytes"},
		{`formatlist("%s", [for i in range(1000): var.big])`, "bytes"},
		{`join("", [for i in range(1000): var.big])`, "bytes"},
		{`join(var.big, var.list)`, "bytes"},
		{`replace(var.big, "x", "yyyyyyyyyyyyyyyyy")`, "bytes"},
		{`replace(var.big, "/x/", "$0$0$0$0$0$0$0$0$0$0$0$0$0$0$0$0$0")`, "bytes"},
		{`replace(var.big, "//", "yyyyyyyyyyyyyyyyy")`, "bytes"},
		{`split("", join("", [var.big]))`, "elements"},
		{`regexall(".", var.big)`, "elements"},
		{`flatten([for i in range(400): [for j in range(400): j]])`, "nested values"},
		{`concat([for i in range(1000): var.list], [for i in range(1000): var.list])`, "nested values"},
		{`merge({for i in range(1000): i => var.list})`, "nested values"},
		{`chunklist([for i in range(1000): var.list], 1)`, "nested values"},
		{`zipmap(range(1000), [for i in range(1000): var.list])`, "nested values"},
		{`base64encode(join("", [for i in range(13): var.big]))`, "bytes"},
		{`urlencode(join("", [for i in range(6): var.big]))`, "bytes"},
		{`strrev(join("", [for i in range(17): var.big]))`, "bytes"},
		{`formatdate(join("", [for i in range(6): var.big]), "2024-01-01T00:00:00Z")`, "bytes"},
		{`jsonencode([for i in range(17): var.big])`, "bytes"},
		{`jsonencode([for i in range(1000): var.list])`, "nested values"},
		{`yamlencode([for i in range(17): var.big])`, "bytes"},
		{`jsonencode(1e600000000)`, "digits"},
		{`tostring(1e600000000)`, "digits"},
		{`format("%d", 1e600000000)`, "digits"},
		{`ceil(1e600000000)`, "digits"},
		{`format(1e600000000)`, "digits"}, // found by FuzzFunctions: HCL printed it converting to string
		{`upper(-1e-600000000)`, "digits"},
		{`join(",", [1e600000000])`, "digits"},
		{`join(",", [for i in range(1000): 1e9000], [for i in range(1000): 1e9000])`, "digits"},
		{`jsondecode("` + strings.Repeat("[", 300) + strings.Repeat("]", 300) + `")`, "levels of nesting"},
		{`jsondecode("[` + strings.Repeat("0,", 100000) + `0]")`, "elements"},
		{`yamldecode("` + billionLaughs + `")`, "elements"},
		{`yamldecode("` + strings.Repeat("[", 300) + strings.Repeat("]", 300) + `")`, "levels of nesting"},
		{`csvdecode("` + strings.Repeat("a,", 100000) + `\n")`, "elements"},
		{`templatefile("t.tmpl", {x = var.big})`, "bytes"},
		{`toset([for i in range(200): var.list])`, "nested values"},
	}
	for _, c := range calls {
		start := time.Now()
		v, diags := evalCall(t, root, c.src)
		name := c.src
		if len(name) > 80 {
			name = name[:80] + "…"
		}
		if el := time.Since(start); el > 30*time.Second { // a runaway takes minutes; -race makes checks slow
			t.Errorf("%s took %v", name, el)
		}
		le := limitOf(diags)
		switch {
		case c.what == "" && le != nil:
			t.Errorf("%s: refused (%v), but its result is within the bounds", name, le)
		case c.what != "" && le == nil:
			t.Errorf("%s: not refused (%d bytes?): %v", name, len(v.GoString()), diags)
		case c.what != "" && le.what != c.what:
			t.Errorf("%s: refused for %q, want %q", name, le.what, c.what)
		}
	}
}

// range is bounded by cty itself (1,024 values); the bounds keep to that.
func TestRangeBoundedByCty(t *testing.T) {
	v, diags := evalCall(t, t.TempDir(), `range(5000000)`)
	if !diags.HasErrors() || !strings.Contains(diags.Error(), "1024") {
		t.Errorf("range(5000000) = %#v, %v; want cty's 1,024 limit", v, diags)
	}
}

// Calls within the bounds give the same results as before.
func TestFunctionsWithinBounds(t *testing.T) {
	root := templateRoot(t)
	calls := map[string]string{
		`length(setproduct(["a", "b"], [1, 2, 3]))`:                      `6`,
		`indent(2, "a\nb")`:                                              `"a\n  b"`,
		`format("%5s|%-3d|%.2f|%v", "x", 7, 3.14159, [1])`:               `"    x|7  |3.14|[1]"`,
		`formatlist("%s=%d", ["a", "b"], [1, 2])`:                        `["a=1","b=2"]`,
		`strrev("abc")`:                                                  `"cba"`,
		`join(",", ["a", "b"], ["c"])`:                                   `"a,b,c"`,
		`replace("a-b-c", "-", "+")`:                                     `"a+b+c"`,
		`replace("ab12cd34", "/([a-z]+)(\\d+)/", "$2$1")`:                `"12ab34cd"`,
		`split(",", "a,b")`:                                              `["a","b"]`,
		`length(regexall("[0-9]", "a1b2c3"))`:                            `3`,
		`chunklist([1, 2, 3], 2)`:                                        `[[1,2],[3]]`,
		`flatten([[1, [2]], [], 3])`:                                     `[1,2,3]`,
		`concat([1], [2, 3])`:                                            `[1,2,3]`,
		`merge({a = 1}, {b = 2})`:                                        `{"a":1,"b":2}`,
		`zipmap(["a", "b"], [1, 2])`:                                     `{"a":1,"b":2}`,
		`jsonencode({a = [1, "x<y"]})`:                                   `"{\"a\":[1,\"x\\u003cy\"]}"`,
		`yamlencode({a = [1]})`:                                          `"\"a\":\n- 1\n"`,
		`yamldecode("a: &x [1, 2]\nb: *x")`:                              `{"a":[1,2],"b":[1,2]}`,
		`jsondecode("{\"a\": [[[1]]], \"b\": \"[{\"}")`:                  `{"a":[[[1]]],"b":"[{"}`,
		`csvdecode("a,b\n1,2\n")`:                                        `[{"a":"1","b":"2"}]`,
		`base64decode(base64encode("hé"))`:                               `"hé"`,
		`urlencode("a b&c")`:                                             `"a+b%26c"`,
		`formatdate("YYYY-MM-DD", "2024-03-01T00:00:00Z")`:               `"2024-03-01"`,
		`substr("hello", 1, 3)`:                                          `"ell"`,
		`cidrsubnets("10.0.0.0/16", 4, 4, 8)`:                            `["10.0.0.0/20","10.0.16.0/20","10.0.32.0/24"]`,
		`cidrsubnet("10.0.0.0/16", 8, 2)`:                                `"10.0.2.0/24"`,
		`cidrhost("10.0.0.0/24", -2)`:                                    `"10.0.0.254"`,
		`tostring(12345678901234567890)`:                                 `"12345678901234567890"`,
		`ceil(1.5)`:                                                      `2`,
		`join("-", [1, true, "x"])`:                                      `"1-true-x"`,
		`upper(10)`:                                                      `"10"`,
		`templatefile("ok.tmpl", {m = {a = "1", b = "2"}, flag = true})`: `"a=1\nb=2\non"`,
		`templatefile("wrap.tmpl", {x = [1]})`:                           `[1]`,
		`length(toset(var.list))`:                                        `50`,
		`substr(jsonencode(var.dag), 0, 4)`:                              `"[[[["`,
	}
	for src, want := range calls {
		v, diags := evalCall(t, root, src)
		if diags.HasErrors() {
			t.Errorf("%s: %v", src, diags)
			continue
		}
		if got := jsonOf(t, v); got != want {
			t.Errorf("%s = %s, want %s", src, got, want)
		}
	}
}

// The guard leaves marks, unknowns and nulls to the function as before.
func TestGuardKeepsMarks(t *testing.T) {
	root := t.TempDir()
	v, diags := evalCall(t, root, `upper(sensitive("x"))`)
	if u, _ := v.Unmark(); diags.HasErrors() || !v.HasMark(MarkSensitive) || u.AsString() != "X" {
		t.Errorf("upper(sensitive(\"x\")) = %#v, %v", v, diags)
	}
	v, diags = evalCall(t, root, `upper(sensitive_unknown)`)
	if diags.HasErrors() || v.IsKnown() || !v.HasMark(MarkSensitive) {
		t.Errorf("upper(unknown sensitive) = %#v, %v; want unknown and sensitive", v, diags)
	}
	v, diags = evalCall(t, root, `join(",", [sensitive("a"), "b"])`)
	if diags.HasErrors() || !v.HasMark(MarkSensitive) {
		t.Errorf("join with a sensitive element = %#v, %v", v, diags)
	}
	if _, diags = evalCall(t, root, `upper(null)`); !diags.HasErrors() {
		t.Error("upper(null) must still fail")
	}
}

func jsonOf(t testing.TB, v cty.Value) string {
	t.Helper()
	fn := functions("", "", 0, nil)["jsonencode"]
	s, err := fn.Call([]cty.Value{v})
	if err != nil {
		return v.GoString()
	}
	return s.AsString()
}

// The common case pays a check of a few comparisons: compare the guarded
// table with cty's stdlib as is.
func BenchmarkGuardedCall(b *testing.B) {
	root := templateRoot(b)
	var cancel atomic.Bool
	tables := map[string]map[string]function.Function{
		"guarded": functions(root, root, 0, &cancel),
		"stdlib":  {"format": stdlib.FormatFunc, "join": stdlib.JoinFunc, "jsonencode": stdlib.JSONEncodeFunc},
	}
	for _, src := range []string{
		`format("%s-%s", "app", "db")`,
		`join(",", ["a", "b", "c", "d"])`,
		`jsonencode({Version = "2012-10-17", Statement = [{Effect = "Allow", Action = ["ssm:GetParameter"], Resource = "*"}]})`,
	} {
		expr, _ := hclsyntax.ParseExpression([]byte(src), "b.hcl", hcl.InitialPos)
		for _, table := range []string{"stdlib", "guarded"} {
			ctx := &hcl.EvalContext{Functions: tables[table]}
			b.Run(src[:strings.IndexByte(src, '(')]+"/"+table, func(b *testing.B) {
				for b.Loop() {
					if _, diags := expr.Value(ctx); diags.HasErrors() {
						b.Fatal(diags)
					}
				}
			})
		}
	}
}

// templatesFit lets the evaluator refuse a template that would build a
// string over the bound, before hclsyntax builds it: locals that double a
// string through "${local.a}${local.a}" stop at 16 MiB.
func TestTemplatesFit(t *testing.T) {
	var cancel atomic.Bool
	funcs := functions(t.TempDir(), t.TempDir(), 0, &cancel)
	a := cty.StringVal(strings.Repeat("x", 1<<10))
	doublings := 0
	for ; doublings < 40; doublings++ {
		ctx := &hcl.EvalContext{Variables: map[string]cty.Value{"a": a}, Functions: funcs}
		expr, _ := hclsyntax.ParseExpression([]byte(`"${a}${a}"`), "t.hcl", hcl.InitialPos)
		if err := templatesFit(expr, ctx); err != nil {
			break
		}
		a, _ = expr.Value(ctx)
	}
	if len(a.AsString()) != maxValueBytes/2 && len(a.AsString()) != maxValueBytes {
		t.Errorf("doubling stopped at %d bytes after %d doublings", len(a.AsString()), doublings)
	}
	big := cty.StringVal(strings.Repeat("x", 9<<20))
	ctx := &hcl.EvalContext{Variables: map[string]cty.Value{"a": big, "l": cty.ListVal([]cty.Value{big, big})}, Functions: funcs}
	for src, fits := range map[string]bool{
		`"${a}"`:                                   true, // the value itself
		`"prefix-${a}"`:                            true,
		`"${a}${a}"`:                               false,
		`upper("${a}${a}")`:                        false,
		`"%{for x in l}${x}%{endfor}"`:             false,
		`"%{for x in l}${x}%{endfor}" == ""`:       false,
		`"%{if false}${a}${a}%{endif}"`:            true,
		`[for x in ["y"]: "${a}${x}"]`:             true, // inside a for expression: not measured
		`{ k = "${a}-${length(l)}" }`:              true,
		`"${a}${join("", [a])}"`:                   false,
		`"${a}${jsonencode(l)}"`:                   true, // jsonencode refuses: unknown
		`"${substr(a, 0, 10)}${substr(a, 0, 10)}"`: true,
	} {
		expr, diags := hclsyntax.ParseExpression([]byte(src), "t.hcl", hcl.InitialPos)
		if diags.HasErrors() {
			t.Fatalf("%s: %v", src, diags)
		}
		if err := templatesFit(expr, ctx); (err == nil) != fits {
			t.Errorf("templatesFit(%s) = %v, want fits %v", src, err, fits)
		}
	}
}

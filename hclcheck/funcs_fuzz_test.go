package hclcheck

import (
	"os"
	"path/filepath"
	"runtime/metrics"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// Seeds of FuzzFunctions: the crashers of the hostile suite (issue 11) and
// the amplifiers each bound is for.
var hostileCalls = []string{
	`setproduct(range(1000), range(1000), range(1000))`,
	`indent(2000000000, "x\ny")`,
	`format("%2000000000s", "x")`,
	`format("%[1]2000000000s", "x")`,
	`format("%10000s%10000s%10000s%10000s%10000s%10000s%10000s%10000s", "a","b","c","d","e","f","g","h")`,
	`formatlist("%s%s", var.list, var.big)`,
	`strrev(join("", [for i in range(100000): "x"]))`,
	`strrev(join("", [for i in range(1000): "x"]))`,
	`join("", [for i in range(1000): var.big])`,
	`replace(var.big, "x", var.big)`,
	`replace(var.big, "/x/", "$0$0$0$0")`,
	`replace(var.big, "//", "yy")`,
	`split("", var.big)`,
	`regexall(".", var.big)`,
	`chunklist(var.list, 1)`,
	`flatten(var.dag)`,
	`flatten([for x in range(1000): [for y in range(1000): y]])`,
	`concat(var.list, var.list, var.list)`,
	`merge(var.map, var.map)`,
	`zipmap(var.list, var.list)`,
	`jsonencode(range(5000000))`,
	`jsonencode(var.dag)`,
	`yamlencode(var.dag)`,
	`toset(var.dag)`,
	`distinct([var.dag, var.dag])`,
	`contains(var.dag, "x")`,
	`jsondecode("` + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + `")`,
	`jsondecode("[` + strings.Repeat("0,", 200000) + `0]")`,
	`yamldecode("` + billionLaughs + `")`,
	`yamldecode("` + strings.Repeat("- ", 20000) + `x")`,
	`yamldecode("a: &a [*a]")`,
	`csvdecode("` + strings.Repeat(",", 200000) + `\n")`,
	`base64encode(var.big)`,
	`base64decode(base64encode(var.big))`,
	`urlencode(var.big)`,
	`templatefile("t.tmpl", {x = var.big})`,
	`templatefile("t.tmpl", {x = join("", [for i in range(1000): var.big])})`,
	`formatdate(var.big, "2024-01-01T00:00:00Z")`,
	`substr(var.big, 1e30, -1e30)`,
	`substr("abc", -1, 1e300)`,
	`cidrsubnets("10.0.0.0/8", 1e30, -1e30)`,
	`cidrsubnet("10.0.0.0/8", 1e30, 0)`,
	`cidrsubnet("::/0", 100, 1e600000000)`,
	`cidrhost("10.0.0.0/8", 1e600000000)`,
	`jsonencode(1e600000000)`,
	`tostring(1e600000000)`,
	`format("%d", 1e600000000)`,
	`format("%f", 1e-600000000)`,
	`ceil(1e600000000)`,
	`floor(-1e600000000)`,
	`pow(10, 1e300)`,
	`parseint(var.big, 2)`,
	`upper(var.big)`,
	`title(var.big)`,
	`sort(var.list)`,
	`setunion(var.list, var.list)`,
	`element(var.list, 1e300)`,
	`lookup(var.map, "k", var.big)`,
	`sha256(var.big)`,
	`try(setproduct(range(1000), range(1000), range(1000)), "fallback")`,
	`can(indent(2000000000, "x\ny"))`,
	`"${var.big}${var.big}"`,
}

// billionLaughs is nine levels of ten aliases each: a billion strings.
const billionLaughs = `a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g,*g]\ni: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h,*h]\n`

// hostileVars gives the fuzzer values to amplify: a 1 MiB string, a list
// of 1,000 strings, a map, and a value built by reusing another 15 times
// (32,768 leaves, 16 nodes in memory). (cty walks every argument of every
// call in full before the function runs, so a deeper one would only time
// cty out.)
func hostileVars() map[string]cty.Value {
	list := make([]cty.Value, 1000)
	m := map[string]cty.Value{}
	for i := range list {
		list[i] = cty.StringVal(strings.Repeat("x", i%50))
		m[strings.Repeat("k", i%50)+string(rune('a'+i%26))] = list[i]
	}
	dag := cty.TupleVal([]cty.Value{cty.StringVal("x")})
	for range 15 {
		dag = cty.TupleVal([]cty.Value{dag, dag})
	}
	return map[string]cty.Value{"var": cty.ObjectVal(map[string]cty.Value{
		"big":  cty.StringVal(strings.Repeat("x", 1<<20)),
		"list": cty.ListVal(list),
		"map":  cty.MapVal(m),
		"dag":  dag,
	})}
}

// Per input: the time and the live heap an evaluation may take. At
// fuzzFuncDeadline the cancel flag is set, as the evaluator's deadline
// does; the evaluation must then stop within fuzzFuncUnwind.
const (
	fuzzFuncDeadline = 3 * time.Second * raceSlowdown
	fuzzFuncUnwind   = 2 * time.Second * raceSlowdown
	fuzzFuncHeap     = 1 << 30
)

// FuzzFunctions evaluates arbitrary expressions with the function table
// the evaluator uses, with hostile arguments: no input may panic, take
// more than a few seconds or hold more than about 1 GB.
func FuzzFunctions(f *testing.F) {
	for _, s := range hostileCalls {
		f.Add([]byte(s))
	}
	root := f.TempDir()
	if err := os.WriteFile(filepath.Join(root, "t.tmpl"), []byte("${x}${x}%{ for i in range(100) }${x}%{ endfor }"), 0o644); err != nil {
		f.Fatal(err)
	}
	vars := hostileVars()
	f.Fuzz(func(t *testing.T, src []byte) {
		expr, diags := hclsyntax.ParseExpression(src, "fuzz.hcl", hcl.InitialPos)
		if diags.HasErrors() {
			return
		}
		var cancel atomic.Bool
		ctx := &hcl.EvalContext{Variables: vars, Functions: functions(root, root, 0, &cancel)}
		done := make(chan cty.Value, 1)
		go func() {
			v, _ := expr.Value(ctx)
			done <- v
		}()
		var v cty.Value
		select {
		case v = <-done:
		case <-time.After(fuzzFuncDeadline):
			cancel.Store(true)
			select {
			case v = <-done:
			case <-time.After(fuzzFuncUnwind):
				t.Fatalf("evaluation did not stop %v after the deadline: %.300q", fuzzFuncUnwind, src)
			}
		}
		if heap := liveHeap(); heap > fuzzFuncHeap {
			t.Fatalf("%d MB live after evaluating %.300q", heap>>20, src)
		}
		_ = v
	})
}

// liveHeap returns the bytes of live and not yet swept heap objects.
func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

package ssm601

import (
	"fmt"
	"go/ast"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/ssmlint/ssmlint/analyzers/internal/ssmsdk"
	"github.com/ssmlint/ssmlint/rules"
)

// evidenceFunc tells whether a name (a path with path true) is known to be
// a SecureString.
type evidenceFunc func(n Name, path bool) (ssmsdk.Evidence, bool)

// caller is one call that completes a built name: who makes it and the
// arguments that go into the name.
type caller struct {
	by, through string   // "pkg.loadConfig"; the function called when it is not the read's own
	args        []string // the arguments, quoted
	name        string   // the name they complete
	how         string   // how the function builds it
	ev          ssmsdk.Evidence
}

// checkWrapperCalls reports calls of Reader functions whose arguments
// make the name a SecureString while decryption is off. A function that
// builds the name and never decrypts, with its read in this package, is
// reported once at that read, naming its callers (the fix belongs there);
// any other call is reported where it is made.
func checkWrapperCalls(pass *analysis.Pass, vals *ssmsdk.Values, origins map[*types.Func]*origin, evidence evidenceFunc) {
	var order []*origin
	callers := map[*origin][]caller{}
	for _, f := range pass.Files {
		var stack []ast.Node
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			if call, ok := n.(*ast.CallExpr); ok {
				if o, c, ok := checkWrapperCall(pass, vals, call, stack, origins, evidence); ok {
					if _, seen := callers[o]; !seen {
						order = append(order, o)
					}
					if !slices.ContainsFunc(callers[o], func(x caller) bool { return x.by == c.by && slices.Equal(x.args, c.args) }) {
						callers[o] = append(callers[o], c)
					}
				}
			}
			stack = append(stack, n)
			return true
		})
	}
	for _, o := range order {
		cs := callers[o]
		first := cs[0]
		var who []string
		for i, c := range cs {
			if i == 3 {
				who = append(who, fmt.Sprintf("%d more callers", len(cs)-i))
				break
			}
			w := joinWords(c.args) + " passed by " + c.by
			if c.through != "" {
				w += " through " + c.through
			}
			who = append(who, w)
		}
		detail := "name built by " + first.how + " from the " + plural("argument", len(first.args)) + " " + strings.Join(who, ", and ")
		report(pass, o.read, o.in, o.decrypt, "Name", first.name, first.ev, detail)
	}
}

// checkWrapperCall checks one call. It reports it, or returns the origin
// to report at and the caller to name there.
func checkWrapperCall(pass *analysis.Pass, vals *ssmsdk.Values, call *ast.CallExpr, stack []ast.Node, origins map[*types.Func]*origin, evidence evidenceFunc) (*origin, caller, bool) {
	g, ok := calleeReader(pass, call)
	if !ok {
		return nil, caller{}, false
	}
	decrypts := g.Decrypts
	var decryptArg ast.Expr
	if g.DecryptParam >= 0 {
		if g.DecryptParam >= len(call.Args) {
			return nil, caller{}, false
		}
		decryptArg = call.Args[g.DecryptParam]
		b, ok := vals.Bool(decryptArg)
		if !ok {
			return nil, caller{}, false
		}
		decrypts = b
	}
	if decrypts {
		return nil, caller{}, false
	}
	gName := g.name()
	for _, p := range gName {
		if p.Kind == partParam && p.Param >= len(call.Args) {
			return nil, caller{}, false
		}
	}
	body, by := enclosing(pass, stack)
	b := builder{info: pass.TypesInfo, vals: vals, body: body}
	var args []string
	var nameArg ast.Expr
	seen := map[int]bool{}
	name := gName.subst(func(i int) Name {
		n, _ := b.name(call.Args[i], 0)
		if !seen[i] {
			seen[i] = true
			shown, _ := n.display()
			args = append(args, strconv.Quote(shown))
		}
		nameArg = call.Args[i]
		return n
	})
	if s, ok := name.text(); ok && s == "" {
		return nil, caller{}, false
	}
	if _, isText := gName.text(); !isText && g.DecryptParam < 0 && g.Field == "Name" {
		if _, ok := evidence(gName.unknownParams(), false); ok {
			return nil, caller{}, false // a SecureString whatever the arguments: reported where the name is built
		}
	}
	ev, secure := evidence(name, g.Field == "Path")
	if !secure {
		return nil, caller{}, false
	}
	shown, _ := name.display()
	callee := typeutil.StaticCallee(pass.TypesInfo, call)
	if o := origins[callee]; o != nil && g.Built != nil && g.DecryptParam < 0 {
		c := caller{by: by, args: args, name: shown, how: g.How, ev: ev}
		if callee != o.fn {
			c.through = funcLabel(callee)
		}
		return o, c, true
	}
	var at ast.Node = call
	how := "which never decrypts"
	var fixes []analysis.SuggestedFix
	switch {
	case decryptArg != nil:
		at, how = decryptArg, "with decryption off"
		if lit, ok := ast.Unparen(decryptArg).(*ast.Ident); ok && lit.Name == "false" {
			fixes = []analysis.SuggestedFix{{
				Message:   "Pass true",
				TextEdits: []analysis.TextEdit{{Pos: lit.Pos(), End: lit.End(), NewText: []byte("true")}},
			}}
		}
	case nameArg != nil:
		at = nameArg
	}
	what := strconv.Quote(shown)
	if g.Field == "Path" {
		what = "the parameters under " + what
	}
	if g.Built != nil {
		what += " (name built by " + g.How
		if len(args) > 0 {
			what += " from the " + plural("argument", len(args)) + " " + joinWords(args)
		}
		what += ")"
	}
	pass.Report(analysis.Diagnostic{
		Pos:            at.Pos(),
		End:            at.End(),
		Category:       rules.SSM601.ID,
		Message:        fmt.Sprintf("%s reads %s through %s (%s) %s, so a SecureString comes back encrypted: %s", callee.Name(), what, g.Op, g.At, how, ev.Reason),
		URL:            docURL,
		SuggestedFixes: fixes,
	})
	return nil, caller{}, false
}

// enclosing returns the body of the innermost function around a node
// (given its enclosing nodes) and the name of the declared function it
// is in (the package's name at package level).
func enclosing(pass *analysis.Pass, stack []ast.Node) (*ast.BlockStmt, string) {
	var body *ast.BlockStmt
	for i := len(stack) - 1; i >= 0; i-- {
		switch n := stack[i].(type) {
		case *ast.FuncLit:
			if body == nil {
				body = n.Body
			}
		case *ast.FuncDecl:
			if body == nil {
				body = n.Body
			}
			if fn, ok := pass.TypesInfo.Defs[n.Name].(*types.Func); ok {
				return body, funcLabel(fn)
			}
		}
	}
	return body, pass.Pkg.Name()
}

// funcLabel names a function as Go prints it: pkg.F, pkg.(*T).M.
func funcLabel(fn *types.Func) string {
	pkg := ""
	if fn.Pkg() != nil {
		pkg = fn.Pkg().Name() + "."
	}
	if recv := fn.Type().(*types.Signature).Recv(); recv != nil {
		t, star := recv.Type(), ""
		if p, ok := types.Unalias(t).(*types.Pointer); ok {
			t, star = p.Elem(), "*"
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			return pkg + "(" + star + n.Obj().Name() + ")." + fn.Name()
		}
	}
	return pkg + fn.Name()
}

// joinWords writes "a", "a and b", "a, b and c".
func joinWords(ws []string) string {
	if len(ws) <= 1 {
		return strings.Join(ws, "")
	}
	return strings.Join(ws[:len(ws)-1], ", ") + " and " + ws[len(ws)-1]
}

func plural(word string, n int) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

package ssm601

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"strconv"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/ssmlint/ssmlint/analyzers/internal/ssmsdk"
)

// Reader is the fact exported for a function that reads a parameter
// through one of the SSM read operations, taking the name or the
// decryption flag from its parameters: `func get(name string, decrypt
// bool)` around GetParameter, or a helper that hard-codes
// WithDecryption false. Its callers are then checked as if they made the
// read themselves, across packages.
type Reader struct {
	Op    string // "GetParameter", …
	Field string // what names the parameters: "Name", "Names" or "Path"
	// NameParam is the index of the parameter that gives the name, or -1
	// when the name is NameConst.
	NameParam int
	NameConst string
	// DecryptParam is the index of the bool parameter that becomes
	// WithDecryption, or -1 when the function always decrypts (Decrypts)
	// or never does.
	DecryptParam int
	Decrypts     bool
	// At is where the SDK call is, "file.go:12".
	At string
}

// AFact marks Reader as an analysis fact.
func (*Reader) AFact() {}

func (r *Reader) String() string {
	return fmt.Sprintf("reads %s via %s (name param %d %q, decrypt param %d %v)", r.Field, r.Op, r.NameParam, r.NameConst, r.DecryptParam, r.Decrypts)
}

// paramFlow tells whether e is (a pointer helper of) one of fn's
// parameters that the body never reassigns.
func paramFlow(info *types.Info, sig *types.Signature, body *ast.BlockStmt, e ast.Expr) (int, bool) {
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 &&
		(ssmsdk.IsFunc(info, call, ssmsdk.V2AWS, "String", "Bool") || ssmsdk.IsFunc(info, call, ssmsdk.V1AWS, "String", "Bool") ||
			ssmsdk.IsFunc(info, call, ssmsdk.Ptr, "String", "Bool")) {
		e = ast.Unparen(call.Args[0])
	}
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return -1, false
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok {
		return -1, false
	}
	for i := 0; i < sig.Params().Len(); i++ {
		if sig.Params().At(i) == v {
			if reassigned(info, body, v) {
				return -1, false
			}
			return i, true
		}
	}
	return -1, false
}

// reassigned reports an assignment to v (or its address taken) in body.
func reassigned(info *types.Info, body *ast.BlockStmt, v *types.Var) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				if id, ok := ast.Unparen(l).(*ast.Ident); ok && info.ObjectOf(id) == v {
					found = true
				}
			}
		case *ast.IncDecStmt:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && info.ObjectOf(id) == v {
				found = true
			}
		}
		return !found
	})
	return found
}

// wrapperReads computes the Reader facts of the package's functions:
// functions around a direct read, then functions around those, until
// nothing changes.
func wrapperReads(pass *analysis.Pass, vals *ssmsdk.Values) {
	type fn struct {
		obj  *types.Func
		sig  *types.Signature
		body *ast.BlockStmt
	}
	var fns []fn
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			obj, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			fns = append(fns, fn{obj, obj.Type().(*types.Signature), fd.Body})
		}
	}
	for round := 0; round < 5; round++ {
		changed := false
		for _, f := range fns {
			if pass.ImportObjectFact(f.obj, new(Reader)) {
				continue
			}
			if r, ok := readerIn(pass, vals, f.sig, f.body); ok {
				pass.ExportObjectFact(f.obj, r)
				changed = true
			}
		}
		if !changed {
			return
		}
	}
}

// readerIn finds the first read in body whose name and decryption come
// from the function's parameters (at least one of them) or constants.
func readerIn(pass *analysis.Pass, vals *ssmsdk.Values, sig *types.Signature, body *ast.BlockStmt) (*Reader, bool) {
	var out *Reader
	ast.Inspect(body, func(n ast.Node) bool {
		if out != nil {
			return false
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		var nameE, decryptE ast.Expr
		var r Reader
		hasDecrypt := false
		if c, ok := ssmsdk.Match(pass.TypesInfo, call); ok {
			field, isRead := reads[c.Op]
			if !isRead {
				return true
			}
			in, ok := ssmsdk.ReadInput(pass.TypesInfo, body, c.Input)
			if !ok {
				return true
			}
			nameE, _ = in.Set(field)
			var set bool
			decryptE, set = in.Set("WithDecryption")
			if set && decryptE == nil {
				return true // set in several places
			}
			hasDecrypt = set
			r = Reader{Op: c.Op, Field: field, At: position(pass, call.Pos())}
		} else if g, ok := calleeReader(pass, call); ok {
			r = Reader{Op: g.Op, Field: g.Field, At: g.At, NameParam: -1, NameConst: g.NameConst, DecryptParam: -1, Decrypts: g.Decrypts}
			if g.NameParam >= 0 {
				if g.NameParam >= len(call.Args) {
					return true
				}
				nameE = call.Args[g.NameParam]
			}
			if g.DecryptParam >= 0 {
				if g.DecryptParam >= len(call.Args) {
					return true
				}
				decryptE, hasDecrypt = call.Args[g.DecryptParam], true
			}
			if g.NameParam < 0 && g.DecryptParam < 0 {
				return true
			}
		} else {
			return true
		}
		r.NameParam, r.DecryptParam = -1, -1
		if nameE != nil {
			if i, ok := paramFlow(pass.TypesInfo, sig, body, nameE); ok {
				r.NameParam = i
			} else if s, ok := vals.String(nameE); ok && r.Field != "Names" {
				r.NameConst = s
			} else {
				return true
			}
		} else if r.NameConst == "" {
			return true
		}
		if hasDecrypt {
			if i, ok := paramFlow(pass.TypesInfo, sig, body, decryptE); ok {
				r.DecryptParam = i
			} else if b, ok := vals.Bool(decryptE); ok {
				r.Decrypts = b
			} else {
				return true
			}
		}
		if r.NameParam < 0 && r.DecryptParam < 0 {
			return true // nothing comes from outside: the direct check covers it
		}
		if r.DecryptParam < 0 && r.Decrypts {
			return true // always decrypts
		}
		out = &r
		return false
	})
	return out, out != nil
}

// calleeReader returns the Reader fact of the function a call calls.
func calleeReader(pass *analysis.Pass, call *ast.CallExpr) (*Reader, bool) {
	fn := typeutil.StaticCallee(pass.TypesInfo, call)
	if fn == nil {
		return nil, false
	}
	r := new(Reader)
	if !pass.ImportObjectFact(fn, r) {
		return nil, false
	}
	return r, true
}

func position(pass *analysis.Pass, pos token.Pos) string {
	p := pass.Fset.Position(pos)
	return filepath.Base(p.Filename) + ":" + strconv.Itoa(p.Line)
}

// checkWrapperCalls reports calls of Reader functions that pass a
// constant SecureString name with decryption off.
func checkWrapperCalls(pass *analysis.Pass, vals *ssmsdk.Values, evidence func(name string, path bool) (ssmsdk.Evidence, bool)) {
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			g, ok := calleeReader(pass, call)
			if !ok {
				return true
			}
			name := g.NameConst
			var nameArg ast.Expr
			if g.NameParam >= 0 {
				if g.NameParam >= len(call.Args) {
					return true
				}
				nameArg = call.Args[g.NameParam]
				s, ok := vals.String(nameArg)
				if !ok {
					return true
				}
				name = s
			}
			decrypts := g.Decrypts
			var decryptArg ast.Expr
			if g.DecryptParam >= 0 {
				if g.DecryptParam >= len(call.Args) {
					return true
				}
				decryptArg = call.Args[g.DecryptParam]
				b, ok := vals.Bool(decryptArg)
				if !ok {
					return true
				}
				decrypts = b
			}
			if decrypts || name == "" {
				return true
			}
			ev, secure := evidence(name, g.Field == "Path")
			if !secure {
				return true
			}
			callee := typeutil.StaticCallee(pass.TypesInfo, call)
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
			what := strconv.Quote(name)
			if g.Field == "Path" {
				what = "the parameters under " + what
			}
			pass.Report(analysis.Diagnostic{
				Pos:            at.Pos(),
				End:            at.End(),
				Category:       "SSM601",
				Message:        fmt.Sprintf("%s reads %s through %s (%s) %s, so a SecureString comes back encrypted: %s", callee.Name(), what, g.Op, g.At, how, ev.Reason),
				URL:            docURL,
				SuggestedFixes: fixes,
			})
			return true
		})
	}
}

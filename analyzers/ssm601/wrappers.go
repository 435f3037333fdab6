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
// bool)` around GetParameter, a helper that hard-codes WithDecryption
// false, or one that builds the name at run time from its argument
// (fmt.Sprintf("/%s/app/%s", env, name)). Its callers are then checked as
// if they made the read themselves, across packages.
type Reader struct {
	Op    string // "GetParameter", …
	Field string // what names the parameters: "Name", "Names" or "Path"
	// NameParam is the index of the parameter that gives the name, or -1
	// when the name is NameConst or Built.
	NameParam int
	NameConst string
	// Built is the name when the function builds it at run time from its
	// parameters and values it cannot know (an environment, a field);
	// NameParam is then -1 and NameConst "". How says how: "fmt.Sprintf"
	// or "concatenation".
	Built Name
	How   string
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
	s := fmt.Sprintf("reads %s via %s (name param %d %q, decrypt param %d %v)", r.Field, r.Op, r.NameParam, r.NameConst, r.DecryptParam, r.Decrypts)
	if r.Built != nil {
		shown, _ := r.Built.display()
		s += fmt.Sprintf(" built by %s as %q", r.How, shown)
	}
	return s
}

// name is the name the function reads, in terms of its parameters.
func (r *Reader) name() Name {
	switch {
	case r.Built != nil:
		return r.Built
	case r.NameParam >= 0:
		return Name{{Kind: partParam, Param: r.NameParam}}
	}
	return textName(r.NameConst)
}

// origin is the read of this package that a Reader function's callers
// reach when the function never decrypts: where to report (and fix) a
// name its callers complete.
type origin struct {
	read    ssmsdk.Call
	in      ssmsdk.Input
	decrypt ast.Expr // WithDecryption's false value, nil when absent
	fn      *types.Func
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
// nothing changes. It returns the origins of those that never decrypt.
func wrapperReads(pass *analysis.Pass, vals *ssmsdk.Values) map[*types.Func]*origin {
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
	origins := map[*types.Func]*origin{}
	for round := 0; round < 5; round++ {
		changed := false
		for _, f := range fns {
			if pass.ImportObjectFact(f.obj, new(Reader)) {
				continue
			}
			if r, o, ok := readerIn(pass, builder{pass.TypesInfo, vals, f.sig, f.body}, origins); ok {
				pass.ExportObjectFact(f.obj, r)
				if o != nil {
					if o.fn == nil {
						o.fn = f.obj
					}
					origins[f.obj] = o
				}
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	return origins
}

// readerIn finds the first read in the body b is for whose name or
// decryption comes from the function's parameters, with the other known.
// The origin is the read of this package it reaches when it never
// decrypts.
func readerIn(pass *analysis.Pass, b builder, origins map[*types.Func]*origin) (*Reader, *origin, bool) {
	var out *Reader
	var from *origin
	var stack []ast.Node
	ast.Inspect(b.body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		if out != nil {
			return false
		}
		if call, ok := n.(*ast.CallExpr); ok {
			if r, o, ok := readerAt(pass, b, call, stack, origins); ok {
				out, from = r, o
				return false
			}
		}
		stack = append(stack, n)
		return true
	})
	return out, from, out != nil
}

// readerAt is readerIn for one call: a direct read, or a call of a
// Reader function.
func readerAt(pass *analysis.Pass, b builder, call *ast.CallExpr, stack []ast.Node, origins map[*types.Func]*origin) (*Reader, *origin, bool) {
	var name Name
	var decryptE ast.Expr
	var r Reader
	var o *origin
	hasDecrypt := false
	if c, ok := ssmsdk.Match(pass.TypesInfo, call); ok {
		field, isRead := reads[c.Op]
		if !isRead {
			return nil, nil, false
		}
		in, ok := ssmsdk.ReadInput(pass.TypesInfo, b.body, c.Input)
		if !ok || valueUnread(pass.TypesInfo, b.body, stack, c) {
			return nil, nil, false
		}
		nameE, _ := in.Set(field)
		if nameE == nil {
			return nil, nil, false
		}
		var set bool
		decryptE, set = in.Set("WithDecryption")
		if set && decryptE == nil {
			return nil, nil, false // set in several places
		}
		hasDecrypt = set
		r = Reader{Op: c.Op, Field: field, At: position(pass, call.Pos())}
		switch i, isParam := paramFlow(pass.TypesInfo, b.sig, b.body, nameE); {
		case isParam:
			name = Name{{Kind: partParam, Param: i}}
		case field == "Name":
			name, r.How = b.name(nameE, 0)
		default:
			s, ok := b.vals.String(nameE)
			if !ok || field == "Names" {
				return nil, nil, false
			}
			name = textName(s)
		}
		o = &origin{read: c, in: in, decrypt: decryptE}
	} else if g, ok := calleeReader(pass, call); ok {
		r = Reader{Op: g.Op, Field: g.Field, At: g.At, How: g.How, Decrypts: g.Decrypts}
		gName := g.name()
		for _, p := range gName {
			if p.Kind == partParam && p.Param >= len(call.Args) {
				return nil, nil, false
			}
		}
		name = gName.subst(func(i int) Name {
			n, how := b.name(call.Args[i], 0)
			r.How = cmpOr(r.How, how)
			return n
		})
		if g.DecryptParam >= 0 {
			if g.DecryptParam >= len(call.Args) {
				return nil, nil, false
			}
			decryptE, hasDecrypt = call.Args[g.DecryptParam], true
		} else if fn := typeutil.StaticCallee(pass.TypesInfo, call); origins[fn] != nil {
			o = origins[fn]
		}
		if !gName.has(partParam) && g.DecryptParam < 0 {
			return nil, nil, false
		}
	} else {
		return nil, nil, false
	}
	r.NameParam, r.DecryptParam = -1, -1
	if i, ok := name.param(); ok {
		r.NameParam, r.How = i, ""
	} else if s, ok := name.text(); ok {
		r.NameConst, r.How = s, ""
	} else {
		r.Built = name
	}
	if hasDecrypt {
		if i, ok := paramFlow(pass.TypesInfo, b.sig, b.body, decryptE); ok {
			r.DecryptParam, o = i, nil
		} else if v, ok := b.vals.Bool(decryptE); ok {
			r.Decrypts = v
		} else {
			return nil, nil, false
		}
	}
	if r.Built != nil && r.Field != "Name" {
		return nil, nil, false // a list or a path built at run time: not followed
	}
	if r.NameParam < 0 && r.DecryptParam < 0 && !name.has(partParam) {
		return nil, nil, false // nothing comes from outside: the direct check covers it
	}
	if r.DecryptParam < 0 && r.Decrypts {
		return nil, nil, false // always decrypts
	}
	return &r, o, true
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

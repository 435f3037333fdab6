// Package ssmsdk recognises calls of the AWS Systems Manager API in Go code
// that uses aws-sdk-go-v2 or aws-sdk-go (v1), by type identity, and reads
// the values they are given: input structs built in a literal or field by
// field, constant strings and booleans behind the SDK's pointer helpers.
// The SSM6xx analyzers share it.
package ssmsdk

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// Import paths of the SDK packages the analyzers know.
const (
	V2SSM = "github.com/aws/aws-sdk-go-v2/service/ssm"
	V1SSM = "github.com/aws/aws-sdk-go/service/ssm"
	V2AWS = "github.com/aws/aws-sdk-go-v2/aws"
	V1AWS = "github.com/aws/aws-sdk-go/aws"
	Ptr   = "github.com/aws/smithy-go/ptr"
)

// Call is a call of an SSM API operation.
type Call struct {
	Expr *ast.CallExpr
	// Op is the operation: "GetParameter", "PutParameter", …
	Op string
	// V1 is true for aws-sdk-go (v1), false for aws-sdk-go-v2.
	V1 bool
	// Pages is true for v1's OpPages and OpPagesWithContext.
	Pages bool
	// Input is the argument holding the operation's *OpInput.
	Input ast.Expr
}

// Match reports whether call is an SSM operation: a method named after the
// operation (v1 also OpWithContext, OpPages, OpPagesWithContext) that takes
// the operation's input type from the SDK's ssm package. The SDK client,
// the v1 ssmiface interface and an application's own interface with the
// same methods all match; the method's name alone never does.
func Match(info *types.Info, call *ast.CallExpr) (Call, bool) {
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok {
		return Call{}, false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return Call{}, false
	}
	name := fn.Name()
	for i := 0; i < sig.Params().Len(); i++ {
		path, typeName, ok := namedPointer(sig.Params().At(i).Type())
		if !ok || (path != V2SSM && path != V1SSM) || !strings.HasSuffix(typeName, "Input") {
			continue
		}
		op := strings.TrimSuffix(typeName, "Input")
		c := Call{Expr: call, Op: op, V1: path == V1SSM}
		switch name {
		case op:
		case op + "WithContext":
			if !c.V1 {
				continue
			}
		case op + "Pages", op + "PagesWithContext":
			if !c.V1 {
				continue
			}
			c.Pages = true
		default:
			continue
		}
		if i >= len(call.Args) {
			return Call{}, false
		}
		c.Input = call.Args[i]
		return c, true
	}
	return Call{}, false
}

// namedPointer returns the package path and name of T in *T.
func namedPointer(t types.Type) (path, name string, ok bool) {
	p, isPtr := types.Unalias(t).(*types.Pointer)
	if !isPtr {
		return "", "", false
	}
	n, isNamed := types.Unalias(p.Elem()).(*types.Named)
	if !isNamed || n.Obj().Pkg() == nil {
		return "", "", false
	}
	return n.Obj().Pkg().Path(), n.Obj().Name(), true
}

// ImportsSSM reports whether a package imports either SDK's ssm package,
// directly: the analyzers have nothing to do in one that does not.
func ImportsSSM(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		if p := imp.Path(); p == V2SSM || p == V1SSM {
			return true
		}
	}
	return false
}

// IsFunc reports whether call calls the package-level function pkgPath.name.
func IsFunc(info *types.Info, call *ast.CallExpr, pkgPath string, names ...string) bool {
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	if !ok || fn.Pkg() == nil || fn.Pkg().Path() != pkgPath {
		return false
	}
	if sig, ok := fn.Type().(*types.Signature); !ok || sig.Recv() != nil {
		return false
	}
	for _, n := range names {
		if fn.Name() == n {
			return true
		}
	}
	return false
}

// Site is an SSM operation call and the body of the function it is in.
type Site struct {
	Call
	// Body is the enclosing function's body (nil at package level).
	Body *ast.BlockStmt
	// Stack holds the enclosing nodes, outermost first (for loops).
	Stack []ast.Node
}

// Sites lists the SSM operation calls of the package's files.
func Sites(info *types.Info, files []*ast.File) []Site {
	var out []Site
	for _, f := range files {
		var stack []ast.Node
		ast.Inspect(f, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			if call, ok := n.(*ast.CallExpr); ok {
				if c, ok := Match(info, call); ok {
					s := Site{Call: c, Stack: append([]ast.Node(nil), stack...)}
					for i := len(stack) - 1; i >= 0; i-- {
						if fd, ok := stack[i].(*ast.FuncDecl); ok {
							s.Body = fd.Body
							break
						}
						if fl, ok := stack[i].(*ast.FuncLit); ok {
							s.Body = fl.Body
							break
						}
					}
					out = append(out, s)
				}
			}
			stack = append(stack, n)
			return true
		})
	}
	return out
}

// Read is an SSM operation call with the fields of its input.
type Read struct {
	Site
	In Input
}

// NameExprs are the expressions naming parameters in a field's value: the
// value itself, or for a list (Names) the elements of its literal:
// []string{…}, []*string{…}, aws.StringSlice([]string{…}). It returns nil
// for a list that is not a literal.
func NameExprs(info *types.Info, e ast.Expr, list bool) []ast.Expr {
	if e == nil {
		return nil
	}
	if !list {
		return []ast.Expr{e}
	}
	if lit := ListLiteral(info, e); lit != nil {
		return lit.Elts
	}
	return nil
}

// ListLiteral is the composite literal of a list of names, or nil.
func ListLiteral(info *types.Info, e ast.Expr) *ast.CompositeLit {
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 &&
		(IsFunc(info, call, V1AWS, "StringSlice") || IsFunc(info, call, V2AWS, "StringSlice")) {
		e = ast.Unparen(call.Args[0])
	}
	lit, _ := e.(*ast.CompositeLit)
	return lit
}

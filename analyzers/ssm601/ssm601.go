// Package ssm601 defines the SSM601 analyzer (getparameter-missing-decryption):
// a SecureString parameter read without WithDecryption set to true.
package ssm601

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/ssmlint/ssmlint/analyzers/internal/ssmsdk"
	"github.com/ssmlint/ssmlint/rules"
)

// Inventory is the Terraform inventory the analyzer reads (flag
// -inventory), shared with SSM607.
var Inventory = ssmsdk.SharedInventory

// Analyzer reports GetParameter, GetParameters, GetParametersByPath and
// GetParameterHistory calls that read a SecureString without decrypting.
var Analyzer = newAnalyzer()

const docURL = "https://github.com/ssmlint/ssmlint/blob/main/docs/rules/SSM601.md"

func newAnalyzer() *analysis.Analyzer {
	a := &analysis.Analyzer{
		Name:      "ssm601",
		Doc:       rules.SSM601.ID + " " + rules.SSM601.Name + ": " + rules.SSM601.Summary + "\n\n" + rules.SSM601.Rationale,
		URL:       docURL,
		Requires:  []*analysis.Analyzer{ssmsdk.Analyzer},
		Run:       run,
		FactTypes: []analysis.Fact{new(Reader), new(Puts)},
	}
	a.Flags.Var(Inventory, "inventory", "Terraform parameter inventory (JSON written by ssmlint) telling which names are SecureStrings")
	a.Flags.Var(&extraWords, "extra-secret-words", "comma-separated words that mark a name as a secret, beyond the built-in ones (config option extra_secret_words)")
	return a
}

// Puts is the package fact of the names a package stores as SecureStrings
// with PutParameter: name -> "file.go:12".
type Puts struct {
	Names map[string]string
}

// AFact marks Puts as an analysis fact.
func (*Puts) AFact() {}

func (p *Puts) String() string { return fmt.Sprintf("puts %d SecureStrings", len(p.Names)) }

// extraWords are the configured extra secret words.
var extraWords ssmsdk.Words

// reads are the operations that take WithDecryption, and the field that
// names what they read.
var reads = map[string]string{
	"GetParameter":        "Name",
	"GetParameterHistory": "Name",
	"GetParameters":       "Names",
	"GetParametersByPath": "Path",
}

func run(pass *analysis.Pass) (any, error) {
	// Nothing to do in a package that neither uses the SDK nor calls a
	// function of another package known to read parameters.
	if !ssmsdk.ImportsSSM(pass.Pkg) && len(pass.AllObjectFacts()) == 0 {
		return nil, nil
	}
	inv, err := Inventory.Get()
	if err != nil {
		return nil, err
	}
	pkg := ssmsdk.Of(pass)
	vals := pkg.Values()
	puts := ssmsdk.SecurePuts(pass, pkg)
	if len(puts) > 0 {
		pass.ExportPackageFact(&Puts{Names: puts})
	}
	// What other packages of the program put as SecureStrings counts too.
	for _, f := range pass.AllPackageFacts() {
		if p, ok := f.Fact.(*Puts); ok && f.Package != pass.Pkg {
			for n, at := range p.Names {
				if _, seen := puts[n]; !seen {
					puts[n] = f.Package.Path() + " " + at
				}
			}
		}
	}
	origins := wrapperReads(pass, vals)
	evidence := func(n Name, path bool) (ssmsdk.Evidence, bool) {
		if s, ok := n.text(); ok {
			return ssmsdk.SecureEvidence(inv, puts, s, path, extraWords...)
		}
		if path {
			return ssmsdk.Evidence{}, false
		}
		return builtEvidence(inv, puts, n, extraWords)
	}
	checkWrapperCalls(pass, vals, origins, evidence)
	for _, r := range pkg.Reads(slices.Collect(maps.Keys(reads))...) {
		c, in, field := r.Call, r.In, reads[r.Op]
		decrypt, set := in.Set("WithDecryption")
		if set {
			if decrypt == nil {
				continue // set in several places
			}
			if on, known := vals.Bool(decrypt); !known || on {
				continue
			}
		}
		named, _ := in.Set(field)
		if named == nil || valueUnread(pass.TypesInfo, r.Body, r.Stack, c) {
			continue
		}
		names, ok := nameList(pass, vals, named, field == "Names")
		if !ok {
			if field == "Name" {
				checkBuiltName(pass, vals, r, decrypt, evidence)
			}
			continue
		}
		for _, n := range names {
			ev, secure := ssmsdk.SecureEvidence(inv, puts, n, field == "Path", extraWords...)
			if !secure {
				continue
			}
			report(pass, c, in, decrypt, field, n, ev, "")
			break
		}
	}
	return nil, nil
}

// nameList reads the constant names (one, or a list for GetParameters).
// Names that are not constant are left out; ok is false when none is.
func nameList(pass *analysis.Pass, vals *ssmsdk.Values, e ast.Expr, list bool) ([]string, bool) {
	var out []string
	for _, x := range ssmsdk.NameExprs(pass.TypesInfo, e, list) {
		if s, ok := vals.String(x); ok {
			out = append(out, s)
		}
	}
	return out, len(out) > 0
}

// checkBuiltName reports a read whose name is built at run time and known
// to be a SecureString whatever the unknown parts are: "/" + env +
// "/smtp/password".
func checkBuiltName(pass *analysis.Pass, vals *ssmsdk.Values, r ssmsdk.Read, decrypt ast.Expr, evidence evidenceFunc) {
	named, _ := r.In.Set("Name")
	n, how := builder{info: pass.TypesInfo, vals: vals, body: r.Body}.name(named, 0)
	if !n.has(partUnknown) {
		return
	}
	ev, secure := evidence(n, false)
	if !secure {
		return
	}
	shown, _ := n.display()
	report(pass, r.Call, r.In, decrypt, "Name", shown, ev, "name built by "+cmpOr(how, "concatenation"))
}

// report reports a read; detail, when set, says how the name came about.
func report(pass *analysis.Pass, c ssmsdk.Call, in ssmsdk.Input, decrypt ast.Expr, field, name string, ev ssmsdk.Evidence, detail string) {
	what := strconv.Quote(name)
	if detail != "" {
		what += " (" + detail + ")"
	}
	if field == "Path" {
		what = "the parameters under " + what
		if ev.Name != name {
			what += " (such as " + strconv.Quote(ev.Name) + ")"
		}
	}
	how := "without WithDecryption"
	if decrypt != nil {
		how = "with WithDecryption false"
	}
	var at ast.Node = c.Input
	switch {
	case decrypt != nil:
		at = decrypt
	case in.Lit != nil && in.Lit.Type != nil:
		at = in.Lit.Type
	}
	pass.Report(analysis.Diagnostic{
		Pos:            at.Pos(),
		End:            at.End(),
		Category:       rules.SSM601.ID,
		Message:        c.Op + " reads " + what + " " + how + ", so a SecureString comes back encrypted: " + ev.Reason,
		URL:            docURL,
		SuggestedFixes: fix(pass, c, in, decrypt),
	})
}

// fix sets WithDecryption to true: replaces the false value, or adds the
// field to the literal (importing the SDK's aws package when needed).
func fix(pass *analysis.Pass, c ssmsdk.Call, in ssmsdk.Input, decrypt ast.Expr) []analysis.SuggestedFix {
	file := fileOf(pass, c.Expr.Pos())
	if file == nil {
		return nil
	}
	if s := in.Setters["WithDecryption"]; s != nil && decrypt != nil {
		return []analysis.SuggestedFix{{
			Message:   "Call SetWithDecryption(true)",
			TextEdits: []analysis.TextEdit{{Pos: decrypt.Pos(), End: decrypt.End(), NewText: []byte("true")}},
		}}
	}
	awsPath := ssmsdk.V2AWS
	if c.V1 {
		awsPath = ssmsdk.V1AWS
	}
	qual, importEdit := importName(pass, file, awsPath)
	value := qual + ".Bool(true)"
	var edits []analysis.TextEdit
	switch {
	case decrypt != nil:
		edits = append(edits, analysis.TextEdit{Pos: decrypt.Pos(), End: decrypt.End(), NewText: []byte(value)})
	case in.Lit != nil:
		edits = append(edits, insertField(pass, in.Lit, "WithDecryption: "+value))
	default:
		return nil
	}
	edits = append(edits, importEdit...)
	return []analysis.SuggestedFix{{Message: "Set WithDecryption: " + value, TextEdits: edits}}
}

func fileOf(pass *analysis.Pass, pos token.Pos) *ast.File {
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos < f.FileEnd {
			return f
		}
	}
	return nil
}

// importName returns the name a file uses for the package at path, and the
// edit that imports it when the file does not yet.
func importName(pass *analysis.Pass, file *ast.File, path string) (string, []analysis.TextEdit) {
	for _, imp := range file.Imports {
		if p, _ := strconv.Unquote(imp.Path.Value); p == path {
			if imp.Name != nil {
				return imp.Name.Name, nil
			}
			if pkg, ok := pass.TypesInfo.Implicits[imp].(*types.PkgName); ok {
				return pkg.Name(), nil
			}
			return "aws", nil
		}
	}
	line := strconv.Quote(path)
	if len(file.Imports) > 0 {
		last := file.Imports[len(file.Imports)-1]
		return "aws", []analysis.TextEdit{{Pos: last.End(), End: last.End(), NewText: []byte("\n\t" + line)}}
	}
	return "aws", []analysis.TextEdit{{Pos: file.Name.End(), End: file.Name.End(), NewText: []byte("\n\nimport " + line)}}
}

// insertField adds `text` as the last element of a composite literal, on
// a line of its own when the literal spans several lines.
func insertField(pass *analysis.Pass, lit *ast.CompositeLit, text string) analysis.TextEdit {
	open, close := pass.Fset.Position(lit.Lbrace), pass.Fset.Position(lit.Rbrace)
	if open.Line == close.Line {
		if len(lit.Elts) > 0 {
			end := lit.Elts[len(lit.Elts)-1].End()
			return analysis.TextEdit{Pos: end, End: end, NewText: []byte(", " + text)}
		}
		return analysis.TextEdit{Pos: lit.Rbrace, End: lit.Rbrace, NewText: []byte(text)}
	}
	indent := strings.Repeat("\t", max(close.Column-1, 0))
	return analysis.TextEdit{Pos: lit.Rbrace, End: lit.Rbrace, NewText: []byte("\t" + text + ",\n" + indent)}
}

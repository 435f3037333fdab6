package main_test

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/mod/modfile"

	"github.com/ssmlint/ssmlint/rules"
)

// TestRuleExamples runs the built binary on the Bad and Good examples of
// every rule, the examples docs/rules/*.md shows: ssmlint must report the
// rule on its Bad example and must not on its Good one. Every finding
// counts, info included (the JSON report lists them all; --fail-on only
// sets the exit code), and an example ssmlint cannot check (an input or
// build error) fails, so that a Good example is never clean by accident.
//
// A Terraform example is main.tf alone in a directory. A Go example is a
// fragment (rules/catalog_test.go checks it as the body of package
// example): it becomes example.go of a module requiring the real
// aws-sdk-go-v2 and aws-sdk-go (v1), with the go.mod and go.sum of
// analyzers/testdata/realsdk, its imports derived from the packages it
// names. The modules are downloaded once through the module proxy, as
// TestRealSDK does; ssmlint then runs with GOPROXY=off. A Go example's
// comment "The scanned Terraform declares NAME." is context it states
// (SSM607 compares names with the scanned Terraform): NAME is declared,
// as a SecureString, in a main.tf beside the Go module.
func TestRuleExamples(t *testing.T) {
	// The examples' files, prepared before any runs.
	type example struct {
		files map[string]string
		err   error
	}
	examples := map[string]example{} // by "SSM601/Bad"
	mod, modErr := newGoExampleModule(t)
	// The SDK packages the Go examples import, by the Terraform scanned
	// with them (main.tf, "" for none).
	goImports := map[string]map[string]bool{}
	for _, r := range rules.All() {
		for kind, src := range map[string]string{"Bad": r.Bad, "Good": r.Good} {
			var ex example
			switch r.Language {
			case "hcl":
				ex.files = map[string]string{"main.tf": src}
			case "go":
				ex.err = modErr
				if modErr == nil {
					var imports []string
					ex.files, imports, ex.err = mod.files(src)
					tf := ex.files["main.tf"]
					if goImports[tf] == nil {
						goImports[tf] = map[string]bool{}
					}
					for _, p := range imports {
						goImports[tf][p] = true
					}
				}
			default:
				ex.err = fmt.Errorf("unknown example language %q", r.Language)
			}
			examples[r.ID+"/"+kind] = ex
		}
	}
	// One scan of a package importing the SDK packages the examples use
	// fills the build cache with what go vet computes for the SDK (export
	// data, the analyzers' facts) once, before the examples' scans run in
	// parallel and would each compute it again. The analyzers' flags are
	// part of what is cached, and the Terraform scanned alongside adds one
	// (its inventory): one scan for each Terraform.
	warmErr := map[string]error{}
	for tf, imports := range goImports {
		warmErr[tf] = mod.warm(t, imports, tf)
	}
	for _, r := range rules.All() {
		t.Run(r.ID, func(t *testing.T) {
			t.Parallel()
			for _, kind := range []string{"Bad", "Good"} {
				t.Run(kind, func(t *testing.T) {
					t.Parallel()
					ex := examples[r.ID+"/"+kind]
					if ex.err == nil && r.Language == "go" {
						ex.err = warmErr[ex.files["main.tf"]]
					}
					if ex.err != nil {
						src := map[string]string{"Bad": r.Bad, "Good": r.Good}[kind]
						t.Fatalf("%s %s example: %v\n%s", r.ID, kind, ex.err, numbered(src))
					}
					checkExample(t, r, kind, ex.files)
				})
			}
		})
	}
}

// checkExample runs ssmlint on files (the example and what it needs) and
// checks that the rule is reported on a Bad example and not on a Good one.
func checkExample(t *testing.T, r *rules.Rule, kind string, files map[string]string) {
	t.Helper()
	dir := write(t, files)
	out, stderr, code := ssmlintEnv(t, dir, []string{"GOPROXY=off"}, "--format", "json", "--fail-on", "info", ".")
	var rep jsonReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%s %s example: output is not JSON: %v\nstdout:\n%s\nstderr:\n%s", r.ID, kind, err, out, stderr)
	}
	printed := describeReport(rep, code, stderr)
	example := exampleFiles(files)
	if len(rep.Errors) > 0 || code == 2 {
		t.Fatalf("%s %s example could not be checked; ssmlint printed:\n%s\nthe example:\n%s", r.ID, kind, printed, example)
	}
	var hits []string
	for _, f := range rep.Findings {
		if f.Rule == r.ID {
			hits = append(hits, fmt.Sprintf("%s:%d:%d %s", f.File, f.Line, f.Column, f.Message))
		}
	}
	switch {
	case kind == "Bad" && len(hits) == 0:
		t.Errorf("%s (%s) is not reported on its Bad example; ssmlint printed:\n%s\nthe example:\n%s", r.ID, r.Name, printed, example)
	case kind == "Good" && len(hits) > 0:
		t.Errorf("%s (%s) is reported on its Good example:\n  %s\nssmlint printed:\n%s\nthe example:\n%s", r.ID, r.Name, strings.Join(hits, "\n  "), printed, example)
	}
	if wantCode := min(len(rep.Findings), 1); code != wantCode {
		t.Errorf("%s %s example: exit %d with %d findings, want %d", r.ID, kind, code, len(rep.Findings), wantCode)
	}
}

// describeReport is what ssmlint said, one finding or error a line.
func describeReport(rep jsonReport, code int, stderr string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "  exit %d, %d findings, %d errors\n", code, len(rep.Findings), len(rep.Errors))
	for _, f := range rep.Findings {
		fmt.Fprintf(&b, "  %s %s %s:%d:%d %s\n", f.Rule, f.Severity, f.File, f.Line, f.Column, f.Message)
	}
	for _, e := range rep.Errors {
		fmt.Fprintf(&b, "  error %s:%d:%d %s\n", e.File, e.Line, e.Column, e.Message)
	}
	if s := strings.TrimSpace(stderr); s != "" {
		fmt.Fprintf(&b, "  stderr: %s\n", s)
	}
	return b.String()
}

// exampleFiles shows the files ssmlint scanned (go.mod and go.sum left
// out), with line numbers.
func exampleFiles(files map[string]string) string {
	var names []string
	for name := range files {
		if name != "go.mod" && name != "go.sum" {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	var b strings.Builder
	for _, name := range names {
		fmt.Fprintf(&b, "--- %s\n%s", name, numbered(files[name]))
	}
	return b.String()
}

func numbered(src string) string {
	var b strings.Builder
	for i, line := range strings.Split(strings.TrimSuffix(src, "\n"), "\n") {
		fmt.Fprintf(&b, "%4d  %s\n", i+1, line)
	}
	return b.String()
}

// goExampleModule is the go.mod and go.sum the Go examples are built with.
type goExampleModule struct {
	goMod, goSum string
}

// newGoExampleModule reads analyzers/testdata/realsdk's go.mod (renamed
// example.com/example) and go.sum, and downloads its modules into the
// module cache, in a copy so that the repository is not written.
func newGoExampleModule(t *testing.T) (*goExampleModule, error) {
	t.Helper()
	src := filepath.Join(repoRoot(t), "analyzers", "testdata", "realsdk")
	modBytes, err := os.ReadFile(filepath.Join(src, "go.mod"))
	if err != nil {
		return nil, err
	}
	sum, err := os.ReadFile(filepath.Join(src, "go.sum"))
	if err != nil {
		return nil, err
	}
	mf, err := modfile.Parse("go.mod", modBytes, nil)
	if err != nil {
		return nil, err
	}
	if err := mf.AddModuleStmt("example.com/example"); err != nil {
		return nil, err
	}
	if modBytes, err = mf.Format(); err != nil {
		return nil, err
	}
	m := &goExampleModule{goMod: string(modBytes), goSum: string(sum)}
	dl := exec.Command("go", "mod", "download")
	dl.Dir = write(t, map[string]string{"go.mod": m.goMod, "go.sum": m.goSum})
	if out, err := dl.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("go mod download (the SDK modules of %s): %v\n%s", src, err, out)
	}
	return m, nil
}

// warm runs ssmlint on a package of the module that imports the given
// packages, with tf as main.tf beside it unless empty.
func (m *goExampleModule) warm(t *testing.T, imports map[string]bool, tf string) error {
	t.Helper()
	var lines []string
	for p := range imports {
		lines = append(lines, "\t_ "+strconv.Quote(p)+"\n")
	}
	slices.Sort(lines)
	files := map[string]string{"go.mod": m.goMod, "go.sum": m.goSum,
		"warm.go": "package warm\n\nimport (\n" + strings.Join(lines, "") + ")\n"}
	if tf != "" {
		files["main.tf"] = tf
	}
	dir := write(t, files)
	if out, stderr, code := ssmlintEnv(t, dir, []string{"GOPROXY=off"}, "--format", "json", "."); code != 0 {
		return fmt.Errorf("ssmlint on a package importing %s: exit %d\n%s\n%s", strings.Join(slices.Sorted(maps.Keys(imports)), ", "), code, out, stderr)
	}
	return nil
}

// goPackages are the packages a Go example may name, by name; sdkV1 and
// sdkV2 those of the SDK (an example uses one of them).
var (
	goPackages = map[string]string{
		"context": "context", "errors": "errors", "fmt": "fmt", "log": "log", "maps": "maps", "os": "os",
		"slices": "slices", "sort": "sort", "strconv": "strconv", "strings": "strings", "sync": "sync", "time": "time",
	}
	sdkV2 = map[string]string{
		"aws":   "github.com/aws/aws-sdk-go-v2/aws",
		"ssm":   "github.com/aws/aws-sdk-go-v2/service/ssm",
		"types": "github.com/aws/aws-sdk-go-v2/service/ssm/types",
	}
	sdkV1 = map[string]string{
		"aws":      "github.com/aws/aws-sdk-go/aws",
		"ssm":      "github.com/aws/aws-sdk-go/service/ssm",
		"ssmiface": "github.com/aws/aws-sdk-go/service/ssm/ssmiface",
		"session":  "github.com/aws/aws-sdk-go/aws/session",
		"request":  "github.com/aws/aws-sdk-go/aws/request",
	}
)

// v1Client is aws-sdk-go v1's client type, *ssm.SSM (v2's is *ssm.Client).
var v1Client = regexp.MustCompile(`\bssm\.SSM\b`)

// declaredPattern finds the context a Go example states in a comment:
// "// The scanned Terraform declares /myapp/prod/db/password."
var declaredPattern = regexp.MustCompile(`(?m)^\s*// The scanned Terraform declares (/[A-Za-z0-9_./-]*[A-Za-z0-9_/-])\.?\s*$`)

// files returns the module of a Go example: go.mod, go.sum, example.go
// (package example, the imports of the packages src names, src), and the
// main.tf of the parameters its comments say the scanned Terraform
// declares.
func (m *goExampleModule) files(src string) (files map[string]string, imports []string, err error) {
	const header = "package example\n\n"
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "example.go", header+src, parser.ParseComments)
	if err != nil {
		return nil, nil, err
	}
	// The packages are the unresolved names used as X in X.Sel.
	unresolved := map[*ast.Ident]bool{}
	for _, id := range f.Unresolved {
		unresolved[id] = true
	}
	named := map[string]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok && unresolved[id] {
				named[id.Name] = true
			}
		}
		return true
	})
	// aws-sdk-go v1 is told by its client type *ssm.SSM (v2 has
	// *ssm.Client) or its v1-only packages.
	sdk := sdkV2
	if named["ssmiface"] || named["session"] || v1Client.MatchString(src) {
		sdk = sdkV1
	}
	for name := range named {
		path, ok := goPackages[name]
		if !ok {
			path, ok = sdk[name]
		}
		if !ok {
			return nil, nil, fmt.Errorf("names package %q, which TestRuleExamples does not know (add it to goPackages or the SDK maps)", name)
		}
		imports = append(imports, path)
	}
	slices.Sort(imports)
	file := header
	if len(imports) > 0 {
		var quoted []string
		for _, p := range imports {
			quoted = append(quoted, strconv.Quote(p))
		}
		file += "import (\n\t" + strings.Join(quoted, "\n\t") + "\n)\n\n"
	}
	files = map[string]string{"go.mod": m.goMod, "go.sum": m.goSum, "example.go": file + src}
	var tf strings.Builder
	for i, match := range declaredPattern.FindAllStringSubmatch(src, -1) {
		fmt.Fprintf(&tf, "resource \"aws_ssm_parameter\" \"declared_%d\" {\n  name  = %q\n  type  = \"SecureString\"\n  value = var.declared_%d\n}\n\nvariable \"declared_%d\" {\n  type      = string\n  sensitive = true\n}\n\n", i, match[1], i, i)
	}
	if tf.Len() > 0 {
		files["main.tf"] = tf.String()
	}
	return files, imports, nil
}

package gocheck

import (
	"crypto/sha256"
	"encoding/hex"
	"go/ast"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
)

// calls reports every call, with a fix that renames the callee.
var calls = &analysis.Analyzer{
	Name: "calls",
	Doc:  "reports calls",
	Run: func(pass *analysis.Pass) (any, error) {
		for _, f := range pass.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				if c, ok := n.(*ast.CallExpr); ok {
					pass.Report(analysis.Diagnostic{Pos: c.Pos(), End: c.End(), Message: "call",
						SuggestedFixes: []analysis.SuggestedFix{{Message: "rename",
							TextEdits: []analysis.TextEdit{{Pos: c.Fun.Pos(), End: c.Fun.End(), NewText: []byte("h")}}}}})
				}
				return true
			})
		}
		return nil, nil
	},
}

// The vet tool's diagnostics carry the real file, line and offsets
// whatever a //line directive says, and the SHA-256 of the file parsed.
func TestVetAnalyzersRealPositions(t *testing.T) {
	dir := analysistest.TestData()
	results := analysistest.Run(t, dir, VetAnalyzers([]*analysis.Analyzer{calls})[0], "lined")
	file := filepath.Join(dir, "src", "lined", "lined.go")
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(src)
	call := strings.Index(string(src), "f() //")
	if len(results) != 1 || len(results[0].Diagnostics) != 1 {
		t.Fatalf("results %+v; want one diagnostic", results)
	}
	d := results[0].Diagnostics[0]
	msg, real, ok := splitReal(d.Message)
	if !ok || msg != "call" {
		t.Fatalf("message %q: no real positions", d.Message)
	}
	if real.Start.File != file || real.Start.Line != 7 || real.Start.Column != 2 || real.Start.Offset != call {
		t.Errorf("start %+v; want %s:7:2 (offset %d)", real.Start, file, call)
	}
	if len(real.Fixes) != 1 || len(real.Fixes[0]) != 1 {
		t.Fatalf("fixes %+v; want one edit", real.Fixes)
	}
	e := real.Fixes[0][0]
	if e.File != file || e.Start != call || e.End != call+1 || e.Sum != hex.EncodeToString(sum[:]) {
		t.Errorf("edit %+v; want %s [%d,%d) with the file's sum", e, file, call, call+1)
	}
	if calls.Run == nil || strings.Contains(calls.Name, "ssmlint") {
		t.Error("VetAnalyzers changed the analyzer it copied")
	}
}

// The last marker wins: a message quoting the marker (from the code
// under analysis) cannot forge positions.
func TestSplitRealLastMarker(t *testing.T) {
	forged := `reads "` + realMarker + `{"s":{"f":"/etc/passwd","l":1,"c":1,"o":0},"e":{"f":"/etc/passwd","l":1,"c":1,"o":0}}"`
	msg, real, ok := splitReal(forged + realMarker + `{"s":{"f":"/repo/a.go","l":3,"c":2,"o":20},"e":{"f":"/repo/a.go","l":3,"c":5,"o":23}}`)
	if !ok || msg != forged || real.Start.File != "/repo/a.go" || real.End.Offset != 23 {
		t.Errorf("splitReal = %q, %+v, %v", msg, real, ok)
	}
	if _, _, ok := splitReal("no marker"); ok {
		t.Error("a message without the marker has real positions")
	}
	if _, _, ok := splitReal("x" + realMarker + "{not json"); ok {
		t.Error("a bad suffix gives real positions")
	}
}

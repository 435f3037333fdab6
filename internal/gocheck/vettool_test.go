package gocheck

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"go/ast"
	"os"
	"path/filepath"
	"strconv"
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

// A diagnostic a suppression comment covers is still reported by the vet
// tool, marked suppressed and without its fixes: ssmlint counts it and
// knows the comment was used, and --fix cannot apply its fix.
func TestVetAnalyzersMarkSuppressed(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), VetAnalyzers([]*analysis.Analyzer{calls})[0], "suppressed")
	if len(results) != 1 || len(results[0].Diagnostics) != 2 {
		t.Fatalf("results %+v; want two diagnostics", results)
	}
	for i, d := range results[0].Diagnostics {
		_, real, ok := splitReal(d.Message)
		if !ok {
			t.Fatalf("message %q: no real positions", d.Message)
		}
		suppressed := real.Start.Line == 7
		if real.Suppressed != suppressed || (len(d.SuggestedFixes) == 0) != suppressed || (len(real.Fixes) == 0) != suppressed {
			t.Errorf("diagnostic %d at line %d: suppressed %v, %d fixes (%d real); want suppressed %v and fixes only when not",
				i, real.Start.Line, real.Suppressed, len(d.SuggestedFixes), len(real.Fixes), suppressed)
		}
	}
}

// readJSON keeps the findings the vet tool marked suppressed apart, with
// no fixes: they are counted, never reported or fixed.
func TestReadJSONSuppressed(t *testing.T) {
	diag := func(line int, suppressed bool, fix string) string {
		info := realInfo{Start: realPos{File: "/repo/a.go", Line: line, Column: 2, Offset: 20}, End: realPos{File: "/repo/a.go", Line: line, Column: 5, Offset: 23}, Suppressed: suppressed}
		if fix != "" {
			info.Fixes = [][]realEdit{{{File: "/repo/a.go", Start: 20, End: 23}}}
		}
		b, _ := json.Marshal(info)
		msg, _ := json.Marshal("reads" + realMarker + string(b))
		return `{"category":"SSM601","posn":"/repo/a.go:` + strconv.Itoa(line) + `:2","message":` + string(msg) + fix + `}`
	}
	fix := `,"suggested_fixes":[{"message":"m","edits":[{"filename":"/repo/a.go","start":20,"end":23,"new":"x"}]}]`
	stream := `{"example.com/a":{"ssm601":[` + diag(3, false, fix) + `,` + diag(4, true, "") + `]}}`
	res := &Result{Fixes: map[int][]Fix{}}
	if err := res.readJSON(strings.NewReader(stream)); err != nil {
		t.Fatal(err)
	}
	if len(res.Findings) != 1 || res.Findings[0].Range.Start.Line != 3 || len(res.Fixes[0]) != 1 {
		t.Errorf("findings %+v, fixes %+v; want the one on line 3, with its fix", res.Findings, res.Fixes)
	}
	if len(res.Suppressed) != 1 || res.Suppressed[0].Range.Start.Line != 4 || res.Suppressed[0].Rule == nil {
		t.Errorf("suppressed %+v; want the one on line 4", res.Suppressed)
	}
}

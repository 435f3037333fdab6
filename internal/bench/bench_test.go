package bench

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strings"
	"testing"

	"github.com/ssmlint/ssmlint/hclcheck"
	"github.com/ssmlint/ssmlint/hclcheck/checks"
)

// benchFiles sizes the corpus of the benchmarks:
//
//	go test -run '^$' -bench . ./internal/bench -args -bench.files=2500
var benchFiles = flag.Int("bench.files", 300, "size of the corpus the benchmarks generate")

// heapProfile, when set, is where BenchmarkLoadAndCheck writes a heap
// profile after its loop (-memprofile shows allocations; this shows what
// stays live between scans, which should be almost nothing).
var heapProfile = flag.String("bench.heapprofile", "", "write a heap profile taken after the benchmark loop to this file")

// TestGenerateDeterministic checks that a seed gives the same bytes, that
// another seed gives others, and the size.
func TestGenerateDeterministic(t *testing.T) {
	const n = 300
	a, b, c := t.TempDir(), t.TempDir(), t.TempDir()
	sa, err := Generate(a, Options{Files: n, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	sb, err := Generate(b, Options{Files: n, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	if sa != sb {
		t.Errorf("same seed, different stats: %+v vs %+v", sa, sb)
	}
	ta, tb := readTree(t, a), readTree(t, b)
	if len(ta) != len(tb) {
		t.Fatalf("same seed: %d files vs %d", len(ta), len(tb))
	}
	for p, src := range ta {
		if !bytes.Equal(src, tb[p]) {
			t.Errorf("same seed: %s differs", p)
		}
	}
	if _, err := Generate(c, Options{Files: n, Seed: 8}); err != nil {
		t.Fatal(err)
	}
	tc := readTree(t, c)
	same := len(tc) == len(ta)
	for p, src := range ta {
		same = same && bytes.Equal(src, tc[p])
	}
	if same {
		t.Error("seeds 7 and 8 gave the same corpus")
	}
	if sa.Files < n*9/10 || sa.Files > n*11/10 {
		t.Errorf("asked for %d files, got %d", n, sa.Files)
	}
	tf := 0
	for p := range ta {
		if strings.HasSuffix(p, ".tf") || strings.HasSuffix(p, ".tfvars") {
			tf++
		}
	}
	if tf != sa.Files {
		t.Errorf("stats say %d files, the tree has %d", sa.Files, tf)
	}
	if sa.Examples < 20 || sa.Stacks < 5 {
		t.Errorf("want examples and stacks, got %+v", sa)
	}
}

// TestCorpusParsesAndFinds checks that every file parses, that .tf files
// have a typical size, that ssmlint's engine loads the corpus without
// errors, and that the planted mistakes are found.
func TestCorpusParsesAndFinds(t *testing.T) {
	dir := t.TempDir()
	st, err := Generate(dir, Options{Files: 300, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	files, err := TerraformFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != st.Files {
		t.Errorf("TerraformFiles found %d files, Generate wrote %d", len(files), st.Files)
	}
	res, err := ParseFloor(files, 0, false)
	if err != nil {
		t.Fatal(err)
	}
	if res.ParseErrors > 0 {
		t.Errorf("%d files do not parse", res.ParseErrors)
	}
	for _, f := range files {
		if !strings.HasSuffix(f, ".tf") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if n := bytes.Count(src, []byte("\n")); n < 40 || n > 200 {
			t.Errorf("%s: %d lines, want 40 to 200", f, n)
		}
	}

	scan := hclcheck.Scan(dir, hclcheck.LoadOptions{}, hclcheck.EvalOptions{}, checks.All(), hclcheck.Settings{})
	for _, e := range scan.Errors {
		t.Errorf("error: %s:%d: %s", e.Range.File, e.Range.Start.Line, e.Message)
	}
	if scan.Files != st.Files {
		t.Errorf("engine loaded %d files, want %d", scan.Files, st.Files)
	}
	if want := st.Examples + st.Stacks; scan.Configs != want {
		t.Errorf("%d root modules, want %d (examples + stacks)", scan.Configs, want)
	}
	fs := scan.Findings
	byRule := map[string]int{}
	for _, f := range fs {
		byRule[f.Rule.ID]++
	}
	for _, id := range []string{"SSM201", "SSM202", "SSM203", "SSM204", "SSM301", "SSM302"} {
		if byRule[id] == 0 {
			t.Errorf("no %s finding in the corpus (got %v)", id, byRule)
		}
	}
}

func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = src
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func benchCorpus(b *testing.B) (string, Stats) {
	b.Helper()
	dir := b.TempDir()
	st, err := Generate(dir, Options{Files: *benchFiles, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	return dir, st
}

// BenchmarkLoadAndCheck is what a scan costs in the engine: discovery,
// parsing, module instantiation and evaluation, and every Terraform check
// (no report writing, no suppression comments).
func BenchmarkLoadAndCheck(b *testing.B) {
	dir, st := benchCorpus(b)
	b.ReportAllocs()
	var findings int
	for b.Loop() {
		res := hclcheck.Scan(dir, hclcheck.LoadOptions{}, hclcheck.EvalOptions{}, benchChecks(), hclcheck.Settings{})
		if len(res.Errors) > 0 {
			b.Fatalf("error: %s", res.Errors[0].Message)
		}
		findings = len(res.Findings)
	}
	b.ReportMetric(float64(st.Files), "files")
	b.ReportMetric(float64(findings), "findings")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(st.Files), "ns/file")
	if *heapProfile != "" {
		writeHeapProfile(b, *heapProfile)
	}
}

func writeHeapProfile(b *testing.B, path string) {
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkParseFloor reads and parses the same files with hclsyntax only,
// on the same number of workers: the floor under BenchmarkLoadAndCheck.
func BenchmarkParseFloor(b *testing.B) {
	dir, st := benchCorpus(b)
	b.ReportAllocs()
	for b.Loop() {
		files, err := TerraformFiles(dir)
		if err != nil {
			b.Fatal(err)
		}
		res, err := ParseFloor(files, 0, false)
		if err != nil || res.ParseErrors > 0 {
			b.Fatalf("parse floor: %v (%d files with errors)", err, res.ParseErrors)
		}
	}
	b.ReportMetric(float64(st.Files), "files")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(st.Files), "ns/file")
}

// benchChecks are the checks the engine benchmark runs: all of them, or
// those whose IDs start with -bench.rules (e.g. "SSM2") to profile a family.
func benchChecks() []hclcheck.Check {
	var out []hclcheck.Check
	for _, c := range checks.All() {
		if strings.HasPrefix(c.Rule.ID, *benchRules) {
			out = append(out, c)
		}
	}
	return out
}

var benchRules = flag.String("bench.rules", "", "run only the checks whose ID starts with this prefix")

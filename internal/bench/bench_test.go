package bench

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
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
// profile taken right after Load, with the project live: what a scan
// holds while its checks run (-memprofile, taken at the end, shows
// allocations but not that).
var heapProfile = flag.String("bench.heapprofile", "", "write a heap profile taken after hclcheck.Load to this file")

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

	p := hclcheck.Load(dir, hclcheck.LoadOptions{}, hclcheck.EvalOptions{})
	for _, e := range p.Errors {
		t.Errorf("load error: %s", e.Error())
	}
	if p.Files != st.Files {
		t.Errorf("engine loaded %d files, want %d", p.Files, st.Files)
	}
	if want := st.Examples + st.Stacks; len(p.Configs) != want {
		t.Errorf("%d root modules, want %d (examples + stacks)", len(p.Configs), want)
	}
	fs, errs := hclcheck.Run(p, checks.All(), hclcheck.Settings{})
	for _, e := range errs {
		t.Errorf("check error: %s", e.Message)
	}
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
		p := hclcheck.Load(dir, hclcheck.LoadOptions{}, hclcheck.EvalOptions{})
		if len(p.Errors) > 0 {
			b.Fatalf("load error: %s", p.Errors[0].Error())
		}
		fs, errs := hclcheck.Run(p, checks.All(), hclcheck.Settings{})
		if len(errs) > 0 {
			b.Fatalf("check error: %s", errs[0].Message)
		}
		findings = len(fs)
	}
	b.ReportMetric(float64(st.Files), "files")
	b.ReportMetric(float64(findings), "findings")

	// One more, untimed, run to see what stays live: after Load (every
	// AST, module and configuration) and after Run.
	p := hclcheck.Load(dir, hclcheck.LoadOptions{}, hclcheck.EvalOptions{})
	afterLoad := liveMB()
	if *heapProfile != "" {
		writeHeapProfile(b, *heapProfile)
	}
	hclcheck.Run(p, checks.All(), hclcheck.Settings{})
	afterRun := liveMB()
	runtime.KeepAlive(p)
	b.ReportMetric(afterLoad, "live-MB-after-load")
	b.ReportMetric(afterRun, "live-MB-after-run")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(st.Files), "ns/file")
}

// liveMB is the live heap after a full collection.
func liveMB() float64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return float64(ms.HeapAlloc) / (1 << 20)
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

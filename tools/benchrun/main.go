// Command benchrun measures ssmlint end to end against the parse floor on
// generated corpora.
//
//	go -C tools run ./benchrun [-sizes 2500,10000] [-runs 3] [-ssmlint bin/ssmlint] [-floor PATH] [-seed 1] [-dir DIR]
//
// It builds ssmlint and parsefloor (unless given), generates the corpora
// into DIR (the repository's .bench by default; reused when already
// generated for that seed and size), and for
// each size runs the floor and `ssmlint --format json --output /dev/null
// CORPUS` -runs times, alternating, after one untimed warm-up of each
// (ssmlint's warm-up writes its JSON report to DIR to count findings). It
// prints the medians of wall time and peak RSS and judges the targets:
// ssmlint within 2x the floor, time growing about linearly with size, and
// at most 300 MB at 10,000 files.
//
// With -retain (the default) it also runs `parsefloor -retain`, which
// keeps every parsed file until the end: the memory that holding all the
// ASTs at once costs, printed below the table.
//
// It exits non-zero only when something fails to run (a build, the
// generator, a child exiting 2); missed targets are reported, not fatal.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ssmlint/ssmlint/internal/bench"
	"github.com/ssmlint/ssmlint/internal/config"
)

// Targets.
const (
	maxWallRatio   = 2.0 // ssmlint / floor
	maxPeakMB      = 300 // at the 10,000-file corpus
	peakTargetSize = 10000
	linearSlack    = 1.25 // time growth / size growth still called linear
)

func main() {
	sizesFlag := flag.String("sizes", "2500,10000", "corpus sizes in files, comma-separated")
	runs := flag.Int("runs", 3, "timed runs of each program per size (the median is reported)")
	ssmlint := flag.String("ssmlint", "", "ssmlint binary to measure (default: build ./cmd/ssmlint into DIR/bin)")
	floor := flag.String("floor", "", "parsefloor binary (default: build tools/parsefloor into DIR/bin)")
	seed := flag.Uint64("seed", 1, "corpus seed")
	dir := flag.String("dir", "", "where corpora, binaries and reports go (default: the repository's .bench, gitignored)")
	retain := flag.Bool("retain", true, "also measure parsefloor -retain (parse and keep every AST)")
	flag.Parse()
	if err := run(*sizesFlag, *runs, *ssmlint, *floor, *seed, *dir, *retain); err != nil {
		fmt.Fprintf(os.Stderr, "benchrun: %v\n", err)
		os.Exit(1)
	}
}

// row is one size's results.
type row struct {
	size, files         int
	floorWall, lintWall []time.Duration
	floorKB, lintKB     []int64
	retainWall          []time.Duration
	retainKB            []int64
	findings            int
}

func run(sizesFlag string, runs int, ssmlint, floor string, seed uint64, dir string, retain bool) error {
	var sizes []int
	for _, s := range strings.Split(sizesFlag, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n <= 0 {
			return fmt.Errorf("-sizes: bad size %q", s)
		}
		sizes = append(sizes, n)
	}
	if runs < 1 {
		return fmt.Errorf("-runs must be at least 1")
	}
	root, err := repositoryRoot()
	if err != nil {
		return err
	}
	if dir == "" {
		dir = filepath.Join(root, ".bench")
	}
	dir, err = filepath.Abs(dir)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(dir, "bin"), 0o755); err != nil {
		return err
	}
	if ssmlint == "" {
		ssmlint = filepath.Join(dir, "bin", "ssmlint")
		if err := goBuild(ssmlint, root, "./cmd/ssmlint"); err != nil {
			return err
		}
	}
	if floor == "" {
		floor = filepath.Join(dir, "bin", "parsefloor")
		if err := goBuild(floor, filepath.Join(root, "tools"), "./parsefloor"); err != nil {
			return err
		}
	}
	for _, p := range []*string{&ssmlint, &floor} {
		if *p, err = filepath.Abs(*p); err != nil {
			return err
		}
	}
	fmt.Printf("benchrun: %s/%s, %d CPUs (GOMAXPROCS %d), %s, seed %d, %d timed runs each, medians\n",
		runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.GOMAXPROCS(0), runtime.Version(), seed, runs)
	fmt.Printf("ssmlint: %s; source tree at %s\n", ssmlint, treeVersion(root))

	var rows []row
	for _, size := range sizes {
		corpus, st, cached, err := ensureCorpus(dir, bench.Options{Files: size, Seed: seed})
		if err != nil {
			return err
		}
		how := "generated"
		if cached {
			how = "cached"
		}
		fmt.Printf("corpus %d: %s (%s)", size, corpus, how)
		if st != nil {
			fmt.Printf(": %d files, %d lines, %.1f MB, %d examples, %d stacks", st.Files, st.Lines, float64(st.Bytes)/(1<<20), st.Examples, st.Stacks)
		}
		fmt.Println()
		if p, ok := config.Find(corpus); ok {
			fmt.Printf("note: ssmlint will read the configuration %s found above the corpus\n", p)
		}

		r := row{size: size}
		// Warm-up (page cache, binaries): untimed. ssmlint's writes the
		// report whose findings are counted.
		out, _, err := measure(floor, []string{corpus}, 0)
		if err != nil {
			return err
		}
		if _, err := fmt.Sscanf(string(out), "files %d", &r.files); err != nil {
			return fmt.Errorf("parsefloor printed %q", out)
		}
		report := filepath.Join(dir, fmt.Sprintf("findings-seed%d-files%d.json", seed, size))
		if _, _, err := measure(ssmlint, []string{"--format", "json", "--output", report, corpus}, 0, 1); err != nil {
			return err
		}
		n, scanned, err := countFindings(report)
		if err != nil {
			return err
		}
		r.findings = n
		if scanned != r.files {
			fmt.Printf("note: ssmlint scanned %d files, the floor parsed %d\n", scanned, r.files)
		}
		for range runs {
			_, s, err := measure(floor, []string{corpus}, 0)
			if err != nil {
				return err
			}
			r.floorWall, r.floorKB = append(r.floorWall, s.wall), append(r.floorKB, s.maxRSSKB)
			if retain {
				if _, s, err = measure(floor, []string{"-retain", corpus}, 0); err != nil {
					return err
				}
				r.retainWall, r.retainKB = append(r.retainWall, s.wall), append(r.retainKB, s.maxRSSKB)
			}
			_, s, err = measure(ssmlint, []string{"--format", "json", "--output", os.DevNull, corpus}, 0, 1)
			if err != nil {
				return err
			}
			r.lintWall, r.lintKB = append(r.lintWall, s.wall), append(r.lintKB, s.maxRSSKB)
		}
		rows = append(rows, r)
	}
	fmt.Println()
	printTable(rows)
	fmt.Println()
	judge(rows)
	return nil
}

// goBuild builds pkg (relative to dir, a module's directory) into out.
func goBuild(out, dir, pkg string) error {
	cmd := exec.Command("go", "build", "-o", out, pkg)
	cmd.Dir = dir
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go build %s: %v", pkg, err)
	}
	return nil
}

// repositoryRoot is the directory of the ssmlint module: the main module
// when run from the repository's root, the replaced dependency when run
// from tools/.
func repositoryRoot() (string, error) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/ssmlint/ssmlint").Output()
	if err != nil {
		return "", errors.New("cannot locate the ssmlint module (run benchrun from the repository): go list -m failed")
	}
	dir := strings.TrimSpace(string(out))
	if dir == "" {
		return "", errors.New("the ssmlint module has no directory (run benchrun from the repository)")
	}
	return dir, nil
}

// treeVersion describes the repository's commit (with -dirty for local
// changes), or says it is unknown.
func treeVersion(root string) string {
	out, err := exec.Command("git", "-C", root, "describe", "--always", "--dirty").Output()
	if err != nil {
		return "unknown commit"
	}
	return strings.TrimSpace(string(out))
}

// ensureCorpus returns the corpus for opt under dir, generating it unless
// a complete one with the same stamp is there. st is nil for a cached one.
func ensureCorpus(dir string, opt bench.Options) (path string, st *bench.Stats, cached bool, err error) {
	path = filepath.Join(dir, fmt.Sprintf("corpus-seed%d-files%d", opt.Seed, opt.Files))
	if b, err := os.ReadFile(filepath.Join(path, bench.StampFile)); err == nil && strings.TrimSpace(string(b)) == bench.Stamp(opt) {
		return path, nil, true, nil
	}
	if err := os.RemoveAll(path); err != nil {
		return "", nil, false, err
	}
	tmp := path + ".tmp"
	if err := os.RemoveAll(tmp); err != nil {
		return "", nil, false, err
	}
	s, err := bench.Generate(tmp, opt)
	if err != nil {
		return "", nil, false, fmt.Errorf("generating %d files: %v", opt.Files, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return "", nil, false, err
	}
	return path, &s, false, nil
}

type sample struct {
	wall     time.Duration
	maxRSSKB int64
}

// measure runs bin with args, timing it and reading its peak RSS. An exit
// code outside ok is an error (with the child's stderr).
func measure(bin string, args []string, ok ...int) ([]byte, sample, error) {
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		return nil, sample{}, fmt.Errorf("%s: %v", filepath.Base(bin), err)
	}
	code := cmd.ProcessState.ExitCode()
	if !slices.Contains(ok, code) {
		msg := strings.TrimSpace(stderr.String())
		if len(msg) > 2000 {
			msg = msg[:2000] + "..."
		}
		return nil, sample{}, fmt.Errorf("%s %s: exit status %d\n%s", filepath.Base(bin), strings.Join(args, " "), code, msg)
	}
	return stdout.Bytes(), sample{wall: wall, maxRSSKB: maxRSSKB(cmd.ProcessState)}, nil
}

// countFindings reads an ssmlint JSON report.
func countFindings(path string) (findings, scanned int, err error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, 0, err
	}
	var doc struct {
		Findings []json.RawMessage `json:"findings"`
		Summary  struct {
			FilesScanned int `json:"files_scanned"`
		} `json:"summary"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		return 0, 0, fmt.Errorf("%s: %v", path, err)
	}
	return len(doc.Findings), doc.Summary.FilesScanned, nil
}

func median[T int64 | time.Duration](xs []T) T {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func secs(d time.Duration) string { return fmt.Sprintf("%.2fs", d.Seconds()) }
func mb(kb int64) string          { return fmt.Sprintf("%.0f", float64(kb)/1024) }

func printTable(rows []row) {
	header := []string{"size", "files", "floor wall", "floor peak MB", "ssmlint wall", "ssmlint peak MB", "ratio wall (ssmlint/floor)", "findings"}
	var cells [][]string
	for _, r := range rows {
		fw, lw := median(r.floorWall), median(r.lintWall)
		cells = append(cells, []string{
			strconv.Itoa(r.size), strconv.Itoa(r.files),
			secs(fw), mb(median(r.floorKB)),
			secs(lw), mb(median(r.lintKB)),
			fmt.Sprintf("%.2fx", lw.Seconds()/fw.Seconds()),
			strconv.Itoa(r.findings),
		})
	}
	width := make([]int, len(header))
	for i, h := range header {
		width[i] = len(h)
		for _, c := range cells {
			width[i] = max(width[i], len(c[i]))
		}
	}
	line := func(cols []string) {
		parts := make([]string, len(cols))
		for i, c := range cols {
			parts[i] = fmt.Sprintf("%*s", width[i], c)
		}
		fmt.Println("| " + strings.Join(parts, " | ") + " |")
	}
	line(header)
	seps := make([]string, len(header))
	for i := range seps {
		seps[i] = strings.Repeat("-", width[i])
	}
	fmt.Println("|-" + strings.Join(seps, "-|-") + "-|")
	for _, c := range cells {
		line(c)
	}
	for _, r := range rows {
		if len(r.retainWall) > 0 {
			fmt.Printf("retained-AST floor %d (parsefloor -retain: parse and keep every file): wall %s, peak %s MB; ssmlint is %.2fx its wall, %.2fx its peak\n",
				r.size, secs(median(r.retainWall)), mb(median(r.retainKB)),
				median(r.lintWall).Seconds()/median(r.retainWall).Seconds(),
				float64(median(r.lintKB))/float64(median(r.retainKB)))
		}
	}
	for _, r := range rows {
		fmt.Printf("spread %d: floor %s..%s, ssmlint %s..%s (min..max of %d runs)\n", r.size,
			secs(slices.Min(r.floorWall)), secs(slices.Max(r.floorWall)),
			secs(slices.Min(r.lintWall)), secs(slices.Max(r.lintWall)), len(r.lintWall))
	}
}

// judge prints one line on the targets.
func judge(rows []row) {
	var parts []string

	var ratios []string
	okRatio := true
	for _, r := range rows {
		x := median(r.lintWall).Seconds() / median(r.floorWall).Seconds()
		okRatio = okRatio && x <= maxWallRatio
		ratios = append(ratios, fmt.Sprintf("%d: %.2fx", r.size, x))
	}
	parts = append(parts, fmt.Sprintf("wall <= %.0fx floor: %s (%s)", maxWallRatio, verdict(okRatio), strings.Join(ratios, ", ")))

	if len(rows) >= 2 {
		lo, hi := rows[0], rows[0]
		for _, r := range rows {
			if r.files < lo.files {
				lo = r
			}
			if r.files > hi.files {
				hi = r
			}
		}
		if hi.files > lo.files {
			growth := median(hi.lintWall).Seconds() / median(lo.lintWall).Seconds()
			fgrowth := float64(hi.files) / float64(lo.files)
			floorGrowth := median(hi.floorWall).Seconds() / median(lo.floorWall).Seconds()
			parts = append(parts, fmt.Sprintf("~linear time: %s (ssmlint %d->%d files: %.2fx time for %.2fx files = %.2fx of linear; floor %.2fx)",
				verdict(growth/fgrowth <= linearSlack), lo.size, hi.size, growth, fgrowth, growth/fgrowth, floorGrowth))
		}
	}

	at := rows[0]
	found := false
	for _, r := range rows {
		if r.size == peakTargetSize {
			at, found = r, true
		} else if !found && r.size > at.size {
			at = r
		}
	}
	peak := float64(median(at.lintKB)) / 1024
	note := ""
	if !found {
		note = fmt.Sprintf(", measured at %d: no %d run", at.size, peakTargetSize)
	}
	parts = append(parts, fmt.Sprintf("peak <= %d MB at %d files: %s (%.0f MB%s)", maxPeakMB, peakTargetSize, verdict(found && peak <= maxPeakMB), peak, note))
	fmt.Println("targets: " + strings.Join(parts, "; "))
}

func verdict(ok bool) string {
	if ok {
		return "met"
	}
	return "MISSED"
}

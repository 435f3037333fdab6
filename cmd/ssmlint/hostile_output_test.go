package main_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/ssmlint/ssmlint/internal/safefs"
)

// The hostile cases of the configuration, the baseline, the output files
// and the paths given on the command line (see hostile_test.go).

// A .ssmlint.yml that links out of the repository (to /etc/passwd, say) is
// refused by name; its target is never quoted, and the tree is checked
// with the defaults.
func TestHostileConfigLinkedOutside(t *testing.T) {
	repo, outside := hostileRepo(t, nil)
	symlink(t, filepath.Join(outside, "secret.txt"), filepath.Join(repo, ".ssmlint.yml"))
	r := runHostile(t, repo, nil, "--format", "json", ".")
	if r.code != 2 {
		t.Errorf("exit %d, want 2", r.code)
	}
	r.wantError(t, ".ssmlint.yml", 1, "configuration not read: it leads to")
	r.wantGood(t)
	unchanged(t, outside)

	// Named with --config inside the repository: the same.
	symlink(t, filepath.Join(outside, "secret.txt"), filepath.Join(repo, "ci.yml"))
	r = runHostile(t, repo, nil, "--format", "json", "--config", "ci.yml", ".")
	if r.code != 2 {
		t.Errorf("--config ci.yml: exit %d, want 2", r.code)
	}
	r.wantError(t, "ci.yml", 1, "outside the repository")
	r.wantGood(t)

	// Named with --config outside the repository: the user chose it, so
	// it is read, but its errors quote nothing of it.
	r = runHostile(t, repo, nil, "--format", "json", "--config", filepath.Join(outside, "secret.txt"), ".")
	if r.code != 2 {
		t.Errorf("--config outside: exit %d, want 2", r.code)
	}
	// Outside the repository, a file has no repository-relative name: its
	// absolute path stands.
	r.wantError(t, safefs.RealPath(filepath.Join(outside, "secret.txt")), 1, "its content is not quoted")
	r.wantGood(t)
	unchanged(t, outside)
}

// A .ssmlint.yml that is a FIFO is not opened: no hang.
func TestHostileConfigFIFO(t *testing.T) {
	repo, _ := hostileRepo(t, nil)
	if err := mkfifo(filepath.Join(repo, ".ssmlint.yml")); err != nil {
		t.Skip(err)
	}
	r := runHostile(t, repo, nil, "--format", "json", ".")
	if r.code != 2 {
		t.Errorf("exit %d, want 2", r.code)
	}
	r.wantError(t, ".ssmlint.yml", 1, "not a regular file (a FIFO)")
	r.wantGood(t)
}

// max_file_size has an upper bound: 2TB is a configuration error at its
// position, and the defaults apply.
func TestHostileMaxFileSizeOverTheBound(t *testing.T) {
	repo, _ := hostileRepo(t, map[string]string{".ssmlint.yml": "version: 1\nmax_file_size: 2TB\n"})
	r := runHostile(t, repo, nil, "--format", "json", ".")
	if r.code != 2 {
		t.Errorf("exit %d, want 2", r.code)
	}
	r.wantError(t, ".ssmlint.yml", 2, "max_file_size must be at most 256MB")
	r.wantGood(t)
}

// A sparse file claiming a terabyte, with max_file_size at its bound, is
// refused as over the cap at once: nothing is allocated or read for it.
func TestHostileSparseTerabyte(t *testing.T) {
	repo, _ := hostileRepo(t, map[string]string{".ssmlint.yml": "version: 1\nmax_file_size: 256MB\n"})
	big := filepath.Join(repo, "big.tf")
	if err := os.WriteFile(big, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, 1<<40); err != nil {
		t.Skipf("the filesystem refuses a 1 TB sparse file: %v", err)
	}
	start := time.Now()
	r := runHostile(t, repo, nil, "--format", "json", ".")
	took := time.Since(start)
	if r.code != 2 {
		t.Errorf("exit %d, want 2", r.code)
	}
	r.wantError(t, "big.tf", 0, "over the 256.0 MB size cap")
	r.wantGood(t)
	if took > 5*time.Second {
		t.Errorf("took %v for a file refused by its size", took)
	}

	// A cap raised past the bound is refused; the default cap applies.
	writeFile(t, repo, ".ssmlint.yml", "version: 1\nmax_file_size: 2048GB\n")
	start = time.Now()
	r = runHostile(t, repo, nil, "--format", "json", ".")
	took = time.Since(start)
	if r.code != 2 {
		t.Errorf("2048GB: exit %d, want 2", r.code)
	}
	r.wantError(t, ".ssmlint.yml", 2, "max_file_size must be at most 256MB")
	r.wantError(t, "big.tf", 0, "over the 10.0 MB size cap")
	r.wantGood(t)
	if took > 5*time.Second {
		t.Errorf("2048GB: took %v for a file refused by its size", took)
	}
}

// A report that cannot be written leaves the previous one byte for byte:
// the write goes to a temporary file renamed over the old one.
func TestHostileOutputWriteFails(t *testing.T) {
	// Enough findings that the report is well over the size limit below.
	files := map[string]string{}
	for i := range 20 {
		files["p"+itoa(i)+".tf"] = strings.ReplaceAll(badParam, `"p"`, `"p`+itoa(i)+`"`)
	}
	const previous = "the previous report\n"

	t.Run("read-only directory", func(t *testing.T) {
		if os.Geteuid() == 0 || runtime.GOOS == "windows" {
			t.Skip("permissions do not stop root (the file-size limit case below does)")
		}
		repo, outside := hostileRepo(t, files)
		out := filepath.Join(repo, "out")
		writeFile(t, out, "report.json", previous)
		if err := os.Chmod(out, 0o555); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = os.Chmod(out, 0o755) })
		r := runHostile(t, repo, nil, "--format", "json", "--output", "out/report.json", ".")
		if r.code != 2 || !strings.Contains(r.stderr, "--output") {
			t.Errorf("exit %d, want 2 with an --output error; stderr:\n%s", r.code, r.stderr)
		}
		wantContent(t, filepath.Join(out, "report.json"), previous)
		unchanged(t, outside)
	})

	t.Run("file-size limit", func(t *testing.T) {
		if _, err := exec.LookPath("sh"); err != nil || runtime.GOOS == "windows" {
			t.Skip("no POSIX shell for ulimit")
		}
		repo, outside := hostileRepo(t, files)
		writeFile(t, repo, "report.json", previous)
		// 4 blocks (2 or 4 KB, by shell): the report is larger.
		stdout, stderr, code := runLimited(t, repo, "ulimit -f 4", "--format", "json", "--output", "report.json", ".")
		if code != 2 || !strings.Contains(stderr, "--output") {
			t.Errorf("exit %d, want 2 with an --output error; stdout:\n%s\nstderr:\n%s", code, stdout, stderr)
		}
		wantContent(t, filepath.Join(repo, "report.json"), previous)
		if leftovers, _ := filepath.Glob(filepath.Join(repo, ".report.json.*")); len(leftovers) > 0 {
			t.Errorf("temporary files left behind: %v", leftovers)
		}
		unchanged(t, outside)
	})
}

// runLimited runs ssmlint through sh after a shell command (ulimit) with
// the checks runHostile makes: no crash, no timeout, no outside content.
func runLimited(t *testing.T, dir, prelude string, args ...string) (string, string, int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), hostileBudget)
	defer cancel()
	cmd := exec.CommandContext(ctx, "sh", append([]string{"-c", prelude + ` && exec "$0" "$@"`, binary}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("ssmlint %v did not finish in %v", args, hostileBudget)
	}
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	all := stdout.String() + stderr.String()
	for _, bad := range []string{"panic:", "fatal error:", "goroutine ", "runtime: ", outsideMarker} {
		if strings.Contains(all, bad) {
			t.Fatalf("output holds %q:\n%s", bad, all)
		}
	}
	return stdout.String(), stderr.String(), code
}

func wantContent(t *testing.T, path, want string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != want {
		t.Errorf("%s changed: %q, want %q", filepath.Base(path), b, want)
	}
}

// No output replaces a file the run reads, or leaves the repository
// through a link; nothing is written at all when one is refused.
func TestHostileOutputIsAnInput(t *testing.T) {
	for _, tt := range []struct {
		name  string
		args  []string
		file  string // the file that must stay as it was
		error string
	}{
		{"--output a Terraform file", []string{"--output", "main.tf"}, "main.tf", "--output main.tf: that is a Terraform file this run reads"},
		{"--write-baseline a Terraform file", []string{"--write-baseline", "good.tf"}, "good.tf", "--write-baseline good.tf: that is a Terraform file"},
		{"--write-inventory a Terraform file", []string{"--write-inventory", "./main.tf"}, "main.tf", "--write-inventory ./main.tf: that is a Terraform file"},
		{"--output the configuration", []string{"--output", ".ssmlint.yml"}, ".ssmlint.yml", "that is the configuration this run reads"},
		{"--output the baseline read", []string{"--baseline", "base.json", "--output", "base.json"}, "base.json", "that is the --baseline being read"},
		{"--output a --var-file", []string{"--var-file", "prod.tfvars", "--output", "prod.tfvars"}, "prod.tfvars", "that is a --var-file this run reads"},
		{"two outputs to one file", []string{"--output", "r.json", "--write-baseline", "r.json"}, "", "the same file as --output"},
		{"--output a link out of the repository", []string{"--output", "report.json"}, "", "outside the repository"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{
				"main.tf":      badParam,
				".ssmlint.yml": "version: 1\n",
				"base.json":    `{"version": 1, "findings": []}` + "\n",
				"prod.tfvars":  "region = \"eu-west-1\"\n",
			}
			repo, outside := hostileRepo(t, files)
			symlink(t, filepath.Join(outside, "secret.json"), filepath.Join(repo, "report.json"))
			r := runHostile(t, repo, nil, append(tt.args, ".")...)
			if r.code != 2 || !strings.Contains(r.stderr, tt.error) || !strings.Contains(r.stderr, "nothing was written") {
				t.Errorf("exit %d, want 2 with %q; stderr:\n%s", r.code, tt.error, r.stderr)
			}
			if r.stdout != "" {
				t.Errorf("a report was printed:\n%s", r.stdout)
			}
			if tt.file != "" {
				want := files[tt.file]
				if tt.file == "good.tf" {
					want = badParam
				}
				wantContent(t, filepath.Join(repo, tt.file), want)
			}
			if _, err := os.Lstat(filepath.Join(repo, "r.json")); err == nil {
				t.Error("r.json was written")
			}
			unchanged(t, outside)
		})
	}
}

// baselineEntries reads the files and rules a baseline records.
func baselineEntries(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Findings []struct{ Rule, File string }
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var out []string
	for _, f := range doc.Findings {
		out = append(out, f.File+" "+f.Rule)
	}
	return out
}

// Refreshing a baseline in place keeps the entries still present and adds
// the new ones; a fixed finding's entry goes.
func TestHostileBaselineRefreshKeepsEntries(t *testing.T) {
	repo, _ := hostileRepo(t, map[string]string{"old.tf": strings.ReplaceAll(badParam, `"p"`, `"old"`)})
	if r := runHostile(t, repo, nil, "--write-baseline", "base.json", "."); r.code != 0 {
		t.Fatalf("--write-baseline: exit %d\n%s", r.code, r.stderr)
	}
	if got := baselineEntries(t, filepath.Join(repo, "base.json")); len(got) != 2 {
		t.Fatalf("first baseline: %v", got)
	}
	writeFile(t, repo, "new.tf", strings.ReplaceAll(badParam, `"p"`, `"new"`))
	if err := os.Remove(filepath.Join(repo, "old.tf")); err != nil {
		t.Fatal(err)
	}
	r := runHostile(t, repo, nil, "--baseline", "base.json", "--write-baseline", "base.json", ".")
	if r.code != 0 {
		t.Fatalf("refresh: exit %d\n%s", r.code, r.stderr)
	}
	got := strings.Join(baselineEntries(t, filepath.Join(repo, "base.json")), ", ")
	if got != "good.tf SSM201, new.tf SSM201" {
		t.Errorf("refreshed baseline holds %q, want good.tf (still present) and new.tf, not old.tf", got)
	}
	r = runHostile(t, repo, nil, "--format", "json", "--baseline", "base.json", ".")
	if r.code != 0 || len(r.report.Findings) != 0 {
		t.Errorf("with the refreshed baseline: exit %d, findings %+v", r.code, r.report.Findings)
	}
}

// A missing, broken, irregular or outside-linked baseline is an input
// error: the scan runs and its report is written, with every finding.
func TestHostileBaselineUnreadable(t *testing.T) {
	for _, tt := range []struct {
		name, file string
		line       int
		error      string
		setup      func(t *testing.T, repo, outside string)
	}{
		{"missing", "missing.json", 1, "cannot read baseline: no such file", nil},
		{"broken JSON", "broken.json", 2, "invalid JSON", func(t *testing.T, repo, _ string) {
			writeFile(t, repo, "broken.json", "{\"version\": 1,\n \"findings\": [,]}\n")
		}},
		{"a FIFO", "fifo.json", 1, "not a regular file (a FIFO)", func(t *testing.T, repo, _ string) {
			if err := mkfifo(filepath.Join(repo, "fifo.json")); err != nil {
				t.Skip(err)
			}
		}},
		{"a link out of the repository", "linked.json", 1, "baseline not read: it leads to", func(t *testing.T, repo, outside string) {
			symlink(t, filepath.Join(outside, "secret.json"), filepath.Join(repo, "linked.json"))
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			repo, outside := hostileRepo(t, nil)
			if tt.setup != nil {
				tt.setup(t, repo, outside)
			}
			r := runHostile(t, repo, nil, "--format", "json", "--baseline", tt.file, ".")
			if r.code != 2 {
				t.Errorf("exit %d, want 2; stderr:\n%s", r.code, r.stderr)
			}
			r.wantError(t, tt.file, tt.line, tt.error)
			r.wantGood(t)
			unchanged(t, outside)

			// With --output the report file is written all the same.
			r = runHostile(t, repo, nil, "--output", "report.txt", "--baseline", tt.file, ".")
			if r.code != 2 {
				t.Errorf("--output: exit %d, want 2", r.code)
			}
			b, err := os.ReadFile(filepath.Join(repo, "report.txt"))
			if err != nil || !strings.Contains(string(b), "good.tf:3:11: error:") || !strings.Contains(string(b), tt.file+":") {
				t.Errorf("report.txt (%v):\n%s", err, b)
			}
		})
	}
}

// A path given twice is scanned once, however it is written.
func TestHostilePathGivenTwice(t *testing.T) {
	repo, _ := hostileRepo(t, map[string]string{"stack/main.tf": badParam})
	for _, paths := range [][]string{{".", "."}, {".", "./"}, {"stack", "stack/"}, {"stack", "stack/../stack"}} {
		r := runHostile(t, repo, nil, append([]string{"--format", "json"}, paths...)...)
		if r.code != 1 {
			t.Errorf("%v: exit %d, want 1", paths, r.code)
		}
		n := 0
		for _, f := range r.report.Findings {
			if f.File == "stack/main.tf" {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%v: stack/main.tf reported %d times: %+v", paths, n, r.report.Findings)
		}
	}
}

// A file name holding an escape sequence or a newline is shown escaped in
// text output, and escaped per the workflow-command rules in GitHub
// annotations.
func TestHostileFileNameEscaped(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("such names are not allowed")
	}
	repo, _ := hostileRepo(t, map[string]string{
		"red\x1b[31m.tf":  strings.ReplaceAll(badParam, `"p"`, `"red"`),
		"two\nlines.tf":   strings.ReplaceAll(badParam, `"p"`, `"nl"`),
		"env:prod,eu.tf":  strings.ReplaceAll(badParam, `"p"`, `"sep"`),
		"over\u202ede.tf": strings.ReplaceAll(badParam, `"p"`, `"bidi"`),
	})
	r := runHostile(t, repo, nil, ".")
	if strings.ContainsAny(r.stdout, "\x1b\u202e") {
		t.Errorf("control characters of file names reached the text output:\n%q", r.stdout)
	}
	for _, want := range []string{`red\x1b[31m.tf:3:11: error:`, `two\nlines.tf:3:11: error:`, `over\u202ede.tf:3:11: error:`, "env:prod,eu.tf:3:11: error:"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("text output lacks %q:\n%s", want, r.stdout)
		}
	}
	r = runHostile(t, repo, nil, "--format", "github", ".")
	for _, want := range []string{"file=two%0Alines.tf,line=3", "file=env%3Aprod%2Ceu.tf,line=3"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("github output lacks %q:\n%s", want, r.stdout)
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		if !strings.HasPrefix(line, "::") {
			t.Errorf("a file name broke an annotation: %q", line)
		}
	}
}

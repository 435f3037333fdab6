package main

import (
	"archive/tar"
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/zclconf/go-cty/cty"

	"github.com/ssmlint/ssmlint/finding"
	"github.com/ssmlint/ssmlint/internal/baseline"
	"github.com/ssmlint/ssmlint/internal/config"
	"github.com/ssmlint/ssmlint/internal/safefs"
)

// Bounds of --new-from-rev's copy of the old tree: a file over
// maxRevFile is left out of it (the loader would refuse it anyway), and
// the copy stops at maxRevBytes or maxRevEntries.
const (
	maxRevFile    = 64 << 20
	maxRevBytes   = 2 << 30
	maxRevEntries = 500_000
	gitTimeout    = 10 * time.Minute
	maxPatchSize  = 256 << 20
)

// revScan describes a scan of the tree at a git revision.
type revScan struct {
	rev      string
	root     string // the repository root (real path)
	paths    []string
	cfg      *config.Config
	enabled  map[string]bool
	vars     map[string]cty.Value
	varFiles []string
}

// findingsAtRev scans the tree at rs.rev as the current tree was scanned
// (same paths below the repository root, same configuration, rules and
// variables) and returns its findings as a baseline: the current findings
// it does not cover are the ones the change brings, cross-resource ones
// included. git is the only program run; the tree is exported with git
// archive into a temporary directory that is removed afterwards.
func findingsAtRev(ctx context.Context, rs revScan) (*baseline.Baseline, int, error) {
	if fi, err := os.Lstat(filepath.Join(rs.root, ".git")); err != nil || fi == nil {
		return nil, 0, fmt.Errorf("--new-from-rev: %s is not a git repository (no .git)", rs.root)
	}
	tmp, err := os.MkdirTemp("", "ssmlint-rev-")
	if err != nil {
		return nil, 0, fmt.Errorf("--new-from-rev: %v", unwrap(err))
	}
	defer os.RemoveAll(tmp)
	tmp = safefs.RealPath(tmp)
	commit, err := gitCommit(ctx, rs.root, rs.rev)
	if err != nil {
		return nil, 0, err
	}
	if err := gitExport(ctx, rs.root, commit, tmp); err != nil {
		return nil, 0, err
	}
	// The copy is a repository of its own to the loader: its boundary.
	if err := os.Mkdir(filepath.Join(tmp, ".git"), 0o755); err != nil {
		return nil, 0, fmt.Errorf("--new-from-rev: %v", unwrap(err))
	}
	move := func(p string) (string, bool) {
		rel, err := filepath.Rel(rs.root, safefs.RealPath(p))
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return p, false
		}
		return filepath.Join(tmp, rel), true
	}
	var paths []string
	for _, p := range rs.paths {
		if q, ok := move(p); ok {
			if _, err := os.Lstat(q); err == nil {
				paths = append(paths, q)
			}
		}
	}
	if len(paths) == 0 {
		// Nothing scanned existed at rev: every finding is new.
		return nil, 0, nil
	}
	var varFiles []string
	for _, f := range rs.varFiles {
		if q, ok := move(f); ok {
			if _, err := os.Lstat(q); err == nil {
				varFiles = append(varFiles, q)
			}
			continue
		}
		varFiles = append(varFiles, f) // outside the repository: the same file
	}
	cfg := rs.cfg
	if cfg != nil {
		c := *cfg
		if d, ok := move(cfg.Dir); ok {
			c.Dir = d
		}
		cfg = &c
	}
	sc := scan(paths, cfg, rs.enabled, rs.vars, varFiles, false)
	fs, _ := applySuppressions(sc.findings, sc, rs.enabled)
	return baseline.Of(fs, relTo(tmp)), len(fs), nil
}

// git runs git in the repository with a bounded time, no prompt, and no
// configuration that would start another program (fsmonitor).
func git(ctx context.Context, root string, stdout io.Writer, args ...string) error {
	ctx, cancel := context.WithTimeout(ctx, gitTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "git", append([]string{"-C", root, "-c", "core.fsmonitor=false"}, args...)...)
	cmd.Env = append(os.Environ(), "GIT_TERMINAL_PROMPT=0", "GIT_OPTIONAL_LOCKS=0")
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if i := strings.IndexByte(msg, '\n'); i >= 0 {
			msg = msg[:i]
		}
		if msg == "" {
			msg = err.Error()
		}
		return errors.New(msg)
	}
	return nil
}

// gitCommit resolves rev to a commit ID; rev is never taken for an
// option.
func gitCommit(ctx context.Context, root, rev string) (string, error) {
	if rev == "" || strings.HasPrefix(rev, "-") {
		return "", fmt.Errorf("--new-from-rev %q: not a revision", rev)
	}
	var out bytes.Buffer
	if err := git(ctx, root, &out, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}"); err != nil {
		return "", fmt.Errorf("--new-from-rev %s: git cannot resolve it to a commit (%v)", rev, err)
	}
	id := strings.TrimSpace(out.String())
	if id == "" {
		return "", fmt.Errorf("--new-from-rev %s: git cannot resolve it to a commit", rev)
	}
	return id, nil
}

// gitExport writes the tree of commit into dir through git archive.
func gitExport(ctx context.Context, root, commit, dir string) error {
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		err := git(ctx, root, pw, "archive", "--format=tar", commit)
		pw.CloseWithError(err)
		done <- err
	}()
	xerr := extractTar(pr, dir)
	if xerr == nil {
		_, _ = io.Copy(io.Discard, pr) // the archive's end padding
	}
	pr.CloseWithError(errors.New("extraction stopped"))
	gerr := <-done
	if xerr != nil {
		return fmt.Errorf("--new-from-rev: %v", xerr)
	}
	if gerr != nil {
		return fmt.Errorf("--new-from-rev: git archive: %v", gerr)
	}
	return nil
}

// extractTar writes the directories, regular files and symbolic links of
// a tar stream below dir. Names are cleaned and stay below dir; links are
// made last, as they are (the loader's boundary keeps reads inside dir),
// so that no file is written through one. It stops at the bounds above.
func extractTar(r io.Reader, dir string) error {
	tr := tar.NewReader(r)
	var total int64
	var links [][2]string // target, link
	for n := 0; ; n++ {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("reading git archive: %v", err)
		}
		if n >= maxRevEntries {
			return fmt.Errorf("the tree has over %d entries", maxRevEntries)
		}
		name := path.Clean("/" + h.Name)[1:]
		if name == "" || name == ".git" || strings.HasPrefix(name, ".git/") {
			continue
		}
		dst := filepath.Join(dir, filepath.FromSlash(name))
		switch h.Typeflag {
		case tar.TypeDir:
			if err := os.MkdirAll(dst, 0o755); err != nil {
				return unwrap(err)
			}
		case tar.TypeReg:
			if h.Size > maxRevFile {
				continue
			}
			if total += h.Size; total > maxRevBytes {
				return fmt.Errorf("the tree is over %s", safefs.HumanBytes(maxRevBytes))
			}
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				return unwrap(err)
			}
			f, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
			if err != nil {
				return unwrap(err)
			}
			_, err = io.Copy(f, io.LimitReader(tr, h.Size))
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return unwrap(err)
			}
		case tar.TypeSymlink:
			links = append(links, [2]string{h.Linkname, dst})
		}
	}
	// Links last, so that no file is written through one.
	for _, l := range links {
		if _, err := os.Lstat(l[1]); err == nil {
			continue // a name taken by a file or directory (a hostile archive)
		}
		if err := os.MkdirAll(filepath.Dir(l[1]), 0o755); err != nil {
			return unwrap(err)
		}
		if err := os.Symlink(l[0], l[1]); err != nil {
			return unwrap(err)
		}
	}
	return nil
}

// changedLines are the lines a patch adds or changes, by file (slash-
// separated, relative to the repository root as git diff writes them).
type changedLines map[string]map[int]bool

// readPatch reads a unified diff (git diff, diff -u) named on the command
// line.
func readPatch(p, boundary string) (changedLines, error) {
	gate, _ := userFile(p, boundary)
	data, err := gate.ReadFile(p, maxPatchSize)
	if err != nil {
		return nil, fmt.Errorf("--new-from-patch %s: %s", p, safefs.Problem("patch", err))
	}
	return parsePatch(data)
}

// parsePatch collects, for each file a unified diff leaves in place, the
// lines of its new version that the diff adds. Context and removed lines
// are not changes of the new version; a deleted file has none.
func parsePatch(data []byte) (changedLines, error) {
	out := changedLines{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	var file string
	var line, left int // next line of the new version, lines of the hunk still to read
	var oldLeft int
	n := 0
	for sc.Scan() {
		n++
		t := sc.Text()
		if left > 0 || oldLeft > 0 {
			switch {
			case strings.HasPrefix(t, "+"):
				if file != "" {
					out[file][line] = true
				}
				line++
				left--
				continue
			case strings.HasPrefix(t, "-"):
				oldLeft--
				continue
			case strings.HasPrefix(t, " ") || t == "":
				line++
				left--
				oldLeft--
				continue
			case strings.HasPrefix(t, `\`):
				continue
			}
			left, oldLeft = 0, 0
		}
		switch {
		case strings.HasPrefix(t, "+++ "):
			file = patchPath(t[4:])
			if file != "" && out[file] == nil {
				out[file] = map[int]bool{}
			}
		case strings.HasPrefix(t, "@@ "):
			newStart, newCount, oldCount, ok := hunkHeader(t)
			if !ok {
				return nil, fmt.Errorf("--new-from-patch: line %d: malformed hunk header", n)
			}
			line, left, oldLeft = newStart, newCount, oldCount
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("--new-from-patch: line %d: %v", n+1, err)
	}
	return out, nil
}

// patchPath is the file a "+++ " line names, without git's b/ prefix and
// a timestamp; "" for /dev/null.
func patchPath(s string) string {
	if i := strings.IndexByte(s, '\t'); i >= 0 {
		s = s[:i]
	}
	s = strings.TrimRight(s, " \r")
	if strings.HasPrefix(s, `"`) {
		if u, err := strconv.Unquote(s); err == nil {
			s = u
		}
	}
	if s == "/dev/null" {
		return ""
	}
	return path.Clean(strings.TrimPrefix(s, "b/"))
}

// hunkHeader reads "@@ -a,b +c,d @@": the new version's start and line
// count, and the old version's count.
func hunkHeader(t string) (newStart, newCount, oldCount int, ok bool) {
	f := strings.Fields(t)
	if len(f) < 3 || !strings.HasPrefix(f[1], "-") || !strings.HasPrefix(f[2], "+") {
		return 0, 0, 0, false
	}
	rng := func(s string) (int, int, bool) {
		a, b, has := strings.Cut(s, ",")
		start, err := strconv.Atoi(a)
		if err != nil || start < 0 {
			return 0, 0, false
		}
		count := 1
		if has {
			if count, err = strconv.Atoi(b); err != nil || count < 0 {
				return 0, 0, false
			}
		}
		return start, count, true
	}
	_, oc, ok1 := rng(f[1][1:])
	ns, nc, ok2 := rng(f[2][1:])
	return ns, nc, oc, ok1 && ok2
}

// keepChanged returns the findings whose range touches a changed line,
// and how many it dropped. rel makes a finding's file relative to the
// repository root.
func keepChanged(fs []finding.Finding, ch changedLines, rel func(string) string) ([]finding.Finding, int) {
	var kept []finding.Finding
	for _, f := range fs {
		lines := ch[rel(f.Range.File)]
		start, end := f.Range.Start.Line, max(f.Range.End.Line, f.Range.Start.Line)
		hit := false
		if end-start < len(lines) {
			for l := start; l <= end && !hit; l++ {
				hit = lines[l]
			}
		} else {
			for l := range lines {
				if l >= start && l <= end {
					hit = true
					break
				}
			}
		}
		if hit {
			kept = append(kept, f)
		}
	}
	return kept, len(fs) - len(kept)
}

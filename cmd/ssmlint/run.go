package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	ctyjson "github.com/zclconf/go-cty/cty/json"

	"github.com/ssmlint/ssmlint/finding"
	"github.com/ssmlint/ssmlint/hclcheck"
	"github.com/ssmlint/ssmlint/internal/baseline"
	"github.com/ssmlint/ssmlint/internal/config"
	"github.com/ssmlint/ssmlint/internal/inventory"
	"github.com/ssmlint/ssmlint/internal/report"
	"github.com/ssmlint/ssmlint/internal/safefs"
	"github.com/ssmlint/ssmlint/rules"
)

// Exit codes.
const (
	exitClean    = 0
	exitFindings = 1
	exitTrouble  = 2
)

// version is set at build time with -ldflags "-X main.version=v1.2.3";
// otherwise the module version recorded by `go install` is used.
var version = ""

func versionString() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "rules" {
		return runRules(args[1:], stdout, stderr)
	}
	if len(args) == 1 && args[0] == "version" {
		fmt.Fprintf(stdout, "ssmlint %s\n", versionString())
		return exitClean
	}
	o, err := parseFlags(args, stderr)
	if err != nil {
		return exitTrouble
	}
	if o.help {
		printUsage(stdout)
		return exitClean
	}
	if o.version {
		fmt.Fprintf(stdout, "ssmlint %s\n", versionString())
		return exitClean
	}
	if o.chdir != "" {
		if err := os.Chdir(o.chdir); err != nil {
			fmt.Fprintf(stderr, "ssmlint: --chdir: %v\n", unwrap(err))
			return exitTrouble
		}
	}
	outs, err := outputs(o)
	if err != nil {
		fmt.Fprintf(stderr, "ssmlint: %v\n", err)
		return exitTrouble
	}
	if o.newFromRev != "" && o.writeBaseline != "" {
		fmt.Fprintln(stderr, "ssmlint: --new-from-rev and --write-baseline do not go together: a baseline records every finding")
		return exitTrouble
	}
	start := time.Now()

	// The configuration and the baseline are read inside the repository
	// boundary of the first path (see userFile for the files named with
	// --config and --baseline). The machine formats and baselines name
	// files relative to it, whatever the working directory.
	boundary := hclcheck.Boundary(o.paths[0])
	rootRel := relTo(boundary)
	// A broken configuration is an input error like a broken .tf file: it
	// is reported with its position and the scan goes on with defaults.
	cfgPath, cfg, err := loadConfig(o, boundary)
	var cfgErrs []finding.Error
	if err != nil {
		cfgErrs = configErrors(err)
		cfg = nil
	}
	failOn := rules.Warning
	if cfg != nil && cfg.FailOn != 0 {
		failOn = cfg.FailOn
	}
	if o.failOn != "" {
		if failOn, err = rules.ParseSeverity(o.failOn); err != nil {
			fmt.Fprintf(stderr, "ssmlint: --fail-on: %v\n", err)
			return exitTrouble
		}
	}
	enabled, err := selectRules(o, cfg)
	if err != nil {
		fmt.Fprintf(stderr, "ssmlint: %v\n", err)
		return exitTrouble
	}
	vars, err := variables(o, cfg)
	if err != nil {
		fmt.Fprintf(stderr, "ssmlint: %v\n", err)
		return exitTrouble
	}
	// A broken or missing baseline is an input error too: the scan runs
	// and reports every finding, as without a baseline.
	var base *baseline.Baseline
	if o.baseline != "" {
		gate, private := userFile(o.baseline, boundary)
		if base, err = baseline.Load(o.baseline, baseline.LoadOptions{Gate: gate, Private: private}); err != nil {
			cfgErrs = append(cfgErrs, baselineErrors(err)...)
			base = nil
		}
	}
	var patch changedLines
	if o.newFromPatch != "" {
		if patch, err = readPatch(o.newFromPatch, boundary); err != nil {
			fmt.Fprintf(stderr, "ssmlint: %v\n", err)
			return exitTrouble
		}
	}

	sc := scan(o.paths, cfg, enabled, vars, o.varFiles, o.writeInventory != "")
	// No output may replace a file this run read; checked for all of them
	// before any is written.
	if err := checkOutputs(o, outs, sc, cfgPath, boundary); err != nil {
		fmt.Fprintf(stderr, "ssmlint: %v\n", err)
		return exitTrouble
	}
	if o.writeInventory != "" {
		if err := writeInventory(o.writeInventory, sc.inventory, boundary); err != nil {
			fmt.Fprintf(stderr, "ssmlint: --write-inventory: %v\n", err)
			return exitTrouble
		}
	}
	fs := sc.findings
	errs := append(cfgErrs, sc.errors...)

	// Suppression comments (which add SSM000's findings), configured
	// severities, then the baseline and the change filters.
	fs, suppressed := applySuppressions(fs, sc, enabled)
	severities := map[string]rules.Severity{}
	if cfg != nil {
		for id, s := range cfg.Rules {
			if s.Severity != 0 {
				severities[id] = s.Severity
			}
		}
	}
	for i := range fs {
		if s, ok := severities[fs[i].Rule.ID]; ok {
			fs[i].Severity = s
		}
	}
	finding.SortFindings(fs)
	baselined := 0
	// A baseline records every current finding, those the old baseline
	// hides included: refreshing one in place keeps what is still there.
	current := fs
	if base != nil {
		fs, baselined = base.Filter(fs, rootRel)
	}
	var notes []string
	if o.newFromRev != "" {
		old, n, err := findingsAtRev(context.Background(), revScan{
			rev: o.newFromRev, root: boundary, paths: o.paths, cfg: cfg,
			enabled: enabled, vars: vars, varFiles: o.varFiles,
		})
		if err != nil {
			fmt.Fprintf(stderr, "ssmlint: %v\n", err)
			return exitTrouble
		}
		var hidden int
		fs, hidden = old.Filter(fs, rootRel)
		notes = append(notes, fmt.Sprintf("--new-from-rev %s: %d findings were there already and are not reported (%d at %s).", o.newFromRev, hidden, n, o.newFromRev))
	}
	if patch != nil {
		var hidden int
		fs, hidden = keepChanged(fs, patch, rootRel)
		notes = append(notes, fmt.Sprintf("--new-from-patch %s: %d findings on lines the patch does not change are not reported.", o.newFromPatch, hidden))
	}
	if o.writeBaseline != "" {
		if err := writeBaseline(o.writeBaseline, current, rootRel, boundary); err != nil {
			fmt.Fprintf(stderr, "ssmlint: %v\n", err)
			return exitTrouble
		}
		fmt.Fprintf(stderr, "ssmlint: wrote %d findings to %s\n", len(current), o.writeBaseline)
	}
	if o.fix {
		done, err := applyFixes(fs, sc)
		if err != nil {
			fmt.Fprintf(stderr, "ssmlint: %v\n", err)
		}
		if len(done) > 0 {
			kept := fs[:0]
			for _, f := range fs {
				if !done[fixKey{f.Rule.ID, f.Range}] {
					kept = append(kept, f)
				}
			}
			fs = kept
		}
		fmt.Fprintf(stderr, "ssmlint: --fix: fixed %d findings in Go files (the Terraform rules offer no automatic fixes)\n", len(done))
	}
	finding.SortErrors(errs)

	sum := report.Tally(fs, rules.SSM301)
	sum.FilesScanned = sc.files
	sum.Duration = time.Since(start)
	sum.Suppressed = suppressed
	sum.Baselined = baselined
	for _, sk := range sc.skipped {
		sum.Skipped = append(sum.Skipped, report.SkippedFile{File: sk.File, Reason: sk.Reason})
	}
	for _, p := range sc.empty {
		sum.Notes = append(sum.Notes, fmt.Sprintf("Nothing to check in %s: no Terraform (.tf, .tf.json, .tofu) or Go files.", p))
	}
	sum.Notes = append(sum.Notes, notes...)
	in := report.Input{
		Version:      versionString(),
		Findings:     fs,
		Errors:       errs,
		Summary:      sum,
		Rules:        rules.All(),
		WorkDir:      cwd(),
		Root:         boundary,
		PathPrefix:   o.pathPrefix,
		RuleSeverity: severities,
		ReadSource:   sc.source,
	}
	if err := writeReports(outs, o, in, stdout, boundary); err != nil {
		fmt.Fprintf(stderr, "ssmlint: %v\n", err)
		return exitTrouble
	}
	switch {
	case len(errs) > 0:
		return exitTrouble
	case o.writeBaseline != "":
		return exitClean
	}
	for _, f := range fs {
		if f.Severity >= failOn {
			return exitFindings
		}
	}
	return exitClean
}

// loadConfig reads the configuration: the file named with --config, else
// .ssmlint.yml found upward from the first path, not above the repository
// boundary. It returns the path read ("" for none).
func loadConfig(o *options, boundary string) (string, *config.Config, error) {
	if o.configPath != "" {
		gate, private := userFile(o.configPath, boundary)
		cfg, err := config.Load(o.configPath, config.LoadOptions{Gate: gate, Private: private})
		return o.configPath, cfg, err
	}
	start := o.paths[0]
	if fi, err := os.Stat(start); err == nil && !fi.IsDir() {
		start = filepath.Dir(start)
	}
	p, ok := config.FindWithin(start, boundary)
	if !ok {
		return "", nil, nil
	}
	cfg, err := config.Load(p, config.LoadOptions{Gate: safefs.Gate{Boundary: boundary}})
	return p, cfg, err
}

// userFile says how to read a file named on the command line (--config,
// --baseline). A path inside the repository is read inside its boundary,
// so that a link planted there cannot lead out of it. A path outside the
// repository was chosen by the user and is read where it is (a regular
// file only), but errors quote nothing of its content.
func userFile(path, boundary string) (gate safefs.Gate, private bool) {
	if namedInside(path, boundary) {
		return safefs.Gate{Boundary: boundary}, false
	}
	return safefs.Gate{}, !safefs.Within(boundary, safefs.RealPath(path))
}

// namedInside reports whether path, as written, names a file inside the
// boundary: made absolute against the real working directory, or with
// its directory's links resolved, without following a link the file
// itself may be.
func namedInside(path, boundary string) bool {
	abs := path
	if !filepath.IsAbs(abs) {
		abs = filepath.Join(safefs.RealPath("."), abs)
	}
	abs = filepath.Clean(abs)
	if safefs.Within(boundary, abs) {
		return true
	}
	return safefs.Within(boundary, filepath.Join(safefs.RealPath(filepath.Dir(abs)), filepath.Base(abs)))
}

// selectRules returns the IDs of the rules to run.
func selectRules(o *options, cfg *config.Config) (map[string]bool, error) {
	enabled := map[string]bool{}
	for _, r := range rules.All() {
		on := true
		if cfg != nil {
			if s, ok := cfg.Rules[r.ID]; ok && s.Enabled != nil {
				on = *s.Enabled
			}
		}
		enabled[r.ID] = on
	}
	// "go: false" turns the Go side (the SSM6xx rules) off; the flags
	// below may still name Go rules.
	if cfg != nil && cfg.SkipGo {
		goRules, _ := rules.Expand("SSM6")
		for _, r := range goRules {
			enabled[r.ID] = false
		}
	}
	// Flags name rules by ID or name, or a group by its prefix ("SSM6"):
	// --only restricts the run to its rules, --enable adds rules (those the
	// configuration turns off included), --disable, last, removes rules.
	if len(o.only) > 0 {
		for id := range enabled {
			enabled[id] = false
		}
	}
	for _, sel := range []struct {
		flag  string
		names []string
		on    bool
	}{{"--only", o.only, true}, {"--enable", o.enable, true}, {"--disable", o.disable, false}} {
		for _, n := range sel.names {
			rs, ok := rules.Expand(n)
			if !ok {
				return nil, fmt.Errorf("%s: unknown rule or group %q (see `ssmlint rules`)", sel.flag, n)
			}
			for _, r := range rs {
				enabled[r.ID] = sel.on
			}
		}
	}
	return enabled, nil
}

// variables merges the config file's variables and --var (which wins).
func variables(o *options, cfg *config.Config) (map[string]cty.Value, error) {
	out := map[string]cty.Value{}
	if cfg != nil {
		for k, v := range cfg.Variables {
			cv, err := toCty(v)
			if err != nil {
				return nil, fmt.Errorf("%s: variable %q: %v", cfg.File, k, err)
			}
			out[k] = cv
		}
	}
	for _, kv := range o.vars {
		name, val, ok := strings.Cut(kv, "=")
		if !ok || name == "" {
			return nil, fmt.Errorf("--var %q: want NAME=VALUE", kv)
		}
		v := cty.StringVal(val)
		if t := strings.TrimSpace(val); strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[") {
			expr, diags := hclsyntax.ParseExpression([]byte(val), "--var "+name, hcl.InitialPos)
			if diags.HasErrors() {
				return nil, fmt.Errorf("--var %s: %s", name, diags[0].Summary)
			}
			pv, diags := expr.Value(nil)
			if diags.HasErrors() {
				return nil, fmt.Errorf("--var %s: %s", name, diags[0].Summary)
			}
			v = pv
		}
		out[name] = v
	}
	return out, nil
}

// toCty converts a decoded YAML value through JSON.
func toCty(v any) (cty.Value, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return cty.NilVal, err
	}
	ty, err := ctyjson.ImpliedType(b)
	if err != nil {
		return cty.NilVal, err
	}
	return ctyjson.Unmarshal(b, ty)
}

func writeBaseline(path string, fs []finding.Finding, rel func(string) string, boundary string) error {
	var buf bytes.Buffer
	if err := baseline.Write(&buf, fs, rel); err != nil {
		return err
	}
	if err := writeOutput(path, buf.Bytes(), boundary); err != nil {
		return fmt.Errorf("--write-baseline: %v", err)
	}
	return nil
}

// writeOutput writes a file ssmlint produces (report, baseline,
// inventory) atomically, readable by all (they are shared); on failure
// the previous file is left as it was. A path outside the repository
// that exists and is not a regular file (/dev/stdout, a pipe) was chosen
// by the user and is written directly. checkOutputs has refused inputs
// and links out of the repository before.
func writeOutput(path string, data []byte, boundary string) error {
	if !namedInside(path, boundary) {
		if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() && !fi.IsDir() {
			f, err := os.OpenFile(path, os.O_WRONLY, 0)
			if err != nil {
				return unwrap(err)
			}
			if _, err := f.Write(data); err != nil {
				f.Close()
				return unwrap(err)
			}
			return unwrap(f.Close())
		}
	}
	return unwrap(safefs.WriteFile(path, data, 0o644))
}

func cwd() string {
	d, err := os.Getwd()
	if err != nil {
		return ""
	}
	return d
}

// relTo returns a function making paths relative to dir, slash-separated.
// A relative path is taken from the working directory, as the process
// sees it or with its links resolved (the repository boundary is a real
// path): whichever lies below dir.
func relTo(dir string) func(string) string {
	wds := []string{cwd(), safefs.RealPath(".")}
	return func(p string) string {
		if dir == "" {
			return filepath.ToSlash(p)
		}
		cands := []string{p}
		if !filepath.IsAbs(p) {
			cands = []string{filepath.Join(wds[0], p), filepath.Join(wds[1], p)}
		}
		first := ""
		for _, abs := range cands {
			r, err := filepath.Rel(dir, filepath.Clean(abs))
			if err != nil {
				continue
			}
			if first == "" {
				first = r
			}
			if r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator)) {
				return filepath.ToSlash(r)
			}
		}
		if first == "" {
			return filepath.ToSlash(p)
		}
		return filepath.ToSlash(first)
	}
}

func unwrap(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %v", pe.Path, pe.Err)
	}
	return err
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// configErrors turns configuration errors into positioned input errors.
func configErrors(err error) []finding.Error {
	var out []finding.Error
	for _, e := range config.Positions(err) {
		line, col := e.Line, e.Column
		if line == 0 {
			line = 1
		}
		if col == 0 {
			col = 1
		}
		out = append(out, finding.Error{
			Range:   finding.Range{File: e.File, Start: finding.Pos{Line: line, Column: col}, End: finding.Pos{Line: line, Column: col + 1}},
			Message: e.Message,
		})
	}
	if len(out) == 0 {
		out = append(out, finding.Error{Message: err.Error()})
	}
	return out
}

// baselineErrors turns a baseline that could not be read into positioned
// input errors.
func baselineErrors(err error) []finding.Error {
	var be *baseline.Error
	if !errors.As(err, &be) {
		return []finding.Error{{Message: err.Error()}}
	}
	line, col := max(be.Line, 1), max(be.Column, 1)
	return []finding.Error{{
		Range:   finding.Range{File: be.File, Start: finding.Pos{Line: line, Column: col}, End: finding.Pos{Line: line, Column: col + 1}},
		Message: be.Message + " (the baseline was not applied)",
	}}
}

// writeInventory writes the parameter inventory as JSON.
func writeInventory(path string, inv *inventory.Inventory, boundary string) error {
	var buf bytes.Buffer
	if err := inv.Write(&buf); err != nil {
		return err
	}
	return writeOutput(path, buf.Bytes(), boundary)
}

package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/ssmlint/ssmlint/internal/report"
	"github.com/ssmlint/ssmlint/internal/safefs"
)

// output is one report a run writes: a format, and the file it goes to
// ("" for standard output).
type output struct {
	format string
	path   string
	// flag is how the user named the file, for messages: "--output" or
	// "--format sarif=FILE".
	flag string
}

// outputs reads the --format values (NAME or NAME=FILE) and --output: at
// most one format goes without a file of its own, to --output or to
// standard output.
func outputs(o *options) ([]output, error) {
	specs := o.formats
	if len(specs) == 0 {
		specs = []string{report.FormatText}
	}
	var outs []output
	bare := 0
	for _, s := range specs {
		name, file, hasFile := strings.Cut(s, "=")
		if !validFormat(name) {
			return nil, fmt.Errorf("unknown --format %q (want one of %s, optionally =FILE)", name, strings.Join(report.Formats(), ", "))
		}
		if hasFile {
			if file == "" {
				return nil, fmt.Errorf("--format %s=: the file name is empty", name)
			}
			outs = append(outs, output{format: name, path: file, flag: "--format " + name + "=" + file})
			continue
		}
		if bare++; bare > 1 {
			return nil, fmt.Errorf("--format %s: only one format can go to %s; give the others a file (--format %s=FILE)", name, stdoutName(o), name)
		}
		out := output{format: name}
		if o.output != "" {
			out.path, out.flag = o.output, "--output"
		}
		outs = append(outs, out)
	}
	if bare == 0 && o.output != "" {
		return nil, fmt.Errorf("--output %s: every --format names its own file; drop --output or a =FILE", o.output)
	}
	return outs, nil
}

func stdoutName(o *options) string {
	if o.output != "" {
		return "--output"
	}
	return "standard output"
}

func validFormat(f string) bool {
	for _, x := range report.Formats() {
		if x == f {
			return true
		}
	}
	return false
}

// writeReports renders every output. A file is rendered whole, then
// written atomically: a failed write leaves the previous report as it
// was. Colour is for the text format only: on a terminal (auto), always,
// or never.
func writeReports(outs []output, o *options, in report.Input, stdout io.Writer, boundary string) error {
	for _, out := range outs {
		opt := report.Options{Verbose: o.verbose}
		if out.format == report.FormatText {
			switch o.color {
			case "always":
				opt.Color = true
			case "auto":
				opt.Color = out.path == "" && isTerminal(stdout) && os.Getenv("NO_COLOR") == ""
			}
		}
		if out.path == "" {
			if err := report.Write(stdout, out.format, in, opt); err != nil {
				return err
			}
			continue
		}
		var buf bytes.Buffer
		if err := report.Write(&buf, out.format, in, opt); err != nil {
			return err
		}
		if err := writeOutput(out.path, buf.Bytes(), boundary); err != nil {
			return fmt.Errorf("%s: %v", out.flag, err)
		}
	}
	return nil
}

// checkOutputs refuses, before anything is written, an output that
// would replace a file this run reads (a Terraform or Go input, a
// --var-file, the configuration, the baseline being read), two outputs
// to the same file, a path inside the repository that is a link leading
// out of it, or one that is not a regular file.
func checkOutputs(o *options, outs []output, sc *scanResult, cfgPath, boundary string) error {
	inputs := map[string]string{} // real path -> what it is
	for f := range sc.sources {
		what := "a Terraform file"
		if strings.HasSuffix(f, ".go") {
			what = "a Go file"
		}
		inputs[safefs.RealPath(f)] = what
	}
	for _, f := range o.varFiles {
		inputs[safefs.RealPath(f)] = "a --var-file"
	}
	if cfgPath != "" {
		inputs[safefs.RealPath(cfgPath)] = "the configuration"
	}
	refresh := o.baseline != "" && o.writeBaseline != "" && safefs.RealPath(o.baseline) == safefs.RealPath(o.writeBaseline)
	if o.baseline != "" && !refresh {
		inputs[safefs.RealPath(o.baseline)] = "the --baseline being read"
	}
	if o.newFromPatch != "" {
		inputs[safefs.RealPath(o.newFromPatch)] = "the --new-from-patch being read"
	}
	type named struct{ flag, path string }
	var files []named
	for _, out := range outs {
		files = append(files, named{out.flag, out.path})
	}
	files = append(files, named{"--write-baseline", o.writeBaseline}, named{"--write-inventory", o.writeInventory})
	written := map[string]string{}
	for _, out := range files {
		if out.path == "" {
			continue
		}
		real := safefs.RealPath(out.path)
		if what, ok := inputs[real]; ok {
			return fmt.Errorf("%s %s: that is %s this run reads; write the output elsewhere; nothing was written", out.flag, out.path, what)
		}
		if what := goInput(real, sc.goRoots); what != "" {
			return fmt.Errorf("%s %s: that is %s of the Go code checked; write the output elsewhere; nothing was written", out.flag, out.path, what)
		}
		if other, ok := written[real]; ok {
			return fmt.Errorf("%s %s: the same file as %s; give each output its own file; nothing was written", out.flag, out.path, other)
		}
		written[real] = out.flag
		inside := namedInside(out.path, boundary)
		if inside && !safefs.Within(boundary, real) {
			return fmt.Errorf("%s %s: it leads to %s, outside the repository (%s); nothing was written", out.flag, out.path, real, boundary)
		}
		if fi, err := os.Lstat(real); err == nil && (fi.IsDir() || (inside && !fi.Mode().IsRegular())) {
			return fmt.Errorf("%s %s: not a regular file (%s); nothing was written", out.flag, out.path, fileKind(fi.Mode()))
		}
	}
	return nil
}

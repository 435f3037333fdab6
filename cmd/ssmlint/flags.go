package main

import (
	"flag"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/ssmlint/ssmlint/internal/report"
)

// options are the parsed command line.
type options struct {
	// formats are the --format values, NAME or NAME=FILE, in order;
	// empty means text.
	formats       []string
	output        string
	configPath    string
	failOn        string
	enable        []string
	only          []string
	disable       []string
	baseline      string
	writeBaseline string
	// writeInventory is where to write the Terraform parameter inventory.
	writeInventory string
	// pathPrefix is put in front of the repository-relative paths of the
	// machine formats.
	pathPrefix string
	// newFromRev and newFromPatch keep only the findings a change brings.
	newFromRev   string
	newFromPatch string
	chdir        string
	color        string
	fix          bool
	verbose      bool
	version      bool
	help         bool
	noColor      bool
	vars         []string
	varFiles     []string
	paths        []string
}

// listFlag collects repeated or comma-separated values.
type listFlag struct{ dst *[]string }

func (l listFlag) String() string { return "" }
func (l listFlag) Set(v string) error {
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			*l.dst = append(*l.dst, s)
		}
	}
	return nil
}

// repeatFlag collects repeated values without splitting.
type repeatFlag struct{ dst *[]string }

func (r repeatFlag) String() string     { return "" }
func (r repeatFlag) Set(v string) error { *r.dst = append(*r.dst, v); return nil }

const usageText = `Usage: ssmlint [flags] [PATH ...]
       ssmlint rules [RULE]
       ssmlint version

Scans the Terraform under each PATH (default ".") for AWS Systems Manager
mistakes, and the Go packages under it when PATH is inside a Go module.
Exit status: 0 nothing at or above --fail-on, 1 findings at or above it,
2 usage error or unreadable input.

Examples:
  ssmlint .
  ssmlint --format text --format sarif=ssmlint.sarif .
  ssmlint --new-from-rev origin/main .

Flags:
`

// newFlagSet defines every flag on a FlagSet writing its errors to w.
func newFlagSet(o *options, w io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("ssmlint", flag.ContinueOnError)
	fs.SetOutput(w)
	fs.Var(repeatFlag{&o.formats}, "format", "output `FORMAT`: "+strings.Join(report.Formats(), "|")+
		" (default text); FORMAT=FILE writes that format to FILE; repeat for several outputs in one run")
	fs.StringVar(&o.output, "output", "", "write the report (the --format without =FILE) to `FILE` instead of standard output")
	fs.StringVar(&o.configPath, "config", "", "configuration `FILE` (default: .ssmlint.yml found upward from the first PATH)")
	fs.StringVar(&o.failOn, "fail-on", "", "exit 1 when a finding is at or above this `SEVERITY`: error|warning|info (default warning)")
	fs.Var(listFlag{&o.enable}, "enable", "also run these `RULES`, even those the configuration turns off (IDs, names or groups such as SSM6; comma-separated; repeatable)")
	fs.Var(listFlag{&o.only}, "only", "run only these `RULES` (IDs, names or groups such as SSM6; comma-separated; repeatable)")
	fs.Var(listFlag{&o.disable}, "disable", "do not run these `RULES` (IDs, names or groups such as SSM6; comma-separated; repeatable)")
	fs.StringVar(&o.baseline, "baseline", "", "hide the findings recorded in this baseline `FILE`")
	fs.StringVar(&o.writeBaseline, "write-baseline", "", "record the current findings in a baseline `FILE` and exit 0")
	fs.StringVar(&o.writeInventory, "write-inventory", "", "write the Terraform parameter inventory (names, types, tiers, keys) as JSON to `FILE`, for ssmvet -ssm601.inventory")
	fs.StringVar(&o.newFromRev, "new-from-rev", "", "report only findings absent from the tree at git `REV` (a cross-resource finding a change causes counts as new)")
	fs.StringVar(&o.newFromPatch, "new-from-patch", "", "report only findings on lines a unified diff `FILE` adds or changes")
	fs.StringVar(&o.pathPrefix, "path-prefix", "", "put `PREFIX` in front of the repository-relative paths of the machine formats (sarif, github, checkstyle, codeclimate, junit, json)")
	fs.StringVar(&o.chdir, "chdir", "", "change to `DIR` before doing anything else")
	fs.StringVar(&o.color, "color", "auto", "colour the text output: `WHEN` is auto|always|never (auto: on a terminal, unless NO_COLOR is set)")
	fs.BoolVar(&o.noColor, "no-color", false, "never colour the text output (same as --color never)")
	fs.BoolVar(&o.fix, "fix", false, "apply suggested fixes (Go analyzers only; Terraform rules offer none)")
	fs.BoolVar(&o.verbose, "verbose", false, "more detail per finding: resource address, rule summary, documentation link")
	fs.BoolVar(&o.version, "version", false, "print the version and exit")
	fs.BoolVar(&o.help, "help", false, "print this help and exit")
	fs.BoolVar(&o.help, "h", false, "print this help and exit")
	fs.Var(repeatFlag{&o.vars}, "var", "set a root module variable, `NAME=VALUE` (repeatable)")
	fs.Var(repeatFlag{&o.varFiles}, "var-file", "read root module variables from a tfvars `FILE` (repeatable)")
	return fs
}

// printUsage writes the help text: to standard output when asked for
// with --help, to standard error after a usage error.
func printUsage(w io.Writer) {
	fs := newFlagSet(&options{}, w)
	fmt.Fprint(w, usageText)
	fs.VisitAll(func(f *flag.Flag) {
		if f.Name == "h" {
			return // shown with --help
		}
		name, usage := flag.UnquoteUsage(f)
		line := "  --" + f.Name
		if f.Name == "help" {
			line = "  -h, --help"
		}
		if name != "" && name != "value" {
			line += " " + name
		}
		if f.DefValue != "" && f.DefValue != "false" {
			usage += fmt.Sprintf(" (default %q)", f.DefValue)
		}
		fmt.Fprintf(w, "%s\n      %s\n", line, usage)
	})
}

// parseFlags reads flags and paths; flags may follow paths, until "--",
// after which every argument is a path. A usage error
// is printed to stderr with a pointer to --help.
func parseFlags(args []string, stderr io.Writer) (*options, error) {
	o := &options{}
	fs := newFlagSet(o, stderr)
	fs.Usage = func() { fmt.Fprintln(stderr, "Run 'ssmlint --help' for usage.") }
	rest := args
	for {
		if err := fs.Parse(rest); err != nil {
			return nil, err
		}
		left := fs.Args()
		if n := len(rest) - len(left); n > 0 && rest[n-1] == "--" {
			o.paths = append(o.paths, left...) // after --, paths only
			break
		}
		rest = left
		if len(rest) == 0 {
			break
		}
		o.paths = append(o.paths, rest[0])
		rest = rest[1:]
	}
	if len(o.paths) == 0 {
		o.paths = []string{"."}
	}
	if o.noColor {
		o.color = "never"
	}
	if o.pathPrefix != "" {
		pp := path.Clean(strings.ReplaceAll(o.pathPrefix, `\`, "/"))
		if path.IsAbs(pp) || pp == ".." || strings.HasPrefix(pp, "../") {
			fmt.Fprintf(stderr, "ssmlint: --path-prefix %q: want a relative path that stays inside (such as services/infra)\n", o.pathPrefix)
			return nil, errUsage
		}
		if pp == "." {
			pp = ""
		}
		o.pathPrefix = pp
	}
	switch o.color {
	case "auto", "always", "never":
	default:
		fmt.Fprintf(stderr, "ssmlint: --color %q: want auto, always or never\n", o.color)
		return nil, errUsage
	}
	return o, nil
}

// errUsage is a usage error already explained on stderr.
var errUsage = fmt.Errorf("usage error")

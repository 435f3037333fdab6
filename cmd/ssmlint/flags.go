package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/ssmlint/ssmlint/internal/report"
)

// options are the parsed command line.
type options struct {
	format        string
	output        string
	configPath    string
	failOn        string
	enable        []string
	disable       []string
	baseline      string
	writeBaseline string
	// writeInventory is where to write the Terraform parameter inventory.
	writeInventory string
	fix            bool
	verbose        bool
	version        bool
	noColor        bool
	vars           []string
	varFiles       []string
	paths          []string
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

Scans the Terraform under each PATH (default ".") for AWS Systems Manager
mistakes. Exit status: 0 nothing at or above --fail-on, 1 findings at or
above it, 2 usage error or unreadable input.

Flags:
`

// parseFlags reads flags and paths; flags may follow paths.
func parseFlags(args []string, stderr io.Writer) (*options, error) {
	o := &options{}
	fs := flag.NewFlagSet("ssmlint", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.format, "format", "text", "output format: "+strings.Join(report.Formats(), "|"))
	fs.StringVar(&o.output, "output", "", "write the report to `FILE` instead of standard output")
	fs.StringVar(&o.configPath, "config", "", "configuration `FILE` (default: .ssmlint.yml found upward from the first PATH)")
	fs.StringVar(&o.failOn, "fail-on", "", "exit 1 when a finding is at or above this severity: error|warning|info (default warning)")
	fs.Var(listFlag{&o.enable}, "enable", "run only these `RULES` (IDs, names or groups such as SSM6; comma-separated; repeatable)")
	fs.Var(listFlag{&o.disable}, "disable", "do not run these `RULES` (IDs, names or groups such as SSM6; comma-separated; repeatable)")
	fs.StringVar(&o.baseline, "baseline", "", "hide the findings recorded in this baseline `FILE`")
	fs.StringVar(&o.writeBaseline, "write-baseline", "", "record the current findings in a baseline `FILE` and exit 0")
	fs.StringVar(&o.writeInventory, "write-inventory", "", "write the Terraform parameter inventory (names, types, tiers, keys) as JSON to `FILE`, for ssmvet -ssm601.inventory")
	fs.BoolVar(&o.fix, "fix", false, "apply suggested fixes (Go analyzers only; Terraform rules offer none)")
	fs.BoolVar(&o.verbose, "verbose", false, "more detail per finding: resource address, rule summary, documentation link")
	fs.BoolVar(&o.version, "version", false, "print the version and exit")
	fs.BoolVar(&o.noColor, "no-color", false, "never colour the text output (NO_COLOR is honoured too)")
	fs.Var(repeatFlag{&o.vars}, "var", "set a root module variable, `NAME=VALUE` (repeatable)")
	fs.Var(repeatFlag{&o.varFiles}, "var-file", "read root module variables from a tfvars `FILE` (repeatable)")
	fs.Usage = func() {
		fmt.Fprint(stderr, usageText)
		fs.PrintDefaults()
	}
	rest := args
	for {
		if err := fs.Parse(rest); err != nil {
			return nil, err
		}
		rest = fs.Args()
		if len(rest) == 0 {
			break
		}
		o.paths = append(o.paths, rest[0])
		rest = rest[1:]
	}
	if len(o.paths) == 0 {
		o.paths = []string{"."}
	}
	return o, nil
}

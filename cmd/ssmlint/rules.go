package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/ssmlint/ssmlint/rules"
)

// runRules implements `ssmlint rules [RULE]`: the catalog as a table, or
// one rule in full.
func runRules(args []string, stdout, stderr io.Writer) int {
	if len(args) > 1 {
		fmt.Fprintln(stderr, "usage: ssmlint rules [RULE]")
		return exitTrouble
	}
	if len(args) == 1 {
		r, ok := rules.Lookup(args[0])
		if !ok {
			fmt.Fprintf(stderr, "ssmlint: unknown rule %q (see `ssmlint rules`)\n", args[0])
			return exitTrouble
		}
		printRule(stdout, r)
		return exitClean
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tSEVERITY\tSUMMARY")
	for _, r := range rules.All() {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Name, r.Severity, r.Summary)
	}
	_ = tw.Flush()
	return exitClean
}

func printRule(w io.Writer, r *rules.Rule) {
	fmt.Fprintf(w, "%s %s (%s)\n\n%s\n\n", r.ID, r.Name, r.Severity, r.Summary)
	fmt.Fprintf(w, "Why:\n%s\n\n", indent(r.Rationale))
	fmt.Fprintf(w, "Bad:\n%s\n\n", indent(r.Bad))
	fmt.Fprintf(w, "Good:\n%s\n\n", indent(r.Good))
	fmt.Fprintf(w, "Fix:\n%s\n", indent(r.Remediation))
	if len(r.Options) > 0 {
		fmt.Fprintf(w, "\nOptions (.ssmlint.yml: rules.%s.options):\n", r.ID)
		for _, o := range r.Options {
			fmt.Fprintf(w, "    %s (default %v): %s\n", o.Name, o.Default, o.Description)
		}
	}
	if len(r.Sources) > 0 {
		fmt.Fprintf(w, "\nSources:\n")
		for _, s := range r.Sources {
			fmt.Fprintf(w, "    %s\n", s)
		}
	}
}

func indent(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = "    " + l
		}
	}
	return strings.Join(lines, "\n")
}

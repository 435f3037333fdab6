// Package report writes ssmlint's findings and input errors in the output
// formats the CLI offers: text for people, json for scripts, sarif for code
// scanning, github for workflow annotations, checkstyle for the CI tools
// that read it, codeclimate for GitLab's Code Quality report and junit for
// CI test viewers.
//
// Every format receives the same Input. The machine formats name files
// relative to the repository root (Input.Root), slash-separated, with
// Input.PathPrefix in front, so that their output does not depend on the
// directory the scan ran from; the text format names them relative to
// Input.WorkDir, as a person in that directory types them. Writers never
// reorder findings: the caller sorts them (finding.SortFindings) before
// calling Write.
package report

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strings"
	"time"

	"github.com/ssmlint/ssmlint/finding"
	"github.com/ssmlint/ssmlint/rules"
)

// Summary is what a run amounts to; the text, json and (in part) sarif
// formats print it after the findings.
type Summary struct {
	// Errors, Warnings and Infos count the reported findings by effective
	// severity (not the input errors, which are len(Input.Errors)).
	Errors, Warnings, Infos int
	// FilesScanned counts the Terraform and Go files read.
	FilesScanned int
	// Duration is how long the scan took.
	Duration time.Duration
	// AdvancedParameters counts the Advanced-tier parameters flagged as
	// not needing that tier, and AdvancedMonthlyCost is what they cost in
	// USD per month (the sum of their findings' Cost).
	AdvancedParameters  int
	AdvancedMonthlyCost float64
	// Suppressed counts findings silenced by ignore comments or
	// configuration, Baselined those hidden by the baseline file.
	Suppressed, Baselined int
	// Skipped are files that look like Terraform but were not read, with
	// the reason (a .tfvars file Terraform does not load by itself, a .tf
	// file shadowed by its .tofu twin, another tool's file).
	Skipped []SkippedFile
	// Notes are sentences about the run a user must not miss, such as a
	// path with nothing to check.
	Notes []string
}

// SkippedFile is a file not read, and why.
type SkippedFile struct {
	File   string
	Reason string
}

// Tally counts findings by effective severity and, for the findings of the
// advanced rule (the catalog's Advanced-tier cost rule, matched by ID),
// counts them as AdvancedParameters and sums their Cost. The caller fills in
// the remaining fields (FilesScanned, Duration, Suppressed, Baselined).
func Tally(findings []finding.Finding, advanced *rules.Rule) Summary {
	var s Summary
	for _, f := range findings {
		switch f.Severity {
		case rules.Error:
			s.Errors++
		case rules.Warning:
			s.Warnings++
		case rules.Info:
			s.Infos++
		}
		if advanced != nil && f.Rule != nil && f.Rule.ID == advanced.ID {
			s.AdvancedParameters++
			s.AdvancedMonthlyCost += f.Cost
		}
	}
	return s
}

// Input is everything a format needs.
type Input struct {
	// Version is ssmlint's version, as --version prints it.
	Version string
	// Findings are sorted (finding.SortFindings) and carry their effective
	// severity.
	Findings []finding.Finding
	// Errors are the inputs that could not be read, parsed or evaluated.
	Errors []finding.Error
	// Summary is printed by the text and json formats.
	Summary Summary
	// Rules is the catalog, described in full in SARIF output. Rules of
	// findings that are missing from it are described too.
	Rules []*rules.Rule
	// WorkDir is the directory the text format makes file paths relative
	// to, and the machine formats too when Root is empty; empty leaves
	// them as given (slash-separated).
	WorkDir string
	// Root is the absolute repository root (the nearest directory above
	// the scanned path holding .git, else the working directory). The
	// machine formats (json, sarif, github, checkstyle, codeclimate,
	// junit) write file paths relative to it, whatever the working
	// directory; a file outside it keeps its cleaned absolute path.
	Root string
	// PathPrefix is a slash-separated path put in front of the
	// root-relative paths of the machine formats, for a repository whose
	// results are uploaded as part of a larger one (--path-prefix).
	// Fingerprints never include it.
	PathPrefix string
	// RuleSeverity is the configured severity of a rule, by ID (the CLI
	// fills it from .ssmlint.yml); it overrides the catalog's default
	// where SARIF describes a rule (level, problem.severity,
	// security-severity). Findings carry their own effective severity.
	RuleSeverity map[string]rules.Severity
	// ReadSource returns the content of a file as named in a Range, for
	// the source excerpts of the text format. It may be nil, and it may
	// report false for files it cannot or will not read.
	ReadSource func(file string) ([]byte, bool)
}

// Options tune the text format; the machine-readable formats ignore them.
type Options struct {
	// Color turns on ANSI colours. The CLI sets it when stdout is a
	// terminal and NO_COLOR is unset.
	Color bool
	// Verbose adds each finding's resource, the rule's summary and a link
	// to the rule's documentation.
	Verbose bool
}

// Output format names, as given to --format.
const (
	FormatText       = "text"
	FormatJSON       = "json"
	FormatSARIF      = "sarif"
	FormatGitHub     = "github"
	FormatCheckstyle = "checkstyle"
	// FormatCodeClimate is GitLab's Code Quality report, a subset of the
	// Code Climate issue format.
	FormatCodeClimate = "codeclimate"
	// FormatJUnit is JUnit XML, as CI test viewers (GitLab, Jenkins) read
	// it.
	FormatJUnit = "junit"
)

// Formats returns the names Write accepts, the default (text) first.
func Formats() []string {
	return []string{FormatText, FormatJSON, FormatSARIF, FormatGitHub, FormatCheckstyle, FormatCodeClimate, FormatJUnit}
}

// Write renders in to w in the named format. An unknown format is an error
// that names the valid ones; so is a failure to write.
func Write(w io.Writer, format string, in Input, opt Options) error {
	bw := bufio.NewWriter(w)
	var err error
	switch format {
	case FormatText:
		err = writeText(bw, in, opt)
	case FormatJSON:
		err = writeJSON(bw, in)
	case FormatSARIF:
		err = writeSARIF(bw, in)
	case FormatGitHub:
		err = writeGitHub(bw, in)
	case FormatCheckstyle:
		err = writeCheckstyle(bw, in)
	case FormatCodeClimate:
		err = writeCodeClimate(bw, in)
	case FormatJUnit:
		err = writeJUnit(bw, in)
	default:
		return fmt.Errorf("unknown output format %q (want %s)", format, strings.Join(Formats(), ", "))
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

// DocsURL is where the documentation of a rule lives.
func DocsURL(ruleID string) string {
	return "https://github.com/ssmlint/ssmlint/blob/main/docs/rules/" + ruleID + ".md"
}

// relPath makes file relative to workDir and slash-separated, as the text
// format (and, without a Root, the machine formats) name files. Paths that
// cannot be made relative (one absolute, the other not) are only cleaned.
func relPath(workDir, file string) string {
	if file == "" {
		return ""
	}
	if workDir != "" && filepath.IsAbs(workDir) == filepath.IsAbs(file) {
		if rel, err := filepath.Rel(workDir, file); err == nil {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(filepath.Clean(file))
}

// ruleID and ruleName tolerate a finding without a rule.
func ruleID(r *rules.Rule) string {
	if r == nil {
		return ""
	}
	return r.ID
}

func ruleName(r *rules.Rule) string {
	if r == nil {
		return ""
	}
	return r.Name
}

// remediation is the finding's own remediation, else its rule's.
func remediation(f finding.Finding) string {
	if f.Remediation != "" {
		return f.Remediation
	}
	if f.Rule != nil {
		return f.Rule.Remediation
	}
	return ""
}

// severityName is the lower-case severity, "warning" for an invalid one (the
// zero value), so that output never carries "severity(0)".
func severityName(s rules.Severity) string {
	switch s {
	case rules.Error, rules.Warning, rules.Info:
		return s.String()
	}
	return rules.Warning.String()
}

// roundCost keeps a cost to a hundredth of a cent, hiding float noise such as
// 0.15000000000000002.
func roundCost(usd float64) float64 {
	if math.IsNaN(usd) || math.IsInf(usd, 0) {
		return 0
	}
	return math.Round(usd*1e4) / 1e4
}

// Package rules is the ssmlint rule catalog: one typed entry per rule, with
// the ID, name, default severity, rationale, examples and remediation that
// every output format and the generated documentation read.
//
// The catalog imports no engine. Engines (hclcheck, analyzers) refer to the
// entries by value, e.g. rules.SSM201; strings appear only at the config and
// CLI boundary, through Lookup.
package rules

import (
	"fmt"
	"strings"
)

// Severity is how bad a finding is. The zero value is invalid.
type Severity int

// Severities, from least to most severe.
const (
	Info Severity = iota + 1
	Warning
	Error
)

// String returns the lower-case name used in output and configuration.
func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// ParseSeverity reads "error", "warning" or "info" (case-insensitive).
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "error":
		return Error, nil
	case "warning", "warn":
		return Warning, nil
	case "info":
		return Info, nil
	}
	return 0, fmt.Errorf("unknown severity %q (want error, warning or info)", s)
}

// Kind is what a rule's findings put at risk. Code scanning shows security
// findings apart from the others (the "security" tag and a
// security-severity), so only a rule whose findings are a security risk is
// of kind Security. The zero value is invalid.
type Kind int

// Kinds of rules.
const (
	// Security is a risk to confidentiality or integrity: a secret in
	// plain text or never rotated, a permission or an exposure broader
	// than needed, security patches held back, an audit trail that is
	// missing or unencrypted.
	Security Kind = iota + 1
	// Reliability is something that fails, or silently does nothing, at
	// apply or at run time: an unreachable endpoint, a missing
	// permission, an unpaginated listing, patching that never happens.
	Reliability
	// Maintainability is hygiene and cost: money spent for nothing, stale
	// suppressions, records not kept.
	Maintainability
)

// String returns the lower-case name used in output ("security",
// "reliability", "maintainability").
func (k Kind) String() string {
	switch k {
	case Security:
		return "security"
	case Reliability:
		return "reliability"
	case Maintainability:
		return "maintainability"
	}
	return fmt.Sprintf("kind(%d)", int(k))
}

// Precision is how often a rule's findings are true, in GitHub code
// scanning's terms: very-high, high, medium, low. The zero value is
// invalid.
type Precision int

// Precisions, from least to most precise.
const (
	// PrecisionLow means many findings are expected to be false positives.
	PrecisionLow Precision = iota + 1
	// PrecisionMedium means a finding rests on an inference (what an instance
	// is meant for, what is granted outside the scan) or flags what is
	// often intended.
	PrecisionMedium
	// PrecisionHigh means a finding is nearly always true; the rule stays
	// silent when a value is unknown.
	PrecisionHigh
	// PrecisionVeryHigh means a finding is a plain fact of the
	// configuration, with no inference: a value AWS rejects, a
	// deprecated policy attached, a suppression that is malformed.
	PrecisionVeryHigh
)

// String returns GitHub code scanning's name of the precision ("very-high",
// "high", "medium", "low").
func (p Precision) String() string {
	switch p {
	case PrecisionLow:
		return "low"
	case PrecisionMedium:
		return "medium"
	case PrecisionHigh:
		return "high"
	case PrecisionVeryHigh:
		return "very-high"
	}
	return fmt.Sprintf("precision(%d)", int(p))
}

// Source is a public document a rule relies on: its human title and its
// address.
type Source struct {
	Title string // e.g. "Managing parameter tiers (AWS Systems Manager User Guide)"
	URL   string // https://docs.aws.amazon.com/...
}

// String is the title followed by the address, as plain text shows it.
func (s Source) String() string {
	return s.Title + ": " + s.URL
}

// Option is a tunable threshold of a rule, set in the config file under
// rules.<ID>.options.<Name>.
type Option struct {
	Name        string
	Description string
	// Default is the value used when the configuration does not set one;
	// its Go type (int, float64, string, bool, []string) is the type the
	// configuration value must have.
	Default any
}

// Rule is one catalog entry.
type Rule struct {
	ID       string   // stable forever, e.g. "SSM201"
	Name     string   // kebab-case, e.g. "secret-in-plain-string"
	Severity Severity // default severity
	// Kind is what the rule's findings put at risk.
	Kind Kind
	// Precision is how often the rule's findings are true.
	Precision Precision
	// Summary is one sentence: what the rule finds.
	Summary string
	// Rationale is one paragraph: why it matters.
	Rationale string
	// Bad and Good are short examples (Terraform or Go source).
	Bad, Good string
	// Language of the examples: "hcl" or "go".
	Language string
	// Remediation is one line: how to fix a finding.
	Remediation string
	// Options are the rule's tunable thresholds.
	Options []Option
	// Sources cites the public documentation (AWS's, and the Terraform
	// AWS provider's for its defaults) the rule relies on.
	Sources []Source
}

// OptionDefault returns the default of the named option, or nil.
func (r *Rule) OptionDefault(name string) any {
	for _, o := range r.Options {
		if o.Name == name {
			return o.Default
		}
	}
	return nil
}

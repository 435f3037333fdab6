package rules

// IgnoreDirective is SSM000, the rule about ssmlint's own suppression
// comments: malformed, without a reason, naming an unknown rule (errors), or
// suppressing nothing (warning). ssmlint reports it while applying the
// comments, not through an engine; it is in All() so that it is listed,
// documented, configured and disabled like any rule. It cites no source:
// it is about ssmlint itself.
var IgnoreDirective = &Rule{
	ID:       "SSM000",
	Name:     "ignore-directive",
	Severity: Warning,
	// A stale or malformed suppression is hygiene, and every finding is a
	// fact of the comment itself.
	Kind:      Maintainability,
	Precision: PrecisionVeryHigh,
	Summary:   "A suppression comment (`ssmlint:ignore`, or `//nolint` in Go) is malformed, has no reason, names an unknown rule, or suppresses nothing.",
	Rationale: "Suppressions are part of the gate: one without a reason cannot be reviewed, and one that matches nothing " +
		"hides the next real finding at that place. An `ssmlint:ignore` must name a rule, give a reason after `--`, and match a finding. " +
		"In Go, golangci-lint's `//nolint:ssmlint` counts too; `//nolint:ssm601` names no linter golangci-lint knows and suppresses nothing.",
	Bad: `# ssmlint:ignore SSM201
resource "aws_ssm_parameter" "sandbox_api_key" {
  name  = "/myapp/dev/payments/api_key"
  type  = "String"
  value = "pk_test_public_sample"
}
`,
	Good: `# ssmlint:ignore SSM201 -- a publishable test key, public by design
resource "aws_ssm_parameter" "sandbox_api_key" {
  name  = "/myapp/dev/payments/api_key"
  type  = "String"
  value = "pk_test_public_sample"
}
`,
	Language: "hcl",
	Remediation: "Give the rule and a reason (`# ssmlint:ignore SSM201 -- why`), or delete a comment that suppresses nothing; " +
		"to keep one that matches nothing in some scans, add SSM000 to its rules.",
}

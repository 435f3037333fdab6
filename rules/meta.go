package rules

// IgnoreDirective is not a rule of the catalog: it is how ssmlint reports
// its own suppression comments when they are malformed, lack a reason, name
// an unknown rule (errors), or suppress nothing (warning). It appears in
// outputs like any rule so that such comments are found and cleaned up.
var IgnoreDirective = &Rule{
	ID:       "SSM000",
	Name:     "ignore-directive",
	Severity: Warning,
	Summary:  "An `ssmlint:ignore` comment is malformed, has no reason, names an unknown rule, or suppresses nothing.",
	Rationale: "Suppressions are part of the gate: one without a reason cannot be reviewed, and one that matches nothing " +
		"hides the next real finding at that place. Each must name a rule, give a reason after `--`, and match a finding.",
	Bad:         "# ssmlint:ignore SSM201\nresource \"aws_ssm_parameter\" \"db_host\" { ... }",
	Good:        "# ssmlint:ignore SSM201 -- public value, the name is historical\nresource \"aws_ssm_parameter\" \"db_password\" { ... }",
	Language:    "hcl",
	Remediation: "Give the rule ID and a reason (`# ssmlint:ignore SSM201 -- why`), or delete the comment if it suppresses nothing.",
}

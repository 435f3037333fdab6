package rules

// The 3xx rules: money spent for nothing.

// SSM301 finds Advanced-tier parameters that would fit the free Standard
// tier.
var SSM301 = &Rule{
	ID:        "SSM301",
	Name:      "advanced-tier-waste",
	Severity:  Warning,
	Kind:      Maintainability,
	Precision: PrecisionHigh,
	Summary:   "An Advanced-tier parameter has a value known to fit in 4 KB and no parameter policies.",
	Rationale: "The Advanced tier is charged per parameter per month (widely quoted as $0.05), while the Standard tier is free and holds values up to 4 KB. " +
		"An Advanced parameter whose value is known to fit in 4 KB and that sets no parameter policies gets nothing for that money. " +
		"Use Standard, or `Intelligent-Tiering`, which creates an Advanced parameter only when a value over 4 KB, a policy or the Standard parameter count requires it. " +
		"AWS cannot turn an Advanced parameter back into Standard: it must be deleted and recreated, so plan the change. " +
		"The run's summary states the monthly total of the flagged parameters, priced with the `monthly_cost_per_parameter` option.",
	Language: "hcl",
	Bad: `resource "aws_ssm_parameter" "log_level" {
  name  = "/myapp/prod/log_level"
  type  = "String"
  tier  = "Advanced"
  value = "info"
}
`,
	Good: `resource "aws_ssm_parameter" "log_level" {
  name  = "/myapp/prod/log_level"
  type  = "String"
  tier  = "Standard"
  value = "info"
}
`,
	Remediation: "Use tier = \"Standard\" (or \"Intelligent-Tiering\"); an existing Advanced parameter must be recreated to change tier.",
	Options: []Option{{
		Name:        "monthly_cost_per_parameter",
		Description: "Price in USD of one Advanced parameter per month, used for the total in the run's summary.",
		Default:     0.05,
	}},
	Sources: []Source{srcTiers, srcDefaultTier, srcPricing},
}

// SSM302 finds stacks that turn on Parameter Store's billed higher
// throughput.
var SSM302 = &Rule{
	ID:        "SSM302",
	Name:      "high-throughput-enabled",
	Severity:  Warning,
	Kind:      Maintainability,
	Precision: PrecisionHigh,
	Summary:   "An aws_ssm_service_setting turns on Parameter Store higher throughput, which makes every API interaction billable.",
	Rationale: "Higher throughput is an account setting, `/ssm/parameter-store/high-throughput-enabled`, not a property of one parameter. " +
		"Once it is on, Parameter Store API interactions are charged per API interaction, those of every other application in the account and Region included, " +
		"while standard throughput is free. " +
		"Most workloads stay within standard throughput by caching parameter values; turn the setting on only deliberately, and say why in a suppression.",
	Language: "hcl",
	Bad: `resource "aws_ssm_service_setting" "high_throughput" {
  setting_id    = "arn:aws:ssm:${var.region}:${var.account_id}:servicesetting/ssm/parameter-store/high-throughput-enabled"
  setting_value = "true"
}
`,
	Good: `# Parameter values are cached by the application; standard throughput is
# enough and free.
resource "aws_ssm_service_setting" "high_throughput" {
  setting_id    = "arn:aws:ssm:${var.region}:${var.account_id}:servicesetting/ssm/parameter-store/high-throughput-enabled"
  setting_value = "false"
}
`,
	Remediation: "Leave higher throughput off and cache parameter values in the application, unless the workload really needs it.",
	Sources:     []Source{srcThroughput, srcPricing},
}

// SSM303 finds session log groups kept forever.
var SSM303 = &Rule{
	ID:        "SSM303",
	Name:      "session-log-no-retention",
	Severity:  Warning,
	Kind:      Maintainability,
	Precision: PrecisionHigh,
	Summary:   "The CloudWatch log group that receives session logs has no retention_in_days.",
	Rationale: "A CloudWatch log group without `retention_in_days` keeps its events forever, and its storage is billed for as long as it grows. " +
		"Session logs record every command and its output, so they grow with every session. " +
		"Set a retention that meets the audit requirement, and export to S3 what must be kept longer.",
	Language: "hcl",
	Bad: `resource "aws_cloudwatch_log_group" "sessions" {
  name = "/myapp/session-manager"
}

resource "aws_ssm_document" "session_prefs" {
  name            = "SSM-SessionManagerRunShell"
  document_type   = "Session"
  document_format = "JSON"

  content = jsonencode({
    schemaVersion = "1.0"
    description   = "Session Manager preferences"
    sessionType   = "Standard_Stream"
    inputs = {
      cloudWatchLogGroupName      = aws_cloudwatch_log_group.sessions.name
      cloudWatchEncryptionEnabled = true
      kmsKeyId                    = aws_kms_key.sessions.arn
    }
  })
}
`,
	Good: `resource "aws_cloudwatch_log_group" "sessions" {
  name              = "/myapp/session-manager"
  retention_in_days = 365
}
`,
	Remediation: "Set retention_in_days on the log group that receives session logs.",
	Sources:     []Source{srcLogRetention, srcSessionLogging},
}

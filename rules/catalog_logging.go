package rules

// The 5xx rules: logging and audit.

// SSM501 finds stacks with managed instances and no Session Manager logging.
var SSM501 = &Rule{
	ID:        "SSM501",
	Name:      "session-logging-missing",
	Severity:  Warning,
	Kind:      Security,
	Precision: PrecisionMedium,
	Summary:   "The stack makes instances SSM-managed but defines no Session Manager preferences document that logs sessions.",
	Rationale: "Session logs are the audit trail of what happens on an instance: CloudTrail records who started a session, but only the Session Manager preferences decide whether what was typed and printed is kept. " +
		"Those preferences are an SSM document with `document_type = \"Session\"` and `sessionType: Standard_Stream`, usually named `SSM-SessionManagerRunShell`, that sends session output to CloudWatch Logs (`cloudWatchLogGroupName`) or S3 (`s3BucketName`). " +
		"A preferences document in the scan that names neither a log group nor a bucket is a warning. " +
		"When no root module of the scan defines preferences at all but the scan makes instances SSM-managed, the rule says so once per scan, at info severity, which does not fail the gate: preferences are set per account and region and usually live in a baseline stack or outside Terraform, so an application stack or a module example cannot be expected to hold them. A baseline stack scanned alongside (in the same directory tree or as another PATH) counts as defining them. " +
		"In the repository that owns the preferences, set the option `preferences_required: true` to make their absence a warning again. " +
		"Port-forwarding and command Session documents are not preferences; a document whose type or content cannot be read counts as preferences (ssmlint cannot know).",
	Language: "hcl",
	Bad: `resource "aws_iam_role" "app" {
  name               = "app"
  assume_role_policy = data.aws_iam_policy_document.ec2_assume.json
}

resource "aws_iam_role_policy_attachment" "app_ssm_core" {
  role       = aws_iam_role.app.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_instance_profile" "app" {
  name = "app"
  role = aws_iam_role.app.name
}

# No aws_ssm_document with document_type = "Session" anywhere in the stack.
resource "aws_instance" "app" {
  ami                  = var.ami_id
  instance_type        = "t3.micro"
  subnet_id            = aws_subnet.private.id
  iam_instance_profile = aws_iam_instance_profile.app.name
}
`,
	Good: `resource "aws_ssm_document" "session_prefs" {
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
	Remediation: "Define the Session Manager preferences document (SSM-SessionManagerRunShell) and send session logs to CloudWatch Logs or S3.",
	Sources:     []Source{srcSessionLogging},
	Options: []Option{{
		Name:        "preferences_required",
		Description: "Set true in the repository that defines the account's Session Manager preferences: a scan with SSM-managed instances and no preferences document is then a warning instead of info.",
		Default:     false,
	}},
}

// SSM502 finds Session Manager preferences that log without encryption.
var SSM502 = &Rule{
	ID:        "SSM502",
	Name:      "session-logging-unencrypted",
	Severity:  Warning,
	Kind:      Security,
	Precision: PrecisionHigh,
	Summary:   "The Session Manager preferences turn off log encryption or set no KMS key for session data.",
	Rationale: "Session logs hold whatever was typed and printed in a session, secrets included. " +
		"With `cloudWatchEncryptionEnabled` and `s3EncryptionEnabled` on, Session Manager writes logs only to encrypted log groups and buckets; " +
		"`kmsKeyId` encrypts the session data itself with a KMS key. " +
		"The rule reads the preferences document's content as JSON or YAML, including `jsonencode()`, and fires when either encryption flag is false or no `kmsKeyId` is set. " +
		"checkov checks the same on Session documents (CKV_AWS_112, CKV_AWS_113).",
	Language: "hcl",
	Bad: `resource "aws_ssm_document" "session_prefs" {
  name            = "SSM-SessionManagerRunShell"
  document_type   = "Session"
  document_format = "JSON"

  content = jsonencode({
    schemaVersion = "1.0"
    description   = "Session Manager preferences"
    sessionType   = "Standard_Stream"
    inputs = {
      cloudWatchLogGroupName      = aws_cloudwatch_log_group.sessions.name
      cloudWatchEncryptionEnabled = false
    }
  })
}
`,
	Good: `resource "aws_ssm_document" "session_prefs" {
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
	Remediation: "Set cloudWatchEncryptionEnabled and s3EncryptionEnabled to true, and set kmsKeyId, in the preferences document.",
	Sources:     []Source{srcSessionKMS, srcSessionLogging},
}

// SSM503 finds Run Command tasks and associations whose output is not kept.
var SSM503 = &Rule{
	ID:        "SSM503",
	Name:      "command-output-not-saved",
	Severity:  Info,
	Kind:      Maintainability,
	Precision: PrecisionMedium,
	Summary:   "A Run Command task or association has no S3 output location.",
	Rationale: "Run Command keeps a command history, but output saved to S3 stays complete and can be audited after the fact. " +
		"Scheduled associations and maintenance-window tasks run unattended, so their output is often the only record of what happened on the instances. " +
		"Only Command documents are checked (AWS ones such as AWS-RunShellScript and AWS-RunPatchBaseline, by name or ARN, and `document_type = \"Command\"` documents of the stack); " +
		"a task that sends its output to CloudWatch Logs (`cloudwatch_config`) keeps it too and is not reported. " +
		"This is advice, so it is reported as info.",
	Language: "hcl",
	Bad: `resource "aws_ssm_association" "disk_report" {
  name                = "AWS-RunShellScript"
  association_name    = "disk-report"
  schedule_expression = "rate(1 day)"

  targets {
    key    = "tag:Environment"
    values = ["production"]
  }

  parameters = {
    commands = "df -h"
  }
}
`,
	Good: `resource "aws_ssm_association" "disk_report" {
  name                = "AWS-RunShellScript"
  association_name    = "disk-report"
  schedule_expression = "rate(1 day)"

  targets {
    key    = "tag:Environment"
    values = ["production"]
  }

  parameters = {
    commands = "df -h"
  }

  output_location {
    s3_bucket_name = aws_s3_bucket.command_output.id
    s3_key_prefix  = "associations/disk-report/"
  }
}
`,
	Remediation: "Set an S3 output location (output_location on an association, output_s3_bucket on a Run Command task).",
	Sources:     []Source{srcSendCommand, srcCreateAssoc, srcMWRunCommand},
}

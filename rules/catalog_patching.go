package rules

// The 4xx rules: Patch Manager and maintenance windows.

// SSM401 finds patch baselines that approve nothing.
var SSM401 = &Rule{
	ID:        "SSM401",
	Name:      "patch-baseline-no-approval",
	Severity:  Error,
	Kind:      Reliability,
	Precision: PrecisionHigh,
	Summary:   "A patch baseline has no approval_rule and no approved_patches.",
	Rationale: "A patch baseline approves patches through approval rules (`approval_rule`, with `approve_after_days` or `approve_until_date`) or by listing them in `approved_patches`. " +
		"A baseline with neither approves nothing, so every patching run that uses it installs nothing while the run itself succeeds.",
	Language: "hcl",
	Bad: `resource "aws_ssm_patch_baseline" "production" {
  name             = "production-baseline"
  operating_system = "AMAZON_LINUX_2"
  description      = "Production servers"
}
`,
	Good: `resource "aws_ssm_patch_baseline" "production" {
  name             = "production-baseline"
  operating_system = "AMAZON_LINUX_2"
  description      = "Production servers"

  approval_rule {
    approve_after_days = 7

    patch_filter {
      key    = "CLASSIFICATION"
      values = ["Security", "Bugfix"]
    }

    patch_filter {
      key    = "SEVERITY"
      values = ["Critical", "Important"]
    }
  }
}
`,
	Remediation: "Add an approval_rule (or approved_patches) to the patch baseline.",
	Sources:     []Source{srcPatchBaselines, srcPatchRule, srcPatchManager},
}

// SSM402 finds patch baselines that approve security patches late or never.
var SSM402 = &Rule{
	ID:        "SSM402",
	Name:      "patch-baseline-slow-approval",
	Severity:  Warning,
	Kind:      Security,
	Precision: PrecisionHigh,
	Summary:   "A patch baseline approves Security or Critical patches later than the configured maximum, or has no rule for the Security classification.",
	Rationale: "Security fixes should reach instances quickly. " +
		"An approval rule whose `approve_after_days` (0–360) delays Security-classified or Critical patches by more than `max_approve_after_days` days leaves known vulnerabilities open for that long, " +
		"and a baseline none of whose approval rules covers the Security classification may never approve a security fix at all. " +
		"Rules that use `approve_until_date` are not checked for delay, and neither are Debian and Ubuntu baselines, which do not support `approve_after_days`.",
	Language: "hcl",
	Bad: `resource "aws_ssm_patch_baseline" "production" {
  name             = "production-baseline"
  operating_system = "AMAZON_LINUX_2"

  approval_rule {
    approve_after_days = 30

    patch_filter {
      key    = "CLASSIFICATION"
      values = ["Security"]
    }
  }
}
`,
	Good: `resource "aws_ssm_patch_baseline" "production" {
  name             = "production-baseline"
  operating_system = "AMAZON_LINUX_2"

  approval_rule {
    approve_after_days = 7

    patch_filter {
      key    = "CLASSIFICATION"
      values = ["Security"]
    }
  }
}
`,
	Remediation: "Approve Security and Critical patches within max_approve_after_days days, with an approval rule that covers the Security classification.",
	Options: []Option{{
		Name:        "max_approve_after_days",
		Description: "Longest accepted approve_after_days for Security or Critical patches, in days after release.",
		Default:     14,
	}},
	Sources: []Source{srcPatchRule, srcPatchBaselines},
}

// SSM403 finds patch groups that no instance in the stack belongs to.
var SSM403 = &Rule{
	ID:        "SSM403",
	Name:      "patch-group-unmatched",
	Severity:  Error,
	Kind:      Reliability,
	Precision: PrecisionMedium,
	Summary:   "A patch group name is carried by no instance or launch template in the stack.",
	Rationale: "Patch Manager finds the members of a patch group by the tag key `Patch Group`, or `PatchGroup`, which is required when instance metadata tags are enabled. " +
		"A patch group that no instance or launch template in the stack carries under either key registers its baseline for nobody, " +
		"and the instances meant for it are patched with the default baseline instead, or not at all. " +
		"The finding suggests the nearest tag value the stack does use. " +
		"The rule runs only when the stack declares instances; patch policies (Quick Setup) do not use patch groups.",
	Language: "hcl",
	Bad: `resource "aws_ssm_patch_group" "production" {
  baseline_id = aws_ssm_patch_baseline.production.id
  patch_group = "production"
}

resource "aws_instance" "app" {
  ami           = var.ami_id
  instance_type = "t3.micro"
  subnet_id     = aws_subnet.private.id

  tags = {
    Name          = "app"
    "Patch Group" = "prod"
  }
}
`,
	Good: `resource "aws_instance" "app" {
  ami           = var.ami_id
  instance_type = "t3.micro"
  subnet_id     = aws_subnet.private.id

  tags = {
    Name          = "app"
    "Patch Group" = "production"
  }
}
`,
	Remediation: "Tag the instances with the patch group name under Patch Group (or PatchGroup), or correct the patch group name.",
	Sources:     []Source{srcPatchGroups},
}

// SSM404 finds maintenance-window targets that select nothing.
var SSM404 = &Rule{
	ID:        "SSM404",
	Name:      "maintenance-window-target-unmatched",
	Severity:  Error,
	Kind:      Reliability,
	Precision: PrecisionMedium,
	Summary:   "A maintenance-window target or task selects no instance in the stack.",
	Rationale: "A maintenance-window target selects instances by `tag:KEY` values or by instance IDs. " +
		"When no instance, launch template or Auto Scaling group in the stack carries a matching tag, the window runs its tasks on nothing and patching silently does not happen. " +
		"`InstanceIds` or `WindowTargetIds` that point at something other than an instance, such as the window's own ID, or at a target of another window, select nothing either. " +
		"The tag check runs only when the stack declares instances.",
	Language: "hcl",
	Bad: `resource "aws_ssm_maintenance_window_target" "app" {
  window_id     = aws_ssm_maintenance_window.weekly.id
  resource_type = "INSTANCE"

  targets {
    key    = "tag:Environment"
    values = ["prod"]
  }
}

resource "aws_instance" "app" {
  ami           = var.ami_id
  instance_type = "t3.micro"
  subnet_id     = aws_subnet.private.id

  tags = {
    Environment = "production"
  }
}
`,
	Good: `resource "aws_ssm_maintenance_window_target" "app" {
  window_id     = aws_ssm_maintenance_window.weekly.id
  resource_type = "INSTANCE"

  targets {
    key    = "tag:Environment"
    values = ["production"]
  }
}
`,
	Remediation: "Make the target's tag values or IDs match the instances that should be patched.",
	Sources:     []Source{srcWindowTarget, srcWindows},
}

// SSM405 finds maintenance windows that can never start a task.
var SSM405 = &Rule{
	ID:        "SSM405",
	Name:      "maintenance-window-cutoff",
	Severity:  Error,
	Kind:      Reliability,
	Precision: PrecisionVeryHigh,
	Summary:   "A maintenance window's cutoff is not smaller than its duration, so no task can start.",
	Rationale: "A maintenance window is open for `duration` hours (1–24) and starts no new task in the last `cutoff` hours (0–23) before it ends. " +
		"With `cutoff` equal to or greater than `duration` there is no time in which a task may start, so the window never runs anything and patching never happens.",
	Language: "hcl",
	Bad: `resource "aws_ssm_maintenance_window" "weekly" {
  name     = "weekly-patching"
  schedule = "cron(0 3 ? * SUN *)"
  duration = 2
  cutoff   = 2
}
`,
	Good: `resource "aws_ssm_maintenance_window" "weekly" {
  name     = "weekly-patching"
  schedule = "cron(0 3 ? * SUN *)"
  duration = 3
  cutoff   = 1
}
`,
	Remediation: "Make cutoff smaller than duration, leaving enough time for the tasks to start.",
	Sources:     []Source{srcCreateWindow},
}

// SSM406 finds maintenance windows whose patching only scans.
var SSM406 = &Rule{
	ID:        "SSM406",
	Name:      "maintenance-window-scan-only",
	Severity:  Info,
	Kind:      Reliability,
	Precision: PrecisionMedium,
	Summary:   "The only AWS-RunPatchBaseline task of the stack runs Operation=Scan, so patches are never installed.",
	Rationale: "`AWS-RunPatchBaseline` with `Operation=Scan` only reports which approved patches are missing; `Operation=Install` installs them. " +
		"When the only patch task in the stack scans, compliance is reported but nothing is ever patched. " +
		"Scan-only windows are sometimes intended, with installation done elsewhere, so this is reported as info.",
	Language: "hcl",
	Bad: `resource "aws_ssm_maintenance_window_task" "patch" {
  window_id       = aws_ssm_maintenance_window.weekly.id
  task_type       = "RUN_COMMAND"
  task_arn        = "AWS-RunPatchBaseline"
  max_concurrency = "10%"
  max_errors      = "1"

  targets {
    key    = "WindowTargetIds"
    values = [aws_ssm_maintenance_window_target.app.id]
  }

  task_invocation_parameters {
    run_command_parameters {
      output_s3_bucket = aws_s3_bucket.command_output.id

      parameter {
        name   = "Operation"
        values = ["Scan"]
      }
    }
  }
}
`,
	Good: `resource "aws_ssm_maintenance_window_task" "patch" {
  window_id       = aws_ssm_maintenance_window.weekly.id
  task_type       = "RUN_COMMAND"
  task_arn        = "AWS-RunPatchBaseline"
  max_concurrency = "10%"
  max_errors      = "1"

  targets {
    key    = "WindowTargetIds"
    values = [aws_ssm_maintenance_window_target.app.id]
  }

  task_invocation_parameters {
    run_command_parameters {
      output_s3_bucket = aws_s3_bucket.command_output.id

      parameter {
        name   = "Operation"
        values = ["Install"]
      }
    }
  }
}
`,
	Remediation: "Run AWS-RunPatchBaseline with Operation=Install in a maintenance window, and keep Scan for reporting.",
	Sources:     []Source{srcRunPatch, srcPatchManager},
}

// SSM407 finds disabled maintenance windows that carry patch tasks.
var SSM407 = &Rule{
	ID:        "SSM407",
	Name:      "maintenance-window-disabled",
	Severity:  Warning,
	Kind:      Reliability,
	Precision: PrecisionHigh,
	Summary:   "A maintenance window that has patch tasks is disabled.",
	Rationale: "A disabled maintenance window never opens, so the patch tasks registered with it never run and nothing is patched. " +
		"Windows are often disabled during an incident and then forgotten; the finding makes that visible in review.",
	Language: "hcl",
	Bad: `resource "aws_ssm_maintenance_window" "weekly" {
  name     = "weekly-patching"
  schedule = "cron(0 3 ? * SUN *)"
  duration = 3
  cutoff   = 1
  enabled  = false
}

resource "aws_ssm_maintenance_window_task" "patch" {
  window_id = aws_ssm_maintenance_window.weekly.id
  task_type = "RUN_COMMAND"
  task_arn  = "AWS-RunPatchBaseline"

  targets {
    key    = "WindowTargetIds"
    values = [aws_ssm_maintenance_window_target.web.id]
  }

  task_invocation_parameters {
    run_command_parameters {
      parameter {
        name   = "Operation"
        values = ["Install"]
      }
    }
  }
}
`,
	Good: `resource "aws_ssm_maintenance_window" "weekly" {
  name     = "weekly-patching"
  schedule = "cron(0 3 ? * SUN *)"
  duration = 3
  cutoff   = 1
  enabled  = true
}
`,
	Remediation: "Set enabled = true on the maintenance window, or remove its patch tasks.",
	Sources:     []Source{srcUpdateWindow, srcWindows},
}

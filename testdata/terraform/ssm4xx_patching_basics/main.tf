resource "aws_ssm_patch_baseline" "bad_no_approval" { # expect: SSM401:1
  name             = "linux-nothing"
  operating_system = "AMAZON_LINUX_2023"
}

resource "aws_ssm_patch_baseline" "ok_rule" {
  name             = "linux-security"
  operating_system = "AMAZON_LINUX_2023"

  approval_rule {
    approve_after_days = 7
    patch_filter {
      key    = "CLASSIFICATION"
      values = ["Security"]
    }
  }
}

resource "aws_ssm_patch_baseline" "ok_explicit_patches" {
  name             = "windows-pinned"
  operating_system = "WINDOWS"
  approved_patches = ["KB5034441"]
}

variable "rules" {
  type = list(object({ days = number }))
}

# Rules from a variable with no value: may be none, may be many: silent.
resource "aws_ssm_patch_baseline" "ok_dynamic" {
  name             = "dynamic"
  operating_system = "UBUNTU"

  dynamic "approval_rule" {
    for_each = var.rules
    content {
      approve_after_days = approval_rule.value.days
      patch_filter {
        key    = "PRIORITY"
        values = ["Required"]
      }
    }
  }
}

resource "aws_ssm_maintenance_window" "bad_cutoff" {
  name     = "nightly"
  schedule = "cron(0 2 ? * * *)"
  duration = 2
  cutoff   = 2 # expect: SSM405:14
}

resource "aws_ssm_maintenance_window" "ok_cutoff" {
  name     = "weekly"
  schedule = "cron(0 3 ? * SUN *)"
  duration = 4
  cutoff   = 1
}

# Disabled, with a patch task: SSM407.
resource "aws_ssm_maintenance_window" "paused" {
  name     = "paused"
  schedule = "cron(0 4 ? * SAT *)"
  duration = 3
  cutoff   = 1
  enabled  = false # expect: SSM407:14
}

resource "aws_ssm_maintenance_window_task" "patch" { # expect: SSM503:1
  window_id       = aws_ssm_maintenance_window.paused.id
  task_type       = "RUN_COMMAND"
  task_arn        = "AWS-RunPatchBaseline"
  max_concurrency = "10%"
  max_errors      = "1"
}

# Disabled, but only an inventory task: silent.
resource "aws_ssm_maintenance_window" "paused_inventory" {
  name     = "paused-inventory"
  schedule = "cron(0 5 ? * SAT *)"
  duration = 2
  cutoff   = 1
  enabled  = false
}

resource "aws_ssm_maintenance_window_task" "inventory" {
  window_id = aws_ssm_maintenance_window.paused_inventory.id
  task_type = "RUN_COMMAND"
  task_arn  = "AWS-GatherSoftwareInventory"
}

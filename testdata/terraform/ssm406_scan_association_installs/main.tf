# The task only scans (legacy task_parameters block), but a State Manager
# association installs: silent.
resource "aws_ssm_maintenance_window" "weekly" {
  name     = "weekly"
  schedule = "cron(0 3 ? * SUN *)"
  duration = 3
  cutoff   = 1
}

resource "aws_ssm_maintenance_window_task" "scan" { # expect: SSM503:1
  window_id       = aws_ssm_maintenance_window.weekly.id
  task_type       = "RUN_COMMAND"
  task_arn        = "AWS-RunPatchBaseline"
  max_concurrency = "10%"
  max_errors      = "1"

  task_parameters {
    name   = "Operation"
    values = ["Scan"]
  }
}

resource "aws_ssm_association" "install" { # expect: SSM503:1
  name                = "AWS-RunPatchBaseline"
  schedule_expression = "cron(0 4 ? * SUN *)"
  parameters = {
    Operation = "Install"
  }
  targets {
    key    = "tag:Patch Group"
    values = ["app"]
  }
}

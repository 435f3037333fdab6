# One window scans, another installs: silent.
resource "aws_ssm_maintenance_window" "weekly" {
  name     = "weekly"
  schedule = "cron(0 3 ? * SUN *)"
  duration = 3
  cutoff   = 1
}

resource "aws_ssm_maintenance_window_task" "scan" {
  window_id       = aws_ssm_maintenance_window.weekly.id
  task_type       = "RUN_COMMAND"
  task_arn        = "AWS-RunPatchBaseline"
  max_concurrency = "10%"
  max_errors      = "1"

  task_invocation_parameters {
    run_command_parameters { # expect: SSM503:5
      parameter {
        name   = "Operation"
        values = ["Scan"]
      }
    }
  }
}

resource "aws_ssm_maintenance_window_task" "install" {
  window_id       = aws_ssm_maintenance_window.weekly.id
  task_type       = "RUN_COMMAND"
  task_arn        = "arn:aws:ssm:eu-west-1::document/AWS-RunPatchBaselineWithHooks"
  max_concurrency = "10%"
  max_errors      = "1"

  task_invocation_parameters {
    run_command_parameters { # expect: SSM503:5
      parameter {
        name   = "Operation"
        values = ["Install"]
      }
    }
  }
}

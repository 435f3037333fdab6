# The operation comes from a variable: ssmlint cannot know it, silent.
variable "patch_operation" {
  type = string
}

resource "aws_ssm_maintenance_window" "weekly" {
  name     = "weekly"
  schedule = "cron(0 3 ? * SUN *)"
  duration = 3
  cutoff   = 1
}

resource "aws_ssm_maintenance_window_task" "patch" {
  window_id       = aws_ssm_maintenance_window.weekly.id
  task_type       = "RUN_COMMAND"
  task_arn        = "AWS-RunPatchBaseline"
  max_concurrency = "10%"
  max_errors      = "1"

  task_invocation_parameters {
    run_command_parameters { # expect: SSM503:5
      parameter {
        name   = "Operation"
        values = [var.patch_operation]
      }
    }
  }
}

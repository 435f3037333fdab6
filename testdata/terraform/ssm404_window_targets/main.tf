resource "aws_iam_instance_profile" "ssm" {
  name = "ssm"
  role = "ssm-managed"
}

resource "aws_instance" "app" { # expect: SSM501
  ami                  = "ami-12345678"
  instance_type        = "t3.micro"
  iam_instance_profile = aws_iam_instance_profile.ssm.name
  tags = {
    Environment = "production"
    Role        = "web"
  }
}

resource "aws_ssm_maintenance_window" "weekly" {
  name     = "weekly"
  schedule = "cron(0 3 ? * SUN *)"
  duration = 3
  cutoff   = 1
}

resource "aws_ssm_maintenance_window" "other" {
  name     = "other"
  schedule = "cron(0 4 ? * SUN *)"
  duration = 3
  cutoff   = 1
}

# Typo of a value the instance carries: fires, suggesting "production".
resource "aws_ssm_maintenance_window_target" "typo" {
  window_id     = aws_ssm_maintenance_window.weekly.id
  resource_type = "INSTANCE"
  targets {
    key    = "tag:Environment"
    values = ["prod"] # expect: SSM404:14
  }
}

resource "aws_ssm_maintenance_window_target" "app" {
  window_id     = aws_ssm_maintenance_window.weekly.id
  resource_type = "INSTANCE"
  targets {
    key    = "tag:Environment"
    values = ["production"]
  }
}

# One of the values matches: silent.
resource "aws_ssm_maintenance_window_target" "roles" {
  window_id     = aws_ssm_maintenance_window.weekly.id
  resource_type = "INSTANCE"
  targets {
    key    = "tag:Role"
    values = ["web", "api"]
  }
}

# Tag keys are case-sensitive: fires.
resource "aws_ssm_maintenance_window_target" "lowercase_key" {
  window_id     = aws_ssm_maintenance_window.weekly.id
  resource_type = "INSTANCE"
  targets {
    key    = "tag:environment"
    values = ["production"] # expect: SSM404:14
  }
}

# The window's own ID is not an instance ID: fires.
resource "aws_ssm_maintenance_window_target" "self" {
  window_id     = aws_ssm_maintenance_window.weekly.id
  resource_type = "INSTANCE"
  targets {
    key    = "InstanceIds"
    values = [aws_ssm_maintenance_window.weekly.id] # expect: SSM404:14
  }
}

resource "aws_ssm_maintenance_window_target" "by_id" {
  window_id     = aws_ssm_maintenance_window.weekly.id
  resource_type = "INSTANCE"
  targets {
    key    = "InstanceIds"
    values = [aws_instance.app.id]
  }
}

resource "aws_ssm_maintenance_window_target" "other_app" {
  window_id     = aws_ssm_maintenance_window.other.id
  resource_type = "INSTANCE"
  targets {
    key    = "tag:Role"
    values = ["web"]
  }
}

resource "aws_ssm_maintenance_window_task" "own_target" {
  window_id = aws_ssm_maintenance_window.weekly.id
  task_type = "RUN_COMMAND"
  task_arn  = "AWS-RunPatchBaseline"
  targets {
    key    = "WindowTargetIds"
    values = [aws_ssm_maintenance_window_target.app.id]
  }
  task_invocation_parameters {
    run_command_parameters {
      output_s3_bucket = "example-command-output"
      parameter {
        name   = "Operation"
        values = ["Install"]
      }
    }
  }
}

# A target registered with another window: fires.
resource "aws_ssm_maintenance_window_task" "foreign_target" {
  window_id = aws_ssm_maintenance_window.weekly.id
  task_type = "RUN_COMMAND"
  task_arn  = "AWS-RunPatchBaseline"
  targets {
    key    = "WindowTargetIds"
    values = [aws_ssm_maintenance_window_target.other_app.id] # expect: SSM404:14
  }
  task_invocation_parameters {
    run_command_parameters {
      output_s3_bucket = "example-command-output"
      parameter {
        name   = "Operation"
        values = ["Install"]
      }
    }
  }
}

# The window itself given as a target: fires.
resource "aws_ssm_maintenance_window_task" "window_as_target" {
  window_id = aws_ssm_maintenance_window.weekly.id
  task_type = "RUN_COMMAND"
  task_arn  = "AWS-RunPatchBaseline"
  targets {
    key    = "WindowTargetIds"
    values = [aws_ssm_maintenance_window.weekly.id] # expect: SSM404:14
  }
  task_invocation_parameters {
    run_command_parameters {
      output_s3_bucket = "example-command-output"
      parameter {
        name   = "Operation"
        values = ["Install"]
      }
    }
  }
}

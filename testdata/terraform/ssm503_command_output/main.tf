resource "aws_s3_bucket" "command_output" {
  bucket = "example-command-output"
}

resource "aws_ssm_maintenance_window" "nightly" {
  name     = "nightly"
  schedule = "cron(0 2 ? * * *)"
  duration = 3
  cutoff   = 1
}

# Associations.

resource "aws_ssm_association" "disk_report" { # expect: SSM503:1
  name                = "AWS-RunShellScript"
  schedule_expression = "rate(1 day)"
  parameters = {
    commands = "df -h"
  }
  targets {
    key    = "tag:Environment"
    values = ["production"]
  }
}

resource "aws_ssm_association" "disk_report_saved" {
  name                = "AWS-RunShellScript"
  schedule_expression = "rate(1 day)"
  parameters = {
    commands = "df -h"
  }
  targets {
    key    = "tag:Environment"
    values = ["production"]
  }
  output_location {
    s3_bucket_name = aws_s3_bucket.command_output.id
    s3_key_prefix  = "associations/disk-report/"
  }
}

# A Policy document: no Run Command output to keep.
resource "aws_ssm_association" "inventory" {
  name = "AWS-GatherSoftwareInventory"
  targets {
    key    = "InstanceIds"
    values = ["*"]
  }
}

resource "aws_ssm_document" "rotate_logs" {
  name          = "rotate-logs"
  document_type = "Command"
  content = jsonencode({
    schemaVersion = "2.2"
    mainSteps = [{
      action = "aws:runShellScript"
      name   = "rotate"
      inputs = { runCommand = ["logrotate -f /etc/logrotate.conf"] }
    }]
  })
}

# The stack's own Command document, by reference.
resource "aws_ssm_association" "rotate_logs" { # expect: SSM503:1
  name = aws_ssm_document.rotate_logs.name
  targets {
    key    = "tag:Role"
    values = ["web"]
  }
}

resource "aws_ssm_document" "restart_runbook" {
  name          = "restart-runbook"
  document_type = "Automation"
  content = jsonencode({
    schemaVersion = "0.3"
    mainSteps = [{
      action = "aws:sleep"
      name   = "wait"
      inputs = { Duration = "PT1M" }
    }]
  })
}

# An Automation document: silent.
resource "aws_ssm_association" "restart" {
  name = aws_ssm_document.restart_runbook.name
}

# Maintenance-window tasks.

resource "aws_ssm_maintenance_window_task" "no_parameters" { # expect: SSM503:1
  window_id = aws_ssm_maintenance_window.nightly.id
  task_type = "RUN_COMMAND"
  task_arn  = "AWS-RunShellScript"
}

resource "aws_ssm_maintenance_window_task" "saved_to_s3" {
  window_id = aws_ssm_maintenance_window.nightly.id
  task_type = "RUN_COMMAND"
  task_arn  = "AWS-RunShellScript"
  task_invocation_parameters {
    run_command_parameters {
      output_s3_bucket = aws_s3_bucket.command_output.id
      parameter {
        name   = "commands"
        values = ["uptime"]
      }
    }
  }
}

resource "aws_ssm_maintenance_window_task" "saved_to_cloudwatch" {
  window_id = aws_ssm_maintenance_window.nightly.id
  task_type = "RUN_COMMAND"
  task_arn  = "AWS-RunShellScript"
  task_invocation_parameters {
    run_command_parameters {
      cloudwatch_config {
        cloudwatch_output_enabled = true
      }
    }
  }
}

resource "aws_ssm_maintenance_window_task" "not_saved" {
  window_id = aws_ssm_maintenance_window.nightly.id
  task_type = "RUN_COMMAND"
  task_arn  = "arn:aws:ssm:eu-west-1::document/AWS-RunShellScript"
  task_invocation_parameters {
    run_command_parameters { # expect: SSM503:5
      comment = "no output kept"
    }
  }
}

# An Automation task: silent.
resource "aws_ssm_maintenance_window_task" "automation" {
  window_id = aws_ssm_maintenance_window.nightly.id
  task_type = "AUTOMATION"
  task_arn  = aws_ssm_document.restart_runbook.name
}

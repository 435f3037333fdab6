# Weekly patching of two web servers with Patch Manager. Two typos make
# it patch nothing, and ssmlint says which tag values were meant:
#   - the patch group is "web-prd", the servers carry "web-prod" (SSM403);
#   - the window target selects Environment = "prodution" (SSM404).

provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = {
      Environment = "production"
    }
  }
}

data "aws_iam_policy_document" "ec2_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "web" {
  name               = "web"
  assume_role_policy = data.aws_iam_policy_document.ec2_assume.json
}

resource "aws_iam_role_policy_attachment" "web_ssm" {
  role       = aws_iam_role.web.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_instance_profile" "web" {
  name = "web"
  role = aws_iam_role.web.name
}

resource "aws_instance" "web" {
  for_each             = toset(["a", "b"])
  ami                  = "ami-0123456789abcdef0"
  instance_type        = "t3.small"
  iam_instance_profile = aws_iam_instance_profile.web.name
  tags = {
    Name          = "web-${each.key}"
    "Patch Group" = "web-prod"
  }
}

resource "aws_ssm_patch_baseline" "web" {
  name             = "web"
  operating_system = "AMAZON_LINUX_2023"

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

resource "aws_ssm_patch_group" "web" {
  baseline_id = aws_ssm_patch_baseline.web.id
  patch_group = "web-prd"
}

resource "aws_ssm_maintenance_window" "weekly" {
  name     = "weekly-patching"
  schedule = "cron(0 3 ? * SUN *)"
  duration = 3
  cutoff   = 1
}

resource "aws_ssm_maintenance_window_target" "web" {
  window_id     = aws_ssm_maintenance_window.weekly.id
  resource_type = "INSTANCE"
  targets {
    key    = "tag:Environment"
    values = ["prodution"]
  }
}

resource "aws_s3_bucket" "command_output" {
  bucket = "example-patching-output"
}

resource "aws_ssm_maintenance_window_task" "install" {
  window_id       = aws_ssm_maintenance_window.weekly.id
  task_type       = "RUN_COMMAND"
  task_arn        = "AWS-RunPatchBaseline"
  max_concurrency = "50%"
  max_errors      = "1"

  targets {
    key    = "WindowTargetIds"
    values = [aws_ssm_maintenance_window_target.web.id]
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

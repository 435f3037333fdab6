# One machine's tags come from a variable: nothing can be said about tag
# targets (silent), even the one that only the ASG could carry.
variable "extra_tags" {
  type = map(string)
}

resource "aws_launch_template" "batch" {
  image_id      = "ami-12345678"
  instance_type = "t3.micro"
  iam_instance_profile {
    name = "ssm"
  }
}

resource "aws_autoscaling_group" "batch" { # expect: SSM501
  min_size = 1
  max_size = 2
  launch_template {
    id = aws_launch_template.batch.id
  }
  tag {
    key                 = "Role"
    value               = "batch"
    propagate_at_launch = true
  }
}

resource "aws_instance" "tools" {
  ami                  = "ami-12345678"
  instance_type        = "t3.micro"
  iam_instance_profile = "ssm"
  tags                 = var.extra_tags
}

resource "aws_ssm_maintenance_window" "weekly" {
  name     = "weekly"
  schedule = "cron(0 3 ? * SUN *)"
  duration = 3
  cutoff   = 1
}

resource "aws_ssm_maintenance_window_target" "batch" {
  window_id     = aws_ssm_maintenance_window.weekly.id
  resource_type = "INSTANCE"
  targets {
    key    = "tag:Role"
    values = ["batch"]
  }
}

resource "aws_ssm_maintenance_window_target" "unknown" {
  window_id     = aws_ssm_maintenance_window.weekly.id
  resource_type = "INSTANCE"
  targets {
    key    = "tag:Team"
    values = ["platform"]
  }
}

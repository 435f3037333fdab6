# No instance in the stack: the tag is carried by instances elsewhere.
resource "aws_ssm_maintenance_window" "weekly" {
  name     = "weekly"
  schedule = "cron(0 3 ? * SUN *)"
  duration = 3
  cutoff   = 1
}

resource "aws_ssm_maintenance_window_target" "app" {
  window_id     = aws_ssm_maintenance_window.weekly.id
  resource_type = "INSTANCE"
  targets {
    key    = "tag:Environment"
    values = ["prod"]
  }
}

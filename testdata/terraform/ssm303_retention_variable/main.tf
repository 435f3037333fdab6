# Retention comes from a variable the caller sets: ssmlint cannot know the
# value, so it stays silent (even though null is a possible input).
variable "log_retention_days" {
  type = number
}

resource "aws_ssm_document" "session_prefs" {
  name            = "SSM-SessionManagerRunShell"
  document_type   = "Session"
  document_format = "JSON"
  content = jsonencode({
    schemaVersion = "1.0"
    sessionType   = "Standard_Stream"
    inputs = {
      kmsKeyId               = "alias/session-data"
      cloudWatchLogGroupName = aws_cloudwatch_log_group.sessions.name
    }
  })
}

resource "aws_cloudwatch_log_group" "sessions" {
  name              = "/ssm/sessions"
  retention_in_days = var.log_retention_days
}

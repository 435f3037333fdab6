# retention_in_days = 0 means "never expire", same as leaving it out.
# The log group name is built from a local in both places.
locals {
  env = "prod"
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
      cloudWatchLogGroupName = "/ssm/${local.env}/sessions"
    }
  })
}

resource "aws_cloudwatch_log_group" "sessions" {
  name              = "/ssm/${local.env}/sessions"
  retention_in_days = 0 # expect: SSM303:23
}

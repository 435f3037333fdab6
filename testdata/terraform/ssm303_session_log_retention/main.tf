resource "aws_ssm_document" "session_prefs" {
  name            = "SSM-SessionManagerRunShell"
  document_type   = "Session"
  document_format = "JSON"
  content = jsonencode({
    schemaVersion = "1.0"
    sessionType   = "Standard_Stream"
    inputs = {
      kmsKeyId                    = "alias/session-data"
      cloudWatchLogGroupName      = aws_cloudwatch_log_group.sessions.name
      cloudWatchEncryptionEnabled = true
    }
  })
}

resource "aws_cloudwatch_log_group" "sessions" { # expect: SSM303:1
  name = "/ssm/sessions"
}

# Another group that receives nothing from Session Manager: silent.
resource "aws_cloudwatch_log_group" "app" {
  name = "/app/api"
}

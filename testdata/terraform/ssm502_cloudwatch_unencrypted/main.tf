# Encryption of the CloudWatch session logs is turned off. kmsKeyId comes
# from a key created in the same apply: set, though not known yet.
resource "aws_kms_key" "sessions" {
  description = "Session Manager data"
}

resource "aws_cloudwatch_log_group" "sessions" {
  name              = "/ssm/sessions"
  retention_in_days = 90
}

resource "aws_ssm_document" "session_prefs" {
  name            = "SSM-SessionManagerRunShell"
  document_type   = "Session"
  document_format = "JSON"
  content = jsonencode({
    schemaVersion = "1.0"
    sessionType   = "Standard_Stream"
    inputs = {
      cloudWatchLogGroupName      = aws_cloudwatch_log_group.sessions.name
      cloudWatchEncryptionEnabled = false # expect: SSM502:37
      kmsKeyId                    = aws_kms_key.sessions.arn
    }
  })
}

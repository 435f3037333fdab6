# kmsKeyId comes from a variable with no value: set, value unknown: silent.
variable "session_kms_key_id" {
  type = string
}

resource "aws_ssm_document" "session_prefs" {
  name            = "SSM-SessionManagerRunShell"
  document_type   = "Session"
  document_format = "JSON"
  content = jsonencode({
    schemaVersion = "1.0"
    sessionType   = "Standard_Stream"
    inputs = {
      cloudWatchLogGroupName      = "/ssm/sessions"
      cloudWatchEncryptionEnabled = true
      kmsKeyId                    = var.session_kms_key_id
    }
  })
}

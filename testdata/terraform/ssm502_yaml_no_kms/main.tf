# Preferences in YAML, read with file(): logs are encrypted, but no
# kmsKeyId is set for the session data. The finding points at the content.
resource "aws_ssm_document" "session_prefs" {
  name            = "SSM-SessionManagerRunShell"
  document_type   = "Session"
  document_format = "YAML"
  content         = file("${path.module}/session-prefs.yaml") # expect: SSM502:21
}

# Content that is not valid JSON cannot be read: no SSM502 finding.
resource "aws_ssm_document" "session_prefs" {
  name            = "SSM-SessionManagerRunShell"
  document_type   = "Session"
  document_format = "JSON"
  content         = <<-JSON
    {
      "schemaVersion": "1.0",
      "inputs": { "cloudWatchEncryptionEnabled": false,
  JSON
}

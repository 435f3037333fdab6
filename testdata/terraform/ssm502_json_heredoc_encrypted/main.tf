# JSON heredoc with everything encrypted: silent.
resource "aws_ssm_document" "session_prefs" {
  name            = "SSM-SessionManagerRunShell"
  document_type   = "Session"
  document_format = "JSON"
  content         = <<-JSON
    {
      "schemaVersion": "1.0",
      "sessionType": "Standard_Stream",
      "inputs": {
        "cloudWatchLogGroupName": "/ssm/sessions",
        "cloudWatchEncryptionEnabled": true,
        "s3BucketName": "session-logs",
        "s3EncryptionEnabled": true,
        "kmsKeyId": "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
      }
    }
  JSON
}

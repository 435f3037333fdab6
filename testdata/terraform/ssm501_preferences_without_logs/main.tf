# The preferences document exists but names neither a log group nor a
# bucket (s3BucketName is empty): the document is reported, at its
# inputs, and the managed instance is not (the document covers it).
resource "aws_kms_key" "sessions" {
  description = "Session Manager data"
}

resource "aws_ssm_document" "session_prefs" {
  name            = "SSM-SessionManagerRunShell"
  document_type   = "Session"
  document_format = "JSON"
  content = jsonencode({
    schemaVersion = "1.0"
    sessionType   = "Standard_Stream"
    inputs = { # expect: SSM501:14
      s3BucketName = ""
      kmsKeyId     = aws_kms_key.sessions.arn
      runAsEnabled = false
    }
  })
}

resource "aws_iam_role" "app" {
  name               = "app"
  assume_role_policy = "{}"
}

resource "aws_iam_role_policy_attachment" "app_ssm_core" {
  role       = aws_iam_role.app.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_instance_profile" "app" {
  name = "app"
  role = aws_iam_role.app.name
}

resource "aws_instance" "app" {
  ami                  = "ami-0123456789abcdef0"
  instance_type        = "t3.micro"
  iam_instance_profile = aws_iam_instance_profile.app.name
}

# The same mistake in a JSON heredoc: the finding points at the content.
locals {
  prefs_json = <<-JSON
    {
      "schemaVersion": "1.0",
      "sessionType": "Standard_Stream",
      "inputs": {
        "kmsKeyId": "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
      }
    }
  JSON
}

resource "aws_ssm_document" "session_prefs_heredoc" {
  name            = "SSM-SessionManagerRunShell-eu"
  document_type   = "Session"
  document_format = "JSON"
  content         = local.prefs_json # expect: SSM501:21
}

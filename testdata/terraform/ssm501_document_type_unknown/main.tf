# The document's type comes from a variable with no value: it may be the
# Session Manager preferences, so the rule cannot know and stays silent.
variable "document_type" {
  type = string
}

variable "document_content" {
  type = string
}

resource "aws_ssm_document" "prefs" {
  name          = "SSM-SessionManagerRunShell"
  document_type = var.document_type
  content       = var.document_content
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

# Parameter access granted through the other policy forms: a data
# document, a heredoc, a policy file and a customer policy attached by
# reference.
resource "aws_kms_key" "app" {
  description = "App parameters"
}

resource "aws_ssm_parameter" "api_key" {
  name   = "/app/api/key"
  type   = "SecureString"
  key_id = aws_kms_key.app.arn
  value  = var.api_key
}

variable "api_key" {
  type      = string
  sensitive = true
}

# Data document: read on /app/*, no kms:Decrypt.
data "aws_iam_policy_document" "reader" {
  statement {
    actions   = ["ssm:GetParameter"] # expect: SSM205:18
    resources = ["arn:aws:ssm:*:*:parameter/app/*"]
  }
}

resource "aws_iam_role" "reader" {
  name               = "reader"
  assume_role_policy = "{}"
}

resource "aws_iam_role_policy" "reader" {
  role   = aws_iam_role.reader.id
  policy = data.aws_iam_policy_document.reader.json
}

# Heredoc: read and decrypt (on every key): silent.
resource "aws_iam_role" "heredoc" {
  name               = "heredoc"
  assume_role_policy = "{}"
}

resource "aws_iam_role_policy" "heredoc" {
  role   = aws_iam_role.heredoc.id
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Effect": "Allow", "Action": ["ssm:GetParameter"], "Resource": "arn:aws:ssm:*:*:parameter/app/*"},
        {"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*"}
      ]
    }
  EOT
}

# Policy file attached as a customer policy by reference: reads without
# decrypt.
resource "aws_iam_policy" "from_file" {
  name   = "app-read"
  policy = file("${path.module}/policies/app-read.json") # expect: SSM205:12
}

resource "aws_iam_role" "from_file" {
  name               = "from-file"
  assume_role_policy = "{}"
}

resource "aws_iam_role_policy_attachment" "from_file" {
  role       = aws_iam_role.from_file.name
  policy_arn = aws_iam_policy.from_file.arn
}

# An ECS task whose execution role reads through a data document: the
# document covers /app/* only.
data "aws_iam_policy_document" "exec" {
  statement {
    actions   = ["ssm:GetParameters"]
    resources = ["arn:aws:ssm:*:*:parameter/app/*"]
  }
  statement {
    actions   = ["kms:Decrypt"]
    resources = [aws_kms_key.app.arn]
  }
}

resource "aws_iam_role" "exec" {
  name               = "exec"
  assume_role_policy = "{}"
}

resource "aws_iam_role_policy" "exec" {
  role   = aws_iam_role.exec.id
  policy = data.aws_iam_policy_document.exec.json
}

resource "aws_ecs_task_definition" "app" {
  family             = "app"
  execution_role_arn = aws_iam_role.exec.arn
  container_definitions = jsonencode([{
    name  = "app"
    image = "app:1"
    secrets = [
      { name = "API_KEY", valueFrom = aws_ssm_parameter.api_key.arn },
      { name = "OTHER", valueFrom = "/other/service/token" }, # expect: SSM206:37
    ]
  }])
}

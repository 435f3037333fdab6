# The jsonencode preferences of ../jsonencode (kmsKeyId and
# cloudWatchLogGroupName computed from the key and the log group), but the
# VPC also has logs and kms Interface endpoints and the log group keeps
# its logs 30 days: silent.
variable "env" {
  type = string
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "private" {
  vpc_id     = aws_vpc.main.id
  cidr_block = "10.0.1.0/24"
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.main.id
}

resource "aws_route_table_association" "private" {
  subnet_id      = aws_subnet.private.id
  route_table_id = aws_route_table.private.id
}

resource "aws_vpc_endpoint" "ssm" {
  for_each            = toset(["ssm", "ssmmessages", "ec2messages", "logs", "kms"])
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.${each.key}"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = [aws_subnet.private.id]
  private_dns_enabled = true
}

resource "aws_kms_key" "s" {
  description = "Session Manager session data"
}

resource "aws_cloudwatch_log_group" "g" {
  name              = "/ssm/${var.env}/sessions"
  retention_in_days = 30
}

resource "aws_ssm_document" "session_prefs" {
  name            = "SSM-SessionManagerRunShell"
  document_type   = "Session"
  document_format = "JSON"
  content = jsonencode({
    schemaVersion = "1.0"
    description   = "Session preferences"
    sessionType   = "Standard_Stream"
    inputs = {
      kmsKeyId                    = aws_kms_key.s.arn
      cloudWatchLogGroupName      = aws_cloudwatch_log_group.g.name
      cloudWatchEncryptionEnabled = true
    }
  })
}

resource "aws_instance" "app" {
  ami                  = "ami-12345678"
  instance_type        = "t3.micro"
  subnet_id            = aws_subnet.private.id
  iam_instance_profile = "app-profile"
}

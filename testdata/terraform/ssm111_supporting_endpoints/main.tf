# Session Manager itself can connect (ssm, ssmmessages and ec2messages
# endpoints), but the session preferences send logs to CloudWatch and S3,
# and this private subnet reaches neither.
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
  for_each            = toset(["ssm", "ssmmessages", "ec2messages"])
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.eu-west-1.${each.key}"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
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
      kmsKeyId                    = "alias/session-data"
      cloudWatchLogGroupName      = "/ssm/sessions"
      cloudWatchEncryptionEnabled = true
      s3BucketName                = "session-logs"
      s3EncryptionEnabled         = true
    }
  })
}

resource "aws_instance" "app" {
  ami                  = "ami-12345678"
  instance_type        = "t3.micro"
  subnet_id            = aws_subnet.private.id # expect: SSM111:26, SSM111:26, SSM111:26
  iam_instance_profile = "app-profile"
}

# A SecureString encrypted with a customer-managed key: reading it from an
# isolated subnet needs the kms endpoint too.
resource "aws_kms_key" "params" {
  description = "Parameter Store key"
}

resource "aws_ssm_parameter" "db_password" {
  name   = "/app/db/password"
  type   = "SecureString"
  key_id = aws_kms_key.params.arn
  value  = var.db_password
}

variable "db_password" {
  type      = string
  sensitive = true
}

# The same in a second VPC that has the logs and kms endpoints and an S3
# gateway on its route table: silent.
resource "aws_vpc" "fixed" {
  cidr_block = "10.1.0.0/16"
}

resource "aws_subnet" "fixed" {
  vpc_id     = aws_vpc.fixed.id
  cidr_block = "10.1.1.0/24"
}

resource "aws_route_table" "fixed" {
  vpc_id = aws_vpc.fixed.id
}

resource "aws_route_table_association" "fixed" {
  subnet_id      = aws_subnet.fixed.id
  route_table_id = aws_route_table.fixed.id
}

resource "aws_vpc_endpoint" "fixed" {
  for_each            = toset(["ssm", "ssmmessages", "ec2messages", "logs", "kms"])
  vpc_id              = aws_vpc.fixed.id
  service_name        = "com.amazonaws.eu-west-1.${each.key}"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
}

resource "aws_vpc_endpoint" "fixed_s3" {
  vpc_id          = aws_vpc.fixed.id
  service_name    = "com.amazonaws.eu-west-1.s3"
  route_table_ids = [aws_route_table.fixed.id]
}

resource "aws_instance" "fixed" {
  ami                  = "ami-12345678"
  instance_type        = "t3.micro"
  subnet_id            = aws_subnet.fixed.id
  iam_instance_profile = "app-profile"
}

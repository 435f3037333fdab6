# Session preferences in a JSON heredoc whose kmsKeyId is written inside
# a %{ if } directive over a variable with no value: whether the key (and
# the comma before it) is there depends on an input, so the document's
# shape is unknown. Nothing is claimed about it: silent, though the
# subnet has no logs or kms endpoint and the log group no retention.
variable "env" {
  type = string
}

variable "encrypt" {
  type = bool
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
  for_each            = toset(["ssm", "ssmmessages", "ec2messages"])
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
  name = "/ssm/${var.env}/sessions"
}

resource "aws_ssm_document" "session_prefs" {
  name            = "SSM-SessionManagerRunShell"
  document_type   = "Session"
  document_format = "JSON"
  content         = <<-JSON
    {
      "schemaVersion": "1.0",
      "description": "Session preferences",
      "sessionType": "Standard_Stream",
      "inputs": {
        %{ if var.encrypt }"kmsKeyId": "${aws_kms_key.s.arn}",%{ endif }
        "cloudWatchLogGroupName": "${aws_cloudwatch_log_group.g.name}",
        "cloudWatchEncryptionEnabled": true
      }
    }
  JSON
}

resource "aws_instance" "app" {
  ami                  = "ami-12345678"
  instance_type        = "t3.micro"
  subnet_id            = aws_subnet.private.id
  iam_instance_profile = "app-profile"
}

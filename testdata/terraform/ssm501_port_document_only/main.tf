# A Session document for port forwarding is not the preferences
# (sessionType Port; Session Manager does not log port sessions): the
# managed instance still has no session logging. SSM502 does not read the
# Port document either.
resource "aws_ssm_document" "port_forward" {
  name            = "Team-PortForward"
  document_type   = "Session"
  document_format = "JSON"
  content = jsonencode({
    schemaVersion = "1.0"
    sessionType   = "Port"
    parameters = {
      portNumber = { type = "String", default = "5432" }
    }
    properties = { portNumber = "{{ portNumber }}" }
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

resource "aws_instance" "db_bastion" { # expect: SSM501
  ami                  = "ami-0123456789abcdef0"
  instance_type        = "t3.micro"
  iam_instance_profile = aws_iam_instance_profile.app.name
}

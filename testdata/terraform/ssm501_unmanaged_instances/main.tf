# Instances that nothing makes SSM-managed (no role with SSM permissions,
# no association, window target or patch group, no SSM endpoint): no
# Session Manager, so no preferences are needed.
resource "aws_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}

resource "aws_instance" "batch" {
  count         = 2
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}

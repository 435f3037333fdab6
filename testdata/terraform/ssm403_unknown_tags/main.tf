# The instance's tags come from a variable: they might carry the patch
# group, so SSM403 stays silent.
variable "tags" {
  type = map(string)
}

resource "aws_ssm_patch_baseline" "linux" {
  name             = "linux"
  operating_system = "AMAZON_LINUX_2023"
  approved_patches = ["kernel"]
}

resource "aws_instance" "app" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
  tags          = merge(var.tags, { Name = "app" })
}

resource "aws_ssm_patch_group" "prod" {
  baseline_id = aws_ssm_patch_baseline.linux.id
  patch_group = "production"
}

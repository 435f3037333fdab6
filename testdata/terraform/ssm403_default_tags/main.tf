# The Patch Group tag comes from the provider's default_tags.
provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = {
      "Patch Group" = "linux-prod"
    }
  }
}

resource "aws_ssm_patch_baseline" "linux" {
  name             = "linux"
  operating_system = "AMAZON_LINUX_2023"
  approved_patches = ["kernel"]
}

resource "aws_instance" "app" { # expect: SSM106, SSM501
  ami           = "ami-12345678"
  instance_type = "t3.micro"
}

resource "aws_ssm_patch_group" "linux" {
  baseline_id = aws_ssm_patch_baseline.linux.id
  patch_group = "linux-prod"
}

resource "aws_ssm_patch_group" "typo" {
  baseline_id = aws_ssm_patch_baseline.linux.id
  patch_group = "linux-prdo" # expect: SSM403:17
}

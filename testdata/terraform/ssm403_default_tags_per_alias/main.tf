# default_tags apply per provider configuration: an instance gets those of
# the provider it names (provider = aws.east), or of the default one.
# default_tags are evaluated (var.owner_group), not only read as literals.
variable "owner_group" {
  type    = string
  default = "web-prod"
}

provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = {
      "Patch Group" = var.owner_group
    }
  }
}

provider "aws" {
  alias  = "east"
  region = "us-east-1"
  default_tags {
    tags = {
      "Patch Group" = "web-east"
    }
  }
}

# No instance uses this configuration: its default tags tag nothing.
provider "aws" {
  alias  = "west"
  region = "us-west-2"
  default_tags {
    tags = {
      "Patch Group" = "web-west"
    }
  }
}

resource "aws_ssm_patch_baseline" "linux" {
  name             = "linux"
  operating_system = "AMAZON_LINUX_2023"
  approved_patches = ["kernel"]
}

resource "aws_instance" "web" { # expect: SSM106, SSM501
  ami           = "ami-12345678"
  instance_type = "t3.micro"
}

resource "aws_instance" "web_east" { # expect: SSM106
  provider      = aws.east
  ami           = "ami-12345678"
  instance_type = "t3.micro"
}

# Carried by aws_instance.web through the default provider's tags.
resource "aws_ssm_patch_group" "prod" {
  baseline_id = aws_ssm_patch_baseline.linux.id
  patch_group = "web-prod"
}

# Carried by aws_instance.web_east through aws.east's tags.
resource "aws_ssm_patch_group" "east" {
  baseline_id = aws_ssm_patch_baseline.linux.id
  patch_group = "web-east"
}

# Only aws.west tags with it, and no instance uses aws.west.
resource "aws_ssm_patch_group" "west" {
  baseline_id = aws_ssm_patch_baseline.linux.id
  patch_group = "web-west" # expect: SSM403:17
}

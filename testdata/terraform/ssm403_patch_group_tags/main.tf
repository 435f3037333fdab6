resource "aws_ssm_patch_baseline" "linux" {
  name             = "linux"
  operating_system = "AMAZON_LINUX_2023"
  approved_patches = ["kernel"]
}

resource "aws_instance" "app" { # expect: SSM106:1, SSM501
  ami           = "ami-12345678"
  instance_type = "t3.micro"
  tags = {
    Name          = "app"
    "Patch Group" = "prod"
  }
}

resource "aws_instance" "web" { # expect: SSM106:1
  ami           = "ami-12345678"
  instance_type = "t3.micro"
  tags = {
    Name       = "web"
    PatchGroup = "web"
  }
}

resource "aws_instance" "db" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
  tags = {
    Name        = "db"
    patch_group = "db"
  }
}

# Typo of the value an instance carries: fires, suggesting "prod".
resource "aws_ssm_patch_group" "production" {
  baseline_id = aws_ssm_patch_baseline.linux.id
  patch_group = "production" # expect: SSM403:17
}

# Carried under PatchGroup: silent.
resource "aws_ssm_patch_group" "web" {
  baseline_id = aws_ssm_patch_baseline.linux.id
  patch_group = "web"
}

# Carried, but under a key Patch Manager does not read: fires.
resource "aws_ssm_patch_group" "db" {
  baseline_id = aws_ssm_patch_baseline.linux.id
  patch_group = "db" # expect: SSM403:17
}

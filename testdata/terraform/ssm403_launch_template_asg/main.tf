# Tags reach instances from a launch template's tag_specifications for
# instances, and from autoscaling group tags propagated at launch.
resource "aws_ssm_patch_baseline" "linux" {
  name             = "linux"
  operating_system = "AMAZON_LINUX_2023"
  approved_patches = ["kernel"]
}

resource "aws_launch_template" "web" { # expect: SSM106:1
  image_id      = "ami-12345678"
  instance_type = "t3.micro"

  tag_specifications {
    resource_type = "instance"
    tags = {
      PatchGroup = "web"
    }
  }

  # Volume tags do not tag the instance.
  tag_specifications {
    resource_type = "volume"
    tags = {
      "Patch Group" = "volumes"
    }
  }
}

resource "aws_autoscaling_group" "web" { # expect: SSM501
  min_size = 1
  max_size = 3
  launch_template {
    id      = aws_launch_template.web.id
    version = "$Latest"
  }

  tag {
    key                 = "Patch Group"
    value               = "batch"
    propagate_at_launch = true
  }

  tag {
    key                 = "Patch Group"
    value               = "api"
    propagate_at_launch = false
  }
}

resource "aws_ssm_patch_group" "web" {
  baseline_id = aws_ssm_patch_baseline.linux.id
  patch_group = "web"
}

resource "aws_ssm_patch_group" "batch" {
  baseline_id = aws_ssm_patch_baseline.linux.id
  patch_group = "batch"
}

# Only on the group itself, not propagated: fires.
resource "aws_ssm_patch_group" "api" {
  baseline_id = aws_ssm_patch_baseline.linux.id
  patch_group = "api" # expect: SSM403:17
}

# Only on volumes: fires.
resource "aws_ssm_patch_group" "volumes" {
  baseline_id = aws_ssm_patch_baseline.linux.id
  patch_group = "volumes" # expect: SSM403:17
}

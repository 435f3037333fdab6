# An autoscaling group's tags in the list-of-maps form: only entries with
# propagate_at_launch = true reach the instances.
resource "aws_ssm_patch_baseline" "linux" {
  name             = "linux"
  operating_system = "AMAZON_LINUX_2023"
  approved_patches = ["kernel"]
}

resource "aws_launch_template" "worker" { # expect: SSM106
  image_id      = "ami-12345678"
  instance_type = "t3.micro"
}

resource "aws_autoscaling_group" "worker" { # expect: SSM501
  min_size = 1
  max_size = 3
  launch_template {
    id      = aws_launch_template.worker.id
    version = "$Latest"
  }

  tags = [
    {
      key                 = "Patch Group"
      value               = "workers"
      propagate_at_launch = true
    },
    {
      key                 = "PatchGroup"
      value               = "workers-canary"
      propagate_at_launch = "false"
    },
  ]
}

resource "aws_ssm_patch_group" "workers" {
  baseline_id = aws_ssm_patch_baseline.linux.id
  patch_group = "workers"
}

# On the group only, not propagated to its instances.
resource "aws_ssm_patch_group" "canary" {
  baseline_id = aws_ssm_patch_baseline.linux.id
  patch_group = "workers-canary" # expect: SSM403:17
}

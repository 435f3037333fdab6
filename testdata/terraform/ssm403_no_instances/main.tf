# The stack declares no instance: the patch group's members live in
# other stacks, so SSM403 stays silent.
resource "aws_ssm_patch_baseline" "linux" {
  name             = "linux"
  operating_system = "AMAZON_LINUX_2023"
  approved_patches = ["kernel"]
}

resource "aws_ssm_patch_group" "prod" {
  baseline_id = aws_ssm_patch_baseline.linux.id
  patch_group = "production"
}

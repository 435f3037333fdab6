variable "security_delay_days" {
  type = number
}

resource "aws_ssm_patch_baseline" "slow" {
  name             = "slow"
  operating_system = "AMAZON_LINUX_2023"
  approval_rule {
    approve_after_days = 30 # expect: SSM402:26
    patch_filter {
      key    = "CLASSIFICATION"
      values = ["Security"]
    }
  }
}

# The fastest rule that covers Security counts: 7 days, silent.
resource "aws_ssm_patch_baseline" "fast_and_slow" {
  name             = "fast-and-slow"
  operating_system = "AMAZON_LINUX_2023"
  approval_rule {
    approve_after_days = 7
    patch_filter {
      key    = "CLASSIFICATION"
      values = ["Security"]
    }
  }
  approval_rule {
    approve_after_days = 60
    patch_filter {
      key    = "SEVERITY"
      values = ["Low"]
    }
  }
}

# No rule approves Security patches: fires on the baseline.
resource "aws_ssm_patch_baseline" "no_security" { # expect: SSM402:1
  name             = "no-security"
  operating_system = "REDHAT_ENTERPRISE_LINUX"
  approval_rule {
    approve_after_days = 7
    patch_filter {
      key    = "CLASSIFICATION"
      values = ["Bugfix", "Enhancement"]
    }
  }
}

# Windows is the default operating system; its classification names
# differ. Critical updates within 3 days: silent.
resource "aws_ssm_patch_baseline" "windows_critical" {
  name = "windows-critical"
  approval_rule {
    approve_after_days = 3
    patch_filter {
      key    = "CLASSIFICATION"
      values = ["CriticalUpdates"]
    }
  }
}

resource "aws_ssm_patch_baseline" "windows_slow" {
  name = "windows-slow"
  approval_rule {
    approve_after_days = 21 # expect: SSM402:26
    patch_filter {
      key    = "CLASSIFICATION"
      values = ["SecurityUpdates"]
    }
  }
}

# Ubuntu baselines have no approve_after_days: not checked.
resource "aws_ssm_patch_baseline" "ubuntu" {
  name             = "ubuntu"
  operating_system = "UBUNTU"
  approval_rule {
    patch_filter {
      key    = "PRIORITY"
      values = ["Required", "Important"]
    }
  }
}

# approve_until_date: not judged on delay.
resource "aws_ssm_patch_baseline" "until_date" {
  name             = "until-date"
  operating_system = "AMAZON_LINUX_2"
  approval_rule {
    approve_until_date = "2026-12-01"
    patch_filter {
      key    = "CLASSIFICATION"
      values = ["Security"]
    }
  }
}

# The delay comes from a variable with no value: silent.
resource "aws_ssm_patch_baseline" "from_variable" {
  name             = "from-variable"
  operating_system = "AMAZON_LINUX_2"
  approval_rule {
    approve_after_days = var.security_delay_days
    patch_filter {
      key    = "CLASSIFICATION"
      values = ["Security"]
    }
  }
}

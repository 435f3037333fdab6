# Names AWS rejects at apply time (PutParameter naming rules).

resource "aws_ssm_parameter" "bad_space" {
  name  = "/app/db host" # expect: SSM203
  type  = "String"
  value = "db.internal"
}

resource "aws_ssm_parameter" "bad_colon" {
  name  = "/app/db:port" # expect: SSM203
  type  = "String"
  value = "5432"
}

resource "aws_ssm_parameter" "bad_hierarchy_without_leading_slash" {
  name  = "app/db/host" # expect: SSM203
  type  = "String"
  value = "db.internal"
}

resource "aws_ssm_parameter" "bad_sixteen_levels" {
  name  = "/org/unit/team/app/env/region/az/cluster/service/component/version/stage/tier/slot/shard/key" # expect: SSM203
  type  = "String"
  value = "x"
}

resource "aws_ssm_parameter" "bad_reserved_aws_prefix" {
  name  = "/aws/app/db/host" # expect: SSM203
  type  = "String"
  value = "db.internal"
}

resource "aws_ssm_parameter" "bad_reserved_ssm_prefix" {
  name  = "ssm-agent-config" # expect: SSM203
  type  = "String"
  value = "{}"
}

resource "aws_ssm_parameter" "bad_reserved_prefix_any_case" {
  name  = "/SSM/app/flags" # expect: SSM203
  type  = "String"
  value = "{}"
}

# Two problems in one name: a space and no leading slash.
resource "aws_ssm_parameter" "bad_two_problems" {
  name  = "app/feature flags" # expect: SSM203, SSM203
  type  = "String"
  value = "{}"
}

# 15 levels is the maximum, not a problem.
resource "aws_ssm_parameter" "ok_fifteen_levels" {
  name  = "/org/unit/team/app/env/region/az/cluster/service/component/version/stage/tier/slot/key"
  type  = "String"
  value = "x"
}

# "aws" inside the name, not at its start, is fine.
resource "aws_ssm_parameter" "ok_aws_not_a_prefix" {
  name  = "/app/aws-region"
  type  = "String"
  value = "eu-west-1"
}

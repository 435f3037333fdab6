# A stack scanned on its own (`ssmlint stacks/prod`) that calls a module
# elsewhere in the repository, as most monorepos do: Terraform reads
# ../../modules/app, so ssmlint checks it and reports at its files.
module "app" {
  source = "../../modules/app"
  env    = "prod"
}

resource "aws_ssm_parameter" "bad_stack_secret" {
  name  = "/prod/stack/api_key"
  type  = "String" # expect: SSM201
  value = "x"
}

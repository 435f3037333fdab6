# A wrapper module for SecureString parameters. The call that passes a
# literal secret is reported (in the module, where the value is used);
# the call that passes a generated password is not.

resource "random_password" "api" {
  length = 40
}

module "legacy_api_key" {
  source = "./modules/secure_param"
  name   = "/legacy/api/key"
  value  = "AKIA-literal-in-git"
}

module "api_key" {
  source = "./modules/secure_param"
  name   = "/api/key"
  value  = random_password.api.result
}

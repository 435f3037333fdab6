# A registry module installed by `terraform init` lives under
# .terraform/modules; ssmlint follows it through modules.json (it never
# downloads anything) and checks it with the caller's inputs.
module "params" {
  source  = "acme/params/aws"
  version = "1.2.0"
  names   = ["/app/db/password"]
}

# Scanning a repository whose stacks live in envs/<name>/: relative paths
# given to file() resolve against the root module's directory (Terraform's
# working directory), and path.module is relative to it, both in the root
# module and in the child module it calls. Both values are read and are
# over the Standard limit.

resource "aws_ssm_parameter" "ca_bundle" {
  name  = "/web/tls/ca_bundle"
  type  = "String"
  value = file("${path.module}/files/ca-bundle.pem") # expect: SSM204
}

module "client_cert" {
  source = "../../modules/tls"
  name   = "/web/tls/client_chain"
}

variable "service_secrets" {
  description = "Secrets of the service by key; supplied in terraform.tfvars (not committed)"
  type        = map(string)
}

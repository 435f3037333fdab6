variable "api_token" {
  description = "Token for the upstream API; set with TF_VAR_api_token"
  type        = string
  sensitive   = true
}

# Set only in terraform.tfvars (kept out of the repository in real life).
variable "smtp_password" {
  type = string
}

# Has a harmless default that terraform.tfvars overrides.
variable "webhook_secret" {
  type    = string
  default = "change-me"
}

variable "db_password" {
  type      = string
  sensitive = true
}

variable "environment" {
  type    = string
  default = "prod"
}

variable "api_token" {
  description = "Token for the upstream API; set with TF_VAR_api_token"
  type        = string
  sensitive   = true
}

# No value in the repository: CI sets it (TF_VAR_smtp_password).
variable "smtp_password" {
  type = string
}

variable "db_password" {
  type      = string
  sensitive = true
}

variable "environment" {
  type    = string
  default = "prod"
}

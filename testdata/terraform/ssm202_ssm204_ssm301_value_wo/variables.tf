variable "db_password" {
  description = "Set from the CI secret store (TF_VAR_db_password)."
  type        = string
  sensitive   = true
}

variable "session_key" {
  description = "Ephemeral: never in plan or state; set by CI."
  type        = string
  ephemeral   = true
}

# Not sensitive, and a default: the default is in version control.
variable "smtp_password" {
  type    = string
  default = "m4il-p4ss-2024"
}

variable "use_write_only" {
  type    = bool
  default = true
}

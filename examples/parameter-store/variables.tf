variable "app" {
  type    = string
  default = "shop"
}

variable "env" {
  type = string
}

variable "db_password" {
  type      = string
  sensitive = true
}

variable "project" {
  type    = string
  default = "orders"
}

variable "env" {
  type = string
}

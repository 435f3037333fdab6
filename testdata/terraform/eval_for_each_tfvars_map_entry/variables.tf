variable "environment" {
  type = string
}

variable "parameters" {
  description = "Parameters of the service, by key"
  type = map(object({
    value = string
    tier  = optional(string, "Standard")
  }))
  default = {}
}

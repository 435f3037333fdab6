# Two root modules side by side. `source` of an S3 object looks like a
# module source to ssmlint's quick scan; ../assets must still be checked as
# a root of its own, and ./modules/param only through its call.
resource "aws_s3_object" "bundle" {
  bucket = "artifacts"
  key    = "bundle.zip"
  source = "../assets"
}

module "param" {
  source = "../modules/param"
  name   = "/app/base url"
}

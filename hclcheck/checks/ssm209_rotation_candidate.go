package checks

import (
	"github.com/ssmlint/ssmlint/hclcheck"
)

// databasePasswords are the databases whose master password a stack sets,
// with the argument that sets it.
var databasePasswords = map[string]string{
	"aws_db_instance":      "password",
	"aws_rds_cluster":      "master_password",
	"aws_docdb_cluster":    "master_password",
	"aws_neptune_cluster":  "master_password",
	"aws_redshift_cluster": "master_password",
}

// rotationCandidate reports SecureStrings that hold the master password
// of a database in the same stack: the database reads the parameter, or
// both take the same generated value. Secrets Manager rotates such
// passwords; Parameter Store does not.
func rotationCandidate(pass *hclcheck.Pass) {
	c := pass.Config
	for _, p := range parameters(c) {
		if p.typ != typeSecureString {
			continue
		}
		val := p.r.Body.Attr("value")
		for typ, arg := range databasePasswords {
			for _, db := range c.Resources(typ) {
				pw := db.Body.Attr(arg)
				if pw == nil || !sharesSource(c, pw, p.r, val) {
					continue
				}
				at := hclcheck.At(p.r, val)
				pass.Report(p.r, at, "value",
					"SecureString %s holds the master password of %s: Parameter Store never rotates it; Secrets Manager can (manage_master_user_password = true, or a rotated secret)", p.label(), db.Addr)
			}
		}
	}
}

// sharesSource reports whether a database password argument reads the
// parameter, or takes the same generated value as the parameter's value.
func sharesSource(c *hclcheck.Config, pw *hclcheck.Attr, param *hclcheck.Resource, val *hclcheck.Attr) bool {
	pwRefs := pw.Refs()
	for _, r := range pwRefs {
		if r.Addr == param.Addr {
			return true
		}
	}
	if val == nil {
		return false
	}
	for _, a := range val.Refs() {
		for _, b := range pwRefs {
			if a.Addr == b.Addr && a.Attr == b.Attr {
				if r := c.Resource(a.Addr); r != nil && !r.IsData() {
					return true
				}
			}
		}
	}
	return false
}

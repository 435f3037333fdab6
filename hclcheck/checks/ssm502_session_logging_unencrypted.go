package checks

import (
	"github.com/ssmlint/ssmlint/hclcheck"
)

// sessionLoggingUnencrypted reports Session Manager preferences documents
// that turn log encryption off, or set no KMS key for session data.
// Documents whose content cannot be read stay silent; an input set to a
// value not known before apply counts as set.
func sessionLoggingUnencrypted(pass *hclcheck.Pass) {
	docs, _ := sessionDocs(pass.Config)
	for _, d := range docs {
		if !d.readable() {
			continue
		}
		for _, f := range []struct{ flag, dest string }{
			{"cloudWatchEncryptionEnabled", "CloudWatch Logs log group"},
			{"s3EncryptionEnabled", "S3 bucket"},
		} {
			if isFalse(d.get(f.flag)) {
				pass.Report(d.r, d.at(f.flag), "content.inputs."+f.flag,
					"%s sets %s to false: Session Manager writes session logs to the %s even when it is not encrypted", d.r.Addr, f.flag, f.dest)
			}
		}
		switch k := d.get("kmsKeyId").(type) {
		case *hclcheck.Placeholder:
			continue
		case string:
			if k != "" {
				continue
			}
		}
		at := d.at("kmsKeyId")
		if d.inputsObj != nil && d.get("kmsKeyId") == nil {
			at = d.inputsObj.OpenRange
		}
		pass.Report(d.r, at, "content.inputs.kmsKeyId",
			"%s sets no kmsKeyId: session data is not encrypted with a KMS key, only TLS protects it in transit", d.r.Addr)
	}
}

// isFalse is true for a boolean false, or the string "false" that YAML
// and hand-written JSON sometimes carry.
func isFalse(v any) bool {
	switch x := v.(type) {
	case bool:
		return !x
	case string:
		return x == "false"
	}
	return false
}

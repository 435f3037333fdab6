package checks

import (
	"github.com/ssmlint/ssmlint/hclcheck"
	"github.com/ssmlint/ssmlint/internal/paramname"
)

// invalidParameterName reports aws_ssm_parameter names that AWS rejects.
func invalidParameterName(pass *hclcheck.Pass) {
	for _, p := range parameters(pass.Config) {
		if p.nameAttr == nil || p.name == "" && !isKnownEmpty(p) {
			continue
		}
		for _, prob := range paramname.Check(p.name) {
			pass.Report(p.r, hclcheck.At(p.r, p.nameAttr), "name", "%s: %s", p.r.Addr, prob.Message)
		}
	}
}

func isKnownEmpty(p parameter) bool {
	s, ok := hclcheck.String(p.nameAttr.Value())
	return ok && s == ""
}

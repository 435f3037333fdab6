package checks

import (
	"strings"

	"github.com/ssmlint/ssmlint/hclcheck"
	"github.com/ssmlint/ssmlint/internal/paramname"
)

// invalidParameterName reports aws_ssm_parameter names that AWS rejects.
// A problem of one for_each instance is reported at its entry; one that
// every instance shares (a bad prefix), at the name, unless the bad
// character is inside each instance's own key.
func invalidParameterName(pass *hclcheck.Pass) {
	for _, p := range parameters(pass.Config) {
		if p.nameAttr == nil || p.name == "" && !isKnownEmpty(p) {
			continue
		}
		for _, prob := range paramname.Check(p.name) {
			pass.Report(p.r, hclcheck.At(p.r, p.nameAttr), "name", "%s: %s", p.r.Addr, prob.Message)
			if keyCauses(p, prob) {
				pass.Pin()
			}
		}
	}
}

// keyCauses reports whether a character problem lies inside the text the
// instance's for_each key contributed to the name.
func keyCauses(p parameter, prob paramname.Problem) bool {
	key, ok := p.r.EachKey()
	if !ok || key == "" || prob.End == 0 || !p.nameAttr.UsesEach() {
		return false
	}
	for i := 0; ; {
		j := strings.Index(p.name[i:], key)
		if j < 0 {
			return false
		}
		start := i + j
		if prob.Start >= start && prob.End <= start+len(key) {
			return true
		}
		i = start + 1
	}
}

func isKnownEmpty(p parameter) bool {
	s, ok := hclcheck.String(p.nameAttr.Value())
	return ok && s == ""
}

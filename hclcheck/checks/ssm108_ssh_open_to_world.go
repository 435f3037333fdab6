package checks

import (
	"fmt"

	"github.com/ssmlint/ssmlint/hclcheck"
)

// sshOpenToWorld reports ingress that admits TCP 22 from anywhere:
// Session Manager makes the open SSH port unnecessary.
func sshOpenToWorld(pass *hclcheck.Pass) {
	for _, r := range allRules(pass.Config, "ingress") {
		if !r.known || !r.coversTCP(22) {
			continue
		}
		for _, p := range r.cidrs {
			if p.Bits() != 0 {
				continue
			}
			at, attr := r.at.DefRange(), ""
			if r.cidrAttr != nil {
				at, attr = r.cidrAttr.Range(), r.cidrAttr.Name
			}
			what := r.from.Addr
			if r.group != nil {
				what = fmt.Sprintf("an ingress block of %s", r.from.Addr)
				attr = "ingress." + attr
			}
			pass.Report(r.from, at, attr, "%s admits SSH (TCP 22) from %s: anyone on the internet can try to log in; Session Manager needs no inbound port", what, p)
			break
		}
	}
}

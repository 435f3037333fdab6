package checks

import (
	"github.com/ssmlint/ssmlint/hclcheck"
)

// instanceProfileMissingSSMCore reports managed machines with no
// instance profile, or whose role lacks the SSM core permissions. Silent
// when Default Host Management Configuration is on: it manages instances
// without a profile.
func instanceProfileMissingSSMCore(pass *hclcheck.Pass) {
	if dhmcOn(pass) {
		return
	}
	c := pass.Config
	ms := newManagedSet(pass)
	for _, m := range machines(c) {
		if !ms.managedExceptRole(m) {
			continue
		}
		if !m.profileSet {
			pass.Report(m.r, m.r.DefRange(), "iam_instance_profile",
				"%s is meant to be managed by Systems Manager but has no iam_instance_profile: SSM Agent has no credentials to register, so the instance never appears in Fleet Manager or Session Manager", m.name())
			continue
		}
		if roleGrantsCore(c, m) != grantNo {
			continue
		}
		role, _ := roleOf(c, m)
		pass.Report(m.r, hclcheck.At(m.r, m.profileAttr), "iam_instance_profile",
			"the role of %s (%s) neither attaches AmazonSSMManagedInstanceCore nor allows ssm:UpdateInstanceInformation and the ssmmessages channel actions: SSM Agent cannot register", m.name(), role.Addr)
	}
}

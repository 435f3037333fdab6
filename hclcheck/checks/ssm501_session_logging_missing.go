package checks

import (
	"strings"

	"github.com/ssmlint/ssmlint/hclcheck"
	"github.com/ssmlint/ssmlint/rules"
)

// factSessionPreferences is established by a configuration that defines
// Session Manager preferences (or may: a document whose type or content
// cannot be read). Preferences are per account and region, so they often
// live in another root module than the instances: one anywhere in the
// scan silences the "no preferences" finding everywhere.
const factSessionPreferences = "session-manager-preferences"

// sessionLoggingMissing reports, per configuration, the first SSM-managed
// machine when no Session Manager preferences document is defined in the
// scan, and a preferences document that sends session logs nowhere.
func sessionLoggingMissing(pass *hclcheck.Pass) {
	c := pass.Config
	docs, unknown := sessionDocs(c)
	if len(docs) > 0 || unknown {
		pass.Establish(factSessionPreferences)
	}
	for _, d := range docs {
		if !d.readable() || logsSomewhere(d.get("cloudWatchLogGroupName")) || logsSomewhere(d.get("s3BucketName")) {
			continue
		}
		at := d.r.DefRange()
		switch {
		case d.inputsObj != nil:
			at = d.inputsObj.OpenRange
		case d.content != nil:
			at = hclcheck.At(d.r, d.content)
		}
		pass.Report(d.r, at, "content.inputs",
			"%s holds the Session Manager preferences but sends session logs nowhere: neither cloudWatchLogGroupName nor s3BucketName is set, so what is typed and printed in sessions is not kept", d.r.Addr)
	}
	if len(docs) > 0 || unknown {
		return
	}
	ms := machines(c)
	if len(ms) == 0 {
		return
	}
	set := newManagedSet(pass)
	for _, m := range ms {
		if !set.managed(m) {
			continue
		}
		r, _ := m.placement()
		f := pass.Report(r, r.DefRange(), "",
			"%s is managed by Systems Manager, and no configuration in this scan defines the Session Manager preferences (an aws_ssm_document with document_type = \"Session\"), so ssmlint cannot check that sessions are logged: preferences are one per account and region; scan the stack that defines them alongside, or check them where they live",
			m.name())
		f.Once = true
		if required, _ := pass.Option("preferences_required").(bool); !required {
			// Usually defined in a baseline stack or outside Terraform:
			// worth knowing, not a reason to fail this stack's gate.
			f.Severity = rules.Info
		}
		pass.Unless(factSessionPreferences)
		return
	}
}

// logsSomewhere reports whether a log destination input is set: a
// non-empty string, or a value not known before apply.
func logsSomewhere(v any) bool {
	switch x := v.(type) {
	case *hclcheck.Placeholder:
		return true
	case string:
		return strings.TrimSpace(x) != ""
	}
	return false
}

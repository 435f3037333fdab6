package gocheck

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/ssmlint/ssmlint/rules"
)

// A diagnostic's Category names its rule, and its severity when that is
// not the rule's default (rules.Rule.Category): SSM603's run-time lists
// are warnings of an error rule.
func TestReadJSONSeverity(t *testing.T) {
	real := realMarker + `{"s":{"f":"/repo/a.go","l":3,"c":2,"o":20},"e":{"f":"/repo/a.go","l":3,"c":7,"o":25}}`
	diag := func(category, msg string) map[string]string {
		return map[string]string{"category": category, "posn": "/repo/a.go:3:2", "end": "/repo/a.go:3:7", "message": msg + real}
	}
	stream, err := json.Marshal(map[string]map[string][]map[string]string{"example.com/app": {"ssm603": {
		diag(rules.SSM603.Category(rules.Error), "a literal of 11 names"),
		diag(rules.SSM603.Category(rules.Warning), "names built at run time"),
		diag("SSM603:fatal", "an unknown severity"),
	}}})
	if err != nil {
		t.Fatal(err)
	}
	res := &Result{Fixes: map[int][]Fix{}}
	if err := res.readJSON(strings.NewReader(string(stream))); err != nil {
		t.Fatal(err)
	}
	want := map[string]rules.Severity{"a literal of 11 names": rules.Error, "names built at run time": rules.Warning}
	if len(res.Findings) != len(want) {
		t.Fatalf("findings %+v; want %d", res.Findings, len(want))
	}
	for _, f := range res.Findings {
		if f.Rule != rules.SSM603 || f.Severity != want[f.Message] {
			t.Errorf("%q: %s %v; want SSM603 %v", f.Message, f.Rule.ID, f.Severity, want[f.Message])
		}
	}
}

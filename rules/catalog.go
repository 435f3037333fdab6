package rules

import "strings"

// All returns every rule of the catalog in ID order, SSM000 (the
// suppression comments themselves) first. Each call returns a new slice, so
// callers may sort or filter it freely; the *Rule values are shared and
// must not be modified.
func All() []*Rule {
	return []*Rule{
		IgnoreDirective,
		SSM101, SSM102, SSM103, SSM104, SSM105, SSM106, SSM107, SSM108, SSM109, SSM110, SSM111,
		SSM201, SSM202, SSM203, SSM204, SSM205, SSM206, SSM207, SSM208, SSM209,
		SSM301, SSM302, SSM303,
		SSM401, SSM402, SSM403, SSM404, SSM405, SSM406, SSM407,
		SSM501, SSM502, SSM503,
		SSM601, SSM602, SSM603, SSM604, SSM605, SSM606, SSM607, SSM608, SSM609,
	}
}

// Lookup finds a rule by its ID ("SSM201") or its name
// ("secret-in-plain-string"), both case-insensitive. It is meant for the
// config and CLI boundary; code inside ssmlint refers to the values directly.
func Lookup(idOrName string) (*Rule, bool) {
	for _, r := range All() {
		if strings.EqualFold(r.ID, idOrName) || strings.EqualFold(r.Name, idOrName) {
			return r, true
		}
	}
	return nil, false
}

// Expand resolves what a user may name where rules are selected: a rule's
// ID or name, as Lookup, or a group prefix, "SSM" and one digit ("SSM6":
// every SSM6xx rule, the Go side), case-insensitive. It returns the rules
// in ID order, and false when nothing matches (an unknown group such as
// "SSM9" included).
func Expand(idNameOrGroup string) ([]*Rule, bool) {
	if r, ok := Lookup(idNameOrGroup); ok {
		return []*Rule{r}, true
	}
	s := idNameOrGroup
	if len(s) != len("SSM6") || !strings.EqualFold(s[:3], "SSM") || s[3] < '0' || s[3] > '9' {
		return nil, false
	}
	var out []*Rule
	for _, r := range All() {
		if strings.EqualFold(r.ID[:4], s) {
			out = append(out, r)
		}
	}
	return out, len(out) > 0
}

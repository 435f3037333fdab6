package rules

import "testing"

func TestCategory(t *testing.T) {
	for _, tc := range []struct {
		rule     *Rule
		severity Severity
		want     string
	}{
		{SSM603, Error, "SSM603"},
		{SSM603, 0, "SSM603"},
		{SSM603, Warning, "SSM603:warning"},
		{SSM607, Warning, "SSM607"},
		{SSM607, Info, "SSM607:info"},
	} {
		c := tc.rule.Category(tc.severity)
		if c != tc.want {
			t.Errorf("%s.Category(%v) = %q, want %q", tc.rule.ID, tc.severity, c, tc.want)
		}
		r, s, ok := ParseCategory(c)
		want := tc.severity
		if want == 0 {
			want = tc.rule.Severity
		}
		if !ok || r != tc.rule || s != want {
			t.Errorf("ParseCategory(%q) = %v, %v, %v; want %s, %v", c, r, s, ok, tc.rule.ID, want)
		}
	}
	for _, bad := range []string{"", "SSM999", "SSM603:fatal", "SSM603:"} {
		if r, _, ok := ParseCategory(bad); ok {
			t.Errorf("ParseCategory(%q) = %s, want not ok", bad, r.ID)
		}
	}
}

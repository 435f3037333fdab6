package suggest

import "testing"

func TestNearestAndRelated(t *testing.T) {
	cands := []string{"prod", "staging", "linux-prod"}
	for _, tt := range []struct{ in, nearest, related string }{
		{"linux-prdo", "linux-prod", "linux-prod"},
		{"production", "", "prod"},
		{"PROD", "", "prod"},
		{"stagign", "staging", "staging"},
		{"windows", "", ""},
		{"", "", ""},
	} {
		if got := Nearest(tt.in, cands); got != tt.nearest {
			t.Errorf("Nearest(%q) = %q, want %q", tt.in, got, tt.nearest)
		}
		if got := Related(tt.in, cands); got != tt.related {
			t.Errorf("Related(%q) = %q, want %q", tt.in, got, tt.related)
		}
	}
}

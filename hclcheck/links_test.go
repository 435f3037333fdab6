package hclcheck

import "testing"

func TestCouldEqual(t *testing.T) {
	u := Unknown
	for _, c := range []struct {
		p, q string
		want bool
	}{
		{"prod-app", "prod-app", true},
		{"prod-app", "prod-api", false},
		{u + "-app", u + "-app", true},
		{u + "-app", u + "-a", false},
		{u + "-app", "prod-app", true},
		{"a-" + u, u + "-b", true},
		{"a-" + u, "b-" + u, false},
		{u, "anything", true},
		{"x" + u + "y", "xy", true},
		{"x" + u + "y", "xz", false},
	} {
		if got := CouldEqual(c.p, c.q); got != c.want {
			t.Errorf("CouldEqual(%q, %q) = %v", c.p, c.q, got)
		}
		if got := CouldEqual(c.q, c.p); got != c.want {
			t.Errorf("CouldEqual(%q, %q) = %v (swapped)", c.q, c.p, got)
		}
	}
}

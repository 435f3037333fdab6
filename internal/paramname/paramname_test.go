package paramname

import (
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	cases := []struct {
		name string
		want string // substring of the first problem, "" for valid
	}{
		{"/app/db/host", ""},
		{"plain_name-1.2", ""},
		{"/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o", ""},
		{"/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p", "16 hierarchy levels"},
		{"app/db/host", "does not start with"},
		{"/app/db host", `character ' '`},
		{"/app/db:host", `character ':'`},
		{"/aws/app", "reserved"},
		{"/AWS/app", "reserved"},
		{"ssm-config", "reserved"},
		{"/Ssm/x", "reserved"},
		{"/app/" + strings.Repeat("x", 962), ""},
		{"/app/" + strings.Repeat("x", 970), "exceeds"},
		{"", "empty"},
	}
	for _, c := range cases {
		ps := Check(c.name)
		if c.want == "" {
			if len(ps) != 0 {
				t.Errorf("Check(%q) = %v, want valid", c.name, ps)
			}
			continue
		}
		if len(ps) == 0 || !strings.Contains(ps[0].Message, c.want) {
			t.Errorf("Check(%q) = %v, want a problem containing %q", c.name, ps, c.want)
		}
	}
}

func TestCharacterOffset(t *testing.T) {
	ps := Check("/app/é")
	if len(ps) == 0 || ps[0].Start != 5 || ps[0].End != 7 {
		t.Fatalf("offsets = %+v, want 5..7", ps)
	}
}

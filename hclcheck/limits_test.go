package hclcheck

import (
	"strings"
	"testing"
	"time"
)

// TestLimits: small hostile files are refused before parsing, with the
// position of what is wrong, and quickly; ordinary files that look alike
// are read.
func TestLimits(t *testing.T) {
	long := func(s string, n int) string { return strings.Repeat(s, n) }
	cases := []struct {
		name, src string
		line      int
		msg       string // "" for a file that must be accepted
	}{
		{"unary chain", "locals {\n  a = " + long("!", 250000) + "true\n}\n", 2, "more than 10000 operators"},
		{"binary chain", "locals {\n  a = " + long("1 + ", 20000) + "1\n}\n", 2, "more than 10000 operators"},
		{"binary chain over lines in parentheses", "locals {\n  a = (" + long("1 +\n", 20000) + "1)\n}\n", 0, "more than 10000 operators"},
		{"conditional chain", "locals {\n  a = " + long("true ? 1 : ", 12000) + "0\n}\n", 2, "more than 10000 operators"},
		{"inside a template", "locals {\n  a = \"${" + long("-", 30000) + "1}\"\n}\n", 2, "more than 10000 operators"},
		{"NUL bytes", long("\x00", 9<<20), 1, "control characters"},
		{"invalid characters", "locals {\n  a = 1\n}\n" + long("@", 1<<20), 4, "not valid HCL"},
		{"e-mail addresses in strings", long("locals { a = \"ops@example.com; it's ~/x\" }\n", 2000), 0, ""},
		{"shell in heredocs and comments", long("locals {\n  # it's; @here\n  s = <<-EOT\n    echo $HOME; ls ~ `pwd` @x\n    EOT\n  /* a; b */\n}\n", 300), 0, ""},
		{"many short expressions", long("locals {\n  a = 1 + 2 - 3 * 4 / 5 % 6 == 7 && !true || false ? 1 : 0\n}\n", 3000), 0, ""},
		{"comment rules and ARNs", long("# ----------------------------------------------------------------\nlocals { a = \"arn:aws:ssm:*:*:parameter/a/b/c-d-e\" }\n", 2000), 0, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			d := checkLimits("x.tf", []byte(c.src))
			if took := time.Since(start); took > 20*time.Second { // a lexer pass at most (well under a second idle); the machine may be busy, the unbounded parse takes minutes
				t.Errorf("took %v", took)
			}
			switch {
			case c.msg == "" && d != nil:
				t.Fatalf("refused: %s", d.Summary)
			case c.msg == "":
				if _, diags := parse("x.tf", []byte(c.src)); diags.HasErrors() {
					t.Fatalf("parse: %v", diags)
				}
			case d == nil:
				t.Fatalf("accepted; want %q", c.msg)
			case !strings.Contains(d.Summary, c.msg) || (c.line > 0 && d.Subject.Start.Line != c.line):
				t.Errorf("got %q at line %d, want %q at line %d", d.Summary, d.Subject.Start.Line, c.msg, c.line)
			}
		})
	}
}

// TestTokenLimit: floods of tokens the parser would spend gigabytes on
// are refused at once; a large ordinary file is not.
func TestTokenLimit(t *testing.T) {
	for _, c := range []string{"@", "}\n", "\"\n", "ab cd ef gh\n"} {
		src := []byte(strings.Repeat(c, (9<<20)/len(c)))
		start := time.Now()
		d := checkLimits("x.tf", src)
		if d == nil || !strings.Contains(d.Summary, "tokens") {
			t.Errorf("%q flood: %v", c, d)
		}
		if took := time.Since(start); took > 10*time.Second { // well under a second idle; the unbounded parse takes minutes
			t.Errorf("%q flood: took %v", c, took)
		}
	}
	ordinary := strings.Repeat("resource \"aws_ssm_parameter\" \"p\" {\n  name  = \"/app/service/config/value\"\n  type  = \"String\"\n  value = var.value # comment words here\n}\n", 25000)
	if d := checkLimits("x.tf", []byte(ordinary)); d != nil {
		t.Errorf("a %d MB ordinary file was refused: %s", len(ordinary)>>20, d.Summary)
	}
}

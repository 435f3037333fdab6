package suppress

import "testing"

// FuzzParseHCL checks that no input makes ParseHCL panic and that
// problems have sane ranges.
func FuzzParseHCL(f *testing.F) {
	f.Add("# ssmlint:ignore SSM201 -- r\nresource \"a\" \"b\" {}\n")
	f.Add("x = 1 // ssmlint:ignore SSM201,nope -- r\n")
	f.Add("# ssmlint:ignore\n")
	f.Add("x = <<EOT\n# ssmlint:ignore SSM201 -- r\nEOT\n")
	f.Fuzz(func(t *testing.T, src string) {
		fi := parseHCL("f.tf", []byte(src), testLookup)
		for line := 0; line < 5; line++ {
			fi.Match("SSM201", line)
		}
		ps := append(fi.Problems(), fi.Unused(nil)...)
		for _, p := range ps {
			r := p.Range
			if r.Start.Line <= 0 || r.Start.Byte < 0 || r.End.Byte < r.Start.Byte || r.End.Byte > len(src) {
				t.Errorf("bad range %+v for %q", r, p.Message)
			}
		}
	})
}

func FuzzParseGo(f *testing.F) {
	f.Add("package p\n\n//ssmlint:ignore SSM601 -- r\nfunc F() {}\n")
	f.Add("package p\nvar x = 1 //ssmlint:ignore SSM601,nope -- r\n")
	f.Add("package p\n//ssmlint:ignore\n")
	f.Add("package p\nvar s = `\n//ssmlint:ignore SSM601 -- r\n`\n")
	f.Add("package p\n/* ssmlint:ignore SSM601 -- r */\n")
	f.Add("package p\n\n//nolint:errcheck, ssmlint // r\nfunc F() {}\n")
	f.Add("package p\nvar x = 1 //nolint:ssm601,all\n")
	f.Add("package p\n// nolint\n\nvar x = 1\n")
	f.Fuzz(func(t *testing.T, src string) {
		fi := ParseGo("f.go", []byte(src))
		for line := 0; line < 5; line++ {
			fi.Match("SSM601", line)
		}
		for _, p := range append(fi.Problems(), fi.Unused(nil)...) {
			r := p.Range
			if r.Start.Line <= 0 || r.Start.Byte < 0 || r.End.Byte < r.Start.Byte || r.End.Byte > len(src) {
				t.Errorf("bad range %+v for %q", r, p.Message)
			}
		}
	})
}

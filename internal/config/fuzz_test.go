package config

import "testing"

// FuzzParse checks that no input makes Parse panic, and that every
// failure is positioned in the file.
func FuzzParse(f *testing.F) {
	f.Add("version: 1\nrules:\n  SSM402: {options: {max_approve_after_days: 7}}\n")
	f.Add("version: 1\nexclude: [\"a/**\", \"[\"]\nvariables: {x: [1, {y: z}]}\n")
	f.Add("a: &a [1]\nb: *a\n")
	f.Add("version: 1\nmax_file_size: 10MB\nfail_on: info\n")
	f.Fuzz(func(t *testing.T, src string) {
		cfg, err := parse("f.yml", []byte(src), testLookup)
		if err == nil {
			_ = cfg.Excluded("a/b/c.tf")
			_ = cfg.Option(ruleSlow, "max_approve_after_days")
			return
		}
		for _, e := range Positions(err) {
			if e.File != "f.yml" || e.Line <= 0 {
				t.Errorf("unpositioned error %q", e)
			}
		}
		if len(Positions(err)) == 0 {
			t.Errorf("error without position: %v", err)
		}
	})
}

package baseline

import (
	"errors"
	"testing"
)

// FuzzParse checks that no input makes Parse panic and that errors are
// positioned.
func FuzzParse(f *testing.F) {
	f.Add(`{"version":1,"findings":[{"rule":"SSM201","file":"m.tf","resource":"r","attribute":"a","count":2}]}`)
	f.Add(`{"version":1,"findings":[{"rule":1}]}`)
	f.Add(`{"version":1,"findings":null}`)
	f.Add(`[`)
	f.Fuzz(func(t *testing.T, src string) {
		b, err := Parse("f.json", []byte(src))
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Line <= 0 || e.Column <= 0 {
				t.Errorf("unpositioned error %v", err)
			}
			return
		}
		_, _ = b.Filter(nil, nil)
	})
}

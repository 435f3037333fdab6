package checks

import (
	"strings"
	"testing"
	"time"
)

// FuzzSessionInputs feeds arbitrary document content to the Session
// preferences parser: it must return (nil for unreadable content) without
// panicking, in bounded time, in both formats.
func FuzzSessionInputs(f *testing.F) {
	f.Add(`{"schemaVersion":"1.0","inputs":{"kmsKeyId":"k","cloudWatchEncryptionEnabled":false}}`, "JSON")
	f.Add("schemaVersion: '1.0'\ninputs:\n  s3EncryptionEnabled: false\n", "YAML")
	f.Add(`{"inputs": [1, 2]}`, "JSON")
	f.Add("inputs: !!binary aGVsbG8=\n", "YAML")
	// A billion-laughs style alias bomb.
	bomb := "a: &a [x,x,x,x,x,x,x,x,x]\n"
	for c := 'b'; c <= 'j'; c++ {
		bomb += string(c) + ": &" + string(c) + " [*" + string(c-1) + strings.Repeat(",*"+string(c-1), 8) + "]\n"
	}
	f.Add(bomb+"inputs: *j\n", "YAML")
	f.Fuzz(func(t *testing.T, content, format string) {
		start := time.Now()
		in, err := parseInputs(content, format)
		if d := time.Since(start); d > 5*time.Second {
			t.Fatalf("parseInputs took %v on %d bytes", d, len(content))
		}
		if (in == nil) != (err != nil) {
			t.Fatalf("parseInputs(%q) = %v, %v: want exactly one of inputs and error", content, in, err)
		}
	})
}

func TestSessionInputs(t *testing.T) {
	for _, tc := range []struct {
		content, format string
		want            map[string]any // nil: unreadable
		err             string         // part of the error when unreadable
	}{
		{`{"inputs":{"kmsKeyId":"k","s3EncryptionEnabled":false}}`, "JSON", map[string]any{"kmsKeyId": "k", "s3EncryptionEnabled": false}, ""},
		{"inputs:\n  kmsKeyId: k\n  s3EncryptionEnabled: false\n", "YAML", map[string]any{"kmsKeyId": "k", "s3EncryptionEnabled": false}, ""},
		{`{"schemaVersion":"1.0"}`, "JSON", map[string]any{}, ""},
		{"{\n  \"inputs\": {\n    \"a\": tru\n  }\n}", "JSON", nil, "not valid JSON: line 3 of the document"},
		{"inputs: [", "YAML", nil, "not valid YAML: line 1"},
		{`{"inputs": [1]}`, "JSON", nil, "not an object"},
	} {
		got, err := parseInputs(tc.content, tc.format)
		if tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)) {
			t.Errorf("parseInputs(%q) error = %v, want it to contain %q", tc.content, err, tc.err)
		}
		if (got == nil) != (tc.want == nil) || len(got) != len(tc.want) {
			t.Errorf("parseInputs(%q) = %v, want %v", tc.content, got, tc.want)
			continue
		}
		for k, v := range tc.want {
			if got[k] != v {
				t.Errorf("parseInputs(%q)[%s] = %v, want %v", tc.content, k, got[k], v)
			}
		}
	}
}

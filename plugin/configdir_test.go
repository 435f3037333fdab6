package plugin

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ssmlint/ssmlint/analyzers/ssm601"
)

// tree creates files (empty unless given) under a temporary directory and
// returns it, symbolic links resolved.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	root, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// The plugin finds golangci-lint's configuration as golangci-lint does:
// -c/--config, else the working directory, the first path argument's
// directory and its parents, the home directory.
func TestConfigDir(t *testing.T) {
	root := tree(t, map[string]string{
		".golangci.yml":          "",
		"svc/.golangci.toml":     "",
		"svc/pkg/x.go":           "",
		"other/cfg/golangci.yml": "",
		"home/.golangci.yaml":    "",
		"lone/x.go":              "",
	})
	j := func(p ...string) string { return filepath.Join(append([]string{root}, p...)...) }
	home := j("home")
	for _, tc := range []struct {
		name string
		args []string
		wd   string
		want string
	}{
		{"found upward from a package directory", []string{"golangci-lint", "run", "./..."}, j("svc", "pkg"), j("svc")},
		{"found in the working directory", []string{"golangci-lint", "run"}, j("svc"), j("svc")},
		{"working directory first", []string{"golangci-lint", "run", "svc/..."}, root, root},
		{"then the first path argument's directories", []string{"golangci-lint", "run", "--timeout", "5m", "../svc/pkg/..."}, j("lone"), j("svc")},
		{"-c", []string{"golangci-lint", "run", "-c", "../other/cfg/golangci.yml", "./..."}, j("svc"), j("other", "cfg")},
		{"--config=", []string{"golangci-lint", "run", "--config=" + j("other", "cfg", "golangci.yml")}, j("svc"), j("other", "cfg")},
		{"-cFILE", []string{"golangci-lint", "run", "-c../other/cfg/golangci.yml"}, j("svc"), j("other", "cfg")},
		{"--config", []string{"golangci-lint", "run", "--config", "~/cfg.yml"}, root, home},
		{"the home directory last", []string{"/usr/bin/golangci-lint", "run", "./..."}, "/", home},
		{"stdin: the working directory", []string{"golangci-lint", "run", "-c", "-"}, j("svc", "pkg"), j("svc", "pkg")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := configDir(tc.args, tc.wd, home); got != tc.want {
				t.Errorf("configDir(%q, %s) = %s, want %s", tc.args, tc.wd, got, tc.want)
			}
		})
	}
}

// A relative inventory is the configuration's directory's, wherever
// golangci-lint runs; one that cannot be read is a warning, and the
// analyzers run without it.
func TestInventory(t *testing.T) {
	root := tree(t, map[string]string{
		".golangci.yml":  "version: \"2\"\n",
		"inventory.json": `{"version":1,"parameters":[{"address":"aws_ssm_parameter.dsn","name":"/app/db/dsn","type":"SecureString","file":"infra/main.tf","line":8,"column":1,"end_line":12,"end_column":2}]}` + "\n",
		"broken.json":    "{",
		"app/x.go":       "",
	})
	defer ssm601.Inventory.Use(nil)
	build := func(inventory, wd string) (*bytes.Buffer, int) {
		t.Helper()
		var warn bytes.Buffer
		p := &Plugin{settings: Settings{Inventory: inventory}, args: []string{"golangci-lint", "run", "./..."}, wd: wd, warn: &warn}
		as, err := p.BuildAnalyzers()
		if err != nil {
			t.Fatalf("BuildAnalyzers: %v", err)
		}
		return &warn, len(as)
	}
	for _, wd := range []string{root, filepath.Join(root, "app")} {
		warn, n := build("inventory.json", wd)
		inv, err := ssm601.Inventory.Get()
		if warn.Len() > 0 || n != 9 || err != nil || inv == nil || !inv.SecureStrings()["/app/db/dsn"] {
			t.Errorf("from %s: warning %q, %d analyzers, inventory %v (%v); want the root's inventory read", wd, warn, n, inv, err)
		}
	}
	for _, inventory := range []string{"missing.json", "broken.json", filepath.Join(root, "missing.json")} {
		warn, n := build(inventory, filepath.Join(root, "app"))
		inv, err := ssm601.Inventory.Get()
		if !strings.Contains(warn.String(), "warning") || !strings.Contains(warn.String(), inventory) || n != 9 || inv != nil || err != nil {
			t.Errorf("%s: warning %q, %d analyzers, inventory %v (%v); want a warning and the analyzers without an inventory", inventory, warn, n, inv, err)
		}
	}
}

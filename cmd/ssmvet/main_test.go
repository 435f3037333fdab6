package main_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// gopath is a GOPATH whose bin holds ssmvet and ssmlint built from this
// tree (TestMain), as `go install` would put them.
var gopath string

func TestMain(m *testing.M) {
	os.Exit(func() int {
		dir, err := os.MkdirTemp("", "ssmvet-test")
		if err != nil {
			panic(err)
		}
		defer os.RemoveAll(dir)
		gopath = dir
		for _, cmd := range []string{"ssmvet", "ssmlint"} {
			build := exec.Command("go", "build", "-o", filepath.Join(gopath, "bin", cmd), "./cmd/"+cmd)
			build.Dir = filepath.Join("..", "..")
			if out, err := build.CombinedOutput(); err != nil {
				fmt.Fprintf(os.Stderr, "build %s: %v\n%s", cmd, err, out)
				return 1
			}
		}
		return m.Run()
	}())
}

func bin(name string) string { return filepath.Join(gopath, "bin", name) }

// crossLang copies testdata/crosslang (Terraform declaring /app/db/dsn a
// SecureString, and a Go module in which app/config.go reads it without
// decryption) to a temporary directory, its modules downloaded first.
func crossLang(t *testing.T) string {
	t.Helper()
	src, err := filepath.Abs(filepath.Join("..", "..", "testdata", "crosslang"))
	if err != nil {
		t.Fatal(err)
	}
	dl := exec.Command("go", "mod", "download")
	dl.Dir = src
	if out, err := dl.CombinedOutput(); err != nil {
		t.Fatalf("go mod download: %v\n%s", err, out)
	}
	dst := t.TempDir()
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	return dst
}

// run runs a command in dir and returns its combined output and whether
// it exited 0; a command that could not start fails the test.
func run(t *testing.T, dir string, env []string, name string, args ...string) (string, bool) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	return out.String(), err == nil
}

// writeInventory writes the fixture's inventory with ssmlint.
func writeInventory(t *testing.T, fixture, file string) {
	t.Helper()
	if out, ok := run(t, fixture, nil, bin("ssmlint"), "--write-inventory", file, "terraform"); !ok {
		t.Fatalf("ssmlint --write-inventory: %s", out)
	}
}

// The SSM601 finding of app/config.go, as go vet prints it.
const dsnFinding = `config.go:13:35: GetParameter reads "/app/db/dsn" without WithDecryption, so a SecureString comes back encrypted: declared SecureString by aws_ssm_parameter.dsn at terraform/main.tf:8`

// go vet -vettool=ssmvet reports SSM601 on the cross-language fixture
// given the inventory ssmlint --write-inventory writes for its Terraform.
func TestGoVetTool(t *testing.T) {
	fixture := crossLang(t)
	inv := filepath.Join(t.TempDir(), "inventory.json")
	writeInventory(t, fixture, inv)
	out, ok := run(t, fixture, nil, "go", "vet", "-vettool="+bin("ssmvet"), "-ssm601.inventory="+inv, "./...")
	if ok {
		t.Fatalf("go vet succeeded; want the SSM601 report:\n%s", out)
	}
	if !strings.Contains(out, "app/"+dsnFinding) {
		t.Errorf("go vet output:\n%s\nwant a line containing:\n%s", out, dsnFinding)
	}
	if strings.Contains(out, "/app/region") {
		t.Errorf("go vet reported the plain String /app/region:\n%s", out)
	}
	// Without the inventory, nothing tells /app/db/dsn is a SecureString.
	if out, ok := run(t, fixture, nil, "go", "vet", "-vettool="+bin("ssmvet"), "./..."); !ok {
		t.Errorf("go vet without the inventory failed:\n%s", out)
	}
}

// A relative -ssm601.inventory is relative to the module root under go
// vet, whichever package is analysed (go vet starts the tool in the
// package's directory) and wherever go vet runs; alone, ssmvet takes it
// from the working directory.
func TestRelativeInventory(t *testing.T) {
	fixture := crossLang(t)
	writeInventory(t, fixture, "inventory.json")
	for _, dir := range []string{fixture, filepath.Join(fixture, "app")} {
		out, ok := run(t, dir, nil, "go", "vet", "-vettool="+bin("ssmvet"), "-ssm601.inventory=inventory.json", "./...")
		if ok || !strings.Contains(out, dsnFinding) || strings.Contains(out, "warning") {
			t.Errorf("go vet in %s: ok %v, output:\n%s\nwant the SSM601 finding and no warning", dir, ok, out)
		}
	}
	// ssmvet -ssm607.inventory sets the same inventory.
	if out, ok := run(t, fixture, nil, "go", "vet", "-vettool="+bin("ssmvet"), "-ssm607.inventory", "inventory.json", "./..."); ok || !strings.Contains(out, dsnFinding) {
		t.Errorf("go vet -ssm607.inventory: ok %v, output:\n%s", ok, out)
	}
	out, ok := run(t, fixture, nil, bin("ssmvet"), "-ssm601.inventory=inventory.json", "./...")
	if ok || !strings.Contains(out, dsnFinding) {
		t.Errorf("ssmvet: ok %v, output:\n%s", ok, out)
	}
}

// An inventory that cannot be read is a warning, and the analyzers run
// without it: a name that marks a secret is still reported.
func TestMissingInventoryWarns(t *testing.T) {
	fixture := crossLang(t)
	file := filepath.Join(fixture, "app", "config.go")
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, bytes.Replace(src, []byte(`"/app/db/dsn"`), []byte(`"/app/db/password"`), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	const warning = "warning: -inventory "
	out, ok := run(t, fixture, nil, "go", "vet", "-vettool="+bin("ssmvet"), "-ssm601.inventory=missing.json", "./...")
	if ok || !strings.Contains(out, `GetParameter reads "/app/db/password" without WithDecryption`) ||
		!strings.Contains(out, warning) || !strings.Contains(out, "missing.json") || strings.Count(out, warning) != 1 {
		t.Errorf("go vet with a missing inventory: ok %v, output:\n%s\nwant one warning naming missing.json, and SSM601 by the name", ok, out)
	}
	out, _ = run(t, fixture, nil, bin("ssmvet"), "-ssm601.inventory=missing.json", "./...")
	if !strings.Contains(out, warning) || !strings.Contains(out, "/app/db/password") {
		t.Errorf("ssmvet with a missing inventory:\n%s", out)
	}
}

// The suppressed Go line is silent under go vet -vettool=ssmvet, with
// //ssmlint:ignore as with //nolint:ssmlint, and ssmvet -fix leaves it as
// it is (the CLI's side is cmd/ssmlint's suppress_go_test.go, the
// plugin's scripts/plugin-e2e.sh).
func TestSuppressed(t *testing.T) {
	const stmt = "\tout, err := c.GetParameter(ctx, &ssm.GetParameterInput{\n"
	for _, comment := range []string{"//ssmlint:ignore SSM601 -- decrypted by the sidecar", "//nolint:ssmlint"} {
		t.Run(comment, func(t *testing.T) {
			fixture := crossLang(t)
			writeInventory(t, fixture, "inventory.json")
			file := filepath.Join(fixture, "app", "config.go")
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(src, []byte(stmt)) {
				t.Fatalf("testdata/crosslang/app/config.go no longer holds %q", stmt)
			}
			src = bytes.Replace(src, []byte(stmt), []byte("\t"+comment+"\n"+stmt), 1)
			if err := os.WriteFile(file, src, 0o644); err != nil {
				t.Fatal(err)
			}
			if out, ok := run(t, fixture, nil, "go", "vet", "-vettool="+bin("ssmvet"), "-ssm601.inventory=inventory.json", "./..."); !ok || out != "" {
				t.Errorf("go vet: ok %v, output:\n%s\nwant the suppressed finding silent", ok, out)
			}
			if out, ok := run(t, fixture, nil, bin("ssmvet"), "-ssm601.inventory=inventory.json", "-fix", "./..."); !ok || out != "" {
				t.Errorf("ssmvet -fix: ok %v, output:\n%s", ok, out)
			}
			if after, err := os.ReadFile(file); err != nil || !bytes.Equal(after, src) {
				t.Errorf("ssmvet -fix changed the suppressed call (%v):\n%s", err, after)
			}
		})
	}
}

// The lines of testdata/suppressed-go (silent in the CLI and in
// golangci-lint too) are silent under go vet, and ssmvet -fix leaves them
// as they are while it fixes config.go's unsuppressed read.
func TestSuppressedFixture(t *testing.T) {
	fixture := crossLang(t)
	src, err := os.ReadFile(filepath.Join("..", "..", "testdata", "suppressed-go", "suppressed.go"))
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(fixture, "app", "suppressed.go")
	if err := os.WriteFile(file, src, 0o644); err != nil {
		t.Fatal(err)
	}
	writeInventory(t, fixture, "inventory.json")
	out, ok := run(t, fixture, nil, "go", "vet", "-vettool="+bin("ssmvet"), "-ssm601.inventory=inventory.json", "./...")
	if ok || !strings.Contains(out, dsnFinding) || strings.Contains(out, "suppressed.go") {
		t.Errorf("go vet: ok %v, output:\n%s\nwant config.go's finding alone", ok, out)
	}
	run(t, fixture, nil, bin("ssmvet"), "-ssm601.inventory=inventory.json", "-fix", "./...")
	if after, err := os.ReadFile(file); err != nil || !bytes.Equal(after, src) {
		t.Errorf("ssmvet -fix changed the suppressed calls (%v):\n%s", err, after)
	}
	if fixed, err := os.ReadFile(filepath.Join(fixture, "app", "config.go")); err != nil || !bytes.Contains(fixed, []byte("WithDecryption: aws.Bool(true)")) {
		t.Errorf("ssmvet -fix did not fix config.go (%v):\n%s", err, fixed)
	}
}

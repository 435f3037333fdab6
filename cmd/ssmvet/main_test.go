package main_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// go vet -vettool=ssmvet reports SSM601 on the cross-language fixture
// given the inventory ssmlint --write-inventory writes for its Terraform.
func TestGoVetTool(t *testing.T) {
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	bin := t.TempDir()
	for _, cmd := range []string{"ssmvet", "ssmlint"} {
		build := exec.Command("go", "build", "-o", filepath.Join(bin, cmd), "./cmd/"+cmd)
		build.Dir = root
		if out, err := build.CombinedOutput(); err != nil {
			t.Fatalf("build %s: %v\n%s", cmd, err, out)
		}
	}
	fixture := filepath.Join(root, "testdata", "crosslang")
	dl := exec.Command("go", "mod", "download")
	dl.Dir = fixture
	if out, err := dl.CombinedOutput(); err != nil {
		t.Fatalf("go mod download: %v\n%s", err, out)
	}
	inv := filepath.Join(t.TempDir(), "inventory.json")
	w := exec.Command(filepath.Join(bin, "ssmlint"), "--write-inventory", inv, "terraform")
	w.Dir = fixture
	if out, err := w.CombinedOutput(); err != nil {
		t.Fatalf("ssmlint --write-inventory: %v\n%s", err, out)
	}
	vet := exec.Command("go", "vet", "-vettool="+filepath.Join(bin, "ssmvet"), "-ssm601.inventory="+inv, "./...")
	vet.Dir = fixture
	out, err := vet.CombinedOutput()
	if err == nil {
		t.Fatalf("go vet succeeded; want the SSM601 report:\n%s", out)
	}
	want := `app/config.go:13:35: GetParameter reads "/app/db/dsn" without WithDecryption, so a SecureString comes back encrypted: declared SecureString by aws_ssm_parameter.dsn at terraform/main.tf:8`
	if !strings.Contains(string(out), want) {
		t.Errorf("go vet output:\n%s\nwant a line containing:\n%s", out, want)
	}
	if strings.Contains(string(out), "/app/region") {
		t.Errorf("go vet reported the plain String /app/region:\n%s", out)
	}
	// Without the inventory, nothing tells /app/db/dsn is a SecureString.
	vet = exec.Command("go", "vet", "-vettool="+filepath.Join(bin, "ssmvet"), "./...")
	vet.Dir = fixture
	if out, err := vet.CombinedOutput(); err != nil {
		t.Errorf("go vet without the inventory: %v\n%s", err, out)
	}
	_ = os.Remove(inv)
}

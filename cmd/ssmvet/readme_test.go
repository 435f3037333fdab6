package main_test

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// readmeRecipe returns the lines of the README's ```sh block that runs go
// vet -vettool, without comment lines.
func readmeRecipe(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	var block []string
	in := false
	sc := bufio.NewScanner(strings.NewReader(string(b)))
	for sc.Scan() {
		line := sc.Text()
		switch {
		case !in && strings.TrimSpace(line) == "```sh":
			in, block = true, nil
		case in && strings.TrimSpace(line) == "```":
			in = false
			for _, l := range block {
				if strings.Contains(l, "go vet -vettool") {
					return block
				}
			}
		case in && strings.TrimSpace(line) != "" && !strings.HasPrefix(strings.TrimSpace(line), "#"):
			block = append(block, strings.TrimSpace(line))
		}
	}
	t.Fatal("README.md has no ```sh block with go vet -vettool")
	return nil
}

// The README's go vet recipe, run as written by sh, in a module whose Go
// package is in a subdirectory (app/) and whose Terraform is in infra/:
//
//	go install github.com/ssmlint/ssmlint/cmd/ssmvet@latest
//	go vet -vettool=$(go env GOPATH)/bin/ssmvet ./...
//	ssmlint --write-inventory inventory.json infra/
//	go vet -vettool=$(go env GOPATH)/bin/ssmvet -ssm601.inventory=inventory.json ./...
//
// The go install line cannot run offline (it fetches @latest): ssmvet is
// built from this tree into the GOPATH/bin the recipe names instead (the
// GOPATH is a temporary one, the module cache the usual one). ssmlint is
// on the PATH, also built from this tree. Every go vet, ssmlint and ssmvet
// line runs from the module root; the go vet lines run again from app/, as
// a user in the package's directory would: the relative inventory is the
// module root's in both cases. A go vet line with an inventory must report
// the SecureString read without decryption, one without must pass, and no
// line may warn or fail otherwise.
func TestREADMEGoVetRecipe(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the recipe is a POSIX shell one")
	}
	recipe := readmeRecipe(t)
	gomodcache, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	env := []string{
		"GOPATH=" + gopath,
		"GOMODCACHE=" + strings.TrimSpace(string(gomodcache)),
		"PATH=" + filepath.Join(gopath, "bin") + string(os.PathListSeparator) + os.Getenv("PATH"),
	}
	// The module: testdata/crosslang with its Terraform in infra/.
	module := func(t *testing.T) string {
		dir := crossLang(t)
		if err := os.Rename(filepath.Join(dir, "terraform"), filepath.Join(dir, "infra")); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	const finding = `GetParameter reads "/app/db/dsn" without WithDecryption, so a SecureString comes back encrypted: declared SecureString by aws_ssm_parameter.dsn at infra/main.tf:8`
	check := func(t *testing.T, dir, line string) {
		t.Helper()
		out, ok := run(t, dir, env, "sh", "-c", line)
		rel, _ := filepath.Rel(filepath.Dir(dir), dir)
		switch {
		case strings.HasPrefix(line, "go vet") && strings.Contains(line, "inventory"):
			if ok || !strings.Contains(out, finding) {
				t.Errorf("in %s: %s\nexit 0: %v, output:\n%s\nwant the SSM601 finding", rel, line, ok, out)
			}
		case !ok:
			t.Errorf("in %s: %s\nfailed:\n%s", rel, line, out)
		}
		if strings.Contains(out, "warning") {
			t.Errorf("in %s: %s\nwarns:\n%s", rel, line, out)
		}
	}
	ran := 0
	root := module(t)
	for _, line := range recipe {
		switch {
		case strings.HasPrefix(line, "go install "):
			// Replaced by the build into $GOPATH/bin (see above).
		case strings.HasPrefix(line, "go vet "), strings.HasPrefix(line, "ssmlint "):
			check(t, root, line)
			ran++
		case strings.HasPrefix(line, "ssmvet "):
			check(t, root, line)
			if strings.Contains(line, "-fix") {
				src, err := os.ReadFile(filepath.Join(root, "app", "config.go"))
				if err != nil || !strings.Contains(string(src), "WithDecryption: aws.Bool(true)") {
					t.Errorf("%s did not fix app/config.go (%v):\n%s", line, err, src)
				}
			}
			ran++
		default:
			t.Logf("not run: %s", line)
		}
	}
	// From the package's directory.
	sub := module(t)
	for _, line := range recipe {
		if strings.HasPrefix(line, "ssmlint ") {
			check(t, sub, line)
		}
	}
	for _, line := range recipe {
		if strings.HasPrefix(line, "go vet ") {
			check(t, filepath.Join(sub, "app"), line)
			ran++
		}
	}
	if ran < 4 {
		t.Errorf("ran %d lines of the recipe:\n%s\nwant its go vet lines, twice, and the ssmlint one", ran, strings.Join(recipe, "\n"))
	}
}

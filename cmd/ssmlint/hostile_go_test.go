//go:build unix

package main_test

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The hostile suite's Go cases: //line directives, symbolic links, cgo,
// --fix and the go vet child process. The Go code imports the analyzers'
// stub of aws-sdk-go-v2 through a local replace (stubModule): nothing is
// downloaded, and the analyzers match the stub by its import path.

// stubModule returns the files of module example.com/app, whose
// aws-sdk-go-v2 is the analyzers' stub in _sdk (a directory go ./...
// and ssmlint's walk leave out), plus app/app.go holding src.
func stubModule(t *testing.T, src string) map[string]string {
	t.Helper()
	files := map[string]string{
		"go.mod":      "module example.com/app\n\ngo 1.22\n\nrequire github.com/aws/aws-sdk-go-v2 v0.0.0\n\nreplace github.com/aws/aws-sdk-go-v2 => ./_sdk\n",
		"_sdk/go.mod": "module github.com/aws/aws-sdk-go-v2\n\ngo 1.22\n",
		"app/app.go":  src,
	}
	root := filepath.Join(repoRoot(t), "analyzers", "testdata", "src", "github.com", "aws", "aws-sdk-go-v2")
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, p)
		files["_sdk/"+filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// appHeader is app.go up to its functions (9 lines).
const appHeader = "package app\n\nimport (\n\t\"context\"\n\n\t\"github.com/aws/aws-sdk-go-v2/aws\"\n\t\"github.com/aws/aws-sdk-go-v2/service/ssm\"\n)\n\n"

// readCall is an SSM601 finding (a secret read without decryption) with
// a fix (add WithDecryption: aws.Bool(true)).
const readCall = "\tc.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(\"/app/db/password\")})\n"

// appWith is app.go with directive (a line, or "") right above readCall,
// which is then on line 12, or 13 with a directive.
func appWith(directive string) string {
	return appHeader + "// Password reads the database password.\nfunc Password(ctx context.Context, c *ssm.Client) {\n" + directive + readCall + "}\n"
}

// readColumn is the column of the SSM601 finding in readCall.
var readColumn = strings.Index(readCall, "ssm.GetParameterInput") + 1

// wantRead checks for the SSM601 finding at app/app.go:line, the real
// file and line.
func (r hostileRun) wantRead(t *testing.T, line int) {
	t.Helper()
	for _, f := range r.report.Findings {
		if f.Rule == "SSM601" && f.File == "app/app.go" && f.Line == line && f.Column == readColumn &&
			strings.Contains(f.Message, `GetParameter reads "/app/db/password" without WithDecryption`) {
			return
		}
	}
	t.Errorf("no SSM601 at app/app.go:%d:%d; findings %+v, errors %+v", line, readColumn, r.report.Findings, r.report.Errors)
}

// outsideGo writes a Go file of package app outside the repository whose
// code the analyzers flag, naming the marker: a finding or an error that
// quotes it fails runHostile. The file is in a directory of its own,
// beside outside (whose files unchanged checks hold only the marker).
func outsideGo(t *testing.T, outside string) string {
	t.Helper()
	dir := outside + "-go"
	src := appHeader + "func Linked(ctx context.Context, c *ssm.Client) {\n\tc.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(\"/" + outsideMarker + "/password\")})\n}\n"
	writeFile(t, dir, "linked.go", src)
	return filepath.Join(dir, "linked.go")
}

// sameBytes checks that file still holds want.
func sameBytes(t *testing.T, file string, want []byte) {
	t.Helper()
	got, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s was modified:\n%s", file, got)
	}
}

// A //line directive pointing outside the repository: the finding is at
// the real file and line, and --fix neither follows the directive nor
// edits a file whose positions a directive remaps.
func TestHostileGoLineDirectiveOutside(t *testing.T) {
	repo, outside := hostileRepo(t, stubModule(t, appWith("")))
	src := appWith("//line " + filepath.Join(outside, "secret.go") + ":5:1\n")
	writeFile(t, repo, "app/app.go", src)
	r := runHostile(t, repo, nil, "--format", "json", "--fix", ".")
	if r.code != 1 {
		t.Errorf("exit %d; want 1 (findings, no input error)\n%s", r.code, r.stderr)
	}
	r.wantRead(t, 13)
	r.wantGood(t)
	if !strings.Contains(r.stderr, "app/app.go: has //line directives") || !strings.Contains(r.stderr, "fixed 0 findings") {
		t.Errorf("stderr does not say why app.go was not fixed:\n%s", r.stderr)
	}
	for _, f := range r.report.Findings {
		if strings.Contains(f.File, "secret") {
			t.Errorf("a finding is at the //line directive's file: %+v", f)
		}
	}
	sameBytes(t, filepath.Join(repo, "app", "app.go"), []byte(src))
	unchanged(t, outside)
}

// `//line /etc/passwd:1:1`: no crash, the finding at the real position,
// and no line of /etc/passwd in the output.
func TestHostileGoLineDirectivePasswd(t *testing.T) {
	repo, outside := hostileRepo(t, stubModule(t, appWith("//line /etc/passwd:1:1\n")))
	r := runHostile(t, repo, nil, "--format", "json", ".")
	if r.code != 1 {
		t.Errorf("exit %d; want 1\n%s", r.code, r.stderr)
	}
	r.wantRead(t, 13)
	r.wantGood(t)
	// The text report quotes source lines: none may be /etc/passwd's.
	text := runHostile(t, repo, nil, ".")
	if b, err := os.ReadFile("/etc/passwd"); err == nil {
		first, _, _ := strings.Cut(string(b), "\n")
		if first != "" && strings.Contains(text.stdout+text.stderr+r.stdout, first) {
			t.Errorf("the output quotes /etc/passwd:\n%s", text.stdout)
		}
	}
	if !strings.Contains(text.stdout, readCall[1:len(readCall)-1]) {
		t.Errorf("the text report does not quote the real line:\n%s", text.stdout)
	}
	unchanged(t, outside)
}

// A .go file that is a symbolic link to Go code outside the repository:
// its findings (which would quote it) are not reported, --fix does not
// edit it, and the repository's own Go code is still checked and fixed.
func TestHostileGoSymlinkOutside(t *testing.T) {
	repo, outside := hostileRepo(t, stubModule(t, appWith("")))
	target := outsideGo(t, outside)
	before, err := os.ReadFile(target)
	if err != nil {
		t.Fatal(err)
	}
	symlink(t, target, filepath.Join(repo, "app", "linked.go"))
	r := runHostile(t, repo, nil, "--format", "json", "--fix", ".")
	if r.code != 2 {
		t.Errorf("exit %d; want 2 (the link is an input error)\n%s", r.code, r.stderr)
	}
	r.wantError(t, "app/linked.go", 1, "outside the repository")
	r.wantGood(t)
	for _, f := range r.report.Findings {
		if f.File == "app/linked.go" {
			t.Errorf("a finding in the linked file is reported: %+v", f)
		}
	}
	if !strings.Contains(r.stderr, "fixed 1 findings") {
		t.Errorf("the repository's own finding was not fixed:\n%s", r.stderr)
	}
	if b, _ := os.ReadFile(filepath.Join(repo, "app", "app.go")); !strings.Contains(string(b), "WithDecryption: aws.Bool(true)") {
		t.Errorf("app.go not fixed:\n%s", b)
	}
	sameBytes(t, target, before)
	unchanged(t, outside)
}

// A .go file linked to a non-Go file outside: the compiler's error quotes
// the file's first word; it is not reported.
func TestHostileGoSymlinkOutsideBuildError(t *testing.T) {
	repo, outside := hostileRepo(t, stubModule(t, appWith("")))
	symlink(t, filepath.Join(outside, "secret.go"), filepath.Join(repo, "app", "secret.go"))
	r := runHostile(t, repo, nil, "--format", "json", ".")
	if r.code != 2 {
		t.Errorf("exit %d; want 2\n%s", r.code, r.stderr)
	}
	r.wantError(t, "app/secret.go", 1, "outside the repository")
	r.wantGood(t)
	// The compiler quotes the first word: "expected 'package', found SSMLINT".
	if strings.Contains(r.stdout+r.stderr, outsideMarker[:len("SSMLINT")]) {
		t.Errorf("the compiler's error quoting the linked file is reported:\n%s", r.stdout)
	}
	unchanged(t, outside)
}

// A cgo file including a file outside the repository: cgo is off, so
// nothing is compiled or quoted, and the package's other files are still
// analysed.
func TestHostileGoCgoInclude(t *testing.T) {
	repo, outside := hostileRepo(t, stubModule(t, appWith("")))
	writeFile(t, repo, "app/cgo.go", "package app\n\n/*\n#include \""+filepath.Join(outside, "secret.txt")+"\"\n*/\nimport \"C\"\n\nvar X = C.int(1)\n")
	r := runHostile(t, repo, []string{"CGO_ENABLED=1"}, "--format", "json", ".")
	if r.code != 1 || len(r.report.Errors) != 0 {
		t.Errorf("exit %d, errors %+v; want 1 and none", r.code, r.report.Errors)
	}
	r.wantRead(t, 12)
	r.wantGood(t)
	unchanged(t, outside)
}

// --fix keeps CRLF line endings.
func TestHostileGoFixKeepsCRLF(t *testing.T) {
	src := strings.ReplaceAll(appWith(""), "\n", "\r\n")
	repo, outside := hostileRepo(t, stubModule(t, src))
	r := runHostile(t, repo, nil, "--format", "json", "--fix", ".")
	if r.code != 1 || !strings.Contains(r.stderr, "fixed 1 findings") {
		t.Fatalf("exit %d; want 1 (good.tf) and one fix\n%s", r.code, r.stderr)
	}
	r.wantGood(t)
	b, err := os.ReadFile(filepath.Join(repo, "app", "app.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte("WithDecryption: aws.Bool(true)")) {
		t.Errorf("not fixed:\n%s", b)
	}
	if lf, crlf := bytes.Count(b, []byte("\n")), bytes.Count(b, []byte("\r\n")); lf != crlf || bytes.Contains(b, []byte("\r\r")) {
		t.Errorf("%d line feeds, %d CRLFs; want all lines CRLF:\n%q", lf, crlf, b)
	}
	unchanged(t, outside)
}

// A fix whose write fails leaves the file byte-identical, is not counted
// as fixed, keeps its finding, and stderr says why.
func TestHostileGoFixWriteFails(t *testing.T) {
	for _, tc := range []struct {
		name  string
		file  string // under app/
		spoil func(t *testing.T, dir string)
	}{
		// The temporary file beside it cannot be created: the name
		// leaves no room for the temporary name (works as root too).
		{"temporary name too long", strings.Repeat("n", 240) + ".go", func(*testing.T, string) {}},
		{"read-only directory", "app.go", func(t *testing.T, dir string) {
			if os.Geteuid() == 0 {
				t.Skip("permissions do not bind root")
			}
			if err := os.Chmod(dir, 0o555); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() {
				if err := os.Chmod(dir, 0o755); err != nil {
					t.Error(err)
				}
			})
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := stubModule(t, appWith(""))
			delete(files, "app/app.go")
			files["app/"+tc.file] = appWith("")
			repo, outside := hostileRepo(t, files)
			dir := filepath.Join(repo, "app")
			tc.spoil(t, dir)
			r := runHostile(t, repo, nil, "--format", "json", "--fix", ".")
			if r.code != 1 {
				t.Errorf("exit %d; want 1\n%s", r.code, r.stderr)
			}
			r.wantGood(t)
			found := false
			for _, f := range r.report.Findings {
				found = found || f.Rule == "SSM601" && f.File == "app/"+tc.file
			}
			if !found {
				t.Errorf("the finding whose fix failed is not reported: %+v", r.report.Findings)
			}
			if !strings.Contains(r.stderr, "fixed 0 findings") || !strings.Contains(r.stderr, "not written") {
				t.Errorf("stderr does not say the fix was not written:\n%s", r.stderr)
			}
			sameBytes(t, filepath.Join(dir, tc.file), []byte(appWith("")))
			entries, _ := os.ReadDir(dir)
			if len(entries) != 1 {
				t.Errorf("%d entries left in app/; want the file alone", len(entries))
			}
			unchanged(t, outside)
		})
	}
}

// SIGINT to ssmlint while go vet runs stops go vet's whole process group
// (here a fake go that sleeps, with a child that ignores SIGINT), then
// ssmlint itself, within seconds.
func TestHostileGoInterruptStopsGoVet(t *testing.T) {
	repo, outside := hostileRepo(t, stubModule(t, appWith("")))
	bin := t.TempDir()
	pids := t.TempDir()
	// A shell's background job ignores SIGINT: only the group kill ends it.
	fake := "#!/bin/sh\necho $$ > " + filepath.Join(pids, "go.tmp") + "\nsleep 300 &\necho $! > " + filepath.Join(pids, "child") +
		"\nmv " + filepath.Join(pids, "go.tmp") + " " + filepath.Join(pids, "go") + "\nwait\n"
	if err := os.WriteFile(filepath.Join(bin, "go"), []byte(fake), 0o755); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), hostileBudget)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, "--format", "json", ".")
	cmd.Dir = repo
	cmd.Env = append(os.Environ(), "NO_COLOR=1", "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	goPid := waitPid(t, filepath.Join(pids, "go"))
	childPid := waitPid(t, filepath.Join(pids, "child"))
	start := time.Now()
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	took := time.Since(start)
	if ctx.Err() != nil {
		t.Fatalf("ssmlint did not stop on SIGINT within %v", hostileBudget)
	}
	var ee *exec.ExitError
	if !errors.As(err, &ee) {
		t.Fatalf("ssmlint exited with %v after SIGINT; want it killed by the signal", err)
	}
	if ws, ok := ee.Sys().(syscall.WaitStatus); ok && !(ws.Signaled() && ws.Signal() == syscall.SIGINT) && ws.ExitStatus() != 130 {
		t.Errorf("ssmlint ended with %v; want SIGINT", ee)
	}
	for _, bad := range []string{"panic:", "fatal error:", "goroutine "} {
		if strings.Contains(stderr.String(), bad) {
			t.Fatalf("ssmlint crashed:\n%s", stderr.String())
		}
	}
	for name, pid := range map[string]int{"the fake go": goPid, "its child": childPid} {
		if alive(pid) {
			t.Errorf("%s (pid %d) still runs after ssmlint stopped", name, pid)
			_ = syscall.Kill(pid, syscall.SIGKILL)
		}
	}
	if took > 10*time.Second {
		t.Errorf("stopping took %v; want a few seconds", took)
	}
	unchanged(t, outside)
}

// waitPid waits for a process to write its pid to file.
func waitPid(t *testing.T, file string) int {
	t.Helper()
	for deadline := time.Now().Add(hostileBudget); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if b, err := os.ReadFile(file); err == nil {
			if pid, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil {
				return pid
			}
		}
	}
	t.Fatalf("no pid in %s: go vet was not started", file)
	return 0
}

// alive reports whether a process runs (a zombie waiting to be reaped by
// a container's init does not count).
func alive(pid int) bool {
	if syscall.Kill(pid, 0) != nil {
		return false
	}
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return !os.IsNotExist(err)
	}
	i := bytes.LastIndexByte(b, ')')
	return i < 0 || i+2 >= len(b) || b[i+2] != 'Z'
}

// A go.mod replace (or a go.work use) naming a directory outside the
// repository: go vet would compile code from there and its errors could
// quote it, so the Go side does not run on that module; one error at the
// directive says so, and the Terraform is still checked.
func TestHostileGoReplaceOutside(t *testing.T) {
	for _, c := range []struct{ name, file, content string }{
		{"go.mod replace", "go.mod", "module example.com/app\n\ngo 1.22\n\nrequire github.com/aws/aws-sdk-go-v2 v0.0.0\n\nreplace github.com/aws/aws-sdk-go-v2 => ../outside-sdk\n"},
		{"go.work use", "go.work", "go 1.22\n\nuse (\n\t.\n\t../outside-sdk\n)\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			files := stubModule(t, appWith(""))
			files[c.file] = c.content
			repo, outside := hostileRepo(t, files)
			writeFile(t, filepath.Join(outside, "..", "outside-sdk"), "go.mod", "module github.com/aws/aws-sdk-go-v2\n\ngo 1.22\n\n// "+outsideMarker+"\n")
			r := runHostile(t, repo, nil, "--format", "json", ".")
			if r.code != 2 {
				t.Errorf("exit %d, want 2", r.code)
			}
			line := strings.Count(c.content[:strings.Index(c.content, "../outside-sdk")], "\n") + 1
			r.wantError(t, c.file, line, "leads outside the repository")
			r.wantGood(t)
			unchanged(t, outside)
		})
	}
}

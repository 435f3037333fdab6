//go:build unix

package gocheck

import (
	"os"
	"os/exec"
	"syscall"
)

// ownGroup starts cmd in a process group of its own, so that stopping it
// stops everything it started (the compiler, the vet tool) and a signal
// from the terminal reaches only ssmlint, which then decides.
func ownGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
}

// interruptGroup asks the process group led by p to stop: SIGINT, on
// which the go command removes its temporary work directory.
func interruptGroup(p *os.Process) {
	_ = syscall.Kill(-p.Pid, syscall.SIGINT)
}

// killGroup kills what is left of the process group led by p.
func killGroup(p *os.Process) {
	_ = syscall.Kill(-p.Pid, syscall.SIGKILL)
}

//go:build !unix

package gocheck

import (
	"os"
	"os/exec"
)

// ownGroup does nothing where there are no process groups.
func ownGroup(*exec.Cmd) {}

// interruptGroup kills p: without process groups, there is nothing
// gentler that reaches its children.
func interruptGroup(p *os.Process) { _ = p.Kill() }

// killGroup kills p.
func killGroup(p *os.Process) { _ = p.Kill() }

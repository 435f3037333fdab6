package main

import (
	"runtime"
	"testing"
)

// TestMemoryLimit: on Linux the limit is half of the memory the process
// may use, never a fixed figure below what a large scan needs.
func TestMemoryLimit(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc and /sys/fs/cgroup")
	}
	limit, total := memoryLimit(), memTotal()
	if total <= 0 {
		t.Fatal("no MemTotal in /proc/meminfo")
	}
	if limit <= 0 || limit > total/2 {
		t.Errorf("limit %d, want in (0, %d]", limit, total/2)
	}
	if c := cgroupLimit(); c > 0 && limit > c/2 {
		t.Errorf("limit %d over half the cgroup's %d", limit, c)
	}
}

package main

import (
	"bufio"
	"bytes"
	"os"
	"strconv"
	"strings"
)

// memoryLimit is the soft memory limit for the garbage collector: half
// the memory the process may use (the cgroup's limit in a container, else
// the machine's), or 0 when that cannot be told. It is a guard against
// running out of memory, not a target: a fixed limit below what a large
// scan needs made the collector run without pause and the scan miss its
// deadline, so the same input passed on one machine and failed on
// another.
func memoryLimit() int64 {
	avail := cgroupLimit()
	if total := memTotal(); total > 0 && (avail <= 0 || total < avail) {
		avail = total
	}
	return avail / 2
}

// cgroupLimit reads the memory limit of the process's cgroup (v2, then
// v1); 0 when there is none.
func cgroupLimit() int64 {
	for _, p := range []string{"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"} {
		b, err := readSmall(p)
		if err != nil {
			continue
		}
		s := strings.TrimSpace(string(b))
		if n, err := strconv.ParseInt(s, 10, 64); err == nil && n > 0 && n < 1<<60 {
			return n
		}
	}
	return 0
}

// memTotal is MemTotal from /proc/meminfo, in bytes; 0 elsewhere.
func memTotal() int64 {
	b, err := readSmall("/proc/meminfo")
	if err != nil {
		return 0
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) >= 2 && f[0] == "MemTotal:" {
			if kb, err := strconv.ParseInt(f[1], 10, 64); err == nil {
				return kb << 10
			}
		}
	}
	return 0
}

// readSmall reads a small system file (kernel files report no size).
func readSmall(p string) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := make([]byte, 64<<10)
	n, err := f.Read(buf)
	if n > 0 {
		return buf[:n], nil
	}
	return nil, err
}

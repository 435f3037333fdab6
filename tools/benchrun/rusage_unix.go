//go:build unix

package main

import (
	"os"
	"runtime"
	"syscall"
)

// maxRSSKB is the child's peak resident set size in KB (ru_maxrss: KB on
// Linux and the BSDs, bytes on macOS).
func maxRSSKB(ps *os.ProcessState) int64 {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok || ru == nil {
		return 0
	}
	if runtime.GOOS == "darwin" || runtime.GOOS == "ios" {
		return int64(ru.Maxrss) / 1024 //nolint:unconvert // Maxrss is int32 on some platforms
	}
	return int64(ru.Maxrss) //nolint:unconvert // Maxrss is int32 on some platforms
}

//go:build unix

package safefs

import "syscall"

// nonBlock opens without blocking on a FIFO.
const nonBlock = syscall.O_NONBLOCK

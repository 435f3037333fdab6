//go:build race

package suppress

// slowdown scales time bounds in tests: the race detector makes code
// several times slower.
const slowdown = 8

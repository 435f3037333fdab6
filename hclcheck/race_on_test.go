//go:build race

package hclcheck

// raceSlowdown scales time bounds in tests: the race detector makes code
// several times slower (and make test runs it on two busy cores).
const raceSlowdown = 8

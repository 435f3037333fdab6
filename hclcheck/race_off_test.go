//go:build !race

package hclcheck

// raceSlowdown scales time bounds in tests (see race_on_test.go).
const raceSlowdown = 1

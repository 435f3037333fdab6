// Package ignoreonly is what the golangci-lint plugin suppresses itself:
// //ssmlint:ignore only, since golangci-lint applies //nolint.
package ignoreonly

func read() {}

func F() {
	read() // want "read call"
	read() //ssmlint:ignore SSM601 -- decrypted by the sidecar
	read() //nolint:ssmlint // want "read call"
	read() //nolint // want "read call"
}

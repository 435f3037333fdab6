// Package every is suppressed with every directive (ssmvet, go vet).
package every

func read() {}

func F() {
	read() // want "read call"
	read() //ssmlint:ignore SSM601 -- decrypted by the sidecar

	//ssmlint:ignore SSM601 -- the whole statement
	func() {
		read()
	}()

	read() //ssmlint:ignore SSM602 -- another rule // want "read call"
	read() //ssmlint:ignore SSM601 // want "read call"
	read() //nolint:ssmlint
	read() //nolint
	read() //nolint:all
	//nolint:errcheck,ssmlint // the statement below
	read()
	read() //nolint:errcheck // want "read call"
	read() //nolint:ssm601 // want "read call"
}

//nolint:ssmlint // the whole function
func G() {
	read()
	read()
}

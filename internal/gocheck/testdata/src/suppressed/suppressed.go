package suppressed

func f() {}

func F() {
	f() // want "call"
	f() //nolint:ssmlint // want "call"
}

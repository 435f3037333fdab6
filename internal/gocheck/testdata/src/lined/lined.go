package lined

func f() {}

func g() {
//line /elsewhere/other.go:40:1
	f() // want `call`
}

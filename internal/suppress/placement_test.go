package suppress

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// stackedHCL is n directives on lines of their own above a resource with
// one attribute that has a trailing directive. (200,000 is 5.8 MB, under
// the default file size cap.)
func stackedHCL(n int) string {
	return strings.Repeat("# ssmlint:ignore SSM201 -- r\n", n) +
		"resource \"aws_ssm_parameter\" \"p\" {\n  name = \"/x\" # ssmlint:ignore SSM202 -- r\n}\n"
}

// Placing 200,000 stacked suppression comments was quadratic in HCL (40,000
// took 30 s, 200,000 never finished) and cubic in Go (10,000 took 7
// minutes). Now it is linear: most of the time left is HCL's lexer.
func TestPlacementIsLinear(t *testing.T) {
	const n = 200_000
	const limit = 5 * time.Second * slowdown
	start := time.Now()
	fi := parse(stackedHCL(n))
	if el := time.Since(start); el > limit {
		t.Errorf("placing %d comments took %v", n, el)
	}
	if fi.Len() != n+1 {
		t.Fatalf("Len = %d, want %d", fi.Len(), n+1)
	}
	if !fi.Match("SSM201", n+1) || !fi.Match("SSM202", n+2) || fi.Match("SSM201", n+2) {
		t.Error("the stacked comments must apply to the resource line, the trailing one to its own")
	}
	if u := fi.Unused(nil); len(u) != 0 {
		t.Errorf("%d unused, want none", len(u))
	}

	goSrc := "package p\n\n" + strings.Repeat("//ssmlint:ignore SSM601 -- r\n", n) + "func F() {}\n"
	start = time.Now()
	gi := ParseGo("f.go", []byte(goSrc))
	if el := time.Since(start); el > limit {
		t.Errorf("placing %d Go comments took %v", n, el)
	}
	if gi.Len() != n || !gi.Match("SSM601", n+3) {
		t.Errorf("Go: Len = %d; the comments must apply to func F on line %d", gi.Len(), n+3)
	}
}

// The placer agrees with the direct reading of the rule (walk down past
// comment lines) on random files of code, comment and blank lines.
func TestPlacementMatchesDefinition(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		last := 1 + r.IntN(30)
		code, comment := map[int]bool{}, map[int]bool{}
		for l := 1; l <= last; l++ {
			switch r.IntN(4) {
			case 0:
				code[l] = true
			case 1:
				comment[l] = true
			case 2:
				code[l], comment[l] = true, true
			}
		}
		pl := newPlacer(code, func(l int) bool { return comment[l] }, last)
		for _, l := range r.Perm(last) {
			line := l + 1
			if !comment[line] {
				continue
			}
			d := &directive{rules: []*ruleRef{{id: "SSM201"}}}
			got, gotBlank := pl.target(d, line), d.rules[0].blank
			want, wantBlank := placeByDefinition(code, comment, last, line)
			if got != want || gotBlank != wantBlank {
				t.Fatalf("code %v comment %v last %d: directive on line %d placed at %d (blank %v), want %d (blank %v)",
					code, comment, last, line, got, gotBlank, want, wantBlank)
			}
		}
	}
}

// placeByDefinition is the placement rule read directly (quadratic when
// comments are stacked).
func placeByDefinition(code, comment map[int]bool, last, line int) (int, bool) {
	if code[line] {
		return line, false
	}
	line++
	for line <= last && comment[line] && !code[line] {
		line++
	}
	if !code[line] {
		return 0, line <= last
	}
	return line, false
}

func BenchmarkPlacement(b *testing.B) {
	src := []byte(stackedHCL(20_000))
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		parseHCL("main.tf", src, testLookup)
	}
}

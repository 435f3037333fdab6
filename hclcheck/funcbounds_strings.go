package hclcheck

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/zclconf/go-cty/cty"
)

// Bounds of the string functions: indent, strrev, join, split, regexall,
// format, formatlist, replace (see funcbounds.go).

func checkIndent(args []cty.Value) error {
	sp, ok := plain(args[0])
	s, sok := plainString(args[1])
	if !ok || !sok || sp.Type() != cty.Number {
		return nil
	}
	spaces, _ := sp.AsBigFloat().Int64()
	if spaces <= 0 || int64(len(s)) <= maxValueBytes/(spaces+1) {
		return nil // even with a line break per byte it fits
	}
	lines := int64(strings.Count(s, "\n"))
	if lines > 0 && spaces > (maxValueBytes-int64(len(s)))/lines {
		return errTooManyBytes
	}
	return nil
}

// checkStringArg refuses a string argument i whose result, up to factor
// times its size, would be over the bound.
func checkStringArg(i int, factor int64) argCheck {
	return func(args []cty.Value) error {
		if s, ok := plainString(args[i]); ok && int64(len(s)) > maxValueBytes/factor {
			return errTooManyBytes
		}
		return nil
	}
}

func checkJoin(args []cty.Value) error {
	sep, _ := plainString(args[0])
	var size, n int64
	for _, list := range args[1:] {
		list, ok := plain(list)
		if !ok || !list.CanIterateElements() {
			continue
		}
		for it := list.ElementIterator(); it.Next(); {
			_, e := it.Element()
			if s, ok := plainString(e); ok {
				size += int64(len(s))
			}
			if n++; n > 1 {
				size += int64(len(sep))
			}
			if size > maxValueBytes {
				return errTooManyBytes
			}
		}
	}
	return nil
}

func checkSplit(args []cty.Value) error {
	sep, ok := plainString(args[0])
	s, sok := plainString(args[1])
	if !ok || !sok {
		return nil
	}
	if int64(len(s))/int64(max(len(sep), 1)) < maxElements {
		return nil
	}
	n := strings.Count(s, sep) + 1
	if sep == "" {
		n = utf8.RuneCountInString(s)
	}
	if n > maxElements {
		return errTooManyElements
	}
	return nil
}

// checkRegexAll counts the matches (up to the bound) of a string long
// enough to have more.
func checkRegexAll(args []cty.Value) error {
	pat, ok := plainString(args[0])
	s, sok := plainString(args[1])
	if !ok || !sok || len(s) < maxElements {
		return nil
	}
	re, err := regexp.Compile(pat)
	if err != nil {
		return nil // the function reports it
	}
	if len(re.FindAllStringIndex(s, maxElements+1)) > maxElements {
		return errTooManyElements
	}
	return nil
}

// checkFormat bounds format() and formatlist(): each verb prints at most
// its width or precision, or the largest argument (any verb may print any
// argument: "%[1]s%[1]s"), and formatlist does it once per element.
func checkFormat(list bool) argCheck {
	return func(args []cty.Value) error {
		f, ok := plainString(args[0])
		if !ok {
			return nil
		}
		verbs, widest, ok := formatVerbs(f)
		if !ok {
			return &limitError{"characters in a format width", maxFormatWidth}
		}
		quoted := strings.ContainsRune(f, 'q')
		rows, arg := int64(1), int64(0)
		for _, a := range args[1:] {
			a, ok := plain(a)
			if !ok {
				continue
			}
			if ty := a.Type(); list && (ty.IsListType() || ty.IsTupleType()) {
				rows = max(rows, int64(a.LengthInt()))
				for it := a.ElementIterator(); it.Next(); {
					_, e := it.Element()
					n, err := formatArgSize(e, quoted)
					if err != nil {
						return err
					}
					arg = max(arg, n)
				}
				continue
			}
			n, err := formatArgSize(a, quoted)
			if err != nil {
				return err
			}
			arg = max(arg, n)
		}
		if rows > maxElements {
			return errTooManyElements
		}
		if per := int64(len(f)) + verbs*(widest+arg); per > maxValueBytes/rows {
			return errTooManyBytes
		}
		return nil
	}
}

// formatVerbs counts the verbs of a format string and finds the widest
// width or precision (cty's order: flags, width, precision, then an
// argument index); ok is false when one is over maxFormatWidth. A "%%" is
// counted as a verb: an over-estimate.
func formatVerbs(f string) (verbs, widest int64, ok bool) {
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			continue
		}
		verbs++
		i++
		for i < len(f) && strings.IndexByte("-+# 0", f[i]) >= 0 {
			i++
		}
		for part := 0; part < 2; part++ { // width, then precision
			if part == 1 {
				if i >= len(f) || f[i] != '.' {
					break
				}
				i++
			}
			n := int64(0)
			for ; i < len(f) && f[i] >= '0' && f[i] <= '9'; i++ {
				if n = n*10 + int64(f[i]-'0'); n > maxFormatWidth {
					return 0, 0, false
				}
			}
			widest = max(widest, n)
		}
		i-- // the loop steps over the verb's letter or the next '%'
	}
	return verbs, widest, true
}

// formatArgSize bounds the size of v printed by a format verb: a string
// as is or quoted (%q), anything else as JSON (%v).
func formatArgSize(v cty.Value, quoted bool) (int64, error) {
	if s, ok := plainString(v); ok {
		if quoted {
			return 6*int64(len(s)) + 2, nil
		}
		return int64(len(s)), nil
	}
	return encodedSize(v)
}

// checkReplace bounds replace() with a plain substring: the result grows by
// the difference in length per occurrence.
func checkReplace(s, sub, rep string) error {
	grow := int64(len(rep) - len(sub))
	if grow <= 0 {
		return nil
	}
	most := int64(len(s))/int64(max(len(sub), 1)) + 1 // occurrences at most
	if int64(len(s))+most*grow <= maxValueBytes {
		return nil
	}
	n := int64(strings.Count(s, sub))
	if n > (maxValueBytes-int64(len(s)))/grow {
		return errTooManyBytes
	}
	return nil
}

// checkRegexpReplace bounds replace() with a regular expression: each
// match is replaced by rep, whose "$1" references each expand to at most
// the match. When the quick bound (a match at every byte) is over, the
// matches are walked one by one, without building anything, and the walk
// stops as soon as the result would be over the bound.
func checkRegexpReplace(re *regexp.Regexp, s, rep string) error {
	refs := int64(strings.Count(rep, "$"))
	n, matched := int64(len(s))+1, int64(len(s))
	if int64(len(s))+n*int64(len(rep))+refs*matched <= maxValueBytes {
		return nil
	}
	size := int64(len(s))
	for at := 0; at <= len(s); {
		loc := re.FindStringIndex(s[at:])
		if loc == nil {
			break
		}
		m := int64(loc[1] - loc[0])
		size += int64(len(rep)) + refs*m - m
		if size > maxValueBytes {
			return errTooManyBytes
		}
		if loc[1] == loc[0] {
			at += loc[1] + 1 // an empty match: go on from the next byte
		} else {
			at += loc[1]
		}
	}
	return nil
}

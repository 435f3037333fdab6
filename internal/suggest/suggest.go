// Package suggest finds the likely intended word for a typo: an option
// name in a config file, a tag value in a Terraform stack.
package suggest

import "strings"

// Nearest returns the candidate closest to s by edit distance, if it is
// close enough to be a likely typo, else "".
func Nearest(s string, candidates []string) string {
	best, bestDist := "", -1
	for _, c := range candidates {
		d := editDistance(s, c)
		if bestDist < 0 || d < bestDist {
			best, bestDist = c, d
		}
	}
	limit := len(s) / 3
	if limit < 1 {
		limit = 1
	}
	if bestDist < 0 || bestDist > limit {
		return ""
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, over bytes
// (keys and option names are ASCII).
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// Related returns the candidate closest to s as a typo (Nearest), or else
// the first candidate equal to s but for case, or of which s is a prefix
// or which is a prefix of s ("prod" for "production"), or "".
func Related(s string, candidates []string) string {
	if n := Nearest(s, candidates); n != "" {
		return n
	}
	ls := strings.ToLower(s)
	for _, c := range candidates {
		lc := strings.ToLower(c)
		if lc == "" || ls == "" {
			continue
		}
		if lc == ls || strings.HasPrefix(lc, ls) || strings.HasPrefix(ls, lc) {
			return c
		}
	}
	return ""
}

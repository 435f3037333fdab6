package config

import (
	"errors"
	"path"
	"path/filepath"
	"strings"
)

// globPattern is a compiled exclude pattern: slash-separated segments,
// each a path.Match pattern, where a segment "**" matches any number of
// path segments (including none).
type globPattern struct {
	segs []string
}

// compileGlob validates an exclude pattern. Patterns are relative to the
// configuration file's directory: no leading "/", no ".." segments.
func compileGlob(p string) (globPattern, error) {
	if strings.TrimSpace(p) == "" {
		return globPattern{}, errors.New("empty exclude pattern")
	}
	if strings.HasPrefix(p, "/") || filepath.IsAbs(p) {
		return globPattern{}, errors.New("exclude pattern must be relative to the configuration file's directory, not absolute")
	}
	p = strings.TrimPrefix(p, "./")
	p = strings.TrimSuffix(p, "/")
	var segs []string
	for _, s := range strings.Split(p, "/") {
		switch s {
		case "", ".":
			continue
		case "..":
			return globPattern{}, errors.New(`exclude pattern must not contain ".." (it cannot match anything below the configuration file's directory)`)
		case "**":
			if len(segs) > 0 && segs[len(segs)-1] == "**" {
				continue // "**/**" is "**"
			}
		default:
			if _, err := path.Match(s, ""); err != nil {
				return globPattern{}, errors.New("malformed pattern segment " + quote(s) + " (unclosed [ or trailing \\)")
			}
		}
		segs = append(segs, s)
	}
	if len(segs) == 0 {
		return globPattern{}, errors.New("exclude pattern matches nothing")
	}
	return globPattern{segs: segs}, nil
}

// pathSegments splits a relative path into its cleaned, slash-separated
// segments. It reports false for absolute paths and paths that leave the
// directory they are relative to.
func pathSegments(rel string) ([]string, bool) {
	if filepath.IsAbs(rel) || strings.HasPrefix(rel, "/") {
		return nil, false
	}
	rel = path.Clean(filepath.ToSlash(rel))
	if rel == "." {
		return nil, true
	}
	if rel == ".." || strings.HasPrefix(rel, "../") {
		return nil, false
	}
	return strings.Split(rel, "/"), true
}

// matchesOrContains reports whether the pattern matches the path or one
// of its ancestor directories.
func (g globPattern) matchesOrContains(segs []string) bool {
	for n := 1; n <= len(segs); n++ {
		if g.match(segs[:n]) {
			return true
		}
	}
	return len(segs) == 0 && g.match(nil)
}

// match reports whether the pattern matches exactly the given segments.
// It runs in O(len(pattern) * len(path)) time, so stacked "**" segments
// cannot make it exponential.
func (g globPattern) match(path []string) bool {
	// ok[j] reports whether the pattern suffix from the current position
	// matches path[j:]; computed from the last pattern segment backwards.
	next := make([]bool, len(path)+1)
	next[len(path)] = true
	cur := make([]bool, len(path)+1)
	for i := len(g.segs) - 1; i >= 0; i-- {
		seg := g.segs[i]
		if seg == "**" {
			cur[len(path)] = next[len(path)]
			for j := len(path) - 1; j >= 0; j-- {
				cur[j] = next[j] || cur[j+1]
			}
		} else {
			cur[len(path)] = false
			for j := len(path) - 1; j >= 0; j-- {
				cur[j] = next[j+1] && segMatch(seg, path[j])
			}
		}
		next, cur = cur, next
	}
	return next[0]
}

func segMatch(pattern, name string) bool {
	ok, err := path.Match(pattern, name)
	return err == nil && ok
}

package report

import (
	"net/url"
	"path"
	"path/filepath"
	"strings"
)

// The machine formats (json, sarif, github, checkstyle, codeclimate,
// junit) name files relative to the repository root, so that a scan run
// from a subdirectory names the same files as one run from the root:
//
//   - with Input.Root set, a file inside it is written root-relative and
//     slash-separated, Input.PathPrefix joined in front; a file outside it
//     (the loader's boundary should make that impossible) keeps its
//     cleaned absolute path, without the prefix;
//   - with Root empty, files are relative to Input.WorkDir as before the
//     repository root existed, "../x.tf" included, the prefix joined in
//     front of the paths that stay below WorkDir.
//
// Fingerprints use the root-relative path without the prefix, so that a
// baseline, a code scanning alert or a Code Quality issue keeps its
// identity whatever prefix an upload uses.

// repoPath is how a machine format names a file: its location relative to
// the repository, and whether the prefix applies to it.
type repoPath struct {
	rel    string // root-relative (or WorkDir-relative) slash path; absolute when outside
	inside bool   // rel is relative and below the root
}

// locate finds file relative to the root (or, without one, to WorkDir).
func (in *Input) locate(file string) repoPath {
	if file == "" {
		return repoPath{}
	}
	if in.Root == "" {
		rel := relPath(in.WorkDir, file)
		return repoPath{rel: rel, inside: isBelow(rel)}
	}
	abs := file
	if !filepath.IsAbs(abs) && filepath.IsAbs(in.WorkDir) {
		abs = filepath.Join(in.WorkDir, abs) // engines name files as given, from the working directory
	}
	abs = filepath.Clean(abs)
	if filepath.IsAbs(abs) == filepath.IsAbs(in.Root) {
		if rel, err := filepath.Rel(in.Root, abs); err == nil && filepath.IsLocal(rel) {
			return repoPath{rel: filepath.ToSlash(rel), inside: true}
		}
	}
	return repoPath{rel: filepath.ToSlash(abs)}
}

// isBelow reports whether a slash path is relative and does not climb out
// of its base.
func isBelow(rel string) bool {
	return rel != "" && !path.IsAbs(rel) && rel != ".." && !strings.HasPrefix(rel, "../") &&
		!filepath.IsAbs(filepath.FromSlash(rel))
}

// machinePath is the path a machine format writes for file: root-relative
// with the prefix in front, or absolute for a file outside the root.
func (in *Input) machinePath(file string) string {
	return in.withPrefix(in.locate(file))
}

// withPrefix joins the cleaned PathPrefix in front of a path below the
// root.
func (in *Input) withPrefix(p repoPath) string {
	prefix := cleanPrefix(in.PathPrefix)
	if !p.inside || prefix == "" {
		return p.rel
	}
	return path.Join(prefix, p.rel)
}

// fingerprintPath is the path fingerprints are computed from: the
// root-relative path without the prefix (absolute outside the root).
func (in *Input) fingerprintPath(file string) string {
	return in.locate(file).rel
}

// cleanPrefix makes a --path-prefix value a clean relative slash path, ""
// for none: backslashes become slashes, "./", duplicate and trailing
// slashes go, and it cannot be absolute or climb above the repository it
// names a directory of.
func cleanPrefix(prefix string) string {
	p := strings.ReplaceAll(prefix, `\`, "/")
	p = strings.Trim(path.Clean("/"+p), "/")
	return p
}

// base is the directory machine paths are relative to: Root, else WorkDir.
func (in *Input) base() string {
	if in.Root != "" {
		return in.Root
	}
	return in.WorkDir
}

// dirURI is the file URI of an absolute directory, with a trailing slash
// so that relative references resolve inside it; "" for a relative or
// empty one.
func dirURI(dir string) string {
	if dir == "" || !filepath.IsAbs(dir) {
		return ""
	}
	p := filepath.ToSlash(filepath.Clean(dir))
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive: file:///C:/...
	}
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

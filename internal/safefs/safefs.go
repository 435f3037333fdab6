// Package safefs is the one gate through which ssmlint reads and writes
// files. ssmlint runs on untrusted pull requests, so:
//
//   - a file is read only when its real path (symbolic links resolved) is
//     inside the repository boundary and it is a regular file, checked on
//     the open file itself, so that a FIFO, a device or a link swapped in
//     between cannot block or leak; reads are capped, and memory grows
//     with what is read, never with the size a file claims;
//   - a file is written atomically: a temporary file in the same
//     directory, synced and renamed over the target, keeping the target's
//     mode, so a failed write leaves the old content whole;
//   - errors name paths, never content.
package safefs

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Gate reads files inside one boundary.
type Gate struct {
	// Boundary is an absolute directory with symbolic links resolved;
	// nothing outside it is read. Empty means no boundary (paths the user
	// gave on the command line).
	Boundary string
}

// OutsideError is the error for a path that leads out of the boundary.
type OutsideError struct {
	Path     string // as given
	Real     string // where it leads
	Boundary string
}

func (e *OutsideError) Error() string {
	if e.Real != "" && e.Real != e.Path {
		return fmt.Sprintf("%s leads to %s, outside the repository (%s); not read", e.Path, e.Real, e.Boundary)
	}
	return fmt.Sprintf("%s is outside the repository (%s); not read", e.Path, e.Boundary)
}

// NotRegularError is the error for a path that is not a regular file.
type NotRegularError struct {
	Path string
	Mode fs.FileMode
}

func (e *NotRegularError) Error() string {
	return fmt.Sprintf("%s is not a regular file (%s); not read", e.Path, e.Kind())
}

// Kind names what the path is instead: "a FIFO", "a directory", ….
func (e *NotRegularError) Kind() string { return kind(e.Mode) }

// TooLargeError is the error for a file over the size cap.
type TooLargeError struct {
	Path      string
	Size, Cap int64 // Size is 0 when the file grew past the cap while read
}

func (e *TooLargeError) Error() string {
	if e.Size > 0 {
		return fmt.Sprintf("file is %s, over the %s size cap; not scanned (raise max_file_size to scan it)", HumanBytes(e.Size), HumanBytes(e.Cap))
	}
	return fmt.Sprintf("file is over the %s size cap; not scanned", HumanBytes(e.Cap))
}

func kind(m fs.FileMode) string {
	switch {
	case m&fs.ModeDir != 0:
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case m&fs.ModeDevice != 0 || m&fs.ModeCharDevice != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	}
	return "not a plain file"
}

// Within reports whether p is root or below it (both absolute and clean).
func Within(root, p string) bool {
	if root == "" || p == root {
		return true
	}
	r := root
	if !strings.HasSuffix(r, string(filepath.Separator)) {
		r += string(filepath.Separator)
	}
	return strings.HasPrefix(p, r)
}

// RealPath is the absolute path with symbolic links resolved as far as
// they resolve.
func RealPath(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		abs = p
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real
	}
	return abs
}

// Resolve returns the real path of p when it is inside the boundary.
func (g Gate) Resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return "", err
	}
	if !Within(g.Boundary, real) {
		return "", &OutsideError{Path: p, Real: real, Boundary: g.Boundary}
	}
	return real, nil
}

// ReadFile reads a regular file inside the boundary, at most max bytes
// (a larger file is a *TooLargeError).
func (g Gate) ReadFile(p string, max int64) ([]byte, error) {
	f, err := g.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readCapped(f, p, max)
}

// Open opens a regular file inside the boundary for reading.
func (g Gate) Open(p string) (*os.File, error) {
	real := p
	if g.Boundary != "" {
		// Without a boundary (a path the user gave, or one the caller
		// checked) there is nothing to resolve: Stat follows the links.
		var err error
		if real, err = g.Resolve(p); err != nil {
			return nil, err
		}
	}
	fi, err := os.Stat(real)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, &NotRegularError{Path: p, Mode: fi.Mode()}
	}
	// Non-blocking, so that a FIFO swapped in after the check cannot
	// block; the open file is checked again.
	f, err := os.OpenFile(real, os.O_RDONLY|nonBlock, 0)
	if err != nil {
		return nil, err
	}
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() {
		f.Close()
		if err != nil {
			return nil, err
		}
		return nil, &NotRegularError{Path: p, Mode: fi.Mode()}
	}
	return f, nil
}

// readCapped reads f up to max bytes. The buffer starts at the size the
// file claims, bounded by the cap and by a first chunk, and grows with
// what is actually read: a sparse file claiming a terabyte costs nothing
// until read.
func readCapped(f *os.File, p string, max int64) ([]byte, error) {
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if fi.Size() > max {
		return nil, &TooLargeError{Path: p, Size: fi.Size(), Cap: max}
	}
	const chunk = 4 << 20
	buf := make([]byte, 0, min(fi.Size(), chunk)+1)
	for {
		if int64(len(buf)) > max {
			return nil, &TooLargeError{Path: p, Cap: max}
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		want := min(int64(cap(buf)), max+1)
		n, err := f.Read(buf[len(buf):want])
		buf = buf[:len(buf)+n]
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if int64(len(buf)) > max {
		return nil, &TooLargeError{Path: p, Cap: max}
	}
	return buf, nil
}

// WriteFile writes data to path atomically: a temporary file in the same
// directory, synced, given the mode of the file it replaces (perm for a
// new file), then renamed over path. On any failure path is unchanged.
// A path that is a symbolic link is written where it leads.
func WriteFile(path string, data []byte, perm fs.FileMode) error {
	target := path
	if real, err := filepath.EvalSymlinks(path); err == nil {
		target = real
	}
	if fi, err := os.Stat(target); err == nil {
		if !fi.Mode().IsRegular() {
			return &NotRegularError{Path: path, Mode: fi.Mode()}
		}
		perm = fi.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".ssmlint-*")
	if err != nil {
		return err
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return err
	}
	if err := tmp.Chmod(perm); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return err
	}
	done = true
	return nil
}

// Problem says why a file (a "configuration", a "baseline") was not read,
// without its path (the caller's error names it) and without its content.
func Problem(what string, err error) string {
	var outside *OutsideError
	var notRegular *NotRegularError
	var tooLarge *TooLargeError
	var pe *fs.PathError
	switch {
	case errors.As(err, &outside):
		return fmt.Sprintf("%s not read: it leads to %s, outside the repository (%s)", what, outside.Real, outside.Boundary)
	case errors.As(err, &notRegular):
		return fmt.Sprintf("%s not read: it is not a regular file (%s)", what, notRegular.Kind())
	case errors.As(err, &tooLarge):
		return fmt.Sprintf("%s file is larger than %d bytes", what, tooLarge.Cap)
	case errors.As(err, &pe):
		return fmt.Sprintf("cannot read %s: %v", what, pe.Err)
	}
	return fmt.Sprintf("cannot read %s: %v", what, err)
}

// HumanBytes formats a size: 12 bytes, 3.4 KB, 10.0 MB.
func HumanBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

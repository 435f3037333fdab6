package config

import (
	"cmp"
	"errors"
	"slices"
	"strconv"
)

// Error is a problem with the configuration file at a position. Line and
// Column are 1-based; a zero Column means the YAML parser did not report
// one, and a zero Line means the problem concerns the whole file (it could
// not be read, for instance).
type Error struct {
	File    string
	Line    int
	Column  int
	Message string
	// Err is the underlying error, if any (e.g. a *fs.PathError when the
	// file could not be read), so that errors.Is(err, fs.ErrNotExist) works.
	Err error
}

// Error formats the problem as "file:line:col: message", leaving out the
// parts of the position that are unknown.
func (e *Error) Error() string {
	s := e.File
	if e.Line > 0 {
		s += ":" + strconv.Itoa(e.Line)
		if e.Column > 0 {
			s += ":" + strconv.Itoa(e.Column)
		}
	}
	if s == "" {
		return e.Message
	}
	return s + ": " + e.Message
}

// Unwrap returns the underlying error, if any.
func (e *Error) Unwrap() error { return e.Err }

// Positions returns every *Error inside err, which Load and Parse build
// with errors.Join, in file, line and column order. It returns nil when err
// is nil or holds no *Error.
func Positions(err error) []*Error {
	var out []*Error
	var walk func(error)
	walk = func(err error) {
		if err == nil {
			return
		}
		if e, ok := err.(*Error); ok { //nolint:errorlint // walking the join tree by hand; errors.As would stop at the first
			out = append(out, e)
			return
		}
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			for _, inner := range j.Unwrap() {
				walk(inner)
			}
			return
		}
		var e *Error
		if errors.As(err, &e) {
			out = append(out, e)
		}
	}
	walk(err)
	sortErrors(out)
	return out
}

func sortErrors(es []*Error) {
	slices.SortStableFunc(es, func(a, b *Error) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Column, b.Column),
		)
	})
}

// joinErrors sorts the errors by position and joins them; nil when empty.
func joinErrors(es []*Error) error {
	if len(es) == 0 {
		return nil
	}
	sortErrors(es)
	errs := make([]error, len(es))
	for i, e := range es {
		errs[i] = e
	}
	return errors.Join(errs...)
}

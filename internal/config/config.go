// Package config reads the ssmlint configuration file, .ssmlint.yml.
//
// The file is versioned and decoded strictly: an unknown key, rule, option
// or value of the wrong type is an error that names the file, line and
// column. A nil *Config is valid and behaves as the defaults, so callers
// need not special-case a missing file.
//
//	version: 1
//	fail_on: warning
//	max_file_size: 10MB
//	exclude: ["examples/legacy/**", "**/*_test.tf"]
//	variables: {region: eu-west-1}
//	all_instances_managed: false
//	default_host_management: false
//	package_roles: {"example.com/app/cmd/api": aws_iam_role.api}
//	consumers: {aws_iam_role.api: ["/app/db/password", "/app/config/*"]}
//	go: true
//	rules:
//	  SSM201: {enabled: false}
//	  SSM402: {severity: error, options: {max_approve_after_days: 7}}
package config

import (
	"os"
	"path/filepath"

	"github.com/ssmlint/ssmlint/internal/safefs"
	"github.com/ssmlint/ssmlint/rules"
)

// fileNames are the names Find looks for, in order of preference.
var fileNames = [...]string{".ssmlint.yml", ".ssmlint.yaml"}

// Version is the configuration schema version this package reads.
const Version = 1

// DefaultMaxFileSize is the size above which input files are not read, when
// the configuration does not set max_file_size: 10 MiB.
const DefaultMaxFileSize int64 = 10 << 20

// MaxFileSizeBound is the largest max_file_size a configuration may set:
// 256 MiB. ssmlint holds each file it reads in memory, so a larger cap
// would let one file (a sparse file claiming a terabyte, say) decide how
// much memory a run takes.
const MaxFileSizeBound int64 = 256 << 20

// MaxConfigSize is the largest configuration file Load and Parse accept:
// 1 MiB. A configuration never needs more, and the cap bounds the work an
// untrusted file can cause.
const MaxConfigSize = 1 << 20

// Config is a decoded configuration file. The zero value and a nil pointer
// are the defaults.
type Config struct {
	// File is the path the configuration was read from ("" for defaults).
	File string
	// Dir is the directory of File; exclude patterns are relative to it.
	Dir string
	// Version is the schema version (1).
	Version int
	// FailOn is the severity at or above which the run fails; zero when
	// the file does not set fail_on (the CLI's default applies).
	FailOn rules.Severity
	// MaxFileSize is the size cap in bytes for input files; zero when not
	// set. Use FileSizeLimit for the effective value.
	MaxFileSize int64
	// Exclude holds the exclude patterns as written, after validation.
	Exclude []string
	// Variables are Terraform variable values applied to root modules, as
	// with --var. Values are string, int, float64, bool, nil, []any or
	// map[string]any.
	Variables map[string]any
	// AllInstancesManaged says every instance is meant to be SSM-managed
	// (RULES.md, "meant to be SSM-managed").
	AllInstancesManaged bool
	// DefaultHostManagement says the account turns on Default Host
	// Management Configuration, which manages instances without an
	// instance profile (SSM106 stays silent).
	DefaultHostManagement bool
	// PackageRoles maps a Go package path (a pattern ending in "/..."
	// covers the packages below it) to the Terraform address of the IAM
	// role that the package's code runs as (SSM206).
	PackageRoles map[string]string
	// Consumers maps the Terraform address of a role to the parameters its
	// application reads: names, or paths ending in "/*" (SSM206).
	Consumers map[string][]string
	// SkipGo is set by "go: false": the Go side (the SSM6xx analyzers,
	// which build the Go code with go vet) does not run.
	SkipGo bool
	// Rules holds per-rule settings keyed by rule ID (names in the file
	// are resolved to IDs).
	Rules map[string]RuleConfig

	exclude []globPattern
}

// RuleConfig is the configuration of one rule.
type RuleConfig struct {
	// Enabled is nil when the file does not say.
	Enabled *bool
	// Severity is the override, or zero.
	Severity rules.Severity
	// Options holds configured option values, each of the Go type of the
	// option's default (int, float64, string, bool or []string).
	Options map[string]any
}

// Find looks for .ssmlint.yml, then .ssmlint.yaml, in startDir and each of
// its parents up to the filesystem root, and returns the first regular file
// found.
func Find(startDir string) (path string, ok bool) {
	dir, err := filepath.Abs(startDir)
	if err != nil {
		return "", false
	}
	for {
		for _, name := range fileNames {
			p := filepath.Join(dir, name)
			if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
				return p, true
			}
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}

// FindWithin looks for .ssmlint.yml, then .ssmlint.yaml, in startDir and
// each of its parents up to boundary (the repository boundary, absolute
// with symbolic links resolved), and returns the first that exists and is
// not a directory. The search works on real paths and never looks above
// boundary. What it returns may be a symbolic link, a FIFO or a device:
// Load, reading through the gate, refuses those with an error, so that a
// configuration planted as a link out of the repository is reported, not
// silently ignored or read.
func FindWithin(startDir, boundary string) (path string, ok bool) {
	dir := safefs.RealPath(startDir)
	if boundary != "" && !safefs.Within(boundary, dir) {
		return "", false
	}
	for {
		for _, name := range fileNames {
			p := filepath.Join(dir, name)
			if fi, err := os.Lstat(p); err == nil && !fi.IsDir() {
				return p, true
			}
		}
		parent := filepath.Dir(dir)
		if dir == boundary || parent == dir {
			return "", false
		}
		dir = parent
	}
}

// LoadOptions say how Load reads a configuration file.
type LoadOptions struct {
	// Gate is what the file is read through: the repository boundary for
	// a file found by FindWithin or named inside the repository, no
	// boundary for a file the user named outside it. Either way only a
	// regular file is read, and at most MaxConfigSize bytes.
	Gate safefs.Gate
	// Private says the file lies outside the repository: its errors keep
	// their positions but quote nothing of its content.
	Private bool
}

// Load reads and decodes the configuration file at path through the gate
// of opt. Errors are *Error values joined with errors.Join; see
// Positions. An error about a file that could not be read names the file,
// never its content.
func Load(path string, opt LoadOptions) (*Config, error) {
	data, err := opt.Gate.ReadFile(path, MaxConfigSize)
	if err != nil {
		return nil, &Error{File: path, Message: readProblem(err), Err: err}
	}
	cfg, err := Parse(path, data)
	if err != nil && opt.Private {
		return nil, redact(err)
	}
	return cfg, err
}

// readProblem says why a configuration file was not read, without
// repeating its path (Error names it) and without its content.
func readProblem(err error) string { return safefs.Problem("configuration", err) }

// redact keeps the positions of a configuration's errors and drops their
// messages, which may quote the file.
func redact(err error) error {
	es := Positions(err)
	if len(es) == 0 {
		return &Error{Message: "invalid configuration (the file is outside the repository; its content is not quoted)"}
	}
	out := make([]*Error, len(es))
	for i, e := range es {
		out[i] = &Error{File: e.File, Line: e.Line, Column: e.Column,
			Message: "invalid configuration (the file is outside the repository; its content is not quoted)"}
	}
	return joinErrors(out)
}

// Parse decodes a configuration file's contents; filename is used in
// errors and to anchor exclude patterns. Rule IDs and names are resolved
// with rules.Lookup.
func Parse(filename string, data []byte) (*Config, error) {
	return parse(filename, data, rules.Lookup)
}

// FileSizeLimit returns the size cap for input files in bytes, never
// above MaxFileSizeBound.
func (c *Config) FileSizeLimit() int64 {
	if c == nil || c.MaxFileSize <= 0 {
		return DefaultMaxFileSize
	}
	return min(c.MaxFileSize, MaxFileSizeBound)
}

// rule returns the configuration of r, if any.
func (c *Config) rule(r *rules.Rule) (RuleConfig, bool) {
	if c == nil || r == nil {
		return RuleConfig{}, false
	}
	rc, ok := c.Rules[r.ID]
	return rc, ok
}

// RuleEnabled reports whether r runs: the configured enabled value, or def
// when the file does not set one.
func (c *Config) RuleEnabled(r *rules.Rule, def bool) bool {
	if rc, ok := c.rule(r); ok && rc.Enabled != nil {
		return *rc.Enabled
	}
	return def
}

// Severity returns the configured severity of r, or its catalog severity.
func (c *Config) Severity(r *rules.Rule) rules.Severity {
	if rc, ok := c.rule(r); ok && rc.Severity != 0 {
		return rc.Severity
	}
	if r == nil {
		return 0
	}
	return r.Severity
}

// Option returns the configured value of r's option name, or the option's
// default from the catalog (nil for an option r does not have). A
// configured value always has the Go type of the default.
func (c *Config) Option(r *rules.Rule, name string) any {
	if rc, ok := c.rule(r); ok {
		if v, ok := rc.Options[name]; ok {
			return v
		}
	}
	if r == nil {
		return nil
	}
	return r.OptionDefault(name)
}

// OptionInt returns Option(r, name) if it is an int, else 0.
func (c *Config) OptionInt(r *rules.Rule, name string) int {
	v, _ := c.Option(r, name).(int)
	return v
}

// OptionFloat returns Option(r, name) if it is a float64 or an int, else 0.
func (c *Config) OptionFloat(r *rules.Rule, name string) float64 {
	switch v := c.Option(r, name).(type) {
	case float64:
		return v
	case int:
		return float64(v)
	}
	return 0
}

// OptionString returns Option(r, name) if it is a string, else "".
func (c *Config) OptionString(r *rules.Rule, name string) string {
	v, _ := c.Option(r, name).(string)
	return v
}

// OptionBool returns Option(r, name) if it is a bool, else false.
func (c *Config) OptionBool(r *rules.Rule, name string) bool {
	v, _ := c.Option(r, name).(bool)
	return v
}

// OptionStrings returns Option(r, name) if it is a []string, else nil.
// The caller must not modify the result.
func (c *Config) OptionStrings(r *rules.Rule, name string) []string {
	v, _ := c.Option(r, name).([]string)
	return v
}

// Excluded reports whether relPath, a path relative to the configuration
// file's directory (slash- or OS-separated), matches an exclude pattern, or
// lies below a directory that does. Paths outside that directory are never
// excluded.
func (c *Config) Excluded(relPath string) bool {
	if c == nil || len(c.exclude) == 0 {
		return false
	}
	segs, ok := pathSegments(relPath)
	if !ok {
		return false
	}
	for _, g := range c.exclude {
		if g.matchesOrContains(segs) {
			return true
		}
	}
	return false
}

// ExcludedPath is Excluded for a path that is absolute or relative to the
// working directory: it is first made relative to the configuration
// file's directory.
func (c *Config) ExcludedPath(path string) bool {
	if c == nil || len(c.exclude) == 0 {
		return false
	}
	dir, err := filepath.Abs(c.Dir)
	if err != nil {
		return false
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(dir, abs)
	if err != nil {
		return false
	}
	return c.Excluded(rel)
}

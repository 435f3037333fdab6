package plugin

import (
	"os"
	"path/filepath"
	"strings"
)

// golangci-lint hands a module plugin its settings and nothing else: not
// the path of the configuration file they come from (its ${config-path}
// placeholder is expanded only in some built-in linters' settings). So the
// plugin finds that file as golangci-lint v2 does (pkg/config's loader):
//
//   - the file given with -c/--config on golangci-lint's command line;
//   - else the first directory holding .golangci.{json,toml,yaml,yml}, in
//     that order of extensions, among: the working directory, the
//     directory of the first path argument (./... when none) and each of
//     its parents, the home directory.
//
// The first path argument is taken to be the first argument after the
// subcommand that does not start with "-" and is a pattern ("…/...") or
// an existing path: a flag's separate value ("--timeout 5m") is neither.
// Editors run golangci-lint in a package's directory with the
// configuration found above it, which this finds.

// configExts are the configuration files' extensions, in the order
// golangci-lint (through viper) tries them.
var configExts = []string{"json", "toml", "yaml", "yml"}

// configDir returns the directory of the golangci-lint configuration that
// the command line args (os.Args) name or that golangci-lint finds from
// the working directory wd, or wd when there is none.
func configDir(args []string, wd, home string) string {
	if file, ok := configFlag(args); ok {
		if file == "" || file == "-" || file == os.Stdin.Name() {
			return wd // no file (--no-config), or read from stdin
		}
		if strings.HasPrefix(file, "~/") && home != "" {
			file = filepath.Join(home, file[2:])
		}
		if !filepath.IsAbs(file) {
			file = filepath.Join(wd, file)
		}
		return filepath.Dir(file)
	}
	dirs := []string{wd}
	start := firstPathArg(args, wd)
	if !filepath.IsAbs(start) {
		start = filepath.Join(wd, start)
	}
	if fi, err := os.Stat(start); err != nil || !fi.IsDir() {
		start = filepath.Dir(start)
	}
	for d := start; ; d = filepath.Dir(d) {
		dirs = append(dirs, d)
		if filepath.Dir(d) == d {
			break
		}
	}
	if home != "" {
		dirs = append(dirs, home)
	}
	for _, d := range dirs {
		for _, ext := range configExts {
			if fi, err := os.Stat(filepath.Join(d, ".golangci."+ext)); err == nil && !fi.IsDir() {
				return d
			}
		}
	}
	return wd
}

// configFlag returns the value of -c/--config in args, and whether one
// was given ("" with --no-config).
func configFlag(args []string) (string, bool) {
	file, given := "", false
	for i := 1; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return file, given
		case a == "--no-config":
			file, given = "", true
		case a == "-c" || a == "--config":
			if i+1 < len(args) {
				file, given = args[i+1], true
				i++
			}
		case strings.HasPrefix(a, "--config="):
			file, given = strings.TrimPrefix(a, "--config="), true
		case strings.HasPrefix(a, "-c="):
			file, given = strings.TrimPrefix(a, "-c="), true
		case strings.HasPrefix(a, "-c") && !strings.HasPrefix(a, "--"):
			file, given = strings.TrimPrefix(a, "-c"), true
		}
	}
	return file, given
}

// firstPathArg is the first path argument of the command line (see
// above), "./..." when there is none.
func firstPathArg(args []string, wd string) string {
	sub := false
	for i := 1; i < len(args); i++ {
		a := args[i]
		if !sub && a == "run" {
			sub = true // the subcommand
			continue
		}
		if a == "--" {
			if i+1 < len(args) {
				return args[i+1]
			}
			break
		}
		if strings.HasPrefix(a, "-") {
			continue
		}
		if strings.HasSuffix(a, "...") {
			return a
		}
		p := a
		if !filepath.IsAbs(p) {
			p = filepath.Join(wd, p)
		}
		if _, err := os.Stat(p); err == nil {
			return a
		}
	}
	return "./..."
}

// Command ruledocgen writes the rule documentation generated from the
// catalog (`make generate` runs it):
//
//	go -C tools run ./ruledocgen [-out DIR]
//
// DIR defaults to ../docs/rules, the repository's docs/rules when run from
// tools/ as above. It writes one SSMnnn.md page per rule and README.md, and removes rule
// pages in the directory whose rule no longer exists. Other files in the
// directory are left alone.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/ssmlint/ssmlint/internal/ruledoc"
	"github.com/ssmlint/ssmlint/rules"
)

func main() {
	out := flag.String("out", "../docs/rules", "directory to write the rule documentation to")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: ruledocgen [-out DIR]")
		os.Exit(2)
	}
	if err := generate(*out, ruledoc.Files(rules.All())); err != nil {
		fmt.Fprintln(os.Stderr, "ruledocgen:", err)
		os.Exit(1)
	}
}

// generate makes dir hold exactly the given generated files: it writes
// those that differ and removes generated files not among them.
func generate(dir string, files map[string][]byte) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		name := e.Name()
		if _, keep := files[name]; keep || e.IsDir() || !ruledoc.IsGenerated(name) {
			continue
		}
		if err := os.Remove(filepath.Join(dir, name)); err != nil {
			return err
		}
		fmt.Printf("removed %s\n", filepath.Join(dir, name))
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		path := filepath.Join(dir, name)
		old, err := os.ReadFile(path)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		if err == nil && bytes.Equal(old, files[name]) {
			continue
		}
		if err := os.WriteFile(path, files[name], 0o644); err != nil {
			return err
		}
		fmt.Printf("wrote %s\n", path)
	}
	return nil
}

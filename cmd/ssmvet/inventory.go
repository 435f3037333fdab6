package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/ssmlint/ssmlint/analyzers/ssm601"
)

// inventoryFlags are the analyzer flags that name the inventory; they set
// the one inventory SSM601 and SSM607 share.
var inventoryFlags = map[string]bool{"ssm601.inventory": true, "ssm607.inventory": true}

// loadInventory takes the inventory flags out of args, reads the inventory
// they name (the last one given) into the analyzers' shared inventory, and
// returns the other arguments. A relative path is relative to the module
// root under go vet (args end with the vet config of one package), else to
// the working directory. When the inventory cannot be read, a warning goes
// to stderr and the analyzers run without one; under go vet the warning is
// given only where the package is reported on and imports an SSM client,
// not once for each of its dependencies.
func loadInventory(args []string, stderr io.Writer) []string {
	var rest []string
	path, given := "", false
	for i := 0; i < len(args); i++ {
		name, value, hasValue := splitFlag(args[i])
		if !inventoryFlags[name] {
			rest = append(rest, args[i])
			continue
		}
		if !hasValue {
			if i+1 == len(args) {
				rest = append(rest, args[i]) // the flag package says what is wrong
				continue
			}
			i++
			value = args[i]
		}
		path, given = value, true
	}
	if !given || path == "" {
		return rest
	}
	vet := readVetConfig(rest)
	if vet != nil && !filepath.IsAbs(path) {
		path = filepath.Join(moduleRoot(vet.Dir), path)
	}
	_ = ssm601.Inventory.Set(path)
	if _, err := ssm601.Inventory.Get(); err != nil {
		ssm601.Inventory.Use(nil)
		if vet == nil || vet.reported() {
			fmt.Fprintf(stderr, "%s: warning: %v; SSM601 and SSM607 run without the Terraform inventory\n", filepath.Base(os.Args[0]), err)
		}
	}
	return rest
}

// splitFlag reads "-name=value", "--name=value", "-name" and "--name".
func splitFlag(arg string) (name, value string, hasValue bool) {
	if !strings.HasPrefix(arg, "-") {
		return "", "", false
	}
	name = strings.TrimPrefix(strings.TrimPrefix(arg, "-"), "-")
	name, value, hasValue = strings.Cut(name, "=")
	return name, value, hasValue
}

// vetConfig is what ssmvet reads of the configuration go vet writes for
// the package it hands the tool (cmd/go's vetConfig).
type vetConfig struct {
	Dir       string            // the package's directory
	ImportMap map[string]string // import path in the source -> package path
	VetxOnly  bool              // a dependency: facts only, nothing reported
}

// readVetConfig reads the vet configuration that ends args, or returns
// nil when ssmvet does not run under go vet. A configuration that cannot
// be read is taken for a package in the working directory: go vet starts
// the tool there.
func readVetConfig(args []string) *vetConfig {
	if len(args) == 0 || !strings.HasSuffix(args[len(args)-1], ".cfg") || strings.HasPrefix(args[len(args)-1], "-") {
		return nil
	}
	cfg := &vetConfig{}
	if b, err := os.ReadFile(args[len(args)-1]); err == nil {
		_ = json.Unmarshal(b, cfg)
	}
	if cfg.Dir == "" {
		cfg.Dir, _ = os.Getwd()
	}
	return cfg
}

// reported reports whether go vet reports on the package and it imports
// an SSM client of the AWS SDK (v1 or v2).
func (c *vetConfig) reported() bool {
	if c.VetxOnly {
		return false
	}
	for path := range c.ImportMap {
		if strings.HasSuffix(path, "/service/ssm") && strings.HasPrefix(path, "github.com/aws/aws-sdk-go") {
			return true
		}
	}
	return false
}

// moduleRoot is the directory of the go.mod governing dir, or dir when
// there is none.
func moduleRoot(dir string) string {
	for d := dir; ; d = filepath.Dir(d) {
		if fi, err := os.Stat(filepath.Join(d, "go.mod")); err == nil && fi.Mode().IsRegular() {
			return d
		}
		if filepath.Dir(d) == d {
			return dir
		}
	}
}

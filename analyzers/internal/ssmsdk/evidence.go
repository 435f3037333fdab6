package ssmsdk

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/ssmlint/ssmlint/internal/inventory"
	"github.com/ssmlint/ssmlint/internal/safefs"
	"github.com/ssmlint/ssmlint/internal/secretname"
)

// Inventory is the Terraform parameter inventory given to an analyzer
// with -inventory=FILE, read once per process.
type Inventory struct {
	mu     sync.Mutex
	path   string
	loaded bool
	inv    *inventory.Inventory
	err    error
}

// Set is flag.Value's Set: the file to read.
func (i *Inventory) Set(path string) error {
	i.mu.Lock()
	defer i.mu.Unlock()
	i.path, i.loaded, i.inv, i.err = path, false, nil, nil
	return nil
}

// String is flag.Value's String.
func (i *Inventory) String() string {
	if i == nil {
		return ""
	}
	return i.path
}

// maxInventorySize caps an inventory file.
const maxInventorySize = 64 << 20

// Use sets an inventory already in memory (the CLI's own Terraform scan).
func (i *Inventory) Use(inv *inventory.Inventory) {
	i.mu.Lock()
	defer i.mu.Unlock()
	i.path, i.loaded, i.inv, i.err = "", true, inv, nil
}

// Get returns the inventory, nil when none was given. An unreadable file
// is an error.
func (i *Inventory) Get() (*inventory.Inventory, error) {
	i.mu.Lock()
	defer i.mu.Unlock()
	if !i.loaded {
		i.loaded = true
		if i.path != "" {
			// A path the user gave: a regular file, capped.
			b, err := safefs.Gate{}.ReadFile(i.path, maxInventorySize)
			if err != nil {
				i.err = fmt.Errorf("-inventory %s: %s", i.path, safefs.Problem("inventory", err))
			} else {
				i.inv, i.err = inventory.Read(bytes.NewReader(b))
			}
		}
	}
	return i.inv, i.err
}

// Evidence says why a parameter name is taken for a SecureString.
type Evidence struct {
	Name   string // the parameter name (or, for a path, one under it)
	Reason string // "declared SecureString at main.tf:12", …
}

// SecureEvidence tells whether a parameter name is known to be a
// SecureString: declared so in the Terraform inventory, put as one by this
// package (puts maps names to where), or marked as a secret by its name.
// With path true the name is a hierarchy and the question is about the
// parameters under it.
func SecureEvidence(inv *inventory.Inventory, puts map[string]string, name string, path bool, extraWords ...string) (Evidence, bool) {
	under := func(n string) bool {
		if !path {
			return n == name
		}
		p := strings.TrimSuffix(name, "/")
		return n == p || strings.HasPrefix(n, p+"/")
	}
	if inv != nil {
		for _, p := range inv.Parameters {
			if p.Type == "SecureString" && under(p.Name) {
				return Evidence{Name: p.Name, Reason: fmt.Sprintf("declared SecureString by %s at %s:%d", p.Address, p.File, p.Line)}, true
			}
		}
	}
	var found []string
	for n := range puts {
		if under(n) {
			found = append(found, n)
		}
	}
	if len(found) > 0 {
		slices.Sort(found) // the same evidence every run
		return Evidence{Name: found[0], Reason: "put as SecureString at " + puts[found[0]]}, true
	}
	if !path {
		if w := secretname.Match(name, extraWords...); w != "" {
			return Evidence{Name: name, Reason: fmt.Sprintf("its name marks a secret (%q)", w)}, true
		}
	}
	return Evidence{}, false
}

func shortFile(path string) string {
	if i := strings.LastIndexAny(path, `/\`); i >= 0 {
		return path[i+1:]
	}
	return path
}

// SecurePuts finds the PutParameter calls of the package that store a
// constant name as a SecureString: name -> "file.go:12".
func SecurePuts(pass *analysis.Pass, pkg *Package) map[string]string {
	out := map[string]string{}
	vals := pkg.Values()
	for _, r := range pkg.Reads("PutParameter") {
		typ, _ := r.In.Set("Type")
		name, _ := r.In.Set("Name")
		if typ == nil || name == nil {
			continue
		}
		t, ok1 := vals.String(typ)
		s, ok2 := vals.String(name)
		if ok1 && ok2 && t == "SecureString" {
			if _, seen := out[s]; !seen {
				p := pass.Fset.Position(r.Expr.Pos())
				out[s] = fmt.Sprintf("%s:%d", shortFile(p.Filename), p.Line)
			}
		}
	}
	return out
}

// Words is a comma-separated list flag (extra secret words).
type Words []string

// Set is flag.Value's Set.
func (w *Words) Set(s string) error {
	*w = nil
	for _, x := range strings.Split(s, ",") {
		if x = strings.TrimSpace(x); x != "" {
			*w = append(*w, strings.ToLower(x))
		}
	}
	return nil
}

// String is flag.Value's String.
func (w *Words) String() string {
	if w == nil {
		return ""
	}
	return strings.Join(*w, ",")
}

// Package inventory is the list of SSM parameters a Terraform scan found:
// name, type, tier, KMS key and where each is declared. The Go analyzers
// read it (as JSON) to know which names are SecureStrings and which exist.
package inventory

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
)

// Version is the format version written in the JSON.
const Version = 1

// Parameter is one aws_ssm_parameter instance. Fields that could not be
// evaluated are empty.
type Parameter struct {
	Address string `json:"address"`
	Name    string `json:"name,omitempty"`
	Type    string `json:"type,omitempty"`
	Tier    string `json:"tier,omitempty"`
	// KeyID is the KMS key as written (an alias, an ARN, a key ID), or ""
	// for the default key alias/aws/ssm or when unknown.
	KeyID string `json:"key_id,omitempty"`
	// CustomerKey is true when the key is a customer-managed key (declared
	// in the stack, or a key other than alias/aws/ssm).
	CustomerKey bool `json:"customer_key,omitempty"`
	// The block's position: 1-based, end exclusive.
	File      string `json:"file"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"end_line"`
	EndColumn int    `json:"end_column"`
}

// Inventory is the document written to disk.
type Inventory struct {
	Version    int         `json:"version"`
	Parameters []Parameter `json:"parameters"`
}

// New returns an inventory of the parameters, sorted by file, line and
// address, without duplicates (a shared module's parameter declared once
// but seen from several roots is listed once per address).
func New(ps []Parameter) *Inventory {
	out := slices.Clone(ps)
	slices.SortFunc(out, func(a, b Parameter) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Address, b.Address), cmp.Compare(a.Name, b.Name))
	})
	out = slices.Compact(out)
	if out == nil {
		out = []Parameter{}
	}
	return &Inventory{Version: Version, Parameters: out}
}

// Write writes the inventory as indented JSON.
func (inv *Inventory) Write(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(inv)
}

// Read reads an inventory, refusing unknown fields and other versions.
func Read(r io.Reader) (*Inventory, error) {
	dec := json.NewDecoder(io.LimitReader(r, 256<<20))
	dec.DisallowUnknownFields()
	var inv Inventory
	if err := dec.Decode(&inv); err != nil {
		return nil, fmt.Errorf("reading inventory: %w", err)
	}
	if inv.Version != Version {
		return nil, fmt.Errorf("inventory version %d, want %d", inv.Version, Version)
	}
	return &inv, nil
}

// SecureStrings returns the names of the SecureString parameters.
func (inv *Inventory) SecureStrings() map[string]bool {
	out := map[string]bool{}
	for _, p := range inv.Parameters {
		if p.Type == "SecureString" && p.Name != "" {
			out[p.Name] = true
		}
	}
	return out
}

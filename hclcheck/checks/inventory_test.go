package checks_test

import (
	"bytes"
	"path/filepath"
	"reflect"
	"sync"
	"testing"

	"github.com/ssmlint/ssmlint/hclcheck"
	"github.com/ssmlint/ssmlint/hclcheck/checks"
	"github.com/ssmlint/ssmlint/internal/fixture"
	"github.com/ssmlint/ssmlint/internal/inventory"
)

// The inventory lists every parameter of every fixture with its name,
// type, tier, key and range, and survives a JSON round trip.
func TestInventoryOfFixtures(t *testing.T) {
	root := filepath.Join("..", "..", "testdata", "terraform")
	names, err := fixture.Dirs(root)
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var all []inventory.Parameter
	declared := 0
	observe := func(c *hclcheck.Config) {
		ps := checks.Inventory(c)
		mu.Lock()
		all = append(all, ps...)
		declared += len(c.Resources("aws_ssm_parameter"))
		mu.Unlock()
	}
	for _, n := range names {
		hclcheck.Scan(filepath.Join(root, n), hclcheck.LoadOptions{}, hclcheck.EvalOptions{}, nil, hclcheck.Settings{Observe: observe})
	}
	if len(all) == 0 || len(all) != declared {
		t.Fatalf("inventory has %d parameters, the fixtures declare %d instances", len(all), declared)
	}
	withName, secure, customer := 0, 0, 0
	for _, p := range all {
		if p.Address == "" || p.File == "" || p.Line < 1 || p.Column < 1 || p.EndLine < p.Line {
			t.Errorf("parameter without a position: %+v", p)
		}
		if p.Tier == "" {
			t.Errorf("%s: no tier", p.Address)
		}
		if p.Name != "" {
			withName++
		}
		if p.Type == "SecureString" {
			secure++
		}
		if p.CustomerKey {
			customer++
		}
	}
	if withName < len(all)/2 || secure == 0 || customer == 0 {
		t.Errorf("inventory looks thin: %d of %d named, %d SecureString, %d with a customer key", withName, len(all), secure, customer)
	}
	inv := inventory.New(all)
	var buf bytes.Buffer
	if err := inv.Write(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := inventory.Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(inv, back) {
		t.Error("inventory does not survive a JSON round trip")
	}
	if _, err := inventory.Read(bytes.NewBufferString(`{"version": 1, "parameters": [], "extra": 1}`)); err == nil {
		t.Error("unknown fields must be refused")
	}
}

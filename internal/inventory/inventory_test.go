package inventory

import (
	"bytes"
	"strings"
	"testing"
)

func TestNewSortsAndDeduplicates(t *testing.T) {
	p := Parameter{Address: "module.a.aws_ssm_parameter.x", Name: "/a", Type: "SecureString", File: "m/main.tf", Line: 3, Column: 1, EndLine: 3, EndColumn: 20}
	q := Parameter{Address: "aws_ssm_parameter.y", Name: "/b", Type: "String", File: "a.tf", Line: 9, Column: 1, EndLine: 9, EndColumn: 20}
	inv := New([]Parameter{p, q, p})
	if len(inv.Parameters) != 2 || inv.Parameters[0].Address != q.Address {
		t.Fatalf("New = %+v", inv.Parameters)
	}
	if s := inv.SecureStrings(); !s["/a"] || s["/b"] {
		t.Errorf("SecureStrings = %v", s)
	}
	if New(nil).Parameters == nil {
		t.Error("an empty inventory must list [] (not null) parameters")
	}
}

func TestReadRefusesOtherVersions(t *testing.T) {
	var buf bytes.Buffer
	if err := (&Inventory{Version: 2, Parameters: []Parameter{}}).Write(&buf); err != nil {
		t.Fatal(err)
	}
	if _, err := Read(&buf); err == nil || !strings.Contains(err.Error(), "version 2") {
		t.Errorf("Read of version 2: %v", err)
	}
}

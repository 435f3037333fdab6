package hclcheck

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// TestJSONReferencePositions: references inside JSON strings point at
// their text in the file, escapes before them or not.
func TestJSONReferencePositions(t *testing.T) {
	src := []byte(`{
  "resource": {
    "aws_ssm_parameter": {
      "p": {
        "name": "\"quoted\" \u00e9\t${var.env}/x",
        "description": "line\nbreak ${local.what} \ud83d\ude00 ${upper(var.env)}",
        "value": "${aws_kms_key.k.arn}"
      }
    }
  }
}
`)
	f, diags := parseJSONConfig("main.tf.json", src)
	if diags.HasErrors() || f == nil {
		t.Fatalf("parse: %v", diags)
	}
	var seen []string
	_ = hclsyntax.VisitAll(f.Body, func(n hclsyntax.Node) hcl.Diagnostics {
		st, ok := n.(*hclsyntax.ScopeTraversalExpr)
		if !ok {
			return nil
		}
		r := st.Range()
		got := string(src[r.Start.Byte:r.End.Byte])
		seen = append(seen, got)
		// The column is the byte's column on its line (all ASCII before
		// it on these lines but for \u escapes, which are ASCII in the file).
		lineStart := strings.LastIndexByte(string(src[:r.Start.Byte]), '\n') + 1
		if col := r.Start.Byte - lineStart + 1; col != r.Start.Column {
			t.Errorf("%s: column %d, want %d", got, r.Start.Column, col)
		}
		if line := strings.Count(string(src[:r.Start.Byte]), "\n") + 1; line != r.Start.Line {
			t.Errorf("%s: line %d, want %d", got, r.Start.Line, line)
		}
		return nil
	})
	slices.Sort(seen) // attributes come in map order
	want := "aws_kms_key.k.arn local.what var.env var.env"
	if got := strings.Join(seen, " "); got != want {
		t.Errorf("references read at their ranges: %q, want %q", got, want)
	}
}

// TestJSONNestedBlocksCoverChecks: every nested block type a check reads
// with Body.Blocks is read as a block in JSON syntax too.
func TestJSONNestedBlocksCoverChecks(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("checks", "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatal("no checks found", err)
	}
	re := regexp.MustCompile(`Blocks\("([a-z_]+)"\)`)
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllSubmatch(b, -1) {
			if name := string(m[1]); !jsonNestedBlocks[name] {
				t.Errorf("%s reads nested %q blocks, which JSON syntax reads as an argument: add it to jsonNestedBlocks", file, name)
			}
		}
	}
}

// TestJSONTranslation: the shapes of Terraform's JSON syntax become the
// blocks and arguments of the native syntax.
func TestJSONTranslation(t *testing.T) {
	src := []byte(`{
  "//": "comment",
  "variable": {"env": {"type": "map(string)", "default": {"a": "${not.a.template}"}}},
  "resource": [
    {"aws_security_group": {"g": {
      "tags": {"Name": "x"},
      "ingress": [{"from_port": 22}, {"from_port": 443}],
      "dynamic": {"egress": {"for_each": "${var.e}", "iterator": "rule", "content": {"to_port": "${rule.value}"}}},
      "lifecycle": {"ignore_changes": ["tags"]},
      "provider": "aws.west"
    }}}
  ],
  "provider": {"aws": [{"region": "eu-west-1"}, {"alias": "west", "default_tags": {"tags": {"A": "b"}}}]}
}
`)
	f, diags := parseJSONConfig("main.tf.json", src)
	if diags.HasErrors() {
		t.Fatalf("parse: %v", diags)
	}
	var types []string
	for _, b := range f.Body.Blocks {
		types = append(types, b.Type+"/"+strings.Join(b.Labels, "."))
	}
	if got, want := strings.Join(types, " "), "variable/env resource/aws_security_group.g provider/aws provider/aws"; got != want {
		t.Fatalf("top-level blocks %q, want %q", got, want)
	}
	v := f.Body.Blocks[0].Body.Attributes["default"]
	if val, _ := v.Expr.Value(nil); val.GetAttr("a").AsString() != "${not.a.template}" {
		t.Errorf("variable default read as a template: %#v", val)
	}
	sg := f.Body.Blocks[1].Body
	if sg.Attributes["tags"] == nil {
		t.Error("tags is not an argument")
	}
	var nested []string
	for _, b := range sg.Blocks {
		nested = append(nested, b.Type+"/"+strings.Join(b.Labels, "."))
	}
	if got, want := strings.Join(nested, " "), "ingress/ ingress/ dynamic/egress lifecycle/"; got != want {
		t.Errorf("nested blocks %q, want %q", got, want)
	}
	if tr, d := hcl.AbsTraversalForExpr(sg.Attributes["provider"].Expr); d.HasErrors() || len(tr) != 2 {
		t.Errorf("provider is not a reference: %v", d)
	}
	if r := f.Body.Blocks[1].DefRange(); r.Start.Line != 5 || string(src[r.Start.Byte:r.End.Byte]) != `"g"` {
		t.Errorf("resource header at %v, want the name on line 5", r)
	}
	if len(f.Body.Blocks[3].Body.Blocks) != 1 || f.Body.Blocks[3].Body.Blocks[0].Type != "default_tags" {
		t.Errorf("provider default_tags not a block")
	}
}

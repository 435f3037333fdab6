package hclcheck

import (
	"strings"
	"testing"
)

// docSource declares what the documents below refer to.
const docSource = `
resource "aws_kms_key" "s" {}
resource "aws_cloudwatch_log_group" "g" {}
variable "env" {}
variable "bucket" {
  default = "logs"
}
locals {
  prefs = jsonencode({ inputs = { kmsKeyId = aws_kms_key.s.arn } })
}
`

// TestDocumentPlaceholders reads documents in each form with a computed
// leaf: the leaf is a placeholder naming the resource, at its position;
// known leaves are values.
func TestDocumentPlaceholders(t *testing.T) {
	for _, c := range []struct {
		name, format, content string
		files                 map[string]string
		// path to the leaf; want is the known value or "ref:ADDR" for a
		// placeholder naming ADDR, "pattern:P" for a placeholder whose
		// pattern is P (Unknown written as ?).
		path []string
		want string
		line int // the placeholder's line, when want is a placeholder
	}{
		{name: "jsonencode", content: `jsonencode({ inputs = {
  kmsKeyId = aws_kms_key.s.arn
  s3BucketName = var.bucket
} })`, path: []string{"inputs", "kmsKeyId"}, want: "ref:aws_kms_key.s", line: 13},
		{name: "jsonencode known leaf", content: `jsonencode({ inputs = { kmsKeyId = aws_kms_key.s.arn, s3BucketName = var.bucket } })`,
			path: []string{"inputs", "s3BucketName"}, want: "logs"},
		{name: "local", content: `local.prefs`, path: []string{"inputs", "kmsKeyId"}, want: "ref:aws_kms_key.s", line: 9},
		{name: "heredoc json", content: `<<EOF
{"inputs": {
  "kmsKeyId": "${aws_kms_key.s.arn}",
  "cloudWatchLogGroupName": "${aws_cloudwatch_log_group.g.name}",
  "s3KeyPrefix": "${var.env}/sessions"
}}
EOF`, path: []string{"inputs", "kmsKeyId"}, want: "ref:aws_kms_key.s", line: 14},
		{name: "heredoc json pattern", content: `<<EOF
{"inputs": {"s3KeyPrefix": "${var.env}/sessions", "n": ${var.env}}}
EOF`, path: []string{"inputs", "s3KeyPrefix"}, want: "pattern:?/sessions"},
		{name: "heredoc json value outside a string", content: `<<EOF
{"inputs": {"s3KeyPrefix": "${var.env}/sessions", "n": ${aws_kms_key.s.arn}}}
EOF`, path: []string{"inputs", "n"}, want: "ref:aws_kms_key.s", line: 13},
		{name: "heredoc yaml", format: "YAML", content: `<<EOF
inputs:
  kmsKeyId: ${aws_kms_key.s.arn}
  s3BucketName: "${var.bucket}"
EOF`, path: []string{"inputs", "kmsKeyId"}, want: "ref:aws_kms_key.s", line: 14},
		{name: "heredoc yaml known", format: "YAML", content: `<<EOF
inputs:
  kmsKeyId: ${aws_kms_key.s.arn}
  s3BucketName: "${var.bucket}"
EOF`, path: []string{"inputs", "s3BucketName"}, want: "logs"},
		{name: "templatefile", content: `templatefile("${path.module}/prefs.json.tpl", { key = aws_kms_key.s.arn, group = aws_cloudwatch_log_group.g.name })`,
			files: map[string]string{"prefs.json.tpl": `{"inputs": {"kmsKeyId": "${key}", "cloudWatchLogGroupName": "${upper(group)}"}}`},
			path:  []string{"inputs", "kmsKeyId"}, want: "ref:aws_kms_key.s", line: 12},
		{name: "templatefile through a function", content: `templatefile("prefs.json.tpl", { key = aws_kms_key.s.arn, group = aws_cloudwatch_log_group.g.name })`,
			files: map[string]string{"prefs.json.tpl": `{"inputs": {"kmsKeyId": "${key}", "cloudWatchLogGroupName": "${upper(group)}"}}`},
			path:  []string{"inputs", "cloudWatchLogGroupName"}, want: "ref:aws_cloudwatch_log_group.g", line: 12},
	} {
		t.Run(c.name, func(t *testing.T) {
			files := map[string]string{"main.tf": docSource + "output \"doc\" {\n  value = " + c.content + "\n}\n"}
			for k, v := range c.files {
				files[k] = v
			}
			ran := false
			checkConfig(t, files, func(p *Pass) {
				ran = true
				a := p.Config.Root.Module.Outputs["doc"]
				attr := &Attr{Name: "value", syn: a, scope: p.Config.Root.scope()}
				doc, ok, err := attr.Document(c.format)
				if err != nil || !ok {
					t.Fatalf("Document: ok %v, err %v", ok, err)
				}
				n := doc.Root
				for _, k := range c.path {
					m, isMap := n.(map[string]any)
					if !isMap {
						t.Fatalf("at %q: %T %v, not an object", k, n, n)
					}
					n = m[k]
				}
				switch {
				case strings.HasPrefix(c.want, "ref:"):
					p, isPh := n.(*Placeholder)
					if !isPh || !p.Names(strings.TrimPrefix(c.want, "ref:")) {
						t.Fatalf("got %#v, want a placeholder naming %s", n, c.want)
					}
					if p.At.Start.Line != c.line {
						t.Errorf("placeholder at line %d, want %d", p.At.Start.Line, c.line)
					}
				case strings.HasPrefix(c.want, "pattern:"):
					p, isPh := n.(*Placeholder)
					want := strings.ReplaceAll(strings.TrimPrefix(c.want, "pattern:"), "?", Unknown)
					if !isPh || p.Pattern != want {
						t.Fatalf("got %#v, want pattern %q", n, want)
					}
				default:
					if n != c.want {
						t.Fatalf("got %#v, want %q", n, c.want)
					}
				}
			})
			if !ran {
				t.Fatal("check did not run")
			}
		})
	}
}

// TestDocumentUnknownShape: a document whose shape depends on an unknown
// is not read.
func TestDocumentUnknownShape(t *testing.T) {
	for name, content := range map[string]string{
		"directive": `<<EOF
{"inputs": {%{ if var.env == "prod" }"kmsKeyId": "k"%{ endif }}}
EOF`,
		"unknown key":     `"{\"${var.env}\": \"k\"}"`,
		"whole unknown":   `jsonencode(var.env)`,
		"cut token":       `templatefile("t.tpl", { k = aws_kms_key.s.arn })`,
		"not json at all": `"${var.env}"`,
	} {
		t.Run(name, func(t *testing.T) {
			files := map[string]string{
				"main.tf": docSource + "output \"doc\" {\n  value = " + content + "\n}\n",
				"t.tpl":   `{"k": "${substr(k, 0, 2)}"}`,
			}
			checkConfig(t, files, func(p *Pass) {
				attr := outputAttr(p)
				doc, ok, err := attr.Document("")
				if err != nil {
					t.Fatalf("err %v", err)
				}
				if ok {
					if _, isMap := doc.Root.(map[string]any); isMap && name != "cut token" {
						t.Fatalf("read %#v, want unknown", doc)
					}
					if m, isMap := doc.Root.(map[string]any); isMap {
						if _, isPh := m["k"].(*Placeholder); !isPh {
							t.Fatalf("cut token read as %#v", m["k"])
						}
					}
				}
			})
		})
	}
}

// TestDocumentInvalidJSON: known content that is not JSON is an error
// with the line.
func TestDocumentInvalidJSON(t *testing.T) {
	files := map[string]string{"main.tf": docSource + "output \"doc\" {\n  value = \"{\\n\\\"a\\\": }\"\n}\n"}
	checkConfig(t, files, func(p *Pass) {
		attr := outputAttr(p)
		_, ok, err := attr.Document("")
		if ok || err == nil || !strings.Contains(err.Error(), "line 2 of the document") {
			t.Fatalf("ok %v err %v", ok, err)
		}
	})
}

func outputAttr(p *Pass) *Attr {
	return &Attr{Name: "value", syn: p.Config.Root.Module.Outputs["doc"], scope: p.Config.Root.scope()}
}

// TestDocumentPositions: nodes of jsonencode'd HCL point where they are
// written, known or not.
func TestDocumentPositions(t *testing.T) {
	files := map[string]string{"main.tf": docSource + `output "doc" {
  value = jsonencode([{
    name = "app"
    secrets = [
      { name = "OK", valueFrom = "/app/db/host" },
      { name = "KEY", valueFrom = aws_kms_key.s.arn },
    ]
  }])
}
`}
	checkConfig(t, files, func(p *Pass) {
		doc, ok, err := outputAttr(p).Document("")
		if !ok || err != nil {
			t.Fatalf("ok %v err %v", ok, err)
		}
		for i, want := range []int{15, 16} {
			at := doc.At(0, "secrets", i, "valueFrom")
			if at.Start.Line != want || at.Start.Column < 30 {
				t.Errorf("secret %d at %v, want line %d at the value", i, at, want)
			}
		}
	})
}

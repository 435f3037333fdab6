package ruledoc

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ssmlint/ssmlint/rules"
)

// docsDir is the committed documentation, relative to this package.
const docsDir = "../../docs/rules"

const stale = "generated docs are stale: run `make generate`"

// TestDocsUpToDate compares the committed docs/rules with what the catalog
// generates, byte for byte, in both directions.
func TestDocsUpToDate(t *testing.T) {
	want := Files(rules.All())
	entries, err := os.ReadDir(docsDir)
	if err != nil {
		t.Fatalf("%s (%v)", stale, err)
	}
	onDisk := make(map[string]bool)
	for _, e := range entries {
		if e.IsDir() || !IsGenerated(e.Name()) {
			continue
		}
		onDisk[e.Name()] = true
		if _, ok := want[e.Name()]; !ok {
			t.Errorf("%s (%s has no rule in the catalog)", stale, e.Name())
		}
	}
	for _, name := range sortedKeys(want) {
		if !onDisk[name] {
			t.Errorf("%s (%s is missing)", stale, name)
			continue
		}
		got, err := os.ReadFile(filepath.Join(docsDir, name))
		if err != nil {
			t.Errorf("%s (%v)", stale, err)
			continue
		}
		if !bytes.Equal(got, want[name]) {
			t.Errorf("%s (%s differs at line %d)", stale, name, firstDiffLine(got, want[name]))
		}
	}
}

func TestRenderSections(t *testing.T) {
	page := string(Render(rules.SSM402))
	for _, want := range []string{
		"# SSM402: patch-baseline-slow-approval\n",
		"Severity: **warning** · Kind: **security** · Precision: **high**\n",
		rules.SSM402.Summary,
		"## Why\n\n" + rules.SSM402.Rationale + "\n",
		"## Example\n\n```hcl\n" + rules.SSM402.Bad + "```\n",
		"## How to fix\n\n" + rules.SSM402.Remediation + "\n\n```hcl\n" + rules.SSM402.Good + "```\n",
		"`# ssmlint:ignore SSM402 -- reason`",
		"## Options\n",
		"| `max_approve_after_days` | integer | `14` |",
		"## Sources\n\n- [PatchRule, ApproveAfterDays (AWS Systems Manager API Reference)](https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_PatchRule.html)\n",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("SSM402 page lacks %q:\n%s", want, page)
		}
	}
	order := []string{"## Why", "## Example", "## How to fix", "## Options", "## Sources"}
	last := -1
	for _, h := range order {
		i := strings.Index(page, h)
		if i < last {
			t.Errorf("section %q is out of order", h)
		}
		last = i
	}

	goPage := string(Render(rules.SSM601))
	for _, want := range []string{"```go\n", "`//ssmlint:ignore SSM601 -- reason`", "| `extra_secret_words` | list of strings | `[]` |"} {
		if !strings.Contains(goPage, want) {
			t.Errorf("SSM601 page lacks %q", want)
		}
	}
	if strings.Contains(string(Render(rules.SSM101)), "## Options") {
		t.Error("SSM101 has no options but its page has an Options section")
	}
}

func TestIndex(t *testing.T) {
	all := rules.All()
	index := string(Index(all))
	for _, r := range all {
		row := "| [" + r.ID + "](" + r.ID + ".md) | `" + r.Name + "` | " + r.Severity.String() + " | " + r.Kind.String() + " | "
		if !strings.Contains(index, row) {
			t.Errorf("index lacks the row of %s: %q", r.ID, row)
		}
	}
	if got := cell("a | b\nc"); got != `a \| b c` {
		t.Errorf("cell(%q) = %q, want a table-safe cell", "a | b\nc", got)
	}
}

func TestIsGenerated(t *testing.T) {
	for name, want := range map[string]bool{
		"README.md":  true,
		"SSM201.md":  true,
		"SSM2011.md": false,
		"ssm201.md":  false,
		"notes.md":   false,
		"SSM201.txt": false,
	} {
		if got := IsGenerated(name); got != want {
			t.Errorf("IsGenerated(%q) = %v, want %v", name, got, want)
		}
	}
}

func sortedKeys(m map[string][]byte) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// firstDiffLine returns the 1-based line at which a and b first differ.
func firstDiffLine(a, b []byte) int {
	al, bl := bytes.Split(a, []byte("\n")), bytes.Split(b, []byte("\n"))
	for i := range min(len(al), len(bl)) {
		if !bytes.Equal(al[i], bl[i]) {
			return i + 1
		}
	}
	return min(len(al), len(bl)) + 1
}

// TestPagesCitePublicDocsOnly checks that the generated pages link every
// source and name no private notes.
func TestPagesCitePublicDocsOnly(t *testing.T) {
	for name, page := range Files(rules.All()) {
		for _, private := range []string{"seed notes", "ssm-facts", "ssm-operations-notes", ".ja.md"} {
			if strings.Contains(string(page), private) {
				t.Errorf("%s mentions %q", name, private)
			}
		}
	}
	for _, r := range rules.All() {
		page := string(Render(r))
		_, sources, found := strings.Cut(page, "## Sources\n\n")
		if found != (len(r.Sources) > 0) {
			t.Errorf("%s page has a Sources section: %v, the rule has %d sources", r.ID, found, len(r.Sources))
		}
		for _, s := range r.Sources {
			if !strings.Contains(sources, "]("+s.URL+")\n") {
				t.Errorf("%s page does not link %s", r.ID, s.URL)
			}
		}
		if n := strings.Count(sources, "- ["); n != len(r.Sources) {
			t.Errorf("%s page lists %d sources, the rule has %d", r.ID, n, len(r.Sources))
		}
	}
	if got := linkText(`a [b] \c`); got != `a \[b\] \\c` {
		t.Errorf("linkText = %q", got)
	}
}

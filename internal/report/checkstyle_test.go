package report

import (
	"encoding/xml"
	"reflect"
	"strings"
	"testing"

	"github.com/ssmlint/ssmlint/finding"
	"github.com/ssmlint/ssmlint/rules"
)

func TestCheckstyleSample(t *testing.T) {
	got := render(t, "checkstyle", sampleInput(), Options{})
	want := `<?xml version="1.0" encoding="UTF-8"?>
<checkstyle version="4.3">
  <file name="main.tf">
    <error line="3" column="11" severity="error" message="parameter &#34;/prod/db/password&#34; looks like a secret but has type &#34;String&#34;" source="ssmlint.SSM201"></error>
    <error line="10" column="11" severity="warning" message="parameter &#34;/prod/app/config&#34; is Advanced tier but uses no Advanced feature ($0.05/month)" source="ssmlint.SSM301"></error>
  </file>
  <file name="modules/logs/main.tf">
    <error line="1" column="1" severity="info" message="log group &#34;/ssm/sessions&#34; receives session logs but has no kms_key_id" source="ssmlint.SSM501"></error>
  </file>
  <file name="terraform.tfvars">
    <error line="1" column="10" severity="error" message="Invalid multi-line string: quoted strings may not be split over multiple lines" source="ssmlint"></error>
  </file>
</checkstyle>
`
	diffLines(t, got, want)
}

// What a CI tool reads back from the XML: the messages exactly as written,
// special characters included.
func TestCheckstyleParsesBack(t *testing.T) {
	in := sampleInput()
	tricky := "a <b> & \"c\" 'd'\nnext line\ttab"
	in.Findings = append(in.Findings, finding.Finding{
		Rule: ruleSecret, Severity: rules.Error, Message: tricky,
		Range: rng("/home/dev/stack/z & <z>.tf", 4, 2, 4, 3),
	})
	var doc struct {
		XMLName xml.Name `xml:"checkstyle"`
		Version string   `xml:"version,attr"`
		Files   []struct {
			Name   string `xml:"name,attr"`
			Errors []struct {
				Line     int    `xml:"line,attr"`
				Column   int    `xml:"column,attr"`
				Severity string `xml:"severity,attr"`
				Message  string `xml:"message,attr"`
				Source   string `xml:"source,attr"`
			} `xml:"error"`
		} `xml:"file"`
	}
	out := render(t, "checkstyle", in, Options{})
	if err := xml.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("output does not parse: %v\n%s", err, out)
	}
	if doc.Version != "4.3" {
		t.Errorf("version = %q", doc.Version)
	}
	var names []string
	for _, f := range doc.Files {
		names = append(names, f.Name)
	}
	if want := []string{"main.tf", "modules/logs/main.tf", "terraform.tfvars", "z & <z>.tf"}; !reflect.DeepEqual(names, want) {
		t.Errorf("files = %q, want %q", names, want)
	}
	var sources, severities []string
	for _, f := range doc.Files {
		for _, e := range f.Errors {
			sources = append(sources, e.Source)
			severities = append(severities, e.Severity)
		}
	}
	if want := []string{"ssmlint.SSM201", "ssmlint.SSM301", "ssmlint.SSM501", "ssmlint", "ssmlint.SSM201"}; !reflect.DeepEqual(sources, want) {
		t.Errorf("sources = %q, want %q", sources, want)
	}
	if want := []string{"error", "warning", "info", "error", "error"}; !reflect.DeepEqual(severities, want) {
		t.Errorf("severities = %q, want %q", severities, want)
	}
	last := doc.Files[3].Errors[0]
	if last.Message != tricky || last.Line != 4 || last.Column != 2 {
		t.Errorf("read back %+v, want message %q at 4:2", last, tricky)
	}
}

// Characters XML cannot carry must not make the document unreadable.
func TestCheckstyleInvalidXMLCharacters(t *testing.T) {
	in := Input{Findings: []finding.Finding{{
		Rule: ruleSecret, Severity: rules.Error, Message: "nul \x00 esc \x1b end",
		Range: rng("/w/main.tf", 1, 1, 1, 2),
	}}, WorkDir: "/w"}
	out := render(t, "checkstyle", in, Options{})
	var v struct{}
	if err := xml.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("output does not parse: %v\n%q", err, out)
	}
	if !strings.Contains(out, "nul \uFFFD esc \uFFFD end") {
		t.Errorf("invalid characters not replaced:\n%q", out)
	}
}

func TestCheckstyleEmpty(t *testing.T) {
	got := render(t, "checkstyle", Input{}, Options{})
	want := "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\"></checkstyle>\n"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

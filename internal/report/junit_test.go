package report

import (
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ssmlint/ssmlint/finding"
	"github.com/ssmlint/ssmlint/rules"
)

// junitDoc is JUnit XML as a test viewer reads it.
type junitDoc struct {
	XMLName  xml.Name `xml:"testsuites"`
	Tests    int      `xml:"tests,attr"`
	Failures int      `xml:"failures,attr"`
	Errors   int      `xml:"errors,attr"`
	Suites   []struct {
		Name     string `xml:"name,attr"`
		Tests    int    `xml:"tests,attr"`
		Failures int    `xml:"failures,attr"`
		Errors   int    `xml:"errors,attr"`
		Cases    []struct {
			Name      string `xml:"name,attr"`
			Classname string `xml:"classname,attr"`
			File      string `xml:"file,attr"`
			Line      int    `xml:"line,attr"`
			Failure   *struct {
				Message string `xml:"message,attr"`
				Type    string `xml:"type,attr"`
				Text    string `xml:",chardata"`
			} `xml:"failure"`
			Error *struct {
				Message string `xml:"message,attr"`
				Type    string `xml:"type,attr"`
				Text    string `xml:",chardata"`
			} `xml:"error"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

// readJUnit checks that out is well-formed XML (every token, strictly) and
// that its counts add up, and decodes it.
func readJUnit(t *testing.T, out string) junitDoc {
	t.Helper()
	if !strings.HasPrefix(out, xml.Header) {
		t.Errorf("no XML declaration:\n%s", out)
	}
	d := xml.NewDecoder(strings.NewReader(out))
	d.Strict = true
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, out)
		}
	}
	if !utf8.ValidString(out) {
		t.Fatalf("output is not UTF-8:\n%q", out)
	}
	var doc junitDoc
	if err := xml.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("xml.Unmarshal: %v", err)
	}
	var tests, failures, errors int
	for _, s := range doc.Suites {
		var f, e int
		for _, c := range s.Cases {
			if c.Failure != nil {
				f++
			}
			if c.Error != nil {
				e++
			}
		}
		if s.Tests != len(s.Cases) || s.Failures != f || s.Errors != e {
			t.Errorf("suite %q counts tests=%d failures=%d errors=%d, has %d cases, %d failures, %d errors",
				s.Name, s.Tests, s.Failures, s.Errors, len(s.Cases), f, e)
		}
		tests, failures, errors = tests+s.Tests, failures+s.Failures, errors+s.Errors
	}
	if doc.Tests != tests || doc.Failures != failures || doc.Errors != errors {
		t.Errorf("testsuites counts %d/%d/%d, suites add up to %d/%d/%d", doc.Tests, doc.Failures, doc.Errors, tests, failures, errors)
	}
	return doc
}

func TestJUnitFormat(t *testing.T) {
	in := sampleInput()
	doc := readJUnit(t, render(t, FormatJUnit, in, Options{}))
	if doc.Tests != 4 || doc.Failures != 3 || doc.Errors != 1 || len(doc.Suites) != 4 {
		t.Fatalf("tests=%d failures=%d errors=%d suites=%d, want 4/3/1 in 4 suites", doc.Tests, doc.Failures, doc.Errors, len(doc.Suites))
	}
	wantSuites := []string{"SSM201 secret-in-plain-string", "SSM301 advanced-tier-not-needed", "SSM501 session-logs-not-encrypted", "input errors"}
	for i, s := range doc.Suites {
		if s.Name != wantSuites[i] {
			t.Errorf("suite %d = %q, want %q", i, s.Name, wantSuites[i])
		}
	}
	c := doc.Suites[0].Cases[0]
	if c.Name != "main.tf:3:11" || c.Classname != "ssmlint.SSM201" || c.File != "main.tf" || c.Line != 3 ||
		c.Failure == nil || c.Failure.Type != "error" || c.Failure.Message != in.Findings[0].Message ||
		!strings.HasPrefix(c.Failure.Text, "main.tf:3:11: "+in.Findings[0].Message+"\nFix: ") {
		t.Errorf("SSM201 case = %+v %+v", c, c.Failure)
	}
	if f := doc.Suites[2].Cases[0].Failure; f == nil || f.Type != "info" {
		t.Errorf("SSM501 failure = %+v, want type info", f)
	}
	e := doc.Suites[3].Cases[0]
	if e.Error == nil || e.Failure != nil || e.Name != "terraform.tfvars:1:10" || e.Error.Message != in.Errors[0].Message {
		t.Errorf("input error case = %+v", e)
	}
}

func TestJUnitCleanRun(t *testing.T) {
	doc := readJUnit(t, render(t, FormatJUnit, Input{Rules: testCatalog}, Options{}))
	if doc.Tests != 1 || doc.Failures != 0 || doc.Errors != 0 || len(doc.Suites) != 1 ||
		len(doc.Suites[0].Cases) != 1 || doc.Suites[0].Cases[0].Failure != nil {
		t.Errorf("clean run = %+v, want one passing test case", doc)
	}
}

// Several findings of one rule share its suite; paths are root-relative
// with the prefix.
func TestJUnitGroupsByRule(t *testing.T) {
	var fs []finding.Finding
	for i := 1; i <= 3; i++ {
		fs = append(fs, finding.Finding{Rule: ruleSecret, Severity: rules.Error, Message: "m",
			Range: rng("/repo/infra/main.tf", i, 1, i, 2)})
	}
	fs = append(fs, finding.Finding{Rule: ruleAdvanced, Severity: rules.Warning, Message: "m",
		Range: rng("/repo/infra/main.tf", 9, 1, 9, 2)})
	doc := readJUnit(t, render(t, FormatJUnit, Input{Root: "/repo", WorkDir: "/repo/infra", PathPrefix: "mono", Findings: fs}, Options{}))
	if len(doc.Suites) != 2 || doc.Suites[0].Tests != 3 || doc.Suites[1].Tests != 1 {
		t.Fatalf("suites = %+v", doc.Suites)
	}
	for i, c := range doc.Suites[0].Cases {
		if c.File != "mono/infra/main.tf" || c.Name != "mono/infra/main.tf:"+strconv.Itoa(i+1)+":1" {
			t.Errorf("case %d = %q in %q", i, c.Name, c.File)
		}
	}
}

// Hostile messages and file names: CDATA terminators, markup, control
// characters, invalid UTF-8, quotes. The output must stay well-formed XML
// that decodes back to the text (with what XML cannot carry replaced).
func TestJUnitEscaping(t *testing.T) {
	hostile := "]]><script>alert(\"x\")</script> & 'q' \x00\x01\x1b[31m \xff\xfe end\r\n<![CDATA[ x ]]>"
	in := Input{WorkDir: "/w", Findings: []finding.Finding{
		{Rule: ruleSecret, Severity: rules.Error, Message: hostile, Remediation: "]]>",
			Range: rng("/w/a]]>\x07b\xff.tf", 1, 1, 1, 2), Resource: `r"<>&`},
		{Rule: &rules.Rule{ID: "SSM9\x00", Name: "bad]]>name"}, Severity: rules.Warning, Message: "\x00"},
	}, Errors: []finding.Error{{Message: hostile}}}
	out := render(t, FormatJUnit, in, Options{})
	doc := readJUnit(t, out)
	if doc.Tests != 3 || doc.Failures != 2 || doc.Errors != 1 {
		t.Fatalf("counts = %d/%d/%d", doc.Tests, doc.Failures, doc.Errors)
	}
	var f *struct {
		Message string `xml:"message,attr"`
		Type    string `xml:"type,attr"`
		Text    string `xml:",chardata"`
	}
	for _, s := range doc.Suites {
		if strings.HasPrefix(s.Name, "SSM201") {
			f = s.Cases[0].Failure
		}
	}
	if f == nil {
		t.Fatalf("no SSM201 failure in\n%s", out)
	}
	for _, want := range []string{`]]><script>alert("x")</script> & 'q'`, "<![CDATA[ x ]]>", "\uFFFD"} {
		if !strings.Contains(f.Text, want) {
			t.Errorf("failure text %q lacks %q", f.Text, want)
		}
	}
	if strings.ContainsAny(f.Message, "\n\r\x00\x1b") {
		t.Errorf("failure message is not one clean line: %q", f.Message)
	}
}

package report

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// The JUnit XML report has one <testsuite> per rule with findings, each
// finding a failing <testcase>, and one suite of the input errors, each an
// <error> test case. Suites per rule (not per file) because test viewers
// group by suite and by classname: Jenkins splits a classname at its dots
// into package and class, which "ssmlint.SSM201" survives and a file name
// such as "modules/app/main.tf" does not; GitLab lists the suites with
// their failure counts, which then read as "which checks failed", and
// links the testcase's file attribute. A clean run is one passing test
// case, so that the viewer shows a green test rather than an empty report.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Time     string       `xml:"time,attr,omitempty"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	Classname string        `xml:"classname,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Line      int           `xml:"line,attr,omitempty"`
	Failure   *junitProblem `xml:"failure,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
}

// junitProblem is a <failure> or an <error>: a one-line message, a type
// (the severity) and the details as text.
type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// writeJUnit writes the JUnit XML report. encoding/xml escapes markup in
// attributes and text and replaces what XML cannot carry (control
// characters, invalid UTF-8) with U+FFFD, so hostile messages and file
// names still make well-formed XML.
func writeJUnit(w *bufio.Writer, in Input) error {
	doc := junitSuites{Name: toolName}
	if d := in.Summary.Duration; d > 0 {
		doc.Time = strconv.FormatFloat(d.Seconds(), 'f', 3, 64)
	}
	byRule := map[string]*junitSuite{}
	var order []string
	for _, f := range in.Findings {
		key, suiteName, class := toolName, toolName, toolName
		if f.Rule != nil && f.Rule.ID != "" {
			key, suiteName, class = f.Rule.ID, strings.TrimSpace(f.Rule.ID+" "+f.Rule.Name), toolName+"."+f.Rule.ID
		}
		s, ok := byRule[key]
		if !ok {
			s = &junitSuite{Name: suiteName}
			byRule[key] = s
			order = append(order, key)
		}
		path := in.machinePath(f.Range.File)
		where := location(path, f.Range.Start)
		details := []string{strings.TrimPrefix(where+": ", ": ") + f.Message}
		if fix := remediation(f); fix != "" {
			details = append(details, "Fix: "+fix)
		}
		if f.Resource != "" {
			details = append(details, "Resource: "+f.Resource)
		}
		if f.Rule != nil && f.Rule.ID != "" {
			details = append(details, "Documentation: "+DocsURL(f.Rule.ID))
		}
		s.Cases = append(s.Cases, junitCase{
			Name:      junitName(where, f.Message),
			Classname: class,
			File:      path,
			Line:      max(f.Range.Start.Line, 0),
			Failure: &junitProblem{
				Message: oneLine(f.Message),
				Type:    severityName(f.Severity),
				Text:    strings.Join(details, "\n"),
			},
		})
		s.Tests++
		s.Failures++
	}
	slices.Sort(order)
	for _, k := range order {
		doc.Suites = append(doc.Suites, *byRule[k])
	}
	if len(in.Errors) > 0 {
		s := junitSuite{Name: "input errors"}
		for _, e := range in.Errors {
			path := in.machinePath(e.Range.File)
			where := location(path, e.Range.Start)
			s.Cases = append(s.Cases, junitCase{
				Name:      junitName(where, e.Message),
				Classname: toolName + ".input",
				File:      path,
				Line:      max(e.Range.Start.Line, 0),
				Error: &junitProblem{
					Message: oneLine(e.Message),
					Type:    "error",
					Text:    strings.TrimPrefix(where+": ", ": ") + e.Message,
				},
			})
			s.Tests++
			s.Errors++
		}
		doc.Suites = append(doc.Suites, s)
	}
	if len(doc.Suites) == 0 {
		doc.Suites = []junitSuite{{
			Name: toolName, Tests: 1,
			Cases: []junitCase{{Name: "no findings", Classname: toolName}},
		}}
	}
	for _, s := range doc.Suites {
		doc.Tests += s.Tests
		doc.Failures += s.Failures
		doc.Errors += s.Errors
	}
	w.WriteString(xml.Header)
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("junit: %w", err)
	}
	_, err := w.WriteString("\n")
	return err
}

// junitName names a test case after where the problem is, or, for one
// without a file, after its message.
func junitName(where, message string) string {
	if where != "" {
		return where
	}
	return oneLine(message)
}

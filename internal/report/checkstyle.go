package report

import (
	"bufio"
	"encoding/xml"
	"slices"
	"strings"
)

// checkstyleReport is Checkstyle's XML result format (version 4.3), which
// Jenkins, reviewdog and other CI tools read.
type checkstyleReport struct {
	XMLName xml.Name         `xml:"checkstyle"`
	Version string           `xml:"version,attr"`
	Files   []checkstyleFile `xml:"file"`
}

type checkstyleFile struct {
	Name   string            `xml:"name,attr"`
	Errors []checkstyleError `xml:"error"`
}

type checkstyleError struct {
	Line     int    `xml:"line,attr"`
	Column   int    `xml:"column,attr,omitempty"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

func writeCheckstyle(w *bufio.Writer, in Input) error {
	type entry struct {
		file string
		err  checkstyleError
	}
	var entries []entry
	for _, f := range in.Findings {
		source := toolName
		if id := ruleID(f.Rule); id != "" {
			source += "." + id
		}
		entries = append(entries, entry{in.machinePath(f.Range.File), checkstyleError{
			Line: f.Range.Start.Line, Column: f.Range.Start.Column,
			Severity: severityName(f.Severity), Message: f.Message, Source: source,
		}})
	}
	for _, e := range in.Errors {
		entries = append(entries, entry{in.machinePath(e.Range.File), checkstyleError{
			Line: e.Range.Start.Line, Column: e.Range.Start.Column,
			Severity: "error", Message: e.Message, Source: toolName,
		}})
	}
	slices.SortStableFunc(entries, func(a, b entry) int {
		if c := strings.Compare(a.file, b.file); c != 0 {
			return c
		}
		if a.err.Line != b.err.Line {
			return a.err.Line - b.err.Line
		}
		return a.err.Column - b.err.Column
	})
	doc := checkstyleReport{Version: "4.3"}
	for _, e := range entries {
		if n := len(doc.Files); n == 0 || doc.Files[n-1].Name != e.file {
			doc.Files = append(doc.Files, checkstyleFile{Name: e.file})
		}
		last := &doc.Files[len(doc.Files)-1]
		last.Errors = append(last.Errors, e.err)
	}
	w.WriteString(xml.Header)
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := w.WriteString("\n")
	return err
}

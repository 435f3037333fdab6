package report

import (
	"bufio"
	"encoding/json"
)

// jsonReport is the stable JSON document; field order and names are part of
// ssmlint's interface.
type jsonReport struct {
	Version  string        `json:"version"`
	Findings []jsonFinding `json:"findings"`
	Errors   []jsonError   `json:"errors"`
	Summary  jsonSummary   `json:"summary"`
}

type jsonFinding struct {
	Rule        string `json:"rule"`
	Name        string `json:"name"`
	Severity    string `json:"severity"`
	Message     string `json:"message"`
	File        string `json:"file"`
	Line        int    `json:"line"`
	Column      int    `json:"column"`
	EndLine     int    `json:"end_line"`
	EndColumn   int    `json:"end_column"`
	Resource    string `json:"resource"`
	Remediation string `json:"remediation"`
}

type jsonError struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

type jsonSummary struct {
	Errors                 int     `json:"errors"`
	Warnings               int     `json:"warnings"`
	Infos                  int     `json:"infos"`
	FilesScanned           int     `json:"files_scanned"`
	DurationMS             int64   `json:"duration_ms"`
	AdvancedMonthlyCostUSD float64 `json:"advanced_monthly_cost_usd"`
	AdvancedParameters     int     `json:"advanced_parameters"`
	Suppressed             int     `json:"suppressed"`
	Baselined              int     `json:"baselined"`
	// Skipped lists the files that look like Terraform but were not
	// read; Notes are sentences about the run (a path with nothing to
	// check). Both are always present, possibly empty.
	Skipped []jsonSkipped `json:"skipped"`
	Notes   []string      `json:"notes"`
}

type jsonSkipped struct {
	File   string `json:"file"`
	Reason string `json:"reason"`
}

func writeJSON(w *bufio.Writer, in Input) error {
	doc := jsonReport{
		Version:  in.Version,
		Findings: make([]jsonFinding, 0, len(in.Findings)),
		Errors:   make([]jsonError, 0, len(in.Errors)),
		Summary: jsonSummary{
			Errors:                 in.Summary.Errors,
			Warnings:               in.Summary.Warnings,
			Infos:                  in.Summary.Infos,
			FilesScanned:           in.Summary.FilesScanned,
			DurationMS:             in.Summary.Duration.Milliseconds(),
			AdvancedMonthlyCostUSD: roundCost(in.Summary.AdvancedMonthlyCost),
			AdvancedParameters:     in.Summary.AdvancedParameters,
			Suppressed:             in.Summary.Suppressed,
			Baselined:              in.Summary.Baselined,
			Skipped:                make([]jsonSkipped, 0, len(in.Summary.Skipped)),
			Notes:                  append([]string{}, in.Summary.Notes...),
		},
	}
	for _, s := range in.Summary.Skipped {
		doc.Summary.Skipped = append(doc.Summary.Skipped, jsonSkipped{File: in.machinePath(s.File), Reason: s.Reason})
	}
	for _, f := range in.Findings {
		doc.Findings = append(doc.Findings, jsonFinding{
			Rule:        ruleID(f.Rule),
			Name:        ruleName(f.Rule),
			Severity:    severityName(f.Severity),
			Message:     f.Message,
			File:        in.machinePath(f.Range.File),
			Line:        f.Range.Start.Line,
			Column:      f.Range.Start.Column,
			EndLine:     f.Range.End.Line,
			EndColumn:   f.Range.End.Column,
			Resource:    f.Resource,
			Remediation: remediation(f),
		})
	}
	for _, e := range in.Errors {
		doc.Errors = append(doc.Errors, jsonError{
			File:    in.machinePath(e.Range.File),
			Line:    e.Range.Start.Line,
			Column:  e.Range.Start.Column,
			Message: e.Message,
		})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

package report

import (
	"bufio"
	"encoding/json"
	"net/url"
	"path"
	"strings"
	"unicode"

	"golang.org/x/mod/semver"

	"github.com/ssmlint/ssmlint/finding"
	"github.com/ssmlint/ssmlint/internal/baseline"
	"github.com/ssmlint/ssmlint/rules"
)

const (
	toolName       = "ssmlint"
	toolInfoURI    = "https://github.com/ssmlint/ssmlint"
	sarifSchema    = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	srcRoot        = "%SRCROOT%"
	sarifLanguage  = "en-US" // of the messages and descriptions
	fingerprintKey = "ssmlint/v1"
	// maxDescription is GitHub code scanning's limit on a rule's short
	// and full descriptions, in characters.
	maxDescription = 1024
)

// The SARIF 2.1.0 log ssmlint writes: the subset of the format it uses,
// with every optional member omitted when it has no value, so that no
// index is a -1 sentinel and no array is an empty placeholder. (go-sarif's
// builders write -1 for unset indexes and offsets, and cannot leave
// ruleIndex out of a result without a rule.)
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool sarifTool `json:"tool"`
	// OriginalURIBaseIDs says where %SRCROOT% is on the machine that ran
	// the scan.
	OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds,omitempty"`
	Invocations        []sarifInvocation                `json:"invocations"`
	// Results is always an array, empty for a clean run: code scanning
	// then closes the alerts of earlier runs.
	Results    []sarifResult `json:"results"`
	ColumnKind string        `json:"columnKind"`
	// Language and NewlineSequences are SARIF's defaults, written out
	// because go-sarif, which Go consumers read SARIF with, turns absent
	// ones into values its own schema validation rejects.
	Language         string   `json:"language"`
	NewlineSequences []string `json:"newlineSequences"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name            string           `json:"name"`
	Language        string           `json:"language"` // see sarifRun.Language
	Version         string           `json:"version,omitempty"`
	SemanticVersion string           `json:"semanticVersion,omitempty"`
	InformationURI  string           `json:"informationUri"`
	Rules           []sarifRuleDescr `json:"rules"`
}

type sarifRuleDescr struct {
	ID                   string          `json:"id"`
	Name                 string          `json:"name,omitempty"`
	ShortDescription     *sarifText      `json:"shortDescription,omitempty"`
	FullDescription      *sarifText      `json:"fullDescription,omitempty"`
	HelpURI              string          `json:"helpUri,omitempty"`
	Help                 *sarifText      `json:"help,omitempty"`
	DefaultConfiguration sarifConfig     `json:"defaultConfiguration"`
	Properties           sarifRuleFields `json:"properties"`
}

// sarifText is a message or a multiformat message string.
type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

// sarifRuleFields are the rule properties GitHub code scanning reads.
type sarifRuleFields struct {
	Tags             []string `json:"tags"`
	Precision        string   `json:"precision,omitempty"`
	ProblemSeverity  string   `json:"problem.severity"`
	SecuritySeverity string   `json:"security-severity,omitempty"`
}

type sarifResult struct {
	RuleID string `json:"ruleId,omitempty"`
	// RuleIndex is a pointer so that index 0 is written and a result
	// without a rule has none.
	RuleIndex           *int              `json:"ruleIndex,omitempty"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation *sarifPhysical `json:"physicalLocation,omitempty"`
	LogicalLocations []sarifLogical `json:"logicalLocations,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI         string     `json:"uri,omitempty"`
	URIBaseID   string     `json:"uriBaseId,omitempty"`
	Description *sarifText `json:"description,omitempty"`
}

// sarifRegion holds 1-based positions; zero means unknown and is left out.
type sarifRegion struct {
	StartLine   int `json:"startLine,omitempty"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

type sarifLogical struct {
	FullyQualifiedName string `json:"fullyQualifiedName"`
	Kind               string `json:"kind,omitempty"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                   `json:"executionSuccessful"`
	WorkingDirectory           *sarifArtifactLocation `json:"workingDirectory,omitempty"`
	ToolExecutionNotifications []sarifNotification    `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

func writeSARIF(w *bufio.Writer, in Input) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(buildSARIF(in))
}

// buildSARIF makes the SARIF 2.1.0 log: one run whose driver describes every
// catalog rule, one result per finding and the input errors as tool
// execution notifications.
//
// Paths. GitHub code scanning reads a relative artifact URI as a path from
// the root of the repository the SARIF is uploaded to, whatever its
// uriBaseId (it does not resolve originalUriBaseIds); an absolute file URI
// it makes relative to a source root (the upload's checkout_uri or
// checkout_path, else invocations[0].workingDirectory, which need not be
// the repository root). So every URI inside the repository is
// root-relative, PathPrefix included, with uriBaseId %SRCROOT%, and
// %SRCROOT% in originalUriBaseIds is what such a URI resolves against for
// the other consumers (viewers, SARIF tools) to find the file on the
// machine that ran the scan: the repository root, or, with a PathPrefix,
// the directory the prefix is relative to. When Root ends with the prefix
// (the usual monorepo case: --path-prefix names the scanned repository's
// place in the uploaded one), that is Root with the prefix taken off; when
// it does not, that directory is not on this machine, and %SRCROOT%
// carries a description instead of a URI. A file outside the root is
// written as an absolute file URI without a base.
func buildSARIF(in Input) sarifLog {
	driver := sarifDriver{
		Name:            toolName,
		Language:        sarifLanguage,
		Version:         in.Version,
		SemanticVersion: semanticVersion(in.Version),
		InformationURI:  toolInfoURI,
		Rules:           []sarifRuleDescr{},
	}
	index := map[string]int{}
	addRule := func(r *rules.Rule) {
		if r == nil || r.ID == "" {
			return
		}
		if _, ok := index[r.ID]; ok {
			return
		}
		index[r.ID] = len(driver.Rules)
		driver.Rules = append(driver.Rules, sarifRule(r, in.effectiveSeverity(r)))
	}
	for _, r := range in.Rules {
		addRule(r)
	}
	for _, f := range in.Findings {
		addRule(f.Rule) // a rule missing from the catalog is still described
	}

	run := sarifRun{
		Tool:             sarifTool{Driver: driver},
		Results:          make([]sarifResult, 0, len(in.Findings)),
		ColumnKind:       "unicodeCodePoints", // HCL and Go columns count characters
		Language:         sarifLanguage,
		NewlineSequences: []string{"\r\n", "\n"},
	}
	if root, ok := in.srcRoot(); ok {
		run.OriginalURIBaseIDs = map[string]sarifArtifactLocation{srcRoot: root}
	}

	for _, f := range in.Findings {
		res := sarifResult{
			Level:   sarifLevel(f.Severity),
			Message: sarifText{Text: f.Message},
		}
		if id := ruleID(f.Rule); id != "" {
			i := index[id]
			res.RuleID, res.RuleIndex = id, &i
		}
		if loc := in.sarifLocation(f.Range); loc != nil {
			if f.Resource != "" {
				loc.LogicalLocations = []sarifLogical{{FullyQualifiedName: f.Resource, Kind: logicalKind(f.Range.File)}}
			}
			res.Locations = []sarifLocation{*loc}
		}
		res.PartialFingerprints = map[string]string{
			fingerprintKey: baseline.Fingerprint(f, in.fingerprintPath(f.Range.File)),
		}
		run.Results = append(run.Results, res)
	}

	inv := sarifInvocation{ExecutionSuccessful: len(in.Errors) == 0}
	if wd := dirURI(in.WorkDir); wd != "" {
		inv.WorkingDirectory = &sarifArtifactLocation{URI: wd}
	}
	for _, e := range in.Errors {
		n := sarifNotification{Level: "error", Message: sarifText{Text: e.Message}}
		if loc := in.sarifLocation(e.Range); loc != nil {
			n.Locations = []sarifLocation{*loc}
		}
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications, n)
	}
	run.Invocations = []sarifInvocation{inv}

	return sarifLog{Schema: sarifSchema, Version: "2.1.0", Runs: []sarifRun{run}}
}

// srcRoot is the originalUriBaseIds entry of %SRCROOT% (see buildSARIF),
// and false when there is nothing to say (no root and a relative WorkDir).
func (in *Input) srcRoot() (sarifArtifactLocation, bool) {
	base := in.base()
	prefix := cleanPrefix(in.PathPrefix)
	if prefix == "" {
		uri := dirURI(base)
		return sarifArtifactLocation{URI: uri}, uri != ""
	}
	if uri := dirURI(base); uri != "" && strings.HasSuffix(uri, "/"+(&url.URL{Path: prefix}).EscapedPath()+"/") {
		parent := strings.TrimSuffix(uri, (&url.URL{Path: prefix}).EscapedPath()+"/")
		return sarifArtifactLocation{URI: parent}, true
	}
	return sarifArtifactLocation{Description: &sarifText{
		Text: "The root of the repository the results are uploaded to, in which the scanned repository is " + prefix + ".",
	}}, true
}

// effectiveSeverity is a rule's configured severity, else its default.
func (in *Input) effectiveSeverity(r *rules.Rule) rules.Severity {
	if s, ok := in.RuleSeverity[r.ID]; ok && s != 0 {
		return s
	}
	return r.Severity
}

// sarifRule describes a catalog entry as a reporting descriptor, at the
// rule's effective severity.
func sarifRule(r *rules.Rule, sev rules.Severity) sarifRuleDescr {
	d := sarifRuleDescr{
		ID:                   r.ID,
		Name:                 r.Name,
		HelpURI:              DocsURL(r.ID),
		Help:                 &sarifText{Text: helpText(r), Markdown: helpMarkdown(r)},
		DefaultConfiguration: sarifConfig{Level: sarifLevel(sev)},
		Properties: sarifRuleFields{
			Tags:            ruleTags(r),
			ProblemSeverity: problemSeverity(sev),
		},
	}
	if r.Summary != "" {
		d.ShortDescription = &sarifText{Text: truncateWords(r.Summary, maxDescription)}
	}
	if r.Rationale != "" {
		d.FullDescription = &sarifText{Text: truncateWords(r.Rationale, maxDescription)}
	}
	if r.Precision != 0 {
		d.Properties.Precision = r.Precision.String()
	}
	if r.Kind == rules.Security {
		d.Properties.SecuritySeverity = securitySeverity(sev)
	}
	return d
}

// truncateWords shortens s to at most max characters, cutting at a word
// boundary and ending with an ellipsis.
func truncateWords(s string, max int) string {
	runes := []rune(s)
	if len(runes) <= max {
		return s
	}
	cut := max - 1 // room for the ellipsis
	for i := cut; i > 0; i-- {
		if unicode.IsSpace(runes[i]) {
			cut = i
			break
		}
	}
	return strings.TrimRightFunc(string(runes[:cut]), func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) && r != ')' && r != '`' && r != '"'
	}) + "…"
}

// semanticVersion is the version without a leading "v" when it is a full
// semantic version (MAJOR.MINOR.PATCH, optionally -pre and +build), else "".
func semanticVersion(v string) string {
	sv := "v" + strings.TrimPrefix(v, "v")
	if !semver.IsValid(sv) {
		return ""
	}
	core, _, _ := strings.Cut(sv, "+")
	core, _, _ = strings.Cut(core, "-")
	if strings.Count(core, ".") != 2 {
		return "" // v1 and v1.2 are valid to x/mod/semver, not to SemVer
	}
	return sv[1:]
}

// sarifLevel maps a severity to a SARIF level (info is "note").
func sarifLevel(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Info:
		return "note"
	}
	return "warning"
}

// securitySeverity is GitHub code scanning's score of a security rule, a
// string: 9.0 shows as critical, 5.5 as medium, 2.0 as low.
func securitySeverity(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "9.0"
	case rules.Info:
		return "2.0"
	}
	return "5.5"
}

// problemSeverity is GitHub code scanning's severity of a rule that is not
// a security rule (and shown for the others where no score applies).
func problemSeverity(s rules.Severity) string {
	switch s {
	case rules.Error:
		return "error"
	case rules.Info:
		return "recommendation"
	}
	return "warning"
}

// ruleTags are the tags code scanning filters on: the kind first
// ("security" makes GitHub use security-severity; "reliability" and
// "maintainability" do not), then the service and the language.
func ruleTags(r *rules.Rule) []string {
	var tags []string
	switch r.Kind {
	case rules.Security, rules.Reliability, rules.Maintainability:
		tags = append(tags, r.Kind.String())
	}
	tags = append(tags, "aws", "ssm")
	switch r.Language {
	case "hcl":
		tags = append(tags, "terraform")
	case "go":
		tags = append(tags, "go")
	}
	return tags
}

// helpText is the rule's documentation in plain text.
func helpText(r *rules.Rule) string {
	var b strings.Builder
	para := func(s string) {
		if s == "" {
			return
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(s)
	}
	para(r.Summary)
	para(r.Rationale)
	if r.Remediation != "" {
		para("How to fix: " + r.Remediation)
	}
	if r.Bad != "" {
		para("Bad:\n" + strings.TrimRight(r.Bad, "\n"))
	}
	if r.Good != "" {
		para("Good:\n" + strings.TrimRight(r.Good, "\n"))
	}
	if len(r.Sources) > 0 {
		refs := make([]string, len(r.Sources))
		for i, s := range r.Sources {
			refs[i] = "- " + s.String()
		}
		para("References:\n" + strings.Join(refs, "\n"))
	}
	para("Documentation: " + DocsURL(r.ID))
	return b.String()
}

// helpMarkdown is the rule's documentation in Markdown, with the examples as
// fenced code blocks and the sources as links.
func helpMarkdown(r *rules.Rule) string {
	var b strings.Builder
	b.WriteString("# " + r.ID)
	if r.Name != "" {
		b.WriteString(" " + r.Name)
	}
	for _, s := range []string{r.Summary, r.Rationale} {
		if s != "" {
			b.WriteString("\n\n" + s)
		}
	}
	if r.Remediation != "" {
		b.WriteString("\n\n## How to fix\n\n" + r.Remediation)
	}
	if r.Bad != "" {
		b.WriteString("\n\n## Example\n\nBad:\n\n" + codeBlock(r.Language, r.Bad))
	}
	if r.Good != "" {
		b.WriteString("\n\nGood:\n\n" + codeBlock(r.Language, r.Good))
	}
	if len(r.Sources) > 0 {
		b.WriteString("\n\n## References\n")
		for _, s := range r.Sources {
			b.WriteString("\n- [" + markdownLinkText(s.Title) + "](" + s.URL + ")")
		}
	}
	b.WriteString("\n\n[Documentation](" + DocsURL(r.ID) + ")")
	return b.String()
}

// markdownLinkText escapes the brackets that would end a link's text.
func markdownLinkText(s string) string {
	return strings.NewReplacer(`\`, `\\`, "[", `\[`, "]", `\]`).Replace(s)
}

// codeBlock fences code with more backticks than it contains in a row.
func codeBlock(lang, code string) string {
	fence := "```"
	for strings.Contains(code, fence) {
		fence += "`"
	}
	return fence + lang + "\n" + strings.TrimRight(code, "\n") + "\n" + fence
}

// sarifLocation is the physical location of a range, or nil when the range
// names no file: relative to %SRCROOT% inside the repository, an absolute
// file URI outside it.
func (in *Input) sarifLocation(rg finding.Range) *sarifLocation {
	p := in.locate(rg.File)
	if p.rel == "" {
		return nil
	}
	rel := in.withPrefix(p)
	art := sarifArtifactLocation{URI: artifactURI(rel)}
	if !strings.HasPrefix(art.URI, "file:") {
		art.URIBaseID = srcRoot
	}
	phys := &sarifPhysical{ArtifactLocation: art}
	if rg.Start.Line > 0 {
		region := &sarifRegion{StartLine: rg.Start.Line}
		if rg.Start.Column > 0 {
			region.StartColumn = rg.Start.Column
		}
		if rg.End.Line >= rg.Start.Line {
			region.EndLine = rg.End.Line
			if rg.End.Column > 0 && rg.Start.Column > 0 &&
				(rg.End.Line > rg.Start.Line || rg.End.Column >= rg.Start.Column) {
				region.EndColumn = rg.End.Column
			}
		}
		phys.Region = region
	}
	return &sarifLocation{PhysicalLocation: phys}
}

// artifactURI percent-encodes a slash-separated path as a URI reference; an
// absolute path (outside the repository) becomes a file URI.
func artifactURI(rel string) string {
	u := url.URL{Path: rel}
	if path.IsAbs(rel) {
		u.Scheme = "file"
	} else if len(rel) > 1 && rel[1] == ':' {
		u.Path = "/" + rel // a Windows drive letter: file:///C:/...
		u.Scheme = "file"
	}
	return u.String()
}

// logicalKind is the SARIF kind of a finding's Resource: a Go function or a
// Terraform resource.
func logicalKind(file string) string {
	if strings.HasSuffix(file, ".go") {
		return "function"
	}
	return "resource"
}

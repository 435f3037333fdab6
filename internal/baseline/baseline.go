// Package baseline records the findings of a run so that later runs report
// only new ones (--write-baseline, --baseline).
//
// A finding is identified by a fingerprint of its rule ID, its file (slash
// separated, relative), its resource address and its attribute path, never
// by its line, so that edits elsewhere in a file do not resurrect baselined
// findings. Several findings with the same fingerprint are counted, and a
// baseline hides at most that many.
//
// The file is JSON:
//
//	{
//	  "version": 1,
//	  "findings": [
//	    {"rule": "SSM201", "file": "infra/params.tf", "resource": "aws_ssm_parameter.db",
//	     "attribute": "type", "fingerprint": "3f2a…", "count": 2}
//	  ]
//	}
//
// "count" is left out when it is 1.
package baseline

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"path/filepath"
	"slices"

	"github.com/ssmlint/ssmlint/finding"
)

// Version is the baseline file format version.
const Version = 1

// Entry is one fingerprint in a baseline file.
type Entry struct {
	Rule        string `json:"rule"`
	File        string `json:"file"`
	Resource    string `json:"resource"`
	Attribute   string `json:"attribute"`
	Fingerprint string `json:"fingerprint"`
	// Count is how many findings share the fingerprint; 0 means 1.
	Count int `json:"count,omitempty"`
}

// file is the JSON document.
type file struct {
	Version  int     `json:"version"`
	Findings []Entry `json:"findings"`
}

// Baseline is a loaded baseline: how many findings of each fingerprint
// were recorded. It is not modified by Filter, so one Baseline can filter
// several runs, concurrently.
type Baseline struct {
	// Entries are the entries as read, merged by fingerprint, in file
	// order.
	Entries []Entry
	counts  map[string]int
}

// Fingerprint identifies a finding independently of its position: a hex
// SHA-256 (truncated to 128 bits) of the rule ID, rel (the finding's file
// relative to the baseline's base directory, converted to slashes), the
// resource address and the attribute path. The SARIF writer uses it for
// partialFingerprints.
func Fingerprint(f finding.Finding, rel string) string {
	id := ""
	if f.Rule != nil {
		id = f.Rule.ID
	}
	return fingerprint(id, filepath.ToSlash(rel), f.Resource, f.Attribute)
}

func fingerprint(rule, file, resource, attribute string) string {
	h := sha256.New()
	for _, s := range []string{"ssmlint-baseline-v1", rule, file, resource, attribute} {
		// Length-prefixed, so that field boundaries cannot shift.
		var n [8]byte
		for i, l := 0, len(s); i < 8; i, l = i+1, l>>8 {
			n[i] = byte(l)
		}
		h.Write(n[:])
		h.Write([]byte(s))
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// relPath applies relFn (nil means the path as given) and converts the
// result to slashes.
func relPath(relFn func(string) string, file string) string {
	if relFn != nil {
		file = relFn(file)
	}
	return filepath.ToSlash(file)
}

// Write writes a baseline of fs to w. relFn turns a finding's file into
// the relative path to record (nil records the path as given); the same
// function must be passed to Filter. Entries are merged by fingerprint and
// sorted by file, rule, resource, attribute and fingerprint, so that the
// output does not depend on the order of fs.
func Write(w io.Writer, fs []finding.Finding, relFn func(string) string) error {
	byFP := map[string]*Entry{}
	for _, f := range fs {
		rel := relPath(relFn, f.Range.File)
		fp := Fingerprint(f, rel)
		if e, ok := byFP[fp]; ok {
			e.Count++
			continue
		}
		id := ""
		if f.Rule != nil {
			id = f.Rule.ID
		}
		byFP[fp] = &Entry{Rule: id, File: rel, Resource: f.Resource, Attribute: f.Attribute, Fingerprint: fp, Count: 1}
	}
	doc := file{Version: Version, Findings: make([]Entry, 0, len(byFP))}
	for _, e := range byFP {
		if e.Count == 1 {
			e.Count = 0
		}
		doc.Findings = append(doc.Findings, *e)
	}
	slices.SortFunc(doc.Findings, func(a, b Entry) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Resource, b.Resource),
			cmp.Compare(a.Attribute, b.Attribute),
			cmp.Compare(a.Fingerprint, b.Fingerprint),
		)
	})
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

// Of returns the baseline Write would record for fs, without writing it:
// what --new-from-rev compares the current findings with.
func Of(fs []finding.Finding, relFn func(string) string) *Baseline {
	b := &Baseline{counts: map[string]int{}}
	for _, f := range fs {
		b.counts[Fingerprint(f, relPath(relFn, f.Range.File))]++
	}
	return b
}

// Len returns the number of findings the baseline hides at most.
func (b *Baseline) Len() int {
	if b == nil {
		return 0
	}
	n := 0
	for _, c := range b.counts {
		n += c
	}
	return n
}

// Filter returns the findings of fs that the baseline does not cover, in
// their original order, and the number it hid. Each fingerprint hides at
// most as many findings as were recorded: with 2 recorded and 3 present,
// the first 2 (in fs order) are hidden and the third is kept. relFn must
// be the function given to Write. A nil Baseline hides nothing.
func (b *Baseline) Filter(fs []finding.Finding, relFn func(string) string) (kept []finding.Finding, hidden int) {
	if b == nil || len(b.counts) == 0 {
		return slices.Clone(fs), 0
	}
	left := make(map[string]int, len(b.counts))
	for fp, n := range b.counts {
		left[fp] = n
	}
	kept = make([]finding.Finding, 0, len(fs))
	for _, f := range fs {
		fp := Fingerprint(f, relPath(relFn, f.Range.File))
		if left[fp] > 0 {
			left[fp]--
			hidden++
			continue
		}
		kept = append(kept, f)
	}
	return kept, hidden
}

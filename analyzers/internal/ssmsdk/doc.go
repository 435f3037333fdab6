package ssmsdk

import (
	"strings"

	"github.com/ssmlint/ssmlint/rules"
)

// Doc is an analyzer's documentation, from its catalog entry: the catalog
// is the one source of what each rule says.
func Doc(r *rules.Rule) string {
	return r.ID + " " + r.Name + ": " + r.Summary + "\n\n" + r.Rationale
}

// URL is the page of a rule's documentation.
func URL(r *rules.Rule) string {
	return "https://github.com/ssmlint/ssmlint/blob/main/docs/rules/" + r.ID + ".md"
}

// AnalyzerName is the analyzer's name for a rule: its ID in lower case.
func AnalyzerName(r *rules.Rule) string { return strings.ToLower(r.ID) }

// SharedInventory is the Terraform inventory every analyzer that reads
// one uses (flag -inventory on each; setting one sets it for all).
var SharedInventory = &Inventory{}

// Package hclcheck is ssmlint's Terraform engine: it finds the Terraform
// under a path, parses it, evaluates each configuration (a root module and
// the modules it calls) the way Terraform would before apply, and runs the
// checks of package hclcheck/checks over it.
//
// Evaluation covers variables (defaults, tfvars, --var), locals, count and
// for_each, string templates, conditionals, for expressions, dynamic
// blocks, module inputs and outputs, and Terraform's common functions.
// What cannot be known before apply stays unknown: computed attributes are
// unknown values marked with the resource they come from (Ref), so checks
// follow references (Attr.Refs, Config.Referenced) through locals,
// variables and modules, and a check that meets an unknown stays silent.
// Documents written in the configuration (policies, Session preferences,
// container definitions) are read with Attr.Document, in which computed
// leaves are placeholders naming what they come from. docs/engine.md
// explains references, placeholders and what stays unknown.
//
// Scan streams: modules that others call are parsed once and kept; each
// root module is parsed, evaluated, checked and dropped by a worker, within
// a time budget. Nothing is executed or downloaded, and nothing is read
// outside the repository boundary (see Boundary). Files are read in
// native syntax (.tf, .tofu) and JSON syntax (.tf.json, .tofu.json, see
// parseJSONConfig), with override files merged (see applyOverrides).
package hclcheck

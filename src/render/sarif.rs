//! The SARIF format: [SARIF 2.1.0], the interchange format code-scanning services read
//! (GitHub code scanning via `github/codeql-action/upload-sarif`, among others).
//!
//! One run: `tool.driver` names copydesk and lists the rules that ran, each with its
//! summary, full documentation (the text of `copydesk explain`) and default level.
//! Each result carries its rule, level (`error`, `warning`, or `note` for info), message
//! and a region with 1-based start and end line and column (columns count Unicode code
//! points, as `columnKind` says; `endColumn` is just past the span) and the byte offset
//! and length, plus the location-independent fingerprint a baseline uses, so a service
//! can track a finding across edits. Suggestions become `fixes`.
//!
//! [SARIF 2.1.0]: https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html

use serde_json::{json, Value};

use super::{regions, FileReport};
use crate::rule::{clean_docs, RuleMeta};
use crate::{Applicability, Severity};

/// The schema URI written to `$schema`.
///
/// ```
/// assert!(copydesk::render::sarif::SCHEMA.ends_with("sarif-2.1.0.json"));
/// ```
pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Renders `files` as one SARIF log; `rules` are the rules that ran (their metadata
/// fills `tool.driver.rules`).
///
/// ```
/// use copydesk::render::{sarif, FileReport};
/// let linter = copydesk::Linter::new();
/// let source = "They set the budgeton Friday.";
/// let diagnostics = linter.check(source);
/// let log = sarif::render(&[FileReport { path: "a.txt", source, diagnostics: &diagnostics }], linter.rules());
/// let v: serde_json::Value = serde_json::from_str(&log).unwrap();
/// let result = &v["runs"][0]["results"][0];
/// assert_eq!(result["ruleId"], "run-together");
/// assert_eq!(result["level"], "warning");
/// assert_eq!(result["locations"][0]["physicalLocation"]["region"]["startColumn"], 14);
/// assert_eq!(result["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"], "budget on");
/// let rules = v["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
/// assert_eq!(rules[result["ruleIndex"].as_u64().unwrap() as usize]["id"], "run-together");
/// ```
#[must_use]
pub fn render<'m>(files: &[FileReport<'_>], rules: impl IntoIterator<Item = &'m RuleMeta>) -> String {
    let rules: Vec<&RuleMeta> = rules.into_iter().collect();
    let driver_rules: Vec<Value> = rules
        .iter()
        .map(|m| {
            let docs = clean_docs(&m.docs);
            json!({
                "id": m.code,
                "name": m.code,
                "shortDescription": {"text": m.summary},
                "fullDescription": {"text": docs},
                "help": {"text": docs, "markdown": docs},
                "defaultConfiguration": {"level": level(m.default_severity)},
                "properties": {"family": m.family.as_str()},
            })
        })
        .collect();
    let mut results = Vec::new();
    for file in files {
        let uri = uri(file.path);
        for (d, ((line, col), (end_line, end_col))) in file.diagnostics.iter().zip(regions(file)) {
            let mut result = json!({
                "ruleId": d.rule,
                "level": level(d.severity),
                "message": {"text": d.message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": uri},
                    "region": {
                        "startLine": line,
                        "startColumn": col,
                        "endLine": end_line,
                        "endColumn": end_col,
                        "byteOffset": d.span.start,
                        "byteLength": d.span.len(),
                        "snippet": {"text": file.source.get(d.span.start..d.span.end).unwrap_or("")},
                    },
                }}],
                "partialFingerprints": {
                    "copydesk/v1": crate::baseline::fingerprint(&d.rule, file.source, d.span),
                },
            });
            if let Some(i) = rules.iter().position(|m| m.code == d.rule) {
                result["ruleIndex"] = json!(i);
            }
            if !d.suggestions.is_empty() {
                result["fixes"] = d
                    .suggestions
                    .iter()
                    .map(|s| {
                        let how = match s.applicability {
                            Applicability::Auto => "replace with",
                            Applicability::Maybe => "maybe replace with",
                        };
                        json!({
                            "description": {"text": format!("{how} {:?}", s.replacement)},
                            "artifactChanges": [{
                                "artifactLocation": {"uri": uri},
                                "replacements": [{
                                    "deletedRegion": {"byteOffset": d.span.start, "byteLength": d.span.len()},
                                    "insertedContent": {"text": s.replacement},
                                }],
                            }],
                        })
                    })
                    .collect();
            }
            results.push(result);
        }
    }
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "copydesk",
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "rules": driver_rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&log).expect("SARIF serialises")
}

/// A relative URI reference for `path`: `/` separators, and bytes outside the
/// unreserved set percent-encoded.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Diagnostic, Span};

    #[test]
    fn regions_and_rules() {
        let mut d = Diagnostic::new("repeated-word", Severity::Warning, Span::new(2, 11), "m");
        d.suggest("çà", Applicability::Auto);
        let diags = [d];
        let meta = &crate::rules::words::repeated_word::META;
        let out = render(&[FileReport { path: "a b/é.md", source: "x\nçà çà yes", diagnostics: &diags }], [meta]);
        let v: Value = serde_json::from_str(&out).unwrap();
        let r = &v["runs"][0]["results"][0];
        assert_eq!(r["ruleIndex"], 0);
        let region = &r["locations"][0]["physicalLocation"]["region"];
        assert_eq!((region["startLine"].as_u64(), region["startColumn"].as_u64()), (Some(2), Some(1)));
        assert_eq!((region["endLine"].as_u64(), region["endColumn"].as_u64()), (Some(2), Some(6)));
        assert_eq!(region["snippet"]["text"], "çà çà");
        assert_eq!(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "a%20b/%C3%A9.md");
        assert_eq!(v["runs"][0]["tool"]["driver"]["rules"][0]["id"], "repeated-word");
    }
}

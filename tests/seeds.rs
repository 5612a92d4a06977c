//! Acceptance test: every defect listed in the seeds' `expected.toml` whose rule is
//! registered must be reported, at the expected line, overlapping the expected text.
//! The test grows as rules land: from the moment a rule exists, its seed findings hold.

use std::collections::BTreeSet;

use copydesk::render::Locator;
use copydesk::{Linter, Severity};
use serde::Deserialize;

#[derive(Deserialize)]
struct Expected {
    finding: Vec<Finding>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Rules {
    One(String),
    Any(Vec<String>),
}

#[derive(Deserialize)]
struct Finding {
    file: String,
    line: usize,
    rule: Rules,
    text: String,
    #[serde(default)]
    also: Vec<usize>,
    #[serde(default)]
    optional: bool,
}

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seeds");

fn rules_of(f: &Finding) -> Vec<&str> {
    match &f.rule {
        Rules::One(r) => vec![r.as_str()],
        Rules::Any(rs) => rs.iter().map(String::as_str).collect(),
    }
}

/// Byte spans of `text` on line `line` (1-based) of `source`; an empty `text` means the
/// whole line.
fn spans_on_line(source: &str, line: usize, text: &str) -> Vec<(usize, usize)> {
    let mut start = 0;
    for (i, l) in source.split('\n').enumerate() {
        if i + 1 == line {
            if text.is_empty() {
                return vec![(start, start + l.len().max(1))];
            }
            return l.match_indices(text).map(|(o, m)| (start + o, start + o + m.len())).collect();
        }
        start += l.len() + 1;
    }
    Vec::new()
}

#[test]
fn seed_findings_are_reported() {
    let expected: Expected = toml::from_str(&std::fs::read_to_string(format!("{DIR}/expected.toml")).unwrap()).unwrap();
    let linter = Linter::new();
    let registered: BTreeSet<String> = linter.rules().map(|m| m.code.to_string()).collect();
    let mut missed = Vec::new();
    let mut checked = 0;
    for f in &expected.finding {
        let rules = rules_of(f);
        if f.optional || !rules.iter().any(|r| registered.contains(*r)) {
            continue;
        }
        checked += 1;
        let source = std::fs::read_to_string(format!("{DIR}/{}", f.file)).unwrap();
        let diagnostics = linter.check(&source);
        let lines: Vec<usize> = std::iter::once(f.line).chain(f.also.iter().copied()).collect();
        let found = lines.iter().any(|&line| {
            let targets = spans_on_line(&source, line, &f.text);
            assert!(!targets.is_empty(), "{}:{line}: expected text {:?} not on the line", f.file, f.text);
            diagnostics.iter().any(|d| {
                rules.contains(&d.rule.as_ref())
                    && targets.iter().any(|&(s, e)| d.span.start < e && s < d.span.end.max(d.span.start + 1))
            })
        });
        if !found {
            missed.push(format!("{}:{} {:?} {:?}", f.file, f.line, rules, f.text));
        }
    }
    assert!(missed.is_empty(), "missed {} of {checked} seed findings:\n{}", missed.len(), missed.join("\n"));
}

/// Everything reported at warning or error level on the seeds, as a reviewable list:
/// a new line here is either a new true positive or a false positive.
#[test]
fn seed_report_snapshot() {
    let linter = Linter::new();
    let mut out = String::new();
    for name in ["000_2a612bdaf78ad241.txt", "001_42ef759f57eed038.txt", "002_3589846f6bc8d896.txt"] {
        let source = std::fs::read_to_string(format!("{DIR}/{name}")).unwrap();
        let mut loc = Locator::new(&source);
        for d in linter.check(&source).iter().filter(|d| d.severity >= Severity::Warning) {
            let (line, col) = loc.locate(d.span.start);
            out.push_str(&format!("{name}:{line}:{col} {} {:?}\n", d.rule, &source[d.span.start..d.span.end]));
        }
    }
    insta::assert_snapshot!(out);
}

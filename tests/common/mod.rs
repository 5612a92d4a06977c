//! Fixture harness shared by the per-family rule tests.
//!
//! For rule `R`, `tests/fixtures/R/flagged.txt` holds cases separated by lines `~~~`
//! that must each produce at least one `R` finding, then a line `----`, then
//! near-miss cases that must produce none; `tests/fixtures/R/clean.txt` must produce none.
//! The findings on `flagged.txt`, rendered as a user sees them (miette, no colour), are
//! an insta snapshot.

#![allow(dead_code, reason = "each test file uses a part of the harness")]

use copydesk::{Config, Diagnostic, Linter};

/// A linter running only `rule`.
pub fn linter_for(rule: &str) -> Linter {
    let config = Config { select: Some(vec![rule.to_owned()]), ..Config::default() };
    Linter::from_config(&config).unwrap()
}

fn fixture(rule: &str, name: &str) -> String {
    let path = format!("{}/tests/fixtures/{rule}/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Splits text into the cases separated by `~~~` lines.
fn cases(text: &str) -> Vec<&str> {
    text.split("\n~~~\n").map(|c| c.trim_matches('\n')).filter(|c| !c.is_empty()).collect()
}

/// Runs the fixture checks for `rule` and returns the rendered flagged report.
pub fn check_fixtures(rule: &str) -> String {
    check_fixtures_with(rule, Config::default())
}

/// As [`check_fixtures`], with `config` (its `select` replaced by `rule`): for rules
/// that read extra entity packs or rule settings.
pub fn check_fixtures_with(rule: &str, config: Config) -> String {
    let config = Config { select: Some(vec![rule.to_owned()]), ..config };
    let linter = Linter::from_config(&config).unwrap();
    let flagged = fixture(rule, "flagged.txt");
    let (positives, negatives) = flagged.split_once("\n----\n").unwrap_or((&flagged, ""));
    for para in cases(positives) {
        let found = linter.check(para);
        assert!(found.iter().any(|d| d.rule == rule), "{rule}: should fire on:\n{para}");
    }
    for para in cases(negatives) {
        let found: Vec<Diagnostic> = linter.check(para).into_iter().filter(|d| d.rule == rule).collect();
        assert!(found.is_empty(), "{rule}: should not fire on:\n{para}\nbut found {found:#?}");
    }
    let clean = fixture(rule, "clean.txt");
    let found: Vec<Diagnostic> = linter.check(&clean).into_iter().filter(|d| d.rule == rule).collect();
    assert!(found.is_empty(), "{rule}: clean.txt should not fire, found {found:#?}");
    let diags = linter.check(positives);
    copydesk::render::human::render_plain(&format!("{rule}/flagged.txt"), positives, &diags)
}

//! `unused-suppression` fixtures (the directive layer's code; see `src/suppress.rs`),
//! and directives working together with the rules in plain text.

mod common;

#[test]
fn unused_suppression() {
    insta::assert_snapshot!(common::check_fixtures("unused-suppression"));
}

#[test]
fn directives_in_plain_text_hide_findings_and_report_stale_ones() {
    let linter = copydesk::Linter::new();
    let text = "<!-- copydesk-disable-next-line repeated-word -->\nThey met on on Tuesday.\n\n\
                <!-- copydesk-disable-next-line repeated-word -->\nThey met on Tuesday.\n";
    let found = linter.check(text);
    let rules: Vec<&str> = found.iter().map(|d| d.rule.as_ref()).collect();
    assert_eq!(rules, ["unused-suppression"]);
    assert_eq!(found[0].span.start, text.rfind("<!--").unwrap());
}

//! Fixture tests for the words family: repeated-word, run-together.

mod common;

#[test]
fn repeated_word() {
    insta::assert_snapshot!(common::check_fixtures("repeated-word"));
}

#[test]
fn run_together() {
    insta::assert_snapshot!(common::check_fixtures("run-together"));
}

proptest::proptest! {
    /// run-together never panics and its spans and suggestions are well-formed, on any
    /// text and on text made of the pieces it looks at (letters, capitals, dots, quotes).
    #[test]
    fn run_together_spans_are_sound(
        any in "\\PC{0,200}",
        joins in "([a-zA-Z]{1,9}|[.!?…'’\"“”-]|[ \n]|[0-9]|é|\u{301}){0,60}",
    ) {
        static LINTER: std::sync::OnceLock<copydesk::Linter> = std::sync::OnceLock::new();
        let linter = LINTER.get_or_init(|| common::linter_for("run-together"));
        for text in [any.as_str(), joins.as_str()] {
            for d in linter.check(text) {
                proptest::prop_assert!(d.span.start < d.span.end && d.span.end <= text.len());
                proptest::prop_assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
                proptest::prop_assert_eq!(d.suggestions.len(), 1);
            }
        }
    }
}

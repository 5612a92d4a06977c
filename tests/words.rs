//! Fixture tests for the words family: repeated-word.

mod common;

#[test]
fn repeated_word() {
    insta::assert_snapshot!(common::check_fixtures("repeated-word"));
}

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

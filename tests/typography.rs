//! Fixture tests for the typography family: apostrophe, unbalanced-quote, whitespace.

mod common;

#[test]
fn apostrophe() {
    insta::assert_snapshot!(common::check_fixtures("apostrophe"));
}

#[test]
fn unbalanced_quote() {
    insta::assert_snapshot!(common::check_fixtures("unbalanced-quote"));
}

#[test]
fn whitespace() {
    insta::assert_snapshot!(common::check_fixtures("whitespace"));
}

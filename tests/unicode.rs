//! Fixture tests for the unicode family: invisible-char, mojibake, orphan-modifier,
//! stylized-text.

mod common;

#[test]
fn invisible_char() {
    insta::assert_snapshot!(common::check_fixtures("invisible-char"));
}

#[test]
fn mojibake() {
    insta::assert_snapshot!(common::check_fixtures("mojibake"));
}

#[test]
fn orphan_modifier() {
    insta::assert_snapshot!(common::check_fixtures("orphan-modifier"));
}

#[test]
fn stylized_text() {
    insta::assert_snapshot!(common::check_fixtures("stylized-text"));
}

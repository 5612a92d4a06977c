//! Fixture tests for the scrape family: duplicate-passage, embed-residue, boilerplate,
//! leaked-metadata.

mod common;

#[test]
fn boilerplate() {
    insta::assert_snapshot!(common::check_fixtures("boilerplate"));
}

#[test]
fn duplicate_passage() {
    insta::assert_snapshot!(common::check_fixtures("duplicate-passage"));
}

#[test]
fn embed_residue() {
    insta::assert_snapshot!(common::check_fixtures("embed-residue"));
}

#[test]
fn leaked_metadata() {
    insta::assert_snapshot!(common::check_fixtures("leaked-metadata"));
}

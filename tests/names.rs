//! Fixture tests for the names family: mangled-name, name-variant, pronoun-mismatch.
//!
//! The fixtures are articles in other domains than the seeds (football, politics,
//! business). Names the embedded packs do not know come from
//! `tests/fixtures/names-entities.toml`, loaded as a user entity pack would be.

mod common;

use copydesk::Config;

fn with_test_pack() -> Config {
    let mut config = Config::default();
    let pack = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/names-entities.toml");
    config.add_entities_file(std::path::Path::new(pack)).unwrap();
    config
}

#[test]
fn mangled_name() {
    insta::assert_snapshot!(common::check_fixtures_with("mangled-name", with_test_pack()));
}

#[test]
fn name_variant() {
    insta::assert_snapshot!(common::check_fixtures_with("name-variant", with_test_pack()));
}

#[test]
fn pronoun_mismatch() {
    insta::assert_snapshot!(common::check_fixtures_with("pronoun-mismatch", with_test_pack()));
}

#[test]
fn accept_lists_silence_a_name() {
    let mut config = with_test_pack();
    let settings: toml::Table = toml::from_str("accept = [\"Ilkay Demirell\"]").unwrap();
    config.rules.insert("mangled-name".into(), settings);
    let settings: toml::Table = toml::from_str("accept = [\"Bright Water\"]").unwrap();
    config.rules.insert("name-variant".into(), settings);
    config.select = Some(vec!["names".into()]);
    let linter = copydesk::Linter::from_config(&config).unwrap();
    let text = "Ilkay Demirell scored. Brightwater won. Brightwater lost. Bright Water drew.";
    assert!(linter.check(text).is_empty(), "{:#?}", linter.check(text));
    let linter =
        copydesk::Linter::from_config(&Config { select: Some(vec!["names".into()]), ..with_test_pack() }).unwrap();
    assert_eq!(linter.check(text).len(), 2);
}

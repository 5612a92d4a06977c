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

mod properties {
    use proptest::prelude::*;

    static LINTER: once_cell::sync::Lazy<copydesk::Linter> = once_cell::sync::Lazy::new(|| {
        let config = copydesk::Config { select: Some(vec!["names".into()]), ..super::with_test_pack() };
        copydesk::Linter::from_config(&config).unwrap()
    });

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Any text, including name-like soup with hyphens, apostrophes, quotes and
        /// combining marks: no panic, spans in bounds and on char boundaries.
        #[test]
        fn spans_are_valid(text in "([A-Z][a-z]{0,8}|[a-z]{1,6}|Mr|She|her|his|-|’s|'s|\u{301}|“|”|\"|\\. |, | | |\n\n|Ilkay|Demirel|Pay|Flow|Kim Dae-sung){0,60}") {
            check(&text);
        }

        #[test]
        fn any_unicode(text in "\\PC{0,200}") {
            check(&text);
        }
    }

    fn check(text: &str) {
        for d in LINTER.check(text) {
            assert!(d.span.start <= d.span.end && d.span.end <= text.len(), "{d:?}");
            assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end), "{d:?}");
            for l in &d.labels {
                assert!(text.is_char_boundary(l.span.start) && text.is_char_boundary(l.span.end));
            }
        }
    }
}

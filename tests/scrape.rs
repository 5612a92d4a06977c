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

mod properties {
    use copydesk::{Config, Linter};
    use proptest::prelude::*;

    /// The scrape rules, compiled once for all cases.
    fn scrape_linter() -> &'static Linter {
        static LINTER: std::sync::OnceLock<Linter> = std::sync::OnceLock::new();
        LINTER.get_or_init(|| {
            let config = Config { select: Some(vec!["scrape".to_owned()]), ..Config::default() };
            Linter::from_config(&config).unwrap()
        })
    }

    /// Pieces that make repeats, glued words, embed debris and odd Unicode likely.
    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "the ",
            "band ",
            "won ",
            "a ",
            "prize ",
            "on ",
            "Sunday",
            ". ",
            ", ",
            "\n",
            "\n\n",
            "itThe ",
            "songto ",
            "@fan ",
            "#tag ",
            "pic.twitter.com/Ab12 ",
            "“",
            "”",
            "\"",
            "– ",
            "…",
            "İ",
            "ß",
            "é",
            "\u{200b}",
            "💋",
            "🏼",
            "ᵇʸ ",
            "Leave a Comment\n",
            "Related: ",
            " | ",
            "\r\n",
            "日本語 ",
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn spans_are_in_bounds_and_on_char_boundaries(pieces in prop::collection::vec(piece(), 0..200), copies in 1usize..4) {
            let text = pieces.concat().repeat(copies);
            for d in scrape_linter().check(&text) {
                let spans = std::iter::once(d.span).chain(d.labels.iter().map(|l| l.span));
                for s in spans {
                    prop_assert!(s.start <= s.end && s.end <= text.len());
                    prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
                }
            }
        }

        #[test]
        fn any_text_is_safe(text in "\\PC{0,300}") {
            let _ = scrape_linter().check(&text);
        }
    }
}

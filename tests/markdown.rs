//! Markdown awareness: only prose is linted, spans point into the original file, and a
//! Markdown copy of each seed article yields the same findings as the plain seed.

use std::path::Path;

use copydesk::render::Locator;
use copydesk::{Config, Diagnostic, InputKind, Linter, Severity};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// Every rule on, plus a test pack that fires on what front matter, code and link
/// targets contain (so the tests hold whatever packs the build embeds).
fn linter() -> Linter {
    let mut config = Config::default();
    config.add_pack_file(Path::new(&format!("{DIR}/markdown/test-pack.toml"))).unwrap();
    Linter::from_config(&config).unwrap()
}

fn listing(source: &str, diagnostics: &[Diagnostic]) -> String {
    let mut loc = Locator::new(source);
    let mut out = String::new();
    for d in diagnostics {
        let (line, col) = loc.locate(d.span.start);
        out.push_str(&format!("{line}:{col} {} {:?}\n", d.rule, &source[d.span.start..d.span.end]));
    }
    out
}

#[test]
fn article_fixture_lints_prose_only() {
    let source = std::fs::read_to_string(format!("{DIR}/markdown/article.md")).unwrap();
    let found = linter().check_markdown(&source);
    for d in &found {
        assert!(source.is_char_boundary(d.span.start) && source.is_char_boundary(d.span.end));
        let (line, _) = Locator::new(&source).locate(d.span.start);
        let text = source.lines().nth(line - 1).unwrap();
        // Front matter, code, HTML, comments, link targets, the reference definition.
        assert!(line > 5, "front matter linted: {d:?}");
        for off_limits in ["```", "    indented", "<div", "<!--", "[ref]:", "tags:"] {
            assert!(!text.starts_with(off_limits), "non-prose line {line} linted: {d:?}");
        }
        let snippet = &source[d.span.start..d.span.end];
        for target in ["82cDWcYSd3", "1tKR3sFJ4g", "x.png", "AbCdEf", "hidden", "reference-target"] {
            assert!(!snippet.contains(target), "link target or HTML linted: {d:?}");
        }
    }
    insta::assert_snapshot!(listing(&source, &found));
}

#[test]
fn the_same_text_as_plain_text_sees_the_markup() {
    // The contrast that shows the Markdown path matters: as text, code and targets count.
    let source = std::fs::read_to_string(format!("{DIR}/markdown/article.md")).unwrap();
    let linter = linter();
    let plain = linter.check_as(&source, InputKind::Text);
    let md = linter.check_as(&source, InputKind::Markdown);
    assert!(plain.len() > md.len() + 8, "text {} vs markdown {}", plain.len(), md.len());
    assert!(plain.iter().any(|d| source[d.span.start..d.span.end].contains("82cDWcYSd3")));
}

/// A Markdown copy of `seed`: front matter full of metadata, the seed's text, a code
/// block of run-together words and a link whose target is an embed URL.
fn markdown_copy(seed: &str) -> String {
    format!(
        "---\ntitle: A seed article\ndate: 2023-07-19\nslug: actionon-starto\n---\n\n{seed}\n\n\
         ```\nactionon magazinewhere starto\ndate 2023-07-19\n```\n\n\
         The post is [on the site](https://pic.twitter.com/82cDWcYSd3).\n"
    )
}

fn findings(source: &str, diagnostics: &[Diagnostic], min: Severity) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = diagnostics
        .iter()
        .filter(|d| d.severity >= min)
        .map(|d| (d.rule.to_string(), source[d.span.start..d.span.end].to_owned()))
        .collect();
    v.sort();
    v
}

#[test]
fn markdown_copies_of_the_seeds_yield_the_plain_findings() {
    for linter in [Linter::new(), linter()] {
        for name in ["000_2a612bdaf78ad241", "001_42ef759f57eed038", "002_3589846f6bc8d896"] {
            let seed = std::fs::read_to_string(format!("{DIR}/seeds/{name}.txt")).unwrap();
            let md = markdown_copy(&seed);
            let plain = linter.check(&seed);
            let marked = linter.check_markdown(&md);
            // Everything at warning or error level is the same; info-level whitespace
            // differs by design (trailing spaces and leading indentation do not render
            // in Markdown), so it may only shrink.
            assert_eq!(findings(&md, &marked, Severity::Warning), findings(&seed, &plain, Severity::Warning), "{name}");
            let (all_plain, all_md) = (findings(&seed, &plain, Severity::Info), findings(&md, &marked, Severity::Info));
            assert!(all_md.iter().all(|f| all_plain.contains(f)), "{name}: new info findings in Markdown");
            // Nothing from front matter, code or the link target.
            let body_start = md.find(&seed).unwrap();
            let body_end = body_start + seed.len();
            for d in &marked {
                assert!(d.span.start >= body_start && d.span.end <= body_end, "{name}: {d:?} outside the seed text");
            }
        }
    }
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Text made of Markdown's structural characters, words and multi-byte letters.
    fn markdownish() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("\n"),
            Just("\n\n"),
            Just("# "),
            Just("- "),
            Just("> "),
            Just("    "),
            Just("```\n"),
            Just("`"),
            Just("*"),
            Just("_"),
            Just("["),
            Just("]"),
            Just("("),
            Just(")"),
            Just("<"),
            Just(">"),
            Just("!"),
            Just("|"),
            Just("---\n"),
            Just("+++\n"),
            Just("<!-- "),
            Just(" -->"),
            Just("&amp;"),
            Just("copydesk-disable "),
            Just("copydesk-enable"),
            Just("copydesk-disable-next-line "),
            Just("repeated-word"),
            Just("the the "),
            Just("é"),
            Just("’"),
            Just("  "),
            Just("\r\n"),
            Just("word "),
            Just("pic.twitter.com/x "),
            Just("😀"),
        ];
        proptest::collection::vec(piece, 0..60).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn markdown_never_panics_and_spans_stay_on_char_boundaries(text in markdownish()) {
            let linter = Linter::new();
            for d in linter.check_markdown(&text) {
                prop_assert!(d.span.start <= d.span.end && d.span.end <= text.len());
                prop_assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
            }
            let md = copydesk::markdown::Markdown::parse(&text);
            prop_assert_eq!(md.masked().len(), text.len());
            let doc = md.document();
            for t in doc.tokens() {
                prop_assert_eq!(&text[t.start..t.end()], t.text);
            }
        }
    }
}

#[test]
fn whitespace_ignores_markdown_layout_but_not_prose() {
    let config = Config { select: Some(vec!["whitespace".into()]), ..Config::default() };
    let linter = Linter::from_config(&config).unwrap();
    let layout = "# Title\n\n- item\n  continued\n    - nested item\n\nHard  \nbreak and \\\nanother.\n\n\
                  | a   | b |\n|-----|---|\n| c   | d |\n\n```\n  code   spacing\n```\n\n    indented code\n\n> quote\n>   more\n";
    assert_eq!(linter.check_markdown(layout), []);
    let prose = "A sentence with  two spaces inside.\n";
    let found = linter.check_markdown(prose);
    assert_eq!(found.len(), 1);
    assert_eq!(&prose[found[0].span.start..found[0].span.end], "  ");
}

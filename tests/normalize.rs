//! Tests for `copydesk::normalize`: each step on fixtures, the offset map, the
//! properties (no panic, idempotent, spans map back inside the input on char
//! boundaries, clean ASCII unchanged) and agreement of the rules with `normalize`.

use copydesk::normalize::{normalize, Form, NormalizeOptions, Quotes, Step};
use copydesk::{Applicability, Linter, Span};
use proptest::prelude::*;

fn norm(text: &str) -> String {
    normalize(text, &NormalizeOptions::default()).text().to_owned()
}

#[test]
fn each_step_repairs_its_damage() {
    let cases = [
        ("Tom &amp; Jerry&#8217;s &#x201C;show&#x201D;", "Tom & Jerry’s “show”"),
        ("Itâ€™s the cafÃ© of SÃ£o Paulo", "It’s the café of São Paulo"),
        ("one\r\ntwo\rthree\u{2028}four", "one\ntwo\nthree\nfour"),
        ("\u{feff}Pop\u{200b}star soft\u{ad}ware\u{200e}", "Popstar software"),
        ("a\u{a0}b\u{2009}c", "a b c"),
        ("cafe\u{301}", "café"),
        ("fans @fan 🏼", "fans @fan "),
        // Entities that decode to damage are repaired in the same pass.
        ("&Atilde;&copy;t&eacute;", "été"),
        ("&amp;nbsp;x", " x"),
    ];
    for (input, want) in cases {
        assert_eq!(norm(input), want, "{input:?}");
    }
}

#[derive(serde::Deserialize)]
struct StepCases {
    case: Vec<StepCase>,
}

#[derive(serde::Deserialize)]
struct StepCase {
    step: String,
    input: String,
    output: String,
}

/// `tests/fixtures/normalize/steps.toml`: each step alone, on the damage it repairs and
/// on text it must leave alone.
#[test]
fn step_fixtures() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/normalize/steps.toml");
    let cases: StepCases = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut seen = std::collections::BTreeSet::new();
    for c in &cases.case {
        let mut o = NormalizeOptions::none();
        match c.step.as_str() {
            "html-entities" => o.html_entities = true,
            "mojibake" => o.mojibake = true,
            "line-endings" => o.line_endings = true,
            "invisible" => o.invisible = true,
            "spaces" => o.spaces = true,
            "unicode-form" => o.form = Form::Nfc,
            "unicode-form-nfkc" => o.form = Form::Nfkc,
            "orphans" => o.orphans = true,
            "whitespace" => o.collapse_whitespace = true,
            "quotes-curl" => o.quotes = Quotes::Curl,
            "quotes-straighten" => o.quotes = Quotes::Straighten,
            other => panic!("unknown step {other}"),
        }
        seen.insert(c.step.split('-').next().unwrap().to_owned());
        let n = normalize(&c.input, &o);
        assert_eq!(n.text(), c.output, "{}: {:?}", c.step, c.input);
        let again = normalize(n.text(), &o);
        assert_eq!(again.text(), c.output, "{} not idempotent", c.step);
    }
    assert_eq!(seen.len(), 9, "every step has fixtures: {seen:?}");
}

#[test]
fn options_switch_steps() {
    let mut o = NormalizeOptions::none();
    assert_eq!(normalize("&amp;\u{200b}", &o).text(), "&amp;\u{200b}");
    o.form = Form::Nfkc;
    o.quotes = Quotes::Curl;
    o.collapse_whitespace = true;
    assert_eq!(normalize("𝐛𝐨𝐥𝐝  \"ᵇʸ\"  ", &o).text(), "bold “by”");
    let mut o = NormalizeOptions::default();
    o.quotes = Quotes::Straighten;
    assert_eq!(normalize("“It’s”", &o).text(), "\"It's\"");
}

#[test]
fn offset_map_points_back_into_the_original() {
    let input = "A&amp;B caf\u{65}\u{301} Itâ€™s\u{200b} end";
    let n = normalize(input, &NormalizeOptions::default());
    assert_eq!(n.text(), "A&B café It’s end");
    let out = n.text();
    let find = |s: &str| {
        let i = out.find(s).unwrap();
        n.to_original_span(Span::new(i, i + s.len()))
    };
    assert_eq!(find("&").slice(input), "&amp;");
    assert_eq!(find("café").slice(input), "caf\u{65}\u{301}");
    assert_eq!(find("It’s").slice(input), "Itâ€™s");
    assert_eq!(find("end").slice(input), "end");
    assert_eq!(n.to_normalized_span(Span::new(0, input.len())), Span::new(0, out.len()));
    let steps: Vec<Step> = n.changes().iter().map(|c| c.step).collect();
    assert_eq!(steps, [Step::HtmlEntities, Step::Mojibake, Step::Invisible, Step::UnicodeForm]);
}

/// The clean articles come back byte for byte, except the one whose text carries an
/// undecoded entity ("&#233;", a real defect of the source).
#[test]
fn clean_corpus_articles_are_unchanged() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/corpus/bbc");
    let mut changed = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|x| x == "txt") {
            let text = std::fs::read_to_string(&path).unwrap();
            let n = normalize(&text, &NormalizeOptions::default());
            for c in n.changes() {
                changed.push(format!(
                    "{} {} {:?}",
                    path.file_name().unwrap().to_string_lossy(),
                    c.step.as_str(),
                    c.before
                ));
            }
        }
    }
    assert_eq!(changed, ["tech-no-re-draft-for-eu-patent-law.txt html-entities \"&#233;\""]);
}

/// Each rule's auto suggestion is exactly what `normalize` writes for that span.
#[test]
fn rule_suggestions_agree_with_normalize() {
    let text = "Itâ€™s a pop\u{200b}star, says CatQue ᵇʸ ʲᵏ @fan 🏼 and 𝐛𝐨𝐥𝐝\n";
    let mut opts = NormalizeOptions::default();
    opts.form = Form::Nfkc;
    let n = normalize(text, &opts);
    let config = copydesk::Config { select: Some(vec!["unicode".into()]), ..Default::default() };
    let found = Linter::from_config(&config).unwrap().check(text);
    assert_eq!(found.len(), 6, "{found:#?}");
    for d in found {
        let s = &d.suggestions[0];
        assert_eq!(s.applicability, Applicability::Auto);
        let out = n.to_normalized_span(d.span);
        assert_eq!(&n.text()[out.start..out.end], s.replacement, "{}", d.rule);
    }
}

fn messy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a", "B", " ", "  ", "\n", "\r\n", "\r", "\t", "'", "\"", "’", "“", "&", "&amp;", "&#8217;", "&lt;", "amp;",
        "Ã", "©", "â", "€", "™", "Â", "\u{a0}", "\u{92}", "\u{9d}", "ð", "Ÿ", "˜", "\u{200b}", "\u{200d}", "\u{ad}",
        "\u{feff}", "\u{301}", "e", "🏼", "👍", "💋", "ᵇ", "ʸ", "𝐛", "ﬁ", "é", "ß", "”", "\u{1}", "\u{85}", "\u{2028}",
        "ก", "क", "्", "\u{200c}",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

fn all_on() -> NormalizeOptions {
    let mut o = NormalizeOptions::default();
    o.form = Form::Nfkc;
    o.collapse_whitespace = true;
    o.quotes = Quotes::Curl;
    o
}

fn check_properties(text: &str, opts: &NormalizeOptions) -> Result<(), TestCaseError> {
    let n = normalize(text, opts);
    let out = n.text();
    let again = normalize(out, opts);
    prop_assert_eq!(again.text(), out, "not idempotent for {:?}", text);
    let mut last = 0;
    for (i, _) in out.char_indices().chain(std::iter::once((out.len(), ' '))) {
        let o = n.to_original(i);
        prop_assert!(o <= text.len() && text.is_char_boundary(o), "{} -> {} in {:?}", i, o, text);
        prop_assert!(o >= last, "not monotone at {} in {:?}", i, text);
        last = o;
        let back = n.to_normalized(o);
        prop_assert!(back <= out.len() && out.is_char_boundary(back));
    }
    prop_assert_eq!(n.to_original(out.len()), text.len());
    // Between replaced regions the two texts are equal byte for byte: the map is exact.
    let (mut o, mut p) = (0, 0);
    for s in n.map().segments() {
        prop_assert_eq!(&text[o..s.original.start], &out[p..s.normalized.start], "copy region differs in {:?}", text);
        prop_assert!(text.is_char_boundary(s.original.end) && out.is_char_boundary(s.normalized.end));
        o = s.original.end;
        p = s.normalized.end;
    }
    prop_assert_eq!(&text[o..], &out[p..]);
    for c in n.changes() {
        prop_assert!(
            c.original.end <= text.len()
                && text.is_char_boundary(c.original.start)
                && text.is_char_boundary(c.original.end)
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn properties_hold_on_messy_text(text in messy()) {
        check_properties(&text, &NormalizeOptions::default())?;
        check_properties(&text, &all_on())?;
    }

    #[test]
    fn properties_hold_on_any_string(text in any::<String>()) {
        check_properties(&text, &NormalizeOptions::default())?;
        check_properties(&text, &all_on())?;
    }

    #[test]
    fn clean_ascii_is_unchanged(text in "[ -%'-~\n\t]{0,200}") {
        let n = normalize(&text, &NormalizeOptions::default());
        prop_assert_eq!(n.text(), text.as_str());
        prop_assert!(!n.is_changed());
    }

    #[test]
    fn unicode_rules_report_valid_spans(text in prop_oneof![messy(), any::<String>()]) {
        let config = copydesk::Config { select: Some(vec!["unicode".into()]), ..Default::default() };
        let linter = Linter::from_config(&config).unwrap();
        for d in linter.check(&text) {
            prop_assert!(d.span.start < d.span.end && d.span.end <= text.len());
            prop_assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
            prop_assert_eq!(d.suggestions[0].applicability, Applicability::Auto);
        }
    }

    #[test]
    fn fixes_yield_valid_text(text in messy()) {
        let linter = Linter::new();
        if let Some(fixed) = copydesk::fix::fix(&linter, &text) {
            prop_assert!(std::str::from_utf8(fixed.text.as_bytes()).is_ok());
        }
    }
}

#[derive(serde::Deserialize)]
struct Oracle {
    case: Vec<OracleCase>,
}

#[derive(serde::Deserialize)]
struct OracleCase {
    how: String,
    input: String,
    ftfy: String,
}

/// Mojibake repair agrees with ftfy (recorded in `tests/fixtures/mojibake-oracle/`,
/// see its `generate.py`) on at least 95% of the damaged cases, and never changes the
/// clean ones. The printed list is every disagreement; the one known (59/60) is
/// deliberate: ftfy reads the space in "Ã  perturber" as a lost U+00A0 byte ("à"),
/// which copydesk does not, since "Ã " is also how Portuguese capitals end a word.
#[test]
fn mojibake_repair_agrees_with_ftfy() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mojibake-oracle/oracle.toml");
    let oracle: Oracle = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut opts = NormalizeOptions::none();
    opts.mojibake = true;
    let (mut damaged, mut agree) = (0, 0);
    let mut disagreements = Vec::new();
    for c in &oracle.case {
        let ours = normalize(&c.input, &opts).text().to_owned();
        if c.how == "clean" {
            assert_eq!(ours, c.input, "changed clean text");
            continue;
        }
        damaged += 1;
        if ours == c.ftfy {
            agree += 1;
        } else {
            disagreements.push(format!("{}: {:?}\n  ftfy: {:?}\n  ours: {:?}", c.how, c.input, c.ftfy, ours));
        }
    }
    println!("agreement {agree}/{damaged}\n{}", disagreements.join("\n"));
    assert!(damaged >= 50);
    assert!(agree * 100 >= damaged * 95, "agreement {agree}/{damaged}:\n{}", disagreements.join("\n"));
}

//! `repeated-word`: the same word twice in a row.

use crate::declare_rule;
use crate::document::TokenKind;
use crate::rule::{Reporter, Rule, RuleMeta};
use crate::{Applicability, Document};

declare_rule! {
    /// ## What it flags
    /// The same word twice in a row, separated only by spaces: "reviewing reviewing",
    /// "the the". Case is ignored ("The the").
    ///
    /// ## Why it matters
    /// Scrapers that join text nodes, and editors working fast, double words. Readers
    /// notice at once. Severity **warning**: some doublings are grammatical, and a person
    /// should judge the rest.
    ///
    /// Not flagged: grammatical or idiomatic doublings ("had had", "that that", "is is",
    /// "bye bye", "no no", "very very"), numbers, words split by punctuation or a line
    /// break between paragraphs, and doubled capitalised names ("Duran Duran", "Bora
    /// Bora").
    ///
    /// ## Example
    /// `the council spent weeks reviewing reviewing the plans` →
    /// `the council spent weeks reviewing the plans`
    pub struct RepeatedWord;
    META = "repeated-word", Words, Warning, "the same word twice in a row";
}

/// Words whose doubling is grammatical or idiomatic.
const ALLOWED: &[&str] = &[
    "bye", "chop", "had", "ha", "hey", "knock", "la", "na", "no", "now", "oh", "so", "that", "tut", "very", "yeah",
    "yes", "is", "do", "go", "boo", "bla", "blah", "choo", "dum", "ho", "hee", "hush", "long", "many", "more", "far",
    "bang", "pom", "aye", "cha", "ta", "tick", "well", "wow", "yo", "yum", "woo", "oo", "ooh", "ah", "aw", "mm", "hmm",
    "uh", "um", "bling", "ding", "dong", "night", "there", "what", "who", "where", "why", "please", "again", "baby",
    "honey", "sorry", "come", "run", "out", "really", "all", "ever", "over", "round", "through", "her", "tsk",
];

impl RepeatedWord {
    /// The rule (it holds no data).
    ///
    /// ```
    /// use copydesk::rules::words::repeated_word::RepeatedWord;
    /// use copydesk::{Document, Reporter, Rule};
    /// let rule = RepeatedWord::new();
    /// let text = "The the company said it had had enough.";
    /// let mut found = Vec::new();
    /// rule.check(&Document::new(text), &mut Reporter::new(rule.meta(), rule.meta().default_severity, &mut found));
    /// assert_eq!(found.len(), 1, "“had had” is grammatical");
    /// assert_eq!(found[0].span.slice(text), "The the");
    /// assert_eq!(found[0].suggestions[0].replacement, "The");
    /// ```
    #[must_use]
    pub fn new() -> Self {
        RepeatedWord
    }
}

impl Default for RepeatedWord {
    fn default() -> Self {
        Self::new()
    }
}

impl Rule for RepeatedWord {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, out: &mut Reporter<'_>) {
        let text = doc.text();
        for pair in doc.tokens().windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            // Only words: numbers ("10 10"), punctuation and emoji repeat legitimately.
            if a.kind != TokenKind::Word || b.kind != TokenKind::Word {
                continue;
            }
            // The same word, ignoring case: the test that rules out nearly every pair, so
            // it comes first and allocates nothing.
            if !same_ignoring_case(a.text, b.text) {
                continue;
            }
            // Same paragraph, separated by nothing but spaces or one line break.
            if a.paragraph != b.paragraph || !text[a.end()..b.start].chars().all(char::is_whitespace) {
                continue;
            }
            // The first is the tail of a hyphenated compound: "a break-in in 1999".
            if text[..a.start].ends_with(['-', '‐', '/']) {
                continue;
            }
            // Single letters repeat in lists and initials ("A A Milne", "b b").
            if a.text.chars().count() < 2 {
                continue;
            }
            if ALLOWED.iter().any(|w| w.eq_ignore_ascii_case(a.text)) {
                continue;
            }
            // Doubled capitalised names: "Duran Duran", "Walla Walla", "Sirhan Sirhan".
            let capital = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
            if capital(a.text) && capital(b.text) && !a.text.chars().all(|c| c.is_uppercase() || !c.is_alphabetic()) {
                continue;
            }
            // All-caps doublings are chants and acronyms in quotes ("GO GO", "NO NO").
            if a.text.chars().all(|c| !c.is_lowercase()) && b.text.chars().all(|c| !c.is_lowercase()) {
                continue;
            }
            let span = crate::Span::new(a.start, b.end());
            out.report(span, format!("“{}” is repeated", b.text)).suggest(a.text, Applicability::Auto);
        }
    }
}

/// Whether `a` and `b` are equal once lowercased (`str::to_lowercase`), without allocating.
fn same_ignoring_case(a: &str, b: &str) -> bool {
    // An ASCII character lowercases to one ASCII character, so two words that begin (or
    // end) with different ASCII letters differ: this settles nearly every pair at once.
    // ASCII case folding flips only bit 0x20, so ASCII bytes differing in any other bit
    // differ in every case.
    let differ = |x: Option<&u8>, y: Option<&u8>| match (x, y) {
        (Some(&x), Some(&y)) => (x | y).is_ascii() && (x ^ y) & !0x20 != 0,
        _ => false,
    };
    let (ab, bb) = (a.as_bytes(), b.as_bytes());
    if differ(ab.first(), bb.first()) || differ(ab.last(), bb.last()) {
        return false;
    }
    if a.eq_ignore_ascii_case(b) {
        return true;
    }
    // ASCII lowercases to ASCII byte for byte, so ASCII words unequal above stay unequal.
    if a.is_ascii() && b.is_ascii() {
        return false;
    }
    // `str::to_lowercase` lowercases a capital sigma by its context (final `ς`), which
    // `char::to_lowercase` cannot see: compare those rare words the allocating way.
    if a.contains('Σ') || b.contains('Σ') {
        return a.to_lowercase() == b.to_lowercase();
    }
    a.chars().flat_map(char::to_lowercase).eq(b.chars().flat_map(char::to_lowercase))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Diagnostic, Severity};

    fn run(text: &str) -> Vec<Diagnostic> {
        let mut v = Vec::new();
        RepeatedWord.check(&Document::new(text), &mut Reporter::new(&META, Severity::Warning, &mut v));
        v
    }

    #[test]
    fn flags_doubled_words() {
        let d = run("the council kept reviewing reviewing the plans");
        assert_eq!(d.len(), 1);
        assert_eq!(
            &"the council kept reviewing reviewing the plans"[d[0].span.start..d[0].span.end],
            "reviewing reviewing"
        );
        assert_eq!(d[0].suggestions[0].replacement, "reviewing");
        assert_eq!(run("The the cat").len(), 1);
        assert_eq!(run("in the\nthe morning").len(), 1);
    }

    #[test]
    fn case_folding_matches_to_lowercase() {
        for (a, b) in [
            ("the", "THE"),
            ("Straße", "STRASSE"),
            ("ÉTÉ", "été"),
            ("\u{212a}ilo", "kilo"),
            ("İstanbul", "i\u{307}stanbul"),
            ("ΟΔΟΣ", "οδος"),
            ("ΟΔΟΣ", "οδοσ"),
            ("ΣΑΣ", "σας"),
            ("naïve", "naive"),
            ("word", "words"),
        ] {
            assert_eq!(same_ignoring_case(a, b), a.to_lowercase() == b.to_lowercase(), "{a} {b}");
            assert_eq!(same_ignoring_case(b, a), a.to_lowercase() == b.to_lowercase(), "{b} {a}");
        }
    }

    #[test]
    fn passes_grammatical_and_separated_doublings() {
        for ok in [
            "He had had enough.",
            "I said that that was fine.",
            "bye bye",
            "no, no",
            "10 10",
            "Duran Duran played",
            "a break-in in 1999",
            "the\n\nthe",
            "GO GO GO",
            "a a",
        ] {
            assert!(run(ok).is_empty(), "{ok}");
        }
    }
}

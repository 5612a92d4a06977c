//! The names family: people and organisations spelled wrongly (`mangled-name`), one
//! name or term spelled two ways in one article (`name-variant`), and pronouns that
//! disagree with the person they refer to (`pronoun-mismatch`).
//!
//! The three rules share how they see names: `name_runs` picks out runs of capitalised
//! words ("Arsenal’s Bukayo Saka", "Gordon Brown") from the document's tokens, with hyphenated
//! parts joined ("Park Ji-min") and possessives split off; `skeleton` reduces a
//! spelling to its lowercase letters and digits, so spellings that differ only by case,
//! spacing, hyphens or apostrophes compare equal.
//!
//! The rules: [`mangled_name::MangledName`], [`name_variant::NameVariant`],
//! [`pronoun_mismatch::PronounMismatch`]. The names they know come from the entity
//! packs ([`crate::entities`]).
//!
//! ```
//! use copydesk::{Config, Linter};
//! let config = Config { select: Some(vec!["names".into()]), ..Config::default() };
//! let linter = Linter::from_config(&config)?;
//! let text = "Jungkook released a single. Later she said Weaver’s Magazine had called Jung Kook.";
//! let diagnostics = linter.check(text);
//! let found: Vec<(&str, &str)> = diagnostics.iter().map(|d| (&*d.rule, d.span.slice(text))).collect();
//! assert_eq!(found, [
//!     ("pronoun-mismatch", "she"),
//!     ("mangled-name", "Weaver’s Magazine"),
//!     ("name-variant", "Jung Kook"),
//! ]);
//! # Ok::<(), copydesk::Error>(())
//! ```

pub mod mangled_name;
pub mod name_variant;
pub mod pronoun_mismatch;

use std::collections::HashSet;
use std::rc::Rc;

use once_cell::sync::Lazy;

use crate::{Document, TokenKind};

/// One capitalised word of a name run, with its hyphenated parts joined.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct NameWord<'a> {
    /// The word without a trailing possessive ("Brown’s" → "Brown").
    pub text: &'a str,
    /// Byte offset of the word.
    pub start: usize,
    /// Byte offset one past the word, before any possessive.
    pub end: usize,
    /// Byte offset one past the possessive, or `end`.
    pub full_end: usize,
    /// Whether a possessive ('s, ’s, s’) follows.
    pub possessive: bool,
    /// Whether the word opens its sentence or line (capitalised anyway).
    pub initial: bool,
}

/// Runs of capitalised words separated by single spaces: the name-like spans of a
/// document. Each run is a range into the returned word list.
pub(crate) struct NameRuns<'a> {
    /// Every capitalised word, in order.
    pub words: Vec<NameWord<'a>>,
    /// Each run as a half-open range into `words`.
    pub runs: Vec<(usize, usize)>,
}

/// Whether `c` is an apostrophe a possessive is written with.
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// Splits a possessive off `word`: "Brown’s" → ("Brown", true); "BTS’" is handled by the
/// caller because the tokenizer leaves a word-final apostrophe as its own token.
pub(crate) fn strip_possessive(word: &str) -> (&str, bool) {
    for suffix in ["'s", "’s", "‘s", "'S", "’S", "‘S"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            if !stem.is_empty() {
                return (stem, true);
            }
        }
    }
    (word, false)
}

/// Whether `word` starts with an uppercase letter.
pub(crate) fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether `word` is written in capitals only (two letters or more): a headline or
/// emphasis, whose spacing says nothing about house style.
pub(crate) fn is_all_caps(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters > 1
}

/// Finds the name runs of `doc`. A run is a maximal sequence of capitalised words, each
/// separated from the next by one space; hyphenated parts join their word
/// ("Ji-min", "Jean-Paul"). A possessive stays inside the run ("Baker’s Gazette") but
/// is recorded on its word. `glued_heads` lists head words ("Magazine") that may be
/// glued to a following lowercase word by a scrape ("Gazettewhere"): such a token
/// counts as the head word alone and ends its run.
pub(crate) fn name_runs<'a>(doc: &Document<'a>, glued_heads: &HashSet<String>) -> NameRuns<'a> {
    let text = doc.text();
    let tokens = doc.tokens();
    let starts = sentence_starts(doc);
    let mut next_start = 0;
    let mut words: Vec<NameWord<'a>> = Vec::new();
    let mut runs = Vec::new();
    let mut run_start = 0;
    let mut glued = false;
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        while next_start < starts.len() && starts[next_start] < t.start {
            next_start += 1;
        }
        if !matches!(t.kind, TokenKind::Word | TokenKind::Number) {
            i += 1;
            continue;
        }
        let initial = starts.get(next_start) == Some(&t.start);
        if t.kind != TokenKind::Word || !is_capitalised(t.text) {
            i += 1;
            continue;
        }
        // Join hyphenated parts: "Ji" "-" "min" is one word.
        let mut end_tok = i;
        while end_tok + 2 < tokens.len()
            && tokens[end_tok + 1].text == "-"
            && tokens[end_tok + 1].start == tokens[end_tok].end()
            && tokens[end_tok + 2].start == tokens[end_tok + 1].end()
            && matches!(tokens[end_tok + 2].kind, TokenKind::Word | TokenKind::Number)
        {
            end_tok += 2;
        }
        let start = t.start;
        let raw_end = tokens[end_tok].end();
        let (stem, mut possessive) = strip_possessive(&text[start..raw_end]);
        let mut end = start + stem.len();
        let mut full_end = raw_end;
        // "BTS’" / "James'": the tokenizer leaves the apostrophe as its own token.
        if !possessive && stem.ends_with(['s', 'S']) {
            if let Some(next) = tokens.get(end_tok + 1) {
                let after = text[next.end()..].chars().next();
                if next.start == raw_end
                    && next.text.chars().all(is_apostrophe)
                    && next.text.len() <= 3
                    && !after.is_some_and(char::is_alphanumeric)
                {
                    possessive = true;
                    full_end = next.end();
                }
            }
        }
        // A head word glued to the next word by a scrape: keep the head, end the run.
        let mut glued_here = false;
        if end_tok == i && !possessive {
            if let Some(head) = glued_head(stem, glued_heads) {
                end = start + head.len();
                full_end = end;
                glued_here = true;
            }
        }
        let word = NameWord { text: &text[start..end], start, end, full_end, possessive, initial };
        let joined = words.last().is_some_and(|prev: &NameWord<'_>| !glued && &text[prev.full_end..start] == " ");
        if !joined && run_start < words.len() {
            runs.push((run_start, words.len()));
            run_start = words.len();
        }
        words.push(word);
        glued = glued_here;
        i = end_tok + 1;
    }
    if run_start < words.len() {
        runs.push((run_start, words.len()));
    }
    NameRuns { words, runs }
}

/// Longest head word, in bytes.
const MAX_HEAD: usize = 16;

/// Words after which a full stop ends an abbreviation, not a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Capt", "Col", "Dr", "Gen", "Gov", "Jr", "Lt", "Mr", "Mrs", "Ms", "No", "Prof", "Rep", "Sen", "Sgt", "Sr", "St",
    "vs",
];

/// Byte offsets of the first word or number of each sentence: after a line break, or
/// after a `.`, `!`, `?` or `…` that does not end an abbreviation or an initial. A
/// light splitter on the shared tokens; the names rules need sentence starts only, and
/// full UAX #29 sentence segmentation costs as much as tokenising.
pub(crate) fn sentence_starts(doc: &Document<'_>) -> Rc<SentenceStarts> {
    doc.shared(|doc| SentenceStarts(find_sentence_starts(doc)))
}

/// The result of [`sentence_starts`], shared by the rules of a document.
pub(crate) struct SentenceStarts(pub Vec<usize>);

impl std::ops::Deref for SentenceStarts {
    type Target = [usize];

    fn deref(&self) -> &[usize] {
        &self.0
    }
}

fn find_sentence_starts(doc: &Document<'_>) -> Vec<usize> {
    let tokens = doc.tokens();
    let mut starts = Vec::with_capacity(tokens.len() / 16 + 1);
    let mut open = true;
    let mut line = u32::MAX;
    for (i, t) in tokens.iter().enumerate() {
        if t.line != line {
            line = t.line;
            open = true;
        }
        match t.kind {
            TokenKind::Word | TokenKind::Number if open => {
                starts.push(t.start);
                open = false;
            }
            TokenKind::Punct if matches!(t.text, "." | "!" | "?" | "…") => {
                let prev = i.checked_sub(1).map(|p| &tokens[p]).filter(|p| p.end() == t.start);
                let abbreviation = prev.is_some_and(|p| {
                    p.is_word()
                        && t.text == "."
                        && (ABBREVIATIONS.contains(&p.text) || (p.text.len() == 1 && is_capitalised(p.text)))
                });
                open |= !abbreviation;
            }
            _ => {}
        }
    }
    starts
}

/// The head word `word` starts with when a lowercase word is glued to it.
fn glued_head<'w>(word: &'w str, heads: &HashSet<String>) -> Option<&'w str> {
    if heads.is_empty() || word.len() < 6 {
        return None;
    }
    // The first lowercase-to-lowercase boundary where a head ends and a word begins.
    (4..word.len().min(MAX_HEAD + 1)).filter(|&b| word.is_char_boundary(b)).find_map(|b| {
        let (head, rest) = word.split_at(b);
        let glued = rest.chars().all(char::is_lowercase) && rest.len() >= 2;
        (glued && heads.contains(head) && is_common_word(rest)).then_some(head)
    })
}

/// Appends the skeleton of `s` to `out`: its letters and digits, lowercased. Spellings
/// that differ only by case, spaces, hyphens, dots or apostrophes share a skeleton.
pub(crate) fn skeleton_into(s: &str, out: &mut String) {
    for c in s.chars() {
        if c.is_alphanumeric() {
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        }
    }
}

/// The skeleton of `s` (see [`skeleton_into`]).
pub(crate) fn skeleton(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    skeleton_into(s, &mut out);
    out
}

/// A 64-bit FNV-1a hash, fed char by char: keys for per-document maps built without
/// allocating a string per token.
#[derive(Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Fnv {
    /// The empty hash.
    pub fn new() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    /// Feeds the skeleton of `s` (lowercase letters and digits).
    pub fn skeleton(mut self, s: &str) -> Self {
        for c in s.chars() {
            if c.is_alphanumeric() {
                if c.is_ascii() {
                    self = self.byte(c.to_ascii_lowercase() as u8);
                } else {
                    for l in c.to_lowercase() {
                        self = self.char(l);
                    }
                }
            }
        }
        self
    }

    /// Feeds one char.
    pub fn char(self, c: char) -> Self {
        let mut buf = [0u8; 4];
        c.encode_utf8(&mut buf).bytes().fold(self, Fnv::byte)
    }

    /// Feeds one byte.
    pub fn byte(self, b: u8) -> Self {
        Fnv((self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
    }

    /// The hash value.
    pub fn finish(self) -> u64 {
        self.0
    }
}

/// A fast hasher for the names rules' maps (FxHash's multiply-rotate): their keys are
/// short words and 64-bit hashes from trusted data, so SipHash's DoS resistance buys
/// nothing and costs a tenth of the rules' time.
#[derive(Clone, Copy, Default)]
pub(crate) struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut buf = [0u8; 8];
            buf[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(buf));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// `HashSet` / `HashMap` state with [`FxHasher`].
pub(crate) type FxBuild = std::hash::BuildHasherDefault<FxHasher>;

/// The English word list (`lints/lexicon/en.txt` and `extra.txt`), lowercase.
static LEXICON: Lazy<HashSet<&'static str, FxBuild>> = Lazy::new(|| {
    let mut set = HashSet::with_capacity_and_hasher(90_000, FxBuild::default());
    for src in [include_str!("../../../lints/lexicon/en.txt"), include_str!("../../../lints/lexicon/extra.txt")] {
        for line in src.lines() {
            if line.starts_with('#') {
                continue;
            }
            if let Some(word) = line.split('\t').next().filter(|w| !w.is_empty()) {
                set.insert(word);
            }
        }
    }
    set
});

/// Whether `word` (any case) is an English word or a common name in the lexicon.
pub(crate) fn is_common_word(word: &str) -> bool {
    if word.bytes().all(|b| b.is_ascii_lowercase()) {
        return LEXICON.contains(word);
    }
    // Lowercase short ASCII words on the stack: this runs for every capitalised word.
    let mut buf = [0u8; 24];
    if word.len() <= buf.len() && word.is_ascii() {
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        return std::str::from_utf8(lower).is_ok_and(|w| LEXICON.contains(w));
    }
    LEXICON.contains(word.to_lowercase().as_str())
}

/// Generic head words of names ("Magazine", "Records", "FC"): one line each in
/// `lints/names/heads.txt`. A near-miss must match them exactly.
pub(crate) static HEADS: Lazy<HashSet<String>> =
    Lazy::new(|| word_list(include_str!("../../../lints/names/heads.txt")));

/// Parses a word list: one entry a line, `#` comments and blank lines skipped.
pub(crate) fn word_list(src: &str) -> HashSet<String> {
    src.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(str::to_owned).collect()
}

/// The `accept` list of rule `code` from `[rules.CODE]` in the configuration, as
/// skeletons: spellings a team has accepted.
pub(crate) fn accepted(config: &crate::Config, code: &str) -> HashSet<String> {
    let Some(table) = config.rule_settings(code) else { return HashSet::new() };
    let Some(list) = table.get("accept").and_then(toml::Value::as_array) else { return HashSet::new() };
    list.iter().filter_map(toml::Value::as_str).map(crate::entities::fold).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs(text: &str) -> Vec<Vec<&str>> {
        let doc = Document::new(text);
        let heads: HashSet<String> = ["Magazine".to_owned()].into();
        let r = name_runs(&doc, &heads);
        r.runs.iter().map(|&(a, b)| r.words[a..b].iter().map(|w| w.text).collect()).collect()
    }

    #[test]
    fn finds_runs_with_hyphens_and_possessives() {
        assert_eq!(
            runs("Yesterday Gordon Brown’s aide met Park Ji-min and Chelsea FC."),
            vec![vec!["Yesterday", "Gordon", "Brown"], vec!["Park", "Ji-min"], vec!["Chelsea", "FC"]]
        );
        assert_eq!(runs("Reading Times Magazinewhen he"), vec![vec!["Reading", "Times", "Magazine"]]);
        assert_eq!(runs("the Jones’ house"), vec![vec!["Jones"]]);
    }

    #[test]
    fn initial_words() {
        let doc = Document::new("The cat. \"Bob Smith\" came\nHome now");
        let r = name_runs(&doc, &HashSet::new());
        let initial: Vec<_> = r.words.iter().map(|w| (w.text, w.initial)).collect();
        assert_eq!(initial, [("The", true), ("Bob", true), ("Smith", false), ("Home", true)]);
    }

    #[test]
    fn sentence_starts_skip_abbreviations() {
        let text = "Mr. Smith met J. K. Rowling. She left! “Then what?” he asked.\nA headline";
        let doc = Document::new(text);
        let starts: Vec<&str> = sentence_starts(&doc).iter().map(|&s| &text[s..s + 3]).collect();
        assert_eq!(starts, ["Mr.", "She", "The", "he ", "A h"]);
    }

    #[test]
    fn skeletons() {
        assert_eq!(skeleton("Park Ji-min"), "parkjimin");
        assert_eq!(Fnv::new().skeleton("Park Ji").skeleton("-min").finish(), Fnv::new().skeleton("parkjimin").finish());
        assert!(is_common_word("Baker") && !is_common_word("Qzxv"));
    }
}

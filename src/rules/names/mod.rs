//! The names family: people and organisations spelled wrongly (`mangled-name`), one
//! name or term spelled two ways in one article (`name-variant`), and pronouns that
//! disagree with the person they refer to (`pronoun-mismatch`).
//!
//! The three rules share how they see names: one pass over the document's tokens
//! (`analyse`) picks out runs of capitalised words ("Arsenal’s Bukayo Saka", "Gordon
//! Brown"), with hyphenated parts joined ("Park Ji-min") and possessives split off, and
//! notes sentence starts and what each word is; `skeleton` reduces a spelling to its
//! lowercase letters and digits, so spellings that differ only by case, spacing, hyphens
//! or apostrophes compare equal, and `Key` hashes a skeleton so that the key of a name
//! of several words follows from the keys of its words.
//!
//! The rules: [`mangled_name::MangledName`], [`name_variant::NameVariant`],
//! [`pronoun_mismatch::PronounMismatch`]. The names they know come from the entity
//! packs ([`crate::entities`]).
//!
//! ```
//! use copydesk::{Config, Linter};
//! let config = Config { select: Some(vec!["names".into()]), ..Config::default() };
//! let linter = Linter::from_config(&config)?;
//! let text = "Baekhyun released a single. Later she said Geffin’s Records had called Baek Hyun.";
//! let diagnostics = linter.check(text);
//! let found: Vec<(&str, &str)> = diagnostics.iter().map(|d| (&*d.rule, d.span.slice(text))).collect();
//! assert_eq!(found, [
//!     ("pronoun-mismatch", "she"),
//!     ("mangled-name", "Geffin’s Records"),
//!     ("name-variant", "Baek Hyun"),
//! ]);
//! # Ok::<(), copydesk::Error>(())
//! ```

pub mod mangled_name;
pub mod name_variant;
pub mod pronoun_mismatch;

use std::cell::Cell;
use std::rc::Rc;

use once_cell::sync::Lazy;
use rustc_hash::FxHashSet;

use crate::{Document, Token, TokenKind};

/// The base of [`Key`]'s polynomial hash: odd, with no pattern in its bits.
const BASE: u64 = 0x9e37_79b9_7f4a_7c15;

/// `BASE^i` for skeletons of up to 63 chars, so a word's key costs one multiplication a
/// char.
static POWERS: [u64; 64] = {
    let mut p = [1u64; 64];
    let mut i = 1;
    while i < 64 {
        p[i] = p[i - 1].wrapping_mul(BASE);
        i += 1;
    }
    p
};

/// `BASE^n`.
fn power(n: u32) -> u64 {
    match POWERS.get(n as usize) {
        Some(&p) => p,
        None => (63..n).fold(POWERS[63], |p, _| p.wrapping_mul(BASE)),
    }
}

/// The hash of a skeleton (see [`skeleton`]) that composes: the key of two strings
/// written one after the other follows from their two keys, so the key of a name of
/// several words is put together from keys worked out once per word, never by hashing
/// the text again. A polynomial hash: `hash = Σ (c + 1) · BASE^(n-1-i)`, `pow = BASE^n`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Key {
    hash: u64,
    pow: u64,
}

impl Default for Key {
    fn default() -> Self {
        Key::EMPTY
    }
}

impl Key {
    /// The key of the empty skeleton.
    pub const EMPTY: Key = Key { hash: 0, pow: 1 };

    /// The key of the skeleton of `s`.
    pub fn of(s: &str) -> Key {
        Key::EMPTY.skeleton(s)
    }

    /// Appends one (lowercase) char of a skeleton.
    #[inline]
    fn push(self, c: u32) -> Key {
        Key { hash: self.hash.wrapping_mul(BASE).wrapping_add(u64::from(c) + 1), pow: self.pow.wrapping_mul(BASE) }
    }

    /// Appends the skeleton of `s`: its letters and digits, lowercased.
    pub fn skeleton(mut self, s: &str) -> Key {
        if s.is_ascii() {
            for b in s.bytes() {
                if b.is_ascii_alphanumeric() {
                    self = self.push(u32::from(b.to_ascii_lowercase()));
                }
            }
            return self;
        }
        for c in s.chars() {
            if c.is_ascii() {
                if c.is_ascii_alphanumeric() {
                    self = self.push(u32::from(c.to_ascii_lowercase()));
                }
            } else if c.is_alphanumeric() {
                for l in c.to_lowercase() {
                    self = self.push(u32::from(l));
                }
            }
        }
        self
    }

    /// The key of this skeleton followed by `next`'s.
    #[inline]
    pub fn then(self, next: Key) -> Key {
        Key { hash: self.hash.wrapping_mul(next.pow).wrapping_add(next.hash), pow: self.pow.wrapping_mul(next.pow) }
    }

    /// The 64-bit value maps are keyed by.
    #[inline]
    pub fn value(self) -> u64 {
        self.hash
    }
}

/// A one-hash Bloom filter over 64-bit keys, built once from a rule's data: most keys a
/// document asks about are in no map, and the filter rules them out in a few
/// instructions before the map is probed. No false negatives.
#[derive(Clone, Debug)]
pub(crate) struct KeyFilter {
    bits: Vec<u64>,
    /// `64 - log2(bits)`: the shift that picks a bit from a mixed key.
    shift: u32,
}

impl KeyFilter {
    /// A filter of about 16 bits per key (a few per cent false positives).
    pub fn new(keys: impl IntoIterator<Item = u64> + Clone) -> Self {
        let n = keys.clone().into_iter().count().max(1);
        let log2 = (n * 16).next_power_of_two().trailing_zeros().clamp(6, 24);
        let mut filter = KeyFilter { bits: vec![0; 1 << (log2 - 6)], shift: 64 - log2 };
        for key in keys {
            let b = filter.bit(key);
            filter.bits[b >> 6] |= 1 << (b & 63);
        }
        filter
    }

    #[inline]
    fn bit(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
    }

    /// Whether `key` may be one of the keys.
    #[inline]
    pub fn may_contain(&self, key: u64) -> bool {
        let b = self.bit(key);
        self.bits[b >> 6] & 1 << (b & 63) != 0
    }
}

/// What the names rules need to know about one token, worked out once per document
/// (see [`Analysis`]). Tokens that are not words have no flags.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct WordFacts {
    /// Key of the skeleton of the word without its possessive.
    pub key: Key,
    /// Byte length of the word without its possessive.
    pub stem_len: u32,
    /// Letters and digits in the word without its possessive.
    pub letters: u32,
    flags: u8,
    /// The [`Mark`] this word is for the pronoun rule ([`word_mark`]), or 0.
    pub mark: u8,
}

/// One byte repeated: `ONES * b`.
const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `w` set where the byte is in `lo..=hi`, for bytes below
/// 0x80 (no carry crosses a byte).
#[inline]
fn bytes_in(w: u64, lo: u8, hi: u8) -> u64 {
    w.wrapping_add(ONES * u64::from(0x80 - lo)) & !w.wrapping_add(ONES * u64::from(0x7f - hi)) & HIGH
}

impl WordFacts {
    /// A [`TokenKind::Word`].
    pub const WORD: u8 = 1;
    /// Starts with an uppercase letter ([`is_capitalised`]).
    pub const CAPITALISED: u8 = 2;
    /// Written in capitals only ([`is_all_caps`]).
    pub const ALL_CAPS: u8 = 4;
    /// Ends in a possessive ([`strip_possessive`]).
    pub const POSSESSIVE: u8 = 8;
    /// Has two chars or more.
    pub const TWO_CHARS: u8 = 16;

    /// Whether `flag` is set.
    #[inline]
    pub fn is(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }

    /// Whether, of the flags in `mask`, exactly those in `set` are set.
    #[inline]
    pub fn is_only(&self, mask: u8, set: u8) -> bool {
        self.flags & mask == set
    }

    fn of(text: &[u8], t: &Token<'_>) -> WordFacts {
        if t.kind != TokenKind::Word {
            return WordFacts::default();
        }
        let n = t.text.len();
        // Most words are ASCII and at most eight bytes: one load classifies every byte.
        // Near the end of the text, where eight bytes cannot be loaded, too.
        let Some(bytes) = text.get(t.start..t.start + 8).filter(|_| n != 0 && n <= 8) else {
            return Self::of_word(t.text);
        };
        let w = u64::from_le_bytes(bytes.try_into().expect("eight bytes")) & (u64::MAX >> (8 * (8 - n)));
        if w & HIGH != 0 {
            return Self::of_word(t.text);
        }
        let b = t.text.as_bytes();
        let possessive = n > 2 && matches!(b[n - 1], b's' | b'S') && b[n - 2] == b'\'';
        let stem_len = if possessive { n - 2 } else { n };
        let stem = HIGH >> (8 * (8 - stem_len));
        let alpha = bytes_in(w | (ONES * 0x20), b'a', b'z');
        let alnum = (alpha | bytes_in(w, b'0', b'9')) & stem;
        if alnum != stem {
            // An apostrophe, a dot or a symbol inside: rare.
            return Self::of_word(t.text);
        }
        // Every byte of the stem is a letter or digit; folding with 0x20 lowercases it.
        let mut hash = 0u64;
        for &c in &b[..stem_len] {
            hash = hash.wrapping_mul(BASE).wrapping_add(u64::from(c | 0x20) + 1);
        }
        let lower = bytes_in(w, b'a', b'z') != 0;
        let flag = |on: bool, f: u8| if on { f } else { 0 };
        let flags = Self::WORD
            | flag(b[0].is_ascii_uppercase(), Self::CAPITALISED)
            | flag(!lower && alpha.count_ones() > 1, Self::ALL_CAPS)
            | flag(possessive, Self::POSSESSIVE)
            | flag(n >= 2, Self::TWO_CHARS);
        let letters = stem_len as u32;
        // Lowercased in place: every byte is a letter or digit, or the possessive's.
        // Every marked word starts with a, e, h, n, o, s or w: most words are no look-up.
        let mark = if MARK_FIRST >> (w & 0x1f) & 1 != 0 {
            mark_of_packed(w | ((ONES * 0x20) & (u64::MAX >> (8 * (8 - n)))))
        } else {
            0
        };
        WordFacts { key: Key { hash, pow: power(letters) }, stem_len: letters, letters, flags, mark }
    }

    /// [`WordFacts::of`] a word token's text, any length and script.
    #[inline(never)]
    fn of_word(s: &str) -> WordFacts {
        let flag = |on: bool, f: u8| if on { f } else { 0 };
        if !s.is_ascii() {
            let (stem, possessive) = strip_possessive(s);
            let flags = Self::WORD
                | flag(is_capitalised(s), Self::CAPITALISED)
                | flag(is_all_caps(s), Self::ALL_CAPS)
                | flag(possessive, Self::POSSESSIVE)
                | flag(s.chars().nth(1).is_some(), Self::TWO_CHARS);
            let (key, stem_len, letters) = (Key::of(stem), stem.len() as u32, letter_count(stem));
            return WordFacts { key, stem_len, letters, flags, mark: 0 };
        }
        let b = s.as_bytes();
        let n = b.len();
        let possessive = n > 2 && matches!(b[n - 1], b's' | b'S') && b[n - 2] == b'\'';
        let stem_len = if possessive { n - 2 } else { n };
        // The key and letters of the stem; whether the word is in capitals only.
        let (mut hash, mut letters) = (0u64, 0u32);
        for &c in &b[..stem_len] {
            if c.is_ascii_alphanumeric() {
                hash = hash.wrapping_mul(BASE).wrapping_add(u64::from(c | 0x20) + 1);
                letters += 1;
            }
        }
        let all_caps =
            !b.iter().any(u8::is_ascii_lowercase) && b.iter().filter(|c| c.is_ascii_alphabetic()).count() > 1;
        let flags = Self::WORD
            | flag(b.first().is_some_and(u8::is_ascii_uppercase), Self::CAPITALISED)
            | flag(all_caps, Self::ALL_CAPS)
            | flag(possessive, Self::POSSESSIVE)
            | flag(n >= 2, Self::TWO_CHARS);
        WordFacts {
            key: Key { hash, pow: power(letters) },
            stem_len: stem_len as u32,
            letters,
            flags,
            mark: word_mark(s),
        }
    }
}

/// A token the pronoun rule looks at, found in [`analyse`]'s one pass so that the rule
/// need not scan every token: a he/she pronoun, a pronoun that introduces a person of
/// unknown pronouns ("who", "someone"), "one" or "each" (which do so before "of"), or a
/// quotation mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Mark {
    /// Index of the token.
    pub index: u32,
    /// What it is: one of the constants below.
    pub kind: u8,
}

impl Mark {
    /// he, him, his, himself (any case).
    pub const HE: u8 = 1;
    /// she, her, hers, herself (any case).
    pub const SHE: u8 = 2;
    /// anybody, anyone, everybody, everyone, nobody, somebody, someone, who, whoever,
    /// whom, whose (any case).
    pub const INDEFINITE: u8 = 3;
    /// one, each (any case).
    pub const ONE_OR_EACH: u8 = 4;
    /// “ or «.
    pub const QUOTE_OPEN: u8 = 5;
    /// ” or ».
    pub const QUOTE_CLOSE: u8 = 6;
    /// A straight double quote, which opens or closes.
    pub const QUOTE_TOGGLE: u8 = 7;
}

/// The marked words of at most eight bytes, lowercase ("everybody" is checked alone).
const MARK_WORDS: [(&str, u8); 20] = [
    ("he", Mark::HE),
    ("him", Mark::HE),
    ("his", Mark::HE),
    ("himself", Mark::HE),
    ("she", Mark::SHE),
    ("her", Mark::SHE),
    ("hers", Mark::SHE),
    ("herself", Mark::SHE),
    ("who", Mark::INDEFINITE),
    ("whom", Mark::INDEFINITE),
    ("whose", Mark::INDEFINITE),
    ("whoever", Mark::INDEFINITE),
    ("anyone", Mark::INDEFINITE),
    ("anybody", Mark::INDEFINITE),
    ("nobody", Mark::INDEFINITE),
    ("someone", Mark::INDEFINITE),
    ("somebody", Mark::INDEFINITE),
    ("everyone", Mark::INDEFINITE),
    ("one", Mark::ONE_OR_EACH),
    ("each", Mark::ONE_OR_EACH),
];

/// Bit `c & 0x1f` set for the first letter `c` of each of [`MARK_WORDS`] (either case).
const MARK_FIRST: u64 = {
    let mut bits = 0u64;
    let mut i = 0;
    while i < MARK_WORDS.len() {
        bits |= 1 << (MARK_WORDS[i].0.as_bytes()[0] & 0x1f);
        i += 1;
    }
    bits
};

/// The multiplier of [`MARK_TABLE`]'s hash: its top five bits differ for every word of
/// [`MARK_WORDS`] (checked when the table is built).
const MARK_MUL: u64 = 0x0b28_6c70_9df2_4d5f;

/// The bytes of `w`, little-endian in a `u64` (at most eight).
const fn pack_word(w: &str) -> u64 {
    let b = w.as_bytes();
    let mut v = 0u64;
    let mut i = b.len();
    while i > 0 {
        i -= 1;
        v = v << 8 | b[i] as u64;
    }
    v
}

/// A perfect hash table of [`MARK_WORDS`]: packed word and mark, by the top five bits of
/// the packed word times [`MARK_MUL`].
static MARK_TABLE: [(u64, u8); 32] = {
    let mut table = [(0u64, 0u8); 32];
    let mut i = 0;
    while i < MARK_WORDS.len() {
        let packed = pack_word(MARK_WORDS[i].0);
        let slot = (packed.wrapping_mul(MARK_MUL) >> 59) as usize;
        assert!(table[slot].0 == 0, "two marked words share a slot");
        table[slot] = (packed, MARK_WORDS[i].1);
        i += 1;
    }
    table
};

/// The mark of a word of at most eight bytes, lowercased and packed as [`pack_word`]
/// does (zero above its length), or 0.
#[inline]
fn mark_of_packed(lower: u64) -> u8 {
    let (word, mark) = MARK_TABLE[(lower.wrapping_mul(MARK_MUL) >> 59) as usize];
    if word == lower {
        mark
    } else {
        0
    }
}

/// The [`Mark`] kind of the word `s`, or 0.
pub(crate) fn word_mark(s: &str) -> u8 {
    let b = s.as_bytes();
    if b.len() == 9 {
        return if s.eq_ignore_ascii_case("everybody") { Mark::INDEFINITE } else { 0 };
    }
    if !(2..=8).contains(&b.len()) || !b.iter().all(u8::is_ascii_alphabetic) {
        return 0;
    }
    mark_of_packed(b.iter().rev().fold(0, |v, &c| v << 8 | u64::from(c | 0x20)))
}

/// The [`Mark`] kind of a punctuation token: a quotation mark, or 0.
#[inline]
fn quote_mark(s: &str) -> u8 {
    // “ « open, ” » close, " toggles (UTF-8 bytes: no string comparison).
    match s.as_bytes() {
        [0xe2, 0x80, 0x9c] | [0xc2, 0xab] => Mark::QUOTE_OPEN,
        [0xe2, 0x80, 0x9d] | [0xc2, 0xbb] => Mark::QUOTE_CLOSE,
        b"\"" => Mark::QUOTE_TOGGLE,
        _ => 0,
    }
}

/// Letters and digits in `s`.
pub(crate) fn letter_count(s: &str) -> u32 {
    if s.is_ascii() {
        s.bytes().filter(u8::is_ascii_alphanumeric).count() as u32
    } else {
        s.chars().filter(|c| c.is_alphanumeric()).count() as u32
    }
}

/// One capitalised word of a name run, with its hyphenated parts joined. Positions are
/// byte offsets into the document's text, so runs can be shared between rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct NameWord {
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
    /// Key of the skeleton of the word ([`NameWord::text`]).
    pub key: Key,
    /// Key of the skeleton of the word with its possessive (up to `full_end`).
    pub full_key: Key,
    /// Letters and digits in the word.
    pub letters: u32,
    /// Letters and digits in the word with its possessive.
    pub full_letters: u32,
}

impl NameWord {
    /// The word without a trailing possessive ("Brown’s" → "Brown").
    #[inline]
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// Runs of capitalised words separated by single spaces: the name-like spans of a
/// document. Each run is a range into the word list.
pub(crate) struct NameRuns {
    /// Every capitalised word, in order.
    pub words: Vec<NameWord>,
    /// Each run as a half-open range into `words`.
    pub runs: Vec<(usize, usize)>,
    /// Per word, whether it is an ordinary word: 0 not yet known, 1 no, 2 yes.
    common: Vec<Cell<u8>>,
}

impl NameRuns {
    /// Whether word `i`, without a possessive, is an ordinary word ([`is_common_word`]),
    /// looked up once and only when asked: most rules need it for a few words.
    pub fn is_common(&self, i: usize, text: &str) -> bool {
        let known = &self.common[i];
        if known.get() == 0 {
            let w = &self.words[i];
            let common = is_common_word(strip_possessive(w.text(text)).0);
            known.set(1 + u8::from(common));
        }
        known.get() == 2
    }

    /// Key of the skeleton of the text from word `a` to the end of word `b - 1` (its
    /// possessive left out), where both are in one run: the words in between are
    /// separated by single spaces, which have no skeleton.
    pub fn surface_key(&self, a: usize, b: usize) -> Key {
        let last = &self.words[b - 1];
        self.words[a..b - 1].iter().fold(Key::EMPTY, |k, w| k.then(w.full_key)).then(last.key)
    }

    /// Letters and digits in the text of [`NameRuns::surface_key`].
    pub fn surface_letters(&self, a: usize, b: usize) -> u32 {
        self.words[a..b - 1].iter().map(|w| w.full_letters).sum::<u32>() + self.words[b - 1].letters
    }
}

/// Whether `c` is an apostrophe a possessive is written with.
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// Splits a possessive off `word`: "Brown’s" → ("Brown", true); "BTS’" is handled by the
/// caller because the tokenizer leaves a word-final apostrophe as its own token.
#[inline]
pub(crate) fn strip_possessive(word: &str) -> (&str, bool) {
    // The suffixes: 's ’s ‘s 'S ’S ‘S. One look at the last byte rules out most words.
    let b = word.as_bytes();
    let n = b.len();
    if n < 3 || !matches!(b[n - 1], b's' | b'S') {
        return (word, false);
    }
    if b[n - 2] == b'\'' {
        return (&word[..n - 2], true);
    }
    // ’ is E2 80 99 and ‘ is E2 80 98 in UTF-8; the stem must not be empty.
    if n > 4 && b[n - 4] == 0xe2 && b[n - 3] == 0x80 && matches!(b[n - 2], 0x98 | 0x99) {
        return (&word[..n - 4], true);
    }
    (word, false)
}

/// Whether `word` starts with an uppercase letter.
#[inline]
pub(crate) fn is_capitalised(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => word.chars().next().is_some_and(char::is_uppercase),
    }
}

/// Whether `word` is written in capitals only (two letters or more): a headline or
/// emphasis, whose spacing says nothing about house style.
pub(crate) fn is_all_caps(word: &str) -> bool {
    if word.is_ascii() {
        let b = word.as_bytes();
        return !b.iter().any(u8::is_ascii_lowercase) && b.iter().filter(|c| c.is_ascii_alphabetic()).count() > 1;
    }
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

/// The names family's view of a document, made in one pass over its tokens and shared
/// by the rules of a document ([`analysis`]).
pub(crate) struct Analysis {
    /// The [`WordFacts`] of every token.
    pub facts: Vec<WordFacts>,
    /// Byte offsets of the first word or number of each sentence: after a line break,
    /// or after a `.`, `!`, `?` or `…` that does not end an abbreviation or an initial.
    /// A light splitter on the shared tokens; the names rules need sentence starts only,
    /// and full UAX #29 sentence segmentation costs as much as tokenising.
    pub starts: Vec<usize>,
    /// The name runs, with the generic head words of [`HEADS`].
    pub runs: NameRuns,
    /// The tokens the pronoun rule looks at, in order ([`Mark`]).
    pub marks: Vec<Mark>,
}

/// The [`Analysis`] of `doc`, worked out by the first rule that asks for it.
pub(crate) fn analysis(doc: &Document<'_>) -> Rc<Analysis> {
    doc.shared(|doc| analyse(doc, &HEADS))
}

/// Longest head word, in bytes.
const MAX_HEAD: usize = 16;

/// Words after which a full stop ends an abbreviation, not a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Capt", "Col", "Dr", "Gen", "Gov", "Jr", "Lt", "Mr", "Mrs", "Ms", "No", "Prof", "Rep", "Sen", "Sgt", "Sr", "St",
    "vs",
];

/// Works out the [`Analysis`] of `doc`: the facts of each token, the sentence starts
/// and the name runs. A run is a maximal sequence of capitalised words, each separated
/// from the next by one space; hyphenated parts join their word ("Ji-min",
/// "Jean-Paul"). A possessive stays inside the run ("Baker’s Gazette") but is recorded
/// on its word. `glued_heads` lists head words ("Magazine") that may be glued to a
/// following lowercase word by a scrape ("Gazettewhere"): such a token counts as the
/// head word alone and ends its run.
pub(crate) fn analyse(doc: &Document<'_>, glued_heads: &WordSet) -> Analysis {
    let text = doc.text();
    let tokens = doc.tokens();
    let mut facts = Vec::with_capacity(tokens.len());
    let mut starts = Vec::with_capacity(tokens.len() / 16 + 1);
    let mut words: Vec<NameWord> = Vec::with_capacity(tokens.len() / 4);
    let mut runs = Vec::with_capacity(tokens.len() / 8);
    let mut marks = Vec::with_capacity(tokens.len() / 32);
    // Sentence starts: whether the next word opens a sentence, on which line.
    let (mut open, mut line) = (true, u32::MAX);
    // Name runs: where the current one starts, whether its last word was glued, and
    // the first token a new name word may start at (after a hyphenated one).
    let (mut run_start, mut glued, mut next_word) = (0, false, 0);
    for (i, t) in tokens.iter().enumerate() {
        let f = WordFacts::of(text.as_bytes(), t);
        facts.push(f);
        if f.mark != 0 {
            marks.push(Mark { index: i as u32, kind: f.mark });
        }
        if t.line != line {
            line = t.line;
            open = true;
        }
        let mut initial = false;
        match t.kind {
            TokenKind::Word | TokenKind::Number if open => {
                starts.push(t.start);
                open = false;
                initial = true;
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
            TokenKind::Punct => {
                let kind = quote_mark(t.text);
                if kind != 0 {
                    marks.push(Mark { index: i as u32, kind });
                }
            }
            _ => {}
        }
        // A name word starts at a capitalised word that no earlier one takes in.
        if i < next_word || !f.is(WordFacts::CAPITALISED) {
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
        next_word = end_tok + 1;
        let start = t.start;
        let raw_end = tokens[end_tok].end();
        let (mut key, mut letters, stem_len, mut possessive) = if end_tok == i {
            (f.key, f.letters, f.stem_len as usize, f.is(WordFacts::POSSESSIVE))
        } else {
            let (stem, possessive) = strip_possessive(&text[start..raw_end]);
            (Key::of(stem), letter_count(stem), stem.len(), possessive)
        };
        let stem = &text[start..start + stem_len];
        let mut end = start + stem_len;
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
                key = Key::of(head);
                letters = letter_count(head);
            }
        }
        let tail = &text[end..full_end];
        let (full_key, full_letters) =
            if tail.is_empty() { (key, letters) } else { (key.then(Key::of(tail)), letters + letter_count(tail)) };
        let word = NameWord { start, end, full_end, possessive, initial, key, full_key, letters, full_letters };
        let joined = words
            .last()
            .is_some_and(|prev| !glued && start == prev.full_end + 1 && text.as_bytes()[prev.full_end] == b' ');
        if !joined && run_start < words.len() {
            runs.push((run_start, words.len()));
            run_start = words.len();
        }
        words.push(word);
        glued = glued_here;
    }
    if run_start < words.len() {
        runs.push((run_start, words.len()));
    }
    let common = vec![Cell::new(0); words.len()];
    Analysis { facts, starts, runs: NameRuns { words, runs, common }, marks }
}

/// The head word `word` starts with when a lowercase word is glued to it.
fn glued_head<'w>(word: &'w str, heads: &WordSet) -> Option<&'w str> {
    if heads.is_empty() || word.len() < 6 {
        return None;
    }
    // No head of a length the head could have starts with this byte: most words.
    let lengths = heads.lengths[usize::from(word.as_bytes()[0])];
    let longest = (word.len() - 2).min(MAX_HEAD);
    if lengths & (u32::MAX >> (31 - longest)) & !0b1111 == 0 {
        return None;
    }
    // The glued word is all lowercase: it starts after the last char that is not.
    let lower_from = if word.is_ascii() {
        word.bytes().rposition(|b| !b.is_ascii_lowercase()).map_or(0, |i| i + 1)
    } else {
        word.char_indices().rev().find(|(_, c)| !c.is_lowercase()).map_or(0, |(i, c)| i + c.len_utf8())
    };
    // The first lowercase-to-lowercase boundary where a head ends and a word begins.
    let may_end = |b: usize| lengths & 1 << b != 0 && word.is_char_boundary(b);
    (lower_from.max(4)..word.len().min(MAX_HEAD + 1)).filter(|&b| may_end(b)).find_map(|b| {
        let (head, rest) = word.split_at(b);
        (rest.len() >= 2 && heads.contains(head) && is_common_word(rest)).then_some(head)
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

/// Loads the word lists the names rules read, so that the first document does not pay.
pub(crate) fn load_word_lists() {
    crate::lexicon::load_english();
    Lazy::force(&HEADS);
}

/// Whether `word` (any case) is an English word: in `lints/lexicon/en.txt` or `extra.txt`
/// ([`crate::lexicon`]'s list, without its domain words).
#[inline]
pub(crate) fn is_common_word(word: &str) -> bool {
    crate::lexicon::is_english_word(word)
}

/// Generic head words of names ("Magazine", "Records", "FC"): one line each in
/// `lints/names/heads.txt`. A near-miss must match them exactly.
pub(crate) static HEADS: Lazy<WordSet> =
    Lazy::new(|| WordSet::new(word_list(include_str!("../../../lints/names/heads.txt"))));

/// A small set of words with a screen in front (first byte and length): most words
/// looked up are in no such set. Head words: most capitalised words are looked up several
/// times (once per place a glued word could start), and almost none is a head.
pub(crate) struct WordSet {
    set: FxHashSet<String>,
    /// By first byte, bit `n` set where a head of `n` bytes (below 32) starts with it.
    lengths: [u32; 256],
}

impl WordSet {
    /// The set of `words`.
    pub fn new<'w>(words: impl IntoIterator<Item = &'w str>) -> Self {
        let mut heads = WordSet { set: FxHashSet::default(), lengths: [0; 256] };
        for w in words {
            if let Some(&first) = w.as_bytes().first().filter(|_| w.len() < 32) {
                heads.lengths[usize::from(first)] |= 1 << w.len();
            }
            heads.set.insert(w.to_owned());
        }
        heads
    }

    /// Whether `word` is in the set.
    pub fn contains(&self, word: &str) -> bool {
        match word.as_bytes().first() {
            Some(&first) if word.len() < 32 => {
                self.lengths[usize::from(first)] & 1 << word.len() != 0 && self.set.contains(word)
            }
            _ => self.set.contains(word),
        }
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.set.is_empty()
    }
}

/// Parses a word list: one entry a line, `#` comments and blank lines skipped.
pub(crate) fn word_list(src: &str) -> impl Iterator<Item = &str> {
    src.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The `accept` list of rule `code` from `[rules.CODE]` in the configuration, as
/// skeletons: spellings a team has accepted.
pub(crate) fn accepted(config: &crate::Config, code: &str) -> std::collections::HashSet<String> {
    let Some(table) = config.rule_settings(code) else { return std::collections::HashSet::new() };
    let Some(list) = table.get("accept").and_then(toml::Value::as_array) else {
        return std::collections::HashSet::new();
    };
    list.iter().filter_map(toml::Value::as_str).map(crate::entities::fold).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs(text: &str) -> Vec<Vec<&str>> {
        let doc = Document::new(text);
        let heads = WordSet::new(["Magazine"]);
        let r = analyse(&doc, &heads).runs;
        r.runs.iter().map(|&(a, b)| r.words[a..b].iter().map(|w| w.text(text)).collect()).collect()
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
        let text = "The cat. \"Bob Smith\" came\nHome now";
        let doc = Document::new(text);
        let r = analyse(&doc, &WordSet::new([])).runs;
        let initial: Vec<_> = r.words.iter().map(|w| (w.text(text), w.initial)).collect();
        assert_eq!(initial, [("The", true), ("Bob", true), ("Smith", false), ("Home", true)]);
    }

    #[test]
    fn sentence_starts_skip_abbreviations() {
        let text = "Mr. Smith met J. K. Rowling. She left! “Then what?” he asked.\nA headline";
        let doc = Document::new(text);
        let starts: Vec<&str> = analysis(&doc).starts.iter().map(|&s| &text[s..s + 3]).collect();
        assert_eq!(starts, ["Mr.", "She", "The", "he ", "A h"]);
    }

    #[test]
    fn skeletons() {
        assert_eq!(skeleton("Park Ji-min"), "parkjimin");
        assert_eq!(Key::of("Park Ji").skeleton("-min"), Key::of("parkjimin"));
        assert_eq!(Key::of("Park").then(Key::of("Ji-MIN")), Key::of("Park Ji-min"));
        assert_eq!(Key::of("Ärzte Ǆ").then(Key::EMPTY), Key::of("ärzteǆ"));
        assert_ne!(Key::of("ab").value(), Key::of("ba").value());
        assert!(is_common_word("Baker") && !is_common_word("Qzxv"));
    }

    #[test]
    fn surface_keys_compose_word_keys() {
        let text = "Yesterday Gordon Brown’s Gazette and Park Ji-min’s BTS’ fans";
        let doc = Document::new(text);
        let a = analysis(&doc);
        let r = &a.runs;
        for &(a, b) in &r.runs {
            for i in a..b {
                for j in i + 1..=b {
                    let surface = &text[r.words[i].start..r.words[j - 1].end];
                    assert_eq!(r.surface_key(i, j), Key::of(surface), "{surface}");
                    assert_eq!(r.surface_letters(i, j), letter_count(surface), "{surface}");
                }
            }
        }
    }

    #[test]
    fn fast_paths_agree_with_the_general_ones() {
        fn slow_possessive(word: &str) -> (&str, bool) {
            for suffix in ["'s", "’s", "‘s", "'S", "’S", "‘S"] {
                if let Some(stem) = word.strip_suffix(suffix) {
                    if !stem.is_empty() {
                        return (stem, true);
                    }
                }
            }
            (word, false)
        }
        fn slow_all_caps(word: &str) -> bool {
            !word.chars().any(char::is_lowercase) && word.chars().filter(|c| c.is_alphabetic()).count() > 1
        }
        let text = "A I’m 's ’s x’s X’S x's BBC’s NASA's ÉCOLE École É ÉÉ Ab'S it ‘s é’s 1st Ǆemal ǅx \
                    Internationally INTERNATIONALLY Constantinople's ABCDEFGHIJ'S Abcdefgh'S abcdefg's \
                    Twelve12345678 Eightchr Sixteen_chars_xx Mid.dle O'Neill's D'ARCY'S Twentyfourcharacterslong \
                    Mcdonald’s SIXTEENCHARS'S ABCDEFGHIJKLMNOPQRSTUV'S LONGWORDATTHEENDOFIT";
        let doc = Document::new(text);
        let facts = &analysis(&doc).facts;
        for (t, f) in doc.tokens().iter().zip(facts.iter()) {
            let word = t.text;
            assert_eq!(strip_possessive(word), slow_possessive(word), "{word}");
            assert_eq!(is_all_caps(word), slow_all_caps(word), "{word}");
            assert_eq!(is_capitalised(word), word.chars().next().is_some_and(char::is_uppercase), "{word}");
            if t.is_word() {
                let (stem, possessive) = slow_possessive(word);
                assert_eq!(f.key, Key::of(stem), "{word}");
                assert_eq!(f.stem_len as usize, stem.len(), "{word}");
                assert_eq!(f.letters as usize, stem.chars().filter(|c| c.is_alphanumeric()).count(), "{word}");
                assert_eq!(f.is(WordFacts::POSSESSIVE), possessive, "{word}");
                assert_eq!(f.is(WordFacts::ALL_CAPS), slow_all_caps(word), "{word}");
                assert_eq!(f.is(WordFacts::CAPITALISED), word.chars().next().is_some_and(char::is_uppercase));
                assert_eq!(f.is(WordFacts::TWO_CHARS), word.chars().nth(1).is_some(), "{word}");
            }
        }
    }
}

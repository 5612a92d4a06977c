//! `duplicate-passage`: the same run of eight or more words twice in one document.
//!
//! Linear in the number of words: every word is hashed once (case-folded, punctuation
//! stripped), a polynomial rolling hash gives each 8-word shingle a fingerprint, and
//! small hash maps, one per bucket of fingerprints (so each stays in cache however
//! long the document), remember where each fingerprint first occurred. A repeat is
//! verified word by word (so a hash collision never reports), extended to its maximal
//! length, and the scan jumps past it, so no word is compared more than a constant
//! number of times on average. There is no comparison of sentences against each other.

use crate::declare_rule;
use crate::document::{Token, TokenKind};
use crate::rule::{Reporter, Rule, RuleMeta};
use crate::{Applicability, Document, Severity, Span};

/// Words a passage needs to count as duplicated.
pub const MIN_WORDS: usize = 8;

/// Distinct words the first [`MIN_WORDS`] words of a passage need: fewer means a chant
/// or refrain ("ha ha ha …", "let it be, let it be …"), not copied text.
const MIN_DISTINCT: usize = 5;

/// Words from which a repeat counts wherever its copies start and end. Shorter repeats
/// must be set off from the text around them (see [`DuplicatePassage`]'s docs).
const LONG_WORDS: usize = 20;

/// Words from which one copy set off at each end is enough.
const MEDIUM_WORDS: usize = 12;

/// How far back to look for an opening quotation mark on the line of a copy.
const QUOTE_LOOKBACK: usize = 4096;

declare_rule! {
    /// ## What it flags
    /// A passage of eight or more words that occurs twice in the document, compared
    /// case-insensitively with punctuation ignored: the text of an embedded post kept
    /// once from the quote and once from the card, a paragraph the scraper captured
    /// twice. Copies may sit on one line, and either copy may be cut short or glued to
    /// a neighbouring word ("…the best songto play all summer"). The later copy is reported,
    /// with a label on the earlier one.
    ///
    /// Writers reuse phrases ("the best song of the last 25 years"), so a short repeat
    /// counts only when it is a unit of its own: a repeat of 8–11 words must be set off
    /// at both ends in both copies, and one of 12–19 words at each end in at least one
    /// copy. A copy is set off where a line, sentence or document begins or ends, at a
    /// glued word, an ellipsis, or a link, handle, hashtag or emoji (embed debris around
    /// it). A repeat may be trimmed by up to three words at either end to stand apart
    /// (it often runs on over a common word). From 20 words on, every repeat counts.
    ///
    /// Not flagged: repeats shorter than eight words (refrains, repeated attribution
    /// lines such as "– Name of Group", short pull-quotes), chants whose words are
    /// mostly the same ("ha ha ha …"), and attribution lines of any length that start
    /// with a dash.
    ///
    /// ## Why it matters
    /// Readers meet the same sentences twice, and summaries and word counts are skewed.
    /// Severity **warning**: an article can repeat a passage on purpose, so a person
    /// should judge. When both copies sit inside quotation marks the finding is graded
    /// **info**: a writer quoting the same words twice is usually deliberate.
    ///
    /// The suggestion deletes the later copy, offered only when that copy starts and
    /// ends at a sentence or line boundary (or at a word the scraper glued on), and
    /// always to be confirmed (`maybe`).
    ///
    /// ## Example
    /// `… achieve itThe pop star thanked every fan who voted, streamed and shared.` after
    /// an earlier `The pop star thanked every fan who voted, streamed and shared.` → the
    /// second copy is flagged; delete it.
    pub struct DuplicatePassage;
    META = "duplicate-passage", Scrape, Warning, "the same passage of eight or more words twice";
}

impl DuplicatePassage {
    /// The rule (it holds no data).
    ///
    /// ```
    /// use copydesk::rules::scrape::duplicate_passage::DuplicatePassage;
    /// use copydesk::{Document, Reporter, Rule};
    /// let rule = DuplicatePassage::new();
    /// let text = "The band thanked every fan who voted for the single this week.\n\nThe band thanked every fan who voted for the single this week.";
    /// let mut found = Vec::new();
    /// rule.check(&Document::new(text), &mut Reporter::new(rule.meta(), rule.meta().default_severity, &mut found));
    /// assert_eq!(found.len(), 1);
    /// assert_eq!(found[0].span.start, text.rfind("The band").unwrap(), "the second copy");
    /// assert_eq!(found[0].labels.len(), 1, "pointing at the first");
    /// ```
    #[must_use]
    pub fn new() -> Self {
        DuplicatePassage
    }
}

impl Default for DuplicatePassage {
    fn default() -> Self {
        Self::new()
    }
}

/// A maximal repeat: `len` words at `earlier` recur at `later` (word indices).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Run {
    earlier: usize,
    later: usize,
    len: usize,
}

/// The characters a word is compared by: letters and digits, lower-cased.
fn folded(word: &str) -> impl Iterator<Item = char> + '_ {
    word.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase)
}

/// How many characters `word` folds to (see [`folded`]); ASCII words are counted by
/// byte.
fn folded_len(word: &str) -> usize {
    if word.is_ascii() {
        word.bytes().filter(u8::is_ascii_alphanumeric).count()
    } else {
        folded(word).count()
    }
}

/// Whether `a` and `b` fold to the same characters (see [`folded`]). Copies mostly
/// repeat a word exactly, and ASCII words skip the Unicode case mapping.
fn same_folded(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    if a.is_ascii() && b.is_ascii() {
        fn ascii(s: &str) -> impl Iterator<Item = u8> + '_ {
            s.bytes().filter(u8::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase())
        }
        return ascii(a).eq(ascii(b));
    }
    folded(a).eq(folded(b))
}

/// Multiplies `a` by `b` to 128 bits and folds the halves together: one multiply that
/// spreads every input bit over the whole result.
const fn fold_mul(a: u64, b: u64) -> u64 {
    let p = (a as u128) * (b as u128);
    (p as u64) ^ ((p >> 64) as u64)
}

/// Multiplier of a word hash's chunk step (the 64-bit golden ratio, odd).
const CHUNK_K: u64 = 0x9e37_79b9_7f4a_7c15;
/// Starting state of a word hash (any constant will do).
const SEED: u64 = 0x243f_6a88_85a3_08d3;

/// Mixes one chunk of folded bytes (see [`WordHasher`]) into the state `h`.
const fn mix_chunk(h: u64, chunk: u64) -> u64 {
    fold_mul(h ^ chunk, CHUNK_K)
}

/// Multiplier of a word hash's final step.
const FINISH_K: u64 = 0xbf58_476d_1ce4_e5b9;

/// The final step of a word hash of `len` folded bytes.
const fn finish_hash(h: u64, len: u64) -> u64 {
    fold_mul(h ^ len, FINISH_K)
}

/// Hashes the folded characters of a word (see [`folded`]) as their UTF-8 bytes, eight
/// bytes (little-endian, the last chunk zero-padded) at a time. Folded text never holds
/// a zero byte, so the chunks determine the text; its length goes in as well.
struct WordHasher {
    h: u64,
    acc: u64,
    fill: u32,
    len: u64,
}

impl WordHasher {
    const fn new() -> Self {
        WordHasher { h: SEED, acc: 0, fill: 0, len: 0 }
    }

    fn byte(&mut self, b: u8) {
        self.acc |= u64::from(b) << (8 * self.fill);
        self.fill += 1;
        self.len += 1;
        if self.fill == 8 {
            self.h = mix_chunk(self.h, self.acc);
            self.acc = 0;
            self.fill = 0;
        }
    }

    fn char(&mut self, c: char) {
        let mut buf = [0u8; 4];
        c.encode_utf8(&mut buf).bytes().for_each(|b| self.byte(b));
    }

    fn finish(self) -> u64 {
        let h = if self.fill > 0 { mix_chunk(self.h, self.acc) } else { self.h };
        finish_hash(h, self.len)
    }
}

/// Up to eight bytes as a little-endian integer, zero-padded, without a byte loop:
/// two overlapping loads (the bytes they share are equal, so or-ing them is harmless).
fn load_upto8(b: &[u8]) -> u64 {
    let n = b.len();
    debug_assert!(n <= 8);
    let u32_at = |at: usize| u64::from(u32::from_le_bytes(b[at..at + 4].try_into().expect("four bytes")));
    match n {
        0 => 0,
        1..=3 => u64::from(b[0]) | u64::from(b[n / 2]) << (8 * (n / 2)) | u64::from(b[n - 1]) << (8 * (n - 1)),
        _ => u32_at(0) | u32_at(n - 4) << (8 * (n - 4)),
    }
}

/// Eight ones, one a byte.
const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of every byte of `x` (all below 0x80) in `lo..=hi`. With every byte
/// below 0x80 no sum carries into the next byte: adding 0x80 - lo sets a byte's high
/// bit when it is at least `lo`, adding 0x7f - hi when it is beyond `hi`.
const fn in_range(x: u64, lo: u8, hi: u8) -> u64 {
    x.wrapping_add(ONES * (0x80 - lo as u64)) & !x.wrapping_add(ONES * (0x7f - hi as u64)) & HIGH
}

/// The `n` (1 to 8) bytes of `text` from `at`, lower-cased, as a little-endian chunk
/// (zero-padded), if every one is an ASCII letter or digit, as they fold (see
/// [`folded`]). One eight-byte load and a mask where the text is long enough.
#[inline(always)]
fn alnum_chunk(text: &[u8], at: usize, n: usize) -> Option<u64> {
    debug_assert!((1..=8).contains(&n));
    let keep = u64::MAX >> (8 * (8 - n));
    let w = match text.get(at..at + 8) {
        Some(b) => u64::from_le_bytes(b.try_into().expect("eight bytes")) & keep,
        None => load_upto8(&text[at..at + n]),
    };
    if w & HIGH != 0 {
        return None;
    }
    let want = keep & HIGH;
    // Or-ing 0x20 lower-cases letters and maps no other byte into a–z. Most chunks are
    // letters only; digits are looked for only when something else is there.
    let mut alnum = in_range(w | (ONES * 0x20), b'a', b'z');
    if alnum != want {
        alnum |= in_range(w, b'0', b'9');
    }
    // Lower-casing sets bit 0x20, which digits already have.
    (alnum == want).then_some(w | (alnum >> 2))
}

/// A hash of the folded characters of `word` (see [`folded`]): words that fold alike
/// hash alike.
fn word_hash(word: &str) -> u64 {
    token_hash(word.as_bytes(), word, 0)
}

/// [`word_hash`] of `word`, which is the text at byte `start` of `text`. Allocates
/// nothing; a word of up to sixteen ASCII letters and digits, nearly every word, is
/// read as one or two eight-byte chunks (loaded from `text`, which may run on past the
/// word) and hashed without a byte loop.
#[inline(always)]
fn token_hash(text: &[u8], word: &str, start: usize) -> u64 {
    let n = word.len();
    if (1..=16).contains(&n) {
        if let Some(c0) = alnum_chunk(text, start, n.min(8)) {
            let h = mix_chunk(SEED, c0);
            if n <= 8 {
                return finish_hash(h, n as u64);
            }
            if let Some(c1) = alnum_chunk(text, start + 8, n - 8) {
                return finish_hash(mix_chunk(h, c1), n as u64);
            }
        }
    }
    word_hash_slow(word)
}

/// [`word_hash`] character by character, for words with punctuation, non-ASCII
/// letters, or more than sixteen bytes.
#[inline(never)]
fn word_hash_slow(word: &str) -> u64 {
    let mut hasher = WordHasher::new();
    for c in word.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                hasher.byte(c.to_ascii_lowercase() as u8);
            }
        } else if c.is_alphanumeric() {
            c.to_lowercase().for_each(|l| hasher.char(l));
        }
    }
    hasher.finish()
}

/// Multiplier that spreads a fingerprint's bits into the top bits a table slot is
/// taken from.
const SLOT_K: u64 = 0xd6e8_feb8_6659_fd93;

/// One slot of [`FirstTable`]: a fingerprint and one plus its first position, valid
/// only while `stamp` is the table's.
#[derive(Clone, Copy, Default)]
struct Slot {
    hash: u64,
    first: u32,
    stamp: u32,
}

/// An open-addressing map from fingerprint to first position (linear probing, at most
/// half full), reset per partition: cheaper than a general hash map for keys that are
/// already hashes. A reset bumps a stamp instead of clearing the slots, and uses only
/// as many slots as the next keys need, so that they stay in cache.
#[derive(Default)]
struct FirstTable {
    slots: Vec<Slot>,
    /// The slots in use are `slots[..=mask]`.
    mask: usize,
    /// 64 minus log2 of the slots in use.
    shift: u32,
    /// Slots with another stamp are empty.
    stamp: u32,
}

impl FirstTable {
    /// Empties the table and sizes it for `n` keys.
    fn reset(&mut self, n: usize) {
        let size = (2 * n).next_power_of_two().max(16);
        if self.slots.len() < size {
            self.slots.resize(size, Slot::default());
        }
        self.stamp = self.stamp.wrapping_add(1);
        if self.stamp == 0 {
            // Once in four billion resets: old stamps could come round again.
            self.slots.fill(Slot::default());
            self.stamp = 1;
        }
        self.mask = size - 1;
        self.shift = 64 - size.trailing_zeros();
    }

    /// The slots in use, for a run of lookups.
    fn view(&mut self) -> TableView<'_> {
        TableView { slots: &mut self.slots[..=self.mask], shift: self.shift, stamp: self.stamp }
    }
}

/// The slots of a [`FirstTable`] in use, borrowed for a run of lookups: its fields are
/// locals the compiler can keep in registers.
struct TableView<'t> {
    slots: &'t mut [Slot],
    shift: u32,
    stamp: u32,
}

impl TableView<'_> {
    /// One plus the position stored for `hash`; or, for a new fingerprint, 0 after
    /// storing `at` for it.
    fn first_or_insert(&mut self, hash: u64, at: u32) -> u32 {
        let mask = self.slots.len() - 1;
        let mut i = (hash.wrapping_mul(SLOT_K) >> self.shift) as usize;
        loop {
            let slot = &mut self.slots[i & mask];
            if slot.stamp != self.stamp {
                *slot = Slot { hash, first: at + 1, stamp: self.stamp };
                return 0;
            }
            if slot.hash == hash {
                return slot.first;
            }
            i += 1;
        }
    }
}

/// Base of the rolling shingle hash (odd, so multiplication is invertible mod 2^64).
const BASE: u64 = 0x9e37_79b9_7f4a_7c15;

/// `BASE` to the power `MIN_WORDS - 1`: the weight of the word leaving the window.
const TOP: u64 = {
    let mut t = 1u64;
    let mut i = 1;
    while i < MIN_WORDS {
        t = t.wrapping_mul(BASE);
        i += 1;
    }
    t
};

/// One shingle as the partitions hold it: its fingerprint and the word it starts at.
/// Packed to 12 bytes, since the partitions are the largest scratch a long document
/// needs and are written and read once each.
#[derive(Clone, Copy)]
#[repr(C, packed(4))]
struct Shingle {
    hash: u64,
    at: u32,
}

/// Shingles a partition is sized for (it holds between half that and that on average):
/// few enough that a partition's map, 17 bytes a slot, stays in the core's own cache. More partitions
/// would cost more than they save: each is a separate stream the shingles are written
/// to, and spreading the writes over more pages slows them down.
const PARTITION: usize = 16 * 1024;

/// Working memory of one search, kept per thread and reused from document to document.
///
/// A long document needs a few dozen bytes of scratch per word. Allocators hand small
/// blocks back to the next caller but map large ones fresh from the system each time,
/// and the page faults of fresh memory would make a 50 MB document cost several times
/// more per MB than an article; reusing the buffers makes both cost the same. What is
/// kept is bounded by the largest document a thread has checked.
#[derive(Default)]
struct Scratch {
    /// Token index of every word.
    words: Vec<u32>,
    /// Per shingle: one plus the position where its fingerprint first occurred, or 0.
    first: Vec<u32>,
    /// Every shingle, one list per partition (the top bits of its fingerprint), each
    /// in text order.
    parts: Vec<Vec<Shingle>>,
    /// The map of one partition: fingerprint to one plus its first position.
    map: FirstTable,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
}

impl Scratch {
    /// Fills `words` with the token index of every word and number token, and `first`
    /// (see [`Scratch::first_occurrences`]) from their shingles, the words hashed as
    /// they are rolled and not kept. A document of up to [`PARTITION`] tokens (any
    /// article) takes one pass over the tokens, looking each shingle up as it is
    /// rolled; a longer one is partitioned first.
    fn load(&mut self, text: &str, tokens: &[Token<'_>]) {
        let bytes = text.as_bytes();
        let Scratch { words, first, parts, map } = self;
        words.clear();
        if tokens.len() > PARTITION {
            let bits = clear_parts(parts, tokens.len());
            shingles(bytes, tokens, words, |at, h| parts[part_of(h, bits)].push(Shingle { hash: h, at }));
            self.first_occurrences();
            return;
        }
        first.clear();
        words.reserve(tokens.len());
        first.reserve(tokens.len());
        map.reset(tokens.len());
        // Locals, which the loop can keep in registers.
        let (mut w, mut f) = (std::mem::take(words), std::mem::take(first));
        let mut view = map.view();
        shingles(bytes, tokens, &mut w, |at, h| f.push(view.first_or_insert(h, at)));
        (*words, *first) = (w, f);
    }

    /// Fills `first`: for every shingle, one plus the position where its fingerprint
    /// first occurred, or 0 for a first occurrence.
    ///
    /// One hash map over a long document is a cache miss per word, which would make
    /// time per MB grow with the document. So `load` split the shingles by the
    /// top bits of their fingerprint (a bucket sort, which keeps text order within a
    /// part), and each part, a few thousand shingles, gets a map of its own that fits in
    /// cache.
    fn first_occurrences(&mut self) {
        let Scratch { first, parts, map, .. } = self;
        let m: usize = parts.iter().map(Vec::len).sum();
        first.clear();
        first.resize(m, 0);
        for list in parts.iter() {
            map.reset(list.len());
            let mut view = map.view();
            for &Shingle { hash, at } in list {
                // Most shingles are new: writing only the repeats spares a write to a
                // scattered place of `first` (a cache miss in a long document) per word.
                let j = view.first_or_insert(hash, at);
                if j != 0 {
                    first[at as usize] = j;
                }
            }
        }
    }
}

/// Pushes the token index of every word and number token of `tokens` to `words`, and
/// calls `shingle` with the start (word index) and fingerprint of every shingle, the
/// words hashed as they are rolled.
#[inline(always)]
fn shingles(bytes: &[u8], tokens: &[Token<'_>], words: &mut Vec<u32>, mut shingle: impl FnMut(u32, u64)) {
    let mut roller = Roller::default();
    for (i, t) in tokens.iter().enumerate() {
        if !matches!(t.kind, TokenKind::Word | TokenKind::Number) {
            continue;
        }
        words.push(i as u32);
        if let Some((at, h)) = roller.push(token_hash(bytes, t.text, t.start)) {
            shingle(at as u32, h);
        }
    }
}

/// A [`MIN_WORDS`]-word window rolled over word hashes, keeping the fingerprint of the
/// words in it: a polynomial rolling hash, one multiply-add per word.
#[derive(Default)]
struct Roller {
    window: [u64; MIN_WORDS],
    h: u64,
    n: usize,
}

impl Roller {
    /// Moves the window on by the word hash `w`; once the window is full, the start
    /// (word index) and fingerprint of the shingle it holds.
    fn push(&mut self, w: u64) -> Option<(usize, u64)> {
        // The word leaving the window (0 while the window fills) out, the new word in.
        let slot = &mut self.window[self.n % MIN_WORDS];
        self.h = self.h.wrapping_sub(slot.wrapping_mul(TOP)).wrapping_mul(BASE).wrapping_add(w);
        *slot = w;
        self.n += 1;
        self.n.checked_sub(MIN_WORDS).map(|at| (at, self.h))
    }
}

/// Rolls a [`MIN_WORDS`]-word window over the word `hashes` (see [`Roller`]) and puts
/// every shingle (fingerprint and start) in its partition, in text order. `max_words`
/// bounds the number of hashes and only sizes the partitions. (`Scratch::load` does the
/// same with the hashing inlined; this form is for the tests.)
#[cfg(test)]
fn partition(parts: &mut Vec<Vec<Shingle>>, max_words: usize, hashes: impl Iterator<Item = u64>) {
    let bits = clear_parts(parts, max_words);
    let mut roller = Roller::default();
    for (at, h) in hashes.filter_map(|w| roller.push(w)) {
        parts[part_of(h, bits)].push(Shingle { hash: h, at: at as u32 });
    }
}

/// Empties the partitions (the lists keep their capacity from one document to the
/// next) and makes as many as a document of up to `max_words` words needs, each
/// sized for [`PARTITION`] shingles; returns how many top bits of a fingerprint
/// choose its partition.
fn clear_parts(parts: &mut Vec<Vec<Shingle>>, max_words: usize) -> u32 {
    let shingles = (max_words + 1).saturating_sub(MIN_WORDS);
    let bits = shingles.div_ceil(PARTITION).next_power_of_two().trailing_zeros().min(16);
    parts.resize_with(1 << bits, Vec::new);
    parts.truncate(1 << bits);
    parts.iter_mut().for_each(Vec::clear);
    bits
}

/// The partition of fingerprint `h`: its top `bits` bits.
fn part_of(h: u64, bits: u32) -> usize {
    if bits == 0 {
        0
    } else {
        (h >> (64 - bits)) as usize
    }
}

/// What to do with a maximal repeat found by [`find_runs`].
enum Verdict {
    /// Report it (as trimmed here) and continue after it.
    Keep(Run),
    /// Do not report it, and continue after it: no part of it will do either (a chant).
    Skip,
    /// Do not report it, and try the next position: a copy may start inside it.
    Next,
}

/// Finds repeats of at least [`MIN_WORDS`] words from `first` (see
/// [`Scratch::first_occurrences`]) and keeps those `judge` keeps, later copies in text
/// order and never overlapping each other. `same(a, b)` says whether words `a` and `b`
/// are equal; fingerprints only nominate candidates.
///
/// Linear: a kept or skipped repeat is jumped over, so its words are extended over
/// once; after `Next` the scan moves one word on, which `judge` only answers for
/// repeats shorter than [`LONG_WORDS`], so each position costs a bounded extension.
fn find_runs(
    n: usize,
    first: &[u32],
    same: impl Fn(usize, usize) -> bool,
    mut judge: impl FnMut(Run) -> Verdict,
) -> Vec<Run> {
    let mut runs = Vec::new();
    // Positions before `free` lie inside a repeat already dealt with.
    let mut free = 0usize;
    for (p, &j) in first.iter().enumerate() {
        // A first occurrence, or inside a repeat already dealt with.
        if j == 0 || p < free {
            continue;
        }
        let j = j as usize - 1;
        // A shingle overlapping its own earlier occurrence is a periodic repetition
        // ("a b a b a b …"), not a copied passage.
        if j + MIN_WORDS > p {
            continue;
        }
        // A hash collision: the words differ.
        if !(0..MIN_WORDS).all(|d| same(j + d, p + d)) {
            continue;
        }
        let mut len = MIN_WORDS;
        while p + len < n && j + len < p && same(j + len, p + len) {
            len += 1;
        }
        match judge(Run { earlier: j, later: p, len }) {
            Verdict::Keep(run) => {
                runs.push(run);
                free = p + len;
            }
            Verdict::Skip => free = p + len,
            Verdict::Next => {}
        }
    }
    runs
}

/// Whether the first [`MIN_WORDS`] word hashes have at least [`MIN_DISTINCT`] values.
fn varied(hashes: &[u64]) -> bool {
    let head = &hashes[..MIN_WORDS.min(hashes.len())];
    let distinct = head.iter().enumerate().filter(|(i, h)| !head[..*i].contains(h)).count();
    distinct >= MIN_DISTINCT
}

/// The byte offset in `longer` where a proper suffix folding to the same characters as
/// `shorter` begins: `longer` = "songto", `shorter` = "to" → 4.
fn glued_suffix(longer: &str, shorter: &str) -> Option<usize> {
    // Most neighbours are not longer than each other: answer those without allocating.
    let tail_len = folded_len(shorter);
    if folded_len(longer) <= tail_len {
        return None;
    }
    if longer.is_ascii() && shorter.is_ascii() {
        return glued_suffix_ascii(longer, shorter, tail_len);
    }
    glued_suffix_chars(longer, shorter)
}

/// [`glued_suffix`] for any text, `longer` folding to more characters than `shorter`.
fn glued_suffix_chars(longer: &str, shorter: &str) -> Option<usize> {
    let tail: Vec<char> = folded(shorter).collect();
    let chars: Vec<(usize, char)> = longer
        .char_indices()
        .filter(|(_, c)| c.is_alphanumeric())
        .flat_map(|(i, c)| c.to_lowercase().map(move |l| (i, l)))
        .collect();
    if tail.is_empty() || chars.len() <= tail.len() {
        return None;
    }
    let cut = chars.len() - tail.len();
    if !chars[cut..].iter().map(|&(_, c)| c).eq(tail.iter().copied()) {
        return None;
    }
    let at = chars[cut].0;
    // The cut must fall between characters: a lower-case letter folding to two never splits.
    (chars[cut - 1].0 < at && glue_plausible(longer, at, tail.len())).then_some(at)
}

/// The byte offset in `longer` where a proper prefix folding to the same characters as
/// `shorter` ends: `longer` = "starIf", `shorter` = "star" → 4.
fn glued_prefix(longer: &str, shorter: &str) -> Option<usize> {
    let head_len = folded_len(shorter);
    if folded_len(longer) <= head_len {
        return None;
    }
    if longer.is_ascii() && shorter.is_ascii() {
        return glued_prefix_ascii(longer, shorter, head_len);
    }
    glued_prefix_chars(longer, shorter)
}

/// [`glued_prefix`] for any text, `longer` folding to more characters than `shorter`.
fn glued_prefix_chars(longer: &str, shorter: &str) -> Option<usize> {
    let head: Vec<char> = folded(shorter).collect();
    let mut taken = 0;
    let mut end = None;
    for (i, c) in longer.char_indices() {
        if taken == head.len() {
            if c.is_alphanumeric() {
                end = Some(i);
            }
            break;
        }
        if !c.is_alphanumeric() {
            continue;
        }
        for l in c.to_lowercase() {
            if head.get(taken) != Some(&l) {
                return None;
            }
            taken += 1;
        }
    }
    let at = end?;
    glue_plausible(longer, at, head.len()).then_some(at)
}

/// [`glued_suffix`] for ASCII words, without allocating: one character a byte, so the
/// `tail_len` folded bytes of `shorter` are matched from the end of `longer`.
fn glued_suffix_ascii(longer: &str, shorter: &str, tail_len: usize) -> Option<usize> {
    let mut from_end = longer.bytes().enumerate().rev().filter(|(_, b)| b.is_ascii_alphanumeric());
    let mut at = None;
    for s in shorter.bytes().rev().filter(u8::is_ascii_alphanumeric) {
        let (i, l) = from_end.next()?;
        if !l.eq_ignore_ascii_case(&s) {
            return None;
        }
        at = Some(i);
    }
    let at = at?;
    glue_plausible(longer, at, tail_len).then_some(at)
}

/// [`glued_prefix`] for ASCII words, without allocating.
fn glued_prefix_ascii(longer: &str, shorter: &str, head_len: usize) -> Option<usize> {
    let mut head = shorter.bytes().filter(u8::is_ascii_alphanumeric);
    let mut taken = 0;
    for (i, l) in longer.bytes().enumerate() {
        if taken == head_len {
            return (l.is_ascii_alphanumeric() && glue_plausible(longer, i, head_len)).then_some(i);
        }
        if !l.is_ascii_alphanumeric() {
            continue;
        }
        if !head.next().is_some_and(|h| h.eq_ignore_ascii_case(&l)) {
            return None;
        }
        taken += 1;
    }
    None
}

/// Whether splitting `word` at byte `at` looks like a scraper's join rather than a
/// coincidence of spelling: a lower-to-upper case change there ("itThe"), or a fragment
/// of at least two letters.
fn glue_plausible(word: &str, at: usize, fragment: usize) -> bool {
    let before = word[..at].chars().next_back();
    let after = word[at..].chars().next();
    let case_change = before.is_some_and(char::is_lowercase) && after.is_some_and(char::is_uppercase);
    case_change || fragment >= 2
}

/// Whether byte `at` of `text` lies inside a quotation opened earlier on its line.
fn inside_quotation(text: &str, at: usize) -> bool {
    // The line's start, looking no further back than the window (so a long line is
    // not rescanned for every copy on it).
    let window = at.saturating_sub(QUOTE_LOOKBACK);
    let mut from = memchr::memrchr(b'\n', &text.as_bytes()[window..at]).map_or(window, |i| window + i + 1);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let (mut curly, mut straight, mut guillemets) = (0i32, 0u32, 0i32);
    // Every mark counted starts with one of these bytes, which never continue a char.
    let span = &text[from..at];
    for i in memchr::memchr3_iter(b'"', 0xE2, 0xC2, span.as_bytes()) {
        match span[i..].chars().next() {
            Some('“') => curly += 1,
            Some('”') => curly -= 1,
            Some('"') => straight += 1,
            Some('«') => guillemets += 1,
            Some('»') => guillemets -= 1,
            _ => {}
        }
    }
    curly > 0 || straight % 2 == 1 || guillemets > 0
}

/// Whether the copy at `span` can be deleted without leaving a broken sentence: it
/// begins a line or sentence (or a glued word) and ends one.
fn deletable(text: &str, span: Span, glued_start: bool, glued_end: bool) -> bool {
    let is_end = |c: char| matches!(c, '.' | '!' | '?' | '…' | '”' | '"' | '’');
    let before = text[..span.start].trim_end_matches([' ', '\t']);
    let starts = glued_start || before.is_empty() || before.ends_with('\n') || before.ends_with(is_end);
    // Only spaces up to the end of the line (looking no further than the spaces, so a
    // long line is not rescanned for every copy on it).
    let after = text[span.end..].trim_start_matches([' ', '\t', '\r']);
    let line_ends = after.is_empty() || after.starts_with('\n');
    let ends = glued_end || line_ends || text[..span.end].ends_with(is_end);
    starts && ends
}

impl Rule for DuplicatePassage {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, out: &mut Reporter<'_>) {
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut scratch) => check_with(doc, out, &mut scratch),
            // Unreachable (a check never runs inside another), but never worth a panic.
            Err(_) => check_with(doc, out, &mut Scratch::default()),
        });
    }
}

/// The rule's body, with working memory.
fn check_with(doc: &Document<'_>, out: &mut Reporter<'_>, scratch: &mut Scratch) {
    let tokens = doc.tokens();
    scratch.load(doc.text(), tokens);
    let Scratch { words, first, .. } = &*scratch;
    let word = |i: usize| &tokens[words[i] as usize];
    let same = |a: usize, b: usize| same_folded(word(a).text, word(b).text);
    let judge = |run: Run| {
        let Run { later, len, .. } = run;
        // A chant or refrain, not copied text.
        let head: [u64; MIN_WORDS] = std::array::from_fn(|d| word_hash(word(later + d).text));
        if !varied(&head) {
            return Verdict::Skip;
        }
        // A repeated attribution line ("– Name, Title"), however long.
        if is_attribution(doc, word(later), word(later + len - 1)) {
            return Verdict::Skip;
        }
        // Phrase reuse inside sentences, not a copied unit; a copy may still start
        // further on (`as_unit` keeps every repeat of `LONG_WORDS` or more).
        as_unit(doc, words, run).map_or(Verdict::Next, Verdict::Keep)
    };
    let runs = find_runs(words.len(), first, same, judge);
    let text = doc.text();
    for run in runs {
        let Run { earlier, later, len } = run;
        let mut first = Span::new(word(earlier).start, word(earlier + len - 1).end());
        let mut copy = Span::new(word(later).start, word(later + len - 1).end());
        let (mut glued_start, mut glued_end) = (false, false);
        let mut first_line = word(earlier).line;
        // Extend over a word the scraper glued to either copy's start ("songto").
        if earlier > 0 {
            let (e, l) = (word(earlier - 1), word(later - 1));
            if let Some(at) = glued_suffix(l.text, e.text) {
                copy.start = l.start + at;
                first.start = e.start;
                first_line = e.line;
                glued_start = true;
            } else if let Some(at) = glued_suffix(e.text, l.text) {
                first.start = e.start + at;
                first_line = e.line;
                copy.start = l.start;
            }
        }
        // … and to either copy's end ("starIf"), else over equal closing punctuation.
        if later + len < words.len() && earlier + len < later {
            let (e, l) = (word(earlier + len), word(later + len));
            if let Some(at) = glued_prefix(l.text, e.text) {
                copy.end = l.start + at;
                first.end = e.end();
                glued_end = true;
            } else if let Some(at) = glued_prefix(e.text, l.text) {
                first.end = e.start + at;
                copy.end = l.end();
            } else {
                copy.end = extend_punct(tokens, words[later + len - 1], words[earlier + len - 1], copy.end);
            }
        } else {
            copy.end = extend_punct(tokens, words[later + len - 1], words[earlier + len - 1], copy.end);
        }
        // The line of the token `first` starts in (tokens never span lines).
        let line = first_line as usize + 1;
        let d = if inside_quotation(text, first.start) && inside_quotation(text, copy.start) {
            out.report_with(
                Severity::Info,
                copy,
                format!("this quotation of {len} words already appears on line {line}"),
            )
        } else {
            out.report(copy, format!("this passage of {len} words already appears on line {line}"))
        };
        d.label(first, "first copy");
        if deletable(text, copy, glued_start, glued_end) {
            d.suggest("", Applicability::Maybe);
        }
    }
}

/// Words a repeat may be trimmed by at either end to make it stand apart: a maximal
/// repeat often runs on over a common word ("… this week. The" and "… this week, the").
const MAX_TRIM: usize = 3;

/// The repeat, trimmed by up to [`MAX_TRIM`] words at either end, as a unit of its own
/// rather than a phrase two sentences share (see the rule's docs for the thresholds);
/// `None` when no trimming makes it one.
fn as_unit(doc: &Document<'_>, words: &[u32], run: Run) -> Option<Run> {
    if run.len >= LONG_WORDS {
        return Some(run);
    }
    for cut_start in 0..=MAX_TRIM {
        for cut_end in 0..=MAX_TRIM {
            let Some(len) = run.len.checked_sub(cut_start + cut_end).filter(|&l| l >= MIN_WORDS) else { break };
            let trimmed = Run { earlier: run.earlier + cut_start, later: run.later + cut_start, len };
            if stands_apart(doc, words, trimmed) {
                return Some(trimmed);
            }
        }
    }
    None
}

/// Whether the repeat is a unit of its own rather than a phrase two sentences share.
fn stands_apart(doc: &Document<'_>, words: &[u32], run: Run) -> bool {
    let Run { earlier, later, len } = run;
    let tokens = doc.tokens();
    let tok = |w: usize| words[w] as usize;
    let starts = [set_off_before(tokens, tok(earlier)), set_off_before(tokens, tok(later))];
    let ends = [set_off_after(tokens, tok(earlier + len - 1)), set_off_after(tokens, tok(later + len - 1))];
    // A word glued to either copy marks the edge of a scraped block (looked for only
    // where the boundaries do not already decide).
    let glue_start = || {
        earlier > 0 && {
            let (e, l) = (tokens[tok(earlier - 1)].text, tokens[tok(later - 1)].text);
            glued_suffix(l, e).is_some() || glued_suffix(e, l).is_some()
        }
    };
    let glue_end = || {
        later + len < words.len() && earlier + len < later && {
            let (e, l) = (tokens[tok(earlier + len)].text, tokens[tok(later + len)].text);
            glued_prefix(l, e).is_some() || glued_prefix(e, l).is_some()
        }
    };
    let start_ok =
        || (if len >= MEDIUM_WORDS { starts[0] || starts[1] } else { starts[0] && starts[1] }) || glue_start();
    let end_ok = || (if len >= MEDIUM_WORDS { ends[0] || ends[1] } else { ends[0] && ends[1] }) || glue_end();
    start_ok() && end_ok()
}

/// Whether the word at token `t` begins a unit: the document, a line or a sentence
/// or quotation starts there, or embed debris or an ellipsis precedes it.
fn set_off_before(tokens: &[Token<'_>], t: usize) -> bool {
    let Some(p) = t.checked_sub(1).map(|i| &tokens[i]) else { return true };
    p.line != tokens[t].line
        || boundary_kind(p.kind)
        || (p.kind == TokenKind::Punct
            && matches!(p.text, "." | "!" | "?" | "…" | "|" | "•" | "“" | "\"" | "‘" | "'" | "(" | "[" | "«"))
}

/// Whether the word at token `t` ends a unit: the document, a line or a sentence ends
/// there, a quotation closes, or embed debris or an ellipsis follows it.
fn set_off_after(tokens: &[Token<'_>], t: usize) -> bool {
    let Some(n) = tokens.get(t + 1) else { return true };
    n.line != tokens[t].line
        || boundary_kind(n.kind)
        || (n.kind == TokenKind::Punct
            && matches!(n.text, "." | "!" | "?" | "…" | "|" | "•" | "”" | "\"" | "’" | "'" | ")" | "]" | "»"))
}

/// Tokens that embeds leave around a copied block: links, handles, hashtags, emoji.
fn boundary_kind(kind: TokenKind) -> bool {
    matches!(kind, TokenKind::Url | TokenKind::Handle | TokenKind::Hashtag | TokenKind::Emoji)
}

/// Whether the words `from..=to` lie on one line that begins with a dash.
fn is_attribution(doc: &Document<'_>, from: &Token<'_>, to: &Token<'_>) -> bool {
    from.line == to.line && doc.line_text(from.line as usize).trim_start().starts_with(['-', '–', '—', '―', '~'])
}

/// Moves `end` over the punctuation right after token `later_last` while it matches the
/// punctuation after token `earlier_last` ("NEXT!" and "NEXT!").
fn extend_punct(tokens: &[Token<'_>], later_last: u32, earlier_last: u32, mut end: usize) -> usize {
    let (mut a, mut b) = (earlier_last as usize + 1, later_last as usize + 1);
    while let (Some(e), Some(l)) = (tokens.get(a), tokens.get(b)) {
        let adjacent = l.start == end;
        if !adjacent || l.kind != TokenKind::Punct || e.kind != TokenKind::Punct || e.text != l.text {
            break;
        }
        end = l.end();
        a += 1;
        b += 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Diagnostic;
    use std::collections::HashMap;

    /// Finishes a 64-bit hash so that every output bit depends on every input bit
    /// (MurmurHash3's `fmix64`).
    const fn fmix(mut x: u64) -> u64 {
        x ^= x >> 33;
        x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
        x ^= x >> 33;
        x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        x ^ (x >> 33)
    }

    fn run(text: &str) -> Vec<Diagnostic> {
        let mut v = Vec::new();
        DuplicatePassage.check(&Document::new(text), &mut Reporter::new(&META, Severity::Warning, &mut v));
        v
    }

    fn spans(text: &str) -> Vec<(&str, &str)> {
        run(text)
            .iter()
            .map(|d| (&text[d.span.start..d.span.end], &text[d.labels[0].span.start..d.labels[0].span.end]))
            .collect()
    }

    const P: &str = "the quick brown fox jumps over the lazy dog near our river bank";

    #[test]
    fn finds_a_repeat_across_lines_with_case_and_punctuation_changes() {
        let text = format!("Intro words here. {P}.\n\nOther words. The Quick, brown FOX jumps over the lazy dog near our river-bank.\n");
        let found = run(&text);
        assert_eq!(found.len(), 1);
        let d = &found[0];
        assert_eq!(
            &text[d.span.start..d.span.end],
            "The Quick, brown FOX jumps over the lazy dog near our river-bank."
        );
        assert_eq!(&text[d.labels[0].span.start..d.labels[0].span.end], P);
        assert!(d.message.contains("line 1"));
        assert_eq!(d.severity, Severity::Warning);
        assert_eq!(d.suggestions[0].replacement, "");
    }

    #[test]
    fn two_copies_on_one_line_with_glued_words() {
        let text = format!("Start {P} and then more text follows, as you can achieve itThe quick brown fox jumps over the lazy dog near our river bank");
        assert_eq!(spans(&text), [("The quick brown fox jumps over the lazy dog near our river bank", P)]);
        let text =
            format!("x {P}. Later a great starthe quick brown fox jumps over the lazy dog near our riverbankIf so");
        let found = spans(&text);
        assert_eq!(found[0].0, "the quick brown fox jumps over the lazy dog near our river");
    }

    #[test]
    fn truncated_copies_are_found() {
        let text =
            format!("Yes, {P} today.\n\nmore words … quick brown fox jumps over the lazy dog near our river bank…");
        let copy = "quick brown fox jumps over the lazy dog near our river bank";
        assert_eq!(spans(&text), [(copy, copy)]);
        let text = format!("Yes, {P} today.\n\nthe quick brown fox jumps over the lazy dog near our river…");
        let copy = "the quick brown fox jumps over the lazy dog near our river";
        assert_eq!(spans(&text), [(copy, copy)]);
    }

    #[test]
    fn shared_phrases_inside_sentences_pass() {
        // Eight to eleven shared words inside running sentences: phrase reuse.
        let text = "Critics called it the best song of the last 25 years on Monday.\n\nFans said it was not the best song of the last 25 years at all.";
        assert!(run(text).is_empty());
        // The same words as whole sentences are a repeat.
        let text =
            "It was the best song of the last 25 years. Fans agreed.\n\nNo. It was the best song of the last 25 years!";
        assert_eq!(run(text).len(), 1);
        // Twelve or more: one copy set off at each end is enough.
        let text = format!("Yes, {P} today.\n\n{P}!");
        assert_eq!(run(&text).len(), 1);
        let text = format!("Yes, {P} today.\n\nAnd {P} again.");
        assert!(run(&text).is_empty());
    }

    #[test]
    fn short_repeats_chants_and_attributions_pass() {
        assert!(run("one two three four five six seven. one two three four five six seven.").is_empty());
        let chant = "ha ".repeat(200);
        assert!(run(&chant).is_empty());
        let refrain = "let it be, let it be, ".repeat(10);
        assert!(run(&refrain).is_empty());
        let attribution = "Quote one.\n– Jane Smith, head of research at the national institute\nQuote two.\n– Jane Smith, head of research at the national institute\n";
        assert!(run(attribution).is_empty());
    }

    #[test]
    fn a_repeat_running_on_over_a_common_word_is_trimmed() {
        let text = format!("{P}, the label said.\n\nNext: {P}\nThe council met.");
        assert_eq!(spans(&text), [(P, P)]);
    }

    #[test]
    fn a_third_copy_points_at_the_first() {
        let text = format!("{P}. {P}. {P}.");
        let found = run(&text);
        assert_eq!(found.len(), 2);
        assert!(found.iter().all(|d| d.labels[0].span.start == 0));
    }

    #[test]
    fn quoted_twice_is_info_and_mid_sentence_copies_get_no_suggestion() {
        let text = format!("She said: “{P}.”\n\nLater: “{P},” she said.");
        assert_eq!(run(&text)[0].severity, Severity::Info);
        let text = format!("A {P} and then some more words to read b.\n\nC {P} and then some more words to read d.");
        let found = run(&text);
        assert_eq!(found.len(), 1);
        assert!(found[0].suggestions.is_empty());
    }

    #[test]
    fn hash_collisions_never_report() {
        // Equal hashes but different words: `same` rejects every candidate.
        let mut scratch = Scratch::default();
        partition(&mut scratch.parts, 40, std::iter::repeat_n(7u64, 40));
        scratch.first_occurrences();
        assert!(find_runs(40, &scratch.first, |_, _| false, Verdict::Keep).is_empty());
        let runs = find_runs(40, &scratch.first, |_, _| true, Verdict::Keep);
        assert!(runs.iter().all(|r| r.earlier + r.len <= r.later));
    }

    #[test]
    fn partitioned_first_occurrences_match_a_plain_map() {
        let mut x = 0x2545_f491_4f6c_dd1du64;
        let hashes: Vec<u64> = (0..50_000)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                // Few distinct words, so that many shingles repeat an earlier one.
                fmix(x % 2)
            })
            .collect();
        // Each fingerprint computed directly, as the polynomial the rolling hash keeps.
        let shingles: Vec<u64> = hashes
            .windows(MIN_WORDS)
            .map(|w| w.iter().fold(0u64, |h, &x| h.wrapping_mul(BASE).wrapping_add(x)))
            .collect();
        let mut plain = HashMap::new();
        let expected: Vec<u32> =
            shingles.iter().enumerate().map(|(p, h)| *plain.entry(*h).or_insert(p as u32)).collect();
        let mut scratch = Scratch::default();
        partition(&mut scratch.parts, hashes.len(), hashes.iter().copied());
        assert!(scratch.parts.len() > 1);
        scratch.first_occurrences();
        let got = scratch.first;
        assert_eq!(got.len(), expected.len());
        assert!(got.iter().filter(|&&g| g > 0).count() > 40_000);
        for (p, (&g, &e)) in got.iter().zip(&expected).enumerate() {
            assert_eq!(if g == 0 { p as u32 } else { g - 1 }, e);
        }
    }

    #[test]
    fn many_copies_on_one_long_line() {
        // Distinct 12-word sentences, each twice, all on one line: every copy is found,
        // and nothing rescans the line per copy (this would take minutes if it did).
        let mut text = String::new();
        for i in 0..3000 {
            let s = format!("Item {i} was sold at the market for a fair price today. ");
            text.push_str(&s);
            text.push_str(&s);
        }
        assert_eq!(run(&text).len(), 3000);
    }

    #[test]
    fn word_hash_fast_path_agrees_with_the_general_one() {
        let words = [
            "a",
            "I",
            "to",
            "The",
            "THE",
            "them",
            "River",
            "riverbank",
            "River-bank",
            "river-BANK",
            "2023",
            "10.30",
            "HOT100",
            "hot100",
            "abcdefgh",
            "ABCDEFGH",
            "abcdefghi",
            "abcdefghijklmnop",
            "abcdefghijklmnopq",
            "Abcdefghijklmnopqr",
            "don’t",
            "dont",
            "it's",
            "its",
            "café",
            "CAFÉ",
            "Straße",
            "İstanbul",
            "x@y",
            "[a]",
            "{a}",
            "`a`",
            "a\u{7f}",
            "9z",
            "Z9",
            "@",
            "~~",
        ];
        for w in words {
            let slow = word_hash_slow(w);
            assert_eq!(word_hash(w), slow, "{w}");
            // Loaded from a longer text, where eight-byte loads run past the word.
            for (before, after) in [("", ""), ("x ", " yz"), ("", " and a longer tail of text"), ("…", "…")] {
                let text = format!("{before}{w}{after}");
                assert_eq!(token_hash(text.as_bytes(), w, before.len()), slow, "{w} in {text:?}");
            }
        }
        for (a, b) in [("River-bank", "riverbank"), ("HOT100", "hot100"), ("CAFÉ", "café"), ("it's", "its")] {
            assert_eq!(word_hash(a), word_hash(b), "{a} {b}");
        }
        for (a, b) in [("the", "then"), ("a", "b"), ("abcdefgh", "abcdefghi"), ("ab", "ba")] {
            assert_ne!(word_hash(a), word_hash(b), "{a} {b}");
        }
    }

    #[test]
    fn the_first_table_finds_earlier_fingerprints_across_resets() {
        let mut table = FirstTable::default();
        for round in 0..3u64 {
            table.reset(100);
            let mut table = table.view();
            for at in 0..100u32 {
                let hash = u64::from(at % 40) * 0x1_0000_0001 + round;
                let expected = if at < 40 { 0 } else { at % 40 + 1 };
                assert_eq!(table.first_or_insert(hash, at), expected);
            }
        }
    }

    #[test]
    fn ascii_glue_helpers_agree_with_the_general_ones() {
        let words = [
            "", "-", "a", "A", "to", "To", "TO", "t-o", "songto", "songTo", "song-to", "itThe", "it", "the", "The",
            "starIf", "star", "Star", "stars", "if", "If", "x1", "1x", "ab", "abab", "b", "ba", "'a'", "o'to",
        ];
        for longer in words {
            for shorter in words {
                if folded_len(longer) <= folded_len(shorter) {
                    continue;
                }
                let (l, s) = (longer, shorter);
                assert_eq!(glued_suffix_ascii(l, s, folded_len(s)), glued_suffix_chars(l, s), "{l} {s}");
                assert_eq!(glued_prefix_ascii(l, s, folded_len(s)), glued_prefix_chars(l, s), "{l} {s}");
            }
        }
    }

    #[test]
    fn glue_helpers() {
        assert_eq!(glued_suffix("songto", "to"), Some(4));
        assert_eq!(glued_suffix("itThe", "the"), Some(2));
        assert_eq!(glued_suffix("to", "to"), None);
        assert_eq!(glued_suffix("sofa", "a"), None);
        assert_eq!(glued_prefix("starIf", "star"), Some(4));
        assert_eq!(glued_prefix("star", "star"), None);
        assert_eq!(glued_prefix("İstanbul", "i"), None);
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in [
            "",
            " ",
            "\u{feff}",
            "é ".repeat(30).as_str(),
            "İ İ İ İ İ İ İ İ İ a b c d e f g İ İ İ İ İ İ İ İ İ a b c d e f g",
        ] {
            let _ = run(text);
        }
    }
}

//! The word-frequency lexicon: which words are English (or domain words, or names), how
//! common each is, and the cheapest way to split a string of letters into words.
//!
//! The English part comes from `lints/lexicon/en.txt` and `extra.txt` (word and corpus
//! count), embedded with `include_str!` and parsed once, at first use, into a shared
//! hash table keyed by the words' bytes. A [`Lexicon`] adds, per linter,
//! the words of `lints/lexicon/domain.txt` and every token of every entity name and
//! alias in the [`Gazetteer`], so a user's entity pack extends the vocabulary.
//!
//! Costs follow the unigram model of wordninja and SymSpell: `cost(w) = ln(TOTAL /
//! count(w))`, and a segmentation's cost is the sum of its parts' costs. Domain words
//! and names have no corpus count; they get [`DOMAIN_COUNT`]. `lints/lexicon/README.md`
//! gives the sources, the licences and the reasoning behind every constant here.
//!
//! The `run-together` rule asks [`Lexicon::segment`] how a long unknown token splits;
//! the names rules ask [`Lexicon::knows`] whether a near-miss of a name is an ordinary
//! word.
//!
//! ```
//! use copydesk::lexicon::Lexicon;
//! let lexicon = Lexicon::english();
//! assert!(lexicon.knows("Magazines") && !lexicon.knows("budgeton"));
//! let split = lexicon.segment("budgeton").unwrap();
//! let words: Vec<&str> = split.parts.iter().map(|p| &"budgeton"[p.start..p.end]).collect();
//! assert_eq!(words, ["budget", "on"]);
//! ```

use std::cmp::Ordering;

use once_cell::sync::Lazy;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::entities::Gazetteer;

static EN: &str = include_str!("../lints/lexicon/en.txt");
static EXTRA: &str = include_str!("../lints/lexicon/extra.txt");
static DOMAIN: &str = include_str!("../lints/lexicon/domain.txt");
static CAMEL_CASE: &str = include_str!("../lints/lexicon/camelcase.txt");

/// The corpus count given to domain words and name tokens, which have none: about rank
/// 22,000 of the English list, above rare words and below common function words.
pub const DOMAIN_COUNT: f64 = 1_000_000.0;

/// Words longer than this (in bytes) are never looked up or segmented; no English word
/// is half as long, so such tokens are identifiers, URLs or noise.
pub const MAX_WORD: usize = 64;

/// The only two-letter words a segmentation may produce. Other two-letter entries of the
/// list are mostly abbreviations (`pm`, `cd`, `st`, `de`, `la`) that would turn any
/// unknown word into a plausible-looking split.
const TWO_LETTER: &[&str] = &[
    "am", "an", "as", "at", "be", "by", "do", "go", "he", "hi", "if", "in", "is", "it", "me", "my", "no", "of", "oh",
    "ok", "on", "or", "ox", "so", "to", "up", "us", "we",
];

/// Whether `w` (any case) is one of the two-letter words a segmentation may produce.
///
/// ```
/// use copydesk::lexicon::is_two_letter_word;
/// assert!(is_two_letter_word("On"));
/// assert!(!is_two_letter_word("pm"));
/// ```
#[must_use]
pub fn is_two_letter_word(w: &str) -> bool {
    TWO_LETTER.iter().any(|t| t.eq_ignore_ascii_case(w))
}

/// Where a known word comes from.
///
/// ```
/// use copydesk::lexicon::{Lexicon, Source};
/// let lexicon = Lexicon::with_names(["Harriet Quillfeather"]);
/// assert_eq!(lexicon.get("harriet").unwrap().source, Source::English);
/// assert_eq!(lexicon.get("quillfeather").unwrap().source, Source::Name);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Source {
    /// The English frequency list (`en.txt`, `extra.txt`).
    English,
    /// The domain word list (`domain.txt`).
    Domain,
    /// A token of an entity name or alias.
    Name,
}

/// What the lexicon knows about one word.
///
/// ```
/// use copydesk::lexicon::Lexicon;
/// let lexicon = Lexicon::english();
/// let (the, quay) = (lexicon.get("the").unwrap(), lexicon.get("quay").unwrap());
/// assert_eq!(the.rank, 1);
/// assert!(the.cost < quay.cost, "common words are cheap");
/// assert!(the.is_top(100) && !quay.is_top(100));
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WordInfo {
    /// `ln(TOTAL / count)`: lower is more common.
    pub cost: f32,
    /// 1 for the commonest English word; `u32::MAX` for domain words and names.
    pub rank: u32,
    /// Which list the word comes from.
    pub source: Source,
}

impl WordInfo {
    /// Whether the word is among the `n` most frequent English words.
    ///
    /// ```
    /// let and = copydesk::lexicon::Lexicon::english().get("and").unwrap();
    /// assert!(and.is_top(10));
    /// ```
    #[must_use]
    pub fn is_top(&self, n: u32) -> bool {
        self.rank <= n
    }

    /// Whether the word is a domain word or a name token rather than general English.
    ///
    /// ```
    /// let lexicon = copydesk::lexicon::Lexicon::with_names(["Quillfeather"]);
    /// assert!(lexicon.get("quillfeather").unwrap().is_domain());
    /// assert!(!lexicon.get("feather").unwrap().is_domain());
    /// ```
    #[must_use]
    pub fn is_domain(&self) -> bool {
        self.source != Source::English
    }
}

/// One word of a segmentation: a byte range of the segmented word and what it is.
///
/// ```
/// let s = copydesk::lexicon::Lexicon::english().segment("Councilwhere").unwrap();
/// assert_eq!((s.parts[0].start, s.parts[0].end), (0, 7));
/// assert_eq!((s.parts[1].start, s.parts[1].end), (7, 12));
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Part {
    /// Byte offset of the part in the segmented word.
    pub start: usize,
    /// Byte offset one past the part.
    pub end: usize,
    /// The part's lexicon entry.
    pub info: WordInfo,
}

/// The cheapest split of a word into known words.
///
/// ```
/// let s = copydesk::lexicon::Lexicon::english().segment("pickupthe").unwrap();
/// let words: Vec<&str> = s.parts.iter().map(|p| &"pickupthe"[p.start..p.end]).collect();
/// assert_eq!(words, ["pickup", "the"]);
/// assert_eq!(s.cost, s.parts.iter().map(|p| p.info.cost).sum::<f32>());
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Segmentation {
    /// The parts, in order, covering the whole word.
    pub parts: Vec<Part>,
    /// The sum of the parts' costs.
    pub cost: f32,
}

/// The embedded English list, parsed once.
///
/// Lookups run on every word token, so the table is laid out for them: words of up to 16
/// bytes (all but a few hundred) are keyed by their bytes packed into a `u128`, which
/// hashes and compares without following a pointer into the text, in an open-addressing
/// table with linear probing whose slots hold the key and its entry side by side. A hit
/// costs a multiply, a shift and usually one comparison, and touches one cache line.
struct English {
    short: Table,
    long: FxHashMap<&'static [u8], WordInfo>,
    total: f64,
    max_len: usize,
}

impl English {
    #[inline]
    fn get(&self, word: &[u8]) -> Option<&WordInfo> {
        match pack(word) {
            Some(key) => self.short.get(key),
            None => self.get_long(word),
        }
    }

    /// Kept out of line: the string hash's registers would burden every short lookup.
    #[inline(never)]
    fn get_long(&self, word: &[u8]) -> Option<&WordInfo> {
        self.long.get(word)
    }
}

/// The bytes of a word of at most 16 bytes as one integer; words contain no NUL, so
/// the zero padding keeps keys distinct.
///
/// Built from (possibly overlapping) fixed-size loads rather than a copy of variable
/// length, which would be a call to `memcpy` on every lookup.
fn pack(b: &[u8]) -> Option<u128> {
    let n = b.len();
    let word = |at: usize| u64::from_le_bytes(b[at..at + 8].try_into().expect("eight bytes"));
    let half = |at: usize| u64::from(u32::from_le_bytes(b[at..at + 4].try_into().expect("four bytes")));
    let (lo, hi) = match n {
        0 => (0, 0),
        1..=3 => {
            let (first, mid, last) = (u64::from(b[0]), u64::from(b[n / 2]), u64::from(b[n - 1]));
            (first | mid << (8 * (n / 2)) | last << (8 * (n - 1)), 0)
        }
        // Two loads that overlap in the middle; the shared bytes are equal, so OR-ing
        // the second, shifted into place, leaves them as they are.
        4..=7 => (half(0) | half(n - 4) << (8 * (n - 4)), 0),
        8 => (word(0), 0),
        9..=16 => (word(0), word(n - 8) >> (8 * (16 - n))),
        _ => return None,
    };
    Some(u128::from(lo) | u128::from(hi) << 64)
}

/// An open-addressing hash table from packed words to entries, built once and then
/// only read: linear probing, a power-of-two number of slots at most two-thirds full.
struct Table {
    slots: Box<[Slot]>,
    /// `64 - log2(slots.len())`: the hash's top bits pick the home slot.
    shift: u32,
}

#[derive(Clone, Copy)]
struct Slot {
    key: u128,
    info: WordInfo,
}

/// The key of an empty slot: sixteen `0xFF` bytes, which no UTF-8 text contains.
const EMPTY: u128 = u128::MAX;

impl Table {
    /// A table with room for `n` words.
    fn with_capacity(n: usize) -> Self {
        let slots = (n + n / 2).max(8).next_power_of_two();
        let vacant = Slot { key: EMPTY, info: WordInfo { cost: 0.0, rank: 0, source: Source::English } };
        Table { slots: vec![vacant; slots].into_boxed_slice(), shift: 64 - slots.trailing_zeros() }
    }

    /// The home slot of `key`: the packed bytes folded to 64 bits, then Fibonacci hashing.
    fn home(&self, key: u128) -> usize {
        let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(31);
        (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    fn get(&self, key: u128) -> Option<&WordInfo> {
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        loop {
            let slot = &self.slots[i];
            if slot.key == key {
                return Some(&slot.info);
            }
            if slot.key == EMPTY {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// Adds `key`; `false` (and no change) if it is already there.
    fn insert(&mut self, key: u128, info: WordInfo) -> bool {
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        loop {
            let slot = &mut self.slots[i];
            if slot.key == key {
                return false;
            }
            if slot.key == EMPTY {
                *slot = Slot { key, info };
                return true;
            }
            i = (i + 1) & mask;
        }
    }
}

static ENGLISH: Lazy<English> = Lazy::new(|| {
    // The lists hold no word twice (README), so the table is built without a set of
    // words seen; should a word repeat after all, the build starts over with one.
    build_english(false).or_else(|| build_english(true)).expect("a deduplicated list has no duplicates")
});

/// The English table from `en.txt` and `extra.txt`, ranked by count (then word); `None`
/// if a word occurs twice and `dedup` is off. With `dedup`, the first count seen wins.
fn build_english(dedup: bool) -> Option<English> {
    let mut seen: FxHashSet<&'static str> = FxHashSet::default();
    let (mut en, mut extra) = (Vec::with_capacity(83_000), Vec::with_capacity(1_500));
    for (src, list) in [(EN, &mut en), (EXTRA, &mut extra)] {
        for (word, count) in entries(src) {
            if count > 0 && (!dedup || seen.insert(word)) {
                list.push((word, count as f64));
            }
        }
    }
    // Ranked by count, then word. `en.txt` is generated in that order and `extra.txt` is
    // short, so sorting each and merging them (ties to the first list, as a stable sort
    // of both would keep them) costs a scan instead of a sort.
    let order = |a: &(&str, f64), b: &(&str, f64)| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(b.0));
    let counts = merge_sorted(en, extra, order);
    let total: f64 = counts.iter().map(|c| c.1).sum();
    let mut english =
        English { short: Table::with_capacity(counts.len()), long: FxHashMap::default(), total, max_len: 0 };
    for (i, (word, count)) in counts.into_iter().enumerate() {
        english.max_len = english.max_len.max(word.len());
        let info = WordInfo { cost: (total / count).ln() as f32, rank: i as u32 + 1, source: Source::English };
        let added = match pack(word.as_bytes()) {
            Some(key) => english.short.insert(key, info),
            None => english.long.insert(word.as_bytes(), info).is_none(),
        };
        if !added {
            return None;
        }
    }
    Some(english)
}

/// Whether `word`, lowercased, is in the English list (`en.txt`, `extra.txt`): not a
/// domain word or a name. The names rules ask this of tens of thousands of capitalised
/// words a megabyte, so a short ASCII word is packed and lowercased in registers (see
/// [`pack`]), with no copy and no validation.
pub(crate) fn is_english_word(word: &str) -> bool {
    let b = word.as_bytes();
    if let Some(key) = pack(b) {
        let (lo, hi) = (key as u64, (key >> 64) as u64);
        if (lo | hi) & HIGH == 0 {
            // ASCII: set 0x20 on the bytes in `A..=Z` of each half (the padding bytes
            // are zero, and nothing carries into a neighbour).
            let lower = |w: u64| w | (ascii_in(w, b'A', b'Z') >> 2);
            return ENGLISH.short.get(u128::from(lower(lo)) | u128::from(lower(hi)) << 64).is_some();
        }
    }
    if b.len() <= MAX_WORD && b.is_ascii() {
        let mut buf = [0u8; MAX_WORD];
        let lower = &mut buf[..b.len()];
        lower.copy_from_slice(b);
        lower.make_ascii_lowercase();
        return ENGLISH.get(lower).is_some();
    }
    ENGLISH.get(word.to_lowercase().as_bytes()).is_some()
}

/// Parses the English list now, so that the first document does not pay.
pub(crate) fn load_english() {
    Lazy::force(&ENGLISH);
}

/// One byte repeated: `ONES * b`.
const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `w` set where the byte is in `lo..=hi` (both below
/// 0x80); bytes of 0x80 and above are in no range.
#[inline]
fn ascii_in(w: u64, lo: u8, hi: u8) -> u64 {
    // Bytes cleared of their high bit cannot carry into their neighbours.
    let x = w & !HIGH;
    x.wrapping_add(ONES * u64::from(0x80 - lo)) & !x.wrapping_add(ONES * u64::from(0x7f - hi)) & !w & HIGH
}

/// `a` and `b`, each sorted by `order` unless already so, merged stably: the order a
/// stable sort of `a` followed by `b` gives.
fn merge_sorted<T: Copy>(mut a: Vec<T>, mut b: Vec<T>, order: impl Fn(&T, &T) -> Ordering) -> Vec<T> {
    for v in [&mut a, &mut b] {
        if !v.is_sorted_by(|x, y| order(x, y).is_le()) {
            v.sort_by(&order);
        }
    }
    let mut merged = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if order(&b[j], &a[i]).is_lt() {
            merged.push(b[j]);
            j += 1;
        } else {
            merged.push(a[i]);
            i += 1;
        }
    }
    merged.extend_from_slice(&a[i..]);
    merged.extend_from_slice(&b[j..]);
    merged
}

/// The `word<TAB>count` entries of an embedded list, exactly as [`data_lines`], then
/// `split_once('\t')` and `parse::<u64>()` of the trimmed count would read them (lines
/// without a tab or a valid count are skipped), in one pass over the bytes: the English
/// list is 1.3 MB and is read at the first lint.
fn entries(src: &'static str) -> impl Iterator<Item = (&'static str, u64)> {
    let bytes = src.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() {
            let start = at;
            // The common shape, read as it is scanned: a word of printable ASCII other
            // than `#` at the start, a tab, up to 19 digits (which cannot overflow) and
            // the line's end, so trimming would change nothing.
            // Eight bytes at a time where eight remain.
            let mut i = start;
            while let Some(w) = load8(bytes, i) {
                let graphic = ascii_in(w, b'!', b'~');
                if graphic != HIGH {
                    i += (!graphic & HIGH).trailing_zeros() as usize / 8;
                    break;
                }
                i += 8;
            }
            while i < bytes.len() && bytes[i].is_ascii_graphic() {
                i += 1;
            }
            let tab = i;
            if tab > start && bytes[start] != b'#' && bytes.get(tab) == Some(&b'\t') {
                let mut count = 0u64;
                i += 1;
                // Most counts are eight digits or fewer: read them at once.
                if let Some(w) = load8(bytes, i) {
                    let digits = (!ascii_in(w, b'0', b'9') & HIGH).trailing_zeros() as usize / 8;
                    if digits > 0 {
                        count = parse_digits(w, digits);
                        i += digits;
                    }
                }
                while i < bytes.len() && i - tab <= 19 && bytes[i].is_ascii_digit() {
                    count = count * 10 + u64::from(bytes[i] - b'0');
                    i += 1;
                }
                if i > tab + 1 && bytes.get(i).is_none_or(|&b| b == b'\n') {
                    at = i + 1;
                    return Some((&src[start..tab], count));
                }
            }
            // Any other line is read the general way.
            let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |n| start + n);
            at = end + 1;
            if let Some(entry) = entry(&src[start..end]) {
                return Some(entry);
            }
        }
        None
    })
}

/// The eight bytes of `bytes` at `at`, as a little-endian integer, if there are eight.
#[inline]
fn load8(bytes: &[u8], at: usize) -> Option<u64> {
    let b: [u8; 8] = bytes.get(at..at + 8)?.try_into().ok()?;
    Some(u64::from_le_bytes(b))
}

/// The number written by the first `n` bytes of `w` (`1..=8` ASCII digits, the first
/// byte the most significant), combined in pairs, quads and halves rather than one
/// digit at a time.
#[inline]
fn parse_digits(w: u64, n: usize) -> u64 {
    debug_assert!((1..=8).contains(&n));
    // Digit values in the low `n` bytes (no borrow leaves a digit byte), moved to the
    // top so that the empty bytes below are leading zeros.
    let v = (w.wrapping_sub(ONES * u64::from(b'0')) & (u64::MAX >> (64 - 8 * n))) << (64 - 8 * n);
    let v = (v.wrapping_mul(10) + (v >> 8)) & 0x00ff_00ff_00ff_00ff;
    let v = (v.wrapping_mul(100) + (v >> 16)) & 0x0000_ffff_0000_ffff;
    (v.wrapping_mul(10_000) + (v >> 32)) & 0xffff_ffff
}

/// One line of a list read the general way: trimmed, then split at the first tab.
fn entry(line: &'static str) -> Option<(&'static str, u64)> {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') {
        return None;
    }
    let (word, count) = line.split_once('\t')?;
    Some((word, count.trim().parse().ok()?))
}

static CAMEL: Lazy<FxHashSet<&'static str>> = Lazy::new(|| data_lines(CAMEL_CASE).collect());

/// Lines of an embedded list that are neither comments nor blank, trimmed.
fn data_lines(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Whether `word` is a listed legitimate mixed-case word (`iPhone`, `PlayStation`,
/// `GmbH`), exactly as written in `lints/lexicon/camelcase.txt`.
///
/// ```
/// use copydesk::lexicon::is_camel_case;
/// assert!(is_camel_case("iPhone"));
/// assert!(!is_camel_case("theCouncil"));
/// ```
#[must_use]
pub fn is_camel_case(word: &str) -> bool {
    CAMEL.contains(word)
}

/// The English vocabulary extended with domain words and entity-name tokens.
///
/// Cheap to query from many threads; build one per linter (the entity packs vary).
///
/// ```
/// use copydesk::lexicon::Lexicon;
/// let plain = Lexicon::english();
/// let named = Lexicon::with_names(["Harriet Quillfeather"]);
/// assert!(!plain.knows("Quillfeather’s"));
/// assert!(named.knows("Quillfeather’s"));
/// assert!(named.segment("Quillfeatherwon").is_some());
/// ```
#[derive(Debug)]
pub struct Lexicon {
    /// Domain words and name tokens that the English list lacks.
    extra: FxHashMap<Box<[u8]>, Source>,
    /// Cost of a domain word or name.
    domain_cost: f32,
    /// Length of the longest word, bounding the segmentation's inner loop.
    max_len: usize,
}

impl Lexicon {
    /// English plus `domain.txt`, without names.
    ///
    /// ```
    /// assert!(copydesk::lexicon::Lexicon::english().knows("newspaper"));
    /// ```
    #[must_use]
    pub fn english() -> Self {
        Lexicon::with_names(std::iter::empty())
    }

    /// English plus `domain.txt` plus every token of every name and alias in
    /// `gazetteer`: entity names are lowercased and split on anything not a letter
    /// ("Lana Del Rey" gives `lana`, `del` and `rey`).
    ///
    /// ```
    /// use copydesk::{lexicon::Lexicon, registry::Resources, Config};
    /// let config = Config::default();
    /// let lexicon = Lexicon::new(&Resources::new(&config).gazetteer);
    /// assert!(lexicon.knows("Baekhyun"));
    /// assert!(!Lexicon::english().knows("Baekhyun"));
    /// ```
    #[must_use]
    pub fn new(gazetteer: &Gazetteer) -> Self {
        Lexicon::with_names(gazetteer.entities().iter().flat_map(|e| e.spellings()))
    }

    /// English plus `domain.txt` plus the tokens of `names`.
    ///
    /// ```
    /// let lexicon = copydesk::lexicon::Lexicon::with_names(["Zbigniew Quillfeather-Oyelaran"]);
    /// assert!(lexicon.knows("zbigniew") && lexicon.knows("oyelaran"));
    /// ```
    pub fn with_names<'n>(names: impl IntoIterator<Item = &'n str>) -> Self {
        let english = &*ENGLISH;
        let mut lex = Lexicon {
            extra: FxHashMap::default(),
            domain_cost: (english.total / DOMAIN_COUNT).ln() as f32,
            max_len: english.max_len,
        };
        for word in data_lines(DOMAIN) {
            lex.add(word, Source::Domain);
        }
        for name in names {
            for token in name.split(|c: char| !c.is_alphabetic()) {
                lex.add(&token.to_lowercase(), Source::Name);
            }
        }
        lex
    }

    /// Adds a lowercase ASCII word unless English already has it.
    fn add(&mut self, word: &str, source: Source) {
        if word.is_empty() || word.len() > MAX_WORD || !word.bytes().all(|b| b.is_ascii_lowercase()) {
            return;
        }
        if ENGLISH.get(word.as_bytes()).is_some() || self.extra.contains_key(word.as_bytes()) {
            return;
        }
        self.max_len = self.max_len.max(word.len());
        self.extra.insert(word.as_bytes().into(), source);
    }

    /// The entry for `lower`, which must already be lowercase.
    ///
    /// ```
    /// let lexicon = copydesk::lexicon::Lexicon::english();
    /// assert!(lexicon.get("house").is_some());
    /// assert!(lexicon.get("House").is_none(), "lowercase only");
    /// ```
    #[must_use]
    pub fn get(&self, lower: &str) -> Option<WordInfo> {
        self.get_bytes(lower.as_bytes())
    }

    /// [`Lexicon::get`] on bytes: the hot path works on stack buffers, never on `str`s
    /// it would have to validate.
    fn get_bytes(&self, lower: &[u8]) -> Option<WordInfo> {
        match ENGLISH.get(lower) {
            Some(info) => Some(*info),
            None => self.get_extra(lower),
        }
    }

    /// The domain word or name `lower`: out of line, since most lookups end in English
    /// and should not pay for the string hash's registers.
    #[inline(never)]
    fn get_extra(&self, lower: &[u8]) -> Option<WordInfo> {
        if self.extra.is_empty() {
            return None;
        }
        self.extra.get(lower).map(|&source| WordInfo { cost: self.domain_cost, rank: u32::MAX, source })
    }

    /// Whether `word` is known, allowing for case, a possessive (`’s`, `'s`, `s’`),
    /// plurals and the common inflections (`-s`, `-es`, `-ies`, `-ed`, `-ing`, `-er`,
    /// `-est`, `-ly`, with a doubled final consonant or a dropped `e`). Words that are
    /// not ASCII letters and apostrophes, or longer than [`MAX_WORD`], are unknown.
    ///
    /// Allocation-free: the word is lowercased into a stack buffer.
    ///
    /// ```
    /// let lexicon = copydesk::lexicon::Lexicon::english();
    /// for w in ["Carried", "stopping", "cities", "council’s", "BOXES"] {
    ///     assert!(lexicon.knows(w), "{w}");
    /// }
    /// assert!(!lexicon.knows("councilhe"));
    /// assert!(!lexicon.knows("café"), "ASCII only");
    /// ```
    #[must_use]
    pub fn knows(&self, word: &str) -> bool {
        let mut buf = [0u8; MAX_WORD];
        let Some(lower) = lowercase_into(word, &mut buf) else { return false };
        let base = strip_possessive(lower);
        self.get_bytes(base).is_some() || self.inflected(base)
    }

    /// [`Lexicon::knows`] for a word already in lowercase ASCII letters, as most tokens
    /// are: no copy at all.
    ///
    /// ```
    /// let lexicon = copydesk::lexicon::Lexicon::english();
    /// assert!(lexicon.knows_lowercase("walked"));
    /// assert!(!lexicon.knows_lowercase("Walked"), "lowercase only");
    /// ```
    #[must_use]
    pub fn knows_lowercase(&self, lower: &str) -> bool {
        let b = lower.as_bytes();
        self.get_bytes(b).is_some() || self.inflected(b)
    }

    /// Whether `lower` is an inflection of a known word.
    fn inflected(&self, w: &[u8]) -> bool {
        let known = |stem: &[u8], tail: &str| self.with_tail(stem, tail);
        let ends = |s: &str| w.len() > s.len() + 1 && w.ends_with(s.as_bytes());
        let cut = |n: usize| &w[..w.len() - n];
        // Plurals and third person: cats, boxes, cities.
        (ends("s") && known(cut(1), ""))
            || (ends("es") && known(cut(2), ""))
            || (ends("ies") && known(cut(3), "y"))
            // Past tense: walked, baked, carried, stopped.
            || (ends("ed") && (known(cut(2), "") || known(cut(1), "") || doubled(cut(2)).is_some_and(|s| known(s, ""))))
            || (ends("ied") && known(cut(3), "y"))
            // Participles: walking, baking, stopping.
            || (ends("ing") && (known(cut(3), "") || known(cut(3), "e") || doubled(cut(3)).is_some_and(|s| known(s, ""))))
            // Comparatives and superlatives: taller, nicer, bigger, happiest.
            || (ends("er") && (known(cut(2), "") || known(cut(1), "") || doubled(cut(2)).is_some_and(|s| known(s, ""))))
            || (ends("est") && (known(cut(3), "") || known(cut(2), "") || doubled(cut(3)).is_some_and(|s| known(s, ""))))
            || (ends("ier") && known(cut(3), "y"))
            || (ends("iest") && known(cut(4), "y"))
            // Adverbs: quickly, happily.
            || (ends("ly") && known(cut(2), ""))
            || (ends("ily") && known(cut(3), "y"))
    }

    /// Whether `stem + tail` is a known word (`tail` is at most a letter).
    fn with_tail(&self, stem: &[u8], tail: &str) -> bool {
        if stem.len() < 2 {
            return false;
        }
        if tail.is_empty() {
            return self.get_bytes(stem).is_some();
        }
        let mut buf = [0u8; MAX_WORD + 1];
        let n = stem.len() + tail.len();
        if n > buf.len() {
            return false;
        }
        buf[..stem.len()].copy_from_slice(stem);
        buf[stem.len()..n].copy_from_slice(tail.as_bytes());
        self.get_bytes(&buf[..n]).is_some()
    }

    /// Whether lowercase `word` becomes a known English word by inserting one letter or
    /// swapping two adjacent ones: the signature of a typo ("reseach", "progam",
    /// "appelas"). At most `27 · len` lookups, allocation-free.
    ///
    /// ```
    /// let lexicon = copydesk::lexicon::Lexicon::english();
    /// assert!(lexicon.is_typo_of_known("reseach"));
    /// assert!(lexicon.is_typo_of_known("progam"));
    /// assert!(!lexicon.is_typo_of_known("baekhyun"));
    /// ```
    #[must_use]
    pub fn is_typo_of_known(&self, word: &str) -> bool {
        let w = word.as_bytes();
        let n = w.len();
        if !(4..MAX_WORD).contains(&n) || !w.iter().all(u8::is_ascii_lowercase) {
            return false;
        }
        let english = |b: &[u8]| ENGLISH.get(b).is_some();
        let mut buf = [0u8; MAX_WORD];
        for i in 0..=n {
            buf[..i].copy_from_slice(&w[..i]);
            buf[i + 1..=n].copy_from_slice(&w[i..]);
            for c in b'a'..=b'z' {
                buf[i] = c;
                if english(&buf[..=n]) {
                    return true;
                }
            }
        }
        buf[..n].copy_from_slice(w);
        for i in 1..n {
            if w[i] == w[i - 1] {
                continue;
            }
            buf.swap(i - 1, i);
            if english(&buf[..n]) {
                return true;
            }
            buf.swap(i - 1, i);
        }
        false
    }

    /// The cheapest split of `word` (ASCII letters, any case) into known words, or `None`
    /// when there is none or the word is not ASCII letters.
    ///
    /// Dynamic programming over end positions, as wordninja does: `best[i]` is the
    /// cheapest cost of `word[..i]`. Parts of one letter are forbidden except `a`, and
    /// `i` where the word has a capital `I`; two-letter parts must be common words
    /// (`TWO_LETTER`). There is no per-part penalty: it would join `as a` into `asa`.
    /// Runs in `O(len · longest word)` lookups.
    ///
    /// ```
    /// let lexicon = copydesk::lexicon::Lexicon::english();
    /// let words = |w: &str| -> Option<Vec<String>> {
    ///     let s = lexicon.segment(w)?;
    ///     Some(s.parts.iter().map(|p| w[p.start..p.end].to_owned()).collect())
    /// };
    /// assert_eq!(words("carto").unwrap(), ["car", "to"]);
    /// assert_eq!(words("bignewsroom").unwrap(), ["big", "newsroom"]);
    /// assert_eq!(words("zzzq"), None);
    /// assert_eq!(words("co-op"), None, "letters only");
    /// ```
    #[must_use]
    pub fn segment(&self, word: &str) -> Option<Segmentation> {
        let n = word.len();
        if n == 0 || n > MAX_WORD || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
            return None;
        }
        let mut buf = [0u8; MAX_WORD];
        buf[..n].copy_from_slice(word.as_bytes());
        buf[..n].make_ascii_lowercase();
        let lower = std::str::from_utf8(&buf[..n]).ok()?;
        let original = word.as_bytes();
        let mut best = [f32::INFINITY; MAX_WORD + 1];
        let mut back = [0u8; MAX_WORD + 1];
        best[0] = 0.0;
        for end in 1..=n {
            for start in end.saturating_sub(self.max_len)..end {
                if !best[start].is_finite() {
                    continue;
                }
                let part = &lower[start..end];
                let allowed = match part.len() {
                    1 => part == "a" || (part == "i" && original[start] == b'I'),
                    2 => TWO_LETTER.contains(&part),
                    _ => true,
                };
                if !allowed {
                    continue;
                }
                let Some(info) = self.get(part) else { continue };
                let cost = best[start] + info.cost;
                if cost < best[end] {
                    best[end] = cost;
                    back[end] = start as u8;
                }
            }
        }
        if !best[n].is_finite() {
            return None;
        }
        let mut parts = Vec::new();
        let mut end = n;
        while end > 0 {
            let start = back[end] as usize;
            let info = self.get(&lower[start..end])?;
            parts.push(Part { start, end, info });
            end = start;
        }
        parts.reverse();
        Some(Segmentation { parts, cost: best[n] })
    }
}

/// Lowercases ASCII `word` into `buf`, mapping typographic apostrophes to `'`; `None`
/// when the word has any other non-ASCII character or does not fit.
fn lowercase_into<'b>(word: &str, buf: &'b mut [u8; MAX_WORD]) -> Option<&'b [u8]> {
    if word.is_ascii() {
        // The common case: one copy and a vectorisable lowercase.
        let out = buf.get_mut(..word.len())?;
        out.copy_from_slice(word.as_bytes());
        out.make_ascii_lowercase();
        return Some(out);
    }
    let mut n = 0;
    for c in word.chars() {
        let b = match c {
            '’' | 'ʼ' => b'\'',
            c if c.is_ascii() => c.to_ascii_lowercase() as u8,
            _ => return None,
        };
        *buf.get_mut(n)? = b;
        n += 1;
    }
    Some(&buf[..n])
}

/// `w` without a final `'s` or the `'` of a plural possessive (`players'`).
fn strip_possessive(w: &[u8]) -> &[u8] {
    if let Some(base) = w.strip_suffix(b"'s") {
        return base;
    }
    if w.ends_with(b"s'") {
        return &w[..w.len() - 1];
    }
    w
}

/// `stopp` → `stop`: the stem without a doubled final consonant, if it has one.
fn doubled(b: &[u8]) -> Option<&[u8]> {
    let n = b.len();
    (n >= 3 && b[n - 1] == b[n - 2] && !matches!(b[n - 1], b'a' | b'e' | b'i' | b'o' | b'u' | b's' | b'l'))
        .then(|| &b[..n - 1])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(lex: &Lexicon, w: &str) -> Option<String> {
        let s = lex.segment(w)?;
        Some(s.parts.iter().map(|p| &w[p.start..p.end]).collect::<Vec<_>>().join(" "))
    }

    #[test]
    fn common_words_are_cheap_and_ranked() {
        let lex = Lexicon::english();
        let the = lex.get("the").unwrap();
        assert_eq!(the.rank, 1);
        assert!(the.cost < 4.0);
        let rare = lex.get("syzygy").unwrap();
        assert!(rare.cost > the.cost + 10.0);
        assert!(lex.get("Syzygy").is_none(), "get takes lowercase");
        // Extra words and domain words are in.
        assert_eq!(lex.get("livestream").unwrap().source, Source::English);
        assert_eq!(lex.get("kpop").unwrap().source, Source::Domain);
    }

    #[test]
    fn knows_case_possessives_plurals_and_inflections() {
        let lex = Lexicon::english();
        for w in [
            "The",
            "NEVERTHELESS",
            "magazine’s",
            "players'",
            "cities",
            "boxes",
            "walked",
            "baked",
            "carried",
            "stopping",
            "making",
            "happier",
            "quickly",
            "happily",
            "don't",
            "don’t",
            "notwithstanding",
            "therein",
        ] {
            assert!(lex.knows(w), "{w}");
        }
        for w in ["", "reportwas", "hesaid", "café", "a".repeat(100).as_str(), "x-y"] {
            assert!(!lex.knows(w), "{w}");
        }
    }

    #[test]
    fn names_and_domain_words_extend_the_vocabulary() {
        let lex = Lexicon::with_names(["Zorblax Quenford", "Mx-Threp"]);
        assert!(lex.knows("Zorblax") && lex.knows("quenford") && lex.knows("threp"));
        assert_eq!(lex.get("zorblax").unwrap().source, Source::Name);
        assert!(lex.get("zorblax").unwrap().is_domain());
        assert!(!Lexicon::english().knows("Zorblax"));
        assert_eq!(split(&lex, "itzorblax").as_deref(), Some("it zorblax"));
    }

    #[test]
    fn segments_joined_words() {
        let lex = Lexicon::english();
        assert_eq!(split(&lex, "reportwas").as_deref(), Some("report was"));
        assert_eq!(split(&lex, "Gazettewhere").as_deref(), Some("Gazette where"));
        assert_eq!(split(&lex, "toprevent").as_deref(), Some("to prevent"));
        assert_eq!(split(&lex, "inthemorning").as_deref(), Some("in the morning"));
        assert_eq!(split(&lex, "seriously").as_deref(), Some("seriously"));
        let s = lex.segment("hesaid").unwrap();
        assert_eq!(s.parts.len(), 2);
        assert!(s.parts[0].info.is_top(1000) && s.parts[1].info.is_top(1000));
    }

    #[test]
    fn single_letters_and_rare_two_letter_parts_are_refused() {
        let lex = Lexicon::english();
        // Never `start o`; `i` only where the text has a capital I.
        let with_o = Lexicon::with_names(["O"]);
        assert!(with_o.get("o").is_some());
        assert!(with_o.segment("pointo").is_none());
        assert!(split(&lex, "wheni").is_none());
        assert_eq!(split(&lex, "whenI").as_deref(), Some("when I"));
        assert!(split(&lex, "stpm").is_none(), "st and pm are not allowed parts");
        assert!(lex.segment("").is_none());
        assert!(lex.segment("naïve").is_none());
        assert!(lex.segment(&"ab".repeat(40)).is_none());
    }

    #[test]
    fn typos_are_one_insertion_or_swap_from_a_word() {
        let lex = Lexicon::english();
        for typo in ["reseach", "progam", "appelas", "marrage", "everthing"] {
            assert!(lex.is_typo_of_known(typo), "{typo}");
        }
        for join in ["reportwas", "hesaid", "filethat", "willmean", "toprevent", "Abc", "ab"] {
            assert!(!lex.is_typo_of_known(join), "{join}");
        }
    }

    #[test]
    fn packing_is_the_zero_padded_bytes() {
        let text = b"abcdefghijklmnopq";
        for n in 0..=text.len() {
            let b = &text[..n];
            let expected = (n <= 16).then(|| {
                let mut buf = [0u8; 16];
                buf[..n].copy_from_slice(b);
                u128::from_le_bytes(buf)
            });
            assert_eq!(pack(b), expected, "{n}");
        }
    }

    #[test]
    fn entries_read_lines_as_split_and_parse_do() {
        let src = "# comment\nword\t12\n  spaced\t 7 \r\nno tab\n\nbad\tx\nplus\t+3\nhuge\t99999999999999999999\n\
                   max\t9999999999999999999\nempty\t\n\tlead\n12a\t3x\nab\t1\t2\nsp ace\t4\n\
                   \u{e9}t\u{e9}\t5\r\n#x\t1\nlast\t0";
        let reference: Vec<(&str, u64)> = data_lines(src)
            .filter_map(|l| {
                let (w, c) = l.split_once('\t')?;
                Some((w, c.trim().parse().ok()?))
            })
            .collect();
        assert_eq!(entries(src).collect::<Vec<_>>(), reference);
        assert_eq!(reference.len(), 7);
        for cut in 0..src.len() {
            if src.is_char_boundary(cut) {
                let part = &src[..cut];
                let reference: Vec<(&str, u64)> = data_lines(part)
                    .filter_map(|l| {
                        let (w, c) = l.split_once('\t')?;
                        Some((w, c.trim().parse().ok()?))
                    })
                    .collect();
                assert_eq!(entries(part).collect::<Vec<_>>(), reference, "{part:?}");
            }
        }
    }

    #[test]
    fn table_holds_every_listed_word_with_its_rank_and_cost() {
        // The lists read line by line, the first count winning, ranked by count then word.
        let mut seen = FxHashSet::default();
        let mut counts: Vec<(&str, f64)> = Vec::new();
        for line in data_lines(EN).chain(data_lines(EXTRA)) {
            let Some((word, count)) = line.split_once('\t') else { continue };
            let Ok(count) = count.trim().parse::<u64>() else { continue };
            if count > 0 && seen.insert(word) {
                counts.push((word, count as f64));
            }
        }
        counts.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        let total: f64 = counts.iter().map(|c| c.1).sum();
        assert_eq!(ENGLISH.total, total);
        assert_eq!(ENGLISH.max_len, counts.iter().map(|c| c.0.len()).max().unwrap());
        for (i, &(word, count)) in counts.iter().enumerate() {
            let info = WordInfo { cost: (total / count).ln() as f32, rank: i as u32 + 1, source: Source::English };
            assert_eq!(ENGLISH.get(word.as_bytes()), Some(&info), "{word}");
        }
        for miss in ["", "zzzq", "fromthe", "theq", "th", "abcdefghijklmnopqrstuvwxyz"] {
            assert_eq!(ENGLISH.get(miss.as_bytes()), None, "{miss}");
        }
        assert!(build_english(false).is_some(), "the lists hold no word twice");
    }

    #[test]
    fn english_words_in_any_case() {
        let reference = |w: &str| ENGLISH.get(w.to_lowercase().as_bytes()).is_some();
        let mut checked = 0;
        for line in data_lines(EN).chain(data_lines(EXTRA)).step_by(7) {
            let word = line.split('\t').next().unwrap_or_default();
            let mut chars = word.chars();
            let capitalised: String = chars.next().map(|f| f.to_uppercase().chain(chars).collect()).unwrap_or_default();
            for w in [word.to_owned(), word.to_uppercase(), capitalised] {
                assert_eq!(is_english_word(&w), reference(&w), "{w}");
                assert!(is_english_word(&w), "{w}");
                checked += 1;
            }
        }
        assert!(checked > 30_000, "{checked}");
        for w in ["", "Qzxv", "Beyonce", "Ab", "x", "[Baker]", "Bak\u{e9}r", "CAF\u{c9}", "Caf\u{e9}", "@", "ThE"] {
            assert_eq!(is_english_word(w), reference(w), "{w}");
        }
        let long = "Internationalisation".repeat(4);
        assert_eq!(is_english_word(&long), reference(&long));
        assert!(is_english_word("COUNTERREVOLUTIONARY") == reference("counterrevolutionary"));
    }

    #[test]
    fn bytes_in_ranges_and_digits_at_once() {
        let all: Vec<u8> = (0..=255).collect();
        for chunk in all.chunks(8) {
            let w = u64::from_le_bytes(chunk.try_into().unwrap());
            let graphic = ascii_in(w, b'!', b'~');
            for (i, &b) in chunk.iter().enumerate() {
                assert_eq!(graphic >> (8 * i + 7) & 1 == 1, b.is_ascii_graphic(), "{b}");
                assert_eq!(ascii_in(w, b'A', b'Z') >> (8 * i + 7) & 1 == 1, b.is_ascii_uppercase(), "{b}");
            }
        }
        for text in ["1", "07", "123", "9999", "12345\n", "654321x", "1000000\t", "23135851", "99999999"] {
            let mut buf = [b'\n'; 8];
            buf[..text.len()].copy_from_slice(text.as_bytes());
            let digits = text.bytes().take_while(u8::is_ascii_digit).count();
            let expected: u64 = text[..digits].parse().unwrap();
            assert_eq!(parse_digits(u64::from_le_bytes(buf), digits), expected, "{text}");
        }
    }

    #[test]
    fn merging_sorted_lists_is_a_stable_sort() {
        let order = |a: &(u8, char), b: &(u8, char)| a.0.cmp(&b.0);
        let a = vec![(1, 'a'), (3, 'a'), (3, 'b'), (7, 'a')];
        let b = vec![(9, 'b'), (3, 'c'), (0, 'b'), (7, 'b')];
        let mut expected = [a.clone(), b.clone()].concat();
        expected.sort_by(order);
        assert_eq!(merge_sorted(a.clone(), b.clone(), order), expected);
        let mut expected = [b.clone(), a.clone()].concat();
        expected.sort_by(order);
        assert_eq!(merge_sorted(b, a, order), expected);
    }

    #[test]
    fn camel_case_list() {
        assert!(is_camel_case("iPhone") && is_camel_case("PlayStation"));
        assert!(!is_camel_case("iphone"));
    }
}

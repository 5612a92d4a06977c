//! `mangled-name`: a name that is a near-miss of a known entity, or of a name the
//! same article uses more often.
//!
//! Lookup goes through an index built once from the entity packs: every spelling's
//! skeleton under each single-character deletion (SymSpell's trick: two strings one edit
//! apart share a deletion), and the Double Metaphone code of its body (the name without
//! a generic head word). A span is compared only with the few spellings its own keys
//! retrieve, never with every entity.

use rphonetic::DoubleMetaphone;
use rustc_hash::{FxHashMap, FxHashSet};

use super::{accepted, analysis, load_word_lists, skeleton, skeleton_into, Key, KeyFilter, NameRuns, NameWord, HEADS};
use crate::declare_rule;
use crate::registry::Resources;
use crate::rule::{Reporter, Rule, RuleMeta};
use crate::{Applicability, Document, Span};

declare_rule! {
    /// ## What it flags
    /// A name-like span (capitalised words, possibly possessive, possibly ending in a
    /// generic head word such as "Magazine", "Records" or "FC") that is not a known
    /// entity but is a near-miss of one: one edit away, or two edits away and sounding
    /// the same (Double Metaphone) for names of eight letters or more. Generic head
    /// words must match exactly: given a pack entry "Northfield Gazette", "Northfeld’s
    /// Gazette" is flagged and "Northfeld Herald" is not. Without any pack, a multi-word name used once that is a
    /// near-miss of a name the same article uses two or more times is flagged too:
    /// "Gordon Broun" in an article about "Gordon Brown".
    ///
    /// Not flagged: spellings that are themselves known entities or aliases (Korean
    /// names sit close together: "Park Jin-young" and "Park Min-young" are two people);
    /// single ordinary words and common names ("Tony" is not a mangled "Sony"), and
    /// single words the article uses more than once (a name of its own); names
    /// shorter than five letters; singular and plural forms ("Oscar", "Oscars");
    /// entities marked `ambiguous` in their pack; spellings a team accepts with
    /// `[rules.mangled-name] accept = ["…"]` in `copydesk.toml`.
    ///
    /// ## Why it matters
    /// Scrapers and machine translation garble proper names in ways spell checkers
    /// cannot see, because the garbled form is often a real word ("Sonny" for "Sony"). A
    /// misspelled name misattributes a quotation or an interview and breaks search.
    /// Severity **warning**: the evidence is a similarity, and a real, distinct name can
    /// be close to a known one. The suggestion is the known spelling, applicability
    /// `maybe`.
    ///
    /// ## Example
    /// `a cover story in Bilboard this week` → `a cover story in Billboard this week`
    pub struct MangledName {
        targets: Vec<Target>,
        index: FxHashMap<u64, Vec<u32>>,
        /// A filter in front of `index`.
        index_filter: KeyFilter,
        known: FxHashSet<u64>,
        /// A filter in front of `known` and `accept`.
        known_filter: KeyFilter,
        accept: FxHashSet<u64>,
        /// [`fold_key`] of every spelling of every entity: what `Gazetteer::get_folded` finds.
        folded: FxHashSet<u64>,
        /// By [`Key`] value of a word, where targets have it: bit [`slot_bit`]`(n, p)` set
        /// where a target of `n` words has it as word `p`.
        slots: FxHashMap<u64, u32>,
        /// A filter in front of `slots`.
        slot_filter: KeyFilter,
        /// Per word count, the targets with Double Metaphone codes, by skeleton length.
        sound_alikes: Vec<Vec<Shape>>,
        max_words: usize,
        phonetic: DoubleMetaphone,
    }
    META = "mangled-name", Names, Warning, "a near-miss of a known name";
}

/// One spelling a near-miss may stand for.
struct Target {
    /// The spelling as the pack gives it.
    spelling: String,
    /// [`Key`] value of the skeleton of each word.
    words: Vec<u64>,
    /// The generic head word it ends in, if any.
    head: Option<String>,
    /// Skeleton of the whole spelling.
    skeleton: String,
    /// Length and letter mask of the skeleton (see [`Shape`]).
    shape: Shape,
    /// Double Metaphone codes of the body (without the head word).
    phonetic: Option<(String, String)>,
}

/// What a cheap screen needs to know of a skeleton: its length in chars and which chars
/// it has (each char sets bit `c % 64`). One edit changes the length by one at most and
/// the mask by two bits at most, so skeletons two edits apart or closer differ in length
/// by two at most and in four mask bits at most.
#[derive(Clone, Copy, Debug, Default)]
struct Shape {
    len: u32,
    mask: u64,
    /// [`Key`] value of the head word, or 0 (only in [`MangledName::sound_alikes`]).
    head: u64,
}

impl Shape {
    fn of(skel: &str) -> Shape {
        skel.chars().fold(Shape::default(), |s, c| Shape {
            len: s.len + 1,
            mask: s.mask | 1u64 << (u32::from(c) % 64),
            head: 0,
        })
    }

    /// Whether two skeletons may be two edits apart or closer.
    fn near(self, other: Shape) -> bool {
        self.len.abs_diff(other.len) <= 2 && (self.mask ^ other.mask).count_ones() <= 4
    }
}

/// Shortest skeleton a near-miss is looked for at.
const MIN_LEN: usize = 5;
/// Shortest skeleton a near-miss may be two edits away at.
const MIN_LEN_TWO_EDITS: usize = 8;
/// Longest skeleton compared (deletion keys are quadratic in it).
const MAX_LEN: usize = 48;
/// Longest name, in words, compared.
const MAX_WORDS: usize = 4;

/// The bit of [`MangledName::slots`] for word `position` of a name of `words` words.
fn slot_bit(words: usize, position: usize) -> u32 {
    1 << (words * MAX_WORDS + position)
}

/// The [`Key`] value of a name's folded form ([`crate::entities::fold`]): every char,
/// apostrophes unified, lowercased. Equal folds, equal keys, without a `String`.
fn fold_key(s: &str) -> u64 {
    let mut k = Key::EMPTY;
    for c in s.chars() {
        let c = if matches!(c, '’' | '‘' | 'ʼ') { '\'' } else { c };
        if c.is_ascii() {
            k = k.push(u32::from(c.to_ascii_lowercase()));
        } else {
            for l in c.to_lowercase() {
                k = k.push(u32::from(l));
            }
        }
    }
    k.value()
}

/// The skeleton of a candidate span, read two ways (see [`MangledName::near_miss`]).
#[derive(Default)]
struct Variant {
    /// The skeleton.
    skel: String,
    /// Byte length of the skeleton of the body (without the head word).
    body: usize,
    shape: Shape,
}

/// What [`MangledName::near_miss`] learns about each name word of a document.
struct Seen {
    /// [`MangledName::slots`] bits of each word.
    slots: Vec<u32>,
    /// Whether each word is a generic head word: 0 not yet known, 1 no, 2 yes.
    heads: Vec<u8>,
}

impl Seen {
    /// Whether name word `i`, with text `word`, is a generic head word ([`HEADS`]).
    fn is_head(&mut self, i: usize, word: &str) -> bool {
        if self.heads[i] == 0 {
            self.heads[i] = 1 + u8::from(HEADS.contains(word));
        }
        self.heads[i] == 2
    }
}

/// Buffers reused across the spans of one document.
#[derive(Default)]
struct Scratch {
    variants: [Variant; 2],
    candidates: Vec<u32>,
    codes: Vec<String>,
}

impl MangledName {
    /// Indexes every unambiguous spelling of `res`'s entities.
    ///
    /// ```
    /// use copydesk::rules::names::mangled_name::MangledName;
    /// use copydesk::{registry::Resources, Config, Document, Reporter, Rule};
    /// let config = Config::default();
    /// let rule = MangledName::new(&Resources::new(&config));
    /// let text = "Baekhyun signed with Geffin’s Records last week.";
    /// let mut found = Vec::new();
    /// rule.check(&Document::new(text), &mut Reporter::new(rule.meta(), rule.meta().default_severity, &mut found));
    /// assert_eq!(found[0].span.slice(text), "Geffin’s Records");
    /// assert_eq!(found[0].suggestions[0].replacement, "Geffen Records");
    /// assert_eq!(found[0].suggestions[0].applicability, copydesk::Applicability::Maybe);
    /// ```
    #[must_use]
    pub fn new(res: &Resources<'_>) -> Self {
        load_word_lists();
        let phonetic = DoubleMetaphone::new(None);
        let mut rule = MangledName {
            targets: Vec::new(),
            index: FxHashMap::default(),
            index_filter: KeyFilter::new([]),
            known: FxHashSet::default(),
            known_filter: KeyFilter::new([]),
            accept: accepted(res.config, META.code.as_ref()).iter().map(|s| Key::of(s).value()).collect(),
            folded: FxHashSet::default(),
            slots: FxHashMap::default(),
            slot_filter: KeyFilter::new([]),
            sound_alikes: vec![Vec::new(); MAX_WORDS + 1],
            max_words: 1,
            phonetic,
        };
        for e in res.gazetteer.entities() {
            for s in e.spellings() {
                rule.known.insert(Key::of(s).value());
                rule.folded.insert(fold_key(s));
            }
            if e.ambiguous {
                continue;
            }
            for s in e.spellings() {
                let skel = skeleton(s);
                let words: Vec<&str> = s.split(' ').collect();
                if skel.chars().count() < MIN_LEN || words.len() > MAX_WORDS {
                    continue;
                }
                let head = words.last().filter(|w| words.len() > 1 && HEADS.contains(w)).map(|w| (*w).to_owned());
                let body = if head.is_some() { &words[..words.len() - 1] } else { &words[..] };
                let phonetic = rule.codes(&body.concat());
                let id = rule.targets.len() as u32;
                rule.max_words = rule.max_words.max(words.len());
                for key in deletion_keys(&skel, words.len()) {
                    rule.index.entry(key).or_default().push(id);
                }
                if let Some((p, a)) = &phonetic {
                    for code in [p, a] {
                        rule.index.entry(phonetic_key(code, words.len(), head.as_deref())).or_default().push(id);
                    }
                }
                let word_keys: Vec<u64> = words.iter().map(|w| Key::of(w).value()).collect();
                for (position, &word) in word_keys.iter().enumerate() {
                    *rule.slots.entry(word).or_default() |= slot_bit(words.len(), position);
                }
                let shape = Shape::of(&skel);
                if phonetic.is_some() {
                    let head = head.as_deref().map_or(0, |h| Key::of(h).value());
                    rule.sound_alikes[words.len()].push(Shape { head, ..shape });
                }
                rule.targets.push(Target {
                    spelling: s.to_owned(),
                    words: word_keys,
                    head,
                    skeleton: skel,
                    shape,
                    phonetic,
                });
            }
        }
        for ids in rule.index.values_mut() {
            ids.dedup();
        }
        for shapes in &mut rule.sound_alikes {
            shapes.sort_by_key(|s| s.len);
        }
        rule.index_filter = KeyFilter::new(rule.index.keys().copied());
        rule.slot_filter = KeyFilter::new(rule.slots.keys().copied());
        rule.known_filter = KeyFilter::new(rule.known.iter().chain(&rule.accept).copied());
        rule
    }

    /// Double Metaphone codes of an ASCII body; `None` for other scripts.
    fn codes(&self, body: &str) -> Option<(String, String)> {
        let mut letters = String::with_capacity(body.len());
        skeleton_into(body, &mut letters);
        self.skeleton_codes(&letters)
    }

    /// [`MangledName::codes`] of a body given as its skeleton.
    fn skeleton_codes(&self, letters: &str) -> Option<(String, String)> {
        if letters.len() < 4 || !letters.bytes().all(|b| b.is_ascii_alphabetic()) {
            return None;
        }
        let r = self.phonetic.double_metaphone(letters);
        Some((r.primary(), r.alternate()))
    }

    /// Whether a target of `words` words with head word `head` (a [`Key`] value, or 0)
    /// and Double Metaphone codes may be two edits or fewer from one of `variants`.
    fn may_sound_alike(&self, words: usize, head: u64, variants: &[Variant]) -> bool {
        let shapes = &self.sound_alikes[words];
        variants.iter().any(|v| {
            let from = shapes.partition_point(|s| s.len + 2 < v.shape.len);
            shapes[from..].iter().take_while(|s| s.len <= v.shape.len + 2).any(|s| s.head == head && s.near(v.shape))
        })
    }

    /// The known spelling that words `i..i + n` of `names` are a near-miss of, as an
    /// index into the targets. `seen` holds, per name word, its [`MangledName::slots`]
    /// bits and whether it is a generic head word; `memo` holds the answers for spans
    /// already looked at, by their text.
    fn near_miss<'t>(
        &self,
        text: &'t str,
        names: &NameRuns,
        (i, n): (usize, usize),
        seen: &mut Seen,
        memo: &mut FxHashMap<&'t str, Option<u32>>,
        scratch: &mut Scratch,
    ) -> Option<u32> {
        let words = &names.words[i..i + n];
        // Screens, cheapest first. Too short to tell a typo from another name, or too
        // long to be one.
        let len = names.surface_letters(i, i + n) as usize;
        if !(MIN_LEN..=MAX_LEN).contains(&len) {
            return None;
        }
        // A name of several words keeps one word intact: some target must have it.
        if n > 1 && !(0..n).any(|p| seen.slots[i + p] & slot_bit(n, p) != 0) {
            return None;
        }
        // A near-miss has a word that is no ordinary word, or a head word.
        let last = words[n - 1].text(text);
        let head = (n > 1 && seen.is_head(i + n - 1, last)).then_some(last);
        if head.is_none() && (i..i + n).all(|w| names.is_common(w, text)) {
            return None;
        }
        // The answer depends on the span's text only: a name repeated is looked up once.
        let surface = &text[words[0].start..words[n - 1].end];
        if let Some(&found) = memo.get(surface) {
            return found;
        }
        let found = self.look_up(text, names, (i, n), head, len, scratch);
        memo.insert(surface, found);
        found
    }

    /// [`MangledName::near_miss`] past its screens: the candidates the span's deletion
    /// keys and sound retrieve, and the closest that passes every check.
    fn look_up(
        &self,
        text: &str,
        names: &NameRuns,
        (i, n): (usize, usize),
        head: Option<&str>,
        len: usize,
        scratch: &mut Scratch,
    ) -> Option<u32> {
        let words = &names.words[i..i + n];
        // An inner possessive is read both ways: "Baker’s Gazette" as "bakers gazette"
        // (the apostrophe lost) and as "baker gazette" (the possessive added). The body
        // is the span without its head word.
        let head_skel = head.map_or(0, |h| skeleton(h).len());
        let [full, plain] = &mut scratch.variants;
        full.skel.clear();
        skeleton_into(&text[words[0].start..words[n - 1].end], &mut full.skel);
        full.body = full.skel.len() - head_skel;
        full.shape = Shape::of(&full.skel);
        plain.skel.clear();
        for w in words {
            skeleton_into(w.text(text), &mut plain.skel);
        }
        plain.body = plain.skel.len() - head_skel;
        let count = if plain.skel == full.skel { 1 } else { 2 };
        if count == 2 {
            plain.shape = Shape::of(&plain.skel);
        }
        let variants = &scratch.variants[..count];
        let candidates = &mut scratch.candidates;
        candidates.clear();
        for v in variants {
            for_deletion_keys(&v.skel, n, |key| {
                if let Some(ids) = self.index_filter.may_contain(key).then(|| self.index.get(&key)).flatten() {
                    candidates.extend(ids);
                }
            });
        }
        // The Double Metaphone codes of each variant's body, worked out only when asked.
        let codes = &mut scratch.codes;
        codes.clear();
        let mut have_codes = false;
        let mut all_codes = |codes: &mut Vec<String>| -> bool {
            if !have_codes {
                have_codes = true;
                for v in variants {
                    if let Some((p, a)) = self.skeleton_codes(&v.skel[..v.body]) {
                        codes.push(p);
                        codes.push(a);
                    }
                }
            }
            true
        };
        // Sound-alikes are two edits away at most: look them up only where a target with
        // codes is that close, so most spans never compute Double Metaphone.
        let head_key = head.map_or(0, |h| Key::of(h).value());
        if len >= MIN_LEN_TWO_EDITS && self.may_sound_alike(n, head_key, variants) {
            all_codes(codes);
            for code in codes.iter() {
                if let Some(ids) = self.index.get(&phonetic_key(code, n, head)) {
                    candidates.extend(ids);
                }
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        let mut best: Option<(u32, usize)> = None;
        for &id in candidates.iter() {
            let t = &self.targets[id as usize];
            // The generic head word must be the same ("Records" is not "Magazine").
            if t.words.len() != n || t.head.as_deref() != head {
                continue;
            }
            // Singular and plural ("Oscar", "Oscars") name the same thing.
            if variants.iter().any(|v| is_plural_of(&v.skel, &t.skeleton) || is_plural_of(&t.skeleton, &v.skel)) {
                continue;
            }
            // Only distances of one and two count: skip what the shapes rule out.
            let Some(distance) = variants
                .iter()
                .filter(|v| v.shape.near(t.shape))
                .map(|v| strsim::damerau_levenshtein(&v.skel, &t.skeleton))
                .min()
            else {
                continue;
            };
            let mut sounds_same = || {
                t.phonetic.as_ref().is_some_and(|(tp, ta)| {
                    len >= MIN_LEN_TWO_EDITS && all_codes(codes) && codes.iter().any(|c| c == tp || c == ta)
                })
            };
            let close = distance == 1 || (distance == 2 && len >= MIN_LEN_TWO_EDITS && sounds_same());
            if !close {
                continue;
            }
            // A multi-word name keeps at least one word intact.
            let same = |p: usize| words[p].key.value() == t.words[p];
            if n > 1 && !(0..n).any(same) {
                continue;
            }
            // A differing word that is an ordinary word or a known name is more likely
            // a different name than a typo, unless the head word and the sound agree.
            let differing_ok = (0..n).filter(|&p| !same(p)).all(|p| {
                let w = &words[p];
                let plain_word =
                    names.is_common(i + p, text) || self.folded.contains(&fold_key(strip_all_possessive(w.text(text))));
                !plain_word || (head.is_some() && sounds_same())
            });
            if !differing_ok {
                continue;
            }
            if best.is_none_or(|(_, d)| distance < d) {
                best = Some((id, distance));
            }
        }
        best.map(|(id, _)| id)
    }

    /// Near-misses of the multi-word names this article itself uses twice or more.
    fn internal(&self, text: &str, names: &NameRuns, out: &mut Vec<Finding>) {
        let words = &names.words[..];
        // Every two- and three-word window of every run, counted by folded spelling.
        let mut grams: Vec<(usize, usize, u64)> = Vec::with_capacity(2 * words.len());
        let mut counts: FxHashMap<u64, u32> = FxHashMap::with_capacity_and_hasher(2 * words.len(), Default::default());
        let mut repeated = false;
        for &(a, b) in &names.runs {
            for n in 2..=3 {
                let starts = a..b.saturating_sub(n - 1).max(a);
                for (s, first) in starts.clone().zip(&words[starts]) {
                    // A title or article is not part of the name ("Mr Brown", "The Times").
                    if is_title(first.text(text)) {
                        continue;
                    }
                    let key = names.surface_key(s, s + n).value();
                    grams.push((s, s + n, key));
                    let count = counts.entry(key).or_default();
                    *count += 1;
                    repeated |= *count >= 2;
                }
            }
        }
        // No name used twice: nothing to be a near-miss of.
        if grams.len() < 2 || !repeated {
            return;
        }
        // Index the frequent names by each word left out.
        let mut index: FxHashMap<u64, Vec<(usize, usize)>> = FxHashMap::default();
        let mut seen = FxHashSet::default();
        for &(s, e, key) in &grams {
            if counts[&key] < 2 || !seen.insert(key) {
                continue;
            }
            for gap in s..e {
                index.entry(gap_key(text, &words[s..e], gap - s)).or_default().push((s, e));
            }
        }
        for &(s, e, key) in &grams {
            if counts[&key] != 1 || self.is_known(key) {
                continue;
            }
            let surface = &text[words[s].start..words[e - 1].end];
            for gap in s..e {
                let Some(frequent) = index.get(&gap_key(text, &words[s..e], gap - s)) else { continue };
                let word = strip_all_possessive(words[gap].text(text));
                // Bounded: a name differs in one word from only a few others.
                for &(fs, fe) in frequent.iter().take(8) {
                    let other = strip_all_possessive(words[fs + gap - s].text(text));
                    let (a, b) = (skeleton(word), skeleton(other));
                    let len = a.chars().count().min(b.chars().count());
                    // Too short, the same up to case, or singular and plural.
                    if len < 4 || a == b || is_plural_of(&a, &b) || is_plural_of(&b, &a) {
                        continue;
                    }
                    // An ordinary word or a known name is more likely another person.
                    if names.is_common(gap, text) || self.folded.contains(&fold_key(word)) {
                        continue;
                    }
                    // Only distances of one and two count.
                    if !Shape::of(&a).near(Shape::of(&b)) {
                        continue;
                    }
                    let distance = strsim::damerau_levenshtein(&a, &b);
                    let sounds_same = || {
                        self.codes(word)
                            .zip(self.codes(other))
                            .is_some_and(|((p, x), (q, y))| p == q || p == y || x == q || x == y)
                    };
                    if distance == 1 || (distance == 2 && len >= MIN_LEN_TWO_EDITS && sounds_same()) {
                        let name = &text[words[fs].start..words[fe - 1].end];
                        out.push(Finding {
                            span: Span::new(words[s].start, words[e - 1].end),
                            suggestion: name.to_owned(),
                            message: format!("“{surface}” is used once; the article writes “{name}” elsewhere"),
                            label: Some(Span::new(words[fs].start, words[fe - 1].end)),
                        });
                    }
                }
            }
        }
    }

    /// Whether a skeleton with [`Key`] value `key` is a known spelling or accepted.
    fn is_known(&self, key: u64) -> bool {
        self.known_filter.may_contain(key) && (self.known.contains(&key) || self.accept.contains(&key))
    }
}

/// A finding before it is reported: overlapping ones are resolved first.
struct Finding {
    span: Span,
    suggestion: String,
    message: String,
    label: Option<Span>,
}

/// The word without a possessive inside or at its end ("Baker’s" → "Baker").
fn strip_all_possessive(word: &str) -> &str {
    super::strip_possessive(word).0
}

/// Titles and articles that precede names without being part of them.
fn is_title(word: &str) -> bool {
    matches!(word, "The" | "A" | "An" | "Mr" | "Mrs" | "Ms" | "Miss" | "Dr" | "Sir" | "Dame" | "Lord" | "Lady" | "Prof")
}

/// Whether `a` is `b` with a plural or possessive `s` added.
fn is_plural_of(a: &str, b: &str) -> bool {
    a.strip_prefix(b).is_some_and(|rest| rest == "s" || rest == "es")
}

/// Multiplier of the deletion keys' polynomial hash.
const DELETION_BASE: u64 = 0x0000_0100_0000_01b3;

/// Hash keys of `skel` and of each of its one-character deletions, with the word count,
/// in linear time: a polynomial hash splits into a prefix and a suffix part, so each
/// deletion's hash is `prefix(i) * B^(n-1-i) + suffix(i+1)`.
fn deletion_keys(skel: &str, words: usize) -> Vec<u64> {
    let mut keys = Vec::with_capacity(skel.len() + 1);
    for_deletion_keys(skel, words, |k| keys.push(k));
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// Calls `f` with each of [`deletion_keys`], in no particular order and perhaps more
/// than once, without allocating for skeletons of up to 64 chars.
fn for_deletion_keys(skel: &str, words: usize, f: impl FnMut(u64)) {
    const CAP: usize = 64;
    const B: u64 = DELETION_BASE;
    let mut chars = [0u64; CAP];
    let mut n = 0;
    for c in skel.chars() {
        if n == CAP {
            let chars: Vec<u64> = skel.chars().map(|c| u64::from(c) + 1).collect();
            return deletion_keys_of(&chars, words, &mut vec![0; 3 * (chars.len() + 1)], f);
        }
        chars[n] = u64::from(c) + 1;
        n += 1;
    }
    deletion_keys_of(&chars[..n], words, &mut [0; 3 * (CAP + 1)], f);

    fn deletion_keys_of(chars: &[u64], words: usize, buf: &mut [u64], mut f: impl FnMut(u64)) {
        let n = chars.len();
        // prefix[i]: hash of chars[..i]; suffix[i]: hash of chars[i..]; power[i]: B^i.
        let (prefix, rest) = buf.split_at_mut(n + 1);
        let (power, suffix) = rest.split_at_mut(n + 1);
        prefix[0] = 0;
        power[0] = 1;
        for i in 0..n {
            prefix[i + 1] = prefix[i].wrapping_mul(B).wrapping_add(chars[i]);
            power[i + 1] = power[i].wrapping_mul(B);
        }
        suffix[n] = 0;
        for i in (0..n).rev() {
            suffix[i] = chars[i].wrapping_mul(power[n - 1 - i]).wrapping_add(suffix[i + 1]);
        }
        let salt = (words as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        f(prefix[n] ^ salt);
        for i in 0..n {
            // Deleting char i from a string of n leaves n-1 chars; the suffix after i keeps
            // its powers (0..n-1-i), the prefix shifts by n-1-i.
            f(prefix[i].wrapping_mul(power[n - 1 - i]).wrapping_add(suffix[i + 1]) ^ salt);
        }
    }
}

/// Hash key of a phonetic code, with the word count and head word.
fn phonetic_key(code: &str, words: usize, head: Option<&str>) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    let mut byte = |b: u8| h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    byte(b'P');
    byte(words as u8);
    for b in code.bytes().chain([0]).chain(head.unwrap_or("").bytes()) {
        byte(b);
    }
    h
}

/// Hash key of a name with word `gap` left out: the skeleton keys of the other words,
/// without possessives, in order.
fn gap_key(text: &str, words: &[NameWord], gap: usize) -> u64 {
    let mix = |h: u64, x: u64| (h.rotate_left(5) ^ x).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    let mut h = mix(0x2545_f491_4f6c_dd1d, (words.len() as u64) << 8 | gap as u64);
    for (i, w) in words.iter().enumerate() {
        if i != gap {
            let word = w.text(text);
            let (stem, stripped) = super::strip_possessive(word);
            h = mix(h, if stripped { Key::of(stem).value() } else { w.key.value() });
        }
    }
    h
}

impl Rule for MangledName {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, out: &mut Reporter<'_>) {
        let text = doc.text();
        let analysis = analysis(doc);
        let names = &analysis.runs;
        let words = &names.words;
        // Where targets have each name word; whether it is a head word, when first asked.
        let slots = words
            .iter()
            .map(|w| {
                let key = w.key.value();
                if self.slot_filter.may_contain(key) {
                    self.slots.get(&key).copied().unwrap_or(0)
                } else {
                    0
                }
            })
            .collect();
        let mut seen = Seen { slots, heads: vec![0; words.len()] };
        let mut memo = FxHashMap::default();
        let mut scratch = Scratch::default();
        let mut findings = Vec::new();
        for &(a, b) in &names.runs {
            let mut i = a;
            'words: while i < b {
                for n in (1..=self.max_words.min(b - i)).rev() {
                    // A known spelling: skip past it.
                    if self.is_known(names.surface_key(i, i + n).value()) {
                        i += n;
                        continue 'words;
                    }
                    // A leading article is not part of the name: try without it.
                    if n > 1 && matches!(words[i].text(text), "The" | "A" | "An") {
                        continue;
                    }
                    let Some(id) = self.near_miss(text, names, (i, n), &mut seen, &mut memo, &mut scratch) else {
                        continue;
                    };
                    let target = &self.targets[id as usize];
                    // A single word the article repeats is more likely a name of its own
                    // than a typo, which is rarely made twice the same way.
                    let word = words[i].text(text);
                    if n == 1 && words.iter().filter(|w| w.text(text) == word).nth(1).is_some() {
                        i += 1;
                        continue 'words;
                    }
                    let surface = &text[words[i].start..words[i + n - 1].end];
                    findings.push(Finding {
                        span: Span::new(words[i].start, words[i + n - 1].end),
                        suggestion: target.spelling.clone(),
                        message: format!("“{surface}” looks like a misspelling of “{}”", target.spelling),
                        label: None,
                    });
                    i += n;
                    continue 'words;
                }
                i += 1;
            }
        }
        self.internal(text, names, &mut findings);
        findings.sort_by_key(|f| (f.span.start, f.span.end));
        let mut reported_to = 0;
        for f in findings {
            // One finding per stretch of text: the pack's, then the shortest window.
            if f.span.start < reported_to {
                continue;
            }
            reported_to = f.span.end;
            let d = out.report(f.span, f.message);
            d.suggest(f.suggestion, Applicability::Maybe);
            if let Some(label) = f.label {
                d.label(label, "the spelling used elsewhere");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::entities::parse_pack;
    use crate::{Config, Diagnostic, Severity};

    const PACK: &str = r#"
[[entity]]
name = "Northfield Gazette"
kind = "publication"

[[entity]]
name = "Marcus Rashford"
kind = "person"
pronouns = "he"

[[entity]]
name = "Arsenal"
kind = "org"

[[entity]]
name = "Sony"
kind = "org"
"#;

    fn run(text: &str) -> Vec<Diagnostic> {
        let config = Config { entities: parse_pack(Path::new("t.toml"), PACK).unwrap(), ..Config::default() };
        let rule = MangledName::new(&Resources::new(&config));
        let mut v = Vec::new();
        rule.check(&Document::new(text), &mut Reporter::new(&META, Severity::Warning, &mut v));
        v
    }

    #[test]
    fn flags_near_misses_of_pack_names() {
        let d = run("He spoke to Northfeld Gazette and Marcus Rashfrod’s agent.");
        assert_eq!(d.len(), 2, "{d:#?}");
        assert_eq!(d[0].suggestions[0].replacement, "Northfield Gazette");
        assert_eq!(d[1].suggestions[0].replacement, "Marcus Rashford");
        assert_eq!(d[1].span.slice("He spoke to Northfeld Gazette and Marcus Rashfrod’s agent."), "Marcus Rashfrod");
    }

    #[test]
    fn flags_sound_alike_with_exact_head() {
        assert_eq!(run("an interview with Northfeeld’s Gazette today").len(), 1);
        // The head word differs: another publication.
        assert!(run("an interview with Northfeeld Herald today").is_empty());
    }

    #[test]
    fn passes_known_common_and_short() {
        for ok in
            ["Tony Blair met Sony.", "Arsenal won.", "Arsenals", "Marcus Rashford scored.", "Marcus Rashford’s goal"]
        {
            assert!(run(ok).is_empty(), "{ok}");
        }
    }

    #[test]
    fn flags_once_used_near_miss_of_a_frequent_name() {
        let text = "Gordon Brown spoke. Later Gordon Brown left. Gordon Browm said no.";
        let d = run(text);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].span.slice(text), "Gordon Browm");
        assert_eq!(d[0].suggestions[0].replacement, "Gordon Brown");
        assert!(run("Gordon Brown spoke. Later Gordon Brown left. Gordon Browne said no.").is_empty());
    }

    #[test]
    fn deletion_keys_meet_in_the_middle() {
        let full = |s: &str| deletion_keys(s, 2)[..].to_vec();
        // "brown" and "broun", one substitution apart, share the deletion "brow"+"n" → "bron".
        let a = full("brown");
        let b = full("broun");
        assert!(a.iter().any(|k| b.contains(k)));
        // Every deletion of "abc" is the plain key of the shorter string.
        let plain = |s: &str| deletion_keys(s, 2).into_iter().collect::<FxHashSet<_>>();
        let abc = plain("abc");
        for short in ["bc", "ac", "ab"] {
            let mut keys = deletion_keys(short, 2);
            keys.retain(|k| abc.contains(k));
            assert!(!keys.is_empty(), "{short}");
        }
        assert!(full("xyz").iter().all(|k| !full("abc").contains(k)));
        assert_ne!(deletion_keys("abc", 1)[0], deletion_keys("abc", 2)[0]);
    }

    #[test]
    fn no_panic_on_odd_text() {
        for t in [
            "",
            "\u{301}",
            "Ä Ö Ü ß",
            "Ωμέγα Άλφα Βήτα",
            "A-",
            "-A",
            "Ab’",
            "’s",
            "x Ab y Cd z Ef Gh",
            &"Xy ".repeat(1000),
        ] {
            let _ = run(t);
        }
    }
}

//! `mangled-name`: a name that is a near-miss of a known entity, or of a name the
//! same article uses more often.
//!
//! Lookup goes through an index built once from the entity packs: every spelling's
//! skeleton under each single-character deletion (SymSpell's trick: two strings one edit
//! apart share a deletion), and the Double Metaphone code of its body (the name without
//! a generic head word). A span is compared only with the few spellings its own keys
//! retrieve, never with every entity.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use rphonetic::DoubleMetaphone;

use super::{accepted, is_common_word, name_runs, skeleton, skeleton_into, Fnv, FxBuild, NameWord, HEADS};
use crate::declare_rule;
use crate::entities::Gazetteer;
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
        gazetteer: Arc<Gazetteer>,
        targets: Vec<Target>,
        index: HashMap<u64, Vec<u32>, FxBuild>,
        known: HashSet<u64, FxBuild>,
        accept: HashSet<u64, FxBuild>,
        max_words: usize,
        phonetic: DoubleMetaphone,
    }
    META = "mangled-name", Names, Warning, "a near-miss of a known name";
}

/// One spelling a near-miss may stand for.
struct Target {
    /// The spelling as the pack gives it.
    spelling: String,
    /// Skeleton of each word.
    words: Vec<String>,
    /// The generic head word it ends in, if any.
    head: Option<String>,
    /// Skeleton of the whole spelling.
    skeleton: String,
    /// Double Metaphone codes of the body (without the head word).
    phonetic: Option<(String, String)>,
}

/// Shortest skeleton a near-miss is looked for at.
const MIN_LEN: usize = 5;
/// Shortest skeleton a near-miss may be two edits away at.
const MIN_LEN_TWO_EDITS: usize = 8;
/// Longest skeleton compared (deletion keys are quadratic in it).
const MAX_LEN: usize = 48;
/// Longest name, in words, compared.
const MAX_WORDS: usize = 4;

impl MangledName {
    /// Indexes every unambiguous spelling of `res`'s entities.
    ///
    /// ```
    /// use copydesk::rules::names::mangled_name::MangledName;
    /// use copydesk::{registry::Resources, Config, Document, Reporter, Rule};
    /// let config = Config::default();
    /// let rule = MangledName::new(&Resources::new(&config));
    /// let text = "Jungkook sat down for an interview with Weaver’s Magazine last week.";
    /// let mut found = Vec::new();
    /// rule.check(&Document::new(text), &mut Reporter::new(rule.meta(), rule.meta().default_severity, &mut found));
    /// assert_eq!(found[0].span.slice(text), "Weaver’s Magazine");
    /// assert_eq!(found[0].suggestions[0].replacement, "Weverse Magazine");
    /// assert_eq!(found[0].suggestions[0].applicability, copydesk::Applicability::Maybe);
    /// ```
    #[must_use]
    pub fn new(res: &Resources<'_>) -> Self {
        let phonetic = DoubleMetaphone::new(None);
        let mut rule = MangledName {
            gazetteer: Arc::clone(&res.gazetteer),
            targets: Vec::new(),
            index: HashMap::default(),
            known: HashSet::default(),
            accept: accepted(res.config, META.code.as_ref()).iter().map(|s| Fnv::new().skeleton(s).finish()).collect(),
            max_words: 1,
            phonetic,
        };
        for e in res.gazetteer.entities() {
            for s in e.spellings() {
                rule.known.insert(Fnv::new().skeleton(s).finish());
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
                let head = words.last().filter(|w| words.len() > 1 && HEADS.contains(**w)).map(|w| (*w).to_owned());
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
                rule.targets.push(Target {
                    spelling: s.to_owned(),
                    words: words.iter().map(|w| skeleton(w)).collect(),
                    head,
                    skeleton: skel,
                    phonetic,
                });
            }
        }
        for ids in rule.index.values_mut() {
            ids.dedup();
        }
        rule
    }

    /// Double Metaphone codes of an ASCII body; `None` for other scripts.
    fn codes(&self, body: &str) -> Option<(String, String)> {
        let mut letters = String::with_capacity(body.len());
        skeleton_into(body, &mut letters);
        if letters.len() < 4 || !letters.bytes().all(|b| b.is_ascii_alphabetic()) {
            return None;
        }
        let r = self.phonetic.double_metaphone(&letters);
        Some((r.primary(), r.alternate()))
    }

    /// The known spelling `words` is a near-miss of, with its edit distance.
    fn near_miss(&self, text: &str, words: &[NameWord<'_>], common: &[bool]) -> Option<(&Target, usize)> {
        let surface = &text[words[0].start..words[words.len() - 1].end];
        let last = words[words.len() - 1].text;
        let head = (words.len() > 1 && HEADS.contains(last)).then_some(last);
        // Screen: a near-miss has a word that is no ordinary word, or a head word.
        if head.is_none() && common.iter().all(|&c| c) {
            return None;
        }
        // Too short to tell a typo from another name, or too long to be one.
        let len = surface.chars().filter(|c| c.is_alphanumeric()).count();
        if !(MIN_LEN..=MAX_LEN).contains(&len) {
            return None;
        }
        let body_words = if head.is_some() { &words[..words.len() - 1] } else { words };
        // An inner possessive is read both ways: "Baker’s Gazette" as "bakers gazette"
        // (the apostrophe lost) and as "baker gazette" (the possessive added).
        let body_end =
            if head.is_some() { body_words[body_words.len() - 1].full_end } else { surface.len() + words[0].start };
        let full = (skeleton(surface), &text[words[0].start..body_end]);
        let plain_body: String = body_words.iter().map(|w| w.text).collect();
        let plain: String = words.iter().map(|w| skeleton(w.text)).collect();
        let mut variants = vec![(full.0, full.1.to_owned())];
        if plain != variants[0].0 {
            variants.push((plain, plain_body));
        }
        let mut candidates: Vec<u32> = Vec::new();
        let mut all_codes = Vec::new();
        for (skel, body) in &variants {
            for key in deletion_keys(skel, words.len()) {
                if let Some(ids) = self.index.get(&key) {
                    candidates.extend(ids);
                }
            }
            let Some((p, a)) = (len >= MIN_LEN_TWO_EDITS).then(|| self.codes(body)).flatten() else { continue };
            for code in [&p, &a] {
                if let Some(ids) = self.index.get(&phonetic_key(code, words.len(), head)) {
                    candidates.extend(ids);
                }
            }
            all_codes.push(p);
            all_codes.push(a);
        }
        candidates.sort_unstable();
        candidates.dedup();
        let word_skels: Vec<String> = words.iter().map(|w| skeleton(w.text)).collect();
        let mut best: Option<(&Target, usize)> = None;
        for id in candidates {
            let t = &self.targets[id as usize];
            // The generic head word must be the same ("Records" is not "Magazine").
            if t.words.len() != words.len() || t.head.as_deref() != head {
                continue;
            }
            // Singular and plural ("Oscar", "Oscars") name the same thing.
            if variants.iter().any(|(v, _)| is_plural_of(v, &t.skeleton) || is_plural_of(&t.skeleton, v)) {
                continue;
            }
            let sounds_same = t.phonetic.as_ref().is_some_and(|(tp, ta)| all_codes.iter().any(|c| c == tp || c == ta));
            let Some(distance) = variants.iter().map(|(v, _)| strsim::damerau_levenshtein(v, &t.skeleton)).min() else {
                continue;
            };
            let close = distance == 1 || (distance == 2 && len >= MIN_LEN_TWO_EDITS && sounds_same);
            if !close {
                continue;
            }
            // A multi-word name keeps at least one word intact.
            let same: Vec<bool> = word_skels.iter().zip(&t.words).map(|(a, b)| a == b).collect();
            if words.len() > 1 && !same.contains(&true) {
                continue;
            }
            // A differing word that is an ordinary word or a known name is more likely
            // a different name than a typo, unless the head word and the sound agree.
            let differing_ok = words.iter().zip(&same).filter(|(_, s)| !**s).all(|(w, _)| {
                let stem = strip_all_possessive(w.text);
                let plain_word = is_common_word(stem) || self.gazetteer.get_folded(stem).is_some();
                !plain_word || (head.is_some() && sounds_same)
            });
            if !differing_ok {
                continue;
            }
            if best.is_none_or(|(_, d)| distance < d) {
                best = Some((t, distance));
            }
        }
        best
    }

    /// Near-misses of the multi-word names this article itself uses twice or more.
    fn internal(&self, doc: &Document<'_>, words: &[NameWord<'_>], runs: &[(usize, usize)], out: &mut Vec<Finding>) {
        let text = doc.text();
        // Every two- and three-word window of every run, counted by folded spelling.
        let mut grams: Vec<(usize, usize)> = Vec::new();
        let mut counts: HashMap<u64, usize> = HashMap::new();
        let key_of = |s: usize, e: usize| Fnv::new().skeleton(&text[words[s].start..words[e - 1].end]).finish();
        for &(a, b) in runs {
            for n in 2..=3 {
                let starts = a..b.saturating_sub(n - 1).max(a);
                for (s, first) in starts.clone().zip(&words[starts]) {
                    // A title or article is not part of the name ("Mr Brown", "The Times").
                    if is_title(first.text) {
                        continue;
                    }
                    grams.push((s, s + n));
                    *counts.entry(key_of(s, s + n)).or_default() += 1;
                }
            }
        }
        if grams.len() < 2 {
            return;
        }
        // Index the frequent names by each word left out.
        let mut index: HashMap<u64, Vec<(usize, usize)>> = HashMap::new();
        let mut seen = HashSet::new();
        for &(s, e) in &grams {
            let key = key_of(s, e);
            if counts[&key] < 2 || !seen.insert(key) {
                continue;
            }
            for gap in s..e {
                index.entry(gap_key(&words[s..e], gap - s)).or_default().push((s, e));
            }
        }
        if index.is_empty() {
            return;
        }
        for &(s, e) in &grams {
            let surface = &text[words[s].start..words[e - 1].end];
            if counts[&key_of(s, e)] != 1 || self.is_known(surface) {
                continue;
            }
            for gap in s..e {
                let Some(frequent) = index.get(&gap_key(&words[s..e], gap - s)) else { continue };
                let word = strip_all_possessive(words[gap].text);
                // Bounded: a name differs in one word from only a few others.
                for &(fs, fe) in frequent.iter().take(8) {
                    let other = strip_all_possessive(words[fs + gap - s].text);
                    let (a, b) = (skeleton(word), skeleton(other));
                    let len = a.chars().count().min(b.chars().count());
                    // Too short, the same up to case, or singular and plural.
                    if len < 4 || a == b || is_plural_of(&a, &b) || is_plural_of(&b, &a) {
                        continue;
                    }
                    // An ordinary word or a known name is more likely another person.
                    if is_common_word(word) || self.gazetteer.get_folded(word).is_some() {
                        continue;
                    }
                    let distance = strsim::damerau_levenshtein(&a, &b);
                    let sounds_same = self
                        .codes(word)
                        .zip(self.codes(other))
                        .is_some_and(|((p, x), (q, y))| p == q || p == y || x == q || x == y);
                    if distance == 1 || (distance == 2 && len >= MIN_LEN_TWO_EDITS && sounds_same) {
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

    /// Whether `surface` is a known spelling, up to case and spacing, or accepted.
    fn is_known(&self, surface: &str) -> bool {
        let key = Fnv::new().skeleton(surface).finish();
        self.known.contains(&key) || self.accept.contains(&key)
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

/// Hash keys of `skel` and of each of its one-character deletions, with the word count,
/// in linear time: a polynomial hash splits into a prefix and a suffix part, so each
/// deletion's hash is `prefix(i) * B^(n-1-i) + suffix(i+1)`.
fn deletion_keys(skel: &str, words: usize) -> Vec<u64> {
    const B: u64 = 0x0000_0100_0000_01b3;
    let chars: Vec<u64> = skel.chars().map(|c| u64::from(c) + 1).collect();
    let n = chars.len();
    // prefix[i]: hash of chars[..i]; suffix[i]: hash of chars[i..]; power[i]: B^i.
    let mut prefix = vec![0u64; n + 1];
    let mut power = vec![1u64; n + 1];
    for i in 0..n {
        prefix[i + 1] = prefix[i].wrapping_mul(B).wrapping_add(chars[i]);
        power[i + 1] = power[i].wrapping_mul(B);
    }
    let mut suffix = vec![0u64; n + 1];
    for i in (0..n).rev() {
        suffix[i] = chars[i].wrapping_mul(power[n - 1 - i]).wrapping_add(suffix[i + 1]);
    }
    let salt = (words as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    let mut keys = Vec::with_capacity(n + 1);
    keys.push(prefix[n] ^ salt);
    for i in 0..n {
        // Deleting char i from a string of n leaves n-1 chars; the suffix after i keeps
        // its powers (0..n-1-i), the prefix shifts by n-1-i.
        keys.push(prefix[i].wrapping_mul(power[n - 1 - i]).wrapping_add(suffix[i + 1]) ^ salt);
    }
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// Hash key of a phonetic code, with the word count and head word.
fn phonetic_key(code: &str, words: usize, head: Option<&str>) -> u64 {
    let mut h = Fnv::new().byte(b'P').byte(words as u8);
    for b in code.bytes().chain([0]).chain(head.unwrap_or("").bytes()) {
        h = h.byte(b);
    }
    h.finish()
}

/// Hash key of a name with word `gap` left out.
fn gap_key(words: &[NameWord<'_>], gap: usize) -> u64 {
    let mut h = Fnv::new().byte(words.len() as u8).byte(gap as u8);
    for (i, w) in words.iter().enumerate() {
        if i != gap {
            h = h.skeleton(strip_all_possessive(w.text)).byte(0);
        }
    }
    h.finish()
}

impl Rule for MangledName {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, out: &mut Reporter<'_>) {
        let text = doc.text();
        let names = name_runs(doc, &HEADS);
        // Whether each name word is an ordinary word, worked out once.
        let common: Vec<bool> = names.words.iter().map(|w| is_common_word(strip_all_possessive(w.text))).collect();
        let mut findings = Vec::new();
        for &(a, b) in &names.runs {
            let mut i = a;
            'words: while i < b {
                for n in (1..=self.max_words.min(b - i)).rev() {
                    let words = &names.words[i..i + n];
                    let surface = &text[words[0].start..words[n - 1].end];
                    // A known spelling: skip past it.
                    if self.is_known(surface) {
                        i += n;
                        continue 'words;
                    }
                    // A leading article is not part of the name: try without it.
                    if matches!(words[0].text, "The" | "A" | "An") && n > 1 {
                        continue;
                    }
                    let Some((target, _)) = self.near_miss(text, words, &common[i..i + n]) else { continue };
                    // A single word the article repeats is more likely a name of its own
                    // than a typo, which is rarely made twice the same way.
                    if n == 1 && names.words.iter().filter(|w| w.text == words[0].text).nth(1).is_some() {
                        i += 1;
                        continue 'words;
                    }
                    findings.push(Finding {
                        span: Span::new(words[0].start, words[n - 1].end),
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
        self.internal(doc, &names.words, &names.runs, &mut findings);
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
        let plain = |s: &str| deletion_keys(s, 2).into_iter().collect::<HashSet<_>>();
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

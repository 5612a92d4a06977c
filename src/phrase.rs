//! Whole-line and line-start phrase entries, matched without a regex.
//!
//! Most pack entries are literal phrases scoped to a line (`"leave a comment"`), and a
//! run over real text calls on most of them sooner or later. Compiling each one's regex
//! costs far more than the few comparisons that settle a line, so [`PhraseMatcher`]
//! compares a line with the phrase directly, with exactly the semantics of the regex the
//! pack loader writes for it (see `phrase_regex` in `src/pack.rs`):
//!
//! - words match case-insensitively under Unicode simple case folding, as `(?i)` does:
//!   an ASCII letter matches its other case, and `k` and `s` also match KELVIN SIGN and
//!   LATIN SMALL LETTER LONG S;
//! - an apostrophe (`'` or `’`) matches `'`, `’` or `‘`;
//! - the space between words matches any run of Unicode white space (`\s+`);
//! - a phrase that starts or ends with a letter or digit has an ASCII word boundary
//!   there (`(?-u:\b)`).
//!
//! Only phrases of ASCII characters and `’` qualify; a phrase with another non-ASCII
//! character keeps its regex, whose case folding this module does not reproduce.

/// One character of a phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    /// An ASCII character; a letter is stored lowercase when case is ignored.
    Byte(u8),
    /// An apostrophe: `'`, `’` or `‘`.
    Apostrophe,
}

/// A phrase compiled for matching at the start of a haystack.
#[derive(Clone, Debug)]
pub(crate) struct PhraseMatcher {
    words: Vec<Vec<Unit>>,
    ignore_case: bool,
    /// Whether an ASCII word boundary is required before the first and after the last
    /// character.
    boundary_start: bool,
    boundary_end: bool,
}

impl PhraseMatcher {
    /// The matcher for `phrase`, or `None` when it is empty or holds a non-ASCII
    /// character other than `’`.
    pub(crate) fn new(phrase: &str, ignore_case: bool) -> Option<PhraseMatcher> {
        let mut words = Vec::new();
        for word in phrase.split_whitespace() {
            let mut units = Vec::with_capacity(word.len());
            for c in word.chars() {
                units.push(match c {
                    '\'' | '’' => Unit::Apostrophe,
                    c if c.is_ascii() => {
                        let b = c as u8;
                        Unit::Byte(if ignore_case { b.to_ascii_lowercase() } else { b })
                    }
                    _ => return None,
                });
            }
            words.push(units);
        }
        if words.is_empty() {
            return None;
        }
        let trimmed = phrase.trim();
        Some(PhraseMatcher {
            words,
            ignore_case,
            boundary_start: trimmed.chars().next().is_some_and(char::is_alphanumeric),
            boundary_end: trimmed.chars().next_back().is_some_and(char::is_alphanumeric),
        })
    }

    /// Whether the phrase matches all of `haystack` (`^…$`).
    pub(crate) fn is_match_whole(&self, haystack: &str) -> bool {
        self.match_start(haystack) == Some(haystack.len())
    }

    /// Whether the phrase matches at the start of `haystack` (`^…`).
    pub(crate) fn is_match_start(&self, haystack: &str) -> bool {
        self.match_start(haystack).is_some()
    }

    /// The end of the match starting at offset 0, if there is one. Each step is forced
    /// (a word starts with a character that is not space, so `\s+` takes every space it
    /// sees), so one pass decides.
    fn match_start(&self, haystack: &str) -> Option<usize> {
        let bytes = haystack.as_bytes();
        if self.boundary_start && !bytes.first().is_some_and(|&b| is_word_byte(b)) {
            return None;
        }
        let mut at = 0;
        for (i, word) in self.words.iter().enumerate() {
            if i > 0 {
                let spaces = haystack[at..].len() - haystack[at..].trim_start_matches(char::is_whitespace).len();
                if spaces == 0 {
                    return None;
                }
                at += spaces;
            }
            for &unit in word {
                let c = haystack[at..].chars().next()?;
                if !self.unit_matches(unit, c) {
                    return None;
                }
                at += c.len_utf8();
            }
        }
        if self.boundary_end {
            let before = at > 0 && is_word_byte(bytes[at - 1]);
            let after = bytes.get(at).is_some_and(|&b| is_word_byte(b));
            if before == after {
                return None;
            }
        }
        Some(at)
    }

    fn unit_matches(&self, unit: Unit, c: char) -> bool {
        match unit {
            Unit::Apostrophe => matches!(c, '\'' | '’' | '‘'),
            Unit::Byte(b) if !self.ignore_case => c == char::from(b),
            Unit::Byte(b) => match c {
                '\u{212a}' => b == b'k',
                '\u{17f}' => b == b's',
                c => c.is_ascii() && (c as u8).to_ascii_lowercase() == b,
            },
        }
    }
}

impl PhraseMatcher {
    /// The phrase folded as [`PhraseTrie`] folds a line: words lowercased and joined by
    /// one space, apostrophes as `'`.
    fn key(&self) -> Vec<u8> {
        let mut key = Vec::new();
        for (i, word) in self.words.iter().enumerate() {
            if i > 0 {
                key.push(b' ');
            }
            key.extend(word.iter().map(|u| match u {
                Unit::Byte(b) => b.to_ascii_lowercase(),
                Unit::Apostrophe => b'\'',
            }));
        }
        key
    }
}

/// Which phrases can match a line, from one walk over the line's first characters: the
/// phrases sit in a trie under their folded [`PhraseMatcher::key`], and the line is
/// folded the same way as the walk goes (ASCII letters lowercased, KELVIN SIGN and LONG
/// S as `k` and `s`, apostrophes as `'`, each run of white space as one space). The
/// walk stops at the first character no phrase continues with, which in prose is after
/// a letter or two. Whatever it yields is then checked with the phrase's
/// [`PhraseMatcher`]; everything a phrase matches, the walk yields.
#[derive(Debug, Default)]
pub(crate) struct PhraseTrie {
    nodes: Vec<Node>,
}

#[derive(Debug, Default)]
struct Node {
    children: Vec<(u8, u32)>,
    /// Values of phrases whose key ends here that must match the whole line.
    whole: Vec<u32>,
    /// Values of phrases whose key ends here that must match the line's start.
    start: Vec<u32>,
}

impl PhraseTrie {
    /// Adds `phrase` with `value`, to be yielded for lines that could equal it
    /// (`whole`) or start with it.
    pub(crate) fn insert(&mut self, phrase: &PhraseMatcher, whole: bool, value: u32) {
        self.insert_key(&phrase.key(), whole, value);
    }

    /// Adds `key` (folded) with `value`.
    fn insert_key(&mut self, key: &[u8], whole: bool, value: u32) {
        if self.nodes.is_empty() {
            self.nodes.push(Node::default());
        }
        let mut node = 0;
        for &b in key {
            node = match self.nodes[node].children.iter().find(|c| c.0 == b) {
                Some(&(_, next)) => next as usize,
                None => {
                    self.nodes.push(Node::default());
                    let next = self.nodes.len() - 1;
                    self.nodes[node].children.push((b, next as u32));
                    next
                }
            };
        }
        let end = &mut self.nodes[node];
        if whole {
            end.whole.push(value)
        } else {
            end.start.push(value)
        }
    }

    /// Whether no phrase was added.
    pub(crate) fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// Calls `f` with the value of every phrase that could match `line` whole or at its
    /// start (`line` is trimmed: no white space at either end).
    pub(crate) fn candidates(&self, line: &str, mut f: impl FnMut(u32)) {
        let Some(root) = self.nodes.first() else { return };
        let mut node = root;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            let b = match c {
                c if c.is_whitespace() => {
                    while chars.next_if(|c| c.is_whitespace()).is_some() {}
                    b' '
                }
                '\'' | '’' | '‘' => b'\'',
                c if c.is_ascii() => (c as u8).to_ascii_lowercase(),
                '\u{212a}' => b'k',
                '\u{17f}' => b's',
                _ => return,
            };
            let Some(&(_, next)) = node.children.iter().find(|child| child.0 == b) else { return };
            node = &self.nodes[next as usize];
            node.start.iter().for_each(|&v| f(v));
            if chars.peek().is_none() {
                node.whole.iter().for_each(|&v| f(v));
            }
        }
    }
}

/// Which patterns can match at a line's start, by the strings one of which each
/// pattern's matches start with (lowercase; [`crate::literals::prefixes`]): one walk
/// over the line's first bytes, ASCII letters lowercased, yields every pattern whose
/// prefix the line starts with. The pattern's regex then decides.
#[derive(Debug, Default)]
pub(crate) struct PrefixTrie(PhraseTrie);

impl PrefixTrie {
    /// Adds the pattern `value` under each of `prefixes`.
    pub(crate) fn insert(&mut self, prefixes: &[Vec<u8>], value: u32) {
        for p in prefixes {
            self.0.insert_key(p, false, value);
        }
    }

    /// Whether no pattern was added.
    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Calls `f` with every pattern one of whose prefixes `line` starts with.
    pub(crate) fn candidates(&self, line: &str, mut f: impl FnMut(u32)) {
        let Some(mut node) = self.0.nodes.first() else { return };
        for b in line.bytes() {
            let b = b.to_ascii_lowercase();
            let Some(&(_, next)) = node.children.iter().find(|child| child.0 == b) else { return };
            node = &self.0.nodes[next as usize];
            node.start.iter().for_each(|&v| f(v));
        }
    }
}

/// Whether `b` is an ASCII word byte (`[0-9A-Za-z_]`), as `(?-u:\b)` sees it.
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The regex the pack loader writes for a phrase (kept in step with `phrase_regex`).
    fn regex_for(phrase: &str, ignore_case: bool, whole: bool) -> regex::Regex {
        let words: Vec<String> =
            phrase.split_whitespace().map(|w| regex::escape(w).replace(['\'', '’'], "['’‘]")).collect();
        let first = phrase.trim_start().chars().next().is_some_and(char::is_alphanumeric);
        let last = phrase.trim_end().chars().next_back().is_some_and(char::is_alphanumeric);
        let b = r"(?-u:\b)";
        let body = format!("{}{}{}", if first { b } else { "" }, words.join(r"\s+"), if last { b } else { "" });
        let flags = if ignore_case { "(?i)" } else { "" };
        regex::Regex::new(&format!("{flags}^(?:{body}){}", if whole { "$" } else { "" })).unwrap()
    }

    #[test]
    fn matches_like_the_regex_on_examples() {
        let cases = [
            ("leave a comment", "Leave a  Comment", true),
            ("leave a comment", "Leave a Commentary", false),
            ("don't miss", "Don‘t miss", true),
            ("don’t miss", "DON'T\u{a0}MISS", true),
            // The word boundary before the first letter needs an ASCII word byte.
            ("kiss", "\u{212a}iss", false),
            ("kiss", "ki\u{17f}s", true),
            ("(photo)", "(PHOTO)", true),
            ("share", "share_", false),
        ];
        for (phrase, line, want) in cases {
            let m = PhraseMatcher::new(phrase, true).unwrap();
            assert_eq!(m.is_match_whole(line), want, "{phrase} / {line}");
            assert_eq!(regex_for(phrase, true, true).is_match(line), want, "{phrase} / {line}");
        }
        assert!(PhraseMatcher::new("read more", true).unwrap().is_match_start("Read more: the story"));
        assert!(!PhraseMatcher::new("read more", true).unwrap().is_match_start("Read mores"));
        assert!(PhraseMatcher::new("café", true).is_none());
        assert!(PhraseMatcher::new("  ", true).is_none());
    }

    #[test]
    fn trie_yields_the_phrases_a_line_could_match() {
        let mut trie = PhraseTrie::default();
        let phrases = [("leave a comment", true), ("read more", false), ("don't miss", true)];
        for (i, &(p, whole)) in phrases.iter().enumerate() {
            trie.insert(&PhraseMatcher::new(p, true).unwrap(), whole, i as u32);
        }
        let found = |line: &str| {
            let mut v = Vec::new();
            trie.candidates(line, |x| v.push(x));
            v
        };
        assert_eq!(found("LEAVE a\u{a0} comment"), [0]);
        assert_eq!(found("Leave a comment on this"), [] as [u32; 0]);
        assert_eq!(found("Read moreover"), [1], "a candidate; the matcher then rules it out");
        assert_eq!(found("Don‘t miss"), [2]);
        assert_eq!(found("Said the minister"), [] as [u32; 0]);
    }

    fn piece() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            "a", "k", "K", "\u{212a}", "s", "S", "\u{17f}", " ", "  ", "\u{a0}", "\t", "\u{b}", "'", "’", "‘", "-",
            "_", "1", "é", ".", "(", "x",
        ])
        .prop_map(str::to_owned)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn agrees_with_the_regex(
            phrase in prop::collection::vec(prop::sample::select(vec!["a", "k", "s", "S", " ", "'", "’", "-", "_", "1", ".", "x"]), 1..6),
            hay in prop::collection::vec(piece(), 0..10),
            ignore_case: bool,
        ) {
            let phrase: String = phrase.concat();
            let hay: String = hay.concat();
            if let Some(m) = PhraseMatcher::new(&phrase, ignore_case) {
                let whole = regex_for(&phrase, ignore_case, true).is_match(&hay);
                let start = regex_for(&phrase, ignore_case, false).is_match(&hay);
                prop_assert_eq!(m.is_match_whole(&hay), whole);
                prop_assert_eq!(m.is_match_start(&hay), start);
                // The trie yields every phrase that matches a trimmed line.
                let line = hay.trim();
                let mut trie = PhraseTrie::default();
                trie.insert(&m, true, 0);
                trie.insert(&m, false, 1);
                let mut found = Vec::new();
                trie.candidates(line, |v| found.push(v));
                if m.is_match_whole(line) {
                    prop_assert!(found.contains(&0));
                }
                if m.is_match_start(line) {
                    prop_assert!(found.contains(&1));
                }
            } else {
                prop_assert!(phrase.trim().is_empty());
            }
        }
    }
}

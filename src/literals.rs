//! What a pack pattern's matches must contain or start with, read off its syntax.
//!
//! Required literals: a small set of strings of which every match contains at least
//! one. Pack matchers use them as a prefilter: one Aho-Corasick scan of the text says
//! which lines and which text-scoped entries can match at all, so a pattern's regex runs
//! on the few lines that hold a candidate instead of on every line (the same idea as
//! RE2's and Google Code Search's trigram prefilters). Prefixes: a small set of strings
//! one of which every match starts with, so a line-anchored pattern is looked up by the
//! line's first bytes instead (`src/phrase.rs`).
//!
//! A pattern is parsed to its syntax tree and reduced to a [`Tree`] whose language
//! contains the pattern's; the analysis walks that tree, tracking for each
//! sub-expression the finite set of strings it matches exactly (when small) and a set
//! one of which it must contain.
//! Strings are lowercased and matched ASCII case-insensitively, so a case-insensitive
//! pattern needs no case variants. Unicode simple case folding maps two non-ASCII
//! characters onto ASCII letters (KELVIN SIGN onto `k`, LONG S onto `s`); the literals
//! use the ASCII letter, and [`has_fold_exotics`] tells the matcher when a text contains
//! either, so it can skip the prefilter for that text.

use regex_syntax::ast::{self, Ast};

/// Largest set of alternatives kept for one sub-expression.
const MAX_SET: usize = 32;

/// Longest literal kept: a longer one is cut to a required prefix.
const MAX_LEN: usize = 32;

/// Largest class spelled out as alternatives.
const MAX_CLASS: usize = 10;

type Set = Vec<Vec<u8>>;

/// What one sub-expression tells about its matches.
#[derive(Clone, Debug, Default)]
struct Info {
    /// Every string the sub-expression can match, when that set is small.
    exact: Option<Set>,
    /// Strings at least one of which occurs in every match (none empty).
    required: Option<Set>,
}

/// A pattern reduced to what the analyses read; see [`Tree::parse`].
#[derive(Clone, Debug)]
pub(crate) enum Tree {
    /// The empty string, an assertion or a flag group.
    Empty,
    /// A run of characters, lowercase.
    Literal(Vec<u8>),
    /// One character out of `members` (lowercase strings) when there are few; `None`
    /// for any character. `max_len` is its longest member in bytes.
    Class {
        members: Option<Set>,
        max_len: usize,
    },
    Repeat {
        min: u32,
        max: Option<u32>,
        sub: Box<Tree>,
    },
    Concat(Vec<Tree>),
    Alternation(Vec<Tree>),
}

impl Tree {
    /// Parses `src` to its syntax tree and reduces that to a [`Tree`] whose language
    /// contains the pattern's, so the required literals, prefixes and longest match
    /// read off it hold for the pattern. Pack loading parses hundreds of patterns; the
    /// costly part of a full translation (Unicode case folding of large classes) waits
    /// for the first text that needs a pattern's regex.
    ///
    /// The reduction assumes case-insensitive matching everywhere (a superset of
    /// either), spells out small ASCII classes with their case variants (KELVIN SIGN
    /// and LONG S for `k` and `s`), and stands for "any character" with any other
    /// class, `.`, and characters that have case variants outside ASCII.
    ///
    /// # Errors
    /// The syntax error, when `src` does not parse.
    pub(crate) fn parse(src: &str) -> Result<Tree, String> {
        let ast = ast::parse::Parser::new().parse(src).map_err(|e| e.to_string())?;
        Ok(reduce(&ast))
    }

    /// The required literals (lowercase), or `None` when no small set of non-empty
    /// strings is required.
    pub(crate) fn required(&self) -> Option<Vec<Vec<u8>>> {
        let info = analyze(self);
        best(info.required, info.exact.and_then(non_empty))
    }

    /// Strings one of which every match starts with (lowercase, none empty), or `None`
    /// when there is no such small set. A `line`-scoped pattern anchored at the line's
    /// start can then be looked up by the line's first bytes instead of searched for.
    pub(crate) fn prefixes(&self) -> Option<Vec<Vec<u8>>> {
        prefix_set(self).and_then(non_empty)
    }

    /// The longest match in bytes, when bounded.
    pub(crate) fn max_len(&self) -> Option<usize> {
        match self {
            Tree::Empty => Some(0),
            Tree::Literal(lit) => Some(lit.len()),
            Tree::Class { max_len, .. } => Some(*max_len),
            Tree::Repeat { max, sub, .. } => {
                let sub = sub.max_len()?;
                if sub == 0 {
                    return Some(0);
                }
                sub.checked_mul(usize::try_from((*max)?).ok()?)
            }
            Tree::Concat(subs) => subs.iter().try_fold(0usize, |acc, t| acc.checked_add(t.max_len()?)),
            Tree::Alternation(subs) => subs.iter().try_fold(0usize, |acc, t| Some(acc.max(t.max_len()?))),
        }
    }
}

fn reduce(ast: &Ast) -> Tree {
    use regex_syntax::ast::{RepetitionKind, RepetitionRange};
    match ast {
        Ast::Empty(_) | Ast::Flags(_) | Ast::Assertion(_) => Tree::Empty,
        Ast::Literal(lit) => char_tree(lit),
        Ast::Dot(_) | Ast::ClassUnicode(_) | Ast::ClassPerl(_) => ANY,
        Ast::ClassBracketed(class) => bracketed(class).unwrap_or(ANY),
        Ast::Repetition(rep) => {
            let (min, max) = match &rep.op.kind {
                RepetitionKind::ZeroOrOne => (0, Some(1)),
                RepetitionKind::ZeroOrMore => (0, None),
                RepetitionKind::OneOrMore => (1, None),
                RepetitionKind::Range(RepetitionRange::Exactly(n)) => (*n, Some(*n)),
                RepetitionKind::Range(RepetitionRange::AtLeast(n)) => (*n, None),
                RepetitionKind::Range(RepetitionRange::Bounded(n, m)) => (*n, Some(*m)),
            };
            Tree::Repeat { min, max, sub: Box::new(reduce(&rep.ast)) }
        }
        Ast::Group(group) => reduce(&group.ast),
        Ast::Alternation(alt) => Tree::Alternation(alt.asts.iter().map(reduce).collect()),
        Ast::Concat(concat) => {
            // Neighbouring characters become one literal.
            let mut out: Vec<Tree> = Vec::with_capacity(concat.asts.len());
            for t in concat.asts.iter().map(reduce) {
                match (out.last_mut(), t) {
                    (Some(Tree::Literal(run)), Tree::Literal(more)) => run.extend_from_slice(&more),
                    (_, Tree::Empty) => {}
                    (_, t) => out.push(t),
                }
            }
            Tree::Concat(out)
        }
    }
}

/// Any character.
const ANY: Tree = Tree::Class { members: None, max_len: 4 };

/// The characters `c` matches case-insensitively, when they are known: an ASCII letter
/// and its other case (with KELVIN SIGN or LONG S for `k` and `s`), or a character
/// with no case at all.
fn case_variants(c: char) -> Option<Vec<char>> {
    match c {
        'k' | 'K' => Some(vec!['k', 'K', '\u{212a}']),
        's' | 'S' => Some(vec!['s', 'S', '\u{17f}']),
        c if c.is_ascii_alphabetic() => Some(vec![c.to_ascii_lowercase(), c.to_ascii_uppercase()]),
        c if c.is_ascii() => Some(vec![c]),
        c if c.to_lowercase().eq([c]) && c.to_uppercase().eq([c]) => Some(vec![c]),
        _ => None,
    }
}

/// A class of `chars`: its members as lowercase strings (KELVIN SIGN and LONG S as `k`
/// and `s`) when few.
fn class_of(chars: &[char]) -> Tree {
    let max_len = chars.iter().map(|c| c.len_utf8()).max().unwrap_or(0);
    let mut members: Set = Vec::new();
    for &c in chars {
        let c = match c {
            '\u{212a}' => 'k',
            '\u{17f}' => 's',
            c => c.to_ascii_lowercase(),
        };
        let mut buf = [0u8; 4];
        let s = c.encode_utf8(&mut buf).as_bytes().to_vec();
        if !members.contains(&s) {
            members.push(s);
        }
    }
    Tree::Class { members: (chars.len() <= MAX_CLASS + 2 && members.len() <= MAX_CLASS).then_some(members), max_len }
}

fn char_tree(lit: &ast::Literal) -> Tree {
    // An escape above ASCII may stand for a byte (with Unicode off): any character.
    let escaped =
        matches!(lit.kind, ast::LiteralKind::HexFixed(_) | ast::LiteralKind::HexBrace(_) | ast::LiteralKind::Octal);
    if escaped && !lit.c.is_ascii() {
        return ANY;
    }
    match case_variants(lit.c) {
        Some(chars) if chars.len() == 1 => {
            let mut buf = [0u8; 4];
            Tree::Literal(lit.c.encode_utf8(&mut buf).as_bytes().to_vec())
        }
        Some(chars) if chars.len() == 2 => Tree::Literal(vec![lit.c.to_ascii_lowercase() as u8]),
        Some(chars) => class_of(&chars),
        None => ANY,
    }
}

/// A bracketed class of a few plain characters and ASCII ranges, with their case
/// variants; `None` for anything else.
fn bracketed(class: &ast::ClassBracketed) -> Option<Tree> {
    use regex_syntax::ast::{ClassSet, ClassSetItem};
    if class.negated {
        return None;
    }
    let ClassSet::Item(item) = &class.kind else { return None };
    let items: Vec<&ClassSetItem> = match item {
        ClassSetItem::Union(union) => union.items.iter().collect(),
        other => vec![other],
    };
    let mut chars = Vec::new();
    for item in items {
        match item {
            ClassSetItem::Literal(lit) if !lit.c.is_ascii() && !matches!(lit.kind, ast::LiteralKind::Verbatim) => {
                return None
            }
            ClassSetItem::Literal(lit) => chars.extend(case_variants(lit.c)?),
            ClassSetItem::Range(range) if range.start.c.is_ascii() && range.end.c.is_ascii() => {
                for c in range.start.c..=range.end.c {
                    chars.extend(case_variants(c)?);
                }
            }
            _ => return None,
        }
        if chars.len() > 2 * MAX_CLASS {
            return None;
        }
    }
    chars.sort_unstable();
    chars.dedup();
    Some(class_of(&chars))
}

/// A literal that every match of a phrase entry contains, read off the phrase itself:
/// its rarest piece of ASCII characters other than the apostrophe (a phrase's
/// apostrophes match either form, and a non-ASCII letter has case variants), lowercased
/// and cut to [`MAX_LEN`]. `None` when the phrase has no such piece.
///
/// Phrases are most of a pack's entries, and this spares parsing each one's regex.
#[must_use]
pub(crate) fn phrase(phrase: &str) -> Option<Vec<u8>> {
    phrase
        .split(|c: char| c.is_whitespace() || !c.is_ascii() || c == '\'')
        .filter(|piece| !piece.is_empty())
        .map(|piece| lower(&piece.as_bytes()[..piece.len().min(MAX_LEN)]))
        .max_by_key(|piece| rarity(piece))
}

/// Strings one of which every match of `tree` starts with (possibly the empty string).
fn prefix_set(tree: &Tree) -> Option<Set> {
    match tree {
        Tree::Literal(lit) => Some(vec![lower(&lit[..lit.len().min(MAX_LEN)])]),
        Tree::Repeat { min, sub, .. } => exact_set(tree).or_else(|| if *min >= 1 { prefix_set(sub) } else { None }),
        Tree::Concat(subs) => {
            // The leading exact elements spelled out, then the first inexact one's
            // prefixes, as far as the set stays small.
            let mut acc = vec![Vec::new()];
            for sub in subs {
                match exact_set(sub) {
                    Some(set) => match product(&acc, &set) {
                        Some(longer) => acc = longer,
                        None => break,
                    },
                    None => {
                        if let Some(longer) = prefix_set(sub).and_then(|set| product(&acc, &set)) {
                            acc = longer;
                        }
                        break;
                    }
                }
            }
            Some(acc)
        }
        Tree::Alternation(subs) => {
            subs.iter().try_fold(Vec::new(), |acc, sub| prefix_set(sub).and_then(|set| union(acc, set)))
        }
        Tree::Empty | Tree::Class { .. } => exact_set(tree),
    }
}

/// Every string `tree` matches, lowercase, when that set is small.
fn exact_set(tree: &Tree) -> Option<Set> {
    match tree {
        Tree::Empty => Some(vec![Vec::new()]),
        Tree::Literal(lit) => (lit.len() <= MAX_LEN).then(|| vec![lower(lit)]),
        Tree::Class { members, .. } => members.clone(),
        Tree::Repeat { min, max, sub } => match (*min, *max) {
            (0, Some(1)) => exact_set(sub).and_then(|set| union(set, vec![Vec::new()])),
            (n, Some(m)) if n == m && (1..=3).contains(&n) => {
                let set = exact_set(sub)?;
                (1..n).try_fold(set.clone(), |acc, _| product(&acc, &set))
            }
            _ => None,
        },
        Tree::Concat(subs) => {
            subs.iter().try_fold(vec![Vec::new()], |acc, sub| exact_set(sub).and_then(|set| product(&acc, &set)))
        }
        Tree::Alternation(subs) => {
            subs.iter().try_fold(Vec::new(), |acc, sub| exact_set(sub).and_then(|set| union(acc, set)))
        }
    }
}

/// Whether `text` holds a character that Unicode case folding equates with an ASCII
/// letter (U+212A KELVIN SIGN, U+017F LATIN SMALL LETTER LONG S): literals derived from
/// case-insensitive patterns miss such spellings, so the prefilter must stand aside.
#[must_use]
pub(crate) fn has_fold_exotics(text: &str) -> bool {
    memchr::memmem::find(text.as_bytes(), "\u{212a}".as_bytes()).is_some()
        || memchr::memmem::find(text.as_bytes(), "\u{17f}".as_bytes()).is_some()
}

fn analyze(tree: &Tree) -> Info {
    match tree {
        Tree::Empty => exact(vec![Vec::new()]),
        Tree::Literal(lit) if lit.len() > MAX_LEN => Info { exact: None, required: Some(vec![lower(&lit[..MAX_LEN])]) },
        Tree::Literal(lit) => exact(vec![lower(lit)]),
        Tree::Class { members, .. } => members.clone().map_or_else(Info::default, exact),
        Tree::Repeat { min, max, sub } => {
            let (min, max) = (*min, *max);
            let sub = analyze(sub);
            let exact_set = match (min, max, &sub.exact) {
                (0, Some(1), Some(set)) => union(set.clone(), vec![Vec::new()]),
                (n, Some(m), Some(set)) if n == m && (1..=3).contains(&n) => {
                    (1..n).try_fold(set.clone(), |acc, _| product(&acc, set))
                }
                _ => None,
            };
            let required = if min >= 1 { best(sub.required, sub.exact.and_then(non_empty)) } else { None };
            Info { required: best(required, exact_set.clone().and_then(non_empty)), exact: exact_set }
        }
        Tree::Concat(subs) => {
            let mut required = None;
            // Runs of exact neighbours joined into longer strings ("posted" + " " + "by").
            let mut run: Option<Set> = None;
            let mut all_exact: Option<Set> = Some(vec![Vec::new()]);
            for info in subs.iter().map(analyze) {
                required = best(required, info.required);
                all_exact = match (all_exact, &info.exact) {
                    (Some(acc), Some(set)) => product(&acc, set),
                    _ => None,
                };
                match info.exact {
                    Some(set) => {
                        run = Some(match run.take() {
                            None => set,
                            Some(acc) => product(&acc, &set).unwrap_or_else(|| {
                                required = best(required.take(), non_empty(acc));
                                set
                            }),
                        });
                    }
                    None => {
                        if let Some(acc) = run.take() {
                            required = best(required, non_empty(acc));
                        }
                    }
                }
            }
            if let Some(acc) = run {
                required = best(required, non_empty(acc));
            }
            Info { exact: all_exact, required }
        }
        Tree::Alternation(subs) => {
            let mut exact_set = Some(Vec::new());
            let mut required = Some(Vec::new());
            for info in subs.iter().map(analyze) {
                let needed = best(info.required, info.exact.clone().and_then(non_empty));
                exact_set = exact_set.zip(info.exact).and_then(|(acc, set)| union(acc, set));
                required = required.zip(needed).and_then(|(acc, set)| union(acc, set));
                if exact_set.is_none() && required.is_none() {
                    break;
                }
            }
            Info { exact: exact_set, required }
        }
    }
}

fn exact(set: Set) -> Info {
    Info { required: non_empty(set.clone()), exact: Some(set) }
}

/// `set` if none of its strings is empty.
fn non_empty(set: Set) -> Option<Set> {
    (!set.is_empty() && set.iter().all(|s| !s.is_empty())).then_some(set)
}

/// The better of two requirements: the one whose most common literal is rarer in
/// prose, then the smaller set.
fn best(a: Option<Set>, b: Option<Set>) -> Option<Set> {
    let score = |s: &Set| (s.iter().map(|l| rarity(l)).min().unwrap_or(0), std::cmp::Reverse(s.len()));
    match (a, b) {
        (Some(a), Some(b)) => Some(if score(&b) > score(&a) { b } else { a }),
        (a, b) => a.or(b),
    }
}

/// How rare `literal` is in English prose, roughly: the sum of its bytes' weights, in
/// tenths. Length alone misleads: "(@" is far rarer than "may", "." than nothing at all.
pub(crate) fn rarity(literal: &[u8]) -> u32 {
    literal
        .iter()
        .map(|&b| match b {
            b' ' => 3,
            b'.' | b',' => 6,
            b'e' | b't' | b'a' | b'o' | b'i' | b'n' | b's' | b'h' | b'r' => 10,
            b'-' => 10,
            b'd' | b'l' | b'u' | b'c' | b'm' | b'w' | b'f' | b'g' | b'y' | b'p' | b'b' => 15,
            b'0'..=b'9' | b'\'' | b'"' => 15,
            b':' => 20,
            b'v' | b'k' => 25,
            b'(' | b')' => 25,
            b'j' | b'x' | b'q' | b'z' => 35,
            0x80.. => 20,
            _ => 35,
        })
        .sum()
}

fn union(mut a: Set, b: Set) -> Option<Set> {
    for s in b {
        if !a.contains(&s) {
            a.push(s);
        }
    }
    (a.len() <= MAX_SET).then_some(a)
}

/// Every concatenation of a string of `a` with one of `b`; `None` when there would be
/// too many or one would be longer than [`MAX_LEN`].
fn product(a: &Set, b: &Set) -> Option<Set> {
    let longest = |s: &Set| s.iter().map(Vec::len).max().unwrap_or(0);
    if a.len() * b.len() > MAX_SET || longest(a) + longest(b) > MAX_LEN {
        return None;
    }
    let mut out = Vec::with_capacity(a.len() * b.len());
    for x in a {
        for y in b {
            let mut s = x.clone();
            s.extend_from_slice(y);
            if !out.contains(&s) {
                out.push(s);
            }
        }
    }
    Some(out)
}

fn lower(bytes: &[u8]) -> Vec<u8> {
    let mut v = bytes.to_vec();
    v.make_ascii_lowercase();
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(p: &str) -> Tree {
        Tree::parse(p).unwrap()
    }

    fn req(p: &str) -> Option<Vec<String>> {
        Tree::parse(p).ok()?.required().map(|set| set.into_iter().map(|s| String::from_utf8(s).unwrap()).collect())
    }

    #[test]
    fn literals_of_common_shapes() {
        assert_eq!(req(r"(?i)^(?:leave a comment)$").unwrap(), ["leave a comment"]);
        assert_eq!(
            req(r"(?i)(?-u:\b)pic\.(?:twitter|x)\.com/[A-Za-z0-9]+").unwrap(),
            ["pic.twitter.com/", "pic.x.com/"]
        );
        assert_eq!(req(r"(?i)^[ \t]*date\s*:?").unwrap(), ["date"]);
        // A handle's "@" is the only literal a tweet header has.
        assert_eq!(req(r"(?m:^[A-Z][a-z]+[ \t]?@[A-Za-z0-9_]{1,15})").unwrap(), ["@"]);
        assert_eq!(req(r"(?i)posted by \w+ on").unwrap(), ["posted by "]);
        assert_eq!(req(r"(?i)^(?:photo|image): .+").unwrap(), ["photo: ", "image: "]);
    }

    #[test]
    fn phrase_literals_are_their_rarest_ascii_piece() {
        let lit = |p: &str| phrase(p).map(|l| String::from_utf8(l).unwrap());
        assert_eq!(lit("Leave a Comment").as_deref(), Some("comment"));
        assert_eq!(lit("don't miss").as_deref(), Some("miss"));
        assert_eq!(lit("café society").as_deref(), Some("society"));
        assert_eq!(lit("(Photo: AP)").as_deref(), Some("(photo:"));
        assert_eq!(lit("’ ‘").as_deref(), None);
        assert_eq!(lit(&"x".repeat(40)).unwrap().len(), MAX_LEN);
    }

    #[test]
    fn phrase_literals_occur_in_every_match() {
        use regex::Regex;
        let cases = [
            ("Leave a Comment", "  LEAVE   a\tcomment"),
            ("don't miss", "Don’t Miss"),
            ("café society", "CAFÉ SOCIETY"),
            ("share on x", "Share on X"),
        ];
        for (p, text) in cases {
            let words: Vec<String> =
                p.split_whitespace().map(|w| regex::escape(w).replace(['\'', '’'], "['’‘]")).collect();
            let re = Regex::new(&format!("(?i){}", words.join(r"\s+"))).unwrap();
            let m = re.find(text).unwrap_or_else(|| panic!("{p}"));
            let lit = phrase(p).unwrap();
            assert!(m.as_str().to_ascii_lowercase().contains(std::str::from_utf8(&lit).unwrap()), "{p}");
        }
    }

    #[test]
    fn prefixes_of_anchored_patterns() {
        let pre = |p: &str| {
            Tree::parse(p)
                .unwrap()
                .prefixes()
                .map(|set| set.into_iter().map(|s| String::from_utf8(s).unwrap()).collect::<Vec<_>>())
        };
        assert_eq!(pre(r"(?i)^(?:by:?\s+[A-Z]\w+)").unwrap(), ["by:", "by"]);
        assert_eq!(
            pre(r"(?i)^(?:(?:it )?(?:looks|seems) like)").unwrap(),
            ["it looks like", "it seems like", "looks like", "seems like"]
        );
        assert_eq!(pre(r"^[0-9]+ min read").unwrap().len(), 10);
        assert_eq!(pre(r"(?i)^(?:sign up|subscribe)\b.*").unwrap(), ["sign up", "subscribe"]);
        assert_eq!(pre(r"^(?:.*comments below)$"), None);
        assert_eq!(pre(r"^(?:x?y)").unwrap(), ["xy", "y"]);
        assert_eq!(pre(r"^\w+"), None);
    }

    #[test]
    fn simplified_syntax_tree_keeps_the_analyses_sound() {
        use regex::Regex;
        let cases = [
            (r"(?i)^(?:by:?\s+(?-i:[A-Z])\w+)", "BY  Jane"),
            (r"(?i)^(?:(?:it )?(?:looks|seems) like you['’]re)", "It seems like you’re"),
            (r"(?i)ki[sS]{2} (?:x|\x{2603}|♬)", "\u{212a}iss ♬"),
            (r"(?i)\((?:photo|image)s?\s*:\s*[^()]{1,80}\)", "(Photos: Getty)"),
            (r"(?i)[0-9]+ min(?:ute)?s? read", "5 MINUTE READ"),
            (r"(?i)^(?:caf[ée] (?:society|crème))$", "CAFÉ CRÈME"),
            (r"(?i)date(?:time)?\s*:?[ \t]+[0-9]{4}", "DateTime: 2023"),
        ];
        for (pattern, text) in cases {
            let m = Regex::new(pattern).unwrap().find(text).unwrap_or_else(|| panic!("{pattern}"));
            let tree = Tree::parse(pattern).unwrap();
            let hay = m.as_str().to_ascii_lowercase().replace('\u{212a}', "k");
            if let Some(lits) = tree.required() {
                assert!(lits.iter().any(|l| hay.contains(std::str::from_utf8(l).unwrap())), "{pattern}: {lits:?}");
            }
            if let Some(pre) = tree.prefixes() {
                assert!(pre.iter().any(|p| hay.starts_with(std::str::from_utf8(p).unwrap())), "{pattern}: {pre:?}");
            }
            if let Some(max) = tree.max_len() {
                assert!(m.as_str().len() <= max, "{pattern}: {max}");
            }
        }
        assert!(Tree::parse("(unclosed").is_err());
    }

    #[test]
    fn no_literal_when_none_is_required() {
        assert_eq!(req(r"^\w+$"), None);
        assert_eq!(req(r"(?:abc)?\d+"), None);
        assert_eq!(req(r"abc|\d+"), None);
        assert_eq!(req(r"("), None);
    }

    #[test]
    fn folds_exotic_case_variants_onto_ascii() {
        assert_eq!(req(r"(?i)kiss").unwrap(), ["kiss"]);
        assert!(has_fold_exotics("a \u{212a}iss") && !has_fold_exotics("a kiss"));
    }

    #[test]
    fn every_match_contains_a_literal() {
        use regex::Regex;
        let cases = [
            (r"(?i)(?:read|see) more(?: at| on)?", "Please READ MORE on our site"),
            (r"(?i)^(?:advertisement|sponsored)$", "Sponsored"),
            (r"(?i)\((?:photo|image)s?\s*:\s*[^()]{1,80}\)", "(Photos: Getty)"),
            (r"(?i)[0-9]+ min(?:ute)?s? read", "5 MINUTE READ"),
        ];
        for (pattern, text) in cases {
            let m = Regex::new(pattern).unwrap().find(text).unwrap();
            let lits = parse(pattern).required().unwrap();
            let hay = m.as_str().to_ascii_lowercase();
            assert!(lits.iter().any(|l| hay.contains(std::str::from_utf8(l).unwrap())), "{pattern}: {lits:?}");
        }
    }
}

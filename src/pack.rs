//! Rule packs: the data-driven rules in `lints/*.toml` and in users' own files.
//!
//! A pack is TOML with `[[rule]]` entries of three kinds, after Vale's `existence` and
//! `substitution` checks: `phrase` (literal phrases, case-insensitive, word-boundary
//! aware), `pattern` (regular expressions) and `substitution` (a phrase and its
//! replacement). Each entry reports under a rule `code`: one of the pack-driven
//! built-in rules (`boilerplate`, `embed-residue`, `leaked-metadata`) or a code of the
//! user's own, which becomes a custom rule. `scope` says where a match counts: anywhere
//! (`text`), as the whole line (`line`) or at the start of a line (`line-start`).
//! `lints/README.md` documents the format with examples.
//!
//! A [`Matcher`] decides which alternatives are worth trying where, then tries each on
//! its own:
//! - `line` and `line-start` phrases sit in a trie under their folded words, and one
//!   walk over a line's first characters names the phrases it could match; each is then
//!   compared with the line directly (`src/phrase.rs`), with its regex's semantics;
//! - `line` and `line-start` patterns whose matches start with one of a few strings
//!   (`src/literals.rs` derives them) are found the same way, in a second trie;
//! - every other alternative is found by one Aho-Corasick scan of the text for the
//!   literals it requires, which names the lines and text-scoped entries worth trying.
//!
//! A pattern's regex is compiled the first time a text calls on it, so building a
//! matcher costs little and a run pays only for the patterns its texts need.
//!
//! [`Pack::parse`] reads and validates a pack into [`Entry`]s; a [`Matcher`] compiles
//! entries and finds their [`Hit`]s in a [`Document`]. Users rarely need either
//! directly: put a parsed pack in [`crate::Config::packs`] (or name its file in
//! `copydesk.toml`) and the [`crate::Linter`] runs it.
//!
//! ```
//! use std::path::Path;
//! use copydesk::{pack::Pack, Config, Linter};
//!
//! let pack = Pack::parse(Path::new("chrome.toml"), r#"
//! [[rule]]
//! id = "tip-prompt"
//! code = "boilerplate"          # a pack-driven built-in rule
//! kind = "phrase"
//! scope = "line"
//! phrases = ["send us your story tips"]
//! message = "tip prompt left by the page template"
//!
//! [[test]]
//! input = "Send us your story tips!"
//! expect = ["boilerplate"]
//! "#)?;
//! let mut config = Config::default();
//! config.packs.push(pack);
//! let linter = Linter::from_config(&config)?;
//!
//! let text = "The council met.\n\nSend us your story tips!\n\nWe asked readers to send us your story tips by Friday.";
//! let found = linter.check(text);
//! assert_eq!(found.len(), 1, "a whole-line entry does not fire inside prose");
//! assert_eq!(found[0].span.slice(text), "Send us your story tips!");
//! assert_eq!(found[0].message, "tip prompt left by the page template");
//! # Ok::<(), copydesk::Error>(())
//! ```

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use std::rc::Rc;

use regex_automata::meta::Regex;
use std::sync::OnceLock;

use serde::Deserialize;
use toml::Spanned;

use crate::error::{Error, ErrorKind, Result};
use crate::literals::Tree;
use crate::phrase::{PhraseMatcher, PhraseTrie, PrefixTrie};
use crate::{Applicability, Document, Reporter, Severity, Span};

/// Rule codes that built-in rules read pack entries for.
///
/// ```
/// assert!(copydesk::pack::PACK_DRIVEN.contains(&"boilerplate"));
/// ```
pub const PACK_DRIVEN: &[&str] = &["boilerplate", "embed-residue", "leaked-metadata"];

/// Where a pack entry's match counts.
///
/// ```
/// use std::path::Path;
/// use copydesk::{pack::{Matcher, Pack, Scope}, Document};
/// let pack = Pack::parse(Path::new("p.toml"), r#"
/// [[rule]]
/// id = "read-next"
/// code = "teaser"
/// kind = "phrase"
/// scope = "line-start"
/// phrases = ["read next:"]
/// message = "teaser"
/// "#)?;
/// assert_eq!(pack.entries[0].scope, Scope::LineStart);
/// let text = "Story.\nRead next: The other story\n";
/// let mut spans = Vec::new();
/// Matcher::new(pack.entries)?.run(&Document::new(text), |hit| spans.push(hit.span.slice(text)));
/// assert_eq!(spans, ["Read next: The other story"]); // to the end of the line
/// # Ok::<(), copydesk::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Anywhere in the text.
    Text,
    /// The match is the whole line, ignoring surrounding space and final punctuation.
    Line,
    /// The line begins with the match; the finding runs to the end of the line.
    LineStart,
}

/// The kind of a pack entry.
///
/// ```
/// use std::path::Path;
/// use copydesk::pack::{EntryKind, Pack};
/// let pack = Pack::parse(Path::new("p.toml"), r#"
/// [[rule]]
/// id = "photo-credit"
/// code = "credit"
/// kind = "pattern"
/// patterns = ['\(Photo: [^)]+\)']
/// message = "photo credit in the body"
/// "#)?;
/// assert_eq!(pack.entries[0].kind, EntryKind::Pattern);
/// # Ok::<(), copydesk::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryKind {
    /// Literal phrases whose presence is the finding.
    Phrase,
    /// Regular expressions whose match is the finding.
    Pattern,
    /// Phrases with a replacement each.
    Substitution,
}

/// One compiled `[[rule]]` entry.
///
/// ```
/// use std::path::Path;
/// use copydesk::{pack::{EntryKind, Pack, Scope}, Severity};
/// let pack = Pack::parse(Path::new("house.toml"), r#"
/// [[rule]]
/// id = "filler"
/// code = "house-style"
/// kind = "phrase"
/// phrases = ["at the end of the day"]
/// message = "filler phrase: cut it"
/// severity = "info"
/// "#)?;
/// let entry = &pack.entries[0];
/// assert_eq!((entry.id.as_str(), entry.code.as_str(), entry.pack.as_str()), ("filler", "house-style", "house"));
/// assert_eq!((entry.kind, entry.scope), (EntryKind::Phrase, Scope::Text));
/// assert_eq!(entry.severity, Some(Severity::Info));
/// # Ok::<(), copydesk::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Entry {
    /// The entry's id, unique within its pack.
    pub id: String,
    /// The rule code it reports under.
    pub code: String,
    /// Phrase, pattern or substitution.
    pub kind: EntryKind,
    /// Where a match counts.
    pub scope: Scope,
    /// The message reported; `{match}` and `{replacement}` are filled in.
    pub message: String,
    /// Severity override for this entry's findings.
    pub severity: Option<Severity>,
    /// The name of the pack it came from.
    pub pack: String,
    /// The entry's regexes, one per phrase, pattern or swap.
    alternatives: Vec<Alternative>,
}

/// One regex of an entry: its source (already anchored for line scopes), its
/// replacement, and the literals every match contains (for the matcher's prefilter).
///
/// Only the source is kept: a [`Matcher`] compiles an alternative the first time its
/// literals occur in a text, so a run pays for the few alternatives real text calls on
/// rather than for all of them.
#[derive(Clone, Debug)]
struct Alternative {
    /// The regex source, with its flags, anchored for line scopes.
    source: String,
    replacement: Option<String>,
    literals: Option<Vec<Vec<u8>>>,
    /// The longest match, in bytes, when bounded.
    max_len: Option<usize>,
    /// For a `line` or `line-start` phrase, the phrase itself: matched directly.
    phrase: Option<PhraseMatcher>,
    /// For a `line` or `line-start` pattern, strings one of which each match starts
    /// with, when there are few.
    prefixes: Option<Vec<Vec<u8>>>,
}

impl Alternative {
    /// Parses a pattern's `src` once: a syntax check, its required literals and its
    /// longest match.
    fn pattern(src: String, scope: Scope) -> std::result::Result<Alternative, String> {
        let tree = Tree::parse(&src)?;
        let max_len = tree.max_len();
        // A line-scoped pattern with known prefixes is found by them; only the others
        // need the (costlier) search for literals required anywhere in a match.
        let prefixes = if scope == Scope::Text { None } else { tree.prefixes() };
        Ok(Alternative {
            literals: if prefixes.is_none() { tree.required() } else { None },
            prefixes,
            max_len,
            source: src,
            replacement: None,
            phrase: None,
        })
    }

    /// A phrase's alternative. An escaped phrase always parses, and the words of the
    /// phrase give its literals directly ([`crate::literals::phrase`]); only a phrase
    /// with no ASCII word piece is parsed to find them. A line-scoped phrase is matched
    /// without its regex where [`PhraseMatcher`] can.
    fn phrase(
        src: String,
        phrase: &str,
        replacement: Option<String>,
        scope: Scope,
        ignore_case: bool,
    ) -> std::result::Result<Alternative, String> {
        let literals = match crate::literals::phrase(phrase) {
            Some(literal) => Some(vec![literal]),
            None => Tree::parse(&src)?.required(),
        };
        let phrase = (scope != Scope::Text).then(|| PhraseMatcher::new(phrase, ignore_case)).flatten();
        Ok(Alternative { source: src, replacement, literals, max_len: None, phrase, prefixes: None })
    }

    /// Whether the alternative matches all of `line` (`whole`) or its start, through its
    /// phrase or its regex (compiled by `regex` when first needed).
    fn is_match<'a>(&'a self, line: &str, whole: bool, regex: impl FnOnce() -> Option<&'a Regex>) -> bool {
        match &self.phrase {
            Some(p) if whole => p.is_match_whole(line),
            Some(p) => p.is_match_start(line),
            None => regex().is_some_and(|re| re.is_match(line)),
        }
    }

    /// Compiles the alternative for the matcher. Every alternative of a pack that
    /// [`Pack::parse`] accepted compiles.
    fn compile(&self) -> std::result::Result<Regex, String> {
        let config = Regex::config()
            .utf8_empty(true)
            .which_captures(regex_automata::nfa::thompson::WhichCaptures::Implicit)
            .nfa_size_limit(Some(NFA_SIZE_LIMIT));
        Regex::builder().configure(config).build(&self.source).map_err(|e| e.to_string())
    }
}

/// Largest compiled program of one alternative.
const NFA_SIZE_LIMIT: usize = 10 << 20;

/// A `[[test]]` case carried by a pack.
///
/// The test suite lints each input with every rule and compares the codes reported:
///
/// ```
/// use std::collections::BTreeSet;
/// use std::path::Path;
/// use copydesk::{pack::Pack, Config, Linter};
/// let pack = Pack::parse(Path::new("house.toml"), r#"
/// [[rule]]
/// id = "closed-compounds"
/// code = "house-style"
/// kind = "substitution"
/// swap = { "web site" = "website" }
/// message = "write “{replacement}”"
///
/// [[test]]
/// input = "Visit our web site."
/// expect = ["house-style"]
/// [[test]]
/// input = "Visit our website."
/// expect = []
/// "#)?;
/// let tests = pack.tests.clone();
/// let mut config = Config::default();
/// config.packs.push(pack);
/// let linter = Linter::from_config(&config)?;
/// for t in &tests {
///     let got: BTreeSet<String> = linter.check(&t.input).iter().map(|d| d.rule.to_string()).collect();
///     let want: BTreeSet<String> = t.expect.iter().cloned().collect();
///     assert_eq!(got, want, "{}", t.input);
/// }
/// # Ok::<(), copydesk::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackTest {
    /// A whole document to lint.
    pub input: String,
    /// The rule codes the pack entries must report on it, exactly.
    pub expect: Vec<String>,
}

/// A parsed and validated pack.
///
/// ```
/// let packs = copydesk::registry::embedded_packs();
/// let names: Vec<&str> = packs.iter().map(|p| p.name.as_str()).collect();
/// assert_eq!(names, ["boilerplate", "embeds", "metadata"]);
/// assert!(packs.iter().all(|p| !p.entries.is_empty() && !p.tests.is_empty()));
/// ```
#[derive(Clone, Debug)]
pub struct Pack {
    /// The pack's name (`[pack] name`, or the file name).
    pub name: String,
    /// Its entries, in file order.
    pub entries: Vec<Entry>,
    /// Its tests.
    pub tests: Vec<PackTest>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPack {
    pack: Option<RawMeta>,
    #[serde(default)]
    rule: Vec<RawEntry>,
    #[serde(default)]
    test: Vec<RawTest>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMeta {
    name: String,
    #[allow(dead_code, reason = "documentation for readers of the pack")]
    description: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    id: Spanned<String>,
    code: Spanned<String>,
    kind: Spanned<String>,
    scope: Option<Spanned<String>>,
    #[serde(default)]
    phrases: Vec<Spanned<String>>,
    #[serde(default)]
    patterns: Vec<Spanned<String>>,
    swap: Option<Spanned<BTreeMap<String, String>>>,
    message: String,
    severity: Option<Spanned<String>>,
    ignorecase: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTest {
    input: String,
    expect: Vec<String>,
}

impl Pack {
    /// Parses and validates a pack. `path` names it in errors.
    ///
    /// ```
    /// use std::path::Path;
    /// use copydesk::{pack::Pack, ErrorKind};
    /// let source = r#"
    /// [pack]
    /// name = "house-style"
    ///
    /// [[rule]]
    /// id = "closed-compounds"
    /// code = "house-style"
    /// kind = "substitution"
    /// swap = { "e-mail" = "email", "web site" = "website" }
    /// message = "write “{replacement}”, not “{match}”"
    /// "#;
    /// let pack = Pack::parse(Path::new("house.toml"), source)?;
    /// assert_eq!(pack.name, "house-style");
    /// assert_eq!(pack.entries.len(), 1);
    ///
    /// // Errors point at the offending value.
    /// let bad = source.replace("substitution", "substitute");
    /// let err = Pack::parse(Path::new("house.toml"), &bad).unwrap_err();
    /// assert_eq!(err.kind(), &ErrorKind::Pack);
    /// assert_eq!(err.span().unwrap().slice(&bad), "\"substitute\"");
    /// # Ok::<(), copydesk::Error>(())
    /// ```
    ///
    /// # Errors
    /// Returns an [`ErrorKind::Pack`] error pointing into `source` when the TOML is
    /// malformed, a field has a wrong value, an id repeats, or a pattern does not compile.
    pub fn parse(path: &Path, source: &str) -> Result<Pack> {
        Pack::parse_with(path, source, true)
    }

    /// [`Pack::parse`] for the packs embedded in the binary: their alternatives are not
    /// compiled here, since a matcher compiles each one when a text first needs it and
    /// the test suite compiles them all (`embedded_alternatives_compile`).
    pub(crate) fn parse_embedded(path: &Path, source: &str) -> Result<Pack> {
        Pack::parse_with(path, source, false)
    }

    /// Parses a pack; with `check`, also compiles every alternative, so that a pack's
    /// errors surface when it is read, not when a text first calls on an entry.
    fn parse_with(path: &Path, source: &str, check: bool) -> Result<Pack> {
        let raw: RawPack =
            toml::from_str(source).map_err(|e| crate::error::from_toml(ErrorKind::Pack, path, source, &e))?;
        let file = path.display().to_string();
        let err = |span: std::ops::Range<usize>, msg: String| {
            Error::new(ErrorKind::Pack, format!("invalid rule pack {file}: {msg}")).with_path(path).with_label(
                &file,
                source,
                Span::new(span.start, span.end),
                msg,
            )
        };
        let name = raw
            .pack
            .map_or_else(|| path.file_stem().map_or(file.clone(), |s| s.to_string_lossy().into_owned()), |m| m.name);
        let mut ids = HashSet::new();
        let mut entries = Vec::with_capacity(raw.rule.len());
        for r in raw.rule {
            if !is_kebab(r.id.get_ref()) {
                return Err(err(r.id.span(), format!("id {:?} is not kebab-case", r.id.get_ref())));
            }
            if !ids.insert(r.id.get_ref().clone()) {
                return Err(err(r.id.span(), format!("id {:?} is used twice", r.id.get_ref())));
            }
            if !is_kebab(r.code.get_ref()) {
                return Err(err(r.code.span(), format!("code {:?} is not kebab-case", r.code.get_ref())));
            }
            if crate::registry::RESERVED.contains(&r.code.get_ref().as_str())
                && !PACK_DRIVEN.contains(&r.code.get_ref().as_str())
            {
                return Err(err(
                    r.code.span(),
                    format!(
                        "built-in rule {:?} does not read packs (pack-driven: {})",
                        r.code.get_ref(),
                        PACK_DRIVEN.join(", ")
                    ),
                ));
            }
            let kind = match r.kind.get_ref().as_str() {
                "phrase" => EntryKind::Phrase,
                "pattern" => EntryKind::Pattern,
                "substitution" => EntryKind::Substitution,
                other => {
                    return Err(err(
                        r.kind.span(),
                        format!("kind {other:?} is not one of phrase, pattern, substitution"),
                    ))
                }
            };
            let scope = match r.scope.as_ref().map(|s| s.get_ref().as_str()) {
                None | Some("text") => Scope::Text,
                Some("line") => Scope::Line,
                Some("line-start") => Scope::LineStart,
                Some(other) => {
                    let span = r.scope.as_ref().map_or(0..0, Spanned::span);
                    return Err(err(span, format!("scope {other:?} is not one of text, line, line-start")));
                }
            };
            let severity = match &r.severity {
                None => None,
                Some(s) => Some(Severity::parse(s.get_ref()).ok_or_else(|| {
                    err(s.span(), format!("severity {:?} is not error, warning or info", s.get_ref()))
                })?),
            };
            let ignore_case = r.ignorecase.unwrap_or(true);
            let flags = if ignore_case { "(?i)" } else { "" };
            let mut alternatives = Vec::new();
            match kind {
                EntryKind::Phrase => {
                    if r.phrases.is_empty() {
                        return Err(err(r.kind.span(), "a phrase entry needs `phrases = [...]`".into()));
                    }
                    for p in &r.phrases {
                        let body = phrase_regex(p.get_ref()).ok_or_else(|| err(p.span(), "empty phrase".into()))?;
                        let alt =
                            Alternative::phrase(anchor(flags, &body, scope), p.get_ref(), None, scope, ignore_case)
                                .and_then(|alt| compiled(alt, check))
                                .map_err(|e| err(p.span(), format!("phrase does not compile: {e}")))?;
                        alternatives.push(alt);
                    }
                }
                EntryKind::Pattern => {
                    if r.patterns.is_empty() {
                        return Err(err(r.kind.span(), "a pattern entry needs `patterns = [...]`".into()));
                    }
                    for p in &r.patterns {
                        let alt = Alternative::pattern(anchor(flags, p.get_ref(), scope), scope)
                            .and_then(|alt| compiled(alt, check))
                            .map_err(|e| err(p.span(), format!("pattern does not compile: {e}")))?;
                        alternatives.push(alt);
                    }
                }
                EntryKind::Substitution => {
                    let Some(swap) = &r.swap else {
                        return Err(err(
                            r.kind.span(),
                            "a substitution entry needs `swap = { \"from\" = \"to\" }`".into(),
                        ));
                    };
                    for (from, to) in swap.get_ref() {
                        let body = phrase_regex(from).ok_or_else(|| err(swap.span(), "empty phrase in swap".into()))?;
                        let alt = Alternative::phrase(
                            anchor(flags, &body, scope),
                            from,
                            Some(to.clone()),
                            scope,
                            ignore_case,
                        )
                        .and_then(|alt| compiled(alt, check))
                        .map_err(|e| err(swap.span(), format!("swap does not compile: {e}")))?;
                        alternatives.push(alt);
                    }
                }
            }
            entries.push(Entry {
                id: r.id.into_inner(),
                code: r.code.into_inner(),
                kind,
                scope,
                message: r.message,
                severity,
                pack: name.clone(),
                alternatives,
            });
        }
        let tests = raw.test.into_iter().map(|t| PackTest { input: t.input, expect: t.expect }).collect();
        Ok(Pack { name, entries, tests })
    }

    /// The rule codes this pack's entries report under, sorted and unique.
    ///
    /// ```
    /// use std::path::Path;
    /// let source = r#"
    /// [[rule]]
    /// id = "b"
    /// code = "house-style"
    /// kind = "phrase"
    /// phrases = ["web site"]
    /// message = "m"
    /// [[rule]]
    /// id = "a"
    /// code = "boilerplate"
    /// kind = "phrase"
    /// phrases = ["tap to share"]
    /// message = "m"
    /// [[rule]]
    /// id = "c"
    /// code = "house-style"
    /// kind = "phrase"
    /// phrases = ["on-line"]
    /// message = "m"
    /// "#;
    /// let pack = copydesk::pack::Pack::parse(Path::new("p.toml"), source)?;
    /// assert_eq!(pack.codes(), ["boilerplate", "house-style"]);
    /// # Ok::<(), copydesk::Error>(())
    /// ```
    #[must_use]
    pub fn codes(&self) -> Vec<String> {
        let mut codes: Vec<String> = self.entries.iter().map(|e| e.code.clone()).collect();
        codes.sort();
        codes.dedup();
        codes
    }
}

/// `alt`, compiled once first when `check` is on.
fn compiled(alt: Alternative, check: bool) -> std::result::Result<Alternative, String> {
    if check {
        alt.compile()?;
    }
    Ok(alt)
}

fn is_kebab(s: &str) -> bool {
    !s.is_empty()
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

/// A literal phrase as a regex body: escaped, apostrophes matching either form, spaces
/// matching any whitespace run, word boundaries at word-character ends.
fn phrase_regex(phrase: &str) -> Option<String> {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    if words.is_empty() {
        return None;
    }
    let body = words.iter().map(|w| regex::escape(w).replace(['\'', '’'], "['’‘]")).collect::<Vec<_>>().join(r"\s+");
    let first = phrase.trim_start().chars().next().is_some_and(|c| c.is_alphanumeric());
    let last = phrase.trim_end().chars().next_back().is_some_and(|c| c.is_alphanumeric());
    // An ASCII word boundary: a Unicode `\b` makes the lazy DFA give up on every
    // non-ASCII line, which cost a hundredfold on the boilerplate set.
    let boundary = r"(?-u:\b)";
    Some(format!("{}{}{}", if first { boundary } else { "" }, body, if last { boundary } else { "" }))
}

fn anchor(flags: &str, body: &str, scope: Scope) -> String {
    match scope {
        Scope::Text => format!("{flags}(?:{body})"),
        Scope::Line => format!("{flags}^(?:{body})$"),
        Scope::LineStart => format!("{flags}^(?:{body})"),
    }
}

/// Trims a line for line-scoped matching: leading space and invisible characters,
/// trailing space and sentence-final punctuation. Returns the offset of the kept part.
///
/// ```
/// assert_eq!(copydesk::pack::trim_line("  Advertisement. "), (2, "Advertisement"));
/// assert_eq!(copydesk::pack::trim_line("\u{200b}Share this article!"), (3, "Share this article"));
/// ```
#[must_use]
pub fn trim_line(line: &str) -> (usize, &str) {
    let is_space =
        |c: char| c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}');
    let start = line.len() - line.trim_start_matches(is_space).len();
    let rest = &line[start..];
    let end = rest
        .trim_end_matches(|c: char| is_space(c) || matches!(c, '.' | '!' | '?' | ':' | ';' | '…' | '»' | ','))
        .len();
    (start, &rest[..end])
}

/// Longest trimmed line a `line`-scoped entry is tried on. Site chrome (prompts,
/// notices, captions, teasers) is far shorter; prose paragraphs are longer.
pub const MAX_LINE_BYTES: usize = 400;

/// How much of a line's beginning `line-start` entries see.
pub const LINE_START_WINDOW: usize = 240;

fn floor_char_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The compiled entries of one rule code, ready to run over documents.
///
/// ```
/// use std::path::Path;
/// use copydesk::{pack::{Matcher, Pack}, Document};
/// let pack = Pack::parse(Path::new("ads.toml"), r#"
/// [[rule]]
/// id = "ad-label"
/// code = "ads"
/// kind = "phrase"
/// scope = "line"
/// phrases = ["advertisement", "sponsored content"]
/// message = "ad label"
/// "#)?;
/// let matcher = Matcher::new(pack.entries)?;
/// let text = "Advertisement\n\nThe advertisement ran twice.\nSponsored content.";
/// let mut hits = Vec::new();
/// matcher.run(&Document::new(text), |hit| hits.push((hit.entry.id.as_str(), hit.span.slice(text))));
/// assert_eq!(hits, [("ad-label", "Advertisement"), ("ad-label", "Sponsored content.")]);
/// # Ok::<(), copydesk::Error>(())
/// ```
#[derive(Debug)]
pub struct Matcher {
    entries: Vec<Entry>,
    /// Every alternative of every entry, in entry order.
    alts: Vec<CompiledAlt>,
    /// The `line` and `line-start` alternatives, in order.
    line_alts: Vec<u32>,
    /// The `line` and `line-start` phrases, found by walking each line's start rather
    /// than by their literals: a phrase's rarest word is still common in prose.
    phrases: PhraseTrie,
    /// The `line` and `line-start` patterns with known prefixes, found the same way.
    prefixed: PrefixTrie,
    prefilter: Prefilter,
    /// Per entry, the index of its code among the matcher's distinct codes.
    code_of: Vec<usize>,
    /// Tells this matcher's cached hits apart from another's in a [`Document`].
    id: u64,
}

/// One alternative of a matcher's entries, compiled when a text first needs it.
#[derive(Debug)]
struct CompiledAlt {
    /// Its entry, an index into [`Matcher::entries`].
    entry: usize,
    /// Its index among that entry's alternatives.
    index: usize,
    scope: Scope,
    /// The longest match in bytes (`usize::MAX`: unbounded).
    max_len: usize,
    /// `None` if it does not compile, which [`Pack::parse`] rules out.
    regex: OnceLock<Option<Regex>>,
}

/// The hits of every entry of one matcher in one document, computed once and shared by
/// the rules that report them (see [`Document::shared_by`]).
struct Hits(Vec<RawHit>);

/// A hit by indices into the matcher.
struct RawHit {
    entry: usize,
    span: Span,
    /// The text-scoped alternative whose replacement applies.
    alt: Option<usize>,
}

/// Source of [`Matcher`] ids.
static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// Which alternatives can match where in a text, from one Aho-Corasick scan for the
/// literals each alternative requires (see [`crate::literals`]).
#[derive(Debug)]
struct Prefilter {
    /// The literals, each with the alternatives it stands for; `None` when there are none.
    literals: Option<Literals>,
    /// `line` and `line-start` alternatives with no literal: tried on every line.
    every_line: Vec<u32>,
    /// Text-scoped alternatives with no literal: always searched.
    every_text: Vec<u32>,
}

/// An alternative a literal stands for, with what the scan checks before it records
/// the alternative as worth trying: most literals occur in prose, where no chrome entry
/// can match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Owner {
    /// A `line` alternative matching at most `max` bytes (and at most
    /// [`MAX_LINE_BYTES`]): tried on the line holding the literal if its trimmed text is
    /// no longer.
    Whole { alt: u32, max: usize },
    /// A `line-start` alternative: tried on the line holding the literal if the literal
    /// ends within `reach` bytes of the trimmed line's start (its longest match, at most
    /// [`LINE_START_WINDOW`]).
    Start { alt: u32, reach: usize },
    /// A text-scoped alternative: the text is searched.
    Text(u32),
}

/// A substring-free set of literals compiled for search, each with what it stands for.
#[derive(Debug)]
struct Literals {
    search: aho_corasick::AhoCorasick,
    owners: Vec<Vec<Owner>>,
    /// Per searched literal, the longer literals that contain it: checked in place
    /// when it is found, so that a rare literal is not reduced to a common one.
    extensions: Vec<Vec<Extension>>,
}

/// A literal searched for through a shorter one inside it.
#[derive(Debug)]
struct Extension {
    literal: Vec<u8>,
    /// Where the shorter literal first occurs in `literal`.
    offset: usize,
    /// A byte of `literal` just outside the shorter literal, compared first.
    probe: usize,
    owners: Vec<Owner>,
}

/// What the prefilter found in one text.
#[derive(Default)]
struct Candidates {
    /// `(line, alternative)`: a line-scoped alternative worth trying on that line, in
    /// line order.
    lines: Vec<(u32, u32)>,
    /// Text-scoped alternatives to search.
    text: Vec<u32>,
    /// Whether the prefilter stands aside: every alternative is tried everywhere.
    everything: bool,
}

/// The line the scan is on: its index, its byte range (with the line break), and the
/// start and length of its trimmed text.
#[derive(Default)]
struct ScanLine {
    index: u32,
    range: std::ops::Range<usize>,
    start: usize,
    trimmed: usize,
}

impl Candidates {
    /// Records a literal ending at `end` on `line` for `owners`.
    fn mark(&mut self, line: &ScanLine, end: usize, owners: &[Owner]) {
        for &owner in owners {
            match owner {
                Owner::Whole { alt, max } => {
                    if line.trimmed <= max {
                        self.lines.push((line.index, alt));
                    }
                }
                Owner::Start { alt, reach } => {
                    if end <= line.start + reach {
                        self.lines.push((line.index, alt));
                    }
                }
                Owner::Text(alt) => self.text.push(alt),
            }
        }
    }
}

impl Prefilter {
    /// `alternatives` holds each alternative's literals (`None`: it has none) and owner.
    fn new(alternatives: &[(Option<&[Vec<u8>]>, Owner)]) -> Result<Prefilter> {
        let (mut every_line, mut every_text) = (Vec::new(), Vec::new());
        let mut pairs = Vec::new();
        for &(literals, owner) in alternatives {
            match (literals, owner) {
                (Some(literals), _) => pairs.extend(literals.iter().map(|l| (l.clone(), owner))),
                (None, Owner::Whole { alt, .. } | Owner::Start { alt, .. }) => every_line.push(alt),
                (None, Owner::Text(alt)) => every_text.push(alt),
            }
        }
        Ok(Prefilter { literals: Literals::new(pairs)?, every_line, every_text })
    }

    fn scan(&self, doc: &Document<'_>) -> Candidates {
        let text = doc.text();
        let lines = doc.lines();
        let mut found = Candidates { text: self.every_text.clone(), ..Candidates::default() };
        let Some(literals) = &self.literals else { return found };
        if crate::literals::has_fold_exotics(text) {
            found.everything = true;
            return found;
        }
        // No literal of the set occurs inside another, so occurrences ordered by start
        // are ordered by end too, and restarting one byte after each start visits every
        // occurrence with the plain (non-overlapping) search.
        let mut pos = 0;
        let mut line = ScanLine::default();
        while let Some(m) = literals.search.find(aho_corasick::Input::new(text).range(pos..)) {
            pos = m.start() + 1;
            if !line.range.contains(&m.start()) {
                let index = doc.line_index(m.start());
                line = lines.get(index).map_or(ScanLine::default(), |l| {
                    let (off, trimmed) = trim_line(doc.slice(l.span));
                    ScanLine {
                        index: index as u32,
                        range: l.span.start..l.span.end + 1,
                        start: l.span.start + off,
                        trimmed: trimmed.len(),
                    }
                });
            }
            let k = m.pattern().as_usize();
            found.mark(&line, m.end(), &literals.owners[k]);
            // The longer literals this one stands in for count where they occur whole.
            for ext in &literals.extensions[k] {
                let Some(from) = m.start().checked_sub(ext.offset) else { continue };
                let Some(whole) = text.as_bytes().get(from..from + ext.literal.len()) else { continue };
                // One byte next to the found literal settles most checks.
                if whole[ext.probe].to_ascii_lowercase() == ext.literal[ext.probe]
                    && whole.eq_ignore_ascii_case(&ext.literal)
                {
                    found.mark(&line, from + ext.literal.len(), &ext.owners);
                }
            }
            if pos >= text.len() {
                break;
            }
        }
        found
    }
}

impl Literals {
    /// Compiles `(literal, owner)` pairs into a substring-free set: a literal that
    /// contains another is searched for through the rarest literal inside it and
    /// checked in place when that one is found (wherever "leave a comment" occurs, so
    /// does "comment"). `None` when there are no literals.
    fn new(pairs: Vec<(Vec<u8>, Owner)>) -> Result<Option<Literals>> {
        let mut slots: HashMap<Vec<u8>, usize> = HashMap::new();
        let mut literals: Vec<Vec<u8>> = Vec::new();
        let mut owners: Vec<Vec<Owner>> = Vec::new();
        for (lit, owner) in pairs {
            let slot = *slots.entry(lit).or_insert_with_key(|lit| {
                literals.push(lit.clone());
                owners.push(Vec::new());
                literals.len() - 1
            });
            if !owners[slot].contains(&owner) {
                owners[slot].push(owner);
            }
        }
        if literals.is_empty() {
            return Ok(None);
        }
        // For each literal, the rarest other literal inside it that contains none
        // itself, and where it first occurs.
        let all = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(&literals)
            .map_err(|e| Error::new(ErrorKind::Pack, format!("pack literals do not compile: {e}")))?;
        let inside: Vec<Vec<(usize, usize)>> = literals
            .iter()
            .enumerate()
            .map(|(slot, lit)| {
                all.find_overlapping_iter(lit.as_slice())
                    .map(|m| (m.pattern().as_usize(), m.start()))
                    .filter(|&(other, _)| other != slot)
                    .collect()
            })
            .collect();
        let minimal: Vec<bool> = inside.iter().map(Vec::is_empty).collect();
        let mut kept_slot = vec![usize::MAX; literals.len()];
        let (mut kept, mut kept_owners) = (Vec::new(), Vec::new());
        for (slot, lit) in literals.iter().enumerate() {
            if minimal[slot] {
                kept_slot[slot] = kept.len();
                kept.push(lit.clone());
                kept_owners.push(owners[slot].clone());
            }
        }
        let mut extensions: Vec<Vec<Extension>> = (0..kept.len()).map(|_| Vec::new()).collect();
        for (slot, found) in inside.iter().enumerate() {
            // A literal inside another always contains a minimal one (a shortest one is).
            let best = found
                .iter()
                .filter(|(other, _)| minimal[*other])
                .max_by_key(|(other, at)| (crate::literals::rarity(&literals[*other]), std::cmp::Reverse(*at)));
            if let Some(&(other, offset)) = best {
                let after = offset + literals[other].len();
                let probe = if after < literals[slot].len() { after } else { offset.saturating_sub(1) };
                extensions[kept_slot[other]].push(Extension {
                    literal: literals[slot].clone(),
                    offset,
                    probe,
                    owners: owners[slot].clone(),
                });
            }
        }
        // A DFA without a prefilter: the scan runs over every byte of every text, and
        // with common literals among the set a skip-ahead prefilter only adds work.
        let search = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .prefilter(false)
            .build(&kept)
            .map_err(|e| Error::new(ErrorKind::Pack, format!("pack literals do not compile: {e}")))?;
        Ok(Some(Literals { search, owners: kept_owners, extensions }))
    }
}

/// One match of a pack entry.
///
/// ```
/// use std::path::Path;
/// use copydesk::{pack::{Matcher, Pack}, Document};
/// let pack = Pack::parse(Path::new("p.toml"), r#"
/// [[rule]]
/// id = "closed-compounds"
/// code = "house-style"
/// kind = "substitution"
/// swap = { "web site" = "website" }
/// message = "m"
/// "#)?;
/// let matcher = Matcher::new(pack.entries)?;
/// let text = "Our web site.";
/// let mut hits = Vec::new();
/// matcher.run(&Document::new(text), |hit| hits.push((hit.span.slice(text), hit.replacement)));
/// assert_eq!(hits, [("web site", Some("website"))]);
/// # Ok::<(), copydesk::Error>(())
/// ```
#[derive(Debug)]
pub struct Hit<'e> {
    /// The entry that matched.
    pub entry: &'e Entry,
    /// Where, in the original text.
    pub span: Span,
    /// The replacement, for substitutions.
    pub replacement: Option<&'e str>,
}

impl Matcher {
    /// Compiles `entries` (all of one code, or any mix) into one matcher.
    ///
    /// ```
    /// use copydesk::{pack::Matcher, registry::Resources, Config};
    /// let config = Config::default();
    /// let entries = Resources::new(&config).entries_for("embed-residue");
    /// let matcher = Matcher::new(entries)?;
    /// assert!(!matcher.is_empty());
    /// # Ok::<(), copydesk::Error>(())
    /// ```
    ///
    /// Nothing is compiled but the literal prefilter: each alternative is compiled the
    /// first time a text holds its literal (or, for one without a literal, at the first
    /// text), so building a matcher over hundreds of entries is cheap and a run pays
    /// only for the alternatives its texts call on.
    ///
    /// # Errors
    /// Returns an [`ErrorKind::Pack`] error when the literal automaton exceeds its limits.
    pub fn new(entries: Vec<Entry>) -> Result<Matcher> {
        let mut alts = Vec::new();
        let mut line_alts = Vec::new();
        let mut phrases = PhraseTrie::default();
        let mut prefixed = PrefixTrie::default();
        let mut screened = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            for (index, alt) in e.alternatives.iter().enumerate() {
                let id = alts.len() as u32;
                let max_len = alt.max_len.unwrap_or(usize::MAX);
                let owner = match e.scope {
                    Scope::Text => Owner::Text(id),
                    Scope::Line => Owner::Whole { alt: id, max: max_len.min(MAX_LINE_BYTES) },
                    Scope::LineStart => Owner::Start { alt: id, reach: max_len.min(LINE_START_WINDOW) },
                };
                if e.scope != Scope::Text {
                    line_alts.push(id);
                }
                match (&alt.phrase, &alt.prefixes, e.scope) {
                    (Some(p), _, Scope::Line | Scope::LineStart) => phrases.insert(p, e.scope == Scope::Line, id),
                    (_, Some(p), Scope::Line | Scope::LineStart) => prefixed.insert(p, id),
                    _ => screened.push((alt.literals.as_deref(), owner)),
                }
                alts.push(CompiledAlt { entry: i, index, scope: e.scope, max_len, regex: OnceLock::new() });
            }
        }
        let mut codes: Vec<&str> = Vec::new();
        let code_of = entries
            .iter()
            .map(|e| {
                codes.iter().position(|c| *c == e.code).unwrap_or_else(|| {
                    codes.push(&e.code);
                    codes.len() - 1
                })
            })
            .collect();
        Ok(Matcher {
            code_of,
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            prefilter: Prefilter::new(&screened)?,
            alts,
            line_alts,
            phrases,
            prefixed,
            entries,
        })
    }

    fn alternative(&self, alt: &CompiledAlt) -> &Alternative {
        &self.entries[alt.entry].alternatives[alt.index]
    }

    /// The compiled regex of alternative `alt`.
    fn regex<'m>(&'m self, alt: &'m CompiledAlt) -> Option<&'m Regex> {
        alt.regex.get_or_init(|| self.alternative(alt).compile().ok()).as_ref()
    }

    /// Whether there is nothing to match.
    ///
    /// ```
    /// assert!(copydesk::pack::Matcher::new(Vec::new())?.is_empty());
    /// # Ok::<(), copydesk::Error>(())
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Calls `f` for every match in `doc`: at most one per line and code for
    /// line-scoped entries (the first entry in pack order wins), then text-scoped
    /// matches in text order. The matches are computed once per document and matcher,
    /// however many rules ask.
    ///
    /// ```
    /// use copydesk::{pack::Matcher, registry::Resources, Config, Document};
    /// let config = Config::default();
    /// let matcher = Matcher::new(Resources::new(&config).entries_for("boilerplate"))?;
    /// let text = "Leave a Comment\n\nShe left a comment on the draft.";
    /// let mut lines = Vec::new();
    /// matcher.run(&Document::new(text), |hit| lines.push(hit.span.slice(text)));
    /// assert_eq!(lines, ["Leave a Comment"]);
    /// # Ok::<(), copydesk::Error>(())
    /// ```
    pub fn run<'e>(&'e self, doc: &Document<'_>, mut f: impl FnMut(Hit<'e>)) {
        for hit in &self.hits(doc).0 {
            f(Hit {
                entry: &self.entries[hit.entry],
                span: hit.span,
                replacement: hit.alt.and_then(|i| {
                    let alt = &self.alts[i];
                    self.entries[alt.entry].alternatives[alt.index].replacement.as_deref()
                }),
            });
        }
    }

    fn hits(&self, doc: &Document<'_>) -> Rc<Hits> {
        doc.shared_by(self.id, |doc| Hits(self.find(doc)))
    }

    fn find(&self, doc: &Document<'_>) -> Vec<RawHit> {
        let mut hits = Vec::new();
        let Candidates { lines: mut pairs, text: mut text_alts, everything } = self.prefilter.scan(doc);
        // Already in line order; within a line, in the order of alternatives, once each.
        pairs.sort_unstable();
        pairs.dedup();
        let always: &[u32] = if everything { &self.line_alts } else { &self.prefilter.every_line };
        // Per code, the first entry matching the current line.
        let codes = self.code_of.iter().max().map_or(0, |m| m + 1);
        let mut first: Vec<usize> = vec![usize::MAX; codes];
        let lines = doc.lines();
        let mut candidates: Vec<u32> = Vec::new();
        let mut visit = |index: usize, group: &[(u32, u32)]| {
            let Some(line) = lines.get(index) else { return };
            let text = doc.slice(line.span);
            let (off, trimmed) = trim_line(text);
            if trimmed.is_empty() {
                return;
            }
            let line_start = line.span.start + off;
            candidates.clear();
            candidates.extend(group.iter().map(|&(_, alt)| alt).chain(always.iter().copied()));
            self.phrases.candidates(trimmed, |alt| candidates.push(alt));
            self.prefixed.candidates(trimmed, |alt| candidates.push(alt));
            if candidates.is_empty() {
                return;
            }
            first.fill(usize::MAX);
            for &alt in &candidates {
                let c = &self.alts[alt as usize];
                let slot = &mut first[self.code_of[c.entry]];
                // An earlier entry of the same code has matched: the first one wins.
                if *slot <= c.entry {
                    continue;
                }
                // Chrome is short: a whole-line entry never matches a prose paragraph, and
                // a line-start entry only needs the line's beginning.
                let matched = match c.scope {
                    Scope::Line => {
                        trimmed.len() <= MAX_LINE_BYTES.min(c.max_len)
                            && self.alternative(c).is_match(trimmed, true, || self.regex(c))
                    }
                    Scope::LineStart => self.alternative(c).is_match(
                        &trimmed[..floor_char_boundary(trimmed, LINE_START_WINDOW)],
                        false,
                        || self.regex(c),
                    ),
                    Scope::Text => false,
                };
                if matched {
                    *slot = c.entry;
                }
            }
            let kept = text[off..].trim_end();
            for &entry in first.iter().filter(|&&e| e != usize::MAX) {
                hits.push(RawHit { entry, span: Span::new(line_start, line_start + kept.len()), alt: None });
            }
        };
        if always.is_empty() && self.phrases.is_empty() && self.prefixed.is_empty() {
            // Only the lines holding a literal.
            for group in pairs.chunk_by(|a, b| a.0 == b.0) {
                visit(group[0].0 as usize, group);
            }
        } else {
            let mut rest = &pairs[..];
            for index in 0..lines.len() {
                let n = rest.iter().take_while(|p| p.0 as usize == index).count();
                visit(index, &rest[..n]);
                rest = &rest[n..];
            }
        }
        if everything {
            text_alts = (0..self.alts.len() as u32).filter(|&a| self.alts[a as usize].scope == Scope::Text).collect();
        }
        text_alts.sort_unstable();
        text_alts.dedup();
        let text = doc.text();
        for alt in text_alts {
            let c = &self.alts[alt as usize];
            let Some(re) = self.regex(c) else { continue };
            for m in re.find_iter(text) {
                if !m.is_empty() {
                    hits.push(RawHit { entry: c.entry, span: Span::new(m.start(), m.end()), alt: Some(alt as usize) });
                }
            }
        }
        hits
    }

    /// Runs the matcher and reports, through `out`, each hit of an entry whose code is
    /// the reporting rule's, skipping hits that overlap an earlier one. One matcher can
    /// thus serve several rules, each reporting its own entries.
    ///
    /// ```
    /// use copydesk::{pack::Matcher, registry::Resources, rules::scrape::boilerplate::META, Config, Document, Reporter};
    /// let config = Config::default();
    /// let matcher = Matcher::new(Resources::new(&config).entries_for("boilerplate"))?;
    /// let mut found = Vec::new();
    /// matcher.report(&Document::new("Advertisement"), &mut Reporter::new(&META, META.default_severity, &mut found));
    /// assert_eq!(found[0].rule, "boilerplate");
    /// assert_eq!(found[0].message, "advertisement label left in the text");
    /// # Ok::<(), copydesk::Error>(())
    /// ```
    pub fn report(&self, doc: &Document<'_>, out: &mut Reporter<'_>) {
        self.report_spans(doc, out);
    }

    /// As [`Matcher::report`], returning each span reported with its entry, in report
    /// order, so a rule that adds checks of its own can build on what the pack found.
    ///
    /// ```
    /// use copydesk::{pack::Matcher, registry::Resources, rules::scrape::boilerplate::META, Config, Document, Reporter, Span};
    /// let config = Config::default();
    /// let matcher = Matcher::new(Resources::new(&config).entries_for("boilerplate"))?;
    /// let mut found = Vec::new();
    /// let mut out = Reporter::new(&META, META.default_severity, &mut found);
    /// let taken = matcher.report_spans(&Document::new("Text.\n\nLeave a Comment"), &mut out);
    /// assert_eq!(taken.len(), 1);
    /// assert_eq!(taken[0].0, Span::new(7, 22));
    /// assert_eq!(found[0].span, taken[0].0);
    /// # Ok::<(), copydesk::Error>(())
    /// ```
    pub fn report_spans<'e>(&'e self, doc: &Document<'_>, out: &mut Reporter<'_>) -> Vec<(Span, &'e Entry)> {
        let mut taken: Vec<(Span, &'e Entry)> = Vec::new();
        let code = out.code().to_owned();
        self.run(doc, |hit| {
            if hit.entry.code != code || taken.iter().any(|(s, _)| s.overlaps(hit.span)) {
                return;
            }
            taken.push((hit.span, hit.entry));
            let matched = doc.slice(hit.span);
            let replacement = hit.replacement.map(|r| match_case(matched, r));
            let message = hit
                .entry
                .message
                .replace("{match}", matched)
                .replace("{replacement}", replacement.as_deref().unwrap_or(""));
            let severity = hit.entry.severity.unwrap_or(out.severity());
            let d = out.report_with(severity, hit.span, message);
            if let Some(r) = replacement {
                d.suggest(r, Applicability::Maybe);
            }
        });
        taken
    }
}

/// Gives `replacement` the capitalisation of `matched` (first letter, or all caps).
fn match_case(matched: &str, replacement: &str) -> String {
    let letters: Vec<char> = matched.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        return replacement.to_uppercase();
    }
    if matched.chars().next().is_some_and(char::is_uppercase) {
        let mut c = replacement.chars();
        return c.next().map_or(String::new(), |f| f.to_uppercase().chain(c).collect());
    }
    replacement.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PACK: &str = r#"
[pack]
name = "test"

[[rule]]
id = "comment-prompt"
code = "boilerplate"
kind = "phrase"
scope = "line"
phrases = ["leave a comment", "don't miss"]
message = "comment prompt"

[[rule]]
id = "house-email"
code = "house-style"
kind = "substitution"
swap = { "e-mail" = "email" }
message = "write {replacement}, not {match}"
"#;

    fn hits(text: &str) -> Vec<(String, String)> {
        let pack = Pack::parse(Path::new("t.toml"), PACK).unwrap();
        let m = Matcher::new(pack.entries).unwrap();
        let doc = Document::new(text);
        let mut v = Vec::new();
        m.run(&doc, |h| v.push((h.entry.id.clone(), doc.slice(h.span).to_owned())));
        v
    }

    #[test]
    fn line_scope_needs_whole_line() {
        assert_eq!(hits("Body.\n  Leave a  Comment!\n"), [("comment-prompt".into(), "Leave a  Comment!".into())]);
        assert!(hits("She did leave a comment on it.").is_empty());
        assert_eq!(hits("Don’t miss").len(), 1);
    }

    #[test]
    fn substitution_respects_word_boundaries_and_case() {
        assert_eq!(hits("Send an E-mail."), [("house-email".into(), "E-mail".into())]);
        assert!(hits("re-mailing").is_empty());
        assert_eq!(match_case("E-mail", "email"), "Email");
        assert_eq!(match_case("E-MAIL", "email"), "EMAIL");
    }

    #[test]
    fn errors_point_into_the_pack() {
        let bad = "[[rule]]\nid = \"x\"\ncode = \"boilerplate\"\nkind = \"pattern\"\npatterns = ['(unclosed']\nmessage = \"m\"\n";
        let e = Pack::parse(Path::new("bad.toml"), bad).unwrap_err();
        assert_eq!(e.kind(), &ErrorKind::Pack);
        let span = e.span().unwrap();
        assert_eq!(&bad[span.start..span.end], "'(unclosed'");
        let e = Pack::parse(Path::new("bad.toml"), "[[rule]]\nid = 3\n").unwrap_err();
        assert!(e.span().is_some());
        let e = Pack::parse(
            Path::new("b.toml"),
            "[[rule]]\nid=\"a\"\ncode=\"repeated-word\"\nkind=\"phrase\"\nphrases=[\"x\"]\nmessage=\"m\"",
        )
        .unwrap_err();
        assert!(e.to_string().contains("does not read packs"));
    }

    /// Every hit the matcher would find if it tried every alternative's regex on every
    /// line and text, in the matcher's order: the oracle for its prefilter and tries.
    fn naive_hits(m: &Matcher, doc: &Document<'_>) -> Vec<(usize, Span)> {
        let mut hits = Vec::new();
        for line in doc.lines() {
            let text = doc.slice(line.span);
            let (off, trimmed) = trim_line(text);
            if trimmed.is_empty() {
                continue;
            }
            let head = &trimmed[..floor_char_boundary(trimmed, LINE_START_WINDOW)];
            let mut first = vec![usize::MAX; m.code_of.iter().max().map_or(0, |c| c + 1)];
            for c in &m.alts {
                let re = m.regex(c).unwrap();
                let matched = match c.scope {
                    Scope::Line => trimmed.len() <= MAX_LINE_BYTES.min(c.max_len) && re.is_match(trimmed),
                    Scope::LineStart => re.is_match(head),
                    Scope::Text => false,
                };
                if matched {
                    let slot = &mut first[m.code_of[c.entry]];
                    *slot = (*slot).min(c.entry);
                }
            }
            let start = line.span.start + off;
            let kept = text[off..].trim_end();
            hits.extend(first.iter().filter(|&&e| e != usize::MAX).map(|&e| (e, Span::new(start, start + kept.len()))));
        }
        for c in m.alts.iter().filter(|c| c.scope == Scope::Text) {
            let re = m.regex(c).unwrap();
            hits.extend(
                re.find_iter(doc.text()).filter(|h| !h.is_empty()).map(|h| (c.entry, Span::new(h.start(), h.end()))),
            );
        }
        hits
    }

    #[test]
    fn embedded_alternatives_compile() {
        for pack in crate::registry::embedded_packs() {
            for e in &pack.entries {
                for alt in &e.alternatives {
                    assert!(alt.compile().is_ok(), "{}: {}", e.id, alt.source);
                }
            }
        }
    }

    #[test]
    fn matcher_finds_what_trying_every_regex_finds() {
        let entries: Vec<Entry> =
            crate::registry::embedded_packs().iter().flat_map(|p| p.entries.iter().cloned()).collect();
        let m = Matcher::new(entries).unwrap();
        // The packs' own test inputs, as they are and in variants that stress folding:
        // capitals, other apostrophes and spaces, a KELVIN SIGN, prose around them.
        let mut texts: Vec<String> = Vec::new();
        for pack in crate::registry::embedded_packs() {
            for t in &pack.tests {
                texts.push(t.input.clone());
                texts.push(t.input.to_uppercase());
                texts.push(t.input.replace('\'', "’").replace(' ', "\u{a0} "));
                texts.push(format!("The minister said so.\n{}\nShe left.", t.input));
            }
        }
        texts.push("Keep reading \u{212a}elvin\nLeave a \u{212a}omment".into());
        let mut compared = 0;
        for text in &texts {
            let doc = Document::new(text);
            let fast: Vec<(usize, Span)> = m.find(&doc).iter().map(|h| (h.entry, h.span)).collect();
            let mut want = naive_hits(&m, &doc);
            // The matcher reports text-scoped hits in alternative order; so does the oracle.
            assert_eq!(fast.len(), want.len(), "{text:?}");
            want.iter_mut().zip(&fast).for_each(|(w, f)| assert_eq!(w, f, "{text:?}"));
            compared += fast.len();
        }
        assert!(compared > 500, "the inputs exercise the packs ({compared} hits)");
    }

    #[test]
    fn trims_lines() {
        assert_eq!(trim_line("  Leave a Comment!  "), (2, "Leave a Comment"));
        assert_eq!(trim_line("\u{feff}Hi…"), (3, "Hi"));
    }
}

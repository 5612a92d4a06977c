//! # copydesk
//!
//! Normalise and lint scraped news articles. Scrapers mangle text: they run words
//! together ("actionon"), leave embedded tweets and site chrome in the body, garble
//! names, quotes and encodings. copydesk finds these defects, fast enough to run on
//! every article a crawler fetches, and points every finding at the bytes of the
//! original input.
//!
//! ## In a scraper
//!
//! Build a [`Linter`] once, then lint each article:
//!
//! ```
//! let linter = copydesk::Linter::new();
//! for d in linter.check("They were producing producing records.") {
//!     println!("{}:{} {} {}", d.span.start, d.span.end, d.rule, d.message);
//! }
//! ```
//!
//! A [`Config`] selects rules, changes severities and adds packs:
//!
//! ```
//! use copydesk::{Config, Linter, Severity};
//! let mut config = Config::default();
//! config.ignore.push("whitespace".into());
//! config.severity.insert("repeated-word".into(), Severity::Error);
//! let linter = Linter::from_config(&config)?;
//! let found = linter.check("the the cat");
//! assert_eq!(found[0].severity, Severity::Error);
//! # Ok::<(), copydesk::Error>(())
//! ```
//!
//! ## Normalising
//!
//! [`normalize()`] repairs what the Unicode rules report (entities, mojibake, invisible
//! characters, odd spaces, orphaned modifiers, …) and maps every position of the
//! repaired text back to the input:
//!
//! ```
//! use copydesk::{normalize, NormalizeOptions, Span};
//! let n = normalize("Itâ€™s here", &NormalizeOptions::default());
//! assert_eq!(n.text(), "It’s here");
//! assert_eq!(n.to_original_span(Span::new(6, 10)), Span::new(11, 15));
//! ```
//!
//! [`fix::fix`] applies the rules' `auto` suggestions instead, as `copydesk check --fix`
//! does.
//! ## Markdown and suppression
//!
//! [`Linter::check_markdown`] lints only the prose of a Markdown article (no front
//! matter, code, HTML or link targets; see [`markdown`]); [`Linter::check_as`] picks by
//! [`InputKind`]. Findings a team accepts stay hidden through accept lists in the
//! configuration and `<!-- copydesk-disable … -->` directives ([`suppress`]), or a
//! baseline file ([`baseline`]); stale ones are reported as `unused-suppression`.
//!
//! ## How it fits together
//!
//! Text flows one way: input → [`Document`] (lines, paragraphs, sentences, tokens; one
//! pass) → rules ([`Rule`], in [`registry`]) → [`Diagnostic`]s → a renderer
//! ([`render`]). The data rules need (boilerplate phrases, embed patterns, entity
//! gazetteers) lives in `lints/` as TOML packs ([`pack`], [`entities`]), embedded at
//! build time and extendable by users.

pub mod baseline;
pub mod batch;
pub mod config;
pub mod diagnostic;
pub mod document;
pub mod entities;
pub mod error;
pub mod fix;
pub mod lexicon;
mod literals;
pub mod markdown;
pub mod normalize;
pub mod pack;
pub mod registry;
pub mod render;
pub mod rule;
pub mod rules;
pub mod span;
pub mod suppress;

pub use config::Config;
pub use diagnostic::{Applicability, Diagnostic, Label, Severity, Suggestion};
pub use document::{Document, Token, TokenKind};
pub use error::{Error, ErrorKind, Result};
pub use normalize::{normalize, NormalizeOptions, Normalized};
pub use rule::{Family, Reporter, Rule, RuleMeta};
pub use span::Span;

/// What kind of text an input is: it decides which bytes are prose.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum InputKind {
    /// Plain text: every byte is prose.
    #[default]
    Text,
    /// Markdown: only prose is linted ([`markdown`]); front matter, code, HTML and link
    /// targets are not.
    Markdown,
}

impl InputKind {
    /// The kind a file's name implies: `.md` and `.markdown` are Markdown, anything else
    /// is text.
    #[must_use]
    pub fn from_path(path: &std::path::Path) -> Self {
        match path.extension().and_then(|x| x.to_str()) {
            Some(x) if x.eq_ignore_ascii_case("md") || x.eq_ignore_ascii_case("markdown") => InputKind::Markdown,
            _ => InputKind::Text,
        }
    }
}

/// The rules to run, built once and shared: `Send + Sync`, so one linter serves many
/// threads.
pub struct Linter {
    rules: Vec<(Box<dyn Rule>, Severity)>,
    accept: suppress::AcceptList,
    /// Every code the configuration knows, for checking directives.
    known: Vec<String>,
    /// The severity of `unused-suppression`, or `None` when it is not selected.
    unused: Option<Severity>,
}

impl Linter {
    /// A linter with every rule at its default severity and the embedded packs.
    ///
    /// # Panics
    /// Never in a released build: the embedded packs are validated by the test suite.
    #[must_use]
    pub fn new() -> Self {
        Linter::from_config(&Config::default()).expect("the embedded packs are valid")
    }

    /// A linter for `config`.
    ///
    /// # Errors
    /// Returns a [`ErrorKind::Pack`] error when extra packs cannot be compiled together.
    pub fn from_config(config: &Config) -> Result<Self> {
        let unused = config.enabled(&suppress::META).then(|| config.severity_for(&suppress::META));
        Ok(Linter {
            rules: registry::build(config)?,
            accept: suppress::AcceptList::from_config(config),
            known: config.known_codes(),
            unused,
        })
    }

    /// Lints plain `text`; diagnostics are sorted by position, then rule. Accept lists
    /// and directives in HTML comments (see [`suppress`]) apply.
    #[must_use]
    pub fn check(&self, text: &str) -> Vec<Diagnostic> {
        let mut out = self.check_document(&Document::new(text));
        self.apply_directives(suppress::Directives::scan(text), &mut out);
        out
    }

    /// Lints a Markdown article: only its prose (see [`markdown`]). Spans point into
    /// `text`; accept lists and directives in HTML comments apply.
    ///
    /// ```
    /// let linter = copydesk::Linter::new();
    /// let md = "---\ntitle: the the\n---\n\nSome `the the` code, then the the end.\n";
    /// let found = linter.check_markdown(md);
    /// assert_eq!(found.len(), 1);
    /// assert_eq!(&md[found[0].span.start..found[0].span.end], "the the");
    /// assert!(found[0].span.start > md.find("code").unwrap());
    /// ```
    #[must_use]
    pub fn check_markdown(&self, text: &str) -> Vec<Diagnostic> {
        let md = markdown::Markdown::parse(text);
        let mut out = self.check_document(&md.document());
        out.retain(|d| md.keeps(d.span) && text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
        self.apply_directives(suppress::Directives::from_comments(text, md.comments()), &mut out);
        out
    }

    /// Lints `text` as `kind`: [`Linter::check`] or [`Linter::check_markdown`].
    #[must_use]
    pub fn check_as(&self, text: &str, kind: InputKind) -> Vec<Diagnostic> {
        match kind {
            InputKind::Text => self.check(text),
            InputKind::Markdown => self.check_markdown(text),
        }
    }

    /// Drops what `directives` suppress and adds `unused-suppression` findings.
    fn apply_directives(&self, mut directives: suppress::Directives, out: &mut Vec<Diagnostic>) {
        if directives.is_empty() {
            return;
        }
        directives.apply(out);
        if let Some(severity) = self.unused {
            let ran: Vec<&str> = self.rules.iter().map(|(r, _)| r.meta().code.as_ref()).collect();
            out.extend(directives.unused(&ran, &self.known, severity));
            sort(out);
        }
    }

    /// Lints raw bytes, which must be UTF-8 text.
    ///
    /// # Errors
    /// [`ErrorKind::InvalidInput`] when the bytes are not UTF-8 or look binary (contain
    /// NUL bytes).
    pub fn check_bytes(&self, bytes: &[u8]) -> Result<Vec<Diagnostic>> {
        Ok(self.check(decode(bytes)?))
    }

    /// Lints an already analysed document.
    #[must_use]
    pub fn check_document(&self, doc: &Document<'_>) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for (rule, severity) in &self.rules {
            let mut reporter = Reporter::new(rule.meta(), *severity, &mut out);
            rule.check(doc, &mut reporter);
        }
        if !self.accept.is_empty() {
            out.retain(|d| !self.accept.accepts(&d.rule, doc.text().get(d.span.start..d.span.end).unwrap_or("")));
        }
        sort(&mut out);
        out
    }

    /// The metadata of the rules this linter runs, then `unused-suppression` when it is
    /// selected.
    pub fn rules(&self) -> impl Iterator<Item = &RuleMeta> {
        self.rules.iter().map(|(r, _)| r.meta()).chain(self.unused.map(|_| &suppress::META))
    }

    /// The severity `unused-suppression` findings get, or `None` when that code is not
    /// selected (for suppression layers outside the linter, such as a baseline).
    #[must_use]
    pub fn unused_suppression(&self) -> Option<Severity> {
        self.unused
    }
}

/// Sorts diagnostics by position, then rule: the order every output uses.
fn sort(out: &mut [Diagnostic]) {
    out.sort_by(|a, b| {
        (a.span.start, &a.rule, a.span.end, &a.message).cmp(&(b.span.start, &b.rule, b.span.end, &b.message))
    });
}

impl Default for Linter {
    fn default() -> Self {
        Linter::new()
    }
}

/// Every article file (`.txt`, `.md`, `.markdown`) below `dir`, sorted; unreadable
/// folders are skipped. For benchmarks and batch jobs over a corpus; the CLI walks
/// folders itself so that it can report what it cannot read.
#[must_use]
pub fn article_paths(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        let Ok(rd) = std::fs::read_dir(dir) else { return };
        let mut entries: Vec<_> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "txt" || x == "md" || x == "markdown") {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, &mut out);
    out
}

/// Checks that `bytes` are UTF-8 text and not binary data.
///
/// # Errors
/// [`ErrorKind::InvalidInput`] naming the offending byte offset.
pub fn decode(bytes: &[u8]) -> Result<&str> {
    if let Some(i) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::new(ErrorKind::InvalidInput, format!("binary data (NUL byte at offset {i}), not text")));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        Error::new(ErrorKind::InvalidInput, format!("not valid UTF-8 (invalid byte at offset {})", e.valid_up_to()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linter_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Linter>();
    }

    #[test]
    fn rejects_binary_and_invalid_utf8() {
        let l = Linter::new();
        assert_eq!(l.check_bytes(b"a\0b").unwrap_err().kind(), &ErrorKind::InvalidInput);
        assert!(l.check_bytes(&[0x66, 0xff, 0x66]).unwrap_err().to_string().contains("offset 1"));
        assert!(l.check_bytes(b"").unwrap().is_empty());
    }
}

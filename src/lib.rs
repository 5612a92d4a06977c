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
//!
//! ## How it fits together
//!
//! Text flows one way: input → [`Document`] (lines, paragraphs, sentences, tokens; one
//! pass) → rules ([`Rule`], in [`registry`]) → [`Diagnostic`]s → a renderer
//! ([`render`]). The data rules need (boilerplate phrases, embed patterns, entity
//! gazetteers) lives in `lints/` as TOML packs ([`pack`], [`entities`]), embedded at
//! build time and extendable by users.

pub mod batch;
pub mod config;
pub mod diagnostic;
pub mod document;
pub mod entities;
pub mod error;
pub mod fix;
pub mod normalize;
pub mod pack;
pub mod registry;
pub mod render;
pub mod rule;
pub mod rules;
pub mod span;

pub use config::Config;
pub use diagnostic::{Applicability, Diagnostic, Label, Severity, Suggestion};
pub use document::{Document, Token, TokenKind};
pub use error::{Error, ErrorKind, Result};
pub use normalize::{normalize, NormalizeOptions, Normalized};
pub use rule::{Family, Reporter, Rule, RuleMeta};
pub use span::Span;

/// The rules to run, built once and shared: `Send + Sync`, so one linter serves many
/// threads.
pub struct Linter {
    rules: Vec<(Box<dyn Rule>, Severity)>,
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
        Ok(Linter { rules: registry::build(config)? })
    }

    /// Lints `text`; diagnostics are sorted by position, then rule.
    #[must_use]
    pub fn check(&self, text: &str) -> Vec<Diagnostic> {
        self.check_document(&Document::new(text))
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
        out.sort_by(|a, b| {
            (a.span.start, &a.rule, a.span.end, &a.message).cmp(&(b.span.start, &b.rule, b.span.end, &b.message))
        });
        out
    }

    /// The metadata of the rules this linter runs.
    pub fn rules(&self) -> impl Iterator<Item = &RuleMeta> {
        self.rules.iter().map(|(r, _)| r.meta())
    }
}

impl Default for Linter {
    fn default() -> Self {
        Linter::new()
    }
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

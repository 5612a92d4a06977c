//! The [`Rule`] trait, rule metadata and the [`Reporter`] rules write findings to.
//!
//! Rules are stateless after construction: everything a rule needs (lexicon, entity
//! pack, compiled patterns) is built once in its constructor, and [`Rule::check`] takes
//! `&self`, so one rule set lints many documents on many threads.

use std::borrow::Cow;

use crate::{Diagnostic, Document, Severity, Span};

/// The family a rule belongs to; a family is a folder under `src/rules/`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Family {
    /// Entity names: mangled names, variants, pronoun agreement.
    Names,
    /// Words: run-together words, repeated words.
    Words,
    /// What scraping leaves behind: duplicates, embeds, boilerplate, metadata.
    Scrape,
    /// Quotes, apostrophes, whitespace.
    Typography,
    /// Encoding damage and invisible or stylized characters.
    Unicode,
    /// Rules defined by user packs.
    Custom,
    /// Findings about suppressions themselves (`unused-suppression`).
    Suppression,
}

impl Family {
    /// The family's lowercase name.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Family::Names => "names",
            Family::Words => "words",
            Family::Scrape => "scrape",
            Family::Typography => "typography",
            Family::Unicode => "unicode",
            Family::Custom => "custom",
            Family::Suppression => "suppression",
        }
    }
}

/// What every rule declares about itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleMeta {
    /// Stable kebab-case code, such as `run-together`.
    pub code: Cow<'static, str>,
    /// The family the rule belongs to.
    pub family: Family,
    /// Severity unless configuration says otherwise.
    pub default_severity: Severity,
    /// One-line summary for `copydesk rules`.
    pub summary: Cow<'static, str>,
    /// Full documentation (Markdown) for `copydesk explain`: what it flags, why, an example.
    pub docs: Cow<'static, str>,
}

/// A check over a [`Document`].
pub trait Rule: Send + Sync {
    /// The rule's code, family, severity and documentation.
    fn meta(&self) -> &RuleMeta;

    /// Reports every finding in `doc` to `out`.
    fn check(&self, doc: &Document<'_>, out: &mut Reporter<'_>);
}

/// Collects one rule's findings, stamping each with the rule's code and configured
/// severity.
pub struct Reporter<'r> {
    code: &'r Cow<'static, str>,
    severity: Severity,
    out: &'r mut Vec<Diagnostic>,
}

impl<'r> Reporter<'r> {
    /// A reporter for rule `meta`, at `severity`, appending to `out`.
    pub fn new(meta: &'r RuleMeta, severity: Severity, out: &'r mut Vec<Diagnostic>) -> Self {
        Reporter { code: &meta.code, severity, out }
    }

    /// Reports a finding at `span`; the returned diagnostic takes suggestions and labels.
    pub fn report(&mut self, span: Span, message: impl Into<String>) -> &mut Diagnostic {
        self.out.push(Diagnostic::new(self.code.clone(), self.severity, span, message));
        self.out.last_mut().expect("just pushed")
    }

    /// Reports a finding at an explicit severity (a rule may grade its own findings).
    pub fn report_with(&mut self, severity: Severity, span: Span, message: impl Into<String>) -> &mut Diagnostic {
        let d = self.report(span, message);
        d.severity = severity;
        d
    }

    /// The configured severity for this rule.
    #[must_use]
    pub fn severity(&self) -> Severity {
        self.severity
    }
}

/// Declares a built-in rule's struct and its static [`RuleMeta`], taking the docs from
/// the doc comment so `copydesk explain` and the README never drift from the code
/// (clippy's `declare_clippy_lint!` habit).
///
/// ```ignore
/// declare_rule! {
///     /// ## What it flags
///     /// …
///     pub struct RepeatedWord { … }
///     META = "repeated-word", Words, Warning, "the same word twice in a row";
/// }
/// ```
#[macro_export]
#[doc(hidden)]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        $vis:vis struct $name:ident $body:tt
        META = $code:literal, $family:ident, $severity:ident, $summary:literal;
    ) => {
        $(#[doc = $doc])*
        $vis struct $name $body

        /// Code, family, default severity and documentation of this rule.
        pub static META: $crate::rule::RuleMeta = $crate::rule::RuleMeta {
            code: ::std::borrow::Cow::Borrowed($code),
            family: $crate::rule::Family::$family,
            default_severity: $crate::Severity::$severity,
            summary: ::std::borrow::Cow::Borrowed($summary),
            docs: ::std::borrow::Cow::Borrowed(concat!($($doc, "\n"),*)),
        };
    };
}

/// Strips the one leading space rustdoc leaves on each doc line.
#[must_use]
pub fn clean_docs(docs: &str) -> String {
    docs.lines().map(|l| l.strip_prefix(' ').unwrap_or(l)).collect::<Vec<_>>().join("\n").trim().to_owned()
}

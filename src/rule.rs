//! The [`Rule`] trait, rule metadata and the [`Reporter`] rules write findings to.
//!
//! Rules are stateless after construction: everything a rule needs (lexicon, entity
//! pack, compiled patterns) is built once in its constructor, and [`Rule::check`] takes
//! `&self`, so one rule set lints many documents on many threads.
//!
//! A rule reads a [`Document`] and reports each finding to a [`Reporter`], which
//! stamps it with the rule's code and configured severity. Built-in rules declare
//! their struct and [`RuleMeta`] together with `declare_rule!`, so the doc comment
//! is what `copydesk explain` prints:
//!
//! ```
//! mod doubled_space {
//!     use copydesk::{declare_rule, Applicability, Document, Reporter, Rule, RuleMeta};
//!
//!     declare_rule! {
//!         /// ## What it flags
//!         /// Two spaces after a full stop.
//!         pub struct DoubledSpace;
//!         META = "doubled-space", Typography, Info, "two spaces after a full stop";
//!     }
//!
//!     impl Rule for DoubledSpace {
//!         fn meta(&self) -> &RuleMeta {
//!             &META
//!         }
//!         fn check(&self, doc: &Document<'_>, out: &mut Reporter<'_>) {
//!             for (i, _) in doc.text().match_indices(".  ") {
//!                 let span = copydesk::Span::new(i + 1, i + 3);
//!                 out.report(span, "two spaces after a full stop").suggest(" ", Applicability::Auto);
//!             }
//!         }
//!     }
//! }
//!
//! use copydesk::{rule::clean_docs, Document, Reporter, Rule, Severity};
//! use doubled_space::{DoubledSpace, META};
//!
//! assert_eq!(META.code, "doubled-space");
//! assert_eq!(clean_docs(&META.docs), "## What it flags\nTwo spaces after a full stop.");
//!
//! let text = "One.  Two.";
//! let mut found = Vec::new();
//! DoubledSpace.check(&Document::new(text), &mut Reporter::new(&META, Severity::Info, &mut found));
//! assert_eq!(copydesk::fix::apply(text, &found).unwrap().text, "One. Two.");
//! ```
//!
//! The built-in rules are listed in [`crate::registry`]; a [`crate::Linter`] runs
//! those a [`crate::Config`] selects.

use std::borrow::Cow;

use crate::{Diagnostic, Document, Severity, Span};

/// The family a rule belongs to; a family is a folder under `src/rules/`.
///
/// Configuration selects and ignores rules by family name as well as by code:
///
/// ```
/// use copydesk::{Config, Family, Linter};
/// let config = Config { select: Some(vec![Family::Words.as_str().into()]), ..Config::default() };
/// let linter = Linter::from_config(&config)?;
/// let codes: Vec<&str> = linter.rules().map(|r| r.code.as_ref()).collect();
/// assert_eq!(codes, ["repeated-word", "run-together"]);
/// # Ok::<(), copydesk::Error>(())
/// ```
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
    ///
    /// ```
    /// assert_eq!(copydesk::Family::Scrape.as_str(), "scrape");
    /// ```
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
///
/// ```
/// use copydesk::{Family, Linter, Severity};
/// let linter = Linter::new();
/// let meta = linter.rules().find(|m| m.code == "mojibake").unwrap();
/// assert_eq!(meta.family, Family::Unicode);
/// assert_eq!(meta.default_severity, Severity::Error);
/// assert!(meta.docs.contains("## What it flags"));
/// ```
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
///
/// Implement it for a rule of your own: [`Rule::meta`] says what the rule is,
/// [`Rule::check`] reads the document and reports. A rule holds only data built in its
/// constructor (`check` takes `&self`), so it is `Send + Sync` and one instance serves
/// every thread.
///
/// ```
/// use std::borrow::Cow;
/// use copydesk::{Document, Family, Reporter, Rule, RuleMeta, Severity, TokenKind};
///
/// /// Flags words in ALL CAPS of five letters or more, as left by scraped headlines.
/// struct Shouting {
///     min_len: usize,
///     meta: RuleMeta,
/// }
///
/// impl Rule for Shouting {
///     fn meta(&self) -> &RuleMeta {
///         &self.meta
///     }
///
///     fn check(&self, doc: &Document<'_>, out: &mut Reporter<'_>) {
///         for t in doc.tokens() {
///             // Words only, long enough to be more than an acronym.
///             if t.kind != TokenKind::Word || t.text.len() < self.min_len {
///                 continue;
///             }
///             // Every letter upper case.
///             if !t.text.chars().all(|c| !c.is_alphabetic() || c.is_uppercase()) {
///                 continue;
///             }
///             out.report(t.span(), format!("“{}” is in capitals", t.text));
///         }
///     }
/// }
///
/// let rule = Shouting {
///     min_len: 5,
///     meta: RuleMeta {
///         code: Cow::Borrowed("shouting"),
///         family: Family::Custom,
///         default_severity: Severity::Info,
///         summary: Cow::Borrowed("a word in capitals"),
///         docs: Cow::Borrowed("## What it flags\nWords in capitals."),
///     },
/// };
/// let text = "The BBC said the match was AMAZING.";
/// let doc = Document::new(text);
/// let mut found = Vec::new();
/// rule.check(&doc, &mut Reporter::new(rule.meta(), Severity::Info, &mut found));
/// assert_eq!(found.len(), 1);
/// assert_eq!(found[0].span.slice(text), "AMAZING");
/// assert_eq!(found[0].rule, "shouting");
/// ```
pub trait Rule: Send + Sync {
    /// The rule's code, family, severity and documentation.
    ///
    /// ```
    /// use copydesk::rules::words::repeated_word::RepeatedWord;
    /// use copydesk::Rule;
    /// assert_eq!(RepeatedWord::new().meta().code, "repeated-word");
    /// ```
    fn meta(&self) -> &RuleMeta;

    /// Reports every finding in `doc` to `out`.
    ///
    /// ```
    /// use copydesk::rules::words::repeated_word::RepeatedWord;
    /// use copydesk::{Document, Reporter, Rule, Severity};
    /// let rule = RepeatedWord::new();
    /// let mut found = Vec::new();
    /// rule.check(&Document::new("so so good, the the end"), &mut Reporter::new(rule.meta(), Severity::Error, &mut found));
    /// assert_eq!(found.len(), 1, "“so so” is idiomatic");
    /// assert_eq!(found[0].severity, Severity::Error);
    /// ```
    fn check(&self, doc: &Document<'_>, out: &mut Reporter<'_>);
}

/// Collects one rule's findings, stamping each with the rule's code and configured
/// severity.
///
/// ```
/// use copydesk::rules::words::repeated_word::META;
/// use copydesk::{Applicability, Reporter, Severity, Span};
/// let mut found = Vec::new();
/// let mut out = Reporter::new(&META, Severity::Error, &mut found);
/// out.report(Span::new(0, 7), "“the” is repeated").suggest("the", Applicability::Auto);
/// out.report_with(Severity::Info, Span::new(20, 23), "a softer finding");
/// assert_eq!(out.severity(), Severity::Error);
/// assert_eq!(found[0].rule, "repeated-word");
/// assert_eq!(found[0].severity, Severity::Error);
/// assert_eq!(found[1].severity, Severity::Info);
/// ```
pub struct Reporter<'r> {
    code: &'r Cow<'static, str>,
    severity: Severity,
    out: &'r mut Vec<Diagnostic>,
}

impl<'r> Reporter<'r> {
    /// A reporter for rule `meta`, at `severity`, appending to `out`.
    ///
    /// ```
    /// use copydesk::{rules::words::repeated_word::META, Reporter, Severity};
    /// let mut found = Vec::new();
    /// let out = Reporter::new(&META, META.default_severity, &mut found);
    /// assert_eq!(out.severity(), Severity::Warning);
    /// ```
    pub fn new(meta: &'r RuleMeta, severity: Severity, out: &'r mut Vec<Diagnostic>) -> Self {
        Reporter { code: &meta.code, severity, out }
    }

    /// Reports a finding at `span`; the returned diagnostic takes suggestions and labels.
    ///
    /// ```
    /// use copydesk::{rules::words::repeated_word::META, Applicability, Reporter, Severity, Span};
    /// let mut found = Vec::new();
    /// Reporter::new(&META, Severity::Warning, &mut found)
    ///     .report(Span::new(4, 11), "“the” is repeated")
    ///     .suggest("the", Applicability::Auto)
    ///     .label(Span::new(0, 3), "context");
    /// assert_eq!(found[0].message, "“the” is repeated");
    /// assert_eq!(found[0].suggestions[0].replacement, "the");
    /// assert_eq!(found[0].labels.len(), 1);
    /// ```
    pub fn report(&mut self, span: Span, message: impl Into<String>) -> &mut Diagnostic {
        self.out.push(Diagnostic::new(self.code.clone(), self.severity, span, message));
        self.out.last_mut().expect("just pushed")
    }

    /// Reports a finding at an explicit severity (a rule may grade its own findings).
    ///
    /// ```
    /// use copydesk::{rules::words::repeated_word::META, Reporter, Severity, Span};
    /// let mut found = Vec::new();
    /// let mut out = Reporter::new(&META, Severity::Warning, &mut found);
    /// out.report_with(Severity::Error, Span::new(0, 3), "certain");
    /// assert_eq!(found[0].severity, Severity::Error);
    /// ```
    pub fn report_with(&mut self, severity: Severity, span: Span, message: impl Into<String>) -> &mut Diagnostic {
        let d = self.report(span, message);
        d.severity = severity;
        d
    }

    /// The configured severity for this rule.
    ///
    /// ```
    /// use copydesk::{rules::words::repeated_word::META, Reporter, Severity};
    /// let mut found = Vec::new();
    /// assert_eq!(Reporter::new(&META, Severity::Info, &mut found).severity(), Severity::Info);
    /// ```
    #[must_use]
    pub fn severity(&self) -> Severity {
        self.severity
    }

    /// The code of the rule this reporter reports for.
    ///
    /// ```
    /// use copydesk::{rules::words::repeated_word::META, Reporter};
    /// let mut found = Vec::new();
    /// assert_eq!(Reporter::new(&META, META.default_severity, &mut found).code(), "repeated-word");
    /// ```
    #[must_use]
    pub fn code(&self) -> &str {
        self.code
    }
}

/// Declares a built-in rule's struct and its static [`RuleMeta`], taking the docs from
/// the doc comment so `copydesk explain` and the README never drift from the code
/// (clippy's `declare_clippy_lint!` habit).
///
/// The struct and a `pub static META` land in the calling module, so declare one rule
/// per module. The family and severity are the names of [`Family`] and
/// [`crate::Severity`] variants; every doc line becomes part of `META.docs`, so a rule's
/// doc comment should hold only its documentation (see `src/rules/` for the
/// `## What it flags` / `## Why it matters` / `## Example` layout):
///
/// ```
/// mod alot {
///     copydesk::declare_rule! {
///         /// ## What it flags
///         /// “alot”, which is two words.
///         pub struct Alot;
///         META = "alot", Custom, Warning, "“alot” for “a lot”";
///     }
/// }
/// use copydesk::{rule::clean_docs, Family, Severity};
/// assert_eq!(alot::META.code, "alot");
/// assert_eq!(alot::META.family, Family::Custom);
/// assert_eq!(alot::META.default_severity, Severity::Warning);
/// assert_eq!(clean_docs(&alot::META.docs), "## What it flags\n“alot”, which is two words.");
/// let _rule = alot::Alot;
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
///
/// ```
/// let meta = &copydesk::rules::words::repeated_word::META;
/// assert!(meta.docs.starts_with(" ## What it flags"));
/// assert!(copydesk::rule::clean_docs(&meta.docs).starts_with("## What it flags\nThe same word twice"));
/// ```
#[must_use]
pub fn clean_docs(docs: &str) -> String {
    docs.lines().map(|l| l.strip_prefix(' ').unwrap_or(l)).collect::<Vec<_>>().join("\n").trim().to_owned()
}

//! Findings: [`Diagnostic`], [`Severity`] and [`Suggestion`].
//!
//! A finding is data, not an error: a plain struct with a span into the original input.
//! It implements [`miette::Diagnostic`] so the graphical renderer can show it once the
//! caller attaches the source text (see [`crate::render`]).
//!
//! Rules build diagnostics through a [`crate::Reporter`]; callers get them from
//! [`crate::Linter::check`], filter them by [`Severity`], apply their
//! [`Applicability::Auto`] suggestions with [`crate::fix::apply`] and print them with a
//! [renderer](crate::render).

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::Span;

/// How serious a finding is. Ordered: `Info < Warning < Error`.
///
/// ```
/// use copydesk::{Linter, Severity};
/// let found = Linter::new().check("Leave a Comment\n\nThe the end.");
/// let worst = found.iter().map(|d| d.severity).max();
/// assert_eq!(worst, Some(Severity::Error));
/// assert!(Severity::Info < Severity::Warning && Severity::Warning < Severity::Error);
/// assert_eq!(Severity::Warning.to_string(), "warning");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Cosmetic: whitespace and the like. Never fails a build by default.
    Info,
    /// A person should judge: likely but not certain defects.
    Warning,
    /// Certain and visible to readers.
    Error,
}

impl Severity {
    /// The lowercase name used in config files and output.
    ///
    /// ```
    /// assert_eq!(copydesk::Severity::Info.as_str(), "info");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// Parses `info`, `warning` or `error` (also `warnings`, `errors`).
    ///
    /// ```
    /// use copydesk::Severity;
    /// assert_eq!(Severity::parse("warnings"), Some(Severity::Warning));
    /// assert_eq!(Severity::parse("fatal"), None);
    /// ```
    #[must_use]
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "info" => Some(Severity::Info),
            "warning" | "warnings" | "warn" => Some(Severity::Warning),
            "error" | "errors" => Some(Severity::Error),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a suggestion may be applied without a human looking at it.
///
/// [`crate::fix::apply`] applies `Auto` suggestions only:
///
/// ```
/// use copydesk::{fix, Applicability, Linter};
/// let text = "Baekhyun was interviewed by Koreabo on the the tour.";
/// let found = Linter::new().check(text);
/// let auto: Vec<&str> = found
///     .iter()
///     .filter(|d| d.suggestions.first().is_some_and(|s| s.applicability == Applicability::Auto))
///     .map(|d| d.span.slice(text))
///     .collect();
/// assert_eq!(auto, ["the the"]);
/// // The name needs a person: "Koreaboo" is only a `Maybe`.
/// let fixed = fix::apply(text, &found).unwrap();
/// assert_eq!(fixed.text, "Baekhyun was interviewed by Koreabo on the tour.");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Applying it cannot change meaning; `copydesk check --fix` applies it.
    Auto,
    /// A human must confirm (a pronoun, a name with several candidates).
    Maybe,
}

/// A proposed replacement for the whole of a diagnostic's span.
///
/// ```
/// use copydesk::{Applicability, Linter, Suggestion};
/// let found = Linter::new().check("They set the budgeton Friday.");
/// assert_eq!(
///     found[0].suggestions,
///     [Suggestion { replacement: "budget on".into(), applicability: Applicability::Auto }]
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    /// The text to put in place of the span (empty to delete).
    pub replacement: String,
    /// Whether it can be applied automatically.
    pub applicability: Applicability,
}

/// A secondary span shown next to the primary one (for example the earlier copy of a
/// duplicated passage).
///
/// ```
/// use copydesk::{Diagnostic, Severity, Span};
/// let text = "Fans queued all night. Fans queued all night.";
/// let mut d = Diagnostic::new("my-rule", Severity::Warning, Span::new(23, 45), "passage repeated");
/// d.label(Span::new(0, 22), "first copy here");
/// assert_eq!(d.labels[0].span.slice(text), "Fans queued all night.");
/// assert_eq!(d.labels[0].message, "first copy here");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    /// Where it points, in the original input.
    pub span: Span,
    /// What it says.
    pub message: String,
}

/// One finding of one rule, pointing into the original input.
///
/// It is plain data: match on its fields, serialise it (see [`crate::render::json`]),
/// or hand it to miette, which it implements [`miette::Diagnostic`] for (the rule as
/// the code, the first suggestion as help).
///
/// ```
/// use copydesk::{Linter, Severity, Span};
/// let text = "Itâ€™s the first time.";
/// let d = &Linter::new().check(text)[0];
/// assert_eq!(d.rule, "mojibake");
/// assert_eq!(d.severity, Severity::Error);
/// assert_eq!(d.span, Span::new(2, 10));
/// assert_eq!(d.span.slice(text), "â€™");
/// assert_eq!(d.suggestions[0].replacement, "’");
/// assert_eq!(d.to_string(), d.message);
///
/// use miette::Diagnostic as _;
/// assert_eq!(d.code().unwrap().to_string(), "mojibake");
/// assert_eq!(d.help().unwrap().to_string(), "replace with \"’\"");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The rule's stable kebab-case code, such as `repeated-word`.
    pub rule: Cow<'static, str>,
    /// Severity after configuration.
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: String,
    /// Byte span of the defect in the original input.
    pub span: Span,
    /// Further spans that help explain the finding.
    pub labels: Vec<Label>,
    /// Proposed replacements, best first.
    pub suggestions: Vec<Suggestion>,
}

impl Diagnostic {
    /// A diagnostic with no suggestions or labels.
    ///
    /// ```
    /// use copydesk::{Diagnostic, Severity, Span};
    /// let d = Diagnostic::new("house-style", Severity::Info, Span::new(0, 6), "write “email”");
    /// assert_eq!(d.rule, "house-style");
    /// assert!(d.suggestions.is_empty() && d.labels.is_empty());
    /// ```
    #[must_use]
    pub fn new(rule: impl Into<Cow<'static, str>>, severity: Severity, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            rule: rule.into(),
            severity,
            message: message.into(),
            span,
            labels: Vec::new(),
            suggestions: Vec::new(),
        }
    }

    /// Adds a suggestion to replace the whole span with `replacement`.
    ///
    /// ```
    /// use copydesk::{Applicability, Diagnostic, Severity, Span};
    /// let mut d = Diagnostic::new("house-style", Severity::Info, Span::new(0, 6), "write “email”");
    /// d.suggest("email", Applicability::Auto).suggest("e-mail address", Applicability::Maybe);
    /// assert_eq!(d.suggestions.len(), 2);
    /// assert_eq!(copydesk::fix::apply("e-mail us", &[d]).unwrap().text, "email us");
    /// ```
    pub fn suggest(&mut self, replacement: impl Into<String>, applicability: Applicability) -> &mut Self {
        self.suggestions.push(Suggestion { replacement: replacement.into(), applicability });
        self
    }

    /// Adds a secondary label.
    ///
    /// ```
    /// use copydesk::{Diagnostic, Severity, Span};
    /// let mut d = Diagnostic::new("name-variant", Severity::Warning, Span::new(30, 38), "two spellings");
    /// d.label(Span::new(0, 9), "spelled this way here");
    /// assert_eq!(d.labels[0].span, Span::new(0, 9));
    /// ```
    pub fn label(&mut self, span: Span, message: impl Into<String>) -> &mut Self {
        self.labels.push(Label { span, message: message.into() });
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Diagnostic {}

impl miette::Diagnostic for Diagnostic {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(&self.rule))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        let first = self.suggestions.first()?;
        let verb = match first.applicability {
            Applicability::Auto => "replace with",
            Applicability::Maybe => "did you mean",
        };
        let shown = if first.replacement.is_empty() {
            "nothing (delete it)".to_owned()
        } else {
            format!("{:?}", first.replacement)
        };
        let rest = self.suggestions.len() - 1;
        Some(Box::new(if rest == 0 {
            format!("{verb} {shown}")
        } else {
            format!("{verb} {shown} (or {rest} other suggestion{})", if rest == 1 { "" } else { "s" })
        }))
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let primary = miette::LabeledSpan::new_primary_with_span(Some(self.rule.to_string()), self.span);
        let rest = self.labels.iter().map(|l| miette::LabeledSpan::new_with_span(Some(l.message.clone()), l.span));
        Some(Box::new(std::iter::once(primary).chain(rest)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn severity_orders_and_parses() {
        assert!(Severity::Info < Severity::Warning && Severity::Warning < Severity::Error);
        assert_eq!(Severity::parse("warnings"), Some(Severity::Warning));
        assert_eq!(Severity::parse("loud"), None);
    }

    #[test]
    fn help_names_the_suggestion() {
        use miette::Diagnostic as _;
        let mut d = Diagnostic::new("repeated-word", Severity::Warning, Span::new(0, 3), "m");
        d.suggest("x", Applicability::Auto);
        assert_eq!(d.help().unwrap().to_string(), "replace with \"x\"");
        d.suggest("", Applicability::Maybe);
        assert_eq!(d.help().unwrap().to_string(), "replace with \"x\" (or 1 other suggestion)");
    }
}

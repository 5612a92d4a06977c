//! Suppression: accept lists and inline directives, and the `unused-suppression`
//! findings for directives that no longer hide anything.
//!
//! Three ways let a team accept a finding once and not see it again:
//!
//! - an accept list per rule in `copydesk.toml` (`[rules.CODE] accept = [...]`): a
//!   finding whose text equals an accepted string (ignoring case and ’/' differences)
//!   is dropped, for every rule alike ([`AcceptList`]);
//! - directives in HTML comments, in Markdown or in text that carries them
//!   ([`Directives`]):
//!   `<!-- copydesk-disable RULE[, RULE] -->` … `<!-- copydesk-enable -->` and
//!   `<!-- copydesk-disable-next-line RULE -->`;
//! - a baseline file for text without comments ([`crate::baseline`]).
//!
//! A directive or baseline entry that suppresses nothing is reported under the code
//! `unused-suppression` (as ruff reports an unused `noqa`). It is not a [`crate::Rule`]:
//! it reads findings, not documents. It is emitted by this layer, documented by [`META`]
//! (so `copydesk explain unused-suppression` works), selected, ignored and given a
//! severity in the configuration like any rule.
//!
//! [`crate::Linter::check`] and [`crate::Linter::check_markdown`] apply all of this
//! themselves:
//!
//! ```
//! let linter = copydesk::Linter::new();
//! let text = "<!-- copydesk-disable-next-line repeated-word -->\nThe the quote is kept.\n\n\
//!             <!-- copydesk-disable-next-line run-together -->\nNothing here.\n";
//! let found = linter.check(text);
//! assert_eq!(found.len(), 1);
//! assert_eq!(found[0].rule, "unused-suppression");
//! assert_eq!(found[0].message, "`copydesk-disable-next-line` for `run-together` suppresses nothing");
//! ```

use std::collections::BTreeMap;

use once_cell::sync::Lazy;
use regex::Regex;

use crate::{declare_rule, Diagnostic, Severity, Span};

declare_rule! {
    /// ## What it flags
    /// A suppression that no longer suppresses anything:
    /// - a `<!-- copydesk-disable RULE -->` or `<!-- copydesk-disable-next-line RULE -->`
    ///   directive under which RULE reports nothing (reported once per rule it names);
    /// - a `<!-- copydesk-enable -->` with no disable open before it;
    /// - a directive naming a rule that does not exist, or a comment beginning with
    ///   `copydesk-` that is not a directive;
    /// - a baseline entry (`check --baseline FILE`) that matches no finding any more,
    ///   reported at its line in the baseline file.
    ///
    /// A directive for a rule that did not run (deselected with `--select` or
    /// `ignore`) is not reported: whether it is needed cannot be known.
    ///
    /// ## Why it matters
    /// Stale suppressions hide the next real defect at that place and make the article
    /// harder to read. As with ruff's unused `noqa`, remove them once the text is fixed.
    /// Severity **warning**; set `[severity] unused-suppression = "error"` to make CI
    /// fail on them, or `ignore = ["unused-suppression"]` to silence them.
    ///
    /// ## Example
    /// `<!-- copydesk-disable-next-line repeated-word -->` above a line whose repeated
    /// word was fixed → delete the comment
    pub struct UnusedSuppression;
    META = "unused-suppression", Suppression, Warning, "a suppression directive or baseline entry that hides nothing";
}

/// Normalises text for accept-list comparison: lowercase, ’ and ‘ as ', whitespace
/// runs as one space, trimmed.
///
/// ```
/// assert_eq!(copydesk::suppress::normalize_accepted("  Walla\tWALLA’s "), "walla walla's");
/// ```
#[must_use]
pub fn normalize_accepted(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                '’' | '‘' | '`' | '´' => out.push('\''),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}

/// The accept lists of every rule: `[rules.CODE] accept = ["…"]` in `copydesk.toml`.
///
/// ```
/// use std::path::Path;
/// use copydesk::{suppress::AcceptList, Config};
/// let config = Config::parse(Path::new("copydesk.toml"), "[rules.mangled-name]\naccept = [\"Gordon Browne\"]")?;
/// let accept = AcceptList::from_config(&config);
/// assert!(accept.accepts("mangled-name", "gordon  BROWNE"));
/// assert!(!accept.accepts("name-variant", "Gordon Browne"), "per rule");
/// # Ok::<(), copydesk::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct AcceptList {
    by_rule: BTreeMap<String, Vec<String>>,
}

impl AcceptList {
    /// Reads the `accept` arrays of the configuration's rule tables. Values that are
    /// not strings are skipped ([`crate::Config::parse`] rejects them).
    ///
    /// ```
    /// use copydesk::{suppress::AcceptList, Config};
    /// assert!(AcceptList::from_config(&Config::default()).is_empty());
    /// ```
    #[must_use]
    pub fn from_config(config: &crate::Config) -> Self {
        let mut by_rule = BTreeMap::new();
        for (code, table) in &config.rules {
            let Some(toml::Value::Array(items)) = table.get("accept") else { continue };
            let mut list: Vec<String> = items.iter().filter_map(toml::Value::as_str).map(normalize_accepted).collect();
            list.sort();
            list.dedup();
            by_rule.insert(code.clone(), list);
        }
        AcceptList { by_rule }
    }

    /// Whether nothing is accepted.
    ///
    /// ```
    /// assert!(copydesk::suppress::AcceptList::default().is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.by_rule.is_empty()
    }

    /// Whether `text`, reported by `rule`, is accepted.
    ///
    /// ```
    /// use std::path::Path;
    /// use copydesk::{suppress::AcceptList, Config};
    /// let config = Config::parse(Path::new("c.toml"), "[rules.boilerplate]\naccept = [\"Read more\"]")?;
    /// assert!(AcceptList::from_config(&config).accepts("boilerplate", "READ MORE"));
    /// # Ok::<(), copydesk::Error>(())
    /// ```
    #[must_use]
    pub fn accepts(&self, rule: &str, text: &str) -> bool {
        self.by_rule.get(rule).is_some_and(|list| list.binary_search(&normalize_accepted(text)).is_ok())
    }
}

/// What a directive does.
///
/// ```
/// use copydesk::suppress::{DirectiveKind, Directives};
/// let text = "<!-- copydesk-disable -->\nx\n<!-- copydesk-enable -->\n<!-- copydesk-disable-next-line a -->\ny";
/// let kinds: Vec<_> = Directives::scan(text).directives().iter().map(|d| d.kind).collect();
/// assert_eq!(kinds, [Some(DirectiveKind::Disable), Some(DirectiveKind::Enable), Some(DirectiveKind::DisableNextLine)]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DirectiveKind {
    /// `copydesk-disable`: from here to the matching enable (or the end).
    Disable,
    /// `copydesk-enable`: ends disables.
    Enable,
    /// `copydesk-disable-next-line`: the next non-blank line.
    DisableNextLine,
}

/// One directive comment.
///
/// ```
/// use copydesk::suppress::{DirectiveKind, Directives};
/// let text = "Intro.\n<!-- copydesk-disable boilerplate, embed-residue -->\n";
/// let scanned = Directives::scan(text);
/// let d = &scanned.directives()[0];
/// assert_eq!(d.span.slice(text), "<!-- copydesk-disable boilerplate, embed-residue -->");
/// assert_eq!(d.kind, Some(DirectiveKind::Disable));
/// assert_eq!(d.rules, ["boilerplate", "embed-residue"]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Directive {
    /// The whole comment, `<!--` to `-->`.
    pub span: Span,
    /// What it does; `None` for a `copydesk-` comment that is not a directive.
    pub kind: Option<DirectiveKind>,
    /// The rule codes it names; empty for all rules.
    pub rules: Vec<String>,
}

/// Directive comments in text, compiled once.
static COMMENT: Lazy<Regex> = Lazy::new(|| Regex::new(r"(?s)<!--.*?-->").expect("the comment pattern compiles"));
static DIRECTIVE: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?s)\A<!--\s*copydesk-([a-z-]*)(.*?)-->\z").expect("the directive pattern compiles"));

/// A stretch of text where a rule (or every rule) is suppressed, and whether it hid
/// anything.
#[derive(Clone, Debug)]
struct Suppressor {
    directive: usize,
    rule: Option<String>,
    range: Span,
    used: bool,
}

/// The directives of one text and the stretches they suppress.
///
/// The [`crate::Linter`] uses them so; to suppress findings from elsewhere:
///
/// ```
/// use copydesk::suppress::Directives;
/// use copydesk::{Diagnostic, Severity, Span};
/// let text = "<!-- copydesk-disable my-rule -->\nhidden\n<!-- copydesk-enable -->\nshown\n";
/// let at = |needle: &str| {
///     let i = text.find(needle).unwrap();
///     Diagnostic::new("my-rule", Severity::Warning, Span::new(i, i + needle.len()), "m")
/// };
/// let mut found = vec![at("hidden"), at("shown")];
/// let mut directives = Directives::scan(text);
/// directives.apply(&mut found);
/// assert_eq!(found.len(), 1);
/// assert_eq!(found[0].span.slice(text), "shown");
/// assert!(directives.unused(&["my-rule"], &["my-rule".into()], Severity::Warning).is_empty());
/// ```
#[derive(Clone, Debug, Default)]
pub struct Directives {
    directives: Vec<Directive>,
    suppressors: Vec<Suppressor>,
    /// Enables that closed nothing.
    stray_enables: Vec<usize>,
}

impl Directives {
    /// Finds directives in every HTML comment of `text` (plain text: comments anywhere).
    ///
    /// ```
    /// use copydesk::suppress::Directives;
    /// assert!(Directives::scan("No comments here.").is_empty());
    /// assert_eq!(Directives::scan("<!-- copydesk-enable --> <!-- other -->").directives().len(), 1);
    /// ```
    #[must_use]
    pub fn scan(text: &str) -> Self {
        // Cheap screen: almost no text carries directives.
        if !text.contains("copydesk-") {
            return Directives::default();
        }
        let comments: Vec<Span> = COMMENT.find_iter(text).map(|m| Span::new(m.start(), m.end())).collect();
        Directives::from_comments(text, &comments)
    }

    /// Reads directives from the given comment spans of `text` (for Markdown, the
    /// comments outside code: [`crate::markdown::Markdown::comments`]).
    ///
    /// ```
    /// use copydesk::{markdown::Markdown, suppress::Directives};
    /// let md = "```\n<!-- copydesk-disable -->\n```\n\n<!-- copydesk-disable whitespace -->\n";
    /// let parsed = Markdown::parse(md);
    /// let directives = Directives::from_comments(md, parsed.comments());
    /// assert_eq!(directives.directives().len(), 1, "the one in a code block is not a directive");
    /// assert_eq!(directives.directives()[0].rules, ["whitespace"]);
    /// ```
    #[must_use]
    pub fn from_comments(text: &str, comments: &[Span]) -> Self {
        let mut directives = Vec::new();
        for &span in comments {
            let Some(caps) = DIRECTIVE.captures(span.slice(text)) else { continue };
            let kind = match &caps[1] {
                "disable" => Some(DirectiveKind::Disable),
                "enable" => Some(DirectiveKind::Enable),
                "disable-next-line" => Some(DirectiveKind::DisableNextLine),
                _ => None,
            };
            let rules =
                caps[2].split([',', ' ', '\t', '\n', '\r']).filter(|s| !s.is_empty()).map(str::to_owned).collect();
            directives.push(Directive { span, kind, rules });
        }
        let mut out = Directives { directives, ..Directives::default() };
        out.build(text);
        out
    }

    /// The directives found, in text order.
    ///
    /// ```
    /// let d = copydesk::suppress::Directives::scan("<!-- copydesk-disable-next-line a b -->\nx");
    /// assert_eq!(d.directives()[0].rules, ["a", "b"]);
    /// ```
    #[must_use]
    pub fn directives(&self) -> &[Directive] {
        &self.directives
    }

    /// Turns directives into suppressed stretches.
    fn build(&mut self, text: &str) {
        let mut open: Vec<usize> = Vec::new();
        for (i, d) in self.directives.iter().enumerate() {
            match d.kind {
                Some(DirectiveKind::Disable) => {
                    let rules: Vec<Option<String>> =
                        if d.rules.is_empty() { vec![None] } else { d.rules.iter().cloned().map(Some).collect() };
                    for rule in rules {
                        open.push(self.suppressors.len());
                        self.suppressors.push(Suppressor {
                            directive: i,
                            rule,
                            range: Span::new(d.span.end, text.len()),
                            used: false,
                        });
                    }
                }
                Some(DirectiveKind::Enable) => {
                    let before = open.len();
                    open.retain(|&s| {
                        let sup = &mut self.suppressors[s];
                        let closes = d.rules.is_empty() || sup.rule.as_ref().is_some_and(|r| d.rules.contains(r));
                        if closes {
                            sup.range.end = d.span.start;
                        }
                        !closes
                    });
                    if open.len() == before {
                        self.stray_enables.push(i);
                    }
                }
                Some(DirectiveKind::DisableNextLine) => {
                    let range = next_line(text, d.span.end);
                    let rules: Vec<Option<String>> =
                        if d.rules.is_empty() { vec![None] } else { d.rules.iter().cloned().map(Some).collect() };
                    for rule in rules {
                        self.suppressors.push(Suppressor { directive: i, rule, range, used: false });
                    }
                }
                None => {}
            }
        }
    }

    /// Whether there is nothing to apply.
    ///
    /// ```
    /// assert!(copydesk::suppress::Directives::scan("<!-- just a comment -->").is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.directives.is_empty()
    }

    /// Drops the findings a directive suppresses, marking those directives used.
    ///
    /// ```
    /// use copydesk::{suppress::Directives, Linter};
    /// let text = "<!-- copydesk-disable-next-line -->\nThe the end.\nThe the end.";
    /// let mut found = Linter::new().check_document(&copydesk::Document::new(text));
    /// assert_eq!(found.len(), 2);
    /// Directives::scan(text).apply(&mut found);
    /// assert_eq!(found.len(), 1);
    /// assert_eq!(found[0].span.start, text.rfind("The the").unwrap());
    /// ```
    pub fn apply(&mut self, diagnostics: &mut Vec<Diagnostic>) {
        if self.suppressors.is_empty() {
            return;
        }
        diagnostics.retain(|d| {
            let mut hidden = false;
            for s in &mut self.suppressors {
                let covers = s.range.start <= d.span.start && d.span.start < s.range.end;
                if covers && s.rule.as_deref().is_none_or(|r| r == d.rule) {
                    s.used = true;
                    hidden = true;
                }
            }
            !hidden
        });
    }

    /// The `unused-suppression` findings, at `severity`: directives that hid nothing,
    /// for rules in `ran`; unknown rules (not in `known`); enables that close nothing;
    /// malformed directives.
    ///
    /// ```
    /// use copydesk::{suppress::Directives, Severity};
    /// let text = "<!-- copydesk-disable-next-line repeated-word -->\nFine.\n<!-- copydesk-disabel -->";
    /// let directives = Directives::scan(text);
    /// let unused = directives.unused(&["repeated-word"], &["repeated-word".into()], Severity::Warning);
    /// let messages: Vec<&str> = unused.iter().map(|d| d.message.as_str()).collect();
    /// assert_eq!(messages, [
    ///     "`copydesk-disable-next-line` for `repeated-word` suppresses nothing",
    ///     "not a copydesk directive (disable, enable, disable-next-line)",
    /// ]);
    /// assert!(unused.iter().all(|d| d.rule == "unused-suppression"));
    /// ```
    #[must_use]
    pub fn unused(&self, ran: &[&str], known: &[String], severity: Severity) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let mut report = |span: Span, message: String| {
            out.push(Diagnostic::new(META.code.clone(), severity, span, message));
        };
        for (i, d) in self.directives.iter().enumerate() {
            let Some(kind) = d.kind else {
                report(d.span, "not a copydesk directive (disable, enable, disable-next-line)".to_owned());
                continue;
            };
            let name = match kind {
                DirectiveKind::Disable => "copydesk-disable",
                DirectiveKind::Enable => "copydesk-enable",
                DirectiveKind::DisableNextLine => "copydesk-disable-next-line",
            };
            for rule in &d.rules {
                if !known.iter().any(|k| k == rule) {
                    report(d.span, format!("`{name}` names unknown rule `{rule}`"));
                }
            }
            if kind == DirectiveKind::Enable {
                if self.stray_enables.contains(&i) {
                    report(d.span, "`copydesk-enable` with no `copydesk-disable` open before it".to_owned());
                }
                continue;
            }
            for s in self.suppressors.iter().filter(|s| s.directive == i && !s.used) {
                match &s.rule {
                    None => report(d.span, format!("`{name}` suppresses nothing")),
                    Some(r) if ran.contains(&r.as_str()) => {
                        report(d.span, format!("`{name}` for `{r}` suppresses nothing"));
                    }
                    Some(_) => {}
                }
            }
        }
        out
    }
}

/// The span of the first non-blank line after byte `from` (its line is skipped).
fn next_line(text: &str, from: usize) -> Span {
    let mut start = match text[from..].find('\n') {
        Some(nl) => from + nl + 1,
        None => return Span::new(text.len(), text.len()),
    };
    loop {
        let end = text[start..].find('\n').map_or(text.len(), |nl| start + nl);
        if !text[start..end].trim().is_empty() || end == text.len() {
            return Span::new(start, end);
        }
        start = end + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diag(rule: &'static str, text: &str, needle: &str) -> Diagnostic {
        let at = text.find(needle).unwrap();
        Diagnostic::new(rule, Severity::Warning, Span::new(at, at + needle.len()), "m")
    }

    #[test]
    fn accept_ignores_case_and_apostrophes() {
        let config = crate::Config::parse(
            std::path::Path::new("c.toml"),
            "[rules.repeated-word]\naccept = [\"Walla  Walla's\"]\n",
        )
        .unwrap();
        let a = AcceptList::from_config(&config);
        assert!(a.accepts("repeated-word", "walla walla’s"));
        assert!(!a.accepts("whitespace", "walla walla's"));
        assert!(!a.accepts("repeated-word", "walla"));
    }

    #[test]
    fn disable_enable_and_next_line() {
        let text = "a x\n<!-- copydesk-disable r1, r2 -->\nb x\n<!-- copydesk-enable -->\nc x\n<!-- copydesk-disable-next-line r1 -->\n\nd x\ne x\n";
        let mut dirs = Directives::scan(text);
        assert_eq!(dirs.directives().len(), 3);
        let mut diags: Vec<Diagnostic> =
            ["a x", "b x", "c x", "d x", "e x"].iter().map(|n| diag("r1", text, n)).collect();
        dirs.apply(&mut diags);
        let left: Vec<&str> = diags.iter().map(|d| &text[d.span.start..d.span.end]).collect();
        assert_eq!(left, ["a x", "c x", "e x"]);
        let unused = dirs.unused(&["r1", "r2"], &["r1".into(), "r2".into()], Severity::Warning);
        assert_eq!(unused.len(), 1);
        assert_eq!(unused[0].message, "`copydesk-disable` for `r2` suppresses nothing");
    }

    #[test]
    fn reports_stray_unknown_and_malformed() {
        let text = "<!-- copydesk-enable -->\n<!-- copydesk-disable-next-line nope -->\nx\n<!-- copydesk-disabel r1 -->\n<!-- copydesk-disable r3 -->";
        let dirs = Directives::scan(text);
        let unused = dirs.unused(&["r1"], &["r1".into(), "r3".into()], Severity::Warning);
        let messages: Vec<&str> = unused.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "`copydesk-enable` with no `copydesk-disable` open before it",
                "`copydesk-disable-next-line` names unknown rule `nope`",
                "not a copydesk directive (disable, enable, disable-next-line)",
            ]
        );
    }

    #[test]
    fn next_line_skips_blank_lines() {
        assert_eq!(next_line("c\n\n  \nword\n", 1), Span::new(6, 10));
        assert_eq!(next_line("c", 1), Span::new(1, 1));
    }
}

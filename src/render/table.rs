//! The rule table of `copydesk rules` and the README, generated from the rules' own
//! metadata so documentation cannot drift from code.

use crate::rule::RuleMeta;

/// A plain-text table: code, family, default severity, summary.
///
/// ```
/// let linter = copydesk::Linter::new();
/// let table = copydesk::render::table::plain(linter.rules());
/// let mut lines = table.lines();
/// assert!(lines.next().unwrap().starts_with("code"));
/// assert!(lines.next().unwrap().starts_with("apostrophe"));
/// assert!(table.contains("mojibake            unicode     error     UTF-8 decoded as Windows-1252"));
/// ```
#[must_use]
pub fn plain<'a>(rules: impl IntoIterator<Item = &'a RuleMeta>) -> String {
    let rules: Vec<&RuleMeta> = rules.into_iter().collect();
    let width = rules.iter().map(|m| m.code.len()).max().unwrap_or(4).max(4);
    let mut out = format!("{:width$}  {:10}  {:8}  {}\n", "code", "family", "severity", "summary");
    for m in rules {
        out.push_str(&format!(
            "{:width$}  {:10}  {:8}  {}\n",
            m.code,
            m.family.as_str(),
            m.default_severity.as_str(),
            m.summary
        ));
    }
    out
}

/// A Markdown table, as in the README.
///
/// ```
/// use copydesk::rules::words::repeated_word::META;
/// let table = copydesk::render::table::markdown([&META]);
/// assert_eq!(table, "| code | family | severity | what it flags |\n| --- | --- | --- | --- |\n\
///                    | `repeated-word` | words | warning | the same word twice in a row |\n");
/// ```
#[must_use]
pub fn markdown<'a>(rules: impl IntoIterator<Item = &'a RuleMeta>) -> String {
    let mut out = String::from("| code | family | severity | what it flags |\n| --- | --- | --- | --- |\n");
    for m in rules {
        out.push_str(&format!("| `{}` | {} | {} | {} |\n", m.code, m.family.as_str(), m.default_severity, m.summary));
    }
    out
}

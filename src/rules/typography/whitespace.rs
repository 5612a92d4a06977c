//! `whitespace`: blank-line runs, spaces at line ends, doubled spaces.

use crate::declare_rule;
use crate::rule::{Reporter, Rule, RuleMeta};
use crate::{Applicability, Document, Span};

declare_rule! {
    /// ## What it flags
    /// - runs of two or more blank lines (where one separates paragraphs);
    /// - spaces or tabs at the start or end of a line;
    /// - two or more spaces inside a sentence.
    ///
    /// ## Why it matters
    /// Scrapers leave whitespace where markup was: empty embed containers become blank
    /// line runs, indentation survives from the HTML source. It is invisible in most
    /// renderings, so severity **info**: cosmetic, never failing a build by default.
    /// Every finding has an `auto` fix.
    ///
    /// Not flagged: two spaces after a sentence-ending mark (a typing convention), a
    /// single blank line, a missing final newline.
    ///
    /// ## Example
    /// `LETS GET THAT #1 BB HOT100 NEXT!⏎⏎⏎⏎pic.twitter.com/…` → one blank line
    pub struct Whitespace;
    META = "whitespace", Typography, Info, "blank-line runs, spaces at line ends, doubled spaces";
}

impl Whitespace {
    /// The rule (it holds no data).
    ///
    /// ```
    /// use copydesk::rules::typography::whitespace::Whitespace;
    /// use copydesk::{Document, Reporter, Rule};
    /// let rule = Whitespace::new();
    /// let text = "Trailing spaces.   \nTwo  spaces.";
    /// let mut found = Vec::new();
    /// rule.check(&Document::new(text), &mut Reporter::new(rule.meta(), rule.meta().default_severity, &mut found));
    /// let fixed = copydesk::fix::apply(text, &found).unwrap();
    /// assert_eq!(fixed.text, "Trailing spaces.\nTwo spaces.");
    /// assert!(found.iter().all(|d| d.severity == copydesk::Severity::Info));
    /// ```
    #[must_use]
    pub fn new() -> Self {
        Whitespace
    }
}

impl Default for Whitespace {
    fn default() -> Self {
        Self::new()
    }
}

fn is_blank_space(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\u{a0}' || c == '\u{3000}' || ('\u{2000}'..='\u{200a}').contains(&c)
}

impl Rule for Whitespace {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, out: &mut Reporter<'_>) {
        let lines = doc.lines();
        let mut blank_run = 0usize;
        // Where the next "  ", tab and no-break space are, each found once for every
        // line up to it: nearly every line has none, and needs no scan of its own.
        let mut marks = [Mark::new("  "), Mark::new("\t"), Mark::new("\u{a0}")];
        for (i, line) in lines.iter().enumerate() {
            let text = doc.slice(line.span);
            if line.paragraph.is_none() {
                blank_run += 1;
                // Whitespace on an otherwise blank line.
                if !text.is_empty() && i + 1 < lines.len() {
                    out.report(line.span, "spaces on a blank line").suggest("", Applicability::Auto);
                }
                continue;
            }
            if blank_run >= 2 && i >= blank_run {
                // The run spans every blank line; the fix keeps one (with its own line
                // ending, so CRLF text stays CRLF).
                let first = lines[i - blank_run];
                let ending = doc.slice(Span::new(first.span.end, lines[i - blank_run + 1].span.start));
                out.report(Span::new(first.span.start, line.span.start), format!("{blank_run} blank lines in a row"))
                    .suggest(ending, Applicability::Auto);
            }
            blank_run = 0;
            let lead = text.len() - text.trim_start_matches(is_blank_space).len();
            if lead > 0 {
                out.report(Span::new(line.span.start, line.span.start + lead), "space at the start of a line")
                    .suggest("", Applicability::Auto);
            }
            let body = text.trim_end_matches(is_blank_space);
            if body.len() < text.len() {
                out.report(Span::new(line.span.start + body.len(), line.span.end), "space at the end of a line")
                    .suggest("", Applicability::Auto);
            }
            let (from, to) = (line.span.start + lead, line.span.start + body.len());
            if marks.iter_mut().any(|m| m.within(doc.text(), from, to)) {
                double_spaces(&body[lead..], from, out);
            }
        }
    }
}

/// The next occurrence of a string in the text, looked for again only once passed.
struct Mark {
    needle: &'static str,
    /// Where the last search found the needle (`usize::MAX`: nowhere), if searched.
    next: Option<usize>,
}

impl Mark {
    fn new(needle: &'static str) -> Self {
        Mark { needle, next: None }
    }

    /// Whether `text[from..to]` contains the needle. Calls must come with `from` never
    /// decreasing: then the occurrence found last, if not yet passed, is the first at
    /// or after `from`, and each part of the text is searched once.
    fn within(&mut self, text: &str, from: usize, to: usize) -> bool {
        if self.next.is_none_or(|p| p < from) {
            let found = memchr::memmem::find(&text.as_bytes()[from..], self.needle.as_bytes());
            self.next = Some(found.map_or(usize::MAX, |p| from + p));
        }
        self.next.is_some_and(|p| p != usize::MAX && p + self.needle.len() <= to)
    }
}

/// Reports runs of two or more spaces inside `body`, which starts at byte `base`.
/// Only called for a body holding two spaces in a row, a tab or a no-break space.
fn double_spaces(body: &str, base: usize, out: &mut Reporter<'_>) {
    let mut run_start: Option<usize> = None;
    let mut prev: Option<char> = None;
    let mut before_run: Option<char> = None;
    for (i, c) in body.char_indices() {
        if is_blank_space(c) {
            if run_start.is_none() {
                run_start = Some(i);
                before_run = prev;
            }
        } else if let Some(s) = run_start.take() {
            let run = &body[s..i];
            let sentence_gap = before_run.is_some_and(|b| matches!(b, '.' | '!' | '?' | ':' | '”' | '"'));
            if (run.chars().count() >= 2 || run.contains('\t')) && !(sentence_gap && run == "  ") {
                out.report(Span::new(base + s, base + i), format!("{} spaces in a row", run.chars().count()))
                    .suggest(" ", Applicability::Auto);
            }
        }
        prev = Some(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Diagnostic, Severity};

    fn run(text: &str) -> Vec<(String, String)> {
        let mut v: Vec<Diagnostic> = Vec::new();
        Whitespace.check(&Document::new(text), &mut Reporter::new(&META, Severity::Info, &mut v));
        v.into_iter().map(|d| (text[d.span.start..d.span.end].to_owned(), d.message)).collect()
    }

    #[test]
    fn flags_blank_runs_and_edges() {
        let found = run("one\n\n\n\ntwo  \n  three four\n");
        assert_eq!(found[0], ("\n\n\n".to_owned(), "3 blank lines in a row".to_owned()));
        assert_eq!(found[1].0, "  ");
        assert_eq!(found[2].0, "  ");
        assert_eq!(found.len(), 3);
        assert_eq!(run("a  b")[0].0, "  ");
        assert_eq!(run("a\u{a0}\u{a0}b").len(), 1);
    }

    #[test]
    fn marks_agree_with_a_search_of_each_range() {
        let text = "a  b\tc d\u{a0}e  f g h  ";
        for needle in ["  ", "\t", "\u{a0}"] {
            let mut mark = Mark::new(needle);
            for from in 0..text.len() {
                for to in [from, from + 1, from + 3, text.len()] {
                    let to = to.min(text.len());
                    let expected = text.as_bytes()[from..to].windows(needle.len()).any(|w| w == needle.as_bytes());
                    assert_eq!(mark.within(text, from, to), expected, "{needle:?} {from}..{to}");
                }
            }
        }
    }

    #[test]
    fn passes_normal_text() {
        for ok in ["one\n\ntwo\n", "End.  Next sentence.", "no newline at end", "a\r\n\r\nb"] {
            assert!(run(ok).is_empty(), "{ok}: {:?}", run(ok));
        }
    }
}

//! `boilerplate`: site chrome left in the article body.
//!
//! Two layers: the `boilerplate` entries of every pack (phrases and line patterns), then
//! structural checks whose data lives in `lints/structure/boilerplate.toml`: a line of
//! hashtags, and a related-article headline after a teaser line the packs report. A
//! line the packs already report is not reported again.

use std::sync::Arc;

use once_cell::sync::Lazy;
use serde::Deserialize;

use crate::declare_rule;
use crate::document::TokenKind;
use crate::error::Result;
use crate::pack::{trim_line, Matcher};
use crate::registry::Resources;
use crate::rule::{Reporter, Rule, RuleMeta};
use crate::{Applicability, Document, Severity, Span, Token};

declare_rule! {
    /// ## What it flags
    /// Text the page template put around the article that the scraper kept: comment
    /// prompts ("Leave a Comment"), share / follow / newsletter prompts, "Advertisement",
    /// cookie and paywall notices, gallery and read-more teasers ("Scroll through our
    /// gallery …", "Keep reading for …"), "Related:" lines, caption and credit lines.
    /// The phrases and patterns live in `lints/boilerplate.toml`; add your site's own
    /// with a pack of `code = "boilerplate"` entries.
    ///
    /// Two shapes are checked in code, with their data in
    /// `lints/structure/boilerplate.toml`: a line of three or more #hashtags and little
    /// else (the tag cloud under an article), and a Title Case line without final
    /// punctuation after a teaser line ("Check out more … in the article below!",
    /// "Related:"), with only blank lines, chrome or more headlines between: the
    /// headline of a related-article link. A headline in the body, one after other
    /// chrome (an "Advertisement" line) or after a line of prose, passes.
    ///
    /// ## Why it matters
    /// Published or stored with the article, chrome reads as part of the story and
    /// pollutes search indexes and summaries. Severity **error**: the entries match
    /// whole lines, so a finding is almost always real and visible. A related-article
    /// headline is inferred from its shape and position, so it is reported as a
    /// **warning** at most.
    ///
    /// ## Example
    /// `Leave a Comment` (as the last line of an article) → delete the line
    pub struct Boilerplate {
        matcher: Arc<Matcher>,
    }
    META = "boilerplate", Scrape, Error, "site chrome (prompts, teasers, captions) in the body";
}

impl Boilerplate {
    /// Compiles the `boilerplate` entries of every pack.
    ///
    /// ```
    /// use copydesk::rules::scrape::boilerplate::Boilerplate;
    /// use copydesk::{registry::Resources, Config, Document, Reporter, Rule};
    /// let config = Config::default();
    /// let rule = Boilerplate::new(&Resources::new(&config))?;
    /// let text = "The council met.\n\nLeave a Comment\n\nShe left a comment on the draft.";
    /// let mut found = Vec::new();
    /// rule.check(&Document::new(text), &mut Reporter::new(rule.meta(), rule.meta().default_severity, &mut found));
    /// assert_eq!(found.len(), 1);
    /// assert_eq!(found[0].span.slice(text), "Leave a Comment");
    /// # Ok::<(), copydesk::Error>(())
    /// ```
    ///
    /// # Errors
    /// When the entries cannot be compiled together.
    pub fn new(res: &Resources<'_>) -> Result<Self> {
        Ok(Boilerplate { matcher: res.matcher()? })
    }
}

/// The data of the structural checks, from `lints/structure/boilerplate.toml`.
#[derive(Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct Structure {
    hashtag_line: HashtagLine,
    headline: Headline,
}

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct HashtagLine {
    min_hashtags: usize,
    max_other_per_hashtag: f64,
    labels: Vec<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct Headline {
    after: Vec<String>,
    min_words: usize,
    max_words: usize,
    min_capitalised: f64,
    small_words: Vec<String>,
}

static STRUCTURE: Lazy<Structure> = Lazy::new(|| {
    toml::from_str(include_str!("../../../lints/structure/boilerplate.toml"))
        .unwrap_or_else(|e| panic!("lints/structure/boilerplate.toml is invalid: {e}"))
});

/// Whether `word` is one of `list` (short, lower-case ASCII lists: a scan beats hashing
/// and allocates nothing).
fn listed(list: &[String], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// The tokens of line `index`.
fn line_tokens<'d, 'a>(doc: &'d Document<'a>, index: usize) -> &'d [Token<'a>] {
    let tokens = doc.tokens();
    let line = index as u32;
    let from = tokens.partition_point(|t| t.line < line);
    let to = from + tokens[from..].partition_point(|t| t.line == line);
    &tokens[from..to]
}

/// Whether `tokens` (one line's) are three or more hashtags and little else.
fn is_hashtag_line(tokens: &[Token<'_>]) -> bool {
    let data = &STRUCTURE.hashtag_line;
    let hashtags = tokens.iter().filter(|t| t.kind == TokenKind::Hashtag).count();
    if hashtags < data.min_hashtags {
        return false;
    }
    let others = tokens
        .iter()
        .filter(|t| match t.kind {
            TokenKind::Word => !listed(&data.labels, t.text),
            TokenKind::Number | TokenKind::Url | TokenKind::Email | TokenKind::Handle => true,
            TokenKind::Hashtag | TokenKind::Emoji | TokenKind::Punct => false,
        })
        .count();
    others as f64 <= data.max_other_per_hashtag * hashtags as f64
}

/// Whether line `text` with `tokens` has the shape of a headline: Title Case, a few
/// words, no final full stop, comma, colon or semicolon.
fn is_headline(text: &str, tokens: &[Token<'_>]) -> bool {
    let data = &STRUCTURE.headline;
    let (_, trimmed) = trim_line(text);
    // `trim_line` strips final punctuation; the untrimmed end tells whether there was any.
    let end = text.trim_end().chars().next_back();
    if trimmed.is_empty() || end.is_some_and(|c| matches!(c, '.' | ',' | ';' | ':' | '…')) {
        return false;
    }
    let words: Vec<&str> =
        tokens.iter().filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number)).map(|t| t.text).collect();
    if words.len() < data.min_words || words.len() > data.max_words {
        return false;
    }
    let capital = |w: &str| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric() || !c.is_lowercase());
    if !capital(words[0]) {
        return false;
    }
    let content: Vec<&str> = words.iter().copied().filter(|w| !listed(&data.small_words, w)).collect();
    let capitalised = content.iter().filter(|w| capital(w)).count();
    content.len() >= 2 && capitalised as f64 >= data.min_capitalised * content.len() as f64
}

impl Rule for Boilerplate {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, out: &mut Reporter<'_>) {
        let lines = doc.lines();
        // Lines the packs report from their first character on: whole lines of chrome,
        // and which of them introduce linked articles (teasers).
        let mut chrome = vec![false; lines.len()];
        let mut teaser = vec![false; lines.len()];
        for (span, entry) in self.matcher.report_spans(doc, out) {
            let i = doc.line_index(span.start);
            let (off, _) = trim_line(doc.line_text(i));
            if lines[i].span.start + off == span.start {
                chrome[i] = true;
                teaser[i] = STRUCTURE.headline.after.contains(&entry.id);
            }
        }
        // Hashtag lines, one pass over the tokens grouped by line.
        let tokens = doc.tokens();
        let mut from = 0;
        while from < tokens.len() {
            let line = tokens[from].line as usize;
            let to = from + tokens[from..].partition_point(|t| t.line as usize == line);
            let on_line = &tokens[from..to];
            from = to;
            // Already reported by a pack, or not a tag cloud.
            if chrome[line] || !is_hashtag_line(on_line) {
                continue;
            }
            chrome[line] = true;
            let span = Span::new(on_line[0].start, on_line[on_line.len() - 1].end());
            let n = on_line.iter().filter(|t| t.kind == TokenKind::Hashtag).count();
            out.report(span, format!("a line of {n} hashtags left from the page's tag list"))
                .suggest("", Applicability::Maybe);
        }
        // Headlines in the block after a teaser: the block runs over blank lines, chrome
        // and headline-shaped lines, and ends at the first line of anything else.
        let mut in_block = false;
        for (i, line) in lines.iter().enumerate() {
            let text = doc.line_text(i);
            if teaser[i] {
                in_block = true;
                continue;
            }
            // Blank lines and chrome neither open nor close a block.
            if !in_block || chrome[i] || text.trim().is_empty() {
                continue;
            }
            if !is_headline(text, line_tokens(doc, i)) {
                in_block = false;
                continue;
            }
            let (off, trimmed) = trim_line(text);
            let start = line.span.start + off;
            let span = Span::new(start, start + text[off..].trim_end().len().max(trimmed.len()));
            out.report_with(
                out.severity().min(Severity::Warning),
                span,
                "related-article headline left after a teaser",
            )
            .suggest("", Applicability::Maybe);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::Pack;
    use crate::Diagnostic;

    const PACK: &str = r#"
[[rule]]
id = "below-teaser"
code = "boilerplate"
kind = "phrase"
scope = "line"
phrases = ["read more below"]
message = "teaser"

[[rule]]
id = "comment-prompt"
code = "boilerplate"
kind = "phrase"
scope = "line"
phrases = ["leave a comment", "advertisement"]
message = "prompt"
"#;

    fn run(text: &str) -> Vec<(String, Severity)> {
        let pack = Pack::parse(std::path::Path::new("t.toml"), PACK).unwrap();
        let rule = Boilerplate { matcher: Arc::new(Matcher::new(pack.entries).unwrap()) };
        let mut v: Vec<Diagnostic> = Vec::new();
        rule.check(&Document::new(text), &mut Reporter::new(&META, Severity::Error, &mut v));
        v.sort_by_key(|d| d.span.start);
        v.iter().map(|d| (text[d.span.start..d.span.end].to_owned(), d.severity)).collect()
    }

    #[test]
    fn structure_data_parses() {
        assert!(STRUCTURE.hashtag_line.min_hashtags >= 3);
        assert!(listed(&STRUCTURE.headline.small_words, "Of"));
    }

    #[test]
    fn hashtag_lines() {
        assert_eq!(run("Body.\n\n#One #Two #Three #Four\n")[0].0, "#One #Two #Three #Four");
        assert_eq!(run("Tags: #one #two #three").len(), 1);
        assert!(run("We loved #one and #two and also #three today in town.").is_empty());
        assert!(run("#one #two").is_empty());
    }

    #[test]
    fn headline_after_teaser_at_the_end() {
        let text = "The body ends here.\n\nRead more below!\n\nStar Spills On What Comes Next For The Band\n\n#a #b #c\n\nLeave a Comment\n";
        let found = run(text);
        let texts: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            ["Read more below!", "Star Spills On What Comes Next For The Band", "#a #b #c", "Leave a Comment"]
        );
        assert_eq!(found[1].1, Severity::Warning);
    }

    #[test]
    fn headlines_in_the_body_or_after_other_chrome_pass() {
        let text = "Title Of The Article Here\n\nBody text.\n\nA Heading In The Body\n\nMore text.\n\nLeave a Comment";
        assert_eq!(run(text).len(), 1);
        let text = "Body text.\n\nAdvertisement\n\nA Heading In The Body\n\nMore text.";
        assert_eq!(run(text).len(), 1);
        let text = "Body text.\n\nRead more below\n\nThe article goes on normally after it.\n\nLast Line Title Case";
        assert_eq!(run(text).len(), 1);
    }

    #[test]
    fn a_paragraph_after_the_links_does_not_hide_them() {
        let text = "Body.\n\nRead more below\n\nStar Spills On What Comes Next\n\nThe Band Plans A World Tour\n\nA new paragraph says the budget was met.";
        let found: Vec<String> = run(text).into_iter().map(|(t, _)| t).collect();
        assert_eq!(found, ["Read more below", "Star Spills On What Comes Next", "The Band Plans A World Tour"]);
    }

    #[test]
    fn headline_shape() {
        let doc = Document::new("Will The Band Release A New Album?\nthe band will tour\nWhat Comes Next:\nBig News");
        let shape = |i: usize| is_headline(doc.line_text(i), line_tokens(&doc, i));
        assert!(shape(0));
        assert!(!shape(1));
        assert!(!shape(2));
        assert!(!shape(3));
    }
}

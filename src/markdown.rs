//! Markdown input: which bytes of a `.md` article are prose.
//!
//! Articles kept in static-site and CMS repositories are Markdown. Only their prose may
//! be linted: front matter (YAML `---` / TOML `+++`), fenced and indented code, inline
//! code, link and image targets, autolinks, HTML blocks and comments are not prose.
//! Headings, list items, block quotes and table cells are, each its own paragraph.
//!
//! [`Markdown::parse`] runs pulldown-cmark's offset iterator once and records the prose
//! ranges. It builds a *masked* copy of the text, byte for byte as long as the original,
//! in which every byte outside prose is a space (line breaks stay), so every rule reads
//! prose only while every offset still points into the original file. Rules that scan
//! the whole text see blanks where code was, and [`Markdown::keeps`] drops the findings
//! that touch non-prose bytes, or that consist of blanks the masking made (the
//! indentation of a list item, the spaces of a hard line break).
//!
//! [`crate::Linter::check_markdown`] does all of this; the type is public for tools
//! that run rules on Markdown themselves.
//!
//! ```
//! use copydesk::markdown::Markdown;
//!
//! let md = "---\ntitle: x\n---\n# Heading\n\nProse with `code` and a [link](https://example.com).\n";
//! let parsed = Markdown::parse(md);
//! assert_eq!(parsed.masked().len(), md.len());
//! let paragraphs: Vec<&str> = parsed.paragraph_spans().iter().map(|s| s.slice(md)).collect();
//! assert_eq!(paragraphs, ["Heading", "Prose with `code` and a [link](https://example.com)."]);
//! assert!(!parsed.masked().contains("title") && !parsed.masked().contains("code"));
//! assert!(parsed.masked().contains("Prose with"));
//! ```

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use crate::{Document, Span};

/// The prose of a Markdown text, as a masked copy with paragraph spans.
///
/// ```
/// use copydesk::{markdown::Markdown, Linter};
/// let md = "Run `the the` now.\n\n```\nthe the\n```\n\nThe the end.\n";
/// let parsed = Markdown::parse(md);
/// let linter = Linter::new();
/// let found: Vec<_> = linter.check_document(&parsed.document()).into_iter().filter(|d| parsed.keeps(d.span)).collect();
/// assert_eq!(found.len(), 1);
/// assert_eq!(found[0].span.slice(md), "The the");
/// ```
#[derive(Debug, Clone)]
pub struct Markdown {
    masked: String,
    /// Prose byte ranges, sorted and disjoint.
    prose: Vec<Span>,
    /// Paragraph spans (a heading, a list item's text, a table cell, …), sorted.
    paragraphs: Vec<Span>,
    /// Non-prose that no finding may touch: the visible (non-whitespace) bytes outside
    /// paragraphs, and of code, HTML, link targets and the like inside them. Sorted,
    /// disjoint.
    hard: Vec<Span>,
    /// Spans of HTML comments (`<!-- … -->`), where suppression directives live.
    comments: Vec<Span>,
}

/// What the text of an open link or image is.
#[derive(Clone, Copy)]
struct OpenLink {
    /// Whether the link is an autolink (`<https://…>`, `<a@b.org>`): its text is the target.
    auto: bool,
    /// Where the link's source ends (`[text](target)`: the end of `)`).
    end: usize,
}

impl Markdown {
    /// Parses `text` as CommonMark with tables, footnotes, strikethrough, task lists and
    /// front matter. Linear in the length of `text`.
    ///
    /// ```
    /// let parsed = copydesk::markdown::Markdown::parse("+++\ntitle = \"x\"\n+++\nBody.\n");
    /// assert_eq!(parsed.masked().trim(), "Body.");
    /// ```
    #[must_use]
    pub fn parse(text: &str) -> Markdown {
        let options = Options::ENABLE_TABLES
            | Options::ENABLE_FOOTNOTES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_TASKLISTS
            | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
            | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
        let mut prose: Vec<(Span, u32)> = Vec::new();
        let mut hard_inline: Vec<Span> = Vec::new();
        let mut comments = Vec::new();
        // Blocks whose text is one paragraph; the innermost open one owns a text event.
        let mut blocks: Vec<u32> = Vec::new();
        let mut next_block = 1u32;
        // Inside code, front matter or an HTML block nothing is prose.
        let mut opaque = 0usize;
        let mut links: Vec<OpenLink> = Vec::new();
        let mut last_end = 0usize;
        for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
            let span = Span::new(range.start, range.end);
            match event {
                Event::Start(tag) => match tag {
                    Tag::Paragraph
                    | Tag::Heading { .. }
                    | Tag::TableCell
                    | Tag::Item
                    | Tag::DefinitionListTitle
                    | Tag::DefinitionListDefinition => {
                        blocks.push(next_block);
                        next_block += 1;
                    }
                    Tag::CodeBlock(_) | Tag::MetadataBlock(_) | Tag::HtmlBlock => opaque += 1,
                    Tag::Link { link_type, .. } | Tag::Image { link_type, .. } => {
                        let auto = matches!(link_type, LinkType::Autolink | LinkType::Email);
                        links.push(OpenLink { auto, end: span.end });
                        last_end = span.start;
                        if auto {
                            hard_inline.push(span);
                        }
                    }
                    _ => {}
                },
                Event::End(tag) => match tag {
                    TagEnd::Paragraph
                    | TagEnd::Heading(_)
                    | TagEnd::TableCell
                    | TagEnd::Item
                    | TagEnd::DefinitionListTitle
                    | TagEnd::DefinitionListDefinition => {
                        blocks.pop();
                    }
                    TagEnd::CodeBlock | TagEnd::MetadataBlock(_) | TagEnd::HtmlBlock => {
                        opaque = opaque.saturating_sub(1);
                    }
                    TagEnd::Link | TagEnd::Image => {
                        // The target: from the end of the link text to the end of the link.
                        if let Some(link) = links.pop() {
                            if !link.auto && last_end < link.end {
                                hard_inline.push(Span::new(last_end, link.end));
                            }
                        }
                    }
                    _ => {}
                },
                Event::Text(_) => {
                    last_end = span.end;
                    let in_autolink = links.iter().any(|l| l.auto);
                    if opaque == 0 && !in_autolink && !span.is_empty() {
                        prose.push((span, blocks.last().copied().unwrap_or(0)));
                    }
                }
                Event::Html(_) | Event::InlineHtml(_) => {
                    last_end = span.end;
                    hard_inline.push(span);
                    comments.extend(html_comments(text, span));
                }
                Event::Code(_)
                | Event::InlineMath(_)
                | Event::DisplayMath(_)
                | Event::FootnoteReference(_)
                | Event::TaskListMarker(_)
                | Event::HardBreak => {
                    last_end = span.end;
                    hard_inline.push(span);
                }
                Event::SoftBreak | Event::Rule => last_end = span.end,
            }
        }
        prose.sort_by_key(|(s, _)| s.start);
        // Paragraphs: runs of prose owned by the same block.
        let mut paragraphs: Vec<Span> = Vec::new();
        let mut owner = None;
        for &(s, block) in &prose {
            match paragraphs.last_mut() {
                Some(p) if owner == Some(block) && s.start >= p.end => p.end = s.end,
                _ => {
                    paragraphs.push(s);
                    owner = Some(block);
                }
            }
        }
        let prose: Vec<Span> = merge(prose.into_iter().map(|(s, _)| s).collect());
        let mut bytes = vec![b' '; text.len()];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' || b == b'\r' {
                bytes[i] = b;
            }
        }
        for s in &prose {
            bytes[s.start..s.end].copy_from_slice(&text.as_bytes()[s.start..s.end]);
        }
        let masked = String::from_utf8(bytes).expect("prose ranges lie on char boundaries, the rest is ASCII");
        // Hard: the gaps between paragraphs, and code, HTML and link targets inside them.
        let mut hard = hard_inline;
        let mut at = 0;
        for p in &paragraphs {
            if at < p.start {
                hard.push(Span::new(at, p.start));
            }
            at = at.max(p.end);
        }
        if at < text.len() {
            hard.push(Span::new(at, text.len()));
        }
        hard.sort_unstable();
        // Whitespace is the same in the masked text as in the original, so a finding may
        // cover it (a field's leading indentation): keep only the visible runs as hard.
        let mut visible = Vec::new();
        for h in merge(hard) {
            let mut run: Option<usize> = None;
            for (i, c) in text[h.start..h.end].char_indices() {
                match (c.is_whitespace(), run) {
                    (false, None) => run = Some(h.start + i),
                    (true, Some(r)) => {
                        visible.push(Span::new(r, h.start + i));
                        run = None;
                    }
                    _ => {}
                }
            }
            if let Some(r) = run {
                visible.push(Span::new(r, h.end));
            }
        }
        Markdown { masked, prose, paragraphs, hard: visible, comments }
    }

    /// The text with every non-prose byte replaced by a space (line breaks kept): as
    /// long as the original, identical to it in prose.
    ///
    /// ```
    /// let parsed = copydesk::markdown::Markdown::parse("See `x()` here.");
    /// assert_eq!(parsed.masked(), "See       here.");
    /// ```
    #[must_use]
    pub fn masked(&self) -> &str {
        &self.masked
    }

    /// The paragraph spans: headings, list items, block-quote paragraphs, table cells.
    ///
    /// ```
    /// let md = "- one\n- two\n\n> quoted\n";
    /// let parsed = copydesk::markdown::Markdown::parse(md);
    /// let spans: Vec<&str> = parsed.paragraph_spans().iter().map(|s| s.slice(md)).collect();
    /// assert_eq!(spans, ["one", "two", "quoted"]);
    /// ```
    #[must_use]
    pub fn paragraph_spans(&self) -> &[Span] {
        &self.paragraphs
    }

    /// The spans of HTML comments outside code, where suppression directives live.
    ///
    /// ```
    /// let md = "<!-- a -->\n\n    <!-- indented code -->\n";
    /// let parsed = copydesk::markdown::Markdown::parse(md);
    /// let comments: Vec<&str> = parsed.comments().iter().map(|s| s.slice(md)).collect();
    /// assert_eq!(comments, ["<!-- a -->"]);
    /// ```
    #[must_use]
    pub fn comments(&self) -> &[Span] {
        &self.comments
    }

    /// The [`Document`] rules read: the masked text with the Markdown paragraphs.
    ///
    /// ```
    /// let parsed = copydesk::markdown::Markdown::parse("# Title\nBody `code`\n");
    /// let doc = parsed.document();
    /// assert_eq!(doc.paragraphs().len(), 2);
    /// let words: Vec<&str> = doc.tokens().iter().map(|t| t.text).collect();
    /// assert_eq!(words, ["Title", "Body"]);
    /// ```
    #[must_use]
    pub fn document(&self) -> Document<'_> {
        Document::with_paragraphs(&self.masked, &self.paragraphs)
    }

    /// Whether `span` lies entirely in prose (line breaks count as prose).
    ///
    /// ```
    /// use copydesk::{markdown::Markdown, Span};
    /// let md = "Say *hi*.";
    /// let parsed = Markdown::parse(md);
    /// assert!(parsed.is_prose(Span::new(0, 3)));
    /// assert!(!parsed.is_prose(Span::new(0, 6)), "covers an emphasis mark");
    /// ```
    #[must_use]
    pub fn is_prose(&self, span: Span) -> bool {
        let mut at = span.start;
        let i = self.prose.partition_point(|p| p.end <= at);
        for p in &self.prose[i..] {
            if at >= span.end {
                break;
            }
            let gap = at..p.start.min(span.end).max(at);
            if !self.masked.as_bytes()[gap].iter().all(|&b| b == b'\n' || b == b'\r') {
                return false;
            }
            at = at.max(p.end);
        }
        at >= span.end || self.masked.as_bytes()[at..span.end].iter().all(|&b| b == b'\n' || b == b'\r')
    }

    /// Whether a finding at `span` is about prose and should be kept: it touches no
    /// visible code, HTML, link target, front matter or block markup, and if it is not
    /// all prose (it covers inline markup such as emphasis marks or a link's `[`, or
    /// indentation) it is not made of the blanks masking left there.
    ///
    /// ```
    /// use copydesk::{markdown::Markdown, Span};
    /// let md = "A [link](https://ex.com) here.";
    /// let parsed = Markdown::parse(md);
    /// assert!(parsed.keeps(Span::new(3, 7)), "the link text is prose");
    /// assert!(!parsed.keeps(Span::new(9, 16)), "inside the link target");
    /// ```
    #[must_use]
    pub fn keeps(&self, span: Span) -> bool {
        if span.end > self.masked.len() {
            return false;
        }
        if self.touches_hard(span) {
            return false;
        }
        if span.is_empty() || self.is_prose(span) {
            return true;
        }
        !self.masked[span.start..span.end].trim().is_empty()
    }

    /// Whether `span` shares a byte with a hard region (an empty span: lies inside one).
    fn touches_hard(&self, span: Span) -> bool {
        let i = self.hard.partition_point(|h| h.end <= span.start);
        self.hard.get(i).is_some_and(|h| if span.is_empty() { h.start < span.start } else { h.start < span.end })
    }
}

/// Sorted spans with overlapping or touching ones merged.
fn merge(spans: Vec<Span>) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match out.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

/// The `<!-- … -->` comments inside an HTML event's span.
fn html_comments(text: &str, span: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let body = &text[span.start..span.end];
    let mut from = 0;
    while let Some(open) = body[from..].find("<!--") {
        let start = from + open;
        let Some(close) = body[start + 4..].find("-->") else { break };
        let end = start + 4 + close + 3;
        out.push(Span::new(span.start + start, span.start + end));
        from = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose_of(text: &str) -> Vec<String> {
        let md = Markdown::parse(text);
        md.paragraph_spans().iter().map(|s| md.masked()[s.start..s.end].trim().to_owned()).collect()
    }

    #[test]
    fn front_matter_code_and_html_are_not_prose() {
        let text = "---\ntitle: date 2023-07-19\n---\n\n# Heading\n\nSome `code` here.\n\n```\ntakeover\n```\n\n    indented\n\n<div>\nhtml\n</div>\n";
        let md = Markdown::parse(text);
        assert_eq!(md.masked().len(), text.len());
        assert_eq!(prose_of(text), ["Heading", "Some        here."]);
        for hidden in ["title", "takeover", "indented", "html", "code"] {
            assert!(!md.masked().contains(hidden), "{hidden} leaked into {:?}", md.masked());
        }
    }

    #[test]
    fn link_targets_and_autolinks_are_not_prose() {
        let text = "See [the photo](https://pic.twitter.com/abc \"t\") and <https://x.com/a> or ![alt](i.png).\n";
        let md = Markdown::parse(text);
        let words: Vec<&str> = md.masked().split_whitespace().collect();
        assert_eq!(words, ["See", "the", "photo", "and", "or", "alt", "."]);
        let photo = text.find("the photo").unwrap();
        assert!(md.is_prose(Span::new(photo, photo + 9)));
        let url = text.find("https://pic").unwrap();
        assert!(!md.keeps(Span::new(url, url + 10)));
    }

    #[test]
    fn blocks_are_paragraphs() {
        let text = "# Title\nText under it.\n\n- one\n- two\n\n> quoted\n> on\n\n| a | b |\n|---|---|\n| c | d |\n";
        assert_eq!(prose_of(text), ["Title", "Text under it.", "one", "two", "quoted\n  on", "a", "b", "c", "d"]);
    }

    #[test]
    fn keeps_prose_drops_masking_artefacts() {
        let text = "- item\n  continued here\n\nLeave a **Comment**\n\nline  \nbreak\n";
        let md = Markdown::parse(text);
        let at = |s: &str| text.find(s).unwrap();
        // The indentation of a continuation line: blanks the masking made.
        assert!(!md.keeps(Span::new(at("  continued"), at("  continued") + 2)));
        // A phrase across emphasis marks is still prose.
        assert!(md.keeps(Span::new(at("Leave"), at("Comment") + 7)));
        // The two spaces of a hard break.
        assert!(!md.keeps(Span::new(at("  \nbreak"), at("  \nbreak") + 2)));
        // Blank lines between paragraphs are line breaks only.
        assert!(md.keeps(Span::new(at("\n\nLeave"), at("\n\nLeave") + 2)));
        // A finding may include the indentation before a paragraph, not its markup.
        let text = " date 2023-07-19 Body.\n\n# date 2023-07-19\n";
        let md = Markdown::parse(text);
        assert!(md.keeps(Span::new(0, 16)));
        assert!(!md.keeps(Span::new(23, 40)));
        assert!(md.keeps(Span::new(25, 40)));
    }

    #[test]
    fn finds_comments() {
        let text = "<!-- copydesk-disable x -->\n\nText <!-- inline --> more.\n\n```\n<!-- not -->\n```\n";
        let md = Markdown::parse(text);
        let found: Vec<&str> = md.comments().iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(found, ["<!-- copydesk-disable x -->", "<!-- inline -->"]);
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for t in ["", "\n", "---", "+++\n", "<!--", "`", "[a](", "|", "é`é`é", "\r\n# é\r\n"] {
            let md = Markdown::parse(t);
            assert_eq!(md.masked().len(), t.len());
            let _ = md.document();
        }
    }
}

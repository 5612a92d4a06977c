//! `mojibake`: UTF-8 text that was decoded as Windows-1252 or Latin-1.

use crate::declare_rule;
use crate::normalize::mojibake;
use crate::rule::{Reporter, Rule, RuleMeta};
use crate::Document;

declare_rule! {
    /// ## What it flags
    /// Characters that are the UTF-8 bytes of another character read as Windows-1252
    /// or Latin-1: "Itâ€™s" (It’s), "cafÃ©" (café), "Â£5" (£5), "ðŸ˜€" (😀), and
    /// stray C1 control characters that stand for Windows-1252 punctuation.
    ///
    /// Detection is ftfy's: a run of characters that encode to valid UTF-8 is repaired
    /// only where the text contains a sequence real text does not ("Ã©", "â€"), so
    /// "São Paulo", "Ångström", "naïve" and "Fuß”" are never touched.
    ///
    /// ## Why it matters
    /// Every reader sees the garble, and names with accents become unsearchable.
    /// Severity **error**: the damage is certain and visible. The `auto` fix is the
    /// text as `copydesk normalize` repairs it.
    ///
    /// ## Example
    /// `Itâ€™s a cafÃ©` → `It’s a café`
    pub struct Mojibake;
    META = "mojibake", Unicode, Error, "UTF-8 decoded as Windows-1252 (\u{e2}\u{20ac}\u{2122})";
}

impl Mojibake {
    /// The rule (it holds no data).
    ///
    /// ```
    /// use copydesk::rules::unicode::mojibake::Mojibake;
    /// use copydesk::{Document, Reporter, Rule};
    /// let rule = Mojibake::new();
    /// let text = "The cafÃ© on the corner reopened.";
    /// let mut found = Vec::new();
    /// rule.check(&Document::new(text), &mut Reporter::new(rule.meta(), rule.meta().default_severity, &mut found));
    /// assert_eq!(found[0].span.slice(text), "Ã©");
    /// assert_eq!(found[0].suggestions[0].replacement, "é");
    /// ```
    #[must_use]
    pub fn new() -> Self {
        Mojibake
    }
}

impl Default for Mojibake {
    fn default() -> Self {
        Self::new()
    }
}

impl Rule for Mojibake {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, out: &mut Reporter<'_>) {
        let text = doc.text();
        // Cheap screen: pure ASCII cannot be mojibake.
        if text.is_ascii() {
            return;
        }
        super::report_edits(text, out, mojibake::edits, |bad, e| match bad.chars().next() {
            Some(c @ '\u{80}'..='\u{9f}') => {
                format!("control character U+{:04X} stands for Windows-1252 “{}”", c as u32, e.replacement)
            }
            _ => format!("mojibake: “{bad}” is “{}” decoded with the wrong encoding", e.replacement),
        });
    }
}

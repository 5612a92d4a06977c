//! `orphan-modifier`: an emoji modifier or combining mark whose base was lost.

use crate::declare_rule;
use crate::normalize::orphans;
use crate::rule::{Reporter, Rule, RuleMeta};
use crate::Document;

declare_rule! {
    /// ## What it flags
    /// An emoji skin-tone modifier (U+1F3FB–U+1F3FF) or a combining mark with nothing to
    /// modify: at the start of a line, after a space, or (for a skin tone) after a
    /// character that takes no skin tone ("💋🏼"). Found with extended grapheme clusters
    /// (UAX #29), so "👍🏼", "é" written as e + U+0301 and Indic vowel signs are fine.
    ///
    /// ## Why it matters
    /// When a scraper drops an image or splits an emoji sequence, the modifier is left
    /// behind and shows as a colour swatch or a floating accent. Severity **warning**:
    /// visible debris, though a swatch on its own is occasionally deliberate. The `auto`
    /// fix deletes it, as `copydesk normalize` does.
    ///
    /// ## Example
    /// `@fan @fan 🏼` → `@fan @fan ` (the skin tone lost its emoji)
    pub struct OrphanModifier;
    META = "orphan-modifier", Unicode, Warning, "an emoji modifier or combining mark with no base";
}

impl OrphanModifier {
    /// The rule (it holds no data).
    ///
    /// ```
    /// use copydesk::rules::unicode::orphan_modifier::OrphanModifier;
    /// use copydesk::{Document, Reporter, Rule};
    /// let rule = OrphanModifier::new();
    /// let text = "A kiss 💋🏼 sent. A wave 👋🏼 back.";
    /// let mut found = Vec::new();
    /// rule.check(&Document::new(text), &mut Reporter::new(rule.meta(), rule.meta().default_severity, &mut found));
    /// assert_eq!(found.len(), 1, "💋 takes no skin tone; 👋 does");
    /// assert_eq!(found[0].span.slice(text), "🏼");
    /// ```
    #[must_use]
    pub fn new() -> Self {
        OrphanModifier
    }
}

impl Default for OrphanModifier {
    fn default() -> Self {
        Self::new()
    }
}

impl Rule for OrphanModifier {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, out: &mut Reporter<'_>) {
        let text = doc.text();
        // Cheap screen: ASCII has no modifiers.
        if text.is_ascii() {
            return;
        }
        super::report_edits(text, out, orphans::edits, |orphan, _| {
            let first = orphan.chars().next().map_or(0, |c| c as u32);
            let what = if (0x1F3FB..=0x1F3FF).contains(&first) { "emoji skin-tone modifier" } else { "combining mark" };
            format!("{what} U+{first:04X} with no character to modify")
        });
    }
}

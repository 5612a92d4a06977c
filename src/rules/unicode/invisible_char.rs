//! `invisible-char`: zero-width, bidi and control characters in the text.

use crate::declare_rule;
use crate::normalize::invisible;
use crate::rule::{Reporter, Rule, RuleMeta};
use crate::Document;

declare_rule! {
    /// ## What it flags
    /// Characters that show nothing: zero-width spaces and joiners where the script does
    /// not need them, soft hyphens, byte-order marks, bidi controls, and control
    /// characters other than tab and line breaks. A run of them is one finding.
    ///
    /// Not flagged: a zero-width joiner inside an emoji sequence ("👩‍💻") or next to
    /// Arabic or Indic letters, a zero-width non-joiner in Persian or Indic text, a
    /// zero-width space between Thai, Lao, Khmer or Myanmar letters (word breaks), and
    /// the no-break space U+00A0, which shows as a space and is often deliberate (it is
    /// the `spaces` step of `copydesk normalize`, not a finding).
    ///
    /// ## Why it matters
    /// Invisible characters split words for search and matching ("John" with a
    /// zero-width space inside does not match "John"), break word counts and
    /// copy-paste, and survive into every republication. Severity **warning**: certain debris, but invisible to readers.
    /// The `auto` fix deletes them, as `copydesk normalize` does.
    ///
    /// ## Example
    /// `Pop⟨U+200B⟩star` (a ZERO WIDTH SPACE inside the word) → `Popstar`
    pub struct InvisibleChar;
    META = "invisible-char", Unicode, Warning, "zero-width, bidi or control characters";
}

impl InvisibleChar {
    /// The rule (it holds no data).
    ///
    /// ```
    /// use copydesk::rules::unicode::invisible_char::InvisibleChar;
    /// use copydesk::{Document, Reporter, Rule};
    /// let rule = InvisibleChar::new();
    /// let text = "Pop\u{200b}star of the year.";
    /// let mut found = Vec::new();
    /// rule.check(&Document::new(text), &mut Reporter::new(rule.meta(), rule.meta().default_severity, &mut found));
    /// assert_eq!(found[0].message, "invisible character U+200B ZERO WIDTH SPACE");
    /// assert_eq!(copydesk::fix::apply(text, &found).unwrap().text, "Popstar of the year.");
    /// ```
    #[must_use]
    pub fn new() -> Self {
        InvisibleChar
    }
}

impl Default for InvisibleChar {
    fn default() -> Self {
        Self::new()
    }
}

impl Rule for InvisibleChar {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, out: &mut Reporter<'_>) {
        let text = doc.text();
        // Exact screen: most texts hold no invisible character at all, and finding that
        // out needs no decoding and no edit list.
        if !has_invisible(text) {
            return;
        }
        super::report_edits(text, out, invisible::edits, |hidden, _| {
            let mut chars = hidden.chars();
            let first = chars.next().map_or_else(String::new, invisible::describe);
            match chars.count() {
                0 => format!("invisible character {first}"),
                rest => format!("{} invisible characters, starting with {first}", rest + 1),
            }
        });
    }
}

/// Whether `text` holds a character that [`invisible::edits`] may remove (one for which
/// [`invisible::is_invisible`] holds); if not, it has nothing to report.
///
/// In blocks of 64 bytes, with tests the compiler vectorises: a block of printable ASCII,
/// nearly all of an English article, needs nothing more. Elsewhere, sixteen bytes at a
/// time, only the bytes that can start an invisible character are decoded: controls
/// other than tab and line breaks, DEL, and the lead bytes `0xC2` (C1 controls, soft
/// hyphen), `0xD8` (U+061C), `0xE2` (zero-width, bidi and word-joiner characters) and
/// `0xEF` (U+FEFF, U+FFF9–U+FFFB).
fn has_invisible(text: &str) -> bool {
    let bytes = text.as_bytes();
    let suspect_at = |at: usize| is_lead(bytes[at]) && text[at..].chars().next().is_some_and(invisible::is_invisible);
    let mut start = 0;
    for block in bytes.chunks_exact(64) {
        if block.iter().fold(false, |acc, &b| acc | !(0x20..0x7f).contains(&b)) {
            for (k, part) in block.chunks_exact(16).enumerate() {
                let from = start + 16 * k;
                if part.iter().fold(false, |acc, &b| acc | is_lead(b)) && (from..from + 16).any(suspect_at) {
                    return true;
                }
            }
        }
        start += 64;
    }
    (start..bytes.len()).any(suspect_at)
}

/// Whether `b` may start an invisible character: written with bitwise operators, not
/// `matches!`, so that a fold over a block compiles to vector comparisons.
fn is_lead(b: u8) -> bool {
    (b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r')
        | (b == 0x7f)
        | (b == 0xC2)
        | (b == 0xD8)
        | (b == 0xE2)
        | (b == 0xEF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn screen_agrees_with_the_edits() {
        let mut samples: Vec<String> = [
            "plain ASCII text\n\nwith paragraphs\tand tabs\r\n",
            "£5 — “quoted” ’s … é",
            "Pop\u{200b}star",
            "👩\u{200d}💻",
            "\u{feff}BOM at the start",
            "soft\u{ad}hyphen and \u{7f} and \u{1}",
            "\u{85} C1 and \u{61c} and \u{2066}x\u{2069}",
            "ไทย\u{200b}ไทย",
            "",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        // Every block boundary position for a three-byte invisible character.
        for pad in 0..70 {
            samples.push(format!("{}\u{200b}{}", "a".repeat(pad), "b".repeat(pad)));
            samples.push(format!("{}\u{2019}{}", "a".repeat(pad), "b".repeat(pad)));
        }
        for text in &samples {
            let has = text.chars().any(invisible::is_invisible);
            assert_eq!(has_invisible(text), has, "{text:?}");
            let mut edits = Vec::new();
            invisible::edits(text, &mut edits);
            assert!(has || edits.is_empty(), "{text:?}");
        }
    }
}

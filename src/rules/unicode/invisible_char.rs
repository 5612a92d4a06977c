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
        // Cheap screen: no byte that could start an invisible character.
        if !invisible::may_contain(text) {
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

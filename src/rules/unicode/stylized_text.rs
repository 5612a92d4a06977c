//! `stylized-text`: letters written with stylized look-alike characters.

use unicode_normalization::{is_nfkc_quick, IsNormalized};

use crate::declare_rule;
use crate::normalize::unicode_form::normalize_str;
use crate::normalize::{next_non_ascii, Form};
use crate::rule::{Reporter, Rule, RuleMeta};
use crate::{Applicability, Document, Span};

declare_rule! {
    /// ## What it flags
    /// A run of two or more characters that Unicode compatibility normalisation (NFKC)
    /// folds to plain ASCII letters: mathematical bold or italic letters ("𝐛𝐨𝐥𝐝"),
    /// superscript and modifier letters ("ᵇʸ"), fullwidth letters ("ｈｉ"), circled or
    /// script letters. Social posts use them for styling; embedded posts bring them into
    /// articles.
    ///
    /// Not flagged: a single such character (an ordinal "º", a ligature "ﬁ", an IPA
    /// modifier after a letter), superscript digits ("m²"), and letters of other
    /// scripts.
    ///
    /// ## Why it matters
    /// Screen readers spell stylized letters out one by one, search engines and
    /// copydesk's own word rules do not see the word, and the styling rarely survives
    /// republication. Severity **warning**: visible and almost always debris, but a
    /// person may want the styling. The `auto` fix is the NFKC form, exactly what
    /// `copydesk normalize --form nfkc` writes.
    ///
    /// ## Example
    /// `Harbour Gazette ᵇʸ ᵐᵛ` → `Harbour Gazette by mv`
    pub struct StylizedText;
    META = "stylized-text", Unicode, Warning, "stylized look-alike letters (𝐛𝐨𝐥𝐝, ᵇʸ)";
}

impl StylizedText {
    /// The rule (it holds no data).
    ///
    /// ```
    /// use copydesk::rules::unicode::stylized_text::StylizedText;
    /// use copydesk::{Document, Reporter, Rule};
    /// let rule = StylizedText::new();
    /// let text = "The 𝐛𝐨𝐥𝐝 claim was made.";
    /// let mut found = Vec::new();
    /// rule.check(&Document::new(text), &mut Reporter::new(rule.meta(), rule.meta().default_severity, &mut found));
    /// assert_eq!(found[0].span.slice(text), "𝐛𝐨𝐥𝐝");
    /// assert_eq!(found[0].suggestions[0].replacement, "bold");
    /// ```
    #[must_use]
    pub fn new() -> Self {
        StylizedText
    }
}

impl Default for StylizedText {
    fn default() -> Self {
        Self::new()
    }
}

/// Whether NFKC folds `c` (not itself ASCII) to one or more ASCII letters.
fn folds_to_ascii_letters(c: char) -> bool {
    if c.is_ascii() || is_nfkc_quick(std::iter::once(c)) == IsNormalized::Yes {
        return false;
    }
    let mut buf = [0u8; 4];
    let folded = normalize_str(c.encode_utf8(&mut buf), Form::Nfkc);
    !folded.is_empty() && folded.bytes().all(|b| b.is_ascii_alphabetic())
}

impl Rule for StylizedText {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, out: &mut Reporter<'_>) {
        let text = doc.text();
        // Cheap screen: ASCII has no stylized letters.
        if text.is_ascii() {
            return;
        }
        let mut run: Option<(usize, usize)> = None;
        let flush = |run: Option<(usize, usize)>, end: usize, out: &mut Reporter<'_>| {
            let Some((start, count)) = run else { return };
            // One stylized character is as likely an ordinal or a ligature as styling.
            if count < 2 {
                return;
            }
            let span = Span::new(start, end);
            let plain = normalize_str(span.slice(text), Form::Nfkc);
            out.report(span, format!("stylized letters “{}” for “{plain}”", span.slice(text)))
                .suggest(plain, Applicability::Auto);
        };
        let mut last_end = 0;
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // ASCII ends a run and never starts one: skip it a block at a time.
            if bytes[i].is_ascii() {
                if run.is_some() {
                    flush(run.take(), last_end, out);
                }
                i = next_non_ascii(bytes, i);
                continue;
            }
            let c = text[i..].chars().next().expect("i is on a char boundary");
            if folds_to_ascii_letters(c) {
                run = Some(run.map_or((i, 1), |(s, n)| (s, n + 1)));
                last_end = i + c.len_utf8();
            } else if run.is_some() {
                flush(run.take(), last_end, out);
            }
            i += c.len_utf8();
        }
        flush(run, last_end, out);
    }
}

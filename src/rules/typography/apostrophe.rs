//! `apostrophe`: a character that is not an apostrophe used as one.

use crate::declare_rule;
use crate::rule::{Reporter, Rule, RuleMeta};
use crate::{Applicability, Document, Span};

declare_rule! {
    /// ## What it flags
    /// A wrong character used as an apostrophe inside or at the end of a word: the
    /// opening quote ‘ (U+2018), the grave accent \`, the acute accent ´ and the prime ′:
    /// "BTS‘s", "don\`t", "it´s", "the players‘ union".
    ///
    /// ## Why it matters
    /// Auto-curling software and scrapers that map characters badly put opening quotes
    /// and accents where an apostrophe belongs. Readers see a visibly wrong mark; search
    /// and name matching miss the word. Severity **error**: the character is certainly
    /// wrong and visible.
    ///
    /// The suggestion is the document's prevailing apostrophe (’ or '), so a fix keeps
    /// the article consistent. Not flagged: quotation marks that open a quotation
    /// (‘Nightfall’), primes after digits (5′), backticks that are not inside a word, and
    /// the ʻokina and modifier-letter apostrophe, which are letters in some languages.
    ///
    /// ## Example
    /// `the council‘s budget was released` → `the council’s budget was released`
    pub struct Apostrophe;
    META = "apostrophe", Typography, Error, "a quote mark or accent used as an apostrophe";
}

impl Apostrophe {
    /// The rule (it holds no data).
    ///
    /// ```
    /// use copydesk::rules::typography::apostrophe::Apostrophe;
    /// use copydesk::{Document, Reporter, Rule};
    /// let rule = Apostrophe::new();
    /// let text = "Fans say they don`t mind.";
    /// let mut found = Vec::new();
    /// rule.check(&Document::new(text), &mut Reporter::new(rule.meta(), rule.meta().default_severity, &mut found));
    /// assert_eq!(found[0].span.slice(text), "`");
    /// assert_eq!(found[0].suggestions[0].replacement, "’");
    /// ```
    #[must_use]
    pub fn new() -> Self {
        Apostrophe
    }
}

impl Default for Apostrophe {
    fn default() -> Self {
        Self::new()
    }
}

/// The apostrophe most used between letters in `text`: ’ or '.
///
/// ```
/// use copydesk::rules::typography::apostrophe::prevailing_apostrophe;
/// assert_eq!(prevailing_apostrophe("It’s here, isn’t it? Don't."), '’');
/// assert_eq!(prevailing_apostrophe("It's here, isn't it?"), '\'');
/// ```
#[must_use]
pub fn prevailing_apostrophe(text: &str) -> char {
    let (mut curly, mut straight) = (0usize, 0usize);
    let mut prev_letter = false;
    let mut pending: Option<char> = None;
    for c in text.chars() {
        if let Some(p) = pending.take() {
            if c.is_alphabetic() {
                if p == '’' {
                    curly += 1;
                } else {
                    straight += 1;
                }
            }
        }
        if prev_letter && (c == '’' || c == '\'') {
            pending = Some(c);
        }
        prev_letter = c.is_alphabetic();
    }
    if straight > curly {
        '\''
    } else {
        '’'
    }
}

impl Rule for Apostrophe {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, out: &mut Reporter<'_>) {
        let text = doc.text();
        let mut prevailing = None;
        // Every suspect starts with one of these bytes (` and the leads of ´, ‘ and ′),
        // none of which continues a character: the text between them is skipped
        // unread, and most articles contain no suspect at all.
        for i in memchr::memchr3_iter(b'`', 0xC2, 0xE2, text.as_bytes()) {
            let Some(c) = text[i..].chars().next().filter(|c| matches!(c, '‘' | '`' | '´' | '′')) else {
                continue;
            };
            let before = text[..i].chars().next_back();
            let next = text[i + c.len_utf8()..].chars().next();
            // It must follow a letter: after a space it opens a quotation.
            let Some(b) = before.filter(|b| b.is_alphabetic()) else { continue };
            let inside = next.is_some_and(char::is_alphabetic);
            // Inside a word ("don`t", "BTS‘s") or ending one ("players‘ union").
            let ends_word =
                next.is_none_or(|n| n.is_whitespace() || matches!(n, ',' | '.' | ';' | ':' | '!' | '?' | ')'));
            if !inside && !ends_word {
                continue;
            }
            // A backtick ending a word is more often code or markup than an apostrophe.
            if c == '`' && !inside {
                continue;
            }
            // A prime after a letter at word end is a mathematical prime (f′).
            if c == '′' && !inside {
                continue;
            }
            // A word-final ‘ only counts after s (plural possessive): elsewhere it may be a
            // mis-curled closing quote, which `unbalanced-quote` reports.
            if c == '‘' && !inside && !matches!(b, 's' | 'S') {
                continue;
            }
            let apostrophe = *prevailing.get_or_insert_with(|| prevailing_apostrophe(text));
            let span = Span::new(i, i + c.len_utf8());
            let word_start = text[..i]
                .rfind(|ch: char| !ch.is_alphanumeric())
                .map_or(0, |p| p + text[p..].chars().next().map_or(1, char::len_utf8));
            let word_end = text[i + c.len_utf8()..]
                .find(|ch: char| !ch.is_alphanumeric())
                .map_or(text.len(), |p| p + i + c.len_utf8());
            let word = &text[word_start..word_end];
            out.report(span, format!("`{c}` used as an apostrophe in “{word}”"))
                .suggest(apostrophe.to_string(), Applicability::Auto);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Diagnostic, Severity};

    fn run(text: &str) -> Vec<Diagnostic> {
        let mut v = Vec::new();
        Apostrophe.check(&Document::new(text), &mut Reporter::new(&META, Severity::Error, &mut v));
        v
    }

    #[test]
    fn flags_wrong_apostrophes() {
        let d = run("BBC‘s editor isn’t here");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].span, Span::new(3, 6));
        assert_eq!(d[0].suggestions[0].replacement, "’");
        assert_eq!(run("don`t stop, it´s fine").len(), 2);
        assert_eq!(run("it´s, isn't it").first().unwrap().suggestions[0].replacement, "'");
        assert_eq!(run("the players‘ union").len(), 1);
    }

    #[test]
    fn suspects_next_to_other_non_ascii_characters() {
        // The byte screen must still see each character whole, with its neighbours.
        let d = run("Café´s “menu” and Zoë‘s");
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].span, Span::new(5, 7));
        assert!(d[1].message.contains("Zoë‘s"));
        assert!(run("’‘`´′").is_empty());
        assert!(run("it‘ x").is_empty(), "‘ ending a word after t, not s");
        assert_eq!(run("it´").len(), 1);
    }

    #[test]
    fn passes_quotes_primes_and_code() {
        for ok in
            ["He said ‘Nightfall’ twice", "a `code` span", "5′ tall", "f′ is the derivative", "Hawaiʻi", "word‘ quote"]
        {
            assert!(run(ok).is_empty(), "{ok}");
        }
    }
}

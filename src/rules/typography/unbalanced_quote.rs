//! `unbalanced-quote`: a quotation that never closes, or closes with the wrong mark.

use crate::declare_rule;
use crate::rule::{Reporter, Rule, RuleMeta};
use crate::{Applicability, Document, Span};

declare_rule! {
    /// ## What it flags
    /// - a quotation opened in a paragraph that never closes there, when the next
    ///   paragraph does not continue it: `… from a “third person perspective.`
    /// - a quotation closed by the wrong mark: `‘This is it,'` (curly open, straight
    ///   close), `“Nightfall"`, `"Nightfall”`;
    /// - a closing curly quote with no opening one: `he said.” Then`.
    ///
    /// ## Why it matters
    /// Scrapers drop or mangle quote marks when they strip markup, and readers can no
    /// longer tell where a quotation ends. Severity **warning**: apostrophes and quotes
    /// share characters, so a person should confirm.
    ///
    /// Apostrophes are not quotes: "rock 'n' roll", "'90s", "Jones' car", "don’t",
    /// "’em". A quotation that runs on into the next paragraph leaves its paragraph
    /// unclosed and reopens the next one; by long-standing convention that is correct
    /// and not flagged. Nested quotations of the same kind (“…“Nightfall”…”) balance.
    ///
    /// ## Example
    /// `I thought, ‘This is it,'” he told the outlet.` → `I thought, ‘This is it,’” he told the outlet.`
    pub struct UnbalancedQuote;
    META = "unbalanced-quote", Typography, Warning, "a quotation that never closes or closes with the wrong mark";
}

impl UnbalancedQuote {
    /// The rule (it holds no data).
    ///
    /// ```
    /// use copydesk::rules::typography::unbalanced_quote::UnbalancedQuote;
    /// use copydesk::{Document, Reporter, Rule};
    /// let rule = UnbalancedQuote::new();
    /// let text = "The singer called it “Nightfall\" on stage.";
    /// let mut found = Vec::new();
    /// rule.check(&Document::new(text), &mut Reporter::new(rule.meta(), rule.meta().default_severity, &mut found));
    /// assert_eq!(found[0].span.slice(text), "“Nightfall\"");
    /// assert_eq!(found[0].suggestions[0].replacement, "“Nightfall”");
    /// ```
    #[must_use]
    pub fn new() -> Self {
        UnbalancedQuote
    }
}

impl Default for UnbalancedQuote {
    fn default() -> Self {
        Self::new()
    }
}

/// Words that begin with an elided letter, whose leading ' or ‘ is an apostrophe.
const ELISIONS: &[&str] =
    &["n", "em", "til", "cause", "cos", "tis", "twas", "bout", "round", "allo", "ere", "neath", "ow", "im", "er"];

/// The quote mark starting at byte `at` of `text`, if any: `"`, `'`, or one of the curly
/// marks `“ ” ‘ ’ „`, all three bytes `E2 80 xx` in UTF-8.
fn quote_at(text: &str, at: usize) -> Option<char> {
    match text.as_bytes()[at..] {
        [b'"', ..] => Some('"'),
        [b'\'', ..] => Some('\''),
        [0xE2, 0x80, 0x9C, ..] => Some('“'),
        [0xE2, 0x80, 0x9D, ..] => Some('”'),
        [0xE2, 0x80, 0x98, ..] => Some('‘'),
        [0xE2, 0x80, 0x99, ..] => Some('’'),
        [0xE2, 0x80, 0x9E, ..] => Some('„'),
        _ => None,
    }
}

/// An open quotation: where it opened and with which mark.
#[derive(Clone, Copy)]
struct Open {
    at: usize,
    mark: char,
}

impl Rule for UnbalancedQuote {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, out: &mut Reporter<'_>) {
        let text = doc.text();
        let paragraphs = doc.paragraphs();
        for (pi, para) in paragraphs.iter().enumerate() {
            let body = doc.slice(para.span);
            let mut double: Vec<Open> = Vec::new();
            let mut single: Vec<Open> = Vec::new();
            // Only quote marks matter, and only the characters either side of each: jump
            // from mark to mark instead of decoding every character.
            for rel in memchr::memchr3_iter(b'"', b'\'', 0xE2, body.as_bytes()) {
                let Some(c) = quote_at(body, rel) else { continue };
                let at = para.span.start + rel;
                let before = body[..rel].chars().next_back();
                let next = body[rel + c.len_utf8()..].chars().next();
                let letter_before = before.is_some_and(char::is_alphanumeric);
                // Where a quotation may open: after space, an opening bracket, a dash or
                // another opening quote. Anything else before a mark makes it a closer.
                let space_before =
                    before.is_none_or(|b| b.is_whitespace() || matches!(b, '(' | '[' | '—' | '–' | '“' | '"' | '‘'));
                let letter_after = next.is_some_and(char::is_alphanumeric);
                match c {
                    '“' | '„' => double.push(Open { at, mark: c }),
                    '”' => match double.pop() {
                        Some(o) if o.mark == '"' => wrong_mark(out, text, o, at, c, '"'),
                        Some(_) => {}
                        None => {
                            out.report(Span::new(at, at + c.len_utf8()), "closing quote `”` with no opening quote");
                        }
                    },
                    '"' => {
                        // An inch mark (12" vinyl, 5'10") unless it closes an open quotation.
                        if before.is_some_and(|b| b.is_ascii_digit())
                            && !letter_after
                            && double.last().is_none_or(|o| o.mark != '"')
                        {
                            continue;
                        }
                        let opens = space_before && next.is_some_and(|n| !n.is_whitespace());
                        let closes = !space_before && !letter_after;
                        match double.last().copied() {
                            // A new quotation opening right after a sentence while one is
                            // open: paragraphs of a running quotation joined on one line
                            // ("… yet. "We want …"), as the convention leaves them.
                            Some(o) if o.mark == '"' && opens && sentence_before(body, rel) => {
                                double.pop();
                                double.push(Open { at, mark: c });
                            }
                            Some(o) if o.mark == '"' => {
                                double.pop();
                            }
                            Some(o) if closes => {
                                double.pop();
                                wrong_mark(out, text, o, at, c, '”');
                            }
                            // A closing-looking mark with nothing open is ambiguous.
                            None if closes => {}
                            _ => double.push(Open { at, mark: c }),
                        }
                    }
                    '‘' => {
                        // After a letter it is a (wrong) apostrophe: `apostrophe` reports it.
                        if letter_before
                            || next.is_some_and(|n| n.is_ascii_digit())
                            || elision_follows(body, rel + c.len_utf8())
                        {
                            continue;
                        }
                        single.push(Open { at, mark: c });
                    }
                    '’' => {
                        if letter_before && letter_after {
                            continue; // don’t
                        }
                        match single.last().copied() {
                            Some(o) if o.mark == '‘' && !letter_after => {
                                single.pop();
                            }
                            Some(o) if o.mark == '\'' && !letter_after && !space_before => {
                                single.pop();
                                wrong_mark(out, text, o, at, c, '\'');
                            }
                            _ => {} // Jones’ car, ’90s
                        }
                    }
                    '\'' => {
                        if letter_before && letter_after {
                            continue; // don't
                        }
                        if space_before && letter_after {
                            if next.is_some_and(|n| n.is_ascii_digit()) || elision_follows(body, rel + 1) {
                                continue;
                            }
                            single.push(Open { at, mark: c });
                            continue;
                        }
                        // A closing-looking mark: after a letter or punctuation, before a non-letter.
                        if space_before || letter_after {
                            continue;
                        }
                        match single.last().copied() {
                            Some(o) if o.mark == '\'' => {
                                single.pop();
                            }
                            // Only after punctuation is a straight mark certainly closing a ‘
                            // quotation; after a letter it may be a plural possessive.
                            Some(o) if o.mark == '‘' && !letter_before => {
                                single.pop();
                                wrong_mark(out, text, o, at, c, '’');
                            }
                            _ => {}
                        }
                    }
                    _ => {}
                }
            }
            if double.is_empty() && single.is_empty() {
                continue;
            }
            let next_opens = paragraphs.get(pi + 1).map(|p| doc.slice(p.span).trim_start().chars().next());
            let next_opens_double = matches!(next_opens, Some(Some('“' | '"' | '„')));
            let next_opens_single = matches!(next_opens, Some(Some('‘' | '\'')));
            for (stack, runs_on, kind) in
                [(&double, next_opens_double, "quotation"), (&single, next_opens_single, "single-quoted passage")]
            {
                // Unclosed at the paragraph's end: fine when the next paragraph reopens it.
                let Some(first) = stack.first() else { continue };
                if runs_on {
                    continue;
                }
                // A lone straight ' before a word is as often an elision ('bot nets, 'burbs)
                // as an opening quote; without a closing mark in sight, leave it.
                if first.mark == '\'' {
                    continue;
                }
                let end = sentence_end(text, first.at, para.span.end);
                out.report(Span::new(first.at, end), format!("{kind} opened with `{}` is never closed", first.mark));
            }
        }
    }
}

/// Reports a quotation opened with `open.mark` and closed at `at` with `close`,
/// suggesting the whole quotation with the right closing mark.
fn wrong_mark(out: &mut Reporter<'_>, text: &str, open: Open, at: usize, close: char, right: char) {
    let span = Span::new(open.at, at + close.len_utf8());
    let fixed = format!("{}{}", &text[open.at..at], right);
    out.report(span, format!("quotation opened with `{}` is closed with `{close}`", open.mark))
        .suggest(fixed, Applicability::Auto);
}

/// Whether the text before byte `at` of `body` ends a sentence (punctuation, then space).
fn sentence_before(body: &str, at: usize) -> bool {
    let before = body[..at].trim_end();
    before.len() < at && before.ends_with(['.', '!', '?', ',', ':', ';', '…'])
}

/// Whether the text at `from` is one of the elided words ('n', 'em, 'til…).
fn elision_follows(body: &str, from: usize) -> bool {
    let rest = &body[from..];
    let word_len = rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len());
    let word = &rest[..word_len];
    ELISIONS.iter().any(|e| e.eq_ignore_ascii_case(word))
}

/// End of the sentence that starts at `from`, at most `limit`.
fn sentence_end(text: &str, from: usize, limit: usize) -> usize {
    let slice = &text[from..limit];
    for (i, c) in slice.char_indices() {
        let after = i + c.len_utf8();
        if matches!(c, '.' | '!' | '?' | '…') && slice[after..].chars().next().is_none_or(char::is_whitespace) {
            return from + after;
        }
    }
    limit
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Diagnostic, Severity};

    fn run(text: &str) -> Vec<Diagnostic> {
        let mut v = Vec::new();
        UnbalancedQuote.check(&Document::new(text), &mut Reporter::new(&META, Severity::Warning, &mut v));
        v
    }

    fn spans(text: &str) -> Vec<&str> {
        run(text).into_iter().map(|d| &text[d.span.start..d.span.end]).collect::<Vec<_>>().leak().to_vec()
    }

    #[test]
    fn flags_unclosed_quotation() {
        assert_eq!(
            spans("He saw it from a “third person perspective.\n\nI want more."),
            ["“third person perspective."]
        );
        assert_eq!(spans("She said \"no way. Then left."), ["\"no way."]);
    }

    #[test]
    fn flags_wrong_closing_mark() {
        let t = "“Upon hearing ‘Nightfall,’ I thought, ‘This is it,'” he told the outlet.";
        let d = run(t);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(&t[d[0].span.start..d[0].span.end], "‘This is it,'");
        assert_eq!(d[0].suggestions[0].replacement, "‘This is it,’");
        assert_eq!(spans("He said “Nightfall\" twice."), ["“Nightfall\""]);
    }

    #[test]
    fn flags_stray_closer() {
        assert_eq!(spans("he said.” Then"), ["”"]);
    }

    #[test]
    fn passes_apostrophes_and_running_quotes() {
        for ok in [
            "rock 'n' roll in the '90s and Jones' car, don’t",
            "rock ‘n’ roll and ’em",
            "“I went home.\n\n“Then I slept,” she said.",
            "\"We left.\n\n\"Then we came back,\" he said.",
            "“I only have one goal. “Nightfall” wasn’t planned. I said, ‘Oh, I have to do this one.’ That’s all.”",
            "The players' union said 'no' to the 12\" record.",
            "She said 'yes'.",
        ] {
            assert!(run(ok).is_empty(), "{ok}: {:?}", run(ok));
        }
    }
}

//! [`Step::Invisible`](super::Step::Invisible): characters that show nothing and break
//! search, matching and word counts.
//!
//! Removed: C0 controls except `\t`, `\n` and `\r` (line endings are their own step);
//! DEL; C1 controls (what the mojibake step could not read as Windows-1252); the soft
//! hyphen; the byte-order mark / zero-width no-break space U+FEFF; the word joiner and
//! invisible operators U+2060–U+2064; bidi controls (U+061C, U+200E, U+200F,
//! U+202A–U+202E, U+2066–U+2069); interlinear annotation marks U+FFF9–U+FFFB.
//!
//! Zero-width characters are removed only where the script does not need them:
//! - U+200B ZERO WIDTH SPACE is kept between two letters of a script written without
//!   spaces (Thai, Lao, Khmer, Myanmar, Tibetan, Javanese, Balinese), where it marks
//!   word breaks;
//! - U+200C ZERO WIDTH NON-JOINER and U+200D ZERO WIDTH JOINER are kept next to a
//!   letter or mark of a script that shapes with them (Arabic, Syriac, N'Ko, the Indic
//!   scripts, Sinhala, Myanmar, Khmer, Mongolian);
//! - U+200D is also kept between two emoji, where it builds sequences such as
//!   "👩‍💻".
//!
//! U+00A0 NO-BREAK SPACE is not invisible: it shows as a space (the spaces step
//! handles it).

use unicode_properties::UnicodeEmoji;

use super::Edit;

/// Whether `c` is always removed, wherever it stands.
fn always_invisible(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{ad}' | '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}' | '\u{fff9}'..='\u{fffb}')
}

/// Whether `c` is a zero-width character kept only where its script needs it.
fn zero_width(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200d}')
}

/// Whether `c` may be removed by this step.
///
/// ```
/// use copydesk::normalize::invisible::is_invisible;
/// assert!(is_invisible('\u{200b}') && is_invisible('\u{ad}') && is_invisible('\u{feff}'));
/// assert!(!is_invisible('\u{a0}') && !is_invisible('\t'));
/// ```
#[must_use]
pub fn is_invisible(c: char) -> bool {
    always_invisible(c) || zero_width(c)
}

/// Scripts written without spaces, where U+200B marks word breaks.
fn spaceless_script(c: char) -> bool {
    matches!(c,
        '\u{0e00}'..='\u{0eff}'      // Thai, Lao
        | '\u{0f00}'..='\u{0fff}'    // Tibetan
        | '\u{1000}'..='\u{109f}'    // Myanmar
        | '\u{1780}'..='\u{17ff}'    // Khmer
        | '\u{19e0}'..='\u{19ff}'    // Khmer symbols
        | '\u{a980}'..='\u{a9df}'    // Javanese
        | '\u{1b00}'..='\u{1b7f}'    // Balinese
        | '\u{aa60}'..='\u{aa7f}'    // Myanmar extended-A
    )
}

/// Scripts whose shaping uses ZWJ and ZWNJ.
fn joining_script(c: char) -> bool {
    matches!(c,
        '\u{0600}'..='\u{08ff}'      // Arabic, Syriac, Thaana, N'Ko, Arabic supplements
        | '\u{0900}'..='\u{0dff}'    // Devanagari … Sinhala
        | '\u{1000}'..='\u{109f}'    // Myanmar
        | '\u{1780}'..='\u{17ff}'    // Khmer
        | '\u{1800}'..='\u{18af}'    // Mongolian
        | '\u{a8e0}'..='\u{a8ff}'    // Devanagari extended
        | '\u{fb50}'..='\u{fdff}'    // Arabic presentation forms-A
        | '\u{fe70}'..='\u{feff}'    // Arabic presentation forms-B
    )
}

fn is_emoji(c: Option<char>) -> bool {
    c.is_some_and(|c| !c.is_ascii() && c.is_emoji_char_or_emoji_component())
}

/// Whether the zero-width character `c`, between `prev` and `next` (the nearest
/// characters that are not themselves removable), is needed.
fn needed(c: char, prev: Option<char>, next: Option<char>) -> bool {
    match c {
        '\u{200b}' => prev.is_some_and(spaceless_script) && next.is_some_and(spaceless_script),
        '\u{200c}' => prev.is_some_and(joining_script) || next.is_some_and(joining_script),
        '\u{200d}' => {
            prev.is_some_and(joining_script) || next.is_some_and(joining_script) || (is_emoji(prev) && is_emoji(next))
        }
        _ => false,
    }
}

/// Whether `text` may contain a removable character (a cheap byte screen).
///
/// ```
/// use copydesk::normalize::invisible::may_contain;
/// assert!(!may_contain("plain ASCII text"));
/// assert!(may_contain("zero\u{200b}width"));
/// ```
#[must_use]
pub fn may_contain(text: &str) -> bool {
    text.as_bytes()
        .iter()
        .any(|&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || matches!(b, 0x7f | 0xC2 | 0xD8 | 0xE2 | 0xEF))
}

/// Pushes one deleting edit per run of removable characters in `text`.
///
/// ```
/// use copydesk::normalize::{invisible, Edit};
/// let mut edits = Vec::new();
/// invisible::edits("Pop\u{200b}\u{200b}star 👩\u{200d}💻", &mut edits);
/// assert_eq!(edits, [Edit::new(3, 9, "")], "the joiner inside the emoji sequence stays");
/// ```
pub fn edits(text: &str, out: &mut Vec<Edit>) {
    if !may_contain(text) {
        return;
    }
    let bytes = text.as_bytes();
    // Start of the last character that is not removable (decoded only when a
    // zero-width character needs it), and the start of the current removal run.
    let mut prev_at: Option<usize> = None;
    let mut run: Option<usize> = None;
    // The next character that is not removable, found once per run so that a long run
    // of zero-width characters stays linear.
    let mut next_visible: Option<(usize, Option<char>)> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // Continuation bytes belong to the character before; lead bytes other than
        // those of removable characters start a visible character.
        if (0x80..0xC0).contains(&b) {
            i += 1;
            continue;
        }
        let candidate =
            (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || matches!(b, 0x7f | 0xC2 | 0xD8 | 0xE2 | 0xEF);
        let c = if candidate { text[i..].chars().next().expect("i is on a char boundary") } else { ' ' };
        let remove = candidate
            && (always_invisible(c)
                || (zero_width(c) && {
                    let next = match next_visible {
                        Some((at, n)) if at > i => n,
                        _ => {
                            let after = i + c.len_utf8();
                            let found = text[after..].char_indices().find(|&(_, n)| !is_invisible(n));
                            let (at, n) = found.map_or((text.len(), None), |(j, n)| (after + j, Some(n)));
                            next_visible = Some((at, n));
                            n
                        }
                    };
                    let prev = prev_at.and_then(|p| text[p..].chars().next());
                    !needed(c, prev, next)
                }));
        if remove {
            run.get_or_insert(i);
            i += c.len_utf8();
            continue;
        }
        if let Some(start) = run.take() {
            out.push(Edit::new(start, i, ""));
        }
        if !(candidate && is_invisible(c)) {
            prev_at = Some(i);
        }
        i += 1;
    }
    if let Some(start) = run {
        out.push(Edit::new(start, text.len(), ""));
    }
}

/// A readable name for an invisible character, for messages.
///
/// ```
/// use copydesk::normalize::invisible::describe;
/// assert_eq!(describe('\u{200b}'), "U+200B ZERO WIDTH SPACE");
/// ```
#[must_use]
pub fn describe(c: char) -> String {
    let name = match c {
        '\u{ad}' => "SOFT HYPHEN",
        '\u{200b}' => "ZERO WIDTH SPACE",
        '\u{200c}' => "ZERO WIDTH NON-JOINER",
        '\u{200d}' => "ZERO WIDTH JOINER",
        '\u{200e}' => "LEFT-TO-RIGHT MARK",
        '\u{200f}' => "RIGHT-TO-LEFT MARK",
        '\u{61c}' => "ARABIC LETTER MARK",
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => "bidi control",
        '\u{2060}' => "WORD JOINER",
        '\u{feff}' => "BYTE ORDER MARK",
        '\u{0}'..='\u{1f}' | '\u{7f}' => "control character",
        '\u{80}'..='\u{9f}' => "C1 control character",
        _ => "invisible character",
    };
    format!("U+{:04X} {name}", c as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(t: &str) -> String {
        crate::normalize::apply_step(t, edits)
    }

    #[test]
    fn removes_invisible_characters() {
        assert_eq!(fix("a\u{200b}b\u{ad}c\u{feff}\u{200e}d\u{1}\u{7}e\u{9d}"), "abcde");
        assert_eq!(fix("\u{feff}Title"), "Title");
        assert_eq!(fix("Jo\u{200d}hn \u{200c}x"), "John x");
    }

    #[test]
    fn keeps_what_scripts_and_emoji_need() {
        for keep in [
            "👩\u{200d}💻",
            "👨\u{200d}👩\u{200d}👧",
            "क्\u{200d}ष",
            "می\u{200c}خواهم",
            "ภาษา\u{200b}ไทย",
            "tab\there\nnew\r\nline",
            "no\u{a0}break £5",
        ] {
            assert_eq!(fix(keep), keep, "{keep:?}");
        }
        // ZWSP between Latin letters is debris even next to Thai elsewhere.
        assert_eq!(fix("ไทย a\u{200b}b"), "ไทย ab");
    }
}

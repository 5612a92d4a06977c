//! [`Step::Orphans`](super::Step::Orphans): emoji modifiers and combining marks whose
//! base was lost.
//!
//! Scrapers that drop images or split emoji sequences leave a skin-tone modifier on
//! its own ("🏼", shown as a colour swatch) or an accent with nothing to sit on. Using
//! extended grapheme clusters (UAX #29, `unicode-segmentation`), a mark is an orphan
//! when its cluster has no base: the cluster starts with the mark (start of text,
//! after a line break or control) or its base is whitespace. An emoji modifier
//! (U+1F3FB–U+1F3FF) is also an orphan when the character before it is not an
//! `Emoji_Modifier_Base` (optionally followed by U+FE0F), as after "💋".

use unicode_properties::{EmojiStatus, GeneralCategory, UnicodeEmoji, UnicodeGeneralCategory};
use unicode_segmentation::UnicodeSegmentation;

use super::{next_non_ascii, Edit};

fn is_emoji_modifier(c: char) -> bool {
    matches!(c, '\u{1f3fb}'..='\u{1f3ff}')
}

fn is_mark(c: char) -> bool {
    !c.is_ascii()
        && matches!(
            c.general_category(),
            GeneralCategory::NonspacingMark | GeneralCategory::SpacingMark | GeneralCategory::EnclosingMark
        )
}

fn is_modifier_base(c: char) -> bool {
    matches!(c.emoji_status(), EmojiStatus::EmojiModifierBase | EmojiStatus::EmojiPresentationAndModifierBase)
}

/// Whether `c` is a character this step can drop: a combining mark or emoji modifier.
///
/// ```
/// use copydesk::normalize::orphans::is_modifier;
/// assert!(is_modifier('\u{1F3FC}') && is_modifier('\u{301}'));
/// assert!(!is_modifier('e'));
/// ```
#[must_use]
pub fn is_modifier(c: char) -> bool {
    is_emoji_modifier(c) || is_mark(c)
}

/// Whether the modifier `c`, right after `prev`, might be an orphan: anything but a
/// mark on a letter or a skin tone on an emoji that takes one. Lines without such a
/// suspect skip grapheme segmentation.
fn suspect(c: char, prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(p) if p.is_whitespace() || p.is_control() => true,
        Some(p) => is_emoji_modifier(c) && !is_modifier_base(p),
    }
}

/// Pushes one deleting edit per run of orphaned modifiers in `text`.
///
/// ```
/// use copydesk::normalize::{orphans, Edit};
/// let mut edits = Vec::new();
/// orphans::edits("Great work 🏼 👍🏼 cafe\u{301}", &mut edits);
/// assert_eq!(edits, [Edit::new(11, 15, "")], "only the swatch with no base");
/// ```
pub fn edits(text: &str, out: &mut Vec<Edit>) {
    let bytes = text.as_bytes();
    // Modifiers are not ASCII: only the non-ASCII characters are looked at, and a line
    // is segmented only if one of them is a suspect.
    let mut i = next_non_ascii(bytes, 0);
    while i < bytes.len() {
        let c = text[i..].chars().next().expect("i is on a char boundary");
        // At a line's start the character before is `\n`, which `suspect` treats as
        // having none.
        if is_modifier(c) && suspect(c, text[..i].chars().next_back()) {
            // Lines end at `\n`, which always ends a grapheme cluster (UAX #29, GB4/GB5).
            let start = memchr::memrchr(b'\n', &bytes[..i]).map_or(0, |p| p + 1);
            let end = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |p| i + p + 1);
            line_edits(&text[start..end], start, out);
            i = next_non_ascii(bytes, end);
        } else {
            i = next_non_ascii(bytes, i + c.len_utf8());
        }
    }
}

/// The orphan edits of one line (offsets shifted by `base`), by grapheme cluster.
fn line_edits(text: &str, base: usize, out: &mut Vec<Edit>) {
    for (at, cluster) in text.grapheme_indices(true) {
        let at = base + at;
        let mut chars = cluster.char_indices();
        let Some((_, first)) = chars.next() else { continue };
        let baseless = is_modifier(first);
        let on_space = first.is_whitespace() || first.is_control();
        let mut run: Option<usize> = baseless.then_some(at);
        let mut prev = first;
        let mut before_prev: Option<char> = None;
        for (i, c) in chars {
            let orphan = if is_emoji_modifier(c) {
                let base_ok =
                    is_modifier_base(prev) || (prev == '\u{fe0f}' && before_prev.is_some_and(is_modifier_base));
                run.is_some() || on_space || !base_ok
            } else {
                is_mark(c) && (run.is_some() || on_space)
            };
            match (orphan, run) {
                (true, None) => run = Some(at + i),
                (false, Some(start)) => {
                    out.push(Edit::new(start, at + i, ""));
                    run = None;
                }
                _ => {}
            }
            before_prev = Some(prev);
            prev = c;
        }
        if let Some(start) = run {
            out.push(Edit::new(start, at + cluster.len(), ""));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(t: &str) -> String {
        crate::normalize::apply_step(t, edits)
    }

    #[test]
    fn drops_orphans() {
        assert_eq!(fix("great @fan 🏼"), "great @fan ");
        assert_eq!(fix("🏼start"), "start");
        assert_eq!(fix("kiss 💋🏼"), "kiss 💋");
        assert_eq!(fix("line\n\u{301}next"), "line\nnext");
        assert_eq!(fix("a \u{301}\u{308}b"), "a b");
    }

    #[test]
    fn keeps_attached_modifiers() {
        for keep in ["👍🏼 ok", "🤞🏽", "👋\u{fe0f}🏻", "cafe\u{301}", "naïve", "हिन्दी", "a\u{20dd}", "£5"]
        {
            assert_eq!(fix(keep), keep, "{keep:?}");
        }
    }
}

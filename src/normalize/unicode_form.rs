//! [`Step::UnicodeForm`](super::Step::UnicodeForm): Unicode normalisation, NFC or
//! NFKC, with exact offsets.
//!
//! The text is cut before every character that starts a normalisation segment (a
//! starter, canonical combining class 0, that cannot compose with what precedes it);
//! only segments that are not already normalised are rewritten, each as one edit.
//! Text that passes the quick check (all ASCII, or NFC-quick-check "yes") costs one
//! scan.

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, is_nfkc_quick, IsNormalized, UnicodeNormalization};

use super::{Edit, Form};

fn quick(c: char, form: Form) -> IsNormalized {
    let one = std::iter::once(c);
    match form {
        Form::Nfkc => is_nfkc_quick(one),
        _ => is_nfc_quick(one),
    }
}

/// Whether a normalisation segment may start at `c`.
fn is_boundary(c: char, form: Form) -> bool {
    c.is_ascii() || (canonical_combining_class(c) == 0 && quick(c, form) != IsNormalized::Maybe)
}

/// Whether the single character `c` is already in `form` and starts a segment.
fn is_stable(c: char, form: Form) -> bool {
    c.is_ascii() || (canonical_combining_class(c) == 0 && quick(c, form) == IsNormalized::Yes)
}

/// `s` normalised to `form`.
///
/// ```
/// use copydesk::normalize::{unicode_form::normalize_str, Form};
/// assert_eq!(normalize_str("ﬁ e\u{301}", Form::Nfc), "ﬁ \u{e9}");
/// assert_eq!(normalize_str("ﬁ e\u{301}", Form::Nfkc), "fi \u{e9}");
/// assert_eq!(normalize_str("e\u{301}", Form::None), "e\u{301}");
/// ```
#[must_use]
pub fn normalize_str(s: &str, form: Form) -> String {
    match form {
        Form::None => s.to_owned(),
        Form::Nfc => s.nfc().collect(),
        Form::Nfkc => s.nfkc().collect(),
    }
}

/// Pushes one edit per normalisation segment of `text` that `form` changes.
///
/// ```
/// use copydesk::normalize::{unicode_form, Edit, Form};
/// let mut edits = Vec::new();
/// unicode_form::edits("cafe\u{301} au lait", Form::Nfc, &mut edits);
/// assert_eq!(edits, [Edit::new(3, 6, "\u{e9}")]);
/// ```
pub fn edits(text: &str, form: Form, out: &mut Vec<Edit>) {
    if form == Form::None || text.is_ascii() {
        return;
    }
    let whole = match form {
        Form::Nfkc => is_nfkc_quick(text.chars()),
        _ => is_nfc_quick(text.chars()),
    };
    if whole == IsNormalized::Yes {
        return;
    }
    let mut seg_start = 0;
    let mut seg_stable = true;
    let flush = |start: usize, end: usize, stable: bool, out: &mut Vec<Edit>| {
        if stable || start == end {
            return;
        }
        let seg = &text[start..end];
        let normalized = normalize_str(seg, form);
        if normalized != seg {
            out.push(Edit::new(start, end, normalized));
        }
    };
    for (i, c) in text.char_indices() {
        if i > 0 && is_boundary(c, form) {
            flush(seg_start, i, seg_stable, out);
            seg_start = i;
            seg_stable = is_stable(c, form);
        } else if i == 0 {
            seg_stable = is_stable(c, form);
        } else {
            seg_stable = false;
        }
    }
    flush(seg_start, text.len(), seg_stable, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(t: &str, form: Form) -> String {
        let mut v = Vec::new();
        edits(t, form, &mut v);
        let mut out = t.to_owned();
        for e in v.iter().rev() {
            out.replace_range(e.span.start..e.span.end, &e.replacement);
        }
        out
    }

    #[test]
    fn composes_with_minimal_edits() {
        let mut v = Vec::new();
        edits("caf\u{65}\u{301} ok \u{212b}", Form::Nfc, &mut v);
        assert_eq!(v, vec![Edit::new(3, 6, "é"), Edit::new(10, 13, "Å")]);
        assert_eq!(fix("São Paulo, Ångström, naïve", Form::Nfc), "São Paulo, Ångström, naïve");
    }

    #[test]
    fn nfkc_folds_stylized_letters() {
        assert_eq!(fix("𝐛𝐨𝐥𝐝 ᵇʸ ﬁne x²", Form::Nfkc), "bold by fine x2");
        assert_eq!(fix("ᵇʸ", Form::Nfc), "ᵇʸ");
        assert_eq!(fix("\u{301}a", Form::Nfc), "\u{301}a");
    }
}

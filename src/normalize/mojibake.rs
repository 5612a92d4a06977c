//! [`Step::Mojibake`](super::Step::Mojibake): UTF-8 that was decoded as Windows-1252
//! or Latin-1, re-decoded.
//!
//! "Itâ€™s" is "It’s" whose UTF-8 bytes E2 80 99 were read as three Windows-1252
//! characters. The repair maps such characters back to their bytes and decodes those
//! as UTF-8, but only where the text is clearly damaged, using ftfy's approach:
//!
//! 1. A *group* is a character that is a UTF-8 lead byte in Windows-1252 or Latin-1
//!    (Â–ß for two bytes, à–ï for three, ð–ô for four) followed by the right number
//!    of characters that are continuation bytes (€, ™, ©, NBSP, the C1 controls…),
//!    whose bytes are valid UTF-8. Groups next to each other form a *run*.
//! 2. A line whose characters all encode to bytes that are valid UTF-8 and that
//!    contains ftfy's "badness" (character pairs that mojibake produces and real text
//!    does not, such as "Ã©" or "â€") is re-decoded whole, as ftfy's `fix_encoding`
//!    does; otherwise each run that is bad on its own is re-decoded, as ftfy's
//!    `decode_inconsistent_utf8` does. A run that is not preceded by a continuation
//!    character is required, so that a few characters inside a long garble are left.
//! 3. Repairs repeat while the result is itself mojibake ("Ã¢â‚¬â„¢" → "â€™" → "’").
//! 4. A C1 control character left over is read as the Windows-1252 character it stands
//!    for (U+0092 → ’), as browsers do (ftfy's `fix_c1_controls`).
//!
//! Legitimate text is safe: "São Paulo", "Ångström", "naïve", "Fuß”" contain no group
//! or no badness. Not repaired (unlike ftfy): mojibake through other code pages
//! (Windows-1250/1251/1253, MacRoman, cp437), lost bytes ("â€\u{FFFD}"), spaces that
//! stood for U+00A0 bytes, CESU-8.
//!
//! The badness expression and character classes are ported from ftfy 6.3
//! (`ftfy/badness.py`, Apache-2.0, by Robyn Speer; the plsfix crate, MIT, ports an
//! older version of it).

use once_cell::sync::Lazy;
use regex::Regex;

use super::entities::CP1252_HIGH;
use super::{next_non_ascii, Edit};

/// The byte `c` stands for in Windows-1252, or Latin-1 for the C1 controls.
fn byte_of(c: char) -> Option<u8> {
    let v = c as u32;
    if v < 0x100 {
        return Some(v as u8);
    }
    CP1252_HIGH.iter().position(|&x| x == Some(c)).map(|p| 0x80 + p as u8)
}

/// Whether `c` encodes to a UTF-8 continuation byte (0x80–0xBF).
fn is_continuation(c: char) -> bool {
    byte_of(c).is_some_and(|b| (0x80..=0xBF).contains(&b))
}

/// ftfy's `utf8_continuation_strict`: continuation characters that do not usually
/// stand for themselves next to mojibake (no spaces, dashes, quotes or ellipses).
fn is_strict_continuation(c: char) -> bool {
    matches!(
        c,
        '\u{80}'
            ..='\u{bf}'
                | 'Œ'
                | 'œ'
                | 'Š'
                | 'š'
                | 'Ÿ'
                | 'Ž'
                | 'ž'
                | 'ƒ'
                | 'ˆ'
                | '˜'
                | '†'
                | '‡'
                | '•'
                | '‰'
                | '‹'
                | '›'
                | '€'
                | '™'
    )
}

/// How many continuation bytes follow the lead byte `b`, if it is one.
fn continuation_count(b: u8) -> Option<usize> {
    match b {
        0xC2..=0xDF => Some(1),
        0xE0..=0xEF => Some(2),
        0xF0..=0xF4 => Some(3),
        _ => None,
    }
}

/// The group starting at byte `i` of `text`: its end and the character it decodes to.
fn group_at(text: &str, i: usize) -> Option<(usize, char)> {
    let mut chars = text[i..].chars();
    let lead = chars.next()?;
    let lb = byte_of(lead)?;
    let n = continuation_count(lb)?;
    let mut buf = [lb, 0, 0, 0];
    let mut end = i + lead.len_utf8();
    for slot in buf.iter_mut().skip(1).take(n) {
        let c = chars.next()?;
        if !is_continuation(c) {
            return None;
        }
        *slot = byte_of(c)?;
        end += c.len_utf8();
    }
    let decoded = std::str::from_utf8(&buf[..=n]).ok()?.chars().next()?;
    Some((end, decoded))
}

const C1: &str = "\u{80}-\u{9f}";
const BAD: &str = "¦¤¨¬¯¸ƒˆˇ˘˛˜†‡‰⌐◊�ªº";
const LAW: &str = "¶§";
const CURRENCY: &str = "¢£¥₧€";
const START_PUNCT: &str = "¡«¿©΄΅‘‚“„•‹\u{f8ff}";
const END_PUNCT: &str = "®»˝”›™";
const NUMERIC: &str = "²³¹±¼½¾×µ÷⁄∂∆∏∑√∞∩∫≈≠≡≤≥№";
const KAOMOJI: &str = "Ò-ÖÙ-Üò-öø-üŐŌŪŲ°";
const UPPER_ACCENTED: &str = "À-ÑØÜÝĂĀĄĆČĎĐĘĚĒĖĞĢİĪĶĹĽŁĻŃŇŅŒŘŚŞŠŢŤŮŰŸŹŻŽҐ";
const LOWER_ACCENTED: &str = "ßà-ñăąāćčďđęěēėğģįīķĺľłļœŕśşšťüźżžґﬁﬂ";
const UPPER_COMMON: &str = "ÞΑ-ΩΆΈΉΊΌΎΏΪΫЁ-Я";
const LOWER_COMMON: &str = "α-ωάέήίΰа-џ";
const BOX: &str = "│┌┐┘├┤┬┼═-╬▀▄█▌▐░▒▓";
const COMMON: &str = "\u{a0}\u{ad}·´–—―…’";

/// ftfy's badness expression: character sequences mojibake produces and real text
/// hardly ever contains.
static BADNESS: Lazy<Regex> = Lazy::new(|| {
    let pattern = format!(
        r"[{C1}]
        |[{BAD}{LOWER_ACCENTED}{UPPER_ACCENTED}{BOX}{START_PUNCT}{END_PUNCT}{CURRENCY}{NUMERIC}{LAW}][{BAD}]
        |[a-zA-Z][{LOWER_COMMON}{UPPER_COMMON}][{BAD}]
        |[{BAD}][{LOWER_ACCENTED}{UPPER_ACCENTED}{BOX}{START_PUNCT}{END_PUNCT}{CURRENCY}{NUMERIC}{LAW}]
        |[{LOWER_ACCENTED}{LOWER_COMMON}{BOX}{END_PUNCT}{CURRENCY}{NUMERIC}][{UPPER_ACCENTED}]
        |[{BOX}{END_PUNCT}{CURRENCY}{NUMERIC}][{LOWER_ACCENTED}]
        |[{LOWER_ACCENTED}{BOX}{END_PUNCT}][{CURRENCY}]
        |\s[{UPPER_ACCENTED}][{CURRENCY}]
        |[{UPPER_ACCENTED}{BOX}][{NUMERIC}{LAW}]
        |[{LOWER_ACCENTED}{UPPER_ACCENTED}{BOX}{CURRENCY}{END_PUNCT}][{START_PUNCT}][{NUMERIC}]
        |[{LOWER_ACCENTED}{UPPER_ACCENTED}{CURRENCY}{NUMERIC}{BOX}{LAW}][{END_PUNCT}][{START_PUNCT}]
        |[{CURRENCY}{NUMERIC}{BOX}][{START_PUNCT}]
        |[a-z][{UPPER_ACCENTED}][{START_PUNCT}{CURRENCY}]
        |[{BOX}][{KAOMOJI}]
        |[{LOWER_ACCENTED}{UPPER_ACCENTED}{CURRENCY}{NUMERIC}{START_PUNCT}{END_PUNCT}{LAW}][{BOX}]
        |[{BOX}][{END_PUNCT}]
        |[{LOWER_ACCENTED}{UPPER_ACCENTED}][{START_PUNCT}{END_PUNCT}]\w
        |[Œœ][^A-Za-z]
        |[{UPPER_ACCENTED}]°
        |[ÂÃÎÐ][€œŠš¢£Ÿž\xA0\xAD®©°·»{START_PUNCT}{END_PUNCT}–—´]
        |×[²³]
        |[ØÙ][{COMMON}{CURRENCY}{BAD}{NUMERIC}{START_PUNCT}ŸŠ®°µ»][ØÙ][{COMMON}{CURRENCY}{BAD}{NUMERIC}{START_PUNCT}ŸŠ®°µ»]
        |à[²µ¹¼½¾]
        |√[±∂†≠®™´≤≥¥µø]
        |≈[°¢]
        |‚Ä[ìîïòôúùû†°¢π]
        |‚[âó][àä°ê]
        |вЂ
        |[ВГРС][{C1}{BAD}{START_PUNCT}{END_PUNCT}{CURRENCY}°µ][ВГРС]
        |ГўВЂВ.[A-Za-z\x20]
        |Ã[\xA0¡]
        |[a-z]\s?[ÃÂ]\x20
        |^[ÃÂ]\x20
        |[a-z.,?!{END_PUNCT}]Â[\x20{START_PUNCT}{END_PUNCT}]
        |β€[™\xA0Ά\xAD®°]
        |[ΒΓΞΟ][{C1}{BAD}{START_PUNCT}{END_PUNCT}{CURRENCY}°][ΒΓΞΟ]
        |ā€"
    );
    let pattern: String = pattern.lines().map(str::trim).collect();
    Regex::new(&pattern).expect("the badness expression compiles")
});

/// Whether `text` contains a sequence that is almost certainly mojibake.
///
/// ```
/// use copydesk::normalize::mojibake::is_bad;
/// assert!(is_bad("Itâ€™s"));
/// assert!(is_bad("cafÃ©"));
/// assert!(!is_bad("São Paulo, Ångström, naïve"));
/// ```
#[must_use]
pub fn is_bad(text: &str) -> bool {
    BADNESS.is_match(text)
}

/// Re-decodes every group of `s` if all its non-ASCII characters form groups; the
/// groups and what they decode to are appended to `groups`.
fn decode_all(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let c = s[i..].chars().next()?;
        if c.is_ascii() {
            out.push(c);
            i += 1;
            continue;
        }
        let (end, decoded) = group_at(s, i)?;
        out.push(decoded);
        i = end;
    }
    Some(out)
}

/// Repeats the repair of `s` (already decoded once) while it is still bad.
fn settle(mut s: String) -> String {
    for _ in 0..4 {
        if s.is_ascii() || !is_bad(&s) {
            break;
        }
        match decode_all(&s) {
            Some(next) if next != s => s = next,
            _ => break,
        }
    }
    s
}

/// Repeats the whole-line repair while the repaired line is still bad, as ftfy's
/// `fix_encoding` loop does: one damaged word can make the whole line decode again.
fn settle_line(line: &str, base: usize, fixed: &mut [Edit]) {
    for _ in 0..4 {
        let mut current = String::with_capacity(line.len());
        let mut last = 0;
        for e in fixed.iter() {
            current.push_str(&line[last..e.span.start - base]);
            current.push_str(&e.replacement);
            last = e.span.end - base;
        }
        current.push_str(&line[last..]);
        if current.is_ascii() || !is_bad(&current) {
            return;
        }
        let Some(next) = fixed.iter().map(|e| decode_all(&e.replacement)).collect::<Option<Vec<String>>>() else {
            return;
        };
        if next.iter().zip(fixed.iter()).all(|(n, e)| *n == e.replacement) {
            return;
        }
        for (e, n) in fixed.iter_mut().zip(next) {
            e.replacement = n;
        }
    }
}

/// The runs of groups in `line` (offsets relative to it), honouring the look-behind:
/// a run does not start right after a strict continuation character.
fn runs(line: &str, mut f: impl FnMut(usize, usize)) {
    let bytes = line.as_bytes();
    let mut prev: Option<char> = None;
    let mut i = 0;
    while i < line.len() {
        // ASCII starts no run and is no strict continuation: skip it a block at a time.
        if bytes[i].is_ascii() {
            let j = next_non_ascii(bytes, i);
            prev = Some(char::from(bytes[j - 1]));
            i = j;
            continue;
        }
        let c = line[i..].chars().next().expect("i is on a char boundary");
        if prev.is_some_and(is_strict_continuation) {
            prev = Some(c);
            i += c.len_utf8();
            continue;
        }
        let mut end = i;
        while let Some((e, _)) = group_at(line, end) {
            end = e;
        }
        if end > i {
            f(i, end);
            prev = line[..end].chars().next_back();
            i = end;
        } else {
            prev = Some(c);
            i += c.len_utf8();
        }
    }
}

/// Pushes one edit per repaired run of `text`.
///
/// ```
/// use copydesk::normalize::{mojibake, Edit};
/// let mut edits = Vec::new();
/// mojibake::edits("The cafÃ© in São Paulo", &mut edits);
/// assert_eq!(edits, [Edit::new(7, 11, "é")]);
/// ```
pub fn edits(text: &str, out: &mut Vec<Edit>) {
    let bytes = text.as_bytes();
    // Leads and C1 controls are U+0080–U+00FF, UTF-8 lead bytes C2 and C3: only the
    // lines holding one are looked at. `from` is always at a line's start.
    let mut from = 0;
    while let Some(hit) = memchr::memchr2(0xC2, 0xC3, &bytes[from..]) {
        let at = from + hit;
        let start = memchr::memrchr(b'\n', &bytes[from..at]).map_or(from, |p| from + p + 1);
        let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |p| at + p + 1);
        line_edits(&text[start..end], start, out);
        from = end;
    }
}

/// The edits of one line (a `\n` included) starting at byte `base` of the text.
fn line_edits(line: &str, base: usize, out: &mut Vec<Edit>) {
    let b = line.as_bytes();
    let followed_by = |lead: u8, range: std::ops::RangeInclusive<u8>| {
        memchr::memchr_iter(lead, b).any(|i| b.get(i + 1).is_some_and(|n| range.contains(n)))
    };
    // A group starts with one of U+00C2–U+00F4 (C3 82–C3 B4); C1 controls are C2 80–9F.
    // A line with neither (most lines with "é" or "£") has nothing to repair.
    let has_lead = followed_by(0xC3, 0x82..=0xB4);
    let has_c1 = followed_by(0xC2, 0x80..=0x9F);
    if !has_lead && !has_c1 {
        return;
    }
    let mut fixed = Vec::new();
    if has_lead {
        // Whether the whole line is re-decoded, worked out at its first run (a line
        // without runs has nothing to re-decode either way).
        let mut whole = None;
        runs(line, |s, e| {
            let whole = *whole.get_or_insert_with(|| is_bad(line) && decode_all(line).is_some());
            let run = &line[s..e];
            if !whole && !is_bad(run) {
                return;
            }
            if let Some(decoded) = decode_all(run) {
                fixed.push(Edit::new(base + s, base + e, if whole { decoded } else { settle(decoded) }));
            }
        });
        if whole == Some(true) {
            settle_line(line, base, &mut fixed);
        }
    }
    if !has_c1 {
        out.append(&mut fixed);
        return;
    }
    // Leftover C1 controls, read as Windows-1252; `next` walks the sorted repairs.
    let mut next = 0;
    for (i, c) in line.char_indices() {
        let at = base + i;
        while next < fixed.len() && fixed[next].span.end <= at {
            out.push(fixed[next].clone());
            next += 1;
        }
        let v = c as u32;
        if !(0x80..=0x9F).contains(&v) || fixed.get(next).is_some_and(|e| e.span.start <= at) {
            continue;
        }
        if let Some(r) = CP1252_HIGH[(v - 0x80) as usize] {
            out.push(Edit::new(at, at + c.len_utf8(), r.to_string()));
        }
    }
    out.extend(fixed.drain(next..));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(t: &str) -> String {
        crate::normalize::apply_step(t, edits)
    }

    #[test]
    fn repairs_mojibake() {
        assert_eq!(fix("Itâ€™s cafÃ© time"), "It’s café time");
        assert_eq!(fix("â€œQuoteâ€\u{9d} said"), "“Quote” said");
        assert_eq!(fix("Ã¢â‚¬â„¢"), "’");
        assert_eq!(fix("Â£5 and it\u{92}s"), "£5 and it’s");
        assert_eq!(fix("ðŸ˜€ smile"), "😀 smile");
    }

    #[test]
    fn leaves_legitimate_text() {
        for ok in [
            "São Paulo",
            "Ångström",
            "naïve café",
            "Fuß”",
            "Zoë’s",
            "CAFÉ…",
            "Ça va",
            "Björk",
            "Ñandú",
            "el niño—",
            "£5",
            "Dvořák",
            "Łódź",
            "Çağrı",
            "Ölüdeniz",
            "Mötley Crüe",
            "Ã",
            "IRMÃ",
        ] {
            assert_eq!(fix(ok), ok);
        }
    }
}

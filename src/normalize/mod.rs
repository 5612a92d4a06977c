//! Normalisation: repair the encoding damage scraped text carries, and keep an exact
//! map from every position of the repaired text back to the original.
//!
//! [`normalize`] runs these steps, in this order, each switchable in
//! [`NormalizeOptions`]:
//!
//! 1. [`Step::HtmlEntities`]: `&amp;`, `&#8217;`, `&#x2019;` and the common named
//!    entities, decoded (double-escaped ones such as `&amp;lt;` completely).
//! 2. [`Step::Mojibake`]: UTF-8 that was decoded as Windows-1252 or Latin-1
//!    ("Itâ€™s"), re-decoded where ftfy's badness heuristic says the text is damaged;
//!    stray C1 controls read as their Windows-1252 characters.
//! 3. [`Step::LineEndings`]: `\r\n`, `\r`, U+2028, U+2029 and U+0085 to `\n`.
//! 4. [`Step::Invisible`]: zero-width characters where the script does not need them,
//!    soft hyphens, byte-order marks, bidi controls, C0/C1 controls except `\t` and
//!    `\n`, removed.
//! 5. [`Step::Spaces`]: no-break and other fixed-width spaces to a plain space.
//! 6. [`Step::UnicodeForm`]: NFC (default) or NFKC (which also folds stylized letters
//!    such as "𝐛𝐨𝐥𝐝" and "ᵇʸ").
//! 7. [`Step::Orphans`]: emoji skin-tone modifiers and combining marks with no base,
//!    dropped.
//! 8. [`Step::Whitespace`]: runs of spaces and blank lines collapsed (off by default).
//! 9. [`Step::Quotes`]: quotes and apostrophes kept (default), curled or straightened.
//!
//! Entities come before mojibake, as in ftfy: an entity can decode to mojibake
//! ("&Atilde;&copy;"), never the reverse. Each step sees the output of the previous
//! one; the whole pipeline runs again until nothing changes (at most four rounds), so
//! normalising twice gives the same text as normalising once.
//!
//! Each step is a function from a text to a list of [`Edit`]s. The Unicode rules
//! (`mojibake`, `invisible-char`, `stylized-text`, `orphan-modifier`) call the same
//! functions on the original text, so a rule's suggestion is exactly what `normalize`
//! writes for that span.
//!
//! The result, [`Normalized`], holds the repaired text, the [`OffsetMap`] back to the
//! original and the list of [`Change`]s. A scraper normalises before storing, lints
//! the clean text, and still reports positions in what it fetched:
//!
//! ```
//! use copydesk::normalize::{normalize, NormalizeOptions, Step};
//! use copydesk::Linter;
//!
//! let fetched = "Caf&eacute; owners said it\u{200b}s &ldquo;the the best year&rdquo;.";
//! let clean = normalize(fetched, &NormalizeOptions::default());
//! assert_eq!(clean.text(), "Café owners said its “the the best year”.");
//! let steps: Vec<Step> = clean.changes().iter().map(|c| c.step).collect();
//! assert_eq!(steps, [Step::HtmlEntities, Step::HtmlEntities, Step::HtmlEntities, Step::Invisible]);
//!
//! let found = Linter::new().check(clean.text());
//! assert_eq!(found[0].rule, "repeated-word");
//! let in_fetched = clean.to_original_span(found[0].span);
//! assert_eq!(in_fetched.slice(fetched), "the the");
//! ```

pub mod entities;
pub mod invisible;
pub mod line_endings;
pub mod mojibake;
pub mod offsets;
pub mod orphans;
pub mod quotes;
pub mod spaces;
pub mod unicode_form;
pub mod whitespace;

use std::borrow::Cow;

pub use offsets::{OffsetMap, Segment};

use crate::Span;

/// One replacement a step makes: `span` (in the step's input) becomes `replacement`.
///
/// ```
/// use copydesk::normalize::{spaces, Edit};
/// let mut edits = Vec::new();
/// spaces::edits("10\u{a0}km", &mut edits);
/// assert_eq!(edits, [Edit::new(2, 4, " ")]);
/// assert_eq!(edits[0].span, copydesk::Span::new(2, 4));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    /// Byte span in the text the step was given, on char boundaries.
    pub span: Span,
    /// What replaces it (empty to delete).
    pub replacement: String,
}

impl Edit {
    /// An edit replacing `start..end` with `replacement`.
    ///
    /// ```
    /// let e = copydesk::normalize::Edit::new(3, 6, "");
    /// assert_eq!((e.span.len(), e.replacement.as_str()), (3, ""));
    /// ```
    #[must_use]
    pub fn new(start: usize, end: usize, replacement: impl Into<String>) -> Self {
        Edit { span: Span::new(start, end), replacement: replacement.into() }
    }
}

/// Applies one step's edits to `text`, for the steps' unit tests.
#[cfg(test)]
pub(crate) fn apply_step(text: &str, step: impl Fn(&str, &mut Vec<Edit>)) -> String {
    let mut edits = Vec::new();
    step(text, &mut edits);
    let mut out = text.to_owned();
    for e in edits.iter().rev() {
        out.replace_range(e.span.start..e.span.end, &e.replacement);
    }
    out
}

/// A normalisation step, in pipeline order.
///
/// ```
/// use copydesk::normalize::{NormalizeOptions, Step};
/// let names: Vec<&str> = Step::ALL.iter().map(|s| s.as_str()).collect();
/// assert_eq!(names[..3], ["html-entities", "mojibake", "line-endings"]);
/// let defaults = NormalizeOptions::default();
/// let off: Vec<Step> = Step::ALL.into_iter().filter(|&s| !defaults.runs(s)).collect();
/// assert_eq!(off, [Step::Whitespace, Step::Quotes]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Step {
    /// HTML character references decoded.
    HtmlEntities,
    /// UTF-8 mis-decoded as Windows-1252 or Latin-1, re-decoded.
    Mojibake,
    /// Line terminators to `\n`.
    LineEndings,
    /// Invisible and control characters removed.
    Invisible,
    /// No-break and fixed-width spaces to a plain space.
    Spaces,
    /// Unicode normalisation form (NFC or NFKC).
    UnicodeForm,
    /// Modifiers and combining marks with no base, dropped.
    Orphans,
    /// Whitespace runs collapsed.
    Whitespace,
    /// Quotes and apostrophes curled or straightened.
    Quotes,
}

impl Step {
    /// Every step, in the order they run.
    pub const ALL: [Step; 9] = [
        Step::HtmlEntities,
        Step::Mojibake,
        Step::LineEndings,
        Step::Invisible,
        Step::Spaces,
        Step::UnicodeForm,
        Step::Orphans,
        Step::Whitespace,
        Step::Quotes,
    ];

    /// The step's kebab-case name, as `copydesk normalize --explain` prints it.
    ///
    /// ```
    /// assert_eq!(copydesk::normalize::Step::UnicodeForm.as_str(), "unicode-form");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Step::HtmlEntities => "html-entities",
            Step::Mojibake => "mojibake",
            Step::LineEndings => "line-endings",
            Step::Invisible => "invisible",
            Step::Spaces => "spaces",
            Step::UnicodeForm => "unicode-form",
            Step::Orphans => "orphans",
            Step::Whitespace => "whitespace",
            Step::Quotes => "quotes",
        }
    }
}

/// The Unicode normalisation form applied by [`Step::UnicodeForm`].
///
/// ```
/// use copydesk::normalize::{normalize, Form, NormalizeOptions};
/// let mut opts = NormalizeOptions::default();
/// assert_eq!(normalize("cafe\u{301}", &opts).text(), "caf\u{e9}");
/// assert_eq!(normalize("The 𝐛𝐨𝐥𝐝 claim", &opts).text(), "The 𝐛𝐨𝐥𝐝 claim", "NFC keeps styles");
/// opts.form = Form::Nfkc;
/// assert_eq!(normalize("The 𝐛𝐨𝐥𝐝 claim", &opts).text(), "The bold claim");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Form {
    /// Leave the text as it is.
    None,
    /// Canonical composition: "e" + U+0301 becomes "é". Never changes how text looks.
    #[default]
    Nfc,
    /// Compatibility composition: also folds stylized and compatibility characters
    /// ("𝐛𝐨𝐥𝐝" → "bold", "ﬁ" → "fi", "²" → "2", "…" → "...").
    Nfkc,
}

/// What [`Step::Quotes`] does with quotation marks and apostrophes.
///
/// ```
/// use copydesk::normalize::{normalize, NormalizeOptions, Quotes};
/// let mut opts = NormalizeOptions::none();
/// opts.quotes = Quotes::Curl;
/// assert_eq!(normalize("\"It's 5'11\"\" she said", &opts).text(), "“It’s 5'11\"” she said");
/// opts.quotes = Quotes::Straighten;
/// assert_eq!(normalize("“It’s”", &opts).text(), "\"It's\"");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Quotes {
    /// Leave them as they are.
    #[default]
    Keep,
    /// Straight quotes to typographic ones by context: `'` → ’ or ‘, `"` → “ or ”.
    Curl,
    /// Typographic quotes to straight ones: ‘’‚‛ → `'`, “”„‟ → `"`.
    Straighten,
}

/// Which steps [`normalize`] runs. The default repairs damage and changes nothing that
/// is merely a style choice: whitespace collapse is off and quotes are kept.
///
/// The struct is `#[non_exhaustive]`: start from [`NormalizeOptions::default`] or
/// [`NormalizeOptions::none`] and set fields.
///
/// ```
/// use copydesk::normalize::{normalize, NormalizeOptions};
/// let text = "Itâ€™s  here&nbsp;now";
/// assert_eq!(normalize(text, &NormalizeOptions::default()).text(), "It’s  here now");
///
/// let mut opts = NormalizeOptions::default();
/// opts.collapse_whitespace = true;
/// assert_eq!(normalize(text, &opts).text(), "It’s here now");
///
/// let mut only_entities = NormalizeOptions::none();
/// only_entities.html_entities = true;
/// assert_eq!(normalize(text, &only_entities).text(), "Itâ€™s  here\u{a0}now");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct NormalizeOptions {
    /// Decode HTML character references.
    pub html_entities: bool,
    /// Repair mojibake.
    pub mojibake: bool,
    /// Convert line terminators to `\n`.
    pub line_endings: bool,
    /// Remove invisible and control characters.
    pub invisible: bool,
    /// Turn no-break and fixed-width spaces into plain spaces.
    pub spaces: bool,
    /// The normalisation form.
    pub form: Form,
    /// Drop modifiers and combining marks with no base.
    pub orphans: bool,
    /// Collapse whitespace runs (off by default).
    pub collapse_whitespace: bool,
    /// What to do with quotes.
    pub quotes: Quotes,
}

impl Default for NormalizeOptions {
    fn default() -> Self {
        NormalizeOptions {
            html_entities: true,
            mojibake: true,
            line_endings: true,
            invisible: true,
            spaces: true,
            form: Form::Nfc,
            orphans: true,
            collapse_whitespace: false,
            quotes: Quotes::Keep,
        }
    }
}

impl NormalizeOptions {
    /// Options with every step off; switch on what you need.
    ///
    /// ```
    /// use copydesk::normalize::{normalize, NormalizeOptions};
    /// let n = normalize("Itâ€™s&amp;", &NormalizeOptions::none());
    /// assert!(!n.is_changed());
    /// ```
    #[must_use]
    pub fn none() -> Self {
        NormalizeOptions {
            html_entities: false,
            mojibake: false,
            line_endings: false,
            invisible: false,
            spaces: false,
            form: Form::None,
            orphans: false,
            collapse_whitespace: false,
            quotes: Quotes::Keep,
        }
    }

    /// Whether `step` runs under these options.
    ///
    /// ```
    /// use copydesk::normalize::{Form, NormalizeOptions, Step};
    /// let mut opts = NormalizeOptions::default();
    /// assert!(opts.runs(Step::UnicodeForm));
    /// opts.form = Form::None;
    /// assert!(!opts.runs(Step::UnicodeForm));
    /// ```
    #[must_use]
    pub fn runs(&self, step: Step) -> bool {
        match step {
            Step::HtmlEntities => self.html_entities,
            Step::Mojibake => self.mojibake,
            Step::LineEndings => self.line_endings,
            Step::Invisible => self.invisible,
            Step::Spaces => self.spaces,
            Step::UnicodeForm => self.form != Form::None,
            Step::Orphans => self.orphans,
            Step::Whitespace => self.collapse_whitespace,
            Step::Quotes => self.quotes != Quotes::Keep,
        }
    }
}

/// One change [`normalize`] made, for `--explain`.
///
/// ```
/// use copydesk::normalize::{normalize, Change, NormalizeOptions, Step};
/// let text = "Tickets cost Â£5";
/// let n = normalize(text, &NormalizeOptions::default());
/// assert_eq!(n.changes(), [Change {
///     step: Step::Mojibake,
///     original: copydesk::Span::new(13, 17),
///     before: "Â£".into(),
///     after: "£".into(),
/// }]);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The step that made it.
    pub step: Step,
    /// The span of the original text the change comes from.
    pub original: Span,
    /// The text the step replaced (as that step saw it).
    pub before: String,
    /// What the step put in its place.
    pub after: String,
}

/// The result of [`normalize`]: the text, the offset map and the list of changes.
///
/// ```
/// use copydesk::normalize::{normalize, NormalizeOptions};
/// use copydesk::Span;
/// let original = "Pop\u{200b}star of the year";
/// let n = normalize(original, &NormalizeOptions::default());
/// assert_eq!(n.text(), "Popstar of the year");
/// assert!(n.is_changed());
/// assert_eq!(n.to_normalized(original.find("of").unwrap()), 8);
/// assert_eq!(n.to_original_span(Span::new(8, 10)).slice(original), "of");
/// ```
#[derive(Clone, Debug)]
pub struct Normalized<'a> {
    text: Cow<'a, str>,
    map: OffsetMap,
    changes: Vec<Change>,
}

impl<'a> Normalized<'a> {
    /// The normalised text.
    ///
    /// ```
    /// let n = copydesk::normalize("&lt;b&gt;", &Default::default());
    /// assert_eq!(n.text(), "<b>");
    /// ```
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The normalised text, owned (borrowed when nothing changed).
    ///
    /// ```
    /// use std::borrow::Cow;
    /// let opts = copydesk::NormalizeOptions::default();
    /// assert!(matches!(copydesk::normalize("Clean text.", &opts).into_text(), Cow::Borrowed(_)));
    /// assert_eq!(copydesk::normalize("A&amp;B", &opts).into_text(), "A&B");
    /// ```
    #[must_use]
    pub fn into_text(self) -> Cow<'a, str> {
        self.text
    }

    /// Whether any step changed the text.
    ///
    /// ```
    /// let opts = copydesk::NormalizeOptions::default();
    /// assert!(!copydesk::normalize("Clean text.", &opts).is_changed());
    /// assert!(copydesk::normalize("Soft\u{ad}hyphen", &opts).is_changed());
    /// ```
    #[must_use]
    pub fn is_changed(&self) -> bool {
        !self.map.is_identity()
    }

    /// The offset map between the normalised text and the original.
    ///
    /// ```
    /// let n = copydesk::normalize("A&amp;B", &Default::default());
    /// assert_eq!((n.map().original_len(), n.map().normalized_len()), (7, 3));
    /// ```
    #[must_use]
    pub fn map(&self) -> &OffsetMap {
        &self.map
    }

    /// Every change, in the order the steps made them.
    ///
    /// ```
    /// let n = copydesk::normalize("x\r\ny\r\n", &Default::default());
    /// assert_eq!(n.changes().len(), 2);
    /// assert!(n.changes().iter().all(|c| c.before == "\r\n" && c.after == "\n"));
    /// ```
    #[must_use]
    pub fn changes(&self) -> &[Change] {
        &self.changes
    }

    /// The original byte position of normalised position `pos`.
    ///
    /// ```
    /// let n = copydesk::normalize("A&amp;B", &Default::default());
    /// assert_eq!(n.to_original(2), 6); // "B"
    /// ```
    #[must_use]
    pub fn to_original(&self, pos: usize) -> usize {
        self.map.to_original(pos)
    }

    /// The original span a normalised span came from.
    ///
    /// ```
    /// let n = copydesk::normalize("A&amp;B", &Default::default());
    /// assert_eq!(n.to_original_span(copydesk::Span::new(1, 2)), copydesk::Span::new(1, 6)); // "&" came from "&amp;"
    /// ```
    #[must_use]
    pub fn to_original_span(&self, span: Span) -> Span {
        self.map.to_original_span(span)
    }

    /// The normalised byte position of original position `pos`.
    ///
    /// ```
    /// let n = copydesk::normalize("A&amp;B", &Default::default());
    /// assert_eq!(n.to_normalized(6), 2);
    /// ```
    #[must_use]
    pub fn to_normalized(&self, pos: usize) -> usize {
        self.map.to_normalized(pos)
    }

    /// The normalised span an original span became.
    ///
    /// ```
    /// use copydesk::Span;
    /// let original = "A&amp;B";
    /// let n = copydesk::normalize(original, &Default::default());
    /// assert_eq!(n.to_normalized_span(Span::new(0, 7)).slice(n.text()), "A&B");
    /// ```
    #[must_use]
    pub fn to_normalized_span(&self, span: Span) -> Span {
        self.map.to_normalized_span(span)
    }
}

/// Rounds of the whole pipeline before giving up on reaching a fixed point; each round
/// after the first only runs when the previous one changed something.
const MAX_ROUNDS: usize = 4;

/// Computes the edits `step` makes to `text` under `opts`.
///
/// One step on its own, as the Unicode rules run them:
///
/// ```
/// use copydesk::normalize::{step_edits, Edit, NormalizeOptions, Step};
/// let mut edits = Vec::new();
/// step_edits(Step::Mojibake, "Itâ€™s", &NormalizeOptions::default(), &mut edits);
/// assert_eq!(edits, [Edit::new(2, 10, "’")]);
/// ```
pub fn step_edits(step: Step, text: &str, opts: &NormalizeOptions, out: &mut Vec<Edit>) {
    match step {
        Step::HtmlEntities => entities::edits(text, out),
        Step::Mojibake => mojibake::edits(text, out),
        Step::LineEndings => line_endings::edits(text, out),
        Step::Invisible => invisible::edits(text, out),
        Step::Spaces => spaces::edits(text, out),
        Step::UnicodeForm => unicode_form::edits(text, opts.form, out),
        Step::Orphans => orphans::edits(text, out),
        Step::Whitespace => whitespace::edits(text, out),
        Step::Quotes => quotes::edits(text, opts.quotes, out),
    }
}

/// Normalises `text`: see the [module documentation](self) for the steps.
///
/// ```
/// use copydesk::normalize::{normalize, NormalizeOptions};
/// let n = normalize("It\u{2019}s caf\u{e9}&nbsp;time\u{200b}!", &NormalizeOptions::default());
/// assert_eq!(n.text(), "It\u{2019}s caf\u{e9} time!");
/// // "time" in the output is at 13..17; in the original it is at 18..22.
/// assert_eq!(n.to_original_span(copydesk::Span::new(13, 17)), copydesk::Span::new(18, 22));
/// ```
#[must_use]
pub fn normalize<'a>(text: &'a str, opts: &NormalizeOptions) -> Normalized<'a> {
    let mut current: Cow<'a, str> = Cow::Borrowed(text);
    let mut map = OffsetMap::identity(text.len());
    let mut changes = Vec::new();
    let mut edits = Vec::new();
    for _ in 0..MAX_ROUNDS {
        let mut changed = false;
        for step in Step::ALL {
            if !opts.runs(step) {
                continue;
            }
            edits.clear();
            step_edits(step, &current, opts, &mut edits);
            let Some((next, step_map)) = apply_edits(&current, &mut edits) else { continue };
            for e in &edits {
                changes.push(Change {
                    step,
                    original: map.to_original_span(e.span),
                    before: current[e.span.start..e.span.end].to_owned(),
                    after: e.replacement.clone(),
                });
            }
            map = map.then(&step_map);
            current = Cow::Owned(next);
            changed = true;
        }
        if !changed {
            break;
        }
    }
    Normalized { text: current, map, changes }
}

/// Applies `edits` (sorted, not overlapping, on char boundaries of `text`) and returns
/// the new text with the step's offset map, or `None` when nothing changes. Edits that
/// replace text with itself are dropped from `edits`.
pub(crate) fn apply_edits(text: &str, edits: &mut Vec<Edit>) -> Option<(String, OffsetMap)> {
    edits.retain(|e| text.get(e.span.start..e.span.end).is_some_and(|old| old != e.replacement));
    if edits.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut segments = Vec::with_capacity(edits.len());
    let mut last = 0;
    edits.retain(|e| {
        // Overlapping edits would make the map non-monotone: keep the first.
        if e.span.start < last {
            return false;
        }
        out.push_str(&text[last..e.span.start]);
        let start = out.len();
        out.push_str(&e.replacement);
        segments.push(Segment { original: e.span, normalized: Span::new(start, out.len()) });
        last = e.span.end;
        true
    });
    out.push_str(&text[last..]);
    let len = out.len();
    Some((out, OffsetMap::from_segments(segments, text.len(), len)))
}

/// The offset of the first byte at or after `from` in `bytes` that is not ASCII, or
/// `bytes.len()`. Sixteen bytes a step, as two eight-byte integers tested at once: the
/// scans for rare non-ASCII characters skip English text with it.
pub(crate) fn next_non_ascii(bytes: &[u8], from: usize) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let word = |b: &[u8]| u64::from_le_bytes(b.try_into().expect("eight bytes"));
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 16) {
        let (a, b) = (word(&chunk[..8]) & HIGH, word(&chunk[8..]) & HIGH);
        if a | b != 0 {
            let bit = if a != 0 { a.trailing_zeros() } else { 64 + b.trailing_zeros() };
            return i + bit as usize / 8;
        }
        i += 16;
    }
    while i < bytes.len() && bytes[i].is_ascii() {
        i += 1;
    }
    i
}

/// Pushes `edit` unless it replaces text with itself.
pub(crate) fn push_edit(text: &str, out: &mut Vec<Edit>, start: usize, end: usize, replacement: &str) {
    if text.get(start..end).is_some_and(|old| old != replacement) {
        out.push(Edit::new(start, end, replacement));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_non_ascii_finds_the_first_non_ascii_byte() {
        for len in 0..40 {
            for at in 0..=len {
                let mut text = "a".repeat(len);
                if at < len {
                    text.replace_range(at..=at, "é");
                }
                let bytes = text.as_bytes();
                for from in 0..=bytes.len() {
                    let expected = (from..bytes.len()).find(|&i| !bytes[i].is_ascii()).unwrap_or(bytes.len());
                    assert_eq!(next_non_ascii(bytes, from), expected, "{text:?} from {from}");
                }
            }
        }
    }
}

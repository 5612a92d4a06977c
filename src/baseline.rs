//! Baselines: accepted findings recorded in a file, for text that has no comments to
//! hang a directive on.
//!
//! `copydesk check --write-baseline FILE` records every current finding;
//! `copydesk check --baseline FILE` hides them. An entry is keyed by the file and a
//! location-independent [`fingerprint`]: the rule, the matched text and a few words
//! of context on each side. Editing the article elsewhere (adding a paragraph above,
//! rewording another) leaves the entry matching; changing the finding or the words
//! right next to it makes it a new finding. Each entry hides one occurrence. An entry
//! that hides nothing is reported as `unused-suppression` at its line in the baseline
//! file ([`Baseline::unused`]).
//!
//! The file is JSON, one entry per line so diffs stay readable:
//!
//! ```json
//! {"version": 1, "entries": [
//! {"path": "articles/a.md", "rule": "repeated-word", "hash": "5f0c3e1d9a2b4c77", "text": "the the"}
//! ]}
//! ```
//!
//! The round trip, as `--write-baseline` and `--baseline` do it:
//!
//! ```
//! use std::path::Path;
//! use copydesk::{baseline::Baseline, Linter, Severity};
//!
//! let linter = Linter::new();
//! let before = "The the band played.\n";
//! let mut baseline = Baseline::new();
//! baseline.add("a.txt", before, &linter.check(before));
//! let json = baseline.to_json();
//!
//! // Later: a paragraph was added above, and a new defect below.
//! let after = "A new intro.\n\nThe the band played.\n\nIt was was loud.\n";
//! let mut baseline = Baseline::parse(Path::new("copydesk-baseline.json"), &json)?;
//! let mut found = linter.check(after);
//! baseline.filter("a.txt", after, &mut found);
//! assert_eq!(found.len(), 1);
//! assert_eq!(found[0].span.slice(after), "was was");
//! assert!(baseline.unused(&["a.txt"], &["repeated-word"], Severity::Warning).is_empty());
//! # Ok::<(), copydesk::Error>(())
//! ```

use std::collections::HashMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind, Result};
use crate::{Diagnostic, Severity, Span};

/// The baseline format version written and read.
///
/// ```
/// assert!(copydesk::baseline::Baseline::new().to_json().starts_with("{\"version\": 1,"));
/// ```
pub const VERSION: u32 = 1;

/// Words of context taken on each side of a finding for its fingerprint.
pub const CONTEXT_WORDS: usize = 3;

/// Longest matched text stored for readers (the hash covers all of it).
const SHOWN_TEXT: usize = 80;

/// One accepted finding.
///
/// ```
/// use copydesk::{baseline::Baseline, Linter};
/// let text = "It was was loud.";
/// let mut baseline = Baseline::new();
/// baseline.add("a.txt", text, &Linter::new().check(text));
/// let e = &baseline.entries()[0];
/// assert_eq!((e.path.as_str(), e.rule.as_str(), e.text.as_str()), ("a.txt", "repeated-word", "was was"));
/// assert_eq!(e.hash.len(), 16);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The file, as the caller keys it (relative to the baseline file in the CLI).
    pub path: String,
    /// The rule code.
    pub rule: String,
    /// The [`fingerprint`].
    pub hash: String,
    /// The matched text (shortened), for people reading the file.
    pub text: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBaseline {
    version: u32,
    entries: Vec<Entry>,
}

/// A set of accepted findings, tracking which of them were used.
///
/// Each entry hides one occurrence, so a second copy of an accepted defect is new:
///
/// ```
/// use copydesk::{baseline::Baseline, Linter};
/// let linter = Linter::new();
/// let old = "We met. It was was loud.";
/// let mut baseline = Baseline::new();
/// baseline.add("a.txt", old, &linter.check(old));
///
/// let new = "We met. It was was loud. We met. It was was loud.";
/// let mut found = linter.check(new);
/// baseline.filter("a.txt", new, &mut found);
/// let left: Vec<_> = found.iter().filter(|d| d.rule == "repeated-word").collect();
/// assert_eq!(left.len(), 1);
/// ```
#[derive(Clone, Debug, Default)]
pub struct Baseline {
    entries: Vec<Entry>,
    used: Vec<bool>,
    index: HashMap<(String, String), Vec<usize>>,
    /// Each entry's line in the file it was read from.
    lines: Vec<Span>,
}

/// The location-independent key of a finding of `rule` at `span` in `source`: FNV-1a
/// (64 bits, hex) over the rule, the matched text and [`CONTEXT_WORDS`] words on each
/// side, whitespace normalised. Stable across releases and platforms.
///
/// ```
/// use copydesk::{baseline::fingerprint, Span};
/// let a = "It was was loud.";
/// let b = "Intro.\n\nIt  was was loud.";
/// let key = fingerprint("repeated-word", a, Span::new(3, 10));
/// assert_eq!(key, fingerprint("repeated-word", b, Span::new(12, 19)), "moved, and respaced");
/// assert_ne!(key, fingerprint("repeated-word", "It was was quiet.", Span::new(3, 10)), "new context");
/// assert_ne!(key, fingerprint("other-rule", a, Span::new(3, 10)));
/// ```
#[must_use]
pub fn fingerprint(rule: &str, source: &str, span: Span) -> String {
    let start = floor_boundary(source, span.start);
    let end = floor_boundary(source, span.end.max(start));
    // Context stays inside the finding's paragraph and a bounded window, so adding a
    // paragraph next to it (or a huge single line) does not change or slow the key.
    let window_start = floor_boundary(source, start.saturating_sub(CONTEXT_BYTES));
    let mut left = &source[window_start..start];
    if let Some(p) = left.rfind("\n\n").or_else(|| left.rfind("\n\r\n")) {
        left = &left[p..];
    }
    let mut right = &source[end..floor_boundary(source, end.saturating_add(CONTEXT_BYTES))];
    if let Some(p) = right.find("\n\n").or_else(|| right.find("\r\n\r\n")) {
        right = &right[..p];
    }
    let before: Vec<&str> = left.rsplit(char::is_whitespace).filter(|w| !w.is_empty()).take(CONTEXT_WORDS).collect();
    let after = right.split_whitespace().take(CONTEXT_WORDS);
    let mut h = Fnv::default();
    h.write(rule.as_bytes());
    h.write(&[0]);
    for w in source[start..end].split_whitespace() {
        h.write(w.as_bytes());
        h.write(b" ");
    }
    // Whitespace-only findings (a doubled space) are told apart by their length.
    h.write(&[0, u8::from(source[start..end].trim().is_empty())]);
    h.write(source[start..end].len().to_string().as_bytes());
    h.write(&[0]);
    for w in before.iter().rev() {
        h.write(w.as_bytes());
        h.write(b" ");
    }
    h.write(&[0]);
    for w in after {
        h.write(w.as_bytes());
        h.write(b" ");
    }
    format!("{:016x}", h.0)
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// How far either side of a finding its context words are looked for.
const CONTEXT_BYTES: usize = 200;

/// 64-bit FNV-1a: tiny, fast, and fixed forever (std's hasher may change between
/// releases, which would orphan every baseline).
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

impl Baseline {
    /// An empty baseline.
    ///
    /// ```
    /// assert!(copydesk::baseline::Baseline::new().entries().is_empty());
    /// ```
    #[must_use]
    pub fn new() -> Self {
        Baseline::default()
    }

    /// Records the findings of the file keyed `path` (whose text is `source`), except
    /// `unused-suppression` findings.
    ///
    /// ```
    /// use copydesk::{baseline::Baseline, Linter};
    /// let text = "Leave a Comment\n\nThe the end.";
    /// let mut baseline = Baseline::new();
    /// baseline.add("posts/a.txt", text, &Linter::new().check(text));
    /// let rules: Vec<&str> = baseline.entries().iter().map(|e| e.rule.as_str()).collect();
    /// assert_eq!(rules, ["boilerplate", "repeated-word"]);
    /// ```
    pub fn add(&mut self, path: &str, source: &str, diagnostics: &[Diagnostic]) {
        for d in diagnostics.iter().filter(|d| d.rule != crate::suppress::META.code) {
            let hash = fingerprint(&d.rule, source, d.span);
            let text = source.get(d.span.start..d.span.end).unwrap_or("");
            let text = match text.char_indices().nth(SHOWN_TEXT) {
                Some((cut, _)) => format!("{}…", &text[..cut]),
                None => text.to_owned(),
            };
            self.push(Entry { path: path.to_owned(), rule: d.rule.to_string(), hash, text });
        }
    }

    fn push(&mut self, entry: Entry) {
        self.index.entry((entry.path.clone(), entry.hash.clone())).or_default().push(self.entries.len());
        self.entries.push(entry);
        self.used.push(false);
    }

    /// The entries, in the order recorded.
    ///
    /// ```
    /// use copydesk::{baseline::Baseline, Diagnostic, Severity, Span};
    /// let mut baseline = Baseline::new();
    /// let d = Diagnostic::new("whitespace", Severity::Info, Span::new(3, 5), "two spaces");
    /// baseline.add("a.txt", "One  two", &[d]);
    /// assert_eq!(baseline.entries()[0].text, "  ");
    /// ```
    #[must_use]
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The baseline as JSON, one entry per line.
    ///
    /// ```
    /// use copydesk::{baseline::Baseline, Linter};
    /// let text = "It was was loud.";
    /// let mut baseline = Baseline::new();
    /// baseline.add("a.txt", text, &Linter::new().check(text));
    /// let json = baseline.to_json();
    /// assert_eq!(json.lines().count(), 3);
    /// assert!(json.lines().nth(1).unwrap().starts_with(r#"{"path":"a.txt","rule":"repeated-word","hash":"#));
    /// ```
    #[must_use]
    pub fn to_json(&self) -> String {
        let mut out = format!("{{\"version\": {VERSION}, \"entries\": [\n");
        for (i, e) in self.entries.iter().enumerate() {
            out.push_str(&serde_json::to_string(e).expect("entries serialise"));
            out.push_str(if i + 1 < self.entries.len() { ",\n" } else { "\n" });
        }
        out.push_str("]}\n");
        out
    }

    /// Reads a baseline file.
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let dir = tempfile::tempdir()?;
    /// let path = dir.path().join("copydesk-baseline.json");
    /// std::fs::write(&path, copydesk::baseline::Baseline::new().to_json())?;
    /// assert!(copydesk::baseline::Baseline::load(&path)?.entries().is_empty());
    /// # Ok(())
    /// # }
    /// ```
    ///
    /// # Errors
    /// I/O errors, and [`ErrorKind::Baseline`] errors pointing into the file when it is
    /// not a baseline of this version.
    pub fn load(path: &Path) -> Result<Baseline> {
        let source = std::fs::read_to_string(path).map_err(|e| Error::io(path, &e))?;
        Baseline::parse(path, &source)
    }

    /// Parses baseline `source`, read from `path`.
    ///
    /// ```
    /// use std::path::Path;
    /// use copydesk::{baseline::Baseline, ErrorKind};
    /// let path = Path::new("copydesk-baseline.json");
    /// let ok = Baseline::parse(path, r#"{"version": 1, "entries": [
    /// {"path": "a.txt", "rule": "repeated-word", "hash": "0123456789abcdef", "text": "was was"}
    /// ]}"#)?;
    /// assert_eq!(ok.entries()[0].rule, "repeated-word");
    ///
    /// let err = Baseline::parse(path, r#"{"version": 2, "entries": []}"#).unwrap_err();
    /// assert_eq!(err.kind(), &ErrorKind::Baseline);
    /// assert!(err.to_string().contains("has version 2"));
    /// # Ok::<(), copydesk::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`Baseline::load`].
    pub fn parse(path: &Path, source: &str) -> Result<Baseline> {
        let name = path.display().to_string();
        let raw: RawBaseline = serde_json::from_str(source).map_err(|e| {
            let at = offset_of(source, e.line(), e.column());
            Error::new(ErrorKind::Baseline, format!("invalid baseline {name}: {e}"))
                .with_path(path)
                .with_label(&name, source, Span::new(at, at), e.to_string())
                .with_help("write a new one with `copydesk check --write-baseline FILE`")
        })?;
        if raw.version != VERSION {
            return Err(Error::new(
                ErrorKind::Baseline,
                format!("baseline {name} has version {}, this copydesk reads version {VERSION}", raw.version),
            )
            .with_path(path));
        }
        let mut baseline = Baseline::new();
        for e in raw.entries {
            baseline.push(e);
        }
        // Each entry's line, for reporting unused ones: the lines holding a "hash" key.
        let mut lines = Vec::with_capacity(baseline.entries.len());
        let mut start = 0;
        for line in source.split_inclusive('\n') {
            if line.contains("\"hash\"") {
                let body = line.trim_end_matches(['\n', '\r', ',']);
                lines.push(Span::new(start, start + body.len()));
            }
            start += line.len();
        }
        if lines.len() == baseline.entries.len() {
            baseline.lines = lines;
        }
        Ok(baseline)
    }

    /// Drops the findings of the file keyed `path` (text `source`) that entries accept,
    /// one finding per entry, and marks those entries used.
    ///
    /// ```
    /// use copydesk::{baseline::Baseline, Linter};
    /// let linter = Linter::new();
    /// let text = "It was was loud.";
    /// let mut baseline = Baseline::new();
    /// baseline.add("a.txt", text, &linter.check(text));
    /// let (mut a, mut b) = (linter.check(text), linter.check(text));
    /// baseline.filter("a.txt", text, &mut a);
    /// baseline.filter("b.txt", text, &mut b);
    /// assert!(a.is_empty());
    /// assert_eq!(b.len(), 1, "entries are per file");
    /// ```
    pub fn filter(&mut self, path: &str, source: &str, diagnostics: &mut Vec<Diagnostic>) {
        if self.entries.is_empty() {
            return;
        }
        let (index, used) = (&self.index, &mut self.used);
        diagnostics.retain(|d| {
            let key = (path.to_owned(), fingerprint(&d.rule, source, d.span));
            let Some(candidates) = index.get(&key) else { return true };
            match candidates.iter().find(|&&i| !used[i]) {
                Some(&i) => {
                    used[i] = true;
                    false
                }
                None => true,
            }
        });
    }

    /// `unused-suppression` findings at `severity` for entries that hid nothing, with
    /// spans at their lines in the file the baseline was parsed from. Only entries for
    /// files in `linted` and rules in `ran` count: an entry for a file not linted or a
    /// rule not run this time may still be needed.
    ///
    /// ```
    /// use std::path::Path;
    /// use copydesk::{baseline::Baseline, Linter, Severity};
    /// let linter = Linter::new();
    /// let mut baseline = Baseline::new();
    /// baseline.add("a.txt", "It was was loud.", &linter.check("It was was loud."));
    /// let json = baseline.to_json();
    ///
    /// // The article was fixed: the entry hides nothing now.
    /// let mut baseline = Baseline::parse(Path::new("base.json"), &json)?;
    /// let fixed = "It was loud.";
    /// let mut found = linter.check(fixed);
    /// baseline.filter("a.txt", fixed, &mut found);
    /// let unused = baseline.unused(&["a.txt"], &["repeated-word"], Severity::Warning);
    /// assert_eq!(unused.len(), 1);
    /// assert_eq!(unused[0].span.slice(&json), json.lines().nth(1).unwrap());
    /// assert!(baseline.unused(&["b.txt"], &["repeated-word"], Severity::Warning).is_empty());
    /// # Ok::<(), copydesk::Error>(())
    /// ```
    #[must_use]
    pub fn unused(&self, linted: &[&str], ran: &[&str], severity: Severity) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for (i, e) in self.entries.iter().enumerate() {
            if self.used[i] || !linted.contains(&e.path.as_str()) || !ran.contains(&e.rule.as_str()) {
                continue;
            }
            let span = self.lines.get(i).copied().unwrap_or_default();
            out.push(Diagnostic::new(
                crate::suppress::META.code.clone(),
                severity,
                span,
                format!("baseline entry for `{}` {:?} in {} matches no finding", e.rule, e.text, e.path),
            ));
        }
        out
    }
}

/// Byte offset of 1-based `line`, 1-based `column` (in bytes) in `source`.
fn offset_of(source: &str, line: usize, column: usize) -> usize {
    let start: usize = source.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum();
    floor_boundary(source, start + column.saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diag(rule: &'static str, text: &str, needle: &str) -> Diagnostic {
        let at = text.find(needle).unwrap();
        Diagnostic::new(rule, Severity::Warning, Span::new(at, at + needle.len()), "m")
    }

    #[test]
    fn fingerprint_ignores_position_but_not_context() {
        let a = "One two three the the four five six.";
        let b = "A new first paragraph.\n\nOne two three the the four five six.";
        let c = "One two CHANGED the the four five six.";
        let fp = |t: &str| fingerprint("repeated-word", t, diag("repeated-word", t, "the the").span);
        assert_eq!(fp(a), fp(b));
        assert_ne!(fp(a), fp(c));
        assert_eq!(fp(a).len(), 16);
        // Out-of-range and mid-char spans do not panic.
        let _ = fingerprint("r", "é", Span::new(1, 9));
    }

    #[test]
    fn round_trip_filter_and_unused() {
        let text = "Say the the word here and there. Then we reach the end.";
        let diags = vec![diag("repeated-word", text, "the the"), diag("x", text, "end")];
        let mut b = Baseline::new();
        b.add("a.txt", text, &diags);
        let json = b.to_json();
        assert_eq!(json.lines().count(), 4);
        let mut b = Baseline::parse(Path::new("b.json"), &json).unwrap();
        // The first finding is gone from the edited text, the second is still there.
        let edited = "Say the word here and there. Then we reach the end.";
        let mut now = vec![diag("x", edited, "end")];
        b.filter("a.txt", edited, &mut now);
        assert!(now.is_empty());
        let unused = b.unused(&["a.txt"], &["repeated-word", "x"], Severity::Warning);
        assert_eq!(unused.len(), 1);
        assert_eq!(&json[unused[0].span.start..unused[0].span.end], json.lines().nth(1).unwrap().trim_end_matches(','));
        assert!(b.unused(&["other.txt"], &["repeated-word", "x"], Severity::Warning).is_empty());
        assert!(b.unused(&["a.txt"], &["x"], Severity::Warning).is_empty());
    }

    #[test]
    fn one_entry_hides_one_occurrence() {
        let text = "x. x.";
        let mut b = Baseline::new();
        b.add("a", text, &[Diagnostic::new("r", Severity::Info, Span::new(0, 1), "m")]);
        let mut now = vec![
            Diagnostic::new("r", Severity::Info, Span::new(0, 1), "m"),
            Diagnostic::new("r", Severity::Info, Span::new(0, 1), "m"),
        ];
        b.filter("a", text, &mut now);
        assert_eq!(now.len(), 1);
    }

    #[test]
    fn bad_files_point_into_the_json() {
        let src = "{\"version\": 1, \"entries\": [\n{\"path\": 3}\n]}";
        let e = Baseline::parse(Path::new("b.json"), src).unwrap_err();
        assert_eq!(e.kind(), &ErrorKind::Baseline);
        assert!(e.span().unwrap().start > 20);
        let e = Baseline::parse(Path::new("b.json"), "{\"version\": 9, \"entries\": []}").unwrap_err();
        assert!(e.to_string().contains("version 9"));
    }
}

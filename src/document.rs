//! The document model every rule reads: built once per input, in one pass.
//!
//! A [`Document`] borrows the original text and records its lines, paragraphs
//! (blank-line separated), sentences (UAX #29) and tokens. Tokens come from one scan:
//! a compiled pattern picks out the tokens Unicode word segmentation would break apart
//! (URLs, e-mail addresses, @handles, #hashtags), and `unicode-segmentation` splits the
//! text between them into words, numbers, emoji and punctuation. Every span is a byte
//! range into the original text, so rules never translate offsets.
//!
//! ```
//! use copydesk::{Document, TokenKind};
//! let text = "Fans cheered.\nSee pic.twitter.com/Ab12 by @NewsDesk9!\n\nA new paragraph.";
//! let doc = Document::new(text);
//! assert_eq!(doc.lines().len(), 4);
//! assert_eq!(doc.paragraphs().len(), 2);
//! assert_eq!(doc.sentences().len(), 3);
//! let kinds: Vec<(&str, TokenKind)> = doc.paragraph_tokens(0).iter().skip(4).map(|t| (t.text, t.kind)).collect();
//! assert_eq!(kinds, [
//!     ("pic.twitter.com/Ab12", TokenKind::Url),
//!     ("by", TokenKind::Word),
//!     ("@NewsDesk9", TokenKind::Handle),
//!     ("!", TokenKind::Punct),
//! ]);
//! ```

use std::any::{Any, TypeId};
use std::cell::RefCell;
use std::rc::Rc;

use once_cell::sync::Lazy;
use regex::Regex;
use unicode_segmentation::UnicodeSegmentation;

use crate::Span;

/// What a token is.
///
/// ```
/// use copydesk::{Document, TokenKind::*};
/// let doc = Document::new("Don’t miss #Eurovision at 10.30 👍 — mail desk@example.org");
/// let kinds: Vec<_> = doc.tokens().iter().map(|t| t.kind).collect();
/// assert_eq!(kinds, [Word, Word, Hashtag, Word, Number, Emoji, Punct, Word, Email]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// A word: contains at least one letter ("don’t", "HOT100", "end.Next").
    Word,
    /// Digits, possibly with internal `.` or `,` ("2023", "10.30", "1,000").
    Number,
    /// An emoji, emoji sequence or lone emoji modifier.
    Emoji,
    /// A web address, with or without scheme ("pic.twitter.com/82cD…").
    Url,
    /// An e-mail address.
    Email,
    /// A social-media handle such as "@NewsDesk9".
    Handle,
    /// A hashtag such as "#Eurovision" (not "#1").
    Hashtag,
    /// Any other single non-space character: punctuation, symbols, marks.
    Punct,
}

/// One token: a slice of the original text with its kind and position.
///
/// ```
/// use copydesk::{Document, TokenKind};
/// let text = "Intro.\n\nThe the end.";
/// let doc = Document::new(text);
/// let t = doc.tokens()[2];
/// assert_eq!((t.text, t.start, t.kind), ("The", 8, TokenKind::Word));
/// assert_eq!((t.line, t.paragraph), (2, 1));
/// assert_eq!(t.span().slice(text), "The");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token's text, borrowed from the source.
    pub text: &'a str,
    /// Byte offset of the token in the source.
    pub start: usize,
    /// What the token is.
    pub kind: TokenKind,
    /// Index of the line the token is on (0-based).
    pub line: u32,
    /// Index of the paragraph the token is in (0-based).
    pub paragraph: u32,
}

impl Token<'_> {
    /// The token's byte span.
    ///
    /// ```
    /// let doc = copydesk::Document::new("Tickets cost £5");
    /// assert_eq!(doc.tokens()[2].span(), copydesk::Span::new(13, 15));
    /// ```
    #[must_use]
    pub fn span(&self) -> Span {
        Span::new(self.start, self.start + self.text.len())
    }

    /// Byte offset one past the token.
    ///
    /// ```
    /// let doc = copydesk::Document::new("Hi there");
    /// assert_eq!(doc.tokens()[1].end(), 8);
    /// ```
    #[must_use]
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }

    /// Whether this is a [`TokenKind::Word`].
    ///
    /// ```
    /// let doc = copydesk::Document::new("Top 10 songs");
    /// let words: Vec<bool> = doc.tokens().iter().map(|t| t.is_word()).collect();
    /// assert_eq!(words, [true, false, true]);
    /// ```
    #[must_use]
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
}

/// One line of the source, without its terminator.
///
/// ```
/// let text = "First\r\n\nThird";
/// let doc = copydesk::Document::new(text);
/// let lines: Vec<(&str, Option<u32>)> = doc.lines().iter().map(|l| (l.span.slice(text), l.paragraph)).collect();
/// assert_eq!(lines, [("First", Some(0)), ("", None), ("Third", Some(1))]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line {
    /// The line's content, excluding `\n` and a preceding `\r`.
    pub span: Span,
    /// The paragraph this line belongs to; `None` for blank lines.
    pub paragraph: Option<u32>,
}

/// A run of non-blank lines.
///
/// ```
/// let text = "One.\nStill one.\n\nTwo.";
/// let doc = copydesk::Document::new(text);
/// let p = doc.paragraphs()[0];
/// assert_eq!(p.span.slice(text), "One.\nStill one.");
/// assert_eq!((p.first_line, p.last_line), (0, 1));
/// assert_eq!(p.tokens, (0, 5));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// From the first byte of the first line to the last byte of the last line.
    pub span: Span,
    /// Index of the first line.
    pub first_line: u32,
    /// Index of the last line (inclusive).
    pub last_line: u32,
    /// Index range of the paragraph's tokens in [`Document::tokens`].
    pub tokens: (u32, u32),
}

/// The analysed text that every rule reads.
///
/// Built once per input by [`Document::new`] and read by every rule; all positions are
/// byte offsets into [`Document::text`].
///
/// ```
/// use copydesk::Document;
/// let text = "Leave a Comment\n\nThe band said the the tour would go ahead.";
/// let doc = Document::new(text);
/// assert_eq!(doc.text(), text);
/// assert_eq!(doc.line_text(0), "Leave a Comment");
/// let second = &doc.paragraphs()[1];
/// assert_eq!(doc.slice(second.span), "The band said the the tour would go ahead.");
/// assert_eq!(doc.line_col(text.find("the the").unwrap()), (3, 15));
/// ```
#[derive(Debug)]
pub struct Document<'a> {
    text: &'a str,
    lines: Vec<Line>,
    paragraphs: Vec<Paragraph>,
    sentences: once_cell::unsync::OnceCell<Vec<Span>>,
    tokens: Vec<Token<'a>>,
    shared: RefCell<Vec<SharedAnalysis>>,
}

/// One entry of [`Document::shared_by`]'s cache: the value's type, its key, the value.
type SharedAnalysis = (TypeId, u64, Rc<dyn Any>);

/// URLs, e-mail addresses, handles and hashtags: the tokens word segmentation would
/// split. Compiled once.
static SPECIAL: Lazy<Regex> = Lazy::new(|| {
    Regex::new(
        r"(?x)
        (?P<url>
            (?:https?://|www\.)[^\s<>\x22“”]+
          | (?:[A-Za-z0-9][A-Za-z0-9-]*\.)+
            (?:com|org|net|edu|gov|int|co|uk|io|ly|be|gl|tv|kr|fm|info|biz|de|fr|jp|cn|ca|au|ie|nz|nl|ru|br|ch|eu|app|dev|news)
            (?:/[^\s<>\x22“”]*)?\b…?
        )
      | (?P<email>[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)
      | (?P<handle>@[A-Za-z0-9_]{1,30})
      | (?P<hashtag>\#[\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*)
        ",
    )
    .expect("the special-token pattern compiles")
});

impl<'a> Document<'a> {
    /// Analyses `text`. Linear in its length.
    ///
    /// ```
    /// let doc = copydesk::Document::new("Hello, world.");
    /// let tokens: Vec<&str> = doc.tokens().iter().map(|t| t.text).collect();
    /// assert_eq!(tokens, ["Hello", ",", "world", "."]);
    /// ```
    #[must_use]
    pub fn new(text: &'a str) -> Self {
        let lines = split_lines(text);
        let (mut paragraphs, lines) = group_paragraphs(text, lines);
        let tokens = tokenize(text, &lines, &mut paragraphs);
        Document {
            text,
            lines,
            paragraphs,
            sentences: once_cell::unsync::OnceCell::new(),
            tokens,
            shared: RefCell::new(Vec::new()),
        }
    }

    /// An analysis several rules share, computed by the first rule that asks for it and
    /// kept for the others: one value per type `T`. Rules define a type per analysis
    /// (the names rules' sentence starts and name runs, say) and call
    /// `doc.shared(|doc| ...)` wherever they need it.
    pub(crate) fn shared<T: Any>(&self, init: impl FnOnce(&Self) -> T) -> Rc<T> {
        self.shared_by(0, init)
    }

    /// As [`Document::shared`], one value per type and `key`: for analyses that depend on
    /// an object of the linter as well as on the text (a pack matcher, by its id).
    pub(crate) fn shared_by<T: Any>(&self, key: u64, init: impl FnOnce(&Self) -> T) -> Rc<T> {
        let ty = TypeId::of::<T>();
        let found = self.shared.borrow().iter().find(|(t, k, _)| *t == ty && *k == key).map(|(_, _, v)| Rc::clone(v));
        let value = found.unwrap_or_else(|| {
            let value: Rc<dyn Any> = Rc::new(init(self));
            self.shared.borrow_mut().push((ty, key, Rc::clone(&value)));
            value
        });
        value.downcast::<T>().unwrap_or_else(|_| unreachable!("shared analyses are keyed by their type"))
    }

    /// The original text.
    ///
    /// ```
    /// assert_eq!(copydesk::Document::new("abc").text(), "abc");
    /// ```
    #[must_use]
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The lines, in order.
    ///
    /// ```
    /// let doc = copydesk::Document::new("a\nb\n");
    /// assert_eq!(doc.lines().len(), 2, "no empty line after the final newline");
    /// ```
    #[must_use]
    pub fn lines(&self) -> &[Line] {
        &self.lines
    }

    /// The paragraphs, in order.
    ///
    /// ```
    /// let doc = copydesk::Document::new("a\n\n\n\nb");
    /// assert_eq!(doc.paragraphs().len(), 2);
    /// ```
    #[must_use]
    pub fn paragraphs(&self) -> &[Paragraph] {
        &self.paragraphs
    }

    /// Sentence spans (UAX #29), trimmed of surrounding whitespace. Computed on first
    /// use: sentence segmentation costs as much as tokenising, and few rules need it.
    ///
    /// ```
    /// let text = "He left. She stayed!  Why?";
    /// let doc = copydesk::Document::new(text);
    /// let s: Vec<&str> = doc.sentences().iter().map(|s| s.slice(text)).collect();
    /// assert_eq!(s, ["He left.", "She stayed!", "Why?"]);
    /// ```
    #[must_use]
    pub fn sentences(&self) -> &[Span] {
        self.sentences.get_or_init(|| {
            self.text
                .split_sentence_bound_indices()
                .filter_map(|(i, s)| {
                    let trimmed = s.trim_end();
                    let lead = trimmed.len() - trimmed.trim_start().len();
                    (!trimmed.trim_start().is_empty()).then(|| Span::new(i + lead, i + trimmed.len()))
                })
                .collect()
        })
    }

    /// All tokens, in order.
    ///
    /// ```
    /// let doc = copydesk::Document::new("See www.example.com now");
    /// assert_eq!(doc.tokens()[1].kind, copydesk::TokenKind::Url);
    /// ```
    #[must_use]
    pub fn tokens(&self) -> &[Token<'a>] {
        &self.tokens
    }

    /// The tokens of paragraph `index`.
    ///
    /// ```
    /// let doc = copydesk::Document::new("One two.\n\nThree.");
    /// let second: Vec<&str> = doc.paragraph_tokens(1).iter().map(|t| t.text).collect();
    /// assert_eq!(second, ["Three", "."]);
    /// ```
    #[must_use]
    pub fn paragraph_tokens(&self, index: usize) -> &[Token<'a>] {
        let (a, b) = self.paragraphs[index].tokens;
        &self.tokens[a as usize..b as usize]
    }

    /// The text of `span`.
    ///
    /// ```
    /// let doc = copydesk::Document::new("The quick fox");
    /// assert_eq!(doc.slice(copydesk::Span::new(4, 9)), "quick");
    /// ```
    #[must_use]
    pub fn slice(&self, span: Span) -> &'a str {
        &self.text[span.start..span.end]
    }

    /// The text of line `index`.
    ///
    /// ```
    /// assert_eq!(copydesk::Document::new("a\r\nb").line_text(0), "a");
    /// ```
    #[must_use]
    pub fn line_text(&self, index: usize) -> &'a str {
        self.slice(self.lines[index].span)
    }

    /// Index of the line containing byte `offset` (the last line for the end of text).
    ///
    /// ```
    /// let doc = copydesk::Document::new("ab\ncd");
    /// assert_eq!((doc.line_index(1), doc.line_index(3), doc.line_index(5)), (0, 1, 1));
    /// ```
    #[must_use]
    pub fn line_index(&self, offset: usize) -> usize {
        self.lines.partition_point(|l| l.span.start <= offset).saturating_sub(1)
    }

    /// 1-based line and 1-based column (in chars) of byte `offset`.
    ///
    /// ```
    /// let text = "Café\nTickets cost £5.";
    /// let doc = copydesk::Document::new(text);
    /// assert_eq!(doc.line_col(text.find('5').unwrap()), (2, 15), "columns count chars");
    /// ```
    #[must_use]
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let i = self.line_index(offset);
        let start = self.lines.get(i).map_or(0, |l| l.span.start);
        let col = self.text.get(start..offset).map_or(0, |s| s.chars().count());
        (i + 1, col + 1)
    }
}

impl<'a> Document<'a> {
    /// Analyses `text` whose paragraphs the caller knows, such as the blocks of a
    /// Markdown article ([`crate::markdown::Markdown::document`]). `paragraphs` must be
    /// sorted, disjoint spans within `text`. A line overlapping none of them counts as
    /// blank; a line holding several (the cells of a table row) belongs to the first.
    /// Tokens and sentences are as [`Document::new`] finds them. Linear in the length of
    /// `text`.
    ///
    /// ```
    /// use copydesk::{Document, Span};
    /// // A table row: two cells, each its own paragraph, on one line.
    /// let text = "| Seoul | Busan |";
    /// let doc = Document::with_paragraphs(text, &[Span::new(2, 7), Span::new(10, 15)]);
    /// let p: Vec<&str> = doc.paragraphs().iter().map(|p| doc.slice(p.span)).collect();
    /// assert_eq!(p, ["Seoul", "Busan"]);
    /// assert_eq!(doc.paragraph_tokens(1)[0].text, "Busan");
    /// ```
    #[must_use]
    pub fn with_paragraphs(text: &'a str, paragraphs: &[Span]) -> Self {
        let mut doc = Document::new(text);
        let mut pi = 0;
        for line in &mut doc.lines {
            line.paragraph = None;
            if line.span.slice(text).trim().is_empty() {
                continue;
            }
            while pi < paragraphs.len() && paragraphs[pi].end <= line.span.start {
                pi += 1;
            }
            if paragraphs.get(pi).is_some_and(|p| p.start < line.span.end) {
                line.paragraph = Some(pi as u32);
            }
        }
        let mut pi = 0;
        for t in &mut doc.tokens {
            while pi < paragraphs.len() && paragraphs[pi].end <= t.start {
                pi += 1;
            }
            t.paragraph = match paragraphs.get(pi) {
                Some(p) if p.start <= t.start => pi as u32,
                _ => u32::MAX,
            };
        }
        let (lines, tokens) = (&doc.lines, &doc.tokens);
        let line_of = |offset: usize| lines.partition_point(|l| l.span.start <= offset).saturating_sub(1) as u32;
        doc.paragraphs = paragraphs
            .iter()
            .map(|&span| Paragraph {
                span,
                first_line: line_of(span.start),
                last_line: line_of(span.end.saturating_sub(1).max(span.start)),
                tokens: (
                    tokens.partition_point(|t| t.start < span.start) as u32,
                    tokens.partition_point(|t| t.start < span.end) as u32,
                ),
            })
            .collect();
        doc
    }
}

/// Splits into lines on `\n`, dropping a `\r` before it. A final line without terminator
/// counts; a text ending in `\n` has no empty last line.
fn split_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::with_capacity(text.len() / 64 + 1);
    let mut start = 0;
    for nl in memchr::memchr_iter(b'\n', text.as_bytes()) {
        let end = if nl > start && text.as_bytes()[nl - 1] == b'\r' { nl - 1 } else { nl };
        lines.push(Line { span: Span::new(start, end), paragraph: None });
        start = nl + 1;
    }
    if start < text.len() || text.is_empty() {
        lines.push(Line { span: Span::new(start, text.len()), paragraph: None });
    }
    lines
}

/// Marks lines with their paragraph and returns the paragraphs with their spans and
/// line ranges; token ranges are left for [`tokenize`].
fn group_paragraphs(text: &str, mut lines: Vec<Line>) -> (Vec<Paragraph>, Vec<Line>) {
    // Paragraphs are separated by blank lines: at most one per two lines, rounded up.
    let mut paras: Vec<Paragraph> = Vec::with_capacity(lines.len() / 2 + 1);
    let mut open = false;
    for (i, line) in lines.iter_mut().enumerate() {
        if line.span.slice(text).trim().is_empty() {
            open = false;
            continue;
        }
        if !open {
            paras.push(Paragraph { span: line.span, first_line: i as u32, last_line: i as u32, tokens: (0, 0) });
            open = true;
        }
        let last = paras.last_mut().expect("a paragraph is open");
        last.span.end = line.span.end;
        last.last_line = i as u32;
        line.paragraph = Some(paras.len() as u32 - 1);
    }
    (paras, lines)
}

/// Byte classes for [`tokenize`]'s ASCII scan: one table load per byte decides whether
/// it extends a word, separates tokens, may join two words, or sends its chunk to the
/// general path.
mod class {
    /// `A`–`Z`, `a`–`z`.
    pub const ALPHA: u8 = 1;
    /// `0`–`9`.
    pub const DIGIT: u8 = 2;
    /// `_`, which joins like a letter but makes neither a word nor a number.
    pub const UNDERSCORE: u8 = 4;
    /// Continues a word.
    pub const WORD: u8 = ALPHA | DIGIT | UNDERSCORE;
    /// ASCII whitespace as [`u8::is_ascii_whitespace`] has it: ends every token.
    pub const SPACE: u8 = 8;
    /// `.`, `'`, `:`: joins a letter to a letter (UAX #29 WB6/7).
    pub const MID_LETTER: u8 = 16;
    /// `.`, `'`, `,`, `;`: joins a digit to a digit (WB11/12).
    pub const MID_NUM: u8 = 32;
    /// `.`: before a letter it may begin a top-level domain, after `www` it ends a
    /// host name; such a chunk goes to the general path.
    pub const DOT: u8 = 64;
    /// `@`, `#`, `/` and every byte of a non-ASCII character: the chunk goes to the
    /// general path (`/` only after `:`, as in `://`).
    pub const SLOW: u8 = 128;

    /// The class of every byte.
    pub static TABLE: [u8; 256] = {
        let mut t = [0u8; 256];
        let mut b = 0;
        while b < 256 {
            let c = b as u8;
            t[b] = if c.is_ascii_alphabetic() {
                ALPHA
            } else if c.is_ascii_digit() {
                DIGIT
            } else if c == b'_' {
                UNDERSCORE
            } else if c.is_ascii_whitespace() {
                SPACE
            } else if c == b'.' {
                MID_LETTER | MID_NUM | DOT
            } else if c == b'\'' {
                MID_LETTER | MID_NUM
            } else if c == b':' {
                MID_LETTER
            } else if c == b',' || c == b';' {
                MID_NUM
            } else if c == b'@' || c == b'#' || c == b'/' || !c.is_ascii() {
                SLOW
            } else {
                0
            };
            b += 1;
        }
        t
    };
}

/// One pass over the text. Whitespace always separates tokens, so the text falls into
/// whitespace-free chunks; only chunks holding `@`, `#`, `://`, `www.`, a `.` before an
/// ASCII letter or a non-ASCII character can contain a URL, address, handle or hashtag
/// or need the Unicode tables. The scan segments as ASCII (the rules of
/// [`ascii_segment`], by byte class) until it meets such a byte; then it drops the
/// chunk's tokens so far and hands the whole chunk to [`general_chunk`]. The scan goes
/// line by line ([`scan_line`]), so tokens get their line and paragraph as they are
/// made, and each paragraph's token range is set from the token count where its first
/// line begins.
fn tokenize<'a>(text: &'a str, lines: &[Line], paragraphs: &mut [Paragraph]) -> Vec<Token<'a>> {
    let mut tokens = Vec::with_capacity(text.len() / 4 + 16);
    // Whether a blank line (to `str::trim`) held a token: a vertical tab, which the
    // scan takes for punctuation.
    let mut stray = false;
    let mut previous = u32::MAX;
    for (index, line) in lines.iter().enumerate() {
        let paragraph = line.paragraph.unwrap_or(u32::MAX);
        if paragraph != previous {
            if let Some(p) = paragraphs.get_mut(paragraph as usize) {
                p.tokens.0 = tokens.len() as u32;
            }
            previous = paragraph;
        }
        let before = tokens.len();
        scan_line(text, line.span, index as u32, paragraph, &mut tokens);
        stray |= paragraph == u32::MAX && tokens.len() > before;
    }
    if stray {
        paragraph_ranges_by_walk(&tokens, paragraphs);
    } else {
        // Token paragraphs only grow: each range ends where the next begins.
        let mut end = tokens.len() as u32;
        for p in paragraphs.iter_mut().rev() {
            p.tokens.1 = end;
            end = p.tokens.0;
        }
    }
    tokens
}

/// [`tokenize`]'s scan of one line, `span` of `text`, whose tokens are on line `line`
/// in paragraph `paragraph`. Not inlined: on its own it keeps its state in registers.
#[inline(never)]
fn scan_line<'a>(text: &'a str, span: Span, line: u32, paragraph: u32, tokens: &mut Vec<Token<'a>>) {
    use class::{ALPHA, DIGIT, DOT, MID_LETTER, MID_NUM, SLOW, SPACE, TABLE, WORD};
    let b = &text.as_bytes()[..span.end];
    let n = b.len();
    let mut i = span.start;
    // The class of `b[i]`, carried from the scan that reached `i`.
    let mut k = b.get(i).map_or(0, |&c| TABLE[c as usize]);
    'line: while i < n {
        if k & SPACE != 0 {
            loop {
                i += 1;
                if i == n {
                    break 'line;
                }
                k = TABLE[b[i] as usize];
                if k & SPACE == 0 {
                    break;
                }
            }
        }
        let start = i;
        i += 1;
        let kind = if k & WORD != 0 {
            loop {
                i += b[i..].iter().position(|&c| TABLE[c as usize] & WORD == 0).unwrap_or(n - i);
                if i == n {
                    k = 0;
                    break;
                }
                let cur = TABLE[b[i] as usize];
                k = cur;
                if cur & (MID_LETTER | MID_NUM) == 0 {
                    break;
                }
                let next = b.get(i + 1).map_or(0, |&c| TABLE[c as usize]);
                // A `.` before a letter may begin a domain. (After `www` and before
                // anything else it cannot join, so the check below sees it.)
                if cur & DOT != 0 && next & ALPHA != 0 {
                    i = general_chunk(text, start, tokens, line, paragraph);
                    k = b.get(i).map_or(0, |&c| TABLE[c as usize]);
                    continue 'line;
                }
                let prev = TABLE[b[i - 1] as usize];
                let joins = (prev & ALPHA != 0 && cur & MID_LETTER != 0 && next & ALPHA != 0)
                    || (prev & DIGIT != 0 && cur & MID_NUM != 0 && next & DIGIT != 0);
                if !joins {
                    break;
                }
                i += 2;
            }
            if TABLE[b[start] as usize] & ALPHA != 0 {
                TokenKind::Word
            } else {
                let classes = b[start..i].iter().fold(0, |all, &c| all | TABLE[c as usize]);
                kind_of(classes & ALPHA != 0, classes & DIGIT != 0)
            }
        } else if (k & SLOW != 0 && (b[start] != b'/' || b[..start].ends_with(b":")))
            || (k & DOT != 0
                && (b.get(i).is_some_and(|&c| TABLE[c as usize] & ALPHA != 0) || b[..start].ends_with(b"www")))
        {
            i = general_chunk(text, start, tokens, line, paragraph);
            k = b.get(i).map_or(0, |&c| TABLE[c as usize]);
            continue;
        } else {
            k = b.get(i).map_or(0, |&c| TABLE[c as usize]);
            TokenKind::Punct
        };
        tokens.push(Token { text: &text[start..i], start, kind, line, paragraph });
    }
}

/// Sets the paragraphs' token ranges by walking the tokens: each range runs from where
/// the previous one ended while the tokens are in that paragraph. For texts with
/// tokens outside every paragraph, where ranges from the first lines would differ.
#[cold]
fn paragraph_ranges_by_walk(tokens: &[Token<'_>], paragraphs: &mut [Paragraph]) {
    let mut t = 0usize;
    for (i, p) in paragraphs.iter_mut().enumerate() {
        let begin = t;
        while t < tokens.len() && tokens[t].paragraph as usize == i {
            t += 1;
        }
        p.tokens = (begin as u32, t as u32);
    }
}

/// The general path of [`tokenize`] for the chunk holding byte `at`: finds the chunk,
/// drops what the ASCII scan made of it, and tokenises it with [`special_chunk`] if
/// [`needs_pattern`], else with [`segment`]. Returns the end of the chunk.
#[cold]
#[inline(never)]
fn general_chunk<'a>(text: &'a str, at: usize, tokens: &mut Vec<Token<'a>>, line: u32, paragraph: u32) -> usize {
    let b = text.as_bytes();
    let chunk = b[..at].iter().rposition(u8::is_ascii_whitespace).map_or(0, |p| p + 1);
    let first = tokens.iter().rposition(|t| t.start < chunk).map_or(0, |p| p + 1);
    tokens.truncate(first);
    let end = b[chunk..].iter().position(u8::is_ascii_whitespace).map_or(b.len(), |n| chunk + n);
    if needs_pattern(&b[chunk..end]) {
        special_chunk(text, chunk, end, tokens);
    } else {
        segment(text, chunk, end, tokens);
    }
    for t in &mut tokens[first..] {
        (t.line, t.paragraph) = (line, paragraph);
    }
    end
}

/// Whether a whitespace-free chunk goes to [`special_chunk`]: it holds `@`, `#`, `/` or
/// a `.` before an ASCII letter or digit (the screen that defines which chunks the
/// special-token pattern sees), and also `@`, `#`, `://`, `www.` or a `.` before a
/// letter, without which the pattern cannot match, so that [`segment`] gives the same
/// tokens ("4.5%", "9/11").
fn needs_pattern(chunk: &[u8]) -> bool {
    let (mut screen, mut can_match) = (false, false);
    for (j, &c) in chunk.iter().enumerate() {
        match c {
            b'@' | b'#' => return true,
            b'/' => {
                screen = true;
                can_match |= chunk[..j].ends_with(b":");
            }
            b'.' => {
                let next = chunk.get(j + 1);
                screen |= next.is_some_and(u8::is_ascii_alphanumeric);
                can_match |= next.is_some_and(u8::is_ascii_alphabetic) || chunk[..j].ends_with(b"www");
            }
            _ => {}
        }
    }
    screen && can_match
}

/// Tokenises the chunk `text[from..to]`, which may hold special tokens.
fn special_chunk<'a>(text: &'a str, from: usize, to: usize, tokens: &mut Vec<Token<'a>>) {
    let chunk = &text[from..to];
    let mut pos = 0;
    for m in SPECIAL.find_iter(chunk) {
        let (start, mut end) = (m.start(), m.end());
        let matched = m.as_str();
        let kind = match matched.as_bytes()[0] {
            b'@' => TokenKind::Handle,
            b'#' => TokenKind::Hashtag,
            _ if matched.contains('@') && !matched.contains('/') => TokenKind::Email,
            _ => TokenKind::Url,
        };
        // A handle, hashtag or address glued to a preceding word is not one ("C#", "a@b").
        let prev = chunk[..start].chars().next_back();
        if prev.is_some_and(|c| {
            c.is_alphanumeric() || c == '_' || (kind == TokenKind::Url && (c == '.' || c == '@' || c == '/'))
        }) {
            continue;
        }
        if kind == TokenKind::Url {
            end = start + trim_url_tail(matched).len();
        }
        if start < pos {
            continue;
        }
        segment(text, from + pos, from + start, tokens);
        tokens.push(Token { text: &chunk[start..end], start: from + start, kind, line: 0, paragraph: 0 });
        pos = end;
    }
    segment(text, from + pos, to, tokens);
}

/// Drops trailing punctuation that ends the sentence rather than the address.
fn trim_url_tail(url: &str) -> &str {
    url.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '}', '\'', '"', '’', '”', '»'])
}

/// Word-segments `text[from..to]` and appends its non-space tokens.
fn segment<'a>(text: &'a str, from: usize, to: usize, out: &mut Vec<Token<'a>>) {
    if from >= to {
        return;
    }
    let piece = &text[from..to];
    if piece.is_ascii() {
        ascii_segment(piece, from, out);
        return;
    }
    if piece.chars().all(|c| latin_class(c).is_some()) {
        latin_segment(piece, from, out);
        return;
    }
    for (i, seg) in piece.split_word_bound_indices() {
        // Segmentation attaches a combining mark or emoji modifier to a preceding space
        // (UAX #29, WB4); the space is not part of the token.
        let trimmed = seg.trim_start();
        let Some(kind) = classify(trimmed) else { continue };
        let start = from + i + (seg.len() - trimmed.len());
        out.push(Token { text: trimmed, start, kind, line: 0, paragraph: 0 });
    }
}

/// UAX #29 word segmentation restricted to ASCII, which is most of most articles and
/// four times faster than the general tables: letters, digits and `_` join; a letter,
/// then `.`, `'` or `:`, then a letter joins (WB6/7); a digit, then `.`, `'`, `,` or
/// `;`, then a digit joins (WB11/12); everything else is a token of its own.
/// A unit test checks it against `unicode-segmentation` on random ASCII.
fn ascii_segment<'a>(piece: &'a str, base: usize, out: &mut Vec<Token<'a>>) {
    let b = piece.as_bytes();
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        // The kind, tracked while scanning: letters make a word, digits a number.
        let mut alpha = c.is_ascii_alphabetic();
        let mut digit = c.is_ascii_digit();
        if word(c) {
            while i < b.len() {
                let (prev, cur) = (b[i - 1], b[i]);
                if word(cur) {
                    alpha |= cur.is_ascii_alphabetic();
                    digit |= cur.is_ascii_digit();
                    i += 1;
                    continue;
                }
                let next = b.get(i + 1).copied();
                let letter_mid = prev.is_ascii_alphabetic()
                    && matches!(cur, b'.' | b'\'' | b':')
                    && next.is_some_and(|n| n.is_ascii_alphabetic());
                let digit_mid = prev.is_ascii_digit()
                    && matches!(cur, b'.' | b'\'' | b',' | b';')
                    && next.is_some_and(|n| n.is_ascii_digit());
                if letter_mid || digit_mid {
                    i += 2;
                    continue;
                }
                break;
            }
        }
        out.push(Token {
            text: &piece[start..i],
            start: base + start,
            kind: kind_of(alpha, digit),
            line: 0,
            paragraph: 0,
        });
    }
}

/// The kind of a segmented piece from what it holds: letters make a word, digits a
/// number, anything else is punctuation.
fn kind_of(letters: bool, digits: bool) -> TokenKind {
    if letters {
        TokenKind::Word
    } else if digits {
        TokenKind::Number
    } else {
        TokenKind::Punct
    }
}

/// How [`latin_segment`] treats a character: the UAX #29 word-break classes it needs.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Latin {
    /// ALetter: ASCII and Latin-1/Latin Extended-A/B letters.
    Letter,
    /// Numeric: ASCII digits.
    Digit,
    /// ExtendNumLet: `_`.
    Underscore,
    /// MidNumLet and Single_Quote: `.`, `'`, `‘`, `’` join letters and digits alike.
    MidBoth,
    /// MidLetter: `:` joins letters.
    MidLetter,
    /// MidNum: `,` and `;` join digits.
    MidNum,
    /// Other: breaks on both sides.
    Other,
}

/// The class of `c`, or `None` when [`latin_segment`] does not handle it (whitespace,
/// other scripts, marks, format characters, emoji): such pieces go to the full tables.
fn latin_class(c: char) -> Option<Latin> {
    Some(match c {
        'a'..='z' | 'A'..='Z' => Latin::Letter,
        '0'..='9' => Latin::Digit,
        '_' => Latin::Underscore,
        '.' | '\'' | '‘' | '’' => Latin::MidBoth,
        ':' => Latin::MidLetter,
        ',' | ';' => Latin::MidNum,
        '!'..='/' | '<'..='@' | '['..='`' | '{'..='~' => Latin::Other,
        '\u{c0}'..='\u{24f}' if c != '×' && c != '÷' => Latin::Letter,
        // Punctuation and symbols news text is full of, all Other in UAX #29.
        '“' | '”' | '„' | '–' | '—' | '…' | '•' | '£' | '€' | '¥' | '¢' | '°' | '«' | '»' | '©' | '®' | '™' | '§'
        | '¶' | '†' | '‡' | '′' | '″' | '‹' | '›' | '¡' | '¿' | '±' => Latin::Other,
        _ => return None,
    })
}

/// UAX #29 word segmentation for pieces of ASCII, Latin letters and common punctuation
/// ("don’t", "Beyoncé’s", "“Hello”", "£1,000"): the rules of [`ascii_segment`] over
/// chars, with `‘` and `’` joining like `.`. A unit test checks it against
/// `unicode-segmentation` on random strings of these characters.
fn latin_segment<'a>(piece: &'a str, base: usize, out: &mut Vec<Token<'a>>) {
    let class = |c: char| latin_class(c).unwrap_or(Latin::Other);
    let word = |c: Latin| matches!(c, Latin::Letter | Latin::Digit | Latin::Underscore);
    let mut chars = piece.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let first = class(c);
        let mut end = start + c.len_utf8();
        let (mut letters, mut digits) = (first == Latin::Letter, first == Latin::Digit);
        if word(first) {
            let mut prev = first;
            while let Some(&(i, cur)) = chars.peek() {
                let cur_class = class(cur);
                if word(cur_class) {
                    chars.next();
                    end = i + cur.len_utf8();
                    letters |= cur_class == Latin::Letter;
                    digits |= cur_class == Latin::Digit;
                    prev = cur_class;
                    continue;
                }
                let next = piece[i + cur.len_utf8()..].chars().next().map(class);
                let letter_mid = prev == Latin::Letter
                    && matches!(cur_class, Latin::MidBoth | Latin::MidLetter)
                    && next == Some(Latin::Letter);
                let digit_mid = prev == Latin::Digit
                    && matches!(cur_class, Latin::MidBoth | Latin::MidNum)
                    && next == Some(Latin::Digit);
                if !(letter_mid || digit_mid) {
                    break;
                }
                chars.next();
                let (j, n) = chars.next().expect("the joined character follows");
                end = j + n.len_utf8();
                prev = next.expect("checked above");
            }
        }
        out.push(Token {
            text: &piece[start..end],
            start: base + start,
            kind: kind_of(letters, digits),
            line: 0,
            paragraph: 0,
        });
    }
}

/// The kind of a word-segmentation piece; `None` for whitespace.
fn classify(seg: &str) -> Option<TokenKind> {
    let mut chars = seg.chars();
    let first = chars.next()?;
    if seg.len() == first.len_utf8() && first.is_ascii() {
        // ASCII fast path for single characters, the commonest piece after words.
        return if first.is_ascii_whitespace() {
            None
        } else if first.is_ascii_alphabetic() {
            Some(TokenKind::Word)
        } else if first.is_ascii_digit() {
            Some(TokenKind::Number)
        } else {
            Some(TokenKind::Punct)
        };
    }
    if seg.chars().all(char::is_whitespace) {
        return None;
    }
    if seg.chars().any(char::is_alphabetic) {
        return Some(TokenKind::Word);
    }
    if seg.chars().any(|c| c.is_ascii_digit() || c.is_numeric()) {
        return Some(TokenKind::Number);
    }
    if seg.chars().any(is_emoji) {
        return Some(TokenKind::Emoji);
    }
    Some(TokenKind::Punct)
}

/// Each char of `text` with its byte offset and its neighbours: `(offset, before, c,
/// after)`, for the scans that judge a quote mark or apostrophe by what surrounds it.
///
/// ```
/// let v: Vec<_> = copydesk::document::chars_with_neighbours("a’b").collect();
/// assert_eq!(v, [(0, None, 'a', Some('’')), (1, Some('a'), '’', Some('b')), (4, Some('’'), 'b', None)]);
/// ```
pub fn chars_with_neighbours(text: &str) -> impl Iterator<Item = (usize, Option<char>, char, Option<char>)> + '_ {
    let mut prev = None;
    let mut iter = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (i, c) = iter.next()?;
        let next = iter.peek().map(|&(_, n)| n);
        Some((i, prev.replace(c), c, next))
    })
}

/// Whether `c` is an emoji, emoji component or emoji modifier (an approximation of
/// `Extended_Pictographic` plus modifiers and regional indicators, by block).
///
/// ```
/// use copydesk::document::is_emoji;
/// assert!(is_emoji('👍') && is_emoji('\u{1F3FC}'));
/// assert!(!is_emoji('a') && !is_emoji('’'));
/// ```
#[must_use]
pub fn is_emoji(c: char) -> bool {
    matches!(c as u32,
        0x1F000..=0x1FAFF   // mahjong .. pictographs extended-A: incl. regional indicators and modifiers
        | 0x2600..=0x27BF   // miscellaneous symbols, dingbats
        | 0x2B00..=0x2BFF   // arrows and stars used as emoji
        | 0x2300..=0x23FF   // technical: watch, hourglass
        | 0xFE0F | 0x200D | 0x20E3
        | 0xE0020..=0xE007F // tag characters (subdivision flags)
    )
}

/// The analysis as it was before [`tokenize`] became one fused scan: separate passes
/// for lines, chunks, ASCII runs and token lines. Kept as the oracle the fused scan is
/// tested against.
#[cfg(test)]
mod oracle {
    use super::*;

    fn split_lines(text: &str) -> Vec<Line> {
        let mut lines = Vec::with_capacity(text.len() / 64 + 1);
        let mut start = 0;
        for nl in text.as_bytes().iter().enumerate().filter_map(|(i, &b)| (b == b'\n').then_some(i)) {
            let end = if nl > start && text.as_bytes()[nl - 1] == b'\r' { nl - 1 } else { nl };
            lines.push(Line { span: Span::new(start, end), paragraph: None });
            start = nl + 1;
        }
        if start < text.len() || text.is_empty() {
            lines.push(Line { span: Span::new(start, text.len()), paragraph: None });
        }
        lines
    }

    fn tokenize<'a>(text: &'a str, lines: &[Line]) -> Vec<Token<'a>> {
        let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
        let bytes = text.as_bytes();
        let mut i = 0;
        let mut plain = 0;
        while i < bytes.len() {
            if bytes[i].is_ascii_whitespace() {
                i += 1;
                continue;
            }
            let start = i;
            let mut special = false;
            let mut ascii = true;
            while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
                let b = bytes[i];
                special |= matches!(b, b'@' | b'#' | b'/')
                    || (b == b'.' && bytes.get(i + 1).is_some_and(|n| n.is_ascii_alphanumeric()));
                ascii &= b.is_ascii();
                i += 1;
            }
            if ascii && !special {
                continue;
            }
            ascii_segment(&text[plain..start], plain, &mut tokens);
            if special {
                special_chunk(text, start, i, &mut tokens);
            } else {
                segment(text, start, i, &mut tokens);
            }
            plain = i;
        }
        ascii_segment(&text[plain..], plain, &mut tokens);
        let mut li = 0;
        for t in &mut tokens {
            while li + 1 < lines.len() && lines[li + 1].span.start <= t.start {
                li += 1;
            }
            t.line = li as u32;
            t.paragraph = lines[li].paragraph.unwrap_or(u32::MAX);
        }
        tokens
    }

    fn group_paragraphs(text: &str, mut lines: Vec<Line>) -> (Vec<(Span, u32, u32)>, Vec<Line>) {
        let mut paras: Vec<(Span, u32, u32)> = Vec::new();
        let mut open = false;
        for (i, line) in lines.iter_mut().enumerate() {
            if line.span.slice(text).trim().is_empty() {
                open = false;
                continue;
            }
            if !open {
                paras.push((line.span, i as u32, i as u32));
                open = true;
            }
            let last = paras.last_mut().expect("a paragraph is open");
            last.0.end = line.span.end;
            last.2 = i as u32;
            line.paragraph = Some(paras.len() as u32 - 1);
        }
        (paras, lines)
    }

    /// Lines, paragraphs and tokens as the old `Document::new` made them.
    pub fn analyse(text: &str) -> (Vec<Line>, Vec<Paragraph>, Vec<Token<'_>>) {
        let lines = split_lines(text);
        let (paragraphs_spans, lines) = group_paragraphs(text, lines);
        let tokens = tokenize(text, &lines);
        let mut paragraphs = Vec::with_capacity(paragraphs_spans.len());
        let mut t = 0usize;
        for (i, (span, first, last)) in paragraphs_spans.into_iter().enumerate() {
            let begin = t;
            while t < tokens.len() && tokens[t].paragraph as usize == i {
                t += 1;
            }
            paragraphs.push(Paragraph { span, first_line: first, last_line: last, tokens: (begin as u32, t as u32) });
        }
        (lines, paragraphs, tokens)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(&str, TokenKind)> {
        Document::new(text).tokens().iter().map(|t| (t.text, t.kind)).collect()
    }

    #[test]
    fn words_numbers_punctuation() {
        use TokenKind::*;
        assert_eq!(
            kinds("Don’t pay $1,000 now."),
            vec![("Don’t", Word), ("pay", Word), ("$", Punct), ("1,000", Number), ("now", Word), (".", Punct)]
        );
    }

    #[test]
    fn social_tokens() {
        use TokenKind::*;
        let k = kinds("wrote @NewsDesk9 #Nightfall pic.twitter.com/82cDWcYSd3. Mail a.b@c.org #1 C#");
        assert!(k.contains(&("@NewsDesk9", Handle)));
        assert!(k.contains(&("#Nightfall", Hashtag)));
        assert!(k.contains(&("pic.twitter.com/82cDWcYSd3", Url)));
        assert!(k.contains(&("a.b@c.org", Email)));
        assert!(!k.iter().any(|(t, _)| *t == "#1" || *t == "C#"));
    }

    #[test]
    fn truncated_status_url_keeps_ellipsis() {
        let k = kinds("see twitter.com/_newsdesk/stat… now");
        assert!(k.contains(&("twitter.com/_newsdesk/stat…", TokenKind::Url)));
    }

    #[test]
    fn emoji_and_modifier() {
        let k = kinds("Dani💋@InASubBubble 🏼");
        assert!(k.contains(&("💋", TokenKind::Emoji)));
        assert!(k.contains(&("@InASubBubble", TokenKind::Handle)));
        assert!(k.contains(&("🏼", TokenKind::Emoji)));
    }

    #[test]
    fn lines_paragraphs_crlf_no_trailing_newline() {
        let doc = Document::new("a b\r\nc\r\n\r\n\r\nd\te\u{a0}f");
        assert_eq!(doc.lines().len(), 5);
        assert_eq!(doc.line_text(0), "a b");
        assert_eq!(doc.paragraphs().len(), 2);
        assert_eq!(doc.slice(doc.paragraphs()[0].span), "a b\r\nc");
        assert_eq!(doc.slice(doc.paragraphs()[1].span), "d\te\u{a0}f");
        let last: Vec<_> = doc.paragraph_tokens(1).iter().map(|t| t.text).collect();
        assert_eq!(last, ["d", "e", "f"]);
        assert_eq!(doc.line_col(doc.text().len()), (5, 6));
    }

    #[test]
    fn ascii_segmentation_matches_uax29() {
        // Deterministic pseudo-random ASCII strings over the characters that matter.
        let alphabet = b"ab Z9_0.',:;-\"!?x";
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..3000 {
            let len = (seed % 12) as usize + 1;
            let s: String = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    alphabet[(seed % alphabet.len() as u64) as usize] as char
                })
                .collect();
            let mut fast = Vec::new();
            ascii_segment(&s, 0, &mut fast);
            let fast: Vec<&str> = fast.iter().map(|t| t.text).collect();
            let slow: Vec<&str> = s.split_word_bounds().map(str::trim_start).filter(|w| !w.is_empty()).collect();
            assert_eq!(fast, slow, "on {s:?}");
        }
    }

    #[test]
    fn latin_segmentation_matches_uax29() {
        // Letters, digits and joiners weighted up; every listed symbol appears.
        let alphabet: Vec<char> = "ab Z9_0.',:;-\"!?xé’‘É,ßłŽ0a.’“”„–—…•£€¥¢°«»©®™§¶†‡′″‹›¡¿±×÷".chars().collect();
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..20000 {
            let len = (seed % 12) as usize + 1;
            let s: String = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    alphabet[(seed % alphabet.len() as u64) as usize]
                })
                .collect();
            let piece: String = s.split(' ').collect::<Vec<_>>().join("");
            if piece.is_empty() {
                continue;
            }
            let mut fast = Vec::new();
            latin_segment(&piece, 0, &mut fast);
            let fast: Vec<(&str, TokenKind)> = fast.iter().map(|t| (t.text, t.kind)).collect();
            let slow: Vec<(&str, TokenKind)> =
                piece.split_word_bounds().map(|w| (w, classify(w).expect("no whitespace"))).collect();
            assert_eq!(fast, slow, "on {piece:?}");
        }
    }

    #[test]
    fn empty_text() {
        let doc = Document::new("");
        assert_eq!(doc.lines().len(), 1);
        assert!(doc.tokens().is_empty() && doc.paragraphs().is_empty());
    }

    #[test]
    fn given_paragraphs() {
        // Two paragraphs on one line (table cells), one on the next, a blank line.
        let text = "  a b   c d\ne f\n\n";
        let doc = Document::with_paragraphs(text, &[Span::new(2, 5), Span::new(8, 11), Span::new(12, 15)]);
        assert_eq!(doc.paragraphs().len(), 3);
        let words: Vec<Vec<&str>> = (0..3).map(|i| doc.paragraph_tokens(i).iter().map(|t| t.text).collect()).collect();
        assert_eq!(words, [vec!["a", "b"], vec!["c", "d"], vec!["e", "f"]]);
        assert_eq!(doc.lines()[0].paragraph, Some(0));
        assert_eq!(doc.lines()[1].paragraph, Some(2));
        assert_eq!(doc.lines()[2].paragraph, None);
        assert_eq!((doc.paragraphs()[2].first_line, doc.paragraphs()[2].last_line), (1, 1));
    }

    #[test]
    fn sentences() {
        let doc = Document::new("One thing. Two things!\nThree");
        let s: Vec<_> = doc.sentences().iter().map(|s| doc.slice(*s)).collect();
        assert_eq!(s, ["One thing.", "Two things!", "Three"]);
    }

    /// Checks [`Document::new`] against the oracle on `text`.
    fn same_as_oracle(text: &str) {
        let doc = Document::new(text);
        let (lines, paragraphs, tokens) = oracle::analyse(text);
        assert_eq!(doc.tokens(), &tokens[..], "tokens of {text:?}");
        assert_eq!(doc.lines(), &lines[..], "lines of {text:?}");
        assert_eq!(doc.paragraphs(), &paragraphs[..], "paragraphs of {text:?}");
    }

    #[test]
    fn fused_scan_matches_oracle_on_examples() {
        for text in [
            "",
            "a",
            "\n",
            "a\n",
            "\x0b\na\n\x0b b\n\n\u{a0}\nc",
            "end.Next 10.30 1,000 a:b a'b '. .a .1 a. www.x.com/a? @a #b c#d a@b.org",
            "Café’s “quote” \u{a0}x\r\ny\r\n\r\nz 👍🏼 \u{301}a",
            "http://x.co/a… twitter.com/_a/stat… now pic.twitter.com/Ab12.",
        ] {
            same_as_oracle(text);
        }
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/articles");
        for entry in std::fs::read_dir(dir).expect("the seed articles") {
            let text = std::fs::read_to_string(entry.expect("an entry").path()).expect("utf-8 text");
            same_as_oracle(&text);
        }
    }

    /// Pieces the random texts are made of: every byte class, the joiners in every
    /// position, special-token fragments, line ends and non-ASCII letters, spaces and marks.
    const PIECES: &[&str] = &[
        "a", "Z", "q", "7", "0", "_", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\r", "\x0b", "\x0c", ".", "'", ":", ",",
        ";", "-", "\"", "!", "?", "(", ")", "@", "#", "/", "www.", "http://", ".com", ".co.uk", "…", "é", "’", "‘",
        "“", "”", "\u{a0}", "\u{2003}", "\u{301}", "👍", "🏼", "한", "—", "£", "×", "\u{85}", "\u{200d}", "www", "1.5",
        "9/11", "://", ":/", "a.b", ".org", "-",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]

        #[test]
        fn fused_scan_matches_oracle(pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..40)) {
            same_as_oracle(&pieces.concat());
        }

        #[test]
        fn chunks_without_pattern_have_no_special_token(pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..20)) {
            let text = pieces.concat();
            for chunk in text.split(|c: char| c.is_ascii_whitespace()) {
                let b = chunk.as_bytes();
                let screen = b.iter().enumerate().any(|(j, &c)| {
                    matches!(c, b'@' | b'#' | b'/') || (c == b'.' && b.get(j + 1).is_some_and(u8::is_ascii_alphanumeric))
                });
                if screen && !needs_pattern(b) {
                    proptest::prop_assert!(SPECIAL.find(chunk).is_none(), "{chunk:?}");
                }
            }
        }

        #[test]
        fn fused_scan_matches_oracle_on_any_text(text in "\\PC{0,60}") {
            same_as_oracle(&text);
        }
    }
}

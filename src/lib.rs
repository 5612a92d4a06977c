//! # copydesk
//!
//! Normalise and lint scraped news articles. Scrapers mangle text: they run words
//! together ("budgeton"), leave embedded tweets and site chrome in the body, garble
//! names, quotes and encodings. copydesk finds these defects, fast enough to run on
//! every article a crawler fetches, and points every finding at the bytes of the
//! original input.
//!
//! This page is a guide: each section below shows one task with a runnable example
//! and links to the types that do the work. The [module map](#how-it-fits-together)
//! at the end says where everything lives.
//!
//! ## Quick start
//!
//! Build a [`Linter`] once (it compiles the packs and loads the lexicon), then lint
//! each article with [`Linter::check`]. Each finding is a [`Diagnostic`]: the rule's
//! code, a [`Severity`], a message, a [`Span`] of byte offsets into the text you
//! passed, and [`Suggestion`]s.
//!
//! ```
//! use copydesk::{Applicability, Linter, Severity};
//!
//! let linter = Linter::new();
//! let text = "The band said the the tour would go ahead.";
//! let found = linter.check(text);
//!
//! assert_eq!(found.len(), 1);
//! let d = &found[0];
//! assert_eq!(d.rule, "repeated-word");
//! assert_eq!(d.severity, Severity::Warning);
//! assert_eq!(d.span.slice(text), "the the"); // byte offsets into `text`
//! assert_eq!(d.suggestions[0].replacement, "the");
//! assert_eq!(d.suggestions[0].applicability, Applicability::Auto);
//! ```
//!
//! A [`Linter`] is `Send + Sync`: share one across threads. Findings come sorted by
//! position, then rule. [`Linter::check_bytes`] takes raw bytes and rejects invalid
//! UTF-8 and binary data with an [`Error`] instead of panicking.
//!
//! ## Configuring rules
//!
//! A [`Config`] selects rules (by code or [`Family`]), changes severities, adds packs
//! and holds per-rule settings such as accept lists. Build one in code:
//!
//! ```
//! use copydesk::{Config, Linter, Severity};
//! let mut config = Config::default();
//! config.ignore.push("whitespace".into());
//! config.severity.insert("repeated-word".into(), Severity::Error);
//! let linter = Linter::from_config(&config)?;
//! let found = linter.check("the the cat");
//! assert_eq!(found[0].severity, Severity::Error);
//! # Ok::<(), copydesk::Error>(())
//! ```
//!
//! or read `copydesk.toml` with [`Config::load`] (found with [`Config::discover`]) or
//! [`Config::parse`]; see [`config`] for the format. Errors point into the TOML:
//!
//! ```
//! use std::path::Path;
//! use copydesk::{Config, ErrorKind, Linter};
//!
//! let toml = r#"
//! select = ["scrape"]            # a family: boilerplate, embeds, metadata, duplicates
//! [rules.boilerplate]
//! accept = ["Read more"]         # a real heading on this site
//! "#;
//! let config = Config::parse(Path::new("copydesk.toml"), toml)?;
//! let linter = Linter::from_config(&config)?;
//! let text = "Read more\n\nLeave a Comment\n\nThe the end.";
//! let found: Vec<_> = linter.check(text).iter().map(|d| d.span.slice(text).to_owned()).collect();
//! assert_eq!(found, ["Leave a Comment"]); // accepted, and repeated-word is not selected
//!
//! let bad = Config::parse(Path::new("copydesk.toml"), "ignore = [\"no-such-rule\"]").unwrap_err();
//! assert_eq!(bad.kind(), &ErrorKind::Config);
//! assert_eq!(bad.span().map(|s| s.start), Some(10)); // points at "no-such-rule"
//! # Ok::<(), copydesk::Error>(())
//! ```
//!
//! ## Packs: rules without Rust
//!
//! Most of what the rules know is data: boilerplate phrases, embed patterns, metadata
//! shapes ([rule packs](pack)) and gazetteers of names ([entity packs](entities)),
//! embedded from `lints/` at build time. Add your own with [`Config::add_pack_file`],
//! [`Config::add_entities_file`], or a parsed [`pack::Pack`]; a code that is not
//! built-in becomes a custom rule:
//!
//! ```
//! use std::path::Path;
//! use copydesk::{pack::Pack, Applicability, Config, Linter};
//!
//! let pack = Pack::parse(Path::new("house-style.toml"), r#"
//! [[rule]]
//! id = "closed-compounds"
//! code = "house-style"
//! kind = "substitution"
//! swap = { "e-mail" = "email" }
//! message = "house style writes “{replacement}”, not “{match}”"
//! "#)?;
//! let mut config = Config::default();
//! config.packs.push(pack);
//! let linter = Linter::from_config(&config)?;
//!
//! let found = linter.check("Reach the desk by e-mail.");
//! assert_eq!(found[0].rule, "house-style");
//! assert_eq!(found[0].message, "house style writes “email”, not “e-mail”");
//! assert_eq!(found[0].suggestions[0].applicability, Applicability::Maybe);
//! # Ok::<(), copydesk::Error>(())
//! ```
//!
//! ## Normalising
//!
//! [`normalize()`] repairs what the Unicode rules report (entities, mojibake, invisible
//! characters, odd spaces, orphaned modifiers, …) and maps every position of the
//! repaired text back to the input, so findings on the clean text can still point
//! into what the scraper fetched. [`NormalizeOptions`] switches the steps:
//!
//! ```
//! use copydesk::{normalize, NormalizeOptions, Span};
//! let n = normalize("Itâ€™s here", &NormalizeOptions::default());
//! assert_eq!(n.text(), "It’s here");
//! assert_eq!(n.to_original_span(Span::new(6, 10)), Span::new(11, 15));
//! ```
//!
//! ## Fixing
//!
//! [`fix::fix`] applies the rules' [`Applicability::Auto`] suggestions instead, as
//! `copydesk check --fix` does; [`fix::apply`] applies those of findings you already
//! have. [`Applicability::Maybe`] suggestions are left for a person.
//!
//! ```
//! let linter = copydesk::Linter::new();
//! let fixed = copydesk::fix::fix(&linter, "They set the budgeton Friday.").unwrap();
//! assert_eq!(fixed.text, "They set the budget on Friday.");
//! assert_eq!(fixed.applied, 1);
//! ```
//!
//! ## Markdown and suppression
//!
//! [`Linter::check_markdown`] lints only the prose of a Markdown article (no front
//! matter, code, HTML or link targets; see [`markdown`]); [`Linter::check_as`] picks by
//! [`InputKind`]. Findings a team accepts stay hidden through accept lists in the
//! configuration and `<!-- copydesk-disable … -->` directives ([`suppress`]), or a
//! baseline file ([`baseline`]); stale ones are reported as `unused-suppression`.
//!
//! ```
//! let linter = copydesk::Linter::new();
//! let md = "<!-- copydesk-disable-next-line repeated-word -->\nThe the quote stays.\n\n`the the` is code.\n";
//! assert!(linter.check_markdown(md).is_empty());
//! ```
//!
//! ## Batch jobs: JSON Lines
//!
//! Scrapers write articles as JSON Lines by the million. [`batch::check_jsonl`] lints
//! every record on all cores in constant memory and writes one result line per
//! record, in input order; [`batch::normalize_jsonl`] rewrites each record's text.
//!
//! ```
//! use copydesk::batch::{check_jsonl, JsonlOptions};
//!
//! let input = r#"{"url": "a", "text": "Leave a Comment"}
//! {"url": "b", "text": "All is well."}
//! "#;
//! let opts = JsonlOptions { id_field: Some("url".into()), ..JsonlOptions::default() };
//! let mut out = Vec::new();
//! let summary = check_jsonl(&copydesk::Linter::new(), input.as_bytes(), &mut out, &opts)?;
//! assert_eq!((summary.records, summary.diagnostics), (2, 1));
//! let out = String::from_utf8(out).unwrap();
//! assert!(out.starts_with(r#"{"id":"a","diagnostics":[{"rule":"boilerplate""#));
//! assert!(out.ends_with("{\"id\":\"b\",\"diagnostics\":[]}\n"));
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! ## Reporting
//!
//! The [`render`] modules print findings as `copydesk check` does: miette's
//! graphical report, JSON, one line per finding, SARIF, GitHub annotations.
//!
//! ```
//! use copydesk::render::{compact, FileReport};
//! let source = "Tickets cost Â£5.";
//! let diagnostics = copydesk::Linter::new().check(source);
//! let mut out = String::new();
//! compact::render(&FileReport { path: "a.txt", source, diagnostics: &diagnostics }, &mut out);
//! assert_eq!(out, "a.txt:1:14: error[mojibake]: mojibake: “Â£” is “£” decoded with the wrong encoding\n");
//! ```
//!
//! ## Writing a rule
//!
//! A rule implements [`Rule`]: it declares its [`RuleMeta`] (code, [`Family`],
//! default severity, documentation) and reads a [`Document`] (lines, paragraphs,
//! sentences and [`Token`]s, all with byte spans), reporting findings to a
//! [`Reporter`]. Built-in rules live one per file under [`rules`] and take their
//! metadata from their doc comment (the `declare_rule!` macro, see [`rule`]); a rule
//! of your own runs directly on a document:
//!
//! ```
//! use std::borrow::Cow;
//! use copydesk::{Applicability, Document, Family, Reporter, Rule, RuleMeta, Severity, TokenKind};
//!
//! /// Flags "alot", which is two words.
//! struct Alot;
//!
//! static META: RuleMeta = RuleMeta {
//!     code: Cow::Borrowed("alot"),
//!     family: Family::Custom,
//!     default_severity: Severity::Warning,
//!     summary: Cow::Borrowed("“alot” for “a lot”"),
//!     docs: Cow::Borrowed("## What it flags\n“alot”, which is two words."),
//! };
//!
//! impl Rule for Alot {
//!     fn meta(&self) -> &RuleMeta {
//!         &META
//!     }
//!     fn check(&self, doc: &Document<'_>, out: &mut Reporter<'_>) {
//!         for token in doc.tokens() {
//!             // Only words, and only this one.
//!             if token.kind != TokenKind::Word || !token.text.eq_ignore_ascii_case("alot") {
//!                 continue;
//!             }
//!             out.report(token.span(), "“alot” is two words").suggest("a lot", Applicability::Auto);
//!         }
//!     }
//! }
//!
//! let text = "Thanks alot.";
//! let mut found = Vec::new();
//! Alot.check(&Document::new(text), &mut Reporter::new(Alot.meta(), Severity::Warning, &mut found));
//! assert_eq!(found[0].span.slice(text), "alot");
//! assert_eq!(copydesk::fix::apply(text, &found).unwrap().text, "Thanks a lot.");
//! ```
//!
//! ## How it fits together
//!
//! Text flows one way: input → [`Document`] (lines, paragraphs, sentences, tokens; one
//! pass) → rules ([`Rule`], in [`registry`]) → [`Diagnostic`]s → a renderer
//! ([`render`]) or the fixer ([`fix`]). The data rules need (boilerplate phrases, embed
//! patterns, entity gazetteers, the [`lexicon`]) lives in `lints/` as TOML packs
//! ([`pack`], [`entities`]), embedded at build time and extendable by users.
//!
//! | module | role |
//! | --- | --- |
//! | [`document`] | the analysed text every rule reads: [`Document`], [`Token`] |
//! | [`rule`], [`registry`], [`rules`] | the [`Rule`] trait, the rule set, the built-in rules |
//! | [`diagnostic`], [`span`] | findings and their byte spans |
//! | [`config`] | `copydesk.toml`: selection, severities, packs, settings |
//! | [`pack`], [`entities`], [`lexicon`] | the data rules read |
//! | [`normalize`](mod@normalize), [`fix`] | repairing text |
//! | [`markdown`], [`suppress`], [`baseline`] | what is prose, what is accepted |
//! | [`batch`], [`render`] | JSON Lines jobs and output formats |
//! | [`error`] | [`Error`] and [`ErrorKind`] |

pub mod baseline;
pub mod batch;
pub mod config;
pub mod diagnostic;
pub mod document;
pub mod entities;
pub mod error;
pub mod fix;
pub mod lexicon;
mod literals;
pub mod markdown;
pub mod normalize;
pub mod pack;
mod phrase;
pub mod registry;
pub mod render;
pub mod rule;
pub mod rules;
pub mod span;
pub mod suppress;

pub use config::Config;
pub use diagnostic::{Applicability, Diagnostic, Label, Severity, Suggestion};
pub use document::{Document, Token, TokenKind};
pub use error::{Error, ErrorKind, Result};
pub use normalize::{normalize, NormalizeOptions, Normalized};
pub use rule::{Family, Reporter, Rule, RuleMeta};
pub use span::Span;

/// What kind of text an input is: it decides which bytes are prose.
///
/// ```
/// use copydesk::{InputKind, Linter};
/// let linter = Linter::new();
/// let md = "Some `the the` code.";
/// assert_eq!(linter.check_as(md, InputKind::Text).len(), 1);
/// assert!(linter.check_as(md, InputKind::Markdown).is_empty());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum InputKind {
    /// Plain text: every byte is prose.
    #[default]
    Text,
    /// Markdown: only prose is linted ([`markdown`]); front matter, code, HTML and link
    /// targets are not.
    Markdown,
}

impl InputKind {
    /// The kind a file's name implies: `.md` and `.markdown` are Markdown, anything else
    /// is text.
    ///
    /// ```
    /// use std::path::Path;
    /// use copydesk::InputKind;
    /// assert_eq!(InputKind::from_path(Path::new("posts/launch.MD")), InputKind::Markdown);
    /// assert_eq!(InputKind::from_path(Path::new("scraped/0001.txt")), InputKind::Text);
    /// ```
    #[must_use]
    pub fn from_path(path: &std::path::Path) -> Self {
        match path.extension().and_then(|x| x.to_str()) {
            Some(x) if x.eq_ignore_ascii_case("md") || x.eq_ignore_ascii_case("markdown") => InputKind::Markdown,
            _ => InputKind::Text,
        }
    }
}

/// The rules to run, built once and shared: `Send + Sync`, so one linter serves many
/// threads.
///
/// Building one compiles every pack and loads the lexicon, which takes a moment; linting
/// is then fast. Build it once, from [`Linter::new`] or [`Linter::from_config`], and lint
/// each article with [`Linter::check`] (plain text), [`Linter::check_markdown`] or
/// [`Linter::check_bytes`].
///
/// ```
/// use copydesk::Linter;
///
/// let linter = Linter::new();
/// let articles = ["Leave a Comment", "The council met on Tuesday.", "Tickets cost Â£5."];
/// let counts: Vec<usize> = std::thread::scope(|s| {
///     let handles: Vec<_> = articles.iter().map(|a| s.spawn(|| linter.check(a).len())).collect();
///     handles.into_iter().map(|h| h.join().unwrap()).collect()
/// });
/// assert_eq!(counts, [1, 0, 1]);
/// ```
pub struct Linter {
    rules: Vec<(Box<dyn Rule>, Severity)>,
    accept: suppress::AcceptList,
    /// Every code the configuration knows, for checking directives.
    known: Vec<String>,
    /// The severity of `unused-suppression`, or `None` when it is not selected.
    unused: Option<Severity>,
}

impl Linter {
    /// A linter with every rule at its default severity and the embedded packs.
    ///
    /// ```
    /// let linter = copydesk::Linter::new();
    /// assert!(linter.rules().any(|r| r.code == "run-together"));
    /// assert!(linter.check("A clean sentence.").is_empty());
    /// ```
    ///
    /// # Panics
    /// Never in a released build: the embedded packs are validated by the test suite.
    #[must_use]
    pub fn new() -> Self {
        Linter::from_config(&Config::default()).expect("the embedded packs are valid")
    }

    /// A linter for `config`.
    ///
    /// ```
    /// use copydesk::{Config, Linter};
    /// let config = Config { select: Some(vec!["unicode".into()]), ..Config::default() };
    /// let linter = Linter::from_config(&config)?;
    /// assert!(linter.rules().all(|r| r.family == copydesk::Family::Unicode));
    /// assert!(linter.check("the the").is_empty()); // repeated-word is not selected
    /// # Ok::<(), copydesk::Error>(())
    /// ```
    ///
    /// # Errors
    /// Returns a [`ErrorKind::Pack`] error when extra packs cannot be compiled together.
    pub fn from_config(config: &Config) -> Result<Self> {
        let unused = config.enabled(&suppress::META).then(|| config.severity_for(&suppress::META));
        Ok(Linter {
            rules: registry::build(config)?,
            accept: suppress::AcceptList::from_config(config),
            known: config.known_codes(),
            unused,
        })
    }

    /// Lints plain `text`; diagnostics are sorted by position, then rule. Accept lists
    /// and directives in HTML comments (see [`suppress`]) apply.
    ///
    /// ```
    /// let linter = copydesk::Linter::new();
    /// let text = "Leave a Comment\n\nThey set the budgeton Friday.";
    /// let found = linter.check(text);
    /// let summary: Vec<(&str, &str)> = found.iter().map(|d| (&*d.rule, d.span.slice(text))).collect();
    /// assert_eq!(summary, [("boilerplate", "Leave a Comment"), ("run-together", "budgeton")]);
    /// ```
    #[must_use]
    pub fn check(&self, text: &str) -> Vec<Diagnostic> {
        let mut out = self.check_document(&Document::new(text));
        self.apply_directives(suppress::Directives::scan(text), &mut out);
        out
    }

    /// Lints a Markdown article: only its prose (see [`markdown`]). Spans point into
    /// `text`; accept lists and directives in HTML comments apply.
    ///
    /// ```
    /// let linter = copydesk::Linter::new();
    /// let md = "---\ntitle: the the\n---\n\nSome `the the` code, then the the end.\n";
    /// let found = linter.check_markdown(md);
    /// assert_eq!(found.len(), 1);
    /// assert_eq!(&md[found[0].span.start..found[0].span.end], "the the");
    /// assert!(found[0].span.start > md.find("code").unwrap());
    /// ```
    #[must_use]
    pub fn check_markdown(&self, text: &str) -> Vec<Diagnostic> {
        let md = markdown::Markdown::parse(text);
        let mut out = self.check_document(&md.document());
        out.retain(|d| md.keeps(d.span) && text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
        self.apply_directives(suppress::Directives::from_comments(text, md.comments()), &mut out);
        out
    }

    /// Lints `text` as `kind`: [`Linter::check`] or [`Linter::check_markdown`].
    ///
    /// ```
    /// use std::path::Path;
    /// use copydesk::{InputKind, Linter};
    /// let linter = Linter::new();
    /// let (path, text) = (Path::new("post.md"), "Run `ls  -l` first.");
    /// assert!(linter.check_as(text, InputKind::from_path(path)).is_empty());
    /// assert_eq!(linter.check_as(text, InputKind::Text)[0].rule, "whitespace");
    /// ```
    #[must_use]
    pub fn check_as(&self, text: &str, kind: InputKind) -> Vec<Diagnostic> {
        match kind {
            InputKind::Text => self.check(text),
            InputKind::Markdown => self.check_markdown(text),
        }
    }

    /// Drops what `directives` suppress and adds `unused-suppression` findings.
    fn apply_directives(&self, mut directives: suppress::Directives, out: &mut Vec<Diagnostic>) {
        if directives.is_empty() {
            return;
        }
        directives.apply(out);
        if let Some(severity) = self.unused {
            let ran: Vec<&str> = self.rules.iter().map(|(r, _)| r.meta().code.as_ref()).collect();
            out.extend(directives.unused(&ran, &self.known, severity));
            sort(out);
        }
    }

    /// Lints raw bytes, which must be UTF-8 text.
    ///
    /// ```
    /// use copydesk::{ErrorKind, Linter};
    /// let linter = Linter::new();
    /// assert_eq!(linter.check_bytes(b"the the")?.len(), 1);
    /// let err = linter.check_bytes(b"caf\xe9").unwrap_err();
    /// assert_eq!(err.kind(), &ErrorKind::InvalidInput);
    /// assert_eq!(err.to_string(), "not valid UTF-8 (invalid byte at offset 3)");
    /// # Ok::<(), copydesk::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`ErrorKind::InvalidInput`] when the bytes are not UTF-8 or look binary (contain
    /// NUL bytes).
    pub fn check_bytes(&self, bytes: &[u8]) -> Result<Vec<Diagnostic>> {
        Ok(self.check(decode(bytes)?))
    }

    /// Lints an already analysed document. Accept lists apply; directives do not (they
    /// are read from the text by [`Linter::check`]).
    ///
    /// ```
    /// use copydesk::{Document, Linter};
    /// let linter = Linter::new();
    /// let doc = Document::new("The the end.");
    /// assert_eq!(doc.tokens().len(), 4);
    /// assert_eq!(linter.check_document(&doc), linter.check(doc.text()));
    /// ```
    #[must_use]
    pub fn check_document(&self, doc: &Document<'_>) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for (rule, severity) in &self.rules {
            let mut reporter = Reporter::new(rule.meta(), *severity, &mut out);
            rule.check(doc, &mut reporter);
        }
        if !self.accept.is_empty() {
            out.retain(|d| !self.accept.accepts(&d.rule, doc.text().get(d.span.start..d.span.end).unwrap_or("")));
        }
        sort(&mut out);
        out
    }

    /// The metadata of the rules this linter runs, then `unused-suppression` when it is
    /// selected.
    ///
    /// ```
    /// use copydesk::{Config, Linter};
    /// let config = Config { ignore: vec!["names".into(), "scrape".into()], ..Config::default() };
    /// let codes: Vec<String> = Linter::from_config(&config)?.rules().map(|r| r.code.to_string()).collect();
    /// assert!(codes.contains(&"mojibake".to_owned()) && !codes.contains(&"mangled-name".to_owned()));
    /// assert_eq!(codes.last().map(String::as_str), Some("unused-suppression"));
    /// # Ok::<(), copydesk::Error>(())
    /// ```
    pub fn rules(&self) -> impl Iterator<Item = &RuleMeta> {
        self.rules.iter().map(|(r, _)| r.meta()).chain(self.unused.map(|_| &suppress::META))
    }

    /// The severity `unused-suppression` findings get, or `None` when that code is not
    /// selected (for suppression layers outside the linter, such as a baseline).
    ///
    /// ```
    /// use copydesk::{Config, Linter, Severity};
    /// assert_eq!(Linter::new().unused_suppression(), Some(Severity::Warning));
    /// let config = Config { ignore: vec!["unused-suppression".into()], ..Config::default() };
    /// assert_eq!(Linter::from_config(&config)?.unused_suppression(), None);
    /// # Ok::<(), copydesk::Error>(())
    /// ```
    #[must_use]
    pub fn unused_suppression(&self) -> Option<Severity> {
        self.unused
    }
}

/// Sorts diagnostics by position, then rule: the order every output uses.
fn sort(out: &mut [Diagnostic]) {
    out.sort_by(|a, b| {
        (a.span.start, &a.rule, a.span.end, &a.message).cmp(&(b.span.start, &b.rule, b.span.end, &b.message))
    });
}

impl Default for Linter {
    fn default() -> Self {
        Linter::new()
    }
}

/// Every article file (`.txt`, `.md`, `.markdown`) below `dir`, sorted; unreadable
/// folders are skipped. For benchmarks and batch jobs over a corpus; the CLI walks
/// folders itself so that it can report what it cannot read.
///
/// ```
/// use std::path::Path;
/// let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles");
/// let paths = copydesk::article_paths(&dir);
/// assert!(paths.len() >= 3);
/// assert!(paths.windows(2).all(|w| w[0] < w[1]), "sorted");
/// assert!(paths.iter().all(|p| p.extension().is_some_and(|x| x == "txt")));
/// ```
#[must_use]
pub fn article_paths(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        let Ok(rd) = std::fs::read_dir(dir) else { return };
        let mut entries: Vec<_> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "txt" || x == "md" || x == "markdown") {
                out.push(p);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, &mut out);
    out
}

/// Checks that `bytes` are UTF-8 text and not binary data.
///
/// ```
/// assert_eq!(copydesk::decode("café".as_bytes())?, "café");
/// let err = copydesk::decode(b"PK\x03\x04\0\0").unwrap_err();
/// assert_eq!(err.to_string(), "binary data (NUL byte at offset 4), not text");
/// # Ok::<(), copydesk::Error>(())
/// ```
///
/// # Errors
/// [`ErrorKind::InvalidInput`] naming the offending byte offset.
pub fn decode(bytes: &[u8]) -> Result<&str> {
    if let Some(i) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::new(ErrorKind::InvalidInput, format!("binary data (NUL byte at offset {i}), not text")));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        Error::new(ErrorKind::InvalidInput, format!("not valid UTF-8 (invalid byte at offset {})", e.valid_up_to()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linter_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Linter>();
    }

    #[test]
    fn rejects_binary_and_invalid_utf8() {
        let l = Linter::new();
        assert_eq!(l.check_bytes(b"a\0b").unwrap_err().kind(), &ErrorKind::InvalidInput);
        assert!(l.check_bytes(&[0x66, 0xff, 0x66]).unwrap_err().to_string().contains("offset 1"));
        assert!(l.check_bytes(b"").unwrap().is_empty());
    }
}

//! The library's error type.
//!
//! Errors are opaque, as in ripgrep's globset: an [`Error`] carries an [`ErrorKind`] to
//! match on, a message, and, for config and pack errors, the offending source with a
//! label, so that miette renders them pointing into the TOML.
//!
//! Functions that read configuration, packs, baselines or input bytes return
//! [`Result<T>`](Result); rules and linting themselves never fail (findings are
//! [`crate::Diagnostic`]s, not errors).

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

use miette::{LabeledSpan, NamedSource, SourceCode};

/// What went wrong, for callers that want to react to the kind of failure.
///
/// ```
/// use std::path::Path;
/// use copydesk::{pack::Pack, ErrorKind};
/// let err = Pack::parse(Path::new("p.toml"), "[[rule]]\nid = \"Bad Id\"").unwrap_err();
/// match err.kind() {
///     ErrorKind::Pack => {} // a malformed pack: show it with miette and stop
///     other => panic!("unexpected {other:?}"),
/// }
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Occurs when a file or directory cannot be read.
    Io,
    /// Occurs when input bytes are not valid UTF-8 or look like binary data.
    InvalidInput,
    /// Occurs when `copydesk.toml` is malformed or names unknown rules.
    Config,
    /// Occurs when a rule pack in `lints/` or given by the user is malformed.
    Pack,
    /// Occurs when an entity pack is malformed.
    EntityPack,
    /// Occurs when a baseline file (`check --baseline`) is malformed or of another
    /// version.
    Baseline,
}

/// An error from loading configuration, packs or input. One pointer wide: the details
/// are boxed, so `Result<T, Error>` stays small on the happy path.
///
/// It implements [`miette::Diagnostic`]: configuration and pack errors carry their
/// source text and a label, so a miette handler shows where in the file the problem
/// is.
///
/// ```
/// use std::path::Path;
/// use copydesk::{Config, ErrorKind};
/// let source = "[severity]\nboilerplate = \"loud\"\n";
/// let err = Config::parse(Path::new("copydesk.toml"), source).unwrap_err();
/// assert_eq!(err.kind(), &ErrorKind::Config);
/// assert_eq!(err.path(), Some(Path::new("copydesk.toml")));
/// assert_eq!(err.span().unwrap().slice(source), "\"loud\"");
/// assert!(err.to_string().contains("severity \"loud\" is not error, warning or info"));
///
/// use miette::Diagnostic as _;
/// assert_eq!(err.code().unwrap().to_string(), "copydesk::config");
/// assert_eq!(std::mem::size_of::<copydesk::Error>(), std::mem::size_of::<usize>());
/// ```
#[derive(Clone)]
pub struct Error {
    inner: Box<Inner>,
}

#[derive(Clone)]
struct Inner {
    kind: ErrorKind,
    message: String,
    path: Option<PathBuf>,
    source_code: Option<Arc<NamedSource<String>>>,
    label: Option<(crate::Span, String)>,
    help: Option<String>,
}

impl Error {
    /// A new error of `kind` with a message.
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            inner: Box::new(Inner {
                kind,
                message: message.into(),
                path: None,
                source_code: None,
                label: None,
                help: None,
            }),
        }
    }

    /// An I/O error on `path`, naming it.
    ///
    /// ```
    /// use std::path::Path;
    /// use copydesk::{Error, ErrorKind};
    /// let io = std::io::Error::new(std::io::ErrorKind::NotFound, "not found");
    /// let err = Error::io(Path::new("a.txt"), &io);
    /// assert_eq!(err.kind(), &ErrorKind::Io);
    /// assert_eq!(err.to_string(), "a.txt: not found");
    /// ```
    #[must_use]
    pub fn io(path: &std::path::Path, err: &std::io::Error) -> Self {
        Error::new(ErrorKind::Io, format!("{}: {}", path.display(), err)).with_path(path)
    }

    /// Names the file an input error occurred in: prefixes the message with its path.
    ///
    /// ```
    /// use std::path::Path;
    /// let err = copydesk::decode(b"\xff").unwrap_err().in_file(Path::new("a.txt"));
    /// assert_eq!(err.to_string(), "a.txt: not valid UTF-8 (invalid byte at offset 0)");
    /// assert_eq!(err.path(), Some(Path::new("a.txt")));
    /// ```
    #[must_use]
    pub fn in_file(mut self, path: &std::path::Path) -> Self {
        self.inner.message = format!("{}: {}", path.display(), self.inner.message);
        self.with_path(path)
    }

    /// Attaches the path of the file concerned.
    pub(crate) fn with_path(mut self, path: &std::path::Path) -> Self {
        self.inner.path = Some(path.to_path_buf());
        self
    }

    /// Attaches the source text and a label at `span`, for miette to show.
    pub(crate) fn with_label(mut self, name: &str, source: &str, span: crate::Span, label: impl Into<String>) -> Self {
        self.inner.source_code = Some(Arc::new(NamedSource::new(name, source.to_owned())));
        self.inner.label = Some((span, label.into()));
        self
    }

    /// Attaches a hint on how to fix the problem.
    pub(crate) fn with_help(mut self, help: impl Into<String>) -> Self {
        self.inner.help = Some(help.into());
        self
    }

    /// The kind of error.
    ///
    /// ```
    /// assert_eq!(copydesk::decode(b"\0").unwrap_err().kind(), &copydesk::ErrorKind::InvalidInput);
    /// ```
    #[must_use]
    pub fn kind(&self) -> &ErrorKind {
        &self.inner.kind
    }

    /// The file the error concerns, if any.
    ///
    /// ```
    /// use std::path::Path;
    /// let err = copydesk::Config::load(Path::new("no/such/copydesk.toml")).unwrap_err();
    /// assert_eq!(err.path(), Some(Path::new("no/such/copydesk.toml")));
    /// assert!(copydesk::decode(b"\0").unwrap_err().path().is_none());
    /// ```
    #[must_use]
    pub fn path(&self) -> Option<&std::path::Path> {
        self.inner.path.as_deref()
    }

    /// The byte span in the offending file the error points at, if any.
    ///
    /// ```
    /// use std::path::Path;
    /// let source = "select = [\"wordz\"]";
    /// let err = copydesk::Config::parse(Path::new("copydesk.toml"), source).unwrap_err();
    /// assert_eq!(err.span().unwrap().slice(source), "\"wordz\"");
    /// ```
    #[must_use]
    pub fn span(&self) -> Option<crate::Span> {
        self.inner.label.as_ref().map(|(s, _)| *s)
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Error")
            .field("kind", &self.inner.kind)
            .field("message", &self.inner.message)
            .field("path", &self.inner.path)
            .field("label", &self.inner.label)
            .finish_non_exhaustive()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.inner.message)
    }
}

impl std::error::Error for Error {}

impl miette::Diagnostic for Error {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        let code = match self.inner.kind {
            ErrorKind::Io => "copydesk::io",
            ErrorKind::InvalidInput => "copydesk::input",
            ErrorKind::Config => "copydesk::config",
            ErrorKind::Pack => "copydesk::pack",
            ErrorKind::EntityPack => "copydesk::entities",
            ErrorKind::Baseline => "copydesk::baseline",
        };
        Some(Box::new(code))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.inner.help.as_ref().map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.inner.source_code.as_deref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let (span, text) = self.inner.label.as_ref()?;
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(Some(text.clone()), *span))))
    }
}

/// A `Result` whose error is copydesk's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Turns a `toml` parse error into an [`Error`] of `kind` pointing into `source`.
pub(crate) fn from_toml(kind: ErrorKind, path: &std::path::Path, source: &str, err: &toml::de::Error) -> Error {
    let name = path.display().to_string();
    let message = err.message().to_owned();
    let span = err.span().map_or(crate::Span::new(0, 0), |r| crate::Span::new(r.start, r.end));
    let what = match kind {
        ErrorKind::Config => "invalid configuration",
        ErrorKind::EntityPack => "invalid entity pack",
        _ => "invalid rule pack",
    };
    Error::new(kind, format!("{what} in {name}: {message}")).with_path(path).with_label(&name, source, span, message)
}

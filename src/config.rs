//! `copydesk.toml`: which rules run, at what severity, with which extra packs.
//!
//! ```toml
//! select = ["all"]              # rule codes or families (names, words, scrape, …)
//! ignore = ["whitespace"]
//! packs = ["house-style.toml"]  # extra rule packs, relative to this file
//! entities = ["our-names.toml"] # extra entity packs, relative to this file
//!
//! [severity]
//! boilerplate = "error"
//!
//! [rules.mangled-name]          # settings read by one rule
//! accept = ["Gordon Browne"]
//! ```
//!
//! ## Accept lists
//!
//! `accept` in any rule's table lists text that rule must not report on this site:
//! names that are not mangled, words that are not run together, phrases that are not
//! boilerplate. The [`crate::Linter`] drops a finding of that rule whose text (the bytes
//! its span covers) equals an accepted string, ignoring case, runs of whitespace and
//! the difference between ’ and ' ([`crate::suppress::AcceptList`]). It works for every
//! rule, built-in or from a pack:
//!
//! ```toml
//! [rules.boilerplate]
//! accept = ["Read more"]        # a real heading on this site
//! [rules.repeated-word]
//! accept = ["Walla Walla"]
//! ```
//!
//! The file is found from the working directory upward ([`Config::discover`]) or given
//! with `--config`. Errors point into the TOML.
//!
//! A [`Config`] is what [`crate::Linter::from_config`] builds a linter from; read one
//! with [`Config::load`] or [`Config::parse`], or fill in its fields in code.
//!
//! ```
//! use std::path::Path;
//! use copydesk::{Config, Linter, Severity};
//!
//! let config = Config::parse(Path::new("copydesk.toml"), r#"
//!     ignore = ["typography"]
//!     [severity]
//!     run-together = "error"
//!     [rules.mangled-name]
//!     accept = ["Geffin’s Records"]
//! "#)?;
//! let linter = Linter::from_config(&config)?;
//! let text = "He signed with Geffin’s Records and  set the budgeton Friday.";
//! let found = linter.check(text);
//! assert_eq!(found.len(), 1); // the doubled space is typography, the name is accepted
//! assert_eq!(found[0].rule, "run-together");
//! assert_eq!(found[0].severity, Severity::Error);
//! # Ok::<(), copydesk::Error>(())
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::entities::{self, Entity};
use crate::error::{Error, ErrorKind, Result};
use crate::pack::Pack;
use crate::rule::{Family, RuleMeta};
use crate::{Severity, Span};

/// The file name looked for by [`Config::discover`].
///
/// ```
/// assert_eq!(copydesk::config::FILE_NAME, "copydesk.toml");
/// ```
pub const FILE_NAME: &str = "copydesk.toml";

/// Settings for a [`crate::Linter`]. `Config::default()` runs every rule at its default
/// severity with the embedded packs only.
///
/// The fields are public: set them directly, or read them from TOML with
/// [`Config::parse`] or [`Config::load`].
///
/// ```
/// use copydesk::{Config, Linter, Severity};
/// let mut config = Config::default();
/// config.select = Some(vec!["unicode".into(), "repeated-word".into()]);
/// config.severity.insert("repeated-word".into(), Severity::Info);
/// let linter = Linter::from_config(&config)?;
/// let found = linter.check("Itâ€™s the the end.");
/// let got: Vec<(&str, Severity)> = found.iter().map(|d| (&*d.rule, d.severity)).collect();
/// assert_eq!(got, [("mojibake", Severity::Error), ("repeated-word", Severity::Info)]);
/// # Ok::<(), copydesk::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// Rule codes or family names to run; `None` runs all.
    pub select: Option<Vec<String>>,
    /// Rule codes or family names not to run.
    pub ignore: Vec<String>,
    /// Severity per rule code.
    pub severity: BTreeMap<String, Severity>,
    /// Extra rule packs.
    pub packs: Vec<Pack>,
    /// Extra entities.
    pub entities: Vec<Entity>,
    /// Per-rule settings tables, keyed by rule code.
    pub rules: BTreeMap<String, toml::Table>,
    /// The file this configuration was read from.
    pub path: Option<PathBuf>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    select: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
    #[serde(default)]
    severity: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    packs: Vec<Spanned<String>>,
    #[serde(default)]
    entities: Vec<Spanned<String>>,
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, toml::Table>,
}

impl Config {
    /// Looks for `copydesk.toml` in `dir` and its ancestors.
    ///
    /// ```no_run
    /// use copydesk::{Config, Linter};
    /// let config = match Config::discover(&std::env::current_dir()?) {
    ///     Some(path) => Config::load(&path)?,
    ///     None => Config::default(),
    /// };
    /// let linter = Linter::from_config(&config)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// ```
    /// # fn main() -> std::io::Result<()> {
    /// let site = tempfile::tempdir()?;
    /// std::fs::write(site.path().join("copydesk.toml"), "ignore = [\"whitespace\"]\n")?;
    /// let articles = site.path().join("articles/2024");
    /// std::fs::create_dir_all(&articles)?;
    /// assert_eq!(copydesk::Config::discover(&articles), Some(site.path().join("copydesk.toml")));
    /// # Ok(())
    /// # }
    /// ```
    #[must_use]
    pub fn discover(dir: &Path) -> Option<PathBuf> {
        dir.ancestors().map(|d| d.join(FILE_NAME)).find(|p| p.is_file())
    }

    /// Reads and validates the configuration file at `path`.
    ///
    /// ```
    /// use std::path::Path;
    /// let err = copydesk::Config::load(Path::new("no/such/copydesk.toml")).unwrap_err();
    /// assert_eq!(err.kind(), &copydesk::ErrorKind::Io);
    /// ```
    ///
    /// # Errors
    /// I/O errors, and [`ErrorKind::Config`] errors pointing into the TOML (unknown keys,
    /// unknown rule codes, bad severities, packs that cannot be read or parsed).
    pub fn load(path: &Path) -> Result<Config> {
        let source = std::fs::read_to_string(path).map_err(|e| Error::io(path, &e))?;
        Config::parse(path, &source)
    }

    /// Parses configuration `source`, read from `path` (relative pack paths are resolved
    /// against its folder).
    ///
    /// ```
    /// use std::path::Path;
    /// use copydesk::{Config, ErrorKind};
    /// let config = Config::parse(Path::new("site/copydesk.toml"), "select = [\"names\", \"mojibake\"]")?;
    /// assert_eq!(config.select, Some(vec!["names".to_owned(), "mojibake".to_owned()]));
    /// assert_eq!(config.path.as_deref(), Some(Path::new("site/copydesk.toml")));
    ///
    /// let source = "ignore = [\"whitespace\"]\nmax = 3\n";
    /// let err = Config::parse(Path::new("copydesk.toml"), source).unwrap_err();
    /// assert_eq!(err.kind(), &ErrorKind::Config);
    /// assert_eq!(err.span().unwrap().slice(source), "max");
    /// # Ok::<(), copydesk::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`Config::load`].
    pub fn parse(path: &Path, source: &str) -> Result<Config> {
        let raw: RawConfig =
            toml::from_str(source).map_err(|e| crate::error::from_toml(ErrorKind::Config, path, source, &e))?;
        let file = path.display().to_string();
        let err =
            |span: std::ops::Range<usize>, msg: String| {
                Error::new(ErrorKind::Config, format!("invalid configuration in {file}: {msg}"))
                    .with_path(path)
                    .with_label(&file, source, Span::new(span.start, span.end), msg)
            };
        let dir = path.parent().unwrap_or(Path::new("."));
        let mut config = Config { path: Some(path.to_path_buf()), ..Config::default() };
        for p in &raw.packs {
            let full = dir.join(p.get_ref());
            config.add_pack_file(&full).map_err(|e| match e.kind() {
                ErrorKind::Io => err(p.span(), format!("cannot read pack {}: {e}", full.display())),
                _ => e,
            })?;
        }
        for p in &raw.entities {
            let full = dir.join(p.get_ref());
            config.add_entities_file(&full).map_err(|e| match e.kind() {
                ErrorKind::Io => err(p.span(), format!("cannot read entity pack {}: {e}", full.display())),
                _ => e,
            })?;
        }
        let known = config.known_codes();
        let check = |s: &Spanned<String>, families: bool| -> Result<()> {
            let v = s.get_ref();
            let ok = known.iter().any(|k| k == v) || (families && (v == "all" || family_named(v).is_some()));
            if ok {
                Ok(())
            } else {
                Err(err(s.span(), format!("unknown rule {v:?}"))
                    .with_help(format!("known rules: {}", known.join(", "))))
            }
        };
        if let Some(select) = &raw.select {
            for s in select {
                check(s, true)?;
            }
            config.select = Some(select.iter().map(|s| s.get_ref().clone()).collect());
        }
        for s in &raw.ignore {
            check(s, true)?;
        }
        config.ignore = raw.ignore.iter().map(|s| s.get_ref().clone()).collect();
        for (code, sev) in &raw.severity {
            check(code, false)?;
            let level = Severity::parse(sev.get_ref()).ok_or_else(|| {
                err(sev.span(), format!("severity {:?} is not error, warning or info", sev.get_ref()))
            })?;
            config.severity.insert(code.get_ref().clone(), level);
        }
        for (code, table) in raw.rules {
            check(&code, false)?;
            let strings = |v: &toml::Value| v.as_array().is_some_and(|a| a.iter().all(toml::Value::is_str));
            if table.get("accept").is_some_and(|v| !strings(v)) {
                return Err(err(
                    code.span(),
                    format!("`accept` of rule {:?} must be a list of strings", code.get_ref()),
                ));
            }
            config.rules.insert(code.into_inner(), table);
        }
        Ok(config)
    }

    /// Adds a rule pack file.
    ///
    /// ```
    /// use std::path::Path;
    /// let mut config = copydesk::Config::default();
    /// let pack = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/packs/house-style.toml");
    /// config.add_pack_file(&pack)?;
    /// assert_eq!(config.packs[0].name, "house-style");
    /// let found = copydesk::Linter::from_config(&config)?.check("Write to us by e-mail.");
    /// assert_eq!(found[0].rule, "house-style");
    /// # Ok::<(), copydesk::Error>(())
    /// ```
    ///
    /// # Errors
    /// I/O errors and [`ErrorKind::Pack`] errors.
    pub fn add_pack_file(&mut self, path: &Path) -> Result<()> {
        let source = std::fs::read_to_string(path).map_err(|e| Error::io(path, &e))?;
        self.packs.push(Pack::parse(path, &source)?);
        Ok(())
    }

    /// Adds an entity pack file.
    ///
    /// ```
    /// use std::path::Path;
    /// let mut config = copydesk::Config::default();
    /// let err = config.add_entities_file(Path::new("no/such/names.toml")).unwrap_err();
    /// assert_eq!(err.kind(), &copydesk::ErrorKind::Io);
    /// assert!(config.entities.is_empty());
    /// ```
    ///
    /// To add entities without a file, parse them with
    /// [`crate::entities::parse_pack`] and extend [`Config::entities`].
    ///
    /// # Errors
    /// I/O errors and [`ErrorKind::EntityPack`] errors.
    pub fn add_entities_file(&mut self, path: &Path) -> Result<()> {
        let source = std::fs::read_to_string(path).map_err(|e| Error::io(path, &e))?;
        self.entities.extend(entities::parse_pack(path, &source)?);
        Ok(())
    }

    /// Every rule code this configuration may name: built-in rules and codes defined by
    /// embedded or extra packs.
    ///
    /// ```
    /// use std::path::Path;
    /// use copydesk::{pack::Pack, Config};
    /// let mut config = Config::default();
    /// assert!(config.known_codes().contains(&"run-together".to_owned()));
    /// let toml = "[[rule]]\nid = \"x\"\ncode = \"house-style\"\nkind = \"phrase\"\nphrases = [\"web site\"]\nmessage = \"m\"";
    /// config.packs.push(Pack::parse(Path::new("p.toml"), toml)?);
    /// assert!(config.known_codes().contains(&"house-style".to_owned()));
    /// # Ok::<(), copydesk::Error>(())
    /// ```
    #[must_use]
    pub fn known_codes(&self) -> Vec<String> {
        let mut codes: Vec<String> = crate::registry::BUILTIN.iter().map(|s| (*s).to_owned()).collect();
        codes.push(crate::suppress::META.code.to_string());
        for p in crate::registry::embedded_packs().iter().chain(&self.packs) {
            codes.extend(p.codes());
        }
        codes.sort();
        codes.dedup();
        codes
    }

    /// Whether the rule runs under this configuration.
    ///
    /// ```
    /// use copydesk::rules::words::{repeated_word, run_together};
    /// use copydesk::Config;
    /// let config = Config { select: Some(vec!["words".into()]), ignore: vec!["run-together".into()], ..Config::default() };
    /// assert!(config.enabled(&repeated_word::META));
    /// assert!(!config.enabled(&run_together::META));
    /// ```
    #[must_use]
    pub fn enabled(&self, meta: &RuleMeta) -> bool {
        let hit = |names: &[String]| {
            names.iter().any(|n| n == "all" || *n == meta.code || family_named(n) == Some(meta.family))
        };
        self.select.as_deref().is_none_or(hit) && !hit(&self.ignore)
    }

    /// The rule's severity under this configuration.
    ///
    /// ```
    /// use copydesk::rules::words::repeated_word::META;
    /// use copydesk::{Config, Severity};
    /// let mut config = Config::default();
    /// assert_eq!(config.severity_for(&META), Severity::Warning);
    /// config.severity.insert("repeated-word".into(), Severity::Error);
    /// assert_eq!(config.severity_for(&META), Severity::Error);
    /// ```
    #[must_use]
    pub fn severity_for(&self, meta: &RuleMeta) -> Severity {
        self.severity.get(meta.code.as_ref()).copied().unwrap_or(meta.default_severity)
    }

    /// The settings table for rule `code`, if any.
    ///
    /// ```
    /// use std::path::Path;
    /// let config = copydesk::Config::parse(Path::new("copydesk.toml"), "[rules.boilerplate]\naccept = [\"Read more\"]")?;
    /// let accept = &config.rule_settings("boilerplate").unwrap()["accept"];
    /// assert_eq!(accept.as_array().unwrap()[0].as_str(), Some("Read more"));
    /// assert!(config.rule_settings("whitespace").is_none());
    /// # Ok::<(), copydesk::Error>(())
    /// ```
    #[must_use]
    pub fn rule_settings(&self, code: &str) -> Option<&toml::Table> {
        self.rules.get(code)
    }
}

fn family_named(name: &str) -> Option<Family> {
    [Family::Names, Family::Words, Family::Scrape, Family::Typography, Family::Unicode, Family::Custom]
        .into_iter()
        .chain([Family::Suppression])
        .find(|f| f.as_str() == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_select_ignore_severity() {
        let c = Config::parse(
            Path::new("copydesk.toml"),
            "ignore = [\"whitespace\"]\n[severity]\napostrophe = \"error\"\n",
        )
        .unwrap();
        assert_eq!(c.ignore, ["whitespace"]);
        assert_eq!(c.severity["apostrophe"], Severity::Error);
    }

    #[test]
    fn unknown_rule_points_into_toml() {
        let src = "select = [\"typography\", \"no-such-rule\"]\n";
        let e = Config::parse(Path::new("copydesk.toml"), src).unwrap_err();
        assert_eq!(e.kind(), &ErrorKind::Config);
        let s = e.span().unwrap();
        assert_eq!(&src[s.start..s.end], "\"no-such-rule\"");
    }

    #[test]
    fn unknown_key_and_bad_severity() {
        assert!(Config::parse(Path::new("c.toml"), "colour = true\n").is_err());
        let src = "[severity]\nwhitespace = \"loud\"\n";
        let e = Config::parse(Path::new("c.toml"), src).unwrap_err();
        assert_eq!(&src[e.span().unwrap().start..e.span().unwrap().end], "\"loud\"");
    }
}

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
pub const FILE_NAME: &str = "copydesk.toml";

/// Settings for a [`crate::Linter`]. `Config::default()` runs every rule at its default
/// severity with the embedded packs only.
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
    #[must_use]
    pub fn discover(dir: &Path) -> Option<PathBuf> {
        dir.ancestors().map(|d| d.join(FILE_NAME)).find(|p| p.is_file())
    }

    /// Reads and validates the configuration file at `path`.
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
    /// # Errors
    /// I/O errors and [`ErrorKind::Pack`] errors.
    pub fn add_pack_file(&mut self, path: &Path) -> Result<()> {
        let source = std::fs::read_to_string(path).map_err(|e| Error::io(path, &e))?;
        self.packs.push(Pack::parse(path, &source)?);
        Ok(())
    }

    /// Adds an entity pack file.
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
    #[must_use]
    pub fn enabled(&self, meta: &RuleMeta) -> bool {
        let hit = |names: &[String]| {
            names.iter().any(|n| n == "all" || *n == meta.code || family_named(n) == Some(meta.family))
        };
        self.select.as_deref().is_none_or(hit) && !hit(&self.ignore)
    }

    /// The rule's severity under this configuration.
    #[must_use]
    pub fn severity_for(&self, meta: &RuleMeta) -> Severity {
        self.severity.get(meta.code.as_ref()).copied().unwrap_or(meta.default_severity)
    }

    /// The settings table for rule `code`, if any.
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

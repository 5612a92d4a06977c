//! Every rule, in alphabetical order, and the data they are built from.
//!
//! [`build`] constructs the enabled rules from a [`Config`]: built-in rules first, then
//! one custom rule per code that user packs define. Registration is alphabetical and a
//! test keeps it so.
//!
//! [`crate::Linter::from_config`] calls [`build`]; call it (or [`build_all`]) yourself
//! to run rules one by one, or to list them. [`Resources`] is what rule constructors
//! read: the configuration, the packs ([`embedded_packs`] plus the configuration's)
//! and the entity [`Gazetteer`]. A code that only user packs define becomes a
//! [`PackRule`].
//!
//! ```
//! use copydesk::registry::{build, BUILTIN};
//! use copydesk::{Config, Document, Reporter};
//!
//! let rules = build(&Config::default())?;
//! let codes: Vec<&str> = rules.iter().map(|(r, _)| r.meta().code.as_ref()).collect();
//! assert_eq!(codes, BUILTIN);
//!
//! // Run each rule on its own, as the linter does, and count findings per rule.
//! let doc = Document::new("Leave a Comment\n\nThey set the budgeton Friday.");
//! let mut per_rule = Vec::new();
//! for (rule, severity) in &rules {
//!     let mut found = Vec::new();
//!     rule.check(&doc, &mut Reporter::new(rule.meta(), *severity, &mut found));
//!     if !found.is_empty() {
//!         per_rule.push((rule.meta().code.to_string(), found.len()));
//!     }
//! }
//! assert_eq!(per_rule, [("boilerplate".to_owned(), 1), ("run-together".to_owned(), 1)]);
//! # Ok::<(), copydesk::Error>(())
//! ```

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use once_cell::sync::Lazy;

use crate::entities::{self, Entity, Gazetteer};
use crate::error::Result;
use crate::pack::{Entry, Matcher, Pack};
use crate::rule::{Family, Reporter, Rule, RuleMeta};
use crate::rules;
use crate::{Config, Document, Severity};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// Codes of the built-in rules, alphabetical.
///
/// ```
/// let b = copydesk::registry::BUILTIN;
/// assert_eq!(b.len(), 16);
/// assert!(b.windows(2).all(|w| w[0] < w[1]));
/// ```
pub const BUILTIN: &[&str] = &[
    "apostrophe",
    "boilerplate",
    "duplicate-passage",
    "embed-residue",
    "invisible-char",
    "leaked-metadata",
    "mangled-name",
    "mojibake",
    "name-variant",
    "orphan-modifier",
    "pronoun-mismatch",
    "repeated-word",
    "run-together",
    "stylized-text",
    "unbalanced-quote",
    "whitespace",
];

/// Codes user packs may not define rules under: every built-in rule's. (All the codes
/// the foundation reserved are implemented now, so the lists are one.)
pub const RESERVED: &[&str] = BUILTIN;

static EMBEDDED_PACKS: Lazy<Vec<Pack>> = Lazy::new(|| {
    embedded::RULE_PACKS
        .iter()
        .map(|(name, src)| {
            Pack::parse_embedded(Path::new(&format!("lints/{name}")), src)
                .unwrap_or_else(|e| panic!("embedded pack {name} is invalid: {e}"))
        })
        .collect()
});

static EMBEDDED_ENTITIES: Lazy<Vec<Entity>> = Lazy::new(|| {
    embedded::ENTITY_PACKS
        .iter()
        .flat_map(|(name, src)| {
            entities::parse_pack(Path::new(&format!("lints/entities/{name}")), src)
                .unwrap_or_else(|e| panic!("embedded entity pack {name} is invalid: {e}"))
        })
        .collect()
});

/// The rule packs embedded from `lints/*.toml`, parsed once.
///
/// ```
/// let packs = copydesk::registry::embedded_packs();
/// let boilerplate = packs.iter().find(|p| p.name == "boilerplate").unwrap();
/// assert!(boilerplate.entries.iter().any(|e| e.id == "comment-prompt"));
/// ```
#[must_use]
pub fn embedded_packs() -> &'static [Pack] {
    &EMBEDDED_PACKS
}

/// The `(file name, source)` of every embedded rule pack.
///
/// ```
/// let names: Vec<&str> = copydesk::registry::embedded_pack_sources().iter().map(|(n, _)| *n).collect();
/// assert_eq!(names, ["boilerplate.toml", "embeds.toml", "metadata.toml"]);
/// ```
#[must_use]
pub fn embedded_pack_sources() -> &'static [(&'static str, &'static str)] {
    embedded::RULE_PACKS
}

/// The `(file name, source)` of every embedded entity pack.
///
/// ```
/// use std::path::Path;
/// let (name, source) = copydesk::registry::embedded_entity_sources()[1];
/// assert_eq!(name, "kpop.toml");
/// let entities = copydesk::entities::parse_pack(Path::new(name), source)?;
/// assert!(entities.iter().any(|e| e.name == "Starship Entertainment"));
/// # Ok::<(), copydesk::Error>(())
/// ```
#[must_use]
pub fn embedded_entity_sources() -> &'static [(&'static str, &'static str)] {
    embedded::ENTITY_PACKS
}

/// What rule constructors read: the configuration, every pack and every entity.
///
/// ```
/// use std::path::Path;
/// use copydesk::{entities::parse_pack, registry::Resources, Config};
/// let mut config = Config::default();
/// config.entities = parse_pack(Path::new("ours.toml"), "[[entity]]\nname = \"Harriet Quillfeather\"\nkind = \"person\"\npronouns = \"she\"")?;
/// let res = Resources::new(&config);
/// assert!(res.gazetteer.get("Harriet Quillfeather").is_some());
/// assert!(res.gazetteer.get("Starship Entertainment").is_some()); // embedded entities too
/// assert_eq!(res.packs.len(), 3);
/// # Ok::<(), copydesk::Error>(())
/// ```
pub struct Resources<'c> {
    /// The configuration the linter is built from.
    pub config: &'c Config,
    /// Embedded packs followed by the configuration's extra packs.
    pub packs: Vec<&'c Pack>,
    /// Embedded entities followed by the configuration's extra entities.
    pub gazetteer: Arc<Gazetteer>,
    /// Every pack entry compiled into one matcher, built on first use.
    matcher: once_cell::unsync::OnceCell<Arc<Matcher>>,
}

impl<'c> Resources<'c> {
    /// Gathers the data for `config`.
    ///
    /// ```
    /// use copydesk::{registry::Resources, rules::words::run_together::RunTogether, Config};
    /// let config = Config::default();
    /// let res = Resources::new(&config);
    /// let rule = RunTogether::new(&res); // rules that need data take the resources
    /// # let _ = rule;
    /// assert!(!res.gazetteer.is_empty());
    /// ```
    #[must_use]
    pub fn new(config: &'c Config) -> Self {
        let packs = EMBEDDED_PACKS.iter().chain(&config.packs).collect();
        let entities = EMBEDDED_ENTITIES.iter().chain(&config.entities).cloned().collect();
        Resources { config, packs, gazetteer: Arc::new(Gazetteer::new(entities)), matcher: Default::default() }
    }

    /// One matcher over the entries of every pack, shared by all the pack-driven rules:
    /// each document is scanned for pack matches once, and each rule reports the hits
    /// of its own code (see [`Matcher::report_spans`]).
    ///
    /// ```
    /// use copydesk::{registry::Resources, Config};
    /// let config = Config::default();
    /// let res = Resources::new(&config);
    /// assert!(std::sync::Arc::ptr_eq(&res.matcher()?, &res.matcher()?));
    /// # Ok::<(), copydesk::Error>(())
    /// ```
    ///
    /// # Errors
    /// When the entries cannot be compiled together.
    pub fn matcher(&self) -> Result<Arc<Matcher>> {
        self.matcher
            .get_or_try_init(|| {
                let entries = self.packs.iter().flat_map(|p| &p.entries).cloned().collect();
                Matcher::new(entries).map(Arc::new)
            })
            .cloned()
    }

    /// Every pack entry reporting under `code`, in pack order.
    ///
    /// ```
    /// use copydesk::{registry::Resources, Config};
    /// let config = Config::default();
    /// let entries = Resources::new(&config).entries_for("embed-residue");
    /// assert!(!entries.is_empty());
    /// assert!(entries.iter().all(|e| e.code == "embed-residue" && e.pack == "embeds"));
    /// ```
    #[must_use]
    pub fn entries_for(&self, code: &str) -> Vec<Entry> {
        self.packs.iter().flat_map(|p| &p.entries).filter(|e| e.code == code).cloned().collect()
    }
}

/// Builds every built-in rule, alphabetically, then the custom pack rules.
///
/// Unlike [`build`], it ignores the configuration's selection and severities.
///
/// ```
/// use copydesk::registry::{build_all, Resources};
/// use copydesk::Config;
/// let config = Config { select: Some(vec!["mojibake".into()]), ..Config::default() };
/// let all = build_all(&Resources::new(&config))?;
/// assert_eq!(all.len(), 16);
/// assert_eq!(all[0].meta().code, "apostrophe");
/// # Ok::<(), copydesk::Error>(())
/// ```
///
/// # Errors
/// Returns an error when pack entries cannot be compiled together.
pub fn build_all(res: &Resources<'_>) -> Result<Vec<Box<dyn Rule>>> {
    let mut all: Vec<Box<dyn Rule>> = vec![
        Box::new(rules::typography::apostrophe::Apostrophe::new()),
        Box::new(rules::scrape::boilerplate::Boilerplate::new(res)?),
        Box::new(rules::scrape::duplicate_passage::DuplicatePassage::new()),
        Box::new(rules::scrape::embed_residue::EmbedResidue::new(res)?),
        Box::new(rules::unicode::invisible_char::InvisibleChar::new()),
        Box::new(rules::scrape::leaked_metadata::LeakedMetadata::new(res)?),
        Box::new(rules::names::mangled_name::MangledName::new(res)),
        Box::new(rules::unicode::mojibake::Mojibake::new()),
        Box::new(rules::names::name_variant::NameVariant::new(res)),
        Box::new(rules::unicode::orphan_modifier::OrphanModifier::new()),
        Box::new(rules::names::pronoun_mismatch::PronounMismatch::new(res)),
        Box::new(rules::words::repeated_word::RepeatedWord::new()),
        Box::new(rules::words::run_together::RunTogether::new(res)),
        Box::new(rules::unicode::stylized_text::StylizedText::new()),
        Box::new(rules::typography::unbalanced_quote::UnbalancedQuote::new()),
        Box::new(rules::typography::whitespace::Whitespace::new()),
    ];
    let mut custom: BTreeMap<String, Vec<Entry>> = BTreeMap::new();
    for e in res.packs.iter().flat_map(|p| &p.entries) {
        if !BUILTIN.contains(&e.code.as_str()) {
            custom.entry(e.code.clone()).or_default().push(e.clone());
        }
    }
    for (code, entries) in custom {
        all.push(Box::new(PackRule::shared(code, &entries, res.matcher()?)));
    }
    Ok(all)
}

/// The rules enabled by `config`, each with its configured severity.
///
/// ```
/// use copydesk::{registry::build, Config, Severity};
/// let mut config = Config { select: Some(vec!["words".into()]), ..Config::default() };
/// config.severity.insert("run-together".into(), Severity::Error);
/// let rules = build(&config)?;
/// let got: Vec<(&str, Severity)> = rules.iter().map(|(r, s)| (r.meta().code.as_ref(), *s)).collect();
/// assert_eq!(got, [("repeated-word", Severity::Warning), ("run-together", Severity::Error)]);
/// # Ok::<(), copydesk::Error>(())
/// ```
///
/// # Errors
/// As [`build_all`].
pub fn build(config: &Config) -> Result<Vec<(Box<dyn Rule>, Severity)>> {
    let res = Resources::new(config);
    Ok(build_all(&res)?
        .into_iter()
        .filter(|r| config.enabled(r.meta()))
        .map(|r| {
            let sev = config.severity_for(r.meta());
            (r, sev)
        })
        .collect())
}

/// A rule defined entirely by user pack entries under a code of their own.
///
/// Its documentation (for `copydesk explain`) lists the entries and their messages.
///
/// ```
/// use std::path::Path;
/// use copydesk::{pack::Pack, registry::PackRule, Document, Family, Reporter, Rule, Severity};
/// let pack = Pack::parse(Path::new("house.toml"), r#"
/// [[rule]]
/// id = "filler"
/// code = "house-style"
/// kind = "phrase"
/// phrases = ["it goes without saying"]
/// message = "filler phrase: cut it"
/// "#)?;
/// let rule = PackRule::new("house-style".into(), pack.entries)?;
/// assert_eq!(rule.meta().family, Family::Custom);
/// assert_eq!(rule.meta().default_severity, Severity::Warning);
/// assert!(rule.meta().docs.contains("- `filler`: filler phrase: cut it"));
///
/// let text = "It goes without saying that we won.";
/// let mut found = Vec::new();
/// rule.check(&Document::new(text), &mut Reporter::new(rule.meta(), Severity::Warning, &mut found));
/// assert_eq!(found[0].span.slice(text), "It goes without saying");
/// # Ok::<(), copydesk::Error>(())
/// ```
pub struct PackRule {
    meta: RuleMeta,
    matcher: Arc<Matcher>,
}

impl PackRule {
    /// Compiles the entries of one custom code.
    ///
    /// ```
    /// use copydesk::{registry::PackRule, Rule};
    /// let rule = PackRule::new("empty".into(), Vec::new())?;
    /// assert_eq!(rule.meta().code, "empty");
    /// # Ok::<(), copydesk::Error>(())
    /// ```
    ///
    /// # Errors
    /// When the entries' patterns cannot be compiled together.
    pub fn new(code: String, entries: Vec<Entry>) -> Result<Self> {
        let meta = PackRule::meta_for(code, &entries);
        Ok(PackRule { meta, matcher: Arc::new(Matcher::new(entries)?) })
    }

    /// The rule for `code` reporting from a matcher shared with other rules.
    fn shared(code: String, entries: &[Entry], matcher: Arc<Matcher>) -> Self {
        PackRule { meta: PackRule::meta_for(code, entries), matcher }
    }

    fn meta_for(code: String, entries: &[Entry]) -> RuleMeta {
        let packs: Vec<&str> =
            entries.iter().map(|e| e.pack.as_str()).collect::<std::collections::BTreeSet<_>>().into_iter().collect();
        let summary = entries.first().map_or_else(String::new, |e| e.message.clone());
        let mut docs = format!("## What it flags\nPhrases and patterns from the pack(s) {}:\n", packs.join(", "));
        for e in entries {
            docs.push_str(&format!("- `{}`: {}\n", e.id, e.message));
        }
        docs.push_str("\n## Why it matters\nA team defined this rule for its own house style or site.\n");
        RuleMeta {
            code: Cow::Owned(code),
            family: Family::Custom,
            default_severity: Severity::Warning,
            summary: Cow::Owned(summary),
            docs: Cow::Owned(docs),
        }
    }
}

impl Rule for PackRule {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document<'_>, out: &mut Reporter<'_>) {
        self.matcher.report(doc, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registration_is_alphabetical_and_matches_builtin() {
        let config = Config::default();
        let res = Resources::new(&config);
        let codes: Vec<String> = build_all(&res).unwrap().iter().map(|r| r.meta().code.to_string()).collect();
        assert_eq!(codes, BUILTIN);
        let mut sorted = BUILTIN.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, BUILTIN);
        assert!(BUILTIN.iter().all(|c| RESERVED.contains(c)));
    }

    #[test]
    fn every_rule_is_documented() {
        let config = Config::default();
        for r in build_all(&Resources::new(&config)).unwrap() {
            let m = r.meta();
            for section in ["## What it flags", "## Why it matters", "## Example"] {
                assert!(m.docs.contains(section), "{} lacks {section}", m.code);
            }
            assert!(!m.summary.is_empty());
        }
    }
}

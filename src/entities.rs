//! Entity packs: the gazetteers of people, groups, organisations, publications, works
//! and places that the name rules check against.
//!
//! Packs live in `lints/entities/*.toml` (embedded) and in any files users add with
//! `--entities FILE` or `entities = [...]` in `copydesk.toml`:
//!
//! ```toml
//! [[entity]]
//! name = "Ronaldinho"                         # canonical spelling
//! aliases = ["Ronaldo de Assis", "Jeon Ronaldinho"]  # accepted spellings
//! kind = "person"                           # person | group | org | publication | work | place
//! pronouns = "he"                           # he | she | they, for persons
//! ambiguous = false                         # also an ordinary word: match exactly only
//! ```
//!
//! [`parse_pack`] reads a pack into [`Entity`]s; a [`Gazetteer`] indexes all of them
//! for the rules. To teach the linter your own names, add them to
//! [`crate::Config::entities`] (or name the file in `copydesk.toml`): the names rules
//! then know them, and [`crate::lexicon`] stops splitting them as run-together words.
//!
//! ```
//! use std::path::Path;
//! use copydesk::{entities::parse_pack, Config, Linter};
//!
//! let ours = r#"
//! [[entity]]
//! name = "Harriet Quillfeather"
//! kind = "person"
//! pronouns = "she"
//! "#;
//! let text = "Harriet Quillfeather won the seat. He thanked voters.";
//! assert!(Linter::new().check(text).iter().all(|d| d.rule != "pronoun-mismatch"));
//!
//! let mut config = Config::default();
//! config.entities = parse_pack(Path::new("ours.toml"), ours)?;
//! let found = Linter::from_config(&config)?.check(text);
//! let mismatch = found.iter().find(|d| d.rule == "pronoun-mismatch").unwrap();
//! assert_eq!(mismatch.span.slice(text), "He");
//! assert_eq!(mismatch.suggestions[0].replacement, "She");
//! # Ok::<(), copydesk::Error>(())
//! ```

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use crate::error::{Error, ErrorKind, Result};
use crate::Span;

/// What an entity is.
///
/// ```
/// use copydesk::{entities::{EntityKind, Gazetteer}, registry::Resources, Config};
/// let config = Config::default();
/// let names = Resources::new(&config).gazetteer;
/// assert_eq!(names.get("Agence France-Presse").unwrap().kind, EntityKind::Publication);
/// assert_eq!(names.get("An Yu-jin").unwrap().kind, EntityKind::Person);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntityKind {
    /// A person.
    Person,
    /// A band or group of people.
    Group,
    /// A company, label, agency, platform or other organisation.
    Org,
    /// A newspaper, magazine, broadcaster or other publication.
    Publication,
    /// A song, album, film, series or other work.
    Work,
    /// A place.
    Place,
}

/// The pronouns a person takes.
///
/// ```
/// use std::path::Path;
/// use copydesk::entities::{parse_pack, Pronouns};
/// let e = parse_pack(Path::new("p.toml"), "[[entity]]\nname = \"Alex Rowan\"\nkind = \"person\"\npronouns = \"they\"")?;
/// assert_eq!(e[0].pronouns, Some(Pronouns::They));
/// # Ok::<(), copydesk::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pronouns {
    /// he / him / his.
    He,
    /// she / her / hers.
    She,
    /// they / them / their.
    They,
}

/// One entity of a pack.
///
/// ```
/// use std::path::Path;
/// use copydesk::entities::{parse_pack, EntityKind};
/// let pack = r#"
/// [[entity]]
/// name = "Brightwater Analytics"
/// aliases = ["Brightwater"]
/// kind = "org"
/// "#;
/// let e = &parse_pack(Path::new("clients.toml"), pack)?[0];
/// assert_eq!(e.name, "Brightwater Analytics");
/// assert_eq!(e.kind, EntityKind::Org);
/// assert_eq!((e.pronouns, e.ambiguous, e.pack.as_str()), (None, false, "clients"));
/// # Ok::<(), copydesk::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// The canonical spelling.
    pub name: String,
    /// Other accepted spellings.
    pub aliases: Vec<String>,
    /// What it is.
    pub kind: EntityKind,
    /// For persons, their pronouns.
    pub pronouns: Option<Pronouns>,
    /// Whether the name is also an ordinary word (match it exactly, never as a near-miss).
    pub ambiguous: bool,
    /// The pack it came from.
    pub pack: String,
}

impl Entity {
    /// The canonical name followed by the aliases.
    ///
    /// ```
    /// use std::path::Path;
    /// let pack = "[[entity]]\nname = \"Lionel Messi\"\naliases = [\"Leo Messi\", \"Lionel Andrés Messi\"]\nkind = \"person\"";
    /// let e = &copydesk::entities::parse_pack(Path::new("p.toml"), pack)?[0];
    /// assert_eq!(e.spellings().collect::<Vec<_>>(), ["Lionel Messi", "Leo Messi", "Lionel Andrés Messi"]);
    /// # Ok::<(), copydesk::Error>(())
    /// ```
    pub fn spellings(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPack {
    #[serde(default)]
    entity: Vec<RawEntity>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntity {
    name: Spanned<String>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
    kind: Spanned<String>,
    pronouns: Option<Spanned<String>>,
    #[serde(default)]
    ambiguous: bool,
    #[allow(dead_code, reason = "documentation for readers of the pack")]
    note: Option<String>,
}

/// Parses one entity pack. `path` names it in errors.
///
/// # Errors
/// Returns an [`ErrorKind::EntityPack`] error pointing into `source` when the TOML is
/// malformed, a kind or pronoun is unknown, a name is empty, or pronouns are given for
/// something other than a person.
///
/// ```
/// use std::path::Path;
/// use copydesk::{entities::parse_pack, ErrorKind};
/// let ok = parse_pack(Path::new("places.toml"), "[[entity]]\nname = \"Walla Walla\"\nkind = \"place\"")?;
/// assert_eq!(ok.len(), 1);
///
/// let source = "[[entity]]\nname = \"Seoul\"\nkind = \"place\"\npronouns = \"she\"";
/// let err = parse_pack(Path::new("places.toml"), source).unwrap_err();
/// assert_eq!(err.kind(), &ErrorKind::EntityPack);
/// assert_eq!(err.span().unwrap().slice(source), "\"she\"");
/// # Ok::<(), copydesk::Error>(())
/// ```
pub fn parse_pack(path: &Path, source: &str) -> Result<Vec<Entity>> {
    let raw: RawPack =
        toml::from_str(source).map_err(|e| crate::error::from_toml(ErrorKind::EntityPack, path, source, &e))?;
    let file = path.display().to_string();
    let pack = path.file_stem().map_or(file.clone(), |s| s.to_string_lossy().into_owned());
    let err = |span: std::ops::Range<usize>, msg: String| {
        Error::new(ErrorKind::EntityPack, format!("invalid entity pack {file}: {msg}")).with_path(path).with_label(
            &file,
            source,
            Span::new(span.start, span.end),
            msg,
        )
    };
    let mut out = Vec::with_capacity(raw.entity.len());
    for e in raw.entity {
        for n in std::iter::once(&e.name).chain(&e.aliases) {
            if n.get_ref().trim().is_empty() || n.get_ref().trim() != n.get_ref() {
                return Err(err(n.span(), format!("name {:?} is empty or has surrounding spaces", n.get_ref())));
            }
        }
        let kind = match e.kind.get_ref().as_str() {
            "person" => EntityKind::Person,
            "group" => EntityKind::Group,
            "org" => EntityKind::Org,
            "publication" => EntityKind::Publication,
            "work" => EntityKind::Work,
            "place" => EntityKind::Place,
            other => {
                return Err(err(
                    e.kind.span(),
                    format!("kind {other:?} is not one of person, group, org, publication, work, place"),
                ))
            }
        };
        let pronouns = match &e.pronouns {
            None => None,
            Some(p) => {
                if kind != EntityKind::Person {
                    return Err(err(p.span(), "pronouns are only for kind = \"person\"".into()));
                }
                Some(match p.get_ref().as_str() {
                    "he" => Pronouns::He,
                    "she" => Pronouns::She,
                    "they" => Pronouns::They,
                    other => return Err(err(p.span(), format!("pronouns {other:?} is not one of he, she, they"))),
                })
            }
        };
        out.push(Entity {
            name: e.name.into_inner(),
            aliases: e.aliases.into_iter().map(Spanned::into_inner).collect(),
            kind,
            pronouns,
            ambiguous: e.ambiguous,
            pack: pack.clone(),
        });
    }
    Ok(out)
}

/// All entities of all packs, with lookup by exact and case-folded spelling.
///
/// ```
/// use std::path::Path;
/// use copydesk::entities::{parse_pack, Gazetteer};
/// let pack = "[[entity]]\nname = \"Harbour Gazette\"\nkind = \"publication\"";
/// let g = Gazetteer::new(parse_pack(Path::new("p.toml"), pack)?);
/// assert_eq!(g.len(), 1);
/// assert!(g.get("Harbour Gazette").is_some());
/// assert!(g.get("harbour gazette").is_none());
/// assert_eq!(g.get_folded("HARBOUR gazette").unwrap().name, "Harbour Gazette");
/// # Ok::<(), copydesk::Error>(())
/// ```
#[derive(Debug, Default)]
pub struct Gazetteer {
    entities: Vec<Entity>,
    exact: HashMap<String, usize>,
    folded: HashMap<String, usize>,
}

impl Gazetteer {
    /// Builds the lookup tables. A later entity with an already-known spelling extends
    /// nothing: the first definition wins (user packs are added after the embedded ones
    /// and may add aliases by defining a new entity).
    ///
    /// ```
    /// use std::path::Path;
    /// use copydesk::entities::{parse_pack, Gazetteer};
    /// let pack = "[[entity]]\nname = \"Ana\"\nkind = \"person\"\n[[entity]]\nname = \"Ana\"\nkind = \"place\"";
    /// let g = Gazetteer::new(parse_pack(Path::new("p.toml"), pack)?);
    /// assert_eq!(g.len(), 2);
    /// assert_eq!(g.get("Ana").unwrap().kind, copydesk::entities::EntityKind::Person, "the first wins");
    /// # Ok::<(), copydesk::Error>(())
    /// ```
    #[must_use]
    pub fn new(entities: Vec<Entity>) -> Self {
        let mut g = Gazetteer { entities, exact: HashMap::new(), folded: HashMap::new() };
        for (i, e) in g.entities.iter().enumerate() {
            for s in e.spellings() {
                g.exact.entry(s.to_owned()).or_insert(i);
                g.folded.entry(fold(s)).or_insert(i);
            }
        }
        g
    }

    /// Every entity.
    ///
    /// ```
    /// use copydesk::{registry::Resources, Config};
    /// let config = Config::default();
    /// let g = Resources::new(&config).gazetteer;
    /// assert_eq!(g.entities().len(), g.len());
    /// assert!(g.entities().iter().any(|e| e.pack == "kpop"));
    /// ```
    #[must_use]
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The entity spelled exactly `name`.
    ///
    /// ```
    /// use copydesk::{registry::Resources, Config};
    /// let config = Config::default();
    /// let g = Resources::new(&config).gazetteer;
    /// assert_eq!(g.get("Byun Baek-hyun").unwrap().name, "Baekhyun"); // an alias
    /// ```
    #[must_use]
    pub fn get(&self, name: &str) -> Option<&Entity> {
        self.exact.get(name).map(|&i| &self.entities[i])
    }

    /// The entity spelled `name` up to case and apostrophe form.
    ///
    /// ```
    /// use copydesk::entities::Gazetteer;
    /// use copydesk::{registry::Resources, Config};
    /// let config = Config::default();
    /// let g = Resources::new(&config).gazetteer;
    /// assert_eq!(g.get_folded("BAEKHYUN").unwrap().name, "Baekhyun");
    /// assert!(Gazetteer::default().get_folded("Baekhyun").is_none());
    /// ```
    #[must_use]
    pub fn get_folded(&self, name: &str) -> Option<&Entity> {
        self.folded.get(&fold(name)).map(|&i| &self.entities[i])
    }

    /// Number of entities.
    ///
    /// ```
    /// assert_eq!(copydesk::entities::Gazetteer::default().len(), 0);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// Whether there are no entities.
    ///
    /// ```
    /// assert!(copydesk::entities::Gazetteer::new(Vec::new()).is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }
}

/// Case-folds and unifies apostrophes, for spelling comparison.
///
/// ```
/// assert_eq!(copydesk::entities::fold("Geffin’s RECORDS"), "geffin's records");
/// ```
#[must_use]
pub fn fold(s: &str) -> String {
    s.chars().map(|c| if matches!(c, '’' | '‘' | 'ʼ') { '\'' } else { c }).flat_map(char::to_lowercase).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_looks_up() {
        let src = "[[entity]]\nname = \"Ronaldinho\"\naliases = [\"Ronaldo de Assis\"]\nkind = \"person\"\npronouns = \"he\"\n";
        let g = Gazetteer::new(parse_pack(Path::new("k.toml"), src).unwrap());
        assert_eq!(g.get("Ronaldo de Assis").unwrap().name, "Ronaldinho");
        assert_eq!(g.get_folded("RONALDINHO").unwrap().pronouns, Some(Pronouns::He));
        assert!(g.get("Ronaldo De assis").is_none());
    }

    #[test]
    fn errors_point_into_the_file() {
        let src = "[[entity]]\nname = \"X Corp\"\nkind = \"org\"\npronouns = \"he\"\n";
        let e = parse_pack(Path::new("e.toml"), src).unwrap_err();
        assert_eq!(e.kind(), &ErrorKind::EntityPack);
        assert_eq!(&src[e.span().unwrap().start..e.span().unwrap().end], "\"he\"");
        let e = parse_pack(Path::new("e.toml"), "[[entity]]\nname = \"A\"\nkind = \"planet\"\n").unwrap_err();
        assert!(e.to_string().contains("planet"));
    }
}

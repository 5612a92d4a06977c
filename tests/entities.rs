//! `verify` for the embedded entity packs (`lints/entities/*.toml`), the checks of
//! `scripts/check_entities.py` in Rust so `cargo test` enforces them: every pack parses,
//! persons carry pronouns, spellings are trimmed and single-spaced, short spellings are
//! marked `ambiguous`, entities are sorted by name within a file, and no spelling occurs
//! twice across all packs (case-insensitively).

use std::collections::BTreeMap;
use std::path::Path;

use copydesk::entities::{parse_pack, EntityKind};
use copydesk::registry::embedded_entity_sources;

#[test]
fn embedded_entity_packs_are_valid_and_normal() {
    let sources = embedded_entity_sources();
    assert!(!sources.is_empty(), "no embedded entity packs");
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    let mut problems = Vec::new();
    for (file, src) in sources {
        let entities = match parse_pack(Path::new(file), src) {
            Ok(e) => e,
            Err(e) => {
                problems.push(format!("{file}: does not parse: {e}"));
                continue;
            }
        };
        for pair in entities.windows(2) {
            if pair[0].name.to_lowercase() > pair[1].name.to_lowercase() {
                problems.push(format!("{file}: not sorted: {:?} before {:?}", pair[0].name, pair[1].name));
            }
        }
        for e in &entities {
            if e.kind == EntityKind::Person && e.pronouns.is_none() {
                problems.push(format!("{file}: person {:?} has no pronouns", e.name));
            }
            if e.aliases.contains(&e.name) {
                problems.push(format!("{file}: {:?} lists its own name as an alias", e.name));
            }
            for s in e.spellings() {
                if s.contains("  ") {
                    problems.push(format!("{file}: {s:?} has a double space"));
                }
                if s.chars().filter(|c| c.is_alphanumeric()).count() < 4 && !e.ambiguous {
                    problems.push(format!("{file}: {s:?} is shorter than 4 letters; set ambiguous = true"));
                }
                let where_ = format!("{file}: {:?}", e.name);
                if let Some(first) = seen.insert(s.to_lowercase(), where_.clone()) {
                    problems.push(format!("{where_}: {s:?} already defined at {first}"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{} problem(s):\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn the_test_entity_pack_is_valid() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/names-entities.toml");
    let src = std::fs::read_to_string(path).unwrap();
    assert!(parse_pack(Path::new(path), &src).unwrap().len() >= 5);
}

//! The embedded rule packs test themselves: every `[[test]]` case of every pack in
//! `lints/` is linted with all rules, and the set of pack-driven codes reported must be
//! exactly its `expect`. A `verify` test keeps each pack in normal form (typos' habit):
//! ids unique and sorted.

use std::collections::BTreeSet;
use std::path::Path;

use copydesk::pack::{Pack, PACK_DRIVEN};
use copydesk::registry::embedded_pack_sources;
use copydesk::Linter;

fn packs() -> Vec<Pack> {
    embedded_pack_sources()
        .iter()
        .map(|(name, src)| Pack::parse(Path::new(&format!("lints/{name}")), src).unwrap())
        .collect()
}

#[test]
fn every_pack_test_case_holds() {
    let packs = packs();
    assert!(!packs.is_empty());
    // The codes packs report under: the pack-driven built-ins and any custom code.
    let codes: BTreeSet<String> =
        PACK_DRIVEN.iter().map(|c| (*c).to_owned()).chain(packs.iter().flat_map(Pack::codes)).collect();
    let linter = Linter::new();
    let mut failures = Vec::new();
    let mut cases = 0;
    for pack in &packs {
        for test in &pack.tests {
            cases += 1;
            let got: BTreeSet<String> = linter
                .check(&test.input)
                .into_iter()
                .map(|d| d.rule.to_string())
                .filter(|code| codes.contains(code))
                .collect();
            let want: BTreeSet<String> = test.expect.iter().cloned().collect();
            if got != want {
                failures.push(format!("{}: {:?}\n  expected {want:?}, got {got:?}", pack.name, test.input));
            }
        }
    }
    assert!(cases > 0);
    assert!(failures.is_empty(), "{} of {cases} pack test cases fail:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn verify_packs_are_in_normal_form() {
    for pack in packs() {
        let ids: Vec<&str> = pack.entries.iter().map(|e| e.id.as_str()).collect();
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(ids, sorted, "pack {}: ids must be unique and sorted", pack.name);
    }
}

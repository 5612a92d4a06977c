//! The registry as users see it: the README's rule table is generated from the rules'
//! metadata and must match it, and every built-in rule has a fixture folder.

use copydesk::Linter;

#[test]
fn readme_rule_table_is_current() {
    let readme_path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(readme_path).unwrap();
    let (head, rest) = readme.split_once("<!-- rules:start -->\n").expect("README has a rules:start marker");
    let (_, tail) = rest.split_once("<!-- rules:end -->").expect("README has a rules:end marker");
    let table = copydesk::render::table::markdown(Linter::new().rules());
    let current = format!("{head}<!-- rules:start -->\n{table}<!-- rules:end -->{tail}");
    if current != readme {
        if std::env::var_os("UPDATE_README").is_some() {
            std::fs::write(readme_path, current).unwrap();
        } else {
            panic!("the README's rule table is stale; run `UPDATE_README=1 cargo test --test registry`:\n{table}");
        }
    }
}

#[test]
fn every_rule_has_fixtures() {
    for meta in Linter::new().rules() {
        let dir = format!("{}/tests/fixtures/{}", env!("CARGO_MANIFEST_DIR"), meta.code);
        for file in ["flagged.txt", "clean.txt"] {
            assert!(std::path::Path::new(&format!("{dir}/{file}")).is_file(), "{} lacks {file} in {dir}", meta.code);
        }
    }
}

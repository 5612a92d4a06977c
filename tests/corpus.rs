//! Corpus guard: clean BBC articles (MIT licensed, a sample in
//! `tests/fixtures/corpus/bbc/`) linted with every rule on. The snapshot lists every
//! warning or error, so any new false positive shows up in review.

use copydesk::render::Locator;
use copydesk::{Linter, Severity};

#[test]
fn clean_articles_stay_clean() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/corpus/bbc");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 30);
    let linter = Linter::new();
    let mut out = String::new();
    let mut words = 0;
    for path in &files {
        let source = std::fs::read_to_string(path).unwrap();
        words += source.split_whitespace().count();
        let mut loc = Locator::new(&source);
        for d in linter.check(&source).iter().filter(|d| d.severity >= Severity::Warning) {
            let (line, col) = loc.locate(d.span.start);
            let name = path.file_name().unwrap().to_string_lossy();
            out.push_str(&format!("{name}:{line}:{col} {} {:?}\n", d.rule, &source[d.span.start..d.span.end]));
        }
    }
    out.push_str(&format!("-- {} files, {words} words\n", files.len()));
    insta::assert_snapshot!(out);
}

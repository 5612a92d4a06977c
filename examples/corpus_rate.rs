//! Measures findings per 1000 words on a folder of clean articles (by default the BBC
//! corpus in `../shared/corpus/bbc`), per rule, counting warnings and errors: the
//! precision figure every rule is held to.
//!
//! ```sh
//! cargo run --release --example corpus_rate -- [DIR] [--show RULE]
//! ```

use std::path::Path;

use copydesk::render::Locator;
use copydesk::{Linter, Severity};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show = args.iter().position(|a| a == "--show").and_then(|i| args.get(i + 1)).cloned();
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--") && Some(*a) != show.as_ref())
        .cloned()
        .unwrap_or_else(|| "../shared/corpus/bbc".into());
    let files = copydesk::article_paths(Path::new(&dir));
    if files.is_empty() {
        eprintln!("no .txt or .md files under {dir}");
        std::process::exit(2);
    }
    let linter = Linter::new();
    let mut words = 0usize;
    let mut counts: std::collections::BTreeMap<String, usize> =
        linter.rules().map(|m| (m.code.to_string(), 0)).collect();
    for path in &files {
        let Ok(text) = std::fs::read_to_string(path) else { continue };
        words += text.split_whitespace().count();
        let mut loc = Locator::new(&text);
        for d in linter.check(&text).into_iter().filter(|d| d.severity >= Severity::Warning) {
            *counts.entry(d.rule.to_string()).or_default() += 1;
            if show.as_deref().is_some_and(|s| s == d.rule || s == "all") {
                let (line, col) = loc.locate(d.span.start);
                println!(
                    "{}:{line}:{col}: {} {:?} — {}",
                    path.display(),
                    d.rule,
                    &text[d.span.start..d.span.end],
                    d.message
                );
            }
        }
    }
    let total: usize = counts.values().sum();
    println!("{} files, {words} words", files.len());
    println!("{:20} {:>8} {:>10}", "rule", "findings", "per 1000w");
    for (rule, n) in &counts {
        println!("{rule:20} {n:>8} {:>10.4}", *n as f64 * 1000.0 / words as f64);
    }
    println!("{:20} {total:>8} {:>10.4}", "total", total as f64 * 1000.0 / words as f64);
}

//! Throughput of the default rule set over the clean BBC articles in
//! `../shared/corpus/bbc/` (skipped with a message when that folder is absent): MB/s in
//! total and per rule family, single-threaded.
//!
//! ```sh
//! cargo bench --bench throughput
//! ```

use std::path::Path;
use std::time::{Duration, Instant};

use copydesk::{Config, Linter};

/// Lints every article repeatedly for at least `min` and returns MB/s.
fn measure(linter: &Linter, articles: &[String], bytes: usize, min: Duration) -> f64 {
    let start = Instant::now();
    let mut rounds = 0u32;
    let mut findings = 0usize;
    while rounds < 3 || start.elapsed() < min {
        for a in articles {
            findings += linter.check(a).len();
        }
        rounds += 1;
    }
    std::hint::black_box(findings);
    (bytes as f64 * f64::from(rounds)) / 1e6 / start.elapsed().as_secs_f64()
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/bbc");
    let files: Vec<_> =
        copydesk::article_paths(&dir).into_iter().filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
    if files.is_empty() {
        println!("throughput: skipped, no corpus at {} (the BBC articles live in the shared folder)", dir.display());
        return;
    }
    let articles: Vec<String> = files.iter().filter_map(|f| std::fs::read_to_string(f).ok()).collect();
    let bytes: usize = articles.iter().map(String::len).sum();
    println!("corpus: {} articles, {:.2} MB", articles.len(), bytes as f64 / 1e6);
    let min = Duration::from_secs(3);
    let all = Linter::new();
    // Warm up the lazily built data (packs, lexicon) before timing.
    let _ = all.check("warm up");
    let tokenize = {
        let start = Instant::now();
        for a in &articles {
            std::hint::black_box(copydesk::Document::new(a));
        }
        bytes as f64 / 1e6 / start.elapsed().as_secs_f64()
    };
    println!("{:12} {:>9.1} MB/s", "document", tokenize);
    let mut families: Vec<&str> = all.rules().map(|m| m.family.as_str()).collect();
    families.sort_unstable();
    families.dedup();
    for family in families {
        let config = Config { select: Some(vec![family.to_owned()]), ..Config::default() };
        let linter = Linter::from_config(&config).expect("the default packs compile");
        println!("{family:12} {:>9.1} MB/s", measure(&linter, &articles, bytes, min));
    }
    println!("{:12} {:>9.1} MB/s", "all rules", measure(&all, &articles, bytes, min));
    // COPYDESK_BENCH_SELECT="a,b;c,d" measures further rule selections, e.g. the
    // default set before and after a rule was added.
    for selection in std::env::var("COPYDESK_BENCH_SELECT").unwrap_or_default().split(';').filter(|s| !s.is_empty()) {
        let config = Config { select: Some(selection.split(',').map(str::to_owned).collect()), ..Config::default() };
        let linter = Linter::from_config(&config).expect("the default packs compile");
        println!("{selection}: {:.1} MB/s", measure(&linter, &articles, bytes, min));
    }
    // The same articles read as Markdown: the parse and the masking on top of all rules.
    let markdown = {
        let start = Instant::now();
        let mut rounds = 0u32;
        while rounds < 3 || start.elapsed() < min {
            for a in &articles {
                std::hint::black_box(all.check_markdown(a).len());
            }
            rounds += 1;
        }
        (bytes as f64 * f64::from(rounds)) / 1e6 / start.elapsed().as_secs_f64()
    };
    println!("{:12} {:>9.1} MB/s", "as markdown", markdown);
}

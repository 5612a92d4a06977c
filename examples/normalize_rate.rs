//! Throughput of `copydesk::normalize` with default options on a folder of articles
//! (by default the BBC corpus in `../shared/corpus/bbc`), and the list of files it
//! changes with what it changed.
//!
//! ```sh
//! cargo run --release --example normalize_rate -- [DIR]
//! ```

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use copydesk::normalize::{normalize, NormalizeOptions};

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "../shared/corpus/bbc".into());
    let files = copydesk::article_paths(Path::new(&dir));
    let texts: Vec<(PathBuf, String)> =
        files.into_iter().filter_map(|p| std::fs::read_to_string(&p).ok().map(|t| (p, t))).collect();
    if texts.is_empty() {
        eprintln!("no .txt or .md files under {dir}");
        std::process::exit(2);
    }
    let opts = NormalizeOptions::default();
    let bytes: usize = texts.iter().map(|(_, t)| t.len()).sum();
    for (path, text) in &texts {
        let n = normalize(text, &opts);
        for c in n.changes() {
            println!(
                "{}: {} {}..{} {:?} → {:?}",
                path.display(),
                c.step.as_str(),
                c.original.start,
                c.original.end,
                c.before,
                c.after
            );
        }
    }
    let start = Instant::now();
    let mut rounds = 0u32;
    while rounds < 3 || start.elapsed() < Duration::from_secs(3) {
        for (_, text) in &texts {
            std::hint::black_box(normalize(text, &opts).text().len());
        }
        rounds += 1;
    }
    let mbs = bytes as f64 * f64::from(rounds) / 1e6 / start.elapsed().as_secs_f64();
    println!("{} files, {:.2} MB: normalize {mbs:.0} MB/s", texts.len(), bytes as f64 / 1e6);
}

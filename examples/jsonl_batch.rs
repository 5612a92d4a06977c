//! A batch job over a scraper's JSON Lines output: lint every record on all cores in
//! constant memory and keep a tally, as `copydesk check --jsonl` does.
//!
//! ```sh
//! cargo run --release --example jsonl_batch -- articles.jsonl > findings.jsonl
//! ```

use std::io::BufReader;

use copydesk::batch::{check_jsonl, JsonlOptions};
use copydesk::Linter;

fn main() -> std::io::Result<()> {
    let linter = Linter::new();
    let opts = JsonlOptions { id_field: Some("url".into()), ..JsonlOptions::default() };
    let summary = match std::env::args().nth(1) {
        Some(path) => {
            check_jsonl(&linter, BufReader::new(std::fs::File::open(path)?), std::io::stdout().lock(), &opts)?
        }
        None => {
            // No file given: lint two sample records.
            let sample =
                "{\"url\": \"a\", \"text\": \"Leave a Comment\"}\n{\"url\": \"b\", \"text\": \"All is well.\"}\n";
            check_jsonl(&linter, sample.as_bytes(), std::io::stdout().lock(), &opts)?
        }
    };
    eprintln!(
        "{} records, {} malformed, {} findings, worst: {:?}",
        summary.records, summary.malformed, summary.diagnostics, summary.max_severity
    );
    Ok(())
}

//! Linear-time check for `duplicate-passage`: time per MB on a 50 KB and a 50 MB
//! document of the same make-up, which must agree within 1.5× for linting (document
//! analysis + the rule). The rule's own time is printed too.
//!
//! The documents are generated (a fixed-seed generator drawing sentences from a
//! vocabulary, with a copied passage in every twentieth paragraph), so the bench needs
//! no corpus and every run measures the same text. Nearly every 8-word shingle is new,
//! the worst case for the rule's fingerprint map.
//!
//! ```sh
//! cargo bench --bench duplicates
//! ```

use std::time::{Duration, Instant};

use copydesk::{Config, Document, Linter};

const VOCABULARY: &str = "the a of to and in that for on with as by at from his her their its new said year \
    people government company market music band album film award minister report police court city country \
    week month first last two three four million billion percent growth price sales shares profit bank \
    chief executive officer director company group members fans singer song chart record release tour \
    election party vote leader plan deal talks team game match season club player coach win loss goal \
    technology phone software network computer users service data security online website mobile digital \
    would could should might will can must may also still however while after before during since until \
    announced expected reported told added warned claimed agreed denied confirmed revealed suggested \
    strong weak high low early late major minor public private local national international global";

/// xorshift64*: a small deterministic generator, enough to vary the text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A document of about `bytes` bytes: paragraphs of sentences, every twentieth
/// paragraph repeating a sentence from earlier.
fn document(bytes: usize) -> String {
    let words: Vec<&str> = VOCABULARY.split_whitespace().collect();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut text = String::with_capacity(bytes + 1024);
    let mut sentences: Vec<(usize, usize)> = Vec::new();
    let mut paragraph = 0usize;
    while text.len() < bytes {
        paragraph += 1;
        if paragraph % 20 == 0 && !sentences.is_empty() {
            let (a, b) = sentences[rng.below(sentences.len())];
            let copy = text[a..b].to_owned();
            text.push_str(&copy);
            text.push_str("\n\n");
            continue;
        }
        for _ in 0..1 + rng.below(4) {
            let start = text.len();
            for i in 0..8 + rng.below(16) {
                let w = words[rng.below(words.len())];
                if i == 0 {
                    let mut c = w.chars();
                    text.extend(c.next().map(|f| f.to_ascii_uppercase()));
                    text.push_str(c.as_str());
                } else {
                    text.push(' ');
                    text.push_str(w);
                }
            }
            text.push_str(". ");
            sentences.push((start, text.len() - 1));
        }
        text.push_str("\n\n");
    }
    text
}

/// CPU seconds (user + system) this thread has used, where Linux reports them. Other
/// processes on a busy machine stretch wall time but not this.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the parenthesised command name; utime and stime are the 12th and 13th.
    let rest = &stat[stat.rfind(')')? + 1..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    // USER_HZ is 100 on every Linux platform Rust supports.
    Some(ticks / 100.0)
}

/// Seconds per MB for `f` over `bytes`, after one warm-up call, averaged over rounds
/// run for at least `min` (and at least three): CPU time where available, else wall.
fn per_mb(bytes: usize, min: Duration, mut f: impl FnMut() -> usize) -> (f64, usize) {
    let mut found = std::hint::black_box(f());
    let (start, cpu_start) = (Instant::now(), cpu_seconds());
    let mut rounds = 0u32;
    while rounds < 3 || start.elapsed() < min {
        found = std::hint::black_box(f());
        rounds += 1;
    }
    let secs = match (cpu_start, cpu_seconds()) {
        (Some(a), Some(b)) if b > a => b - a,
        _ => start.elapsed().as_secs_f64(),
    };
    (secs / f64::from(rounds) / (bytes as f64 / 1e6), found)
}

fn main() {
    let config = Config { select: Some(vec!["duplicate-passage".to_owned()]), ..Config::default() };
    let linter = Linter::from_config(&config).expect("the built-in rules compile");
    let mut rule_times = Vec::new();
    let mut total_times = Vec::new();
    for (label, size) in [("50 KB", 50_000), ("50 MB", 50_000_000)] {
        let text = document(size);
        let doc = Document::new(&text);
        let min = Duration::from_secs(4);
        let (rule, found) = per_mb(text.len(), min, || linter.check_document(&doc).len());
        let (total, _) = per_mb(text.len(), min, || linter.check_document(&Document::new(&text)).len());
        println!(
            "{label}: {:>10} bytes, {found:>6} repeats; rule {:>7.2} ms/MB; document + rule {:>7.2} ms/MB",
            text.len(),
            rule * 1e3,
            total * 1e3
        );
        rule_times.push(rule);
        total_times.push(total);
    }
    let rule_ratio = rule_times[1] / rule_times[0];
    let total_ratio = total_times[1] / total_times[0];
    println!("50 MB / 50 KB time per MB: document + rule {total_ratio:.2}x, rule alone {rule_ratio:.2}x (limit 1.5x)");
    // The rule alone is memory-bound: the 50 KB document's tokens stay in cache between
    // rounds, the 50 MB one's stream from memory every time, whatever the algorithm.
    // The gate is the cost of linting, which is what grows with a quadratic step.
    if total_ratio > 1.5 {
        println!("NOT LINEAR: linting time per MB grew {total_ratio:.2}x");
        std::process::exit(1);
    }
}

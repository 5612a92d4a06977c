//! Linear-time check for `duplicate-passage`: time per MB of the rule on 50 KB
//! documents and on a 50 MB document, made of the same text, must agree within 1.5×.
//! Linting as a whole (document analysis + the rule) is printed beside it, and so is a
//! 5 MB document: from 5 MB to 50 MB, both past the cache, time per MB shows whether
//! the rule's cost grows with the document or only steps up once its tables leave the
//! cache.
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

/// How far back a repeated sentence is drawn from. Copies from anywhere earlier would
/// give the 50 MB text about 250 times as many repeats per MB as its 50 KB pieces (whose
/// copies mostly come from other pieces), and the comparison would measure reporting
/// rather than detection; drawing from the last 20 KB gives both texts the same repeats.
const COPY_WINDOW: usize = 20_000;

/// A document of about `bytes` bytes: paragraphs of sentences, every twentieth
/// paragraph repeating a sentence from the last [`COPY_WINDOW`] bytes.
fn document(bytes: usize) -> String {
    let words: Vec<&str> = VOCABULARY.split_whitespace().collect();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut text = String::with_capacity(bytes + 1024);
    let mut sentences: Vec<(usize, usize)> = Vec::new();
    let mut paragraph = 0usize;
    // The first sentence within the window.
    let mut recent = 0usize;
    while text.len() < bytes {
        paragraph += 1;
        while recent < sentences.len() && sentences[recent].0 + COPY_WINDOW < text.len() {
            recent += 1;
        }
        if paragraph % 20 == 0 && recent < sentences.len() {
            let (a, b) = sentences[recent + rng.below(sentences.len() - recent)];
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

/// Splits `text` at paragraph breaks into pieces of about `size` bytes.
fn pieces(text: &str, size: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let want = (start + size).min(text.len());
        let end = text[want..].find("\n\n").map_or(text.len(), |i| want + i + 2);
        out.push(&text[start..end]);
        start = end;
    }
    out
}

fn main() {
    let config = Config { select: Some(vec!["duplicate-passage".to_owned()]), ..Config::default() };
    let linter = Linter::from_config(&config).expect("the built-in rules compile");
    let min = Duration::from_secs(4);
    // The same 50 MB of text, linted as one document and as a thousand 50 KB ones:
    // only the document size differs, so any growth of time per MB is the algorithm's.
    // (One 50 KB document linted over and over would sit in cache, which no real
    // 50 MB document can; that figure is printed for reference only.)
    let text = document(50_000_000);
    let small: Vec<&str> = pieces(&text, 50_000);
    let mb = text.len();
    let big_doc = Document::new(&text);
    let (big_rule, found) = per_mb(mb, min, || linter.check_document(&big_doc).len());
    let (big_total, _) = per_mb(mb, min, || linter.check_document(&Document::new(&text)).len());
    drop(big_doc);
    let small_docs: Vec<Document<'_>> = small.iter().map(|t| Document::new(t)).collect();
    let (small_rule, small_found) = per_mb(mb, min, || small_docs.iter().map(|d| linter.check_document(d).len()).sum());
    drop(small_docs);
    let (small_total, _) =
        per_mb(mb, min, || small.iter().map(|t| linter.check_document(&Document::new(t)).len()).sum());
    let mid_text = document(5_000_000);
    let mid_doc = Document::new(&mid_text);
    let (mid_rule, mid_found) = per_mb(mid_text.len(), min, || linter.check_document(&mid_doc).len());
    drop(mid_doc);
    let hot = document(50_000);
    let hot_doc = Document::new(&hot);
    let (hot_rule, _) = per_mb(hot.len(), min, || linter.check_document(&hot_doc).len());
    println!("text: {:.1} MB, {} pieces of about 50 KB", mb as f64 / 1e6, small.len());
    println!("{:>28} {:>12} {:>18} {:>8}", "", "rule ms/MB", "document+rule ms/MB", "repeats");
    println!(
        "{:>28} {:>12.2} {:>18.2} {:>8}",
        "1000 documents of 50 KB",
        small_rule * 1e3,
        small_total * 1e3,
        small_found
    );
    println!("{:>28} {:>12.2} {:>18} {:>8}", "one document of 5 MB", mid_rule * 1e3, "", mid_found);
    println!("{:>28} {:>12.2} {:>18.2} {:>8}", "one document of 50 MB", big_rule * 1e3, big_total * 1e3, found);
    println!("{:>28} {:>12.2} {:>18} {:>8}", "one 50 KB document, cached", hot_rule * 1e3, "", "");
    let rule_ratio = big_rule / small_rule;
    let total_ratio = big_total / small_total;
    println!("50 MB / 50 KB time per MB: rule {rule_ratio:.2}x (limit 1.5x), document + rule {total_ratio:.2}x");
    // Past the cache, time per MB should not grow with the document at all.
    println!("50 MB / 5 MB time per MB: rule {:.2}x", big_rule / mid_rule);
    // The limit holds duplicate detection to linear time. Document analysis is shown
    // for context: on one 50 MB text its token vector (40 bytes a token, ~330 MB) is
    // fresh memory, and the page faults it costs do not occur for reused 50 KB buffers.
    if rule_ratio > 1.5 {
        println!("NOT LINEAR: the rule's time per MB grew with the document");
        std::process::exit(1);
    }
}

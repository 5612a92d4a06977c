//! Normalising an article before storing it, while keeping findings about the stored
//! text pointing at the bytes the crawler fetched.
//!
//! ```sh
//! cargo run --example normalize_before_storing
//! ```

use copydesk::normalize::NormalizeOptions;
use copydesk::{normalize, Linter};

fn main() {
    let fetched = "Itâ€™s official: the council&#8217;s budget\u{200b} passed the the vote.";
    let normalized = normalize(fetched, &NormalizeOptions::default());
    println!("stored:  {}", normalized.text());
    for change in normalized.changes() {
        println!("  {:>12} {:?} → {:?}", change.step.as_str(), change.before, change.after);
    }
    // Lint what will be stored, then map each finding back to the fetched bytes.
    let linter = Linter::new();
    for d in linter.check(normalized.text()) {
        let original = normalized.to_original_span(d.span);
        println!(
            "{} at stored {:?} = fetched {:?}: {:?}",
            d.rule,
            d.span,
            original,
            &fetched[original.start..original.end]
        );
    }
}

//! A crawler's loop: build the linter once, lint every fetched article, and keep, fix
//! or drop it by the worst severity found.
//!
//! ```sh
//! cargo run --example crawl_loop
//! ```

use copydesk::{Linter, Severity};

/// What the crawler does with an article.
#[derive(Debug)]
enum Verdict {
    Keep,
    Fixed(String),
    Drop(usize),
}

fn judge(linter: &Linter, text: &str) -> Verdict {
    let found = linter.check(text);
    let errors = found.iter().filter(|d| d.severity == Severity::Error).count();
    if errors > 3 {
        return Verdict::Drop(errors);
    }
    // The `auto` suggestions are safe to apply unattended; `maybe` ones wait for a person.
    copydesk::fix::apply(text, &found).map_or(Verdict::Keep, |fixed| Verdict::Fixed(fixed.text))
}

fn main() {
    // Built once: packs compiled, data loaded. Share it across threads if you crawl in parallel.
    let linter = Linter::new();
    let fetched = [
        "The council approved the budget on Tuesday.\n",
        "The band said the the tour would go ahead.\n\n\n\nTickets go on sale on Friday.  \n",
        "He said it´s fine.\n\nLeave a Comment\n\nAdvertisement\n\nShare this article\n\nRelated: more news\n",
    ];
    for (i, article) in fetched.iter().enumerate() {
        match judge(&linter, article) {
            Verdict::Keep => println!("article {i}: keep"),
            Verdict::Fixed(text) => println!("article {i}: keep after fixes:\n{text}"),
            Verdict::Drop(n) => println!("article {i}: drop ({n} errors)"),
        }
    }
}

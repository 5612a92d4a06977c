//! Extending copydesk with a pack of your own, without writing a rule in Rust.
//!
//! ```sh
//! cargo run --example custom_pack
//! ```

use std::path::Path;

use copydesk::{Config, Linter};

fn main() -> Result<(), copydesk::Error> {
    let mut config = Config::default();
    config.add_pack_file(&Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/packs/house-style.toml"))?;
    let linter = Linter::from_config(&config)?;

    let article = "Readers can reach the desk by e-mail. At the end of the day, the web site is what counts.";
    for d in linter.check(article) {
        let fix = d.suggestions.first().map_or(String::new(), |s| format!(" → {:?}", s.replacement));
        println!("{:<12} {:<8} {:?}{fix}: {}", d.rule, d.severity, &article[d.span.start..d.span.end], d.message);
    }
    Ok(())
}

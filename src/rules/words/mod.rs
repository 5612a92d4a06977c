//! Word-level defects: words run together, words repeated.
//!
//! The rules: [`repeated_word::RepeatedWord`], [`run_together::RunTogether`]. Both
//! suggest `auto` fixes; `run-together` asks the [`crate::lexicon`] how a token splits.
//!
//! ```
//! use copydesk::{Config, Linter};
//! let config = Config { select: Some(vec!["words".into()]), ..Config::default() };
//! let linter = Linter::from_config(&config)?;
//! let text = "They set the budgeton Friday, and the the meeting goes on.";
//! let diagnostics = linter.check(text);
//! let found: Vec<(&str, &str)> = diagnostics.iter().map(|d| (&*d.rule, d.span.slice(text))).collect();
//! assert_eq!(found, [("run-together", "budgeton"), ("repeated-word", "the the")]);
//! # Ok::<(), copydesk::Error>(())
//! ```

pub mod repeated_word;
pub mod run_together;

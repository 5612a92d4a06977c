//! Typography: quotation marks, apostrophes, whitespace.
//!
//! The rules: [`apostrophe::Apostrophe`], [`unbalanced_quote::UnbalancedQuote`],
//! [`whitespace::Whitespace`].
//!
//! ```
//! use copydesk::{Config, Linter};
//! let config = Config { select: Some(vec!["typography".into()]), ..Config::default() };
//! let linter = Linter::from_config(&config)?;
//! let text = "He said  it´s “fine\" today.";
//! let diagnostics = linter.check(text);
//! let found: Vec<(&str, &str)> = diagnostics.iter().map(|d| (&*d.rule, d.span.slice(text))).collect();
//! assert_eq!(found, [("whitespace", "  "), ("apostrophe", "´"), ("unbalanced-quote", "“fine\"")]);
//! # Ok::<(), copydesk::Error>(())
//! ```

pub mod apostrophe;
pub mod unbalanced_quote;
pub mod whitespace;

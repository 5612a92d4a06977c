//! Word-level defects: words run together, words repeated.

pub mod repeated_word;
pub mod run_together;

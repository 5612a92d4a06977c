//! Word-level defects: words run together, words repeated.

pub mod repeated_word;

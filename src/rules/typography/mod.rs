//! Typography: quotation marks, apostrophes, whitespace.

pub mod apostrophe;
pub mod unbalanced_quote;
pub mod whitespace;

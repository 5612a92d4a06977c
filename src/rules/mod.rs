//! The built-in rules, one file per rule and one folder per [`crate::Family`].

pub mod scrape;
pub mod typography;
pub mod unicode;
pub mod words;

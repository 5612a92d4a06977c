//! What scraping leaves behind: embeds, site chrome, leaked metadata.

pub mod boilerplate;
pub mod duplicate_passage;
pub mod embed_residue;
pub mod leaked_metadata;

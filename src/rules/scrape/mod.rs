//! What scraping leaves behind: embeds, site chrome, leaked metadata.
//!
//! The rules: [`boilerplate::Boilerplate`], [`duplicate_passage::DuplicatePassage`],
//! [`embed_residue::EmbedResidue`], [`leaked_metadata::LeakedMetadata`]. All but
//! `duplicate-passage` read their phrases and patterns from the packs ([`crate::pack`]).
//!
//! ```
//! use copydesk::{Config, Linter};
//! let config = Config { select: Some(vec!["scrape".into()]), ..Config::default() };
//! let linter = Linter::from_config(&config)?;
//! let text = "By Staff Reporter\n\nFans celebrated online. pic.twitter.com/Ab12Cd34Ef\n\nLeave a Comment";
//! let diagnostics = linter.check(text);
//! let found: Vec<(&str, &str)> = diagnostics.iter().map(|d| (&*d.rule, d.span.slice(text))).collect();
//! assert_eq!(found, [
//!     ("leaked-metadata", "By Staff Reporter"),
//!     ("embed-residue", "pic.twitter.com/Ab12Cd34Ef"),
//!     ("boilerplate", "Leave a Comment"),
//! ]);
//! # Ok::<(), copydesk::Error>(())
//! ```

pub mod boilerplate;
pub mod duplicate_passage;
pub mod embed_residue;
pub mod leaked_metadata;

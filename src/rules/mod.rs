//! The built-in rules, one file per rule and one folder per [`crate::Family`].
//!
//! Each rule is a struct implementing [`crate::Rule`], declared with its metadata
//! (`META`: code, family, default severity, the documentation `copydesk explain`
//! prints) by `declare_rule!` from its doc comment. Rules that need data take the
//! [`crate::registry::Resources`] in their constructor; the others hold nothing.
//! [`crate::registry::build`] builds them all for a [`crate::Linter`]; to run one
//! on its own:
//!
//! ```
//! use copydesk::rules::words::run_together::RunTogether;
//! use copydesk::{registry::Resources, Config, Document, Reporter, Rule};
//!
//! let config = Config::default();
//! let rule = RunTogether::new(&Resources::new(&config));
//! let text = "They set the budgeton Friday.";
//! let mut found = Vec::new();
//! rule.check(&Document::new(text), &mut Reporter::new(rule.meta(), rule.meta().default_severity, &mut found));
//! assert_eq!(found[0].span.slice(text), "budgeton");
//! ```
//!
//! | family | rules |
//! | --- | --- |
//! | [`names`] | [`MangledName`](names::mangled_name::MangledName), [`NameVariant`](names::name_variant::NameVariant), [`PronounMismatch`](names::pronoun_mismatch::PronounMismatch) |
//! | [`words`] | [`RepeatedWord`](words::repeated_word::RepeatedWord), [`RunTogether`](words::run_together::RunTogether) |
//! | [`scrape`] | [`Boilerplate`](scrape::boilerplate::Boilerplate), [`DuplicatePassage`](scrape::duplicate_passage::DuplicatePassage), [`EmbedResidue`](scrape::embed_residue::EmbedResidue), [`LeakedMetadata`](scrape::leaked_metadata::LeakedMetadata) |
//! | [`typography`] | [`Apostrophe`](typography::apostrophe::Apostrophe), [`UnbalancedQuote`](typography::unbalanced_quote::UnbalancedQuote), [`Whitespace`](typography::whitespace::Whitespace) |
//! | [`unicode`] | [`InvisibleChar`](unicode::invisible_char::InvisibleChar), [`Mojibake`](unicode::mojibake::Mojibake), [`OrphanModifier`](unicode::orphan_modifier::OrphanModifier), [`StylizedText`](unicode::stylized_text::StylizedText) |
//!
//! Rules defined by user packs are [`crate::registry::PackRule`]s; `unused-suppression`
//! is reported by [`crate::suppress`].

pub mod names;
pub mod scrape;
pub mod typography;
pub mod unicode;
pub mod words;

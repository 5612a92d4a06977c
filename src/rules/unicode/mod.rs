//! Unicode: encoding damage and invisible, stylized or orphaned characters.
//!
//! Each rule reports what one [`crate::normalize()`] step would change and suggests
//! exactly that change: the rules call the step functions themselves.
//!
//! The rules: [`invisible_char::InvisibleChar`], [`mojibake::Mojibake`],
//! [`orphan_modifier::OrphanModifier`], [`stylized_text::StylizedText`]; their
//! suggestions are `auto`, so [`crate::fix::fix`] gives what [`crate::normalize()`]
//! would (with NFKC for the stylized letters).
//!
//! ```
//! use copydesk::{Config, Linter};
//! let config = Config { select: Some(vec!["unicode".into()]), ..Config::default() };
//! let linter = Linter::from_config(&config)?;
//! let text = "Itâ€™s the 𝐛𝐨𝐥𝐝 Pop\u{200b}star 💋🏼";
//! let diagnostics = linter.check(text);
//! let found: Vec<(&str, &str)> = diagnostics.iter().map(|d| (&*d.rule, d.span.slice(text))).collect();
//! assert_eq!(found, [
//!     ("mojibake", "â€™"),
//!     ("stylized-text", "𝐛𝐨𝐥𝐝"),
//!     ("invisible-char", "\u{200b}"),
//!     ("orphan-modifier", "🏼"),
//! ]);
//! # Ok::<(), copydesk::Error>(())
//! ```

pub mod invisible_char;
pub mod mojibake;
pub mod orphan_modifier;
pub mod stylized_text;

use crate::normalize::Edit;
use crate::{Applicability, Reporter};

/// Reports every edit a normalisation `step` would make to `text` as a finding whose
/// `auto` suggestion is exactly that edit, so a rule and `normalize` cannot disagree.
/// `message` gets the affected original text and the edit.
fn report_edits(
    text: &str,
    out: &mut Reporter<'_>,
    step: fn(&str, &mut Vec<Edit>),
    message: impl Fn(&str, &Edit) -> String,
) {
    let mut edits = Vec::new();
    step(text, &mut edits);
    for e in edits {
        let m = message(e.span.slice(text), &e);
        out.report(e.span, m).suggest(e.replacement, Applicability::Auto);
    }
}

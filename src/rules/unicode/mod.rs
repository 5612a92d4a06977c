//! Unicode: encoding damage and invisible, stylized or orphaned characters.
//!
//! Each rule reports what one [`crate::normalize()`] step would change and suggests
//! exactly that change: the rules call the step functions themselves.

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

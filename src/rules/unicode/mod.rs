//! Unicode: encoding damage and invisible, stylized or orphaned characters.
//!
//! Each rule reports what one [`crate::normalize()`] step would change and suggests
//! exactly that change: the rules call the step functions themselves.

pub mod invisible_char;
pub mod mojibake;
pub mod orphan_modifier;
pub mod stylized_text;

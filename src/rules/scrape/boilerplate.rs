//! `boilerplate`: site chrome left in the article body.

use crate::declare_rule;
use crate::error::Result;
use crate::pack::Matcher;
use crate::registry::Resources;
use crate::rule::{Reporter, Rule, RuleMeta};
use crate::Document;

declare_rule! {
    /// ## What it flags
    /// Text the page template put around the article that the scraper kept: comment
    /// prompts ("Leave a Comment"), share / follow / newsletter prompts, "Advertisement",
    /// cookie and paywall notices, gallery and read-more teasers ("Scroll through our
    /// gallery …", "Keep reading for …"), "Related:" lines, caption and credit lines.
    /// The phrases and patterns live in `lints/boilerplate.toml`; add your site's own
    /// with a pack of `code = "boilerplate"` entries.
    ///
    /// ## Why it matters
    /// Published or stored with the article, chrome reads as part of the story and
    /// pollutes search indexes and summaries. Severity **error**: the entries match
    /// whole lines, so a finding is almost always real and visible.
    ///
    /// ## Example
    /// `Leave a Comment` (as the last line of an article) → delete the line
    pub struct Boilerplate {
        matcher: Matcher,
    }
    META = "boilerplate", Scrape, Error, "site chrome (prompts, teasers, captions) in the body";
}

impl Boilerplate {
    /// Compiles the `boilerplate` entries of every pack.
    ///
    /// # Errors
    /// When the entries cannot be compiled together.
    pub fn new(res: &Resources<'_>) -> Result<Self> {
        Ok(Boilerplate { matcher: Matcher::new(res.entries_for(&META.code))? })
    }
}

impl Rule for Boilerplate {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, out: &mut Reporter<'_>) {
        self.matcher.report(doc, out);
    }
}

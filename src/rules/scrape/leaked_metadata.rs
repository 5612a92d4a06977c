//! `leaked-metadata`: CMS fields printed into the article body.

use std::sync::Arc;

use crate::declare_rule;
use crate::error::Result;
use crate::pack::Matcher;
use crate::registry::Resources;
use crate::rule::{Reporter, Rule, RuleMeta};
use crate::Document;

declare_rule! {
    /// ## What it flags
    /// Metadata the content system meant for the page header that ended up in the body
    /// text: "date 2023-07-19" before the first sentence, "Posted on July 19, 2023 by
    /// …", "Published: 19 July 2023", "Last updated …", "4 min read". Patterns live in
    /// `lints/metadata.toml`.
    ///
    /// ## Why it matters
    /// Stored as part of the article, metadata corrupts the first sentence, summaries
    /// and search snippets. Severity **error**: the patterns match only at line starts
    /// and in metadata form, so a finding is certain and visible.
    ///
    /// ## Example
    /// ` date 2023-07-19 Every hour, every minute…` → `Every hour, every minute…`
    pub struct LeakedMetadata {
        matcher: Arc<Matcher>,
    }
    META = "leaked-metadata", Scrape, Error, "CMS metadata (dates, bylines) leaked into the body";
}

impl LeakedMetadata {
    /// Compiles the `leaked-metadata` entries of every pack.
    ///
    /// ```
    /// use copydesk::rules::scrape::leaked_metadata::LeakedMetadata;
    /// use copydesk::{registry::Resources, Config, Document, Reporter, Rule};
    /// let config = Config::default();
    /// let rule = LeakedMetadata::new(&Resources::new(&config))?;
    /// let text = "By Staff Reporter\n\nThe company reported record profits on Monday.";
    /// let mut found = Vec::new();
    /// rule.check(&Document::new(text), &mut Reporter::new(rule.meta(), rule.meta().default_severity, &mut found));
    /// assert_eq!(found[0].span.slice(text), "By Staff Reporter");
    /// assert_eq!(found[0].message, "byline leaked from the CMS");
    /// # Ok::<(), copydesk::Error>(())
    /// ```
    ///
    /// # Errors
    /// When the entries cannot be compiled together.
    pub fn new(res: &Resources<'_>) -> Result<Self> {
        Ok(LeakedMetadata { matcher: res.matcher()? })
    }
}

impl Rule for LeakedMetadata {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, out: &mut Reporter<'_>) {
        self.matcher.report(doc, out);
    }
}

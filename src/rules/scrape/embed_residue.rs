//! `embed-residue`: what an embedded social post leaves when its markup is stripped.

use std::sync::Arc;

use crate::declare_rule;
use crate::error::Result;
use crate::pack::Matcher;
use crate::registry::Resources;
use crate::rule::{Reporter, Rule, RuleMeta};
use crate::Document;

declare_rule! {
    /// ## What it flags
    /// Leftovers of embedded posts: pic.twitter.com links, twitter.com and x.com status
    /// URLs (also truncated ones ending in "…"), tweet signature lines ("— Name
    /// (@handle) Month D, YYYY"), tweet header lines ("Display Name @handle" at the
    /// start of a line), and Instagram, YouTube, TikTok and Facebook embed text ("View
    /// this post on Instagram", "A post shared by …"). Patterns live in
    /// `lints/embeds.toml`.
    ///
    /// ## Why it matters
    /// An embed renders as a card on the page; flattened to text it becomes noise in the
    /// middle of the article. Severity **error**: residue is certain and visible. A
    /// handle mentioned in running prose ("wrote @somefan in response") is not residue.
    ///
    /// ## Example
    /// `… the best show of the year #Music pic.twitter.com/Ab12Cd34Ef` → remove the link
    pub struct EmbedResidue {
        matcher: Arc<Matcher>,
    }
    META = "embed-residue", Scrape, Error, "leftovers of embedded tweets and posts";
}

impl EmbedResidue {
    /// Compiles the `embed-residue` entries of every pack.
    ///
    /// ```
    /// use copydesk::rules::scrape::embed_residue::EmbedResidue;
    /// use copydesk::{registry::Resources, Config, Document, Reporter, Rule};
    /// let config = Config::default();
    /// let rule = EmbedResidue::new(&Resources::new(&config))?;
    /// let text = "Fans celebrated online. pic.twitter.com/Ab12Cd34Ef";
    /// let mut found = Vec::new();
    /// rule.check(&Document::new(text), &mut Reporter::new(rule.meta(), rule.meta().default_severity, &mut found));
    /// assert_eq!(found[0].span.slice(text), "pic.twitter.com/Ab12Cd34Ef");
    /// # Ok::<(), copydesk::Error>(())
    /// ```
    ///
    /// # Errors
    /// When the entries cannot be compiled together.
    pub fn new(res: &Resources<'_>) -> Result<Self> {
        Ok(EmbedResidue { matcher: res.matcher()? })
    }
}

impl Rule for EmbedResidue {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, out: &mut Reporter<'_>) {
        self.matcher.report(doc, out);
    }
}

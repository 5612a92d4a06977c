//! `run-together`: two words that lost the space between them.
//!
//! Three kinds of join, each checked over the shared [`Document`] tokens:
//! - a *lowercase join* is an unknown word that the [`Lexicon`] segments into two known
//!   words under the acceptance test below;
//! - a *case join* is a lowercase run followed by a capitalised word or name inside one
//!   token;
//! - a *punctuation join* is sentence punctuation directly followed by a word.

use std::sync::Arc;

use once_cell::sync::OnceCell;

use crate::declare_rule;
use crate::document::{Token, TokenKind};
use crate::entities::Gazetteer;
use crate::lexicon::{self, Lexicon, Segmentation, Source, WordInfo};
use crate::registry::Resources;
use crate::rule::{Reporter, Rule, RuleMeta};
use crate::{Applicability, Document, Span};

declare_rule! {
    /// ## What it flags
    /// Two words joined without a space, as scrapers leave them when they strip markup
    /// or join text nodes. Three kinds:
    /// - **lowercase join**: a word the lexicon does not know (allowing for case,
    ///   possessives, plurals and inflections) whose cheapest segmentation is two known
    ///   words, one a function word ("the", "on", "which", "said"…) and the other not
    ///   rare, or a domain word or name and a common word: "hesaid", "filethat",
    ///   "kpopstar" (three or four parts need all but one to be function words:
    ///   "inthemorning"). A capitalised word must end in a clause-starting word such as
    ///   "where" or "which" ("Gazettewhere"), because capitalised compounds like
    ///   "Whitehouse" or "Jackson" are usually names. Two content words ("petcare",
    ///   "showbusiness") are left alone: most such unknown words are real compounds;
    /// - **case join**: a lowercase word followed by a capitalised word or a name in one
    ///   token: "ofTexas", "saidThe";
    /// - **punctuation join**: sentence punctuation followed directly by a word:
    ///   "late..THE", "end.However", "again!But".
    ///
    /// ## Why it matters
    /// A run-together word is unreadable, breaks search and hides the name it contains
    /// from every name rule. Severity **warning**: the finding is almost always a real
    /// defect, but the split comes from word frequencies, and rare words, brand names
    /// and dotted names can still look like joins, so a person should confirm before a
    /// build fails. Suggestions are `auto` only when the split is unambiguous and both
    /// parts are common English words; otherwise `maybe`.
    ///
    /// Not flagged: known words ("notwithstanding", "whereupon"), URLs, e-mail
    /// addresses, @handles, #hashtags, tokens with digits ("5kg", "mp3", "HOT100"),
    /// hyphenated compounds, all-caps acronyms, words quoted as words (the word
    /// “hesaid”), legitimate camel case (iPhone, PlayStation, McDonald's: the list in
    /// `lints/lexicon/camelcase.txt`, the entity packs, and name prefixes such as Mc,
    /// Mac, De, Di, Le, La, Van, O'), abbreviations (U.S., e.g., Mr.Smith), domain and
    /// file names (bbc.co.uk, report.pdf), decimals, times and version numbers.
    ///
    /// ## Example
    /// `the minister hesaid on Monday` → `the minister he said on Monday`;
    /// `the attorney general ofTexas` → `the attorney general of Texas`;
    /// `It was the end.However, …` → `It was the end. However, …`
    pub struct RunTogether {
        lexicon: OnceCell<Lexicon>,
        gazetteer: Arc<Gazetteer>,
    }
    META = "run-together", Words, Warning, "two words joined without a space";
}

/// Rank within which a word counts as one of the commonest: a domain word or name joins
/// one of these ("kpopstar").
const TOP: u32 = 1000;
/// Rank within which both parts must lie for an `auto` suggestion.
const COMMON: u32 = 5000;
/// The highest cost (about count 166,000, rank 31,000) the other part of a split may
/// have: rarer words make too many accidental splits of unknown real words.
const MAX_COST: f32 = 15.0;
/// The highest cost (about rank 12,000) of a word joined to a one-letter "a".
const COMMON_COST: f32 = 11.0;
/// How much cheaper (in nats) the best split must be than the next for `auto`.
const MARGIN: f32 = 2.0;

/// First parts that are productive prefixes: "nonissue", "overfeed", "cyberthreat",
/// "inhouse", "onscreen" are unknown words, not joins. A prefix still joins one of the
/// hundred commonest words ("inthe", "upto").
const PREFIXES: &[&str] = &[
    "after", "anti", "auto", "back", "be", "bi", "co", "counter", "cyber", "de", "dis", "down", "electro", "extra",
    "fore", "hyper", "in", "inter", "intra", "macro", "mega", "metro", "micro", "mid", "mini", "mis", "mono", "multi",
    "neo", "non", "off", "on", "out", "over", "photo", "poly", "post", "pre", "pro", "pseudo", "radio", "re", "self",
    "semi", "sub", "super", "tele", "tri", "ultra", "un", "under", "up",
];

/// Second parts that act as suffixes ("headless", "fanship", "postman"), and the
/// particles of phrasal-verb nouns ("lineout", "sendoff", "layup"), a productive class
/// the lexicon cannot list in full.
const SUFFIXES: &[&str] = &[
    "able", "away", "back", "dom", "down", "hood", "less", "like", "man", "men", "ness", "off", "offs", "out", "over",
    "ship", "up", "ups", "ward", "wards", "wise", "woman", "women", "work", "works", "worn", "wort",
];

/// Closed-class words: pronouns, determiners, prepositions, conjunctions, auxiliaries
/// and a few adverbs (and news's "said"). Nearly every join a scraper makes has one on a
/// side ("hesaid", "toprevent", "filethat"), while the unknown words that split into two
/// content words are mostly real compounds ("petcare", "showbusiness", "blogsphere").
const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "above", "after", "against", "all", "also", "am", "among", "an", "and", "any", "are", "around", "as",
    "at", "be", "because", "been", "before", "being", "between", "both", "but", "by", "can", "could", "did", "do",
    "does", "during", "each", "either", "even", "every", "for", "from", "had", "has", "have", "he", "her", "here",
    "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "may", "me", "might", "must", "my",
    "neither", "no", "nor", "not", "now", "of", "off", "on", "onto", "only", "or", "our", "out", "over", "said",
    "says", "shall", "she", "should", "since", "so", "some", "still", "such", "than", "that", "the", "their", "them",
    "then", "there", "these", "they", "this", "those", "though", "through", "to", "too", "under", "until", "up",
    "upon", "us", "very", "was", "we", "were", "what", "when", "where", "whether", "which", "while", "who", "whom",
    "whose", "why", "will", "with", "within", "without", "would", "yet", "you", "your",
];

/// Adverbs that often open a sentence: with the function words, what may follow a full
/// stop glued to the previous word ("end.However"). Other capitalised words after a dot
/// are as often dotted names ("One.Tel", "Ask.Jeeves").
const SENTENCE_ADVERBS: &[&str] = &[
    "finally",
    "furthermore",
    "however",
    "indeed",
    "instead",
    "later",
    "meanwhile",
    "moreover",
    "nevertheless",
    "next",
    "otherwise",
    "therefore",
    "thus",
    "today",
    "yesterday",
];

/// Function words that begin a clause or phrase and rarely end a surname or place name:
/// a capitalised unknown word is a join only when it ends in one ("Gazettewhere"),
/// since "Jackson", "Eaton" and "Whitehouse" also split into words.
const CLAUSE_STARTS: &[&str] = &[
    "about", "after", "also", "and", "are", "because", "been", "before", "but", "could", "from", "had", "has", "have",
    "its", "said", "says", "should", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
    "those", "was", "were", "what", "when", "where", "which", "while", "who", "whom", "whose", "will", "with", "would",
    "your",
];

/// Surname prefixes followed by a capitalised rest: McFadden, DiCaprio, LeBlanc.
const NAME_PREFIXES: &[&str] =
    &["d", "da", "de", "del", "della", "di", "du", "fitz", "la", "le", "mac", "mc", "o", "van", "von"];

/// Abbreviations a full stop follows without ending the sentence: "Mr.Smith", "St.Louis".
const ABBREVIATIONS: &[&str] = &[
    "adm", "al", "approx", "apr", "art", "aug", "ave", "blvd", "ca", "capt", "cf", "ch", "cmdr", "co", "col", "corp",
    "dec", "dept", "dr", "ed", "eds", "est", "etc", "feb", "fig", "figs", "fri", "ft", "gen", "gov", "inc", "jan",
    "jr", "jul", "jun", "lt", "ltd", "maj", "mar", "misc", "mon", "mr", "mrs", "ms", "mt", "no", "nos", "nov", "oct",
    "op", "pp", "prof", "rd", "rep", "rev", "sat", "sec", "sen", "sep", "sept", "sgt", "sr", "st", "sun", "thu",
    "thur", "thurs", "tue", "tues", "viz", "vol", "vols", "vs", "wed",
];

/// What follows a dot in domain and file names: "Amazon.Com", "report.PDF".
const DOT_SUFFIXES: &[&str] = &[
    "asp", "aspx", "au", "biz", "br", "ca", "cn", "co", "com", "css", "csv", "de", "doc", "docx", "edu", "eu", "exe",
    "fm", "fr", "gif", "gov", "htm", "html", "ie", "info", "io", "jp", "jpeg", "jpg", "js", "json", "kr", "ly", "md",
    "mov", "mp", "net", "nl", "nz", "org", "pdf", "php", "png", "ppt", "pptx", "py", "rar", "rs", "ru", "tv", "txt",
    "uk", "wav", "xls", "xlsx", "xml", "zip",
];

/// Sentence punctuation a word may not follow without a space.
fn is_stop(t: &Token<'_>) -> bool {
    t.kind == TokenKind::Punct && matches!(t.text, "." | "!" | "?" | "…")
}

fn is_in(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

fn is_lower(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase())
}

fn is_capitalised(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 2 && b[0].is_ascii_uppercase() && b[1..].iter().all(u8::is_ascii_lowercase)
}

fn is_all_caps(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
}

/// The token without a possessive ending, and that ending ("’s", "'s", "’", "'" or "").
fn split_possessive(word: &str) -> (&str, &str) {
    for tail in ["’s", "'s", "’S", "'S"] {
        if let Some(stem) = word.strip_suffix(tail) {
            return (stem, tail);
        }
    }
    for tail in ["’", "'"] {
        if let Some(stem) = word.strip_suffix(tail) {
            if stem.ends_with(['s', 'S']) {
                return (stem, tail);
            }
        }
    }
    (word, "")
}

impl RunTogether {
    /// The rule over the embedded lexicon and every entity in `res`.
    ///
    /// ```
    /// use copydesk::rules::words::run_together::RunTogether;
    /// use copydesk::{registry::Resources, Config, Document, Reporter, Rule};
    /// let config = Config::default();
    /// let rule = RunTogether::new(&Resources::new(&config));
    /// let text = "The mayor spoke to the Town Councilwhere she set out the budget.";
    /// let mut found = Vec::new();
    /// rule.check(&Document::new(text), &mut Reporter::new(rule.meta(), rule.meta().default_severity, &mut found));
    /// assert_eq!(found[0].span.slice(text), "Councilwhere");
    /// assert_eq!(found[0].suggestions[0].replacement, "Council where");
    /// ```
    #[must_use]
    pub fn new(res: &Resources<'_>) -> Self {
        RunTogether { lexicon: OnceCell::new(), gazetteer: Arc::clone(&res.gazetteer) }
    }

    /// The lexicon, built at the first check: a linter that never runs this rule (or
    /// `copydesk rules`) does not pay the ~20 ms and ~10 MB of loading it.
    fn lexicon(&self) -> &Lexicon {
        self.lexicon.get_or_init(|| Lexicon::new(&self.gazetteer))
    }

    /// The lexicon entry of `word` in any case, if it is a plain known word.
    fn info(&self, word: &str) -> Option<WordInfo> {
        let mut buf = [0u8; lexicon::MAX_WORD];
        let n = word.len();
        if n > buf.len() || !word.is_ascii() {
            return None;
        }
        buf[..n].copy_from_slice(word.as_bytes());
        buf[..n].make_ascii_lowercase();
        self.lexicon().get(std::str::from_utf8(&buf[..n]).ok()?)
    }

    /// Whether `word` is the exact spelling of an entity name, or a token of one.
    fn is_name(&self, word: &str) -> bool {
        self.gazetteer.get(word).is_some() || self.info(word).is_some_and(|i| i.source == Source::Name)
    }

    /// Whether the two-part split `x y` of an unknown word is a join.
    fn accepts_pair(x: &str, xi: WordInfo, y: &str, yi: WordInfo) -> bool {
        // Reduplication is laughter or baby talk ("hehe", "mama"), not a join.
        if x == y {
            return false;
        }
        // A productive prefix makes an unknown derived word ("nonissue"), unless what
        // follows is a function word ("inthe", "upto").
        if is_in(PREFIXES, x) && !yi.is_top(100) {
            return false;
        }
        if is_in(SUFFIXES, y) {
            return false;
        }
        // One-letter "a" joins only with a fairly common word: many rare words and
        // foreign borrowings end or begin in "a".
        if (x.len() == 1 && yi.cost > COMMON_COST) || (y.len() == 1 && xi.cost > COMMON_COST) {
            return false;
        }
        let plausible = |i: WordInfo| i.cost <= MAX_COST || i.is_domain();
        // A function word and a word that is not rare ("action on"), or a domain word
        // or name and a common word ("kpop star").
        (is_in(FUNCTION_WORDS, x) && plausible(yi))
            || (is_in(FUNCTION_WORDS, y) && plausible(xi))
            || (xi.is_domain() && yi.is_top(TOP))
            || (yi.is_domain() && xi.is_top(TOP))
    }

    /// Whether the segmentation of unknown `stem` is a join worth reporting.
    fn accepts(&self, stem: &str, seg: &Segmentation) -> bool {
        let parts = &seg.parts;
        let text = |i: usize| &stem[parts[i].start..parts[i].end];
        let capitalised = stem.as_bytes()[0].is_ascii_uppercase();
        match parts.len() {
            2 if capitalised => {
                // Names are capitalised compounds ("Jackson", "Whitehouse"): only a
                // clause-starting function word after a real word marks a join.
                let (x, y) = (text(0), text(1));
                x.len() >= 3 && is_in(CLAUSE_STARTS, y) && parts[0].info.cost <= MAX_COST && !self.is_name(x)
            }
            2 => Self::accepts_pair(text(0), parts[0].info, text(1), parts[1].info),
            // Three or four words: all but one function words, none rare ("inthemorning").
            3 | 4 if !capitalised => {
                let function = (0..parts.len()).filter(|&i| is_in(FUNCTION_WORDS, text(i))).count();
                function + 1 >= parts.len()
                    && parts.iter().all(|p| p.info.cost <= MAX_COST)
                    && !is_in(PREFIXES, text(0))
                    && !is_in(SUFFIXES, text(parts.len() - 1))
            }
            _ => false,
        }
    }

    /// Whether the best split is clearly cheaper than any other two-part split.
    fn unambiguous(&self, stem: &str, seg: &Segmentation) -> bool {
        // The parts a segmentation may use: "a", or two-letter words from the list.
        let allowed = |w: &str| match w.len() {
            1 => w.eq_ignore_ascii_case("a"),
            2 => lexicon::is_two_letter_word(w),
            _ => true,
        };
        let mut others = (1..stem.len()).filter(|&k| seg.parts.len() != 2 || k != seg.parts[0].end).filter_map(|k| {
            let (x, y) = (&stem[..k], &stem[k..]);
            if !allowed(x) || !allowed(y) {
                return None;
            }
            Some(self.info(x)?.cost + self.info(y)?.cost)
        });
        others.all(|c| c - seg.cost >= MARGIN)
    }

    /// A lowercase or capitalised word that is unknown but splits into known words.
    fn lowercase_join(&self, token: &Token<'_>, stem: &str, tail: &str, out: &mut Reporter<'_>) {
        // Known words, with inflections, are never split ("notwithstanding").
        let known = if is_lower(stem) { self.lexicon().knows_lowercase(stem) } else { self.lexicon().knows(stem) };
        if known || self.gazetteer.get(stem).is_some() {
            return;
        }
        let Some(seg) = self.lexicon().segment(stem) else { return };
        if !self.accepts(stem, &seg) {
            return;
        }
        // A known word with a letter dropped or two swapped is a typo ("reseach",
        // "progam"), which a join is almost never; spelling is not this rule's business.
        if self.lexicon().is_typo_of_known(&stem.to_ascii_lowercase()) {
            return;
        }
        let words: Vec<&str> = seg.parts.iter().map(|p| &stem[p.start..p.end]).collect();
        let all_common = seg.parts.iter().all(|p| p.info.is_top(COMMON));
        let applicability =
            if all_common && self.unambiguous(stem, &seg) { Applicability::Auto } else { Applicability::Maybe };
        let replacement = format!("{}{tail}", words.join(" "));
        out.report(token.span(), format!("“{}” looks like words run together: “{replacement}”", token.text))
            .suggest(replacement, applicability);
    }

    /// A lowercase word followed by a capitalised word or name in one token.
    fn case_join(&self, token: &Token<'_>, stem: &str, tail: &str, out: &mut Reporter<'_>) {
        let b = stem.as_bytes();
        // The one place where a lowercase letter meets a capital.
        let mut humps = (1..b.len()).filter(|&i| b[i - 1].is_ascii_lowercase() && b[i].is_ascii_uppercase());
        let Some(k) = humps.next() else { return };
        if humps.next().is_some() {
            return;
        }
        let (left, right) = (&stem[..k], &stem[k..]);
        // Listed camel case and entity names: iPhone, PlayStation, NewJeans.
        if lexicon::is_camel_case(stem) || lexicon::is_camel_case(token.text) || self.gazetteer.get(stem).is_some() {
            return;
        }
        // Surnames: McFadden, DiCaprio, LeBlanc, VanDyke; not "DeThe".
        if is_in(NAME_PREFIXES, left) && right.len() >= 3 && !self.info(right).is_some_and(|i| i.is_top(TOP)) {
            return;
        }
        // One letter before the capital is a brand pattern (iPlayer, eSports, mRNA).
        if left.len() < 2 || (left.len() == 2 && !lexicon::is_two_letter_word(left)) {
            return;
        }
        let left_lower = is_lower(left);
        if !left_lower && !is_capitalised(left) {
            return;
        }
        // What follows is a word or name: "London", or an all-caps entity ("BTS").
        let right_is_name = self.is_name(right);
        let right_ok = if is_capitalised(right) {
            right_is_name || self.lexicon().knows(right)
        } else {
            is_all_caps(right) && right.len() >= 2 && self.gazetteer.get(right).is_some()
        };
        if !right_ok {
            return;
        }
        let Some(li) = self.info(left) else { return };
        let spaced = format!("{left} {right}");
        let accepted = if left_lower {
            is_in(FUNCTION_WORDS, left) || right_is_name
        } else {
            // Two capitalised words are a brand as often as a join ("CrowdStrike"):
            // only a name on one side, or an entity written with a space, decides.
            self.gazetteer.get(&spaced).is_some() || (li.source == Source::Name && is_in(FUNCTION_WORDS, right))
        };
        if !accepted {
            return;
        }
        let ri = self.info(right);
        let common = li.is_top(COMMON) && ri.is_some_and(|i| i.is_top(COMMON) && i.source == Source::English);
        let applicability = if common { Applicability::Auto } else { Applicability::Maybe };
        let replacement = format!("{spaced}{tail}");
        out.report(token.span(), format!("“{}” looks like words run together: “{replacement}”", token.text))
            .suggest(replacement, applicability);
    }

    /// Whether `word` may start a sentence glued to the punctuation before it.
    ///
    /// After a single full stop it must be capitalised and a word that opens sentences
    /// (or a name): lowercase or other words there make file, domain and product names
    /// ("report.pdf", "One.Tel", "Bagle.AT"). After `..`, `!` or `?` any known word will do.
    fn next_word_ok(&self, word: &str, single_dot: bool) -> bool {
        let Some(first) = word.chars().next() else { return false };
        if word.len() < 2 || !first.is_alphabetic() || is_in(DOT_SUFFIXES, word) {
            return false;
        }
        if single_dot {
            is_capitalised(split_possessive(word).0)
                && (is_in(FUNCTION_WORDS, word) || is_in(SENTENCE_ADVERBS, word) || self.gazetteer.get(word).is_some())
        } else {
            self.lexicon().knows(word) || self.gazetteer.get(word).is_some()
        }
    }

    /// Whether `word` may end a sentence glued to the next one.
    fn prev_word_ok(word: &str) -> bool {
        word.len() >= 2
            && word.chars().all(|c| c.is_alphabetic() || c == '\'' || c == '’')
            && !is_in(ABBREVIATIONS, word)
    }

    /// "end.Next": one word token whose parts are joined by a full stop.
    fn dotted_token(&self, token: &Token<'_>, out: &mut Reporter<'_>) {
        let pieces: Vec<&str> = token.text.split('.').collect();
        // Initials and abbreviations (U.S.A, e.g, Ph.D), versions and domains.
        if pieces.iter().any(|p| p.chars().count() < 2 || p.chars().any(|c| c.is_ascii_digit())) {
            return;
        }
        if pieces.last().is_some_and(|p| is_in(DOT_SUFFIXES, p)) {
            return;
        }
        let mut offset = 0;
        for pair in pieces.windows(2) {
            let (x, y) = (pair[0], pair[1]);
            offset += x.len() + 1;
            // The capitalised sentence opener this demands also passes ASP.NET, Bagle.AT.
            if !Self::prev_word_ok(x) || !self.next_word_ok(y, true) {
                continue;
            }
            let start = token.start + offset - x.len() - 1;
            let span = Span::new(start, start + x.len() + 1 + y.len());
            self.report_punctuation(span, x, ".", y, out);
            return;
        }
    }

    /// "seriously..LETS", "again!But": a word, sentence punctuation and a word with no
    /// space anywhere. `i` is the index of the first word.
    fn punctuation_join(&self, tokens: &[Token<'_>], i: usize, text: &str, out: &mut Reporter<'_>) {
        let a = &tokens[i];
        let mut j = i + 1;
        let mut end = a.end();
        while j < tokens.len() && tokens[j].start == end && is_stop(&tokens[j]) {
            end = tokens[j].end();
            j += 1;
        }
        let Some(b) = tokens.get(j) else { return };
        if j == i + 1 || b.start != end || b.kind != TokenKind::Word {
            return;
        }
        let punct = &text[a.end()..b.start];
        // An ellipsis without spaces is a house style ("we tried...we failed"); a doubled
        // full stop is not ("seriously..LETS").
        if punct.contains('…') || punct.contains("...") {
            return;
        }
        if !Self::prev_word_ok(a.text) || !self.next_word_ok(b.text, punct == ".") {
            return;
        }
        // The first word must stand alone, not end a dotted chain ("U.S.A.Today").
        if text[..a.start].ends_with(['.', '/', '@']) {
            return;
        }
        self.report_punctuation(Span::new(a.start, b.end()), a.text, punct, b.text, out);
    }

    fn report_punctuation(&self, span: Span, x: &str, punct: &str, y: &str, out: &mut Reporter<'_>) {
        let common =
            |w: &str| self.info(split_possessive(w).0).is_some_and(|i| i.is_top(COMMON) && i.source == Source::English);
        let applicability = if common(x) && common(y) { Applicability::Auto } else { Applicability::Maybe };
        let replacement = format!("{x}{punct} {y}");
        out.report(span, format!("no space after “{punct}”: “{x}{punct}{y}”")).suggest(replacement, applicability);
    }
}

/// Whether `b` is all ASCII lowercase letters. Words of 4 to 16 bytes, nearly all, are
/// read as one or two (overlapping) eight-byte integers and tested a whole integer at a
/// time (SWAR), not byte by byte.
fn is_lowercase_word(b: &[u8]) -> bool {
    let n = b.len();
    let word = |at: usize| u64::from_le_bytes(b[at..at + 8].try_into().expect("eight bytes"));
    let half = |at: usize| u64::from(u32::from_le_bytes(b[at..at + 4].try_into().expect("four bytes")));
    match n {
        4..=7 => lowercase8(half(0) | half(n - 4) << 32),
        8..=16 => lowercase8(word(0)) && lowercase8(word(n - 8)),
        _ => !b.is_empty() && b.iter().all(u8::is_ascii_lowercase),
    }
}

/// Whether every byte of `w` is an ASCII lowercase letter.
fn lowercase8(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // With every byte below 0x80 no sum below carries into the next byte: adding
    // 0x80 - 'a' sets a byte's high bit when it is at least 'a', adding 0x7f - 'z'
    // when it is beyond 'z'.
    let at_least_a = w.wrapping_add(ONES * u64::from(0x80 - b'a'));
    let beyond_z = w.wrapping_add(ONES * u64::from(0x7f - b'z'));
    w & HIGH == 0 && at_least_a & !beyond_z & HIGH == HIGH
}

/// Whether `stem` ends in a clause-starting word after at least three letters.
///
/// Most capitalised tokens are names that end in no such word, so the candidates are
/// first narrowed by the stem's last two letters ([`CLAUSE_STARTS_BY_END`]).
fn ends_in_clause_start(stem: &str) -> bool {
    let b = stem.as_bytes();
    let [.., x, y] = *b else { return false };
    let (x, y) = (x.to_ascii_lowercase(), y.to_ascii_lowercase());
    // Every clause start ends in two letters; a stem that does not has none of them.
    if !x.is_ascii_lowercase() || !y.is_ascii_lowercase() {
        return false;
    }
    let mut candidates = CLAUSE_STARTS_BY_END[usize::from(x - b'a')][usize::from(y - b'a')];
    while candidates != 0 {
        let w = CLAUSE_STARTS[candidates.trailing_zeros() as usize].as_bytes();
        if b.len() >= w.len() + 3 && b[b.len() - w.len()..].eq_ignore_ascii_case(w) {
            return true;
        }
        candidates &= candidates - 1;
    }
    false
}

/// For each pair of final letters, the set (a bit per index) of [`CLAUSE_STARTS`] ending
/// in them.
static CLAUSE_STARTS_BY_END: [[u64; 26]; 26] = {
    assert!(CLAUSE_STARTS.len() <= 64);
    let mut table = [[0u64; 26]; 26];
    let mut i = 0;
    while i < CLAUSE_STARTS.len() {
        let w = CLAUSE_STARTS[i].as_bytes();
        let (x, y) = (w[w.len() - 2], w[w.len() - 1]);
        assert!(x.is_ascii_lowercase() && y.is_ascii_lowercase());
        table[(x - b'a') as usize][(y - b'a') as usize] |= 1 << i;
        i += 1;
    }
    table
};

/// Whether the token is quoted as a word: “hesaid”, 'inthe'.
fn quoted(text: &str, token: &Token<'_>) -> bool {
    let before = text[..token.start].chars().next_back();
    let after = text[token.end()..].chars().next();
    before.is_some_and(|c| matches!(c, '“' | '"' | '‘' | '\'' | '«' | '„'))
        && after.is_some_and(|c| matches!(c, '”' | '"' | '’' | '\'' | '»' | '“'))
}

/// Whether the token is glued to a path, identifier or compound: "well-known",
/// "src/main", "snake_case".
fn glued(text: &str, token: &Token<'_>) -> bool {
    let before = text[..token.start].chars().next_back();
    let after = text[token.end()..].chars().next();
    before.is_some_and(|c| matches!(c, '-' | '‐' | '‑' | '/' | '\\' | '_' | '@' | '#' | '=' | '&' | '.'))
        || after.is_some_and(|c| matches!(c, '-' | '‐' | '‑' | '/' | '\\' | '_' | '@' | '=' | '('))
}

impl Rule for RunTogether {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, out: &mut Reporter<'_>) {
        let text = doc.text();
        let tokens = doc.tokens();
        for (i, token) in tokens.iter().enumerate() {
            // URLs, e-mail addresses, handles, hashtags, numbers: never words.
            if !token.is_word() {
                continue;
            }
            if tokens.get(i + 1).is_some_and(|n| n.start == token.end() && is_stop(n)) {
                self.punctuation_join(tokens, i, text, out);
            }
            // Half the words are shorter than four bytes: too short for a stem, and a
            // dotted join needs two letters either side of the dot.
            if token.text.len() < 4 {
                continue;
            }
            // The common case, a plain lowercase word, in a test of eight bytes at once;
            // otherwise one pass over the bytes classifies them.
            let (mut letters_only, mut dot, mut upper) = (true, false, 0usize);
            if !is_lowercase_word(token.text.as_bytes()) {
                for &b in token.text.as_bytes() {
                    match b {
                        b'a'..=b'z' => {}
                        b'A'..=b'Z' => upper += 1,
                        b'.' => dot = true,
                        _ => letters_only = false,
                    }
                }
            }
            if dot {
                self.dotted_token(token, out);
                continue;
            }
            let (stem, tail) = if letters_only { (token.text, "") } else { split_possessive(token.text) };
            // Digits make units, models and codes ("5kg", "mp3", "HOT100"); the lexicon
            // is ASCII, and contractions and foreign words are not joins.
            if stem.len() < 4 || (!letters_only && !stem.bytes().all(|b| b.is_ascii_alphabetic())) {
                continue;
            }
            if upper == 0 {
                // Nearly every lowercase word is known: one lookup settles it before
                // anything looks at the text around the token.
                if self.lexicon().knows_lowercase(stem) || glued(text, token) || quoted(text, token) {
                    continue;
                }
                self.lowercase_join(token, stem, tail, out);
            } else if is_capitalised(stem) {
                // Most capitalised tokens are names; only one ending in a clause-starting
                // word can be a join, and checking that first keeps names off the lexicon.
                if !ends_in_clause_start(stem) || glued(text, token) || quoted(text, token) {
                    continue;
                }
                self.lowercase_join(token, stem, tail, out);
            } else if !is_all_caps(stem) {
                if glued(text, token) || quoted(text, token) {
                    continue;
                }
                self.case_join(token, stem, tail, out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Config, Diagnostic, Severity};

    fn run(text: &str) -> Vec<Diagnostic> {
        let config = Config::default();
        let rule = RunTogether::new(&Resources::new(&config));
        let mut v = Vec::new();
        rule.check(&Document::new(text), &mut Reporter::new(&META, Severity::Warning, &mut v));
        v
    }

    fn suggestion(text: &str) -> Option<(String, Applicability)> {
        let d = run(text);
        assert!(d.len() <= 1, "{text}: {d:#?}");
        d.first().map(|d| (d.suggestions[0].replacement.clone(), d.suggestions[0].applicability))
    }

    #[test]
    fn lowercase_joins() {
        assert_eq!(suggestion("take actionnow on the report").unwrap().0, "action now");
        assert_eq!(suggestion("the minister hesaid nothing").unwrap(), ("he said".into(), Applicability::Auto));
        assert_eq!(suggestion("we tried toprevent it").unwrap().0, "to prevent");
        assert_eq!(suggestion("an interview at the Gazettewhere he spoke").unwrap().0, "Gazette where");
        assert_eq!(suggestion("the reportwas late").unwrap().0, "report was");
    }

    #[test]
    fn case_joins() {
        assert_eq!(suggestion("we can achieve itThe goal").unwrap().0, "it The");
        assert_eq!(suggestion("she saidLondon was").unwrap().0, "said London");
    }

    #[test]
    fn punctuation_joins() {
        let d = run("It was the end.Next came the rest.");
        assert_eq!(d.len(), 1);
        assert_eq!(&"It was the end.Next came the rest."[d[0].span.start..d[0].span.end], "end.Next");
        assert_eq!(d[0].suggestions[0].replacement, "end. Next");
        assert_eq!(suggestion("we won seriously..LETS go").unwrap().0, "seriously.. LETS");
        assert_eq!(suggestion("we won again!But then").unwrap().0, "again! But");
    }

    #[test]
    fn near_misses() {
        for ok in [
            "notwithstanding the whereupon nevertheless therein",
            "the U.S. and e.g. i.e. at 10.30 a.m. version 1.2.3 see bbc.co.uk and report.pdf",
            "iPhone eBay McDonald's PlayStation macOS GmbH DiCaprio LeBlanc O'Brien",
            "a well-known self-made man, 5kg, mp3, HOT100, NASA, @someone, #hashtag",
            "the word “hesaid” is not a word",
            "Mr.Smith and St.Louis",
            "Whitehouse and Jackson and Eaton met",
            "",
        ] {
            assert!(run(ok).is_empty(), "{ok}: {:#?}", run(ok));
        }
    }

    #[test]
    fn lowercase_words_are_recognised_a_word_at_a_time() {
        let mut words = vec![String::new()];
        for n in 1..=20 {
            for c in 0u8..=255 {
                for at in [0, n / 2, n - 1] {
                    let mut w = vec![b'm'; n];
                    w[at] = c;
                    words.push(String::from_utf8_lossy(&w).into_owned());
                }
            }
        }
        for w in &words {
            let naive = !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase());
            assert_eq!(is_lowercase_word(w.as_bytes()), naive, "{w:?}");
        }
    }

    #[test]
    fn clause_start_endings_match_a_scan_of_the_list() {
        let scan = |stem: &str| {
            CLAUSE_STARTS.iter().any(|w| {
                stem.len() >= w.len() + 3 && stem.as_bytes()[stem.len() - w.len()..].eq_ignore_ascii_case(w.as_bytes())
            })
        };
        let mut stems: Vec<String> =
            ["Gazettewhere", "GAZETTEWHERE", "Jackson", "Whitehouse", "Abcthe", "Abthe", "", "e"]
                .iter()
                .map(|s| (*s).to_owned())
                .collect();
        for w in CLAUSE_STARTS {
            for prefix in ["", "x", "Xy", "Xyz", "Wxyz", "Pre-", "Mé"] {
                stems.push(format!("{prefix}{w}"));
                stems.push(format!("{prefix}{}", w.to_ascii_uppercase()));
                stems.push(format!("{prefix}{}", &w[1..]));
            }
        }
        for stem in &stems {
            assert_eq!(ends_in_clause_start(stem), scan(stem), "{stem}");
        }
    }

    #[test]
    fn spans_stay_on_char_boundaries_on_odd_input() {
        for text in ["\u{301}", "é.Ñ", "aé.Next", "x..", "..Next", "ab!", "ẞtraße.Über", &"word".repeat(5000)] {
            for d in run(text) {
                assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
            }
        }
    }
}

//! `pronoun-mismatch`: he/she pronouns that disagree with the person they refer to.
//!
//! Person mentions come from the name runs: pack entities (with their pronouns), names
//! after a title ("Mr", "Ms"), and other capitalised names whose pronouns the article
//! itself shows (the pronoun that follows a mention, counted over the whole article).
//! Each pronoun is then checked against the mentions of its sentence and the previous
//! one, and flagged only when every candidate there takes the other pronoun.

use once_cell::sync::Lazy;
use rustc_hash::FxHashMap;

use super::{
    analysis, is_all_caps, is_common_word, load_word_lists, strip_possessive, Key, KeyFilter, Mark, NameRuns, WordSet,
};
use crate::declare_rule;
use crate::entities::{EntityKind, Pronouns};
use crate::registry::Resources;
use crate::rule::{Reporter, Rule, RuleMeta};
use crate::{Applicability, Document, Span};

declare_rule! {
    /// ## What it flags
    /// A third-person singular pronoun (he, him, his, himself, she, her, hers, herself)
    /// whose likely antecedent, the most recent person mentioned in the same or the
    /// previous sentence, is known to take the other pronoun, when no person who takes
    /// it is mentioned in that window: "Bukayo Saka scored his first goal and thanked
    /// her teammates". A person's pronouns come from the entity pack,
    /// from a title ("Mr", "Ms", "Dame"), or from how the article itself refers to the
    /// name elsewhere (the pronouns that follow its mentions).
    ///
    /// It stays conservative: pronouns inside direct quotations are not checked; any
    /// person in the window whose pronouns are unknown, any noun such as "actress" or
    /// "husband", and any earlier pronoun of the same gender in the window (one not
    /// itself flagged) count as a possible antecedent; a group, a company or a person
    /// who takes "they" as the most recent mention stops the check.
    ///
    /// ## Why it matters
    /// Machine translation and careless rewriting swap pronouns, which misgenders a
    /// person in print: a correction-worthy error. Severity **warning**: the antecedent is
    /// inferred, not parsed. The suggestion is the agreeing pronoun (his for a possessive
    /// her, him for an object her), applicability `maybe`.
    ///
    /// ## Example
    /// `Bukayo Saka … thanked her teammates` → `… thanked his teammates`
    pub struct PronounMismatch {
        entities: FxHashMap<u64, Option<Who>>,
        /// A filter in front of `entities`.
        filter: KeyFilter,
    }
    META = "pronoun-mismatch", Names, Warning, "a pronoun that disagrees with its antecedent";
}

/// Nouns and titles of known gender, from `lints/names/gendered.txt`.
static GENDERED: Lazy<FxHashMap<&'static str, Gender>> = Lazy::new(|| {
    include_str!("../../../lints/names/gendered.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let (word, g) = l.split_once('\t')?;
            Some((word, if g.trim() == "he" { Gender::He } else { Gender::She }))
        })
        .collect()
});

/// The capitalised words of [`GENDERED`]: titles ("Mr", "Dame"), looked up for every
/// name word.
static TITLES: Lazy<WordSet> = Lazy::new(|| WordSet::new(GENDERED.keys().copied().filter(|w| is_capitalised_title(w))));

/// Most mentions looked at before a pronoun; the window is two sentences, so only a
/// pathological sentence has more.
const MAX_WINDOW: usize = 64;

/// Pronouns that introduce a person whose pronouns are unknown ([`is_indefinite`] matches
/// them by length).
#[cfg(test)]
const INDEFINITE: &[&str] =
    &["anybody", "anyone", "everybody", "everyone", "nobody", "somebody", "someone", "who", "whoever", "whom", "whose"];

/// Whether `word` is, in any case, a pronoun that introduces a person whose pronouns
/// are unknown: anybody, anyone, everybody, everyone, nobody, somebody, someone, who,
/// whoever, whom, whose. Only those of its length are compared. The rule reads the
/// analysis's marks ([`Mark::INDEFINITE`]); this is their reference.
#[cfg(test)]
fn is_indefinite(word: &str) -> bool {
    let is = |w: &str| word.eq_ignore_ascii_case(w);
    match word.len() {
        3 => is("who"),
        4 => is("whom"),
        5 => is("whose"),
        6 => is("anyone") || is("nobody"),
        7 => is("anybody") || is("someone") || is("whoever"),
        8 => is("everyone") || is("somebody"),
        9 => is("everybody"),
        _ => false,
    }
}

/// Months and days: capitalised, never people.
fn is_calendar(word: &str) -> bool {
    matches!(
        word,
        "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
    )
}

/// Whether name word `i` of a document with text `text` is an ordinary word.
fn is_common(names: &NameRuns, i: usize, text: &str) -> bool {
    // The shared answer is for the word without a possessive; the word has none but a
    // doubled one.
    let word = names.words[i].text(text);
    if strip_possessive(word).1 {
        is_common_word(word)
    } else {
        names.is_common(i, text)
    }
}

/// Where the hash of a full name starts (see [`mix`]).
const FULL_NAME_SEED: u64 = 0x2545_f491_4f6c_dd1d;

/// Adds the skeleton key of one more word to the hash of a full name.
fn mix(h: u64, word: u64) -> u64 {
    (h.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
}

/// The two genders a third-person singular pronoun marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Gender {
    He,
    She,
}

impl Gender {
    fn other(self) -> Gender {
        match self {
            Gender::He => Gender::She,
            Gender::She => Gender::He,
        }
    }
}

/// What a mention may be an antecedent as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Who {
    /// A person taking he or she.
    Person(Gender),
    /// A person taking they, a group or an organisation: the check stops.
    Other,
    /// A name of unknown pronouns: may be anyone.
    Unknown,
}

/// A mention of a possible antecedent.
#[derive(Clone, Copy, Debug)]
struct Mention {
    start: usize,
    end: usize,
    who: Who,
    /// For names without pack pronouns, the hash of the last word's skeleton.
    key: Option<u64>,
}

/// The pronoun a token is, with its gender.
fn pronoun(word: &str) -> Option<Gender> {
    let b = word.as_bytes();
    if !(2..=7).contains(&b.len()) || !matches!(b[0] | 0x20, b'h' | b's') {
        return None;
    }
    let is = |p: &str| word.eq_ignore_ascii_case(p);
    let he = match b.len() {
        2 => is("he"),
        3 => is("him") || is("his"),
        7 => is("himself"),
        _ => false,
    };
    let she = match b.len() {
        3 => is("she") || is("her"),
        4 => is("hers"),
        7 => is("herself"),
        _ => false,
    };
    if he {
        Some(Gender::He)
    } else if she {
        Some(Gender::She)
    } else {
        None
    }
}

/// A he/she pronoun of the text.
#[derive(Clone, Copy, Debug)]
struct PronounToken {
    /// Index of the token.
    index: usize,
    gender: Gender,
    /// Whether it is inside a direct quotation.
    quoted: bool,
}

/// The he/she pronouns, with whether each is quoted, and the relative and indefinite
/// pronouns that introduce a person of unknown pronouns ("an artist who claimed he …",
/// "one of them asked his boss"), from the tokens the analysis marked (see [`Mark`]):
/// only those, and the quotation marks, need looking at.
fn scan(tokens: &[crate::Token<'_>], marks: &[Mark]) -> (Vec<PronounToken>, Vec<Mention>) {
    let mut pronouns = Vec::new();
    let mut indefinite = Vec::new();
    let mut in_quote = false;
    let mut paragraph = u32::MAX;
    for m in marks {
        let ti = m.index as usize;
        let t = &tokens[ti];
        // A quotation ends with its paragraph; tokens between marks change nothing else.
        if t.paragraph != paragraph {
            paragraph = t.paragraph;
            in_quote = false;
        }
        match m.kind {
            Mark::QUOTE_OPEN => in_quote = true,
            Mark::QUOTE_CLOSE => in_quote = false,
            Mark::QUOTE_TOGGLE => in_quote = !in_quote,
            Mark::HE | Mark::SHE => {
                let gender = if m.kind == Mark::HE { Gender::He } else { Gender::She };
                pronouns.push(PronounToken { index: ti, gender, quoted: in_quote });
            }
            Mark::INDEFINITE => indefinite.push(Mention { start: t.start, end: t.end(), who: Who::Unknown, key: None }),
            Mark::ONE_OR_EACH if tokens.get(ti + 1).is_some_and(|n| n.text.eq_ignore_ascii_case("of")) => {
                indefinite.push(Mention { start: t.start, end: t.end(), who: Who::Unknown, key: None });
            }
            _ => {}
        }
    }
    (pronouns, indefinite)
}

/// The agreeing pronoun for `word`; `next` is the word after it, which tells a
/// possessive "her" (her talent → his talent) from an object one (told her → him).
fn agreeing(word: &str, next: Option<&str>) -> &'static str {
    let lower = word.to_ascii_lowercase();
    let object_context = next.is_none_or(|n| {
        matches!(
            n.to_ascii_lowercase().as_str(),
            "to" | "and"
                | "or"
                | "but"
                | "that"
                | "in"
                | "on"
                | "at"
                | "for"
                | "with"
                | "as"
                | "from"
                | "by"
                | "about"
                | "up"
                | "out"
                | "down"
                | "back"
                | "again"
                | "off"
                | "over"
                | "into"
                | "if"
                | "when"
                | "after"
                | "before"
                | "because"
                | "so"
                | "than"
                | "the"
                | "a"
                | "an"
                | "of"
                | "was"
                | "is"
        )
    });
    let base = match lower.as_str() {
        "he" => "she",
        "him" => "her",
        "himself" => "herself",
        "his" if object_context => "hers",
        "his" => "her",
        "she" => "he",
        "hers" => "his",
        "herself" => "himself",
        "her" if object_context => "him",
        _ => "his",
    };
    if word.chars().next().is_some_and(char::is_uppercase) {
        match base {
            "she" => "She",
            "he" => "He",
            "her" => "Her",
            "his" => "His",
            "him" => "Him",
            "hers" => "Hers",
            "herself" => "Herself",
            _ => "Himself",
        }
    } else {
        base
    }
}

impl PronounMismatch {
    /// The rule, reading pronouns from `res`'s entities.
    ///
    /// ```
    /// use copydesk::rules::names::pronoun_mismatch::PronounMismatch;
    /// use copydesk::{registry::Resources, Config, Document, Reporter, Rule};
    /// let config = Config::default();
    /// let rule = PronounMismatch::new(&Resources::new(&config));
    /// let text = "Baekhyun released a single. Later she said it was her favourite.";
    /// let mut found = Vec::new();
    /// rule.check(&Document::new(text), &mut Reporter::new(rule.meta(), rule.meta().default_severity, &mut found));
    /// let pronouns: Vec<&str> = found.iter().map(|d| d.span.slice(text)).collect();
    /// assert_eq!(pronouns, ["she", "her"]);
    /// assert_eq!(found[0].suggestions[0].replacement, "he");
    /// ```
    #[must_use]
    pub fn new(res: &Resources<'_>) -> Self {
        load_word_lists();
        Lazy::force(&TITLES);
        let mut entities = FxHashMap::default();
        for e in res.gazetteer.entities() {
            let who = match (e.kind, e.pronouns) {
                (EntityKind::Person, Some(Pronouns::He)) => Some(Who::Person(Gender::He)),
                (EntityKind::Person, Some(Pronouns::She)) => Some(Who::Person(Gender::She)),
                (EntityKind::Person | EntityKind::Group | EntityKind::Org, _) => Some(Who::Other),
                // Works, places and publications are no antecedents.
                _ => None,
            };
            for s in e.spellings() {
                entities.entry(Key::of(s).value()).or_insert(who);
            }
        }
        let filter = KeyFilter::new(entities.keys().copied());
        PronounMismatch { entities, filter }
    }

    /// The entity whose skeleton has `key` (spelled alike up to case, spacing and
    /// hyphens): `Some(None)` for works, places and publications, which are no
    /// antecedents.
    fn entity(&self, key: Key) -> Option<Option<Who>> {
        let key = key.value();
        self.filter.may_contain(key).then(|| self.entities.get(&key).copied()).flatten()
    }

    /// The mentions of possible antecedents, in order; `indefinite` are those the
    /// relative and indefinite pronouns make.
    fn mentions(&self, doc: &Document<'_>, indefinite: Vec<Mention>) -> Vec<Mention> {
        let text = doc.text();
        let analysis = analysis(doc);
        let names = &analysis.runs;
        // Capitalised words seen inside sentences: names, even when also words ("Brown").
        // Asked about a few sentence openings only: sorted when first asked.
        let mut inside: Option<Vec<u64>> = None;
        let mut is_inside = |key: u64| {
            let keys = inside.get_or_insert_with(|| {
                let mut keys: Vec<u64> = names.words.iter().filter(|w| !w.initial).map(|w| w.key.value()).collect();
                keys.sort_unstable();
                keys
            });
            keys.binary_search(&key).is_ok()
        };
        let mut out = Vec::with_capacity(names.words.len() + indefinite.len());
        // (surname, full name) of every name of several words: a few per article.
        let mut families: Vec<(u64, u64)> = Vec::new();
        for &(a, b) in &names.runs {
            let words = &names.words[a..b];
            // A capitalised title in quotation marks ("Nightfall") names a work.
            let before = text[..words[0].start].chars().next_back();
            if before.is_some_and(|c| matches!(c, '“' | '"' | '‘')) {
                continue;
            }
            let mut i = 0;
            let mut title: Option<Gender> = None;
            'words: while i < words.len() {
                for n in (1..=4.min(words.len() - i)).rev() {
                    let span = &words[i..i + n];
                    if let Some(entity) = self.entity(names.surface_key(a + i, a + i + n)) {
                        if let Some(who) = entity {
                            out.push(Mention { start: span[0].start, end: span[n - 1].end, who, key: None });
                        }
                        i += n;
                        title = None;
                        continue 'words;
                    }
                }
                let w = &words[i];
                let w_text = w.text(text);
                let gendered = TITLES.contains(w_text).then(|| GENDERED.get(w_text)).flatten();
                if let Some(&g) = gendered.filter(|_| is_capitalised_title(w_text)) {
                    title = Some(g);
                    i += 1;
                    continue;
                }
                // Months, days, and ordinary words opening a sentence are no names.
                let ordinary_opening = w.initial && is_common(names, a + i, text) && !is_inside(w.key.value());
                if is_calendar(w_text) || ordinary_opening || w_text.len() <= 3 && is_all_caps(w_text) {
                    i += 1;
                    continue;
                }
                // Other capitalised words up to the next known entity: one name.
                let mut j = i + 1;
                while j < words.len()
                    && self.entity(words[j].key).is_none()
                    && !is_calendar(words[j].text(text))
                    && !words[j - 1].possessive
                {
                    j += 1;
                }
                let last = &words[j - 1];
                let surname = last.key.value();
                let key = if j - i > 1 {
                    let full = words[i..j].iter().fold(FULL_NAME_SEED, |h, w| mix(h, w.key.value()));
                    families.push((surname, full));
                    full
                } else {
                    surname
                };
                let who = title.map_or(Who::Unknown, Who::Person);
                out.push(Mention { start: w.start, end: last.end, who, key: Some(key) });
                title = None;
                i = j;
            }
        }
        // A surname alone shares the votes of the one full name it stands for; where the
        // article names two people with it ("Jimi Hendrix", "Janie Hendrix") it is
        // ambiguous.
        families.sort_unstable();
        families.dedup();
        for m in &mut out {
            let Some(key) = m.key else { continue };
            let from = families.partition_point(|&(surname, _)| surname < key);
            let fulls = &families[from..families.partition_point(|&(surname, _)| surname <= key)];
            match fulls {
                [] => {}
                [(_, full)] => m.key = Some(*full),
                _ => m.key = None,
            }
        }
        out.extend(indefinite);
        out.sort_by_key(|m| m.start);
        out
    }
}

/// Verbs of saying and thinking: in "X said she …" the pronoun is X.
const SPEECH_VERBS: &[&str] = &[
    "added",
    "admitted",
    "agreed",
    "argued",
    "believed",
    "believes",
    "claimed",
    "claims",
    "confirmed",
    "denied",
    "explained",
    "hoped",
    "hopes",
    "insisted",
    "noted",
    "revealed",
    "said",
    "says",
    "stated",
    "stressed",
    "suggested",
    "thinks",
    "thought",
    "told",
    "warned",
    "wrote",
];

/// Whether the tokens from byte `after` to token `pronoun` are a speech verb and an
/// optional "that": the pronoun is then the subject of what the mention said.
fn reports_speech(tokens: &[crate::Token<'_>], after: usize, pronoun: usize) -> bool {
    let from = tokens[..pronoun].partition_point(|t| t.start < after);
    let between = &tokens[from..pronoun];
    let subject = matches!(tokens[pronoun].text, "he" | "she");
    let verb = |t: &crate::Token<'_>| t.is_word() && SPEECH_VERBS.binary_search(&t.text).is_ok();
    subject
        && match between {
            [v] => verb(v),
            [v, that] => verb(v) && that.text == "that",
            _ => false,
        }
}

/// Whether a gendered word is a title (capitalised in the list).
fn is_capitalised_title(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

impl Rule for PronounMismatch {
    fn meta(&self) -> &RuleMeta {
        &META
    }

    fn check(&self, doc: &Document<'_>, out: &mut Reporter<'_>) {
        let text = doc.text();
        let tokens = doc.tokens();
        let analysis = super::analysis(doc);
        let (pronouns, indefinite) = scan(tokens, &analysis.marks);
        // An article without he/she pronouns has nothing to check.
        if pronouns.is_empty() {
            return;
        }
        let mut mentions = self.mentions(doc, indefinite);
        let starts = &analysis.starts;
        let sentence_of = |offset: usize| starts.partition_point(|&s| s <= offset);

        // Learn the pronouns of names without pack pronouns from the article itself:
        // the first pronoun after a mention, before the next mention, in its sentence or
        // the next one, is a vote. Titles count double.
        let mut votes: FxHashMap<u64, [u32; 2]> = FxHashMap::default();
        let mut next_mention = 0;
        let mut voted = None;
        for p in &pronouns {
            let (t, g) = (&tokens[p.index], p.gender);
            while next_mention < mentions.len() && mentions[next_mention].end <= t.start {
                next_mention += 1;
            }
            let Some(mi) = next_mention.checked_sub(1) else { continue };
            let m = mentions[mi];
            // Only the first pronoun after the mention votes.
            if voted == Some(mi) {
                continue;
            }
            voted = Some(mi);
            if sentence_of(t.start) > sentence_of(m.start) + 1 {
                continue;
            }
            if let Some(key) = m.key {
                votes.entry(key).or_default()[g as usize] += 1;
            }
        }
        for m in &mut mentions {
            let Some(key) = m.key else { continue };
            if let Who::Person(g) = m.who {
                votes.entry(key).or_default()[g as usize] += 2;
            }
        }
        for m in &mut mentions {
            let (Some(key), Who::Unknown) = (m.key, m.who) else { continue };
            let [he, she] = votes.get(&key).copied().unwrap_or_default();
            if he >= 2 && he >= 2 * she {
                m.who = Who::Person(Gender::He);
            } else if she >= 2 && she >= 2 * he {
                m.who = Who::Person(Gender::She);
            }
        }

        let mut flagged: Vec<usize> = Vec::new();
        // Pronouns in direct quotations are not checked.
        for p in pronouns.iter().filter(|p| !p.quoted) {
            let (ti, t, g) = (p.index, &tokens[p.index], p.gender);
            let initial = starts.binary_search(&t.start).is_ok();
            // "The She Hate Me director", "HIS LAST BOW": a title, not a pronoun.
            if (!initial && super::is_capitalised(t.text)) || is_all_caps(t.text) {
                continue;
            }
            let s = sentence_of(t.start);
            // `s` counts the sentence starts up to the pronoun: its own start is s - 1.
            let window_start = s.checked_sub(2).map_or(0, |p| starts[p]);
            let lo = mentions.partition_point(|m| m.start < window_start);
            let hi = mentions.partition_point(|m| m.end <= t.start);
            // Bounded, so a pathological sentence stays linear.
            let window = &mentions[lo.max(hi.saturating_sub(MAX_WINDOW))..hi.max(lo)];
            // The most recent possible antecedent must take the other pronoun.
            let Some(antecedent) = window.last() else { continue };
            if antecedent.who != Who::Person(g.other()) {
                continue;
            }
            // Someone in the window may take this pronoun; a name of unknown pronouns
            // may, unless the antecedent is the speaker of the pronoun's own clause
            // ("Mr Jeffrey said she believed …").
            let speaker = reports_speech(tokens, antecedent.end, ti);
            if window.iter().any(|m| (m.who == Who::Unknown && !speaker) || m.who == Who::Person(g)) {
                continue;
            }
            let mut window_tokens =
                tokens[..ti].iter().enumerate().rev().take(MAX_WINDOW * 8).take_while(|(_, u)| u.start >= window_start);
            let supported = window_tokens.any(|(ui, u)| {
                u.is_word()
                    && (GENDERED.get(u.text).is_some_and(|&n| n == g && !is_capitalised_title(u.text))
                        || (pronoun(u.text) == Some(g) && flagged.binary_search(&ui).is_err()))
            });
            if supported {
                continue;
            }
            flagged.push(ti);
            let name = &text[antecedent.start..antecedent.end];
            let next = tokens.get(ti + 1).filter(|n| n.is_word()).map(|n| n.text);
            let fix = agreeing(t.text, next);
            out.report(Span::new(t.start, t.end()), format!("“{}” does not agree with “{name}”", t.text))
                .suggest(fix, Applicability::Maybe)
                .label(Span::new(antecedent.start, antecedent.end), "the likely antecedent");
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::entities::parse_pack;
    use crate::{Config, Diagnostic, Severity, TokenKind};

    const PACK: &str = r#"
[[entity]]
name = "Marcus Rashford"
aliases = ["Rashford"]
kind = "person"
pronouns = "he"

[[entity]]
name = "Chelsea"
kind = "org"
"#;

    fn run(text: &str) -> Vec<(String, String)> {
        let config = Config { entities: parse_pack(Path::new("t.toml"), PACK).unwrap(), ..Config::default() };
        let rule = PronounMismatch::new(&Resources::new(&config));
        let mut v: Vec<Diagnostic> = Vec::new();
        rule.check(&Document::new(text), &mut Reporter::new(&META, Severity::Warning, &mut v));
        v.into_iter().map(|d| (d.span.slice(text).to_owned(), d.suggestions[0].replacement.clone())).collect()
    }

    #[test]
    fn flags_pack_person() {
        assert_eq!(
            run("Marcus Rashford scored twice and thanked her fans, then praised her."),
            [("her".to_owned(), "his".to_owned()), ("her".to_owned(), "him".to_owned())]
        );
    }

    #[test]
    fn infers_from_the_article() {
        let t = "Ellen Parker won. She said it was hard. Parker thanked her coach. Later Parker said he was tired.";
        assert_eq!(run(t), [("he".to_owned(), "she".to_owned())]);
    }

    #[test]
    fn stays_quiet_when_unsure() {
        for ok in [
            "Marcus Rashford met Ellen Parker. She smiled.",
            "Marcus Rashford thanked the woman for her help.",
            "Marcus Rashford said: \"She is great.\"",
            "Marcus Rashford joined Chelsea, which said she agreed.",
            "Rashford and his wife came. She smiled.",
        ] {
            assert!(run(ok).is_empty(), "{ok}: {:?}", run(ok));
        }
    }

    #[test]
    fn quotation_marks_as_bytes() {
        assert_eq!("“".as_bytes(), [0xe2, 0x80, 0x9c]);
        assert_eq!("”".as_bytes(), [0xe2, 0x80, 0x9d]);
        assert_eq!("«".as_bytes(), [0xc2, 0xab]);
        assert_eq!("»".as_bytes(), [0xc2, 0xbb]);
    }

    #[test]
    fn indefinite_pronouns_by_length() {
        for w in INDEFINITE {
            assert!(is_indefinite(w) && is_indefinite(&w.to_uppercase()), "{w}");
        }
        let listed = |w: &str| INDEFINITE.iter().any(|i| i.eq_ignore_ascii_case(w));
        for w in ["one", "each", "wh", "whoa", "someones", "any one", "", "Who", "WHOSE", "nobodY", "who’s"] {
            assert_eq!(is_indefinite(w), listed(w), "{w}");
        }
    }

    #[test]
    fn marks_agree_with_the_word_tests() {
        let text = "He him HIS Himself she Her hers HERSELF who Whom whose whoever anyone anybody nobody \
                    someone somebody everyone Everybody everybodys one Each of ONE he's hes hi h e her2 whoa \
                    ones eachs someones heR “a” «b» \"c\" ‘d’ \"e\" x himself";
        let doc = Document::new(text);
        let analysis = super::super::analysis(&doc);
        let marked: Vec<(usize, u8)> = analysis.marks.iter().map(|m| (m.index as usize, m.kind)).collect();
        let mut expected = Vec::new();
        for (i, t) in doc.tokens().iter().enumerate() {
            let kind = match t.kind {
                TokenKind::Word => match pronoun(t.text) {
                    Some(Gender::He) => Mark::HE,
                    Some(Gender::She) => Mark::SHE,
                    None if is_indefinite(t.text) => Mark::INDEFINITE,
                    None if t.text.eq_ignore_ascii_case("one") || t.text.eq_ignore_ascii_case("each") => {
                        Mark::ONE_OR_EACH
                    }
                    None => 0,
                },
                TokenKind::Punct => match t.text {
                    "“" | "«" => Mark::QUOTE_OPEN,
                    "”" | "»" => Mark::QUOTE_CLOSE,
                    "\"" => Mark::QUOTE_TOGGLE,
                    _ => 0,
                },
                _ => 0,
            };
            if kind != 0 {
                expected.push((i, kind));
            }
        }
        assert_eq!(marked, expected);
        assert!(marked.len() > 30);
    }

    #[test]
    fn speech_verbs_are_sorted() {
        assert!(SPEECH_VERBS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn speaker_of_the_clause_is_the_antecedent() {
        // "Lesotho" is a name of unknown pronouns, but the speaker settles it.
        let t = "Jobs in Lesotho may go, and Mr Mafeca said she expected more cuts.";
        assert_eq!(run(t), [("she".to_owned(), "he".to_owned())]);
        assert!(run("Jobs in Lesotho may go, and Mr Mafeca said that Ms Dube expected cuts.").is_empty());
    }

    #[test]
    fn no_panic_on_odd_text() {
        for t in ["", "her", "He", "\u{301}her", "Mr", "Mr her", "“her”", "HER HIS"] {
            let _ = run(t);
        }
    }
}

//! The data model: what crossread knows about each article and each pair of articles.
//!
//! These types are the export contract (schema 1, see the README): `crossread export` writes a
//! [`Store`] as JSON and `crossread` loads that JSON back. Fields may be added; existing names
//! and meanings stay. Every extracted item carries `sentence`, an index into
//! [`Article::sentences`], so the reader can always see where it came from.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The version of the JSON layout written by `export`.
pub const SCHEMA: u32 = 1;

/// Everything crossread holds: the parsed articles and the comparisons of their pairs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Store {
    pub schema: u32,
    pub articles: Vec<Article>,
    #[serde(default)]
    pub comparisons: Vec<Comparison>,
}

impl Default for Store {
    fn default() -> Self {
        Store {
            schema: SCHEMA,
            articles: Vec::new(),
            comparisons: Vec::new(),
        }
    }
}

/// One article: its cleaned text, metadata and everything extracted from it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Article {
    /// Unique within a store (the file stem, suffixed when two files share one).
    pub id: String,
    /// The path as given on the command line (or `seeds/NAME` for the bundled seeds).
    pub path: String,
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub outlet: Option<String>,
    /// ISO 8601: `YYYY-MM-DD[THH:MM[:SS][Z|±HH:MM]]`.
    pub published: Option<String>,
    pub authors: Vec<String>,
    /// The cleaned body, one string per paragraph, in order.
    pub paragraphs: Vec<String>,
    /// What cleaning removed, in order, so nothing is lost silently.
    pub boilerplate: Vec<String>,
    /// Why each `boilerplate` entry was removed (same order and length).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub boilerplate_reasons: Vec<String>,
    pub sentences: Vec<Sentence>,
    pub people: Vec<Person>,
    pub quotes: Vec<Quote>,
    pub facts: Vec<Fact>,
    pub claims: Vec<Claim>,
    /// Non-fatal problems met while reading this article (encoding, size, …).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

impl Article {
    /// An article of these sentences and nothing else (a fixture for tests).
    #[cfg(test)]
    pub(crate) fn of_sentences(sentences: &[&str]) -> Article {
        Article {
            sentences: sentences
                .iter()
                .map(|s| Sentence {
                    text: (*s).to_owned(),
                    ..Sentence::default()
                })
                .collect(),
            ..Article::default()
        }
    }

    /// Number of words in the cleaned body.
    pub fn word_count(&self) -> usize {
        self.paragraphs
            .iter()
            .map(|p| p.split_whitespace().count())
            .sum()
    }

    /// The display name of the source: outlet, else the file stem.
    pub fn source_label(&self) -> &str {
        self.outlet.as_deref().unwrap_or(&self.id)
    }
}

/// One sentence of the body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub text: String,
    /// Index into [`Article::paragraphs`].
    pub paragraph: usize,
    /// Byte offset of the sentence inside its paragraph.
    #[serde(default)]
    pub start: usize,
}

/// What kind of actor a [`Person`] is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PersonKind {
    #[default]
    Person,
    Organisation,
    /// A collective actor: "analysts", "the Ukrainian military", "officials".
    Group,
}

/// A person or organisation named in an article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Person {
    pub name: String,
    /// Other forms of the name in this article: surname only, "Mr X", misspellings.
    pub aliases: Vec<String>,
    pub kind: PersonKind,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    /// The country or organisation this actor speaks for, where the text shows it.
    pub side: Option<String>,
    pub mentions: usize,
    /// Sentence of the first mention.
    pub sentence: usize,
}

impl Person {
    /// The name and every alias.
    pub fn all_names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// Direct speech (in quote marks) or reported speech.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    #[default]
    Direct,
    Indirect,
}

/// Something a speaker said, with the cue that attributes it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Quote {
    /// The resolved speaker (a name from [`Article::people`]), never a bare pronoun.
    pub speaker: Option<String>,
    /// The quoted words (direct) or the reported clause (indirect), without attribution.
    pub text: String,
    pub kind: QuoteKind,
    /// The speech cue: "said", "told Reuters", "according to", …
    pub cue: Option<String>,
    pub sentence: usize,
}

impl Quote {
    pub fn word_count(&self) -> usize {
        self.text.split_whitespace().count()
    }
}

/// What a [`Fact`] is.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum FactKind {
    #[default]
    Quantity,
    Money,
    Percent,
    Date,
    Place,
    Organisation,
}

impl FactKind {
    pub fn label(self) -> &'static str {
        match self {
            FactKind::Quantity => "quantity",
            FactKind::Money => "money",
            FactKind::Percent => "percent",
            FactKind::Date => "date",
            FactKind::Place => "place",
            FactKind::Organisation => "organisation",
        }
    }
}

/// A fact stated by an article: a quantity, a date, a place or an organisation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Fact {
    pub kind: FactKind,
    /// The words as printed ("about 5,000 square km (1,930 square miles)").
    pub text: String,
    #[serde(
        serialize_with = "number::serialize",
        deserialize_with = "number::deserialize"
    )]
    pub value: Option<f64>,
    /// The upper end of a range ("10 to 12 feet": `value` 10, `value_max` 12).
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "number::serialize",
        deserialize_with = "number::deserialize"
    )]
    pub value_max: Option<f64>,
    pub unit: Option<String>,
    /// What is counted or measured ("pre-war population", "Russian troops").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// Approximation or bound: "about", "at least", "more than", …
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
    /// The same quantity in a second unit ("(1,930 square miles)").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alt: Option<Measure>,
    /// A date resolved to ISO 8601 where the text allows (weekday against the published date).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// How often a place or organisation is mentioned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<usize>,
    /// This fact is the bracketed conversion of the fact before it ("10 km" in "six miles
    /// (10 km)"), which carries it as `alt`: listed so the figure can be found by its own
    /// words; a view or comparison that shows `alt` can skip it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub conversion: bool,
    pub sentence: usize,
}

/// A value in a unit.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Measure {
    #[serde(
        serialize_with = "number::serialize",
        deserialize_with = "number::deserialize"
    )]
    pub value: Option<f64>,
    pub unit: Option<String>,
}

/// Whether a claim asserts something or denies another party's claim.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    #[default]
    Assert,
    Deny,
}

/// An attributed statement about the world.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Claim {
    /// Unique within the article: `c1`, `c2`, …
    pub id: String,
    pub claimant: Option<String>,
    pub side: Option<String>,
    pub text: String,
    pub stance: Stance,
    /// The ids of the claims this one denies or contradicts: one statement can answer
    /// several. Reads a single id too (stores written before it became a list).
    #[serde(deserialize_with = "one_or_many::deserialize")]
    pub disputes: Vec<String>,
    /// A weaker stance: the claimant says it could not verify the claim.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub unverified: bool,
    pub sentence: usize,
}

/// How an item of one article relates to the other article of a pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Shared,
    Differs,
    Reworded,
    LeftOnly,
    RightOnly,
}

impl Status {
    pub fn label(self) -> &'static str {
        match self {
            Status::Shared => "shared",
            Status::Differs => "differs",
            Status::Reworded => "reworded",
            Status::LeftOnly => "left only",
            Status::RightOnly => "right only",
        }
    }

    /// Where rows of this status are listed: disagreements first, then what both report,
    /// then what only the left, then only the right reports.
    pub fn rank(self) -> u8 {
        match self {
            Status::Differs | Status::Reworded => 0,
            Status::Shared => 1,
            Status::LeftOnly => 2,
            Status::RightOnly => 3,
        }
    }

    /// The same relation seen from the other side.
    pub fn swapped(self) -> Status {
        match self {
            Status::LeftOnly => Status::RightOnly,
            Status::RightOnly => Status::LeftOnly,
            other => other,
        }
    }
}

/// A row of a comparison: the left and right versions of one item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub status: Status,
    pub left: Option<String>,
    pub right: Option<String>,
    /// Sentence indices in the left and right article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left_sentence: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub right_sentence: Option<usize>,
}

/// The same quote (or statement) in both articles, or in one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteRow {
    pub status: Status,
    pub speaker: Option<String>,
    pub left: Option<String>,
    pub right: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left_sentence: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub right_sentence: Option<usize>,
}

/// Two spellings of one name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Variant {
    pub left: String,
    pub right: String,
}

/// Two near-identical sentences, one from each article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentencePair {
    pub left: usize,
    pub right: usize,
    /// Word-level similarity in 0..=1.
    pub similarity: f32,
}

/// Shares and counts for a pair.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Summary {
    pub facts_shared: f32,
    pub people_shared: f32,
    pub sentences_shared: f32,
    pub differs: usize,
    pub reworded: usize,
    pub disputes: usize,
}

/// The comparison of two articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// Article ids.
    pub left: String,
    pub right: String,
    #[serde(default)]
    pub facts: Vec<Row>,
    #[serde(default)]
    pub people: Vec<Row>,
    #[serde(default)]
    pub variants: Vec<Variant>,
    #[serde(default)]
    pub quotes: Vec<QuoteRow>,
    #[serde(default)]
    pub claims: Vec<Row>,
    #[serde(default)]
    pub sentences: Vec<SentencePair>,
    #[serde(default)]
    pub summary: Summary,
}

/// Numbers that are whole are written without a fraction (`60000`, not `60000.0`).
mod number {
    use super::*;

    pub fn serialize<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(x) if x.fract() == 0.0 && x.abs() < 9.0e15 => s.serialize_i64(*x as i64),
            Some(x) => s.serialize_f64(*x),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
        Option::<f64>::deserialize(d)
    }
}

/// A list of strings that may also be written as one string, or as null.
mod one_or_many {
    use super::*;

    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
        Ok(match Option::<OneOrMany>::deserialize(d)? {
            None => Vec::new(),
            Some(OneOrMany::One(s)) => vec![s],
            Some(OneOrMany::Many(v)) => v,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disputes_read_one_id_a_list_or_null() {
        let one: Claim = serde_json::from_str(r#"{"id":"c2","disputes":"c1"}"#).unwrap();
        assert_eq!(one.disputes, vec!["c1".to_owned()]);
        let many: Claim = serde_json::from_str(r#"{"id":"c3","disputes":["c1","c2"]}"#).unwrap();
        assert_eq!(many.disputes, vec!["c1".to_owned(), "c2".to_owned()]);
        let none: Claim = serde_json::from_str(r#"{"id":"c4","disputes":null}"#).unwrap();
        assert!(none.disputes.is_empty());
        let json = serde_json::to_string(&many).unwrap();
        assert!(json.contains(r#""disputes":["c1","c2"]"#), "{json}");
    }

    #[test]
    fn whole_values_are_written_as_integers() {
        let f = Fact {
            value: Some(60000.0),
            ..Fact::default()
        };
        let json = serde_json::to_string(&f).unwrap();
        assert!(json.contains("\"value\":60000,"), "{json}");
        let back: Fact = serde_json::from_str(&json).unwrap();
        assert_eq!(back.value, Some(60000.0));
        let f = Fact {
            value: Some(2.5),
            ..Fact::default()
        };
        assert!(serde_json::to_string(&f).unwrap().contains("\"value\":2.5"));
    }

    #[test]
    fn enums_use_the_contract_names() {
        assert_eq!(
            serde_json::to_string(&PersonKind::Organisation).unwrap(),
            "\"organisation\""
        );
        assert_eq!(
            serde_json::to_string(&Status::RightOnly).unwrap(),
            "\"right_only\""
        );
        assert_eq!(serde_json::to_string(&Stance::Deny).unwrap(), "\"deny\"");
    }
}

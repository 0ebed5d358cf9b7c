//! The comparison rules of `assets/compare.toml`, parsed once into lookup tables.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use serde::Deserialize;

use crate::lexicon::{asset, parse};

#[derive(Deserialize)]
struct File {
    names: NamesFile,
    facts: FactsFile,
    words: WordsFile,
}

#[derive(Deserialize)]
struct NamesFile {
    folds: Vec<(String, String)>,
    nicknames: Vec<Vec<String>>,
    titles: Vec<String>,
    not_names: Vec<String>,
    connectors: Vec<String>,
    suffixes: Vec<String>,
}

#[derive(Deserialize)]
struct FactsFile {
    units: Vec<UnitFile>,
    currencies: Vec<(String, String)>,
    numbers: Vec<(String, f64)>,
    multipliers: Vec<(String, f64)>,
    approximate: Vec<String>,
    lower: Vec<String>,
    upper: Vec<String>,
}

#[derive(Deserialize)]
struct UnitFile {
    name: String,
    dimension: String,
    factor: f64,
    spellings: Vec<String>,
}

#[derive(Deserialize)]
struct WordsFile {
    concepts: Vec<Vec<String>>,
    generic: Vec<String>,
    stopwords: Vec<String>,
    negations: Vec<String>,
}

/// A unit: its dimension and its factor to the dimension's base unit.
#[derive(Debug, Clone)]
pub(crate) struct Unit {
    pub name: String,
    pub dimension: String,
    pub factor: f64,
}

/// How a number is bounded by its qualifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Bound {
    Exact,
    Approximate,
    /// "at least", "more than": the true value is this or above.
    Lower,
    /// "up to", "fewer than": the true value is this or below.
    Upper,
}

/// Every table the comparison uses.
pub(crate) struct Rules {
    pub folds: Vec<(String, String)>,
    /// Any familiar or formal first name → the first name of its group.
    pub nicknames: HashMap<String, String>,
    pub titles: HashSet<String>,
    pub not_names: HashSet<String>,
    pub connectors: HashSet<String>,
    pub suffixes: HashSet<String>,
    /// Spelling (lower case) → unit.
    pub units: HashMap<String, Unit>,
    /// The longest unit spelling, in words.
    pub unit_max_words: usize,
    pub currencies: HashMap<String, String>,
    pub numbers: HashMap<String, f64>,
    pub multipliers: HashMap<String, f64>,
    /// Qualifier phrases, longest first.
    pub qualifiers: Vec<(String, Bound)>,
    /// Word → `#concept` (the first word of its group, marked).
    pub concepts: HashMap<String, String>,
    pub generic: HashSet<String>,
    pub stopwords: HashSet<String>,
    /// Words that negate a statement ("not", "never"); "n't" endings count too.
    pub negations: HashSet<String>,
}

impl Rules {
    /// The unit a spelling or canonical name stands for.
    pub fn unit(&self, s: &str) -> Option<&Unit> {
        self.units.get(s.trim().to_lowercase().as_str())
    }

    /// The bound a qualifier phrase expresses (`None` for an unknown phrase).
    pub fn bound(&self, qualifier: &str) -> Option<Bound> {
        let q = crate::text::fold(qualifier);
        self.qualifiers
            .iter()
            .find(|(p, _)| *p == q)
            .map(|(_, b)| *b)
    }
}

fn lower_set(words: Vec<String>) -> HashSet<String> {
    words.into_iter().map(|w| w.to_lowercase()).collect()
}

pub(crate) static RULES: LazyLock<Rules> = LazyLock::new(|| {
    let file: File = parse("compare.toml", asset!("compare.toml"));
    let mut nicknames = HashMap::new();
    for group in &file.names.nicknames {
        if let Some(first) = group.first() {
            for n in group {
                // a form in two groups ("chris", "sam", "harry") keeps its first group
                nicknames.entry(n.clone()).or_insert_with(|| first.clone());
            }
        }
    }
    let mut units = HashMap::new();
    let mut unit_max_words = 1;
    for u in file.facts.units {
        let unit = Unit {
            name: u.name.clone(),
            dimension: u.dimension,
            factor: u.factor,
        };
        for s in u.spellings.iter().chain(std::iter::once(&u.name)) {
            unit_max_words = unit_max_words.max(s.split_whitespace().count());
            units.insert(s.to_lowercase(), unit.clone());
        }
    }
    let mut qualifiers: Vec<(String, Bound)> = Vec::new();
    for (list, bound) in [
        (file.facts.approximate, Bound::Approximate),
        (file.facts.lower, Bound::Lower),
        (file.facts.upper, Bound::Upper),
    ] {
        qualifiers.extend(list.into_iter().map(|q| (q.to_lowercase(), bound)));
    }
    qualifiers.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
    let mut concepts = HashMap::new();
    for group in &file.words.concepts {
        if let Some(first) = group.first() {
            let mark = format!("#{first}");
            for w in group {
                concepts
                    .entry(w.to_lowercase())
                    .or_insert_with(|| mark.clone());
            }
        }
    }
    Rules {
        folds: file.names.folds,
        nicknames,
        titles: lower_set(file.names.titles),
        not_names: lower_set(file.names.not_names),
        connectors: lower_set(file.names.connectors),
        suffixes: lower_set(file.names.suffixes),
        units,
        unit_max_words,
        currencies: file
            .facts
            .currencies
            .into_iter()
            .map(|(k, v)| (k.to_lowercase(), v))
            .collect(),
        numbers: file.facts.numbers.into_iter().collect(),
        multipliers: file.facts.multipliers.into_iter().collect(),
        qualifiers,
        concepts,
        generic: lower_set(file.words.generic),
        stopwords: lower_set(file.words.stopwords),
        negations: lower_set(file.words.negations),
    }
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_asset_parses_into_tables() {
        let r = &*RULES;
        assert_eq!(r.unit("kilometres").map(|u| u.factor), Some(1000.0));
        assert_eq!(
            r.unit("square miles").map(|u| u.dimension.as_str()),
            Some("area")
        );
        assert_eq!(r.unit("per cent").map(|u| u.name.as_str()), Some("percent"));
        assert_eq!(r.bound("at least"), Some(Bound::Lower));
        assert_eq!(r.bound("About"), Some(Bound::Approximate));
        assert_eq!(r.bound("up to"), Some(Bound::Upper));
        assert_eq!(r.bound("allegedly"), None);
        assert_eq!(r.nicknames.get("bill").map(String::as_str), Some("william"));
        assert_eq!(r.concepts.get("dead"), r.concepts.get("killed"));
        assert!(r.titles.contains("president"));
        assert!(r.stopwords.contains("the"));
        assert!(r.unit_max_words >= 3);
    }
}

//! Facts across two articles.
//!
//! Each fact is reduced once to a [`FactKey`]: its values in base units (the primary measure
//! and the bracketed one), how its qualifier bounds it, its date parts or name key, and a
//! weighted bag of the words that say what it counts (its subject and the words around it in
//! its sentence). Two facts are the same fact when their values agree — within rounding, by
//! their qualifiers ("more than 30" agrees with 32), or after converting units — and their
//! subjects overlap; they *differ* when the subject is clearly the same and the values cannot
//! both be true ("at least six" killed against "at least four" killed).

use std::collections::{HashMap, HashSet};

use crate::analyse::tokens;
use crate::lexicon::CALENDAR;
use crate::model::{Article, Fact, FactKind, Row, Status};
use crate::text::fold;

use super::names::{NameForm, NameScan};
use super::rules::{Bound, RULES};
use super::words::{Bag, content_stem, fold_word, hash, is_generic};

/// What a fact is, for matching.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    Measure,
    Date,
    Named,
}

/// A value in the base unit of its dimension.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Value {
    pub dimension: u64,
    pub unit: u64,
    pub base: f64,
}

/// Year, month, day and weekday where known.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct DateParts {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
    /// 1 = Monday … 7 = Sunday: printed ("late Tuesday"), or worked out from a full date.
    pub weekday: Option<u32>,
}

impl DateParts {
    fn is_empty(&self) -> bool {
        self.year.is_none() && self.month.is_none() && self.day.is_none() && self.weekday.is_none()
    }

    /// The weekday, printed or of the full date (1 = Monday).
    fn weekday(&self) -> Option<u32> {
        self.weekday.or_else(|| {
            let (y, m, d) = (self.year?, self.month?, self.day?);
            // Sakamoto's method: 0 = Sunday
            const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
            let y = if m < 3 { y - 1 } else { y };
            let w = (y + y / 4 - y / 100 + y / 400 + T[(m - 1) as usize] + d as i32).rem_euclid(7);
            Some(if w == 0 { 7 } else { w as u32 })
        })
    }

    /// A number that sorts dates in time order (missing parts count as zero).
    fn ordinal(&self) -> i64 {
        i64::from(self.year.unwrap_or(0)) * 400
            + i64::from(self.month.unwrap_or(0)) * 32
            + i64::from(self.day.unwrap_or(0))
    }
}

/// A fact reduced for matching.
#[derive(Debug, Clone)]
pub(crate) struct FactKey {
    pub class: Class,
    pub values: Vec<Value>,
    pub bound: Bound,
    pub date: DateParts,
    pub name: Option<String>,
    /// The word keys of a place or organisation name, and whether it is a place.
    pub name_keys: Vec<String>,
    pub place: bool,
    pub topic: Bag,
    pub text: String,
    /// Text and subject folded: a fact printed twice in one article is listed once.
    pub repeat_key: String,
    /// A value that rarely turns up by chance (a unit, a large or fractional number, a date).
    pub distinctive: bool,
    pub sentence: usize,
}

const COUNT: &str = "count";

/// Read a number (and its unit or currency) from printed words: "about 5,000 square km",
/// "six miles", "$1.5bn", "10 per cent". Returns the value and the unit's canonical name or
/// currency code.
pub(crate) fn read_measure(text: &str) -> Option<(f64, Option<String>)> {
    let toks = tokens::tokenize(text);
    let words: Vec<String> = toks.iter().map(|t| fold_word(t.text(text))).collect();
    let mut currency: Option<String> = None;
    let mut i = 0;
    let mut value = None;
    while i < toks.len() {
        let w = words[i].as_str();
        if toks[i].is_punct() {
            if let Some(c) = RULES.currencies.get(w) {
                currency = Some(c.clone());
            }
        } else if toks[i].is_number() {
            value = w.replace(',', "").parse::<f64>().ok();
        } else if let Some(v) = RULES.numbers.get(w) {
            value = Some(*v);
        }
        i += 1;
        if value.is_some() {
            break;
        }
    }
    let mut value = value?;
    if let Some(m) = words.get(i).and_then(|w| RULES.multipliers.get(w.as_str()))
        && (currency.is_some() || words[i].len() > 2 || !toks[i].space_before)
        && !(currency.is_none() && RULES.unit(&words[i]).is_some() && words[i].len() <= 2)
    {
        value *= m;
        i += 1;
    }
    if currency.is_some() {
        return Some((value, currency));
    }
    // the longest unit spelling that follows
    for n in (1..=RULES.unit_max_words).rev() {
        if i + n > words.len() {
            continue;
        }
        let phrase = words[i..i + n].join(" ");
        if let Some(u) = RULES.unit(&phrase) {
            return Some((value, Some(u.name.clone())));
        }
        if let Some(c) = RULES.currencies.get(phrase.as_str()) {
            return Some((value, Some(c.clone())));
        }
    }
    Some((value, None))
}

/// The bound a fact's qualifier (or, failing that, its printed words) puts on its value.
fn bound_of(f: &Fact) -> Bound {
    if let Some(q) = &f.qualifier {
        return RULES.bound(q).unwrap_or(Bound::Exact);
    }
    let t = fold(&f.text);
    for (phrase, bound) in &RULES.qualifiers {
        let at_start = t.starts_with(phrase.as_str())
            && t[phrase.len()..].starts_with(|c: char| !c.is_alphanumeric());
        let at_end = t.ends_with(phrase.as_str())
            && t[..t.len() - phrase.len()].ends_with(|c: char| !c.is_alphanumeric());
        if at_start || (at_end && phrase.starts_with("or ")) {
            return *bound;
        }
    }
    if t.contains(" or more") {
        Bound::Lower
    } else {
        Bound::Exact
    }
}

/// The dimension and base value of a number in a unit.
fn value_in(kind: FactKind, v: f64, unit: Option<&str>) -> Value {
    let (dimension, unit_name, base) = match unit.and_then(|u| RULES.unit(u)) {
        Some(u) => (u.dimension.clone(), u.name.clone(), v * u.factor),
        None => match (kind, unit) {
            (FactKind::Percent, _) => ("percent".to_owned(), "percent".to_owned(), v),
            (FactKind::Money, u) => {
                let code = u
                    .map(|u| {
                        RULES
                            .currencies
                            .get(u.to_lowercase().as_str())
                            .cloned()
                            .unwrap_or_else(|| u.to_uppercase())
                    })
                    .unwrap_or_default();
                (format!("money:{code}"), code, v)
            }
            (_, Some(u)) if u.len() == 3 && u.chars().all(|c| c.is_ascii_uppercase()) => {
                (format!("money:{u}"), u.to_owned(), v)
            }
            _ => (COUNT.to_owned(), COUNT.to_owned(), v),
        },
    };
    let dimension = if base < 0.0 {
        format!("-{dimension}")
    } else {
        dimension
    };
    Value {
        dimension: hash(&dimension),
        unit: hash(&unit_name),
        base: base.abs(),
    }
}

/// Date parts from an ISO date ("2024", "2024-03", "2024-03-05", "--03-05", "XXXX-03").
fn iso_parts(iso: &str) -> DateParts {
    let date = iso.split('T').next().unwrap_or("");
    let (year_part, rest) = if let Some(rest) = date.strip_prefix("--") {
        ("", rest)
    } else {
        match date.split_once('-') {
            Some((y, r)) => (y, r),
            None => (date, ""),
        }
    };
    let mut it = rest.split('-');
    let num = |s: Option<&str>| s.and_then(|s| s.parse::<u32>().ok());
    DateParts {
        year: year_part.parse::<i32>().ok(),
        month: num(it.next()).filter(|m| (1..=12).contains(m)),
        day: num(it.next()).filter(|d| (1..=31).contains(d)),
        weekday: None,
    }
}

/// Date parts read from printed words ("23 December", "May 2012", "Sept. 11").
fn printed_parts(text: &str) -> DateParts {
    let toks = tokens::tokenize(text);
    let mut p = DateParts::default();
    for (i, t) in toks.iter().enumerate() {
        let w = t.text(text);
        if let Some(d) = CALENDAR.weekday(w) {
            // the calendar counts from 0 (Monday)
            p.weekday = Some(d + 1);
        } else if let Some(m) = CALENDAR.month(w) {
            p.month = Some(m);
            let day_near = |k: usize| {
                toks.get(k)
                    .filter(|t| t.is_number())
                    .and_then(|t| t.text(text).parse::<u32>().ok())
                    .filter(|d| (1..=31).contains(d))
            };
            let after = day_near(i + 1).or_else(|| {
                // "Sept. 11": the abbreviation's dot is its own token
                toks.get(i + 1)
                    .filter(|t| t.text(text) == ".")
                    .and_then(|_| day_near(i + 2))
            });
            p.day = p
                .day
                .or(after)
                .or_else(|| i.checked_sub(1).and_then(day_near));
        } else if t.is_number()
            && w.len() == 4
            && let Ok(y) = w.parse::<i32>()
            && (1000..=2200).contains(&y)
        {
            p.year = Some(y);
        }
    }
    p
}

/// Positions (token indices) of the fact's words inside its sentence.
fn locate(sentence_words: &[String], fact_words: &[String]) -> Option<(usize, usize)> {
    if fact_words.is_empty() || fact_words.len() > sentence_words.len() {
        return None;
    }
    (0..=sentence_words.len() - fact_words.len())
        .find(|&i| sentence_words[i..i + fact_words.len()] == *fact_words)
        .map(|i| (i, i + fact_words.len()))
        .or_else(|| {
            // the first number of the fact, alone
            let first = fact_words
                .iter()
                .find(|w| w.starts_with(|c: char| c.is_ascii_digit()))?;
            let i = sentence_words.iter().position(|w| w == first)?;
            Some((i, i + 1))
        })
}

/// Is this a word of the measure itself (number, unit, qualifier, month or weekday), not of
/// its subject?
fn is_measure_word(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_digit())
        || RULES.numbers.contains_key(w)
        || RULES.multipliers.contains_key(w)
        || RULES.unit(w).is_some()
        || RULES.currencies.contains_key(w)
        || RULES
            .qualifiers
            .iter()
            .any(|(q, _)| q.split(' ').any(|x| x == w))
        || matches!(w, "per" | "cent" | "square" | "sq")
        || CALENDAR.month(w).is_some()
        || CALENDAR.weekday(w).is_some()
}

/// The words that say what a fact counts: its subject (heaviest), the words of its own text
/// that are not the number, and the words of its sentence, by distance.
fn topic(f: &Fact, words: &[String]) -> Bag {
    let mut items: Vec<(u64, f32)> = Vec::new();
    let mut push = |w: &str, weight: f32| {
        if is_generic(w) || is_measure_word(w) || !w.chars().any(char::is_alphabetic) {
            return;
        }
        if let Some(s) = content_stem(w) {
            items.push((hash(&s), weight));
        }
    };
    if let Some(s) = &f.subject {
        for w in super::words::folded_words(s) {
            push(&w, 1.5);
        }
    }
    if let Some(u) = &f.unit
        && RULES.unit(u).is_none()
    {
        push(&fold_word(u), 1.0);
    }
    let fact_words = super::words::folded_words(&f.text);
    for w in &fact_words {
        push(w, 1.2);
    }
    let span = locate(words, &fact_words);
    for (k, w) in words.iter().enumerate() {
        let weight = match span {
            Some((a, b)) if k >= a && k < b => continue,
            Some((a, b)) => {
                let d = if k < a { a - k } else { k + 1 - b };
                if d <= 3 {
                    1.0
                } else if d <= 8 {
                    0.6
                } else {
                    0.3
                }
            }
            None => 0.5,
        };
        push(w, weight);
    }
    Bag::new(items)
}

/// The bracketed second units of an article's facts, by sentence ("10 km" of "six miles
/// (10 km)"). The facts stage may list such a conversion as a fact of its own; the fact
/// that prints it carries it as `alt`, and listing it again would count one figure twice.
pub(crate) fn bracketed(article: &Article) -> HashSet<(usize, String)> {
    article
        .facts
        .iter()
        .filter_map(|g| {
            let (_, rest) = g.text.split_once('(')?;
            Some((g.sentence, fold(rest.trim_end().trim_end_matches(')'))))
        })
        .collect()
}

/// The keys of many facts of one article, folding each sentence's words once.
pub(crate) struct Keys<'a> {
    article: &'a Article,
    words: HashMap<usize, Vec<String>>,
}

impl<'a> Keys<'a> {
    pub(crate) fn new(article: &'a Article) -> Keys<'a> {
        Keys {
            article,
            words: HashMap::new(),
        }
    }

    /// The key of a fact of this article: what it measures, its values, and its topic.
    pub(crate) fn key(&mut self, f: &Fact) -> FactKey {
        let article = self.article;
        let words = self.words.entry(f.sentence).or_insert_with(|| {
            let s = article
                .sentences
                .get(f.sentence)
                .map_or("", |s| s.text.as_str());
            super::words::folded_words(s)
        });
        key_in(f, words)
    }
}

/// Reduce a fact for matching, given the folded words of its sentence.
fn key_in(f: &Fact, sentence_words: &[String]) -> FactKey {
    let class = match f.kind {
        FactKind::Date => Class::Date,
        FactKind::Place | FactKind::Organisation => Class::Named,
        _ => Class::Measure,
    };
    let mut values = Vec::new();
    let mut date = DateParts::default();
    let mut name = None;
    let mut name_keys = Vec::new();
    let mut distinctive = true;
    match class {
        Class::Measure => {
            // the printed words fill what the facts stage left out
            let printed = read_measure(f.text.split('(').next().unwrap_or(&f.text));
            let v = f.value.or(printed.as_ref().map(|p| p.0));
            let unit = f
                .unit
                .clone()
                .or_else(|| printed.as_ref().and_then(|p| p.1.clone()));
            if let Some(v) = v {
                let value = value_in(f.kind, v, unit.as_deref());
                distinctive =
                    value.dimension != hash(COUNT) || v.abs() >= 1000.0 || v.fract() != 0.0;
                values.push(value);
            }
            let alt = match &f.alt {
                Some(m) => m.value.map(|v| (v, m.unit.clone())),
                None => f
                    .text
                    .split_once('(')
                    .and_then(|(_, rest)| read_measure(rest)),
            };
            if let Some((v, u)) = alt {
                values.push(value_in(f.kind, v, u.as_deref()));
            }
        }
        Class::Date => {
            date = f.date.as_deref().map(iso_parts).unwrap_or_default();
            let printed = printed_parts(&f.text);
            if date.is_empty() {
                date = printed;
            } else if date.weekday.is_none() && date.day.is_none() {
                date.weekday = printed.weekday;
            }
            if date.is_empty()
                && let Some(v) = f.value
                && v.fract() == 0.0
                && (1000.0..=2200.0).contains(&v)
            {
                date.year = Some(v as i32);
            }
            // a weekday in two reports of one story is one day of one week
            distinctive = date.year.is_some() || date.day.is_some() || date.weekday.is_some();
        }
        Class::Named => {
            if let Some(n) = NameForm::organisation(&f.text) {
                name = Some(n.squash);
                name_keys = n.keys;
            }
        }
    }
    FactKey {
        class,
        values,
        bound: bound_of(f),
        date,
        name,
        name_keys,
        place: f.kind == FactKind::Place,
        topic: topic(f, sentence_words),
        text: f.text.clone(),
        repeat_key: format!(
            "{}|{}",
            fold(&f.text),
            f.subject.as_deref().map(fold).unwrap_or_default()
        ),
        distinctive,
        sentence: f.sentence,
    }
}

/// How two values relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Rel {
    /// Nothing to say: different dimensions, or too far apart to be one quantity.
    Unrelated,
    /// Both cannot be true.
    Conflict,
    /// Both can be true ("more than 30" and 32; "December" and "23 December").
    Compatible,
    /// The same value, within rounding.
    Same,
}

/// Relative tolerance for "the same value": printed conversions are rounded ("six miles
/// (10 km)"), same-unit values only by formatting.
const SAME_TOLERANCE: f64 = 0.005;
const CONVERTED_TOLERANCE: f64 = 0.08;
/// How far an approximate value may stray ("about 5,000" and 4,700).
const APPROXIMATE_TOLERANCE: f64 = 0.15;
/// "More than N" in news copy rarely means more than twice N.
const BOUND_REACH: f64 = 2.0;

fn close(x: f64, y: f64, tol: f64) -> bool {
    (x - y).abs() <= tol * x.abs().max(y.abs()) + 1e-9
}

/// How two numbers relate given their bounds.
pub(crate) fn numeric(a: f64, ba: Bound, b: f64, bb: Bound, converted: bool) -> Rel {
    use Bound::*;
    let slack = if converted { CONVERTED_TOLERANCE } else { 0.0 };
    if close(
        a,
        b,
        if converted {
            CONVERTED_TOLERANCE
        } else {
            SAME_TOLERANCE
        },
    ) {
        // "some 60,000" is 60,000; "at least 6" is only compatible with 6
        let hedged = |x: Bound| matches!(x, Exact | Approximate);
        return if ba == bb || (hedged(ba) && hedged(bb)) {
            Rel::Same
        } else {
            Rel::Compatible
        };
    }
    let within = |x: f64, lo: f64, hi: f64| x >= lo * (1.0 - slack) && x <= hi * (1.0 + slack);
    let ok = match (ba, bb) {
        (Exact, Exact) => false,
        (Approximate, Exact) | (Exact, Approximate) | (Approximate, Approximate) => {
            close(a, b, APPROXIMATE_TOLERANCE + slack)
        }
        (Lower, Exact | Approximate) => within(b, a, a * BOUND_REACH),
        (Exact | Approximate, Lower) => within(a, b, b * BOUND_REACH),
        (Upper, Exact | Approximate) => within(b, a / BOUND_REACH, a),
        (Exact | Approximate, Upper) => within(a, b / BOUND_REACH, b),
        (Lower, Upper) => a < b,
        (Upper, Lower) => b < a,
        (Lower, Lower) | (Upper, Upper) => false,
    };
    if ok { Rel::Compatible } else { Rel::Conflict }
}

fn date_rel(a: &DateParts, b: &DateParts) -> Rel {
    let mut common = 0;
    for (x, y) in [
        (a.year.map(|v| v as i64), b.year.map(|v| v as i64)),
        (a.month.map(i64::from), b.month.map(i64::from)),
        (a.day.map(i64::from), b.day.map(i64::from)),
        (a.weekday().map(i64::from), b.weekday().map(i64::from)),
    ] {
        if let (Some(x), Some(y)) = (x, y) {
            if x != y {
                return Rel::Conflict;
            }
            common += 1;
        }
    }
    if common == 0 {
        Rel::Unrelated
    } else if a == b {
        Rel::Same
    } else {
        Rel::Compatible
    }
}

/// The largest ratio between two values still worth calling a disagreement.
const CONFLICT_REACH: f64 = 4.0;

/// How two facts' values relate (not their subjects).
pub(crate) fn relate(a: &FactKey, b: &FactKey) -> Rel {
    if a.class != b.class {
        return Rel::Unrelated;
    }
    match a.class {
        Class::Named => {
            if a.name.is_some() && a.name == b.name {
                Rel::Same
            } else if a.place != b.place || a.name.is_none() || b.name.is_none() {
                Rel::Unrelated
            } else if a.place {
                // two places of one kind (both unknown to the gazetteer: towns, or the
                // same kind of entry) can be two accounts of where something happened
                let kind = |k: &FactKey| crate::gazetteer::place_kind(&k.text);
                if kind(a) == kind(b) {
                    Rel::Conflict
                } else {
                    Rel::Unrelated
                }
            } else if one_word_apart(&a.name_keys, &b.name_keys) {
                Rel::Conflict
            } else {
                Rel::Unrelated
            }
        }
        Class::Date => {
            if a.date.is_empty() || b.date.is_empty() {
                if fold(&a.text) == fold(&b.text) {
                    Rel::Same
                } else {
                    Rel::Unrelated
                }
            } else {
                date_rel(&a.date, &b.date)
            }
        }
        Class::Measure => {
            let mut best = Rel::Unrelated;
            for x in &a.values {
                for y in &b.values {
                    if x.dimension != y.dimension {
                        continue;
                    }
                    let hi = x.base.max(y.base);
                    let lo = x.base.min(y.base);
                    let rel = numeric(x.base, a.bound, y.base, b.bound, x.unit != y.unit);
                    let rel = if rel == Rel::Conflict && lo * CONFLICT_REACH < hi {
                        Rel::Unrelated
                    } else {
                        rel
                    };
                    best = best.max(rel);
                }
            }
            best
        }
    }
}

/// Two names of three or more words that differ in exactly one word, in place ("House
/// Foreign Relations Committee" / "House Foreign Affairs Committee").
fn one_word_apart(a: &[String], b: &[String]) -> bool {
    a.len() == b.len() && a.len() >= 3 && a.iter().zip(b).filter(|(x, y)| x != y).count() == 1
}

/// Subject overlap a pair needs to count as one fact, by how telling the values are.
fn shared_threshold(rel: Rel, a: &FactKey, b: &FactKey) -> f32 {
    let distinctive = a.distinctive && b.distinctive;
    match (rel, distinctive) {
        (Rel::Same, true) => 0.0,
        (Rel::Same, false) => 0.2,
        (_, true) => 0.1,
        (_, false) => 0.25,
    }
}

/// The subject overlap granted to two facts of sentences another section aligned.
const LINKED_TOPIC: f32 = 0.5;

/// Subject overlap a conflicting pair needs to be shown as a disagreement.
const DIFFERS_THRESHOLD: f32 = 0.45;
/// The same for two places, each printed by one article only: the words around them.
const PLACE_DIFFERS_THRESHOLD: f32 = 0.2;

/// Candidate pairs: facts of one dimension within reach of each other's value, dates
/// against dates, names with one key. Each list is sorted, so this is a merge, not a
/// comparison of every fact with every other.
pub(crate) struct FactJoin {
    /// (dimension, ln value, fact).
    values: Vec<(u64, f64, u32)>,
    /// (date as a sortable number, fact), sorted.
    dates: Vec<(i64, u32)>,
    names: Vec<(u64, u32)>,
}

pub(crate) fn join_lists(keys: &[FactKey]) -> FactJoin {
    let mut values = Vec::new();
    let mut dates = Vec::new();
    let mut names = Vec::new();
    for (i, k) in keys.iter().enumerate() {
        let i = i as u32;
        match k.class {
            Class::Measure => {
                for v in &k.values {
                    values.push((v.dimension, v.base.max(1e-12).ln(), i));
                }
            }
            Class::Date => dates.push((k.date.ordinal(), i)),
            Class::Named => {
                if let Some(n) = &k.name {
                    names.push((hash(n), i));
                }
            }
        }
    }
    values.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    names.sort_unstable();
    dates.sort_unstable();
    FactJoin {
        values,
        dates,
        names,
    }
}

/// Date pairs compared all against all, at most; beyond (a long timeline), each date meets
/// only the [`NEAREST_DATES`] closest dates of the other article.
const MAX_ALL_DATE_PAIRS: usize = 4096;
const NEAREST_DATES: usize = 16;
/// Values of one dimension a fact is compared with, at most (a table of figures).
const MAX_WINDOW: usize = 64;

fn candidates(l: &FactJoin, r: &FactJoin) -> Vec<(u32, u32)> {
    let reach = CONFLICT_REACH.ln() + 1e-9;
    let mut out = Vec::new();
    let b = &r.values;
    for x in &l.values {
        // the right values of this dimension, then the nearest ones within reach, on both
        // sides of this value
        let dim_lo = b.partition_point(|y| y.0 < x.0);
        let dim_hi = b.partition_point(|y| y.0 <= x.0);
        let dim = &b[dim_lo..dim_hi];
        let at = dim.partition_point(|y| y.1 < x.1);
        let below = dim[..at]
            .iter()
            .rev()
            .take_while(|y| y.1 >= x.1 - reach)
            .take(MAX_WINDOW / 2);
        let above = dim[at..]
            .iter()
            .take_while(|y| y.1 <= x.1 + reach)
            .take(MAX_WINDOW / 2);
        out.extend(below.chain(above).map(|y| (x.2, y.2)));
    }
    // dates: every pair when few (a year may differ between two accounts of one event);
    // for long timelines, only dates that share a year or lack one
    if l.dates.len() * r.dates.len() <= MAX_ALL_DATE_PAIRS {
        for &(_, i) in &l.dates {
            for &(_, j) in &r.dates {
                out.push((i, j));
            }
        }
    } else {
        // r.dates is sorted by date: each left date meets the nearest right dates
        for &(d, i) in &l.dates {
            let at = r.dates.partition_point(|x| x.0 < d);
            let lo = at.saturating_sub(NEAREST_DATES / 2);
            for &(_, j) in r.dates.iter().skip(lo).take(NEAREST_DATES) {
                out.push((i, j));
            }
        }
    }
    out.extend(super::names::join(&l.names, &r.names));
    // names: every pair when few, so that two names for one role can be told apart
    if l.names.len() * r.names.len() <= MAX_ALL_DATE_PAIRS {
        for &(_, i) in &l.names {
            for &(_, j) in &r.names {
                out.push((i, j));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The aligned facts of two articles.
pub(crate) struct FactAlignment {
    pub rows: Vec<Row>,
    pub shared: usize,
    pub differs: usize,
    pub left: usize,
    pub right: usize,
}

/// Align two articles' facts: agreeing pairs first (best first, one to one), then
/// disagreements among what is left, then what only one side states.
///
/// Two names differ only when neither article prints the other's name (`scans`: the names
/// each article prints): an article that names both places tells of two places.
pub(crate) fn align(
    lk: &[FactKey],
    rk: &[FactKey],
    lj: &FactJoin,
    rj: &FactJoin,
    scans: Option<(&NameScan, &NameScan)>,
    links: &super::quotes::Links,
) -> FactAlignment {
    let mut agree: Vec<(f32, u32, u32)> = Vec::new();
    let mut conflict: Vec<(f32, u32, u32)> = Vec::new();
    for (i, j) in candidates(lj, rj) {
        let (a, b) = (&lk[i as usize], &rk[j as usize]);
        let rel = relate(a, b);
        if rel == Rel::Unrelated {
            continue;
        }
        let mut t = a.topic.cosine(&b.topic);
        if links.contains(&(a.sentence, b.sentence)) {
            // one statement in both: its figures count the same things
            t = t.max(LINKED_TOPIC);
        }
        let same_bound = if a.bound == b.bound { 0.1 } else { 0.0 };
        match rel {
            Rel::Same | Rel::Compatible => {
                if t >= shared_threshold(rel, a, b) {
                    let base = if rel == Rel::Same { 0.5 } else { 0.3 };
                    agree.push((t + base + same_bound / 2.0, i, j));
                }
            }
            Rel::Conflict if a.class == Class::Named => {
                let Some((ls, rs)) = scans else { continue };
                let unknown = !rs.prints(&fold(&a.text)) && !ls.prints(&fold(&b.text));
                // a town needs the same surroundings; a name one word apart is telling
                let need = if a.place {
                    PLACE_DIFFERS_THRESHOLD
                } else {
                    0.0
                };
                if unknown && t >= need {
                    conflict.push((t, i, j));
                }
            }
            Rel::Conflict => {
                let need = if a.class == Class::Date { 0.1 } else { 0.0 };
                if t + same_bound >= DIFFERS_THRESHOLD + need {
                    conflict.push((t + same_bound, i, j));
                }
            }
            Rel::Unrelated => {}
        }
    }
    let by_score = |v: &mut Vec<(f32, u32, u32)>| {
        v.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    };
    by_score(&mut agree);
    by_score(&mut conflict);
    let mut lpair: Vec<Option<(u32, Status)>> = vec![None; lk.len()];
    let mut rused = vec![false; rk.len()];
    for (list, status) in [(agree, Status::Shared), (conflict, Status::Differs)] {
        for (_, i, j) in list {
            if lpair[i as usize].is_none() && !rused[j as usize] {
                lpair[i as usize] = Some((j, status));
                rused[j as usize] = true;
            }
        }
    }

    let row = |status, l: Option<&FactKey>, r: Option<&FactKey>| Row {
        status,
        left: l.map(|k| k.text.clone()),
        right: r.map(|k| k.text.clone()),
        left_sentence: l.map(|k| k.sentence),
        right_sentence: r.map(|k| k.sentence),
    };
    let (mut differs, mut shared, mut left_only, mut right_only) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    // a fact printed again (same words, same subject) is not a new row
    let mut seen_l: HashSet<&str> = HashSet::new();
    let mut seen_r: HashSet<&str> = HashSet::new();
    for (i, k) in lk.iter().enumerate() {
        if let Some((j, _)) = lpair[i] {
            seen_l.insert(&k.repeat_key);
            seen_r.insert(&rk[j as usize].repeat_key);
        }
    }
    // each bucket holds (is a place or organisation, row): figures and dates come first
    let named = |k: &FactKey| k.class == Class::Named;
    for (i, k) in lk.iter().enumerate() {
        match lpair[i] {
            Some((j, Status::Differs)) => differs.push((
                named(k),
                row(Status::Differs, Some(k), Some(&rk[j as usize])),
            )),
            Some((j, _)) => shared.push((
                named(k),
                row(Status::Shared, Some(k), Some(&rk[j as usize])),
            )),
            None => {
                if seen_l.insert(&k.repeat_key) {
                    left_only.push((named(k), row(Status::LeftOnly, Some(k), None)));
                }
            }
        }
    }
    for (j, k) in rk.iter().enumerate() {
        if !rused[j] && seen_r.insert(&k.repeat_key) {
            right_only.push((named(k), row(Status::RightOnly, None, Some(k))));
        }
    }
    let (n_shared, n_differs) = (shared.len(), differs.len());
    let (n_left, n_right) = (
        n_shared + n_differs + left_only.len(),
        n_shared + n_differs + right_only.len(),
    );
    let mut rows = Vec::with_capacity(n_left + right_only.len());
    for mut bucket in [differs, shared, left_only, right_only] {
        bucket.sort_by_key(|b| b.0);
        rows.extend(bucket.into_iter().map(|b| b.1));
    }
    FactAlignment {
        rows,
        shared: n_shared,
        differs: n_differs,
        left: n_left,
        right: n_right,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Measure;

    #[test]
    fn reads_numbers_units_and_currencies_from_words() {
        assert_eq!(
            read_measure("about 5,000 square km"),
            Some((5000.0, Some("square km".into())))
        );
        assert_eq!(read_measure("six miles"), Some((6.0, Some("miles".into()))));
        assert_eq!(
            read_measure("10 per cent"),
            Some((10.0, Some("percent".into())))
        );
        assert_eq!(read_measure("10%"), Some((10.0, Some("percent".into()))));
        assert_eq!(read_measure("$1.5bn"), Some((1.5e9, Some("USD".into()))));
        assert_eq!(read_measure("1.2 million people"), Some((1.2e6, None)));
        assert_eq!(read_measure("60,000km"), Some((60000.0, Some("km".into()))));
        assert_eq!(read_measure("no number here"), None);
    }

    #[test]
    fn numbers_relate_by_their_bounds() {
        use Bound::*;
        assert_eq!(numeric(32.0, Exact, 30.0, Lower, false), Rel::Compatible);
        assert_eq!(numeric(100.0, Lower, 120.0, Exact, false), Rel::Compatible);
        assert_eq!(numeric(6.0, Lower, 4.0, Lower, false), Rel::Conflict);
        assert_eq!(numeric(6.0, Lower, 6.0, Lower, false), Rel::Same);
        assert_eq!(
            numeric(5000.0, Approximate, 4700.0, Exact, false),
            Rel::Compatible
        );
        assert_eq!(numeric(32.0, Exact, 30.0, Exact, false), Rel::Conflict);
        assert_eq!(numeric(10.0, Upper, 12.0, Exact, false), Rel::Conflict);
        // "six miles (10 km)": 9.66 km against 10 km, once converted
        assert_eq!(numeric(9656.0, Exact, 10000.0, Exact, true), Rel::Same);
        assert_eq!(numeric(9656.0, Exact, 10000.0, Exact, false), Rel::Conflict);
    }

    #[test]
    fn iso_and_printed_dates() {
        let p = iso_parts("2013-12-23");
        assert_eq!((p.year, p.month, p.day), (Some(2013), Some(12), Some(23)));
        let p = iso_parts("--04");
        assert_eq!((p.year, p.month, p.day), (None, Some(4), None));
        let p = iso_parts("2024T10:00Z");
        assert_eq!((p.year, p.month), (Some(2024), None));
        let p = printed_parts("Sept. 11");
        assert_eq!((p.month, p.day), (Some(9), Some(11)));
        let p = printed_parts("23 December");
        assert_eq!((p.month, p.day), (Some(12), Some(23)));
        let p = printed_parts("early 2024");
        assert_eq!((p.year, p.month), (Some(2024), None));
        assert_eq!(
            date_rel(&iso_parts("2013-12-23"), &iso_parts("2013-12")),
            Rel::Compatible
        );
        assert_eq!(
            date_rel(&iso_parts("2012-05"), &iso_parts("2012-04")),
            Rel::Conflict
        );
        assert_eq!(
            date_rel(&iso_parts("2012"), &iso_parts("--04")),
            Rel::Unrelated
        );
    }

    fn article(sentences: &[&str], facts: Vec<Fact>) -> Article {
        Article {
            facts,
            ..Article::of_sentences(sentences)
        }
    }

    fn fact(
        text: &str,
        value: f64,
        unit: Option<&str>,
        subject: Option<&str>,
        sentence: usize,
    ) -> Fact {
        Fact {
            kind: if unit == Some("percent") {
                FactKind::Percent
            } else {
                FactKind::Quantity
            },
            text: text.into(),
            value: Some(value),
            unit: unit.map(Into::into),
            subject: subject.map(Into::into),
            sentence,
            ..Fact::default()
        }
    }

    fn aligned(a: &Article, b: &Article) -> Vec<(Status, Option<String>, Option<String>)> {
        let (mut ka, mut kb) = (Keys::new(a), Keys::new(b));
        let lk: Vec<FactKey> = a.facts.iter().map(|f| ka.key(f)).collect();
        let rk: Vec<FactKey> = b.facts.iter().map(|f| kb.key(f)).collect();
        align(
            &lk,
            &rk,
            &join_lists(&lk),
            &join_lists(&rk),
            None,
            &Default::default(),
        )
        .rows
        .into_iter()
        .map(|r| (r.status, r.left, r.right))
        .collect()
    }

    fn has(
        rows: &[(Status, Option<String>, Option<String>)],
        st: Status,
        l: &str,
        r: &str,
    ) -> bool {
        rows.iter().any(|(s, a, b)| {
            *s == st
                && a.as_deref().is_some_and(|a| a.contains(l))
                && b.as_deref().is_some_and(|b| b.contains(r))
        })
    }

    #[test]
    fn tolls_agree_within_bounds_and_disagree_when_both_are_floors() {
        let a = article(
            &[
                "The death toll from the ferry fire rose to at least nine on Sunday, with more than 200 others injured.",
                "Last month a landslide in the same province left 41 villagers dead.",
            ],
            vec![
                fact("at least nine", 9.0, Some("people"), Some("death toll"), 0),
                fact(
                    "more than 200 others injured",
                    200.0,
                    Some("people"),
                    Some("others injured"),
                    0,
                ),
                fact(
                    "41 villagers dead",
                    41.0,
                    Some("people"),
                    Some("villagers dead"),
                    1,
                ),
            ],
        );
        let b = article(
            &[
                "The ferry fire killed at least seven passengers and injured 230 people, the coastguard said.",
                "More than 40 people were killed in a landslide last month in the province.",
                "About 40 crew members worked on the ferry.",
            ],
            vec![
                fact(
                    "at least seven passengers",
                    7.0,
                    Some("people"),
                    Some("passengers killed"),
                    0,
                ),
                fact(
                    "230 people",
                    230.0,
                    Some("people"),
                    Some("people injured"),
                    0,
                ),
                fact(
                    "More than 40 people",
                    40.0,
                    Some("people"),
                    Some("people killed"),
                    1,
                ),
                fact(
                    "About 40 crew members",
                    40.0,
                    Some("people"),
                    Some("crew members"),
                    2,
                ),
            ],
        );
        let rows = aligned(&a, &b);
        assert!(
            has(&rows, Status::Differs, "at least nine", "at least seven"),
            "{rows:#?}"
        );
        assert!(
            has(&rows, Status::Shared, "more than 200", "230"),
            "{rows:#?}"
        );
        assert!(
            has(&rows, Status::Shared, "41 villagers", "More than 40"),
            "{rows:#?}"
        );
        assert!(
            rows.iter().any(
                |r| r.0 == Status::RightOnly && r.2.as_deref() == Some("About 40 crew members")
            ),
            "{rows:#?}"
        );
        assert_eq!(rows[0].0, Status::Differs, "disagreements come first");
    }

    #[test]
    fn units_and_wording_differences_are_one_fact() {
        let a = article(
            &[
                "The reservoir covers about 12 per cent of the valley, some 2,400 square km (927 square miles).",
                "The dam is around four miles (6 km) north of the town.",
            ],
            vec![
                fact(
                    "about 12 per cent",
                    12.0,
                    Some("percent"),
                    Some("valley"),
                    0,
                ),
                Fact {
                    alt: Some(Measure {
                        value: Some(927.0),
                        unit: Some("square miles".into()),
                    }),
                    ..fact(
                        "some 2,400 square km (927 square miles)",
                        2400.0,
                        Some("square km"),
                        None,
                        0,
                    )
                },
                fact("around four miles (6 km)", 4.0, Some("miles"), None, 1),
            ],
        );
        let b = article(
            &[
                "The reservoir now covers roughly 12% of the valley.",
                "It spans 927 square miles and lies 6 km north of the town.",
            ],
            vec![
                fact("roughly 12%", 12.0, Some("percent"), Some("valley"), 0),
                fact("927 square miles", 927.0, Some("square miles"), None, 1),
                fact("6 km", 6.0, Some("km"), None, 1),
            ],
        );
        let rows = aligned(&a, &b);
        assert!(
            has(&rows, Status::Shared, "12 per cent", "12%"),
            "{rows:#?}"
        );
        assert!(
            has(&rows, Status::Shared, "2,400 square km", "927 square miles"),
            "{rows:#?}"
        );
        assert!(
            has(&rows, Status::Shared, "four miles", "6 km"),
            "{rows:#?}"
        );
        assert_eq!(rows.len(), 3, "{rows:#?}");
    }

    #[test]
    fn dates_agree_when_one_refines_the_other_and_differ_on_one_event() {
        let date = |text: &str, iso: &str, s| Fact {
            kind: FactKind::Date,
            text: text.into(),
            date: Some(iso.into()),
            sentence: s,
            ..Fact::default()
        };
        let a = article(
            &[
                "The composer died on 3 March after a long illness.",
                "He wrote a final letter to the conservatory board in June 2019, friends say.",
            ],
            vec![
                date("3 March", "2021-03-03", 0),
                date("June 2019", "2019-06", 1),
            ],
        );
        let b = article(
            &[
                "The composer, who died in March, wrote a final letter to the conservatory board in August, the paper said.",
            ],
            vec![
                date("in March", "2021-03", 0),
                date("in August", "2019-08", 0),
            ],
        );
        let rows = aligned(&a, &b);
        assert!(
            has(&rows, Status::Shared, "3 March", "in March"),
            "{rows:#?}"
        );
        assert!(
            has(&rows, Status::Differs, "June 2019", "in August"),
            "{rows:#?}"
        );
    }

    #[test]
    fn weekdays_meet_their_weekday_and_the_full_date_they_fall_on() {
        let day = |text: &str, iso: Option<&str>, s| Fact {
            kind: FactKind::Date,
            text: text.into(),
            date: iso.map(Into::into),
            sentence: s,
            ..Fact::default()
        };
        let a = article(
            &["The council voted on Wednesday to close the bridge after a long debate."],
            vec![day("on Wednesday", None, 0)],
        );
        let b = article(
            &["Late Wednesday the council agreed to shut the bridge, and repairs start in March."],
            vec![day("Late Wednesday", None, 0)],
        );
        let rows = aligned(&a, &b);
        assert!(
            has(&rows, Status::Shared, "on Wednesday", "Late Wednesday"),
            "{rows:#?}"
        );
        // 2024-03-06 was a Wednesday, 2024-03-07 a Thursday
        let p = iso_parts("2024-03-06");
        assert_eq!(p.weekday(), Some(3));
        let wed = printed_parts("Wednesday");
        assert_eq!(date_rel(&p, &wed), Rel::Compatible);
        assert_eq!(date_rel(&iso_parts("2024-03-07"), &wed), Rel::Conflict);
        assert_eq!(date_rel(&printed_parts("Tuesday"), &wed), Rel::Conflict);
    }

    #[test]
    fn names_one_word_apart_and_two_towns_for_one_event_differ() {
        let named = |kind, text: &str, s| Fact {
            kind,
            text: text.into(),
            sentence: s,
            ..Fact::default()
        };
        let ka = |f: &Fact, words: &[&str]| {
            key_in(f, &words.iter().map(|w| w.to_string()).collect::<Vec<_>>())
        };
        let x = ka(
            &named(FactKind::Organisation, "Harbour Safety Committee", 0),
            &[],
        );
        let y = ka(
            &named(FactKind::Organisation, "Harbour Works Committee", 0),
            &[],
        );
        let z = ka(&named(FactKind::Organisation, "River Works Board", 0), &[]);
        assert_eq!(relate(&x, &y), Rel::Conflict);
        assert_eq!(relate(&x, &z), Rel::Unrelated);
        let t = ka(&named(FactKind::Place, "Eastbrook", 0), &[]);
        let u = ka(&named(FactKind::Place, "Westmoor", 0), &[]);
        assert_eq!(relate(&t, &u), Rel::Conflict);
        // a town against a country is no disagreement
        let c = ka(&named(FactKind::Place, "France", 0), &[]);
        assert_eq!(relate(&t, &c), Rel::Unrelated);
    }

    #[test]
    fn a_repeated_fact_is_listed_once_and_unrelated_values_stay_apart() {
        let a = article(
            &[
                "Ticket prices rose 3 per cent.",
                "Prices rose 3 per cent again.",
            ],
            vec![
                fact("3 per cent", 3.0, Some("percent"), Some("ticket prices"), 0),
                fact("3 per cent", 3.0, Some("percent"), Some("ticket prices"), 1),
            ],
        );
        let b = article(
            &["The team scored 3 goals."],
            vec![fact("3 goals", 3.0, Some("goals"), Some("goals"), 0)],
        );
        let rows = aligned(&a, &b);
        assert_eq!(
            rows.iter().map(|r| r.0).collect::<Vec<_>>(),
            [Status::LeftOnly, Status::RightOnly],
            "{rows:#?}"
        );
    }
}

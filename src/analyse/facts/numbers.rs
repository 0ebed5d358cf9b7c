//! Quantities: a number in digits or words, its unit or what it counts, a qualifier ("about",
//! "at least"), a range ("10 to 12 feet"), a conversion in brackets ("three miles (5 km)"),
//! money ("$240 million", "£2bn") and percentages ("10%", "10 per cent", "ten percent").
//!
//! Word lists: `assets/numbers.toml` and `assets/units.toml`.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Deserialize;

use super::dates::{self, Day};
use super::{FastMap, Phrases, Sent, is_dash, is_hyphen, lower_into, word_set};
use crate::lexicon::{asset, parse};
use crate::model::{Fact, FactKind, Measure};

#[derive(Deserialize)]
struct NumbersAsset {
    cardinals: HashMap<String, f64>,
    scales: HashMap<String, f64>,
    scale_suffixes: HashMap<String, f64>,
    collectives: HashMap<String, f64>,
    ordinals: HashMap<String, f64>,
    fractions: HashMap<String, f64>,
    vulgar_fractions: HashMap<String, f64>,
    numbers: NumbersMisc,
    qualifiers: HashMap<String, String>,
    counts: Counts,
    casualties: HashMap<String, String>,
    casualty_context: CasualtyContext,
    relative_spans: RelativeSpans,
}

#[derive(Deserialize)]
struct RelativeSpans {
    before: HashMap<String, String>,
    after: HashMap<String, String>,
}

#[derive(Deserialize)]
struct NumbersMisc {
    ordinal_suffixes: Vec<String>,
    half_words: Vec<String>,
    articles: Vec<String>,
    vague: Vec<String>,
    age_cues: Vec<String>,
    irregular_plurals: Vec<String>,
    possessives: Vec<String>,
    unit_modifiers: Vec<String>,
    negations: Vec<String>,
    spaced_suffixes: Vec<String>,
    money_nouns: Vec<String>,
    scale_fractions: Vec<String>,
}

#[derive(Deserialize)]
struct Counts {
    label_words: Vec<String>,
    phone_words: Vec<String>,
    phrase_stops: Vec<String>,
    subject_fillers: Vec<String>,
}

#[derive(Deserialize)]
struct CasualtyContext {
    auxiliaries: Vec<String>,
    verbs: Vec<String>,
    tolls: HashMap<String, String>,
    window: usize,
}

#[derive(Deserialize)]
struct UnitsAsset {
    units: Vec<UnitEntry>,
    currencies: Vec<Currency>,
}

#[derive(Deserialize)]
struct UnitEntry {
    name: String,
    kind: String,
    aliases: Vec<String>,
    #[serde(default)]
    then: Option<String>,
    #[serde(default)]
    per: Option<f64>,
    #[serde(default)]
    solid: Vec<String>,
    #[serde(default)]
    before: Vec<String>,
}

#[derive(Deserialize)]
struct Currency {
    code: String,
    signs: Vec<String>,
    words: Vec<String>,
}

/// A unit a number can carry.
pub(super) struct Unit {
    pub name: String,
    pub kind: UnitKind,
    /// A second, smaller unit that may follow ("6-foot-2"), and how many make one of this.
    then: Option<(usize, f64)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum UnitKind {
    Percent,
    Money,
    Time,
    Age,
    Measure,
}

impl UnitKind {
    /// Percentages and money are facts of their own kinds; every other unit is a quantity.
    fn fact_kind(self) -> FactKind {
        match self {
            UnitKind::Percent => FactKind::Percent,
            UnitKind::Money => FactKind::Money,
            _ => FactKind::Quantity,
        }
    }
}

struct Lexicon {
    cardinals: FastMap<String, f64>,
    scales: FastMap<String, f64>,
    suffixes: FastMap<String, f64>,
    collectives: FastMap<String, f64>,
    ordinals: FastMap<String, f64>,
    fractions: FastMap<String, f64>,
    /// "½", "¾": as printed.
    vulgar: FastMap<String, f64>,
    /// Scale abbreviations that may stand apart from the digits ("10 bln").
    spaced_suffixes: FastMap<String, ()>,
    /// Nouns after "12m" that make it money ("a 12m loss").
    money_nouns: FastMap<String, ()>,
    /// Fraction words that take a scale without an article ("half million").
    scale_fractions: FastMap<String, ()>,
    ordinal_suffixes: FastMap<String, ()>,
    half: FastMap<String, ()>,
    articles: FastMap<String, ()>,
    vague: Phrases<String>,
    age_cues: Phrases<()>,
    plurals: FastMap<String, ()>,
    qualifiers: Phrases<String>,
    labels: FastMap<String, ()>,
    phones: FastMap<String, ()>,
    stops: FastMap<String, ()>,
    fillers: FastMap<String, ()>,
    possessives: FastMap<String, ()>,
    unit_modifiers: FastMap<String, ()>,
    negations: FastMap<String, ()>,
    /// Words after "a"/"an" that make it a number: scales, collectives, "half", the second
    /// word of a vague amount ("a few"), the first word of every unit.
    after_article: FastMap<String, ()>,
    casualties: FastMap<String, String>,
    auxiliaries: FastMap<String, ()>,
    casualty_verbs: FastMap<String, ()>,
    tolls: Phrases<String>,
    toll_window: usize,
    units: Vec<Unit>,
    unit_aliases: Phrases<usize>,
    /// Unit marks written against the number, as printed ("40C").
    solid: FastMap<String, usize>,
    /// Units written before the number ("magnitude 7.8").
    prefix_units: FastMap<String, usize>,
    /// Currency signs as printed, pieces written solid: "$", "US$", "USD".
    signs: FastMap<String, usize>,
    /// The first character of every sign that is punctuation ("$" of "$", "£").
    sign_starts: FastMap<String, ()>,
    currency_words: Phrases<usize>,
    /// The unit "in" names after a number at the end of a phrase ("5 in").
    inch: Option<usize>,
    /// Words before a span of time that place it ("in", "within", "the past").
    before_span: Phrases<Step>,
    /// Words after it ("ago", "later", "from now").
    after_span: Phrases<Step>,
}

fn steps(m: &HashMap<String, String>) -> Phrases<Step> {
    let mut p = Phrases::default();
    for (k, v) in m {
        let step = match v.as_str() {
            "back" => Step::Back,
            "on" => Step::On,
            "past" => Step::Past,
            _ => Step::Next,
        };
        p.insert(k, step);
    }
    p
}

fn map(m: HashMap<String, f64>) -> FastMap<String, f64> {
    m.into_iter().map(|(k, v)| (k.to_lowercase(), v)).collect()
}

/// Build the lexicon now (see [`crate::analyse::warm_up`]).
pub(super) fn warm_up() {
    LazyLock::force(&LEX);
}

static LEX: LazyLock<Lexicon> = LazyLock::new(|| {
    let n: NumbersAsset = parse("numbers.toml", asset!("numbers.toml"));
    let u: UnitsAsset = parse("units.toml", asset!("units.toml"));
    let mut vague = Phrases::default();
    for v in &n.numbers.vague {
        vague.insert(v, v.clone());
    }
    let mut age_cues = Phrases::default();
    for a in &n.numbers.age_cues {
        age_cues.insert(a, ());
    }
    let mut qualifiers = Phrases::default();
    for (k, v) in &n.qualifiers {
        qualifiers.insert(k, v.clone());
    }
    let mut tolls = Phrases::default();
    for (k, v) in &n.casualty_context.tolls {
        tolls.insert(k, v.clone());
    }
    let mut units = Vec::new();
    let mut unit_aliases = Phrases::default();
    let mut solid = FastMap::default();
    let mut prefix_units = FastMap::default();
    for e in &u.units {
        let kind = match e.kind.as_str() {
            "percent" => UnitKind::Percent,
            "time" => UnitKind::Time,
            "age" => UnitKind::Age,
            _ => UnitKind::Measure,
        };
        let index = units.len();
        units.push(Unit {
            name: e.name.clone(),
            kind,
            then: None,
        });
        for a in &e.aliases {
            unit_aliases.insert(a, index);
        }
        for m in &e.solid {
            solid.insert(m.clone(), index);
        }
        for m in &e.before {
            prefix_units.insert(m.to_lowercase(), index);
        }
    }
    // resolve "then" (feet → inches) once every unit is known
    for (i, e) in u.units.iter().enumerate() {
        if let (Some(then), Some(per)) = (&e.then, e.per)
            && let Some(j) = units.iter().position(|x| &x.name == then)
        {
            units[i].then = Some((j, per));
        }
    }
    let mut signs = FastMap::default();
    let mut currency_words = Phrases::default();
    for c in &u.currencies {
        let index = units.len();
        units.push(Unit {
            name: c.code.clone(),
            kind: UnitKind::Money,
            then: None,
        });
        for s in &c.signs {
            signs.entry(s.clone()).or_insert(index);
        }
        for w in &c.words {
            currency_words.insert(w, index);
        }
    }
    let mut after_article: FastMap<String, ()> = FastMap::default();
    for w in n
        .scales
        .keys()
        .chain(n.collectives.keys())
        .chain(&n.numbers.half_words)
    {
        after_article.insert(w.to_lowercase(), ());
    }
    for v in &n.numbers.vague {
        let mut words = v.split(' ');
        if words
            .next()
            .is_some_and(|w| n.numbers.articles.contains(&w.to_owned()))
            && let Some(second) = words.next()
        {
            after_article.insert(second.to_owned(), ());
        }
    }
    after_article.extend(unit_aliases.first_words().map(|w| (w.to_owned(), ())));
    after_article.extend(n.fractions.keys().map(|w| (w.to_lowercase(), ())));
    let sign_starts = signs
        .keys()
        .flat_map(|k| k.chars().filter(|c| !c.is_alphanumeric()).take(1))
        .map(|c| (c.to_string(), ()))
        .collect();
    Lexicon {
        sign_starts,
        cardinals: map(n.cardinals),
        scales: map(n.scales),
        suffixes: map(n.scale_suffixes),
        collectives: map(n.collectives),
        ordinals: map(n.ordinals),
        fractions: map(n.fractions),
        vulgar: n.vulgar_fractions.into_iter().collect(),
        spaced_suffixes: word_set(&n.numbers.spaced_suffixes),
        money_nouns: word_set(&n.numbers.money_nouns),
        scale_fractions: word_set(&n.numbers.scale_fractions),
        ordinal_suffixes: word_set(&n.numbers.ordinal_suffixes),
        half: word_set(&n.numbers.half_words),
        articles: word_set(&n.numbers.articles),
        vague,
        age_cues,
        plurals: word_set(&n.numbers.irregular_plurals),
        qualifiers,
        labels: word_set(&n.counts.label_words),
        phones: word_set(&n.counts.phone_words),
        stops: word_set(&n.counts.phrase_stops),
        fillers: word_set(&n.counts.subject_fillers),
        possessives: word_set(&n.numbers.possessives),
        unit_modifiers: word_set(&n.numbers.unit_modifiers),
        negations: word_set(&n.numbers.negations),
        after_article,
        casualties: n
            .casualties
            .into_iter()
            .map(|(k, v)| (k.to_lowercase(), v))
            .collect(),
        auxiliaries: word_set(&n.casualty_context.auxiliaries),
        casualty_verbs: word_set(&n.casualty_context.verbs),
        tolls,
        toll_window: n.casualty_context.window,
        unit_aliases,
        solid,
        prefix_units,
        inch: units.iter().position(|u| u.name == "inches"),
        before_span: steps(&n.relative_spans.before),
        after_span: steps(&n.relative_spans.after),
        units,
        signs,
        currency_words,
    }
});

/// A cardinal or ordinal number word ("six", "Twenty", "ninth"), any case.
pub(super) fn is_number_word(w: &str) -> bool {
    let lower;
    let w = if w.bytes().any(|b| b.is_ascii_uppercase()) {
        lower = w.to_ascii_lowercase();
        lower.as_str()
    } else {
        w
    };
    LEX.cardinals.contains_key(w) || LEX.ordinals.contains_key(w)
}

/// The value of an ordinal word ("first" → 1, "fifteenth" → 15).
pub(super) fn ordinal_value(w: &str) -> Option<f64> {
    LEX.ordinals.get(w).copied()
}

/// A whole number in words at piece `i` ("three", "twenty-one"): value and piece after.
pub(super) fn word_value(s: &Sent<'_>, i: usize) -> Option<(f64, usize)> {
    if !s.is_word(i) || !LEX.cardinals.contains_key(s.l(i)) {
        return None;
    }
    word_number(s, i, 0.0).and_then(|n| n.value.map(|v| (v, n.end)))
}

/// "3/4", "1/8": a fraction, not a date.
pub(super) fn is_slash_fraction(s: &Sent<'_>, i: usize) -> bool {
    slash_fraction(s, i).is_some()
}

/// Add the lower-case words that can begin a number to `out`.
pub(super) fn trigger_words(out: &mut FastMap<String, ()>) {
    let lex = &*LEX;
    for m in [&lex.cardinals, &lex.ordinals] {
        out.extend(m.keys().map(|k| (k.clone(), ())));
    }
    for m in [&lex.articles, &lex.half] {
        out.extend(m.keys().map(|k| (k.clone(), ())));
    }
    out.extend(lex.vague.first_words().map(|k| (k.to_owned(), ())));
    out.extend(lex.vulgar.keys().map(|k| (k.clone(), ())));
    out.extend(lex.scale_fractions.keys().map(|k| (k.clone(), ())));
    // the first piece of a currency sign written as a word ("usd", "us" of "US$")
    for sign in lex.signs.keys() {
        let word: String = sign.chars().take_while(|c| c.is_alphanumeric()).collect();
        if !word.is_empty() {
            out.insert(word.to_lowercase(), ());
        }
    }
}

/// Could punctuation `t` begin a sum of money ("$", "£", "€")?
pub(super) fn may_start_money(t: &str) -> bool {
    LEX.sign_starts.contains_key(t)
}

/// A function word, auxiliary or common adverb (any case): never part of a name or of what a
/// number counts.
pub(super) fn is_stop(w: &str) -> bool {
    let mut buf = [0u8; 32];
    lower_into(w, &mut buf).is_some_and(|l| LEX.stops.contains_key(l))
}

/// Every stop word (lower case).
pub(super) fn stop_words() -> impl Iterator<Item = &'static str> {
    LEX.stops.keys().map(String::as_str)
}

/// A number as printed: pieces `start..end`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Num {
    pub start: usize,
    pub end: usize,
    pub value: Option<f64>,
    /// A vague amount ("tens of thousands"): no value.
    pub vague: Option<&'static str>,
    /// Written in words ("six", "a dozen").
    pub word: bool,
    /// The article "a"/"an" alone, which counts only before a unit ("for over a year").
    pub article: bool,
    /// The scale word or suffix that ended the number ("million" of "2.5 million"): a
    /// range's first end shares it ("two to three million").
    pub scale: Option<f64>,
}

impl Num {
    /// "one" or "a": a number only where a unit or a casualty word follows.
    fn is_weak_one(&self) -> bool {
        self.article || (self.word && self.value == Some(1.0))
    }
}

/// Parse "60,000", "1.5", "2025" (commas dropped).
pub(super) fn digits_value(t: &str) -> Option<f64> {
    if t.contains(',') {
        t.replace(',', "").parse().ok()
    } else {
        t.parse().ok()
    }
}

/// The number starting at piece `i`, if any. `money`: a currency sign precedes, so an
/// attached "m" is million, not metres.
pub(super) fn parse_num(s: &Sent<'_>, i: usize, money: bool) -> Option<Num> {
    let mut n = parse_base(s, i, money)?;
    if n.vague.is_some() {
        return Some(n);
    }
    if n.article {
        // "a fifth", "a half", "a quarter million"
        return Some(article_fraction(s, &n).unwrap_or(n));
    }
    extend(s, &mut n);
    Some(n)
}

/// The value of a scale word, singular or plural ("million", "billions", "lakh").
fn scale_of(w: &str) -> Option<f64> {
    let lex = &*LEX;
    lex.scales
        .get(w)
        .or_else(|| w.strip_suffix('s').and_then(|x| lex.scales.get(x)))
        .copied()
}

/// A scale abbreviation at piece `end` after the digits before it ("40m", "$5bn", "12k",
/// "1.2M", "10 bln"): its multiplier. A lower-case "m" is metres unless money or a plural
/// noun or a money noun follows ("a 12m loss"); "mm" is millimetres.
fn suffix_at(s: &Sent<'_>, end: usize, money: bool) -> Option<f64> {
    let lex = &*LEX;
    if !s.is_word(end) {
        return None;
    }
    let (t, w) = (s.t(end), s.l(end));
    if !s.attached(end) {
        // "10 bln", "2.33 k": spelt-out abbreviations stand apart too
        let &m = lex.suffixes.get(w)?;
        let alone = !s.is_word(end + 1) && !s.is_number(end + 1);
        return (lex.spaced_suffixes.contains_key(w) && (w != "k" || alone)).then_some(m);
    }
    if t == "MM" {
        return Some(1e6);
    }
    if w == "mm" {
        return None;
    }
    let &m = lex.suffixes.get(w)?;
    let next = s.l(end + 1);
    let noun_after =
        s.is_word(end + 1) && (looks_plural(next) || lex.money_nouns.contains_key(next));
    (money || w.len() > 1 || matches!(w, "k" | "b") || t == "M" || noun_after).then_some(m)
}

/// A decimal written without its leading zero (".08"): its value, from the number at `i`.
fn bare_decimal(s: &Sent<'_>, i: usize) -> Option<f64> {
    let t = s.t(i);
    (i > 0
        && s.t(i - 1) == "."
        && s.attached(i)
        && (i == 1 || !s.attached(i - 1))
        && t.bytes().all(|b| b.is_ascii_digit()))
    .then(|| format!("0.{t}").parse().ok())
    .flatten()
}

/// "a fifth", "a half", "a quarter of", "a quarter million": the article as a fraction. A
/// singular ordinal after "a" is a rank ("a third term") unless "of", a scale, a unit or
/// the end follows.
fn article_fraction(s: &Sent<'_>, n: &Num) -> Option<Num> {
    let lex = &*LEX;
    let k = n.start + 1;
    let &d = lex.fractions.get(s.l(k))?;
    let next = s.l(k + 1);
    let free = lex.half.contains_key(s.l(k));
    let ok = free
        || next == "of"
        || !s.is_word(k + 1) && !s.is_number(k + 1)
        || scale_of(next).is_some()
        || unit_at(s, k + 1).is_some();
    if !ok {
        return None;
    }
    let mut f = Num {
        start: n.start,
        end: k + 1,
        value: Some(1.0 / d),
        vague: None,
        word: true,
        article: false,
        scale: None,
    };
    scale_after(s, &mut f);
    Some(f)
}

/// A scale after a fraction ("a quarter million", "two thirds of a million").
fn scale_after(s: &Sent<'_>, n: &mut Num) {
    let lex = &*LEX;
    let (mut k, mut of) = (n.end, false);
    if s.l(k) == "of" && lex.articles.contains_key(s.l(k + 1)) {
        k += 2;
        of = true;
    }
    if s.is_word(k)
        && let Some(m) = scale_of(s.l(k))
        && (of || m >= 1e3)
    {
        n.value = n.value.map(|v| v * m);
        n.scale = Some(m);
        n.end = k + 1;
    }
}

/// What may follow a number and change its value: a fraction ("two thirds", "2 1/4", "7
/// ¾"), "and a half", a decimal in words ("five point five"), an exponent ("1.3e6"), a
/// scale after them ("one and a half million").
fn extend(s: &Sent<'_>, n: &mut Num) {
    let lex = &*LEX;
    let Some(v) = n.value else { return };
    let e = n.end;
    // "2½", "2 ½"
    if s.is_word(e)
        && let Some(&f) = lex.vulgar.get(s.t(e))
    {
        n.value = Some(v + f);
        n.end = e + 1;
        return;
    }
    // "3/4", "2 1/4", "20/100"
    if !n.word && n.scale.is_none() {
        if let Some((f, fe)) = slash_fraction(s, n.start) {
            n.value = Some(f);
            n.end = fe;
            return;
        }
        if s.is_number(e)
            && !s.attached(e)
            && v.fract() == 0.0
            && let Some((f, fe)) = slash_fraction(s, e)
            && f < 1.0
        {
            n.value = Some(v + f);
            n.end = fe;
            return;
        }
    }
    // "two thirds", "five eighths", "one fifth"
    if n.word
        && n.scale.is_none()
        && let Some(&d) = lex.fractions.get(s.l(e))
        && !s.attached(e)
    {
        let plural = s.l(e).ends_with('s');
        let one = v == 1.0;
        let next = s.l(e + 1);
        let ends = next == "of" || !s.is_word(e + 1) && !s.is_number(e + 1);
        if (plural && !one) || (one && !plural && (ends || lex.half.contains_key(s.l(e)))) {
            n.value = Some(v / d);
            n.end = e + 1;
            scale_after(s, n);
            return;
        }
    }
    // "one and a half", "five and a quarter", "3 million and a half", "two and three quarters"
    if s.l(e) == "and" {
        let (num, k) = if lex.articles.contains_key(s.l(e + 1)) {
            (1.0, e + 2)
        } else if let Some(&c) = lex.cardinals.get(s.l(e + 1)) {
            (c, e + 2)
        } else {
            (0.0, e)
        };
        if k > e
            && let Some(&d) = lex.fractions.get(s.l(k))
            && (num == 1.0) != s.l(k).ends_with('s')
            && num < d
        {
            let m = n.scale.unwrap_or(1.0);
            n.value = Some(v + num / d * m);
            n.end = k + 1;
            if n.scale.is_none() {
                scale_after_plain(s, n);
            }
            return;
        }
    }
    // "five point five", "two point two million", "1 point 1"
    if s.l(e) == "point" && n.scale.is_none() && v.fract() == 0.0 {
        let digits = if s.is_number(e + 1) && s.t(e + 1).bytes().all(|b| b.is_ascii_digit()) {
            Some((s.t(e + 1).to_owned(), e + 2))
        } else {
            decimal_words(s, e + 1)
        };
        if let Some((d, de)) = digits
            && let Ok(f) = format!("0.{d}").parse::<f64>()
        {
            n.value = Some(v + f);
            n.end = de;
            scale_after_plain(s, n);
            return;
        }
    }
    // "1e10", "1.3e6", "12.32e+14", "-12e-1"
    if !n.word && s.attached(e) && s.is_word(e) {
        let w = s.l(e);
        let exp = if w == "e" && matches!(s.t(e + 1), "+" | "-") && s.attached(e + 1) {
            s.is_number(e + 2)
                .then(|| s.t(e + 2).parse::<i32>().ok().map(|x| (x, e + 3)))
                .flatten()
                .map(|(x, end)| {
                    if s.t(e + 1) == "-" {
                        (-x, end)
                    } else {
                        (x, end)
                    }
                })
        } else {
            w.strip_prefix('e')
                .and_then(|x| x.parse::<i32>().ok())
                .map(|x| (x, e + 1))
        };
        if let Some((x, end)) = exp
            && x.abs() <= 30
        {
            n.value = Some(v * 10f64.powi(x));
            n.end = end;
        }
    }
}

/// A scale straight after a number ("one and a half million").
fn scale_after_plain(s: &Sent<'_>, n: &mut Num) {
    if s.is_word(n.end)
        && let Some(m) = scale_of(s.l(n.end))
    {
        n.value = n.value.map(|v| v * m);
        n.scale = Some(m);
        n.end += 1;
    }
}

/// Digits said one by one or as a number after "point": "five" → "5", "seventy-one" → "71",
/// "five five" → "55".
fn decimal_words(s: &Sent<'_>, i: usize) -> Option<(String, usize)> {
    let lex = &*LEX;
    let mut out = String::new();
    let mut k = i;
    while let Some(&c) = lex.cardinals.get(s.l(k)) {
        if c >= 20.0
            && c % 10.0 == 0.0
            && is_hyphen(s.t(k + 1))
            && s.attached(k + 1)
            && let Some(&u) = lex.cardinals.get(s.l(k + 2)).filter(|&&u| u < 10.0)
        {
            out.push_str(&format!("{}", c + u));
            k += 3;
            continue;
        }
        out.push_str(&format!("{c}"));
        k += 1;
    }
    (!out.is_empty()).then_some((out, k))
}

/// "3/4", "1/8", "20/100" at piece `i`: a fraction where the denominator is one fractions
/// are written in and the numerator is smaller; not a date ("2/15") or a score.
fn slash_fraction(s: &Sent<'_>, i: usize) -> Option<(f64, usize)> {
    if !(s.is_number(i)
        && s.t(i + 1) == "/"
        && s.attached(i + 1)
        && s.attached(i + 2)
        && s.is_number(i + 2))
        || (s.t(i + 3) == "/" && s.attached(i + 3))
        || (i >= 1 && s.t(i - 1) == "/" && s.attached(i))
    {
        return None;
    }
    let (a, b): (u32, u32) = (s.t(i).parse().ok()?, s.t(i + 2).parse().ok()?);
    (a < b && matches!(b, 2 | 3 | 4 | 5 | 6 | 8 | 10 | 16 | 32 | 64 | 100 | 1000))
        .then(|| (f64::from(a) / f64::from(b), i + 3))
}

/// The number itself: digits with a scale or suffix, a vague amount, the article, number
/// words.
fn parse_base(s: &Sent<'_>, i: usize, money: bool) -> Option<Num> {
    let lex = &*LEX;
    if s.is_number(i) {
        let mut value = bare_decimal(s, i).map_or_else(|| digits_value(s.t(i)), Some)?;
        let mut start = i;
        if value < 1.0 && bare_decimal(s, i).is_some() {
            start = i - 1;
        }
        let mut end = i + 1;
        let mut scale = None;
        // "1 234 567", "40 000": thousands grouped by spaces
        let t = s.t(i);
        if t.len() <= 3 && !t.starts_with('0') && t.bytes().all(|b| b.is_ascii_digit()) {
            while s.is_number(end)
                && !s.attached(end)
                && s.t(end).len() == 3
                && s.t(end).bytes().all(|b| b.is_ascii_digit())
                && !(s.t(end + 1) == "/" && s.attached(end + 1))
            {
                value = value * 1000.0 + digits_value(s.t(end))?;
                end += 1;
            }
        }
        // "$1.5-billion"
        if is_hyphen(s.t(end))
            && s.attached(end)
            && s.attached(end + 1)
            && lex.scales.contains_key(s.l(end + 1))
            && lex.scales.get(s.l(end + 1)).is_some_and(|&m| m >= 1e6)
        {
            end += 1;
        }
        if s.is_word(end) {
            let w = s.l(end);
            if let Some(m) = scale_of(w).or_else(|| lex.collectives.get(w).copied()) {
                value *= m;
                end += 1;
                scale = Some(m);
                // "4 thousand 3 hundred and 21"
                if let Some(more) = word_number(s, end, 0.0)
                    .filter(|n| n.value.is_some_and(|x| x < m) && n.scale.is_some_and(|x| x < m))
                {
                    value += more.value.unwrap_or(0.0);
                    end = more.end;
                    scale = more.scale;
                }
            } else if let Some(m) = suffix_at(s, end, money) {
                // "£40m", "$50k", "2bn", "1.8m cars"; but "a 100m sprint" is metres
                value *= m;
                end += 1;
                scale = Some(m);
            }
        }
        return Some(Num {
            start,
            end,
            value: Some(value),
            vague: None,
            word: false,
            article: false,
            scale,
        });
    }
    if !s.is_word(i) {
        return None;
    }
    let w = s.l(i);
    if let Some((v, end)) = lex.vague.at(s, i) {
        return Some(Num {
            start: i,
            end,
            value: None,
            vague: Some(v.as_str()),
            word: true,
            article: false,
            scale: None,
        });
    }
    let words = |value: f64, end: usize, article: bool| Num {
        start: i,
        end,
        value: Some(value),
        vague: None,
        word: true,
        article,
        scale: None,
    };
    if lex.articles.contains_key(w) {
        let n = s.l(i + 1);
        if lex.half.contains_key(n)
            && let Some(&m) = lex.scales.get(s.l(i + 2))
        {
            return Some(words(0.5 * m, i + 3, false));
        }
        if lex.scales.contains_key(n) || lex.collectives.contains_key(n) {
            // "a hundred", "a dozen", "a thousand two hundred"
            return word_number(s, i + 1, 1.0).map(|mut n| {
                n.start = i;
                n
            });
        }
        return Some(words(1.0, i + 1, true));
    }
    if let Some(&f) = lex.vulgar.get(s.t(i)) {
        return Some(words(f, i + 1, false));
    }
    if lex.scale_fractions.contains_key(w)
        && let Some(&d) = lex.fractions.get(w)
        && let Some(m) = scale_of(s.l(i + 1)).filter(|&m| m >= 1e3)
    {
        // "half million", "quarter million"
        let mut n = words(m / d, i + 2, false);
        n.scale = Some(m);
        return Some(n);
    }
    if lex.half.contains_key(w) && lex.articles.contains_key(s.l(i + 1)) {
        let n = s.l(i + 2);
        if let Some(&m) = lex.scales.get(n).or_else(|| lex.collectives.get(n)) {
            return Some(words(0.5 * m, i + 3, false));
        }
        return None;
    }
    word_number(s, i, 0.0)
}

/// Number words from piece `i`: "six", "twenty-five", "two hundred and fifty", "two
/// million", "a dozen" (with `current` 1 for the article).
fn word_number(s: &Sent<'_>, i: usize, start_current: f64) -> Option<Num> {
    let lex = &*LEX;
    let mut total = 0.0;
    let mut current = start_current;
    let mut any = start_current > 0.0;
    let mut k = i;
    let mut end = i;
    // what the last word was: 0 none, 1 units/teens, 2 tens, 3 scale
    let mut last = if any { 1 } else { 0 };
    let mut last_scale = None;
    loop {
        let w = s.l(k);
        // digits after a scale word: "4 thousand 3 hundred and 21"
        let digits = (last == 3 && s.is_number(k))
            .then(|| digits_value(s.t(k)))
            .flatten()
            .filter(|v| v.fract() == 0.0 && *v < 1000.0);
        if let Some(v) = digits {
            current += v;
            last = 1;
            k += 1;
            end = k;
            continue;
        }
        if !(s.is_word(k) || any && is_hyphen(s.t(k))) {
            break;
        }
        if let Some(&v) = lex.cardinals.get(w) {
            let ok = last == 0 || last == 3 || (last == 2 && v < 10.0);
            if !ok {
                break;
            }
            current += v;
            last = if v >= 20.0 { 2 } else { 1 };
            any = true;
            k += 1;
            end = k;
        } else if any && let Some(m) = scale_of(w) {
            if m == 100.0 {
                current = current.max(1.0) * 100.0;
            } else {
                total += current.max(1.0) * m;
                current = 0.0;
            }
            last = 3;
            last_scale = Some(m);
            k += 1;
            end = k;
        } else if any && let Some(&m) = lex.collectives.get(w) {
            // "two dozen", "a dozen", "three dozens"
            current = current.max(1.0) * m;
            last = 3;
            last_scale = Some(m);
            k += 1;
            end = k;
        } else if any
            && last == 3
            && w == "and"
            && (lex.cardinals.contains_key(s.l(k + 1)) || s.is_number(k + 1))
            && (current > 0.0 || and_ends_number(s, k + 1))
        {
            // "two hundred and fifty", "a million and one", "two thousand and two hundred";
            // not "two million and six people"
            k += 1;
        } else if any && is_hyphen(s.t(k)) && s.attached(k) && s.attached(k + 1) {
            // "twenty-five": only between number words
            if lex.cardinals.contains_key(s.l(k + 1)) && last == 2 {
                k += 1;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    any.then_some(Num {
        start: i,
        end,
        value: Some(total + current),
        vague: None,
        word: true,
        article: false,
        scale: last_scale,
    })
}

/// After "and" in "a million and one": the number that follows ends the sentence or takes a
/// smaller scale ("two thousand and two hundred").
fn and_ends_number(s: &Sent<'_>, k: usize) -> bool {
    let mut j = k;
    while s.is_word(j) && LEX.cardinals.contains_key(s.l(j)) || is_hyphen(s.t(j)) {
        j += 1;
    }
    if s.is_number(j - 1) || j == k {
        j = k + 1;
    }
    !s.is_word(j) && !s.is_number(j) || s.l(j) == "hundred"
}

/// A unit (alias, currency word) starting at piece `j`; single-letter aliases only written
/// against the number.
fn unit_at(s: &Sent<'_>, j: usize) -> Option<(usize, usize)> {
    let lex = &*LEX;
    if s.attached(j)
        && let Some(&u) = lex.solid.get(s.t(j))
    {
        return Some((u, j + 1));
    }
    if let Some((&u, end)) = lex.unit_aliases.at(s, j)
        && (s.l(j).len() > 1 || s.attached(j) || !s.is_word(j) || stands_alone(s, end))
    {
        return Some((u, end));
    }
    if let Some((&u, end)) = lex.currency_words.at(s, j)
        && (s.l(j).chars().count() > 1 || s.attached(j))
    {
        return Some((u, end));
    }
    // "5 in" at the end of a phrase: inches ("5 in 10" is not)
    if s.l(j) == "in"
        && stands_alone(s, j + 1)
        && let Some(&u) = lex.inch.as_ref()
    {
        return Some((u, j + 1));
    }
    // a currency sign after the number: "10 $", "20€", "42 RM"; not the sign of the next
    // number ("10 $30")
    if let Some((u, end)) = sign_at(s, j)
        && !(s.is_number(end) && s.attached(end))
        && (s.attached(j) || !s.is_word(j) || s.t(j).len() > 1)
    {
        return Some((u, end));
    }
    None
}

/// A one-letter unit written apart from its number stands at the end of the phrase: "2 l",
/// "1 m x 1 m", "100 g of sugar"; not "5 m people", "1 a".
fn stands_alone(s: &Sent<'_>, end: usize) -> bool {
    (!s.is_word(end) && !s.is_number(end) && !matches!(s.t(end), "'" | "\u{2019}"))
        || matches!(s.l(end), "of" | "x" | "and" | "or" | "by")
}

/// A unit, currency word or scale word at piece `j` ("%", "km", "euros", "million").
pub(super) fn unit_or_scale_at(s: &Sent<'_>, j: usize) -> bool {
    unit_at(s, j).is_some() || (s.is_word(j) && LEX.scales.contains_key(s.l(j)))
}

/// A currency sign at piece `i` ("$", "US$", "£", "USD"): the unit and the piece after it.
fn sign_at(s: &Sent<'_>, i: usize) -> Option<(usize, usize)> {
    let lex = &*LEX;
    if s.attached(i + 1) && i + 1 < s.len() {
        let solid = s.span(i, i + 2);
        if let Some(&u) = lex.signs.get(solid) {
            return Some((u, i + 2));
        }
    }
    if let Some(&u) = lex.signs.get(s.t(i)) {
        return Some((u, i + 1));
    }
    // a code in lower case ("usd 20", "rmb 10"), where the code is also a currency word
    let t = s.t(i);
    if t.len() == 3
        && t.bytes().all(|b| b.is_ascii_lowercase())
        && lex.currency_words.get(t).is_some()
    {
        return lex.signs.get(&t.to_ascii_uppercase()).map(|&u| (u, i + 1));
    }
    None
}

/// Could the plain four-digit number at `i` be a count rather than a year? A currency sign
/// or qualifier before it, or a unit or plural noun after it ("2000 troops").
pub(super) fn looks_like_count(s: &Sent<'_>, i: usize) -> bool {
    let lex = &*LEX;
    if i > 0 && (sign_at(s, i - 1).is_some() || lex.qualifiers.before(s, i).is_some()) {
        return true;
    }
    let j = i + 1;
    if unit_at(s, j).is_some_and(|(u, _)| lex.units[u].kind != UnitKind::Time) {
        return true;
    }
    if s.is_word(j) && lex.scales.contains_key(s.l(j)) {
        return true;
    }
    if s.is_word(j) && !s.cap(j) && !dates::is_preposition(s.l(i.wrapping_sub(1))) {
        let w = s.l(j);
        return looks_plural(w) && !lex.stops.contains_key(w);
    }
    false
}

fn looks_plural(w: &str) -> bool {
    if LEX.plurals.contains_key(w) || w.ends_with("men") || w.ends_with("people") {
        return true;
    }
    w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !w.ends_with("'s")
}

/// Recognise a quantity at piece `i`. Returns the piece after what was consumed (also for
/// numbers that are skipped as labels or ordinals), or `None` when no number starts here.
pub(super) fn at(
    s: &Sent<'_>,
    i: usize,
    today: Option<Day>,
    out: &mut Vec<(u32, Fact)>,
) -> Option<usize> {
    let lex = &*LEX;
    // the article is a number only before a scale, "half", "dozen", "few" or a unit
    if lex.articles.contains_key(s.l(i)) && !lex.after_article.contains_key(s.l(i + 1)) {
        return None;
    }
    let mut start = i;
    let mut currency = None;
    let num_at = if let Some((u, after)) = sign_at(s, i) {
        currency = Some(u);
        after
    } else {
        i
    };
    let num = parse_num(s, num_at, currency.is_some())?;
    if currency.is_some() && num.word && num.vague.is_none() && !s.is_number(num_at) {
        // "$ six" is not how money is written
        return None;
    }

    // an ordinal is a rank, not an amount (dates handled "fifth year" already)
    if num.end == num.start + 1
        && !num.word
        && s.attached(num.end)
        && is_ordinal_suffix(s.l(num.end))
    {
        return Some(num.end + 1);
    }
    if currency.is_none() && is_label(s, num.start) {
        return Some(skip_label(s, num.end));
    }
    if let Some(end) = code_run(s, num.start) {
        return Some(end);
    }
    if num.word
        && is_hyphen(s.t(num.end))
        && s.attached(num.end)
        && let Some(&d) = lex.fractions.get(s.l(num.end + 1))
    {
        return Some(fraction(s, start, &num, d, out));
    }

    let mut f = Fact {
        kind: FactKind::Quantity,
        value: num.value,
        qualifier: num.vague.map(str::to_owned),
        sentence: s.index,
        ..Fact::default()
    };
    let mut end = num.end;
    // "-5C", "fell to −12": a minus sign written against the digits, after a space
    if currency.is_none()
        && !num.word
        && num.start > 0
        && matches!(s.t(num.start - 1), "-" | "\u{2212}")
        && s.attached(num.start)
        && (num.start == 1 || !s.attached(num.start - 1))
    {
        f.value = num.value.map(|v| -v);
        start = num.start - 1;
    }
    let mut signed = false;
    if !num.article && start > 0 && lex.negations.contains_key(s.l(start - 1)) {
        // "minus 5C", "negative one"
        f.value = num.value.map(|v| -v);
        start -= 1;
        signed = true;
    }
    // "one in five adults": a share
    if s.l(num.end) == "in"
        && num.vague.is_none()
        && !num.article
        && let Some(den) = parse_num(s, num.end + 1, false).filter(|d| {
            d.vague.is_none()
                && !d.article
                && d.value
                    .is_some_and(|v| v > 0.0 && v >= num.value.unwrap_or(0.0))
                && !(d.end == d.start + 1 && s.is_number(d.start) && s.t(d.start).len() == 4)
        })
        && unit_at(s, den.end).is_none()
    {
        return Some(share(s, start, &num, &den, out));
    }
    // "magnitude 7.8": a unit written before the number
    let mut prefix_unit = None;
    if let Some(&u) = start
        .checked_sub(1)
        .and_then(|k| lex.prefix_units.get(s.l(k)))
    {
        prefix_unit = Some(u);
        start -= 1;
    }

    // a range: "10 to 12 feet", "two to three ambulances", "six or 10", "between 20 and 30";
    // a dash between digits with a smaller second number is a score ("4-1")
    let between = num.start > 0 && s.l(num.start - 1) == "between";
    let from = num.start > 0 && s.l(num.start - 1) == "from";
    let joiner = s.l(end);
    let dash = is_dash(s.t(end)) && !num.word;
    if currency.is_none()
        && num.vague.is_none()
        && !num.article
        && !from
        && (joiner == "to" || joiner == "or" || (between && joiner == "and") || dash)
        && let Some(second) = parse_num(s, end + 1, false)
            .filter(|n| n.vague.is_none() && !n.article && (!dash || !n.word))
    {
        let (a, b) = (num.value.unwrap_or(0.0), second.value.unwrap_or(0.0));
        if dash && b < a && s.attached(end) && s.attached(end + 1) {
            f.value = None;
            f.unit = Some("score".into());
            f.text = s.span(start, second.end).to_owned();
            out.push((s.pos(start), f));
            return Some(second.end);
        }
        // "two to three million": the first end shares the scale of the second
        if let Some(m) = second.scale
            && num.scale.is_none()
            && a < b / m
        {
            f.value = Some(a * m);
        }
        if b > f.value.unwrap_or(a) {
            f.value_max = Some(b);
            end = second.end;
        }
    }

    // the unit, maybe adjectival ("300-pound", "17-year-old"); money has its sign
    let mut unit = currency.or(prefix_unit);
    let mut adjectival = false;
    if unit.is_none() {
        let hyphen = is_hyphen(s.t(end)) && s.attached(end) && s.attached(end + 1);
        let mut at = if hyphen { end + 1 } else { end };
        // "17 straight hours"
        if !hyphen && lex.unit_modifiers.contains_key(s.l(at)) && unit_at(s, at + 1).is_some() {
            at += 1;
        }
        if let Some((u, e)) = unit_at(s, at) {
            unit = Some(u);
            end = e;
            adjectival = hyphen;
        }
    }
    // "from 2 to 7 g", "2 or 3 km": the first number of a pair shares the unit of the second
    if unit.is_none()
        && end == num.end
        && (matches!(s.l(end), "to" | "and" | "or") || is_dash(s.t(end)))
        && let Some(second) =
            parse_num(s, end + 1, false).filter(|n| !n.article && n.vague.is_none())
        && let Some((u, _)) = unit_at(s, second.end)
        && lex.units[u].kind != UnitKind::Age
    {
        unit = Some(u);
    }
    // "6-foot-2", "six feet two inches"
    if let Some(u) = unit
        && let Some((small, per)) = lex.units[u].then
    {
        let mut k = end;
        if is_hyphen(s.t(k)) && s.attached(k) {
            k += 1;
        }
        if let Some(n) = parse_num(s, k, false).filter(|n| !n.article && n.vague.is_none())
            && n.value.is_some_and(|v| v < per)
        {
            let mut e = n.end;
            if let Some((u2, e2)) = unit_at(s, e)
                && u2 == small
            {
                e = e2;
            } else if s.l(e) == "in" && s.attached(e) {
                e += 1;
            }
            if e > n.end || (k > end && s.attached(k)) {
                f.value = Some(num.value.unwrap_or(0.0) + n.value.unwrap_or(0.0) / per);
                f.value = f.value.map(|v| (v * 100.0).round() / 100.0);
                end = e;
            }
        }
    }
    let unit_kind = unit.map(|u| lex.units[u].kind);
    if let Some(u) = unit {
        f.unit = Some(lex.units[u].name.clone());
        f.kind = lex.units[u].kind.fact_kind();
    }
    // qualifier, age cue and "for" before the number
    if let Some((q, qs)) = lex.qualifiers.before(s, start.min(num.start)) {
        f.qualifier = Some(q.clone());
        start = qs;
    }
    if between {
        start = start.min(num.start - 1);
        if let Some((q, qs)) = lex.qualifiers.before(s, start) {
            f.qualifier = Some(q.clone());
            start = qs;
        }
    }
    let mut age = matches!(unit_kind, Some(UnitKind::Age));
    if unit.is_none()
        && let Some((_, cs)) = lex.age_cues.before(s, start)
    {
        let cs = if cs > 0 && s.l(cs - 1) == "the" && s.l(cs) == "age" {
            cs - 1
        } else {
            cs
        };
        age = true;
        start = cs;
        f.unit = Some("years".into());
    }
    if age {
        f.subject = Some("age".into());
    }
    let time = matches!(unit_kind, Some(UnitKind::Time));
    if time && start > 0 && s.l(start - 1) == "for" {
        start -= 1;
    }
    // a span of time placed against the publication date: "five years ago", "in two
    // weeks" (said of the future), "three days later", "the next 4 days"
    let mut ago = false;
    if time && let Some((step, a, b)) = relative_span(s, start, end) {
        ago = true;
        if let (Some(today), Some(u), Some(v)) = (today, unit, f.value) {
            let name = &lex.units[u].name;
            f.date = match step {
                Step::Back => today.shift(name, -v).map(|d| d.iso_for(name)),
                Step::On => today.shift(name, v).map(|d| d.iso_for(name)),
                Step::Past => today
                    .shift(name, -v)
                    .map(|d| format!("{}/{}", d.iso_for(name), today.iso_for(name))),
                Step::Next => today
                    .shift(name, v)
                    .map(|d| format!("{}/{}", today.iso_for(name), d.iso_for(name))),
            };
        }
        f.kind = FactKind::Date;
        start = a.min(start);
        end = b;
    }

    // the weak one: "one" and "a" count only with a unit or a casualty word
    let has_measure = unit.is_some();
    if num.article && !(has_measure && (f.qualifier.is_some() || start < num.start || ago)) {
        return None;
    }

    // what is counted: the noun phrase after the number, a casualty word, a toll, or the
    // noun before "of" ("a population of about 8,000 people")
    let mut count_unit = None;
    if !has_measure || adjectival || age {
        let np_from = if num.vague.is_some() && s.l(end) == "of" {
            end + 1
        } else {
            end
        };
        // what a count counts is plural ("300 people", "40 firemen"), unless it is one;
        // "magnitude 6 hit" or "a 7.8 quake struck" count nothing
        let np = noun_phrase(s, np_from)
            .filter(|p| adjectival || age || f.value == Some(1.0) || looks_plural(p.2));
        let np_end = np.map_or(end, |p| p.1);
        let casualty = casualty_after(s, np_end);
        let np_text = np
            .filter(|p| !lex.fillers.contains_key(p.2))
            .map(|(a, b, _)| s.span(a, b));
        if let Some(np) = np {
            end = np.1;
        }
        // "killed at least 12 people"
        let verb_before = start
            .checked_sub(1)
            .filter(|&k| lex.casualty_verbs.contains_key(s.l(k)))
            .and_then(|k| lex.casualties.get(s.l(k)))
            .map(String::as_str);
        if let Some((canon, k, adjacent)) = casualty {
            f.subject = Some(match np_text {
                Some(t) if !age => format!("{t} {canon}"),
                _ => canon.to_owned(),
            });
            if adjacent {
                end = k;
            }
        } else if let Some(canon) = verb_before.filter(|_| !age) {
            f.subject = Some(match np_text {
                Some(t) => format!("{t} {canon}"),
                None => canon.to_owned(),
            });
        } else if !has_measure && let Some(canon) = toll_before(s, start) {
            f.subject = Some(canon.to_owned());
        } else if let Some(t) = np_text
            && !age
        {
            f.subject = Some(t.to_owned());
        }
        if let Some(np) = np
            && !has_measure
            && !lex.fillers.contains_key(np.2)
        {
            count_unit = Some(np.2);
        }
        if num.is_weak_one() && casualty.is_none() && !has_measure && !signed {
            return Some(num.end);
        }
    }
    if let Some(of_subject) = subject_before(s, start)
        && !age
        && (f.subject.is_none() || !has_measure)
        && !f.subject.as_deref().is_some_and(|s| s.ends_with("dead"))
    {
        f.subject = Some(of_subject.to_owned());
    }
    if f.unit.is_none() {
        f.unit = count_unit.map(str::to_owned);
    }

    // a conversion in brackets: "three miles (5 km)", "£2bn ($2.5bn)"
    let mut conversion = None;
    if has_measure
        && matches!(s.t(end), "(" | "[")
        && let Some((alt, close)) = bracketed(s, end + 1)
    {
        conversion = Some((alt, end + 1, close));
        end = close + 1;
    }

    f.text = s.span(start, end).to_owned();
    let sub = f.subject.clone();
    out.push((s.pos(start), f));
    if let Some((alt, a, close)) = conversion {
        let last = out.len() - 1;
        let kind = alt.kind.fact_kind();
        out[last].1.alt = Some(Measure {
            value: alt.value,
            unit: Some(alt.unit.clone()),
        });
        out.push((
            s.pos(a),
            Fact {
                kind,
                text: s.span(a, close).to_owned(),
                value: alt.value,
                unit: Some(alt.unit),
                subject: sub,
                qualifier: alt.qualifier,
                conversion: true,
                sentence: s.index,
                ..Fact::default()
            },
        ));
    }
    Some(end)
}

/// How a span of time is placed against the publication date.
#[derive(Clone, Copy)]
enum Step {
    /// "five years ago"
    Back,
    /// "in two weeks", "three days later"
    On,
    /// "the past three days"
    Past,
    /// "the next four days", "within a week"
    Next,
}

/// A span of time at pieces `start..end` placed against the publication date: the step
/// and the pieces the words around it widen it to.
fn relative_span(s: &Sent<'_>, start: usize, end: usize) -> Option<(Step, usize, usize)> {
    let lex = &*LEX;
    if let Some((&step, e)) = lex.after_span.at(s, end) {
        return Some((step, start, e));
    }
    let (&step, a) = lex.before_span.before(s, start)?;
    // "in two years" is a date only when said of the future ("will leave in two months"),
    // not "the highest in ten years"
    if matches!(step, Step::On) && !(a == 0 || dates::future(s, a)) {
        return None;
    }
    Some((step, a, end))
}

/// "one in five adults", "1 in 4": a share, as a fraction.
fn share(s: &Sent<'_>, start: usize, num: &Num, den: &Num, out: &mut Vec<(u32, Fact)>) -> usize {
    let lex = &*LEX;
    let mut start = start;
    let mut end = den.end;
    let value = num
        .value
        .zip(den.value)
        .map(|(n, d)| (n / d * 10_000.0).round() / 10_000.0);
    let mut f = Fact {
        kind: FactKind::Quantity,
        value,
        unit: Some("fraction".into()),
        sentence: s.index,
        ..Fact::default()
    };
    if let Some((q, qs)) = lex.qualifiers.before(s, start) {
        f.qualifier = Some(q.clone());
        start = qs;
    }
    if let Some((a, b, _)) = noun_phrase(s, end) {
        f.subject = Some(s.span(a, b).to_owned());
        end = b;
    }
    f.text = s.span(start, end).to_owned();
    out.push((s.pos(start), f));
    end
}

/// "two-thirds of voters": a share, as a fraction.
fn fraction(s: &Sent<'_>, start: usize, num: &Num, d: f64, out: &mut Vec<(u32, Fact)>) -> usize {
    let lex = &*LEX;
    let mut start = start;
    let mut end = num.end + 2;
    let mut f = Fact {
        kind: FactKind::Quantity,
        value: num.value.map(|n| (n / d * 10_000.0).round() / 10_000.0),
        unit: Some("fraction".into()),
        sentence: s.index,
        ..Fact::default()
    };
    if let Some((q, qs)) = lex.qualifiers.before(s, start) {
        f.qualifier = Some(q.clone());
        start = qs;
    }
    if s.l(end) == "of" {
        let from = if matches!(s.l(end + 1), "the" | "all" | "its" | "their") {
            end + 2
        } else {
            end + 1
        };
        if let Some((a, b, _)) = noun_phrase(s, from) {
            f.subject = Some(s.span(a, b).to_owned());
            end = b;
        }
    }
    f.text = s.span(start, end).to_owned();
    out.push((s.pos(start), f));
    end
}

fn range(s: &Sent<'_>, a: usize, b: usize) -> std::ops::Range<usize> {
    s.p[a].start as usize..s.p[b - 1].end as usize
}

struct Alt {
    value: Option<f64>,
    unit: String,
    kind: UnitKind,
    qualifier: Option<String>,
}

/// "(10 km)", "(about 1,930 square miles)", "($2.5bn)": the measure and the closing piece.
fn bracketed(s: &Sent<'_>, i: usize) -> Option<(Alt, usize)> {
    let lex = &*LEX;
    let mut k = i;
    let mut qualifier = None;
    if let Some((q, e)) = lex.qualifiers.at(s, k) {
        qualifier = Some(q.clone());
        k = e;
    }
    let mut currency = None;
    if let Some((u, a)) = sign_at(s, k) {
        currency = Some(u);
        k = a;
    }
    let n = parse_num(s, k, currency.is_some()).filter(|n| !n.article && n.vague.is_none())?;
    let mut e = n.end;
    let unit = match currency {
        Some(u) => u,
        None => {
            let (u, ue) = unit_at(s, e)?;
            e = ue;
            u
        }
    };
    matches!(s.t(e), ")" | "]").then(|| {
        (
            Alt {
                value: n.value,
                unit: lex.units[unit].name.clone(),
                kind: lex.units[unit].kind,
                qualifier,
            },
            e,
        )
    })
}

fn is_ordinal_suffix(w: &str) -> bool {
    LEX.ordinal_suffixes
        .contains_key(w.split('-').next().unwrap_or(w))
}

/// An ordinal at `i` ("ninth", "9th"): its value and the piece after it.
fn ordinal_word(s: &Sent<'_>, i: usize) -> Option<(f64, usize)> {
    let lex = &*LEX;
    if s.is_word(i) {
        return lex.ordinals.get(s.l(i)).map(|&v| (v, i + 1));
    }
    if s.is_number(i) && s.attached(i + 1) && s.is_word(i + 1) && is_ordinal_suffix(s.l(i + 1)) {
        return digits_value(s.t(i)).map(|v| (v, i + 2));
    }
    None
}

/// An ordinal before a unit of time: "fifth year", "the 45th day".
pub(super) fn ordinal_time(s: &Sent<'_>, i: usize, out: &mut Vec<(u32, Fact)>) -> Option<usize> {
    let lex = &*LEX;
    let (value, end) = ordinal_word(s, i)?;
    // "its fifth year", "their third week": a span of time, not a day in a series
    let owned = i > 0 && lex.possessives.contains_key(s.l(i - 1));
    if owned
        && let Some((u, e)) = unit_at(s, end)
        && lex.units[u].kind == UnitKind::Time
        && !s.l(end).ends_with('s')
    {
        out.push((
            s.pos(i),
            Fact {
                kind: FactKind::Quantity,
                text: s.span(i, e).to_owned(),
                value: Some(value),
                unit: Some(lex.units[u].name.clone()),
                qualifier: Some("ordinal".into()),
                sentence: s.index,
                ..Fact::default()
            },
        ));
        return Some(e);
    }
    Some(end)
}

/// Is the number at `i` a label ("No. 1", "Flight 370", "Apollo 17", "COVID-19")?
fn is_label(s: &Sent<'_>, i: usize) -> bool {
    if i == 0 {
        // a list number: "1. News"
        return s.is_number(i) && matches!(s.t(1), "." | ")");
    }
    let prev = s.l(i - 1);
    let lex = &*LEX;
    if lex.phones.contains_key(prev) {
        return true;
    }
    if prev == "." && i >= 2 && lex.labels.contains_key(s.l(i - 2)) && s.cap(i - 2) {
        return true; // "No. 1"
    }
    if lex.labels.contains_key(prev) && s.is_number(i) {
        return !(prev == "number" && s.l(i + 1) == "of");
    }
    // a number word capitalised inside a sentence is a name: "Formula One", "Channel Four",
    // and so is one before another capitalised word ("Millions Road", a street)
    if s.is_word(i) && s.cap(i) && (!s.is_punct(i - 1) || s.cap(i + 1)) {
        return true;
    }
    // a number glued to or right after a capitalised name: "Apollo 17", "AK-47"
    if s.is_number(i) && s.is_word(i - 1) && s.cap(i - 1) && !is_stop(s.t(i - 1)) {
        let w = s.t(i - 1);
        // a word capitalised only as the first of the sentence ("Measuring 6-foot-2")
        if i == 1 && (w.ends_with("ing") || w.ends_with("ed") || w.ends_with("ly")) {
            return false;
        }
        // a month is no name, unless it is inside one ("Long March 5")
        let in_name = i >= 2 && s.is_word(i - 2) && s.cap(i - 2);
        return (!dates::is_calendar(w) || in_name)
            && lex.qualifiers.before(s, i).is_none()
            && !crate::gazetteer::is_demonym(w);
    }
    if s.is_number(i) && is_hyphen(s.t(i - 1)) && s.attached(i) && s.cap(i.saturating_sub(2)) {
        return i >= 2 && s.is_word(i - 2);
    }
    false
}

/// A number inside a code written without spaces — a telephone or serial number
/// ("138-2010-2015", "123-12-1234"), a part number ("24703L202"), an address on the web, a
/// ratio ("4:3"), a formula ("0.8/15"): the piece after the run, which holds no fact.
fn code_run(s: &Sent<'_>, i: usize) -> Option<usize> {
    let mut a = i;
    while a > 0 && s.attached(a) && !matches!(s.t(a - 1), "(" | "\"" | "'") {
        a -= 1;
    }
    let mut b = i + 1;
    while b < s.len() && s.attached(b) && !matches!(s.t(b), "," | ")" | ";" | "?" | "!" | "\"") {
        b += 1;
    }
    // a sentence's full stop is no part of the run
    while b > i + 1 && matches!(s.t(b - 1), "." | ":") {
        b -= 1;
    }
    let text = s.span(a, b);
    let numbers = (a..b).filter(|&k| s.is_number(k)).count();
    let coded_word = (a..b).any(|k| {
        s.is_word(k) && {
            let t = s.t(k);
            t.bytes().any(|c| c.is_ascii_digit()) && t.bytes().any(|c| c.is_ascii_alphabetic())
        }
    });
    let web =
        text.contains("://") || text.contains("www.") || text.contains('=') || text.contains('@');
    let ratio = (a..b).any(|k| s.t(k) == ":" && s.is_number(k + 1) && k > a && s.is_number(k - 1))
        && s.t(i + 1) != ":"
        || (s.t(i + 1) == ":" && s.t(i + 2).len() == 1);
    let formula = (a..b).any(|k| matches!(s.t(k), "/" | "^" | "=" | "<" | ">"))
        && numbers >= 2
        && slash_fraction(s, i).is_none()
        && !(i >= 2 && s.t(i - 1) == "/" && slash_fraction(s, i - 2).is_some())
        && (a..b).any(|k| {
            s.t(k).contains('.') && s.is_number(k) || matches!(s.t(k), "^" | "=" | "<" | ">")
        });
    let serial =
        numbers >= 3 && (a..b).all(|k| s.is_number(k) || is_hyphen(s.t(k)) || s.t(k) == "/");
    (web || serial || formula || ratio || coded_word && numbers >= 1 && !unit_glued(s, i))
        .then_some(b)
}

/// The word glued to the number at `i` is a unit or suffix ("40km2", "5G"?), not a code.
fn unit_glued(s: &Sent<'_>, i: usize) -> bool {
    let j = i + 1;
    !s.is_word(j)
        || unit_at(s, j).is_some()
        || LEX.suffixes.contains_key(s.l(j))
        || s.l(j).starts_with('e')
        || is_ordinal_suffix(s.l(j))
}

/// Skip what continues a label: "737-800", "2/8".
fn skip_label(s: &Sent<'_>, mut end: usize) -> usize {
    while matches!(s.t(end), "-" | "/" | ".") && s.attached(end) && s.is_number(end + 1) {
        end += 2;
    }
    end
}

/// The noun phrase after a count: (first piece, end, lower-case head).
fn noun_phrase<'a>(s: &Sent<'a>, j: usize) -> Option<(usize, usize, &'a str)> {
    let lex = &*LEX;
    let mut k = j;
    let mut head = None;
    let mut groups = 0;
    while groups < 5 && s.is_word(k) {
        let ge = s.group_end(k);
        let w = &s.lower[range(s, k, ge)];
        if lex.stops.contains_key(w) || lex.casualties.contains_key(w) && head.is_none() {
            break;
        }
        let t = s.t(k);
        if s.cap(k) {
            // a name is no part of what is counted ("the 12-year-old mare Bella"), but it
            // may modify it ("Kalashnikov rifles", "NFL seasons", "Chinese citizens")
            let modifier = s.is_word(ge) && !s.cap(ge) && !lex.stops.contains_key(s.l(ge));
            let plural_name = looks_plural(w) && !t.ends_with("'s");
            if dates::is_calendar(t)
                || !(modifier || plural_name || crate::gazetteer::is_demonym(t))
            {
                break;
            }
        }
        if w.len() > 4 && w.ends_with("ly") {
            break;
        }
        // a lone verb after the count ("the 31-year-old added that")
        if head.is_none()
            && w.ends_with("ed")
            && (!s.is_word(ge) || lex.stops.contains_key(s.l(ge)))
        {
            break;
        }
        if lex.units_word(w) {
            break;
        }
        head = Some((ge, w));
        groups += 1;
        k = ge;
        if looks_plural(w) {
            break;
        }
        // "current or former world leaders", "fire and rescue crews"
        if matches!(s.l(k), "and" | "or")
            && s.is_word(k + 1)
            && !lex.stops.contains_key(s.l(k + 1))
            && !looks_plural(w)
            && groups < 4
        {
            k += 1;
        }
    }
    head.map(|(end, w)| (j, end, w))
}

impl Lexicon {
    /// A word that names a unit of time or measure: not the head of a count.
    fn units_word(&self, w: &str) -> bool {
        self.unit_aliases.get(w).is_some()
    }
}

/// A casualty word after a count, maybe after auxiliaries: (meaning, piece after, adjacent).
fn casualty_after(s: &Sent<'_>, mut k: usize) -> Option<(&'static str, usize, bool)> {
    let lex = &*LEX;
    let first = k;
    let mut skipped = 0;
    while skipped < 3 && lex.auxiliaries.contains_key(s.l(k)) {
        k += 1;
        skipped += 1;
    }
    lex.casualties
        .get_key_value(s.l(k))
        .filter(|_| s.is_word(k))
        .map(|(_, v)| (v.as_str(), k + 1, k == first))
}

/// A toll word governing the count ("the death toll ... rose to at least 11").
fn toll_before(s: &Sent<'_>, start: usize) -> Option<&'static str> {
    let lex = &*LEX;
    let from = start.saturating_sub(lex.toll_window);
    for k in (from..start).rev() {
        if s.is_number(k) {
            return None;
        }
        if let Some((v, _)) = lex.tolls.before(s, k + 1) {
            return Some(v.as_str());
        }
    }
    None
}

/// The noun before "of" that a count measures: "a population of about 8,000".
fn subject_before<'a>(s: &Sent<'a>, start: usize) -> Option<&'a str> {
    let lex = &*LEX;
    if start < 2 || s.l(start - 1) != "of" {
        return None;
    }
    let end = start - 1;
    let mut k = end;
    let mut groups = 0;
    while k > 0 && groups < 3 {
        let w = s.l(k - 1);
        if !s.is_word(k - 1)
            || lex.stops.contains_key(w)
            || lex.qualifiers.get(w).is_some()
            || lex.cardinals.contains_key(w)
        {
            // allow a hyphen group: walk over "pre" "-" "war"? those are one piece already
            break;
        }
        k -= 1;
        groups += 1;
    }
    if k == end || lex.fillers.contains_key(s.l(end - 1)) {
        return None;
    }
    Some(s.span(k, end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::facts::split_pieces;
    use crate::analyse::tokens::tokenize;

    fn num(s: &str) -> Option<(Option<f64>, String)> {
        let lower = s.to_ascii_lowercase();
        let mut p = Vec::new();
        split_pieces(s, &tokenize(s), &mut p);
        let sent = Sent {
            text: s,
            lower: &lower,
            p: &p,
            index: 0,
        };
        parse_num(&sent, 0, false).map(|n| (n.value, sent.span(n.start, n.end).to_owned()))
    }

    #[test]
    fn numbers_in_digits_and_words() {
        assert_eq!(num("75,000 people"), Some((Some(75000.0), "75,000".into())));
        assert_eq!(
            num("1.2 million"),
            Some((Some(1_200_000.0), "1.2 million".into()))
        );
        assert_eq!(num("nine miles"), Some((Some(9.0), "nine".into())));
        assert_eq!(num("twenty-five"), Some((Some(25.0), "twenty-five".into())));
        assert_eq!(
            num("two million"),
            Some((Some(2_000_000.0), "two million".into()))
        );
        assert_eq!(
            num("two hundred and fifty men"),
            Some((Some(250.0), "two hundred and fifty".into()))
        );
        assert_eq!(num("a dozen"), Some((Some(12.0), "a dozen".into())));
        assert_eq!(
            num("half a million"),
            Some((Some(500_000.0), "half a million".into()))
        );
        assert_eq!(
            num("a half million"),
            Some((Some(500_000.0), "a half million".into()))
        );
        assert_eq!(
            num("four million barrels").map(|n| n.0),
            Some(Some(4_000_000.0))
        );
        assert_eq!(
            num("tens of thousands of people"),
            Some((None, "tens of thousands".into()))
        );
        assert_eq!(num("six ten"), Some((Some(6.0), "six".into())));
        assert_eq!(num("people"), None);
    }
}

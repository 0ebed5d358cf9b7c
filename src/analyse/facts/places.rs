//! Places and organisations named in an article, with how often each is mentioned.
//!
//! Places: gazetteer names (countries, capitals, states, regions) and capitalised names after a
//! locative cue ("in X", "near X", "the city of X", "X province"); a name accepted once is
//! counted wherever it recurs. Organisations: capitalised names headed by an organisation word
//! ("Foreign Policy Research Institute", "Ministry of Defence"), supranational bodies from the
//! gazetteer, well-known agencies, and all-capital acronyms, an acronym given in brackets after
//! a name counting for that name. Word lists: `assets/entities.toml`.

use std::collections::hash_map::Entry;
use std::sync::LazyLock;

use serde::Deserialize;

use super::dates::is_calendar;
use super::{FastMap, numbers};
use crate::analyse::Doc;
use crate::analyse::tokens::{Kind, Token};
use crate::gazetteer::{self, PlaceKind};
use crate::lexicon::{CALENDAR, asset, parse};
use crate::model::{Fact, FactKind};

#[derive(Deserialize)]
struct EntitiesAsset {
    organisations: OrgsAsset,
    places: PlacesAsset,
}

#[derive(Deserialize)]
struct OrgsAsset {
    heads: Vec<String>,
    connectors: Vec<String>,
    titles: Vec<String>,
    known: Vec<String>,
    not_acronyms: Vec<String>,
}

#[derive(Deserialize)]
struct PlacesAsset {
    before: Vec<String>,
    strong: Vec<String>,
    of: Vec<String>,
    after: Vec<String>,
    between: Vec<String>,
    not_places: Vec<String>,
}

struct Lexicon {
    heads: FastMap<String, ()>,
    connectors: FastMap<String, ()>,
    titles: FastMap<String, ()>,
    /// Known organisation names (as printed), keyed by their tokens joined with spaces.
    known: FastMap<String, ()>,
    /// First token of a multi-token known name → its most tokens.
    known_first: FastMap<String, usize>,
    not_acronyms: FastMap<String, ()>,
    cue_before: FastMap<String, ()>,
    cue_strong: FastMap<String, ()>,
    cue_of: FastMap<String, ()>,
    cue_after: FastMap<String, ()>,
    cue_between: FastMap<String, ()>,
    not_places: FastMap<String, ()>,
}

fn set(words: &[String]) -> FastMap<String, ()> {
    words.iter().map(|w| (w.clone(), ())).collect()
}

static LEX: LazyLock<Lexicon> = LazyLock::new(|| {
    let a: EntitiesAsset = parse("entities.toml", asset!("entities.toml"));
    let mut known = FastMap::default();
    let mut known_first: FastMap<String, usize> = FastMap::default();
    for name in &a.organisations.known {
        let toks = crate::analyse::tokens::tokenize(name);
        let words: Vec<&str> = toks.iter().map(|t| t.text(name)).collect();
        if let Some(first) = words.first() {
            let m = known_first.entry((*first).to_owned()).or_insert(1);
            *m = (*m).max(words.len());
        }
        known.insert(words.join(" "), ());
    }
    let mut not_acronyms = set(&a.organisations.not_acronyms);
    for tz in CALENDAR.timezone_names() {
        not_acronyms.insert(tz.to_owned(), ());
    }
    Lexicon {
        heads: set(&a.organisations.heads),
        connectors: set(&a.organisations.connectors),
        titles: set(&a.organisations.titles),
        known,
        known_first,
        not_acronyms,
        cue_before: set(&a.places.before),
        cue_strong: set(&a.places.strong),
        cue_of: set(&a.places.of),
        cue_after: set(&a.places.after),
        cue_between: set(&a.places.between),
        not_places: set(&a.places.not_places),
    }
});

/// One sentence's tokens, for the scan.
struct View<'a> {
    text: &'a str,
    toks: &'a [Token],
    sentence: usize,
}

impl<'a> View<'a> {
    fn t(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }

    fn word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    /// A capitalised word (not the possessive "'s").
    fn cap(&self, i: usize) -> bool {
        self.word(i) && self.t(i).chars().next().is_some_and(char::is_uppercase)
    }

    fn pos(&self, i: usize) -> u32 {
        self.toks.get(i).map_or(0, |t| t.start)
    }

    fn span(&self, a: usize, b: usize) -> &'a str {
        &self.text[self.toks[a].start as usize..self.toks[b - 1].end as usize]
    }

    fn lower_is(&self, i: usize, set: &FastMap<String, ()>) -> bool {
        let t = self.t(i);
        if t.bytes().any(|b| b.is_ascii_uppercase()) {
            set.contains_key(t.to_ascii_lowercase().as_str())
        } else {
            set.contains_key(t)
        }
    }
}

/// All capitals ("NATO", "ICIJ", "G7"): a capital letter, then capitals, digits or "&".
fn is_acronym(t: &str) -> bool {
    let mut chars = t.chars();
    if !chars.next().is_some_and(|c| c.is_ascii_uppercase()) || t.len() < 2 {
        return false;
    }
    chars.all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '&')
}

/// How a capitalised name was introduced.
#[derive(Default, Clone, Copy)]
struct Cues {
    /// A reliable cue: "in X", "near X", "the city of X", "X province".
    strong: bool,
    /// Followed by the possessive "'s" (a person or organisation as often as a place).
    possessive: bool,
}

#[derive(Default)]
struct Tally {
    /// name → (kind, mentions, first sentence, first position)
    entries: FastMap<String, (FactKind, usize, usize, u32)>,
    order: Vec<String>,
    /// Capitalised names seen, with whether any mention had a reliable place cue.
    candidates: FastMap<String, (usize, usize, u32, bool)>,
    candidate_order: Vec<String>,
    /// Acronym → the name it was introduced for ("ESA" → "European Space Agency").
    aliases: FastMap<String, String>,
}

impl Tally {
    fn add(&mut self, name: &str, kind: FactKind, sentence: usize, pos: u32) {
        match self.entries.entry(name.to_owned()) {
            Entry::Occupied(mut e) => e.get_mut().1 += 1,
            Entry::Vacant(e) => {
                e.insert((kind, 1, sentence, pos));
                self.order.push(name.to_owned());
            }
        }
    }

    fn candidate(&mut self, name: &str, strong: bool, sentence: usize, pos: u32) {
        match self.candidates.entry(name.to_owned()) {
            Entry::Occupied(mut e) => {
                let v = e.get_mut();
                v.0 += 1;
                v.3 |= strong;
            }
            Entry::Vacant(e) => {
                e.insert((1, sentence, pos, strong));
                self.candidate_order.push(name.to_owned());
            }
        }
    }
}

/// Places and organisations of an article: one fact per distinct name, with its count and
/// the sentence of its first mention, and the byte position of that mention for ordering.
pub(super) fn extract(doc: &Doc<'_>) -> Vec<(u32, Fact)> {
    let mut tally = Tally::default();
    for (si, (pi, range)) in doc.sentences.iter().enumerate() {
        let para = &doc.paras[*pi];
        let v = View {
            text: para.text,
            toks: &para.tokens[range.clone()],
            sentence: si,
        };
        if shouting(&v) {
            continue;
        }
        scan(&v, &mut tally);
    }
    // a name with a reliable cue anywhere is a place everywhere it recurs
    let candidates = std::mem::take(&mut tally.candidates);
    for name in std::mem::take(&mut tally.candidate_order) {
        let (n, sentence, pos, strong) = candidates[&name];
        if strong
            && !tally.entries.contains_key(&name)
            && (name.contains(' ') || !common_noun(doc, &name))
        {
            tally
                .entries
                .insert(name.clone(), (FactKind::Place, n, sentence, pos));
            tally.order.push(name);
        }
    }
    // acronyms introduced in brackets count for their organisation
    for (acronym, name) in std::mem::take(&mut tally.aliases) {
        if let Some((_, n, s, p)) = tally.entries.remove(&acronym)
            && let Some(e) = tally.entries.get_mut(&name)
        {
            e.1 += n;
            if (s, p) < (e.2, e.3) {
                e.2 = s;
                e.3 = p;
            }
        }
    }
    tally
        .order
        .iter()
        .filter_map(|name| {
            let &(kind, count, sentence, pos) = tally.entries.get(name)?;
            Some((
                pos,
                Fact {
                    kind,
                    text: name.clone(),
                    count: Some(count),
                    sentence,
                    ..Fact::default()
                },
            ))
        })
        .collect()
}

/// "WASHINGTON —", "PHOENIX (AP) —": a dateline's place, written in capitals at the start.
fn dateline(v: &View<'_>) -> Option<String> {
    let t = v.t(0);
    if t.len() < 3
        || !is_acronym(t)
        || !matches!(v.t(1), "(" | "," | "-" | "\u{2014}" | "\u{2013}" | "--")
    {
        return None;
    }
    let mut name = String::with_capacity(t.len());
    for (i, c) in t.chars().enumerate() {
        if i == 0 {
            name.push(c);
        } else {
            name.extend(c.to_lowercase());
        }
    }
    Some(gazetteer::canonical(&name).map_or(name, str::to_owned))
}

/// Does `word` also occur in lower case in the article ("space" beside "in Space")? Then the
/// capitalised form is a common noun, not a place.
fn common_noun(doc: &Doc<'_>, word: &str) -> bool {
    let lower = word.to_lowercase();
    if lower == word {
        return false;
    }
    doc.paras.iter().any(|p| {
        p.text.match_indices(lower.as_str()).any(|(at, _)| {
            let before = p.text[..at].chars().next_back();
            let after = p.text[at + lower.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    })
}

/// A sentence mostly in capitals (a headline or page furniture): its acronyms mean nothing.
fn shouting(v: &View<'_>) -> bool {
    let words = (0..v.toks.len()).filter(|&i| v.word(i)).count();
    let caps = (0..v.toks.len())
        .filter(|&i| v.word(i) && v.t(i).len() > 1 && is_acronym(v.t(i)))
        .count();
    words >= 4 && caps * 2 > words
}

fn scan(v: &View<'_>, tally: &mut Tally) {
    let lex = &*LEX;
    let n = v.toks.len();
    let mut k = 0;
    // a place cue reaches over "and" and commas: "the cities of X and Y"
    let mut carry_until = None;
    if let Some(name) = dateline(v) {
        tally.add(&name, FactKind::Place, v.sentence, v.pos(0));
        k = 1;
    }
    while k < n {
        if !v.cap(k) {
            if !matches!(v.t(k), "and" | ",") || carry_until != Some(k) {
                carry_until = None;
            } else {
                carry_until = Some(k + 1);
            }
            k += 1;
            continue;
        }
        // 1. an organisation: a capitalised run with a head word
        if let Some((a, b, name)) = organisation_run(v, k) {
            tally.add(&name, FactKind::Organisation, v.sentence, v.pos(a));
            k = b;
            // "(ESA)": the same mention, and the acronym stands for the name from now on
            if let Some(acronym) = bracketed_acronym(v, b) {
                tally.aliases.insert(acronym.to_owned(), name);
                k = b + 3;
            }
            continue;
        }
        // 2. a known organisation without a head word ("Reuters", "White House")
        if let Some(len) = known_at(v, k) {
            tally.add(
                v.span(k, k + len),
                FactKind::Organisation,
                v.sentence,
                v.pos(k),
            );
            k += len;
            continue;
        }
        // "US$5bn" is money, not a mention of the United States
        if v.t(k + 1) == "$" && !v.toks[k + 1].space_before {
            k += 2;
            continue;
        }
        // 3. the gazetteer
        if let Some((len, hit)) = gazetteer::match_tokens(v.text, &v.toks[k..])
            && !hit.demonym
            && !longer_name(v, k + len)
        {
            let kind = if hit.place.kind == PlaceKind::Body {
                FactKind::Organisation
            } else {
                FactKind::Place
            };
            tally.add(&hit.place.name, kind, v.sentence, v.pos(k));
            k += len;
            if bracketed_acronym(v, k).is_some_and(|a| gazetteer::lookup(a).is_some()) {
                k += 3;
            }
            continue;
        }
        // 4. an acronym
        let t = v.t(k);
        if is_acronym(t) && !lex.not_acronyms.contains_key(t) {
            tally.add(t, FactKind::Organisation, v.sentence, v.pos(k));
            k += 1;
            continue;
        }
        // 5. any other capitalised name: a place if a cue says so
        let (a, b) = name_run(v, k);
        if b > a {
            let mut cues = place_cues(v, a, b);
            cues.strong |= carry_until == Some(a);
            let name = v.span(a, b);
            if acceptable_place(v, a, b) {
                let strong = cues.strong && !cues.possessive;
                tally.candidate(name, strong, v.sentence, v.pos(a));
                carry_until = strong.then_some(b);
            }
        }
        k = b.max(k + 1);
    }
}

/// The run of capitalised words from `k` (no connectors), without a sentence-initial word
/// that is only capitalised by position ("Capturing Pokrovsk", "But Kyiv").
fn name_run(v: &View<'_>, k: usize) -> (usize, usize) {
    let mut b = k;
    while v.cap(b) && !is_calendar(v.t(b)) {
        b += 1;
    }
    let mut a = k;
    if a == 0 && b > a + 1 {
        let w = v.t(a);
        if numbers::is_stop(w) || w.ends_with("ing") || w.ends_with("ed") || w.ends_with("ly") {
            a += 1;
        }
    }
    if b == k {
        b = k + 1;
    }
    (a, b)
}

fn acceptable_place(v: &View<'_>, a: usize, b: usize) -> bool {
    let lex = &*LEX;
    if b <= a {
        return false;
    }
    (a..b).all(|i| {
        let t = v.t(i);
        !lex.not_places.contains_key(t)
            && !lex.titles.contains_key(t)
            && !lex.heads.contains_key(t)
            && !is_calendar(t)
            && !is_acronym(t)
            && !gazetteer::is_demonym(t)
            && !numbers::is_stop(t)
    })
}

/// Is the name `a..b` introduced as a place?
fn place_cues(v: &View<'_>, a: usize, b: usize) -> Cues {
    let lex = &*LEX;
    let mut cues = Cues {
        possessive: v.t(b) == "'s" || v.t(b) == "\u{2019}s",
        ..Cues::default()
    };
    // "Donetsk region", "Kunduz province", "the Luhansk and Donetsk provinces"
    let mut e = b;
    if matches!(v.t(b), "and" | ",") && v.cap(b + 1) {
        e = b + 1;
        while v.cap(e) {
            e += 1;
        }
    }
    if v.lower_is(b, &lex.cue_after) || (e > b && v.lower_is(e, &lex.cue_after)) {
        cues.strong = true;
        cues.possessive = false;
    }
    // "in X", "in eastern X", "in the X"
    let mut p = a;
    let mut skipped = 0;
    while p > 0 && skipped < 2 && v.lower_is(p - 1, &lex.cue_between) && !v.cap(p - 1) {
        p -= 1;
        skipped += 1;
    }
    if p > 0 && !v.cap(p - 1) {
        let prev = v.t(p - 1);
        if lex.cue_strong.contains_key(prev) {
            cues.strong = true;
        } else if prev == "of" && p >= 2 && v.lower_is(p - 2, &lex.cue_of) {
            // "the city of X", "north of X"
            cues.strong = true;
        } else if lex.cue_before.contains_key(prev) {
            // a weak cue ("to X", "from X") alone is not enough
        }
    }
    cues
}

/// A capitalised word right after a gazetteer name makes it part of a longer name ("Georgia
/// Tech", "Washington Post"), unless it is a title ("US President"), a date or another place.
fn longer_name(v: &View<'_>, b: usize) -> bool {
    let lex = &*LEX;
    if !v.cap(b) {
        return false;
    }
    let t = v.t(b);
    !(lex.titles.contains_key(t)
        || is_calendar(t)
        || gazetteer::lookup(t).is_some()
        || is_acronym(t)
        || lex.heads.contains_key(t))
}

/// A known organisation name starting at `k`: its length in tokens.
fn known_at(v: &View<'_>, k: usize) -> Option<usize> {
    let lex = &*LEX;
    let most = *lex.known_first.get(v.t(k))?;
    let mut key = String::new();
    for len in (1..=most.min(v.toks.len() - k)).rev() {
        key.clear();
        for i in k..k + len {
            if i > k {
                key.push(' ');
            }
            key.push_str(v.t(i));
        }
        if lex.known.contains_key(&key) {
            return Some(len);
        }
    }
    None
}

/// A capitalised run from `k` with connectors ("Ministry of Defence", "Bank of England")
/// that holds an organisation word: (first token, end, name). Leading titles ("Chief of the
/// General Staff") are left out; a rank written before it ("7th Air Assault Corps") is kept.
fn organisation_run(v: &View<'_>, k: usize) -> Option<(usize, usize, String)> {
    let lex = &*LEX;
    let n = v.toks.len();
    let mut b = k;
    let mut last_cap = k;
    let mut complement = false;
    while b < n {
        let t = v.t(b);
        if v.cap(b) && !is_calendar(t) && !(b > k && t == "The") {
            last_cap = b;
            b += 1;
        } else if b > k
            && lex.connectors.contains_key(t)
            && (t != "and" || complement && v.cap(b + 1))
            && (v.cap(b + 1) || v.t(b + 1) == "the")
        {
            complement |= t == "of" || t == "for";
            b += 1;
        } else {
            break;
        }
    }
    let b = last_cap + 1;
    let mut a = k;
    // "Chief of the General Staff": the title is the person's, the name is what follows
    loop {
        let mut i = a;
        while i < b && lex.titles.contains_key(v.t(i)) {
            i += 1;
        }
        if i > a && i < b && lex.connectors.contains_key(v.t(i)) {
            while i < b && lex.connectors.contains_key(v.t(i)) {
                i += 1;
            }
            a = i;
            continue;
        }
        break;
    }
    // a leading article or a word capitalised only by position
    while a < b && (v.t(a) == "The" || (a == 0 && numbers::is_stop(v.t(a)))) {
        a += 1;
    }
    // the name ends at its last organisation word and that word's complement ("Ministry of
    // Defence"); what follows is a title or a person ("... Church Patriarch Kirill")
    let last_head = (a..b).rev().find(|&i| lex.heads.contains_key(v.t(i)))?;
    let mut b2 = last_head + 1;
    while b2 < b && lex.connectors.contains_key(v.t(b2)) && v.t(b2) != "and" {
        let mut j = b2;
        while j < b && lex.connectors.contains_key(v.t(j)) {
            j += 1;
        }
        let mut e = j;
        while e < b && v.cap(e) && !lex.titles.contains_key(v.t(e)) {
            e += 1;
        }
        if e == j {
            break;
        }
        b2 = e;
    }
    let b = b2;
    let words = (a..b).filter(|&i| v.cap(i)).count();
    if words < 2 {
        return None;
    }
    // "7th Air Assault Corps"
    let mut start = a;
    if a >= 2 && v.toks[a - 2].kind == Kind::Number && !v.toks[a - 1].space_before {
        let suffix = v.t(a - 1);
        if matches!(suffix, "th" | "st" | "nd" | "rd") {
            start = a - 2;
        }
    }
    let name = v.span(start, b);
    let name = gazetteer::lookup(name)
        .filter(|h| h.place.kind == PlaceKind::Body)
        .map_or_else(|| name.to_owned(), |h| h.place.name.clone());
    Some((start, b, name))
}

/// "(ESA)" right after a name.
fn bracketed_acronym<'a>(v: &View<'a>, b: usize) -> Option<&'a str> {
    (v.t(b) == "(" && v.t(b + 2) == ")" && is_acronym(v.t(b + 1))).then(|| v.t(b + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms() {
        assert!(is_acronym("NATO"));
        assert!(is_acronym("G7"));
        assert!(is_acronym("ICIJ"));
        assert!(!is_acronym("Nato"));
        assert!(!is_acronym("A"));
        assert!(!is_acronym("U.S."));
    }
}

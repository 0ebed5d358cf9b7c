//! Places and organisations named in an article, with how often each is mentioned.
//!
//! Places: gazetteer names (countries, capitals, states, regions) and capitalised names after a
//! locative cue ("in X", "near X", "the city of X", "X province"); a name accepted once is
//! counted wherever it recurs. Organisations: capitalised names headed by an organisation word
//! ("Royal United Services Institute", "Ministry of Defence"), supranational bodies from the
//! gazetteer, well-known agencies, and all-capital acronyms, an acronym given in brackets after
//! a name counting for that name. Word lists: `assets/entities.toml`.
//!
//! Only capitalised words and their neighbours are looked at; each such token is classified
//! once, with one probe of a table of flags.

use std::cell::Cell;
use std::sync::LazyLock;

use serde::Deserialize;

use super::{FastMap, KeyBuf, dates, numbers};
use crate::analyse::Doc;
use crate::analyse::tokens::{Kind, Token};
use crate::gazetteer::{self, Hit, PlaceKind};
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
    of: Vec<String>,
    after: Vec<String>,
    between: Vec<String>,
    not_places: Vec<String>,
}

/// What a token is to this scan (exact case); several may hold.
const HEAD: u16 = 1;
const TITLE: u16 = 1 << 1;
const NOT_PLACE: u16 = 1 << 2;
const CALENDAR_WORD: u16 = 1 << 3;
/// A stop word written with a capital ("The", "But", "In").
const STOP: u16 = 1 << 4;
/// The first token of a known organisation's name.
const KNOWN: u16 = 1 << 5;
const NOT_ACRONYM: u16 = 1 << 6;
const CONNECTOR: u16 = 1 << 7;
const CUE_STRONG: u16 = 1 << 8;
const CUE_OF: u16 = 1 << 9;
const CUE_AFTER: u16 = 1 << 10;
const CUE_BETWEEN: u16 = 1 << 11;

struct Lexicon {
    flags: FastMap<String, u16>,
    /// Known organisation names (as printed), keyed by their tokens joined with spaces.
    known: FastMap<String, ()>,
    /// First token of a known name → its most tokens.
    known_len: FastMap<String, usize>,
}

/// "in" → "In".
fn title_case(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Build the lexicon now (see [`crate::analyse::warm_up`]).
pub(super) fn warm_up() {
    LazyLock::force(&LEX);
}

static LEX: LazyLock<Lexicon> = LazyLock::new(|| {
    let a: EntitiesAsset = parse("entities.toml", asset!("entities.toml"));
    let mut flags: FastMap<String, u16> = FastMap::default();
    let mut mark = |w: &str, f: u16| *flags.entry(w.to_owned()).or_insert(0) |= f;
    for (list, f) in [
        (&a.organisations.heads, HEAD),
        (&a.organisations.titles, TITLE),
        (&a.organisations.not_acronyms, NOT_ACRONYM),
        (&a.places.not_places, NOT_PLACE),
    ] {
        for w in list {
            mark(w, f);
        }
    }
    for (list, f) in [
        (&a.organisations.connectors, CONNECTOR),
        (&a.places.of, CUE_OF),
        (&a.places.after, CUE_AFTER),
        (&a.places.between, CUE_BETWEEN),
    ] {
        for w in list {
            mark(w, f);
        }
    }
    // a sentence may open with the cue: "In Kherson, ..."
    for w in &a.places.before {
        mark(w, CUE_STRONG);
        mark(&title_case(w), CUE_STRONG);
    }
    for w in dates::calendar_words() {
        mark(&title_case(w), CALENDAR_WORD);
        mark(&w.to_uppercase(), CALENDAR_WORD);
    }
    for w in numbers::stop_words() {
        mark(&title_case(w), STOP);
    }
    for tz in CALENDAR.timezone_names() {
        mark(tz, NOT_ACRONYM);
    }
    let mut known = FastMap::default();
    let mut known_len: FastMap<String, usize> = FastMap::default();
    for name in &a.organisations.known {
        let toks = crate::analyse::tokens::tokenize(name);
        let words: Vec<&str> = toks.iter().map(|t| t.text(name)).collect();
        if let Some(first) = words.first() {
            let m = known_len.entry((*first).to_owned()).or_insert(1);
            *m = (*m).max(words.len());
            mark(first, KNOWN);
        }
        known.insert(words.join(" "), ());
    }
    Lexicon {
        flags,
        known,
        known_len,
    }
});

/// One sentence's tokens, with each token's flags looked up once, when first needed.
struct View<'a> {
    text: &'a str,
    toks: &'a [Token],
    sentence: usize,
    /// Each token's flags, `UNKNOWN` until first asked for.
    memo: &'a [Cell<u16>],
}

const UNKNOWN: u16 = u16::MAX;

impl<'a> View<'a> {
    fn t(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.text(self.text))
    }

    fn word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    /// A capitalised word (not the possessive "'s").
    fn cap(&self, i: usize) -> bool {
        self.word(i) && {
            let t = self.t(i);
            match t.as_bytes().first() {
                Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
                _ => t.chars().next().is_some_and(char::is_uppercase),
            }
        }
    }

    fn flags(&self, i: usize) -> u16 {
        if i >= self.toks.len() {
            return 0;
        }
        let m = &self.memo[i];
        if m.get() == UNKNOWN {
            m.set(LEX.flags.get(self.t(i)).copied().unwrap_or(0));
        }
        m.get()
    }

    fn is(&self, i: usize, f: u16) -> bool {
        self.flags(i) & f != 0
    }

    fn pos(&self, i: usize) -> u32 {
        self.toks.get(i).map_or(0, |t| t.start)
    }

    fn span(&self, a: usize, b: usize) -> &'a str {
        &self.text[self.toks[a].start as usize..self.toks[b - 1].end as usize]
    }

    /// A capitalised word that is neither a date nor a capitalised stop word.
    fn name_word(&self, i: usize) -> bool {
        self.cap(i) && !self.is(i, CALENDAR_WORD)
    }
}

/// All capitals ("NATO", "ICIJ", "G7"): a capital letter, then capitals, digits or "&".
fn is_acronym(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() >= 2
        && b[0].is_ascii_uppercase()
        && b[1..]
            .iter()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == b'&')
}

/// One name's tally: kind, mentions, first sentence and position.
struct Entry {
    kind: FactKind,
    count: usize,
    sentence: usize,
    pos: u32,
}

/// A capitalised name seen: mentions, first sentence and position, and the sentence of its
/// first reliable place cue, if any.
struct Candidate {
    count: usize,
    sentence: usize,
    pos: u32,
    cued: Option<usize>,
}

#[derive(Default)]
struct Tally {
    entries: FastMap<String, Entry>,
    order: Vec<String>,
    candidates: FastMap<String, Candidate>,
    candidate_order: Vec<String>,
    /// Acronym → the name it was introduced for ("ESA" → "European Space Agency").
    aliases: Vec<(String, String)>,
}

impl Tally {
    fn add(&mut self, name: &str, kind: FactKind, sentence: usize, pos: u32) {
        if let Some(e) = self.entries.get_mut(name) {
            e.count += 1;
            return;
        }
        self.entries.insert(
            name.to_owned(),
            Entry {
                kind,
                count: 1,
                sentence,
                pos,
            },
        );
        self.order.push(name.to_owned());
    }

    fn candidate(&mut self, name: &str, cued: bool, sentence: usize, pos: u32) {
        let cued = cued.then_some(sentence);
        if let Some(c) = self.candidates.get_mut(name) {
            c.count += 1;
            c.cued = c.cued.or(cued);
            return;
        }
        self.candidates.insert(
            name.to_owned(),
            Candidate {
                count: 1,
                sentence,
                pos,
                cued,
            },
        );
        self.candidate_order.push(name.to_owned());
    }
}

/// Places and organisations of an article: one fact per distinct name, with its count and
/// the sentence of its first mention, and the byte position of that mention for ordering.
pub(super) fn extract(doc: &Doc<'_>) -> Vec<(u32, Fact)> {
    let mut tally = Tally::default();
    let mut memo = Vec::new();
    for (si, (pi, range)) in doc.sentences.iter().enumerate() {
        let para = &doc.paras[*pi];
        memo.clear();
        memo.resize(range.len(), Cell::new(UNKNOWN));
        let v = View {
            text: para.text,
            toks: &para.tokens[range.clone()],
            sentence: si,
            memo: &memo,
        };
        if !shouting(&v) {
            scan(&v, &mut tally);
        }
    }
    // a name with a reliable cue anywhere is a place everywhere it recurs, unless the same
    // sentence also writes it in lower case ("a book called Life in Space ... a space engineer")
    let candidates = std::mem::take(&mut tally.candidates);
    for name in std::mem::take(&mut tally.candidate_order) {
        let c = &candidates[&name];
        let Some(cued) = c.cued else { continue };
        if tally.entries.contains_key(&name) || common_noun(doc, cued, &name) {
            continue;
        }
        tally.entries.insert(
            name.clone(),
            Entry {
                kind: FactKind::Place,
                count: c.count,
                sentence: c.sentence,
                pos: c.pos,
            },
        );
        tally.order.push(name);
    }
    // acronyms introduced in brackets count for their organisation
    for (acronym, name) in std::mem::take(&mut tally.aliases) {
        if let Some(a) = tally.entries.remove(&acronym)
            && let Some(e) = tally.entries.get_mut(&name)
        {
            e.count += a.count;
            if (a.sentence, a.pos) < (e.sentence, e.pos) {
                e.sentence = a.sentence;
                e.pos = a.pos;
            }
        }
    }
    tally
        .order
        .iter()
        .filter_map(|name| {
            let e = tally.entries.get(name)?;
            Some((
                e.pos,
                Fact {
                    kind: e.kind,
                    text: name.clone(),
                    count: Some(e.count),
                    sentence: e.sentence,
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
    let name = title_case(&t.to_lowercase());
    Some(gazetteer::canonical(&name).map_or(name, str::to_owned))
}

/// Does sentence `s` also write `word` in lower case? Then the capitalised form there is a
/// common noun in a title, not a place.
fn common_noun(doc: &Doc<'_>, s: usize, word: &str) -> bool {
    if word.contains(' ') {
        return false;
    }
    let (p, range) = &doc.sentences[s];
    let para = &doc.paras[*p];
    para.tokens[range.clone()].iter().any(|t| {
        let w = t.text(para.text);
        w != word && w.eq_ignore_ascii_case(word)
    })
}

/// A sentence mostly in capitals (a headline or page furniture): its acronyms mean nothing.
fn shouting(v: &View<'_>) -> bool {
    let (mut words, mut caps) = (0, 0);
    for t in v.toks.iter().filter(|t| t.kind == Kind::Word) {
        words += 1;
        caps += usize::from(is_acronym(t.text(v.text)));
    }
    words >= 4 && caps * 2 > words
}

fn scan(v: &View<'_>, tally: &mut Tally) {
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
            carry_until =
                (carry_until == Some(k) && matches!(v.t(k), "and" | ",")).then_some(k + 1);
            k += 1;
            continue;
        }
        // "US$5bn" is money, not a mention of the United States
        if v.t(k + 1) == "$" && !v.toks[k + 1].space_before {
            k += 2;
            continue;
        }
        // 1. an organisation: a capitalised run with a head word
        if let Some((a, b, name)) = organisation_run(v, k) {
            tally.add(&name, FactKind::Organisation, v.sentence, v.pos(a));
            k = b;
            // "(ESA)": the same mention, and the acronym stands for the name from now on
            if let Some(acronym) = bracketed_acronym(v, b) {
                tally.aliases.push((acronym.to_owned(), name));
                k = b + 3;
            }
            continue;
        }
        // 2. a known organisation without a head word ("Reuters", "White House")
        if v.is(k, KNOWN)
            && let Some(len) = known_at(v, k)
        {
            tally.add(
                v.span(k, k + len),
                FactKind::Organisation,
                v.sentence,
                v.pos(k),
            );
            k += len;
            continue;
        }
        // 3. the gazetteer
        let hit = gazetteer::match_tokens(v.text, &v.toks[k..]);
        if let Some((len, Hit { place, demonym })) = hit
            && !demonym
            && !longer_name(v, k + len)
        {
            let kind = if place.kind == PlaceKind::Body {
                FactKind::Organisation
            } else {
                FactKind::Place
            };
            tally.add(&place.name, kind, v.sentence, v.pos(k));
            k += len;
            if bracketed_acronym(v, k).is_some_and(|a| gazetteer::lookup(a).is_some()) {
                k += 3;
            }
            continue;
        }
        // a capitalised stop word ("The", "But") begins no name of its own
        if v.is(k, STOP) {
            k += 1;
            continue;
        }
        // 4. an acronym
        let t = v.t(k);
        if is_acronym(t) && !v.is(k, NOT_ACRONYM) {
            tally.add(t, FactKind::Organisation, v.sentence, v.pos(k));
            k += 1;
            continue;
        }
        // 5. any other capitalised name: a place if a cue says so
        let (a, b) = name_run(v, k);
        let demonym = hit.is_some_and(|(_, h)| h.demonym) && a == k;
        if b > a && !demonym && acceptable_place(v, a, b) {
            let cued = carry_until == Some(a) || place_cue(v, a, b);
            tally.candidate(v.span(a, b), cued, v.sentence, v.pos(a));
            carry_until = cued.then_some(b);
        }
        k = b.max(k + 1);
    }
}

/// The run of capitalised words from `k` (no connectors), without a sentence-initial word
/// that is only capitalised by position ("Reaching Kherson", "But Kyiv").
fn name_run(v: &View<'_>, k: usize) -> (usize, usize) {
    let mut b = k;
    while v.name_word(b) {
        b += 1;
    }
    let mut a = k;
    if a == 0 && b > a + 1 {
        let w = v.t(a);
        if w.ends_with("ing") || w.ends_with("ed") || w.ends_with("ly") {
            a += 1;
        }
    }
    (a, b.max(k + 1))
}

fn acceptable_place(v: &View<'_>, a: usize, b: usize) -> bool {
    (a..b).all(|i| {
        let t = v.t(i);
        !v.is(i, NOT_PLACE | TITLE | HEAD | CALENDAR_WORD | STOP)
            && !is_acronym(t)
            && (i == a || !gazetteer::is_demonym(t))
    })
}

/// Is the name `a..b` introduced as a place? "in X", "in eastern X", "the city of X", "X
/// province", "the X and Y provinces" — and not "in X's" (as often a person or a body).
fn place_cue(v: &View<'_>, a: usize, b: usize) -> bool {
    // "Donetsk region", "the Luhansk and Donetsk provinces"
    let mut e = b;
    if matches!(v.t(b), "and" | ",") && v.cap(b + 1) {
        e = b + 1;
        while v.cap(e) {
            e += 1;
        }
    }
    if v.is(b, CUE_AFTER) || (e > b && v.is(e, CUE_AFTER)) {
        return true;
    }
    if matches!(v.t(b), "'s" | "\u{2019}s") {
        return false;
    }
    // "in X", "in eastern X", "in the X"
    let mut p = a;
    while p > 0 && a - p < 2 && v.is(p - 1, CUE_BETWEEN) && !v.cap(p - 1) {
        p -= 1;
    }
    p > 0 && (v.is(p - 1, CUE_STRONG) || (v.t(p - 1) == "of" && p >= 2 && v.is(p - 2, CUE_OF)))
}

/// A capitalised word right after a gazetteer name makes it part of a longer name ("Georgia
/// Tech", "Washington Post"), unless it is a title ("US President"), a date, an organisation
/// word or another place.
fn longer_name(v: &View<'_>, b: usize) -> bool {
    v.cap(b)
        && !v.is(b, TITLE | CALENDAR_WORD | HEAD)
        && !is_acronym(v.t(b))
        && gazetteer::lookup(v.t(b)).is_none()
}

/// A known organisation name starting at `k`: its length in tokens.
fn known_at(v: &View<'_>, k: usize) -> Option<usize> {
    let lex = &*LEX;
    let most = *lex.known_len.get(v.t(k))?;
    if most == 1 {
        return lex.known.contains_key(v.t(k)).then_some(1);
    }
    (1..=most.min(v.toks.len() - k)).rev().find(|&len| {
        let mut key = KeyBuf::default();
        for i in k..k + len {
            if i > k {
                key.push(" ");
            }
            key.push(v.t(i));
        }
        key.as_str().is_some_and(|key| lex.known.contains_key(key))
    })
}

/// A capitalised run from `k` with connectors ("Ministry of Defence", "Bank of England")
/// that holds an organisation word: (first token, end, name). Leading titles ("Chief of the
/// Defence Staff") are left out; a rank written before it ("3rd Infantry Division") is kept.
fn organisation_run(v: &View<'_>, k: usize) -> Option<(usize, usize, String)> {
    let n = v.toks.len();
    let mut b = k;
    let mut last_cap = k;
    let mut complement = false;
    let mut headed = false;
    while b < n {
        let t = v.t(b);
        if v.name_word(b) && !(b > k && t == "The") {
            headed |= v.is(b, HEAD);
            last_cap = b;
            b += 1;
        } else if b > k
            && v.is(b, CONNECTOR)
            && (t != "and" || complement && v.cap(b + 1))
            && (v.cap(b + 1) || v.t(b + 1) == "the")
        {
            complement |= t == "of" || t == "for";
            b += 1;
        } else {
            break;
        }
    }
    if !headed {
        return None;
    }
    let b = last_cap + 1;
    let mut a = k;
    // "Chief of the Defence Staff": the title is the person's, the name is what follows
    loop {
        let mut i = a;
        while i < b && v.is(i, TITLE) {
            i += 1;
        }
        if i > a && i < b && v.is(i, CONNECTOR) {
            while i < b && v.is(i, CONNECTOR) {
                i += 1;
            }
            a = i;
            continue;
        }
        break;
    }
    // a leading article or a word capitalised only by position
    while a < b && (v.t(a) == "The" || (a == 0 && v.is(a, STOP))) {
        a += 1;
    }
    // the name ends at its last organisation word and that word's complement ("Ministry of
    // Defence"); what follows is a title or a person ("... Church Archbishop Smith")
    let last_head = (a..b).rev().find(|&i| v.is(i, HEAD))?;
    let mut end = last_head + 1;
    while end < b && v.is(end, CONNECTOR) && v.t(end) != "and" {
        let mut j = end;
        while j < b && v.is(j, CONNECTOR) {
            j += 1;
        }
        let mut e = j;
        while e < b && v.cap(e) && !v.is(e, TITLE) {
            e += 1;
        }
        if e == j {
            break;
        }
        end = e;
    }
    if (a..end).filter(|&i| v.cap(i)).count() < 2 {
        return None;
    }
    // "3rd Infantry Division"
    let mut start = a;
    if a >= 2
        && v.toks[a - 2].kind == Kind::Number
        && !v.toks[a - 1].space_before
        && matches!(v.t(a - 1), "th" | "st" | "nd" | "rd")
    {
        start = a - 2;
    }
    let name = v.span(start, end);
    match gazetteer::lookup(name) {
        // "West Bank" names a place, whatever its last word
        Some(h) if h.place.kind != PlaceKind::Body => None,
        Some(h) => Some((start, end, h.place.name.clone())),
        None => Some((start, end, name.to_owned())),
    }
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

    #[test]
    fn flags_are_case_exact() {
        let f = |w: &str| LEX.flags.get(w).copied().unwrap_or(0);
        assert_ne!(f("Ministry") & HEAD, 0);
        assert_eq!(f("ministry") & HEAD, 0);
        assert_ne!(f("December") & CALENDAR_WORD, 0);
        assert_ne!(f("The") & STOP, 0);
        assert_ne!(f("in") & CUE_STRONG, 0);
        assert_ne!(f("In") & CUE_STRONG, 0);
    }
}

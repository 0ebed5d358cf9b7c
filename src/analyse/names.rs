//! Names in the text: capitalised spans split into title, name, role and affiliation, with
//! the descriptions news English hangs on them ("X, a senior fellow at Y", "Y's top commander
//! X", "Russian President X").

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use serde::Deserialize;

use super::Doc;
use super::cues::SPEECH;
use super::tokens::{Kind, Token};
use crate::lexicon::{CALENDAR, asset, parse};

#[derive(Deserialize)]
struct Lists {
    not_names: Vec<String>,
    connectors: Vec<String>,
    role_modifiers: Vec<String>,
    adjectives: Vec<String>,
    party_members: Vec<String>,
}

#[derive(Deserialize)]
struct PeopleFile {
    titles: Vec<String>,
    roles: Vec<String>,
    org_roles: Vec<String>,
    org_heads: Vec<String>,
    org_names: Vec<String>,
    groups: Vec<String>,
    pronouns: HashMap<String, String>,
    honorifics: HashMap<String, String>,
    #[serde(default)]
    role_genders: HashMap<String, String>,
    lists: Lists,
}

/// Gender (or number) a pronoun or honorific shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    Male,
    Female,
    /// they / we: a group or an organisation (or a person of unknown gender).
    Plural,
    /// it: an organisation or thing.
    Neuter,
    /// I: the speaker inside a quote.
    Speaker,
}

fn gender_of(code: &str) -> Gender {
    match code {
        "m" => Gender::Male,
        "f" => Gender::Female,
        "n" => Gender::Neuter,
        "s" => Gender::Speaker,
        _ => Gender::Plural,
    }
}

/// The people lexicon, built once.
pub struct PeopleLex {
    /// Titles as word sequences (full stops dropped): ["Prime", "Minister"], ["Sen"].
    titles: Vec<Vec<String>>,
    title_words: HashSet<String>,
    /// Role phrases as lower-case word sequences, longest first.
    roles: Vec<Vec<String>>,
    role_heads: HashSet<String>,
    org_roles: HashSet<String>,
    org_heads: HashSet<String>,
    org_names: HashSet<String>,
    groups: HashSet<String>,
    pronouns: HashMap<String, Gender>,
    honorifics: HashMap<String, Gender>,
    role_genders: HashMap<String, Gender>,
    not_names: HashSet<String>,
    connectors: HashSet<String>,
    role_modifiers: HashSet<String>,
    adjectives: HashSet<String>,
    /// "Republican", "Democrat": words for a party member, never the end of a name.
    party_members: HashSet<String>,
    /// Given names and the gender they usually carry.
    given: HashMap<String, Option<Gender>>,
}

impl PeopleLex {
    /// Is this a common given name? With its usual gender, if it has one.
    pub fn given_name(&self, word: &str) -> Option<Option<Gender>> {
        self.given.get(word).copied()
    }

    pub fn pronoun(&self, lower: &str) -> Option<Gender> {
        self.pronouns.get(lower).copied()
    }

    pub fn honorific(&self, word: &str) -> Option<Gender> {
        self.honorifics.get(word).copied()
    }

    /// The gender a role noun shows ("husband", "spokeswoman"), by its last word.
    pub fn role_gender(&self, role: &str) -> Option<Gender> {
        let last = role.rsplit([' ', '-']).next()?;
        self.role_genders.get(last).copied()
    }

    pub fn is_group_noun(&self, lower: &str) -> bool {
        self.groups.contains(lower)
    }

    pub fn is_role_head(&self, lower: &str) -> bool {
        self.role_heads.contains(lower)
    }

    pub fn is_org_role(&self, lower: &str) -> bool {
        self.org_roles.contains(lower)
    }

    pub fn is_org_head(&self, word: &str) -> bool {
        self.org_heads.contains(word)
    }

    pub fn is_org_name(&self, word: &str) -> bool {
        self.org_names.contains(word)
    }

    pub fn is_not_name(&self, lower: &str) -> bool {
        self.not_names.contains(lower)
    }

    /// "former", "senior", "top": words that may stand before a role.
    pub fn is_role_modifier(&self, lower: &str) -> bool {
        self.role_modifiers.contains(lower)
    }

    pub fn is_title_word(&self, word: &str) -> bool {
        self.title_words.contains(word.trim_end_matches('.'))
    }

    /// The longest role phrase (of a person or an organisation) that ends at the end of
    /// `words` (lower case), as a length.
    pub fn role_suffix(&self, words: &[String]) -> Option<usize> {
        // a role phrase ends with its head: without a head at the end, only an empty phrase
        // could match (the roles are sorted longest first, so an empty one is last)
        let person = if words
            .last()
            .is_some_and(|w| self.role_heads.contains(w.as_str()))
        {
            self.roles
                .iter()
                .filter(|r| r.len() <= words.len() && words.ends_with(r))
                .map(Vec::len)
                .max()
        } else {
            self.roles.last().filter(|r| r.is_empty()).map(Vec::len)
        };
        let org = words
            .last()
            .filter(|w| self.org_roles.contains(w.as_str()))
            .map(|_| 1);
        person.max(org)
    }
}

#[derive(Deserialize)]
struct GivenNames {
    male: Vec<String>,
    female: Vec<String>,
}

pub static LEX: LazyLock<PeopleLex> = LazyLock::new(|| {
    let f: PeopleFile = parse("people.toml", asset!("people.toml"));
    let names: GivenNames = parse("given_names.toml", asset!("given_names.toml"));
    let mut given: HashMap<String, Option<Gender>> = HashMap::new();
    for n in names.male {
        given.insert(n, Some(Gender::Male));
    }
    for n in names.female {
        // a name used for both (Andrea, Jean) tells no gender
        let g = if given.contains_key(&n) {
            None
        } else {
            Some(Gender::Female)
        };
        given.insert(n, g);
    }
    let mut titles: Vec<Vec<String>> = f
        .titles
        .iter()
        .map(|t| {
            t.split_whitespace()
                .map(|w| w.trim_end_matches('.').to_owned())
                .collect()
        })
        .collect();
    titles.sort_by_key(|t| std::cmp::Reverse(t.len()));
    titles.dedup();
    let title_words = titles.iter().flatten().cloned().collect();
    let mut roles: Vec<Vec<String>> = f
        .roles
        .iter()
        .map(|r| r.split_whitespace().map(str::to_owned).collect())
        .collect();
    roles.sort_by_key(|r| std::cmp::Reverse(r.len()));
    let role_heads = roles.iter().filter_map(|r| r.last().cloned()).collect();
    PeopleLex {
        titles,
        title_words,
        roles,
        role_heads,
        org_roles: f.org_roles.into_iter().collect(),
        org_heads: f.org_heads.into_iter().collect(),
        org_names: f.org_names.into_iter().collect(),
        groups: f.groups.into_iter().collect(),
        pronouns: f
            .pronouns
            .iter()
            .map(|(k, v)| (k.clone(), gender_of(v)))
            .collect(),
        honorifics: f
            .honorifics
            .iter()
            .map(|(k, v)| (k.clone(), gender_of(v)))
            .collect(),
        role_genders: f
            .role_genders
            .iter()
            .map(|(k, v)| (k.clone(), gender_of(v)))
            .collect(),
        not_names: f.lists.not_names.into_iter().collect(),
        connectors: f.lists.connectors.into_iter().collect(),
        role_modifiers: f.lists.role_modifiers.into_iter().collect(),
        adjectives: f.lists.adjectives.into_iter().collect(),
        party_members: f.lists.party_members.into_iter().collect(),
        given,
    }
});

/// What a name refers to, as far as its own words tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MentionKind {
    Person,
    Organisation,
    Place,
    Unknown,
}

/// One occurrence of a name.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub sentence: usize,
    pub para: usize,
    /// Token range of the name itself inside the paragraph.
    pub start: usize,
    pub end: usize,
    /// Token index where the whole description starts (title, role, modifiers, possessor).
    pub outer_start: usize,
    pub name: String,
    pub kind: MentionKind,
    pub title: Option<String>,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    /// A demonym or adjective in front ("Russian", "Western").
    pub modifier: Option<String>,
    /// The owner in "Y's top commander X".
    pub possessor: Option<String>,
    /// The name is followed by a possessive 's.
    pub possessive: bool,
    /// The name stands inside quotation marks (quoted speech).
    pub in_quote: bool,
}

impl Mention {
    /// The last word of a person's name (the surname), or the whole name.
    pub fn surname(&self) -> &str {
        self.name.rsplit(' ').next().unwrap_or(&self.name)
    }
}

pub fn is_cap_word(t: &Token, text: &str) -> bool {
    if t.kind != Kind::Word {
        return false;
    }
    let s = t.text(text);
    !s.starts_with(['\'', '\u{2019}']) && s.chars().next().is_some_and(char::is_uppercase)
}

/// A capitalised adjective of nationality, region or bloc ("Russian", "Finnish",
/// "Western"): the gazetteer's demonyms and the adjectives listed in `assets/people.toml`.
pub fn is_demonym(word: &str) -> bool {
    crate::gazetteer::is_demonym(word) || LEX.adjectives.contains(word)
}

/// "R-Ariz", "D-N": a US party-and-state tag.
fn is_party_tag(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 3 && matches!(b[0], b'R' | b'D' | b'I') && b[1] == b'-' && b[2].is_ascii_uppercase()
}

/// "Ukrainian-controlled", "Soviet-era", "Currently": capitalised, but not names.
fn is_adjective_like(w: &str) -> bool {
    let hyphen_lower = w
        .rsplit_once('-')
        .is_some_and(|(_, b)| b.chars().next().is_some_and(char::is_lowercase));
    hyphen_lower || (w.ends_with("ly") && w.len() > 4)
}

/// Is this a place on the map (country, capital, region …), per the gazetteer?
pub fn is_place(name: &str) -> bool {
    crate::gazetteer::place_kind(name).is_some_and(|k| k.is_place())
}

/// Is this a supranational body ("EU", "Nato")?
pub fn is_body(name: &str) -> bool {
    crate::gazetteer::place_kind(name) == Some(crate::gazetteer::PlaceKind::Body)
}

/// Words used in the doc in lower case: a capitalised sentence opener that also occurs in
/// lower case is a common word, not a name. The words are borrowed from the text.
pub fn lower_vocabulary<'a>(doc: &Doc<'a>) -> HashSet<&'a str> {
    let mut v = HashSet::new();
    for p in &doc.paras {
        for t in &p.tokens {
            if t.kind == Kind::Word {
                let s = t.text(p.text);
                if s.chars().next().is_some_and(char::is_lowercase) {
                    v.insert(s);
                }
            }
        }
    }
    v
}

/// Find every name mention in the article, in order.
pub fn find_mentions(doc: &Doc<'_>) -> Vec<Mention> {
    let lex = &*LEX;
    let vocab = lower_vocabulary(doc);
    let mut out = Vec::new();
    // per paragraph, not per sentence: one long paragraph must not cost sentences × tokens
    let mut quoted: (usize, Vec<bool>) = (usize::MAX, Vec::new());
    for (si, (pi, range)) in doc.sentences.iter().enumerate() {
        let para = &doc.paras[*pi];
        let text = para.text;
        let toks = &para.tokens;
        if quoted.0 != *pi {
            quoted = (*pi, quoted_tokens(text, toks));
        }
        let quoted = &quoted.1;
        let mut i = range.start;
        while i < range.end {
            if !is_cap_word(&toks[i], text) {
                i += 1;
                continue;
            }
            let (span, next) = cap_span(text, toks, i, range.end, lex);
            i = next;
            let first_in_sentence = span.0 == range.start
                || (span.0 > range.start
                    && toks[range.start..span.0]
                        .iter()
                        .all(|t| t.kind == Kind::Punct));
            if let Some(m) = classify(doc, *pi, si, span, first_in_sentence, &vocab, lex) {
                let mut m = m;
                m.in_quote = quoted.get(m.start).copied().unwrap_or(false);
                out.push(m);
            }
        }
    }
    attach_appositions(doc, &mut out, lex);
    out
}

/// Which tokens of a paragraph stand inside double quotation marks.
fn quoted_tokens(text: &str, toks: &[Token]) -> Vec<bool> {
    let mut inside = false;
    toks.iter()
        .map(|t| {
            let s = t.text(text);
            match s {
                "\u{201c}" => {
                    inside = true;
                    false
                }
                "\u{201d}" => {
                    inside = false;
                    false
                }
                "\"" => {
                    inside = !inside;
                    false
                }
                _ => inside,
            }
        })
        .collect()
}

/// The capitalised span starting at `i`: cap words, initials ("C."), and connectors between
/// cap words ("Bank of England", "Chief of the General Staff"). Returns (start, end) and the
/// index to continue from.
fn cap_span(
    text: &str,
    toks: &[Token],
    i: usize,
    end: usize,
    lex: &PeopleLex,
) -> ((usize, usize), usize) {
    let mut j = i;
    loop {
        if j < end && is_cap_word(&toks[j], text) {
            j += 1;
            // an initial with its full stop: "James C. Reynolds"
            if j < end
                && toks[j].text(text) == "."
                && !toks[j].space_before
                && (toks[j - 1].text(text).chars().count() == 1
                    || lex.is_title_word(toks[j - 1].text(text)))
                && j + 1 < end
                && is_cap_word(&toks[j + 1], text)
            {
                j += 1;
            }
            continue;
        }
        // connectors: "of", "of the", "de la"
        if j > i && j < end {
            let w = toks[j].text(text);
            if lex.connectors.contains(w) {
                let mut k = j + 1;
                if k < end && toks[k].text(text) == "the" && w == "of" {
                    k += 1;
                }
                if k < end
                    && is_cap_word(&toks[k], text)
                    && !toks[k].text(text).ends_with('.')
                    && !is_date_word(toks[k].text(text))
                {
                    // "and" joins only inside organisation names: "Securities and Exchange
                    // Commission", not "Kyiv and Moscow"
                    if w == "and" && !and_joins_org(text, toks, k, end, lex) {
                        break;
                    }
                    j = k;
                    continue;
                }
            }
        }
        break;
    }
    ((i, j.max(i + 1)), j.max(i + 1))
}

/// A weekday or month name (not "May" or "March", which are also names and verbs).
fn is_date_word(w: &str) -> bool {
    let lw = w.to_lowercase();
    CALENDAR.weekday(&lw).is_some()
        || (CALENDAR.month(&lw).is_some() && !matches!(lw.as_str(), "may" | "march"))
}

fn and_joins_org(text: &str, toks: &[Token], k: usize, end: usize, lex: &PeopleLex) -> bool {
    let mut m = k;
    while m < end && is_cap_word(&toks[m], text) {
        if lex.org_heads.contains(toks[m].text(text)) {
            return true;
        }
        m += 1;
    }
    false
}

fn words(text: &str, toks: &[Token], r: std::ops::Range<usize>) -> Vec<String> {
    toks[r].iter().map(|t| t.text(text).to_owned()).collect()
}

fn join(text: &str, toks: &[Token], r: std::ops::Range<usize>) -> String {
    if r.is_empty() {
        return String::new();
    }
    text[toks[r.start].start as usize..toks[r.end - 1].end as usize].to_owned()
}

/// Find a title sequence in `ws` (words of a span); returns (start, len) of the last one
/// that is followed by at least one more word.
fn find_title(ws: &[String], lex: &PeopleLex) -> Option<(usize, usize)> {
    // a plural title before coordinated names ("Senators Jane Roe and John Doe") reads
    // as the title itself
    let clean: Vec<&str> = ws
        .iter()
        .map(|w| w.trim_end_matches('.'))
        .map(|w| match w.strip_suffix('s') {
            Some(one) if !lex.title_words.contains(w) && lex.titles.iter().any(|t| t == &[one]) => {
                one
            }
            _ => w,
        })
        .collect();
    let mut found = None;
    let mut s = 0;
    while s < clean.len() {
        let hit = lex.title_words.contains(clean[s]).then(|| {
            lex.titles.iter().find(|t| {
                s + t.len() < clean.len()
                    && clean[s..s + t.len()].iter().zip(*t).all(|(a, b)| a == b)
            })
        });
        match hit.flatten() {
            Some(t) => {
                found = Some((s, t.len()));
                s += t.len();
            }
            None => s += 1,
        }
    }
    found
}

/// Turn a capitalised span into a mention, or nothing (a sentence opener, a date word).
fn classify(
    doc: &Doc<'_>,
    pi: usize,
    si: usize,
    (mut s, e): (usize, usize),
    first: bool,
    vocab: &HashSet<&str>,
    lex: &PeopleLex,
) -> Option<Mention> {
    let para = &doc.paras[pi];
    let text = para.text;
    let toks = &para.tokens;
    // drop words that are not names at the start (sentence openers, weekdays, months)
    let opener_at = first.then(|| first_index(doc, si));
    while s < e {
        let w = toks[s].text(text);
        let lw = w.to_lowercase();
        let common_opener = opener_at == Some(s)
            && e - s == 1
            && (vocab.contains(lw.as_str())
                || lex.is_group_noun(&lw)
                // "Word of the deal spread", "Most of the staff": a common noun before a
                // lower-case "of" phrase; a name would carry its "of" inside ("Bank of X")
                || (e + 2 < toks.len()
                    && toks[e].text(text) == "of"
                    && toks[e + 1].kind == Kind::Word
                    && toks[e + 1]
                        .text(text)
                        .chars()
                        .next()
                        .is_some_and(char::is_lowercase)))
            && !lex.is_title_word(w)
            && !lex.is_org_name(w);
        if lex.not_names.contains(&lw)
            || is_date_word(w)
            || toks[s].kind == Kind::Punct
            || common_opener
        {
            s += 1;
            continue;
        }
        break;
    }
    // a date word or connector at the end ("Steele Sunday", "Obama Monday")
    let mut e = e;
    while e > s
        && (is_date_word(toks[e - 1].text(text)) || lex.connectors.contains(toks[e - 1].text(text)))
    {
        e -= 1;
    }
    if s >= e {
        return None;
    }
    // a party-and-state tag ("R-Ariz.", "D-N.Y."), a lone letter, a sentence-opening
    // participle ("Speaking on ABC", "Citing a report"), an all-capitals dateline
    let w0 = toks[s].text(text);
    if is_party_tag(w0) || (e - s == 1 && w0.chars().count() == 1) {
        return None;
    }
    if opener_at == Some(s) && w0.len() > 5 && (w0.ends_with("ing") || w0.ends_with("ed")) {
        s += 1;
        if s >= e {
            return None;
        }
    }
    // "the Ohio Republican", "Republican senators": a party member is described, not named
    while e > s && lex.party_members.contains(toks[e - 1].text(text)) {
        e -= 1;
    }
    if s >= e {
        return None;
    }
    if e - s == 1 && w0.len() > 5 && w0.chars().all(|c| c.is_uppercase()) && !lex.is_org_name(w0) {
        return None;
    }
    // "Mr", "Mrs", "Dr" and other titles may be stripped by not_names; look back for them
    let mut ws = words(text, toks, s..e);
    let mut title = None;
    let mut modifier = None;
    let mut affiliation = None;
    let mut name_start = s;
    // an honorific just before the span ("Mr" dropped as a not-name, or "Mr." with its dot)
    let back = honorific_before(text, toks, s, lex);
    if let Some((h, _)) = &back {
        title = Some(h.clone());
    }
    // an organisation's name may hold a title word ("General Staff"): its last word decides
    let org_headed = ws
        .last()
        .is_some_and(|w| lex.org_heads.contains(w.as_str()));
    if org_headed
        && ws.len() > 2
        && lex.is_title_word(&ws[0])
        && lex.connectors.contains(ws[1].as_str())
    {
        // "Chief of the General Staff": the organisation is what follows the connector
        let mut k = s + 1;
        while k < e && !is_cap_word(&toks[k], text) {
            k += 1;
        }
        s = k;
        ws = words(text, toks, s..e);
        name_start = s;
    }
    let found_title = if org_headed {
        None
    } else {
        find_title(&ws, lex)
    };
    if let Some((t0, tl)) = found_title {
        let mut t_words = ws[t0..t0 + tl].join(" ");
        let mut before = &ws[..t0];
        // "Assistant US Attorney", "Acting Chief Justice": modifiers belong to the title,
        // and so does a place between them and it
        let lead = before
            .iter()
            .take_while(|w| lex.role_modifiers.contains(w.to_lowercase().as_str()))
            .count();
        if lead > 0 && before[lead..].iter().all(|w| is_demonym(w) || is_place(w)) {
            if let Some(place) = before[lead..].first() {
                modifier = Some(place.clone());
            }
            t_words = format!("{} {t_words}", before.join(" "));
            before = &[];
        }
        if !before.is_empty() {
            if before.len() == 1 && is_demonym(&before[0]) {
                modifier = Some(before[0].clone());
            } else {
                let b0 = usize::from(is_demonym(&before[0]));
                if b0 == 1 {
                    modifier = Some(before[0].clone());
                }
                if before.len() > b0 {
                    affiliation = Some(before[b0..].join(" "));
                }
            }
        }
        title = Some(t_words);
        name_start = s + t0 + tl;
        // skip a full stop after an abbreviated title ("Sen. Jim")
        while name_start < e && toks[name_start].kind == Kind::Punct {
            name_start += 1;
        }
        ws = words(text, toks, name_start..e);
    } else if ws.len() > 1 && is_demonym(&ws[0]) && !lex.org_heads.iter().any(|h| ws.contains(h)) {
        // "Russian forces" never reaches here (lower case); "Finnish Foo Bar": a modifier
        modifier = Some(ws[0].clone());
        name_start = s + 1;
        ws = words(text, toks, name_start..e);
    }
    // "Mayor of London Jane Roe", "Chief of the General Staff John Doe": the title's "of"
    // phrase names a place or an organisation, and the name follows it
    if found_title.is_some()
        && let Some((aff, rest)) = title_complement(text, toks, name_start, e, lex)
    {
        affiliation = affiliation.or(Some(aff));
        name_start = rest;
        ws = words(text, toks, name_start..e);
    }
    // "Chief of the General Staff": a title phrase, not a name
    if ws
        .first()
        .is_some_and(|w| lex.connectors.contains(w.as_str()))
    {
        return None;
    }
    if ws.is_empty() {
        return None;
    }
    // "Currently, …" opens a sentence as an adverb; "Kelly said" and "when Kelly spoke"
    // name someone (an adverb is capitalised only at the start of its sentence)
    if ws.len() == 1
        && is_adjective_like(&ws[0])
        && (ws[0].contains('-')
            || (opener_at == Some(name_start) && lex.given_name(&ws[0]).is_none()))
    {
        return None;
    }
    let possessive = toks
        .get(e)
        .is_some_and(|t| !t.space_before && matches!(t.text(text), "'s" | "\u{2019}s" | "'S"));
    let name = join(text, toks, name_start..e);
    let kind = kind_of(&ws, title.as_deref(), lex);
    // a lone demonym ("Russian", "Ukrainians") is not a name
    if ws.len() == 1 && is_demonym(&ws[0]) && kind != MentionKind::Organisation && title.is_none() {
        return None;
    }
    let outer_start = back.map_or(s, |(_, i)| i).min(s);
    let mut m = Mention {
        sentence: si,
        para: pi,
        start: name_start,
        end: e,
        outer_start,
        name,
        kind,
        title,
        role: None,
        affiliation,
        modifier,
        possessor: None,
        possessive,
        in_quote: false,
    };
    describe_prefix(text, toks, &mut m, lex);
    // "Kyiv's General Staff": a possessor right before the name
    if m.possessor.is_none() && m.outer_start >= 2 {
        let p = &toks[m.outer_start - 1];
        if matches!(p.text(text), "'s" | "\u{2019}s") {
            let (a, b) = cap_run_back(text, toks, m.outer_start - 1);
            if a < b {
                m.possessor = Some(join(text, toks, a..b));
            }
        }
    }
    Some(m)
}

/// The complement of a title ("of London", "of the General Staff") starting at the
/// connector `c`, when a name of at least two words follows it: (the place or organisation,
/// where the name starts).
fn title_complement(
    text: &str,
    toks: &[Token],
    c: usize,
    e: usize,
    lex: &PeopleLex,
) -> Option<(String, usize)> {
    if c >= e || !matches!(toks[c].text(text), "of" | "for") {
        return None;
    }
    let mut k = c + 1;
    if k < e && toks[k].text(text) == "the" {
        k += 1;
    }
    (1..=3).rev().find_map(|len| {
        let end = k + len;
        if end + 2 > e || (k..end).any(|i| !is_cap_word(&toks[i], text)) {
            return None;
        }
        let phrase = join(text, toks, k..end);
        let last = toks[end - 1].text(text);
        let named = is_place(&phrase) || lex.org_heads.contains(last) || lex.is_org_name(&phrase);
        (named && is_cap_word(&toks[end], text) && is_cap_word(&toks[end + 1], text))
            .then_some((phrase, end))
    })
}

fn first_index(doc: &Doc<'_>, si: usize) -> usize {
    let (pi, r) = &doc.sentences[si];
    let toks = &doc.paras[*pi].tokens;
    let mut i = r.start;
    while i < r.end && toks[i].kind == Kind::Punct {
        i += 1;
    }
    i
}

/// An honorific right before token `s` ("Mr Smith", "Mr. Smith"): (the honorific, its index).
fn honorific_before(
    text: &str,
    toks: &[Token],
    s: usize,
    lex: &PeopleLex,
) -> Option<(String, usize)> {
    let mut k = s;
    if k > 0 && toks[k - 1].text(text) == "." && !toks[k - 1].space_before {
        k -= 1;
    }
    if k == 0 {
        return None;
    }
    let w = toks[k - 1].text(text);
    lex.honorifics
        .contains_key(w)
        .then(|| (w.to_owned(), k - 1))
}

fn kind_of(ws: &[String], title: Option<&str>, lex: &PeopleLex) -> MentionKind {
    let joined = ws.join(" ");
    if ws.iter().any(|w| lex.org_heads.contains(w.as_str()))
        || lex.org_names.contains(&joined)
        || is_body(&joined)
    {
        return MentionKind::Organisation;
    }
    if title.is_none() && is_place(&joined) {
        return MentionKind::Place;
    }
    if ws.len() == 1 {
        let w = &ws[0];
        let acronym = w.chars().count() >= 2
            && w.chars()
                .all(|c| c.is_uppercase() || c == '.' || c == '&' || c.is_ascii_digit());
        if acronym && title.is_none() {
            return MentionKind::Organisation;
        }
    }
    if title.is_some() {
        return MentionKind::Person;
    }
    // a given name first, or an initial ("James C. Reynolds", "A.Q. Shipley")
    let initial = ws
        .iter()
        .any(|w| w.chars().count() == 1 || (w.ends_with('.') && w.len() <= 5));
    if (2..=5).contains(&ws.len()) && (lex.given.contains_key(&ws[0]) || initial) {
        return MentionKind::Person;
    }
    MentionKind::Unknown
}

/// Read what stands before a name without a comma: a lower-case role ("top military
/// commander"), an affiliation ("NRSC spokesman"), a demonym ("Ukrainian steelmaker") and a
/// possessor ("Ukraine's top commander").
fn describe_prefix(text: &str, toks: &[Token], m: &mut Mention, lex: &PeopleLex) {
    let mut k = m.outer_start;
    let mut lower: Vec<String> = Vec::new();
    while k > 0 && lower.len() < 5 {
        let t = &toks[k - 1];
        let w = t.text(text);
        if t.kind != Kind::Word
            || !w.chars().next().is_some_and(char::is_lowercase)
            || lex.connectors.contains(w)
            || (lex.not_names.contains(w) && !lex.role_modifiers.contains(w))
            || SPEECH.verb(w).is_some()
        {
            break;
        }
        lower.insert(0, w.to_owned());
        k -= 1;
    }
    if lex.role_suffix(&lower).is_none() {
        return;
    }
    // the modifiers in front of the role head stay with it ("top military commander")
    let role = lower.join(" ");
    let head = lower.last().cloned().unwrap_or_default();
    if m.title.is_none() && lex.org_roles.contains(&head) && !lex.role_heads.contains(&head) {
        m.kind = MentionKind::Organisation;
    } else if m.kind == MentionKind::Unknown
        || (m.kind == MentionKind::Person && m.name.split(' ').count() == 1)
    {
        if lex.org_roles.contains(&head) {
            m.kind = MentionKind::Organisation;
        } else if m.kind == MentionKind::Unknown {
            m.kind = MentionKind::Person;
        }
    }
    m.role = Some(role);
    m.outer_start = k;
    // before the role: a possessor ("Ukraine's"), a demonym, or an affiliation span
    if k > 0 {
        let t = &toks[k - 1];
        let w = t.text(text);
        if matches!(w, "'s" | "\u{2019}s") && k >= 2 {
            let (a, b) = cap_run_back(text, toks, k - 1);
            if a < b {
                m.possessor = Some(join(text, toks, a..b));
                m.outer_start = a;
            }
        } else if is_cap_word(t, text) {
            let (a, b) = cap_run_back(text, toks, k);
            if a < b {
                let ws = words(text, toks, a..b);
                let lw0 = ws[0].to_lowercase();
                if ws.len() == 1 && is_demonym(&ws[0]) {
                    m.modifier = Some(ws[0].clone());
                } else if ws.len() == 1 && lex.role_modifiers.contains(lw0.as_str()) {
                    // "Chief executive Jane Roe", "Former minister Tom Doe": capitalised
                    // only because it opens the sentence, the word is part of the role
                    m.role = Some(format!("{lw0} {}", lower.join(" ")));
                    m.outer_start = a;
                } else if !lex.not_names.contains(&ws[0].to_lowercase()) || ws.len() > 1 {
                    let start = usize::from(lex.not_names.contains(&ws[0].to_lowercase()));
                    m.affiliation = Some(ws[start..].join(" "));
                }
                m.outer_start = a;
            }
        }
    }
}

/// The run of capitalised words ending just before `end`, without leading function words.
fn cap_run_back(text: &str, toks: &[Token], end: usize) -> (usize, usize) {
    let mut a = end;
    while a > 0 && is_cap_word(&toks[a - 1], text) {
        a -= 1;
    }
    while a < end && LEX.not_names.contains(&toks[a].text(text).to_lowercase()) {
        a += 1;
    }
    (a, end)
}

/// Appositions: "X, a senior fellow at Y," gives X a role and an affiliation; "the group's
/// spokesman, X," does the same from the other side (and wins, as it carries the possessor).
fn attach_appositions(doc: &Doc<'_>, ms: &mut [Mention], lex: &PeopleLex) {
    for idx in 0..ms.len() {
        if ms[idx].kind == MentionKind::Place {
            continue;
        }
        let (pi, si) = (ms[idx].para, ms[idx].sentence);
        let para = &doc.paras[pi];
        let (text, toks) = (para.text, &para.tokens);
        let (sstart, send) = (doc.sentences[si].1.start, doc.sentences[si].1.end);
        let is_boundary = |k: usize| {
            matches!(
                toks[k].text(text),
                "," | ";" | ":" | "(" | ")" | "\"" | "\u{201c}" | "\u{201d}" | "\u{2014}"
            ) || SPEECH.verb(&toks[k].text(text).to_lowercase()).is_some()
        };
        let after = ms[idx].end + usize::from(ms[idx].possessive);
        // backward: "[det] ROLE [for|of ORG], X" followed by a comma or a verb
        let o = ms[idx].outer_start;
        if o > sstart + 1 && toks[o - 1].text(text) == "," {
            let seg_start = (sstart..o - 1)
                .rev()
                .find(|&k| is_boundary(k))
                .map_or(sstart, |k| k + 1);
            let closes = after >= send
                || matches!(toks[after].text(text), "," | ".")
                || SPEECH
                    .verb(&toks[after].text(text).to_lowercase())
                    .is_some();
            if closes
                && let Some((role, affiliation, _)) =
                    role_phrase(doc, pi, (seg_start, o - 1), false, ms, lex)
            {
                let m = &mut ms[idx];
                m.role = Some(role);
                m.affiliation = m.affiliation.take().or(affiliation);
                m.possessor = m
                    .possessor
                    .take()
                    .or_else(|| possessor_in(text, toks, seg_start, o - 1));
                m.modifier = m
                    .modifier
                    .take()
                    .or_else(|| first_demonym(text, toks, seg_start, o - 1));
                if m.kind == MentionKind::Unknown {
                    m.kind = MentionKind::Person;
                }
            }
        }
        // forward: ", [a|an|the] ROLE ... ,"
        if after < send && toks[after].text(text) == "," && ms[idx].role.is_none() {
            let seg_end = (after + 1..send).find(|&k| is_boundary(k)).unwrap_or(send);
            // a phrase that runs into a verb is that verb's subject, not an apposition:
            // "…in Kyiv, the military told Reuters"
            let closes = seg_end >= send
                || matches!(toks[seg_end].text(text), "," | ")" | ";" | ":" | "\u{2014}");
            // ", including the city mayor," gives examples of a group, not the name's role
            let examples = after + 1 < send
                && matches!(
                    toks[after + 1].text(text).to_lowercase().as_str(),
                    "including" | "such" | "especially" | "notably" | "among" | "like" | "unlike"
                );
            if !closes || examples {
                continue;
            }
            if let Some((role, affiliation, org)) =
                role_phrase(doc, pi, (after + 1, seg_end), true, ms, lex)
            {
                let m = &mut ms[idx];
                m.role = Some(role);
                m.affiliation = m.affiliation.take().or(affiliation);
                let single = m.name.split(' ').count() == 1;
                if org && m.title.is_none() && single && m.kind != MentionKind::Organisation {
                    m.kind = MentionKind::Organisation;
                } else if m.kind == MentionKind::Unknown {
                    m.kind = MentionKind::Person;
                }
                m.modifier = m
                    .modifier
                    .take()
                    .or_else(|| first_demonym(text, toks, after + 1, seg_end));
            }
        }
    }
}

/// The owner before a possessive at `d`: a capitalised run ("Kalashnikov"), or a short
/// noun phrase back to its determiner ("the Islamist movement").
fn owner_before(text: &str, toks: &[Token], a: usize, d: usize) -> Option<String> {
    if d == 0 || d <= a {
        return None;
    }
    if is_cap_word(&toks[d - 1], text) {
        let (x, y) = cap_run_back(text, toks, d);
        return (x < y).then(|| join(text, toks, x..y));
    }
    let mut x = d;
    while x > a && d - x < 4 && toks[x - 1].kind == Kind::Word {
        let w = toks[x - 1].text(text).to_lowercase();
        if matches!(
            w.as_str(),
            "a" | "an" | "the" | "of" | "in" | "at" | "with" | "and" | "by" | "for"
        ) || SPEECH.verb(&w).is_some()
        {
            break;
        }
        x -= 1;
    }
    (x < d).then(|| join(text, toks, x..d))
}

fn first_demonym(text: &str, toks: &[Token], a: usize, b: usize) -> Option<String> {
    toks[a..b]
        .iter()
        .map(|t| t.text(text))
        .find(|w| is_demonym(w) && crate::gazetteer::is_demonym(w))
        .map(str::to_owned)
}

fn possessor_in(text: &str, toks: &[Token], a: usize, b: usize) -> Option<String> {
    (a..b).find_map(|k| {
        let w = toks[k].text(text);
        if matches!(w, "'s" | "\u{2019}s") && k > a {
            let (x, y) = cap_run_back(text, toks, k);
            (x < y).then(|| join(text, toks, x..y))
        } else {
            None
        }
    })
}

/// A role phrase in tokens a..b: optional determiner, lower-case words ending in a role noun,
/// optionally "at|of|with|for ORG". Returns (role, affiliation, role names an organisation).
fn role_phrase(
    doc: &Doc<'_>,
    pi: usize,
    (a, b): (usize, usize),
    forward: bool,
    ms: &[Mention],
    lex: &PeopleLex,
) -> Option<(String, Option<String>, bool)> {
    let para = &doc.paras[pi];
    let (text, toks) = (para.text, &para.tokens);
    if a >= b || b - a > 16 {
        return None;
    }
    if !forward {
        // "Izvestia quotes Kalashnikov's daughter", "in Berlin and the foreign minister": the
        // role starts at a determiner or possessive; try them from the right
        let starts: Vec<usize> = (a..b)
            .rev()
            .filter(|&k| {
                matches!(
                    toks[k].text(text).to_lowercase().as_str(),
                    "a" | "an" | "the" | "'s" | "\u{2019}s" | "its" | "his" | "her" | "their"
                )
            })
            .chain(std::iter::once(a))
            .collect();
        for d in starts {
            let owner = matches!(toks[d].text(text), "'s" | "\u{2019}s")
                .then(|| owner_before(text, toks, a, d))
                .flatten();
            if let Some((role, affiliation, org)) = role_phrase(doc, pi, (d, b), true, ms, lex) {
                return Some((role, owner.or(affiliation), org));
            }
        }
        return None;
    }
    let first = toks[a].text(text);
    let a = if matches!(first, "'s" | "\u{2019}s") {
        a + 1
    } else {
        a
    };
    if a >= b {
        return None;
    }
    let mut k = a;
    let first = toks[k].text(text).to_lowercase();
    if matches!(
        first.as_str(),
        "a" | "an" | "the" | "its" | "his" | "her" | "their" | "'s" | "\u{2019}s"
    ) {
        k += 1;
    }
    if k < b
        && matches!(
            toks[k].text(text).to_lowercase().as_str(),
            "who" | "which" | "that"
        )
    {
        return None;
    }
    // a capitalised title phrase: "Chief of the General Staff"
    if k < b && is_cap_word(&toks[k], text) && lex.is_title_word(toks[k].text(text)) {
        let role = join(text, toks, k..b);
        return Some((role, None, false));
    }
    if forward && k == a && k < b && is_cap_word(&toks[k], text) && !is_demonym(toks[k].text(text))
    {
        return None;
    }
    // lower-case words (and demonyms) up to a preposition
    let mut ws: Vec<String> = Vec::new();
    let mut m = k;
    while m < b {
        let t = &toks[m];
        let w = t.text(text);
        if matches!(
            w,
            "at" | "of"
                | "with"
                | "for"
                | "from"
                | "in"
                | "on"
                | "to"
                | "and"
                | "who"
                | "which"
                | "that"
        ) {
            break;
        }
        if t.kind == Kind::Word {
            if SPEECH.is_between(&w.to_lowercase()) || SPEECH.verb(&w.to_lowercase()).is_some() {
                return None;
            }
            ws.push(w.to_lowercase());
        } else if w != "-" {
            break;
        }
        m += 1;
    }
    lex.role_suffix(&ws)?;
    // keep only lower-case words of the role (drop a demonym or possessor in front)
    let role_words: Vec<&str> = toks[k..m]
        .iter()
        .map(|t| t.text(text))
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase) && *w != "-")
        .filter(|w| !matches!(*w, "'s" | "\u{2019}s"))
        .collect();
    if role_words.is_empty() {
        return None;
    }
    let role = role_words.join(" ");
    let head = ws.last().cloned().unwrap_or_default();
    let org = lex.org_roles.contains(&head);
    // affiliation: the first organisation (or any name) named after the role
    // (the mentions are in text order: look at this paragraph's only, so that a long article
    // does not make each role phrase scan all of them)
    let para_ms = &ms[ms.partition_point(|x| x.para < pi)..ms.partition_point(|x| x.para <= pi)];
    let affiliation = para_ms
        .iter()
        .filter(|x| x.para == pi && x.start >= m && x.end <= b)
        .rfind(|x| x.kind == MentionKind::Organisation)
        .map(|x| x.name.clone());
    Some((role, affiliation, org))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mentions(paras: &[&str]) -> Vec<Mention> {
        let owned: Vec<String> = paras.iter().map(|s| s.to_string()).collect();
        let doc = Doc::new(&owned);
        find_mentions(&doc)
    }

    fn find<'a>(ms: &'a [Mention], name: &str) -> &'a Mention {
        ms.iter().find(|m| m.name == name).unwrap_or_else(|| {
            panic!(
                "{name} not found in {:?}",
                ms.iter().map(|m| &m.name).collect::<Vec<_>>()
            )
        })
    }

    #[test]
    fn titles_modifiers_and_names() {
        let ms = mentions(&[
            "Russian President Jane Roe met Sen. John Q. Public and Mr. Doe on Tuesday.",
        ]);
        let roe = find(&ms, "Jane Roe");
        assert_eq!(roe.title.as_deref(), Some("President"));
        assert_eq!(roe.modifier.as_deref(), Some("Russian"));
        assert_eq!(roe.kind, MentionKind::Person);
        let public = find(&ms, "John Q. Public");
        assert_eq!(public.title.as_deref(), Some("Sen"));
        let doe = find(&ms, "Doe");
        assert_eq!(doe.title.as_deref(), Some("Mr"));
        assert!(!ms.iter().any(|m| m.name.contains("Tuesday")));
    }

    #[test]
    fn title_modifiers_and_company_names() {
        let ms = mentions(&[
            "Assistant US Attorney Jane Roe and Acting Governor Tom Fell met Nordby Motors.",
            "Westway Airlines said it would sue.",
            "Chief executive Ola Brandt said profits fell.",
        ]);
        let brandt = find(&ms, "Ola Brandt");
        assert_eq!(brandt.role.as_deref(), Some("chief executive"));
        assert_eq!(brandt.affiliation, None);
        let roe = find(&ms, "Jane Roe");
        assert_eq!(roe.title.as_deref(), Some("Assistant US Attorney"));
        assert_eq!(roe.affiliation, None);
        let fell = find(&ms, "Tom Fell");
        assert_eq!(fell.title.as_deref(), Some("Acting Governor"));
        assert_eq!(fell.affiliation, None);
        assert_eq!(find(&ms, "Nordby Motors").kind, MentionKind::Organisation);
        assert_eq!(
            find(&ms, "Westway Airlines").kind,
            MentionKind::Organisation
        );
    }

    #[test]
    fn a_title_with_its_place_before_the_name() {
        let ms = mentions(&[
            "Mayor of Paris Odile Ferrand said: \"The square stays closed.\"",
            "Governor of New York Jane Q. Roe agreed.",
        ]);
        let m = find(&ms, "Odile Ferrand");
        assert_eq!(m.title.as_deref(), Some("Mayor"));
        assert_eq!(m.affiliation.as_deref(), Some("Paris"));
        assert_eq!(m.kind, MentionKind::Person);
        let r = find(&ms, "Jane Q. Roe");
        assert_eq!(r.affiliation.as_deref(), Some("New York"));
    }

    #[test]
    fn a_plural_title_before_coordinated_names() {
        let ms = mentions(&["Critics, like Senators Jane Roe and Tom Doe, want a vote."]);
        let m = find(&ms, "Jane Roe");
        assert_eq!(m.title.as_deref(), Some("Senators"));
        assert_eq!(m.kind, MentionKind::Person);
    }

    #[test]
    fn appositions_give_roles_and_affiliations() {
        let ms = mentions(&[
            "Jane Roe, a senior fellow at the Example Policy Institute, says the plan will fail.",
        ]);
        let roe = find(&ms, "Jane Roe");
        assert_eq!(roe.role.as_deref(), Some("senior fellow"));
        assert_eq!(roe.affiliation.as_deref(), Some("Example Policy Institute"));
        let inst = find(&ms, "Example Policy Institute");
        assert_eq!(inst.kind, MentionKind::Organisation);

        let ms =
            mentions(&["A spokesman for the Example Party, John Doe, said the vote was fair."]);
        let doe = find(&ms, "John Doe");
        assert_eq!(doe.role.as_deref(), Some("spokesman"));
        assert_eq!(doe.affiliation.as_deref(), Some("Example Party"));

        // examples after "including" are no apposition of the name before them
        let ms = mentions(&[
            "Supporters of the hall in lower Eastbrook, including the city mayor, say it should open.",
        ]);
        let town = find(&ms, "Eastbrook");
        assert_eq!(town.role, None);
        assert_ne!(town.kind, MentionKind::Person);
    }

    #[test]
    fn prefixes_give_roles_possessors_and_organisations() {
        let ms = mentions(&[
            "With Finland's top military commander Anna Berg saying the line held, the Norwegian steelmaker Acmecorp said it had closed a mine.",
        ]);
        let berg = find(&ms, "Anna Berg");
        assert_eq!(berg.role.as_deref(), Some("top military commander"));
        assert_eq!(berg.possessor.as_deref(), Some("Finland"));
        let acme = find(&ms, "Acmecorp");
        assert_eq!(acme.kind, MentionKind::Organisation);
        assert_eq!(acme.role.as_deref(), Some("steelmaker"));
        assert_eq!(acme.modifier.as_deref(), Some("Norwegian"));
    }

    #[test]
    fn sentence_openers_are_not_names() {
        let ms = mentions(&[
            "Capturing the town would be costly. The capturing of towns is slow. Still, nothing is decided.",
        ]);
        assert!(ms.is_empty(), "{ms:?}");
    }

    #[test]
    fn organisations_with_connectors() {
        let ms = mentions(&[
            "The Securities and Exchange Commission and the Bank of England disagreed with Norway and Finland.",
        ]);
        find(&ms, "Securities and Exchange Commission");
        find(&ms, "Bank of England");
        assert!(!ms.iter().any(|m| m.name == "Norway and Finland"));
    }
}

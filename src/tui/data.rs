//! What the dashboard derives from a store, computed once when the [`App`] is built (never per
//! frame): facts grouped across sources, people with their quotes per source, dispute pairs,
//! the sides and their colours, and the pairs of sources that can be compared.
//!
//! [`App`]: super::app::App

use std::collections::HashMap;

use crate::model::{Article, FactKind, PersonKind, QuoteKind, Status, Store};
use crate::text::{fold, strip_diacritics};

use super::diff;

/// A place in the store: an article and one of its sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Loc {
    pub article: usize,
    pub sentence: usize,
}

/// A fact as the Key facts tab lists it: one row per fact, merged across the sources that
/// state it.
#[derive(Debug, Clone, PartialEq)]
pub struct FactRow {
    pub kind: FactKind,
    pub text: String,
    pub subject: Option<String>,
    pub qualifier: Option<String>,
    /// Where each source states it (article order).
    pub sources: Vec<Loc>,
    /// The other versions when a comparison found that the sources disagree on it.
    pub differs: Vec<(usize, String)>,
    pub haystack: String,
}

/// A quote by a person, by reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteRef {
    pub article: usize,
    pub index: usize,
}

/// A person (or organisation, or group) merged across sources by name and spelling variant.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonRow {
    pub name: String,
    pub kind: PersonKind,
    pub role: Option<String>,
    pub side: Option<String>,
    pub side_index: Option<usize>,
    /// Per article: quotes and quoted words.
    pub quotes_per_source: Vec<usize>,
    pub words_per_source: Vec<usize>,
    pub quotes: Vec<QuoteRef>,
    /// The first mention, for Enter.
    pub first: Option<Loc>,
    pub haystack: String,
}

impl PersonRow {
    pub fn total_quotes(&self) -> usize {
        self.quotes_per_source.iter().sum()
    }
}

/// A dispute (claim and the denial of it) or a claim no one disputes, from one article.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimRow {
    pub article: usize,
    pub claim: Option<usize>,
    pub denial: Option<usize>,
    /// Further statements of the article that answer the same claim.
    pub also_denied_by: Vec<usize>,
    /// Articles reporting the claim (or, without a claim, the denial).
    pub sources: Vec<usize>,
    pub haystack: String,
}

/// A bar of the Overview chart: words a person is quoted with in one source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bar {
    pub person: usize,
    pub article: usize,
    pub words: usize,
}

/// A pair of sources that has a [`crate::model::Comparison`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pair {
    pub comparison: usize,
    pub left: usize,
    pub right: usize,
}

/// The store and everything derived from it.
#[derive(Debug, Clone)]
pub struct Data {
    pub store: Store,
    pub sides: Vec<String>,
    side_index: HashMap<String, usize>,
    pub facts: Vec<FactRow>,
    pub people: Vec<PersonRow>,
    pub claims: Vec<ClaimRow>,
    pub bars: Vec<Bar>,
    pub pairs: Vec<Pair>,
    /// Per article: the text searched by the Overview filter.
    pub card_haystacks: Vec<String>,
    /// Per article: its short unique label ([`crate::labels::labels`]).
    pub labels: Vec<String>,
    /// The width the Key facts tab's Source(s) column needs for its longest list.
    pub fact_sources_width: usize,
}

/// Normalise for search: lower case, curly quotes and dashes plain. Character by character,
/// so a match found in folded text maps back to the original.
pub fn norm_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201b}' | '\u{2032}' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' => '"',
        '\u{2010}'..='\u{2015}' => '-',
        c => c.to_lowercase().next().unwrap_or(c),
    }
}

/// [`norm_char`] over a string.
pub fn norm(s: &str) -> String {
    s.chars().map(norm_char).collect()
}

/// The key under which names are merged across sources.
fn name_key(s: &str) -> String {
    let f = fold(&strip_diacritics(s));
    let f = f.strip_prefix("the ").unwrap_or(&f).to_owned();
    f.trim_matches(|c: char| !c.is_alphanumeric()).to_owned()
}

impl Data {
    pub fn new(store: Store) -> Data {
        Data::with_labels(store, &[])
    }

    /// [`Data::new`], with the user's names for some sources.
    pub fn with_labels(store: Store, overrides: &[crate::labels::Override]) -> Data {
        let labels = crate::labels::labels(&store.articles, overrides);
        let mut d = Data {
            store,
            sides: Vec::new(),
            side_index: HashMap::new(),
            facts: Vec::new(),
            people: Vec::new(),
            claims: Vec::new(),
            bars: Vec::new(),
            pairs: Vec::new(),
            card_haystacks: Vec::new(),
            labels,
            fact_sources_width: 0,
        };
        d.pairs = pairs(&d.store);
        d.collect_sides();
        d.facts = facts(&d.store, &d.pairs, &d.labels);
        d.fact_sources_width = d
            .facts
            .iter()
            .map(|f| {
                f.sources
                    .iter()
                    .map(|l| crate::text::width(&d.labels[l.article]) + 2)
                    .sum::<usize>()
                    .saturating_sub(2)
            })
            .max()
            .unwrap_or(0)
            .min(80);
        d.people = d.people_rows();
        d.claims = claims(&d.store, &d.pairs, &d.labels);
        d.bars = bars(&d.people);
        d.card_haystacks = d
            .store
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| {
                norm(&format!(
                    "{} {} {} {}",
                    d.labels[i],
                    crate::labels::title(a).text,
                    a.published.as_deref().unwrap_or(""),
                    a.authors.join(" ")
                ))
            })
            .collect();
        d
    }

    pub fn articles(&self) -> &[Article] {
        &self.store.articles
    }

    /// The index of a side (for its colour), if the store names it.
    pub fn side_of(&self, side: Option<&str>) -> Option<usize> {
        side.and_then(|s| self.side_index.get(&name_key(s)).copied())
    }

    /// The label of a source made to fit `w` columns, keeping what tells it apart.
    pub fn fit_label(&self, article: usize, w: usize) -> String {
        crate::labels::fit(self.source_label(article), w)
    }

    /// The short label of a source for narrow columns.
    pub fn source_label(&self, article: usize) -> &str {
        self.labels.get(article).map_or("?", String::as_str)
    }

    /// The side of the person who said `quote`, looked up in its article.
    pub fn speaker_side(&self, article: usize, speaker: Option<&str>) -> Option<&str> {
        let a = self.store.articles.get(article)?;
        let key = name_key(speaker?);
        a.people
            .iter()
            .find(|p| p.all_names().any(|n| name_key(n) == key))
            .and_then(|p| p.side.as_deref())
    }

    fn collect_sides(&mut self) {
        let mut add = |s: &Option<String>| {
            if let Some(s) = s {
                let k = name_key(s);
                if !k.is_empty() && !self.side_index.contains_key(&k) {
                    self.side_index.insert(k, self.sides.len());
                    self.sides.push(s.clone());
                }
            }
        };
        for a in &self.store.articles {
            for p in &a.people {
                add(&p.side);
            }
            for c in &a.claims {
                add(&c.side);
            }
        }
    }

    fn people_rows(&self) -> Vec<PersonRow> {
        let n = self.store.articles.len();
        // spelling variants found by the comparisons: the right-hand spelling joins the left
        let mut alias: HashMap<String, String> = HashMap::new();
        for c in &self.store.comparisons {
            for v in &c.variants {
                let (l, r) = (name_key(&v.left), name_key(&v.right));
                if l != r {
                    alias.entry(r).or_insert(l);
                }
            }
        }
        let canon = |name: &str| {
            let k = name_key(name);
            alias.get(&k).cloned().unwrap_or(k)
        };
        let mut rows: Vec<PersonRow> = Vec::new();
        let mut by_key: HashMap<String, usize> = HashMap::new();
        let blank = |name: &str| PersonRow {
            name: name.to_owned(),
            kind: PersonKind::Person,
            role: None,
            side: None,
            side_index: None,
            quotes_per_source: vec![0; n],
            words_per_source: vec![0; n],
            quotes: Vec::new(),
            first: None,
            haystack: String::new(),
        };
        for (ai, a) in self.store.articles.iter().enumerate() {
            // which row each of this article's names belongs to
            let mut local: HashMap<String, usize> = HashMap::new();
            for p in &a.people {
                let key = canon(&p.name);
                let row = *by_key.entry(key).or_insert_with(|| {
                    rows.push(PersonRow {
                        kind: p.kind,
                        ..blank(&p.name)
                    });
                    rows.len() - 1
                });
                let r = &mut rows[row];
                if r.role.is_none() {
                    r.role.clone_from(&p.role);
                }
                if r.side.is_none() {
                    r.side.clone_from(&p.side);
                }
                if r.first.is_none() && p.sentence < a.sentences.len() {
                    r.first = Some(Loc {
                        article: ai,
                        sentence: p.sentence,
                    });
                }
                for name in p.all_names() {
                    local.insert(name_key(name), row);
                }
            }
            for (qi, q) in a.quotes.iter().enumerate() {
                // an unattributed quote is nobody's row (the Read tab still marks it)
                let Some(speaker) = q.speaker.as_deref() else {
                    continue;
                };
                let row = match local.get(&name_key(speaker)) {
                    Some(&r) => r,
                    None => {
                        let key = canon(speaker);
                        let r = *by_key.entry(key).or_insert_with(|| {
                            rows.push(blank(speaker));
                            rows.len() - 1
                        });
                        local.insert(name_key(speaker), r);
                        r
                    }
                };
                let r = &mut rows[row];
                r.quotes_per_source[ai] += 1;
                r.words_per_source[ai] += q.word_count();
                r.quotes.push(QuoteRef {
                    article: ai,
                    index: qi,
                });
                if r.first.is_none() {
                    r.first = Some(Loc {
                        article: ai,
                        sentence: q.sentence,
                    });
                }
            }
        }
        let mut rows = merge_short_names(rows.into_iter().filter(|r| is_actor(&r.name)).collect());
        let parties = self.parties();
        for r in &mut rows {
            // a side only for a party of the story the text ties the speaker to
            if r.side
                .as_deref()
                .is_some_and(|s| !parties.contains(&name_key(s)))
            {
                r.side = None;
            }
            if r.side.is_none() {
                r.side = self.side_in_text(r, &parties);
            }
            r.role = r.role.as_deref().map(crate::labels::role);
            if r.role.is_none() {
                r.role = government_role(&r.name);
            }
            r.side_index = self.side_of(r.side.as_deref());
            r.haystack = norm(&format!(
                "{} {} {}",
                r.name,
                r.role.as_deref().unwrap_or(""),
                r.side.as_deref().unwrap_or("")
            ));
        }
        // most quoted first; ties keep the order of first appearance
        rows.sort_by_key(|r| std::cmp::Reverse(r.total_quotes()));
        rows
    }

    /// The parties of the story: the sides that stand on either end of a dispute (a claim
    /// and its denial), by name key. Without disputes, every side of a claim; without
    /// those, every side named.
    fn parties(&self) -> std::collections::HashSet<String> {
        let mut disputed = std::collections::HashSet::new();
        let mut claimed = std::collections::HashSet::new();
        for a in &self.store.articles {
            for c in &a.claims {
                let Some(side) = c.side.as_deref() else {
                    continue;
                };
                claimed.insert(name_key(side));
                for id in &c.disputes {
                    if let Some(t) = a.claims.iter().find(|t| &t.id == id) {
                        disputed.insert(name_key(side));
                        if let Some(ts) = t.side.as_deref() {
                            disputed.insert(name_key(ts));
                        }
                    }
                }
            }
        }
        if !disputed.is_empty() {
            disputed
        } else if !claimed.is_empty() {
            claimed
        } else {
            self.sides.iter().map(|s| name_key(s)).collect()
        }
    }

    /// The party a person's first mention ties them to by a demonym just before the name or
    /// its title ("Ukrainian President X"), if that party is one of the story's.
    fn side_in_text(
        &self,
        r: &PersonRow,
        parties: &std::collections::HashSet<String>,
    ) -> Option<String> {
        if r.kind != PersonKind::Person {
            return None;
        }
        let articles = r
            .first
            .iter()
            .map(|l| l.article)
            .chain(r.quotes.iter().map(|q| q.article));
        let mut seen = Vec::new();
        for ai in articles {
            if seen.contains(&ai) {
                continue;
            }
            seen.push(ai);
            let a = self.store.articles.get(ai)?;
            for s in a.sentences.iter().filter(|s| s.text.contains(&r.name)) {
                if let Some(side) = demonym_before(&s.text, &r.name, parties) {
                    return Some(side);
                }
            }
        }
        None
    }
}

/// "Ukrainian President X" or "Ukrainian X": the country of a demonym right before the name
/// or before the capitalised title before it, when that country is a party of the story.
fn demonym_before(
    text: &str,
    name: &str,
    parties: &std::collections::HashSet<String>,
) -> Option<String> {
    let at = text.find(name)?;
    let mut before = text[..at].split_whitespace().rev();
    let clean = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_owned();
    let first = clean(before.next()?);
    let word = if crate::gazetteer::is_demonym(&first) {
        first
    } else if first.chars().next().is_some_and(char::is_uppercase) {
        clean(before.next()?)
    } else {
        return None;
    };
    if !crate::gazetteer::is_demonym(&word) {
        return None;
    }
    let country = crate::gazetteer::country_for(&word)?;
    parties
        .contains(&name_key(country))
        .then(|| country.to_owned())
}

/// A row worth listing: a name (capitalised: "Kyiv", "Ukrainian military"), not a common
/// noun or a phrase that the quote stage took for a speaker ("people", "even Republicans",
/// "statement from the ministry").
fn is_actor(name: &str) -> bool {
    let n = name.trim();
    let n = n.strip_prefix("the ").unwrap_or(n);
    // scripts without case ("東京") count as names
    n.chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() && !c.is_lowercase())
}

/// A capital or a country that speaks ("Kyiv said") stands for its government.
fn government_role(name: &str) -> Option<String> {
    use crate::gazetteer::{PlaceKind, country_for, place_kind};
    match place_kind(name)? {
        PlaceKind::Country => Some("government".to_owned()),
        PlaceKind::Capital => Some(format!("government of {}", country_for(name)?)),
        _ => None,
    }
}

/// One row per person: a one-word name ("Zelenskiy") joins the only fuller name that ends
/// with it ("Volodymyr Zelenskiy"), and a name joins the only longer one with the same
/// first and last words ("Anthony Weiner", "Anthony D. Weiner").
fn merge_short_names(rows: Vec<PersonRow>) -> Vec<PersonRow> {
    let words: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.name.split_whitespace().map(name_key).collect())
        .collect();
    // people's rows by their last word, so each name meets only its candidates
    let mut by_last: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, w) in words.iter().enumerate() {
        if rows[i].kind == PersonKind::Person
            && let Some(l) = w.last()
        {
            by_last.entry(l.as_str()).or_default().push(i);
        }
    }
    let mut into: Vec<Option<usize>> = vec![None; rows.len()];
    for (i, short) in words.iter().enumerate() {
        if rows[i].kind != PersonKind::Person {
            continue;
        }
        let Some(same_last) = short.last().and_then(|l| by_last.get(l.as_str())) else {
            continue;
        };
        let fuller: Vec<usize> = same_last
            .iter()
            .copied()
            .filter(|&j| {
                let long = &words[j];
                j != i
                    && long.len() > short.len()
                    && (short.len() == 1 || long.first() == short.first())
            })
            .collect();
        if let [j] = fuller[..] {
            into[i] = Some(j);
        }
    }
    // follow chains ("Lee" → "Rob Lee" → "Rob J. Lee") to the row that stays
    let last_of = |mut i: usize| {
        let mut steps = 0;
        while let Some(j) = into[i] {
            i = j;
            steps += 1;
            if steps > into.len() {
                break;
            }
        }
        i
    };
    let targets: Vec<usize> = (0..rows.len()).map(last_of).collect();
    let mut slots: Vec<Option<PersonRow>> = rows.into_iter().map(Some).collect();
    for i in 0..slots.len() {
        let t = targets[i];
        if t == i {
            continue;
        }
        let Some(short) = slots[i].take() else {
            continue;
        };
        let Some(r) = slots[t].as_mut() else {
            continue;
        };
        for (k, (q, w)) in short
            .quotes_per_source
            .iter()
            .zip(&short.words_per_source)
            .enumerate()
        {
            r.quotes_per_source[k] += q;
            r.words_per_source[k] += w;
        }
        r.quotes.extend(short.quotes);
        if r.role.is_none() {
            r.role = short.role;
        }
        if r.side.is_none() {
            r.side = short.side;
        }
        if r.first.is_none() {
            r.first = short.first;
        }
    }
    slots.into_iter().flatten().collect()
}

/// The pairs offered in Compare: closest first (as the report orders them); with more than
/// one pair, a pair with nothing in common is no comparison and is left out.
fn pairs(store: &Store) -> Vec<Pair> {
    let ids: HashMap<&str, usize> = store
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let many = store.comparisons.len() > 1;
    let mut out: Vec<(f32, Pair)> = store
        .comparisons
        .iter()
        .enumerate()
        .filter(|(_, c)| !many || crate::compare::related(c))
        .filter_map(|(ci, c)| {
            Some((
                crate::compare::closeness(c),
                Pair {
                    comparison: ci,
                    left: *ids.get(c.left.as_str())?,
                    right: *ids.get(c.right.as_str())?,
                },
            ))
        })
        .collect();
    out.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then(a.1.comparison.cmp(&b.1.comparison))
    });
    out.into_iter().map(|(_, p)| p).collect()
}

/// Find the item of `items` a comparison row points at: by sentence and text, else by text.
fn find_item<T>(
    items: &[T],
    text: Option<&str>,
    sentence: Option<usize>,
    get: impl Fn(&T) -> (&str, usize),
) -> Option<usize> {
    let want = fold(text?);
    let by_both = items.iter().position(|it| {
        let (t, s) = get(it);
        Some(s) == sentence && fold(t) == want
    });
    by_both.or_else(|| items.iter().position(|it| fold(get(it).0) == want))
}

fn fact_key(f: &crate::model::Fact) -> (&str, usize) {
    (f.text.as_str(), f.sentence)
}

fn claim_key(c: &crate::model::Claim) -> (&str, usize) {
    (c.text.as_str(), c.sentence)
}

fn sentence_text(a: &Article, i: usize) -> Option<&str> {
    a.sentences.get(i).map(|s| s.text.as_str())
}

/// Union-find over (article, item) instances.
struct Groups {
    parent: Vec<usize>,
}

impl Groups {
    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // the earlier instance stays the representative
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[hi] = lo;
        }
    }
}

fn facts(store: &Store, pairs: &[Pair], labels: &[String]) -> Vec<FactRow> {
    // every fact instance gets a number, in article then fact order
    let mut offset = Vec::with_capacity(store.articles.len());
    let mut total = 0;
    for a in &store.articles {
        offset.push(total);
        total += a.facts.len();
    }
    let mut g = Groups {
        parent: (0..total).collect(),
    };
    // the same words in one article, or across articles, are one fact
    let mut same: HashMap<(FactKind, String), usize> = HashMap::new();
    for (ai, a) in store.articles.iter().enumerate() {
        for (fi, f) in a.facts.iter().enumerate() {
            let id = offset[ai] + fi;
            let k = (f.kind, fold(&f.text));
            match same.get(&k) {
                Some(&first) => g.union(first, id),
                None => {
                    same.insert(k, id);
                }
            }
        }
    }
    let mut differs: Vec<Vec<(usize, String)>> = vec![Vec::new(); total];
    for p in pairs {
        let c = &store.comparisons[p.comparison];
        let (la, ra) = (&store.articles[p.left], &store.articles[p.right]);
        for row in &c.facts {
            let l = find_item(&la.facts, row.left.as_deref(), row.left_sentence, fact_key);
            let r = find_item(
                &ra.facts,
                row.right.as_deref(),
                row.right_sentence,
                fact_key,
            );
            match (row.status, l, r) {
                (Status::Shared | Status::Reworded, Some(l), Some(r)) => {
                    g.union(offset[p.left] + l, offset[p.right] + r);
                }
                (Status::Differs, l, r) => {
                    if let (Some(l), Some(rt)) = (l, row.right.as_ref()) {
                        differs[offset[p.left] + l].push((p.right, rt.clone()));
                    }
                    if let (Some(r), Some(lt)) = (r, row.left.as_ref()) {
                        differs[offset[p.right] + r].push((p.left, lt.clone()));
                    }
                }
                _ => {}
            }
        }
    }
    let mut rows: Vec<FactRow> = Vec::new();
    let mut row_of: HashMap<usize, usize> = HashMap::new();
    for (ai, a) in store.articles.iter().enumerate() {
        for (fi, f) in a.facts.iter().enumerate() {
            let id = offset[ai] + fi;
            let root = g.find(id);
            let ri = *row_of.entry(root).or_insert_with(|| {
                rows.push(FactRow {
                    kind: f.kind,
                    text: f.text.clone(),
                    subject: f.subject.clone(),
                    qualifier: f.qualifier.clone(),
                    sources: Vec::new(),
                    differs: Vec::new(),
                    haystack: String::new(),
                });
                rows.len() - 1
            });
            let r = &mut rows[ri];
            if !r.sources.iter().any(|l| l.article == ai) {
                r.sources.push(Loc {
                    article: ai,
                    sentence: f.sentence,
                });
            }
            if r.subject.is_none() {
                r.subject.clone_from(&f.subject);
            }
            if r.qualifier.is_none() {
                r.qualifier.clone_from(&f.qualifier);
            }
            for d in &differs[id] {
                if !r.differs.contains(d) {
                    r.differs.push(d.clone());
                }
            }
        }
    }
    for r in &mut rows {
        let sources: Vec<&str> = r
            .sources
            .iter()
            .map(|l| labels[l.article].as_str())
            .collect();
        r.haystack = norm(&format!(
            "{} {} {} {} {}",
            r.text,
            r.kind.label(),
            r.subject.as_deref().unwrap_or(""),
            r.qualifier.as_deref().unwrap_or(""),
            sources.join(" ")
        ));
    }
    rows
}

fn claims(store: &Store, pairs: &[Pair], labels: &[String]) -> Vec<ClaimRow> {
    // which other articles report each claim, from the comparisons' claim rows
    let mut also: HashMap<(usize, usize), Vec<(usize, usize)>> = HashMap::new();
    for p in pairs {
        let c = &store.comparisons[p.comparison];
        let (la, ra) = (&store.articles[p.left], &store.articles[p.right]);
        for row in &c.claims {
            if matches!(row.status, Status::LeftOnly | Status::RightOnly) {
                continue;
            }
            let l = find_item(
                &la.claims,
                row.left.as_deref(),
                row.left_sentence,
                claim_key,
            );
            let r = find_item(
                &ra.claims,
                row.right.as_deref(),
                row.right_sentence,
                claim_key,
            );
            if let (Some(l), Some(r)) = (l, r) {
                also.entry((p.left, l)).or_default().push((p.right, r));
                also.entry((p.right, r)).or_default().push((p.left, l));
            }
        }
    }
    let mut covered: std::collections::HashSet<(usize, usize)> = Default::default();
    let mut disputes = Vec::new();
    let mut lone = Vec::new();
    for (ai, a) in store.articles.iter().enumerate() {
        let by_id: HashMap<&str, usize> = a
            .claims
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str(), i))
            .collect();
        let mut denied: Vec<bool> = vec![false; a.claims.len()];
        // one row per disputed claim, with all who answer it; a denial whose target is
        // not in the text gets a row of its own
        let mut pairs_here: Vec<(Option<usize>, Vec<usize>)> = Vec::new();
        for (di, d) in a.claims.iter().enumerate() {
            let targets: Vec<usize> = d
                .disputes
                .iter()
                .filter_map(|t| by_id.get(t.as_str()).copied())
                .filter(|&ci| ci != di)
                .collect();
            if targets.is_empty() && !d.disputes.is_empty() {
                pairs_here.push((None, vec![di]));
            }
            for ci in targets {
                denied[ci] = true;
                match pairs_here.iter_mut().find(|(c, _)| *c == Some(ci)) {
                    Some((_, ds)) => ds.push(di),
                    None => pairs_here.push((Some(ci), vec![di])),
                }
            }
        }
        let disputing: Vec<bool> = a.claims.iter().map(|c| !c.disputes.is_empty()).collect();
        for (ci, ds) in pairs_here {
            let d = ds.first().copied();
            let key = (ai, ci.or(d).unwrap_or(0));
            if covered.contains(&key) && d.is_none_or(|d| covered.contains(&(ai, d))) {
                continue;
            }
            let mut row = claim_row(store, labels, &also, &mut covered, ai, ci, d);
            row.also_denied_by = ds.get(1..).unwrap_or_default().to_vec();
            disputes.push(row);
        }
        for ci in 0..a.claims.len() {
            if !denied[ci] && !disputing[ci] && !covered.contains(&(ai, ci)) {
                lone.push(claim_row(
                    store,
                    labels,
                    &also,
                    &mut covered,
                    ai,
                    Some(ci),
                    None,
                ));
            }
        }
    }
    disputes.extend(lone);
    disputes
}

fn claim_row(
    store: &Store,
    labels: &[String],
    also: &HashMap<(usize, usize), Vec<(usize, usize)>>,
    covered: &mut std::collections::HashSet<(usize, usize)>,
    article: usize,
    claim: Option<usize>,
    denial: Option<usize>,
) -> ClaimRow {
    let a = &store.articles[article];
    let mut sources = vec![article];
    for item in [claim, denial].into_iter().flatten() {
        covered.insert((article, item));
        for &(other, oi) in also.get(&(article, item)).into_iter().flatten() {
            covered.insert((other, oi));
            if item == claim.or(denial).unwrap_or(usize::MAX) && !sources.contains(&other) {
                sources.push(other);
            }
        }
    }
    sources.sort_unstable();
    let text = |i: Option<usize>| {
        i.and_then(|i| a.claims.get(i)).map_or(String::new(), |c| {
            format!(
                "{} {} {}",
                c.claimant.as_deref().unwrap_or(""),
                c.side.as_deref().unwrap_or(""),
                c.text
            )
        })
    };
    let names: Vec<&str> = sources.iter().map(|&s| labels[s].as_str()).collect();
    ClaimRow {
        article,
        claim,
        denial,
        also_denied_by: Vec::new(),
        haystack: norm(&format!(
            "{} {} {}",
            text(claim),
            text(denial),
            names.join(" ")
        )),
        sources,
    }
}

fn bars(people: &[PersonRow]) -> Vec<Bar> {
    let mut out = Vec::new();
    for (pi, p) in people.iter().enumerate() {
        for (ai, &w) in p.words_per_source.iter().enumerate() {
            if w > 0 {
                out.push(Bar {
                    person: pi,
                    article: ai,
                    words: w,
                });
            }
        }
    }
    let total = |pi: usize| people[pi].words_per_source.iter().sum::<usize>();
    out.sort_by(|a, b| {
        total(b.person)
            .cmp(&total(a.person))
            .then(a.person.cmp(&b.person))
            .then(a.article.cmp(&b.article))
    });
    out
}

/// A styled run of text in a Compare row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    pub text: String,
    pub changed: bool,
}

/// One line of the Compare tab: a section heading or an aligned pair of items.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareRow {
    pub heading: Option<String>,
    pub label: String,
    pub status: Option<Status>,
    pub left: Vec<Run>,
    pub right: Vec<Run>,
    pub left_sentence: Option<usize>,
    pub right_sentence: Option<usize>,
    pub haystack: String,
    /// Part of the shared material (after the differences): hidden by "differences only".
    pub shared: bool,
}

fn plain(s: Option<&str>) -> Vec<Run> {
    s.filter(|s| !s.is_empty())
        .map(|t| {
            vec![Run {
                text: t.to_owned(),
                changed: false,
            }]
        })
        .unwrap_or_default()
}

/// The rows of the Compare tab for a pair; `swapped` puts the right source on the left.
///
/// The differences come first — a summary block of disagreements (facts and claims that
/// differ, aligned sentences whose figures differ), spelling variants, reworded quotes and
/// what only one source reports — then the shared material: aligned sentences, facts (shared
/// place names folded into one line), people, quotes and claims both print.
pub fn compare_rows(data: &Data, pair: Pair, swapped: bool) -> Vec<CompareRow> {
    let c = &data.store.comparisons[pair.comparison];
    let (la, ra) = (
        &data.store.articles[pair.left],
        &data.store.articles[pair.right],
    );
    let mut rows = Vec::new();
    let mut shared_part = false;
    let heading = |rows: &mut Vec<CompareRow>, title: &str, n: usize, shared: bool| {
        rows.push(CompareRow {
            heading: Some(format!("{title} ({n})")),
            label: String::new(),
            status: None,
            left: Vec::new(),
            right: Vec::new(),
            left_sentence: None,
            right_sentence: None,
            haystack: String::new(),
            shared,
        });
    };
    let push = |rows: &mut Vec<CompareRow>,
                shared: bool,
                label: String,
                status: Option<Status>,
                (l, ls): (Option<&str>, Option<usize>),
                (r, rs): (Option<&str>, Option<usize>)| {
        let (mut left, mut right) = match (l, r) {
            (Some(l), Some(r)) if status != Some(Status::Shared) || fold(l) != fold(r) => {
                let (a, b) = diff::words(l, r);
                let conv = |p: Vec<diff::Piece>| {
                    p.into_iter()
                        .map(|p| Run {
                            text: p.text,
                            changed: p.changed,
                        })
                        .collect()
                };
                (conv(a), conv(b))
            }
            _ => (plain(l), plain(r)),
        };
        let (mut ls, mut rs) = (ls, rs);
        let mut status = status;
        if swapped {
            std::mem::swap(&mut left, &mut right);
            std::mem::swap(&mut ls, &mut rs);
            status = status.map(Status::swapped);
        }
        let label = match status {
            Some(s) if label.is_empty() => s.label().to_owned(),
            _ => label,
        };
        let haystack = norm(&format!(
            "{} {} {}",
            label,
            l.unwrap_or(""),
            r.unwrap_or("")
        ));
        rows.push(CompareRow {
            heading: None,
            label,
            status,
            left,
            right,
            left_sentence: ls,
            right_sentence: rs,
            haystack,
            shared,
        });
    };
    let row = |rows: &mut Vec<CompareRow>, shared: bool, label: &str, r: &crate::model::Row| {
        push(
            rows,
            shared,
            label.to_owned(),
            Some(r.status),
            (r.left.as_deref(), r.left_sentence),
            (r.right.as_deref(), r.right_sentence),
        );
    };
    let quote_side = |q: &crate::model::QuoteRow, t: &Option<String>| {
        let who = q.speaker.as_deref().unwrap_or("(unattributed)");
        t.as_ref().map(|t| format!("{who}: {t}"))
    };
    let quote = |rows: &mut Vec<CompareRow>, shared: bool, q: &crate::model::QuoteRow| {
        let (l, r) = (quote_side(q, &q.left), quote_side(q, &q.right));
        push(
            rows,
            shared,
            String::new(),
            Some(q.status),
            (l.as_deref(), q.left_sentence),
            (r.as_deref(), q.right_sentence),
        );
    };
    let is = |st: Status| move |r: &&crate::model::Row| r.status == st;
    let one_sided = |st: Status| st == Status::LeftOnly || st == Status::RightOnly;
    // aligned sentences whose facts differ are disagreements too
    let differing_pairs: Vec<(usize, usize)> = c
        .facts
        .iter()
        .filter(is(Status::Differs))
        .filter_map(|r| Some((r.left_sentence?, r.right_sentence?)))
        .collect();
    let sentence_row =
        |rows: &mut Vec<CompareRow>, shared: bool, sp: &crate::model::SentencePair| {
            push(
                rows,
                shared,
                format!("{:.0}% same", sp.similarity * 100.0),
                None,
                (sentence_text(la, sp.left), Some(sp.left)),
                (sentence_text(ra, sp.right), Some(sp.right)),
            );
        };

    // ── the differences
    let fact_differs: Vec<&crate::model::Row> =
        c.facts.iter().filter(is(Status::Differs)).collect();
    let claim_differs: Vec<&crate::model::Row> =
        c.claims.iter().filter(is(Status::Differs)).collect();
    let sentence_differs: Vec<&crate::model::SentencePair> = c
        .sentences
        .iter()
        .filter(|sp| differing_pairs.contains(&(sp.left, sp.right)))
        .collect();
    heading(
        &mut rows,
        "Disagreements",
        fact_differs.len() + claim_differs.len() + sentence_differs.len(),
        shared_part,
    );
    for r in &fact_differs {
        row(&mut rows, shared_part, "", r);
    }
    for sp in &sentence_differs {
        sentence_row(&mut rows, shared_part, sp);
    }
    for r in &claim_differs {
        row(&mut rows, shared_part, "", r);
    }
    heading(
        &mut rows,
        "Spelling variants",
        c.variants.len(),
        shared_part,
    );
    for v in &c.variants {
        push(
            &mut rows,
            shared_part,
            "spelling".to_owned(),
            None,
            (Some(v.left.as_str()), None),
            (Some(v.right.as_str()), None),
        );
    }
    let reworded: Vec<&crate::model::QuoteRow> = c
        .quotes
        .iter()
        .filter(|q| q.status == Status::Reworded)
        .collect();
    heading(&mut rows, "Reworded quotes", reworded.len(), shared_part);
    for q in reworded {
        quote(&mut rows, shared_part, q);
    }
    let only_facts: Vec<&crate::model::Row> =
        c.facts.iter().filter(|r| one_sided(r.status)).collect();
    let only_people: Vec<&crate::model::Row> =
        c.people.iter().filter(|r| one_sided(r.status)).collect();
    let only_quotes: Vec<&crate::model::QuoteRow> =
        c.quotes.iter().filter(|q| one_sided(q.status)).collect();
    let only_claims: Vec<&crate::model::Row> =
        c.claims.iter().filter(|r| one_sided(r.status)).collect();
    heading(
        &mut rows,
        "Only one source",
        only_facts.len() + only_people.len() + only_quotes.len() + only_claims.len(),
        shared_part,
    );
    for r in only_facts {
        row(&mut rows, shared_part, "", r);
    }
    for r in only_people {
        row(&mut rows, shared_part, "", r);
    }
    for q in only_quotes {
        quote(&mut rows, shared_part, q);
    }
    for r in only_claims {
        row(&mut rows, shared_part, "", r);
    }

    // ── the shared material
    shared_part = true;
    let same_sentences: Vec<&crate::model::SentencePair> = c
        .sentences
        .iter()
        .filter(|sp| !differing_pairs.contains(&(sp.left, sp.right)))
        .collect();
    heading(
        &mut rows,
        "Aligned sentences",
        same_sentences.len(),
        shared_part,
    );
    for sp in same_sentences {
        sentence_row(&mut rows, shared_part, sp);
    }
    // shared place names fold into one line
    let is_place = |r: &crate::model::Row| {
        find_item(&la.facts, r.left.as_deref(), r.left_sentence, fact_key)
            .is_some_and(|i| la.facts[i].kind == crate::model::FactKind::Place)
    };
    let shared_facts: Vec<&crate::model::Row> = c.facts.iter().filter(is(Status::Shared)).collect();
    let (places, figures): (Vec<&crate::model::Row>, Vec<&crate::model::Row>) =
        shared_facts.into_iter().partition(|r| is_place(r));
    heading(
        &mut rows,
        "Shared facts",
        figures.len() + places.len(),
        shared_part,
    );
    for r in figures {
        row(&mut rows, shared_part, "", r);
    }
    if !places.is_empty() {
        let names = |side: fn(&crate::model::Row) -> Option<&str>| {
            places
                .iter()
                .filter_map(|r| side(r))
                .collect::<Vec<&str>>()
                .join(", ")
        };
        let (l, r) = (names(|r| r.left.as_deref()), names(|r| r.right.as_deref()));
        push(
            &mut rows,
            shared_part,
            format!("{} places", places.len()),
            Some(Status::Shared),
            (Some(l.as_str()), None),
            (Some(r.as_str()), None),
        );
    }
    let people: Vec<&crate::model::Row> =
        c.people.iter().filter(|r| !one_sided(r.status)).collect();
    heading(&mut rows, "People in both", people.len(), shared_part);
    for r in people {
        row(&mut rows, shared_part, "", r);
    }
    let quotes: Vec<&crate::model::QuoteRow> = c
        .quotes
        .iter()
        .filter(|q| q.status == Status::Shared)
        .collect();
    heading(&mut rows, "Quotes in both", quotes.len(), shared_part);
    for q in quotes {
        quote(&mut rows, shared_part, q);
    }
    let claims: Vec<&crate::model::Row> = c.claims.iter().filter(is(Status::Shared)).collect();
    heading(&mut rows, "Claims in both", claims.len(), shared_part);
    for r in claims {
        row(&mut rows, shared_part, "", r);
    }
    rows
}

/// How a quote is shown: direct speech in quote marks, reported speech marked as such.
pub fn quote_text(kind: QuoteKind, text: &str) -> String {
    match kind {
        QuoteKind::Direct => format!("“{}”", text.trim_matches(['"', '“', '”'])),
        QuoteKind::Indirect => format!("(reported) {text}"),
    }
}

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
        };
        d.pairs = pairs(&d.store);
        d.collect_sides();
        d.facts = facts(&d.store, &d.pairs);
        d.people = d.people_rows();
        d.claims = claims(&d.store, &d.pairs);
        d.bars = bars(&d.people);
        d.card_haystacks = d
            .store
            .articles
            .iter()
            .map(|a| {
                norm(&format!(
                    "{} {} {} {}",
                    a.source_label(),
                    a.title.as_deref().unwrap_or(""),
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

    /// The short label of a source for narrow columns.
    pub fn source_label(&self, article: usize) -> &str {
        self.store
            .articles
            .get(article)
            .map_or("?", Article::source_label)
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
                let speaker = q.speaker.as_deref().unwrap_or("(unattributed)");
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
        for r in &mut rows {
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
}

fn pairs(store: &Store) -> Vec<Pair> {
    let ids: HashMap<&str, usize> = store
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    store
        .comparisons
        .iter()
        .enumerate()
        .filter_map(|(ci, c)| {
            Some(Pair {
                comparison: ci,
                left: *ids.get(c.left.as_str())?,
                right: *ids.get(c.right.as_str())?,
            })
        })
        .collect()
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

fn facts(store: &Store, pairs: &[Pair]) -> Vec<FactRow> {
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
            .map(|l| store.articles[l.article].source_label())
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

fn claims(store: &Store, pairs: &[Pair]) -> Vec<ClaimRow> {
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
            let mut row = claim_row(store, &also, &mut covered, ai, ci, d);
            row.also_denied_by = ds.get(1..).unwrap_or_default().to_vec();
            disputes.push(row);
        }
        for ci in 0..a.claims.len() {
            if !denied[ci] && !disputing[ci] && !covered.contains(&(ai, ci)) {
                lone.push(claim_row(store, &also, &mut covered, ai, Some(ci), None));
            }
        }
    }
    disputes.extend(lone);
    disputes
}

fn claim_row(
    store: &Store,
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
    let names: Vec<&str> = sources
        .iter()
        .map(|&s| store.articles[s].source_label())
        .collect();
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
pub fn compare_rows(data: &Data, pair: Pair, swapped: bool) -> Vec<CompareRow> {
    let c = &data.store.comparisons[pair.comparison];
    let (la, ra) = (
        &data.store.articles[pair.left],
        &data.store.articles[pair.right],
    );
    let mut rows = Vec::new();
    let heading = |rows: &mut Vec<CompareRow>, title: &str, n: usize| {
        rows.push(CompareRow {
            heading: Some(format!("{title} ({n})")),
            label: String::new(),
            status: None,
            left: Vec::new(),
            right: Vec::new(),
            left_sentence: None,
            right_sentence: None,
            haystack: String::new(),
        });
    };
    let push = |rows: &mut Vec<CompareRow>,
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
        });
    };
    // a heading and one row for each compared item (facts, people, claims)
    let section = |rows: &mut Vec<CompareRow>, title: &str, items: &[crate::model::Row]| {
        heading(rows, title, items.len());
        for r in items {
            push(
                rows,
                String::new(),
                Some(r.status),
                (r.left.as_deref(), r.left_sentence),
                (r.right.as_deref(), r.right_sentence),
            );
        }
    };
    heading(&mut rows, "Aligned sentences", c.sentences.len());
    for sp in &c.sentences {
        push(
            &mut rows,
            format!("{:.0}% same", sp.similarity * 100.0),
            None,
            (sentence_text(la, sp.left), Some(sp.left)),
            (sentence_text(ra, sp.right), Some(sp.right)),
        );
    }
    section(&mut rows, "Facts", &c.facts);
    section(&mut rows, "People", &c.people);
    heading(&mut rows, "Spelling variants", c.variants.len());
    for v in &c.variants {
        push(
            &mut rows,
            "spelling".to_owned(),
            None,
            (Some(v.left.as_str()), None),
            (Some(v.right.as_str()), None),
        );
    }
    heading(&mut rows, "Quotes", c.quotes.len());
    for q in &c.quotes {
        let who = q.speaker.as_deref().unwrap_or("(unattributed)");
        let l = q.left.as_ref().map(|t| format!("{who}: {t}"));
        let r = q.right.as_ref().map(|t| format!("{who}: {t}"));
        push(
            &mut rows,
            String::new(),
            Some(q.status),
            (l.as_deref(), q.left_sentence),
            (r.as_deref(), q.right_sentence),
        );
    }
    section(&mut rows, "Claims", &c.claims);
    rows
}

/// How a quote is shown: direct speech in quote marks, reported speech marked as such.
pub fn quote_text(kind: QuoteKind, text: &str) -> String {
    match kind {
        QuoteKind::Direct => format!("“{}”", text.trim_matches(['"', '“', '”'])),
        QuoteKind::Indirect => format!("(reported) {text}"),
    }
}

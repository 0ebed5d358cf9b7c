//! Comparing two articles: facts, people, quotes, claims, spelling variants and sentences,
//! aligned the way an editor marks up two versions of one story.
//!
//! Each article is reduced once to an [`ArticleIndex`] — normalised fact keys, name keys,
//! sentence word-pair hashes, all in sorted lists — so that comparing a pair is a handful of
//! merges of sorted lists, not every item against every other. [`all_pairs`] builds the
//! indexes in parallel and compares the pairs in parallel.
//!
//! The rules that are data (transliteration folds, nicknames, titles, units, qualifiers,
//! word groups) live in `assets/compare.toml`.

mod facts;
mod names;
mod people;
mod quotes;
pub mod report;
mod rules;
mod sentences;
mod words;

use std::collections::HashMap;

use rayon::prelude::*;

use crate::model::{Article, Comparison, QuoteRow, Status, Summary, Variant};

pub use sentences::{DiffKind, MIN_SIMILARITY, diff_spans, diff_words};

/// Build the comparison rules now (see [`crate::analyse::warm_up`]).
pub(crate) fn warm_up() {
    std::sync::LazyLock::force(&rules::RULES);
}

/// An article reduced once for comparison with any other.
pub struct ArticleIndex<'a> {
    article: &'a Article,
    facts: Vec<facts::FactKey>,
    fact_join: facts::FactJoin,
    actors: Vec<people::ActorKey>,
    actor_join: Vec<(u64, u32)>,
    scan: names::NameScan,
    quotes: Vec<quotes::Said>,
    quote_join: Vec<(u64, u32)>,
    claims: Vec<quotes::Said>,
    claim_join: Vec<(u64, u32)>,
    sentences: sentences::SentenceKeys,
}

impl<'a> ArticleIndex<'a> {
    /// Index one article.
    pub fn new(article: &'a Article) -> ArticleIndex<'a> {
        let conversions = facts::bracketed(article);
        let mut keys = facts::Keys::new(article);
        let facts: Vec<facts::FactKey> = article
            .facts
            .iter()
            .filter(|f| {
                let text = f.text.trim();
                !text.is_empty()
                    && (conversions.is_empty()
                        || !conversions.contains(&(f.sentence, crate::text::fold(text))))
            })
            .map(|f| keys.key(f))
            .collect();
        let actors = people::actor_keys(article);
        let quotes = quotes::quote_keys(article);
        let claims = quotes::claim_keys(article);
        ArticleIndex {
            article,
            fact_join: facts::join_lists(&facts),
            facts,
            actor_join: people::join_keys(&actors),
            actors,
            scan: names::scan(article),
            quote_join: quotes::join_list(&quotes),
            quotes,
            claim_join: quotes::join_list(&claims),
            claims,
            sentences: sentences::keys(article),
        }
    }

    pub fn article(&self) -> &'a Article {
        self.article
    }
}

/// Compare two articles.
pub fn compare(left: &Article, right: &Article) -> Comparison {
    compare_indexed(&ArticleIndex::new(left), &ArticleIndex::new(right))
}

/// A share in 0..=1: items in common against the items of both sides (Dice), rounded to
/// three decimals so the export is stable.
fn share(common: usize, left: usize, right: usize) -> f32 {
    if left + right == 0 {
        return 0.0;
    }
    let s = (2 * common) as f32 / (left + right) as f32;
    (s.min(1.0) * 1000.0).round() / 1000.0
}

/// Compare two indexed articles.
pub fn compare_indexed(l: &ArticleIndex<'_>, r: &ArticleIndex<'_>) -> Comparison {
    let (la, ra) = (l.article, r.article);
    // sections in order, each reading the sentence pairs the ones before it aligned, so
    // that one statement is never shared in one section and one-sided in another
    let sentence_pairs = sentences::align(&l.sentences, &r.sentences);
    let mut links: quotes::Links = sentence_pairs.iter().map(|p| (p.left, p.right)).collect();
    let (quote_rows, _) = quotes::align_quotes(
        la,
        ra,
        &l.quotes,
        &r.quotes,
        (&l.quote_join, &r.quote_join),
        &links,
    );
    links.extend(quote_rows.iter().filter_map(linked));
    let (claim_rows, disputes) = quotes::align_claims(
        la,
        ra,
        &l.claims,
        &r.claims,
        (&l.claim_join, &r.claim_join),
        &links,
    );
    // the quotes of sentences whose claims are shared are one statement too (claims that
    // differ say different things: their quotes are no rewording of each other)
    let shared_claims = |rows: &[crate::model::Row]| -> quotes::Links {
        rows.iter()
            .filter(|c| c.status == Status::Shared)
            .filter_map(|c| linked_row(c.status, c.left_sentence, c.right_sentence))
            .collect()
    };
    let claim_links = shared_claims(&claim_rows);
    let (quote_rows, _) = quotes::join_one_sided_quotes(quote_rows, &claim_links);
    let quote_links: quotes::Links = quote_rows.iter().filter_map(linked).collect();
    let (claim_rows, disputes) = quotes::join_one_sided_claims(claim_rows, disputes, &quote_links);
    // and once more, for quotes beside the claims that pass paired
    let claim_links = shared_claims(&claim_rows);
    let (quote_rows, reworded) = quotes::join_one_sided_quotes(quote_rows, &claim_links);
    links.extend(claim_links);
    links.extend(quote_rows.iter().filter_map(linked));
    let fa = facts::align(
        &l.facts,
        &r.facts,
        &l.fact_join,
        &r.fact_join,
        Some((&l.scan, &r.scan)),
        &links,
    );
    let pa = people::align(l, r);

    let mut variants: Vec<Variant> = names::scan_variants(&l.scan, &r.scan)
        .into_iter()
        .map(|(i, j)| Variant {
            left: l.scan.names[i].surface.clone(),
            right: r.scan.names[j].surface.clone(),
        })
        .collect();
    variants.extend(pa.variants);
    let variants = names::tidy_variants(variants);

    let summary = Summary {
        facts_shared: share(fa.shared, fa.left, fa.right),
        people_shared: share(pa.named_shared, pa.named_left, pa.named_right),
        sentences_shared: share(sentence_pairs.len(), la.sentences.len(), ra.sentences.len()),
        differs: fa.differs,
        reworded,
        disputes,
    };
    let mut c = Comparison {
        left: la.id.clone(),
        right: ra.id.clone(),
        facts: fa.rows,
        people: pa.rows,
        variants,
        quotes: quote_rows,
        claims: claim_rows,
        sentences: sentence_pairs,
        summary,
    };
    unrelated_never_differ(&mut c);
    c
}

/// How much two sources have in common: the sum of the shared sentences, facts and people
/// (each a share in 0..=1), and a little for a spelling variant. Pairs are listed closest
/// first; a pair at 0 has nothing in common and is not offered as a comparison.
pub fn closeness(c: &Comparison) -> f32 {
    c.summary.sentences_shared
        + c.summary.facts_shared
        + c.summary.people_shared
        + c.variants.len().min(1) as f32 * 0.01
}

/// Do two sources have anything in common: a share, an aligned sentence, a spelling
/// variant, a fact, person or quote both report, or a claim both make (alike or not)? A pair with nothing in common
/// is no comparison.
pub fn related(c: &Comparison) -> bool {
    let both = |st: Status| matches!(st, Status::Shared | Status::Reworded);
    closeness(c) > 0.0
        || !c.sentences.is_empty()
        || !c.variants.is_empty()
        || c.facts.iter().chain(&c.people).any(|r| both(r.status))
        || c.quotes.iter().any(|q| both(q.status))
        // a claim told otherwise is one subject in common (an assertion and its denial)
        || c.claims
            .iter()
            .any(|r| !matches!(r.status, Status::LeftOnly | Status::RightOnly))
}

/// Two unrelated sources (nothing in common) never disagree: what looked like a
/// disagreement is two one-sided items.
fn unrelated_never_differ(c: &mut Comparison) {
    if related(c) {
        return;
    }
    for rows in [&mut c.facts, &mut c.claims] {
        let mut out = Vec::with_capacity(rows.len());
        for r in rows.drain(..) {
            if r.status == Status::Differs {
                out.push(crate::model::Row {
                    status: Status::LeftOnly,
                    right: None,
                    right_sentence: None,
                    ..r.clone()
                });
                out.push(crate::model::Row {
                    status: Status::RightOnly,
                    left: None,
                    left_sentence: None,
                    ..r
                });
            } else {
                out.push(r);
            }
        }
        out.sort_by_key(|r| r.status.rank());
        *rows = out;
    }
    c.summary.differs = 0;
}

/// The sentence pair of a row that pairs two items.
fn linked_row(st: Status, l: Option<usize>, r: Option<usize>) -> Option<(usize, usize)> {
    match (st, l, r) {
        (Status::Shared | Status::Reworded | Status::Differs, Some(l), Some(r)) => Some((l, r)),
        _ => None,
    }
}

fn linked(q: &QuoteRow) -> Option<(usize, usize)> {
    linked_row(q.status, q.left_sentence, q.right_sentence)
}

/// Up to this many articles, every pair is compared. Beyond it, only pairs that look like
/// the same story (see [`pairs_to_compare`]): 10,000 articles make 50 million pairs, nearly
/// all of two unrelated stories, and a comparison of two unrelated stories says nothing.
pub const ALL_PAIRS_LIMIT: usize = 100;
/// For large stores: how many of its rarest words each article offers for pairing.
const RARE_TERMS_PER_ARTICLE: usize = 64;
/// For large stores: the rare words two articles must share to be compared.
const MIN_SHARED_RARE_TERMS: usize = 6;
/// For large stores: the most partners one article is compared with (its closest).
const MAX_PARTNERS: usize = 30;
/// For large stores: a word in more articles than this pairs each article only with this
/// many of its neighbours in the word's list, so the work grows with the store, not its
/// square, even when one story fills most of it.
const POSTING_WINDOW: usize = 64;

/// The pairs of a store to compare, as (i, j) with i < j, in order.
///
/// Up to [`ALL_PAIRS_LIMIT`] articles: every pair. Beyond: each article offers its
/// [`RARE_TERMS_PER_ARTICLE`] rarest content words (in at least two articles, at most half
/// the store); two articles that share at least [`MIN_SHARED_RARE_TERMS`] of them are
/// candidates, and each article keeps its [`MAX_PARTNERS`] closest candidates. Names,
/// places and the words of one story are what make it rare in a store of many stories.
pub fn pairs_to_compare(articles: &[Article]) -> Vec<(usize, usize)> {
    let n = articles.len();
    if n <= ALL_PAIRS_LIMIT {
        return (0..n)
            .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
            .collect();
    }
    // distinct content words per article
    let terms: Vec<Vec<u64>> = articles
        .par_iter()
        .map(|a| {
            let mut t: Vec<u64> = a
                .sentences
                .iter()
                .flat_map(|s| words::content_set(&s.text))
                .collect();
            t.sort_unstable();
            t.dedup();
            t
        })
        .collect();
    let mut df: HashMap<u64, u32> = HashMap::new();
    for t in &terms {
        for &h in t {
            *df.entry(h).or_insert(0) += 1;
        }
    }
    let max_df = (n / 2).max(2) as u32;
    let mut postings: HashMap<u64, Vec<u32>> = HashMap::new();
    for (i, t) in terms.iter().enumerate() {
        let mut rare: Vec<(u32, u64)> = t
            .iter()
            .filter_map(|h| {
                let d = df.get(h).copied().unwrap_or(0);
                (2..=max_df).contains(&d).then_some((d, *h))
            })
            .collect();
        rare.sort_unstable();
        for &(_, h) in rare.iter().take(RARE_TERMS_PER_ARTICLE) {
            postings.entry(h).or_default().push(i as u32);
        }
    }
    let mut shared: HashMap<(u32, u32), u32> = HashMap::new();
    for p in postings.values() {
        for (k, &a) in p.iter().enumerate() {
            for &b in p[k + 1..].iter().take(POSTING_WINDOW) {
                *shared.entry((a, b)).or_insert(0) += 1;
            }
        }
    }
    let mut partners: Vec<Vec<(u32, u32)>> = vec![Vec::new(); n];
    for (&(a, b), &c) in &shared {
        if c as usize >= MIN_SHARED_RARE_TERMS {
            partners[a as usize].push((c, b));
            partners[b as usize].push((c, a));
        }
    }
    let mut keep: Vec<(usize, usize)> = Vec::new();
    for (i, p) in partners.iter_mut().enumerate() {
        p.sort_unstable_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
        for &(_, j) in p.iter().take(MAX_PARTNERS) {
            let j = j as usize;
            keep.push((i.min(j), i.max(j)));
        }
    }
    keep.sort_unstable();
    keep.dedup();
    keep
}

/// The comparisons of the pairs of a store, in order (0-1, 0-2, …, 1-2, …): every pair up
/// to [`ALL_PAIRS_LIMIT`] articles, the related pairs beyond (see [`pairs_to_compare`]).
pub fn all_pairs(articles: &[Article]) -> Vec<Comparison> {
    let pairs = pairs_to_compare(articles);
    if pairs.is_empty() {
        return Vec::new();
    }
    let index: Vec<ArticleIndex<'_>> = articles.par_iter().map(ArticleIndex::new).collect();
    pairs
        .par_iter()
        .map(|&(i, j)| compare_indexed(&index[i], &index[j]))
        .collect()
}

//! Speed of the comparison: one pair, and every pair of 100 and of 1,000 articles.
//!
//! `cargo bench --bench compare`. The articles are the two seeds and variants of them
//! (paragraphs dropped and reordered, words and figures changed), analysed by the real
//! pipeline, so every pair shares much of its text: the worst case for alignment, since
//! unrelated articles leave the joins almost empty. Where the facts stage finds nothing,
//! each number of a sentence becomes a fact, so that the fact joins carry a realistic load.

use crossread::compare::{self, ArticleIndex};
use crossread::ingest::{Document, Format};
use crossread::model::{Article, Fact, FactKind};
use crossread::store::{self, SEEDS};
use divan::Bencher;
use rayon::prelude::*;

fn main() {
    divan::main();
}

/// A variant of a seed text: some paragraphs dropped, the rest rotated, some words and
/// figures changed, the way one outlet rewrites another's copy.
fn rewrite(text: &str, k: usize) -> String {
    let paras: Vec<&str> = text.split("\n\n").collect();
    let mut kept: Vec<String> = paras
        .iter()
        .enumerate()
        .filter(|(i, _)| !(i + k).is_multiple_of(7))
        .map(|(i, p)| {
            let mut p = (*p).to_owned();
            if (i + k).is_multiple_of(3) {
                p = p
                    .replace(" city", " town")
                    .replace(" said", " told reporters");
            }
            if (i + k).is_multiple_of(4) {
                p = p.replace('6', &((k % 9) + 1).to_string());
            }
            p
        })
        .collect();
    if !kept.is_empty() {
        let n = kept.len();
        kept.rotate_left(k % n);
    }
    kept.join("\n\n")
}

/// Each number in a sentence becomes a fact when the facts stage has none.
fn with_facts(mut a: Article) -> Article {
    if !a.facts.is_empty() {
        return a;
    }
    for (si, s) in a.sentences.iter().enumerate() {
        let words: Vec<&str> = s.text.split_whitespace().collect();
        for (w, word) in words.iter().enumerate() {
            let digits: String = word.chars().filter(|c| c.is_ascii_digit()).collect();
            if let Ok(v) = digits.parse::<f64>() {
                let text = words[w..(w + 2).min(words.len())].join(" ");
                a.facts.push(Fact {
                    kind: FactKind::Quantity,
                    text,
                    value: Some(v),
                    sentence: si,
                    ..Fact::default()
                });
            }
        }
    }
    a
}

fn articles(n: usize) -> Vec<Article> {
    (0..n)
        .into_par_iter()
        .map(|k| {
            let (path, text) = SEEDS[k % SEEDS.len()];
            let text = if k < SEEDS.len() {
                text.to_owned()
            } else {
                rewrite(text, k)
            };
            let doc = Document::from_text(&format!("{path}-{k}"), Format::Text, &text);
            let mut a = with_facts(store::article_from(doc));
            a.id = format!("a{k}");
            a
        })
        .collect()
}

/// Index one article (done once per article in a store).
#[divan::bench]
fn index_one_article(b: Bencher) {
    let a = articles(1);
    b.bench(|| divan::black_box(ArticleIndex::new(&a[0])));
}

/// Compare the two seeds, indexes built beforehand: the cost of one pair in a store.
#[divan::bench]
fn one_pair_indexed(b: Bencher) {
    let a = articles(2);
    let (l, r) = (ArticleIndex::new(&a[0]), ArticleIndex::new(&a[1]));
    b.bench(|| divan::black_box(compare::compare_indexed(&l, &r)));
}

/// Compare the two seeds from scratch (both indexes built): `compare::compare`.
#[divan::bench]
fn one_pair_from_scratch(b: Bencher) {
    let a = articles(2);
    b.bench(|| divan::black_box(compare::compare(&a[0], &a[1])));
}

/// Every pair of 100 articles (4,950 comparisons), as `store::finish` runs it.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn all_pairs_100(b: Bencher) {
    let a = articles(100);
    b.bench(|| divan::black_box(compare::all_pairs(&a)));
}

/// Every pair of 1,000 articles (499,500 comparisons, results dropped as they come:
/// kept, they would not fit in memory), with the indexes built once.
#[divan::bench(sample_count = 1, sample_size = 1)]
fn every_pair_1000(b: Bencher) {
    let a = articles(1000);
    b.bench(|| {
        let index: Vec<ArticleIndex<'_>> = a.par_iter().map(ArticleIndex::new).collect();
        (0..a.len()).into_par_iter().for_each(|i| {
            for j in i + 1..a.len() {
                divan::black_box(compare::compare_indexed(&index[i], &index[j]));
            }
        });
    });
}

/// 1,000 articles as `store::finish` runs them: above the all-pairs limit, only pairs that
/// share rare words, at most 30 partners per article.
#[divan::bench(sample_count = 1, sample_size = 1)]
fn all_pairs_1000(b: Bencher) {
    let a = articles(1000);
    eprintln!("pairs compared: {}", compare::pairs_to_compare(&a).len());
    b.bench(|| divan::black_box(compare::all_pairs(&a).len()));
}

//! Comparing two articles: facts, people, quotes, claims and sentences, aligned.

pub mod report;

use crate::model::{Article, Comparison};

/// Compare two articles.
pub fn compare(left: &Article, right: &Article) -> Comparison {
    Comparison {
        left: left.id.clone(),
        right: right.id.clone(),
        facts: Vec::new(),
        people: Vec::new(),
        variants: Vec::new(),
        quotes: Vec::new(),
        claims: Vec::new(),
        sentences: Vec::new(),
        summary: Default::default(),
    }
}

/// The comparisons of every pair of articles, in order (0-1, 0-2, …, 1-2, …).
pub fn all_pairs(articles: &[Article]) -> Vec<Comparison> {
    let mut out = Vec::new();
    for i in 0..articles.len() {
        for j in i + 1..articles.len() {
            out.push(compare(&articles[i], &articles[j]));
        }
    }
    out
}

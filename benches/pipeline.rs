//! Throughput of the analysis pipeline: read (decode + normalise), clean and analyse.
//!
//! `cargo bench --bench pipeline`. Divan prints time per iteration and bytes per second.

use crossread::ingest::{Document, Format};
use crossread::store::{self, SEEDS};
use divan::{Bencher, counter::BytesCount};

fn main() {
    divan::main();
}

fn seed_bytes() -> usize {
    SEEDS.iter().map(|(_, t)| t.len()).sum()
}

/// Normalise, clean and analyse both seeds (what `crossread export seeds/` does per file).
#[divan::bench]
fn analyse_seeds(b: Bencher) {
    b.counter(BytesCount::new(seed_bytes())).bench(|| {
        for (path, text) in SEEDS {
            let doc = Document::from_text(path, Format::Text, text);
            divan::black_box(store::article_from(doc));
        }
    });
}

/// Cleaning alone (furniture rules, metadata), without the analysis.
#[divan::bench]
fn clean_seeds(b: Bencher) {
    let docs: Vec<Document> = SEEDS
        .iter()
        .map(|(p, t)| Document::from_text(p, Format::Text, t))
        .collect();
    b.counter(BytesCount::new(seed_bytes())).bench(|| {
        for d in &docs {
            divan::black_box(crossread::ingest::clean::clean(d));
        }
    });
}

/// Tokenizing and sentence splitting of the cleaned seeds (the `Doc` every stage shares).
#[divan::bench]
fn doc_seeds(b: Bencher) {
    let cleaned: Vec<Vec<String>> = SEEDS
        .iter()
        .map(|(p, t)| crossread::ingest::clean::clean(&Document::from_text(p, Format::Text, t)))
        .map(|c| c.paragraphs)
        .collect();
    b.counter(BytesCount::new(seed_bytes())).bench(|| {
        for paragraphs in &cleaned {
            divan::black_box(crossread::analyse::Doc::new(paragraphs));
        }
    });
}

/// Key facts alone (quantities, dates, places, organisations) on the tokenized seeds.
#[divan::bench]
fn facts_seeds(b: Bencher) {
    let cleaned: Vec<(Vec<String>, Option<String>)> = SEEDS
        .iter()
        .map(|(p, t)| crossread::ingest::clean::clean(&Document::from_text(p, Format::Text, t)))
        .map(|c| (c.paragraphs, c.meta.published))
        .collect();
    let docs: Vec<_> = cleaned
        .iter()
        .map(|(p, published)| (crossread::analyse::Doc::new(p), published.as_deref()))
        .collect();
    b.counter(BytesCount::new(seed_bytes())).bench(|| {
        for (doc, published) in &docs {
            divan::black_box(crossread::analyse::facts::extract(doc, *published));
        }
    });
}

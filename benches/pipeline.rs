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

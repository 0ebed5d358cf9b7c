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

/// A generated corpus: `n` variants of the seeds, each with its names and figures changed
/// (the vowels of capitalised words and the digits shifted by the variant's number), so
/// that no two articles carry the same people or numbers.
fn generated(n: usize) -> Vec<(String, String)> {
    const VOWELS: &[u8] = b"aeiou";
    (0..n)
        .map(|k| {
            let (path, text) = SEEDS[k % SEEDS.len()];
            let mut out = String::with_capacity(text.len());
            for word in text.split_inclusive(|c: char| c.is_whitespace()) {
                let capitalised = word.starts_with(|c: char| c.is_ascii_uppercase())
                    && word.chars().filter(char::is_ascii_alphabetic).count() > 3;
                for c in word.chars() {
                    let v = VOWELS.iter().position(|&v| v as char == c);
                    out.push(match (capitalised, v) {
                        (true, Some(i)) => VOWELS[(i + k / 2) % VOWELS.len()] as char,
                        _ if c.is_ascii_digit() && k > 1 => {
                            char::from(b'0' + (c as u8 - b'0' + (k % 9) as u8) % 10)
                        }
                        _ => c,
                    });
                }
            }
            (format!("{path}-{k}"), out)
        })
        .collect()
}

const GENERATED: usize = 64;

/// Analyse throughput per core on the generated corpus (one thread, article after article).
#[divan::bench(sample_count = 20, sample_size = 1)]
fn analyse_generated_one_core(b: Bencher) {
    let corpus = generated(GENERATED);
    let bytes: usize = corpus.iter().map(|(_, t)| t.len()).sum();
    b.counter(BytesCount::new(bytes)).bench(|| {
        for (path, text) in &corpus {
            let doc = Document::from_text(path, Format::Text, text);
            divan::black_box(store::article_from(doc));
        }
    });
}

/// The same corpus on every core (rayon, as `crossread` loads a folder), comparisons
/// included: the whole load of a store.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn load_generated_all_cores(b: Bencher) {
    let corpus = generated(GENERATED);
    let bytes: usize = corpus.iter().map(|(_, t)| t.len()).sum();
    b.counter(BytesCount::new(bytes)).bench(|| {
        let docs: Vec<Document> = corpus
            .iter()
            .map(|(p, t)| Document::from_text(p, Format::Text, t))
            .collect();
        divan::black_box(store::from_documents(docs))
    });
}

/// Loading an exported store (`crossread export … > store.json`, then opening store.json):
/// parsing and checking the JSON of the generated corpus, no analysis.
#[divan::bench(sample_count = 20, sample_size = 1)]
fn store_load_json(b: Bencher) {
    let docs: Vec<Document> = generated(GENERATED)
        .iter()
        .map(|(p, t)| Document::from_text(p, Format::Text, t))
        .collect();
    let json = store::to_json(&store::from_documents(docs));
    b.counter(BytesCount::new(json.len()))
        .bench(|| divan::black_box(store::parse_store(json.as_bytes())));
}

/// One paragraph of varied, invented prose of about `bytes` bytes (many different sentences:
/// names, roles, places, numbers, quotes, denials), the input that once made the analysis
/// super-quadratic; a sentence copied over and over hides that.
fn varied_prose(bytes: usize) -> String {
    const FIRST: [&str; 16] = [
        "Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hassan", "Irena", "Jonas",
        "Katya", "Luis", "Marta", "Nikolai", "Olga", "Pavel",
    ];
    const LAST: [&str; 16] = [
        "Abbot", "Brenner", "Castell", "Dorn", "Eckhart", "Falk", "Gorsky", "Holm", "Ivers",
        "Jansky", "Kessler", "Lund", "Marek", "Novak", "Orlov", "Petrov",
    ];
    const ROLES: [&str; 6] = [
        "minister",
        "spokesman",
        "governor",
        "mayor",
        "analyst",
        "official",
    ];
    const THINGS: [&str; 8] = [
        "the bridge",
        "the harbour",
        "the new road",
        "the hospital",
        "the budget",
        "the dam",
        "the railway",
        "the treaty",
    ];
    const ACTS: [&str; 6] = [
        "was damaged",
        "will reopen",
        "had been closed",
        "was approved",
        "was delayed",
        "was expanded",
    ];
    const PLACES: [&str; 8] = [
        "Norvik", "Delmar", "Astoria", "Kelso", "Marvale", "Tressa", "Umbria", "Velden",
    ];
    let mut state = 7u64;
    let mut next = |n: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) as usize) % n
    };
    let mut out = String::from("A long report\n\n");
    while out.len() < bytes {
        let name = format!("{} {}", FIRST[next(16)], LAST[next(16)]);
        let n = next(90_000) + 2;
        let (thing, act, place) = (THINGS[next(8)], ACTS[next(6)], PLACES[next(8)]);
        let s = match next(7) {
            0 => format!(
                "{name}, the {} of {place}, said that {thing} {act}. ",
                ROLES[next(6)]
            ),
            1 => format!("\u{201c}The work on {thing} {act},\u{201d} {name} told reporters. "),
            2 => format!("At least {n} people were affected in {place}, officials said. "),
            3 => format!("The council denied that {thing} {act}, calling the claim false. "),
            4 => format!("In {place}, {n} families waited while {thing} {act}. "),
            5 => format!("The {} {name} said about {n} homes {act}. ", ROLES[next(6)]),
            _ => format!(
                "{name} said {thing} {act} after {} days of talks. ",
                next(40) + 2
            ),
        };
        out.push_str(&s);
    }
    out.push('\n');
    out
}

/// One paragraph of varied prose at 0.1, 1 and 8 MB: the time per byte must stay flat
/// (within 2x from 0.1 to 8 MB; the README has the figures).
#[divan::bench(args = [100_000, 1_000_000, 8_000_000], sample_count = 2, sample_size = 1)]
fn analyse_varied_prose(b: Bencher, bytes: usize) {
    let text = varied_prose(bytes);
    b.counter(BytesCount::new(text.len())).bench(|| {
        let doc = Document::from_text("long.txt", Format::Text, &text);
        divan::black_box(store::article_from(doc))
    });
}

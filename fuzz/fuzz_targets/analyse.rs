//! The whole analysis of arbitrary bytes: two articles decoded (as text, Markdown, HTML or
//! sniffed), cleaned, analysed and compared; every string must be safe to print and every
//! index inside its article.
#![no_main]

use std::path::PathBuf;

use crossread::ingest::{self, Candidate, CandidateKind, Format, Input};
use crossread::{compare, invariants, store};
use libfuzzer_sys::fuzz_target;

fn article(kind: u8, name: &str, bytes: &[u8]) -> Option<crossread::Article> {
    let (kind, ext) = match kind % 4 {
        0 => (CandidateKind::Article(Format::Text), "txt"),
        1 => (CandidateKind::Article(Format::Markdown), "md"),
        2 => (CandidateKind::Article(Format::Html), "html"),
        _ => (CandidateKind::Unknown, "dat"),
    };
    let c = Candidate {
        path: PathBuf::from(format!("{name}.{ext}")),
        kind,
        explicit: true,
    };
    match ingest::from_bytes(&c, bytes) {
        Ok(Some(Input::Document(doc))) => {
            // the analysis itself keeps the promises, before the model boundary's repairs
            let raw = crossread::analyse::analyse(
                "raw".into(),
                doc.path.clone(),
                crossread::ingest::clean::clean(&doc),
            );
            let problems = invariants::article_problems(&raw);
            assert!(problems.is_empty(), "{problems:?}");
            Some(store::article_from(doc))
        }
        Ok(Some(Input::Store { store, .. })) => store.articles.into_iter().next(),
        _ => None,
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&head, rest)) = data.split_first() else {
        return;
    };
    // the rest is split at the first 0xFF 0x00 pair (or not at all)
    let split = rest
        .windows(2)
        .position(|w| w == [0xff, 0x00])
        .unwrap_or(rest.len());
    let (a, b) = (&rest[..split], rest.get(split + 2..).unwrap_or(&[]));
    let left = article(head, "left", a);
    let right = article(head >> 2, "right", b);
    for x in left.iter().chain(&right) {
        let problems = invariants::article_problems(x);
        assert!(problems.is_empty(), "{problems:?}");
    }
    if let (Some(l), Some(r)) = (&left, &right) {
        let c = compare::compare(l, r);
        let problems = invariants::comparison_problems(&c, l, r);
        assert!(problems.is_empty(), "{problems:?}");
        let _ = compare::report::markdown(&crossread::Store {
            schema: crossread::model::SCHEMA,
            articles: vec![l.clone(), r.clone()],
            comparisons: vec![c],
        });
    }
});

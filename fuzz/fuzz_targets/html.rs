//! The HTML path: any bytes read as an .html file are decoded, parsed, cleaned and analysed
//! without a panic, in time (deep nesting included), and every string that comes out is safe
//! to print and every index inside its article.
#![no_main]

use std::path::PathBuf;

use crossread::ingest::{self, Candidate, CandidateKind, Format, Input};
use crossread::invariants;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let c = Candidate {
        path: PathBuf::from("page.html"),
        kind: CandidateKind::Article(Format::Html),
        explicit: true,
    };
    if let Ok(Some(Input::Document(doc))) = ingest::from_bytes(&c, data) {
        let a = crossread::store::article_from(doc);
        let problems = invariants::article_problems(&a);
        assert!(problems.is_empty(), "{problems:?}");
    }
});

//! Store loading: any bytes either fail with a message or give a store whose every string is
//! safe and every index inside its article, which exports and loads back to the same JSON.
#![no_main]

use crossread::{invariants, store};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = store::parse_store(data) else {
        return;
    };
    for a in &s.articles {
        let problems = invariants::article_problems(a);
        assert!(problems.is_empty(), "{problems:?}");
    }
    let json = store::to_json(&s);
    let again = store::parse_store(json.as_bytes()).expect("an exported store loads");
    assert_eq!(store::to_json(&again), json, "export is stable");
});

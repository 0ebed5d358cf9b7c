//! Property tests (a bounded run that CI does every time): any text, hostile or not, goes
//! through the whole analysis without a panic, and what comes out is safe to print and points
//! inside its article.

use std::path::PathBuf;

use crossread::ingest::{self, Candidate, CandidateKind, Document, Format, Input};
use crossread::{compare, invariants, store};
use proptest::prelude::*;

/// Pieces of text that articles and attackers are made of.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        // words, capitals (names), numbers, sentence ends
        prop::sample::select(vec![
            "the",
            "council",
            "said",
            "Ann",
            "Poe",
            "Mayor",
            "Lee",
            "denied",
            "Kyiv",
            "Moscow",
            "5,000",
            "60%",
            "£3m",
            "on",
            "Monday",
            "1 May 2024",
            "km",
            "told",
            "reporters",
            "claimed",
            "not",
            "didn't",
            "according",
            "to",
            "Reuters",
            ".",
            "?",
            "!",
            ",",
            ":",
            " ",
            " ",
            " ",
            "\n",
            "\n\n",
            "\t",
            "-",
            "—",
            "(",
            ")",
            "#",
            "*",
            "<p>",
            "</p>",
        ])
        .prop_map(str::to_owned),
        // quote marks of every kind, balanced or not
        prop::sample::select(vec![
            "\"", "\u{201c}", "\u{201d}", "\u{2018}", "\u{2019}", "'", "\u{ab}", "\u{bb}",
            "\u{201e}", "\u{2039}", "\u{203a}", "``", "''",
        ])
        .prop_map(str::to_owned),
        // escape sequences, control characters, bidi and zero-width characters
        prop::sample::select(vec![
            "\u{1b}]0;pwned\u{7}",
            "\u{1b}[2J",
            "\u{1b}[1;31m",
            "\u{1b}[0m",
            "\u{1b}",
            "\u{1b}[",
            "\u{1b}]",
            "\u{1b}P",
            "\u{1b}\\",
            "\u{9b}",
            "\u{9d}",
            "\u{90}",
            "\u{9c}",
            "\u{85}",
            "\u{7}",
            "\u{8}",
            "\u{0}",
            "\r",
            "\r\n",
            "\u{b}",
            "\u{c}",
            "\u{7f}",
            "\u{202e}",
            "\u{202a}",
            "\u{2066}",
            "\u{2069}",
            "\u{200b}",
            "\u{200f}",
            "\u{feff}",
            "\u{ad}",
            "\u{2028}",
            "\u{a0}",
            "\u{3000}",
        ])
        .prop_map(str::to_owned),
        // wide, combining and emoji text
        prop::sample::select(vec![
            "東京",
            "議会",
            "e\u{301}",
            "\u{301}",
            "👍",
            "👩‍👩‍👧",
            "🇺🇦",
            "a\u{20dd}",
            "ﷺ",
            "\u{fffd}",
        ])
        .prop_map(str::to_owned),
        // anything at all
        any::<String>(),
        any::<char>().prop_map(String::from),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..120).prop_map(|v| v.concat())
}

fn check(a: &crossread::Article) -> Result<(), TestCaseError> {
    let problems = invariants::article_problems(a);
    prop_assert!(problems.is_empty(), "{:?}", problems);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        // a few seconds in CI; PROPTEST_CASES=5000 for a longer run
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(48),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_text_analyses_to_a_safe_article(left in text(), right in text(), md in any::<bool>()) {
        let format = if md { Format::Markdown } else { Format::Text };
        let docs = vec![
            Document::from_text("left.txt", format, &left),
            Document::from_text("right.txt", Format::Text, &right),
        ];
        // the analysis itself keeps the promises, before the model boundary's repairs
        for d in &docs {
            let raw = crossread::analyse::analyse(
                "raw".into(),
                d.path.clone(),
                crossread::ingest::clean::clean(d),
            );
            check(&raw)?;
        }
        let store = store::from_documents(docs);
        for a in &store.articles {
            check(a)?;
        }
        let (l, r) = (&store.articles[0], &store.articles[1]);
        let c = compare::compare(l, r);
        let problems = invariants::comparison_problems(&c, l, r);
        prop_assert!(problems.is_empty(), "{:?}", problems);
        let report = compare::report::markdown(&store);
        prop_assert!(!report.contains(['\u{1b}', '\u{7}']), "an escape in the report");
        // and the store survives a round trip
        let json = store::to_json(&store);
        let again = store::parse_store(json.as_bytes());
        prop_assert!(again.is_ok(), "{:?}", again.err());
    }

    #[test]
    fn any_bytes_decode_or_fail_with_a_line(bytes in prop::collection::vec(any::<u8>(), 0..600), text in text(), kind in 0u8..4) {
        let (kind, ext) = match kind {
            0 => (CandidateKind::Article(Format::Text), "txt"),
            1 => (CandidateKind::Article(Format::Markdown), "md"),
            2 => (CandidateKind::Article(Format::Html), "html"),
            _ => (CandidateKind::Unknown, "dat"),
        };
        let c = Candidate { path: PathBuf::from(format!("in.{ext}")), kind, explicit: true };
        let mut input = text.into_bytes();
        input.extend(bytes);
        match ingest::from_bytes(&c, &input) {
            Ok(Some(Input::Document(doc))) => check(&store::article_from(doc))?,
            Ok(Some(Input::Store { store, .. })) => {
                for a in &store.articles {
                    check(a)?;
                }
            }
            Ok(None) => {}
            Err(d) => {
                let line = d.to_string();
                prop_assert!(crossread::text::is_safe(&line), "{:?}", line);
            }
        }
    }
}

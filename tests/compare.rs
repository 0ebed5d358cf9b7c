//! The comparison of the two bundled seeds — wire copy reused by two outlets — and of
//! stores with more than two articles.

use crossread::compare::{self, DiffKind, diff_words};
use crossread::model::{Article, Comparison, Fact, FactKind, Measure, Sentence, Status, Store};
use crossread::store::load_seeds;

fn seeds() -> Vec<Article> {
    load_seeds().store.articles
}

fn sentence_of(a: &Article, needle: &str) -> usize {
    a.sentences
        .iter()
        .position(|s| s.text.contains(needle))
        .unwrap_or_else(|| panic!("no sentence with {needle:?} in {}", a.id))
}

fn pair_with<'a>(
    c: &Comparison,
    l: &'a Article,
    r: &'a Article,
    left_has: &str,
) -> Option<(&'a str, &'a str)> {
    c.sentences
        .iter()
        .map(|p| {
            (
                l.sentences[p.left].text.as_str(),
                r.sentences[p.right].text.as_str(),
            )
        })
        .find(|(a, _)| a.contains(left_has))
}

#[test]
fn reused_sentences_are_aligned_with_their_word_differences() {
    let s = seeds();
    let (l, r) = (&s[0], &s[1]);
    let c = compare::compare(l, r);
    let (a, b) = pair_with(&c, l, r, "road and rail junction").expect("the 'What is' sentence");
    assert!(b.contains("road and rail hub"));
    let d = diff_words(a, b);
    assert!(d.contains(&(DiffKind::Removed, "junction ")), "{d:?}");
    assert!(d.contains(&(DiffKind::Added, "hub ")), "{d:?}");
    // the "Why does Russia want Pokrovsk?" section, word for word and nearly so
    for left in [
        "Why does Russia want Pokrovsk?",
        "Russia wants to take the whole of the Donbas region",
        "Ukraine still controls about 10 per cent of Donbas",
        "Kyiv and most Western nations reject",
        "Ukraine's only mine producing coking coal",
        "A technical university in Pokrovsk",
    ] {
        assert!(pair_with(&c, l, r, left).is_some(), "{left:?} not aligned");
    }
    let (a, b) = pair_with(&c, l, r, "10 per cent").expect("aligned");
    assert!(b.contains("10%"));
    assert!(
        diff_words(a, b)
            .iter()
            .any(|(k, t)| *k == DiffKind::Removed && t.contains("per cent"))
    );
    // one to one, in the left article's order, similarities in range
    let lefts: Vec<usize> = c.sentences.iter().map(|p| p.left).collect();
    let mut sorted = lefts.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(lefts, sorted);
    let mut rights: Vec<usize> = c.sentences.iter().map(|p| p.right).collect();
    rights.sort_unstable();
    rights.dedup();
    assert_eq!(rights.len(), c.sentences.len());
    assert!(
        c.sentences
            .iter()
            .all(|p| (compare::MIN_SIMILARITY..=1.0).contains(&p.similarity))
    );
    assert!(c.summary.sentences_shared > 0.2 && c.summary.sentences_shared < 0.6);
}

#[test]
fn place_spellings_are_variants() {
    let s = seeds();
    let c = compare::compare(&s[0], &s[1]);
    assert!(
        c.variants
            .iter()
            .any(|v| v.left == "Slovyansk" && v.right == "Sloviansk"),
        "{:?}",
        c.variants
    );
    // names both print the same way are no variants
    assert!(c.variants.iter().all(|v| v.left != v.right));
    assert!(!c.variants.iter().any(|v| v.left.contains("Putin")));
}

fn status_of(c: &Comparison, token: &str) -> Option<Status> {
    c.people
        .iter()
        .find(|r| {
            r.left.as_deref().is_some_and(|x| x.contains(token))
                || r.right.as_deref().is_some_and(|x| x.contains(token))
        })
        .map(|r| r.status)
}

#[test]
fn people_named_by_both_and_by_one() {
    let s = seeds();
    let c = compare::compare(&s[0], &s[1]);
    assert_eq!(
        status_of(&c, "Putin"),
        Some(Status::Shared),
        "{:#?}",
        c.people
    );
    assert_eq!(status_of(&c, "Lee"), Some(Status::Shared));
    assert_eq!(status_of(&c, "Kastehelmi"), Some(Status::LeftOnly));
    assert_eq!(status_of(&c, "Black Bird"), Some(Status::LeftOnly));
    for right in ["Syrskyi", "Zelenskiy", "Gerasimov", "DeepState"] {
        assert_eq!(status_of(&c, right), Some(Status::RightOnly), "{right}");
    }
    // the first names Ukraine's General Staff, the second Russia's: two bodies, one name
    let staff: Vec<Status> = c
        .people
        .iter()
        .filter(|r| {
            r.left.as_deref() == Some("General Staff")
                || r.right.as_deref() == Some("General Staff")
        })
        .map(|r| r.status)
        .collect();
    assert_eq!(
        staff,
        [Status::LeftOnly, Status::RightOnly],
        "{:#?}",
        c.people
    );
}

/// A fact as the facts stage writes it, in the sentence that prints it.
fn fact(a: &Article, text: &str, kind: FactKind, value: Option<f64>, unit: Option<&str>) -> Fact {
    Fact {
        kind,
        text: text.into(),
        value,
        unit: unit.map(Into::into),
        sentence: sentence_of(a, text),
        ..Fact::default()
    }
}

/// The seeds with the facts a facts stage finds in them, written by hand.
fn seeds_with_facts() -> (Article, Article) {
    let s = seeds();
    let (mut l, mut r) = (s[0].clone(), s[1].clone());
    let area = |a: &Article| Fact {
        qualifier: Some("about".into()),
        alt: Some(Measure {
            value: Some(1930.0),
            unit: Some("square miles".into()),
        }),
        subject: Some("area".into()),
        ..fact(
            a,
            "about 5,000 square km (1,930 square miles)",
            FactKind::Quantity,
            Some(5000.0),
            Some("square km"),
        )
    };
    let distance = |a: &Article| Fact {
        qualifier: Some("around".into()),
        alt: Some(Measure {
            value: Some(10.0),
            unit: Some("km".into()),
        }),
        ..fact(
            a,
            "six miles (10 km)",
            FactKind::Quantity,
            Some(6.0),
            Some("miles"),
        )
    };
    let population = |a: &Article| Fact {
        qualifier: Some("some".into()),
        subject: Some("pre-war population".into()),
        ..fact(
            a,
            "some 60,000 people",
            FactKind::Quantity,
            Some(60000.0),
            Some("people"),
        )
    };
    let early = |a: &Article| Fact {
        date: Some("2024".into()),
        ..fact(a, "early 2024", FactKind::Date, None, None)
    };
    l.facts = vec![
        population(&l),
        distance(&l),
        Fact {
            qualifier: Some("about".into()),
            ..fact(
                &l,
                "about 10 per cent",
                FactKind::Percent,
                Some(10.0),
                Some("percent"),
            )
        },
        area(&l),
        early(&l),
        fact(
            &l,
            "7th Air Assault Corps",
            FactKind::Organisation,
            None,
            None,
        ),
    ];
    r.facts = vec![
        Fact {
            qualifier: Some("an estimated".into()),
            subject: Some("Russian troops".into()),
            ..fact(
                &r,
                "100,000 Russian troops",
                FactKind::Quantity,
                Some(100000.0),
                Some("troops"),
            )
        },
        population(&r),
        distance(&r),
        Fact {
            qualifier: Some("about".into()),
            ..fact(
                &r,
                "about 10%",
                FactKind::Percent,
                Some(10.0),
                Some("percent"),
            )
        },
        area(&r),
        early(&r),
        // the facts stage also lists a bracketed conversion as a fact of its own
        fact(&r, "10 km", FactKind::Quantity, Some(10.0), Some("km")),
    ];
    (l, r)
}

#[test]
fn facts_in_both_despite_formatting() {
    let (l, r) = seeds_with_facts();
    let c = compare::compare(&l, &r);
    let shared = |a: &str, b: &str| {
        c.facts.iter().any(|row| {
            row.status == Status::Shared
                && row.left.as_deref().is_some_and(|x| x.contains(a))
                && row.right.as_deref().is_some_and(|x| x.contains(b))
        })
    };
    for (a, b) in [
        ("60,000", "60,000"),
        ("10 per cent", "10%"),
        ("5,000", "5,000"),
        ("six miles", "six miles"),
        ("early 2024", "early 2024"),
    ] {
        assert!(shared(a, b), "{a} / {b} not shared: {:#?}", c.facts);
    }
    let only: Vec<(Status, Option<&str>, Option<&str>)> = c
        .facts
        .iter()
        .filter(|r| r.status != Status::Shared)
        .map(|r| (r.status, r.left.as_deref(), r.right.as_deref()))
        .collect();
    assert_eq!(
        only,
        [
            (Status::LeftOnly, Some("7th Air Assault Corps"), None),
            (Status::RightOnly, None, Some("100,000 Russian troops")),
        ]
    );
    assert!(
        (c.summary.facts_shared - 10.0 / 12.0).abs() < 0.001,
        "{:?}",
        c.summary
    );
    assert_eq!(c.summary.differs, 0);
    // every row points at the sentence that prints it
    for row in &c.facts {
        if let (Some(t), Some(s)) = (&row.left, row.left_sentence) {
            assert!(l.sentences[s].text.contains(t.as_str()));
        }
        if let (Some(t), Some(s)) = (&row.right, row.right_sentence) {
            assert!(r.sentences[s].text.contains(t.as_str()));
        }
    }
}

#[test]
fn comparing_is_symmetric_up_to_sides() {
    let (l, r) = seeds_with_facts();
    let ab = compare::compare(&l, &r);
    let ba = compare::compare(&r, &l);
    let shared = |c: &Comparison| {
        c.facts
            .iter()
            .filter(|x| x.status == Status::Shared)
            .count()
    };
    assert_eq!(shared(&ab), shared(&ba));
    assert_eq!(ab.sentences.len(), ba.sentences.len());
    assert_eq!(ab.variants.len(), ba.variants.len());
    assert_eq!(ab.summary.sentences_shared, ba.summary.sentences_shared);
}

fn tiny(id: &str, text: &str) -> Article {
    Article {
        id: id.into(),
        path: format!("{id}.txt"),
        paragraphs: vec![text.into()],
        sentences: vec![Sentence {
            text: text.into(),
            paragraph: 0,
            start: 0,
        }],
        ..Article::default()
    }
}

#[test]
fn every_pair_of_a_small_store_in_order() {
    let arts = vec![
        tiny("a", "The dam at Orvell burst on Monday."),
        tiny("b", "The dam at Orvell burst on Monday night."),
        tiny("c", "Markets rallied."),
    ];
    let c = compare::all_pairs(&arts);
    let ids: Vec<(&str, &str)> = c
        .iter()
        .map(|c| (c.left.as_str(), c.right.as_str()))
        .collect();
    assert_eq!(ids, [("a", "b"), ("a", "c"), ("b", "c")]);
    assert_eq!(c[0].sentences.len(), 1);
    assert!(c[1].sentences.is_empty());
    assert!(compare::all_pairs(&arts[..1]).is_empty());
}

#[test]
fn a_large_store_compares_only_related_pairs() {
    // 30 stories, 4 articles each: every article shares its story's rare words
    let mut arts = Vec::new();
    for story in 0..30 {
        for k in 0..4 {
            let words: Vec<String> = (0..10).map(|w| format!("story{story}word{w}")).collect();
            let text = format!("Report {k} on {} and the weather.", words.join(" "));
            arts.push(tiny(&format!("s{story}a{k}"), &text));
        }
    }
    assert!(arts.len() > compare::ALL_PAIRS_LIMIT);
    let pairs = compare::pairs_to_compare(&arts);
    // the 6 pairs inside each story, nothing across stories
    assert_eq!(pairs.len(), 30 * 6);
    assert!(pairs.iter().all(|&(i, j)| i < j && i / 4 == j / 4));
    // one story told by nearly half the store still pairs, each article with its closest
    let mut big = arts.clone();
    for k in 0..100 {
        big.push(tiny(
            &format!("big{k}"),
            &format!(
                "Flood at Quarrington dam as engineers Aldous Penhale and Rhiannon Vesk \
                 watch the spillway, report {k}."
            ),
        ));
    }
    let pairs = compare::pairs_to_compare(&big);
    let in_story = |i: usize| i >= 120;
    assert!(pairs.iter().all(|&(i, j)| in_story(i) == in_story(j)));
    let mut partners = vec![0; big.len()];
    for &(i, j) in &pairs {
        partners[i] += 1;
        partners[j] += 1;
    }
    assert!(
        (120..220).all(|i| partners[i] >= 30),
        "every article of the story is compared"
    );
    assert!(pairs.len() < 100 * 99 / 2, "but not with all the others");
    let small = compare::pairs_to_compare(&arts[..10]);
    assert_eq!(small.len(), 45, "every pair below the limit");
}

#[test]
fn the_report_puts_disagreements_first_and_is_deterministic() {
    let (mut l, r) = seeds_with_facts();
    // make one figure disagree: the left says 70,000
    if let Some(f) = l.facts.iter_mut().find(|f| f.text.contains("60,000")) {
        f.value = Some(70000.0);
        f.qualifier = Some("at least".into());
    }
    let mut r2 = r.clone();
    if let Some(f) = r2.facts.iter_mut().find(|f| f.text.contains("60,000")) {
        f.qualifier = Some("at least".into());
    }
    for a in [&mut l, &mut r2] {
        let f = fact(
            a,
            "Foreign Policy Research Institute",
            FactKind::Organisation,
            None,
            None,
        );
        a.facts.push(f);
    }
    let store = Store {
        comparisons: compare::all_pairs(&[l.clone(), r2.clone()]),
        articles: vec![l, r2],
        ..Store::default()
    };
    let md = compare::report::markdown(&store);
    assert_eq!(md, compare::report::markdown(&store), "deterministic");
    assert!(
        md.contains(
            "**Places and organisations named by both:** Foreign Policy Research Institute"
        ),
        "{md}"
    );
    assert!(
        !md.contains("| Foreign Policy Research Institute |"),
        "names are not figures"
    );
    let at = |s: &str| md.find(s).unwrap_or_else(|| panic!("{s:?} missing:\n{md}"));
    assert!(at("### Disagreements") < at("### Facts in both"));
    assert!(at("### Facts in both") < at("### Facts only in"));
    assert!(at("### Facts only in") < at("### People and organisations"));
    assert!(at("### People and organisations") < at("### Spelling variants"));
    assert!(at("### Spelling variants") < at("### Sentences in both"));
    assert!(md.contains("**Facts differ:**"));
    assert!(md.contains("pre-war population"), "subjects are shown");
    assert!(md.contains("~~junction~~ **hub**"), "{md}");
    assert!(md.contains("Slovyansk"));
    assert!(md.contains("1 disagreement"));
}

#[test]
fn the_report_escapes_markdown_in_article_text() {
    let a = tiny("a", "Shares of *Acme_Corp* rose [sharply] | again.");
    let b = tiny("b", "Shares of *Acme_Corp* fell [sharply] | again.");
    let store = Store {
        comparisons: compare::all_pairs(&[a.clone(), b.clone()]),
        articles: vec![a, b],
        ..Store::default()
    };
    let md = compare::report::markdown(&store);
    assert!(md.contains(r"\*Acme\_Corp\*"), "{md}");
    assert!(md.contains(r"\[sharply\] \|"), "{md}");
    assert!(md.contains("~~rose~~ **fell**"), "{md}");
}

#[test]
fn long_timelines_and_tables_stay_bounded_and_aligned() {
    // an almanac-like article: 3,000 dates in one year and 3,000 figures of one kind
    let mut a = Article {
        id: "almanac".into(),
        ..Article::default()
    };
    for k in 0..3000usize {
        let (m, d) = (k % 12 + 1, k % 28 + 1);
        a.sentences.push(Sentence {
            text: format!(
                "Entry {k}: on 2019-{m:02}-{d:02} the gauge read {} metres.",
                k + 1
            ),
            ..Sentence::default()
        });
        a.facts.push(Fact {
            kind: FactKind::Date,
            text: format!("2019-{m:02}-{d:02}"),
            date: Some(format!("2019-{m:02}-{d:02}")),
            sentence: k,
            ..Fact::default()
        });
        a.facts.push(Fact {
            kind: FactKind::Quantity,
            text: format!("{} metres", k + 1),
            value: Some((k + 1) as f64),
            unit: Some("m".into()),
            sentence: k,
            ..Fact::default()
        });
    }
    let mut b = a.clone();
    b.id = "almanac-2".into();
    let c = compare::compare(&a, &b);
    let shared = c
        .facts
        .iter()
        .filter(|r| r.status == Status::Shared)
        .count();
    assert!(shared > 3000, "{shared} shared of {}", c.facts.len());
    assert_eq!(c.sentences.len(), 3000);
}

// ---------------------------------------------------------------------------------------
// The invariants of a comparison, over the seeds and (when present beside the clone) the
// development corpus: checked here with words of their own, not the compare module's.

/// The development corpus's articles: `../shared/corpus/articles` beside the clone (as in
/// CI), else the shared workspace; `None` when neither is there.
fn corpus_dir() -> Option<std::path::PathBuf> {
    [
        concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/articles"),
        "/work/shared/corpus/articles",
    ]
    .iter()
    .map(std::path::PathBuf::from)
    .find(|p| p.is_dir())
}

/// Folded words of a text, punctuation left out.
fn plain_words(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '.' || c == ','))
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .replace('’', "'")
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

fn is_negation(w: &str) -> bool {
    matches!(w, "not" | "no" | "never" | "nobody" | "nothing" | "none") || w.ends_with("n't")
}

/// The figures of a text: runs of digits, with thousands separators dropped.
fn figures(s: &str) -> Vec<String> {
    let mut out: Vec<String> = plain_words(s)
        .into_iter()
        .filter(|w| w.chars().any(|c| c.is_ascii_digit()))
        .map(|w| w.replace(',', ""))
        .collect();
    out.sort();
    out.dedup();
    out
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

fn date_words(s: &str) -> Vec<&'static str> {
    let mut out: Vec<&str> = MONTHS
        .iter()
        .chain(WEEKDAYS.iter())
        .copied()
        .filter(|m| s.split(|c: char| !c.is_alphabetic()).any(|w| w == *m))
        .collect();
    out.sort();
    out
}

/// One side's list within the other's.
fn nested<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    a.iter().all(|x| b.contains(x)) || b.iter().all(|x| a.contains(x))
}

/// Why two sides of a "shared" row of statements disagree, if they do: a figure or a date
/// that only one side has while the other has one of its own, or the same words with a
/// negation on one side only.
fn statement_conflict(l: &str, r: &str) -> Option<String> {
    if !nested(&figures(l), &figures(r)) {
        return Some(format!("figures {:?} / {:?}", figures(l), figures(r)));
    }
    if !nested(&date_words(l), &date_words(r)) {
        return Some(format!("dates {:?} / {:?}", date_words(l), date_words(r)));
    }
    let (wl, wr) = (plain_words(l), plain_words(r));
    let strip = |w: &[String]| -> Vec<String> {
        w.iter()
            .filter(|x| !is_negation(x) || x.ends_with("n't"))
            .map(|x| x.trim_end_matches("n't").to_owned())
            .collect()
    };
    let negs = |w: &[String]| w.iter().filter(|x| is_negation(x)).count();
    if strip(&wl) == strip(&wr) && negs(&wl) != negs(&wr) {
        return Some("negation".into());
    }
    None
}

/// A shared fact row: both facts found, and where both are dates resolved to the day or
/// figures in one unit with no qualifier, the same.
fn fact_conflict(la: &Article, ra: &Article, row: &crossread::model::Row) -> Option<String> {
    let find = |a: &'_ Article, text: &Option<String>, s: Option<usize>| -> Option<Fact> {
        a.facts
            .iter()
            .find(|f| Some(&f.text) == text.as_ref() && Some(f.sentence) == s)
            .cloned()
    };
    let (Some(x), Some(y)) = (
        find(la, &row.left, row.left_sentence),
        find(ra, &row.right, row.right_sentence),
    ) else {
        return Some("a side of the row is no fact of its article".into());
    };
    if let (Some(d), Some(e)) = (&x.date, &y.date) {
        let (d, e) = (
            d.split('T').next().unwrap_or(""),
            e.split('T').next().unwrap_or(""),
        );
        if !(d.starts_with(e) || e.starts_with(d)) && d.len() >= 4 && e.len() >= 4 {
            return Some(format!("dates {d} / {e}"));
        }
    }
    let exact = |f: &Fact| f.qualifier.is_none() && f.value_max.is_none() && f.alt.is_none();
    if x.kind == y.kind
        && matches!(
            x.kind,
            FactKind::Quantity | FactKind::Money | FactKind::Percent
        )
        && x.unit == y.unit
        && exact(&x)
        && exact(&y)
        && figures(&x.text).len() == 1
        && figures(&y.text).len() == 1
        && let (Some(a), Some(b)) = (x.value, y.value)
        && (a - b).abs() > 0.01 * a.abs().max(b.abs())
    {
        return Some(format!("values {a} / {b}"));
    }
    None
}

/// Every violation of the invariants in one comparison.
fn violations(la: &Article, ra: &Article, c: &Comparison) -> Vec<String> {
    let mut out = Vec::new();
    let quotes = c.quotes.iter().map(|q| {
        (
            q.status,
            &q.left,
            &q.right,
            q.left_sentence,
            q.right_sentence,
        )
    });
    let claims = c.claims.iter().map(|q| {
        (
            q.status,
            &q.left,
            &q.right,
            q.left_sentence,
            q.right_sentence,
        )
    });
    for (section, rows) in [
        ("quote", quotes.collect::<Vec<_>>()),
        ("claim", claims.collect()),
    ] {
        for (st, l, r, _, _) in &rows {
            if *st == Status::Shared
                && let (Some(l), Some(r)) = (l, r)
                && let Some(why) = statement_conflict(l, r)
            {
                out.push(format!("shared {section} differs in {why}: {l:?} / {r:?}"));
            }
        }
    }
    for row in &c.facts {
        if row.status == Status::Shared
            && let Some(why) = fact_conflict(la, ra, row)
        {
            out.push(format!(
                "shared fact {:?} / {:?}: {why}",
                row.left, row.right
            ));
        }
    }
    // a statement shared in one section is not one-sided in another: no quote alone on
    // each side of a pair of sentences whose claims are shared, and the other way round
    let pairs = |rows: &[(Status, Option<usize>, Option<usize>)]| -> Vec<(usize, usize)> {
        rows.iter()
            .filter(|r| matches!(r.0, Status::Shared | Status::Reworded))
            .filter_map(|r| Some((r.1?, r.2?)))
            .collect()
    };
    let alone = |rows: &[(Status, Option<usize>, Option<usize>)], s: Status, left: bool| {
        rows.iter()
            .filter(|r| r.0 == s)
            .filter_map(|r| if left { r.1 } else { r.2 })
            .collect::<Vec<usize>>()
    };
    let q: Vec<_> = c
        .quotes
        .iter()
        .map(|r| (r.status, r.left_sentence, r.right_sentence))
        .collect();
    let k: Vec<_> = c
        .claims
        .iter()
        .map(|r| (r.status, r.left_sentence, r.right_sentence))
        .collect();
    for (a, b, what) in [(&k, &q, "quotes"), (&q, &k, "claims")] {
        let (lo, ro) = (
            alone(b, Status::LeftOnly, true),
            alone(b, Status::RightOnly, false),
        );
        for (s, t) in pairs(a) {
            if lo.contains(&s) && ro.contains(&t) {
                out.push(format!(
                    "sentences {s} / {t} paired, but their {what} are one-sided"
                ));
            }
        }
    }
    out
}

#[test]
fn no_shared_row_differs_in_a_number_a_date_or_a_negation() {
    let mut stores = vec![load_seeds().store];
    if let Some(dir) = corpus_dir() {
        // same-event groups: files named <group>_<letter>_<outlet>.txt
        let mut groups: std::collections::BTreeMap<String, Vec<std::path::PathBuf>> =
            Default::default();
        for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let p = e.path();
            let name = p
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("")
                .to_owned();
            if let Some((g, _)) = name.split_once('_') {
                groups.entry(g.to_owned()).or_default().push(p);
            }
        }
        for (_, mut paths) in groups {
            if paths.len() >= 2 {
                paths.sort();
                stores.push(crossread::store::load_paths(&paths).store);
            }
        }
    } else {
        eprintln!("no corpus beside the clone: the seeds only");
    }
    let mut bad = Vec::new();
    let mut compared = 0;
    for store in &stores {
        for c in &store.comparisons {
            let find = |id: &str| store.articles.iter().find(|a| a.id == id);
            let (Some(la), Some(ra)) = (find(&c.left), find(&c.right)) else {
                continue;
            };
            compared += 1;
            bad.extend(
                violations(la, ra, c)
                    .into_iter()
                    .map(|v| format!("{} / {}: {v}", la.id, ra.id)),
            );
        }
    }
    assert!(compared >= 1);
    assert!(
        bad.is_empty(),
        "{} violations:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn the_invariant_checks_can_fail() {
    assert!(
        statement_conflict("the ferry carried 40 people", "the ferry carried 60 people").is_some()
    );
    assert!(statement_conflict("they met in May", "they met in April").is_some());
    assert!(statement_conflict("the dam was inspected", "the dam wasn't inspected").is_some());
    assert!(statement_conflict("the dam was inspected", "the dam was inspected in May").is_none());
}

//! A hand-made store that exercises every pane of the dashboard: three sources, people with
//! sides, direct and indirect quotes, facts with a `differs` comparison row, a dispute with a
//! denial, aligned sentences and a spelling variant.

#![allow(dead_code)]

use std::ffi::OsStr;
use std::process::{Command, Output, Stdio};

use crossread::model::*;

/// Run the real binary with these arguments (no colour, no input) and wait for it.
pub fn crossread<S: AsRef<OsStr>>(args: &[S]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crossread"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

/// What a run printed on stderr, as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// What a run printed on stdout, as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Split paragraphs into sentences at ". ", "? " and "! " (the fixture's text is simple).
fn sentences(paragraphs: &[String]) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (pi, p) in paragraphs.iter().enumerate() {
        let mut start = 0;
        let bytes = p.as_bytes();
        for i in 0..bytes.len() {
            let end_mark = matches!(bytes[i], b'.' | b'?' | b'!')
                && (i + 1 == bytes.len() || bytes[i + 1] == b' ');
            if end_mark {
                let end = i + 1;
                out.push(Sentence {
                    text: p[start..end].to_owned(),
                    paragraph: pi,
                    start,
                });
                start = (end + 1).min(p.len());
            }
        }
        if start < p.len() {
            out.push(Sentence {
                text: p[start..].trim_end().to_owned(),
                paragraph: pi,
                start,
            });
        }
    }
    out
}

fn article(
    id: &str,
    outlet: &str,
    title: &str,
    date: &str,
    authors: &[&str],
    paras: &[&str],
) -> Article {
    let paragraphs: Vec<String> = paras.iter().map(|s| s.to_string()).collect();
    Article {
        id: id.to_owned(),
        path: format!("fixture/{id}.txt"),
        title: Some(title.to_owned()),
        subtitle: None,
        outlet: Some(outlet.to_owned()),
        published: Some(date.to_owned()),
        authors: authors.iter().map(|s| s.to_string()).collect(),
        sentences: sentences(&paragraphs),
        paragraphs,
        ..Article::default()
    }
}

/// The index of the sentence containing `needle`.
pub fn sentence_of(a: &Article, needle: &str) -> usize {
    a.sentences
        .iter()
        .position(|s| s.text.contains(needle))
        .unwrap_or_else(|| panic!("no sentence with {needle:?} in {}", a.id))
}

fn person(
    name: &str,
    role: Option<&str>,
    side: Option<&str>,
    kind: PersonKind,
    a: &Article,
    first: &str,
) -> Person {
    Person {
        name: name.to_owned(),
        aliases: Vec::new(),
        kind,
        role: role.map(str::to_owned),
        affiliation: None,
        side: side.map(str::to_owned),
        mentions: 1,
        sentence: sentence_of(a, first),
    }
}

fn quote(a: &Article, speaker: &str, text: &str, kind: QuoteKind, cue: &str) -> Quote {
    Quote {
        speaker: Some(speaker.to_owned()),
        text: text.to_owned(),
        kind,
        cue: Some(cue.to_owned()),
        sentence: sentence_of(a, text),
    }
}

fn fact(
    a: &Article,
    kind: FactKind,
    text: &str,
    subject: Option<&str>,
    qualifier: Option<&str>,
) -> Fact {
    Fact {
        kind,
        text: text.to_owned(),
        subject: subject.map(str::to_owned),
        qualifier: qualifier.map(str::to_owned),
        sentence: sentence_of(a, text),
        ..Fact::default()
    }
}

#[allow(clippy::too_many_arguments)] // a table of test data reads best flat
fn claim(
    a: &Article,
    id: &str,
    who: &str,
    side: &str,
    text: &str,
    stance: Stance,
    disputes: Option<&str>,
    anchor: &str,
) -> Claim {
    Claim {
        id: id.to_owned(),
        claimant: Some(who.to_owned()),
        side: Some(side.to_owned()),
        text: text.to_owned(),
        stance,
        disputes: disputes.into_iter().map(str::to_owned).collect(),
        unverified: false,
        sentence: sentence_of(a, anchor),
    }
}

fn row(status: Status, l: Option<(&str, usize)>, r: Option<(&str, usize)>) -> Row {
    Row {
        status,
        left: l.map(|x| x.0.to_owned()),
        right: r.map(|x| x.0.to_owned()),
        left_sentence: l.map(|x| x.1),
        right_sentence: r.map(|x| x.1),
    }
}

pub fn fixture() -> Store {
    let mut ledger = article(
        "ledger",
        "The Daily Ledger",
        "Putin claims Pokrovsk as Kyiv denies the city has fallen",
        "2025-12-02T16:32Z",
        &["Ann Writer", "Bo Reporter"],
        &[
            "Vladimir Putin on Tuesday claimed full control of Pokrovsk. Ukraine's military denied that the city had fallen.",
            "\"We will not give up Pokrovsk,\" said Volodymyr Zelensky, the Ukrainian president. About 60,000 people lived in the city before the war.",
            "Rob Lee, a senior fellow at the Foreign Policy Research Institute, said the battle could last for weeks. The front covers about 5,000 square km.",
            "\"Our troops hold the whole city,\" Putin told reporters in Moscow.",
        ],
    );
    ledger.boilerplate = vec![
        "Sign up to our newsletter".to_owned(),
        "641 views".to_owned(),
    ];
    ledger.boilerplate_reasons = vec!["newsletter prompt".to_owned(), "view counter".to_owned()];
    ledger.people = vec![
        person(
            "Vladimir Putin",
            Some("Russian president"),
            Some("Russia"),
            PersonKind::Person,
            &ledger,
            "Vladimir Putin on Tuesday",
        ),
        person(
            "Volodymyr Zelensky",
            Some("Ukrainian president"),
            Some("Ukraine"),
            PersonKind::Person,
            &ledger,
            "said Volodymyr Zelensky",
        ),
        person(
            "Rob Lee",
            Some("senior fellow, Foreign Policy Research Institute"),
            None,
            PersonKind::Person,
            &ledger,
            "Rob Lee",
        ),
        person(
            "Ukraine's military",
            None,
            Some("Ukraine"),
            PersonKind::Group,
            &ledger,
            "Ukraine's military denied",
        ),
    ];
    ledger.quotes = vec![
        quote(
            &ledger,
            "Volodymyr Zelensky",
            "We will not give up Pokrovsk,",
            QuoteKind::Direct,
            "said",
        ),
        quote(
            &ledger,
            "Rob Lee",
            "the battle could last for weeks",
            QuoteKind::Indirect,
            "said",
        ),
        quote(
            &ledger,
            "Vladimir Putin",
            "Our troops hold the whole city,",
            QuoteKind::Direct,
            "told reporters",
        ),
    ];
    ledger.facts = vec![
        fact(
            &ledger,
            FactKind::Quantity,
            "About 60,000 people",
            Some("pre-war population"),
            Some("about"),
        ),
        fact(
            &ledger,
            FactKind::Quantity,
            "about 5,000 square km",
            Some("front line area"),
            Some("about"),
        ),
        fact(
            &ledger,
            FactKind::Date,
            "Tuesday",
            Some("Putin's claim"),
            None,
        ),
        fact(&ledger, FactKind::Place, "Moscow", None, None),
    ];
    ledger.claims = vec![
        claim(
            &ledger,
            "c1",
            "Vladimir Putin",
            "Russia",
            "full control of Pokrovsk",
            Stance::Assert,
            None,
            "claimed full control",
        ),
        claim(
            &ledger,
            "c2",
            "Ukraine's military",
            "Ukraine",
            "the city had fallen",
            Stance::Deny,
            Some("c1"),
            "denied that the city",
        ),
        claim(
            &ledger,
            "c3",
            "Rob Lee",
            "analysts",
            "the battle could last for weeks",
            Stance::Assert,
            None,
            "Rob Lee",
        ),
    ];

    let mut courier = article(
        "courier",
        "Evening Courier",
        "Kremlin says Pokrovsk taken; Ukraine says fighting goes on",
        "2025-12-02T18:05Z",
        &["Cy Columnist"],
        &[
            "Vladimir Putin on Tuesday claimed complete control of Pokrovsk. Kyiv said the fighting goes on.",
            "\"We will not give up Pokrovsk,\" President Volodymyr Zelenskyy said in his evening address. Some 50,000 people lived in the city before the war.",
            "The front covers about 5,000 square km, officials said.",
        ],
    );
    courier.boilerplate = vec!["Most popular".to_owned()];
    courier.boilerplate_reasons = vec!["related links".to_owned()];
    courier.people = vec![
        person(
            "Vladimir Putin",
            Some("president of Russia"),
            Some("Russia"),
            PersonKind::Person,
            &courier,
            "Vladimir Putin on Tuesday",
        ),
        person(
            "Volodymyr Zelenskyy",
            Some("president"),
            Some("Ukraine"),
            PersonKind::Person,
            &courier,
            "Zelenskyy said",
        ),
        person(
            "Kyiv",
            None,
            Some("Ukraine"),
            PersonKind::Organisation,
            &courier,
            "Kyiv said",
        ),
    ];
    courier.quotes = vec![
        quote(
            &courier,
            "Volodymyr Zelenskyy",
            "We will not give up Pokrovsk,",
            QuoteKind::Direct,
            "said",
        ),
        quote(
            &courier,
            "Kyiv",
            "the fighting goes on",
            QuoteKind::Indirect,
            "said",
        ),
    ];
    courier.facts = vec![
        fact(
            &courier,
            FactKind::Quantity,
            "Some 50,000 people",
            Some("pre-war population"),
            Some("some"),
        ),
        fact(
            &courier,
            FactKind::Quantity,
            "about 5,000 square km",
            Some("front line area"),
            Some("about"),
        ),
    ];
    courier.claims = vec![
        claim(
            &courier,
            "c1",
            "Vladimir Putin",
            "Russia",
            "complete control of Pokrovsk",
            Stance::Assert,
            None,
            "claimed complete control",
        ),
        claim(
            &courier,
            "c2",
            "Kyiv",
            "Ukraine",
            "the fighting goes on",
            Stance::Deny,
            Some("c1"),
            "Kyiv said",
        ),
    ];

    let wire = article(
        "wire",
        "Wire Service",
        "Pokrovsk: what we know",
        "2025-12-03",
        &[],
        &["Russia says it controls Pokrovsk. Ukraine denies it."],
    );

    let s = |a: &Article, n: &str| sentence_of(a, n);
    let lc = Comparison {
        left: "ledger".into(),
        right: "courier".into(),
        facts: vec![
            row(
                Status::Differs,
                Some(("About 60,000 people", s(&ledger, "60,000"))),
                Some(("Some 50,000 people", s(&courier, "50,000"))),
            ),
            row(
                Status::Shared,
                Some(("about 5,000 square km", s(&ledger, "5,000"))),
                Some(("about 5,000 square km", s(&courier, "5,000"))),
            ),
            row(
                Status::LeftOnly,
                Some(("Moscow", s(&ledger, "Moscow"))),
                None,
            ),
        ],
        people: vec![
            row(
                Status::Shared,
                Some(("Vladimir Putin", 0)),
                Some(("Vladimir Putin", 0)),
            ),
            row(
                Status::LeftOnly,
                Some(("Rob Lee", s(&ledger, "Rob Lee"))),
                None,
            ),
            row(
                Status::RightOnly,
                None,
                Some(("Kyiv", s(&courier, "Kyiv said"))),
            ),
        ],
        variants: vec![Variant {
            left: "Volodymyr Zelensky".into(),
            right: "Volodymyr Zelenskyy".into(),
        }],
        quotes: vec![QuoteRow {
            status: Status::Shared,
            speaker: Some("Volodymyr Zelensky".into()),
            left: Some("We will not give up Pokrovsk,".into()),
            right: Some("We will not give up Pokrovsk,".into()),
            left_sentence: Some(s(&ledger, "give up")),
            right_sentence: Some(s(&courier, "give up")),
        }],
        claims: vec![row(
            Status::Reworded,
            Some(("full control of Pokrovsk", s(&ledger, "full control"))),
            Some((
                "complete control of Pokrovsk",
                s(&courier, "complete control"),
            )),
        )],
        sentences: vec![
            SentencePair {
                left: s(&ledger, "claimed full control"),
                right: s(&courier, "claimed complete control"),
                similarity: 0.88,
            },
            SentencePair {
                left: s(&ledger, "60,000"),
                right: s(&courier, "50,000"),
                similarity: 0.8,
            },
        ],
        summary: Summary {
            facts_shared: 0.4,
            people_shared: 0.5,
            sentences_shared: 0.3,
            differs: 1,
            reworded: 1,
            disputes: 1,
        },
    };
    let lw = Comparison {
        left: "ledger".into(),
        right: "wire".into(),
        facts: Vec::new(),
        people: Vec::new(),
        variants: Vec::new(),
        quotes: Vec::new(),
        claims: Vec::new(),
        sentences: vec![SentencePair {
            left: 0,
            right: 0,
            similarity: 0.41,
        }],
        summary: Summary::default(),
    };
    let cw = Comparison {
        left: "courier".into(),
        right: "wire".into(),
        sentences: Vec::new(),
        ..lw.clone()
    };
    Store {
        schema: SCHEMA,
        articles: vec![ledger, courier, wire],
        comparisons: vec![lc, lw, cw],
    }
}

//! What must hold for any article in the store, whatever its input: checked by the property
//! tests, the fuzz targets and the hostile-input tests (cheap enough for a debug assertion).

use crate::model::{Article, Comparison};
use crate::text::is_safe;

/// Every way `a` breaks the model's promises: a string that could drive a terminal (see
/// [`is_safe`]) or an index that points outside the article. Empty when all is well.
pub fn article_problems(a: &Article) -> Vec<String> {
    let mut out = Vec::new();
    let mut check = |what: &str, s: &str| {
        if !is_safe(s) {
            out.push(format!("{what} is not safe to print: {s:?}"));
        }
    };
    check("id", &a.id);
    check("path", &a.path);
    for s in [&a.title, &a.subtitle, &a.outlet, &a.published]
        .into_iter()
        .flatten()
    {
        check("metadata", s);
    }
    for s in a
        .authors
        .iter()
        .chain(&a.paragraphs)
        .chain(&a.boilerplate)
        .chain(&a.boilerplate_reasons)
        .chain(&a.warnings)
    {
        check("article string", s);
    }
    for s in &a.sentences {
        check("sentence", &s.text);
    }
    for p in &a.people {
        check("person", &p.name);
        for s in p
            .aliases
            .iter()
            .chain(&p.role)
            .chain(&p.affiliation)
            .chain(&p.side)
        {
            check("person field", s);
        }
    }
    for q in &a.quotes {
        check("quote", &q.text);
        for s in q.speaker.iter().chain(&q.cue) {
            check("quote field", s);
        }
    }
    for f in &a.facts {
        check("fact", &f.text);
        let alt_unit = f.alt.as_ref().and_then(|m| m.unit.as_ref());
        for s in f
            .unit
            .iter()
            .chain(&f.subject)
            .chain(&f.qualifier)
            .chain(&f.date)
            .chain(alt_unit)
        {
            check("fact field", s);
        }
    }
    for c in &a.claims {
        check("claim", &c.text);
        check("claim id", &c.id);
        for s in c.claimant.iter().chain(&c.side).chain(&c.disputes) {
            check("claim field", s);
        }
    }
    let n = a.sentences.len();
    for (i, s) in a.sentences.iter().enumerate() {
        match a.paragraphs.get(s.paragraph) {
            None => out.push(format!("sentence {i} names paragraph {}", s.paragraph)),
            Some(p) if s.start > p.len() => {
                out.push(format!("sentence {i} starts at {} of {}", s.start, p.len()))
            }
            Some(_) => {}
        }
    }
    let mut index = |what: &str, i: usize| {
        if i >= n {
            out.push(format!("{what} names sentence {i} of {n}"));
        }
    };
    a.quotes.iter().for_each(|q| index("quote", q.sentence));
    a.facts.iter().for_each(|f| index("fact", f.sentence));
    a.claims.iter().for_each(|c| index("claim", c.sentence));
    if n > 0 {
        a.people.iter().for_each(|p| index("person", p.sentence));
    }
    out
}

/// Every index of `c` that points outside `left` or `right`, and every string that is not
/// safe to print.
pub fn comparison_problems(c: &Comparison, left: &Article, right: &Article) -> Vec<String> {
    let mut out = Vec::new();
    let (nl, nr) = (left.sentences.len(), right.sentences.len());
    let mut side = |what: &str, l: Option<usize>, r: Option<usize>| {
        if l.is_some_and(|i| i >= nl) || r.is_some_and(|i| i >= nr) {
            out.push(format!(
                "{what} row names sentences {l:?}/{r:?} of {nl}/{nr}"
            ));
        }
    };
    for row in c.facts.iter().chain(&c.people).chain(&c.claims) {
        side("fact/person/claim", row.left_sentence, row.right_sentence);
    }
    for p in &c.sentences {
        side("sentence pair", Some(p.left), Some(p.right));
    }
    for q in &c.quotes {
        side("quote", q.left_sentence, q.right_sentence);
    }
    let strings = c
        .facts
        .iter()
        .chain(&c.people)
        .chain(&c.claims)
        .flat_map(|r| r.left.iter().chain(&r.right))
        .chain(
            c.quotes
                .iter()
                .flat_map(|q| q.left.iter().chain(&q.right).chain(&q.speaker)),
        )
        .chain(c.variants.iter().flat_map(|v| [&v.left, &v.right]));
    for s in strings {
        if !is_safe(s) {
            out.push(format!("comparison string is not safe to print: {s:?}"));
        }
    }
    out
}

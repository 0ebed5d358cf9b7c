//! Key facts of the two bundled seed articles: the figures both report, each in the form the
//! comparison needs (value, unit, subject, qualifier, conversion, resolved date).

use crossread::Article;
use crossread::model::{Fact, FactKind};
use crossread::store::load_seeds;

fn seeds() -> Vec<Article> {
    load_seeds().store.articles
}

/// The one fact of `a` whose text contains `part` (and is not a bracketed conversion).
fn fact<'a>(a: &'a Article, part: &str) -> &'a Fact {
    let hits: Vec<&Fact> = a
        .facts
        .iter()
        .filter(|f| f.text.contains(part) && !f.conversion)
        .collect();
    assert_eq!(
        hits.len(),
        1,
        "want one fact with {part:?} in {:#?}",
        a.facts
    );
    hits[0]
}

#[test]
fn pre_war_population_in_both_seeds() {
    for a in &seeds() {
        let f = fact(a, "60,000");
        assert_eq!(f.text, "some 60,000 people");
        assert_eq!(f.kind, FactKind::Quantity);
        assert_eq!(f.value, Some(60000.0));
        assert_eq!(f.unit.as_deref(), Some("people"));
        assert_eq!(f.subject.as_deref(), Some("pre-war population"));
        assert_eq!(f.qualifier.as_deref(), Some("some"));
    }
}

#[test]
fn six_miles_and_ten_km_are_one_fact() {
    for a in &seeds() {
        let f = fact(a, "six miles");
        assert_eq!(f.text, "around six miles (10 km)");
        assert_eq!((f.value, f.unit.as_deref()), (Some(6.0), Some("miles")));
        assert_eq!(f.qualifier.as_deref(), Some("about"));
        let alt = f.alt.as_ref().expect("the km figure is the alt");
        assert_eq!((alt.value, alt.unit.as_deref()), (Some(10.0), Some("km")));
        // the bracketed figure is listed too, marked as the conversion of that fact
        let c: Vec<&Fact> = a.facts.iter().filter(|f| f.conversion).collect();
        assert!(
            c.iter().any(|c| c.text == "10 km" && c.value == Some(10.0)),
            "{c:?}"
        );
    }
}

#[test]
fn ten_per_cent_and_ten_percent_sign_are_the_same_value() {
    let s = seeds();
    let a = fact(&s[0], "10 per cent");
    let b = fact(&s[1], "10%");
    for f in [a, b] {
        assert_eq!(f.kind, FactKind::Percent);
        assert_eq!((f.value, f.unit.as_deref()), (Some(10.0), Some("percent")));
        assert_eq!(f.qualifier.as_deref(), Some("about"));
    }
}

#[test]
fn area_with_its_conversion() {
    for a in &seeds() {
        let f = fact(a, "5,000 square km");
        assert_eq!(f.text, "about 5,000 square km (1,930 square miles)");
        assert_eq!(
            (f.value, f.unit.as_deref()),
            (Some(5000.0), Some("square km"))
        );
        assert_eq!(f.subject.as_deref(), Some("area"));
        let alt = f.alt.as_ref().expect("alt");
        assert_eq!(
            (alt.value, alt.unit.as_deref()),
            (Some(1930.0), Some("square miles"))
        );
    }
}

#[test]
fn troops_in_the_second_seed() {
    let s = seeds();
    let f = fact(&s[1], "100,000");
    assert_eq!(f.text, "An estimated 100,000 Russian troops");
    assert_eq!(f.value, Some(100000.0));
    assert_eq!(f.unit.as_deref(), Some("troops"));
    assert_eq!(f.subject.as_deref(), Some("Russian troops"));
    assert_eq!(f.qualifier.as_deref(), Some("estimated"));
}

#[test]
fn partial_dates_in_the_seeds() {
    let s = seeds();
    for a in &s {
        let f = fact(a, "early 2024");
        assert_eq!(f.kind, FactKind::Date);
        assert_eq!(f.date.as_deref(), Some("2024"));
    }
    let f = fact(&s[1], "mid-2024");
    assert_eq!((f.kind, f.date.as_deref()), (FactKind::Date, Some("2024")));
    let f = fact(&s[1], "for over a year");
    assert_eq!((f.value, f.unit.as_deref()), (Some(1.0), Some("years")));
    assert_eq!(f.qualifier.as_deref(), Some("more than"));
    // the second seed states no date, so its weekdays stay unresolved
    let sunday: Vec<&Fact> = s[1]
        .facts
        .iter()
        .filter(|f| f.text == "on Sunday")
        .collect();
    assert!(!sunday.is_empty() && sunday.iter().all(|f| f.date.is_none()));
}

#[test]
fn on_tuesday_resolves_to_the_publication_day() {
    let s = seeds();
    let first = &s[0];
    assert_eq!(first.published.as_deref(), Some("2025-12-02T16:32Z"));
    let tuesdays: Vec<&Fact> = first
        .facts
        .iter()
        .filter(|f| f.text.eq_ignore_ascii_case("on Tuesday"))
        .collect();
    assert!(!tuesdays.is_empty());
    for f in tuesdays {
        assert_eq!(f.date.as_deref(), Some("2025-12-02"));
        assert!(first.sentences[f.sentence].text.contains("Tuesday"));
    }
}

#[test]
fn no_years_ordinals_or_furniture_as_quantities() {
    for a in &seeds() {
        for f in &a.facts {
            if matches!(
                f.kind,
                FactKind::Quantity | FactKind::Money | FactKind::Percent
            ) {
                assert!(!f.text.contains("2024"), "{f:?}");
                assert!(!f.text.contains("7th"), "{f:?}");
                assert!(!f.text.contains("views"), "{f:?}");
            }
        }
    }
}

#[test]
fn places_and_organisations_with_counts() {
    let s = seeds();
    let a = &s[0];
    let place = |name: &str| {
        a.facts
            .iter()
            .find(|f| f.kind == FactKind::Place && f.text == name)
            .unwrap_or_else(|| panic!("no place {name}"))
    };
    assert_eq!(place("Kyiv").count, Some(4));
    assert!(place("Moscow").count.is_some_and(|n| n >= 2));
    assert!(place("Pokrovsk").count.is_some_and(|n| n >= 10));
    // "in Ukraine's eastern Donetsk region": a place from its cue, not from the gazetteer
    assert!(place("Donetsk").count.is_some_and(|n| n >= 5));
    let orgs: Vec<&str> = a
        .facts
        .iter()
        .filter(|f| f.kind == FactKind::Organisation)
        .map(|f| f.text.as_str())
        .collect();
    for want in [
        "Foreign Policy Research Institute",
        "Russian Defence Ministry",
        "7th Air Assault Corps",
        "General Staff",
        "Reuters",
    ] {
        assert!(orgs.contains(&want), "{want} not in {orgs:?}");
    }
    // every fact points at a sentence that exists
    for a in &s {
        assert!(a.facts.iter().all(|f| f.sentence < a.sentences.len()));
    }
}

#[test]
fn facts_come_in_reading_order() {
    for a in &seeds() {
        let order: Vec<usize> = a.facts.iter().map(|f| f.sentence).collect();
        assert!(order.windows(2).all(|w| w[0] <= w[1]), "{order:?}");
    }
}

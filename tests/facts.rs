//! Key facts on sentences written for these tests: every number form, unit, qualifier, date
//! form, place and organisation cue the extractor claims to read.

use crossread::analyse::Doc;
use crossread::analyse::facts::extract;
use crossread::model::{Fact, FactKind};

fn facts_on(paragraphs: &[&str], published: Option<&str>) -> Vec<Fact> {
    let paras: Vec<String> = paragraphs.iter().map(|p| (*p).to_owned()).collect();
    let doc = Doc::new(&paras);
    extract(&doc, published)
}

fn facts(text: &str) -> Vec<Fact> {
    facts_on(&[text], None)
}

/// The one fact whose text is `text`.
fn fact<'a>(all: &'a [Fact], text: &str) -> &'a Fact {
    let hits: Vec<&Fact> = all.iter().filter(|f| f.text == text).collect();
    assert_eq!(hits.len(), 1, "want one fact {text:?} in {all:#?}");
    hits[0]
}

fn texts(all: &[Fact], kind: FactKind) -> Vec<&str> {
    all.iter()
        .filter(|f| f.kind == kind)
        .map(|f| f.text.as_str())
        .collect()
}

fn quantity(text: &str, want: &str) -> Fact {
    fact(&facts(text), want).clone()
}

#[test]
fn numbers_in_digits() {
    let f = quantity(
        "Officials said 1,250 people were evacuated overnight.",
        "1,250 people",
    );
    assert_eq!(f.kind, FactKind::Quantity);
    assert_eq!(f.value, Some(1250.0));
    assert_eq!(f.unit.as_deref(), Some("people"));
    assert_eq!(f.subject.as_deref(), Some("people evacuated"));

    let f = quantity(
        "The firm now employs 2.5 million workers worldwide.",
        "2.5 million workers",
    );
    assert_eq!(f.value, Some(2_500_000.0));
    assert_eq!(f.unit.as_deref(), Some("workers"));
}

#[test]
fn numbers_in_words() {
    let all = facts(
        "Seven soldiers were killed and a dozen vehicles destroyed, while three hundred and \
         twenty-five delegates met nearly half a million refugees.",
    );
    let f = fact(&all, "Seven soldiers");
    assert_eq!(f.value, Some(7.0));
    assert_eq!(f.subject.as_deref(), Some("soldiers dead"));
    assert_eq!(fact(&all, "a dozen vehicles").value, Some(12.0));
    let f = fact(&all, "three hundred and twenty-five delegates");
    assert_eq!(f.value, Some(325.0));
    let f = fact(&all, "nearly half a million refugees");
    assert_eq!(f.value, Some(500_000.0));
    assert_eq!(f.qualifier.as_deref(), Some("nearly"));
}

#[test]
fn vague_amounts_keep_their_words_and_no_value() {
    let f = quantity(
        "Tens of thousands of protesters marched through the capital.",
        "Tens of thousands of protesters",
    );
    assert_eq!(f.value, None);
    assert_eq!(f.qualifier.as_deref(), Some("tens of thousands"));
    assert_eq!(f.unit.as_deref(), Some("protesters"));
}

#[test]
fn units_of_measure() {
    let f = quantity("The storm left 30cm of snow on the pass.", "30cm");
    assert_eq!((f.value, f.unit.as_deref()), (Some(30.0), Some("cm")));
    let f = quantity(
        "Crews cleared a 12-mile stretch of road.",
        "12-mile stretch",
    );
    assert_eq!((f.value, f.unit.as_deref()), (Some(12.0), Some("miles")));
    let f = quantity(
        "The reservoir holds 4.5 billion cubic metres of water.",
        "4.5 billion cubic metres",
    );
    assert_eq!(f.value, Some(4_500_000_000.0));
    assert_eq!(f.unit.as_deref(), Some("cubic metres"));
    let f = quantity("Thermometers showed 41°C by noon.", "41°C");
    assert_eq!(f.unit.as_deref(), Some("°C"));
    let f = quantity("The suitcase weighed 23 kilos.", "23 kilos");
    assert_eq!(f.unit.as_deref(), Some("kg"));
    let f = quantity(
        "They talked for 17 straight hours.",
        "for 17 straight hours",
    );
    assert_eq!((f.value, f.unit.as_deref()), (Some(17.0), Some("hours")));
    let f = quantity("A magnitude 7.8 quake struck at dawn.", "magnitude 7.8");
    assert_eq!((f.value, f.unit.as_deref()), (Some(7.8), Some("magnitude")));
    let f = quantity("Temperatures fell to -12C overnight.", "-12C");
    assert_eq!(f.value, Some(-12.0));
}

#[test]
fn a_conversion_in_brackets_is_one_fact_with_an_alt() {
    let all = facts("Gusts reached 120 mph (193 km/h) on the coast.");
    let f = fact(&all, "120 mph (193 km/h)");
    assert_eq!((f.value, f.unit.as_deref()), (Some(120.0), Some("mph")));
    let alt = f.alt.as_ref().expect("alt");
    assert_eq!(
        (alt.value, alt.unit.as_deref()),
        (Some(193.0), Some("km/h"))
    );
    // the bracketed figure can be found by its own words, marked as a conversion
    let c = fact(&all, "193 km/h");
    assert!(c.conversion);
    assert_eq!(c.value, Some(193.0));
}

#[test]
fn percentages_in_every_spelling() {
    for (text, want, value) in [
        ("Unemployment fell to 4.2% in May.", "4.2%", 4.2),
        ("Prices rose by 3 per cent last month.", "3 per cent", 3.0),
        ("Turnout was ten percent higher.", "ten percent", 10.0),
        ("Its share fell by about 7 pc.", "about 7 pc", 7.0),
    ] {
        let f = quantity(text, want);
        assert_eq!(f.kind, FactKind::Percent, "{text}");
        assert_eq!(f.value, Some(value), "{text}");
        assert_eq!(f.unit.as_deref(), Some("percent"), "{text}");
    }
    let f = quantity(
        "The rate climbed 2 percentage points.",
        "2 percentage points",
    );
    assert_eq!(f.unit.as_deref(), Some("percentage points"));
}

#[test]
fn money_with_signs_scales_and_currency_words() {
    for (text, want, value, unit) in [
        (
            "The deal is worth $185 million.",
            "$185 million",
            185e6,
            "USD",
        ),
        ("Ministers pledged £2bn for schools.", "£2bn", 2e9, "GBP"),
        ("The club paid €40m for him.", "€40m", 40e6, "EUR"),
        ("It raised US$3.2 billion.", "US$3.2 billion", 3.2e9, "USD"),
        (
            "The fine was 5 million euros.",
            "5 million euros",
            5e6,
            "EUR",
        ),
        ("Tickets cost 50p each.", "50p", 50.0, "GBp"),
    ] {
        let f = quantity(text, want);
        assert_eq!(f.kind, FactKind::Money, "{text}");
        assert_eq!(f.value, Some(value), "{text}");
        assert_eq!(f.unit.as_deref(), Some(unit), "{text}");
    }
    // "a $5 fee" is dollars, not Australian dollars
    let f = quantity("They charge a $5 fee.", "$5");
    assert_eq!(f.unit.as_deref(), Some("USD"));
}

#[test]
fn qualifiers_and_ranges() {
    let f = quantity(
        "At least 12 people were injured in the blast.",
        "At least 12 people",
    );
    assert_eq!(f.qualifier.as_deref(), Some("at least"));
    assert_eq!(f.subject.as_deref(), Some("people injured"));
    let f = quantity("Over 300 flights were cancelled.", "Over 300 flights");
    assert_eq!(f.qualifier.as_deref(), Some("more than"));
    let f = quantity(
        "An estimated 4,000 homes lost power.",
        "An estimated 4,000 homes",
    );
    assert_eq!(f.qualifier.as_deref(), Some("estimated"));
    let f = quantity(
        "Between 20 and 30 people were inside.",
        "Between 20 and 30 people",
    );
    assert_eq!((f.value, f.value_max), (Some(20.0), Some(30.0)));
    let f = quantity("The wave was 8 to 10 feet high.", "8 to 10 feet");
    assert_eq!((f.value, f.value_max), (Some(8.0), Some(10.0)));
    assert_eq!(f.unit.as_deref(), Some("feet"));
}

#[test]
fn casualty_counts_have_a_subject_to_compare() {
    let all = facts_on(
        &[
            "At least six killed in bus crash",
            "The death toll from the crash on the mountain road rose to at least eight on Sunday.",
            "The attack left 14 civilians dead and 30 wounded.",
        ],
        None,
    );
    assert_eq!(
        fact(&all, "At least six killed").subject.as_deref(),
        Some("dead")
    );
    let f = fact(&all, "at least eight");
    assert_eq!(f.subject.as_deref(), Some("dead"));
    assert_eq!(f.qualifier.as_deref(), Some("at least"));
    assert_eq!(
        fact(&all, "14 civilians dead").subject.as_deref(),
        Some("civilians dead")
    );
    assert_eq!(fact(&all, "30 wounded").subject.as_deref(), Some("injured"));
}

#[test]
fn casualty_verbs_before_the_count() {
    let f = quantity(
        "The earthquake killed at least 2,300 people and injured 9,000.",
        "at least 2,300 people",
    );
    assert_eq!(f.subject.as_deref(), Some("people dead"));
    let f = quantity("The earthquake injured 9,000.", "9,000");
    assert_eq!(f.subject.as_deref(), Some("injured"));
}

#[test]
fn uk_style_scales_temperatures_and_fractions() {
    let f = quantity(
        "About 1.8m households were affected.",
        "About 1.8m households",
    );
    assert_eq!(f.value, Some(1_800_000.0));
    let f = quantity("She won the 100m sprint.", "100m");
    assert_eq!((f.value, f.unit.as_deref()), (Some(100.0), Some("m")));
    let f = quantity("Temperatures reached 40C (104F) on Tuesday.", "40C (104F)");
    assert_eq!((f.value, f.unit.as_deref()), (Some(40.0), Some("°C")));
    let f = quantity(
        "Nearly two-thirds of voters backed the plan.",
        "Nearly two-thirds of voters",
    );
    assert_eq!(
        (f.value, f.unit.as_deref()),
        (Some(0.6667), Some("fraction"))
    );
    assert_eq!(f.subject.as_deref(), Some("voters"));
}

#[test]
fn shares_negatives_and_hyphenated_scales() {
    let f = quantity(
        "One in five adults now works from home.",
        "One in five adults",
    );
    assert_eq!((f.value, f.unit.as_deref()), (Some(0.2), Some("fraction")));
    assert_eq!(f.subject.as_deref(), Some("adults"));
    let f = quantity("It was minus 8C at dawn.", "minus 8C");
    assert_eq!(f.value, Some(-8.0));
    let f = quantity("A $1.5-billion bond was issued.", "$1.5-billion");
    assert_eq!((f.value, f.unit.as_deref()), (Some(1.5e9), Some("USD")));
}

#[test]
fn subject_before_of() {
    let f = quantity(
        "The town had a population of about 8,000 people before the war.",
        "about 8,000 people",
    );
    assert_eq!(f.subject.as_deref(), Some("population"));
    assert_eq!(f.qualifier.as_deref(), Some("about"));
    let f = quantity("The fire burned an area of 300 hectares.", "300 hectares");
    assert_eq!(f.subject.as_deref(), Some("area"));
}

#[test]
fn ages_and_durations() {
    let all = facts(
        "The 42-year-old driver, who died aged 42, had worked there for 15 years and left \
         three years ago; he first drove at the age of 18.",
    );
    assert_eq!(
        fact(&all, "42-year-old driver").subject.as_deref(),
        Some("age")
    );
    let f = fact(&all, "aged 42");
    assert_eq!((f.value, f.subject.as_deref()), (Some(42.0), Some("age")));
    assert_eq!(fact(&all, "the age of 18").value, Some(18.0));
    let f = fact(&all, "for 15 years");
    assert_eq!((f.value, f.unit.as_deref()), (Some(15.0), Some("years")));
    assert_eq!(fact(&all, "three years ago").value, Some(3.0));
    let f = quantity("The siege has lasted for over a year.", "for over a year");
    assert_eq!(
        (f.value, f.qualifier.as_deref()),
        (Some(1.0), Some("more than"))
    );
}

#[test]
fn not_quantities_years_ordinals_labels_lists_and_clock_times() {
    let all = facts_on(
        &[
            "1. Introduction",
            "In 1998 the 3rd Infantry Division moved to Flight 370's search area at 9.30am.",
            "He lives at No. 10 and caught COVID-19 on the second day, then saw Apollo 11.",
        ],
        None,
    );
    let quantities = texts(&all, FactKind::Quantity);
    assert!(quantities.is_empty(), "{quantities:?}");
    let dates = texts(&all, FactKind::Date);
    assert!(dates.contains(&"In 1998"), "{dates:?}");
    assert!(dates.contains(&"9.30am"), "{dates:?}");
}

#[test]
fn an_ordinal_of_time_is_kept() {
    let f = quantity("The strike entered its ninth week.", "ninth week");
    assert_eq!(f.kind, FactKind::Quantity);
    assert_eq!((f.value, f.unit.as_deref()), (Some(9.0), Some("weeks")));
    assert_eq!(f.qualifier.as_deref(), Some("ordinal"));
}

fn date_of(text: &str, published: Option<&str>, want: &str) -> Option<String> {
    let all = facts_on(&[text], published);
    let f = fact(&all, want);
    assert_eq!(f.kind, FactKind::Date, "{want}");
    f.date.clone()
}

#[test]
fn absolute_dates() {
    let p = None;
    assert_eq!(
        date_of("It opened on 14 February 2021.", p, "on 14 February 2021").as_deref(),
        Some("2021-02-14")
    );
    assert_eq!(
        date_of("It was signed on July 4, 1776.", p, "on July 4, 1776").as_deref(),
        Some("1776-07-04")
    );
    assert_eq!(
        date_of("The attack came on Sept. 11, 2001.", p, "on Sept. 11, 2001").as_deref(),
        Some("2001-09-11")
    );
    assert_eq!(
        date_of("The law passed in May 2012.", p, "in May 2012").as_deref(),
        Some("2012-05")
    );
    assert_eq!(
        date_of("Filed 2024-03-05 in court.", p, "2024-03-05").as_deref(),
        Some("2024-03-05")
    );
}

#[test]
fn partial_dates() {
    let p = None;
    assert_eq!(
        date_of("Work began in mid-2019.", p, "in mid-2019").as_deref(),
        Some("2019")
    );
    assert_eq!(
        date_of("It closed in early 2020.", p, "in early 2020").as_deref(),
        Some("2020")
    );
    assert_eq!(
        date_of("Sales peaked in the 1990s and 2000s.", p, "1990s and 2000s"),
        None
    );
    assert_eq!(
        date_of("Figures for 2019/20 are due.", p, "for 2019/20").as_deref(),
        Some("2019/2020")
    );
    assert_eq!(
        date_of("Launch is set for 2028-2030.", p, "for 2028-2030").as_deref(),
        Some("2028/2030")
    );
    assert_eq!(
        date_of("It happened in spring 2013.", p, "in spring 2013").as_deref(),
        Some("2013")
    );
    assert_eq!(date_of("It boomed in the mid-1990s.", p, "mid-1990s"), None);
    assert_eq!(date_of("A hit of the '80s returned.", p, "'80s"), None);
    // without a publication date a month alone stays unresolved
    assert_eq!(date_of("It reopened in March.", p, "in March"), None);
}

#[test]
fn relative_dates_resolve_against_the_publication_date() {
    // 2024-06-10 was a Monday
    let p = Some("2024-06-10T09:00Z");
    assert_eq!(
        date_of("He resigned on Friday.", p, "on Friday").as_deref(),
        Some("2024-06-07")
    );
    assert_eq!(
        date_of("Talks resume on Monday.", p, "on Monday").as_deref(),
        Some("2024-06-10")
    );
    assert_eq!(
        date_of("The vote will be held on Friday.", p, "on Friday").as_deref(),
        Some("2024-06-14")
    );
    assert_eq!(
        date_of("They met last Monday.", p, "last Monday").as_deref(),
        Some("2024-06-03")
    );
    assert_eq!(
        date_of("It rained yesterday.", p, "yesterday").as_deref(),
        Some("2024-06-09")
    );
    assert_eq!(
        date_of("Profits fell last year.", p, "last year").as_deref(),
        Some("2023")
    );
    assert_eq!(
        date_of("Profits fell earlier this year.", p, "earlier this year").as_deref(),
        Some("2024")
    );
    assert_eq!(
        date_of("Prices rose last month.", p, "last month").as_deref(),
        Some("2024-05")
    );
    assert_eq!(
        date_of("It flooded last winter.", p, "last winter").as_deref(),
        Some("2024")
    );
    assert_eq!(
        date_of("It flooded last summer.", p, "last summer").as_deref(),
        Some("2023")
    );
    assert_eq!(
        date_of("It opened in March.", p, "in March").as_deref(),
        Some("2024-03")
    );
    assert_eq!(
        date_of("It opened in September.", p, "in September").as_deref(),
        Some("2023-09")
    );
    assert_eq!(
        date_of("It will open in September.", p, "in September").as_deref(),
        Some("2024-09")
    );
    assert_eq!(
        date_of(
            "He died on 23 December.",
            Some("2014-01-06"),
            "on 23 December"
        )
        .as_deref(),
        Some("2013-12-23")
    );
    // a future word in another clause does not move the date forward
    assert_eq!(
        date_of(
            "She said on Friday she would not stand until the rules change.",
            p,
            "on Friday"
        )
        .as_deref(),
        Some("2024-06-07")
    );
    let all = facts_on(&["The mine closed three years ago."], p);
    assert_eq!(fact(&all, "three years ago").date.as_deref(), Some("2021"));
}

#[test]
fn clock_times_are_dates_not_quantities() {
    let all = facts("Police were called at 6.10am and again at 16:45 GMT, then at 4pm.");
    assert_eq!(texts(&all, FactKind::Date), ["6.10am", "16:45 GMT", "4pm"]);
    assert!(texts(&all, FactKind::Quantity).is_empty());
}

#[test]
fn places_from_the_gazetteer_and_from_cues_with_counts() {
    let all = facts_on(
        &[
            "Officials in Kiev said talks in Geneva would go ahead. Kyiv wants a deal.",
            "Delegates from the United States and the U.S. Treasury flew in from Washington.",
            "Shelling hit the village of Marinka and towns near Zaporizhzhia region; Geneva \
             hosted the talks.",
        ],
        None,
    );
    let places = texts(&all, FactKind::Place);
    assert!(places.contains(&"Kyiv"), "{places:?}");
    assert_eq!(fact(&all, "Kyiv").count, Some(2));
    assert_eq!(fact(&all, "Geneva").count, Some(2));
    assert_eq!(fact(&all, "Geneva").sentence, 0);
    assert_eq!(fact(&all, "Marinka").kind, FactKind::Place);
    assert_eq!(fact(&all, "Zaporizhzhia").kind, FactKind::Place);
    assert_eq!(fact(&all, "Washington").kind, FactKind::Place);
    assert_eq!(fact(&all, "United States").count, Some(1));
    // a place whose name ends in an organisation word
    let all = facts("Aid reached the West Bank on Monday.");
    assert_eq!(fact(&all, "West Bank").kind, FactKind::Place);
    // a demonym is not a place mention
    let all = facts("Ukrainian troops and Russian officials met.");
    assert!(texts(&all, FactKind::Place).is_empty());
}

#[test]
fn organisations_with_head_words_bodies_and_acronyms() {
    let all = facts_on(
        &[
            "The Ministry of Health and the World Health Organization (WHO) met Nato \
             officials, the Chief of the General Staff and the Central Statistics Office.",
            "WHO later said the Ministry of Health had agreed. NATO declined to comment.",
        ],
        None,
    );
    let orgs = texts(&all, FactKind::Organisation);
    assert_eq!(fact(&all, "Ministry of Health").count, Some(2));
    assert_eq!(fact(&all, "World Health Organization").count, Some(2));
    assert_eq!(fact(&all, "NATO").count, Some(2));
    assert!(orgs.contains(&"General Staff"), "{orgs:?}");
    assert!(orgs.contains(&"Central Statistics Office"), "{orgs:?}");
    assert!(!orgs.iter().any(|o| o.contains("Chief")), "{orgs:?}");
}

#[test]
fn every_fact_keeps_its_sentence_and_facts_come_in_reading_order() {
    let all = facts_on(
        &[
            "Five people died on Monday. Rescuers found 12 survivors.",
            "The search ended in March.",
        ],
        None,
    );
    let sentences: Vec<usize> = all.iter().map(|f| f.sentence).collect();
    let mut sorted = sentences.clone();
    sorted.sort();
    assert_eq!(sentences, sorted);
    assert_eq!(fact(&all, "12 survivors").sentence, 1);
    assert_eq!(fact(&all, "in March").sentence, 2);
}

mod robustness {
    use super::*;
    use proptest::prelude::*;

    /// Words and marks that stress the recognisers: numbers, signs, hyphens, dates, names.
    const VOCAB: &[&str] = &[
        "1",
        "2025",
        "60,000",
        "1.5",
        "6.10",
        "9/11",
        "-",
        "–",
        "$",
        "£",
        "€",
        "US$",
        "%",
        "per",
        "cent",
        "million",
        "bn",
        "m",
        "a",
        "half",
        "dozen",
        "six",
        "twenty-five",
        "mid-2024",
        "4pm",
        "10:30",
        "a.m.",
        "(",
        ")",
        "[",
        "]",
        ",",
        ".",
        "'s",
        "of",
        "in",
        "at",
        "least",
        "about",
        "between",
        "and",
        "to",
        "or",
        "the",
        "The",
        "December",
        "May",
        "Tuesday",
        "last",
        "year",
        "ago",
        "years",
        "17-year-old",
        "square",
        "km",
        "miles",
        "Kyiv",
        "U.S.",
        "United",
        "States",
        "Ministry",
        "Health",
        "NATO",
        "(WHO)",
        "No.",
        "7th",
        "ninth",
        "killed",
        "toll",
        "people",
        "Ground",
        "Zero",
        "-5C",
        "°",
        "C",
        "é",
        "日本",
        "—",
        "\"",
        "“",
        "”",
    ];

    proptest! {
        #[test]
        fn any_mix_of_tricky_tokens_gives_well_formed_facts(
            words in proptest::collection::vec(proptest::sample::select(VOCAB), 0..60),
            published in proptest::option::of(Just("2025-12-02T16:32Z")),
        ) {
            let text = words.join(" ");
            let paras = vec![text.clone()];
            let doc = Doc::new(&paras);
            let facts = extract(&doc, published);
            for f in &facts {
                prop_assert!(f.sentence < doc.sentences.len().max(1), "{f:?}");
                if matches!(f.kind, FactKind::Quantity | FactKind::Money | FactKind::Percent | FactKind::Date) {
                    prop_assert!(text.contains(&f.text), "{f:?} not in {text:?}");
                }
                prop_assert!(!f.text.is_empty(), "{f:?}");
            }
        }
    }
}

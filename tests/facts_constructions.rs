//! Numbers, units and dates by construction, on sentences written for these tests: each
//! test names the construction it checks and the near miss that must stay out.

use crossread::analyse::Doc;
use crossread::analyse::facts::extract;
use crossread::model::{Fact, FactKind};

fn facts_at(text: &str, published: Option<&str>) -> Vec<Fact> {
    let paras = vec![text.to_owned()];
    extract(&Doc::new(&paras), published)
}

fn facts(text: &str) -> Vec<Fact> {
    facts_at(text, None)
}

/// The values of the facts that carry one.
fn values(text: &str) -> Vec<f64> {
    facts(text).iter().filter_map(|f| f.value).collect()
}

fn has_value(text: &str, want: f64) -> bool {
    values(text)
        .iter()
        .any(|v| (v - want).abs() < 1e-6 * want.abs().max(1.0))
}

/// The unit of the fact with this value.
fn unit_of(text: &str, value: f64) -> Option<String> {
    facts(text)
        .into_iter()
        .find(|f| f.value.is_some_and(|v| (v - value).abs() < 1e-9))
        .and_then(|f| f.unit)
}

fn dates(text: &str, published: Option<&str>) -> Vec<(String, Option<String>)> {
    facts_at(text, published)
        .into_iter()
        .filter(|f| f.kind == FactKind::Date)
        .map(|f| (f.text, f.date))
        .collect()
}

#[test]
fn fractions_in_words_digits_and_signs() {
    assert!(has_value("Two thirds of the members voted.", 2.0 / 3.0));
    assert!(has_value("They kept a fifth of the grain.", 0.2));
    assert!(has_value("The board owns three quarters of it.", 0.75));
    assert!(has_value("Mix in 3/4 of the flour.", 0.75));
    assert!(has_value("The pipe is 2 1/4 inches wide.", 2.25));
    assert!(has_value("Add ½ cup of milk.", 0.5));
    assert!(has_value("The walk took one and a half hours.", 1.5));
    assert!(has_value(
        "The city has 3 million and a half people.",
        3_500_000.0
    ));
    assert!(has_value("A quarter million visitors came.", 250_000.0));
    // an ordinal after "a" is a rank, not a fraction
    assert!(!has_value("She won a third term in office.", 1.0 / 3.0));
}

#[test]
fn suffixes_scales_and_spelt_decimals() {
    assert!(has_value("The startup raised 12k in a week.", 12_000.0));
    assert!(has_value("Its valuation hit 1.2M last year.", 1_200_000.0));
    assert!(has_value("Reserves fell to 10 bln this spring.", 1e10));
    assert!(has_value("The scheme cost 13 lakh rupees.", 1_300_000.0));
    assert!(has_value("The firm booked a 12m loss.", 12_000_000.0));
    assert!(has_value(
        "The reading was five point five on the dial.",
        5.5
    ));
    assert!(has_value("The answer is minus one.", -1.0));
    assert!(has_value("Light travels at 3e8 metres a second.", 3e8));
    assert!(has_value("The valley had 40 000 residents.", 40_000.0));
    assert!(has_value("They counted three dozens of eggs.", 36.0));
    // a 100m sprint is metres, not millions
    assert_eq!(
        unit_of("He won the 100m sprint.", 100.0).as_deref(),
        Some("m")
    );
}

#[test]
fn ranges_share_their_unit_and_multiplier() {
    let all = facts("Between two and three million people fled.");
    let f = all.iter().find(|f| f.value_max.is_some()).expect("a range");
    assert_eq!(
        (f.value, f.value_max),
        (Some(2_000_000.0), Some(3_000_000.0))
    );
    assert_eq!(
        unit_of("The dose went from 2 to 7 g.", 2.0).as_deref(),
        Some("g")
    );
}

#[test]
fn units_written_apart_or_after_the_number() {
    assert_eq!(
        unit_of("Pour in 2 l of water.", 2.0).as_deref(),
        Some("litres")
    );
    assert_eq!(
        unit_of("The ticket costs 20 €.", 20.0).as_deref(),
        Some("EUR")
    );
    assert_eq!(
        unit_of("He paid 42 RM for lunch.", 42.0).as_deref(),
        Some("MYR")
    );
    assert_eq!(
        unit_of("The board is 5 in.", 5.0).as_deref(),
        Some("inches")
    );
    assert_eq!(
        unit_of("The engine makes 310 hp.", 310.0).as_deref(),
        Some("hp")
    );
    assert_eq!(
        unit_of("The chip runs at 40kHz.", 40.0).as_deref(),
        Some("kHz")
    );
    // "5 in 10" is a share, not inches
    assert_ne!(
        unit_of("About 5 in 10 voters agreed.", 5.0).as_deref(),
        Some("inches")
    );
}

#[test]
fn codes_and_stray_digits_yield_nothing() {
    assert!(
        facts("Call the desk on 138-2010-2015 today.")
            .iter()
            .all(|f| f.kind == FactKind::Date)
    );
    assert!(values("The part number is 24703L202.").is_empty());
    assert!(values("This screen has a 4:3 aspect ratio.").is_empty());
    assert!(values("See https://example.com/page?id=4410&x=20 for more.").is_empty());
    // a year after "in" is no share: "$186 million in 2001"
    assert!(has_value(
        "It bought the firm for $186 million in 2001.",
        186_000_000.0
    ));
}

#[test]
fn spans_of_time_placed_against_the_publication_date() {
    let pub_day = Some("2025-03-10");
    let d = dates("The plant closed three years ago.", pub_day);
    assert_eq!(d, [("three years ago".to_owned(), Some("2022".to_owned()))]);
    let d = dates("The minister will decide in two weeks.", pub_day);
    assert_eq!(
        d,
        [("in two weeks".to_owned(), Some("2025-03-24".to_owned()))]
    );
    // a span looking back is no future date
    assert!(dates("Prices are the highest in ten years.", pub_day).is_empty());
}

#[test]
fn dates_in_lower_case_holidays_and_clock_times() {
    let pub_day = Some("2025-03-10");
    assert!(!dates("we met on march 3 2015", None).is_empty());
    assert!(!dates("see you next tuesday", pub_day).is_empty());
    let d = dates("The market reopens after Christmas.", pub_day);
    assert_eq!(d.first().and_then(|x| x.1.as_deref()), Some("2024-12-25"));
    let d = dates("Easter 2024 fell early.", None);
    assert_eq!(d.first().and_then(|x| x.1.as_deref()), Some("2024-03-31"));
    assert!(!dates("The vote opens at half past three.", None).is_empty());
    assert!(!dates("The train left at 15h30.", None).is_empty());
    assert!(!dates("They woke at 3 in the morning.", None).is_empty());
    // "may" and "march" in lower case are verbs without a day beside them
    assert!(dates("the troops may march on the city", None).is_empty());
}

#[test]
fn date_ranges_keep_both_ends() {
    let d = dates("The fair runs from 13 to 15 July 2024.", None);
    assert_eq!(
        d.first().and_then(|x| x.1.as_deref()),
        Some("2024-07-13/2024-07-15")
    );
    let d = dates("Work ran from March to May 2012.", None);
    assert_eq!(
        d.first().and_then(|x| x.1.as_deref()),
        Some("2012-03/2012-05")
    );
}

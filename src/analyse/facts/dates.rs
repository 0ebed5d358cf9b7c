//! Dates and times: absolute ("14 March 2023", "March 26, 2009", "Sept. 11, 2001"), partial
//! ("in January", "May 2012", "mid-2019", "early 2021", "spring 2013", "the 1980s and 90s",
//! "2021/22"), relative ("last year", "yesterday", "on Tuesday") resolved against the
//! publication date, and clock times ("5pm", "7.45am", "16:32 GMT"), which are dates, never
//! quantities.
//!
//! Word lists: month and weekday names from `assets/calendar.toml`, the rest from
//! `assets/dates.toml`.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Deserialize;

use super::numbers;
use super::{FastMap, Phrases, Sent, is_dash, is_hyphen, lower_into, word_set};
use crate::lexicon::{CALENDAR, asset, parse};
use crate::model::{Fact, FactKind};

#[derive(Deserialize)]
struct DatesAsset {
    periods: Vec<String>,
    day_parts: Vec<String>,
    clock_suffixes: Vec<String>,
    clock_words: Vec<String>,
    clock_cues: Vec<String>,
    prepositions: Vec<String>,
    future_cues: Vec<String>,
    days: HashMap<String, i64>,
    relative: HashMap<String, i64>,
    units: HashMap<String, String>,
    seasons: HashMap<String, u32>,
    named: HashMap<String, String>,
    holidays: HashMap<String, String>,
    holiday_caps: Vec<String>,
    meal_times: Vec<String>,
}

struct Lexicon {
    /// Month names and abbreviations (lower case) from calendar.toml → 1..=12.
    months: FastMap<String, u32>,
    /// Weekday names and abbreviations (lower case) → 0 (Monday) ..= 6.
    weekdays: FastMap<String, u32>,
    periods: Phrases<()>,
    /// Single-word periods that may be written against a year: "mid-2019".
    period_prefixes: FastMap<String, ()>,
    day_parts: FastMap<String, ()>,
    clock_suffixes: Phrases<()>,
    clock_words: FastMap<String, ()>,
    clock_cues: FastMap<String, ()>,
    prepositions: Phrases<()>,
    future: FastMap<String, ()>,
    days: FastMap<String, i64>,
    relative: Phrases<i64>,
    units: FastMap<String, Step>,
    named: FastMap<String, String>,
    holidays: Phrases<Rule>,
    /// Holiday names that are also common words: a holiday only capitalised ("Lent").
    holiday_caps: FastMap<String, ()>,
    /// Meals that name a time of day after "at" ("at lunch").
    meal_times: FastMap<String, ()>,
}

/// When a holiday falls in a given year.
#[derive(Debug, Clone, Copy)]
enum Rule {
    /// A fixed day: month, day.
    Fixed(u32, u32),
    /// Days after Easter Sunday (negative before).
    Easter(i64),
    /// The nth weekday (0 Monday) of a month; n = -1 is the last.
    Nth(u32, u32, i32),
    /// Moves with another calendar: no date.
    Movable,
}

impl Rule {
    fn parse(v: &str) -> Rule {
        let parts: Vec<&str> = v.split(' ').collect();
        match parts.as_slice() {
            ["easter", n] => n.parse().map_or(Rule::Movable, Rule::Easter),
            [m, d] => match (m.parse(), d.parse()) {
                (Ok(m), Ok(d)) => Rule::Fixed(m, d),
                _ => Rule::Movable,
            },
            [m, wd, n] => match (m.parse(), CALENDAR.weekday(wd), n.parse()) {
                (Ok(m), Some(wd), Ok(n)) => Rule::Nth(m, wd, n),
                _ => Rule::Movable,
            },
            _ => Rule::Movable,
        }
    }

    fn on(self, y: i32) -> Option<Day> {
        match self {
            Rule::Fixed(m, d) => Day::new(y, m, d),
            Rule::Easter(n) => easter(y).map(|d| d.add_days(n)),
            Rule::Nth(m, wd, n) => {
                let first = Day::new(y, m, 1)?;
                let to_wd = i64::from((wd + 7 - first.weekday()) % 7);
                if n > 0 {
                    Some(first.add_days(to_wd + 7 * i64::from(n - 1)))
                } else {
                    let last = Day::new(y, m, days_in_month(y, m))?;
                    let back = i64::from((last.weekday() + 7 - wd) % 7);
                    Some(last.add_days(-back))
                }
            }
            Rule::Movable => None,
        }
    }
}

/// Easter Sunday (Gregorian; the anonymous algorithm).
fn easter(y: i32) -> Option<Day> {
    let (a, b, c) = (y % 19, y / 100, y % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Day::new(y, month as u32, day as u32)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Year,
    Month,
    Week,
    Quarter,
    /// A season, by a month in it.
    Season(u32),
}

/// Build the lexicon now (see [`crate::analyse::warm_up`]).
pub(super) fn warm_up() {
    LazyLock::force(&LEX);
}

static LEX: LazyLock<Lexicon> = LazyLock::new(|| {
    let a: DatesAsset = parse("dates.toml", asset!("dates.toml"));
    let mut periods = Phrases::default();
    for p in &a.periods {
        periods.insert(p, ());
    }
    let mut clock_suffixes = Phrases::default();
    for c in &a.clock_suffixes {
        clock_suffixes.insert(c, ());
    }
    let mut prepositions = Phrases::default();
    for p in &a.prepositions {
        prepositions.insert(p, ());
    }
    let mut relative = Phrases::default();
    for (k, &v) in &a.relative {
        relative.insert(k, v);
    }
    let mut holidays = Phrases::default();
    for (k, v) in &a.holidays {
        holidays.insert(k, Rule::parse(v));
    }
    let months = CALENDAR
        .month_words()
        .filter_map(|w| Some((w.to_lowercase(), CALENDAR.month(w)?)))
        .collect();
    // calendar.toml lists weekday abbreviations but only hands out full names: probe the
    // prefixes of each full name
    let mut weekdays = FastMap::default();
    for n in 0..7 {
        if let Some(full) = CALENDAR.weekday_name(n) {
            for len in 2..=full.len() {
                let prefix = &full[..len];
                if CALENDAR.weekday(prefix) == Some(n) {
                    weekdays.insert(prefix.to_lowercase(), n);
                }
            }
        }
    }
    Lexicon {
        months,
        weekdays,
        period_prefixes: a
            .periods
            .iter()
            .filter(|p| !p.contains(' '))
            .map(|p| (p.clone(), ()))
            .collect(),
        periods,
        day_parts: word_set(&a.day_parts),
        clock_suffixes,
        clock_words: word_set(&a.clock_words),
        clock_cues: word_set(&a.clock_cues),
        prepositions,
        future: word_set(&a.future_cues),
        days: a.days.into_iter().collect(),
        relative,
        units: a
            .units
            .into_iter()
            .filter_map(|(k, v)| {
                let step = match v.as_str() {
                    "year" => Step::Year,
                    "month" => Step::Month,
                    "week" => Step::Week,
                    "quarter" => Step::Quarter,
                    _ => return None,
                };
                Some((k, step))
            })
            .chain(a.seasons.into_iter().map(|(k, m)| (k, Step::Season(m))))
            .collect(),
        named: a.named.into_iter().collect(),
        holidays,
        holiday_caps: word_set(&a.holiday_caps),
        meal_times: word_set(&a.meal_times),
    }
});

/// Add the words (lower case) that can begin a date to `out`.
pub(super) fn trigger_words(out: &mut FastMap<String, ()>) {
    let lex = &*LEX;
    out.extend(lex.days.keys().map(|k| (k.clone(), ())));
    out.extend(lex.clock_words.keys().map(|k| (k.clone(), ())));
    out.extend(lex.months.keys().map(|k| (k.clone(), ())));
    out.extend(lex.weekdays.keys().map(|k| (k.clone(), ())));
    out.extend(lex.periods.first_words().map(|k| (k.to_owned(), ())));
    out.extend(lex.relative.first_words().map(|k| (k.to_owned(), ())));
    out.extend(lex.holidays.first_words().map(|k| (k.to_owned(), ())));
    out.extend(lex.day_parts.keys().map(|k| (k.clone(), ())));
    out.extend(lex.meal_times.keys().map(|k| (k.clone(), ())));
    out.insert("half".into(), ());
    out.insert("quarter".into(), ());
}

/// A month name or abbreviation (any case): 1..=12.
pub(super) fn month_number(t: &str) -> Option<u32> {
    let mut buf = [0u8; 32];
    LEX.months.get(lower_into(t, &mut buf)?).copied()
}

/// A weekday name or abbreviation (any case): 0 (Monday) ..= 6.
pub(super) fn weekday_number(t: &str) -> Option<u32> {
    let mut buf = [0u8; 32];
    LEX.weekdays.get(lower_into(t, &mut buf)?).copied()
}

/// Every month and weekday name and abbreviation, lower case.
pub(super) fn calendar_words() -> impl Iterator<Item = &'static str> {
    LEX.months
        .keys()
        .chain(LEX.weekdays.keys())
        .map(String::as_str)
}

/// A month or weekday name: a date word, never part of a name.
pub(super) fn is_calendar(t: &str) -> bool {
    month_number(t).is_some() || weekday_number(t).is_some()
}

/// A single-word period that can be written against a number ("mid" in "mid-2019").
pub(super) fn is_period_prefix(w: &str) -> bool {
    LEX.period_prefixes
        .contains_key(w.to_ascii_lowercase().as_str())
}

/// A preposition that introduces a date ("in", "since", "on").
pub(super) fn is_preposition(w: &str) -> bool {
    LEX.prepositions.get(w).is_some()
}

/// A calendar day (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day {
    pub y: i32,
    pub m: u32,
    pub d: u32,
}

impl Day {
    /// A valid day, or `None` ("31 February").
    pub fn new(y: i32, m: u32, d: u32) -> Option<Day> {
        ((1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)).then_some(Day { y, m, d })
    }

    /// The day of an ISO 8601 date or date-time (`2025-12-02`, `2025-12-02T16:32Z`).
    pub fn parse_iso(s: &str) -> Option<Day> {
        let b = s.as_bytes();
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        Day::new(
            s.get(0..4)?.parse().ok()?,
            s.get(5..7)?.parse().ok()?,
            s.get(8..10)?.parse().ok()?,
        )
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    fn days(self) -> i64 {
        let y = i64::from(self.y) - i64::from(self.m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.m);
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(self.d) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    fn from_days(z: i64) -> Day {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
        Day { y, m, d }
    }

    /// 0 (Monday) ..= 6 (Sunday).
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (3)
        ((self.days() + 3).rem_euclid(7)) as u32
    }

    pub fn add_days(self, n: i64) -> Day {
        Day::from_days(self.days() + n)
    }

    /// `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }

    /// This day `n` units back ("five years ago"); whole units only.
    /// This day `n` units on (back when negative); whole units only. Hours and shorter
    /// stay on the day.
    pub(super) fn shift(self, unit: &str, n: f64) -> Option<Day> {
        if n.fract() != 0.0 || !(-10_000.0..=10_000.0).contains(&n) {
            return None;
        }
        let n = n as i64;
        Some(match unit {
            "years" => self.add_months(12 * n),
            "decades" => self.add_months(120 * n),
            "months" => self.add_months(n),
            "weeks" => self.add_days(7 * n),
            "fortnights" => self.add_days(14 * n),
            "days" => self.add_days(n),
            "hours" | "minutes" | "seconds" => self,
            _ => return None,
        })
    }

    fn add_months(self, n: i64) -> Day {
        let total = i64::from(self.y) * 12 + i64::from(self.m) - 1 + n;
        let y = total.div_euclid(12) as i32;
        let m = (total.rem_euclid(12) + 1) as u32;
        Day {
            y,
            m,
            d: self.d.min(days_in_month(y, m)),
        }
    }

    /// The ISO form at the precision a unit implies: a year for years, a month for months.
    pub(super) fn iso_for(self, unit: &str) -> String {
        match unit {
            "years" | "decades" | "centuries" => format!("{:04}", self.y),
            "months" => format!("{:04}-{:02}", self.y, self.m),
            _ => self.iso(),
        }
    }

    /// ISO 8601 week date of the week holding this day (`2025-W49`).
    fn iso_week(self) -> String {
        // the Thursday of this week decides the week's year
        let thursday = self.add_days(3 - i64::from(self.weekday()));
        let jan1 = Day {
            y: thursday.y,
            m: 1,
            d: 1,
        };
        let week = (thursday.days() - jan1.days()) / 7 + 1;
        format!("{:04}-W{:02}", thursday.y, week)
    }
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// What a recogniser found: pieces `a..b` and the resolved date.
struct Found {
    a: usize,
    b: usize,
    date: Option<String>,
    /// Clock times and day words take no preposition into their text.
    preposition: bool,
}

/// Recognise a date or time at piece `i`: pushes the fact and returns the piece after it.
pub(super) fn at(
    s: &Sent<'_>,
    i: usize,
    today: Option<Day>,
    out: &mut Vec<(u32, Fact)>,
) -> Option<usize> {
    let found = if s.is_number(i) {
        from_number(s, i, today)
    } else if s.is_word(i) {
        from_word(s, i, today)
    } else {
        None
    };
    // an ordinal that is no date is a rank ("3rd Infantry Division"), or before a unit of
    // time a quantity ("its fifth year")
    let Some(f) = found else {
        return numbers::ordinal_time(s, i, out);
    };
    let mut a = f.a;
    if f.preposition
        && let Some((_, p)) = LEX.prepositions.before(s, a)
    {
        a = p;
    }
    out.push((
        s.pos(a),
        Fact {
            kind: FactKind::Date,
            text: s.span(a, f.b).to_owned(),
            date: f.date,
            sentence: s.index,
            ..Fact::default()
        },
    ));
    Some(f.b)
}

/// A four-digit year in 1000..=2100 at piece `i` (digits only, no separators).
fn year_at(s: &Sent<'_>, i: usize) -> Option<i32> {
    let t = s.t(i);
    if s.is_number(i) && t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) {
        let y: i32 = t.parse().ok()?;
        return (1000..=2100).contains(&y).then_some(y);
    }
    None
}

/// A day of the month (1..=31, one or two digits) at `i`, with an ordinal suffix if any:
/// (day, piece after).
fn day_at(s: &Sent<'_>, i: usize) -> Option<(u32, usize)> {
    let t = s.t(i);
    if !s.is_number(i) || t.len() > 2 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let d: u32 = t.parse().ok()?;
    if !(1..=31).contains(&d) {
        return None;
    }
    let mut end = i + 1;
    if s.attached(end) && matches!(s.l(end), "th" | "st" | "nd" | "rd") {
        end += 1;
    }
    Some((d, end))
}

/// A month name at `i` (capitalised; an abbreviation needs its dot or a number after it):
/// (month, piece after, the name is ambiguous alone — "May", "March").
fn month_at(s: &Sent<'_>, i: usize) -> Option<(u32, usize, bool)> {
    if !s.is_word(i) {
        return None;
    }
    let t = s.t(i);
    let m = month_number(t)?;
    // a month written in lower case is a date only with a day or a year beside it ("march
    // 3", "15 february", "the 1st of march")
    if !(s.cap(i) || day_or_year_after(s, i + 1) || day_before(s, i)) {
        return None;
    }
    // inside a name: "Long March 5"
    if s.cap(i) && i > 1 && s.cap(i - 1) && s.is_word(i - 1) && weekday_number(s.t(i - 1)).is_none()
    {
        return None;
    }
    let full = t.len() > 4 || matches!(s.l(i), "may" | "june" | "july");
    let mut end = i + 1;
    if !full {
        if s.t(end) == "." && s.attached(end) {
            end += 1;
        } else if !s.is_number(end) {
            return None;
        }
    }
    let ambiguous = matches!(s.l(i), "may" | "march");
    Some((m, end, ambiguous))
}

/// A weekday name at `i` (full in any case, or abbreviated with its dot or before a day
/// number or a comma): (0..=6, after).
fn weekday_at(s: &Sent<'_>, i: usize) -> Option<(u32, usize)> {
    if !s.is_word(i) {
        return None;
    }
    let t = s.t(i);
    let wd = weekday_number(t)?;
    if t.len() >= 6 {
        return Some((wd, i + 1));
    }
    if s.t(i + 1) == "." && s.attached(i + 1) {
        return Some((wd, i + 2));
    }
    (s.cap(i) && (s.t(i + 1) == "," || day_at(s, i + 1).is_some())).then_some((wd, i + 1))
}

/// A day number or a year at piece `k` ("3", "3rd", "2015"), the day not followed by a
/// unit or a plural noun.
fn day_or_year_after(s: &Sent<'_>, k: usize) -> bool {
    let k = if s.t(k) == "," { k + 1 } else { k };
    year_at(s, k).is_some()
        || day_at(s, k).is_some_and(|(_, e)| !s.is_word(e) || !numbers::looks_like_count(s, k))
        || (s.l(k) == "the" && day_at(s, k + 1).is_some())
        || ordinal_day(s, k).is_some()
}

/// A day before the month at `i`: "15 february", "the 1st of march", "first of march".
fn day_before(s: &Sent<'_>, i: usize) -> bool {
    let k = if s.l(i.wrapping_sub(1)) == "of" {
        i.wrapping_sub(1)
    } else {
        i
    };
    if k == 0 || k > s.len() {
        return false;
    }
    let p = k - 1;
    (s.is_number(p) && s.t(p).len() <= 2)
        || matches!(s.l(p), "th" | "st" | "nd" | "rd") && s.attached(p)
        || ordinal_day(s, p).is_some()
}

/// A day written as an ordinal word ("first", "fifteenth", "the ides"): its number.
fn ordinal_day(s: &Sent<'_>, k: usize) -> Option<u32> {
    let v = numbers::ordinal_value(s.l(k))?;
    (1.0..=31.0).contains(&v).then_some(v as u32)
}

/// Is the date at piece `at` in the future? Then a date without a year points forward.
pub(super) fn future(s: &Sent<'_>, at: usize) -> bool {
    // the verb a date belongs to comes shortly before it ("will be held on Friday"); a
    // future word further off belongs to another clause ("said on Monday he would ...")
    (at.saturating_sub(FUTURE_WINDOW)..at).any(|k| LEX.future.contains_key(s.l(k)))
}

/// How many pieces before a date a future word may stand.
const FUTURE_WINDOW: usize = 6;

/// The year of a month without one: the latest such month not after `today` (or the next
/// one from `today` in a sentence about the future).
fn year_for_month(today: Day, m: u32, forward: bool) -> i32 {
    match (forward, m.cmp(&today.m)) {
        (false, std::cmp::Ordering::Greater) => today.y - 1,
        (true, std::cmp::Ordering::Less) => today.y + 1,
        _ => today.y,
    }
}

fn year_for_day(today: Day, m: u32, d: u32, forward: bool) -> Option<Day> {
    let this = Day::new(today.y, m, d)?;
    if !forward && this > today {
        Day::new(today.y - 1, m, d)
    } else if forward && this < today {
        Day::new(today.y + 1, m, d)
    } else {
        Some(this)
    }
}

fn from_number(s: &Sent<'_>, i: usize, today: Option<Day>) -> Option<Found> {
    let lex = &*LEX;
    let t = s.t(i);
    // "9/11"
    if s.t(i + 1) == "/" && s.attached(i + 1) && s.attached(i + 2) && s.is_number(i + 2) {
        let key = s.span(i, i + 3);
        if let Some(iso) = lex.named.get(key)
            && !(s.t(i + 3) == "/" && s.attached(i + 3))
        {
            return Some(Found {
                a: i,
                b: i + 3,
                date: Some(iso.clone()),
                preposition: true,
            });
        }
    }
    if let Some(f) = clock(s, i) {
        return Some(f);
    }
    // ISO: 2025-12-02
    if let Some(y) = year_at(s, i)
        && is_hyphen(s.t(i + 1))
        && s.attached(i + 1)
        && s.attached(i + 2)
        && s.t(i + 2).len() == 2
        && s.t(i + 3) == "-"
        && s.attached(i + 3)
        && s.attached(i + 4)
        && s.t(i + 4).len() == 2
        && let (Ok(m), Ok(d)) = (s.t(i + 2).parse(), s.t(i + 4).parse())
        && let Some(day) = Day::new(y, m, d)
    {
        return Some(Found {
            a: i,
            b: i + 5,
            date: Some(day.iso()),
            preposition: true,
        });
    }
    // numeric dates with a year: 12/02/2025, 2/12/25
    if s.t(i + 1) == "/"
        && s.attached(i + 1)
        && s.is_number(i + 2)
        && s.t(i + 3) == "/"
        && s.attached(i + 3)
        && s.is_number(i + 4)
        && s.attached(i + 4)
        && t.len() <= 2
        && s.t(i + 2).len() <= 2
    {
        let (a, b): (u32, u32) = (t.parse().ok()?, s.t(i + 2).parse().ok()?);
        let yt = s.t(i + 4);
        let y: i32 = match yt.len() {
            4 => yt.parse().ok()?,
            2 => 2000 + yt.parse::<i32>().ok()?,
            _ => return None,
        };
        let date = match (a > 12, b > 12) {
            (true, false) => Day::new(y, b, a),
            (false, true) => Day::new(y, a, b),
            _ => None,
        };
        return Some(Found {
            a: i,
            b: i + 5,
            date: date.map(Day::iso),
            preposition: true,
        });
    }
    // 2/15, 22/04: a day and a month without a year, not a fraction ("3/4")
    if t.len() <= 2
        && s.t(i + 1) == "/"
        && s.attached(i + 1)
        && s.attached(i + 2)
        && s.is_number(i + 2)
        && s.t(i + 2).len() <= 2
        && !(s.t(i + 3) == "/" && s.attached(i + 3))
        && !(i > 0 && s.t(i - 1) == "/" && s.attached(i))
        && !numbers::is_slash_fraction(s, i)
        && let (Ok(a), Ok(b)) = (t.parse::<u32>(), s.t(i + 2).parse::<u32>())
    {
        let md = (a <= 12 && (1..=31).contains(&b)).then_some((a, b));
        let dm = (b <= 12 && a <= 31 && a > 12).then_some((b, a));
        if let Some((m, d)) = dm.or(md) {
            let date = today.and_then(|t| year_for_day(t, m, d, future(s, i)));
            return Some(Found {
                a: i,
                b: i + 3,
                date: date.map(Day::iso),
                preposition: true,
            });
        }
    }
    // "13 to 15 July", "1-8 september", "23rd to 26th Oct"
    if let Some((d1, after)) = day_at(s, i)
        && (matches!(s.l(after), "to" | "through" | "till" | "until" | "and")
            || is_dash(s.t(after)))
    {
        let k = if s.l(after + 1) == "the" {
            after + 2
        } else {
            after + 1
        };
        if let Some((d2, e)) = day_at(s, k)
            && d2 > d1
        {
            let mk = if s.l(e) == "of" { e + 1 } else { e };
            if let Some((m, end, _)) = month_at(s, mk) {
                let last = day_of_month(s, k, m, d2, end, today);
                let first = last
                    .date
                    .as_deref()
                    .and_then(|x| x.get(..8).map(|p| format!("{p}{d1:02}")));
                return Some(Found {
                    a: i,
                    b: last.b,
                    date: first.zip(last.date).map(|(f, l)| format!("{f}/{l}")),
                    preposition: true,
                });
            }
        }
    }
    // 2 December [2025], 2nd of December
    if let Some((d, after)) = day_at(s, i) {
        let mut k = after;
        if s.l(k) == "of" {
            k += 1;
        }
        if let Some((m, end, _)) = month_at(s, k) {
            return Some(day_of_month(s, i, m, d, end, today));
        }
    }
    // "the '80s"
    if t.len() == 2
        && s.attached(i + 1)
        && s.l(i + 1) == "s"
        && i > 0
        && matches!(s.t(i - 1), "'" | "\u{2019}")
        && s.attached(i)
    {
        return Some(Found {
            a: i - 1,
            b: i + 2,
            date: None,
            preposition: true,
        });
    }
    // a year, a decade, a season, a range of years
    let y = year_at(s, i)?;
    if numbers::looks_like_count(s, i) {
        return None;
    }
    let mut end = i + 1;
    let mut date = Some(format!("{y:04}"));
    if s.attached(end) && s.l(end) == "s" {
        // the 1960s, the 1980s and 90s
        end += 1;
        date = None;
        if matches!(s.l(end), "and" | "or" | "to") || is_dash(s.t(end)) {
            let n = s.t(end + 1);
            if s.is_number(end + 1)
                && (n.len() == 2 || n.len() == 4)
                && s.attached(end + 2)
                && s.l(end + 2) == "s"
            {
                end += 3;
            }
        }
    } else if (s.t(end) == "/" || is_dash(s.t(end)))
        && s.attached(end)
        && s.attached(end + 1)
        && s.is_number(end + 1)
    {
        // 2021/22, 2019-20, 2031-2033
        let n = s.t(end + 1);
        let second = match n.len() {
            2 => n.parse::<i32>().ok().map(|v| y / 100 * 100 + v),
            4 => n.parse::<i32>().ok(),
            _ => None,
        };
        if let Some(second) = second.filter(|&v| v > y && v - y <= 50) {
            date = Some(format!("{y:04}/{second:04}"));
            end += 2;
        }
    }
    Some(Found {
        a: i,
        b: end,
        date,
        preposition: true,
    })
}

/// "5pm", "7.45am", "11.30 a.m.", "16:32 GMT", "at 6.13".
fn clock(s: &Sent<'_>, i: usize) -> Option<Found> {
    let lex = &*LEX;
    let t = s.t(i);
    let mut end = i + 1;
    let (hour, minutes): (u32, Option<u32>) = if let Some((h, m)) = t.split_once('.') {
        (
            h.parse().ok()?,
            Some(m.parse().ok().filter(|_| m.len() == 2)?),
        )
    } else if t.len() <= 2 {
        let h = t.parse().ok()?;
        if s.t(end) == ":" && s.attached(end) && s.attached(end + 1) && s.t(end + 1).len() == 2 {
            let m = s.t(end + 1).parse().ok()?;
            end += 2;
            (h, Some(m))
        } else {
            (h, None)
        }
    } else {
        return None;
    };
    if hour > 24 || minutes.is_some_and(|m| m > 59) {
        return None;
    }
    let cue = i > 0 && lex.clock_cues.contains_key(s.l(i - 1));
    // "15h00", "13h30", "at 15h", "19h"
    if minutes.is_none() && s.attached(end) && s.is_word(end) {
        let w = s.l(end);
        if let Some(m) = w.strip_prefix('h')
            && ((m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit()) && m < "60")
                || (m.is_empty() && (cue || hour >= 10) && !s.is_word(end + 1)))
        {
            return Some(Found {
                a: i,
                b: end + 1,
                date: None,
                preposition: false,
            });
        }
    }
    // "3 o'clock", "3 in the morning"
    if hour <= 12 {
        if let Some(e) = clock_suffix(s, end).filter(|_| matches!(s.l(end), "o'clock" | "oclock")) {
            return Some(Found {
                a: i,
                b: e,
                date: None,
                preposition: false,
            });
        }
        if s.l(end) == "in"
            && s.l(end + 1) == "the"
            && lex.day_parts.contains_key(s.l(end + 2))
            && (cue || minutes.is_some() || i == 0 || !s.is_word(end + 3))
        {
            return Some(Found {
                a: i,
                b: end + 3,
                date: None,
                preposition: false,
            });
        }
    }
    let colon = end > i + 1;
    if let Some((_, e)) = lex.clock_suffixes.at(s, end) {
        let suffix = s.l(end);
        let is_ampm = suffix.starts_with('a') || suffix.starts_with('p');
        if (is_ampm && hour <= 12) || colon || (!is_ampm && minutes.is_some()) {
            end = e;
            // "10.30am GMT"
            if let Some((_, e2)) = lex.clock_suffixes.at(s, end) {
                end = e2;
            }
            return Some(Found {
                a: i,
                b: end,
                date: None,
                preposition: false,
            });
        }
        return None;
    }
    if colon || (minutes.is_some() && cue && numbers_after_are_not_units(s, end)) {
        return Some(Found {
            a: i,
            b: end,
            date: None,
            preposition: false,
        });
    }
    None
}

/// After "at 6.13" nothing that makes it a measure ("at 5.25%", "at 6.13 million").
fn numbers_after_are_not_units(s: &Sent<'_>, end: usize) -> bool {
    !numbers::unit_or_scale_at(s, end)
}

fn from_word(s: &Sent<'_>, i: usize, today: Option<Day>) -> Option<Found> {
    let lex = &*LEX;
    if let Some((m, end, ambiguous)) = month_at(s, i) {
        return month_date(s, i, m, end, ambiguous, today);
    }
    if let Some((wd, end)) = weekday_at(s, i) {
        return weekday_date(s, i, wd, end, 0, today);
    }
    let w = s.l(i);
    if let Some(f) = holiday(s, i, today) {
        return Some(f);
    }
    if let Some(f) = clock_in_words(s, i) {
        return Some(f);
    }
    if let Some(f) = day_part(s, i) {
        return Some(f);
    }
    if let Some(&offset) = lex.days.get(w) {
        let mut end = i + 1;
        if lex.day_parts.contains_key(s.l(end)) {
            end += 1;
        }
        return Some(Found {
            a: i,
            b: end,
            date: today.map(|t| t.add_days(offset).iso()),
            preposition: false,
        });
    }
    if let Some((&step, after)) = lex.relative.at(s, i)
        && let Some(f) = relative_date(s, i, step, after, today)
    {
        return Some(f);
    }
    if let Some((_, after)) = lex.periods.at(s, i) {
        return period_date(s, i, after, today);
    }
    if lex.clock_words.contains_key(w) {
        return Some(Found {
            a: i,
            b: i + 1,
            date: None,
            preposition: false,
        });
    }
    None
}

/// A holiday ("Christmas", "new year's eve", "Thanksgiving 2013"): resolved when its date
/// is fixed or follows a rule, in the year given or the nearest one.
fn holiday(s: &Sent<'_>, i: usize, today: Option<Day>) -> Option<Found> {
    let lex = &*LEX;
    let (rule, mut end) = lex.holidays.at(s, i)?;
    if lex.holiday_caps.contains_key(s.l(i)) && !s.cap(i) {
        return None;
    }
    let year = year_at(s, end);
    if year.is_some() {
        end += 1;
    }
    let step = i
        .checked_sub(1)
        .and_then(|k| lex.relative.get(s.l(k)).copied());
    let date = match (year, today) {
        (Some(y), _) => rule.on(y),
        (None, Some(t)) => {
            let this = rule.on(t.y);
            match (step, this) {
                (Some(1), Some(d)) if d <= t => rule.on(t.y + 1),
                (Some(-1), Some(d)) if d >= t => rule.on(t.y - 1),
                (None, Some(d)) if d > t && !future(s, i) => rule.on(t.y - 1),
                _ => this,
            }
        }
        (None, None) => None,
    };
    let a = if step.is_some() { i - 1 } else { i };
    Some(Found {
        a,
        b: end,
        date: date.map(Day::iso),
        preposition: true,
    })
}

/// A clock time in words: "three am", "seven thirty p.m.", "ten o'clock", "half past
/// three", "a quarter to noon", "twenty past eight".
fn clock_in_words(s: &Sent<'_>, i: usize) -> Option<Found> {
    let lex = &*LEX;
    // "half past three", "a quarter to noon", "twenty minutes past eight"
    let mut k = i;
    if s.l(k) == "a" {
        k += 1;
    }
    let minutes = match s.l(k) {
        "half" | "quarter" => Some(k + 1),
        _ => numbers::word_value(s, k)
            .filter(|&(v, _)| v < 60.0)
            .map(|(_, e)| e),
    };
    if let Some(mut e) = minutes {
        if matches!(s.l(e), "min" | "mins" | "minutes") {
            e += 1;
        }
        let to = matches!(s.l(e), "to" | "till" | "til" | "before");
        if matches!(s.l(e), "past" | "after") || to {
            let target = e + 1;
            let hour = if lex.clock_words.contains_key(s.l(target)) {
                Some(target + 1)
            } else if !to {
                hour_at(s, target)
            } else {
                hour_at(s, target).filter(|&h| s.l(h) == "o'clock" || clock_suffix(s, h).is_some())
            };
            if let Some(mut b) = hour {
                if let Some(x) = clock_suffix(s, b) {
                    b = x;
                }
                return Some(Found {
                    a: i,
                    b,
                    date: None,
                    preposition: false,
                });
            }
        }
    }
    // "three am", "seven thirty p.m.", "ten o'clock"
    let (h, mut e) = numbers::word_value(s, i)?;
    if h > 12.0 || h.fract() != 0.0 || s.is_number(i) {
        return None;
    }
    if let Some((m, me)) = numbers::word_value(s, e).filter(|&(m, _)| (10.0..60.0).contains(&m)) {
        let _ = m;
        e = me;
    }
    let b = clock_suffix(s, e).or_else(|| (s.l(e) == "o'clock").then_some(e + 1))?;
    Some(Found {
        a: i,
        b,
        date: None,
        preposition: false,
    })
}

/// An hour at `k` in digits or words (up to 12 or 24): the piece after it.
fn hour_at(s: &Sent<'_>, k: usize) -> Option<usize> {
    if s.is_number(k) {
        let h: u32 = s.t(k).parse().ok()?;
        return (h <= 24).then_some(k + 1);
    }
    numbers::word_value(s, k)
        .filter(|&(v, _)| (1.0..=12.0).contains(&v) && v.fract() == 0.0)
        .map(|(_, e)| e)
}

/// "am", "p.m.", "o'clock", "GMT" after a time: the piece after it.
fn clock_suffix(s: &Sent<'_>, k: usize) -> Option<usize> {
    if s.l(k) == "o'clock" || s.l(k) == "oclock" {
        return Some(k + 1);
    }
    // "p . m ." written apart
    if matches!(s.l(k), "p" | "a") && s.t(k + 1) == "." && s.l(k + 2) == "m" {
        return Some(if s.t(k + 3) == "." { k + 4 } else { k + 3 });
    }
    LEX.clock_suffixes.at(s, k).map(|(_, e)| e)
}

/// A part of the day said as a time: "in the morning", "this evening" (see relative dates),
/// "early morning", "late afternoon", "at lunchtime".
fn day_part(s: &Sent<'_>, i: usize) -> Option<Found> {
    let lex = &*LEX;
    let w = s.l(i);
    if !lex.day_parts.contains_key(w) && !lex.meal_times.contains_key(w) {
        return None;
    }
    let p = s.l(i.wrapping_sub(1));
    let a = if i >= 2 && p == "the" && s.l(i - 2) == "in" {
        i - 2
    } else if matches!(p, "early" | "late" | "mid")
        || lex.meal_times.contains_key(w) && matches!(p, "at" | "after" | "before" | "by")
    {
        i - 1
    } else {
        return None;
    };
    Some(Found {
        a,
        b: i + 1,
        date: None,
        preposition: false,
    })
}

/// A day of a month from piece `a`, its text ending at `end` unless a year follows ("2
/// 2023", "March 26, 2009"); without a year it is placed against `today`.
fn day_of_month(s: &Sent<'_>, a: usize, m: u32, d: u32, end: usize, today: Option<Day>) -> Found {
    let y_at = if s.t(end) == "," { end + 1 } else { end };
    let year = year_at(s, y_at);
    let date = match (year, today) {
        (Some(y), _) => Day::new(y, m, d),
        (None, Some(t)) => year_for_day(t, m, d, future(s, a)),
        (None, None) => None,
    };
    Found {
        a,
        b: if year.is_some() { y_at + 1 } else { end },
        date: date.map(Day::iso),
        preposition: true,
    }
}

fn month_date(
    s: &Sent<'_>,
    i: usize,
    m: u32,
    end: usize,
    ambiguous: bool,
    today: Option<Day>,
) -> Option<Found> {
    // March 26, 2009 / Sept. 11, 2001 / Nov. 21 / December 2nd
    if let Some((d, e)) = day_at(s, end) {
        return Some(day_of_month(s, i, m, d, e, today));
    }
    // May 2012
    if let Some(y) = year_at(s, end) {
        return Some(Found {
            a: i,
            b: end + 1,
            date: Some(format!("{y:04}-{m:02}")),
            preposition: true,
        });
    }
    // "March to May 2012", "Nov-Feb 2017", "from Sep to Nov"
    if (matches!(s.l(end), "to" | "through" | "till" | "until" | "and") || is_dash(s.t(end)))
        && let Some((m2, e2, _)) = month_at(s, end + 1)
        && day_at(s, e2).is_none()
    {
        let (b, y) = match year_at(s, e2) {
            Some(y) => (e2 + 1, Some(y)),
            None => (e2, today.map(|t| year_for_month(t, m2, future(s, i)))),
        };
        let date = y.map(|y2| {
            let y1 = if m > m2 { y2 - 1 } else { y2 };
            format!("{y1:04}-{m:02}/{y2:04}-{m2:02}")
        });
        return Some(Found {
            a: i,
            b,
            date,
            preposition: true,
        });
    }
    // January, in January, last March
    if ambiguous {
        let prev = s.l(i.wrapping_sub(1));
        let cued = LEX.prepositions.get(prev).is_some()
            || LEX.relative.get(prev).is_some()
            || LEX.period_prefixes.contains_key(prev)
            || (i >= 2 && s.l(i - 1) == "-" && LEX.period_prefixes.contains_key(s.l(i - 2)));
        if !cued {
            return None;
        }
    }
    let date = today.map(|t| format!("{:04}-{m:02}", year_for_month(t, m, future(s, i))));
    Some(Found {
        a: i,
        b: end,
        date,
        preposition: true,
    })
}

fn weekday_date(
    s: &Sent<'_>,
    a: usize,
    wd: u32,
    end: usize,
    step: i64,
    today: Option<Day>,
) -> Option<Found> {
    // "Tuesday, Jan. 2, 2018", "Tuesday 14 March 2023": the explicit date wins
    let k = if s.t(end) == "," { end + 1 } else { end };
    if let Some((m, me, amb)) = month_at(s, k)
        && let Some(f) = month_date(s, k, m, me, amb, today)
        && f.b > me
    {
        return Some(Found { a, ..f });
    }
    if s.is_number(k)
        && let Some(f) = from_number(s, k, today)
        && f.date.as_ref().is_some_and(|d| d.len() == 10)
    {
        return Some(Found { a, ..f });
    }
    let mut b = end;
    if let Some((_, e)) =
        day_at(s, b).or_else(|| (s.l(b) == "the").then(|| day_at(s, b + 1)).flatten())
    {
        b = e;
    }
    if LEX.day_parts.contains_key(s.l(b)) {
        b += 1;
    }
    let date = today.map(|t| {
        let back = (t.weekday() + 7 - wd) % 7;
        let ahead = (wd + 7 - t.weekday()) % 7;
        let delta = match step {
            -1 => -i64::from(if back == 0 { 7 } else { back }),
            1 => i64::from(if ahead == 0 { 7 } else { ahead }),
            _ if future(s, a) => i64::from(ahead),
            _ => -i64::from(back),
        };
        t.add_days(delta).iso()
    });
    Some(Found {
        a,
        b,
        date,
        preposition: true,
    })
}

fn relative_date(
    s: &Sent<'_>,
    i: usize,
    step: i64,
    after: usize,
    today: Option<Day>,
) -> Option<Found> {
    let lex = &*LEX;
    if let Some(&unit) = lex.units.get(s.l(after))
        && (!s.cap(after) || matches!(unit, Step::Season(_)))
    {
        let date = today.map(|t| match unit {
            Step::Year => format!("{:04}", t.y + step as i32),
            Step::Month => {
                let d = t.add_months(step);
                format!("{:04}-{:02}", d.y, d.m)
            }
            Step::Week => t.add_days(7 * step).iso_week(),
            Step::Quarter => {
                let q = i64::from(t.y) * 4 + i64::from((t.m - 1) / 3) + step;
                format!("{:04}-Q{}", q.div_euclid(4), q.rem_euclid(4) + 1)
            }
            Step::Season(m) => {
                let y = match step {
                    -1 if m < t.m => t.y,
                    -1 => t.y - 1,
                    1 if m > t.m => t.y,
                    1 => t.y + 1,
                    _ => t.y,
                };
                format!("{y:04}")
            }
        });
        return Some(Found {
            a: i,
            b: after + 1,
            date,
            preposition: true,
        });
    }
    if let Some((wd, end)) = weekday_at(s, after) {
        return weekday_date(s, i, wd, end, step, today);
    }
    if let Some((m, end, _)) = month_at(s, after) {
        let date = today.map(|t| {
            let y = match step {
                -1 if m >= t.m => t.y - 1,
                1 if m <= t.m => t.y + 1,
                _ => t.y,
            };
            format!("{y:04}-{m:02}")
        });
        return Some(Found {
            a: i,
            b: end,
            date,
            preposition: true,
        });
    }
    // "this morning", "last night"
    if lex.day_parts.contains_key(s.l(after)) && step <= 0 {
        return Some(Found {
            a: i,
            b: after + 1,
            date: today.map(|t| t.add_days(step).iso()),
            preposition: false,
        });
    }
    None
}

/// "early 2021", "mid-2019", "late last year", "spring 2013", "the end of the year",
/// "mid-January".
fn period_date(s: &Sent<'_>, i: usize, after: usize, today: Option<Day>) -> Option<Found> {
    let mut k = after;
    if is_hyphen(s.t(k)) && s.attached(k) && s.attached(k + 1) {
        k += 1;
    }
    // "early 2021", "the late 1990s", "mid-2019/20"
    if year_at(s, k).is_some() {
        let f = from_number(s, k, today)?;
        return Some(Found { a: i, ..f });
    }
    if let Some((m, end, _)) = month_at(s, k) {
        let mut f = month_date(s, k, m, end, false, today)?;
        f.a = i;
        return Some(f);
    }
    if let Some((&step, after)) = LEX.relative.at(s, k)
        && let Some(mut f) = relative_date(s, k, step, after, today)
    {
        f.a = i;
        return Some(f);
    }
    if s.l(k) == "the" && s.l(k + 1) == "year" {
        return Some(Found {
            a: i,
            b: k + 2,
            date: today.map(|t| format!("{:04}", t.y)),
            preposition: true,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates_round_trip_and_know_their_weekdays() {
        let d = Day::new(2025, 12, 2).expect("valid");
        assert_eq!(d.weekday(), 1); // Tuesday
        assert_eq!(d.add_days(-2).iso(), "2025-11-30");
        assert_eq!(d.add_days(30).iso(), "2026-01-01");
        assert_eq!(Day::from_days(d.days()), d);
        assert_eq!(Day::parse_iso("2025-12-02T16:32Z"), Some(d));
        assert_eq!(Day::new(2023, 2, 29), None);
        assert!(Day::new(2024, 2, 29).is_some());
        assert_eq!(d.iso_week(), "2025-W49");
        assert_eq!(
            Day::new(2021, 1, 1).map(Day::iso_week).as_deref(),
            Some("2020-W53")
        );
        assert_eq!(
            d.shift("years", -5.0)
                .map(|d| d.iso_for("years"))
                .as_deref(),
            Some("2020")
        );
    }

    #[test]
    fn months_without_a_year_point_back_unless_the_sentence_looks_ahead() {
        let t = Day::new(2025, 3, 10).expect("valid");
        assert_eq!(year_for_month(t, 1, false), 2025);
        assert_eq!(year_for_month(t, 6, false), 2024);
        assert_eq!(year_for_month(t, 6, true), 2025);
        assert_eq!(year_for_month(t, 1, true), 2026);
    }
}

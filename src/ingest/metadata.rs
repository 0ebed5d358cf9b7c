//! Headline, standfirst, date, byline and outlet, read from the head of the page.
//!
//! Nothing is guessed: each field stays `None` (or empty) unless the text states it. The head
//! is what comes before the first paragraph of prose; dates and bylines are only read there,
//! so a date in the story ("since 1976") never becomes the publication date.

use std::sync::LazyLock;

use regex::Regex;
use serde::Deserialize;

use super::boilerplate::{Line, Removed, ends_like_sentence, is_prose, word_count};
use crate::lexicon::{CALENDAR, asset, parse};

#[derive(Deserialize)]
struct MetaCues {
    byline_prefixes: Vec<String>,
    dateline_words: Vec<String>,
    byline_roles: Vec<String>,
    caption_cues: Vec<String>,
    interface_words: Vec<String>,
    outlet_patterns: Vec<String>,
}

static CUES: LazyLock<MetaCues> = LazyLock::new(|| parse("metadata.toml", asset!("metadata.toml")));

static OUTLET: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    CUES.outlet_patterns
        .iter()
        .map(|p| Regex::new(p).unwrap_or_else(|e| panic!("assets/metadata.toml: {e}")))
        .collect()
});

/// Month alternation from the calendar, longest names first.
fn month_alternation() -> String {
    let mut names: Vec<&str> = CALENDAR.month_words().collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names.join("|")
}

/// A date with an optional time, as printed in datelines.
static TIMESTAMP: LazyLock<Regex> = LazyLock::new(|| {
    let months = month_alternation();
    let weekdays = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thu|fri|sat|sun";
    let mut zones: Vec<&str> = CALENDAR.timezone_names().collect();
    zones.sort_by_key(|z| std::cmp::Reverse(z.len()));
    let zones = zones.join("|");
    let time = r"(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?::(?P<s>\d{2}))?\s*(?P<ap>[ap]\.?m\.?)?";
    let pattern = format!(
        r"(?i)(?:(?:{weekdays})\.?,?\s*)?(?:(?P<iy>\d{{4}})[-/](?P<im>\d{{1,2}})[-/](?P<id>\d{{1,2}})|(?P<d1>\d{{1,2}})(?:st|nd|rd|th|\.)?\s*(?P<m1>{months})\.?,?\s+(?P<y1>\d{{4}})|(?P<m2>{months})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})|\b(?P<na>\d{{1,2}})(?P<ns>[./])(?P<nb>\d{{1,2}})[./](?P<nc>\d{{4}})\b)(?:(?:\s|,|T|at|-|\|)+{time})?(?:\s*(?-i:(?P<tz>[+-]\d{{2}}:?\d{{2}}|{zones})))?"
    );
    Regex::new(&pattern).unwrap_or_else(|e| panic!("timestamp pattern: {e}"))
});

/// Build the cue lists and the patterns now (see [`crate::analyse::warm_up`]).
pub(crate) fn warm_up() {
    LazyLock::force(&TIMESTAMP);
    LazyLock::force(&OUTLET);
}

/// A date-time found in a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timestamp {
    pub iso: String,
    pub has_time: bool,
    pub has_zone: bool,
    /// Byte range of the match in the line.
    pub start: usize,
    pub end: usize,
}

/// Find the first date (with optional time and zone) in `line`.
pub fn find_timestamp(line: &str) -> Option<Timestamp> {
    if !line.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    for c in TIMESTAMP.captures_iter(line) {
        let num = |n: &str| c.name(n).and_then(|m| m.as_str().parse::<u32>().ok());
        let (y, m, d) = if let Some(y) = num("iy") {
            (y, num("im")?, num("id")?)
        } else if let (Some(a), Some(b), Some(y)) = (num("na"), num("nb"), num("nc")) {
            // 21.01.2020 and 01/21/2020: the number over 12 is the day; else dots are
            // day-first (European), slashes month-first (American)
            let dots = c.name("ns").is_some_and(|s| s.as_str() == ".");
            if a > 12 || (b <= 12 && dots) {
                (y, b, a)
            } else {
                (y, a, b)
            }
        } else if let Some(y) = num("y1") {
            (y, CALENDAR.month(c.name("m1")?.as_str())?, num("d1")?)
        } else {
            (
                num("y2")?,
                CALENDAR.month(c.name("m2")?.as_str())?,
                num("d2")?,
            )
        };
        if !(1900..=2100).contains(&y) || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            continue;
        }
        let whole = c.get(0)?;
        let mut iso = format!("{y:04}-{m:02}-{d:02}");
        let mut has_time = false;
        let mut has_zone = false;
        if let (Some(mut h), Some(mi)) = (num("h"), num("mi")) {
            if let Some(ap) = c.name("ap") {
                let pm = ap.as_str().to_ascii_lowercase().starts_with('p');
                if pm && h < 12 {
                    h += 12;
                } else if !pm && h == 12 {
                    h = 0;
                }
            }
            if h < 24 && mi < 60 {
                has_time = true;
                iso.push_str(&format!("T{h:02}:{mi:02}"));
                if let Some(s) = num("s").filter(|s| *s < 60) {
                    iso.push_str(&format!(":{s:02}"));
                }
                if let Some(tz) = c.name("tz") {
                    let tz = tz.as_str();
                    let offset = if tz.starts_with(['+', '-']) {
                        Some(normalise_offset(tz))
                    } else {
                        CALENDAR.timezone(tz).map(str::to_owned)
                    };
                    if let Some(o) = offset {
                        iso.push_str(&o);
                        has_zone = true;
                    }
                }
            }
        }
        let end = if has_zone {
            whole.end()
        } else {
            // do not swallow a following word that was not a zone
            c.name("mi").or(c.name("ap")).map_or_else(
                || date_end(&c),
                |m| c.name("ap").map_or(m.end(), |a| a.end()),
            )
        };
        return Some(Timestamp {
            iso,
            has_time,
            has_zone,
            start: whole.start(),
            end,
        });
    }
    None
}

fn date_end(c: &regex::Captures<'_>) -> usize {
    ["id", "y1", "y2", "nc"]
        .iter()
        .filter_map(|n| c.name(n))
        .map(|m| m.end())
        .max()
        .unwrap_or(0)
}

fn normalise_offset(tz: &str) -> String {
    let digits: String = tz[1..].chars().filter(char::is_ascii_digit).collect();
    if digits.len() == 4 {
        format!("{}{}:{}", &tz[..1], &digits[..2], &digits[2..])
    } else {
        tz.to_owned()
    }
}

/// Metadata read from the page head.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Meta {
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub published: Option<String>,
    pub authors: Vec<String>,
    pub outlet: Option<String>,
}

/// Is `s` a plausible personal name: 2–5 capitalised words or initials ("James C. Reynolds")?
pub fn looks_like_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if !(2..=5).contains(&words.len()) {
        return false;
    }
    let particles = [
        "de", "van", "von", "der", "da", "di", "al", "bin", "la", "le", "du",
    ];
    words.iter().all(|w| {
        let first = w.chars().next().unwrap_or(' ');
        (first.is_uppercase()
            && w.chars()
                .skip(1)
                .all(|c| c.is_alphabetic() || "-'’.".contains(c)))
            || particles.contains(&w.to_lowercase().as_str())
    }) && words.iter().filter(|w| w.chars().count() > 2).count() >= 1
}

/// Split a byline's names: "A, B and C" / "A & B".
fn split_names(s: &str) -> Option<Vec<String>> {
    let s = s.trim().trim_end_matches([',', '|', '-', '–', '—']).trim();
    if s.is_empty() {
        return None;
    }
    let mut names = Vec::new();
    for part in s.split([',', '&', '|']) {
        for name in part.split(" and ") {
            let name = name.trim();
            if name.is_empty() {
                continue;
            }
            if is_role(name) {
                continue;
            }
            if !looks_like_name(name) {
                return None;
            }
            names.push(name.to_owned());
        }
    }
    (!names.is_empty()).then_some(names)
}

/// Is this a role printed beside a byline's names ("Staff Writer", "Senior Correspondent")?
fn is_role(s: &str) -> bool {
    s.split_whitespace().any(|w| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        CUES.byline_roles.contains(&w)
    })
}

/// Is the rest of a line (outside the date) only dateline words?
fn dateline_rest_is_furniture(rest: &str) -> bool {
    rest.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '|')
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .all(|w| CUES.dateline_words.contains(&w) || CALENDAR.weekday(&w).is_some())
}

/// How many lines before the body the head is looked for in: headline, standfirst, byline and
/// dateline sit right above the story; a date or a name further up belongs to something else.
const HEAD_WINDOW: usize = 14;

/// Read the page head, taking the body to start at the first line of prose. Lines used as
/// metadata are marked removed (headline and standfirst with the reasons `headline` and
/// `standfirst`, which are not furniture but fields).
pub fn extract(lines: &mut [Line], removed: &mut [Removed]) -> Meta {
    let body_start = lines
        .iter()
        .position(|l| l.kept() && is_prose(&l.text, 8))
        .unwrap_or(lines.len());
    extract_at(lines, removed, body_start)
}

/// Read the head of a page whose body starts at line `body_start`.
pub fn extract_at(lines: &mut [Line], removed: &mut [Removed], body_start: usize) -> Meta {
    let mut meta = Meta::default();
    let label_max = super::boilerplate::RULES.structure.label_max_words;
    let body_start = body_start.min(lines.len());
    let lo = body_start.saturating_sub(HEAD_WINDOW);

    // datelines and bylines in the head, nearest the body first; when the head has none,
    // further up the page, then in the first lines of the body
    let mut dates: Vec<(usize, Timestamp, bool)> = Vec::new();
    let mut bylines: Vec<(usize, Vec<String>)> = Vec::new();
    let after = (body_start..(body_start + 4).min(lines.len())).collect::<Vec<_>>();
    let passes: [Vec<usize>; 3] = [
        (lo..body_start).rev().collect(),
        (0..lo).rev().collect(),
        after,
    ];
    for (pass, range) in passes.iter().enumerate() {
        for &i in range {
            let l = &mut lines[i];
            if !l.kept() || (pass == 2 && is_prose(&l.text, 6)) {
                continue;
            }
            let (ts, names, date_only) = read_head_line(&l.text);
            let want_date = dates.is_empty() || pass == 0;
            let want_names = bylines.is_empty() || pass == 0;
            let mut used = false;
            if let Some(ts) = ts.filter(|_| want_date) {
                let updated = is_update(&l.text[..ts.start]);
                dates.push((i, ts, updated));
                used = true;
            }
            if let Some(names) = names.filter(|_| want_names) {
                bylines.push((i, names));
                used = true;
            }
            if used {
                l.removed = Some(
                    match (date_only, bylines.last().is_some_and(|b| b.0 == i)) {
                        (true, _) => "dateline",
                        (false, true) if dates.last().is_some_and(|d| d.0 == i) => {
                            "byline and date"
                        }
                        _ => "byline",
                    }
                    .to_owned(),
                );
            }
        }
        // the head proper wins; further passes only fill what it lacks
        if !dates.is_empty() && !bylines.is_empty() {
            break;
        }
    }
    // a bare name right beside a dateline is its byline ("Jane Roe" / "May 6, 2024")
    if bylines.is_empty() {
        for &(d, _, _) in &dates {
            for i in [d.wrapping_sub(1)] {
                if (lo..body_start).contains(&i)
                    && lines[i].kept()
                    && let Some(names) = split_names(&lines[i].text)
                {
                    bylines.push((i, names));
                    lines[i].removed = Some("byline".to_owned());
                    break;
                }
            }
            if !bylines.is_empty() {
                break;
            }
        }
    }
    if let Some((_, names)) = bylines.into_iter().next() {
        meta.authors = names;
    }
    // the publication date: the nearest one that is not an update, else the nearest
    let pick = dates
        .iter()
        .find(|(_, _, upd)| !upd)
        .or(dates.first())
        .map(|(i, ts, _)| (*i, ts.clone()));
    if let Some((i, ts)) = pick {
        meta.published = Some(ts.iso.clone());
        // the same moment printed again with its zone: keep the fuller form
        for (j, other, _) in &dates {
            if *j != i {
                adopt_timestamp(&mut meta, other);
            }
        }
    }

    // headline: the line above the body that reads most like one: near the body, right above
    // the byline or dateline, said again elsewhere on the page, neither a caption nor a control
    let meta_lines: Vec<usize> = lines[lo..body_start]
        .iter()
        .enumerate()
        .filter(|(_, l)| {
            matches!(
                l.removed.as_deref(),
                Some("dateline" | "byline" | "byline and date")
            )
        })
        .map(|(k, _)| lo + k)
        .collect();
    let mut best: Option<(f32, usize)> = None;
    let mut between = 0usize;
    for i in (lo..body_start).rev() {
        let l = &lines[i];
        if !l.kept() {
            continue;
        }
        let n = word_count(&l.text);
        if n > label_max && reads_like_headline(&l.text) {
            let score = title_score(lines, i, between, &meta_lines);
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, i));
            }
        }
        between += 1;
    }
    let fallback_later = |i: usize| lines[i + 1..].iter().any(Line::kept);
    // a headline right above the best line, which is no shorter or is a sentence, makes that
    // line its standfirst
    let (title_idx, standfirst_idx) = match best {
        Some((score, c)) => {
            let above = (lo..c).rev().find(|&i| lines[i].kept());
            match above {
                Some(u)
                    if word_count(&lines[u].text) > label_max.max(2)
                        && reads_like_headline(&lines[u].text)
                        && (word_count(&lines[c].text) >= word_count(&lines[u].text)
                            || ends_like_sentence(&lines[c].text))
                        && title_score(lines, u, 0, &meta_lines) >= score =>
                {
                    (Some(u), Some(c))
                }
                _ => (Some(c), None),
            }
        }
        None => (None, None),
    };
    let title_idx = title_idx.filter(|&t| fallback_later(t));
    if let Some(t) = title_idx {
        for l in lines[lo..t].iter_mut().filter(|l| l.kept()) {
            if word_count(&l.text) <= label_max {
                l.removed = Some("section label".to_owned());
            }
        }
        meta.title = Some(lines[t].text.clone());
        lines[t].removed = Some("headline".to_owned());
        let title_fold = crate::text::fold(&lines[t].text);
        if let Some(s) = standfirst_idx {
            if crate::text::fold(&lines[s].text) == title_fold {
                lines[s].removed = Some("repeated line".to_owned());
            } else {
                meta.subtitle = Some(lines[s].text.clone());
                lines[s].removed = Some("standfirst".to_owned());
            }
        } else {
            // standfirst: the next head line, if it is not the story itself
            for l in lines
                .iter_mut()
                .take(body_start)
                .skip(t + 1)
                .filter(|l| l.kept())
            {
                let n = word_count(&l.text);
                if crate::text::fold(&l.text) == title_fold {
                    l.removed = Some("repeated line".to_owned());
                } else if (5..=60).contains(&n) && !l.text.ends_with([':', '?']) {
                    meta.subtitle = Some(l.text.clone());
                    l.removed = Some("standfirst".to_owned());
                    break;
                } else {
                    break;
                }
            }
        }
    }

    // the outlet, where its own furniture names it
    let furniture: Vec<&str> = removed
        .iter()
        .map(|r| r.text.as_str())
        .chain(lines.iter().filter(|l| !l.kept()).map(|l| l.text.as_str()))
        .collect();
    meta.outlet = outlet_in_any(&furniture);
    meta
}

/// How much line `i` reads like the page's headline; `between` is how many kept lines stand
/// between it and the body, `meta_lines` where the byline and dateline are.
fn title_score(lines: &[Line], i: usize, between: usize, meta_lines: &[usize]) -> f32 {
    let text = &lines[i].text;
    let n = word_count(text);
    let mut score = -0.7 * between as f32;
    if meta_lines.iter().any(|&m| m > i && m <= i + 3) {
        score += 3.0;
    }
    if n >= 4 {
        score += 1.0;
    }
    if n >= 6 {
        score += 1.0;
    }
    if n > 25 {
        score -= 2.0;
    }
    if text.ends_with('?') {
        score -= 1.0;
    }
    if ends_like_sentence(text) && n > 12 {
        score -= 2.0;
    }
    let lower = text.to_lowercase();
    if CUES.caption_cues.iter().any(|c| lower.contains(c.as_str()))
        || (text.ends_with(')') && text.rsplit('(').next().is_some_and(|c| c.contains('/')))
    {
        score -= 4.0;
    }
    let words: Vec<String> = crate::analyse::tokens::words_lower(text).collect();
    let controls = words
        .iter()
        .filter(|w| CUES.interface_words.contains(w))
        .count();
    if controls * 2 >= words.len() {
        score -= 4.0;
    }
    // the headline is often printed again (breadcrumb, share text, a second heading)
    let folded = crate::text::fold(text);
    let repeated = lines.iter().enumerate().any(|(j, l)| {
        j != i && l.text.len() >= text.len() && crate::text::fold(&l.text).contains(&folded)
    });
    if repeated {
        score += 2.0;
    }
    score
}

/// What a line of the page head says: its date (when the line is a dateline or a byline with a
/// date), the names of its byline, and whether it is a date and nothing more.
fn read_head_line(text: &str) -> (Option<Timestamp>, Option<Vec<String>>, bool) {
    let short = word_count(text) <= 24 && !is_prose(text, 12);
    let names = if short { byline_anywhere(text) } else { None };
    let ts = find_timestamp(text);
    let Some(ts) = ts else {
        return (None, names, false);
    };
    let before = text[..ts.start].trim();
    let date_only = before.is_empty()
        || dateline_rest_is_furniture(before)
        || (word_count(text) <= 8 && !is_prose(text, 6));
    let separated = before.ends_with(['|', '•', '·', '⋅', '/', '—', '–', '-', ':', ','])
        && word_count(text) <= 16;
    let names = names.or_else(|| byline_names(before));
    if date_only || separated || names.is_some() {
        (Some(ts), names, date_only && !separated)
    } else {
        (None, None, false)
    }
}

/// A byline cue anywhere in a short line ("Posted on May 3 by Jane Roe", "yas! | By Jane Roe |
/// May 3", "Author: Jane Roe"), and the run of capitalised names after it.
fn byline_anywhere(text: &str) -> Option<Vec<String>> {
    let m = BY_CUE.find(text)?;
    let rest = &text[m.end()..];
    if !rest.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let names = names_run(rest)?;
    // a single word after "by" is a name only in capitals (an agency, initials)
    (names.len() > 1 || names[0].contains(' ') || names[0].chars().all(|c| !c.is_lowercase()))
        .then_some(names)
}

static BY_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[\s|•·⋅/—–-])(?:written by|posted by|words by|reporting by|story by|by|author)(?:\s*:)?\s+")
        .unwrap_or_else(|e| panic!("byline cue: {e}"))
});

/// The names at the start of `s`: runs of capitalised words and initials joined by "and",
/// "&" or commas, stopped by anything else (a date, a role, lower-case words).
fn names_run(s: &str) -> Option<Vec<String>> {
    let s = s
        .find(['/', '|', '•', '·', '⋅', '@', '(', ';', '\t'])
        .map_or(s, |p| &s[..p]);
    let mut names: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut tokens = s.split_whitespace().peekable();
    while let Some(raw) = tokens.next() {
        let (word, comma) = match raw.strip_suffix(',') {
            Some(w) => (w, true),
            None => (raw, false),
        };
        let lower = word.to_lowercase();
        if (lower == "and" || word == "&") && !current.is_empty() {
            names.push(current.join(" "));
            current.clear();
            continue;
        }
        let capital = word.chars().next().is_some_and(char::is_uppercase)
            && word
                .chars()
                .all(|c| c.is_alphabetic() || "-'’.".contains(c));
        let particle = [
            "de", "van", "von", "der", "da", "di", "al", "bin", "la", "le", "du",
        ]
        .contains(&lower.as_str())
            && !current.is_empty();
        let stop = !(capital || particle)
            || CALENDAR.month(&lower).is_some()
            || CALENDAR.weekday(&lower).is_some()
            || is_role(word)
            || current.len() >= 4;
        if stop {
            break;
        }
        current.push(word);
        if comma {
            names.push(current.join(" "));
            current.clear();
            // a role after the comma ends the byline ("Jane Roe, Staff Writer")
            if tokens.peek().is_some_and(|t| is_role(t)) {
                break;
            }
        }
    }
    if !current.is_empty() {
        names.push(current.join(" "));
    }
    names.retain(|n| n.chars().filter(|c| c.is_alphabetic()).count() >= 2);
    (!names.is_empty()).then_some(names)
}

/// Does a dateline's text before the date mark it as an update?
fn is_update(before: &str) -> bool {
    let b = before.to_lowercase();
    b.contains("updated") || b.contains("modified") || b.contains("edited")
}

/// The names of a byline: "By Jane Roe and John Doe", "By Jane Roe on", "Jane Roe, Staff
/// Writer", "By Jane Roe@janeroe", "Jane Roe |".
fn byline_names(s: &str) -> Option<Vec<String>> {
    let rest = strip_byline_prefix(s.trim());
    // cut at what follows the names: a handle, a bar, " on ", " - ", " published"
    let mut end = rest.len();
    for sep in ["@", "|", " on ", " - ", " – ", " — ", " • ", " · ", "	"] {
        if let Some(p) = rest.find(sep) {
            end = end.min(p);
        }
    }
    let lower = rest.to_lowercase();
    for word in [" published", " updated", " posted", " at "] {
        if let Some(p) = lower.find(word) {
            end = end.min(p);
        }
    }
    let mut names = rest[..end].trim();
    for tail in [
        " on",
        " at",
        ",",
        " -",
        " |",
        " Published",
        " Updated",
        " Posted",
    ] {
        names = names.strip_suffix(tail).unwrap_or(names).trim_end();
    }
    if let Some(v) = split_names(names) {
        return Some(v);
    }
    // "Jane Roe, Staff Writer": a name and its role
    let (name, role) = names.split_once(',')?;
    let role_words = word_count(role);
    (looks_like_name(name.trim()) && (1..=4).contains(&role_words) && !role.contains(" and "))
        .then(|| vec![name.trim().to_owned()])
}

fn adopt_timestamp(meta: &mut Meta, ts: &Timestamp) {
    match &meta.published {
        None => meta.published = Some(ts.iso.clone()),
        // the same moment printed again with its zone: keep the fuller form
        Some(p) if ts.has_zone && ts.iso.starts_with(p.as_str()) => {
            meta.published = Some(ts.iso.clone())
        }
        _ => {}
    }
}

fn strip_byline_prefix(s: &str) -> &str {
    byline_rest(s).unwrap_or(s)
}

/// The names after a byline prefix ("By Jane Roe and John Doe"), if the line has one.
fn byline_rest(s: &str) -> Option<&str> {
    let lower = s.to_lowercase();
    CUES.byline_prefixes.iter().find_map(|p| {
        (lower.starts_with(p.as_str()) && lower[p.len()..].starts_with(' '))
            .then(|| s[p.len()..].trim_start())
    })
}

/// The outlet named by the first pattern (in priority order) that any text matches.
fn outlet_in_any(texts: &[&str]) -> Option<String> {
    OUTLET.iter().find_map(|re| {
        texts.iter().find_map(|t| {
            re.captures(t)?
                .name("outlet")
                .map(|m| m.as_str().to_owned())
        })
    })
}

#[cfg(test)]
fn outlet_in(text: &str) -> Option<String> {
    outlet_in_any(&[text])
}

/// Does a line read like a headline rather than a sentence of the story?
fn reads_like_headline(s: &str) -> bool {
    let n = word_count(s);
    if !(2..=30).contains(&n) || s.ends_with(':') {
        return false;
    }
    if !ends_like_sentence(s) || s.ends_with('?') || s.ends_with('!') {
        return true;
    }
    // a headline printed with a full stop: Title Case, or short and without a clause
    let content: Vec<&str> = s
        .split_whitespace()
        .filter(|w| w.chars().count() > 3)
        .collect();
    let caps = content
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    (!content.is_empty() && caps * 10 >= content.len() * 7) || (n <= 12 && !s.contains(','))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_in_common_dateline_forms() {
        let t = find_timestamp("2025-12-02 16:32").unwrap();
        assert_eq!(t.iso, "2025-12-02T16:32");
        let t = find_timestamp("Tuesday 02 December 2025 16:32 GMT").unwrap();
        assert_eq!(t.iso, "2025-12-02T16:32Z");
        let t = find_timestamp("Updated 4:05 p.m. EDT, March 26, 2009").map(|t| t.iso);
        assert_eq!(t.as_deref(), Some("2009-03-26"));
        let t = find_timestamp("Published March 26, 2009 at 4:05 pm").unwrap();
        assert_eq!(t.iso, "2009-03-26T16:05");
        let t = find_timestamp("2024-01-05T08:00+0100").unwrap();
        assert_eq!(t.iso, "2024-01-05T08:00+01:00");
        assert_eq!(find_timestamp("since 1976 and 2,000 people"), None);
    }

    #[test]
    fn names_and_bylines() {
        assert!(looks_like_name("James C. Reynolds"));
        assert!(looks_like_name("Ana de la Cruz"));
        assert!(!looks_like_name("Russian troops roll into"));
        assert_eq!(
            split_names("Jane Roe,John Q. Public"),
            Some(vec!["Jane Roe".into(), "John Q. Public".into()])
        );
        assert_eq!(
            split_names("Jane Roe and John Doe"),
            Some(vec!["Jane Roe".into(), "John Doe".into()])
        );
        assert_eq!(byline_rest("By Jane Roe"), Some("Jane Roe"));
        assert_eq!(byline_rest("Bystanders fled"), None);
    }

    fn lines(ls: &[&str]) -> Vec<Line> {
        ls.iter().map(|l| Line::new(*l)).collect()
    }

    #[test]
    fn reads_headline_standfirst_byline_and_date() {
        let mut ls = lines(&[
            "Politics",
            "Council closes old bridge after cracks found",
            "Inspectors say the 1902 crossing is unsafe",
            "Jane Roe,John DoeMonday 06 May 2024 09:15 BSTComments",
            "The council voted on Monday to close the old bridge to all traffic.",
        ]);
        let m = extract(&mut ls, &mut []);
        assert_eq!(
            m.title.as_deref(),
            Some("Council closes old bridge after cracks found")
        );
        assert_eq!(
            m.subtitle.as_deref(),
            Some("Inspectors say the 1902 crossing is unsafe")
        );
        assert_eq!(m.authors, ["Jane Roe", "John Doe"]);
        assert_eq!(m.published.as_deref(), Some("2024-05-06T09:15+01:00"));
        assert_eq!(ls[0].removed.as_deref(), Some("section label"));
        assert!(ls[4].kept());
    }

    #[test]
    fn a_story_without_head_gets_nothing_invented() {
        let mut ls = lines(&[
            "Troops advanced in the eastern city on Monday, the defence ministry said on Monday.",
            "The city had a pre-war population of 60,000 people, officials said in 2019.",
        ]);
        let m = extract(&mut ls, &mut []);
        assert_eq!(m, Meta::default());
        assert!(ls.iter().all(Line::kept));
    }

    #[test]
    fn a_headline_with_a_full_stop() {
        let mut ls = lines(&[
            "Council Votes to Close Old Bridge.",
            "The council voted on Monday to close the old bridge to all traffic.",
        ]);
        let m = extract(&mut ls, &mut []);
        assert_eq!(
            m.title.as_deref(),
            Some("Council Votes to Close Old Bridge.")
        );
    }

    #[test]
    fn outlet_from_its_own_furniture() {
        assert_eq!(
            outlet_in("I would like to be emailed about offers, events and updates from The Daily Example. Read our Privacy notice").as_deref(),
            Some("The Daily Example")
        );
        assert_eq!(
            outlet_in("Copyright 2018 The Example Press. All rights reserved.").as_deref(),
            Some("The Example Press")
        );
    }
}

//! How a source is named for the reader: a short label that is unique within the store and
//! says something (the outlet and its wire agency, the outlet and the date, a headline stem),
//! never a file-name hash when the text offers better; and a title for an article that has
//! none, taken from its lead and marked as derived.
//!
//! The dashboard, the report and the CLI all call [`labels`], so a source has one name
//! everywhere.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Deserialize;

use crate::lexicon::{asset, parse};
use crate::model::Article;
use crate::text::{fold, width};

/// The display table (`assets/display.toml`).
#[derive(Debug, Deserialize)]
struct Display {
    wires: Vec<String>,
    wire_cues: Vec<String>,
    roles: HashMap<String, String>,
}

static DISPLAY: LazyLock<Display> = LazyLock::new(|| parse("display.toml", asset!("display.toml")));

/// Labels longer than this are cut at a word.
const MAX_LABEL: usize = 28;
/// A derived title is the lead cut at a word before this width.
const MAX_DERIVED_TITLE: usize = 90;

/// A user's name for a source: `pattern` is a path as given, a file name, a file stem or an
/// article id (`--label FILE=NAME`, or the `[labels]` table of the configuration).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Override {
    pub pattern: String,
    pub name: String,
}

impl Override {
    /// Parse `FILE=NAME` (the last `=` splits, so a file name may hold one).
    pub fn parse(s: &str) -> Result<Override, String> {
        let (file, name) = s
            .rsplit_once('=')
            .ok_or_else(|| format!("`{s}`: expected FILE=NAME"))?;
        let (file, name) = (file.trim(), name.trim());
        if file.is_empty() || name.is_empty() {
            return Err(format!("`{s}`: expected FILE=NAME"));
        }
        Ok(Override {
            pattern: file.to_owned(),
            name: crate::text::sanitise(name),
        })
    }

    fn matches(&self, a: &Article) -> bool {
        let p = self.pattern.trim_start_matches("./");
        let path = a.path.trim_start_matches("./");
        let file = path.rsplit(['/', '\\']).next().unwrap_or(path);
        let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
        p == path || p == file || p == stem || p == a.id || path.ends_with(&format!("/{p}"))
    }
}

/// A title to show: the article's own, or one derived from its lead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title {
    pub text: String,
    /// Taken from the first sentence of the body: the text has no title of its own.
    pub derived: bool,
}

/// The article's title, else its lead sentence cut to a headline's length (marked derived),
/// else `(untitled)`.
pub fn title(a: &Article) -> Title {
    if let Some(t) = a.title.as_deref().filter(|t| !t.trim().is_empty()) {
        return Title {
            text: t.to_owned(),
            derived: false,
        };
    }
    match a.sentences.first().map(|s| s.text.trim()) {
        Some(lead) if !lead.is_empty() => Title {
            text: cut_at_word(lead.trim_end_matches('.'), MAX_DERIVED_TITLE),
            derived: true,
        },
        _ => Title {
            text: "(untitled)".to_owned(),
            derived: false,
        },
    }
}

/// `s` cut at a word boundary so that it is at most `max` columns, with `…` when cut.
fn cut_at_word(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_owned();
    }
    let mut out = String::new();
    for w in s.split_whitespace() {
        let next = if out.is_empty() {
            w.to_owned()
        } else {
            format!("{out} {w}")
        };
        if width(&next) + 1 > max {
            break;
        }
        out = next;
    }
    if out.is_empty() {
        return crate::text::truncate(s, max).into_owned();
    }
    let out = out
        .trim_end_matches([',', ';', ':', '-', '—', '–'])
        .to_owned();
    format!("{out}…")
}

/// The wire agency a story comes from, when its text credits one: a byline naming it, a
/// dateline "(Agency)", or a sentence naming it with a cue such as "was unable to verify".
pub fn wire(a: &Article) -> Option<String> {
    let d = &*DISPLAY;
    let named = |text: &str, agency: &str| contains_word(text, agency);
    for agency in &d.wires {
        if a.authors.iter().any(|au| named(au, agency)) {
            return Some(agency.clone());
        }
        if let Some(first) = a.paragraphs.first()
            && first.contains(&format!("({agency})"))
        {
            return Some(agency.clone());
        }
        let credited = a.sentences.iter().any(|s| {
            named(&s.text, agency) && {
                let low = s.text.to_lowercase();
                d.wire_cues.iter().any(|c| low.contains(c.as_str()))
            }
        });
        if credited {
            return Some(agency.clone());
        }
    }
    None
}

/// Does `text` contain `word` as a whole word, case as written (agency names are proper
/// nouns: "AP" is not "ap")?
fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

/// The outlet of an article: its own metadata, else an outlet that another source of the
/// store names in its metadata and that this article's removed furniture names ("Support
/// The Independent", a masthead): the page's own chrome says whose page it is.
fn outlet(a: &Article, known: &[&str]) -> Option<String> {
    if let Some(o) = a.outlet.as_deref().filter(|o| !o.trim().is_empty()) {
        return Some(o.to_owned());
    }
    known
        .iter()
        .filter(|o| a.boilerplate.iter().any(|b| contains_word(b, o)))
        .max_by_key(|o| {
            a.boilerplate
                .iter()
                .map(|b| b.matches(**o).count())
                .sum::<usize>()
        })
        .map(|o| (*o).to_owned())
}

/// A few words of the headline (or of the derived title) that name the story.
fn headline_stem(a: &Article) -> Option<String> {
    let t = title(a);
    if t.text == "(untitled)" {
        return None;
    }
    let text = t.text.trim_end_matches('…');
    // "Mapped: Inside …": a rubric before a colon is not the story
    let text = match text.split_once(": ") {
        Some((head, rest)) if head.split_whitespace().count() <= 2 && !rest.is_empty() => rest,
        _ => text,
    };
    Some(cut_at_word(text, MAX_LABEL))
}

/// "2 Dec" (with the year when `year`) from an ISO date.
fn short_date(published: Option<&str>, year: bool) -> Option<String> {
    let p = published?;
    let date = p.split('T').next()?;
    let mut it = date.split('-');
    let (y, m, d) = (it.next()?, it.next()?, it.next()?);
    let m: usize = m.parse().ok()?;
    let d: u32 = d.parse().ok()?;
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = MONTHS.get(m.checked_sub(1)?)?;
    Some(if year {
        format!("{d} {month} {y}")
    } else {
        format!("{d} {month}")
    })
}

/// One label per article, in store order: short, unique and meaningful.
///
/// The base is the user's name for it, else the outlet (with its wire agency: "The
/// Independent / Reuters"), else a headline stem, else the file stem. Sources that share a
/// base are told apart by their dates, and what still collides gets a numeral: "(2)".
pub fn labels(articles: &[Article], overrides: &[Override]) -> Vec<String> {
    let known: Vec<&str> = {
        let mut k: Vec<&str> = articles
            .iter()
            .filter_map(|a| a.outlet.as_deref())
            .filter(|o| !o.trim().is_empty())
            .collect();
        k.sort_unstable();
        k.dedup();
        k
    };
    let mut fixed = vec![false; articles.len()];
    let mut out: Vec<String> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| {
            if let Some(o) = overrides.iter().rev().find(|o| o.matches(a)) {
                fixed[i] = true;
                return o.name.clone();
            }
            let base = match (outlet(a, &known), wire(a)) {
                (Some(o), Some(w)) if fold(&o) != fold(&w) => format!("{o} / {w}"),
                (Some(o), _) => o,
                (None, Some(w)) => w,
                (None, None) => headline_stem(a).unwrap_or_else(|| a.id.clone()),
            };
            cut_at_word(&base, MAX_LABEL + 8)
        })
        .collect();
    // colliding labels: add the date where it tells them apart
    let groups = collisions(&out);
    for group in groups {
        let auto: Vec<usize> = group.iter().copied().filter(|&i| !fixed[i]).collect();
        let years: std::collections::HashSet<&str> = auto
            .iter()
            .filter_map(|&i| articles[i].published.as_deref())
            .map(|p| p.get(..4).unwrap_or(p))
            .collect();
        let with_year = years.len() > 1;
        for &i in &auto {
            if let Some(d) = short_date(articles[i].published.as_deref(), with_year) {
                out[i] = format!("{} {d}", out[i]);
            }
        }
    }
    // what still collides is numbered in store order: the first keeps its label
    for group in collisions(&out) {
        for (k, &i) in group.iter().enumerate().skip(1) {
            let mut n = k + 1;
            let mut candidate = format!("{} ({n})", out[i]);
            while out.contains(&candidate) {
                n += 1;
                candidate = format!("{} ({n})", out[i]);
            }
            out[i] = candidate;
        }
    }
    out
}

/// A label made to fit `w` columns keeping what tells it apart: the leading "The " goes
/// first, then the outlet is shortened before its wire, date or numeral ("Indep… / Reuters").
pub fn fit(label: &str, w: usize) -> String {
    if width(label) <= w {
        return label.to_owned();
    }
    let label = label.strip_prefix("The ").unwrap_or(label);
    if width(label) <= w {
        return label.to_owned();
    }
    // the distinguishing tail: " / Agency …", a date or a numeral after the outlet
    let split = label.find(" / ").or_else(|| {
        let t = label.trim_end();
        let last = t.rfind(' ')?;
        let tail = &t[last + 1..];
        (tail.starts_with('(') || tail.chars().all(|c| c.is_ascii_digit()) || is_month(tail)).then(
            || {
                label[..last]
                    .rfind(' ')
                    .filter(|_| is_month(tail))
                    .unwrap_or(last)
            },
        )
    });
    if let Some(at) = split {
        let (head, tail) = label.split_at(at);
        let tail = tail.replacen(" / ", "/", 1);
        let room = w.saturating_sub(width(&tail));
        if room >= 4 {
            return format!("{}{tail}", crate::text::truncate(head, room));
        }
        // no room for a word of the outlet: its initials ("I/Reuters")
        let initials: String = head
            .split_whitespace()
            .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
            .collect();
        if !initials.is_empty() && width(&initials) + width(&tail) <= w {
            return format!("{initials}{tail}");
        }
    }
    crate::text::truncate(label, w).into_owned()
}

fn is_month(s: &str) -> bool {
    [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    .contains(&s)
}

/// Groups (of two or more indices, in order) of equal labels, compared case-insensitively.
fn collisions(labels: &[String]) -> Vec<Vec<usize>> {
    let mut by: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, l) in labels.iter().enumerate() {
        by.entry(fold(l)).or_default().push(i);
    }
    let mut groups: Vec<Vec<usize>> = by.into_values().filter(|g| g.len() > 1).collect();
    groups.sort();
    groups
}

/// Does a claimant's name take a plural verb ("officials deny", "Russian forces claim")?
/// A name whose last word is a lower-case plural noun does; a proper name ("General
/// Staff", "Reuters") does not.
pub fn is_plural(name: &str) -> bool {
    let Some(last) = name.split_whitespace().last() else {
        return false;
    };
    let last = last.trim_matches(|c: char| !c.is_alphanumeric());
    last.len() > 3
        && last.chars().next().is_some_and(char::is_lowercase)
        && last.ends_with('s')
        && !["ss", "us", "is"].iter().any(|e| last.ends_with(e))
}

/// A role as the reader expects it: abbreviations written out ("sen" → "Senator",
/// "lt gen" → "Lieutenant General"); other roles unchanged.
pub fn role(role: &str) -> String {
    let words: Vec<&str> = role.split_whitespace().collect();
    let expanded: Vec<Option<&String>> = words
        .iter()
        .map(|w| DISPLAY.roles.get(&w.trim_end_matches('.').to_lowercase()))
        .collect();
    if expanded.iter().all(Option::is_none) {
        return role.to_owned();
    }
    words
        .iter()
        .zip(expanded)
        .map(|(w, e)| e.map_or((*w).to_owned(), Clone::clone))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Sentence;

    fn article(id: &str, outlet: Option<&str>, published: Option<&str>) -> Article {
        Article {
            id: id.to_owned(),
            path: format!("dir/{id}.txt"),
            outlet: outlet.map(str::to_owned),
            published: published.map(str::to_owned),
            ..Article::default()
        }
    }

    fn with_sentences(mut a: Article, s: &[&str]) -> Article {
        a.sentences = s
            .iter()
            .map(|t| Sentence {
                text: (*t).to_owned(),
                ..Sentence::default()
            })
            .collect();
        a.paragraphs = s.iter().map(|t| (*t).to_owned()).collect();
        a
    }

    #[test]
    fn one_outlet_twice_is_told_apart_by_date_then_by_numeral() {
        let arts = [
            article("a1", Some("Daily Planet"), Some("2024-03-02T10:00Z")),
            article("a2", Some("Daily Planet"), Some("2024-03-03")),
            article("a3", Some("Daily Planet"), Some("2024-03-03")),
            article("a4", Some("Gazette"), None),
        ];
        let l = labels(&arts, &[]);
        assert_eq!(
            l,
            [
                "Daily Planet 2 Mar",
                "Daily Planet 3 Mar",
                "Daily Planet 3 Mar (2)",
                "Gazette"
            ]
        );
    }

    #[test]
    fn wire_copy_is_outlet_slash_agency_and_the_outlet_comes_from_the_furniture() {
        let own = article("x1", Some("The Courier"), Some("2024-05-01"));
        let mut wire_copy = with_sentences(
            article("e3b0c44298fc1c14", None, None),
            &[
                "Floods closed the bridge on Monday, officials said.",
                "Reuters could not independently verify the figures.",
            ],
        );
        wire_copy.boilerplate = vec!["Support The Courier: subscribe today".to_owned()];
        let l = labels(&[own, wire_copy], &[]);
        assert_eq!(l, ["The Courier", "The Courier / Reuters"]);
    }

    #[test]
    fn a_mention_of_an_agency_is_not_a_credit() {
        let a = with_sentences(
            article("n1", Some("Gazette"), None),
            &["The minister told Reuters the talks would resume."],
        );
        assert_eq!(wire(&a), None);
        // "AP" must be the word, not part of one
        let b = with_sentences(
            article("n2", None, None),
            &["The APEC summit opened; reporting by staff."],
        );
        assert_eq!(wire(&b), None);
    }

    #[test]
    fn without_outlet_the_headline_names_the_source_and_a_title_is_derived() {
        let a = with_sentences(
            article("f00dfeed12345678", None, None),
            &[
                "Heavy rain flooded the old town of Bexley overnight, forcing hundreds of residents to leave their homes before dawn.",
            ],
        );
        let t = title(&a);
        assert!(t.derived);
        assert!(
            t.text.starts_with("Heavy rain flooded the old town"),
            "{t:?}"
        );
        assert!(t.text.ends_with('…') && width(&t.text) <= MAX_DERIVED_TITLE);
        let l = labels(std::slice::from_ref(&a), &[]);
        assert_eq!(l, ["Heavy rain flooded the old…"]);
        assert!(!l[0].contains("f00dfeed"));
    }

    #[test]
    fn overrides_win_by_path_file_or_stem() {
        let arts = [
            article("a1", Some("Daily Planet"), None),
            article("a2", Some("Daily Planet"), None),
        ];
        let o = [Override::parse("dir/a2.txt=Planet wire").unwrap()];
        assert_eq!(labels(&arts, &o), ["Daily Planet", "Planet wire"]);
        let o = [Override::parse("a1=First").unwrap()];
        assert_eq!(labels(&arts, &o)[0], "First");
        assert!(Override::parse("nothing").is_err());
        assert!(Override::parse("=x").is_err());
    }

    #[test]
    fn fitting_keeps_the_part_that_tells_sources_apart() {
        assert_eq!(fit("The Independent", 20), "The Independent");
        assert_eq!(fit("The Independent", 12), "Independent");
        assert_eq!(fit("The Independent / Reuters", 14), "Indep…/Reuters");
        assert_eq!(fit("Daily Planet 3 Mar", 12), "Daily… 3 Mar");
        assert_eq!(fit("Daily Planet (2)", 10), "Daily… (2)");
        assert_eq!(fit("The Independent / Reuters", 10), "I/Reuters");
    }

    #[test]
    fn plural_claimants() {
        assert!(is_plural("officials"));
        assert!(is_plural("Ukrainian officials"));
        assert!(is_plural("Russian forces"));
        assert!(!is_plural("General Staff"));
        assert!(!is_plural("Reuters"));
        assert!(!is_plural("the ministry"));
        assert!(!is_plural("the press"));
        assert!(!is_plural("Vladimir Putin"));
    }

    #[test]
    fn roles_are_written_out() {
        assert_eq!(role("sen"), "Senator");
        assert_eq!(role("Lt. Gen."), "Lieutenant General");
        assert_eq!(role("rep"), "Representative");
        assert_eq!(role("military analyst"), "military analyst");
    }
}

//! Sentence splitting for news English.
//!
//! A sentence ends at `.`, `!`, `?` or an ellipsis (with any closing quotes and brackets after
//! it) when the next token opens a sentence. Titles ("Mr.", "Sen."), initials ("James C.
//! Reynolds"), numbers ("1.5", "No. 1", "Sept. 11"), dotted initialisms ("U.S.") and state
//! abbreviations ("R-Ariz.") do not end one unless the next word is a usual opener.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use serde::Deserialize;

use super::tokens::{Kind, Token};
use crate::lexicon::{asset, parse};

#[derive(Deserialize)]
struct Abbreviations {
    titles: HashSet<String>,
    before_number: HashSet<String>,
    ambiguous: HashSet<String>,
    openers: HashSet<String>,
}

/// Build the abbreviation list now (see [`crate::analyse::warm_up`]).
pub(crate) fn warm_up() {
    LazyLock::force(&ABBR);
}

static ABBR: LazyLock<Abbreviations> =
    LazyLock::new(|| parse("abbreviations.toml", asset!("abbreviations.toml")));

fn lower(s: &str) -> String {
    s.to_lowercase()
}

fn is_closer(t: &str) -> bool {
    matches!(
        t,
        "\"" | "\u{201d}" | "\u{2019}" | "'" | ")" | "]" | "\u{bb}"
    )
}

fn is_opener_punct(t: &str) -> bool {
    matches!(
        t,
        "\"" | "\u{201c}" | "\u{2018}" | "'" | "(" | "[" | "\u{ab}"
    )
}

fn starts_upper_or_digit(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// A title-like or honorific abbreviation (`Mr`, `Sen.`).
pub fn is_title_abbreviation(word: &str) -> bool {
    ABBR.titles.contains(&lower(word.trim_end_matches('.')))
}

/// Split one paragraph into sentences; returns token index ranges.
pub fn split(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut begin = 0;
    let mut i = 0;
    while i < tokens.len() {
        if let Some(next) = boundary_after(text, tokens, i) {
            if next > begin {
                out.push(begin..next);
            }
            begin = next;
            i = next;
            continue;
        }
        i += 1;
    }
    if begin < tokens.len() {
        out.push(begin..tokens.len());
    }
    out
}

/// If a sentence ends at token `i`, the index of the first token of the next sentence.
fn boundary_after(text: &str, tokens: &[Token], i: usize) -> Option<usize> {
    let t = tokens[i];
    let s = t.text(text);
    let dotted = t.kind == Kind::Word && s.ends_with('.') && s.len() > 2;
    let terminal = t.kind == Kind::Punct && matches!(s, "." | "!" | "?" | "..." | "\u{2026}");
    if !terminal && !dotted {
        return None;
    }
    // closing quotes and brackets belong to the sentence that ends here
    let mut j = i + 1;
    while j < tokens.len() && !tokens[j].space_before && is_closer(tokens[j].text(text)) {
        j += 1;
    }
    // "?" or "!" followed by a closing quote and a lower-case word: `"...?" he asked`
    let next = tokens.get(j)?;
    if !next.space_before {
        return None;
    }
    let mut first = *next;
    let mut k = j;
    while is_opener_punct(first.text(text)) && k + 1 < tokens.len() {
        k += 1;
        first = tokens[k];
    }
    let first_text = first.text(text);
    if !starts_upper_or_digit(first_text) {
        return None;
    }
    let opener = ABBR.openers.contains(&lower(first_text));
    if dotted {
        return opener.then_some(j);
    }
    if s != "." || i == 0 {
        return Some(j);
    }
    let prev = tokens[i - 1];
    if t.space_before || prev.kind != Kind::Word {
        return Some(j);
    }
    let w = prev.text(text);
    let lw = lower(w);
    // an initial: "James C. Reynolds"
    if w.chars().count() == 1 && w.chars().all(char::is_uppercase) {
        return None;
    }
    if ABBR.titles.contains(&lw) {
        return None;
    }
    if first.kind == Kind::Number && ABBR.before_number.contains(&lw) {
        return None;
    }
    if ABBR.ambiguous.contains(&lw) && !opener {
        return None;
    }
    Some(j)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::tokens::tokenize;

    fn sentences(s: &str) -> Vec<&str> {
        let t = tokenize(s);
        split(s, &t)
            .into_iter()
            .map(|r| &s[t[r.start].start as usize..t[r.end - 1].end as usize])
            .collect()
    }

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(
            sentences("Today, most civilians have fled. All children have been evacuated."),
            [
                "Today, most civilians have fled.",
                "All children have been evacuated."
            ]
        );
    }

    #[test]
    fn keeps_titles_initials_and_numbers() {
        assert_eq!(
            sentences("Mr. Smith met Dr. Jones at 5.30 p.m. on Sept. 11 with James C. Reynolds."),
            ["Mr. Smith met Dr. Jones at 5.30 p.m. on Sept. 11 with James C. Reynolds."]
        );
        assert_eq!(
            sentences("Sen. Jane Doe, R-S.C., said it. Rep. Roe, D-Ariz., agreed."),
            [
                "Sen. Jane Doe, R-S.C., said it.",
                "Rep. Roe, D-Ariz., agreed."
            ]
        );
        assert_eq!(
            sentences("He was the No. 1 pick. It cost $1.5 million."),
            ["He was the No. 1 pick.", "It cost $1.5 million."]
        );
    }

    #[test]
    fn dotted_initialisms_end_a_sentence_only_before_an_opener() {
        assert_eq!(
            sentences("He moved to the U.S. The move was quick."),
            ["He moved to the U.S.", "The move was quick."]
        );
        assert_eq!(
            sentences("He met U.S. Senate leaders."),
            ["He met U.S. Senate leaders."]
        );
    }

    #[test]
    fn quotes_and_ellipses() {
        assert_eq!(
            sentences("\"Is it over?\" she asked. \"No.\" He left."),
            ["\"Is it over?\" she asked.", "\"No.\"", "He left."]
        );
        assert_eq!(
            sentences("\"There is fighting... Logistics are difficult,\" he said."),
            [
                "\"There is fighting...",
                "Logistics are difficult,\" he said."
            ]
        );
        assert_eq!(
            sentences("can it be that I... a believer, was to blame?"),
            ["can it be that I... a believer, was to blame?"]
        );
    }

    #[test]
    fn a_heading_is_one_sentence() {
        assert_eq!(sentences("Where is the city?"), ["Where is the city?"]);
        assert_eq!(sentences("Defend his country"), ["Defend his country"]);
    }
}

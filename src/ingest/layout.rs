//! Which lines of a text dump are the article, decided by evidence rather than by phrases.
//!
//! Each line is scored on its own shape: a line of prose (long enough, ending like a sentence,
//! full of function words, not a row of capitalised link text) counts its words; anything else
//! (menu items, link lists, headings, credits) costs a little per line and per word; furniture
//! that the phrase rules found, and comment threads, cost their words. The body is the stretch
//! of lines with the highest total (a maximum-sum run, as in body-text extraction by Finn et
//! al.), so short lines between paragraphs stay with them and prose far from the article
//! (teasers, footers) does not. jusText's stop-word density is the model for the prose test.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;
use serde::Deserialize;

use super::boilerplate::{Line, RULES, ends_like_sentence};

/// Parameters of the layout classifier (`[layout]` in `assets/boilerplate.toml`).
#[derive(Debug, Deserialize)]
pub struct LayoutSpec {
    pub prose_min_words: usize,
    pub prose_min_function_share: f32,
    pub long_words: usize,
    pub title_case_share: f32,
    pub line_cost: f32,
    pub word_cost: f32,
    pub word_cost_cap: usize,
    pub comment_marker: String,
    pub comment_header: String,
    pub comment_header_gap: usize,
    pub comment_min_headers: usize,
    pub function_words: Vec<String>,
}

struct Compiled {
    function_words: HashSet<String>,
    comment_marker: Regex,
    comment_header: Regex,
}

static COMPILED: LazyLock<Compiled> = LazyLock::new(|| {
    let spec = &RULES.layout;
    let re = |p: &str, what: &str| {
        Regex::new(p).unwrap_or_else(|e| panic!("assets/boilerplate.toml: layout.{what}: {e}"))
    };
    Compiled {
        function_words: spec.function_words.iter().cloned().collect(),
        comment_marker: re(&spec.comment_marker, "comment_marker"),
        comment_header: re(&spec.comment_header, "comment_header"),
    }
});

/// What the shape of one line says about it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shape {
    pub words: usize,
    /// Share of the words that are function words ("the", "of", "said").
    pub function_share: f32,
    /// Share of the longer words (over three letters) that start with a capital.
    pub capital_share: f32,
    pub ends_like_sentence: bool,
    /// Characters of code and markup (`{}();=<>|\\[]`): script text and link bars, not prose.
    pub symbols: usize,
}

impl Shape {
    pub fn of(text: &str) -> Shape {
        let fw = &COMPILED.function_words;
        let (mut words, mut function, mut long, mut capital) = (0usize, 0usize, 0usize, 0usize);
        for w in text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')) {
            let w = w.trim_matches(['\'', '’']);
            if w.is_empty() {
                continue;
            }
            words += 1;
            let lower = w.to_lowercase();
            if fw.contains(lower.as_str()) {
                function += 1;
            } else if w.chars().count() > 3 && w.chars().any(char::is_alphabetic) {
                long += 1;
                if w.chars().next().is_some_and(char::is_uppercase) {
                    capital += 1;
                }
            }
        }
        let symbols = text
            .chars()
            .filter(|c| "{}();=<>|\\[]".contains(*c))
            .count();
        let share = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f32 / b as f32 };
        Shape {
            words,
            function_share: share(function, words),
            capital_share: share(capital, long),
            ends_like_sentence: ends_like_sentence(text),
            symbols,
        }
    }

    /// Does the line read as running prose? `any_language` drops the function-word test, for a
    /// page in a language the list does not cover.
    pub fn is_prose_in(&self, any_language: bool) -> bool {
        let spec = &RULES.layout;
        if self.symbols * 4 > self.words.max(1) {
            return false;
        }
        if any_language {
            return self.words >= spec.prose_min_words
                && (self.ends_like_sentence || self.words >= spec.long_words)
                && (self.capital_share < spec.title_case_share || self.words >= spec.long_words);
        }
        // a long line may be dense with names (a lede): half the share of function words will do
        let share = if self.words >= spec.long_words {
            spec.prose_min_function_share / 2.0
        } else {
            spec.prose_min_function_share
        };
        self.words >= spec.prose_min_words
            && self.function_share >= share
            && (self.ends_like_sentence || self.words >= spec.long_words)
            && (self.capital_share < spec.title_case_share || self.words >= spec.long_words)
    }

    /// [`Shape::is_prose_in`] for English.
    pub fn is_prose(&self) -> bool {
        self.is_prose_in(false)
    }
}

/// Is the page in a language the function-word list does not cover: its longer lines have
/// almost none of those words?
fn foreign(shapes: &[Shape]) -> bool {
    let (mut words, mut function) = (0.0f32, 0.0f32);
    for s in shapes.iter().filter(|s| s.words >= 10) {
        words += s.words as f32;
        function += s.function_share * s.words as f32;
    }
    words > 0.0 && function < 0.05 * words
}

/// The lines a comment thread takes up: from its heading (or its first comment header) to the
/// end of the page, when the page has a run of comment headers.
pub fn comment_thread(lines: &[Line]) -> Option<usize> {
    let spec = &RULES.layout;
    let c = &*COMPILED;
    let headers: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| {
            crate::ingest::boilerplate::word_count(&l.text) <= 16
                && c.comment_header.is_match(l.text.trim())
        })
        .map(|(i, _)| i)
        .collect();
    // the first run of headers close enough together to be a thread
    let mut run_start = None;
    let mut k = 0;
    while k < headers.len() {
        let mut j = k;
        while j + 1 < headers.len() && headers[j + 1] - headers[j] <= spec.comment_header_gap {
            j += 1;
        }
        if j + 1 - k >= spec.comment_min_headers {
            run_start = Some(headers[k]);
            break;
        }
        k = j + 1;
    }
    let first = run_start?;
    // a heading that opens the thread, shortly before its first header
    let from = first.saturating_sub(spec.comment_header_gap);
    let marker = (from..first)
        .rev()
        .find(|&i| c.comment_marker.is_match(lines[i].text.trim()));
    Some(marker.unwrap_or(first))
}

/// The body: the half-open range of lines with the highest total score, or `None` when the
/// page has no line of prose at all.
pub fn body_region(lines: &[Line], thread: Option<usize>) -> Option<(usize, usize)> {
    let spec = &RULES.layout;
    let shapes: Vec<Shape> = lines.iter().map(|l| Shape::of(&l.text)).collect();
    let any_language = foreign(&shapes);
    let scores: Vec<f32> = lines
        .iter()
        .zip(&shapes)
        .enumerate()
        .map(|(i, (l, &shape))| {
            let cost = spec.line_cost + spec.word_cost * shape.words.min(spec.word_cost_cap) as f32;
            if l.text.trim().is_empty() {
                0.0
            } else if thread.is_some_and(|t| i >= t) {
                -(cost + shape.words as f32)
            } else if !l.kept() {
                // furniture the rules found costs like any other non-prose line: a long
                // gallery strip inside the story must not cut it in two
                -cost
            } else if shape.is_prose_in(any_language) {
                shape.words as f32
            } else {
                -cost
            }
        })
        .collect();
    // maximum-sum run (Kadane)
    let (mut best, mut best_range) = (0.0f32, None);
    let (mut sum, mut start) = (0.0f32, 0usize);
    for (i, &s) in scores.iter().enumerate() {
        if sum <= 0.0 {
            sum = 0.0;
            start = i;
        }
        sum += s;
        if sum > best {
            best = sum;
            best_range = Some((start, i + 1));
        }
    }
    best_range
}

/// Mark every line outside the body as removed, with a reason that says what kind of text it
/// is. Lines already removed keep their reason.
pub fn mark_outside(lines: &mut [Line], region: (usize, usize), thread: Option<usize>) {
    let (start, end) = region;
    for (i, l) in lines.iter_mut().enumerate() {
        if (start..end).contains(&i) || !l.kept() || l.text.trim().is_empty() {
            continue;
        }
        let reason = if thread.is_some_and(|t| i >= t) {
            "comment thread"
        } else if Shape::of(&l.text).is_prose() {
            "text outside the article (teaser, sidebar or footer)"
        } else {
            "navigation or link text"
        };
        l.removed = Some(reason.to_owned());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(ls: &[&str]) -> Vec<Line> {
        ls.iter().map(|l| Line::new(*l)).collect()
    }

    #[test]
    fn prose_and_furniture_shapes() {
        assert!(
            Shape::of("The council voted on Monday to close the old bridge to all traffic.")
                .is_prose()
        );
        assert!(!Shape::of("Home News Sport Business Weather").is_prose());
        assert!(
            !Shape::of("Council Votes To Close The Old Bridge After Inspectors Find Cracks.")
                .is_prose()
        );
        assert!(!Shape::of("Privacy Policy | Terms of Use | Contact Us").is_prose());
        assert!(!Shape::of("Sign in").is_prose());
    }

    #[test]
    fn the_densest_run_of_prose_is_the_body() {
        let ls = lines(&[
            "Home",
            "World",
            "Business",
            "Council closes old bridge",
            "The council voted on Monday to close the old bridge to all traffic after inspectors found cracks.",
            "Repairs",
            "The engineer said the work would take at least two years and cost the city a great deal of money.",
            "Most Popular",
            "Mayor opens new library",
            "Storm floods the lower town",
            "Police close the high street",
            "About us",
            "Contact",
            "Our reporters are on the ground in every part of the city and in the council chamber.",
        ]);
        assert_eq!(body_region(&ls, None), Some((4, 7)));
    }

    #[test]
    fn a_long_comment_thread_does_not_outweigh_the_article() {
        let mut ls = vec![
            "Council closes old bridge",
            "The council voted on Monday to close the old bridge to all traffic after inspectors found cracks in its piers.",
            "It will stay closed until the work is done, which the engineer said could take two years.",
            "12 Comments",
        ];
        for name in [
            "Ann Smith",
            "Bob Jones",
            "Cat Brown",
            "Dan Green",
            "Eve White",
        ] {
            ls.push(Box::leak(
                format!("{name} on May 3, 2024 at 4:47 pm said:").into_boxed_str(),
            ));
            ls.push("I have crossed that bridge every day for twenty years and I never once thought that it was unsafe.");
            ls.push("It is a shame that the council let it get into such a state before anyone did anything about it.");
            ls.push("Reply");
        }
        let mut ls = lines(&ls);
        let thread = comment_thread(&ls);
        assert_eq!(thread, Some(3));
        let region = body_region(&ls, thread).unwrap();
        assert_eq!(region, (1, 3));
        mark_outside(&mut ls, region, thread);
        assert_eq!(ls[5].removed.as_deref(), Some("comment thread"));
        assert!(ls[1].kept() && ls[2].kept());
    }

    #[test]
    fn a_short_article_among_much_furniture() {
        let mut ls = vec!["Sign in", "Subscribe"];
        let menu = [
            "Local News",
            "Sport",
            "Business",
            "Entertainment",
            "Opinion",
            "Weather",
            "Jobs",
            "Classifieds",
            "Contact Us",
            "Archive",
        ];
        ls.extend(menu);
        ls.push("Bridge to close");
        ls.push("The old bridge will close to traffic on Monday, the council said.");
        ls.extend(menu);
        ls.push("Copyright 2024 Example Media. All rights reserved.");
        let ls = lines(&ls);
        assert_eq!(body_region(&ls, None), Some((13, 14)));
    }

    #[test]
    fn a_page_without_prose_has_no_body() {
        let ls = lines(&["Home", "News", "Sport"]);
        assert_eq!(body_region(&ls, None), None);
    }
}

//! The Markdown comparison report (`crossread report`): for each pair of sources, what they
//! disagree on first, then what both report, what only one reports, who is named, what is
//! quoted and claimed, and the sentences they share with the changed words marked. Output
//! is deterministic: the same store gives the same bytes.

use std::collections::HashMap;
use std::fmt::Write;

use crate::model::{Article, Comparison, FactKind, QuoteRow, Row, Status, Store};
use crate::text::{sanitise, truncate};

use super::words::{folded_words, seq_similarity};
use super::{DiffKind, diff_spans, diff_words};

/// Escape text for Markdown: characters that would start emphasis, links, code, HTML or a
/// table cell are backslash-escaped; newlines become spaces.
fn md(s: &str) -> String {
    let s = sanitise(s);
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// [`md`] for other modules that write into the report.
pub fn escape(s: &str) -> String {
    md(s)
}

/// A code span of `s`: nothing inside is escaped (a backslash would show), and a fence one
/// backtick longer than the longest run inside keeps a backtick in the text from closing it.
fn code(s: &str) -> String {
    let s = sanitise(s);
    let longest = s.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if s.starts_with('`') || s.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{s}{pad}{fence}")
}

/// The date part of an ISO date-time.
fn day(published: Option<&str>) -> &str {
    published.map_or("", |p| p.split('T').next().unwrap_or(p))
}

/// How a source is called in the report: its outlet, else its id; two sources with one
/// label are told apart by their ids.
fn labels<'a>(l: &'a Article, r: &'a Article) -> (String, String) {
    let (a, b) = (l.source_label(), r.source_label());
    if a == b {
        (format!("{a} ({})", l.id), format!("{b} ({})", r.id))
    } else {
        (a.to_owned(), b.to_owned())
    }
}

fn percent(x: f32) -> String {
    format!("{:.0}%", (x * 100.0).round())
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The subject the facts stage gave a fact printed with these words in this sentence.
fn fact_subject<'a>(a: &'a Article, text: &str, sentence: Option<usize>) -> Option<&'a str> {
    a.facts
        .iter()
        .find(|f| f.text == text && Some(f.sentence) == sentence)
        .and_then(|f| f.subject.as_deref())
}

/// A fact's words, with its subject when the words do not already say it.
fn fact_cell(a: &Article, text: Option<&str>, sentence: Option<usize>) -> String {
    let Some(text) = text else {
        return String::new();
    };
    match fact_subject(a, text, sentence) {
        Some(s) if !crate::text::fold(text).contains(&crate::text::fold(s)) => {
            format!("{} ({})", md(text), md(s))
        }
        _ => md(text),
    }
}

/// Is the fact printed with these words in this sentence a place or an organisation?
fn is_named_fact(a: &Article, text: Option<&str>, sentence: Option<usize>) -> bool {
    a.facts.iter().any(|f| {
        Some(f.text.as_str()) == text
            && Some(f.sentence) == sentence
            && matches!(f.kind, FactKind::Place | FactKind::Organisation)
    })
}

/// One claim's claimant and stance, for its row.
fn claim_note(a: &Article, text: &str, sentence: Option<usize>) -> String {
    let Some(c) = a
        .claims
        .iter()
        .find(|c| c.text == text && Some(c.sentence) == sentence)
    else {
        return String::new();
    };
    let who = c.claimant.as_deref().map(md).unwrap_or_default();
    let stance = match c.stance {
        crate::model::Stance::Deny => "denies",
        crate::model::Stance::Assert => "says",
    };
    if who.is_empty() {
        String::new()
    } else {
        format!("{who} {stance}: ")
    }
}

/// Marked-up differences: ~~removed~~ **added**, with the right text's spacing kept where
/// an addition follows a text that ends without a space.
fn marked_diff(a: &str, b: &str) -> String {
    let spans = diff_spans(a, b);
    let text = |kind: DiffKind, range: &std::ops::Range<usize>| -> &str {
        if kind == DiffKind::Added {
            &b[range.clone()]
        } else {
            &a[range.clone()]
        }
    };
    let word = |c: char| c.is_alphanumeric();
    let mut out = String::new();
    // bytes of the next piece already written inside a mark
    let mut taken = 0;
    for (i, (kind, range)) in spans.iter().enumerate() {
        let full = text(*kind, range);
        let seg = full.get(taken.min(full.len())..).unwrap_or("");
        taken = 0;
        let body = seg.trim();
        let tail = &seg[seg.trim_end().len()..];
        if *kind == DiffKind::Same || body.is_empty() {
            out.push_str(&md(seg));
            continue;
        }
        let spaced_in_b =
            *kind == DiffKind::Added && b[..range.start].ends_with(char::is_whitespace);
        if spaced_in_b && !out.is_empty() && !out.ends_with(char::is_whitespace) {
            out.push(' ');
        }
        // A mark that opens on punctuation right after a letter ("Ukraine**'s**"), or
        // closes on punctuation right before one, is not emphasis in Markdown and would
        // print its asterisks: the touching word goes inside the mark.
        let mut before = String::new();
        if body.starts_with(|c: char| !word(c)) && out.ends_with(word) {
            let cut = out.trim_end_matches(word).len();
            before = out.split_off(cut);
        }
        let mut after = "";
        if tail.is_empty()
            && body.ends_with(|c: char| !word(c))
            && let Some((DiffKind::Same, next)) = spans.get(i + 1)
        {
            let next = text(DiffKind::Same, next);
            let n = next.len() - next.trim_start_matches(word).len();
            after = &next[..n];
            taken = n;
        }
        let mark = if *kind == DiffKind::Added { "**" } else { "~~" };
        let _ = write!(out, "{mark}{before}{}{}{mark}{tail}", md(body), md(after));
    }
    out.trim_end().to_owned()
}

/// Two texts close enough word for word that marking their differences helps the reader.
fn near_verbatim(a: &str, b: &str) -> bool {
    let (x, y) = (folded_words(a), folded_words(b));
    seq_similarity(&x, &y) >= NEAR_VERBATIM
}

/// Below this word-level similarity two versions are shown one after the other.
const NEAR_VERBATIM: f32 = 0.6;

fn sentence(a: &Article, i: usize) -> &str {
    a.sentences.get(i).map_or("", |s| s.text.as_str())
}

use super::closeness;

/// A readable Markdown report of the store and its comparisons.
pub fn markdown(store: &Store) -> String {
    let mut out = String::from("# crossread report\n\n");
    let n = store.articles.len();
    let _ = writeln!(
        out,
        "{}, {} compared.\n",
        plural(n, "article", "articles"),
        plural(store.comparisons.len(), "pair", "pairs")
    );
    out.push_str("| Source | Title | Published | Words |\n|---|---|---|---|\n");
    for a in &store.articles {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            md(a.source_label()),
            md(a.title.as_deref().unwrap_or("(untitled)")),
            day(a.published.as_deref()),
            a.word_count()
        );
    }
    out.push('\n');
    if n < 2 {
        out.push_str("Nothing to compare: a comparison needs two articles.\n");
        return out;
    }
    // closest pairs first; pairs with nothing in common are only counted
    let mut order: Vec<&Comparison> = store.comparisons.iter().collect();
    order.sort_by(|a, b| {
        closeness(b)
            .total_cmp(&closeness(a))
            .then_with(|| (&a.left, &a.right).cmp(&(&b.left, &b.right)))
    });
    let by_id: HashMap<&str, &Article> =
        store.articles.iter().map(|a| (a.id.as_str(), a)).collect();
    let mut unrelated = 0;
    for c in order {
        let (Some(&l), Some(&r)) = (by_id.get(c.left.as_str()), by_id.get(c.right.as_str())) else {
            continue;
        };
        if closeness(c) == 0.0 && c.summary.differs == 0 && store.comparisons.len() > 1 {
            unrelated += 1;
            continue;
        }
        pair(&mut out, c, l, r);
    }
    if unrelated > 0 {
        let _ = writeln!(
            out,
            "{} with nothing in common not shown.",
            plural(unrelated, "pair", "pairs")
        );
    }
    out
}

/// The section of one pair.
fn pair(out: &mut String, c: &Comparison, l: &Article, r: &Article) {
    let (ln, rn) = labels(l, r);
    let _ = writeln!(out, "## {} vs {}\n", md(&ln), md(&rn));
    for (side, a) in [("Left", l), ("Right", r)] {
        let date = day(a.published.as_deref());
        let _ = writeln!(
            out,
            "- **{side}:** *{}* — {}{} ({})",
            md(a.title.as_deref().unwrap_or("(untitled)")),
            md(a.source_label()),
            if date.is_empty() {
                String::new()
            } else {
                format!(", {date}")
            },
            code(&a.id)
        );
    }
    let s = &c.summary;
    let count = |rows: &[Row], st: Status| rows.iter().filter(|r| r.status == st).count();
    let named_shared = c
        .people
        .iter()
        .filter(|r| r.status == Status::Shared)
        .count();
    let _ = writeln!(
        out,
        "\n**Summary:** {} in common ({} of facts), {} in common ({} of people), {} aligned \
         ({} of sentences); {}, {}, {}.\n",
        plural(count(&c.facts, Status::Shared), "fact", "facts"),
        percent(s.facts_shared),
        plural(named_shared, "person", "people"),
        percent(s.people_shared),
        plural(c.sentences.len(), "sentence", "sentences"),
        percent(s.sentences_shared),
        plural(s.differs, "disagreement", "disagreements"),
        plural(s.reworded, "reworded quote", "reworded quotes"),
        plural(s.disputes, "dispute", "disputes"),
    );

    disagreements(out, c, l, r, &ln, &rn);
    facts(out, c, l, r, &ln, &rn);
    people(out, c, &ln, &rn);
    if !c.variants.is_empty() {
        out.push_str("### Spelling variants\n\n");
        for v in &c.variants {
            let _ = writeln!(
                out,
                "- {} ({}) ↔ {} ({})",
                md(&v.left),
                md(&ln),
                md(&v.right),
                md(&rn)
            );
        }
        out.push('\n');
    }
    quotes(out, c, &ln, &rn);
    claims(out, c, l, r, &ln, &rn);
    sentences(out, c, l, r, &ln, &rn);
}

fn disagreements(out: &mut String, c: &Comparison, l: &Article, r: &Article, ln: &str, rn: &str) {
    let mut items: Vec<String> = Vec::new();
    for row in c.facts.iter().filter(|r| r.status == Status::Differs) {
        items.push(format!(
            "- **Facts differ:** {} says {}; {} says {}.",
            md(ln),
            fact_cell(l, row.left.as_deref(), row.left_sentence),
            md(rn),
            fact_cell(r, row.right.as_deref(), row.right_sentence)
        ));
    }
    for q in c.quotes.iter().filter(|q| q.status == Status::Reworded) {
        items.push(format!(
            "- **Quote worded differently** ({}): {} has “{}”; {} has “{}”.",
            md(q.speaker.as_deref().unwrap_or("unattributed")),
            md(ln),
            md(q.left.as_deref().unwrap_or("")),
            md(rn),
            md(q.right.as_deref().unwrap_or(""))
        ));
    }
    for row in &c.claims {
        let line = match row.status {
            Status::Differs => Some(format!(
                "- **Claim contested:** {} reports {}“{}”; {} reports {}“{}”.",
                md(ln),
                claim_note(l, row.left.as_deref().unwrap_or(""), row.left_sentence),
                md(row.left.as_deref().unwrap_or("")),
                md(rn),
                claim_note(r, row.right.as_deref().unwrap_or(""), row.right_sentence),
                md(row.right.as_deref().unwrap_or(""))
            )),
            Status::LeftOnly | Status::RightOnly => {
                let (a, text, s, name) = if row.status == Status::LeftOnly {
                    (l, row.left.as_deref(), row.left_sentence, ln)
                } else {
                    (r, row.right.as_deref(), row.right_sentence, rn)
                };
                let text = text.unwrap_or("");
                let denial = a.claims.iter().any(|x| {
                    x.text == text
                        && Some(x.sentence) == s
                        && x.stance == crate::model::Stance::Deny
                });
                denial.then(|| {
                    format!(
                        "- **Denial only in {}:** {}“{}”",
                        md(name),
                        claim_note(a, text, s),
                        md(text)
                    )
                })
            }
            _ => None,
        };
        items.extend(line);
    }
    if items.is_empty() {
        return;
    }
    out.push_str("### Disagreements\n\n");
    for i in items {
        out.push_str(&i);
        out.push('\n');
    }
    out.push('\n');
}

fn facts(out: &mut String, c: &Comparison, l: &Article, r: &Article, ln: &str, rn: &str) {
    let (named, shared): (Vec<&Row>, Vec<&Row>) = c
        .facts
        .iter()
        .filter(|x| x.status == Status::Shared)
        .partition(|x| is_named_fact(l, x.left.as_deref(), x.left_sentence));
    if !shared.is_empty() {
        let _ = writeln!(
            out,
            "### Facts in both\n\n| {} | {} |\n|---|---|",
            md(ln),
            md(rn)
        );
        for row in shared {
            let _ = writeln!(
                out,
                "| {} | {} |",
                fact_cell(l, row.left.as_deref(), row.left_sentence),
                fact_cell(r, row.right.as_deref(), row.right_sentence)
            );
        }
        out.push('\n');
    }
    if !named.is_empty() {
        let list: Vec<String> = named
            .iter()
            .map(|x| match (x.left.as_deref(), x.right.as_deref()) {
                (Some(a), Some(b)) if crate::text::fold(a) != crate::text::fold(b) => {
                    format!("{} / {}", md(a), md(b))
                }
                (a, b) => md(a.or(b).unwrap_or("")),
            })
            .collect();
        let _ = writeln!(
            out,
            "**Places and organisations named by both:** {}\n",
            list.join("; ")
        );
    }
    for (st, a, name) in [(Status::LeftOnly, l, ln), (Status::RightOnly, r, rn)] {
        let rows: Vec<&Row> = c.facts.iter().filter(|r| r.status == st).collect();
        if rows.is_empty() {
            continue;
        }
        let _ = writeln!(out, "### Facts only in {}\n", md(name));
        for row in rows {
            let (text, s) = if st == Status::LeftOnly {
                (row.left.as_deref(), row.left_sentence)
            } else {
                (row.right.as_deref(), row.right_sentence)
            };
            let _ = writeln!(out, "- {}", fact_cell(a, text, s));
        }
        out.push('\n');
    }
}

fn people(out: &mut String, c: &Comparison, ln: &str, rn: &str) {
    if c.people.is_empty() {
        return;
    }
    out.push_str("### People and organisations\n\n");
    let both: Vec<String> = c
        .people
        .iter()
        .filter(|r| r.status == Status::Shared)
        .map(|r| match (r.left.as_deref(), r.right.as_deref()) {
            (Some(a), Some(b)) if crate::text::fold(a) != crate::text::fold(b) => {
                format!("{} / {}", md(a), md(b))
            }
            (a, b) => md(a.or(b).unwrap_or("")),
        })
        .collect();
    let only = |st: Status| -> Vec<String> {
        c.people
            .iter()
            .filter(|r| r.status == st)
            .filter_map(|r| r.left.as_deref().or(r.right.as_deref()))
            .map(md)
            .collect()
    };
    for (what, list) in [
        ("In both".to_owned(), both),
        (format!("Only in {}", md(ln)), only(Status::LeftOnly)),
        (format!("Only in {}", md(rn)), only(Status::RightOnly)),
    ] {
        if !list.is_empty() {
            let _ = writeln!(out, "- **{what}:** {}", list.join("; "));
        }
    }
    out.push('\n');
}

fn quote_line(q: &QuoteRow, ln: &str, rn: &str) -> String {
    let who = md(q.speaker.as_deref().unwrap_or("unattributed"));
    match (q.left.as_deref(), q.right.as_deref()) {
        (Some(a), Some(b)) if crate::text::fold(a) == crate::text::fold(b) => {
            format!("- {who}: “{}”", md(a))
        }
        (Some(a), Some(b)) if near_verbatim(a, b) => {
            format!("- {who}: “{}”", marked_diff(a, b))
        }
        (Some(a), Some(b)) => format!("- {who} — {}: “{}”; {}: “{}”", md(ln), md(a), md(rn), md(b)),
        (a, b) => format!("- {who}: “{}”", md(a.or(b).unwrap_or(""))),
    }
}

fn quotes(out: &mut String, c: &Comparison, ln: &str, rn: &str) {
    if c.quotes.is_empty() {
        return;
    }
    out.push_str("### Quotes\n\n");
    for (st, what) in [
        (Status::Shared, "In both".to_owned()),
        (Status::LeftOnly, format!("Only in {}", md(ln))),
        (Status::RightOnly, format!("Only in {}", md(rn))),
    ] {
        let rows: Vec<&QuoteRow> = c.quotes.iter().filter(|q| q.status == st).collect();
        if rows.is_empty() {
            continue;
        }
        let _ = writeln!(out, "**{what}**\n");
        for q in rows {
            out.push_str(&quote_line(q, ln, rn));
            out.push('\n');
        }
        out.push('\n');
    }
}

fn claims(out: &mut String, c: &Comparison, l: &Article, r: &Article, ln: &str, rn: &str) {
    if c.claims.is_empty() {
        return;
    }
    out.push_str("### Claims\n\n");
    for (st, what) in [
        (Status::Shared, "Reported by both".to_owned()),
        (Status::LeftOnly, format!("Only in {}", md(ln))),
        (Status::RightOnly, format!("Only in {}", md(rn))),
    ] {
        let rows: Vec<&Row> = c.claims.iter().filter(|x| x.status == st).collect();
        if rows.is_empty() {
            continue;
        }
        let _ = writeln!(out, "**{what}**\n");
        for row in rows {
            let (a, text, s) = match row.left.as_deref() {
                Some(t) => (l, t, row.left_sentence),
                None => (r, row.right.as_deref().unwrap_or(""), row.right_sentence),
            };
            let _ = writeln!(out, "- {}“{}”", claim_note(a, text, s), md(text));
        }
        out.push('\n');
    }
}

/// Sentences printed word for word by both are listed short; the others show their changes.
fn sentences(out: &mut String, c: &Comparison, l: &Article, r: &Article, ln: &str, rn: &str) {
    if c.sentences.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "### Sentences in both\n\nWords only in {} are ~~struck through~~, words only in {} are **bold**.\n",
        md(ln),
        md(rn)
    );
    let mut identical = Vec::new();
    for p in &c.sentences {
        let (a, b) = (sentence(l, p.left), sentence(r, p.right));
        if diff_words(a, b).iter().all(|(k, _)| *k == DiffKind::Same) {
            identical.push(md(&truncate(a, 80)));
        } else {
            let _ = writeln!(out, "- {}", marked_diff(a, b));
        }
    }
    if !identical.is_empty() {
        let _ = writeln!(
            out,
            "\n{} word for word:\n",
            plural(identical.len(), "sentence", "sentences")
        );
        for s in identical {
            let _ = writeln!(out, "- {s}");
        }
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_code_spans_without_escapes() {
        assert_eq!(code("g08_a"), "`g08_a`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`x"), "`` `x ``");
    }

    #[test]
    fn marks_changes_and_keeps_spacing() {
        assert_eq!(
            marked_diff("a road and rail junction", "a road and rail hub"),
            "a road and rail ~~junction~~ **hub**"
        );
        // an addition after the end of the left text keeps the right text's space
        assert_eq!(
            marked_diff(
                "the rest of the region",
                "the rest of the region and the coast"
            ),
            "the rest of the region **and the coast**"
        );
        assert_eq!(marked_diff("a *b* c", "a *b* d"), r"a \*b\* ~~c~~ **d**");
        // marks touching a word on punctuation take the word in, so they stay emphasis
        let m = marked_diff("the city fell", "the city's fall");
        assert!(!m.contains("y**'") && !m.contains("y~~'"), "{m}");
    }

    #[test]
    fn escapes_markdown() {
        assert_eq!(
            md("5*3 [x] <b> a|b ~y~ #1 `c`"),
            r"5\*3 \[x\] \<b\> a\|b \~y\~ \#1 \`c\`"
        );
        assert_eq!(md("line\nbreak"), "line break");
    }

    #[test]
    fn only_close_versions_are_marked_up() {
        assert!(near_verbatim(
            "we will rebuild every house before winter",
            "we will rebuild every home before winter"
        ));
        assert!(!near_verbatim(
            "we will rebuild every house before winter",
            "reconstruction starts in spring, officials said"
        ));
    }
}

//! Quotes and claims across two articles.
//!
//! A quote printed by both (word for word, or one a verbatim part of the other) is
//! `shared`. The same speaker quoted in both with a clear overlap of content words but
//! different wording is `reworded` when both are direct quotes — one outlet's quote marks
//! hold words the other's do not, which is news to the reader; a direct quote against a
//! reported paraphrase of it is the ordinary way of reporting and counts as `shared`.
//!
//! A claim made in both with the same stance is `shared`; with opposite stances (asserted
//! in one, denied in the other) it `differs`.

use crate::model::{Article, QuoteRow, Row, Stance, Status};

use super::names::{NameForm, person_form_score};
use super::words::{
    Marks, common_sorted, content_set, lcs_len, seq_similarity, set_cosine, sorted, word_hashes,
};

/// A quote or claim reduced for matching.
#[derive(Debug, Clone)]
pub(crate) struct Said {
    pub words: Vec<u64>,
    /// The words sorted: their overlap bounds the word-for-word similarity.
    pub sorted: Vec<u64>,
    pub content: Vec<u64>,
    /// Every name of the speaker (the name printed with the quote and the aliases of that
    /// person in the article), so "the same speaker" goes through aliases and spellings.
    pub speaker: Vec<NameForm>,
    pub deny: bool,
    /// Numbers, dates, names and negation: what must agree for "shared".
    pub marks: Marks,
    pub sentence: usize,
}

/// Sentence pairs (left, right) another section of the comparison already holds to be one
/// statement: aligned sentences, paired quotes. Items in such a pair are matched with less
/// evidence, so that a statement is never shared in one section and one-sided in another.
pub(crate) type Links = std::collections::HashSet<(usize, usize)>;

/// A sorted join list of (content word hash, item).
pub(crate) type JoinList<'a> = &'a [(u64, u32)];

/// The forms of a speaker's name: the name itself and, when it is a person of the article,
/// that person's other names.
fn speaker_forms(a: &Article, speaker: Option<&str>) -> Vec<NameForm> {
    let Some(s) = speaker else {
        return Vec::new();
    };
    let form = |n: &str| NameForm::person(n).or_else(|| NameForm::organisation(n));
    let mut out: Vec<NameForm> = form(s).into_iter().collect();
    if let Some(p) = a.people.iter().find(|p| p.all_names().any(|n| n == s)) {
        for n in p.all_names() {
            if let Some(f) = form(n)
                && !out.iter().any(|g| g.squash == f.squash)
            {
                out.push(f);
            }
        }
    }
    out
}

fn said(a: &Article, text: &str, speaker: Option<&str>, deny: bool, sentence: usize) -> Said {
    let words = word_hashes(text);
    Said {
        sorted: sorted(&words),
        words,
        content: content_set(text),
        speaker: speaker_forms(a, speaker),
        deny,
        marks: Marks::of(text),
        sentence,
    }
}

pub(crate) fn quote_keys(a: &Article) -> Vec<Said> {
    a.quotes
        .iter()
        .map(|q| said(a, &q.text, q.speaker.as_deref(), false, q.sentence))
        .collect()
}

pub(crate) fn claim_keys(a: &Article) -> Vec<Said> {
    a.claims
        .iter()
        .map(|c| {
            said(
                a,
                &c.text,
                c.claimant.as_deref(),
                c.stance == Stance::Deny,
                c.sentence,
            )
        })
        .collect()
}

/// (content word hash, item), sorted: the join list for candidate pairs.
pub(crate) fn join_list(items: &[Said]) -> Vec<(u64, u32)> {
    let mut v: Vec<(u64, u32)> = items
        .iter()
        .enumerate()
        .flat_map(|(i, s)| s.content.iter().map(move |&h| (h, i as u32)))
        .collect();
    v.sort_unstable();
    v
}

/// Pairs of items with at least two content words in common (any, for short items or
/// items in linked sentences).
fn candidates(
    l: &[Said],
    r: &[Said],
    lj: &[(u64, u32)],
    rj: &[(u64, u32)],
    links: &Links,
) -> Vec<(usize, usize)> {
    let mut pairs = super::names::join(lj, rj);
    pairs.dedup();
    pairs
        .into_iter()
        .map(|(i, j)| (i as usize, j as usize))
        .filter(|&(i, j)| {
            let n = common_sorted(&l[i].content, &r[j].content);
            n >= 2
                || l[i].content.len().min(r[j].content.len()) <= 2
                || links.contains(&(l[i].sentence, r[j].sentence))
        })
        .collect()
}

/// Who said two statements, as far as the two articles tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Speakers {
    Same,
    /// One side (or both) does not name the speaker.
    Unknown,
    Different,
}

/// Is one speaker the other (by the rules for person names, or one organisation name),
/// through any of their names?
fn speakers(a: &Said, b: &Said) -> Speakers {
    if a.speaker.is_empty() || b.speaker.is_empty() {
        return Speakers::Unknown;
    }
    let same = a.speaker.iter().any(|x| {
        b.speaker
            .iter()
            .any(|y| x.squash == y.squash || person_form_score(x, y) > 0.0)
    });
    if same {
        Speakers::Same
    } else {
        Speakers::Different
    }
}

fn same_speaker(a: &Said, b: &Said) -> bool {
    speakers(a, b) == Speakers::Same
}

/// The shortest quote that counts as a verbatim part of a longer one: a single quoted word
/// ("savings") is the same quote only when the other is that word too.
const MIN_CONTAINED_WORDS: usize = 2;
/// The shortest quote that can be a rewording of another.
const MIN_REWORDED_WORDS: usize = 3;
/// Share of the shorter quote's words found, in order, in the longer: by the same speaker,
/// the same statement in other words.
const REWORDED_COVER: f32 = 0.5;
/// Content overlap for "the same statement in other words" (same speaker).
const SAME_STATEMENT: f32 = 0.35;
/// When one side does not name the speaker, only a close rewording of a longer quote.
const UNATTRIBUTED_COVER: f32 = 0.7;
const MIN_UNATTRIBUTED_WORDS: usize = 5;

/// Is `short` a run of consecutive words of `long`?
fn contains_run(long: &[u64], short: &[u64]) -> bool {
    !short.is_empty() && long.windows(short.len()).any(|w| w == short)
}

/// How two quotes relate: (status, score), or nothing.
///
/// `shared` only word for word: the same words, or one quote a run of the other's words
/// (one outlet printed part of it). Any other difference — a word changed, a clause added
/// or dropped, a transcription variant, one side in reported speech — is `reworded`, when
/// the speaker is the same and the words overlap.
fn relate_quotes(a: &Said, b: &Said, linked: bool) -> Option<(Status, f32)> {
    let (short, long) = if a.words.len() <= b.words.len() {
        (a, b)
    } else {
        (b, a)
    };
    let n = short.words.len();
    if n == 0 {
        return None;
    }
    if a.words == b.words || (n >= MIN_CONTAINED_WORDS && contains_run(&long.words, &short.words)) {
        return Some((Status::Shared, 3.0 + n as f32 / long.words.len() as f32));
    }
    let who = speakers(a, b);
    if who == Speakers::Different || n < MIN_REWORDED_WORDS {
        return None;
    }
    let common = common_sorted(&a.content, &b.content);
    if linked && common >= 1 {
        // in sentences already aligned: the same statement, told in other words
        return Some((Status::Reworded, 1.0 + set_cosine(&a.content, &b.content)));
    }
    if common < 2 {
        return None;
    }
    // the multiset overlap bounds the in-order one: skip the table when it cannot pass
    let bound = common_sorted(&a.sorted, &b.sorted) as f32 / n as f32;
    let cover = if bound >= REWORDED_COVER {
        lcs_len(&a.words, &b.words) as f32 / n as f32
    } else {
        bound
    };
    let overlap = set_cosine(&a.content, &b.content);
    let ok = match who {
        Speakers::Same => cover >= REWORDED_COVER || overlap >= SAME_STATEMENT,
        _ => n >= MIN_UNATTRIBUTED_WORDS && cover >= UNATTRIBUTED_COVER,
    };
    ok.then_some((Status::Reworded, 1.0 + cover.max(overlap)))
}

/// How far (in sentences) the second piece of a quotation may stand from the first.
const PIECE_REACH: usize = 2;

/// How a quote relates to a longer quote whose other part is already matched: a run of its
/// words, or a rewording of part of it by a speaker who does not differ.
fn relate_piece(piece: &Said, whole: &Said) -> Option<(Status, f32)> {
    let n = piece.words.len();
    if n >= MIN_CONTAINED_WORDS && contains_run(&whole.words, &piece.words) {
        return Some((Status::Shared, 2.0));
    }
    if n < MIN_REWORDED_WORDS || speakers(piece, whole) == Speakers::Different {
        return None;
    }
    let cover = lcs_len(&piece.words, &whole.words) as f32 / n as f32;
    (cover >= REWORDED_COVER).then_some((Status::Reworded, 1.0 + cover))
}

/// Greedy one-to-one pairing, best score first.
fn pair_up(
    mut cands: Vec<(f32, usize, usize, Status)>,
    nl: usize,
    nr: usize,
) -> (Vec<Option<(usize, Status)>>, Vec<bool>) {
    cands.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    let mut lp = vec![None; nl];
    let mut ru = vec![false; nr];
    for (_, i, j, st) in cands {
        if lp[i].is_none() && !ru[j] {
            lp[i] = Some((j, st));
            ru[j] = true;
        }
    }
    (lp, ru)
}

/// Aligned quotes: rows in order (reworded first, then shared, then each side's own) and
/// the count of reworded quotes.
///
/// Pairs are one to one, best first; then a quote left alone may still join a longer quote
/// of the other side that is already paired: one outlet quotes in one piece what the other
/// splits in two ("A," he said. "B.").
pub(crate) fn align_quotes(
    la: &Article,
    ra: &Article,
    l: &[Said],
    r: &[Said],
    (lj, rj): (JoinList<'_>, JoinList<'_>),
    links: &Links,
) -> (Vec<QuoteRow>, usize) {
    let pairs = candidates(l, r, lj, rj, links);
    let cands: Vec<(f32, usize, usize, Status)> = pairs
        .iter()
        .filter_map(|&(i, j)| {
            let linked = links.contains(&(l[i].sentence, r[j].sentence));
            relate_quotes(&l[i], &r[j], linked).map(|(st, s)| (s, i, j, st))
        })
        .collect();
    let (mut lp, mut ru) = pair_up(cands, l.len(), r.len());
    let mut rp: Vec<Option<usize>> = vec![None; r.len()];
    for (i, p) in lp.iter().enumerate() {
        if let Some((j, _)) = p {
            rp[*j] = Some(i);
        }
    }
    // a quote left alone joins a longer quote of the other side whose partner stands within
    // PIECE_REACH sentences of it: the other piece of one quotation
    let near = |a: usize, b: usize| a.abs_diff(b) <= PIECE_REACH;
    let mut best_l: Vec<Option<(f32, usize, Status)>> = vec![None; l.len()];
    let mut best_r: Vec<Option<(f32, usize, Status)>> = vec![None; r.len()];
    for &(i, j) in &pairs {
        if lp[i].is_none()
            && let Some(i2) = rp[j]
            && r[j].words.len() > l[i].words.len()
            && near(la.quotes[i].sentence, la.quotes[i2].sentence)
            && let Some((st, score)) = relate_piece(&l[i], &r[j])
            && best_l[i].is_none_or(|b| score > b.0)
        {
            best_l[i] = Some((score, j, st));
        } else if !ru[j]
            && let Some((j2, _)) = lp[i]
            && l[i].words.len() > r[j].words.len()
            && near(ra.quotes[j].sentence, ra.quotes[j2].sentence)
            && let Some((st, score)) = relate_piece(&r[j], &l[i])
            && best_r[j].is_none_or(|b| score > b.0)
        {
            best_r[j] = Some((score, i, st));
        }
    }
    let mut pieces: Vec<(usize, usize, Status)> = Vec::new();
    for (i, b) in best_l.iter().enumerate() {
        if let Some((_, j, st)) = *b {
            lp[i] = Some((j, st));
        }
    }
    for (j, b) in best_r.iter().enumerate() {
        if let Some((_, i, st)) = *b {
            pieces.push((i, j, st));
            ru[j] = true;
        }
    }
    let pair_row = |i: usize, j: usize, st: Status| {
        let (q, p) = (&la.quotes[i], &ra.quotes[j]);
        QuoteRow {
            status: st,
            speaker: q.speaker.clone().or_else(|| p.speaker.clone()),
            left: Some(q.text.clone()),
            right: Some(p.text.clone()),
            left_sentence: Some(q.sentence),
            right_sentence: Some(p.sentence),
        }
    };
    let mut rows: Vec<QuoteRow> = Vec::new();
    for (i, q) in la.quotes.iter().enumerate() {
        rows.push(match lp[i] {
            Some((j, st)) => pair_row(i, j, st),
            None => QuoteRow {
                status: Status::LeftOnly,
                speaker: q.speaker.clone(),
                left: Some(q.text.clone()),
                right: None,
                left_sentence: Some(q.sentence),
                right_sentence: None,
            },
        });
    }
    for &(i, j, st) in &pieces {
        rows.push(pair_row(i, j, st));
    }
    for (j, p) in ra.quotes.iter().enumerate() {
        if !ru[j] {
            rows.push(QuoteRow {
                status: Status::RightOnly,
                speaker: p.speaker.clone(),
                left: None,
                right: Some(p.text.clone()),
                left_sentence: None,
                right_sentence: Some(p.sentence),
            });
        }
    }
    rows.sort_by_key(|r| r.status.rank());
    let reworded = rows.iter().filter(|r| r.status == Status::Reworded).count();
    (rows, reworded)
}

/// Merge a left-only and a right-only row standing in a pair of linked sentences (one
/// each side) into one row; `status` says what the merged row is. Returns the rows, in
/// order again.
fn join_one_sided<R>(
    mut rows: Vec<R>,
    links: &Links,
    sides: impl Fn(&R) -> (Status, Option<usize>, Option<usize>),
    merge: impl Fn(&R, &R) -> R,
    rank: impl Fn(&R) -> u8,
    text: impl Fn(&R) -> Option<&str>,
) -> Vec<R> {
    let overlap = |a: &R, b: &R| {
        common_sorted(
            &content_set(text(a).unwrap_or("")),
            &content_set(text(b).unwrap_or("")),
        )
    };
    let at = |rows: &[R], st: Status, s: usize, left: bool| -> Vec<usize> {
        (0..rows.len())
            .filter(|&k| {
                let (x, l, r) = sides(&rows[k]);
                x == st && (if left { l } else { r }) == Some(s)
            })
            .collect()
    };
    let mut links: Vec<&(usize, usize)> = links.iter().collect();
    links.sort_unstable();
    let mut gone = vec![false; rows.len()];
    let mut merged = Vec::new();
    for &&(s, t) in &links {
        let (lo, ro) = (
            at(&rows, Status::LeftOnly, s, true),
            at(&rows, Status::RightOnly, t, false),
        );
        // several in one sentence: the two with the most content words in common
        let best = lo
            .iter()
            .flat_map(|&i| ro.iter().map(move |&j| (i, j)))
            .filter(|&(i, j)| !gone[i] && !gone[j])
            .max_by_key(|&(i, j)| (overlap(&rows[i], &rows[j]), std::cmp::Reverse((i, j))));
        if let Some((i, j)) = best {
            merged.push(merge(&rows[i], &rows[j]));
            gone[i] = true;
            gone[j] = true;
        }
    }
    let mut k = 0;
    rows.retain(|_| {
        k += 1;
        !gone[k - 1]
    });
    rows.extend(merged);
    rows.sort_by_key(|r| rank(r));
    rows
}

/// Quotes alone on each side of sentences whose claims were paired: one statement, in
/// other words.
pub(crate) fn join_one_sided_quotes(rows: Vec<QuoteRow>, links: &Links) -> (Vec<QuoteRow>, usize) {
    let rows = join_one_sided(
        rows,
        links,
        |q| (q.status, q.left_sentence, q.right_sentence),
        |a, b| QuoteRow {
            status: Status::Reworded,
            speaker: a.speaker.clone().or_else(|| b.speaker.clone()),
            left: a.left.clone(),
            right: b.right.clone(),
            left_sentence: a.left_sentence,
            right_sentence: b.right_sentence,
        },
        |q| q.status.rank(),
        |q| q.left.as_deref().or(q.right.as_deref()),
    );
    let reworded = rows.iter().filter(|r| r.status == Status::Reworded).count();
    (rows, reworded)
}

/// Claims alone on each side of sentences whose quotes were paired: shared when they agree
/// (see [`Marks::agree`]), else a disagreement.
pub(crate) fn join_one_sided_claims(
    rows: Vec<Row>,
    disputes: usize,
    links: &Links,
) -> (Vec<Row>, usize) {
    let before = rows.len();
    let rows = join_one_sided(
        rows,
        links,
        |c| (c.status, c.left_sentence, c.right_sentence),
        |a, b| {
            let (l, r) = (
                a.left.as_deref().unwrap_or(""),
                b.right.as_deref().unwrap_or(""),
            );
            Row {
                status: if Marks::of(l).agree(&Marks::of(r)) {
                    Status::Shared
                } else {
                    Status::Differs
                },
                left: a.left.clone(),
                right: b.right.clone(),
                left_sentence: a.left_sentence,
                right_sentence: b.right_sentence,
            }
        },
        |c| c.status.rank(),
        |c| c.left.as_deref().or(c.right.as_deref()),
    );
    // each merge of two one-sided rows into a disagreement is one more dispute
    let merged = before - rows.len();
    let new_differs = rows
        .iter()
        .filter(|r| r.status == Status::Differs)
        .count()
        .min(merged);
    (rows, disputes + new_differs)
}

/// Content overlap for "the same claim".
const SAME_CLAIM: f32 = 0.45;
/// The same, for claims in sentences another section already aligned.
const LINKED_CLAIM: f32 = 0.2;

/// Aligned claims: rows (differing stances first, then shared, then each side's own) and
/// the number of disputes — stances that differ, and denials only one side reports.
pub(crate) fn align_claims(
    la: &Article,
    ra: &Article,
    l: &[Said],
    r: &[Said],
    (lj, rj): (JoinList<'_>, JoinList<'_>),
    links: &Links,
) -> (Vec<Row>, usize) {
    let cands = candidates(l, r, lj, rj, links)
        .into_iter()
        .filter_map(|(i, j)| {
            let (a, b) = (&l[i], &r[j]);
            let mut overlap = set_cosine(&a.content, &b.content);
            if overlap < SAME_CLAIM {
                overlap = overlap.max(seq_similarity(&a.words, &b.words));
            }
            let need = if links.contains(&(a.sentence, b.sentence)) {
                LINKED_CLAIM
            } else {
                SAME_CLAIM
            };
            if overlap < need {
                return None;
            }
            let bonus = if same_speaker(a, b) { 0.2 } else { 0.0 };
            // "shared" only when stance, numbers, dates, names and negation agree; the same
            // subject told otherwise is a disagreement
            let st = if a.deny == b.deny && a.marks.agree(&b.marks) {
                Status::Shared
            } else {
                Status::Differs
            };
            Some((overlap + bonus, i, j, st))
        })
        .collect();
    let (lp, ru) = pair_up(cands, l.len(), r.len());
    let mut rows = Vec::new();
    let mut disputes = 0;
    for (i, c) in la.claims.iter().enumerate() {
        rows.push(match lp[i] {
            Some((j, st)) => {
                let d = &ra.claims[j];
                if st == Status::Differs {
                    disputes += 1;
                }
                Row {
                    status: st,
                    left: Some(c.text.clone()),
                    right: Some(d.text.clone()),
                    left_sentence: Some(c.sentence),
                    right_sentence: Some(d.sentence),
                }
            }
            None => {
                if l[i].deny {
                    disputes += 1;
                }
                Row {
                    status: Status::LeftOnly,
                    left: Some(c.text.clone()),
                    right: None,
                    left_sentence: Some(c.sentence),
                    right_sentence: None,
                }
            }
        });
    }
    for (j, d) in ra.claims.iter().enumerate() {
        if !ru[j] {
            if r[j].deny {
                disputes += 1;
            }
            rows.push(Row {
                status: Status::RightOnly,
                left: None,
                right: Some(d.text.clone()),
                left_sentence: None,
                right_sentence: Some(d.sentence),
            });
        }
    }
    rows.sort_by_key(|r| r.status.rank());
    (rows, disputes)
}

#[cfg(test)]
mod tests {
    use crate::model::{Article, Claim, Quote, QuoteKind, Stance, Status};

    fn quote(speaker: &str, text: &str, kind: QuoteKind) -> Quote {
        Quote {
            speaker: Some(speaker.into()),
            text: text.into(),
            kind,
            ..Quote::default()
        }
    }

    fn with_quotes(quotes: Vec<Quote>) -> Article {
        Article {
            quotes,
            ..Article::default()
        }
    }

    fn statuses(a: &Article, b: &Article) -> Vec<(Status, Option<String>, Option<String>)> {
        super::super::compare(a, b)
            .quotes
            .into_iter()
            .map(|q| (q.status, q.left, q.right))
            .collect()
    }

    #[test]
    fn verbatim_partial_reworded_and_only_quotes() {
        use QuoteKind::*;
        let a = with_quotes(vec![
            quote(
                "Anna Berg",
                "We will rebuild every house on this street before winter comes",
                Direct,
            ),
            quote(
                "Anna Berg",
                "The river has never risen this fast in living memory",
                Direct,
            ),
            quote("Tom Reyes", "Nobody warned us about the dam", Direct),
            quote("Lena Ostrova", "Taxes will not rise next year", Direct),
        ]);
        let b = with_quotes(vec![
            quote("Berg", "We will rebuild every house on this street", Direct),
            quote(
                "Mayor Anna Berg",
                "Never in living memory has the river risen so fast",
                Direct,
            ),
            quote(
                "Lena Ostrova",
                "the budget would be balanced by cuts",
                Indirect,
            ),
        ]);
        let r = statuses(&a, &b);
        let has = |st: Status, l: &str| {
            r.iter()
                .any(|(s, x, _)| *s == st && x.as_deref().is_some_and(|x| x.starts_with(l)))
        };
        assert!(has(Status::Shared, "We will rebuild"), "{r:?}");
        assert!(has(Status::Reworded, "The river has never"), "{r:?}");
        assert!(has(Status::LeftOnly, "Nobody warned"), "{r:?}");
        assert!(has(Status::LeftOnly, "Taxes will not"), "{r:?}");
        assert!(
            r.iter().any(|(s, _, y)| *s == Status::RightOnly
                && y.as_deref() == Some("the budget would be balanced by cuts")),
            "{r:?}"
        );
        assert_eq!(r[0].0, Status::Reworded, "reworded quotes come first");
        assert_eq!(super::super::compare(&a, &b).summary.reworded, 1);
    }

    #[test]
    fn a_quote_and_its_paraphrase_are_the_same_statement_reworded() {
        let a = with_quotes(vec![quote(
            "Anna Berg",
            "The river has never risen this fast",
            QuoteKind::Direct,
        )]);
        let b = with_quotes(vec![quote(
            "Anna Berg",
            "the river had never risen so fast",
            QuoteKind::Indirect,
        )]);
        assert_eq!(statuses(&a, &b)[0].0, Status::Reworded);
    }

    #[test]
    fn one_word_changed_is_reworded_and_only_the_same_words_are_shared() {
        use QuoteKind::Direct;
        let a = with_quotes(vec![
            quote(
                "Mara Quill",
                "the councillors who had voiced their doubts will be heard",
                Direct,
            ),
            quote("Mara Quill", "We stand by every word of the report", Direct),
        ]);
        let b = with_quotes(vec![
            quote(
                "Quill",
                "the councillors who have voiced their doubts will be heard",
                Direct,
            ),
            quote(
                "Mara Quill",
                "We stand by every word of the report.",
                Direct,
            ),
        ]);
        let r = statuses(&a, &b);
        assert!(
            r.iter().any(|(s, l, _)| *s == Status::Reworded
                && l.as_deref().is_some_and(|l| l.contains("had voiced"))),
            "{r:?}"
        );
        assert!(
            r.iter().any(|(s, l, _)| *s == Status::Shared
                && l.as_deref().is_some_and(|l| l.starts_with("We stand"))),
            "{r:?}"
        );
    }

    #[test]
    fn the_same_words_by_another_speaker_are_not_a_rewording() {
        use QuoteKind::Direct;
        let a = with_quotes(vec![quote(
            "Mara Quill",
            "the harbour must stay open to fishing boats all year",
            Direct,
        )]);
        let b = with_quotes(vec![quote(
            "Otto Brandt",
            "the harbour must stay open to fishing boats in summer",
            Direct,
        )]);
        let st: Vec<Status> = statuses(&a, &b).iter().map(|r| r.0).collect();
        assert_eq!(st, [Status::LeftOnly, Status::RightOnly]);
    }

    #[test]
    fn a_quotation_split_in_two_joins_the_whole_of_it() {
        let mut a = with_quotes(vec![
            Quote {
                speaker: None,
                text: "You saved with us for years, every month".into(),
                sentence: 4,
                ..Quote::default()
            },
            Quote {
                speaker: None,
                text: "Now the fund has lost half of it in a single week".into(),
                sentence: 5,
                ..Quote::default()
            },
        ]);
        a.sentences = Vec::new();
        let b = with_quotes(vec![Quote {
            speaker: None,
            text: "You saved with us for many years … now the fund has lost half of it in a single week"
                .into(),
            sentence: 9,
            ..Quote::default()
        }]);
        let r = statuses(&a, &b);
        assert!(
            r.iter().any(|(s, l, _)| *s == Status::Reworded
                && l.as_deref().is_some_and(|l| l.starts_with("You saved"))),
            "{r:?}"
        );
        assert!(
            r.iter().any(|(s, l, _)| *s == Status::Shared
                && l.as_deref().is_some_and(|l| l.starts_with("Now the fund"))),
            "{r:?}"
        );
        assert!(!r.iter().any(|(s, _, _)| *s == Status::RightOnly), "{r:?}");
    }

    #[test]
    fn claims_that_differ_in_a_number_a_name_or_a_negation_are_never_shared() {
        let claim = |text: &str| Claim {
            id: "c1".into(),
            claimant: Some("Harbour Authority".into()),
            text: text.into(),
            ..Claim::default()
        };
        let pairs = [
            (
                "French troops were still holding the northern part of the port",
                "German troops were still holding the northern part of the port",
            ),
            (
                "the troops of Northland were still holding the northern part of the port",
                "the troops of Southland were still holding the northern part of the port",
            ),
            (
                "the ferry carried 40 passengers when it ran aground",
                "the ferry carried 60 passengers when it ran aground",
            ),
            (
                "the ferry was inspected before it ran aground",
                "the ferry was not inspected before it ran aground",
            ),
            (
                "the captain wrote to the owners in March about the engines",
                "the captain wrote to the owners in June about the engines",
            ),
        ];
        for (x, y) in pairs {
            let a = Article {
                claims: vec![claim(x)],
                ..Article::default()
            };
            let b = Article {
                claims: vec![claim(y)],
                ..Article::default()
            };
            let c = super::super::compare(&a, &b);
            assert_eq!(
                c.claims.iter().map(|r| r.status).collect::<Vec<_>>(),
                [Status::Differs],
                "{x} / {y}"
            );
        }
        let a = Article {
            claims: vec![claim("the ferry carried 40 passengers when it ran aground")],
            ..Article::default()
        };
        let b = Article {
            claims: vec![claim(
                "the ferry carried 40 passengers when it ran aground on Sunday",
            )],
            ..Article::default()
        };
        assert_eq!(
            super::super::compare(&a, &b).claims[0].status,
            Status::Shared
        );
    }

    #[test]
    fn claims_with_opposite_stances_differ_and_lone_denials_count() {
        let claim = |id: &str, who: &str, text: &str, stance| Claim {
            id: id.into(),
            claimant: Some(who.into()),
            text: text.into(),
            stance,
            ..Claim::default()
        };
        let a = Article {
            claims: vec![
                claim(
                    "c1",
                    "Northland army",
                    "its troops captured the river port of Velm",
                    Stance::Assert,
                ),
                claim(
                    "c2",
                    "Southland ministry",
                    "no civilians were in the shelled market",
                    Stance::Deny,
                ),
            ],
            ..Article::default()
        };
        let b = Article {
            claims: vec![claim(
                "c1",
                "Southland army",
                "troops captured the river port of Velm",
                Stance::Deny,
            )],
            ..Article::default()
        };
        let c = super::super::compare(&a, &b);
        let st: Vec<Status> = c.claims.iter().map(|r| r.status).collect();
        assert_eq!(st, [Status::Differs, Status::LeftOnly]);
        assert_eq!(c.summary.disputes, 2);
    }
}

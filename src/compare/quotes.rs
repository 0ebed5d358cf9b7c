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

use crate::model::{Article, QuoteKind, QuoteRow, Row, Stance, Status};

use super::names::{NameForm, person_form_score};
use super::words::{
    common_sorted, content_set, lcs_len, seq_similarity, set_cosine, sorted, word_hashes,
};

/// A quote or claim reduced for matching.
#[derive(Debug, Clone)]
pub(crate) struct Said {
    pub words: Vec<u64>,
    /// The words sorted: their overlap bounds the word-for-word similarity.
    pub sorted: Vec<u64>,
    pub content: Vec<u64>,
    pub speaker: Option<NameForm>,
    pub direct: bool,
    pub deny: bool,
}

fn said(text: &str, speaker: Option<&str>, direct: bool, deny: bool) -> Said {
    let words = word_hashes(text);
    Said {
        sorted: sorted(&words),
        words,
        content: content_set(text),
        speaker: speaker.and_then(|s| NameForm::person(s).or_else(|| NameForm::organisation(s))),
        direct,
        deny,
    }
}

pub(crate) fn quote_keys(a: &Article) -> Vec<Said> {
    a.quotes
        .iter()
        .map(|q| {
            said(
                &q.text,
                q.speaker.as_deref(),
                q.kind == QuoteKind::Direct,
                false,
            )
        })
        .collect()
}

pub(crate) fn claim_keys(a: &Article) -> Vec<Said> {
    a.claims
        .iter()
        .map(|c| {
            said(
                &c.text,
                c.claimant.as_deref(),
                false,
                c.stance == Stance::Deny,
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

/// Pairs of items with at least `min` content words in common (or any, for short items).
fn candidates(l: &[Said], r: &[Said], lj: &[(u64, u32)], rj: &[(u64, u32)]) -> Vec<(usize, usize)> {
    let pairs = super::names::join(lj, rj);
    pairs
        .into_iter()
        .map(|(i, j)| (i as usize, j as usize))
        .filter(|&(i, j)| {
            let n = common_sorted(&l[i].content, &r[j].content);
            n >= 2 || l[i].content.len().min(r[j].content.len()) <= 2
        })
        .collect()
}

/// Is one speaker the other (by the rules for person names, or one organisation name)?
fn same_speaker(a: &Said, b: &Said) -> bool {
    match (&a.speaker, &b.speaker) {
        (Some(x), Some(y)) => x.squash == y.squash || person_form_score(x, y) > 0.0,
        _ => false,
    }
}

/// Word-for-word similarity thresholds.
const VERBATIM: f32 = 0.8;
/// The shorter quote inside the longer, word for word, for this share of its words.
const CONTAINED: f32 = 0.85;
/// Content overlap for "the same statement in other words".
const SAME_STATEMENT: f32 = 0.35;

/// How two quotes relate: (status, score), or nothing.
fn relate_quotes(a: &Said, b: &Said) -> Option<(Status, f32)> {
    let short = a.words.len().min(b.words.len());
    let common = common_sorted(&a.sorted, &b.sorted) as f32;
    let total = (a.words.len() + b.words.len()).max(1) as f32;
    // the word overlap bounds both measures: skip the table when neither can pass
    if 2.0 * common / total >= VERBATIM || (short >= 5 && common / short as f32 >= CONTAINED) {
        let lcs = lcs_len(&a.words, &b.words) as f32;
        let sim = 2.0 * lcs / total;
        if sim >= VERBATIM || (short >= 5 && lcs / short as f32 >= CONTAINED) {
            return Some((Status::Shared, 2.0 + sim));
        }
    }
    let overlap = set_cosine(&a.content, &b.content);
    if same_speaker(a, b) && overlap >= SAME_STATEMENT {
        let status = if a.direct && b.direct {
            Status::Reworded
        } else {
            Status::Shared
        };
        return Some((status, 1.0 + overlap));
    }
    None
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
pub(crate) fn align_quotes(
    la: &Article,
    ra: &Article,
    l: &[Said],
    r: &[Said],
    lj: &[(u64, u32)],
    rj: &[(u64, u32)],
) -> (Vec<QuoteRow>, usize) {
    let cands = candidates(l, r, lj, rj)
        .into_iter()
        .filter_map(|(i, j)| relate_quotes(&l[i], &r[j]).map(|(st, s)| (s, i, j, st)))
        .collect();
    let (lp, ru) = pair_up(cands, l.len(), r.len());
    let mut rows: Vec<QuoteRow> = Vec::new();
    for (i, q) in la.quotes.iter().enumerate() {
        rows.push(match lp[i] {
            Some((j, st)) => {
                let p = &ra.quotes[j];
                QuoteRow {
                    status: st,
                    speaker: q.speaker.clone().or_else(|| p.speaker.clone()),
                    left: Some(q.text.clone()),
                    right: Some(p.text.clone()),
                    left_sentence: Some(q.sentence),
                    right_sentence: Some(p.sentence),
                }
            }
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

/// Content overlap for "the same claim".
const SAME_CLAIM: f32 = 0.45;

/// Aligned claims: rows (differing stances first, then shared, then each side's own) and
/// the number of disputes — stances that differ, and denials only one side reports.
pub(crate) fn align_claims(
    la: &Article,
    ra: &Article,
    l: &[Said],
    r: &[Said],
    lj: &[(u64, u32)],
    rj: &[(u64, u32)],
) -> (Vec<Row>, usize) {
    let cands = candidates(l, r, lj, rj)
        .into_iter()
        .filter_map(|(i, j)| {
            let (a, b) = (&l[i], &r[j]);
            let mut overlap = set_cosine(&a.content, &b.content);
            if overlap < SAME_CLAIM {
                overlap = overlap.max(seq_similarity(&a.words, &b.words));
            }
            if overlap < SAME_CLAIM {
                return None;
            }
            let bonus = if same_speaker(a, b) { 0.2 } else { 0.0 };
            let st = if a.deny == b.deny {
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
    fn a_quote_and_its_paraphrase_are_the_same_statement() {
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
        assert_eq!(statuses(&a, &b)[0].0, Status::Shared);
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

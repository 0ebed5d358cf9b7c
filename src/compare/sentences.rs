//! Sentences across two articles: near-identical sentences (wire copy reused) aligned one
//! to one, and the word-level differences of a pair.

use std::ops::Range;

use crate::analyse::tokens;
use crate::model::{Article, SentencePair};

use super::rules::RULES;
use super::words::{common_sorted, fold_word, folded_words, hash, seq_similarity, sorted};

/// Per-sentence word hashes and the article's word-pair index.
#[derive(Debug, Clone, Default)]
pub(crate) struct SentenceKeys {
    words: Vec<Vec<u64>>,
    /// The same words sorted: their overlap bounds the similarity before it is computed.
    sorted: Vec<Vec<u64>>,
    /// (hash of two consecutive words, sentence), sorted; pairs of two function words are
    /// left out, they say nothing about which sentence is which.
    bigrams: Vec<(u64, u32)>,
    /// Distinct indexed word pairs per sentence.
    counts: Vec<u32>,
}

impl SentenceKeys {
    pub fn len(&self) -> usize {
        self.words.len()
    }
}

pub(crate) fn keys(a: &Article) -> SentenceKeys {
    let mut words = Vec::with_capacity(a.sentences.len());
    let mut bigrams = Vec::new();
    let mut counts = Vec::with_capacity(a.sentences.len());
    for (si, s) in a.sentences.iter().enumerate() {
        let w = folded_words(&s.text);
        let mut own: Vec<u64> = w
            .windows(2)
            .filter(|p| !(RULES.stopwords.contains(&p[0]) && RULES.stopwords.contains(&p[1])))
            .map(|p| hash(&format!("{} {}", p[0], p[1])))
            .collect();
        if w.len() == 1 {
            own.push(hash(&w[0]));
        }
        own.sort_unstable();
        own.dedup();
        counts.push(own.len() as u32);
        bigrams.extend(own.into_iter().map(|h| (h, si as u32)));
        words.push(w.iter().map(|x| hash(x)).collect::<Vec<u64>>());
    }
    bigrams.sort_unstable();
    SentenceKeys {
        sorted: words.iter().map(|w| sorted(w)).collect(),
        words,
        bigrams,
        counts,
    }
}

/// Sentence pairs a shared word pair may propose, at most.
const MAX_PAIRS_PER_BIGRAM: usize = 16;

/// The least word-level similarity of an aligned pair.
pub const MIN_SIMILARITY: f32 = 0.6;

/// Align near-identical sentences: candidates share word pairs (a merge of two sorted
/// lists), similarity is 2·LCS/(|a|+|b|) over words, and pairs are taken best first, one
/// to one, then listed in the left article's order.
pub(crate) fn align(l: &SentenceKeys, r: &SentenceKeys) -> Vec<SentencePair> {
    let (a, b) = (&l.bigrams, &r.bigrams);
    let mut hits: Vec<(u32, u32)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let h = a[i].0;
                let i_end = i + a[i..].iter().take_while(|x| x.0 == h).count();
                let j_end = j + b[j..].iter().take_while(|x| x.0 == h).count();
                // a word pair in many sentences of both says little about which is which
                if (i_end - i) * (j_end - j) <= MAX_PAIRS_PER_BIGRAM {
                    for x in &a[i..i_end] {
                        for y in &b[j..j_end] {
                            hits.push((x.1, y.1));
                        }
                    }
                }
                i = i_end;
                j = j_end;
            }
        }
    }
    hits.sort_unstable();
    let mut cands: Vec<(f32, u32, u32)> = Vec::new();
    let mut k = 0;
    while k < hits.len() {
        let p = hits[k];
        let n = hits[k..].iter().take_while(|&&x| x == p).count() as u32;
        k += n as usize;
        let (si, sj) = (p.0 as usize, p.1 as usize);
        let fewest = l.counts[si].min(r.counts[sj]);
        let (wa, wb) = (&l.words[si], &r.words[sj]);
        let bound = 2.0 * common_sorted(&l.sorted[si], &r.sorted[sj]) as f32
            / (wa.len() + wb.len()).max(1) as f32;
        if (n >= 2 || fewest <= 3) && bound >= MIN_SIMILARITY {
            // a sentence printed word for word needs no table
            let sim = if wa == wb {
                1.0
            } else {
                seq_similarity(wa, wb)
            };
            if sim >= MIN_SIMILARITY {
                cands.push((sim, p.0, p.1));
            }
        }
    }
    cands.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    let mut lused = vec![false; l.len()];
    let mut rused = vec![false; r.len()];
    let mut out = Vec::new();
    for (sim, si, sj) in cands {
        let (si, sj) = (si as usize, sj as usize);
        if !lused[si] && !rused[sj] {
            lused[si] = true;
            rused[sj] = true;
            out.push(SentencePair {
                left: si,
                right: sj,
                similarity: (sim * 1000.0).round() / 1000.0,
            });
        }
    }
    out.sort_by_key(|p| (p.left, p.right));
    out
}

/// One segment of a word-level difference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DiffKind {
    /// In both texts (the slice is the left text's).
    Same,
    /// Only in the left text.
    Removed,
    /// Only in the right text.
    Added,
}

/// Above this many table cells (after the common start and end are set aside) the middle
/// of the two texts is shown as removed and added whole, so that a huge input cannot cost
/// quadratic time or memory.
const DIFF_MAX_CELLS: usize = 1 << 20;

/// Word-level differences between two texts, for showing an aligned pair side by side:
/// "a road and rail junction" against "a road and rail hub" gives `Same("a road and rail ")`,
/// `Removed("junction ")`, `Added("hub ")`.
///
/// Words, numbers and punctuation marks are compared case-insensitively, with curly and
/// straight quotes alike. Each segment is a slice of its own text and carries the
/// whitespace after it, so the `Same` and `Removed` segments concatenated are exactly `a`,
/// and the `Added` segments are the parts of `b` that `a` lacks. Where a word was replaced,
/// the removal comes before the addition.
pub fn diff_words<'a>(a: &'a str, b: &'a str) -> Vec<(DiffKind, &'a str)> {
    diff_spans(a, b)
        .into_iter()
        .map(|(k, r)| (k, if k == DiffKind::Added { &b[r] } else { &a[r] }))
        .collect()
}

/// The segments of [`diff_words`] as byte ranges: into `b` for `Added`, into `a` otherwise.
/// A renderer that needs the surroundings of a segment (the space before an addition, say)
/// reads them from the ranges.
pub fn diff_spans(a: &str, b: &str) -> Vec<(DiffKind, Range<usize>)> {
    let (ta, tb) = (tokens::tokenize(a), tokens::tokenize(b));
    // each token's piece runs from its start to the next token's start; the first piece
    // also holds any leading whitespace
    let pieces = |s: &str, t: &[tokens::Token]| -> Vec<Range<usize>> {
        (0..t.len())
            .map(|k| {
                let start = if k == 0 { 0 } else { t[k].start as usize };
                let end = t.get(k + 1).map_or(s.len(), |n| n.start as usize);
                start..end
            })
            .collect()
    };
    let (pa, pb) = (pieces(a, &ta), pieces(b, &tb));
    let fa: Vec<String> = ta.iter().map(|t| fold_word(t.text(a))).collect();
    let fb: Vec<String> = tb.iter().map(|t| fold_word(t.text(b))).collect();

    // consecutive pieces of one kind merge into one range
    let mut out: Vec<(DiffKind, Range<usize>)> = Vec::new();
    if ta.is_empty() && !a.is_empty() {
        out.push((DiffKind::Removed, 0..a.len()));
    }
    let (mut i, mut j) = (0, 0);
    for op in edit_script(&fa, &fb) {
        let piece = match op {
            DiffKind::Same | DiffKind::Removed => pa[i].clone(),
            DiffKind::Added => pb[j].clone(),
        };
        match op {
            DiffKind::Same => (i, j) = (i + 1, j + 1),
            DiffKind::Removed => i += 1,
            DiffKind::Added => j += 1,
        }
        match out.last_mut() {
            Some(last) if last.0 == op && last.1.end == piece.start => last.1.end = piece.end,
            _ => out.push((op, piece)),
        }
    }
    if tb.is_empty() && !b.is_empty() {
        out.push((DiffKind::Added, 0..b.len()));
    }
    out
}

/// The edit script turning `a` into `b`, one operation per token: the common start and
/// end, and between them a longest common subsequence (removals before additions).
pub(crate) fn edit_script(a: &[String], b: &[String]) -> Vec<DiffKind> {
    let pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suf = a[pre..]
        .iter()
        .rev()
        .zip(b[pre..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (ma, mb) = (&a[pre..a.len() - suf], &b[pre..b.len() - suf]);
    let mut ops = vec![DiffKind::Same; pre];
    let (n, m) = (ma.len(), mb.len());
    if (n + 1) * (m + 1) > DIFF_MAX_CELLS {
        ops.extend(std::iter::repeat_n(DiffKind::Removed, n));
        ops.extend(std::iter::repeat_n(DiffKind::Added, m));
    } else {
        // table[i][j] = LCS of ma[i..] and mb[j..]
        let w = m + 1;
        let mut t = vec![0u32; (n + 1) * w];
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                t[i * w + j] = if ma[i] == mb[j] {
                    t[(i + 1) * w + j + 1] + 1
                } else {
                    t[(i + 1) * w + j].max(t[i * w + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < n || j < m {
            if i < n && j < m && ma[i] == mb[j] {
                ops.push(DiffKind::Same);
                i += 1;
                j += 1;
            } else if i < n && (j == m || t[(i + 1) * w + j] >= t[i * w + j + 1]) {
                ops.push(DiffKind::Removed);
                i += 1;
            } else {
                ops.push(DiffKind::Added);
                j += 1;
            }
        }
    }
    ops.extend(std::iter::repeat_n(DiffKind::Same, suf));
    ops
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn article(sentences: &[&str]) -> Article {
        Article::of_sentences(sentences)
    }

    #[test]
    fn diff_marks_a_replaced_word() {
        let d = diff_words(
            "The port is a road and rail junction in the north.",
            "The port is a road and rail hub in the north.",
        );
        assert_eq!(
            d,
            [
                (DiffKind::Same, "The port is a road and rail "),
                (DiffKind::Removed, "junction "),
                (DiffKind::Added, "hub "),
                (DiffKind::Same, "in the north."),
            ]
        );
    }

    #[test]
    fn diff_ignores_case_and_quote_style() {
        let d = diff_words("It’s “final”", "it's \"final\"");
        assert!(d.iter().all(|(k, _)| *k == DiffKind::Same), "{d:?}");
    }

    #[test]
    fn diff_of_empty_and_whitespace() {
        assert!(diff_words("", "").is_empty());
        assert_eq!(
            diff_words("", "new words"),
            [(DiffKind::Added, "new words")]
        );
        assert_eq!(diff_words("old", ""), [(DiffKind::Removed, "old")]);
        assert_eq!(
            diff_words("  ", "x"),
            [(DiffKind::Removed, "  "), (DiffKind::Added, "x")]
        );
    }

    #[test]
    fn huge_inputs_stay_bounded() {
        let a = "word ".repeat(5000);
        let b = "other ".repeat(5000);
        let d = diff_words(&a, &b);
        assert_eq!(
            d,
            [
                (DiffKind::Removed, a.as_str()),
                (DiffKind::Added, b.as_str())
            ]
        );
    }

    proptest! {
        #[test]
        fn same_and_removed_rebuild_the_left_text(a in "[a-c ,.]{0,40}", b in "[a-c ,.]{0,40}") {
            let d = diff_words(&a, &b);
            let left: String = d.iter().filter(|(k, _)| *k != DiffKind::Added).map(|(_, s)| *s).collect();
            prop_assert_eq!(left, a.clone());
            // every added piece is a slice of b, in order
            let mut rest = b.as_str();
            for (_, s) in d.iter().filter(|(k, _)| *k == DiffKind::Added) {
                let at = rest.find(s);
                prop_assert!(at.is_some());
                rest = &rest[at.unwrap_or(0) + s.len()..];
            }
        }
    }

    #[test]
    fn aligns_reused_sentences_one_to_one() {
        let l = article(&[
            "Where is the harbour?",
            "The harbour is a road and rail junction in the north with some 8,000 people.",
            "It was shelled overnight, officials said.",
            "The mayor resigned.",
        ]);
        let r = article(&[
            "What is the harbour?",
            "Officials gave no figures.",
            "The harbour is a road and rail hub in the north with some 8,000 people.",
            "The mayor resigned on Friday after a long dispute with the council.",
        ]);
        let pairs = align(&keys(&l), &keys(&r));
        let idx: Vec<(usize, usize)> = pairs.iter().map(|p| (p.left, p.right)).collect();
        assert_eq!(idx, [(0, 0), (1, 2)], "{pairs:?}");
        assert!(pairs[1].similarity > 0.9);
    }
}

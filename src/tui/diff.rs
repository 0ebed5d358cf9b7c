//! Word-level differences between two sentences, for the Compare tab: a longest common
//! subsequence over words (compared case- and punctuation-insensitively).

use std::ops::Range;

/// Above this many words per side the sentences are not diffed word by word (the table would
/// be big and such "sentences" are rarely worth it); every word then counts as changed.
const MAX_WORDS: usize = 400;

/// A run of text and whether it is absent from the other side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub changed: bool,
}

/// Split `a` and `b` into pieces; words present in both (in order) are unchanged.
pub fn words(a: &str, b: &str) -> (Vec<Piece>, Vec<Piece>) {
    let wa = split(a);
    let wb = split(b);
    let ka: Vec<String> = wa.iter().map(|r| key(&a[r.clone()])).collect();
    let kb: Vec<String> = wb.iter().map(|r| key(&b[r.clone()])).collect();
    let (keep_a, keep_b) = if wa.len() > MAX_WORDS || wb.len() > MAX_WORDS {
        (vec![false; wa.len()], vec![false; wb.len()])
    } else {
        lcs(&ka, &kb)
    };
    (pieces(a, &wa, &keep_a), pieces(b, &wb, &keep_b))
}

/// Byte ranges of the words (runs of non-whitespace).
fn split(s: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(st)) => {
                out.push(st..i);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push(st..s.len());
    }
    out
}

/// A word as compared: folded, without surrounding punctuation.
fn key(w: &str) -> String {
    let f = crate::text::fold(w);
    let t = f.trim_matches(|c: char| !c.is_alphanumeric());
    if t.is_empty() { f } else { t.to_owned() }
}

/// Which words of each side belong to a longest common subsequence.
fn lcs(a: &[String], b: &[String]) -> (Vec<bool>, Vec<bool>) {
    let (n, m) = (a.len(), b.len());
    // table[i][j] = LCS length of a[i..] and b[j..]
    let mut table = vec![0u16; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[at(i, j)] = if a[i] == b[j] {
                table[at(i + 1, j + 1)] + 1
            } else {
                table[at(i + 1, j)].max(table[at(i, j + 1)])
            };
        }
    }
    let (mut keep_a, mut keep_b) = (vec![false; n], vec![false; m]);
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if a[i] == b[j] {
            keep_a[i] = true;
            keep_b[j] = true;
            i += 1;
            j += 1;
        } else if table[at(i + 1, j)] >= table[at(i, j + 1)] {
            i += 1;
        } else {
            j += 1;
        }
    }
    (keep_a, keep_b)
}

/// Merge words (and the spaces between them) into runs of equal `changed`.
fn pieces(s: &str, words: &[Range<usize>], keep: &[bool]) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    for (k, r) in words.iter().enumerate() {
        let changed = !keep[k];
        let gap_start = if k == 0 { 0 } else { words[k - 1].end };
        let gap = &s[gap_start..r.start];
        match out.last_mut() {
            Some(last) if last.changed == changed => {
                last.text.push_str(gap);
                last.text.push_str(&s[r.clone()]);
            }
            // a space is never marked: it goes with the unchanged neighbour
            Some(last) if last.changed => out.push(Piece {
                text: format!("{gap}{}", &s[r.clone()]),
                changed,
            }),
            Some(last) => {
                last.text.push_str(gap);
                out.push(Piece {
                    text: s[r.clone()].to_owned(),
                    changed,
                });
            }
            None => out.push(Piece {
                text: format!("{gap}{}", &s[r.clone()]),
                changed,
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(p: &[Piece]) -> String {
        p.iter()
            .map(|p| {
                if p.changed {
                    format!("[{}]", p.text)
                } else {
                    p.text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn marks_the_words_that_differ() {
        let (a, b) = words(
            "About 60,000 people lived in Pokrovsk before the war.",
            "Some 60,000 people lived in the city before the war began.",
        );
        assert_eq!(
            render(&a),
            "[About] 60,000 people lived in [Pokrovsk] before the war."
        );
        assert_eq!(
            render(&b),
            "[Some] 60,000 people lived in [the city] before the war [began.]"
        );
    }

    #[test]
    fn identical_and_empty_inputs() {
        let (a, b) = words("Same words here.", "same words here");
        assert!(a.iter().all(|p| !p.changed));
        assert!(b.iter().all(|p| !p.changed));
        let (a, b) = words("", "new");
        assert!(a.is_empty());
        assert_eq!(render(&b), "[new]");
    }
}

//! Paragraphs too long to be paragraphs: a text file that is one line of a megabyte, a
//! page whose markup joined every paragraph. The attribution stages look back over the
//! mentions and statements of a paragraph, which is cheap for a paragraph of news and
//! quadratic for a megabyte; cutting such a paragraph into runs of whole sentences keeps the
//! analysis linear in the article's length and changes nothing for real paragraphs.

use super::{sentences, tokens};

/// A paragraph longer than this (bytes) is cut.
pub const MAX_PARAGRAPH: usize = 16 * 1024;

/// The length (bytes) a cut paragraph's pieces aim at: whole sentences up to about this.
const PIECE: usize = 8 * 1024;

/// Cut every paragraph longer than [`MAX_PARAGRAPH`] into pieces of whole sentences (a
/// sentence longer than that on its own is cut between words). Every word is kept, in order.
pub fn split_long(paragraphs: Vec<String>) -> Vec<String> {
    if paragraphs.iter().all(|p| p.len() <= MAX_PARAGRAPH) {
        return paragraphs;
    }
    let mut out = Vec::with_capacity(paragraphs.len());
    for p in paragraphs {
        if p.len() <= MAX_PARAGRAPH {
            out.push(p);
            continue;
        }
        let toks = tokens::tokenize(&p);
        let sents = sentences::split(&p, &toks);
        let mut from = 0;
        let cut = |at: usize, from: &mut usize, out: &mut Vec<String>| {
            let piece = p[*from..at].trim();
            if !piece.is_empty() {
                out.push(piece.to_owned());
            }
            *from = at;
        };
        for r in &sents {
            let Some(first) = toks.get(r.start) else {
                continue;
            };
            let start = first.start as usize;
            if start - from >= PIECE {
                cut(start, &mut from, &mut out);
            }
            // one sentence longer than a paragraph may be: cut it between words
            for t in &toks[r.clone()] {
                let at = t.start as usize;
                if at - from >= MAX_PARAGRAPH && t.space_before {
                    cut(at, &mut from, &mut out);
                }
            }
        }
        cut(p.len(), &mut from, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_paragraphs_are_left_alone() {
        let ps = vec!["One. Two.".to_owned(), "Three.".to_owned()];
        assert_eq!(split_long(ps.clone()), ps);
    }

    #[test]
    fn a_long_paragraph_is_cut_between_sentences_and_keeps_every_word() {
        let sentence = |i: usize| format!("Witness number {i} said the bridge was closed.");
        let text: Vec<String> = (0..2000).map(sentence).collect();
        let long = text.join(" ");
        let out = split_long(vec!["Short.".to_owned(), long.clone()]);
        assert!(out.len() > 3, "{}", out.len());
        assert_eq!(out[0], "Short.");
        assert!(out.iter().all(|p| p.len() <= MAX_PARAGRAPH));
        // cut only between sentences
        assert!(
            out[1..]
                .iter()
                .all(|p| p.starts_with("Witness") && p.ends_with('.'))
        );
        assert_eq!(out[1..].join(" "), long);
    }

    #[test]
    fn one_endless_sentence_is_cut_between_words() {
        let long = "word ".repeat(20_000);
        let out = split_long(vec![long.clone()]);
        assert!(out.len() >= 5);
        assert!(out.iter().all(|p| p.len() <= MAX_PARAGRAPH + 16));
        assert_eq!(out.join(" "), long.trim());
    }
}

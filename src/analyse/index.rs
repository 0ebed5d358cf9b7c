//! Lookups the attribution stages make again and again, built once per article: each
//! paragraph in lower case (at the same byte offsets, so a token's range reads its lower-case
//! form without allocating), the sentence of a token, and the mentions of a paragraph.

use std::ops::Range;

use super::Doc;
use super::names::Mention;

/// Lower-case `text` keeping every byte offset: characters whose lower case would change
/// their encoded length (a handful outside ASCII) stay as they are.
pub fn lowered(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let mut l = c.to_lowercase();
        match (l.next(), l.next()) {
            (Some(x), None) if x.len_utf8() == c.len_utf8() => out.push(x),
            _ => out.push(c),
        }
    }
    out
}

/// Per-article lookup tables.
#[derive(Debug, Default)]
pub struct Index {
    lower: Vec<String>,
    /// Index of the first sentence of each paragraph (and one past the end).
    first_sentence: Vec<usize>,
    /// The mentions of each paragraph, as a range into the article's mentions.
    mentions: Vec<Range<usize>>,
}

impl Index {
    pub fn new(doc: &Doc<'_>, mentions: &[Mention]) -> Index {
        let lower = doc.paras.iter().map(|p| lowered(p.text)).collect();
        let mut first_sentence = Vec::with_capacity(doc.paras.len() + 1);
        let mut s = 0;
        for p in &doc.paras {
            first_sentence.push(s);
            s += p.sentences.len();
        }
        first_sentence.push(s);
        // mentions come in text order: each paragraph's run follows the previous one
        let mut ranges = Vec::with_capacity(doc.paras.len());
        let mut i = 0;
        for p in 0..doc.paras.len() {
            let start = i;
            while i < mentions.len() && mentions[i].para == p {
                i += 1;
            }
            ranges.push(start..i);
        }
        Index {
            lower,
            first_sentence,
            mentions: ranges,
        }
    }

    /// Token `i` of paragraph `pi`, in lower case.
    pub fn lower<'a>(&'a self, doc: &Doc<'_>, pi: usize, i: usize) -> &'a str {
        let t = &doc.paras[pi].tokens[i];
        &self.lower[pi][t.range()]
    }

    /// The sentence (article index) that holds token `tok` of paragraph `pi`.
    pub fn sentence_of(&self, doc: &Doc<'_>, pi: usize, tok: usize) -> usize {
        let ss = &doc.paras[pi].sentences;
        let k = ss
            .partition_point(|r| r.end <= tok)
            .min(ss.len().saturating_sub(1));
        self.first_sentence[pi] + k
    }

    /// Mentions of paragraph `pi`, as indices into the article's mentions.
    pub fn mentions_in(&self, pi: usize) -> Range<usize> {
        self.mentions.get(pi).cloned().unwrap_or(0..0)
    }

    /// Mentions of paragraphs up to and including `pi`.
    pub fn mentions_up_to(&self, pi: usize) -> Range<usize> {
        0..self.mentions_in(pi).end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowering_keeps_offsets() {
        assert_eq!(lowered("Kyiv SAID"), "kyiv said");
        let s = "Ærø İstanbul Ωmega";
        let l = lowered(s);
        assert_eq!(l.len(), s.len());
        assert!(l.starts_with("ærø"));
    }

    #[test]
    fn sentences_and_mentions_by_paragraph() {
        let paras = vec![
            "Jane Roe spoke. Tom Baker listened.".to_owned(),
            "Anna Berg left.".to_owned(),
        ];
        let doc = Doc::new(&paras);
        let ms = super::super::names::find_mentions(&doc);
        let ix = Index::new(&doc, &ms);
        assert_eq!(ix.sentence_of(&doc, 0, 0), 0);
        assert_eq!(ix.sentence_of(&doc, 0, 5), 1);
        assert_eq!(ix.sentence_of(&doc, 1, 0), 2);
        assert_eq!(ix.mentions_in(0).len(), 2);
        assert_eq!(ix.mentions_in(1), 2..3);
        assert_eq!(ix.lower(&doc, 0, 0), "jane");
    }
}

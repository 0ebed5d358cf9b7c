//! Key facts: quantities with units, money, percentages, dates, places and organisations.
//!
//! One linear pass over each sentence's tokens finds dates first (so "14 March 2023" and
//! "in 2008" are never quantities), then numbers with what they count; a second pass over the
//! article counts places and organisations. Every word list is data in `assets/`
//! (`numbers.toml`, `units.toml`, `dates.toml`, `entities.toml`, `gazetteer.toml`), parsed
//! once.
//!
//! Facts come out in reading order — the lead first — which is the order of prominence the
//! facts pane shows; a place or organisation sits at its first mention (with its count).

mod dates;
mod numbers;
mod places;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use super::Doc;
use super::tokens::{Kind, Token, tokenize};
use crate::model::Fact;

pub use dates::Day;

/// Extract the facts of an article. `published` (ISO 8601) anchors relative dates.
pub fn extract(doc: &Doc<'_>, published: Option<&str>) -> Vec<Fact> {
    let today = published.and_then(Day::parse_iso);
    let mut found: Vec<(usize, u32, Fact)> = Vec::new();
    let mut pieces = Vec::new();
    let mut emitted = Vec::new();
    for (pi, para) in doc.paras.iter().enumerate() {
        let lower = para.text.to_ascii_lowercase();
        for range in &para.sentences {
            let index = sentence_index(doc, pi, range.start);
            split_pieces(para.text, &para.tokens[range.clone()], &mut pieces);
            let s = Sent {
                text: para.text,
                lower: &lower,
                p: &pieces,
                index,
            };
            let before = found.len();
            scan_sentence(&s, today, &mut emitted, &mut found);
            // keep facts of one sentence in reading order
            found[before..].sort_by_key(|f| f.1);
        }
    }
    found.extend(
        places::extract(doc)
            .into_iter()
            .map(|(pos, f)| (f.sentence, pos, f)),
    );
    found.sort_by_key(|&(sentence, pos, ref f)| (sentence, pos, f.kind));
    found.into_iter().map(|(_, _, f)| f).collect()
}

/// The article-wide index of the sentence that starts at token `start` of paragraph `pi`.
fn sentence_index(doc: &Doc<'_>, pi: usize, start: usize) -> usize {
    doc.sentences
        .partition_point(|(p, r)| (*p, r.start) < (pi, start))
}

/// Words (lower-cased) that can begin a number or a date ("six", "a", "last", "early",
/// "yesterday", "december", "usd"): any other word is passed over, most without hashing.
struct Triggers {
    words: FastMap<String, ()>,
    /// A bit per (first byte, last byte, length) of any trigger word.
    sketch: Box<[u64; 64]>,
}

impl Triggers {
    fn slot(w: &str) -> usize {
        let b = w.as_bytes();
        let (first, last) = (b.first().copied(), b.last().copied());
        let (first, last) = (
            usize::from(first.unwrap_or(0)),
            usize::from(last.unwrap_or(0)),
        );
        (first.wrapping_mul(31) ^ last.wrapping_mul(131) ^ b.len().wrapping_mul(7919)) & 4095
    }

    fn contains(&self, w: &str) -> bool {
        let slot = Triggers::slot(w);
        self.sketch[slot / 64] & (1 << (slot % 64)) != 0 && self.words.contains_key(w)
    }
}

/// Build the fact lexicons now (see [`crate::analyse::warm_up`]).
pub(crate) fn warm_up() {
    LazyLock::force(&TRIGGERS);
    dates::warm_up();
    numbers::warm_up();
    places::warm_up();
}

static TRIGGERS: LazyLock<Triggers> = LazyLock::new(|| {
    let mut words = FastMap::default();
    numbers::trigger_words(&mut words);
    dates::trigger_words(&mut words);
    let mut sketch = Box::new([0u64; 64]);
    for w in words.keys() {
        let slot = Triggers::slot(w);
        sketch[slot / 64] |= 1 << (slot % 64);
    }
    Triggers { words, sketch }
});

/// Dates, then quantities, left to right; each recogniser says how many pieces it used.
fn scan_sentence(
    s: &Sent<'_>,
    today: Option<Day>,
    emitted: &mut Vec<(u32, Fact)>,
    out: &mut Vec<(usize, u32, Fact)>,
) {
    let triggers = &*TRIGGERS;
    let mut i = 0;
    while i < s.len() {
        let passive = match s.kind(i) {
            Some(Kind::Word) => !triggers.contains(s.l(i)),
            Some(Kind::Punct) => !numbers::may_start_money(s.t(i)),
            _ => false,
        };
        if passive {
            i += 1;
            continue;
        }
        emitted.clear();
        let next = dates::at(s, i, today, emitted)
            .or_else(|| numbers::at(s, i, today, emitted))
            .unwrap_or(i + 1);
        for f in emitted.drain(..) {
            out.push((s.index, f.0, f.1));
        }
        i = next.max(i + 1);
    }
}

/// One sentence as the recognisers see it: the paragraph text, its ASCII-lower-cased copy
/// (same byte offsets) and the sentence's pieces.
pub(crate) struct Sent<'a> {
    pub text: &'a str,
    pub lower: &'a str,
    pub p: &'a [Token],
    /// Index of the sentence in the article.
    pub index: usize,
}

impl<'a> Sent<'a> {
    pub fn len(&self) -> usize {
        self.p.len()
    }

    /// The piece as printed; "" past either end.
    pub fn t(&self, i: usize) -> &'a str {
        self.p.get(i).map_or("", |t| &self.text[t.range()])
    }

    /// The piece lower-cased (ASCII); "" past either end.
    pub fn l(&self, i: usize) -> &'a str {
        self.p.get(i).map_or("", |t| &self.lower[t.range()])
    }

    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.p.get(i).map(|t| t.kind)
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Word)
    }

    pub fn is_number(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Number)
    }

    pub fn is_punct(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Punct)
    }

    /// Piece `i` is written against the one before it (no space).
    pub fn attached(&self, i: usize) -> bool {
        self.p.get(i).is_some_and(|t| !t.space_before)
    }

    /// Piece `i` starts with a capital letter.
    pub fn cap(&self, i: usize) -> bool {
        self.t(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// The printed text of pieces `a..b`.
    pub fn span(&self, a: usize, b: usize) -> &'a str {
        if a >= b || b > self.p.len() {
            return "";
        }
        &self.text[self.p[a].start as usize..self.p[b - 1].end as usize]
    }

    /// Byte offset of piece `i` in the paragraph (for ordering).
    pub fn pos(&self, i: usize) -> u32 {
        self.p.get(i).map_or(u32::MAX, |t| t.start)
    }

    /// The pieces `a..b` end a word group: `b` is not glued to `b - 1` by a hyphen.
    /// A word group is pieces joined by attached hyphens: "ship-to-ship", "four-year-old".
    pub fn group_end(&self, i: usize) -> usize {
        let mut j = i + 1;
        while j + 1 < self.len()
            && self.attached(j)
            && is_hyphen(self.t(j))
            && self.attached(j + 1)
            && !self.is_punct(j + 1)
        {
            j += 2;
        }
        j
    }
}

pub(crate) fn is_hyphen(t: &str) -> bool {
    matches!(t, "-" | "\u{2010}" | "\u{2011}")
}

pub(crate) fn is_dash(t: &str) -> bool {
    matches!(
        t,
        "-" | "\u{2010}" | "\u{2011}" | "\u{2013}" | "\u{2014}" | "--"
    )
}

/// Split the tokens of a sentence into pieces: a hyphenated word is cut where a part is a
/// number or number word ("four-year-old" → "four", "-", "year-old"; "mid-2019" → "mid",
/// "-", "2024"), so recognisers see the number; other hyphenated words stay whole.
pub(crate) fn split_pieces(text: &str, tokens: &[Token], out: &mut Vec<Token>) {
    out.clear();
    for t in tokens {
        let w = &text[t.range()];
        if t.kind != Kind::Word || !w.contains('-') || !w.split('-').any(numeric_part) {
            out.push(*t);
            continue;
        }
        let mut start = t.start as usize;
        let mut run_start = start;
        let mut first = true;
        let parts: Vec<&str> = w.split('-').collect();
        let mut k = 0;
        while k < parts.len() {
            // a run of non-numeric parts stays one piece ("year-old")
            let numeric = numeric_part(parts[k]);
            let mut end = start + parts[k].len();
            let mut last = k;
            if !numeric {
                while last + 1 < parts.len() && !numeric_part(parts[last + 1]) {
                    last += 1;
                    end += 1 + parts[last].len();
                }
            }
            if !first {
                out.push(Token {
                    kind: Kind::Punct,
                    start: (run_start) as u32,
                    end: (run_start + 1) as u32,
                    space_before: false,
                });
            }
            let part = &text[start..end];
            let digits = part.bytes().take_while(u8::is_ascii_digit).count();
            let space_before = first && t.space_before;
            if digits == 0 || !numeric {
                out.push(Token {
                    kind: Kind::Word,
                    start: start as u32,
                    end: end as u32,
                    space_before,
                });
            } else {
                // "2024", or "1990s" as "1990" + "s"
                out.push(Token {
                    kind: Kind::Number,
                    start: start as u32,
                    end: (start + digits) as u32,
                    space_before,
                });
                if digits < part.len() {
                    out.push(Token {
                        kind: Kind::Word,
                        start: (start + digits) as u32,
                        end: end as u32,
                        space_before: false,
                    });
                }
            }
            first = false;
            run_start = end;
            start = end + 1;
            k = last + 1;
        }
    }
}

/// A part of a hyphenated word that a recogniser must see alone: digits ("2024", "1990s"),
/// a number word ("four"), a period word ("mid").
fn numeric_part(p: &str) -> bool {
    p.as_bytes().first().is_some_and(u8::is_ascii_digit)
        || numbers::is_number_word(p)
        || dates::is_period_prefix(p)
}

/// Lower-case phrases of one or more pieces ("at least", "square km", "%"), matched at or
/// before a position. Keys are the pieces' lower-case texts joined by single spaces.
pub(crate) struct Phrases<V> {
    map: FastMap<String, V>,
    /// First piece → the most pieces a phrase starting with it has.
    first: FastMap<String, usize>,
    /// Last piece → the most pieces a phrase ending with it has.
    last: FastMap<String, usize>,
}

impl<V> Default for Phrases<V> {
    fn default() -> Self {
        Phrases {
            map: FastMap::default(),
            first: FastMap::default(),
            last: FastMap::default(),
        }
    }
}

impl<V> Phrases<V> {
    /// Add a phrase (any case; stored lower-cased). The first value for a phrase wins.
    pub fn insert(&mut self, phrase: &str, value: V) {
        // tokens, not pieces: splitting consults the word tables being built (phrases hold
        // no hyphenated number words, so the two agree)
        let lower = phrase.to_lowercase();
        let pieces = tokenize(&lower);
        if pieces.is_empty() {
            return;
        }
        let words: Vec<&str> = pieces.iter().map(|t| &lower[t.range()]).collect();
        let n = words.len();
        let f = self.first.entry(words[0].to_owned()).or_insert(0);
        *f = (*f).max(n);
        let l = self.last.entry(words[n - 1].to_owned()).or_insert(0);
        *l = (*l).max(n);
        self.map.entry(words.join(" ")).or_insert(value);
    }

    pub fn get(&self, key: &str) -> Option<&V> {
        self.map.get(key)
    }

    /// The first piece of every phrase.
    pub fn first_words(&self) -> impl Iterator<Item = &str> {
        self.first.keys().map(String::as_str)
    }

    /// The longest phrase starting at piece `i`: its value and the piece after it.
    pub fn at(&self, s: &Sent<'_>, i: usize) -> Option<(&V, usize)> {
        let most = (*self.first.get(s.l(i))?).min(s.len().saturating_sub(i));
        (1..=most)
            .rev()
            .find_map(|n| self.lookup(s, i, i + n).map(|v| (v, i + n)))
    }

    /// The longest phrase ending just before piece `end`: its value and its first piece.
    pub fn before(&self, s: &Sent<'_>, end: usize) -> Option<(&V, usize)> {
        let most = (*self.last.get(s.l(end.checked_sub(1)?))?).min(end);
        (1..=most)
            .rev()
            .find_map(|n| self.lookup(s, end - n, end).map(|v| (v, end - n)))
    }

    /// The phrase of pieces `a..b`, its key built on the stack.
    fn lookup(&self, s: &Sent<'_>, a: usize, b: usize) -> Option<&V> {
        if b == a + 1 {
            return self.map.get(s.l(a));
        }
        let mut buf = KeyBuf::default();
        for k in a..b {
            if k > a {
                buf.push(" ")?;
            }
            buf.push(s.l(k))?;
        }
        self.map.get(buf.as_str()?)
    }
}

/// A short key assembled without allocating (phrases and names of a few words). A key that
/// does not fit is no key of any table.
pub struct KeyBuf {
    bytes: [u8; 96],
    len: usize,
}

impl Default for KeyBuf {
    fn default() -> Self {
        KeyBuf {
            bytes: [0; 96],
            len: 0,
        }
    }
}

impl KeyBuf {
    /// Append `s`; once it does not fit, the key is spoilt and `as_str` gives `None`.
    pub fn push(&mut self, s: &str) -> Option<()> {
        let end = self.len.checked_add(s.len())?;
        match self.bytes.get_mut(self.len..end) {
            Some(dst) => {
                dst.copy_from_slice(s.as_bytes());
                self.len = end;
                Some(())
            }
            None => {
                self.len = usize::MAX;
                None
            }
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        std::str::from_utf8(self.bytes.get(..self.len)?).ok()
    }
}

/// A small, fast hasher for short word keys (FxHash): the word tables are probed for many
/// tokens, and SipHash's flood resistance buys nothing for embedded word lists.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hash map with [`FxHasher`], for the word tables.
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// `t` lower-cased (ASCII) into `buf`, when it fits: for probing word tables without
/// allocating.
pub(crate) fn lower_into<'b>(t: &str, buf: &'b mut [u8; 32]) -> Option<&'b str> {
    let b = t.as_bytes();
    let out = buf.get_mut(..b.len())?;
    out.copy_from_slice(b);
    out.make_ascii_lowercase();
    std::str::from_utf8(out).ok()
}

/// A set of words, lower-cased.
pub(crate) fn word_set<'a>(words: impl IntoIterator<Item = &'a String>) -> FastMap<String, ()> {
    words.into_iter().map(|w| (w.to_lowercase(), ())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(s: &str) -> Vec<&str> {
        let mut out = Vec::new();
        split_pieces(s, &tokenize(s), &mut out);
        out.iter().map(|t| &s[t.range()]).collect()
    }

    #[test]
    fn hyphenated_numbers_are_split_and_other_words_kept() {
        assert_eq!(
            pieces("a four-year-old boy"),
            ["a", "four", "-", "year-old", "boy"]
        );
        assert_eq!(pieces("in mid-2019."), ["in", "mid", "-", "2019", "."]);
        assert_eq!(pieces("twenty-five"), ["twenty", "-", "five"]);
        assert_eq!(pieces("6-foot-2"), ["6", "-", "foot", "-", "2"]);
        assert_eq!(
            pieces("door-to-door post-war"),
            ["door-to-door", "post-war"]
        );
        assert_eq!(pieces("mid-1990s"), ["mid", "-", "1990", "s"]);
    }
}

//! Words for matching: folding, hashing, content stems and sequence similarity.
//!
//! Indexes store 64-bit hashes of folded words rather than strings, so that joining two
//! articles is a merge of sorted integer lists.

use crate::analyse::tokens::{self, Kind};

use super::rules::RULES;

/// FNV-1a: a fast, stable hash for short strings (stable across runs, unlike `RandomState`).
pub(crate) fn hash(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// A word folded for matching: lower case, curly quotes and dashes made plain.
pub(crate) fn fold_word(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    for c in w.chars() {
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201b}' | '\u{2032}' => out.push('\''),
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{ab}' | '\u{bb}' => {
                out.push('"')
            }
            '\u{2010}'..='\u{2015}' => out.push('-'),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// The words and numbers of `s`, folded, in order (punctuation left out).
pub(crate) fn folded_words(s: &str) -> Vec<String> {
    tokens::tokenize(s)
        .iter()
        .filter(|t| t.kind != Kind::Punct)
        .map(|t| fold_word(t.text(s)))
        .collect()
}

/// Hashes of [`folded_words`].
pub(crate) fn word_hashes(s: &str) -> Vec<u64> {
    folded_words(s).iter().map(|w| hash(w)).collect()
}

/// A crude English stem, only for matching inflections of one word ("killed", "killing",
/// "cities"/"city", "renovated"/"renovate").
fn stem(w: &str) -> String {
    let w = w.strip_suffix("'s").unwrap_or(w);
    let n = w.len();
    let mut s = if n >= 5 && w.ends_with("ies") {
        format!("{}y", &w[..n - 3])
    } else if n >= 6 && w.ends_with("ing") {
        w[..n - 3].to_owned()
    } else if n >= 5 && w.ends_with("ed") {
        w[..n - 2].to_owned()
    } else if n >= 4
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
    {
        w[..n - 1].to_owned()
    } else {
        w.to_owned()
    };
    if s.len() >= 4 && s.ends_with('e') {
        s.pop();
    }
    s
}

/// The content stem of a folded word: `#concept` for a word of a concept group, nothing for a
/// function word, else its stem.
pub(crate) fn content_stem(word: &str) -> Option<String> {
    if let Some(c) = RULES.concepts.get(word) {
        return Some(c.clone());
    }
    if RULES.stopwords.contains(word) || !word.chars().any(char::is_alphanumeric) {
        return None;
    }
    Some(stem(word))
}

/// True when a folded word carries no meaning for a fact's subject ("people", "others").
pub(crate) fn is_generic(word: &str) -> bool {
    RULES.generic.contains(word)
}

/// Sorted, de-duplicated hashes of the content stems of `s`.
pub(crate) fn content_set(s: &str) -> Vec<u64> {
    let mut v: Vec<u64> = folded_words(s)
        .iter()
        .filter_map(|w| content_stem(w))
        .map(|w| hash(&w))
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Elements two sorted slices have in common (as multisets: a value twice in both counts
/// twice). For sequences, this bounds the longest common subsequence from above.
pub(crate) fn common_sorted(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Cosine of two sets (sorted, de-duplicated): common / √(|a|·|b|).
pub(crate) fn set_cosine(a: &[u64], b: &[u64]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    common_sorted(a, b) as f32 / ((a.len() * b.len()) as f32).sqrt()
}

/// Above this many cells, [`lcs_len`] compares only the first words of each side.
const LCS_MAX_CELLS: usize = 1 << 20;

/// Length of the longest common subsequence of two sequences (two rows of the table).
pub(crate) fn lcs_len<T: PartialEq>(a: &[T], b: &[T]) -> usize {
    let (a, b) = if a.len() < b.len() { (b, a) } else { (a, b) };
    if b.is_empty() {
        return 0;
    }
    // bounded work on pathological input (a "sentence" of 100,000 words)
    let a = if a.len() * b.len() > LCS_MAX_CELLS {
        &a[..(LCS_MAX_CELLS / b.len()).max(1).min(a.len())]
    } else {
        a
    };
    let mut prev = vec![0u32; b.len() + 1];
    let mut cur = vec![0u32; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + 1
            } else {
                cur[j].max(prev[j + 1])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()] as usize
}

/// Sorted copy of a sequence, for [`common_sorted`] as a cheap bound before [`lcs_len`].
pub(crate) fn sorted(v: &[u64]) -> Vec<u64> {
    let mut s = v.to_vec();
    s.sort_unstable();
    s
}

/// Word-level similarity of two sequences in 0..=1: 2·LCS / (|a| + |b|).
pub(crate) fn seq_similarity<T: PartialEq>(a: &[T], b: &[T]) -> f32 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    2.0 * lcs_len(a, b) as f32 / (a.len() + b.len()) as f32
}

/// The opening words of a statement where a name is its actor.
const LEAD_WORDS: usize = 3;

/// What a word of a statement stands for, when it must agree across two statements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mark {
    Plain,
    Number(u64),
    Date(u64),
    Name(u64),
    Negation,
}

/// What must agree for two statements to be "shared": the numbers, the dates (months and
/// weekdays), the named entities and the negation they print, word by word.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Marks {
    /// The folded words, punctuation left out, and what each stands for.
    pub words: Vec<String>,
    pub marks: Vec<Mark>,
    /// Sorted, de-duplicated number and date keys.
    pub numbers: Vec<u64>,
    pub dates: Vec<u64>,
}

impl Marks {
    /// The marks of a statement's text.
    pub fn of(text: &str) -> Marks {
        let toks = tokens::tokenize(text);
        let mut m = Marks::default();
        let mut sentence_start = true;
        for t in &toks {
            let raw = t.text(text);
            if t.kind == Kind::Punct {
                sentence_start |=
                    matches!(raw, "." | "?" | "!" | ":" | ";") || tokens::is_quote_mark(raw);
                continue;
            }
            let w = fold_word(raw);
            let at_start = std::mem::replace(&mut sentence_start, false);
            // "may" is a month only as "May"
            let capitalised = raw.starts_with(char::is_uppercase);
            let mark = if t.is_number() {
                Mark::Number(hash(w.replace(',', "").trim_start_matches('0')))
            } else if let Some(v) = RULES.numbers.get(w.as_str()) {
                Mark::Number(hash(&format!("{v}")))
            } else if let Some(month) = capitalised
                .then(|| crate::lexicon::CALENDAR.month(&w))
                .flatten()
            {
                Mark::Date(hash(&format!("month{month}")))
            } else if let Some(day) = capitalised
                .then(|| crate::lexicon::CALENDAR.weekday(&w))
                .flatten()
            {
                Mark::Date(hash(&format!("weekday{day}")))
            } else if RULES.negations.contains(w.as_str()) || w.ends_with("n't") {
                Mark::Negation
            } else if capitalised
                && raw != "I"
                && !RULES.stopwords.contains(w.as_str())
                && !super::names::is_title(&w)
            {
                // a capitalised word opening a sentence is a name only when the gazetteer
                // knows it ("Russian forces …"), not "Officials said …"
                let place = crate::gazetteer::canonical(raw);
                match place.and_then(crate::gazetteer::country_for).or(place) {
                    Some(c) => Mark::Name(hash(&super::names::token_key(c))),
                    None if at_start => Mark::Plain,
                    None => Mark::Name(hash(&super::names::token_key(raw))),
                }
            } else {
                Mark::Plain
            };
            match mark {
                Mark::Number(h) => m.numbers.push(h),
                Mark::Date(h) => m.dates.push(h),
                _ => {}
            }
            m.words.push(w);
            m.marks.push(mark);
        }
        for v in [&mut m.numbers, &mut m.dates] {
            v.sort_unstable();
            v.dedup();
        }
        m
    }

    /// Do two statements agree on what they print? Numbers and dates: one side's within the
    /// other's (a statement may say more than the other, not something else). Names and
    /// negation, word by word: where one text has a name the other has another name in its
    /// place, or a negation stands on one side only within the words both share, they
    /// disagree.
    pub fn agree(&self, other: &Marks) -> bool {
        let nested = |a: &[u64], b: &[u64]| {
            let c = common_sorted(a, b);
            c == a.len() || c == b.len()
        };
        if !nested(&self.numbers, &other.numbers) || !nested(&self.dates, &other.dates) {
            return false;
        }
        // who acts: a name opening each statement ("Ukrainian forces …" / "Russian forces …")
        let lead = |m: &Marks| {
            m.marks.iter().take(LEAD_WORDS).find_map(|x| match x {
                Mark::Name(h) => Some(*h),
                _ => None,
            })
        };
        if let (Some(x), Some(y)) = (lead(self), lead(other))
            && x != y
        {
            return false;
        }
        let ops = super::sentences::edit_script(&self.words, &other.words);
        // a chunk: the words between two runs of shared words, per side
        let (mut i, mut j) = (0, 0);
        let (mut removed, mut added): (Vec<Mark>, Vec<Mark>) = (Vec::new(), Vec::new());
        let mut seen_same = false;
        let conflict = |removed: &[Mark], added: &[Mark], inside: bool| {
            let has = |v: &[Mark], f: fn(&Mark) -> bool| v.iter().any(f);
            let name = |m: &Mark| matches!(m, Mark::Name(_));
            let neg = |m: &Mark| *m == Mark::Negation;
            if has(removed, name) && has(added, name) {
                return true;
            }
            let one_sided = has(removed, neg) != has(added, neg);
            // a negation added or dropped between shared words, or in a replaced phrase
            one_sided && (inside || (!removed.is_empty() && !added.is_empty()))
        };
        for op in ops {
            match op {
                super::sentences::DiffKind::Same => {
                    if (!removed.is_empty() || !added.is_empty())
                        && conflict(&removed, &added, seen_same)
                    {
                        return false;
                    }
                    removed.clear();
                    added.clear();
                    seen_same = true;
                    i += 1;
                    j += 1;
                }
                super::sentences::DiffKind::Removed => {
                    removed.push(self.marks[i]);
                    i += 1;
                }
                super::sentences::DiffKind::Added => {
                    added.push(other.marks[j]);
                    j += 1;
                }
            }
        }
        removed.is_empty() && added.is_empty() || !conflict(&removed, &added, false)
    }
}

/// A weighted bag of words (hash, weight), sorted by hash, with its Euclidean norm.
#[derive(Debug, Clone, Default)]
pub(crate) struct Bag {
    items: Vec<(u64, f32)>,
    norm: f32,
}

impl Bag {
    /// Build from (word hash, weight) pairs; a word seen twice keeps its largest weight.
    pub fn new(mut items: Vec<(u64, f32)>) -> Bag {
        items.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)));
        items.dedup_by_key(|x| x.0);
        let norm = items.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
        Bag { items, norm }
    }

    /// Weighted cosine similarity in 0..=1.
    pub fn cosine(&self, other: &Bag) -> f32 {
        if self.norm == 0.0 || other.norm == 0.0 {
            return 0.0;
        }
        let (a, b) = (&self.items, &other.items);
        let (mut i, mut j, mut dot) = (0, 0, 0.0f32);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    dot += a[i].1 * b[j].1;
                    i += 1;
                    j += 1;
                }
            }
        }
        (dot / (self.norm * other.norm)).min(1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_words_and_drops_punctuation() {
        assert_eq!(
            folded_words("The city’s “fortress” - 60,000 people."),
            ["the", "city", "'s", "fortress", "60,000", "people"]
        );
    }

    #[test]
    fn content_stems_join_inflections_and_concepts() {
        assert_eq!(content_stem("the"), None);
        assert_eq!(content_stem("bridges"), content_stem("bridge"));
        assert_eq!(content_stem("cities"), content_stem("city"));
        assert_eq!(content_stem("renovated"), content_stem("renovate"));
        assert_eq!(content_stem("killed"), content_stem("dead"));
        assert_eq!(content_stem("wounded"), content_stem("injured"));
        assert_ne!(content_stem("killed"), content_stem("wounded"));
        assert_eq!(content_stem("harbour's").as_deref(), Some("harbour"));
    }

    #[test]
    fn lcs_and_similarity() {
        let a = ["a", "road", "and", "rail", "junction", "in", "the", "east"];
        let b = ["a", "road", "and", "rail", "hub", "in", "the", "east"];
        assert_eq!(lcs_len(&a, &b), 7);
        assert!((seq_similarity(&a, &b) - 0.875).abs() < 1e-6);
        assert_eq!(lcs_len::<&str>(&[], &b), 0);
        assert_eq!(seq_similarity::<&str>(&[], &[]), 1.0);
    }

    #[test]
    fn lcs_is_bounded_on_huge_input() {
        let a = vec![1u8; 3_000_000];
        let b = vec![1u8; 10];
        assert_eq!(lcs_len(&a, &b), 10);
    }

    #[test]
    fn weighted_cosine() {
        let a = Bag::new(vec![(1, 1.0), (2, 1.0)]);
        let b = Bag::new(vec![(2, 1.0), (3, 1.0)]);
        assert!((a.cosine(&b) - 0.5).abs() < 1e-6);
        assert!((a.cosine(&a) - 1.0).abs() < 1e-6);
        assert_eq!(a.cosine(&Bag::default()), 0.0);
        let dup = Bag::new(vec![(1, 0.2), (1, 1.0)]);
        assert!((dup.cosine(&Bag::new(vec![(1, 1.0)])) - 1.0).abs() < 1e-6);
    }

    #[test]
    fn sorted_set_measures() {
        assert_eq!(common_sorted(&[1, 3, 5, 7], &[3, 4, 5]), 2);
        assert!((set_cosine(&[1, 2], &[2, 3]) - 0.5).abs() < 1e-6);
        assert_eq!(set_cosine(&[], &[1]), 0.0);
    }
}

#[cfg(test)]
mod marks_tests {
    use super::Marks;

    #[test]
    fn statements_agree_when_one_says_more_never_when_they_say_otherwise() {
        let m = |s: &str| Marks::of(s);
        let base = m("The ferry carried 40 passengers to Velm on Sunday");
        assert!(base.agree(&m("the ferry carried 40 passengers to Velm")));
        assert!(!base.agree(&m("The ferry carried 60 passengers to Velm on Sunday")));
        assert!(!base.agree(&m("The ferry carried 40 passengers to Velm on Monday")));
        assert!(!base.agree(&m("The ferry carried 40 passengers to Ostra on Sunday")));
        assert!(!base.agree(&m(
            "The ferry never carried 40 passengers to Velm on Sunday"
        )));
        assert!(!base.agree(&m("The ferry didn't carry 40 passengers to Velm on Sunday")));
        // "forty" is 40; "may" the verb is no month; a sentence's first word is no name
        assert!(base.agree(&m("Officials say the ferry carried forty passengers")));
        assert!(m("it may rain").dates.is_empty());
        // a demonym is its country
        assert!(m("Ukrainian forces advanced").agree(&m("forces of Ukraine advanced")));
        assert!(!m("Ukrainian forces advanced").agree(&m("Russian forces advanced")));
        assert!(
            !m("Ukrainian forces still held the north of the town and hit Russian units")
                .agree(&m("Russian forces have advanced in the Ukrainian town"))
        );
    }
}

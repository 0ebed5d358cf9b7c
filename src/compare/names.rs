//! Names across two articles: spelling keys (transliteration folds from `assets/`), the rules
//! that say two names are one person or organisation, and a light scanner of capitalised
//! names in the sentences, which finds spelling variants without waiting for the people stage.

use std::collections::{HashMap, HashSet};

use crate::analyse::tokens::{self, Kind};
use crate::lexicon::CALENDAR;
use crate::model::{Article, Variant};
use crate::text::{fold, strip_diacritics};

use super::rules::RULES;
use super::words::hash;

/// The spelling key of one name token: diacritics removed, lower case, letters and digits
/// only, transliteration folds applied, doubled letters collapsed.
/// "Kovalskyy", "Kovalskiy" and "Kovalsky" share one key.
pub fn token_key(token: &str) -> String {
    let mut s: String = strip_diacritics(token)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    for (from, to) in &RULES.folds {
        if s.contains(from.as_str()) {
            s = s.replace(from.as_str(), to);
        }
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if out.ends_with(c) && c.is_alphabetic() {
            continue;
        }
        out.push(c);
    }
    out
}

/// A first name by its group: "Bill" → the key of "william".
fn first_key(token: &str) -> String {
    let plain = strip_diacritics(token).to_lowercase();
    let plain = plain.trim_end_matches('.');
    match RULES.nicknames.get(plain) {
        Some(canonical) => token_key(canonical),
        None => token_key(plain),
    }
}

/// Is this word a title, rank or office ("President", "Gen.", "Mr")?
pub(crate) fn is_title(word: &str) -> bool {
    RULES
        .titles
        .contains(word.trim_end_matches('.').to_lowercase().as_str())
}

/// Words of a name, without trailing punctuation or possessive.
fn name_words(s: &str) -> Vec<&str> {
    s.split_whitespace()
        .map(|w| {
            let w = w.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '"' | '(' | ')'));
            w.strip_suffix("'s")
                .or_else(|| w.strip_suffix("\u{2019}s"))
                .unwrap_or(w)
        })
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect()
}

/// One written form of a name, broken into keys.
#[derive(Debug, Clone)]
pub(crate) struct NameForm {
    /// As printed, without leading titles for a person.
    pub surface: String,
    /// The last name as printed, and its key.
    pub last_surface: String,
    pub last: String,
    /// The first name as printed, and its key (nickname groups resolved), if the form has one.
    pub first_surface: Option<String>,
    pub first: Option<String>,
    /// Token keys, in order.
    pub keys: Vec<String>,
    /// All keys joined: the spelling-insensitive identity of the whole form.
    pub squash: String,
}

impl NameForm {
    /// A person's name: titles and words before them are dropped ("Russian President
    /// Vladimir Putin" → "Vladimir Putin"), and suffixes ("Jr.") are not the surname.
    pub fn person(s: &str) -> Option<NameForm> {
        let words = name_words(s);
        // everything up to the last title that still has a name after it
        let start = words[..words.len().saturating_sub(1)]
            .iter()
            .rposition(|w| is_title(w))
            .map_or(0, |i| i + 1);
        let mut words = &words[start..];
        // leading lower-case words ("the", "former") are not the name
        while words.len() > 1 && words[0].chars().next().is_some_and(char::is_lowercase) {
            words = &words[1..];
        }
        let mut end = words.len();
        while end > 1
            && RULES
                .suffixes
                .contains(words[end - 1].trim_end_matches('.').to_lowercase().as_str())
        {
            end -= 1;
        }
        let words = &words[..end];
        let (&last_surface, rest) = words.split_last()?;
        let first_surface = rest
            .iter()
            .find(|w| !RULES.connectors.contains(w.to_lowercase().as_str()))
            .copied();
        let first = first_surface.map(first_key);
        let keys: Vec<String> = words.iter().map(|w| token_key(w)).collect();
        let last = token_key(last_surface);
        if last.is_empty() {
            return None;
        }
        let mut squash = String::new();
        for (i, w) in words.iter().enumerate() {
            if Some(*w) == first_surface {
                squash.push_str(first.as_deref().unwrap_or(""));
            } else {
                squash.push_str(&keys[i]);
            }
        }
        Some(NameForm {
            surface: words.join(" "),
            last_surface: last_surface.to_owned(),
            last,
            first_surface: first_surface.map(str::to_owned),
            first,
            keys,
            squash,
        })
    }

    /// An organisation's (or group's) name: a leading "the" is dropped, nothing else.
    pub fn organisation(s: &str) -> Option<NameForm> {
        let mut words = name_words(s);
        if words.first().is_some_and(|w| w.eq_ignore_ascii_case("the")) {
            words.remove(0);
        }
        let (&last_surface, _) = words.split_last()?;
        let keys: Vec<String> = words.iter().map(|w| token_key(w)).collect();
        let squash = keys.concat();
        if squash.is_empty() {
            return None;
        }
        Some(NameForm {
            surface: words.join(" "),
            last_surface: last_surface.to_owned(),
            last: token_key(last_surface),
            first_surface: None,
            first: None,
            keys,
            squash,
        })
    }

    /// Initials of a name of several words ("North Atlantic Treaty Organization" → "nato").
    pub fn acronym(&self) -> Option<String> {
        let words: Vec<&str> = self
            .surface
            .split_whitespace()
            .filter(|w| !RULES.stopwords.contains(w.to_lowercase().as_str()))
            .collect();
        if words.len() < 2 {
            return None;
        }
        let s: String = words
            .iter()
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_lowercase)
            .collect();
        Some(s)
    }
}

/// Are two strings within `max` edits (insertions, deletions, substitutions and swaps of
/// neighbours)? The length check spares the table for most pairs.
fn osa_within(a: &str, b: &str, max: usize) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    la.abs_diff(lb) <= max && strsim::osa_distance(a, b) <= max
}

/// Two keys that differ by one typo or transposition ("kastehelmi"/"kasetehelmi"), long
/// enough that the difference cannot be a different short name, and not an inflection
/// ("russian"/"russians", "pakistan"/"pakistani").
pub(crate) fn near_keys(a: &str, b: &str, min_len: usize) -> bool {
    if a == b {
        return true;
    }
    let short = a.len().min(b.len());
    if short < min_len || a.chars().next() != b.chars().next() {
        return false;
    }
    let prefix = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    if prefix + 1 >= short {
        return false;
    }
    osa_within(a, b, 1)
}

/// Do two first names agree? Missing ones agree with anything; an initial agrees with a
/// name it starts; otherwise the keys (nickname groups resolved) must meet.
pub(crate) fn first_names_agree(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            a == b
                || (a.len() == 1 && b.starts_with(a))
                || (b.len() == 1 && a.starts_with(b))
                || near_keys(a, b, 5)
        }
        _ => true,
    }
}

/// Do the given names, written as one word in one form and two in the other, agree ("Abdul
/// Rahim" and "Abdurrahim", "Anna Maria" and "Annamaria")?
fn given_names_agree(a: &NameForm, b: &NameForm) -> bool {
    let given = |f: &NameForm| f.keys.split_last().map(|(_, g)| g.concat());
    match (given(a), given(b)) {
        (Some(x), Some(y)) if a.keys.len() != b.keys.len() => near_keys(&x, &y, 5),
        _ => false,
    }
}

/// How well two person forms name one person (0 = not at all). Surnames must be the same
/// key (or one typo apart when long); first names must not conflict.
pub(crate) fn person_form_score(a: &NameForm, b: &NameForm) -> f32 {
    if a.squash == b.squash {
        return 1.0;
    }
    let both_first = a.first.is_some() && b.first.is_some();
    if !first_names_agree(a.first.as_deref(), b.first.as_deref()) && !given_names_agree(a, b) {
        return 0.0;
    }
    if a.last == b.last {
        if both_first { 0.95 } else { 0.85 }
    } else if near_keys(&a.last, &b.last, 6) {
        if both_first && a.first == b.first {
            0.8
        } else if both_first {
            0.7
        } else {
            0.6
        }
    } else {
        0.0
    }
}

/// How well two organisation forms name one organisation: the same key, an acronym of the
/// other, or contained in the other as a run of two or more words ("foreign ministry" in
/// "German foreign ministry").
pub(crate) fn organisation_form_score(a: &NameForm, b: &NameForm) -> f32 {
    if a.squash == b.squash {
        return 1.0;
    }
    let (short, long) = if a.keys.len() <= b.keys.len() {
        (a, b)
    } else {
        (b, a)
    };
    if short.keys.len() == 1
        && (2..=6).contains(&short.squash.len())
        && long
            .acronym()
            .is_some_and(|x| token_key(&x) == short.squash)
    {
        return 0.9;
    }
    if short.keys.len() >= 2 && long.keys.windows(short.keys.len()).any(|w| w == short.keys) {
        return 0.8;
    }
    0.0
}

// ---------------------------------------------------------------------------------------
// The scanner: capitalised names in the sentences.

/// A name as one article prints it.
#[derive(Debug, Clone)]
pub(crate) struct Scanned {
    pub surface: String,
    /// `text::fold` of the surface: what "the other article prints this" is tested on.
    pub fold: String,
    /// The spelling key: token keys joined, nickname groups resolved for a first name.
    pub key: String,
    pub sentence: usize,
    pub count: usize,
}

/// Every capitalised name of an article, with join lists for comparing two articles.
#[derive(Debug, Clone, Default)]
pub(crate) struct NameScan {
    pub names: Vec<Scanned>,
    /// Hashes of every printed fold, sorted.
    pub folds: Vec<u64>,
    /// (hash of key, name index), sorted.
    pub keys: Vec<(u64, u32)>,
    /// (hash of a one-deletion neighbour of a long key, name index), sorted.
    pub near: Vec<(u64, u32)>,
    /// Names of two or more words read as person names (first and last), with their
    /// index, and the join list (hash of last-name key, position in `persons`), sorted.
    pub persons: Vec<(u32, NameForm)>,
    pub by_last: Vec<(u64, u32)>,
}

/// The entries of a sorted join list with this hash.
pub(crate) fn lookup(list: &[(u64, u32)], h: u64) -> impl Iterator<Item = u32> + '_ {
    let start = list.partition_point(|x| x.0 < h);
    list[start..]
        .iter()
        .take_while(move |x| x.0 == h)
        .map(|x| x.1)
}

impl NameScan {
    pub fn prints(&self, fold: &str) -> bool {
        self.folds.binary_search(&hash(fold)).is_ok()
    }
}

/// Shortest key of a one-word name considered for variants ("Elena" yes, "Lee" no).
const MIN_SINGLE_KEY: usize = 4;
/// Shortest key compared by edit distance.
const MIN_NEAR_KEY: usize = 7;

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn starts_run(w: &str) -> bool {
    is_capitalised(w)
        && !RULES.not_names.contains(w.to_lowercase().as_str())
        && CALENDAR.month(w).is_none()
        && CALENDAR.weekday(w).is_none()
}

/// Capitalised runs of a sentence, as (start, end) token index ranges; a short number right
/// after a name belongs to it ("Apollo 11").
fn name_runs(text: &str, toks: &[tokens::Token]) -> Vec<Vec<usize>> {
    let mut runs: Vec<Vec<usize>> = Vec::new();
    let mut cur: Vec<usize> = Vec::new();
    let flush = |cur: &mut Vec<usize>, runs: &mut Vec<Vec<usize>>| {
        // a trailing connector is not part of the name
        while cur
            .last()
            .is_some_and(|&i| !is_capitalised(toks[i].text(text)) && !toks[i].is_number())
        {
            cur.pop();
        }
        if !cur.is_empty() {
            runs.push(std::mem::take(cur));
        }
        cur.clear();
    };
    for (i, t) in toks.iter().enumerate() {
        let w = t.text(text);
        let continues = !cur.is_empty() && t.space_before;
        if t.kind == Kind::Word && is_capitalised(w) && (continues || starts_run(w)) {
            if !cur.is_empty() && !t.space_before {
                flush(&mut cur, &mut runs);
            }
            cur.push(i);
        } else if continues
            && t.kind == Kind::Word
            && RULES.connectors.contains(w)
            && toks
                .get(i + 1)
                .is_some_and(|n| is_capitalised(n.text(text)))
        {
            cur.push(i);
        } else if continues
            && t.is_number()
            && w.len() <= 3
            && w.chars().all(|c| c.is_ascii_digit())
            && !toks
                .get(i + 1)
                .is_some_and(|n| n.kind == Kind::Word && !n.space_before)
        {
            cur.push(i);
            flush(&mut cur, &mut runs);
        } else {
            flush(&mut cur, &mut runs);
        }
    }
    flush(&mut cur, &mut runs);
    // titles split a run: "Weekly Standard Editor Bill Kristol" → "Weekly Standard",
    // "Bill Kristol"; a title at the very end stays ("Stephen King")
    let mut out = Vec::new();
    for run in runs {
        let mut part = Vec::new();
        for (k, &i) in run.iter().enumerate() {
            if k + 1 < run.len() && is_title(toks[i].text(text)) {
                if !part.is_empty() {
                    out.push(std::mem::take(&mut part));
                }
            } else {
                part.push(i);
            }
        }
        if !part.is_empty() {
            out.push(part);
        }
    }
    out
}

/// The spelling key of a run of name tokens.
fn run_key(words: &[&str]) -> String {
    let several = words.iter().filter(|w| is_capitalised(w)).count() >= 2;
    words
        .iter()
        .enumerate()
        .map(|(k, w)| {
            if k == 0 && several {
                first_key(w)
            } else {
                token_key(w)
            }
        })
        .collect()
}

/// Deletion neighbours of a key (the key itself and every one-character deletion).
fn deletions(key: &str) -> Vec<u64> {
    let chars: Vec<char> = key.chars().collect();
    let mut out = vec![hash(key)];
    for skip in 0..chars.len() {
        let s: String = chars
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != skip)
            .map(|(_, c)| c)
            .collect();
        out.push(hash(&s));
    }
    out
}

/// Scan an article's sentences for capitalised names.
pub(crate) fn scan(article: &Article) -> NameScan {
    let mut by_fold: HashMap<String, usize> = HashMap::new();
    let mut names: Vec<Scanned> = Vec::new();
    let mut add = |surface: &str, key: String, sentence: usize| {
        let f = fold(surface);
        if let Some(&i) = by_fold.get(&f) {
            names[i].count += 1;
            return;
        }
        by_fold.insert(f.clone(), names.len());
        names.push(Scanned {
            surface: surface.to_owned(),
            fold: f,
            key,
            sentence,
            count: 1,
        });
    };
    for (si, s) in article.sentences.iter().enumerate() {
        let text = s.text.as_str();
        let toks = tokens::tokenize(text);
        for run in name_runs(text, &toks) {
            let (Some(&a), Some(&b)) = (run.first(), run.last()) else {
                continue;
            };
            let surface = &text[toks[a].start as usize..toks[b].end as usize];
            let words: Vec<&str> = run.iter().map(|&i| toks[i].text(text)).collect();
            let key = run_key(&words);
            if run.len() > 1 || key.chars().count() >= MIN_SINGLE_KEY {
                add(surface, key, si);
            }
            if run.len() > 1 {
                for &i in &run {
                    let w = toks[i].text(text);
                    let k = token_key(w);
                    if is_capitalised(w) && k.chars().count() >= MIN_SINGLE_KEY {
                        add(w, k, si);
                    }
                }
            }
        }
    }
    let mut folds: Vec<u64> = names.iter().map(|n| hash(&n.fold)).collect();
    folds.sort_unstable();
    folds.dedup();
    let mut keys: Vec<(u64, u32)> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (hash(&n.key), i as u32))
        .collect();
    keys.sort_unstable();
    let mut near: Vec<(u64, u32)> = names
        .iter()
        .enumerate()
        .filter(|(_, n)| n.key.chars().count() >= MIN_NEAR_KEY)
        .flat_map(|(i, n)| deletions(&n.key).into_iter().map(move |h| (h, i as u32)))
        .collect();
    near.sort_unstable();
    near.dedup();
    let persons: Vec<(u32, NameForm)> = names
        .iter()
        .enumerate()
        .filter_map(|(i, n)| {
            NameForm::person(&n.surface)
                .filter(|f| f.first.is_some())
                .map(|f| (i as u32, f))
        })
        .collect();
    let mut by_last: Vec<(u64, u32)> = persons
        .iter()
        .enumerate()
        .map(|(k, (_, f))| (hash(&f.last), k as u32))
        .collect();
    by_last.sort_unstable();
    NameScan {
        names,
        folds,
        keys,
        near,
        persons,
        by_last,
    }
}

/// Pairs (left index, right index) of entries whose hashes are equal in two sorted lists.
pub(crate) fn join(a: &[(u64, u32)], b: &[(u64, u32)]) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let h = a[i].0;
                let i_end = i + a[i..].iter().take_while(|x| x.0 == h).count();
                let j_end = j + b[j..].iter().take_while(|x| x.0 == h).count();
                for x in &a[i..i_end] {
                    for y in &b[j..j_end] {
                        out.push((x.1, y.1));
                    }
                }
                i = i_end;
                j = j_end;
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Spelling variants between two articles: names with one key (or one typo apart) printed
/// differently by each, where neither article prints the other's spelling.
pub(crate) fn scan_variants(l: &NameScan, r: &NameScan) -> Vec<(usize, usize)> {
    let differs = |a: &Scanned, b: &Scanned| !r.prints(&a.fold) && !l.prints(&b.fold);
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    for (i, j) in join(&l.keys, &r.keys) {
        let (a, b) = (&l.names[i as usize], &r.names[j as usize]);
        if a.key == b.key && differs(a, b) {
            pairs.push((i, j));
        }
    }
    // one typo apart: only names whose key the other article lacks need looking at
    for (i, a) in l.names.iter().enumerate() {
        if a.key.chars().count() < MIN_NEAR_KEY || lookup(&r.keys, hash(&a.key)).next().is_some() {
            continue;
        }
        for d in deletions(&a.key) {
            for j in lookup(&r.near, d) {
                let b = &r.names[j as usize];
                if near_keys(&a.key, &b.key, MIN_NEAR_KEY) && differs(a, b) {
                    pairs.push((i as u32, j));
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    // one variant per left name and per right name: the most printed
    pairs.sort_by(|&(a, b), &(c, d)| {
        let w = |i: u32, j: u32| l.names[i as usize].count + r.names[j as usize].count;
        w(c, d).cmp(&w(a, b)).then((a, b).cmp(&(c, d)))
    });
    let (mut used_l, mut used_r) = (HashSet::new(), HashSet::new());
    let mut out = Vec::new();
    for (i, j) in pairs {
        let (a, b) = (&l.names[i as usize], &r.names[j as usize]);
        if used_l.contains(&a.key) || used_r.contains(&b.key) {
            continue;
        }
        used_l.insert(a.key.clone());
        used_r.insert(b.key.clone());
        out.push((i as usize, j as usize));
    }
    // in the order the left article names them
    out.sort_by_key(|&(i, j)| (l.names[i].sentence, i, j));
    out
}

/// Merge variant lists: drop repeats and any variant whose two sides lie inside another's
/// ("Kovalsky"/"Kovalskiy" inside "Petro Kovalsky"/"Petro Kovalskiy"); keep order.
pub(crate) fn tidy_variants(all: Vec<Variant>) -> Vec<Variant> {
    let folded: Vec<(String, String)> = all
        .iter()
        .map(|v| (fold(&v.left), fold(&v.right)))
        .collect();
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for (k, v) in all.into_iter().enumerate() {
        let (fl, fr) = &folded[k];
        if fl == fr || !seen.insert((fl.clone(), fr.clone())) {
            continue;
        }
        let covered = folded.iter().enumerate().any(|(m, (gl, gr))| {
            m != k
                && (gl.len() + gr.len() > fl.len() + fr.len())
                && gl.contains(fl.as_str())
                && gr.contains(fr.as_str())
        });
        if !covered {
            out.push(v);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(sentences: &[&str]) -> Article {
        Article::of_sentences(sentences)
    }

    fn variants(a: &[&str], b: &[&str]) -> Vec<(String, String)> {
        let (l, r) = (scan(&article(a)), scan(&article(b)));
        scan_variants(&l, &r)
            .into_iter()
            .map(|(i, j)| (l.names[i].surface.clone(), r.names[j].surface.clone()))
            .collect()
    }

    #[test]
    fn given_names_in_one_word_or_two_are_one_person() {
        let score = |a: &str, b: &str| {
            person_form_score(&NameForm::person(a).unwrap(), &NameForm::person(b).unwrap())
        };
        assert!(score("Abdul Rahim Qadiri", "Abdurrahim Qadiri") > 0.0);
        assert!(score("Anna Maria Lind", "Annamaria Lind") > 0.0);
        assert_eq!(score("Abdul Karim Qadiri", "Abdurrahim Qadiri"), 0.0);
        assert_eq!(score("Anna Lind", "Maria Lind"), 0.0);
    }

    #[test]
    fn transliterations_share_a_key() {
        for group in [
            ["Medvedchuk", "Medvedtchuk", "Medvedchuck"],
            ["Yevgenia", "Evgenia", "Jevgenia"],
            ["Kharitonov", "Haritonov", "Kharitonov"],
            ["Sergiy", "Sergii", "Sergiyy"],
            ["Dnipropetrovsk", "Dnipropetrovs'k", "Dnipropetrovśk"],
            ["Qasimabad", "Kasimabad", "Qassimabad"],
            ["Ghardani", "Gardani", "Ghardany"],
        ] {
            assert_eq!(token_key(group[0]), token_key(group[1]), "{group:?}");
            assert_eq!(token_key(group[0]), token_key(group[2]), "{group:?}");
        }
        assert_ne!(token_key("Ivanov"), token_key("Ivanova"));
        assert_eq!(token_key("Oleh"), token_key("Olekh"));
    }

    #[test]
    fn person_forms_drop_titles_and_keep_first_and_last() {
        let f = NameForm::person("Former Prime Minister Boris Lemmington Jr.").unwrap();
        assert_eq!(f.surface, "Boris Lemmington");
        assert_eq!(f.last_surface, "Lemmington");
        assert_eq!(f.first_surface.as_deref(), Some("Boris"));
        let g = NameForm::person("Mr Lemmington").unwrap();
        assert_eq!(g.surface, "Lemmington");
        assert!(g.first.is_none());
        assert!(person_form_score(&f, &g) > 0.8);
        let v = NameForm::person("Ursula von der Hallen").unwrap();
        assert_eq!(v.first_surface.as_deref(), Some("Ursula"));
        assert_eq!(v.last_surface, "Hallen");
    }

    #[test]
    fn different_first_names_are_different_people() {
        let a = NameForm::person("Joe Brandt").unwrap();
        let b = NameForm::person("Hunter Brandt").unwrap();
        assert_eq!(person_form_score(&a, &b), 0.0);
        let c = NameForm::person("J. Brandt").unwrap();
        assert!(person_form_score(&a, &c) > 0.0);
        assert_eq!(person_form_score(&b, &c), 0.0);
        // nickname groups: Bill is William
        let w = NameForm::person("William Kessler").unwrap();
        let bill = NameForm::person("Bill Kessler").unwrap();
        assert!(person_form_score(&w, &bill) >= 0.95);
    }

    #[test]
    fn short_surnames_need_an_exact_key() {
        let a = NameForm::person("Tom Lea").unwrap();
        let b = NameForm::person("Tom Lee").unwrap();
        assert_eq!(person_form_score(&a, &b), 0.0);
        let c = NameForm::person("Anna Kovalenkova").unwrap();
        let d = NameForm::person("Anna Kovalenkovva").unwrap();
        assert!(person_form_score(&c, &d) > 0.0);
        let e = NameForm::person("Anna Kovalenkov").unwrap();
        assert_eq!(
            person_form_score(&c, &e),
            0.0,
            "an inflection is not a typo"
        );
    }

    #[test]
    fn organisations_by_key_acronym_or_contained_words() {
        let o = |s| NameForm::organisation(s).unwrap();
        assert_eq!(
            organisation_form_score(&o("the Harbour Authority"), &o("Harbour Authority")),
            1.0
        );
        assert!(
            organisation_form_score(&o("IAEA"), &o("International Atomic Energy Agency")) > 0.8
        );
        assert!(
            organisation_form_score(&o("foreign ministry"), &o("Danish foreign ministry")) > 0.7
        );
        assert_eq!(
            organisation_form_score(&o("Ministry"), &o("Defence Ministry")),
            0.0
        );
    }

    #[test]
    fn scanner_finds_spelling_variants_of_places_and_people() {
        let v = variants(
            &["Troops moved towards Mykolayiv and Dnipropetrovsk on Monday."],
            &["Troops moved towards Mykolaiv and Dnipropetrovsk, officials said."],
        );
        assert_eq!(v, [("Mykolayiv".to_owned(), "Mykolaiv".to_owned())]);
        let v = variants(
            &["Editor William Kessler said so.", "Mr Kessler left."],
            &["Magazine Editor Bill Kessler disagreed."],
        );
        assert_eq!(
            v,
            [("William Kessler".to_owned(), "Bill Kessler".to_owned())]
        );
        let v = variants(
            &["His daughter, Yevgenia, spoke."],
            &["His daughter, Evgenia, said he prayed."],
        );
        assert_eq!(v, [("Yevgenia".to_owned(), "Evgenia".to_owned())]);
    }

    #[test]
    fn scanner_catches_spacing_and_typos_but_not_inflections() {
        let v = variants(
            &["The Apollo 11 mission and the Hubblesworth telescope."],
            &["The Apollo11 mission and the Hubbelsworth telescope."],
        );
        assert_eq!(
            v,
            [
                ("Apollo 11".to_owned(), "Apollo11".to_owned()),
                ("Hubblesworth".to_owned(), "Hubbelsworth".to_owned())
            ]
        );
        let v = variants(
            &["Many Argentinians came to Argentina."],
            &["An Argentinian team visited Argentina."],
        );
        assert!(v.is_empty(), "{v:?}");
    }

    #[test]
    fn a_spelling_printed_by_both_is_no_variant() {
        let v = variants(
            &["Mykolayiv was shelled."],
            &["Mykolaiv, also spelled Mykolayiv, was shelled."],
        );
        assert!(v.is_empty(), "{v:?}");
        // months, weekdays and sentence openers are not names
        let v = variants(
            &["On Monday in May they met."],
            &["In May, on Monday, we met."],
        );
        assert!(v.is_empty(), "{v:?}");
    }

    #[test]
    fn tidy_drops_repeats_and_contained_variants() {
        let v = |l: &str, r: &str| Variant {
            left: l.into(),
            right: r.into(),
        };
        let out = tidy_variants(vec![
            v("Mykolayiv", "Mykolaiv"),
            v("Oleh Sentsov", "Oleg Sentsov"),
            v("Oleh", "Oleg"),
            v("Mykolayiv", "Mykolaiv"),
        ]);
        assert_eq!(
            out,
            [
                v("Mykolayiv", "Mykolaiv"),
                v("Oleh Sentsov", "Oleg Sentsov")
            ]
        );
    }
}

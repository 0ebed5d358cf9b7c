//! Speech cues from `assets/speech.toml`: every inflected form of the speech verbs, the
//! multi-word cues, and the words that may stand between a speaker and the verb.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use serde::Deserialize;

use crate::lexicon::{CALENDAR, asset, parse};

#[derive(Deserialize)]
struct VerbLists {
    strong: Vec<String>,
    weak: Vec<String>,
    take_object: Vec<String>,
    addressee: Vec<String>,
}

#[derive(Deserialize)]
struct SpeechFile {
    verbs: VerbLists,
    cues: CueLists,
    grammar: Grammar,
}

/// Function words, as sets.
#[derive(Deserialize)]
pub struct Grammar {
    pub np_stops: HashSet<String>,
    pub determiners: HashSet<String>,
    pub subject_pronouns: HashSet<String>,
    pub auxiliaries: HashSet<String>,
    pub subordinators: HashSet<String>,
    pub wh_words: HashSet<String>,
    pub relative_pronouns: HashSet<String>,
    pub channels: HashSet<String>,
    /// A speech verb's participle with this word right after it has lost its object: the
    /// noun before it is who was accused, not who spoke ("a mayor accused of bribery").
    #[serde(default)]
    pub objectless: HashMap<String, String>,
    /// Endings of plural nouns for people ("voters", "advocates", "residents"): a bare
    /// plural with one of them can speak ("Protesters said"); "events" and "attacks" cannot.
    #[serde(default)]
    pub people_plural_endings: Vec<String>,
}

#[derive(Deserialize)]
struct CueLists {
    also_nouns: Vec<String>,
    naming: Vec<String>,
    #[serde(default)]
    with_object: HashMap<String, Vec<String>>,
    #[serde(default)]
    particles: HashMap<String, Vec<String>>,
    as_aside: Vec<String>,
    wh_complement: Vec<String>,
    #[serde(default)]
    object_before: HashMap<String, Vec<String>>,
    according_to: Vec<String>,
    went_on: Vec<String>,
    passive_cues: Vec<String>,
    statement_nouns: Vec<String>,
    between: Vec<String>,
    time_prepositions: Vec<String>,
    time_nouns: Vec<String>,
}

/// The grammatical form of a verb token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Base,
    Third,
    Past,
    Ing,
    Participle,
}

/// What a speech-verb token is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verb {
    pub base: String,
    pub form: Form,
    /// Needs "that" or a clause of its own to report speech.
    pub weak: bool,
    /// Can take a plain noun phrase as what is claimed or denied.
    pub object: bool,
    /// Its object is the person addressed ("told Reuters").
    pub addressee: bool,
}

/// The speech lexicon, built once.
pub struct Speech {
    verbs: HashMap<String, Verb>,
    /// Multi-word cues as lower-case word sequences.
    pub according_to: Vec<Vec<String>>,
    /// "went on to": a speech verb's base form after it is a report.
    pub went_on: Vec<Vec<String>>,
    pub passive_cues: Vec<Vec<String>>,
    statement_nouns: HashSet<String>,
    between: HashSet<String>,
    time_prepositions: HashSet<String>,
    time_nouns: HashSet<String>,
    pub grammar: Grammar,
    also_nouns: HashSet<String>,
    naming: HashSet<String>,
    /// Verbs that are speech only with one of these objects ("raised questions").
    with_object: HashMap<String, HashSet<String>>,
    /// Particles of phrasal speech verbs ("pointed out").
    particles: HashMap<String, HashSet<String>>,
    /// Verbs that report the clause after an "as" aside ("As X noted, …").
    as_aside: HashSet<String>,
    /// Verbs that report a question or manner clause ("asked whether …").
    wh_complement: HashSet<String>,
    /// Verbs that take an object only before one of these words ("charged X with …").
    object_before: HashMap<String, HashSet<String>>,
}

impl Speech {
    /// Is the verb with this base form speech before this (lower-case) next word? Most
    /// verbs are; "raise" only with "questions", "doubts" or "concerns" after it.
    pub fn speech_with(&self, base: &str, next: Option<&str>) -> bool {
        match self.with_object.get(base) {
            Some(objects) => next.is_some_and(|n| objects.contains(n)),
            None => true,
        }
    }

    /// Is this (lower-case) word the particle of the verb with this base ("pointed out")?
    pub fn is_particle(&self, base: &str, word: &str) -> bool {
        self.particles.get(base).is_some_and(|p| p.contains(word))
    }

    /// Does "As X VERB, …" report the clause after the aside, for the verb with this base?
    pub fn reports_after_as(&self, base: &str) -> bool {
        self.as_aside.contains(base)
    }

    /// Does the verb with this base report a clause opened by "whether", "how", "why" …?
    pub fn takes_wh(&self, base: &str) -> bool {
        self.wh_complement.contains(base)
    }

    /// The words one of which must follow the object of this verb for it to report one.
    pub fn object_before(&self, base: &str) -> Option<&HashSet<String>> {
        self.object_before.get(base)
    }

    /// Is this a verb of naming ("dubbed", "called", "described as")?
    pub fn is_naming(&self, base: &str) -> bool {
        self.naming.contains(base)
    }

    /// Is this verb (by its base form) also a noun ("remarks", "a report")?
    pub fn also_noun(&self, base: &str) -> bool {
        self.also_nouns.contains(base)
    }

    /// The speech verb this (lower-case) word is a form of.
    pub fn verb(&self, lower: &str) -> Option<&Verb> {
        self.verbs.get(lower)
    }

    pub fn is_statement_noun(&self, lower: &str) -> bool {
        self.statement_nouns.contains(lower)
    }

    /// Auxiliaries and adverbs that may sit between a speaker and its verb.
    pub fn is_between(&self, lower: &str) -> bool {
        self.between.contains(lower)
            || (lower.contains('\u{2019}')
                && self.between.contains(&lower.replace('\u{2019}', "'")))
    }

    pub fn is_time_preposition(&self, lower: &str) -> bool {
        self.time_prepositions.contains(lower)
    }

    /// The length of a time phrase starting at word `i` of `words` (lower case): optional
    /// prepositions and qualifiers followed by time words ("on Tuesday", "last week", "this
    /// month", "on Sunday night"); 0 when none starts there.
    pub fn time_phrase_len(&self, words: &[String], i: usize) -> usize {
        let mut k = i;
        while k < words.len() && k < i + 3 && self.time_prepositions.contains(&words[k]) {
            k += 1;
        }
        let first_time = k;
        while k < words.len() && self.is_time_word(&words[k]) {
            k += 1;
        }
        if k > first_time { k - i } else { 0 }
    }

    /// A word that names a time: "Tuesday", "January", "week", "yesterday".
    pub fn is_time_word(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        self.time_nouns.contains(&lower)
            || CALENDAR.weekday(&lower).is_some()
            || (CALENDAR.month(&lower).is_some() && lower != "may" && lower != "march")
            || (lower.len() == 4 && lower.bytes().all(|b| b.is_ascii_digit()))
    }
}

fn forms(entry: &str) -> (String, Vec<(String, Form)>) {
    if entry.contains('|') {
        let parts: Vec<&str> = entry.split('|').collect();
        let kinds = [
            Form::Base,
            Form::Third,
            Form::Past,
            Form::Ing,
            Form::Participle,
        ];
        let base = parts[0].to_owned();
        let v = parts
            .iter()
            .zip(kinds)
            .map(|(p, k)| (p.to_string(), k))
            .collect();
        return (base, v);
    }
    let double = entry.ends_with('+');
    let base = entry.trim_end_matches('+').to_owned();
    let b = base.as_str();
    let last = b.chars().last().unwrap_or('x');
    let before_last = b.chars().rev().nth(1).unwrap_or('x');
    let vowel = |c: char| "aeiou".contains(c);
    let third = if b.ends_with('s')
        || b.ends_with('x')
        || b.ends_with('z')
        || b.ends_with("ch")
        || b.ends_with("sh")
        || b.ends_with('o')
    {
        format!("{b}es")
    } else if last == 'y' && !vowel(before_last) {
        format!("{}ies", &b[..b.len() - 1])
    } else {
        format!("{b}s")
    };
    let (past, ing) = if double {
        (format!("{b}{last}ed"), format!("{b}{last}ing"))
    } else if last == 'e' {
        let stem = &b[..b.len() - 1];
        (format!("{b}d"), format!("{stem}ing"))
    } else if last == 'y' && !vowel(before_last) {
        (format!("{}ied", &b[..b.len() - 1]), format!("{b}ing"))
    } else {
        (format!("{b}ed"), format!("{b}ing"))
    };
    let v = vec![
        (base.clone(), Form::Base),
        (third, Form::Third),
        (past.clone(), Form::Past),
        (ing, Form::Ing),
        (past, Form::Participle),
    ];
    (base, v)
}

fn phrase(s: &str) -> Vec<String> {
    s.split_whitespace().map(str::to_lowercase).collect()
}

pub static SPEECH: LazyLock<Speech> = LazyLock::new(|| {
    let SpeechFile {
        verbs: lists,
        cues: f,
        grammar,
    } = parse("speech.toml", asset!("speech.toml"));
    let base_of = |e: &String| {
        e.split('|')
            .next()
            .unwrap_or(e)
            .trim_end_matches('+')
            .to_owned()
    };
    let weak: HashSet<String> = lists.weak.iter().map(base_of).collect();
    let object: HashSet<String> = lists.take_object.iter().map(base_of).collect();
    let addressee: HashSet<String> = lists.addressee.iter().map(base_of).collect();
    let mut verbs = HashMap::new();
    for entry in &lists.strong {
        let (base, fs) = forms(entry);
        for (word, form) in fs {
            // an irregular entry wins over a generated one ("tell" is listed twice)
            verbs.entry(word).or_insert_with(|| Verb {
                base: base.clone(),
                form,
                weak: weak.contains(&base),
                object: object.contains(&base),
                addressee: addressee.contains(&base),
            });
        }
    }
    Speech {
        verbs,
        according_to: f.according_to.iter().map(|s| phrase(s)).collect(),
        went_on: f.went_on.iter().map(|s| phrase(s)).collect(),
        passive_cues: f.passive_cues.iter().map(|s| phrase(s)).collect(),
        statement_nouns: f.statement_nouns.into_iter().collect(),
        between: f.between.into_iter().collect(),
        time_prepositions: f.time_prepositions.into_iter().collect(),
        time_nouns: f.time_nouns.into_iter().collect(),
        grammar,
        also_nouns: f.also_nouns.into_iter().collect(),
        naming: f.naming.into_iter().collect(),
        with_object: f
            .with_object
            .into_iter()
            .map(|(verb, objects)| (verb, objects.into_iter().collect()))
            .collect(),
        particles: f
            .particles
            .into_iter()
            .map(|(verb, ps)| (verb, ps.into_iter().collect()))
            .collect(),
        as_aside: f.as_aside.into_iter().collect(),
        wh_complement: f.wh_complement.into_iter().collect(),
        object_before: f
            .object_before
            .into_iter()
            .map(|(verb, ws)| (verb, ws.into_iter().collect()))
            .collect(),
    }
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_are_generated() {
        let s = &*SPEECH;
        assert_eq!(s.verb("said").map(|v| v.form), Some(Form::Past));
        assert_eq!(s.verb("says").map(|v| v.base.as_str()), Some("say"));
        assert_eq!(s.verb("denies").map(|v| v.base.as_str()), Some("deny"));
        assert_eq!(s.verb("admitted").map(|v| v.base.as_str()), Some("admit"));
        assert_eq!(s.verb("arguing").map(|v| v.base.as_str()), Some("argue"));
        assert_eq!(s.verb("stresses").map(|v| v.form), Some(Form::Third));
        assert_eq!(s.verb("told").map(|v| v.addressee), Some(true));
        assert_eq!(s.verb("added").map(|v| v.weak), Some(true));
        assert_eq!(s.verb("claimed").map(|v| v.object), Some(true));
        assert!(s.verb("walked").is_none());
        assert!(
            s.verbs.len() > 600,
            "several hundred forms: {}",
            s.verbs.len()
        );
    }

    #[test]
    fn time_words() {
        assert!(SPEECH.is_time_word("Tuesday"));
        assert!(SPEECH.is_time_word("week"));
        assert!(SPEECH.is_time_word("2024"));
        assert!(!SPEECH.is_time_word("May"), "May is also a name");
    }
}

//! Disputes told in the narration rather than quoted: "The firm rejected claims by regulators
//! that it hid losses", "fact-checkers have disputed the campaign's characterization",
//! "FactCheck.org rated the ad as false", "The Republicans hit back with …", and statements
//! of documents ("the advertisement says").
//!
//! Each cue gives who disputes (an actor of the registry, or the words of the subject), what
//! kind of answer it is, and what it points at: names and a noun ("the Obama ad"), or a claim
//! stated inside the sentence, credited to the claimant it names ("claims by regulators that
//! S").

use std::sync::LazyLock;

use regex::Regex;

use super::CUES;
use crate::analyse::Doc;
use crate::analyse::cues::SPEECH;
use crate::analyse::names::{Mention, MentionKind};
use crate::analyse::people::Registry;
use crate::analyse::tokens::{Kind, is_quote_mark};

/// How a sentence answers another party.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Answer {
    /// Denies or disputes: "rejected the claims", "called it false".
    Deny,
    /// Counters with a claim of its own: "hit back", "pushed back".
    Counter,
    /// The outlet says what the subject said is false: "X falsely claimed that S".
    Outlet,
}

/// What follows a dispute cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Object {
    /// A noun that names a claim ("the claims", "the ad").
    Claim,
    /// A word that points back ("denied it", "rejected that").
    Back,
    /// A clause: "denied that he had met them".
    Clause,
    /// Nothing: "Engineers disagree."
    Nothing,
    /// Something else: "denied bail".
    Other,
}

/// A claim stated inside a disputer's sentence.
#[derive(Debug, Clone)]
pub(super) struct Inner {
    pub entity: Option<usize>,
    pub claimant: Option<String>,
    pub text: String,
}

/// A dispute cue in the narration of one sentence.
#[derive(Debug, Clone)]
pub(super) struct Cue {
    pub sentence: usize,
    pub para: usize,
    pub answer: Answer,
    /// The disputer, as an actor of the registry …
    pub entity: Option<usize>,
    /// … or as the words of the subject ("independent fact-checkers").
    pub subject: Option<String>,
    /// The subject is a pronoun: the disputer is whoever the sentence's statement is by.
    pub pronoun: bool,
    /// The outlet disputes what the subject said ("X falsely claimed that S"): the subject
    /// is the claimant of `inner`.
    pub outlet: bool,
    /// The denial: the clause from the subject to its end.
    pub text: String,
    /// Names in the phrase of what is disputed ("the Romney campaign's characterization").
    pub names: Vec<String>,
    /// The noun of that phrase, lower case ("characterization", "ad").
    pub noun: Option<String>,
    pub object: Object,
    pub inner: Option<Inner>,
}

/// Auxiliaries and adverbs between a subject and its verb ("have", "alike", "flatly").
fn is_between(w: &str) -> bool {
    SPEECH.is_between(w)
        || SPEECH.grammar.auxiliaries.contains(w)
        || matches!(
            w,
            "alike" | "both" | "all" | "also" | "quickly" | "flatly" | "swiftly"
        )
}

/// The statements of documents: "the advertisement says", "says the new ad".
static DOCUMENT_SPEAKER: LazyLock<Regex> = LazyLock::new(|| {
    let nouns = CUES
        .documents
        .keys()
        .map(|n| regex::escape(n))
        .collect::<Vec<_>>()
        .join("|");
    let verbs = "says|said|states|stated|reads|claims|claimed|asserts|asserted|declares|declared|tells|told|warns|warned";
    Regex::new(&format!(
        r"(?i)\b(?:the|an?|its|their|this)\s+((?:[\w’'-]+\s+){{0,3}}?(?:{nouns}))\s*[,:]?\s*(?:{verbs})\b|\b(?:{verbs})\s+(?:the|an?|its|their|this)\s+((?:[\w’'-]+\s+){{0,3}}?(?:{nouns}))\b"
    ))
    .expect("document speaker pattern")
});

/// The document that speaks in a sentence ("the advertisement"), for a quote no actor is
/// credited with.
pub(super) fn document_speaker(sentence: &str, quote: &str) -> Option<String> {
    // the attribution stands outside the quoted words
    let outside = sentence.replacen(quote, " ", 1);
    let c = DOCUMENT_SPEAKER.captures(&outside)?;
    let np = c.get(1).or_else(|| c.get(2))?.as_str();
    Some(format!("the {}", np.trim()))
}

/// The document class of a noun ("commercial" → "ad").
pub(super) fn document_class(noun: &str) -> Option<&'static str> {
    CUES.documents.get(noun).map(String::as_str)
}

/// Dispute cues in the narration of each sentence.
pub(super) fn find(doc: &Doc<'_>, mentions: &[Mention], reg: &mut Registry) -> Vec<Cue> {
    let mut out = Vec::new();
    for (si, (pi, r)) in doc.sentences.iter().enumerate() {
        let p = &doc.paras[*pi];
        let words: Vec<String> = (r.start..r.end)
            .map(|k| p.tokens[k].text(p.text).to_lowercase())
            .collect();
        // words inside quotation marks are speech, not narration
        let mut quoted = vec![false; words.len()];
        let mut open = false;
        for (i, k) in (r.start..r.end).enumerate() {
            if is_quote_mark(p.tokens[k].text(p.text)) {
                open = !open;
            }
            quoted[i] = open;
        }
        let Some((at, len, answer)) = cue_at(&words, &quoted) else {
            continue;
        };
        let tok = |i: usize| &p.tokens[r.start + i];
        // the subject: the words before the cue, over auxiliaries and adverbs
        let mut b = at;
        while b > 0 && is_between(&words[b - 1]) {
            b -= 1;
        }
        if b == 0 {
            continue;
        }
        let np_end = b; // exclusive, in sentence words
        let mut np_start = np_end;
        while np_start > 0 && np_end - np_start < 7 {
            let w = &words[np_start - 1];
            let t = tok(np_start - 1);
            let word_like = t.kind != Kind::Punct || matches!(w.as_str(), "-" | "." | "'s" | "’s");
            if !word_like
                || matches!(
                    w.as_str(),
                    "that" | "which" | "who" | "as" | "but" | "while" | "when" | "said" | "says"
                )
                || SPEECH.verb(w).is_some()
                || is_preposition(w)
                || matches!(w.as_str(), "appears" | "appear" | "seems" | "seem")
            {
                break;
            }
            np_start -= 1;
        }
        if np_start == np_end {
            continue;
        }
        let pronoun =
            np_end - np_start == 1 && SPEECH.grammar.subject_pronouns.contains(&words[np_start]);
        // a subject is a noun phrase: "stances that he has since disavowed" has none
        let clause_like = words[np_start..np_end].iter().any(|w| {
            SPEECH.grammar.auxiliaries.contains(w)
                || (np_end - np_start > 1 && SPEECH.grammar.subject_pronouns.contains(w))
                || w == "since"
        });
        if clause_like {
            continue;
        }
        // an actor whose name ends the subject
        let mention = mentions.iter().enumerate().find(|(_, m)| {
            m.para == *pi && m.end == r.start + np_end && m.start >= r.start + np_start
        });
        let entity = match mention {
            Some((_, m)) if m.kind == MentionKind::Place => Some(reg.place_actor(&m.name, si)),
            Some((mi, _)) => reg.of_mention.get(mi).copied().flatten(),
            None => None,
        };
        let first = np_start
            + words[np_start..np_end]
                .iter()
                .take_while(|w| SPEECH.grammar.determiners.contains(*w))
                .count();
        let subject = (!pronoun && first < np_end)
            .then(|| p.text[tok(first).start as usize..tok(np_end - 1).end as usize].to_owned());
        // the denial runs from the subject to the end of the sentence
        let end = tok(words.len() - 1).end as usize;
        let text = p.text[tok(np_start).start as usize..end]
            .trim_end_matches(['.', ' '])
            .to_owned();
        let (names, noun, mut inner) = target(doc, mentions, reg, *pi, r.start, &words, at + len);
        let outlet = answer == Answer::Outlet;
        if outlet {
            // the claim: what follows the verb ("that" optional), credited to the subject
            let from = at + len + usize::from(words.get(at + len).is_some_and(|w| w == "that"));
            let stop = (from..words.len())
                .find(|&x| matches!(words[x].as_str(), ";" | "." | "?" | "!"))
                .unwrap_or(words.len());
            if stop <= from + 2 || pronoun {
                continue;
            }
            inner = Some(Inner {
                entity,
                claimant: subject.clone(),
                text: p.text[tok(from).start as usize..tok(stop - 1).end as usize]
                    .trim_end_matches([',', ' '])
                    .to_owned(),
            });
        }
        let object = if noun.is_some() {
            Object::Claim
        } else {
            object_after(&words, at + len)
        };
        out.push(Cue {
            sentence: si,
            para: *pi,
            answer,
            entity,
            subject,
            pronoun,
            outlet,
            text,
            names,
            noun,
            object,
            inner,
        });
    }
    out
}

/// Does a word end a noun phrase as a preposition ("in", "by", "of")?
pub(super) fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "on"
            | "at"
            | "for"
            | "with"
            | "after"
            | "before"
            | "during"
            | "over"
            | "to"
            | "from"
            | "by"
            | "of"
            | "about"
            | "as"
            | "into"
            | "than"
            | "because"
            | "since"
            | "while"
            | "when"
            | "and"
            | "but"
    )
}

/// The index of the noun of a claim heading the object that starts at word `from` ("denied
/// the reports", "rejected Moscow's claim"), before any preposition.
pub(super) fn object_noun(words: &[String], from: usize) -> Option<usize> {
    words
        .iter()
        .enumerate()
        .skip(from)
        .take(8)
        .take_while(|(_, w)| !is_preposition(w))
        .find(|(_, w)| CUES.anaphora.contains(*w) || CUES.documents.contains_key(*w))
        .map(|(k, _)| k)
}

/// What follows a cue without a noun of a claim: a word pointing back, a clause, nothing.
pub(super) fn object_after(words: &[String], from: usize) -> Object {
    // over time phrases and adverbs ("disagreed on Tuesday", "flatly denied it")
    let mut k = from;
    loop {
        let n = SPEECH.time_phrase_len(words, k);
        if n > 0 {
            k += n;
        } else if words
            .get(k)
            .is_some_and(|w| is_between(w) || w == "strongly")
        {
            k += 1;
        } else {
            break;
        }
    }
    match words.get(k).map(String::as_str) {
        None | Some("." | "!" | ";") => Object::Nothing,
        Some("it" | "this" | "that" | "them" | "those" | "these" | "so")
            if words
                .get(k + 1)
                .is_none_or(|w| !w.chars().all(char::is_alphabetic) || k + 1 == words.len()) =>
        {
            Object::Back
        }
        Some("that") => Object::Clause,
        Some("with") => Object::Back,
        _ => Object::Other,
    }
}

/// The first dispute cue of a sentence outside quotation marks: its word index, its length
/// in words, and the kind of answer.
fn cue_at(words: &[String], quoted: &[bool]) -> Option<(usize, usize, Answer)> {
    for (i, w) in words.iter().enumerate() {
        if quoted[i] {
            continue;
        }
        // "falsely claimed": the outlet's own word on what someone said
        if CUES.outlet_adverbs.contains(w)
            && words.get(i + 1).is_some_and(|v| SPEECH.verb(v).is_some())
        {
            return Some((i, 2, Answer::Outlet));
        }
        for (phrases, answer) in [
            (&CUES.dispute_phrases, Answer::Deny),
            (&CUES.counter_phrases, Answer::Counter),
        ] {
            if let Some(p) = phrases.iter().find(|p| words[i..].starts_with(p)) {
                return Some((i, p.len(), answer));
            }
        }
        if CUES.dispute_verbs.contains(w) {
            // "denied by X" is a passive, handled with its agent
            if words.get(i + 1).is_some_and(|n| n == "by")
                || i > 0 && matches!(words[i - 1].as_str(), "was" | "were" | "been" | "be")
            {
                continue;
            }
            return Some((i, 1, Answer::Deny));
        }
        // "rated the ad as false", "called the claims baseless"
        if CUES.judging_verbs.contains(w) {
            let clause_end = (i + 1..words.len())
                .find(|&k| matches!(words[k].as_str(), "," | ";" | ":" | "." | "but"))
                .unwrap_or(words.len());
            let span = &words[i + 1..clause_end.min(i + 16)];
            if CUES
                .false_words
                .iter()
                .any(|f| span.windows(f.len()).any(|x| x == f.as_slice()))
            {
                return Some((i, 1, Answer::Deny));
            }
        }
    }
    None
}

/// What a cue points at, from word `from` of the sentence: the names and the noun of the
/// phrase disputed ("the Romney campaign's characterization"), and a claim stated inside
/// ("claims by regulators that it hid losses").
fn target(
    doc: &Doc<'_>,
    mentions: &[Mention],
    reg: &mut Registry,
    pi: usize,
    start: usize,
    words: &[String],
    from: usize,
) -> (Vec<String>, Option<String>, Option<Inner>) {
    let p = &doc.paras[pi];
    let tok = |i: usize| &p.tokens[start + i];
    let mut names = Vec::new();
    let mut noun = None;
    let mut k = from;
    while k < words.len() && k < from + 8 {
        let w = &words[k];
        if tok(k).kind == Kind::Punct && !matches!(w.as_str(), "-" | "'s" | "’s") {
            break;
        }
        if CUES.anaphora.contains(w) || CUES.documents.contains_key(w) {
            noun = Some(w.clone());
            break;
        }
        // the object ends before a preposition: "rejected the agenda in great numbers"
        if is_preposition(w) {
            break;
        }
        let raw = tok(k).text(p.text);
        if raw.chars().next().is_some_and(char::is_uppercase) {
            names.extend(raw.split('-').filter(|x| x.len() > 1).map(str::to_owned));
        }
        k += 1;
    }
    if noun.is_none() {
        return (Vec::new(), None, None);
    }
    // "claims by regulators that …": the claimant, then the claim
    let mut j = k + 1;
    let mut by: Option<(usize, usize)> = None;
    if words.get(j).is_some_and(|w| w == "by" || w == "from") {
        let s = j + 1;
        let mut e = s;
        while e < words.len() && e < s + 6 && words[e] != "that" && tok(e).kind != Kind::Punct {
            e += 1;
        }
        if e > s {
            by = Some((s, e));
        }
        j = e;
    }
    let inner = if words.get(j).is_some_and(|w| w == "that") && j + 3 < words.len() {
        let end = (j + 1..words.len())
            .find(|&x| matches!(words[x].as_str(), ";" | "." | "?" | "!"))
            .unwrap_or(words.len());
        let text = p.text[tok(j + 1).start as usize..tok(end - 1).end as usize]
            .trim_end_matches([',', ' '])
            .to_owned();
        let (entity, claimant) = match by {
            Some((s, e)) => {
                let m = mentions
                    .iter()
                    .enumerate()
                    .find(|(_, m)| m.para == pi && m.start >= start + s && m.end <= start + e);
                let entity = match m {
                    Some((_, m)) if m.kind == MentionKind::Place => {
                        let si = doc
                            .sentences
                            .iter()
                            .position(|(pp, r)| *pp == pi && r.contains(&start))
                            .unwrap_or(0);
                        Some(reg.place_actor(&m.name, si))
                    }
                    Some((mi, _)) => reg.of_mention.get(mi).copied().flatten(),
                    None => None,
                };
                let first = s + words[s..e]
                    .iter()
                    .take_while(|w| SPEECH.grammar.determiners.contains(*w))
                    .count();
                let words_of = (first < e)
                    .then(|| p.text[tok(first).start as usize..tok(e - 1).end as usize].to_owned());
                (entity, words_of)
            }
            None => (None, None),
        };
        Some(Inner {
            entity,
            claimant,
            text,
        })
    } else {
        None
    };
    (names, noun, inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_speaks() {
        let s = "\u{201c}Obama cut the fund,\u{201d} the new advertisement says.";
        assert_eq!(
            document_speaker(s, "Obama cut the fund,").as_deref(),
            Some("the new advertisement")
        );
        assert_eq!(
            document_speaker("\u{201c}Go,\u{201d} she said.", "Go,"),
            None
        );
    }
}

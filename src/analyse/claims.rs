//! Competing claims: attributed statements, their stance (assert or deny, or a weaker "could
//! not verify"), and which earlier claim a denial or counter-claim answers.
//!
//! Pairing follows how news copy links a denial to what it denies: a reference back ("the
//! claim was denied", "dismissed that criticism"), shared content (the same event and place,
//! or words echoed with a negation), an owner named in the denial ("reject Moscow's
//! seizure"), or the other side speaking next ("X says A. Y says it is B").

mod narrative;

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use serde::Deserialize;

use super::Doc;
use super::cues::SPEECH;
use super::names::{Mention, MentionKind};
use super::people::Registry;
use super::quotes::Attributed;
use super::tokens::{Kind, words_lower};
use crate::gazetteer::country_for;
use crate::lexicon::{asset, parse};
use crate::model::{Claim, QuoteKind, Stance};

#[derive(Deserialize)]
struct ClaimCues {
    claim_verbs: HashSet<String>,
    modals: HashSet<String>,
    deny_verbs: HashSet<String>,
    deny_phrases: Vec<String>,
    wrongdoing: Vec<String>,
    rebut_verbs: HashSet<String>,
    #[serde(default)]
    question_cues: Vec<String>,
    doubt_phrases: Vec<String>,
    anaphora: HashSet<String>,
    contrast: Vec<String>,
    negations: HashSet<String>,
    emphatic: Vec<String>,
    unknown: Vec<String>,
    nominal_claims: HashMap<String, String>,
    nominal_links: HashSet<String>,
    refers_to: HashMap<String, Vec<String>>,
    events: HashMap<String, Vec<String>>,
    dispute_verbs: Vec<String>,
    dispute_phrases: Vec<String>,
    counter_phrases: Vec<String>,
    counter_verbs: HashSet<String>,
    judging_verbs: Vec<String>,
    false_words: Vec<String>,
    claim_judgements: Vec<String>,
    documents: HashMap<String, Vec<String>>,
    concessive: HashSet<String>,
    outlet_adverbs: HashSet<String>,
}

struct Cues {
    claim_verbs: HashSet<String>,
    modals: HashSet<String>,
    deny_verbs: HashSet<String>,
    /// Phrases padded with spaces (" not true "), ready for [`has_phrase`].
    deny_phrases: Vec<String>,
    /// Padded phrases of wrongdoing that deny in a negated statement.
    wrongdoing: Vec<String>,
    rebut_verbs: HashSet<String>,
    /// Padded phrases that make a reply the answer to a question ("asked whether").
    question_cues: Vec<String>,
    doubt_phrases: Vec<String>,
    anaphora: HashSet<String>,
    contrast: Vec<String>,
    negations: HashSet<String>,
    /// Negations that emphasise ("never seen so many"), each split into words.
    emphatic: Vec<Vec<String>>,
    /// Negations that tell what is not known ("it was not yet known how many"), split.
    unknown: Vec<Vec<String>>,
    /// noun of a claim → the verb base that makes it ("allegations" → "allege")
    nominal_claims: HashMap<String, String>,
    /// Words that open what a nominal claim says ("allegations involving …").
    nominal_links: HashSet<String>,
    /// anaphoric noun → verb bases of the claims it points back to
    refers_to: HashMap<String, Vec<String>>,
    /// word → event class
    events: HashMap<String, String>,
    /// Every form of the verbs that dispute in narration ("rejected", "rebutting").
    dispute_verbs: HashSet<String>,
    /// Phrases that dispute ("took issue with"), split into words.
    dispute_phrases: Vec<Vec<String>>,
    /// Phrases that answer with a counter-claim ("hit back"), split into words.
    counter_phrases: Vec<Vec<String>>,
    /// Verb bases of a statement that answers the one before ("responded that …").
    counter_verbs: HashSet<String>,
    /// Every form of the verbs that judge a claim ("rated", "called").
    judging_verbs: HashSet<String>,
    /// What a judged claim is called when it is disputed ("false", "a lie"), split.
    false_words: Vec<Vec<String>>,
    /// Judgements that dispute a claim named in the same clause ("the ad is dishonest"),
    /// padded.
    claim_judgements: Vec<String>,
    /// noun of a document that speaks → its class ("commercial" → "ad")
    documents: HashMap<String, String>,
    /// Words that open a concession ("though X said A, Y said B").
    concessive: HashSet<String>,
    /// Adverbs by which the outlet says a statement is false ("falsely claimed").
    outlet_adverbs: HashSet<String>,
}

/// The inflected forms of a verb base: "dispute" → "disputes", "disputed", "disputing";
/// "deny" → "denies", "denied"; "rebut" → "rebutted".
fn inflections(base: &str) -> Vec<String> {
    let mut out = vec![
        base.to_owned(),
        format!("{base}s"),
        format!("{base}ed"),
        format!("{base}ing"),
    ];
    if let Some(stem) = base.strip_suffix('e') {
        out.extend([format!("{base}d"), format!("{stem}ing")]);
    }
    if let Some(stem) = base.strip_suffix('y') {
        out.extend([format!("{stem}ies"), format!("{stem}ied")]);
    }
    if base.ends_with(['s', 'h', 'x']) {
        out.push(format!("{base}es"));
    }
    if let Some(last) = base.chars().last().filter(|c| !"aeiouywsx".contains(*c)) {
        out.extend([format!("{base}{last}ed"), format!("{base}{last}ing")]);
    }
    // irregular pasts the list spells out itself ("hit", "shot")
    out
}

/// How many earlier statements a statement is compared with. Every search for what a
/// statement answers is already bounded by paragraphs; this bounds it when an article is one
/// huge paragraph, so the analysis stays linear in its length (news articles hold far fewer).
const LOOKBACK: usize = 128;

/// The drafts before `i` that it may answer (the nearest [`LOOKBACK`]).
fn earlier_window(i: usize) -> std::ops::Range<usize> {
    i.saturating_sub(LOOKBACK)..i
}

static CUES: LazyLock<Cues> = LazyLock::new(|| {
    let c: ClaimCues = parse("claims.toml", asset!("claims.toml"));
    let mut events = HashMap::new();
    for (class, words) in c.events {
        for w in words {
            events.insert(w, class.clone());
        }
    }
    let pad = |v: Vec<String>| v.iter().map(|p| padded(p)).collect();
    let split =
        |v: &[String]| -> Vec<Vec<String>> { v.iter().map(|p| words_lower(p).collect()).collect() };
    let forms =
        |v: &[String]| -> HashSet<String> { v.iter().flat_map(|b| inflections(b)).collect() };
    let mut documents = HashMap::new();
    for (class, nouns) in &c.documents {
        for n in nouns {
            documents.insert(n.clone(), class.clone());
        }
    }
    Cues {
        dispute_verbs: forms(&c.dispute_verbs),
        dispute_phrases: split(&c.dispute_phrases),
        counter_phrases: split(&c.counter_phrases),
        counter_verbs: c.counter_verbs,
        judging_verbs: forms(&c.judging_verbs),
        false_words: split(&c.false_words),
        claim_judgements: pad(c.claim_judgements),
        documents,
        concessive: c.concessive,
        outlet_adverbs: c.outlet_adverbs,
        claim_verbs: c.claim_verbs,
        modals: c.modals,
        deny_verbs: c.deny_verbs,
        deny_phrases: pad(c.deny_phrases),
        wrongdoing: pad(c.wrongdoing),
        rebut_verbs: c.rebut_verbs,
        question_cues: pad(c.question_cues),
        doubt_phrases: pad(c.doubt_phrases),
        anaphora: c.anaphora,
        contrast: pad(c.contrast),
        negations: c.negations,
        emphatic: c
            .emphatic
            .iter()
            .map(|p| words_lower(p).collect())
            .collect(),
        unknown: c.unknown.iter().map(|p| words_lower(p).collect()).collect(),
        nominal_claims: c.nominal_claims,
        nominal_links: c.nominal_links,
        refers_to: c.refers_to,
        events,
    }
});

/// A claim being built, with what pairing needs.
struct Draft {
    claim: Claim,
    entity: Option<usize>,
    para: usize,
    words: Vec<String>,
    /// Which of `words` are content words ([`is_content`]).
    is_content: Vec<bool>,
    /// Content words, normalised ([`normal`]), in text order without repeats.
    content: Vec<String>,
    /// For each of `words`: does a negation bear on it ([`negated_clauses`])?
    words_negated: Vec<bool>,
    /// For each of `words`: a content word written in lower case (not a name)?
    is_common: Vec<bool>,
    /// For each of `content`: does a negation bear on it ([`negated_clauses`])?
    content_negated: Vec<bool>,
    /// For each of `content`: written in lower case somewhere (not only a name)?
    content_common: Vec<bool>,
    /// Event classes of the words, sorted, without repeats.
    events: Vec<&'static str>,
    /// For each of `events`: does a negation bear on a word of it ([`negated_clauses`])?
    events_negated: Vec<bool>,
    /// The claim's text padded for phrase search ([`padded`]).
    padded: String,
    /// A word points back to an earlier statement ("the reports").
    anaphora: bool,
    /// A word is a modal ("could", "may"): a hedged claim.
    modal: bool,
    /// Verb base of the cue.
    verb: Option<String>,
    /// Words of the clause before the claim's text in its sentence, lower-cased: whom an
    /// indirect claim is about ("while the mayor is alleged to have …" → "the mayor").
    about: Vec<String>,
    /// Quoted words (a direct quote), not a reported clause.
    direct: bool,
    /// What a dispute cue of the narration says this claim answers.
    hint: Option<Hint>,
    /// The claim stated inside this one's sentence that it disputes (by sentence and text,
    /// as the drafts are re-ordered).
    inner: Option<(usize, String)>,
}

/// What a dispute cue points at ([`narrative::Cue`]).
#[derive(Debug, Clone)]
struct Hint {
    answer: narrative::Answer,
    names: Vec<String>,
    noun: Option<String>,
    /// The cue denies a clause of its own ("denied that he had met them"): it answers the
    /// claim that shares most of its words.
    clause: bool,
}

/// Words with a space on both sides, for phrase search.
fn padded(s: &str) -> String {
    padded_words(&words_lower(s).collect::<Vec<_>>())
}

/// [`padded`] of a text from its words ([`words_lower`]), already split.
fn padded_words(words: &[String]) -> String {
    let mut out = String::with_capacity(1 + words.iter().map(|w| w.len() + 1).sum::<usize>());
    out.push(' ');
    for w in words {
        out.push_str(w);
        out.push(' ');
    }
    out
}

/// `s` in lower case, written into `buf`: no allocation for an ASCII word once `buf` has
/// grown (the same result as [`str::to_lowercase`]).
fn lower_into<'b>(s: &str, buf: &'b mut String) -> &'b str {
    buf.clear();
    if s.is_ascii() {
        buf.push_str(s);
        buf.make_ascii_lowercase();
    } else {
        buf.push_str(&s.to_lowercase());
    }
    buf
}

/// Does a padded text hold a padded phrase?
fn has_phrase(padded_text: &str, padded_phrase: &str) -> bool {
    padded_text.contains(padded_phrase)
}

/// Does a padded text hold a padded phrase other than as a hypothetical ("it would be wrong
/// to build it" judges, it denies nothing)?
fn has_unhedged(padded_text: &str, padded_phrase: &str) -> bool {
    padded_text.match_indices(padded_phrase).any(|(at, _)| {
        let before = padded_text[..at].trim_end();
        let Some(rest) = before.strip_suffix(" be") else {
            return true;
        };
        let modal = rest.rsplit(' ').next().unwrap_or_default();
        !CUES.modals.contains(modal)
    })
}

fn verb_base(cue: Option<&str>) -> Option<String> {
    let first = cue?.split_whitespace().next()?.to_lowercase();
    SPEECH.verb(&first).map(|v| v.base.clone())
}

/// Extract the claims of an article from its attributed quotes and its sentences.
pub fn extract(
    doc: &Doc<'_>,
    mentions: &[Mention],
    reg: &mut Registry,
    quotes: &[Attributed],
    outlet: Option<&str>,
) -> Vec<Claim> {
    let cues = &*CUES;
    let mut drafts: Vec<Draft> = Vec::new();
    // the document that spoke last, by paragraph: its quote may go on in the next sentence
    let mut last_document: Option<(usize, String)> = None;
    for a in quotes {
        let q = &a.quote;
        if q.kind == QuoteKind::Direct && q.text.split_whitespace().count() < 3 {
            continue;
        }
        let verb = verb_base(q.cue.as_deref());
        let mut d = match a.speaker {
            Some(e) => draft(reg, e, &q.text, q.sentence, a.para, verb),
            // a document that speaks: "the advertisement says"
            None => {
                let named = sentence_text(doc, q.sentence)
                    .and_then(|s| narrative::document_speaker(s, &q.text));
                let going_on = last_document
                    .as_ref()
                    .filter(|(p, _)| *p == a.para && q.kind == QuoteKind::Direct)
                    .map(|(_, who)| who.clone());
                let Some(who) = named.or(going_on) else {
                    continue;
                };
                last_document = Some((a.para, who.clone()));
                let mut d = draft_by(&q.text, q.sentence, a.para, verb);
                d.claim.claimant = Some(who);
                d
            }
        };
        d.direct = q.kind == QuoteKind::Direct;
        drafts.push(d);
    }
    drafts.sort_by_key(|d| d.claim.sentence);
    merge_runs(reg, &mut drafts);
    nominal_allegations(doc, reg, &mut drafts);
    passive_denials(doc, mentions, reg, &mut drafts);
    narrative_cues(doc, mentions, reg, outlet, &mut drafts);
    drop_contained(&mut drafts);
    drafts.sort_by_key(|d| d.claim.sentence);
    for (n, d) in drafts.iter_mut().enumerate() {
        d.claim.id = format!("c{}", n + 1);
    }
    for d in &mut drafts {
        d.about = clause_before(doc, d.claim.sentence, &d.claim.text);
    }
    // stance
    for d in &mut drafts {
        let text = &d.padded;
        let negated_at = |n: usize| (0..d.words.len().min(n)).any(|k| is_negation(&d.words, k));
        let deny_verb = d.verb.as_ref().is_some_and(|v| cues.deny_verbs.contains(v));
        // "insisted there was no violation", "maintained he had never met him"
        let rebuttal = d
            .verb
            .as_ref()
            .is_some_and(|v| cues.rebut_verbs.contains(v))
            && negated_at(5)
            && !answers_question(doc, d.claim.sentence, &d.claim.text);
        // "no record shows that we did anything unlawful"
        let deny_phrase = cues.deny_phrases.iter().any(|p| has_unhedged(text, p))
            || (negated(&d.words) && cues.wrongdoing.iter().any(|p| has_phrase(text, p)));
        if cues.doubt_phrases.iter().any(|p| has_phrase(text, p)) {
            d.claim.unverified = true;
        }
        let no_statement = denies_no_statement(&d.words);
        let deny_phrase = deny_phrase || disputes_a_statement(&d.words);
        let deny_verb = deny_verb && !no_statement;
        // "rejected" as a phrase is the same verb: its object must be something said
        let deny_phrase = deny_phrase && !no_statement;
        if (deny_verb && !negated_at(3)) || deny_phrase || rebuttal || judges_a_claim(&d.words) {
            d.claim.stance = Stance::Deny;
        }
    }
    // echoes: two parties' statements on the same words, one of them negated, contradict
    // each other; the later one answers the earlier
    // (drafts are in sentence order, so paragraphs never decrease: the search stops at the
    // first draft more than 6 paragraphs back instead of scanning the whole article)
    let negated_of: Vec<bool> = drafts.iter().map(|d| negated(&d.words)).collect();
    // a statement answering the one before it ("responded that …") counters it
    for d in &mut drafts {
        if d.hint.is_none()
            && d.verb
                .as_ref()
                .is_some_and(|v| cues.counter_verbs.contains(v))
        {
            d.hint = Some(Hint {
                answer: narrative::Answer::Counter,
                names: Vec::new(),
                noun: None,
                clause: false,
            });
        }
    }
    // what a dispute cue points at
    for i in 0..drafts.len() {
        let targets = hinted_targets(&drafts, i, reg);
        drafts[i].claim.disputes = targets
            .iter()
            .map(|&j| drafts[j].claim.id.clone())
            .collect();
    }
    // the party a claim is about answers it with a negation on the same content
    for i in 0..drafts.len() {
        if drafts[i].hint.is_some() || !drafts[i].claim.disputes.is_empty() {
            continue;
        }
        if negated_of[i]
            && let Some(j) = accused_answers(&drafts, i, reg)
        {
            drafts[i].claim.stance = Stance::Deny;
            drafts[i].claim.disputes = vec![drafts[j].claim.id.clone()];
        }
    }
    for i in 0..drafts.len() {
        if !drafts[i].claim.disputes.is_empty() || drafts[i].hint.is_some() {
            continue;
        }
        // a phrase quoted back, within a dozen paragraphs, outweighs shared words, within six
        let candidates = || {
            earlier_window(i)
                .rev()
                .take_while(|&j| drafts[i].para <= drafts[j].para + 12)
                .filter(|&j| other_party(&drafts[i], &drafts[j], reg))
        };
        let target = candidates()
            .find_map(|j| contradicts_phrase(&drafts[i], &drafts[j]).map(|n| (j, n)))
            .or_else(|| {
                candidates()
                    .take_while(|&j| drafts[i].para <= drafts[j].para + 6)
                    .find_map(|j| contradicts(&drafts[i], &drafts[j]).map(|n| (j, n)))
            });
        if let Some((j, negated_here)) = target {
            if negated_here {
                drafts[i].claim.stance = Stance::Deny;
            }
            drafts[i].claim.disputes = vec![drafts[j].claim.id.clone()];
        }
    }
    // pairing
    for i in 0..drafts.len() {
        if !drafts[i].claim.disputes.is_empty() || drafts[i].hint.is_some() {
            continue;
        }
        let target = if drafts[i].claim.stance == Stance::Deny {
            denial_target(&drafts, i, reg)
        } else {
            counter_target(&drafts, i, reg).or_else(|| answered_by_name(&drafts, i, reg))
        };
        drafts[i].claim.disputes = target
            .map(|j| drafts[j].claim.id.clone())
            .into_iter()
            .collect();
    }
    concessions(doc, &mut drafts, reg);
    more_targets(&mut drafts, reg);
    keep_grounded_links(&mut drafts, reg);
    drafts.into_iter().map(|d| d.claim).collect()
}

/// A link stands on something the two statements share: a content word, an event or a
/// place, or an explicit pointer from the answer (a cue's target, "the claims", the
/// claimant's name), or the claim names the party answering it. Two statements side by side
/// about different things are no dispute.
fn keep_grounded_links(drafts: &mut [Draft], reg: &Registry) {
    let by_id: HashMap<String, usize> = drafts
        .iter()
        .enumerate()
        .map(|(k, d)| (d.claim.id.clone(), k))
        .collect();
    for i in 0..drafts.len() {
        let d = &drafts[i];
        // a denial of wrongdoing ("never did anything unlawful") answers the accusation
        let wrongdoing =
            negated(&d.words) && CUES.wrongdoing.iter().any(|p| has_phrase(&d.padded, p));
        // so does one that names a document ("the ad is dishonest")
        let document = d.words.iter().any(|w| CUES.documents.contains_key(w));
        if d.hint.is_some() || d.anaphora || wrongdoing || document {
            continue;
        }
        let kept: Vec<String> = d
            .claim
            .disputes
            .iter()
            .filter(|id| {
                by_id.get(id.as_str()).is_some_and(|&j| {
                    let t = &drafts[j];
                    overlap(d, t) >= 1
                        || names_party(reg, t.entity, t.claim.side.as_deref(), d)
                        // the accused answers: the claim names the party answering it
                        || names_party(reg, d.entity, d.claim.side.as_deref(), t)
                })
            })
            .cloned()
            .collect();
        drafts[i].claim.disputes = kept;
    }
}

/// The text of sentence `s`.
fn sentence_text<'d>(doc: &'d Doc<'_>, s: usize) -> Option<&'d str> {
    let (p, _) = doc.sentences.get(s)?;
    doc.paras[*p].text.get(doc.sentence_span(s))
}

/// One statement, one claim: quoted words a speaker goes on with in the same paragraph
/// ("A," he said. "B.") join the words before them, so a claim is never half a statement.
fn merge_runs(reg: &Registry, drafts: &mut Vec<Draft>) {
    let mut out: Vec<Draft> = Vec::with_capacity(drafts.len());
    for d in drafts.drain(..) {
        if let Some(last) = out.last_mut()
            && last.direct
            && d.direct
            && last.para == d.para
            && d.claim.sentence <= last.claim.sentence + 2
            && match (last.entity, d.entity) {
                (Some(x), Some(y)) => x == y,
                // a document going on ("the ad says")
                (None, None) => {
                    last.claim.claimant.is_some() && last.claim.claimant == d.claim.claimant
                }
                _ => false,
            }
        {
            let text = format!(
                "{} {}",
                last.claim.text.trim_end(),
                d.claim.text.trim_start()
            );
            let (sentence, para, verb) = (last.claim.sentence, last.para, last.verb.clone());
            let mut merged = match d.entity {
                Some(e) => draft(reg, e, &text, sentence, para, verb),
                None => {
                    let mut m = draft_by(&text, sentence, para, verb);
                    m.claim.claimant = d.claim.claimant.clone();
                    m
                }
            };
            merged.direct = true;
            *last = merged;
            continue;
        }
        out.push(d);
    }
    *drafts = out;
}

/// A claim whose words stand inside another claim of the same sentence is the same
/// statement, found twice (a quote inside a reported clause): the longer one stays, with its
/// claimant. A claim stated inside a dispute cue stays.
fn drop_contained(drafts: &mut Vec<Draft>) {
    // compared within a sentence only: an article of thousands of statements stays linear
    let mut by_sentence: HashMap<usize, Vec<usize>> = HashMap::new();
    for (k, d) in drafts.iter().enumerate() {
        by_sentence.entry(d.claim.sentence).or_default().push(k);
    }
    let keep: Vec<bool> = (0..drafts.len())
        .map(|i| {
            let d = &drafts[i];
            let protected = d.hint.is_some()
                || by_sentence[&d.claim.sentence]
                    .iter()
                    .map(|&j| &drafts[j])
                    .any(|x| {
                        x.inner
                            .as_ref()
                            .is_some_and(|(s, t)| *s == d.claim.sentence && *t == d.claim.text)
                    });
            protected
                || !by_sentence[&d.claim.sentence].iter().any(|&j| {
                    let x = &drafts[j];
                    j != i
                        && x.claim.text.len() > d.claim.text.len()
                        && x.claim
                            .text
                            .contains(d.claim.text.trim_end_matches(['.', ',']))
                })
        })
        .collect();
    let mut k = 0;
    drafts.retain(|_| {
        k += 1;
        keep[k - 1]
    });
}

/// Dispute cues of the narration ([`narrative::find`]): each marks the disputer's statement
/// in its sentence as a denial or a counter, or becomes a statement of its own; a claim stated
/// inside the cue's sentence becomes the named claimant's.
fn narrative_cues(
    doc: &Doc<'_>,
    mentions: &[Mention],
    reg: &mut Registry,
    outlet: Option<&str>,
    drafts: &mut Vec<Draft>,
) {
    use narrative::{Answer, Object};
    for cue in narrative::find(doc, mentions, reg) {
        // a denial of nothing that was said ("denied bail") is no dispute
        if cue.answer == Answer::Deny && cue.object == Object::Other && cue.inner.is_none() {
            continue;
        }
        let last_word = |name: &str| name.rsplit(' ').next().unwrap_or(name).to_owned();
        let own = drafts.iter().position(|d| {
            d.claim.sentence == cue.sentence
                && d.hint.is_none()
                && (cue.pronoun
                    || (cue.entity.is_some() && d.entity == cue.entity)
                    || cue.subject.as_deref().is_some_and(|s| {
                        d.claim
                            .claimant
                            .as_deref()
                            .is_some_and(|c| s.split_whitespace().any(|w| w == last_word(c)))
                    }))
        });
        let i = match own {
            // "X falsely claimed that S": the outlet itself disputes it
            _ if cue.outlet => {
                let mut d = draft_by(&cue.text, cue.sentence, cue.para, None);
                d.claim.claimant = Some(outlet.unwrap_or("the outlet").to_owned());
                drafts.push(d);
                drafts.len() - 1
            }
            Some(i) => i,
            None if cue.pronoun => continue,
            None => {
                let d = match cue.entity {
                    Some(e) => draft(reg, e, &cue.text, cue.sentence, cue.para, None),
                    None => {
                        let mut d = draft_by(&cue.text, cue.sentence, cue.para, None);
                        d.claim.claimant = cue.subject.clone();
                        d
                    }
                };
                drafts.push(d);
                drafts.len() - 1
            }
        };
        // "the Obama campaign" is a fuller name than "Obama" for what it says
        if cue.entity.is_none()
            && !cue.outlet
            && let Some(subject) = &cue.subject
            && subject
                .rsplit(' ')
                .next()
                .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase))
            && subject.split_whitespace().count() <= 4
        {
            drafts[i].claim.claimant = Some(subject.clone());
        }
        if matches!(cue.answer, Answer::Deny | Answer::Outlet) {
            drafts[i].claim.stance = Stance::Deny;
        }
        drafts[i].hint = Some(Hint {
            answer: cue.answer,
            names: cue.names.clone(),
            noun: cue.noun.clone(),
            clause: cue.object == Object::Clause,
        });
        if let Some(inner) = cue.inner {
            // the claim told before, by another party, that the sentence repeats: "dismissed
            // a report by Moscow that its forces had captured the city" answers the capture
            // claimed earlier; only a claim told nowhere else is created here
            let told = draft_by(&inner.text, cue.sentence, cue.para, None);
            let (by_e, by_c) = (drafts[i].entity, drafts[i].claim.claimant.clone());
            let before = (0..drafts.len())
                .filter(|&j| {
                    let t = &drafts[j];
                    t.claim.sentence < cue.sentence
                        && t.claim.stance == Stance::Assert
                        && !t.modal
                        && t.hint.is_none()
                        && (t.entity.is_none() || t.entity != by_e)
                        && t.claim.claimant != by_c
                        && overlap(&told, t) >= 3
                })
                .max_by_key(|&j| (fit(&told, &drafts[j]), j));
            if let Some(j) = before {
                drafts[i].inner = Some((drafts[j].claim.sentence, drafts[j].claim.text.clone()));
                continue;
            }
            let mut d = match inner.entity {
                Some(e) => draft(
                    reg,
                    e,
                    &inner.text,
                    cue.sentence,
                    cue.para,
                    Some("claim".into()),
                ),
                None => {
                    let mut d = draft_by(&inner.text, cue.sentence, cue.para, Some("claim".into()));
                    d.claim.claimant = inner.claimant.clone();
                    d
                }
            };
            d.claim.stance = Stance::Assert;
            drafts[i].inner = Some((cue.sentence, inner.text.clone()));
            // the quote pass may have credited the claim to the disputer: it is the claimant's
            drafts.retain(|x| !(x.claim.sentence == cue.sentence && x.claim.text == inner.text));
            drafts.push(d);
        }
    }
}

/// A dispute verb anywhere in the words with something said as its object: "denied the
/// reports", "rejected it", "denied that …", "dismissed the idea as absurd".
fn disputes_a_statement(words: &[String]) -> bool {
    words.iter().enumerate().any(|(at, w)| {
        CUES.dispute_verbs.contains(w)
            && !(at > 0
                && matches!(
                    words[at - 1].as_str(),
                    "to" | "was" | "were" | "be" | "been"
                ))
            && (narrative::object_noun(words, at + 1).is_some()
                || matches!(
                    narrative::object_after(words, at + 1),
                    narrative::Object::Back | narrative::Object::Clause
                ))
    })
}

/// Narration of a dispute verb whose object is no statement: "rejected the trade agenda",
/// "denied him bail". Policy and people are rejected; only what was said is disputed.
fn denies_no_statement(words: &[String]) -> bool {
    let Some(at) = words
        .iter()
        .take(5)
        .position(|w| CUES.dispute_verbs.contains(w))
    else {
        return false;
    };
    let names_claim = narrative::object_noun(words, at + 1).is_some();
    // "rejected the seizure as an illegal land grab" judges what the other side holds
    let judged = words.iter().skip(at + 1).take(10).any(|w| w == "as");
    !names_claim && !judged && narrative::object_after(words, at + 1) == narrative::Object::Other
}

/// A claim named and judged in one clause: "the ad is dishonest", "called the report
/// misleading". Judging a person contests no statement.
fn judges_a_claim(words: &[String]) -> bool {
    // "that's a lie", "it is nonsense": a word pointing back to what was said opens it
    let pointing = words
        .iter()
        .take(2)
        .position(|w| matches!(w.as_str(), "that" | "this" | "it" | "these" | "those"));
    let Some(at) = pointing.or_else(|| {
        words
            .iter()
            .position(|w| CUES.anaphora.contains(w) || CUES.documents.contains_key(w))
    }) else {
        return false;
    };
    let clause_end = (at + 1..words.len())
        .find(|&k| matches!(words[k].as_str(), "but" | "while" | "although"))
        .unwrap_or(words.len());
    let rest = padded_words(&words[at..clause_end]);
    // "it would be wrong to build it" judges a plan, not a claim
    CUES.claim_judgements.iter().any(|j| has_unhedged(&rest, j))
}

/// Does a name stand for the claimant of a draft: a word of the claimant's name, aliases or
/// affiliation, or the country of its side?
fn claimant_named(reg: &Registry, d: &Draft, name: &str) -> bool {
    let in_name = |n: &str| n.split([' ', '-']).any(|w| w == name);
    if d.claim.claimant.as_deref().is_some_and(in_name) {
        return true;
    }
    if let Some(e) = d.entity {
        let ent = &reg.entities[e];
        if ent.aliases.iter().any(|a| in_name(a)) || ent.affiliation.as_deref().is_some_and(in_name)
        {
            return true;
        }
    }
    country_for(name).is_some_and(|c| d.claim.side.as_deref() == Some(c))
}

/// The claims a statement with a dispute cue answers ([`Hint`]): the claim stated inside
/// its sentence; else the claims of a document it names ("the ad"); else those of the
/// parties it names ("the Obama ad"); a counter answers the other party's statement just
/// before it, a bare denial ("disagreed", "denied it") the one just before it, and a named
/// kind of claim ("the reports") the one that fits best.
fn hinted_targets(drafts: &[Draft], i: usize, reg: &Registry) -> Vec<usize> {
    let d = &drafts[i];
    let Some(hint) = &d.hint else {
        return Vec::new();
    };
    if let Some((s, t)) = &d.inner {
        return drafts
            .iter()
            .position(|x| x.claim.sentence == *s && &x.claim.text == t)
            .into_iter()
            .collect();
    }
    let earlier = |j: usize| {
        let t = &drafts[j];
        j != i
            && t.claim.stance == Stance::Assert
            && t.claim.sentence <= d.claim.sentence
            && t.para + 12 >= d.para
            && other_party(d, t, reg)
    };
    // of a named party's claims, the one sharing most words with the answer, then the best fit
    let best = |cands: Vec<usize>| {
        cands
            .into_iter()
            .max_by_key(|&j| (overlap(d, &drafts[j]), fit(d, &drafts[j]), j))
    };
    if let Some(class) = hint.noun.as_deref().and_then(narrative::document_class) {
        let docs: Vec<usize> = (0..drafts.len())
            .filter(|&j| {
                earlier(j)
                    && drafts[j].claim.claimant.as_deref().is_some_and(|c| {
                        words_lower(c).any(|w| narrative::document_class(&w) == Some(class))
                    })
            })
            .collect();
        if let Some(j) = best(docs) {
            return vec![j];
        }
    }
    if !hint.names.is_empty() {
        let named: Vec<usize> = (0..drafts.len())
            .filter(|&j| {
                earlier(j)
                    && hint
                        .names
                        .iter()
                        .any(|n| claimant_named(reg, &drafts[j], n))
            })
            .collect();
        if let Some(j) = best(named) {
            return vec![j];
        }
    }
    let close: Vec<usize> = (0..i)
        .rev()
        .filter(|&j| earlier(j) && drafts[j].para + 2 >= d.para)
        .collect();
    if hint.clause {
        return (0..i)
            .filter(|&j| earlier(j) && drafts[j].para + 6 >= d.para)
            .map(|j| (shared(d, &drafts[j]), j))
            .filter(|&(n, _)| n >= 2)
            .max()
            .map(|(_, j)| j)
            .into_iter()
            .collect();
    }
    match (hint.answer, &hint.noun) {
        (narrative::Answer::Counter, _) => {
            // the best overlap, the latest on ties; without overlap the latest, unless the
            // answer must share content with what it answers
            // two shared words (or a place, or an event): a retort about something else
            // ("Jeb wants to be a tough guy tonight," Trump shot back) contests nothing
            let top = close
                .iter()
                .copied()
                .map(|j| (overlap(d, &drafts[j]), j))
                .max();
            match top {
                Some((o, j)) if o >= 2 => vec![j],
                _ => Vec::new(),
            }
        }
        (narrative::Answer::Deny, Some(_)) => denial_target(drafts, i, reg).into_iter().collect(),
        (narrative::Answer::Outlet, _) => Vec::new(),
        (narrative::Answer::Deny, None) => close
            .first()
            .copied()
            .filter(|&j| drafts[j].claim.sentence + 2 >= d.claim.sentence)
            .into_iter()
            .collect(),
    }
}

/// "Though X said A, Y said B": in a sentence that opens with a concession, the later
/// statement answers the earlier one when they share two content words.
fn concessions(doc: &Doc<'_>, drafts: &mut [Draft], reg: &Registry) {
    for j in 1..drafts.len() {
        if !drafts[j].claim.disputes.is_empty() {
            continue;
        }
        let s = drafts[j].claim.sentence;
        let Some(text) = sentence_text(doc, s) else {
            continue;
        };
        let opens = words_lower(text)
            .next()
            .is_some_and(|w| CUES.concessive.contains(&w));
        if !opens {
            continue;
        }
        let at = |d: &Draft| text.find(d.claim.text.as_str());
        let Some(here) = at(&drafts[j]) else { continue };
        let target = (0..j)
            .rev()
            .take_while(|&i| drafts[i].claim.sentence == s)
            .find(|&i| {
                at(&drafts[i]).is_some_and(|a| a < here)
                    && other_party(&drafts[j], &drafts[i], reg)
                    && shared(&drafts[j], &drafts[i]) >= 2
            });
        if let Some(i) = target {
            let id = drafts[i].claim.id.clone();
            drafts[j].claim.disputes = vec![id];
        }
    }
}

/// One statement can answer several claims: a denial of one claim also answers the other
/// parties' claims, in the two paragraphs before it, that share what it shares with that
/// claim (two of those words, or a place); a hypothetical ("would") is answered only when
/// its claimant made the claim answered.
fn more_targets(drafts: &mut [Draft], reg: &Registry) {
    let by_id: HashMap<String, usize> = drafts
        .iter()
        .enumerate()
        .map(|(k, d)| (d.claim.id.clone(), k))
        .collect();
    for i in 0..drafts.len() {
        let [first] = drafts[i].claim.disputes.as_slice() else {
            continue;
        };
        let Some(&j) = by_id.get(first) else { continue };
        let (d, t) = (&drafts[i], &drafts[j]);
        let counter = d
            .hint
            .as_ref()
            .is_some_and(|h| h.answer == narrative::Answer::Counter);
        if d.claim.stance != Stance::Deny && !counter {
            continue;
        }
        // the words, not only the kind of event: a denial of one capture does not answer
        // every forecast of one
        let topic: Vec<&String> = d.content.iter().filter(|w| t.content.contains(w)).collect();
        let weight = |k: &Draft| {
            topic
                .iter()
                .filter(|w| k.content.contains(w))
                .map(|w| if w.starts_with('@') { 2 } else { 1 })
                .sum::<usize>()
        };
        let more: Vec<String> = (0..drafts.len())
            .filter(|&k| {
                let c = &drafts[k];
                k != i
                    && k != j
                    && c.claim.stance == Stance::Assert
                    && c.claim.sentence < d.claim.sentence
                    && c.para + 2 >= d.para
                    && (!c.modal || c.claim.claimant == t.claim.claimant)
                    && c.claim.disputes.is_empty()
                    && other_party(d, c, reg)
                    && weight(c) >= 2
            })
            .map(|k| drafts[k].claim.id.clone())
            .collect();
        drafts[i].claim.disputes.extend(more);
    }
}

/// A draft claim by an actor of the registry.
fn draft(
    reg: &Registry,
    e: usize,
    text: &str,
    sentence: usize,
    para: usize,
    verb: Option<String>,
) -> Draft {
    let mut d = draft_by(text, sentence, para, verb);
    d.claim.claimant = Some(reg.entities[e].name.clone());
    d.claim.side = side_of(reg, e);
    d.entity = Some(e);
    d
}

/// A draft claim with no claimant yet.
fn draft_by(text: &str, sentence: usize, para: usize, verb: Option<String>) -> Draft {
    let words: Vec<String> = words_lower(text).collect();
    let is_content: Vec<bool> = words.iter().map(|w| is_content(w)).collect();
    let in_negated = negated_clauses(text, &words);
    let capital: Vec<bool> = text
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.chars().next().is_some_and(char::is_uppercase))
        .collect();
    let is_common: Vec<bool> = (0..words.len())
        .map(|k| is_content[k] && !capital.get(k).copied().unwrap_or(false))
        .collect();
    let mut content: Vec<String> = Vec::new();
    let mut content_negated: Vec<bool> = Vec::new();
    let mut content_common: Vec<bool> = Vec::new();
    for (k, w) in words.iter().enumerate().filter(|(k, _)| is_content[*k]) {
        let n = normal(w);
        match content.iter().position(|c| *c == n) {
            Some(at) => {
                content_negated[at] |= in_negated[k];
                content_common[at] |= is_common[k];
            }
            None => {
                content.push(n);
                content_negated.push(in_negated[k]);
                content_common.push(is_common[k]);
            }
        }
    }
    let mut events: Vec<(&'static str, bool)> = words
        .iter()
        .zip(&in_negated)
        .filter_map(|(w, neg)| CUES.events.get(w.as_str()).map(|e| (e.as_str(), *neg)))
        .collect();
    events.sort_unstable();
    // one entry per class, negated if any of its words is
    events.dedup_by(|later, first| {
        let same = later.0 == first.0;
        if same {
            first.1 |= later.1;
        }
        same
    });
    let (events, events_negated): (Vec<&'static str>, Vec<bool>) = events.into_iter().unzip();
    Draft {
        claim: Claim {
            id: String::new(),
            claimant: None,
            side: None,
            text: text.to_owned(),
            stance: Stance::Assert,
            disputes: Vec::new(),
            unverified: false,
            sentence,
        },
        entity: None,
        para,
        padded: padded_words(&words),
        anaphora: words.iter().any(|w| CUES.anaphora.contains(w)),
        modal: words.iter().any(|w| CUES.modals.contains(w)),
        words,
        is_content,
        content,
        content_negated,
        content_common,
        words_negated: in_negated,
        is_common,
        events,
        events_negated,
        verb,
        about: Vec::new(),
        direct: false,
        hint: None,
        inner: None,
    }
}

/// The side an actor speaks for: its own, its affiliation's, or the country of a place.
pub fn side_of(reg: &Registry, e: usize) -> Option<String> {
    let ent = &reg.entities[e];
    ent.side.clone().or_else(|| {
        let aff = ent.affiliation.as_deref()?;
        country_for(aff).map(str::to_owned).or_else(|| {
            reg.entities
                .iter()
                .find(|x| x.name == aff || x.aliases.iter().any(|a| a == aff))
                .and_then(|x| x.side.clone())
        })
    })
}

/// Are these two claims by different parties (different actors, and not the same side)?
fn other_party(a: &Draft, b: &Draft, reg: &Registry) -> bool {
    match (a.entity, b.entity) {
        (Some(x), Some(y)) if x == y => false,
        _ => match (&a.claim.side, &b.claim.side) {
            (Some(s), Some(t)) => s != t,
            _ => a.claim.claimant != b.claim.claimant && !same_org(reg, a.entity, b.entity),
        },
    }
}

/// An actor and its affiliation (a spokesman and the ministry) are one party.
fn same_org(reg: &Registry, a: Option<usize>, b: Option<usize>) -> bool {
    let (Some(a), Some(b)) = (a, b) else {
        return false;
    };
    let (x, y) = (&reg.entities[a], &reg.entities[b]);
    // "Obama" is the affiliation of a press secretary, "Barack Obama" the person
    let serves = |x: &crate::analyse::people::Entity, y: &crate::analyse::people::Entity| {
        x.affiliation.as_deref().is_some_and(|aff| {
            aff == y.name
                || y.aliases.iter().any(|al| al == aff)
                || y.name.rsplit(' ').next() == Some(aff)
        })
    };
    serves(x, y) || serves(y, x)
}

fn negated(words: &[String]) -> bool {
    (0..words.len()).any(|k| is_negation(words, k))
}

/// Is word `k` a negation: "not", "never", … or the "t" of a contraction split from its verb
/// ([`words_lower`] splits "didn't" into "didn", "t"; "can't" into "can", "t").
/// A negation that opens an emphatic phrase ("never seen so many") or tells what is not known
/// ("it is still not known who fired") is not one.
fn is_negation(words: &[String], k: usize) -> bool {
    let w = &words[k];
    // "whether they should or not" asks, it denies nothing
    if w == "not" && k > 0 && words[k - 1] == "or" {
        return false;
    }
    (CUES.negations.contains(w)
        && !CUES.emphatic.iter().any(|p| words[k..].starts_with(p))
        && !CUES.unknown.iter().any(|p| words[k..].starts_with(p)))
        || (w == "t" && k > 0 && words[k - 1].ends_with('n'))
}

/// Do two statements contradict each other: they talk about the same thing (three words in
/// a row, two of them content words, or three content words, places counted by their
/// country, words by their stem, in the next sentence events by their kind), and the shared words stand in a negated clause in one of
/// them and not in the other? "The road was not yet shut, but police were at the scene" does
/// not contradict "police were at the scene": its negation is in another clause. Returns
/// whether the denial's side of the echo is the negated one.
fn contradicts(denial: &Draft, claim: &Draft) -> Option<bool> {
    {
        let mut shared = 0;
        let mut negated_in_denial = 0;
        let mut negated_in_claim = 0;
        // a negation on names alone ("never a solution to the Korea problem" ~ "Korea's
        // trade") contradicts nothing: one word of the echo must be a common word
        let mut negated_common = 0;
        let mut count = |neg: bool, neg_claim: bool, common: bool| {
            shared += 1;
            negated_in_denial += usize::from(neg && !neg_claim);
            negated_in_claim += usize::from(!neg && neg_claim);
            negated_common += usize::from(neg != neg_claim && common);
        };
        for (k, (n, neg)) in denial
            .content
            .iter()
            .zip(&denial.content_negated)
            .enumerate()
        {
            if let Some(at) = claim.content.iter().position(|c| c == n) {
                let common = denial.content_common[k] || claim.content_common[at];
                count(*neg, claim.content_negated[at], common);
            }
        }
        // in the next sentence, an event of the same kind told in other words counts as a
        // shared word: "was not attacking the keeper" ~ "was violently shaking the keeper"
        if denial.claim.sentence == claim.claim.sentence + 1 {
            for (e, neg) in denial.events.iter().zip(&denial.events_negated) {
                let same_word = denial.words.iter().any(|w| {
                    CUES.events.get(w.as_str()).is_some_and(|c| c == e) && claim.words.contains(w)
                });
                if let Some(at) = claim.events.iter().position(|c| c == e)
                    && !same_word
                {
                    count(*neg, claim.events_negated[at], true);
                }
            }
        }
        (shared >= 3 && negated_in_denial.max(negated_in_claim) >= 2 && negated_common >= 1)
            .then_some(negated_in_denial > negated_in_claim)
    }
}

/// [`contradicts`] by a phrase of three words in a row, two of them content words and one a
/// common word (not only a name: "with North Korea" is no echo), shared by the two statements
/// ("not 'a war of the president's choosing'") and negated in one of them.
fn contradicts_phrase(denial: &Draft, claim: &Draft) -> Option<bool> {
    let (d, c) = (&denial.words, &claim.words);
    let (d_neg, c_neg) = (&denial.words_negated, &claim.words_negated);
    let common = |k: usize| claim.is_common[k];
    c.windows(3)
        .zip(claim.is_content.windows(3))
        .enumerate()
        .filter(|(k, (_, content))| {
            content.iter().filter(|x| **x).count() >= 2 && (*k..*k + 3).any(common)
        })
        .find_map(|(k, (w, _))| {
            d.windows(3)
                .position(|v| v == w)
                .filter(|&at| d_neg[at] != c_neg[k])
                .map(|at| d_neg[at])
        })
}

/// For each of `words` (the [`words_lower`] of `text`): does a negation come before it (or is
/// it one) in its clause? Clauses end at punctuation (, ; : . ! ? and dashes) and before "but", "while",
/// "although", "though", "whereas".
fn negated_clauses(text: &str, words: &[String]) -> Vec<bool> {
    let mut out: Vec<bool> = Vec::with_capacity(words.len());
    let mut clause: Vec<String> = Vec::new();
    // a negation bears on what follows it in its clause: "the war was not a war of choice"
    // negates "a war of choice", not "the war"
    let close = |clause: &mut Vec<String>, out: &mut Vec<bool>| {
        // "if they don't stop": a condition denies nothing
        let condition = clause
            .first()
            .is_some_and(|w| matches!(w.as_str(), "if" | "unless" | "whether"));
        let mut neg = false;
        for k in 0..clause.len() {
            neg |= !condition && is_negation(clause, k);
            out.push(neg);
        }
        clause.clear();
    };
    for piece in text.split([
        ',', ';', ':', '.', '!', '?', '(', ')', '\u{2013}', '\u{2014}',
    ]) {
        for w in words_lower(piece) {
            if matches!(
                w.as_str(),
                "but" | "while" | "although" | "though" | "whereas"
            ) {
                close(&mut clause, &mut out);
            }
            clause.push(w);
        }
        close(&mut clause, &mut out);
    }
    if out.len() != words.len() {
        // the split does not line up: the whole statement is one clause
        return vec![negated(words); words.len()];
    }
    out
}

/// How many normalised content words two drafts share.
fn shared(a: &Draft, b: &Draft) -> usize {
    a.content.iter().filter(|w| b.content.contains(w)).count()
}

fn is_content(w: &str) -> bool {
    w.len() >= 3
        && w.chars().next().is_some_and(char::is_alphabetic)
        && !SPEECH.grammar.np_stops.contains(w)
        && !SPEECH.grammar.determiners.contains(w)
        && !SPEECH.grammar.auxiliaries.contains(w)
        && !SPEECH.grammar.subject_pronouns.contains(w)
        && !CUES.negations.contains(w)
        && !CUES.modals.contains(w)
        && !matches!(
            w,
            "said"
                | "says"
                | "say"
                | "the"
                | "and"
                | "not"
                | "his"
                | "her"
                | "its"
                | "him"
                | "them"
                | "they"
                | "their"
                | "there"
                | "been"
                | "being"
                | "also"
                | "very"
                | "more"
                | "than"
                | "who"
                | "what"
                | "any"
        )
}

/// A word for matching: places stand for their country ("moscow" → "russia"), other words
/// for a rough stem ("tortured", "torture" → "tortur").
fn normal(w: &str) -> String {
    let w = w.trim_end_matches("'s").trim_end_matches("\u{2019}s");
    let cap: String = {
        let mut c = w.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    };
    if let Some(country) = country_for(&cap) {
        return format!("@{}", country.to_lowercase());
    }
    for suffix in ["ing", "ed", "es", "s", "e"] {
        if w.len() >= suffix.len() + 4 && w.ends_with(suffix) {
            return w[..w.len() - suffix.len()].to_owned();
        }
    }
    w.to_owned()
}

/// Content words shared by two claims, weighted: an event of the same kind or a place
/// counts two, another content word one.
fn overlap(a: &Draft, b: &Draft) -> usize {
    let mut score = 0;
    for n in &a.content {
        if b.content.contains(n) {
            score += if n.starts_with('@') { 2 } else { 1 };
        }
    }
    // the event lists hold no repeats: this counts the event classes the two share
    let events = a.events.iter().filter(|e| b.events.contains(e)).count();
    score + 2 * events
}

/// How well an earlier claim fits as what a denial answers.
fn fit(d: &Draft, t: &Draft) -> isize {
    let mut score = overlap(d, t) as isize;
    if t.verb
        .as_ref()
        .is_some_and(|v| CUES.claim_verbs.contains(v))
    {
        score += 3;
    }
    // "dismissed the reports": a claim that was reported
    if d.anaphora
        && t.verb
            .as_deref()
            .is_some_and(|v| matches!(v, "report" | "claim" | "allege" | "announce" | "state"))
    {
        score += 1;
    }
    if d.claim.sentence <= t.claim.sentence + 2 {
        score += 2;
    }
    if d.para == t.para {
        score += 1;
    }
    if t.modal {
        score -= 3;
    }
    score
}

/// The claim a denial answers.
fn denial_target(drafts: &[Draft], i: usize, reg: &Registry) -> Option<usize> {
    let d = &drafts[i];
    let earlier: Vec<usize> = earlier_window(i)
        .filter(|&j| drafts[j].claim.stance == Stance::Assert && other_party(d, &drafts[j], reg))
        .collect();
    // a document named in the denial ("the ad is dishonest"): what that kind of document said
    if let Some(class) = d.words.iter().find_map(|w| narrative::document_class(w)) {
        let said = earlier
            .iter()
            .copied()
            .filter(|&j| {
                drafts[j].claim.claimant.as_deref().is_some_and(|c| {
                    words_lower(c).any(|w| narrative::document_class(&w) == Some(class))
                })
            })
            .max_by_key(|&j| (fit(d, &drafts[j]), j));
        if said.is_some() {
            return said;
        }
    }
    // an owner named in the denial: "reject Moscow's seizure", "Steele's comments"
    let text = &d.claim.text;
    let owners: Vec<String> = possessors(text);
    // the claim the denial repeats at length, if any: it outweighs an owner that said
    // nothing of what is denied ("a report by Moscow that its forces had captured X")
    let strong = (!owners.is_empty())
        .then(|| {
            earlier
                .iter()
                .copied()
                .filter(|&j| overlap(d, &drafts[j]) >= 3)
                .max_by_key(|&j| (fit(d, &drafts[j]), j))
        })
        .flatten();
    for o in &owners {
        let side = country_for(o).map(str::to_owned);
        // of the owner's claims, the one that fits best (the latest on ties)
        let hit = earlier
            .iter()
            .filter(|&&j| {
                let c = &drafts[j].claim;
                c.claimant
                    .as_deref()
                    .is_some_and(|n| n.contains(o.as_str()) || o.contains(n))
                    || (side.is_some() && c.side == side)
            })
            .max_by_key(|&&j| (fit(d, &drafts[j]), j));
        if let (Some(&h), Some(s)) = (hit, strong)
            && overlap(d, &drafts[h]) == 0
        {
            return Some(s);
        }
        if let Some(&j) = hit {
            return Some(j);
        }
    }
    // "dismissed that criticism", "rejected these claims": the other party's claim just before
    let demonstrative = d.words.windows(2).any(|w| {
        matches!(w[0].as_str(), "that" | "this" | "these" | "those")
            && CUES.anaphora.contains(&w[1])
    });
    if demonstrative
        && let Some(&j) = earlier.last()
        && drafts[j].claim.sentence + 2 >= d.claim.sentence
    {
        return Some(j);
    }
    // a noun that points back: "disputed the reports" → what someone reported
    let verbs: Vec<&String> = d
        .words
        .iter()
        .filter_map(|w| CUES.refers_to.get(w.as_str()))
        .flatten()
        .collect();
    let names_denier = |j: usize| names_party(reg, d.entity, d.claim.side.as_deref(), &drafts[j]);
    if !verbs.is_empty() {
        let referred: Vec<usize> = earlier
            .iter()
            .rev()
            .copied()
            .filter(|&j| {
                drafts[j].para + 12 >= d.para
                    && drafts[j].verb.as_ref().is_some_and(|v| verbs.contains(&v))
            })
            .collect();
        // the latest such claim, unless an earlier one is about the party denying it or
        // shares more words with the denial ("dismissed the allegations as lies aimed at
        // hurting the mayor" → the allegations involving the mayor's aides)
        let best_shared = referred
            .iter()
            .copied()
            .filter(|&j| shared(d, &drafts[j]) > 0)
            .max_by_key(|&j| (shared(d, &drafts[j]), j));
        if let Some(&j) = referred
            .iter()
            .find(|&&j| names_denier(j))
            .or(best_shared.as_ref())
            .or(referred.first())
        {
            return Some(j);
        }
    }
    // the same party denying again, with nothing of its own to go on: the same claim
    if d.content.len() <= 4 || overlap_any(drafts, &earlier, d) == 0 {
        let before = earlier_window(i)
            .rev()
            .take_while(|&k| drafts[k].para + 3 >= d.para)
            .find(|&k| drafts[k].claim.stance == Stance::Deny && !other_party(d, &drafts[k], reg));
        if let Some(k) = before
            && let Some(id) = drafts[k].claim.disputes.first()
            && let Some(j) = drafts.iter().position(|x| &x.claim.id == id)
        {
            return Some(j);
        }
    }
    // the same event or words, an explicit claim, close by: the best fit, the latest on ties
    let best = earlier
        .iter()
        .map(|&j| (fit(d, &drafts[j]), j))
        .filter(|&(s, j)| {
            let o = overlap(d, &drafts[j]);
            (s >= 4 && (o >= 1 || d.anaphora)) || (s >= 2 && o >= 2)
        })
        .max_by_key(|&(s, j)| (s, j));
    if let Some((_, j)) = best {
        return Some(j);
    }
    // an accusation that names the party denying it, just before or just after the denial
    // ("X insists there was no violation. 'X is breaking the rules,' Y wrote.")
    if let Some(&j) = earlier
        .iter()
        .rev()
        .find(|&&j| drafts[j].para + 6 >= d.para && names_denier(j))
    {
        return Some(j);
    }
    if let Some(j) = (i + 1..drafts.len())
        .take_while(|&j| drafts[j].claim.sentence <= d.claim.sentence + 3)
        .find(|&j| {
            drafts[j].claim.stance == Stance::Assert
                && other_party(d, &drafts[j], reg)
                && names_denier(j)
        })
    {
        return Some(j);
    }
    // otherwise the claim just before it, when the denial points back to something said
    // ("dismissed the claims", "that is not true"): a denial of nothing named answers nothing
    let points_back = d.anaphora
        || d.words
            .first()
            .is_some_and(|w| matches!(w.as_str(), "that" | "this" | "it"))
        || (negated(&d.words) && CUES.wrongdoing.iter().any(|p| has_phrase(&d.padded, p)));
    if !points_back {
        return None;
    }
    earlier
        .iter()
        .rev()
        .find(|&&j| drafts[j].para + 3 >= d.para)
        .copied()
}

/// The most content words the denial shares with any one of the candidate claims.
fn overlap_any(drafts: &[Draft], candidates: &[usize], d: &Draft) -> usize {
    candidates
        .iter()
        .map(|&j| shared(d, &drafts[j]))
        .max()
        .unwrap_or(0)
}

/// Does a claim name the party of an entity: its name, a word of its name, or its side?
fn names_party(reg: &Registry, e: Option<usize>, side: Option<&str>, c: &Draft) -> bool {
    names_party_words(reg, e, side, &c.words, &c.content)
}

/// [`names_party`] in words and their normalised content words.
fn names_party_words(
    reg: &Registry,
    e: Option<usize>,
    side: Option<&str>,
    words: &[String],
    content: &[String],
) -> bool {
    let side_word = side.map(|s| format!("@{}", s.to_lowercase()));
    if side_word.is_some_and(|s| content.contains(&s)) {
        return true;
    }
    let Some(e) = e else { return false };
    let ent = &reg.entities[e];
    // a group is named by what it is ("Republican officials"), not by a name of its own
    if ent.kind == crate::model::PersonKind::Group {
        return false;
    }
    std::iter::once(&ent.name)
        .chain(ent.aliases.iter())
        .chain(ent.affiliation.iter())
        .flat_map(|n| n.split_whitespace())
        .filter(|w| w.len() >= 3 && w.chars().next().is_some_and(char::is_uppercase))
        .any(|w| {
            let w = w.to_lowercase();
            words.contains(&w)
        })
}

/// A statement about what another party said, naming them, that contradicts them: "the
/// White House softened the president's comments", "she was taking a side, no matter what
/// she claims". It answers the best fitting claim, within a dozen paragraphs, of a party it
/// names whose words it negates or affirms the other way, in an earlier paragraph.
fn answered_by_name(drafts: &[Draft], i: usize, reg: &Registry) -> Option<usize> {
    let c = &drafts[i];
    if !c.anaphora {
        return None;
    }
    let negated_c = negated(&c.words);
    earlier_window(i)
        .rev()
        .take_while(|&j| drafts[j].para + 12 >= c.para)
        .filter(|&j| {
            let t = &drafts[j];
            // an answer comes in a paragraph of its own: next to the words it names, a
            // statement more often explains them ("Then his spokesman said he was not …")
            t.para < c.para
                && t.claim.stance == Stance::Assert
                && negated(&t.words) != negated_c
                && other_party(c, t, reg)
                && names_party(reg, t.entity, None, c)
        })
        .max_by_key(|&j| (fit(c, &drafts[j]), j))
}

/// An earlier statement that names the party of claim `i`, which answers it with a
/// negation on the same content: "the files accuse the governor of owning a stake in a
/// shipping firm … the governor's office said the shipping firm paid him no dividends". The
/// statement answered is in an earlier sentence, at most four paragraphs back, by another
/// party, and names the answering party in its words or in the clause before them ("while
/// the mayor is alleged to have …"). The best overlap wins, the latest on ties.
fn accused_answers(drafts: &[Draft], i: usize, reg: &Registry) -> Option<usize> {
    let d = &drafts[i];
    d.entity?;
    earlier_window(i)
        .rev()
        .take_while(|&j| drafts[j].para + 4 >= d.para)
        .filter_map(|j| {
            let t = &drafts[j];
            let shared = overlap(d, t);
            (t.claim.sentence < d.claim.sentence
                && t.claim.stance == Stance::Assert
                && shared >= 3
                && other_party(d, t, reg)
                && names_party_in(reg, d.entity, d.claim.side.as_deref(), t))
            .then_some((shared, j))
        })
        .max()
        .map(|(_, j)| j)
}

/// [`names_party`] in a claim's words or in the clause before them ([`Draft::about`]).
fn names_party_in(reg: &Registry, e: Option<usize>, side: Option<&str>, c: &Draft) -> bool {
    if names_party(reg, e, side, c) {
        return true;
    }
    let content: Vec<String> = c
        .about
        .iter()
        .filter(|w| is_content(w))
        .map(|w| normal(w))
        .collect();
    names_party_words(reg, e, side, &c.about, &content)
}

/// The words, lower-cased, of the clause before `text` in sentence `s`: from the last comma,
/// semicolon, colon or dash before it (or the sentence's start).
/// Is the statement the answer to a question put in the same sentence ("Asked whether the
/// vote would be held, she replied: "No. …"")? Its "no" answers the question, not a claim.
fn answers_question(doc: &Doc<'_>, s: usize, text: &str) -> bool {
    let Some((p, _)) = doc.sentences.get(s) else {
        return false;
    };
    let sentence = &doc.paras[*p].text[doc.sentence_span(s)];
    let before = sentence.find(text).map_or(sentence, |at| &sentence[..at]);
    let before = padded(&words_lower(before).collect::<Vec<_>>().join(" "));
    CUES.question_cues.iter().any(|q| has_phrase(&before, q))
}

fn clause_before(doc: &Doc<'_>, s: usize, text: &str) -> Vec<String> {
    let Some((p, _)) = doc.sentences.get(s) else {
        return Vec::new();
    };
    let span = doc.sentence_span(s);
    let sentence = &doc.paras[*p].text[span];
    let Some(at) = sentence.find(text) else {
        return Vec::new();
    };
    let before = &sentence[..at];
    let mark = before.rfind([',', ';', ':', '\u{2013}', '\u{2014}']);
    let dashes = before.rfind("--").map(|k| k + 1);
    let from = mark.max(dashes).map_or(0, |k| k + 1);
    words_lower(before.get(from..).unwrap_or_default()).collect()
}

/// "X's" owners named in a text.
fn possessors(text: &str) -> Vec<String> {
    let toks = super::tokens::tokenize(text);
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if t.kind == Kind::Word && matches!(t.text(text), "'s" | "\u{2019}s") && i > 0 {
            let p = toks[i - 1].text(text);
            if p.chars().next().is_some_and(char::is_uppercase) {
                out.push(p.to_owned());
            }
        }
        // "a report by Moscow", "claims by the Kremlin": the author of what is denied
        if t.text(text) == "by" && i > 0 && i + 1 < toks.len() {
            let noun = toks[i - 1].text(text).to_lowercase();
            let mut k = i + 1;
            if toks[k].text(text) == "the" && k + 1 < toks.len() {
                k += 1;
            }
            let name = toks[k].text(text);
            if CUES.anaphora.contains(&noun) && name.chars().next().is_some_and(char::is_uppercase)
            {
                out.push(name.to_owned());
            }
        }
    }
    out
}

/// A counter-claim: the other side speaks next and contradicts ("Moscow says it is Ukraine").
fn counter_target(drafts: &[Draft], i: usize, reg: &Registry) -> Option<usize> {
    let c = &drafts[i];
    let j = i.checked_sub(1)?;
    let p = &drafts[j];
    let sides_differ = matches!((&c.claim.side, &p.claim.side), (Some(a), Some(b)) if a != b);
    let near = c.claim.sentence <= p.claim.sentence + 1 && c.para <= p.para + 1;
    let contrast = CUES.contrast.iter().any(|m| has_phrase(&c.padded, m));
    (sides_differ && near && contrast && other_party(c, p, reg)).then_some(j)
}

/// Allegations named by a noun beside an accusation of the same sentence: "In addition to
/// allegations involving the mayor's aides, the files also accuse the minister of …" — the
/// allegations are the accuser's too. The claim runs from the noun to the end of its phrase
/// (the next comma, dash, bracket or sentence end) and is made with the noun's verb
/// ("allege"). A noun after a denial ("rejected the allegations that …") or inside another
/// claim's words is not one.
fn nominal_allegations(doc: &Doc<'_>, reg: &Registry, drafts: &mut Vec<Draft>) {
    let accusers: Vec<(usize, usize)> = drafts
        .iter()
        .filter(|d| {
            d.verb
                .as_deref()
                .is_some_and(|v| CUES.nominal_claims.values().any(|x| x == v))
        })
        .filter_map(|d| Some((d.claim.sentence, d.entity?)))
        .collect();
    let mut found = Vec::new();
    for &(si, e) in &accusers {
        if found
            .iter()
            .any(|(s, _, _, _): &(usize, usize, String, String)| *s == si)
        {
            continue;
        }
        let Some((pi, r)) = doc.sentences.get(si) else {
            continue;
        };
        let p = &doc.paras[*pi];
        let lower = |k: usize| p.tokens[k].text(p.text).to_lowercase();
        for k in r.start..r.end.saturating_sub(2) {
            let Some(verb) = CUES.nominal_claims.get(&lower(k)) else {
                continue;
            };
            if !CUES.nominal_links.contains(&lower(k + 1)) {
                continue;
            }
            // "rejected the allegations that …": a denial's object
            let denied = (k.saturating_sub(3).max(r.start)..k).any(|j| {
                SPEECH
                    .verb(&lower(j))
                    .is_some_and(|v| CUES.deny_verbs.contains(&v.base))
            });
            if denied {
                continue;
            }
            let end = (k + 2..r.end)
                .find(|&j| {
                    p.tokens[j].kind == Kind::Punct
                        && !matches!(p.tokens[j].text(p.text), "'" | "\u{2019}" | "." if j + 1 < r.end)
                })
                .unwrap_or(r.end);
            let text = &p.text[p.tokens[k].start as usize..p.tokens[end - 1].end as usize];
            if end - k < 3 || drafts.iter().any(|d| d.claim.text.contains(text)) {
                continue;
            }
            found.push((si, e, text.to_owned(), verb.clone()));
        }
    }
    for (si, e, text, verb) in found {
        let para = doc.sentences[si].0;
        drafts.push(draft(reg, e, &text, si, para, Some(verb)));
    }
}

/// Denials in the passive: "the claim was instantly denied by Kyiv".
fn passive_denials(
    doc: &Doc<'_>,
    mentions: &[Mention],
    reg: &mut Registry,
    drafts: &mut Vec<Draft>,
) {
    // every word is looked up as a verb: lower-case it into one reused buffer
    let mut lower = String::new();
    for (si, (pi, r)) in doc.sentences.iter().enumerate() {
        let p = &doc.paras[*pi];
        let w = |i: usize| p.tokens[i].text(p.text).to_lowercase();
        for k in r.clone() {
            if p.tokens[k].kind != Kind::Word {
                continue;
            }
            let Some(v) = SPEECH.verb(lower_into(p.tokens[k].text(p.text), &mut lower)) else {
                continue;
            };
            if !CUES.deny_verbs.contains(&v.base) || k < r.start + 2 {
                continue;
            }
            // "was/were/been (adverb) denied by AGENT"
            let mut b = k - 1;
            if SPEECH.is_between(&w(b))
                && !matches!(w(b).as_str(), "was" | "were" | "been" | "is" | "are")
                && b > r.start
            {
                b -= 1;
            }
            if !matches!(w(b).as_str(), "was" | "were" | "been" | "is" | "are")
                || k + 2 >= r.end
                || w(k + 1) != "by"
            {
                continue;
            }
            let agent = mentions
                .iter()
                .enumerate()
                .find(|(_, m)| m.para == *pi && (m.start == k + 2 || m.outer_start == k + 2));
            let Some((mi, m)) = agent else { continue };
            let e = if m.kind == MentionKind::Place {
                Some(reg.place_actor(&m.name, si))
            } else {
                reg.of_mention[mi]
            };
            let Some(e) = e else { continue };
            let start = p.tokens[r.start].start as usize;
            let end = p.tokens[r.end - 1].end as usize;
            // the denial is the clause that holds the verb
            let clause_start = (r.start..k)
                .rev()
                .find(|&j| {
                    matches!(
                        p.tokens[j].text(p.text),
                        "-" | "\u{2013}" | "\u{2014}" | ";" | ","
                    )
                })
                .map_or(start, |j| p.tokens[j + 1].start as usize);
            let text = p.text[clause_start.max(start)..end]
                .trim_end_matches(['.', ' '])
                .to_owned();
            let mut d = draft(reg, e, &text, si, *pi, Some(v.base.clone()));
            d.claim.stance = Stance::Deny;
            drafts.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::names::find_mentions;
    use crate::analyse::quotes;

    fn claims(paras: &[&str]) -> Vec<Claim> {
        let owned: Vec<String> = paras.iter().map(|s| s.to_string()).collect();
        let doc = Doc::new(&owned);
        let ms = find_mentions(&doc);
        let mut reg = Registry::build(&ms);
        let mut qs = quotes::extract(&doc, &ms, &mut reg);
        quotes::speaker_names(&mut qs, &reg);
        extract(&doc, &ms, &mut reg, &qs, Some("The Daily Test"))
    }

    fn find<'a>(cs: &'a [Claim], has: &str) -> &'a Claim {
        cs.iter()
            .find(|c| c.text.contains(has))
            .unwrap_or_else(|| panic!("no claim with {has:?} in {cs:#?}"))
    }

    fn disputes<'a>(cs: &'a [Claim], denial: &Claim) -> Option<&'a Claim> {
        cs.iter().find(|c| Some(&c.id) == denial.disputes.first())
    }

    #[test]
    fn a_passive_denial_answers_the_claim_before_it() {
        let cs = claims(&[
            "Norwegian President Jonas Berg on Monday claimed full control over the port city - though the claim was instantly denied by Stockholm.",
        ]);
        let claim = find(&cs, "full control");
        assert_eq!(claim.stance, Stance::Assert);
        assert_eq!(claim.claimant.as_deref(), Some("Jonas Berg"));
        assert_eq!(claim.side.as_deref(), Some("Norway"));
        let denial = find(&cs, "denied by Stockholm");
        assert_eq!(denial.stance, Stance::Deny);
        assert_eq!(denial.side.as_deref(), Some("Sweden"));
        assert_eq!(
            disputes(&cs, denial).map(|c| c.id.as_str()),
            Some(claim.id.as_str())
        );
    }

    #[test]
    fn denial_phrases_and_shared_events() {
        let cs = claims(&[
            "The Norwegian Defence Ministry said its troops had captured the port of Kirkenes.",
            "\"The statements about the capture of the port do not correspond to reality,\" the Swedish army said in a statement.",
        ]);
        let claim = find(&cs, "had captured the port");
        let denial = find(&cs, "do not correspond to reality");
        assert_eq!(denial.stance, Stance::Deny);
        assert_eq!(
            disputes(&cs, denial).map(|c| c.id.as_str()),
            Some(claim.id.as_str())
        );
    }

    #[test]
    fn the_other_side_speaking_next_is_a_counter_claim() {
        let cs = claims(&[
            "Sweden says Norway's offensive has cost it heavy losses. Norway says it is Sweden that is running out of men.",
        ]);
        let first = find(&cs, "heavy losses");
        let second = find(&cs, "running out of men");
        assert_eq!(first.side.as_deref(), Some("Sweden"));
        assert_eq!(second.side.as_deref(), Some("Norway"));
        assert_eq!(
            disputes(&cs, second).map(|c| c.id.as_str()),
            Some(first.id.as_str())
        );
    }

    #[test]
    fn echoed_words_with_a_negation_contradict() {
        let cs = claims(&[
            "Tom Baker called the conflict \"a war of the president's choosing.\"",
            "\"This is not a war of the president's choosing,\" Anna Berg wrote.",
        ]);
        let denial = find(&cs, "This is not a war");
        assert_eq!(denial.stance, Stance::Deny);
        let target = disputes(&cs, denial).expect("paired");
        assert_eq!(target.claimant.as_deref(), Some("Tom Baker"));
    }

    #[test]
    fn a_reply_to_a_question_denies_no_claim() {
        let cs = claims(&[
            "A transport ministry spokesman said the bid would be considered in the usual way.",
            "Asked whether the council would hold a vote, Mayor Ruth Oban replied: \"No. We \
             were elected to decide.\"",
            "Challenged on the cost, Mayor Ruth Oban insisted: \"No, it will not cost more.\"",
        ]);
        assert_eq!(find(&cs, "We were elected").stance, Stance::Assert);
        assert_eq!(find(&cs, "it will not cost more").stance, Stance::Deny);
    }

    #[test]
    fn could_not_verify_is_a_weaker_stance() {
        let cs = claims(&["The agency said it could not verify the reports from either side."]);
        let c = find(&cs, "could not verify");
        assert!(c.unverified);
    }

    #[test]
    fn a_denial_of_the_reports_answers_what_was_reported_about_the_denier() {
        let cs = claims(&[
            "The Daily Globe reported that spy planes had seen 20 transfers of fuel between Norwegian and Swedish ships.",
            "Reuters reported that the regulator had asked for a ban on 10 ships.",
            "But Swedish officials disputed the news media reports.",
            "Lars Holm, a spokesman for the Swedish navy, was more categorical. \"The situation you describe does not exist,\" he told reporters.",
        ]);
        let report = find(&cs, "spy planes had seen");
        let denial = find(&cs, "disputed the news media reports");
        assert_eq!(denial.stance, Stance::Deny);
        assert_eq!(disputes(&cs, denial).map(|c| &c.id), Some(&report.id));
        // the same side denying again answers the same claim
        let again = find(&cs, "does not exist");
        assert_eq!(again.stance, Stance::Deny);
        assert_eq!(disputes(&cs, again).map(|c| &c.id), Some(&report.id));
    }

    #[test]
    fn an_insistence_with_a_negation_denies_the_accusation_next_to_it() {
        let cs = claims(&[
            "Sweden insists that there was no violation of the treaty.",
            "\"Sweden is letting fuel go to the rebels, a disgrace,\" the Norwegian prime minister, Jonas Berg, wrote on Thursday.",
        ]);
        let denial = find(&cs, "there was no violation");
        assert_eq!(denial.stance, Stance::Deny);
        let target = disputes(&cs, denial).expect("paired");
        assert!(target.text.contains("letting fuel go"), "{target:?}");
    }

    #[test]
    fn a_report_by_a_named_author_is_that_authors_claim() {
        let cs = claims(&[
            "Norway's defence ministry said its troops had taken the port of Kirkenes.",
            "Lena Dahl, an analyst, said taking Kirkenes would give Norway a win.",
            "The Swedish army denied a report by Norway that Norwegian forces had taken Kirkenes.",
        ]);
        let denial = find(&cs, "a report by Norway");
        let target = disputes(&cs, denial).expect("paired");
        assert!(target.text.contains("had taken the port"), "{target:?}");
    }

    #[test]
    fn two_shared_words_do_not_make_an_echo() {
        let cs = claims(&[
            "Tom Baker demanded assurances that the evidence against the men was not gained under torture.",
            "Amnesty International also questioned whether the decisions had been based on torture evidence.",
        ]);
        let second = find(&cs, "questioned whether");
        assert!(second.disputes.is_empty(), "{cs:#?}");
    }

    #[test]
    fn that_criticism_is_the_other_partys_claim_just_before() {
        let cs = claims(&[
            "Anna Berg, a Labour councillor, said there were too few buses for the Labour districts.",
            "A spokesman for the Green Party, Tom Reed, said the mayor was \"abandoning our towns to the car.\"",
            "Labour officials dismissed that criticism.",
        ]);
        let denial = find(&cs, "dismissed that criticism");
        let target = disputes(&cs, denial).expect("paired");
        assert_eq!(target.claimant.as_deref(), Some("Tom Reed"), "{cs:#?}");
    }

    #[test]
    fn a_phrase_quoted_back_far_below_still_answers_it() {
        let mut paras =
            vec!["Tom Baker called the conflict \"a war of the president's choosing.\""];
        paras.extend(["The dispute went on through the week in the capital."; 8]);
        paras.push("\"The conflict was not a war of the president's choosing,\" Anna Berg wrote.");
        let cs = claims(&paras);
        let denial = find(&cs, "was not a war");
        assert_eq!(denial.stance, Stance::Deny);
        let target = disputes(&cs, denial).expect("paired");
        assert_eq!(target.claimant.as_deref(), Some("Tom Baker"));
    }

    #[test]
    fn a_later_statement_naming_the_claimant_and_his_claims_answers_him() {
        let cs = claims(&[
            "The mayor, Tom Baker, said he was merely commenting on the rights of every church. His spokesman, Jim Reed, said Mr. Baker was not backing off his remarks.",
            "The council met on Monday.",
            "Councillor Anna Berg said Baker was clearly taking a side on the issue no matter what he claims.",
        ]);
        let answer = find(&cs, "taking a side");
        let target = disputes(&cs, answer).expect("paired");
        assert!(target.text.contains("merely commenting"), "{cs:#?}");
        // his own spokesman, right after him, explains rather than answers
        assert!(find(&cs, "not backing off").disputes.is_empty());
    }

    #[test]
    fn the_party_an_allegation_names_answers_it() {
        let cs = claims(&[
            "The leaked files accuse the governor of Oslo province, Per Hansen, of owning a stake in a shipping company that he never declared, while Sweden's trade minister Karin Lund is alleged to have hidden her links to a shipping company.",
            "The Norwegian governor's office said the shipping company he is linked to was a family trust and paid no taxes in Norway.",
            "A spokeswoman for Karin Lund said the minister had never hidden any links to the company.",
        ]);
        let governor = find(&cs, "owning a stake");
        let minister = find(&cs, "hidden her links");
        let office = find(&cs, "family trust");
        assert_eq!(office.stance, Stance::Deny);
        assert_eq!(
            disputes(&cs, office).map(|c| &c.id),
            Some(&governor.id),
            "{cs:#?}"
        );
        let spokeswoman = find(&cs, "never hidden any links");
        assert_eq!(
            disputes(&cs, spokeswoman).map(|c| &c.id),
            Some(&minister.id),
            "{cs:#?}"
        );
    }

    #[test]
    fn a_negated_denial_of_wrongdoing_answers_the_report_about_the_firm() {
        let cs = claims(&[
            "The Daily Globe reported that the firm hid the profits of its clients in offshore accounts.",
            "Hansen Berg, the firm, said on Tuesday that no record showed it had done anything unlawful.",
        ]);
        let report = find(&cs, "hid the profits");
        let denial = find(&cs, "anything unlawful");
        assert_eq!(denial.stance, Stance::Deny, "{cs:#?}");
        assert_eq!(
            disputes(&cs, denial).map(|c| &c.id),
            Some(&report.id),
            "{cs:#?}"
        );
    }

    #[test]
    fn a_contracted_negation_contradicts() {
        let cs = claims(&[
            "Tom Baker, the mayor, said the council approved the new stadium plan on Monday.",
            "Anna Berg, a Green councillor, said the council didn't approve the new stadium plan.",
        ]);
        let claim = find(&cs, "approved the new stadium");
        let denial = find(&cs, "didn't approve");
        assert_eq!(denial.stance, Stance::Deny, "{cs:#?}");
        assert_eq!(disputes(&cs, denial).map(|c| &c.id), Some(&claim.id));
    }

    #[test]
    fn witnesses_sharing_a_scene_do_not_contradict() {
        let cs = claims(&[
            "\"I've never seen so many fire engines outside the station,\" said one resident, Tom Baker.",
            "\"The bridge hadn't been closed yet but fire engines were already outside the station,\" said another, Anna Berg.",
            "\"More fire engines were arriving outside the station every minute,\" Anna Berg added.",
        ]);
        assert!(cs.iter().all(|c| c.disputes.is_empty()), "{cs:#?}");
    }

    #[test]
    fn a_negation_bears_on_what_follows_it() {
        let cs = claims(&[
            "\"The strike at the northern port is a strike of the union's choosing,\" Tom Baker said.",
            "\"Talks are needed to end the strike at the northern port,\" Lena Dahl said.",
            "\"The strike at the northern port is not a strike of the union's choosing,\" Anna Berg said.",
        ]);
        let denial = find(&cs, "is not a strike");
        let target = disputes(&cs, denial).expect("paired");
        assert_eq!(target.claimant.as_deref(), Some("Tom Baker"), "{cs:#?}");
    }

    #[test]
    fn a_shared_name_is_no_echo() {
        let cs = claims(&[
            "Tom Baker said the border with Norland Republic was calm.",
            "Anna Berg said no ships had sailed with Norland Republic flags.",
        ]);
        assert!(cs.iter().all(|c| c.disputes.is_empty()), "{cs:#?}");
    }

    #[test]
    fn a_negation_in_a_condition_denies_nothing() {
        let cs = claims(&[
            "Tom Baker said the ships had traded fuel with Norland Republic for years.",
            "\"If they don't stop trading with Norland Republic, we will act,\" Anna Berg said.",
        ]);
        assert!(cs.iter().all(|c| c.disputes.is_empty()), "{cs:#?}");
        assert!(cs.iter().all(|c| c.stance == Stance::Assert), "{cs:#?}");
    }

    #[test]
    fn the_same_event_in_other_words_next_contradicts_a_negation() {
        let cs = claims(&[
            "Tom Baker, the park's director, said the bear never tried to attack its keeper.",
            "Police said the bear had been violently shaking its keeper.",
        ]);
        let claim = find(&cs, "never tried to attack");
        let answer = find(&cs, "violently shaking");
        assert_eq!(
            disputes(&cs, answer).map(|c| &c.id),
            Some(&claim.id),
            "{cs:#?}"
        );
    }

    #[test]
    fn allegations_named_beside_an_accusation_are_the_accusers() {
        let cs = claims(&[
            "Besides allegations involving aides of the mayor, Tom Baker, the leaked files also accuse the port authority of hiding losses.",
            "The files also allege that the port authority paid no fees for years.",
            "City Hall rejected the allegations as lies meant to hurt Baker.",
        ]);
        let nominal = find(&cs, "allegations involving aides of the mayor");
        assert_eq!(
            nominal.claimant.as_deref(),
            find(&cs, "hiding losses").claimant.as_deref()
        );
        let denial = find(&cs, "rejected the allegations");
        assert_eq!(
            disputes(&cs, denial).map(|c| &c.id),
            Some(&nominal.id),
            "{cs:#?}"
        );
    }

    #[test]
    fn a_hypothetical_judgement_is_no_denial() {
        let cs = claims(&[
            "Tom Baker said the library plan was popular with parents.",
            "Anna Berg said it would be wrong to close the library on Sundays.",
            "Lena Dahl said the report about the library is false.",
        ]);
        assert_eq!(
            find(&cs, "would be wrong").stance,
            Stance::Assert,
            "{cs:#?}"
        );
        assert_eq!(find(&cs, "is false").stance, Stance::Deny);
    }

    #[test]
    fn what_is_not_yet_known_denies_nothing() {
        let cs = claims(&[
            "The army said its troops had killed 20 fighters near the border.",
            "\"It is still not known how many fighters were killed near the border,\" a rebel spokesman, Jon Reed, said.",
        ]);
        assert!(cs.iter().all(|c| c.disputes.is_empty()), "{cs:#?}");
    }
    fn by<'a>(cs: &'a [Claim], denial: &Claim) -> Vec<&'a str> {
        denial
            .disputes
            .iter()
            .filter_map(|id| cs.iter().find(|c| &c.id == id))
            .map(|c| c.text.as_str())
            .collect()
    }

    #[test]
    fn a_claim_told_inside_the_denial_is_the_named_claimants() {
        let cs = claims(&[
            "Hansen Shipping rejected claims by the Norwegian regulator that it hid losses from its investors.",
        ]);
        let claim = cs
            .iter()
            .find(|c| c.text.starts_with("it hid losses"))
            .expect("the claim inside");
        assert_eq!(claim.stance, Stance::Assert);
        assert!(
            claim
                .claimant
                .as_deref()
                .is_some_and(|c| c.contains("regulator")),
            "{cs:#?}"
        );
        let denial = find(&cs, "rejected claims");
        assert_eq!(denial.stance, Stance::Deny);
        assert!(
            denial
                .claimant
                .as_deref()
                .is_some_and(|c| c.contains("Hansen"))
        );
        assert_eq!(by(&cs, denial), vec![claim.text.as_str()], "{cs:#?}");
    }

    #[test]
    fn a_dispute_verb_answers_the_claim_its_object_names() {
        let cs = claims(&[
            "Tom Baker, the mayor, said the new bridge would carry 40,000 cars a day.",
            "Anna Berg, a Green councillor, said the park would close in June.",
            "The Road Users Union disputed Baker's figures on Tuesday.",
        ]);
        let denial = find(&cs, "disputed Baker");
        assert_eq!(denial.stance, Stance::Deny);
        assert_eq!(
            by(&cs, denial),
            vec![find(&cs, "40,000 cars").text.as_str()],
            "{cs:#?}"
        );
    }

    #[test]
    fn a_document_speaks_and_calling_it_dishonest_disputes_it() {
        let cs = claims(&[
            "\u{201c}The mayor cut 300 jobs at the port,\u{201d} the new advertisement says.",
            "Anna Berg, a spokeswoman for the mayor, said the ad is dishonest and misleading.",
        ]);
        let ad = find(&cs, "cut 300 jobs");
        // the document speaks (with or without its article, as attribution names it)
        assert!(
            ad.claimant
                .as_deref()
                .is_some_and(|c| c.trim_start_matches("the ") == "new advertisement"),
            "{ad:?}"
        );
        let denial = find(&cs, "the ad is dishonest");
        assert_eq!(denial.stance, Stance::Deny);
        assert_eq!(by(&cs, denial), vec![ad.text.as_str()]);
    }

    #[test]
    fn a_bare_disagreement_answers_the_statement_before_it() {
        let cs = claims(&[
            "Maria Rivera, the water minister, says the dam is safe. Independent engineers disagree.",
        ]);
        let denial = find(&cs, "engineers disagree");
        assert_eq!(denial.stance, Stance::Deny);
        assert_eq!(
            by(&cs, denial),
            vec![find(&cs, "the dam is safe").text.as_str()]
        );
    }

    #[test]
    fn a_concession_sets_two_versions_against_each_other() {
        let cs = claims(&[
            "Though Tom Baker said the strike did not break any law, Anna Berg said the strike broke the law on notice periods.",
        ]);
        let answer = find(&cs, "broke the law");
        assert_eq!(
            by(&cs, answer),
            vec![find(&cs, "did not break").text.as_str()],
            "{cs:#?}"
        );
    }

    #[test]
    fn one_denial_answers_several_claims() {
        let cs = claims(&[
            "Amnesty International said the confessions of the prisoners were obtained by torture. The prisoners' lawyer, Anna Berg, said the confessions had been extracted under torture. The army said there was no evidence that any confessions were obtained by torture.",
        ]);
        let denial = find(&cs, "no evidence");
        assert_eq!(denial.stance, Stance::Deny);
        let mut got = by(&cs, denial);
        got.sort_unstable();
        let mut want = vec![
            find(&cs, "were obtained by torture").text.as_str(),
            find(&cs, "extracted under torture").text.as_str(),
        ];
        want.sort_unstable();
        assert_eq!(got, want, "{cs:#?}");
    }

    #[test]
    fn the_outlet_disputes_what_it_calls_false() {
        let cs = claims(&[
            "Tom Baker falsely claimed that the council had banned cars from the old town.",
        ]);
        let claim = cs
            .iter()
            .find(|c| c.text.starts_with("the council had banned cars"))
            .expect("the claim inside");
        assert_eq!(claim.claimant.as_deref(), Some("Tom Baker"));
        let outlet = cs
            .iter()
            .find(|c| c.claimant.as_deref() == Some("The Daily Test"))
            .expect("the outlet disputes it");
        assert_eq!(outlet.stance, Stance::Deny);
        assert_eq!(by(&cs, outlet), vec![claim.text.as_str()]);
    }

    #[test]
    fn policy_and_personal_criticism_dispute_no_statement() {
        let cs = claims(&[
            "Tom Baker said the council should build the new bridge next year.",
            "The Green Party rejected the bridge plan in a vote on Monday.",
            "\u{201c}Baker is a fake and a coward,\u{201d} Anna Berg said.",
        ]);
        assert!(cs.iter().all(|c| c.disputes.is_empty()), "{cs:#?}");
        assert!(cs.iter().all(|c| c.stance == Stance::Assert), "{cs:#?}");
    }

    #[test]
    fn a_retort_about_something_else_answers_nothing() {
        let cs = claims(&[
            "Tom Baker said the mayor had wasted 2 million on the tram line.",
            "\u{201c}Tom wants to look tough tonight,\u{201d} the mayor, Anna Berg, shot back.",
        ]);
        assert!(cs.iter().all(|c| c.disputes.is_empty()), "{cs:#?}");
    }
}

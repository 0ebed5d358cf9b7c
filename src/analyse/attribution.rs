//! Who is speaking: finding the subject of a speech verb and resolving it to an actor of the
//! people registry — a name, a pronoun (he, she, they), a role noun ("the spokesman"), a
//! group ("officials"), a place standing for its government ("Kyiv said").

use std::ops::Range;

use super::Doc;
use super::cues::{Form, SPEECH};
use super::index::Index;
use super::names::{Gender, LEX, Mention, MentionKind, is_demonym};
use super::people::{Entity, Registry};
use super::tokens::Kind;
use crate::gazetteer::country_for;
use crate::model::PersonKind;

/// Everything attribution needs while it walks the article in order.
pub struct Ctx<'d, 'a> {
    pub doc: &'d Doc<'a>,
    pub mentions: &'d [Mention],
    pub reg: &'d mut Registry,
    /// Per paragraph, which tokens stand inside quotation marks.
    pub masks: Vec<Vec<bool>>,
    /// (entity, paragraph, sentence) of each attribution so far, in order.
    pub speakers: Vec<(usize, usize, usize)>,
    /// Per sentence: the person in focus at its end (the last person named as a subject,
    /// carried through sentences whose subject is a pronoun).
    focus: Vec<Option<usize>>,
    pub index: &'d Index,
}

impl<'d, 'a> Ctx<'d, 'a> {
    pub fn new(
        doc: &'d Doc<'a>,
        mentions: &'d [Mention],
        reg: &'d mut Registry,
        masks: Vec<Vec<bool>>,
        index: &'d Index,
    ) -> Ctx<'d, 'a> {
        let focus = focus_chain(doc, mentions, reg, index);
        Ctx {
            doc,
            mentions,
            reg,
            masks,
            speakers: Vec::new(),
            focus,
            index,
        }
    }

    /// Token `i` of paragraph `pi` in lower case (no allocation).
    pub fn lower(&self, pi: usize, i: usize) -> &'d str {
        self.index.lower(self.doc, pi, i)
    }

    /// The sentence holding token `tok` of paragraph `pi`.
    pub fn sentence(&self, pi: usize, tok: usize) -> usize {
        self.index.sentence_of(self.doc, pi, tok)
    }

    /// The token range of the sentence holding token `tok` of paragraph `pi`.
    pub fn sentence_range(&self, pi: usize, tok: usize) -> Range<usize> {
        let s = self.sentence(pi, tok);
        self.doc.sentences.get(s).map_or(0..0, |(_, r)| r.clone())
    }

    /// The mentions of paragraph `pi`, with their indices.
    pub fn para_mentions(
        &self,
        pi: usize,
    ) -> impl DoubleEndedIterator<Item = (usize, &'d Mention)> + use<'d> {
        let ms = self.mentions;
        self.index.mentions_in(pi).map(move |i| (i, &ms[i]))
    }

    /// The mentions of every paragraph up to and including `pi`, with their indices.
    pub fn mentions_through(
        &self,
        pi: usize,
    ) -> impl DoubleEndedIterator<Item = (usize, &'d Mention)> + use<'d> {
        let ms = self.mentions;
        self.index.mentions_up_to(pi).map(move |i| (i, &ms[i]))
    }

    pub fn text(&self, pi: usize, i: usize) -> &'d str {
        let p = &self.doc.paras[pi];
        p.tokens[i].text(p.text)
    }

    /// The words of a token range, as printed.
    pub fn slice(&self, pi: usize, r: Range<usize>) -> &'d str {
        let p = &self.doc.paras[pi];
        if r.is_empty() {
            return "";
        }
        &p.text[p.tokens[r.start].start as usize..p.tokens[r.end - 1].end as usize]
    }

    pub fn is_cap(&self, pi: usize, i: usize) -> bool {
        self.text(pi, i)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    }

    /// Record that an actor spoke (for "he said" later on).
    pub fn spoke(&mut self, e: usize, pi: usize, si: usize) {
        self.speakers.push((e, pi, si));
        let ent = &mut self.reg.entities[e];
        ent.last_sentence = ent.last_sentence.max(si);
        ent.evidence = true;
    }
}

/// The speaker of a report in the sentence just before `sentence` of the same paragraph: a
/// quote that opens the next sentence goes on with it (`X said that … . "…"`).
pub fn reporter_before(ctx: &Ctx<'_, '_>, pi: usize, sentence: usize) -> Option<usize> {
    let &(e, p, s) = ctx.speakers.last()?;
    (p == pi && s + 1 == sentence).then_some(e)
}

/// The person named right before a dash that opens a quote (`including X -- "…" --`).
pub fn dash_speaker(ctx: &Ctx<'_, '_>, pi: usize, open: usize) -> Option<usize> {
    if open < 2 || !matches!(ctx.text(pi, open - 1), "--" | "\u{2014}" | "\u{2013}") {
        return None;
    }
    let (mi, _) = ctx
        .para_mentions(pi)
        .find(|(_, m)| m.para == pi && m.end == open - 1 && !m.in_quote && !m.possessive)?;
    let e = ctx.reg.of_mention[mi]?;
    (ctx.reg.entities[e].kind == PersonKind::Person).then_some(e)
}

/// Length of a time phrase ("on Tuesday", "last week") starting at token `k`.
pub fn time_phrase(ctx: &Ctx<'_, '_>, pi: usize, k: usize, end: usize) -> usize {
    let ws: Vec<String> = (k..end.min(k + 6))
        .map(|i| ctx.lower(pi, i).to_owned())
        .collect();
    SPEECH.time_phrase_len(&ws, 0)
}

/// Is token `i` a speech verb used as one (not "the said", not "to say")?
pub fn speech_verb(ctx: &Ctx<'_, '_>, pi: usize, i: usize) -> bool {
    let toks = &ctx.doc.paras[pi].tokens;
    if toks[i].kind != Kind::Word {
        return false;
    }
    let w = ctx.lower(pi, i);
    let Some(v) = SPEECH.verb(w) else {
        return false;
    };
    let next = (i + 1 < toks.len()).then(|| ctx.lower(pi, i + 1));
    if !SPEECH.speech_with(&v.base, next) {
        return false;
    }
    if matches!(v.form, Form::Past | Form::Participle)
        && next.is_some_and(|n| {
            SPEECH
                .grammar
                .objectless
                .get(&v.base)
                .is_some_and(|w| w == n)
        })
    {
        return false;
    }
    if i > 0 {
        let prev = ctx.lower(pi, i - 1);
        if matches!(prev, "the" | "a" | "an" | "so") {
            return false;
        }
        if prev == "to" && v.form == Form::Base && super::reported::went_on_to(ctx, pi, i).is_none()
        {
            return false;
        }
        // "due to reporting restrictions": a gerund after a preposition is not a report;
        // nor is one after a possessive ("the bill's reporting rules", "their warning signs")
        if v.form == Form::Ing
            && (is_preposition(prev) && prev != "by"
                || matches!(
                    prev,
                    "'s" | "\u{2019}s" | "his" | "her" | "its" | "their" | "our" | "my" | "your"
                ))
        {
            return false;
        }
        // "battlefield reports from": a plural noun, not a verb, unless its subject stands
        // right before it ("the company reports", "Ukraine says", "he claims")
        if v.form == Form::Third && SPEECH.also_noun(&v.base) && toks[i - 1].kind == Kind::Word {
            let subject_like = ctx.is_cap(pi, i - 1)
                || LEX.pronoun(prev).is_some()
                || SPEECH.grammar.relative_pronouns.contains(prev)
                || (i > 1 && {
                    let p2 = ctx.lower(pi, i - 2);
                    SPEECH.grammar.determiners.contains(p2)
                        || ctx.is_cap(pi, i - 2)
                        || matches!(p2, "'s" | "\u{2019}s" | "'" | "\u{2019}")
                });
            if !subject_like {
                return false;
            }
        }
        // "his remarks", "the mosque comments", "Obama's original comments": nouns
        if matches!(v.form, Form::Base | Form::Third) && SPEECH.also_noun(&v.base) {
            let owner = |w: &str| {
                SPEECH.grammar.determiners.contains(w)
                    || matches!(
                        w,
                        "his"
                            | "her"
                            | "their"
                            | "its"
                            | "our"
                            | "my"
                            | "your"
                            | "'s"
                            | "\u{2019}s"
                            | "no"
                            | "any"
                    )
            };
            if owner(prev) {
                return false;
            }
            // "the Daily Globe report", "a New York Times report": a name used as a modifier
            if v.form == Form::Base && ctx.is_cap(pi, i - 1) {
                let mut j = i - 1;
                while j > 0 && ctx.is_cap(pi, j - 1) {
                    j -= 1;
                }
                if j > 0 && owner(ctx.lower(pi, j - 1)) {
                    return false;
                }
            }
            // "Obama's original comments" is a noun; "the boy's mother yells down, '…'" and
            // "the firm's lawyer claims that …" are verbs: a clause, a quote or a particle
            // follows them
            let verb_follows = next.is_some_and(|n| {
                matches!(n, "that" | ":" | "down" | "out" | "back")
                    || super::quotes::is_double_mark(n)
                    || super::quotes::is_single_mark(n)
            });
            if i > 1
                && owner(ctx.lower(pi, i - 2))
                && toks[i - 1].kind == Kind::Word
                && !SPEECH.is_between(prev)
                && !(v.form == Form::Third && verb_follows)
            {
                return false;
            }
        }
    }
    true
}

/// The cue's words: the verb, with its addressee for "told" ("told Reuters").
pub fn cue_text(ctx: &Ctx<'_, '_>, pi: usize, v: usize, end: usize) -> String {
    let w = ctx.text(pi, v);
    let toks = &ctx.doc.paras[pi].tokens;
    let addressee = SPEECH.verb(&w.to_lowercase()).is_some_and(|x| x.addressee);
    if addressee && v + 1 < end && toks[v + 1].kind == Kind::Word {
        let n = ctx.text(pi, v + 1);
        if n.chars().next().is_some_and(char::is_uppercase)
            || SPEECH.grammar.channels.contains(&n.to_lowercase())
        {
            return format!("{w} {n}");
        }
    }
    w.to_owned()
}

fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "from"
            | "at"
            | "of"
            | "near"
            | "to"
            | "for"
            | "by"
            | "on"
            | "with"
            | "about"
            | "against"
            | "after"
            | "before"
            | "despite"
            | "without"
            | "while"
            | "like"
            | "during"
            | "amid"
    )
}

/// The subject of the speech verb at `v`, looking back to `start` (the sentence start).
pub fn subject_of(ctx: &mut Ctx<'_, '_>, pi: usize, start: usize, v: usize) -> Option<usize> {
    // skip auxiliaries, adverbs and time phrases between subject and verb
    let mut k = v;
    'back: while k > start {
        let w = ctx.lower(pi, k - 1);
        if SPEECH.is_between(w) {
            k -= 1;
            continue;
        }
        for len in (1..=4).rev() {
            if k >= start + len && time_phrase(ctx, pi, k - len, k) == len {
                k -= len;
                continue 'back;
            }
        }
        break;
    }
    if k <= start {
        return None;
    }
    let prev = ctx.text(pi, k - 1);
    let lprev = prev.to_lowercase();
    if prev == "," || prev == ")" {
        // "X, a senior fellow at Y, says": the phrase before the interruption
        let open = (start..k - 1)
            .rev()
            .find(|&j| matches!(ctx.text(pi, j), "," | "("));
        if let Some(o) = open {
            // "Supporters of X, including Y, say": the interruption only gives examples;
            // the subject is the phrase that opens the clause
            let examples = (start..k - 1).find(|&j| {
                ctx.text(pi, j) == ","
                    && matches!(ctx.lower(pi, j + 1), "including" | "notably" | "especially")
            });
            if let Some(c) = examples {
                return clause_subject(ctx, pi, start, c);
            }
            // "Y's top general, X, told": the interruption itself is the name, perhaps
            // after its role ("Another official, deputy police chief X, said")
            let seg = o + 1..k - 1;
            let named = ctx.para_mentions(pi).find(|(_, m)| {
                m.para == pi
                    && m.end == seg.end
                    && m.start >= seg.start
                    && m.kind != MentionKind::Place
                    && (m.start == seg.start || m.outer_start == seg.start || {
                        let role: Vec<String> = (seg.start..m.start)
                            .map(|j| ctx.lower(pi, j).to_owned())
                            .collect();
                        (seg.start..m.start).all(|j| {
                            !ctx.is_cap(pi, j) && ctx.doc.paras[pi].tokens[j].kind == Kind::Word
                        }) && LEX.role_suffix(&role).is_some_and(|n| n > 0)
                    })
            });
            if let Some((mi, _)) = named
                && let Some(e) = ctx.reg.of_mention[mi]
            {
                return Some(e);
            }
            let np = np_before(ctx, pi, start, o);
            // "The letter, from the Home Office, says", "the statement, signed by X, said":
            // the aside names who wrote it
            if !np.is_empty() && SPEECH.is_statement_noun(ctx.lower(pi, np.end - 1)) {
                let by = seg
                    .clone()
                    .find(|&j| matches!(ctx.lower(pi, j), "from" | "by"));
                let author = by.and_then(|b| {
                    ctx.para_mentions(pi)
                        .filter(|(_, m)| {
                            m.para == pi && m.start > b && m.end <= seg.end && !m.possessive
                        })
                        .map(|(i, _)| i)
                        .next()
                });
                if let Some(mi) = author
                    && let Some(e) = mention_actor(ctx, mi)
                {
                    return Some(e);
                }
            }
            if !np.is_empty()
                && let Some(e) = resolve(ctx, pi, np)
            {
                return Some(e);
            }
        }
        return clause_subject(ctx, pi, start, k - 1);
    }
    if ctx.doc.paras[pi].tokens[k - 1].kind == Kind::Punct {
        return None;
    }
    // "X would not go that far but said": the coordinated verb shares the clause subject,
    // the subject of the speech verb before it when there is one ("X told Y … and said")
    if matches!(lprev.as_str(), "and" | "but") {
        // after a comma the coordination joins the main clause ("X said the firm had
        // promised …, and called it …"): its first speech verb, not one in the report
        let main = k >= 2 && ctx.text(pi, k - 2) == ",";
        let is_cue = |ctx: &Ctx<'_, '_>, j: usize| !ctx.masks[pi][j] && speech_verb(ctx, pi, j);
        let earlier = if main {
            (start..k - 1).find(|&j| is_cue(ctx, j))
        } else {
            (start..k - 1).rev().find(|&j| is_cue(ctx, j))
        };
        if let Some(j) = earlier
            && let Some(e) = subject_of(ctx, pi, start, j)
        {
            return Some(e);
        }
        return clause_subject(ctx, pi, start, k - 1);
    }
    // a relative clause: "X, who said …", "a report that said …"
    if SPEECH.grammar.relative_pronouns.contains(&lprev) {
        let before = k - 1;
        if before > start && ctx.text(pi, before - 1) == "," {
            let np = np_before(ctx, pi, start, before - 1);
            return resolve(ctx, pi, np);
        }
        let np = np_before(ctx, pi, start, before);
        return resolve(ctx, pi, np);
    }
    let np = np_before(ctx, pi, start, k);
    if np.is_empty() {
        return None;
    }
    if let Some(e) = open_apposition(ctx, pi, start, k) {
        return Some(e);
    }
    // "X in Moscow says", "a letter sent to X said": the phrase is an object; the subject
    // opens the clause
    if preceded_by_preposition(ctx, pi, np.start) && np.start > start {
        let w = ctx.lower(pi, np.start - 1);
        // "like X said", "while he said": X and he are the subjects
        let pronoun = np.len() == 1 && LEX.pronoun(ctx.lower(pi, np.start)).is_some();
        // "one day after X said", "shortly after the ministry said", "while he said": a
        // conjunction opens a clause whose subject is the phrase right before the verb
        let named = ctx
            .para_mentions(pi)
            .any(|(_, m)| m.para == pi && m.end == np.end && m.start >= np.start && !m.possessive);
        let conjunction = matches!(w, "after" | "before" | "since" | "until")
            || (w == "while" && (pronoun || named));
        if w != "like" && !conjunction {
            return clause_subject(ctx, pi, start, np.start - 1);
        }
    }
    let np_start = np.start;
    resolve(ctx, pi, np).or_else(|| {
        // "Experts on X and Y said": the phrase before the verb was not the subject's head
        (np_start > start)
            .then(|| clause_subject(ctx, pi, start, np_start))
            .flatten()
    })
}

/// "X, a lawyer for Y said", "X, analyst and author of Z said": an apposition whose closing
/// comma is missing runs up to the verb; the actor named before its comma is the subject.
fn open_apposition(ctx: &mut Ctx<'_, '_>, pi: usize, start: usize, at: usize) -> Option<usize> {
    let c = (start..at).rev().find(|&j| ctx.text(pi, j) == ",")?;
    if at - c > 14
        || (c + 1..at).any(|j| {
            ctx.masks[pi][j]
                || matches!(ctx.text(pi, j), ";" | "(" | ")" | "\u{2014}")
                || super::quotes::is_double_mark(ctx.text(pi, j))
                || speech_verb(ctx, pi, j)
                || SPEECH.grammar.relative_pronouns.contains(ctx.lower(pi, j))
        })
    {
        return None;
    }
    // the role: lower-case words after an optional article, up to a preposition
    let mut j = c + 1;
    if matches!(ctx.lower(pi, j), "a" | "an" | "the") {
        j += 1;
    }
    let mut role: Vec<String> = Vec::new();
    while j < at && !ctx.is_cap(pi, j) && ctx.doc.paras[pi].tokens[j].kind == Kind::Word {
        let w = ctx.lower(pi, j);
        if is_preposition(w) || w == "and" {
            break;
        }
        role.push(w.to_owned());
        j += 1;
    }
    if role.is_empty() || LEX.role_suffix(&role).is_none_or(|n| n == 0) {
        return None;
    }
    let named = ctx
        .para_mentions(pi)
        .find(|(_, m)| m.para == pi && m.end == c && !m.in_quote && !m.possessive)
        .map(|(i, _)| i)?;
    mention_actor(ctx, named)
}

fn preceded_by_preposition(ctx: &Ctx<'_, '_>, pi: usize, i: usize) -> bool {
    i > 0 && is_preposition(ctx.lower(pi, i - 1))
}

/// The subject of a participle ("saying"): the phrase right before it when that phrase opens
/// a clause ("with X saying", "X, saying"); otherwise the subject of the main clause.
pub fn participle_subject(
    ctx: &mut Ctx<'_, '_>,
    pi: usize,
    start: usize,
    v: usize,
    end: usize,
) -> Option<usize> {
    // "Izvestia quotes X's daughter, Y, as saying": the one quoted speaks
    if v > start && ctx.lower(pi, v - 1) == "as" {
        let quoted = ctx
            .para_mentions(pi)
            .filter(|(_, m)| {
                m.para == pi && m.start >= start && m.end < v && !m.possessive && !m.in_quote
            })
            .map(|(i, _)| i)
            .next_back();
        if let Some(mi) = quoted {
            return mention_actor(ctx, mi);
        }
    }
    let np = np_before(ctx, pi, start, v);
    if !np.is_empty() {
        let opens = np.start == start
            || matches!(ctx.text(pi, np.start - 1), "," | "(" | ";")
            || ctx.lower(pi, np.start - 1) == "with";
        if opens && let Some(e) = resolve(ctx, pi, np) {
            return Some(e);
        }
    }
    // "…, but Y denied this, insisting …": after a comma the participle goes with the
    // nearest clause before it that reports, and shares its subject
    if v > start + 1 && ctx.text(pi, v - 1) == "," {
        let earlier = (start..v - 1).rev().find(|&j| {
            !ctx.masks[pi][j] && speech_verb(ctx, pi, j) && !ctx.lower(pi, j).ends_with("ing")
        });
        if let Some(j) = earlier
            && let Some(e) = subject_of(ctx, pi, start, j)
        {
            return Some(e);
        }
    }
    // "Despite saying …, Mr X said": an adjunct before the main clause
    let adjunct = v > start && (v - start <= 1 || is_preposition(ctx.lower(pi, v - 1)));
    if adjunct && let Some(c) = (v..end).find(|&j| ctx.text(pi, j) == ",") {
        return clause_subject(ctx, pi, c + 1, end);
    }
    clause_subject(ctx, pi, start, v)
}

/// The subject at the start of a clause (`start` to `end`): the first actor named — a
/// person before an organisation — after any introductory phrase ("On Monday, …").
pub fn clause_subject(ctx: &mut Ctx<'_, '_>, pi: usize, start: usize, end: usize) -> Option<usize> {
    let mut s = start;
    for k in start..end {
        let w = ctx.text(pi, k);
        if matches!(w, ";" | ":" | "\u{2014}")
            || ctx.masks[pi].get(k).copied().unwrap_or(false) && super::quotes::is_double_mark(w)
        {
            s = k + 1;
        }
    }
    // an introductory phrase: "On Monday, the firm …", "In 2015, he …"
    if let Some(c) = (s..end.min(s + 7)).find(|&k| ctx.text(pi, k) == ",") {
        let first = ctx.lower(pi, s);
        let intro = is_preposition(first)
            || SPEECH.is_time_word(first)
            || adverb_opener(&ctx.doc.paras[pi], s)
            || first.ends_with("ing")
            || matches!(
                first,
                "however"
                    | "still"
                    | "meanwhile"
                    | "instead"
                    | "but"
                    | "yet"
                    | "so"
                    | "and"
                    | "though"
                    | "although"
            );
        if intro {
            s = c + 1;
        }
    }
    // the clause's first noun phrase: a name in it, or the phrase itself
    let np_end = np_end_from(ctx, pi, s, end);
    let in_np: Vec<usize> = ctx
        .para_mentions(pi)
        .filter(|(_, m)| {
            m.para == pi
                && m.start >= s
                && m.end <= np_end.max(s + 1)
                && !m.in_quote
                && !m.possessive
        })
        .filter(|(i, _)| confirmed(ctx, *i))
        .map(|(i, _)| i)
        .collect();
    if let Some(&mi) = in_np.last() {
        return mention_actor(ctx, mi);
    }
    if np_end > s
        && let Some(e) = resolve(ctx, pi, s..np_end)
    {
        return Some(e);
    }
    // otherwise the first actor named in the clause
    let first = ctx
        .para_mentions(pi)
        .filter(|(i, m)| {
            m.para == pi
                && m.start >= s
                && m.end <= end
                && !m.in_quote
                && !m.possessive
                && confirmed(ctx, *i)
        })
        .map(|(i, _)| i)
        .next();
    first.and_then(|mi| mention_actor(ctx, mi))
}

/// Is a mention a known actor: a place, an organisation, or a person with evidence (a
/// sentence-opening capitalised word alone is not)?
fn confirmed(ctx: &Ctx<'_, '_>, mi: usize) -> bool {
    let m = &ctx.mentions[mi];
    if m.kind == MentionKind::Place {
        return true;
    }
    ctx.reg.of_mention[mi].is_some_and(|e| {
        let e = &ctx.reg.entities[e];
        e.kind != PersonKind::Person || e.evidence || e.name.contains(' ')
    })
}

/// The actor a mention names (a place stands for its government).
fn mention_actor(ctx: &mut Ctx<'_, '_>, mi: usize) -> Option<usize> {
    let m = &ctx.mentions[mi];
    if m.kind == MentionKind::Place {
        let (name, si) = (m.name.clone(), m.sentence);
        return Some(ctx.reg.place_actor(&name, si));
    }
    ctx.reg.of_mention[mi]
}

/// End of the noun phrase that starts at `s` (before the first comma or verb-like word).
fn np_end_from(ctx: &Ctx<'_, '_>, pi: usize, s: usize, end: usize) -> usize {
    let mut k = s;
    while k < end {
        let w = ctx.lower(pi, k);
        let kept_preposition = k > s
            && matches!(w, "of" | "for" | "from" | "at" | "and")
            && (LEX.is_role_head(ctx.lower(pi, k - 1))
                || (ctx.is_cap(pi, k - 1) && k + 1 < end && ctx.is_cap(pi, k + 1)));
        // a past-tense verb after the head noun ends the phrase: "the firm released …"
        let past = k > s && w.len() > 4 && w.ends_with("ed") && !ctx.is_cap(pi, k);
        if matches!(w, "," | ";" | ":" | "(" | ")")
            || past
            || SPEECH.verb(w).is_some()
            || SPEECH.is_between(w)
            || SPEECH.grammar.auxiliaries.contains(w)
            || (SPEECH.grammar.np_stops.contains(w) && !kept_preposition && k > s)
        {
            break;
        }
        k += 1;
    }
    k
}

/// The noun phrase that ends just before `end` (back to `start`): a pronoun alone, or names
/// and nouns with their determiners, possessives and inner connectors ("Transport for London").
pub fn np_before(ctx: &Ctx<'_, '_>, pi: usize, start: usize, end: usize) -> Range<usize> {
    let toks = &ctx.doc.paras[pi].tokens;
    if end <= start {
        return end..end;
    }
    if LEX.pronoun(ctx.lower(pi, end - 1)).is_some() {
        return end - 1..end;
    }
    let g = &SPEECH.grammar;
    let mut k = end;
    while k > start && end - k < 10 {
        let t = &toks[k - 1];
        let lw = ctx.lower(pi, k - 1);
        let ok = match t.kind {
            Kind::Word => {
                let connector = matches!(lw, "of" | "for" | "and")
                    && k < end
                    && ctx.is_cap(pi, k)
                    && k >= 2
                    && ctx.is_cap(pi, k - 2);
                // "a spokesperson for X", "a statement from X", "the head of X"
                let described = matches!(lw, "of" | "for" | "from" | "at" | "on" | "by")
                    && k < end
                    && k >= 2
                    && {
                        let before = ctx.lower(pi, k - 2);
                        LEX.is_role_head(before) || SPEECH.is_statement_noun(before)
                    };
                connector
                    || described
                    || !(g.np_stops.contains(lw)
                        || LEX.pronoun(lw).is_some() && k < end
                        || SPEECH.verb(lw).is_some() && k < end
                        || g.auxiliaries.contains(lw))
            }
            Kind::Number => false,
            Kind::Punct => {
                let w = t.text(ctx.doc.paras[pi].text);
                (w == "." && !t.space_before && k >= 2 && ctx.text(pi, k - 2).chars().count() <= 3)
                    || (w == "-" && !t.space_before && k >= 2 && k < end)
                    // a plural possessive: "the tenants' association"
                    || (matches!(w, "'" | "\u{2019}")
                        && !t.space_before
                        && k >= 2
                        && k < end
                        && toks[k].space_before
                        && ctx.lower(pi, k - 2).ends_with('s'))
            }
        };
        if !ok {
            break;
        }
        k -= 1;
        // an article opens the phrase: "meddling the congressman said" — the word before
        // it belongs to another phrase, unless it links the two ("the head of the agency")
        if matches!(lw, "the" | "a" | "an")
            && k > start
            && toks[k - 1].kind == Kind::Word
            && !matches!(
                ctx.lower(pi, k - 1),
                "of" | "for" | "from" | "at" | "on" | "by" | "and"
            )
        {
            break;
        }
    }
    k..end
}

/// The noun phrase that starts at `from` (after an inverted verb: `said X, a …`).
pub fn np_after(ctx: &Ctx<'_, '_>, pi: usize, from: usize, end: usize) -> Option<Range<usize>> {
    let toks = &ctx.doc.paras[pi].tokens;
    let mut k = from + time_phrase(ctx, pi, from, end);
    if k < end && SPEECH.grammar.relative_pronouns.contains(ctx.lower(pi, k)) {
        return None;
    }
    let s = k;
    while k < end {
        let t = &toks[k];
        let lw = ctx.lower(pi, k);
        let stop = match t.kind {
            Kind::Punct => {
                let w = t.text(ctx.doc.paras[pi].text);
                !(w == "."
                    && !t.space_before
                    && k > s
                    && ctx.text(pi, k - 1).chars().count() <= 3
                    && k + 1 < end
                    && toks[k + 1].kind == Kind::Word)
            }
            Kind::Number => true,
            Kind::Word => {
                k > s
                    && (SPEECH.grammar.relative_pronouns.contains(lw)
                        || matches!(
                            lw,
                            "in" | "on"
                                | "at"
                                | "to"
                                | "during"
                                | "after"
                                | "before"
                                | "when"
                                | "and"
                                | "but"
                                | "as"
                                | "while"
                                | "because"
                        ))
            }
        };
        if stop {
            break;
        }
        k += 1;
    }
    (k > s).then_some(s..k)
}

/// Resolve a noun phrase to an actor.
pub fn resolve(ctx: &mut Ctx<'_, '_>, pi: usize, r: Range<usize>) -> Option<usize> {
    if r.is_empty() {
        return None;
    }
    let sentence = ctx.sentence(pi, r.start);
    let ws: Vec<String> = r.clone().map(|i| ctx.lower(pi, i).to_owned()).collect();
    let head = ws.last().cloned().unwrap_or_default();
    if ws.len() == 1
        && let Some(g) = LEX.pronoun(&head)
    {
        return resolve_pronoun(ctx, g, pi, r.start);
    }
    let inside: Vec<usize> = ctx
        .para_mentions(pi)
        .filter(|(_, m)| m.para == pi && m.start >= r.start && m.end <= r.end && !m.in_quote)
        .map(|(i, _)| i)
        .collect();
    let lower_head =
        !ctx.is_cap(pi, r.end - 1) && ctx.doc.paras[pi].tokens[r.end - 1].kind == Kind::Word;
    let ends_with_mention = inside.iter().any(|&i| ctx.mentions[i].end == r.end);
    // a name that is the phrase's head: "Russian President Vladimir Putin", "the Kremlin"
    if (!lower_head && !LEX.is_role_head(&head)) || ends_with_mention {
        // "Representative X of New York": the place after "of" describes the person
        let of_place = |ctx: &Ctx<'_, '_>, i: usize| {
            let m = &ctx.mentions[i];
            m.kind == MentionKind::Place && m.start > r.start && ctx.lower(pi, m.start - 1) == "of"
        };
        let person_first = inside.iter().any(|&i| of_place(ctx, i))
            && inside
                .iter()
                .any(|&i| ctx.mentions[i].kind == MentionKind::Person);
        let pick = inside
            .iter()
            .rev()
            .find(|&&i| {
                !ctx.mentions[i].possessive
                    && (!person_first || ctx.mentions[i].kind == MentionKind::Person)
            })
            .copied();
        if let Some(mi) = pick {
            let m = &ctx.mentions[mi];
            if m.kind == MentionKind::Place {
                let (name, si) = (m.name.clone(), m.sentence);
                return Some(ctx.reg.place_actor(&name, si));
            }
            return ctx.reg.of_mention[mi];
        }
    }
    // the phrase is a description with a common noun as its head
    let mut a = r.start;
    while a < r.end && SPEECH.grammar.determiners.contains(ctx.lower(pi, a)) {
        a += 1;
    }
    if a >= r.end {
        return None;
    }
    let phrase = ctx.slice(pi, a..r.end).to_owned();
    let side = side_in(ctx, pi, a..r.end);
    let role_head = LEX.is_role_head(&head) || LEX.is_org_role(&head);
    if SPEECH.is_statement_noun(&head) && !role_head {
        // "the city fire department incident report": the author is the organisation or
        // role the words before it name, not the place that describes that author
        let author = (r.start..r.end - 1).rev().find(|&i| {
            let w = ctx.lower(pi, i);
            !ctx.is_cap(pi, i) && (LEX.is_org_role(w) || LEX.is_role_head(w))
        });
        if let Some(h) = author
            && inside.iter().all(|&mi| ctx.mentions[mi].end <= h)
            && let Some(e) = resolve(ctx, pi, r.start..h + 1)
        {
            return Some(e);
        }
        // "a statement from X's office", "the letter", "the report"
        if let Some(&mi) = inside.last() {
            let m = &ctx.mentions[mi];
            if m.kind == MentionKind::Place {
                let (name, si) = (m.name.clone(), m.sentence);
                return Some(ctx.reg.place_actor(&name, si));
            }
            return ctx.reg.of_mention[mi];
        }
        return focus_before(ctx, pi, r.start)
            .or_else(|| recent_actor(ctx, pi, r.start))
            .or_else(|| common_noun_speaker(ctx, pi, r.start, a..r.end, sentence));
    }
    if head == "office"
        && let Some(&mi) = inside.last()
    {
        return ctx.reg.of_mention[mi];
    }
    if role_head {
        let content: Vec<String> = (a..r.end).map(|i| ctx.lower(pi, i).to_owned()).collect();
        if let Some(e) = by_role(ctx, &content, sentence) {
            return Some(e);
        }
        // "the former strategist", "Obama's campaign strategist": a definite description
        // of the person in focus
        let definite = ctx.lower(pi, r.start) == "the"
            && !(r.start + 1..r.end).any(|i| matches!(ctx.text(pi, i), "'s" | "\u{2019}s"));
        // ("the Ohio Republican": a place may stand in the description)
        let only_places = inside
            .iter()
            .all(|&i| ctx.mentions[i].kind == MentionKind::Place);
        if definite
            && LEX.is_role_head(&head)
            && !head.ends_with('s')
            && only_places
            && let Some(f) = focus_before(ctx, pi, r.start)
        {
            if ctx.reg.entities[f].role.is_none() {
                ctx.reg.entities[f].role = Some(phrase.clone());
            }
            return Some(f);
        }
        // "a spokesman" / "the spokesman" with nothing else: the organisation just named;
        // "the council" is that organisation itself when its name says so ("City Council"),
        // and never a member of another one
        let bare = a + 1 == r.end && inside.is_empty();
        let org_itself = LEX.is_org_role(&head) && !LEX.is_role_head(&head);
        if bare
            && org_itself
            && let Some(org) = recent_organisation(ctx, pi, r.start)
            && ctx.reg.entities[org]
                .name
                .to_lowercase()
                .split_whitespace()
                .any(|w| w == head)
        {
            return Some(org);
        }
        if bare
            && !org_itself
            && let Some(org) = recent_organisation(ctx, pi, r.start)
        {
            let org_name = ctx.reg.entities[org].name.clone();
            let org_side = ctx.reg.entities[org].side.clone();
            let name = format!("{org_name} {phrase}");
            let kind = if head.ends_with('s') {
                PersonKind::Group
            } else {
                PersonKind::Person
            };
            let id = ctx.reg.group(&name, kind, sentence, org_side);
            if ctx.reg.entities[id].affiliation.is_none() {
                ctx.reg.entities[id].affiliation = Some(org_name);
            }
            ctx.reg.entities[id].role = Some(phrase.clone());
            return Some(id);
        }
        let kind = if LEX.is_org_role(&head) && !LEX.is_role_head(&head) {
            PersonKind::Organisation
        } else if head.ends_with('s') && !head.ends_with("ss") {
            PersonKind::Group
        } else {
            // "a foreign ministry spokesman": one person, whose name we do not know
            PersonKind::Person
        };
        let id = ctx.reg.group(&phrase, kind, sentence, side);
        if ctx.reg.entities[id].role.is_none() {
            ctx.reg.entities[id].role = Some(head.clone());
        }
        if let Some(&mi) = inside.first()
            && ctx.reg.entities[id].affiliation.is_none()
        {
            ctx.reg.entities[id].affiliation = Some(ctx.mentions[mi].name.clone());
        }
        return Some(id);
    }
    // "the senators": the people named with that plural title ("Senators X and Y")
    if ctx.lower(pi, r.start) == "the" && head.ends_with('s') {
        let content: Vec<String> = (a..r.end).map(|i| ctx.lower(pi, i).to_owned()).collect();
        if let Some(e) = by_role(ctx, &content, sentence)
            && ctx.reg.entities[e].kind == PersonKind::Person
        {
            return Some(e);
        }
    }
    if LEX.is_group_noun(&head) || ends_with_group(&ws) {
        return Some(ctx.reg.group(&phrase, PersonKind::Group, sentence, side));
    }
    // a description whose named part is the speaker: "the Cincinnati fire department"
    if let Some(&mi) = inside
        .iter()
        .rev()
        .find(|&&i| !ctx.mentions[i].possessive && ctx.mentions[i].kind != MentionKind::Place)
    {
        return ctx.reg.of_mention[mi];
    }
    common_noun_speaker(ctx, pi, r.start, a..r.end, sentence)
}

/// "the insider said", "one voter said", "the note says": a description whose head is a
/// common noun speaks as itself when nothing names it (documents and unnamed people are
/// speakers too). The phrase must be a few plain words ending in a noun-like word.
fn common_noun_speaker(
    ctx: &mut Ctx<'_, '_>,
    pi: usize,
    from: usize,
    r: Range<usize>,
    sentence: usize,
) -> Option<usize> {
    if r.is_empty() || r.len() > 4 {
        return None;
    }
    // a lone singular noun needs its determiner ("the insider"); a bare word before a verb
    // is more often an adverb or an object ("even", "long") than a speaker
    let head = ctx.lower(pi, r.end - 1);
    let people_plural = || {
        SPEECH
            .grammar
            .people_plural_endings
            .iter()
            .any(|e| head.ends_with(e.as_str()))
    };
    if from == r.start && (!head.ends_with('s') || head.ends_with("ss") || !people_plural()) {
        return None;
    }
    let g = &SPEECH.grammar;
    let plain = r.clone().all(|i| {
        let w = ctx.lower(pi, i);
        let kind = ctx.doc.paras[pi].tokens[i].kind;
        (kind == Kind::Word || (kind == Kind::Punct && w == "-"))
            && !ctx.masks[pi][i]
            && !g.np_stops.contains(w)
            && !g.auxiliaries.contains(w)
            && LEX.pronoun(w).is_none()
            && !SPEECH.is_between(w)
            && !SPEECH.is_time_word(w)
            && !(w.len() > 4 && w.ends_with("ed"))
            && SPEECH.verb(w).is_none()
    });
    let noun_like = head.chars().count() > 2
        && head.chars().all(|c| c.is_alphabetic() || c == '-')
        && !ctx.is_cap(pi, r.end - 1)
        && !head.ends_with("ly")
        && !head.ends_with("ing")
        && SPEECH.verb(head).is_none()
        && !SPEECH.is_time_word(head);
    // markup and addresses glue words to "=", "." or "/" ("author=", "pic.twitter.com")
    let toks = &ctx.doc.paras[pi].tokens;
    let glued = (r.start.saturating_sub(1)..(r.end + 1).min(toks.len())).any(|i| {
        toks[i].kind == Kind::Punct
            && !matches!(ctx.text(pi, i), "-" | "," | "\"" | "\u{201c}" | "\u{201d}")
            && (!toks[i].space_before || toks.get(i + 1).is_some_and(|n| !n.space_before))
    });
    if !plain || !noun_like || glued {
        return None;
    }
    // the phrase as printed, with a quantifier that tells how many spoke ("Some
    // observers", "One voter") but without an article
    let lead = (from..r.start)
        .find(|&i| !matches!(ctx.lower(pi, i), "the" | "a" | "an"))
        .unwrap_or(r.start);
    let phrase = ctx.slice(pi, lead..r.end).to_owned();
    let kind = if SPEECH.is_statement_noun(head) {
        PersonKind::Organisation
    } else if head.ends_with('s') && !head.ends_with("ss") {
        PersonKind::Group
    } else {
        PersonKind::Person
    };
    let side = side_in(ctx, pi, r);
    Some(ctx.reg.group(&phrase, kind, sentence, side))
}

fn ends_with_group(ws: &[String]) -> bool {
    ws.len() >= 2 && LEX.is_group_noun(&format!("{} {}", ws[ws.len() - 2], ws[ws.len() - 1]))
}

/// The side shown in a phrase: a demonym or a named place ("the Ukrainian military").
fn side_in(ctx: &Ctx<'_, '_>, pi: usize, r: Range<usize>) -> Option<String> {
    for i in r.clone() {
        let w = ctx.text(pi, i);
        if is_demonym(w)
            && let Some(c) = country_for(w)
        {
            return Some(c.to_owned());
        }
    }
    ctx.para_mentions(pi)
        .map(|(_, m)| m)
        .filter(|m| m.start >= r.start && m.end <= r.end)
        .find_map(|m| country_for(&m.name).map(str::to_owned))
}

/// The most recent actor described by these words: every word stands in its role, name or
/// affiliation ("the spokesman" → the spokesman named before; "the foreign ministry" is not
/// the defence ministry).
fn by_role(ctx: &Ctx<'_, '_>, words: &[String], here: usize) -> Option<usize> {
    let mut best: Option<(usize, (bool, usize))> = None;
    let head = words.last().map(String::as_str).unwrap_or("");
    for (i, e) in ctx.reg.entities.iter().enumerate() {
        // the head noun must be the head of the actor's role or name ("military" is not a
        // "military analyst"): checked first, as it rules out nearly every actor cheaply
        let heads_match = e.role.iter().chain(std::iter::once(&e.name)).any(|s| {
            s.split_whitespace()
                .last()
                .is_some_and(|l| l.to_lowercase() == head)
        });
        if !heads_match {
            continue;
        }
        let own: Vec<String> = e
            .role
            .iter()
            .chain(std::iter::once(&e.name))
            .chain(e.affiliation.iter())
            .flat_map(|s| {
                s.split_whitespace()
                    .map(str::to_lowercase)
                    .collect::<Vec<_>>()
            })
            .collect();
        // demonyms and possessives need not be repeated: "the German foreign ministry
        // spokesman" is the foreign ministry spokesman named before
        let hit = !words.is_empty()
            && words.iter().all(|w| {
                own.contains(w)
                    || is_demonym(&capitalise(w))
                    || w == "'s"
                    || w == "\u{2019}s"
                    || LEX.is_role_modifier(w)
            })
            && words.iter().any(|w| own.contains(w));
        // the actor seen most recently before here; one named only later in the article
        // ("the men's solicitor says … The men's solicitor, Jane Roe, …") only when no
        // actor seen before fits
        if !hit {
            continue;
        }
        let rank = match seen_before(ctx, i, here) {
            Some(s) => (true, s),
            None => (false, e.last_sentence),
        };
        if best.is_none_or(|(_, b)| rank >= b) {
            best = Some((i, rank));
        }
    }
    best.map(|(i, _)| i)
}

/// The last sentence up to `here` in which entity `e` was named or spoke.
fn seen_before(ctx: &Ctx<'_, '_>, e: usize, here: usize) -> Option<usize> {
    let named = ctx
        .mentions
        .iter()
        .zip(&ctx.reg.of_mention)
        .filter(|(m, of)| **of == Some(e) && m.sentence <= here)
        .map(|(m, _)| m.sentence)
        .max();
    let spoke = ctx
        .speakers
        .iter()
        .filter(|&&(x, _, s)| x == e && s <= here)
        .map(|&(_, _, s)| s)
        .max();
    let first = Some(ctx.reg.entities[e].first_sentence).filter(|&s| s <= here);
    named.max(spoke).max(first)
}

fn capitalise(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The organisation in view before `tok`: the last organisation that spoke or was named as a
/// subject in the previous two sentences.
fn recent_organisation(ctx: &Ctx<'_, '_>, pi: usize, tok: usize) -> Option<usize> {
    let here = ctx.sentence(pi, tok);
    let org = |e: &Entity| e.kind != PersonKind::Person;
    if let Some(&(e, _, s)) = ctx.speakers.last()
        && s + 2 >= here
        && org(&ctx.reg.entities[e])
    {
        return Some(e);
    }
    ctx.mentions_through(pi)
        .rev()
        .filter(|(_, m)| {
            m.sentence + 2 >= here && (m.para < pi || (m.para == pi && m.end <= tok)) && !m.in_quote
        })
        .find_map(|(i, m)| {
            if m.kind == MentionKind::Organisation {
                ctx.reg.of_mention[i]
            } else {
                None
            }
        })
}

/// Whoever was named last before token `tok` (a person or organisation).
fn recent_actor(ctx: &Ctx<'_, '_>, pi: usize, tok: usize) -> Option<usize> {
    ctx.mentions_through(pi)
        .rev()
        .filter(|(_, m)| (m.para < pi || (m.para == pi && m.end <= tok)) && !m.in_quote)
        .find_map(|(i, m)| {
            if m.kind == MentionKind::Place {
                None
            } else {
                ctx.reg.of_mention[i]
            }
        })
}

/// The person in focus just before token `tok`.
fn focus_before(ctx: &Ctx<'_, '_>, pi: usize, tok: usize) -> Option<usize> {
    let here = ctx.sentence(pi, tok);
    // a person named as the subject earlier in this sentence
    if let Some(e) = sentence_subject(ctx.doc, ctx.mentions, ctx.reg, ctx.index, here)
        .filter(|&(_, end)| end <= tok)
    {
        return Some(e.0);
    }
    here.checked_sub(1).and_then(|s| ctx.focus[s])
}

/// Resolve he / she / they / it to an actor.
pub fn resolve_pronoun(ctx: &mut Ctx<'_, '_>, g: Gender, pi: usize, tok: usize) -> Option<usize> {
    let compatible = |e: &Entity| match g {
        Gender::Male | Gender::Female => {
            e.kind == PersonKind::Person && e.evidence && e.gender.is_none_or(|x| x == g)
        }
        Gender::Plural => true,
        Gender::Neuter => e.kind != PersonKind::Person,
        Gender::Speaker => false,
    };
    // "A spokeswoman for X said … "…," she said": the organisation spoke through someone
    // the pronoun's gender fits
    if matches!(g, Gender::Male | Gender::Female)
        && let Some(&(e, p, s)) = ctx.speakers.last()
        && p == pi
        && ctx.reg.entities[e].kind != PersonKind::Person
        && let Some((sp, r)) = ctx.doc.sentences.get(s)
    {
        let through = r
            .clone()
            .any(|k| LEX.role_gender(ctx.lower(*sp, k)) == Some(g));
        if through {
            return Some(e);
        }
    }
    let last = ctx
        .speakers
        .iter()
        .rev()
        .find(|(e, p, _)| *p + 3 >= pi && compatible(&ctx.reg.entities[*e]))
        .map(|(e, _, _)| *e);
    let found = match g {
        Gender::Male | Gender::Female => {
            let focus = focus_before(ctx, pi, tok).filter(|&e| compatible(&ctx.reg.entities[e]));
            // no one in focus has spoken: the person of that gender named last (a name is
            // the most salient antecedent a pronoun can have)
            focus.or(last).or_else(|| {
                recent_where(ctx, pi, tok, |m, e| {
                    m.kind != MentionKind::Place
                        && e.kind == PersonKind::Person
                        && e.gender.is_none_or(|x| x == g)
                        && !m.possessive
                        && (e.evidence
                            || e.name.split_whitespace().count() > 1
                                && e.name
                                    .split_whitespace()
                                    .next()
                                    .is_some_and(|f| LEX.given_name(f).is_some()))
                })
            })
        }
        Gender::Plural => {
            last.or_else(|| recent_where(ctx, pi, tok, |m, _| m.kind != MentionKind::Place))
        }
        Gender::Neuter => last.or_else(|| {
            recent_where(ctx, pi, tok, |m, e| {
                m.kind != MentionKind::Place && e.kind != PersonKind::Person
            })
        }),
        Gender::Speaker => None,
    };
    if let Some(e) = found
        && matches!(g, Gender::Male | Gender::Female)
        && ctx.reg.entities[e].gender.is_none()
    {
        ctx.reg.entities[e].gender = Some(g);
    }
    found
}

fn recent_where(
    ctx: &Ctx<'_, '_>,
    pi: usize,
    tok: usize,
    ok: impl Fn(&Mention, &Entity) -> bool,
) -> Option<usize> {
    ctx.mentions_through(pi)
        .rev()
        .filter(|(_, m)| {
            (m.para < pi || (m.para == pi && m.end <= tok)) && !m.in_quote && m.para + 3 >= pi
        })
        .find_map(|(i, m)| {
            let e = ctx.reg.of_mention[i]?;
            ok(m, &ctx.reg.entities[e]).then_some(e)
        })
}

/// The person named as the subject of sentence `s`, with the token where that name ends: the
/// first person named, when only an introductory phrase, determiners, titles or descriptions
/// stand before it.
fn sentence_subject(
    doc: &Doc<'_>,
    mentions: &[Mention],
    reg: &Registry,
    index: &Index,
    s: usize,
) -> Option<(usize, usize)> {
    let (pi, r) = doc.sentences.get(s)?;
    let p = &doc.paras[*pi];
    // after an introductory phrase: "During a town hall on Channel 4, Jane Roe asked …"
    let from = subject_start(doc, s).map_or(r.start, |(_, k)| k);
    let mi = index.mentions_in(*pi).find(|&i| {
        mentions[i].sentence == s && !mentions[i].in_quote && mentions[i].outer_start >= from
    })?;
    let m = &mentions[mi];
    let e = reg.of_mention[mi]?;
    if reg.entities[e].kind != PersonKind::Person || !reg.entities[e].evidence || m.possessive {
        return None;
    }
    // what stands before the name: an introductory phrase up to a comma, or words that
    // describe the name ("Ukraine's top commander"), not a verb
    let before = r.start..m.outer_start.max(r.start);
    let comma = before
        .clone()
        .rev()
        .find(|&k| p.tokens[k].text(p.text) == ",");
    let rest = comma.map_or(before.start, |c| c + 1)..before.end;
    let descriptive = rest.clone().all(|k| {
        let t = &p.tokens[k];
        let w = t.text(p.text).to_lowercase();
        t.kind == Kind::Punct
            || SPEECH.grammar.determiners.contains(&w)
            || t.text(p.text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
            || LEX.is_role_head(&w)
            || w == "'s"
            || w == "\u{2019}s"
    });
    (descriptive && rest.len() <= 8).then_some((e, m.end))
}

/// An adverb opening an introductory phrase ("Separately, …", "Only last week, …"), not a
/// name that ends the same way ("Weekly Standard").
fn adverb_opener(p: &super::Para<'_>, k: usize) -> bool {
    let Some(t) = p.tokens.get(k) else {
        return false;
    };
    t.text(p.text).to_lowercase().ends_with("ly")
        && !p
            .tokens
            .get(k + 1)
            .is_some_and(|n| super::names::is_cap_word(n, p.text))
}

/// The first word of sentence `s` after an introductory phrase.
fn subject_start(doc: &Doc<'_>, s: usize) -> Option<(usize, usize)> {
    let (pi, r) = doc.sentences.get(s)?;
    let p = &doc.paras[*pi];
    let mut k = r.start;
    while k < r.end && p.tokens[k].kind == Kind::Punct {
        k += 1;
    }
    // "In 2015, he …": skip a short introductory phrase
    if let Some(c) = (k..r.end.min(k + 7)).find(|&j| p.tokens[j].text(p.text) == ",") {
        let first = p.tokens[k].text(p.text).to_lowercase();
        if is_preposition(&first) || SPEECH.is_time_word(&first) || adverb_opener(p, k) {
            k = c + 1;
        }
    }
    (k < r.end).then_some((*pi, k))
}

fn opens_with_pronoun(doc: &Doc<'_>, s: usize) -> bool {
    subject_start(doc, s).is_some_and(|(pi, k)| {
        let p = &doc.paras[pi];
        matches!(
            p.tokens[k].text(p.text).to_lowercase().as_str(),
            "he" | "she"
        )
    })
}

/// "The president said …": a role noun as subject, standing for the person who holds it.
fn described_subject(doc: &Doc<'_>, reg: &Registry, s: usize) -> Option<usize> {
    let (pi, k) = subject_start(doc, s)?;
    let p = &doc.paras[pi];
    let w = |i: usize| p.tokens.get(i).map(|t| t.text(p.text).to_lowercase());
    if w(k)? != "the" {
        return None;
    }
    let noun = w(k + 1)?;
    if !LEX.is_role_head(&noun) {
        return None;
    }
    reg.entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == PersonKind::Person && e.first_sentence <= s)
        .filter(|(_, e)| {
            e.role
                .as_deref()
                .is_some_and(|r| r.split_whitespace().last() == Some(noun.as_str()))
        })
        .max_by_key(|(_, e)| e.first_sentence)
        .map(|(i, _)| i)
}

/// For each sentence, the person in focus at its end: the person named as its subject, or
/// the focus carried from the sentence before (for up to three sentences).
fn focus_chain(
    doc: &Doc<'_>,
    mentions: &[Mention],
    reg: &Registry,
    index: &Index,
) -> Vec<Option<usize>> {
    let mut out = Vec::with_capacity(doc.sentences.len());
    let mut current: Option<(usize, usize)> = None;
    for s in 0..doc.sentences.len() {
        if let Some((e, _)) = sentence_subject(doc, mentions, reg, index, s) {
            current = Some((e, s));
        } else if let Some(e) = described_subject(doc, reg, s) {
            current = Some((e, s));
        } else if let Some((e, _)) = current {
            // "He won …": a pronoun subject keeps the focus alive
            if opens_with_pronoun(doc, s) {
                current = Some((e, s));
            }
        }
        out.push(current.filter(|&(_, since)| s - since <= 3).map(|(e, _)| e));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::analyse::quotes::quotes_of;
    use crate::model::QuoteKind;

    /// (kind, text, speaker) of every quote of the paragraphs.
    fn quotes(paras: &[&str]) -> Vec<(QuoteKind, String, Option<String>)> {
        quotes_of(paras)
            .into_iter()
            .map(|q| (q.kind, q.text, q.speaker))
            .collect()
    }

    fn speaker_of(qs: &[(QuoteKind, String, Option<String>)], text: &str) -> Option<String> {
        qs.iter()
            .find(|(_, t, _)| t.starts_with(text))
            .unwrap_or_else(|| panic!("no quote {text:?} in {qs:?}"))
            .2
            .clone()
    }

    #[test]
    fn an_article_opens_the_subject_phrase() {
        let qs = quotes(&[
            "Senator Orla Fenwick asked the agency to act against the smuggling -- \
             smuggling the Vermont senator said is organised from abroad.",
        ]);
        assert_eq!(
            speaker_of(&qs, "is organised").as_deref(),
            Some("Orla Fenwick")
        );
    }

    #[test]
    fn a_quote_after_a_report_in_its_paragraph_goes_on_with_it() {
        let qs = quotes(&[
            "Gita Ramsden warned the board on Monday.",
            "The council may wait until the audit ends, Ramsden said. \"The other risk is that \
             nobody will trust the accounts at all.\"",
        ]);
        assert_eq!(
            speaker_of(&qs, "The other risk").as_deref(),
            Some("Gita Ramsden")
        );
    }

    #[test]
    fn a_statement_is_said_by_the_author_named_in_its_aside() {
        let qs = quotes(&[
            "The Port Authority wrote to the shipping firms last week.",
            "The Harbour Trust is using a rarely used Statutory Reserve Power. The notice, from \
             the Transport Ministry, says: \"We have decided to close the berth to all \
             foreign vessels.\"",
        ]);
        assert_eq!(
            speaker_of(&qs, "We have decided").as_deref(),
            Some("Transport Ministry")
        );
    }

    #[test]
    fn the_subject_after_an_introductory_phrase_is_in_focus() {
        let qs = quotes(&[
            "During a Northfield Radio phone-in, Ingrid Oakes had a question for the mayor.",
            "\"My shop has been flooded three times this year,\" she said.",
        ]);
        assert_eq!(speaker_of(&qs, "My shop").as_deref(), Some("Ingrid Oakes"));
    }

    #[test]
    fn a_name_ending_like_an_adverb_is_not_an_introduction() {
        let qs = quotes(&[
            "Monthly Review Editor Carl Brenner, who led the critics, said on Sunday that the \
             chairman must go -- though he said Alan Pike tried to convince him otherwise.",
        ]);
        assert_eq!(
            speaker_of(&qs, "Alan Pike tried").as_deref(),
            Some("Carl Brenner")
        );
    }

    #[test]
    fn a_plural_description_stands_for_the_people_named_with_that_title() {
        let qs = quotes(&[
            "Critics, like Senators Jane Okafor and Tom Brandt, want a vote.",
            "Ms Okafor and Mr Brandt said builders had gamed the rules, in what the senators \
             said was a scandal.",
        ]);
        assert_eq!(
            speaker_of(&qs, "was a scandal").as_deref(),
            Some("Jane Okafor")
        );
    }

    #[test]
    fn an_apposition_left_open_before_the_verb_describes_the_subject() {
        let qs = quotes(&[
            "The mission will be launched in June.",
            "Nora Lindqvist, space analyst and author of Rockets: The Long March said that \
             the launch is hard.",
            "Piet Dekker, a lawyer for the Harbour Trust said the deal was void.",
        ]);
        assert_eq!(
            speaker_of(&qs, "the launch is hard").as_deref(),
            Some("Nora Lindqvist")
        );
        assert_eq!(
            speaker_of(&qs, "the deal was void").as_deref(),
            Some("Piet Dekker")
        );
    }

    #[test]
    fn a_named_interruption_after_its_role_is_the_subject() {
        let qs = quotes(&[
            "Another harbour official, deputy port director Lars Emmerich, said two ships \
             had been held.",
        ]);
        assert_eq!(
            speaker_of(&qs, "two ships").as_deref(),
            Some("Lars Emmerich")
        );
    }

    #[test]
    fn a_role_noun_is_the_holder_seen_before_not_one_named_later() {
        let qs = quotes(&[
            "A transport ministry spokesman in Lisbon said the bridge was closed.",
            "It was not yet known how many cars were trapped, the spokesman said.",
            "Later, Ilya Varga, a rebel spokesman, said the group had planted the bomb.",
        ]);
        assert_eq!(
            speaker_of(&qs, "It was not yet known how many cars").as_deref(),
            Some("transport ministry spokesman")
        );
    }

    #[test]
    fn a_report_is_by_the_organisation_named_before_it_not_its_place() {
        let qs = quotes(&[
            "The Dunmore fire department incident report stated that the bear was \
             'tearing at the fence,' according to a local station.",
        ]);
        assert_eq!(
            speaker_of(&qs, "the bear was").as_deref(),
            Some("Dunmore fire department")
        );
    }

    #[test]
    fn a_quote_set_off_by_a_dash_is_the_name_before_it() {
        let qs = quotes(&[
            "Several former ministers have said the same thing, including the former \
             candidate Sara Lindgren -- \"It is wrong to hide the accounts from the voters\" \
             -- and Piet Dekker.",
        ]);
        assert_eq!(
            speaker_of(&qs, "It is wrong").as_deref(),
            Some("Sara Lindgren")
        );
    }

    #[test]
    fn a_name_after_a_conjunction_is_the_subject_of_its_clause() {
        let qs = quotes(&[
            "Members of the Harbour Board met on Friday, shortly after Dario Pellworm said he \
             would sell the ferry line.",
            "The coach resigned one day after Ilse Marten said she was leaving the club.",
        ]);
        assert_eq!(
            speaker_of(&qs, "he would sell").as_deref(),
            Some("Dario Pellworm")
        );
        assert_eq!(
            speaker_of(&qs, "she was leaving").as_deref(),
            Some("Ilse Marten")
        );
    }
}

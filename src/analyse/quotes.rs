//! Quotes: direct speech in quotation marks and reported speech, each with its speaker.
//!
//! Direct quotes are found from the quotation marks (double, curly or straight; single in the
//! house styles that use them; across paragraphs when the closing mark is left out by the
//! newsroom convention) and attributed by the speech cue next to them: after the quote
//! (`"…," X said`, `"…," said X`), before it (`X said: "…"`, `X called it "…"`), or inherited
//! from the quote it continues. Reported speech is found from the speech verbs outside quotes.
//! Speakers are resolved through the people registry: names, pronouns, role nouns, groups.

use std::ops::Range;

use super::Doc;
use super::cues::{Form, SPEECH};
use super::names::{Gender, LEX, Mention, MentionKind, is_demonym};
use super::people::Registry;
use super::tokens::{Kind, Token};
use crate::gazetteer_bridge::country_for;
use crate::model::{PersonKind, Quote, QuoteKind};

/// A span of quoted text inside one paragraph.
#[derive(Debug, Clone, PartialEq)]
struct Span {
    para: usize,
    /// Token of the opening mark (None: the paragraph continues a quote without a mark).
    open: Option<usize>,
    /// Token of the closing mark (None: runs to the end of the paragraph).
    close: Option<usize>,
    /// Byte range of the words inside the marks.
    start: usize,
    end: usize,
    single: bool,
    /// Continues a quote left open in the previous paragraph.
    continues: bool,
    /// Left open at the end of the paragraph and continued in the next one.
    continued: bool,
}

impl Span {
    /// Token index where the span's words begin.
    fn first_token(&self) -> usize {
        self.open.map_or(0, |o| o + 1)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    Either,
}

fn double_mark(s: &str) -> Option<Mark> {
    match s {
        "\u{201c}" | "\u{201e}" | "\u{ab}" => Some(Mark::Open),
        "\u{201d}" | "\u{bb}" => Some(Mark::Close),
        "\"" => Some(Mark::Either),
        _ => None,
    }
}

fn single_mark(s: &str) -> Option<Mark> {
    match s {
        "\u{2018}" => Some(Mark::Open),
        "\u{2019}" | "'" => Some(Mark::Either),
        _ => None,
    }
}

/// Find the quoted spans of every paragraph.
fn find_spans(doc: &Doc<'_>) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for (pi, p) in doc.paras.iter().enumerate() {
        let (text, toks) = (p.text, &p.tokens);
        let mut open_double: Option<usize> = None;
        let mut open_single: Option<usize> = None;
        let first_span = out.len();
        for (i, t) in toks.iter().enumerate() {
            if t.kind != Kind::Punct {
                continue;
            }
            let s = t.text(text);
            if let Some(mark) = double_mark(s) {
                let glued_before = !t.space_before && i > 0;
                let glued_after = toks.get(i + 1).is_some_and(|n| !n.space_before);
                let opening = match mark {
                    Mark::Open => true,
                    Mark::Close => false,
                    Mark::Either => {
                        open_double.is_none() && !(glued_before && !glued_after && i > 0)
                    }
                };
                if opening {
                    open_double = Some(i);
                    open_single = None;
                } else if let Some(o) = open_double.take() {
                    out.push(span(pi, Some(o), Some(i), toks, false));
                }
                continue;
            }
            if open_double.is_some() {
                continue; // nested single quotes belong to the outer quote
            }
            if let Some(mark) = single_mark(s) {
                let prev_ok = i == 0
                    || t.space_before
                    || matches!(
                        toks[i - 1].text(text),
                        "(" | "[" | "-" | "\u{2014}" | "\u{2013}" | ":"
                    );
                let next_word = toks
                    .get(i + 1)
                    .is_some_and(|n| !n.space_before && n.kind != Kind::Punct);
                let can_open = mark != Mark::Close && prev_ok && next_word;
                let can_close = mark != Mark::Open
                    && i > 0
                    && !t.space_before
                    && toks
                        .get(i + 1)
                        .is_none_or(|n| n.space_before || n.kind == Kind::Punct);
                if open_single.is_some() && can_close {
                    if let Some(o) = open_single.take() {
                        out.push(span(pi, Some(o), Some(i), toks, true));
                    }
                } else if can_open {
                    open_single = Some(i);
                }
            }
        }
        if let Some(o) = open_double {
            let mut sp = span(pi, Some(o), None, toks, false);
            sp.end = text.len();
            out.push(sp);
        }
        // a paragraph that opens with a mark continues the previous paragraph's open quote
        let starts_with_mark = out
            .get(first_span)
            .is_some_and(|s| s.open == Some(0) && !s.single);
        if first_span > 0 && starts_with_mark {
            let prev = &out[first_span - 1];
            if prev.para + 1 == pi && prev.close.is_none() && !prev.single {
                out[first_span - 1].continued = true;
                out[first_span].continues = true;
            }
        }
    }
    out
}

fn span(
    pi: usize,
    open: Option<usize>,
    close: Option<usize>,
    toks: &[Token],
    single: bool,
) -> Span {
    let start = open.map_or(0, |o| toks[o].end as usize);
    let end = close.map_or_else(
        || toks.last().map_or(0, |t| t.end as usize),
        |c| toks[c].start as usize,
    );
    Span {
        para: pi,
        open,
        close,
        start,
        end: end.max(start),
        single,
        continues: false,
        continued: false,
    }
}

/// Per paragraph, which tokens stand inside a quote span.
fn quote_masks(doc: &Doc<'_>, spans: &[Span]) -> Vec<Vec<bool>> {
    let mut masks: Vec<Vec<bool>> = doc
        .paras
        .iter()
        .map(|p| vec![false; p.tokens.len()])
        .collect();
    for s in spans {
        let toks = &doc.paras[s.para].tokens;
        let a = s.open.unwrap_or(0);
        let b = s.close.unwrap_or(toks.len().saturating_sub(1));
        for m in &mut masks[s.para][a..=b.min(toks.len().saturating_sub(1))] {
            *m = true;
        }
    }
    masks
}

/// State carried through the article while attributing: who spoke last.
#[derive(Default)]
struct Recent {
    /// (entity, paragraph, sentence) of each attribution, in order.
    speakers: Vec<(usize, usize, usize)>,
}

/// Everything the attribution steps need.
struct Ctx<'d, 'a> {
    doc: &'d Doc<'a>,
    mentions: &'d [Mention],
    reg: &'d mut Registry,
    masks: Vec<Vec<bool>>,
    recent: Recent,
}

/// A speech cue found next to a quote or clause.
#[derive(Debug, Clone)]
struct Cue {
    verb: usize,
    text: String,
    speaker: Option<usize>,
}

/// Extract direct and indirect quotes; the registry learns who speaks.
pub fn extract(doc: &Doc<'_>, mentions: &[Mention], reg: &mut Registry) -> Vec<Quote> {
    let spans = find_spans(doc);
    let masks = quote_masks(doc, &spans);
    let mut ctx = Ctx {
        doc,
        mentions,
        reg,
        masks,
        recent: Recent::default(),
    };
    let mut out: Vec<(usize, usize, Quote)> = Vec::new();
    // direct quotes, paragraph by paragraph, then reported speech of the same paragraph:
    // pronouns resolve against what came before, in text order
    let mut chain_speaker: Option<(usize, Option<usize>, Option<String>)> = None;
    let mut colon_intro: Option<(usize, Option<usize>)> = None;
    for pi in 0..doc.paras.len() {
        let para_spans: Vec<&Span> = spans.iter().filter(|s| s.para == pi).collect();
        let mut events: Vec<(usize, Quote, Option<usize>)> = Vec::new();
        let mut prev_in_para: Option<(Option<usize>, Option<String>)> = None;
        let mut used_verbs: Vec<usize> = Vec::new();
        for sp in &para_spans {
            let text = doc.paras[pi].text[sp.start..sp.end].trim();
            let text = text.trim_end_matches([',', ' ']).trim();
            if text.is_empty() {
                continue;
            }
            let words = text.split_whitespace().count();
            let cue = attribute(&mut ctx, sp);
            if let Some(c) = &cue {
                used_verbs.push(c.verb);
            }
            let (mut speaker, mut cue_text) = match &cue {
                Some(c) => (c.speaker, Some(c.text.clone())),
                None => (None, None),
            };
            let attributed = cue.as_ref().is_some_and(|c| c.speaker.is_some());
            if !attributed {
                if let Some((sp_prev, c_prev)) = &prev_in_para {
                    // "A," she said. "B." — the second part has the first part's speaker
                    speaker = *sp_prev;
                    cue_text = c_prev.clone();
                } else if sp.continues {
                    if let Some((p, s, c)) = &chain_speaker
                        && *p + 1 == pi
                    {
                        speaker = *s;
                        cue_text = c.clone();
                    }
                } else if let Some((p, s)) = colon_intro
                    && p + 1 == pi
                {
                    speaker = s;
                    cue_text = Some("said".to_owned());
                }
            }
            // a chain's first paragraph may carry no cue while a later one does
            let sentence = sentence_of(doc, pi, sp.first_token());
            let whole_para = sp.open.is_none_or(|o| o == 0)
                && (sp.close.is_none()
                    || sp.close == Some(doc.paras[pi].tokens.len() - 1)
                    || trailing_only_punct(doc, pi, sp));
            if speaker.is_none() && cue.is_none() && whole_para && words >= 4 {
                // a paragraph of quote right after someone spoke
                if let Some(&(e, p, _)) = ctx.recent.speakers.last()
                    && p + 1 >= pi
                {
                    speaker = Some(e);
                    cue_text = Some("said".to_owned());
                }
            }
            let keep = speaker.is_some() || (words >= 6 && !looks_like_title(text));
            if !keep {
                continue;
            }
            if let Some(e) = speaker {
                ctx.recent.speakers.push((e, pi, sentence));
            }
            prev_in_para = Some((speaker, cue_text.clone()));
            if sp.continued {
                chain_speaker = Some((pi, speaker, cue_text.clone()));
            }
            events.push((
                sp.first_token(),
                Quote {
                    speaker: None,
                    text: text.to_owned(),
                    kind: QuoteKind::Direct,
                    cue: cue_text,
                    sentence,
                },
                speaker,
            ));
        }
        // reported speech
        for (tok, q, speaker) in indirect(&mut ctx, pi, &used_verbs) {
            events.push((tok, q, speaker));
        }
        // a paragraph that ends with a colon introduces the quote of the next one
        colon_intro = doc.paras[pi]
            .text
            .trim_end()
            .ends_with(':')
            .then(|| (pi, colon_speaker(&mut ctx, pi)));
        events.sort_by_key(|e| e.0);
        for (tok, mut q, speaker) in events {
            if let Some(e) = speaker {
                ctx.reg.entities[e].quotes += 1;
                q.speaker = Some(ctx.reg.entities[e].name.clone());
            }
            out.push((pi, tok, q));
        }
    }
    // a speaker's canonical name may have grown after the quote was attributed
    out.into_iter().map(|(_, _, q)| q).collect()
}

fn trailing_only_punct(doc: &Doc<'_>, pi: usize, sp: &Span) -> bool {
    let toks = &doc.paras[pi].tokens;
    sp.close
        .is_some_and(|c| toks[c + 1..].iter().all(|t| t.kind == Kind::Punct))
}

/// Quoted titles of shows and works ("Fox News Sunday"), not speech.
fn looks_like_title(text: &str) -> bool {
    let ws: Vec<&str> = text.split_whitespace().collect();
    ws.len() <= 6
        && ws
            .iter()
            .filter(|w| w.len() > 3)
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

fn sentence_of(doc: &Doc<'_>, pi: usize, tok: usize) -> usize {
    doc.sentences
        .iter()
        .position(|(p, r)| *p == pi && r.contains(&tok))
        .or_else(|| {
            doc.sentences
                .iter()
                .rposition(|(p, r)| *p == pi && r.start <= tok)
        })
        .or_else(|| doc.sentences.iter().position(|(p, _)| *p >= pi))
        .unwrap_or(0)
}

fn sentence_range(doc: &Doc<'_>, pi: usize, tok: usize) -> Range<usize> {
    let s = sentence_of(doc, pi, tok);
    doc.sentences.get(s).map_or(0..0, |(_, r)| r.clone())
}

fn lower(doc: &Doc<'_>, pi: usize, i: usize) -> String {
    doc.paras[pi].tokens[i]
        .text(doc.paras[pi].text)
        .to_lowercase()
}

/// Length of a time phrase ("on Tuesday", "last week") starting at token `k`.
fn time_phrase(doc: &Doc<'_>, pi: usize, k: usize, end: usize) -> usize {
    let ws: Vec<String> = (k..end.min(k + 6)).map(|i| lower(doc, pi, i)).collect();
    SPEECH.time_phrase_len(&ws, 0)
}

fn tok_text<'a>(doc: &'a Doc<'_>, pi: usize, i: usize) -> &'a str {
    doc.paras[pi].tokens[i].text(doc.paras[pi].text)
}

/// Is token `i` a speech verb used as one (not "the said", not a base form after "to")?
fn speech_verb(doc: &Doc<'_>, pi: usize, i: usize) -> bool {
    let toks = &doc.paras[pi].tokens;
    if toks[i].kind != Kind::Word {
        return false;
    }
    let w = lower(doc, pi, i);
    let Some(v) = SPEECH.verb(&w) else {
        return false;
    };
    if i > 0 {
        let prev = lower(doc, pi, i - 1);
        if matches!(prev.as_str(), "the" | "a" | "an" | "to") && v.form == Form::Base {
            return false;
        }
        if matches!(prev.as_str(), "the" | "a" | "an" | "so") {
            return false;
        }
    }
    true
}

/// Find the cue of a direct quote span and resolve its speaker.
fn attribute(ctx: &mut Ctx<'_, '_>, sp: &Span) -> Option<Cue> {
    let doc = ctx.doc;
    let pi = sp.para;
    let toks = &doc.paras[pi].tokens;
    let first = sp.first_token();
    let srange = sentence_range(doc, pi, first.min(toks.len().saturating_sub(1)));
    let open = sp.open.unwrap_or(0);
    let starts_sentence = toks[srange.start..open]
        .iter()
        .all(|t| t.kind == Kind::Punct);
    let before = if starts_sentence {
        None
    } else {
        cue_before(ctx, pi, srange.start, open)
    };
    if let Some(c) = &before
        && c.speaker.is_some()
    {
        return before;
    }
    let after = sp.close.and_then(|c| cue_after(ctx, pi, c + 1));
    after.or(before)
}

/// A cue after a closing mark: `," X said`, `," said X`, `," according to X`.
fn cue_after(ctx: &mut Ctx<'_, '_>, pi: usize, from: usize) -> Option<Cue> {
    let doc = ctx.doc;
    let toks = &doc.paras[pi].tokens;
    let srange = sentence_range(doc, pi, from.min(toks.len().saturating_sub(1)));
    let end = srange.end.max(from);
    let mut i = from;
    while i < end
        && matches!(
            tok_text(doc, pi, i),
            "," | ")" | "]" | "'" | "\u{2019}" | "-" | "\u{2014}"
        )
    {
        i += 1;
    }
    // look a little way ahead for the verb; stop at another quote
    let limit = (i + 14).min(end);
    let mut k = i;
    while k < limit {
        let w = tok_text(doc, pi, k);
        if double_mark(w).is_some() {
            break;
        }
        if lower(doc, pi, k) == "according" && k + 1 < end && lower(doc, pi, k + 1) == "to" {
            let np = np_after(doc, pi, k + 2, end);
            let speaker = np.and_then(|r| resolve(ctx, pi, r));
            return Some(Cue {
                verb: k,
                text: "according to".to_owned(),
                speaker,
            });
        }
        if speech_verb(doc, pi, k) {
            let text = cue_text(doc, pi, k, end);
            // subject between the quote and the verb, or after the verb
            let speaker = if k > i {
                resolve(ctx, pi, i..k)
                    .or_else(|| np_after(doc, pi, k + 1, end).and_then(|r| resolve(ctx, pi, r)))
            } else {
                np_after(doc, pi, k + 1, end).and_then(|r| resolve(ctx, pi, r))
            };
            return Some(Cue {
                verb: k,
                text,
                speaker,
            });
        }
        k += 1;
    }
    None
}

/// A cue before an opening mark: `X said: "`, `X called it "`, `he said he was "…"`.
fn cue_before(ctx: &mut Ctx<'_, '_>, pi: usize, start: usize, open: usize) -> Option<Cue> {
    let doc = ctx.doc;
    let mask = ctx.masks[pi].clone();
    let v = (start..open)
        .rev()
        .find(|&k| !mask[k] && speech_verb(doc, pi, k))?;
    let text = cue_text(doc, pi, v, open);
    let speaker = subject_of(ctx, pi, start, v).or_else(|| {
        // inversion before the quote: `said X: "`
        np_after(doc, pi, v + 1, open).and_then(|r| resolve(ctx, pi, r))
    });
    Some(Cue {
        verb: v,
        text,
        speaker,
    })
}

/// The cue's words: the verb, and its addressee for "told" ("told Reuters").
fn cue_text(doc: &Doc<'_>, pi: usize, v: usize, end: usize) -> String {
    let w = tok_text(doc, pi, v).to_owned();
    let toks = &doc.paras[pi].tokens;
    let addressee = SPEECH.verb(&w.to_lowercase()).is_some_and(|x| x.addressee);
    if addressee && v + 1 < end && toks[v + 1].kind == Kind::Word {
        let n = tok_text(doc, pi, v + 1);
        if n.chars().next().is_some_and(char::is_uppercase) || SPEECH.grammar.channels.contains(n) {
            return format!("{w} {n}");
        }
    }
    w
}

/// The subject of the speech verb at `v`, looking back to `start`.
fn subject_of(ctx: &mut Ctx<'_, '_>, pi: usize, start: usize, v: usize) -> Option<usize> {
    let doc = ctx.doc;
    let toks = &doc.paras[pi].tokens;
    // skip auxiliaries, adverbs and time phrases between subject and verb
    let mut k = v;
    'back: while k > start {
        let w = lower(doc, pi, k - 1);
        if SPEECH.is_between(&w) {
            k -= 1;
            continue;
        }
        // a time phrase that ends right here: "X on Tuesday claimed"
        for len in 1..=4 {
            if k >= start + len && time_phrase(doc, pi, k - len, k) == len {
                k -= len;
                continue 'back;
            }
        }
        break;
    }
    if k <= start {
        return None;
    }
    let prev = tok_text(doc, pi, k - 1);
    if prev == "," || prev == ")" {
        // "X, a senior fellow at Y, says" / "X, who …, said": the clause's subject
        return clause_subject(ctx, pi, start, k - 1);
    }
    if toks[k - 1].kind == Kind::Punct {
        return None;
    }
    // relative pronoun: "X, who said", "a report that said"
    let lw = prev.to_lowercase();
    if SPEECH.grammar.relative_pronouns.contains(&lw) {
        return clause_subject(ctx, pi, start, k - 1);
    }
    let np = np_before(doc, pi, start, k);
    resolve(ctx, pi, np)
}

/// The subject at the start of a clause (sentence start to `end`): the first actor named,
/// a person before an organisation; or the noun phrase the clause opens with.
fn clause_subject(ctx: &mut Ctx<'_, '_>, pi: usize, start: usize, end: usize) -> Option<usize> {
    let doc = ctx.doc;
    // the clause starts after the last strong break before `end`
    let mut s = start;
    for k in start..end {
        if matches!(tok_text(doc, pi, k), ";" | ":" | "\u{2014}")
            || double_mark(tok_text(doc, pi, k)).is_some()
        {
            s = k + 1;
        }
    }
    let in_clause: Vec<usize> = ctx
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.para == pi && m.start >= s && m.end <= end && !m.in_quote)
        .map(|(i, _)| i)
        .collect();
    // the first non-possessive actor; a person named by "like"/"including" wins over the
    // group it illustrates
    let first_np_end = np_end_from(doc, pi, s, end);
    if let Some(&mi) = in_clause.iter().find(|&&i| {
        let m = &ctx.mentions[i];
        !m.possessive && m.kind == MentionKind::Person && m.start < first_np_end.max(s + 1) + 12
    }) {
        return ctx.reg.of_mention[mi];
    }
    if let Some(&mi) = in_clause.iter().find(|&&i| !ctx.mentions[i].possessive) {
        let m = &ctx.mentions[mi];
        if m.kind == MentionKind::Place {
            return Some(ctx.reg.place_actor(&m.name.clone(), m.sentence));
        }
        return ctx.reg.of_mention[mi];
    }
    resolve(ctx, pi, s..first_np_end)
}

/// End of the noun phrase starting at `s` (before the first comma or verb-like word).
fn np_end_from(doc: &Doc<'_>, pi: usize, s: usize, end: usize) -> usize {
    let mut k = s;
    while k < end {
        let w = tok_text(doc, pi, k);
        if matches!(w, "," | ";" | ":" | "(")
            || SPEECH.verb(&w.to_lowercase()).is_some()
            || SPEECH.is_between(&w.to_lowercase())
        {
            break;
        }
        k += 1;
    }
    k
}

/// The noun phrase that ends just before `end` (back to `start`).
fn np_before(doc: &Doc<'_>, pi: usize, start: usize, end: usize) -> Range<usize> {
    let toks = &doc.paras[pi].tokens;
    let g = &SPEECH.grammar;
    let mut k = end;
    while k > start && end - k < 9 {
        let t = &toks[k - 1];
        let w = t.text(doc.paras[pi].text);
        let lw = w.to_lowercase();
        let ok = match t.kind {
            Kind::Word => !(g.np_stops.contains(&lw) || SPEECH.verb(&lw).is_some() && k < end),
            Kind::Number => false,
            Kind::Punct => {
                w == "."
                    && !t.space_before
                    && k >= 2
                    && toks[k - 2].text(doc.paras[pi].text).chars().count() <= 3
            }
        };
        if !ok {
            break;
        }
        k -= 1;
    }
    k..end
}

/// The noun phrase that starts at `from` (after an inverted verb: `said X, a …`).
fn np_after(doc: &Doc<'_>, pi: usize, from: usize, end: usize) -> Option<Range<usize>> {
    let toks = &doc.paras[pi].tokens;
    // skip a time phrase: `said on Tuesday Mr X`
    let mut k = from + time_phrase(doc, pi, from, end);
    let s = k;
    while k < end {
        let t = &toks[k];
        let w = t.text(doc.paras[pi].text);
        let stop = match t.kind {
            Kind::Punct => {
                !(w == "."
                    && !t.space_before
                    && k > s
                    && tok_text(doc, pi, k - 1).chars().count() <= 3
                    && k + 1 < end
                    && toks[k + 1].kind == Kind::Word)
            }
            Kind::Number => true,
            Kind::Word => {
                matches!(
                    w.to_lowercase().as_str(),
                    "that"
                        | "who"
                        | "which"
                        | "in"
                        | "on"
                        | "at"
                        | "to"
                        | "during"
                        | "after"
                        | "before"
                        | "when"
                        | "and"
                        | "but"
                ) && k > s
            }
        };
        if stop {
            break;
        }
        k += 1;
    }
    (k > s).then_some(s..k)
}

/// Resolve a noun phrase to an actor: a named mention, a pronoun, a role noun or a group.
fn resolve(ctx: &mut Ctx<'_, '_>, pi: usize, r: Range<usize>) -> Option<usize> {
    let doc = ctx.doc;
    if r.is_empty() {
        return None;
    }
    let toks = &doc.paras[pi].tokens;
    let sentence = sentence_of(doc, pi, r.start);
    // named mentions inside the phrase
    let inside: Vec<usize> = ctx
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.para == pi && m.start >= r.start && m.end <= r.end)
        .map(|(i, _)| i)
        .collect();
    let pick = inside
        .iter()
        .find(|&&i| !ctx.mentions[i].possessive && ctx.mentions[i].kind == MentionKind::Person)
        .or_else(|| {
            inside.iter().find(|&&i| {
                !ctx.mentions[i].possessive && ctx.mentions[i].kind != MentionKind::Place
            })
        })
        .or_else(|| inside.iter().find(|&&i| !ctx.mentions[i].possessive));
    let ws: Vec<String> = (r.clone()).map(|i| lower(doc, pi, i)).collect();
    let head = ws.last().cloned().unwrap_or_default();
    let role_head = LEX.is_role_head(&head) && !LEX.is_org_role(&head);
    if let Some(&mi) = pick {
        let m = &ctx.mentions[mi];
        // "a Nato spokesman": the organisation's spokesman, not the organisation
        let described = role_head && m.end < r.end && ctx.mentions[mi].kind != MentionKind::Person;
        if !described {
            if m.kind == MentionKind::Place {
                let name = m.name.clone();
                return Some(ctx.reg.place_actor(&name, m.sentence));
            }
            return ctx.reg.of_mention[mi];
        }
    }
    // a possessive owner with a statement noun: "a statement from X's office"
    if pick.is_none()
        && let Some(&mi) = inside.first()
    {
        return ctx.reg.of_mention[mi];
    }
    // pronouns
    if ws.len() == 1
        && let Some(g) = LEX.pronoun(&head)
    {
        return resolve_pronoun(ctx, g, pi, r.start);
    }
    // drop determiners and quantifiers
    let mut a = r.start;
    while a < r.end
        && matches!(
            lower(doc, pi, a).as_str(),
            "the"
                | "a"
                | "an"
                | "some"
                | "many"
                | "most"
                | "several"
                | "other"
                | "two"
                | "three"
                | "both"
                | "all"
                | "its"
                | "his"
                | "her"
                | "their"
                | "our"
        )
    {
        a += 1;
    }
    if a >= r.end {
        return None;
    }
    let phrase =
        doc.paras[pi].text[toks[a].start as usize..toks[r.end - 1].end as usize].to_owned();
    // a role noun: the most recent actor with that role ("the spokesman said")
    if role_head || LEX.is_org_role(&head) {
        let content: Vec<String> = (a..r.end).map(|i| lower(doc, pi, i)).collect();
        if let Some(e) = by_role(ctx, &content) {
            return Some(e);
        }
        if LEX.is_org_role(&head) && a + 1 == r.end {
            return None;
        }
        let kind = if LEX.is_org_role(&head) {
            PersonKind::Organisation
        } else {
            PersonKind::Group
        };
        let side = side_in(doc, pi, a..r.end, ctx);
        return Some(ctx.reg.group(&phrase, kind, sentence, side));
    }
    if LEX.is_group_noun(&head) {
        let side = side_in(doc, pi, a..r.end, ctx);
        return Some(ctx.reg.group(&phrase, PersonKind::Group, sentence, side));
    }
    // a statement noun ("the letter", "the report"): whoever was just named
    if SPEECH.is_statement_noun(&head) {
        return recent_actor(ctx, pi, r.start);
    }
    None
}

/// The side shown in a phrase: a demonym or a named place ("the Ukrainian military").
fn side_in(doc: &Doc<'_>, pi: usize, r: Range<usize>, ctx: &Ctx<'_, '_>) -> Option<String> {
    for i in r.clone() {
        let w = tok_text(doc, pi, i);
        if is_demonym(w)
            && let Some(c) = country_for(w)
        {
            return Some(c.to_owned());
        }
    }
    ctx.mentions
        .iter()
        .filter(|m| m.para == pi && m.start >= r.start && m.end <= r.end)
        .find_map(|m| country_for(&m.name).map(str::to_owned))
}

/// The most recent actor described by these words: every word stands in its role or name
/// ("the spokesman" → the spokesman named before; "the foreign ministry" is not the defence
/// ministry).
fn by_role(ctx: &Ctx<'_, '_>, words: &[String]) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for (i, e) in ctx.reg.entities.iter().enumerate() {
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
        let hit = !words.is_empty() && words.iter().all(|w| own.contains(w));
        if hit && best.is_none_or(|(_, s)| e.last_sentence >= s) {
            best = Some((i, e.last_sentence));
        }
    }
    best.map(|(i, _)| i)
}

/// Whoever was named last before token `tok` of paragraph `pi` (a person or organisation).
fn recent_actor(ctx: &Ctx<'_, '_>, pi: usize, tok: usize) -> Option<usize> {
    ctx.mentions
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, m)| (m.para < pi || (m.para == pi && m.end <= tok)) && !m.in_quote)
        .find_map(|(i, m)| {
            (m.kind != MentionKind::Place)
                .then(|| ctx.reg.of_mention[i])
                .flatten()
        })
}

/// Resolve he / she / they / it to an actor.
fn resolve_pronoun(ctx: &mut Ctx<'_, '_>, g: Gender, pi: usize, tok: usize) -> Option<usize> {
    let compatible = |e: &super::people::Entity| match g {
        Gender::Male | Gender::Female => {
            e.kind == PersonKind::Person && e.gender.is_none_or(|x| x == g)
        }
        Gender::Plural => true,
        Gender::Neuter => e.kind != PersonKind::Person,
        Gender::Speaker => false,
    };
    // the last speaker, if recent
    let last = ctx
        .recent
        .speakers
        .iter()
        .rev()
        .find(|(e, p, _)| *p + 3 >= pi && compatible(&ctx.reg.entities[*e]))
        .map(|(e, _, _)| *e);
    let found = match g {
        Gender::Plural | Gender::Neuter => last.or_else(|| {
            recent_where(ctx, pi, tok, |m, e| {
                m.kind != MentionKind::Place
                    && (e.kind != PersonKind::Person || g == Gender::Plural)
            })
        }),
        _ => {
            // prefer the last speaker when it was in the last paragraphs; otherwise the
            // subject of the nearest sentence that names a person
            last.or_else(|| centre(ctx, pi, tok, g))
        }
    };
    if let Some(e) = found
        && matches!(g, Gender::Male | Gender::Female)
        && ctx.reg.entities[e].gender.is_none()
    {
        ctx.reg.entities[e].gender = Some(g);
    }
    found
}

/// The person most in focus before `tok`: the first person named in the nearest earlier
/// sentence (or earlier in this one) that names one.
fn centre(ctx: &Ctx<'_, '_>, pi: usize, tok: usize, g: Gender) -> Option<usize> {
    let doc = ctx.doc;
    let here = sentence_of(doc, pi, tok);
    for s in (here.saturating_sub(4)..=here).rev() {
        let found = ctx
            .mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.sentence == s && !m.in_quote && (s < here || m.end <= tok))
            .filter_map(|(i, _)| ctx.reg.of_mention[i])
            .find(|&e| {
                let x = &ctx.reg.entities[e];
                x.kind == PersonKind::Person && x.gender.is_none_or(|y| y == g)
            });
        if found.is_some() {
            return found;
        }
    }
    None
}

fn recent_where(
    ctx: &Ctx<'_, '_>,
    pi: usize,
    tok: usize,
    ok: impl Fn(&Mention, &super::people::Entity) -> bool,
) -> Option<usize> {
    ctx.mentions
        .iter()
        .enumerate()
        .rev()
        .filter(|(_, m)| {
            (m.para < pi || (m.para == pi && m.end <= tok)) && !m.in_quote && m.para + 3 >= pi
        })
        .find_map(|(i, m)| {
            let e = ctx.reg.of_mention[i]?;
            ok(m, &ctx.reg.entities[e]).then_some(e)
        })
}

/// The speaker of a paragraph that ends with a colon ("The firm released a statement:").
fn colon_speaker(ctx: &mut Ctx<'_, '_>, pi: usize) -> Option<usize> {
    let doc = ctx.doc;
    let toks = &doc.paras[pi].tokens;
    let last = toks.len().checked_sub(1)?;
    let srange = sentence_range(doc, pi, last);
    if let Some(v) = (srange.start..last)
        .rev()
        .find(|&k| speech_verb(doc, pi, k))
        && let Some(e) = subject_of(ctx, pi, srange.start, v)
    {
        return Some(e);
    }
    clause_subject(ctx, pi, srange.start, last)
}

/// Reported speech in paragraph `pi`: a speech verb outside quotes with a speaker and a
/// reported clause. Verbs already used as cues of direct quotes are skipped.
fn indirect(
    ctx: &mut Ctx<'_, '_>,
    pi: usize,
    used: &[usize],
) -> Vec<(usize, Quote, Option<usize>)> {
    let doc = ctx.doc;
    let toks = &doc.paras[pi].tokens;
    let text = doc.paras[pi].text;
    let mut out = Vec::new();
    let sentences: Vec<(usize, Range<usize>)> = doc
        .sentences
        .iter()
        .enumerate()
        .filter(|(_, (p, _))| *p == pi)
        .map(|(i, (_, r))| (i, r.clone()))
        .collect();
    for (si, r) in sentences {
        let mut k = r.start;
        while k < r.end {
            if ctx.masks[pi][k] || used.contains(&k) {
                k += 1;
                continue;
            }
            let lw = lower(doc, pi, k);
            // "according to X, …" / "…, according to X"
            if lw == "according" && k + 1 < r.end && lower(doc, pi, k + 1) == "to" {
                if let Some(q) = according_to(ctx, pi, si, &r, k) {
                    out.push(q);
                }
                k += 2;
                continue;
            }
            if !speech_verb(doc, pi, k) {
                k += 1;
                continue;
            }
            if let Some(q) = reported(ctx, pi, si, &r, k) {
                out.push(q);
            }
            k += 1;
        }
    }
    let _ = (toks, text);
    out
}

fn according_to(
    ctx: &mut Ctx<'_, '_>,
    pi: usize,
    si: usize,
    r: &Range<usize>,
    k: usize,
) -> Option<(usize, Quote, Option<usize>)> {
    let doc = ctx.doc;
    let end = content_end(doc, pi, r);
    let np = np_after(doc, pi, k + 2, end)?;
    let speaker = resolve(ctx, pi, np.clone());
    // the content is the rest of the sentence: before the cue, or after the phrase's comma
    let content = if k > r.start + 2 {
        trim_range(doc, pi, r.start..k)
    } else {
        let after = (np.end..end)
            .find(|&i| tok_text(doc, pi, i) == ",")
            .map_or(np.end, |c| c + 1);
        trim_range(doc, pi, after..end)
    };
    make_indirect(ctx, pi, si, content, "according to", speaker, k)
}

/// The end of a sentence's words (before its final punctuation and closing marks).
fn content_end(doc: &Doc<'_>, pi: usize, r: &Range<usize>) -> usize {
    let mut e = r.end;
    while e > r.start && doc.paras[pi].tokens[e - 1].kind == Kind::Punct {
        e -= 1;
    }
    e
}

/// Trim commas, dashes and conjunctions from both ends of a token range.
fn trim_range(doc: &Doc<'_>, pi: usize, mut r: Range<usize>) -> Range<usize> {
    while r.start < r.end
        && (doc.paras[pi].tokens[r.start].kind == Kind::Punct
            || matches!(lower(doc, pi, r.start).as_str(), "that" | "and" | "but"))
    {
        r.start += 1;
    }
    while r.end > r.start && doc.paras[pi].tokens[r.end - 1].kind == Kind::Punct {
        r.end -= 1;
    }
    r
}

fn make_indirect(
    ctx: &mut Ctx<'_, '_>,
    pi: usize,
    si: usize,
    content: Range<usize>,
    cue: &str,
    speaker: Option<usize>,
    tok: usize,
) -> Option<(usize, Quote, Option<usize>)> {
    let doc = ctx.doc;
    let speaker = speaker?;
    if content.len() < 3 {
        return None;
    }
    // content that is mostly quoted is a direct quote already
    let quoted = content.clone().filter(|&i| ctx.masks[pi][i]).count();
    if quoted * 2 > content.len() {
        return None;
    }
    let toks = &doc.paras[pi].tokens;
    let text = doc.paras[pi].text
        [toks[content.start].start as usize..toks[content.end - 1].end as usize]
        .to_owned();
    ctx.recent.speakers.push((speaker, pi, si));
    Some((
        tok,
        Quote {
            speaker: None,
            text,
            kind: QuoteKind::Indirect,
            cue: Some(cue.to_owned()),
            sentence: si,
        },
        Some(speaker),
    ))
}

/// Reported speech around the speech verb at `v`.
fn reported(
    ctx: &mut Ctx<'_, '_>,
    pi: usize,
    si: usize,
    r: &Range<usize>,
    v: usize,
) -> Option<(usize, Quote, Option<usize>)> {
    let doc = ctx.doc;
    let toks = &doc.paras[pi].tokens;
    let lw = lower(doc, pi, v);
    let verb = SPEECH.verb(&lw)?.clone();
    let end = content_end(doc, pi, r);
    let cue = cue_text(doc, pi, v, end);
    // what follows the verb: addressee, time phrase, "in a statement", "that"
    let mut k = v + 1;
    let mut has_that = false;
    let mut skipped_object = false;
    loop {
        if k >= end {
            break;
        }
        let w = lower(doc, pi, k);
        if w == "that" && !has_that {
            has_that = true;
            k += 1;
            break;
        }
        let tp = time_phrase(doc, pi, k, end);
        if tp > 0 {
            k += tp;
            continue;
        }
        if matches!(
            w.as_str(),
            "in" | "on" | "during" | "at" | "to" | "via" | "through"
        ) {
            // "in a statement", "to reporters", "on Twitter"
            let mut j = k + 1;
            while j < end
                && j < k + 5
                && !matches!(tok_text(doc, pi, j), "," | "that")
                && (toks[j].kind == Kind::Word)
                && (lower(doc, pi, j) != "that")
            {
                let lwj = lower(doc, pi, j);
                if SPEECH.is_statement_noun(&lwj)
                    || SPEECH.grammar.channels.contains(&lwj)
                    || is_cap(doc, pi, j)
                {
                    j += 1;
                    k = j;
                    break;
                }
                j += 1;
            }
            if k != j {
                break;
            }
            continue;
        }
        if verb.addressee && !skipped_object && toks[k].kind == Kind::Word {
            // "told Reuters", "told Putin", "told the paper", "told him"
            let np = np_after(doc, pi, k, end);
            if let Some(np) = np
                && np.len() <= 5
            {
                k = np.end;
                skipped_object = true;
                continue;
            }
        }
        break;
    }
    while k < end && tok_text(doc, pi, k) == "," {
        k += 1;
    }
    let participle = verb.form == Form::Ing;
    // pattern A: subject before the verb, clause after
    if k < end
        && double_mark(tok_text(doc, pi, k)).is_none()
        && single_mark(tok_text(doc, pi, k)).is_none()
        && tok_text(doc, pi, k) != ":"
    {
        let clause_like = has_that || !verb.weak || starts_clause(doc, pi, k, end);
        let object_ok = verb.object;
        if clause_like || object_ok {
            let speaker = if participle {
                let np = np_before(doc, pi, r.start, v);
                let direct = (!np.is_empty() && np.start > r.start)
                    .then(|| resolve(ctx, pi, np))
                    .flatten();
                direct.or_else(|| clause_subject(ctx, pi, r.start, v))
            } else {
                subject_of(ctx, pi, r.start, v)
            };
            if speaker.is_some() {
                let content = trim_range(doc, pi, k..end);
                return make_indirect(ctx, pi, si, content, &cue, speaker, v);
            }
        }
    }
    // pattern B: "CONTENT, X said (on Monday)." — the verb ends the sentence
    if k >= end && !participle {
        let np = np_before(doc, pi, r.start, v);
        let comma = np
            .start
            .checked_sub(1)
            .filter(|&c| c > r.start && tok_text(doc, pi, c) == ",");
        if let Some(c) = comma {
            let speaker = resolve(ctx, pi, np);
            let content = trim_range(doc, pi, r.start..c);
            return make_indirect(ctx, pi, si, content, &cue, speaker, v);
        }
        // inversion: "CONTENT, said X."
        if v > r.start && tok_text(doc, pi, v - 1) == "," {
            let speaker = np_after(doc, pi, v + 1, end).and_then(|np| resolve(ctx, pi, np));
            let content = trim_range(doc, pi, r.start..v - 1);
            return make_indirect(ctx, pi, si, content, &cue, speaker, v);
        }
    }
    None
}

fn is_cap(doc: &Doc<'_>, pi: usize, i: usize) -> bool {
    tok_text(doc, pi, i)
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

/// Does a clause start at `k`: a subject (pronoun, name, determiner phrase) followed soon by
/// a finite verb or auxiliary?
fn starts_clause(doc: &Doc<'_>, pi: usize, k: usize, end: usize) -> bool {
    let g = &SPEECH.grammar;
    let w = lower(doc, pi, k);
    if g.subject_pronouns.contains(&w) && w != "that" {
        return true;
    }
    let toks = &doc.paras[pi].tokens;
    if !(g.determiners.contains(&w) || is_cap(doc, pi, k)) {
        return false;
    }
    (k + 1..end.min(k + 8))
        .any(|j| toks[j].kind == Kind::Word && g.auxiliaries.contains(&lower(doc, pi, j)))
}

/// Attach quotes to the people list: a speaker's canonical name.
pub fn speaker_names(quotes: &mut [Quote], reg: &Registry) {
    for q in quotes {
        if let Some(s) = &q.speaker
            && let Some(e) = reg
                .entities
                .iter()
                .find(|e| e.aliases.iter().any(|a| a == s))
        {
            q.speaker = Some(e.name.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::names::find_mentions;

    fn quotes(paras: &[&str]) -> Vec<Quote> {
        let owned: Vec<String> = paras.iter().map(|s| s.to_string()).collect();
        let doc = Doc::new(&owned);
        let ms = find_mentions(&doc);
        let mut reg = Registry::build(&ms);
        let mut qs = extract(&doc, &ms, &mut reg);
        speaker_names(&mut qs, &reg);
        qs
    }

    fn direct(qs: &[Quote]) -> Vec<(String, Option<String>)> {
        qs.iter()
            .filter(|q| q.kind == QuoteKind::Direct)
            .map(|q| (q.text.clone(), q.speaker.clone()))
            .collect()
    }

    fn indirect_of(qs: &[Quote]) -> Vec<(String, Option<String>)> {
        qs.iter()
            .filter(|q| q.kind == QuoteKind::Indirect)
            .map(|q| (q.text.clone(), q.speaker.clone()))
            .collect()
    }

    fn s(x: &str) -> Option<String> {
        Some(x.to_owned())
    }

    #[test]
    fn quote_then_said_name_and_pronoun() {
        let qs = quotes(&[
            "Johanna Virtanen, a military analyst, says the town matters less now.",
            "\u{201c}It is a battlefield now,\u{201d} she said.",
            "\"It will take months,\" Ms Virtanen said. \"Nothing is decided.\"",
        ]);
        assert_eq!(
            direct(&qs),
            [
                ("It is a battlefield now".into(), s("Johanna Virtanen")),
                ("It will take months".into(), s("Johanna Virtanen")),
                ("Nothing is decided.".into(), s("Johanna Virtanen")),
            ]
        );
        assert_eq!(
            indirect_of(&qs),
            [("the town matters less now".into(), s("Johanna Virtanen"))]
        );
    }

    #[test]
    fn said_name_inversion_and_colon_introduction() {
        let qs = quotes(&[
            "\"Now is the time,\" said Tom Baker, who led the party in the 1990s.",
            "A fire brigade spokesman said: \"There are eight engines at the scene.\"",
        ]);
        assert_eq!(
            direct(&qs),
            [
                ("Now is the time".into(), s("Tom Baker")),
                (
                    "There are eight engines at the scene.".into(),
                    s("fire brigade spokesman")
                ),
            ]
        );
    }

    #[test]
    fn partial_quotes_take_the_clause_speaker() {
        let qs = quotes(&["Senator Ann Lowe called the plan \"a war of choice\" on Friday."]);
        assert_eq!(direct(&qs), [("a war of choice".into(), s("Ann Lowe"))]);
    }

    #[test]
    fn multi_paragraph_quote_without_closing_mark() {
        let qs = quotes(&[
            "Tom Baker told the paper: \"The road was not yet shut.",
            "\"By then more crews were arriving.",
            "\"It was obvious it was serious.\"",
        ]);
        let d = direct(&qs);
        assert_eq!(d.len(), 3, "{d:?}");
        assert!(
            d.iter().all(|(_, sp)| sp.as_deref() == Some("Tom Baker")),
            "{d:?}"
        );
    }

    #[test]
    fn single_quote_house_style_and_apostrophes() {
        let qs = quotes(&[
            "'They made a tough choice and the right one,' Director Tom Baker said.",
            "The zoo's keepers said the animals' enclosure was safe.",
        ]);
        assert_eq!(
            direct(&qs),
            [(
                "They made a tough choice and the right one".into(),
                s("Tom Baker")
            )]
        );
    }

    #[test]
    fn scare_quotes_and_titles_are_not_speech() {
        let qs = quotes(&[
            "The town, dubbed \"the gateway\" by locals, appeared on \"Morning Report Weekly\" last year.",
        ]);
        assert!(direct(&qs).is_empty(), "{:?}", direct(&qs));
    }

    #[test]
    fn reported_speech_forms() {
        let qs = quotes(&[
            "Troops have advanced into the city, the Ruritanian Defence Ministry said on Monday.",
            "Ruritania's top general, Karl Brandt, told reporters on Sunday that the enemy had been blocked.",
            "An estimated 1,000 troops were circling, with the commander Anna Berg saying her forces pushed hard.",
            "All staff were unharmed, according to the foreign ministry.",
            "The minister denied that any deal had been made.",
        ]);
        let ind = indirect_of(&qs);
        assert!(
            ind.contains(&(
                "Troops have advanced into the city".into(),
                s("Ruritanian Defence Ministry")
            )),
            "{ind:?}"
        );
        assert!(
            ind.contains(&("the enemy had been blocked".into(), s("Karl Brandt"))),
            "{ind:?}"
        );
        assert!(
            ind.contains(&("her forces pushed hard".into(), s("Anna Berg"))),
            "{ind:?}"
        );
        assert!(
            ind.iter().any(|(t, sp)| t == "All staff were unharmed"
                && sp.as_deref() == Some("foreign ministry")),
            "{ind:?}"
        );
        assert!(
            ind.iter().any(|(t, _)| t == "any deal had been made"),
            "{ind:?}"
        );
    }

    #[test]
    fn weak_verbs_need_a_clause() {
        let qs = quotes(&["His comments added another voice to the debate."]);
        assert!(indirect_of(&qs).is_empty());
    }
}

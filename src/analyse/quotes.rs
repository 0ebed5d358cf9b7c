//! Quotes: direct speech in quotation marks and reported speech, each with its speaker.
//!
//! Direct quotes are found from the quotation marks (double, curly or straight; single in the
//! house styles that use them; across paragraphs when the closing mark is left out by the
//! newsroom convention) and attributed by the speech cue next to them: after the quote
//! (`"…," X said`, `"…," said X`), before it (`X said: "…"`, `X called it "…"`), or inherited
//! from the quote it continues. Reported speech is found from the speech verbs outside quotes.
//! Speakers are resolved through the people registry: names, pronouns, role nouns, groups.

use super::Doc;
use super::attribution::{
    Ctx, clause_subject, cue_text, np_after, resolve, speech_verb, subject_of,
};
use super::cues::Form;
use super::names::Mention;
use super::people::Registry;
use super::reported;
use super::tokens::{Kind, Token};
use crate::model::{Quote, QuoteKind};

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

/// Is this a double quotation mark (straight, curly or guillemet)?
pub fn is_double_mark(s: &str) -> bool {
    double_mark(s).is_some()
}

fn double_mark(s: &str) -> Option<Mark> {
    match s {
        "\u{201c}" | "\u{201e}" | "\u{ab}" => Some(Mark::Open),
        "\u{201d}" | "\u{bb}" => Some(Mark::Close),
        "\"" => Some(Mark::Either),
        _ => None,
    }
}

/// Is this a single quotation mark?
pub fn is_single_mark(s: &str) -> bool {
    single_mark(s).is_some()
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
        let mut depth = 0usize;
        let first_span = out.len();
        for (i, t) in toks.iter().enumerate() {
            if t.kind != Kind::Punct {
                continue;
            }
            let s = t.text(text);
            if let Some(mark) = double_mark(s) {
                let glued_before = !t.space_before && i > 0;
                let spaced_after = toks
                    .get(i + 1)
                    .is_none_or(|n| n.space_before || n.kind == Kind::Punct);
                let glued_after = toks.get(i + 1).is_some_and(|n| !n.space_before);
                match (mark, open_double) {
                    // a curly opening mark inside a quote: a nested quote, or a closing
                    // mark typed the wrong way round (glued to the word before it)
                    (Mark::Open, Some(o)) => {
                        if glued_before && spaced_after {
                            if depth > 0 {
                                depth -= 1;
                            } else {
                                out.push(span(pi, Some(o), Some(i), toks, false));
                                open_double = None;
                            }
                        } else {
                            depth += 1;
                        }
                    }
                    (Mark::Open, None) => {
                        open_double = Some(i);
                        open_single = None;
                        depth = 0;
                    }
                    (Mark::Close, Some(o)) => {
                        if depth > 0 {
                            depth -= 1;
                        } else {
                            out.push(span(pi, Some(o), Some(i), toks, false));
                            open_double = None;
                        }
                    }
                    (Mark::Close, None) => {}
                    (Mark::Either, Some(o)) => {
                        out.push(span(pi, Some(o), Some(i), toks, false));
                        open_double = None;
                        depth = 0;
                    }
                    (Mark::Either, None) => {
                        // a straight mark glued to the word before and spaced after closes
                        // a quote we did not see open: ignore it
                        if !glued_before || glued_after {
                            open_double = Some(i);
                            open_single = None;
                            depth = 0;
                        }
                    }
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

/// A speech cue found next to a quote.
#[derive(Debug, Clone)]
struct Cue {
    verb: usize,
    text: String,
    speaker: Option<usize>,
}

/// What the direct-quote pass remembers between quotes.
#[derive(Default)]
struct Thread {
    /// (paragraph, speaker, cue) of a quote left open at the end of its paragraph.
    chain: Option<(usize, Option<usize>, Option<String>)>,
    /// (paragraph, speaker) of a paragraph that ends with a colon.
    colon: Option<(usize, Option<usize>)>,
}

/// Extract direct and indirect quotes, in text order; the registry learns who speaks.
/// A quote with the registry entity of its speaker and its paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct Attributed {
    pub quote: Quote,
    pub speaker: Option<usize>,
    pub para: usize,
}

pub fn extract(doc: &Doc<'_>, mentions: &[Mention], reg: &mut Registry) -> Vec<Attributed> {
    let spans = find_spans(doc);
    let masks = quote_masks(doc, &spans);
    let index = super::index::Index::new(doc, mentions);
    let mut ctx = Ctx::new(doc, mentions, reg, masks, &index);
    let mut out: Vec<Attributed> = Vec::new();
    let mut thread = Thread::default();
    for pi in 0..doc.paras.len() {
        let para_spans: Vec<&Span> = spans.iter().filter(|s| s.para == pi).collect();
        // quotes and speech verbs in text order, so that "he said" looks back correctly
        let mut items: Vec<(usize, Option<&Span>)> = para_spans
            .iter()
            .map(|s| (s.first_token(), Some(*s)))
            .collect();
        let toks = &doc.paras[pi].tokens;
        items.extend(
            (0..toks.len())
                .filter(|&k| {
                    !ctx.masks[pi][k]
                        && (speech_verb(&ctx, pi, k) || reported::is_according(&ctx, pi, k))
                })
                .map(|k| (k, None)),
        );
        items.sort_by_key(|(k, s)| (*k, s.is_none()));
        let mut prev_in_para: Option<(Option<usize>, Option<String>)> = None;
        let mut used_verbs: Vec<usize> = Vec::new();
        let mut events: Vec<(usize, Quote, Option<usize>)> = Vec::new();
        for (k, item) in items {
            match item {
                Some(sp) => {
                    if let Some((q, speaker, verb)) =
                        direct(&mut ctx, sp, &mut prev_in_para, &mut thread)
                    {
                        used_verbs.extend(verb);
                        events.push((k, q, speaker));
                    }
                }
                None if used_verbs.contains(&k) => {}
                None => {
                    if let Some((q, speaker)) = reported::at(&mut ctx, pi, k) {
                        events.push((k, q, Some(speaker)));
                    }
                }
            }
        }
        // a paragraph that ends with a colon introduces the quote of the next one
        thread.colon = doc.paras[pi]
            .text
            .trim_end()
            .ends_with(':')
            .then(|| (pi, colon_speaker(&mut ctx, pi)));
        for (_, mut q, speaker) in events {
            if let Some(e) = speaker {
                ctx.reg.entities[e].quotes += 1;
                q.speaker = Some(ctx.reg.entities[e].name.clone());
            }
            out.push(Attributed {
                quote: q,
                speaker,
                para: pi,
            });
        }
    }
    out
}

/// One direct quote: find its cue and speaker, or inherit them. Returns the quote, its
/// speaker and the cue verb used.
fn direct(
    ctx: &mut Ctx<'_, '_>,
    sp: &Span,
    prev_in_para: &mut Option<(Option<usize>, Option<String>)>,
    thread: &mut Thread,
) -> Option<(Quote, Option<usize>, Option<usize>)> {
    let doc = ctx.doc;
    let pi = sp.para;
    let text = doc.paras[pi].text[sp.start..sp.end].trim();
    let text = text.trim_end_matches([',', ' ']).trim();
    if text.is_empty() {
        return None;
    }
    let words = text.split_whitespace().count();
    let cue = attribute(ctx, sp);
    let (mut speaker, mut cue_words) = match &cue {
        Some(c) => (c.speaker, Some(c.text.clone())),
        None => (None, None),
    };
    if speaker.is_none() {
        let continues_speech = !looks_like_title(text) && opens_or_follows_cue(ctx, sp);
        if let (Some((sp_prev, c_prev)), true) = (prev_in_para.as_ref(), continues_speech) {
            // "A," she said. "B." — the second part has the first part's speaker
            speaker = *sp_prev;
            cue_words = c_prev.clone();
        } else if sp.continues {
            if let Some((p, s, c)) = &thread.chain
                && *p + 1 == pi
            {
                speaker = *s;
                cue_words = c.clone();
            }
        } else if let Some((p, s)) = thread.colon
            && p + 1 == pi
        {
            speaker = s;
            cue_words = Some("said".to_owned());
        }
    }
    let sentence = ctx.sentence(pi, sp.first_token());
    let whole_para = sp.open.is_none_or(|o| o == 0)
        && (sp.close.is_none()
            || sp.close == Some(doc.paras[pi].tokens.len() - 1)
            || trailing_only_punct(doc, pi, sp));
    if speaker.is_none() && cue.is_none() && whole_para && words >= 4 {
        // a paragraph of quote right after someone spoke
        if let Some(&(e, p, _)) = ctx.speakers.last()
            && p + 1 >= pi
        {
            speaker = Some(e);
            cue_words = Some("said".to_owned());
        }
    }
    if speaker.is_none() && cue.is_none() && sp.open.is_some() && opens_sentence(ctx, sp) {
        // `X said that … . "…"`: the quote goes on with the report just before it
        speaker = super::attribution::reporter_before(ctx, pi, sentence);
        cue_words = speaker.and(Some("said".to_owned()));
    }
    // without a speaker or cue, a quote that is the object of a preposition ("sent a
    // reporter into "a living room in a small town" to watch") is borrowed wording
    let keep = speaker.is_some()
        || (words >= 6
            && !looks_like_title(text)
            && (cue_words.is_some() || !after_preposition(ctx, sp)));
    if !keep {
        return None;
    }
    if let Some(e) = speaker {
        ctx.spoke(e, pi, sentence);
    }
    *prev_in_para = Some((speaker, cue_words.clone()));
    if sp.continued {
        thread.chain = Some((pi, speaker, cue_words.clone()));
    }
    Some((
        Quote {
            speaker: None,
            text: text.to_owned(),
            kind: QuoteKind::Direct,
            cue: cue_words,
            sentence,
        },
        speaker,
        cue.map(|c| c.verb),
    ))
}

/// Does the quote open its sentence, or follow a cue's comma or colon (`," he said, "…`)?
fn opens_or_follows_cue(ctx: &Ctx<'_, '_>, sp: &Span) -> bool {
    let pi = sp.para;
    let toks = &ctx.doc.paras[pi].tokens;
    let Some(open) = sp.open else { return true };
    let r = ctx.sentence_range(pi, open.min(toks.len().saturating_sub(1)));
    let before = &toks[r.start..open];
    before.iter().all(|t| t.kind == Kind::Punct)
        || (open > 0 && matches!(ctx.text(pi, open - 1), "," | ":"))
}

/// Does the quote's opening mark start its sentence?
fn opens_sentence(ctx: &Ctx<'_, '_>, sp: &Span) -> bool {
    let toks = &ctx.doc.paras[sp.para].tokens;
    let Some(open) = sp.open else { return true };
    let r = ctx.sentence_range(sp.para, open.min(toks.len().saturating_sub(1)));
    toks[r.start..open.max(r.start)]
        .iter()
        .all(|t| t.kind == Kind::Punct)
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

/// Find the cue of a direct quote span and resolve its speaker: before the quote when the
/// quote is inside a sentence, after it when the quote opens the sentence.
fn attribute(ctx: &mut Ctx<'_, '_>, sp: &Span) -> Option<Cue> {
    let doc = ctx.doc;
    let pi = sp.para;
    let toks = &doc.paras[pi].tokens;
    let first = sp.first_token().min(toks.len().saturating_sub(1));
    let srange = ctx.sentence_range(pi, first);
    let open = sp.open.unwrap_or(0);
    let starts_sentence = toks[srange.start..open.max(srange.start)]
        .iter()
        .all(|t| t.kind == Kind::Punct);
    // a quote that is the object of a preposition, a possessive or an article ("on CBS's
    // "Face the Nation,"", "a "Town Hall" forum") is a title: no cue, before or after it,
    // makes it speech
    let object = open > srange.start && after_preposition(ctx, sp);
    let text = ctx.doc.paras[pi].text[sp.start..sp.end].trim();
    if object && looks_like_title(text) || after_so_called(ctx, pi, open) {
        return None;
    }
    let before = if starts_sentence {
        None
    } else {
        cue_before(ctx, pi, srange.start, open)
    };
    // `many have said so, including X -- "…" --`: a quote set off by a dash after a name
    let before = before.map(|mut c| {
        c.speaker = super::attribution::dash_speaker(ctx, pi, open).or(c.speaker);
        c
    });
    if before.as_ref().is_some_and(|c| c.speaker.is_some()) {
        return before;
    }
    // a quote inside a clause that already has its cue (`X wondered whether it would be
    // "fair" to him, in what critics described as …`) takes another only right after its
    // closing mark; a participle with no subject of its own ("By saying X was "…", Y
    // argued") takes the main clause's, which may come later in the sentence
    let tight = before
        .as_ref()
        .is_some_and(|c| !ctx.lower(pi, c.verb).ends_with("ing"));
    let after = sp.close.and_then(|c| cue_after(ctx, pi, c + 1, tight));
    match after {
        Some(a) if a.speaker.is_some() || before.is_none() => Some(a),
        _ => before,
    }
}

/// A cue after a closing mark: `," X said`, `," said X`, `," as X put it`, `," according to
/// X`. When `tight` (the quote's clause has its own cue before it) the cue must follow the
/// mark directly: in `would be "fair" to him, in what critics described as …` the later
/// verb belongs to another clause.
fn cue_after(ctx: &mut Ctx<'_, '_>, pi: usize, from: usize, tight: bool) -> Option<Cue> {
    let doc = ctx.doc;
    let toks = &doc.paras[pi].tokens;
    let srange = ctx.sentence_range(pi, from.min(toks.len().saturating_sub(1)));
    let end = srange.end.max(from);
    let mut i = from;
    while i < end
        && matches!(
            ctx.text(pi, i),
            "," | ")" | "]" | "'" | "\u{2019}" | "-" | "\u{2014}"
        )
    {
        i += 1;
    }
    // `… "a lawful source of income," as one memo put it`
    if i < end && ctx.lower(pi, i) == "as" {
        i += 1;
    } else if tight && i < end && !opens_subject(ctx, pi, i) {
        return None;
    }
    let limit = apposition_end(ctx, pi, i, end).map_or(i + 14, |c| c + 6);
    let limit = limit.min(end);
    for k in i..limit {
        if double_mark(ctx.text(pi, k)).is_some() {
            break;
        }
        if reported::is_according(ctx, pi, k) {
            let speaker = np_after(ctx, pi, k + 2, end).and_then(|r| resolve(ctx, pi, r));
            return Some(Cue {
                verb: k,
                text: "according to".to_owned(),
                speaker,
            });
        }
        if speech_verb(ctx, pi, k) {
            let text = cue_text(ctx, pi, k, end);
            // `," X, a … at Y, said`: the subject is the phrase before the apposition
            let appositive = apposition_end(ctx, pi, i, end).filter(|&c| {
                c < k && (c + 1..k).all(|j| super::cues::SPEECH.is_between(ctx.lower(pi, j)))
            });
            let before_apposition = appositive.and_then(|_| {
                let open = (i..k).find(|&j| ctx.text(pi, j) == ",")?;
                resolve(ctx, pi, i..open)
            });
            let speaker = if let Some(e) = before_apposition {
                Some(e)
            } else if k > i {
                let np = super::attribution::np_before(ctx, pi, i, k);
                let np = if np.is_empty() { i..k } else { np };
                resolve(ctx, pi, np)
                    .or_else(|| subject_of(ctx, pi, i, k))
                    .or_else(|| np_after(ctx, pi, k + 1, end).and_then(|r| resolve(ctx, pi, r)))
            } else {
                np_after(ctx, pi, k + 1, end).and_then(|r| resolve(ctx, pi, r))
            };
            return Some(Cue {
                verb: k,
                text,
                speaker,
            });
        }
    }
    None
}

/// `," Jane Roe, a lawyer for the firm who has read the filing, said`: the comma closing an
/// apposition set off after the subject that opens at `i`, so that the cue can be looked
/// for past it. The subject is a short phrase; the apposition holds no quote mark and no
/// sentence-ending stop.
fn apposition_end(ctx: &Ctx<'_, '_>, pi: usize, i: usize, end: usize) -> Option<usize> {
    let open = (i..(i + 8).min(end)).find(|&k| ctx.text(pi, k) == ",")?;
    if open == i || (i..open).any(|k| speech_verb(ctx, pi, k)) {
        return None;
    }
    (open + 2..(open + 30).min(end))
        .find(|&k| {
            let w = ctx.text(pi, k);
            w == ","
        })
        .filter(|&close| {
            !(open + 1..close).any(|k| {
                let w = ctx.text(pi, k);
                is_double_mark(w) || matches!(w, ";" | ":" | "(" | ")") || ctx.masks[pi][k]
            })
        })
}

/// Does "so-called" stand right before the opening mark? What follows is a label the writer
/// keeps at a distance, not anyone's words, whatever cue the sentence has.
fn after_so_called(ctx: &Ctx<'_, '_>, pi: usize, open: usize) -> bool {
    let p = if open > 0 {
        ctx.lower(pi, open - 1)
    } else {
        ""
    };
    p == "so-called"
        || (p == "called"
            && open >= 3
            && ctx.lower(pi, open - 2) == "-"
            && ctx.lower(pi, open - 3) == "so")
}

/// A cue before an opening mark: `X said: "`, `X called it "`, `he said he was "…"`.
/// Can the word at `i` open the subject of a cue (`X said`, `officials said`) or be the
/// cue itself (`said X`)? Prepositions, conjunctions, auxiliaries and participles cannot.
fn opens_subject(ctx: &Ctx<'_, '_>, pi: usize, i: usize) -> bool {
    let g = &super::cues::SPEECH.grammar;
    let w = ctx.lower(pi, i);
    ctx.doc.paras[pi].tokens[i].kind != Kind::Punct
        && !(g.np_stops.contains(w)
            || g.auxiliaries.contains(w)
            || (w.ends_with("ing") && !ctx.is_cap(pi, i) && !speech_verb(ctx, pi, i)))
}

/// Is the quote the object of a preposition, a possessive or an article (`on CBS's "…"`,
/// `into "…"`, `a "…" forum`)?
fn after_preposition(ctx: &Ctx<'_, '_>, sp: &Span) -> bool {
    sp.open.is_some_and(|open| {
        open > 0
            && matches!(
                ctx.lower(sp.para, open - 1),
                "'s" | "\u{2019}s"
                    | "on"
                    | "in"
                    | "into"
                    | "of"
                    | "to"
                    | "from"
                    | "at"
                    | "by"
                    | "about"
                    | "a"
                    | "an"
                    | "the"
            )
    })
}

fn cue_before(ctx: &mut Ctx<'_, '_>, pi: usize, start: usize, open: usize) -> Option<Cue> {
    let v = (start..open)
        .rev()
        .find(|&k| !ctx.masks[pi][k] && speech_verb(ctx, pi, k))?;
    let text = cue_text(ctx, pi, v, open);
    let ing = ctx.lower(pi, v).ends_with("ing");
    let end = ctx.sentence_range(pi, v).end;
    // a passive naming: `X, dubbed "…" by Y` — the speaker is the agent, if any
    let verb = super::cues::SPEECH.verb(ctx.lower(pi, v)).cloned();
    let participle = verb
        .as_ref()
        .is_some_and(|x| matches!(x.form, Form::Past | Form::Participle));
    let naming = verb
        .as_ref()
        .is_some_and(|x| super::cues::SPEECH.is_naming(&x.base));
    let prev = if v > start { ctx.lower(pi, v - 1) } else { "" };
    let passive = participle
        && (matches!(prev, "was" | "were" | "been" | "being" | "is" | "are")
            || (prev == "," && naming));
    if passive {
        let agent = (open..end)
            .find(|&k| ctx.lower(pi, k) == "by" && !ctx.masks[pi][k])
            .and_then(|b| np_after(ctx, pi, b + 1, end))
            .and_then(|r| resolve(ctx, pi, r));
        return Some(Cue {
            verb: v,
            text,
            speaker: agent,
        });
    }
    let speaker = if ing {
        super::attribution::participle_subject(ctx, pi, start, v, end)
    } else {
        subject_of(ctx, pi, start, v)
    }
    .or_else(|| np_after(ctx, pi, v + 1, open).and_then(|r| resolve(ctx, pi, r)));
    Some(Cue {
        verb: v,
        text,
        speaker,
    })
}

/// The speaker of a paragraph that ends with a colon ("The firm released a statement:").
fn colon_speaker(ctx: &mut Ctx<'_, '_>, pi: usize) -> Option<usize> {
    let toks = &ctx.doc.paras[pi].tokens;
    let last = toks.len().checked_sub(1)?;
    let srange = ctx.sentence_range(pi, last);
    if let Some(v) = (srange.start..last)
        .rev()
        .find(|&k| speech_verb(ctx, pi, k))
        && let Some(e) = subject_of(ctx, pi, srange.start, v)
    {
        return Some(e);
    }
    clause_subject(ctx, pi, srange.start, last)
}

/// Give every quote its speaker's final canonical name (a name may have grown after the
/// quote was attributed: "Putin" … "Vladimir Putin").
pub fn speaker_names(quotes: &mut [Attributed], reg: &Registry) {
    for a in quotes {
        if let Some(e) = a.speaker {
            a.quote.speaker = Some(reg.entities[e].name.clone());
        }
    }
}

/// The quotes of an article made of these paragraphs, speakers named (for tests).
#[cfg(test)]
pub(crate) fn quotes_of(paras: &[&str]) -> Vec<Quote> {
    let owned: Vec<String> = paras.iter().map(|s| s.to_string()).collect();
    let doc = Doc::new(&owned);
    let ms = crate::analyse::names::find_mentions(&doc);
    let mut reg = Registry::build(&ms);
    let mut qs = extract(&doc, &ms, &mut reg);
    speaker_names(&mut qs, &reg);
    qs.into_iter().map(|a| a.quote).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(paras: &[&str]) -> Vec<Quote> {
        quotes_of(paras)
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
    fn a_long_apposition_between_quote_and_cue_keeps_the_name_before_it() {
        let qs = quotes(&[
            "\"We will not sign it,\" Jane Roe, a lawyer for the dock workers who has read \
             every page of the contract, said on Monday.",
            "\"It is not over,\" said Representative Tom Baxter of New York, who chairs the \
             panel.",
        ]);
        let d = direct(&qs);
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!(d[0], ("We will not sign it".into(), s("Jane Roe")));
        // (the name keeps its "of" phrase: "Tom Baxter of New York")
        assert!(
            d[1].1
                .as_deref()
                .is_some_and(|n| n.starts_with("Tom Baxter")),
            "{d:?}"
        );
    }

    #[test]
    fn common_noun_speakers_speak_as_themselves() {
        let qs = quotes(&[
            "\"Nobody here is worried about the audit,\" the insider said.",
            "\"No funds were misused by the board,\" the memo says.",
            "Some observers said the vote would be close.",
        ]);
        assert_eq!(
            direct(&qs),
            [
                (
                    "Nobody here is worried about the audit".into(),
                    s("insider")
                ),
                ("No funds were misused by the board".into(), s("memo")),
            ]
        );
        assert_eq!(
            indirect_of(&qs),
            [("the vote would be close".into(), s("observers"))]
        );
    }

    #[test]
    fn a_bare_singular_word_before_a_verb_is_no_speaker() {
        // "even" and "long" are not speakers, whatever verb follows them
        let qs = quotes(&["Even long said the vote would be close."]);
        assert!(
            indirect_of(&qs).iter().all(|(_, sp)| sp.is_none()),
            "{qs:?}"
        );
    }

    #[test]
    fn a_surname_ending_in_ly_is_a_name_and_he_finds_the_last_named_man() {
        let qs = quotes(&[
            "Megan Kelly chairs the audit committee.",
            "Kelly said the vote was fair.",
            "Tom Baxter won the seat in 2019.",
            "He said the budget was balanced.",
        ]);
        assert_eq!(
            indirect_of(&qs),
            [
                ("the vote was fair".into(), s("Megan Kelly")),
                ("the budget was balanced".into(), s("Tom Baxter")),
            ]
        );
    }

    #[test]
    fn a_later_clause_cue_does_not_take_a_quote_that_has_its_own_cue() {
        let qs = quotes(&[
            "The newcomer has repeatedly wondered whether the referees would be \"fair\" to him, \
             in what critics described as an old tactic.",
            "The budget is \"a disgrace,\" Mary Jones said, \"and a gamble.\"",
            "The rule covers any \"lawful source of income for the family,\" as one Tax Office \
             memo put it.",
        ]);
        assert_eq!(
            direct(&qs),
            [
                // the word quoted in the first clause is its own subject's
                ("fair".into(), s("newcomer")),
                ("a disgrace".into(), s("Mary Jones")),
                ("and a gamble.".into(), s("Mary Jones")),
                (
                    "lawful source of income for the family".into(),
                    s("Tax Office")
                ),
            ]
        );
    }

    #[test]
    fn a_verb_after_comma_and_shares_the_main_clause_subject() {
        let qs = quotes(&[
            "The Harbour Workers Union said minister Karl Olsen had promised in May that no \
             docks would close, and called the decision \"a betrayal of every family here\".",
        ]);
        assert_eq!(
            direct(&qs),
            [(
                "a betrayal of every family here".into(),
                s("Harbour Workers Union")
            )]
        );
    }

    #[test]
    fn a_participle_that_lost_its_object_is_not_speech() {
        let qs = quotes(&[
            "A former mayor accused of taking bribes from builders pleaded not guilty on Monday.",
            "A city councillor charged with fraud resigned on Friday.",
        ]);
        assert_eq!(indirect_of(&qs), [], "{qs:?}");
    }

    #[test]
    fn a_possessed_speaker_before_a_verb_that_is_also_a_noun() {
        let qs = quotes(&[
            "The girl's father yells down, 'hold on,' as the crowd watches.",
            "The tenants' association claims that rents will double next year.",
            "The mayor's original comments drew criticism.",
        ]);
        assert_eq!(direct(&qs), [("hold on".into(), s("girl's father"))]);
        assert_eq!(
            indirect_of(&qs),
            [(
                "rents will double next year".into(),
                s("tenants' association")
            )]
        );
    }

    #[test]
    fn a_bare_organisation_noun_is_never_a_member_of_another_organisation() {
        let qs = quotes(&[
            "The Hill Tenants Association claims that rents will double.",
            "The council said its own figures showed a rise of about 8%.",
        ]);
        assert_eq!(
            indirect_of(&qs),
            [
                ("rents will double".into(), s("Hill Tenants Association")),
                (
                    "its own figures showed a rise of about 8%".into(),
                    s("council")
                ),
            ]
        );
    }

    #[test]
    fn she_is_the_spokeswoman_not_the_husband_last_named() {
        let qs = quotes(&[
            "Ann Carter, 34, said the rule was unfair.",
            "Her husband, Tom, added: 'It is silly and nobody asked us.'",
            "A spokeswoman for Elm Street School said the rule protected pupils. 'Safety \
             comes first,' she said.",
        ]);
        assert_eq!(
            direct(&qs),
            [
                ("It is silly and nobody asked us.".into(), s("Tom")),
                ("Safety comes first".into(), s("Elm Street School")),
            ]
        );
    }

    #[test]
    fn a_participle_after_a_comma_shares_the_nearest_reporting_clause() {
        let qs = quotes(&[
            "The school said it had asked parents, but Ann Carter denied this, insisting she \
             had never been asked.",
        ]);
        assert!(
            indirect_of(&qs).contains(&("she had never been asked".into(), s("Ann Carter"))),
            "{qs:?}"
        );
    }

    #[test]
    fn a_gerund_after_a_possessive_is_not_a_report() {
        let qs = quotes(&[
            "Governor Lena Hart said the bill's reporting rules would cost small farms $9,000.",
        ]);
        assert_eq!(
            indirect_of(&qs),
            [(
                "the bill's reporting rules would cost small farms $9,000".into(),
                s("Lena Hart")
            )]
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
        // the naming has an agent, who is its speaker; the show title is not speech
        assert_eq!(direct(&qs), [("the gateway".into(), s("locals"))]);
        let qs = quotes(&[
            "The so-called \"fortress city\" fell after a long siege.",
            "Mary Jones has called for taxing so-called \"pass through\" income.",
            "Mary Jones said the so-called \"efficiency review of every ministry\" was a waste.",
            "The paper sent a reporter into \"a small flat on the edge of town\" to watch.",
        ]);
        assert!(direct(&qs).is_empty(), "{:?}", direct(&qs));
    }

    #[test]
    fn reported_speech_forms() {
        let qs = quotes(&[
            "Troops have advanced into the city, the Norwegian Defence Ministry said on Monday.",
            "Norway's top general, Karl Brandt, told reporters on Sunday that the enemy had been blocked.",
            "An estimated 1,000 troops were circling, with the commander Anna Berg saying her forces pushed hard.",
            "All staff were unharmed, according to the foreign ministry.",
            "The minister denied that any deal had been made.",
        ]);
        let ind = indirect_of(&qs);
        assert!(
            ind.contains(&(
                "Troops have advanced into the city".into(),
                s("Norwegian Defence Ministry")
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

    #[test]
    fn a_passive_speech_verb_credits_the_main_speaker_not_its_subject() {
        let qs = quotes(&[
            "The leaked files also accuse the mayor of hiding his debts, while his deputy, Ann Lee, is alleged to have taken bribes from a builder.",
            "Tom Reed, who is said to be close to the mayor, declined to comment.",
        ]);
        let ind = indirect_of(&qs);
        assert!(
            ind.iter()
                .any(|(t, s)| t.starts_with("alleged to have taken bribes")
                    && s.as_deref() == Some("leaked files")),
            "{ind:?}"
        );
        assert!(
            ind.iter().all(|(_, s)| s.as_deref() != Some("Ann Lee")),
            "{ind:?}"
        );
        assert!(
            ind.iter().all(|(_, s)| s.as_deref() != Some("Tom Reed")),
            "{ind:?}"
        );
    }

    #[test]
    fn a_name_before_report_is_a_modifier_and_a_participle_ends_the_verb() {
        let qs = quotes(&[
            "The Foreign Ministry refused to confirm the Daily Globe report, saying that the matter was being discussed.",
            "The city has asked the regulator to close 10 plants for breaking the rules, Reuters reported, citing court documents.",
        ]);
        assert_eq!(
            indirect_of(&qs),
            [
                (
                    "the matter was being discussed".into(),
                    s("Foreign Ministry")
                ),
                (
                    "The city has asked the regulator to close 10 plants for breaking the rules"
                        .into(),
                    s("Reuters")
                ),
            ]
        );
    }

    #[test]
    fn told_someone_and_said_are_two_reports_of_one_speaker() {
        let qs = quotes(&[
            "The ministry told local reporters the plan had failed and said there was no evidence of fraud.",
        ]);
        assert_eq!(
            indirect_of(&qs),
            [
                ("the plan had failed".into(), s("ministry")),
                ("there was no evidence of fraud".into(), s("ministry")),
            ]
        );
    }

    #[test]
    fn the_state_and_party_describe_the_senator_in_focus() {
        let qs = quotes(&[
            "Speaking on a Sunday show, Sen. Tom Baker, R-Ohio, said the chairman had to go.",
            "The Ohio Republican said the chairman needs to assess whether he can still do his job.",
            "Mr. Baker added that he had told the chairman as much.",
        ]);
        let ind = indirect_of(&qs);
        assert_eq!(ind.len(), 3, "{ind:?}");
        assert!(
            ind.iter().all(|(_, sp)| sp.as_deref() == Some("Tom Baker")),
            "{ind:?}"
        );
    }

    #[test]
    fn reported_clauses_keep_their_asides_and_stop_at_the_main_clause() {
        let qs = quotes(&[
            "Anna Berg, a spokeswoman, said the candidate was on her way to the hall, which she was still doing at noon.",
            "The party has said single people and families - young, old, adoptive and foster - would qualify for the grant.",
            "Tom Reed was quoted widely. While he acknowledged the budget was short, Mr. Reed also said the plan had worked.",
        ]);
        let ind = indirect_of(&qs);
        assert!(
            ind.contains(&(
                "the candidate was on her way to the hall, which she was still doing at noon"
                    .into(),
                s("Anna Berg")
            )),
            "{ind:?}"
        );
        assert!(ind.contains(&(
            "single people and families - young, old, adoptive and foster - would qualify for the grant".into(),
            s("party")
        )), "{ind:?}");
        assert!(
            ind.contains(&("the budget was short".into(), s("Tom Reed"))),
            "{ind:?}"
        );
        assert!(
            ind.contains(&("the plan had worked".into(), s("Tom Reed"))),
            "{ind:?}"
        );
    }

    #[test]
    fn a_clause_after_the_verb_does_not_make_it_report_forwards() {
        let qs = quotes(&[
            "The plan is an insult to every family, local leaders said on Friday, as they met in the capital.",
            "A document on the Interior Ministry's website states that the fees would double next year.",
        ]);
        let ind = indirect_of(&qs);
        assert_eq!(
            ind[0],
            (
                "The plan is an insult to every family".into(),
                s("local leaders")
            )
        );
        assert_eq!(ind[1].0, "the fees would double next year");
        assert!(
            ind[1].1.as_deref().is_some_and(|n| n.contains("Ministry")),
            "{ind:?}"
        );
    }

    #[test]
    fn titles_after_a_preposition_or_an_article_are_not_speech() {
        let qs = quotes(&[
            "\"We need to step back from this,\" Tom Baker said on City Radio's \"Morning Round Up.\"",
            "He cited the questions put to the candidate during a \"Town Hall Special\" forum last week.",
        ]);
        assert_eq!(
            direct(&qs),
            [("We need to step back from this".into(), s("Tom Baker"))]
        );
    }

    #[test]
    fn examples_after_including_do_not_replace_the_subject() {
        let qs = quotes(&[
            "Supporters of the new hall in the old town, including the city mayor, Tom Baker, say its opening should be a sign of tolerance.",
        ]);
        assert_eq!(
            indirect_of(&qs),
            [(
                "its opening should be a sign of tolerance".into(),
                s("Supporters")
            )]
        );
    }

    #[test]
    fn raising_questions_is_speech_raising_prices_is_not() {
        let qs = quotes(&[
            "The men's lawyer, Jane Doe, has raised questions about whether the evidence was gathered under duress.",
            "The firm's owner, Tom Reed, raised prices by 10 percent in May.",
        ]);
        assert_eq!(
            indirect_of(&qs),
            [(
                "has raised questions about whether the evidence was gathered under duress".into(),
                s("Jane Doe")
            )]
        );
    }

    #[test]
    fn a_common_noun_opening_a_sentence_before_of_is_not_a_speaker() {
        let qs = quotes(&[
            "Word of the deal spread after Tom Reed used an interview to attack the firm, warning that prices would rise.",
        ]);
        assert_eq!(
            indirect_of(&qs),
            [("prices would rise".into(), s("Tom Reed"))]
        );
    }
}

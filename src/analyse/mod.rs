//! Analysis of a cleaned article: sentences, people, quotes, facts and claims.

mod attribution;
pub mod claims;
pub mod cues;
pub mod facts;
pub mod index;
mod long;
pub mod names;
pub mod people;
pub mod quotes;
mod reported;
pub mod sentences;
pub mod tokens;

use std::ops::Range;

use crate::ingest::clean::Cleaned;
use crate::model::{Article, Sentence};
use tokens::Token;

/// Start building the rule tables and word lists that cleaning and analysis need (regexes,
/// lexicons, the gazetteer), each as its own job on the thread pool, and return at once.
///
/// Each table is built on first use anyway; started together before the first article, they
/// are built side by side on all cores instead of one after another on the thread that
/// happens to need them first. Call it only when articles will be analysed (not for a
/// `store.json`), so that nothing is built that the command does not use.
pub fn warm_up() {
    use std::sync::LazyLock;
    // the costliest first
    rayon::spawn(|| {
        LazyLock::force(&crate::ingest::boilerplate::RULES);
    });
    rayon::spawn(crate::ingest::metadata::warm_up);
    rayon::spawn(crate::gazetteer::warm_up);
    rayon::spawn(|| {
        LazyLock::force(&names::LEX);
        LazyLock::force(&cues::SPEECH);
        sentences::warm_up();
    });
    rayon::spawn(|| {
        facts::warm_up();
        crate::compare::warm_up();
        LazyLock::force(&crate::lexicon::CALENDAR);
    });
}

/// A paragraph with its tokens and sentences (token ranges).
pub struct Para<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Range<usize>>,
}

/// The tokenized body, shared by every analysis stage.
pub struct Doc<'a> {
    pub paras: Vec<Para<'a>>,
    /// For each sentence of the article: (paragraph, token range).
    pub sentences: Vec<(usize, Range<usize>)>,
}

impl<'a> Doc<'a> {
    pub fn new(paragraphs: &'a [String]) -> Doc<'a> {
        let mut paras = Vec::with_capacity(paragraphs.len());
        let mut all = Vec::new();
        for (pi, text) in paragraphs.iter().enumerate() {
            let tokens = tokens::tokenize(text);
            let sentences = sentences::split(text, &tokens);
            all.extend(sentences.iter().map(|r| (pi, r.clone())));
            paras.push(Para {
                text,
                tokens,
                sentences,
            });
        }
        Doc {
            paras,
            sentences: all,
        }
    }

    /// Byte range of sentence `s` inside its paragraph.
    pub fn sentence_span(&self, s: usize) -> Range<usize> {
        let (p, r) = &self.sentences[s];
        let toks = &self.paras[*p].tokens;
        toks[r.start].start as usize..toks[r.end - 1].end as usize
    }
}

/// "Valery Ivanov, Chief of the General Staff": an organisation named in the apposition of a
/// person who speaks for a side, with no side of its own, is on that person's side. (Two
/// outlets' "General Staff" can be two armies' staffs.)
fn sides_from_members(doc: &Doc<'_>, mentions: &[names::Mention], reg: &mut people::Registry) {
    for (mi, m) in mentions.iter().enumerate() {
        if m.kind != names::MentionKind::Organisation || mi == 0 {
            continue;
        }
        let Some(org) = reg.of_mention[mi] else {
            continue;
        };
        if reg.entities[org].side.is_some() {
            continue;
        }
        let p = &mentions[mi - 1];
        let Some(person) = reg.of_mention[mi - 1] else {
            continue;
        };
        let Some(side) = reg.entities[person].side.clone() else {
            continue;
        };
        if p.para != m.para || p.kind != names::MentionKind::Person || p.end >= m.start {
            continue;
        }
        let para = &doc.paras[m.para];
        let words: Vec<&str> = (p.end..m.start)
            .map(|i| para.tokens[i].text(para.text))
            .collect();
        let apposition = words.len() <= 6
            && words.first() == Some(&",")
            && words[1..].iter().filter(|w| **w == ",").count() == 0
            && matches!(words.last(), Some(&"of") | Some(&"the"))
            && words.contains(&"of");
        if apposition {
            reg.entities[org].side = Some(side);
        }
    }
}

/// Articles analysed so far by this process (read by the progress bar).
static ANALYSED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// How many articles this process has analysed so far.
pub fn analysed() -> usize {
    ANALYSED.load(std::sync::atomic::Ordering::Relaxed)
}

/// Turn a cleaned article into the model.
pub fn analyse(id: String, path: String, cleaned: Cleaned) -> Article {
    let article = analyse_inner(id, path, cleaned);
    ANALYSED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    article
}

fn analyse_inner(id: String, path: String, cleaned: Cleaned) -> Article {
    let Cleaned {
        meta,
        paragraphs,
        boilerplate,
        warnings,
    } = cleaned;
    let paragraphs = long::split_long(paragraphs);
    let doc = Doc::new(&paragraphs);
    let sentences = (0..doc.sentences.len())
        .map(|s| {
            let span = doc.sentence_span(s);
            let p = doc.sentences[s].0;
            Sentence {
                text: paragraphs[p][span.clone()].to_owned(),
                paragraph: p,
                start: span.start,
            }
        })
        .collect();
    let mentions = names::find_mentions(&doc);
    let mut registry = people::Registry::build(&mentions);
    sides_from_members(&doc, &mentions, &mut registry);
    let mut attributed = quotes::extract(&doc, &mentions, &mut registry);
    quotes::speaker_names(&mut attributed, &registry);
    let claims = claims::extract(
        &doc,
        &mentions,
        &mut registry,
        &attributed,
        meta.outlet.as_deref(),
    );
    let quotes = attributed.into_iter().map(|a| a.quote).collect();
    let people = registry.to_people();
    let facts = facts::extract(&doc, meta.published.as_deref());
    drop(doc);
    let (boilerplate, boilerplate_reasons) = boilerplate.into_iter().unzip();
    Article {
        id,
        path,
        title: meta.title,
        subtitle: meta.subtitle,
        outlet: meta.outlet,
        published: meta.published,
        authors: meta.authors,
        paragraphs,
        boilerplate,
        boilerplate_reasons,
        sentences,
        people,
        quotes,
        facts,
        claims,
        warnings,
    }
}

//! The store: loading articles from paths (or the bundled seeds, or an exported store) and
//! writing it back as JSON.

use std::collections::HashMap;
use std::path::PathBuf;

use rayon::prelude::*;

use crate::analyse;
use crate::ingest::{self, Candidate, Diagnostic, Document, Format, Input, clean};
use crate::model::{Article, SCHEMA, Store};

include!(concat!(env!("OUT_DIR"), "/seeds.rs"));

/// The result of loading: the store, and one line per problem met on the way.
pub struct Loaded {
    pub store: Store,
    pub diagnostics: Vec<Diagnostic>,
    /// The files that were read (so that outputs never overwrite one).
    pub inputs: Vec<PathBuf>,
}

/// Load the bundled seed articles.
pub fn load_seeds() -> Loaded {
    let docs: Vec<Document> = SEEDS
        .iter()
        .map(|(path, text)| Document::from_text(path, Format::Text, text))
        .collect();
    Loaded {
        store: from_documents(docs),
        diagnostics: Vec::new(),
        inputs: Vec::new(),
    }
}

/// Load articles and stores from files and directories. Files that cannot be read are
/// reported and skipped; the rest load.
pub fn load_paths(paths: &[PathBuf]) -> Loaded {
    load_paths_with(paths, true)
}

/// [`load_paths`], with the comparisons of the pairs only when `compare` (a command that
/// does not show them need not wait for them).
pub fn load_paths_with(paths: &[PathBuf], compare: bool) -> Loaded {
    let (candidates, mut diagnostics) = ingest::discover(paths);
    /// What one candidate gave: a document to analyse, or the articles of a store.
    enum Got {
        Document(Box<Document>),
        Stored(Vec<Article>),
    }
    let read: Vec<Result<Option<Input>, Diagnostic>> =
        candidates.par_iter().map(ingest::read).collect();
    // the same file given twice (a file and its directory) is read once; another file
    // with the same text is kept: it may be another source's copy
    let mut seen_files: HashMap<PathBuf, String> = HashMap::new();
    let mut got: Vec<(&Candidate, Got)> = Vec::new();
    // the files read as articles in this run, to spot a store that holds them again
    let mut analysed: Vec<(&Candidate, PathBuf)> = Vec::new();
    for (c, r) in candidates.iter().zip(read) {
        match r {
            Ok(Some(Input::Document(doc))) => {
                let file = std::fs::canonicalize(&c.path).unwrap_or_else(|_| c.path.clone());
                if let Some(first) = seen_files.get(&file) {
                    diagnostics.push(Diagnostic::warning(
                        &doc.path,
                        if *first == doc.path {
                            "given twice; loaded once".to_owned()
                        } else {
                            format!("the same file as {first}; loaded once")
                        },
                    ));
                    continue;
                }
                seen_files.insert(file.clone(), doc.path.clone());
                analysed.push((c, file));
                got.push((c, Got::Document(Box::new(doc))));
            }
            Ok(Some(Input::Store { store, .. })) => got.push((c, Got::Stored(store.articles))),
            Ok(None) => {}
            Err(d) => diagnostics.push(d),
        }
    }
    let mut articles = Vec::new();
    for (c, g) in got {
        if let Got::Stored(mut stored) = g {
            let shown = c.path.display().to_string();
            if stored.is_empty() {
                diagnostics.push(Diagnostic::warning(
                    &shown,
                    "an exported store with no articles in it",
                ));
            }
            let before = stored.len();
            stored.retain(|a| !read_here(&a.path, &analysed));
            let twice = before - stored.len();
            if twice > 0 {
                diagnostics.push(Diagnostic::warning(
                    &shown,
                    format!(
                        "{twice} of its {before} articles are files read here as well; \
                         each is loaded once, from its file"
                    ),
                ));
            }
            articles.push(Got::Stored(stored));
        } else {
            articles.push(g);
        }
    }
    let analysed: Vec<(Vec<Article>, bool)> = articles
        .into_par_iter()
        .map(|g| match g {
            Got::Document(doc) => (vec![article_from(*doc)], true),
            Got::Stored(stored) => (stored, false),
        })
        .collect();
    let mut articles = Vec::new();
    for (batch, read_now) in analysed {
        // the warnings of a file read now; a store's articles keep theirs quietly
        // (they name files that were not read in this run)
        if read_now {
            for a in &batch {
                for w in &a.warnings {
                    diagnostics.push(Diagnostic::warning(&a.path, w.clone()));
                }
            }
        }
        articles.extend(batch);
    }
    let mut store = Store {
        schema: SCHEMA,
        articles,
        comparisons: Vec::new(),
    };
    unique_ids(&mut store.articles);
    if compare {
        compare_all(&mut store);
    }
    Loaded {
        store,
        diagnostics,
        inputs: candidates.into_iter().map(|c| c.path).collect(),
    }
}

/// Is the article at `path` (as a store recorded it) one of the files `analysed` in this run:
/// the same file, or a file found whose path ends with the recorded one (the store was
/// exported from another directory)?
fn read_here(path: &str, analysed: &[(&Candidate, PathBuf)]) -> bool {
    let recorded = std::path::Path::new(path);
    let real = std::fs::canonicalize(recorded).ok();
    analysed.iter().any(|(c, canonical)| {
        real.as_ref() == Some(canonical)
            || (recorded.is_relative()
                && recorded.components().count() >= 1
                && c.path.ends_with(recorded))
    })
}

/// Clean and analyse one decoded document.
pub fn article_from(doc: Document) -> Article {
    let cleaned = clean::clean(&doc);
    let id = stem(&doc.path);
    let mut article = analyse::analyse(id, doc.path, cleaned);
    // the model boundary: whatever a stage made of the text, nothing unsafe gets in
    sanitise_article(&mut article);
    article
}

/// Build a store from documents in memory.
pub fn from_documents(docs: Vec<Document>) -> Store {
    let articles: Vec<Article> = docs.into_par_iter().map(article_from).collect();
    let mut store = Store {
        schema: SCHEMA,
        articles,
        comparisons: Vec::new(),
    };
    unique_ids(&mut store.articles);
    compare_all(&mut store);
    store
}

/// Work that spans articles: the comparisons of every pair.
pub fn compare_all(store: &mut Store) {
    store.comparisons = crate::compare::all_pairs(&store.articles);
}

fn stem(path: &str) -> String {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let stem = match name.rfind('.') {
        Some(i) if i > 0 => &name[..i],
        _ => name,
    };
    if stem.is_empty() {
        "article".to_owned()
    } else {
        stem.to_owned()
    }
}

/// Make article ids unique: a second `x` becomes `x-2`.
fn unique_ids(articles: &mut [Article]) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for a in articles.iter_mut() {
        if a.id.is_empty() {
            a.id = stem(&a.path);
        }
        let n = seen.entry(a.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            let mut k = *n;
            let mut candidate = format!("{}-{k}", a.id);
            while seen.contains_key(&candidate) {
                k += 1;
                candidate = format!("{}-{k}", a.id);
            }
            seen.insert(candidate.clone(), 1);
            a.id = candidate;
        }
    }
}

/// Parse an exported store, refusing unknown schema versions and half-valid files.
pub fn parse_store(bytes: &[u8]) -> Result<Store, String> {
    #[derive(serde::Deserialize)]
    struct Probe {
        schema: Option<serde_json::Value>,
    }
    // a byte-order mark (some editors add one) says nothing: read what follows it
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if let Some(what) = not_an_object(bytes) {
        return Err(format!(
            "not a crossread store: {what} (an export is a JSON object with \"schema\" and \"articles\")"
        ));
    }
    let parsed: Result<Store, _> = serde_json::from_slice(bytes);
    match parsed {
        Ok(mut store) if store.schema == SCHEMA => {
            sanitise_store(&mut store)?;
            Ok(store)
        }
        Ok(store) => Err(format!(
            "store schema {} is not supported (this crossread reads schema {SCHEMA})",
            store.schema
        )),
        Err(e) => {
            // name an unknown schema before a field error it may explain
            if let Ok(Probe {
                schema: Some(schema),
            }) = serde_json::from_slice::<Probe>(bytes)
                && schema != SCHEMA
            {
                return Err(format!(
                    "store schema {schema} is not supported (this crossread reads schema {SCHEMA})"
                ));
            }
            Err(format!("not a valid crossread store: {e}"))
        }
    }
}

/// What a JSON text is, when it is not an object: "a JSON array", "a JSON string" ….
fn not_an_object(bytes: &[u8]) -> Option<&'static str> {
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace())?;
    Some(match first {
        b'{' => return None,
        b'[' => "a JSON array",
        b'"' => "a JSON string",
        b't' | b'f' => "a JSON boolean",
        b'n' => "JSON null",
        b'-' | b'0'..=b'9' => "a JSON number",
        _ => return None,
    })
}

/// Strings in a loaded store may have been edited by hand: clean them as article text is.
/// An index that points outside its article refuses the whole store (repairing it would
/// shift every later index: a half-right store is worse than none). Comparisons are
/// recomputed, not trusted.
fn sanitise_store(store: &mut Store) -> Result<(), String> {
    for (i, a) in store.articles.iter_mut().enumerate() {
        sanitise_strings(a);
        if let Some(p) = crate::invariants::article_problems(a).first() {
            return Err(format!(
                "not a valid crossread store: article {} (`{}`): {p}",
                i + 1,
                crate::text::truncate(&a.id, 40)
            ));
        }
    }
    store.comparisons.clear();
    Ok(())
}

/// Make every string of an article safe to print ([`crate::text::sanitise`]) and every index
/// point inside it.
fn sanitise_article(a: &mut Article) {
    sanitise_strings(a);
    debug_assert!(
        crate::invariants::article_problems(a).is_empty(),
        "{:?}",
        crate::invariants::article_problems(a)
    );
    // indices must point inside the article
    let n = a.sentences.len();
    let np = a.paragraphs.len();
    a.sentences.retain(|s| s.paragraph < np);
    a.quotes.retain(|q| q.sentence < n);
    a.facts.retain(|f| f.sentence < n);
    a.claims.retain(|c| c.sentence < n);
    a.people
        .iter_mut()
        .for_each(|p| p.sentence = p.sentence.min(n.saturating_sub(1)));
}

/// Make every string of an article safe to print ([`crate::text::sanitise`]).
fn sanitise_strings(a: &mut Article) {
    fn fix(s: &mut String) {
        if !crate::text::is_clean(s) {
            *s = crate::text::sanitise(s);
        }
    }
    fn fix_opt(s: &mut Option<String>) {
        if let Some(s) = s {
            fix(s);
        }
    }
    {
        fix(&mut a.id);
        fix(&mut a.path);
        fix_opt(&mut a.title);
        fix_opt(&mut a.subtitle);
        fix_opt(&mut a.outlet);
        fix_opt(&mut a.published);
        a.authors.iter_mut().for_each(fix);
        a.paragraphs.iter_mut().for_each(fix);
        a.boilerplate.iter_mut().for_each(fix);
        a.boilerplate_reasons.iter_mut().for_each(fix);
        a.warnings.iter_mut().for_each(fix);
        for s in &mut a.sentences {
            fix(&mut s.text);
        }
        for p in &mut a.people {
            fix(&mut p.name);
            p.aliases.iter_mut().for_each(fix);
            fix_opt(&mut p.role);
            fix_opt(&mut p.affiliation);
            fix_opt(&mut p.side);
        }
        for q in &mut a.quotes {
            fix_opt(&mut q.speaker);
            fix(&mut q.text);
            fix_opt(&mut q.cue);
        }
        for f in &mut a.facts {
            fix(&mut f.text);
            fix_opt(&mut f.unit);
            fix_opt(&mut f.subject);
            fix_opt(&mut f.qualifier);
            fix_opt(&mut f.date);
            if let Some(alt) = &mut f.alt {
                fix_opt(&mut alt.unit);
            }
        }
        for c in &mut a.claims {
            fix(&mut c.id);
            fix_opt(&mut c.claimant);
            fix_opt(&mut c.side);
            fix(&mut c.text);
            c.disputes.iter_mut().for_each(fix);
        }
        if a.boilerplate_reasons.len() != a.boilerplate.len() {
            a.boilerplate_reasons.clear();
        }
    }
}

/// The store as pretty JSON (the export format).
pub fn to_json(store: &Store) -> String {
    let mut s = serde_json::to_string_pretty(store).unwrap_or_else(|_| String::from("{}"));
    s.push('\n');
    s
}

/// Write the store as [`to_json`] does, streamed into `out` (an export of 10,000 articles
/// is never held in memory as one string).
pub fn write_json(store: &Store, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, store).map_err(std::io::Error::from)?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique() {
        let mut a = vec![
            Article {
                path: "a/x.txt".into(),
                ..Article::default()
            },
            Article {
                path: "b/x.txt".into(),
                ..Article::default()
            },
            Article {
                path: "c/x.md".into(),
                ..Article::default()
            },
        ];
        unique_ids(&mut a);
        let ids: Vec<&str> = a.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["x", "x-2", "x-3"]);
    }

    #[test]
    fn refuses_unknown_schema_and_broken_json() {
        let e = parse_store(br#"{"schema": 2, "articles": []}"#).unwrap_err();
        assert!(e.contains("schema 2 is not supported"), "{e}");
        let e = parse_store(br#"{"schema": 1, "articles": [{"id": "a""#).unwrap_err();
        assert!(e.contains("line 1"), "{e}");
    }

    #[test]
    fn a_bom_is_skipped_and_other_json_is_named() {
        let ok = parse_store(b"\xef\xbb\xbf{\"schema\": 1, \"articles\": []}").unwrap();
        assert!(ok.articles.is_empty());
        let e = parse_store(b"  [{\"schema\": 1}]").unwrap_err();
        assert!(e.starts_with("not a crossread store: a JSON array"), "{e}");
        let e = parse_store(b"\"text\"").unwrap_err();
        assert!(e.contains("a JSON string"), "{e}");
    }

    #[test]
    fn the_streamed_export_is_the_same_text() {
        let store = load_seeds().store;
        let mut out = Vec::new();
        write_json(&store, &mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), to_json(&store));
    }

    #[test]
    fn seeds_are_embedded() {
        assert!(SEEDS.len() >= 2);
        let l = load_seeds();
        assert_eq!(l.store.articles.len(), SEEDS.len());
    }
}

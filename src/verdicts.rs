//! A fact-checker's verdicts: a fact, quote or claim marked verified, disputed or false, with
//! an optional note. They live in a small JSON sidecar beside the sources (never in the
//! article data, which a verdict must not change), written atomically ([`crate::atomic`]),
//! and travel with `export` (a `verdicts` list beside the articles) and `report`.
//!
//! A verdict names its item by article id, kind, sentence and text, so it finds the item
//! again after a restart or an export and reload, and is simply not shown if the item is gone.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::Store;

/// The version of the sidecar layout.
pub const SCHEMA: u32 = 1;

/// The sidecar's file name, in the directory of the first source.
pub const SIDECAR: &str = "crossread-verdicts.json";

/// What the checker found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    Verified,
    Disputed,
    False,
}

impl Mark {
    pub fn label(self) -> &'static str {
        match self {
            Mark::Verified => "verified",
            Mark::Disputed => "disputed",
            Mark::False => "false",
        }
    }

    /// A sign that reads without colour.
    pub fn sign(self) -> &'static str {
        match self {
            Mark::Verified => "✓",
            Mark::Disputed => "?",
            Mark::False => "✗",
        }
    }

    /// The next mark when cycling with `v`: verified → disputed → false → none.
    pub fn cycle(mark: Option<Mark>) -> Option<Mark> {
        match mark {
            None => Some(Mark::Verified),
            Some(Mark::Verified) => Some(Mark::Disputed),
            Some(Mark::Disputed) => Some(Mark::False),
            Some(Mark::False) => None,
        }
    }
}

/// Which kind of item a verdict is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    Fact,
    Quote,
    Claim,
}

impl ItemKind {
    pub fn label(self) -> &'static str {
        match self {
            ItemKind::Fact => "fact",
            ItemKind::Quote => "quote",
            ItemKind::Claim => "claim",
        }
    }
}

/// The item a verdict is on.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Item {
    /// The article's id in the store.
    pub article: String,
    pub kind: ItemKind,
    /// Index of the item's sentence in its article.
    pub sentence: usize,
    /// The item's text as extracted.
    pub text: String,
}

/// One verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    #[serde(flatten)]
    pub item: Item,
    pub verdict: Mark,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// All verdicts, in the order they were first given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdicts {
    pub schema: u32,
    pub verdicts: Vec<Verdict>,
}

impl Default for Verdicts {
    fn default() -> Self {
        Verdicts {
            schema: SCHEMA,
            verdicts: Vec::new(),
        }
    }
}

impl Verdicts {
    /// Read a sidecar; a missing file is no verdicts. Errors are one line.
    pub fn load(path: &Path) -> Result<Verdicts, String> {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Verdicts::default()),
            Err(e) => return Err(format!("{}: cannot read: {e}", path.display())),
        };
        let v: Verdicts = serde_json::from_slice(&bytes)
            .map_err(|e| format!("{}: not a verdicts file: {e}", path.display()))?;
        if v.schema != SCHEMA {
            return Err(format!(
                "{}: verdicts schema {} is not supported (this crossread reads {SCHEMA})",
                path.display(),
                v.schema
            ));
        }
        Ok(v.sanitised())
    }

    /// The verdicts carried by an exported store (its `verdicts` list), if any.
    pub fn from_store_json(bytes: &[u8]) -> Verdicts {
        #[derive(Deserialize)]
        struct Probe {
            #[serde(default)]
            verdicts: Vec<Verdict>,
        }
        let verdicts = serde_json::from_slice::<Probe>(bytes)
            .map(|p| p.verdicts)
            .unwrap_or_default();
        Verdicts {
            schema: SCHEMA,
            verdicts,
        }
        .sanitised()
    }

    /// Text from a file may hold anything: make it safe to print.
    fn sanitised(mut self) -> Verdicts {
        for v in &mut self.verdicts {
            v.item.article = crate::text::sanitise(&v.item.article);
            v.item.text = crate::text::sanitise(&v.item.text);
            if let Some(n) = &mut v.note {
                *n = crate::text::sanitise(n);
            }
        }
        self
    }

    /// Write the sidecar atomically: a save cut short leaves the old file whole.
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        let mut json = serde_json::to_string_pretty(self).map_err(std::io::Error::other)?;
        json.push('\n');
        // the data directory of the seeds' sidecar may not exist yet
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)?;
        }
        crate::atomic::write(path, json.as_bytes())
    }

    pub fn get(&self, item: &Item) -> Option<&Verdict> {
        self.verdicts.iter().find(|v| &v.item == item)
    }

    /// Set (or, with `None`, remove) the mark of an item, keeping its note.
    pub fn set(&mut self, item: Item, mark: Option<Mark>) {
        let pos = self.verdicts.iter().position(|v| v.item == item);
        match (pos, mark) {
            (Some(i), Some(m)) => self.verdicts[i].verdict = m,
            (Some(i), None) => {
                self.verdicts.remove(i);
            }
            (None, Some(m)) => self.verdicts.push(Verdict {
                item,
                verdict: m,
                note: None,
            }),
            (None, None) => {}
        }
    }

    /// Write the note of an item's verdict (an empty note removes it). An item without a
    /// verdict gets "disputed": a note is a reservation until the checker decides.
    pub fn set_note(&mut self, item: Item, note: &str) {
        let note = crate::text::sanitise(note.trim());
        let note = (!note.is_empty()).then_some(note);
        match self.verdicts.iter_mut().find(|v| v.item == item) {
            Some(v) => v.note = note,
            None => self.verdicts.push(Verdict {
                item,
                verdict: Mark::Disputed,
                note,
            }),
        }
    }

    /// Add `other`'s verdicts; where both judge an item, `other` wins.
    pub fn merge(&mut self, other: Verdicts) {
        for v in other.verdicts {
            match self.verdicts.iter_mut().find(|w| w.item == v.item) {
                Some(w) => *w = v,
                None => self.verdicts.push(v),
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.verdicts.is_empty()
    }
}

/// Where the verdicts on these sources are kept: beside the first one (in it, for a
/// directory); for the bundled seeds, in the user's data directory.
pub fn sidecar_for(paths: &[PathBuf]) -> Option<PathBuf> {
    let Some(first) = paths.first() else {
        let base = std::env::var_os("XDG_DATA_HOME")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
            .or_else(|| {
                std::env::var_os("HOME")
                    .filter(|v| !v.is_empty())
                    .map(|h| PathBuf::from(h).join(".local").join("share"))
            })?;
        return Some(base.join("crossread").join("seeds-verdicts.json"));
    };
    if first.is_dir() {
        return Some(first.join(SIDECAR));
    }
    let dir = first
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    Some(dir.join(SIDECAR))
}

/// The export JSON: the store, and its verdicts when there are any (without verdicts the
/// bytes are exactly [`crate::store::to_json`]'s).
pub fn export_json(store: &Store, verdicts: &Verdicts) -> String {
    let mut out = Vec::new();
    match write_export(store, verdicts, &mut out) {
        Ok(()) => String::from_utf8(out).unwrap_or_else(|_| String::from("{}\n")),
        Err(_) => String::from("{}\n"),
    }
}

/// Write [`export_json`]'s text into `out` as it is made (an export of 10,000 articles is
/// never held in memory as one string).
pub fn write_export(
    store: &Store,
    verdicts: &Verdicts,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    #[derive(Serialize)]
    struct WithVerdicts<'a> {
        #[serde(flatten)]
        store: &'a Store,
        verdicts: &'a [Verdict],
    }
    if verdicts.is_empty() {
        return crate::store::write_json(store, out);
    }
    let with = WithVerdicts {
        store,
        verdicts: &verdicts.verdicts,
    };
    serde_json::to_writer_pretty(&mut *out, &with).map_err(std::io::Error::from)?;
    out.write_all(b"\n")
}

/// The report's section on the verdicts, with each item's source label; empty without any.
pub fn markdown(store: &Store, verdicts: &Verdicts, labels: &[String]) -> String {
    if verdicts.is_empty() {
        return String::new();
    }
    let mut out = String::from("## Verdicts\n\n");
    for v in &verdicts.verdicts {
        let source = store
            .articles
            .iter()
            .position(|a| a.id == v.item.article)
            .and_then(|i| labels.get(i))
            .map_or(v.item.article.as_str(), String::as_str);
        let _ = write!(
            out,
            "- {} **{}** {} “{}” ({})",
            v.verdict.sign(),
            v.verdict.label(),
            v.item.kind.label(),
            crate::compare::report::escape(&v.item.text),
            crate::compare::report::escape(source)
        );
        if let Some(n) = &v.note {
            let _ = write!(out, ": {}", crate::compare::report::escape(n));
        }
        out.push('\n');
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(text: &str) -> Item {
        Item {
            article: "a1".into(),
            kind: ItemKind::Fact,
            sentence: 3,
            text: text.into(),
        }
    }

    #[test]
    fn cycling_and_notes() {
        let mut v = Verdicts::default();
        let it = item("10 km");
        let mut m = None;
        for want in [
            Some(Mark::Verified),
            Some(Mark::Disputed),
            Some(Mark::False),
            None,
        ] {
            m = Mark::cycle(m);
            v.set(it.clone(), m);
            assert_eq!(v.get(&it).map(|x| x.verdict), want);
        }
        v.set_note(it.clone(), "  ask the ministry ");
        assert_eq!(v.get(&it).unwrap().verdict, Mark::Disputed);
        assert_eq!(
            v.get(&it).unwrap().note.as_deref(),
            Some("ask the ministry")
        );
        v.set(it.clone(), Some(Mark::Verified));
        assert_eq!(
            v.get(&it).unwrap().note.as_deref(),
            Some("ask the ministry")
        );
    }

    #[test]
    fn save_and_load_round_trip_and_bad_files_are_one_line_errors() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("not-yet").join(SIDECAR);
        assert_eq!(Verdicts::load(&p).unwrap(), Verdicts::default());
        let mut v = Verdicts::default();
        v.set(item("some 60,000 people"), Some(Mark::False));
        v.save(&p).unwrap();
        assert_eq!(Verdicts::load(&p).unwrap(), v);
        std::fs::write(&p, "{\"schema\": 9, \"verdicts\": []}").unwrap();
        let e = Verdicts::load(&p).unwrap_err();
        assert!(e.contains("schema 9") && !e.contains('\n'), "{e}");
        std::fs::write(&p, "not json").unwrap();
        assert!(Verdicts::load(&p).is_err());
    }

    #[test]
    fn export_without_verdicts_is_the_plain_store() {
        let store = Store::default();
        assert_eq!(
            export_json(&store, &Verdicts::default()),
            crate::store::to_json(&store)
        );
        let mut v = Verdicts::default();
        v.set(item("x"), Some(Mark::Verified));
        let json = export_json(&store, &v);
        assert_eq!(Verdicts::from_store_json(json.as_bytes()), v);
        // the store itself still parses from it
        assert!(crate::store::parse_store(json.as_bytes()).is_ok());
    }
}

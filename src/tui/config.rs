//! The user's configuration: `$XDG_CONFIG_HOME/crossread/config.toml` (else
//! `~/.config/crossread/config.toml`), or the file given with `--config`.
//!
//! ```toml
//! mouse = true            # same as --mouse
//! [keys]
//! quit = ["q", "ctrl-q"]  # an action name from the help overlay, one key or a list
//! swap = "x"
//! [labels]
//! "a1b2c3.txt" = "Kyiv Post"  # a source's name (path, file name or stem = name)
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::action::Action;
use super::keymap::{Key, Keymap};

/// What the configuration file sets.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    pub keymap: Keymap,
    pub mouse: bool,
    /// The user's names for sources (the `[labels]` table: FILE = "NAME").
    pub labels: Vec<crate::labels::Override>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    mouse: bool,
    #[serde(default)]
    keys: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
    #[serde(default)]
    labels: BTreeMap<String, String>,
}

/// The default location of the configuration file.
pub fn default_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|v| !v.is_empty())
                .map(|h| PathBuf::from(h).join(".config"))
        })?;
    Some(base.join("crossread").join("config.toml"))
}

/// Load the configuration: `explicit` must exist; the default file may be missing.
/// Errors are one line naming the file and, where known, the line and column.
pub fn load(explicit: Option<&Path>) -> Result<Config, String> {
    let (path, required) = match explicit {
        Some(p) => (p.to_path_buf(), true),
        None => match default_path() {
            Some(p) => (p, false),
            None => return Ok(Config::default()),
        },
    };
    match read_capped(&path) {
        Ok(text) => parse(&text).map_err(|e| format!("{}: {e}", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => Ok(Config::default()),
        Err(e) => Err(format!(
            "{}: cannot read: {}",
            path.display(),
            io_reason(&e)
        )),
    }
}

/// A configuration file larger than this is refused (a real one is a few hundred bytes).
pub const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// Read a configuration file: a regular file only (a FIFO would block, `/dev/zero` never
/// ends), of at most [`MAX_CONFIG_BYTES`].
fn read_capped(path: &Path) -> std::io::Result<String> {
    use std::io::{Error, ErrorKind, Read};
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        let what = crate::ingest::special_kind(&meta).unwrap_or("not a regular file");
        return Err(Error::new(ErrorKind::InvalidInput, what));
    }
    let mut text = String::new();
    std::fs::File::open(path)?
        .take(MAX_CONFIG_BYTES + 1)
        .read_to_string(&mut text)?;
    if text.len() as u64 > MAX_CONFIG_BYTES {
        return Err(Error::new(
            ErrorKind::InvalidData,
            "over the 1 MiB limit for a configuration file",
        ));
    }
    Ok(text)
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => e.to_string(),
    }
}

/// Parse the text of a configuration file.
pub fn parse(text: &str) -> Result<Config, String> {
    let raw: RawConfig = toml::from_str(text).map_err(|e| {
        let msg = e.message().trim().replace('\n', " ");
        match e.span() {
            Some(span) => format!("{}: {msg}", position(text, span.start)),
            None => msg,
        }
    })?;
    let mut keymap = Keymap::default();
    for (name, keys) in raw.keys {
        let at = |span: std::ops::Range<usize>| position(text, span.start);
        let action: Action =
            serde_json::from_value(serde_json::Value::String(name.get_ref().clone()))
                .ok()
                .filter(|a| keymap.binding(*a).is_some())
                .ok_or_else(|| {
                    format!(
                        "{}: unknown action `{}` (the help overlay lists them)",
                        at(name.span()),
                        name.get_ref()
                    )
                })?;
        let span = keys.span();
        let list: Vec<String> = match keys.into_inner() {
            toml::Value::String(k) => vec![k],
            toml::Value::Array(items) => items
                .into_iter()
                .map(|v| match v {
                    toml::Value::String(k) => Some(k),
                    _ => None,
                })
                .collect::<Option<Vec<_>>>()
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        if list.is_empty() {
            return Err(format!(
                "{}: `{}` needs a key or a list of keys, e.g. \"q\" or [\"q\", \"ctrl-c\"]",
                at(span.clone()),
                name.get_ref()
            ));
        }
        let mut parsed = Vec::with_capacity(list.len());
        for k in &list {
            parsed.push(Key::parse(k).map_err(|e| format!("{}: {e}", at(span.clone())))?);
        }
        keymap
            .rebind(action, parsed)
            .map_err(|e| format!("{}: {e}", at(name.span())))?;
    }
    let labels = raw
        .labels
        .into_iter()
        .filter(|(file, name)| !file.trim().is_empty() && !name.trim().is_empty())
        .map(|(file, name)| crate::labels::Override {
            pattern: file.trim().to_owned(),
            name: crate::text::sanitise(name.trim()),
        })
        .collect();
    Ok(Config {
        keymap,
        mouse: raw.mouse,
        labels,
    })
}

/// `line L, column C` (1-based) of a byte offset.
fn position(text: &str, offset: usize) -> String {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before
        .rsplit('\n')
        .next()
        .map_or(1, |l| l.chars().count() + 1);
    format!("line {line}, column {col}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::Context;

    #[test]
    fn rebinds_keys_and_reads_mouse() {
        let c = parse("mouse = true\n[keys]\nquit = [\"x\", \"ctrl-c\"]\nswap = \"w\"\n").unwrap();
        assert!(c.mouse);
        let k = &c.keymap;
        assert_eq!(
            k.lookup(Key::parse("x").unwrap(), Context::Read),
            Some(Action::Quit)
        );
        assert_eq!(k.lookup(Key::parse("q").unwrap(), Context::Read), None);
        assert_eq!(
            k.lookup(Key::parse("w").unwrap(), Context::Compare),
            Some(Action::Swap)
        );
    }

    #[test]
    fn errors_name_the_position() {
        let e = parse("[keys]\nquitt = \"x\"\n").unwrap_err();
        assert_eq!(
            e,
            "line 2, column 1: unknown action `quitt` (the help overlay lists them)"
        );
        let e = parse("[keys]\nquit = \"hyper-x\"\n").unwrap_err();
        assert_eq!(e, "line 2, column 8: unknown key `hyper-x`");
        let e = parse("[keys\nquit = 1\n").unwrap_err();
        assert!(e.starts_with("line 1, column "), "{e}");
        assert!(!e.contains('\n'));
        let e = parse("colour = 3\n").unwrap_err();
        assert!(e.starts_with("line 1, column 1: unknown field"), "{e}");
        let e = parse("[keys]\nresize = \"x\"\n").unwrap_err();
        assert!(e.contains("unknown action `resize`"), "{e}");
    }

    #[test]
    fn labels_table_names_sources() {
        let c = parse("[labels]\n\"dir/x.txt\" = \"Wire copy\"\n").unwrap();
        assert_eq!(c.labels.len(), 1);
        assert_eq!(c.labels[0].pattern, "dir/x.txt");
        assert_eq!(c.labels[0].name, "Wire copy");
    }

    #[test]
    fn a_missing_default_file_is_fine_but_a_missing_explicit_one_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nope.toml");
        let e = load(Some(&missing)).unwrap_err();
        assert!(e.ends_with("nope.toml: cannot read: no such file"), "{e}");
        let broken = dir.path().join("broken.toml");
        std::fs::write(&broken, "[keys]\nquit = 3\n").unwrap();
        let e = load(Some(&broken)).unwrap_err();
        assert!(e.contains("broken.toml: line 2, column 8"), "{e}");
    }
}

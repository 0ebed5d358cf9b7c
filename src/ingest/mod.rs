//! Reading articles: paths and directories, encodings, formats, and the cleaning of web-page
//! furniture. Nothing here panics on bad input: every problem becomes a [`Diagnostic`] naming
//! the file, and the other files still load.

pub mod boilerplate;
pub mod clean;
pub mod html;
pub mod layout;
pub mod markdown;
pub mod metadata;

use std::collections::HashSet;
use std::fmt;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::model::Store;

/// Article files larger than this are refused (a news article is rarely over 1 MiB; this
/// bounds the time and memory one file can take).
pub const MAX_ARTICLE_BYTES: u64 = 16 * 1024 * 1024;
/// Exported stores larger than this are refused.
pub const MAX_STORE_BYTES: u64 = 2 * 1024 * 1024 * 1024;
/// Directories deeper than this are not followed.
const MAX_DEPTH: usize = 64;

/// How bad a problem is: a warning lets the file (or the rest) load, an error skips it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Warning,
    Error,
}

/// One problem with one path, printed as a single line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub level: Level,
    pub path: String,
    pub message: String,
}

impl Diagnostic {
    /// A problem that lets the file (or the rest) load. Path and message are sanitised: both
    /// can quote the input (a file name, a parser's message naming an unknown field).
    pub fn warning(path: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            level: Level::Warning,
            path: crate::text::sanitise(path),
            message: crate::text::sanitise(&message.into()),
        }
    }

    /// A problem that skips the file.
    pub fn error(path: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            level: Level::Error,
            path: crate::text::sanitise(path),
            message: crate::text::sanitise(&message.into()),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.level {
            Level::Warning => "warning",
            Level::Error => "error",
        };
        write!(f, "{level}: {}: {}", self.path, self.message)
    }
}

/// The format of an article file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
}

/// A decoded article file, before cleaning.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The path as given (or `seeds/NAME` for the bundled seeds).
    pub path: String,
    pub format: Format,
    /// Normalised text (NFC, `\n` line ends, no control characters).
    pub text: String,
    pub warnings: Vec<String>,
}

impl Document {
    /// A document from text already in memory. The path is sanitised too: a file name can
    /// carry escape sequences as well as the text can.
    pub fn from_text(path: &str, format: Format, raw: &str) -> Document {
        Document {
            path: crate::text::sanitise(path),
            format,
            text: crate::text::normalise(raw),
            warnings: Vec::new(),
        }
    }
}

/// What one file turned out to be.
#[derive(Debug)]
pub enum Input {
    Document(Document),
    Store { path: String, store: Box<Store> },
}

/// A file to read, with the format its name suggests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub path: PathBuf,
    pub kind: CandidateKind,
    /// Named on the command line (rather than found in a directory).
    pub explicit: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CandidateKind {
    Article(Format),
    Store,
    Unknown,
}

fn kind_of(path: &Path) -> CandidateKind {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("txt" | "text") => CandidateKind::Article(Format::Text),
        Some("md" | "markdown") => CandidateKind::Article(Format::Markdown),
        Some("html" | "htm" | "xhtml") => CandidateKind::Article(Format::Html),
        Some("json") => CandidateKind::Store,
        _ => CandidateKind::Unknown,
    }
}

/// Expand the command-line paths into files: directories are walked (sorted, hidden entries
/// skipped, symlink loops broken), files are taken as they are.
pub fn discover(paths: &[PathBuf]) -> (Vec<Candidate>, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let mut diags = Vec::new();
    for p in paths {
        let shown = p.display().to_string();
        match fs::metadata(p) {
            Err(e) => diags.push(Diagnostic::error(&shown, io_reason(&e))),
            Ok(m) if m.is_dir() => {
                let before = out.len();
                let mut visited = HashSet::new();
                walk(p, 0, &mut visited, &mut out, &mut diags);
                if out.len() == before {
                    diags.push(Diagnostic::warning(
                        &shown,
                        "no articles here (looked for .txt, .md, .html, .htm and store .json files)",
                    ));
                }
            }
            Ok(m) if !m.is_file() => diags.push(Diagnostic::warning(
                &shown,
                format!(
                    "{}; skipped",
                    special_kind(&m).unwrap_or("not a regular file")
                ),
            )),
            Ok(_) => out.push(Candidate {
                path: p.clone(),
                kind: kind_of(p),
                explicit: true,
            }),
        }
    }
    (out, diags)
}

/// What a file that is neither a regular file nor a directory is ("a FIFO", "a device" …):
/// reading one can block for ever (a FIFO with no writer) or never end (`/dev/zero`).
pub fn special_kind(m: &fs::Metadata) -> Option<&'static str> {
    if m.is_file() || m.is_dir() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = m.file_type();
        if t.is_fifo() {
            return Some("a FIFO (named pipe), not a regular file");
        }
        if t.is_char_device() || t.is_block_device() {
            return Some("a device, not a regular file");
        }
        if t.is_socket() {
            return Some("a socket, not a regular file");
        }
    }
    Some("not a regular file")
}

fn walk(
    dir: &Path,
    depth: usize,
    visited: &mut HashSet<PathBuf>,
    out: &mut Vec<Candidate>,
    diags: &mut Vec<Diagnostic>,
) {
    let shown = dir.display().to_string();
    if depth > MAX_DEPTH {
        diags.push(Diagnostic::warning(
            &shown,
            "too deeply nested; not followed",
        ));
        return;
    }
    match fs::canonicalize(dir) {
        Ok(real) => {
            if !visited.insert(real) {
                diags.push(Diagnostic::warning(
                    &shown,
                    "directory already visited (symlink loop?); skipped",
                ));
                return;
            }
        }
        Err(e) => {
            diags.push(Diagnostic::warning(&shown, io_reason(&e)));
            return;
        }
    }
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            diags.push(Diagnostic::warning(&shown, io_reason(&e)));
            return;
        }
    };
    let mut names: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.path())
        .collect();
    names.sort();
    for path in names {
        match fs::metadata(&path) {
            Ok(m) if m.is_dir() => walk(&path, depth + 1, visited, out, diags),
            Ok(m) if !m.is_file() => {
                if kind_of(&path) != CandidateKind::Unknown {
                    diags.push(Diagnostic::warning(
                        &path.display().to_string(),
                        format!(
                            "{}; skipped",
                            special_kind(&m).unwrap_or("not a regular file")
                        ),
                    ));
                }
            }
            Ok(_) => {
                let kind = kind_of(&path);
                if kind != CandidateKind::Unknown {
                    out.push(Candidate {
                        path,
                        kind,
                        explicit: false,
                    });
                }
            }
            Err(e) => diags.push(Diagnostic::warning(
                &path.display().to_string(),
                io_reason(&e),
            )),
        }
    }
}

/// A short reason for an I/O error, without the OS error number.
fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "no such file or directory".to_owned(),
        PermissionDenied => "permission denied".to_owned(),
        IsADirectory => "is a directory".to_owned(),
        _ => {
            let s = e.to_string();
            let s = match s.find(" (os error") {
                Some(i) => &s[..i],
                None => &s,
            };
            if s.contains("levels of symbolic links") {
                return "symlink loop; skipped".to_owned();
            }
            // "Too many …" reads as a sentence start; the message follows a path and a colon
            let mut chars = s.chars();
            match chars.next() {
                Some(c) => c.to_lowercase().chain(chars).collect(),
                None => String::new(),
            }
        }
    }
}

/// Read and decode one candidate. `Ok(None)` means skipped quietly (a directory's non-store
/// JSON); problems that skip the file are `Err`, problems that let it load are in the
/// document's warnings.
pub fn read(c: &Candidate) -> Result<Option<Input>, Diagnostic> {
    let shown = c.path.display().to_string();
    let limit = if c.kind == CandidateKind::Store {
        MAX_STORE_BYTES
    } else {
        MAX_ARTICLE_BYTES
    };
    let bytes = read_limited(&c.path, limit).map_err(|m| Diagnostic::error(&shown, m))?;
    from_bytes(c, &bytes)
}

/// Decode the bytes of one candidate that were already read (the part of [`read`] after the
/// I/O, so that tests and fuzzers can feed it any bytes).
pub fn from_bytes(c: &Candidate, bytes: &[u8]) -> Result<Option<Input>, Diagnostic> {
    let shown = c.path.display().to_string();
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Diagnostic::warning(&shown, "empty file; skipped"));
    }
    if let Some(what) = binary_kind(bytes) {
        return Err(Diagnostic::warning(
            &shown,
            format!("{what}, not text; skipped"),
        ));
    }
    if c.kind == CandidateKind::Store || looks_like_store(bytes) {
        return match crate::store::parse_store(bytes) {
            Ok(store) => Ok(Some(Input::Store {
                path: crate::text::sanitise(&shown),
                store: Box::new(store),
            })),
            Err(e) if c.kind == CandidateKind::Store && !c.explicit && !looks_like_store(bytes) => {
                // some other JSON in a directory: not ours
                let _ = e;
                Ok(None)
            }
            Err(e) => Err(Diagnostic::error(&shown, e)),
        };
    }
    let (text, mut warnings) = decode(bytes);
    let format = match c.kind {
        CandidateKind::Article(f) => f,
        _ => sniff_format(&text),
    };
    let mut doc = Document::from_text(&shown, format, &text);
    doc.warnings.append(&mut warnings);
    Ok(Some(Input::Document(doc)))
}

fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    if let Some(what) = fs::metadata(path).ok().as_ref().and_then(special_kind) {
        return Err(format!("{what}; skipped"));
    }
    let file = fs::File::open(path).map_err(|e| io_reason(&e))?;
    let meta = file.metadata().map_err(|e| io_reason(&e))?;
    if meta.is_dir() {
        return Err("is a directory".to_owned());
    }
    if meta.len() > limit {
        return Err(format!(
            "{} MiB is over the {} MiB limit for one file; skipped",
            meta.len() / (1024 * 1024),
            limit / (1024 * 1024)
        ));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // `take` bounds the read even if the file grows while we read it
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_reason(&e))?;
    if bytes.len() as u64 > limit {
        return Err(format!(
            "over the {} MiB limit for one file; skipped",
            limit / (1024 * 1024)
        ));
    }
    Ok(bytes)
}

/// Does this look like an exported store (a JSON object with a `schema` key first)?
fn looks_like_store(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let head = &bytes[..bytes.len().min(64)];
    let s = String::from_utf8_lossy(head);
    let s = s.trim_start();
    s.starts_with('{') && s[1..].trim_start().starts_with("\"schema\"")
}

/// Name the kind of a binary file, if it is one.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: [(&[u8], &str); 10] = [
        (b"%PDF", "a PDF file"),
        (b"\x89PNG", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"PK\x03\x04", "a ZIP archive (or office document)"),
        (b"\x1f\x8b", "a gzip archive"),
        (b"\x7fELF", "an executable"),
        (b"RIFF", "a RIFF media file"),
        (b"\xd0\xcf\x11\xe0", "an old office document"),
        (b"BZh", "a bzip2 archive"),
    ];
    for (magic, what) in MAGIC {
        if bytes.starts_with(magic) {
            return Some(what);
        }
    }
    let head = &bytes[..bytes.len().min(8192)];
    // UTF-16 text has NULs too
    let utf16 = head.starts_with(b"\xff\xfe")
        || head.starts_with(b"\xfe\xff")
        || utf16_without_bom(bytes).is_some();
    // more than the odd NUL (scraped text can hold a stray one: it is dropped with the other
    // control characters)
    let nuls = head.iter().filter(|&&b| b == 0).count();
    if !utf16 && nuls * 100 > head.len() {
        return Some("a binary file");
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    (!utf16 && controls * 10 > head.len()).then_some("a binary file")
}

/// Decode bytes as UTF-8 (or UTF-16 with a BOM). Invalid UTF-8 that holds no valid multi-byte
/// sequences is read as Windows-1252 (Latin-1 text); otherwise bad bytes become U+FFFD.
pub fn decode(bytes: &[u8]) -> (String, Vec<String>) {
    // UTF-16 without a BOM is valid UTF-8 when its text is ASCII (NULs between letters)
    if utf16_without_bom(bytes).is_some()
        && let Some(s) = decode_utf16(bytes)
    {
        return (
            s,
            vec!["decoded from UTF-16 (no byte-order mark)".to_owned()],
        );
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return (s.to_owned(), Vec::new());
    }
    if let Some(s) = decode_utf16(bytes) {
        return (s, vec!["decoded from UTF-16".to_owned()]);
    }
    let lossy = String::from_utf8_lossy(bytes);
    let bad = lossy.matches('\u{fffd}').count();
    let good_multibyte = lossy
        .chars()
        .filter(|&c| !c.is_ascii() && c != '\u{fffd}')
        .count();
    if good_multibyte > bad {
        let s = lossy.into_owned();
        (
            s,
            vec![format!(
                "not valid UTF-8: {bad} bad byte sequence(s) replaced with \u{fffd}"
            )],
        )
    } else {
        (
            bytes.iter().map(|&b| windows_1252(b)).collect(),
            vec!["not valid UTF-8; read as Windows-1252 (Latin-1)".to_owned()],
        )
    }
}

/// UTF-16 without a byte-order mark, told by its NULs: text in a Latin script has a NUL in
/// every other byte, on one side only (the high byte: odd offsets little-endian, even ones
/// big-endian). `Some(true)` for little-endian.
fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    let head = &bytes[..bytes.len().min(8192) & !1];
    let pairs = head.len() / 2;
    if pairs < 2 {
        return None;
    }
    let even = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    // most high bytes NUL, almost no low byte NUL (that would be binary)
    if odd * 10 >= pairs * 7 && even * 50 <= pairs {
        Some(true)
    } else if even * 10 >= pairs * 7 && odd * 50 <= pairs {
        Some(false)
    } else {
        None
    }
}

fn decode_utf16(bytes: &[u8]) -> Option<String> {
    let (le, body) = if let Some(b) = bytes.strip_prefix(b"\xff\xfe") {
        (true, b)
    } else if let Some(b) = bytes.strip_prefix(b"\xfe\xff") {
        (false, b)
    } else if let Some(le) = utf16_without_bom(bytes) {
        (le, bytes)
    } else {
        return None;
    };
    let units: Vec<u16> = body
        .chunks_exact(2)
        .map(|c| {
            if le {
                u16::from_le_bytes([c[0], c[1]])
            } else {
                u16::from_be_bytes([c[0], c[1]])
            }
        })
        .collect();
    Some(String::from_utf16_lossy(&units))
}

/// One byte of Windows-1252 as a char (0x80..0x9F hold typographic marks there, not C1).
fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

/// Guess the format of a file with no telling extension.
fn sniff_format(text: &str) -> Format {
    let head: String = text
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.contains("<html") || head.contains("<!doctype html") || head.contains("<body") {
        Format::Html
    } else {
        Format::Text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_latin1_and_lossy_utf8() {
        let (s, w) = decode(b"caf\xe9 \x93quoted\x94");
        assert_eq!(s, "café “quoted”");
        assert!(w[0].contains("Windows-1252"));
        let (s, w) = decode("naïve – text \u{e9}".as_bytes());
        assert!(w.is_empty());
        assert_eq!(s, "naïve – text é");
        let mut mixed = "naïve – déjà vu ".as_bytes().to_vec();
        mixed.push(0xff);
        let (s, w) = decode(&mixed);
        assert!(s.ends_with('\u{fffd}'));
        assert!(w[0].contains("replaced"));
    }

    #[test]
    fn detects_binary_files() {
        assert_eq!(binary_kind(b"%PDF-1.7 ..."), Some("a PDF file"));
        assert_eq!(binary_kind(b"\x89PNG\r\n\x1a\n"), Some("a PNG image"));
        assert_eq!(binary_kind(b"abc\0def"), Some("a binary file"));
        assert_eq!(binary_kind(b"plain text\n\x1b[31mred\x1b[0m"), None);
    }

    #[test]
    fn recognises_exported_stores() {
        assert!(looks_like_store(
            b"{\n  \"schema\": 1,\n  \"articles\": []}"
        ));
        assert!(!looks_like_store(b"{\"about\": 1}"));
    }
}

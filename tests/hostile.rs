//! The bad-input matrix: the real binary pointed at what readers really save — missing
//! paths, empty and binary files, old encodings, huge files, thousands of files, symlink
//! loops, broken stores, escape sequences, endless lines, unbalanced quotes. Each case ends
//! with one clear line on stderr per problem, and the good article given alongside still
//! loads. Also: nothing an article holds reaches the output as a control character, and
//! `export -o` never loses data.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use crossread::Store;

mod common;
use common::{crossread, stderr, stdout};

const GOOD: &str = "Council closes the old bridge\n\nThe council voted on Monday to close the old bridge to all traffic after inspectors found cracks.\n\n\"It is simply not safe,\" said Jane Roe, the city engineer.\n";

/// A temp dir holding `good.txt` (the article that must still load).
fn setup() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let good = dir.path().join("good.txt");
    fs::write(&good, GOOD).expect("write");
    (dir, good)
}

/// `crossread summary good BAD…`: succeeds, prints exactly `lines` lines on stderr, each
/// containing the matching needle, and the good article is in the summary.
fn summary_with(good: &Path, bad: &[&Path], needles: &[&str]) -> Output {
    let mut args: Vec<&Path> = vec![Path::new("summary"), good];
    args.extend_from_slice(bad);
    let o = crossread(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert_eq!(
        err.lines().count(),
        needles.len(),
        "one line per problem:\n{err}"
    );
    for (line, needle) in err.lines().zip(needles) {
        assert!(line.starts_with("crossread: "), "{line}");
        assert!(line.contains(needle), "{needle:?} not in {line:?}");
    }
    let out = stdout(&o);
    assert!(
        out.lines()
            .any(|l| l.starts_with("good ") && l.contains(" words")),
        "the good article loaded:\n{out}"
    );
    o
}

fn export_store(o: &Output) -> Store {
    serde_json::from_slice(&o.stdout).expect("export prints a store")
}

#[test]
fn missing_path() {
    let (dir, good) = setup();
    let missing = dir.path().join("no-such-article.txt");
    summary_with(
        &good,
        &[&missing],
        &["no-such-article.txt: no such file or directory"],
    );
}

#[test]
fn empty_directory() {
    let (dir, good) = setup();
    let empty = dir.path().join("empty");
    fs::create_dir(&empty).unwrap();
    summary_with(&good, &[&empty], &["empty: no articles here"]);
    // and alone: nothing loaded is an error, still one line per problem
    let o = crossread(&[Path::new("summary"), &empty]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o).lines().count(), 2, "{}", stderr(&o));
    assert!(stderr(&o).contains("crossread: error: no articles loaded"));
}

#[test]
fn empty_file() {
    let (dir, good) = setup();
    let empty = dir.path().join("empty.txt");
    fs::write(&empty, "").unwrap();
    let blank = dir.path().join("blank.md");
    fs::write(&blank, " \n\t\r\n").unwrap();
    summary_with(
        &good,
        &[&empty, &blank],
        &[
            "empty.txt: empty file; skipped",
            "blank.md: empty file; skipped",
        ],
    );
}

#[test]
fn binary_file() {
    let (dir, good) = setup();
    // a PNG under an article's name, and NUL-laden bytes without a known signature
    let png = dir.path().join("photo.txt");
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0".to_vec();
    bytes.extend((0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8));
    fs::write(&png, &bytes).unwrap();
    let blob = dir.path().join("blob.html");
    fs::write(&blob, [0u8, 1, 2, 3, 0, 255, 254, 0, 7, 8].repeat(100)).unwrap();
    summary_with(
        &good,
        &[&png, &blob],
        &[
            "photo.txt: a PNG image, not text; skipped",
            "blob.html: a binary file, not text; skipped",
        ],
    );
}

#[test]
fn invalid_utf8_is_read_as_latin1_with_a_warning() {
    let (dir, good) = setup();
    let latin = dir.path().join("latin.txt");
    fs::write(
        &latin,
        b"Caf\xe9 owners protest\n\nThe caf\xe9 owners said the new r\xe8gles were unfair.\n",
    )
    .unwrap();
    summary_with(
        &good,
        &[&latin],
        &["latin.txt: not valid UTF-8; read as Windows-1252 (Latin-1)"],
    );
    let o = crossread(&[Path::new("export"), &latin]);
    let store = export_store(&o);
    let text = store.articles[0].paragraphs.join("\n");
    assert!(
        text.contains("The café owners said the new règles"),
        "{text}"
    );
}

#[test]
fn a_50_mb_file_is_refused_quickly_above_the_documented_limit() {
    let (dir, good) = setup();
    let big = dir.path().join("big.txt");
    let paragraph = "The council met again and talked about the bridge for a long time.\n\n";
    let mut text = String::with_capacity(50 * 1024 * 1024 + paragraph.len());
    while text.len() < 50 * 1024 * 1024 {
        text.push_str(paragraph);
    }
    fs::write(&big, &text).unwrap();
    drop(text);
    let start = Instant::now();
    summary_with(
        &good,
        &[&big],
        &["big.txt: 50 MiB is over the 16 MiB limit for one file; skipped"],
    );
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(crossread::ingest::MAX_ARTICLE_BYTES, 16 * 1024 * 1024);
}

#[test]
fn ten_thousand_small_files() {
    let (dir, good) = setup();
    let many = dir.path().join("many");
    fs::create_dir(&many).unwrap();
    for i in 0..10_000 {
        fs::write(
            many.join(format!("n{i:05}.txt")),
            format!("Note {i}\n\nThe council met on day {i}.\n"),
        )
        .unwrap();
    }
    // one of them is broken: it is named, the 9,999 others load
    fs::write(many.join("n05000.txt"), b"\x7fELF\x02\x01\x01\0").unwrap();
    let o = summary_with(&good, &[&many], &["n05000.txt: an executable, not text"]);
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 1 + 9_999);
    assert!(out.lines().any(|l| l.starts_with("n09999 ")));
}

#[cfg(unix)]
#[test]
fn a_symlink_loop() {
    use std::os::unix::fs::symlink;
    let (dir, good) = setup();
    // a folder that contains a link to itself, and two file links naming each other
    let folder = dir.path().join("folder");
    fs::create_dir(&folder).unwrap();
    fs::write(
        folder.join("inside.txt"),
        GOOD.replace("Jane Roe", "Ann Poe"),
    )
    .unwrap();
    symlink("../folder", folder.join("again")).unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    symlink(&b, &a).unwrap();
    symlink(&a, &b).unwrap();
    let o = summary_with(
        &good,
        &[&folder, &a],
        &[
            "folder/again: directory already visited (symlink loop?); skipped",
            "a.txt: symlink loop; skipped",
        ],
    );
    assert!(stdout(&o).lines().any(|l| l.starts_with("inside ")));
}

/// The store of the good article, as `crossread export` writes it.
fn good_store(dir: &Path, good: &Path) -> String {
    let o = crossread(&[Path::new("export"), good]);
    assert!(o.status.success());
    let json = stdout(&o);
    fs::write(dir.join("store.json"), &json).unwrap();
    json
}

/// Load `good.txt` and a broken store: the store is refused whole with `needles`, the article
/// loads, and nothing from the store is in the output.
fn refused_store(good: &Path, store: &Path, needles: &[&str]) {
    let o = crossread(&[Path::new("export"), good, store]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    for n in needles {
        assert!(err.contains(n), "{n:?} not in {err}");
    }
    let loaded = export_store(&o);
    assert_eq!(loaded.articles.len(), 1, "never a half-loaded store");
    assert_eq!(loaded.articles[0].path, good.display().to_string());
}

#[test]
fn a_truncated_store() {
    let (dir, good) = setup();
    let json = good_store(dir.path(), &good);
    let cut = dir.path().join("cut.json");
    fs::write(&cut, &json[..json.len() / 2]).unwrap();
    refused_store(
        &good,
        &cut,
        &[
            "cut.json: not a valid crossread store: ",
            " at line ",
            " column ",
        ],
    );
    // cut anywhere — even inside a multi-byte character — never panics or half-loads
    for n in (1..json.len()).step_by(json.len() / 13) {
        fs::write(&cut, &json.as_bytes()[..n]).unwrap();
        refused_store(&good, &cut, &["cut.json: "]);
    }
}

#[test]
fn a_hand_edited_store() {
    let (dir, good) = setup();
    let json = good_store(dir.path(), &good);
    let edited = dir.path().join("edited.json");
    // a number made a word: serde names the place
    let wrong_type = json.replacen("\"paragraph\": 0", "\"paragraph\": \"first\"", 1);
    assert_ne!(wrong_type, json);
    fs::write(&edited, &wrong_type).unwrap();
    let line = 1 + wrong_type[..wrong_type.find("\"first\"").unwrap()]
        .matches('\n')
        .count();
    refused_store(
        &good,
        &edited,
        &[
            "edited.json: not a valid crossread store: invalid type: string \"first\", expected usize",
            &format!(" at line {line} column "),
        ],
    );
    // a trailing comma
    fs::write(
        &edited,
        json.replacen("\"schema\": 1,", "\"schema\": 1,,", 1),
    )
    .unwrap();
    refused_store(&good, &edited, &["edited.json: ", " at line 2 column "]);
    // valid JSON, but a sentence in a paragraph that is not there: refused, not repaired
    let mut store: Store = serde_json::from_str(&json).unwrap();
    store.articles[0].sentences[0].paragraph = 99;
    fs::write(&edited, serde_json::to_string(&store).unwrap()).unwrap();
    refused_store(
        &good,
        &edited,
        &[
            "edited.json: not a valid crossread store: article 1 (`good`): sentence 0 names paragraph 99",
        ],
    );
    let mut store: Store = serde_json::from_str(&json).unwrap();
    store.articles[0].quotes[0].sentence = 1000;
    fs::write(&edited, serde_json::to_string(&store).unwrap()).unwrap();
    refused_store(&good, &edited, &["quote names sentence 1000 of "]);
    // hostile strings are loaded, made harmless
    let mut store: Store = serde_json::from_str(&json).unwrap();
    store.articles[0].title = Some("\u{1b}]0;pwned\u{7}Bridge \u{1b}[31mnews\u{202e}".into());
    fs::write(&edited, serde_json::to_string(&store).unwrap()).unwrap();
    let o = crossread(&[Path::new("summary"), &edited]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_harmless(&o.stdout, "summary of an edited store");
    assert!(stdout(&o).contains("Bridge news"), "{}", stdout(&o));
}

#[test]
fn a_store_with_an_unknown_schema() {
    let (dir, good) = setup();
    let json = good_store(dir.path(), &good);
    let future = dir.path().join("future.json");
    fs::write(
        &future,
        json.replacen("\"schema\": 1,", "\"schema\": 2,", 1),
    )
    .unwrap();
    refused_store(
        &good,
        &future,
        &["future.json: store schema 2 is not supported (this crossread reads schema 1)"],
    );
    // even when the rest of it has changed shape too
    fs::write(&future, r#"{"schema": "v3", "documents": []}"#).unwrap();
    refused_store(
        &good,
        &future,
        &["future.json: store schema \"v3\" is not supported"],
    );
}

/// No byte or character that could drive a terminal: ESC, BEL, other C0 controls but newline
/// and tab, DEL, C1 controls, bidirectional embeddings, overrides and isolates.
fn assert_harmless(bytes: &[u8], what: &str) {
    assert!(!bytes.contains(&0x1b), "{what}: an ESC byte");
    assert!(!bytes.contains(&0x07), "{what}: a BEL byte");
    let s = std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{what}: not UTF-8: {e}"));
    for c in s.chars() {
        let bad = (c < ' ' && c != '\n' && c != '\t')
            || ('\u{7f}'..='\u{9f}').contains(&c)
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c);
        assert!(!bad, "{what}: U+{:04X} in the output", c as u32);
    }
}

/// An article that tries everything: OSC title change, clear screen, colours, C1 CSI/OSC/DCS,
/// NEL, bell, backspace, bidi overrides and isolates, in the title, the text and a quote.
const ESCAPES: &str = "Bridge\u{1b}]0;pwned\u{7} news \u{1b}[2Jtoday\n\n\
The \u{1b}[2Jcouncil \u{1b}[1;31mvoted\u{1b}[0m on Monday \u{9b}31mto close the \u{202e}bridge\u{202c} \
after \u{2066}inspectors\u{2069} found\u{8}\u{7} cracks.\u{1b}P+q544e\u{1b}\\ Repairs \u{9d}0;owned\u{9c}will \
take\u{85}a year.\u{0}\n\n\
\"It is \u{1b}]8;;http://x.invalid\u{1b}\\simply\u{1b}]8;;\u{1b}\\ not \u{90}q\u{9c}safe,\" said Jane \u{202d}Roe\u{202c}, the city engineer.\u{1b}c\n";

#[test]
#[ignore = "issue 15: the dump classifier removes the sentence that U+0085 cuts short; re-enable once fixed"]
fn escape_sequences_and_control_characters_never_reach_the_output() {
    let (dir, good) = setup();
    let evil = dir.path().join("evil.txt");
    fs::write(&evil, ESCAPES).unwrap();
    // a file name can carry escapes too
    let named = dir.path().join("name\u{1b}]0;pwned\u{7}\u{1b}[2J.txt");
    fs::write(&named, "").unwrap();
    let visible = [
        "council",
        "voted",
        "Monday",
        "bridge",
        "inspectors",
        "cracks",
        "Repairs",
        "year",
        "simply",
        "safe",
        "Roe",
    ];
    let mut runs: Vec<(String, Output)> = Vec::new();
    for cmd in ["export", "report", "summary"] {
        let o = crossread(&[Path::new(cmd), &good, &evil, &named]);
        runs.push((cmd.to_owned(), o));
    }
    for tab in ["overview", "facts", "people", "claims", "compare", "read"] {
        let o = crossread(&[
            Path::new("snapshot"),
            Path::new("--tab"),
            Path::new(tab),
            Path::new("--size"),
            Path::new("160x60"),
            &good,
            &evil,
            &named,
        ]);
        runs.push((format!("snapshot --tab {tab}"), o));
    }
    for (what, o) in &runs {
        assert!(o.status.success(), "{what}: {}", stderr(o));
        assert_harmless(&o.stdout, what);
        assert_harmless(&o.stderr, what);
        let out = stdout(o);
        assert!(
            !out.contains("pwned") && !out.contains("owned"),
            "{what}: {out}"
        );
        assert!(
            !out.contains("[2J") && !out.contains("31m"),
            "{what}: {out}"
        );
        assert!(
            stderr(o).contains("name.txt: empty file; skipped"),
            "{what}"
        );
    }
    // every visible word survives in the data
    let store = export_store(&runs[0].1);
    let evil_article = store
        .articles
        .iter()
        .find(|a| a.id == "evil")
        .expect("the hostile article loaded");
    // (a short first paragraph becomes the subtitle)
    let text = evil_article
        .subtitle
        .iter()
        .chain(&evil_article.paragraphs)
        .cloned()
        .collect::<Vec<_>>()
        .join("\n");
    for w in visible {
        assert!(text.contains(w), "{w} in {text}");
    }
    assert_eq!(evil_article.title.as_deref(), Some("Bridge news today"));
    assert!(
        text.contains(
            "The council voted on Monday to close the bridge after inspectors found cracks."
        ),
        "{text}"
    );
    assert!(
        evil_article
            .quotes
            .iter()
            .any(|q| q.text.contains("simply not safe"))
    );
    for a in &store.articles {
        assert_eq!(
            crossread::invariants::article_problems(a),
            Vec::<String>::new()
        );
    }
    // and the Read tab shows the words
    let read = stdout(&runs[8].1);
    assert!(read.contains("inspectors found cracks"), "{read}");
}

#[test]
fn one_megabyte_line_without_a_newline() {
    let (dir, good) = setup();
    let line = dir.path().join("line.txt");
    let sentence = "The council said the bridge would stay shut while engineers checked it. ";
    let mut text = String::new();
    while text.len() < 1024 * 1024 {
        text.push_str(sentence);
    }
    text.push_str("END");
    fs::write(&line, &text).unwrap();
    // no wall-clock bound here (speed lives in the benches): the growth is checked,
    // load-independently, by `analysis_is_linear_in_the_length_of_one_paragraph_of_varied_prose`
    let o = summary_with(&good, &[&line], &[]);
    let words = 1 + sentence.split_whitespace().count() * (1024 * 1024 / sentence.len() + 1);
    assert!(
        stdout(&o)
            .lines()
            .any(|l| l.starts_with("line  ") && l.contains(&format!("  {words} words"))),
        "{}",
        stdout(&o)
    );
    // the dashboard's Read tab copes too
    let o = crossread(&[
        Path::new("snapshot"),
        Path::new("--tab"),
        Path::new("read"),
        &line,
    ]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("The council said the bridge"));
}

/// A small deterministic generator (no dependency, same input every run).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n
    }
}

#[test]
fn unbalanced_quote_marks_everywhere() {
    let (dir, good) = setup();
    let quotes = dir.path().join("quotes.txt");
    let words = [
        "the",
        "council",
        "said",
        "\"",
        "\u{201c}",
        "\u{201d}",
        "\u{2018}",
        "\u{2019}",
        "'",
        "\u{ab}",
        "\u{bb}",
        "bridge",
        "Ann",
        "Poe",
        "told",
        "reporters",
        "it",
        "was",
        "\"unsafe",
        "closed\"",
        "\u{201c}never",
        "again\u{201d}",
        "Mayor",
        "Lee",
        "denied",
    ];
    let mut rng = Lcg(8);
    let mut text = String::from("Quotes without end\n\n");
    for _ in 0..400 {
        for _ in 0..(20 + rng.next(200)) {
            text.push_str(words[rng.next(words.len())]);
            text.push(if rng.next(12) == 0 { '.' } else { ' ' });
            text.push(' ');
        }
        text.push_str(".\n\n");
    }
    fs::write(&quotes, &text).unwrap();
    let start = Instant::now();
    let o = crossread(&[Path::new("export"), &good, &quotes]);
    assert!(
        start.elapsed() < Duration::from_secs(60),
        "{:?}",
        start.elapsed()
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stderr(&o), "");
    let store = export_store(&o);
    assert_eq!(store.articles.len(), 2);
    let a = &store.articles[1];
    assert_eq!(
        crossread::invariants::article_problems(a),
        Vec::<String>::new()
    );
    assert!(!a.quotes.is_empty());
    // a quote never runs past its paragraph: an unclosed mark does not swallow the article
    let longest = a.paragraphs.iter().map(String::len).max().unwrap_or(0);
    for q in &a.quotes {
        assert!(q.text.len() <= longest, "{} > {longest}", q.text.len());
        assert!(!q.text.contains('\n'));
    }
    for c in &store.comparisons {
        let problems = crossread::invariants::comparison_problems(c, &store.articles[0], a);
        assert_eq!(problems, Vec::<String>::new());
    }
}

// ---------------------------------------------------------------- no data loss

#[test]
fn export_refuses_to_overwrite_any_input_however_it_is_named() {
    let (dir, good) = setup();
    let json = good_store(dir.path(), &good);
    let store = dir.path().join("store.json");
    let dotted = dir.path().join("sub/../store.json");
    fs::create_dir(dir.path().join("sub")).unwrap();
    #[cfg(unix)]
    let link = {
        let l = dir.path().join("link.json");
        std::os::unix::fs::symlink(&store, &l).unwrap();
        l
    };
    #[cfg(not(unix))]
    let link = store.clone();
    for out in [&store, &dotted, &link] {
        let o = crossread(&[Path::new("export"), &store, Path::new("-o"), out]);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.contains("is one of the inputs; refusing to overwrite it"),
            "{err}"
        );
        assert_eq!(fs::read_to_string(&store).unwrap(), json);
    }
    // an input found by walking a directory counts too
    let o = crossread(&[Path::new("export"), dir.path(), Path::new("-o"), &good]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(fs::read_to_string(&good).unwrap(), GOOD);
}

#[test]
fn export_output_replaces_the_old_file_whole_and_leaves_no_temporary() {
    let (dir, good) = setup();
    let out = dir.path().join("out.json");
    fs::write(&out, "old").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&out, fs::Permissions::from_mode(0o640)).unwrap();
    }
    let o = crossread(&[Path::new("export"), &good, Path::new("-o"), &out]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(o.stdout, b"");
    let written: Store = serde_json::from_slice(&fs::read(&out).unwrap()).unwrap();
    assert_eq!(written.articles.len(), 1);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&out).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640, "the old file's permissions are kept");
    }
    let names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.contains(".tmp")), "{names:?}");
    // a failed write (the output's folder is missing) leaves nothing behind either
    let o = crossread(&[
        Path::new("export"),
        &good,
        Path::new("-o"),
        &dir.path().join("missing/out.json"),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stderr(&o).lines().count(), 1);
    assert!(
        stderr(&o).contains("missing/out.json: cannot write: "),
        "{}",
        stderr(&o)
    );
}

#[cfg(unix)]
#[test]
fn an_interrupted_export_leaves_the_old_file_intact() {
    let (dir, good) = setup();
    // enough work that a kill lands before, during or after the write
    let many = dir.path().join("many");
    fs::create_dir(&many).unwrap();
    for i in 0..300 {
        fs::write(
            many.join(format!("a{i:03}.txt")),
            GOOD.replace("Monday", &format!("day {i}")),
        )
        .unwrap();
    }
    let out = dir.path().join("out.json");
    let old = "{\"the old\": \"file\"}\n";
    let mut outcomes = (0, 0);
    for delay_ms in [0u64, 5, 20, 60, 120, 250, 400, 700, 1000, 1500, 2500] {
        fs::write(&out, old).unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_crossread"))
            .arg("export")
            .arg(&good)
            .arg(&many)
            .arg("-o")
            .arg(&out)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the binary runs");
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill(); // SIGKILL: no chance to clean up
        let _ = child.wait();
        let now = fs::read_to_string(&out).unwrap();
        if now == old {
            outcomes.0 += 1;
        } else {
            let store: Store = serde_json::from_str(&now)
                .unwrap_or_else(|e| panic!("a half-written output after {delay_ms} ms: {e}"));
            assert_eq!(store.articles.len(), 301);
            outcomes.1 += 1;
        }
    }
    // the loop saw at least the old file kept (a kill before the rename)
    assert!(outcomes.0 > 0, "{outcomes:?}");
}

// ---------------------------------------------------------------- the dashboard

#[test]
fn escape_sequences_render_as_harmless_text_in_every_tab() {
    use crossread::ingest::{Document, Format};
    use crossread::tui::action::Action;
    use crossread::tui::app::{App, Tab};
    let docs = vec![
        Document::from_text("good.txt", Format::Text, GOOD),
        Document::from_text("evil.txt", Format::Text, ESCAPES),
    ];
    let store = crossread::store::from_documents(docs);
    let mut app = App::new(
        store,
        crossread::tui::keymap::Keymap::default(),
        crossread::tui::theme::Theme::new(true),
    );
    app.update(Action::Resize(160, 50));
    for tab in Tab::ALL {
        app.update(Action::ClickTab(tab.index()));
        // as it opens, then with the other article, row or source selected
        for step in [
            None,
            Some(Action::Down),
            Some(Action::NextArticle),
            Some(Action::CycleSource),
        ] {
            if let Some(a) = step {
                app.update(a);
            }
            let buf = crossread::tui::render(&app, 160, 50);
            for cell in buf.content() {
                assert_harmless(cell.symbol().as_bytes(), &format!("{tab:?} cell"));
            }
            let text = crossread::tui::buffer_text(&buf);
            assert!(!text.contains("pwned") && !text.contains("[2J"), "{text}");
        }
    }
    // the Read tab of the hostile article (select it first)
    let mut app = App::new(
        crossread::store::from_documents(vec![Document::from_text(
            "evil.txt",
            Format::Text,
            ESCAPES,
        )]),
        crossread::tui::keymap::Keymap::default(),
        crossread::tui::theme::Theme::new(false),
    );
    app.update(Action::Resize(120, 40));
    app.update(Action::ClickTab(Tab::Read.index()));
    let text = crossread::tui::buffer_text(&crossread::tui::render(&app, 120, 40));
    assert!(
        text.contains("The council voted on Monday to close the bridge"),
        "{text}"
    );
    assert!(text.contains("simply not safe"), "{text}");
}

/// CJK (two columns), emoji (a ZWJ family, a flag, a skin tone) and combining marks (zero
/// columns) in table cells: every row's column separators stay where the header's are.
#[test]
fn wide_emoji_and_combining_text_keeps_table_columns_aligned() {
    use crossread::tui::action::Action;
    use crossread::tui::app::{App, Tab};
    let json = crossread::store::to_json(&common::fixture())
        .replace("Volodymyr Zelensky", "東京 Ze\u{301}le\u{301}nsky 👩‍👩‍👧")
        .replace("Ukrainian president", "議会 🇺🇦 pre\u{301}sident 👍🏽")
        .replace("About 60,000 people", "About 60,000 人々 🇺🇦 pe\u{301}ople");
    let store = crossread::store::parse_store(json.as_bytes()).expect("the edited fixture loads");
    let mut app = App::new(
        store,
        crossread::tui::keymap::Keymap::default(),
        crossread::tui::theme::Theme::new(false),
    );
    for (tab, needle) in [(Tab::People, "東京"), (Tab::Facts, "人々")] {
        for (w, h) in [(120u16, 40u16), (80, 24)] {
            app.update(Action::Resize(w, h));
            app.update(Action::ClickTab(tab.index()));
            let buf = crossread::tui::render(&app, w, h);
            let text = crossread::tui::buffer_text(&buf);
            assert!(text.contains(needle), "{text}");
            // the separators of each table row, by column, inside the left pane
            let pane_end = (1..w).find(|&x| buf[(x, 2)].symbol() == "┃").unwrap_or(w);
            let rows: Vec<Vec<u16>> = (2..h)
                .map(|y| {
                    (1..pane_end)
                        .filter(|&x| buf[(x, y)].symbol() == "│")
                        .collect()
                })
                .filter(|xs: &Vec<u16>| !xs.is_empty())
                .collect();
            assert!(rows.len() >= 3, "{text}");
            for r in &rows {
                assert_eq!(r, &rows[0], "{tab:?} at {w}x{h}: a column moved\n{text}");
            }
            // and no line is wider than the screen
            for line in text.lines() {
                assert!(crossread::text::width(line) <= w as usize, "{line}");
            }
        }
    }
}

// ------------------------------------------------------------ issue 19: nothing lost, linear

#[test]
fn a_stray_windows_1252_byte_deletes_nothing() {
    let (dir, good) = setup();
    // 0x9D and 0x90 are undefined in Windows-1252 and decode to C1 string-sequence
    // introducers; each used to swallow up to 4,096 characters, across paragraphs
    let mut bytes =
        b"Caf\xe9 owners protest\n\nThe caf\xe9 owners\x9d said the new r\xe8gles were unfair.\n\n"
            .to_vec();
    for i in 0..60 {
        bytes.extend_from_slice(format!("Owner number {i} told the council").as_bytes());
        bytes.push(0x90);
        bytes.extend_from_slice(b" that the rent had doubled since spring.\n\n");
    }
    let latin = dir.path().join("latin.txt");
    fs::write(&latin, &bytes).unwrap();
    let o = crossread(&[Path::new("export"), &latin]);
    assert!(o.status.success(), "{}", stderr(&o));
    let store = export_store(&o);
    let text = store.articles[0].paragraphs.join("\n");
    assert!(
        text.contains("The café owners said the new règles were unfair."),
        "{text}"
    );
    for i in 0..60 {
        let line =
            format!("Owner number {i} told the council that the rent had doubled since spring.");
        assert!(text.contains(&line), "{line} lost:\n{text}");
    }
    let _ = good;
}

/// One paragraph of varied, invented prose of about `bytes` bytes: many different sentences
/// (names, roles, places, numbers, quotes, denials), so that nothing repeats the way a single
/// sentence copied over does.
fn varied_prose(bytes: usize, seed: u64) -> String {
    const FIRST: [&str; 12] = [
        "Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hassan", "Irena", "Jonas",
        "Katya", "Luis",
    ];
    const LAST: [&str; 12] = [
        "Abbot", "Brenner", "Castell", "Dorn", "Eckhart", "Falk", "Gorsky", "Holm", "Ivers",
        "Jansky", "Kessler", "Lund",
    ];
    const ROLES: [&str; 6] = [
        "minister",
        "spokesman",
        "governor",
        "mayor",
        "analyst",
        "official",
    ];
    const THINGS: [&str; 8] = [
        "the bridge",
        "the harbour",
        "the new road",
        "the hospital",
        "the budget",
        "the dam",
        "the railway",
        "the treaty",
    ];
    const ACTS: [&str; 6] = [
        "was damaged",
        "will reopen",
        "had been closed",
        "was approved",
        "was delayed",
        "was expanded",
    ];
    const PLACES: [&str; 6] = ["Norvik", "Delmar", "Astoria", "Kelso", "Marvale", "Tressa"];
    let mut r = Lcg(seed);
    let mut out = String::with_capacity(bytes + 200);
    while out.len() < bytes {
        let name = format!("{} {}", FIRST[r.next(12)], LAST[r.next(12)]);
        let n = r.next(90_000) + 2;
        let (thing, act, place) = (THINGS[r.next(8)], ACTS[r.next(6)], PLACES[r.next(6)]);
        let s = match r.next(6) {
            0 => format!(
                "{name}, the {} of {place}, said that {thing} {act}. ",
                ROLES[r.next(6)]
            ),
            1 => format!("\u{201c}The work on {thing} {act},\u{201d} {name} told reporters. "),
            2 => format!("At least {n} people were affected in {place}, officials said. "),
            3 => format!("The council denied that {thing} {act}, calling the claim false. "),
            4 => format!("In {place}, {n} families waited while {thing} {act}. "),
            _ => format!(
                "{name} said {thing} {act} after {} days of talks. ",
                r.next(40) + 2
            ),
        };
        out.push_str(&s);
    }
    out
}

#[test]
fn analysis_is_linear_in_the_length_of_one_paragraph_of_varied_prose() {
    use crossread::ingest::{Document, Format};
    let time = |bytes: usize| {
        let text = format!("A long report\n\n{}\n", varied_prose(bytes, 7));
        let doc = Document::from_text("long.txt", Format::Text, &text);
        let start = Instant::now();
        let a = crossread::store::article_from(doc);
        assert!(a.word_count() > bytes / 10);
        start.elapsed()
    };
    time(5_000); // build the rule tables first
    let small = (0..2).map(|_| time(24_000)).min().unwrap();
    let large = time(8 * 24_000);
    // eight times the text: linear is about 8x; what this replaced was over 30x
    let ratio = large.as_secs_f64() / small.as_secs_f64().max(1e-3);
    assert!(
        ratio < 14.0,
        "8x the text took {ratio:.1}x the time ({small:?} -> {large:?})"
    );
}

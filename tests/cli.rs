//! The command line as a user meets it: exit codes, one-line messages, and the export round
//! trip.

use std::fs;
use std::path::Path;

mod common;
use common::{crossread, stderr, stdout};

const ARTICLE: &str = "Council closes old bridge\n\nThe council voted on Monday to close the old bridge to all traffic after inspectors found cracks.\n\n\"It is simply not safe,\" said Jane Roe, the city engineer.\n";

#[test]
fn help_and_version_exit_zero_and_bad_usage_exits_two() {
    let o = crossread(&["--help"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("export"));
    let o = crossread(&["--version"]);
    assert!(o.status.success());
    assert!(stdout(&o).starts_with("crossread "));
    let o = crossread(&["export", "--no-such-flag"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn export_of_the_seeds_round_trips_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let first = crossread(&["export"]);
    assert!(first.status.success(), "{}", stderr(&first));
    let json = stdout(&first);
    assert!(json.starts_with("{\n  \"schema\": 1,"));
    let store = dir.path().join("store.json");
    fs::write(&store, &json).unwrap();
    let again = crossread(&["export", store.to_str().unwrap()]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(stdout(&again), json, "load + export gives identical bytes");
}

#[test]
fn export_output_is_written_atomically_and_never_over_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    fs::write(&article, ARTICLE).unwrap();
    let out = dir.path().join("store.json");
    let o = crossread(&[
        "export",
        article.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(fs::read_to_string(&out).unwrap().contains("\"schema\": 1"));
    let o = crossread(&[
        "export",
        article.to_str().unwrap(),
        "-o",
        article.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("refusing to overwrite"));
    assert_eq!(fs::read_to_string(&article).unwrap(), ARTICLE);
}

#[test]
fn a_missing_path_is_one_line_and_the_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    fs::write(&article, ARTICLE).unwrap();
    let o = crossread(&["export", "/no/such/file.txt", article.to_str().unwrap()]);
    assert!(o.status.success());
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("/no/such/file.txt: no such file or directory"));
    assert!(stdout(&o).contains("Council closes old bridge"));
}

#[test]
fn nothing_loadable_exits_one() {
    let o = crossread(&["export", "/no/such/file.txt"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no articles loaded"));
    let dir = tempfile::tempdir().unwrap();
    let o = crossread(&["export", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no articles here"));
    assert!(!stderr(&o).contains("panicked"));
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    fs::write(&p, bytes).unwrap();
    p.to_str().unwrap().to_owned()
}

#[test]
fn empty_binary_and_latin1_files() {
    let dir = tempfile::tempdir().unwrap();
    let empty = write(dir.path(), "empty.txt", b"  \n\n");
    let png = write(dir.path(), "photo.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let latin = write(
        dir.path(),
        "latin.txt",
        b"Caf\xe9 owners protest\n\nThe caf\xe9 owners said on Monday that the new rules were unfair to small businesses.\n",
    );
    let o = crossread(&["export", &empty, &png, &latin]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("empty.txt: empty file; skipped"), "{err}");
    assert!(
        err.contains("photo.txt: a PNG image, not text; skipped"),
        "{err}"
    );
    assert!(
        err.contains("latin.txt: not valid UTF-8; read as Windows-1252"),
        "{err}"
    );
    assert!(stdout(&o).contains("Café owners protest"));
}

#[test]
fn broken_and_foreign_stores_are_refused_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let good = stdout(&crossread(&["export"]));
    let truncated = write(dir.path(), "cut.json", &good.as_bytes()[..good.len() / 2]);
    let o = crossread(&["export", &truncated]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("cut.json: not a valid crossread store"),
        "{err}"
    );
    assert!(err.contains("line "), "the position is given: {err}");
    let future = write(
        dir.path(),
        "future.json",
        br#"{"schema": 99, "articles": []}"#,
    );
    let o = crossread(&["export", &future]);
    assert!(stderr(&o).contains("store schema 99 is not supported"));
}

#[test]
fn a_directory_is_walked_in_order_and_ignores_other_files() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("sub")).unwrap();
    write(dir.path(), "b.txt", ARTICLE.as_bytes());
    write(&dir.path().join("sub"), "a.md", ARTICLE.as_bytes());
    write(dir.path(), "notes.csv", b"a,b,c");
    write(dir.path(), "gold.json", br#"{"about": "not a store"}"#);
    let o = crossread(&["summary", dir.path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let ids: Vec<&str> = out.lines().map(|l| l.split("  ").next().unwrap()).collect();
    assert_eq!(ids, ["b", "a"]);
    assert_eq!(stderr(&o), "");
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_reported_not_followed_forever() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", ARTICLE.as_bytes());
    std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
    let o = crossread(&["summary", dir.path().to_str().unwrap()]);
    assert!(o.status.success());
    assert_eq!(stdout(&o).lines().count(), 1);
    assert!(stderr(&o).contains("symlink loop"));
}

#[test]
fn report_of_the_seeds_has_every_section_and_the_readme_shows_it() {
    let o = crossread(&["report", "seeds/"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    for section in [
        "# crossread report",
        "## The Independent vs ",
        "### Facts in both",
        "### People and organisations",
        "### Spelling variants",
        "### Quotes",
    ] {
        assert!(out.contains(section), "no {section:?} in\n{out}");
    }
    // "10 per cent" and "10%" are one fact; the two spellings of one town are a variant
    assert!(out.contains("| about 10 per cent | about 10% |"), "{out}");
    assert!(
        out.contains("Slovyansk (The Independent) ↔ Sloviansk"),
        "{out}"
    );
    // the README's example is this command's output
    let readme = fs::read_to_string("README.md").expect("README.md");
    let first_table = out
        .lines()
        .find(|l| l.starts_with("| The Independent |"))
        .expect("a source table");
    assert!(readme.contains("crossread report seeds/") && readme.contains(first_table));
}

// ------------------------------------------------ issue 19: reliability of the command line

/// Run `script` in `sh` with `$BIN` the binary and `$D` a fresh temp dir holding `a.txt`.
#[cfg(unix)]
fn sh(script: &str) -> (tempfile::TempDir, std::process::Output) {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), ARTICLE).unwrap();
    let o = std::process::Command::new("sh")
        .arg("-c")
        .arg(script)
        .env("BIN", env!("CARGO_BIN_EXE_crossread"))
        .env("D", dir.path())
        .env("NO_COLOR", "1")
        .output()
        .expect("sh runs");
    (dir, o)
}

#[cfg(unix)]
#[test]
fn export_into_a_fifo_or_dev_stdout_streams_and_never_replaces() {
    // a FIFO stays a FIFO, and its reader gets the store
    let (dir, o) = sh(
        r#"mkfifo "$D/p" && { cat "$D/p" > "$D/got" & "$BIN" export "$D/a.txt" -o "$D/p"; wait; }"#,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let meta = fs::symlink_metadata(dir.path().join("p")).unwrap();
    assert!(std::os::unix::fs::FileTypeExt::is_fifo(&meta.file_type()));
    let got = fs::read_to_string(dir.path().join("got")).unwrap();
    assert!(got.starts_with("{\n  \"schema\": 1,"), "{got}");
    // `-o /dev/stdout >> log` appends to the log, keeping what it held
    let (dir, o) =
        sh(r#"echo KEEP > "$D/log" && "$BIN" export "$D/a.txt" -o /dev/stdout >> "$D/log""#);
    assert!(o.status.success(), "{}", stderr(&o));
    let log = fs::read_to_string(dir.path().join("log")).unwrap();
    assert!(log.starts_with("KEEP\n{\n  \"schema\": 1,"), "{log}");
    // a device is written into (and /dev/null stays a device)
    let o = crossread(&["export", "-o", "/dev/null"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!fs::metadata("/dev/null").unwrap().is_file());
}

#[cfg(unix)]
#[test]
fn a_killed_export_leaves_no_temporary_for_good() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    fs::write(&article, ARTICLE).unwrap();
    // what a `kill -9` mid-write leaves: a temporary of a process that is gone
    let stale = dir.path().join(".crossread-4294967294-0.tmp");
    fs::write(&stale, "x".repeat(100_000)).unwrap();
    let out = dir.path().join("store.json");
    let o = crossread(&[
        "export",
        article.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stale.exists(), "the next run cleans the stale temporary");
    // a 245-character target name still fits its temporary beside it
    let long = dir.path().join(format!("{}.json", "x".repeat(245)));
    let o = crossread(&[
        "export",
        article.to_str().unwrap(),
        "-o",
        long.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(long.exists());
}

#[cfg(unix)]
#[test]
fn root_replacing_another_users_file_keeps_it_theirs() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("theirs.json");
    fs::write(&out, "old").unwrap();
    if std::os::unix::fs::chown(&out, Some(4321), Some(4321)).is_err() {
        return; // not root: nothing to give away
    }
    let article = dir.path().join("a.txt");
    fs::write(&article, ARTICLE).unwrap();
    let o = crossread(&[
        "export",
        article.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let m = fs::metadata(&out).unwrap();
    assert_eq!((m.uid(), m.gid()), (4321, 4321));
}

#[cfg(unix)]
#[test]
fn fifos_are_skipped_with_a_warning_and_config_must_be_a_small_regular_file() {
    let start = std::time::Instant::now();
    let (_dir, o) = sh(
        r#"mkdir "$D/d" && cp "$D/a.txt" "$D/d/" && mkfifo "$D/d/x.txt" "$D/cfg" && "$BIN" summary "$D/d" "$D/cfg""#,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 1, "{}", stdout(&o));
    let err = stderr(&o);
    assert!(
        err.contains("x.txt: a FIFO (named pipe), not a regular file; skipped"),
        "{err}"
    );
    assert!(err.contains("cfg: a FIFO"), "{err}");
    // the dashboard reads its configuration before it needs a terminal
    let (_dir, o) = sh(r#"mkfifo "$D/cfg" && "$BIN" --config "$D/cfg""#);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("cfg: cannot read: a FIFO"),
        "{}",
        stderr(&o)
    );
    let o = crossread(&["--config", "/dev/zero"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("a device"), "{}", stderr(&o));
    let (_dir, o) = sh(
        r#"head -c 2000000 /dev/zero | tr '\0' '#' > "$D/big.toml" && "$BIN" --config "$D/big.toml""#,
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("over the 1 MiB limit"),
        "{}",
        stderr(&o)
    );
    assert!(start.elapsed() < std::time::Duration::from_secs(20));
}

#[test]
fn comparisons_by_default_for_small_exports_only() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..18 {
        fs::write(
            dir.path().join(format!("a{i:02}.txt")),
            ARTICLE.replace("Monday", &format!("day {i}")),
        )
        .unwrap();
    }
    let count = |args: &[&str]| {
        let o = crossread(args);
        assert!(o.status.success(), "{}", stderr(&o));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        (
            v["articles"].as_array().unwrap().len(),
            v["comparisons"].as_array().unwrap().len(),
        )
    };
    let d = dir.path().to_str().unwrap();
    let a = dir.path().join("a00.txt");
    let b = dir.path().join("a01.txt");
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    assert_eq!(count(&["export", a, b]), (2, 1));
    assert_eq!(count(&["export", "--no-comparisons", a, b]), (2, 0));
    assert_eq!(count(&["export", d]), (18, 0));
    assert_eq!(count(&["export", "--comparisons", d]), (18, 153));
}

#[test]
fn store_messages_say_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    fs::write(&article, ARTICLE).unwrap();
    let export = crossread(&["export", article.to_str().unwrap()]);
    assert!(export.status.success());
    // a byte-order mark before an export: it loads
    let bom = dir.path().join("bom.json");
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend_from_slice(&export.stdout);
    fs::write(&bom, bytes).unwrap();
    let o = crossread(&["summary", bom.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stderr(&o), "");
    // a top-level array is named as such
    let array = dir.path().join("array.json");
    fs::write(&array, b"[{\"schema\": 1}]").unwrap();
    let o = crossread(&["summary", array.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("array.json: not a crossread store: a JSON array"),
        "{}",
        stderr(&o)
    );
    // a store with no articles says so, not "nothing readable"
    let empty = dir.path().join("empty.json");
    fs::write(&empty, b"{\"schema\": 1, \"articles\": []}").unwrap();
    let o = crossread(&["summary", empty.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("empty.json: an exported store with no articles"),
        "{err}"
    );
    assert!(!err.contains("nothing readable"), "{err}");
}

#[test]
fn a_store_does_not_reprint_the_warnings_of_files_it_did_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let latin = dir.path().join("latin.txt");
    fs::write(
        &latin,
        b"Caf\xe9 owners protest\n\nThe caf\xe9 owners met.\n",
    )
    .unwrap();
    let o = crossread(&["export", latin.to_str().unwrap()]);
    assert!(stderr(&o).contains("Windows-1252"));
    let store = dir.path().join("s.json");
    fs::write(&store, &o.stdout).unwrap();
    fs::remove_file(&latin).unwrap();
    let o = crossread(&["summary", store.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stderr(&o), "", "the original warning is not printed again");
}

#[test]
fn a_directory_holding_its_own_export_loads_each_article_once() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), ARTICLE).unwrap();
    fs::write(
        dir.path().join("b.txt"),
        ARTICLE.replace("Monday", "Friday"),
    )
    .unwrap();
    let d = dir.path().to_str().unwrap();
    let store = dir.path().join("store.json");
    let o = crossread(&["export", d, "-o", store.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = crossread(&["summary", d]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 2, "{}", stdout(&o));
    assert!(
        stderr(&o).contains("store.json: 2 of its 2 articles are files read here as well"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn utf16_without_a_byte_order_mark_is_read_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("wide.txt");
    let bytes: Vec<u8> = ARTICLE.encode_utf16().flat_map(u16::to_le_bytes).collect();
    fs::write(&p, bytes).unwrap();
    let o = crossread(&["export", p.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("decoded from UTF-16"), "{}", stderr(&o));
    assert!(stdout(&o).contains("inspectors found cracks"));
}

#[cfg(unix)]
#[test]
fn a_closed_or_full_stdout_is_an_error() {
    let (_dir, o) = sh(r#""$BIN" export "$D/a.txt" >&-"#);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("standard output is closed"),
        "{}",
        stderr(&o)
    );
    if std::path::Path::new("/dev/full").exists() {
        let (_dir, o) = sh(r#""$BIN" --help > /dev/full"#);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        let (_dir, o) = sh(r#""$BIN" export "$D/a.txt" > /dev/full"#);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    }
}

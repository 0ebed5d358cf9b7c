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

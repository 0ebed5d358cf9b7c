//! The dashboard's command line: `snapshot`, `--config` errors, and no terminal.

use std::process::{Command, Output, Stdio};

fn crossread(args: &[&str], envs: &[(&str, &str)]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crossread"))
        .args(args)
        .envs(envs.iter().copied())
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn snapshot_prints_a_tab_at_the_given_size() {
    let o = crossread(&["snapshot", "--tab", "read", "--size", "90x20"], &[]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert_eq!(out.lines().count(), 20);
    assert!(
        out.lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(l) <= 90)
    );
    assert!(out.contains("Read · The Independent"), "{out}");
    assert!(out.contains("Vladimir Putin on Tuesday claimed full control"));
    assert!(!out.contains('\u{1b}'), "plain text, no escape sequences");
    // by number, and the default size
    let o = crossread(&["snapshot", "--tab", "2"], &[]);
    let out = text(&o.stdout);
    assert_eq!(out.lines().count(), 40);
    assert!(out.contains("Key facts ·"), "{out}");
}

#[test]
fn snapshot_refuses_bad_tabs_and_sizes_as_usage_errors() {
    let o = crossread(&["snapshot", "--tab", "gossip"], &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("expected overview, facts"));
    let o = crossread(&["snapshot", "--size", "80by24"], &[]);
    assert_eq!(o.status.code(), Some(2));
    let o = crossread(&["snapshot", "--size", "0x24"], &[]);
    assert_eq!(o.status.code(), Some(2));
    // a tiny size is drawn, not refused: it says the terminal is too small
    let o = crossread(&["snapshot", "--size", "40x10"], &[]);
    assert!(o.status.success());
    assert!(text(&o.stdout).contains("Terminal too small"));
}

#[test]
fn a_broken_config_is_one_line_naming_the_file_and_position() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cfg = dir.path().join("config.toml");
    std::fs::write(&cfg, "[keys]\nquit = \"q\"\nswap = \"hyper-s\"\n").expect("write");
    let o = crossread(&["--config", cfg.to_str().expect("utf-8 path")], &[]);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("config.toml: line 3, column 8: unknown key `hyper-s`"),
        "{err}"
    );
    // the default location is read too, and a missing one is fine
    let xdg = dir.path().join("xdg");
    std::fs::create_dir_all(xdg.join("crossread")).expect("mkdir");
    std::fs::write(xdg.join("crossread/config.toml"), "mouse = maybe\n").expect("write");
    let o = crossread(&[], &[("XDG_CONFIG_HOME", xdg.to_str().expect("utf-8"))]);
    assert!(
        text(&o.stderr).contains("crossread/config.toml: line 1"),
        "{}",
        text(&o.stderr)
    );
}

#[test]
fn without_a_terminal_the_dashboard_says_what_to_use_instead() {
    let dir = tempfile::tempdir().expect("temp dir");
    let o = crossread(
        &[],
        &[("XDG_CONFIG_HOME", dir.path().to_str().expect("utf-8"))],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(err.contains("the dashboard needs a terminal"), "{err}");
    assert_eq!(err.lines().count(), 1);
}

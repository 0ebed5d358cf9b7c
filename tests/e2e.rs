//! End to end: the real binary in a real terminal (tmux), driven by keys. Walks every tab,
//! searches, opens the help, jumps to a sentence and back, quits, and checks that the
//! terminal came back (main screen, cooked mode).
//!
//! Needs tmux; without it the test says so and passes (`.ci/run` installs tmux).

mod common;

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(10);

struct Tmux {
    socket: String,
}

impl Tmux {
    fn available() -> bool {
        Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success())
    }

    /// A tmux server of its own: tests run in parallel in one process.
    fn new() -> Tmux {
        static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Tmux {
            socket: format!("crossread-e2e-{}-{n}", std::process::id()),
        }
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("tmux runs")
    }

    fn start(&self, shell_command: &str) {
        let o = self.run(&[
            "new-session",
            "-d",
            "-x",
            "120",
            "-y",
            "40",
            "-s",
            "e2e",
            shell_command,
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        // Esc followed by a key must not arrive as Alt+key
        self.run(&["set", "-s", "escape-time", "0"]);
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(keys);
        let o = self.run(&args);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }

    fn text(&self, text: &str) {
        let o = self.run(&["send-keys", "-t", "e2e", "-l", text]);
        assert!(o.status.success());
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "e2e"]).stdout).into_owned()
    }

    /// Poll the screen until `done` holds; fail with the last screen after the timeout.
    fn wait(&self, what: &str, done: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if done(&s) {
                return s;
            }
            if start.elapsed() > TIMEOUT {
                panic!("timed out waiting for {what}; the screen was:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(40));
        }
    }

    fn wait_for(&self, text: &str) -> String {
        self.wait(&format!("{text:?}"), |s| s.contains(text))
    }

    /// Wait until every text is on screen at once (a capture can catch a frame half drawn).
    fn wait_all(&self, texts: &[&str]) -> String {
        self.wait(&format!("{texts:?}"), |s| {
            texts.iter().all(|t| s.contains(t))
        })
    }

    fn wait_gone(&self, text: &str) -> String {
        self.wait(&format!("{text:?} to go"), |s| !s.contains(text))
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

fn quote_sh(p: &Path) -> String {
    format!("'{}'", p.display().to_string().replace('\'', "'\\''"))
}

#[test]
fn walk_every_tab_search_help_jump_and_quit_in_tmux() {
    if !Tmux::available() {
        eprintln!("skipping the end-to-end test: tmux is not installed (.ci/run installs it)");
        return;
    }
    let dir = tempfile::tempdir().expect("a temp dir");
    let store = dir.path().join("store.json");
    std::fs::write(&store, crossread::store::to_json(&common::fixture())).expect("write store");
    let bin = env!("CARGO_BIN_EXE_crossread");
    // after the dashboard: its exit code and whether the terminal is back in cooked mode
    let cmd = format!(
        "XDG_CONFIG_HOME={dir} {bin} {store}; echo \"EXITED $?\"; stty -a | tr ' ' '\\n' | grep -x -- '-\\?icanon'; sleep 60",
        dir = quote_sh(dir.path()),
        bin = quote_sh(Path::new(bin)),
        store = quote_sh(&store),
    );
    let t = Tmux::new();
    t.start(&cmd);

    t.wait_all(&["The Daily Ledger", "1 Overview", "Agreement"]);

    t.keys(&["2"]);
    t.wait_all(&["Key facts ·", "About 60,000 people"]);
    t.keys(&["3"]);
    t.wait_all(&["Quotes ·", "Volodymyr Zelensky"]);
    t.keys(&["4"]);
    t.wait_all(&["Competing claims ·", "full control of Pokrovsk"]);
    t.keys(&["5"]);
    // the pairs with nothing in common are not offered
    t.wait_all(&["Compare · pair 1/1", "in common", "Disagreements"]);
    t.keys(&["6"]);
    t.wait_for("Read · The Daily Ledger");
    t.keys(&["Tab"]);
    t.wait_for("Agreement ·");
    t.keys(&["BTab"]);
    t.wait_for("Read · The Daily Ledger");

    // search the facts as you type, keep the filter, clear it
    t.keys(&["2", "/"]);
    t.wait_for("/▏");
    t.text("5,000");
    t.wait("the filtered facts", |s| {
        s.contains("1 of 5")
            && s.contains("about 5,000 square km")
            && !s.contains("About 60,000 people")
    });
    t.keys(&["Enter"]);
    t.wait_for("filter “5,000”");
    t.keys(&["Escape"]);
    t.wait_all(&["5 of 5", "About 60,000 people"]);

    // help, and Esc closes it
    t.keys(&["?"]);
    t.wait_for("Keys · Esc closes");
    t.keys(&["Escape"]);
    t.wait_gone("Keys · Esc closes");

    // Enter on a fact (the selection stayed on the 5,000 row the search found): the Read
    // tab at its sentence, marked in the gutter; Esc comes back
    t.keys(&["Enter"]);
    let gutter = |l: &str| l.contains("▶ ") && !l.contains("jumped-to");
    let s = t.wait("the marked sentence", |s| s.lines().any(gutter));
    assert!(s.contains("Read · The Daily Ledger"), "{s}");
    let marked = s.lines().find(|l| gutter(l)).unwrap_or("");
    assert!(
        marked.contains("The front covers about 5,000 square km."),
        "{s}"
    );
    t.keys(&["Escape"]);
    t.wait_for("Key facts ·");

    // quit: the shell prints on the main screen, in cooked mode
    t.keys(&["q"]);
    let s = t.wait("the exit status and the stty line", |s| {
        s.contains("EXITED") && s.contains("icanon")
    });
    assert!(s.contains("EXITED 0"), "{s}");
    assert!(
        s.lines().any(|l| l.trim() == "icanon"),
        "the terminal is left in raw mode:\n{s}"
    );
    assert!(!s.contains("Key facts ·"), "the dashboard is gone:\n{s}");
    let alt = t.run(&["display", "-p", "-t", "e2e", "#{alternate_on}"]);
    assert_eq!(String::from_utf8_lossy(&alt.stdout).trim(), "0");
}

/// How the dashboard ends in [`the_shell_works_after_every_way_out`].
#[derive(Clone, Copy, Debug)]
enum Exit {
    Quit,
    Sigterm,
    Sighup,
    Sigint,
    Panic,
    Error,
}

/// Run the dashboard from an interactive `sh` (no line editor of its own: what it shows is
/// the terminal's own echo), end it one way, then check the shell: the terminal is back in
/// cooked mode with echo, typed text appears, a command runs, and the screen is the main one.
fn end_and_check_the_shell(exit: Exit) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let store = dir.path().join("store.json");
    std::fs::write(&store, crossread::store::to_json(&common::fixture())).expect("write store");
    let pid_file = dir.path().join("pid");
    let bin = env!("CARGO_BIN_EXE_crossread");
    let fail = match exit {
        Exit::Panic => "panic",
        Exit::Error => "error",
        _ => "",
    };
    let t = Tmux::new();
    t.start(&format!(
        "env -i PATH=/usr/bin:/bin HOME={home} TERM=screen PS1='sh> ' sh -i",
        home = quote_sh(dir.path())
    ));
    t.wait("the prompt", |s| s.lines().any(|l| l.trim_end() == "sh>"));
    // `exec` keeps the pid that the file names: the dashboard's own
    t.text(&format!(
        "sh -c 'echo $$ > {pid}; exec env XDG_CONFIG_HOME={home} CROSSREAD_E2E_FAIL={fail} {bin} {store}'; echo \"EXIT\"\"ED $?\"",
        pid = quote_sh(&pid_file),
        home = quote_sh(dir.path()),
        bin = quote_sh(Path::new(bin)),
        store = quote_sh(&store),
    ));
    t.keys(&["Enter"]);
    t.wait_all(&["The Daily Ledger", "1 Overview"]);
    match exit {
        Exit::Quit => t.keys(&["q"]),
        Exit::Panic | Exit::Error => t.keys(&["!"]),
        Exit::Sigterm | Exit::Sighup | Exit::Sigint => {
            let pid = std::fs::read_to_string(&pid_file).expect("the pid file");
            let sig = match exit {
                Exit::Sighup => "-HUP",
                Exit::Sigint => "-INT",
                _ => "-TERM",
            };
            let o = Command::new("kill")
                .args([sig, pid.trim()])
                .output()
                .expect("kill runs");
            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        }
    }
    // (the typed line reads EXIT""ED: only the output matches)
    let s = t.wait("the exit status", |s| {
        s.lines().any(|l| l.starts_with("EXITED "))
    });
    // 128 + the signal's number, as a shell reports a process a signal ended
    let code = match exit {
        Exit::Quit => "EXITED 0",
        Exit::Sigterm => "EXITED 143",
        Exit::Sighup => "EXITED 129",
        Exit::Sigint => "EXITED 130",
        Exit::Panic => "EXITED 101",
        Exit::Error => "EXITED 1",
    };
    assert!(s.contains(code), "{exit:?}: {s}");
    match exit {
        Exit::Panic => assert!(s.contains("injected panic"), "{s}"),
        Exit::Error => assert!(
            s.contains("crossread: error: terminal: injected error"),
            "{s}"
        ),
        _ => {}
    }
    assert!(
        !s.contains("1 Overview"),
        "{exit:?}: the dashboard is gone:\n{s}"
    );
    let alt = t.run(&["display", "-p", "-t", "e2e", "#{alternate_on}"]);
    assert_eq!(String::from_utf8_lossy(&alt.stdout).trim(), "0", "{exit:?}");

    // the terminal's modes, one per line, then typed text that must echo and run
    t.text("stty -a | tr ' ;' '\\n\\n' | grep -x -e echo -e -echo -e icanon -e -icanon | tr '\\n' ' '; echo MO''DES");
    t.keys(&["Enter"]);
    // (the typed line reads MO''DES: only the output matches)
    let s = t.wait("the stty line", |s| s.contains(" MODES"));
    assert!(
        s.lines().any(|l| l.trim() == "icanon echo MODES"),
        "{exit:?}: the terminal is not in cooked mode with echo:\n{s}"
    );
    t.text("echo ok-$((1+1))");
    t.keys(&["Enter"]);
    let s = t.wait("the echo", |s| s.lines().any(|l| l.trim() == "ok-2"));
    assert!(
        s.contains("sh> echo ok-$((1+1))"),
        "{exit:?}: typed text is not echoed:\n{s}"
    );
}

#[test]
fn the_shell_works_after_every_way_out() {
    if !Tmux::available() {
        eprintln!("skipping the end-to-end test: tmux is not installed (.ci/run installs it)");
        return;
    }
    for exit in [
        Exit::Quit,
        Exit::Sigterm,
        Exit::Sighup,
        Exit::Sigint,
        Exit::Panic,
        Exit::Error,
    ] {
        end_and_check_the_shell(exit);
    }
}

/// Is process `pid` gone (or a zombie nobody reaps yet)?
fn gone(pid: &str) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Err(_) => true,
        Ok(stat) => stat
            .rsplit_once(") ")
            .is_some_and(|(_, rest)| rest.starts_with('Z') || rest.starts_with('X')),
    }
}

/// CPU time (user + system, in clock ticks) that process `pid` has used.
fn cpu_ticks(pid: &str) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let (_, rest) = stat.rsplit_once(") ")?;
    let f: Vec<&str> = rest.split_whitespace().collect();
    Some(f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?)
}

#[test]
fn the_dashboard_exits_when_its_terminal_goes_away() {
    if !Tmux::available() || !Path::new("/proc/self/stat").exists() {
        eprintln!("skipping: needs tmux and /proc");
        return;
    }
    let dir = tempfile::tempdir().expect("a temp dir");
    let store = dir.path().join("store.json");
    std::fs::write(&store, crossread::store::to_json(&common::fixture())).expect("write store");
    let pid_file = dir.path().join("pid");
    let bin = env!("CARGO_BIN_EXE_crossread");
    let t = Tmux::new();
    t.start(&format!(
        "sh -c 'echo $$ > {pid}; exec env XDG_CONFIG_HOME={home} {bin} {store}'",
        pid = quote_sh(&pid_file),
        home = quote_sh(dir.path()),
        bin = quote_sh(Path::new(bin)),
        store = quote_sh(&store),
    ));
    t.wait_all(&["The Daily Ledger", "1 Overview"]);
    let pid = std::fs::read_to_string(&pid_file).expect("the pid file");
    let pid = pid.trim();
    // the terminal goes away under it (its window closed, its multiplexer killed)
    let o = t.run(&["kill-server"]);
    assert!(o.status.success());
    let start = Instant::now();
    while !gone(pid) && start.elapsed() < Duration::from_secs(3) {
        std::thread::sleep(Duration::from_millis(20));
    }
    let took = start.elapsed();
    if !gone(pid) {
        let before = cpu_ticks(pid);
        std::thread::sleep(Duration::from_millis(500));
        let spin = before.zip(cpu_ticks(pid)).map(|(a, b)| b - a);
        let _ = Command::new("kill").args(["-KILL", pid]).output();
        panic!(
            "still running {took:?} after its terminal went away (CPU ticks in 0.5 s: {spin:?})"
        );
    }
    assert!(took < Duration::from_millis(1500), "{took:?}");
}

#[test]
fn stop_and_fg_give_the_terminal_back_and_take_it_again() {
    if !Tmux::available() {
        eprintln!("skipping the end-to-end test: tmux is not installed (.ci/run installs it)");
        return;
    }
    let dir = tempfile::tempdir().expect("a temp dir");
    let store = dir.path().join("store.json");
    std::fs::write(&store, crossread::store::to_json(&common::fixture())).expect("write store");
    let pid_file = dir.path().join("pid");
    let bin = env!("CARGO_BIN_EXE_crossread");
    let t = Tmux::new();
    t.start(&format!(
        "env -i PATH=/usr/bin:/bin HOME={home} TERM=screen PS1='sh> ' sh -i",
        home = quote_sh(dir.path())
    ));
    t.wait("the prompt", |s| s.lines().any(|l| l.trim_end() == "sh>"));
    t.text(&format!(
        "sh -c 'echo $$ > {pid}; exec env XDG_CONFIG_HOME={home} {bin} {store}'",
        pid = quote_sh(&pid_file),
        home = quote_sh(dir.path()),
        bin = quote_sh(Path::new(bin)),
        store = quote_sh(&store),
    ));
    t.keys(&["Enter"]);
    t.wait_all(&["The Daily Ledger", "1 Overview"]);
    let pid = std::fs::read_to_string(&pid_file).expect("the pid file");
    let o = Command::new("kill")
        .args(["-TSTP", pid.trim()])
        .output()
        .expect("kill runs");
    assert!(o.status.success());
    // stopped: the shell has the main screen again, in cooked mode
    let s = t.wait("the shell after the stop", |s| {
        !s.contains("1 Overview") && s.lines().filter(|l| l.trim_end() == "sh>").count() >= 1
    });
    let alt = t.run(&["display", "-p", "-t", "e2e", "#{alternate_on}"]);
    assert_eq!(String::from_utf8_lossy(&alt.stdout).trim(), "0", "{s}");
    t.text("fg");
    t.keys(&["Enter"]);
    // resumed: the alternate screen, redrawn, and keys act at once (raw mode)
    t.wait_all(&["The Daily Ledger", "1 Overview"]);
    let alt = t.run(&["display", "-p", "-t", "e2e", "#{alternate_on}"]);
    assert_eq!(String::from_utf8_lossy(&alt.stdout).trim(), "1");
    t.keys(&["?"]);
    t.wait_for("Keys · Esc closes");
    t.keys(&["Escape"]);
    t.wait_gone("Keys · Esc closes");
    t.keys(&["q"]);
    // quit after the resume: the shell's prompt on the main screen again
    let s = t.wait("the prompt after fg", |s| {
        !s.contains("1 Overview")
            && s.lines()
                .skip_while(|l| !l.starts_with("sh> fg"))
                .skip(1)
                .any(|l| l.trim_end() == "sh>")
    });
    let alt = t.run(&["display", "-p", "-t", "e2e", "#{alternate_on}"]);
    assert_eq!(String::from_utf8_lossy(&alt.stdout).trim(), "0", "{s}");
}

#[test]
fn a_missing_file_and_a_duplicate_input_are_warned_about_on_screen() {
    if !Tmux::available() {
        eprintln!("skipping the end-to-end test: tmux is not installed (.ci/run installs it)");
        return;
    }
    let dir = tempfile::tempdir().expect("a temp dir");
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).expect("a dir");
    let good = articles.join("harbour.txt");
    std::fs::write(
        &good,
        "Storm closes harbour\n\nThe harbour closed on Monday after a storm, the port authority said.\n\n\"We will reopen when the sea allows it,\" said harbour master Ann Vale.\n",
    )
    .expect("write an article");
    let missing = dir.path().join("missing.txt");
    let bin = env!("CARGO_BIN_EXE_crossread");
    // the good file, again through its directory, and a file that does not exist
    let cmd = format!(
        "XDG_CONFIG_HOME={dir} XDG_DATA_HOME={dir} {bin} {missing} {good} {articles}; echo \"EXITED $?\"; sleep 60",
        dir = quote_sh(dir.path()),
        bin = quote_sh(Path::new(bin)),
        missing = quote_sh(&missing),
        good = quote_sh(&good),
        articles = quote_sh(&articles),
    );
    let t = Tmux::new();
    t.start(&cmd);
    // the dashboard opens with the problem in its status line, and one source only
    let s = t.wait_all(&["missing.txt", "no such file", "1 source"]);
    assert!(s.contains("w lists them"), "{s}");
    t.keys(&["w"]);
    let s = t.wait_for("while loading");
    assert!(s.contains("loaded once"), "the duplicate is named\n{s}");
    t.keys(&["Escape"]);
    t.wait_gone("while loading");
    t.keys(&["q"]);
    t.wait_for("EXITED 0");
}

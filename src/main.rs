//! The crossread command line: a thin shell over the library. With no command it opens the
//! dashboard ([`crossread::tui`]).
//!
//! Data goes to stdout, messages to stderr (one line each). Exit codes: 0 success, 1 error
//! (nothing could be loaded, output not written), 2 usage.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use crossread::store::{self, Loaded};
use crossread::tui::app::Tab;

/// Compare how different outlets cover the same news story.
///
/// With no command, crossread opens the dashboard (press ? in it for the keys); with no PATH,
/// on the bundled seed articles. A PATH is an article file
/// (.txt, .md, .html), a directory of them (searched recursively) or a store.json written by
/// `crossread export`.
#[derive(Parser, Debug)]
#[command(name = "crossread", version, about, long_about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Articles, directories or an exported store.json.
    paths: Vec<PathBuf>,
    /// Read the dashboard configuration (keys, mouse) from FILE instead of
    /// $XDG_CONFIG_HOME/crossread/config.toml.
    #[arg(long, value_name = "FILE", global = true)]
    config: Option<PathBuf>,
    /// Let the mouse click tabs and rows and scroll with the wheel.
    #[arg(long)]
    mouse: bool,
    /// Show the source FILE (a path, file name or file stem) as NAME. Repeatable.
    #[arg(long = "label", value_name = "FILE=NAME", global = true, value_parser = parse_label)]
    labels: Vec<crossread::labels::Override>,
    /// Keep fact-check verdicts in FILE (default: crossread-verdicts.json beside the first
    /// source; for the seeds, in the user's data directory).
    #[arg(long, value_name = "FILE", global = true)]
    verdicts: Option<PathBuf>,
}

fn parse_label(s: &str) -> Result<crossread::labels::Override, String> {
    crossread::labels::Override::parse(s)
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print the parsed store as JSON (schema 1) on stdout.
    Export {
        /// Articles, directories or an exported store.json.
        paths: Vec<PathBuf>,
        /// Write to FILE (atomically) instead of stdout; never overwrites an input. A FIFO or
        /// device is written into, never replaced.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Also write the comparison of every pair of articles (the default for up to 16
        /// articles; the pairs grow with the square of the articles).
        #[arg(long, conflicts_with = "no_comparisons")]
        comparisons: bool,
        /// Write the articles only, however few.
        #[arg(long)]
        no_comparisons: bool,
    },
    /// Print a Markdown report comparing the sources.
    Report {
        /// Articles, directories or an exported store.json.
        paths: Vec<PathBuf>,
    },
    /// Print one line per article: title, size, what was extracted.
    Summary {
        /// Articles, directories or an exported store.json.
        paths: Vec<PathBuf>,
    },
    /// Print one tab of the dashboard as text, as it would look in a terminal of that size.
    Snapshot {
        /// overview, facts, people, claims, compare or read (or 1-6).
        #[arg(long, default_value = "overview", value_parser = parse_tab)]
        tab: Tab,
        /// Columns x rows.
        #[arg(long, default_value = "120x40", value_parser = parse_size)]
        size: (u16, u16),
        /// Articles, directories or an exported store.json.
        paths: Vec<PathBuf>,
    },
}

fn parse_tab(s: &str) -> Result<Tab, String> {
    Tab::parse(s).ok_or_else(|| {
        "expected overview, facts, people, claims, compare or read (or 1-6)".to_owned()
    })
}

fn parse_size(s: &str) -> Result<(u16, u16), String> {
    let (w, h) = s
        .split_once(['x', 'X', '×'])
        .ok_or_else(|| "expected COLUMNSxROWS, e.g. 120x40".to_owned())?;
    let n = |v: &str| {
        v.trim()
            .parse::<u16>()
            .ok()
            .filter(|n| (1..=1000).contains(n))
            .ok_or_else(|| format!("`{v}` is not a size between 1 and 1000"))
    };
    Ok((n(w)?, n(h)?))
}

/// A progress bar on stderr while articles are analysed, shown only when stderr is a terminal
/// and loading takes more than a moment; dropped (and the line cleared) when loading ends.
struct Progress {
    done: std::sync::Arc<std::sync::atomic::AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Progress {
    fn start(paths: &[PathBuf]) -> Progress {
        use std::io::IsTerminal;
        use std::sync::atomic::{AtomicBool, Ordering};
        let done = std::sync::Arc::new(AtomicBool::new(false));
        if paths.is_empty() || !std::io::stderr().is_terminal() {
            return Progress { done, thread: None };
        }
        let total = crossread::ingest::discover(paths).0.len();
        let flag = done.clone();
        let thread = std::thread::spawn(move || {
            let tick = std::time::Duration::from_millis(100);
            let start = std::time::Instant::now();
            let mut drawn = false;
            while !flag.load(Ordering::Relaxed) {
                std::thread::sleep(tick);
                if start.elapsed() < std::time::Duration::from_millis(300) {
                    continue;
                }
                let n = crossread::analyse::analysed().min(total);
                let width = 30;
                let filled = (n * width).checked_div(total).unwrap_or(width);
                let what = if n < total { "analysing" } else { "comparing" };
                let _ = write!(
                    std::io::stderr().lock(),
                    "\r\x1b[2Kcrossread: {what} [{}{}] {n}/{total} articles",
                    "#".repeat(filled),
                    "-".repeat(width - filled),
                );
                drawn = true;
            }
            if drawn {
                let _ = write!(std::io::stderr().lock(), "\r\x1b[2K");
            }
        });
        Progress {
            done,
            thread: Some(thread),
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.done.store(true, std::sync::atomic::Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Load the paths (or the seeds), print every diagnostic once, fail when nothing loaded.
fn load(paths: &[PathBuf]) -> Result<Loaded, ExitCode> {
    load_with(paths, true, true)
}

/// [`load`], with the comparisons of the pairs only when `compare`, and the diagnostics
/// printed only when `print` (the dashboard shows them itself) or when nothing loaded.
fn load_with(paths: &[PathBuf], compare: bool, print: bool) -> Result<Loaded, ExitCode> {
    // articles (not only exported stores) to analyse: build the rule tables meanwhile
    let stores_only = !paths.is_empty()
        && paths.iter().all(|p| {
            p.extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        });
    if !stores_only {
        crossread::analyse::warm_up();
    }
    let progress = Progress::start(paths);
    let loaded = if paths.is_empty() {
        store::load_seeds()
    } else {
        store::load_paths_with(paths, compare)
    };
    drop(progress);
    let mut err = std::io::stderr().lock();
    if print || loaded.store.articles.is_empty() {
        for d in &loaded.diagnostics {
            let _ = writeln!(err, "crossread: {d}");
        }
    }
    if loaded.store.articles.is_empty() {
        // the diagnostics printed above say why; a bare "nothing readable" only when none did
        let why = if !loaded.diagnostics.is_empty() {
            ""
        } else {
            " (nothing readable in the given paths)"
        };
        let _ = writeln!(err, "crossread: error: no articles loaded{why}");
        return Err(ExitCode::from(1));
    }
    Ok(loaded)
}

fn summary(loaded: &Loaded, out: &mut impl Write) -> std::io::Result<()> {
    for a in &loaded.store.articles {
        let title = crossread::labels::title(a);
        writeln!(
            out,
            "{}  {}{}  {} words, {} sentences, {} people, {} quotes, {} facts, {} claims, {} boilerplate removed",
            a.id,
            title.text,
            if title.derived {
                " (from the lead)"
            } else {
                ""
            },
            a.word_count(),
            a.sentences.len(),
            a.people.len(),
            a.quotes.len(),
            a.facts.len(),
            a.claims.len(),
            a.boilerplate.len()
        )?;
    }
    Ok(())
}

/// Exports of up to this many articles carry the comparisons of every pair unless
/// `--no-comparisons` (the scorers read them for small same-event groups); larger ones only
/// with `--comparisons`: 10,000 articles make 50 million pairs.
const COMPARE_BY_DEFAULT_UP_TO: usize = 16;

/// Source names, load problems and verdicts for the dashboard and the commands that show
/// the sources. The labels of the configuration file come first, `--label` wins over them.
struct Globals {
    labels: Vec<crossread::labels::Override>,
    verdicts: Option<PathBuf>,
}

fn options(g: &Globals, paths: &[PathBuf], loaded: &Loaded) -> crossread::tui::app::Options {
    use crossread::verdicts::{Verdicts, sidecar_for};
    let mut warnings: Vec<String> = loaded.diagnostics.iter().map(|d| d.to_string()).collect();
    // verdicts carried by exported stores, then the sidecar's over them
    let mut verdicts = Verdicts::default();
    for p in &loaded.inputs {
        if p.extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
            && let Ok(bytes) = std::fs::read(p)
        {
            verdicts.merge(Verdicts::from_store_json(&bytes));
        }
    }
    let path = g.verdicts.clone().or_else(|| sidecar_for(paths));
    if let Some(p) = &path {
        match Verdicts::load(p) {
            Ok(v) => verdicts.merge(v),
            Err(e) => warnings.push(format!("warning: {e}")),
        }
    }
    crossread::tui::app::Options {
        labels: g.labels.clone(),
        warnings,
        verdicts,
        verdicts_path: path,
    }
}

fn export(
    loaded: &Loaded,
    output: Option<&PathBuf>,
    verdicts: &crossread::verdicts::Verdicts,
) -> Result<(), String> {
    let write = |w: &mut dyn Write| crossread::verdicts::write_export(&loaded.store, verdicts, w);
    match output {
        Some(path) => {
            if crossread::atomic::is_one_of(path, &loaded.inputs) {
                return Err(format!(
                    "{}: is one of the inputs; refusing to overwrite it",
                    path.display()
                ));
            }
            crossread::atomic::write_with(path, write)
                .map_err(|e| format!("{}: cannot write: {e}", path.display()))
        }
        None => {
            use std::io::IsTerminal;
            let stdout = std::io::stdout();
            if stdout.is_terminal() {
                // on a terminal the text passes the last filter of `write_stdout`
                return write_stdout(&crossread::verdicts::export_json(&loaded.store, verdicts));
            }
            stdout_is_open()?;
            let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
            match write(&mut out).and_then(|()| out.flush()) {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                Err(e) => Err(format!("cannot write output: {e}")),
            }
        }
    }
}

/// Fail when standard output was closed (`>&-`), which would make an empty export look like
/// a success. Rust's runtime puts `/dev/null` (opened read-write) on a standard descriptor
/// that a program starts without; a shell's `> /dev/null` opens it write-only.
fn stdout_is_open() -> Result<(), String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let closed = Err("cannot write output: standard output is closed".to_owned());
        // SAFETY: fcntl and fstat on a descriptor number, with a zeroed stat buffer
        let (flags, rdev, is_char) = unsafe {
            let flags = libc::fcntl(libc::STDOUT_FILENO, libc::F_GETFL);
            if flags < 0 {
                return closed;
            }
            let mut st: libc::stat = std::mem::zeroed();
            if libc::fstat(libc::STDOUT_FILENO, &mut st) != 0 {
                return closed;
            }
            (
                flags,
                st.st_rdev,
                st.st_mode & libc::S_IFMT == libc::S_IFCHR,
            )
        };
        let dev_null = std::fs::metadata("/dev/null").map(|m| m.rdev()).ok();
        // (st_rdev is not u64 on every platform)
        #[allow(clippy::unnecessary_cast)]
        let rdev = rdev as u64;
        if is_char && flags & libc::O_ACCMODE == libc::O_RDWR && Some(rdev) == dev_null {
            return closed;
        }
    }
    Ok(())
}

/// Print `text` on stdout. On a terminal it passes one last filter
/// ([`crossread::text::terminal_safe`]): the model is already clean, but nothing printed may
/// drive the terminal. Piped output is left byte for byte.
fn write_stdout(text: &str) -> Result<(), String> {
    use std::io::IsTerminal;
    stdout_is_open()?;
    let mut out = std::io::stdout().lock();
    let text = if out.is_terminal() {
        crossread::text::terminal_safe(text)
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        // a closed pipe (`| head`) is not worth a message
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(format!("cannot write output: {e}")),
    }
}

fn run(cli: Cli) -> Result<(), (String, ExitCode)> {
    let fail = |code: ExitCode| (String::new(), code);
    let mut globals = Globals {
        labels: cli.labels.clone(),
        verdicts: cli.verdicts.clone(),
    };
    if cli.command.is_some() {
        // the configuration's source names apply to every command; its other settings
        // are the dashboard's, and a broken file is reported there
        if let Ok(c) = crossread::tui::config::load(cli.config.as_deref()) {
            globals.labels.splice(0..0, c.labels);
        }
    }
    match cli.command {
        Some(Command::Export {
            paths,
            output,
            comparisons,
            no_comparisons,
        }) => {
            let mut loaded = load_with(&paths, false, true).map_err(fail)?;
            let n = loaded.store.articles.len();
            if comparisons || (!no_comparisons && n <= COMPARE_BY_DEFAULT_UP_TO) {
                store::compare_all(&mut loaded.store);
            }
            let o = options(&globals, &paths, &loaded);
            export(&loaded, output.as_ref(), &o.verdicts).map_err(|m| (m, ExitCode::from(1)))
        }
        Some(Command::Report { paths }) => {
            let loaded = load(&paths).map_err(fail)?;
            let o = options(&globals, &paths, &loaded);
            let labels = crossread::labels::labels(&loaded.store.articles, &o.labels);
            // the report names each source by its label
            let mut store = loaded.store.clone();
            for (a, l) in store.articles.iter_mut().zip(&labels) {
                a.outlet = Some(l.clone());
                let t = crossread::labels::title(a);
                if t.derived {
                    a.title = Some(format!("{} (from the lead)", t.text));
                }
            }
            let mut report = crossread::compare::report::markdown(&store);
            report.push_str(&crossread::verdicts::markdown(&store, &o.verdicts, &labels));
            write_stdout(&report).map_err(|m| (m, ExitCode::from(1)))
        }
        Some(Command::Summary { paths }) => {
            // one line per article: the comparisons are not needed
            let loaded = load_with(&paths, false, true).map_err(fail)?;
            let mut buf = Vec::new();
            let _ = summary(&loaded, &mut buf);
            write_stdout(&String::from_utf8_lossy(&buf)).map_err(|m| (m, ExitCode::from(1)))
        }
        Some(Command::Snapshot { tab, size, paths }) => {
            let loaded = load(&paths).map_err(fail)?;
            let o = options(&globals, &paths, &loaded);
            let text = crossread::tui::snapshot_with(loaded.store, tab, size.0, size.1, o);
            write_stdout(&text).map_err(|m| (m, ExitCode::from(1)))
        }
        None => dashboard(&cli.paths, cli.config.as_deref(), cli.mouse, globals),
    }
}

/// Open the dashboard: configuration first (a broken file is an error before the screen
/// changes), then the store, then the terminal.
fn dashboard(
    paths: &[PathBuf],
    config: Option<&std::path::Path>,
    mouse: bool,
    mut globals: Globals,
) -> Result<(), (String, ExitCode)> {
    use std::io::IsTerminal;
    let mut config = crossread::tui::config::load(config).map_err(|m| (m, ExitCode::from(1)))?;
    globals
        .labels
        .splice(0..0, std::mem::take(&mut config.labels));
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err((
            "the dashboard needs a terminal; try `crossread summary` or `crossread snapshot`"
                .to_owned(),
            ExitCode::from(1),
        ));
    }
    let loaded = load_with(paths, true, false).map_err(|c| (String::new(), c))?;
    let options = options(&globals, paths, &loaded);
    match crossread::tui::run(loaded.store, config, mouse, options) {
        Ok(crossread::tui::Ended::Quit) => Ok(()),
        Ok(ended) => Err((String::new(), ExitCode::from(ended.exit_code()))),
        Err(e) => Err((format!("terminal: {e}"), ExitCode::from(1))),
    }
}

/// Parse the command line; `--help` and `--version` are printed here rather than by clap,
/// which ignores a failed write (`--help > /dev/full` must not exit 0).
fn parse_cli() -> Result<Cli, ExitCode> {
    use clap::error::ErrorKind;
    let err = match Cli::try_parse() {
        Ok(cli) => return Ok(cli),
        Err(e) => e,
    };
    if !matches!(
        err.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
    ) {
        err.exit();
    }
    use std::io::IsTerminal;
    let text = if std::io::stdout().is_terminal() {
        err.render().ansi().to_string()
    } else {
        err.render().to_string()
    };
    let written = stdout_is_open().and_then(|()| {
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes())
            .and_then(|()| out.flush())
            .map_err(|e| format!("cannot write output: {e}"))
    });
    match written {
        Ok(()) => Err(ExitCode::SUCCESS),
        Err(m) => {
            eprintln!("crossread: error: {m}");
            Err(ExitCode::from(1))
        }
    }
}

fn main() -> ExitCode {
    let cli = match parse_cli() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err((message, code)) => {
            if !message.is_empty() {
                // messages can quote input (a path, a config line): one safe line
                eprintln!("crossread: error: {}", crossread::text::sanitise(&message));
            }
            code
        }
    }
}

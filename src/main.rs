//! The crossread command line: the dashboard by default, `export` for JSON.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use crossread::ingest::Level;
use crossread::store::{self, Loaded};

/// Compare how different outlets cover the same news story.
///
/// With no PATH, crossread opens the two bundled seed articles. PATHs are article files
/// (.txt, .md, .html), directories of them (searched recursively) or a store.json written
/// by `crossread export`.
#[derive(Parser, Debug)]
#[command(name = "crossread", version, about, long_about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Articles, directories or an exported store.json.
    paths: Vec<PathBuf>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print the parsed store as JSON (schema 1) on stdout.
    Export {
        /// Articles, directories or an exported store.json.
        paths: Vec<PathBuf>,
    },
    /// Print a one-line summary per article.
    Summary {
        /// Articles, directories or an exported store.json.
        paths: Vec<PathBuf>,
    },
}

fn load(paths: &[PathBuf]) -> Result<Loaded, ExitCode> {
    let loaded = if paths.is_empty() {
        store::load_seeds()
    } else {
        store::load_paths(paths)
    };
    let mut err = std::io::stderr().lock();
    for d in &loaded.diagnostics {
        let _ = writeln!(err, "crossread: {d}");
    }
    if loaded.store.articles.is_empty() {
        let worst = loaded.diagnostics.iter().any(|d| d.level == Level::Error);
        let _ = writeln!(
            err,
            "crossread: error: no articles loaded{}",
            if worst {
                ""
            } else {
                " (nothing readable in the given paths)"
            }
        );
        return Err(ExitCode::from(1));
    }
    Ok(loaded)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (paths, command) = match cli.command {
        Some(Command::Export { paths }) => (paths, "export"),
        Some(Command::Summary { paths }) => (paths, "summary"),
        None => (cli.paths, "summary"),
    };
    let loaded = match load(&paths) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let mut out = std::io::stdout().lock();
    let result = match command {
        "export" => out.write_all(store::to_json(&loaded.store).as_bytes()),
        _ => {
            let mut r = Ok(());
            for a in &loaded.store.articles {
                r = writeln!(
                    out,
                    "{}  {}  {} paragraphs, {} sentences, {} words, {} boilerplate",
                    a.id,
                    a.title.as_deref().unwrap_or("(untitled)"),
                    a.paragraphs.len(),
                    a.sentences.len(),
                    a.word_count(),
                    a.boilerplate.len()
                );
                if r.is_err() {
                    break;
                }
            }
            r
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // a closed pipe (`| head`) is not an error worth a message
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("crossread: error: cannot write output: {e}");
            ExitCode::from(1)
        }
    }
}

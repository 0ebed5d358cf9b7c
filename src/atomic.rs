//! Writing files without losing data.
//!
//! A regular file (or a new one) is replaced atomically: the data goes to a temporary file
//! beside it, created with the final permissions and owner, flushed to disk, then renamed into
//! place, so an interrupted write leaves the old file intact. Anything else that already
//! exists under the name (a FIFO, a device, a terminal, `/dev/stdout`) is written into as a
//! stream, opened for appending: it is never replaced, and what it held is never cut.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

/// Numbers the temporary files of this process.
static COUNTER: AtomicU32 = AtomicU32::new(0);

/// The temporary files of every crossread process: `.crossread-PID-N.tmp` (short, so that a
/// target whose name is near the file-system limit still has room beside it).
const TMP_PREFIX: &str = ".crossread-";
const TMP_SUFFIX: &str = ".tmp";

/// Write `bytes` to `path` ([`write_with`]).
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_with(path, |w| w.write_all(bytes))
}

/// Write what `fill` writes to `path`: atomically for a regular file or a new one (readers see
/// the old file or the new one, never a part), as a stream for anything else.
///
/// A `path` that is a symlink is followed, so the link stays a link and its target gets the
/// new contents. The temporary file is created exclusively (never through a link someone left
/// under its name), with the old file's permissions (or the user's default for a new file),
/// given the old file's owner where the system allows it, and removed if anything fails.
/// Temporary files that a killed crossread left in the same directory are removed first.
pub fn write_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    if is_stream(path) {
        let mut out = io::BufWriter::new(fs::OpenOptions::new().append(true).open(path)?);
        fill(&mut out)?;
        return out.flush();
    }
    let target = resolve_link(path);
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if target.file_name().is_none() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a file name",
        ));
    }
    let old = fs::metadata(&target).ok();
    if old.as_ref().is_some_and(fs::Metadata::is_dir) {
        return Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "is a directory",
        ));
    }
    let (tmp, file) = create_temporary(&dir, old.as_ref())?;
    remove_stale_temporaries(&dir, &file);
    let result = (|| {
        let mut out = io::BufWriter::new(file);
        fill(&mut out)?;
        let file = out.into_inner().map_err(io::IntoInnerError::into_error)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp, &target)?;
        // make the rename itself durable; not every file system lets a directory be synced
        if let Ok(d) = fs::File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Is `path` something to write into rather than replace: an existing file that is not a
/// regular file (a FIFO, a device, a socket), or a name for an open descriptor (`/dev/stdout`,
/// `/dev/fd/N`, `/proc/…/fd/N`: it leads to whatever the shell opened, an appended log
/// included)?
fn is_stream(path: &Path) -> bool {
    match fs::metadata(path) {
        Ok(m) if m.is_dir() => false,
        Ok(m) => !m.is_file() || names_a_descriptor(path),
        Err(_) => false,
    }
}

/// Does `path`, or a link on the way to its file, name an open descriptor?
fn names_a_descriptor(path: &Path) -> bool {
    let is_fd = |p: &Path| {
        cfg!(unix)
            && (p.starts_with("/proc")
                || p.starts_with("/dev/fd")
                || ["/dev/stdout", "/dev/stderr", "/dev/stdin"]
                    .iter()
                    .any(|d| p == Path::new(d)))
    };
    let mut p = path.to_path_buf();
    for _ in 0..32 {
        if is_fd(&p) {
            return true;
        }
        match fs::read_link(&p) {
            Ok(next) => {
                p = match p.parent() {
                    Some(parent) if next.is_relative() => parent.join(next),
                    _ => next,
                };
            }
            Err(_) => return false,
        }
    }
    false
}

/// A fresh temporary file in `dir`, created with `create_new` (an existing file or link of
/// that name is never written through) and with the permissions of `old`, the file it will
/// replace, from the start: it is never readable by anyone the old file was not.
fn create_temporary(dir: &Path, old: Option<&fs::Metadata>) -> io::Result<(PathBuf, fs::File)> {
    let mut last = None;
    for _ in 0..64 {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let tmp = dir.join(format!(
            "{TMP_PREFIX}{}-{n}{TMP_SUFFIX}",
            std::process::id()
        ));
        let mut options = fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
            // the umask can only narrow this; a new file gets the usual 0666 & !umask
            options.mode(old.map_or(0o666, |m| m.mode() & 0o777));
        }
        match options.open(&tmp) {
            Ok(f) => {
                if let Err(e) = keep_owner_and_mode(&f, old) {
                    let _ = fs::remove_file(&tmp);
                    return Err(e);
                }
                return Ok((tmp, f));
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::other("no temporary file name is free")))
}

/// Give the (still empty) temporary file the old file's owner, where allowed (root replacing
/// another user's file keeps it theirs), and exactly its mode (the umask may have narrowed it).
fn keep_owner_and_mode(file: &fs::File, old: Option<&fs::Metadata>) -> io::Result<()> {
    #[cfg(unix)]
    if let Some(old) = old {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let now = file.metadata()?;
        if (now.uid(), now.gid()) != (old.uid(), old.gid()) {
            // only root may give a file away; others keep what they can (the group, if theirs)
            if std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid())).is_err() {
                let _ = std::os::unix::fs::fchown(file, None, Some(old.gid()));
            }
        }
        file.set_permissions(fs::Permissions::from_mode(old.mode() & 0o7777))?;
    }
    #[cfg(not(unix))]
    let _ = (file, old);
    Ok(())
}

/// Remove the temporary files of crossread processes that are gone (killed mid-write): ours
/// by name, owned by the same user as `mine` (just created), and whose process no longer runs.
/// Where that cannot be told (no /proc), only those more than a day old.
fn remove_stale_temporaries(dir: &Path, mine: &fs::File) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let me = std::process::id();
    let has_proc = Path::new("/proc/self").exists();
    for e in entries.filter_map(Result::ok) {
        let name = e.file_name();
        let Some(pid) = name
            .to_str()
            .and_then(|n| n.strip_prefix(TMP_PREFIX))
            .and_then(|n| n.strip_suffix(TMP_SUFFIX))
            .and_then(|n| n.split_once('-'))
            .filter(|(_, k)| k.bytes().all(|b| b.is_ascii_digit()) && !k.is_empty())
            .and_then(|(p, _)| p.parse::<u32>().ok())
        else {
            continue;
        };
        if pid == me {
            continue;
        }
        let Ok(meta) = e.path().symlink_metadata() else {
            continue;
        };
        if !meta.is_file() || !same_owner(&meta, mine) {
            continue;
        }
        let gone = if has_proc {
            !Path::new(&format!("/proc/{pid}")).exists()
        } else {
            meta.modified()
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age.as_secs() > 24 * 3600)
        };
        if gone {
            let _ = fs::remove_file(e.path());
        }
    }
}

fn same_owner(meta: &fs::Metadata, mine: &fs::File) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        mine.metadata().is_ok_and(|m| m.uid() == meta.uid())
    }
    #[cfg(not(unix))]
    {
        let _ = (meta, mine);
        true
    }
}

/// Follow a chain of symlinks to the file it names (at most 32 links; a dangling link names
/// its target, which will be created).
fn resolve_link(path: &Path) -> PathBuf {
    let mut p = path.to_path_buf();
    for _ in 0..32 {
        match fs::read_link(&p) {
            Ok(next) => {
                p = match p.parent() {
                    Some(parent) if next.is_relative() => parent.join(next),
                    _ => next,
                };
            }
            Err(_) => break,
        }
    }
    p
}

/// Is `target` the same file as one of `inputs`? (Compared by canonical path.)
pub fn is_one_of(target: &Path, inputs: &[PathBuf]) -> bool {
    let Ok(t) = fs::canonicalize(target) else {
        return false;
    };
    inputs
        .iter()
        .filter_map(|p| fs::canonicalize(p).ok())
        .any(|p| p == t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.json");
        fs::write(&p, "old").unwrap();
        write(&p, b"new").unwrap();
        assert_eq!(fs::read_to_string(&p).unwrap(), "new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
        assert!(is_one_of(&p, &[dir.path().join("out.json")]));
        assert!(!is_one_of(
            &dir.path().join("other"),
            std::slice::from_ref(&p)
        ));
    }

    #[test]
    fn a_failed_write_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("missing-dir").join("out.json");
        assert!(write(&p, b"new").is_err());
        // a directory in the way is refused, and nothing is left behind
        let d = dir.path().join("out");
        fs::create_dir(&d).unwrap();
        assert!(write(&d, b"new").is_err());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_written_through_and_a_planted_temporary_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.json");
        fs::write(&real, "old").unwrap();
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write(&link, b"new").unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");

        // a link planted under a would-be temporary name is never written through
        let victim = dir.path().join("victim");
        fs::write(&victim, "keep").unwrap();
        let next = COUNTER.load(Ordering::Relaxed);
        for n in next..next + 8 {
            let planted = dir
                .path()
                .join(format!(".crossread-{}-{n}.tmp", std::process::id()));
            let _ = std::os::unix::fs::symlink(&victim, planted);
        }
        write(&dir.path().join("out.json"), b"data").unwrap();
        assert_eq!(fs::read_to_string(&victim).unwrap(), "keep");
        assert_eq!(
            fs::read_to_string(dir.path().join("out.json")).unwrap(),
            "data"
        );
    }

    #[cfg(unix)]
    #[test]
    fn the_temporary_has_the_final_mode_and_owner_while_it_is_written() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("secret.json");
        fs::write(&p, "old").unwrap();
        fs::set_permissions(&p, fs::Permissions::from_mode(0o600)).unwrap();
        let d = dir.path().to_path_buf();
        write_with(&p, |w| {
            w.write_all(b"new")?;
            // mid-write: the temporary beside the target is already private
            for e in fs::read_dir(&d)? {
                let e = e?;
                let mode = e.metadata()?.permissions().mode() & 0o777;
                assert_eq!(mode, 0o600, "{:?}", e.file_name());
            }
            Ok(())
        })
        .unwrap();
        assert_eq!(fs::read_to_string(&p).unwrap(), "new");
        assert_eq!(
            fs::metadata(&p).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }

    #[test]
    fn stale_temporaries_of_dead_processes_are_removed_and_long_names_fit() {
        let dir = tempfile::tempdir().unwrap();
        // pid above any pid_max: no such process
        let stale = dir.path().join(".crossread-4294967295-3.tmp");
        fs::write(&stale, "x".repeat(1000)).unwrap();
        let other = dir.path().join(".crossread-notes.tmp");
        fs::write(&other, "mine").unwrap();
        // a target name near the usual 255-byte limit still has room for its temporary
        let long = dir.path().join(format!("{}.json", "n".repeat(245)));
        write(&long, b"data").unwrap();
        assert_eq!(fs::read_to_string(&long).unwrap(), "data");
        assert!(!stale.exists(), "the dead process's temporary is gone");
        assert!(other.exists(), "a file not of our naming is left alone");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_written_into_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("p");
        let ok = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            return;
        }
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
        };
        write(&fifo, b"through the pipe").unwrap();
        assert_eq!(reader.join().unwrap(), "through the pipe");
        assert!(std::os::unix::fs::FileTypeExt::is_fifo(
            &fs::symlink_metadata(&fifo).unwrap().file_type()
        ));
        // a character device is a stream too, never replaced
        if Path::new("/dev/null").exists() {
            assert!(is_stream(Path::new("/dev/null")));
        }
        assert!(!is_stream(&dir.path().join("new.json")));
        // a regular file is replaced, a link to /dev/stdout is a stream
        let regular = dir.path().join("r.json");
        fs::write(&regular, "x").unwrap();
        assert!(!is_stream(&regular));
        let link = dir.path().join("out-link");
        std::os::unix::fs::symlink("/dev/stdout", &link).unwrap();
        assert!(names_a_descriptor(&link));
        assert!(!names_a_descriptor(&regular));
    }
}

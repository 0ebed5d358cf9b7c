//! Writing files without losing data: write a temporary file beside the target, flush it to
//! disk, then rename it into place, so an interrupted write leaves the old file intact.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

/// Numbers the temporary files of this process.
static COUNTER: AtomicU32 = AtomicU32::new(0);

/// Write `bytes` to `path` atomically: readers see the old file or the new one, never a part.
///
/// A `path` that is a symlink is followed, so the link stays a link and its target gets the
/// new contents. The temporary file is created exclusively (never through a link someone left
/// under its name), takes the old file's permissions, and is removed if anything fails.
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let target = resolve_link(path);
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file name"))?;
    let old_permissions = fs::metadata(&target).ok().map(|m| m.permissions());
    if fs::metadata(&target).is_ok_and(|m| m.is_dir()) {
        return Err(io::Error::new(
            io::ErrorKind::IsADirectory,
            "is a directory",
        ));
    }
    let (tmp, mut file) = create_temporary(&dir, &name)?;
    let result = (|| {
        file.write_all(bytes)?;
        if let Some(p) = old_permissions {
            file.set_permissions(p)?;
        }
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

/// A fresh temporary file beside the target: `.NAME.tmp-PID-N`, created with `create_new` so
/// that an existing file or link of that name is never written through.
fn create_temporary(dir: &Path, name: &str) -> io::Result<(PathBuf, fs::File)> {
    let mut last = None;
    for _ in 0..64 {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let tmp = dir.join(format!(".{name}.tmp-{}-{n}", std::process::id()));
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
        {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::other("no temporary file name is free")))
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
                .join(format!(".out.json.tmp-{}-{n}", std::process::id()));
            let _ = std::os::unix::fs::symlink(&victim, planted);
        }
        write(&dir.path().join("out.json"), b"data").unwrap();
        assert_eq!(fs::read_to_string(&victim).unwrap(), "keep");
        assert_eq!(
            fs::read_to_string(dir.path().join("out.json")).unwrap(),
            "data"
        );
    }
}

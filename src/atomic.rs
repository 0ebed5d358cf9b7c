//! Writing files without losing data: write a temporary file beside the target, flush it to
//! disk, then rename it into place, so an interrupted write leaves the old file intact.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Write `bytes` to `path` atomically.
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file name"))?;
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
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
    }
}

//! Capability-based path resolution: a guest path is resolved component by component under the
//! directory descriptor it is relative to, so neither `..`, nor an absolute path, nor a symlink can
//! reach outside that directory. Escapes are refused with `EPERM`, the errno wasmtime (cap-std)
//! returns for them; wasi-libc itself answers `ENOTCAPABLE` for absolute paths that match no
//! preopen, before any call reaches the host.

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use super::errno::{ELOOP, ENAMETOOLONG, ENOENT, EPERM};

/// Symlinks followed in one resolution before giving up with `ELOOP` (Linux's limit).
const MAX_SYMLINKS: usize = 40;
const MAX_PATH: usize = 4096;

/// The host path `path` denotes under directory `root`. The final component is itself followed
/// if it is a symlink only when `follow_final` (or the path ends in `/`).
pub fn resolve(root: &Path, path: &[u8], follow_final: bool) -> Result<PathBuf, i32> {
    if path.is_empty() {
        return Err(ENOENT);
    }
    if path.len() > MAX_PATH {
        return Err(ENAMETOOLONG);
    }
    if path[0] == b'/' {
        return Err(EPERM);
    }
    let follow_final = follow_final || path.ends_with(b"/");
    let mut pending: Vec<Vec<u8>> = components(path);
    pending.reverse(); // a stack: the next component is at the end
    let mut parts: Vec<Vec<u8>> = Vec::new();
    let mut links = 0;
    while let Some(c) = pending.pop() {
        if c == b".." {
            if parts.pop().is_none() {
                return Err(EPERM);
            }
            continue;
        }
        parts.push(c);
        if !pending.is_empty() || follow_final {
            let host = join(root, &parts);
            let Ok(md) = std::fs::symlink_metadata(&host) else {
                continue;
            };
            if md.file_type().is_symlink() {
                links += 1;
                if links > MAX_SYMLINKS {
                    return Err(ELOOP);
                }
                let target = std::fs::read_link(&host).map_err(|e| super::errno::from_io(&e))?;
                let t = target.as_os_str().as_bytes();
                if t.first() == Some(&b'/') {
                    return Err(EPERM);
                }
                parts.pop();
                let mut more = components(t);
                more.reverse();
                pending.extend(more);
            }
        }
    }
    Ok(join(root, &parts))
}

fn components(path: &[u8]) -> Vec<Vec<u8>> {
    path.split(|b| *b == b'/')
        .filter(|c| !c.is_empty() && *c != b".")
        .map(<[u8]>::to_vec)
        .collect()
}

fn join(root: &Path, parts: &[Vec<u8>]) -> PathBuf {
    let mut p = root.to_path_buf();
    for c in parts {
        p.push(OsStr::from_bytes(c));
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dotdot_cannot_leave_the_root() {
        let root = Path::new("/nonexistent-root");
        assert_eq!(resolve(root, b"a/../b", false), Ok(root.join("b")));
        assert_eq!(resolve(root, b"a/../../b", false), Err(EPERM));
        assert_eq!(resolve(root, b"/etc/passwd", false), Err(EPERM));
        assert_eq!(resolve(root, b"", false), Err(ENOENT));
        assert_eq!(resolve(root, b"./x/./y", false), Ok(root.join("x/y")));
    }
}

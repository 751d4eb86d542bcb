//! The descriptor table of a WASI context: stdio, preopened directories, opened files and
//! directories. Directories are kept as host paths and only ever used as roots for
//! [`super::sandbox::resolve`], so each descriptor is a capability for its own subtree.

use std::fs::File;
use std::path::PathBuf;

use super::errno::EBADF;

/// What a descriptor refers to.
pub enum Kind {
    Stdin,
    Stdout,
    Stderr,
    File {
        file: File,
        append: bool,
    },
    /// A directory; `preopen` is the guest name of a preopened one.
    Dir {
        path: PathBuf,
        preopen: Option<String>,
    },
}

/// One open descriptor.
pub struct Fd {
    pub kind: Kind,
    /// `fdflags.nonblock`, remembered for `fd_fdstat_get`.
    pub nonblock: bool,
}

impl Fd {
    pub fn new(kind: Kind) -> Fd {
        Fd {
            kind,
            nonblock: false,
        }
    }
}

/// Descriptors by number; closed numbers are `None` and reused lowest first.
#[derive(Default)]
pub struct FdTable {
    fds: Vec<Option<Fd>>,
}

impl FdTable {
    pub fn get(&self, fd: i32) -> Result<&Fd, i32> {
        usize::try_from(fd)
            .ok()
            .and_then(|i| self.fds.get(i))
            .and_then(Option::as_ref)
            .ok_or(EBADF)
    }
    pub fn get_mut(&mut self, fd: i32) -> Result<&mut Fd, i32> {
        usize::try_from(fd)
            .ok()
            .and_then(|i| self.fds.get_mut(i))
            .and_then(Option::as_mut)
            .ok_or(EBADF)
    }
    /// Adds `fd` at the lowest free number.
    pub fn insert(&mut self, fd: Fd) -> i32 {
        match self.fds.iter().position(Option::is_none) {
            Some(i) => {
                self.fds[i] = Some(fd);
                i as i32
            }
            None => {
                self.fds.push(Some(fd));
                (self.fds.len() - 1) as i32
            }
        }
    }
    pub fn remove(&mut self, fd: i32) -> Result<Fd, i32> {
        usize::try_from(fd)
            .ok()
            .and_then(|i| self.fds.get_mut(i))
            .and_then(Option::take)
            .ok_or(EBADF)
    }
    /// Moves `from` to number `to`, closing what `to` held (`fd_renumber`).
    pub fn renumber(&mut self, from: i32, to: i32) -> Result<(), i32> {
        self.get(from)?;
        self.get(to)?;
        if from == to {
            return Ok(());
        }
        let f = self.remove(from)?;
        self.fds[to as usize] = Some(f);
        Ok(())
    }
    /// The host directory of a directory descriptor.
    pub fn dir(&self, fd: i32) -> Result<PathBuf, i32> {
        match &self.get(fd)?.kind {
            Kind::Dir { path, .. } => Ok(path.clone()),
            _ => Err(super::errno::ENOTDIR),
        }
    }
}

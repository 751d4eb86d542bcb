//! The functions of `wasi_snapshot_preview1`: argument decoding, guest memory access and the host
//! operations behind each import. Every function returns an errno; bad guest pointers give
//! `EFAULT`, never a host panic.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{DirEntryExt, FileExt, MetadataExt};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use wasmparser::ValType::{self, I32, I64};

use super::WasiCtx;
use super::errno::*;
use super::fdtable::{Fd, Kind};
use super::sandbox::resolve;
use crate::error::Error;
use crate::store::{Extern, HostFn, Store};
use crate::value::Val;

pub const MODULE: &str = "wasi_snapshot_preview1";

/// Why a WASI function stopped: an errno for the guest, or an error for the host (exit, no memory).
enum Fail {
    Errno(i32),
    Host(Error),
}
impl From<i32> for Fail {
    fn from(e: i32) -> Fail {
        Fail::Errno(e)
    }
}
impl From<Error> for Fail {
    fn from(e: Error) -> Fail {
        Fail::Host(e)
    }
}
impl From<std::io::Error> for Fail {
    fn from(e: std::io::Error) -> Fail {
        Fail::Errno(from_io(&e))
    }
}

type R<T = ()> = Result<T, Fail>;
type Impl = fn(&mut Store, &[Val]) -> R;

/// Name, parameter types (every function returns an errno `i32`, except `proc_exit`), implementation.
const FUNCS: &[(&str, &[ValType], Impl)] = &[
    ("args_get", &[I32, I32], args_get),
    ("args_sizes_get", &[I32, I32], args_sizes_get),
    ("environ_get", &[I32, I32], environ_get),
    ("environ_sizes_get", &[I32, I32], environ_sizes_get),
    ("clock_res_get", &[I32, I32], clock_res_get),
    ("clock_time_get", &[I32, I64, I32], clock_time_get),
    ("fd_advise", &[I32, I64, I64, I32], fd_advise),
    ("fd_allocate", &[I32, I64, I64], fd_allocate),
    ("fd_close", &[I32], fd_close),
    ("fd_datasync", &[I32], fd_datasync),
    ("fd_fdstat_get", &[I32, I32], fd_fdstat_get),
    ("fd_fdstat_set_flags", &[I32, I32], fd_fdstat_set_flags),
    (
        "fd_fdstat_set_rights",
        &[I32, I64, I64],
        fd_fdstat_set_rights,
    ),
    ("fd_filestat_get", &[I32, I32], fd_filestat_get),
    ("fd_filestat_set_size", &[I32, I64], fd_filestat_set_size),
    (
        "fd_filestat_set_times",
        &[I32, I64, I64, I32],
        fd_filestat_set_times,
    ),
    ("fd_pread", &[I32, I32, I32, I64, I32], fd_pread),
    ("fd_prestat_get", &[I32, I32], fd_prestat_get),
    ("fd_prestat_dir_name", &[I32, I32, I32], fd_prestat_dir_name),
    ("fd_pwrite", &[I32, I32, I32, I64, I32], fd_pwrite),
    ("fd_read", &[I32, I32, I32, I32], fd_read),
    ("fd_readdir", &[I32, I32, I32, I64, I32], fd_readdir),
    ("fd_renumber", &[I32, I32], fd_renumber),
    ("fd_seek", &[I32, I64, I32, I32], fd_seek),
    ("fd_sync", &[I32], fd_sync),
    ("fd_tell", &[I32, I32], fd_tell),
    ("fd_write", &[I32, I32, I32, I32], fd_write),
    (
        "path_create_directory",
        &[I32, I32, I32],
        path_create_directory,
    ),
    (
        "path_filestat_get",
        &[I32, I32, I32, I32, I32],
        path_filestat_get,
    ),
    (
        "path_filestat_set_times",
        &[I32, I32, I32, I32, I64, I64, I32],
        path_filestat_set_times,
    ),
    ("path_link", &[I32, I32, I32, I32, I32, I32, I32], path_link),
    (
        "path_open",
        &[I32, I32, I32, I32, I32, I64, I64, I32, I32],
        path_open,
    ),
    (
        "path_readlink",
        &[I32, I32, I32, I32, I32, I32],
        path_readlink,
    ),
    (
        "path_remove_directory",
        &[I32, I32, I32],
        path_remove_directory,
    ),
    ("path_rename", &[I32, I32, I32, I32, I32, I32], path_rename),
    ("path_symlink", &[I32, I32, I32, I32, I32], path_symlink),
    ("path_unlink_file", &[I32, I32, I32], path_unlink_file),
    ("poll_oneoff", &[I32, I32, I32, I32], poll_oneoff),
    ("proc_raise", &[I32], proc_raise),
    ("random_get", &[I32, I32], random_get),
    ("sched_yield", &[], sched_yield),
    ("sock_accept", &[I32, I32, I32], sock_unsupported),
    (
        "sock_recv",
        &[I32, I32, I32, I32, I32, I32],
        sock_unsupported,
    ),
    ("sock_send", &[I32, I32, I32, I32, I32], sock_unsupported),
    ("sock_shutdown", &[I32, I32], sock_unsupported),
];

/// Every function name of the module.
pub fn names() -> impl Iterator<Item = &'static str> {
    std::iter::once("proc_exit").chain(FUNCS.iter().map(|(n, _, _)| *n))
}

/// Creates the host function for import `name`, or `None` if the module has no such function.
pub fn define(store: &mut Store, name: &str) -> Option<u32> {
    if name == "proc_exit" {
        let ty = store.func_type(&[I32], &[]);
        let f: HostFn = Arc::new(|_, a| {
            let _ = std::io::stdout().flush();
            Err(Error::Exit(a[0].i32()))
        });
        return Some(store.add_host_func(ty, f));
    }
    let (_, params, imp) = FUNCS.iter().find(|(n, _, _)| *n == name)?;
    let ty = store.func_type(params, &[I32]);
    let imp = *imp;
    let f: HostFn = Arc::new(move |s, a| match imp(s, a) {
        Ok(()) => Ok(vec![Val::I32(SUCCESS)]),
        Err(Fail::Errno(e)) => Ok(vec![Val::I32(e)]),
        Err(Fail::Host(e)) => Err(e),
    });
    Some(store.add_host_func(ty, f))
}

// ---- guest memory ------------------------------------------------------------------------------

/// The calling instance's exported memory and the WASI context, borrowed together.
fn split(s: &mut Store) -> Result<(&mut Vec<u8>, &mut WasiCtx), Error> {
    let inst = s
        .caller_instance
        .ok_or_else(|| Error::Host("WASI call without a calling instance".into()))?;
    let m = match s.instance_export(inst, "memory") {
        Some(Extern::Memory(m)) => m,
        _ => return Err(Error::Host("WASI module does not export `memory`".into())),
    };
    let ctx = s
        .wasi
        .as_mut()
        .ok_or_else(|| Error::Host("WASI is not configured for this store".into()))?;
    Ok((&mut s.mems[m as usize].data, ctx))
}

fn ctx(s: &mut Store) -> R<&mut WasiCtx> {
    Ok(split(s)?.1)
}

fn mem(s: &mut Store) -> R<&mut Vec<u8>> {
    Ok(split(s)?.0)
}

fn range(mem: &[u8], ptr: i32, len: usize) -> R<std::ops::Range<usize>> {
    let p = ptr as u32 as usize;
    match p.checked_add(len) {
        Some(end) if end <= mem.len() => Ok(p..end),
        _ => Err(EFAULT.into()),
    }
}

fn put(s: &mut Store, ptr: i32, bytes: &[u8]) -> R {
    let m = mem(s)?;
    let r = range(m, ptr, bytes.len())?;
    m[r].copy_from_slice(bytes);
    Ok(())
}

fn put_u32(s: &mut Store, ptr: i32, v: u32) -> R {
    put(s, ptr, &v.to_le_bytes())
}

fn put_u64(s: &mut Store, ptr: i32, v: u64) -> R {
    put(s, ptr, &v.to_le_bytes())
}

/// Copies `len` guest bytes at `ptr` (bounds-checked before anything is allocated).
fn get_bytes(s: &mut Store, ptr: i32, len: usize) -> R<Vec<u8>> {
    let m = mem(s)?;
    let r = range(m, ptr, len)?;
    Ok(m[r].to_vec())
}

fn get_u32(m: &[u8], p: usize) -> R<u32> {
    m.get(p..p + 4)
        .map(|b| u32::from_le_bytes(b.try_into().unwrap()))
        .ok_or(Fail::Errno(EFAULT))
}

fn get_u64(m: &[u8], p: usize) -> R<u64> {
    m.get(p..p + 8)
        .map(|b| u64::from_le_bytes(b.try_into().unwrap()))
        .ok_or(Fail::Errno(EFAULT))
}

/// The (offset, length) pairs of an iovec array, bounds-checked.
/// Most iovecs one call accepts (Linux's `IOV_MAX`; more is `EINVAL`, as for `writev`).
const IOV_MAX: u32 = 1024;
/// Most bytes one write gathers; larger writes are short writes, which callers loop over.
const MAX_WRITE: usize = 16 << 20;

fn iovecs(s: &mut Store, iovs: i32, n: i32) -> R<Vec<std::ops::Range<usize>>> {
    if n as u32 > IOV_MAX {
        return Err(EINVAL.into());
    }
    let m = mem(s)?;
    let mut out = Vec::new();
    for k in 0..n as u32 as usize {
        let p = (iovs as u32 as usize)
            .checked_add(k * 8)
            .ok_or(Fail::Errno(EFAULT))?;
        let (ptr, len) = (get_u32(m, p)?, get_u32(m, p + 4)?);
        out.push(range(m, ptr as i32, len as usize)?);
    }
    Ok(out)
}

fn path_arg(s: &mut Store, ptr: i32, len: i32) -> R<Vec<u8>> {
    get_bytes(s, ptr, len as u32 as usize)
}

/// Resolves `path` under directory descriptor `fd` (see [`resolve`]).
fn host_path(s: &mut Store, fd: i32, ptr: i32, len: i32, follow: bool) -> R<PathBuf> {
    let path = path_arg(s, ptr, len)?;
    let root = ctx(s)?.fds.dir(fd)?;
    Ok(resolve(&root, &path, follow)?)
}

// ---- args, environment, clocks, random, process ------------------------------------------------

fn put_strings(s: &mut Store, list: Vec<Vec<u8>>, ptrs: i32, buf: i32) -> R {
    let mut p = ptrs as u32;
    let mut b = buf as u32;
    for mut item in list {
        put_u32(s, p as i32, b)?;
        item.push(0);
        put(s, b as i32, &item)?;
        p = p.wrapping_add(4);
        b = b.wrapping_add(item.len() as u32);
    }
    Ok(())
}

fn put_sizes(s: &mut Store, list: &[Vec<u8>], count_ptr: i32, size_ptr: i32) -> R {
    let size: usize = list.iter().map(|a| a.len() + 1).sum();
    put_u32(s, count_ptr, list.len() as u32)?;
    put_u32(s, size_ptr, size as u32)
}

fn args_list(s: &mut Store) -> R<Vec<Vec<u8>>> {
    Ok(ctx(s)?.args.iter().map(|a| a.as_bytes().to_vec()).collect())
}
fn env_list(s: &mut Store) -> R<Vec<Vec<u8>>> {
    Ok(ctx(s)?
        .env
        .iter()
        .map(|(k, v)| format!("{k}={v}").into_bytes())
        .collect())
}

fn args_get(s: &mut Store, a: &[Val]) -> R {
    let l = args_list(s)?;
    put_strings(s, l, a[0].i32(), a[1].i32())
}
fn args_sizes_get(s: &mut Store, a: &[Val]) -> R {
    let l = args_list(s)?;
    put_sizes(s, &l, a[0].i32(), a[1].i32())
}
fn environ_get(s: &mut Store, a: &[Val]) -> R {
    let l = env_list(s)?;
    put_strings(s, l, a[0].i32(), a[1].i32())
}
fn environ_sizes_get(s: &mut Store, a: &[Val]) -> R {
    let l = env_list(s)?;
    put_sizes(s, &l, a[0].i32(), a[1].i32())
}

/// Clock ids: 0 realtime, 1 monotonic, 2 process CPU time, 3 thread CPU time (both measured as
/// time since the context was created: the guest is single-threaded and runs on the caller's thread).
fn now(c: &WasiCtx, id: i32) -> R<u64> {
    match id {
        0 => Ok(SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(0)),
        1..=3 => Ok(c.start.elapsed().as_nanos() as u64 + c.monotonic_base),
        _ => Err(EINVAL.into()),
    }
}

fn clock_res_get(s: &mut Store, a: &[Val]) -> R {
    if !(0..=3).contains(&a[0].i32()) {
        return Err(EINVAL.into());
    }
    put_u64(s, a[1].i32(), 1)
}

fn clock_time_get(s: &mut Store, a: &[Val]) -> R {
    let t = now(ctx(s)?, a[0].i32())?;
    put_u64(s, a[2].i32(), t)
}

fn random_get(s: &mut Store, a: &[Val]) -> R {
    let m = mem(s)?;
    let r = range(m, a[0].i32(), a[1].i32() as u32 as usize)?;
    fill_random(&mut m[r]);
    Ok(())
}

/// Fills `buf` from the host's CSPRNG (`/dev/urandom`), falling back to hashed entropy.
fn fill_random(buf: &mut [u8]) {
    if File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(buf))
        .is_ok()
    {
        return;
    }
    use std::collections::hash_map::RandomState;
    use std::hash::{BuildHasher, Hasher};
    let state = RandomState::new();
    for (i, chunk) in buf.chunks_mut(8).enumerate() {
        let mut h = state.build_hasher();
        h.write_usize(i);
        chunk.copy_from_slice(&h.finish().to_le_bytes()[..chunk.len()]);
    }
}

fn proc_raise(_s: &mut Store, _a: &[Val]) -> R {
    Err(ENOSYS.into())
}

fn sched_yield(_s: &mut Store, _a: &[Val]) -> R {
    std::thread::yield_now();
    Ok(())
}

/// Sockets cannot be created in preview 1 and none is preopened: every socket call is unsupported.
fn sock_unsupported(s: &mut Store, a: &[Val]) -> R {
    ctx(s)?.fds.get(a[0].i32())?;
    Err(ENOTSUP.into())
}

// ---- descriptors --------------------------------------------------------------------------------

fn file_mut(c: &mut WasiCtx, fd: i32) -> R<&mut File> {
    match &mut c.fds.get_mut(fd)?.kind {
        Kind::File { file, .. } => Ok(file),
        Kind::Dir { .. } => Err(EISDIR.into()),
        _ => Err(EBADF.into()),
    }
}

fn fd_close(s: &mut Store, a: &[Val]) -> R {
    ctx(s)?.fds.remove(a[0].i32())?;
    Ok(())
}

fn fd_renumber(s: &mut Store, a: &[Val]) -> R {
    Ok(ctx(s)?.fds.renumber(a[0].i32(), a[1].i32())?)
}

fn fd_advise(s: &mut Store, a: &[Val]) -> R {
    file_mut(ctx(s)?, a[0].i32())?;
    if !(0..=5).contains(&a[3].i32()) || a[1].i64() < 0 || a[2].i64() < 0 {
        return Err(EINVAL.into());
    }
    Ok(()) // advice is only a hint
}

fn fd_allocate(s: &mut Store, a: &[Val]) -> R {
    let f = file_mut(ctx(s)?, a[0].i32())?;
    let (off, len) = (a[1].i64(), a[2].i64());
    let end = off
        .checked_add(len)
        .filter(|_| off >= 0 && len >= 0)
        .ok_or(Fail::Errno(EINVAL))?;
    if f.metadata()?.len() < end as u64 {
        f.set_len(end as u64)?;
    }
    Ok(())
}

fn fd_datasync(s: &mut Store, a: &[Val]) -> R {
    let c = ctx(s)?;
    match &c.fds.get(a[0].i32())?.kind {
        Kind::File { file, .. } => file.sync_data()?,
        Kind::Dir { path, .. } => File::open(path)?.sync_data()?,
        _ => return Err(EINVAL.into()),
    }
    Ok(())
}

fn fd_sync(s: &mut Store, a: &[Val]) -> R {
    let c = ctx(s)?;
    match &c.fds.get(a[0].i32())?.kind {
        Kind::File { file, .. } => file.sync_all()?,
        Kind::Dir { path, .. } => File::open(path)?.sync_all()?,
        _ => return Err(EINVAL.into()),
    }
    Ok(())
}

const FILETYPE_UNKNOWN: u8 = 0;
const FILETYPE_CHAR: u8 = 2;
const FILETYPE_DIR: u8 = 3;
const FILETYPE_FILE: u8 = 4;
const FILETYPE_SYMLINK: u8 = 7;
const FDFLAG_APPEND: u16 = 1;
const FDFLAG_NONBLOCK: u16 = 4;
/// Every right of preview 1 (descriptors are capabilities through the sandbox, not rights bits).
const ALL_RIGHTS: u64 = (1 << 30) - 1;

fn fd_fdstat_get(s: &mut Store, a: &[Val]) -> R {
    let c = ctx(s)?;
    let stdio_ty = stdio_filetype(c, a[0].i32());
    let fd = c.fds.get(a[0].i32())?;
    let (ty, mut flags, rights, inheriting) = match &fd.kind {
        Kind::Stdin => (stdio_ty, 0, RIGHT_FD_READ, 0),
        Kind::Stdout | Kind::Stderr => (stdio_ty, 0, RIGHT_FD_WRITE, 0),
        Kind::File { append, .. } => (
            FILETYPE_FILE,
            if *append { FDFLAG_APPEND } else { 0 },
            ALL_RIGHTS,
            ALL_RIGHTS,
        ),
        Kind::Dir { .. } => (FILETYPE_DIR, 0, ALL_RIGHTS, ALL_RIGHTS),
    };
    if fd.nonblock {
        flags |= FDFLAG_NONBLOCK;
    }
    let mut st = [0u8; 24];
    st[0] = ty;
    st[2..4].copy_from_slice(&flags.to_le_bytes());
    st[8..16].copy_from_slice(&rights.to_le_bytes());
    st[16..24].copy_from_slice(&inheriting.to_le_bytes());
    put(s, a[1].i32(), &st)
}

/// Stdio is a character device when it is the host's terminal, otherwise of unknown type (a pipe,
/// a file, a captured buffer), as in wasmtime; `isatty` in wasi-libc relies on this.
fn stdio_filetype(c: &WasiCtx, fd: i32) -> u8 {
    use std::io::IsTerminal;
    let tty = match fd {
        0 => c.stdin.is_none() && std::io::stdin().is_terminal(),
        1 => !c.capture && std::io::stdout().is_terminal(),
        2 => !c.capture && std::io::stderr().is_terminal(),
        _ => false,
    };
    if tty { FILETYPE_CHAR } else { FILETYPE_UNKNOWN }
}

fn fd_fdstat_set_flags(s: &mut Store, a: &[Val]) -> R {
    let flags = a[1].i32() as u16;
    if flags & !(FDFLAG_APPEND | FDFLAG_NONBLOCK) != 0 {
        return Err(ENOTSUP.into());
    }
    let fd = ctx(s)?.fds.get_mut(a[0].i32())?;
    fd.nonblock = flags & FDFLAG_NONBLOCK != 0;
    match &mut fd.kind {
        Kind::File { append, .. } => *append = flags & FDFLAG_APPEND != 0,
        _ if flags & FDFLAG_APPEND != 0 => return Err(EINVAL.into()),
        _ => {}
    }
    Ok(())
}

fn fd_fdstat_set_rights(s: &mut Store, a: &[Val]) -> R {
    ctx(s)?.fds.get(a[0].i32())?;
    Ok(())
}

fn nanos(t: std::io::Result<SystemTime>) -> u64 {
    t.ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as u64)
}

fn filestat_bytes(md: &std::fs::Metadata) -> [u8; 64] {
    let ft = md.file_type();
    let ty = if ft.is_symlink() {
        FILETYPE_SYMLINK
    } else if ft.is_dir() {
        FILETYPE_DIR
    } else if ft.is_file() {
        FILETYPE_FILE
    } else if ft_is_char(&ft) {
        FILETYPE_CHAR
    } else {
        FILETYPE_UNKNOWN
    };
    let mut b = [0u8; 64];
    b[0..8].copy_from_slice(&md.dev().to_le_bytes());
    b[8..16].copy_from_slice(&md.ino().to_le_bytes());
    b[16] = ty;
    b[24..32].copy_from_slice(&md.nlink().to_le_bytes());
    b[32..40].copy_from_slice(&md.len().to_le_bytes());
    b[40..48].copy_from_slice(&nanos(md.accessed()).to_le_bytes());
    b[48..56].copy_from_slice(&nanos(md.modified()).to_le_bytes());
    let ctim = (md.ctime() as u64)
        .saturating_mul(1_000_000_000)
        .saturating_add(md.ctime_nsec() as u64);
    b[56..64].copy_from_slice(&ctim.to_le_bytes());
    b
}

fn ft_is_char(ft: &std::fs::FileType) -> bool {
    use std::os::unix::fs::FileTypeExt;
    ft.is_char_device()
}

fn fd_filestat_get(s: &mut Store, a: &[Val]) -> R {
    let c = ctx(s)?;
    let st = match &c.fds.get(a[0].i32())?.kind {
        Kind::File { file, .. } => filestat_bytes(&file.metadata()?),
        Kind::Dir { path, .. } => filestat_bytes(&std::fs::metadata(path)?),
        _ => {
            let mut b = [0u8; 64];
            b[16] = stdio_filetype(c, a[0].i32());
            b
        }
    };
    put(s, a[1].i32(), &st)
}

fn fd_filestat_set_size(s: &mut Store, a: &[Val]) -> R {
    let size = u64::try_from(a[1].i64()).map_err(|_| Fail::Errno(EINVAL))?;
    file_mut(ctx(s)?, a[0].i32())?.set_len(size)?;
    Ok(())
}

const FST_ATIM: i32 = 1;
const FST_ATIM_NOW: i32 = 2;
const FST_MTIM: i32 = 4;
const FST_MTIM_NOW: i32 = 8;

fn file_times(atim: i64, mtim: i64, flags: i32) -> R<std::fs::FileTimes> {
    if (flags & FST_ATIM != 0 && flags & FST_ATIM_NOW != 0)
        || (flags & FST_MTIM != 0 && flags & FST_MTIM_NOW != 0)
    {
        return Err(EINVAL.into());
    }
    let at = |ns: i64| UNIX_EPOCH + Duration::from_nanos(ns as u64);
    let mut t = std::fs::FileTimes::new();
    if flags & FST_ATIM != 0 {
        t = t.set_accessed(at(atim));
    } else if flags & FST_ATIM_NOW != 0 {
        t = t.set_accessed(SystemTime::now());
    }
    if flags & FST_MTIM != 0 {
        t = t.set_modified(at(mtim));
    } else if flags & FST_MTIM_NOW != 0 {
        t = t.set_modified(SystemTime::now());
    }
    Ok(t)
}

fn fd_filestat_set_times(s: &mut Store, a: &[Val]) -> R {
    let times = file_times(a[1].i64(), a[2].i64(), a[3].i32())?;
    let c = ctx(s)?;
    match &c.fds.get(a[0].i32())?.kind {
        Kind::File { file, .. } => file.set_times(times)?,
        Kind::Dir { path, .. } => File::open(path)?.set_times(times)?,
        _ => return Err(EBADF.into()),
    }
    Ok(())
}

fn fd_prestat_get(s: &mut Store, a: &[Val]) -> R {
    let name = preopen_name(s, a[0].i32())?;
    let mut st = [0u8; 8];
    st[4..8].copy_from_slice(&(name.len() as u32).to_le_bytes());
    put(s, a[1].i32(), &st)
}

fn fd_prestat_dir_name(s: &mut Store, a: &[Val]) -> R {
    let name = preopen_name(s, a[0].i32())?;
    let len = a[2].i32() as u32 as usize;
    if len < name.len() {
        return Err(ENAMETOOLONG.into());
    }
    put(s, a[1].i32(), name.as_bytes())
}

fn preopen_name(s: &mut Store, fd: i32) -> R<String> {
    match &ctx(s)?.fds.get(fd)?.kind {
        Kind::Dir {
            preopen: Some(name),
            ..
        } => Ok(name.clone()),
        _ => Err(EBADF.into()),
    }
}

/// Reads for `fd_read`/`fd_pread`: from stdin, a file at its position, or a file at `offset`.
fn read_into(s: &mut Store, fd: i32, iovs: i32, n: i32, offset: Option<u64>) -> R<u32> {
    let vecs = iovecs(s, iovs, n)?;
    let (m, c) = split(s)?;
    let mut total = 0usize;
    for r in vecs {
        let len = r.len();
        let buf = &mut m[r];
        let got = match (&mut c.fds.get_mut(fd)?.kind, offset) {
            (Kind::Stdin, None) => match &mut c.stdin {
                Some((data, pos)) => {
                    let k = len.min(data.len() - *pos);
                    buf[..k].copy_from_slice(&data[*pos..*pos + k]);
                    *pos += k;
                    k
                }
                None => std::io::stdin().read(buf)?,
            },
            (Kind::File { file, .. }, None) => file.read(buf)?,
            (Kind::File { file, .. }, Some(off)) => file.read_at(buf, off + total as u64)?,
            (Kind::Dir { .. }, _) => return Err(EISDIR.into()),
            (Kind::Stdin, Some(_)) => return Err(ESPIPE.into()),
            _ => return Err(EBADF.into()),
        };
        total += got;
        if got < len {
            break;
        }
    }
    Ok(total as u32)
}

fn fd_read(s: &mut Store, a: &[Val]) -> R {
    let n = read_into(s, a[0].i32(), a[1].i32(), a[2].i32(), None)?;
    put_u32(s, a[3].i32(), n)
}

fn fd_pread(s: &mut Store, a: &[Val]) -> R {
    let off = u64::try_from(a[3].i64()).map_err(|_| Fail::Errno(EINVAL))?;
    let n = read_into(s, a[0].i32(), a[1].i32(), a[2].i32(), Some(off))?;
    put_u32(s, a[4].i32(), n)
}

/// Writes for `fd_write`/`fd_pwrite`: to (captured or inherited) stdout/stderr or a file.
fn write_from(s: &mut Store, fd: i32, iovs: i32, n: i32, offset: Option<u64>) -> R<u32> {
    let vecs = iovecs(s, iovs, n)?;
    let (m, c) = split(s)?;
    let mut data = Vec::new();
    for r in vecs {
        let room = MAX_WRITE - data.len();
        let r = r.start..r.end.min(r.start + room);
        data.extend_from_slice(&m[r]);
        if data.len() == MAX_WRITE {
            break;
        }
    }
    let capture = c.capture;
    match (&mut c.fds.get_mut(fd)?.kind, offset) {
        (Kind::Stdout, None) if capture => c.stdout.extend_from_slice(&data),
        (Kind::Stderr, None) if capture => c.stderr.extend_from_slice(&data),
        (Kind::Stdout, None) => {
            let mut o = std::io::stdout().lock();
            o.write_all(&data)?;
            o.flush()?;
        }
        (Kind::Stderr, None) => std::io::stderr().write_all(&data)?,
        (Kind::File { file, append }, None) => {
            if *append {
                file.seek(SeekFrom::End(0))?;
            }
            file.write_all(&data)?;
        }
        (Kind::File { file, .. }, Some(off)) => file.write_all_at(&data, off)?,
        (Kind::Dir { .. }, _) => return Err(EISDIR.into()),
        (Kind::Stdout | Kind::Stderr, Some(_)) => return Err(ESPIPE.into()),
        (Kind::Stdin, _) => return Err(EBADF.into()),
    }
    Ok(data.len() as u32)
}

fn fd_write(s: &mut Store, a: &[Val]) -> R {
    let n = write_from(s, a[0].i32(), a[1].i32(), a[2].i32(), None)?;
    put_u32(s, a[3].i32(), n)
}

fn fd_pwrite(s: &mut Store, a: &[Val]) -> R {
    let off = u64::try_from(a[3].i64()).map_err(|_| Fail::Errno(EINVAL))?;
    let n = write_from(s, a[0].i32(), a[1].i32(), a[2].i32(), Some(off))?;
    put_u32(s, a[4].i32(), n)
}

fn fd_seek(s: &mut Store, a: &[Val]) -> R {
    let (off, whence) = (a[1].i64(), a[2].i32());
    let c = ctx(s)?;
    let file = match &mut c.fds.get_mut(a[0].i32())?.kind {
        Kind::File { file, .. } => file,
        Kind::Dir { .. } => return Err(EBADF.into()),
        _ => return Err(ESPIPE.into()),
    };
    let pos = match whence {
        0 => SeekFrom::Start(u64::try_from(off).map_err(|_| Fail::Errno(EINVAL))?),
        1 => SeekFrom::Current(off),
        2 => SeekFrom::End(off),
        _ => return Err(EINVAL.into()),
    };
    let new = file.seek(pos)?;
    put_u64(s, a[3].i32(), new)
}

fn fd_tell(s: &mut Store, a: &[Val]) -> R {
    let c = ctx(s)?;
    let pos = match &mut c.fds.get_mut(a[0].i32())?.kind {
        Kind::File { file, .. } => file.stream_position()?,
        Kind::Dir { .. } => return Err(EBADF.into()),
        _ => return Err(ESPIPE.into()),
    };
    put_u64(s, a[1].i32(), pos)
}

/// `fd_readdir`: entries `.` and `..` first, then the directory's names sorted bytewise, so
/// listings are deterministic; the cookie of an entry is its index plus one.
fn fd_readdir(s: &mut Store, a: &[Val]) -> R {
    let (buf, buf_len, cookie) = (a[1].i32(), a[2].i32() as u32 as usize, a[3].i64() as u64);
    let dir = ctx(s)?
        .fds
        .dir(a[0].i32())
        .map_err(|e| if e == ENOTDIR { EBADF } else { e })?;
    let mut entries: Vec<(Vec<u8>, u64, u8)> = Vec::new();
    let md = std::fs::metadata(&dir)?;
    entries.push((b".".to_vec(), md.ino(), FILETYPE_DIR));
    let parent_ino = std::fs::metadata(dir.join(".."))
        .map(|m| m.ino())
        .unwrap_or(0);
    entries.push((b"..".to_vec(), parent_ino, FILETYPE_DIR));
    let mut names = Vec::new();
    for e in std::fs::read_dir(&dir)? {
        let e = e?;
        let ft = e.file_type()?;
        let ty = if ft.is_symlink() {
            FILETYPE_SYMLINK
        } else if ft.is_dir() {
            FILETYPE_DIR
        } else if ft.is_file() {
            FILETYPE_FILE
        } else {
            FILETYPE_UNKNOWN
        };
        names.push((e.file_name().as_bytes().to_vec(), e.ino(), ty));
    }
    names.sort();
    entries.extend(names);
    let mut out = Vec::new();
    for (i, (name, ino, ty)) in entries
        .iter()
        .enumerate()
        .skip(cookie.min(usize::MAX as u64) as usize)
    {
        let mut d = [0u8; 24];
        d[0..8].copy_from_slice(&(i as u64 + 1).to_le_bytes());
        d[8..16].copy_from_slice(&ino.to_le_bytes());
        d[16..20].copy_from_slice(&(name.len() as u32).to_le_bytes());
        d[20] = *ty;
        out.extend_from_slice(&d);
        out.extend_from_slice(name);
        if out.len() >= buf_len {
            break;
        }
    }
    out.truncate(buf_len);
    put(s, buf, &out)?;
    put_u32(s, a[4].i32(), out.len() as u32)
}

// ---- paths --------------------------------------------------------------------------------------

const LOOKUP_FOLLOW: i32 = 1;
const O_CREAT: i32 = 1;
const O_DIRECTORY: i32 = 2;
const O_EXCL: i32 = 4;
const O_TRUNC: i32 = 8;
const RIGHT_FD_READ: u64 = 1 << 1;
const RIGHT_FD_READDIR: u64 = 1 << 14;
const RIGHT_FD_WRITE: u64 = 1 << 6;
const RIGHT_FD_ALLOCATE: u64 = 1 << 8;
const RIGHT_FD_FILESTAT_SET_SIZE: u64 = 1 << 22;

fn path_open(s: &mut Store, a: &[Val]) -> R {
    let (dirfd, lookup, oflags) = (a[0].i32(), a[1].i32(), a[4].i32());
    let rights = a[5].i64() as u64;
    let fdflags = a[7].i32() as u16;
    let path = host_path(
        s,
        dirfd,
        a[2].i32(),
        a[3].i32(),
        lookup & LOOKUP_FOLLOW != 0,
    )?;
    let write = rights & (RIGHT_FD_WRITE | RIGHT_FD_ALLOCATE | RIGHT_FD_FILESTAT_SET_SIZE) != 0
        || oflags & O_TRUNC != 0
        || fdflags & FDFLAG_APPEND != 0;
    let read = rights & (RIGHT_FD_READ | RIGHT_FD_READDIR) != 0 || !write;
    let existing = std::fs::symlink_metadata(&path).ok();
    if existing
        .as_ref()
        .is_some_and(|md| md.file_type().is_symlink())
    {
        // Only reachable without LOOKUP_FOLLOW: the final component is a link.
        return Err(if oflags & (O_CREAT | O_EXCL) == O_CREAT | O_EXCL {
            EEXIST
        } else {
            ELOOP
        }
        .into());
    }
    let kind = if oflags & O_DIRECTORY != 0 || existing.as_ref().is_some_and(|m| m.is_dir()) {
        match &existing {
            None if oflags & O_CREAT != 0 && oflags & O_DIRECTORY != 0 => return Err(EINVAL.into()),
            None => return Err(ENOENT.into()),
            Some(m) if !m.is_dir() => return Err(ENOTDIR.into()),
            Some(_) if oflags & O_CREAT != 0 && oflags & O_EXCL != 0 => return Err(EEXIST.into()),
            Some(_) if write => return Err(EISDIR.into()),
            Some(_) => Kind::Dir {
                path,
                preopen: None,
            },
        }
    } else {
        let mut o = OpenOptions::new();
        o.read(read).write(write);
        if oflags & O_CREAT != 0 {
            if !write {
                o.write(true);
            }
            if oflags & O_EXCL != 0 {
                o.create_new(true);
            } else {
                o.create(true);
            }
        }
        if oflags & O_TRUNC != 0 {
            o.truncate(true);
        }
        let file = o.open(&path)?;
        Kind::File {
            file,
            append: fdflags & FDFLAG_APPEND != 0,
        }
    };
    let mut fd = Fd::new(kind);
    fd.nonblock = fdflags & FDFLAG_NONBLOCK != 0;
    let n = ctx(s)?.fds.insert(fd);
    put_u32(s, a[8].i32(), n as u32)
}

fn path_create_directory(s: &mut Store, a: &[Val]) -> R {
    let p = host_path(s, a[0].i32(), a[1].i32(), a[2].i32(), false)?;
    std::fs::create_dir(p)?;
    Ok(())
}

fn path_remove_directory(s: &mut Store, a: &[Val]) -> R {
    let p = host_path(s, a[0].i32(), a[1].i32(), a[2].i32(), false)?;
    std::fs::remove_dir(p)?;
    Ok(())
}

fn path_unlink_file(s: &mut Store, a: &[Val]) -> R {
    let p = host_path(s, a[0].i32(), a[1].i32(), a[2].i32(), false)?;
    if std::fs::symlink_metadata(&p).is_ok_and(|m| m.is_dir()) {
        return Err(EISDIR.into());
    }
    std::fs::remove_file(p)?;
    Ok(())
}

fn path_filestat_get(s: &mut Store, a: &[Val]) -> R {
    let follow = a[1].i32() & LOOKUP_FOLLOW != 0;
    let p = host_path(s, a[0].i32(), a[2].i32(), a[3].i32(), follow)?;
    let md = std::fs::symlink_metadata(p)?;
    put(s, a[4].i32(), &filestat_bytes(&md))
}

fn path_filestat_set_times(s: &mut Store, a: &[Val]) -> R {
    let follow = a[1].i32() & LOOKUP_FOLLOW != 0;
    let p = host_path(s, a[0].i32(), a[2].i32(), a[3].i32(), follow)?;
    let times = file_times(a[4].i64(), a[5].i64(), a[6].i32())?;
    if std::fs::symlink_metadata(&p)?.file_type().is_symlink() {
        return Err(ENOTSUP.into()); // setting a link's own times needs utimensat(AT_SYMLINK_NOFOLLOW)
    }
    File::open(p)?.set_times(times)?;
    Ok(())
}

fn path_link(s: &mut Store, a: &[Val]) -> R {
    let follow = a[1].i32() & LOOKUP_FOLLOW != 0;
    let old = host_path(s, a[0].i32(), a[2].i32(), a[3].i32(), follow)?;
    let new = host_path(s, a[4].i32(), a[5].i32(), a[6].i32(), false)?;
    std::fs::hard_link(old, new)?;
    Ok(())
}

fn path_readlink(s: &mut Store, a: &[Val]) -> R {
    let p = host_path(s, a[0].i32(), a[1].i32(), a[2].i32(), false)?;
    let target = std::fs::read_link(p)?;
    let bytes = target.as_os_str().as_bytes();
    let n = bytes.len().min(a[4].i32() as u32 as usize);
    put(s, a[3].i32(), &bytes[..n])?;
    put_u32(s, a[5].i32(), n as u32)
}

fn path_rename(s: &mut Store, a: &[Val]) -> R {
    let old = host_path(s, a[0].i32(), a[1].i32(), a[2].i32(), false)?;
    let new = host_path(s, a[3].i32(), a[4].i32(), a[5].i32(), false)?;
    std::fs::rename(old, new)?;
    Ok(())
}

/// `path_symlink(target, dirfd, link)`: an absolute target could never be followed inside the
/// sandbox, so it is refused, as wasmtime does.
fn path_symlink(s: &mut Store, a: &[Val]) -> R {
    let target = path_arg(s, a[0].i32(), a[1].i32())?;
    if target.first() == Some(&b'/') {
        return Err(EPERM.into());
    }
    let link = host_path(s, a[2].i32(), a[3].i32(), a[4].i32(), false)?;
    std::os::unix::fs::symlink(Path::new(std::ffi::OsStr::from_bytes(&target)), link)?;
    Ok(())
}

// ---- poll ---------------------------------------------------------------------------------------

const EVENT_CLOCK: u8 = 0;
const EVENT_FD_READ: u8 = 1;
const EVENT_FD_WRITE: u8 = 2;
const SUBCLOCK_ABSTIME: u16 = 1;

/// `poll_oneoff`: clock subscriptions sleep until the earliest deadline; descriptors are always
/// ready (files never block; stdin/stdout are reported ready), as in wasmtime's implementation.
fn poll_oneoff(s: &mut Store, a: &[Val]) -> R {
    let (inp, out, n) = (a[0].i32(), a[1].i32(), a[2].i32() as u32 as usize);
    if n == 0 {
        return Err(EINVAL.into());
    }
    let subs = get_bytes(s, inp, n.checked_mul(48).ok_or(Fail::Errno(EFAULT))?)?;
    struct Sub {
        userdata: u64,
        tag: u8,
        deadline: u64,
        fd: i32,
    }
    let mut list = Vec::new();
    let mut events: Vec<[u8; 32]> = Vec::new();
    for k in 0..n {
        let b = &subs[k * 48..k * 48 + 48];
        let userdata = get_u64(b, 0)?;
        let tag = b[8];
        let mut sub = Sub {
            userdata,
            tag,
            deadline: 0,
            fd: 0,
        };
        match tag {
            EVENT_CLOCK => {
                let id = get_u32(b, 16)? as i32;
                let timeout = get_u64(b, 24)?;
                let flags = u16::from_le_bytes([b[40], b[41]]);
                let c = ctx(s)?;
                match now(c, id) {
                    Ok(t) => {
                        let rel = if flags & SUBCLOCK_ABSTIME != 0 {
                            timeout.saturating_sub(t)
                        } else {
                            timeout
                        };
                        sub.deadline = c.start.elapsed().as_nanos() as u64 + rel;
                    }
                    Err(_) => events.push(event(userdata, EINVAL as u16, tag, 0)),
                }
            }
            EVENT_FD_READ | EVENT_FD_WRITE => {
                sub.fd = get_u32(b, 16)? as i32;
            }
            _ => return Err(EINVAL.into()),
        }
        list.push(sub);
    }
    let fds_ready = list.iter().any(|x| x.tag != EVENT_CLOCK);
    if events.is_empty() && !fds_ready {
        let start = ctx(s)?.start;
        let earliest = list.iter().map(|x| x.deadline).min().unwrap_or(0);
        let elapsed = start.elapsed().as_nanos() as u64;
        if earliest > elapsed {
            std::thread::sleep(Duration::from_nanos(earliest - elapsed));
        }
        let elapsed = start.elapsed().as_nanos() as u64;
        for x in list.iter().filter(|x| x.deadline <= elapsed) {
            events.push(event(x.userdata, 0, EVENT_CLOCK, 0));
        }
    } else if events.is_empty() {
        for x in list.iter().filter(|x| x.tag != EVENT_CLOCK) {
            let c = ctx(s)?;
            let ev = match c.fds.get(x.fd) {
                Err(e) => event(x.userdata, e as u16, x.tag, 0),
                Ok(fd) => {
                    let nbytes = match &fd.kind {
                        Kind::File { file, .. } if x.tag == EVENT_FD_READ => {
                            let md = file.metadata().map(|m| m.len()).unwrap_or(0);
                            let mut f = file;
                            md.saturating_sub(f.stream_position().unwrap_or(0))
                        }
                        _ => 0,
                    };
                    event(x.userdata, 0, x.tag, nbytes)
                }
            };
            events.push(ev);
        }
    }
    let mut bytes = Vec::with_capacity(events.len() * 32);
    for e in &events {
        bytes.extend_from_slice(e);
    }
    put(s, out, &bytes)?;
    put_u32(s, a[3].i32(), events.len() as u32)
}

fn event(userdata: u64, error: u16, tag: u8, nbytes: u64) -> [u8; 32] {
    let mut e = [0u8; 32];
    e[0..8].copy_from_slice(&userdata.to_le_bytes());
    e[8..10].copy_from_slice(&error.to_le_bytes());
    e[10] = tag;
    e[16..24].copy_from_slice(&nbytes.to_le_bytes());
    e
}

//! The `wasi_snapshot_preview1` functions implemented so far.

use std::io::{Read, Write};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use wasmparser::ValType::{self, I32, I64};

use crate::error::Error;
use crate::store::{Extern, HostFn, Store};
use crate::value::Val;

pub const MODULE: &str = "wasi_snapshot_preview1";

const SUCCESS: i32 = 0;
const EBADF: i32 = 8;
const EFAULT: i32 = 21;
const EINVAL: i32 = 28;
const ESPIPE: i32 = 70;

type Impl = fn(&mut Store, &[Val]) -> Result<i32, Error>;

/// Name, parameter types (all return an errno `i32`, except `proc_exit`), implementation.
const FUNCS: &[(&str, &[ValType], Impl)] = &[
    ("args_get", &[I32, I32], args_get),
    ("args_sizes_get", &[I32, I32], args_sizes_get),
    ("environ_get", &[I32, I32], environ_get),
    ("environ_sizes_get", &[I32, I32], environ_sizes_get),
    ("clock_res_get", &[I32, I32], clock_res_get),
    ("clock_time_get", &[I32, I64, I32], clock_time_get),
    ("fd_write", &[I32, I32, I32, I32], fd_write),
    ("fd_read", &[I32, I32, I32, I32], fd_read),
    ("fd_close", &[I32], fd_close),
    ("fd_seek", &[I32, I64, I32, I32], fd_seek),
    ("fd_fdstat_get", &[I32, I32], fd_fdstat_get),
    ("fd_prestat_get", &[I32, I32], fd_prestat_get),
    ("fd_prestat_dir_name", &[I32, I32, I32], fd_prestat_dir_name),
    ("random_get", &[I32, I32], random_get),
    ("sched_yield", &[], sched_yield),
];

/// Creates the host function for import `name`, or `None` if it is not implemented.
pub fn define(store: &mut Store, name: &str) -> Option<u32> {
    if name == "proc_exit" {
        let ty = store.func_type(&[I32], &[]);
        let f: HostFn = Arc::new(|s, a| {
            flush(s);
            Err(Error::Exit(a[0].i32()))
        });
        return Some(store.add_host_func(ty, f));
    }
    let (_, params, imp) = FUNCS.iter().find(|(n, _, _)| *n == name)?;
    let ty = store.func_type(params, &[I32]);
    let imp = *imp;
    let f: HostFn = Arc::new(move |s, a| Ok(vec![Val::I32(imp(s, a)?)]));
    Some(store.add_host_func(ty, f))
}

fn flush(_s: &mut Store) {
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().flush();
}

/// The calling instance's exported memory.
fn memory(s: &mut Store) -> Result<&mut Vec<u8>, Error> {
    let inst = s.caller_instance.ok_or_else(|| Error::Host("WASI call without a calling instance".into()))?;
    match s.instance_export(inst, "memory") {
        Some(Extern::Memory(m)) => Ok(&mut s.mems[m as usize].data),
        _ => Err(Error::Host("WASI module does not export `memory`".into())),
    }
}

fn write_bytes(s: &mut Store, ptr: i32, bytes: &[u8]) -> Result<bool, Error> {
    let mem = memory(s)?;
    let p = ptr as u32 as usize;
    match mem.get_mut(p..p + bytes.len()) {
        Some(dst) => {
            dst.copy_from_slice(bytes);
            Ok(true)
        }
        None => Ok(false),
    }
}

fn read_u32(mem: &[u8], p: usize) -> Option<u32> {
    Some(u32::from_le_bytes(mem.get(p..p + 4)?.try_into().ok()?))
}

fn ctx(s: &mut Store) -> Result<&mut super::WasiCtx, Error> {
    s.wasi.as_mut().ok_or_else(|| Error::Host("WASI is not configured for this store".into()))
}

/// Writes a list of NUL-terminated strings (args or environ) as pointer array + buffer.
fn put_strings(s: &mut Store, list: Vec<Vec<u8>>, ptrs: i32, buf: i32) -> Result<i32, Error> {
    let mut p = ptrs as u32;
    let mut b = buf as u32;
    for item in list {
        if !write_bytes(s, p as i32, &b.to_le_bytes())? {
            return Ok(EFAULT);
        }
        let mut z = item;
        z.push(0);
        if !write_bytes(s, b as i32, &z)? {
            return Ok(EFAULT);
        }
        p += 4;
        b += z.len() as u32;
    }
    Ok(SUCCESS)
}

fn sizes(s: &mut Store, list: &[Vec<u8>], count_ptr: i32, size_ptr: i32) -> Result<i32, Error> {
    let n = list.len() as u32;
    let size: u32 = list.iter().map(|a| a.len() as u32 + 1).sum();
    if !write_bytes(s, count_ptr, &n.to_le_bytes())? || !write_bytes(s, size_ptr, &size.to_le_bytes())? {
        return Ok(EFAULT);
    }
    Ok(SUCCESS)
}

fn args_list(s: &mut Store) -> Result<Vec<Vec<u8>>, Error> {
    Ok(ctx(s)?.args.iter().map(|a| a.as_bytes().to_vec()).collect())
}
fn env_list(s: &mut Store) -> Result<Vec<Vec<u8>>, Error> {
    Ok(ctx(s)?.env.iter().map(|(k, v)| format!("{k}={v}").into_bytes()).collect())
}

fn args_get(s: &mut Store, a: &[Val]) -> Result<i32, Error> {
    let l = args_list(s)?;
    put_strings(s, l, a[0].i32(), a[1].i32())
}
fn args_sizes_get(s: &mut Store, a: &[Val]) -> Result<i32, Error> {
    let l = args_list(s)?;
    sizes(s, &l, a[0].i32(), a[1].i32())
}
fn environ_get(s: &mut Store, a: &[Val]) -> Result<i32, Error> {
    let l = env_list(s)?;
    put_strings(s, l, a[0].i32(), a[1].i32())
}
fn environ_sizes_get(s: &mut Store, a: &[Val]) -> Result<i32, Error> {
    let l = env_list(s)?;
    sizes(s, &l, a[0].i32(), a[1].i32())
}

fn clock_res_get(s: &mut Store, a: &[Val]) -> Result<i32, Error> {
    if a[0].i32() as u32 > 3 {
        return Ok(EINVAL);
    }
    Ok(if write_bytes(s, a[1].i32(), &1000u64.to_le_bytes())? { SUCCESS } else { EFAULT })
}

fn clock_time_get(s: &mut Store, a: &[Val]) -> Result<i32, Error> {
    let now = match a[0].i32() {
        0 => SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos() as u64).unwrap_or(0),
        1..=3 => {
            use std::sync::OnceLock;
            static START: OnceLock<std::time::Instant> = OnceLock::new();
            START.get_or_init(std::time::Instant::now).elapsed().as_nanos() as u64
        }
        _ => return Ok(EINVAL),
    };
    Ok(if write_bytes(s, a[2].i32(), &now.to_le_bytes())? { SUCCESS } else { EFAULT })
}

/// Gathers the (ptr, len) pairs of an iovec array.
fn iovecs(s: &mut Store, iovs: i32, n: i32) -> Result<Option<Vec<(usize, usize)>>, Error> {
    let mem = memory(s)?;
    let mut out = Vec::new();
    for k in 0..n as u32 as usize {
        let p = iovs as u32 as usize + k * 8;
        let (Some(ptr), Some(len)) = (read_u32(mem, p), read_u32(mem, p + 4)) else { return Ok(None) };
        if (ptr as usize).checked_add(len as usize).is_none_or(|e| e > mem.len()) {
            return Ok(None);
        }
        out.push((ptr as usize, len as usize));
    }
    Ok(Some(out))
}

fn fd_write(s: &mut Store, a: &[Val]) -> Result<i32, Error> {
    let fd = a[0].i32();
    if fd != 1 && fd != 2 {
        return Ok(EBADF);
    }
    let Some(vecs) = iovecs(s, a[1].i32(), a[2].i32())? else { return Ok(EFAULT) };
    let mut data = Vec::new();
    {
        let mem = memory(s)?;
        for (p, l) in vecs {
            data.extend_from_slice(&mem[p..p + l]);
        }
    }
    let c = ctx(s)?;
    if c.capture {
        if fd == 1 { c.stdout.extend_from_slice(&data) } else { c.stderr.extend_from_slice(&data) }
    } else if fd == 1 {
        let mut o = std::io::stdout().lock();
        let _ = o.write_all(&data);
        let _ = o.flush();
    } else {
        let _ = std::io::stderr().write_all(&data);
    }
    Ok(if write_bytes(s, a[3].i32(), &(data.len() as u32).to_le_bytes())? { SUCCESS } else { EFAULT })
}

fn fd_read(s: &mut Store, a: &[Val]) -> Result<i32, Error> {
    if a[0].i32() != 0 {
        return Ok(EBADF);
    }
    let Some(vecs) = iovecs(s, a[1].i32(), a[2].i32())? else { return Ok(EFAULT) };
    let mut total = 0usize;
    for (p, l) in vecs {
        let mut buf = vec![0u8; l];
        let n = std::io::stdin().read(&mut buf).unwrap_or(0);
        memory(s)?[p..p + n].copy_from_slice(&buf[..n]);
        total += n;
        if n < l {
            break;
        }
    }
    Ok(if write_bytes(s, a[3].i32(), &(total as u32).to_le_bytes())? { SUCCESS } else { EFAULT })
}

fn fd_valid(s: &mut Store, fd: i32) -> Result<bool, Error> {
    let c = ctx(s)?;
    let fd = fd as u32;
    Ok(!c.closed.contains(&fd) && (fd < 3 || ((fd - 3) as usize) < c.preopens.len()))
}

fn fd_close(s: &mut Store, a: &[Val]) -> Result<i32, Error> {
    if !fd_valid(s, a[0].i32())? {
        return Ok(EBADF);
    }
    ctx(s)?.closed.push(a[0].i32() as u32);
    Ok(SUCCESS)
}

fn fd_seek(s: &mut Store, a: &[Val]) -> Result<i32, Error> {
    if !fd_valid(s, a[0].i32())? {
        return Ok(EBADF);
    }
    Ok(ESPIPE)
}

fn fd_fdstat_get(s: &mut Store, a: &[Val]) -> Result<i32, Error> {
    let fd = a[0].i32();
    if !fd_valid(s, fd)? {
        return Ok(EBADF);
    }
    let mut st = [0u8; 24];
    st[0] = if fd < 3 { 2 } else { 3 }; // character device / directory
    st[8..16].copy_from_slice(&u64::MAX.to_le_bytes());
    st[16..24].copy_from_slice(&u64::MAX.to_le_bytes());
    Ok(if write_bytes(s, a[1].i32(), &st)? { SUCCESS } else { EFAULT })
}

fn preopen_name(s: &mut Store, fd: i32) -> Result<Option<String>, Error> {
    if fd < 3 || !fd_valid(s, fd)? {
        return Ok(None);
    }
    Ok(ctx(s)?.preopens.get((fd - 3) as usize).map(|(_, g)| g.clone()))
}

fn fd_prestat_get(s: &mut Store, a: &[Val]) -> Result<i32, Error> {
    let Some(name) = preopen_name(s, a[0].i32())? else { return Ok(EBADF) };
    let mut st = [0u8; 8];
    st[4..8].copy_from_slice(&(name.len() as u32).to_le_bytes());
    Ok(if write_bytes(s, a[1].i32(), &st)? { SUCCESS } else { EFAULT })
}

fn fd_prestat_dir_name(s: &mut Store, a: &[Val]) -> Result<i32, Error> {
    let Some(name) = preopen_name(s, a[0].i32())? else { return Ok(EBADF) };
    let len = a[2].i32() as u32 as usize;
    let bytes = name.as_bytes();
    let n = bytes.len().min(len);
    Ok(if write_bytes(s, a[1].i32(), &bytes[..n])? { SUCCESS } else { EFAULT })
}

fn random_get(s: &mut Store, a: &[Val]) -> Result<i32, Error> {
    use std::collections::hash_map::RandomState;
    use std::hash::{BuildHasher, Hasher};
    let len = a[1].i32() as u32 as usize;
    let state = RandomState::new();
    let mut out = Vec::with_capacity(len + 8);
    let mut counter = 0u64;
    while out.len() < len {
        let mut h = state.build_hasher();
        h.write_u64(counter);
        counter += 1;
        out.extend_from_slice(&h.finish().to_le_bytes());
    }
    out.truncate(len);
    Ok(if write_bytes(s, a[0].i32(), &out)? { SUCCESS } else { EFAULT })
}

fn sched_yield(_s: &mut Store, _a: &[Val]) -> Result<i32, Error> {
    std::thread::yield_now();
    Ok(SUCCESS)
}

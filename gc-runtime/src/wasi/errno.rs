//! WASI preview 1 error numbers, and the mapping from host I/O errors.

#![allow(dead_code)]

use std::io;

pub const SUCCESS: i32 = 0;
pub const E2BIG: i32 = 1;
pub const EACCES: i32 = 2;
pub const EAGAIN: i32 = 6;
pub const EBADF: i32 = 8;
pub const EBUSY: i32 = 10;
pub const EEXIST: i32 = 20;
pub const EFAULT: i32 = 21;
pub const EFBIG: i32 = 22;
pub const EINTR: i32 = 27;
pub const EINVAL: i32 = 28;
pub const EIO: i32 = 29;
pub const EISDIR: i32 = 31;
pub const ELOOP: i32 = 32;
pub const EMFILE: i32 = 33;
pub const EMLINK: i32 = 34;
pub const ENAMETOOLONG: i32 = 37;
pub const ENODEV: i32 = 43;
pub const ENOENT: i32 = 44;
pub const ENOMEM: i32 = 48;
pub const ENOSPC: i32 = 51;
pub const ENOSYS: i32 = 52;
pub const ENOTDIR: i32 = 54;
pub const ENOTEMPTY: i32 = 55;
pub const ENOTSUP: i32 = 58;
pub const ENOTTY: i32 = 59;
pub const ENXIO: i32 = 60;
pub const EOVERFLOW: i32 = 61;
pub const EPERM: i32 = 63;
pub const EPIPE: i32 = 64;
pub const ERANGE: i32 = 68;
pub const EROFS: i32 = 69;
pub const ESPIPE: i32 = 70;
pub const ETXTBSY: i32 = 74;
pub const EXDEV: i32 = 75;
pub const ENOTCAPABLE: i32 = 76;

/// Maps a host I/O error to the WASI errno (Linux errno numbers first, then the error kind).
pub fn from_io(e: &io::Error) -> i32 {
    if let Some(code) = e.raw_os_error() {
        return match code {
            1 => EPERM,
            2 => ENOENT,
            5 => EIO,
            6 => ENXIO,
            9 => EBADF,
            11 => EAGAIN,
            12 => ENOMEM,
            13 => EACCES,
            16 => EBUSY,
            17 => EEXIST,
            18 => EXDEV,
            19 => ENODEV,
            20 => ENOTDIR,
            21 => EISDIR,
            22 => EINVAL,
            24 => EMFILE,
            25 => ENOTTY,
            26 => ETXTBSY,
            27 => EFBIG,
            28 => ENOSPC,
            29 => ESPIPE,
            30 => EROFS,
            31 => EMLINK,
            32 => EPIPE,
            34 => ERANGE,
            36 => ENAMETOOLONG,
            38 => ENOSYS,
            39 => ENOTEMPTY,
            40 => ELOOP,
            75 => EOVERFLOW,
            95 => ENOTSUP,
            _ => EIO,
        };
    }
    match e.kind() {
        io::ErrorKind::NotFound => ENOENT,
        io::ErrorKind::PermissionDenied => EACCES,
        io::ErrorKind::AlreadyExists => EEXIST,
        io::ErrorKind::InvalidInput => EINVAL,
        io::ErrorKind::Unsupported => ENOTSUP,
        _ => EIO,
    }
}

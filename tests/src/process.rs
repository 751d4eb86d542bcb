//! Running a child process with captured output and a time limit, so a hanging program is a failure rather
//! than a stuck CI job.

use anyhow::{Context, Result};
use std::fmt;
use std::io::{Read, Seek, SeekFrom};
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How a process ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Exited(i32),
    /// Killed by a signal; compared as the shell's `128 + signal` (a native abort equals wasmtime's 134).
    Signaled(i32),
    TimedOut(Duration),
}

impl Status {
    /// The exit status as a shell would report it; `None` for a timeout, which never agrees with anything.
    pub fn code(self) -> Option<i32> {
        match self {
            Status::Exited(code) => Some(code),
            Status::Signaled(signal) => Some(128 + signal),
            Status::TimedOut(_) => None,
        }
    }

    pub fn success(self) -> bool {
        self == Status::Exited(0)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Status::Exited(code) => write!(f, "exit status {code}"),
            Status::Signaled(signal) => {
                write!(f, "killed by signal {signal} (status {})", 128 + signal)
            }
            Status::TimedOut(limit) => write!(f, "timed out after {} s", limit.as_secs_f32()),
        }
    }
}

/// What a finished process printed and how it ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Captured {
    pub stdout: String,
    pub stderr: String,
    pub status: Status,
}

/// Runs `command` with stdin closed and stdout/stderr captured, killing its whole process group once
/// `timeout` has passed. Output goes through anonymous files, so a chatty child cannot block on a full pipe.
pub fn run(command: &mut Command, timeout: Duration) -> Result<Captured> {
    let mut stdout_file = tempfile::tempfile()?;
    let mut stderr_file = tempfile::tempfile()?;
    command
        .stdin(Stdio::null())
        .stdout(Stdio::from(stdout_file.try_clone()?))
        .stderr(Stdio::from(stderr_file.try_clone()?))
        .process_group(0);
    let program = command.get_program().to_string_lossy().into_owned();
    let mut child = command
        .spawn()
        .with_context(|| format!("cannot start `{program}`"))?;

    let started = Instant::now();
    let mut pause = Duration::from_millis(2);
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break match (status.code(), status.signal()) {
                (Some(code), _) => Status::Exited(code),
                (None, Some(signal)) => Status::Signaled(signal),
                (None, None) => Status::Exited(-1),
            };
        }
        if started.elapsed() >= timeout {
            kill_process_group(child.id());
            let _ = child.kill();
            let _ = child.wait();
            break Status::TimedOut(timeout);
        }
        std::thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(50));
    };

    Ok(Captured {
        stdout: read_all(&mut stdout_file)?,
        stderr: read_all(&mut stderr_file)?,
        status,
    })
}

/// Kills the group led by `pid` (cargo's rustc children included); best effort.
fn kill_process_group(pid: u32) {
    let _ = Command::new("kill")
        .args(["-KILL", "--", &format!("-{pid}")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
}

fn read_all(file: &mut std::fs::File) -> Result<String> {
    let mut bytes = Vec::new();
    file.seek(SeekFrom::Start(0))?;
    file.read_to_end(&mut bytes)?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captures_output_and_exit_code() {
        let captured = run(
            Command::new("sh").args(["-c", "echo out; echo err >&2; exit 3"]),
            Duration::from_secs(10),
        )
        .unwrap();
        assert_eq!(
            captured,
            Captured {
                stdout: "out\n".into(),
                stderr: "err\n".into(),
                status: Status::Exited(3)
            }
        );
    }

    #[test]
    fn a_hang_times_out() {
        let limit = Duration::from_millis(200);
        let captured = run(
            Command::new("sh").args(["-c", "echo before; sleep 30"]),
            limit,
        )
        .unwrap();
        assert_eq!(captured.status, Status::TimedOut(limit));
        assert_eq!(captured.stdout, "before\n");
    }

    #[test]
    fn signals_compare_like_the_shell() {
        let captured = run(
            Command::new("sh").args(["-c", "kill -ABRT $$"]),
            Duration::from_secs(10),
        )
        .unwrap();
        assert_eq!(captured.status.code(), Some(134));
    }
}

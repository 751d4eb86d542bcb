//! Running one command with a time limit and capturing its output; callgrind wrapping.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub struct Outcome {
    pub status: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    pub seconds: f64,
    pub timed_out: bool,
}

impl Outcome {
    pub fn ok(&self) -> bool {
        self.status == Some(0) && !self.timed_out
    }
    /// A short reason for a failed run, for the report.
    pub fn failure(&self) -> String {
        if self.timed_out {
            return format!("timed out after {:.0} s", self.seconds);
        }
        // The first line that says "error" (engines print backtraces after it), else the last line.
        let last = self
            .stderr
            .lines()
            .find(|l| l.to_ascii_lowercase().contains("error") || l.contains("panicked"))
            .or_else(|| self.stderr.lines().rev().find(|l| !l.trim().is_empty()))
            .unwrap_or("")
            .trim();
        let last: String = last.chars().take(160).collect();
        format!("exit {:?}: {}", self.status, last)
    }
}

/// Runs `cmd` to completion (killing it after `limit`), timing it from spawn to exit.
pub fn run(mut cmd: Command, limit: Duration) -> std::io::Result<Outcome> {
    cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let started = Instant::now();
    let mut child = cmd.spawn()?;
    let mut out = child.stdout.take().expect("piped");
    let mut err = child.stderr.take().expect("piped");
    let out_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = out.read_to_end(&mut s);
        s
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = err.read_to_end(&mut s);
        s
    });
    let mut timed_out = false;
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            timed_out = true;
            break child.wait()?;
        }
        std::thread::sleep(Duration::from_millis(1));
    };
    let seconds = started.elapsed().as_secs_f64();
    let stdout = String::from_utf8_lossy(&out_reader.join().unwrap_or_default()).into_owned();
    let stderr = String::from_utf8_lossy(&err_reader.join().unwrap_or_default()).into_owned();
    Ok(Outcome { status: status.code(), stdout, stderr, seconds, timed_out })
}

/// The same command under `valgrind --tool=callgrind`; returns the instruction count
/// ("Collected") together with the outcome (whose stdout is the program's).
pub fn callgrind(cmd: &Command, limit: Duration) -> std::io::Result<(Option<u64>, Outcome)> {
    let mut wrapped = Command::new("valgrind");
    wrapped.args(["--tool=callgrind", "--callgrind-out-file=/dev/null"]);
    wrapped.arg(cmd.get_program());
    wrapped.args(cmd.get_args());
    for (key, value) in cmd.get_envs() {
        match value {
            Some(v) => wrapped.env(key, v),
            None => wrapped.env_remove(key),
        };
    }
    if let Some(dir) = cmd.get_current_dir() {
        wrapped.current_dir(dir);
    }
    let outcome = run(wrapped, limit)?;
    let collected = outcome
        .stderr
        .lines()
        .find_map(|l| l.split_once("Collected :").map(|(_, n)| n.trim().parse::<u64>().ok()))
        .flatten();
    Ok((collected, outcome))
}

pub fn tool_exists(name: &str) -> bool {
    if name.contains('/') {
        return Path::new(name).is_file();
    }
    std::env::var_os("PATH")
        .map(|paths| std::env::split_paths(&paths).any(|dir| dir.join(name).is_file()))
        .unwrap_or(false)
}

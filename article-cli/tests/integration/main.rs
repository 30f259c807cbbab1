//! Integration tests: the `article` binary run on the fixtures in `examples/`, and golden
//! snapshots of every output on our own pages.
#![allow(clippy::unwrap_used)] // test helpers outside #[test] fns
mod adversarial;
mod export;
mod extract;
mod issue16;
mod issue17;
mod snapshots;
#[cfg(feature = "train")]
mod train;
mod warc;

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// The workspace's `examples/` folder.
pub fn examples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples")
}

/// A fresh, empty scratch directory for one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("article-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `article` with `args`, feeding `stdin` (empty when `None`).
pub fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    run_in(&std::env::current_dir().unwrap(), args, stdin)
}

/// Runs `article` with `args` in the working directory `dir`, feeding `stdin`.
pub fn run_in(dir: &std::path::Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_article"))
        .current_dir(dir)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    // A child that rejects its arguments exits without reading stdin: writing then
    // fails with a broken pipe, which is not the test's concern (its status is).
    if let Err(e) = pipe.write_all(stdin.unwrap_or_default()) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
    }
    drop(pipe);
    child.wait_with_output().unwrap()
}

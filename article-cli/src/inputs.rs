//! Inputs: expanding paths (directories walked recursively), reading files, stdin and
//! gzip-compressed data.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use flate2::read::MultiGzDecoder;

/// One input to process.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Input {
    /// A file.
    File(PathBuf),
    /// Standard input.
    Stdin,
}

impl Input {
    /// The name given in records and error messages.
    pub fn name(&self) -> String {
        match self {
            Input::File(p) => p.display().to_string(),
            Input::Stdin => "-".to_owned(),
        }
    }
}

/// Expands the command line's paths into inputs, in order; directories are walked
/// recursively (entries sorted by name, hidden entries and symlinked directories skipped).
/// Paths that cannot be listed are returned as errors, to be reported per input.
pub(crate) fn expand(paths: &[PathBuf]) -> (Vec<Input>, Vec<(String, anyhow::Error)>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    if paths.is_empty() {
        inputs.push(Input::Stdin);
    }
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        match fs::metadata(path) {
            Ok(m) if m.is_dir() => walk(path, &mut inputs, &mut errors),
            Ok(_) => inputs.push(Input::File(path.clone())),
            Err(e) => errors.push((path.display().to_string(), anyhow::Error::new(e))),
        }
    }
    (inputs, errors)
}

/// Walks a directory without recursion on the call stack (an explicit stack of
/// directories), so depth is bounded only by the file system.
fn walk(root: &Path, inputs: &mut Vec<Input>, errors: &mut Vec<(String, anyhow::Error)>) {
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = match fs::read_dir(&dir) {
            Ok(rd) => rd,
            Err(e) => {
                errors.push((dir.display().to_string(), anyhow::Error::new(e)));
                continue;
            }
        };
        let mut names: Vec<(PathBuf, bool)> = Vec::new();
        for entry in entries {
            match entry {
                Ok(entry) => {
                    if entry.file_name().to_string_lossy().starts_with('.') {
                        continue;
                    }
                    // file_type() does not follow symlinks: a symlinked directory is not
                    // walked (no loops); a symlinked file is read.
                    let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
                    names.push((entry.path(), is_dir));
                }
                Err(e) => errors.push((dir.display().to_string(), anyhow::Error::new(e))),
            }
        }
        names.sort();
        let mut subdirs = Vec::new();
        for (path, is_dir) in names {
            if is_dir {
                subdirs.push(path);
            } else if fs::metadata(&path).is_ok_and(|m| m.is_file()) {
                inputs.push(Input::File(path));
            }
        }
        // Depth-first in name order: push in reverse so the first is popped first. Files
        // of a directory come before its subdirectories.
        stack.extend(subdirs.into_iter().rev());
    }
}

/// Reads an input whole, gunzipping it when it starts with the gzip magic bytes. Refuses
/// (with an error) anything over `max_bytes` after decompression, without reading more
/// than `max_bytes + 1` bytes of it.
pub(crate) fn read(input: &Input, max_bytes: usize) -> anyhow::Result<Vec<u8>> {
    let mut raw = Vec::new();
    let limit = u64::try_from(max_bytes)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    match input {
        Input::File(path) => {
            let file = fs::File::open(path).context("cannot open")?;
            file.take(limit)
                .read_to_end(&mut raw)
                .context("cannot read")?;
        }
        Input::Stdin => {
            io::stdin()
                .lock()
                .take(limit)
                .read_to_end(&mut raw)
                .context("cannot read stdin")?;
        }
    }
    if raw.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        MultiGzDecoder::new(raw.as_slice())
            .take(limit)
            .read_to_end(&mut out)
            .context("invalid gzip data")?;
        raw = out;
    }
    if raw.len() > max_bytes {
        bail!("input is over the limit of {max_bytes} bytes");
    }
    Ok(raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expand_walks_sorted_and_reports_missing() {
        let dir = std::env::temp_dir().join(format!("article-cli-walk-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("b/c")).unwrap();
        fs::write(dir.join("z.txt"), "z").unwrap();
        fs::write(dir.join("a.txt"), "a").unwrap();
        fs::write(dir.join(".hidden"), "h").unwrap();
        fs::write(dir.join("b/c/d.txt"), "d").unwrap();
        let missing = dir.join("missing");
        let (inputs, errors) = expand(&[dir.clone(), missing.clone()]);
        let names: Vec<_> = inputs
            .iter()
            .map(|i| match i {
                Input::File(p) => p.strip_prefix(&dir).unwrap().display().to_string(),
                Input::Stdin => "-".into(),
            })
            .collect();
        assert_eq!(names, ["a.txt", "z.txt", "b/c/d.txt"]);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].0, missing.display().to_string());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn read_limits_plain_and_gzip() {
        use std::io::Write;
        let dir = std::env::temp_dir().join(format!("article-cli-read-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let plain = dir.join("p.txt");
        fs::write(&plain, "hello").unwrap();
        assert_eq!(read(&Input::File(plain.clone()), 5).unwrap(), b"hello");
        assert!(read(&Input::File(plain), 4).is_err());
        let gz = dir.join("p.txt.gz");
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(&[b'x'; 1000]).unwrap();
        fs::write(&gz, enc.finish().unwrap()).unwrap();
        assert_eq!(read(&Input::File(gz.clone()), 1000).unwrap().len(), 1000);
        assert!(read(&Input::File(gz), 999).is_err());
        let bad = dir.join("bad.gz");
        fs::write(&bad, [0x1f, 0x8b, 0, 1, 2]).unwrap();
        assert!(read(&Input::File(bad), 100).is_err());
        fs::remove_dir_all(&dir).unwrap();
    }
}

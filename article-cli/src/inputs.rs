//! Inputs: expanding paths (directories walked recursively), reading files, stdin and
//! gzip-compressed data.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use flate2::read::MultiGzDecoder;
use globset::{Glob, GlobSet, GlobSetBuilder};

use crate::kind;
use crate::output::Identity;

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

    /// The file name (for the extension), `None` for stdin.
    pub fn file_name(&self) -> Option<&str> {
        match self {
            Input::File(p) => p.file_name().and_then(|f| f.to_str()),
            Input::Stdin => None,
        }
    }
}

/// Which files a directory walk takes, besides never taking hidden entries, symlinked
/// directories or the run's own output.
pub(crate) struct Filter {
    /// Globs a file must match (its path below the walked directory, or its name); when
    /// none is given, files with a page extension ([`kind::by_extension`]) are taken.
    pub include: Option<GlobSet>,
    /// Globs that drop a file that would be taken.
    pub exclude: Option<GlobSet>,
    /// Files and directories never taken (the output file, the output directory).
    pub skip: Vec<Identity>,
}

impl Filter {
    /// Builds a filter from `--include` / `--exclude` globs.
    ///
    /// # Errors
    /// When a glob is invalid (the message names it).
    pub fn new(
        include: &[String],
        exclude: &[String],
        skip: Vec<Identity>,
    ) -> Result<Filter, String> {
        fn set(globs: &[String]) -> Result<Option<GlobSet>, String> {
            if globs.is_empty() {
                return Ok(None);
            }
            let mut b = GlobSetBuilder::new();
            for g in globs {
                b.add(Glob::new(g).map_err(|e| format!("invalid glob {g:?}: {e}"))?);
            }
            b.build()
                .map(Some)
                .map_err(|e| format!("invalid globs: {e}"))
        }
        Ok(Filter {
            include: set(include)?,
            exclude: set(exclude)?,
            skip,
        })
    }

    fn skipped(&self, path: &Path) -> bool {
        !self.skip.is_empty()
            && Identity::of(path).is_some_and(|id| self.skip.iter().any(|s| s.same(&id)))
    }

    /// Whether the walk takes the file at `relative` (below the walked directory).
    fn takes(&self, relative: &Path) -> bool {
        let name = relative.file_name().map(Path::new).unwrap_or(relative);
        let matches = |set: &GlobSet| set.is_match(relative) || set.is_match(name);
        let wanted = match &self.include {
            Some(set) => matches(set),
            None => name
                .to_str()
                .is_some_and(|n| kind::by_extension(n).is_some()),
        };
        wanted && !self.exclude.as_ref().is_some_and(matches)
    }
}

/// What a walk of one directory left out, for the message when it found nothing.
#[derive(Debug, Default)]
struct Skipped {
    by_name: usize,
    hidden: usize,
    linked_dirs: usize,
    other: usize,
}

impl Skipped {
    fn describe(&self) -> String {
        let mut parts = Vec::new();
        for (n, what) in [
            (
                self.by_name,
                "not a page extension or not matching --include/--exclude",
            ),
            (self.hidden, "hidden"),
            (self.linked_dirs, "symlinked directories (not followed)"),
            (self.other, "not regular files"),
        ] {
            if n > 0 {
                parts.push(format!("{n} {what}"));
            }
        }
        if parts.is_empty() {
            "it is empty".to_owned()
        } else {
            format!("skipped: {}", parts.join(", "))
        }
    }
}

/// Expands the command line's paths into inputs, in order; directories are walked
/// recursively (entries sorted by name; hidden entries, symlinked directories and files
/// the [`Filter`] does not take are skipped). Paths that cannot be listed, and named
/// directories holding no input, are returned as errors, to be reported per input.
pub(crate) fn expand(
    paths: &[PathBuf],
    filter: &Filter,
) -> (Vec<Input>, Vec<(String, anyhow::Error)>) {
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
            Ok(m) if m.is_dir() => {
                let before = inputs.len();
                let skipped = walk(path, filter, &mut inputs, &mut errors);
                if inputs.len() == before {
                    errors.push((
                        path.display().to_string(),
                        anyhow::anyhow!(
                            "no inputs found in this directory ({})",
                            skipped.describe()
                        ),
                    ));
                }
            }
            Ok(_) => inputs.push(Input::File(path.clone())),
            Err(e) => errors.push((path.display().to_string(), anyhow::Error::new(e))),
        }
    }
    (inputs, errors)
}

/// Walks a directory without recursion on the call stack (an explicit stack of
/// directories), so depth is bounded only by the file system.
fn walk(
    root: &Path,
    filter: &Filter,
    inputs: &mut Vec<Input>,
    errors: &mut Vec<(String, anyhow::Error)>,
) -> Skipped {
    let mut skipped = Skipped::default();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = match fs::read_dir(&dir) {
            Ok(rd) => rd,
            Err(e) => {
                errors.push((dir.display().to_string(), anyhow::Error::new(e)));
                continue;
            }
        };
        let mut names: Vec<(PathBuf, bool, bool)> = Vec::new();
        for entry in entries {
            match entry {
                Ok(entry) => {
                    if entry.file_name().to_string_lossy().starts_with('.') {
                        skipped.hidden += 1;
                        continue;
                    }
                    // file_type() does not follow symlinks: a symlinked directory is not
                    // walked (no loops); a symlinked file is read.
                    let t = entry.file_type().ok();
                    let is_dir = t.is_some_and(|t| t.is_dir());
                    let is_link = t.is_some_and(|t| t.is_symlink());
                    names.push((entry.path(), is_dir, is_link));
                }
                Err(e) => errors.push((dir.display().to_string(), anyhow::Error::new(e))),
            }
        }
        names.sort();
        let mut subdirs = Vec::new();
        for (path, is_dir, is_link) in names {
            if is_dir {
                if !filter.skipped(&path) {
                    subdirs.push(path);
                }
                continue;
            }
            let meta = fs::metadata(&path);
            if is_link && meta.as_ref().is_ok_and(fs::Metadata::is_dir) {
                skipped.linked_dirs += 1;
            } else if !meta.is_ok_and(|m| m.is_file()) {
                skipped.other += 1;
            } else if !filter.takes(path.strip_prefix(root).unwrap_or(&path)) {
                skipped.by_name += 1;
            } else if !filter.skipped(&path) {
                inputs.push(Input::File(path));
            }
        }
        // Depth-first in name order: push in reverse so the first is popped first. Files
        // of a directory come before its subdirectories.
        stack.extend(subdirs.into_iter().rev());
    }
    skipped
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
        let filter = Filter::new(&[], &[], Vec::new()).unwrap();
        let (inputs, errors) = expand(&[dir.clone(), missing.clone()], &filter);
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

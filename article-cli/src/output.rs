//! Outputs that never lose data: a file is written through a temporary file in its own
//! directory and renamed over the target only when complete, so a failed or interrupted run
//! leaves the previous file as it was; `.gz` targets are gzip-compressed; inputs are never
//! an output.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use flate2::write::GzEncoder;
use tempfile::TempPath;

/// The identity of an existing file: its canonical path and, on Unix, its device and inode
/// (so hard links and bind mounts compare equal too).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Identity {
    canonical: PathBuf,
    #[cfg(unix)]
    dev_ino: (u64, u64),
}

impl Identity {
    /// The identity of the file at `path` (symlinks followed); `None` when it does not exist.
    pub fn of(path: &Path) -> Option<Identity> {
        let meta = fs::metadata(path).ok()?;
        let canonical = fs::canonicalize(path).ok()?;
        #[cfg(not(unix))]
        let _ = meta;
        Some(Identity {
            canonical,
            #[cfg(unix)]
            dev_ino: {
                use std::os::unix::fs::MetadataExt;
                (meta.dev(), meta.ino())
            },
        })
    }

    /// Whether both are the same file.
    pub fn same(&self, other: &Identity) -> bool {
        #[cfg(unix)]
        if self.dev_ino == other.dev_ino {
            return true;
        }
        self.canonical == other.canonical
    }
}

/// Whether `path` names a gzip output (`.gz`, any case).
fn is_gzip_name(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("gz"))
}

/// The bytes of an output on their way to the file.
enum Encoder {
    Plain(BufWriter<File>),
    Gzip(Box<GzEncoder<BufWriter<File>>>),
}

/// A file being written: through a temporary file renamed over the target on
/// [`OutputFile::commit`], or directly when the target is not a regular file (a device such
/// as `/dev/full` or `/dev/stdout`, a FIFO). Dropped without `commit`, the temporary file is
/// removed and the target is left as it was.
pub(crate) struct OutputFile {
    encoder: Encoder,
    temp: Option<TempPath>,
    target: PathBuf,
    shown: String,
}

impl OutputFile {
    /// Starts writing `path` (symlinks are followed: the file they point to is replaced).
    ///
    /// # Errors
    /// When the temporary file (or a device target) cannot be opened; the message names `path`.
    pub fn create(path: &Path) -> anyhow::Result<OutputFile> {
        let shown = path.display().to_string();
        let existing = fs::metadata(path).ok();
        let gzip = is_gzip_name(path);
        let (file, temp, target) = match existing {
            Some(meta) if !meta.is_file() => {
                if meta.is_dir() {
                    anyhow::bail!("cannot write {shown}: it is a directory");
                }
                let file = fs::OpenOptions::new()
                    .write(true)
                    .open(path)
                    .with_context(|| format!("cannot open {shown}"))?;
                (file, None, path.to_path_buf())
            }
            _ => {
                let target = match existing {
                    Some(_) => fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()),
                    None => path.to_path_buf(),
                };
                let dir = match target.parent() {
                    Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                    _ => PathBuf::from("."),
                };
                let mut builder = tempfile::Builder::new();
                builder.prefix(".article-").suffix(".tmp");
                #[cfg(unix)]
                {
                    use std::os::unix::fs::PermissionsExt;
                    let mode = existing
                        .as_ref()
                        .map_or(0o666, |m| m.permissions().mode() & 0o7777);
                    builder.permissions(fs::Permissions::from_mode(mode));
                }
                fs::metadata(&dir)
                    .with_context(|| format!("cannot create {shown} in {}", dir.display()))?;
                // tempfile's message names the temporary file: keep the kind of error only
                let temp = builder
                    .tempfile_in(&dir)
                    .map_err(|e| io::Error::from(e.kind()));
                let temp = temp.with_context(|| {
                    format!(
                        "cannot create {shown} (a temporary file in {})",
                        dir.display()
                    )
                })?;
                let (file, temp) = temp.into_parts();
                (file, Some(temp), target)
            }
        };
        let buffered = BufWriter::with_capacity(1 << 16, file);
        let encoder = if gzip {
            Encoder::Gzip(Box::new(GzEncoder::new(
                buffered,
                flate2::Compression::default(),
            )))
        } else {
            Encoder::Plain(buffered)
        };
        Ok(OutputFile {
            encoder,
            temp,
            target,
            shown,
        })
    }

    /// The path as the user gave it.
    pub fn shown(&self) -> &str {
        &self.shown
    }

    /// Ends the output: finishes compression, flushes, syncs and renames the temporary file
    /// over the target.
    ///
    /// # Errors
    /// On any I/O failure; the target is then left as it was (the temporary file is
    /// removed).
    pub fn commit(self) -> anyhow::Result<()> {
        let shown = self.shown;
        let buffered = match self.encoder {
            Encoder::Plain(b) => b,
            Encoder::Gzip(g) => g
                .finish()
                .with_context(|| format!("cannot write {shown}"))?,
        };
        let file = buffered
            .into_inner()
            .map_err(io::IntoInnerError::into_error)
            .with_context(|| format!("cannot write {shown}"))?;
        if let Some(temp) = self.temp {
            file.sync_all()
                .with_context(|| format!("cannot write {shown}"))?;
            drop(file);
            temp.persist(&self.target)
                .map_err(|e| e.error)
                .with_context(|| format!("cannot rename the temporary file to {shown}"))?;
        }
        Ok(())
    }
}

impl Write for OutputFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.encoder {
            Encoder::Plain(w) => w.write(buf),
            Encoder::Gzip(w) => w.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match &mut self.encoder {
            Encoder::Plain(w) => w.write_all(buf),
            Encoder::Gzip(w) => w.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.encoder {
            Encoder::Plain(w) => w.flush(),
            Encoder::Gzip(w) => w.flush(),
        }
    }
}

/// Where a stream of output goes: stdout or a file.
pub(crate) enum Output {
    /// Standard output.
    Stdout(BufWriter<io::StdoutLock<'static>>),
    /// A file, committed at the end.
    File(OutputFile),
}

impl Output {
    /// `path` (`-` or `None` for stdout).
    ///
    /// # Errors
    /// As [`OutputFile::create`].
    pub fn open(path: Option<&Path>) -> anyhow::Result<Output> {
        match path {
            Some(p) if p.as_os_str() != "-" => Ok(Output::File(OutputFile::create(p)?)),
            _ => Ok(Output::Stdout(BufWriter::with_capacity(
                1 << 16,
                io::stdout().lock(),
            ))),
        }
    }

    /// The name shown in messages.
    pub fn shown(&self) -> &str {
        match self {
            Output::Stdout(_) => "stdout",
            Output::File(f) => f.shown(),
        }
    }

    /// Ends the output (see [`OutputFile::commit`]).
    ///
    /// # Errors
    /// On I/O failure.
    pub fn commit(self) -> anyhow::Result<()> {
        match self {
            Output::Stdout(mut w) => w.flush().context("cannot write stdout"),
            Output::File(f) => f.commit(),
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Output::Stdout(w) => w.write(buf),
            Output::File(f) => f.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Output::Stdout(w) => w.write_all(buf),
            Output::File(f) => f.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Output::Stdout(w) => w.flush(),
            Output::File(f) => f.flush(),
        }
    }
}

/// Writes `bytes` to `path` through a temporary file and a rename.
///
/// # Errors
/// On I/O failure, the target left as it was.
pub(crate) fn write_file(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let mut out = OutputFile::create(path)?;
    out.write_all(bytes)
        .with_context(|| format!("cannot write {}", path.display()))?;
    out.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commit_replaces_and_drop_keeps() {
        let dir = std::env::temp_dir().join(format!("article-cli-output-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        let path = dir.join("out.txt");
        fs::write(&path, "old").unwrap();
        let mut out = OutputFile::create(&path).unwrap();
        out.write_all(b"new, not committed").unwrap();
        out.flush().unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        drop(out);
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        write_file(&path, b"new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        let names: Vec<_> = fs::read_dir(&dir).unwrap().collect();
        assert_eq!(names.len(), 1, "temporary files left behind");
        let a = Identity::of(&path).unwrap();
        let b = Identity::of(&dir.join(".").join("out.txt")).unwrap();
        assert!(a.same(&b));
        assert!(Identity::of(&dir.join("missing")).is_none());
        fs::remove_dir_all(&dir).unwrap();
    }
}

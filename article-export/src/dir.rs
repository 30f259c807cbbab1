//! [`DirWriter`]: writes formats with files per article (brat) into a directory.

use std::collections::HashSet;
use std::fs;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use article_model::Article;

use crate::brat::{self, BRAT_ANNOTATION_CONF};
use crate::error::{Error, ErrorKind, Result};
use crate::format::Format;
use crate::writer::Options;

/// Writes each article as files of its own into a directory: for brat, `NAME.txt` and
/// `NAME.ann`, and an `annotation.conf` at the end.
///
/// `NAME` is the file name of the article's [`source`](Article::source) without a final
/// `.gz` (`pages/a1.html.gz` gives `a1.html.txt` and `a1.html.ann`, which brat lists
/// as the document `a1.html`), with chars other than letters, digits, `.`, `-` and `_`
/// replaced by `_`; `article` when there is no source and `stdin` for `-`. A name
/// already used in this run gets `-2`, `-3`, ... Files of earlier runs are overwritten.
/// Memory holds one small hash per article written.
///
/// ```no_run
/// use article_export::{DirWriter, Format, Options};
/// use article_model::{Article, BlockKind};
///
/// let mut article = Article::new();
/// article.source = Some("pages/harbour-strike.html".into());
/// article.push_paragraph(BlockKind::Paragraph, "Dockers voted to return to work.", None);
/// let mut dir = DirWriter::new("out", Format::Brat, Options::default())?;
/// let name = dir.write(&article)?; // out/harbour-strike.html.txt + .ann
/// assert_eq!(name, "harbour-strike.html");
/// dir.finish()?; // out/annotation.conf
/// # Ok::<(), article_export::Error>(())
/// ```
#[derive(Debug)]
pub struct DirWriter {
    dir: PathBuf,
    format: Format,
    options: Options,
    used: HashSet<u64>,
    written: usize,
}

impl DirWriter {
    /// A writer of `format` into the directory `dir`, created if missing.
    ///
    /// # Errors
    /// When `format` is not written per article ([`Format::is_per_document`]) or the
    /// directory cannot be created.
    pub fn new(dir: impl Into<PathBuf>, format: Format, options: Options) -> Result<DirWriter> {
        if !format.is_per_document() {
            return Err(Error::new(ErrorKind::Unsupported(format.name())));
        }
        let dir = dir.into();
        fs::create_dir_all(&dir)?;
        Ok(DirWriter {
            dir,
            format,
            options,
            used: HashSet::new(),
            written: 0,
        })
    }

    /// The directory written into.
    #[must_use]
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Number of articles written so far.
    #[must_use]
    pub fn written(&self) -> usize {
        self.written
    }

    /// Writes one article's files and returns their common name (without extension).
    ///
    /// # Errors
    /// On I/O failure or an article that breaks an invariant.
    pub fn write(&mut self, article: &Article) -> Result<String> {
        let name = self.unique_name(&base_name(article.source.as_deref()));
        match self.format {
            Format::Brat => {
                let doc = brat::to_brat(article, self.options.offset_unit())?;
                fs::write(self.dir.join(format!("{name}.txt")), doc.text())?;
                fs::write(self.dir.join(format!("{name}.ann")), doc.annotations())?;
            }
            other => return Err(Error::new(ErrorKind::Unsupported(other.name()))),
        }
        self.written += 1;
        Ok(name)
    }

    /// Writes what the directory needs besides the articles (brat's `annotation.conf`).
    ///
    /// # Errors
    /// On I/O failure.
    pub fn finish(self) -> Result<()> {
        if self.format == Format::Brat {
            fs::write(self.dir.join("annotation.conf"), BRAT_ANNOTATION_CONF)?;
        }
        Ok(())
    }

    fn unique_name(&mut self, base: &str) -> String {
        let mut name = base.to_owned();
        let mut n = 1usize;
        while !self.used.insert(hash(&name)) {
            n += 1;
            name = format!("{base}-{n}");
        }
        name
    }
}

fn hash(s: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    s.hash(&mut h);
    h.finish()
}

/// The file name for an article from `source` (see [`DirWriter`]).
fn base_name(source: Option<&str>) -> String {
    let Some(source) = source else {
        return "article".to_owned();
    };
    if source == "-" {
        return "stdin".to_owned();
    }
    let file = source.rsplit(['/', '\\']).next().unwrap_or(source);
    let file = file.strip_suffix(".gz").unwrap_or(file);
    let name: String = file
        .chars()
        .take(120)
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let name = name.trim_start_matches('.');
    if name.is_empty() {
        "article".to_owned()
    } else {
        name.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use article_model::BlockKind;

    #[test]
    fn names() {
        let cases = [
            (None, "article"),
            (Some("-"), "stdin"),
            (Some("dev/html/ab12.html.gz"), "ab12.html"),
            (Some("dev/html/ab12.txt"), "ab12.txt"),
            (Some("C:\\pages\\x y?.htm"), "x_y_.htm"),
            (Some("../.."), "article"),
            (Some("dir/"), "article"),
        ];
        for (source, want) in cases {
            assert_eq!(base_name(source), want, "{source:?}");
        }
    }

    #[test]
    fn writes_pairs_and_conf() {
        let dir = std::env::temp_dir().join(format!("article-export-dir-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let mut w = DirWriter::new(&dir, Format::Brat, Options::default()).unwrap();
        let mut a = Article::new();
        a.source = Some("p/x.html".into());
        a.push_paragraph(BlockKind::Paragraph, "Text.", None);
        assert_eq!(w.write(&a).unwrap(), "x.html");
        assert_eq!(w.write(&a).unwrap(), "x.html-2");
        w.finish().unwrap();
        assert_eq!(
            fs::read_to_string(dir.join("x.html.txt")).unwrap(),
            "Text.\n"
        );
        assert_eq!(fs::read_to_string(dir.join("x.html-2.ann")).unwrap(), "");
        assert!(dir.join("annotation.conf").exists());
        fs::remove_dir_all(&dir).unwrap();
        assert!(DirWriter::new(&dir, Format::Json, Options::default()).is_err());
    }
}

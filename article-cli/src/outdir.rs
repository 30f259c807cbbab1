//! `--output-dir DIR` (and `--to brat -o DIR`): one file per input (brat: a `.txt` and an
//! `.ann`), each written through a temporary file and renamed, plus `index.jsonl` mapping
//! names to sources (and brat's `annotation.conf`) at the end.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::Context;
use article_export::{BRAT_ANNOTATION_CONF, Format, Options, to_brat, to_string};
use article_model::{Article, OffsetUnit};

use crate::inputs::Input;
use crate::output::{Identity, write_file};

/// The index file's name.
pub(crate) const INDEX: &str = "index.jsonl";

/// The extension of the file a format writes per document (brat: `.txt` and `.ann`).
fn extension(format: Format) -> &'static str {
    match format {
        Format::Json => "json",
        Format::Jsonl => "jsonl",
        Format::Text | Format::Brat => "txt",
        Format::Markdown => "md",
        Format::Csv => "csv",
        Format::Conll => "conll",
        _ => "xml",
    }
}

/// The name (without extension) of an input's files: its file name without a final `.gz`
/// and a page extension (`.html`, `.htm`, `.xhtml`, `.txt`, `.warc`), chars other than
/// letters, digits, `.`, `-` and `_` replaced by `_`, no leading dot, at most 120 chars;
/// `stdin` for stdin and `article` when nothing is left.
pub(crate) fn base_name(input: &Input) -> String {
    let Input::File(path) = input else {
        return "stdin".to_owned();
    };
    let file = path
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = strip_suffix_ignore_case(&file, ".gz").unwrap_or(&file);
    let stem = match stem.rsplit_once('.') {
        Some((s, ext)) if crate::kind::of_extension(ext).is_some() => s,
        _ => stem,
    };
    let name: String = stem
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

fn strip_suffix_ignore_case<'a>(s: &'a str, suffix: &str) -> Option<&'a str> {
    let at = s.len().checked_sub(suffix.len())?;
    let tail = s.get(at..)?;
    tail.eq_ignore_ascii_case(suffix).then(|| &s[..at])
}

/// brat's `.ann` with every `T` span that holds a tab or a line break split into
/// discontinuous fragments (`T1\tQuotation 0 5;6 12\tfirst second`: the fragments' text
/// joined by a space, as brat checks it). `text` is the `.txt`; offsets are in chars.
pub(crate) fn fragment_spans(text: &str, ann: &str) -> String {
    let breaks = |c: char| matches!(c, '\t' | '\n' | '\r');
    if !text.contains(breaks) {
        return ann.to_owned();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(ann.len());
    for line in ann.split_inclusive('\n') {
        match fragments(&chars, line) {
            Some(fixed) => out.push_str(&fixed),
            None => out.push_str(line),
        }
    }
    out
}

/// One `T` line rewritten with fragments, or `None` to keep it as it is.
fn fragments(chars: &[char], line: &str) -> Option<String> {
    let rest = line.strip_prefix('T')?;
    let (id, rest) = rest.split_once('\t')?;
    let (spec, _) = rest.split_once('\t')?;
    let (kind, range) = spec.split_once(' ')?;
    let (start, end) = range.split_once(' ')?;
    let (start, end): (usize, usize) = (start.parse().ok()?, end.parse().ok()?);
    let span = chars.get(start..end)?;
    if !span.iter().any(|c| matches!(c, '\t' | '\n' | '\r')) {
        return None;
    }
    let mut parts: Vec<(usize, usize)> = Vec::new();
    let mut from = None;
    for (i, c) in span.iter().enumerate() {
        let at = start + i;
        match (matches!(c, '\t' | '\n' | '\r'), from) {
            (true, Some(f)) => {
                parts.push((f, at));
                from = None;
            }
            (false, None) => from = Some(at),
            _ => {}
        }
    }
    if let Some(f) = from {
        parts.push((f, end));
    }
    if parts.is_empty() {
        return None;
    }
    let ranges: Vec<String> = parts.iter().map(|(a, b)| format!("{a} {b}")).collect();
    let shown: Vec<String> = parts
        .iter()
        .map(|&(a, b)| chars.get(a..b).unwrap_or_default().iter().collect())
        .collect();
    Some(format!(
        "T{id}\t{kind} {}\t{}\n",
        ranges.join(";"),
        shown.join(" ")
    ))
}

/// A JSON string literal.
fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Writes each article into files of its own in a directory.
pub(crate) struct OutDir {
    dir: PathBuf,
    format: Format,
    options: Options,
    /// Names used in this run, lower-cased (case-insensitive file systems).
    used: HashSet<String>,
    /// The inputs, which are never overwritten.
    inputs: Vec<Identity>,
    index: String,
}

impl OutDir {
    /// Writes into `dir` (created if missing).
    ///
    /// # Errors
    /// When the directory cannot be created.
    pub fn new(
        dir: &Path,
        format: Format,
        options: Options,
        inputs: Vec<Identity>,
    ) -> anyhow::Result<OutDir> {
        fs::create_dir_all(dir)
            .with_context(|| format!("cannot create the directory {}", dir.display()))?;
        if !fs::metadata(dir).is_ok_and(|m| m.is_dir()) {
            anyhow::bail!("{} is not a directory", dir.display());
        }
        let used = ["index", "annotation"].map(str::to_owned).into();
        Ok(OutDir {
            dir: dir.to_path_buf(),
            format,
            options,
            used,
            inputs,
            index: String::new(),
        })
    }

    /// The directory written into.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn unique_name(&mut self, base: &str) -> String {
        let mut name = base.to_owned();
        let mut n = 1usize;
        while !self.used.insert(name.to_lowercase()) {
            n += 1;
            name = format!("{base}-{n}");
        }
        name
    }

    /// Writes the files of one article (from `input`).
    ///
    /// # Errors
    /// On I/O failure, an article the format cannot write, or a file that would overwrite
    /// an input.
    pub fn write(&mut self, article: &Article, input: &Input) -> anyhow::Result<()> {
        let name = self.unique_name(&base_name(input));
        let files: Vec<(String, String)> = match self.format {
            Format::Brat => {
                let doc = to_brat(article, OffsetUnit::Char)?;
                let ann = fragment_spans(doc.text(), doc.annotations());
                vec![
                    (format!("{name}.txt"), doc.text().to_owned()),
                    (format!("{name}.ann"), ann),
                ]
            }
            format => vec![(
                format!("{name}.{}", extension(format)),
                to_string(article, format, &self.options)?,
            )],
        };
        for (file, _) in &files {
            let path = self.dir.join(file);
            if let Some(id) = Identity::of(&path) {
                if self.inputs.iter().any(|i| i.same(&id)) {
                    anyhow::bail!("{} would overwrite an input: not written", path.display());
                }
            }
        }
        for (file, contents) in &files {
            write_file(&self.dir.join(file), contents.as_bytes())?;
        }
        let listed: Vec<String> = files.iter().map(|(f, _)| json_string(f)).collect();
        let _ = writeln!(
            self.index,
            "{{\"name\":{},\"files\":[{}],\"source\":{}}}",
            json_string(&name),
            listed.join(","),
            json_string(&input.name())
        );
        Ok(())
    }

    /// Writes `index.jsonl` (and brat's `annotation.conf`).
    ///
    /// # Errors
    /// On I/O failure.
    pub fn finish(self) -> anyhow::Result<()> {
        if self.format == Format::Brat {
            write_file(
                &self.dir.join("annotation.conf"),
                BRAT_ANNOTATION_CONF.as_bytes(),
            )?;
        }
        write_file(&self.dir.join(INDEX), self.index.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        let cases = [
            (Input::Stdin, "stdin"),
            (Input::File("dev/html/ab12.html.gz".into()), "ab12"),
            (Input::File("dev/html/ab12.TXT".into()), "ab12"),
            (Input::File("x y?.htm".into()), "x_y_"),
            (Input::File("notes.md".into()), "notes.md"),
            (Input::File(".html".into()), "article"),
            (Input::File("a.b.xhtml".into()), "a.b"),
        ];
        for (input, want) in cases {
            assert_eq!(base_name(&input), want, "{input:?}");
        }
    }

    #[test]
    fn fragments_table() {
        let text = "ab\ncd\t\tef gh\n";
        let cases = [
            ("T1\tPER 0 2\tab\n", "T1\tPER 0 2\tab\n"),
            (
                "T2\tQuotation 0 5\tab cd\n",
                "T2\tQuotation 0 2;3 5\tab cd\n",
            ),
            (
                "T3\tQuotation 1 10\tb cd  ef \n",
                "T3\tQuotation 1 2;3 5;7 10\tb cd ef \n",
            ),
            ("#1\tAnnotatorNotes T2\tx\n", "#1\tAnnotatorNotes T2\tx\n"),
            ("T4\tDate 2 3\t \n", "T4\tDate 2 3\t \n"),
        ];
        for (line, want) in cases {
            assert_eq!(fragment_spans(text, line), want, "{line:?}");
        }
    }

    #[test]
    fn json_strings() {
        assert_eq!(json_string("a\"b\\c\n\u{1}"), "\"a\\\"b\\\\c\\n\\u0001\"");
    }
}

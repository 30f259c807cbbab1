//! Markdown (CommonMark, with a GFM table for table rows): the title as a heading, the
//! byline and date, the body blocks (in-body headings, lists, block quotes, preformatted
//! text, tables, paragraphs) and the captions as emphasis. No boilerplate.
//!
//! Text is escaped so that it reads back as the same text: inline syntax (`*`, `_`,
//! `` ` ``, `[`, `]`, `<`, `>`, `&`, `|`, `~`, `\`) is backslash-escaped everywhere, and
//! what would start a block at the start of a line (`#`, `-`, `+`, `=`, `1.`, `1)`) too.
//! A line break inside a paragraph is a hard break (`\` at the end of the line).

use article_model::{Article, BlockKind};

/// Renders `article` as Markdown, ending with one newline.
pub(crate) fn render(article: &Article) -> String {
    let mut out = String::new();
    let m = &article.metadata;
    if let Some(title) = m.title.as_deref().map(heading).filter(|t| !t.is_empty()) {
        out.push_str("# ");
        out.push_str(&title);
        out.push_str("\n\n");
    }
    let authors: Vec<String> = m
        .authors
        .iter()
        .map(|a| one_line(a))
        .filter(|a| !a.is_empty())
        .collect();
    let mut header = Vec::new();
    if !authors.is_empty() {
        header.push(format!("By {}", join_names(&authors)));
    }
    if let Some(date) = m
        .published
        .as_deref()
        .map(one_line)
        .filter(|d| !d.is_empty())
    {
        header.push(date);
    }
    if !header.is_empty() {
        out.push_str(&header.join("\\\n"));
        out.push_str("\n\n");
    }

    let paragraphs = article.paragraphs();
    let mut i = 0;
    while let Some(p) = paragraphs.get(i) {
        let kind = p.kind();
        let run_end = i + paragraphs[i..]
            .iter()
            .take_while(|q| q.kind() == kind)
            .count();
        let texts: Vec<&str> = paragraphs[i..run_end]
            .iter()
            .map(|q| article.paragraph_text(q))
            .collect();
        match kind {
            BlockKind::Heading => {
                for (n, text) in texts.iter().enumerate() {
                    if n > 0 {
                        out.push_str("\n\n");
                    }
                    out.push_str("## ");
                    out.push_str(&heading(text));
                }
            }
            BlockKind::ListItem => {
                for (n, text) in texts.iter().enumerate() {
                    if n > 0 {
                        out.push('\n');
                    }
                    out.push_str("- ");
                    out.push_str(&lines(text).replace('\n', "\n  "));
                }
            }
            BlockKind::Quote => {
                for (n, text) in texts.iter().enumerate() {
                    if n > 0 {
                        out.push_str("\n>\n");
                    }
                    out.push_str("> ");
                    out.push_str(&lines(text).replace('\n', "\n> "));
                }
            }
            BlockKind::Preformatted => {
                for (n, text) in texts.iter().enumerate() {
                    if n > 0 {
                        out.push_str("\n\n");
                    }
                    let fence = "`".repeat(longest_run(text, '`').max(2) + 1);
                    out.push_str(&fence);
                    out.push('\n');
                    out.push_str(text);
                    out.push('\n');
                    out.push_str(&fence);
                }
            }
            BlockKind::TableRow => table(&mut out, &texts),
            _ => {
                for (n, text) in texts.iter().enumerate() {
                    if n > 0 {
                        out.push_str("\n\n");
                    }
                    out.push_str(&lines(text));
                }
            }
        }
        out.push_str("\n\n");
        i = run_end;
    }
    for caption in &article.captions {
        let caption = one_line(caption);
        if !caption.is_empty() {
            out.push('*');
            out.push_str(&caption);
            out.push_str("*\n\n");
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// "A", "A and B", "A, B and C".
fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// A GFM table: the first row is the header.
fn table(out: &mut String, rows: &[&str]) {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.split('\t').map(one_line).collect())
        .collect();
    let width = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
    for (n, row) in cells.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        out.push('|');
        for c in 0..width {
            out.push(' ');
            out.push_str(row.get(c).map_or("", String::as_str));
            out.push_str(" |");
        }
        if n == 0 {
            out.push_str("\n|");
            for _ in 0..width {
                out.push_str(" --- |");
            }
        }
    }
}

fn longest_run(s: &str, c: char) -> usize {
    let mut best = 0;
    let mut run = 0;
    for d in s.chars() {
        run = if d == c { run + 1 } else { 0 };
        best = best.max(run);
    }
    best
}

/// One line: whitespace collapsed, escaped.
fn one_line(s: &str) -> String {
    escape_line(&s.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// A heading's text: whitespace collapsed, escaped, `#` too (a closing sequence of `#`
/// would be dropped).
fn heading(s: &str) -> String {
    let mut out = String::new();
    for (n, word) in s.split_whitespace().enumerate() {
        if n > 0 {
            out.push(' ');
        }
        for c in word.chars() {
            if c == '#' || is_inline_special(c) {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

fn is_inline_special(c: char) -> bool {
    matches!(
        c,
        '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '~'
    )
}

/// Escaped lines joined by hard breaks; blank lines dropped (they would end the block).
/// A lone `\r` ends a line in Markdown, so it ends one here too.
fn lines(s: &str) -> String {
    s.split(['\n', '\r'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(escape_line)
        .collect::<Vec<_>>()
        .join("\\\n")
}

/// Escapes one line (no line break in it) so that it reads back as text.
fn escape_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let trimmed = line.trim_start();
    let lead = line.len() - trimmed.len();
    out.push_str(&line[..lead]);
    let mut rest = trimmed;
    if rest.starts_with(['#', '-', '+', '=']) {
        out.push('\\');
    } else {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && rest[digits..].starts_with(['.', ')']) {
            out.push_str(&rest[..digits]);
            out.push('\\');
            rest = &rest[digits..];
        }
    }
    for c in rest.chars() {
        if is_inline_special(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_table() {
        let cases = [
            ("plain", "plain"),
            ("# not a heading", "\\# not a heading"),
            ("1. not a list", "1\\. not a list"),
            ("12) nor this", "12\\) nor this"),
            ("- nor this", "\\- nor this"),
            ("===", "\\==="),
            ("a *b* [c] <d> & e_f", "a \\*b\\* \\[c\\] \\<d\\> \\& e\\_f"),
            ("2020 was", "2020 was"),
        ];
        for (input, want) in cases {
            assert_eq!(escape_line(input), want, "{input:?}");
        }
    }

    #[test]
    fn blocks() {
        let mut a = Article::new();
        a.metadata.title = Some("Strike #1".into());
        a.metadata.authors = vec!["Jane Doe".into(), "John Roe".into(), "Ann Poe".into()];
        a.metadata.published = Some("2020-07-16".into());
        a.push_paragraph(BlockKind::Paragraph, "First line\nsecond line", None);
        a.push_paragraph(BlockKind::Heading, "What ## next", None);
        a.push_paragraph(BlockKind::ListItem, "one", None);
        a.push_paragraph(BlockKind::ListItem, "two", None);
        a.push_paragraph(BlockKind::Quote, "Said", None);
        a.push_paragraph(BlockKind::Preformatted, "x = `y`\n  z", None);
        a.push_paragraph(BlockKind::TableRow, "Name\tAge", None);
        a.push_paragraph(BlockKind::TableRow, "Ann|B\t3", None);
        a.captions.push("A photo".into());
        assert_eq!(
            render(&a),
            "# Strike \\#1\n\n\
             By Jane Doe, John Roe and Ann Poe\\\n2020-07-16\n\n\
             First line\\\nsecond line\n\n\
             ## What \\#\\# next\n\n\
             - one\n- two\n\n\
             > Said\n\n\
             ```\nx = `y`\n  z\n```\n\n\
             | Name | Age |\n| --- | --- |\n| Ann\\|B | 3 |\n\n\
             *A photo*\n"
        );
    }
}

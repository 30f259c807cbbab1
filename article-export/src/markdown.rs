//! Markdown: title as heading, byline, date, body blocks, captions as emphasis.

use article_model::{Article, BlockKind};

/// Renders `article` as Markdown (no boilerplate).
pub(crate) fn render(article: &Article) -> String {
    let mut out = String::new();
    let m = &article.metadata;
    if let Some(title) = &m.title {
        out.push_str("# ");
        out.push_str(&one_line(title));
        out.push_str("\n\n");
    }
    if !m.authors.is_empty() {
        out.push_str("By ");
        out.push_str(&escape(&m.authors.join(", ")));
        out.push_str("  \n");
    }
    if let Some(date) = &m.published {
        out.push_str(&escape(date));
        out.push('\n');
    }
    if !m.authors.is_empty() || m.published.is_some() {
        out.push('\n');
    }
    for p in article.paragraphs() {
        let text = article.paragraph_text(p);
        match p.kind() {
            BlockKind::Heading => {
                out.push_str("## ");
                out.push_str(&one_line(text));
            }
            BlockKind::ListItem => {
                out.push_str("- ");
                out.push_str(&escape(text).replace('\n', "\n  "));
            }
            BlockKind::Quote => {
                out.push_str("> ");
                out.push_str(&escape(text).replace('\n', "\n> "));
            }
            BlockKind::Preformatted => {
                out.push_str("```\n");
                out.push_str(&text.replace("```", "` ` `"));
                out.push_str("\n```");
            }
            _ => out.push_str(&escape(text)),
        }
        out.push_str("\n\n");
    }
    for caption in &article.captions {
        out.push('*');
        out.push_str(&one_line(caption).replace('*', "\\*"));
        out.push_str("*\n\n");
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn one_line(s: &str) -> String {
    escape(&s.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Escapes the characters that would start Markdown syntax at a line's start or inline.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for line in s.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let starts_block = trimmed.starts_with(['#', '>', '-', '+', '*', '|'])
            || trimmed
                .split_once(". ")
                .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        if starts_block {
            out.push('\\');
        }
        for c in line.chars() {
            if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<') {
                out.push('\\');
            }
            out.push(c);
        }
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
            ("1. not a list", "\\1. not a list"),
            ("a *b* [c]", "a \\*b\\* \\[c\\]"),
        ];
        for (input, want) in cases {
            assert_eq!(escape(input), want, "{input:?}");
        }
    }
}

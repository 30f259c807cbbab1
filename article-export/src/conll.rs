//! CoNLL: one token per line with its IOB2 tag, a blank line after each sentence, and a
//! `-DOCSTART- O` line (then a blank line) before each article.

use std::io::Write;

use article_model::{Article, Span};

use crate::error::Result;
use crate::tokens::{self, is_separator};

/// The line that opens each article.
pub(crate) const DOCSTART: &str = "-DOCSTART- O";

/// Writes one article.
///
/// Entities whose text is all whitespace cannot be tokens and are left out; every other
/// entity is a run of whole tokens (its first tagged `B-`, the rest `I-`), since its
/// start and end are cut points of the tokenizer and no sentence ends inside it.
pub(crate) fn write<W: Write>(mut out: W, article: &Article) -> Result<()> {
    let body = article.body();
    let entities: Vec<(Span, &str)> = article
        .entities()
        .iter()
        .filter(|e| !e.text.chars().all(is_separator))
        .map(|e| (e.span, e.label.as_str()))
        .collect();
    let cuts: Vec<usize> = entities
        .iter()
        .flat_map(|(s, _)| [s.start(), s.end()])
        .collect();
    let keep: Vec<Span> = entities.iter().map(|(s, _)| *s).collect();
    let tokens = tokens::tokenize(body, &cuts);
    let mut line = String::new();
    writeln!(out, "{DOCSTART}")?;
    writeln!(out)?;
    let mut e = 0;
    let mut open: Option<usize> = None;
    for sentence in tokens::sentences(body, &tokens, &keep) {
        for token in &tokens[sentence] {
            while entities
                .get(e)
                .is_some_and(|(s, _)| s.end() <= token.start())
            {
                e += 1;
            }
            line.clear();
            line.push_str(token.get(body).unwrap_or(""));
            line.push(' ');
            match entities.get(e) {
                Some((span, label)) if span.contains(*token) => {
                    line.push_str(if open == Some(e) { "I-" } else { "B-" });
                    line.push_str(label);
                    open = Some(e);
                }
                _ => line.push('O'),
            }
            line.push('\n');
            out.write_all(line.as_bytes())?;
        }
        out.write_all(b"\n")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use article_model::{BlockKind, Entity, Label};

    fn entity(a: &Article, text: &str, label: Label) -> Entity {
        let start = a.body().find(text).unwrap();
        Entity {
            span: Span::new(start, start + text.len()),
            label,
            text: text.into(),
            cluster: None,
        }
    }

    #[test]
    fn iob2_tags_and_sentences() {
        let mut a = Article::new();
        a.push_paragraph(
            BlockKind::Paragraph,
            "Sergei Lavrov met Mevlut Cavusoglu. Turkey’s view differed.",
            None,
        );
        a.push_paragraph(BlockKind::Heading, "In Moscow", None);
        let ents = vec![
            entity(&a, "Sergei Lavrov", Label::Per),
            entity(&a, "Mevlut Cavusoglu", Label::Per),
            entity(&a, "Turkey", Label::Loc),
            entity(&a, "Moscow", Label::Loc),
        ];
        a.try_set_entities(ents, vec![]).unwrap();
        let mut out = Vec::new();
        write(&mut out, &a).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "-DOCSTART- O\n\n\
             Sergei B-PER\nLavrov I-PER\nmet O\nMevlut B-PER\nCavusoglu I-PER\n. O\n\n\
             Turkey B-LOC\n’s O\nview O\ndiffered O\n. O\n\n\
             In O\nMoscow B-LOC\n\n"
        );
    }

    #[test]
    fn adjacent_entities_each_open_with_b() {
        let mut a = Article::new();
        a.push_paragraph(BlockKind::Paragraph, "AliceBob", None);
        let ents = vec![
            Entity {
                span: Span::new(0, 5),
                label: Label::Per,
                text: "Alice".into(),
                cluster: None,
            },
            Entity {
                span: Span::new(5, 8),
                label: Label::Per,
                text: "Bob".into(),
                cluster: None,
            },
        ];
        a.try_set_entities(ents, vec![]).unwrap();
        let mut out = Vec::new();
        write(&mut out, &a).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "-DOCSTART- O\n\nAlice B-PER\nBob B-PER\n\n"
        );
    }
}

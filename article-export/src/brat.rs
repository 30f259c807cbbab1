//! brat standoff: a `.txt` (the body) and an `.ann` (the annotations) per article.
//!
//! - `T` lines: entities (`PER`, `ORG`, `LOC`, `MISC`), quotations (`Quotation`) and
//!   temporal expressions (`Date`), one contiguous span each (no discontinuous fragments),
//!   offsets into the `.txt` in the unit of the options (chars by default, as brat
//!   counts).
//! - `R` lines: `Speaker Arg1:<quotation> Arg2:<entity>` when the speaker is a recognised
//!   entity (the mention of its cluster nearest to the quotation).
//! - `A` lines: `Scare <quotation>` for scare quotes, `SpeakerKind <quotation> <kind>`
//!   (`entity`, `description`, `pronoun`) for quotations with a speaker.
//! - `#` lines: `AnnotatorNotes` with a quotation's speaker as written and a date's
//!   normalised value.
//! - `*` lines: `Coref` between the mentions of a cluster of two or more.
//!
//! The text after the second tab of a `T` line is the span's text with tabs and line
//! breaks shown as spaces (a line holds one annotation), so it has the same length.

use std::fmt::Write as _;

use article_model::{Article, OffsetIndex, OffsetUnit, Span};

use crate::error::Result;

/// The brat `annotation.conf` matching the `.ann` files this crate writes.
pub const BRAT_ANNOTATION_CONF: &str = "\
# brat configuration for the .ann files of article-export
[entities]
PER
ORG
LOC
MISC
Quotation
Date

[relations]
Speaker\tArg1:Quotation, Arg2:PER|ORG|LOC|MISC
Coref\tArg1:<ENTITY>, Arg2:<ENTITY>, <REL-TYPE>:symmetric-transitive
<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>

[events]

[attributes]
Scare\tArg:Quotation
SpeakerKind\tArg:Quotation, Value:entity|description|pronoun
";

/// One article in brat standoff form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Brat {
    text: String,
    annotations: String,
}

impl Brat {
    /// The contents of the `.txt` file: the body and a final newline.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The contents of the `.ann` file.
    #[must_use]
    pub fn annotations(&self) -> &str {
        &self.annotations
    }
}

/// The text of `span` as written on a `T` line: tabs and line breaks become spaces.
fn one_line(body: &str, span: Span) -> String {
    span.get(body)
        .unwrap_or("")
        .chars()
        .map(|c| {
            if matches!(c, '\t' | '\n' | '\r') {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// The article as a brat `.txt` + `.ann` pair, offsets in `unit`.
///
/// # Errors
/// When a span of the article is not on a char boundary (an article that breaks its
/// invariants).
pub fn to_brat(article: &Article, unit: OffsetUnit) -> Result<Brat> {
    let body = article.body();
    let index = OffsetIndex::new(body);
    let mut ann = String::new();
    let mut t = 0usize;
    let mut notes = 0usize;
    let mut push_t = |ann: &mut String, kind: &str, span: Span| -> Result<usize> {
        t += 1;
        let start = index.convert(span.start(), unit)?;
        let end = index.convert(span.end(), unit)?;
        let _ = writeln!(ann, "T{t}\t{kind} {start} {end}\t{}", one_line(body, span));
        Ok(t)
    };
    let mut note = |ann: &mut String, target: usize, text: &str| {
        notes += 1;
        let text: String = text
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let _ = writeln!(ann, "#{notes}\tAnnotatorNotes T{target}\t{text}");
    };

    let mut entity_ids = Vec::with_capacity(article.entities().len());
    for e in article.entities() {
        entity_ids.push(push_t(&mut ann, e.label.as_str(), e.span)?);
    }
    let mut relations = 0usize;
    let mut attributes = 0usize;
    for q in article.quotes() {
        let id = push_t(&mut ann, "Quotation", q.span)?;
        if q.scare {
            attributes += 1;
            let _ = writeln!(ann, "A{attributes}\tScare T{id}");
        }
        if let Some(speaker) = &q.speaker {
            note(&mut ann, id, &format!("speaker: {speaker}"));
        }
        if let Some(kind) = q.speaker_kind {
            attributes += 1;
            let _ = writeln!(ann, "A{attributes}\tSpeakerKind T{id} {}", kind.as_str());
        }
        let nearest = q.speaker_cluster.and_then(|c| {
            article
                .entities()
                .iter()
                .zip(&entity_ids)
                .filter(|(e, _)| e.cluster == Some(c))
                .min_by_key(|(e, _)| distance(e.span, q.span))
                .map(|(_, id)| *id)
        });
        if let Some(speaker) = nearest {
            relations += 1;
            let _ = writeln!(ann, "R{relations}\tSpeaker Arg1:T{id} Arg2:T{speaker}");
        }
    }
    for d in article.dates() {
        let id = push_t(&mut ann, "Date", d.span)?;
        if let Some(value) = &d.value {
            note(&mut ann, id, &format!("value: {value}"));
        }
    }
    for c in article.clusters() {
        let members: Vec<String> = article
            .entities()
            .iter()
            .zip(&entity_ids)
            .filter(|(e, _)| e.cluster == Some(c.id))
            .map(|(_, id)| format!("T{id}"))
            .collect();
        if members.len() >= 2 {
            let _ = writeln!(ann, "*\tCoref {}", members.join(" "));
        }
    }
    let mut text = String::with_capacity(body.len() + 1);
    text.push_str(body);
    text.push('\n');
    Ok(Brat {
        text,
        annotations: ann,
    })
}

/// Bytes between two spans (0 when they overlap).
fn distance(a: Span, b: Span) -> usize {
    if a.end() <= b.start() {
        b.start() - a.end()
    } else if b.end() <= a.start() {
        a.start() - b.end()
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use article_model::{BlockKind, Cluster, DateMention, Entity, Label, Quote};

    #[test]
    fn standoff_lines() {
        let mut a = Article::new();
        a.push_paragraph(
            BlockKind::Paragraph,
            "😀 Akar said “go\thome”. Akar left on Thursday.",
            None,
        );
        let body = a.body().to_owned();
        let at = |s: &str, nth: usize| {
            let start = body.match_indices(s).nth(nth).unwrap().0;
            Span::new(start, start + s.len())
        };
        let e1 = Entity {
            span: at("Akar", 0),
            label: Label::Per,
            text: "Akar".into(),
            cluster: Some(0),
        };
        let e2 = Entity {
            span: at("Akar", 1),
            ..e1.clone()
        };
        let cluster = Cluster {
            id: 0,
            canonical: "Akar".into(),
            label: Label::Per,
            mentions: 2,
            first: e1.span,
            role: None,
            affiliation: None,
        };
        a.try_set_entities(vec![e1, e2], vec![cluster]).unwrap();
        a.try_set_quotes(vec![Quote {
            span: at("go\thome", 0),
            text: "go\thome".into(),
            speaker: Some("Akar".into()),
            speaker_cluster: Some(0),
            speaker_kind: Some(article_model::SpeakerKind::Entity),
            scare: false,
        }])
        .unwrap();
        a.try_set_dates(vec![DateMention {
            span: at("Thursday", 0),
            text: "Thursday".into(),
            value: None,
        }])
        .unwrap();
        let brat = to_brat(&a, OffsetUnit::Char).unwrap();
        assert_eq!(brat.text(), format!("{body}\n"));
        assert_eq!(
            brat.annotations(),
            "T1\tPER 2 6\tAkar\n\
             T2\tPER 23 27\tAkar\n\
             T3\tQuotation 13 20\tgo home\n\
             #1\tAnnotatorNotes T3\tspeaker: Akar\n\
             A1\tSpeakerKind T3 entity\n\
             R1\tSpeaker Arg1:T3 Arg2:T2\n\
             T4\tDate 36 44\tThursday\n\
             *\tCoref T1 T2\n"
        );
        let utf16 = to_brat(&a, OffsetUnit::Utf16).unwrap();
        assert!(utf16.annotations().starts_with("T1\tPER 3 7\tAkar\n"));
    }
}

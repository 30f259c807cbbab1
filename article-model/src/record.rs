//! The `article/1` JSON record: the exported form of an [`Article`], with char offsets.
//!
//! `Serialize` and `Deserialize` on [`Article`] go through [`Record`], so
//! `serde_json::to_string(&article)` writes the record of DESIGN.md and loading a record
//! checks every invariant.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::article::{Article, Parts};
use crate::error::{Error, ErrorKind, SpanError};
use crate::offsets::{OffsetIndex, OffsetUnit};
use crate::parts::{
    Annotations, BlockKind, Cluster, DateMention, DateSource, Dateline, Entity, Label, PageType,
    Paragraph, Quote, Removed, RemovedKind, SpeakerKind, Warc,
};
use crate::span::Span;

/// The `schema` value of records written by this version.
pub const SCHEMA: &str = "article/1";

/// The flat, exported form of an [`Article`] (schema `article/1`).
///
/// Offsets (`start`, `end`) are in the unit named by `offsets` (chars unless asked
/// otherwise) into `body`; `source` ranges are bytes of the input. Keys are stable; new
/// keys may be added; absent facts are `null` or `[]`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Record {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// The unit of `start`/`end` offsets: `"char"` (default), `"utf16"` or `"byte"`.
    #[serde(default = "default_offsets")]
    pub offsets: String,
    /// Where the article came from.
    pub source: Option<String>,
    /// The headline.
    pub title: Option<String>,
    /// The authors.
    #[serde(default)]
    pub authors: Vec<String>,
    /// Publication date: `yyyy-mm-dd` or an RFC 3339 date-time with its offset.
    pub published: Option<String>,
    /// Where `published` was read: `json-ld`, `meta`, `time`, `url` or `text` (added to
    /// `article/1` after its first release, like every key up to `page_type`: a record
    /// without it reads as `null` or `[]`).
    #[serde(default)]
    pub published_source: Option<DateSource>,
    /// Last modification date, in the forms of `published`.
    #[serde(default)]
    pub modified: Option<String>,
    /// Language code.
    pub language: Option<String>,
    /// The site's name.
    #[serde(default)]
    pub site_name: Option<String>,
    /// The canonical URL.
    #[serde(default)]
    pub url: Option<String>,
    /// The host of the page's URL.
    #[serde(default)]
    pub hostname: Option<String>,
    /// The page's own summary.
    #[serde(default)]
    pub description: Option<String>,
    /// The main image's URL.
    #[serde(default)]
    pub image: Option<String>,
    /// Keywords and tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Sections and categories.
    #[serde(default)]
    pub categories: Vec<String>,
    /// The content's licence, as the page gives it.
    #[serde(default)]
    pub license: Option<String>,
    /// `article`, `listing`, `video` or `other`.
    #[serde(default)]
    pub page_type: Option<PageType>,
    /// The dateline.
    pub dateline: Option<Dateline>,
    /// Photo captions.
    #[serde(default)]
    pub captions: Vec<String>,
    /// The body text.
    pub body: String,
    /// Body blocks.
    #[serde(default)]
    pub paragraphs: Vec<ParagraphRecord>,
    /// Removed blocks.
    #[serde(default)]
    pub removed: Vec<RemovedRecord>,
    /// The text of the comment section (its blocks are also in `removed`).
    #[serde(default)]
    pub comments: Option<String>,
    /// Entity mentions.
    #[serde(default)]
    pub entities: Vec<EntityRecord>,
    /// Entity clusters.
    #[serde(default)]
    pub clusters: Vec<ClusterRecord>,
    /// Quotations.
    #[serde(default)]
    pub quotes: Vec<QuoteRecord>,
    /// Temporal expressions.
    #[serde(default)]
    pub dates: Vec<DateRecord>,
    /// What the annotator did: the language it went by and the status of each layer
    /// (`{"language": "de", "entities": "skipped: no model for de", ...}`); the key is
    /// absent when the article was not annotated (`--no-entities`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotations: Option<Annotations>,
    /// The WARC record the page came from; the key is absent when it did not come from one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warc: Option<Warc>,
}

fn default_offsets() -> String {
    "char".to_owned()
}

/// A body block in a [`Record`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParagraphRecord {
    /// Its kind.
    pub kind: BlockKind,
    /// Offset of its first char in the body.
    pub start: usize,
    /// Offset past its last char in the body.
    pub end: usize,
    /// Its byte range `[start, end]` in the input, when known.
    pub source: Option<[usize; 2]>,
}

/// A removed block in a [`Record`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemovedRecord {
    /// Its kind.
    pub kind: RemovedKind,
    /// Why it was removed.
    pub reason: String,
    /// Its text.
    pub text: String,
    /// Its byte range `[start, end]` in the input, when known.
    pub source: Option<[usize; 2]>,
}

/// An entity mention in a [`Record`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityRecord {
    /// Its text.
    pub text: String,
    /// Its type.
    pub label: Label,
    /// Start offset in the body.
    pub start: usize,
    /// End offset in the body.
    pub end: usize,
    /// Its cluster id.
    pub cluster: Option<usize>,
}

/// A cluster in a [`Record`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClusterRecord {
    /// Its id.
    pub id: usize,
    /// Canonical name.
    pub canonical: String,
    /// Its type.
    pub label: Label,
    /// Number of mentions.
    pub mentions: usize,
    /// Start offset of the first mention.
    pub start: usize,
    /// End offset of the first mention.
    pub end: usize,
    /// Role or title.
    pub role: Option<String>,
    /// Affiliation.
    pub affiliation: Option<String>,
}

/// A quotation in a [`Record`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteRecord {
    /// The quoted words.
    pub text: String,
    /// The speaker's name.
    pub speaker: Option<String>,
    /// The speaker's cluster id.
    pub speaker_entity: Option<usize>,
    /// How the speaker is given (`entity`, `description`, `pronoun`); added to
    /// `article/1` after its first release, so a record without it reads as `null`.
    #[serde(default)]
    pub speaker_kind: Option<SpeakerKind>,
    /// Start offset in the body.
    pub start: usize,
    /// End offset in the body.
    pub end: usize,
    /// Whether it is a scare quote.
    #[serde(default)]
    pub scare: bool,
}

/// A temporal expression in a [`Record`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateRecord {
    /// Its text.
    pub text: String,
    /// Its normalised ISO 8601 value.
    pub value: Option<String>,
    /// Start offset in the body.
    pub start: usize,
    /// End offset in the body.
    pub end: usize,
}

fn unit_name(unit: OffsetUnit) -> &'static str {
    match unit {
        OffsetUnit::Char => "char",
        OffsetUnit::Utf16 => "utf16",
        OffsetUnit::Byte => "byte",
    }
}

fn to_pair(span: Option<Span>) -> Option<[usize; 2]> {
    span.map(|s| [s.start(), s.end()])
}

fn from_pair(
    pair: Option<[usize; 2]>,
    layer: &'static str,
    index: usize,
) -> Result<Option<Span>, Error> {
    pair.map(|[s, e]| {
        Span::try_new(s, e).map_err(|error| {
            Error::new(ErrorKind::Span {
                layer,
                index,
                error,
            })
        })
    })
    .transpose()
}

/// Converts byte spans of one body to a unit and back.
struct Converter {
    index: OffsetIndex,
    unit: OffsetUnit,
    /// For UTF-16 input: UTF-16 offset of each char boundary (only built when needed).
    utf16_starts: Vec<usize>,
}

impl Converter {
    fn new(body: &str, unit: OffsetUnit) -> Converter {
        let index = OffsetIndex::new(body);
        let utf16_starts = if unit == OffsetUnit::Utf16 {
            let mut v = Vec::with_capacity(index.char_len() + 1);
            let mut at = 0;
            for c in body.chars() {
                v.push(at);
                at += c.len_utf16();
            }
            v.push(at);
            v
        } else {
            Vec::new()
        };
        Converter {
            index,
            unit,
            utf16_starts,
        }
    }

    fn out(&self, span: Span) -> Result<(usize, usize), SpanError> {
        Ok((
            self.index.convert(span.start(), self.unit)?,
            self.index.convert(span.end(), self.unit)?,
        ))
    }

    fn to_byte(&self, offset: usize) -> Result<usize, SpanError> {
        match self.unit {
            OffsetUnit::Byte => {
                // convert() validates bounds and boundaries.
                self.index.convert(offset, OffsetUnit::Byte)
            }
            OffsetUnit::Char => self.index.char_to_byte(offset),
            OffsetUnit::Utf16 => {
                let char_offset = self.utf16_starts.binary_search(&offset).map_err(|_| {
                    SpanError::OutOfBounds {
                        end: offset,
                        len: self.utf16_starts.last().copied().unwrap_or(0),
                    }
                })?;
                self.index.char_to_byte(char_offset)
            }
        }
    }

    fn back(
        &self,
        start: usize,
        end: usize,
        layer: &'static str,
        index: usize,
    ) -> Result<Span, Error> {
        let wrap = |error| {
            Error::new(ErrorKind::Span {
                layer,
                index,
                error,
            })
        };
        let s = self.to_byte(start).map_err(wrap)?;
        let e = self.to_byte(end).map_err(wrap)?;
        Span::try_new(s, e).map_err(wrap)
    }
}

impl Article {
    /// The article as an `article/1` record with offsets in `unit`.
    ///
    /// # Errors
    /// Only when the article breaks an invariant (a span off a char boundary).
    pub fn to_record(&self, unit: OffsetUnit) -> Result<Record, Error> {
        let conv = Converter::new(self.body(), unit);
        let span_err = |layer, index| {
            move |error| {
                Error::new(ErrorKind::Span {
                    layer,
                    index,
                    error,
                })
            }
        };
        let paragraphs = self
            .paragraphs()
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let (start, end) = conv.out(p.span()).map_err(span_err("paragraph", i))?;
                Ok(ParagraphRecord {
                    kind: p.kind(),
                    start,
                    end,
                    source: to_pair(p.source()),
                })
            })
            .collect::<Result<_, Error>>()?;
        let entities = self
            .entities()
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let (start, end) = conv.out(e.span).map_err(span_err("entity", i))?;
                Ok(EntityRecord {
                    text: e.text.clone(),
                    label: e.label,
                    start,
                    end,
                    cluster: e.cluster,
                })
            })
            .collect::<Result<_, Error>>()?;
        let clusters = self
            .clusters()
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let (start, end) = conv.out(c.first).map_err(span_err("cluster", i))?;
                Ok(ClusterRecord {
                    id: c.id,
                    canonical: c.canonical.clone(),
                    label: c.label,
                    mentions: c.mentions,
                    start,
                    end,
                    role: c.role.clone(),
                    affiliation: c.affiliation.clone(),
                })
            })
            .collect::<Result<_, Error>>()?;
        let quotes = self
            .quotes()
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let (start, end) = conv.out(q.span).map_err(span_err("quote", i))?;
                Ok(QuoteRecord {
                    text: q.text.clone(),
                    speaker: q.speaker.clone(),
                    speaker_entity: q.speaker_cluster,
                    speaker_kind: q.speaker_kind,
                    start,
                    end,
                    scare: q.scare,
                })
            })
            .collect::<Result<_, Error>>()?;
        let dates = self
            .dates()
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let (start, end) = conv.out(d.span).map_err(span_err("date", i))?;
                Ok(DateRecord {
                    text: d.text.clone(),
                    value: d.value.clone(),
                    start,
                    end,
                })
            })
            .collect::<Result<_, Error>>()?;
        let m = &self.metadata;
        Ok(Record {
            schema: SCHEMA.to_owned(),
            offsets: unit_name(unit).to_owned(),
            source: self.source.clone(),
            title: m.title.clone(),
            authors: m.authors.clone(),
            published: m.published.clone(),
            published_source: m.published_source,
            modified: m.modified.clone(),
            language: m.language.clone(),
            site_name: m.site_name.clone(),
            url: m.url.clone(),
            hostname: m.hostname.clone(),
            description: m.description.clone(),
            image: m.image.clone(),
            tags: m.tags.clone(),
            categories: m.categories.clone(),
            license: m.license.clone(),
            page_type: m.page_type,
            dateline: m.dateline.clone(),
            captions: self.captions.clone(),
            body: self.body().to_owned(),
            paragraphs,
            removed: self
                .removed
                .iter()
                .map(|r| RemovedRecord {
                    kind: r.kind,
                    reason: r.reason.clone(),
                    text: r.text.clone(),
                    source: to_pair(r.source),
                })
                .collect(),
            comments: m.comments.clone(),
            entities,
            clusters,
            quotes,
            dates,
            annotations: self.annotations.clone(),
            warc: self.warc.clone(),
        })
    }

    /// The article a record describes, every invariant checked.
    ///
    /// # Errors
    /// When the schema is unknown, an offset is invalid, or an invariant is broken.
    pub fn from_record(record: Record) -> Result<Article, Error> {
        if record.schema != SCHEMA {
            return Err(Error::new(ErrorKind::Schema(record.schema)));
        }
        let unit = match record.offsets.as_str() {
            "char" => OffsetUnit::Char,
            "utf16" => OffsetUnit::Utf16,
            "byte" => OffsetUnit::Byte,
            other => {
                return Err(Error::new(ErrorKind::Json(format!(
                    "unknown offsets unit {other:?}"
                ))));
            }
        };
        let conv = Converter::new(&record.body, unit);
        let paragraphs = record
            .paragraphs
            .into_iter()
            .enumerate()
            .map(|(i, p)| {
                Ok(Paragraph {
                    kind: p.kind,
                    span: conv.back(p.start, p.end, "paragraph", i)?,
                    source: from_pair(p.source, "paragraph", i)?,
                })
            })
            .collect::<Result<_, Error>>()?;
        let removed = record
            .removed
            .into_iter()
            .enumerate()
            .map(|(i, r)| {
                Ok(Removed {
                    kind: r.kind,
                    reason: r.reason,
                    text: r.text,
                    source: from_pair(r.source, "removed", i)?,
                })
            })
            .collect::<Result<_, Error>>()?;
        let entities = record
            .entities
            .into_iter()
            .enumerate()
            .map(|(i, e)| {
                Ok(Entity {
                    span: conv.back(e.start, e.end, "entity", i)?,
                    label: e.label,
                    text: e.text,
                    cluster: e.cluster,
                })
            })
            .collect::<Result<_, Error>>()?;
        let clusters = record
            .clusters
            .into_iter()
            .enumerate()
            .map(|(i, c)| {
                Ok(Cluster {
                    id: c.id,
                    canonical: c.canonical,
                    label: c.label,
                    mentions: c.mentions,
                    first: conv.back(c.start, c.end, "cluster", i)?,
                    role: c.role,
                    affiliation: c.affiliation,
                })
            })
            .collect::<Result<_, Error>>()?;
        let quotes = record
            .quotes
            .into_iter()
            .enumerate()
            .map(|(i, q)| {
                Ok(Quote {
                    span: conv.back(q.start, q.end, "quote", i)?,
                    text: q.text,
                    speaker: q.speaker,
                    speaker_cluster: q.speaker_entity,
                    speaker_kind: q.speaker_kind,
                    scare: q.scare,
                })
            })
            .collect::<Result<_, Error>>()?;
        let dates = record
            .dates
            .into_iter()
            .enumerate()
            .map(|(i, d)| {
                Ok(DateMention {
                    span: conv.back(d.start, d.end, "date", i)?,
                    text: d.text,
                    value: d.value,
                })
            })
            .collect::<Result<_, Error>>()?;
        let metadata = crate::Metadata {
            title: record.title,
            authors: record.authors,
            published: record.published,
            language: record.language,
            site_name: record.site_name,
            url: record.url,
            dateline: record.dateline,
            published_source: record.published_source,
            modified: record.modified,
            description: record.description,
            image: record.image,
            tags: record.tags,
            categories: record.categories,
            license: record.license,
            hostname: record.hostname,
            page_type: record.page_type,
            comments: record.comments,
        };
        Article::from_parts(Parts {
            source: record.source,
            metadata,
            captions: record.captions,
            removed,
            warc: record.warc,
            annotations: record.annotations,
            body: record.body,
            paragraphs,
            entities,
            clusters,
            quotes,
            dates,
        })
    }

    /// The `article/1` record as one line of JSON (char offsets).
    ///
    /// # Errors
    /// Only when the article breaks an invariant.
    pub fn to_json(&self) -> Result<String, Error> {
        let record = self.to_record(OffsetUnit::Char)?;
        serde_json::to_string(&record).map_err(|e| Error::new(ErrorKind::Json(e.to_string())))
    }

    /// Loads an article from an `article/1` JSON record.
    ///
    /// # Errors
    /// When the JSON is not a valid record or the article it describes breaks an invariant.
    pub fn from_json(json: &str) -> Result<Article, Error> {
        let record: Record =
            serde_json::from_str(json).map_err(|e| Error::new(ErrorKind::Json(e.to_string())))?;
        Article::from_record(record)
    }
}

impl Serialize for Article {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_record(OffsetUnit::Char)
            .map_err(serde::ser::Error::custom)?
            .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Article {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let record = Record::deserialize(deserializer)?;
        Article::from_record(record).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Article {
        let mut a = Article::new();
        a.source = Some("pages/x.html".into());
        a.metadata.title = Some("Títle".into());
        a.push_paragraph(
            BlockKind::Paragraph,
            "😀 Zürich said “yes”.",
            Some(Span::new(3, 40)),
        );
        a.push_paragraph(BlockKind::ListItem, "Second.", None);
        let body = a.body().to_owned();
        let z = body.find("Zürich").unwrap();
        let ent = Entity {
            span: Span::new(z, z + "Zürich".len()),
            label: Label::Loc,
            text: "Zürich".into(),
            cluster: Some(0),
        };
        let cluster = Cluster {
            id: 0,
            canonical: "Zürich".into(),
            label: Label::Loc,
            mentions: 1,
            first: ent.span,
            role: None,
            affiliation: None,
        };
        a.try_set_entities(vec![ent], vec![cluster]).unwrap();
        let y = body.find("yes").unwrap();
        a.try_set_quotes(vec![Quote {
            span: Span::new(y, y + 3),
            text: "yes".into(),
            speaker: Some("Zürich".into()),
            speaker_cluster: Some(0),
            speaker_kind: Some(SpeakerKind::Entity),
            scare: true,
        }])
        .unwrap();
        a.removed
            .push(Removed::new(RemovedKind::Share, "share bar", "Share", None));
        a
    }

    #[test]
    fn record_uses_char_offsets() {
        let a = sample();
        let r = a.to_record(OffsetUnit::Char).unwrap();
        assert_eq!(r.entities[0].start, 2); // "😀 " is two chars
        assert_eq!(r.entities[0].end, 8);
        let r16 = a.to_record(OffsetUnit::Utf16).unwrap();
        assert_eq!(r16.entities[0].start, 3); // 😀 is two UTF-16 units
        assert_eq!(r16.offsets, "utf16");
        for unit in [OffsetUnit::Char, OffsetUnit::Utf16, OffsetUnit::Byte] {
            let back = Article::from_record(a.to_record(unit).unwrap()).unwrap();
            assert_eq!(back, a, "{unit:?}");
        }
    }

    #[test]
    fn json_round_trip() {
        let a = sample();
        let json = serde_json::to_string(&a).unwrap();
        assert!(json.starts_with(r#"{"schema":"article/1","#), "{json}");
        let back: Article = serde_json::from_str(&json).unwrap();
        assert_eq!(back, a);
        assert_eq!(Article::from_json(&a.to_json().unwrap()).unwrap(), a);
    }

    /// `speaker_kind` is written on every quote (`null` without a speaker) and a record
    /// written before it existed still loads, its quotes with no kind.
    #[test]
    fn speaker_kind_is_additive() {
        let a = sample();
        let mut json: serde_json::Value = serde_json::to_value(&a).unwrap();
        assert_eq!(json["quotes"][0]["speaker_kind"], "entity");
        json["quotes"][0]
            .as_object_mut()
            .unwrap()
            .remove("speaker_kind");
        let old: Article = serde_json::from_value(json).unwrap();
        assert_eq!(old.quotes()[0].speaker_kind, None);
        assert_eq!(old.quotes()[0].speaker, a.quotes()[0].speaker);
    }

    #[test]
    fn warc_key_only_when_set() {
        let mut a = sample();
        let without = a.to_json().unwrap();
        assert!(!without.contains(r#""warc""#), "{without}");
        let mut warc = Warc::new("cc.warc.gz", "<urn:uuid:1>", 1234, 567);
        warc.date = Some("2024-01-02T03:04:05Z".into());
        a.warc = Some(warc);
        let with = a.to_json().unwrap();
        assert!(
            with.ends_with(r#","warc":{"file":"cc.warc.gz","record_id":"<urn:uuid:1>","target_uri":null,"date":"2024-01-02T03:04:05Z","offset":1234,"length":567}}"#),
            "{with}"
        );
        assert_eq!(Article::from_json(&with).unwrap(), a);
        assert_eq!(Article::from_json(&without).unwrap().warc, None);
    }

    /// `annotations` is written only once the annotator ran, between `dates` and `warc`,
    /// and a record without it (older, or not annotated) loads with `None`.
    #[test]
    fn annotations_key_only_when_set() {
        let mut a = sample();
        let without = a.to_json().unwrap();
        assert!(!without.contains(r#""annotations""#), "{without}");
        a.annotations = Some(Annotations::all(
            Some("de".into()),
            "skipped: no model for de",
        ));
        let with = a.to_json().unwrap();
        assert!(
            with.ends_with(r#","annotations":{"language":"de","entities":"skipped: no model for de","quotes":"skipped: no model for de","dates":"skipped: no model for de"}}"#),
            "{with}"
        );
        assert_eq!(Article::from_json(&with).unwrap(), a);
        assert_eq!(Article::from_json(&without).unwrap().annotations, None);
        assert!(Annotations::is_annotated(
            "annotated: forced, no model for de"
        ));
        assert!(!Annotations::is_annotated("skipped: no model for de"));
    }

    #[test]
    fn loading_checks_invariants() {
        let a = sample();
        let mut r = a.to_record(OffsetUnit::Char).unwrap();
        r.entities[0].end = 100;
        assert!(Article::from_record(r).is_err());
        let mut r = a.to_record(OffsetUnit::Char).unwrap();
        r.schema = "article/2".into();
        assert!(matches!(
            Article::from_record(r).unwrap_err().kind(),
            ErrorKind::Schema(_)
        ));
        let mut r = a.to_record(OffsetUnit::Utf16).unwrap();
        r.entities[0].start = 1; // inside the surrogate pair of 😀
        assert!(Article::from_record(r).is_err());
        assert!(Article::from_json("{").is_err());
    }
}

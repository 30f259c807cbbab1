//! The Arrow schema of article rows: defined here once, used by the Parquet writer (and
//! meant for any other Arrow producer, such as the Python package's `schema()`).

use std::sync::Arc;

use arrow_schema::{DataType, Field, FieldRef, Fields, Schema, SchemaRef, TimeUnit};

/// The time zone of every timestamp column.
pub(crate) const UTC: &str = "UTC";

fn text(name: &str, nullable: bool) -> Field {
    Field::new(name, DataType::Utf8, nullable)
}

fn int(name: &str, nullable: bool) -> Field {
    Field::new(name, DataType::Int64, nullable)
}

fn date(name: &str) -> Field {
    Field::new(name, DataType::Date32, true)
}

fn timestamp(name: &str) -> Field {
    Field::new(
        name,
        DataType::Timestamp(TimeUnit::Microsecond, Some(UTC.into())),
        true,
    )
}

/// A non-null list of non-null `item`s.
fn list(name: &str, item: DataType) -> Field {
    Field::new(name, DataType::List(list_item(item)), false)
}

/// The item field of a list column (named `item`, as pyarrow and Spark expect).
pub(crate) fn list_item(item: DataType) -> FieldRef {
    Arc::new(Field::new("item", item, false))
}

/// Fields of `dateline`.
pub(crate) fn dateline_fields() -> Fields {
    Fields::from(vec![
        text("place", false),
        text("text", false),
        text("agency", true),
    ])
}

/// Fields of `annotations`.
pub(crate) fn annotations_fields() -> Fields {
    Fields::from(vec![
        text("language", true),
        text("entities", false),
        text("quotes", false),
        text("dates", false),
    ])
}

/// Fields of a `paragraphs` item.
pub(crate) fn paragraph_fields() -> Fields {
    Fields::from(vec![
        text("kind", false),
        int("start", false),
        int("end", false),
        int("source_start", true),
        int("source_end", true),
    ])
}

/// Fields of a `removed` item.
pub(crate) fn removed_fields() -> Fields {
    Fields::from(vec![
        text("kind", false),
        text("reason", false),
        text("text", false),
        int("source_start", true),
        int("source_end", true),
    ])
}

/// Fields of an `entities` item.
pub(crate) fn entity_fields() -> Fields {
    Fields::from(vec![
        text("text", false),
        text("label", false),
        int("start", false),
        int("end", false),
        int("cluster", true),
    ])
}

/// Fields of a `clusters` item.
pub(crate) fn cluster_fields() -> Fields {
    Fields::from(vec![
        int("id", false),
        text("canonical", false),
        text("label", false),
        int("mentions", false),
        int("start", false),
        int("end", false),
        text("role", true),
        text("affiliation", true),
    ])
}

/// Fields of a `quotes` item.
pub(crate) fn quote_fields() -> Fields {
    Fields::from(vec![
        text("text", false),
        text("speaker", true),
        int("speaker_entity", true),
        text("speaker_kind", true),
        int("start", false),
        int("end", false),
        Field::new("scare", DataType::Boolean, false),
    ])
}

/// Fields of a `dates` item.
pub(crate) fn date_fields() -> Fields {
    Fields::from(vec![
        text("text", false),
        text("value", true),
        date("value_date"),
        timestamp("value_at"),
        int("start", false),
        int("end", false),
    ])
}

/// The Parquet leaf columns whose values come from a small set (kinds, labels, reasons,
/// language codes, host names): the only ones the writer dictionary-encodes. Every other
/// column (body, texts, offsets, URLs) is mostly distinct values, where a dictionary only
/// costs the encoder memory and the file bytes. Paths as Parquet names them (a list's
/// item is `NAME.list.item`); a test checks each against [`article_schema`].
pub(crate) const DICTIONARY_COLUMNS: &[&str] = &[
    "language",
    "site_name",
    "published_source",
    "hostname",
    "license",
    "page_type",
    "dateline.agency",
    "tags.list.item",
    "categories.list.item",
    "paragraphs.list.item.kind",
    "removed.list.item.kind",
    "removed.list.item.reason",
    "entities.list.item.label",
    "clusters.list.item.label",
    "clusters.list.item.role",
    "clusters.list.item.affiliation",
    "quotes.list.item.speaker_kind",
    "annotations.language",
    "annotations.entities",
    "annotations.quotes",
    "annotations.dates",
    "offsets",
    "error",
    "warc_file",
];

/// The Arrow schema of one article per row, as [`ParquetWriter`](crate::ParquetWriter)
/// writes it; with `warc`, six `warc_*` provenance columns follow.
///
/// | column | type | holds |
/// | --- | --- | --- |
/// | `source`, `url`, `title` | string | as in the `article/1` record |
/// | `authors` | list of string | |
/// | `published` | string | the date as the record has it (ISO 8601: a date, or a date-time with or without an offset) |
/// | `published_date` | date32 | its calendar date as written (the publisher's local date), when it has a full date |
/// | `published_at` | timestamp (µs, UTC) | the instant, only when `published` is a date-time with an offset or `Z` |
/// | `language`, `site_name` | string | |
/// | `published_source`, `modified`, `hostname`, `description`, `image` | string | as in the record (`modified`: a date or an RFC 3339 date-time) |
/// | `tags`, `categories` | list of string | |
/// | `license`, `page_type` | string | `page_type`: `article`, `listing`, `video` or `other` |
/// | `dateline` | struct `place`, `text`, `agency` | null when there is none |
/// | `captions` | list of string | |
/// | `body` | string | null only in error rows |
/// | `paragraphs` | list of struct `kind`, `start`, `end`, `source_start`, `source_end` | |
/// | `removed` | list of struct `kind`, `reason`, `text`, `source_start`, `source_end` | |
/// | `comments` | string | the comment section's text |
/// | `entities` | list of struct `text`, `label`, `start`, `end`, `cluster` | |
/// | `clusters` | list of struct `id`, `canonical`, `label`, `mentions`, `start`, `end`, `role`, `affiliation` | |
/// | `quotes` | list of struct `text`, `speaker`, `speaker_entity`, `speaker_kind`, `start`, `end`, `scare` | `speaker_kind`: `entity`, `description` or `pronoun` |
/// | `dates` | list of struct `text`, `value`, `value_date`, `value_at`, `start`, `end` | `value_date`/`value_at` as for `published` |
/// | `annotations` | struct `language`, `entities`, `quotes`, `dates` | what the annotator did (each layer `annotated` or `skipped: no model for LANG`); null when the article was not annotated |
/// | `offsets` | string | the unit of every `start`/`end`: `char`, `utf16` or `byte` |
/// | `error` | string | why the input gave no article (then the other columns are null or empty) |
/// | `warc_file`, `warc_record_id`, `warc_target_uri` | string | the WARC record the page came from |
/// | `warc_date` | timestamp (µs, UTC) | its `WARC-Date` (UTC by the WARC standard) |
/// | `warc_offset`, `warc_length` | int64 | where its (gzip member) bytes are in the file |
///
/// Offsets and counts are int64 (Spark has no unsigned types); no column is
/// dictionary-encoded (pyspark's `from_arrow_schema` converts every one).
#[must_use]
pub fn article_schema(warc: bool) -> SchemaRef {
    let struct_list = |name: &str, fields: Fields| list(name, DataType::Struct(fields));
    let mut fields = vec![
        text("source", true),
        text("url", true),
        text("title", true),
        list("authors", DataType::Utf8),
        text("published", true),
        date("published_date"),
        timestamp("published_at"),
        text("language", true),
        text("site_name", true),
        text("published_source", true),
        text("modified", true),
        text("hostname", true),
        text("description", true),
        text("image", true),
        list("tags", DataType::Utf8),
        list("categories", DataType::Utf8),
        text("license", true),
        text("page_type", true),
        Field::new("dateline", DataType::Struct(dateline_fields()), true),
        list("captions", DataType::Utf8),
        text("body", true),
        struct_list("paragraphs", paragraph_fields()),
        struct_list("removed", removed_fields()),
        text("comments", true),
        struct_list("entities", entity_fields()),
        struct_list("clusters", cluster_fields()),
        struct_list("quotes", quote_fields()),
        struct_list("dates", date_fields()),
        Field::new("annotations", DataType::Struct(annotations_fields()), true),
        text("offsets", false),
        text("error", true),
    ];
    if warc {
        fields.extend([
            text("warc_file", true),
            text("warc_record_id", true),
            text("warc_target_uri", true),
            timestamp("warc_date"),
            int("warc_offset", true),
            int("warc_length", true),
        ]);
    }
    Arc::new(Schema::new(fields))
}

#[cfg(test)]
mod tests {
    use ::parquet::arrow::ArrowSchemaConverter;

    use super::*;

    #[test]
    fn dictionary_columns_are_leaf_columns_of_the_schema() {
        let parquet = ArrowSchemaConverter::new()
            .convert(&article_schema(true))
            .unwrap();
        let leaves: Vec<String> = parquet
            .columns()
            .iter()
            .map(|c| c.path().string())
            .collect();
        for path in DICTIONARY_COLUMNS {
            assert!(leaves.iter().any(|l| l == path), "{path} is not a column");
        }
        assert!(leaves.iter().any(|l| l == "body"));
        assert!(!DICTIONARY_COLUMNS.contains(&"body"));
    }
}

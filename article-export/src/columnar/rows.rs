//! [`Rows`]: the columns of one row group being filled, turned into a `RecordBatch`.

use std::sync::Arc;

use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Int64Builder, NullBufferBuilder, StringBuilder,
    TimestampMicrosecondBuilder,
};
use arrow_array::{ArrayRef, ListArray, RecordBatch, StringArray, StructArray};
use arrow_buffer::{OffsetBuffer, ScalarBuffer};
use arrow_schema::{DataType, Fields, SchemaRef};

use article_model::{Record, Warc};

use super::schema::{self, UTC};
use super::time;

fn int(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn timestamps() -> TimestampMicrosecondBuilder {
    TimestampMicrosecondBuilder::new().with_timezone(UTC)
}

/// List offsets: one per row, plus the leading 0.
struct Offsets(Vec<i32>);

impl Offsets {
    fn new() -> Offsets {
        Offsets(vec![0])
    }

    /// Ends the current row, which added `n` items.
    fn push(&mut self, n: usize) {
        let last = self.0.last().copied().unwrap_or(0);
        self.0
            .push(last.saturating_add(i32::try_from(n).unwrap_or(i32::MAX)));
    }

    /// A list column of `values`, one list per row; resets for the next row group.
    fn list(&mut self, item: DataType, values: ArrayRef) -> ArrayRef {
        let offsets = std::mem::replace(&mut self.0, vec![0]);
        let offsets = OffsetBuffer::new(ScalarBuffer::from(offsets));
        Arc::new(ListArray::new(
            schema::list_item(item),
            offsets,
            values,
            None,
        ))
    }
}

fn structs(fields: Fields, arrays: Vec<ArrayRef>) -> (DataType, ArrayRef) {
    let array = StructArray::new(fields.clone(), arrays, None);
    (DataType::Struct(fields), Arc::new(array))
}

/// A list of strings column.
struct StringList {
    offsets: Offsets,
    values: StringBuilder,
}

impl StringList {
    fn new() -> StringList {
        StringList {
            offsets: Offsets::new(),
            values: StringBuilder::new(),
        }
    }

    fn push(&mut self, items: &[String]) {
        for s in items {
            self.values.append_value(s);
        }
        self.offsets.push(items.len());
    }

    fn finish(&mut self) -> ArrayRef {
        let values: StringArray = self.values.finish();
        self.offsets.list(DataType::Utf8, Arc::new(values))
    }
}

/// A column per field of `schema::paragraph_fields` and `schema::removed_fields` (both
/// end in a source range).
#[derive(Default)]
struct Source {
    start: Int64Builder,
    end: Int64Builder,
}

impl Source {
    fn push(&mut self, range: Option<[usize; 2]>) {
        self.start.append_option(range.map(|r| int(r[0])));
        self.end.append_option(range.map(|r| int(r[1])));
    }
}

/// The columns of one row group.
pub(crate) struct Rows {
    schema: SchemaRef,
    warc: bool,
    unit: &'static str,
    len: usize,
    source: StringBuilder,
    url: StringBuilder,
    title: StringBuilder,
    authors: StringList,
    published: StringBuilder,
    published_date: Date32Builder,
    published_at: TimestampMicrosecondBuilder,
    language: StringBuilder,
    site_name: StringBuilder,
    /// `published_source`, `modified`, `hostname`, `description`, `image`.
    page_text: [StringBuilder; 5],
    tags: StringList,
    categories: StringList,
    license: StringBuilder,
    page_type: StringBuilder,
    comments: StringBuilder,
    dateline: [StringBuilder; 3],
    dateline_nulls: NullBufferBuilder,
    captions: StringList,
    body: StringBuilder,
    paragraphs: (Offsets, StringBuilder, [Int64Builder; 2], Source),
    removed: (Offsets, [StringBuilder; 3], Source),
    entities: (Offsets, [StringBuilder; 2], [Int64Builder; 3]),
    clusters: (Offsets, [StringBuilder; 4], [Int64Builder; 4]),
    quotes: (
        Offsets,
        [StringBuilder; 3],
        [Int64Builder; 3],
        BooleanBuilder,
    ),
    dates: (
        Offsets,
        [StringBuilder; 2],
        Date32Builder,
        TimestampMicrosecondBuilder,
        [Int64Builder; 2],
    ),
    annotations: [StringBuilder; 4],
    annotations_nulls: NullBufferBuilder,
    offsets: StringBuilder,
    error: StringBuilder,
    warc_text: [StringBuilder; 3],
    warc_date: TimestampMicrosecondBuilder,
    warc_ints: [Int64Builder; 2],
}

impl Rows {
    /// Rows of `schema::article_schema(warc)`, offsets in `unit` (its record name).
    pub(crate) fn new(warc: bool, unit: &'static str) -> Rows {
        Rows {
            schema: schema::article_schema(warc),
            warc,
            unit,
            len: 0,
            source: StringBuilder::new(),
            url: StringBuilder::new(),
            title: StringBuilder::new(),
            authors: StringList::new(),
            published: StringBuilder::new(),
            published_date: Date32Builder::new(),
            published_at: timestamps(),
            language: StringBuilder::new(),
            site_name: StringBuilder::new(),
            page_text: Default::default(),
            tags: StringList::new(),
            categories: StringList::new(),
            license: StringBuilder::new(),
            page_type: StringBuilder::new(),
            comments: StringBuilder::new(),
            dateline: Default::default(),
            dateline_nulls: NullBufferBuilder::new(0),
            captions: StringList::new(),
            body: StringBuilder::new(),
            paragraphs: (
                Offsets::new(),
                StringBuilder::new(),
                Default::default(),
                Source::default(),
            ),
            removed: (Offsets::new(), Default::default(), Source::default()),
            entities: (Offsets::new(), Default::default(), Default::default()),
            clusters: (Offsets::new(), Default::default(), Default::default()),
            quotes: (
                Offsets::new(),
                Default::default(),
                Default::default(),
                BooleanBuilder::new(),
            ),
            dates: (
                Offsets::new(),
                Default::default(),
                Date32Builder::new(),
                timestamps(),
                Default::default(),
            ),
            annotations: Default::default(),
            annotations_nulls: NullBufferBuilder::new(0),
            offsets: StringBuilder::new(),
            error: StringBuilder::new(),
            warc_text: Default::default(),
            warc_date: timestamps(),
            warc_ints: Default::default(),
        }
    }

    /// The schema of the batches.
    pub(crate) fn schema(&self) -> &SchemaRef {
        &self.schema
    }

    /// Rows buffered.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// Adds the row of an article's record.
    pub(crate) fn push(&mut self, r: &Record) {
        self.source.append_option(r.source.as_deref());
        self.url.append_option(r.url.as_deref());
        self.title.append_option(r.title.as_deref());
        self.authors.push(&r.authors);
        self.push_date(r.published.as_deref());
        self.language.append_option(r.language.as_deref());
        self.site_name.append_option(r.site_name.as_deref());
        let [source, modified, host, description, image] = &mut self.page_text;
        source.append_option(r.published_source.map(|s| s.as_str()));
        modified.append_option(r.modified.as_deref());
        host.append_option(r.hostname.as_deref());
        description.append_option(r.description.as_deref());
        image.append_option(r.image.as_deref());
        self.tags.push(&r.tags);
        self.categories.push(&r.categories);
        self.license.append_option(r.license.as_deref());
        self.page_type
            .append_option(r.page_type.map(|p| p.as_str()));
        self.comments.append_option(r.comments.as_deref());
        match &r.dateline {
            Some(d) => {
                self.dateline[0].append_value(&d.place);
                self.dateline[1].append_value(&d.text);
                self.dateline[2].append_option(d.agency.as_deref());
                self.dateline_nulls.append_non_null();
            }
            None => self.push_no_dateline(),
        }
        self.captions.push(&r.captions);
        self.body.append_value(&r.body);

        let (n, kind, span, source) = &mut self.paragraphs;
        for p in &r.paragraphs {
            kind.append_value(p.kind.as_str());
            span[0].append_value(int(p.start));
            span[1].append_value(int(p.end));
            source.push(p.source);
        }
        n.push(r.paragraphs.len());

        let (n, text, source) = &mut self.removed;
        for x in &r.removed {
            text[0].append_value(x.kind.as_str());
            text[1].append_value(&x.reason);
            text[2].append_value(&x.text);
            source.push(x.source);
        }
        n.push(r.removed.len());

        let (n, text, ints) = &mut self.entities;
        for e in &r.entities {
            text[0].append_value(&e.text);
            text[1].append_value(e.label.as_str());
            ints[0].append_value(int(e.start));
            ints[1].append_value(int(e.end));
            ints[2].append_option(e.cluster.map(int));
        }
        n.push(r.entities.len());

        let (n, text, ints) = &mut self.clusters;
        for c in &r.clusters {
            ints[0].append_value(int(c.id));
            text[0].append_value(&c.canonical);
            text[1].append_value(c.label.as_str());
            ints[1].append_value(int(c.mentions));
            ints[2].append_value(int(c.start));
            ints[3].append_value(int(c.end));
            text[2].append_option(c.role.as_deref());
            text[3].append_option(c.affiliation.as_deref());
        }
        n.push(r.clusters.len());

        let (n, text, ints, scare) = &mut self.quotes;
        for q in &r.quotes {
            text[0].append_value(&q.text);
            text[1].append_option(q.speaker.as_deref());
            ints[0].append_option(q.speaker_entity.map(int));
            text[2].append_option(q.speaker_kind.map(|k| k.as_str()));
            ints[1].append_value(int(q.start));
            ints[2].append_value(int(q.end));
            scare.append_value(q.scare);
        }
        n.push(r.quotes.len());

        let (n, text, day, at, ints) = &mut self.dates;
        for d in &r.dates {
            text[0].append_value(&d.text);
            text[1].append_option(d.value.as_deref());
            let (date, instant) = d.value.as_deref().map_or((None, None), time::parse);
            day.append_option(date);
            at.append_option(instant);
            ints[0].append_value(int(d.start));
            ints[1].append_value(int(d.end));
        }
        n.push(r.dates.len());

        match &r.annotations {
            Some(x) => {
                self.annotations[0].append_option(x.language.as_deref());
                self.annotations[1].append_value(&x.entities);
                self.annotations[2].append_value(&x.quotes);
                self.annotations[3].append_value(&x.dates);
                self.annotations_nulls.append_non_null();
            }
            None => self.push_no_annotations(),
        }
        self.offsets.append_value(&r.offsets);
        self.error.append_null();
        self.push_warc(r.warc.as_ref());
        self.len += 1;
    }

    /// Adds the row of an input that gave no article.
    pub(crate) fn push_error(&mut self, source: Option<&str>, warc: Option<&Warc>, message: &str) {
        self.source.append_option(source);
        self.url.append_null();
        self.title.append_null();
        self.authors.push(&[]);
        self.push_date(None);
        self.language.append_null();
        self.site_name.append_null();
        for b in &mut self.page_text {
            b.append_null();
        }
        self.tags.push(&[]);
        self.categories.push(&[]);
        self.license.append_null();
        self.page_type.append_null();
        self.comments.append_null();
        self.push_no_dateline();
        self.captions.push(&[]);
        self.body.append_null();
        self.paragraphs.0.push(0);
        self.removed.0.push(0);
        self.entities.0.push(0);
        self.clusters.0.push(0);
        self.quotes.0.push(0);
        self.dates.0.push(0);
        self.push_no_annotations();
        self.offsets.append_value(self.unit);
        self.error.append_value(message);
        self.push_warc(warc);
        self.len += 1;
    }

    fn push_date(&mut self, published: Option<&str>) {
        let (date, at) = published.map_or((None, None), time::parse);
        self.published.append_option(published);
        self.published_date.append_option(date);
        self.published_at.append_option(at);
    }

    fn push_no_dateline(&mut self) {
        // Null struct slots still hold a (placeholder) value in each non-null child.
        self.dateline[0].append_value("");
        self.dateline[1].append_value("");
        self.dateline[2].append_null();
        self.dateline_nulls.append_null();
    }

    fn push_no_annotations(&mut self) {
        self.annotations[0].append_null();
        for b in &mut self.annotations[1..] {
            b.append_value("");
        }
        self.annotations_nulls.append_null();
    }

    fn push_warc(&mut self, warc: Option<&Warc>) {
        if !self.warc {
            return;
        }
        self.warc_text[0].append_option(warc.map(|w| w.file.as_str()));
        self.warc_text[1].append_option(warc.map(|w| w.record_id.as_str()));
        self.warc_text[2].append_option(warc.and_then(|w| w.target_uri.as_deref()));
        let at = warc
            .and_then(|w| w.date.as_deref())
            .and_then(|d| time::parse(d).1);
        self.warc_date.append_option(at);
        let i = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
        self.warc_ints[0].append_option(warc.map(|w| i(w.offset)));
        self.warc_ints[1].append_option(warc.map(|w| i(w.length)));
    }

    /// The buffered rows as a batch of [`schema::article_schema`]; empties the buffers.
    ///
    /// # Errors
    /// Only if the columns do not match the schema (a bug).
    pub(crate) fn take_batch(&mut self) -> Result<RecordBatch, arrow_schema::ArrowError> {
        fn a<T: arrow_array::builder::ArrayBuilder>(b: &mut T) -> ArrayRef {
            b.finish()
        }
        let dateline = StructArray::new(
            schema::dateline_fields(),
            self.dateline.iter_mut().map(a).collect(),
            self.dateline_nulls.finish(),
        );
        let (n, kind, span, source) = &mut self.paragraphs;
        let (item, values) = structs(
            schema::paragraph_fields(),
            vec![
                a(kind),
                a(&mut span[0]),
                a(&mut span[1]),
                a(&mut source.start),
                a(&mut source.end),
            ],
        );
        let paragraphs = n.list(item, values);
        let (n, text, source) = &mut self.removed;
        let mut cols: Vec<ArrayRef> = text.iter_mut().map(a).collect();
        cols.extend([a(&mut source.start), a(&mut source.end)]);
        let (item, values) = structs(schema::removed_fields(), cols);
        let removed = n.list(item, values);
        let (n, text, ints) = &mut self.entities;
        let [t0, t1] = text;
        let [i0, i1, i2] = ints;
        let (item, values) = structs(
            schema::entity_fields(),
            vec![a(t0), a(t1), a(i0), a(i1), a(i2)],
        );
        let entities = n.list(item, values);
        let (n, text, ints) = &mut self.clusters;
        let [t0, t1, t2, t3] = text;
        let [i0, i1, i2, i3] = ints;
        let (item, values) = structs(
            schema::cluster_fields(),
            vec![a(i0), a(t0), a(t1), a(i1), a(i2), a(i3), a(t2), a(t3)],
        );
        let clusters = n.list(item, values);
        let (n, text, ints, scare) = &mut self.quotes;
        let [t0, t1, t2] = text;
        let [i0, i1, i2] = ints;
        let (item, values) = structs(
            schema::quote_fields(),
            vec![a(t0), a(t1), a(i0), a(t2), a(i1), a(i2), a(scare)],
        );
        let quotes = n.list(item, values);
        let (n, text, day, at, ints) = &mut self.dates;
        let [t0, t1] = text;
        let [i0, i1] = ints;
        let (item, values) = structs(
            schema::date_fields(),
            vec![a(t0), a(t1), a(day), a(at), a(i0), a(i1)],
        );
        let dates = n.list(item, values);
        let annotations = StructArray::new(
            schema::annotations_fields(),
            self.annotations.iter_mut().map(a).collect(),
            self.annotations_nulls.finish(),
        );

        let [p0, p1, p2, p3, p4] = &mut self.page_text;
        let mut columns: Vec<ArrayRef> = vec![
            a(&mut self.source),
            a(&mut self.url),
            a(&mut self.title),
            self.authors.finish(),
            a(&mut self.published),
            a(&mut self.published_date),
            a(&mut self.published_at),
            a(&mut self.language),
            a(&mut self.site_name),
            a(p0),
            a(p1),
            a(p2),
            a(p3),
            a(p4),
            self.tags.finish(),
            self.categories.finish(),
            a(&mut self.license),
            a(&mut self.page_type),
            Arc::new(dateline),
            self.captions.finish(),
            a(&mut self.body),
            paragraphs,
            removed,
            a(&mut self.comments),
            entities,
            clusters,
            quotes,
            dates,
            Arc::new(annotations),
            a(&mut self.offsets),
            a(&mut self.error),
        ];
        if self.warc {
            let [f, id, uri] = &mut self.warc_text;
            let [off, len] = &mut self.warc_ints;
            columns.extend([a(f), a(id), a(uri), a(&mut self.warc_date), a(off), a(len)]);
        }
        self.len = 0;
        RecordBatch::try_new(self.schema.clone(), columns)
    }
}

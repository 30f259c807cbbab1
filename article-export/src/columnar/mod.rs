//! [`ParquetWriter`]: one row per article, typed columns, written a row group at a time.

mod rows;
mod schema;
mod time;

use std::io::Write;

use ::parquet::arrow::ArrowWriter;
use ::parquet::basic::Compression;
use ::parquet::file::properties::{EnabledStatistics, WriterProperties};
use ::parquet::schema::types::ColumnPath;
use arrow_array::RecordBatch;
use arrow_schema::SchemaRef;
use article_model::{Article, OffsetUnit, Record, Warc};

use crate::error::{Error, ErrorKind, Result};

use self::schema::DICTIONARY_COLUMNS;
pub use self::schema::article_schema;

/// Options of a [`ParquetWriter`]; every setter states its default.
#[derive(Clone, Copy, Debug)]
pub struct ParquetOptions {
    row_group_size: usize,
    row_group_bytes: usize,
    warc: bool,
    offsets: OffsetUnit,
}

impl Default for ParquetOptions {
    fn default() -> ParquetOptions {
        ParquetOptions {
            row_group_size: 4096,
            row_group_bytes: DEFAULT_ROW_GROUP_BYTES,
            warc: false,
            offsets: OffsetUnit::Char,
        }
    }
}

/// Default [`ParquetOptions::row_group_bytes`]: 2 MiB.
pub const DEFAULT_ROW_GROUP_BYTES: usize = 2 << 20;

/// Bytes of values a data page holds before it is compressed: small, so that the row
/// group being written is held mostly compressed (the encoder's memory is counted against
/// [`ParquetOptions::row_group_bytes`]; parquet's default, 1 MiB per column, would be
/// more than the whole budget).
const DATA_PAGE_BYTES: usize = 64 << 10;

/// Rows buffered before they are handed to the Parquet encoder as one batch, at most.
const BATCH_ROWS: usize = 64;

impl ParquetOptions {
    /// Rows per row group, at most (default 4096; at least 1): a row group is written
    /// out when it has this many rows, or [`row_group_bytes`](Self::row_group_bytes),
    /// whichever comes first.
    #[must_use]
    pub fn row_group_size(mut self, rows: usize) -> ParquetOptions {
        self.row_group_size = rows.max(1);
        self
    }

    /// The memory a row group being written may take, in bytes, at most (default
    /// [`DEFAULT_ROW_GROUP_BYTES`], 2 MiB; at least 1): when the encoder's buffers for the
    /// row group (Arrow's `ArrowWriter::memory_size`) pass it, the row group is written
    /// out, whatever its row count. This, not the row count, keeps memory flat when
    /// articles are long: annotated news articles take about 20 KB each in the encoder
    /// (row groups of the 110 dev pages of the repository's benchmark hold about 100 rows
    /// at the default). A larger budget gives larger row groups and a somewhat smaller
    /// file for that much more memory per writer.
    #[must_use]
    pub fn row_group_bytes(mut self, bytes: usize) -> ParquetOptions {
        self.row_group_bytes = bytes.max(1);
        self
    }

    /// Whether to add the `warc_*` provenance columns (default no).
    #[must_use]
    pub fn warc(mut self, warc: bool) -> ParquetOptions {
        self.warc = warc;
        self
    }

    /// The unit of `start`/`end` offsets (default [`OffsetUnit::Char`]).
    #[must_use]
    pub fn offsets(mut self, unit: OffsetUnit) -> ParquetOptions {
        self.offsets = unit;
        self
    }
}

fn unit_name(unit: OffsetUnit) -> &'static str {
    match unit {
        OffsetUnit::Utf16 => "utf16",
        OffsetUnit::Byte => "byte",
        _ => "char",
    }
}

/// About how many bytes of text a record's row holds (its strings, and a few bytes per
/// list item), to bound the rows buffered before encoding.
fn record_bytes(r: &article_model::Record) -> usize {
    const ITEM: usize = 32;
    let texts = |v: &[String]| v.iter().map(|t| t.len() + ITEM).sum::<usize>();
    r.body.len()
        + r.title.as_ref().map_or(0, String::len)
        + texts(&r.authors)
        + texts(&r.captions)
        + r.paragraphs.len() * ITEM
        + r.removed
            .iter()
            .map(|x| x.text.len() + x.reason.len() + ITEM)
            .sum::<usize>()
        + r.entities
            .iter()
            .map(|e| e.text.len() + ITEM)
            .sum::<usize>()
        + r.clusters
            .iter()
            .map(|c| c.canonical.len() + ITEM)
            .sum::<usize>()
        + r.quotes.iter().map(|q| q.text.len() + ITEM).sum::<usize>()
        + r.dates.iter().map(|d| d.text.len() + ITEM).sum::<usize>()
}

fn parquet_error(e: impl std::fmt::Display) -> Error {
    Error::new(ErrorKind::Parquet(e.to_string()))
}

/// Builds Arrow [`RecordBatch`]es of article rows in the columns of [`article_schema`],
/// the rows [`ParquetWriter`] writes, for other Arrow consumers (the Python package, an
/// Arrow IPC stream).
///
/// Rows are buffered until [`BatchBuilder::finish`] turns them into one batch and starts
/// over; inputs that gave no article are rows too ([`BatchBuilder::push_error`]).
///
/// ```
/// use article_export::BatchBuilder;
/// use article_model::{Article, BlockKind, OffsetUnit};
///
/// let mut article = Article::new();
/// article.push_paragraph(BlockKind::Paragraph, "Dockers voted to return to work.", None);
/// let mut rows = BatchBuilder::new(false, OffsetUnit::Char);
/// rows.push(&article)?;
/// rows.push_error(Some("broken.html"), None, "not HTML");
/// let batch = rows.finish()?;
/// assert_eq!(batch.num_rows(), 2);
/// assert_eq!(batch.schema(), article_export::article_schema(false));
/// # Ok::<(), article_export::Error>(())
/// ```
pub struct BatchBuilder {
    rows: rows::Rows,
    offsets: OffsetUnit,
}

impl std::fmt::Debug for BatchBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BatchBuilder")
            .field("offsets", &self.offsets)
            .field("len", &self.rows.len())
            .finish_non_exhaustive()
    }
}

impl BatchBuilder {
    /// Rows of [`article_schema`]`(warc)`, offsets in `offsets`.
    #[must_use]
    pub fn new(warc: bool, offsets: OffsetUnit) -> BatchBuilder {
        BatchBuilder {
            rows: rows::Rows::new(warc, unit_name(offsets)),
            offsets,
        }
    }

    /// The schema of the batches: [`article_schema`]`(warc)`.
    #[must_use]
    pub fn schema(&self) -> SchemaRef {
        self.rows.schema().clone()
    }

    /// Rows buffered since the last [`BatchBuilder::finish`].
    #[must_use]
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether no row is buffered.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.rows.len() == 0
    }

    /// Adds the row of one article (its `warc` provenance included).
    ///
    /// # Errors
    /// When the article breaks an invariant (then no row is added).
    pub fn push(&mut self, article: &Article) -> Result<()> {
        let record = article.to_record(self.offsets)?;
        self.rows.push(&record);
        Ok(())
    }

    /// Adds the row of a record made with [`Article::to_record`]; its offsets should be in
    /// the unit this builder was made with (the `offsets` column is the record's own).
    pub fn push_record(&mut self, record: &Record) {
        self.rows.push(record);
    }

    /// Adds the row of an input that gave no article: `source` and `warc` name it,
    /// `message` says why, the article columns are null or empty.
    pub fn push_error(&mut self, source: Option<&str>, warc: Option<&Warc>, message: &str) {
        self.rows.push_error(source, warc, message);
    }

    /// The rows buffered so far as one batch (possibly empty); the builder starts over.
    ///
    /// # Errors
    /// Only if the columns do not match the schema (a bug).
    pub fn finish(&mut self) -> Result<RecordBatch> {
        self.rows.take_batch().map_err(parquet_error)
    }
}

/// Writes articles as Parquet, one row per article in the columns of
/// [`article_schema`], Snappy-compressed.
///
/// Rows are buffered a few dozen at a time and handed to the encoder, which writes a row
/// group out when it reaches [`ParquetOptions::row_group_size`] rows or
/// [`ParquetOptions::row_group_bytes`] of memory, so memory depends on those limits, not on
/// the number of articles. Inputs that
/// gave no article are rows too ([`ParquetWriter::write_error`]), with the reason in
/// `error`, so the rows of a run add up to its inputs.
///
/// ```
/// use article_export::{ParquetOptions, ParquetWriter};
/// use article_model::{Article, BlockKind};
///
/// let mut article = Article::new();
/// article.push_paragraph(BlockKind::Paragraph, "Dockers voted to return to work.", None);
/// let mut writer = ParquetWriter::new(Vec::new(), ParquetOptions::default())?;
/// writer.write(&article)?;
/// writer.write_error(Some("broken.html"), None, "not HTML")?;
/// let bytes = writer.finish()?;
/// assert_eq!(&bytes[..4], b"PAR1");
/// # Ok::<(), article_export::Error>(())
/// ```
pub struct ParquetWriter<W: Write + Send> {
    inner: ArrowWriter<W>,
    rows: rows::Rows,
    /// About how many bytes of text the buffered rows hold.
    buffered_bytes: usize,
    options: ParquetOptions,
    written: usize,
}

impl<W: Write + Send> std::fmt::Debug for ParquetWriter<W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ParquetWriter")
            .field("options", &self.options)
            .field("written", &self.written)
            .finish_non_exhaustive()
    }
}

impl<W: Write + Send> ParquetWriter<W> {
    /// A writer into `out`; the file's header is written at once.
    ///
    /// # Errors
    /// When writing the header fails.
    pub fn new(out: W, options: ParquetOptions) -> Result<ParquetWriter<W>> {
        let rows = rows::Rows::new(options.warc, unit_name(options.offsets));
        let mut props = WriterProperties::builder()
            .set_dictionary_enabled(false)
            // min/max per row group (for predicate pushdown), no page index: pages hold a
            // few rows of long text, and the index would grow the footer kept in memory
            .set_statistics_enabled(EnabledStatistics::Chunk)
            .set_data_page_size_limit(DATA_PAGE_BYTES);
        for path in DICTIONARY_COLUMNS {
            let parts = path.split('.').map(str::to_owned).collect();
            props = props.set_column_dictionary_enabled(ColumnPath::new(parts), true);
        }
        let props = props
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_row_count(Some(options.row_group_size))
            .set_created_by(concat!("article-export ", env!("CARGO_PKG_VERSION")).to_owned())
            .build();
        let inner =
            ArrowWriter::try_new(out, rows.schema().clone(), Some(props)).map_err(parquet_error)?;
        Ok(ParquetWriter {
            inner,
            rows,
            buffered_bytes: 0,
            options,
            written: 0,
        })
    }

    /// Rows written so far (articles and errors).
    #[must_use]
    pub fn written(&self) -> usize {
        self.written
    }

    /// Writes the row of one article (its `warc` provenance included).
    ///
    /// # Errors
    /// On I/O failure, or when the article breaks an invariant.
    pub fn write(&mut self, article: &Article) -> Result<()> {
        let record = article.to_record(self.options.offsets)?;
        self.rows.push(&record);
        self.buffered_bytes += record_bytes(&record);
        self.row_done()
    }

    /// Writes the row of an input that gave no article: `source` and `warc` name it,
    /// `message` says why, the article columns are null or empty.
    ///
    /// # Errors
    /// On I/O failure.
    pub fn write_error(
        &mut self,
        source: Option<&str>,
        warc: Option<&Warc>,
        message: &str,
    ) -> Result<()> {
        self.rows.push_error(source, warc, message);
        self.buffered_bytes += message.len() + source.map_or(0, str::len);
        self.row_done()
    }

    fn row_done(&mut self) -> Result<()> {
        self.written += 1;
        let budget = self.options.row_group_bytes;
        let rows = self.inner.in_progress_rows() + self.rows.len();
        if self.rows.len() >= BATCH_ROWS
            || rows >= self.options.row_group_size
            || self.buffered_bytes >= budget / 4
        {
            self.encode_rows()?;
            let rows = self.inner.in_progress_rows();
            if rows >= self.options.row_group_size || self.inner.memory_size() >= budget {
                self.inner.flush().map_err(parquet_error)?;
            }
        }
        Ok(())
    }

    /// Hands the buffered rows to the encoder, as one batch of the row group being written.
    fn encode_rows(&mut self) -> Result<()> {
        if self.rows.len() == 0 {
            return Ok(());
        }
        let batch = self.rows.take_batch().map_err(parquet_error)?;
        self.buffered_bytes = 0;
        self.inner.write(&batch).map_err(parquet_error)
    }

    /// Writes the last row group and the footer, and gives back the output.
    ///
    /// # Errors
    /// On I/O failure.
    pub fn finish(mut self) -> Result<W> {
        self.encode_rows()?;
        self.inner.flush().map_err(parquet_error)?;
        self.inner.into_inner().map_err(parquet_error)
    }
}

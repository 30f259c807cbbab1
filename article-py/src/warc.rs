//! `extract_warc`: the HTML 200 responses of a WARC file as record batches.

use std::fs::File;
use std::io::BufReader;

use article_export::BatchBuilder;
use article_model::{Record, Warc};
use article_warc::{Reader, Verdict};
use pyo3::exceptions::{
    PyFileNotFoundError, PyIsADirectoryError, PyOSError, PyPermissionError, PyValueError,
};
use pyo3::prelude::*;
use pyo3_arrow::PyRecordBatch;
use rayon::prelude::*;

use crate::pipeline::{Options, Pipeline};

/// A record to become a row: an HTML 200 response, or a record the reader could not read.
enum Item {
    Page(article_warc::Record, Warc),
    Unreadable(Warc, String),
}

/// The iterator of `extract_warc`: one `pyarrow.RecordBatch` (of `schema(warc=True)`)
/// per `batch_size` HTML responses.
#[pyclass(module = "article")]
pub(crate) struct WarcBatches {
    reader: Option<Reader<BufReader<File>>>,
    file: String,
    pipeline: Pipeline,
    batch_size: usize,
    jobs: Option<usize>,
}

impl WarcBatches {
    /// Reads up to `batch_size` rows' records; `None` once the file is done.
    fn next_items(&mut self) -> Option<Vec<Item>> {
        let reader = self.reader.as_mut()?;
        let mut items = Vec::new();
        while items.len() < self.batch_size {
            match reader.next() {
                None => {
                    self.reader = None;
                    break;
                }
                Some(Ok(record)) => match record.verdict() {
                    Verdict::Page => {
                        let warc = record.provenance(&self.file);
                        items.push(Item::Page(record, warc));
                    }
                    Verdict::Skip(_) => {}
                    Verdict::Broken(e) => {
                        items.push(Item::Unreadable(
                            record.provenance(&self.file),
                            e.to_string(),
                        ));
                    }
                },
                Some(Err(e)) => {
                    let warc =
                        Warc::new(&self.file, e.record_id().unwrap_or_default(), e.offset(), 0);
                    let fatal = e.is_fatal();
                    items.push(Item::Unreadable(warc, e.to_string()));
                    if fatal {
                        self.reader = None;
                        break;
                    }
                }
            }
        }
        (!items.is_empty()).then_some(items)
    }

    /// The rows of `items`, in order.
    fn batch(&self, items: Vec<Item>) -> PyResult<arrow_array::RecordBatch> {
        let unit = self.pipeline.unit();
        let rows: Vec<Result<Record, Box<(Warc, String)>>> = crate::with_jobs(self.jobs, || {
            items
                .into_par_iter()
                .map(|item| match item {
                    Item::Page(record, warc) => {
                        let source = warc.target_uri.clone();
                        let article =
                            record
                                .http_response()
                                .map_err(|e| e.to_string())
                                .and_then(|http| {
                                    let page = http.payload().map_err(|e| e.to_string())?;
                                    self.pipeline.article_with_charset(
                                        &page,
                                        http.charset(),
                                        source.as_deref(),
                                    )
                                });
                        match article {
                            Ok(mut article) => {
                                article.warc = Some(warc.clone());
                                article
                                    .to_record(unit)
                                    .map_err(|e| Box::new((warc, e.to_string())))
                            }
                            Err(e) => Err(Box::new((warc, e))),
                        }
                    }
                    Item::Unreadable(warc, e) => Err(Box::new((warc, e))),
                })
                .collect()
        })?;
        let mut builder = BatchBuilder::new(true, unit);
        for row in &rows {
            match row {
                Ok(record) => builder.push_record(record),
                Err(failed) => {
                    let (warc, e) = &**failed;
                    builder.push_error(warc.target_uri.as_deref(), Some(warc), e);
                }
            }
        }
        builder
            .finish()
            .map_err(|e| PyValueError::new_err(e.to_string()))
    }
}

#[pymethods]
impl WarcBatches {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(mut slf: PyRefMut<'py, Self>) -> PyResult<Option<Bound<'py, PyAny>>> {
        let py = slf.py();
        let this = &mut *slf;
        let batch = py.detach(|| match this.next_items() {
            None => Ok(None),
            Some(items) => this.batch(items).map(Some),
        })?;
        batch
            .map(|b| PyRecordBatch::new(b).into_pyarrow(py))
            .transpose()
    }
}

/// The HTML responses with status 200 of a WARC file (gzip member by member, or plain),
/// as an iterator of `pyarrow.RecordBatch`es of `schema(warc=True)`, up to `batch_size`
/// rows each, in file order; each row carries `warc_file` (`path` as given),
/// `warc_record_id`, `warc_target_uri` (also the row's `source`), `warc_date`,
/// `warc_offset` and `warc_length` (the record's bytes in the file).
///
/// Other records (requests, metadata, redirects, 404s, images, PDFs) are skipped. A page
/// that gives no article, and a record the reader cannot read (corrupt or truncated
/// gzip, a broken header, over the size limit), is a row with the reason in `error`
/// (an unreadable record's `warc_offset` is where the trouble was found, its
/// `warc_length` 0). Raises `OSError` when the file cannot be opened.
#[pyfunction]
#[pyo3(signature = (path, *, entities=true, batch_size=1000, jobs=None, anchor_date=None, offsets="char", max_input_mb=256))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn extract_warc<'py>(
    path: &Bound<'py, PyAny>,
    entities: bool,
    batch_size: usize,
    jobs: Option<usize>,
    anchor_date: Option<Bound<'py, PyAny>>,
    offsets: &'py str,
    max_input_mb: u64,
) -> PyResult<WarcBatches> {
    if batch_size == 0 {
        return Err(PyValueError::new_err("batch_size must be at least 1"));
    }
    if jobs == Some(0) {
        return Err(PyValueError::new_err("jobs must be at least 1"));
    }
    let options = Options {
        entities,
        anchor_date,
        offsets,
        max_input_mb,
    };
    let pipeline = options.pipeline()?;
    let path: std::path::PathBuf = path.extract()?;
    if path.is_dir() {
        return Err(PyIsADirectoryError::new_err(format!(
            "{}: is a directory, not a WARC file",
            path.display()
        )));
    }
    let file = File::open(&path).map_err(|e| {
        let message = format!("{}: {e}", path.display());
        match e.kind() {
            std::io::ErrorKind::NotFound => PyFileNotFoundError::new_err(message),
            std::io::ErrorKind::PermissionDenied => PyPermissionError::new_err(message),
            _ => PyOSError::new_err(message),
        }
    })?;
    Ok(WarcBatches {
        reader: Some(Reader::new(BufReader::new(file))),
        file: path.to_string_lossy().into_owned(),
        pipeline,
        batch_size,
        jobs,
    })
}

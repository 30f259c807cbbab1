//! The `article` Python module (`article._article`, re-exported by `article/__init__.py`):
//! news pages to `article/1` records and Arrow record batches.
//!
//! Pages are borrowed from the Python objects (no copy of `bytes` or `str`), processed
//! with the GIL released, in parallel on rayon's threads, and given back in input order.
//! Arrow crosses the boundary through the PyCapsule interface (pyo3-arrow).
#![warn(missing_docs)]

mod arrow;
mod pages;
mod pipeline;
mod warc;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyList;
use pyo3_arrow::{PyRecordBatch, PySchema};
use rayon::prelude::*;

use crate::pages::Page;
use crate::pipeline::Options;

pyo3::create_exception!(
    article,
    ArticleError,
    PyValueError,
    "A page that gives no article: binary, empty, too large, or otherwise unusable."
);

/// Runs `f` on a rayon pool of `jobs` threads (`None`: the global pool, one per core).
pub(crate) fn with_jobs<T: Send>(jobs: Option<usize>, f: impl FnOnce() -> T + Send) -> PyResult<T> {
    match jobs {
        None => Ok(f()),
        Some(0) => Err(PyValueError::new_err("jobs must be at least 1")),
        Some(n) => {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .map_err(|e| PyValueError::new_err(format!("jobs: {e}")))?;
            Ok(pool.install(f))
        }
    }
}

/// `json.loads` of each record.
fn records<'py>(py: Python<'py>, json: &[String]) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let loads = py.import("json")?.getattr("loads")?;
    json.iter().map(|s| loads.call1((s.as_str(),))).collect()
}

/// The `article/1` record of one page, as `article extract --to json` writes it.
///
/// `html` is the page as `bytes` (decoded as the CLI does: BOM, `<meta charset>`,
/// detection) or `str`. `url`, when given, becomes the record's `source`. `entities=False`
/// skips NER, quotes and dates. `anchor_date` ("YYYY-MM-DD" or a `datetime.date`) anchors
/// relative dates when the page has no published date. `offsets` is the unit of every
/// `start`/`end`: "char" (Python string indices), "utf16" or "utf8" (bytes of the body).
/// Raises `ArticleError` when the page gives no article (binary, empty, over
/// `max_input_mb` MiB), `TypeError`/`ValueError` for bad arguments.
#[pyfunction]
#[pyo3(signature = (html, url=None, *, entities=true, anchor_date=None, offsets="char", max_input_mb=256))]
fn extract<'py>(
    py: Python<'py>,
    html: &Bound<'py, PyAny>,
    url: Option<&str>,
    entities: bool,
    anchor_date: Option<Bound<'py, PyAny>>,
    offsets: &'py str,
    max_input_mb: u64,
) -> PyResult<Bound<'py, PyAny>> {
    let options = Options {
        entities,
        anchor_date,
        offsets,
        max_input_mb,
    };
    let pipeline = options.pipeline()?;
    let page = Page::from_py(html, "html")?;
    let json = py
        .detach(|| pipeline.json(page.as_bytes(), url))
        .map_err(ArticleError::new_err)?;
    let mut out = records(py, &[json])?;
    out.pop()
        .ok_or_else(|| PyValueError::new_err("no record (a bug)"))
}

/// The `article/1` records of many pages, in their order, extracted in parallel with
/// the GIL released (`jobs` threads; default one per core).
///
/// `pages` is an iterable of `bytes` or `str`; `urls`, when given, one URL (or `None`)
/// per page, the records' `source`. A page that gives no article raises `ArticleError`
/// naming its index (`errors="raise"`), or is `None` in the list (`errors="none"`).
/// Other options as for `extract`.
#[pyfunction]
#[pyo3(signature = (pages, urls=None, *, jobs=None, errors="raise", entities=true, anchor_date=None, offsets="char", max_input_mb=256))]
#[allow(clippy::too_many_arguments)]
fn extract_many<'py>(
    py: Python<'py>,
    pages: &Bound<'py, PyAny>,
    urls: Option<&Bound<'py, PyAny>>,
    jobs: Option<usize>,
    errors: &str,
    entities: bool,
    anchor_date: Option<Bound<'py, PyAny>>,
    offsets: &'py str,
    max_input_mb: u64,
) -> PyResult<Bound<'py, PyList>> {
    let raise = match errors {
        "raise" => true,
        "none" => false,
        other => {
            return Err(PyValueError::new_err(format!(
                "errors must be \"raise\" or \"none\", not {other:?}"
            )));
        }
    };
    let options = Options {
        entities,
        anchor_date,
        offsets,
        max_input_mb,
    };
    let pipeline = options.pipeline()?;
    let pages = pages::pages(pages)?;
    let urls = pages::urls(urls, pages.len())?;
    let url = |i: usize| {
        urls.as_ref()
            .and_then(|u| u.get(i))
            .and_then(Option::as_deref)
    };
    let results: Vec<Result<String, String>> = py.detach(|| {
        with_jobs(jobs, || {
            pages
                .par_iter()
                .enumerate()
                .map(|(i, page)| pipeline.json(page.as_bytes(), url(i)))
                .collect()
        })
    })?;
    let loads = py.import("json")?.getattr("loads")?;
    let out = PyList::empty(py);
    for (i, result) in results.into_iter().enumerate() {
        match result {
            Ok(json) => out.append(loads.call1((json,))?)?,
            Err(e) if raise => return Err(ArticleError::new_err(format!("page {i}: {e}"))),
            Err(_) => out.append(py.None())?,
        }
    }
    Ok(out)
}

/// One row of `schema()` per row of `batch` (a `pyarrow.RecordBatch`, or any object with
/// `__arrow_c_array__`), in order, as a `pyarrow.RecordBatch`.
///
/// `html_col` holds the pages (string or binary, any offset width or view); `url_col`,
/// when the batch has it, their URLs (the rows' `source`). A row whose page is null or
/// gives no article is a row with the reason in `error`, never an exception. Other
/// options as for `extract_many`.
#[pyfunction]
#[pyo3(signature = (batch, html_col="html", url_col="url", *, jobs=None, entities=true, anchor_date=None, offsets="char", max_input_mb=256))]
#[allow(clippy::too_many_arguments)]
fn extract_arrow<'py>(
    py: Python<'py>,
    batch: &Bound<'py, PyAny>,
    html_col: &str,
    url_col: Option<&str>,
    jobs: Option<usize>,
    entities: bool,
    anchor_date: Option<Bound<'py, PyAny>>,
    offsets: &'py str,
    max_input_mb: u64,
) -> PyResult<Bound<'py, PyAny>> {
    let options = Options {
        entities,
        anchor_date,
        offsets,
        max_input_mb,
    };
    let pipeline = options.pipeline()?;
    if !batch.hasattr("__arrow_c_array__")? {
        return Err(PyTypeError::new_err(format!(
            "batch must be a record batch (an object with __arrow_c_array__, such as pyarrow.RecordBatch), not {}",
            batch.get_type().name()?
        )));
    }
    let batch = batch.extract::<PyRecordBatch>()?.into_inner();
    let out = arrow::extract_batch(py, &pipeline, &batch, html_col, url_col, jobs)?;
    PyRecordBatch::new(out).into_pyarrow(py)
}

/// The `pyarrow.Schema` of the batches of `extract_arrow` (and, with `warc=True`, of
/// `extract_warc`: six `warc_*` columns more), the schema of `article extract --to
/// parquet`. No column is dictionary-encoded, so pyspark's `from_arrow_schema` takes it.
#[pyfunction]
#[pyo3(signature = (warc=false))]
fn schema(py: Python<'_>, warc: bool) -> PyResult<Bound<'_, PyAny>> {
    PySchema::new(article_export::article_schema(warc)).into_pyarrow(py)
}

/// The `article` module.
#[pymodule]
fn _article(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("ArticleError", m.py().get_type::<ArticleError>())?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_many, m)?)?;
    m.add_function(wrap_pyfunction!(extract_arrow, m)?)?;
    m.add_function(wrap_pyfunction!(schema, m)?)?;
    m.add_function(wrap_pyfunction!(warc::extract_warc, m)?)?;
    m.add_class::<warc::WarcBatches>()?;
    Ok(())
}

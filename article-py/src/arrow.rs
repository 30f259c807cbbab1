//! `extract_arrow`: a record batch of pages to a record batch of articles.

use arrow_array::cast::AsArray;
use arrow_array::{Array, RecordBatch};
use arrow_schema::DataType;
use article_export::BatchBuilder;
use article_model::Record;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use rayon::prelude::*;

use crate::pipeline::Pipeline;

/// The values of a string or binary column, borrowed (null: `None`).
fn bytes_column<'a>(array: &'a dyn Array, name: &str) -> PyResult<Vec<Option<&'a [u8]>>> {
    let n = array.len();
    let value = |i: usize| -> Option<&'a [u8]> {
        if array.is_null(i) {
            return None;
        }
        Some(match array.data_type() {
            DataType::Utf8 => array.as_string::<i32>().value(i).as_bytes(),
            DataType::LargeUtf8 => array.as_string::<i64>().value(i).as_bytes(),
            DataType::Utf8View => array.as_string_view().value(i).as_bytes(),
            DataType::Binary => array.as_binary::<i32>().value(i),
            DataType::LargeBinary => array.as_binary::<i64>().value(i),
            DataType::BinaryView => array.as_binary_view().value(i),
            _ => return None,
        })
    };
    match array.data_type() {
        DataType::Utf8
        | DataType::LargeUtf8
        | DataType::Utf8View
        | DataType::Binary
        | DataType::LargeBinary
        | DataType::BinaryView => Ok((0..n).map(value).collect()),
        other => Err(PyTypeError::new_err(format!(
            "column {name:?} must be string or binary, not {other}"
        ))),
    }
}

/// One row per row of `batch`, in order.
pub(crate) fn extract_batch(
    py: Python<'_>,
    pipeline: &Pipeline,
    batch: &RecordBatch,
    html_col: &str,
    url_col: Option<&str>,
    jobs: Option<usize>,
) -> PyResult<RecordBatch> {
    let html = batch.column_by_name(html_col).ok_or_else(|| {
        let names: Vec<&str> = batch
            .schema_ref()
            .fields()
            .iter()
            .map(|f| f.name().as_str())
            .collect();
        PyValueError::new_err(format!(
            "the batch has no column {html_col:?} (it has {names:?})"
        ))
    })?;
    let pages = bytes_column(html.as_ref(), html_col)?;
    let urls = match url_col.and_then(|name| batch.column_by_name(name).map(|c| (name, c))) {
        Some((name, column)) => Some(bytes_column(column.as_ref(), name)?),
        None => None,
    };
    let url = |i: usize| -> Option<&str> {
        let bytes = urls.as_ref()?.get(i).copied().flatten()?;
        std::str::from_utf8(bytes).ok()
    };
    let unit = pipeline.unit();
    let rows: Vec<Result<Record, String>> = py.detach(|| {
        crate::with_jobs(jobs, || {
            pages
                .par_iter()
                .enumerate()
                .map(|(i, page)| {
                    let page = page.ok_or_else(|| format!("{html_col} is null"))?;
                    let article = pipeline.article(page, url(i))?;
                    article.to_record(unit).map_err(|e| e.to_string())
                })
                .collect()
        })
    })?;
    let mut builder = BatchBuilder::new(false, unit);
    for (i, row) in rows.iter().enumerate() {
        match row {
            Ok(record) => builder.push_record(record),
            Err(e) => builder.push_error(url(i), None, e),
        }
    }
    builder
        .finish()
        .map_err(|e| PyValueError::new_err(e.to_string()))
}

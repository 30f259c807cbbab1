//! Pages and URLs borrowed from Python objects.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::types::{PyByteArray, PyBytes, PyString};

/// One page: the bytes of a `bytes` or the UTF-8 of a `str`, held without a copy (a
/// `bytearray`, which may change while the GIL is released, is copied once).
pub(crate) enum Page {
    Bytes(PyBackedBytes),
    Str(PyBackedStr),
}

impl Page {
    /// `value` as a page, or a `TypeError` naming `what`.
    pub(crate) fn from_py(value: &Bound<'_, PyAny>, what: &str) -> PyResult<Page> {
        if value.is_instance_of::<PyBytes>() || value.is_instance_of::<PyByteArray>() {
            Ok(Page::Bytes(value.extract::<PyBackedBytes>()?))
        } else if value.is_instance_of::<PyString>() {
            // A str with lone surrogates has no UTF-8: UnicodeEncodeError, as str.encode.
            Ok(Page::Str(value.extract::<PyBackedStr>()?))
        } else {
            Err(PyTypeError::new_err(format!(
                "{what} must be bytes or str, not {}",
                value.get_type().name()?
            )))
        }
    }

    /// The page's bytes.
    pub(crate) fn as_bytes(&self) -> &[u8] {
        match self {
            Page::Bytes(b) => b,
            Page::Str(s) => s.as_bytes(),
        }
    }
}

/// The pages of an iterable.
pub(crate) fn pages(pages: &Bound<'_, PyAny>) -> PyResult<Vec<Page>> {
    if pages.is_instance_of::<PyBytes>() || pages.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "pages must be an iterable of pages, not one page (use extract)",
        ));
    }
    pages
        .try_iter()?
        .enumerate()
        .map(|(i, page)| Page::from_py(&page?, &format!("pages[{i}]")))
        .collect()
}

/// One URL (or `None`) per page, when `urls` is given.
pub(crate) fn urls(
    urls: Option<&Bound<'_, PyAny>>,
    n: usize,
) -> PyResult<Option<Vec<Option<String>>>> {
    let Some(urls) = urls.filter(|u| !u.is_none()) else {
        return Ok(None);
    };
    if urls.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "urls must be an iterable of str or None, not a str",
        ));
    }
    let urls: Vec<Option<String>> = urls
        .try_iter()?
        .enumerate()
        .map(|(i, u)| {
            u?.extract::<Option<String>>()
                .map_err(|_| PyTypeError::new_err(format!("urls[{i}] must be str or None")))
        })
        .collect::<PyResult<_>>()?;
    if urls.len() != n {
        return Err(PyValueError::new_err(format!(
            "{} urls for {n} pages: give one per page",
            urls.len()
        )));
    }
    Ok(Some(urls))
}

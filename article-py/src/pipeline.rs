//! [`Pipeline`]: the options of a call, and one page through parse and annotate.

use article_entities::{Annotator, CalendarDate};
use article_model::{Article, OffsetUnit};
use article_parse::{Extractor, InputFormat, Limits};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyString;

/// Everything one call needs to turn pages into articles; shared by the worker threads.
pub(crate) struct Pipeline {
    extractor: Extractor,
    annotator: Option<Annotator>,
    unit: OffsetUnit,
}

/// The keyword options every function takes, as Python gave them.
pub(crate) struct Options<'py> {
    pub(crate) entities: bool,
    pub(crate) anchor_date: Option<Bound<'py, PyAny>>,
    pub(crate) offsets: &'py str,
    pub(crate) max_input_mb: u64,
}

impl Options<'_> {
    /// The pipeline, or a `ValueError`/`TypeError` for an option that makes no sense.
    pub(crate) fn pipeline(&self) -> PyResult<Pipeline> {
        let unit = match self.offsets {
            "char" => OffsetUnit::Char,
            "utf16" => OffsetUnit::Utf16,
            "utf8" | "byte" => OffsetUnit::Byte,
            other => {
                return Err(PyValueError::new_err(format!(
                    "offsets must be \"char\", \"utf16\" or \"utf8\", not {other:?}"
                )));
            }
        };
        let anchor = self.anchor_date.as_ref().map(anchor_date).transpose()?;
        let max_bytes = usize::try_from(self.max_input_mb.saturating_mul(1 << 20))
            .unwrap_or(usize::MAX)
            .max(1);
        let extractor = Extractor::builder()
            .format(InputFormat::Html)
            .limits(Limits::default().with_max_input_bytes(max_bytes))
            .build();
        let annotator = self
            .entities
            .then(|| Annotator::builder().anchor_date(anchor).build());
        Ok(Pipeline {
            extractor,
            annotator,
            unit,
        })
    }
}

/// `anchor_date`: a `YYYY-MM-DD` string, or a `datetime.date` (or `datetime`).
fn anchor_date(value: &Bound<'_, PyAny>) -> PyResult<CalendarDate> {
    let text = if let Ok(s) = value.cast::<PyString>() {
        s.to_str()?.to_owned()
    } else if value.hasattr("isoformat")? && value.hasattr("year")? {
        value.call_method0("isoformat")?.extract::<String>()?
    } else {
        return Err(PyTypeError::new_err(format!(
            "anchor_date must be a \"YYYY-MM-DD\" string or a datetime.date, not {}",
            value.get_type().name()?
        )));
    };
    text.parse::<CalendarDate>()
        .map_err(|e| PyValueError::new_err(format!("anchor_date: {e}")))
}

impl Pipeline {
    /// The unit of exported offsets.
    pub(crate) fn unit(&self) -> OffsetUnit {
        self.unit
    }

    /// One page: parsed as HTML, `source` set, annotated unless entities are off.
    /// The error is the message the CLI prints for such an input.
    pub(crate) fn article(&self, page: &[u8], source: Option<&str>) -> Result<Article, String> {
        self.article_with_charset(page, None, source)
    }

    /// [`Pipeline::article`] for a page whose transport declared its charset (a WARC
    /// response's `Content-Type`): that encoding is used before `<meta>` and detection.
    pub(crate) fn article_with_charset(
        &self,
        page: &[u8],
        charset: Option<&str>,
        source: Option<&str>,
    ) -> Result<Article, String> {
        let mut article = self
            .extractor
            .extract_with_charset(page, charset)
            .map_err(|e| e.to_string())?;
        article.source = source.map(str::to_owned);
        if let Some(annotator) = &self.annotator {
            annotator
                .annotate(&mut article)
                .map_err(|e| e.to_string())?;
        }
        Ok(article)
    }

    /// One page as the `article/1` JSON record, exactly as `article extract --to jsonl`
    /// writes it.
    pub(crate) fn json(&self, page: &[u8], source: Option<&str>) -> Result<String, String> {
        let article = self.article(page, source)?;
        let record = article.to_record(self.unit).map_err(|e| e.to_string())?;
        serde_json::to_string(&record).map_err(|e| e.to_string())
    }
}

//! [`Extractor`]: the entry point, bytes in, [`Article`] out.

use article_model::Article;

use crate::classify::LearnedModel;
use crate::decode::{self, Mode};
use crate::error::{Error, ErrorKind, Result};
use crate::html;
use crate::limits::Limits;
use crate::recognize::Anchor;
use crate::{classify, text};

/// The form of an input page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum InputFormat {
    /// Decide per input with [`sniff`].
    #[default]
    Auto,
    /// An HTML page.
    Html,
    /// A plain-text dump of a page (all visible text, as a scraper saved it).
    Text,
}

/// Guesses whether `input` is HTML or a plain-text dump, from its first kilobytes.
///
/// Never returns [`InputFormat::Auto`].
///
/// ```
/// use article_parse::{sniff, InputFormat};
/// assert_eq!(sniff(b"<!doctype html><p>Hi"), InputFormat::Html);
/// assert_eq!(sniff(b"MOSCOW \xe2\x80\x94 Russia urged Turkey"), InputFormat::Text);
/// ```
#[must_use]
pub fn sniff(input: &[u8]) -> InputFormat {
    let head = &input[..input.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let markers: [&[u8]; 8] = [
        b"<!doctype html",
        b"<html",
        b"<head",
        b"<body",
        b"<meta ",
        b"<div",
        b"<p>",
        b"<title",
    ];
    if markers
        .iter()
        .any(|m| memchr::memmem::find(&lower, m).is_some())
    {
        InputFormat::Html
    } else {
        InputFormat::Text
    }
}

/// Which block model decides what is article text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BlockModel {
    /// The hand rules: for HTML the article locator (container scoring, class words,
    /// context rules, a classifier fallback); for text dumps the block classifier
    /// trained on the extraction dev set.
    #[default]
    Rules,
    /// The learned block model shared by both front ends (trained on the extraction
    /// training sets, settings chosen by leave-one-source-out; see the crate README):
    /// for HTML the locator proposes and the model decides per block.
    Learned,
}

/// Turns a news page (HTML or a text dump) into an [`Article`].
///
/// Build it once and share it: `extract` takes `&self`, and the extractor is
/// `Send + Sync`, so one serves every worker thread.
///
/// ```
/// use article_parse::{Extractor, InputFormat};
/// let extractor = Extractor::builder().format(InputFormat::Text).build();
/// let article = extractor.extract(b"First paragraph.\n\nSecond paragraph.")?;
/// assert_eq!(article.paragraphs().len(), 2);
/// # Ok::<(), article_parse::Error>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Extractor {
    format: InputFormat,
    limits: Limits,
    blocks: BlockModel,
}

/// Builds an [`Extractor`]; every setter states its default.
#[derive(Clone, Debug, Default)]
pub struct ExtractorBuilder {
    format: InputFormat,
    limits: Limits,
    blocks: BlockModel,
}

impl ExtractorBuilder {
    /// The input format (default [`InputFormat::Auto`]: sniffed per input).
    #[must_use]
    pub fn format(mut self, format: InputFormat) -> ExtractorBuilder {
        self.format = format;
        self
    }

    /// Size and structure limits (default [`Limits::default`]).
    #[must_use]
    pub fn limits(mut self, limits: Limits) -> ExtractorBuilder {
        self.limits = limits;
        self
    }

    /// The block model that decides what is article text (default
    /// [`BlockModel::Rules`]).
    #[must_use]
    pub fn block_model(mut self, blocks: BlockModel) -> ExtractorBuilder {
        self.blocks = blocks;
        self
    }

    /// The extractor.
    #[must_use]
    pub fn build(self) -> Extractor {
        Extractor {
            format: self.format,
            limits: self.limits,
            blocks: self.blocks,
        }
    }
}

impl Extractor {
    /// A builder with every default.
    #[must_use]
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// The format this extractor reads.
    #[must_use]
    pub fn format(&self) -> InputFormat {
        self.format
    }

    /// The limits this extractor applies.
    #[must_use]
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// The block model this extractor uses.
    #[must_use]
    pub fn block_model(&self) -> BlockModel {
        self.blocks
    }

    /// The learned model, when this extractor uses it.
    pub(crate) fn learned(&self) -> Option<&'static LearnedModel> {
        (self.blocks == BlockModel::Learned).then(LearnedModel::shipped)
    }

    /// Extracts the article from one page.
    ///
    /// # Errors
    /// When the input is over [`Limits::max_input_bytes`], looks binary, or is empty.
    /// A malformed page is not an error.
    pub fn extract(&self, input: &[u8]) -> Result<Article> {
        let mut article = Article::new();
        self.fill(input, None, &mut article)?;
        Ok(article)
    }

    /// Like [`Extractor::extract`], for a page whose transport declared its charset (the
    /// `charset` of an HTTP `Content-Type`, as a WARC response gives it): an HTML page is
    /// decoded with that encoding before any `<meta charset>` or detection is considered,
    /// as browsers do; a byte-order mark still wins. A label encoding_rs does not know,
    /// and UTF-16 or `replacement` labels (which ASCII markup cannot be in), are ignored,
    /// and the page is decoded as by `extract`. Text dumps are UTF-8 whatever the label.
    ///
    /// ```
    /// use article_parse::Extractor;
    /// let page = b"<p>Caf\xe9 cr\xe8me is back on the menu at the harbour.</p>";
    /// let article = Extractor::default().extract_with_charset(page, Some("ISO-8859-1"))?;
    /// assert!(article.body().starts_with("Caf\u{e9} cr\u{e8}me"));
    /// # Ok::<(), article_parse::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`Extractor::extract`].
    pub fn extract_with_charset(&self, input: &[u8], charset: Option<&str>) -> Result<Article> {
        let mut article = Article::new();
        self.fill(
            input,
            charset.and_then(decode::transport_encoding),
            &mut article,
        )?;
        Ok(article)
    }

    /// Like [`Extractor::extract_with_charset`], for a page fetched at `fetched` (a date
    /// or an RFC 3339 date-time, as a WARC record's `WARC-Date` gives it): a published
    /// date the page gives only as a relative phrase near the article's start ("2 hours
    /// ago", "vor 3 Tagen", "yesterday") is counted back from it, before the URL's date is
    /// considered. Without a fetch time, such a phrase counts back from the page's own
    /// modified date, and only when neither a date line nor the URL gives the day. A
    /// relative date is a calendar date (`published_source` `text`), never a time. A
    /// `fetched` the date grammar cannot read is ignored.
    ///
    /// ```
    /// use article_parse::Extractor;
    /// let page = b"<article><h1>Harbour reopens</h1><p>3 days ago</p>\
    ///     <p>The harbour reopened on a bright morning after a long winter of repairs to \
    ///     the old sea wall, and the first boats came in before noon with their catch.</p>\
    ///     </article>";
    /// let article = Extractor::default().extract_fetched(page, None, "2019-11-20T08:30:00Z")?;
    /// assert_eq!(article.metadata.published.as_deref(), Some("2019-11-17"));
    /// # Ok::<(), article_parse::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`Extractor::extract`].
    pub fn extract_fetched(
        &self,
        input: &[u8],
        charset: Option<&str>,
        fetched: &str,
    ) -> Result<Article> {
        let mut article = Article::new();
        let declared = charset.and_then(decode::transport_encoding);
        self.fill_at(input, declared, Anchor::of(fetched), &mut article)?;
        Ok(article)
    }

    /// Like [`Extractor::extract`], into `article`, which is replaced by a new one (its
    /// allocations are not reused).
    ///
    /// # Errors
    /// As [`Extractor::extract`]; `article` is then left empty.
    #[deprecated(
        note = "reuses no allocation: it is `*article = extractor.extract(input)?`; use `extract`"
    )]
    pub fn extract_into(&self, input: &[u8], article: &mut Article) -> Result<()> {
        *article = Article::new();
        self.fill(input, None, article)
    }

    /// Extracts the article of `input` into `article`, which is new; `declared` is the
    /// encoding a transport declared for HTML (see [`Extractor::extract_with_charset`]).
    fn fill(
        &self,
        input: &[u8],
        declared: Option<&'static encoding_rs::Encoding>,
        article: &mut Article,
    ) -> Result<()> {
        self.fill_at(input, declared, None, article)
    }

    /// [`Extractor::fill`] for a page fetched at `fetched`.
    fn fill_at(
        &self,
        input: &[u8],
        declared: Option<&'static encoding_rs::Encoding>,
        fetched: Option<Anchor>,
        article: &mut Article,
    ) -> Result<()> {
        let max = self.limits.max_input_bytes();
        if input.len() > max {
            return Err(Error::new(
                ErrorKind::TooLarge {
                    len: input.len(),
                    max,
                },
                max,
            ));
        }
        let format = match self.format {
            InputFormat::Auto => sniff(input),
            f => f,
        };
        match format {
            InputFormat::Html => {
                let decoded = decode::decode_declared(input, Mode::HTML, declared)?;
                html::extract(&decoded, &self.limits, article, self.learned(), fetched);
            }
            _ => {
                let decoded = decode::decode(input, Mode::TEXT)?;
                let mut blocks = text::text_blocks(&decoded.text);
                if !decoded.is_identity() {
                    for b in &mut blocks {
                        let source = b.source().and_then(|s| decoded.source(s.start(), s.end()));
                        b.set_source(source);
                    }
                }
                match self.learned() {
                    Some(m) => classify::extract_blocks_with(
                        &blocks,
                        &self.limits,
                        article,
                        &m.text_model(),
                    ),
                    None => classify::extract_blocks(&blocks, &self.limits, article),
                }
            }
        }
        crate::facts::finish(article);
        if article.paragraphs().is_empty() && article.removed.is_empty() {
            return Err(Error::new(ErrorKind::Empty, 0));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extractor_is_send_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Extractor>();
        assert_send_sync::<Error>();
    }

    #[test]
    fn sniff_table() {
        let cases: &[(&[u8], InputFormat)] = &[
            (b"<html><body>x", InputFormat::Html),
            (b"  <!DOCTYPE HTML>", InputFormat::Html),
            (b"<DIV class=a>text</DIV>", InputFormat::Html),
            (b"Plain text with a < sign", InputFormat::Text),
            (b"", InputFormat::Text),
        ];
        for (input, want) in cases {
            assert_eq!(sniff(input), *want, "{input:?}");
        }
    }

    #[test]
    fn limits_at_and_over() {
        let e = Extractor::builder()
            .limits(Limits::default().with_max_input_bytes(5))
            .format(InputFormat::Text)
            .build();
        assert!(e.extract(b"abcde").is_ok());
        assert!(matches!(
            e.extract(b"abcdef").unwrap_err().kind(),
            ErrorKind::TooLarge { len: 6, max: 5 }
        ));
    }

    #[test]
    fn empty_and_binary_are_errors() {
        let e = Extractor::default();
        assert_eq!(e.extract(b"").unwrap_err().kind(), &ErrorKind::Empty);
        assert_eq!(e.extract(b" \n\t ").unwrap_err().kind(), &ErrorKind::Empty);
        assert!(matches!(
            e.extract(b"\x7fELF\x02\x01\x01\0\0\0\0")
                .unwrap_err()
                .kind(),
            ErrorKind::Binary { .. }
        ));
    }
}

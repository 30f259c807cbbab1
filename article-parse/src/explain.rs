//! [`Extractor::explain`]: an extraction with a report of how the article was found.

use article_model::Article;

use crate::decode;
use crate::error::Result;
use crate::extract::{Extractor, InputFormat, sniff};
use crate::html;
use crate::html::locate::Explanation;

impl Extractor {
    /// Extracts the article from one page, as [`Extractor::extract`] does, and explains
    /// how the HTML front end found it: the element that scored best, the container it
    /// grew into, and whether the classifier fallback fired.
    ///
    /// The article is the one [`Extractor::extract`] returns. For a text dump the
    /// explanation is empty. It costs about two extractions: use it for tuning and
    /// debugging, not in production.
    ///
    /// ```
    /// use article_parse::Extractor;
    /// let page = b"<html><body><nav><a href=/>Home</a></nav><article class=story>\
    ///     <p>The council voted on Tuesday, after a long debate, to close the bridge.</p>\
    ///     </article></body></html>";
    /// let (article, explanation) = Extractor::default().explain(page)?;
    /// assert!(article.body().starts_with("The council"));
    /// let container = explanation.container.expect("a container");
    /// assert_eq!((container.tag.as_str(), container.class.as_str()), ("article", "story"));
    /// # Ok::<(), article_parse::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`Extractor::extract`].
    pub fn explain(&self, input: &[u8]) -> Result<(Article, Explanation)> {
        let article = self.extract(input)?;
        let mut explanation = Explanation::default();
        let format = match self.format() {
            InputFormat::Auto => sniff(input),
            f => f,
        };
        if format == InputFormat::Html {
            let decoded = decode::decode(input, decode::Mode::HTML)?;
            let mut again = Article::new();
            html::explain(
                &decoded,
                self.limits(),
                &mut again,
                &mut explanation,
                self.learned(),
            );
        }
        Ok((article, explanation))
    }
}

//! [`Annotator`]: runs every annotation layer over an article.

use article_model::Article;

use crate::error::Result;

/// Runs the annotation layers over an article. Build once, share between threads.
#[derive(Clone, Debug, Default)]
pub struct Annotator {}

impl Annotator {
    /// Annotates `article` in place, replacing earlier annotations.
    ///
    /// # Errors
    /// When an annotation would break an article invariant (a bug, reported rather than
    /// hidden).
    pub fn annotate(&self, article: &mut Article) -> Result<()> {
        article.clear_annotations();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotator_is_send_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Annotator>();
    }
}

//! [`Annotator`]: runs every annotation layer over an article.

use article_model::{Article, Entity};

use crate::error::Result;
use crate::ner::Recognizer;

/// Runs the annotation layers over an article. Build once, share between threads.
#[derive(Clone, Debug, Default)]
pub struct Annotator {
    recognizer: Recognizer,
}

impl Annotator {
    /// An annotator that finds entities with `recognizer` (default: the embedded model).
    #[must_use]
    pub fn with_recognizer(recognizer: Recognizer) -> Annotator {
        Annotator { recognizer }
    }

    /// The entity recognizer.
    #[must_use]
    pub fn recognizer(&self) -> &Recognizer {
        &self.recognizer
    }

    /// Annotates `article` in place, replacing earlier annotations.
    ///
    /// Entities are found over the whole body, one document; no entity crosses a paragraph
    /// or a line break. Until mention clustering lands, entities carry no cluster.
    ///
    /// # Errors
    /// When an annotation would break an article invariant (a bug, reported rather than
    /// hidden).
    pub fn annotate(&self, article: &mut Article) -> Result<()> {
        article.clear_annotations();
        let body = article.body();
        let entities: Vec<Entity> = self
            .recognizer
            .recognize(body)
            .into_iter()
            .filter_map(|m| {
                Some(Entity {
                    span: m.span(),
                    label: m.label(),
                    text: article.text(m.span())?.to_string(),
                    cluster: None,
                })
            })
            .collect();
        article.try_set_entities(entities, Vec::new())?;
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

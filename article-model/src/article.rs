//! [`Article`]: the body and everything known about it, with its invariants.

use crate::error::{Error, ErrorKind};
use crate::parts::{
    Annotations, BlockKind, Cluster, DateMention, Entity, Metadata, Paragraph, Quote, Removed, Warc,
};
use crate::span::Span;

/// The separator between paragraphs in [`Article::body`].
pub const PARAGRAPH_SEPARATOR: &str = "\n\n";

/// A news article: its clean body, metadata, what was removed, and annotations.
///
/// # Invariants
///
/// Upheld by every method, re-checked by [`Article::check_invariants`] and on
/// deserialization:
///
/// - `body` is the texts of `paragraphs` joined by [`PARAGRAPH_SEPARATOR`] (a blank line),
///   in order. Each paragraph's text is non-empty, has no leading or trailing whitespace and
///   contains no blank line (`"\n\n"`), so the body splits back into the same paragraphs.
/// - Every span of the entity, quote and date layers, the clusters' first mentions and
///   the paragraphs is in bounds of `body` and on char boundaries.
/// - Per layer (entities, quotes, dates), spans are sorted by start and do not overlap;
///   each item's `text` is the body text of its span.
/// - Cluster ids are their indices; every `cluster` / `speaker_cluster` names an existing
///   cluster, a cluster's `mentions` is the number of entities naming it, and its
///   `label` is theirs.
///
/// `source` spans refer to the input, which the article does not hold; they are not checked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Article {
    /// Where the article came from (a path, a URL), as the caller names it.
    pub source: Option<String>,
    /// Title, authors, date, language, dateline, ...
    pub metadata: Metadata,
    /// Photo captions and credits, in page order.
    pub captions: Vec<String>,
    /// Blocks of the page that are not the article body, each with its reason.
    pub removed: Vec<Removed>,
    /// The WARC record the page came from, when it came from one.
    pub warc: Option<Warc>,
    /// What the annotator did (which layers, in which language); `None` until annotated.
    pub annotations: Option<Annotations>,
    body: String,
    paragraphs: Vec<Paragraph>,
    entities: Vec<Entity>,
    clusters: Vec<Cluster>,
    quotes: Vec<Quote>,
    dates: Vec<DateMention>,
}

impl Article {
    /// An empty article.
    #[must_use]
    pub fn new() -> Article {
        Article::default()
    }

    /// The body: paragraphs joined by a blank line.
    #[must_use]
    pub fn body(&self) -> &str {
        &self.body
    }

    /// The body paragraphs, in order.
    #[must_use]
    pub fn paragraphs(&self) -> &[Paragraph] {
        &self.paragraphs
    }

    /// The text of paragraph `p` (one of [`Article::paragraphs`]).
    #[must_use]
    pub fn paragraph_text(&self, p: &Paragraph) -> &str {
        p.span.get(&self.body).unwrap_or("")
    }

    /// The body text of `span`, or `None` when it is out of bounds or not on char boundaries.
    #[must_use]
    pub fn text(&self, span: Span) -> Option<&str> {
        span.get(&self.body)
    }

    /// Named-entity mentions, sorted by position.
    #[must_use]
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// Entity clusters, indexed by id.
    #[must_use]
    pub fn clusters(&self) -> &[Cluster] {
        &self.clusters
    }

    /// Direct quotations, sorted by position.
    #[must_use]
    pub fn quotes(&self) -> &[Quote] {
        &self.quotes
    }

    /// Temporal expressions, sorted by position.
    #[must_use]
    pub fn dates(&self) -> &[DateMention] {
        &self.dates
    }

    /// Appends a paragraph to the body and returns its span in the body.
    ///
    /// # Errors
    /// When `text` is empty, starts or ends with whitespace, or contains a blank line
    /// (`"\n\n"`); the article is left unchanged.
    pub fn try_push_paragraph(
        &mut self,
        kind: BlockKind,
        text: &str,
        source: Option<Span>,
    ) -> Result<Span, Error> {
        if let Some(reason) = paragraph_text_problem(text) {
            return Err(Error::new(ErrorKind::Paragraph {
                index: self.paragraphs.len(),
                reason,
            }));
        }
        if !self.paragraphs.is_empty() {
            self.body.push_str(PARAGRAPH_SEPARATOR);
        }
        let start = self.body.len();
        self.body.push_str(text);
        let span = Span::new(start, self.body.len());
        self.paragraphs.push(Paragraph { kind, span, source });
        Ok(span)
    }

    /// Appends a paragraph to the body and returns its span in the body.
    ///
    /// # Panics
    /// When `text` is empty, has edge whitespace or a blank line;
    /// [`Article::try_push_paragraph`] is the fallible twin.
    pub fn push_paragraph(&mut self, kind: BlockKind, text: &str, source: Option<Span>) -> Span {
        match self.try_push_paragraph(kind, text, source) {
            Ok(span) => span,
            Err(e) => panic!("invalid paragraph text: {e}"),
        }
    }

    /// Replaces the entity and cluster layers (and drops annotations that referred to
    /// the old clusters: quote speakers keep their name but lose their cluster id).
    ///
    /// # Errors
    /// When the new layers break an invariant; the article is left unchanged.
    pub fn try_set_entities(
        &mut self,
        entities: Vec<Entity>,
        clusters: Vec<Cluster>,
    ) -> Result<(), Error> {
        check_entities(&self.body, &entities, &clusters)?;
        self.entities = entities;
        self.clusters = clusters;
        let n = self.clusters.len();
        for q in &mut self.quotes {
            if q.speaker_cluster.is_some_and(|c| c >= n) {
                q.speaker_cluster = None;
            }
        }
        Ok(())
    }

    /// Replaces the quotation layer.
    ///
    /// # Errors
    /// When the quotes break an invariant; the article is left unchanged.
    pub fn try_set_quotes(&mut self, quotes: Vec<Quote>) -> Result<(), Error> {
        check_quotes(&self.body, &quotes, self.clusters.len())?;
        self.quotes = quotes;
        Ok(())
    }

    /// Replaces the date layer.
    ///
    /// # Errors
    /// When the dates break an invariant; the article is left unchanged.
    pub fn try_set_dates(&mut self, dates: Vec<DateMention>) -> Result<(), Error> {
        check_layer(
            &self.body,
            "date",
            dates.iter().map(|d| (d.span, d.text.as_str())),
        )?;
        self.dates = dates;
        Ok(())
    }

    /// Removes all annotations (entities, clusters, quotes, dates, and the
    /// [`Annotations`] status).
    pub fn clear_annotations(&mut self) {
        self.annotations = None;
        self.entities.clear();
        self.clusters.clear();
        self.quotes.clear();
        self.dates.clear();
    }

    /// Re-checks every invariant listed on [`Article`].
    ///
    /// # Errors
    /// The first broken invariant found.
    pub fn check_invariants(&self) -> Result<(), Error> {
        check_paragraphs(&self.body, &self.paragraphs)?;
        check_entities(&self.body, &self.entities, &self.clusters)?;
        check_quotes(&self.body, &self.quotes, self.clusters.len())?;
        check_layer(
            &self.body,
            "date",
            self.dates.iter().map(|d| (d.span, d.text.as_str())),
        )
    }

    /// Builds an article from parts, checking every invariant (used by record loading).
    pub(crate) fn from_parts(parts: Parts) -> Result<Article, Error> {
        let article = Article {
            source: parts.source,
            metadata: parts.metadata,
            captions: parts.captions,
            removed: parts.removed,
            warc: parts.warc,
            annotations: parts.annotations,
            body: parts.body,
            paragraphs: parts.paragraphs,
            entities: parts.entities,
            clusters: parts.clusters,
            quotes: parts.quotes,
            dates: parts.dates,
        };
        article.check_invariants()?;
        Ok(article)
    }
}

/// All fields of an article, unchecked.
pub(crate) struct Parts {
    pub source: Option<String>,
    pub metadata: Metadata,
    pub captions: Vec<String>,
    pub removed: Vec<Removed>,
    pub warc: Option<Warc>,
    pub annotations: Option<Annotations>,
    pub body: String,
    pub paragraphs: Vec<Paragraph>,
    pub entities: Vec<Entity>,
    pub clusters: Vec<Cluster>,
    pub quotes: Vec<Quote>,
    pub dates: Vec<DateMention>,
}

fn paragraph_text_problem(text: &str) -> Option<&'static str> {
    if text.is_empty() {
        Some("text is empty")
    } else if text.trim() != text {
        Some("text starts or ends with whitespace")
    } else if text.contains(PARAGRAPH_SEPARATOR) {
        Some("text contains a blank line")
    } else {
        None
    }
}

fn check_paragraphs(body: &str, paragraphs: &[Paragraph]) -> Result<(), Error> {
    let mut expected_start = 0;
    for (index, p) in paragraphs.iter().enumerate() {
        let err = |reason| Error::new(ErrorKind::Paragraph { index, reason });
        if index > 0 {
            let sep_end = expected_start + PARAGRAPH_SEPARATOR.len();
            if body.get(expected_start..sep_end) != Some(PARAGRAPH_SEPARATOR) {
                return Err(err("paragraphs are not separated by one blank line"));
            }
            expected_start = sep_end;
        }
        if p.span.start() != expected_start {
            return Err(err("span does not start where the body places it"));
        }
        let text = p.span.get(body).ok_or_else(|| {
            let error = p
                .span
                .check_in(body)
                .err()
                .unwrap_or(crate::SpanError::OutOfBounds {
                    end: p.span.end(),
                    len: body.len(),
                });
            Error::new(ErrorKind::Span {
                layer: "paragraph",
                index,
                error,
            })
        })?;
        if let Some(reason) = paragraph_text_problem(text) {
            return Err(err(reason));
        }
        expected_start = p.span.end();
    }
    if expected_start != body.len() {
        return Err(Error::new(ErrorKind::Paragraph {
            index: paragraphs.len(),
            reason: "body has text after the last paragraph",
        }));
    }
    Ok(())
}

/// Checks one layer: spans in bounds, on boundaries, sorted, disjoint, text matches.
fn check_layer<'a>(
    body: &str,
    layer: &'static str,
    items: impl Iterator<Item = (Span, &'a str)>,
) -> Result<(), Error> {
    let mut prev_end = 0;
    for (index, (span, text)) in items.enumerate() {
        span.check_in(body).map_err(|error| {
            Error::new(ErrorKind::Span {
                layer,
                index,
                error,
            })
        })?;
        if index > 0 && span.start() < prev_end {
            return Err(Error::new(ErrorKind::Overlap { layer, index }));
        }
        if span.get(body) != Some(text) {
            return Err(Error::new(ErrorKind::TextMismatch {
                layer,
                index,
                text: text.to_owned(),
            }));
        }
        prev_end = span.end();
    }
    Ok(())
}

fn check_entities(body: &str, entities: &[Entity], clusters: &[Cluster]) -> Result<(), Error> {
    check_layer(
        body,
        "entity",
        entities.iter().map(|e| (e.span, e.text.as_str())),
    )?;
    let mut counts = vec![0usize; clusters.len()];
    for (index, e) in entities.iter().enumerate() {
        let cluster_err = |reason: String| {
            Error::new(ErrorKind::Cluster {
                layer: "entity",
                index,
                reason,
            })
        };
        if let Some(c) = e.cluster {
            let Some(cluster) = clusters.get(c) else {
                return Err(cluster_err(format!(
                    "names cluster {c}, which does not exist"
                )));
            };
            if cluster.label != e.label {
                return Err(cluster_err(format!(
                    "is {} but its cluster {c} is {}",
                    e.label, cluster.label
                )));
            }
            counts[c] += 1;
        }
    }
    for (index, (cluster, count)) in clusters.iter().zip(counts).enumerate() {
        let cluster_err = |reason: String| {
            Error::new(ErrorKind::Cluster {
                layer: "cluster",
                index,
                reason,
            })
        };
        if cluster.id != index {
            return Err(cluster_err(format!("has id {}", cluster.id)));
        }
        if cluster.mentions != count {
            return Err(cluster_err(format!(
                "says {} mentions but {count} entities name it",
                cluster.mentions
            )));
        }
        cluster.first.check_in(body).map_err(|error| {
            Error::new(ErrorKind::Span {
                layer: "cluster",
                index,
                error,
            })
        })?;
    }
    Ok(())
}

fn check_quotes(body: &str, quotes: &[Quote], n_clusters: usize) -> Result<(), Error> {
    check_layer(
        body,
        "quote",
        quotes.iter().map(|q| (q.span, q.text.as_str())),
    )?;
    for (index, q) in quotes.iter().enumerate() {
        if let Some(c) = q.speaker_cluster {
            if c >= n_clusters {
                return Err(Error::new(ErrorKind::Cluster {
                    layer: "quote",
                    index,
                    reason: format!("names speaker cluster {c}, which does not exist"),
                }));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parts::Label;

    fn two_paragraphs() -> Article {
        let mut a = Article::new();
        a.push_paragraph(BlockKind::Paragraph, "Sergei Lavrov spoke.", None);
        a.push_paragraph(BlockKind::Heading, "Zürich", Some(Span::new(10, 20)));
        a
    }

    #[test]
    fn body_is_paragraphs_joined() {
        let a = two_paragraphs();
        assert_eq!(a.body(), "Sergei Lavrov spoke.\n\nZürich");
        let texts: Vec<_> = a.paragraphs().iter().map(|p| a.paragraph_text(p)).collect();
        assert_eq!(texts, ["Sergei Lavrov spoke.", "Zürich"]);
        a.check_invariants().unwrap();
    }

    #[test]
    fn bad_paragraph_texts_are_refused() {
        for bad in ["", " lead", "trail\n", "a\n\nb"] {
            let mut a = two_paragraphs();
            let before = a.clone();
            assert!(
                a.try_push_paragraph(BlockKind::Paragraph, bad, None)
                    .is_err(),
                "{bad:?}"
            );
            assert_eq!(a, before);
        }
        let mut a = Article::new();
        assert!(
            a.try_push_paragraph(BlockKind::Paragraph, "one\ntwo", None)
                .is_ok()
        );
    }

    fn entity(a: &Article, text: &str, label: Label, cluster: Option<usize>) -> Entity {
        let start = a.body().find(text).unwrap();
        Entity {
            span: Span::new(start, start + text.len()),
            label,
            text: text.to_owned(),
            cluster,
        }
    }

    #[test]
    fn entity_layer_checks() {
        let mut a = two_paragraphs();
        let lavrov = entity(&a, "Sergei Lavrov", Label::Per, Some(0));
        let zurich = entity(&a, "Zürich", Label::Loc, None);
        let cluster = Cluster {
            id: 0,
            canonical: "Sergei Lavrov".into(),
            label: Label::Per,
            mentions: 1,
            first: lavrov.span,
            role: None,
            affiliation: None,
        };
        // Unsorted.
        assert!(matches!(
            a.try_set_entities(vec![zurich.clone(), lavrov.clone()], vec![cluster.clone()])
                .unwrap_err()
                .kind(),
            ErrorKind::Overlap { .. }
        ));
        // Missing cluster.
        assert!(a.try_set_entities(vec![lavrov.clone()], vec![]).is_err());
        // Wrong text.
        let mut wrong = lavrov.clone();
        wrong.text = "Lavrov".into();
        assert!(
            a.try_set_entities(vec![wrong], vec![cluster.clone()])
                .is_err()
        );
        // Wrong mention count.
        let mut two = cluster.clone();
        two.mentions = 2;
        assert!(a.try_set_entities(vec![lavrov.clone()], vec![two]).is_err());
        a.try_set_entities(vec![lavrov, zurich], vec![cluster])
            .unwrap();
        a.check_invariants().unwrap();
        assert_eq!(a.entities().len(), 2);
    }

    #[test]
    fn quotes_and_dates_check() {
        let mut a = two_paragraphs();
        let q = Quote {
            span: Span::new(0, 6),
            text: "Sergei".into(),
            speaker: None,
            speaker_cluster: Some(0),
            speaker_kind: None,
            scare: true,
        };
        assert!(a.try_set_quotes(vec![q.clone()]).is_err());
        let q = Quote {
            speaker_cluster: None,
            speaker_kind: None,
            ..q
        };
        a.try_set_quotes(vec![q]).unwrap();
        let d = DateMention {
            span: Span::new(22, 24), // inside "ü"? Z=22, ü=23..25
            text: "Z".into(),
            value: None,
        };
        assert!(a.try_set_dates(vec![d]).is_err());
        a.check_invariants().unwrap();
    }
}

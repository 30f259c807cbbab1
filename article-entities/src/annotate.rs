//! [`Annotator`]: runs every annotation layer over an article.

use article_model::{Annotations, Article, Entity, Label, Span};

use crate::dates::{self, CalendarDate};
use crate::error::Result;
use crate::ner::Recognizer;
use crate::token::tokenize_range_into;
use crate::{cluster, paragraph_words, quotes, sentences, tokenize, window};

/// The default of [`AnnotatorBuilder::window_bytes`].
const WINDOW_BYTES: usize = 256 << 10;

/// Runs the annotation layers over an article. Build once, share between threads.
///
/// ```
/// use article_entities::Annotator;
/// use article_model::{Article, BlockKind};
/// let annotator = Annotator::builder().anchor_date(Some("2020-07-16".parse()?)).build();
/// let mut article = Article::new();
/// article.push_paragraph(BlockKind::Paragraph, "“We agreed,” the ministry said on Thursday.", None);
/// annotator.annotate(&mut article)?;
/// assert_eq!(article.quotes()[0].speaker.as_deref(), Some("the ministry"));
/// assert_eq!(article.dates()[0].value.as_deref(), Some("2020-07-16"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct Annotator {
    recognizer: Recognizer,
    anchor_date: Option<CalendarDate>,
    any_language: bool,
    window_bytes: usize,
}

impl Default for Annotator {
    fn default() -> Annotator {
        Annotator::builder().build()
    }
}

/// Builds an [`Annotator`].
#[derive(Clone, Debug, Default)]
pub struct AnnotatorBuilder {
    recognizer: Option<Recognizer>,
    anchor_date: Option<CalendarDate>,
    any_language: bool,
    window_bytes: Option<usize>,
}

impl AnnotatorBuilder {
    /// The entity recognizer (default: the embedded model).
    #[must_use]
    pub fn recognizer(mut self, recognizer: Recognizer) -> AnnotatorBuilder {
        self.recognizer = Some(recognizer);
        self
    }

    /// The date that relative expressions ("Thursday", "last week") are anchored to when
    /// the article has no published date (default: none, so such expressions get no value).
    /// An article's own `metadata.published` always wins.
    #[must_use]
    pub fn anchor_date(mut self, date: Option<CalendarDate>) -> AnnotatorBuilder {
        self.anchor_date = date;
        self
    }

    /// Whether to annotate articles in a language the recognizer does not cover
    /// ([`Recognizer::languages`]) too (default no: such articles get no entities, quotes
    /// or dates, and their [`Annotations`] say why). Articles of unknown language are
    /// annotated either way.
    #[must_use]
    pub fn any_language(mut self, yes: bool) -> AnnotatorBuilder {
        self.any_language = yes;
        self
    }

    /// Bodies longer than `bytes` (default 256 KiB) are annotated window by window, a
    /// window being about `bytes` of whole paragraphs (or of whole sentences, inside a
    /// longer paragraph), so memory grows with the annotations, not with the tokens.
    /// Entities, clusters and dates are those of annotating the body whole (the model's
    /// document-level context is kept as tables of words between windows), except where
    /// a sentence longer than `bytes` had to be cut. Quotations are the same; their
    /// speakers are found with the context of their window (about `bytes` around them).
    #[must_use]
    pub fn window_bytes(mut self, bytes: usize) -> AnnotatorBuilder {
        self.window_bytes = Some(bytes.max(1));
        self
    }

    /// The annotator.
    #[must_use]
    pub fn build(self) -> Annotator {
        Annotator {
            recognizer: self.recognizer.unwrap_or_default(),
            anchor_date: self.anchor_date,
            any_language: self.any_language,
            window_bytes: self.window_bytes.unwrap_or(WINDOW_BYTES),
        }
    }
}

impl Annotator {
    /// A builder with the defaults.
    #[must_use]
    pub fn builder() -> AnnotatorBuilder {
        AnnotatorBuilder::default()
    }

    /// An annotator that finds entities with `recognizer` (default: the embedded model).
    #[must_use]
    pub fn with_recognizer(recognizer: Recognizer) -> Annotator {
        Annotator::builder().recognizer(recognizer).build()
    }

    /// The entity recognizer.
    #[must_use]
    pub fn recognizer(&self) -> &Recognizer {
        &self.recognizer
    }

    /// What [`Annotator::annotate`] does with `article`, by its `metadata.language`: every
    /// layer `"annotated"` when the language is covered by the recognizer or unknown (a
    /// page too short for the parser to tell is taken to be in the model's language),
    /// else `"skipped: no model for LANG"`, or `"annotated: forced, no model for LANG"`
    /// with [`AnnotatorBuilder::any_language`].
    #[must_use]
    pub fn plan(&self, article: &Article) -> Annotations {
        let language = article
            .metadata
            .language
            .as_deref()
            .map(|l| crate::ner::primary_subtag(l).to_ascii_lowercase())
            .filter(|l| !l.is_empty());
        let status = match &language {
            Some(l) if !self.recognizer.covers(l) => {
                if self.any_language {
                    format!("{}: forced, no model for {l}", Annotations::ANNOTATED)
                } else {
                    format!("skipped: no model for {l}")
                }
            }
            _ => Annotations::ANNOTATED.to_owned(),
        };
        Annotations::all(language, status)
    }

    /// Annotates `article` in place, replacing earlier annotations, when its language is
    /// covered (see [`Annotator::plan`], whose result lands in `article.annotations`).
    ///
    /// The body is tokenized once; entities are found over the whole body, one document;
    /// no entity crosses a paragraph or a line break. Every entity gets a cluster; quotations get speakers (pointing at
    /// the speaker's cluster when the speaker is an entity); dates are anchored to
    /// `metadata.published`, else to the builder's anchor date.
    ///
    /// # Errors
    /// When an annotation would break an article invariant (a bug, reported rather than
    /// hidden).
    pub fn annotate(&self, article: &mut Article) -> Result<()> {
        article.clear_annotations();
        let plan = self.plan(article);
        if !Annotations::is_annotated(&plan.entities) {
            article.annotations = Some(plan);
            return Ok(());
        }
        if article.body().len() > self.window_bytes {
            self.annotate_windows(article)?;
            article.annotations = Some(plan);
            return Ok(());
        }
        let body = article.body();
        let tokens = tokenize(body);
        let mut entities: Vec<Entity> = self
            .recognizer
            .recognize_tokens(body, &tokens, &sentences(body, &tokens))
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
        let paragraphs: Vec<Span> = article.paragraphs().iter().map(|p| p.span()).collect();
        let words = paragraph_words::from_tokens(body, &tokens, &paragraphs);
        let clusters = cluster::cluster(body, &words, &mut entities);
        let quotes = quotes::find(body, &words, &entities, &clusters);
        let anchor = article
            .metadata
            .published
            .as_deref()
            .and_then(|p| p.parse::<CalendarDate>().ok())
            .or(self.anchor_date);
        let dates = dates::find(body, &words, anchor);

        article.try_set_entities(entities, clusters)?;
        article.try_set_quotes(quotes)?;
        article.try_set_dates(dates)?;
        article.annotations = Some(plan);
        Ok(())
    }

    /// [`Annotator::annotate`] window by window (see [`AnnotatorBuilder::window_bytes`]):
    /// entities, each mention's role and the dates in one series of windows (the
    /// recognizer's), clusters over all mentions, then quotations in windows that no
    /// quotation crosses.
    fn annotate_windows(&self, article: &mut Article) -> Result<()> {
        let body = article.body();
        let paragraphs: Vec<Span> = article.paragraphs().iter().map(|p| p.span()).collect();
        let anchor = article
            .metadata
            .published
            .as_deref()
            .and_then(|p| p.parse::<CalendarDate>().ok())
            .or(self.anchor_date);
        let windows = window::plan(body, &paragraphs, self.window_bytes);
        let mut entities: Vec<Entity> = Vec::new();
        // a mention's role and affiliation, for those that may be (or become) persons
        let mut roles: Vec<Option<cluster::Role>> = Vec::new();
        let mut dates = Vec::new();
        let mut next = windows.iter();
        self.recognizer
            .recognize_windows(body, &windows, |tokens, mentions| {
                let Some(range) = next.next() else {
                    return;
                };
                let words = paragraph_words::from_tokens(
                    body,
                    tokens,
                    &window::paragraphs_in(&paragraphs, range),
                );
                for m in mentions {
                    let Some(text) = article.text(m.span()) else {
                        continue;
                    };
                    let maybe_person = matches!(m.label(), Label::Per | Label::Org | Label::Misc);
                    roles.push(if maybe_person {
                        cluster::role_in(body, &words, m.span())
                    } else {
                        None
                    });
                    entities.push(Entity {
                        span: m.span(),
                        label: m.label(),
                        text: text.to_string(),
                        cluster: None,
                    });
                }
                dates.extend(dates::find(body, &words, anchor));
            });
        let clusters = cluster::cluster_with(body, &mut entities, |i, _| {
            roles.get_mut(i).and_then(Option::take)
        });
        drop(roles);
        let layout = quotes::Layout::of(body, &paragraphs);
        let mut quotes = Vec::new();
        let mut tokens = Vec::new();
        for range in window::group(
            &windows,
            &paragraphs,
            &layout.continued,
            |at| layout.is_quoted(at),
            self.window_bytes,
        ) {
            tokenize_range_into(body, range.clone(), &mut tokens);
            let words = paragraph_words::from_tokens(
                body,
                &tokens,
                &window::paragraphs_in(&paragraphs, &range),
            );
            let lo = entities.partition_point(|e| e.span.start() < range.start);
            let hi = entities.partition_point(|e| e.span.start() < range.end);
            let near = entities.get(lo..hi).unwrap_or_default();
            quotes.extend(quotes::find(body, &words, near, &clusters));
        }

        article.try_set_entities(entities, clusters)?;
        article.try_set_quotes(quotes)?;
        article.try_set_dates(dates)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use article_model::BlockKind;

    mod shapes {
        include!("../tests/integration/shapes.rs");
    }

    /// The pathological shapes of the scaling test, at 16 and 64 KiB: the steps of every
    /// scan that could grow with the text (name runs, candidate lists, quotation chains;
    /// see `work.rs`) grow about 4x, not 16x. Deterministic, unlike timing. (Not from 4
    /// KiB: the bounded look-backs, e.g. 64 earlier names of one word, fill up only past
    /// it, so 4 -> 16 KiB reads 5.05x for "said {i} Smith" quotes while 16 -> 64 -> 128
    /// KiB read 4.17x and 2.00x.)
    #[test]
    fn annotation_work_grows_linearly() {
        let annotator = Annotator::default();
        let steps = |unit: &str, bytes: usize| {
            let text = shapes::text_of(unit, bytes);
            let mut a = Article::new();
            for p in shapes::paragraphs_of(&text) {
                a.push_paragraph(BlockKind::Paragraph, p, None);
            }
            crate::work_meter::take();
            annotator.annotate(&mut a).unwrap();
            crate::work_meter::take()
        };
        for unit in shapes::UNITS {
            let small = steps(unit, 16 << 10);
            let large = steps(unit, 64 << 10);
            assert!(
                large <= 5 * small.max(100),
                "{unit:?}: {small} steps at 16 KiB, {large} at 64 KiB"
            );
        }
    }

    /// Issue 17: an article in a language the model does not cover gets no annotations
    /// and says why, unless forced; English and unknown-language articles are annotated.
    #[test]
    fn issue_17_language_gate() {
        let text = "„Wir sind bereit“, sagte Angela Merkel am Montag in Berlin.";
        let run = |language: Option<&str>, any: bool| {
            let mut a = Article::new();
            a.metadata.language = language.map(str::to_owned);
            a.metadata.published = Some("2020-07-16".into());
            a.push_paragraph(BlockKind::Paragraph, text, None);
            Annotator::builder()
                .any_language(any)
                .build()
                .annotate(&mut a)
                .unwrap();
            a
        };
        let de = run(Some("de"), false);
        assert!(de.entities().is_empty() && de.quotes().is_empty() && de.dates().is_empty());
        let want = Annotations::all(Some("de".into()), "skipped: no model for de");
        assert_eq!(de.annotations, Some(want));
        let de_at = run(Some("de-AT"), false);
        assert_eq!(de_at.annotations.unwrap().language.as_deref(), Some("de"));

        let forced = run(Some("de"), true);
        assert!(!forced.entities().is_empty());
        let status = forced.annotations.unwrap().entities;
        assert_eq!(status, "annotated: forced, no model for de");

        for language in [Some("en"), Some("EN-gb"), None] {
            let a = run(language, false);
            assert!(!a.entities().is_empty(), "{language:?}");
            let got = a.annotations.unwrap();
            assert_eq!(got.entities, "annotated", "{language:?}");
            assert_eq!(got.quotes, "annotated", "{language:?}");
        }
        let custom = Annotator::with_recognizer(Recognizer::default().with_languages(&["DE"]));
        let mut a = Article::new();
        a.metadata.language = Some("de".into());
        a.push_paragraph(BlockKind::Paragraph, text, None);
        custom.annotate(&mut a).unwrap();
        assert_eq!(a.annotations.unwrap().entities, "annotated");
    }

    #[test]
    fn annotator_is_send_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Annotator>();
        assert_send_sync::<AnnotatorBuilder>();
    }
}

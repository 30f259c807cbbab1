//! The HTML front end: tokens, blocks, article location, metadata.
//!
//! [`extract`] runs the pipeline on decoded text: the [`tokenizer`] reads tokens, the
//! [`builder`] turns them into a flat element tree and text blocks, [`locate`] finds the
//! article and labels every other block as boilerplate (falling back on the shared block
//! classifier when it kept little), and [`metadata`] reads the title,
//! authors, date and the rest.

pub(crate) mod builder;
pub(crate) mod charref;
pub(crate) mod class_words;
pub(crate) mod locate;
pub(crate) mod metadata;
pub(crate) mod tags;
pub(crate) mod tokenizer;

use article_model::{Article, BlockKind, Removed, RemovedKind};

use crate::classify::LearnedModel;
use crate::decode::Decoded;
use crate::limits::Limits;
use crate::recognize::Anchor;
use builder::Kind;
use locate::{Explanation, Fate};

/// Extracts the article of a decoded HTML page into `article`; with `learned`, the
/// learned block model decides per block (see [`locate::learned`]); `fetched` is when the
/// page was fetched, which relative dates on it count back from.
pub(crate) fn extract(
    decoded: &Decoded<'_>,
    limits: &Limits,
    article: &mut Article,
    learned: Option<&LearnedModel>,
    fetched: Option<Anchor>,
) {
    extract_explained(decoded, limits, article, None, learned, fetched);
}

/// [`extract`], recording in `explain` how the article was found.
pub(crate) fn explain(
    decoded: &Decoded<'_>,
    limits: &Limits,
    article: &mut Article,
    explain: &mut Explanation,
    learned: Option<&LearnedModel>,
) {
    extract_explained(decoded, limits, article, Some(explain), learned, None);
}

fn extract_explained(
    decoded: &Decoded<'_>,
    limits: &Limits,
    article: &mut Article,
    explain: Option<&mut Explanation>,
    learned: Option<&LearnedModel>,
    fetched: Option<Anchor>,
) {
    let html: &str = &decoded.text;
    let doc = builder::build(html, limits.max_depth(), limits.max_blocks());
    let ld = metadata::json_ld(&doc.meta.jsonld);
    let verdicts = locate::locate(&doc, ld.body.as_deref(), explain, learned);
    let mut fates: Vec<Option<RemovedKind>> = Vec::with_capacity(doc.blocks.len());
    for (block, verdict) in doc.blocks.iter().zip(verdicts) {
        let source = decoded.source(block.start, block.end);
        fates.push(match &verdict {
            Fate::Keep => None,
            Fate::Caption => Some(RemovedKind::Caption),
            Fate::Remove(kind, _) => Some(*kind),
        });
        match verdict {
            Fate::Keep => {
                let kind = match block.kind {
                    Kind::Heading(_) => BlockKind::Heading,
                    Kind::ListItem => BlockKind::ListItem,
                    Kind::Quote => BlockKind::Quote,
                    Kind::Pre => BlockKind::Preformatted,
                    Kind::TableRow => BlockKind::TableRow,
                    Kind::Paragraph | Kind::Caption => BlockKind::Paragraph,
                };
                // Block text has no edge whitespace and no blank line by construction.
                if article
                    .try_push_paragraph(kind, &block.text, source)
                    .is_err()
                {
                    article.removed.push(Removed::new(
                        RemovedKind::Other,
                        "not a valid paragraph",
                        block.text.as_str(),
                        source,
                    ));
                }
            }
            Fate::Caption => {
                article.captions.push(block.text.clone());
                article.removed.push(Removed::new(
                    RemovedKind::Caption,
                    "figure caption",
                    block.text.as_str(),
                    source,
                ));
            }
            Fate::Remove(kind, reason) => {
                if kind == RemovedKind::Caption {
                    article.captions.push(block.text.clone());
                }
                article
                    .removed
                    .push(Removed::new(kind, reason, block.text.as_str(), source));
            }
        }
    }
    if doc.dropped_blocks > 0 {
        article.removed.push(Removed::new(
            RemovedKind::Other,
            format!("{} blocks past the block limit", doc.dropped_blocks),
            "",
            None,
        ));
    }
    let body = article.body().to_owned();
    metadata::fill(&doc, &ld, &fates, &body, fetched, &mut article.metadata);
    // The dateline opening the body, read by the shared recogniser.
    article.metadata.dateline = article
        .paragraphs()
        .first()
        .and_then(|p| crate::recognize::dateline(article.paragraph_text(p)));
}

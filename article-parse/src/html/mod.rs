//! The HTML front end: tokens, blocks, article location, metadata.
//!
//! [`extract`] runs the pipeline on decoded text: the [`tokenizer`] reads tokens, the
//! [`builder`] turns them into a flat element tree and text blocks, [`locate`] finds the
//! article and labels every other block as boilerplate, and [`metadata`] reads the title,
//! authors, date and the rest.

pub(crate) mod builder;
pub(crate) mod charref;
pub(crate) mod locate;
pub(crate) mod metadata;
pub(crate) mod tags;
pub(crate) mod tokenizer;
pub(crate) mod words;

use article_model::{Article, BlockKind, Removed, RemovedKind};

use crate::decode::Decoded;
use crate::limits::Limits;
use builder::Kind;
use locate::Verdict;

/// Extracts the article of a decoded HTML page into `article`.
pub(crate) fn extract(decoded: &Decoded<'_>, limits: &Limits, article: &mut Article) {
    let html: &str = &decoded.text;
    let doc = builder::build(html, limits.max_depth(), limits.max_blocks());
    let ld = metadata::json_ld(&doc.meta.jsonld);
    let mut verdicts = locate::locate(&doc, ld.body.as_deref());
    classifier_fallback(&doc, &mut verdicts);
    for (block, verdict) in doc.blocks.iter().zip(verdicts) {
        let source = decoded.source(block.start, block.end);
        match verdict {
            Verdict::Keep => {
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
            Verdict::Caption => {
                article.captions.push(block.text.clone());
                article.removed.push(Removed::new(
                    RemovedKind::Caption,
                    "figure caption",
                    block.text.as_str(),
                    source,
                ));
            }
            Verdict::Remove(kind, reason) => {
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
    metadata::fill(&doc, &ld, &body, &mut article.metadata);
    // The dateline opening the body, read by the shared recogniser.
    article.metadata.dateline = article
        .paragraphs()
        .first()
        .and_then(|p| crate::recognize::dateline(article.paragraph_text(p)));
}

/// Whether a removal may be undone by the fallback: not hidden, and no strong sign of
/// boilerplate (comments, related content, navigation, promotion, page furniture).
fn soft_removal(v: &Verdict) -> bool {
    use RemovedKind as K;
    match v {
        Verdict::Remove(k, _) => !matches!(
            k,
            K::Hidden
                | K::Comments
                | K::CommentForm
                | K::Related
                | K::Newsletter
                | K::Share
                | K::Navigation
                | K::Advertisement
                | K::CookieNotice
                | K::Subscription
                | K::Footer
                | K::Copyright
                | K::Sidebar
                | K::Header
                | K::Caption
                | K::Title
        ),
        _ => false,
    }
}

/// A paragraph with few links, softly removed: what the fallback may restore (list items
/// are not: lists of teasers outweigh short articles).
fn restorable(b: &builder::Block, v: &Verdict) -> bool {
    soft_removal(v) && matches!(b.kind, Kind::Paragraph | Kind::Quote) && b.link_chars * 4 < b.chars
}

/// Recall safety net, as trafilatura falls back on other algorithms when its result is
/// short: when the softly removed text blocks outweigh what the article keeps, the shared
/// block classifier (the one text dumps go through, over the same blocks with their HTML
/// kinds as hints) gets a say, and the blocks it calls body are restored if they still
/// outweigh the kept text. On the tuned dev pages it never fires; it guards against a
/// container that missed the article.
fn classifier_fallback(doc: &builder::Doc<'_>, verdicts: &mut [Verdict]) {
    let kept: u32 = doc
        .blocks
        .iter()
        .zip(verdicts.iter())
        .filter(|(_, v)| **v == Verdict::Keep)
        .map(|(b, _)| b.chars)
        .sum();
    let candidates: u32 = doc
        .blocks
        .iter()
        .zip(verdicts.iter())
        .filter(|(b, v)| restorable(b, v))
        .map(|(b, _)| b.chars)
        .sum();
    if candidates <= kept {
        return;
    }
    let blocks: Vec<crate::block::Block> = doc
        .blocks
        .iter()
        .map(|b| {
            use crate::block::BlockHint as H;
            let hint = match b.kind {
                Kind::Heading(l) => H::Heading(l),
                Kind::ListItem => H::ListItem,
                Kind::Quote => H::Quote,
                Kind::Pre => H::Preformatted,
                Kind::TableRow => H::TableRow,
                Kind::Caption => H::Caption,
                Kind::Paragraph => H::Paragraph,
            };
            // Block text is normalised already; an empty one (never built) stays a
            // placeholder so that indices line up.
            crate::block::Block::new(&b.text, None)
                .unwrap_or_else(|| crate::block::Block::from_normalized("-".into(), None))
                .with_hint(hint)
        })
        .collect();
    let classified = crate::classify::classify(&blocks);
    let restore: Vec<usize> = doc
        .blocks
        .iter()
        .zip(verdicts.iter())
        .zip(&classified.verdicts)
        .enumerate()
        .filter(|(_, ((b, v), c))| {
            restorable(b, v) && matches!(c.role, crate::classify::Role::Body(_))
        })
        .map(|(i, _)| i)
        .collect();
    let restored: u32 = restore
        .iter()
        .filter_map(|&i| doc.blocks.get(i))
        .map(|b| b.chars)
        .sum();
    if restored > kept {
        for i in restore {
            if let Some(v) = verdicts.get_mut(i) {
                *v = Verdict::Keep;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<html><body><ul><li><a href=/>Home</a></li><li><a href=/w>World</a></li></ul>\
        <p>The council voted on Tuesday to close the old harbour bridge for repairs, a decision that will send traffic through the town centre.</p>\
        <p>Engineers said the steel frame had rusted faster than expected, and that waiting another year would have raised the cost of the work.</p>\
        <p>Shop owners on the main street welcomed the extra passing trade, although several said they were worried about parking at weekends.</p>\
        </body></html>";

    #[test]
    fn fallback_restores_prose_when_nothing_is_kept() {
        let doc = builder::build(PAGE, 512, 10_000);
        let mut verdicts: Vec<Verdict> = doc
            .blocks
            .iter()
            .map(|_| Verdict::Remove(RemovedKind::Other, "outside the article container".into()))
            .collect();
        classifier_fallback(&doc, &mut verdicts);
        let kept: Vec<&str> = doc
            .blocks
            .iter()
            .zip(&verdicts)
            .filter(|(_, v)| **v == Verdict::Keep)
            .map(|(b, _)| b.text.as_str())
            .collect();
        assert_eq!(kept.len(), 3, "{kept:?}");
        assert!(kept.iter().all(|t| t.ends_with('.')), "{kept:?}");
    }

    #[test]
    fn fallback_leaves_strong_removals_and_sufficient_articles_alone() {
        let doc = builder::build(PAGE, 512, 10_000);
        // Comments are a strong sign: never restored.
        let mut verdicts: Vec<Verdict> = doc
            .blocks
            .iter()
            .map(|_| Verdict::Remove(RemovedKind::Comments, "comments class".into()))
            .collect();
        let before = verdicts.clone();
        classifier_fallback(&doc, &mut verdicts);
        assert_eq!(verdicts, before);
        // Kept text that outweighs the candidates: nothing changes.
        let mut verdicts: Vec<Verdict> = doc
            .blocks
            .iter()
            .enumerate()
            .map(|(i, _)| {
                if i + 1 == doc.blocks.len() {
                    Verdict::Remove(RemovedKind::Other, "outside the article container".into())
                } else {
                    Verdict::Keep
                }
            })
            .collect();
        let before = verdicts.clone();
        classifier_fallback(&doc, &mut verdicts);
        assert_eq!(verdicts, before);
    }
}

//! Stage 6, fallback: the shared block classifier gets a say when the article kept less
//! text than was softly removed.

use article_model::RemovedKind;

use super::super::builder::{self, Kind};
use super::fate::{Fate, strong};

/// Whether a removal may be undone by the fallback: not hidden, and no strong sign of
/// boilerplate (comments, related content, navigation, promotion, page furniture). When
/// nothing at all is kept (`empty`), only hidden elements and comments stay removed: an
/// empty body is the worst answer.
fn soft_removal(v: &Fate, empty: bool) -> bool {
    use RemovedKind as K;
    match v {
        Fate::Remove(k, _) if empty => !matches!(k, K::Hidden | K::Comments | K::CommentForm),
        Fate::Remove(k, _) => !strong(*k),
        _ => false,
    }
}

/// A paragraph with few links, softly removed: what the fallback may restore (list items
/// are not, unless nothing is kept: lists of teasers outweigh short articles).
fn restorable(b: &builder::HtmlBlock, v: &Fate, empty: bool) -> bool {
    soft_removal(v, empty)
        && (matches!(b.kind, Kind::Paragraph | Kind::Quote) || empty && b.kind == Kind::ListItem)
        && b.link_chars * 4 < b.chars
}

/// Recall safety net, as trafilatura falls back on other algorithms when its result is
/// short: when the softly removed text blocks outweigh what the article keeps, the shared
/// block classifier (the one text dumps go through, over the same blocks with their HTML
/// kinds as hints) gets a say, and the blocks it calls body are restored if they still
/// outweigh the kept text. On the tuned dev pages it never fires; it guards against a
/// container that missed the article.
/// Returns how many blocks it restored.
pub(super) fn classifier_fallback(doc: &builder::Doc<'_>, verdicts: &mut [Fate]) -> usize {
    let kept: u32 = doc
        .blocks
        .iter()
        .zip(verdicts.iter())
        .filter(|(_, v)| **v == Fate::Keep)
        .map(|(b, _)| b.chars)
        .sum();
    let empty = kept == 0;
    let candidates: u32 = doc
        .blocks
        .iter()
        .zip(verdicts.iter())
        .filter(|(b, v)| restorable(b, v, empty))
        .map(|(b, _)| b.chars)
        .sum();
    if candidates <= kept {
        return 0;
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
            restorable(b, v, empty) && matches!(c.role, crate::classify::Role::Body(_))
        })
        .map(|(i, _)| i)
        .collect();
    let restored: u32 = restore
        .iter()
        .filter_map(|&i| doc.blocks.get(i))
        .map(|b| b.chars)
        .sum();
    if restored <= kept {
        return 0;
    }
    for &i in &restore {
        if let Some(v) = verdicts.get_mut(i) {
            *v = Fate::Keep;
        }
    }
    restore.len()
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
        let mut verdicts: Vec<Fate> = doc
            .blocks
            .iter()
            .map(|_| Fate::Remove(RemovedKind::Other, "outside the article container".into()))
            .collect();
        assert_eq!(classifier_fallback(&doc, &mut verdicts), 3);
        let kept: Vec<&str> = doc
            .blocks
            .iter()
            .zip(&verdicts)
            .filter(|(_, v)| **v == Fate::Keep)
            .map(|(b, _)| b.text.as_str())
            .collect();
        assert_eq!(kept.len(), 3, "{kept:?}");
        assert!(kept.iter().all(|t| t.ends_with('.')), "{kept:?}");
    }

    #[test]
    fn issue_12_an_empty_body_lets_the_fallback_undo_strong_removals() {
        let doc = builder::build(PAGE, 512, 10_000);
        let mut verdicts: Vec<Fate> = doc
            .blocks
            .iter()
            .map(|_| {
                Fate::Remove(
                    RemovedKind::Related,
                    "list after a related-content marker".into(),
                )
            })
            .collect();
        assert_eq!(classifier_fallback(&doc, &mut verdicts), 3);
        // With one block kept, the same removals stand.
        verdicts[0] = Fate::Keep;
        for v in verdicts.iter_mut().skip(1) {
            *v = Fate::Remove(
                RemovedKind::Related,
                "list after a related-content marker".into(),
            );
        }
        assert_eq!(classifier_fallback(&doc, &mut verdicts), 0);
    }

    #[test]
    fn fallback_leaves_strong_removals_and_sufficient_articles_alone() {
        let doc = builder::build(PAGE, 512, 10_000);
        // Comments are a strong sign: never restored.
        let mut verdicts: Vec<Fate> = doc
            .blocks
            .iter()
            .map(|_| Fate::Remove(RemovedKind::Comments, "comments class".into()))
            .collect();
        let before = verdicts.clone();
        assert_eq!(classifier_fallback(&doc, &mut verdicts), 0);
        assert_eq!(verdicts, before);
        // Kept text that outweighs the candidates: nothing changes.
        let mut verdicts: Vec<Fate> = doc
            .blocks
            .iter()
            .enumerate()
            .map(|(i, _)| {
                if i + 1 == doc.blocks.len() {
                    Fate::Remove(RemovedKind::Other, "outside the article container".into())
                } else {
                    Fate::Keep
                }
            })
            .collect();
        let before = verdicts.clone();
        assert_eq!(classifier_fallback(&doc, &mut verdicts), 0);
        assert_eq!(verdicts, before);
    }
}

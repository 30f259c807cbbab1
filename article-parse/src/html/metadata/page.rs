//! Small readers shared by the metadata fields: `<meta>` lookups, block fates, byline
//! classes and the article region.

use article_model::RemovedKind;

use crate::html::builder::Doc;

pub(super) fn meta<'m>(doc: &'m Doc<'_>, keys: &[&str]) -> Option<&'m str> {
    keys.iter().find_map(|k| {
        doc.meta
            .metas
            .iter()
            .find(|(key, c)| key == k && !c.is_empty())
            .map(|(_, c)| c.as_str())
    })
}

/// How each block of the page ended: `None` kept in the body, `Some(kind)` removed (a
/// caption is `Some(Caption)`).
pub(crate) type Fates = [Option<RemovedKind>];

/// Removed kinds whose names and dates belong to other articles or to readers.
pub(super) fn foreign(kind: Option<RemovedKind>) -> bool {
    matches!(
        kind,
        Some(
            RemovedKind::Related
                | RemovedKind::Caption
                | RemovedKind::Comments
                | RemovedKind::CommentForm
                | RemovedKind::Advertisement
                | RemovedKind::Newsletter
                | RemovedKind::Subscription
                | RemovedKind::Navigation
                | RemovedKind::Footer
                | RemovedKind::Sidebar
                | RemovedKind::AuthorBio
                | RemovedKind::Share
        )
    )
}

/// Recommendation widgets and ad networks that sign their boxes "by ...".
pub(super) const WIDGETS: &[&str] = &[
    "taboola",
    "outbrain",
    "revcontent",
    "zergnet",
    "mgid",
    "content.ad",
    "nativo",
    "sharethrough",
    "powered by",
];

/// Class or id words of a byline element.
pub(super) fn byline_class(doc: &Doc<'_>, node: u32) -> bool {
    const WORDS: &[&str] = &[
        "byline",
        "author",
        "authors",
        "writer",
        "autor",
        "auteur",
        "reporter",
        "postedby",
        "contributor",
        "creator",
    ];
    let mut n = node;
    for _ in 0..4 {
        let Some(node) = doc.nodes.get(n as usize) else {
            return false;
        };
        let hit = |v: &str| {
            v.split(|c: char| !c.is_ascii_alphanumeric())
                .any(|w| WORDS.iter().any(|x| w.eq_ignore_ascii_case(x)))
        };
        if hit(node.class) || hit(node.id) {
            return true;
        }
        n = node.parent;
    }
    false
}

/// The region of the article: from a little before its first kept block to its last.
pub(super) fn region(fates: &Fates) -> std::ops::Range<usize> {
    let first = fates.iter().position(Option::is_none);
    let last = fates.iter().rposition(Option::is_none);
    match (first, last) {
        (Some(f), Some(l)) => f.saturating_sub(25)..l + 1,
        _ => 0..fates.len().min(200),
    }
}

/// Lower-case letters and digits of `s`, for comparing names and titles.
pub(super) fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

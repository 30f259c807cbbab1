//! What the HTML front end found on its way to the article, returned by
//! [`Extractor::explain`](crate::Extractor::explain) for people tuning or debugging it.

use super::super::builder::Doc;
use super::signals::NodeInfo;

/// How the HTML front end found the article of a page.
///
/// Every field is `None` or 0 for a text dump (its blocks are classified one by one,
/// with no container) and for a page where no block scored.
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct Explanation {
    /// The element that scored best, or the deepest one holding most of the page's
    /// JSON-LD `articleBody` when that body is long and matches the page.
    pub top: Option<ContainerCandidate>,
    /// The article container: `top`, or an ancestor up to three levels above it when
    /// the article's prose is split over its children.
    pub container: Option<ContainerCandidate>,
    /// How many elements make up the article: the container, the elements of its tag
    /// and class that hold prose, and the siblings that joined it.
    pub container_elements: usize,
    /// How many blocks the classifier fallback restored (0 when it did not fire).
    pub restored_by_fallback: usize,
}

/// One element of the page the article locator considered.
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct ContainerCandidate {
    /// The tag name in lower case (`div`, `article`; `custom` for a custom element,
    /// `other` for an unknown one).
    pub tag: String,
    /// The raw `class` attribute.
    pub class: String,
    /// The raw `id` attribute.
    pub id: String,
    /// Depth in the element tree (the root element is 0).
    pub depth: u32,
    /// Raw readability score: the sum of the paragraph scores credited to the element.
    pub score: f32,
    /// Non-space chars of prose blocks in the element, link text not counted.
    pub prose_chars: u32,
    /// Non-space chars of its blocks found in the JSON-LD `articleBody`.
    pub json_chars: u32,
}

/// The candidate of node `node`, if there is one.
pub(super) fn candidate(doc: &Doc<'_>, info: &[NodeInfo], node: u32) -> Option<ContainerCandidate> {
    let (nd, ni) = (doc.nodes.get(node as usize)?, info.get(node as usize)?);
    Some(ContainerCandidate {
        tag: format!("{:?}", nd.tag).to_lowercase(),
        class: nd.class.to_owned(),
        id: nd.id.to_owned(),
        depth: ni.depth,
        score: ni.score,
        prose_chars: ni.good_chars,
        json_chars: ni.json_chars,
    })
}

//! Article location and boilerplate removal over the blocks of a page.
//!
//! 1. Every element gets a *negative kind* from its tag (`nav`, `aside`, `footer`,
//!    `header`, `form`), its ARIA role, or its class and id words (`related`, `share`,
//!    `newsletter`, ...), and a *body* mark from `itemprop=articleBody` or body-naming
//!    classes (`article-body`, `entry-content`).
//! 2. Readability-style container scoring: every paragraph-like block with enough text and
//!    few links scores `1 + commas + min(chars / 100, 3)`, added to its container and, less,
//!    to the next ancestors; a container's score is scaled by its share of non-link text and
//!    moved by its class words. When the page carries its body in JSON-LD (`articleBody`),
//!    blocks whose words are in it score more. List items count half (teaser lists are
//!    not articles), and elements inside `<nav>`, `<aside>` or `<footer>` lose as if
//!    negative. The best container is the article; as in Readability, siblings that
//!    score well join it, and so do prose paragraphs beside it (a `<p>`, or an element of
//!    the tag and class of the paragraphs inside the container: a lede kept outside the
//!    body element). A negative element that holds the container names a layout, not
//!    boilerplate.
//! 3. jusText-style block classification inside the article: a block is boilerplate when an
//!    element between it and the article container is negative, when it is mostly link
//!    text, when it is a short stock phrase ("Advertisement", "Read more"), or when its
//!    neighbours are boilerplate and it is short (context smoothing). Headings, list items
//!    and block quotes of the body are kept with their kind.
//!
//! The stages, each in its own module, run in this order: [`signals`] (per element, and
//! text totals per subtree), [`score`] (paragraph scores and the top element),
//! [`container`] (the elements that make up the article), [`verdicts`] (the first
//! decision per block, with the phrase tests of [`phrases`]), [`context_rules`]
//! (smoothing by the neighbours) and [`fallback`] (the shared block classifier when little
//! was kept). [`json`] holds the JSON-LD body evidence the first stages use; [`fate`] is
//! what every stage decides for a block.

mod container;
mod context_rules;
mod explanation;
mod fallback;
mod fate;
mod json;
pub(crate) mod learned;
mod phrases;
mod score;
mod signals;
mod verdicts;

pub use explanation::{ContainerCandidate, Explanation};
pub(crate) use fate::Fate;

use super::builder::Doc;
use crate::classify::LearnedModel;
use container::Container;

/// Decides every block of `doc`; `json_body` is the JSON-LD `articleBody`, if any.
/// With `explain`, records there how the article was found. With `learned`, the learned
/// block model decides per block what the rules proposed (see [`learned`]); without, the
/// rules decide, with the classifier fallback as a recall safety net.
pub(crate) fn locate(
    doc: &Doc<'_>,
    json_body: Option<&str>,
    explain: Option<&mut Explanation>,
    learned: Option<&LearnedModel>,
) -> Vec<Fate> {
    let in_json = json::coverage(doc, json_body);
    let mut info = signals::node_infos(doc);
    signals::add_totals(doc, &mut info, &in_json);
    score::add_scores(doc, &mut info, &in_json);
    let top = score::top(doc, &info, &in_json, json_body);
    let container = Container::find(doc, &info, top);
    let mut verdicts = verdicts::decide(doc, &info, &container, &in_json, json_body);
    context_rules::smooth(doc, &mut verdicts);
    context_rules::drop_trailing_headings(doc, &mut verdicts);
    let restored = match learned {
        Some(model) => {
            let rows = learned::rows(doc, &info, &container, &in_json, json_body, &verdicts);
            learned::apply(&rows, model, &mut verdicts)
        }
        None => fallback::classifier_fallback(doc, &mut verdicts),
    };
    if let Some(ex) = explain {
        *ex = Explanation {
            top: explanation::candidate(doc, &info, top),
            container: explanation::candidate(doc, &info, container.node),
            container_elements: container.elements(),
            restored_by_fallback: restored,
        };
    }
    verdicts
}

/// For training: the rules' verdicts (before the fallback) and the learned model's rows.
#[cfg(feature = "training")]
pub(crate) fn learned_rows(doc: &Doc<'_>, json_body: Option<&str>) -> (Vec<Fate>, learned::Rows) {
    let in_json = json::coverage(doc, json_body);
    let mut info = signals::node_infos(doc);
    signals::add_totals(doc, &mut info, &in_json);
    score::add_scores(doc, &mut info, &in_json);
    let top = score::top(doc, &info, &in_json, json_body);
    let container = Container::find(doc, &info, top);
    let mut verdicts = verdicts::decide(doc, &info, &container, &in_json, json_body);
    context_rules::smooth(doc, &mut verdicts);
    context_rules::drop_trailing_headings(doc, &mut verdicts);
    let rows = learned::rows(doc, &info, &container, &in_json, json_body, &verdicts);
    (verdicts, rows)
}

#[cfg(test)]
mod tests {
    use super::super::builder::build;
    use super::*;
    use article_model::RemovedKind;

    const PROSE: &str = "The council voted on Tuesday, after a long debate, to close the old harbour bridge for repairs next year.";

    #[test]
    fn locate_finds_the_article_and_explains_it() {
        let p = format!("<p>{PROSE}</p>");
        let html = format!(
            "<body><nav><ul><li><a href=/>Home</a></li></ul></nav>\
             <article id=story class=post>{p}{p}{p}</article>\
             <footer><p>Copyright 2024 Daily Wire</p></footer></body>"
        );
        let doc = build(&html, 512, 10_000);
        let mut ex = Explanation::default();
        let verdicts = locate(&doc, None, Some(&mut ex), None);
        assert_eq!(verdicts, locate(&doc, None, None, None));
        let kinds: Vec<Option<RemovedKind>> = verdicts
            .iter()
            .map(|v| match v {
                Fate::Remove(k, _) => Some(*k),
                _ => None,
            })
            .collect();
        assert_eq!(
            kinds,
            [
                Some(RemovedKind::Navigation),
                None,
                None,
                None,
                Some(RemovedKind::Footer)
            ]
        );
        let c = ex.container.clone().unwrap();
        assert_eq!(
            (c.tag.as_str(), c.id.as_str(), c.class.as_str()),
            ("article", "story", "post")
        );
        assert_eq!(ex.top, ex.container);
        assert_eq!(ex.container_elements, 1);
        assert_eq!(ex.restored_by_fallback, 0);
        assert!(c.score > 0.0 && c.prose_chars > 0 && c.json_chars == 0);
    }

    #[test]
    fn no_scored_block_explains_nothing() {
        let doc = build("<p>Hi.</p>", 512, 10_000);
        let mut ex = Explanation::default();
        locate(&doc, None, Some(&mut ex), None);
        assert_eq!((ex.top, ex.container), (None, None));
    }
}

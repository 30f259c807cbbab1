//! Issue 16: long bodies are annotated window by window
//! ([`AnnotatorBuilder::window_bytes`]) with the entities, clusters and dates of
//! annotating them whole, and the same quotations.

use std::path::Path;

use article_entities::Annotator;
use article_model::{Article, BlockKind};

use crate::synthetic;

fn article_of<S: AsRef<str>>(paragraphs: &[S]) -> Article {
    let mut a = Article::new();
    for p in paragraphs {
        a.push_paragraph(BlockKind::Paragraph, p.as_ref(), None);
    }
    a.metadata.published = Some("2020-07-16".into());
    a
}

/// Annotates `article` whole and in windows of `window` bytes: the same layers.
fn assert_windows_agree(article: &Article, window: usize, what: &str) {
    let mut whole = article.clone();
    Annotator::builder()
        .window_bytes(usize::MAX)
        .build()
        .annotate(&mut whole)
        .unwrap();
    let mut windowed = article.clone();
    Annotator::builder()
        .window_bytes(window)
        .build()
        .annotate(&mut windowed)
        .unwrap();
    windowed.check_invariants().unwrap();
    assert!(
        !whole.entities().is_empty() && !whole.dates().is_empty(),
        "{what}"
    );
    assert_eq!(
        whole.entities(),
        windowed.entities(),
        "{what}: entities, windows of {window}"
    );
    assert_eq!(
        whole.clusters(),
        windowed.clusters(),
        "{what}: clusters, windows of {window}"
    );
    assert_eq!(
        whole.dates(),
        windowed.dates(),
        "{what}: dates, windows of {window}"
    );
    let marks = |a: &Article| -> Vec<_> {
        a.quotes()
            .iter()
            .map(|q| (q.span, q.text.clone(), q.scare))
            .collect()
    };
    assert_eq!(
        marks(&whole),
        marks(&windowed),
        "{what}: quotations, windows of {window}"
    );
}

#[test]
fn issue_16_windows_give_the_layers_of_the_whole_body() {
    let article = article_of(&synthetic::paragraphs(40 << 10));
    for window in [300, 4 << 10, 16 << 10] {
        assert_windows_agree(&article, window, "synthetic");
    }
}

/// A paragraph of many sentences longer than the window is cut at sentence starts.
#[test]
fn issue_16_a_paragraph_longer_than_the_window_is_cut_at_sentences() {
    let one = synthetic::paragraphs(24 << 10).join(" ");
    let article = article_of(&[one]);
    assert_windows_agree(&article, 2 << 10, "one paragraph");
}

/// The dev set's article bodies (`../shared`), one after another as one long article.
#[test]
fn issue_16_windows_on_the_dev_bodies() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/data/extraction/dev/truth.json");
    let Ok(raw) = std::fs::read_to_string(&path) else {
        eprintln!("skipping: {} not found", path.display());
        return;
    };
    let truth: serde_json::Value = serde_json::from_str(&raw).unwrap();
    let mut paragraphs = Vec::new();
    let bodies = truth.as_object().into_iter().flat_map(|o| o.values());
    for body in bodies
        .filter_map(|v| v.get("articleBody")?.as_str())
        .take(40)
    {
        paragraphs.extend(
            body.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned),
        );
    }
    assert!(paragraphs.len() > 100, "{}", paragraphs.len());
    assert_windows_agree(&article_of(&paragraphs), 8 << 10, "dev bodies");
}

use article_entities::Annotator;
use article_model::{Article, BlockKind};

#[test]
fn annotating_keeps_invariants() {
    let mut a = Article::new();
    a.push_paragraph(
        BlockKind::Paragraph,
        "Hulusi Akar spoke in Ankara on Thursday.",
        None,
    );
    Annotator::default().annotate(&mut a).unwrap();
    a.check_invariants().unwrap();
}

#[cfg(feature = "model")]
#[test]
fn entities_land_in_the_article() {
    use article_model::Label;
    let mut a = Article::new();
    a.push_paragraph(BlockKind::Heading, "Talks in Ankara", None);
    a.push_paragraph(
        BlockKind::Paragraph,
        "Turkish Defense Minister Hulusi Akar met Sergei Lavrov.",
        None,
    );
    Annotator::default().annotate(&mut a).unwrap();
    a.check_invariants().unwrap();
    let got: Vec<(&str, Label)> = a
        .entities()
        .iter()
        .map(|e| (e.text.as_str(), e.label))
        .collect();
    assert!(got.contains(&("Ankara", Label::Loc)), "{got:?}");
    assert!(got.contains(&("Hulusi Akar", Label::Per)), "{got:?}");
    assert!(got.contains(&("Sergei Lavrov", Label::Per)), "{got:?}");
    assert!(a.entities().iter().all(|e| !e.text.contains('\n')));
}

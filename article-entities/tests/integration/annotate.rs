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

//! Properties of the quotation, cluster and date layers: no panic on any text, every span in
//! bounds and on char boundaries, layers sorted and non-overlapping (all checked by
//! `Article::check_invariants`), and large adversarial inputs finish.

use article_entities::Annotator;
use article_model::{Article, BlockKind};
use proptest::prelude::*;

/// An article whose paragraphs are the non-blank lines of `text`, trimmed.
fn article(text: &str) -> Article {
    let mut a = Article::new();
    for line in text.split('\n') {
        let line = line.trim();
        if !line.is_empty() {
            a.try_push_paragraph(BlockKind::Paragraph, line, None)
                .unwrap();
        }
    }
    a
}

fn annotate_and_check(text: &str, published: Option<&str>) {
    let mut a = article(text);
    a.metadata.published = published.map(str::to_owned);
    let annotator = Annotator::builder()
        .anchor_date(Some("2020-07-16".parse().unwrap()))
        .build();
    annotator.annotate(&mut a).unwrap();
    a.check_invariants().unwrap();
    assert!(
        a.entities().iter().all(|e| e.cluster.is_some()),
        "every entity gets a cluster"
    );
    for q in a.quotes() {
        assert!(q.speaker_cluster.is_none_or(|c| c < a.clusters().len()));
        assert!(!q.text.is_empty());
    }
}

/// Words, names, reporting verbs, dates, and every quote mark, often unbalanced.
fn newsy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "“",
        "”",
        "\"",
        "‘",
        "’",
        "'",
        "„",
        "«",
        "»",
        "‹",
        "›",
        "``",
        "''",
        "’’",
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        ",",
        ".",
        ":",
        "?",
        "—",
        "said",
        "told reporters",
        "according to",
        "added",
        "the statement",
        "it",
        "he",
        "she",
        "they",
        "Lopez",
        "Feliciano Lopez",
        "Turkey’s",
        "National Security Council",
        "Defense Minister",
        "Hulusi Akar",
        "Akar",
        "the",
        "a",
        "we",
        "will",
        "win",
        "on Thursday",
        "July 16",
        "2020",
        "last week",
        "yesterday",
        "Sept.",
        "16/07/2020",
        "2020-07-16",
        "Mr.",
        "Jr.",
        "é",
        "中文",
        "🙂",
    ]);
    prop::collection::vec(pieces, 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn never_panics_on_newsy_text(text in newsy()) {
        annotate_and_check(&text, None);
        annotate_and_check(&text, Some("2021-01-01T10:00:00Z"));
    }

    #[test]
    fn never_panics_on_any_text(text in "\\PC{0,300}") {
        annotate_and_check(&text, None);
    }

    #[test]
    fn never_panics_on_any_published_value(text in newsy(), published in "\\PC{0,30}") {
        annotate_and_check(&text, Some(&published));
    }
}

#[test]
fn large_adversarial_inputs_finish() {
    // 25 to 50 KiB each: runs of quote marks, many short quotations in one paragraph, one
    // long unclosed quotation, many names and pronouns, many dates. (Scaling is measured
    // in the benches; a quadratic layer would make this test crawl.)
    let cases = [
        "“".repeat(8_000),
        "\"a\" ".repeat(8_000),
        "“We will,” he said. ".repeat(2_000),
        format!("He said: “{}", "word ".repeat(10_000)),
        "Hulusi Akar said. Akar, Lopez and Smith met. It said “yes” on Thursday. ".repeat(500),
        "on July 16, 2020 and Thursday and last week and 2019 ".repeat(800),
        "‘a’ ’b‘ 'c' «d» „e“ ".repeat(2_000),
    ];
    for text in &cases {
        annotate_and_check(text, Some("2020-07-16"));
    }
}

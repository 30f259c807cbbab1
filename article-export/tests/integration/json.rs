use article_export::{Format, Options, Writer};
use article_model::{Article, BlockKind};

fn sample(n: usize) -> Article {
    let mut a = Article::new();
    a.source = Some(format!("page-{n}.html"));
    a.metadata.title = Some("Harbour strike ends".into());
    a.push_paragraph(
        BlockKind::Paragraph,
        "Dockers voted to return to work.",
        None,
    );
    a.push_paragraph(BlockKind::Heading, "What next", None);
    a
}

#[test]
fn jsonl_is_one_record_per_line_and_reads_back() {
    let mut w = Writer::new(Vec::new(), Format::Jsonl, Options::default());
    for n in 0..3 {
        w.write(&sample(n)).unwrap();
    }
    let out = String::from_utf8(w.finish().unwrap()).unwrap();
    let lines: Vec<_> = out.lines().collect();
    assert_eq!(lines.len(), 3);
    for (n, line) in lines.iter().enumerate() {
        assert_eq!(Article::from_json(line).unwrap(), sample(n));
    }
}

#[test]
fn markdown_and_text() {
    let a = sample(0);
    let text = article_export::to_string(&a, Format::Text, &Options::default()).unwrap();
    assert_eq!(text, "Dockers voted to return to work.\n\nWhat next\n");
    let md = article_export::to_string(&a, Format::Markdown, &Options::default()).unwrap();
    assert!(md.starts_with("# Harbour strike ends\n\n"), "{md}");
    assert!(md.contains("\n## What next\n"), "{md}");
}

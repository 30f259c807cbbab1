use article_model::{
    Article, BlockKind, Cluster, DateMention, Entity, Label, OffsetIndex, OffsetUnit, Quote,
    Removed, RemovedKind, Span, SpeakerKind,
};
use proptest::prelude::*;

/// Paragraph texts: arbitrary Unicode made valid (trimmed, no blank line, non-empty).
fn paragraph_text() -> impl Strategy<Value = String> {
    "\\PC{1,40}".prop_filter_map("empty after cleaning", |s: String| {
        let t = s.replace("\n\n", "\n");
        let t = t.trim();
        (!t.is_empty()).then(|| t.to_owned())
    })
}

/// Non-overlapping, sorted char-boundary spans of `body`, from a list of cut points.
fn spans_from_cuts(body: &str, cuts: &[usize]) -> Vec<Span> {
    let boundaries: Vec<usize> = body
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(body.len()))
        .collect();
    let mut points: Vec<usize> = cuts
        .iter()
        .map(|c| boundaries[c % boundaries.len()])
        .collect();
    points.sort_unstable();
    points.dedup();
    points
        .chunks_exact(2)
        .map(|w| Span::new(w[0], w[1]))
        .collect()
}

fn article() -> impl Strategy<Value = Article> {
    (
        prop::collection::vec(paragraph_text(), 0..6),
        prop::collection::vec(any::<usize>(), 0..12),
        prop::collection::vec(any::<usize>(), 0..6),
        prop::option::of("\\PC{0,20}"),
    )
        .prop_map(|(paragraphs, entity_cuts, quote_cuts, title)| {
            let mut a = Article::new();
            a.metadata.title = title;
            a.source = Some("fixture".into());
            for (i, p) in paragraphs.iter().enumerate() {
                let kind = if i % 3 == 1 {
                    BlockKind::Heading
                } else {
                    BlockKind::Paragraph
                };
                let src = Some(Span::new(i * 10, i * 10 + 5));
                a.push_paragraph(kind, p, src);
            }
            let body = a.body().to_owned();
            let mut entities = Vec::new();
            let mut clusters: Vec<Cluster> = Vec::new();
            for (i, span) in spans_from_cuts(&body, &entity_cuts).into_iter().enumerate() {
                let label = Label::ALL[i % 4];
                let cluster = if i % 2 == 0 {
                    clusters.push(Cluster {
                        id: clusters.len(),
                        canonical: body[span.range()].to_owned(),
                        label,
                        mentions: 1,
                        first: span,
                        role: None,
                        affiliation: Some("x".into()),
                    });
                    Some(clusters.len() - 1)
                } else {
                    None
                };
                entities.push(Entity {
                    span,
                    label,
                    text: body[span.range()].to_owned(),
                    cluster,
                });
            }
            a.try_set_entities(entities, clusters.clone())
                .expect("valid entities");
            let quotes = spans_from_cuts(&body, &quote_cuts)
                .into_iter()
                .enumerate()
                .map(|(i, span)| Quote {
                    span,
                    text: body[span.range()].to_owned(),
                    speaker: Some(format!("speaker {i}")),
                    speaker_cluster: (!clusters.is_empty()).then_some(0),
                    speaker_kind: Some(SpeakerKind::Description),
                    scare: i % 2 == 0,
                })
                .collect();
            a.try_set_quotes(quotes).expect("valid quotes");
            let dates = spans_from_cuts(&body, &entity_cuts[..entity_cuts.len() / 2])
                .into_iter()
                .map(|span| DateMention {
                    span,
                    text: body[span.range()].to_owned(),
                    value: None,
                })
                .collect();
            a.try_set_dates(dates).expect("valid dates");
            a.removed.push(Removed::new(
                RemovedKind::Newsletter,
                "newsletter box",
                "Sign up",
                None,
            ));
            a
        })
}

proptest! {
    #[test]
    fn generated_articles_hold_invariants(a in article()) {
        prop_assert!(a.check_invariants().is_ok());
        for p in a.paragraphs() {
            prop_assert!(p.span().check_in(a.body()).is_ok());
        }
        for e in a.entities() {
            prop_assert!(e.span.check_in(a.body()).is_ok());
        }
    }

    #[test]
    fn serde_json_round_trip_is_identity(a in article()) {
        let json = serde_json::to_string(&a).unwrap();
        let back: Article = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(&back, &a);
        prop_assert_eq!(serde_json::to_string(&back).unwrap(), json);
    }

    #[test]
    fn every_unit_round_trips(a in article()) {
        for unit in [OffsetUnit::Char, OffsetUnit::Utf16, OffsetUnit::Byte] {
            let back = Article::from_record(a.to_record(unit).unwrap()).unwrap();
            prop_assert_eq!(&back, &a);
        }
    }

    #[test]
    fn char_offsets_slice_to_entity_text(a in article()) {
        let r = a.to_record(OffsetUnit::Char).unwrap();
        let chars: Vec<char> = r.body.chars().collect();
        for e in &r.entities {
            let text: String = chars[e.start..e.end].iter().collect();
            prop_assert_eq!(&text, &e.text);
        }
    }

    #[test]
    fn utf16_offsets_slice_to_entity_text(a in article()) {
        let r = a.to_record(OffsetUnit::Utf16).unwrap();
        let units: Vec<u16> = r.body.encode_utf16().collect();
        for e in &r.entities {
            let text = String::from_utf16(&units[e.start..e.end]).unwrap();
            prop_assert_eq!(&text, &e.text);
        }
    }

    #[test]
    fn byte_char_conversion_is_a_bijection_on_boundaries(text in "\\PC{0,60}") {
        let index = OffsetIndex::new(&text);
        // Oracle: char_indices.
        let boundaries: Vec<usize> = text.char_indices().map(|(b, _)| b)
            .chain(std::iter::once(text.len())).collect();
        prop_assert_eq!(index.char_len(), boundaries.len() - 1);
        for (c, &b) in boundaries.iter().enumerate() {
            prop_assert_eq!(index.byte_to_char(b).unwrap(), c);
            prop_assert_eq!(index.char_to_byte(c).unwrap(), b);
        }
        for b in 0..=text.len() + 1 {
            let on = text.is_char_boundary(b);
            prop_assert_eq!(index.byte_to_char(b).is_ok(), on);
        }
        prop_assert!(index.char_to_byte(boundaries.len()).is_err());
    }

    #[test]
    fn arbitrary_json_never_panics(s in "\\PC{0,200}") {
        let _ = Article::from_json(&s);
    }

    #[test]
    fn corrupted_records_fail_cleanly(a in article(), start in 0usize..200, end in 0usize..200) {
        let mut r = a.to_record(OffsetUnit::Char).unwrap();
        if let Some(e) = r.entities.first_mut() {
            e.start = start;
            e.end = end;
            // Either still valid (same text) or an error: never a panic.
            if let Ok(back) = Article::from_record(r) {
                prop_assert!(back.check_invariants().is_ok());
            }
        }
    }
}

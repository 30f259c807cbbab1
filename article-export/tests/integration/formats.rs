//! Format-level tests: the JSON Schema matches the record, offsets on emoji, combining
//! marks and CJK in every unit and format.

use article_export::{CsvRows, Format, Options, to_brat, to_string};
use article_model::{
    Article, BlockKind, Cluster, DateMention, Dateline, Entity, Label, OffsetUnit, Quote, Removed,
    RemovedKind, Span, SpeakerKind,
};

use crate::check;

/// An article with every field set, text with emoji (astral: 2 UTF-16 units, 1 char,
/// 4 bytes), combining marks (2 chars for one glyph) and CJK (1 char, 3 bytes).
fn full() -> Article {
    let mut a = Article::new();
    a.source = Some("pages/x.html".into());
    a.metadata.title = Some("Talks 😀".into());
    a.metadata.authors = vec!["Jane Doe".into()];
    a.metadata.published = Some("2020-07-16".into());
    a.metadata.language = Some("en".into());
    a.metadata.site_name = Some("Example News".into());
    a.metadata.url = Some("https://example.org/x".into());
    a.metadata.dateline = Some(Dateline {
        place: "TŌKYŌ".into(),
        text: "TŌKYŌ —".into(),
        agency: Some("AP".into()),
    });
    a.captions = vec!["A photo".into()];
    a.removed = vec![Removed::new(
        RemovedKind::Share,
        "share bar",
        "Share",
        Some(Span::new(10, 20)),
    )];
    a.push_paragraph(
        BlockKind::Paragraph,
        "😀👍🏽 Zoe\u{301} met 東京都知事 on Thursday. She said “we agree”.",
        Some(Span::new(100, 200)),
    );
    a.push_paragraph(BlockKind::Heading, "Zoe\u{301} again", None);
    let body = a.body().to_owned();
    let at = |s: &str, n: usize| {
        let start = body.match_indices(s).nth(n).unwrap().0;
        Span::new(start, start + s.len())
    };
    let zoe = "Zoe\u{301}";
    let entities = vec![
        Entity {
            span: at(zoe, 0),
            label: Label::Per,
            text: zoe.into(),
            cluster: Some(0),
        },
        Entity {
            span: at("東京都知事", 0),
            label: Label::Org,
            text: "東京都知事".into(),
            cluster: None,
        },
        Entity {
            span: at(zoe, 1),
            label: Label::Per,
            text: zoe.into(),
            cluster: Some(0),
        },
    ];
    let cluster = Cluster {
        id: 0,
        canonical: zoe.into(),
        label: Label::Per,
        mentions: 2,
        first: entities[0].span,
        role: Some("Minister".into()),
        affiliation: Some("Turkish".into()),
    };
    a.try_set_entities(entities, vec![cluster]).unwrap();
    a.try_set_quotes(vec![Quote {
        span: at("we agree", 0),
        text: "we agree".into(),
        speaker: Some(zoe.into()),
        speaker_cluster: Some(0),
        speaker_kind: Some(SpeakerKind::Entity),
        scare: false,
    }])
    .unwrap();
    a.try_set_dates(vec![DateMention {
        span: at("Thursday", 0),
        text: "Thursday".into(),
        value: Some("2020-07-16".into()),
    }])
    .unwrap();
    a
}

#[test]
fn offsets_on_emoji_combining_marks_and_cjk() {
    let a = full();
    // "😀👍🏽 " is 4 chars (😀, 👍, 🏽, space) and 7 UTF-16 units.
    // Zoé = Z o e U+0301: 4 chars at 4..8 (UTF-16 7..11). " met " then 東京都知事.
    let cases = [
        (OffsetUnit::Char, [(4, 8), (13, 18)]),
        (OffsetUnit::Utf16, [(7, 11), (16, 21)]),
    ];
    for (unit, want) in cases {
        let options = Options::default().offsets(unit);
        let json: serde_json::Value =
            serde_json::from_str(&to_string(&a, Format::Json, &options).unwrap()).unwrap();
        for (i, (s, e)) in want.iter().enumerate() {
            assert_eq!(json["entities"][i]["start"], *s, "{unit:?} json");
            assert_eq!(json["entities"][i]["end"], *e, "{unit:?} json");
        }
        let csv = to_string(&a, Format::Csv, &options.clone().csv_rows(CsvRows::Entity)).unwrap();
        let rows: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(
            rows[1],
            format!(
                "0,pages/x.html,Zoe\u{301},PER,{},{},0",
                want[0].0, want[0].1
            )
        );
        assert_eq!(
            rows[2],
            format!("0,pages/x.html,東京都知事,ORG,{},{},", want[1].0, want[1].1)
        );
        let brat = to_brat(&a, unit).unwrap();
        let first: Vec<&str> = brat.annotations().lines().take(2).collect();
        assert_eq!(
            first,
            [
                format!("T1\tPER {} {}\tZoe\u{301}", want[0].0, want[0].1),
                format!("T2\tORG {} {}\t東京都知事", want[1].0, want[1].1),
            ]
        );
    }
    check::check_all(&a).unwrap();
}

/// Keys of a JSON object, sorted.
fn keys(v: &serde_json::Value) -> Vec<String> {
    let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
    k.sort();
    k
}

fn required(schema: &serde_json::Value) -> Vec<String> {
    let mut k: Vec<String> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect();
    k.sort();
    k
}

#[test]
fn schema_lists_exactly_the_keys_we_write() {
    let schema: serde_json::Value = serde_json::from_str(article_export::JSON_SCHEMA).unwrap();
    let record: serde_json::Value =
        serde_json::from_str(&to_string(&full(), Format::Json, &Options::default()).unwrap())
            .unwrap();
    // Keys added after the first `article/1` records are written always but not required,
    // so records from earlier versions still validate.
    let added = [
        "published_source",
        "modified",
        "hostname",
        "description",
        "image",
        "tags",
        "categories",
        "license",
        "page_type",
        "comments",
    ];
    let mut always: Vec<String> = required(&schema);
    always.extend(added.iter().map(|k| (*k).to_owned()));
    always.sort();
    assert_eq!(always, keys(&record));
    let props = &schema["properties"];
    for key in added {
        assert!(props.get(key).is_some(), "{key} has no schema");
    }
    for layer in [
        "paragraphs",
        "removed",
        "entities",
        "clusters",
        "quotes",
        "dates",
    ] {
        let item = &record[layer][0];
        assert_eq!(required(&props[layer]["items"]), keys(item), "{layer}");
    }
    let dateline = props["dateline"]["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["type"] == "object")
        .unwrap();
    assert_eq!(required(dateline), keys(&record["dateline"]));
    check::validate_record(&record).unwrap();
}

#[test]
fn schema_rejects_what_is_not_a_record() {
    let good: serde_json::Value =
        serde_json::from_str(&to_string(&full(), Format::Json, &Options::default()).unwrap())
            .unwrap();
    let mut cases = Vec::new();
    let mut v = good.clone();
    v["schema"] = "article/2".into();
    cases.push(v);
    let mut v = good.clone();
    v.as_object_mut().unwrap().remove("body");
    cases.push(v);
    let mut v = good.clone();
    v["entities"][0]["label"] = "PERSON".into();
    cases.push(v);
    let mut v = good.clone();
    v["entities"][0]["start"] = (-1).into();
    cases.push(v);
    let mut v = good.clone();
    v["published"] = "16 July 2020".into();
    cases.push(v);
    for v in cases {
        assert!(check::validate_record(&v).is_err(), "{v}");
    }
    // New keys are allowed.
    let mut v = good;
    v["sentiment"] = 0.5.into();
    check::validate_record(&v).unwrap();
}

#[test]
fn tei_header_and_blocks() {
    let xml = to_string(&full(), Format::Tei, &Options::default()).unwrap();
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let find = |name: &str| {
        doc.descendants()
            .find(|n| n.has_tag_name(name))
            .and_then(|n| n.text())
            .map(str::to_owned)
    };
    assert_eq!(find("title").as_deref(), Some("Talks 😀"));
    assert_eq!(find("author").as_deref(), Some("Jane Doe"));
    assert_eq!(find("publisher").as_deref(), Some("Example News"));
    let date = doc.descendants().find(|n| n.has_tag_name("date")).unwrap();
    assert_eq!(date.attribute("when"), Some("2020-07-16"));
    assert!(
        doc.descendants()
            .any(|n| n.has_tag_name("idno") && n.text() == Some("pages/x.html"))
    );
    assert!(
        xml.contains("<persName key=\"c0\">Zoe\u{301}</persName>"),
        "{xml}"
    );
    assert!(xml.contains("<q>we agree</q>"), "{xml}");
    assert!(
        xml.contains("<head><persName key=\"c0\">Zoe\u{301}</persName> again</head>"),
        "{xml}"
    );
    assert!(
        xml.contains("<figure>\n          <head>A photo</head>"),
        "{xml}"
    );
    assert_eq!(
        doc.root_element().tag_name().namespace(),
        Some("http://www.tei-c.org/ns/1.0")
    );
}

#[test]
fn brat_relations_notes_and_coref() {
    let brat = to_brat(&full(), OffsetUnit::Char).unwrap();
    let ann = brat.annotations();
    assert!(ann.contains("\tQuotation "), "{ann}");
    assert!(
        ann.contains("\tAnnotatorNotes T4\tspeaker: Zoe\u{301}\n"),
        "{ann}"
    );
    assert!(ann.contains("R1\tSpeaker Arg1:T4 Arg2:T"), "{ann}");
    assert!(
        ann.contains("\tAnnotatorNotes T5\tvalue: 2020-07-16\n"),
        "{ann}"
    );
    assert!(ann.contains("*\tCoref T1 T3\n"), "{ann}");
    for line in article_export::BRAT_ANNOTATION_CONF.lines() {
        assert!(!line.starts_with(' '), "{line:?}");
    }
}

#[test]
fn brat_directory() {
    let dir = std::env::temp_dir().join(format!("article-export-brat-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    check::check_brat_dir(&full(), &dir).unwrap();
    assert!(dir.join("x.html.ann").exists());
    std::fs::remove_dir_all(&dir).unwrap();
}

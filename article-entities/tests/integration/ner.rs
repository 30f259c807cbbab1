use std::path::PathBuf;

use article_entities::{IobTag, Recognizer, sentences, tokenize};
use article_model::Label;

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// (text, label) of every mention the embedded model finds in `text`.
fn mentions(text: &str) -> Vec<(String, Label)> {
    Recognizer::default()
        .recognize(text)
        .iter()
        .map(|m| {
            (
                text[m.span().start()..m.span().end()].to_string(),
                m.label(),
            )
        })
        .collect()
}

#[test]
fn embedded_model_loads() {
    let r = Recognizer::embedded().unwrap();
    assert!(r.info().contains("CoNLL-2003"), "{}", r.info());
}

/// The committed model file is compressed exactly as the trainer writes it (so retraining
/// reproduces it byte for byte), and loads from its path as the embedded model does.
#[test]
fn committed_model_is_the_compressed_form() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("model/ner.model.lz4");
    let file = std::fs::read(&path).unwrap();
    let embedded = Recognizer::embedded().unwrap();
    assert_eq!(embedded.to_compressed_bytes(), file);
    let raw = embedded.to_bytes();
    assert!(raw.len() > file.len(), "{} {}", raw.len(), file.len());
    let loaded = Recognizer::from_path(&path).unwrap();
    assert_eq!(loaded.to_bytes(), raw);
    assert_eq!(Recognizer::from_bytes(&raw).unwrap().to_bytes(), raw);
    let text = "Turkish Defense Minister Hulusi Akar spoke in Ankara.";
    assert_eq!(loaded.recognize(text), embedded.recognize(text));
}

#[test]
fn simple_sentences() {
    let cases: &[(&str, &[(&str, Label)])] = &[
        (
            "Turkish Defense Minister Hulusi Akar spoke in Ankara on Thursday.",
            &[
                ("Turkish", Label::Misc),
                ("Hulusi Akar", Label::Per),
                ("Ankara", Label::Loc),
            ],
        ),
        (
            "The European Union and NATO met in Brussels.",
            &[
                ("European Union", Label::Org),
                ("NATO", Label::Org),
                ("Brussels", Label::Loc),
            ],
        ),
    ];
    for (text, want) in cases {
        let got = mentions(text);
        let want: Vec<(String, Label)> = want.iter().map(|(t, l)| (t.to_string(), *l)).collect();
        assert_eq!(got, want, "{text:?}");
    }
}

#[test]
fn no_mention_crosses_a_line_break() {
    let text = "Talks with John\nSmith ended.\n\nMaria\nLopez left Paris\nLondon.";
    for m in Recognizer::default().recognize(text) {
        let s = &text[m.span().start()..m.span().end()];
        assert!(!s.contains('\n'), "{s:?}");
    }
}

#[test]
fn all_caps_headline_and_typographic_text() {
    let got = mentions("PUTIN MEETS ERDOGAN IN MOSCOW\n\nRussia’s president said “yes.”");
    assert!(got.contains(&("MOSCOW".to_string(), Label::Loc)), "{got:?}");
    assert!(got.contains(&("Russia".to_string(), Label::Loc)), "{got:?}");
}

#[test]
fn tag_document_keeps_the_shape() {
    let doc = vec![
        vec!["Maria", "Gonzalez"],
        vec!["LISBON", "2024-03-14"],
        vec![],
    ];
    let tags = Recognizer::default().tag_document(&doc);
    assert_eq!(tags.iter().map(Vec::len).collect::<Vec<_>>(), [2, 2, 0]);
    assert_eq!(tags[0], [IobTag::B(Label::Per), IobTag::I(Label::Per)]);
    assert_eq!(tags[1][0], IobTag::B(Label::Loc));
    assert_eq!(tags[0][1].to_string(), "I-PER");
}

#[test]
fn recognize_tokens_agrees_with_recognize() {
    let text = "Angela Merkel met Emmanuel Macron in Berlin. Merkel spoke first.";
    let tokens = tokenize(text);
    let sents = sentences(text, &tokens);
    let r = Recognizer::default();
    assert_eq!(r.recognize(text), r.recognize_tokens(text, &tokens, &sents));
}

/// The people named in our own fixtures are found as PER.
#[test]
fn fixture_people_are_per() {
    let cases: &[(&str, &[&str])] = &[
        (
            "harbour-strike.txt",
            &[
                "Marta Keane",
                "Tomas Verhoeven",
                "Ingrid Sollie",
                "Helen Achebe",
            ],
        ),
        (
            "library-fire.txt",
            &[
                "Priya Raman",
                "Owen Hartley",
                "Eleanor Whitcombe",
                "Luis Ferreira",
            ],
        ),
        (
            "river-festival.txt",
            &["Jonas Lindqvist", "Ana Kostić", "Mira Dobrev"],
        ),
    ];
    for (file, people) in cases {
        let Ok(text) = std::fs::read_to_string(workspace().join("examples").join(file)) else {
            eprintln!("skipping: examples/{file} is absent");
            continue;
        };
        let got = mentions(&text);
        for p in *people {
            assert!(
                got.contains(&(p.to_string(), Label::Per)),
                "{file}: {p} not found as PER in {got:?}"
            );
        }
    }
}

/// Every person named in the seed article is found, and only as PER.
#[test]
fn seed_article_people_are_per() {
    let path = workspace().join("../shared/data/seed/massispost-2020-07-armenia-azerbaijan.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipping: {} is absent", path.display());
        return;
    };
    let got = mentions(&text);
    let people = [
        "Mevlut Cavusoglu",
        "Sergei Lavrov",
        "Recep Tayyip Erdogan",
        "Erdogan",
        "Hulusi Akar",
        "Akar",
        "Ramiz Tahirov",
        "Ismail Demir",
        "Demir",
        "Andrew",
    ];
    for p in people {
        assert!(
            got.contains(&(p.to_string(), Label::Per)),
            "{p} not found as PER"
        );
    }
    // and no person is tagged as anything else
    for (t, l) in &got {
        if people.contains(&t.as_str()) {
            assert_eq!(*l, Label::Per, "{t}");
        }
    }
}

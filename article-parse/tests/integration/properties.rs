#![allow(deprecated)] // the text grammar is tested through `text_blocks` (deprecated public API)
use article_parse::{Extractor, InputFormat, text_blocks};
use proptest::prelude::*;

/// The text with all white space removed (block text collapses and joins lines).
fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| {
            !c.is_whitespace()
                && !c.is_control()
                && !matches!(c, '\u{200b}' | '\u{200c}' | '\u{2060}' | '\u{feff}')
        })
        .collect()
}

fn text_extractor() -> Extractor {
    Extractor::builder().format(InputFormat::Text).build()
}

/// Dump-like text: lines of words, bullets, quotes, dashes, blank lines, CR/LF mixes.
fn dump_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("The".to_owned()),
        Just("minister".to_owned()),
        Just("said".to_owned()),
        Just("on Thursday".to_owned()),
        Just("MOSCOW \u{2014}".to_owned()),
        Just("By Jane Doe".to_owned()),
        Just("\u{201c}quoted\u{201d}".to_owned()),
        Just("Share".to_owned()),
        Just("Read more".to_owned()),
        Just("\u{2022} item".to_owned()),
        Just("16 July 2020".to_owned()),
        Just("\u{2026}".to_owned()),
        Just(".".to_owned()),
        Just(",".to_owned()),
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("\r".to_owned()),
        Just("\u{a0}".to_owned()),
        "\\PC{0,12}",
    ];
    prop::collection::vec(piece, 0..80).prop_map(|v| v.join(" "))
}

/// Clean article text: paragraphs of plain sentences.
fn clean_body() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        Just("the"),
        Just("council"),
        Just("said"),
        Just("that"),
        Just("it"),
        Just("would"),
        Just("meet"),
        Just("on"),
        Just("Monday"),
        Just("and"),
        Just("discuss"),
        Just("a"),
        Just("new"),
        Just("plan"),
        Just("for"),
        Just("river"),
        Just("with"),
        Just("residents"),
    ];
    let sentence = prop::collection::vec(word, 8..20).prop_map(|w| {
        let mut s = w.join(" ");
        if let Some(first) = s.get(..1) {
            s = first.to_uppercase() + &s[1..];
        }
        s + "."
    });
    let paragraph = prop::collection::vec(sentence, 2..5).prop_map(|s| s.join(" "));
    prop::collection::vec(paragraph, 1..8).prop_map(|p| p.join("\n\n"))
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        for format in [InputFormat::Auto, InputFormat::Html, InputFormat::Text] {
            let e = Extractor::builder().format(format).build();
            if let Ok(article) = e.extract(&bytes) {
                prop_assert!(article.check_invariants().is_ok());
                for p in article.paragraphs() {
                    if let Some(src) = p.source() {
                        prop_assert!(src.end() <= bytes.len());
                    }
                }
            }
        }
    }

    #[test]
    fn text_paragraphs_are_text_of_the_input(s in "\\PC{0,300}") {
        if let Ok(article) = text_extractor().extract(s.as_bytes()) {
            for p in article.paragraphs() {
                let src = p.source().expect("valid UTF-8 has exact sources");
                let original = &s[src.range()];
                // Only white space differs: runs collapse, wrapped lines are joined.
                prop_assert_eq!(squeeze(original), squeeze(article.paragraph_text(p)));
            }
        }
    }

    #[test]
    fn dump_paragraphs_are_text_of_the_input(s in dump_like()) {
        if let Ok(article) = text_extractor().extract(s.as_bytes()) {
            prop_assert!(article.check_invariants().is_ok());
            for p in article.paragraphs() {
                let src = p.source().expect("valid UTF-8 has exact sources");
                prop_assert_eq!(squeeze(&s[src.range()]), squeeze(article.paragraph_text(p)));
            }
            for r in &article.removed {
                if let Some(src) = r.source {
                    prop_assert!(src.end() <= s.len());
                    prop_assert!(s.is_char_boundary(src.start()) && s.is_char_boundary(src.end()));
                }
            }
        }
    }

    #[test]
    fn lossy_input_sources_point_at_the_text(
        bytes in prop::collection::vec(prop_oneof![Just(b'a'), Just(b' '), Just(b'\n'), Just(0xffu8), Just(0xe2u8), Just(b'.')], 0..400)
    ) {
        if let Ok(article) = text_extractor().extract(&bytes) {
            for p in article.paragraphs() {
                let src = p.source().expect("lossy input still has sources");
                let original = String::from_utf8_lossy(&bytes[src.range()]);
                prop_assert_eq!(squeeze(&original), squeeze(article.paragraph_text(p)));
            }
        }
    }

    #[test]
    fn extraction_is_deterministic(s in dump_like()) {
        let e = text_extractor();
        prop_assert_eq!(e.extract(s.as_bytes()), e.extract(s.as_bytes()));
    }

    #[test]
    fn clean_bodies_parse_back_to_themselves(body in clean_body()) {
        let article = text_extractor().extract(body.as_bytes()).unwrap();
        prop_assert_eq!(article.body(), body.as_str());
        let again = text_extractor().extract(article.body().as_bytes()).unwrap();
        prop_assert_eq!(again.body(), article.body());
    }

    #[test]
    fn blocks_cover_every_non_blank_line(s in dump_like()) {
        let blocks = text_blocks(&s);
        let joined: String = blocks.iter().map(|b| squeeze(b.text())).collect();
        let bullets = ['\u{2022}', '-', '*', '·', '◦', '▪', '▫', '‣', '∙', '●', '○', '■', '□', '►', '▸'];
        let want: String = squeeze(&s).chars().filter(|c| !bullets.contains(c)).collect();
        let got: String = joined.chars().filter(|c| !bullets.contains(c)).collect();
        prop_assert_eq!(got, want);
    }
}

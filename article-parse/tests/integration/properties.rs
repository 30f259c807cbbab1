use article_parse::{Extractor, InputFormat};
use proptest::prelude::*;

/// The text with all white space removed (block text collapses and joins lines).
fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| {
            !c.is_whitespace() && !matches!(c, '\u{200b}' | '\u{200c}' | '\u{2060}' | '\u{feff}')
        })
        .collect()
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
        let e = Extractor::builder().format(InputFormat::Text).build();
        if let Ok(article) = e.extract(s.as_bytes()) {
            for p in article.paragraphs() {
                let src = p.source().expect("valid UTF-8 has exact sources");
                let original = &s[src.range()];
                // Only white space differs: runs collapse, wrapped lines are joined.
                prop_assert_eq!(squeeze(original), squeeze(article.paragraph_text(p)));
            }
        }
    }
}

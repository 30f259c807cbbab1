//! Photo captions and credits: `... – archive photo`, `Photo: ...`, `(AP Photo/...)`,
//! `Getty Images`, `Image credit: ...`.
//!
//! ```text
//! caption = credit_label sp? ":"? sp rest          ("Photo:", "Image credit:", "Credit:")
//!         | ... sep photo_word sp? "photo"?        ("– archive photo", "- file photo")
//!         | ... "(" agency_word " Photo" ...       ("(AP Photo/Jane Doe)")
//!         | ... agency credit at the end           ("Getty Images", "Shutterstock")
//! ```

use nom::{Parser, branch::alt};

use super::lexemes::{Res, itag};
use super::scan;

/// `credit_label`: the word(s) that open a credit or caption line.
fn credit_label(i: &str) -> Res<'_, &str> {
    // The labels in order, grouped by first letter (a label of another letter cannot
    // match, so the first that matches is the same).
    match i.as_bytes().first().map(u8::to_ascii_lowercase) {
        Some(b'p') => alt((
            itag("photo credit"),
            itag("picture credit"),
            itag("photograph"),
            itag("photo"),
            itag("picture"),
            itag("pictured:"),
        ))
        .parse(i),
        Some(b'i') => alt((
            itag("image credit"),
            itag("image copyright"),
            itag("image caption"),
            itag("image source"),
            itag("image"),
        ))
        .parse(i),
        Some(b'c') => alt((itag("credit"), itag("caption"))).parse(i),
        Some(b's') => itag("source: getty")(i),
        Some(b'f') => alt((itag("foto"), itag("file photo"))).parse(i),
        Some(b'a') => itag("above:")(i),
        _ => super::lexemes::fail(i),
    }
}

/// Endings that mark a caption: a credit or a photo note.
const CREDIT_ENDINGS: &[&str] = &[
    "archive photo",
    "file photo",
    "photo",
    "getty images",
    "shutterstock",
    "afp",
    "ap photo",
    "reuters",
    "photo)",
    "/ap)",
    "/afp)",
    "/reuters)",
    "images)",
    "handout",
    "supplied",
    "screenshot",
    "(illustration)",
];

/// Phrases that mark a credit anywhere in a short block.
pub(super) const CREDIT_INSIDE: &[&str] = &[
    "(ap photo",
    "(photo:",
    "(photo by",
    "(image:",
    "(image credit",
    "(credit:",
    "photo by ",
    "photograph by",
    "photo credit",
    "getty images",
    "(reuters/",
    "reuters/",
    "/getty",
    "via getty",
    "shutterstock",
    "afp via",
    "| photo",
    "| image",
    "credit...",
    "image copyright",
    "image caption",
    " credit: ",
    "(pictured)",
];

/// Recognises a caption or credit block; returns the reason.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn caption(text: &str) -> Option<&'static str> {
    caption_with(text, || scan::any_match(credit_inside(), text.as_bytes()))
}

/// [`caption`], told by `credit_inside` whether the text contains a credit phrase
/// (asked last, only when nothing else decided).
pub(crate) fn caption_with(
    text: &str,
    credit_inside: impl FnOnce() -> bool,
) -> Option<&'static str> {
    if text.len() > 400 {
        return None;
    }
    let first = text.as_bytes().first().map(u8::to_ascii_lowercase);
    let label = matches!(first, Some(b'p' | b'i' | b'c' | b's' | b'f' | b'a'));
    let labelled = label
        .then(|| credit_label(text))
        .and_then(Result::ok)
        // The label is a whole word ("Photos", "photography" are not labels).
        .filter(|(rest, _)| !rest.chars().next().is_some_and(char::is_alphanumeric));
    if let Some((rest, _)) = labelled {
        let rest = rest.trim_start();
        if rest.starts_with([':', '|', '©', '-', '–']) || text.len() < 24 {
            return Some("photo caption or credit label");
        }
        if rest.is_empty() {
            return Some("photo label");
        }
    }
    let trimmed = text.trim_end_matches(['.', ' ', ')']);
    // Every ending ends in one of these letters: most blocks skip the table.
    let last = trimmed.as_bytes().last().map(u8::to_ascii_lowercase);
    let endings = if matches!(last, Some(b'o' | b's' | b'k' | b'p' | b't' | b'd' | b'n')) {
        CREDIT_ENDINGS
    } else {
        &[]
    };
    for end in endings {
        let end = end.trim_end_matches(')');
        let Some(at) = trimmed.len().checked_sub(end.len()) else {
            continue;
        };
        if !trimmed.as_bytes()[at..].eq_ignore_ascii_case(end.as_bytes()) {
            continue;
        }
        // The matched bytes are ASCII, so `at` is a char boundary.
        let before = trimmed.get(..at).unwrap_or("").trim_end();
        if before.ends_with(['–', '—', '-', '|', '/', ':', '(', '©'])
            || before.len() >= 7
                && before.as_bytes()[before.len() - 7..].eq_ignore_ascii_case(b"archive")
            || before.len() >= 4
                && before.as_bytes()[before.len() - 4..].eq_ignore_ascii_case(b"file")
        {
            return Some("ends with a photo credit");
        }
    }
    if credit_inside() {
        return Some("contains a photo credit");
    }
    None
}

/// All `CREDIT_INSIDE` phrases in one automaton (ASCII case insensitive).
#[cfg_attr(not(test), allow(dead_code))]
fn credit_inside() -> &'static scan::Dfa {
    static DFA: std::sync::OnceLock<scan::Dfa> = std::sync::OnceLock::new();
    DFA.get_or_init(|| scan::Dfa::new(CREDIT_INSIDE, false))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caption_table() {
        let cases: &[(&str, bool)] = &[
            (
                "Harbour Minister Anna Berg and Mayor Tomas Verhoeven of Port Alder – archive photo",
                true,
            ),
            ("Photo: Gene J. Puskar", true),
            ("(Image credit: All About Space)", true),
            ("Image credit: WeWork", true),
            ("Container cranes stood idle. (Photo: Ledger staff)", true),
            ("President speaks. (AP Photo/Evan Vucci)", true),
            ("A man walks past. Getty Images", true),
            ("Image copyright Getty Images", true),
            ("Credit... Doug Mills/The New York Times", true),
            ("Photo", true),
            ("Photos", false),
            ("photography", false),
            (
                "The photo showed the minister smiling as he left the building.",
                false,
            ),
            ("Photographers gathered outside.", false),
            (
                "Reuters reported the deal on Monday, citing sources.",
                false,
            ),
        ];
        for (input, want) in cases {
            assert_eq!(caption(input).is_some(), *want, "{input:?}");
        }
    }

    /// The credit phrases found by the boilerplate scan are the ones of the caption's
    /// own automaton, whatever the block (dev dump lines when `../shared` is there).
    #[test]
    fn shared_scan_finds_the_same_credits() {
        let mut texts: Vec<String> = [
            "(AP Photo/Evan Vucci)",
            "## (photo: x) ]",
            "Share this (Reuters/Jane Doe) cookie",
            "Getty Images",
            "[Copyright 2020 Getty] image caption",
            "Photo | ©",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        texts.push(format!("{} via getty", "#".repeat(1300)));
        texts.push(format!("{} credit: x", "a".repeat(500)));
        texts.extend(crate::test_data::dev_dump_lines());
        for t in &texts {
            let want = scan::any_match(credit_inside(), t.as_bytes());
            let (bp, got) = super::super::boilerplate::boilerplate_and_credit(t, true);
            assert_eq!(got, want, "{t:?}");
            assert_eq!(bp, super::super::boilerplate(t), "{t:?}");
        }
    }
}

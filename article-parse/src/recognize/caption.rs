//! Photo captions and credits: `... – archive photo`, `Photo: ...`, `(AP Photo/...)`,
//! `Getty Images`, `Image credit: ...`.
//!
//! ```text
//! caption = credit_label sp? ":"? sp rest          ("Photo:", "Image credit:", "Credit:")
//!         | ... sep photo_word sp? "photo"?        ("– archive photo", "- file photo")
//!         | ... "(" agency_word " Photo" ...       ("(AP Photo/Jane Doe)")
//!         | ... agency credit at the end           ("Getty Images", "Shutterstock")
//! ```

use nom::{Parser, branch::alt, bytes::complete::tag_no_case};

use super::words::Res;

/// `credit_label`: the word(s) that open a credit or caption line.
fn credit_label(i: &str) -> Res<'_, &str> {
    alt((
        tag_no_case("photo credit"),
        tag_no_case("image credit"),
        tag_no_case("image copyright"),
        tag_no_case("image caption"),
        tag_no_case("image source"),
        tag_no_case("picture credit"),
        tag_no_case("photograph"),
        tag_no_case("photo"),
        tag_no_case("image"),
        tag_no_case("picture"),
        tag_no_case("credit"),
        tag_no_case("source: getty"),
        tag_no_case("caption"),
        tag_no_case("foto"),
        tag_no_case("above:"),
        tag_no_case("pictured:"),
        tag_no_case("file photo"),
    ))
    .parse(i)
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
const CREDIT_INSIDE: &[&str] = &[
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
];

/// Recognises a caption or credit block; returns the reason.
pub(crate) fn caption(text: &str) -> Option<&'static str> {
    if text.len() > 400 {
        return None;
    }
    if let Ok((rest, _)) = credit_label(text) {
        let rest = rest.trim_start();
        if rest.starts_with([':', '|', '©', '-', '–']) || text.len() < 24 {
            return Some("photo caption or credit label");
        }
        if rest.is_empty() {
            return Some("photo label");
        }
    }
    let lower = text.to_lowercase();
    let trimmed = lower.trim_end_matches(['.', ' ', ')']);
    for end in CREDIT_ENDINGS {
        let end_trim = end.trim_end_matches(')');
        if let Some(before) = trimmed.strip_suffix(end_trim) {
            let before = before.trim_end();
            if before.ends_with(['–', '—', '-', '|', '/', ':', '(', '©'])
                || (before.ends_with("archive") || before.ends_with("file"))
            {
                return Some("ends with a photo credit");
            }
        }
    }
    if CREDIT_INSIDE.iter().any(|p| lower.contains(p)) {
        return Some("contains a photo credit");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caption_table() {
        let cases: &[(&str, bool)] = &[
            (
                "Turkish Foreign Minister Mevlut Cavusoglu and Russian Foreign Minister Sergei Lavrov – archive photo",
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
}

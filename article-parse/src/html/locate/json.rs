//! The JSON-LD `articleBody` as evidence: which blocks of the page it holds.

use std::collections::HashSet;

use super::super::builder::Doc;

/// Per block, the share of its word 4-grams found in `json_body` (all 0 without one).
pub(super) fn coverage(doc: &Doc<'_>, json_body: Option<&str>) -> Vec<f32> {
    let json = json_body.map(ShingleSet::new);
    doc.blocks
        .iter()
        .map(|b| json.as_ref().map_or(0.0, |j| j.coverage(&b.text)))
        .collect()
}

/// Non-space chars of the JSON-LD body (0 without one).
pub(super) fn body_len(json_body: Option<&str>) -> usize {
    json_body.map_or(0, |j| j.chars().filter(|c| !c.is_whitespace()).count())
}

/// A full JSON-LD body, not a teaser ("...", "…" at the end, or short).
pub(super) fn is_full(json_body: Option<&str>) -> bool {
    json_body.is_some_and(|j| {
        let j = j.trim_end();
        j.len() >= 1500 && !j.ends_with('…') && !j.ends_with("...") && !j.ends_with("&hellip;")
    })
}

/// Word 4-gram set of a text (the JSON-LD body), to test blocks against.
struct ShingleSet {
    set: HashSet<u64>,
}

fn words_of(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric() && c != '_')
        .filter(|w| !w.is_empty())
}

fn hash_words(w: &[&str]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    w.hash(&mut h);
    h.finish()
}

impl ShingleSet {
    fn new(text: &str) -> ShingleSet {
        let words: Vec<&str> = words_of(text).collect();
        let set = words.windows(4).map(hash_words).collect();
        ShingleSet { set }
    }

    /// Share of the text's 4-grams found in the set (0 for texts under 4 words).
    fn coverage(&self, text: &str) -> f32 {
        let words: Vec<&str> = words_of(text).collect();
        if words.len() < 4 || self.set.is_empty() {
            return 0.0;
        }
        let total = words.len() - 3;
        let hit = words
            .windows(4)
            .filter(|w| self.set.contains(&hash_words(w)))
            .count();
        hit as f32 / total as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shingle_coverage_table() {
        let set = ShingleSet::new("The council voted on Tuesday to close the old harbour bridge.");
        let cases: &[(&str, f32)] = &[
            ("The council voted on Tuesday", 1.0),
            ("the council voted on Tuesday", 0.5),
            ("The council voted", 0.0),
            ("Shops welcomed the extra trade", 0.0),
            ("voted on Tuesday to close, and then", 0.5),
        ];
        for &(text, want) in cases {
            assert!((set.coverage(text) - want).abs() < 1e-6, "{text}");
        }
        assert_eq!(ShingleSet::new("too short").coverage("a b c d e"), 0.0);
    }

    #[test]
    fn full_body_and_length() {
        let long = "word ".repeat(400);
        let cases: &[(Option<&str>, bool)] = &[
            (None, false),
            (Some("short body"), false),
            (Some(long.as_str()), true),
            (Some(&*format!("{long}more...")), false),
            (Some(&*format!("{long}more…  ")), false),
            (Some(&*format!("{long}more&hellip;")), false),
        ];
        for (body, want) in cases {
            assert_eq!(
                is_full(*body),
                *want,
                "{:?}",
                body.map(|b| &b[b.len() - 10..])
            );
        }
        assert_eq!(body_len(Some(" a b\nc ")), 3);
        assert_eq!(body_len(None), 0);
    }
}

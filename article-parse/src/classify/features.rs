//! Features of a block and its neighbours, for the block classifier.
//!
//! Everything is computed in one pass over each block's text plus a constant-size window
//! of neighbours, so the whole page costs time linear in its size.

use std::collections::HashMap;

use article_model::Dateline;

use super::lang::{Fnv, Language};
use crate::block::{Block, BlockHint};
use crate::recognize::{self, Boilerplate};

/// The shape of a block's text, counted in one pass.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Shape {
    pub chars: u32,
    pub words: u32,
    pub stop: u32,
    pub cap_words: u32,
    pub alpha_words: u32,
    pub letters: u32,
    pub upper: u32,
    pub lower: u32,
    pub digits: u32,
    pub commas: u32,
    pub sentence_ends: u32,
    pub separators: u32,
    pub terminal: bool,
    pub truncated: bool,
    pub starts_quote: bool,
    pub url_like: bool,
}

/// Opening quote marks of many scripts.
fn is_open_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '”'
            | '„'
            | '‟'
            | '«'
            | '»'
            | '‘'
            | '‚'
            | '‹'
            | '›'
            | '「'
            | '『'
            | '〝'
            | '＂'
    )
}

/// Closing punctuation that may follow a sentence end.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '›' | '」' | '』' | ')' | ']' | '〞' | '＂' | '*'
    )
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '。' | '！' | '？' | '؟' | '।' | '։')
}

impl Shape {
    /// Counts the shape of `text`; stopwords from `lang`.
    pub(crate) fn of(text: &str, lang: &Language) -> Shape {
        let mut s = Shape::default();
        let mut word_start: Option<usize> = None;
        let mut prev = ' ';
        let check_stop = !lang.stopwords.is_empty();
        let mut buf = [0u8; 24];
        let mut end_word = |s: &mut Shape, w: &str| {
            s.words += 1;
            let first = w.chars().next().unwrap_or(' ');
            if first.is_alphabetic() {
                s.alpha_words += 1;
                if first.is_uppercase() {
                    s.cap_words += 1;
                }
            }
            if check_stop && w.len() <= buf.len() {
                let hit = if w.is_ascii() {
                    let b = &mut buf[..w.len()];
                    b.copy_from_slice(w.as_bytes());
                    b.make_ascii_lowercase();
                    std::str::from_utf8(b).is_ok_and(|l| lang.stopwords.contains(l))
                } else {
                    lang.stopwords.contains(w.to_lowercase().as_str())
                };
                if hit {
                    s.stop += 1;
                }
            }
        };
        for (i, c) in text.char_indices() {
            s.chars += 1;
            let word_char = c.is_alphanumeric();
            if word_char {
                if word_start.is_none() {
                    word_start = Some(i);
                }
                if c.is_alphabetic() {
                    s.letters += 1;
                    if c.is_uppercase() {
                        s.upper += 1;
                    } else if c.is_lowercase() {
                        s.lower += 1;
                    }
                } else if c.is_ascii_digit() {
                    s.digits += 1;
                }
            } else {
                if let Some(ws) = word_start.take() {
                    end_word(&mut s, &text[ws..i]);
                }
                match c {
                    ',' | '،' | '、' | '，' => s.commas += 1,
                    '|' | '•' | '·' | '»' | '›' | '/' => s.separators += 1,
                    _ => {}
                }
                if c.is_whitespace() && is_sentence_end(prev) {
                    s.sentence_ends += 1;
                }
                if c == '@' {
                    s.url_like = true;
                }
            }
            prev = c;
        }
        if let Some(ws) = word_start {
            end_word(&mut s, &text[ws..]);
        }
        let trimmed = text.trim_end_matches(is_closer);
        let last = trimmed.chars().next_back().unwrap_or(' ');
        s.truncated = trimmed.ends_with('…') || trimmed.ends_with("...");
        s.terminal = !s.truncated && is_sentence_end(last);
        if s.terminal {
            s.sentence_ends += 1;
        }
        s.starts_quote = text.chars().next().is_some_and(is_open_quote);
        if !s.url_like {
            s.url_like = text.contains("http://")
                || text.contains("https://")
                || text.contains("www.")
                || text.contains(".com");
        }
        s
    }

    /// Whether the block reads like running prose.
    pub(crate) fn is_prose(&self) -> bool {
        self.words >= 15 && self.terminal
    }
}

/// What the recognisers found in a block.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Hits {
    pub boilerplate: Option<Boilerplate>,
    pub caption: Option<&'static str>,
    pub byline: Option<Vec<String>>,
    pub timestamp: Option<recognize::Timestamp>,
    pub dateline: Option<Dateline>,
    pub name_line: bool,
}

impl Hits {
    /// Runs every recogniser on `text` (short blocks only for most of them).
    pub(crate) fn of(text: &str) -> Hits {
        let short = text.len() <= 400;
        Hits {
            boilerplate: recognize::boilerplate(text),
            caption: if short {
                recognize::caption(text)
            } else {
                None
            },
            byline: if short { recognize::byline(text) } else { None },
            timestamp: if short {
                recognize::timestamp(text)
            } else {
                None
            },
            dateline: recognize::dateline(text),
            name_line: short && recognize::is_name_line(text),
        }
    }
}

/// Everything the classifier knows about one block.
#[derive(Clone, Debug, Default)]
pub(crate) struct BlockInfo {
    pub shape: Shape,
    pub hits: Hits,
    /// How many blocks of the page have the same text.
    pub copies: u32,
}

/// Computes shapes, recogniser hits and duplicate counts for all blocks.
pub(crate) fn infos(blocks: &[Block], lang: &Language) -> Vec<BlockInfo> {
    let mut counts: HashMap<&str, u32, std::hash::BuildHasherDefault<Fnv>> = HashMap::default();
    for b in blocks {
        *counts.entry(b.text()).or_insert(0) += 1;
    }
    blocks
        .iter()
        .map(|b| BlockInfo {
            shape: Shape::of(b.text(), lang),
            hits: Hits::of(b.text()),
            copies: counts.get(b.text()).copied().unwrap_or(1),
        })
        .collect()
}

/// Names of the features, in order (for training reports).
pub(crate) const FEATURE_NAMES: &[&str] = &[
    "bias",
    "ln_words",
    "ln_chars",
    "stop_ratio",
    "has_stoplist",
    "terminal",
    "truncated",
    "ln_sentences",
    "comma_ratio",
    "titlecase_ratio",
    "digit_ratio",
    "separators",
    "list_item",
    "starts_quote",
    "all_caps",
    "url_like",
    "bp_strong",
    "bp_inside",
    "bp_header",
    "caption",
    "byline",
    "timestamp",
    "dateline",
    "duplicate",
    "relpos",
    "first_block",
    "tight_before",
    "tight_after",
    "prev_ln_words",
    "next_ln_words",
    "near_stop_ratio",
    "near_prose",
    "under_header",
    "prev_prose",
    "next_prose",
    "words_lt4",
    "words_lt10",
    "words_ge30",
    "heading_hint",
    "link_density",
    "has_link_density",
    "class_negative",
    "class_positive",
    "name_line",
    "prose",
    "title_echo",
];

/// Number of features.
pub(crate) const N_FEATURES: usize = FEATURE_NAMES.len();

/// Class and id words of HTML blocks that suggest boilerplate.
const NEGATIVE_CLASS: &[&str] = &[
    "nav",
    "menu",
    "footer",
    "header",
    "sidebar",
    "aside",
    "related",
    "comment",
    "comments",
    "share",
    "social",
    "ad",
    "ads",
    "advert",
    "promo",
    "newsletter",
    "subscribe",
    "cookie",
    "banner",
    "breadcrumb",
    "widget",
    "recommended",
    "popular",
    "teaser",
    "tags",
];
/// Class and id words of HTML blocks that suggest the article body.
const POSITIVE_CLASS: &[&str] = &[
    "article",
    "content",
    "body",
    "story",
    "post",
    "entry",
    "text",
    "main",
    "paragraph",
];

fn ln1(x: u32) -> f32 {
    (1.0 + x as f32).ln()
}

fn ratio(a: u32, b: u32) -> f32 {
    if b == 0 { 0.0 } else { a as f32 / b as f32 }
}

/// Whether `text` repeats the page's first block (the `<title>`) or most of it.
fn echoes_title(text: &str, title: &str) -> bool {
    text.len() >= 8 && text.len() < 300 && text != title && title.starts_with(text)
        || (text.len() >= 8 && title.contains(text) && text.len() * 2 >= title.len())
}

/// The feature vectors of all blocks.
pub(crate) fn vectors(
    blocks: &[Block],
    infos: &[BlockInfo],
    lang: &Language,
) -> Vec<[f32; N_FEATURES]> {
    let n = blocks.len();
    let has_stoplist = !lang.stopwords.is_empty();
    let title = blocks.first().map_or("", Block::text);
    let ln_words: Vec<f32> = infos.iter().map(|i| ln1(i.shape.words)).collect();
    let stop_ratio: Vec<f32> = infos
        .iter()
        .map(|i| ratio(i.shape.stop, i.shape.words))
        .collect();
    let prose: Vec<bool> = infos.iter().map(|i| i.shape.is_prose()).collect();
    let mut out = Vec::with_capacity(n);
    // Whether a section header was seen with no prose block since.
    let mut under_header = false;
    for k in 0..n {
        let b = &blocks[k];
        let info = &infos[k];
        let s = &info.shape;
        let h = &info.hits;
        let window = |lo: usize, hi: usize, f: &dyn Fn(usize) -> f32| -> f32 {
            let mut sum = 0.0;
            let mut cnt = 0.0;
            for j in lo..hi {
                if j != k {
                    sum += f(j);
                    cnt += 1.0;
                }
            }
            if cnt > 0.0 { sum / cnt } else { 0.0 }
        };
        let prev_ln = window(k.saturating_sub(2), k, &|j| ln_words[j]);
        let next_ln = window(k + 1, (k + 3).min(n), &|j| ln_words[j]);
        let near_stop = window(k.saturating_sub(2), (k + 3).min(n), &|j| stop_ratio[j]);
        let near_prose = window(k.saturating_sub(3), (k + 4).min(n), &|j| {
            if prose[j] { 1.0 } else { 0.0 }
        });
        let bp = h.boilerplate;
        let class_words = b.class_words();
        let class_neg = class_words
            .iter()
            .any(|w| NEGATIVE_CLASS.contains(&w.as_str()));
        let class_pos = class_words
            .iter()
            .any(|w| POSITIVE_CLASS.contains(&w.as_str()));
        let heading = matches!(b.hint(), BlockHint::Heading(_) | BlockHint::DocumentTitle);
        let x = [
            1.0,
            ln_words[k],
            ln1(s.chars),
            stop_ratio[k],
            f32::from(u8::from(has_stoplist)),
            f32::from(u8::from(s.terminal)),
            f32::from(u8::from(s.truncated)),
            ln1(s.sentence_ends),
            ratio(s.commas, s.words),
            ratio(s.cap_words, s.alpha_words),
            ratio(s.digits, s.chars),
            ln1(s.separators),
            f32::from(u8::from(b.hint() == BlockHint::ListItem)),
            f32::from(u8::from(s.starts_quote)),
            f32::from(u8::from(s.letters >= 4 && s.lower == 0)),
            f32::from(u8::from(s.url_like)),
            f32::from(u8::from(bp.is_some_and(|b| !b.inside))),
            f32::from(u8::from(bp.is_some_and(|b| b.inside))),
            f32::from(u8::from(bp.is_some_and(|b| b.header))),
            f32::from(u8::from(h.caption.is_some())),
            f32::from(u8::from(h.byline.is_some())),
            f32::from(u8::from(h.timestamp.is_some())),
            f32::from(u8::from(h.dateline.is_some())),
            f32::from(u8::from(info.copies > 1)),
            if n > 1 {
                k as f32 / (n - 1) as f32
            } else {
                0.0
            },
            f32::from(u8::from(k == 0)),
            f32::from(u8::from(b.is_tight_before())),
            f32::from(u8::from(b.is_tight_after())),
            prev_ln,
            next_ln,
            near_stop,
            near_prose,
            f32::from(u8::from(under_header)),
            f32::from(u8::from(k > 0 && prose[k - 1])),
            f32::from(u8::from(k + 1 < n && prose[k + 1])),
            f32::from(u8::from(s.words < 4)),
            f32::from(u8::from(s.words < 10)),
            f32::from(u8::from(s.words >= 30)),
            f32::from(u8::from(heading)),
            b.link_density().unwrap_or(0.0),
            f32::from(u8::from(b.link_density().is_some())),
            f32::from(u8::from(class_neg)),
            f32::from(u8::from(class_pos)),
            f32::from(u8::from(h.name_line)),
            f32::from(u8::from(prose[k])),
            f32::from(u8::from(k > 0 && echoes_title(b.text(), title))),
        ];
        out.push(x);
        if bp.is_some_and(|b| b.header) {
            under_header = true;
        } else if prose[k] {
            under_header = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shape_counts() {
        let lang = Language::default();
        let s = Shape::of("“Hello, World.” He said… no. Really?", &lang);
        assert_eq!(s.words, 6);
        assert_eq!(s.cap_words, 4);
        assert_eq!(s.commas, 1);
        assert!(s.terminal && !s.truncated && s.starts_quote);
        let t = Shape::of("Together for Artsakh is a message for those who…", &lang);
        assert!(t.truncated && !t.terminal);
    }

    #[test]
    fn feature_names_match_vectors() {
        let blocks: Vec<Block> = [
            "Talks in Moscow | Site",
            "Talks in Moscow",
            "Some text here.",
        ]
        .iter()
        .filter_map(|t| Block::new(t, None))
        .collect();
        let lang = Language::default();
        let infos = infos(&blocks, &lang);
        let v = vectors(&blocks, &infos, &lang);
        assert_eq!(v.len(), 3);
        assert_eq!(v[0].len(), N_FEATURES);
        let echo = FEATURE_NAMES
            .iter()
            .position(|n| *n == "title_echo")
            .unwrap();
        assert_eq!(v[1][echo], 1.0);
        assert_eq!(v[2][echo], 0.0);
    }
}

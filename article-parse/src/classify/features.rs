//! Features of a block and its neighbours, for the block classifier.
//!
//! Everything is computed in one pass over each block's text plus a constant-size window
//! of neighbours, so the whole page costs time linear in its size.

use std::collections::HashMap;

use article_model::Dateline;

use super::lang::Language;
use super::shape::Shape;
use crate::block::{Block, BlockHint};
use crate::recognize::{self, Boilerplate};

/// What the recognisers found in a block.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Hits {
    pub boilerplate: Option<Boilerplate>,
    pub caption: Option<&'static str>,
    pub byline: Option<Vec<String>>,
    pub timestamp: Option<Box<recognize::Timestamp>>,
    pub dateline: Option<Box<Dateline>>,
    pub name_line: bool,
    pub author_bio: bool,
}

impl Hits {
    /// Runs the recognisers on `text`, each only when the block's shape allows a hit
    /// (a timestamp needs a digit, a name line capitalised words, ...), so most blocks
    /// cost one boilerplate scan and a few byte checks.
    pub(crate) fn of(text: &str, shape: &Shape) -> Hits {
        let len = text.len();
        let short = len <= 400;
        let bytes = text.as_bytes();
        let first_upper = text.chars().next().is_some_and(char::is_uppercase);
        let head = &bytes[..len.min(160)];
        let has_sep = memchr::memchr3(b'|', b'-', b'/', head).is_some()
            || memchr::memchr2(b':', 0xe2, head).is_some();
        let (boilerplate, credit) = recognize::boilerplate_and_credit(text, short);
        let byline = if len <= 160
            && (has_sep
                || len <= 32
                || matches!(
                    bytes.first(),
                    Some(b'B' | b'b' | b'W' | b'R' | b'V' | b'P' | b'D' | b'A' | b'O' | b'C')
                )) {
            recognize::byline(text)
        } else {
            None
        };
        Hits {
            boilerplate,
            caption: if short {
                recognize::caption_with(text, || credit)
            } else {
                None
            },
            byline,
            // A date needs a day and a four-digit year (or an ISO date's eight digits).
            timestamp: if short && shape.digits >= 5 {
                recognize::timestamp(text).map(Box::new)
            } else {
                None
            },
            dateline: if first_upper && has_sep {
                recognize::dateline(text).map(Box::new)
            } else {
                None
            },
            name_line: len <= 48
                && (2..=4).contains(&shape.words)
                && shape.cap_words == shape.words
                && boilerplate.is_none()
                && recognize::is_name_line(text),
            author_bio: first_upper
                && len <= 700
                && is_finder().find(&bytes[..len.min(120)]).is_some()
                && recognize::author_bio(text),
        }
    }
}

/// The searcher for `" is "` (built once: building one per block costs more than the
/// search).
fn is_finder() -> &'static memchr::memmem::Finder<'static> {
    static FINDER: std::sync::OnceLock<memchr::memmem::Finder<'static>> =
        std::sync::OnceLock::new();
    FINDER.get_or_init(|| memchr::memmem::Finder::new(b" is "))
}

/// Everything the classifier knows about one block.
#[derive(Clone, Debug, Default)]
pub(crate) struct BlockInfo {
    pub shape: Shape,
    /// What the recognisers found; `None` when they found nothing (most blocks: a page
    /// has one info per block, so they are kept small).
    found: Option<Box<Hits>>,
    /// How many blocks of the page have the same text.
    pub copies: u32,
}

impl BlockInfo {
    /// The info of a block with this shape, recogniser hits and copy count.
    pub(crate) fn new(shape: Shape, hits: Hits, copies: u32) -> BlockInfo {
        BlockInfo {
            shape,
            found: (hits != Hits::default()).then(|| Box::new(hits)),
            copies,
        }
    }

    /// What the recognisers found.
    pub(crate) fn hits(&self) -> &Hits {
        static NONE: Hits = Hits {
            boilerplate: None,
            caption: None,
            byline: None,
            timestamp: None,
            dateline: None,
            name_line: false,
            author_bio: false,
        };
        self.found.as_deref().unwrap_or(&NONE)
    }
}

/// Computes shapes, recogniser hits and duplicate counts for all blocks.
pub(crate) fn infos(blocks: &[Block], lang: &Language) -> Vec<BlockInfo> {
    let copies = copies(blocks);
    blocks
        .iter()
        .zip(copies)
        .map(|(b, copies)| {
            let shape = Shape::of(b.text(), lang);
            let hits = Hits::of(b.text(), &shape);
            BlockInfo::new(shape, hits, copies)
        })
        .collect()
}

/// For each block, how many blocks of the page have the same text. Each text is hashed
/// once (with the standard library's keyed hash: page text chooses the keys of this map,
/// so a fixed hash would let a crafted page make it quadratic).
fn copies(blocks: &[Block]) -> Vec<u32> {
    let mut index: HashMap<&str, u32> = HashMap::with_capacity(blocks.len());
    let mut count: Vec<u32> = Vec::with_capacity(blocks.len());
    let mut slot: Vec<u32> = Vec::with_capacity(blocks.len());
    for b in blocks {
        let next = u32::try_from(count.len()).unwrap_or(u32::MAX);
        let k = *index.entry(b.text()).or_insert(next);
        if k == next {
            count.push(0);
        }
        if let Some(c) = count.get_mut(k as usize) {
            *c += 1;
        }
        slot.push(k);
    }
    slot.iter()
        .map(|&k| count.get(k as usize).copied().unwrap_or(1))
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
    "author_bio",
    "after_comments",
    "after_end_header",
    "mass_before",
    "mass_after",
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

/// `ln(1 + x)`, from a table for small `x` (the same values).
fn ln1(x: u32) -> f32 {
    static TABLE: std::sync::OnceLock<Vec<f32>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| (0..1024u32).map(ln1_slow).collect());
    match table.get(x as usize) {
        Some(&v) => v,
        None => ln1_slow(x),
    }
}

fn ln1_slow(x: u32) -> f32 {
    (1.0 + x as f32).ln()
}

fn ratio(a: u32, b: u32) -> f32 {
    if b == 0 { 0.0 } else { a as f32 / b as f32 }
}

/// Whether `text` repeats the page's first block (the `<title>`) or most of it.
fn echoes_title(text: &str, title: &str) -> bool {
    // Lengths first: they rule out most blocks before any search.
    text.len() >= 8 && text.len() < 300 && text != title && title.starts_with(text)
        || (text.len() >= 8
            && text.len() * 2 >= title.len()
            && text.len() <= title.len()
            && contains_short(title, text))
}

/// `hay.contains(needle)` for short strings: candidate positions by `memchr` on the
/// needle's first byte, compared in place (no searcher to build); past a few candidates,
/// the standard search, so the cost stays linear.
pub(crate) fn contains_short(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else {
        return true;
    };
    let Some(last_start) = h.len().checked_sub(n.len()) else {
        return false;
    };
    for (tries, p) in memchr::memchr_iter(first, &h[..=last_start]).enumerate() {
        if tries >= 8 {
            return hay.contains(needle);
        }
        if h.get(p..p + n.len()) == Some(n) {
            return true;
        }
    }
    false
}

/// The mean of `values[lo..hi]` leaving out block `k` (0 when nothing is left), summed
/// in index order.
#[inline]
fn window(k: usize, lo: usize, hi: usize, values: &[f32]) -> f32 {
    let mut sum = 0.0;
    let mut cnt = 0.0;
    for (j, v) in values.iter().enumerate().take(hi).skip(lo) {
        if j != k {
            sum += v;
            cnt += 1.0;
        }
    }
    if cnt > 0.0 { sum / cnt } else { 0.0 }
}

/// The feature vectors of all blocks.
#[cfg(any(test, feature = "training"))]
pub(crate) fn vectors(
    blocks: &[Block],
    infos: &[BlockInfo],
    lang: &Language,
) -> Vec<[f32; N_FEATURES]> {
    let mut out = Vec::with_capacity(blocks.len());
    for_each_vector(blocks, infos, lang, |x| out.push(*x));
    out
}

/// Calls `f` with the feature vector of each block in turn (none is kept).
pub(crate) fn for_each_vector(
    blocks: &[Block],
    infos: &[BlockInfo],
    lang: &Language,
    mut f: impl FnMut(&[f32; N_FEATURES]),
) {
    let n = blocks.len();
    let has_stoplist = !lang.stopwords.is_empty();
    let title = blocks.first().map_or("", Block::text);
    let ln_words: Vec<f32> = infos.iter().map(|i| ln1(i.shape.words)).collect();
    let stop_ratio: Vec<f32> = infos
        .iter()
        .map(|i| ratio(i.shape.stop, i.shape.words))
        .collect();
    let prose: Vec<bool> = infos.iter().map(|i| i.shape.is_prose()).collect();
    let prose_f: Vec<f32> = prose.iter().map(|&p| if p { 1.0 } else { 0.0 }).collect();
    let prose_words: Vec<f32> = infos
        .iter()
        .map(|i| {
            if i.shape.is_prose() {
                i.shape.words as f32
            } else {
                0.0
            }
        })
        .collect();
    let total_prose: f32 = prose_words.iter().sum::<f32>().max(1.0);
    let mut mass_before = 0.0f32;
    // Whether a section header was seen with no prose block since.
    let mut under_header = false;
    // Whether a comments heading (or an end-of-article heading) came after some prose.
    let mut after_comments = false;
    let mut after_end = false;
    let mut prose_seen = 0u32;
    for k in 0..n {
        let b = &blocks[k];
        let info = &infos[k];
        let s = &info.shape;
        let h = info.hits();
        let prev_ln = window(k, k.saturating_sub(2), k, &ln_words);
        let next_ln = window(k, k + 1, (k + 3).min(n), &ln_words);
        let near_stop = window(k, k.saturating_sub(2), (k + 3).min(n), &stop_ratio);
        let near_prose = window(k, k.saturating_sub(3), (k + 4).min(n), &prose_f);
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
            f32::from(u8::from(h.author_bio)),
            f32::from(u8::from(after_comments)),
            f32::from(u8::from(after_end)),
            mass_before / total_prose,
            (total_prose - mass_before - prose_words[k]).max(0.0) / total_prose,
        ];
        f(&x);
        if bp.is_some_and(|b| b.header) {
            under_header = true;
        } else if prose[k] {
            under_header = false;
        }
        if let Some(b) = bp.filter(|b| !b.inside) {
            use article_model::RemovedKind as K;
            match b.kind {
                K::Comments | K::CommentForm if prose_seen >= 1 => after_comments = true,
                K::Related | K::Newsletter | K::AuthorBio | K::Tags | K::Copyright
                    if b.header && prose_seen >= 2 =>
                {
                    after_end = true;
                }
                _ => {}
            }
        }
        if prose[k] {
            prose_seen += 1;
        }
        mass_before += prose_words[k];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contains_short_agrees_with_contains() {
        let hays = [
            "",
            "a",
            "aaaaaaaaaaaaaaaaaaaaab",
            "Russia urges restraint | Daily",
            "ééé",
        ];
        let needles = [
            "",
            "a",
            "aab",
            "ab",
            "b",
            "Daily",
            "restraint |",
            "é",
            "éé",
            "x",
        ];
        for h in hays {
            for n in needles {
                assert_eq!(contains_short(h, n), h.contains(n), "{h:?} {n:?}");
            }
        }
    }

    /// Texts that exercise every branch of [`Shape::of`].
    const SHAPES: &[&str] = &[
        "",
        "x",
        "“Hello, World.” He said… no. Really?",
        "Visit https://example.com or www.example.org, mail me@example.net / now",
        "ΟΔΥΣΣΕΑΣ ΚΑΙ Ο ΘΕΟΣ. Η ΖΩΗ ΣΑΣ είναι εδώ, και ΌΛΑ τα άλλα.",
        "Россия призвала Турцию к сдержанности. В МИД заявили, что это так!",
        "Die Straße und das Übergewicht: ÄÖÜ äöü ß — „Zitat“ … Ende...",
        "İstanbul'da IŞIK ve ışık; Ⱥ ȿ K Σ ΣΑΣ σας",
        "日本語の文章です。東京、大阪！ 한국어 문장입니다. ١٢٣ ٤٥ مرحبا، بالعالم؟",
        "a\u{7f}b \u{a0}c\u{2003}d\u{200b}e\u{2028}f\t\u{85}g",
        "tabs\tand\r\nlines. 12,345 and 3.5% in 2020/21 | · • » ›",
        "The and of TO with without yourselves themselves ourselves 'quoted' (bracketed)",
        "A sentence. ) Another one! \" ”Third?» ‹and› ‘single’ ‚low‘ ‟rev” ＂wide＂",
    ];

    #[test]
    fn shape_agrees_with_reference() {
        let mut langs = vec![Language::default()];
        for code in ["en", "ru", "el", "de", "tr", "fr", "ar"] {
            langs.push(Language::with_code(code));
        }
        let mut texts: Vec<String> = SHAPES.iter().map(|s| (*s).to_owned()).collect();
        // Runs longer than a 16-bit lane.
        texts.push(format!("{} {}9 x", "aB".repeat(40_000), "7".repeat(70_000)));
        // And every line of the dev dumps, when they are there.
        texts.extend(crate::test_data::dev_dump_lines());
        for lang in &langs {
            for t in &texts {
                assert_eq!(
                    Shape::of(t, lang),
                    Shape::of_reference(t, lang),
                    "{:?} {t:?}",
                    lang.code
                );
            }
        }
    }

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

//! Class and id words: what a `class="related-stories__list"` says about its content.
//!
//! A class or id value is cut into words at spaces, `-`, `_`, digits and lower-to-upper
//! case changes (`relatedStories` is `related` + `stories`), lower-cased, and looked up in
//! word lists. Whole tokens are also checked against a few compound names
//! (`articlebody`, `storycontent`).

use article_model::RemovedKind;

use crate::word_set::WordSet;

/// What an element's class and id say.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Signals {
    /// A boilerplate kind named by a word, if any.
    pub negative: Option<RemovedKind>,
    /// Names the article body (`article-body`, `entry-content`, `story__text`).
    pub body: bool,
    /// A weaker positive word (`article`, `content`, `story`, `post`, `text`).
    pub positive: bool,
    /// An embedded post (tweet, Instagram, TikTok): content wherever it sits.
    pub embed: bool,
}

/// Words that name boilerplate, with the kind.
const NEGATIVE: &[(&str, RemovedKind)] = {
    use RemovedKind::*;
    &[
        ("nav", Navigation),
        ("navbar", Navigation),
        ("navigation", Navigation),
        ("menu", Navigation),
        ("breadcrumb", Navigation),
        ("breadcrumbs", Navigation),
        ("masthead", Header),
        ("topbar", Header),
        ("skip", Navigation),
        ("pagination", Navigation),
        ("pager", Navigation),
        ("jump", Navigation),
        ("toc", Navigation),
        ("share", Share),
        ("sharing", Share),
        ("social", Share),
        ("addthis", Share),
        ("sharethis", Share),
        ("shares", Share),
        ("sharebar", Share),
        ("follow", Share),
        ("comment", Comments),
        ("comments", Comments),
        ("disqus", Comments),
        ("replies", Comments),
        ("respond", CommentForm),
        ("reply", Comments),
        ("newsletter", Newsletter),
        ("newsletters", Newsletter),
        ("signup", Newsletter),
        ("subscribe", Subscription),
        ("subscription", Subscription),
        ("login", Subscription),
        ("register", Subscription),
        ("registration", Subscription),
        ("cookie", CookieNotice),
        ("cookies", CookieNotice),
        ("consent", CookieNotice),
        ("gdpr", CookieNotice),
        ("related", Related),
        ("recommended", Related),
        ("recommendations", Related),
        ("recirc", Related),
        ("recirculation", Related),
        ("outbrain", Related),
        ("taboola", Related),
        ("teaser", Related),
        ("teasers", Related),
        ("trending", Related),
        ("popular", Related),
        ("mostread", Related),
        ("readmore", Related),
        ("promo", Advertisement),
        ("promotion", Advertisement),
        ("ad", Advertisement),
        ("ads", Advertisement),
        ("advert", Advertisement),
        ("advertisement", Advertisement),
        ("advertising", Advertisement),
        ("sponsor", Advertisement),
        ("sponsored", Advertisement),
        ("dfp", Advertisement),
        ("banner", Advertisement),
        ("adslot", Advertisement),
        ("adunit", Advertisement),
        ("commercial", Advertisement),
        ("tags", Tags),
        ("tag", Tags),
        ("topics", Tags),
        ("keywords", Tags),
        ("categories", Tags),
        ("bio", AuthorBio),
        ("biography", AuthorBio),
        ("copyright", Copyright),
        ("legal", Copyright),
        ("footer", Footer),
        ("foot", Footer),
        ("header", Header),
        ("sidebar", Sidebar),
        ("rail", Sidebar),
        ("widget", Sidebar),
        ("widgets", Sidebar),
        ("aside", Sidebar),
        ("caption", Caption),
        ("credit", Caption),
        ("credits", Caption),
        ("figcaption", Caption),
        ("byline", Byline),
        ("author", Byline),
        ("authors", Byline),
        ("contributor", Byline),
        ("dateline", Timestamp),
        ("timestamp", Timestamp),
        ("date", Timestamp),
        ("published", Timestamp),
        ("updated", Timestamp),
        ("meta", Other),
        ("hidden", Hidden),
        ("sr", Hidden),
        ("screenreader", Hidden),
        ("print", Other),
        ("toolbar", Other),
        ("tools", Other),
        ("modal", Other),
        ("popup", Other),
        ("overlay", Other),
        ("hide", Hidden),
        ("invisible", Hidden),
        ("offscreen", Hidden),
        ("visuallyhidden", Hidden),
    ]
};

/// Whole class tokens (separators removed) that name the article body.
const BODY_COMPOUNDS: &[&str] = &[
    "articlebody",
    "articlecontent",
    "articletext",
    "storybody",
    "storycontent",
    "storytext",
    "entrycontent",
    "postcontent",
    "postbody",
    "posttext",
    "bodytext",
    "contentbody",
    "articlecopy",
    "storycopy",
    "richtext",
    "entrybody",
    "newsbody",
    "newstext",
    "articlebodytext",
    "blogpostcontent",
    "mainarticle",
    "articlemain",
    "textbody",
    "paywalledcontent",
    "articleinner",
    "storyinner",
    "innerbody",
    "bodycopy",
    "mainstory",
    "itembody",
    "artbody",
    "fieldbody",
    "sectiontext",
    "articlesection",
    "postentry",
];

/// Words of embedded posts quoted in an article.
const EMBED: &[&str] = &["tweet", "twitter", "instagram", "tiktok"];

const POSITIVE: &[&str] = &[
    "article", "content", "story", "post", "text", "entry", "body", "main", "blog", "news",
];

/// Reads the signals of one class and id.
pub(crate) fn signals(class: &str, id: &str) -> Signals {
    let mut s = Signals::default();
    // Utility classes: `hidden md:block` is hidden on small screens only.
    let responsive = class.split_ascii_whitespace().any(|t| t.contains(':'));
    let mut compact = String::new();
    let mut word = String::new();
    for token in class
        .split_ascii_whitespace()
        .chain(id.split_ascii_whitespace())
    {
        compact.clear();
        compact.extend(
            token
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_lowercase()),
        );
        if !s.body {
            s.body = body_compounds()
                .find_iter(&compact)
                .any(|m| compact.len() <= m.len() + 8);
        }
        for w in split_words(token) {
            word.clear();
            word.extend(w.chars().map(|c| c.to_ascii_lowercase()));
            match class_word(&word) {
                Some(WordClass::Negative(kind))
                    if s.negative.is_none() && !(responsive && kind == RemovedKind::Hidden) =>
                {
                    s.negative = Some(kind);
                }
                Some(WordClass::Negative(_)) => {}
                Some(WordClass::Positive) => s.positive = true,
                Some(WordClass::Embed) => s.embed = true,
                None => {}
            }
        }
    }
    s
}

#[derive(Clone, Copy)]
enum WordClass {
    Negative(RemovedKind),
    Positive,
    Embed,
}

/// The word lists as sets.
struct ClassWordSets {
    negative: WordSet,
    positive: WordSet,
    embed: WordSet,
}

fn class_word_sets() -> &'static ClassWordSets {
    static SETS: std::sync::OnceLock<ClassWordSets> = std::sync::OnceLock::new();
    SETS.get_or_init(|| ClassWordSets {
        negative: WordSet::new(NEGATIVE.iter().map(|&(w, _)| w)),
        positive: WordSet::new(POSITIVE.iter().copied()),
        embed: WordSet::new(EMBED.iter().copied()),
    })
}

/// What the lower-case word `word` says: a negative word wins (with the first kind listed
/// for it), then an embed word, then a positive one.
fn class_word(word: &str) -> Option<WordClass> {
    let sets = class_word_sets();
    if sets.negative.contains(word) {
        NEGATIVE
            .iter()
            .find(|&&(w, _)| w == word)
            .map(|&(_, kind)| WordClass::Negative(kind))
    } else if sets.embed.contains(word) {
        Some(WordClass::Embed)
    } else if sets.positive.contains(word) {
        Some(WordClass::Positive)
    } else {
        None
    }
}

fn body_compounds() -> &'static aho_corasick::AhoCorasick {
    static AC: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    AC.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(BODY_COMPOUNDS)
            .expect("invariant: the compound list is a valid pattern set")
    })
}

/// Words of a token: split at non-letters and at lower-to-upper case changes.
fn split_words(token: &str) -> impl Iterator<Item = &str> {
    let bytes = token.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        while bytes.get(pos).is_some_and(|b| !b.is_ascii_alphabetic()) {
            pos += 1;
        }
        let start = pos;
        if start >= bytes.len() {
            return None;
        }
        pos += 1;
        while let Some(&b) = bytes.get(pos) {
            let lower_before = bytes.get(pos - 1).is_some_and(u8::is_ascii_lowercase);
            if !b.is_ascii_alphabetic() || (b.is_ascii_uppercase() && lower_before) {
                break;
            }
            pos += 1;
        }
        token.get(start..pos)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signals_table() {
        use RemovedKind::*;
        let cases: &[(&str, Option<RemovedKind>, bool)] = &[
            ("related-stories", Some(Related), false),
            ("relatedStories", Some(Related), false),
            ("article-body", None, true),
            ("article__body", None, true),
            ("c-entry-content", None, true),
            ("header shadow", Some(Header), false),
            ("load", None, false),
            ("share_tools", Some(Share), false),
            ("ad-slot", Some(Advertisement), false),
            ("head", None, false),
            // "more" names no boilerplate (`entry-content-read-more` wraps bodies).
            ("post-read-more", None, false),
            ("readmore", Some(Related), false),
        ];
        for &(class, neg, body) in cases {
            let s = signals(class, "");
            assert_eq!((s.negative, s.body), (neg, body), "{class}");
        }
    }
}

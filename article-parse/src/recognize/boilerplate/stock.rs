//! Stock lines of page furniture the HTML front end removes wherever they sit ("Read
//! more", "Advertisement", "Sign up for ..."), and the phrases that open bylines, date
//! lines and agency credit lines.
//!
//! Every list is matched by one pair of automata built once (an anchored one for the
//! phrases that must start the text, an unanchored one for those found anywhere). Text
//! is compared in Unicode lower case, with the curly apostrophe read as `'`: ASCII text
//! is matched as it is (the automata ignore ASCII case), other text is lower-cased once.

use std::borrow::Cow;
use std::sync::OnceLock;

use article_model::RemovedKind;
use article_model::RemovedKind as K;

use super::super::scan;

/// Whole short blocks of page furniture, trimmed of everything but letters and digits.
const EXACT: &[(&str, RemovedKind)] = &[
    ("advertisement", K::Advertisement),
    ("ad", K::Advertisement),
    ("advertising", K::Advertisement),
    ("sponsored", K::Advertisement),
    ("story continues below advertisement", K::Advertisement),
    ("continue reading", K::Related),
    ("continue reading below", K::Advertisement),
    ("read more", K::Related),
    ("related", K::Related),
    ("related articles", K::Related),
    ("related stories", K::Related),
    ("more stories", K::Related),
    ("share", K::Share),
    ("share this", K::Share),
    ("share this article", K::Share),
    ("share this story", K::Share),
    ("comments", K::Comments),
    ("loading", K::Other),
    ("close", K::Other),
    ("skip to content", K::Navigation),
    ("back to top", K::Navigation),
    ("print", K::Share),
    ("email", K::Share),
    ("advert", K::Advertisement),
    ("iklan", K::Advertisement),
    ("anzeige", K::Advertisement),
    ("werbung", K::Advertisement),
    ("publicidade", K::Advertisement),
    ("publicidad", K::Advertisement),
    ("publicité", K::Advertisement),
    ("pubblicità", K::Advertisement),
    ("реклама", K::Advertisement),
    ("explore further", K::Related),
    ("don't miss", K::Related),
    ("top stories", K::Related),
    ("trending", K::Related),
    ("more great wired stories", K::Related),
    ("tl;dr", K::Other),
    ("view all", K::Related),
    ("see all", K::Related),
    ("show more", K::Other),
    ("load more", K::Other),
];

/// Openings of short furniture blocks (of the block, or of its letters and digits).
const PREFIX: &[(&str, RemovedKind)] = &[
    ("read more", K::Related),
    ("related:", K::Related),
    ("see also", K::Related),
    ("sign up", K::Newsletter),
    ("subscribe", K::Subscription),
    ("follow us", K::Share),
    ("click here", K::Other),
    ("copyright", K::Copyright),
    ("©", K::Copyright),
    ("all rights reserved", K::Copyright),
    ("share on", K::Share),
    ("share this", K::Share),
    ("you may also like", K::Related),
    ("recommended", K::Related),
    ("most read", K::Related),
    ("most popular", K::Related),
    ("also read", K::Related),
    ("watch:", K::Related),
    ("photo:", K::Caption),
    ("image:", K::Caption),
    ("filed under", K::Tags),
    ("tags:", K::Tags),
    ("topics:", K::Tags),
    ("posted in", K::Tags),
    ("get the latest", K::Newsletter),
    ("have a tip", K::Other),
    ("follow the ", K::Share),
    ("follow @", K::Share),
    ("listen to this", K::Other),
    ("download the", K::Other),
];

/// Promotion and notices anywhere in a short block.
const PROMO: &[(&str, RemovedKind)] = &[
    ("newsletter", K::Newsletter),
    ("in your inbox", K::Newsletter),
    ("sign up for", K::Newsletter),
    ("delivered to your", K::Newsletter),
    ("delivered through your", K::Newsletter),
    ("all rights reserved", K::Copyright),
    ("may not be reproduced", K::Copyright),
    ("registered trademark", K::Copyright),
    ("registered service mark", K::Copyright),
    ("follow us on", K::Share),
    ("comments are moderated", K::Comments),
    ("moderating all comments", K::Comments),
    ("leave a comment", K::CommentForm),
    ("leave a reply", K::CommentForm),
    ("add a comment", K::CommentForm),
];

/// Openings of a byline ("By Jane Doe", "Por ...").
const BY: &[&str] = &[
    "by ",
    "por ",
    "von ",
    "par ",
    "door ",
    "di ",
    "av ",
    "af ",
    "автор",
];

/// Words of a date line ("Updated at 1:23 p.m.").
const DATED: &[&str] = &[
    "updated",
    "published",
    "posted",
    "publicado",
    "atualizado",
    "actualizado",
    "veröffentlicht",
    "aktualisiert",
    "publié",
    "mis à jour",
    "pubblicato",
    "last modified",
];

/// Openings of the agency credit lines that close a story ("Reporting by ...").
const CREDIT: &[&str] = &[
    "reporting by",
    "additional reporting",
    "editing by",
    "writing by",
    "compiled by",
    "associated press writer",
    "the associated press contributed",
    "contributing:",
    "this story has been",
    "this article has been",
    "this article was originally",
    "originally published",
    "a version of this",
    "follow ",
    "read more",
    "more great",
    "related:",
    "see also",
    "more from",
    "more on this",
];

/// The list a pattern comes from, with its index there.
#[derive(Clone, Copy, PartialEq, Eq)]
enum List {
    Exact,
    Prefix,
    By,
    Credit,
    Promo,
    Dated,
}

/// The automata of every list.
struct Stock {
    /// [`EXACT`], [`PREFIX`], [`BY`] and [`CREDIT`], anchored at the text start.
    anchored: scan::Dfa,
    anchored_ids: Vec<(List, usize)>,
    /// [`PROMO`] and [`DATED`], anywhere.
    anywhere: scan::Dfa,
    anywhere_ids: Vec<(List, usize)>,
}

fn stock() -> &'static Stock {
    static STOCK: OnceLock<Stock> = OnceLock::new();
    STOCK.get_or_init(|| {
        fn add(
            out: &mut (Vec<&'static str>, Vec<(List, usize)>),
            list: List,
            words: &[&'static str],
        ) {
            for (i, w) in words.iter().enumerate() {
                out.0.push(w);
                out.1.push((list, i));
            }
        }
        let first = |t: &[(&'static str, RemovedKind)]| t.iter().map(|p| p.0).collect::<Vec<_>>();
        let mut anchored = (Vec::new(), Vec::new());
        add(&mut anchored, List::Exact, &first(EXACT));
        add(&mut anchored, List::Prefix, &first(PREFIX));
        add(&mut anchored, List::By, BY);
        add(&mut anchored, List::Credit, CREDIT);
        let mut anywhere = (Vec::new(), Vec::new());
        add(&mut anywhere, List::Promo, &first(PROMO));
        add(&mut anywhere, List::Dated, DATED);
        Stock {
            anchored: scan::Dfa::new(&anchored.0, true),
            anchored_ids: anchored.1,
            anywhere: scan::Dfa::new(&anywhere.0, false),
            anywhere_ids: anywhere.1,
        }
    })
}

/// `text` in lower case with `’` as `'`, or `text` itself when it is ASCII (the
/// automata ignore ASCII case).
fn folded(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.to_lowercase().replace('’', "'"))
    }
}

/// The first entry of `list` (by index) that starts `hay` and `ok(end)` accepts.
fn first_at_start(hay: &str, list: List, ok: impl Fn(usize) -> bool) -> Option<usize> {
    let s = stock();
    let mut best: Option<usize> = None;
    scan::each_at_start(&s.anchored, hay.as_bytes(), |pid, end| {
        if let Some(&(l, i)) = s.anchored_ids.get(pid) {
            if l == list && ok(end) && best.is_none_or(|b| i < b) {
                best = Some(i);
            }
        }
    });
    best
}

/// The first entry of `list` (by index) found anywhere in `hay`.
fn first_anywhere(hay: &str, list: List) -> Option<usize> {
    let s = stock();
    let mut best: Option<usize> = None;
    scan::each_match(&s.anywhere, hay.as_bytes(), |pid, _, _| {
        if let Some(&(l, i)) = s.anywhere_ids.get(pid) {
            if l == list && best.is_none_or(|b| i < b) {
                best = Some(i);
            }
        }
    });
    best
}

/// The kind of a stock line: the block, trimmed of everything but letters and digits,
/// is a stock phrase ("- Advertisement -"), or the block or its trimmed text starts
/// with one ("Read more: ...").
pub(crate) fn stock_line(text: &str) -> Option<RemovedKind> {
    let lower = folded(text);
    let t = lower.trim_matches(|c: char| !c.is_alphanumeric());
    if let Some(i) = first_at_start(t, List::Exact, |end| end == t.len()) {
        return EXACT.get(i).map(|e| e.1);
    }
    let on_block = first_at_start(&lower, List::Prefix, |_| true);
    let on_trimmed = first_at_start(t, List::Prefix, |_| true);
    let i = match (on_block, on_trimmed) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b)?,
    };
    PREFIX.get(i).map(|e| e.1)
}

/// The kind of a promotion or notice phrase anywhere in `text` ("newsletter", "all
/// rights reserved").
pub(crate) fn promotion(text: &str) -> Option<RemovedKind> {
    let i = first_anywhere(&folded(text), List::Promo)?;
    PROMO.get(i).map(|e| e.1)
}

/// What the words of a byline or date line say: [`RemovedKind::Byline`] for a line
/// opening with "By ", [`RemovedKind::Timestamp`] for one with "updated", "published",
/// ... in it.
pub(crate) fn head_words(text: &str) -> Option<RemovedKind> {
    let lower = folded(text);
    if first_at_start(&lower, List::By, |_| true).is_some() {
        return Some(K::Byline);
    }
    first_anywhere(&lower, List::Dated).map(|_| K::Timestamp)
}

/// Whether `text` opens like an agency credit line that closes a story ("Reporting by
/// ...; Editing by ...", "(Additional reporting by ...)").
pub(crate) fn credit_line(text: &str) -> bool {
    let lower = folded(text.trim_start_matches(['(', '[']));
    first_at_start(&lower, List::Credit, |_| true).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The linear scans the automata replace, over `to_lowercase` text.
    mod reference {
        use super::super::*;

        pub fn stock_line(text: &str) -> Option<RemovedKind> {
            let lower = text.to_lowercase().replace('’', "'");
            let t = lower.trim_matches(|c: char| !c.is_alphanumeric());
            if let Some(&(_, k)) = EXACT.iter().find(|(p, _)| *p == t) {
                return Some(k);
            }
            PREFIX
                .iter()
                .find(|(p, _)| lower.starts_with(p) || t.starts_with(p))
                .map(|&(_, k)| k)
        }

        pub fn promotion(text: &str) -> Option<RemovedKind> {
            let lower = text.to_lowercase();
            PROMO
                .iter()
                .find(|(p, _)| lower.contains(p))
                .map(|&(_, k)| k)
        }

        pub fn head_words(text: &str) -> Option<RemovedKind> {
            let lower = text.to_lowercase();
            if BY.iter().any(|p| lower.starts_with(p)) {
                return Some(K::Byline);
            }
            DATED
                .iter()
                .any(|w| lower.contains(w))
                .then_some(K::Timestamp)
        }

        pub fn credit_line(text: &str) -> bool {
            let lower = text.trim_start_matches(['(', '[']).to_lowercase();
            CREDIT.iter().any(|p| lower.starts_with(p))
        }
    }

    const TEXTS: &[&str] = &[
        "Advertisement",
        "- ADVERTISEMENT -",
        "Don’t miss",
        "DON'T MISS",
        "Read more: the council's plan",
        "READ MORE",
        "Related: bridge",
        "  Related stories  ",
        "Sign up for our emails",
        "© 2024 Daily Wire",
        "Follow @dailywire",
        "Follow the harbour story",
        "Publicité",
        "PUBLICITÉ",
        "РЕКЛАМА",
        "Реклама и партнёры",
        "Get our Newsletter every morning",
        "The best stories, delivered to your inbox.",
        "Copyright 2024 The Daily Wire. All rights reserved.",
        "Comments are moderated before they appear.",
        "By Jane Doe",
        "Por María López",
        "Автор: Иван",
        "Updated at 1:23 p.m.",
        "Mis à jour le 3 mars",
        "VERÖFFENTLICHT am Montag",
        "Reporting by Jane Doe; Editing by John Roe",
        "(Additional reporting by Ann Lee)",
        "[Compiled BY staff]",
        "The Associated Press contributed to this report.",
        "The council voted on Tuesday.",
        "Bypass road closed",
        "İstanbul: updated İ",
        "Ad",
        "ad hoc",
        "",
        "…",
    ];

    #[test]
    fn automata_agree_with_linear_scans() {
        let mut texts: Vec<String> = Vec::new();
        for a in TEXTS {
            texts.push(a.to_string());
            texts.push(a.to_uppercase());
            for b in TEXTS {
                texts.push(format!("{a}{b}"));
                texts.push(format!("({a} {b}"));
            }
        }
        for t in &texts {
            let t = t.as_str();
            assert_eq!(stock_line(t), reference::stock_line(t), "stock {t:?}");
            assert_eq!(promotion(t), reference::promotion(t), "promo {t:?}");
            assert_eq!(head_words(t), reference::head_words(t), "head {t:?}");
            assert_eq!(credit_line(t), reference::credit_line(t), "credit {t:?}");
        }
    }

    #[test]
    fn list_order_decides() {
        // "read more" is both an exact phrase (Related) and a prefix; "continue reading
        // below" is exact and an advertisement.
        assert_eq!(stock_line("Continue reading below"), Some(K::Advertisement));
        assert_eq!(stock_line("Continue reading"), Some(K::Related));
        // "all rights reserved" (Copyright) comes before "follow us on" (Share).
        assert_eq!(
            promotion("Follow us on X. All rights reserved."),
            Some(K::Copyright)
        );
        // "newsletter" comes first of all.
        assert_eq!(
            promotion("Leave a comment on our newsletter"),
            Some(K::Newsletter)
        );
    }
}

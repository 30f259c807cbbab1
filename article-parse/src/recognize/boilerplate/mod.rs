//! Boilerplate families: comment forms, newsletter and subscription boxes, share and follow
//! bars, cookie and consent notices, copyright and footer lines, related / read-more /
//! most-popular headers, navigation, advertisement markers, tag lists.
//!
//! ```text
//! boilerplate = phrase                     (the whole block, trailing ":" "." "»" "›" ignored)
//!             | phrase ":" rest            (a labelled line: "Read more: ...", "Tags: ...")
//!             | ... phrase ...             (a family's telltale phrase anywhere, at word
//!                                           boundaries, in a block of at most 600 bytes)
//!             | number sp "comments"       ("12 Comments")
//!             | crumb (sep crumb)+         (breadcrumbs: "Home > News > World")
//!             | social (sep? social)+      ("Facebook Twitter Email")
//! ```
//!
//! All phrases of all families are matched in one pass (Aho-Corasick, ASCII case
//! insensitive); each phrase says how it may match (whole, label, anywhere). The rules
//! are data: groups of phrases by (kind, mode, header, reason), one file per few
//! families (`rules_*.rs`).

use std::sync::OnceLock;

use article_model::RemovedKind;
use nom::{Parser, sequence::preceded};

mod rule;
mod rules_comments;
mod rules_navigation;
mod rules_notices;
mod rules_other;
mod rules_promotion;
mod rules_related;
mod rules_share;
mod stock;

pub(crate) use stock::{credit_line, head_words, promotion, stock_line};

use rule::{Group, MatchMode};

use super::lexemes::{itag, number, sp};
use super::scan;
use crate::word_set::{WordSet, pack};

/// A recognised boilerplate block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Boilerplate {
    /// Its family.
    pub kind: RemovedKind,
    /// Why, for people.
    pub reason: &'static str,
    /// Whether it heads a section whose following short blocks belong to it ("You May
    /// Also Like", "Leave a Reply", "Most popular").
    pub header: bool,
    /// Whether only a telltale phrase inside the block matched (weaker evidence than a
    /// block that is the phrase, or is labelled with it).
    pub inside: bool,
}

use MatchMode::{Anywhere, Label, Whole};
use RemovedKind as K;

/// Longest block in which an `Anywhere` phrase counts.
const MAX_ANYWHERE: usize = 600;
/// Longest block checked at all.
const MAX_BLOCK: usize = 1200;

/// The rule tables, one per few families.
const TABLES: &[&[Group]] = &[
    rules_comments::GROUPS,
    rules_promotion::GROUPS,
    rules_share::GROUPS,
    rules_notices::GROUPS,
    rules_related::GROUPS,
    rules_navigation::GROUPS,
    rules_other::GROUPS,
];

/// One phrase of a [`Group`], with what its group says.
#[derive(Clone, Copy)]
struct Rule {
    phrase: &'static str,
    mode: MatchMode,
    kind: RemovedKind,
    header: bool,
    reason: &'static str,
}

/// Every phrase of every table, in table order.
fn rules() -> impl Iterator<Item = Rule> {
    TABLES.iter().flat_map(|t| t.iter()).flat_map(|g| {
        g.phrases.iter().map(|&phrase| Rule {
            phrase,
            mode: g.mode,
            kind: g.kind,
            header: g.header,
            reason: g.reason,
        })
    })
}

/// Social network names: a block made only of these (and share words) is a share bar.
const SOCIAL: &[&str] = &[
    "facebook",
    "twitter",
    "x",
    "instagram",
    "linkedin",
    "whatsapp",
    "pinterest",
    "reddit",
    "email",
    "e-mail",
    "mail",
    "print",
    "youtube",
    "tiktok",
    "telegram",
    "flipboard",
    "rss",
    "messenger",
    "tumblr",
    "snapchat",
    "threads",
    "share",
    "tweet",
    "follow",
    "us",
    "on",
    "copy",
    "link",
    "sms",
    "vk",
    "whatsapp.",
    "comment",
    "comments",
    "save",
];

/// The phrase automata. Phrases that must start the block (`Whole`, `Label`) are matched
/// by walking an anchored DFA from the block's first byte, which stops as soon as no
/// phrase can match (after a byte or two for most blocks); `Anywhere` phrases by one
/// overlapping scan of blocks short enough for them to count. A phrase with an
/// apostrophe is also matched with the curly one.
struct Phrases {
    /// Every rule; the automata's patterns point into it.
    rules: Vec<Rule>,
    /// `Whole` and `Label` phrases, anchored at the block start.
    anchored: scan::Dfa,
    /// The rule of each pattern of `anchored`.
    anchored_rule: Vec<usize>,
    /// `Anywhere` phrases, then the caption recogniser's credit phrases (one scan looks
    /// for both).
    anywhere: scan::Dfa,
    /// The rule of each `Anywhere` pattern of `anywhere`; patterns past these are credit
    /// phrases.
    anywhere_rule: Vec<usize>,
}

fn phrases() -> &'static Phrases {
    static PHRASES: OnceLock<Phrases> = OnceLock::new();
    PHRASES.get_or_init(|| {
        let (mut anchored, mut anchored_rule) = (Vec::new(), Vec::new());
        let (mut anywhere, mut anywhere_rule) = (Vec::new(), Vec::new());
        let rules: Vec<Rule> = rules().collect();
        for (k, r) in rules.iter().enumerate() {
            let (patterns, ids) = if r.mode == Anywhere {
                (&mut anywhere, &mut anywhere_rule)
            } else {
                (&mut anchored, &mut anchored_rule)
            };
            patterns.push(r.phrase.to_owned());
            ids.push(k);
            if r.phrase.contains('\'') {
                patterns.push(r.phrase.replace('\'', "\u{2019}"));
                ids.push(k);
            }
        }
        anywhere.extend(
            super::caption::CREDIT_INSIDE
                .iter()
                .map(|p| (*p).to_owned()),
        );
        Phrases {
            rules,
            anchored: scan::Dfa::new(&anchored, true),
            anchored_rule,
            anywhere: scan::Dfa::new(&anywhere, false),
            anywhere_rule,
        }
    })
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Whether `rest` (after a whole-block phrase) is only closing punctuation.
fn only_trailing(rest: &str) -> bool {
    rest.chars().all(|c| {
        matches!(
            c,
            ':' | '.' | '»' | '›' | '>' | '!' | '…' | ' ' | '|' | '-' | '+'
        )
    })
}

/// `number sp "comment" "s"?`: a comment count ("12 Comments").
fn comment_count(text: &str) -> bool {
    if !text.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    preceded((number, sp), itag("comment"))
        .parse(text)
        .is_ok_and(|(rest, _)| rest.is_empty() || rest.eq_ignore_ascii_case("s"))
}

/// A comment's attribution line: "jane says:", "Jane on May 3, 2019 at 4:47 pm said:".
fn comment_attribution(text: &str) -> bool {
    if text.len() > 120 {
        return false;
    }
    let t = text.trim_end();
    if !matches!(t.as_bytes().last(), Some(b':' | b's' | b'S')) {
        return false;
    }
    [
        " says:",
        " said:",
        " wrote:",
        " says",
        " replied:",
        " commented:",
    ]
    .iter()
    .any(|end| {
        t.len() > end.len()
            && t.as_bytes()[t.len() - end.len()..].eq_ignore_ascii_case(end.as_bytes())
    })
}

/// A breadcrumb trail: short segments separated by `>`, `›`, `»` or `/` (two or more).
fn breadcrumb(text: &str) -> bool {
    let b = text.as_bytes();
    if text.len() > 200
        || (memchr::memchr2(b'>', b'/', b).is_none() && memchr::memchr2(0xba, 0xbb, b).is_none())
    {
        return false;
    }
    for sep in [" > ", " › ", " » ", " / "] {
        let mut parts = 0;
        if text.split(sep).all(|p| {
            parts += 1;
            !p.is_empty() && p.len() <= 40
        }) && parts >= 3
        {
            return true;
        }
    }
    false
}

/// Whether the first word is a social network name or share word (ASCII, any case).
fn starts_social(t: &str) -> bool {
    let end = t
        .bytes()
        .position(|b| !b.is_ascii_alphabetic() && b != b'-')
        .unwrap_or(t.len());
    pack(&t.as_bytes()[..end]).is_some_and(|key| social_words().contains_packed(key))
}

/// [`SOCIAL`] as a set (all are short ASCII, looked up packed).
fn social_words() -> &'static WordSet {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| WordSet::new(SOCIAL.iter().copied()))
}

/// A share bar: only social network names and share words.
fn social_bar(lower: &str) -> bool {
    let mut n = 0;
    let mut networks = 0;
    for w in lower.split(|c: char| c.is_whitespace() || matches!(c, '|' | '·' | ',' | '/' | '•'))
    {
        if w.is_empty() {
            continue;
        }
        if !SOCIAL.contains(&w) {
            return false;
        }
        n += 1;
        if !matches!(
            w,
            "us" | "on" | "follow" | "share" | "copy" | "link" | "save"
        ) {
            networks += 1;
        }
    }
    n >= 2 && networks >= 1
}

/// The rank and finding of rule `rule` matched at `t[start..end]`, if the match counts
/// (at word boundaries, where its mode allows).
fn candidate(
    p: &Phrases,
    t: &str,
    rule: usize,
    start: usize,
    end: usize,
) -> Option<(usize, Boilerplate)> {
    let Rule {
        phrase,
        mode,
        kind,
        header,
        reason,
    } = *p.rules.get(rule)?;
    let before = t[..start].chars().next_back();
    let after = t[end..].chars().next();
    // Word boundaries, where the phrase starts or ends with a word character.
    let bounded = (!before.is_some_and(is_word_char) || !phrase.starts_with(is_word_char))
        && (!after.is_some_and(is_word_char) || !phrase.ends_with(is_word_char));
    let ok = bounded
        && match mode {
            Whole => start == 0 && only_trailing(&t[end..]),
            Label => start == 0,
            Anywhere => t.len() <= MAX_ANYWHERE,
        };
    if !ok {
        return None;
    }
    // Whole matches beat labels beat phrases found inside; then the longer phrase.
    let rank = match mode {
        Whole => 3000,
        Label => 2000,
        Anywhere => 1000,
    } + phrase.len();
    // A labelled header with a long tail is a teaser, not a header.
    let header = header && (mode == Whole || t.len() < phrase.len() + 24);
    Some((
        rank,
        Boilerplate {
            kind,
            reason,
            header,
            inside: mode == Anywhere,
        },
    ))
}

/// Keeps `found` in `best` if it ranks higher (the first of equals stays).
fn keep(best: &mut Option<(usize, Boilerplate)>, found: Option<(usize, Boilerplate)>) {
    if let Some((rank, b)) = found {
        if best.is_none_or(|(r, _)| rank > r) {
            *best = Some((rank, b));
        }
    }
}

/// Recognises a boilerplate block.
pub(crate) fn boilerplate(text: &str) -> Option<Boilerplate> {
    boilerplate_and_credit(text, false).0
}

/// [`boilerplate`], and when `credit` is asked for, whether `text` contains a photo
/// credit phrase (the last test of [`super::caption`]): one scan finds both.
pub(crate) fn boilerplate_and_credit(text: &str, credit: bool) -> (Option<Boilerplate>, bool) {
    if text.len() > MAX_BLOCK {
        let p = phrases();
        let found = credit && any_credit(p, text);
        return (None, found);
    }
    // Most blocks start with a letter or digit and end with neither bracket.
    let t = if text
        .as_bytes()
        .first()
        .is_some_and(u8::is_ascii_alphanumeric)
    {
        text
    } else {
        text.trim_start_matches(['#', '»', '›', '>', '|', ' ', '[', '('])
    };
    // `t` is `text[a..b]`.
    let a = text.len() - t.len();
    let t = if matches!(t.as_bytes().last(), Some(b']' | b')')) {
        t.trim_end_matches([']', ')'])
    } else {
        t
    };
    let b = a + t.len();
    let mut best: Option<(usize, Boilerplate)> = None;
    let p = phrases();
    scan::each_at_start(&p.anchored, t.as_bytes(), |pid, end| {
        if let Some(&rule) = p.anchored_rule.get(pid) {
            keep(&mut best, candidate(p, t, rule, 0, end));
        }
    });
    // A phrase at the start outranks any inside; inside ones count in short blocks only.
    let anywhere = best.is_none() && t.len() <= MAX_ANYWHERE;
    let mut found = false;
    if anywhere {
        // Matches in `text` within `a..b` are exactly the matches in `t`, in the same
        // order.
        scan::each_match(&p.anywhere, text.as_bytes(), |pid, start, end| {
            match p.anywhere_rule.get(pid) {
                Some(&rule) if start >= a && end <= b => {
                    keep(&mut best, candidate(p, t, rule, start - a, end - a));
                }
                Some(_) => {}
                None => found = true,
            }
        });
    } else if credit {
        found = any_credit(p, text);
    }
    let found = credit && found;
    if let Some((_, b)) = best {
        return (Some(b), found);
    }
    (others(t), found)
}

/// Whether `text` contains a credit phrase.
fn any_credit(p: &Phrases, text: &str) -> bool {
    let mut found = false;
    scan::each_match(&p.anywhere, text.as_bytes(), |pid, _, _| {
        found |= pid >= p.anywhere_rule.len();
    });
    found
}

/// The families recognised by shape rather than by phrase.
fn others(t: &str) -> Option<Boilerplate> {
    if comment_count(t) {
        return Some(Boilerplate {
            kind: K::Comments,
            reason: "comments count",
            header: true,
            inside: false,
        });
    }
    if comment_attribution(t) {
        return Some(Boilerplate {
            kind: K::Comments,
            reason: "comment attribution",
            header: true,
            inside: false,
        });
    }
    if breadcrumb(t) {
        return Some(Boilerplate {
            kind: K::Navigation,
            reason: "breadcrumb trail",
            header: false,
            inside: false,
        });
    }
    if t.len() <= 200 && starts_social(t) && social_bar(&t.to_lowercase()) {
        return Some(Boilerplate {
            kind: K::Share,
            reason: "share or follow bar",
            header: false,
            inside: false,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_are_lower_case_and_unique() {
        let mut seen = std::collections::HashSet::new();
        for r in rules() {
            assert!(
                !r.phrase.is_empty() && r.phrase == r.phrase.to_lowercase(),
                "{:?}",
                r.phrase
            );
            // One rule per phrase and automaton: which rule matches never depends on the
            // order of the tables.
            assert!(
                seen.insert((r.phrase, r.mode == Anywhere)),
                "{:?}",
                r.phrase
            );
        }
        assert_eq!(seen.len(), 215);
    }

    fn kind(text: &str) -> Option<RemovedKind> {
        boilerplate(text).map(|b| b.kind)
    }

    #[test]
    fn comment_form_table() {
        let cases: &[(&str, Option<RemovedKind>)] = &[
            ("Leave a Reply", Some(K::CommentForm)),
            ("Leave a Reply Cancel reply", Some(K::CommentForm)),
            (
                "Your email address will not be published. Required fields are marked *",
                Some(K::CommentForm),
            ),
            ("Post Comment", Some(K::CommentForm)),
            ("12 Comments", Some(K::Comments)),
            ("v2787 says:", Some(K::Comments)),
            (
                "Catherine (GiveWell) on September 13, 2018 at 5:23 pm said:",
                Some(K::Comments),
            ),
            ("Comments", Some(K::Comments)),
            ("He declined to comment on the report.", None),
        ];
        for (input, want) in cases {
            assert_eq!(kind(input), *want, "{input:?}");
        }
    }

    #[test]
    fn newsletter_and_subscription_table() {
        let cases: &[(&str, Option<RemovedKind>)] = &[
            ("Sign Up for Our Newsletters", Some(K::Newsletter)),
            (
                "Get notified of the latest updates from The Coastal Ledger.",
                Some(K::Newsletter),
            ),
            ("Sign up for our morning briefing", Some(K::Newsletter)),
            (
                "Get the day's top stories from the coast in your inbox every weekday.",
                Some(K::Newsletter),
            ),
            ("Subscribe", Some(K::Subscription)),
            (
                "Subscribe to Riverside Times for €1 a week. Cancel anytime.",
                Some(K::Subscription),
            ),
            ("Log In", Some(K::Subscription)),
            ("Support independent journalism", Some(K::Subscription)),
            ("The union signed up for the new deal.", None),
        ];
        for (input, want) in cases {
            assert_eq!(kind(input), *want, "{input:?}");
        }
    }

    #[test]
    fn share_cookie_copyright_table() {
        let cases: &[(&str, Option<RemovedKind>)] = &[
            ("Share on Facebook Share on X Email", Some(K::Share)),
            ("Follow us Facebook Instagram", Some(K::Share)),
            (
                "Follow us on Facebook | Twitter | Instagram",
                Some(K::Share),
            ),
            ("Facebook Twitter Email", Some(K::Share)),
            ("Share", Some(K::Share)),
            (
                "We use cookies to improve your experience. By continuing to browse you agree to our cookie policy.",
                Some(K::CookieNotice),
            ),
            ("Accept all", Some(K::CookieNotice)),
            (
                "© 2024 The Coastal Ledger. All rights reserved.",
                Some(K::Copyright),
            ),
            (
                "Copyright © 2023 Northern Wire. All rights reserved. This material may not be published.",
                Some(K::Copyright),
            ),
            ("About us | Contact | Privacy | Terms", Some(K::Footer)),
            (
                "The baker shared the recipe with cookies and cream.",
                Some(K::CookieNotice),
            ),
        ];
        for (input, want) in cases {
            assert_eq!(kind(input), *want, "{input:?}");
        }
    }

    #[test]
    fn related_navigation_ads_table() {
        let cases: &[(&str, Option<(RemovedKind, bool)>)] = &[
            ("You May Also Like", Some((K::Related, true))),
            ("Most popular", Some((K::Related, true))),
            ("Read more", Some((K::Related, true))),
            (
                "Read more: Kelmscott library celebrates 150 years",
                Some((K::Related, false)),
            ),
            ("Related articles", Some((K::Related, true))),
            ("Home > Regions > North", Some((K::Navigation, false))),
            (
                "Skip to content Skip to site index",
                Some((K::Navigation, false)),
            ),
            ("Advertisement", Some((K::Advertisement, false))),
            (
                "Continue reading the main story",
                Some((K::Advertisement, false)),
            ),
            ("Tags: Ports Labour Port Alder", Some((K::Tags, false))),
            ("5 min read", Some((K::Header, false))),
            (
                "&amp;lt;span data-mce-type=\"bookmark\"&amp;gt;",
                Some((K::Hidden, false)),
            ),
            (
                "Reporters in Rome contributed to this report.",
                Some((K::Byline, false)),
            ),
            ("He had read more than a hundred books.", None),
            ("Readers were unhappy.", None),
        ];
        for (input, want) in cases {
            let got = boilerplate(input).map(|b| (b.kind, b.header));
            assert_eq!(got, *want, "{input:?}");
        }
    }
}

//! Author names: how a name found on a page is cleaned (the metadata reads byline lines
//! with the byline grammar's `byline_names`).
//!
//! A name is cleaned by where it comes from ([`AuthorSource`]):
//!
//! | | [`AuthorSource::Field`] | [`AuthorSource::Grammar`] |
//! |---|---|---|
//! | comes from | a metadata author field (JSON-LD, `<meta>`, an author block of a page) | a name the byline grammar matched |
//! | cut | `by` prefix; a site after `\|` or `•`; an affiliation after `, ` | before a month or weekday word (or "published", "updated") that the name rule swallowed |
//! | refused | organisations and desks (a word of `ORG_WORDS`), handles, URLs, over 60 bytes, a single lower-case or run-together word | nothing (an empty name is dropped) |
//! | case | ALL CAPS title-cased ("LISA MASCARO" -> "Lisa Mascaro") | as written |

use super::super::dates::calendar::WEEKDAYS;
use super::super::lexemes::month;

/// Where an author name comes from, which says how it is cleaned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AuthorSource {
    /// A metadata author field, whitespace already collapsed: "By Jane Doe | Site" gives
    /// "Jane Doe"; organisations, handles and URLs give `None`.
    Field,
    /// A name the byline grammar matched: "Jane Doe November 14, 2019" gives "Jane Doe".
    Grammar,
}

/// Words that make an author an organisation or a desk, not a person.
const ORG_WORDS: &[&str] = &[
    "bureau",
    "staff",
    "desk",
    "team",
    "editorial",
    "editors",
    "newsroom",
    "news",
    "sport",
    "sports",
    "reviews",
    "media",
    "press",
    "agency",
    "admin",
    "administrator",
    "redaktion",
    "redacción",
    "rédaction",
    "wire",
    "online",
    "digital",
    "reporters",
    "contributor",
];

/// The name `raw` from `source`, cleaned; `None` when nothing of a person's name is left.
pub(crate) fn clean_author(raw: &str, source: AuthorSource) -> Option<String> {
    match source {
        AuthorSource::Field => clean_field(raw),
        AuthorSource::Grammar => Some(cut_before_date(raw)).filter(|s| !s.is_empty()),
    }
}

/// `s` without a leading `by`.
fn strip_by(s: &str) -> &str {
    s.strip_prefix("By ")
        .or_else(|| s.strip_prefix("by "))
        .or_else(|| s.strip_prefix("BY "))
        .unwrap_or(s)
}

/// Words that follow a name in byline widgets and are no part of it ("View More
/// Articles", "Topics", "Follow").
const WIDGET_TAIL: &[&str] = &[
    "view", "more", "articles", "topics", "follow", "email", "twitter", "posts", "profile", "bio",
    "contact", "read", "rss",
];

/// `a` cut before a widget word, also one run into the name ("Jose AltoverosView More").
fn cut_widget_tail(a: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    for w in a.split_whitespace() {
        if !out.is_empty() && WIDGET_TAIL.contains(&w.to_lowercase().as_str()) {
            break;
        }
        // A lower-to-upper change inside a word, with a widget word after it.
        let cut = w
            .char_indices()
            .zip(w.chars().skip(1))
            .find(|&((_, c), n)| c.is_lowercase() && n.is_uppercase())
            .map(|((k, c), _)| k + c.len_utf8())
            .filter(|&k| {
                let tail = w[k..].to_lowercase();
                k >= 3 && WIDGET_TAIL.iter().any(|t| tail.starts_with(t))
            });
        if let Some(k) = cut {
            out.push(w[..k].to_owned());
            break;
        }
        out.push(w.to_owned());
    }
    out.join(" ")
}

/// [`AuthorSource::Field`].
fn clean_field(a: &str) -> Option<String> {
    let a = cut_widget_tail(strip_by(a));
    let a = a.as_str();
    let a = a.split(['|', '•']).next()?.trim();
    // "Troy L. Smith, Cleveland.com": drop an affiliation after the comma.
    let a = match a.split_once(", ") {
        Some((name, rest)) if rest.contains('.') || rest.split_whitespace().count() > 2 => name,
        _ => a,
    }
    .trim();
    if a.is_empty()
        || a.len() > 60
        || a.starts_with("http")
        || a.starts_with('@')
        || a.contains('/')
    {
        return None;
    }
    let words: Vec<&str> = a.split_whitespace().collect();
    if words
        .iter()
        .any(|w| ORG_WORDS.contains(&w.to_lowercase().as_str()))
    {
        return None;
    }
    // One lower-case word ("admin") or a single run-together handle is not a name.
    if words.len() == 1
        && !words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().skip(1).any(char::is_lowercase)
        })
    {
        return None;
    }
    // "LISA MASCARO" -> "Lisa Mascaro".
    if a.chars().any(char::is_alphabetic) && !a.chars().any(char::is_lowercase) {
        let titled: Vec<String> = words
            .iter()
            .map(|w| {
                let mut cs = w.chars();
                cs.next().map_or_else(String::new, |f| {
                    f.to_uppercase()
                        .chain(cs.flat_map(char::to_lowercase))
                        .collect()
                })
            })
            .collect();
        return Some(titled.join(" "));
    }
    Some(a.to_owned())
}

/// [`AuthorSource::Grammar`]: the words of `name` before a month or weekday word (or
/// "published", "updated") that is not its first word.
fn cut_before_date(name: &str) -> String {
    let date_word = |w: &str| {
        let w = w.trim_end_matches(',');
        WEEKDAYS.iter().any(|d| d.0.eq_ignore_ascii_case(w))
            || ["published", "updated"]
                .iter()
                .any(|d| d.eq_ignore_ascii_case(w))
    };
    let mut out: Vec<&str> = Vec::new();
    for w in name.split_whitespace() {
        let is_date = month(w).is_ok_and(|(rest, _)| rest.is_empty()) || date_word(w);
        if is_date && !out.is_empty() {
            break;
        }
        out.push(w);
    }
    out.join(" ")
}

/// Whether a cleaned name can be a person's: not only job-title words ("Product
/// Manager"), and no word that widget labels and headings have and names do not
/// ("Check This Out", "View", "Original Content", "... RSS").
pub(crate) fn person_like(name: &str) -> bool {
    const ROLE: &[&str] = &[
        "manager",
        "director",
        "officer",
        "president",
        "vice",
        "chief",
        "executive",
        "ceo",
        "cto",
        "founder",
        "co-founder",
        "editor",
        "reporter",
        "writer",
        "correspondent",
        "columnist",
        "contributor",
        "producer",
        "analyst",
        "product",
        "senior",
        "head",
        "lead",
        "partner",
        "professor",
        "intern",
        "associate",
        "assistant",
        "guest",
        "marketing",
        "engineer",
        "developer",
        "designer",
    ];
    const NOT_IN_NAMES: &[&str] = &[
        "about",
        "this",
        "that",
        "out",
        "check",
        "content",
        "original",
        "view",
        "profile",
        "more",
        "all",
        "read",
        "our",
        "your",
        "my",
        "the",
        "rss",
        "posts",
        "follow",
        "home",
        "contact",
        "us",
        "team",
        "by",
        "comments",
        "share",
        "login",
        "subscribe",
    ];
    // Newsroom roles that no name holds, also in compounds ("CNN Editor-at-large").
    const NEWSROOM: &[&str] = &[
        "editor",
        "reporter",
        "writer",
        "correspondent",
        "columnist",
        "contributor",
        "producer",
    ];
    let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
    !words.is_empty()
        && !words.iter().all(|w| ROLE.contains(&w.trim_matches(',')))
        && !words.iter().any(|w| NOT_IN_NAMES.contains(&w.as_str()))
        && !words
            .iter()
            .flat_map(|w| w.split('-'))
            .any(|w| NEWSROOM.contains(&w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_field_table() {
        let cases = [
            ("By Jane Doe", Some("Jane Doe")),
            (
                "Amy Kuperinsky | NJ Advance Media for NJ.com",
                Some("Amy Kuperinsky"),
            ),
            ("Troy L. Smith, Cleveland.com", Some("Troy L. Smith")),
            ("LISA MASCARO", Some("Lisa Mascaro")),
            ("admin", None),
            ("News Nation Bureau", None),
            ("https://example.com/jane", None),
            ("Reuters", Some("Reuters")),
            ("Jane Doe November 14", Some("Jane Doe November 14")),
            ("Jose AltoverosView More Articles", Some("Jose Altoveros")),
            ("Tim Ferriss Topics", Some("Tim Ferriss")),
            ("Paul McDonald", Some("Paul McDonald")),
        ];
        for (raw, want) in cases {
            assert_eq!(
                clean_author(raw, AuthorSource::Field).as_deref(),
                want,
                "{raw}"
            );
        }
    }

    #[test]
    fn clean_grammar_table() {
        let cases = [
            ("Joseph Tsidulko November", Some("Joseph Tsidulko")),
            ("Jane Doe Monday,", Some("Jane Doe")),
            ("May Jones", Some("May Jones")),
            ("Jane Doe Updated", Some("Jane Doe")),
            ("LISA MASCARO", Some("LISA MASCARO")),
            ("News Desk", Some("News Desk")),
            ("", None),
        ];
        for (raw, want) in cases {
            assert_eq!(
                clean_author(raw, AuthorSource::Grammar).as_deref(),
                want,
                "{raw}"
            );
        }
    }
}

//! The title: the visible headline when the page's own titles agree with it, else the
//! candidate most others agree with; the site name stripped the same way from each.

use super::jsonld::JsonLd;
use super::page::{Fates, meta, norm};
use crate::html::builder::{Doc, Kind, collapse, cx};

/// The title: candidates from `og:title`, JSON-LD `headline`, `twitter:title`, the `<h1>`
/// nearest the article and `<title>`, each without the site name. The visible headline
/// (the `<h1>` nearest the article, else an `<h2>` just before its start) wins when it
/// shares most of its words with one of the page's titles (an SEO variant of the same
/// headline); otherwise the candidate most others agree with (equal, or one holding the
/// other), the earlier in that list on ties.
pub(super) fn choose_title(
    doc: &Doc<'_>,
    ld: &JsonLd,
    fates: &Fates,
    sites: &[String],
) -> Option<String> {
    let first_kept = fates.iter().position(Option::is_none).unwrap_or(0);
    let visible = |level: u8| {
        doc.blocks.iter().enumerate().filter(move |(_, b)| {
            b.kind == Kind::Heading(level) && b.ctx & (cx::HIDDEN | cx::INVISIBLE) == 0
        })
    };
    // Distance to the article's start, a heading before it preferred.
    let distance = |k: usize| {
        if k <= first_kept {
            first_kept - k
        } else {
            (k - first_kept) * 2
        }
    };
    let mut h1s: Vec<(usize, String)> = visible(1)
        .map(|(k, b)| (distance(k), b.text.replace('\n', " ")))
        .collect();
    h1s.sort_by_key(|(d, _)| *d);
    let h1 = h1s.first().map(|(_, t)| t.clone());
    // An h2 stands for the headline only just before the article's start (blogs).
    let h2s = visible(2)
        .filter(|(k, _)| *k <= first_kept + 1 && k + 12 >= first_kept)
        .map(|(k, b)| (distance(k), b.text.replace('\n', " ")));
    let page_title = doc.meta.title.clone();
    // Site names, and what `<title>` adds to og:title (its site suffix).
    let mut sites: Vec<String> = sites.to_vec();
    if let (Some(t), Some(og)) = (page_title.as_deref(), meta(doc, &["og:title"])) {
        if let Some(rest) = t.strip_prefix(og) {
            let rest = rest
                .trim_start_matches([' ', '|', '-', '—', '–', ':', '·'])
                .trim();
            if !rest.is_empty() && rest.len() < 60 {
                sites.push(rest.to_owned());
            }
        }
    }
    let clean = |t: &str| Some(strip_sites(t, &sites)).filter(|t| !is_site(t, &sites));
    let stated: Vec<String> = [
        meta(doc, &["og:title"]).map(str::to_owned),
        ld.headline.clone(),
        meta(doc, &["twitter:title"]).map(str::to_owned),
        page_title.clone(),
    ]
    .into_iter()
    .flatten()
    .filter_map(|t| clean(&t))
    .collect();
    let mut headings: Vec<(usize, String)> = h1s.into_iter().take(3).collect();
    let mut h2s: Vec<(usize, String)> = h2s.collect();
    h2s.sort_by_key(|(d, _)| *d);
    headings.extend(h2s.into_iter().take(2));
    for (_, h) in &headings {
        if let Some(h) = clean(h) {
            // A heading holding a stated title and more carries a dateline or a kicker.
            let holds = |s: &String| {
                let (a, b) = (norm(&h), norm(s));
                a.len() > b.len() && a.contains(&b)
            };
            if stated.iter().any(|s| variant(&h, s)) && !stated.iter().any(holds) {
                return Some(h);
            }
        }
    }
    let cands: Vec<String> = [
        meta(doc, &["og:title"]).map(str::to_owned),
        ld.headline.clone(),
        meta(doc, &["twitter:title"]).map(str::to_owned),
        h1,
        page_title,
    ]
    .into_iter()
    .flatten()
    .filter_map(|t| clean(&t))
    .collect();
    let keys: Vec<String> = cands.iter().map(|c| norm(c)).collect();
    let agree = |a: &str, b: &str| {
        !a.is_empty()
            && !b.is_empty()
            && (a == b || (a.len() >= 12 && b.contains(a)) || (b.len() >= 12 && a.contains(b)))
    };
    let mut best: Option<(usize, usize)> = None;
    for (i, k) in keys.iter().enumerate() {
        let support = keys
            .iter()
            .enumerate()
            .filter(|&(j, o)| j != i && agree(k, o))
            .count();
        if best.is_none_or(|(s, _)| support > s) {
            best = Some((support, i));
        }
    }
    best.and_then(|(_, i)| cands.get(i).cloned())
}

/// Whether `t` is empty or only a site name.
fn is_site(t: &str, sites: &[String]) -> bool {
    t.is_empty() || sites.iter().any(|s| norm(s) == norm(t))
}

/// Words every English headline may share with another: not evidence of one headline.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "his", "her", "in",
    "is", "it", "its", "no", "not", "of", "on", "or", "s", "that", "the", "their", "this", "to",
    "was", "with",
];

/// The content words of a title, lower case, letters and digits only.
fn words(t: &str) -> Vec<String> {
    let mut w: Vec<String> = t
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !FUNCTION_WORDS.contains(&w.as_str()))
        .collect();
    w.sort();
    w.dedup();
    w
}

/// Whether two titles are versions of one headline: they share at least two content
/// words and at least half the content words of the longer ("HS Roundup: Viera defeats Rockledge" and
/// "High School Roundup: Viera defeats Rockledge"); a blog's name ("Asia Unbound") and
/// "Asia Unbound » China's Olympic Debate" share too few.
fn same_headline(a: &str, b: &str) -> bool {
    let (wa, wb) = (words(a), words(b));
    let common = wa.iter().filter(|w| wb.binary_search(w).is_ok()).count();
    common >= 2 && 2 * common >= wa.len().max(wb.len())
}

/// Whether the heading `h` is the page's own title `s` as the reader sees it: the same,
/// or another wording of it ([`same_headline`]) that neither holds nor is held by `s`. A
/// heading inside the title may be the site's name ("Web Ink Now" of "Web Ink Now:
/// Going off script"), one holding it may carry a dateline: the vote decides those.
fn variant(h: &str, s: &str) -> bool {
    let (a, b) = (norm(h), norm(s));
    a == b || (same_headline(h, s) && !a.contains(&b) && !b.contains(&a))
}

/// [`strip_site`] with each site name in turn (and none).
fn strip_sites(title: &str, sites: &[String]) -> String {
    let mut t = collapse(title);
    for s in sites {
        let next = strip_site(&t, Some(s));
        if next != t {
            t = next;
        }
    }
    if sites.is_empty() {
        t = strip_site(&t, None);
    }
    t
}

/// Removes a site name from the start or end of a title ("Title | Site", "Site - Title").
fn strip_site(title: &str, site: Option<&str>) -> String {
    let title = collapse(title);
    for sep in [" | ", " - ", " — ", " – ", " :: ", " · ", " « ", " » "] {
        if let Some((a, b)) = title.rsplit_once(sep) {
            let matches_site = |x: &str| {
                site.is_some_and(|s| {
                    !s.is_empty()
                        && (x.eq_ignore_ascii_case(s)
                            || x.to_lowercase().contains(&s.to_lowercase()))
                })
            };
            if matches_site(b)
                || (site.is_none()
                    && b.split_whitespace().count() <= 3
                    && a.split_whitespace().count() >= 4)
            {
                return a.trim().to_owned();
            }
            if matches_site(a) && !matches_site(b) {
                if let Some((_, rest)) = title.split_once(sep) {
                    return rest.trim().to_owned();
                }
            }
        }
    }
    title
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strip_site_table() {
        let cases = [
            (
                "Fire damages library - Northern Wire",
                Some("Northern Wire"),
                "Fire damages library",
            ),
            (
                "Northern Wire | Fire damages library",
                Some("Northern Wire"),
                "Fire damages library",
            ),
            (
                "A long title with words | Site",
                None,
                "A long title with words",
            ),
            ("Just a title", Some("X"), "Just a title"),
        ];
        for (t, s, want) in cases {
            assert_eq!(strip_site(t, s), want, "{t}");
        }
    }

    #[test]
    fn variant_table() {
        let cases = [
            ("Fire damages library", "Fire damages library", true),
            (
                "High School Roundup: Viera defeats Rockledge",
                "HS Roundup: Viera defeats Rockledge",
                true,
            ),
            ("Web Ink Now", "Web Ink Now: Going off script", false),
            (
                "Turnout appears high World, Updated Nov 07, 2012",
                "Turnout appears high",
                false,
            ),
        ];
        for (h, s, want) in cases {
            assert_eq!(variant(h, s), want, "{h} / {s}");
        }
    }

    #[test]
    fn same_headline_table() {
        let cases = [
            (
                "HS Roundup: Viera defeats Rockledge to remain undefeated",
                "High School Roundup: Viera defeats Rockledge to remain undefeated",
                true,
            ),
            (
                "South Dakota says, 'Meth. We're On It,' and Twitter asks, Are you guys OK?",
                "'Meth. We're On It': South Dakota campaign is working Kristi Noem says",
                true,
            ),
            (
                "Asia Unbound",
                "Asia Unbound » China's Olympic Debate",
                false,
            ),
            ("Allergies Health Center", "Fire damages library", false),
            ("The right questions", "All the Wrong Questions", false),
            ("Fire", "Fire", false),
        ];
        for (a, b, want) in cases {
            assert_eq!(same_headline(a, b), want, "{a} / {b}");
            assert_eq!(same_headline(b, a), want, "{b} / {a}");
        }
    }
}

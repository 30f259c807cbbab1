//! Authors: candidates from JSON-LD, `<meta>`, byline elements and lines, each read by
//! the one byline grammar and scored; the site or publisher is never an author.

use article_model::RemovedKind;

use super::jsonld::JsonLd;
use super::page::{Fates, WIDGETS, byline_class, foreign, norm};
use crate::html::builder::{Doc, collapse, cx};
use crate::recognize::{AuthorSource, byline_names, clean_author, person_like};

/// An author candidate: its names and how strong its evidence is.
pub(super) struct Candidates {
    /// `(strength, names)`, strongest kept first.
    best: Option<(u8, Vec<String>)>,
}

impl Candidates {
    /// Offers names (a single empty name: "a byline naming no person").
    fn offer(&mut self, strength: u8, names: Vec<String>) {
        if names.is_empty() {
            return;
        }
        if self.best.as_ref().is_none_or(|(s, _)| strength > *s) {
            self.best = Some((strength, names));
        }
    }
}

/// A byline of a desk or staff, not a person: "By HNN Staff", "Reuters Staff".
pub(super) fn is_staff_byline(text: &str) -> bool {
    let t = text.to_lowercase();
    t.len() < 120
        && [
            "staff",
            "desk",
            "bureau",
            "newsroom",
            "redaktion",
            "rédaction",
            "redacción",
        ]
        .iter()
        .any(|w| t.split(|c: char| !c.is_alphanumeric()).any(|x| x == *w))
}

/// The names of an author field: by the byline grammar, else the field cleaned whole
/// (names without capitals, in scripts with no case, or with a single word).
pub(super) fn field_names(raw: &str) -> Vec<String> {
    let raw = collapse(raw);
    if let Some(n) = byline_names(&raw, false) {
        return n;
    }
    raw.split([',', ';'])
        .flat_map(|p| p.split(" and ").flat_map(|q| q.split(" And ")))
        .flat_map(|p| p.split(" AND "))
        .filter_map(|p| clean_author(p.trim(), AuthorSource::Field))
        .collect()
}

/// The authors: the strongest candidate of JSON-LD, `<meta>` author fields, byline
/// elements (`rel=author`, `itemprop=author`, class or id words) and "By ..." lines,
/// each read by the byline grammar; never a site, publisher or widget.
pub(super) fn authors(
    doc: &Doc<'_>,
    ld: &JsonLd,
    fates: &Fates,
    region: &std::ops::Range<usize>,
    sites: &[String],
    host: Option<&str>,
) -> Vec<String> {
    let host_label = host.map(|h| {
        let h = h.trim_start_matches("www.");
        norm(h.split('.').next().unwrap_or(h))
    });
    let keep = |names: Vec<String>| keep(names, sites, host_label.as_deref());
    let mut c = Candidates { best: None };
    let ld_names: Vec<String> = ld.authors.iter().flat_map(|a| field_names(a)).collect();
    c.offer(5, keep(ld_names));
    for k in [
        "author",
        "article:author",
        "dc.creator",
        "parsely-author",
        "sailthru.author",
        "byl",
        "dcterms.creator",
        "citation_author",
    ] {
        let mut names = Vec::new();
        for (key, v) in &doc.meta.metas {
            if key == k && !v.starts_with("http") && !v.starts_with("www.") {
                names.extend(field_names(v));
            }
        }
        c.offer(4, keep(names));
    }
    let first_kept = fates.iter().position(Option::is_none).unwrap_or(0);
    for (k, b) in doc.blocks.iter().enumerate().take(2000) {
        if b.chars > 160 || b.ctx & (cx::HIDDEN | cx::INVISIBLE | cx::CAPTION | cx::FIGURE) != 0 {
            continue;
        }
        let fate = fates.get(k).copied().flatten();
        // An author link with its lead word just before the body ("By <a rel=author>Jane
        // Roe</a> - 2019-04-10") is the article's byline, whatever box holds it.
        let leads_body = k < first_kept
            && k + 2 >= first_kept
            && b.ctx & cx::AUTHOR != 0
            && byline_names(&b.text, true).is_some();
        if foreign(fate) && !(leads_body && fate == Some(RemovedKind::Related)) {
            continue;
        }
        let inside = region.contains(&k);
        // Before the body's first kept block or at its start (a byline the locator kept).
        let near_top = k + 40 >= first_kept && k <= first_kept + 2;
        let inside = inside && k + 2 < region.end;
        let element = b.ctx & cx::AUTHOR != 0 || byline_class(doc, b.node);
        let names = if element && (inside || near_top) {
            byline_names(&b.text, false)
        } else if element {
            // Outside the article, a byline element needs its lead word too.
            byline_names(&b.text, true)
        } else {
            // A line of the body needs its lead word and a full name.
            byline_names(&b.text, true)
                .filter(|n| n.iter().all(|x| x.split_whitespace().count() >= 2))
        };
        let Some(names) = names else {
            // A byline element that names no person ("By HNN Staff") is the article's
            // byline all the same: no later element speaks for it.
            if element && (inside || near_top) && is_staff_byline(&b.text) {
                c.offer(3, vec![String::new()]);
            }
            continue;
        };
        let strength = match (element, inside || near_top) {
            (true, true) => 3,
            (false, true) if near_top || fate == Some(RemovedKind::Byline) => 2,
            (true, false) => 1,
            _ => 0,
        };
        if strength > 0 {
            c.offer(strength, keep(names));
        }
    }
    // A staff byline wins as the empty name: no author.
    c.best
        .map(|(_, names)| names.into_iter().filter(|n| !n.is_empty()).collect())
        .unwrap_or_default()
}

/// The names of a candidate that can be the article's authors: cleaned, person-like,
/// not the site, its host or a widget, without repeats (at most 10). Empty when none is
/// left, so that a weaker candidate can speak.
fn keep(names: Vec<String>, sites: &[String], host_label: Option<&str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for a in names {
        let a = a.strip_prefix("About ").unwrap_or(&a);
        let Some(a) = clean_author(a, AuthorSource::Field) else {
            continue;
        };
        if !person_like(&a) {
            continue;
        }
        let key = norm(&a);
        let lower = a.to_lowercase();
        let is_site = sites.iter().any(|s| {
            let s = norm(s);
            !s.is_empty() && (s == key || s.contains(&key) || key.contains(&s))
        }) || host_label.is_some_and(|h| !h.is_empty() && h == key)
            || WIDGETS.iter().any(|w| lower.contains(w));
        if key.is_empty() || is_site {
            continue;
        }
        if !out.iter().any(|o| norm(o) == key) {
            out.push(a);
        }
        if out.len() == 10 {
            break;
        }
    }
    out
}

//! Page metadata: title, authors, published date, language, site name, canonical URL.
//!
//! Evidence, strongest first: JSON-LD (`headline`, `author`, `datePublished`,
//! `publisher`, `articleBody`), `<meta>` tags (Open Graph, `article:*`, Dublin Core,
//! Parse.ly, `name=author`, `name=date`), then the page itself (`<h1>`, `<title>` minus the
//! site name, `rel=author` links and "By ..." byline blocks, `<time datetime>`, dates in the
//! URL path and visible date lines). Nothing is invented: absent facts stay `None`.

use article_model::Metadata;
use serde_json::Value;

use super::builder::{Doc, Kind, collapse, cx};
use crate::classify::{Acceptance, body_language, guess_language};
use crate::recognize::{
    AuthorSource, clean_author, field_date, split_byline, url_date, visible_date,
};

/// What JSON-LD says about the article.
#[derive(Debug, Default)]
pub(crate) struct JsonLd {
    pub headline: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<String>,
    pub publisher: Option<String>,
    pub body: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
}

const ARTICLE_TYPES: &[&str] = &[
    "article",
    "newsarticle",
    "blogposting",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "reviewnewsarticle",
    "backgroundnewsarticle",
    "scholarlyarticle",
    "techarticle",
    "socialmediaposting",
    "liveblogposting",
    "posting",
    "report",
];

fn is_article_type(v: &Value) -> bool {
    let check = |s: &str| ARTICLE_TYPES.contains(&s.to_ascii_lowercase().as_str());
    match v.get("@type") {
        Some(Value::String(s)) => check(s),
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).any(check),
        _ => false,
    }
}

fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => {
            Some(collapse(&super::charref::decode(s, false))).filter(|s| !s.is_empty())
        }
        Value::Array(a) => a.iter().find_map(text_of),
        Value::Object(_) => v.get("name").and_then(text_of),
        _ => None,
    }
}

fn names_of(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(collapse(s)),
        Value::Array(a) => {
            for x in a.iter().take(20) {
                if let Some(n) = x.get("name").and_then(text_of) {
                    out.push(n);
                } else if let Value::String(s) = x {
                    out.push(collapse(s));
                }
            }
        }
        Value::Object(_) => {
            if let Some(n) = v.get("name").and_then(text_of) {
                out.push(n);
            }
        }
        _ => {}
    }
}

/// Reads the JSON-LD blocks of a page.
pub(crate) fn json_ld(blocks: &[&str]) -> JsonLd {
    let mut out = JsonLd::default();
    for raw in blocks {
        let raw = raw.trim();
        let raw = raw
            .trim_start_matches("<!--")
            .trim_end_matches("-->")
            .trim_start_matches("//<![CDATA[")
            .trim_end_matches("//]]>")
            .trim();
        let Ok(v) = serde_json::from_str::<Value>(raw) else {
            continue;
        };
        // Explicit stack: no recursion on input structure.
        let mut stack = vec![&v];
        let mut seen = 0;
        while let Some(item) = stack.pop() {
            seen += 1;
            if seen > 10_000 {
                break;
            }
            match item {
                Value::Array(a) => stack.extend(a.iter().rev()),
                Value::Object(o) => {
                    if is_article_type(item) {
                        take_article(item, &mut out);
                    } else if out.publisher.is_none()
                        && matches!(
                            item.get("@type").and_then(Value::as_str),
                            Some("Organization" | "NewsMediaOrganization" | "WebSite")
                        )
                    {
                        out.publisher = item.get("name").and_then(text_of);
                    }
                    if let Some(g) = o.get("@graph") {
                        stack.push(g);
                    }
                    if let Some(m) = o.get("mainEntity") {
                        stack.push(m);
                    }
                }
                _ => {}
            }
        }
    }
    out
}

fn take_article(v: &Value, out: &mut JsonLd) {
    if out.headline.is_none() {
        out.headline = v
            .get("headline")
            .or_else(|| v.get("name"))
            .and_then(text_of);
    }
    if out.authors.is_empty() {
        if let Some(a) = v.get("author").or_else(|| v.get("creator")) {
            names_of(a, &mut out.authors);
        }
    }
    if out.published.is_none() {
        out.published = v
            .get("datePublished")
            .or_else(|| v.get("dateCreated"))
            .and_then(Value::as_str)
            .and_then(field_date);
    }
    if let Some(p) = v.get("publisher").and_then(text_of) {
        out.publisher.get_or_insert(p);
    }
    if out.body.is_none() {
        out.body = v
            .get("articleBody")
            .and_then(Value::as_str)
            .map(str::to_owned)
            .filter(|b| b.len() > 100);
    }
    if out.url.is_none() {
        out.url = v
            .get("url")
            .and_then(Value::as_str)
            .or_else(|| {
                v.get("mainEntityOfPage")
                    .and_then(|m| m.as_str().or_else(|| m.get("@id").and_then(Value::as_str)))
            })
            .map(str::to_owned);
    }
    if out.language.is_none() {
        out.language = v.get("inLanguage").and_then(text_of);
    }
}

fn meta<'m>(doc: &'m Doc<'_>, keys: &[&str]) -> Option<&'m str> {
    keys.iter().find_map(|k| {
        doc.meta
            .metas
            .iter()
            .find(|(key, c)| key == k && !c.is_empty())
            .map(|(_, c)| c.as_str())
    })
}

/// Fills `md` from the page; `kept_heading` is the text of the first `<h1>`, if any.
pub(crate) fn fill(doc: &Doc<'_>, ld: &JsonLd, body_text: &str, md: &mut Metadata) {
    let site = meta(doc, &["og:site_name", "application-name", "twitter:site"])
        .map(|s| s.trim_start_matches('@').to_owned())
        .or_else(|| ld.publisher.clone());
    md.site_name = site.clone().filter(|s| !s.is_empty());

    let h1 = doc
        .blocks
        .iter()
        .find(|b| b.kind == Kind::Heading(1) && b.ctx & (cx::HIDDEN | cx::INVISIBLE) == 0)
        .map(|b| b.text.replace('\n', " "));
    let title = meta(doc, &["og:title", "twitter:title"])
        .map(str::to_owned)
        .or_else(|| ld.headline.clone())
        .or(h1)
        .or_else(|| doc.meta.title.clone());
    md.title = title
        .map(|t| strip_site(&t, site.as_deref()))
        .filter(|t| !t.is_empty());

    let mut authors = ld.authors.clone();
    if authors.is_empty() {
        for k in [
            "author",
            "article:author",
            "dc.creator",
            "parsely-author",
            "sailthru.author",
            "byl",
        ] {
            for (key, c) in &doc.meta.metas {
                if key == k && !c.starts_with("http") {
                    authors.extend(c.split([',', ';']).map(|s| s.trim().to_owned()));
                }
            }
            if !authors.is_empty() {
                break;
            }
        }
    }
    if authors.is_empty() {
        for b in &doc.blocks {
            if b.ctx & cx::AUTHOR != 0 && b.chars < 80 {
                if let Some(names) = split_byline(&b.text) {
                    authors.extend(names);
                }
                if authors.len() >= 5 {
                    break;
                }
            }
        }
    }
    if authors.is_empty() {
        for b in doc.blocks.iter().take(400) {
            if b.chars < 100 && b.ctx & (cx::HIDDEN | cx::INVISIBLE) == 0 {
                let t = b.text.trim_start();
                if t.len() > 3 && t.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("by ")) {
                    if let Some(names) = split_byline(t) {
                        authors.extend(names);
                        break;
                    }
                }
            }
        }
    }
    let publisher = ld.publisher.as_deref().unwrap_or("");
    let mut clean: Vec<String> = Vec::new();
    for a in authors {
        let Some(a) = clean_author(&collapse(&a), AuthorSource::Field) else {
            continue;
        };
        let same = |org: &str| {
            let (x, y) = (a.to_lowercase(), org.to_lowercase());
            !y.is_empty() && (x == y || y.contains(&x) || x.contains(&y))
        };
        if same(publisher) || site.as_deref().is_some_and(same) {
            continue;
        }
        if !clean.iter().any(|c| c.eq_ignore_ascii_case(&a)) {
            clean.push(a);
        }
    }
    md.authors = clean;

    md.published = ld
        .published
        .clone()
        .or_else(|| {
            meta(
                doc,
                &[
                    "article:published_time",
                    "og:published_time",
                    "datepublished",
                    "publishdate",
                    "publish-date",
                    "pubdate",
                    "date",
                    "dc.date",
                    "dc.date.issued",
                    "dcterms.created",
                    "parsely-pub-date",
                    "sailthru.date",
                    "article.published",
                    "published_time",
                    "og:article:published_time",
                    "cxenseparse:recs:publishtime",
                    "dc.date.created",
                    "article_date_original",
                ],
            )
            .and_then(field_date)
        })
        .or_else(|| {
            doc.meta
                .times
                .iter()
                .find(|t| t.2)
                .and_then(|t| field_date(&t.0))
        })
        .or_else(|| doc.meta.times.first().and_then(|t| field_date(&t.0)))
        .or_else(|| {
            doc.meta
                .canonical
                .as_deref()
                .or(meta(doc, &["og:url"]))
                .and_then(url_date)
        })
        .or_else(|| {
            doc.blocks
                .iter()
                .take(300)
                .filter(|b| b.chars < 80)
                .find_map(|b| visible_date(&b.text))
        });

    let lang = doc
        .meta
        .lang
        .clone()
        .or_else(|| ld.language.clone())
        .or_else(|| {
            meta(
                doc,
                &["content-language", "og:locale", "language", "dc.language"],
            )
            .map(str::to_owned)
        });
    // The body's own language wins over a declared one it contradicts (templates declare
    // `lang="en"` on pages of every language), but only when whatlang is sure of it.
    let declared = lang.and_then(|l| primary_subtag(&l));
    md.language = match (declared, body_language(body_text)) {
        (Some(d), Some(body)) if d != body => Some(body.to_owned()),
        (declared, _) => declared.or_else(|| detect_language(body_text)),
    };

    md.url = doc
        .meta
        .canonical
        .clone()
        .or_else(|| meta(doc, &["og:url"]).map(str::to_owned))
        .or_else(|| ld.url.clone())
        .filter(|u| u.starts_with("http"));
}

fn primary_subtag(l: &str) -> Option<String> {
    let p = l.split(['-', '_']).next()?.trim().to_ascii_lowercase();
    (p.len() == 2 || p.len() == 3)
        .then_some(p)
        .filter(|p| p.chars().all(|c| c.is_ascii_alphabetic()))
}

fn detect_language(text: &str) -> Option<String> {
    let sample: String = text.chars().take(2000).collect();
    let code = guess_language(&sample, Acceptance::METADATA)?.code();
    Some(to_639_1(code).unwrap_or(code).to_owned())
}

fn to_639_1(code3: &str) -> Option<&'static str> {
    const MAP: &[(&str, &str)] = &[
        ("eng", "en"),
        ("rus", "ru"),
        ("cmn", "zh"),
        ("spa", "es"),
        ("por", "pt"),
        ("ita", "it"),
        ("ben", "bn"),
        ("fra", "fr"),
        ("deu", "de"),
        ("ukr", "uk"),
        ("kat", "ka"),
        ("ara", "ar"),
        ("hin", "hi"),
        ("jpn", "ja"),
        ("heb", "he"),
        ("yid", "yi"),
        ("pol", "pl"),
        ("amh", "am"),
        ("jav", "jv"),
        ("kor", "ko"),
        ("nob", "nb"),
        ("dan", "da"),
        ("swe", "sv"),
        ("fin", "fi"),
        ("tur", "tr"),
        ("nld", "nl"),
        ("hun", "hu"),
        ("ces", "cs"),
        ("ell", "el"),
        ("bul", "bg"),
        ("bel", "be"),
        ("mar", "mr"),
        ("kan", "kn"),
        ("ron", "ro"),
        ("slv", "sl"),
        ("hrv", "hr"),
        ("srp", "sr"),
        ("mkd", "mk"),
        ("lit", "lt"),
        ("lav", "lv"),
        ("est", "et"),
        ("tam", "ta"),
        ("vie", "vi"),
        ("urd", "ur"),
        ("tha", "th"),
        ("guj", "gu"),
        ("uzb", "uz"),
        ("pan", "pa"),
        ("aze", "az"),
        ("ind", "id"),
        ("tel", "te"),
        ("pes", "fa"),
        ("mal", "ml"),
        ("ori", "or"),
        ("mya", "my"),
        ("nep", "ne"),
        ("sin", "si"),
        ("khm", "km"),
        ("tuk", "tk"),
        ("aka", "ak"),
        ("zul", "zu"),
        ("sna", "sn"),
        ("afr", "af"),
        ("lat", "la"),
        ("slk", "sk"),
        ("cat", "ca"),
        ("tgl", "tl"),
        ("hye", "hy"),
        ("epo", "eo"),
    ];
    MAP.iter().find(|(a, _)| *a == code3).map(|(_, b)| *b)
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
    fn json_ld_table() {
        let ld = json_ld(&[
            r#"{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"H","author":[{"@type":"Person","name":"A B"}],"datePublished":"2020-07-16T10:00:00Z","publisher":{"@type":"Organization","name":"P"}}]}"#,
        ]);
        assert_eq!(ld.headline.as_deref(), Some("H"));
        assert_eq!(ld.authors, ["A B"]);
        assert_eq!(ld.published.as_deref(), Some("2020-07-16T10:00:00Z"));
        assert_eq!(ld.publisher.as_deref(), Some("P"));
    }
}

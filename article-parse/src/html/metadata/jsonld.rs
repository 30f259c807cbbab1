//! JSON-LD: the article object of a page's `application/ld+json` blocks (also in
//! `@graph`, with `@id` references), read into [`JsonLd`].

use serde_json::Value;

use crate::html::builder::collapse;

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
    pub modified: Option<String>,
    pub description: Option<String>,
    pub image: Option<String>,
    pub keywords: Vec<String>,
    pub sections: Vec<String>,
    pub license: Option<String>,
    /// Whether an article type was seen; whether a video, a listing page.
    pub is_article: bool,
    pub is_video: bool,
    pub is_listing: bool,
}

pub(super) const ARTICLE_TYPES: &[&str] = &[
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

pub(super) fn is_article_type(v: &Value) -> bool {
    let check = |s: &str| ARTICLE_TYPES.contains(&s.to_ascii_lowercase().as_str());
    match v.get("@type") {
        Some(Value::String(s)) => check(s),
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).any(check),
        _ => false,
    }
}

pub(super) fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => {
            Some(collapse(&crate::html::charref::decode(s, false))).filter(|s| !s.is_empty())
        }
        Value::Array(a) => a.iter().find_map(text_of),
        Value::Object(_) => v.get("name").and_then(text_of),
        _ => None,
    }
}

/// Marks an author given only by `@id` (a Person elsewhere in the `@graph`).
pub(super) const ID_MARK: &str = "\u{0}id:";

pub(super) fn names_of(v: &Value, out: &mut Vec<String>) {
    let one = |x: &Value, out: &mut Vec<String>| {
        if let Some(n) = x.get("name").and_then(text_of) {
            out.push(n);
        } else if let Some(id) = x.get("@id").and_then(Value::as_str) {
            out.push(format!("{ID_MARK}{id}"));
        } else if let Value::String(s) = x {
            out.push(collapse(s));
        }
    };
    match v {
        Value::Array(a) => {
            for x in a.iter().take(20) {
                one(x, out);
            }
        }
        _ => one(v, out),
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
        let mut persons: Vec<(String, String)> = Vec::new();
        // The author of a WebPage node (Yoast's schema for a post puts it there): the
        // page's author when no article node names one.
        let mut page_authors: Vec<String> = Vec::new();
        let mut seen = 0;
        while let Some(item) = stack.pop() {
            seen += 1;
            if seen > 10_000 {
                break;
            }
            match item {
                Value::Array(a) => stack.extend(a.iter().rev()),
                Value::Object(o) => {
                    let types = type_names(item);
                    if types.iter().any(|t| t == "person") && persons.len() < 100 {
                        if let (Some(id), Some(n)) = (
                            item.get("@id").and_then(Value::as_str),
                            item.get("name").and_then(text_of),
                        ) {
                            persons.push((id.to_owned(), n));
                        }
                    }
                    if types.iter().any(|t| t == "videoobject") {
                        out.is_video = true;
                    }
                    if types.iter().any(|t| {
                        matches!(
                            t.as_str(),
                            "collectionpage" | "itemlist" | "searchresultspage"
                        )
                    }) {
                        out.is_listing = true;
                    }
                    if is_article_type(item) {
                        out.is_article = true;
                        take_article(item, &mut out);
                    } else if types.iter().any(|t| t == "webpage") && page_authors.is_empty() {
                        if let Some(a) = o.get("author") {
                            names_of(a, &mut page_authors);
                        }
                    }
                    if !is_article_type(item)
                        && out.publisher.is_none()
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
        if out.authors.is_empty() {
            out.authors = page_authors;
        }
        // Authors given by `@id`: the Person of that id, or nothing.
        out.authors = std::mem::take(&mut out.authors)
            .into_iter()
            .filter_map(|a| match a.strip_prefix(ID_MARK) {
                Some(id) => persons
                    .iter()
                    .find(|(i, _)| i == id)
                    .map(|(_, n)| n.clone()),
                None => Some(a),
            })
            .collect();
    }
    out
}

/// The `@type` names of an object, lower case.
pub(super) fn type_names(v: &Value) -> Vec<String> {
    match v.get("@type") {
        Some(Value::String(s)) => vec![s.to_ascii_lowercase()],
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_ascii_lowercase)
            .collect(),
        _ => Vec::new(),
    }
}

/// Strings of a value that is a string, a comma-separated string, or an array of them
/// (or of objects with a `name`).
pub(super) fn list_of(v: &Value, out: &mut Vec<String>) {
    let mut push = |s: &str| {
        for part in s.split(',') {
            let p = collapse(&crate::html::charref::decode(part, false));
            if !p.is_empty() && p.len() < 100 && out.len() < 50 {
                out.push(p);
            }
        }
    };
    match v {
        Value::String(s) => push(s),
        Value::Array(a) => {
            for x in a.iter().take(50) {
                if let Some(s) = x.as_str() {
                    push(s);
                } else if let Some(s) = x.get("name").and_then(Value::as_str) {
                    push(s);
                }
            }
        }
        _ => {}
    }
}

/// A URL given as a string, an object with `url` or `@id`, or an array of either.
pub(super) fn url_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
        Value::Array(a) => a.iter().find_map(url_of),
        Value::Object(_) => v
            .get("url")
            .or_else(|| v.get("contentUrl"))
            .or_else(|| v.get("@id"))
            .and_then(url_of),
        _ => None,
    }
}

pub(super) fn take_article(v: &Value, out: &mut JsonLd) {
    if out.modified.is_none() {
        out.modified = v
            .get("dateModified")
            .and_then(Value::as_str)
            .map(str::to_owned);
    }
    if out.description.is_none() {
        out.description = v.get("description").and_then(text_of);
    }
    if out.image.is_none() {
        out.image = v
            .get("image")
            .or_else(|| v.get("thumbnailUrl"))
            .and_then(url_of);
    }
    if out.keywords.is_empty() {
        if let Some(k) = v.get("keywords") {
            list_of(k, &mut out.keywords);
        }
    }
    if out.sections.is_empty() {
        if let Some(k) = v.get("articleSection") {
            list_of(k, &mut out.sections);
        }
    }
    if out.license.is_none() {
        out.license = v.get("license").and_then(url_of);
    }
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
            .map(str::to_owned);
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

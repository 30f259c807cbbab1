//! Page metadata: title, authors, published and modified dates, language, site name,
//! canonical URL and host, description, image, tags, categories, licence, page type.
//!
//! Evidence, strongest first: JSON-LD (`headline`, `author`, `datePublished`,
//! `dateModified`, `publisher`, `articleBody`, `keywords`, `articleSection`, `image`,
//! `license`), `<meta>` tags (Open Graph, `article:*`, Dublin Core, Parse.ly, Sailthru,
//! `name=author`, `name=date`), then the page itself: the title candidates are compared
//! and the one most of them agree with wins; authors come from byline elements
//! (`rel=author`, `itemprop=author`, class or id words) and "By ..." lines near the
//! article's start, read by the one byline grammar; dates from `<time datetime>`, visible
//! date lines (never an "Updated" one as the published date) and the URL path, read by the
//! one date grammar. Nothing is invented: absent facts stay `None`.

use article_model::{DateSource, Metadata, PageType, RemovedKind};
use serde_json::Value;

use super::builder::{Doc, Kind, collapse, cx};
use crate::classify::{Acceptance, body_language, guess_language};
use crate::recognize::{
    AuthorSource, Order, byline_names, clean_author, date_in_line, field_value, url_date,
    visible_date,
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

/// Marks an author given only by `@id` (a Person elsewhere in the `@graph`).
const ID_MARK: &str = "\u{0}id:";

fn names_of(v: &Value, out: &mut Vec<String>) {
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
fn type_names(v: &Value) -> Vec<String> {
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
fn list_of(v: &Value, out: &mut Vec<String>) {
    let mut push = |s: &str| {
        for part in s.split(',') {
            let p = collapse(&super::charref::decode(part, false));
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
fn url_of(v: &Value) -> Option<String> {
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

fn take_article(v: &Value, out: &mut JsonLd) {
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

fn meta<'m>(doc: &'m Doc<'_>, keys: &[&str]) -> Option<&'m str> {
    keys.iter().find_map(|k| {
        doc.meta
            .metas
            .iter()
            .find(|(key, c)| key == k && !c.is_empty())
            .map(|(_, c)| c.as_str())
    })
}

/// How each block of the page ended: `None` kept in the body, `Some(kind)` removed (a
/// caption is `Some(Caption)`).
pub(crate) type Fates = [Option<RemovedKind>];

/// Removed kinds whose names and dates belong to other articles or to readers.
fn foreign(kind: Option<RemovedKind>) -> bool {
    matches!(
        kind,
        Some(
            RemovedKind::Related
                | RemovedKind::Caption
                | RemovedKind::Comments
                | RemovedKind::CommentForm
                | RemovedKind::Advertisement
                | RemovedKind::Newsletter
                | RemovedKind::Subscription
                | RemovedKind::Navigation
                | RemovedKind::Footer
                | RemovedKind::Sidebar
                | RemovedKind::AuthorBio
                | RemovedKind::Share
        )
    )
}

/// Recommendation widgets and ad networks that sign their boxes "by ...".
const WIDGETS: &[&str] = &[
    "taboola",
    "outbrain",
    "revcontent",
    "zergnet",
    "mgid",
    "content.ad",
    "nativo",
    "sharethrough",
    "powered by",
];

/// Class or id words of a byline element.
fn byline_class(doc: &Doc<'_>, node: u32) -> bool {
    const WORDS: &[&str] = &[
        "byline",
        "author",
        "authors",
        "writer",
        "autor",
        "auteur",
        "reporter",
        "postedby",
        "contributor",
        "creator",
    ];
    let mut n = node;
    for _ in 0..4 {
        let Some(node) = doc.nodes.get(n as usize) else {
            return false;
        };
        let hit = |v: &str| {
            v.split(|c: char| !c.is_ascii_alphanumeric())
                .any(|w| WORDS.iter().any(|x| w.eq_ignore_ascii_case(x)))
        };
        if hit(node.class) || hit(node.id) {
            return true;
        }
        n = node.parent;
    }
    false
}

/// The region of the article: from a little before its first kept block to its last.
fn region(fates: &Fates) -> std::ops::Range<usize> {
    let first = fates.iter().position(Option::is_none);
    let last = fates.iter().rposition(Option::is_none);
    match (first, last) {
        (Some(f), Some(l)) => f.saturating_sub(25)..l + 1,
        _ => 0..fates.len().min(200),
    }
}

/// Lower-case letters and digits of `s`, for comparing names and titles.
fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Fills `md` from the page; `fates` says how each of `doc.blocks` ended.
pub(crate) fn fill(doc: &Doc<'_>, ld: &JsonLd, fates: &Fates, body_text: &str, md: &mut Metadata) {
    let site = meta(doc, &["og:site_name", "application-name", "twitter:site"])
        .map(|s| s.trim_start_matches('@').to_owned())
        .or_else(|| ld.publisher.clone());
    md.site_name = site.clone().filter(|s| !s.is_empty());
    let mut sites: Vec<String> = [
        meta(doc, &["og:site_name"]),
        meta(doc, &["application-name"]),
        meta(doc, &["twitter:site"]).map(|s| s.trim_start_matches('@')),
        ld.publisher.as_deref(),
    ]
    .into_iter()
    .flatten()
    .map(str::to_owned)
    .filter(|s| !s.is_empty())
    .collect();
    sites.dedup();

    md.url = doc
        .meta
        .canonical
        .clone()
        .or_else(|| meta(doc, &["og:url"]).map(str::to_owned))
        .or_else(|| ld.url.clone())
        .filter(|u| u.starts_with("http"));
    md.hostname = md.url.as_deref().and_then(hostname);
    let region = region(fates);

    md.title = choose_title(doc, ld, fates, &sites);
    md.authors = authors(doc, ld, fates, &region, &sites, md.hostname.as_deref());

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

    dates(doc, ld, fates, &region, md);

    md.description = meta(
        doc,
        &[
            "og:description",
            "description",
            "twitter:description",
            "dc.description",
        ],
    )
    .map(str::to_owned)
    .or_else(|| ld.description.clone())
    .filter(|d| !d.is_empty());
    md.image = meta(
        doc,
        &[
            "og:image",
            "og:image:url",
            "og:image:secure_url",
            "twitter:image",
            "twitter:image:src",
            "thumbnailurl",
        ],
    )
    .map(str::to_owned)
    .or_else(|| ld.image.clone())
    .and_then(|i| absolute(&i, md.url.as_deref()));
    let mut tags = Vec::new();
    for (key, c) in &doc.meta.metas {
        if key == "article:tag" || key == "og:article:tag" {
            tags.push(c.clone());
        }
    }
    if tags.is_empty() {
        if let Some(k) = meta(
            doc,
            &["keywords", "news_keywords", "parsely-tags", "sailthru.tags"],
        ) {
            tags.extend(k.split([',', ';']).map(|t| t.trim().to_owned()));
        }
    }
    if tags.is_empty() {
        tags.clone_from(&ld.keywords);
    }
    md.tags = dedup(tags);
    let mut categories = Vec::new();
    for (key, c) in &doc.meta.metas {
        if key == "article:section" || key == "parsely-section" || key == "category" {
            categories.push(c.clone());
        }
    }
    if categories.is_empty() {
        categories.clone_from(&ld.sections);
    }
    md.categories = dedup(categories);
    md.license = doc
        .meta
        .license
        .clone()
        .or_else(|| ld.license.clone())
        .or_else(|| {
            meta(
                doc,
                &["dcterms.license", "dc.rights", "dcterms.rights", "license"],
            )
            .map(str::to_owned)
        });
    md.page_type = Some(page_type(doc, ld, body_text));
}

/// Trimmed, without empties or case-insensitive repeats, at most 50.
fn dedup(items: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in items {
        let t = t.trim();
        if t.is_empty() || t.len() > 100 || out.iter().any(|o| o.eq_ignore_ascii_case(t)) {
            continue;
        }
        out.push(t.to_owned());
        if out.len() == 50 {
            break;
        }
    }
    out
}

/// The lower-case host of an `http(s)` URL.
fn hostname(url: &str) -> Option<String> {
    crate::facts::host_of(url)
}

/// `url` made absolute against the page's URL (`//x` and `/x` forms), or as given.
fn absolute(url: &str, page: Option<&str>) -> Option<String> {
    let url = url.trim();
    if url.is_empty() {
        return None;
    }
    if url.starts_with("http://") || url.starts_with("https://") {
        return Some(url.to_owned());
    }
    if let Some(rest) = url.strip_prefix("//") {
        return Some(format!("https://{rest}"));
    }
    let page = page?;
    let (scheme, rest) = page.split_once("://")?;
    let host = rest.split(['/', '?', '#']).next()?;
    url.starts_with('/')
        .then(|| format!("{scheme}://{host}{url}"))
}

/// `article`, `video`, `listing` or `other`: what the page says it is, else by its body.
fn page_type(doc: &Doc<'_>, ld: &JsonLd, body_text: &str) -> PageType {
    let og = meta(doc, &["og:type"]).map(str::to_ascii_lowercase);
    match og.as_deref() {
        Some(t) if t.starts_with("video") => return PageType::Video,
        Some("article" | "blog" | "news" | "newsarticle") => return PageType::Article,
        Some("profile" | "product" | "book" | "music.song" | "music.album") => {
            return PageType::Other;
        }
        _ => {}
    }
    if ld.is_article {
        return PageType::Article;
    }
    if ld.is_video {
        return PageType::Video;
    }
    if ld.is_listing {
        return PageType::Listing;
    }
    if body_text.chars().count() >= 500 {
        PageType::Article
    } else {
        PageType::Other
    }
}

/// The title: candidates from `og:title`, JSON-LD `headline`, `twitter:title`, the `<h1>`
/// nearest the article and `<title>`, each without the site name; the one most others
/// agree with (equal, or one holding the other), the earlier in that list on ties.
fn choose_title(doc: &Doc<'_>, ld: &JsonLd, fates: &Fates, sites: &[String]) -> Option<String> {
    let first_kept = fates.iter().position(Option::is_none).unwrap_or(0);
    let h1s =
        doc.blocks.iter().enumerate().filter(|(_, b)| {
            b.kind == Kind::Heading(1) && b.ctx & (cx::HIDDEN | cx::INVISIBLE) == 0
        });
    // The h1 nearest the article's start, preferring one before it.
    let h1 = h1s
        .min_by_key(|(k, _)| {
            if *k <= first_kept {
                first_kept - k
            } else {
                (k - first_kept) * 2
            }
        })
        .map(|(_, b)| b.text.replace('\n', " "));
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
    let cands: Vec<String> = [
        meta(doc, &["og:title"]).map(str::to_owned),
        ld.headline.clone(),
        meta(doc, &["twitter:title"]).map(str::to_owned),
        h1,
        page_title,
    ]
    .into_iter()
    .flatten()
    .map(|t| strip_sites(&t, &sites))
    .filter(|t| !t.is_empty() && !sites.iter().any(|s| norm(s) == norm(t)))
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

/// An author candidate: its names and how strong its evidence is.
struct Candidates {
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

/// Whether a cleaned name can be a person's: not only job-title words ("Product
/// Manager"), and no word that widget labels and headings have and names do not
/// ("Check This Out", "View", "Original Content", "... RSS").
fn person_like(name: &str) -> bool {
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
    let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
    !words.is_empty()
        && !words.iter().all(|w| ROLE.contains(&w.trim_matches(',')))
        && !words.iter().any(|w| NOT_IN_NAMES.contains(&w.as_str()))
}

/// A byline of a desk or staff, not a person: "By HNN Staff", "Reuters Staff".
fn is_staff_byline(text: &str) -> bool {
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
fn field_names(raw: &str) -> Vec<String> {
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
fn authors(
    doc: &Doc<'_>,
    ld: &JsonLd,
    fates: &Fates,
    region: &std::ops::Range<usize>,
    sites: &[String],
    host: Option<&str>,
) -> Vec<String> {
    let mut c = Candidates { best: None };
    let ld_names: Vec<String> = ld.authors.iter().flat_map(|a| field_names(a)).collect();
    c.offer(5, ld_names);
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
        c.offer(4, names);
    }
    let first_kept = fates.iter().position(Option::is_none).unwrap_or(0);
    for (k, b) in doc.blocks.iter().enumerate().take(2000) {
        if b.chars > 160 || b.ctx & (cx::HIDDEN | cx::INVISIBLE | cx::CAPTION | cx::FIGURE) != 0 {
            continue;
        }
        let fate = fates.get(k).copied().flatten();
        if foreign(fate) {
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
            c.offer(strength, names);
        }
    }
    let Some((_, names)) = c.best else {
        return Vec::new();
    };
    let host_label = host.map(|h| {
        let h = h.trim_start_matches("www.");
        norm(h.split('.').next().unwrap_or(h))
    });
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
        }) || host_label
            .as_deref()
            .is_some_and(|h| !h.is_empty() && h == key)
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

/// The order of ambiguous numeric dates on this page: month first for English pages
/// outside the countries that write the day first.
fn date_order(doc: &Doc<'_>, language: Option<&str>, host: Option<&str>) -> Order {
    let lang = doc
        .meta
        .lang
        .as_deref()
        .or(language)
        .unwrap_or("")
        .to_ascii_lowercase();
    let day_first_host = host.is_some_and(|h| {
        [
            ".uk", ".au", ".nz", ".ie", ".in", ".za", ".sg", ".pk", ".ng", ".ke",
        ]
        .iter()
        .any(|t| h.ends_with(t))
    });
    if (lang.starts_with("en") || lang.is_empty()) && !day_first_host && lang != "en-gb" {
        Order::MonthFirst
    } else {
        Order::DayFirst
    }
}

/// Words that say a date line gives an update, not the publication.
fn is_update_line(text: &str) -> bool {
    let t: String = text.chars().take(40).collect::<String>().to_lowercase();
    [
        "updated",
        "update:",
        "last modified",
        "modified",
        "aktualisiert",
        "mis à jour",
        "actualizado",
        "atualizado",
        "aggiornato",
        "bijgewerkt",
    ]
    .iter()
    .any(|w| t.contains(w))
}

/// `published`, `published_source` and `modified`, sources ranked: JSON-LD, `<meta>`,
/// `<time>` elements at the article's start, visible date lines there, the URL. An
/// ambiguous numeric date takes the reading the URL's date agrees with.
fn dates(
    doc: &Doc<'_>,
    ld: &JsonLd,
    fates: &Fates,
    region: &std::ops::Range<usize>,
    md: &mut Metadata,
) {
    let order = date_order(doc, md.language.as_deref(), md.hostname.as_deref());
    let url_day = md
        .url
        .as_deref()
        .or(meta(doc, &["og:url"]))
        .and_then(url_date);
    let read = |s: &str| -> Option<String> {
        let v = field_value(s, order)?;
        if v.ambiguous {
            let other = field_value(
                s,
                match order {
                    Order::DayFirst => Order::MonthFirst,
                    Order::MonthFirst => Order::DayFirst,
                },
            )?;
            if url_day.as_deref() == Some(&other.render()[..10]) {
                return Some(other.render());
            }
        }
        Some(v.render())
    };
    let first_kept = fates.iter().position(Option::is_none).unwrap_or(0);
    let near_start = |n: usize| n + 40 >= first_kept && n <= first_kept + 3;
    let published_meta = [
        "article:published_time",
        "og:published_time",
        "og:article:published_time",
        "article.published",
        "datepublished",
        "publishdate",
        "publish-date",
        "publish_date",
        "pubdate",
        "parsely-pub-date",
        "sailthru.date",
        "published_time",
        "cxenseparse:recs:publishtime",
        "dc.date.issued",
        "dc.date",
        "dc.date.created",
        "dcterms.created",
        "dcterms.issued",
        "date",
        "article_date_original",
    ];
    let mut found: Option<(String, DateSource)> = ld
        .published
        .as_deref()
        .and_then(read)
        .map(|d| (d, DateSource::JsonLd));
    if found.is_none() {
        found = published_meta
            .iter()
            .find_map(|k| meta(doc, &[k]).and_then(read))
            .map(|d| (d, DateSource::Meta));
    }
    if found.is_none() {
        found = doc
            .meta
            .times
            .iter()
            .filter(|t| t.2 || (near_start(t.1) && region.contains(&t.1.min(first_kept))))
            .find_map(|t| read(&t.0))
            .map(|d| (d, DateSource::Time));
    }
    if found.is_none() {
        found = doc
            .blocks
            .iter()
            .enumerate()
            .filter(|(k, b)| {
                near_start(*k)
                    && b.chars < 120
                    && !foreign(fates.get(*k).copied().flatten())
                    && b.ctx & (cx::HIDDEN | cx::INVISIBLE) == 0
                    && !is_update_line(&b.text)
            })
            .find_map(|(_, b)| {
                date_in_line(&b.text, order)
                    .map(|v| v.render())
                    .or_else(|| visible_date(&b.text))
            })
            .map(|d| (d, DateSource::Text));
    }
    if found.is_none() {
        found = url_day.clone().map(|d| (d, DateSource::Url));
    }
    if let Some((d, src)) = found {
        md.published = Some(d);
        md.published_source = Some(src);
    }
    md.modified = ld
        .modified
        .as_deref()
        .and_then(read)
        .or_else(|| {
            meta(
                doc,
                &[
                    "article:modified_time",
                    "og:updated_time",
                    "og:modified_time",
                    "datemodified",
                    "last-modified",
                    "dcterms.modified",
                    "dc.date.modified",
                    "parsely-updated",
                ],
            )
            .and_then(read)
        })
        .or_else(|| doc.meta.modified_times.iter().find_map(|t| read(t)))
        .or_else(|| {
            doc.blocks
                .iter()
                .enumerate()
                .filter(|(k, b)| near_start(*k) && b.chars < 120 && is_update_line(&b.text))
                .find_map(|(_, b)| date_in_line(&b.text, order).map(|v| v.render()))
        });
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

    /// The metadata of a page built around `head` and `top` (what precedes the body).
    fn page(head: &str, top: &str) -> Metadata {
        let body =
            "<p>The council voted on Tuesday to approve the new budget for the coming year, \
            after a long debate about roads, schools and the harbour that went on into the night \
            and left several members tired but satisfied with the outcome of the session.</p>"
                .repeat(3);
        let html = format!(
            "<html lang=en><head>{head}</head><body><article>{top}{body}</article>\
             <aside class=related><h3>More</h3><p>Other story by Taboola</p>\
             <div class=author>Related Author</div></aside></body></html>"
        );
        crate::Extractor::default()
            .extract(html.as_bytes())
            .expect("a page")
            .metadata
    }

    #[test]
    fn authors_table() {
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "",
                "<p class=byline>By Jane Roe - January 10, 2020</p>",
                &["Jane Roe"],
            ),
            (
                "",
                "<p>by <a href=/jr>Jane Roe</a> on January 20, 2020</p>",
                &["Jane Roe"],
            ),
            ("", "<p>Posted by Jane Roe at 5:11 AM</p>", &["Jane Roe"]),
            ("", "<p class=byline>Par Jeanne Roe</p>", &["Jeanne Roe"]),
            (
                "",
                "<p class=byline>Von Anna Schmidt</p>",
                &["Anna Schmidt"],
            ),
            ("", "<div class=author>Jane Roe</div>", &["Jane Roe"]),
            ("", "<span itemprop=author>Jane Roe</span>", &["Jane Roe"]),
            (
                "<meta name=author content='Jane Roe and John Doe'>",
                "",
                &["Jane Roe", "John Doe"],
            ),
            (
                "<script type=application/ld+json>{\"@graph\":[{\"@type\":\"NewsArticle\",\
                 \"author\":{\"@id\":\"#p1\"}},{\"@type\":\"Person\",\"@id\":\"#p1\",\
                 \"name\":\"Ann Lee\"}]}</script>",
                "",
                &["Ann Lee"],
            ),
            (
                "<meta property=og:site_name content='The Daily'>\
                 <meta name=author content='The Daily'>",
                "",
                &[],
            ),
            (
                "",
                "<p class=byline>By HNN Staff</p><div class=author>Lisa Roe</div>",
                &[],
            ),
            ("", "<p>Rudy Galfi</p>", &[]),
        ];
        for (head, top, want) in cases {
            assert_eq!(page(head, top).authors, *want, "{head} {top}");
        }
    }

    #[test]
    fn dates_table() {
        let ld = |p: &str, m: &str| {
            format!(
                "<script type=application/ld+json>{{\"@type\":\"NewsArticle\",\
                 \"datePublished\":\"{p}\",\"dateModified\":\"{m}\"}}</script>"
            )
        };
        // (head, top, published, its source, modified)
        type Case<'a> = (
            String,
            &'a str,
            Option<&'a str>,
            Option<DateSource>,
            Option<&'a str>,
        );
        let cases: Vec<Case<'_>> = vec![
            (
                ld("2015-07-10 09:53:00 -0400", "2015-07-11T10:00:00Z"),
                "<p>Last Updated July 12, 2015</p>",
                Some("2015-07-10T09:53:00-04:00"),
                Some(DateSource::JsonLd),
                Some("2015-07-11T10:00:00Z"),
            ),
            (
                "<meta property=article:published_time content='2015-07-10T09:53:00-0800'>".into(),
                "",
                Some("2015-07-10T09:53:00-08:00"),
                Some(DateSource::Meta),
                None,
            ),
            (
                String::new(),
                "<p>Updated: July 12, 2015</p><p>July 10, 2015 9:53 AM EDT</p>",
                Some("2015-07-10T09:53:00-04:00"),
                Some(DateSource::Text),
                Some("2015-07-12"),
            ),
            (
                "<link rel=canonical href='https://x.example/2015/07/10/story'>".into(),
                "<p>Published 07/10/2015</p>",
                Some("2015-07-10"),
                Some(DateSource::Text),
                None,
            ),
            (
                "<link rel=canonical href='https://x.example/2015/07/10/story'>".into(),
                "",
                Some("2015-07-10"),
                Some(DateSource::Url),
                None,
            ),
            (
                String::new(),
                "<time datetime='2015-07-10T09:53:00'>10.07.2015</time>",
                Some("2015-07-10"),
                Some(DateSource::Time),
                None,
            ),
        ];
        for (head, top, published, source, modified) in cases {
            let md = page(&head, top);
            assert_eq!(md.published.as_deref(), published, "{head} {top}");
            assert_eq!(md.published_source, source, "{head} {top}");
            assert_eq!(md.modified.as_deref(), modified, "{head} {top}");
        }
    }

    #[test]
    fn titles_table() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "<title>Fire damages library | Northern Wire</title>\
                 <meta property=og:site_name content='Northern Wire'>",
                "<h1>Fire damages library</h1>",
                "Fire damages library",
            ),
            (
                "<title>Fire damages library - Northern Wire</title>\
                 <meta property=og:title content='Fire damages library'>",
                "<h1>Allergies Health Center</h1>",
                "Fire damages library",
            ),
            (
                "<title>Northern Wire</title><meta property=og:site_name content='Northern Wire'>",
                "<h1>Fire damages the old library on Quay Street</h1>",
                "Fire damages the old library on Quay Street",
            ),
        ];
        for (head, top, want) in cases {
            assert_eq!(
                page(head, top).title.as_deref(),
                Some(*want),
                "{head} {top}"
            );
        }
    }

    #[test]
    fn new_fields_table() {
        let md = page(
            "<link rel=canonical href='https://News.Example.com/a/b'>\
             <meta property=og:description content='What happened.'>\
             <meta property=og:image content='/img/a.jpg'>\
             <meta property=article:tag content='budget'><meta property=article:tag content='Roads'>\
             <meta property=article:tag content='roads'>\
             <meta property=article:section content='Politics'>\
             <meta property=og:type content=article>\
             <link rel=license href='https://creativecommons.org/licenses/by/4.0/'>",
            "",
        );
        assert_eq!(md.hostname.as_deref(), Some("news.example.com"));
        assert_eq!(md.description.as_deref(), Some("What happened."));
        assert_eq!(
            md.image.as_deref(),
            Some("https://News.Example.com/img/a.jpg")
        );
        assert_eq!(md.tags, ["budget", "Roads"]);
        assert_eq!(md.categories, ["Politics"]);
        assert_eq!(md.page_type, Some(PageType::Article));
        assert_eq!(
            md.license.as_deref(),
            Some("https://creativecommons.org/licenses/by/4.0/")
        );
        let video = page("<meta property=og:type content=video.other>", "");
        assert_eq!(video.page_type, Some(PageType::Video));
        assert_eq!(video.tags, Vec::<String>::new());
        assert_eq!(video.license, None);
    }

    #[test]
    fn person_like_table() {
        for (name, want) in [
            ("Jane Roe", true),
            ("Product Manager", false),
            ("Check This Out", false),
            ("Sebastian Blanco RSS", false),
            ("Anna Schmidt", true),
            ("", false),
        ] {
            assert_eq!(person_like(name), want, "{name}");
        }
    }
}

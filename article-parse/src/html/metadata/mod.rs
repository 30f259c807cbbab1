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

mod authors;
mod jsonld;
mod page;
mod title;

use authors::authors;
pub(crate) use jsonld::{JsonLd, json_ld};
pub(crate) use page::Fates;
use page::{foreign, meta, region};
use title::choose_title;

use article_model::{DateSource, Metadata, PageType};

use super::builder::{Doc, cx};
use crate::classify::{Acceptance, body_language, guess_language};
use crate::recognize::{
    Anchor, Order, date_in_line, field_value, relative_date, url_date, visible_date,
};

/// Fills `md` from the page; `fates` says how each of `doc.blocks` ended; `fetched` is
/// when the page was fetched (relative dates count back from it).
pub(crate) fn fill(
    doc: &Doc<'_>,
    ld: &JsonLd,
    fates: &Fates,
    body_text: &str,
    fetched: Option<Anchor>,
    md: &mut Metadata,
) {
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

    dates(doc, ld, fates, &region, fetched, md);

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
    fetched: Option<Anchor>,
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
    // A relative date ("2 hours ago", "vor 3 Tagen") near the start, counted back from
    // the fetch time (before the URL's day), else from the page's modified date (after it).
    let relative = |anchor: Anchor| {
        doc.blocks
            .iter()
            .enumerate()
            .filter(|(k, b)| {
                near_start(*k)
                    && b.chars < 60
                    && !foreign(fates.get(*k).copied().flatten())
                    && b.ctx & (cx::HIDDEN | cx::INVISIBLE) == 0
                    && !is_update_line(&b.text)
            })
            .find_map(|(_, b)| relative_date(&b.text, anchor))
            .map(|(y, m, d)| (format!("{y:04}-{m:02}-{d:02}"), DateSource::Text))
    };
    if found.is_none() {
        found = fetched.and_then(relative);
    }
    if found.is_none() {
        found = url_day.clone().map(|d| (d, DateSource::Url));
    }
    if found.is_none() {
        found = md
            .modified
            .as_deref()
            .and_then(Anchor::of)
            .and_then(relative);
    }
    if let Some((d, src)) = found {
        md.published = Some(d);
        md.published_source = Some(src);
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recognize::person_like;

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
            // A kind of piece before "by"; a role after the comma is no name.
            (
                "<meta name=author content='Analysis by Chris Cillizza, CNN Editor-at-large'>",
                "",
                &["Chris Cillizza"],
            ),
            // A WebPage's author (Yoast) by @id, when no article node names one.
            (
                "<script type=application/ld+json>{\"@graph\":[{\"@type\":[\"Person\"],\
                 \"@id\":\"#p1\",\"name\":\"Catherine\"},{\"@type\":\"WebPage\",\
                 \"author\":{\"@id\":\"#p1\"}}]}</script>",
                "",
                &["Catherine"],
            ),
            // An author link with its lead word just before the body, in a related box.
            (
                "",
                "<div class=related-posts><p>By <a rel=author href=/fl>Federica Lusiardi</a> \
                 - 2019-04-10</p></div>",
                &["Federica Lusiardi"],
            ),
            // The strongest candidate names only the site: a weaker one speaks.
            (
                "<meta property=og:site_name content='The Daily'>\
                 <meta name=author content='The Daily'>",
                "<p class=byline>By Jane Roe</p>",
                &["Jane Roe"],
            ),
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
    fn relative_dates_table() {
        let body = "<p>The council voted on Tuesday to approve the new budget for the coming \
            year, after a long debate about roads, schools and the harbour that went on into \
            the night and left several members tired but satisfied with the outcome.</p>"
            .repeat(3);
        let modified = "<script type=application/ld+json>{\"@type\":\"NewsArticle\",\
             \"dateModified\":\"2019-11-20T10:00:00Z\"}</script>";
        // (head, top, fetched, published)
        let cases: &[(&str, &str, Option<&str>, Option<&str>)] = &[
            (
                "",
                "<p>vor 3 Tagen</p>",
                Some("2019-11-20T08:30:00Z"),
                Some("2019-11-17"),
            ),
            (
                "",
                "<p>2 hours ago</p>",
                Some("2019-11-20T01:00:00Z"),
                Some("2019-11-19"),
            ),
            (
                "",
                "<p>Posted 2 hours ago</p>",
                Some("2019-11-20"),
                Some("2019-11-20"),
            ),
            // The page's modified date anchors when the caller gives no fetch time.
            (modified, "<p>il y a 2 jours</p>", None, Some("2019-11-18")),
            // No anchor: no date.
            ("", "<p>vor 3 Tagen</p>", None, None),
            // "Updated 2 hours ago" is no published date.
            ("", "<p>Updated 2 hours ago</p>", Some("2019-11-20"), None),
            // An absolute date line wins over the relative one.
            (
                "",
                "<p>November 1, 2019</p><p>3 days ago</p>",
                Some("2019-11-20"),
                Some("2019-11-01"),
            ),
        ];
        for (head, top, fetched, want) in cases {
            let html = format!(
                "<html lang=en><head>{head}</head><body><article><h1>Budget passes</h1>\
                 {top}{body}</article></body></html>"
            );
            let x = crate::Extractor::default();
            let a = match fetched {
                Some(f) => x.extract_fetched(html.as_bytes(), None, f),
                None => x.extract(html.as_bytes()),
            }
            .expect("a page");
            assert_eq!(
                a.metadata.published.as_deref(),
                *want,
                "{head} {top} {fetched:?}"
            );
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
            // The visible headline, another wording of the stated ones, wins.
            (
                "<title>HS Roundup: Viera defeats Rockledge</title>\
                 <meta property=og:title content='HS Roundup: Viera defeats Rockledge'>",
                "<h1>High School Roundup: Viera defeats Rockledge</h1>",
                "High School Roundup: Viera defeats Rockledge",
            ),
            // A blog's name in the h1 is not the post's title.
            (
                "<title>Web Ink Now: Going off script</title>\
                 <meta property=og:title content='Web Ink Now: Going off script'>",
                "<h1>Web Ink Now</h1>",
                "Web Ink Now: Going off script",
            ),
            // An h1 carrying a dateline after the headline loses to the stated title.
            (
                "<meta property=og:title content='Turnout appears high across the country'>\
                 <meta name=twitter:title content='Turnout appears high across the country'>",
                "<h1>Turnout appears high across the country World, Updated Nov 07</h1>",
                "Turnout appears high across the country",
            ),
            // A blog post's h2 just before the body, when no h1 is the headline.
            (
                "<title>Council weighs a new harbour budget | Quay Notes</title>",
                "<h2>Quay Notes</h2><h2>Council weighs the new harbour budget tonight</h2>",
                "Council weighs the new harbour budget tonight",
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
            ("CNN Editor-at-large", false),
            ("", false),
        ] {
            assert_eq!(person_like(name), want, "{name}");
        }
    }
}

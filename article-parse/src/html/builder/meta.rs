//! Page-level facts met on the way: `<title>`, `<meta>`, JSON-LD, canonical link,
//! `<html lang>`, `<time datetime>`.

use super::super::charref;
use super::super::tags::Tag;
use super::super::tokenizer::Attr;
use super::attrs::{attr, contains_ci};
use super::doc::collapse;
use super::{Builder, Capture};

impl<'a> Builder<'a> {
    pub(super) fn collect_meta(&mut self, tag: Tag, attrs: &[Attr<'a>]) {
        let in_svg = tag == Tag::Title && self.stack.iter().any(|o| o.tag == Tag::Svg);
        let meta = &mut self.doc.meta;
        match tag {
            Tag::Meta => {
                let key = attr(attrs, "property")
                    .or_else(|| attr(attrs, "name"))
                    .or_else(|| attr(attrs, "itemprop"))
                    .or_else(|| attr(attrs, "http-equiv"));
                if let (Some(k), Some(c)) = (key, attr(attrs, "content")) {
                    if meta.metas.len() < 512 {
                        meta.metas.push((
                            k.trim().to_ascii_lowercase(),
                            collapse(&charref::decode(c, true)),
                        ));
                    }
                }
            }
            Tag::Link | Tag::A if meta.license.is_none() => {
                let rel = attr(attrs, "rel").unwrap_or("");
                if rel
                    .split_ascii_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("license"))
                {
                    meta.license = attr(attrs, "href")
                        .map(|h| charref::decode(h.trim(), true).into_owned())
                        .filter(|h| !h.is_empty());
                }
            }
            _ => {}
        }
        match tag {
            Tag::Link => {
                let rel = attr(attrs, "rel").unwrap_or("");
                if meta.canonical.is_none() && rel.eq_ignore_ascii_case("canonical") {
                    if let Some(h) = attr(attrs, "href") {
                        meta.canonical = Some(charref::decode(h.trim(), true).into_owned());
                    }
                }
            }
            Tag::Html if meta.lang.is_none() => {
                meta.lang = attr(attrs, "lang")
                    .or_else(|| attr(attrs, "xml:lang"))
                    .map(|l| l.trim().to_owned())
                    .filter(|l| !l.is_empty());
            }
            Tag::Title => {
                self.capture = if in_svg {
                    Capture::None
                } else {
                    Capture::Title
                };
            }
            Tag::Script => {
                let ld = attr(attrs, "type").is_some_and(|t| contains_ci(t, "ld+json"));
                self.capture = if ld { Capture::JsonLd } else { Capture::None };
            }
            Tag::Style
            | Tag::Textarea
            | Tag::Noscript
            | Tag::Template
            | Tag::Iframe
            | Tag::Xmp
            | Tag::Noembed
            | Tag::Noframes => self.capture = Capture::None,
            _ => {}
        }
        if meta.times.len() < 64 {
            let dt = if tag == Tag::Time {
                attr(attrs, "datetime")
            } else {
                None
            };
            let ip = attr(attrs, "itemprop")
                .filter(|v| contains_ci(v, "datepublished") || contains_ci(v, "datecreated"));
            let value = dt.or_else(|| {
                ip.and_then(|_| attr(attrs, "content").or_else(|| attr(attrs, "datetime")))
            });
            if let Some(v) = value {
                let v = v.trim();
                if !v.is_empty() {
                    let n = self.doc.blocks.len();
                    meta.times.push((v.to_owned(), n, ip.is_some()));
                }
            }
        }
        if meta.modified_times.len() < 8
            && attr(attrs, "itemprop").is_some_and(|v| contains_ci(v, "datemodified"))
        {
            if let Some(v) = attr(attrs, "content").or_else(|| attr(attrs, "datetime")) {
                meta.modified_times.push(v.trim().to_owned());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::build;

    #[test]
    fn meta_collected() {
        let doc = build(
            "<html lang=en><head><title>T &amp; U</title><meta property=og:title content='X'>\
             <link rel=canonical href='https://e.x/a'>\
             <script type=application/ld+json>{\"a\":1}</script></head>\
             <body><time datetime=2020-01-02>Jan 2</time></body>",
            512,
            10,
        );
        assert_eq!(doc.meta.title.as_deref(), Some("T & U"));
        assert_eq!(doc.meta.metas, [("og:title".to_owned(), "X".to_owned())]);
        assert_eq!(doc.meta.jsonld, ["{\"a\":1}"]);
        assert_eq!(doc.meta.lang.as_deref(), Some("en"));
        assert_eq!(doc.meta.canonical.as_deref(), Some("https://e.x/a"));
        assert_eq!(doc.meta.times[0].0, "2020-01-02");
    }

    #[test]
    fn meta_edge_cases() {
        let doc = build(
            "<html xml:lang=' de '><svg><title>icon</title></svg><title>  Page   title </title>\
             <title>Second</title><meta name=Description content='a &amp;  b'>\
             <meta content=no-key><div itemprop=datePublished content=2021-03-04></div>\
             <p>x</p><time datetime=' 2021-03-05 '></time><time>no attribute</time>",
            512,
            10,
        );
        assert_eq!(doc.meta.lang.as_deref(), Some("de"));
        assert_eq!(doc.meta.title.as_deref(), Some("Page title"));
        assert_eq!(
            doc.meta.metas,
            [("description".to_owned(), "a & b".to_owned())]
        );
        assert_eq!(
            doc.meta.times,
            [
                ("2021-03-04".to_owned(), 0, true),
                ("2021-03-05".to_owned(), 1, false)
            ]
        );
    }
}

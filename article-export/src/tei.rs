//! TEI XML, close to trafilatura's: a `teiHeader` (title, authors, publisher, date, URL,
//! source, language) and a `body` with one `div type="entry"` holding the article's
//! blocks (`p`, `head`, `list`/`item`, `quote`, `ab type="preformatted"`,
//! `table`/`row`/`cell`) and its captions (`figure`/`head`).
//!
//! Annotations are marked inline: entities as `persName`, `orgName`, `placeName` or
//! `name type="misc"` (with `key="c<cluster>"`), quotations as `q` (`type="scare"` for
//! scare quotes), dates as `date` (with `when` when the value is ISO 8601). Markup must
//! nest, so a quotation or date that crosses an entity, or any annotation that crosses a
//! block or table cell, is left unmarked (its text is still there).
//!
//! Text is escaped; `\r` is written as `&#13;` so that it survives XML's end-of-line
//! normalisation, and the chars XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF) are
//! written as U+FFFD, one for one.

use article_model::{Article, BlockKind, Label, Span};

/// The TEI namespace.
const TEI_NS: &str = "http://www.tei-c.org/ns/1.0";

/// The XML declaration.
pub(crate) const PROLOG: &str = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";

/// Whether XML 1.0 allows `c` in a document.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// The char written for `c` (U+FFFD for chars XML forbids).
pub(crate) fn xml_char(c: char) -> char {
    if is_xml_char(c) { c } else { '\u{FFFD}' }
}

/// Appends `s` escaped as element content.
fn push_text(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            c => out.push(xml_char(c)),
        }
    }
}

/// Appends `s` escaped as a double-quoted attribute value.
fn push_attr(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '"' => out.push_str("&quot;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(xml_char(c)),
        }
    }
}

/// Appends `<name>text</name>` on its own line.
fn element(out: &mut String, indent: usize, name: &str, attrs: &[(&str, &str)], text: &str) {
    for _ in 0..indent {
        out.push_str("  ");
    }
    out.push('<');
    out.push_str(name);
    for (k, v) in attrs {
        out.push(' ');
        out.push_str(k);
        out.push_str("=\"");
        push_attr(out, v);
        out.push('"');
    }
    out.push('>');
    push_text(out, text);
    out.push_str("</");
    out.push_str(name);
    out.push_str(">\n");
}

fn line(out: &mut String, indent: usize, s: &str) {
    for _ in 0..indent {
        out.push_str("  ");
    }
    out.push_str(s);
    out.push('\n');
}

/// Whether `s` is an ISO 8601 date or date-time that TEI's `when` accepts
/// (`2020`, `2020-07`, `2020-07-16`, `2020-07-16T10:05:00+03:00`).
fn is_w3c_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    match b.len() {
        4 => digits(0..4),
        7 => digits(0..4) && b[4] == b'-' && digits(5..7),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        n if n >= 19 => {
            // `get`, not indexing: a multi-byte char may straddle byte 10 or 19.
            s.get(..10).is_some_and(is_w3c_date)
                && b[10] == b'T'
                && digits(11..13)
                && b[13] == b':'
                && digits(14..16)
                && b[16] == b':'
                && digits(17..19)
                && s.get(19..).is_some_and(w3c_zone)
        }
        _ => false,
    }
}

/// What may follow the seconds of an `xs:dateTime`: `(.digits)? (Z | ±hh:mm)?`
/// (`-0800`, without the colon, is not one).
fn w3c_zone(rest: &str) -> bool {
    let rest = match rest.strip_prefix('.') {
        Some(f) => {
            let n = f.bytes().take_while(u8::is_ascii_digit).count();
            if n == 0 {
                return false;
            }
            &f[n..]
        }
        None => rest,
    };
    let b = rest.as_bytes();
    match b {
        [] | [b'Z'] => true,
        [sign, h1, h2, b':', m1, m2] => {
            matches!(sign, b'+' | b'-')
                && [h1, h2, m1, m2].iter().all(|d| d.is_ascii_digit())
                && (u32::from(*h1 - b'0') * 10 + u32::from(*h2 - b'0')) <= 14
                && (u32::from(*m1 - b'0') * 10 + u32::from(*m2 - b'0')) <= 59
        }
        _ => false,
    }
}

/// One inline annotation to mark up.
struct Mark {
    span: Span,
    /// Quotes outermost, then entities, then dates, for equal spans.
    rank: u8,
    open: String,
    close: &'static str,
}

fn open_tag(name: &str, attrs: &[(&str, &str)]) -> String {
    let mut s = String::from("<");
    s.push_str(name);
    for (k, v) in attrs {
        s.push(' ');
        s.push_str(k);
        s.push_str("=\"");
        push_attr(&mut s, v);
        s.push('"');
    }
    s.push('>');
    s
}

fn crosses(a: Span, b: Span) -> bool {
    a.overlaps(b) && !a.contains(b) && !b.contains(a)
}

/// The text segments of the body that markup may not cross: paragraphs, and the cells
/// of table rows.
fn segments(article: &Article) -> Vec<Span> {
    let mut out = Vec::new();
    for p in article.paragraphs() {
        let span = p.span();
        if p.kind() == BlockKind::TableRow {
            let text = article.paragraph_text(p);
            let mut start = span.start();
            for (i, _) in text.match_indices('\t') {
                out.push(Span::new(start, span.start() + i));
                start = span.start() + i + 1;
            }
            out.push(Span::new(start, span.end()));
        } else {
            out.push(span);
        }
    }
    out
}

/// The marks that can be written: within one segment, nesting with each other.
fn marks(article: &Article, segments: &[Span]) -> Vec<Mark> {
    let in_segment = |span: Span| {
        let i = segments.partition_point(|s| s.end() < span.start());
        segments.get(i).is_some_and(|s| s.contains(span))
    };
    let mut accepted: Vec<Mark> = Vec::new();
    for e in article.entities() {
        if !in_segment(e.span) {
            continue;
        }
        let key = e.cluster.map(|c| format!("c{c}"));
        let key_attr: Vec<(&str, &str)> = key.iter().map(|k| ("key", k.as_str())).collect();
        let (name, mut attrs): (&str, Vec<(&str, &str)>) = match e.label {
            Label::Per => ("persName", vec![]),
            Label::Org => ("orgName", vec![]),
            Label::Loc => ("placeName", vec![]),
            Label::Misc => ("name", vec![("type", "misc")]),
        };
        attrs.extend(key_attr);
        accepted.push(Mark {
            span: e.span,
            rank: 1,
            open: open_tag(name, &attrs),
            close: match e.label {
                Label::Per => "</persName>",
                Label::Org => "</orgName>",
                Label::Loc => "</placeName>",
                Label::Misc => "</name>",
            },
        });
    }
    let fits = |span: Span, accepted: &[Mark]| {
        in_segment(span) && !accepted.iter().any(|m| crosses(m.span, span))
    };
    let entity_count = accepted.len();
    for q in article.quotes() {
        if fits(q.span, &accepted[..entity_count]) {
            let attrs: &[(&str, &str)] = if q.scare { &[("type", "scare")] } else { &[] };
            accepted.push(Mark {
                span: q.span,
                rank: 0,
                open: open_tag("q", attrs),
                close: "</q>",
            });
        }
    }
    for d in article.dates() {
        if fits(d.span, &accepted) {
            let when: Vec<(&str, &str)> = d
                .value
                .as_deref()
                .filter(|v| is_w3c_date(v))
                .map(|v| ("when", v))
                .into_iter()
                .collect();
            accepted.push(Mark {
                span: d.span,
                rank: 2,
                open: open_tag("date", &when),
                close: "</date>",
            });
        }
    }
    accepted.sort_by(|a, b| {
        (a.span.start(), std::cmp::Reverse(a.span.end()), a.rank).cmp(&(
            b.span.start(),
            std::cmp::Reverse(b.span.end()),
            b.rank,
        ))
    });
    accepted
}

/// Appends the text of `segment` with the marks inside it (`marks` sorted, starting at
/// `*next`).
fn push_marked(out: &mut String, body: &str, segment: Span, marks: &[Mark], next: &mut usize) {
    let mut at = segment.start();
    let mut stack: Vec<&Mark> = Vec::new();
    let text_to = |out: &mut String, at: &mut usize, to: usize| {
        if to > *at {
            push_text(out, body.get(*at..to).unwrap_or(""));
            *at = to;
        }
    };
    while let Some(m) = marks.get(*next) {
        if m.span.start() >= segment.end()
            && !(m.span.is_empty() && m.span.start() == segment.end())
        {
            break;
        }
        *next += 1;
        if !segment.contains(m.span) {
            continue;
        }
        while let Some(top) = stack.last() {
            if top.span.end() > m.span.start() {
                break;
            }
            text_to(out, &mut at, top.span.end());
            out.push_str(top.close);
            stack.pop();
        }
        if stack
            .last()
            .is_some_and(|top| m.span.end() > top.span.end())
        {
            continue; // crosses an open mark: left unmarked (marks() prevents this)
        }
        text_to(out, &mut at, m.span.start());
        out.push_str(&m.open);
        stack.push(m);
    }
    while let Some(top) = stack.pop() {
        text_to(out, &mut at, top.span.end());
        out.push_str(top.close);
    }
    text_to(out, &mut at, segment.end());
}

/// Renders one article as a `<TEI>` element (no XML declaration), ending with a newline.
pub(crate) fn render(article: &Article, out: &mut String) {
    let m = &article.metadata;
    line(out, 0, &format!("<TEI xmlns=\"{TEI_NS}\">"));
    line(out, 1, "<teiHeader>");
    line(out, 2, "<fileDesc>");
    line(out, 3, "<titleStmt>");
    element(
        out,
        4,
        "title",
        &[("type", "main")],
        m.title.as_deref().unwrap_or(""),
    );
    for a in &m.authors {
        element(out, 4, "author", &[], a);
    }
    line(out, 3, "</titleStmt>");
    line(out, 3, "<publicationStmt>");
    element(
        out,
        4,
        "publisher",
        &[],
        m.site_name.as_deref().unwrap_or(""),
    );
    if let Some(date) = &m.published {
        let when: &[(&str, &str)] = if is_w3c_date(date) {
            &[("when", date)]
        } else {
            &[]
        };
        element(out, 4, "date", when, date);
    }
    if let Some(url) = &m.url {
        element(out, 4, "idno", &[("type", "URL")], url);
    }
    line(out, 3, "</publicationStmt>");
    line(out, 3, "<sourceDesc>");
    line(out, 4, "<bibl>");
    if let Some(title) = &m.title {
        element(out, 5, "title", &[], title);
    }
    for a in &m.authors {
        element(out, 5, "author", &[], a);
    }
    if let Some(site) = &m.site_name {
        element(out, 5, "publisher", &[], site);
    }
    if let Some(date) = &m.published {
        element(out, 5, "date", &[], date);
    }
    if let Some(url) = &m.url {
        element(out, 5, "idno", &[("type", "URL")], url);
    }
    if let Some(source) = &article.source {
        element(out, 5, "idno", &[("type", "source")], source);
    }
    line(out, 4, "</bibl>");
    line(out, 3, "</sourceDesc>");
    line(out, 2, "</fileDesc>");
    line(out, 2, "<encodingDesc>");
    line(out, 3, "<appInfo>");
    line(
        out,
        4,
        &format!(
            "<application ident=\"article-export\" version=\"{}\">",
            env!("CARGO_PKG_VERSION")
        ),
    );
    element(out, 5, "label", &[], "article-export");
    line(out, 4, "</application>");
    line(out, 3, "</appInfo>");
    line(out, 2, "</encodingDesc>");
    if m.language.is_some() || m.dateline.is_some() {
        line(out, 2, "<profileDesc>");
        if let Some(d) = &m.dateline {
            line(out, 3, "<creation>");
            element(out, 4, "placeName", &[], &d.place);
            line(out, 3, "</creation>");
        }
        if let Some(lang) = &m.language {
            line(out, 3, "<langUsage>");
            let mut s = String::from("<language ident=\"");
            push_attr(&mut s, lang);
            s.push_str("\"/>");
            line(out, 4, &s);
            line(out, 3, "</langUsage>");
        }
        line(out, 2, "</profileDesc>");
    }
    line(out, 1, "</teiHeader>");
    line(out, 1, "<text>");
    line(out, 2, "<body>");
    line(out, 3, "<div type=\"entry\">");

    let body = article.body();
    let segs = segments(article);
    let marks = marks(article, &segs);
    let mut next_mark = 0;
    let mut seg = segs.iter();
    let paragraphs = article.paragraphs();
    let mut i = 0;
    while let Some(p) = paragraphs.get(i) {
        let kind = p.kind();
        let group = match kind {
            BlockKind::ListItem => Some(("<list>", "</list>", "<item>", "</item>")),
            BlockKind::TableRow => Some(("<table>", "</table>", "<row>", "</row>")),
            _ => None,
        };
        if let Some((open, close, item_open, item_close)) = group {
            line(out, 4, open);
            while paragraphs.get(i).is_some_and(|q| q.kind() == kind) {
                let q = &paragraphs[i];
                for _ in 0..5 {
                    out.push_str("  ");
                }
                out.push_str(item_open);
                if kind == BlockKind::TableRow {
                    let cells = article.paragraph_text(q).matches('\t').count() + 1;
                    for _ in 0..cells {
                        out.push_str("<cell>");
                        if let Some(s) = seg.next() {
                            push_marked(out, body, *s, &marks, &mut next_mark);
                        }
                        out.push_str("</cell>");
                    }
                } else if let Some(s) = seg.next() {
                    push_marked(out, body, *s, &marks, &mut next_mark);
                }
                out.push_str(item_close);
                out.push('\n');
                i += 1;
            }
            line(out, 4, close);
            continue;
        }
        let (open, close) = match kind {
            BlockKind::Heading => ("<head>", "</head>"),
            BlockKind::Quote => ("<quote>", "</quote>"),
            BlockKind::Preformatted => ("<ab type=\"preformatted\">", "</ab>"),
            _ => ("<p>", "</p>"),
        };
        for _ in 0..4 {
            out.push_str("  ");
        }
        out.push_str(open);
        if let Some(s) = seg.next() {
            push_marked(out, body, *s, &marks, &mut next_mark);
        }
        out.push_str(close);
        out.push('\n');
        i += 1;
    }
    for caption in &article.captions {
        line(out, 4, "<figure>");
        element(out, 5, "head", &[], caption);
        line(out, 4, "</figure>");
    }
    line(out, 3, "</div>");
    line(out, 2, "</body>");
    line(out, 1, "</text>");
    line(out, 0, "</TEI>");
}

/// The opening of a `teiCorpus` holding several articles (after the XML declaration).
pub(crate) fn corpus_open() -> String {
    format!(
        "<teiCorpus xmlns=\"{TEI_NS}\">\n\
         <teiHeader>\n  <fileDesc>\n    <titleStmt>\n      <title>Articles</title>\n    </titleStmt>\n\
         \x20   <publicationStmt>\n      <p>Written by article-export {}</p>\n    </publicationStmt>\n\
         \x20   <sourceDesc>\n      <p>News pages, one TEI element each.</p>\n    </sourceDesc>\n\
         \x20 </fileDesc>\n</teiHeader>\n",
        env!("CARGO_PKG_VERSION")
    )
}

/// The end of a `teiCorpus`.
pub(crate) const CORPUS_CLOSE: &str = "</teiCorpus>\n";

#[cfg(test)]
mod tests {
    use super::*;
    use article_model::{DateMention, Entity, Quote};

    #[test]
    fn escaping() {
        let mut s = String::new();
        push_text(&mut s, "a<b>&c\r\u{1}\u{FFFE}\té");
        assert_eq!(s, "a&lt;b&gt;&amp;c&#13;\u{FFFD}\u{FFFD}\té");
        let mut s = String::new();
        push_attr(&mut s, "\"x\"\n\t'");
        assert_eq!(s, "&quot;x&quot;&#10;&#9;'");
    }

    #[test]
    fn dates() {
        for (s, ok) in [
            ("2020", true),
            ("2020-07", true),
            ("2020-07-16", true),
            ("2020-07-16T10:05:00+03:00", true),
            ("2020-07-16T10:05:00Z", true),
            ("2020-07-16T10:05:00", true),
            ("2020-07-16T10:05:00.250-04:00", true),
            // Issue 13: offsets without their colon are not xs:dateTime.
            ("2015-07-10T09:53:00-0800", false),
            ("2015-07-10T09:53:00-08", false),
            ("2015-07-10T09:53:00.Z", false),
            ("2015-07-10T09:53:00+25:00", false),
            ("July 2020", false),
            ("2020-7-16", false),
            ("", false),
            // A multi-byte char across byte 10 or byte 19 (a fuzz finding).
            ("2024-03-1\u{322}09:30:00+00:00", false),
            ("2020-07-16T10:05:0\u{322}+03:00", false),
            ("2020-07-16T10:05:00\u{322}", false),
        ] {
            assert_eq!(is_w3c_date(s), ok, "{s:?}");
        }
    }

    #[test]
    fn nested_marks() {
        let mut a = Article::new();
        a.push_paragraph(
            BlockKind::Paragraph,
            "Akar said “Ankara & Baku, Thursday”.",
            None,
        );
        a.push_paragraph(BlockKind::TableRow, "Baku\t2020", None);
        let body = a.body().to_owned();
        let at = |s: &str, n: usize| {
            let start = body.match_indices(s).nth(n).unwrap().0;
            Span::new(start, start + s.len())
        };
        let ent = |s: &str, n: usize, label| Entity {
            span: at(s, n),
            label,
            text: s.into(),
            cluster: None,
        };
        a.try_set_entities(
            vec![
                ent("Akar", 0, Label::Per),
                ent("Ankara", 0, Label::Loc),
                ent("Baku", 0, Label::Loc),
                ent("Baku", 1, Label::Loc),
            ],
            vec![],
        )
        .unwrap();
        let q = "Ankara & Baku, Thursday";
        a.try_set_quotes(vec![Quote {
            span: at(q, 0),
            text: q.into(),
            speaker: None,
            speaker_cluster: None,
            speaker_kind: None,
            scare: false,
        }])
        .unwrap();
        a.try_set_dates(vec![
            DateMention {
                span: at("Thursday", 0),
                text: "Thursday".into(),
                value: Some("2020-07-16".into()),
            },
            DateMention {
                span: at("Baku\t2020", 0),
                text: "Baku\t2020".into(),
                value: None,
            },
        ])
        .unwrap();
        let mut out = String::new();
        render(&a, &mut out);
        assert!(
            out.contains(
                "<p><persName>Akar</persName> said “<q><placeName>Ankara</placeName> &amp; \
                 <placeName>Baku</placeName>, <date when=\"2020-07-16\">Thursday</date></q>”.</p>"
            ),
            "{out}"
        );
        assert!(
            out.contains("<row><cell><placeName>Baku</placeName></cell><cell>2020</cell></row>"),
            "{out}"
        );
        roxmltree::Document::parse(&out).unwrap();
    }
}

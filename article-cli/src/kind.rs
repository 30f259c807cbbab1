//! What kind of page an input is: the extension decides; the content is sniffed (for markup
//! structure, not a substring) only for stdin and unknown extensions.

use crate::args::From;

/// The kind of an input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// An HTML page.
    Html,
    /// A plain-text dump of a page.
    Text,
    /// A WARC file of crawled records.
    Warc,
}

/// The kind a file name names by its extension, case-insensitively, looking through a final
/// `.gz`: `.html`, `.htm`, `.xhtml` are HTML, `.txt` text, `.warc` WARC; `None` for any
/// other extension (or none).
pub(crate) fn by_extension(file_name: &str) -> Option<Kind> {
    let lower = file_name.to_ascii_lowercase();
    let name = lower.strip_suffix(".gz").unwrap_or(&lower);
    let (stem, ext) = name.rsplit_once('.')?;
    if stem.is_empty() {
        return None; // ".txt" is a hidden file named "txt", not an extension
    }
    of_extension(ext)
}

/// The kind a page extension (without its dot, any case) names: `html`, `htm`, `xhtml`,
/// `txt`, `warc`; `None` for any other.
pub(crate) fn of_extension(ext: &str) -> Option<Kind> {
    match ext.to_ascii_lowercase().as_str() {
        "html" | "htm" | "xhtml" => Some(Kind::Html),
        "txt" => Some(Kind::Text),
        "warc" => Some(Kind::Warc),
        _ => None,
    }
}

/// The kind of one input, before reading it: what `--from` says, else what the file name's
/// extension names; `None` when the content has to be sniffed (stdin, unknown extension).
pub(crate) fn by_name(from: From, file_name: Option<&str>) -> Option<Kind> {
    match from {
        From::Html => Some(Kind::Html),
        From::Text => Some(Kind::Text),
        From::Warc => Some(Kind::Warc),
        From::Auto => file_name.and_then(by_extension),
    }
}

/// Elements whose tags count as markup when sniffing.
const ELEMENTS: &[&[u8]] = &[
    b"a",
    b"article",
    b"aside",
    b"b",
    b"base",
    b"blockquote",
    b"body",
    b"br",
    b"button",
    b"code",
    b"div",
    b"em",
    b"figcaption",
    b"figure",
    b"footer",
    b"form",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"head",
    b"header",
    b"hr",
    b"html",
    b"i",
    b"iframe",
    b"img",
    b"input",
    b"li",
    b"link",
    b"main",
    b"meta",
    b"nav",
    b"noscript",
    b"ol",
    b"p",
    b"pre",
    b"script",
    b"section",
    b"span",
    b"strong",
    b"style",
    b"table",
    b"td",
    b"th",
    b"time",
    b"title",
    b"tr",
    b"ul",
];

/// How many bytes of an input sniffing looks at.
const SNIFF_BYTES: usize = 64 * 1024;

/// Tags of known elements in the sniffed head that make it HTML, of which at least
/// [`MIN_CLOSING`] closing tags: prose that mentions `<head>` or `<p>` has a few.
const MIN_TAGS: usize = 8;
/// See [`MIN_TAGS`].
const MIN_CLOSING: usize = 2;

/// Whether `rest` starts with a tag of a known element: `<` or `</`, the name, then white
/// space, `>` or `/`. Returns whether it is a closing tag.
fn tag_at(rest: &[u8]) -> Option<bool> {
    let rest = rest.strip_prefix(b"<")?;
    let (closing, rest) = match rest.strip_prefix(b"/") {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let len = rest
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let name = rest.get(..len)?.to_ascii_lowercase();
    let after = rest.get(len).copied();
    let ends = matches!(after, Some(b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r'));
    (ends && ELEMENTS.contains(&name.as_slice())).then_some(closing)
}

/// The kind of a page from its content (gunzipped): WARC when it starts with a WARC
/// version line; HTML when its first non-blank bytes are markup (`<!doctype`, `<!--`,
/// `<?xml`, a tag of a known element) or its first 64 KiB hold at least 8 tags of known
/// elements, 2 of them closing; text otherwise. UTF-16 (with a BOM) is looked at through
/// its ASCII bytes.
pub(crate) fn sniff(input: &[u8]) -> Kind {
    let head = input.get(..input.len().min(SNIFF_BYTES)).unwrap_or(input);
    let narrowed: Vec<u8>;
    let head = if let Some(rest) = head.strip_prefix(b"\xff\xfe") {
        narrowed = rest.iter().step_by(2).copied().collect();
        &narrowed[..]
    } else if let Some(rest) = head.strip_prefix(b"\xfe\xff") {
        narrowed = rest.iter().skip(1).step_by(2).copied().collect();
        &narrowed[..]
    } else {
        head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head)
    };
    if head.starts_with(b"WARC/") {
        return Kind::Warc;
    }
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let first = head.get(start..).unwrap_or_default();
    let lower: Vec<u8> = first.iter().take(16).map(u8::to_ascii_lowercase).collect();
    if [&b"<!doctype"[..], b"<!--", b"<?xml"]
        .iter()
        .any(|m| lower.starts_with(m))
        || tag_at(first) == Some(false)
    {
        return Kind::Html;
    }
    let (mut tags, mut closing) = (0usize, 0usize);
    for at in (0..head.len()).filter(|&i| head.get(i) == Some(&b'<')) {
        if let Some(close) = head.get(at..).and_then(tag_at) {
            tags += 1;
            closing += usize::from(close);
            if tags >= MIN_TAGS && closing >= MIN_CLOSING {
                return Kind::Html;
            }
        }
    }
    Kind::Text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_table() {
        let cases = [
            ("a.html", Some(Kind::Html)),
            ("a.HTM", Some(Kind::Html)),
            ("a.xhtml.gz", Some(Kind::Html)),
            ("page.txt", Some(Kind::Text)),
            ("page.TXT.GZ", Some(Kind::Text)),
            ("crawl.warc", Some(Kind::Warc)),
            ("crawl.warc.gz", Some(Kind::Warc)),
            ("notes.md", None),
            ("data.json", None),
            ("page", None),
            ("page.gz", None),
            (".txt", None),
            ("archive.tar.gz", None),
        ];
        for (name, want) in cases {
            assert_eq!(by_extension(name), want, "{name}");
        }
    }

    #[test]
    fn name_table() {
        let cases = [
            (From::Auto, Some("a.txt"), Some(Kind::Text)),
            (From::Auto, Some("a.php"), None),
            (From::Auto, None, None),
            (From::Html, Some("a.txt"), Some(Kind::Html)),
            (From::Text, Some("a.html"), Some(Kind::Text)),
            (From::Text, None, Some(Kind::Text)),
            (From::Warc, Some("a.html"), Some(Kind::Warc)),
        ];
        for (from, name, want) in cases {
            assert_eq!(by_name(from, name), want, "{from:?} {name:?}");
        }
    }

    #[test]
    fn sniff_table() {
        let many_tags = format!(
            "Warning: something in /var/www/x.php on line 3\n{}",
            "<div><p>text</p></div>".repeat(3)
        );
        let cases: &[(&[u8], Kind)] = &[
            (b"<!doctype html><p>Hi", Kind::Html),
            (b"  \n<!DOCTYPE HTML>", Kind::Html),
            (b"\xef\xbb\xbf<html lang=en>", Kind::Html),
            (b"<style>body { margin: 0 }</style>", Kind::Html),
            (b"<!-- saved page --><p>x", Kind::Html),
            (b"<?xml version=\"1.0\"?><html>", Kind::Html),
            (b"<DIV class=a>text</DIV>", Kind::Html),
            (b"\xff\xfe<\0h\0t\0m\0l\0>\0", Kind::Html),
            (many_tags.as_bytes(), Kind::Html),
            (b"WARC/1.1\r\nWARC-Type: response\r\n", Kind::Warc),
            (b"Plain text with a < sign", Kind::Text),
            (
                b"The <head> element and <p> start a page. </p> too.",
                Kind::Text,
            ),
            (b"<< Back to the front page\n\nMOSCOW -- Russia", Kind::Text),
            (b"<paragraph> is not an element", Kind::Text),
            (b"", Kind::Text),
        ];
        for (input, want) in cases {
            assert_eq!(sniff(input), *want, "{:?}", String::from_utf8_lossy(input));
        }
    }
}

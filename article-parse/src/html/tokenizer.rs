//! A lenient, zero-copy HTML tokenizer.
//!
//! ```text
//! document  = ( text | markup )*
//! markup    = comment | cdata | doctype | bogus | start_tag | end_tag
//! comment   = "<!--" .*? ( "-->" | "--!>" | EOF )   ; "<!-->" and "<!--->" are empty
//! cdata     = "<![CDATA[" .*? ( "]]>" | EOF )
//! doctype   = "<!" i"doctype" [^>]* ( ">" | EOF )
//! bogus     = ( "<!" | "<?" | "</" non-letter ) [^>]* ( ">" | EOF )
//! start_tag = "<" name ( space* attribute | space* "/" )* space* "/"? ">"
//! end_tag   = "</" name ( space* attribute | space* "/" )* space* ">"
//! name      = letter [^ \t\n\f\r/>]*
//! attribute = attr_name ( space* "=" space* value )?
//! attr_name = [^ \t\n\f\r/>] [^ \t\n\f\r/>=]*
//! value     = '"' [^"]* ( '"' | EOF ) | "'" [^']* ( "'" | EOF ) | [^ \t\n\f\r>]+
//! ```
//!
//! After the start tag of a raw-text element (`script`, `style`, `textarea`, `title`,
//! `noscript`, `template`, `xmp`, `iframe`, `noembed`, `noframes`) everything up to
//! `</name` followed by a space, `/` or `>` (any case) is one [`Token::RawText`]. A
//! `<title>` that is never closed ends at the next `<` instead (broken pages leave it
//! open, and running it to the end of the input would hide the whole page).
//!
//! It never fails: a `<` that starts no markup is text, a tag cut off by the end of the
//! input is text. Every step consumes input and every scan for a terminator runs at most
//! once over the bytes it passes, so time is linear in the input.

use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag_no_case, take_till, take_while, take_while1},
    character::complete::{char, satisfy},
    combinator::{opt, recognize},
    sequence::preceded,
};

/// Most attributes kept per tag; later ones are read (to find the tag's end) and dropped,
/// as duplicates are.
pub(crate) const MAX_ATTRS: usize = 256;

/// One attribute, as written (`value` has its character references undecoded).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Attr<'a> {
    /// The name as written.
    pub name: &'a str,
    /// The raw value (empty for a bare attribute).
    pub value: &'a str,
}

/// A token of the page. Slices borrow the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Token<'a> {
    /// Text with character references undecoded.
    Text(&'a str),
    /// The content of a raw-text element; `escapable` for `title` and `textarea`,
    /// whose character references count.
    RawText { text: &'a str, escapable: bool },
    /// A start tag; its attributes are in the tokenizer's attribute buffer.
    StartTag { name: &'a str, self_closing: bool },
    /// An end tag.
    EndTag { name: &'a str },
    /// A comment (also bogus comments and processing instructions).
    Comment(&'a str),
    /// A doctype.
    Doctype(&'a str),
    /// A CDATA section.
    Cdata(&'a str),
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c')
}

/// `space*`
fn spaces(i: &str) -> IResult<&str, &str> {
    take_while(is_space).parse_complete(i)
}

/// `name`: a letter, then anything up to a space, `/` or `>`.
fn name(i: &str) -> IResult<&str, &str> {
    recognize((
        satisfy(|c| c.is_ascii_alphabetic()),
        take_till(|c| is_space(c) || c == '/' || c == '>'),
    ))
    .parse_complete(i)
}

/// `attr_name`: one char that is not a space, `/` or `>`, then up to `=` too.
fn attr_name(i: &str) -> IResult<&str, &str> {
    recognize((
        satisfy(|c| !(is_space(c) || c == '/' || c == '>')),
        take_till(|c| is_space(c) || c == '/' || c == '>' || c == '='),
    ))
    .parse_complete(i)
}

/// Runs to `q` or the end of the input.
fn until_quote(q: char) -> impl Fn(&str) -> IResult<&str, &str> {
    move |i: &str| {
        let end = i.find(q).unwrap_or(i.len());
        let (value, rest) = i.split_at(end);
        Ok((rest.get(q.len_utf8()..).unwrap_or(rest), value))
    }
}

/// `value`: quoted (a missing closing quote runs to the end) or unquoted.
fn value(i: &str) -> IResult<&str, &str> {
    alt((
        preceded(char('"'), until_quote('"')),
        preceded(char('\''), until_quote('\'')),
        take_while1(|c| !(is_space(c) || c == '>')),
    ))
    .parse_complete(i)
}

/// `attribute`: a name and an optional `= value`.
fn attribute(i: &str) -> IResult<&str, Attr<'_>> {
    let (i, name) = attr_name(i)?;
    let (after, eq) = opt((spaces, char('='), spaces)).parse_complete(i)?;
    if eq.is_none() {
        return Ok((i, Attr { name, value: "" }));
    }
    match value(after) {
        Ok((i, value)) => Ok((i, Attr { name, value })),
        // `name=` then `>`: an empty value.
        Err(_) => Ok((after, Attr { name, value: "" })),
    }
}

/// The attributes and the end of a tag after its name: returns the rest after `>`, and
/// whether it closed with `/>`. `None` when the input ends first.
fn tag_rest<'a>(mut i: &'a str, attrs: &mut Vec<Attr<'a>>) -> Option<(&'a str, bool)> {
    loop {
        let (r, _) = spaces(i).ok()?;
        i = r;
        if let Some(r) = i.strip_prefix("/>") {
            return Some((r, true));
        }
        if let Some(r) = i.strip_prefix('>') {
            return Some((r, false));
        }
        if let Some(r) = i.strip_prefix('/') {
            i = r;
            continue;
        }
        let (r, attr) = attribute(i).ok()?;
        if attrs.len() < MAX_ATTRS && !attrs.iter().any(|a| a.name.eq_ignore_ascii_case(attr.name))
        {
            attrs.push(attr);
        }
        i = r;
    }
}

/// `comment` after `<!--`: returns (rest, body).
fn comment_body(i: &str) -> (&str, &str) {
    if let Some(r) = i.strip_prefix('>') {
        return (r, "");
    }
    if let Some(r) = i.strip_prefix("->") {
        return (r, "");
    }
    let bytes = i.as_bytes();
    let mut from = 0;
    while let Some(p) = memchr::memmem::find(bytes.get(from..).unwrap_or_default(), b"--") {
        let at = from + p;
        let after = bytes.get(at + 2..).unwrap_or_default();
        if after.first() == Some(&b'>') {
            return (
                i.get(at + 3..).unwrap_or_default(),
                i.get(..at).unwrap_or_default(),
            );
        }
        if after.starts_with(b"!>") {
            return (
                i.get(at + 4..).unwrap_or_default(),
                i.get(..at).unwrap_or_default(),
            );
        }
        from = at + 1;
    }
    ("", i)
}

/// Text up to `>` (consumed) or the end: for doctypes and bogus comments.
fn to_gt(i: &str) -> (&str, &str) {
    match memchr::memchr(b'>', i.as_bytes()) {
        Some(p) => (
            i.get(p + 1..).unwrap_or_default(),
            i.get(..p).unwrap_or_default(),
        ),
        None => ("", i),
    }
}

/// `<!` constructs after the `<!`.
fn bang(i: &str) -> (&str, Token<'_>) {
    if let Some(r) = i.strip_prefix("--") {
        let (rest, body) = comment_body(r);
        return (rest, Token::Comment(body));
    }
    if let Some(r) = i.strip_prefix("[CDATA[") {
        return match memchr::memmem::find(r.as_bytes(), b"]]>") {
            Some(p) => (
                r.get(p + 3..).unwrap_or_default(),
                Token::Cdata(r.get(..p).unwrap_or_default()),
            ),
            None => ("", Token::Cdata(r)),
        };
    }
    if let Ok((r, _)) = tag_no_case::<_, _, nom::error::Error<&str>>("doctype").parse_complete(i) {
        let (rest, body) = to_gt(r);
        return (rest, Token::Doctype(body.trim()));
    }
    let (rest, body) = to_gt(i);
    (rest, Token::Comment(body))
}

/// Raw-text elements, lower case; `true` when character references count.
fn raw_text_kind(name: &str) -> Option<bool> {
    const RAW: [(&str, bool); 10] = [
        ("script", false),
        ("style", false),
        ("textarea", true),
        ("title", true),
        ("noscript", false),
        ("template", false),
        ("xmp", false),
        ("iframe", false),
        ("noembed", false),
        ("noframes", false),
    ];
    RAW.iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|&(_, e)| e)
}

/// Where the raw text of element `name` ends in `i`: the offset of its `</name`.
fn raw_text_end(i: &str, name: &str) -> usize {
    let bytes = i.as_bytes();
    let mut from = 0;
    while let Some(p) = memchr::memmem::find(bytes.get(from..).unwrap_or_default(), b"</") {
        let at = from + p;
        let n = at + 2;
        let cand = bytes.get(n..n + name.len());
        if cand.is_some_and(|c| c.eq_ignore_ascii_case(name.as_bytes())) {
            let next = bytes.get(n + name.len()).copied();
            if matches!(
                next,
                None | Some(b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>')
            ) {
                return at;
            }
        }
        from = at + 2;
    }
    i.len()
}

/// The tokenizer: an iterator-like cursor over a page.
pub(crate) struct Tokenizer<'a> {
    input: &'a str,
    pos: usize,
    /// Set after a raw-text element's start tag: (its name, escapable).
    raw: Option<(&'a str, bool)>,
    /// Set when a search for `</title` found none: no later one is searched for, so a
    /// page of unclosed titles stays linear.
    no_title_end: bool,
}

impl<'a> Tokenizer<'a> {
    /// A tokenizer at the start of `input`.
    pub fn new(input: &'a str) -> Tokenizer<'a> {
        Tokenizer {
            input,
            pos: 0,
            raw: None,
            no_title_end: false,
        }
    }

    /// The next token and its byte range in the input; for a start tag, `attrs` is
    /// cleared and filled with its attributes. `None` at the end of the input.
    pub fn next_token(&mut self, attrs: &mut Vec<Attr<'a>>) -> Option<(Token<'a>, usize, usize)> {
        let input = self.input;
        let start = self.pos;
        let rest = input.get(start..).filter(|r| !r.is_empty())?;
        if let Some((name, escapable)) = self.raw.take() {
            let title = name.eq_ignore_ascii_case("title");
            let mut end = if title && self.no_title_end {
                rest.len()
            } else {
                raw_text_end(rest, name)
            };
            if title && end == rest.len() {
                // An unclosed title: up to the next '<'.
                self.no_title_end = true;
                end = memchr::memchr(b'<', rest.as_bytes()).unwrap_or(rest.len());
            }
            if end > 0 {
                self.pos = start + end;
                let text = rest.get(..end).unwrap_or_default();
                return Some((Token::RawText { text, escapable }, start, self.pos));
            }
        }
        let (next, token) = match self.markup(rest, attrs) {
            Some(found) => found,
            None => {
                // Text up to the next '<' that starts markup; a lone '<' is text.
                let mut end = 1;
                loop {
                    match memchr::memchr(b'<', rest.as_bytes().get(end..).unwrap_or_default()) {
                        None => {
                            end = rest.len();
                            break;
                        }
                        Some(p) => {
                            end += p;
                            if starts_markup(rest.get(end..).unwrap_or_default()) {
                                break;
                            }
                            end += 1;
                        }
                    }
                }
                let text = rest.get(..end).unwrap_or(rest);
                (rest.get(end..).unwrap_or_default(), Token::Text(text))
            }
        };
        debug_assert!(next.len() < rest.len(), "every step consumes input");
        self.pos = input.len() - next.len();
        if let Token::StartTag {
            name,
            self_closing: _,
        } = token
        {
            if let Some(escapable) = raw_text_kind(name) {
                self.raw = Some((name, escapable));
            }
        }
        Some((token, start, self.pos))
    }

    /// Markup at the start of `rest`, or `None` when `rest` starts with text.
    fn markup(&self, rest: &'a str, attrs: &mut Vec<Attr<'a>>) -> Option<(&'a str, Token<'a>)> {
        let after = rest.strip_prefix('<')?;
        let c = after.bytes().next()?;
        if c.is_ascii_alphabetic() {
            attrs.clear();
            let (r, name) = name(after).ok()?;
            // A tag cut off by the end of the input: the rest is text (linear: never
            // rescanned from the next '<').
            let Some((r, self_closing)) = tag_rest(r, attrs) else {
                return Some(("", Token::Text(rest)));
            };
            return Some((r, Token::StartTag { name, self_closing }));
        }
        match c {
            b'!' => Some(bang(after.get(1..).unwrap_or_default())),
            b'?' => {
                let (r, body) = to_gt(after.get(1..).unwrap_or_default());
                Some((r, Token::Comment(body)))
            }
            b'/' => {
                let after = after.get(1..).unwrap_or_default();
                if let Ok((r, name)) = name(after) {
                    let mut scratch = Vec::new();
                    let Some((r, _)) = tag_rest(r, &mut scratch) else {
                        return Some(("", Token::Text(rest)));
                    };
                    return Some((r, Token::EndTag { name }));
                }
                if after.is_empty() {
                    return None;
                }
                // "</>" is dropped; "</ ..." is a bogus comment.
                let (r, body) = to_gt(after);
                Some((r, Token::Comment(body)))
            }
            _ => None,
        }
    }
}

/// Whether `i` (starting with `<`) starts markup rather than text.
fn starts_markup(i: &str) -> bool {
    match i.as_bytes().get(1) {
        Some(c) if c.is_ascii_alphabetic() => true,
        Some(b'!' | b'?') => true,
        Some(b'/') => i.len() > 2,
        _ => false,
    }
}

/// `tag` re-exported for the grammar tests.
#[cfg(test)]
fn literal<'a>(t: &'static str) -> impl Fn(&'a str) -> IResult<&'a str, &'a str> {
    move |i| nom::bytes::complete::tag(t).parse_complete(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(input: &str) -> Vec<(Token<'_>, Vec<Attr<'_>>)> {
        let mut t = Tokenizer::new(input);
        let mut attrs = Vec::new();
        let mut out = Vec::new();
        let mut last = 0;
        while let Some((tok, s, e)) = t.next_token(&mut attrs) {
            assert_eq!(s, last);
            assert!(e > s);
            last = e;
            let a = if matches!(tok, Token::StartTag { .. }) {
                attrs.clone()
            } else {
                Vec::new()
            };
            out.push((tok, a));
        }
        assert_eq!(last, input.len());
        out
    }

    fn a<'a>(name: &'a str, value: &'a str) -> Attr<'a> {
        Attr { name, value }
    }

    #[test]
    fn attribute_table() {
        let cases: &[(&str, &[Attr<'_>])] = &[
            (
                "<a href=\"x y\">",
                &[Attr {
                    name: "href",
                    value: "x y",
                }],
            ),
            (
                "<a href='x\"y'>",
                &[Attr {
                    name: "href",
                    value: "x\"y",
                }],
            ),
            (
                "<a href=x/y>",
                &[Attr {
                    name: "href",
                    value: "x/y",
                }],
            ),
            (
                "<input disabled>",
                &[Attr {
                    name: "disabled",
                    value: "",
                }],
            ),
            (
                "<a x=1 X=2 y = 3>",
                &[
                    Attr {
                        name: "x",
                        value: "1",
                    },
                    Attr {
                        name: "y",
                        value: "3",
                    },
                ],
            ),
            (
                "<a/b/c=d>",
                &[
                    Attr {
                        name: "b",
                        value: "",
                    },
                    Attr {
                        name: "c",
                        value: "d",
                    },
                ],
            ),
            (
                "<a =x>",
                &[Attr {
                    name: "=x",
                    value: "",
                }],
            ),
            (
                "<a b=>",
                &[Attr {
                    name: "b",
                    value: "",
                }],
            ),
        ];
        for (input, want) in cases {
            let toks = tokens(input);
            assert_eq!(toks.len(), 1, "{input:?}");
            assert_eq!(toks[0].1, *want, "{input:?}");
        }
        let _ = a("", "");
    }

    #[test]
    fn token_table() {
        let cases: &[(&str, &[Token<'_>])] = &[
            (
                "a<b>c",
                &[
                    Token::Text("a"),
                    Token::StartTag {
                        name: "b",
                        self_closing: false,
                    },
                    Token::Text("c"),
                ],
            ),
            (
                "<br/>",
                &[Token::StartTag {
                    name: "br",
                    self_closing: true,
                }],
            ),
            ("</P >", &[Token::EndTag { name: "P" }]),
            ("1 < 2", &[Token::Text("1 < 2")]),
            ("<!-- x -->y", &[Token::Comment(" x "), Token::Text("y")]),
            ("<!-- x --!>y", &[Token::Comment(" x "), Token::Text("y")]),
            ("<!-->y", &[Token::Comment(""), Token::Text("y")]),
            ("<!--->y", &[Token::Comment(""), Token::Text("y")]),
            ("<!-- open", &[Token::Comment(" open")]),
            ("<!DOCTYPE html>", &[Token::Doctype("html")]),
            ("<![CDATA[x]]>", &[Token::Cdata("x")]),
            ("<?xml v?>", &[Token::Comment("xml v?")]),
            ("<!x>", &[Token::Comment("x")]),
            ("</ x>", &[Token::Comment(" x")]),
            ("a</", &[Token::Text("a</")]),
            ("<a href=\"x", &[Token::Text("<a href=\"x")]),
            (
                "<script>if (a<b) x='</p>'</script>",
                &[
                    Token::StartTag {
                        name: "script",
                        self_closing: false,
                    },
                    Token::RawText {
                        text: "if (a<b) x='</p>'",
                        escapable: false,
                    },
                    Token::EndTag { name: "script" },
                ],
            ),
            (
                "<title>a &amp; b</TITLE>",
                &[
                    Token::StartTag {
                        name: "title",
                        self_closing: false,
                    },
                    Token::RawText {
                        text: "a &amp; b",
                        escapable: true,
                    },
                    Token::EndTag { name: "TITLE" },
                ],
            ),
            (
                "<title>Broken<p>Text",
                &[
                    Token::StartTag {
                        name: "title",
                        self_closing: false,
                    },
                    Token::RawText {
                        text: "Broken",
                        escapable: true,
                    },
                    Token::StartTag {
                        name: "p",
                        self_closing: false,
                    },
                    Token::Text("Text"),
                ],
            ),
            (
                "<style>x</styles></style>",
                &[
                    Token::StartTag {
                        name: "style",
                        self_closing: false,
                    },
                    Token::RawText {
                        text: "x</styles>",
                        escapable: false,
                    },
                    Token::EndTag { name: "style" },
                ],
            ),
            (
                "<script>never closed",
                &[
                    Token::StartTag {
                        name: "script",
                        self_closing: false,
                    },
                    Token::RawText {
                        text: "never closed",
                        escapable: false,
                    },
                ],
            ),
        ];
        for (input, want) in cases {
            let got: Vec<Token<'_>> = tokens(input).into_iter().map(|(t, _)| t).collect();
            assert_eq!(got, *want, "{input:?}");
        }
    }

    #[test]
    fn grammar_rules() {
        assert_eq!(name("div class"), Ok((" class", "div")));
        assert!(name("1div").is_err());
        assert_eq!(value("\"a b\" c"), Ok((" c", "a b")));
        assert_eq!(value("\"open"), Ok(("", "open")));
        assert_eq!(comment_body("a--b-->c"), ("c", "a--b"));
        assert_eq!(literal("<")("<x"), Ok(("x", "<")));
    }

    #[test]
    fn never_incomplete_and_always_progresses() {
        for input in [
            "<",
            "<!",
            "<!-",
            "<a",
            "<a b",
            "<a b=",
            "<a b='",
            "</a",
            "&",
            "<!DOCTYPE",
        ] {
            let _ = tokens(input);
        }
    }
}

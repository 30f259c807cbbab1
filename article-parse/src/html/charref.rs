//! Character references: `&amp;`, `&#233;`, `&#xE9;`, and the legacy forms without `;`.
//!
//! ```text
//! charref = "&" ( "#" ( ("x" | "X") hex+ | dec+ ) ";"? | name ";" | legacy_name )
//! ```
//!
//! The named table is the full WHATWG list (the `entities` crate). Numeric references
//! follow the HTML rules: 0, surrogates and values past U+10FFFF become U+FFFD, and
//! 0x80..0x9F are read as windows-1252. In attribute values a legacy name without `;`
//! followed by an alphanumeric or `=` is left as written (`?a=1&copy=2`).

use std::collections::HashMap;
use std::sync::OnceLock;

use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, take_while1},
    character::complete::{char, one_of},
    combinator::opt,
    sequence::preceded,
};

/// Names (without `&`, with `;` where written so) to their characters.
fn table() -> &'static HashMap<&'static str, &'static str> {
    static TABLE: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        entities::ENTITIES
            .iter()
            .filter_map(|e| Some((e.entity.strip_prefix('&')?, e.characters)))
            .collect()
    })
}

/// The longest legacy name (written without `;`) in the table: `&frac34` and friends.
const LONGEST_LEGACY: usize = 6;
/// The longest name in the table, `;` included.
const LONGEST_NAME: usize = 32;

/// Windows-1252 for C1 code points in numeric references.
const C1: [u32; 32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
];

/// `hex+` after `#x`, as a code point (saturating past U+10FFFF).
fn hex(i: &str) -> IResult<&str, u32> {
    let (i, digits) = take_while1(|c: char| c.is_ascii_hexdigit()).parse_complete(i)?;
    Ok((i, fold(digits, 16)))
}

/// `dec+` after `#`, as a code point (saturating past U+10FFFF).
fn dec(i: &str) -> IResult<&str, u32> {
    let (i, digits) = take_while1(|c: char| c.is_ascii_digit()).parse_complete(i)?;
    Ok((i, fold(digits, 10)))
}

fn fold(digits: &str, radix: u32) -> u32 {
    digits.chars().fold(0u32, |acc, c| {
        acc.saturating_mul(radix)
            .saturating_add(c.to_digit(radix).unwrap_or(0))
            .min(0x11_0000)
    })
}

/// `"#" (x hex | dec) ";"?` after the `&`.
fn numeric(i: &str) -> IResult<&str, u32> {
    let (i, value) =
        preceded(char('#'), alt((preceded(one_of("xX"), hex), dec))).parse_complete(i)?;
    let (i, _) = opt(tag(";")).parse_complete(i)?;
    Ok((i, value))
}

/// The character a numeric reference stands for.
fn numeric_char(v: u32) -> char {
    let v = match v {
        0x80..=0x9F => C1.get((v - 0x80) as usize).copied().unwrap_or(v),
        _ => v,
    };
    if v == 0 {
        return '\u{fffd}';
    }
    char::from_u32(v).unwrap_or('\u{fffd}')
}

/// Reads one reference at the start of `i` (just after `&`): its replacement and the
/// bytes it used, or `None` when `&` is literal here.
fn reference(i: &str, in_attr: bool) -> Option<(Replacement, usize)> {
    if i.starts_with('#') {
        let (rest, v) = numeric(i).ok()?;
        return Some((Replacement::Char(numeric_char(v)), i.len() - rest.len()));
    }
    let alnum = i
        .bytes()
        .take(LONGEST_NAME)
        .take_while(u8::is_ascii_alphanumeric)
        .count();
    if alnum == 0 {
        return None;
    }
    let t = table();
    if i.as_bytes().get(alnum) == Some(&b';') {
        if let Some(s) = i.get(..=alnum).and_then(|n| t.get(n)) {
            return Some((Replacement::Str(s), alnum + 1));
        }
    }
    // Legacy: the longest prefix that is a name written without `;`.
    for len in (2..=alnum.min(LONGEST_LEGACY)).rev() {
        let Some(s) = i.get(..len).and_then(|n| t.get(n)) else {
            continue;
        };
        if in_attr {
            let next = i.as_bytes().get(len).copied();
            if next.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'=') {
                return None;
            }
        }
        return Some((Replacement::Str(s), len));
    }
    None
}

enum Replacement {
    Char(char),
    Str(&'static str),
}

/// Appends `raw` to `out` with its character references decoded.
pub(crate) fn decode_into(raw: &str, in_attr: bool, out: &mut String) {
    let mut rest = raw;
    while let Some(amp) = memchr::memchr(b'&', rest.as_bytes()) {
        out.push_str(rest.get(..amp).unwrap_or_default());
        let after = rest.get(amp + 1..).unwrap_or_default();
        match reference(after, in_attr) {
            Some((rep, used)) => {
                match rep {
                    Replacement::Char(c) => out.push(c),
                    Replacement::Str(s) => out.push_str(s),
                }
                rest = after.get(used..).unwrap_or_default();
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

/// `raw` with its character references decoded (borrowed when it has none).
pub(crate) fn decode(raw: &str, in_attr: bool) -> std::borrow::Cow<'_, str> {
    if memchr::memchr(b'&', raw.as_bytes()).is_none() {
        return std::borrow::Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    decode_into(raw, in_attr, &mut out);
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_table() {
        let cases = [
            ("a &amp; b", "a & b"),
            ("&lt;p&gt;", "<p>"),
            ("caf&eacute;", "café"),
            ("&#233;&#xE9;&#XE9", "ééé"),
            ("&#0;&#xD800;&#x110000;", "\u{fffd}\u{fffd}\u{fffd}"),
            ("&#150;", "\u{2013}"),
            ("&copy 2020", "© 2020"),
            ("&notin; &notit;", "∉ ¬it;"),
            ("&amp", "&"),
            ("&bogus; & &;", "&bogus; & &;"),
            ("&NotNestedGreaterGreater;", "\u{2aa2}\u{338}"),
            ("&#99999999999999999999;", "\u{fffd}"),
            ("fish & chips", "fish & chips"),
        ];
        for (input, want) in cases {
            assert_eq!(decode(input, false), want, "{input:?}");
        }
    }

    #[test]
    fn attribute_table() {
        let cases = [
            ("?a=1&copy=2", "?a=1&copy=2"),
            ("?a=1&copyx", "?a=1&copyx"),
            ("&copy;x", "©x"),
            ("&copy x", "© x"),
            ("&amp;", "&"),
        ];
        for (input, want) in cases {
            assert_eq!(decode(input, true), want, "{input:?}");
        }
    }

    #[test]
    fn table_is_full() {
        assert!(table().len() > 2200);
    }
}

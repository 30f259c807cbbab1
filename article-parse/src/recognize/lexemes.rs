//! Small nom rules shared by the recognisers: spaces, words, numbers, month names.
//!
//! ```text
//! sp        = (" " | U+00A0 | U+2009 | U+202F)+
//! cap_word  = upper letter (letter | "'" | "’" | "-" | ".")*
//! upper_word= upper letter (upper letter | "'" | "’" | "-" | ".")*
//! initial   = upper letter "."
//! month     = a month word read in `DateMode::TEXT`, any ASCII case, "."?
//! number    = digit{1,4}
//! ```

use super::dates::{DateMode, calendar};
use nom::{
    IResult, Parser,
    bytes::complete::take_while_m_n,
    character::complete::satisfy,
    combinator::{opt, recognize},
};

/// Error type of the recognisers' parsers.
pub(crate) type Res<'a, T> = IResult<&'a str, T>;

pub(crate) fn fail<T>(i: &str) -> Res<'_, T> {
    Err(nom::Err::Error(nom::error::Error::new(
        i,
        nom::error::ErrorKind::Verify,
    )))
}

fn is_inline_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{a0}' | '\u{2009}' | '\u{202f}' | '\u{2002}' | '\u{2003}'
    )
}

/// `sp`: one or more inline spaces.
pub(crate) fn sp(i: &str) -> Res<'_, &str> {
    let end = i
        .char_indices()
        .find(|&(_, c)| !is_inline_space(c))
        .map_or(i.len(), |(p, _)| p);
    if end == 0 {
        fail(i)
    } else {
        Ok((&i[end..], &i[..end]))
    }
}

/// Optional spaces.
pub(crate) fn sp0(i: &str) -> Res<'_, &str> {
    opt(sp).map(|s| s.unwrap_or("")).parse(i)
}

fn word_tail(i: &str, upper_only: bool) -> Res<'_, &str> {
    let end = i
        .char_indices()
        .find(|&(_, c)| {
            !(if upper_only {
                c.is_uppercase()
            } else {
                c.is_alphabetic()
            } || matches!(c, '\'' | '’' | '-' | '.'))
        })
        .map_or(i.len(), |(p, _)| p);
    Ok((&i[end..], &i[..end]))
}

/// `cap_word`: a capitalised word ("Lavrov", "O'Neil", "Jean-Paul", "St.").
pub(crate) fn cap_word(i: &str) -> Res<'_, &str> {
    recognize((satisfy(char::is_uppercase), |j| word_tail(j, false))).parse(i)
}

/// `upper_word`: an all-capitals word of at least two letters ("MOSCOW", "ST.").
pub(crate) fn upper_word(i: &str) -> Res<'_, &str> {
    let (rest, w) = recognize((satisfy(char::is_uppercase), |j| word_tail(j, true))).parse(i)?;
    if w.chars().filter(|c| c.is_alphabetic()).count() < 2 {
        return fail(i);
    }
    Ok((rest, w))
}

/// `itag`: an ASCII tag matched without regard to ASCII case (a fast `tag_no_case`:
/// nom's compares chars through Unicode lower-casing, which costs more than the rest of
/// a recogniser).
pub(crate) fn itag<'a>(t: &'static str) -> impl Fn(&'a str) -> Res<'a, &'a str> {
    move |i: &'a str| {
        let n = t.len();
        match i.as_bytes().get(..n) {
            // `t` is ASCII, so equal bytes end on a char boundary.
            Some(head) if head.eq_ignore_ascii_case(t.as_bytes()) => Ok((&i[n..], &i[..n])),
            _ => fail(i),
        }
    }
}

/// `number`: one to four ASCII digits.
pub(crate) fn number(i: &str) -> Res<'_, u32> {
    let (rest, d) = take_while_m_n(1, 4, |c: char| c.is_ascii_digit()).parse(i)?;
    match d.parse() {
        Ok(n) => Ok((rest, n)),
        Err(_) => fail(i),
    }
}

/// `month`: a month name or abbreviation (any case, optional "."), as 1..=12.
///
/// Compares the leading letters (lower-cased in a small buffer) with the table, so it
/// costs one short scan whatever the input.
pub(crate) fn month(i: &str) -> Res<'_, u32> {
    let len = i
        .bytes()
        .position(|b| !b.is_ascii_alphabetic())
        .unwrap_or(i.len());
    if !(3..=10).contains(&len) {
        return fail(i);
    }
    // A word that goes on in non-ASCII letters is some other word.
    if i[len..].chars().next().is_some_and(char::is_alphabetic) {
        return fail(i);
    }
    let mut buf = [0u8; 10];
    buf[..len].copy_from_slice(&i.as_bytes()[..len]);
    buf[..len].make_ascii_lowercase();
    let word = &buf[..len];
    let Some(n) = std::str::from_utf8(word)
        .ok()
        .and_then(|w| calendar::month_number(w, DateMode::TEXT.months))
    else {
        return fail(i);
    };
    let rest = &i[len..];
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    Ok((rest, n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_table() {
        assert_eq!(cap_word("O'Neil x").ok(), Some((" x", "O'Neil")));
        assert_eq!(cap_word("lower").ok(), None);
        assert_eq!(upper_word("MOSCOW —").ok(), Some((" —", "MOSCOW")));
        assert_eq!(upper_word("Moscow").ok(), None);
        assert_eq!(upper_word("A ").ok(), None);
        assert_eq!(number("2020,").ok(), Some((",", 2020)));
        assert_eq!(number("x").ok(), None);
    }

    #[test]
    fn itag_table() {
        assert_eq!(itag("by")("BY me").ok(), Some((" me", "BY")));
        assert_eq!(itag("by")("b").ok(), None);
        assert_eq!(itag("é")("É").ok(), None);
        assert_eq!(itag("ab")("a\u{e9}").ok(), None);
    }

    #[test]
    fn month_table() {
        let cases: &[(&str, Option<u32>)] = &[
            ("July 16", Some(7)),
            ("Nov. 3", Some(11)),
            ("SEPTEMBER", Some(9)),
            ("Sept. 9", Some(9)),
            ("Mayor", None),
            ("Marching", None),
            ("Tuesday", None),
            ("janeiro de", Some(1)),
            ("Septiembre", Some(9)),
        ];
        for (input, want) in cases {
            assert_eq!(month(input).ok().map(|(_, m)| m), *want, "{input:?}");
        }
    }
}

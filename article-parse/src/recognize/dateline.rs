//! Datelines that open a story: `MOSCOW —`, `WASHINGTON (Reuters) -`,
//! `LONDON, July 16 (AP) —`, `BEIRUT:`, `KELMSCOTT, Nov 3 (Northern Wire) -`.
//!
//! ```text
//! dateline = place ("," sp date)? (sp? agency)? sep
//! place    = upper_word (sp upper_word){0,3} ("," sp upper_word (sp upper_word){0,2})?
//!          | cap_word (sp cap_word){0,2}          (only when a date or an agency follows)
//! date     = month sp number ("," sp number)?
//! agency   = "(" [^()]{1,40} ")"
//! sep      = sp? ("—" | "–" | "--" | "-" | "―") sp | ":" sp
//! ```

use article_model::Dateline;
use nom::{
    Parser,
    branch::alt,
    bytes::complete::{tag, take_while_m_n},
    combinator::{opt, recognize},
    multi::many_m_n,
    sequence::{delimited, preceded},
};

use super::lexemes::{Res, cap_word, fail, month, number, sp, sp0, upper_word};

/// `place` in capitals, with an optional capitalised region ("BAAR, SWITZERLAND").
fn upper_place(i: &str) -> Res<'_, &str> {
    recognize((
        upper_word,
        many_m_n(0, 3, preceded(sp, upper_word)),
        opt((
            tag(","),
            sp,
            upper_word,
            many_m_n(0, 2, preceded(sp, upper_word)),
        )),
    ))
    .parse(i)
}

/// `place` in title case ("Kelmscott", "Port Alder").
fn title_place(i: &str) -> Res<'_, &str> {
    recognize((cap_word, many_m_n(0, 2, preceded(sp, cap_word)))).parse(i)
}

/// `date`: "July 16", "Nov. 3, 2023".
fn date(i: &str) -> Res<'_, &str> {
    recognize((month, sp, number, opt((tag(","), sp, number)))).parse(i)
}

/// `agency`: a parenthesised name, returned without the parentheses.
fn agency(i: &str) -> Res<'_, &str> {
    delimited(
        tag("("),
        take_while_m_n(1, 40, |c: char| c != '(' && c != ')'),
        tag(")"),
    )
    .parse(i)
}

/// `sep`: the dash or colon that ends a dateline, with the space after it.
fn sep(i: &str) -> Res<'_, &str> {
    alt((
        recognize((
            sp0,
            alt((tag("—"), tag("–"), tag("--"), tag("-"), tag("―"))),
            sp,
        )),
        recognize((tag(":"), sp)),
    ))
    .parse(i)
}

/// The parts of a dateline after the place: date, agency, separator.
fn tail(i: &str) -> Res<'_, (Option<&str>, Option<&str>)> {
    let (i, d) = opt(preceded((tag(","), sp), date)).parse(i)?;
    let (i, a) = opt(preceded(sp0, agency)).parse(i)?;
    let (i, _) = sep(i)?;
    Ok((i, (d, a)))
}

/// Recognises a dateline at the start of `text` (a block that goes on after it).
pub(crate) fn dateline(text: &str) -> Option<Dateline> {
    let head = text.get(..text.len().min(160)).unwrap_or_else(|| {
        let mut end = text.len().min(160);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        &text[..end]
    });
    let parsed = (|| -> Res<'_, (&str, Option<&str>, Option<&str>)> {
        if let Ok((rest, place)) = upper_place(head) {
            if let Ok((rest, (d, a))) = tail(rest) {
                return Ok((rest, (place, d, a)));
            }
        }
        let (rest, place) = title_place(head)?;
        let (rest, (d, a)) = tail(rest)?;
        if d.is_none() && a.is_none() {
            return fail(head);
        }
        Ok((rest, (place, d, a)))
    })();
    let (rest, (place, _, agency)) = parsed.ok()?;
    // A dateline opens a sentence: something must follow it.
    if rest.trim().is_empty() {
        return None;
    }
    let text_len = head.len() - rest.len();
    Some(Dateline {
        place: place.to_owned(),
        text: head[..text_len].trim_end().to_owned(),
        agency: agency.map(str::to_owned),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dateline_table() {
        type Want<'a> = Option<(&'a str, &'a str, Option<&'a str>)>;
        let cases: &[(&str, Want)] = &[
            (
                "MOSCOW — Russia urged Turkey",
                Some(("MOSCOW", "MOSCOW —", None)),
            ),
            (
                "WASHINGTON (Reuters) - The U.S. said",
                Some(("WASHINGTON", "WASHINGTON (Reuters) -", Some("Reuters"))),
            ),
            (
                "LONDON, July 16 (AP) — Britain",
                Some(("LONDON", "LONDON, July 16 (AP) —", Some("AP"))),
            ),
            ("BEIRUT: Lebanon's", Some(("BEIRUT", "BEIRUT:", None))),
            (
                "NEW YORK – With over 80 years",
                Some(("NEW YORK", "NEW YORK –", None)),
            ),
            (
                "BAAR, SWITZERLAND -- Healthcare firm",
                Some(("BAAR, SWITZERLAND", "BAAR, SWITZERLAND --", None)),
            ),
            (
                "KELMSCOTT, Nov 3 (Northern Wire) - An overnight fire",
                Some((
                    "KELMSCOTT",
                    "KELMSCOTT, Nov 3 (Northern Wire) -",
                    Some("Northern Wire"),
                )),
            ),
            (
                "Kelmscott, Nov. 3, 2023 - A fire",
                Some(("Kelmscott", "Kelmscott, Nov. 3, 2023 -", None)),
            ),
            ("Moscow — Russia urged", None),
            ("MOSCOW —", None),
            ("The US — and Russia", None),
            ("A-B test: results", None),
            ("Q: How do you prioritize your day?", None),
            ("", None),
        ];
        for (input, want) in cases {
            let got = dateline(input);
            let got = got
                .as_ref()
                .map(|d| (d.place.as_str(), d.text.as_str(), d.agency.as_deref()));
            assert_eq!(got, *want, "{input:?}");
        }
    }
}

//! The byline grammar: `By Jane Doe and John Roe`, `Jane Doe | Reuters`, `Staff Reporter`.
//! Names it matches are cleaned in [`AuthorSource::Grammar`].
//!
//! ```text
//! byline  = by sp names rest?              (rest: ", Role", " | Org", a date, ...)
//!         | names sp? ("|" | "-" | "–" | "—") sp org      (org: at most 4 words)
//!         | role                           ("Staff Reporter", "Opinion Columnist", ...)
//! by      = "By" | "BY" | "by" | "Written by" | "Words by" | "Von" | "Por" | "Par" | "Door"
//! names   = name (join name){0,5}          join = "," sp | sp ("and" | "&" | "und" | "y" | "e" | "et") sp
//! name    = cap_word (sp (cap_word | initial)){0,3}   (at least one word of 2+ letters)
//! ```

use nom::{
    Parser, branch::alt, bytes::complete::tag, combinator::recognize, multi::many_m_n,
    sequence::preceded,
};

use super::super::lexemes::{Res, cap_word, fail, itag, month, sp};
use super::authors::{AuthorSource, clean_author};

/// Words that never start or continue a person's name in a byline.
const NOT_NAME: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "For",
    "With",
    "From",
    "Of",
    "To",
    "And",
    "Published",
    "Updated",
    "Posted",
    "Staff",
    "Our",
    "This",
    "That",
    "Reuters",
    "AP",
    "AFP",
];

/// Nouns of job titles, which end a byline's names ("Marta Keane, Business Reporter").
fn is_role_word(w: &str) -> bool {
    const ROLES: &[&str] = &[
        "reporter",
        "correspondent",
        "editor",
        "writer",
        "columnist",
        "contributor",
        "producer",
        "photographer",
        "analyst",
        "desk",
        "staff",
        "journalist",
        "critic",
    ];
    let w = w.trim_end_matches(['.', ',']);
    ROLES
        .iter()
        .any(|r| r.as_bytes().eq_ignore_ascii_case(w.as_bytes()))
}

/// `name`: one person's name, two to four words ("Jane Doe", "Mary J. Blige").
fn name(i: &str) -> Res<'_, &str> {
    let (rest, n) = recognize((cap_word, many_m_n(0, 3, preceded(sp, cap_word)))).parse(i)?;
    if n.split_whitespace()
        .any(|w| NOT_NAME.contains(&w) || is_role_word(w))
        || !n
            .split_whitespace()
            .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
    {
        return fail(i);
    }
    Ok((rest, n))
}

/// `join`: what separates two names.
fn join(i: &str) -> Res<'_, &str> {
    alt((
        recognize((tag(","), sp, tag("and"), sp)),
        recognize((tag(","), sp)),
        recognize((
            sp,
            alt((
                tag("and"),
                tag("&"),
                tag("und"),
                tag("y"),
                tag("e"),
                tag("et"),
            )),
            sp,
        )),
    ))
    .parse(i)
}

/// `names`: one to six names.
fn names(i: &str) -> Res<'_, Vec<&str>> {
    let (mut rest, first) = name(i)?;
    let mut out = vec![first];
    while out.len() < 6 {
        match preceded(join, name).parse(rest) {
            Ok((r, n)) => {
                out.push(n);
                rest = r;
            }
            Err(_) => break,
        }
    }
    Ok((rest, out))
}

/// `by`: the word that opens a byline.
fn by(i: &str) -> Res<'_, &str> {
    alt((
        // A kind of piece before "by": "Analysis by Jane Roe, CNN" (CNN, The Hill).
        alt((
            itag("analysis by"),
            itag("opinion by"),
            itag("commentary by"),
            itag("review by"),
            itag("reported by"),
        )),
        itag("written by"),
        itag("words by"),
        itag("reporting by"),
        tag("By"),
        tag("BY"),
        tag("by"),
        tag("Von"),
        tag("Por"),
        tag("Par"),
        tag("Door"),
    ))
    .parse(i)
}

/// `role`: a byline that names a role, not a person.
fn role(i: &str) -> Res<'_, &str> {
    if i.len() > 32 {
        return fail(i);
    }
    const ROLES: &[&str] = &[
        "staff reporter",
        "staff writer",
        "staff correspondent",
        "special correspondent",
        "correspondent",
        "senior writer",
        "contributing writer",
        "contributor",
        "columnist",
        "opinion columnist",
        "editor",
        "senior editor",
        "news desk",
        "web desk",
    ];
    // Every role starts with one of these letters.
    if !matches!(
        i.as_bytes().first().map(u8::to_ascii_lowercase),
        Some(b's' | b'c' | b'o' | b'e' | b'n' | b'w')
    ) {
        return fail(i);
    }
    let t = i.trim_end_matches(['.', ':']);
    if ROLES
        .iter()
        .any(|r| r.as_bytes().eq_ignore_ascii_case(t.as_bytes()))
    {
        Ok(("", i))
    } else {
        fail(i)
    }
}

/// Capitalised words, spaces and dots only ("Reuters", "Northern Wire").
fn org(i: &str) -> Res<'_, &str> {
    recognize((cap_word, many_m_n(0, 3, preceded(sp, cap_word)))).parse(i)
}

/// Recognises a byline block; returns the authors it names (possibly none, for a role).
pub(crate) fn byline(text: &str) -> Option<Vec<String>> {
    if text.len() > 160 || text.contains('\n') {
        return None;
    }
    let authors = |v: Vec<&str>| {
        v.into_iter()
            .filter_map(|n| clean_author(n, AuthorSource::Grammar))
            .collect()
    };
    // Every `by` word starts with one of these bytes.
    let by_first = matches!(
        text.as_bytes().first(),
        Some(b'w' | b'W' | b'r' | b'R' | b'B' | b'b' | b'V' | b'P' | b'D' | b'A' | b'O' | b'C')
    );
    if let Some(Ok((rest, (_, _, found)))) = by_first.then(|| (by, sp, names).parse(text)) {
        // After the names: nothing, or a separator and more (role, org, date).
        let rest = rest.trim_start();
        if rest.is_empty()
            || rest.starts_with([',', '|', '-', '–', '—', '·', '/', '(', '•'])
            || rest.len() < text.len() / 2 + 16
        {
            return Some(authors(found));
        }
    }
    let bytes = text.as_bytes();
    // '|', '-', '/', or an en or em dash (E2 80 93, E2 80 94).
    let has_sep = memchr::memchr3(b'|', b'-', b'/', bytes).is_some()
        || memchr::memchr_iter(0xe2, bytes)
            .any(|k| matches!(bytes.get(k + 1..k + 3), Some([0x80, 0x93 | 0x94])));
    if let Some(Ok((rest, found))) = has_sep.then(|| names(text)) {
        if found.iter().any(|n| n.split_whitespace().count() < 2) {
            return role(text).ok().map(|_| Vec::new());
        }
        let sep = (
            nom::combinator::opt(sp),
            alt((tag("|"), tag("-"), tag("–"), tag("—"), tag("/"))),
            sp,
        );
        if let Ok((rest, _)) = preceded(sep, org).parse(rest) {
            if rest.trim().is_empty() {
                return Some(authors(found));
            }
        }
    }
    role(text).ok().map(|_| Vec::new())
}

/// A lower-case name particle and its space ("de ", "van ", "von der ").
fn particle(i: &str) -> Res<'_, &str> {
    recognize((
        alt((
            tag("van"),
            tag("von"),
            tag("der"),
            tag("den"),
            tag("del"),
            tag("de"),
            tag("da"),
            tag("di"),
            tag("du"),
            tag("dos"),
            tag("das"),
            tag("la"),
            tag("le"),
            tag("ter"),
            tag("bin"),
            tag("al"),
        )),
        sp,
    ))
    .parse(i)
}

/// `person`: a [`name`] that may hold lower-case particles ("Jan de Vries", "Ludwig van
/// der Berg"), for the metadata's bylines.
fn person(i: &str) -> Res<'_, &str> {
    let (rest, n) = recognize((
        cap_word,
        many_m_n(
            0,
            4,
            preceded(
                sp,
                alt((
                    cap_word,
                    recognize((particle, many_m_n(0, 1, particle), cap_word)),
                )),
            ),
        ),
    ))
    .parse(i)?;
    name(n)
        .map_err(|_| nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Verify)))?;
    Ok((rest, n))
}

/// `persons`: one to six [`person`]s.
fn persons(i: &str) -> Res<'_, Vec<&str>> {
    let (mut rest, first) = person(i)?;
    let mut out = vec![first];
    while out.len() < 6 {
        match preceded(join, person).parse(rest) {
            Ok((r, n)) => {
                out.push(n);
                rest = r;
            }
            Err(_) => break,
        }
    }
    Ok((rest, out))
}

/// `lead`: what opens a byline for the page metadata, in the languages we see: the
/// [`by`] words, and "Posted by", "Von", "Par", "Por", "Di", "Door", "Av", "Af", "Autor:",
/// "Author:", "Text:" in any case.
fn lead(i: &str) -> Res<'_, &str> {
    let (i, w) = alt((
        by,
        itag("posted by"),
        itag("published by"),
        itag("story by"),
        itag("text by"),
        itag("author:"),
        itag("authors:"),
        itag("autor:"),
        itag("autorin:"),
        itag("auteur:"),
        itag("text:"),
        itag("texte:"),
        itag("von"),
        itag("par"),
        itag("por"),
        itag("di"),
        itag("door"),
        itag("av"),
        itag("af"),
        itag("by"),
    ))
    .parse(i)?;
    let (i, _) = nom::combinator::opt(tag(":")).parse(i)?;
    Ok((i, w))
}

/// Whether what follows a byline's names ends it: nothing, a separator, a date or time,
/// "on"/"at"/"le"/"am"/"el"/"il" and a date, a role after a comma, an agency.
fn byline_rest(rest: &str) -> bool {
    let r = rest.trim_start();
    r.is_empty()
        || r.starts_with([
            ',', '|', '-', '–', '—', '·', '/', '(', '•', '@', ':', ';', '0', '1', '2', '3', '4',
            '5', '6', '7', '8', '9',
        ])
        || [
            "on ", "at ", "le ", "am ", "el ", "il ", "em ", "op ", "for ", "in ",
        ]
        .iter()
        .any(|w| r.len() > w.len() && r.as_bytes()[..w.len()].eq_ignore_ascii_case(w.as_bytes()))
        || month(r).is_ok()
}

/// The authors a byline names, as the page metadata reads a byline element, an author
/// field or a line of the body: `lead? names rest?` where `rest` ends the names
/// ([`byline_rest`]). "By Jane Roe - January 10, 2020", "Posted by Jane Roe at 5:11 AM",
/// "Par Jeanne Roe", "Von Anna Schmidt und Max Muster", "Jane Roe, Staff Writer". With
/// `need_lead`, a line without a lead word gives `None`.
pub(crate) fn byline_names(text: &str, need_lead: bool) -> Option<Vec<String>> {
    let mut text = text.lines().next()?.trim();
    if text.len() > 200 {
        return None;
    }
    // A date (or anything short) before a separator and the lead: "September 10, 2018 |
    // by Catherine".
    if let Some((head, tail)) = text.split_once(" | ") {
        if head.len() < 40 && lead(tail.trim_start()).is_ok() {
            text = tail.trim_start();
        }
    }
    let after_lead = match (lead, sp).parse(text) {
        Ok((rest, _)) => Some(rest),
        Err(_) => None,
    };
    if need_lead && after_lead.is_none() {
        return None;
    }
    let body = after_lead.unwrap_or(text);
    let (rest, found) = persons(body).ok()?;
    // After a lead word, a short tail of any words ("publiziert am 25. September 2018").
    let short_tail = after_lead.is_some() && rest.split_whitespace().count() <= 8;
    if !byline_rest(rest) && !short_tail {
        return None;
    }
    let out: Vec<String> = found
        .into_iter()
        .filter_map(|n| clean_author(n, AuthorSource::Grammar))
        .filter(|n| n.split_whitespace().count() >= 2 || after_lead.is_some())
        .collect();
    (!out.is_empty()).then_some(out)
}

/// Whether the block is an author's biography: "Jane Doe is a staff writer at ...",
/// "Jeff Foust (jeff@example.com) is the editor of ...".
pub(crate) fn author_bio(text: &str) -> bool {
    if text.len() > 700 {
        return false;
    }
    let Ok((rest, _)) = name(text) else {
        return false;
    };
    let rest = rest.trim_start();
    let rest = if rest.starts_with('(') {
        rest.find(')').map_or("", |p| rest[p + 1..].trim_start())
    } else {
        rest
    };
    let is = [
        "is a ",
        "is an ",
        "is the ",
        "is senior ",
        "is our ",
        "covers ",
        "writes about ",
    ]
    .iter()
    .any(|p| rest.starts_with(p));
    if !is {
        return false;
    }
    let head: String = rest.chars().take(120).collect::<String>().to_lowercase();
    const ROLES: &[&str] = &[
        "writer",
        "reporter",
        "editor",
        "correspondent",
        "journalist",
        "author",
        "columnist",
        "contributor",
        "producer",
        "covers",
        "writes",
        "freelance",
        "publisher",
    ];
    ROLES.iter().any(|r| head.contains(r))
}

/// Whether the block is just a person's name ("Jonas Lindqvist"): two to four
/// capitalised words, as the byline of some pages is written.
pub(crate) fn is_name_line(text: &str) -> bool {
    if text.len() > 48 {
        return false;
    }
    match name(text) {
        Ok((rest, n)) => rest.is_empty() && n.split_whitespace().count() >= 2,
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byline_table() {
        let cases: &[(&str, Option<&[&str]>)] = &[
            ("By Jane Doe", Some(&["Jane Doe"])),
            (
                "By Joseph Tsidulko November 14, 2019",
                Some(&["Joseph Tsidulko"]),
            ),
            ("By Jane Doe and John Roe", Some(&["Jane Doe", "John Roe"])),
            (
                "By Priya Raman and Owen Hartley | Northern Wire",
                Some(&["Priya Raman", "Owen Hartley"]),
            ),
            ("By Marta Keane, Business Reporter", Some(&["Marta Keane"])),
            ("BY MARY J. BLIGE", Some(&["MARY J. BLIGE"])),
            ("By Mary J. Blige", Some(&["Mary J. Blige"])),
            ("Jane Doe | Reuters", Some(&["Jane Doe"])),
            ("Staff Reporter", Some(&[])),
            ("Podcast - Loucos", None),
            ("Opinion Columnist", Some(&[])),
            (
                "By A, B and C",
                None, // single letters are no names
            ),
            ("By the way, this is a sentence about things.", None),
            ("Jane Doe said on Monday that the plan would fail.", None),
            ("", None),
        ];
        for (input, want) in cases {
            let got = byline(input);
            let want = want.map(|w| w.iter().map(|s| s.to_string()).collect::<Vec<_>>());
            assert_eq!(got, want, "{input:?}");
        }
    }

    #[test]
    fn byline_names_table() {
        let cases: &[(&str, bool, Option<&[&str]>)] = &[
            ("By Jane Roe - January 10, 2020", true, Some(&["Jane Roe"])),
            ("by Jane Roe on January 20, 2020", true, Some(&["Jane Roe"])),
            ("Posted by Jane Roe at 5:11 AM", true, Some(&["Jane Roe"])),
            ("Par Jeanne Roe", true, Some(&["Jeanne Roe"])),
            ("Von Anna Schmidt", true, Some(&["Anna Schmidt"])),
            (
                "Von Anna Schmidt und Max Muster",
                true,
                Some(&["Anna Schmidt", "Max Muster"]),
            ),
            ("Por María López", true, Some(&["María López"])),
            ("Di Marco Rossi", true, Some(&["Marco Rossi"])),
            ("Door Jan de Vries", true, Some(&["Jan de Vries"])),
            ("Av Kari Nordmann", true, Some(&["Kari Nordmann"])),
            ("BY JANE ROE", true, Some(&["JANE ROE"])),
            (
                "By Jane Roe and John Doe, Reuters",
                true,
                Some(&["Jane Roe", "John Doe"]),
            ),
            (
                "By Jane Roe, John Doe & Ann Lee",
                true,
                Some(&["Jane Roe", "John Doe", "Ann Lee"]),
            ),
            ("Jane Roe", false, Some(&["Jane Roe"])),
            ("Jane Roe", true, None),
            ("Jane Roe, Staff Writer", false, Some(&["Jane Roe"])),
            ("Jane Roe | The Daily", false, Some(&["Jane Roe"])),
            ("Jane Roe says the plan is bad", false, None),
            (
                "Von Moritz Bachmann publiziert am 25. September 2018",
                true,
                Some(&["Moritz Bachmann"]),
            ),
            (
                "September 10, 2018 | by Catherine",
                true,
                Some(&["Catherine"]),
            ),
            (
                "By Jane Roe who went to the market and bought many things there today",
                true,
                None,
            ),
            ("By the way, this is a sentence.", true, None),
            (
                "Analysis by Chris Cillizza - November 18, 2019",
                true,
                Some(&["Chris Cillizza"]),
            ),
            ("Opinion by Jane Roe", true, Some(&["Jane Roe"])),
            ("Review by Jane Roe | The Daily", true, Some(&["Jane Roe"])),
            ("Analysis of the vote by region", true, None),
            ("Jane", false, None),
            ("", false, None),
        ];
        for &(input, need_lead, want) in cases {
            let got = byline_names(input, need_lead);
            let want = want.map(|w| w.iter().map(|s| s.to_string()).collect::<Vec<_>>());
            assert_eq!(got, want, "{input:?}");
        }
    }

    #[test]
    fn author_bio_table() {
        let cases: &[(&str, bool)] = &[
            (
                "Louise Matsakis is a Staff Writer at WIRED covering Amazon.",
                true,
            ),
            (
                "Jeff Foust (jeff@example.com) is the editor and publisher of The Review.",
                true,
            ),
            ("Jane Doe is a nurse who lives in Leeds.", false),
            ("The minister is a writer.", false),
        ];
        for (input, want) in cases {
            assert_eq!(author_bio(input), *want, "{input:?}");
        }
    }

    #[test]
    fn name_line_table() {
        let cases: &[(&str, bool)] = &[
            ("Jonas Lindqvist", true),
            ("Ana María López", true),
            ("Jonas", false),
            ("The Coastal Ledger", false),
            ("Jonas Lindqvist wrote this.", false),
        ];
        for (input, want) in cases {
            assert_eq!(is_name_line(input), *want, "{input:?}");
        }
    }
}

//! Phrase tests on block text: stock lines of page furniture, promotion, bylines and
//! date lines, agency credit lines. The phrase lists live beside the boilerplate rules
//! (`recognize::boilerplate::stock`), the date readers in `recognize::dates`.

use article_model::RemovedKind;

use super::super::builder::HtmlBlock;
use super::fate::{Fate, remove};

/// Short stock lines of page furniture (blocks of at most 80 chars).
pub(super) fn stock_phrase(b: &HtmlBlock) -> Option<Fate> {
    if b.chars > 80 {
        return None;
    }
    crate::recognize::stock_line(&b.text).map(|k| remove(k, "stock phrase"))
}

/// Short blocks of promotion: newsletters, rights notices (blocks of at most 200 chars).
pub(super) fn promo_phrase(b: &HtmlBlock) -> Option<Fate> {
    if b.chars > 200 {
        return None;
    }
    crate::recognize::promotion(&b.text).map(|k| remove(k, "promotion or notice"))
}

/// A byline or date line ("By Jane Doe", "Updated at 1:23 p.m.", "05/10/2018 - ...").
pub(super) fn head_line(text: &str) -> Option<RemovedKind> {
    if let Some(k) = crate::recognize::head_words(text) {
        return Some(k);
    }
    if crate::recognize::visible_date(text).is_some()
        || crate::recognize::has_numeric_date(text)
        || crate::recognize::has_year_and_time(text)
    {
        return Some(RemovedKind::Timestamp);
    }
    None
}

/// Agency credit lines that close a story ("Reporting by ...; Editing by ...").
pub(super) fn credit_line(text: &str) -> bool {
    crate::recognize::credit_line(text)
}

#[cfg(test)]
mod tests {
    use super::super::super::builder::build;
    use super::*;

    fn block(text: &str) -> HtmlBlock {
        let html = format!("<p>{text}</p>");
        let doc = build(&html, 512, 10_000);
        doc.blocks.into_iter().next().unwrap()
    }

    fn kind(v: Option<Fate>) -> Option<RemovedKind> {
        match v {
            Some(Fate::Remove(k, _)) => Some(k),
            _ => None,
        }
    }

    #[test]
    fn stock_phrase_table() {
        use RemovedKind::*;
        let cases: &[(&str, Option<RemovedKind>)] = &[
            ("Advertisement", Some(Advertisement)),
            ("- ADVERTISEMENT -", Some(Advertisement)),
            ("Don’t miss", Some(Related)),
            ("Read more: the council's plan", Some(Related)),
            ("Sign up for our emails", Some(Newsletter)),
            ("© 2024 Daily Wire", Some(Copyright)),
            ("Follow @dailywire", Some(Share)),
            ("Read", None),
            ("The council voted on Tuesday.", None),
            (&*format!("Advertisement {}", "x".repeat(80)), None),
        ];
        for &(text, want) in cases {
            assert_eq!(kind(stock_phrase(&block(text))), want, "{text}");
        }
    }

    #[test]
    fn promo_phrase_table() {
        use RemovedKind::*;
        let cases: &[(&str, Option<RemovedKind>)] = &[
            ("Get our Newsletter every morning", Some(Newsletter)),
            (
                "The best stories, delivered to your inbox.",
                Some(Newsletter),
            ),
            (
                "Copyright 2024 The Daily Wire. All rights reserved.",
                Some(Copyright),
            ),
            ("Comments are moderated before they appear.", Some(Comments)),
            ("Leave a reply", Some(CommentForm)),
            ("The council voted on Tuesday.", None),
        ];
        for &(text, want) in cases {
            assert_eq!(kind(promo_phrase(&block(text))), want, "{text}");
        }
    }

    #[test]
    fn head_line_table() {
        use RemovedKind::*;
        let cases: &[(&str, Option<RemovedKind>)] = &[
            ("By Jane Doe", Some(Byline)),
            ("Por María López", Some(Byline)),
            ("Updated at 1:23 p.m.", Some(Timestamp)),
            ("Mis à jour le 3 mars", Some(Timestamp)),
            ("05/10/2018 - Harbour news", Some(Timestamp)),
            ("2018-10-05", Some(Timestamp)),
            ("22 de janeiro de 2018 às 0:13", Some(Timestamp)),
            ("The council voted on Tuesday.", None),
            ("Bypass road closed", None),
        ];
        for &(text, want) in cases {
            assert_eq!(head_line(text), want, "{text}");
        }
    }

    #[test]
    fn credit_line_table() {
        let cases: &[(&str, bool)] = &[
            ("Reporting by Jane Doe; Editing by John Roe", true),
            ("(Additional reporting by Ann Lee)", true),
            ("Follow us on Mastodon", true),
            ("The Associated Press contributed to this report.", true),
            ("The council voted on Tuesday.", false),
        ];
        for &(text, want) in cases {
            assert_eq!(credit_line(text), want, "{text}");
        }
    }
}

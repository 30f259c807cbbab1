//! Boilerplate rules for cookie and consent notices, copyright and trademark lines, footer
//! and legal links, disclaimers. Each group is (kind, mode, header, reason) and its
//! phrases.

use article_model::RemovedKind as K;

use super::rule::Group;
use super::rule::MatchMode::{Anywhere, Label, Whole};

pub(super) const GROUPS: &[Group] = &[
    Group {
        kind: K::CookieNotice,
        mode: Anywhere,
        header: false,
        reason: "cookie notice",
        phrases: &["cookie", "cookies"],
    },
    Group {
        kind: K::CookieNotice,
        mode: Anywhere,
        header: false,
        reason: "consent notice",
        phrases: &["consent", "privacy settings"],
    },
    Group {
        kind: K::CookieNotice,
        mode: Whole,
        header: false,
        reason: "consent button",
        phrases: &[
            "accept all",
            "accept",
            "reject all",
            "i agree",
            "got it",
            "manage preferences",
        ],
    },
    Group {
        kind: K::Copyright,
        mode: Anywhere,
        header: false,
        reason: "copyright line",
        phrases: &["©", "copyright", "all rights reserved"],
    },
    Group {
        kind: K::Footer,
        mode: Anywhere,
        header: false,
        reason: "legal links",
        phrases: &[
            "terms of use",
            "terms of service",
            "terms and conditions",
            "privacy policy",
        ],
    },
    Group {
        kind: K::Footer,
        mode: Label,
        header: false,
        reason: "footer links",
        phrases: &["about us", "contact us"],
    },
    Group {
        kind: K::Footer,
        mode: Whole,
        header: false,
        reason: "footer link",
        phrases: &[
            "contact",
            "privacy",
            "terms",
            "sitemap",
            "site map",
            "careers",
            "advertise",
            "accessibility",
        ],
    },
    Group {
        kind: K::Footer,
        mode: Whole,
        header: true,
        reason: "footer link",
        phrases: &["site index"],
    },
    Group {
        kind: K::Footer,
        mode: Label,
        header: false,
        reason: "footer link",
        phrases: &["advertise with us"],
    },
    Group {
        kind: K::Copyright,
        mode: Anywhere,
        header: false,
        reason: "trademark notice",
        phrases: &["registered trademark", "trademarks of"],
    },
    Group {
        kind: K::CookieNotice,
        mode: Anywhere,
        header: false,
        reason: "data-protection notice",
        phrases: &["personal data"],
    },
    Group {
        kind: K::Footer,
        mode: Label,
        header: false,
        reason: "disclaimer",
        phrases: &["disclaimer"],
    },
    Group {
        kind: K::Footer,
        mode: Anywhere,
        header: false,
        reason: "disclaimer",
        phrases: &[
            "consult your physician",
            "consult your doctor",
            "not been evaluated by the",
            "not intended to diagnose",
            "for informational purposes",
            "information provided on this website",
            "results vary",
        ],
    },
];

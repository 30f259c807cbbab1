//! Boilerplate rules for navigation and skip links, advertisement and sponsor markers, tag
//! and topic lists. Each group is (kind, mode, header, reason) and its phrases.

use article_model::RemovedKind as K;

use super::rule::Group;
use super::rule::MatchMode::{Label, Whole};

pub(super) const GROUPS: &[Group] = &[
    Group {
        kind: K::Navigation,
        mode: Whole,
        header: false,
        reason: "navigation link",
        phrases: &[
            "back to top",
            "home",
            "menu",
            "main menu",
            "search",
            "sections",
            "toggle navigation",
            "close",
            "more",
            "next",
            "previous",
            "today's paper",
        ],
    },
    Group {
        kind: K::Advertisement,
        mode: Label,
        header: true,
        reason: "sponsored-links heading",
        phrases: &["promoted stories", "sponsored stories"],
    },
    Group {
        kind: K::Navigation,
        mode: Label,
        header: false,
        reason: "skip link",
        phrases: &["skip to"],
    },
    Group {
        kind: K::Navigation,
        mode: Label,
        header: false,
        reason: "navigation link",
        phrases: &["go to home page"],
    },
    Group {
        kind: K::Advertisement,
        mode: Label,
        header: false,
        reason: "advertisement marker",
        phrases: &["advertisement", "continue reading below"],
    },
    Group {
        kind: K::Advertisement,
        mode: Whole,
        header: false,
        reason: "advertisement marker",
        phrases: &[
            "advertisements",
            "advertising",
            "ad",
            "ads",
            "continue reading the main story",
            "story continues below advertisement",
            "article continues below advertisement",
            "scroll to continue with content",
            "report this ad",
            "ad feedback",
        ],
    },
    Group {
        kind: K::Advertisement,
        mode: Label,
        header: false,
        reason: "sponsored marker",
        phrases: &[
            "sponsored",
            "sponsored content",
            "paid content",
            "partner content",
        ],
    },
    Group {
        kind: K::Advertisement,
        mode: Whole,
        header: false,
        reason: "sponsor marker",
        phrases: &["supported by"],
    },
    Group {
        kind: K::Tags,
        mode: Label,
        header: false,
        reason: "tag list",
        phrases: &["tags", "tagged"],
    },
    Group {
        kind: K::Tags,
        mode: Label,
        header: false,
        reason: "topic list",
        phrases: &["topics", "filed under"],
    },
    Group {
        kind: K::Tags,
        mode: Label,
        header: false,
        reason: "category list",
        phrases: &["categories", "category"],
    },
];

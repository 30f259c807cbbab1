//! Boilerplate rules for share and follow bars, print buttons. Each group is (kind, mode,
//! header, reason) and its phrases.

use article_model::RemovedKind as K;

use super::rule::Group;
use super::rule::MatchMode::{Anywhere, Label, Whole};

pub(super) const GROUPS: &[Group] = &[
    Group {
        kind: K::Share,
        mode: Whole,
        header: false,
        reason: "share button",
        phrases: &["share", "tweet", "email", "copy link", "e-mail the story"],
    },
    Group {
        kind: K::Share,
        mode: Label,
        header: false,
        reason: "share bar",
        phrases: &[
            "share this",
            "share on",
            "share via",
            "share the story",
            "share this article",
        ],
    },
    Group {
        kind: K::Share,
        mode: Label,
        header: false,
        reason: "follow bar",
        phrases: &["follow us"],
    },
    Group {
        kind: K::Share,
        mode: Whole,
        header: false,
        reason: "follow button",
        phrases: &["follow"],
    },
    Group {
        kind: K::Share,
        mode: Whole,
        header: false,
        reason: "print button",
        phrases: &["print"],
    },
    Group {
        kind: K::Share,
        mode: Anywhere,
        header: false,
        reason: "share button",
        phrases: &["link copied"],
    },
    Group {
        kind: K::Share,
        mode: Anywhere,
        header: false,
        reason: "share bar",
        phrases: &["click to share"],
    },
];

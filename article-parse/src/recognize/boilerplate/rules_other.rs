//! Boilerplate rules for author boxes, reporting credits, markup left in the text, player
//! labels and other page furniture. Each group is (kind, mode, header, reason) and its
//! phrases.

use article_model::RemovedKind as K;

use super::rule::Group;
use super::rule::MatchMode::{Anywhere, Label};

pub(super) const GROUPS: &[Group] = &[
    Group {
        kind: K::AuthorBio,
        mode: Label,
        header: true,
        reason: "author box",
        phrases: &["about the author", "more by this author"],
    },
    Group {
        kind: K::Byline,
        mode: Anywhere,
        header: false,
        reason: "reporting credits",
        phrases: &[
            "contributed to this report",
            "contributed reporting",
            "additional reporting by",
            "editing by",
        ],
    },
    Group {
        kind: K::Hidden,
        mode: Anywhere,
        header: false,
        reason: "markup left in the text",
        phrases: &["&lt;", "&amp;", "data-mce", "style=\""],
    },
    Group {
        kind: K::Header,
        mode: Anywhere,
        header: false,
        reason: "reading-time label",
        phrases: &["min read"],
    },
    Group {
        kind: K::Header,
        mode: Label,
        header: false,
        reason: "audio player label",
        phrases: &["listen to this article"],
    },
    Group {
        kind: K::Other,
        mode: Anywhere,
        header: false,
        reason: "call to action",
        phrases: &["click here"],
    },
    Group {
        kind: K::Other,
        mode: Label,
        header: false,
        reason: "video player label",
        phrases: &["watch video", "play video"],
    },
];

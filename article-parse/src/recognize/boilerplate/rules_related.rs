//! Boilerplate rules for related lists and teasers (read-more links, more-stories and most-
//! popular headings). Each group is (kind, mode, header, reason) and its phrases.

use article_model::RemovedKind as K;

use super::rule::Group;
use super::rule::MatchMode::{Label, Whole};

pub(super) const GROUPS: &[Group] = &[
    Group {
        kind: K::Related,
        mode: Label,
        header: true,
        reason: "read-more link",
        phrases: &["read more", "read also", "also read", "read next"],
    },
    Group {
        kind: K::Related,
        mode: Label,
        header: true,
        reason: "see-also link",
        phrases: &["see also"],
    },
    Group {
        kind: K::Related,
        mode: Label,
        header: true,
        reason: "see-more link",
        phrases: &["see more"],
    },
    Group {
        kind: K::Related,
        mode: Label,
        header: true,
        reason: "related-stories heading",
        phrases: &[
            "related",
            "you may also like",
            "you might also like",
            "you may like",
            "you might like",
            "we recommend",
            "recommended",
        ],
    },
    Group {
        kind: K::Related,
        mode: Label,
        header: true,
        reason: "more-stories heading",
        phrases: &[
            "more from",
            "more stories",
            "more news",
            "more on this",
            "more like this",
        ],
    },
    Group {
        kind: K::Related,
        mode: Label,
        header: true,
        reason: "most-popular heading",
        phrases: &["most popular", "most read", "most viewed", "most shared"],
    },
    Group {
        kind: K::Related,
        mode: Whole,
        header: true,
        reason: "most-popular heading",
        phrases: &["popular", "popular now"],
    },
    Group {
        kind: K::Related,
        mode: Label,
        header: true,
        reason: "trending heading",
        phrases: &["trending"],
    },
    Group {
        kind: K::Related,
        mode: Label,
        header: true,
        reason: "teaser heading",
        phrases: &[
            "don't miss",
            "what to read next",
            "up next",
            "editor's picks",
            "in case you missed it",
        ],
    },
    Group {
        kind: K::Related,
        mode: Label,
        header: false,
        reason: "next-article link",
        phrases: &["next article"],
    },
    Group {
        kind: K::Related,
        mode: Label,
        header: false,
        reason: "previous-article link",
        phrases: &["previous article"],
    },
    Group {
        kind: K::Related,
        mode: Label,
        header: false,
        reason: "next-post link",
        phrases: &["next post"],
    },
    Group {
        kind: K::Related,
        mode: Label,
        header: false,
        reason: "previous-post link",
        phrases: &["previous post"],
    },
    Group {
        kind: K::Related,
        mode: Label,
        header: true,
        reason: "latest-news heading",
        phrases: &["latest news", "latest stories"],
    },
    Group {
        kind: K::Related,
        mode: Label,
        header: true,
        reason: "top-stories heading",
        phrases: &["top stories"],
    },
    Group {
        kind: K::Related,
        mode: Label,
        header: true,
        reason: "further-reading heading",
        phrases: &["further reading"],
    },
    Group {
        kind: K::Related,
        mode: Label,
        header: true,
        reason: "sponsored-links heading",
        phrases: &["around the web", "from the web"],
    },
    Group {
        kind: K::Related,
        mode: Whole,
        header: true,
        reason: "further-reading heading",
        phrases: &["explore further"],
    },
];

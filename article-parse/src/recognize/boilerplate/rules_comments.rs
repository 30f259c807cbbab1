//! Boilerplate rules for comment forms, comment lists and their links. Each group is (kind,
//! mode, header, reason) and its phrases.

use article_model::RemovedKind as K;

use super::rule::Group;
use super::rule::MatchMode::{Anywhere, Label, Whole};

pub(super) const GROUPS: &[Group] = &[
    Group {
        kind: K::CommentForm,
        mode: Label,
        header: true,
        reason: "comment form heading",
        phrases: &[
            "leave a reply",
            "leave a comment",
            "post a comment",
            "add a comment",
        ],
    },
    Group {
        kind: K::CommentForm,
        mode: Whole,
        header: false,
        reason: "comment form button",
        phrases: &["post comment", "submit comment", "cancel reply"],
    },
    Group {
        kind: K::CommentForm,
        mode: Label,
        header: true,
        reason: "comment invitation",
        phrases: &["join the conversation", "join the discussion"],
    },
    Group {
        kind: K::Comments,
        mode: Whole,
        header: true,
        reason: "comments heading",
        phrases: &["comments", "responses", "discussion"],
    },
    Group {
        kind: K::Comments,
        mode: Whole,
        header: false,
        reason: "comment link",
        phrases: &["comment"],
    },
    Group {
        kind: K::Comments,
        mode: Whole,
        header: false,
        reason: "comments link",
        phrases: &["show comments", "view comments", "load comments"],
    },
    Group {
        kind: K::Comments,
        mode: Label,
        header: false,
        reason: "comments count",
        phrases: &["no comments"],
    },
    Group {
        kind: K::Comments,
        mode: Anywhere,
        header: false,
        reason: "comments notice",
        phrases: &["comments are closed"],
    },
    Group {
        kind: K::CommentForm,
        mode: Anywhere,
        header: false,
        reason: "comment form notice",
        phrases: &[
            "your email address will not be published",
            "required fields are marked",
            "you must be logged in to post a comment",
        ],
    },
    Group {
        kind: K::CommentForm,
        mode: Anywhere,
        header: false,
        reason: "comment form checkbox",
        phrases: &["save my name, email"],
    },
    Group {
        kind: K::CommentForm,
        mode: Label,
        header: false,
        reason: "comment form checkbox",
        phrases: &["notify me of"],
    },
    Group {
        kind: K::Comments,
        mode: Anywhere,
        header: false,
        reason: "comment rules",
        phrases: &["community guidelines"],
    },
    Group {
        kind: K::Comments,
        mode: Whole,
        header: false,
        reason: "comment reply button",
        phrases: &["reply"],
    },
    Group {
        kind: K::Comments,
        mode: Label,
        header: false,
        reason: "comments link",
        phrases: &["show all comments", "view all comments"],
    },
];

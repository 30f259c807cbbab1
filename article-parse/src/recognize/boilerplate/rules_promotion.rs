//! Boilerplate rules for newsletter boxes; subscription, membership and donation pitches;
//! account links. Each group is (kind, mode, header, reason) and its phrases.

use article_model::RemovedKind as K;

use super::rule::Group;
use super::rule::MatchMode::{Anywhere, Label, Whole};

pub(super) const GROUPS: &[Group] = &[
    Group {
        kind: K::Newsletter,
        mode: Anywhere,
        header: true,
        reason: "newsletter box",
        phrases: &["newsletter", "newsletters"],
    },
    Group {
        kind: K::Newsletter,
        mode: Label,
        header: true,
        reason: "sign-up box",
        phrases: &["sign up for", "sign up to", "signup for"],
    },
    Group {
        kind: K::Newsletter,
        mode: Anywhere,
        header: false,
        reason: "newsletter pitch",
        phrases: &[
            "in your inbox",
            "to your inbox",
            "get notified",
            "email updates",
            "subscribe to our",
        ],
    },
    Group {
        kind: K::Newsletter,
        mode: Anywhere,
        header: false,
        reason: "newsletter form",
        phrases: &["enter your email"],
    },
    Group {
        kind: K::Newsletter,
        mode: Anywhere,
        header: false,
        reason: "newsletter terms",
        phrases: &["by signing up"],
    },
    Group {
        kind: K::Subscription,
        mode: Whole,
        header: false,
        reason: "subscription button",
        phrases: &["subscribe", "subscribe now"],
    },
    Group {
        kind: K::Subscription,
        mode: Label,
        header: false,
        reason: "subscription pitch",
        phrases: &["subscribe to"],
    },
    Group {
        kind: K::Subscription,
        mode: Anywhere,
        header: false,
        reason: "paywall notice",
        phrases: &["subscribers only", "already a subscriber"],
    },
    Group {
        kind: K::Subscription,
        mode: Anywhere,
        header: false,
        reason: "subscription pitch",
        phrases: &[
            "unlimited access",
            "free trial",
            "cancel anytime",
            "for as little as",
        ],
    },
    Group {
        kind: K::Subscription,
        mode: Anywhere,
        header: false,
        reason: "donation pitch",
        phrases: &[
            "support independent journalism",
            "support our journalism",
            "make a contribution",
        ],
    },
    Group {
        kind: K::Subscription,
        mode: Anywhere,
        header: false,
        reason: "membership pitch",
        phrases: &["become a member", "members get"],
    },
    Group {
        kind: K::Subscription,
        mode: Whole,
        header: false,
        reason: "log-in link",
        phrases: &["log in", "login", "sign in"],
    },
    Group {
        kind: K::Subscription,
        mode: Whole,
        header: false,
        reason: "sign-up link",
        phrases: &["sign up", "register"],
    },
    Group {
        kind: K::Subscription,
        mode: Whole,
        header: false,
        reason: "account link",
        phrases: &["my account"],
    },
    Group {
        kind: K::Subscription,
        mode: Label,
        header: false,
        reason: "account link",
        phrases: &["create an account"],
    },
    Group {
        kind: K::Subscription,
        mode: Whole,
        header: false,
        reason: "donation link",
        phrases: &["donate", "contribute"],
    },
    Group {
        kind: K::Subscription,
        mode: Label,
        header: false,
        reason: "membership pitch",
        phrases: &["if you enjoyed this", "if you like this"],
    },
    Group {
        kind: K::Subscription,
        mode: Label,
        header: false,
        reason: "donation pitch",
        phrases: &["support us"],
    },
];

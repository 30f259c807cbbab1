//! Words that refer to a speaker without naming one: pronouns, determiners, document
//! nouns ("the statement said") and organisation anaphors ("the company said").

use super::set::in_list;

/// Personal pronouns that can be speakers.
pub(crate) fn pronoun(word: &str) -> Option<Pronoun> {
    match word.to_lowercase().as_str() {
        "he" | "she" => Some(Pronoun::Person),
        "they" => Some(Pronoun::Group),
        "it" => Some(Pronoun::Thing),
        "we" | "i" | "you" => Some(Pronoun::Other),
        _ => None,
    }
}

/// What a pronoun can refer to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Pronoun {
    /// He, she.
    Person,
    /// They.
    Group,
    /// It: a statement, an organisation.
    Thing,
    /// I, we, you: not resolvable from the narration.
    Other,
}

/// Determiners that open a noun phrase.
pub(crate) fn is_determiner(word: &str) -> bool {
    const LIST: &[&str] = &[
        "the", "a", "an", "one", "its", "his", "her", "their", "our", "this", "that", "these",
        "those", "another", "each", "two", "three", "several", "some", "many", "both",
    ];
    in_list!(LIST, word)
}

/// Nouns for documents whose author is the speaker ("the statement said").
pub(crate) fn is_document_noun(word: &str) -> bool {
    const LIST: &[&str] = &[
        "statement",
        "statements",
        "release",
        "report",
        "letter",
        "post",
        "tweet",
        "email",
        "e-mail",
        "memo",
        "note",
        "filing",
        "complaint",
        "notice",
        "document",
        "message",
        "announcement",
        "communique",
        "communiqué",
        "study",
        "paper",
        "website",
        "blog",
        "caption",
        "ad",
        "advert",
        "advertisement",
        "transcript",
        "lawsuit",
        "indictment",
        "order",
        "ruling",
        "decision",
        "petition",
        "brief",
        "affidavit",
        "motion",
        "text",
        "reply",
        "response",
        "update",
        "bulletin",
    ];
    in_list!(LIST, word)
}

/// Nouns for groups or organisations used as anaphors ("the company said").
pub(crate) fn is_org_anaphor(word: &str) -> bool {
    const LIST: &[&str] = &[
        "company",
        "firm",
        "ministry",
        "agency",
        "group",
        "organization",
        "organisation",
        "government",
        "department",
        "brokerage",
        "utility",
        "club",
        "team",
        "bank",
        "office",
        "party",
        "band",
        "label",
        "commission",
        "council",
        "committee",
        "court",
        "network",
        "administration",
        "regulator",
        "university",
        "school",
        "hospital",
        "airline",
        "carrier",
        "retailer",
        "startup",
        "giant",
        "publisher",
        "broadcaster",
        "studio",
        "military",
        "campaign",
        "charity",
        "union",
        "board",
    ];
    in_list!(LIST, word)
}

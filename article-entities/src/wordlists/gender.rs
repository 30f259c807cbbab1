//! Grammatical gender of a speaker: of "he"/"she" and of a first name (the census lists of
//! [`super::first_names`]), so a pronoun is not resolved to a person of the other sex.

use super::first_names::{FEMALE, MALE};
use super::set::in_list;

/// The gender a pronoun or a first name marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gender {
    Female,
    Male,
}

/// The gender of a personal pronoun ("he", "she"); `None` for any other word.
pub(crate) fn pronoun_gender(word: &str) -> Option<Gender> {
    match word {
        "he" | "He" | "HE" | "him" | "his" | "His" => Some(Gender::Male),
        "she" | "She" | "SHE" | "her" | "Her" => Some(Gender::Female),
        _ => None,
    }
}

/// The gender of a first name that the census lists give to one sex (95% of bearers).
pub(crate) fn first_name_gender(word: &str) -> Option<Gender> {
    if in_list!(MALE, word) {
        Some(Gender::Male)
    } else if in_list!(FEMALE, word) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// The gender of a person's name by its first word ("Peggy Bailey"), when the name has
/// two words or more and the first is a listed first name.
pub(crate) fn name_gender(name: &str) -> Option<Gender> {
    let mut words = name.split_whitespace();
    let first = words.next()?;
    words.next()?;
    first_name_gender(first.trim_end_matches('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pronouns_and_first_names_have_a_gender() {
        assert_eq!(pronoun_gender("She"), Some(Gender::Female));
        assert_eq!(pronoun_gender("he"), Some(Gender::Male));
        assert_eq!(pronoun_gender("they"), None);
        assert_eq!(name_gender("Stephanie Grisham"), Some(Gender::Female));
        assert_eq!(name_gender("Andreas Baumhof"), Some(Gender::Male));
        assert_eq!(name_gender("Marc Benioff"), Some(Gender::Male));
        // one word, or a first name the lists give to both sexes: unknown
        assert_eq!(name_gender("Stephanie"), None);
        assert_eq!(name_gender("Jordan Smith"), None);
        assert_eq!(name_gender("Cricket Australia"), None);
    }
}

//! Month and weekday names.

/// Month names and abbreviations, with their number.
pub(crate) fn month(word: &str) -> Option<u32> {
    const LIST: &[(&str, u32)] = &[
        ("january", 1),
        ("jan", 1),
        ("jan.", 1),
        ("february", 2),
        ("feb", 2),
        ("feb.", 2),
        ("march", 3),
        ("mar.", 3),
        ("april", 4),
        ("apr", 4),
        ("apr.", 4),
        ("may", 5),
        ("june", 6),
        ("jun", 6),
        ("jun.", 6),
        ("july", 7),
        ("jul", 7),
        ("jul.", 7),
        ("august", 8),
        ("aug", 8),
        ("aug.", 8),
        ("september", 9),
        ("sep", 9),
        ("sep.", 9),
        ("sept", 9),
        ("sept.", 9),
        ("october", 10),
        ("oct", 10),
        ("oct.", 10),
        ("november", 11),
        ("nov", 11),
        ("nov.", 11),
        ("december", 12),
        ("dec", 12),
        ("dec.", 12),
    ];
    // every name is 3 to 9 bytes long: most words are rejected without a scan
    if !(3..=9).contains(&word.len()) {
        return None;
    }
    LIST.iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|&(_, m)| m)
}

/// Weekday names, Monday = 0.
pub(crate) fn weekday(word: &str) -> Option<u32> {
    const LIST: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    if !(6..=9).contains(&word.len()) {
        return None;
    }
    LIST.iter()
        .position(|w| w.eq_ignore_ascii_case(word))
        .and_then(|p| u32::try_from(p).ok())
}

/// Whether a capitalized word is a weekday or month (never part of a person's name).
pub(crate) fn is_calendar_word(word: &str) -> bool {
    weekday(word).is_some() || (month(word).is_some() && !word.eq_ignore_ascii_case("may"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_words() {
        assert_eq!(month("Sept."), Some(9));
        assert_eq!(month("SEPTEMBER"), Some(9));
        assert_eq!(month("May"), Some(5));
        assert_eq!(weekday("Wednesday"), Some(2));
        assert_eq!(weekday("MONDAY"), Some(0));
        assert!(is_calendar_word("Thursday") && !is_calendar_word("May"));
        assert!(!is_calendar_word("Thursdays") && !is_calendar_word("Jo"));
    }
}

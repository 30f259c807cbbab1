//! [`WordSet`]: a word list looked up in constant time, ASCII case aside, and the
//! [`in_list!`] macro that builds one per list on first use.

/// Whether `word` is in `list`, ASCII case aside (a scan: for short lists).
pub(crate) fn contains(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// A word list for lookups ignoring ASCII case, in constant time (the lists are long and
/// asked about for every token).
pub(crate) struct WordSet {
    set: std::collections::HashSet<Box<[u8]>>,
    max: usize,
}

impl WordSet {
    pub(crate) fn new(list: &[&str]) -> WordSet {
        WordSet {
            set: list
                .iter()
                .map(|w| w.as_bytes().to_ascii_lowercase().into_boxed_slice())
                .collect(),
            max: list.iter().map(|w| w.len()).max().unwrap_or(0),
        }
    }

    /// Whether `word` is in the list, ASCII case aside (as [`contains`]).
    pub(crate) fn contains(&self, word: &str) -> bool {
        let mut buf = [0u8; 64];
        let Some(b) = buf.get_mut(..word.len()).filter(|_| word.len() <= self.max) else {
            return false;
        };
        b.copy_from_slice(word.as_bytes());
        b.make_ascii_lowercase();
        self.set.contains(&*b)
    }
}

/// `contains(LIST, word)` through a [`WordSet`] built once.
macro_rules! in_list {
    ($list:expr, $word:expr) => {{
        static SET: std::sync::LazyLock<$crate::wordlists::set::WordSet> =
            std::sync::LazyLock::new(|| $crate::wordlists::set::WordSet::new($list));
        SET.contains($word)
    }};
}
pub(crate) use in_list;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_sets_agree_with_the_list_scan() {
        let list = &["minister", "Gov.", "vice", "señor", "a"];
        let set = WordSet::new(list);
        for w in [
            "minister",
            "MINISTER",
            "Minister",
            "gov.",
            "GOV.",
            "gov",
            "vice",
            "Vice-",
            "señor",
            "SEñOR",
            "SEÑOR",
            "a",
            "A",
            "",
            "ministers",
            "x",
        ] {
            assert_eq!(set.contains(w), contains(list, w), "{w}");
        }
        assert!(!set.contains(&"a".repeat(100)));
    }
}

//! Names in running text: splitting "Turkish Defense Minister Hulusi Akar" into affiliation,
//! role and name, telling people from organisations, and finding the full name of a
//! later short mention ("Akar" -> "Hulusi Akar").

use std::collections::HashMap;

use crate::paragraph_words::{Kind, Tok};
use crate::{wordlists, work_meter};

/// What a name is likely to name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NameKind {
    /// A person: has a role or honorific, or is a known full name.
    Person,
    /// An organisation: ends with an organisation word.
    Org,
    /// Could be either ("Tottenham", "Big Machine").
    Unknown,
}

/// A name split into its parts; byte offsets into the body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Name {
    /// Byte range of the name proper ("Hulusi Akar").
    pub start: usize,
    /// End of the name proper.
    pub end: usize,
    /// The name proper, honorifics dropped.
    pub text: String,
    /// Role words before it ("Defense Minister").
    pub role: Option<String>,
    /// Affiliation before the role ("Turkish", "Turkey’s").
    pub affiliation: Option<String>,
    /// Person, organisation or unknown.
    pub kind: NameKind,
}

/// Whether a word can be part of a proper name run.
pub(crate) fn is_name_word(t: &Tok<'_>) -> bool {
    t.is_capitalized() && !wordlists::is_calendar_word(t.text)
}

/// Name particles that may stand inside a run ("Van Der Beek", "bin Salman", "of State").
fn is_particle(word: &str) -> bool {
    matches!(
        word,
        "van"
            | "der"
            | "den"
            | "de"
            | "da"
            | "del"
            | "della"
            | "di"
            | "du"
            | "von"
            | "bin"
            | "ibn"
            | "al"
            | "el"
            | "la"
            | "le"
            | "y"
            | "of"
            | "for"
            | "and"
            | "&"
    )
}

/// Limit: a run of name words (titles, particles and the name) is at most this many
/// tokens; scans stop there, so a text of nothing but capitalized words costs linear time
/// (a longer run is cut into runs of this length). Real titled names are under 12 tokens
/// ("Former U.S. Deputy Secretary of State John J. Sullivan Jr.").
pub(crate) const MAX_RUN: usize = 24;

/// The maximal run of name words ending at token `last` (inclusive), going back to `lo`
/// and over at most [`MAX_RUN`] tokens. Returns the index of its first token.
pub(crate) fn run_back(toks: &[Tok<'_>], last: usize, lo: usize) -> Option<usize> {
    let t = toks.get(last)?;
    if !is_name_word(t) {
        return None;
    }
    let lo = lo.max((last + 1).saturating_sub(MAX_RUN));
    let mut first = last;
    let mut k = last;
    while k > lo {
        work_meter::step(1);
        let prev = &toks[k - 1];
        if is_name_word(prev) && prev.end + 2 >= toks[k].start {
            k -= 1;
            first = k;
        } else if prev.is_word()
            && is_particle(prev.text)
            && k - 1 > lo
            && is_name_word(&toks[k - 2])
            && !prev.text.eq_ignore_ascii_case("and")
        {
            k -= 2;
            first = k;
        } else {
            break;
        }
    }
    // Drop sentence-initial function words ("But Lopez").
    while first < last && wordlists::is_capitalized_function_word(toks[first].text) {
        first += 1;
    }
    if wordlists::is_capitalized_function_word(toks[first].text) {
        return None;
    }
    Some(first)
}

/// The maximal run of name words starting at `first`, up to `hi` (exclusive) and over at
/// most [`MAX_RUN`] tokens. Returns the index of its last token.
pub(crate) fn run_forward(toks: &[Tok<'_>], first: usize, hi: usize) -> Option<usize> {
    let t = toks.get(first)?;
    if !is_name_word(t) || wordlists::is_capitalized_function_word(t.text) {
        return None;
    }
    let hi = hi.min(first.saturating_add(MAX_RUN));
    let mut last = first;
    let mut k = first + 1;
    while k < hi {
        work_meter::step(1);
        let cur = &toks[k];
        if is_name_word(cur) && toks[k - 1].end + 2 >= cur.start && toks[k - 1].is_word() {
            last = k;
            k += 1;
        } else if cur.is_word()
            && is_particle(cur.text)
            && k + 1 < hi
            && is_name_word(&toks[k + 1])
            && !cur.text.eq_ignore_ascii_case("and")
        {
            last = k + 1;
            k += 2;
        } else {
            break;
        }
        // A possessive ends a run ("Turkey’s National Security Council" stays one run,
        // but "Trump’s" ends "President Trump’s advisers").
        if toks[last].bare() != toks[last].text && !next_is_org_run(toks, last + 1, hi) {
            break;
        }
    }
    Some(last)
}

/// Whether a capitalized run starting at `k` (before `hi`, at most [`MAX_RUN`] tokens)
/// ends with an organisation word.
fn next_is_org_run(toks: &[Tok<'_>], k: usize, hi: usize) -> bool {
    let hi = hi.min(k.saturating_add(MAX_RUN));
    let mut j = k;
    while j < hi && is_name_word(&toks[j]) {
        work_meter::step(1);
        j += 1;
    }
    j > k && wordlists::is_org_head(toks[j - 1].bare())
}

/// Splits the run `toks[first..=last]` into affiliation, role and name.
pub(crate) fn split_run(body: &str, toks: &[Tok<'_>], first: usize, last: usize) -> Option<Name> {
    if first > last || last >= toks.len() {
        return None;
    }
    let run = &toks[first..=last];
    work_meter::step(run.len());
    let org = wordlists::is_org_head(run[run.len() - 1].bare());
    // The last role word; the name follows it ("Secretary of State Mike Pompeo": skip
    // "of State" too).
    let mut name_from = 0;
    let mut role_at: Option<usize> = None;
    if !org {
        for (i, t) in run.iter().enumerate() {
            if i + 1 < run.len()
                && (wordlists::is_role_word(t.text) || wordlists::is_honorific(t.text))
            {
                role_at = Some(i);
                name_from = i + 1;
                if run.get(i + 1).is_some_and(|n| n.text == "of") && i + 3 < run.len() {
                    name_from = i + 3;
                }
            }
        }
    }
    let name_toks = &run[name_from..];
    let name_first = name_toks.first()?;
    let name_last = name_toks.last()?;
    let raw = body.get(name_first.start..name_last.end)?;
    let text = crate::paragraph_words::strip_possessive(raw).to_owned();
    let (role, affiliation) = match role_at {
        Some(r) => {
            // Role words: the longest tail of run[..=r] made of role words and capitalized
            // modifiers after the affiliation ("Turkish" / "Turkey’s" / an org run).
            let mut role_first = r;
            while role_first > 0 {
                let t = &run[role_first - 1];
                if is_affiliation_word(t) || wordlists::is_org_head(t.bare()) {
                    break;
                }
                role_first -= 1;
            }
            let role_text = body
                .get(run[role_first].start..run[r].end)
                .map(str::to_owned)
                .filter(|s| !is_only_honorific(s));
            let aff = (role_first > 0)
                .then(|| body.get(run[0].start..run[role_first - 1].end))
                .flatten()
                .map(str::to_owned);
            (role_text, aff)
        }
        None => (None, None),
    };
    let kind = if org {
        NameKind::Org
    } else if role_at.is_some() {
        NameKind::Person
    } else {
        NameKind::Unknown
    };
    Some(Name {
        start: name_first.start,
        end: name_first.start + text.len(),
        text,
        role,
        affiliation,
        kind,
    })
}

fn is_only_honorific(s: &str) -> bool {
    wordlists::is_honorific(s)
}

/// A nationality or possessive place ("Turkish", "Russian", "Turkey’s", "U.S.").
fn is_affiliation_word(t: &Tok<'_>) -> bool {
    if t.kind != Kind::Word {
        return false;
    }
    let w = t.text;
    if t.bare() != w {
        return true;
    }
    let lower = w.to_lowercase();
    let adjectival = ["ish", "ian", "ese", "ean", "an", "ic", "i", "ch"]
        .iter()
        .any(|s| lower.ends_with(s));
    (adjectival && !wordlists::is_role_word(w)) || w.chars().all(|c| c.is_uppercase() || c == '.')
}

/// Full names seen in a text, for canonicalising short mentions.
#[derive(Debug, Default)]
pub(crate) struct NameIndex {
    /// (words lower-cased without suffixes, full name, position) in text order.
    full: Vec<(Vec<String>, String, usize)>,
    /// Indices into `full` by last word and by first word.
    by_last: HashMap<String, Vec<usize>>,
    by_first: HashMap<String, Vec<usize>>,
}

/// At most this many full names are compared with one short name.
const MAX_SAME_WORD: usize = 64;

/// Limit: the tails of a name kept as names of their own have at most this many words (a
/// name of `n` words costs `O(n)`, not `O(n²)`).
const MAX_TAIL_WORDS: usize = 8;

impl NameIndex {
    /// Adds a name of two words or more seen at `pos` (bytes), and its tails of two to
    /// [`MAX_TAIL_WORDS`] words ("Britain Liu Xiaming" may be a place and a name).
    pub fn add(&mut self, name: &str, pos: usize) {
        let all = name_words(name);
        let n = all.len();
        let tails = (n.saturating_sub(MAX_TAIL_WORDS).max(1))..n.saturating_sub(1);
        for skip in std::iter::once(0).chain(tails).filter(|&s| s + 1 < n) {
            work_meter::step(n - skip);
            let words: Vec<String> = all[skip..].iter().map(|w| w.to_lowercase()).collect();
            let text = if skip == 0 {
                name.to_owned()
            } else {
                all[skip..].join(" ")
            };
            let id = self.full.len();
            if let (Some(first), Some(last)) = (words.first(), words.last()) {
                self.by_last.entry(last.clone()).or_default().push(id);
                self.by_first.entry(first.clone()).or_default().push(id);
            }
            self.full.push((words, text, pos));
        }
    }

    /// The full name for a shorter `name` used at `pos`: a longer name that ends with its
    /// words ("Akar", "Van Der Beek"), else one that starts with its one word ("Liu" for
    /// "Liu Xiaming"). Among several, the most recent before `pos`, else the first after.
    pub fn full_name(&self, name: &str, pos: usize) -> Option<&str> {
        let words: Vec<String> = name_words(name).iter().map(|w| w.to_lowercase()).collect();
        let (first, last) = (words.first()?, words.last()?);
        let pick = |ids: Option<&Vec<usize>>, pred: &dyn Fn(&[String]) -> bool| -> Option<&str> {
            let ids = ids?;
            let matching = ids
                .iter()
                .rev()
                .take(MAX_SAME_WORD)
                .inspect(|_| work_meter::step(words.len()))
                .filter_map(|&i| self.full.get(i))
                .filter(|(w, _, _)| w.len() > words.len() && pred(w));
            // The latest position before `pos` (else the first after), the longest name there.
            let before = matching
                .clone()
                .filter(|(_, _, p)| *p <= pos)
                .max_by_key(|(w, _, p)| (*p, w.len()));
            let after = || {
                matching
                    .clone()
                    .min_by_key(|(w, _, p)| (*p, usize::MAX - w.len()))
            };
            before.or_else(after).map(|(_, full, _)| full.as_str())
        };
        pick(self.by_last.get(last), &|w| w.ends_with(&words)).or_else(|| {
            if words.len() == 1 {
                pick(self.by_first.get(first), &|w| w.starts_with(&words))
            } else {
                None
            }
        })
    }
}

/// The words of a name, without generational suffixes ("Jr.").
fn name_words(name: &str) -> Vec<&str> {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    while words.len() > 1
        && words
            .last()
            .is_some_and(|w| matches!(*w, "Jr." | "Jr" | "Sr." | "Sr" | "II" | "III" | "IV"))
    {
        words.pop();
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::paragraph_words::tokens;

    fn split(text: &str) -> Name {
        let toks = tokens(text, 0);
        let last = toks.len() - 1;
        let first = run_back(&toks, last, 0).unwrap();
        split_run(text, &toks, first, last).unwrap()
    }

    #[test]
    fn roles_and_affiliations() {
        let cases = [
            (
                "Turkish Defense Minister Hulusi Akar",
                "Hulusi Akar",
                Some("Defense Minister"),
                Some("Turkish"),
            ),
            (
                "President Recep Tayyip Erdogan",
                "Recep Tayyip Erdogan",
                Some("President"),
                None,
            ),
            (
                "White House Press Secretary Stephanie Grisham",
                "Stephanie Grisham",
                Some("Press Secretary"),
                Some("White House"),
            ),
            (
                "Secretary of State Mike Pompeo",
                "Mike Pompeo",
                Some("Secretary"),
                None,
            ),
            ("Mr. Trump", "Trump", None, None),
            (
                "Russian Foreign Minister Sergei Lavrov",
                "Sergei Lavrov",
                Some("Foreign Minister"),
                Some("Russian"),
            ),
        ];
        for (text, name, role, aff) in cases {
            let n = split(text);
            assert_eq!(n.text, name, "{text}");
            assert_eq!(n.role.as_deref(), role, "{text}");
            assert_eq!(n.affiliation.as_deref(), aff, "{text}");
            assert_eq!(n.kind, NameKind::Person, "{text}");
        }
        let n = split("Turkey’s National Security Council");
        assert_eq!(
            (n.text.as_str(), n.kind),
            ("Turkey’s National Security Council", NameKind::Org)
        );
    }

    /// Limit: name runs are cut at `MAX_RUN` tokens (tested at the limit and one over).
    #[test]
    fn runs_stop_at_the_limit() {
        for n in [MAX_RUN, MAX_RUN + 1] {
            let text = vec!["Word"; n].join(" ");
            let toks = tokens(&text, 0);
            let last = toks.len() - 1;
            let first = run_back(&toks, last, 0).unwrap();
            assert_eq!(last - first + 1, MAX_RUN, "back, {n} words");
            let end = run_forward(&toks, 0, toks.len()).unwrap();
            assert_eq!(end + 1, MAX_RUN, "forward, {n} words");
        }
        // "Turkey’s Turkey’s …": the look-ahead for an organisation run is bounded too.
        let text = vec!["Turkey’s"; 3 * MAX_RUN].join(" ");
        let toks = tokens(&text, 0);
        assert!(run_forward(&toks, 0, toks.len()).unwrap() < MAX_RUN);
    }

    /// Limit: tails of a name are kept as names up to `MAX_TAIL_WORDS` words.
    #[test]
    fn name_tails_stop_at_the_limit() {
        let words: Vec<String> = (0..MAX_TAIL_WORDS + 2)
            .map(|i| format!("N{}x", char::from(b'a' + u8::try_from(i).unwrap())))
            .collect();
        let mut index = NameIndex::default();
        index.add(&words.join(" "), 0);
        // the tail starting at word 2 has MAX_TAIL_WORDS words: kept
        let tail = words[2..].join(" ");
        assert_eq!(index.full_name(&words[2], 9), Some(tail.as_str()));
        // the tail starting at word 1 has one word more: not kept
        assert_eq!(index.full_name(&words[1], 9), None);
        // the whole name always is
        let all = words.join(" ");
        assert_eq!(index.full_name(&words[0], 9), Some(all.as_str()));
    }

    #[test]
    fn full_names() {
        let mut index = NameIndex::default();
        index.add("Hulusi Akar", 0);
        index.add("Patrick W. Carlineo Jr.", 5);
        index.add("John Williams", 9);
        index.add("Jennifer Williams", 20);
        index.add("James Van Der Beek", 30);
        index.add("Liu Xiaming", 40);
        assert_eq!(index.full_name("Akar", 50), Some("Hulusi Akar"));
        assert_eq!(
            index.full_name("Carlineo", 50),
            Some("Patrick W. Carlineo Jr.")
        );
        assert_eq!(index.full_name("Williams", 15), Some("John Williams"));
        assert_eq!(index.full_name("Williams", 25), Some("Jennifer Williams"));
        assert_eq!(index.full_name("Williams", 1), Some("John Williams"));
        assert_eq!(
            index.full_name("Van Der Beek", 50),
            Some("James Van Der Beek")
        );
        assert_eq!(index.full_name("Liu", 50), Some("Liu Xiaming"));
        assert_eq!(index.full_name("Nobody", 50), None);
    }
}

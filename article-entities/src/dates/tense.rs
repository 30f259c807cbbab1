//! The tense of the verb that governs a date expression, as a direction from the anchor.
//!
//! No part-of-speech tagger: verb groups are read from word lists and endings. The
//! governing verb group is the nearest one before the expression in its clause (a clause
//! ends at `;`, `:`, a complementizer or a subordinating conjunction), else the first one
//! after it in the same clause. A group's tense is its first auxiliary's ("will be
//! held": future; "has been closed": past; "is meeting": future) or its verb's ending
//! ("vowed": past). Words right before the expression ("next", "last", "since") decide
//! before any verb.

use crate::paragraph_words::Tok;

/// Which side of the anchor an expression without its own year or week lies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Direction {
    /// On or before the anchor.
    Past,
    /// On or after the anchor.
    Future,
    /// After a moment of the past ("would", "was expected to"): a weekday on or after the
    /// anchor, a month-day or month nearest to it.
    FutureInPast,
    /// Not told by the sentence.
    Unknown,
}

/// At most this many tokens before and after the expression are read for its verb.
const WINDOW: usize = 16;

/// The direction for the expression `toks[first..=last]`, from its sentence (sentence
/// starts in `sentences`, body offsets).
pub(crate) fn direction(
    toks: &[Tok<'_>],
    sentences: &[usize],
    first: usize,
    last: usize,
) -> Direction {
    let Some(at) = toks.get(first) else {
        return Direction::Unknown;
    };
    let k = sentences.partition_point(|&s| s <= at.start);
    let start = if k == 0 { 0 } else { sentences[k - 1] };
    let end = sentences.get(k).copied().unwrap_or(usize::MAX);
    let lo = toks.partition_point(|t| t.start < start);
    let hi = toks.partition_point(|t| t.start < end).max(last + 1);
    let lower = |i: usize| {
        toks.get(i)
            .map(|t| t.text.to_lowercase())
            .unwrap_or_default()
    };

    // Words right before the expression: "next Friday's vote", "since Monday".
    for i in (lo.max(first.saturating_sub(3))..first).rev() {
        match lower(i).as_str() {
            "since" if i + 1 == first => return Direction::Past,
            "come" if i + 1 == first => return Direction::Future,
            "next" | "upcoming" | "coming" | "following" => return Direction::Future,
            "last" | "past" | "previous" => return Direction::Past,
            _ => {}
        }
        if is_boundary(&toks[i]) {
            break;
        }
    }
    let found = group_left_of(toks, lo, first, WINDOW).or_else(|| {
        // Else the first one after it ("On Friday, the ministry will announce ..."), past
        // a relative clause ("those who signed up will ...").
        let ceiling = hi.min(last + 1 + WINDOW);
        let mut relative = false;
        for i in last + 1..ceiling {
            let t = &toks[i];
            if is_boundary(t) {
                break;
            }
            if matches!(lower(i).as_str(), "who" | "which") {
                relative = true;
                continue;
            }
            if let Some(dir) = group_after(toks, i, ceiling) {
                if relative {
                    relative = false;
                    continue;
                }
                return Some(dir);
            }
        }
        None
    });
    match found {
        Some(Direction::Unknown) | None => {
            // No verb group nearby tells: the sentence's own future words, if any.
            if sentence_speaks_of_future(toks, lo, hi, first) {
                Direction::Future
            } else {
                Direction::Unknown
            }
        }
        Some(d) => d,
    }
}

/// The tense of the nearest verb group ending before `toks[from]`, in its clause, over
/// at most `window` tokens (not before `lo`).
fn group_left_of(toks: &[Tok<'_>], lo: usize, from: usize, window: usize) -> Option<Direction> {
    let mut i = from;
    let floor = lo.max(from.saturating_sub(window));
    while i > floor {
        i -= 1;
        if is_boundary(&toks[i]) {
            return None;
        }
        if let Some(dir) = group_before(toks, lo, i) {
            return Some(dir);
        }
    }
    None
}

/// Whether the sentence `toks[lo..hi]` has a word of the future within 40 tokens of
/// `at` ("will", "is scheduled", "plans to").
fn sentence_speaks_of_future(toks: &[Tok<'_>], lo: usize, hi: usize, at: usize) -> bool {
    let lo = lo.max(at.saturating_sub(40));
    let hi = hi.min(at + 40);
    let mut prev = String::new();
    for t in toks.get(lo..hi).unwrap_or(&[]) {
        let w = t.text.to_lowercase();
        let future = matches!(
            w.as_str(),
            "will" | "’ll" | "'ll" | "shall" | "upcoming" | "scheduled" | "slated"
        ) || (w == "to"
            && matches!(
                prev.as_str(),
                "set" | "going" | "expected" | "due" | "plans" | "plan"
            ));
        if future {
            return true;
        }
        prev = w;
    }
    false
}

/// Tokens that end a clause for this purpose.
fn is_boundary(t: &Tok<'_>) -> bool {
    if !t.is_word() {
        return t.is_punct(';') || t.is_punct(':') || t.is_punct('(') || t.is_punct(')');
    }
    matches!(
        t.text.to_lowercase().as_str(),
        "that"
            | "because"
            | "if"
            | "when"
            | "whether"
            | "while"
            | "although"
            | "though"
            | "unless"
            | "but"
            | "and"
            | "so"
            | "whereas"
    )
}

fn lower_at(toks: &[Tok<'_>], i: usize) -> String {
    toks.get(i)
        .map(|t| t.text.to_lowercase())
        .unwrap_or_default()
}

/// The direction a modal gives its verb group: "will", "’ll", "shall", "won’t": the
/// future; "would": the future of a past moment; any modal before "have" ("would have
/// said"): the past.
fn modal(toks: &[Tok<'_>], i: usize) -> Option<Direction> {
    let w = lower_at(toks, i).replace('’', "'");
    let dir = match w.as_str() {
        "will" | "shall" | "won't" | "shan't" | "wo" => Direction::Future,
        "would" | "wouldn't" => Direction::FutureInPast,
        "could" | "should" | "might" | "must" | "may" | "can" | "cannot" | "can't" | "couldn't"
        | "shouldn't" => Direction::Unknown,
        _ if w.ends_with("'ll") && w.len() > 3 => Direction::Future,
        _ => return None,
    };
    let mut j = i + 1;
    while lower_at(toks, j) == "not" || lower_at(toks, j) == "n't" {
        j += 1;
    }
    if lower_at(toks, j) == "have" {
        return Some(Direction::Past);
    }
    // "can continue from September": no tense of its own (the sentence may tell).
    Some(dir)
}

/// Words before "for" that make it point to the future ("set for", "scheduled for").
fn is_for_lead(w: &str) -> bool {
    matches!(
        w,
        "set" | "due" | "scheduled" | "slated" | "planned" | "penciled" | "pencilled" | "booked"
    )
}

/// Words that make a following "to"/"for" point to the future ("plans to", "set for").
fn is_future_lead(w: &str) -> bool {
    matches!(
        w,
        "going"
            | "set"
            | "due"
            | "expected"
            | "scheduled"
            | "slated"
            | "planned"
            | "plans"
            | "plan"
            | "planning"
            | "intends"
            | "intend"
            | "intended"
            | "aims"
            | "aim"
            | "poised"
            | "hopes"
            | "hope"
            | "seeks"
            | "wants"
            | "prepares"
            | "preparing"
            | "vows"
            | "promises"
            | "threatens"
    )
}

/// Forms of "be" in the present.
fn is_present_be(w: &str) -> bool {
    matches!(
        w.replace('’', "'").as_str(),
        "is" | "are" | "am" | "'s" | "'re" | "isn't" | "aren't"
    )
}

/// Words that are past tense (or past participles) for sure: irregular forms and the
/// auxiliaries of the past.
fn is_irregular_past(w: &str) -> bool {
    matches!(
        w,
        "was"
            | "were"
            | "wasn't"
            | "weren't"
            | "wasn’t"
            | "weren’t"
            | "did"
            | "didn't"
            | "didn’t"
            | "had"
            | "hadn't"
            | "hadn’t"
            | "said"
            | "told"
            | "made"
            | "took"
            | "came"
            | "went"
            | "gave"
            | "met"
            | "held"
            | "saw"
            | "found"
            | "began"
            | "won"
            | "lost"
            | "left"
            | "sent"
            | "spent"
            | "rose"
            | "fell"
            | "struck"
            | "wrote"
            | "spoke"
            | "broke"
            | "became"
            | "brought"
            | "bought"
            | "thought"
            | "kept"
            | "led"
            | "paid"
            | "ran"
            | "sat"
            | "stood"
            | "felt"
            | "fled"
            | "got"
            | "knew"
            | "grew"
            | "drew"
            | "threw"
            | "chose"
            | "flew"
            | "sold"
            | "shot"
            | "stole"
            | "swore"
            | "woke"
            | "froze"
            | "forgot"
            | "hung"
            | "sang"
            | "sank"
            | "caught"
            | "taught"
            | "fought"
            | "sought"
            | "meant"
            | "built"
            | "dealt"
            | "withdrew"
            | "arose"
            | "overtook"
            | "undertook"
            | "heard"
            | "understood"
            | "slid"
            | "shook"
            | "forbade"
            | "bore"
            | "tore"
            | "drove"
            | "rode"
            | "wore"
            | "sprang"
            | "swam"
            | "lent"
            | "bent"
            | "stuck"
            | "oversaw"
            | "foresaw"
            | "upheld"
            | "withheld"
            | "been"
            | "gone"
            | "done"
            | "taken"
            | "given"
            | "seen"
            | "written"
            | "spoken"
            | "broken"
            | "chosen"
            | "risen"
            | "fallen"
            | "driven"
            | "shown"
            | "known"
            | "grown"
            | "thrown"
            | "drawn"
            | "begun"
    )
}

/// A regular past form ("vowed", "announced"), not a word that only ends in "-ed"
/// ("need", "speed", "red", "hundred").
fn is_regular_past(w: &str) -> bool {
    w.len() >= 5
        && w.ends_with("ed")
        && !w.ends_with("eed")
        && !matches!(
            w,
            "hundred" | "sacred" | "naked" | "wicked" | "kindred" | "shred" | "bred" | "infrared"
        )
        && w.chars().all(|c| c.is_alphabetic() || c == '-')
}

fn is_past_form(w: &str) -> bool {
    is_irregular_past(w) || is_regular_past(w)
}

/// Adverbs and negation that may stand inside a verb group ("will not", "has also been").
fn is_group_filler(w: &str) -> bool {
    matches!(
        w,
        "not"
            | "n't"
            | "also"
            | "now"
            | "still"
            | "already"
            | "never"
            | "just"
            | "then"
            | "probably"
            | "likely"
            | "soon"
            | "finally"
            | "again"
            | "be"
            | "been"
            | "being"
            | "have"
    )
}

/// The direction of the auxiliary heading the verb group that ends at `toks[i]`, read
/// backwards over fillers ("will not be", "has also been"); `None` when there is none.
/// `ing` tells whether the group's verb is an "-ing" form ("is meeting": future).
fn auxiliary(toks: &[Tok<'_>], lo: usize, i: usize, ing: bool) -> Option<Direction> {
    let mut j = i;
    let mut steps = 0;
    while j > lo && steps < 4 {
        j -= 1;
        steps += 1;
        if let Some(d) = modal(toks, j) {
            return Some(d);
        }
        let a = lower_at(toks, j);
        if a == "to" {
            // "is to be announced", "expected to be held": the lead decides; another
            // infinitive tells nothing.
            let before = if j > lo {
                lower_at(toks, j - 1)
            } else {
                String::new()
            };
            if is_present_be(&before) {
                return Some(Direction::Future);
            }
            if is_future_lead(&before) {
                return Some(lead_tense(toks, lo, j - 1));
            }
            return Some(Direction::Unknown);
        }
        if matches!(a.as_str(), "has" | "have" | "had" | "was" | "were") {
            return Some(Direction::Past);
        }
        if is_present_be(&a) {
            // "is meeting on Friday": an arrangement; "is closed": no tense.
            return Some(if ing {
                Direction::Future
            } else {
                Direction::Unknown
            });
        }
        if !is_group_filler(&a) {
            break;
        }
    }
    None
}

/// The direction of a lead word `toks[j]` before "to" or "for" ("plans to", "is set
/// for"): the future, unless the plan itself is past ("had planned to", "was scheduled
/// for", "tariffs planned for"): then the future of a past moment.
fn lead_tense(toks: &[Tok<'_>], lo: usize, j: usize) -> Direction {
    match auxiliary(toks, lo, j, false) {
        Some(Direction::Past | Direction::FutureInPast) => Direction::FutureInPast,
        // "will be scheduled", "is scheduled".
        Some(Direction::Future | Direction::Unknown) => Direction::Future,
        None if lower_at(toks, j).ends_with("ed") => Direction::FutureInPast,
        None => Direction::Future,
    }
}

/// The tense of the verb group whose last word is `toks[i]`, read backwards (for a
/// group before the expression); `None` when `toks[i]` ends no verb group.
fn group_before(toks: &[Tok<'_>], lo: usize, i: usize) -> Option<Direction> {
    let t = toks.get(i)?;
    if !t.is_word() {
        return None;
    }
    if let Some(d) = modal(toks, i) {
        return Some(d);
    }
    let w = lower_at(toks, i);
    if matches!(w.as_str(), "upcoming") {
        return Some(Direction::Future);
    }
    // "plans to", "set for", "is to": the word before "to"/"for".
    if matches!(w.as_str(), "to" | "for") && i > lo {
        let prev = lower_at(toks, i - 1);
        if w == "to" && is_present_be(&prev) {
            return Some(Direction::Future);
        }
        let lead = if w == "to" {
            is_future_lead(&prev)
        } else {
            is_for_lead(&prev)
        };
        return lead.then(|| lead_tense(toks, lo, i - 1));
    }
    if w.ends_with("ing") && w.len() > 4 {
        // A participle or a noun: only an auxiliary tells.
        return match auxiliary(toks, lo, i, true) {
            Some(Direction::Unknown) | None => None,
            d => d,
        };
    }
    if matches!(w.as_str(), "scheduled" | "slated") {
        return Some(lead_tense(toks, lo, i));
    }
    if is_past_form(&w) && !t.is_capitalized() {
        return Some(auxiliary(toks, lo, i, false).unwrap_or(Direction::Past));
    }
    if matches!(w.as_str(), "has" | "have") {
        return Some(Direction::Past);
    }
    None
}

/// The tense of a verb group starting at `toks[i]` (for a group after the expression).
fn group_after(toks: &[Tok<'_>], i: usize, hi: usize) -> Option<Direction> {
    let t = toks.get(i)?;
    if !t.is_word() {
        return None;
    }
    if let Some(d) = modal(toks, i) {
        return Some(d);
    }
    let w = lower_at(toks, i);
    if matches!(w.as_str(), "scheduled" | "slated") {
        return Some(Direction::Future);
    }
    if is_future_lead(&w) && toks.get(i + 1).is_some_and(|n| n.text == "to") {
        return Some(Direction::Future);
    }
    if is_present_be(&w) {
        let next = lower_at(toks, i + 1);
        if i + 1 < hi
            && (next == "to" || (next.ends_with("ing") && next.len() > 4) || is_future_lead(&next))
        {
            return Some(Direction::Future);
        }
        return Some(Direction::Unknown);
    }
    if matches!(w.as_str(), "has" | "have" | "had") || (is_past_form(&w) && !t.is_capitalized()) {
        return Some(Direction::Past);
    }
    None
}

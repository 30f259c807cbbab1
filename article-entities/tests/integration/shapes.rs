// Pathological text shapes for the scaling checks (HARDENING.md): each unit, repeated (or
// generated, when it holds `{i}`), stresses one scanner. Shared by the timing test
// (`scaling.rs`) and the crate's work-counting unit test (which `include!`s this file).
// `\n\n` in a unit separates paragraphs.

/// The units.
pub const UNITS: &[&str] = &[
    // punctuation and tokenizer shapes
    "\"",             // a run of ASCII quotes
    "(",              // a run of opening parentheses
    "“",              // typographic openers
    "«",              // guillemets
    "‘",              // single openers
    "'",              // apostrophes
    "a,",             // separators inside one long chunk
    "a,b@",           // '@' far away: e-mail checks
    "http://x.y/",    // URLs glued together
    "... ",           // ellipses
    "\u{a0}\u{2009}", // Unicode spaces only
    "x\u{301}",       // combining marks
    "word ",          // one enormous sentence of plain words
    "he ",            // one enormous sentence of pronouns
    // long runs of capitalized words (name runs, roles, clusters)
    "Word ",
    "ANKARA TURKEY ",
    "Mr. A. B. ",
    "A. ",
    "Smith Jones ",
    "Hulusi Akar Mevlut Cavusoglu Sergei Lavrov ",
    "Turkish Defense Minister Hulusi Akar ",
    "Minister of State ",
    "Turkey’s ",
    "NSC ",
    "Akar ",
    // many mentions, clusters and speakers
    "Hulusi Akar said. ",
    "said Akar, ",
    "He said. ",
    "It said. ",
    "the ministry ",
    "John {i}son said. ",
    "Mr. {i} and Mr. {i}son. ",
    "{i} Smith said. ",
    "The {i} Ministry said. ",
    "“Yes,” said {i} Smith. “No,” said Smith. ",
    // quotations
    "He said \"yes\" and ",
    "“We are ready,” ",
    "“Yes,” Akar said. “No,” Jones said. ",
    "He said \" ",
    "the Russian Foreign Ministry said “x” ",
    "According to the ministry, “x”. ",
    "“Yes,\n\n",             // one quotation over every paragraph
    "“Yes, he said.\n\n“No", // paragraphs opening with a mark
    "“Yes,” he said.\n\n",   // many short paragraphs with speakers
    // dates
    "July 16, 2020, Monday ",
    "on Monday ",
    "last week ",
    "07/16/2020 ",
    "three days ago ",
];

/// About `bytes` of text made of `unit`: repeated, or with `{i}` replaced by a different
/// capitalized letter sequence each time ("A", "B", ..., "Ab", ...).
pub fn text_of(unit: &str, bytes: usize) -> String {
    if !unit.contains("{i}") {
        return unit.repeat(bytes / unit.len().max(1) + 1);
    }
    let mut out = String::with_capacity(bytes + 64);
    let mut i = 0usize;
    while out.len() < bytes {
        let mut word = String::new();
        let mut n = i;
        loop {
            let letter = b"abcdefghijklmnopqrstuvwxyz"[n % 26];
            word.push(char::from(if word.is_empty() {
                letter.to_ascii_uppercase()
            } else {
                letter
            }));
            n /= 26;
            if n == 0 {
                break;
            }
        }
        out.push_str(&unit.replace("{i}", &word));
        i += 1;
    }
    out
}

/// The paragraphs of a text made by [`text_of`]: split at `\n\n`, trimmed, none empty.
pub fn paragraphs_of(text: &str) -> Vec<&str> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

//! [`tokenize`]: CoNLL / Penn-Treebank-like tokens with byte offsets into the text.
//!
//! Rules, applied to each run of non-space characters:
//!
//! - URLs (`http://`, `https://`, `www.`) and e-mail addresses stay one token; trailing
//!   sentence punctuation is split off them.
//! - Opening quotes and brackets (`"` `'` `“` `‘` `«` `(` `[` `{`) are split off the front,
//!   closing ones and `, ; : ! ? %` off the back, each as its own token.
//! - A final period is split off unless the word is an abbreviation: a known one (`Mr.`,
//!   `Inc.`, `Jan.`), a single letter (an initial, `J.`), or a word with inner periods
//!   (`U.S.`, `a.m.`). `...` and `…` are one token.
//! - Dashes (`—`, `–` outside a number range, `--`) split words; a hyphen (`-`) does not
//!   (`Armenian-Azerbaijani`, `Urdu-speaking`).
//! - Clitics are split as in the Penn Treebank: `Turkey's` → `Turkey` `'s` (also with `’`),
//!   `don't` → `do` `n't`, `they're` → `they` `'re`.
//! - Numbers keep their inner `.` `,` `:` `/` (`1,000.5`, `10:30`, `1/2`); `$5` → `$` `5`.
//!
//! Separators are Unicode white space plus the zero-width space, word joiner and BOM.

use article_model::Span;

/// One token: a byte range of the text it was cut from.
///
/// Invariant: `span` is non-empty, in bounds of the text and on char boundaries; the tokens
/// of a text are sorted, do not overlap, and together cover every non-separator character.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Token {
    span: Span,
    line_break_before: bool,
}

impl Token {
    /// Byte range of the token in the text given to [`tokenize`].
    #[must_use]
    pub fn span(&self) -> Span {
        self.span
    }

    /// The token's text, cut from `text` (the text given to [`tokenize`]); empty when `text`
    /// is another text that does not have the span.
    #[must_use]
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        self.span.get(text).unwrap_or("")
    }

    /// Whether a line break separates this token from the previous one (or the token opens
    /// a line, for the first token).
    #[must_use]
    pub fn line_break_before(&self) -> bool {
        self.line_break_before
    }
}

/// Whether `c` separates tokens (white space, zero-width space, word joiner, BOM).
#[must_use]
pub fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// Splits `text` into tokens.
///
/// # Examples
/// ```
/// use article_entities::tokenize;
/// let text = "Turkey’s minister said: “No.”";
/// let words: Vec<&str> = tokenize(text).iter().map(|t| t.text(text)).collect();
/// assert_eq!(words, ["Turkey", "’s", "minister", "said", ":", "“", "No", ".", "”"]);
/// ```
#[must_use]
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    tokenize_into(text, &mut out);
    out
}

/// Like [`tokenize`], but appends to `out` (cleared first) so a caller can reuse its buffer.
pub fn tokenize_into(text: &str, out: &mut Vec<Token>) {
    tokenize_range_into(text, 0..text.len(), out);
}

/// The tokens of `text[range]`, spans into `text` (`out` cleared first): the tokens of
/// [`tokenize`]`(text)` that lie in `range`, when `range` starts at 0 or just after a
/// separator and ends at `text.len()` or at a separator (a cut elsewhere splits a run of
/// non-separators). An empty list when `range` is not on char boundaries of `text`.
/// The first token's `line_break_before` looks back over the separators before `range`.
pub(crate) fn tokenize_range_into(text: &str, range: std::ops::Range<usize>, out: &mut Vec<Token>) {
    out.clear();
    let (from, to) = (range.start, range.end);
    let Some(part) = text.get(from..to) else {
        return;
    };
    let mut line_break = true;
    for c in text[..from].chars().rev() {
        if !is_separator(c) {
            line_break = false;
            break;
        }
        if c == '\n' || c == '\r' || c == '\u{2028}' || c == '\u{2029}' {
            break;
        }
    }
    let mut chunk_start: Option<usize> = None;
    for (i, c) in part.char_indices() {
        let i = from + i;
        if is_separator(c) {
            if let Some(s) = chunk_start.take() {
                Chunker::new(text, s, i, line_break, out).run();
                line_break = false;
            }
            if c == '\n' || c == '\r' || c == '\u{2028}' || c == '\u{2029}' {
                line_break = true;
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(i);
        }
    }
    if let Some(s) = chunk_start {
        Chunker::new(text, s, to, line_break, out).run();
    }
}

/// Splits one run of non-separator characters.
struct Chunker<'a, 'o> {
    text: &'a str,
    start: usize,
    end: usize,
    line_break: bool,
    out: &'o mut Vec<Token>,
    /// The last run of openers skipped by [`Chunker::is_protected`]: every position in
    /// `openers.0..=openers.1` skips to `openers.1`, so a long run is scanned once.
    openers: (usize, usize),
}

const OPENERS: &[char] = &[
    '"', '\'', '“', '‘', '„', '‚', '«', '‹', '(', '[', '{', '<', '¿', '¡', '`',
];
const CLOSERS: &[char] = &[
    '"', '\'', '”', '’', '»', '›', ')', ']', '}', '>', ',', ';', ':', '!', '?', '%', '…', '`',
];
const DASHES: &[char] = &['—', '–', '―', '‒', '−'];

/// Known abbreviations that keep their final period (lower case, without the period).
const ABBREVIATIONS: &[&str] = &[
    "adm", "approx", "apr", "assn", "aug", "ave", "bhd", "blvd", "bros", "capt", "cdr", "cmdr",
    "co", "col", "corp", "cpl", "dec", "dept", "dr", "est", "etc", "feb", "fig", "fla", "ft",
    "gen", "gov", "govt", "hon", "inc", "jan", "jr", "jul", "jun", "lt", "ltd", "maj", "mar",
    "messrs", "mr", "mrs", "ms", "mt", "no", "nos", "nov", "oct", "op", "pp", "pres", "prof",
    "pty", "rep", "reps", "rev", "sen", "sens", "sep", "sept", "sgt", "sr", "st", "supt", "vol",
    "vs",
];

/// Whether `word` (without its final period) keeps the period as an abbreviation.
pub(crate) fn is_abbreviation(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if chars.next().is_none() {
        return first.is_alphabetic();
    }
    if word.contains('.') {
        // U.S, a.m, e.g: letters separated by single periods
        return word.split('.').all(|p| {
            !p.is_empty() && p.chars().count() <= 3 && p.chars().all(char::is_alphabetic)
        });
    }
    if word.len() > 7 || !word.is_ascii() {
        return false;
    }
    let mut buf = [0u8; 8];
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    ABBREVIATIONS
        .binary_search_by(|a| a.as_bytes().cmp(lower))
        .is_ok()
}

impl<'a, 'o> Chunker<'a, 'o> {
    fn new(
        text: &'a str,
        start: usize,
        end: usize,
        line_break: bool,
        out: &'o mut Vec<Token>,
    ) -> Self {
        Chunker {
            text,
            start,
            end,
            line_break,
            out,
            openers: (usize::MAX, usize::MAX),
        }
    }

    fn emit(&mut self, s: usize, e: usize) {
        if s < e {
            self.out.push(Token {
                span: Span::new(s, e),
                line_break_before: std::mem::take(&mut self.line_break),
            });
        }
    }

    fn run(mut self) {
        let (s, e) = (self.start, self.end);
        let chunk = &self.text[s..e];
        // Split the chunk at hard inner separators, emitting them as tokens.
        let mut piece = s;
        let mut iter = chunk.char_indices().peekable();
        while let Some((off, c)) = iter.next() {
            let at = s + off;
            let len = c.len_utf8();
            let sep_len = if DASHES.contains(&c) {
                let prev_digit = self.text[..at]
                    .chars()
                    .next_back()
                    .is_some_and(|p| p.is_ascii_digit());
                let next_digit = iter.peek().is_some_and(|&(_, n)| n.is_ascii_digit());
                if c == '–' && prev_digit && next_digit && at > piece {
                    0
                } else {
                    len
                }
            } else if c == '-' && iter.peek().is_some_and(|&(_, n)| n == '-') {
                // "--" (and longer runs) as one dash token
                let mut l = 1;
                while let Some(&(_, '-')) = iter.peek() {
                    iter.next();
                    l += 1;
                }
                l
            } else if matches!(
                c,
                '“' | '”' | '«' | '»' | '„' | '…' | '"' | '(' | ')' | '[' | ']'
            ) {
                len
            } else if matches!(c, ',' | ';') {
                // inner comma of a number stays ("1,000")
                let prev_digit = self.text[..at]
                    .chars()
                    .next_back()
                    .is_some_and(|p| p.is_ascii_digit());
                let next_digit = iter.peek().is_some_and(|&(_, n)| n.is_ascii_digit());
                if c == ',' && prev_digit && next_digit {
                    0
                } else {
                    len
                }
            } else {
                0
            };
            if sep_len > 0 && !self.is_protected(piece, e) {
                self.word(piece, at);
                self.emit(at, at + sep_len);
                piece = at + sep_len;
            }
        }
        self.word(piece, e);
    }

    /// Whether the rest of the chunk from `from` is a URL or e-mail (never split inside).
    ///
    /// Called at every separator of the chunk, so it must not scan the whole rest: the
    /// skipped openers are remembered, and the e-mail test stops at the first char that
    /// cannot be in an address's user part. Linear in the chunk overall.
    fn is_protected(&mut self, from: usize, end: usize) -> bool {
        let (run_start, run_end) = self.openers;
        let p = if run_start <= from && from <= run_end {
            run_end
        } else {
            let rest = &self.text[from..end];
            let p = end - rest.trim_start_matches(OPENERS).len();
            self.openers = (from, p);
            p
        };
        let rest = &self.text[p..end];
        is_url_start(rest) || looks_like_email(rest)
    }

    /// Emits the tokens of one piece: leading openers, the core, trailing closers.
    fn word(&mut self, mut s: usize, mut e: usize) {
        let text = self.text;
        // leading
        while s < e {
            let rest = &text[s..e];
            let Some(c) = rest.chars().next() else { break };
            if rest.starts_with("...") {
                let n = rest.bytes().take_while(|&b| b == b'.').count();
                self.emit(s, s + n);
                s += n;
                continue;
            }
            if OPENERS.contains(&c) {
                // '90s, 'em: an apostrophe that begins a word stays on it
                if (c == '\'' || c == '’' || c == '‘') && starts_elided(&rest[c.len_utf8()..]) {
                    break;
                }
                self.emit(s, s + c.len_utf8());
                s += c.len_utf8();
                continue;
            }
            if matches!(c, '$' | '£' | '€' | '¥' | '#' | '@') && rest.len() > c.len_utf8() {
                let next = rest[c.len_utf8()..].chars().next();
                if matches!(c, '$' | '£' | '€' | '¥') && next.is_some_and(|n| n.is_ascii_digit())
                {
                    self.emit(s, s + c.len_utf8());
                    s += c.len_utf8();
                }
                break;
            }
            if c == '-' && e - s > 1 && !rest[1..].starts_with(|n: char| n.is_ascii_digit()) {
                // a leading hyphen that is not a minus sign
                self.emit(s, s + 1);
                s += 1;
                continue;
            }
            break;
        }
        // trailing, collected right to left
        let mut tail: Vec<(usize, usize)> = Vec::new();
        let protected = {
            let core = &text[s..e];
            is_url_start(core) || looks_like_email(core)
        };
        while s < e {
            let core = &text[s..e];
            let Some(c) = core.chars().next_back() else {
                break;
            };
            let cl = c.len_utf8();
            if core.ends_with("...") {
                let n = core.bytes().rev().take_while(|&b| b == b'.').count();
                if n < core.len() {
                    tail.push((e - n, e));
                    e -= n;
                    continue;
                }
                break;
            }
            if c == '.' {
                if e - s == 1 {
                    break;
                }
                let word = &core[..core.len() - 1];
                if protected {
                    tail.push((e - 1, e));
                    e -= 1;
                    continue;
                }
                if word.eq_ignore_ascii_case("no") {
                    // "No. 1" but "said no."
                    let after = text[self.end..].trim_start_matches(is_separator);
                    if e == self.end && after.starts_with(|c: char| c.is_ascii_digit()) {
                        break;
                    }
                } else if is_abbreviation(word) {
                    break;
                }
                tail.push((e - 1, e));
                e -= 1;
                continue;
            }
            if CLOSERS.contains(&c) && e - s > cl {
                if protected && !matches!(c, ',' | ';' | ':' | '!' | '?' | ')' | '"' | '”' | '’')
                {
                    break;
                }
                // 'n' in rock 'n' roll etc. are rare; a closing apostrophe after a plural
                // ("teachers'") is a possessive, split like PTB
                tail.push((e - cl, e));
                e -= cl;
                continue;
            }
            if c == '-' && e - s > 1 {
                tail.push((e - 1, e));
                e -= 1;
                continue;
            }
            break;
        }
        if s < e {
            if protected {
                self.emit(s, e);
            } else {
                let split = clitic_split(&text[s..e]);
                match split {
                    Some(k) if k > 0 => {
                        self.emit(s, s + k);
                        self.emit(s + k, e);
                    }
                    _ => self.emit(s, e),
                }
            }
        }
        for &(a, b) in tail.iter().rev() {
            self.emit(a, b);
        }
    }
}

/// Whether `rest` (after an apostrophe) is an elided word that keeps it: `'90s`, `'em`.
fn starts_elided(rest: &str) -> bool {
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 2 {
        let after = &rest[2..];
        return after.is_empty()
            || after == "s"
            || !after.starts_with(|c: char| c.is_alphanumeric());
    }
    let lower_word: String = rest
        .chars()
        .take_while(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    matches!(lower_word.as_str(), "em" | "til" | "cause" | "n")
}

fn is_url_start(s: &str) -> bool {
    let b = s.as_bytes();
    let starts = |p: &[u8]| b.len() > p.len() && b[..p.len()].eq_ignore_ascii_case(p);
    starts(b"http://") || starts(b"https://") || starts(b"www.") || starts(b"ftp://")
}

/// Whether `s` is an e-mail address (trailing punctuation allowed). Scans only the user
/// part when `s` is not one: the first char outside it must be the `@`.
fn looks_like_email(s: &str) -> bool {
    let at = s
        .find(|c: char| !(c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '+')))
        .unwrap_or(s.len());
    if at == 0 || !s[at..].starts_with('@') {
        return false;
    }
    let domain = &s[at + 1..];
    // The domain is a run of [alnum . -] followed only by trailing punctuation; stop at
    // the first alphanumeric char after the run instead of scanning the whole rest.
    let run = domain
        .find(|c: char| !(c.is_alphanumeric() || matches!(c, '.' | '-')))
        .unwrap_or(domain.len());
    let (host, tail) = domain.split_at(run);
    host.starts_with(|c: char| c.is_alphanumeric())
        && !tail.contains(char::is_alphanumeric)
        && (host.contains('.') || tail.contains('.'))
}

/// The byte offset at which a clitic starts in `word` (`Turkey's` → 6, `don't` → 2).
fn clitic_split(word: &str) -> Option<usize> {
    let n = word.len();
    let tail = |len: usize| -> Option<&str> { if len < n { word.get(n - len..) } else { None } };
    for apos in ['\'', '’'] {
        let al = apos.len_utf8();
        if let Some(t) = tail(2 + al) {
            let mut cs = t.chars();
            if matches!(cs.next(), Some('n' | 'N'))
                && cs.next() == Some(apos)
                && matches!(cs.next(), Some('t' | 'T'))
            {
                return Some(n - 2 - al);
            }
        }
        for clitic in ["s", "re", "ve", "ll", "d", "m"] {
            let len = al + clitic.len();
            if let Some(t) = tail(len) {
                if t.starts_with(apos) && t[al..].eq_ignore_ascii_case(clitic) {
                    let stem = &word[..n - len];
                    if stem.chars().next_back().is_some_and(char::is_alphanumeric) {
                        return Some(n - len);
                    }
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn abbreviations_are_sorted() {
        let mut sorted = ABBREVIATIONS.to_vec();
        sorted.sort_unstable();
        assert_eq!(sorted, ABBREVIATIONS);
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            ("  \n ", &[]),
            ("Hello world.", &["Hello", "world", "."]),
            ("Turkey's army", &["Turkey", "'s", "army"]),
            ("Turkey’s army", &["Turkey", "’s", "army"]),
            ("don't", &["do", "n't"]),
            ("they’re here", &["they", "’re", "here"]),
            ("the teachers' union", &["the", "teachers", "'", "union"]),
            (
                "“Yes,” she said.",
                &["“", "Yes", ",", "”", "she", "said", "."],
            ),
            ("\"No!\"", &["\"", "No", "!", "\""]),
            ("(Reuters) -", &["(", "Reuters", ")", "-"]),
            ("Mr. Smith", &["Mr.", "Smith"]),
            ("the U.S. economy", &["the", "U.S.", "economy"]),
            ("in the U.S.", &["in", "the", "U.S."]),
            ("John F. Kennedy", &["John", "F.", "Kennedy"]),
            ("Acme Inc. said", &["Acme", "Inc.", "said"]),
            ("at 3 p.m. today", &["at", "3", "p.m.", "today"]),
            (
                "Armenian-Azerbaijani border",
                &["Armenian-Azerbaijani", "border"],
            ),
            ("MOSCOW — Russia", &["MOSCOW", "—", "Russia"]),
            ("Moscow—Ankara", &["Moscow", "—", "Ankara"]),
            ("1996–97 season", &["1996–97", "season"]),
            ("word--word", &["word", "--", "word"]),
            ("$1.5 billion", &["$", "1.5", "billion"]),
            (
                "1,000 people, 10% up",
                &["1,000", "people", ",", "10", "%", "up"],
            ),
            ("at 10:30.", &["at", "10:30", "."]),
            ("Wait...", &["Wait", "..."]),
            ("Wait… what", &["Wait", "…", "what"]),
            (
                "see https://example.com/a?b=1.",
                &["see", "https://example.com/a?b=1", "."],
            ),
            ("(www.example.org)", &["(", "www.example.org", ")"]),
            (
                "mail jane.doe@example.com, now",
                &["mail", "jane.doe@example.com", ",", "now"],
            ),
            ("the '90s", &["the", "'90s"]),
            ("Moscow,Ankara", &["Moscow", ",", "Ankara"]),
            ("-5 degrees", &["-5", "degrees"]),
            ("end.", &["end", "."]),
            ("A.", &["A."]),
            ("No. 1 seed", &["No.", "1", "seed"]),
            ("said no. Then", &["said", "no", ".", "Then"]),
            ("#hashtag @handle", &["#hashtag", "@handle"]),
            ("Yes?!", &["Yes", "?", "!"]),
            ("«Bonjour»", &["«", "Bonjour", "»"]),
        ];
        for (input, want) in cases {
            assert_eq!(words(input), *want, "{input:?}");
        }
    }

    #[test]
    fn email_table() {
        let cases = [
            ("jane.doe@example.com", true),
            ("jane@example.com).", true),
            ("jane@example", false),
            ("@example.com", false),
            ("jane,doe@example.com", false),
            ("jane@example.com,x", false),
            ("jane@-example.com", false),
            ("j@e.c.", true),
        ];
        for (input, want) in cases {
            assert_eq!(looks_like_email(input), want, "{input:?}");
        }
    }

    #[test]
    fn line_breaks_are_marked() {
        let text = "One two\nthree\n\nfour";
        let toks = tokenize(text);
        let flags: Vec<bool> = toks.iter().map(Token::line_break_before).collect();
        assert_eq!(flags, [true, false, true, true]);
    }

    proptest! {
        #[test]
        fn tokens_cover_non_space_text_in_order(text in "\\PC{0,80}|[a-zA-Z .,'’\"“”()\\-—$%0-9\n]{0,80}") {
            let toks = tokenize(&text);
            let mut covered = String::new();
            let mut last = 0;
            for t in &toks {
                let s = t.span();
                prop_assert!(s.start() < s.end());
                prop_assert!(s.start() >= last);
                prop_assert!(s.get(&text).is_some());
                prop_assert!(text[last..s.start()].chars().all(is_separator));
                prop_assert!(!t.text(&text).chars().any(is_separator));
                covered.push_str(t.text(&text));
                last = s.end();
            }
            prop_assert!(text[last..].chars().all(is_separator));
            let want: String = text.chars().filter(|c| !is_separator(*c)).collect();
            prop_assert_eq!(covered, want);
        }

        /// Cut after any separator, the two ranges' tokens are the whole text's, line
        /// breaks included (what windowed annotation relies on).
        #[test]
        fn ranges_cut_after_a_separator_give_the_same_tokens(text in "[a-zA-Z .,'’\"“”()\\-—–$%0-9\n]{0,80}") {
            let whole = tokenize(&text);
            let cuts: Vec<usize> = text
                .char_indices()
                .filter(|&(_, c)| is_separator(c))
                .map(|(i, c)| i + c.len_utf8())
                .collect();
            let mut got = Vec::new();
            for &cut in &cuts {
                let mut both = Vec::new();
                tokenize_range_into(&text, 0..cut, &mut got);
                both.extend_from_slice(&got);
                tokenize_range_into(&text, cut..text.len(), &mut got);
                both.extend_from_slice(&got);
                prop_assert_eq!(&both, &whole, "cut at {}", cut);
            }
        }
    }
}

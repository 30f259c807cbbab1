//! A small tokenizer and sentence splitter for CoNLL output.
//!
//! Tokens are CoNLL/PTB-like (punctuation split off, possessive `'s` split, hyphenated
//! words, numbers, abbreviations and `U.S.` kept whole) and, what matters most here,
//! every given cut offset (entity starts and ends) is a token boundary, so entities map
//! to whole tokens. A token never holds a char that Python's `str.split()` treats as
//! whitespace (the CoNLL scorers split lines that way), so it survives a round trip
//! through a whitespace-separated file. Sentences end at line breaks and after
//! sentence-final punctuation, never inside a kept span (an entity).

use article_model::Span;

/// Whether `c` separates tokens: Unicode White_Space plus the ASCII information
/// separators U+001C..U+001F, which Python's `str.split()` also splits on.
pub(crate) fn is_separator(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Punctuation and symbols that are tokens of their own.
fn is_punct(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c,
            '¡' | '¢' | '£' | '¤' | '¥' | '¦' | '§' | '¨' | '©' | '«' | '¬' | '®' | '¯' | '°'
            | '±' | '´' | '¶' | '·' | '¸' | '»' | '¿' | '×' | '÷'
            | '\u{2010}'..='\u{2027}'   // dashes, quotes, bullets, ellipsis
            | '\u{2030}'..='\u{205E}'   // per mille, primes, guillemets, ‼, ⁇
            | '\u{3001}'..='\u{3003}'   // 、。〃
            | '\u{3008}'..='\u{3011}'   // CJK brackets
            | '\u{3014}'..='\u{301F}'
            | '\u{FF01}'..='\u{FF0F}'   // fullwidth ASCII punctuation
            | '\u{FF1A}'..='\u{FF20}'
            | '\u{FF3B}'..='\u{FF40}'
            | '\u{FF5B}'..='\u{FF65}')
}

/// Chars that stay inside a word when a word char is on both sides ("U.S", "3.5",
/// "well-known", "O'Brien", "AT&T", "1,000", "10:30").
fn joins(prev: char, c: char, next: char) -> bool {
    match c {
        '.' | '-' | '\u{2011}' | '/' | '&' | '@' | '_' => true,
        '\'' | '’' => prev.is_alphabetic() && next.is_alphabetic(),
        ',' | ':' => prev.is_ascii_digit() && next.is_ascii_digit(),
        _ => false,
    }
}

/// Words whose following period belongs to them.
const ABBREVIATIONS: &[&str] = &[
    "Adm", "Ave", "Blvd", "Bros", "Capt", "Cmdr", "Co", "Col", "Corp", "Dept", "Dr", "Feb", "Fig",
    "Gen", "Gov", "Hon", "Inc", "Jan", "Jr", "Lt", "Ltd", "Maj", "Mr", "Mrs", "Ms", "Mt", "No",
    "Nos", "Nov", "Oct", "Prof", "Rep", "Rev", "Sen", "Sep", "Sept", "Sgt", "Sr", "St", "Aug",
    "Dec", "Apr", "Jun", "Jul", "Mar", "approx", "etc", "vs",
];

fn is_abbreviation(word: &str) -> bool {
    let mut chars = word.chars();
    let single_capital =
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    single_capital || word.contains('.') || ABBREVIATIONS.contains(&word)
}

/// Whether a token ends a sentence by itself.
fn is_terminal(token: &str) -> bool {
    !token.is_empty()
        && token.chars().all(|c| {
            matches!(
                c,
                '.' | '!' | '?' | '…' | '。' | '！' | '？' | '．' | '‼' | '⁇' | '⁈' | '⁉'
            )
        })
}

/// Whether a token closes a quotation or bracket (a sentence may end after it).
fn is_closing(token: &str) -> bool {
    !token.is_empty()
        && token.chars().all(|c| {
            matches!(
                c,
                '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '」' | '』' | '）'
            )
        })
}

/// Whether a sentence may start with this token.
fn may_start_sentence(token: &str) -> bool {
    token
        .chars()
        .next()
        .is_some_and(|c| !c.is_lowercase() && !matches!(c, ',' | ';' | ':' | ')' | ']' | '}' | '%'))
}

/// Tokenizes `text[start..end]` (no separators in it, no cut inside) into `out`.
fn split_piece(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let Some(piece) = text.get(start..end) else {
        return;
    };
    let chars: Vec<(usize, char)> = piece.char_indices().map(|(i, c)| (start + i, c)).collect();
    let at = |i: usize| chars.get(i).map_or(end, |&(o, _)| o);
    let ch = |i: usize| chars.get(i).map(|&(_, c)| c);
    let mut i = 0;
    while let Some(c) = ch(i) {
        let mut j = i + 1;
        // A possessive cut off its word (by an entity end): "'s" stays one token.
        if matches!(c, '\'' | '’')
            && matches!(ch(j), Some('s' | 'S'))
            && ch(j + 1).is_none_or(is_punct)
        {
            out.push(Span::new(at(i), at(j + 1)));
            i = j + 1;
            continue;
        }
        if is_punct(c) {
            while ch(j) == Some(c) {
                j += 1;
            }
            out.push(Span::new(at(i), at(j)));
            i = j;
            continue;
        }
        loop {
            match (ch(j), ch(j + 1)) {
                (Some(d), _) if !is_punct(d) => j += 1,
                (Some(d), Some(next))
                    if !is_punct(next) && ch(j - 1).is_some_and(|p| joins(p, d, next)) =>
                {
                    j += 2;
                }
                _ => break,
            }
        }
        let word = &text[at(i)..at(j)];
        if ch(j) == Some('.') && ch(j + 1).is_none_or(is_punct) && is_abbreviation(word) {
            j += 1;
        }
        let (s, e) = (at(i), at(j));
        let word = &text[s..e];
        let possessive = ["'s", "'S", "’s", "’S"]
            .iter()
            .find(|p| word.len() > p.len() && word.ends_with(*p));
        match possessive {
            Some(p) => {
                out.push(Span::new(s, e - p.len()));
                out.push(Span::new(e - p.len(), e));
            }
            None => out.push(Span::new(s, e)),
        }
        i = j;
    }
}

/// Splits `text` into tokens (byte spans, in order). No token crosses an offset of
/// `cuts` (sorted ascending); tokens are never empty and hold no separator char.
pub(crate) fn tokenize(text: &str, cuts: &[usize]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut cut = cuts.iter().copied().peekable();
    let mut chunk_start = None;
    let mut flush = |s: usize, e: usize, out: &mut Vec<Span>| {
        let mut from = s;
        while let Some(&c) = cut.peek() {
            if c <= s {
                cut.next();
            } else if c < e {
                split_piece(text, from, c, out);
                from = c;
                cut.next();
            } else {
                break;
            }
        }
        split_piece(text, from, e, out);
    };
    for (i, c) in text.char_indices() {
        if is_separator(c) {
            if let Some(s) = chunk_start.take() {
                flush(s, i, &mut out);
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(i);
        }
    }
    if let Some(s) = chunk_start {
        flush(s, text.len(), &mut out);
    }
    out
}

/// Groups `tokens` (of `text`, in order) into sentences: index ranges into `tokens`.
/// A sentence never ends strictly inside a span of `keep` (sorted, disjoint).
pub(crate) fn sentences(text: &str, tokens: &[Span], keep: &[Span]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut k = 0;
    let tok = |i: usize| tokens.get(i).and_then(|s| s.get(text)).unwrap_or("");
    for i in 1..tokens.len() {
        let (prev, next) = (tokens[i - 1], tokens[i]);
        while keep.get(k).is_some_and(|s| s.end() <= prev.start()) {
            k += 1;
        }
        let inside = keep
            .get(k)
            .is_some_and(|s| s.start() <= prev.start() && next.end() <= s.end());
        if inside {
            continue;
        }
        let gap = text.get(prev.end()..next.start()).unwrap_or("");
        let line_break = gap.contains(['\n', '\r', '\u{2028}', '\u{2029}', '\u{85}']);
        let p = tok(i - 1);
        let ends = is_terminal(p) || (is_closing(p) && i >= 2 && is_terminal(tok(i - 2)));
        let cjk_end = p.chars().all(|c| matches!(c, '。' | '！' | '？'));
        // After "Go." a glued closing quote still belongs to the sentence: "Go.”".
        let starts = !gap.is_empty() && may_start_sentence(tok(i));
        if line_break || (ends && (cjk_end || starts)) {
            out.push(start..i);
            start = i;
        }
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words<'a>(text: &'a str, cuts: &[usize]) -> Vec<&'a str> {
        tokenize(text, cuts)
            .into_iter()
            .map(|s| s.get(text).unwrap())
            .collect()
    }

    #[test]
    fn token_table() {
        let cases: &[(&str, &[&str])] = &[
            ("Hello, world.", &["Hello", ",", "world", "."]),
            ("The U.S. said no.", &["The", "U.S.", "said", "no", "."]),
            ("Mr. Smith's dog", &["Mr.", "Smith", "'s", "dog"]),
            (
                "Turkey’s “aggression”",
                &["Turkey", "’s", "“", "aggression", "”"],
            ),
            (
                "well-known 3.5% of 1,000",
                &["well-known", "3.5", "%", "of", "1,000"],
            ),
            ("don't O'Brien", &["don't", "O'Brien"]),
            ("-DOCSTART- x", &["-", "DOCSTART", "-", "x"]),
            ("Wait... what?!", &["Wait", "...", "what", "?", "!"]),
            ("(AP) —", &["(", "AP", ")", "—"]),
            ("東京都に行った。次に", &["東京都に行った", "。", "次に"]),
            ("e\u{301}te\u{301} 😀👍🏽", &["e\u{301}te\u{301}", "😀👍🏽"]),
            ("a\u{a0}b\u{1f}c\u{3000}d", &["a", "b", "c", "d"]),
            ("J. Smith", &["J.", "Smith"]),
        ];
        for (text, want) in cases {
            assert_eq!(words(text, &[]), *want, "{text:?}");
        }
    }

    #[test]
    fn cuts_are_token_boundaries() {
        let text = "NATO-led talks in Nagorno-Karabakh's capital";
        let nk = text.find("Nagorno").unwrap();
        let cuts = [0, 4, nk, nk + "Nagorno-Karabakh".len()];
        assert_eq!(
            words(text, &cuts),
            [
                "NATO",
                "-",
                "led",
                "talks",
                "in",
                "Nagorno-Karabakh",
                "'s",
                "capital"
            ]
        );
        assert_eq!(words("abcdef", &[2, 4]), ["ab", "cd", "ef"]);
    }

    #[test]
    fn sentence_table() {
        let cases: &[(&str, &[&str])] = &[
            ("He left. She stayed.", &["He left .", "She stayed ."]),
            ("Mr. Smith left. Then", &["Mr. Smith left .", "Then"]),
            ("“Go.” He went.", &["“ Go . ”", "He went ."]),
            ("It was 3 p.m. today", &["It was 3 p.m. today"]),
            ("one\ntwo\n\nthree", &["one", "two", "three"]),
            ("行った。次に", &["行った 。", "次に"]),
            ("Why? because", &["Why ? because"]),
        ];
        for (text, want) in cases {
            let tokens = tokenize(text, &[]);
            let got: Vec<String> = sentences(text, &tokens, &[])
                .into_iter()
                .map(|r| {
                    tokens[r]
                        .iter()
                        .map(|s| s.get(text).unwrap())
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect();
            assert_eq!(got, *want, "{text:?}");
        }
    }

    #[test]
    fn no_sentence_break_inside_kept_span() {
        let text = "Bank of\nAmerica rose. Next";
        let keep = [Span::new(0, "Bank of\nAmerica".len())];
        let tokens = tokenize(text, &[0, keep[0].end()]);
        let got = sentences(text, &tokens, &keep);
        assert_eq!(got, [0..5, 5..6]);
    }
}

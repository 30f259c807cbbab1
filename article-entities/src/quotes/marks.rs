//! Finds quoted text by its quote marks, in every common convention.
//!
//! ```text
//! double openers  “ „ « » (reversed style) ‘‘ `` "
//! double closers  ” “ (after „) » « (after ») ’’ '' "
//! single          ‘ ’ ‹ › '   (outside double quotes only; ’ before a letter is an apostrophe)
//! ```
//!
//! One pass over each paragraph with a small explicit stack of open marks (linear time,
//! bounded memory). Marks nested inside a double quotation are not quotations of their own.
//! A quotation still open at the end of a paragraph continues when the next paragraph opens
//! with a quote mark (the convention for quotations over several paragraphs); otherwise it
//! runs to the end of the paragraph when it opened like speech (after `:` or `,`, or at the
//! start of the paragraph), and is dropped when it did not.

use article_model::Span;

/// At most this many open marks are tracked; deeper ones are ignored.
const MAX_DEPTH: usize = 16;

/// One piece of a quotation: the text between its marks in one paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Piece {
    /// The quoted words, without the marks, trimmed (bytes into the body).
    pub content: Span,
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offset just after the closing mark, when the piece closes in its paragraph.
    pub close: Option<usize>,
    /// Index of the quotation this piece belongs to (pieces of one quotation over several
    /// paragraphs share it).
    pub chain: usize,
    /// Index of the paragraph.
    pub paragraph: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Level {
    Double,
    Single,
}

#[derive(Clone, Copy, Debug)]
struct Open {
    level: Level,
    mark: char,
    /// Byte offset of the mark.
    at: usize,
    /// Byte offset just after the mark.
    content: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum MarkRole {
    Open(Level),
    Close(Level),
    /// ASCII `"`: opens or closes depending on the state.
    Either,
}

fn is_boundary_before(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => c.is_whitespace() || "([{—–-/:;,".contains(c) || is_any_mark(c),
    }
}

fn is_any_mark(c: char) -> bool {
    "\"“”„«»‘’‹›'`".contains(c)
}

/// Whether `c` can open a quotation at the start of a paragraph.
fn opens_paragraph(text: &str) -> Option<Level> {
    let mut chars = text.chars();
    let c = chars.next()?;
    let next = chars.next();
    match c {
        '“' | '„' | '«' | '"' => Some(Level::Double),
        '‘' if next == Some('‘') => Some(Level::Double),
        '`' if next == Some('`') => Some(Level::Double),
        '‘' | '‹' => Some(Level::Single),
        '\'' if next.is_some_and(char::is_alphabetic) => Some(Level::Single),
        _ => None,
    }
}

/// The closing mark expected for an opening `mark`, for the few pairs that differ from the
/// usual; `None` means any closer of the level.
fn partner(mark: char) -> Option<&'static [char]> {
    match mark {
        '«' => Some(&['»']),
        '»' => Some(&['«']),
        '„' => Some(&['“', '”', '"']),
        _ => None,
    }
}

/// Finds the quoted pieces of each paragraph. `paragraphs` are byte spans into `body`,
/// in order and disjoint.
pub(crate) fn scan(body: &str, paragraphs: &[Span]) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut chain = 0usize;
    // The chain a continuation in the next paragraph belongs to.
    let mut pending: Option<usize> = None;
    for (pi, &para) in paragraphs.iter().enumerate() {
        let Some(text) = para.get(body) else {
            pending = None;
            continue;
        };
        let next_text = paragraphs
            .get(pi + 1)
            .and_then(|p| p.get(body))
            .unwrap_or("");
        let base = para.start();
        let continuing = pending.take();
        let mut stack: Vec<Open> = Vec::new();
        let mut first_piece = true;
        let mut emit = |out: &mut Vec<Piece>,
                        open: &Open,
                        end: usize,
                        close: Option<usize>,
                        first_piece: &mut bool|
         -> Option<usize> {
            let content = trim_span(body, open.content, end)?;
            let id = match continuing {
                Some(c) if *first_piece && open.at == base => c,
                _ => {
                    chain += 1;
                    chain - 1
                }
            };
            *first_piece = false;
            out.push(Piece {
                content,
                open: open.at,
                close,
                chain: id,
                paragraph: pi,
            });
            Some(id)
        };

        let mut iter = text.char_indices().peekable();
        let mut prev: Option<char> = None;
        while let Some((i, c)) = iter.next() {
            let next = iter.peek().map(|&(_, n)| n);
            let at = base + i;
            // Two single marks make a double one (‘‘ ’’ `` '').
            let doubled = matches!(
                (c, next),
                ('‘', Some('‘')) | ('’', Some('’')) | ('`', Some('`'))
            ) || (c == '\'' && next == Some('\''));
            let (role, width) = if doubled {
                let role = match c {
                    '‘' | '`' => MarkRole::Open(Level::Double),
                    '’' => MarkRole::Close(Level::Double),
                    _ => {
                        let after = text[i + 2..].chars().next();
                        if is_boundary_before(prev) && after.is_some_and(char::is_alphanumeric) {
                            MarkRole::Open(Level::Double)
                        } else {
                            MarkRole::Close(Level::Double)
                        }
                    }
                };
                (Some(role), 2 * c.len_utf8())
            } else {
                (classify(c, prev, next, &stack), c.len_utf8())
            };
            if doubled {
                iter.next();
            }
            let end_of_mark = at + width;
            match role {
                None => {}
                Some(MarkRole::Open(level)) => {
                    if level == Level::Single && stack.iter().any(|o| o.level == Level::Double) {
                        // Nested single quotes inside a double quotation: not tracked.
                    } else if stack.len() < MAX_DEPTH {
                        stack.push(Open {
                            level,
                            mark: c,
                            at,
                            content: end_of_mark,
                        });
                    }
                }
                Some(MarkRole::Close(level)) => {
                    if let Some(k) = stack.iter().rposition(|o| o.level == level) {
                        let open = stack[k];
                        stack.truncate(k);
                        if stack.is_empty() {
                            emit(&mut out, &open, at, Some(end_of_mark), &mut first_piece);
                        }
                    }
                }
                Some(MarkRole::Either) => {
                    if let Some(k) = stack.iter().rposition(|o| o.level == Level::Double) {
                        let open = stack[k];
                        stack.truncate(k);
                        if stack.is_empty() {
                            emit(&mut out, &open, at, Some(end_of_mark), &mut first_piece);
                        }
                    } else if stack.len() < MAX_DEPTH {
                        stack.push(Open {
                            level: Level::Double,
                            mark: c,
                            at,
                            content: end_of_mark,
                        });
                    }
                }
            }
            prev = Some(c);
        }

        // A quotation still open at the end of the paragraph.
        if let Some(open) = stack.first().copied() {
            let end = para.end();
            if opens_paragraph(next_text) == Some(open.level) {
                if let Some(id) = emit(&mut out, &open, end, None, &mut first_piece) {
                    pending = Some(id);
                }
            } else if open.level == Level::Double && opened_like_speech(body, base, open.at) {
                emit(&mut out, &open, end, None, &mut first_piece);
            }
        }
    }
    out
}

/// What role a single mark `c` plays, given its neighbours and the open marks.
fn classify(c: char, prev: Option<char>, next: Option<char>, stack: &[Open]) -> Option<MarkRole> {
    let top_double = stack.iter().rev().find(|o| o.level == Level::Double);
    let closes_top =
        |c: char| top_double.is_some_and(|o| partner(o.mark).is_none_or(|p| p.contains(&c)));
    let before_space = prev.is_none_or(char::is_whitespace);
    let word_after = next.is_some_and(char::is_alphanumeric);
    let space_after = next.is_none_or(|n| n.is_whitespace());
    match c {
        '“' => {
            if top_double.is_some_and(|o| o.mark == '„') {
                Some(MarkRole::Close(Level::Double))
            } else if top_double.is_some() && !before_space && (space_after || !word_after) {
                // “ used as a closer (“like this“).
                Some(MarkRole::Close(Level::Double))
            } else {
                Some(MarkRole::Open(Level::Double))
            }
        }
        '”' => {
            if top_double.is_none() && is_boundary_before(prev) && word_after {
                // ”Swedish style” opens with the same mark.
                Some(MarkRole::Open(Level::Double))
            } else {
                Some(MarkRole::Close(Level::Double))
            }
        }
        '„' => Some(MarkRole::Open(Level::Double)),
        '«' => {
            if top_double.is_some_and(|o| o.mark == '»') {
                Some(MarkRole::Close(Level::Double))
            } else {
                Some(MarkRole::Open(Level::Double))
            }
        }
        '»' => {
            if closes_top('»') {
                Some(MarkRole::Close(Level::Double))
            } else if top_double.is_none() && is_boundary_before(prev) && !space_after {
                Some(MarkRole::Open(Level::Double))
            } else {
                None
            }
        }
        '"' => Some(MarkRole::Either),
        '‘' | '‹' => (!space_after).then_some(MarkRole::Open(Level::Single)),
        '’' | '›' => {
            if word_after {
                None // an apostrophe (don’t, Turkey’s)
            } else {
                Some(MarkRole::Close(Level::Single))
            }
        }
        '\'' => {
            let top_single = stack.last().is_some_and(|o| o.level == Level::Single);
            if is_boundary_before(prev) && next.is_some_and(char::is_alphabetic) {
                Some(MarkRole::Open(Level::Single))
            } else if top_single && !before_space && !word_after {
                Some(MarkRole::Close(Level::Single))
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Whether the mark at `at` opens speech: at the start of its paragraph or after `:`/`,`.
fn opened_like_speech(body: &str, para_start: usize, at: usize) -> bool {
    if at == para_start {
        return true;
    }
    let before = body.get(para_start..at).unwrap_or("").trim_end();
    before.ends_with(':') || before.ends_with(',')
}

/// `start..end` without surrounding whitespace, or `None` when nothing but whitespace or
/// punctuation is left.
fn trim_span(body: &str, start: usize, end: usize) -> Option<Span> {
    let text = body.get(start..end)?;
    let lead = text.len() - text.trim_start().len();
    let trimmed = text.trim();
    if !trimmed.chars().any(char::is_alphanumeric) {
        return None;
    }
    let s = start + lead;
    Span::try_new(s, s + trimmed.len()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        let mut start = 0;
        for part in text.split("\n\n") {
            out.push(Span::new(start, start + part.len()));
            start += part.len() + 2;
        }
        out
    }

    fn quoted(text: &str) -> Vec<&str> {
        scan(text, &paragraphs(text))
            .iter()
            .map(|p| &text[p.content.range()])
            .collect()
    }

    #[test]
    fn conventions() {
        let cases: &[(&str, &[&str])] = &[
            ("He said \"yes, we will\" today.", &["yes, we will"]),
            ("“Curly quotes,” she said.", &["Curly quotes,"]),
            ("Er sagte „Guten Tag“ und ging.", &["Guten Tag"]),
            ("Il a dit « bonjour à tous » hier.", &["bonjour à tous"]),
            ("Han sa »hej på dig« igår.", &["hej på dig"]),
            ("She said ‘we are ready’ to go.", &["we are ready"]),
            ("She said 'we are ready' to go.", &["we are ready"]),
            ("He wrote ``old style'' marks.", &["old style"]),
            (
                "“It was wrong,’’ he said. “Fix it.”",
                &["It was wrong,", "Fix it."],
            ),
            ("Svenska ”citat här” ok.", &["citat här"]),
            ("A ‹single guillemet› here.", &["single guillemet"]),
            ("“ Spaced inside ”, he said.", &["Spaced inside"]),
        ];
        for (text, want) in cases {
            assert_eq!(quoted(text), *want, "{text:?}");
        }
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        let cases: &[(&str, &[&str])] = &[
            ("Turkey’s army and Kyrgios’ win don’t count.", &[]),
            ("Don't split the 'n' or the '90s here.", &["n"]),
            ("It’s “quoted” though.", &["quoted"]),
        ];
        for (text, want) in cases {
            assert_eq!(quoted(text), *want, "{text:?}");
        }
    }

    #[test]
    fn nested_quotes_stay_inside() {
        let text = "“And I said, ‘I want more.’ They said, ‘No.’” Then he left.";
        assert_eq!(
            quoted(text),
            ["And I said, ‘I want more.’ They said, ‘No.’"]
        );
        let text = "“Outer “inner” outer”.";
        assert_eq!(quoted(text), ["Outer “inner” outer"]);
    }

    #[test]
    fn multi_paragraph_quotes_are_one_chain() {
        let text = "He said: “First part.\n\n“Second part.\n\n“Third part,” he added.\n\nAfter.";
        let pieces = scan(text, &paragraphs(text));
        let got: Vec<_> = pieces.iter().map(|p| &text[p.content.range()]).collect();
        assert_eq!(got, ["First part.", "Second part.", "Third part,"]);
        assert!(pieces.iter().all(|p| p.chain == pieces[0].chain));
        assert!(pieces[2].close.is_some());
    }

    #[test]
    fn unbalanced_marks() {
        let cases: &[(&str, &[&str])] = &[
            // Speech left open runs to the end of its paragraph.
            (
                "He said: “We will win.\n\nNext paragraph.",
                &["We will win."],
            ),
            // A stray opener mid-sentence is dropped.
            ("A stray “ mark here.\n\nNext.", &[]),
            // A stray closer is ignored.
            ("A stray ” closer and “a real one”.", &["a real one"]),
            ("\"", &[]),
            ("“”", &[]),
            ("„„„", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(quoted(text), *want, "{text:?}");
        }
    }
}

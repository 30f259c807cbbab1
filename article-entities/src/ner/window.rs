//! Tagging a long text window by window, with the same tags as tagging it whole.
//!
//! The document-level parts of the model are word-keyed tables, not per-token arrays:
//! stage 1's document casing (how each word is written where case tells) and stage 2's
//! aggregates (each word's stage-1 labels, each stage-1 entity's labels). So a text cut
//! into windows of whole sentences is tagged in three passes over the windows, each
//! tokenizing its window again and dropping its per-token arrays after it: (1) the casing
//! table; (2) stage 1 with the whole text's casing, adding to the stage-2 tables; (3) stage
//! 1 again, then stage 2 with the whole text's tables. Memory: the tables (words of the
//! text) plus one window; time: about twice tagging it whole.

use std::ops::Range;

use super::features::Doc;
use super::hash::HashMap;
use super::model::{Model, Work};
use super::stage2::Stage2;
use crate::sentence::sentences;
use crate::token::{Token, tokenize_range_into};

/// The tokens of one window and what the model reads of them.
struct Window<'t> {
    tokens: Vec<Token>,
    strs: Vec<&'t str>,
    sentences: Vec<Range<usize>>,
    line_starts: Vec<bool>,
}

impl<'t> Window<'t> {
    fn new() -> Window<'t> {
        Window {
            tokens: Vec::new(),
            strs: Vec::new(),
            sentences: Vec::new(),
            line_starts: Vec::new(),
        }
    }

    /// Tokenizes `text[range]` into the window.
    fn fill(&mut self, text: &'t str, range: Range<usize>) {
        tokenize_range_into(text, range, &mut self.tokens);
        self.strs.clear();
        self.strs.extend(self.tokens.iter().map(|t| t.text(text)));
        self.sentences.clear();
        self.sentences.extend(
            sentences(text, &self.tokens)
                .iter()
                .map(crate::sentence::Sentence::tokens),
        );
        self.line_starts.clear();
        self.line_starts
            .extend(self.tokens.iter().map(Token::line_break_before));
    }

    fn doc(&self) -> Doc<'_> {
        Doc {
            tokens: &self.strs,
            sentences: &self.sentences,
            line_starts: &self.line_starts,
        }
    }
}

/// Tags `text` window by window (`windows`: byte ranges of `text`, in order, each
/// starting and ending where a sentence does; see
/// [`tokenize_range_into`] for where they may be cut), calling `each` once per window, in
/// order, with the window's tokens and their BILOU tag ids.
pub(crate) fn tag_windows(
    model: &Model,
    work: &mut Work,
    text: &str,
    windows: &[Range<usize>],
    mut each: impl FnMut(&[Token], &[u8]),
) {
    let mut w = Window::new();
    // (1) the document casing
    let mut casing: HashMap<(u16, u16)> = HashMap::default();
    for r in windows {
        w.fill(text, r.clone());
        model.prepare(&w.doc(), work);
        work.scratch.add_casing_to(&mut casing);
    }
    // (2) stage 1, counted into the document's stage-2 tables
    let mut stage2 = Stage2::default();
    if model.has_stage2() {
        for r in windows {
            w.fill(text, r.clone());
            model.prepare(&w.doc(), work);
            work.scratch.swap_casing(&mut casing);
            let tags1 = model.stage1_tags(&w.doc(), work);
            work.scratch.swap_casing(&mut casing);
            stage2.add_window(&work.scratch.infos, &tags1, true);
        }
    }
    // (3) both stages
    std::mem::swap(&mut work.stage2, &mut stage2);
    for r in windows {
        w.fill(text, r.clone());
        model.prepare(&w.doc(), work);
        work.scratch.swap_casing(&mut casing);
        let tags1 = model.stage1_tags(&w.doc(), work);
        work.scratch.swap_casing(&mut casing);
        let tags = if model.has_stage2() {
            work.stage2.add_window(&work.scratch.infos, &tags1, false);
            model.stage2_tags(&w.doc(), work, &tags1)
        } else {
            tags1
        };
        each(&w.tokens, &tags);
    }
    // the document's tables are not the next document's
    std::mem::swap(&mut work.stage2, &mut stage2);
}

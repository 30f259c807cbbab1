//! [`SourceMap`]: byte offsets in decoded text back to byte offsets in the input.

use article_model::Span;

/// Length of U+FFFD in UTF-8.
const REPLACEMENT_LEN: usize = '\u{fffd}'.len_utf8();

/// Maps byte offsets in the decoded text to byte offsets in the input.
#[derive(Clone, Debug)]
pub(crate) struct SourceMap {
    /// Byte offset in the input where the text starts (the BOM's length).
    shift: usize,
    /// Input length.
    input_len: usize,
    how: How,
}

/// How text offsets relate to input offsets.
#[derive(Clone, Debug)]
enum How {
    /// The text is the input past the BOM, as it is.
    Shifted,
    /// Decoded segment by segment (encoding_rs): checkpoints `(text offset, input
    /// offset)` before each `<` byte, sorted on both. Exact at checkpoints and inside
    /// segments that decoded one byte to one byte, otherwise widened to the segment's
    /// edges, so a range always covers its text.
    Segments(Vec<(usize, usize)>),
    /// Decoded as UTF-8 with each invalid sequence one U+FFFD (as
    /// `String::from_utf8_lossy` does): an anchor `(text offset, input offset)` at the
    /// start of each valid run and each replacement, sorted on both.
    Lossy(Vec<(usize, usize)>),
}

impl SourceMap {
    /// The map for text that is `input[shift..]` as it is.
    pub(crate) fn shifted(shift: usize, input_len: usize) -> SourceMap {
        SourceMap {
            shift,
            input_len,
            how: How::Shifted,
        }
    }

    /// The map for text decoded segment by segment, from its checkpoints.
    pub(crate) fn segments(
        shift: usize,
        checkpoints: Vec<(usize, usize)>,
        input_len: usize,
    ) -> SourceMap {
        SourceMap {
            shift,
            input_len,
            how: How::Segments(checkpoints),
        }
    }

    /// The map for text that is `input[shift..]` decoded as UTF-8, lossily where invalid.
    pub(crate) fn lossy(input: &[u8], shift: usize) -> SourceMap {
        let body = input.get(shift..).unwrap_or(&[]);
        if std::str::from_utf8(body).is_ok() {
            return SourceMap::shifted(shift, input.len());
        }
        let mut anchors = Vec::new();
        let (mut t, mut b) = (0usize, shift);
        for chunk in body.utf8_chunks() {
            let valid = chunk.valid().len();
            anchors.push((t, b));
            t += valid;
            b += valid;
            let invalid = chunk.invalid().len();
            if invalid > 0 {
                anchors.push((t, b));
                t += REPLACEMENT_LEN;
                b += invalid;
            }
        }
        anchors.push((t, b));
        SourceMap {
            shift,
            input_len: input.len(),
            how: How::Lossy(anchors),
        }
    }

    /// Whether text offsets are input offsets.
    pub(crate) fn is_identity(&self) -> bool {
        self.shift == 0 && matches!(self.how, How::Shifted)
    }

    /// The input range of text range `start..end` (`text_len` the decoded text's length).
    pub(crate) fn source(&self, start: usize, end: usize, text_len: usize) -> Option<Span> {
        match &self.how {
            How::Lossy(anchors) => {
                Span::try_new(lossy_map(anchors, start), lossy_map(anchors, end)).ok()
            }
            _ => {
                let s = self.to_input(start, false, text_len);
                let e = self.to_input(end, true, text_len);
                Span::try_new(s.min(e), e).ok()
            }
        }
    }

    /// Maps a text offset to an input offset, rounding down (`up == false`) or up.
    fn to_input(&self, off: usize, up: bool, text_len: usize) -> usize {
        let How::Segments(checkpoints) = &self.how else {
            return (off + self.shift).min(self.input_len);
        };
        let i = checkpoints.partition_point(|&(t, _)| t <= off);
        let Some(&(t0, b0)) = i.checked_sub(1).and_then(|i| checkpoints.get(i)) else {
            return self.shift;
        };
        let (t1, b1) = checkpoints
            .get(i)
            .copied()
            .unwrap_or((text_len, self.input_len));
        if off == t0 {
            return b0;
        }
        if t1 - t0 == b1 - b0 {
            // One byte in, one byte out: ASCII, exact.
            return (b0 + (off - t0)).min(b1);
        }
        if up { b1 } else { b0 }
    }
}

/// The input offset of text offset `t` under lossy-UTF-8 `anchors`.
fn lossy_map(anchors: &[(usize, usize)], t: usize) -> usize {
    let k = anchors.partition_point(|&(at, _)| at <= t);
    let (at, b) = anchors.get(k.saturating_sub(1)).copied().unwrap_or((0, 0));
    // Inside a replacement char the offset clamps to the invalid bytes' end.
    let next_b = anchors.get(k).map_or(usize::MAX, |&(_, nb)| nb);
    (b + (t - at)).min(next_b)
}

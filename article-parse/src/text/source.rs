//! [`SourceMap`]: byte offsets in decoded text back to byte offsets in the input.

use article_model::Span;

/// Maps byte offsets in the decoded text to byte offsets in the input bytes.
///
/// For valid UTF-8 input this is a shift (the BOM); for input decoded lossily (each
/// invalid sequence became one U+FFFD, as `String::from_utf8_lossy` does) it keeps one
/// anchor per valid run and per replacement, so mapping costs a binary search.
#[derive(Clone, Debug, Default)]
pub(crate) struct SourceMap {
    shift: usize,
    /// `(text offset, input offset)` at the start of each run, sorted by both.
    anchors: Vec<(usize, usize)>,
}

/// Length of U+FFFD in UTF-8.
const REPLACEMENT_LEN: usize = '\u{fffd}'.len_utf8();

impl SourceMap {
    /// The map for text that is `input[shift..]` as it is (valid UTF-8): a shift.
    pub(crate) fn shifted(shift: usize) -> SourceMap {
        SourceMap {
            shift,
            anchors: Vec::new(),
        }
    }

    /// The map for text that is `input[shift..]` decoded as UTF-8, lossily where invalid.
    pub(crate) fn new(input: &[u8], shift: usize) -> SourceMap {
        let body = input.get(shift..).unwrap_or(&[]);
        if std::str::from_utf8(body).is_ok() {
            return SourceMap::shifted(shift);
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
        SourceMap { shift, anchors }
    }

    /// The input offset of text offset `t`.
    fn map(&self, t: usize) -> usize {
        if self.anchors.is_empty() {
            return t + self.shift;
        }
        let k = self.anchors.partition_point(|&(at, _)| at <= t);
        let (at, b) = self.anchors[k.saturating_sub(1)];
        // Inside a replacement char the offset clamps to the invalid bytes' end.
        let next_b = self.anchors.get(k).map_or(usize::MAX, |&(_, nb)| nb);
        (b + (t - at)).min(next_b)
    }

    /// The input span of a text span.
    pub(crate) fn span(&self, span: Span) -> Option<Span> {
        Span::try_new(self.map(span.start()), self.map(span.end())).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_input_is_a_shift() {
        let m = SourceMap::new(b"\xef\xbb\xbfabc", 3);
        assert_eq!(m.span(Span::new(0, 2)), Some(Span::new(3, 5)));
    }

    #[test]
    fn lossy_input_maps_around_replacements() {
        let input = b"ab\xffcd\xe2\x80z";
        let text = String::from_utf8_lossy(input);
        assert_eq!(text, "ab\u{fffd}cd\u{fffd}z");
        let m = SourceMap::new(input, 0);
        let find = |s: &str| {
            let at = text.find(s).unwrap();
            m.span(Span::new(at, at + s.len())).unwrap()
        };
        assert_eq!(find("ab"), Span::new(0, 2));
        assert_eq!(find("cd"), Span::new(3, 5));
        assert_eq!(find("z"), Span::new(7, 8));
        assert_eq!(find("\u{fffd}cd\u{fffd}"), Span::new(2, 7));
    }
}

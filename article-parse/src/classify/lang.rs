//! The page's language and its stopwords.
//!
//! The language is detected once per page with `whatlang` on a bounded sample of its
//! longer blocks (at most [`SAMPLE_BYTES`]), so the cost does not grow with the page.
//! Stopwords come from the NLTK lists of `stop-words`; a language without a list has
//! no stopword features (the classifier then leans on the others).

use crate::block::Block;
use crate::word_set::WordSet;

/// Most bytes of text given to the language detector.
pub(crate) const SAMPLE_BYTES: usize = 1024;
/// Longest word looked up in the stopwords, in bytes.
pub(crate) const MAX_STOPWORD: usize = 24;
/// Shortest block used in the sample (short blocks are menus in any language).
const SAMPLE_MIN_BLOCK: usize = 60;

/// The language of a page, as far as the classifier cares.
#[derive(Clone, Debug, Default)]
pub(crate) struct Language {
    /// ISO 639-1 code (or 639-3 when there is none), when detected reliably.
    pub code: Option<&'static str>,
    /// Its stopwords, lower case; empty when there is no list.
    pub stopwords: WordSet,
    /// Length in bytes of the longest stopword, at most [`MAX_STOPWORD`] (longer words
    /// are not looked up).
    pub longest_stopword: usize,
}

/// ISO 639-3 to 639-1 for the languages whatlang knows that have a 639-1 code.
fn iso1(lang: whatlang::Lang) -> &'static str {
    use whatlang::Lang as L;
    match lang {
        L::Eng => "en",
        L::Rus => "ru",
        L::Cmn => "zh",
        L::Spa => "es",
        L::Por => "pt",
        L::Ita => "it",
        L::Ben => "bn",
        L::Fra => "fr",
        L::Deu => "de",
        L::Ukr => "uk",
        L::Kat => "ka",
        L::Ara => "ar",
        L::Hin => "hi",
        L::Jpn => "ja",
        L::Heb => "he",
        L::Yid => "yi",
        L::Pol => "pl",
        L::Amh => "am",
        L::Jav => "jv",
        L::Kor => "ko",
        L::Nob => "nb",
        L::Dan => "da",
        L::Swe => "sv",
        L::Fin => "fi",
        L::Tur => "tr",
        L::Nld => "nl",
        L::Hun => "hu",
        L::Ces => "cs",
        L::Ell => "el",
        L::Bul => "bg",
        L::Bel => "be",
        L::Mar => "mr",
        L::Kan => "kn",
        L::Ron => "ro",
        L::Slv => "sl",
        L::Hrv => "hr",
        L::Srp => "sr",
        L::Mkd => "mk",
        L::Lit => "lt",
        L::Lav => "lv",
        L::Est => "et",
        L::Tam => "ta",
        L::Vie => "vi",
        L::Urd => "ur",
        L::Tha => "th",
        L::Guj => "gu",
        L::Uzb => "uz",
        L::Pan => "pa",
        L::Aze => "az",
        L::Ind => "id",
        L::Tel => "te",
        L::Pes => "fa",
        L::Mal => "ml",
        L::Ori => "or",
        L::Mya => "my",
        L::Nep => "ne",
        L::Sin => "si",
        L::Khm => "km",
        L::Tuk => "tk",
        L::Aka => "ak",
        L::Zul => "zu",
        L::Sna => "sn",
        L::Afr => "af",
        L::Lat => "la",
        L::Slk => "sk",
        L::Cat => "ca",
        L::Tgl => "tl",
        L::Hye => "hy",
        L::Epo => "eo",
        L::Cym => "cy",
    }
}

/// Detects the language of the page from a sample of its longer blocks.
pub(crate) fn detect(blocks: &[Block]) -> Language {
    let mut sample = String::with_capacity(SAMPLE_BYTES + 256);
    // Prose-length blocks first (menus are short in every language), then shorter ones.
    let long = blocks
        .iter()
        .filter(|b| b.text().len() >= 3 * SAMPLE_MIN_BLOCK);
    let rest = blocks
        .iter()
        .filter(|b| (SAMPLE_MIN_BLOCK..3 * SAMPLE_MIN_BLOCK).contains(&b.text().len()));
    for b in long.chain(rest) {
        {
            if !sample.is_empty() {
                sample.push('\n');
            }
            let room = SAMPLE_BYTES.saturating_sub(sample.len());
            let mut end = b.text().len().min(room);
            while !b.text().is_char_boundary(end) {
                end -= 1;
            }
            sample.push_str(&b.text()[..end]);
            if sample.len() >= SAMPLE_BYTES {
                break;
            }
        }
    }
    match guess(&sample, Acceptance::CLASSIFIER) {
        Some(lang) => Language::with_code(iso1(lang)),
        None => Language::default(),
    }
}

/// Shortest body sample whose detected language can overrule the page's declared (or
/// block-sampled) one.
const BODY_LANGUAGE_MIN_BYTES: usize = 400;
/// Most chars of the body given to the detector.
const BODY_LANGUAGE_SAMPLE_CHARS: usize = 2000;

/// The language of an article's body (ISO 639-1, or 639-3 when there is none), only when
/// whatlang calls its guess reliable on a sample of at least 400 bytes: the language
/// the body's readers (and the annotator) see, which overrules a declared `lang` (page
/// templates declare `en` on pages of every language) or the language of a sample that
/// held menus.
pub(crate) fn body_language(body: &str) -> Option<&'static str> {
    let end = body
        .char_indices()
        .nth(BODY_LANGUAGE_SAMPLE_CHARS)
        .map_or(body.len(), |(i, _)| i);
    let sample = &body[..end];
    if sample.len() < BODY_LANGUAGE_MIN_BYTES {
        return None;
    }
    let info = whatlang::detect(sample).filter(whatlang::Info::is_reliable)?;
    Some(iso1(info.lang()))
}

/// When a whatlang guess that whatlang itself calls unreliable is still taken.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Acceptance {
    /// Least confidence of an unreliable guess.
    pub min_confidence: f64,
    /// Shortest sample, in bytes, for an unreliable guess.
    pub min_unreliable_bytes: usize,
}

impl Acceptance {
    /// The block classifier's: confidence 0.5, any sample length.
    pub(crate) const CLASSIFIER: Acceptance = Acceptance {
        min_confidence: 0.5,
        min_unreliable_bytes: 0,
    };
    /// The HTML metadata's fallback: confidence 0.5 and a sample of 200 bytes.
    pub(crate) const METADATA: Acceptance = Acceptance {
        min_confidence: 0.5,
        min_unreliable_bytes: 200,
    };
}

/// The language of `sample` (whatlang), when the guess is reliable or `accept` takes it.
pub(crate) fn guess(sample: &str, accept: Acceptance) -> Option<whatlang::Lang> {
    let info = whatlang::detect(sample)?;
    if !info.is_reliable()
        && (info.confidence() < accept.min_confidence || sample.len() < accept.min_unreliable_bytes)
    {
        return None;
    }
    Some(info.lang())
}

impl Language {
    /// The language with ISO code `code` and its stopwords (none when there is no list).
    pub(crate) fn with_code(code: &'static str) -> Language {
        let stopwords = WordSet::new(stop_words::lookup(code).unwrap_or(&[]).iter().copied());
        let longest_stopword = stopwords.longest().min(MAX_STOPWORD);
        Language {
            code: Some(code),
            stopwords,
            longest_stopword,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::word_set::pack;

    fn blocks(texts: &[&str]) -> Vec<Block<'static>> {
        texts.iter().filter_map(|t| Block::new(t, None)).collect()
    }

    #[test]
    fn detects_english_and_loads_stopwords() {
        let l = detect(&blocks(&[
            "Menu",
            "The harbour board asked the union on Monday to return to the table before the end of the month.",
            "The two sides discussed the pay offer during a long meeting at the town hall on Sunday.",
        ]));
        assert_eq!(l.code, Some("en"));
        assert!(l.stopwords.contains("the"));
        assert!(l.stopwords.contains_packed(pack(b"The").unwrap()));
        assert!(!l.stopwords.contains_packed(pack(b"russia").unwrap()));
    }

    #[test]
    fn only_the_kelvin_sign_lowers_to_ascii() {
        for c in ('\u{80}'..=char::MAX).filter(|c| c.to_lowercase().all(|l| l.is_ascii())) {
            assert_eq!(c, '\u{212a}');
        }
    }

    #[test]
    fn nothing_to_detect() {
        let l = detect(&blocks(&["Menu", "Home"]));
        assert_eq!(l.code, None);
        assert!(l.stopwords.is_empty());
    }
}

//! The model file's wire format: its magic and version, [`FormatError`], the [`Bytes`] its
//! tables live in, a bounds-checked [`Reader`] and the section writer.
//!
//! File (version 4): `b"ARTNER\0\x04"`, then sections, each a `u32` little-endian length
//! and its bytes: info (UTF-8 text), lexicon (hashed gazetteers and clusters, see
//! `lexicon.rs`), stages (see `model.rs`), weight table (see `table.rs`). Files of other
//! versions are refused with their version ([`FormatError::Version`]).

/// The file version this crate reads and writes.
pub(crate) const VERSION: u8 = 4;
/// What a model file of [`VERSION`] starts with.
pub(crate) const MAGIC: &[u8; 8] = b"ARTNER\0\x04";
/// What every model file starts with, before its version byte.
const MAGIC_PREFIX: &[u8; 7] = b"ARTNER\0";

/// Why a model could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum FormatError {
    /// The bytes are not a model file, or a damaged one.
    Bad(String),
    /// A model file of another format version (the version it has).
    Version(u8),
}

impl FormatError {
    pub(crate) fn bad(msg: &str) -> FormatError {
        FormatError::Bad(msg.into())
    }
}

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FormatError::Bad(msg) => f.write_str(msg),
            FormatError::Version(found) => write!(
                f,
                "model file of format version {found}; this build reads version {VERSION}"
            ),
        }
    }
}

/// The bytes a weight table or a lexicon map lives in: the embedded model file's (used where
/// they are, no copy), its own (built by the trainer), or a range of a loaded model file's
/// (shared, no copy).
#[derive(Debug, Clone)]
pub(crate) enum Bytes {
    Static(&'static [u8]),
    /// Built by the trainer.
    #[cfg(feature = "train")]
    Owned(Vec<u8>),
    Shared(std::sync::Arc<Vec<u8>>, usize, usize),
}

impl Default for Bytes {
    fn default() -> Bytes {
        Bytes::Static(&[])
    }
}

impl Bytes {
    #[inline]
    pub(crate) fn get(&self) -> &[u8] {
        match self {
            Bytes::Static(b) => b,
            #[cfg(feature = "train")]
            Bytes::Owned(v) => v,
            Bytes::Shared(v, start, end) => v.get(*start..*end).unwrap_or(&[]),
        }
    }
}

/// Reads a model file's little-endian fields and sections; every read past the end is
/// an error, never a panic.
pub(crate) struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(b: &'a [u8]) -> Reader<'a> {
        Reader { b, at: 0 }
    }
    pub(crate) fn take(&mut self, n: usize) -> Result<&'a [u8], FormatError> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.b.len())
            .ok_or_else(|| FormatError::bad("model file is truncated"))?;
        let s = &self.b[self.at..end];
        self.at = end;
        Ok(s)
    }
    pub(crate) fn f32(&mut self) -> Result<f32, FormatError> {
        let mut a = [0u8; 4];
        a.copy_from_slice(self.take(4)?);
        Ok(f32::from_le_bytes(a))
    }
    pub(crate) fn u32(&mut self) -> Result<u32, FormatError> {
        let mut a = [0u8; 4];
        a.copy_from_slice(self.take(4)?);
        Ok(u32::from_le_bytes(a))
    }
    pub(crate) fn section(&mut self) -> Result<&'a [u8], FormatError> {
        let n = self.u32()? as usize;
        self.take(n)
    }
    pub(crate) fn section_text(&mut self) -> Result<String, FormatError> {
        let b = self.section()?;
        String::from_utf8(b.to_vec()).map_err(|_| FormatError::bad("text section is not UTF-8"))
    }
}

/// The format version of a model file that is not of this version, if it looks like one:
/// the byte after the magic, or 2 for a zlib stream (version-2 files were zlib-compressed).
pub(crate) fn version_of(bytes: &[u8]) -> Option<u8> {
    if let Some(rest) = bytes.strip_prefix(MAGIC_PREFIX.as_slice()) {
        return rest.first().copied();
    }
    let zlib = matches!(bytes, [0x78, flg, ..] if (0x7800 | u16::from(*flg)) % 31 == 0);
    zlib.then_some(2)
}

pub(crate) fn put_section(out: &mut Vec<u8>, b: &[u8]) {
    let n = u32::try_from(b.len()).unwrap_or(u32::MAX);
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(b);
}

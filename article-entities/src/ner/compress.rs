//! Compressed model files (what the trainer writes and the crate embeds): a standard LZ4
//! frame (`lz4 -d` gives the raw file) of a model file, sniffed by the frame's magic number.

use std::io::Read;

use super::format::FormatError;

/// The magic number of an LZ4 frame (`0x184D2204`, little-endian).
const LZ4_MAGIC: &[u8; 4] = &[0x04, 0x22, 0x4D, 0x18];

/// Whether `bytes` start like a compressed model file (an LZ4 frame).
pub(crate) fn is_compressed(bytes: &[u8]) -> bool {
    bytes.starts_with(LZ4_MAGIC)
}

/// A model file compressed as the trainer writes it: one LZ4 frame of 256 KiB
/// independent blocks with the content size and no checksums (the encoder of `lz4_flex`,
/// deterministic for a given version of it).
pub(crate) fn compress(raw: &[u8]) -> Vec<u8> {
    use lz4_flex::frame::{BlockMode, BlockSize, FrameEncoder, FrameInfo};
    use std::io::Write;
    let info = FrameInfo::new()
        .block_size(BlockSize::Max256KB)
        .block_mode(BlockMode::Independent)
        .content_size(u64::try_from(raw.len()).ok());
    let mut enc = FrameEncoder::with_frame_info(info, Vec::with_capacity(raw.len() / 2 + 64));
    // writing to a Vec cannot fail; an error would leave a truncated frame that fails to load
    let _ = enc.write_all(raw);
    enc.finish().unwrap_or_default()
}

/// The raw model file inside a compressed one (one LZ4 frame; the size it announces only
/// sizes the buffer, capped at what LZ4's ratio allows).
pub(crate) fn decompress(bytes: &[u8]) -> Result<Vec<u8>, FormatError> {
    // the frame descriptor: flags, then with the content-size flag (0x08) the size after
    // one more byte (block descriptor)
    let announced = match (bytes.get(4), bytes.get(6..14)) {
        (Some(flg), Some(size)) if flg & 0x08 != 0 => {
            let mut le = [0u8; 8];
            le.copy_from_slice(size);
            usize::try_from(u64::from_le_bytes(le)).unwrap_or(0)
        }
        _ => 0,
    };
    let cap = announced.min(bytes.len().saturating_mul(256));
    let mut raw = Vec::with_capacity(cap);
    lz4_flex::frame::FrameDecoder::new(bytes)
        .read_to_end(&mut raw)
        .map_err(|e| FormatError::Bad(format!("bad compressed model: {e}")))?;
    Ok(raw)
}

//! Inputs shared by the benchmarks: the workspace's fixtures, and the dev pages of
//! `../shared` when that folder is present.
#![forbid(unsafe_code)]

use std::io::Read;
use std::path::{Path, PathBuf};

/// The workspace root.
#[must_use]
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The fixture pages in `examples/` with the given extension, as (name, bytes).
#[must_use]
pub fn fixtures(extension: &str) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(workspace().join("examples")) else {
        return out;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.extension().and_then(|e| e.to_str()) == Some(extension) {
            if let (Some(name), Ok(bytes)) = (path.file_name(), std::fs::read(&path)) {
                out.push((name.to_string_lossy().into_owned(), bytes));
            }
        }
    }
    out
}

/// The dev pages of `../shared/data/extraction/dev/html` ending in `suffix` (`.html.gz`
/// pages are gunzipped), or `None` when `../shared` is absent.
#[must_use]
pub fn dev_pages(suffix: &str) -> Option<Vec<Vec<u8>>> {
    let dir = workspace().join("../shared/data/extraction/dev/html");
    let entries = std::fs::read_dir(&dir).ok()?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(suffix))
        .collect();
    paths.sort();
    let mut pages = Vec::new();
    for path in paths {
        let raw = std::fs::read(&path).ok()?;
        if suffix.ends_with(".gz") {
            let mut out = Vec::new();
            flate2::read::MultiGzDecoder::new(raw.as_slice())
                .read_to_end(&mut out)
                .ok()?;
            pages.push(out);
        } else {
            pages.push(raw);
        }
    }
    Some(pages)
}

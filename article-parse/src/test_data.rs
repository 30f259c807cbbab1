//! Test inputs from `../shared` beside the workspace, when it is there.

/// Every line of the dev text dumps (`../shared/data/extraction/dev/html/*.txt`, decoded
/// lossily), or none, with a note on stderr, when the folder is absent.
pub(crate) fn dev_dump_lines() -> Vec<String> {
    let dev = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/data/extraction/dev/html");
    let Ok(dir) = std::fs::read_dir(&dev) else {
        eprintln!("skipping the dev dumps: {} is absent", dev.display());
        return Vec::new();
    };
    let mut lines = Vec::new();
    for e in dir.flatten() {
        if e.path().extension().is_some_and(|x| x == "txt") {
            let raw = std::fs::read(e.path()).unwrap();
            lines.extend(String::from_utf8_lossy(&raw).lines().map(str::to_owned));
        }
    }
    lines
}

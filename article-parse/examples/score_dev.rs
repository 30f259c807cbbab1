//! Writes the text pipeline's article bodies for the dev dumps, one file per page, for
//! the dev set's scorer; also writes the tuned and held-out id lists beside them.
//!
//! ```sh
//! cargo run --release -p article-parse --example score_dev -- OUT [DEV_DIR]
//! python3 ../shared/data/extraction/score.py --truth ../shared/data/extraction/dev/truth.json --pred-dir OUT
//! python3 ../shared/data/extraction/score.py --truth ../shared/data/extraction/dev/truth.json --pred-dir OUT --ids OUT/heldout.ids
//! ```
//!
//! DEV_DIR defaults to `../shared/data/extraction/dev` beside the workspace. Held out:
//! every 4th id of the sorted `ids.txt` (index % 4 == 3), never used for training.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use article_parse::{Extractor, InputFormat};

mod support;

fn main() {
    let mut args = std::env::args().skip(1);
    let out = PathBuf::from(args.next().expect("usage: score_dev OUT [DEV_DIR]"));
    let dev = args.next().map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/data/extraction/dev"),
        PathBuf::from,
    );
    let ids = support::read_ids(&dev);
    std::fs::create_dir_all(&out).unwrap();
    let extractor = Extractor::builder().format(InputFormat::Text).build();
    let (mut tuned, mut held) = (String::new(), String::new());
    for (i, id) in ids.iter().enumerate() {
        let input = std::fs::read(dev.join("html").join(format!("{id}.txt"))).unwrap();
        let body = match extractor.extract(&input) {
            Ok(a) => a.body().to_owned(),
            Err(e) => {
                eprintln!("{id}: {e}");
                String::new()
            }
        };
        std::fs::write(out.join(format!("{id}.txt")), body).unwrap();
        let list = if i % 4 == 3 { &mut held } else { &mut tuned };
        list.push_str(id);
        list.push('\n');
    }
    std::fs::write(out.join("tuned.ids"), tuned).unwrap();
    std::fs::write(out.join("heldout.ids"), held).unwrap();
    eprintln!("wrote {} predictions to {}", ids.len(), out.display());
}

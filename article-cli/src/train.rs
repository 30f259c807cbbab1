//! `article train-ner` (feature `train`): reads the CoNLL files, the lexical lists, the
//! unlabeled text (or the cluster cache) and runs the trainer of `article-entities`.

use std::io::Read;
use std::path::Path;

use anyhow::Context;
use article_entities::conll;
use article_entities::train::{LexicalLists, Trainer};

use crate::args::TrainNerArgs;
use crate::status::{Fatal, Status};

/// The file of the lexical folder holding the unlabeled text the word clusters are induced
/// from (gzip-compressed, one sentence per line).
const UNLABELED: &str = "reuters21578.txt.gz";

fn read_text(path: &Path) -> Result<String, Fatal> {
    std::fs::read_to_string(path)
        .with_context(|| format!("cannot read {}", path.display()))
        .map_err(Fatal::Output)
}

fn read_gzip_text(path: &Path) -> Result<String, Fatal> {
    let raw = std::fs::read(path)
        .with_context(|| format!("cannot read {}", path.display()))
        .map_err(Fatal::Output)?;
    let mut text = String::new();
    flate2::read::MultiGzDecoder::new(raw.as_slice())
        .read_to_string(&mut text)
        .with_context(|| format!("cannot gunzip {}", path.display()))
        .map_err(Fatal::Output)?;
    Ok(text)
}

pub(crate) fn run(args: &TrainNerArgs) -> Result<Status, Fatal> {
    let started = std::time::Instant::now();
    let mut log = |msg: &str| eprintln!("[{:>6.1}s] {msg}", started.elapsed().as_secs_f64());
    let train_text = read_text(&args.train)?;
    // with --cv, dev is never read: settings are chosen on train alone
    let dev_text = match args.cv {
        Some(_) => String::new(),
        None => read_text(&args.dev)?,
    };
    let train = conll::documents(&train_text);
    let dev = conll::documents(&dev_text);
    let mut texts: [String; 7] = Default::default();
    for (text, file) in texts.iter_mut().zip(LexicalLists::FILES) {
        *text = read_text(&args.lexical.join(file))?;
    }
    let lists = LexicalLists::from_texts(texts);
    let trainer = Trainer::new()
        .epochs(args.epochs)
        .folds(args.folds)
        .min_count(args.min_count)
        .ensemble(args.ensemble)
        .prune(args.prune);
    let clusters = match &args.clusters_cache {
        Some(p) if p.exists() => {
            log(&format!("clusters: reusing {}", p.display()));
            read_text(p)?
        }
        cache => {
            let mut unlabeled = read_gzip_text(&args.lexical.join(UNLABELED))?;
            for path in &args.unlabeled {
                let more = if path.extension().is_some_and(|e| e == "gz") {
                    read_gzip_text(path)?
                } else {
                    read_text(path)?
                };
                log(&format!(
                    "unlabeled: {} ({} bytes)",
                    path.display(),
                    more.len()
                ));
                unlabeled.push('\n');
                unlabeled.push_str(&more);
            }
            let text = trainer.clusters(&unlabeled, &train, &mut log);
            if let Some(p) = cache {
                crate::output::write_file(p, text.as_bytes()).map_err(Fatal::Output)?;
            }
            text
        }
    };
    let Some(output) = &args.output else {
        let k = args.cv.unwrap_or(3);
        let (f, p, r) = trainer.cross_validate(&train, k, &lists, &clusters, &mut log);
        println!(
            "cv {k} folds on {}: F1 {f:.2} P {p:.2} R {r:.2}",
            args.train.display()
        );
        return Ok(Status::Ok);
    };
    let (bytes, _report) = trainer.train(&train, &dev, &lists, &clusters, &mut log);
    // through a temporary file: a failed write never leaves half a model
    crate::output::write_file(output, &bytes).map_err(Fatal::Output)?;
    eprintln!("wrote {} ({} bytes)", output.display(), bytes.len());
    Ok(Status::Ok)
}

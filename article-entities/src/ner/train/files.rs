//! The file-reading entry points of the 0.1 trainer: [`train`] reads the CoNLL files, the
//! `lexical` folder and the cluster cache named by [`TrainOptions`], then runs a
//! [`Trainer`].

use std::io::Read;
use std::path::{Path, PathBuf};

use super::{LexicalLists, Log, Trainer};
use crate::conll;

/// A training run's inputs and settings.
#[derive(Clone, Debug)]
#[deprecated(since = "0.1.1", note = "read the files and use `Trainer`")]
pub struct TrainOptions {
    /// CoNLL-2003 training file (tag in the last column).
    pub train: PathBuf,
    /// CoNLL-2003 development file, for reporting (and choosing settings by hand).
    pub dev: PathBuf,
    /// The `lexical` data folder (GeoNames, census names, Reuters-21578 text).
    pub lexical: PathBuf,
    /// Where to cache the induced word clusters (`word<TAB>bits` lines); reused when present.
    pub clusters_cache: Option<PathBuf>,
    /// Training passes of each stage.
    pub epochs: usize,
    /// Folds for the stage-1 predictions the stage-2 model trains on.
    pub folds: usize,
    /// Features seen fewer times in training are dropped.
    pub min_count: u32,
    /// Perceptrons (differently shuffled) averaged into each stage's model.
    pub ensemble: usize,
    /// Feature rows whose largest weight is below this fraction of the largest weight of
    /// their stage are dropped from the model (smaller and faster).
    pub prune: f32,
}

fn err(msg: String) -> crate::Error {
    crate::Error::new(crate::ErrorKind::Model(msg))
}

fn read_text(path: &Path) -> crate::Result<String> {
    std::fs::read_to_string(path).map_err(|e| err(format!("cannot read {}: {e}", path.display())))
}

/// The name file of the `lexical` folder holding the unlabeled text (gzip-compressed, one
/// sentence per line) the word clusters are induced from.
const UNLABELED: &str = "reuters21578.txt.gz";

/// Trains a model; returns the model file's bytes (compressed, as committed in the crate)
/// and a report.
///
/// # Errors
/// When an input file cannot be read.
#[deprecated(since = "0.1.1", note = "read the files and use `Trainer`")]
#[allow(deprecated)]
pub fn train(opts: &TrainOptions, log: Log<'_>) -> crate::Result<(Vec<u8>, String)> {
    let train_text = read_text(&opts.train)?;
    let dev_text = read_text(&opts.dev)?;
    let train_docs = conll::documents(&train_text);
    let dev_docs = conll::documents(&dev_text);
    let mut texts: [String; 7] = Default::default();
    for (text, file) in texts.iter_mut().zip(LexicalLists::FILES) {
        *text = read_text(&opts.lexical.join(file))?;
    }
    let lists = LexicalLists::from_texts(texts);
    let trainer = Trainer::new()
        .epochs(opts.epochs)
        .folds(opts.folds)
        .min_count(opts.min_count)
        .ensemble(opts.ensemble)
        .prune(opts.prune);
    let clusters = match &opts.clusters_cache {
        Some(p) if p.exists() => {
            log(&format!("clusters: reusing {}", p.display()));
            read_text(p)?
        }
        cache => {
            let path = opts.lexical.join(UNLABELED);
            let raw = std::fs::read(&path)
                .map_err(|e| err(format!("cannot read {}: {e}", path.display())))?;
            let mut unlabeled = String::new();
            flate2::read::MultiGzDecoder::new(raw.as_slice())
                .read_to_string(&mut unlabeled)
                .map_err(|e| err(format!("cannot gunzip {}: {e}", path.display())))?;
            let text = trainer.clusters(&unlabeled, &train_docs, log);
            if let Some(p) = cache {
                std::fs::write(p, &text)
                    .map_err(|e| err(format!("cannot write {}: {e}", p.display())))?;
            }
            text
        }
    };
    Ok(trainer.train(&train_docs, &dev_docs, &lists, &clusters, log))
}

#[cfg(test)]
mod tests {
    #![allow(deprecated)]
    use std::io::Write;

    use super::*;

    /// The file-reading entry point gives the bytes the Trainer gives over the same data.
    #[test]
    fn train_reads_the_files_a_trainer_takes() {
        let dir =
            std::env::temp_dir().join(format!("article-entities-train-{}", std::process::id()));
        let lexical = dir.join("lexical");
        let lists = [
            "iso\tiso3\tname\tascii\nFR\tFRA\tFrance\tFrance\n",
            "id\tname\tascii\tcountry\tadmin\tpopulation\n1\tParis\tParis\tFR\t11\t2100000\n",
            "id\tlang\tname\n1\tde\tParis\n",
            "code\tname\nTX\tTexas\n",
            "code\tname\nEU\tEurope\n",
            "name\tsex\tcount\nMARIA\tF\t30000\n",
            "name\trank\tcount\nSMITH\t1\t2400000\n",
        ];
        for (file, text) in LexicalLists::FILES.iter().zip(lists) {
            let path = lexical.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let unlabeled = "John Smith went to Paris .\nMaria went to Berlin .\n".repeat(10);
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(unlabeled.as_bytes()).unwrap();
        std::fs::write(lexical.join(UNLABELED), gz.finish().unwrap()).unwrap();
        let conll_text =
            "-DOCSTART- O\n\nMaria B-PER\nSmith I-PER\nvisited O\nParis B-LOC\n. O\n\n";
        std::fs::write(dir.join("train.conll"), conll_text).unwrap();
        let opts = TrainOptions {
            train: dir.join("train.conll"),
            dev: dir.join("train.conll"),
            lexical,
            clusters_cache: None,
            epochs: 2,
            folds: 2,
            min_count: 1,
            ensemble: 1,
            prune: 0.0,
        };
        let (bytes, report) = train(&opts, &mut |_| {}).unwrap();
        let docs = conll::documents(conll_text);
        let trainer = Trainer::new()
            .epochs(2)
            .folds(2)
            .min_count(1)
            .ensemble(1)
            .prune(0.0);
        let clusters = trainer.clusters(&unlabeled, &docs, &mut |_| {});
        let lists = LexicalLists::from_texts(lists.map(String::from));
        assert_eq!(
            (bytes, report),
            trainer.train(&docs, &docs, &lists, &clusters, &mut |_| {})
        );
        let missing = TrainOptions {
            train: dir.join("absent.conll"),
            ..opts
        };
        assert!(train(&missing, &mut |_| {}).is_err());
        let _ = std::fs::remove_dir_all(dir);
    }
}

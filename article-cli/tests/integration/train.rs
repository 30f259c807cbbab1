//! `article train-ner` (feature `train`) on a tiny corpus of our own: it writes a model
//! that `article ner --model` loads, the same bytes on every run, and it requires every
//! input and the output path.

use std::io::Write;
use std::path::Path;

use crate::{run, scratch};

const TRAIN: &str = "-DOCSTART- O\n\n\
    Maria B-PER\nLopez I-PER\nvisited O\nParis B-LOC\n. O\n\n\
    Acme B-ORG\nCorp I-ORG\nhired O\nJohn B-PER\nSmith I-PER\n. O\n\n\
    -DOCSTART- O\n\n\
    John B-PER\nflew O\nto O\nBerlin B-LOC\n. O\n\n";
const DEV: &str = "-DOCSTART- O\n\nMaria B-PER\nflew O\nto O\nParis B-LOC\n. O\n\n";

/// The `lexical` folder: one row of each list, and a little unlabeled text.
fn write_lexical(dir: &Path) {
    let lists = [
        (
            "geonames/countries.tsv",
            "iso\tiso3\tname\tascii\nFR\tFRA\tFrance\tFrance\n",
        ),
        (
            "geonames/cities15000.tsv",
            "id\tname\tascii\tcountry\tadmin\tpopulation\n1\tParis\tParis\tFR\t11\t2100000\n",
        ),
        (
            "geonames/cities-alternates.tsv",
            "id\tlang\tname\n1\tde\tParis\n",
        ),
        ("geonames/us-states.tsv", "code\tname\nTX\tTexas\n"),
        ("geonames/continents.tsv", "code\tname\nEU\tEurope\n"),
        (
            "census-2020/first-names.tsv",
            "name\tsex\tcount\nMARIA\tF\t30000\n",
        ),
        (
            "census-2010/surnames.tsv",
            "name\trank\tcount\nSMITH\t1\t2400000\n",
        ),
    ];
    for (file, text) in lists {
        let path = dir.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let unlabeled = "John Smith went to Paris .\nMaria Lopez went to Berlin .\n".repeat(20);
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(unlabeled.as_bytes()).unwrap();
    std::fs::write(dir.join("reuters21578.txt.gz"), gz.finish().unwrap()).unwrap();
}

#[test]
fn train_ner_writes_a_model_that_ner_loads() {
    let dir = scratch("train-ner");
    write_lexical(&dir.join("lexical"));
    std::fs::write(dir.join("train.conll"), TRAIN).unwrap();
    std::fs::write(dir.join("dev.conll"), DEV).unwrap();
    let path = |name: &str| dir.join(name).to_str().unwrap().to_owned();
    let train = |out: &str, cache: &str| {
        let args = [
            "train-ner",
            "--train",
            &path("train.conll"),
            "--dev",
            &path("dev.conll"),
            "--lexical",
            &path("lexical"),
            "--clusters-cache",
            &path(cache),
            "--epochs",
            "2",
            "--folds",
            "2",
            "--min-count",
            "1",
            "-o",
            &path(out),
        ];
        let output = run(&args, None);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        std::fs::read(dir.join(out)).unwrap()
    };
    let first = train("a.model.lz4", "clusters.tsv");
    assert!(
        dir.join("clusters.tsv").exists(),
        "the cluster cache is written"
    );
    assert_eq!(
        first,
        train("b.model.lz4", "clusters.tsv"),
        "cache reused, same model"
    );
    assert_eq!(
        first,
        train("c.model.lz4", "fresh.tsv"),
        "clusters induced again, same model"
    );
    let output = run(
        &[
            "ner",
            "--model",
            &path("a.model.lz4"),
            "--conll",
            &path("dev.conll"),
        ],
        None,
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let tagged = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        tagged.lines().filter(|l| l.contains(' ')).count(),
        6,
        "{tagged}"
    );
}

#[test]
fn train_ner_requires_its_inputs_and_output() {
    let output = run(
        &[
            "train-ner",
            "--train",
            "t.conll",
            "--dev",
            "d.conll",
            "--lexical",
            "lex",
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--output"), "{stderr}");
    let output = run(&["train-ner", "-o", "m.lz4"], None);
    assert_eq!(output.status.code(), Some(2));
    // a missing input file is an I/O failure, as in every subcommand (issue 16): exit 1
    let missing = "/nonexistent/article-cli/train.conll";
    let out = std::env::temp_dir().join("article-cli-train-missing.lz4");
    let output = run(
        &[
            "train-ner",
            "--train",
            missing,
            "--dev",
            missing,
            "--lexical",
            "/nonexistent",
            "-o",
            out.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains(missing));
    assert!(!out.exists());
}

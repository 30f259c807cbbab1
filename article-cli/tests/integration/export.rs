//! `article extract --to FORMAT`: every format from the binary, brat into a directory,
//! CSV per entity, and records written as they are ready.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use article_model::Article;

use crate::{examples, run, scratch};

fn ok(out: &std::process::Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn every_stream_format_from_the_binary() {
    let dir = examples();
    let dir = dir.to_str().unwrap();

    let csv = ok(&run(&["extract", "--to", "csv", dir], None));
    let rows: Vec<csv::StringRecord> = csv::Reader::from_reader(csv.as_bytes())
        .records()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(rows.len(), 6);
    assert!(rows.iter().any(|r| r[6].contains("Port Alder")));

    let entities = ok(&run(
        &["extract", "--to", "csv", "--csv-entities", dir],
        None,
    ));
    assert!(
        entities.starts_with("article,source,text,label,start,end,cluster\r\n"),
        "{entities}"
    );

    let tei = ok(&run(&["extract", "--to", "tei", dir], None));
    let doc = roxmltree::Document::parse(&tei).unwrap();
    assert_eq!(doc.root_element().tag_name().name(), "teiCorpus");

    let conll = ok(&run(&["extract", "--to", "conll", dir], None));
    assert_eq!(conll.matches("-DOCSTART- O\n\n").count(), 6);
    for line in conll.lines().filter(|l| !l.is_empty()) {
        assert_eq!(line.split_whitespace().count(), 2, "{line:?}");
    }

    let page = examples().join("harbour-strike.html");
    let md = ok(&run(
        &["extract", "--to", "markdown", page.to_str().unwrap()],
        None,
    ));
    let json = ok(&run(&["extract", page.to_str().unwrap()], None));
    let article = Article::from_json(&json).unwrap();
    assert_eq!(
        md.starts_with("# "),
        article.metadata.title.is_some(),
        "{md}"
    );
    assert!(md.contains("Dock workers at Port Alder voted"), "{md}");
}

#[test]
fn brat_writes_a_directory() {
    let out_dir = scratch("brat");
    let target = out_dir.join("ann");
    let dir = examples();
    let out = run(
        &[
            "extract",
            "--to",
            "brat",
            "-o",
            target.to_str().unwrap(),
            dir.to_str().unwrap(),
        ],
        None,
    );
    ok(&out);
    let mut names: Vec<String> = fs::read_dir(&target)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    // <page>.txt + <page>.ann (issue 16): the name is the input's without its page
    // extension; the .txt page of the same name gets -2; index.jsonl says which is which
    assert_eq!(names.len(), 14, "{names:?}");
    assert!(names.contains(&"annotation.conf".to_owned()));
    assert!(names.contains(&"index.jsonl".to_owned()));
    assert!(
        names.contains(&"harbour-strike.txt".to_owned()),
        "{names:?}"
    );
    assert!(
        names.contains(&"harbour-strike-2.ann".to_owned()),
        "{names:?}"
    );
    let index = fs::read_to_string(target.join("index.jsonl")).unwrap();
    assert!(
        index.contains(r#""name":"harbour-strike-2","files":["harbour-strike-2.txt","harbour-strike-2.ann"],"source":""#),
        "{index}"
    );
    fs::remove_dir_all(&out_dir).unwrap();
}

#[test]
fn csv_entities_needs_csv() {
    let page = examples().join("harbour-strike.html");
    let out = run(&["extract", "--csv-entities", page.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
}

/// Records come out as they are ready: with stdin as the last input, held open, the
/// records of the inputs before it are readable before stdin is closed.
#[test]
fn jsonl_records_before_an_open_stdin_are_written_before_it_closes() {
    for jobs in ["1", "2"] {
        let a = examples().join("harbour-strike.txt");
        let b = examples().join("river-festival.txt");
        let mut child = Command::new(env!("CARGO_BIN_EXE_article"))
            .args([
                "extract",
                "-j",
                jobs,
                "--to",
                "jsonl",
                a.to_str().unwrap(),
                b.to_str().unwrap(),
                "-",
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                if tx.send(line.unwrap()).is_err() {
                    break;
                }
            }
        });
        // A liveness bound, not a timing assertion: the records must come at all
        // while the last input is still open.
        let first = rx.recv_timeout(Duration::from_secs(120)).unwrap();
        let second = rx.recv_timeout(Duration::from_secs(120)).unwrap();
        assert!(
            Article::from_json(&first)
                .unwrap()
                .body()
                .contains("Port Alder")
        );
        assert!(Article::from_json(&second).is_ok());
        let mut stdin = child.stdin.take().unwrap();
        stdin
            .write_all(&fs::read(examples().join("library-fire.txt")).unwrap())
            .unwrap();
        drop(stdin);
        let status = child.wait().unwrap();
        reader.join().unwrap();
        assert!(status.success(), "-j {jobs}");
        let third = rx.recv().unwrap();
        assert_eq!(
            Article::from_json(&third).unwrap().source.as_deref(),
            Some("-")
        );
    }
}

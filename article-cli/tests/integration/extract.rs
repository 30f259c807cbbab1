use std::fs;
use std::io::Write;

use article_model::Article;

use crate::{examples, run, scratch};

fn stdout_str(out: &std::process::Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn one_html_page_gives_one_json_article() {
    let page = examples().join("harbour-strike.html");
    let out = run(&["extract", page.to_str().unwrap()], None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let article: Article = serde_json::from_slice(&out.stdout).unwrap();
    assert!(article.body().contains("Dock workers at Port Alder voted"));
    assert_eq!(article.source.as_deref(), page.to_str());
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in [
        "schema",
        "source",
        "title",
        "authors",
        "published",
        "language",
        "dateline",
        "captions",
        "body",
        "paragraphs",
        "removed",
        "entities",
        "quotes",
        "dates",
    ] {
        assert!(value.get(key).is_some(), "record lacks {key}");
    }
    assert_eq!(value["schema"], "article/1");
}

#[test]
fn directory_input_reads_gzip_pages_and_names_the_binary_file_it_skips() {
    let dir = scratch("mixed");
    fs::copy(
        examples().join("river-festival.txt"),
        dir.join("a-page.txt"),
    )
    .unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&fs::read(examples().join("harbour-strike.html")).unwrap())
        .unwrap();
    fs::write(dir.join("b-page.html.gz"), gz.finish().unwrap()).unwrap();
    let binary: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
    // named .html: the walk takes page extensions only (issue 16)
    fs::write(dir.join("c-binary.html"), &binary).unwrap();
    fs::write(dir.join("d-notes.bin"), &binary).unwrap();

    let out = run(&["extract", "-j", "2", dir.to_str().unwrap()], None);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("c-binary.html"), "{stderr}");
    assert!(!stderr.contains("d-notes.bin"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let stdout = stdout_str(&out);
    let records: Vec<Article> = stdout
        .lines()
        .map(|l| Article::from_json(l).unwrap())
        .collect();
    assert_eq!(records.len(), 2);
    assert!(
        records[0]
            .source
            .as_deref()
            .unwrap()
            .ends_with("a-page.txt")
    );
    assert!(records[1].body().contains("Port Alder"));
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn stdin_and_output_file() {
    let dir = scratch("stdin");
    let target = dir.join("out.json");
    let page = fs::read(examples().join("library-fire.txt")).unwrap();
    let out = run(
        &[
            "extract",
            "--from",
            "text",
            "-o",
            target.to_str().unwrap(),
            "-",
        ],
        Some(&page),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty());
    let article = Article::from_json(&fs::read_to_string(&target).unwrap()).unwrap();
    assert_eq!(article.source.as_deref(), Some("-"));
    assert!(article.body().contains("Victorian reading room"));
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn output_order_and_content_do_not_depend_on_jobs() {
    let dir = examples();
    let one = run(
        &["extract", "--to", "jsonl", "-j", "1", dir.to_str().unwrap()],
        None,
    );
    let two = run(
        &["extract", "--to", "jsonl", "-j", "2", dir.to_str().unwrap()],
        None,
    );
    assert_eq!(one.status.code(), Some(0));
    assert_eq!(one.stdout, two.stdout);
    assert_eq!(stdout_str(&one).lines().count(), 6);
}

#[test]
fn text_output_is_the_body() {
    let page = examples().join("river-festival.html");
    let out = run(&["extract", "--to", "text", page.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout_str(&out);
    assert!(text.contains("lantern festival returned"));
    assert!(!text.contains("<p>"));
}

#[test]
fn usage_errors_exit_2() {
    let cases: &[&[&str]] = &[
        &["extract", "--to", "nonsense", "x"],
        &["extract", "--from", "pdf", "x"],
        &["extract", "-j", "0", "x"],
        &["extract", "--to", "brat", "x"],
        &["extract", "-", "-"],
        &["frobnicate"],
    ];
    for args in cases {
        let out = run(args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn missing_file_is_named_and_others_still_written() {
    let page = examples().join("harbour-strike.txt");
    let out = run(
        &["extract", "/nonexistent/page.html", page.to_str().unwrap()],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("/nonexistent/page.html"), "{stderr}");
    assert_eq!(stdout_str(&out).lines().count(), 1);
}

#[test]
fn broken_pipe_is_not_an_error() {
    use std::process::{Command, Stdio};
    let dir = examples();
    let mut child = Command::new(env!("CARGO_BIN_EXE_article"))
        .args([
            "extract",
            "--to",
            "jsonl",
            dir.to_str().unwrap(),
            dir.to_str().unwrap(),
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader goes away at once
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
}

#[test]
fn anchor_date_gives_relative_dates_a_value() {
    let page = "“We agreed,” the ministry said on Thursday.\n";
    let out = run(
        &[
            "extract",
            "--from",
            "text",
            "--anchor-date",
            "2020-07-16",
            "-",
        ],
        Some(page.as_bytes()),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let article = Article::from_json(&stdout_str(&out)).unwrap();
    let thursday = article
        .dates()
        .iter()
        .find(|d| d.text == "Thursday")
        .unwrap();
    assert_eq!(thursday.value.as_deref(), Some("2020-07-16"));
    assert_eq!(article.quotes()[0].speaker.as_deref(), Some("the ministry"));

    let out = run(&["extract", "--from", "text", "-"], Some(page.as_bytes()));
    let article = Article::from_json(&stdout_str(&out)).unwrap();
    assert_eq!(article.dates()[0].value, None);

    let out = run(
        &["extract", "--anchor-date", "July 16", "-"],
        Some(page.as_bytes()),
    );
    assert_eq!(out.status.code(), Some(2));
}

/// The released binary does not carry the trainer: `train-ner` is not a subcommand.
#[cfg(not(feature = "train"))]
#[test]
fn train_ner_is_absent_without_the_train_feature() {
    let output = run(&["train-ner", "-o", "m.lz4"], None);
    assert_eq!(output.status.code(), Some(2));
}

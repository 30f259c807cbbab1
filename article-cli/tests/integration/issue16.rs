//! Issue 16: a command line that never loses a user's data or silently guesses wrong.
//! One test (or a few) per item of the issue, each named for it.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use article_model::Article;

use crate::{examples, run, run_in, scratch};

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn code(out: &std::process::Output) -> Option<i32> {
    out.status.code()
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The names in `dir`, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn copy_example(name: &str, to: &Path) -> PathBuf {
    fs::copy(examples().join(name), to).unwrap();
    to.to_path_buf()
}

// ---- item 1: the extension decides the input kind ---------------------------------------

#[test]
fn issue_16_item_1_txt_mentioning_tags_is_read_as_text() {
    let dir = scratch("i16-txt-tags");
    let page = dir.join("notes.txt");
    fs::write(
        &page,
        "Writing web pages by hand\n\n\
         The <head> element holds the metadata of a page, and every paragraph of the body \
         starts with <p> in the markup that the browser reads.\n\n\
         Most editors close the element with </p> for you, which keeps the page tidy.\n",
    )
    .unwrap();
    let out = run(&["extract", "--no-entities", s(&page)], None);
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    let article = Article::from_json(std::str::from_utf8(&out.stdout).unwrap()).unwrap();
    assert!(
        article
            .body()
            .contains("The <head> element holds the metadata"),
        "{}",
        article.body()
    );
    // the same bytes on stdin: sniffed, and two tags in prose are not markup
    let out = run(
        &["extract", "--no-entities", "-"],
        Some(&fs::read(&page).unwrap()),
    );
    let article = Article::from_json(std::str::from_utf8(&out.stdout).unwrap()).unwrap();
    assert!(
        article.body().contains("The <head> element"),
        "{}",
        article.body()
    );
}

#[test]
fn issue_16_item_1_html_starting_with_css_or_php_warnings_is_html() {
    let dir = scratch("i16-html-css");
    let css: String = (0..200)
        .map(|i| format!(".c{i} {{ color: #{i:03}; margin: 0 auto; }}\n"))
        .collect();
    let body = "<p>The harbour board approved the new ferry timetable on Monday after a \
                long debate about the winter crossings and their cost to the town.</p>\
                <p>Boats will leave every forty minutes from the first of May.</p>";
    let page = format!(
        "<style>\n{css}</style>\n<html><head><title>Ferry timetable approved</title></head>\
         <body><article>{body}</article></body></html>"
    );
    let path = dir.join("ferry.html");
    fs::write(&path, &page).unwrap();
    let out = run(&["extract", "--no-entities", s(&path)], None);
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    let article = Article::from_json(std::str::from_utf8(&out.stdout).unwrap()).unwrap();
    assert_eq!(
        article.metadata.title.as_deref(),
        Some("Ferry timetable approved")
    );
    assert!(!article.body().contains("margin"), "{}", article.body());

    // PHP warnings before the page, on stdin: sniffing sees the markup structure
    let warnings: String = (0..60)
        .map(|i| format!("Warning: Undefined variable $x{i} in /var/www/index.php on line {i}\n"))
        .collect();
    let piped = format!("{warnings}{page}");
    let out = run(&["extract", "--no-entities", "-"], Some(piped.as_bytes()));
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    let article = Article::from_json(std::str::from_utf8(&out.stdout).unwrap()).unwrap();
    assert_eq!(
        article.metadata.title.as_deref(),
        Some("Ferry timetable approved")
    );
}

#[test]
fn issue_16_item_1_warc_is_read_by_its_extension() {
    // refused until issue 15; now read as WARC, beside a page
    let dir = scratch("i16-warc");
    let warc = dir.join("crawl.warc.gz");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(
        &mut gz,
        b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n\r\n\r\n",
    )
    .unwrap();
    fs::write(&warc, gz.finish().unwrap()).unwrap();
    let page = examples().join("harbour-strike.txt");
    let out = run(&["extract", s(&warc), s(&page)], None);
    let err = stderr(&out);
    assert_eq!(code(&out), Some(0), "{err}");
    assert!(
        err.contains("1 record in 1 file: 0 HTML responses, 1 skipped (1 warcinfo)"),
        "{err}"
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);

    // a page is no WARC: a broken record, named
    let out = run(&["extract", "--from", "warc", s(&page)], None);
    assert_eq!(code(&out), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("invalid WARC header"),
        "{}",
        stderr(&out)
    );
}

// ---- item 2: the directory walk takes pages only ----------------------------------------

fn mixed_folder(name: &str) -> PathBuf {
    let dir = scratch(name);
    copy_example("harbour-strike.html", &dir.join("a.html"));
    copy_example("river-festival.txt", &dir.join("b.txt"));
    fs::write(
        dir.join("c.json"),
        "{\"title\": \"not a page\", \"body\": \"words\"}\n",
    )
    .unwrap();
    fs::write(
        dir.join("d.md"),
        "# Notes\n\nSome notes about the pages in this folder.\n",
    )
    .unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(
        &mut gz,
        &fs::read(examples().join("library-fire.html")).unwrap(),
    )
    .unwrap();
    fs::write(dir.join("e.htm.gz"), gz.finish().unwrap()).unwrap();
    copy_example("library-fire.txt", &dir.join(".hidden.txt"));
    fs::create_dir_all(dir.join("sub")).unwrap();
    copy_example("river-festival.html", &dir.join("sub/f.xhtml"));
    dir
}

fn sources(stdout: &[u8]) -> Vec<String> {
    std::str::from_utf8(stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let a = Article::from_json(l).unwrap();
            let src = a.source.unwrap();
            src.rsplit('/').next().unwrap().to_owned()
        })
        .collect()
}

#[test]
fn issue_16_item_2_walk_takes_page_extensions_only() {
    let dir = mixed_folder("i16-walk");
    let out = run(&["extract", "--no-entities", s(&dir)], None);
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    assert_eq!(
        sources(&out.stdout),
        ["a.html", "b.txt", "e.htm.gz", "f.xhtml"]
    );

    let out = run(
        &["extract", "--no-entities", "--exclude", "*.txt", s(&dir)],
        None,
    );
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    assert_eq!(sources(&out.stdout), ["a.html", "e.htm.gz", "f.xhtml"]);

    let out = run(
        &[
            "extract",
            "--no-entities",
            "--include",
            "*.md",
            "--include",
            "sub/*",
            s(&dir),
        ],
        None,
    );
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    assert_eq!(sources(&out.stdout), ["d.md", "f.xhtml"]);
}

#[test]
fn issue_16_item_2_walk_skips_the_output_file() {
    let dir = mixed_folder("i16-walk-out");
    let target = dir.join("all.txt");
    for _ in 0..2 {
        let out = run(
            &[
                "extract",
                "--no-entities",
                "--to",
                "text",
                "-o",
                s(&target),
                s(&dir),
            ],
            None,
        );
        assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    }
    let text = fs::read_to_string(&target).unwrap();
    assert_eq!(text.matches('\x0c').count(), 3, "{text}");
}

// ---- item 3: never lose data ------------------------------------------------------------

#[test]
fn issue_16_item_3_output_that_is_an_input_is_refused() {
    let dir = scratch("i16-out-in");
    let page = copy_example("harbour-strike.html", &dir.join("page.html"));
    let before = fs::read(&page).unwrap();
    std::os::unix::fs::symlink(&page, dir.join("link.html")).unwrap();
    fs::hard_link(&page, dir.join("hard.html")).unwrap();
    let dotted = format!("{}/./page.html", dir.display());
    for target in [
        s(&page),
        s(&dir.join("link.html")),
        s(&dir.join("hard.html")),
        &dotted,
    ] {
        let out = run(&["extract", s(&page), "-o", target], None);
        let err = stderr(&out);
        assert_eq!(code(&out), Some(2), "{target}: {err}");
        assert!(err.contains("is also an input"), "{err}");
        assert_eq!(fs::read(&page).unwrap(), before, "{target}");
    }
    // relative to the working directory
    let out = run_in(&dir, &["extract", "page.html", "-o", "./page.html"], None);
    assert_eq!(code(&out), Some(2), "{}", stderr(&out));
    assert_eq!(fs::read(&page).unwrap(), before);
    assert_eq!(listing(&dir), ["hard.html", "link.html", "page.html"]);
}

#[test]
fn issue_16_item_3_a_failed_run_keeps_the_previous_output() {
    let dir = scratch("i16-keep");
    let target = dir.join("out.json");
    let page = examples().join("harbour-strike.html");
    let out = run(&["extract", s(&page), "-o", s(&target)], None);
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    let good = fs::read(&target).unwrap();
    // only input is binary: the run fails; the good file must stay as it was
    let binary: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
    let bad = dir.join("bad.html");
    fs::write(&bad, &binary).unwrap();
    let out = run(&["extract", s(&bad), "-o", s(&target)], None);
    let err = stderr(&out);
    assert_eq!(code(&out), Some(1), "{err}");
    assert!(err.contains("bad.html"), "{err}");
    assert!(err.contains("out.json"), "{err}");
    assert_eq!(fs::read(&target).unwrap(), good);
    assert_eq!(listing(&dir), ["bad.html", "out.json"]);
}

// ---- item 4: no inputs found ------------------------------------------------------------

#[test]
fn issue_16_item_4_no_inputs_found_exits_1() {
    let empty = scratch("i16-empty");
    let out = run(&["extract", s(&empty)], None);
    assert_eq!(code(&out), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("no inputs found"), "{}", stderr(&out));
    assert!(out.stdout.is_empty());

    let links = scratch("i16-links");
    std::os::unix::fs::symlink(examples(), links.join("examples")).unwrap();
    fs::write(links.join("readme.md"), "not a page").unwrap();
    let out = run(&["extract", s(&links)], None);
    assert_eq!(code(&out), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("no inputs found"), "{}", stderr(&out));
}

// ---- item 5: one JSON array; the default format follows the command line ----------------

#[test]
fn issue_16_item_5_json_of_several_inputs_is_one_array() {
    let a = examples().join("harbour-strike.html");
    let b = examples().join("river-festival.txt");
    let out = run(&["extract", "--to", "json", s(&a), s(&b)], None);
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let records = value.as_array().unwrap();
    assert_eq!(records.len(), 2);
    // each element is the record a single run gives
    let single = run(&["extract", s(&a)], None);
    let one: serde_json::Value = serde_json::from_slice(&single.stdout).unwrap();
    assert_eq!(records[0], one);
    let out = run(&["extract", "--to", "JSON", s(&examples())], None);
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value.as_array().unwrap().len(), 6);
}

#[test]
fn issue_16_item_5_a_directory_defaults_to_jsonl_whatever_it_holds() {
    let dir = scratch("i16-one-file-dir");
    copy_example("harbour-strike.html", &dir.join("only.html"));
    let out = run(&["extract", "--no-entities", s(&dir)], None);
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(Article::from_json(text.trim_end()).is_ok());
}

// ---- item 6: separators, compression, --output-dir --------------------------------------

#[test]
fn issue_16_item_6_text_articles_are_separated_by_a_form_feed_line() {
    let a = examples().join("harbour-strike.html");
    let b = examples().join("river-festival.html");
    let both = run(&["extract", "--to", "text", s(&a), s(&b)], None);
    assert_eq!(code(&both), Some(0), "{}", stderr(&both));
    let one = run(&["extract", "--to", "text", s(&a)], None);
    let two = run(&["extract", "--to", "text", s(&b)], None);
    let mut want = one.stdout.clone();
    want.extend_from_slice(b"\x0c\n");
    want.extend_from_slice(&two.stdout);
    assert_eq!(
        String::from_utf8(both.stdout).unwrap(),
        String::from_utf8(want).unwrap()
    );
}

#[test]
fn issue_16_item_6_gz_output_is_compressed() {
    let dir = scratch("i16-gz");
    let target = dir.join("out.jsonl.gz");
    let pages = examples();
    let out = run(
        &["extract", "--no-entities", s(&pages), "-o", s(&target)],
        None,
    );
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    let raw = fs::read(&target).unwrap();
    assert!(raw.starts_with(&[0x1f, 0x8b]), "not gzip");
    let mut text = String::new();
    flate2::read::MultiGzDecoder::new(raw.as_slice())
        .read_to_string(&mut text)
        .unwrap();
    let plain = run(&["extract", "--no-entities", s(&pages)], None);
    assert_eq!(text.as_bytes(), plain.stdout.as_slice());
}

#[test]
fn issue_16_item_6_output_dir_writes_one_file_per_input_and_an_index() {
    let dir = scratch("i16-outdir");
    let target = dir.join("out");
    let pages = examples();
    let out = run(
        &[
            "extract",
            "--no-entities",
            "--to",
            "markdown",
            "--output-dir",
            s(&target),
            s(&pages),
        ],
        None,
    );
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let names = listing(&target);
    assert_eq!(names.len(), 7, "{names:?}");
    assert!(names.contains(&"index.jsonl".to_owned()), "{names:?}");
    let index = fs::read_to_string(target.join("index.jsonl")).unwrap();
    let mut seen = 0;
    for line in index.lines() {
        let entry: serde_json::Value = serde_json::from_str(line).unwrap();
        let file = entry["files"][0].as_str().unwrap();
        let source = entry["source"].as_str().unwrap();
        assert!(file.ends_with(".md"), "{line}");
        let single = run(
            &["extract", "--no-entities", "--to", "markdown", source],
            None,
        );
        assert_eq!(
            fs::read(target.join(file)).unwrap(),
            single.stdout,
            "{line}"
        );
        seen += 1;
    }
    assert_eq!(seen, 6);
}

// ---- item 7 (threads): -j far above the cores is capped -------------------------------

#[test]
fn issue_16_item_7_jobs_far_above_the_cores_are_capped() {
    let page = examples().join("harbour-strike.txt");
    let out = run(&["extract", "--no-entities", "-j", "10000", s(&page)], None);
    let err = stderr(&out);
    assert_eq!(code(&out), Some(0), "{err}");
    assert!(err.contains("capped"), "{err}");
    let single = run(&["extract", "--no-entities", s(&page)], None);
    assert_eq!(out.stdout, single.stdout);
}

// ---- item 8: a time budget per input --------------------------------------------------

#[test]
fn issue_16_item_8_an_input_over_the_time_budget_fails_and_the_rest_go_on() {
    use std::process::{Command, Stdio};
    // stdin held open stands for a page that never finishes: the budget covers reading
    let page = examples().join("harbour-strike.txt");
    for jobs in ["1", "2"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_article"))
            .args(["extract", "--no-entities", "--to", "jsonl", "-j", jobs])
            .args(["--timeout-ms", "3000", "-", s(&page)])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap(); // kept open until the run is over
        let out = child.wait_with_output().unwrap();
        drop(stdin);
        let err = stderr(&out);
        assert_eq!(code(&out), Some(1), "-j {jobs}: {err}");
        assert!(
            err.contains("article: -: ") && err.contains("time budget"),
            "{err}"
        );
        let text = String::from_utf8(out.stdout).unwrap();
        assert_eq!(text.lines().count(), 1, "{text}");
        assert!(
            Article::from_json(text.trim_end())
                .unwrap()
                .body()
                .contains("Port Alder")
        );
    }
}

// ---- item 9: brat -----------------------------------------------------------------------

#[test]
fn issue_16_item_9_brat_refuses_utf16_offsets() {
    let dir = scratch("i16-brat-utf16");
    let page = examples().join("harbour-strike.html");
    let out = run(
        &[
            "extract",
            "--to",
            "brat",
            "--offsets",
            "utf16",
            "-o",
            s(&dir.join("b")),
            s(&page),
        ],
        None,
    );
    assert_eq!(code(&out), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("utf16"), "{}", stderr(&out));
    assert!(!dir.join("b").exists());
}

#[test]
fn issue_16_item_9_brat_spans_over_a_line_break_are_fragments() {
    let dir = scratch("i16-brat-frag");
    let page = dir.join("quote.html");
    fs::write(
        &page,
        "<html><body><article><p>“We ordered the steel<br>in March and it comes soon,” said \
         Mayor Anna Berg of Lund on Tuesday.</p><p>Second paragraph here about the bridge \
         and more text to be an article.</p></article></body></html>",
    )
    .unwrap();
    let target = dir.join("ann");
    let out = run(
        &["extract", "--to", "brat", "-o", s(&target), s(&page)],
        None,
    );
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    assert_eq!(
        listing(&target),
        ["annotation.conf", "index.jsonl", "quote.ann", "quote.txt"]
    );
    let text = fs::read_to_string(target.join("quote.txt")).unwrap();
    let chars: Vec<char> = text.chars().collect();
    let ann = fs::read_to_string(target.join("quote.ann")).unwrap();
    let mut quotes = 0;
    for line in ann.lines().filter(|l| l.starts_with('T')) {
        let mut cols = line.split('\t');
        let (_, spec, shown) = (cols.next(), cols.next().unwrap(), cols.next().unwrap());
        let (kind, ranges) = spec.split_once(' ').unwrap();
        let mut parts = Vec::new();
        for range in ranges.split(';') {
            let (a, b) = range.split_once(' ').unwrap();
            let (a, b): (usize, usize) = (a.parse().unwrap(), b.parse().unwrap());
            let part: String = chars[a..b].iter().collect();
            assert!(!part.contains(['\n', '\t', '\r']), "{line}");
            parts.push(part);
        }
        // brat's own check: the shown text is the fragments joined by a space
        assert_eq!(parts.join(" "), shown, "{line}");
        if kind == "Quotation" {
            quotes += 1;
            assert_eq!(parts.len(), 2, "{line}");
        }
    }
    assert_eq!(quotes, 1, "{ann}");
}

// ---- item 10: small ones ----------------------------------------------------------------

#[test]
fn issue_16_item_10_ner_reads_stdin() {
    let out = run(
        &["ner", "--conll", "-"],
        Some(b"-DOCSTART-\n\nAnna\nBerg\nvisited\nLund\n.\n"),
    );
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Anna B-PER\n"), "{text}");
}

#[test]
fn issue_16_item_10_missing_file_exits_1_in_every_subcommand() {
    let missing = "/nonexistent/article-cli/x.conll";
    for args in [
        vec!["extract", missing],
        vec!["ner", "--conll", missing],
        vec!["ner", "--conll", "-", "--model", missing],
    ] {
        let out = run(&args, Some(b"Anna\n"));
        let err = stderr(&out);
        assert_eq!(code(&out), Some(1), "{args:?}: {err}");
        assert!(err.contains(missing), "{args:?}: {err}");
    }
}

#[test]
fn issue_16_item_10_ner_warns_on_plain_text_columns() {
    let out = run(
        &["ner", "--conll", "-"],
        Some(b"Anna Berg visited Lund on Tuesday .\nThe mayor said so .\n"),
    );
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("warning"), "{err}");
    assert!(err.contains("column"), "{err}");
    // a real CoNLL file with four columns: no warning
    let out = run(
        &["ner", "--conll", "-"],
        Some(b"Anna NNP B-NP B-PER\nBerg NNP I-NP I-PER\nleft VBD B-VP O\n"),
    );
    assert_eq!(code(&out), Some(0));
    assert!(!stderr(&out).contains("warning"), "{}", stderr(&out));
}

#[test]
fn issue_16_item_10_no_entities_conll_warns() {
    let page = examples().join("harbour-strike.txt");
    let out = run(
        &["extract", "--no-entities", "--to", "conll", s(&page)],
        None,
    );
    assert_eq!(code(&out), Some(0));
    let err = stderr(&out);
    assert!(err.contains("warning") && err.contains(" O"), "{err}");
}

#[test]
fn issue_16_item_10_format_names_ignore_case() {
    let page = examples().join("harbour-strike.html");
    let out = run(
        &["extract", "--from", "HTML", "--to", "Markdown", s(&page)],
        None,
    );
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    assert!(String::from_utf8(out.stdout).unwrap().starts_with("# "));
}

#[test]
fn issue_16_item_10_help_lists_formats_and_exit_codes() {
    let out = run(&["--help"], None);
    assert_eq!(code(&out), Some(0));
    let help = String::from_utf8(out.stdout).unwrap();
    for word in [
        "json", "jsonl", "text", "markdown", "csv", "conll", "brat", "tei",
    ] {
        assert!(help.contains(word), "{word}: {help}");
    }
    assert!(help.contains("Exit status"), "{help}");
    let out = run(&["extract", "--help"], None);
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(help.contains("Exit status"), "{help}");
    assert!(help.contains("--max-input-mb"), "{help}");
}

#[test]
fn issue_16_item_10_completions_and_man_page() {
    let out = run(&["completions", "bash"], None);
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    let bash = String::from_utf8(out.stdout).unwrap();
    assert!(
        bash.contains("article") && bash.contains("--output-dir"),
        "{bash}"
    );
    let out = run(&["completions", "zsh"], None);
    assert_eq!(code(&out), Some(0));
    let out = run(&["man"], None);
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    let man = String::from_utf8(out.stdout).unwrap();
    assert!(man.contains(".TH"), "{man}");
    assert!(man.contains("extract"), "{man}");
}

#[test]
fn issue_16_item_10_max_input_mb() {
    let dir = scratch("i16-max");
    let big = dir.join("big.txt");
    let para = "The council met again on Tuesday to discuss the harbour wall.\n\n";
    fs::write(&big, para.repeat(1_200_000 / para.len() + 1)).unwrap();
    let out = run(
        &["extract", "--no-entities", "--max-input-mb", "1", s(&big)],
        None,
    );
    let err = stderr(&out);
    assert_eq!(code(&out), Some(1), "{err}");
    assert!(err.contains("big.txt") && err.contains("limit"), "{err}");
    let out = run(
        &["extract", "--no-entities", "--max-input-mb", "2", s(&big)],
        None,
    );
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    let out = run(&["extract", "--max-input-mb", "0", s(&big)], None);
    assert_eq!(code(&out), Some(2));
}

// ---- item 11: the README's JSON example is real output ----------------------------------

/// `want` (from the README) is an abbreviation of `got`: equal scalars, strings equal or
/// a prefix of `got` followed by `...`, arrays holding the first elements of `got`'s,
/// objects with the same keys.
fn abbreviates(want: &serde_json::Value, got: &serde_json::Value, path: &str) {
    use serde_json::Value;
    match (want, got) {
        (Value::String(w), Value::String(g)) => match w.strip_suffix("...") {
            Some(prefix) => assert!(g.starts_with(prefix), "{path}: {g:?} vs {w:?}"),
            None => assert_eq!(w, g, "{path}"),
        },
        (Value::Array(w), Value::Array(g)) => {
            assert!(
                w.len() <= g.len(),
                "{path}: more elements than the real output"
            );
            for (i, (w, g)) in w.iter().zip(g).enumerate() {
                abbreviates(w, g, &format!("{path}[{i}]"));
            }
        }
        (Value::Object(w), Value::Object(g)) => {
            let wk: Vec<_> = w.keys().collect();
            let gk: Vec<_> = g.keys().collect();
            assert_eq!(wk, gk, "{path}: keys");
            for (k, v) in w {
                abbreviates(v, &g[k], &format!("{path}.{k}"));
            }
        }
        _ => assert_eq!(want, got, "{path}"),
    }
}

#[test]
fn issue_16_item_11_readme_json_example_is_real_output() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let readme = fs::read_to_string(root.join("README.md")).unwrap();
    let start = readme.find("```json\n").unwrap() + "```json\n".len();
    let end = start + readme[start..].find("```").unwrap();
    let example: serde_json::Value = serde_json::from_str(&readme[start..end]).unwrap();
    let source = example["source"].as_str().unwrap();
    let out = run_in(&root, &["extract", source], None);
    assert_eq!(code(&out), Some(0), "{}", stderr(&out));
    let real: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    abbreviates(&example, &real, "");
    assert!(readme.contains("cargo install --path article-cli"));
    assert!(readme.contains("CC BY 4.0"));
}

//! An adversarial suite for the command line (issue 16, bar 2): name collisions, links,
//! permissions, unreadable files, a full disk, closed pipes, interrupted runs. Whatever
//! happens, no input is modified, no output is left half-written, and every failure is
//! named on stderr with the documented exit status (0 ok, 1 input/output failure, 2 usage).

use std::collections::BTreeMap;
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use crate::{examples, run, scratch};

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Every file below `dir` (symlinks not followed) with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let e = e.unwrap();
            let t = e.file_type().unwrap();
            if t.is_dir() {
                stack.push(e.path());
            } else if t.is_file() {
                out.insert(e.path(), fs::read(e.path()).unwrap_or_default());
            }
        }
    }
    out
}

fn is_root() -> bool {
    // the owner of a file we just made is us
    let dir = scratch("whoami");
    let f = dir.join("f");
    fs::write(&f, "x").unwrap();
    use std::os::unix::fs::MetadataExt;
    fs::metadata(&f).unwrap().uid() == 0
}

/// A folder of pages whose names collide once their extensions are dropped.
fn colliding_pages(name: &str) -> PathBuf {
    let dir = scratch(name);
    fs::create_dir_all(dir.join("a")).unwrap();
    fs::create_dir_all(dir.join("b")).unwrap();
    fs::copy(
        examples().join("harbour-strike.html"),
        dir.join("a/page.html"),
    )
    .unwrap();
    fs::copy(
        examples().join("river-festival.html"),
        dir.join("b/page.html"),
    )
    .unwrap();
    fs::copy(examples().join("library-fire.txt"), dir.join("page.txt")).unwrap();
    fs::copy(examples().join("harbour-strike.txt"), dir.join("Page.htm")).unwrap();
    fs::copy(examples().join("river-festival.txt"), dir.join("index.txt")).unwrap();
    dir
}

#[test]
fn collisions_of_names_in_an_output_dir_keep_every_document() {
    let pages = colliding_pages("adv-collide");
    let before = snapshot(&pages);
    let target = scratch("adv-collide-out");
    let out = run(
        &[
            "extract",
            "--no-entities",
            "--to",
            "text",
            "--output-dir",
            s(&target),
            s(&pages),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let index = fs::read_to_string(target.join("index.jsonl")).unwrap();
    let mut files = Vec::new();
    for line in index.lines() {
        let entry: serde_json::Value = serde_json::from_str(line).unwrap();
        let file = entry["files"][0].as_str().unwrap().to_owned();
        let source = entry["source"].as_str().unwrap();
        let single = run(&["extract", "--no-entities", "--to", "text", source], None);
        assert_eq!(
            fs::read(target.join(&file)).unwrap(),
            single.stdout,
            "{file}"
        );
        files.push(file);
    }
    files.sort();
    // five inputs, five distinct files, none of them the index; case-insensitive names
    assert_eq!(
        files,
        [
            "Page.txt",
            "index-2.txt",
            "page-2.txt",
            "page-3.txt",
            "page-4.txt"
        ],
        "{index}"
    );
    assert_eq!(snapshot(&pages), before, "an input was modified");
}

#[test]
fn an_output_dir_holding_the_inputs_never_overwrites_one() {
    let dir = scratch("adv-outdir-inputs");
    let page = dir.join("notes.txt");
    fs::copy(examples().join("library-fire.txt"), &page).unwrap();
    let other = dir.join("story.html");
    fs::copy(examples().join("harbour-strike.html"), &other).unwrap();
    let before = snapshot(&dir);
    // --to text names notes.txt's file notes.txt: that is the input itself
    let out = run(
        &[
            "extract",
            "--no-entities",
            "--to",
            "text",
            "--output-dir",
            s(&dir),
            s(&page),
            s(&other),
        ],
        None,
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("notes.txt") && err.contains("overwrite an input"),
        "{err}"
    );
    for (path, bytes) in &before {
        assert_eq!(
            &fs::read(path).unwrap(),
            bytes,
            "{} modified",
            path.display()
        );
    }
    assert!(dir.join("story.txt").exists());
}

#[test]
fn links_loops_and_dangling_links_in_a_walk() {
    let dir = scratch("adv-links");
    fs::copy(examples().join("harbour-strike.html"), dir.join("a.html")).unwrap();
    std::os::unix::fs::symlink(&dir, dir.join("loop")).unwrap();
    std::os::unix::fs::symlink(dir.join("missing.html"), dir.join("dangling.html")).unwrap();
    std::os::unix::fs::symlink(dir.join("a.html"), dir.join("b.html")).unwrap();
    let out = run(&["extract", "--no-entities", s(&dir)], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // a.html and the link to it; the loop is not followed, the dangling link not taken
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 2);
}

#[test]
fn an_output_symlink_replaces_the_file_it_points_to() {
    let dir = scratch("adv-out-link");
    let real = dir.join("real.json");
    fs::write(&real, "old").unwrap();
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).unwrap();
    let link = dir.join("link.json");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let page = examples().join("harbour-strike.html");
    let out = run(
        &["extract", "--no-entities", s(&page), "-o", s(&link)],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(fs::read_to_string(&real).unwrap().contains("\"schema\""));
    let mode = fs::metadata(&real).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640, "the file's permissions are kept");
}

#[test]
fn unreadable_inputs_are_named_and_the_others_written() {
    let dir = scratch("adv-unreadable");
    let good = dir.join("good.html");
    fs::copy(examples().join("harbour-strike.html"), &good).unwrap();
    // readable by nobody, not even root: reading /proc/self/mem at offset 0 fails
    let mut args = vec!["extract", "--no-entities", "/proc/self/mem", s(&good)];
    let locked = dir.join("locked.html");
    let locked_dir = dir.join("locked-dir");
    if is_root() {
        eprintln!("skipping the chmod 000 cases: root can read them");
    } else {
        use std::os::unix::fs::PermissionsExt;
        fs::copy(examples().join("river-festival.html"), &locked).unwrap();
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
        fs::create_dir_all(&locked_dir).unwrap();
        fs::set_permissions(&locked_dir, fs::Permissions::from_mode(0o000)).unwrap();
        args.push(s(&locked));
        args.push(s(&locked_dir));
    }
    let out = run(&args, None);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("/proc/self/mem"), "{err}");
    if !is_root() {
        assert!(
            err.contains("locked.html") && err.contains("ermission denied"),
            "{err}"
        );
        assert!(err.contains("locked-dir"), "{err}");
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&locked_dir, fs::Permissions::from_mode(0o755)).unwrap();
    }
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
}

#[test]
fn a_full_disk_is_named_and_exits_1() {
    if !Path::new("/dev/full").exists() {
        eprintln!("skipping: no /dev/full");
        return;
    }
    for to in ["json", "jsonl", "text", "csv", "tei"] {
        let out = run(
            &["extract", "--to", to, s(&examples()), "-o", "/dev/full"],
            None,
        );
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{to}: {err}");
        assert!(
            err.contains("/dev/full") && err.contains("No space left"),
            "{to}: {err}"
        );
        assert!(!err.contains("panicked"), "{err}");
    }
    let conll = b"Anna\nBerg\n";
    let out = run(&["ner", "--conll", "-", "-o", "/dev/full"], Some(conll));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("No space left"), "{}", stderr(&out));
}

#[test]
fn a_closed_pipe_is_not_an_error_in_any_format() {
    for to in ["json", "jsonl", "text", "markdown", "csv", "conll", "tei"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_article"))
            .args(["extract", "--to", to, s(&examples()), s(&examples())])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // `| head -c1`: read one byte, then go away
        let mut stdout = child.stdout.take().unwrap();
        let mut one = [0u8; 1];
        std::io::Read::read_exact(&mut stdout, &mut one).unwrap();
        drop(stdout);
        let out = child.wait_with_output().unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(0), "{to}: {err}");
        assert!(err.is_empty(), "{to}: {err}");
    }
}

#[test]
fn an_interrupted_run_leaves_the_previous_output() {
    let dir = scratch("adv-interrupt");
    let target = dir.join("out.jsonl");
    fs::write(&target, "the previous, good output\n").unwrap();
    let a = examples().join("harbour-strike.txt");
    let mut child = Command::new(env!("CARGO_BIN_EXE_article"))
        .args(["extract", "--to", "jsonl", s(&a), "-", "-o", s(&target)])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // wait until the first record is in the temporary file, then kill the run
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    loop {
        let temp = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| {
                p.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with(".article-")
            });
        if temp.is_some() || std::time::Instant::now() > deadline {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.kill().unwrap();
    let _ = child.wait().unwrap();
    assert_eq!(
        fs::read_to_string(&target).unwrap(),
        "the previous, good output\n"
    );
    let visible: Vec<String> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    assert_eq!(visible, ["out.jsonl"]);
}

#[test]
fn records_reach_a_file_only_when_the_run_ends() {
    // the same run, not killed: while stdin is open the target still holds the old
    // bytes; after it closes, the new ones, whole
    let dir = scratch("adv-atomic");
    let target = dir.join("out.jsonl");
    fs::write(&target, "old\n").unwrap();
    let a = examples().join("harbour-strike.txt");
    let mut child = Command::new(env!("CARGO_BIN_EXE_article"))
        .args(["extract", "--to", "jsonl", s(&a), "-", "-o", s(&target)])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert_eq!(fs::read_to_string(&target).unwrap(), "old\n");
    let mut stdin = child.stdin.take().unwrap();
    std::io::Write::write_all(
        &mut stdin,
        &fs::read(examples().join("library-fire.txt")).unwrap(),
    )
    .unwrap();
    drop(stdin);
    let err = BufReader::new(child.stderr.take().unwrap())
        .lines()
        .map(Result::unwrap)
        .collect::<Vec<_>>()
        .join("\n");
    assert!(child.wait().unwrap().success(), "{err}");
    let text = fs::read_to_string(&target).unwrap();
    assert_eq!(text.lines().count(), 2, "{text}");
    for line in text.lines() {
        serde_json::from_str::<serde_json::Value>(line).unwrap();
    }
}

#[test]
fn outputs_that_cannot_be_made_are_named_with_status_1() {
    let dir = scratch("adv-bad-out");
    let page = examples().join("harbour-strike.html");
    let missing = dir.join("no/such/dir/out.json");
    let as_dir = dir.join("a-directory");
    fs::create_dir_all(&as_dir).unwrap();
    for target in [&missing, &as_dir] {
        let out = run(&["extract", s(&page), "-o", s(target)], None);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains(s(target)), "{err}");
    }
    // a file where the output directory should be
    let file = dir.join("file");
    fs::write(&file, "x").unwrap();
    let out = run(&["extract", "--output-dir", s(&file), s(&page)], None);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(fs::read_to_string(&file).unwrap(), "x");
}

#[test]
fn usage_errors_write_nothing() {
    let dir = scratch("adv-usage");
    let page = dir.join("p.html");
    fs::copy(examples().join("harbour-strike.html"), &page).unwrap();
    let out_file = dir.join("out.json");
    let cases: Vec<Vec<&str>> = vec![
        vec!["extract", s(&page), "-o", s(&page)],
        vec![
            "extract",
            "--to",
            "brat",
            "--offsets",
            "utf16",
            "-o",
            s(&out_file),
            s(&page),
        ],
        vec!["extract", "--include", "[", s(&dir)],
        vec![
            "extract",
            "-o",
            s(&out_file),
            "--output-dir",
            s(&out_file),
            s(&page),
        ],
        vec!["extract", "--to", "parquet", s(&page)],
        vec!["ner", "--conll", s(&page), "-o", s(&page)],
    ];
    let before = snapshot(&dir);
    for args in &cases {
        let out = run(args, None);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.starts_with("article: ") || err.starts_with("error: "),
            "{err}"
        );
        assert_eq!(snapshot(&dir), before, "{args:?} changed the folder");
    }
}

#[test]
fn ctrl_c_ends_a_run_cleanly() {
    for signal in ["-INT", "-TERM"] {
        let dir = scratch("adv-sigint");
        let target = dir.join("out.jsonl");
        fs::write(&target, "the previous, good output\n").unwrap();
        let a = examples().join("harbour-strike.txt");
        let mut child = Command::new(env!("CARGO_BIN_EXE_article"))
            .args(["extract", "--to", "jsonl", s(&a), "-", "-o", s(&target)])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // wait for the temporary file (the run has started writing), then interrupt
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
        while fs::read_dir(&dir).unwrap().count() < 2 && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
        let status = Command::new("kill")
            .args([signal, &child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        let stdin = child.stdin.take().unwrap(); // still open: the run was waiting on it
        let out = child.wait_with_output().unwrap();
        drop(stdin);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(130), "{signal}: {err}");
        assert!(
            err.contains("interrupted") && err.contains("out.jsonl"),
            "{err}"
        );
        assert_eq!(
            fs::read_to_string(&target).unwrap(),
            "the previous, good output\n"
        );
        let names: Vec<String> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["out.jsonl"], "a temporary file was left");
    }
}

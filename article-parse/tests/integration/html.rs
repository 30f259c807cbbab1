//! The HTML front end: fixtures, hardening inputs, properties, and a differential test
//! against html5ever on the dev pages.

use std::collections::HashMap;
use std::io::Read;
use std::path::PathBuf;

use article_model::{BlockKind, RemovedKind};
use article_parse::{BlockModel, Extractor, InputFormat, Limits, fuzzing};
use proptest::prelude::*;

fn html() -> Extractor {
    Extractor::builder().format(InputFormat::Html).build()
}

fn example(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../examples")
        .join(name);
    std::fs::read(path).unwrap()
}

#[test]
fn example_pages_lose_their_boilerplate() {
    for name in [
        "harbour-strike.html",
        "library-fire.html",
        "river-festival.html",
    ] {
        let a = html().extract(&example(name)).unwrap();
        a.check_invariants().unwrap();
        assert!(a.paragraphs().len() >= 3, "{name}: {}", a.body());
        let body = a.body();
        for furniture in [
            "Log in",
            "Subscribe",
            "Advertisement",
            "Leave a Reply",
            "Sign up",
        ] {
            assert!(!body.contains(furniture), "{name}: {furniture:?} in body");
        }
        assert!(!a.removed.is_empty(), "{name}");
        assert!(a.metadata.title.is_some(), "{name}");
        assert!(a.metadata.published.is_some(), "{name}");
    }
}

#[test]
fn issue_12_the_learned_block_model_keeps_the_article_with_sources() {
    for (name, format) in [
        ("harbour-strike.html", InputFormat::Html),
        ("library-fire.html", InputFormat::Html),
        ("river-festival.html", InputFormat::Html),
        ("harbour-strike.txt", InputFormat::Text),
        ("library-fire.txt", InputFormat::Text),
        ("river-festival.txt", InputFormat::Text),
    ] {
        let page = example(name);
        let learned = Extractor::builder()
            .format(format)
            .block_model(BlockModel::Learned)
            .build();
        assert_eq!(learned.block_model(), BlockModel::Learned);
        let a = learned.extract(&page).unwrap();
        a.check_invariants().unwrap();
        assert!(a.paragraphs().len() >= 3, "{name}: {}", a.body());
        assert!(!a.body().contains("Leave a Reply"), "{name}: {}", a.body());
        for p in a.paragraphs() {
            assert!(p.source().is_some(), "{name}: a paragraph without source");
        }
        for r in &a.removed {
            assert!(!r.reason.is_empty(), "{name}: {r:?}");
        }
    }
}

#[test]
fn windows_1252_sources_are_input_byte_ranges() {
    let page = example("library-fire.html");
    let a = html().extract(&page).unwrap();
    let mut checked = 0;
    for p in a.paragraphs() {
        let src = p.source().expect("HTML paragraphs have sources");
        let bytes = &page[src.range()];
        let (slice, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
        // The source covers the paragraph's text: every word of it is in the slice.
        for w in a
            .paragraph_text(p)
            .split_whitespace()
            .filter(|w| !w.contains('&'))
        {
            assert!(slice.contains(w), "{w:?} not in {slice:?}");
        }
        checked += 1;
    }
    assert!(checked >= 3);
    assert!(
        a.body().contains('\u{201c}') || a.body().contains('\u{2014}') || a.body().contains('é')
    );
}

#[test]
fn in_body_structure_is_kept_with_kinds() {
    let page = b"<html><body><nav><a href=/>Home</a> <a href=/x>World</a></nav>\
        <article><h1>Title of the story</h1><p class=byline>By Jane Roe</p>\
        <p>The first paragraph of the story is long enough to count as real prose, with commas, clauses and words.</p>\
        <h2>A sub-heading</h2>\
        <p>The second paragraph of the story is also long enough to count as prose, and it goes on.</p>\
        <ul><li>One point made in a list</li><li>Another point made in a list</li></ul>\
        <blockquote><p>A quotation that the story sets apart from its text.</p></blockquote>\
        <p>The third paragraph closes the story with another sentence of ordinary length here.</p>\
        <div class=share-tools><a href=/s>Share on Facebook</a></div></article>\
        <footer>Copyright 2024 Example News</footer></body></html>";
    let a = html().extract(page).unwrap();
    let kinds: Vec<BlockKind> = a.paragraphs().iter().map(|p| p.kind()).collect();
    assert!(kinds.contains(&BlockKind::Heading), "{kinds:?}");
    assert!(kinds.contains(&BlockKind::ListItem), "{kinds:?}");
    assert!(kinds.contains(&BlockKind::Quote), "{kinds:?}");
    assert!(!a.body().contains("Title of the story"));
    assert!(!a.body().contains("Share on Facebook"));
    assert!(!a.body().contains("Copyright"));
    assert!(a.removed.iter().any(|r| r.kind == RemovedKind::Navigation));
    assert!(
        a.removed
            .iter()
            .all(|r| r.source.is_some() || r.text.is_empty())
    );
    assert_eq!(a.metadata.title.as_deref(), Some("Title of the story"));
}

/// Four paragraphs of plain prose, each ending a sentence.
const STORY: [&str; 4] = [
    "The council voted on Tuesday to close the old harbour bridge for repairs, a decision that will send traffic through the town centre for most of the winter.",
    "Engineers said the steel frame had rusted faster than expected, and that waiting another year would have raised the cost of the work considerably.",
    "Shop owners on the main street welcomed the extra passing trade, although several of them said they were worried about parking during the busy weekends.",
    "The bridge is expected to reopen in the spring, once the new deck has been laid and the railings along both sides have been replaced and painted.",
];

fn paras(texts: &[&str], attrs: &str) -> String {
    texts
        .iter()
        .map(|t| format!("<p{attrs}>{t}</p>"))
        .collect::<String>()
}

#[test]
fn a_lede_beside_the_body_element_is_article() {
    // The first paragraph sits before the body element, as its sibling.
    let page = format!(
        "<html><body><div class=wrap><h1>Bridge to close</h1>{}<div class=story-rest>{}</div></div>\
         <footer>Contact us</footer></body></html>",
        paras(&STORY[..1], ""),
        paras(&STORY[1..], "")
    );
    let a = html().extract(page.as_bytes()).unwrap();
    assert!(a.body().starts_with("The council voted"), "{}", a.body());
    // The same with paragraph elements of one class on both sides.
    let page = format!(
        "<html><body><div class=wrap><h1>Bridge to close</h1>{}<div class=story-rest>{}</div></div></body></html>",
        STORY[..1]
            .iter()
            .map(|t| format!("<div class=para>{t}</div>"))
            .collect::<String>(),
        STORY[1..]
            .iter()
            .map(|t| format!("<div class=para>{t}</div>"))
            .collect::<String>(),
    );
    let a = html().extract(page.as_bytes()).unwrap();
    assert!(a.body().starts_with("The council voted"), "{}", a.body());
}

#[test]
fn a_text_widget_in_an_aside_is_not_the_article() {
    // The sidebar widget holds more prose than the short article.
    let page = format!(
        "<html><body><main><div class=c1><h1>Bridge to close</h1>{}</div></main>\
         <aside><div class=textwidget>{}</div></aside></body></html>",
        paras(&STORY[..2], ""),
        paras(&STORY[1..], "")
    );
    let a = html().extract(page.as_bytes()).unwrap();
    assert!(a.body().starts_with("The council voted"), "{}", a.body());
    assert_eq!(a.paragraphs().len(), 2, "{}", a.body());
}

#[test]
fn a_teaser_list_does_not_outscore_a_short_article() {
    // As many teasers, each as long, as the article has paragraphs, plus one.
    let teasers: String = STORY
        .iter()
        .map(|t| format!("<li><a href=/a>A headline, with a comma</a> {t}</li>"))
        .collect();
    let page = format!(
        "<html><body><div class=x1><ul>{teasers}</ul></div>\
         <div class=x2><h1>Bridge to close</h1>{}</div></body></html>",
        paras(&STORY[..3], "")
    );
    let a = html().extract(page.as_bytes()).unwrap();
    assert!(a.body().starts_with("The council voted"), "{}", a.body());
    assert!(!a.body().contains("A headline"), "{}", a.body());
}

// ---- hardening: each finishes, with work and output in proportion to the input ----

#[test]
fn nested_100_000_deep() {
    let n = 100_000;
    let page = format!("{}deep text{}", "<div>".repeat(n), "</div>".repeat(n));
    let (tokens, nodes, blocks, flattened) = fuzzing::html_work(&page, Limits::DEFAULT_MAX_DEPTH);
    assert_eq!(tokens, 2 * n + 1);
    assert_eq!(blocks, 1);
    assert!(nodes <= Limits::DEFAULT_MAX_DEPTH);
    assert_eq!(flattened, n - Limits::DEFAULT_MAX_DEPTH);
    let a = html().extract(page.as_bytes()).unwrap();
    assert!(a.body().contains("deep text") || a.removed.iter().any(|r| r.text == "deep text"));
}

#[test]
fn one_text_node_of_50_mb() {
    let mut page = String::from("<html><body><p>");
    let sentence = "The council met on Tuesday, and the vote was close. ";
    while page.len() < 50 << 20 {
        page.push_str(sentence);
    }
    page.push_str("</p></body></html>");
    let (tokens, _, blocks, _) = fuzzing::html_work(&page, Limits::DEFAULT_MAX_DEPTH);
    assert_eq!((tokens, blocks), (7, 1));
    let a = html().extract(page.as_bytes()).unwrap();
    assert!(a.body().len() <= page.len());
    assert!(a.body().len() > 49 << 20);
}

#[test]
fn one_million_attributes() {
    let mut page = String::from("<div");
    for i in 0..1_000_000 {
        page.push_str(&format!(" a{i}=\"{i}\""));
    }
    page.push_str(">text after the attributes</div>");
    let (tokens, nodes, blocks, _) = fuzzing::html_work(&page, Limits::DEFAULT_MAX_DEPTH);
    assert_eq!((tokens, nodes, blocks), (3, 1, 1));
    let a = html().extract(page.as_bytes()).unwrap();
    assert!(a.body().contains("text after") || !a.removed.is_empty());
}

#[test]
fn random_bytes() {
    // A fixed xorshift stream: reproducible.
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut bytes = Vec::with_capacity(4 << 20);
    while bytes.len() < 4 << 20 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        bytes.extend_from_slice(&x.to_le_bytes());
    }
    // Random bytes look binary (NUL bytes): a typed error, not a panic.
    assert!(html().extract(&bytes).is_err());
    // Without NULs and control bytes they are a (strange) legacy-encoded page.
    let printable: Vec<u8> = bytes
        .iter()
        .map(|&b| if b < 0x20 { b' ' } else { b })
        .collect();
    if let Ok(a) = html().extract(&printable) {
        a.check_invariants().unwrap();
        for p in a.paragraphs() {
            assert!(p.source().unwrap().end() <= printable.len());
        }
    }
    let blocks = fuzzing::check_blocks(&printable, 512, 1_000_000);
    let total: usize = blocks.iter().map(String::len).sum();
    assert!(total <= printable.len() * 3);
}

#[test]
fn pathological_markup_is_linear_in_work() {
    // Unterminated constructs scan once to the end: the token count stays tiny.
    let n = 1 << 20;
    let cases = [
        "<!--".to_owned() + &"a-".repeat(n / 2),
        "<![CDATA[".to_owned() + &"]]".repeat(n / 2),
        "<script>".to_owned() + &"</scrip".repeat(n / 7),
        "<a href=\"".to_owned() + &"<a href=\"".repeat(n / 9),
        "<!".repeat(n / 2),
        "<?".repeat(n / 2),
    ];
    for page in &cases {
        let tokens = fuzzing::check_tokenizer(page);
        assert!(tokens <= 3 || tokens <= page.len() / 2, "{tokens} tokens");
    }
    // Runs of '<' and '&' are text.
    let lt = "<".repeat(n);
    assert_eq!(fuzzing::check_tokenizer(&lt), 1);
    let amp = "&".repeat(n);
    let blocks = fuzzing::check_blocks(amp.as_bytes(), 512, 10);
    assert_eq!(blocks, [amp]);
}

/// Time at 4 MiB over time at 1 MiB for pathological pages: linear is about 4, quadratic
/// 16. A timing check, so not run by default: `cargo test -p article-parse --release --
/// --ignored time_scaling`.
#[test]
#[ignore = "timing: run in release with --ignored"]
fn time_scaling_1_vs_4_mib() {
    type Generator = fn(usize) -> String;
    let gens: [(&str, Generator); 6] = [
        ("deep", |n| "<div>".repeat(n / 5)),
        ("attributes", |n| {
            format!("<div{}>", " a=\"1\"".repeat(n / 6))
        }),
        ("comment", |n| format!("<!--{}", "-".repeat(n))),
        ("lt", |n| "<".repeat(n)),
        ("amp", |n| "&amp".repeat(n / 4)),
        ("paragraphs", |n| "<p>word word, word.".repeat(n / 19)),
    ];
    for (name, g) in gens {
        let small = g(1 << 20);
        let big = g(4 << 20);
        let time = |page: &str| {
            let t = std::time::Instant::now();
            let _ = html().extract(page.as_bytes());
            t.elapsed().as_secs_f64()
        };
        let (a, b) = (time(&small), time(&big));
        let ratio = b / a.max(1e-6);
        eprintln!("{name}: 1 MiB {a:.4}s, 4 MiB {b:.4}s, ratio {ratio:.1}");
        assert!(ratio < 8.0, "{name} looks superlinear: ratio {ratio:.1}");
    }
}

// ---- properties ----

/// Strips tags from generated markup (whose text has no '<', '>' or '&').
fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

fn squeeze(s: &str) -> Vec<char> {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn is_subsequence(needle: &[char], hay: &[char]) -> bool {
    let mut it = hay.iter();
    needle.iter().all(|c| it.any(|h| h == c))
}

fn markup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-zA-Z ,.éü]{1,40}",
        Just("<p>".to_owned()),
        Just("</p>".to_owned()),
        Just("<div class=\"content\">".to_owned()),
        Just("<div class=\"related\">".to_owned()),
        Just("</div>".to_owned()),
        Just("<a href=\"/x\">".to_owned()),
        Just("</a>".to_owned()),
        Just("<br>".to_owned()),
        Just("<h2>".to_owned()),
        Just("</h2>".to_owned()),
        Just("<ul><li>".to_owned()),
        Just("</li></ul>".to_owned()),
        Just("<nav>".to_owned()),
        Just("</nav>".to_owned()),
        Just("<b>".to_owned()),
        Just("</b>".to_owned()),
        Just("<pre>".to_owned()),
        Just("</pre>".to_owned()),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn html_never_panics_and_sources_are_in_bounds(page in markup()) {
        if let Ok(a) = html().extract(page.as_bytes()) {
            prop_assert!(a.check_invariants().is_ok());
            for p in a.paragraphs() {
                let src = p.source().expect("HTML paragraphs have sources");
                prop_assert!(src.end() <= page.len());
                prop_assert!(page.is_char_boundary(src.start()) && page.is_char_boundary(src.end()));
            }
            for r in &a.removed {
                if let Some(src) = r.source {
                    prop_assert!(src.end() <= page.len());
                }
            }
        }
    }

    #[test]
    fn body_paragraphs_are_text_of_the_page(page in markup()) {
        if let Ok(a) = html().extract(page.as_bytes()) {
            for p in a.paragraphs() {
                let src = p.source().expect("HTML paragraphs have sources");
                let visible = strip_tags(&page[src.range()]);
                let text = a.paragraph_text(p);
                prop_assert!(
                    is_subsequence(&squeeze(text), &squeeze(&visible)),
                    "{:?} is not text of {:?}", text, visible
                );
            }
        }
    }

    #[test]
    fn tokenizer_tiles_any_text(s in "\\PC{0,400}") {
        let _ = fuzzing::check_tokenizer(&s);
    }

    #[test]
    fn tokenizer_tiles_markup_soup(s in "[<>!/?=\"'a-z &;#x0-9-\\[\\]]{0,300}") {
        let _ = fuzzing::check_tokenizer(&s);
        let _ = fuzzing::check_blocks(s.as_bytes(), 8, 50);
    }
}

// ---- differential test against html5ever ----

fn dev_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/data/extraction/dev");
    let dir = if dir.is_dir() {
        dir
    } else {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/extraction/dev")
    };
    dir.is_dir().then_some(dir)
}

/// Words (alphanumeric runs) with counts.
fn word_counts(text: &str) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *m.entry(w.to_owned()).or_insert(0) += 1;
    }
    m
}

/// html5ever's visible text: text nodes outside elements whose content is never shown.
fn html5ever_text(page: &[u8]) -> String {
    use html5ever::tendril::TendrilSink;
    use markup5ever_rcdom::{NodeData, RcDom};
    let dom = html5ever::parse_document(RcDom::default(), Default::default())
        .from_utf8()
        .read_from(&mut &page[..])
        .unwrap();
    const SKIP: &[&str] = &[
        "head", "script", "style", "template", "noscript", "title", "iframe", "noembed",
        "noframes", "svg", "math", "select", "datalist", "object", "canvas", "video", "audio",
        "map", "frameset", "textarea", "dialog",
    ];
    // Block-level elements separate words; inline ones do not (`<a>A</a><a>B</a>` is "AB").
    const BLOCK: &[&str] = &[
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "br",
        "button",
        "caption",
        "center",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "legend",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "option",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "img",
        "input",
    ];
    enum Step {
        Node(markup5ever_rcdom::Handle),
        Space,
    }
    let mut out = String::new();
    let mut stack = vec![Step::Node(dom.document.clone())];
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::Space => {
                out.push(' ');
                continue;
            }
            Step::Node(n) => n,
        };
        let mut block = false;
        match &node.data {
            NodeData::Text { contents } => {
                out.push_str(&contents.borrow());
                continue;
            }
            NodeData::Element { name, .. } => {
                if SKIP.contains(&&*name.local) {
                    continue;
                }
                block = BLOCK.contains(&&*name.local);
            }
            _ => {}
        }
        if block {
            out.push(' ');
            stack.push(Step::Space);
        }
        let children = node.children.borrow();
        stack.extend(children.iter().rev().cloned().map(Step::Node));
    }
    out
}

#[test]
fn visible_text_matches_html5ever_on_dev_pages() {
    let Some(dir) = dev_dir() else {
        eprintln!("skipping: ../shared is absent");
        return;
    };
    let ids = std::fs::read_to_string(dir.join("ids.txt")).unwrap();
    let mut worst = 1.0f64;
    let mut pages = 0;
    let mut failures = 0;
    for id in ids.lines().filter(|l| !l.trim().is_empty()) {
        let mut page = Vec::new();
        let file = std::fs::File::open(dir.join("html").join(format!("{id}.html.gz"))).unwrap();
        flate2::read::GzDecoder::new(file)
            .read_to_end(&mut page)
            .unwrap();
        let ours =
            fuzzing::check_blocks(&page, Limits::DEFAULT_MAX_DEPTH, Limits::DEFAULT_MAX_BLOCKS)
                .join(" ");
        let theirs = html5ever_text(&page);
        let (a, b) = (word_counts(&ours), word_counts(&theirs));
        let total_a: usize = a.values().sum();
        let total_b: usize = b.values().sum();
        let matched: usize = a
            .iter()
            .map(|(w, n)| (*n).min(b.get(w).copied().unwrap_or(0)))
            .sum();
        let score = matched as f64 / total_a.max(total_b).max(1) as f64;
        worst = worst.min(score);
        if score < 0.98 {
            failures += 1;
            let mut only_b: Vec<_> = b
                .iter()
                .filter(|(w, n)| a.get(*w).copied().unwrap_or(0) < **n)
                .map(|(w, n)| format!("{w}x{}", n - a.get(w).copied().unwrap_or(0)))
                .collect();
            let mut only_a: Vec<_> = a
                .iter()
                .filter(|(w, n)| b.get(*w).copied().unwrap_or(0) < **n)
                .map(|(w, n)| format!("{w}x{}", n - b.get(w).copied().unwrap_or(0)))
                .collect();
            only_a.sort();
            only_b.sort();
            eprintln!("{id}: {score:.3}\n ours only: {only_a:?}\n html5ever only: {only_b:?}");
        }
        pages += 1;
    }
    eprintln!("{pages} pages, lowest word overlap with html5ever {worst:.4}");
    assert_eq!(
        failures, 0,
        "pages whose visible text differs from html5ever's by over 2%"
    );
}

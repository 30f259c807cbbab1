//! From smoothed body / boilerplate labels to roles, then to an [`Article`].

use article_model::{Article, BlockKind, Removed, RemovedKind, Span};

use super::features::{BlockInfo, contains_short};
use super::verdict::{Classified, Role, Verdict};
use crate::block::{Block, BlockHint};
use crate::recognize;

/// Whether a recogniser claims the block as non-body outright (a labelled boilerplate
/// line, a caption, a byline, a timestamp).
pub(crate) fn claimed(info: &BlockInfo) -> bool {
    let h = info.hits();
    let prose = info.shape.is_prose();
    h.boilerplate.is_some_and(|b| !b.inside)
        || (!prose && (h.caption.is_some() || h.byline.is_some() || h.timestamp.is_some()))
}

/// The role of a block that a recogniser names, if any.
fn recognised(info: &BlockInfo) -> Option<(Role, &'static str)> {
    let h = info.hits();
    let prose = info.shape.is_prose();
    if let Some(b) = h.boilerplate.filter(|b| !b.inside) {
        return Some((Role::Removed(b.kind), b.reason));
    }
    if prose {
        return None;
    }
    if h.author_bio {
        return Some((Role::Removed(RemovedKind::AuthorBio), "author biography"));
    }
    if let Some(reason) = h.caption {
        return Some((Role::Caption, reason));
    }
    if h.byline.is_some() {
        return Some((Role::Removed(RemovedKind::Byline), "byline"));
    }
    if h.timestamp.is_some() {
        return Some((
            Role::Removed(RemovedKind::Timestamp),
            "publication timestamp",
        ));
    }
    None
}

/// The kind of a body block.
fn body_kind(block: &Block, info: &BlockInfo, next_prose: bool) -> BlockKind {
    match block.hint() {
        BlockHint::ListItem => return BlockKind::ListItem,
        BlockHint::Quote => return BlockKind::Quote,
        BlockHint::Preformatted => return BlockKind::Preformatted,
        BlockHint::TableRow => return BlockKind::TableRow,
        h if is_heading_hint(h) => return BlockKind::Heading,
        _ => {}
    }
    let s = &info.shape;
    if s.words > 0 && s.words <= 16 && !s.terminal && !s.truncated && next_prose && s.commas == 0 {
        BlockKind::Heading
    } else {
        BlockKind::Paragraph
    }
}

/// Whether a block hint marks a heading.
fn is_heading_hint(hint: BlockHint) -> bool {
    matches!(hint, BlockHint::Heading(_))
}

/// Decides every block's role from its smoothed label and its recogniser hits.
pub(crate) fn roles(
    blocks: &[Block],
    infos: &[BlockInfo],
    scores: &[f32],
    body: &[bool],
) -> Vec<Verdict> {
    let n = blocks.len();
    let first_body = body.iter().position(|&b| b).unwrap_or(n);
    let last_body = body.iter().rposition(|&b| b).unwrap_or(0);
    let mut out = Vec::with_capacity(n);
    // The kind announced by the latest section header in the current boilerplate run.
    let mut section: Option<(RemovedKind, &'static str)> = None;
    for k in 0..n {
        let info = &infos[k];
        let score = scores.get(k).copied().unwrap_or(0.0);
        let next_prose = infos.get(k + 1).is_some_and(|i| i.shape.is_prose());
        let (role, reason) = if body[k] {
            section = None;
            match recognised(info) {
                Some(r) => r,
                None if k == 0 && blocks.len() > 1 && !info.shape.terminal => {
                    (Role::Title, "page title (first line of the dump)")
                }
                None => (
                    Role::Body(body_kind(&blocks[k], info, next_prose)),
                    "article text",
                ),
            }
        } else if let Some((role, reason)) = recognised(info) {
            section = match (role, info.hits().boilerplate) {
                (Role::Removed(kind), Some(b)) if b.header => {
                    Some((kind, "listed under a section heading"))
                }
                (Role::Removed(kind), Some(_)) if section.is_some_and(|(s, _)| s != kind) => None,
                _ => section,
            };
            (role, reason)
        } else if let Some(b) = info.hits().boilerplate {
            // Only a telltale phrase inside, but the block scored as boilerplate anyway.
            if section.is_some_and(|(s, _)| s != b.kind) {
                section = None;
            }
            (Role::Removed(b.kind), b.reason)
        } else if info.hits().author_bio {
            (Role::Removed(RemovedKind::AuthorBio), "author biography")
        } else if k == 0 {
            (Role::Title, "page title (first line of the dump)")
        } else if title_echo(blocks, k) {
            (Role::Title, "headline (repeats the page title)")
        } else if let Some((kind, reason)) = section {
            (Role::Removed(kind), reason)
        } else if k < first_body {
            let short = info.shape.words <= 8;
            if short {
                (
                    Role::Removed(RemovedKind::Navigation),
                    "short line before the article (menu or header)",
                )
            } else {
                (
                    Role::Removed(RemovedKind::Header),
                    "text before the article",
                )
            }
        } else if k > last_body {
            if info.shape.truncated {
                (
                    Role::Removed(RemovedKind::Related),
                    "teaser cut short after the article",
                )
            } else if info.shape.words <= 8 {
                (
                    Role::Removed(RemovedKind::Footer),
                    "short line after the article (links or footer)",
                )
            } else {
                (Role::Removed(RemovedKind::Other), "text after the article")
            }
        } else if info.shape.truncated {
            (
                Role::Removed(RemovedKind::Related),
                "teaser cut short inside the article",
            )
        } else {
            (
                Role::Removed(RemovedKind::Other),
                "scored as boilerplate among article text",
            )
        };
        out.push(Verdict {
            role,
            reason,
            score,
        });
    }
    out
}

fn title_echo(blocks: &[Block], k: usize) -> bool {
    let (Some(first), Some(b)) = (blocks.first(), blocks.get(k)) else {
        return false;
    };
    let (t, x) = (first.text(), b.text());
    k > 0
        && x.len() >= 8
        && x.len() < 300
        && x.len() <= t.len()
        && (t.starts_with(x) || (x.len() * 2 >= t.len() && contains_short(t, x)))
}

/// Share of capitalised words.
fn titlecase(info: &BlockInfo) -> f32 {
    let s = &info.shape;
    if s.alpha_words == 0 {
        0.0
    } else {
        s.cap_words as f32 / s.alpha_words as f32
    }
}

/// Splits a `<title>` line into headline and site name ("Headline | Site").
fn split_title(title: &str) -> (&str, Option<&str>) {
    for sep in [" | ", " - ", " — ", " – ", " :: ", " · "] {
        if let Some(at) = title.rfind(sep) {
            let (head, site) = (title[..at].trim(), title[at + sep.len()..].trim());
            if !head.is_empty() && !site.is_empty() && site.len() <= 60 && site.len() < head.len() {
                return (head, Some(site));
            }
        }
    }
    (title, None)
}

/// A removed entry, or `None` if it should be merged into the previous one (a teaser's
/// headline followed by its truncated summary).
fn push_removed(
    removed: &mut Vec<Removed>,
    kind: RemovedKind,
    reason: &str,
    block: &Block,
    merge_with_prev: bool,
) {
    if merge_with_prev {
        if let Some(prev) = removed.last_mut() {
            prev.text.push('\n');
            prev.text.push_str(block.text());
            prev.source = match (prev.source, block.source()) {
                (Some(a), Some(b)) => Span::try_new(a.start(), b.end()).ok(),
                _ => None,
            };
            prev.reason = "teaser: headline and summary cut short".into();
            return;
        }
    }
    removed.push(Removed::new(kind, reason, block.text(), block.source()));
}

/// Fills `article` from classified blocks: body paragraphs with sources, title, authors,
/// published date, dateline, language, captions, and every other block in `removed`.
pub(crate) fn assemble(blocks: &[Block], classified: &Classified, article: &mut Article) {
    let verdicts = &classified.verdicts;
    let infos = &classified.infos;
    article.metadata.language = classified.language.code.map(str::to_owned);
    // Numeric dates month first on English pages, as the HTML metadata reads them when the
    // host names no day-first country (a dump has no host).
    let order = match classified.language.code {
        Some("en") => recognize::Order::MonthFirst,
        _ => recognize::Order::DayFirst,
    };
    let removed = verdicts
        .iter()
        .filter(|v| !matches!(v.role, Role::Body(_)))
        .count();
    article.removed.reserve(removed);
    let first_body = verdicts
        .iter()
        .position(|v| matches!(v.role, Role::Body(_)));
    let mut title_line: Option<&str> = None;
    let mut headline: Option<&str> = None;
    let mut prev_related_headline: Option<(f32, u32)> = None;
    for (k, (block, verdict)) in blocks.iter().zip(verdicts).enumerate() {
        let info = &infos[k];
        let mut related_headline = None;
        match verdict.role {
            Role::Body(kind) => {
                if article.metadata.dateline.is_none() && article.paragraphs().is_empty() {
                    article.metadata.dateline = info.hits().dateline.as_deref().cloned();
                }
                if article
                    .try_push_paragraph(kind, block.text(), block.source())
                    .is_err()
                {
                    push_removed(
                        &mut article.removed,
                        RemovedKind::Other,
                        "not usable as a paragraph",
                        block,
                        false,
                    );
                }
            }
            Role::Title => {
                if k == 0 {
                    title_line = Some(block.text());
                } else if headline.is_none() {
                    headline = Some(block.text());
                }
                push_removed(
                    &mut article.removed,
                    RemovedKind::Title,
                    verdict.reason,
                    block,
                    false,
                );
            }
            Role::Caption => {
                article.captions.push(block.text().to_owned());
                push_removed(
                    &mut article.removed,
                    RemovedKind::Caption,
                    verdict.reason,
                    block,
                    false,
                );
            }
            Role::Removed(kind) => {
                let near_top = first_body.is_none_or(|f| k < f + 3);
                // Authors and dates as the HTML metadata reads them: the byline grammar's
                // people (lead words, particles, trailing dates, cleaned names) and the date
                // value grammar; the block grammars' own readings when those find nothing.
                let line = block.text();
                if kind == RemovedKind::Byline && article.metadata.authors.is_empty() {
                    let people = recognize::byline_people(line, false)
                        .or_else(|| info.hits().byline.clone());
                    if let Some(authors) = people {
                        article.metadata.authors = authors;
                    }
                }
                if kind == RemovedKind::Timestamp && near_top && article.metadata.authors.is_empty()
                {
                    // "Posted by Jane Roe on July 10, 2015": a timestamp with a byline.
                    if let Some(authors) = recognize::byline_people(line, true) {
                        article.metadata.authors = authors;
                    }
                }
                if kind == RemovedKind::Timestamp && near_top {
                    if let Some(ts) = &info.hits().timestamp {
                        let better = !ts.updated || article.metadata.published.is_none();
                        if article.metadata.published.is_none() || (better && !ts.updated) {
                            let value = recognize::date_in_line(line, order).map(|v| v.render());
                            article.metadata.published =
                                Some(value.unwrap_or_else(|| ts.iso.clone()));
                        }
                    }
                }
                if kind == RemovedKind::Byline && near_top && article.metadata.published.is_none() {
                    // "By Jane Roe - January 10, 2020": the date of a byline line.
                    article.metadata.published =
                        recognize::date_in_line(line, order).map(|v| v.render());
                }
                // A teaser: a title-case headline, then its summary in sentence case, cut short.
                let merge = kind == RemovedKind::Related
                    && info.shape.truncated
                    && prev_related_headline.is_some_and(|(case, chars)| {
                        titlecase(info) + 0.15 < case || info.shape.chars > chars
                    });
                related_headline = (kind == RemovedKind::Related
                    && !info.shape.truncated
                    && !info.shape.terminal
                    && !info.hits().boilerplate.is_some_and(|b| b.header))
                .then(|| (titlecase(info), info.shape.chars));
                push_removed(&mut article.removed, kind, verdict.reason, block, merge);
            }
        }
        prev_related_headline = related_headline;
    }
    // A bare name just before the article is its byline when no other was found.
    if article.metadata.authors.is_empty() {
        if let Some(f) = first_body {
            for k in f.saturating_sub(4)..f {
                if infos[k].hits().name_line {
                    article.metadata.authors = vec![blocks[k].text().to_owned()];
                    if let Some(r) = article
                        .removed
                        .iter_mut()
                        .find(|r| r.source == blocks[k].source() && r.text == blocks[k].text())
                    {
                        r.kind = RemovedKind::Byline;
                        r.reason = "byline (a name above the article)".into();
                    }
                    break;
                }
            }
        }
    }
    let (head, site) = title_line.map_or(("", None), split_title);
    article.metadata.title = headline
        .or((!head.is_empty()).then_some(head))
        .map(str::to_owned);
    article.metadata.site_name = site.map(str::to_owned);
    // The body's own language, when whatlang is sure of it, wins over the sample's
    // (which may hold the page's menus).
    if let Some(body) = super::body_language(article.body()) {
        article.metadata.language = Some(body.to_owned());
    }
}

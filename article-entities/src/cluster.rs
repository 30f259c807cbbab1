//! Mention clustering: every entity joins one cluster per article; later short mentions
//! join the full name ("Akar" -> "Hulusi Akar"), and titles written before a name are kept
//! as the cluster's role and affiliation ("Turkish Defense Minister Hulusi Akar").
//!
//! Rules, per label:
//! - PER: the same name; a one-word mention joins the most recent person whose last (or
//!   first) word it is; a full name takes in earlier one-word clusters of its last word.
//! - ORG: the same name (without "the" and possessives), an acronym of a longer name, or a
//!   shorter name that ends the longer one ("Foreign Ministry" in "Russian Foreign
//!   Ministry").
//! - LOC, MISC: the same name.

use std::collections::{HashMap, HashSet};

use article_model::{Cluster, Entity, Label, Span};

use crate::paragraph_words::{self, ParaWords};
use crate::{names, work_meter};

/// A cluster being built.
struct Building {
    label: Label,
    /// Normalised words of the fullest name so far.
    words: Vec<String>,
    canonical: String,
    role: Option<String>,
    affiliation: Option<String>,
    /// Index of its last mention, for recency.
    last_mention: usize,
}

/// Normalised words of an entity's text: possessive, "the" and honorifics dropped.
fn key_words(text: &str) -> Vec<String> {
    let text = paragraph_words::strip_possessive(text.trim());
    let mut out: Vec<String> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '-'))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect();
    let lead = out
        .iter()
        .take_while(|w| *w == "the" || crate::wordlists::is_honorific(w))
        .count();
    out.drain(..lead);
    out
}

/// Drops a leading "the" and a trailing possessive from an entity's text.
fn display_name(text: &str) -> String {
    let text = paragraph_words::strip_possessive(text.trim());
    let text = text
        .strip_prefix("the ")
        .or_else(|| text.strip_prefix("The "))
        .unwrap_or(text);
    text.to_owned()
}

fn is_suffix(short: &[String], long: &[String]) -> bool {
    short.len() < long.len() && long.ends_with(short)
}

fn is_acronym(short: &[String], long: &[String]) -> bool {
    if short.len() != 1 || long.len() < 2 {
        return false;
    }
    let short = short[0].replace('.', "");
    acronyms(long).contains(&short)
}

/// The acronyms a long name may be written as: its initials ("nsc" for "National
/// Security Council"), and those of a tail of it of three letters or more ("fda" for
/// "U.S. Food and Drug Administration", whose tail drops the country).
fn acronyms(long: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let full = initials(long);
    if full.len() >= 2 {
        out.push(full);
    }
    for k in 1..long.len().saturating_sub(1) {
        let tail = initials(&long[k..]);
        if tail.len() >= 3 && !out.contains(&tail) {
            out.push(tail);
        }
    }
    out
}

/// Clusters `entities` (sorted by position) in place: sets each entity's `cluster` and
/// returns the clusters, ids being their indices.
pub(crate) fn cluster(
    body: &str,
    words: &[ParaWords<'_>],
    entities: &mut [Entity],
) -> Vec<Cluster> {
    cluster_with(body, entities, |_, span| role_in(body, words, span))
}

/// What the text before (or the appositive after) a person mention at `span` gives as its
/// role and affiliation, from the words of its paragraph (`words`: of the paragraphs
/// around `span`, sorted).
pub(crate) fn role_in(body: &str, words: &[ParaWords<'_>], span: Span) -> Option<Role> {
    let para = words.partition_point(|w| w.span.end() < span.start());
    let toks = words.get(para).map_or(&[][..], |w| &w.toks[..]);
    role_before(body, toks, span)
}

/// A mention's role and affiliation (either may be unknown).
pub(crate) type Role = (Option<String>, Option<String>);

/// [`cluster`], with the role and affiliation of the person mention `entities[i]` at
/// `span` given by `role_of(i, span)` (asked only for person mentions, after the relabelling
/// of person tails, when the cluster still lacks one).
pub(crate) fn cluster_with(
    body: &str,
    entities: &mut [Entity],
    mut role_of: impl FnMut(usize, Span) -> Option<Role>,
) -> Vec<Cluster> {
    let mut building: Vec<Building> = Vec::new();
    let mut index = Index::default();
    // Role and affiliation come from the text before each mention.
    relabel_person_tails(entities);
    // An organisation right after a nationality or place ("Russian" + "Foreign Ministry",
    // "Turkey" + "’s National Security Council") is named with it: the Russian and the
    // Armenian foreign ministries are two clusters.
    let qualified: Vec<Option<(String, String)>> = (0..entities.len())
        .map(|i| {
            let e = &entities[i];
            let prev = i.checked_sub(1).and_then(|p| entities.get(p))?;
            if e.label != Label::Org || !matches!(prev.label, Label::Misc | Label::Loc) {
                return None;
            }
            let gap = body.get(prev.span.end()..e.span.start())?;
            if !matches!(gap, " " | "’s " | "'s ") {
                return None;
            }
            let full = body.get(prev.span.start()..e.span.end())?;
            Some((full.to_owned(), prev.text.clone()))
        })
        .collect();
    for (i, e) in entities.iter_mut().enumerate() {
        let (name, qualifier) = match qualified.get(i).cloned().flatten() {
            Some((full, q)) => (full, Some(q)),
            None => (e.text.clone(), None),
        };
        let mut kw = key_words(&name);
        if kw.is_empty() {
            // Every entity gets a cluster, even one with no word in it.
            kw = vec![name.trim().to_lowercase()];
        }
        let found = find_cluster(&building, &index, e.label, &kw);
        let id = match found {
            Some(id) => id,
            None => {
                building.push(Building {
                    label: e.label,
                    words: kw.clone(),
                    canonical: display_name(&name),
                    role: None,
                    affiliation: qualifier.clone(),
                    last_mention: i,
                });
                building.len() - 1
            }
        };
        let b = &mut building[id];
        b.last_mention = i;
        let shouting = |t: &str| !t.chars().any(char::is_lowercase);
        if kw.len() > b.words.len()
            || (kw.len() == b.words.len() && shouting(&b.canonical) && !shouting(&name))
        {
            b.words = kw.clone();
            b.canonical = display_name(&name);
        }
        if b.affiliation.is_none() {
            b.affiliation = qualifier;
        }
        index.add(id, e.label, &kw);
        if e.label == Label::Per && (b.role.is_none() || b.affiliation.is_none()) {
            if let Some((role, affiliation)) = role_of(i, e.span) {
                if b.role.is_none() {
                    b.role = role;
                }
                if b.affiliation.is_none() {
                    b.affiliation = affiliation;
                }
            }
        }
        e.cluster = Some(id);
    }
    // Merge shorter person clusters into a later full name they end ("Lopez" seen before
    // "Feliciano Lopez"), when exactly one full name fits.
    let mut remap: Vec<usize> = (0..building.len()).collect();
    for short in 0..building.len() {
        if building[short].label != Label::Per {
            continue;
        }
        let core = name_core(&building[short].words);
        let Some(surname) = core.last() else {
            continue;
        };
        let mut targets = index.sharing(Label::Per, surname).filter(|&t| {
            let tc = name_core(&building[t].words);
            t != short && tc.len() > core.len() && tc.ends_with(core)
        });
        if let (Some(t), None) = (targets.next(), targets.next()) {
            remap[short] = t;
        }
    }
    // Targets are strictly longer names, so following the map ends.
    for k in 0..remap.len() {
        let mut t = remap[k];
        while remap[t] != t {
            t = remap[t];
        }
        remap[k] = t;
    }
    // Renumber: clusters that received no mention after remapping disappear.
    let mut new_id = vec![usize::MAX; building.len()];
    let mut out: Vec<Cluster> = Vec::new();
    for e in entities.iter_mut() {
        let Some(old) = e.cluster else { continue };
        let target = remap[old];
        if new_id[target] == usize::MAX {
            new_id[target] = out.len();
            let b = &building[target];
            out.push(Cluster {
                id: out.len(),
                canonical: b.canonical.clone(),
                label: b.label,
                mentions: 0,
                first: e.span,
                role: b.role.clone(),
                affiliation: b.affiliation.clone(),
            });
        }
        let id = new_id[target];
        out[id].mentions += 1;
        if e.span.start() < out[id].first.start() {
            out[id].first = e.span;
        }
        if remap[old] != old {
            // Roles seen on the short mentions carry over.
            let b = &building[old];
            if out[id].role.is_none() {
                out[id].role.clone_from(&b.role);
            }
            if out[id].affiliation.is_none() {
                out[id].affiliation.clone_from(&b.affiliation);
            }
        }
        e.cluster = Some(id);
    }
    out
}

/// Clusters by their words, so a mention is compared with a few clusters only.
#[derive(Default)]
struct Index {
    exact: HashMap<(Label, Vec<String>), usize>,
    by_word: HashMap<(Label, String), Vec<usize>>,
}

/// At most this many clusters sharing a word are compared with a mention.
const MAX_SHARING: usize = 64;

/// Limit: a short mention of at most this many words can be recognised as the tail of a
/// person's full name.
const MAX_TAIL_WORDS: usize = 8;

impl Index {
    fn add(&mut self, id: usize, label: Label, words: &[String]) {
        self.exact.entry((label, words.to_vec())).or_insert(id);
        for w in words {
            let ids = self.by_word.entry((label, w.clone())).or_default();
            if ids.last() != Some(&id) {
                ids.push(id);
            }
        }
    }

    /// Clusters of `label` with the word `w`, most recent additions first.
    fn sharing<'a>(&'a self, label: Label, w: &str) -> impl Iterator<Item = usize> + use<'a> {
        self.by_word
            .get(&(label, w.to_owned()))
            .into_iter()
            .flat_map(|ids| ids.iter().rev().take(MAX_SHARING).copied())
    }
}

/// Document-level agreement: an ORG or MISC mention whose words end a person's full name
/// in the same article ("Van Der Beek" after "James Van Der Beek") is that person.
///
/// Limit: tails of at most [`MAX_TAIL_WORDS`] words are recognised, so each name costs a
/// bounded amount of work.
fn relabel_person_tails(entities: &mut [Entity]) {
    // Every proper tail of a full name, up to the limit.
    let mut tails: HashSet<Vec<String>> = HashSet::new();
    for e in entities.iter().filter(|e| e.label == Label::Per) {
        let words = key_words(&e.text);
        let full = name_core(&words);
        let n = full.len();
        if n < 2 {
            continue;
        }
        for len in 1..n.min(MAX_TAIL_WORDS + 1) {
            work_meter::step(len);
            tails.insert(full[n - len..].to_vec());
        }
    }
    if tails.is_empty() {
        return;
    }
    for e in entities.iter_mut() {
        if !matches!(e.label, Label::Org | Label::Misc) {
            continue;
        }
        let kw = key_words(&e.text);
        let Some(last) = kw.last() else { continue };
        if crate::wordlists::is_org_head(last) {
            continue;
        }
        if tails.contains(&kw) {
            e.label = Label::Per;
        }
    }
}

/// A person's name words without generational suffixes ("Jr.").
fn name_core(words: &[String]) -> &[String] {
    let mut w = words;
    while w.len() > 1
        && w.last().is_some_and(|x| {
            matches!(
                x.as_str(),
                "jr." | "jr" | "sr." | "sr" | "ii" | "iii" | "iv"
            )
        })
    {
        w = &w[..w.len() - 1];
    }
    w
}

fn find_cluster(
    building: &[Building],
    index: &Index,
    label: Label,
    kw: &[String],
) -> Option<usize> {
    if let Some(&id) = index.exact.get(&(label, kw.to_vec())) {
        return Some(id);
    }
    let (first, last) = (kw.first()?, kw.last()?);
    let with = |w: &str| {
        index
            .sharing(label, w)
            .inspect(|_| work_meter::step(kw.len()))
            .filter_map(|id| building.get(id).map(|b| (id, b)))
    };
    match label {
        Label::Per => {
            let core = name_core(kw);
            let surname = core.last()?;
            // A shorter name that ends a full one ("Akar", "Van Der Beek", "Kennedy" for
            // "James P. Kennedy Jr."): the fullest such person, the most recent among equals.
            let tail = with(surname)
                .filter(|(_, b)| {
                    let bc = name_core(&b.words);
                    bc.len() > core.len() && bc.ends_with(core)
                })
                .max_by_key(|(_, b)| (b.words.len(), b.last_mention))
                .map(|(id, _)| id);
            if tail.is_some() {
                return tail;
            }
            if kw.len() == 1 {
                // A first name alone ("Jose" for "Jose Mourinho").
                with(first)
                    .filter(|(_, b)| b.words.len() >= 2 && b.words.first() == Some(first))
                    .max_by_key(|(_, b)| b.last_mention)
                    .map(|(id, _)| id)
            } else {
                // "Patrick Carlineo" and "Patrick W. Carlineo Jr.": same first and last.
                with(first)
                    .find(|(_, b)| {
                        b.words.len() >= 2
                            && b.words.first() == Some(first)
                            && surname_of(&b.words) == surname_of(kw)
                    })
                    .map(|(id, _)| id)
            }
        }
        Label::Org => {
            let suffix = with(last)
                .filter(|(_, b)| is_suffix(kw, &b.words))
                .max_by_key(|(_, b)| b.last_mention)
                .map(|(id, _)| id);
            // "NSC" after "National Security Council", and the other way round.
            let acronym = || {
                if kw.len() == 1 {
                    building
                        .iter()
                        .enumerate()
                        .rev()
                        .take(MAX_SHARING)
                        .find(|(_, b)| b.label == label && is_acronym(kw, &b.words))
                        .map(|(id, _)| id)
                } else {
                    acronyms(kw)
                        .into_iter()
                        .find_map(|a| index.exact.get(&(label, vec![a])).copied())
                }
            };
            suffix.or_else(acronym)
        }
        Label::Loc | Label::Misc => None,
    }
}

fn initials(words: &[String]) -> String {
    words
        .iter()
        .filter(|w| !matches!(w.as_str(), "of" | "and" | "for" | "the" | "&"))
        .filter_map(|w| w.chars().next())
        .collect()
}

fn surname_of(words: &[String]) -> Option<&String> {
    words.iter().rev().find(|w| {
        !matches!(
            w.as_str(),
            "jr." | "jr" | "sr." | "sr" | "ii" | "iii" | "iv"
        )
    })
}

/// Role and affiliation written right before the mention at `span` ("Turkish Defense
/// Minister Hulusi Akar"), else a role in an appositive right after it ("Tomas Verhoeven, the
/// head of a dockers' union, ...").
fn role_before(
    body: &str,
    toks: &[paragraph_words::Tok<'_>],
    span: Span,
) -> Option<(Option<String>, Option<String>)> {
    let first = toks.partition_point(|t| t.start < span.start());
    let last = toks
        .partition_point(|t| t.start < span.end())
        .checked_sub(1)?;
    if first > last {
        return None;
    }
    let before = if first == 0 {
        None
    } else {
        title_before(body, toks, first, last)
    };
    match before {
        Some((Some(role), aff)) => Some((Some(role), aff)),
        other => {
            let aff = other.and_then(|(_, a)| a);
            let role = appositive_role(body, toks, last);
            (role.is_some() || aff.is_some()).then_some((role, aff))
        }
    }
}

fn title_before(
    body: &str,
    toks: &[paragraph_words::Tok<'_>],
    first: usize,
    last: usize,
) -> Option<(Option<String>, Option<String>)> {
    // Extend the mention's run back over capitalized title words.
    let run_first = names::run_back(toks, last, 0)?;
    let mut start = run_first.min(first);
    // Lower-case roles just before ("his Turkish counterpart Mevlut Cavusoglu"), within
    // one run's length of the mention.
    let lo = (last + 1).saturating_sub(names::MAX_RUN);
    while start > lo {
        work_meter::step(1);
        let t = &toks[start - 1];
        let lower_role =
            t.is_word() && crate::wordlists::is_role_word(t.text) && !t.is_capitalized();
        let title = start < first
            && t.is_word()
            && (t.is_capitalized() || crate::wordlists::is_role_word(t.text));
        if lower_role || title {
            start -= 1;
        } else {
            break;
        }
    }
    if start >= first {
        return None;
    }
    let name = names::split_run(body, toks, start, last)?;
    if name.role.is_none() && name.affiliation.is_none() {
        return None;
    }
    Some((name.role, name.affiliation))
}

/// `NAME, the head of the union that represents the dockers,`: the role phrase, when a role
/// word is among its first three words (at most 12 tokens, up to `,` `.` `;` `)`).
fn appositive_role(body: &str, toks: &[paragraph_words::Tok<'_>], last: usize) -> Option<String> {
    if !toks.get(last + 1)?.is_punct(',') {
        return None;
    }
    let mut k = last + 2;
    if toks
        .get(k)
        .is_some_and(|t| matches!(t.text.to_lowercase().as_str(), "the" | "a" | "an"))
    {
        k += 1;
    }
    let start = k;
    let mut end = None;
    let mut has_role = false;
    while let Some(t) = toks.get(k) {
        if !t.is_word() {
            if matches!(t.text, "," | "." | ";" | ")" | ":") {
                break;
            }
            if !matches!(t.text, "-" | "&" | "’" | "'") {
                return None;
            }
        } else if k < start + 3 && crate::wordlists::is_role_word(t.text) {
            has_role = true;
        }
        end = Some(k);
        k += 1;
        if k > start + 12 {
            return None;
        }
    }
    let end = end?;
    if !has_role {
        return None;
    }
    body.get(toks[start].start..toks[end].end)
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `nth` occurrence of `text` (0-based).
    fn paragraphs_of(body: &str) -> Vec<Span> {
        let mut out = Vec::new();
        let mut start = 0;
        for part in body.split("\n\n") {
            out.push(Span::new(start, start + part.len()));
            start += part.len() + 2;
        }
        out
    }

    fn entity(body: &str, text: &str, label: Label, nth: usize) -> Entity {
        let start = body.match_indices(text).nth(nth).unwrap().0;
        Entity {
            span: Span::new(start, start + text.len()),
            label,
            text: text.to_owned(),
            cluster: None,
        }
    }

    #[test]
    fn short_mentions_join_full_names() {
        let body = "Turkish Defense Minister Hulusi Akar met President Recep Tayyip Erdogan. \
                    Akar spoke. Erdogan chaired. The Russian Foreign Ministry and the Foreign Ministry. \
                    Ismail Demir came; Demir tweeted.";
        let mut ents = vec![
            entity(body, "Hulusi Akar", Label::Per, 0),
            entity(body, "Recep Tayyip Erdogan", Label::Per, 0),
            entity(body, "Akar", Label::Per, 1),
            entity(body, "Erdogan", Label::Per, 1),
            entity(body, "Russian Foreign Ministry", Label::Org, 0),
            entity(body, "Foreign Ministry", Label::Org, 1),
            entity(body, "Ismail Demir", Label::Per, 0),
            entity(body, "Demir", Label::Per, 1),
        ];
        ents.sort_by_key(|e| e.span);
        let clusters = cluster(
            body,
            &crate::paragraph_words::prepare(body, &paragraphs_of(body)),
            &mut ents,
        );
        let canon = |t: &str| {
            let e = ents.iter().rev().find(|e| e.text == t).unwrap();
            clusters[e.cluster.unwrap()].canonical.clone()
        };
        assert_eq!(canon("Akar"), "Hulusi Akar");
        assert_eq!(canon("Erdogan"), "Recep Tayyip Erdogan");
        assert_eq!(canon("Demir"), "Ismail Demir");
        assert_eq!(canon("Foreign Ministry"), "Russian Foreign Ministry");
        let akar = &clusters[ents[0].cluster.unwrap()];
        assert_eq!(akar.role.as_deref(), Some("Defense Minister"));
        assert_eq!(akar.affiliation.as_deref(), Some("Turkish"));
        assert_eq!(akar.mentions, 2);
        assert_eq!(clusters.len(), 4);
        for (i, c) in clusters.iter().enumerate() {
            assert_eq!(c.id, i);
        }
    }

    /// Issue 14: acronyms and short forms join their full name's cluster, either order.
    #[test]
    fn issue_14_acronyms_join_their_full_names() {
        let cases: &[(&str, &str, &str, bool)] = &[
            (
                "The Drug Enforcement Administration seized it. The DEA said so.",
                "Drug Enforcement Administration",
                "DEA",
                true,
            ),
            (
                "The DEA seized it. The Drug Enforcement Administration said so.",
                "Drug Enforcement Administration",
                "DEA",
                true,
            ),
            (
                "The U.S. Food and Drug Administration approved it. The FDA said so.",
                "U.S. Food and Drug Administration",
                "FDA",
                true,
            ),
            (
                "The National Aeronautics and Space Administration flew. NASA said so.",
                "National Aeronautics and Space Administration",
                "NASA",
                true,
            ),
            (
                "The Drug Enforcement Administration seized it. The FBI said so.",
                "Drug Enforcement Administration",
                "FBI",
                false,
            ),
            (
                "The Food and Drug Administration approved it. The DA said so.",
                "Food and Drug Administration",
                "DA",
                false,
            ),
        ];
        for (body, long, short, joined) in cases {
            let (first, second) = if body.find(long) < body.find(short) {
                (long, short)
            } else {
                (short, long)
            };
            let mut ents = vec![
                entity(body, first, Label::Org, 0),
                entity(body, second, Label::Org, 0),
            ];
            let clusters = cluster(
                body,
                &crate::paragraph_words::prepare(body, &paragraphs_of(body)),
                &mut ents,
            );
            assert_eq!(
                ents[0].cluster == ents[1].cluster,
                *joined,
                "{body:?}: {clusters:?}"
            );
            if *joined {
                assert_eq!(clusters[0].canonical, *long, "{body:?}");
            }
        }
    }

    #[test]
    fn short_mention_before_full_name_merges() {
        let body = "Lopez won. Feliciano Lopez said so.";
        let mut ents = vec![
            entity(body, "Lopez", Label::Per, 0),
            entity(body, "Feliciano Lopez", Label::Per, 0),
        ];
        let clusters = cluster(
            body,
            &crate::paragraph_words::prepare(body, &paragraphs_of(body)),
            &mut ents,
        );
        assert_eq!(clusters.len(), 1);
        assert_eq!(clusters[0].canonical, "Feliciano Lopez");
        assert_eq!(clusters[0].first, ents[0].span);
        assert_eq!(clusters[0].mentions, 2);
    }

    /// The seed article's ten body paragraphs with the mentions an NER should give: the
    /// short names join their full names.
    #[test]
    fn seed_names_join_full_names() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../shared/data/seed/massispost-2020-07-armenia-azerbaijan.txt");
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("skipping: {} not found", path.display());
            return;
        };
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let first = lines
            .iter()
            .position(|l| l.starts_with("MOSCOW — "))
            .unwrap();
        let body = lines[first..first + 10].join("\n\n");
        let names = [
            ("Recep Tayyip Erdogan", Label::Per),
            ("Russian Foreign Ministry", Label::Org),
            ("Armenian Foreign Ministry", Label::Org),
            ("National Security Council", Label::Org),
            ("Mevlut Cavusoglu", Label::Per),
            ("Sergei Lavrov", Label::Per),
            ("Ramiz Tahirov", Label::Per),
            ("Ismail Demir", Label::Per),
            ("Hulusi Akar", Label::Per),
            ("Erdogan", Label::Per),
            ("Demir", Label::Per),
            ("Akar", Label::Per),
            ("Moscow", Label::Loc),
            ("Ankara", Label::Loc),
        ];
        let mut ents: Vec<Entity> = Vec::new();
        for (name, label) in names {
            for (start, _) in body.match_indices(name) {
                let span = Span::new(start, start + name.len());
                if ents.iter().all(|e| !e.span.overlaps(span)) {
                    ents.push(Entity {
                        span,
                        label,
                        text: name.to_owned(),
                        cluster: None,
                    });
                }
            }
        }
        ents.sort_by_key(|e| e.span);
        let clusters = cluster(
            &body,
            &crate::paragraph_words::prepare(&body, &paragraphs_of(&body)),
            &mut ents,
        );
        let canonical = |short: &str| {
            let e = ents.iter().rev().find(|e| e.text == short).unwrap();
            clusters[e.cluster.unwrap()].canonical.clone()
        };
        assert_eq!(canonical("Akar"), "Hulusi Akar");
        assert_eq!(canonical("Erdogan"), "Recep Tayyip Erdogan");
        assert_eq!(canonical("Demir"), "Ismail Demir");
        assert_eq!(canonical("Sergei Lavrov"), "Sergei Lavrov");
        assert_eq!(canonical("Mevlut Cavusoglu"), "Mevlut Cavusoglu");
        let by_name = |n: &str| clusters.iter().find(|c| c.canonical == n).unwrap();
        assert_eq!(by_name("Hulusi Akar").mentions, 2);
        assert_eq!(
            by_name("Hulusi Akar").role.as_deref(),
            Some("Defense Minister")
        );
        assert_eq!(
            by_name("Hulusi Akar").affiliation.as_deref(),
            Some("Turkish")
        );
        assert_eq!(
            by_name("Sergei Lavrov").role.as_deref(),
            Some("Foreign Minister")
        );
        assert_eq!(
            by_name("Sergei Lavrov").affiliation.as_deref(),
            Some("Russian")
        );
        assert_eq!(
            by_name("Recep Tayyip Erdogan").role.as_deref(),
            Some("President")
        );
        assert_eq!(by_name("Recep Tayyip Erdogan").mentions, 2);
        assert_eq!(
            by_name("Ramiz Tahirov").role.as_deref(),
            Some("Deputy Defense Minister")
        );
        // "Russian Foreign Ministry" and "Armenian Foreign Ministry" stay apart.
        assert_ne!(
            by_name("Russian Foreign Ministry").id,
            by_name("Armenian Foreign Ministry").id
        );
    }

    /// Limit: an ORG or MISC mention becomes a person when it is a tail of at most
    /// `MAX_TAIL_WORDS` words of a person's name (tested at the limit and one over).
    #[test]
    fn person_tails_stop_at_the_limit() {
        for n in [MAX_TAIL_WORDS, MAX_TAIL_WORDS + 1] {
            let words: Vec<String> = (0..=n)
                .map(|i| format!("N{}x", char::from(b'a' + u8::try_from(i).unwrap())))
                .collect();
            let full = words.join(" ");
            let tail = words[1..].join(" ");
            let body = format!("{full} met {tail}.");
            let mut ents = vec![
                entity(&body, &full, Label::Per, 0),
                entity(&body, &tail, Label::Org, 1),
            ];
            relabel_person_tails(&mut ents);
            let want = if n <= MAX_TAIL_WORDS {
                Label::Per
            } else {
                Label::Org
            };
            assert_eq!(ents[1].label, want, "tail of {n} words");
        }
    }

    #[test]
    fn canonical_prefers_mixed_case() {
        let body = "MOSCOW — It rained in Moscow.";
        let mut ents = vec![
            entity(body, "MOSCOW", Label::Loc, 0),
            entity(body, "Moscow", Label::Loc, 0),
        ];
        let clusters = cluster(
            body,
            &crate::paragraph_words::prepare(body, &paragraphs_of(body)),
            &mut ents,
        );
        assert_eq!(clusters.len(), 1);
        assert_eq!(clusters[0].canonical, "Moscow");
        assert_eq!(clusters[0].first, ents[0].span);
    }
}

//! Turning noun phrases into speakers: names through the entity layer and its clusters,
//! descriptions, and pronouns and "the statement" resolved to earlier speakers and
//! sentence subjects ([`Candidates`]).

use std::collections::HashSet;

use article_model::{Cluster, Entity, Label, SpeakerKind};

use super::noun_phrase::{Np, appositive_name, np_forward, subject_start};
use super::paragraph::Para;
use crate::names::{self, Name, NameIndex, NameKind};
use crate::paragraph_words::{self, Tok};
use crate::wordlists::{self, Gender, Pronoun};
use crate::work_meter;

/// A resolved speaker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Speaker {
    /// The speaker's name as given in the quote layer.
    pub name: String,
    /// The speaker's cluster, when the speaker is a recognised entity.
    pub cluster: Option<usize>,
    /// Person, organisation or unknown.
    pub kind: NameKind,
    /// How the text gives the speaker: a name, a description, a pronoun.
    pub given: SpeakerKind,
}

/// How far back (in paragraphs) pronouns and "the statement" look for their referent.
const REFERENT_PARAGRAPHS: usize = 4;

/// At most this many earlier candidates are looked at for a pronoun.
const REFERENT_CANDIDATES: usize = 64;

/// A possible referent for pronouns: a sentence subject or an earlier speaker.
#[derive(Clone, Debug)]
pub(super) struct Candidate {
    pub(super) pos: usize,
    pub(super) paragraph: usize,
    pub(super) speaker: Speaker,
    /// Whether it is the author of a statement, release or letter.
    pub(super) author: bool,
}

/// Referent candidates: sentence subjects and organisations (fixed), and speakers found so
/// far; each list sorted by position.
pub(super) struct Candidates {
    pub(super) subjects: Vec<Candidate>,
    pub(super) speakers: Vec<Candidate>,
}

impl Candidates {
    pub(super) fn add_speaker(&mut self, c: Candidate) {
        let at = self.speakers.partition_point(|x| x.pos <= c.pos);
        self.speakers.insert(at, c);
    }

    /// The most recent candidates before `pos` within `REFERENT_PARAGRAPHS` of
    /// `paragraph`, most recent first.
    pub(super) fn recent(&self, pos: usize, paragraph: usize) -> Vec<&Candidate> {
        let mut out: Vec<&Candidate> = Vec::new();
        for list in [&self.subjects, &self.speakers] {
            let end = list.partition_point(|c| c.pos < pos);
            out.extend(
                list[..end]
                    .iter()
                    .rev()
                    .take(REFERENT_CANDIDATES)
                    .filter(|c| c.paragraph + REFERENT_PARAGRAPHS >= paragraph),
            );
        }
        work_meter::step(out.len());
        // Most recent first; at one position, a speaker before a subject.
        out.sort_by_key(|c| std::cmp::Reverse(c.pos));
        out
    }
}

/// A capitalized word that is a common word: written in lower case elsewhere, or a
/// sentence-initial "-ing"/"-ed" form never capitalized mid-sentence ("Hosting Cook").
fn is_common_word(t: &Tok<'_>, lower: &HashSet<String>, mid_caps: &HashSet<String>) -> bool {
    lower.contains(&t.text.to_lowercase())
        || (!mid_caps.contains(t.text) && (t.text.ends_with("ing") || t.text.ends_with("ed")))
}

fn is_opening_mark(t: &Tok<'_>) -> bool {
    t.kind == paragraph_words::Kind::Punct
        && matches!(t.text, "“" | "\"" | "‘" | "'" | "«" | "„" | "(")
}

/// Turns noun phrases into speakers.
pub(super) struct Resolver<'a> {
    body: &'a str,
    paras: &'a [Para<'a>],
    entities: &'a [Entity],
    clusters: &'a [Cluster],
    index: NameIndex,
    /// Indices of `entities` sorted by start.
    by_start: Vec<usize>,
    /// Capitalized words seen other than at a sentence start: names, not sentence-initial
    /// common words.
    mid_caps: HashSet<String>,
    /// Capitalized words used alone somewhere.
    standalone: HashSet<String>,
}

impl<'a> Resolver<'a> {
    pub(super) fn new(
        body: &'a str,
        paras: &'a [Para<'a>],
        entities: &'a [Entity],
        clusters: &'a [Cluster],
    ) -> Resolver<'a> {
        // Words written in lower case somewhere are common words, not names, when they
        // open a capitalized run ("Hosting Cook at Dreamforce").
        let mut lower = HashSet::new();
        let mut mid_caps = HashSet::new();
        for para in paras {
            for (k, t) in para.toks.iter().enumerate() {
                if t.is_word() && t.text.chars().next().is_some_and(char::is_lowercase) {
                    if !lower.contains(t.text) {
                        lower.insert(t.text.to_owned());
                    }
                } else if t.is_capitalized()
                    && !para.starts_sentence(t.start)
                    && k > 0
                    && !is_opening_mark(&para.toks[k - 1])
                    && !mid_caps.contains(t.bare())
                {
                    mid_caps.insert(t.bare().to_owned());
                }
            }
        }
        // Capitalized words used alone, not next to another name word ("Swift said"):
        // the last word of a full name used so marks a person.
        let mut standalone = HashSet::new();
        for para in paras {
            let toks = &para.toks;
            for (k, t) in toks.iter().enumerate() {
                if names::is_name_word(t)
                    && (k == 0 || !names::is_name_word(&toks[k - 1]))
                    && toks.get(k + 1).is_none_or(|n| !names::is_name_word(n))
                    && !standalone.contains(t.bare())
                {
                    standalone.insert(t.bare().to_owned());
                }
            }
        }
        let mut index = NameIndex::default();
        for para in paras {
            let toks = &para.toks;
            let mut k = 0;
            while k < toks.len() {
                if names::is_name_word(&toks[k]) && !para.is_quoted(toks[k].start) {
                    if let Some(last) = names::run_forward(toks, k, toks.len()) {
                        let mut first = k;
                        while first < last && is_common_word(&toks[first], &lower, &mid_caps) {
                            first += 1;
                        }
                        if let Some(name) = names::split_run(body, toks, first, last) {
                            if name.kind != NameKind::Org {
                                index.add(&name.text, name.start);
                            }
                        }
                        k = last + 1;
                        continue;
                    }
                }
                k += 1;
            }
        }
        let mut by_start: Vec<usize> = (0..entities.len()).collect();
        by_start.sort_by_key(|&i| entities[i].span.start());
        Resolver {
            body,
            paras,
            entities,
            clusters,
            index,
            by_start,
            mid_caps,
            standalone,
        }
    }

    /// Sentence subjects outside quotations, and every organisation named outside them,
    /// as referent candidates.
    pub(super) fn subjects(&self) -> Vec<Candidate> {
        let mut out = self.organisations();
        for (pi, para) in self.paras.iter().enumerate() {
            let toks = &para.toks;
            let mut starts = para.sentences.to_vec();
            starts.push(usize::MAX);
            for w in starts.windows(2) {
                let (a, b) = para.range(w[0], w[1]);
                let Some(k) = subject_start(toks, a, b, para) else {
                    continue;
                };
                let Some(np) = np_forward(toks, k, b) else {
                    continue;
                };
                if let Np::Name { first, last, det } = appositive_name(toks, np, b) {
                    let one_word = first == last;
                    if one_word
                        && !self.mid_caps.contains(toks[first].bare())
                        && self
                            .index
                            .full_name(toks[first].bare(), toks[first].start)
                            .is_none()
                    {
                        continue;
                    }
                    if let Some(s) = self.name_speaker(toks, first, last, det) {
                        let author = toks[a..b].iter().any(|t| {
                            wordlists::is_document_noun(t.text)
                                && matches!(
                                    t.text.to_lowercase().as_str(),
                                    "statement" | "release" | "letter" | "communique"
                                )
                        });
                        out.push(Candidate {
                            pos: toks[first].start,
                            paragraph: pi,
                            speaker: s,
                            author,
                        });
                    }
                }
            }
        }
        out
    }

    /// The person who is the subject of the sentence of `para` ending before `end`, when
    /// that sentence has no quotation ("Walton shrugged when asked. “He is right.”").
    pub(super) fn previous_subject(&self, para: &Para<'_>, end: usize) -> Option<Speaker> {
        let toks = &para.toks;
        let before = toks.get(para.range(0, end).1.checked_sub(1)?)?;
        let lo = para.sentence_start(before.start);
        let (a, b) = para.range(lo, end);
        if toks[a..b].iter().any(|t| para.is_quoted(t.start)) {
            return None;
        }
        let k = subject_start(toks, a, b, para)?;
        let np = appositive_name(toks, np_forward(toks, k, b)?, b);
        let Np::Name { first, last, det } = np else {
            return None;
        };
        self.name_speaker(toks, first, last, det)
            .filter(|s| s.kind == NameKind::Person)
    }

    /// Organisation names outside quotations ("the Spanish Tennis Federation").
    fn organisations(&self) -> Vec<Candidate> {
        let mut out = Vec::new();
        for (pi, para) in self.paras.iter().enumerate() {
            let toks = &para.toks;
            let mut k = 0;
            while k < toks.len() {
                if names::is_name_word(&toks[k]) && !para.is_quoted(toks[k].start) {
                    if let Some(last) = names::run_forward(toks, k, toks.len()) {
                        if wordlists::is_org_head(toks[last].bare())
                            && !para.starts_sentence(toks[k].start)
                        {
                            let det = k > 0 && toks[k - 1].text.eq_ignore_ascii_case("the");
                            if let Some(s) = self.name_speaker(toks, k, last, det) {
                                out.push(Candidate {
                                    pos: toks[k].start,
                                    paragraph: pi,
                                    speaker: s,
                                    author: false,
                                });
                            }
                        }
                        k = last + 1;
                        continue;
                    }
                }
                k += 1;
            }
        }
        out
    }

    /// The speaker for a name run.
    fn name_speaker(
        &self,
        toks: &[Tok<'_>],
        first: usize,
        last: usize,
        det: bool,
    ) -> Option<Speaker> {
        let name: Name = names::split_run(self.body, toks, first, last)?;
        // An entity of the NER inside the name: its cluster decides.
        if let Some(s) = self.entity_speaker(toks[first].start, toks[last].end) {
            return Some(s);
        }
        let mut kind = name.kind;
        let mut text = name.text.clone();
        // "Ministry of Health", "Department of Justice": an organisation.
        let mut words = text.split_whitespace();
        if words.next().is_some_and(wordlists::is_org_head) && words.next() == Some("of") {
            kind = NameKind::Org;
        }
        if kind != NameKind::Org {
            if let Some(full) = self.index.full_name(&text, toks[first].start) {
                text = full.to_owned();
                kind = NameKind::Person;
            } else if text.split_whitespace().count() >= 2
                && text
                    .split_whitespace()
                    .last()
                    .is_some_and(|w| self.standalone.contains(w))
            {
                kind = NameKind::Person;
            }
        }
        if det && kind != NameKind::Person {
            let the = toks
                .get(first.wrapping_sub(1))
                .map_or("the", |t| if t.text == "The" { "the" } else { t.text });
            text = format!("{the} {text}");
            if kind == NameKind::Unknown {
                kind = NameKind::Org;
            }
        }
        Some(Speaker {
            name: text,
            cluster: None,
            kind,
            given: SpeakerKind::Entity,
        })
    }

    /// The person and organisation entities starting in `start..end`, with their start
    /// and end (at most 16).
    pub(super) fn entities_in(&self, start: usize, end: usize) -> Vec<(usize, usize, Speaker)> {
        let from = self
            .by_start
            .partition_point(|&i| self.entities[i].span.start() < start);
        let mut out = Vec::new();
        for &i in self.by_start[from..].iter().take(16) {
            work_meter::step(1);
            let e = &self.entities[i];
            if e.span.start() >= end {
                break;
            }
            if matches!(e.label, Label::Per | Label::Org) {
                if let Some(s) = self.entity_speaker(e.span.start(), e.span.end()) {
                    out.push((e.span.start(), e.span.end(), s));
                }
            }
        }
        out
    }

    /// The cluster of the last PER (else ORG) entity inside `start..end`.
    fn entity_speaker(&self, start: usize, end: usize) -> Option<Speaker> {
        // The entities starting in `start..end`, by position (a binary search, not a scan).
        let from = self
            .by_start
            .partition_point(|&i| self.entities[i].span.start() < start);
        let inside = self.by_start[from..]
            .iter()
            .inspect(|_| work_meter::step(1))
            .take_while(|&&i| self.entities[i].span.start() < end)
            .filter(|&&i| self.entities[i].span.end() <= end);
        // The last in the entity list, as a scan of the list would find.
        let last_with = |label: Label| {
            inside
                .clone()
                .filter(|&&i| self.entities[i].label == label)
                .max()
                .map(|&i| &self.entities[i])
        };
        let pick = last_with(Label::Per).or_else(|| last_with(Label::Org))?;
        let cluster = pick.cluster.and_then(|c| self.clusters.get(c));
        let kind = if pick.label == Label::Per {
            NameKind::Person
        } else {
            NameKind::Org
        };
        let mut name = cluster.map_or_else(|| pick.text.clone(), |c| c.canonical.clone());
        // A person whose cluster kept a short name ("Rice"): the full name the text gives
        // ("Condoleezza Rice").
        if kind == NameKind::Person && !name.contains(' ') {
            if let Some(full) = self.index.full_name(&name, pick.span.start()) {
                name = full.to_owned();
            }
        }
        Some(Speaker {
            name,
            cluster: cluster.map(|c| c.id),
            kind,
            given: SpeakerKind::Entity,
        })
    }

    pub(super) fn resolve(
        &self,
        para: &Para<'_>,
        np: Np,
        candidates: &Candidates,
        paragraph: usize,
        pos: usize,
    ) -> Option<Speaker> {
        let toks = &para.toks;
        match np {
            Np::Pronoun(p, k) => {
                // "Roe should “be careful,” he said": "he" is not Roe, a name of the
                // clause it reports (mentions from the quotation's sentence start on).
                let after = toks.get(k).is_some_and(|t| t.start > pos);
                let reported_from = if after {
                    clause_start(para, pos)
                } else {
                    usize::MAX
                };
                let gender = pronoun_gender_at(toks, k);
                self.referent_of(p, gender, reported_from, candidates, paragraph, pos)
                    .map(|s| Speaker {
                        given: SpeakerKind::Pronoun,
                        ..s
                    })
            }
            Np::Name { first, last, det } => self.name_speaker(toks, first, last, det),
            Np::Description { first, last } => {
                let head = toks[last].text;
                // "a report from Kotak Institutional Equities"
                if wordlists::is_document_noun(head) {
                    if let Some(from) = toks.get(last + 1) {
                        if matches!(from.text, "from" | "by" | "of") {
                            if let Some(Np::Name { first, last, det }) =
                                np_forward(toks, last + 2, toks.len())
                            {
                                return self.name_speaker(toks, first, last, det);
                            }
                        }
                    }
                    return self.referent(Pronoun::Thing, candidates, paragraph, pos);
                }
                // "the actor", "the company": an earlier person or organisation, else the
                // description itself.
                let definite = toks[first].text.eq_ignore_ascii_case("the");
                let referent =
                    if definite && (wordlists::is_role_word(head) || head.ends_with("-old")) {
                        self.referent(Pronoun::Person, candidates, paragraph, pos)
                    } else if definite && wordlists::is_org_anaphor(head) {
                        // "the ministry": the ministry named before, else the latest
                        // organisation.
                        self.referent_named(head, candidates, paragraph, pos)
                            .or_else(|| self.referent(Pronoun::Group, candidates, paragraph, pos))
                    } else {
                        None
                    };
                if referent.is_some() {
                    return referent;
                }
                let text = self.body.get(toks[first].start..toks[last].end)?;
                let mut text = text.to_owned();
                // "Officials said", "Former aides said": a common word capitalized only
                // because it opens the sentence.
                let opener = &toks[first];
                let initial = para.starts_sentence(opener.start)
                    || first
                        .checked_sub(1)
                        .is_some_and(|p| is_opening_mark(&toks[p]));
                if opener.is_capitalized()
                    && (wordlists::is_determiner(opener.text)
                        || (initial && !self.mid_caps.contains(opener.bare())))
                {
                    let mut chars = text.chars();
                    if let Some(c) = chars.next() {
                        text = c.to_lowercase().chain(chars).collect();
                    }
                }
                Some(Speaker {
                    name: text,
                    cluster: None,
                    kind: NameKind::Unknown,
                    given: SpeakerKind::Description,
                })
            }
        }
    }

    /// The most recent organisation before `pos` whose name has the word `head`
    /// ("Ministry of Health" for "the ministry").
    fn referent_named(
        &self,
        head: &str,
        candidates: &Candidates,
        paragraph: usize,
        pos: usize,
    ) -> Option<Speaker> {
        candidates
            .recent(pos, paragraph)
            .into_iter()
            .find(|c| {
                c.speaker
                    .name
                    .split_whitespace()
                    .any(|w| w.eq_ignore_ascii_case(head))
            })
            .map(|c| c.speaker.clone())
    }

    /// The words of the quotation of paragraph `paragraph` that opens at `pos` (none when
    /// no quotation opens there).
    fn quotation_words(&self, paragraph: usize, pos: usize) -> &'a [Tok<'a>] {
        let Some(para) = self.paras.get(paragraph) else {
            return &[];
        };
        let Some(&(open, close)) = para.quoted.iter().find(|q| q.0 == pos) else {
            return &[];
        };
        let (a, b) = para.range(open, close);
        &para.toks[a..b]
    }

    /// The most recent compatible candidate before `pos`.
    fn referent(
        &self,
        p: Pronoun,
        candidates: &Candidates,
        paragraph: usize,
        pos: usize,
    ) -> Option<Speaker> {
        self.referent_of(p, None, usize::MAX, candidates, paragraph, pos)
    }

    /// The most recent compatible candidate before `pos`; for "he"/"she" (`gender`), not a
    /// person whose first name is of the other sex, nor a person mentioned from
    /// `reported_from` on.
    fn referent_of(
        &self,
        p: Pronoun,
        gender: Option<Gender>,
        reported_from: usize,
        candidates: &Candidates,
        paragraph: usize,
        pos: usize,
    ) -> Option<Speaker> {
        let recent = candidates.recent(pos, paragraph);
        let recent = recent.iter().copied();
        // "“Mr Roe is persuasive,” he said": not Roe, whom the quotation talks about.
        let quoted = self.quotation_words(paragraph, pos);
        let named = |c: &&Candidate| {
            c.speaker.kind == NameKind::Person
                && c.speaker
                    .name
                    .split_whitespace()
                    .last()
                    .is_some_and(|w| quoted.iter().any(|t| t.bare() == w))
        };
        let person_like = |c: &&Candidate| {
            is_person_referent(&c.speaker, gender)
                && (gender.is_none() || (!named(c) && c.pos < reported_from))
        };
        let pick = match p {
            Pronoun::Person => recent.clone().find(person_like),
            Pronoun::Group => recent
                .clone()
                .find(|c| c.speaker.kind == NameKind::Org)
                .or_else(|| recent.clone().find(|c| c.speaker.kind != NameKind::Person)),
            Pronoun::Thing => recent
                .clone()
                .find(|c| c.author)
                .or_else(|| recent.clone().find(|c| c.speaker.kind == NameKind::Org)),
            Pronoun::Other => None,
        }?;
        Some(pick.speaker.clone())
    }
}

/// The gender of the pronoun token `k` of `toks` ("he", "she").
pub(super) fn pronoun_gender_at(toks: &[Tok<'_>], k: usize) -> Option<Gender> {
    toks.get(k).and_then(|t| wordlists::pronoun_gender(t.text))
}

/// Whether `s` can be the referent of "he"/"she" of `gender` (`None`: either): a person,
/// or an unknown name of two words, whose first name is not of the other sex.
pub(super) fn is_person_referent(s: &Speaker, gender: Option<Gender>) -> bool {
    let person = s.kind == NameKind::Person
        || (s.kind == NameKind::Unknown && s.name.split_whitespace().count() >= 2);
    person && !gender_clash(s, gender)
}

/// Whether the first name of `s` is of the other sex than `gender`.
pub(super) fn gender_clash(s: &Speaker, gender: Option<Gender>) -> bool {
    gender.is_some_and(|g| wordlists::name_gender(&s.name).is_some_and(|h| h != g))
}

/// Where the sentence holding `pos` starts, or after its last `.`, `?` or `!` before
/// `pos` when the splitter did not break there.
fn clause_start(para: &Para<'_>, pos: usize) -> usize {
    let lo = para.sentence_start(pos);
    let (a, b) = para.range(lo, pos);
    para.toks[a..b]
        .iter()
        .rev()
        .find(|t| t.is_punct('.') || t.is_punct('?') || t.is_punct('!'))
        .map_or(lo, |t| t.end)
}

//! Table tests: quote-mark conventions, reporting-verb patterns, statement and pronoun
//! speakers, scare quotes.

use article_model::{Quote, Span, SpeakerKind};

use super::find;

fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for part in text.split("\n\n") {
        out.push(Span::new(start, start + part.len()));
        start += part.len() + 2;
    }
    out
}

fn quotes(text: &str) -> Vec<Quote> {
    let words = crate::paragraph_words::prepare(text, &paragraphs(text));
    find(text, &words, &[], &[])
}

/// (quoted text, speaker) of the non-scare quotations.
fn said(text: &str) -> Vec<(String, Option<String>)> {
    quotes(text)
        .into_iter()
        .filter(|q| !q.scare)
        .map(|q| (q.text, q.speaker))
        .collect()
}

fn speaker_of_last(text: &str) -> Option<String> {
    said(text).pop().and_then(|(_, s)| s)
}

#[test]
fn reporting_verb_patterns() {
    let cases: &[(&str, &str)] = &[
        ("“We will win the final,” Lopez said.", "Lopez"),
        (
            "“We will win the final,” said Feliciano Lopez.",
            "Feliciano Lopez",
        ),
        ("“We will win the final,” Lopez told reporters.", "Lopez"),
        (
            "Feliciano Lopez told reporters: “We will win the final.”",
            "Feliciano Lopez",
        ),
        ("According to Lopez, “we will win the final.”", "Lopez"),
        ("“We will win the final,” according to Lopez.", "Lopez"),
        ("“We will win the final,” Lopez added.", "Lopez"),
        (
            "“We will win the final,” Lopez said in a statement.",
            "Lopez",
        ),
        (
            "Lopez said in a statement: “We will win the final.”",
            "Lopez",
        ),
        (
            "Lena Kovac vowed that Northland will be “held fully responsible” for it.",
            "Lena Kovac",
        ),
        (
            "The Northland Transport Ministry branded the board a “danger to the whole coast.”",
            "the Northland Transport Ministry",
        ),
        (
            "Hulusi Akar, the defense minister, said: “We are ready for it.”",
            "Hulusi Akar",
        ),
        (
            "“We are ready for it,” Hulusi Akar, the defense minister, said on Monday.",
            "Hulusi Akar",
        ),
        (
            "“We are ready for it,” CEO Tim Cook said Tuesday.",
            "Tim Cook",
        ),
        (
            "“We are ready for it,” said a company spokesperson.",
            "a company spokesperson",
        ),
        ("“We are ready for it,” Lopez tearfully asked.", "Lopez"),
        ("“Is this the end of it?” Lopez asked.", "Lopez"),
        (
            "“We are ready for it,” the Spanish Tennis Federation said.",
            "the Spanish Tennis Federation",
        ),
        (
            "Lopez accused the judges and warned that “we are ready for it.”",
            "Lopez",
        ),
        (
            "The backlog is “getting longer by the week” and worse, Noem said.",
            "Noem",
        ),
        (
            "Mr. Smith said the deal was “not what we wanted at all.”",
            "Smith",
        ),
    ];
    for (text, want) in cases {
        assert_eq!(speaker_of_last(text).as_deref(), Some(*want), "{text:?}");
    }
}

#[test]
fn short_names_become_full_names() {
    let text = "Turkish Defense Minister Hulusi Akar spoke on Monday.\n\n“We are ready for it,” Akar said.";
    assert_eq!(speaker_of_last(text).as_deref(), Some("Hulusi Akar"));
}

#[test]
fn statement_and_it_are_their_author() {
    let text = "“We talked about the pay offer today,” the Harbour Workers Council said in a \
                statement. “Both sides agreed to meet again,” added the statement.";
    let got = said(text);
    assert_eq!(got[1].1.as_deref(), Some("the Harbour Workers Council"));

    let text = "Northland’s Port Safety Council condemned the blockade in a statement. It \
                said the city “will back any deal the workers accept.”";
    assert_eq!(
        speaker_of_last(text).as_deref(),
        Some("Northland’s Port Safety Council")
    );
}

#[test]
fn pronouns_take_the_most_recent_compatible_referent() {
    let text = "Maria Sharapova met Rafael Nadal in Madrid.\n\nNadal left early. “I am tired \
                of all this,” he said.";
    assert_eq!(speaker_of_last(text).as_deref(), Some("Rafael Nadal"));
    let text = "Rafael Nadal met the Spanish Tennis Federation. “We are tired of all this,” \
                they said.";
    // "they" is not the person just named.
    assert_ne!(speaker_of_last(text).as_deref(), Some("Rafael Nadal"));
    // "I" and "we" tell nothing about the speaker.
    assert_eq!(
        speaker_of_last("“We are tired of all this,” we said."),
        None
    );
}

#[test]
fn quotations_without_attribution_continue_the_previous_speaker() {
    let text = "“It was a difficult day for us,” Lopez said. “Now we are in a good position.”";
    let got = said(text);
    assert_eq!(got.len(), 2);
    assert!(
        got.iter().all(|(_, s)| s.as_deref() == Some("Lopez")),
        "{got:?}"
    );

    let text = "Lopez said: “It was a difficult day for us.\n\n“Now we are in a good position.”";
    let got = said(text);
    assert_eq!(got.len(), 2);
    assert!(
        got.iter().all(|(_, s)| s.as_deref() == Some("Lopez")),
        "{got:?}"
    );

    let text = "“I just want to play my own music,” Swift said.\n\n“That is all there is to it.”";
    assert_eq!(speaker_of_last(text).as_deref(), Some("Swift"));
}

#[test]
fn weak_evidence_gives_no_speaker() {
    for text in [
        "“We will win the final,” the crowd chanted.",
        "Nobody knew what “a better tomorrow for everyone” meant.",
        "“We will win the final.”",
    ] {
        assert_eq!(speaker_of_last(text), None, "{text:?}");
    }
}

#[test]
fn every_convention_is_attributed() {
    for (open, close) in [
        ("\"", "\""),
        ("“", "”"),
        ("„", "“"),
        ("«", "»"),
        ("« ", " »"),
        ("‘", "’"),
        ("'", "'"),
        ("``", "''"),
    ] {
        let text = format!("{open}We will win the final,{close} Lopez said.");
        let got = said(&text);
        assert_eq!(
            got,
            [(
                "We will win the final,".to_owned(),
                Some("Lopez".to_owned())
            )],
            "{text:?}"
        );
    }
}

#[test]
fn scare_quotes() {
    let q = quotes("Turkey condemned the Armenian “aggression” on Wednesday.");
    assert_eq!(q.len(), 1);
    assert!(q[0].scare);
    assert_eq!(q[0].speaker, None);
    let q = quotes("Turkey talked of “phase one” of the deal.");
    assert!(q[0].scare);
    // A short statement of its own is not a scare quote.
    let q = quotes("“No,” he said.");
    assert!(!q[0].scare);
    let q = quotes("He said: “Never.”");
    assert!(!q[0].scare);
    // Titles in title case with no speaker.
    let q = quotes("They played “Takin’ It To the Streets” and “Black Water” last night.");
    assert!(q.iter().all(|q| q.scare), "{q:?}");
}

#[test]
fn unbalanced_and_nested_marks_never_break_the_layer() {
    for text in [
        "He said “we will win.\n\nNext paragraph here.",
        "“Outer ‘inner’ and “more” text” she said.",
        "”Backwards“ and «mixed” marks» here.",
        "\"\"\"\"\"",
        "‘’‘’“”“”«»„",
        "A ' lone ' apostrophe ' soup '",
    ] {
        let qs = quotes(text);
        let mut prev_end = 0;
        for q in &qs {
            assert!(q.span.start() >= prev_end, "{text:?}: {qs:?}");
            assert_eq!(q.span.get(text), Some(q.text.as_str()), "{text:?}");
            prev_end = q.span.end();
        }
    }
}

/// (quoted text, speaker, kind) of the non-scare quotations.
fn said_with_kind(text: &str) -> Vec<(String, Option<String>, Option<SpeakerKind>)> {
    quotes(text)
        .into_iter()
        .filter(|q| !q.scare)
        .map(|q| (q.text, q.speaker, q.speaker_kind))
        .collect()
}

/// Issue 14: a speaker that is a noun phrase headed by a person noun, with no entity.
#[test]
fn issue_14_description_speakers() {
    use SpeakerKind::Description;
    let cases: &[(&str, &str)] = &[
        ("“We saw smoke everywhere,” officers said.", "officers"),
        ("“We saw smoke everywhere,” an officer said.", "an officer"),
        (
            "“The classrooms are too cold,” teachers told the board.",
            "teachers",
        ),
        (
            "“We will not leave,” some protesters shouted.",
            "some protesters",
        ),
        (
            "“He never listened to anyone,” former aides said.",
            "former aides",
        ),
        (
            "“It was terrifying,” said a series of residents.",
            "a series of residents",
        ),
        (
            "“The numbers do not add up,” a ministry spokesperson said.",
            "a ministry spokesperson",
        ),
        ("“We are reviewing the footage,” police said.", "police"),
        (
            "“We are reviewing the footage,” the ministry said.",
            "the ministry",
        ),
        ("Officials said: “The bridge is safe.”", "officials"),
        ("“It is over,” residents said on Sunday.", "residents"),
        ("“It is over,” two residents said.", "two residents"),
        (
            "“It is over,” one neighbour told reporters.",
            "one neighbour",
        ),
        (
            "“Prices will rise,” according to analysts at the bank.",
            "analysts at the bank",
        ),
        (
            "Doctors at the hospital said the girl “is recovering well.”",
            "doctors at the hospital",
        ),
        (
            "“It is a disgrace,” one resident, who asked not to be named, said.",
            "one resident",
        ),
    ];
    for (text, want) in cases {
        let got = said_with_kind(text);
        let last = got.last().unwrap_or_else(|| panic!("{text:?}: no quote"));
        assert_eq!(last.1.as_deref(), Some(*want), "{text:?}");
        assert_eq!(last.2, Some(Description), "{text:?}");
    }
}

/// Issue 14: pronouns resolve to an earlier person, past sentences that name none; colon
/// and dash introductions; split quotations; "she said" after the quote wins over the
/// previous quotation's speaker.
#[test]
fn issue_14_pronouns_introductions_and_split_quotes() {
    use SpeakerKind::{Entity, Pronoun};
    let cases: &[(&str, &str, SpeakerKind)] = &[
        (
            "Maria Walton runs the shelter. She has done so for a decade. “Nobody comes here \
             by choice,” she said.",
            "Maria Walton",
            Pronoun,
        ),
        (
            "Maria Walton runs the shelter on Elm Street. The building dates from 1920. \
             “Nobody comes here by choice,” she said.",
            "Maria Walton",
            Pronoun,
        ),
        (
            "Walton put it this way: “Nobody comes here by choice.”",
            "Walton",
            Entity,
        ),
        (
            "Maria Walton had a simple answer — “Nobody comes here by choice.”",
            "Maria Walton",
            Entity,
        ),
        (
            "“The rent doubled,” Tom Baker said.\n\nMaria Walton runs the shelter.\n\n\
             “Nobody comes here by choice,” she said.",
            "Maria Walton",
            Pronoun,
        ),
        (
            "“Nobody comes here,” Maria Walton said, “by choice or by chance.”",
            "Maria Walton",
            Entity,
        ),
        (
            "“The rent doubled,” Tom Baker said.\n\n“We could not pay it.”",
            "Tom Baker",
            Entity,
        ),
        (
            "The answer came from Tom Baker: “We could not pay it.”",
            "Tom Baker",
            Entity,
        ),
    ];
    for (text, want, kind) in cases {
        let got = said_with_kind(text);
        assert!(!got.is_empty(), "{text:?}");
        for (q, speaker, k) in &got {
            if q.contains("by choice") || q.contains("pay it") {
                assert_eq!(speaker.as_deref(), Some(*want), "{text:?}: {got:?}");
                assert_eq!(*k, Some(*kind), "{text:?}: {got:?}");
            }
        }
    }
}

/// Issue 14: a quotation with no attribution of its own continues the previous speaker's
/// voice; after a paragraph of narration that names someone else, the ranker still
/// takes the previous speaker (a voice resuming), not the narration's person.
#[test]
fn issue_14_carry_over_only_for_the_same_voice() {
    let text = "“The rent doubled,” Tom Baker said.\n\nThe council, led by Anna Reyes, disputes \
                the figures and says rents rose by a tenth.\n\n“We could not pay it.”";
    assert_eq!(speaker_of_last(text).as_deref(), Some("Tom Baker"));
    let text = "“The rent doubled,” Tom Baker said. “We could not pay it.”";
    assert_eq!(speaker_of_last(text).as_deref(), Some("Tom Baker"));
}

/// Issue 14: "the ministry" is the ministry named before, not the latest organisation.
#[test]
fn issue_14_the_ministry_is_the_ministry_named_before() {
    let text = "The Ministry of Health issued new guidance on Tuesday.\n\nThe Harbour Workers \
                Council met too.\n\n“Masks remain mandatory,” the ministry said.";
    assert_eq!(
        speaker_of_last(text).as_deref(),
        Some("the Ministry of Health")
    );
}

/// Issue 14: a quotation opening a paragraph after one that reports someone's words
/// without quoting them is that person's; a lone capital is no speaker.
#[test]
fn issue_14_reported_speech_before_gives_the_voice() {
    let text = "“Prices will rise,” Oona Castellane said.\n\nThe leader of the group, Hamish \
                Okafor-Lyle, told the meeting that the pool was the only one nearby.\n\n\
                “You are asking families to take two buses.”";
    assert_eq!(speaker_of_last(text).as_deref(), Some("Hamish Okafor-Lyle"));
    let text = "Il direttore ha spiegato il piano. E ha aggiunto: «Vogliamo che la gente torni».";
    assert_eq!(speaker_of_last(text), None);
}

/// Issue 14: reviewers quoted one after the other, each named after a description.
#[test]
fn issue_14_a_list_of_named_voices() {
    let text = "“I loved every page,” wrote one reviewer, Jane Doe. “A triumph,” said another, \
                John Roe. “Too long by half,” added a third, Ann Lee.";
    let got: Vec<Option<String>> = said(text).into_iter().map(|(_, s)| s).collect();
    assert_eq!(
        got,
        [
            Some("Jane Doe".to_owned()),
            Some("John Roe".to_owned()),
            Some("Ann Lee".to_owned())
        ]
    );
}

/// Issue 14: in a feature with several voices, "he" after "Her deputy, Marcus Reid,
/// disagrees" is the deputy; a quotation after a sentence whose subject is a person is
/// that person's; "said one, a retired nurse" is the nurse.
#[test]
fn issue_14_many_voices() {
    let text = "Janet Walton has run the shelter for 22 years.\n\n“People think we are a last \
                resort,” Walton said.\n\nHer deputy, Marcus Reid, disagrees about the funding. \
                “We have never had enough,” he said.\n\nWalton shrugged when asked about it. \
                “He is right, but we manage.”\n\nVolunteers tell a similar story. “I come \
                twice a week,” said one, a retired nurse.";
    let got: Vec<Option<String>> = said(text).into_iter().map(|(_, s)| s).collect();
    assert_eq!(
        got,
        [
            Some("Janet Walton".to_owned()),
            Some("Marcus Reid".to_owned()),
            Some("Janet Walton".to_owned()),
            Some("a retired nurse".to_owned()),
        ]
    );
}

/// Issue 14: words after a quotation that the layer cannot read are an attribution, so
/// the sentence before does not give the speaker: only a name after the quotation can.
#[test]
fn issue_14_unread_attribution_is_not_the_sentence_before() {
    let text = "Die Fraktion der Grünen fordert einen Umbau. „Wir hängen am Tropf“, sagte \
                Fraktionschefin Merle Dittrich.";
    let got = speaker_of_last(text);
    assert!(
        got.as_deref().is_none_or(|s| s.contains("Dittrich")),
        "{got:?}"
    );
}

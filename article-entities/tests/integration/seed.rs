//! The seed article (`../shared/data/seed/`), its ten body paragraphs: quotations with
//! their speakers, dates with their values, clusters with roles and affiliations.

use std::path::Path;

use article_entities::Annotator;
use article_model::{Article, BlockKind};

const SEED: &str = "../../shared/data/seed/massispost-2020-07-armenia-azerbaijan.txt";

/// The body: the ten paragraphs from the dateline to the last sentence of the story.
fn seed_article() -> Option<Article> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(SEED);
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipping: {} not found", path.display());
        return None;
    };
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let first = lines.iter().position(|l| l.starts_with("MOSCOW — "))?;
    let mut article = Article::new();
    for line in &lines[first..first + 10] {
        article.push_paragraph(BlockKind::Paragraph, line, None);
    }
    assert!(article.body().ends_with("geopolitical influence."));
    Some(article)
}

fn norm(s: &str) -> String {
    let s = s.replace('’', "'");
    s.strip_prefix("the ").unwrap_or(&s).to_owned()
}

/// Every quotation has its speaker, the scare quotes are marked, and the dates get their
/// values once the published date is known.
#[test]
fn seed_quotes_have_speakers_and_dates_have_values() {
    let Some(mut article) = seed_article() else {
        return;
    };
    Annotator::default().annotate(&mut article).unwrap();
    article.check_invariants().unwrap();

    let said: Vec<(String, Option<String>)> = article
        .quotes()
        .iter()
        .filter(|q| !q.scare)
        .map(|q| (q.text.clone(), q.speaker.as_deref().map(norm)))
        .collect();
    let speakers: Vec<Option<&str>> = said.iter().map(|(_, s)| s.as_deref()).collect();
    assert_eq!(
        speakers,
        [
            Some("Russian Foreign Ministry"),
            Some("Russian Foreign Ministry"),
            Some("Armenian Foreign Ministry"),
            Some("Turkey's National Security Council"),
            Some("Hulusi Akar"),
        ],
        "{said:#?}"
    );
    assert!(
        said[0]
            .0
            .starts_with("In connection with the recent escalation")
    );
    assert_eq!(said[4].0, "brought to account");
    let scare: Vec<&str> = article
        .quotes()
        .iter()
        .filter(|q| q.scare)
        .map(|q| q.text.as_str())
        .collect();
    assert_eq!(scare, ["aggression", "attack"]);

    // No published date: the dates are found, with no value.
    let dates: Vec<(&str, Option<&str>)> = article
        .dates()
        .iter()
        .map(|d| (d.text.as_str(), d.value.as_deref()))
        .collect();
    assert_eq!(
        dates,
        [("Thursday", None), ("Wednesday", None), ("July 16", None)]
    );

    // With the published date the values follow.
    article.metadata.published = Some("2020-07-16".into());
    Annotator::default().annotate(&mut article).unwrap();
    let dates: Vec<(&str, Option<&str>)> = article
        .dates()
        .iter()
        .map(|d| (d.text.as_str(), d.value.as_deref()))
        .collect();
    assert_eq!(
        dates,
        [
            ("Thursday", Some("2020-07-16")),
            ("Wednesday", Some("2020-07-15")),
            ("July 16", Some("2020-07-16"))
        ]
    );
}

/// Short names join their full names' clusters, which keep the role and affiliation; quote
/// speakers point at clusters.
#[test]
fn seed_short_names_join_full_names_with_roles() {
    let Some(mut article) = seed_article() else {
        return;
    };
    Annotator::default().annotate(&mut article).unwrap();
    if cfg!(not(feature = "model")) {
        // Without the embedded model there are no entities; clustering of the seed's names
        // is tested on given mentions in `cluster::tests::seed_names_join_full_names`.
        eprintln!("skipping: built without the model feature");
        return;
    }
    let canonical = |short: &str| -> String {
        let e = article
            .entities()
            .iter()
            .rev()
            .find(|e| e.text == short)
            .unwrap_or_else(|| panic!("{short} is not an entity"));
        article.clusters()[e.cluster.unwrap()].canonical.clone()
    };
    assert_eq!(canonical("Akar"), "Hulusi Akar");
    assert_eq!(canonical("Erdogan"), "Recep Tayyip Erdogan");
    assert_eq!(canonical("Demir"), "Ismail Demir");
    assert_eq!(canonical("Sergei Lavrov"), "Sergei Lavrov");
    assert_eq!(canonical("Mevlut Cavusoglu"), "Mevlut Cavusoglu");
    let akar = article
        .clusters()
        .iter()
        .find(|c| c.canonical == "Hulusi Akar")
        .unwrap();
    assert_eq!(akar.role.as_deref(), Some("Defense Minister"));
    assert_eq!(akar.affiliation.as_deref(), Some("Turkish"));
    // Quote speakers point at clusters when the speaker is an entity.
    let q = article
        .quotes()
        .iter()
        .find(|q| q.text == "brought to account")
        .unwrap();
    assert_eq!(q.speaker_cluster, Some(akar.id));
}

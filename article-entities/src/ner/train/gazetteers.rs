//! Gazetteers: place names from GeoNames, first names and surnames from U.S. Census
//! lists, and the hand-written lists, as `CODE<TAB>phrase` lines.

use super::super::handlists;
use crate::token::tokenize;

/// The name lists the gazetteers are built from: the text of each file of [`LexicalLists::FILES`]
/// (tab-separated, a header line first).
#[derive(Clone, Debug, Default)]
pub struct LexicalLists {
    countries: String,
    cities: String,
    city_alternates: String,
    us_states: String,
    continents: String,
    first_names: String,
    surnames: String,
}

impl LexicalLists {
    /// The files of the `lexical` data folder, in the order [`LexicalLists::from_texts`]
    /// takes their texts.
    pub const FILES: [&'static str; 7] = [
        "geonames/countries.tsv",
        "geonames/cities15000.tsv",
        "geonames/cities-alternates.tsv",
        "geonames/us-states.tsv",
        "geonames/continents.tsv",
        "census-2020/first-names.tsv",
        "census-2010/surnames.tsv",
    ];

    /// The lists from the texts of [`LexicalLists::FILES`], in that order.
    #[must_use]
    pub fn from_texts(texts: [String; 7]) -> LexicalLists {
        let [
            countries,
            cities,
            city_alternates,
            us_states,
            continents,
            first_names,
            surnames,
        ] = texts;
        LexicalLists {
            countries,
            cities,
            city_alternates,
            us_states,
            continents,
            first_names,
            surnames,
        }
    }
}

fn tsv_rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines().skip(1).map(|l| l.split('\t').collect())
}

fn phrase(name: &str) -> String {
    let toks = tokenize(name);
    toks.iter()
        .map(|t| t.text(name))
        .collect::<Vec<_>>()
        .join(" ")
}

fn title(upper: &str) -> String {
    let lower = upper.to_lowercase();
    let mut c = lower.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Builds the gazetteer text from the lexical lists and the hand-written lists.
pub(super) fn build(lists: &LexicalLists) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut add = |code: &str, name: &str| {
        let p = phrase(name);
        if !p.is_empty() {
            lines.push(format!("{code}\t{p}"));
        }
    };
    for row in tsv_rows(&lists.countries) {
        if let (Some(name), Some(ascii)) = (row.get(2), row.get(3)) {
            add("country", name);
            add("country", ascii);
        }
    }
    for row in tsv_rows(&lists.cities) {
        let pop: u64 = row.get(5).and_then(|p| p.parse().ok()).unwrap_or(0);
        let code = if pop >= 1_000_000 {
            "city1m"
        } else if pop >= 100_000 {
            "city100k"
        } else {
            "city"
        };
        for col in [1, 2] {
            if let Some(n) = row.get(col) {
                add(code, n);
            }
        }
    }
    for row in tsv_rows(&lists.city_alternates) {
        if let Some(n) = row.get(2) {
            add("cityalt", n);
        }
    }
    for text in [&lists.us_states, &lists.continents] {
        for row in tsv_rows(text) {
            if let Some(n) = row.get(1) {
                add("region", n);
            }
        }
    }
    for row in tsv_rows(&lists.first_names) {
        let count: u64 = row.get(2).and_then(|p| p.parse().ok()).unwrap_or(0);
        if let Some(n) = row.first() {
            if count >= 20_000 {
                add("first1", &title(n));
            } else if count >= 500 {
                add("first2", &title(n));
            }
        }
    }
    for row in tsv_rows(&lists.surnames) {
        let count: u64 = row.get(2).and_then(|p| p.parse().ok()).unwrap_or(0);
        if let Some(n) = row.first() {
            if count >= 20_000 {
                add("last1", &title(n));
            } else if count >= 1_000 {
                add("last2", &title(n));
            }
        }
    }
    for w in handlists::DEMONYMS.split_whitespace() {
        add("demonym", w);
    }
    for w in handlists::LOC_ALIASES {
        add("localias", w);
    }
    for w in handlists::ORG_CUES.split_whitespace() {
        add("orgcue", w);
    }
    for w in handlists::PER_TITLES.split_whitespace() {
        add("pertitle", w);
    }
    for w in handlists::ORGS {
        add("org", w);
    }
    for w in handlists::MISC {
        add("misc", w);
    }
    lines.sort();
    lines.dedup();
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

// A synthetic news text of any size for the windowing tests (`windows.rs`) and the memory
// test (`tests/memory/main.rs`, which includes this file): paragraphs of sentences with
// people, organisations, places, quotations and dates, picked by a fixed pseudo-random
// sequence, so the same size gives the same text.

const FIRST: &[&str] = &[
    "Hulusi", "Sergei", "Maria", "Anna", "Paolo", "Recep", "John", "Ismail", "Elena", "Tomas",
    "Amira", "Kenji", "Olga", "Pedro", "Fatima", "Lars",
];
const LAST: &[&str] = &[
    "Akar", "Lavrov", "Gonzalez", "Rinaldi", "Erdogan", "Smith", "Demir", "Cruz", "Petrov",
    "Nakamura", "Haddad", "Jensen", "Silva", "Novak", "Okafor", "Moreau",
];
const ORGS: &[&str] = &[
    "the Foreign Ministry",
    "the National Security Council",
    "Reuters",
    "the United Nations",
    "the European Commission",
    "the Red Cross",
    "the Defense Ministry",
    "NATO",
];
const PLACES: &[&str] = &[
    "Ankara", "Moscow", "Yerevan", "Baku", "Lisbon", "Geneva", "Brussels", "Tbilisi",
];
const ROLES: &[&str] = &["minister", "spokesman", "envoy", "adviser", "governor"];
const DAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
const MONTHS: &[&str] = &["January", "March", "May", "July", "September", "November"];

/// The paragraphs of a text of at least `bytes` bytes (joined by blank lines).
pub fn paragraphs(bytes: usize) -> Vec<String> {
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let mut pick = move |n: usize| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        usize::try_from(x % n as u64).unwrap()
    };
    let mut out = Vec::new();
    let mut size = 0;
    while size < bytes {
        let mut para = String::new();
        for _ in 0..3 + pick(3) {
            let (f, l) = (FIRST[pick(FIRST.len())], LAST[pick(LAST.len())]);
            let (o, p, q) = (
                ORGS[pick(ORGS.len())],
                PLACES[pick(PLACES.len())],
                PLACES[pick(PLACES.len())],
            );
            let (r, d, m) = (
                ROLES[pick(ROLES.len())],
                DAYS[pick(DAYS.len())],
                MONTHS[pick(MONTHS.len())],
            );
            let (day, year) = (1 + pick(28), 2015 + pick(10));
            let s = match pick(7) {
                0 => format!(
                    "{f} {l}, the {r} of {p}, said on {d} that talks would resume in {m} {day}, {year}."
                ),
                1 => format!("“We will not accept this,” {l} told reporters in {p}."),
                2 => format!(
                    "{o} said in a statement on {m} {day} that {f} {l} had met officials in {q}."
                ),
                3 => format!(
                    "“The situation is calm,” said {f} {l}, a {r} for {o}. “We hope it stays so.”"
                ),
                4 => format!("Last {d}, {l} visited {p} and {q}, where {o} has an office."),
                5 => format!("{f} {l} told the meeting that the {r} would travel to {q} in {m}."),
                _ => format!("The talks in {p} ended on {d}, {m} {day}, without a deal."),
            };
            if !para.is_empty() {
                para.push(' ');
            }
            para.push_str(&s);
        }
        size += para.len() + 2;
        out.push(para);
    }
    out
}

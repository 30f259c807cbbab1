//! Token normalisation shared by the features and the gazetteer keys: typographic
//! characters to ASCII, optionally lower-cased.

/// Maps typographic characters to their ASCII forms and appends `tok` to `out`.
pub(crate) fn normalize(tok: &str, out: &mut String) {
    for c in tok.chars() {
        match c {
            '’' | '‘' | '‛' | '′' | '`' => out.push('\''),
            '“' | '”' | '„' | '″' | '«' | '»' => out.push('"'),
            '—' | '–' | '―' | '‒' | '−' => out.push('-'),
            '…' => out.push_str("..."),
            _ => out.push(c),
        }
    }
}

/// [`normalize`], lower-cased.
pub(crate) fn normalize_lower(tok: &str, out: &mut String) {
    let start = out.len();
    normalize(tok, out);
    if out[start..]
        .bytes()
        .any(|b| b.is_ascii_uppercase() || b >= 0x80)
    {
        let lower = out[start..].to_lowercase();
        out.truncate(start);
        out.push_str(&lower);
    }
}

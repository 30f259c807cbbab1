//! What an element's attributes say: lookup, hidden state, node flags.

use super::super::tokenizer::Attr;
use super::doc::nf;

/// The value of attribute `name` (ASCII case insensitive), if present.
pub(super) fn attr<'a>(attrs: &[Attr<'a>], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|a| a.name.eq_ignore_ascii_case(name))
        .map(|a| a.value)
}

/// Whether `hay` contains `needle`, ASCII case insensitive.
pub(super) fn contains_ci(hay: &str, needle: &str) -> bool {
    hay.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Whether the element is hidden: `hidden`, or a style with `display:none` or
/// `visibility:hidden`.
pub(super) fn is_hidden(attrs: &[Attr<'_>]) -> bool {
    if attr(attrs, "hidden").is_some() {
        return true;
    }
    attr(attrs, "style").is_some_and(|s| {
        let compact: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .take(400)
            .collect::<String>()
            .to_ascii_lowercase();
        compact.contains("display:none") || compact.contains("visibility:hidden")
    })
}

/// The flags of an element's node, from its attributes (`hidden` and `author` as
/// the caller read them).
pub(super) fn node_flags(attrs: &[Attr<'_>], hidden: bool, author: bool) -> u16 {
    let mut flags = 0u16;
    if hidden {
        flags |= nf::HIDDEN;
    }
    if author {
        flags |= nf::AUTHOR;
    }
    if let Some(v) = attr(attrs, "itemprop") {
        if contains_ci(v, "articlebody") {
            flags |= nf::ARTICLE_BODY;
        }
        if contains_ci(v, "headline") || contains_ci(v, "description") {
            flags |= nf::ITEM_HEADLINE;
        }
    }
    if let Some(v) = attr(attrs, "itemtype") {
        if contains_ci(v, "article") || contains_ci(v, "blogposting") || contains_ci(v, "reportage")
        {
            flags |= nf::ITEM_ARTICLE;
        }
    }
    if let Some(v) = attr(attrs, "role") {
        let v = v.trim();
        flags |= match v.to_ascii_lowercase().as_str() {
            "main" => nf::ROLE_MAIN,
            "navigation" | "menu" | "menubar" => nf::ROLE_NAV,
            "complementary" => nf::ROLE_ASIDE,
            "contentinfo" => nf::ROLE_FOOTER,
            "banner" => nf::ROLE_HEADER,
            "dialog" | "alertdialog" | "alert" => nf::ROLE_DIALOG,
            _ => 0,
        };
    }
    flags
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attrs<'a>(pairs: &[(&'a str, &'a str)]) -> Vec<Attr<'a>> {
        pairs
            .iter()
            .map(|&(name, value)| Attr { name, value })
            .collect()
    }

    #[test]
    fn hidden_table() {
        let cases: &[(&[(&str, &str)], bool)] = &[
            (&[("hidden", "")], true),
            (&[("style", "display: none")], true),
            (&[("style", "COLOR:red; Visibility : Hidden")], true),
            (&[("style", "display:block")], false),
            (&[("aria-hidden", "true")], false),
            (&[], false),
        ];
        for (pairs, want) in cases {
            assert_eq!(is_hidden(&attrs(pairs)), *want, "{pairs:?}");
        }
    }

    #[test]
    fn node_flags_table() {
        let cases: &[(&[(&str, &str)], u16)] = &[
            (&[("itemprop", "articleBody")], nf::ARTICLE_BODY),
            (&[("itemprop", "headline")], nf::ITEM_HEADLINE),
            (
                &[("itemtype", "https://schema.org/NewsArticle")],
                nf::ITEM_ARTICLE,
            ),
            (&[("role", " Navigation ")], nf::ROLE_NAV),
            (&[("role", "main")], nf::ROLE_MAIN),
            (&[("role", "alertdialog")], nf::ROLE_DIALOG),
            (&[("ROLE", "banner")], nf::ROLE_HEADER),
            (&[("class", "x")], 0),
        ];
        for (pairs, want) in cases {
            assert_eq!(node_flags(&attrs(pairs), false, false), *want, "{pairs:?}");
        }
        assert_eq!(node_flags(&[], true, true), nf::HIDDEN | nf::AUTHOR);
    }

    #[test]
    fn attr_lookup() {
        let a = attrs(&[("CLASS", "story"), ("id", "main")]);
        assert_eq!(attr(&a, "class"), Some("story"));
        assert_eq!(attr(&a, "href"), None);
        assert!(contains_ci("NewsArticle", "article"));
        assert!(!contains_ci("news", "article"));
    }
}

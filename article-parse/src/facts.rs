//! Metadata both front ends derive alike once the article is built: the comment
//! section's text (from the blocks removed as comments), the URL's host, and where the
//! published date came from when the front end did not say.

use article_model::{Article, DateSource, RemovedKind};

/// At most this many bytes of comment text are kept.
const MAX_COMMENTS: usize = 1 << 20;

/// Fills the facts derived from the rest of `article`.
pub(crate) fn finish(article: &mut Article) {
    let mut comments = String::new();
    for r in &article.removed {
        if r.kind == RemovedKind::Comments && !r.text.trim().is_empty() {
            if comments.len() + r.text.len() > MAX_COMMENTS {
                break;
            }
            if !comments.is_empty() {
                comments.push_str("\n\n");
            }
            comments.push_str(r.text.trim());
        }
    }
    let md = &mut article.metadata;
    md.comments = (!comments.is_empty()).then_some(comments);
    if md.hostname.is_none() {
        md.hostname = md.url.as_deref().and_then(host_of);
    }
    if md.published.is_some() && md.published_source.is_none() {
        md.published_source = Some(DateSource::Text);
    }
}

/// The lower-case host of an `http(s)` URL.
pub(crate) fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?;
    let host = host.split(':').next()?;
    (!host.is_empty() && host.contains('.')).then(|| host.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use article_model::Removed;

    #[test]
    fn host_table() {
        let cases = [
            ("https://www.Example.com/a/b", Some("www.example.com")),
            (
                "http://user@news.example.org:8080/x?y",
                Some("news.example.org"),
            ),
            ("https://localhost/", None),
            ("example.com/a", None),
        ];
        for (url, want) in cases {
            assert_eq!(host_of(url).as_deref(), want, "{url}");
        }
    }

    #[test]
    fn comments_joined_from_removed() {
        let mut a = Article::new();
        a.removed
            .push(Removed::new(RemovedKind::Comments, "c", "First!", None));
        a.removed
            .push(Removed::new(RemovedKind::Related, "r", "Other story", None));
        a.removed
            .push(Removed::new(RemovedKind::Comments, "c", " Agreed. ", None));
        a.metadata.published = Some("2020-01-02".into());
        finish(&mut a);
        assert_eq!(a.metadata.comments.as_deref(), Some("First!\n\nAgreed."));
        assert_eq!(a.metadata.published_source, Some(DateSource::Text));
        assert_eq!(a.removed.len(), 3, "comments stay in removed");
        let mut b = Article::new();
        finish(&mut b);
        assert_eq!(b.metadata.comments, None);
        assert_eq!(b.metadata.published_source, None);
    }
}

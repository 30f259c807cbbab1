//! The parts of an article: paragraphs, removed blocks, metadata and annotations.

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// What kind of block a body paragraph is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum BlockKind {
    /// Running text.
    #[default]
    Paragraph,
    /// An in-body heading (sub-heading of the article).
    Heading,
    /// One item of a list.
    ListItem,
    /// A block quotation.
    Quote,
    /// Preformatted text (code, verse) whose line breaks matter.
    Preformatted,
    /// One row of a table, cells separated by tabs.
    TableRow,
}

impl BlockKind {
    /// The snake_case name used in records.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            BlockKind::Paragraph => "paragraph",
            BlockKind::Heading => "heading",
            BlockKind::ListItem => "list_item",
            BlockKind::Quote => "quote",
            BlockKind::Preformatted => "preformatted",
            BlockKind::TableRow => "table_row",
        }
    }
}

/// One block of the article body.
///
/// `span` is a byte range into the article's body; `source`, when known, is the block's
/// byte range in the input as given (after gunzip, before decoding).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Paragraph {
    pub(crate) kind: BlockKind,
    pub(crate) span: Span,
    pub(crate) source: Option<Span>,
}

impl Paragraph {
    /// The kind of block.
    #[must_use]
    pub fn kind(&self) -> BlockKind {
        self.kind
    }

    /// Byte range of the paragraph's text in the article body.
    #[must_use]
    pub fn span(&self) -> Span {
        self.span
    }

    /// Byte range of the block in the input bytes, when known.
    #[must_use]
    pub fn source(&self) -> Option<Span> {
        self.source
    }
}

/// Why a block of the page is not part of the article body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RemovedKind {
    /// The page or article title (given in the metadata instead).
    Title,
    /// A byline ("By Jane Doe"); authors are given in the metadata.
    Byline,
    /// A publication or update timestamp line.
    Timestamp,
    /// A photo caption or credit (captions are listed in `captions` too).
    Caption,
    /// Site navigation, menus, breadcrumbs.
    Navigation,
    /// Share and follow bars.
    Share,
    /// A comment form ("Leave a Reply").
    CommentForm,
    /// Reader comments.
    Comments,
    /// Newsletter sign-up boxes.
    Newsletter,
    /// Subscription, paywall and log-in prompts.
    Subscription,
    /// Cookie and consent notices.
    CookieNotice,
    /// Related stories, "Read more", "You May Also Like", "Most popular" lists and teasers.
    Related,
    /// Advertisements and advertisement markers.
    Advertisement,
    /// Tags, topics and category lists.
    Tags,
    /// Author biographies and boxes after the article.
    AuthorBio,
    /// Copyright and legal lines.
    Copyright,
    /// Page header furniture (site name, search, log-in links).
    Header,
    /// Page footer.
    Footer,
    /// Sidebar content.
    Sidebar,
    /// Content hidden from readers (`hidden`, `display:none`).
    Hidden,
    /// Anything else that is not article text (the reason says why).
    Other,
}

impl RemovedKind {
    /// The snake_case name used in records.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            RemovedKind::Title => "title",
            RemovedKind::Byline => "byline",
            RemovedKind::Timestamp => "timestamp",
            RemovedKind::Caption => "caption",
            RemovedKind::Navigation => "navigation",
            RemovedKind::Share => "share",
            RemovedKind::CommentForm => "comment_form",
            RemovedKind::Comments => "comments",
            RemovedKind::Newsletter => "newsletter",
            RemovedKind::Subscription => "subscription",
            RemovedKind::CookieNotice => "cookie_notice",
            RemovedKind::Related => "related",
            RemovedKind::Advertisement => "advertisement",
            RemovedKind::Tags => "tags",
            RemovedKind::AuthorBio => "author_bio",
            RemovedKind::Copyright => "copyright",
            RemovedKind::Header => "header",
            RemovedKind::Footer => "footer",
            RemovedKind::Sidebar => "sidebar",
            RemovedKind::Hidden => "hidden",
            RemovedKind::Other => "other",
        }
    }
}

/// A block of the page that is not part of the body, kept with the reason it was removed.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Removed {
    /// What kind of boilerplate it is.
    pub kind: RemovedKind,
    /// Why it was removed, for people ("link-dense block in `<nav>`", "comment form heading").
    pub reason: String,
    /// Its text.
    pub text: String,
    /// Byte range in the input bytes, when known.
    pub source: Option<Span>,
}

impl Removed {
    /// A removed block.
    pub fn new(
        kind: RemovedKind,
        reason: impl Into<String>,
        text: impl Into<String>,
        source: Option<Span>,
    ) -> Removed {
        Removed {
            kind,
            reason: reason.into(),
            text: text.into(),
            source,
        }
    }
}

/// The dateline that opens many news stories ("MOSCOW —", "LONDON, July 16 (AP) —").
///
/// It stays in the body text; this is a parsed copy.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Dateline {
    /// The place ("MOSCOW", "WASHINGTON").
    pub place: String,
    /// The whole dateline as written, separator included ("MOSCOW —").
    pub text: String,
    /// A news agency named in it ("Reuters", "AP"), if any.
    pub agency: Option<String>,
}

/// The WARC record an article's page came from (Common Crawl's index names the same
/// `offset` and `length`: where the record's gzip member starts in the file, and its size).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Warc {
    /// The WARC file, as the caller names it (a path or a URL).
    pub file: String,
    /// The record's `WARC-Record-ID` (`<urn:uuid:...>`).
    pub record_id: String,
    /// The record's `WARC-Target-URI`.
    pub target_uri: Option<String>,
    /// The record's `WARC-Date`, as written (ISO 8601, UTC by the WARC standard).
    pub date: Option<String>,
    /// Byte offset of the record in the file (of its gzip member when compressed).
    pub offset: u64,
    /// Length in bytes of the record in the file (of its gzip member when compressed).
    pub length: u64,
}

impl Warc {
    /// The provenance of a record at `offset`, `length` bytes long, in `file`.
    #[must_use]
    pub fn new(
        file: impl Into<String>,
        record_id: impl Into<String>,
        offset: u64,
        length: u64,
    ) -> Warc {
        Warc {
            file: file.into(),
            record_id: record_id.into(),
            target_uri: None,
            date: None,
            offset,
            length,
        }
    }
}

/// What the annotator did with an article (the record's `annotations` key): the language it
/// took the article to be in and, per layer, whether the layer was annotated.
///
/// Each layer's status is `"annotated"`, or `"annotated: forced, no model for LANG"` (the
/// caller asked for annotation in a language the model does not cover), or `"skipped: no
/// model for LANG"` (the layer is empty because the model does not cover the language).
/// An article that was never given to the annotator has none.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Annotations {
    /// The language the annotator went by (`metadata.language`, lower-case primary
    /// subtag), `None` when the article's language is unknown.
    pub language: Option<String>,
    /// Entities and their clusters.
    pub entities: String,
    /// Quotations and speakers.
    pub quotes: String,
    /// Dates.
    pub dates: String,
}

impl Annotations {
    /// The status of a layer that was annotated.
    pub const ANNOTATED: &'static str = "annotated";

    /// Every layer with the same status.
    #[must_use]
    pub fn all(language: Option<String>, status: impl Into<String>) -> Annotations {
        let status = status.into();
        Annotations {
            language,
            entities: status.clone(),
            quotes: status.clone(),
            dates: status,
        }
    }

    /// Whether a layer with this status was annotated (forced or not).
    #[must_use]
    pub fn is_annotated(status: &str) -> bool {
        status.starts_with(Annotations::ANNOTATED)
    }
}

/// Facts about the article as a whole. Absent facts are `None` or empty, never invented.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Metadata {
    /// The headline.
    pub title: Option<String>,
    /// The authors, as people (never the publisher).
    pub authors: Vec<String>,
    /// Publication date or date-time: a date (`2020-07-16`) or an RFC 3339 date-time with
    /// the page's offset (`2020-07-16T10:05:00+03:00`, `...Z`); a time the page gives
    /// without a zone is dropped, never presented as UTC.
    pub published: Option<String>,
    /// Language as an ISO 639-1 code (`en`), or ISO 639-3 when there is no 639-1 code.
    pub language: Option<String>,
    /// The publishing site's name.
    pub site_name: Option<String>,
    /// The canonical URL of the article.
    pub url: Option<String>,
    /// The dateline, when the body opens with one.
    pub dateline: Option<Dateline>,
    /// Where `published` came from.
    pub published_source: Option<DateSource>,
    /// Last modification date, in the same forms as `published`; never taken as
    /// `published`.
    pub modified: Option<String>,
    /// The page's own summary (`og:description`, `description`, JSON-LD `description`).
    pub description: Option<String>,
    /// The main image's URL (`og:image`, JSON-LD `image`, `twitter:image`).
    pub image: Option<String>,
    /// Keywords and tags (`article:tag`, `keywords`, `news_keywords`, JSON-LD `keywords`).
    pub tags: Vec<String>,
    /// Sections and categories (`article:section`, JSON-LD `articleSection`).
    pub categories: Vec<String>,
    /// The content's licence, as given (`rel=license`, JSON-LD `license`, `dc.rights`).
    pub license: Option<String>,
    /// The host of the page's URL (`www.example.com`).
    pub hostname: Option<String>,
    /// What kind of page it is.
    pub page_type: Option<PageType>,
    /// The text of the page's comment section, when it has one (the blocks are also in
    /// `removed` with kind `comments`), blocks joined by a blank line.
    pub comments: Option<String>,
}

/// Where a published date was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub enum DateSource {
    /// JSON-LD `datePublished` (or `dateCreated`).
    #[serde(rename = "json-ld")]
    JsonLd,
    /// A `<meta>` tag (`article:published_time`, Dublin Core, ...).
    #[serde(rename = "meta")]
    Meta,
    /// A `<time datetime>` element.
    #[serde(rename = "time")]
    Time,
    /// The date in the page's URL path.
    #[serde(rename = "url")]
    Url,
    /// A date line visible in the page or the text dump.
    #[serde(rename = "text")]
    Text,
}

impl DateSource {
    /// The name used in records: `json-ld`, `meta`, `time`, `url` or `text`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            DateSource::JsonLd => "json-ld",
            DateSource::Meta => "meta",
            DateSource::Time => "time",
            DateSource::Url => "url",
            DateSource::Text => "text",
        }
    }
}

/// What kind of page an article came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PageType {
    /// One article (news, blog post, report).
    Article,
    /// A list of articles (a section front, a search or tag page).
    Listing,
    /// A video page.
    Video,
    /// Anything else (a product, a profile, a home page).
    Other,
}

impl PageType {
    /// The snake_case name used in records.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            PageType::Article => "article",
            PageType::Listing => "listing",
            PageType::Video => "video",
            PageType::Other => "other",
        }
    }
}

/// An entity type: the four of CoNLL-2003.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Label {
    /// A person.
    Per,
    /// An organisation.
    Org,
    /// A location.
    Loc,
    /// Other names: nationalities, events, works, ...
    Misc,
}

impl Label {
    /// All labels, in the order PER, ORG, LOC, MISC.
    pub const ALL: [Label; 4] = [Label::Per, Label::Org, Label::Loc, Label::Misc];

    /// `"PER"`, `"ORG"`, `"LOC"` or `"MISC"`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Per => "PER",
            Label::Org => "ORG",
            Label::Loc => "LOC",
            Label::Misc => "MISC",
        }
    }

    /// Parses `"PER"`, `"ORG"`, `"LOC"` or `"MISC"`.
    #[must_use]
    pub fn parse(s: &str) -> Option<Label> {
        Label::ALL.into_iter().find(|l| l.as_str() == s)
    }
}

impl std::fmt::Display for Label {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A named-entity mention in the body.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Entity {
    /// Byte range in the body.
    pub span: Span,
    /// Its type.
    pub label: Label,
    /// The body text of `span`.
    pub text: String,
    /// The id of the [`Cluster`] it belongs to, if clustered.
    pub cluster: Option<usize>,
}

/// All mentions of one entity in an article ("Hulusi Akar", "Akar").
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Cluster {
    /// Its id: its index in [`Article::clusters`](crate::Article::clusters).
    pub id: usize,
    /// The fullest name among its mentions.
    pub canonical: String,
    /// Its type.
    pub label: Label,
    /// Number of entity mentions in it.
    pub mentions: usize,
    /// Byte range in the body of its first mention.
    pub first: Span,
    /// A role or title written before a mention ("Defense Minister").
    pub role: Option<String>,
    /// An affiliation written before a mention ("Turkish").
    pub affiliation: Option<String>,
}

/// A direct quotation in the body.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Quote {
    /// Byte range in the body of the quoted words, without the quote marks.
    pub span: Span,
    /// The body text of `span`.
    pub text: String,
    /// Who said it, as a name ("Hulusi Akar", "the Russian Foreign Ministry") or a
    /// description ("a WeWork spokesperson", "some protesters").
    pub speaker: Option<String>,
    /// The id of the speaker's [`Cluster`], when the speaker is a recognised entity.
    pub speaker_cluster: Option<usize>,
    /// How the speaker is given: a name, a description or a pronoun resolved to an
    /// earlier speaker; `None` when there is no speaker.
    pub speaker_kind: Option<SpeakerKind>,
    /// Whether it is a scare quote (one or two words, not a statement).
    pub scare: bool,
}

/// How a quotation's speaker is given in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SpeakerKind {
    /// A name ("Hulusi Akar", "Akar", "the DEA"); its cluster, when it is a recognised
    /// entity, is the quote's `speaker_cluster`.
    Entity,
    /// A noun phrase that names no one ("an officer", "former aides", "the ministry"
    /// when no ministry is named): the speaker is the phrase, with no cluster.
    Description,
    /// A pronoun ("he said", "she added") resolved to an earlier speaker or person: the
    /// speaker is the referent's name.
    Pronoun,
}

impl SpeakerKind {
    /// The snake_case name used in records.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerKind::Entity => "entity",
            SpeakerKind::Description => "description",
            SpeakerKind::Pronoun => "pronoun",
        }
    }
}

/// A temporal expression in the body.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DateMention {
    /// Byte range in the body.
    pub span: Span,
    /// The body text of `span`.
    pub text: String,
    /// The normalised value, ISO 8601 (`2020-07-16`, `2020-07`, `2020`, or an ISO week
    /// `2020-W29` for "last week"), when it can be known; never a guess.
    pub value: Option<String>,
}

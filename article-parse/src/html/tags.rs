//! Element names the builder knows, and what it needs to know about each.

/// A known element, or [`Tag::Other`] (custom elements are [`Tag::Custom`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub(crate) enum Tag {
    A,
    Abbr,
    Address,
    Area,
    Article,
    Aside,
    Audio,
    B,
    Base,
    Bdi,
    Bdo,
    Blockquote,
    Body,
    Br,
    Button,
    Canvas,
    Caption,
    Center,
    Cite,
    Code,
    Col,
    Colgroup,
    Data,
    Datalist,
    Dd,
    Del,
    Details,
    Dfn,
    Dialog,
    Div,
    Dl,
    Dt,
    Em,
    Embed,
    Fieldset,
    Figcaption,
    Figure,
    Font,
    Footer,
    Form,
    Frame,
    Frameset,
    H1,
    H2,
    H3,
    H4,
    H5,
    H6,
    Head,
    Header,
    Hgroup,
    Hr,
    Html,
    I,
    Iframe,
    Img,
    Input,
    Ins,
    Kbd,
    Keygen,
    Label,
    Legend,
    Li,
    Link,
    Main,
    Map,
    Mark,
    Math,
    Menu,
    Meta,
    Meter,
    Nav,
    Noembed,
    Noframes,
    Noscript,
    Object,
    Ol,
    Optgroup,
    Option,
    Output,
    P,
    Param,
    Picture,
    Pre,
    Progress,
    Q,
    Rp,
    Rt,
    Ruby,
    S,
    Samp,
    Script,
    Search,
    Section,
    Select,
    Small,
    Source,
    Span,
    Strong,
    Style,
    Sub,
    Summary,
    Sup,
    Svg,
    Table,
    Tbody,
    Td,
    Template,
    Textarea,
    Tfoot,
    Th,
    Thead,
    Time,
    Title,
    Tr,
    Track,
    Tt,
    U,
    Ul,
    Var,
    Video,
    Wbr,
    Xmp,
    /// A custom element (`<my-widget>`): inline, as browsers display it, but its class
    /// and id count.
    Custom,
    /// Any other name: inline.
    Other,
}

/// Looks up a tag name, ignoring ASCII case.
pub(crate) fn lookup(name: &str) -> Tag {
    let bytes = name.as_bytes();
    if bytes.len() > 10 {
        return if name.contains('-') {
            Tag::Custom
        } else {
            Tag::Other
        };
    }
    let mut buf = [0u8; 10];
    for (d, s) in buf.iter_mut().zip(bytes) {
        *d = s.to_ascii_lowercase();
    }
    let lower = buf.get(..bytes.len()).unwrap_or_default();
    use Tag::*;
    match lower {
        b"a" => A,
        b"abbr" => Abbr,
        b"address" => Address,
        b"area" => Area,
        b"article" => Article,
        b"aside" => Aside,
        b"audio" => Audio,
        b"b" => B,
        b"base" => Base,
        b"bdi" => Bdi,
        b"bdo" => Bdo,
        b"blockquote" => Blockquote,
        b"body" => Body,
        b"br" => Br,
        b"button" => Button,
        b"canvas" => Canvas,
        b"caption" => Caption,
        b"center" => Center,
        b"cite" => Cite,
        b"code" => Code,
        b"col" => Col,
        b"colgroup" => Colgroup,
        b"data" => Data,
        b"datalist" => Datalist,
        b"dd" => Dd,
        b"del" => Del,
        b"details" => Details,
        b"dfn" => Dfn,
        b"dialog" => Dialog,
        b"div" => Div,
        b"dl" => Dl,
        b"dt" => Dt,
        b"em" => Em,
        b"embed" => Embed,
        b"fieldset" => Fieldset,
        b"figcaption" => Figcaption,
        b"figure" => Figure,
        b"font" => Font,
        b"footer" => Footer,
        b"form" => Form,
        b"frame" => Frame,
        b"frameset" => Frameset,
        b"h1" => H1,
        b"h2" => H2,
        b"h3" => H3,
        b"h4" => H4,
        b"h5" => H5,
        b"h6" => H6,
        b"head" => Head,
        b"header" => Header,
        b"hgroup" => Hgroup,
        b"hr" => Hr,
        b"html" => Html,
        b"i" => I,
        b"iframe" => Iframe,
        b"img" => Img,
        b"input" => Input,
        b"ins" => Ins,
        b"kbd" => Kbd,
        b"keygen" => Keygen,
        b"label" => Label,
        b"legend" => Legend,
        b"li" => Li,
        b"link" => Link,
        b"main" => Main,
        b"map" => Map,
        b"mark" => Mark,
        b"math" => Math,
        b"menu" => Menu,
        b"meta" => Meta,
        b"meter" => Meter,
        b"nav" => Nav,
        b"noembed" => Noembed,
        b"noframes" => Noframes,
        b"noscript" => Noscript,
        b"object" => Object,
        b"ol" => Ol,
        b"optgroup" => Optgroup,
        b"option" => Option,
        b"output" => Output,
        b"p" => P,
        b"param" => Param,
        b"picture" => Picture,
        b"pre" => Pre,
        b"progress" => Progress,
        b"q" => Q,
        b"rp" => Rp,
        b"rt" => Rt,
        b"ruby" => Ruby,
        b"s" => S,
        b"samp" => Samp,
        b"script" => Script,
        b"search" => Search,
        b"section" => Section,
        b"select" => Select,
        b"small" => Small,
        b"source" => Source,
        b"span" => Span,
        b"strong" => Strong,
        b"style" => Style,
        b"sub" => Sub,
        b"summary" => Summary,
        b"sup" => Sup,
        b"svg" => Svg,
        b"table" => Table,
        b"tbody" => Tbody,
        b"td" => Td,
        b"template" => Template,
        b"textarea" => Textarea,
        b"tfoot" => Tfoot,
        b"th" => Th,
        b"thead" => Thead,
        b"time" => Time,
        b"title" => Title,
        b"tr" => Tr,
        b"track" => Track,
        b"tt" => Tt,
        b"u" => U,
        b"ul" => Ul,
        b"var" => Var,
        b"video" => Video,
        b"wbr" => Wbr,
        b"xmp" => Xmp,
        _ if name.contains('-') => Custom,
        _ => Other,
    }
}

impl Tag {
    /// Number of variants (for per-tag tables indexed by `tag as usize`).
    pub const COUNT: usize = Tag::Other as usize + 1;

    /// Elements with no content and no end tag.
    pub fn is_void(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Area | Base
                | Br
                | Col
                | Embed
                | Hr
                | Img
                | Input
                | Keygen
                | Link
                | Meta
                | Param
                | Source
                | Track
                | Wbr
                | Frame
        )
    }

    /// Elements whose content is never shown as page text.
    pub fn is_invisible(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Head | Script
                | Style
                | Template
                | Noscript
                | Title
                | Iframe
                | Noembed
                | Noframes
                | Svg
                | Math
                | Select
                | Datalist
                | Object
                | Canvas
                | Video
                | Audio
                | Map
                | Frameset
                | Textarea
                | Dialog
        )
    }

    /// Elements that start and end a block of text (everything else is inline).
    pub fn is_block(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Address
                | Article
                | Aside
                | Blockquote
                | Body
                | Br
                | Button
                | Caption
                | Center
                | Dd
                | Details
                | Dialog
                | Div
                | Dl
                | Dt
                | Fieldset
                | Figcaption
                | Figure
                | Footer
                | Form
                | H1
                | H2
                | H3
                | H4
                | H5
                | H6
                | Head
                | Header
                | Hgroup
                | Hr
                | Html
                | Legend
                | Li
                | Main
                | Menu
                | Nav
                | Ol
                | Option
                | P
                | Pre
                | Search
                | Section
                | Summary
                | Table
                | Tbody
                | Td
                | Tfoot
                | Th
                | Thead
                | Tr
                | Ul
                | Img
                | Picture
                | Input
                | Textarea
                | Select
                | Iframe
                | Video
                | Audio
                | Svg
                | Math
                | Object
                | Canvas
                | Script
                | Style
                | Template
                | Noscript
                | Title
        )
    }

    /// Block elements whose start closes an open `<p>`.
    pub fn closes_p(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Address
                | Article
                | Aside
                | Blockquote
                | Center
                | Details
                | Dialog
                | Div
                | Dl
                | Fieldset
                | Figcaption
                | Figure
                | Footer
                | Form
                | H1
                | H2
                | H3
                | H4
                | H5
                | H6
                | Header
                | Hgroup
                | Hr
                | Main
                | Menu
                | Nav
                | Ol
                | P
                | Pre
                | Search
                | Section
                | Summary
                | Table
                | Ul
                | Li
                | Dd
                | Dt
        )
    }

    /// Heading level 1..=6.
    pub fn heading_level(self) -> Option<u8> {
        match self {
            Tag::H1 => Some(1),
            Tag::H2 => Some(2),
            Tag::H3 => Some(3),
            Tag::H4 => Some(4),
            Tag::H5 => Some(5),
            Tag::H6 => Some(6),
            _ => None,
        }
    }

    /// Elements an end tag of a scoped search does not cross.
    pub fn is_scope_boundary(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Html | Table | Td | Th | Caption | Template | Object | Button
        )
    }

    /// Inline formatting elements (their end tags do not cross a block).
    pub fn is_inline(self) -> bool {
        !self.is_block()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_table() {
        for (name, want) in [
            ("div", Tag::Div),
            ("DIV", Tag::Div),
            ("Blockquote", Tag::Blockquote),
            ("my-widget", Tag::Custom),
            ("a-very-long-custom-name", Tag::Custom),
            ("blink", Tag::Other),
            ("figcaption", Tag::Figcaption),
        ] {
            assert_eq!(lookup(name), want, "{name}");
        }
    }
}

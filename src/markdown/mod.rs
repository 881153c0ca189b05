//! Markdown to HTML with comrak, collecting headings and checking links, images and tables.

pub mod anchors;
pub mod link_markup;
pub mod site_links;

use std::sync::{Arc, Mutex};

use comrak::adapters::{HeadingAdapter, HeadingMeta};
use comrak::arena_tree::NodeEdge;
use comrak::nodes::{NodeValue, Sourcepos};
use comrak::options::Plugins;
use comrak::{Arena, Options, parse_document};

use crate::diagnostic::Diagnostic;
use crate::lines::LineIndex;
use crate::markdown::anchors::{Anchors, Reserved};
use crate::model::Heading;
use crate::scheme::{URL_HINT, check_url};
use site_links::{SiteLinks, is_site_link};

/// Where a piece of Markdown sits, so its diagnostics point into the right file and line.
pub struct Origin<'a> {
    pub file: &'a str,
    /// The whole file's text, for showing the offending line.
    pub text: &'a str,
    /// Lines of the file before the Markdown starts.
    pub line_offset: usize,
    /// The template of the pages that show this Markdown (`statement.html`); `None` when
    /// every page shows it (the site notice). Its headings keep clear of that page's ids.
    pub template: Option<&'a str>,
}

#[derive(Clone)]
pub struct Rendered {
    /// Shared: a body is made once and shown by the model, the cache and the page alike.
    pub html: Arc<str>,
    pub headings: Arc<[Heading]>,
    pub diagnostics: Vec<Diagnostic>,
    /// Links and images to the site itself, checked once every page's address is known.
    pub links: SiteLinks,
    /// The ids the Markdown gives elements other than headings (footnotes, raw HTML).
    pub other_ids: Vec<String>,
}

/// Link text that says nothing about where the link goes.
const VAGUE_LINK_TEXT: [&str; 6] = [
    "click here",
    "here",
    "read more",
    "more",
    "link",
    "this link",
];

/// How the site renders Markdown.
#[derive(Clone, Debug, Default, Hash)]
pub struct Settings {
    /// Let raw HTML through; escaped otherwise.
    pub unsafe_html: bool,
    /// Put before root-relative links (`/data/` → `/msa/data/`) for a site under a sub-path.
    pub base_path: String,
    /// The addresses of the language version the Markdown is shown in: a root-relative link
    /// to a page goes to that page in this version (`Routes::localise`).
    pub routes: crate::routes::Routes,
    /// The ids headings must keep clear of: the theme's, and the notice's headings'.
    pub reserved: Arc<Reserved>,
}

/// Renders Markdown; raw HTML is escaped unless the settings allow it.
pub fn render(markdown: &str, origin: &Origin<'_>, settings: &Settings) -> Rendered {
    let options = options(settings.unsafe_html);
    let arena = Arena::new();
    let root = parse_document(&arena, markdown, &options);
    let mut diagnostics = Vec::new();
    let mut headings = Vec::new();
    let mut anchors = Anchors::new(&settings.reserved, origin.template);
    let other_ids = crate::markdown::anchors::other_ids(root, settings.unsafe_html);
    for id in &other_ids {
        anchors.claim(id.clone());
    }
    let mut last_level = 1;
    // Made on the first diagnostic, so that each finds its line without reading from the top.
    let lines = std::cell::OnceCell::new();
    let at = |pos: Sourcepos, message: String| {
        Diagnostic::error(origin.file, message).at_byte(
            lines.get_or_init(|| LineIndex::new(origin.text)),
            origin.text,
            pos.start.line + origin.line_offset,
            pos.start.column.saturating_sub(1),
        )
    };

    // One walk of the tree, gathering each heading's, link's, image's and header row's text
    // as it goes: reading each one's descendants instead would be quadratic in their nesting.
    let mut heading: Option<String> = None;
    let mut open: Vec<Gathered> = Vec::new();
    let mut links = SiteLinks::default();
    for edge in root.traverse() {
        let node = match edge {
            NodeEdge::Start(node) => {
                let mut data = node.data_mut();
                let image = matches!(data.value, NodeValue::Image(_));
                let pos = data.sourcepos;
                match &mut data.value {
                    NodeValue::Text(t) => gather(t, &mut heading, &mut open),
                    NodeValue::Code(c) => gather(&c.literal, &mut heading, &mut open),
                    NodeValue::SoftBreak | NodeValue::LineBreak => {
                        gather(" ", &mut heading, &mut open);
                    }
                    NodeValue::Heading(_) => heading = Some(String::new()),
                    NodeValue::Link(link) | NodeValue::Image(link) => {
                        if let Err(why) = check_url(&link.url) {
                            diagnostics.push(at(pos, why).with_hint(URL_HINT));
                            link.url.clear();
                        }
                        if let Some(url) = settings.routes.localise(&link.url) {
                            link.url = url;
                        }
                        if is_site_link(&link.url) {
                            links.push(
                                &link.url,
                                pos.start.line + origin.line_offset,
                                pos.start.column.saturating_sub(1),
                                (pos.end.line == pos.start.line).then_some(pos.end.column),
                                image,
                            );
                        }
                        rebase(&mut link.url, &settings.base_path);
                        open.push(Gathered::default());
                    }
                    NodeValue::TableRow(true) => open.push(Gathered::default()),
                    _ => {}
                }
                continue;
            }
            NodeEdge::End(node) => node,
        };
        let data = node.data();
        let pos = data.sourcepos;
        match &data.value {
            NodeValue::Heading(h) => {
                let text = heading.take().unwrap_or_default();
                let id = anchors.id(&text);
                if h.level == 1 {
                    diagnostics.push(
                        warning(at(pos, "a level-1 heading in the body; the page title is already the page's only h1".into()))
                            .with_hint("start sections at '##'"),
                    );
                } else if h.level > last_level + 1 {
                    diagnostics.push(
                        warning(at(
                            pos,
                            format!("heading level skips from h{last_level} to h{}", h.level),
                        ))
                        .with_hint(format!(
                            "use {} for this heading",
                            "#".repeat(last_level as usize + 1)
                        )),
                    );
                }
                last_level = h.level;
                headings.push(Heading {
                    level: h.level,
                    id,
                    text,
                });
            }
            NodeValue::Link(_) | NodeValue::Image(_) | NodeValue::TableRow(true) => {
                let Some(text) = open.pop() else { continue };
                if let Some(outer) = open.last_mut() {
                    outer.take_in(&text);
                }
                match &data.value {
                    NodeValue::Link(_) if text.blank => diagnostics.push(
                        at(
                            pos,
                            "this link has no text, so screen readers cannot say where it goes"
                                .into(),
                        )
                        .with_hint("write the link as [words that say where it goes](address)"),
                    ),
                    NodeValue::Link(_) if text.is_vague() => diagnostics.push(
                        warning(at(pos, format!("the link text '{}' does not say where the link goes", text.start.trim())))
                            .with_hint("use words that make sense out of context, such as the title of the page it opens"),
                    ),
                    NodeValue::Image(_) if text.blank => diagnostics.push(
                        at(pos, "this image has no alternative text".into())
                            .with_hint("describe the image inside the brackets: ![what the image shows](file.png)"),
                    ),
                    NodeValue::TableRow(_) if text.blank => diagnostics.push(
                        warning(at(pos, "this table has no header row".into()))
                            .with_hint("put a name for each column in the table's first row"),
                    ),
                    _ => {}
                }
            }
            _ => {}
        }
    }

    for f in link_markup::find(root, markdown) {
        let place = Sourcepos::from((f.line, f.byte + 1, f.line, f.byte + 1));
        diagnostics.push(
            warning(at(place, f.message))
                .with_width(f.width)
                .with_hint(f.hint),
        );
    }

    let ids = Mutex::new(
        headings
            .iter()
            .map(|h| h.id.clone())
            .collect::<Vec<_>>()
            .into_iter(),
    );
    let adapter = HeadingIds { ids };
    let mut plugins = Plugins::default();
    plugins.render.heading_adapter = Some(&adapter);
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    // Writing into a String cannot fail.
    let _ = comrak::format_html_with_plugins(root, &options, &mut html, &plugins);
    links.shrink_to_fit();
    // A translation's sections shown in the original (`check::translation_body`): each
    // block mark on a line of its own, written as a paragraph, is the mark alone.
    let [_, _, open, close] = crate::i18n::UNTRANSLATED;
    if html.contains(open) {
        html = html
            .replace(&format!("<p>{open}</p>"), &open.to_string())
            .replace(&format!("<p>{close}</p>"), &close.to_string());
    }
    Rendered {
        html: html.into(),
        headings: headings.into(),
        diagnostics,
        links,
        other_ids,
    }
}

/// `/data/` → `{base_path}/data/`; other links are left as they are.
fn rebase(url: &mut String, base_path: &str) {
    if !base_path.is_empty() && url.starts_with('/') && !url.starts_with("//") {
        url.insert_str(0, base_path);
    }
}

fn warning(d: Diagnostic) -> Diagnostic {
    Diagnostic {
        severity: crate::diagnostic::Severity::Warning,
        ..d
    }
}

/// Adds a piece of text to the heading being read, if any, and to the innermost open link,
/// image or header row.
fn gather(text: &str, heading: &mut Option<String>, open: &mut [Gathered]) {
    if let Some(h) = heading {
        h.push_str(text);
    }
    if let Some(g) = open.last_mut() {
        g.push(text);
    }
}

/// The longest start of a link's text kept: longer than any vague link text.
const KEPT: usize = 64;

/// What the checks need of a link's, image's or header row's text: whether it has any, and
/// how it starts (to tell vague link words). Bounded, so nesting cannot make it quadratic.
struct Gathered {
    blank: bool,
    /// The text without its leading white space, up to `KEPT` characters.
    start: String,
    kept: usize,
    /// More than `KEPT` characters, not counting white space at the end.
    long: bool,
}

impl Default for Gathered {
    fn default() -> Gathered {
        Gathered {
            blank: true,
            start: String::new(),
            kept: 0,
            long: false,
        }
    }
}

impl Gathered {
    fn push(&mut self, text: &str) {
        if self.blank && !text.trim().is_empty() {
            self.blank = false;
        }
        if self.long {
            return;
        }
        for c in text.chars() {
            if self.kept == 0 && c.is_whitespace() {
                continue;
            }
            if self.kept < KEPT {
                self.start.push(c);
                self.kept += 1;
            } else if !c.is_whitespace() {
                self.long = true;
                return;
            }
        }
    }

    /// Takes in the text of a link or image inside this one.
    fn take_in(&mut self, inner: &Gathered) {
        self.blank &= inner.blank;
        self.push(&inner.start);
        self.long |= inner.long;
    }

    fn is_vague(&self) -> bool {
        !self.long
            && VAGUE_LINK_TEXT.contains(
                &self
                    .start
                    .trim()
                    .to_lowercase()
                    .trim_end_matches(['.', '…']),
            )
    }
}

pub(crate) fn options(unsafe_html: bool) -> Options<'static> {
    let mut o = Options::default();
    o.extension.table = true;
    o.extension.footnotes = true;
    o.extension.strikethrough = true;
    o.extension.autolink = true;
    o.render.r#unsafe = unsafe_html;
    o.render.escape = !unsafe_html;
    o
}

/// Writes each heading with the id collected during the checks, and no anchor link inside.
struct HeadingIds {
    ids: Mutex<std::vec::IntoIter<String>>,
}

impl HeadingAdapter for HeadingIds {
    fn enter(
        &self,
        output: &mut dyn std::fmt::Write,
        heading: &HeadingMeta,
        _: Option<Sourcepos>,
    ) -> std::fmt::Result {
        let id = self
            .ids
            .lock()
            .ok()
            .and_then(|mut ids| ids.next())
            .unwrap_or_default();
        write!(output, "<h{} id=\"{}\">", heading.level, escape_attr(&id))
    }

    fn exit(&self, output: &mut dyn std::fmt::Write, heading: &HeadingMeta) -> std::fmt::Result {
        writeln!(output, "</h{}>", heading.level)
    }
}

fn escape_attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests;

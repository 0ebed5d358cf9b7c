//! HTML pages: the article is found with `dom_smoothie` (a port of Mozilla's Readability, the
//! extractor behind Firefox Reader View), then cleaned like any text dump.

use std::sync::LazyLock;

use dom_smoothie::{Config, Readability, TextMode};
use regex::Regex;

/// What the page's own markup says about the article.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct HtmlMeta {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub published: Option<String>,
    pub site_name: Option<String>,
    /// Authors named by the markup (JSON-LD, author meta tags), best source first.
    pub authors: Vec<String>,
}

/// Documents larger than this many elements are refused rather than parsed slowly.
const MAX_ELEMENTS: usize = 200_000;

/// Pages nested deeper than this are read as plain text: the tree builder and the article
/// scorer cost more than linear time in the depth (100,000 nested `<div>` took minutes).
pub const MAX_NESTING: usize = 1_000;

/// The deepest element nesting in the page, counted from its tags in one pass (void elements
/// and self-closed tags do not nest; an end tag closes one level).
pub fn nesting_depth(html: &str) -> usize {
    const VOID: [&str; 14] = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr",
    ];
    let bytes = html.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    while let Some(off) = bytes[i..].iter().position(|&b| b == b'<') {
        let start = i + off + 1;
        let end = bytes[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(bytes.len(), |e| start + e);
        let tag = &bytes[start..end];
        if let Some(&first) = tag.first() {
            if first == b'/' {
                depth = depth.saturating_sub(1);
            } else if first.is_ascii_alphabetic() && !tag.ends_with(b"/") {
                let name_len = tag
                    .iter()
                    .position(|b| !b.is_ascii_alphanumeric())
                    .unwrap_or(tag.len());
                let name = String::from_utf8_lossy(&tag[..name_len]).to_ascii_lowercase();
                if !VOID.contains(&name.as_str()) {
                    depth += 1;
                    max = max.max(depth);
                }
            }
        }
        i = end.min(bytes.len());
        if i >= bytes.len() {
            break;
        }
    }
    max
}

/// Extract the article body as text (paragraphs separated by blank lines) and its metadata.
pub fn extract(html: &str) -> Result<(String, HtmlMeta), String> {
    let depth = nesting_depth(html);
    if depth > MAX_NESTING {
        return Err(format!("elements nested {depth} deep (over {MAX_NESTING})"));
    }
    let cfg = Config {
        text_mode: TextMode::Formatted,
        max_elements_to_parse: MAX_ELEMENTS,
        ..Config::default()
    };
    let mut reader = Readability::new(html, None, Some(cfg)).map_err(|e| e.to_string())?;
    let article = reader
        .parse()
        .map_err(|e| format!("no article found in the HTML ({e})"))?;
    // the page's own fields are as hostile as its text: sanitised like any model string
    let nonempty = |s: Option<String>| {
        s.map(|s| crate::text::sanitise(&s).trim().to_owned())
            .filter(|s| !s.is_empty())
    };
    let page = page_meta(html);
    let meta = HtmlMeta {
        title: nonempty(page.title.or(Some(article.title.to_string()))),
        byline: nonempty(article.byline.clone()),
        published: nonempty(page.published.or(article.published_time.clone())),
        site_name: nonempty(page.site_name.or(article.site_name.clone())),
        authors: page
            .authors
            .into_iter()
            .filter_map(|a| nonempty(Some(a)))
            .collect(),
    };
    Ok((article.text_content.to_string(), meta))
}

/// Bytes of the page searched for its metadata (the head, and the top of the body where a
/// headline and a byline sit).
const META_SCAN_BYTES: usize = 512 * 1024;

static META_TAG: LazyLock<Regex> = LazyLock::new(|| re(r"(?is)<meta\s[^>]*>"));
static ATTR: LazyLock<Regex> =
    LazyLock::new(|| re(r#"(?is)([a-z][a-z0-9:_.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')"#));
static LD_JSON: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?is)<script[^>]*application/ld\+json[^>]*>(.*?)</script>"));
static TIME_TAG: LazyLock<Regex> =
    LazyLock::new(|| re(r#"(?is)<time\s[^>]*datetime\s*=\s*["']([^"']+)["']"#));
static HEADING: LazyLock<Regex> = LazyLock::new(|| re(r"(?is)<h([1-3])[^>]*>(.*?)</h[1-3]>"));
static TITLE_TAG: LazyLock<Regex> = LazyLock::new(|| re(r"(?is)<title[^>]*>(.*?)</title>"));
/// What joins a headline to the site and section names in a `<title>`.
static TITLE_SEPARATOR: LazyLock<Regex> =
    LazyLock::new(|| re(r"\s+[|\-–—:·»]\s+|\s*::\s*|_|\s+[|\-–—]\S|\S[|]\s"));
static TAG: LazyLock<Regex> = LazyLock::new(|| re(r"(?s)<[^>]*>"));

fn re(p: &str) -> Regex {
    Regex::new(p).unwrap_or_else(|e| panic!("html metadata pattern: {e}"))
}

/// What the page's markup states about its article: JSON-LD (`NewsArticle` and kin), the
/// OpenGraph and `article:` meta tags, author meta tags, `<time datetime>` and the `<h1>`.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct PageMeta {
    pub title: Option<String>,
    pub published: Option<String>,
    pub authors: Vec<String>,
    pub site_name: Option<String>,
}

/// Read the page's own metadata, best source first for each field.
pub fn page_meta(html: &str) -> PageMeta {
    let mut end = html.len().min(META_SCAN_BYTES);
    while !html.is_char_boundary(end) {
        end -= 1;
    }
    let head = &html[..end];
    let mut metas: Vec<(String, String)> = Vec::new();
    for tag in META_TAG.find_iter(head) {
        let mut key = None;
        let mut content = None;
        for a in ATTR.captures_iter(tag.as_str()) {
            let name = a[1].to_ascii_lowercase();
            let value = a.get(2).or(a.get(3)).map_or("", |m| m.as_str());
            match name.as_str() {
                "property" | "name" | "itemprop" => key = Some(value.to_ascii_lowercase()),
                "content" => content = Some(decode_entities(value)),
                _ => {}
            }
        }
        if let (Some(k), Some(c)) = (key, content)
            && !c.trim().is_empty()
        {
            metas.push((k, c.trim().to_owned()));
        }
    }
    let meta = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| metas.iter().find(|(m, _)| m == k).map(|(_, c)| c.clone()))
    };
    let mut ld = LdArticle::default();
    for block in LD_JSON.captures_iter(head) {
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(block[1].trim()) {
            ld.read(&v, 0);
        }
    }
    let title = ld
        .headline
        .or_else(|| meta(&["og:title", "twitter:title", "headline", "title"]))
        .or_else(|| headline_in_title(head));
    let published = ld
        .published
        .or_else(|| {
            meta(&[
                "article:published_time",
                "og:published_time",
                "datepublished",
                "publish-date",
                "publishdate",
                "pubdate",
                "parsely-pub-date",
                "sailthru.date",
                "dc.date.issued",
                "dc.date",
                "dcterms.date",
                "date",
                "article.published",
                "cxenseparse:recs:publishtime",
            ])
        })
        .or_else(|| TIME_TAG.captures(head).map(|c| c[1].to_owned()));
    let mut authors = ld.authors;
    if authors.is_empty()
        && let Some(a) = meta(&[
            "author",
            "article:author",
            "parsely-author",
            "sailthru.author",
            "dc.creator",
            "byl",
        ])
        && !a.contains("://")
    {
        let a = a.trim_start_matches("By ").trim_start_matches("by ");
        authors = a
            .split([',', ';', '&'])
            .flat_map(|p| p.split(" and "))
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_owned)
            .collect();
    }
    PageMeta {
        title: title.map(|t| collapse(&t)),
        published,
        authors,
        site_name: ld
            .publisher
            .or_else(|| meta(&["og:site_name", "application-name"])),
    }
}

/// The headline of a page without metadata: a heading that the `<title>` repeats (the title
/// adds the site and section), else the longest part of the `<title>`, else the first `<h1>`.
fn headline_in_title(head: &str) -> Option<String> {
    let text = |s: &str| collapse(&decode_entities(&TAG.replace_all(s, " ")));
    let title = TITLE_TAG.captures(head).map(|c| text(&c[1]));
    let headings: Vec<(u8, String)> = HEADING
        .captures_iter(head)
        .take(30)
        .map(|c| (c[1].as_bytes()[0], text(&c[2])))
        .filter(|(_, t)| (2..=40).contains(&t.split_whitespace().count()))
        .collect();
    if let Some(title) = &title {
        let folded = crate::text::fold(title);
        if let Some((_, h)) = headings
            .iter()
            .filter(|(_, h)| h.split_whitespace().count() >= 3)
            .find(|(_, h)| folded.contains(&crate::text::fold(h)))
        {
            return Some(h.clone());
        }
        let longest = TITLE_SEPARATOR
            .split(title)
            .map(str::trim)
            .max_by_key(|p| p.split_whitespace().count())
            .filter(|p| p.split_whitespace().count() >= 3);
        if let Some(p) = longest {
            return Some(p.to_owned());
        }
    }
    headings
        .into_iter()
        .find(|(level, _)| *level == b'1')
        .map(|(_, h)| h)
        .or(title)
}

/// The article fields of a page's JSON-LD, from the first object that is an article.
#[derive(Default)]
struct LdArticle {
    headline: Option<String>,
    published: Option<String>,
    authors: Vec<String>,
    publisher: Option<String>,
}

impl LdArticle {
    fn read(&mut self, v: &serde_json::Value, depth: usize) {
        use serde_json::Value;
        if depth > 8 {
            return;
        }
        match v {
            Value::Array(items) => items.iter().for_each(|i| self.read(i, depth + 1)),
            Value::Object(o) => {
                if let Some(g) = o.get("@graph") {
                    self.read(g, depth + 1);
                }
                let is_article = match o.get("@type") {
                    Some(Value::String(t)) => {
                        t.ends_with("Article") || t == "BlogPosting" || t == "Report"
                    }
                    Some(Value::Array(ts)) => ts.iter().any(|t| {
                        t.as_str()
                            .is_some_and(|t| t.ends_with("Article") || t == "BlogPosting")
                    }),
                    _ => false,
                };
                if !is_article || self.headline.is_some() {
                    return;
                }
                let text = |k: &str| {
                    o.get(k)
                        .and_then(Value::as_str)
                        .map(|s| collapse(&decode_entities(s)))
                        .filter(|s| !s.is_empty())
                };
                self.headline = text("headline").or_else(|| text("name"));
                self.published = text("datePublished").or_else(|| text("dateCreated"));
                self.authors = names_of(o.get("author"));
                self.publisher = match o.get("publisher") {
                    Some(Value::Object(p)) => {
                        p.get("name").and_then(Value::as_str).map(str::to_owned)
                    }
                    _ => None,
                };
            }
            _ => {}
        }
    }
}

/// The names in a JSON-LD `author`: a string, a Person object, or a list of either.
fn names_of(v: Option<&serde_json::Value>) -> Vec<String> {
    use serde_json::Value;
    match v {
        Some(Value::String(s)) if !s.contains("://") => vec![collapse(&decode_entities(s))],
        Some(Value::Object(o)) => o
            .get("name")
            .and_then(Value::as_str)
            .map(|s| vec![collapse(&decode_entities(s))])
            .unwrap_or_default(),
        Some(Value::Array(a)) => a.iter().flat_map(|x| names_of(Some(x))).collect(),
        _ => Vec::new(),
    }
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect()
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The character references that metadata values carry (`&amp;`, `&#39;`, `&#x2019;` …).
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        let end = rest.bytes().take(12).position(|b| b == b';');
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                "rsquo" => Some('’'),
                "lsquo" => Some('‘'),
                "rdquo" => Some('”'),
                "ldquo" => Some('“'),
                "ndash" => Some('–'),
                "mdash" => Some('—'),
                _ => {
                    let n = name.strip_prefix('#')?;
                    let code = match n.strip_prefix(['x', 'X']) {
                        Some(h) => u32::from_str_radix(h, 16).ok()?,
                        None => n.parse().ok()?,
                    };
                    char::from_u32(code)
                }
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_nesting_is_refused_in_linear_time() {
        let n = 100_000;
        let html = format!(
            "{}<p>The council voted.</p>{}",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let start = std::time::Instant::now();
        assert_eq!(nesting_depth(&html), n + 1);
        assert!(extract(&html).is_err());
        assert!(start.elapsed() < std::time::Duration::from_secs(1));
        assert_eq!(
            nesting_depth("<p>a<br>b<img src=x><hr/></p><div><p>c</p></div>"),
            2
        );
    }

    #[test]
    fn metadata_from_json_ld_meta_tags_and_title() {
        let html = r#"<html><head><title>Bridge closed after cracks found - Local - Example News</title>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Example"},
{"@type":"NewsArticle","headline":"Bridge closed after cracks found","datePublished":"2024-05-06T09:15:00Z",
"author":[{"@type":"Person","name":"Jane Roe"},{"@type":"Person","name":"John Doe"}],"publisher":{"name":"Example News"}}]}</script>
</head><body><h1>Bridge closed after cracks found</h1></body></html>"#;
        let m = page_meta(html);
        assert_eq!(m.title.as_deref(), Some("Bridge closed after cracks found"));
        assert_eq!(m.published.as_deref(), Some("2024-05-06T09:15:00Z"));
        assert_eq!(m.authors, ["Jane Roe", "John Doe"]);
        assert_eq!(m.site_name.as_deref(), Some("Example News"));
        // no metadata: the heading the <title> repeats, without the site and section
        let html = "<html><head><title>Bridge closed after cracks found - Local - Example News</title></head><body><h1>Latest news</h1><h2>Bridge closed after cracks found</h2><p>Text.</p></body></html>";
        assert_eq!(
            page_meta(html).title.as_deref(),
            Some("Bridge closed after cracks found")
        );
        let html = r#"<meta name="author" content="Jane Roe &amp; John Doe"><meta property="article:published_time" content="2024-05-06">"#;
        let m = page_meta(html);
        assert_eq!(m.authors, ["Jane Roe", "John Doe"]);
        assert_eq!(m.published.as_deref(), Some("2024-05-06"));
    }

    #[test]
    fn extracts_paragraphs_and_metadata() {
        let html = r#"<html><head><title>Bridge closed | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2024-05-06T09:15:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Bridge closed</h1><p class="byline">By Jane Roe</p>
<p>The council voted on Monday to close the old bridge to all traffic after inspectors found cracks in two of its piers, officials said.</p>
<p>"It is simply not safe to cross any more," said the city engineer, who has inspected the bridge every year since it was last repaired.</p>
<p>The bridge opened in 1902 and carried 40,000 vehicles a day before it was closed, according to figures from the council's transport department.</p>
</article><footer>Copyright 2024 Example News</footer></body></html>"#;
        let (text, meta) = extract(html).unwrap();
        assert!(text.contains("The council voted on Monday"));
        assert!(text.contains("\n\n"), "paragraphs stay apart: {text:?}");
        assert!(!text.contains("Home"));
        assert_eq!(meta.site_name.as_deref(), Some("Example News"));
        assert_eq!(meta.published.as_deref(), Some("2024-05-06T09:15:00Z"));
    }
}

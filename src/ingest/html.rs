//! HTML pages: the article is found with `dom_smoothie` (a port of Mozilla's Readability, the
//! extractor behind Firefox Reader View), then cleaned like any text dump.

use dom_smoothie::{Config, Readability, TextMode};

/// What the page's own markup says about the article.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct HtmlMeta {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub published: Option<String>,
    pub site_name: Option<String>,
}

/// Documents larger than this many elements are refused rather than parsed slowly.
const MAX_ELEMENTS: usize = 200_000;

/// Extract the article body as text (paragraphs separated by blank lines) and its metadata.
pub fn extract(html: &str) -> Result<(String, HtmlMeta), String> {
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
    let meta = HtmlMeta {
        title: nonempty(Some(article.title.clone())),
        byline: nonempty(article.byline.clone()),
        published: nonempty(article.published_time.clone()),
        site_name: nonempty(article.site_name.clone()),
    };
    Ok((article.text_content.to_string(), meta))
}

#[cfg(test)]
mod tests {
    use super::*;

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

//! From a decoded document to a clean article body: lines, furniture removed, metadata read.

use super::boilerplate::{Line, Removed, apply_rules, apply_structure};
use super::metadata::{self, Meta};
use super::{Document, Format, html, layout, markdown};

/// A cleaned article, before analysis.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Cleaned {
    pub meta: Meta,
    pub paragraphs: Vec<String>,
    /// What was removed, in page order: (text, reason).
    pub boilerplate: Vec<(String, String)>,
    pub warnings: Vec<String>,
}

/// Reasons under which a line leaves the body for a metadata field, not for the furniture list.
const FIELD_REASONS: [&str; 3] = ["headline", "standfirst", ""];

/// Clean one document.
pub fn clean(doc: &Document) -> Cleaned {
    let mut warnings = doc.warnings.clone();
    let mut html_meta = None;
    let text = match doc.format {
        Format::Text => std::borrow::Cow::Borrowed(doc.text.as_str()),
        Format::Markdown => std::borrow::Cow::Owned(markdown::to_text(&doc.text)),
        Format::Html => match html::extract(&doc.text) {
            Ok((text, meta)) => {
                html_meta = Some(meta);
                std::borrow::Cow::Owned(crate::text::normalise(&text))
            }
            Err(e) => {
                warnings.push(format!("{e}; read as plain text"));
                std::borrow::Cow::Owned(strip_tags(&doc.text))
            }
        },
    };
    let mut lines: Vec<Line> = paragraph_lines(&text).into_iter().map(Line::new).collect();
    let mut removed: Vec<Removed> = Vec::new();
    apply_rules(&mut lines, &mut removed);
    // a text dump carries the whole page: the article is the densest run of prose in it
    let mut meta = match doc.format {
        Format::Text | Format::Markdown => {
            let thread = layout::comment_thread(&lines);
            match layout::body_region(&lines, thread) {
                Some(region) => {
                    let meta = metadata::extract_at(&mut lines, &mut removed, region.0);
                    layout::mark_outside(&mut lines, region, thread);
                    meta
                }
                None => metadata::extract(&mut lines, &mut removed),
            }
        }
        Format::Html => metadata::extract(&mut lines, &mut removed),
    };
    apply_structure(&mut lines);
    if let Some(h) = html_meta {
        merge_html_meta(&mut meta, h);
    }

    // page order: spans cut from a line come before the line's own fate
    let mut paragraphs = Vec::new();
    let mut boilerplate = Vec::new();
    let mut spans = removed.into_iter().peekable();
    for (i, line) in lines.into_iter().enumerate() {
        while let Some(r) = spans.next_if(|r| r.line <= i) {
            boilerplate.push((r.text, r.reason));
        }
        match line.removed {
            None => paragraphs.push(line.text),
            Some(reason) if FIELD_REASONS.contains(&reason.as_str()) => {}
            Some(reason) => boilerplate.push((line.text, reason)),
        }
    }
    boilerplate.extend(spans.map(|r| (r.text, r.reason)));
    Cleaned {
        meta,
        paragraphs,
        boilerplate,
        warnings,
    }
}

/// The page's markup states its metadata; it wins over what the text seems to say.
fn merge_html_meta(meta: &mut Meta, h: html::HtmlMeta) {
    if h.title.is_some() {
        meta.title = h.title;
    }
    if let Some(p) = h.published.and_then(|p| iso_prefix(&p)) {
        meta.published = Some(p);
    }
    if !h.authors.is_empty() {
        meta.authors = h.authors;
    } else if meta.authors.is_empty()
        && let Some(b) = h.byline
    {
        let b = b.trim_start_matches("By ").trim_start_matches("by ");
        meta.authors = b
            .split([',', '&'])
            .flat_map(|p| p.split(" and "))
            .map(str::trim)
            .filter(|n| metadata::looks_like_name(n))
            .map(str::to_owned)
            .collect();
    }
    if meta.outlet.is_none() {
        meta.outlet = h.site_name;
    }
}

/// Keep the ISO 8601 part of a machine date ("2024-05-06T09:15:00Z", "2024-05-06").
fn iso_prefix(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let date_ok = b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[7] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[8..10].iter().all(u8::is_ascii_digit);
    if !date_ok {
        return metadata::find_timestamp(s).map(|t| t.iso);
    }
    let end = s
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || "-:T+Z.".contains(c)))
        .map_or(s.len(), |(i, _)| i);
    let iso = &s[..end];
    // drop fractional seconds, which the contract does not carry
    let iso = match iso.find('.') {
        Some(dot) => {
            let rest = &iso[dot..];
            let zone = rest.find(['+', 'Z', '-']).map_or("", |z| &rest[z..]);
            format!("{}{}", &iso[..dot], zone)
        }
        None => iso.to_owned(),
    };
    Some(iso)
}

/// A crude fallback for HTML that the extractor could not read: tags out, text kept, and the
/// content of `script`, `style` and `noscript` (code, not text) dropped. One pass, linear in
/// the page however deeply it nests.
fn strip_tags(html: &str) -> String {
    const HIDDEN: [&str; 3] = ["script", "style", "noscript"];
    let mut out = String::with_capacity(html.len() / 2);
    let lower = html.to_ascii_lowercase();
    let mut i = 0;
    while i < html.len() {
        let Some(off) = html[i..].find('<') else {
            out.push_str(&html[i..]);
            break;
        };
        out.push_str(&html[i..i + off]);
        let start = i + off;
        let tag_end = html[start..].find('>').map_or(html.len(), |e| start + e);
        out.push('\n');
        i = (tag_end + 1).min(html.len());
        let tag = &lower[start + 1..tag_end];
        if let Some(name) = HIDDEN.iter().find(|n| {
            tag.starts_with(*n) && !tag[n.len()..].starts_with(|c: char| c.is_ascii_alphanumeric())
        }) && !tag.ends_with('/')
        {
            // skip to the matching end tag (or the end of the page)
            let close = format!("</{name}");
            i = lower[i..].find(&close).map_or(html.len(), |p| i + p);
        }
    }
    out
}

/// Split text into paragraph lines. Blank lines separate blocks; inside a block each line is
/// its own paragraph, unless the block is hard-wrapped prose (lines of similar, typewriter
/// width), whose lines are joined.
pub fn paragraph_lines(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut block: Vec<&str> = Vec::new();
    let flush = |block: &mut Vec<&str>, out: &mut Vec<String>| {
        if block.is_empty() {
            return;
        }
        if is_hard_wrapped(block) {
            out.push(block.join(" "));
        } else {
            out.extend(block.iter().map(|l| l.to_string()));
        }
        block.clear();
    };
    for raw in text.split('\n') {
        let line = raw.trim();
        if line.is_empty() {
            flush(&mut block, &mut out);
        } else {
            block.push(line);
        }
    }
    flush(&mut block, &mut out);
    out
}

fn is_hard_wrapped(block: &[&str]) -> bool {
    if block.len() < 3 {
        return false;
    }
    let body = &block[..block.len() - 1];
    let max = block.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let wide = body
        .iter()
        .filter(|l| (40..=100).contains(&l.chars().count()))
        .count();
    // continuation lines start in lower case somewhere: prose, not a list of headings
    let continued = block[1..]
        .iter()
        .any(|l| l.chars().next().is_some_and(char::is_lowercase));
    max <= 100 && wide * 4 >= body.len() * 3 && continued
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_blocks_and_joins_hard_wrapped_prose() {
        let text = "Headline here\n\nFirst line\nSecond line\n\nThe council voted on Monday to close the old\nbridge to all traffic after inspectors found\ncracks in two of its piers, officials said on\nTuesday.\n";
        assert_eq!(
            paragraph_lines(text),
            [
                "Headline here",
                "First line",
                "Second line",
                "The council voted on Monday to close the old bridge to all traffic after inspectors found cracks in two of its piers, officials said on Tuesday."
            ]
        );
    }

    #[test]
    fn plain_text_fallback_drops_scripts_styles_and_noscript() {
        let text = strip_tags(
            "<html><head><script>var title = 'x';</script><style>p{color:red}</style></head><body><noscript>Enable JavaScript</noscript><p>The council voted.</p><SCRIPT type=x>if (a < b) {}</SCRIPT><p>It closed.</p></body></html>",
        );
        let words: Vec<&str> = text.split_whitespace().collect();
        assert_eq!(words, ["The", "council", "voted.", "It", "closed."]);
    }

    #[test]
    fn deeply_nested_html_is_read_as_text() {
        let n = 100_000;
        let html = format!(
            "<html><body>{}<p>The council voted on Monday to close the old bridge to all traffic.</p>{}</body></html>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let start = std::time::Instant::now();
        let c = clean(&Document::from_text("deep.html", Format::Html, &html));
        // linear: well under a second in a release build; a loaded debug build gets slack
        assert!(
            start.elapsed() < std::time::Duration::from_secs(5),
            "{:?}",
            start.elapsed()
        );
        assert_eq!(
            c.paragraphs,
            ["The council voted on Monday to close the old bridge to all traffic."]
        );
        assert!(c.warnings.iter().any(|w| w.contains("nested")));
    }

    #[test]
    fn machine_dates_keep_their_iso_part() {
        assert_eq!(
            iso_prefix("2024-05-06T09:15:00.000Z").as_deref(),
            Some("2024-05-06T09:15:00Z")
        );
        assert_eq!(iso_prefix("2024-05-06").as_deref(), Some("2024-05-06"));
    }

    #[test]
    fn cleans_a_page_dump_end_to_end() {
        let doc = Document::from_text(
            "page.txt",
            Format::Text,
            "World\n\nCouncil closes old bridge\n\n2024-05-06 09:15\n1,024 views\nCouncil closes old bridge\n\nBy Jane Roe\n\nThe council voted on Monday to close the old bridge to all traffic.\n\nInspectors found cracks in two of its piers, officials said.\n\nMost popular\n\nRead next",
        );
        let c = clean(&doc);
        assert_eq!(c.meta.title.as_deref(), Some("Council closes old bridge"));
        assert_eq!(c.meta.published.as_deref(), Some("2024-05-06T09:15"));
        assert_eq!(c.meta.authors, ["Jane Roe"]);
        assert_eq!(c.paragraphs.len(), 2);
        let reasons: Vec<&str> = c.boilerplate.iter().map(|(_, r)| r.as_str()).collect();
        assert_eq!(
            reasons,
            [
                "section label",
                "dateline",
                "view counter",
                "repeated line",
                "byline",
                "page tail",
                "page tail"
            ]
        );
    }

    /// Every word of a dump: the prose, the furniture, the metadata; words written here.
    const PAGE: &str = "Skip to content\n\nHome\nNews\nSport\nWeather\n\nWorld\n\nCouncil shuts the old river bridge\n\nInspectors found cracks in two of its stone piers\n\nBy Jane Roe and John Doe\n\nMay 6, 2024 | 9:15 am\n\nShare Tweet Email\n\nThe council voted on Monday to close the old bridge to all traffic after inspectors found cracks in two of its piers.\n\nWorkers on the deck (Getty Images)\n\n\"It is simply not safe to cross any more,\" said the city engineer, who has inspected it every year since 2001.\n\nThank you for subscribing. The bridge, which opened in 1902, carried 40,000 vehicles a day before it was closed, the council said.\n\nSince 9/11 the agency has worked 24/7, and a 2/3 majority of the council backed the closure on Monday.\n\nRead more\n\nMayor opens new library\nStorm floods the lower town\nPolice close the high street\n\nWe use cookies to improve your experience. Accept all cookies\n\nSign up for our newsletter\n\nCopyright 2024 Example News. All rights reserved.";

    #[test]
    fn a_page_dump_keeps_its_article_and_drops_its_furniture() {
        let c = clean(&Document::from_text("page.txt", Format::Text, PAGE));
        assert_eq!(
            c.meta.title.as_deref(),
            Some("Council shuts the old river bridge")
        );
        assert_eq!(
            c.meta.subtitle.as_deref(),
            Some("Inspectors found cracks in two of its stone piers")
        );
        assert_eq!(c.meta.authors, ["Jane Roe", "John Doe"]);
        assert_eq!(c.meta.published.as_deref(), Some("2024-05-06T09:15"));
        assert_eq!(c.paragraphs.len(), 4, "{:#?}", c.paragraphs);
        assert!(c.paragraphs[0].starts_with("The council voted"));
        // prose with one furniture sentence loses that sentence only, and fractions that are
        // not a gallery strip stay
        assert!(c.paragraphs[2].starts_with("The bridge, which opened in 1902"));
        assert!(
            c.boilerplate
                .iter()
                .any(|(t, r)| t == "Thank you for subscribing." && r == "newsletter prompt")
        );
        assert!(c.paragraphs[3].starts_with("Since 9/11"));
        let reasons: Vec<&str> = c.boilerplate.iter().map(|(_, r)| r.as_str()).collect();
        assert!(reasons.contains(&"cookie banner"), "{reasons:?}");
        assert!(reasons.contains(&"photo credit"), "{reasons:?}");
    }

    /// Every word of the input is in the body, in a metadata field, or in a removed passage
    /// listed with its reason.
    fn assert_no_word_lost(text: &str) {
        let c = clean(&Document::from_text("page.txt", Format::Text, text));
        let mut kept: std::collections::HashSet<String> = std::collections::HashSet::new();
        let all = c
            .paragraphs
            .iter()
            .chain(c.boilerplate.iter().map(|(t, _)| t))
            .chain(c.meta.title.iter())
            .chain(c.meta.subtitle.iter());
        for t in all {
            kept.extend(crate::analyse::tokens::words_lower(t));
        }
        for (_, reason) in &c.boilerplate {
            assert!(!reason.is_empty(), "a removed passage without its reason");
        }
        for w in crate::analyse::tokens::words_lower(&crate::text::normalise(text)) {
            assert!(kept.contains(&w), "{w:?} was lost from {text:?}");
        }
    }

    #[test]
    fn no_word_of_the_page_is_lost() {
        assert_no_word_lost(PAGE);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]
        #[test]
        fn no_word_is_lost_whatever_the_page(picks in proptest::collection::vec((0usize..PIECES.len(), 0usize..3), 1..30)) {
            let mut text = String::new();
            for (k, sep) in picks {
                text.push_str(PIECES[k]);
                text.push_str(["\n", "\n\n", " "][sep]);
            }
            assert_no_word_lost(&text);
        }
    }

    const PIECES: [&str; 16] = [
        "Home",
        "Sign up for our newsletter",
        "Thank you for subscribing.",
        "The council voted on Monday to close the old bridge to all traffic after inspectors found cracks.",
        "Since 9/11 the agency has worked 24/7, and a 2/3 majority backed it.",
        "By Jane Roe",
        "May 6, 2024 09:15",
        "Comments",
        "Ann Smith on May 3, 2024 at 4:47 pm said:",
        "Reply",
        "Workers on the deck (Getty Images)",
        "A crane lifts a beamopen image in galleryA crane lifts a beam (City Council)",
        "Share Tweet Email",
        "Video Player Placeholder and more",
        "Most popular",
        "\"It is simply not safe,\" said the engineer, who has inspected the bridge every year.",
    ];
}

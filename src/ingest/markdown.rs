//! Markdown articles: the markup goes, the words stay. Headings, block quotes and list
//! markers lose their prefixes, links keep their text, images and fenced code go.

use std::sync::LazyLock;

use regex::Regex;

static IMAGE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"!\[[^\]]*\]\([^)]*\)").unwrap_or_else(|e| panic!("{e}")));
static LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)").unwrap_or_else(|e| panic!("{e}"))
});
static STRONG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\*\*|__)(\S(?:.*?\S)?)(\*\*|__)").unwrap_or_else(|e| panic!("{e}"))
});
static EMPHASIS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(^|[\s(])[*_]([^\s*_](?:[^*_]*?[^\s*_])?)[*_]").unwrap_or_else(|e| panic!("{e}"))
});

/// Turn Markdown into plain text with paragraphs separated by blank lines.
pub fn to_text(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    let mut fenced = false;
    for line in md.lines() {
        let t = line.trim();
        if t.starts_with("```") || t.starts_with("~~~") {
            fenced = !fenced;
            continue;
        }
        if fenced || t.starts_with("<!--") || is_rule(t) {
            continue;
        }
        let t = t.trim_start_matches('>').trim_start();
        let t = t.trim_start_matches('#').trim_start();
        let t = strip_list_marker(t);
        let t = IMAGE.replace_all(t, "");
        let t = LINK.replace_all(&t, "$1");
        let t = STRONG.replace_all(&t, "$2");
        let t = EMPHASIS.replace_all(&t, "$1$2");
        out.push_str(t.trim());
        out.push('\n');
    }
    out
}

fn is_rule(t: &str) -> bool {
    t.len() >= 3
        && t.chars()
            .all(|c| c == '-' || c == '*' || c == '_' || c == ' ')
}

fn strip_list_marker(t: &str) -> &str {
    if let Some(rest) = t
        .strip_prefix("- ")
        .or_else(|| t.strip_prefix("* "))
        .or_else(|| t.strip_prefix("+ "))
    {
        return rest;
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_markup_and_keeps_words() {
        let md = "# Bridge closed\n\n![crane](crane.jpg)\n\nThe **council** voted to close the [old bridge](https://example.com/b).\n\n> \"It is *not* safe,\" she said.\n\n- first point\n\n---\n```\ncode\n```\n";
        let text = to_text(md);
        assert!(text.starts_with("Bridge closed\n"));
        assert!(text.contains("The council voted to close the old bridge."));
        assert!(text.contains("\"It is not safe,\" she said."));
        assert!(text.contains("first point"));
        assert!(!text.contains("crane"));
        assert!(!text.contains("code"));
    }
}

//! Text hygiene at the model boundary: everything that enters the store passes through
//! [`normalise`] (article text) or [`sanitise`] (any other string, e.g. from a loaded store),
//! so nothing that reaches the terminal can carry an escape sequence or a control character.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
use unicode_width::UnicodeWidthStr;

/// Normalise raw article text: drop a BOM, turn CRLF/CR and Unicode line separators into
/// `\n`, odd spaces (no-break, thin, ideographic …) into a plain space, strip escape
/// sequences, control, bidirectional-override and zero-width characters, and compose to NFC.
pub fn normalise(raw: &str) -> String {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let cleaned = clean_chars(raw, true);
    to_nfc(cleaned)
}

/// Make a single-line string safe to print: as [`normalise`], and newlines become spaces.
pub fn sanitise(s: &str) -> String {
    let cleaned = clean_chars(s, false);
    to_nfc(cleaned)
}

/// True when `s` holds nothing [`sanitise`] would change.
pub fn is_clean(s: &str) -> bool {
    s.chars().all(|c| classify(c) == Class::Keep) && is_nfc_quick(s.chars()) == IsNormalized::Yes
}

/// True when `s` holds no character that [`sanitise`] would drop or replace: no control
/// character, escape sequence, line break, tab, odd space, bidirectional override or
/// zero-width character. Every string in the model passes this (composition aside).
pub fn is_safe(s: &str) -> bool {
    s.chars().all(|c| classify(c) == Class::Keep)
}

/// The last line of defence before text reaches a terminal: escape sequences, control
/// characters (except `\n` and `\t`), bidirectional overrides and zero-width characters are
/// removed; everything else, spaces and composition included, is left as it is. Borrowed when
/// there is nothing to remove.
pub fn terminal_safe(s: &str) -> std::borrow::Cow<'_, str> {
    let keep =
        |c: char| c == '\n' || c == '\t' || matches!(classify(c), Class::Keep | Class::Space);
    if s.chars()
        .all(|c| keep(c) && !matches!(c, '\u{b}' | '\u{c}'))
    {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, classify(c)) {
            ('\n' | '\t', _) => out.push(c),
            ('\u{b}' | '\u{c}', _) => out.push(' '),
            (_, Class::Keep | Class::Space) => out.push(c),
            ('\r', _) if chars.peek() == Some(&'\n') => {}
            (_, Class::Newline) => out.push('\n'),
            (_, Class::Drop) => {}
            (_, Class::Escape) => skip_escape(c, &mut chars),
        }
    }
    std::borrow::Cow::Owned(out)
}

fn to_nfc(s: String) -> String {
    if is_nfc_quick(s.chars()) == IsNormalized::Yes {
        s
    } else {
        s.nfc().collect()
    }
}

#[derive(PartialEq, Eq, Clone, Copy)]
enum Class {
    Keep,
    Space,
    Newline,
    Drop,
    Escape,
}

fn classify(c: char) -> Class {
    match c {
        '\n' => Class::Newline,
        '\r' | '\u{2028}' | '\u{2029}' | '\u{85}' => Class::Newline,
        '\t' | '\u{b}' | '\u{c}' => Class::Space,
        '\u{1b}' | '\u{9b}' | '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => Class::Escape,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => Class::Drop,
        '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => Class::Space,
        // zero-width, soft hyphen, bidirectional marks, embeddings, overrides and isolates
        '\u{ad}' | '\u{200b}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' => Class::Drop,
        '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{feff}'
        | '\u{fff9}'..='\u{fffb}' => Class::Drop,
        _ => Class::Keep,
    }
}

/// One pass over the characters: `keep_newlines` false turns them into spaces.
fn clean_chars(s: &str, keep_newlines: bool) -> String {
    if s.bytes()
        .all(|b| (0x20..0x7f).contains(&b) || (keep_newlines && b == b'\n'))
    {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match classify(c) {
            Class::Keep => out.push(c),
            Class::Space => out.push(' '),
            Class::Newline => {
                // CRLF is one line break
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push(if keep_newlines { '\n' } else { ' ' });
            }
            Class::Drop => {}
            Class::Escape => skip_escape(c, &mut chars),
        }
    }
    out
}

/// Consume the rest of an escape sequence introduced by `intro` (ESC or a C1 introducer):
/// CSI `ESC [ … final`, OSC `ESC ] … BEL|ST`, DCS/SOS/PM/APC `… ST`, or a two-byte `ESC x`.
///
/// Only a well-formed, complete sequence is removed: a CSI whose parameters end in a final
/// byte, a string sequence whose terminator comes on the same line within 4,096 characters.
/// Anything else drops the introducer alone and keeps the text after it: a stray U+009D (what
/// Windows-1252 decoding makes of byte 0x9D) must not eat the paragraphs that follow it.
fn skip_escape(intro: char, chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    let mut look = chars.clone();
    let kind = if intro == '\u{1b}' {
        match look.next() {
            Some('[') => '[',
            Some(']') => ']',
            Some('P' | 'X' | '^' | '_') => 'P',
            // a two-character escape (`ESC 7`, `ESC c`)
            Some('\u{20}'..='\u{7e}') => {
                chars.next();
                return;
            }
            // a lone ESC
            _ => return,
        }
    } else {
        match intro {
            '\u{9b}' => '[',
            '\u{9d}' => ']',
            _ => 'P',
        }
    };
    let complete = if kind == '[' {
        // parameters and intermediates, then one final byte in @..~
        loop {
            match look.next() {
                Some('\u{20}'..='\u{3f}') => {}
                Some('\u{40}'..='\u{7e}') => break true,
                _ => break false,
            }
        }
    } else {
        // string sequences end at BEL, ST (ESC \) or the C1 ST, on the same line
        let mut budget = 4096;
        loop {
            match look.next() {
                Some('\u{7}' | '\u{9c}') => break true,
                Some('\u{1b}') => break look.next() == Some('\\'),
                Some(c) if budget > 0 && classify(c) != Class::Newline => budget -= 1,
                _ => break false,
            }
        }
    };
    if complete {
        *chars = look;
    }
}

/// Display width of a string in terminal columns (per grapheme, East Asian wide aware).
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Cut `s` to at most `max` columns, ending with `…` when anything was cut.
pub fn truncate(s: &str, max: usize) -> std::borrow::Cow<'_, str> {
    if width(s) <= max {
        return std::borrow::Cow::Borrowed(s);
    }
    if max == 0 {
        return std::borrow::Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut used = 0;
    for g in unicode_segmentation::UnicodeSegmentation::graphemes(s, true) {
        let w = width(g);
        if used + w + 1 > max {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    std::borrow::Cow::Owned(out)
}

/// Fold a string for matching: lower case, curly quotes and dashes made plain, whitespace
/// collapsed.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{201b}' | '\u{2032}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' => '"',
            '\u{2010}'..='\u{2015}' => '-',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            if !space && !out.is_empty() {
                out.push(' ');
            }
            space = true;
            continue;
        }
        space = false;
        out.extend(c.to_lowercase());
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Remove diacritics for comparing spellings ("Kowalski" vs "Kowalśki").
pub fn strip_diacritics(s: &str) -> String {
    s.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_line_ends_spaces_and_composition() {
        assert_eq!(normalise("\u{feff}a\r\nb\rc"), "a\nb\nc");
        assert_eq!(normalise("10\u{a0}km and 5\u{202f}%"), "10 km and 5 %");
        assert_eq!(normalise("Cafe\u{301}"), "Café");
        assert_eq!(
            normalise("soft\u{ad}hyphen zero\u{200b}width"),
            "softhyphen zerowidth"
        );
    }

    #[test]
    fn strips_escape_sequences_and_controls() {
        let hostile =
            "Title\u{1b}]0;pwned\u{7} body \u{1b}[2J\u{1b}[31mred\u{1b}[0m \u{7}bell\u{0}";
        let clean = normalise(hostile);
        assert_eq!(clean, "Title body red bell");
        assert!(!clean.contains('\u{1b}'));
        let dcs = "a\u{1b}Pq#0;2;0;0;0\u{1b}\\b";
        assert_eq!(normalise(dcs), "ab");
        assert_eq!(normalise("x\u{9b}1;2Hy"), "xy");
        assert_eq!(normalise("ok\u{202e}desrever\u{2066}"), "okdesrever");
    }

    #[test]
    fn unterminated_osc_cannot_swallow_everything() {
        let s = format!("a\u{1b}]0;{}", "x".repeat(10_000));
        let out = normalise(&s);
        assert!(out.starts_with('a'));
        assert!(out.len() > 5000, "text after the bounded sequence is kept");
    }

    #[test]
    fn a_broken_csi_keeps_the_text_after_it() {
        assert_eq!(sanitise("a\u{1b}[12é b"), "a[12é b");
        assert_eq!(sanitise("\u{1b}[1;31mred\u{1b}[0m"), "red");
        assert_eq!(sanitise("x\u{9b}2Jy"), "xy");
    }

    #[test]
    fn terminal_safe_strips_only_what_drives_a_terminal() {
        let out = terminal_safe("a\u{1b}]0;pwned\u{7}b\u{1b}[2J\n\tc\r\nd\re\u{202e}f\u{a0}g");
        assert_eq!(out, "ab\n\tc\nd\nef\u{a0}g");
        assert!(matches!(
            terminal_safe("plain\n"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert!(is_safe("plain text"));
        assert!(!is_safe("tab\there"));
        assert!(!is_safe("bidi\u{202e}"));
    }

    #[test]
    fn a_stray_c1_character_is_dropped_alone() {
        // Windows-1252 bytes 0x90 and 0x9D decode to these; each used to swallow up to 4 KiB
        let words = "the council met on Tuesday and voted ".repeat(40);
        for c in ['\u{90}', '\u{98}', '\u{9d}', '\u{9e}', '\u{9f}'] {
            let text = format!("Before{c} {words}\n\nNext paragraph {words}");
            let out = normalise(&text);
            assert_eq!(
                out,
                format!("Before {words}\n\nNext paragraph {words}"),
                "{c:?}"
            );
        }
        // a terminator on a later line does not make it a sequence: removal never crosses a line
        assert_eq!(normalise("a\u{9d}0;x\nkeep\u{7} b"), "a0;x\nkeep b");
        assert_eq!(normalise("a\u{1b}]0;x\nkeep\u{1b}\\b"), "a]0;x\nkeepb");
        // complete sequences still go
        assert_eq!(normalise("a\u{9d}0;title\u{9c}b"), "ab");
        assert_eq!(normalise("a\u{90}q#0\u{1b}\\b"), "ab");
        assert_eq!(normalise("a\u{1b}7b\u{1b}"), "ab");
    }

    #[test]
    fn sanitise_flattens_newlines() {
        assert_eq!(sanitise("a\nb\tc"), "a b c");
        assert!(is_clean("plain text"));
        assert!(!is_clean("bad\u{1b}[0m"));
    }

    #[test]
    fn truncates_by_columns_with_ellipsis() {
        assert_eq!(truncate("hello world", 8), "hello w…");
        assert_eq!(truncate("hello", 8), "hello");
        assert_eq!(truncate("日本語テキスト", 7), "日本語…");
        assert_eq!(width("日本"), 4);
    }

    #[test]
    fn folds_quotes_dashes_and_case() {
        assert_eq!(fold("  “Don’t”\u{2013}Stop  Now "), "\"don't\"-stop now");
        assert_eq!(strip_diacritics("Kowalśki"), "Kowalski");
    }
}

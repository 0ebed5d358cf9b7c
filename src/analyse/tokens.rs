//! A small, fast tokenizer for news English: words, numbers and punctuation with byte spans.
//!
//! Everything downstream (sentences, names, quotes, facts) works on these tokens rather than
//! on regexes over raw text, so each paragraph is scanned once.

use std::ops::Range;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters (with digits, inner hyphens and apostrophes): `Ukraine`, `pre-war`, `don't`,
    /// `AK-47`, `U.S.` (dotted initialisms keep their dots), and the possessive `'s`.
    Word,
    /// Digits with inner separators: `60,000`, `1.2`, `6.10`, `2025`.
    Number,
    /// One punctuation mark, or an ellipsis `...` / `…`, or a dash run `--`.
    Punct,
}

/// A token: its kind, its byte span in the text, and whether whitespace precedes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: Kind,
    pub start: u32,
    pub end: u32,
    pub space_before: bool,
}

impl Token {
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    pub fn text<'a>(&self, s: &'a str) -> &'a str {
        &s[self.range()]
    }

    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    pub fn is_number(&self) -> bool {
        self.kind == Kind::Number
    }

    pub fn is_punct(&self) -> bool {
        self.kind == Kind::Punct
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

fn is_hyphen(c: char) -> bool {
    c == '-' || c == '\u{2010}' || c == '\u{2011}'
}

/// Split `s` into tokens.
pub fn tokenize(s: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(s.len() / 5 + 1);
    let bytes = s.as_bytes();
    let mut chars = s.char_indices().peekable();
    let mut space = false;
    while let Some(&(i, c)) = chars.peek() {
        if c.is_whitespace() {
            space = true;
            chars.next();
            continue;
        }
        let start = i;
        let kind;
        if c.is_ascii_digit() {
            kind = Kind::Number;
            chars.next();
            while let Some(&(j, d)) = chars.peek() {
                if d.is_ascii_digit() {
                    chars.next();
                } else if (d == ',' || d == '.') && bytes.get(j + 1).is_some_and(u8::is_ascii_digit)
                {
                    // a separator counts only between digits: "60,000", "1.5", not "2025."
                    chars.next();
                } else {
                    break;
                }
            }
        } else if c.is_alphanumeric() {
            kind = Kind::Word;
            // dotted initialisms: U.S. / a.m. / U.N.
            if let Some(len) = dotted_initialism(&s[i..]) {
                while chars.peek().is_some_and(|&(j, _)| j < i + len) {
                    chars.next();
                }
            } else {
                chars.next();
                while let Some(&(j, d)) = chars.peek() {
                    if d.is_alphanumeric() || d == '\u{301}' {
                        chars.next();
                    } else if is_hyphen(d) || is_apostrophe(d) {
                        // inner hyphen or apostrophe: pre-war, don't, O'Brien; the possessive
                        // 's is its own token
                        let rest = &s[j + d.len_utf8()..];
                        let next = rest.chars().next();
                        if next.is_some_and(char::is_alphanumeric) {
                            if is_apostrophe(d) && possessive_s(rest) {
                                break;
                            }
                            chars.next();
                        } else {
                            break;
                        }
                    } else {
                        break;
                    }
                }
            }
        } else if is_apostrophe(c) && possessive_s(&s[i + c.len_utf8()..]) {
            // the possessive 's as a token of its own
            kind = Kind::Word;
            chars.next();
            chars.next();
        } else {
            kind = Kind::Punct;
            chars.next();
            if c == '.' && s[i..].starts_with("...") {
                chars.next();
                chars.next();
            } else if c == '-' && s[i..].starts_with("--") {
                while chars.peek().is_some_and(|&(_, d)| d == '-') {
                    chars.next();
                }
            }
        }
        let end = chars.peek().map_or(s.len(), |&(j, _)| j);
        out.push(Token {
            kind,
            start: start as u32,
            end: end as u32,
            space_before: space,
        });
        space = false;
    }
    out
}

/// `s` (after an apostrophe) is a possessive `s`: an `s` not followed by a letter.
fn possessive_s(s: &str) -> bool {
    let mut it = s.chars();
    matches!(it.next(), Some('s' | 'S')) && !it.next().is_some_and(char::is_alphanumeric)
}

/// Length of a dotted initialism at the start of `s` ("U.S.", "a.m.", "U.N."), if any.
fn dotted_initialism(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 0;
    let mut letters = 0;
    while i + 1 < b.len() && b[i].is_ascii_alphabetic() && b[i + 1] == b'.' {
        i += 2;
        letters += 1;
    }
    // two or more letters, and not followed by another letter ("U.S.-based" is fine)
    if letters >= 2 && !b.get(i).is_some_and(u8::is_ascii_alphabetic) {
        Some(i)
    } else {
        None
    }
}

/// Is this an opening quote mark?
pub fn is_open_quote(t: &str) -> bool {
    matches!(
        t,
        "\"" | "\u{201c}" | "\u{2018}" | "'" | "\u{201e}" | "\u{ab}"
    )
}

/// Is this any quote mark?
pub fn is_quote_mark(t: &str) -> bool {
    matches!(
        t,
        "\"" | "\u{201c}"
            | "\u{201d}"
            | "\u{2018}"
            | "\u{2019}"
            | "'"
            | "\u{201e}"
            | "\u{ab}"
            | "\u{bb}"
    )
}

/// Words of a string, lower-cased, for overlap measures.
pub fn words_lower(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn splits_words_numbers_and_punctuation() {
        assert_eq!(
            texts("Ukraine's pre-war population of some 60,000 people."),
            [
                "Ukraine",
                "'s",
                "pre-war",
                "population",
                "of",
                "some",
                "60,000",
                "people",
                "."
            ]
        );
        assert_eq!(
            texts("about 10% ($1.5bn)"),
            ["about", "10", "%", "(", "$", "1.5", "bn", ")"]
        );
        assert_eq!(
            texts("the U.S.-based institute"),
            ["the", "U.S.", "-", "based", "institute"]
        );
        assert_eq!(texts("Don’t stop..."), ["Don’t", "stop", "..."]);
        assert_eq!(texts("in 2025. Then"), ["in", "2025", ".", "Then"]);
        assert_eq!(texts("the 7th corps"), ["the", "7", "th", "corps"]);
        assert_eq!(texts("AK-47 rifles"), ["AK-47", "rifles"]);
        assert_eq!(texts("Reuters' report"), ["Reuters", "'", "report"]);
    }

    #[test]
    fn records_spacing() {
        let s = "10 km and 10km";
        let t = tokenize(s);
        assert!(t[1].space_before);
        assert_eq!(t[4].text(s), "km");
        assert!(!t[4].space_before);
    }
}

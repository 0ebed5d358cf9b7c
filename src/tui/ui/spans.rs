//! Styled text helpers for drawing: wrapping at word boundaries, fitting a cell to a width
//! with an ellipsis (never mid-grapheme), and marking search matches. Widths are terminal
//! columns (`unicode-width`), never bytes.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;

use crate::text::width;
use crate::tui::data::norm_char;

/// Byte ranges of `hay` where the (already normalised) `query` occurs, compared character by
/// character after [`norm_char`].
pub fn find_all(hay: &str, query: &[char]) -> Vec<Range<usize>> {
    if query.is_empty() {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = hay.char_indices().map(|(i, c)| (i, norm_char(c))).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + query.len() <= chars.len() {
        if (0..query.len()).all(|k| chars[i + k].1 == query[k]) {
            let end = chars.get(i + query.len()).map_or(hay.len(), |c| c.0);
            out.push(chars[i].0..end);
            i += query.len();
        } else {
            i += 1;
        }
    }
    out
}

/// Split spans so that matches of `query` carry `hl` on top of their style.
pub fn mark(spans: Vec<Span<'static>>, query: &str, hl: Style) -> Vec<Span<'static>> {
    let q: Vec<char> = query.chars().map(norm_char).collect();
    if q.is_empty() {
        return spans;
    }
    let mut out = Vec::with_capacity(spans.len());
    for s in spans {
        let hits = find_all(&s.content, &q);
        if hits.is_empty() {
            out.push(s);
            continue;
        }
        let mut at = 0;
        for r in hits {
            if r.start > at {
                out.push(Span::styled(s.content[at..r.start].to_owned(), s.style));
            }
            out.push(Span::styled(
                s.content[r.clone()].to_owned(),
                s.style.patch(hl),
            ));
            at = r.end;
        }
        if at < s.content.len() {
            out.push(Span::styled(s.content[at..].to_owned(), s.style));
        }
    }
    out
}

/// Cut spans to at most `max` columns, ending with `…` when anything was cut, and pad with
/// spaces to exactly `max` when `pad`.
pub fn fit(spans: Vec<Span<'static>>, max: usize, pad: bool) -> Vec<Span<'static>> {
    let total: usize = spans.iter().map(|s| width(&s.content)).sum();
    let mut out = Vec::with_capacity(spans.len() + 1);
    if total <= max {
        out.extend(spans);
        if pad && total < max {
            out.push(Span::raw(" ".repeat(max - total)));
        }
        return out;
    }
    if max == 0 {
        return out;
    }
    let mut used = 0;
    let mut last_style = Style::new();
    'outer: for s in spans {
        last_style = s.style;
        let mut kept = String::new();
        for g in s.content.graphemes(true) {
            let w = width(g);
            if used + w + 1 > max {
                if !kept.is_empty() {
                    out.push(Span::styled(kept, s.style));
                }
                break 'outer;
            }
            kept.push_str(g);
            used += w;
        }
        out.push(Span::styled(kept, s.style));
    }
    out.push(Span::styled("…", last_style));
    used += 1;
    if pad && used < max {
        out.push(Span::raw(" ".repeat(max - used)));
    }
    out
}

/// One cell of text: truncated with an ellipsis and padded to `max` columns.
pub fn cell(text: &str, max: usize, style: Style) -> Vec<Span<'static>> {
    fit(vec![Span::styled(text.to_owned(), style)], max, true)
}

/// Lines of spans, as the panes build them before drawing.
pub type Lines = Vec<Vec<Span<'static>>>;

/// The state of [`wrap_indexed`]: finished lines, the line being filled and the word being
/// collected (a word may span several styled pieces).
struct Wrapper {
    max: usize,
    lines: Vec<Line<'static>>,
    cur: Vec<Span<'static>>,
    cur_w: usize,
    word: Vec<(String, Style)>,
    word_w: usize,
    /// A space (with its style) is due before the next word.
    space: Option<Style>,
    /// Input spans whose first character is in `word` (their line is not known yet).
    pending: Vec<usize>,
    starts: Vec<usize>,
}

impl Wrapper {
    fn break_line(&mut self) {
        self.lines.push(Line::from(std::mem::take(&mut self.cur)));
        self.cur_w = 0;
    }

    fn flush_word(&mut self) {
        if self.word.is_empty() {
            return;
        }
        let sp = usize::from(self.space.is_some() && self.cur_w > 0);
        if self.cur_w > 0 && self.cur_w + sp + self.word_w > self.max {
            self.break_line();
        } else if sp == 1 {
            self.cur
                .push(Span::styled(" ", self.space.unwrap_or_default()));
            self.cur_w += 1;
        }
        self.space = None;
        let here = self.lines.len();
        for i in self.pending.drain(..) {
            self.starts[i] = here;
        }
        for (text, style) in std::mem::take(&mut self.word) {
            if self.cur_w + width(&text) <= self.max {
                self.cur_w += width(&text);
                self.cur.push(Span::styled(text, style));
                continue;
            }
            // a word longer than the line: break it between graphemes
            let mut piece = String::new();
            for g in text.graphemes(true) {
                let w = width(g);
                if self.cur_w + w > self.max && self.cur_w > 0 {
                    if !piece.is_empty() {
                        self.cur
                            .push(Span::styled(std::mem::take(&mut piece), style));
                    }
                    self.break_line();
                }
                piece.push_str(g);
                self.cur_w += w;
            }
            if !piece.is_empty() {
                self.cur.push(Span::styled(piece, style));
            }
        }
        self.word_w = 0;
    }
}

/// Wrap spans into lines of at most `max` columns, breaking between words; a word longer
/// than a line is broken between graphemes. Also returns, for each input span, the line on
/// which it starts (so a sentence can be found after wrapping).
pub fn wrap_indexed(spans: &[Span<'_>], max: usize) -> (Vec<Line<'static>>, Vec<usize>) {
    let mut w = Wrapper {
        max: max.max(1),
        lines: Vec::new(),
        cur: Vec::new(),
        cur_w: 0,
        word: Vec::new(),
        word_w: 0,
        space: None,
        pending: Vec::new(),
        starts: vec![0; spans.len()],
    };
    for (si, s) in spans.iter().enumerate() {
        // a span starts on the line where its first word lands
        w.pending.push(si);
        let mut started = false;
        for (is_space, chunk) in split_spaces(&s.content) {
            if is_space {
                // the word before this space belongs to earlier spans, not to this one
                if !started {
                    w.pending.pop();
                }
                w.flush_word();
                if !started {
                    w.pending.push(si);
                }
                w.space = Some(s.style);
            } else {
                w.word_w += width(chunk);
                w.word.push((chunk.to_owned(), s.style));
            }
            started = true;
        }
    }
    w.flush_word();
    let last = w.lines.len();
    for i in std::mem::take(&mut w.pending) {
        w.starts[i] = last;
    }
    if !w.cur.is_empty() || w.lines.is_empty() {
        w.break_line();
    }
    (w.lines, w.starts)
}

/// [`wrap_indexed`] without the index.
pub fn wrap(spans: &[Span<'_>], max: usize) -> Vec<Line<'static>> {
    wrap_indexed(spans, max).0
}

/// Runs of whitespace and of other characters, in order.
fn split_spaces(s: &str) -> impl Iterator<Item = (bool, &str)> {
    let mut rest = s;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let sp = first.is_whitespace();
        let end = rest
            .char_indices()
            .find(|(_, c)| c.is_whitespace() != sp)
            .map_or(rest.len(), |(i, _)| i);
        let (chunk, tail) = rest.split_at(end);
        rest = tail;
        Some((sp, chunk))
    })
}

/// Draw a line into `buf` at `(x, y)`, clipped to `max` columns (with an ellipsis).
pub fn put(buf: &mut Buffer, x: u16, y: u16, spans: Vec<Span<'static>>, max: u16) {
    let line = Line::from(fit(spans, max as usize, false));
    buf.set_line(x, y, &line, max);
}

/// Draw a line across the whole width of `area` at row `y`.
pub fn put_row(buf: &mut Buffer, area: Rect, y: u16, spans: Vec<Span<'static>>) {
    put(buf, area.x, y, spans, area.width);
}

/// Draw `lines` from row `y` down, at most `height` of them; when some do not fit, the last
/// one shown ends with an ellipsis so nothing is cut silently.
pub fn put_lines(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    w: u16,
    height: usize,
    lines: Vec<Vec<Span<'static>>>,
) {
    let more = lines.len() > height;
    let n = lines.len().min(height);
    for (i, mut l) in lines.into_iter().take(n).enumerate() {
        if more && i + 1 == n {
            // " …" when it fits, else `fit` cuts the line and ends it with the ellipsis
            l.push(Span::raw(" …"));
        }
        put(buf, x, y + i as u16, l, w);
    }
}

/// Patch `style` onto every span.
pub fn restyle(spans: Vec<Span<'static>>, style: Style) -> Vec<Span<'static>> {
    spans
        .into_iter()
        .map(|s| {
            let st = s.style.patch(style);
            s.style(st)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(lines: &[Line<'_>]) -> Vec<String> {
        lines.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn wraps_between_words_and_keeps_styles() {
        let bold = Style::new().add_modifier(ratatui::style::Modifier::BOLD);
        let spans = [
            Span::raw("The council voted "),
            Span::styled("on Monday", bold),
            Span::raw(" to close it."),
        ];
        let (lines, starts) = wrap_indexed(&spans, 12);
        assert_eq!(
            text(&lines),
            ["The council", "voted on", "Monday to", "close it."]
        );
        assert_eq!(starts, [0, 1, 2]);
        assert_eq!(lines[1].spans[2].style, bold);
        assert!(lines.iter().all(|l| l.width() <= 12));
    }

    #[test]
    fn breaks_overlong_words_and_wide_characters() {
        let lines = wrap(&[Span::raw("abcdefghij x")], 4);
        assert_eq!(text(&lines), ["abcd", "efgh", "ij x"]);
        let lines = wrap(&[Span::raw("日本語テキスト")], 5);
        assert!(lines.iter().all(|l| l.width() <= 5), "{:?}", text(&lines));
        assert_eq!(wrap(&[], 10).len(), 1);
    }

    #[test]
    fn fit_cuts_with_an_ellipsis_and_pads() {
        let s = fit(vec![Span::raw("hello "), Span::raw("world")], 8, true);
        let joined: String = s.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(joined, "hello w…");
        let s = cell("ok", 5, Style::new());
        let joined: String = s.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(joined, "ok   ");
        let s = cell("日本語", 4, Style::new());
        let joined: String = s.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(joined, "日… ");
    }

    #[test]
    fn marks_matches_case_insensitively() {
        let hl = Style::new().add_modifier(ratatui::style::Modifier::UNDERLINED);
        let out = mark(vec![Span::raw("Don’t stop, DON'T")], "don't", hl);
        let marked: Vec<&str> = out
            .iter()
            .filter(|s| s.style == hl)
            .map(|s| s.content.as_ref())
            .collect();
        assert_eq!(marked, ["Don’t", "DON'T"]);
    }
}

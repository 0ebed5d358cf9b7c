//! The help overlay, generated from the keymap table (so it always shows the real keys).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Clear, Widget};

use super::spans::{cell, put};
use crate::text::width;
use crate::tui::app::{App, Scroll};
use crate::tui::keymap::{Context, Keymap};

const ORDER: [Context; 8] = [
    Context::Global,
    Context::Overview,
    Context::Facts,
    Context::People,
    Context::Claims,
    Context::Compare,
    Context::Read,
    Context::Search,
];

/// The overlay's lines: (is heading, keys, text).
fn lines(keymap: &Keymap) -> Vec<(bool, String, String)> {
    let mut out = Vec::new();
    for c in ORDER {
        let rows: Vec<_> = keymap
            .in_context(c)
            .filter(|b| !b.keys.is_empty())
            .collect();
        if rows.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push((false, String::new(), String::new()));
        }
        out.push((true, c.label().to_owned(), String::new()));
        for b in rows {
            out.push((false, b.keys_label(), b.help.clone()));
        }
    }
    out
}

/// How many lines the overlay has (for scrolling).
pub fn line_count(keymap: &Keymap) -> usize {
    lines(keymap).len()
}

/// The widest the overlay needs to be: the longest key list and help text, with borders.
fn needed_width(all: &[(bool, String, String)]) -> u16 {
    let kw = all.iter().map(|l| width(&l.1)).max().unwrap_or(0).min(20);
    let tw = all.iter().map(|l| width(&l.2)).max().unwrap_or(0);
    (kw + 1 + tw + 4).max(40) as u16
}

pub fn render(app: &App, scroll: &Scroll, area: Rect, buf: &mut Buffer) {
    let all = lines(&app.keymap);
    // as wide as the longest line, so nothing is cut while the terminal has room
    let w = area.width.saturating_sub(4).min(needed_width(&all));
    let h = area.height.saturating_sub(2);
    let r = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    Clear.render(r, buf);
    let inner = super::frame(
        app,
        r,
        buf,
        " Keys · Esc closes · j/k scroll ",
        app.theme.title,
        true,
    );
    let rows = inner.height as usize;
    // the selection of a help overlay is its first visible line
    let top = scroll.selected.min(all.len().saturating_sub(rows));
    scroll.height.set(rows);
    let kw = all
        .iter()
        .map(|l| width(&l.1))
        .max()
        .unwrap_or(0)
        .min(20)
        .min(inner.width as usize / 3);
    for (i, (heading, keys, text)) in all.iter().skip(top).take(rows).enumerate() {
        let y = inner.y + i as u16;
        let spans = if *heading {
            vec![Span::styled(keys.clone(), app.theme.header)]
        } else {
            let mut s = cell(keys, kw, app.theme.key);
            s.push(Span::raw(" "));
            s.push(Span::raw(text.clone()));
            s
        };
        put(buf, inner.x + 1, y, spans, inner.width.saturating_sub(2));
    }
}

/// The overlay listing the problems met while loading (`w`).
pub fn render_warnings(app: &App, scroll: &Scroll, area: Rect, buf: &mut Buffer) {
    let longest = app.warnings.iter().map(|l| width(l)).max().unwrap_or(0);
    let w = area
        .width
        .saturating_sub(4)
        .min((longest + 4).max(40) as u16);
    let h = area
        .height
        .saturating_sub(2)
        .min(app.warnings.len().max(1) as u16 + 2);
    let r = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    Clear.render(r, buf);
    let title = format!(
        " {} while loading · Esc closes ",
        super::count(app.warnings.len(), "problem", "problems")
    );
    let inner = super::frame(app, r, buf, &title, app.theme.title, true);
    if app.warnings.is_empty() {
        super::empty(app, inner, buf, "everything loaded without a problem");
        return;
    }
    let rows = inner.height as usize;
    let top = scroll.selected.min(app.warnings.len().saturating_sub(rows));
    scroll.height.set(rows);
    for (i, line) in app.warnings.iter().skip(top).take(rows).enumerate() {
        put(
            buf,
            inner.x + 1,
            inner.y + i as u16,
            vec![Span::styled(line.clone(), app.theme.warning)],
            inner.width.saturating_sub(2),
        );
    }
}

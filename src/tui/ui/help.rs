//! The help overlay, generated from the keymap table (so it always shows the real keys).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Clear, Widget};

use super::spans::{cell, put};
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

pub fn render(app: &App, scroll: &Scroll, area: Rect, buf: &mut Buffer) {
    let w = area.width.saturating_sub(4).min(78);
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
    let all = lines(&app.keymap);
    let rows = inner.height as usize;
    // the selection of a help overlay is its first visible line
    let top = scroll.selected.min(all.len().saturating_sub(rows));
    scroll.height.set(rows);
    let kw = 20.min(inner.width as usize / 3);
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

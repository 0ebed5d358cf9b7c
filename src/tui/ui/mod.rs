//! Drawing: pure functions of `&App` (the only writes are the viewport sizes recorded in
//! `Cell`s, see [`crate::tui::app`]). One module per tab, plus the tab bar, footer and help.

pub mod claims;
pub mod compare;
pub mod facts;
pub mod help;
pub mod overview;
pub mod people;
pub mod read;
pub mod spans;

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph, Widget, Wrap};

use super::app::{App, Scroll, Tab};
use crate::text::width;

/// The smallest terminal the dashboard draws into.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 15;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        buf.set_style(area, self.theme.base);
        self.hits.borrow_mut().clear();
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            too_small(self, area, buf);
            return;
        }
        let [top, body, bottom] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
        ])
        .areas(area);
        tab_bar(self, top, buf);
        match self.tab {
            Tab::Overview => overview::render(self, body, buf),
            Tab::Facts => facts::render(self, body, buf),
            Tab::People => people::render(self, body, buf),
            Tab::Claims => claims::render(self, body, buf),
            Tab::Compare => compare::render(self, body, buf),
            Tab::Read => read::render(self, body, buf),
        }
        footer(self, bottom, buf);
        if let Some(h) = &self.help {
            help::render(self, h, area, buf);
        } else if let Some(w) = &self.warnings_view {
            help::render_warnings(self, w, area, buf);
        }
    }
}

/// Remember that `area` shows `target`, for mouse clicks.
pub fn hit(app: &App, area: Rect, target: super::app::Target) {
    app.hits.borrow_mut().push(super::app::Hit { area, target });
}

fn too_small(app: &App, area: Rect, buf: &mut Buffer) {
    let msg = vec![
        Line::styled("Terminal too small", app.theme.title),
        Line::raw(format!(
            "{}×{}: crossread needs at least {MIN_WIDTH}×{MIN_HEIGHT}.",
            area.width, area.height
        )),
        Line::raw(if app.running_in_terminal {
            "Enlarge the window, or press q to quit."
        } else {
            "Use a larger --size."
        }),
    ];
    let h = (msg.len() as u16).min(area.height);
    let y = area.y + area.height.saturating_sub(h) / 2;
    Paragraph::new(msg)
        .wrap(Wrap { trim: true })
        .centered()
        .render(
            Rect::new(area.x, y, area.width, area.height - (y - area.y)),
            buf,
        );
}

/// The tab titles and the column where each starts, for a terminal `total` columns wide.
fn tab_titles(total: u16) -> Vec<(u16, String)> {
    let build = |short: bool| {
        let mut x = 0u16;
        let mut out = Vec::new();
        for (i, t) in Tab::ALL.iter().enumerate() {
            let title = if short { t.short_title() } else { t.title() };
            let label = format!(" {} {} ", i + 1, title);
            out.push((x, label.clone()));
            x += width(&label) as u16 + 1;
        }
        (out, x)
    };
    let (long, w) = build(false);
    if w <= total { long } else { build(true).0 }
}

/// The tab under column `x` of the tab bar.
pub fn tab_at(total: u16, x: u16) -> Option<usize> {
    tab_titles(total)
        .iter()
        .position(|(start, label)| x >= *start && x < start + width(label) as u16)
}

fn tab_bar(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let mut spans = Vec::new();
    let titles = tab_titles(area.width);
    let mut used = 0;
    for (i, (_, label)) in titles.iter().enumerate() {
        let style = if i == app.tab.index() {
            t.tab_selected
        } else {
            t.tab
        };
        spans.push(Span::styled(label.clone(), style));
        spans.push(Span::styled("│", t.border));
        used += width(label) + 1;
    }
    let n = app.data.articles().len();
    let tail = format!(" crossread · {n} source{}", if n == 1 { "" } else { "s" });
    let room = (area.width as usize).saturating_sub(used);
    if room >= width(&tail) {
        spans.push(Span::raw(" ".repeat(room - width(&tail))));
        spans.push(Span::styled(tail, t.muted));
    }
    spans::put_row(buf, area, area.y, spans);
}

fn footer(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let mut spans: Vec<Span<'static>> = Vec::new();
    // a hint that does not fit whole is left out, never cut
    let room = area.width as usize;
    let hint = |spans: &mut Vec<Span<'static>>, key: String, label: &str| {
        let used: usize = spans.iter().map(|s| width(&s.content)).sum();
        let sep = if spans.is_empty() { 0 } else { 3 };
        if used + sep + width(&key) + 1 + width(label) > room {
            return;
        }
        if !spans.is_empty() {
            spans.push(Span::styled(" · ", t.muted));
        }
        spans.push(Span::styled(key, t.key));
        spans.push(Span::raw(format!(" {label}")));
    };
    if let (true, Some(note)) = (app.typing, &app.note) {
        spans.push(Span::styled("note: ", t.key));
        spans.push(Span::raw(note.clone()));
        spans.push(Span::styled("▏", t.key));
        spans.push(Span::raw("  "));
        spans.push(Span::styled("Enter", t.key));
        spans.push(Span::raw(" saves · "));
        spans.push(Span::styled("Esc", t.key));
        spans.push(Span::raw(" cancels"));
    } else if app.typing {
        spans.push(Span::styled("/", t.key));
        spans.push(Span::raw(app.query().to_owned()));
        spans.push(Span::styled("▏", t.key));
        if let Some(n) = match_count(app) {
            spans.push(Span::styled(format!("  {n}  "), t.muted));
        } else {
            spans.push(Span::raw("  "));
        }
        let mut hints = Vec::new();
        for (k, l) in app.keymap.hints(super::keymap::Context::Search) {
            hint(&mut hints, k, l);
        }
        spans.extend(hints);
    } else if let Some(msg) = &app.status {
        spans.push(Span::styled(msg.clone(), t.warning));
    } else {
        if !app.warnings.is_empty() {
            let n = app.warnings.len();
            spans.push(Span::styled(
                format!("⚠ {} (w)", count(n, "warning", "warnings")),
                t.warning,
            ));
        }
        if let Some(v) = app.selected_verdict() {
            if !spans.is_empty() {
                spans.push(Span::styled(" · ", t.muted));
            }
            let mut text = format!("{} {}", v.verdict.sign(), v.verdict.label());
            if let Some(n) = &v.note {
                text.push_str(&format!(": {n}"));
            }
            spans.push(Span::styled(text, t.title));
        }
        if !app.query().is_empty() {
            if !spans.is_empty() {
                spans.push(Span::styled(" · ", t.muted));
            }
            spans.push(Span::styled("filter ", t.muted));
            spans.push(Span::styled(format!("“{}”", app.query()), t.matched));
            if let Some(n) = match_count(app) {
                spans.push(Span::styled(format!(" {n}"), t.muted));
            }
            spans.push(Span::styled(" · ", t.muted));
            spans.push(Span::styled("Esc", t.key));
            spans.push(Span::raw(" clear · "));
            spans.push(Span::styled("n/N", t.key));
            spans.push(Span::raw(" next/prev"));
        }
        if app.back.is_some() && app.tab == Tab::Read && app.query().is_empty() {
            hint(&mut spans, "Esc".to_owned(), "back");
        }
        for (k, l) in app.keymap.hints(app.tab.context()) {
            if app.tab == Tab::Read && l == "show in text" {
                continue;
            }
            hint(&mut spans, k, l);
        }
    }
    spans::put_row(buf, area, area.y, spans);
}

/// "3 of 12" for a filtered list tab, or "sentence 4 of 30" style counts for Read.
fn match_count(app: &App) -> Option<String> {
    let (shown, all) = match app.tab {
        Tab::Overview => (app.cards.rows.len(), app.data.articles().len()),
        Tab::Facts => (app.facts.rows.len(), app.data.facts.len()),
        Tab::People => (app.people.rows.len(), app.data.people.len()),
        Tab::Claims => (app.claims.rows.len(), app.data.claims.len()),
        Tab::Compare => (
            app.compare.rows.len(),
            app.compare_rows
                .iter()
                .filter(|r| r.heading.is_none())
                .count(),
        ),
        Tab::Read => {
            let a = app.data.articles().get(app.read.article)?;
            let q = super::data::norm(app.query());
            if q.is_empty() {
                return None;
            }
            let n = a
                .sentences
                .iter()
                .filter(|s| super::data::norm(&s.text).contains(&q))
                .count();
            return Some(format!(
                "{n} sentence{} match",
                if n == 1 { "" } else { "s" }
            ));
        }
    };
    Some(format!("{shown} of {all}"))
}

/// Draw a bordered pane titled `title` (cut with an ellipsis to fit the border) and return
/// its inside. The focused pane has a thick, coloured border.
pub fn frame(
    app: &App,
    area: Rect,
    buf: &mut Buffer,
    title: &str,
    style: Style,
    focused: bool,
) -> Rect {
    let t = &app.theme;
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(if focused { t.border_focused } else { t.border });
    let inner = block.inner(area);
    block.render(area, buf);
    let room = area.width.saturating_sub(2);
    if room > 2 {
        let title = crate::text::truncate(title, room as usize);
        buf.set_stringn(area.x + 1, area.y, title, room as usize, style);
    }
    inner
}

/// Rows `offset..end` of a list of `len` equal-height rows shown `height` at a time, keeping
/// the selection visible. Records the height and the new offset in `scroll`.
pub fn window(scroll: &Scroll, len: usize, height: usize) -> Range<usize> {
    scroll.height.set(height);
    if len == 0 || height == 0 {
        return 0..0;
    }
    let sel = scroll.selected.min(len - 1);
    let mut off = scroll.offset.get().min(len.saturating_sub(1));
    if sel < off {
        off = sel;
    }
    if sel >= off + height {
        off = sel + 1 - height;
    }
    // no empty space below the last row when the list could fill the window
    off = off.min(len.saturating_sub(height));
    scroll.offset.set(off);
    off..(off + height).min(len)
}

/// The same for rows of different heights: returns the visible rows from the offset, as
/// (row, height) pairs that fit in `height` (the last may be cut).
pub fn window_var(
    scroll: &Scroll,
    len: usize,
    height: usize,
    row_height: impl Fn(usize) -> usize,
) -> Vec<(usize, usize)> {
    scroll.height.set(height.max(1) / 3);
    if len == 0 || height == 0 {
        return Vec::new();
    }
    let sel = scroll.selected.min(len - 1);
    let mut off = scroll.offset.get().min(sel);
    let mut used: usize = (off..=sel).map(&row_height).sum();
    while used > height && off < sel {
        used -= row_height(off);
        off += 1;
    }
    scroll.offset.set(off);
    let mut out = Vec::new();
    let mut used = 0;
    for i in off..len {
        if used >= height {
            break;
        }
        let h = row_height(i);
        out.push((i, h));
        used += h;
    }
    out
}

/// The rows of a list, built on first use: drawing a long list builds only the rows it
/// shows (and those between the remembered offset and the selection), never all of them.
pub struct Lazy<T, F: Fn(usize) -> T> {
    make: F,
    built: std::cell::RefCell<std::collections::HashMap<usize, std::rc::Rc<T>>>,
}

impl<T, F: Fn(usize) -> T> Lazy<T, F> {
    pub fn new(make: F) -> Self {
        Lazy {
            make,
            built: Default::default(),
        }
    }

    pub fn get(&self, i: usize) -> std::rc::Rc<T> {
        if let Some(t) = self.built.borrow().get(&i) {
            return std::rc::Rc::clone(t);
        }
        let t = std::rc::Rc::new((self.make)(i));
        self.built.borrow_mut().insert(i, std::rc::Rc::clone(&t));
        t
    }
}

/// Names joined with ", ", stopping once they are wider than `max` columns (the cell that
/// shows them cuts the rest with an ellipsis), so thousands of sources cost nothing.
pub fn join_fit<'a>(names: impl Iterator<Item = &'a str>, max: usize) -> String {
    let mut out = String::new();
    for n in names {
        if !out.is_empty() {
            out.push_str(", ");
        }
        out.push_str(n);
        if width(&out) > max {
            break;
        }
    }
    out
}

/// A centred, muted message in an empty pane.
pub fn empty(app: &App, area: Rect, buf: &mut Buffer, msg: &str) {
    if area.height == 0 {
        return;
    }
    let y = area.y + area.height.saturating_sub(1) / 2;
    let text = crate::text::truncate(msg, area.width as usize);
    let x = area.x + (area.width.saturating_sub(width(&text) as u16)) / 2;
    buf.set_string(x, y, text, app.theme.muted);
}

/// The message for a list that is empty because of a filter or because nothing was found.
pub fn empty_message(app: &App, what: &str) -> String {
    if !app.query().is_empty() {
        format!("no {what} match “{}”", app.query())
    } else if let Some(s) = app.source {
        format!("no {what} from {}", app.data.source_label(s))
    } else {
        format!("no {what} extracted")
    }
}

/// The style of a selected row: patched on when the pane has focus, else underlined bold.
pub fn selection(app: &App, focused: bool) -> Style {
    if focused {
        app.theme.selected
    } else {
        app.theme.title
    }
}

/// "1 quote", "3 quotes": a number with its noun agreeing.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The text of a side for display: `Name (Side)` when known.
pub fn with_side(name: &str, side: Option<&str>) -> String {
    match side {
        Some(s) if !s.is_empty() => format!("{name} ({s})"),
        _ => name.to_owned(),
    }
}

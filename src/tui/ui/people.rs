//! Quoted people: everyone named or quoted (name, role, side, quotes per source) beside the
//! selected person's quotes, each tagged with its source.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Span;

use super::spans::{cell, mark, put, put_lines, restyle, wrap};
use super::{Lazy, empty, empty_message, selection, window, window_var};
use crate::model::QuoteKind;
use crate::tui::app::{App, Focus, Target};
use crate::tui::data::{QuoteRef, quote_text};

/// Per-source columns when there are few sources; a total beyond that.
const MAX_SOURCE_COLUMNS: usize = 3;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    // side by side when there is room for a readable table, else the quotes below it
    let [list, quotes] = if area.width >= 110 {
        Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area)
    } else {
        Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area)
    };
    render_list(app, list, buf);
    render_quotes(app, quotes, buf);
}

fn render_list(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let focused = app.people_focus == Focus::Left;
    let src = match app.source {
        Some(s) => app.data.source_label(s).to_owned(),
        None => "all".to_owned(),
    };
    let title = format!(
        " People · {} of {} · source: {src} ",
        app.people.rows.len(),
        app.data.people.len()
    );
    let inner = super::frame(app, area, buf, &title, app.theme.title, focused);
    if app.people.rows.is_empty() {
        empty(app, inner, buf, &empty_message(app, "people"));
        return;
    }
    let n = app.data.articles().len();
    let per_source = n <= MAX_SOURCE_COLUMNS;
    let w = inner.width as usize;
    // source names as wide as the table allows, so they can be told apart
    let count_w = (w.saturating_sub(44) / n.max(1)).clamp(8, 24);
    let counts_w = if per_source { n * (count_w + 1) - 1 } else { 7 };
    let rest = w.saturating_sub(counts_w + 3);
    let side_w = (rest / 5).clamp(7, 16);
    let role_w = (rest.saturating_sub(side_w)) * 2 / 5;
    let name_w = rest.saturating_sub(side_w + role_w);
    let sep = || Span::styled("│", t.border);
    // two header rows: what the columns hold, then (per source) whose quotes they count;
    // the first has no rules, as its last heading spans the source columns
    let gap = || {
        if per_source {
            Span::styled(" ", t.header)
        } else {
            sep()
        }
    };
    let mut header = cell("Name", name_w, t.header);
    header.push(gap());
    header.extend(cell("Role", role_w, t.header));
    header.push(gap());
    header.extend(cell("Side", side_w, t.header));
    header.push(gap());
    header.extend(cell(
        if per_source { "Quotes in" } else { "Quotes" },
        counts_w,
        t.header,
    ));
    put(buf, inner.x, inner.y, header, inner.width);
    let mut head_rows = 1;
    if per_source {
        let mut second = cell("", name_w, t.header);
        second.push(sep());
        second.extend(cell("", role_w, t.header));
        second.push(sep());
        second.extend(cell("", side_w, t.header));
        for a in 0..n {
            second.push(sep());
            second.extend(cell(&app.data.fit_label(a, count_w), count_w, t.header));
        }
        put(buf, inner.x, inner.y + 1, second, inner.width);
        head_rows = 2;
    }
    let body_h = inner.height.saturating_sub(head_rows) as usize;
    let rows = window(&app.people.scroll, app.people.rows.len(), body_h);
    let q = app.query();
    for (k, i) in rows.enumerate() {
        let p = &app.data.people[app.people.rows[i]];
        let side = t.side(p.side_index);
        let mut spans = mark(cell(&p.name, name_w, side), q, t.matched);
        spans.push(sep());
        spans.extend(mark(
            cell(p.role.as_deref().unwrap_or(""), role_w, t.base),
            q,
            t.matched,
        ));
        spans.push(sep());
        spans.extend(mark(
            cell(p.side.as_deref().unwrap_or("—"), side_w, side),
            q,
            t.matched,
        ));
        if per_source {
            for a in 0..n {
                spans.push(sep());
                let c = p.quotes_per_source[a];
                let style = if c == 0 { t.muted } else { t.base };
                spans.extend(cell(&format!("{c:>4}"), count_w, style));
            }
        } else {
            spans.push(sep());
            spans.extend(cell(&format!("{:>4}", p.total_quotes()), counts_w, t.base));
        }
        if i == app.people.scroll.selected {
            spans = restyle(spans, selection(app, focused));
        }
        let y = inner.y + head_rows + k as u16;
        super::hit(
            app,
            Rect::new(inner.x, y, inner.width, 1),
            Target::Person(i),
        );
        put(buf, inner.x, y, spans, inner.width);
    }
}

/// The lines of one quote item, wrapped to `w`.
fn quote_lines(app: &App, q: QuoteRef, w: usize) -> Vec<Vec<Span<'static>>> {
    let t = &app.theme;
    let a = &app.data.articles()[q.article];
    let quote = &a.quotes[q.index];
    let mut spans = vec![Span::styled(
        format!("[{}] ", app.data.source_label(q.article)),
        t.muted,
    )];
    let style = match quote.kind {
        QuoteKind::Direct => t.quote,
        QuoteKind::Indirect => t.base,
    };
    spans.push(Span::styled(quote_text(quote.kind, &quote.text), style));
    // "— Name, said": a verb alone would dangle
    if let (Some(who), Some(cue)) = (&quote.speaker, &quote.cue) {
        spans.push(Span::styled(format!(" — {who}, {cue}"), t.muted));
    }
    if let Some(v) = app.quote_verdict(q.article, q.index) {
        spans.insert(
            1,
            Span::styled(
                format!("[{} {}] ", v.verdict.sign(), v.verdict.label()),
                t.title,
            ),
        );
    }
    let spans = mark(spans, app.query(), t.matched);
    wrap(&spans, w).into_iter().map(|l| l.spans).collect()
}

fn render_quotes(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let focused = app.people_focus == Focus::Right;
    let person = app.people.current().map(|i| &app.data.people[i]);
    let title = match person {
        Some(p) => format!(" Quotes · {} ", p.name),
        None => " Quotes ".to_owned(),
    };
    let inner = super::frame(app, area, buf, &title, app.theme.title, focused);
    let Some(p) = person else {
        return;
    };
    let mut y = inner.y;
    let w = inner.width.saturating_sub(2) as usize;
    // who this is, then the quotes
    let mut about = vec![Span::styled(
        super::with_side(&p.name, p.side.as_deref()),
        t.side(p.side_index),
    )];
    if let Some(r) = &p.role {
        about.push(Span::raw(format!(", {r}")));
    }
    put(buf, inner.x + 1, y, about, w as u16);
    y += 2;
    let quotes = app.person_quotes();
    let body = Rect::new(
        inner.x,
        y,
        inner.width,
        inner.height.saturating_sub(y - inner.y),
    );
    if quotes.is_empty() {
        let msg = if app.data.people.iter().all(|p| p.quotes.is_empty()) {
            "no quotes extracted"
        } else {
            "no quotes from this person here"
        };
        empty(app, body, buf, msg);
        return;
    }
    let items = Lazy::new(|i: usize| quote_lines(app, quotes[i], w));
    let shown = window_var(&app.quotes, quotes.len(), body.height as usize, |i| {
        items.get(i).len() + 1
    });
    let mut row = body.y;
    for (i, _) in shown {
        let lines = items.get(i);
        let selected = i == app.quotes.selected;
        let room = (body.y + body.height).saturating_sub(row) as usize;
        let mut ls = (*lines).clone();
        if selected && focused {
            ls = ls.into_iter().map(|l| restyle(l, t.selected)).collect();
        }
        if selected {
            buf.set_string(inner.x, row, "▌", selection(app, focused));
        }
        let h = (lines.len() as u16).min((room as u16).max(1));
        super::hit(
            app,
            Rect::new(inner.x, row, inner.width, h),
            Target::Quote(i),
        );
        put_lines(buf, inner.x + 1, row, w as u16, room, ls);
        row += lines.len() as u16 + 1;
    }
}

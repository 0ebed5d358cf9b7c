//! Overview: one card per source, the agreement of the selected pair, and who is quoted how
//! much in each source.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Span;

use super::spans::{cell, mark, put, wrap};
use super::{empty, selection, window};
use crate::model::Article;
use crate::tui::app::{App, Focus};

const CARD_HEIGHT: u16 = 10;
const CARD_MIN_WIDTH: u16 = 36;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let n = app.cards.rows.len();
    let cols = (area.width / CARD_MIN_WIDTH).clamp(1, n.max(1) as u16);
    let card_rows = (n as u16).div_ceil(cols).max(1);
    // leave room for the agreement (4) and at least 6 rows of chart
    let fit = (area.height.saturating_sub(10) / CARD_HEIGHT).max(1);
    let shown_rows = card_rows.min(fit);
    let [cards, agreement, chart] = Layout::vertical([
        Constraint::Length(shown_rows * CARD_HEIGHT),
        Constraint::Length(4),
        Constraint::Fill(1),
    ])
    .areas(area);
    render_cards(app, cards, cols, buf);
    render_agreement(app, agreement, buf);
    render_chart(app, chart, buf);
}

fn render_cards(app: &App, area: Rect, cols: u16, buf: &mut Buffer) {
    let n = app.cards.rows.len();
    if n == 0 {
        let inner = super::frame(app, area, buf, " Sources ", app.theme.title, false);
        empty(app, inner, buf, &super::empty_message(app, "sources"));
        return;
    }
    let cols = cols as usize;
    let rows_visible = (area.height / CARD_HEIGHT) as usize;
    // scroll by rows of cards
    let sel_row = app.cards.scroll.selected.min(n - 1) / cols;
    let total_rows = n.div_ceil(cols);
    let row_scroll = crate::tui::app::Scroll {
        selected: sel_row,
        ..app.cards.scroll.clone()
    };
    let rows = window(&row_scroll, total_rows, rows_visible);
    app.cards.scroll.offset.set(row_scroll.offset.get());
    app.cards.scroll.height.set(rows_visible * cols);
    let card_w = area.width / cols as u16;
    for (ri, row) in rows.enumerate() {
        for c in 0..cols {
            let i = row * cols + c;
            let Some(&article) = app.cards.rows.get(i) else {
                break;
            };
            let w = if c + 1 == cols {
                area.width - card_w * c as u16
            } else {
                card_w
            };
            let r = Rect::new(
                area.x + card_w * c as u16,
                area.y + ri as u16 * CARD_HEIGHT,
                w,
                CARD_HEIGHT,
            );
            let selected = i == app.cards.scroll.selected;
            render_card(app, article, r, selected, buf);
        }
    }
}

fn render_card(app: &App, article: usize, area: Rect, selected: bool, buf: &mut Buffer) {
    let t = &app.theme;
    let a: &Article = &app.data.articles()[article];
    let focused = selected && app.overview_focus == Focus::Left;
    let title_style = if selected {
        selection(app, focused)
    } else {
        t.title
    };
    let label = crate::text::truncate(a.source_label(), area.width.saturating_sub(4) as usize);
    let inner = super::frame(app, area, buf, &format!(" {label} "), title_style, focused);
    let w = inner.width as usize;
    let q = app.query();
    let mut lines: Vec<Vec<Span<'static>>> = Vec::new();
    let title = a.title.as_deref().unwrap_or("(untitled)");
    let mut wrapped = wrap(&[Span::styled(title.to_owned(), t.title)], w);
    if wrapped.len() > 2 {
        // the second line ends in an ellipsis: the rest of the title is cut
        let rest: Vec<Span<'static>> = wrapped[1..]
            .iter()
            .flat_map(|l| {
                let mut v = l.spans.clone();
                v.push(Span::styled(" ", t.title));
                v
            })
            .collect();
        wrapped.truncate(1);
        lines.push(wrapped[0].spans.clone());
        lines.push(super::spans::fit(rest, w, false));
    } else {
        lines.extend(wrapped.into_iter().map(|l| l.spans));
        if lines.len() < 2 {
            lines.push(Vec::new());
        }
    }
    let date = a
        .published
        .as_deref()
        .map(|d| d.replacen('T', " ", 1).trim_end_matches('Z').to_owned())
        .unwrap_or_else(|| "date unknown".to_owned());
    let authors = if a.authors.is_empty() {
        "no byline".to_owned()
    } else {
        a.authors.join(", ")
    };
    lines.push(vec![Span::raw(date)]);
    lines.push(vec![Span::raw(authors)]);
    lines.push(vec![Span::raw(format!(
        "{} words · {} sentences",
        a.word_count(),
        a.sentences.len()
    ))]);
    lines.push(vec![Span::raw(format!(
        "{} facts · {} people",
        a.facts.len(),
        a.people.len()
    ))]);
    lines.push(vec![Span::raw(format!(
        "{} quotes · {} claims",
        a.quotes.len(),
        a.claims.len()
    ))]);
    let bp_words: usize = a
        .boilerplate
        .iter()
        .map(|b| b.split_whitespace().count())
        .sum();
    lines.push(vec![Span::styled(
        format!(
            "removed: {} passages, {} words",
            a.boilerplate.len(),
            bp_words
        ),
        t.muted,
    )]);
    for (i, l) in lines.into_iter().take(inner.height as usize).enumerate() {
        put(
            buf,
            inner.x,
            inner.y + i as u16,
            mark(l, q, t.matched),
            inner.width,
        );
    }
}

fn pct(x: f32) -> String {
    format!("{:.0}%", (x * 100.0).clamp(0.0, 100.0))
}

fn render_agreement(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let Some(p) = app.pair() else {
        let inner = super::frame(app, area, buf, " Agreement ", app.theme.title, false);
        empty(app, inner, buf, "one source loaded: nothing to compare");
        return;
    };
    let c = &app.data.store.comparisons[p.comparison];
    let title = format!(
        " Agreement · {} ↔ {} · pair {}/{} ",
        app.data.source_label(p.left),
        app.data.source_label(p.right),
        app.pair + 1,
        app.data.pairs.len()
    );
    let inner = super::frame(app, area, buf, &title, app.theme.title, false);
    let s = &c.summary;
    let count = |rows: &[crate::model::Row], st: crate::model::Status| {
        rows.iter().filter(|r| r.status == st).count()
    };
    use crate::model::Status;
    let (lo, ro) = if app.swapped {
        (Status::RightOnly, Status::LeftOnly)
    } else {
        (Status::LeftOnly, Status::RightOnly)
    };
    let line1 = vec![
        Span::styled("shared ", t.muted),
        Span::raw(format!(
            "facts {} · people {} · sentences {}",
            pct(s.facts_shared),
            pct(s.people_shared),
            pct(s.sentences_shared)
        )),
    ];
    let differs = Span::styled(
        format!("{} differ", s.differs),
        if s.differs > 0 { t.differs } else { t.base },
    );
    let line2 = vec![
        differs,
        Span::raw(format!(
            " · {} reworded · {} disputes · facts only left {} · only right {}",
            s.reworded,
            s.disputes,
            count(&c.facts, lo),
            count(&c.facts, ro)
        )),
    ];
    put(
        buf,
        inner.x + 1,
        inner.y,
        line1,
        inner.width.saturating_sub(1),
    );
    if inner.height > 1 {
        put(
            buf,
            inner.x + 1,
            inner.y + 1,
            line2,
            inner.width.saturating_sub(1),
        );
    }
}

fn render_chart(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let focused = app.overview_focus == Focus::Right;
    let inner = super::frame(
        app,
        area,
        buf,
        " Quoted words per person and source ",
        app.theme.title,
        focused,
    );
    let bars = &app.data.bars;
    if bars.is_empty() {
        empty(app, inner, buf, "no quotes extracted");
        return;
    }
    let w = inner.width as usize;
    let name_w = (w / 4).clamp(10, 30);
    let src_w = (w / 6).clamp(8, 20);
    let num_w = 6;
    let bar_w = w.saturating_sub(name_w + src_w + num_w + 3).max(1);
    let max = bars.iter().map(|b| b.words).max().unwrap_or(1).max(1);
    let rows = window(&app.chart, bars.len(), inner.height as usize);
    for (k, i) in rows.enumerate() {
        let bar = bars[i];
        let p = &app.data.people[bar.person];
        let first = i == 0 || bars[i - 1].person != bar.person || k == 0;
        let name = if first {
            super::with_side(&p.name, p.side.as_deref())
        } else {
            String::new()
        };
        let side = t.side(p.side_index);
        let selected = i == app.chart.selected;
        let mut spans = cell(&name, name_w, side);
        if selected {
            spans = super::spans::restyle(spans, selection(app, focused));
        }
        spans.push(Span::raw(" "));
        spans.extend(cell(app.data.source_label(bar.article), src_w, t.muted));
        spans.push(Span::raw(" "));
        let len = (bar.words * bar_w).div_ceil(max).clamp(1, bar_w);
        spans.push(Span::styled("█".repeat(len), side));
        spans.push(Span::raw(format!(" {}", bar.words)));
        put(buf, inner.x, inner.y + k as u16, spans, inner.width);
    }
}

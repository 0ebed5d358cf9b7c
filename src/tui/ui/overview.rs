//! Overview: one card per source, the agreement of the selected pair, and who is quoted how
//! much in each source.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Span;

use super::spans::{cell, mark, put, wrap};
use super::{count, empty, selection, window};
use crate::model::Article;
use crate::tui::app::{App, Focus, Target};

/// Card heights from the full card down to the smallest that still names the source.
const CARD_HEIGHTS: [u16; 4] = [10, 7, 5, 4];
const CARD_MIN_WIDTH: u16 = 30;
/// The agreement pane: a border and two lines.
const AGREEMENT_HEIGHT: u16 = 4;
/// The chart keeps a border and three bars.
const CHART_MIN_HEIGHT: u16 = 5;

/// How the body is shared: card columns, card height, rows of cards shown, and whether a
/// line says how many cards are out of view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Plan {
    cols: u16,
    card_h: u16,
    rows: u16,
    more_line: bool,
}

fn plan(n: usize, width: u16, height: u16, chart_min: u16) -> Plan {
    let cols = (width / CARD_MIN_WIDTH).clamp(1, n.max(1) as u16);
    let card_rows = (n as u16).div_ceil(cols).max(1);
    let room = height.saturating_sub(AGREEMENT_HEIGHT + chart_min);
    // every card at the tallest height that fits them all …
    if let Some(&h) = CARD_HEIGHTS.iter().find(|&&h| h * card_rows <= room) {
        return Plan {
            cols,
            card_h: h,
            rows: card_rows,
            more_line: false,
        };
    }
    // … else as many rows of full-height cards as fit, and a line counting the rest
    let room = room.saturating_sub(1);
    let card_h = CARD_HEIGHTS
        .iter()
        .copied()
        .find(|&h| h <= room)
        .unwrap_or(CARD_HEIGHTS[CARD_HEIGHTS.len() - 1]);
    Plan {
        cols,
        card_h,
        rows: (room / card_h).clamp(1, card_rows),
        more_line: true,
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let n = app.cards.rows.len();
    let chart_min = if app.data.bars.is_empty() {
        3
    } else {
        CHART_MIN_HEIGHT
    };
    let p = plan(n, area.width, area.height, chart_min);
    app.card_cols.set(p.cols as usize);
    let [cards, more, agreement, chart] = Layout::vertical([
        Constraint::Length(p.rows * p.card_h),
        Constraint::Length(u16::from(p.more_line)),
        Constraint::Length(AGREEMENT_HEIGHT),
        Constraint::Fill(1),
    ])
    .areas(area);
    let shown = render_cards(app, cards, p, buf);
    if p.more_line {
        render_more(app, more, shown, buf);
    }
    render_agreement(app, agreement, buf);
    render_chart(app, chart, buf);
}

/// "cards 1–2 of 16 · ↓ 14 more": where the visible cards sit among all of them.
fn render_more(app: &App, area: Rect, shown: std::ops::Range<usize>, buf: &mut Buffer) {
    let n = app.cards.rows.len();
    if n == 0 || area.height == 0 {
        return;
    }
    let t = &app.theme;
    let above = shown.start;
    let below = n.saturating_sub(shown.end);
    let mut spans = vec![Span::styled(
        format!(" sources {}–{} of {n}", shown.start + 1, shown.end),
        t.muted,
    )];
    if above > 0 {
        spans.push(Span::styled(format!(" · ↑ {above} above"), t.muted));
    }
    if below > 0 {
        spans.push(Span::styled(format!(" · ↓ {below} more"), t.muted));
    }
    spans.push(Span::styled(" · j/k moves", t.muted));
    put(buf, area.x, area.y, spans, area.width);
}

/// Draw the visible cards; returns the range of card positions shown.
fn render_cards(app: &App, area: Rect, p: Plan, buf: &mut Buffer) -> std::ops::Range<usize> {
    let n = app.cards.rows.len();
    if n == 0 {
        let inner = super::frame(app, area, buf, " Sources ", app.theme.title, false);
        empty(app, inner, buf, &super::empty_message(app, "sources"));
        return 0..0;
    }
    let cols = p.cols as usize;
    let rows_visible = p.rows as usize;
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
    let shown = rows.start * cols..(rows.end * cols).min(n);
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
                area.y + ri as u16 * p.card_h,
                w,
                p.card_h,
            );
            let selected = i == app.cards.scroll.selected;
            super::hit(app, r, Target::Card(i));
            render_card(app, article, r, selected, buf);
        }
    }
    shown
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
    let label = crate::text::truncate(
        app.data.source_label(article),
        area.width.saturating_sub(4) as usize,
    );
    let inner = super::frame(app, area, buf, &format!(" {label} "), title_style, focused);
    let w = inner.width as usize;
    let q = app.query();
    let rows = inner.height as usize;
    let mut lines: Vec<Vec<Span<'static>>> = Vec::new();
    let title = crate::labels::title(a);
    let title_style = if title.derived { t.muted } else { t.title };
    let title_text = if title.derived {
        format!("{} (from the lead)", title.text)
    } else {
        title.text
    };
    // two lines of title on a full card, one on a smaller one
    let title_lines = if rows >= 8 { 2 } else { 1 };
    let mut wrapped = wrap(&[Span::styled(title_text, title_style)], w);
    if wrapped.len() > title_lines {
        // the last title line ends in an ellipsis: the rest of the title is cut
        let rest: Vec<Span<'static>> = wrapped[title_lines - 1..]
            .iter()
            .flat_map(|l| {
                let mut v = l.spans.clone();
                v.push(Span::styled(" ", title_style));
                v
            })
            .collect();
        wrapped.truncate(title_lines - 1);
        lines.extend(wrapped.into_iter().map(|l| l.spans));
        lines.push(super::spans::fit(rest, w, false));
    } else {
        let got = wrapped.len();
        lines.extend(wrapped.into_iter().map(|l| l.spans));
        for _ in got..title_lines {
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
    let words = count(a.word_count(), "word", "words");
    let sentences = count(a.sentences.len(), "sentence", "sentences");
    let facts = count(a.facts.len(), "fact", "facts");
    let people = count(a.people.len(), "person", "people");
    let quotes = count(a.quotes.len(), "quote", "quotes");
    let claims = count(a.claims.len(), "claim", "claims");
    let bp_words: usize = a
        .boilerplate
        .iter()
        .map(|b| b.split_whitespace().count())
        .sum();
    let removed = Span::styled(
        format!(
            "removed: {}, {}",
            count(a.boilerplate.len(), "passage", "passages"),
            count(bp_words, "word", "words")
        ),
        t.muted,
    );
    match rows {
        r if r >= 8 => {
            lines.push(vec![Span::raw(date)]);
            lines.push(vec![Span::raw(authors)]);
            lines.push(vec![Span::raw(format!("{words} · {sentences}"))]);
            lines.push(vec![Span::raw(format!("{facts} · {people}"))]);
            lines.push(vec![Span::raw(format!("{quotes} · {claims}"))]);
            lines.push(vec![removed]);
        }
        r if r >= 5 => {
            lines.push(vec![Span::raw(format!("{date} · {authors}"))]);
            lines.push(vec![Span::raw(format!("{words} · {facts} · {people}"))]);
            lines.push(vec![Span::raw(format!("{quotes} · {claims}"))]);
            lines.push(vec![removed]);
        }
        r if r >= 3 => {
            lines.push(vec![Span::raw(format!("{date} · {authors}"))]);
            lines.push(vec![Span::raw(format!("{facts} · {quotes} · {claims}"))]);
        }
        _ => {
            lines.push(vec![Span::raw(format!("{facts} · {quotes} · {claims}"))]);
        }
    }
    for (i, l) in lines.into_iter().take(rows).enumerate() {
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
        app.data.fit_label(p.left, 30),
        app.data.fit_label(p.right, 30),
        app.pair + 1,
        app.data.pairs.len()
    );
    let inner = super::frame(app, area, buf, &title, app.theme.title, false);
    let s = &c.summary;
    let status_count = |rows: &[crate::model::Row], st: crate::model::Status| {
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
        format!(
            "{} {}",
            s.differs,
            if s.differs == 1 { "differs" } else { "differ" }
        ),
        if s.differs > 0 { t.differs } else { t.base },
    );
    let line2 = vec![
        differs,
        Span::raw(format!(
            " · {} reworded · {} · facts only left {} · only right {}",
            s.reworded,
            count(s.disputes, "dispute", "disputes"),
            status_count(&c.facts, lo),
            status_count(&c.facts, ro)
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
        spans.extend(cell(
            &app.data.fit_label(bar.article, src_w),
            src_w,
            t.muted,
        ));
        spans.push(Span::raw(" "));
        let len = (bar.words * bar_w).div_ceil(max).clamp(1, bar_w);
        spans.push(Span::styled("█".repeat(len), side));
        spans.push(Span::raw(format!(" {}", bar.words)));
        let y = inner.y + k as u16;
        super::hit(app, Rect::new(inner.x, y, inner.width, 1), Target::Chart(i));
        put(buf, inner.x, y, spans, inner.width);
    }
}

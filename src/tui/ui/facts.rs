//! Key facts: one row per fact (merged across sources), what it counts, its qualifier and who
//! states it; facts the sources disagree on stand out. Details of the selection below.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Span;

use super::spans::{cell, mark, put, put_lines, restyle, wrap};
use super::{empty, empty_message, selection, window};
use crate::tui::app::App;
use crate::tui::data::FactRow;

struct Columns {
    fact: usize,
    counts: usize,
    qualifier: usize,
    kind: usize,
    sources: usize,
}

fn columns(w: usize, sources_need: usize) -> Columns {
    // mark (2) + four separators
    let rest = w.saturating_sub(2 + 4);
    let kind = 8.min(rest / 8);
    let qualifier = 11.min(rest / 8);
    // the sources as wide as their names need, up to a third of the row
    let sources = sources_need.clamp(9, (rest / 3).max(9));
    let flex = rest.saturating_sub(kind + qualifier + sources);
    let fact = flex * 3 / 5;
    Columns {
        fact,
        counts: flex - fact,
        qualifier,
        kind,
        sources,
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let detail_h = if area.height >= 30 { 8 } else { 6 };
    let [list, detail] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(detail_h)]).areas(area);
    let t = &app.theme;
    let src = match app.source {
        Some(s) => app.data.source_label(s).to_owned(),
        None => "all".to_owned(),
    };
    let title = format!(
        " Key facts · {} of {} · source: {src} ",
        app.facts.rows.len(),
        app.data.facts.len()
    );
    let inner = super::frame(app, list, buf, &title, app.theme.title, true);
    if app.facts.rows.is_empty() {
        empty(app, inner, buf, &empty_message(app, "facts"));
        render_detail(app, None, detail, buf);
        return;
    }
    let c = columns(inner.width as usize, app.data.fact_sources_width);
    let sep = || Span::styled("│", t.border);
    let mut header = cell("", 2, t.header);
    for (name, w) in [
        ("Fact", c.fact),
        ("What it counts", c.counts),
        ("Qualifier", c.qualifier),
        ("Kind", c.kind),
        ("Source(s)", c.sources),
    ] {
        header.extend(cell(name, w, t.header));
        header.push(sep());
    }
    header.pop();
    put(buf, inner.x, inner.y, header, inner.width);
    let body = Rect {
        y: inner.y + 1,
        height: inner.height.saturating_sub(1),
        ..inner
    };
    let rows = window(
        &app.facts.scroll,
        app.facts.rows.len(),
        body.height as usize,
    );
    let q = app.query();
    for (k, i) in rows.enumerate() {
        let f = &app.data.facts[app.facts.rows[i]];
        let differs = !f.differs.is_empty();
        let base = if differs { t.differs } else { t.base };
        // the mark column: a verdict's sign, else ≠ where the sources disagree
        let verdict = app.fact_verdict(app.facts.rows[i]);
        let mut spans = match verdict {
            Some(v) => cell(v.verdict.sign(), 2, t.title),
            None if differs => cell("≠", 2, t.differs),
            None => cell("", 2, t.base),
        };
        let sources = super::join_fit(
            f.sources.iter().map(|l| app.data.source_label(l.article)),
            c.sources,
        );
        for (text, w, style) in [
            (f.text.as_str(), c.fact, base),
            (f.subject.as_deref().unwrap_or("—"), c.counts, t.base),
            (f.qualifier.as_deref().unwrap_or(""), c.qualifier, t.base),
            (f.kind.label(), c.kind, t.muted),
        ] {
            spans.extend(mark(cell(text, w, style), q, t.matched));
            spans.push(sep());
        }
        spans.extend(mark(cell(&sources, c.sources, t.base), q, t.matched));
        if i == app.facts.scroll.selected {
            spans = restyle(spans, selection(app, true));
        }
        let y = body.y + k as u16;
        super::hit(
            app,
            Rect::new(body.x, y, body.width, 1),
            crate::tui::app::Target::Fact(i),
        );
        put(buf, body.x, y, spans, body.width);
    }
    let current = app.facts.current().map(|i| &app.data.facts[i]);
    render_detail(app, current, detail, buf);
}

fn render_detail(app: &App, fact: Option<&FactRow>, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let inner = super::frame(
        app,
        area,
        buf,
        " Where it is stated · Enter shows it in the text ",
        app.theme.title,
        false,
    );
    let Some(f) = fact else {
        return;
    };
    let w = inner.width.saturating_sub(1) as usize;
    let mut lines = Vec::new();
    for d in f.differs.iter().take(inner.height as usize) {
        lines.push(vec![
            Span::styled("≠ differs: ", t.differs),
            Span::raw(format!("{} says “{}”", app.data.source_label(d.0), d.1)),
        ]);
    }
    for l in &f.sources {
        let a = &app.data.articles()[l.article];
        let sentence = a.sentences.get(l.sentence).map_or("", |s| s.text.as_str());
        let spans = vec![
            Span::styled(format!("{}: ", app.data.source_label(l.article)), t.title),
            Span::raw(sentence.to_owned()),
        ];
        lines.extend(wrap(&spans, w).into_iter().map(|l| l.spans));
        if lines.len() > inner.height as usize {
            break;
        }
    }
    put_lines(
        buf,
        inner.x + 1,
        inner.y,
        w as u16,
        inner.height as usize,
        lines,
    );
}

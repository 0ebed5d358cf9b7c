//! Compare: the selected pair of sources in two columns that scroll together. The
//! differences come first (disagreements, spelling variants, reworded quotes, what only one
//! source reports), then the shared material; the differing words are marked, the heading
//! of the section in view stays above the rows, and `d` hides the shared material.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;

use super::spans::{Lines, cell, mark, put, put_lines, restyle, wrap};
use super::{Lazy, empty, selection, window_var};
use crate::model::Status;
use crate::tui::app::{App, Focus};
use crate::tui::data::{CompareRow, Run};

const LABEL_W: usize = 11;

fn runs(app: &App, runs: &[Run], left: bool, w: usize) -> Vec<Vec<Span<'static>>> {
    let t = &app.theme;
    if runs.is_empty() {
        return vec![vec![Span::styled("—", t.muted)]];
    }
    let changed = if left { t.removed } else { t.added };
    let spans: Vec<Span<'static>> = runs
        .iter()
        .map(|r| Span::styled(r.text.clone(), if r.changed { changed } else { t.base }))
        .collect();
    let spans = mark(spans, app.query(), t.matched);
    wrap(&spans, w).into_iter().map(|l| l.spans).collect()
}

fn status_style(app: &App, s: Option<Status>) -> ratatui::style::Style {
    let t = &app.theme;
    match s {
        Some(Status::Differs) => t.differs,
        Some(Status::LeftOnly | Status::RightOnly) => t.only_one,
        Some(Status::Reworded) => t.key,
        _ => t.muted,
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let Some(p) = app.pair() else {
        let inner = super::frame(app, area, buf, " Compare ", app.theme.title, true);
        empty(app, inner, buf, "comparing needs at least two sources");
        return;
    };
    // how much the pair has in common: the mean of its shared sentences, facts and people
    let common = app
        .data
        .store
        .comparisons
        .get(p.comparison)
        .map_or(0.0, |c| crate::compare::closeness(c) / 3.0);
    let title = format!(
        " Compare · pair {}/{} ({:.0}% in common) · s swaps · [ ] other pair{} ",
        app.pair + 1,
        app.data.pairs.len(),
        (common * 100.0).min(100.0),
        if app.differences_only {
            " · differences only (d)"
        } else {
            ""
        }
    );
    let inner = super::frame(app, area, buf, &title, app.theme.title, true);
    let w = inner.width as usize;
    let col = w.saturating_sub(1 + LABEL_W + 2) / 2;
    let right_w = w.saturating_sub(1 + LABEL_W + 2 + col);
    let lx = inner.x + 1;
    let mx = lx + col as u16 + 1;
    let rx = mx + LABEL_W as u16 + 1;
    // column heads: the source names, the focused one marked
    let head = |article: usize, focus: bool, side: &str| {
        let label = format!("{side}: {}", app.data.source_label(article));
        let style = if focus { t.selected } else { t.header };
        vec![Span::styled(label, style)]
    };
    put(
        buf,
        lx,
        inner.y,
        head(p.left, app.compare_focus == Focus::Left, "left"),
        col as u16,
    );
    put(
        buf,
        rx,
        inner.y,
        head(p.right, app.compare_focus == Focus::Right, "right"),
        right_w as u16,
    );
    let body = Rect {
        y: inner.y + 2,
        height: inner.height.saturating_sub(2),
        ..inner
    };
    if app.compare.rows.is_empty() {
        empty(app, body, buf, &format!("no rows match “{}”", app.query()));
        return;
    }
    let all_empty = app.compare_rows.iter().all(|r| r.heading.is_some());
    let items = Lazy::new(|k: usize| -> (Lines, Lines) {
        let r: &CompareRow = &app.compare_rows[app.compare.rows[k]];
        match &r.heading {
            Some(_) => (Vec::new(), Vec::new()),
            None => (
                runs(app, &r.left, true, col),
                runs(app, &r.right, false, right_w),
            ),
        }
    });
    let height = |i: usize| match &app.compare_rows[app.compare.rows[i]].heading {
        Some(_) => 1,
        // a blank line after each pair of items
        None => {
            let it = items.get(i);
            it.0.len().max(it.1.len()) + 1
        }
    };
    let shown = window_var(
        &app.compare.scroll,
        app.compare.rows.len(),
        body.height as usize,
        height,
    );
    // the section of the first row shown stays in view on the line above the rows
    if let Some(&(first, _)) = shown.first()
        && app.compare_rows[app.compare.rows[first]].heading.is_none()
        && let Some(hd) = (0..first)
            .rev()
            .find_map(|k| app.compare_rows[app.compare.rows[k]].heading.as_ref())
    {
        put(
            buf,
            lx,
            inner.y + 1,
            vec![Span::styled(format!("── {hd} ──"), t.header)],
            w.saturating_sub(1) as u16,
        );
    }
    let mut y = body.y;
    for (i, h) in shown {
        let r = &app.compare_rows[app.compare.rows[i]];
        let room = (body.y + body.height).saturating_sub(y) as usize;
        let selected = i == app.compare.scroll.selected;
        if let Some(hd) = &r.heading {
            let mut s = vec![Span::styled(format!("── {hd} "), t.header)];
            let empty_section = app
                .compare
                .rows
                .get(i + 1)
                .is_none_or(|&n| app.compare_rows[n].heading.is_some());
            if empty_section {
                s.push(Span::styled(
                    if all_empty {
                        "· not compared yet"
                    } else {
                        "· none"
                    },
                    t.muted,
                ));
            }
            if selected {
                s = restyle(s, selection(app, true));
            }
            put(buf, lx, y, s, w.saturating_sub(1) as u16);
            y += 1;
            continue;
        }
        let (mut l, mut rr) = (*items.get(i)).clone();
        if selected {
            buf.set_string(inner.x, y, "▌", t.selected);
            match app.compare_focus {
                Focus::Left => l = l.into_iter().map(|x| restyle(x, t.selected)).collect(),
                Focus::Right => rr = rr.into_iter().map(|x| restyle(x, t.selected)).collect(),
            }
        }
        put_lines(buf, lx, y, col as u16, room, l);
        put(
            buf,
            mx,
            y,
            cell(&r.label, LABEL_W, status_style(app, r.status)),
            LABEL_W as u16,
        );
        put_lines(buf, rx, y, right_w as u16, room, rr);
        y += h as u16;
    }
}

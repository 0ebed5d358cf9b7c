//! Competing claims: disputes first, each as claim ↔ answer (claimant and side, what they
//! say, the sources), coloured by side; every further party answering the same claim is
//! named under the answer. Uncontested statements follow, folded to one line each under
//! their own heading: they belong to the people pane.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;

use super::spans::{Lines, fit, mark, put_lines, restyle, wrap};
use super::{Lazy, empty, empty_message, join_fit, selection, window_var};
use crate::model::{Claim, Stance};
use crate::tui::app::{App, Focus};
use crate::tui::data::ClaimRow;

/// The lines of one side of a dispute.
fn side_lines(
    app: &App,
    row: &ClaimRow,
    claim: Option<&Claim>,
    is_denial: bool,
    w: usize,
) -> Vec<Vec<Span<'static>>> {
    let t = &app.theme;
    let Some(c) = claim else {
        let msg = if is_denial {
            "no denial reported"
        } else {
            "(the disputed claim is not in the text)"
        };
        return vec![vec![Span::styled(msg, t.muted)]];
    };
    let who = super::with_side(
        c.claimant.as_deref().unwrap_or("(unattributed)"),
        c.side.as_deref(),
    );
    let plural = c.claimant.as_deref().is_some_and(crate::labels::is_plural);
    let verb = match (c.stance, c.unverified, plural) {
        (_, true, _) => "could not verify",
        (Stance::Deny, _, false) => "denies",
        (Stance::Deny, _, true) => "deny",
        (Stance::Assert, _, false) => "claims",
        (Stance::Assert, _, true) => "claim",
    };
    let q = app.query();
    let mut head = vec![
        Span::styled(who, t.side(app.data.side_of(c.side.as_deref()))),
        Span::styled(format!(" {verb}"), t.muted),
    ];
    if let Some(v) = app.claim_verdict(row.article, c) {
        head.push(Span::styled(
            format!(" [{} {}]", v.verdict.sign(), v.verdict.label()),
            t.title,
        ));
    }
    let mut out: Vec<Vec<Span<'static>>> = wrap(&mark(head, q, t.matched), w)
        .into_iter()
        .map(|l| l.spans)
        .collect();
    out.extend(
        wrap(&mark(vec![Span::raw(c.text.clone())], q, t.matched), w)
            .into_iter()
            .map(|l| l.spans),
    );
    if is_denial && !row.also_denied_by.is_empty() {
        let a = &app.data.articles()[row.article];
        let who: Vec<String> = row
            .also_denied_by
            .iter()
            .filter_map(|&i| a.claims.get(i))
            .map(|c| {
                c.claimant
                    .clone()
                    .unwrap_or_else(|| "(unattributed)".into())
            })
            .collect();
        let line = Span::styled(format!("also answered by {}", who.join(", ")), t.muted);
        out.extend(wrap(&[line], w).into_iter().map(|l| l.spans));
    }
    if !is_denial {
        let n = app.data.articles().len();
        let names = join_fit(row.sources.iter().map(|&s| app.data.source_label(s)), w * 2);
        let line = if n > 1 && row.sources.len() == 1 {
            Span::styled(format!("only in {names}"), t.only_one)
        } else {
            Span::styled(format!("in {names}"), t.muted)
        };
        out.extend(wrap(&[line], w).into_iter().map(|l| l.spans));
    }
    out
}

/// A row no one answers: an uncontested statement.
fn is_lone(row: &ClaimRow) -> bool {
    row.denial.is_none() && row.also_denied_by.is_empty()
}

/// An uncontested statement on one line: who, then the words, cut to the width.
fn lone_line(app: &App, row: &ClaimRow, w: usize) -> Vec<Span<'static>> {
    let t = &app.theme;
    let a = &app.data.articles()[row.article];
    let Some(c) = row.claim.and_then(|c| a.claims.get(c)) else {
        return Vec::new();
    };
    let who = super::with_side(
        c.claimant.as_deref().unwrap_or("(unattributed)"),
        c.side.as_deref(),
    );
    let mut spans = vec![
        Span::styled(who, t.side(app.data.side_of(c.side.as_deref()))),
        Span::styled(": ", t.muted),
        Span::styled(c.text.clone(), t.muted),
    ];
    // with several sources, a statement only one of them reports says so first (the line
    // is cut at the width, so the marker must not come last)
    if app.data.articles().len() > 1
        && let [only] = row.sources.as_slice()
    {
        let label = app.data.source_label(*only);
        spans.insert(0, Span::styled(format!("only in {label} · "), t.only_one));
    }
    fit(mark(spans, app.query(), t.matched), w, false)
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    // the counts follow the filter: what is shown is what is counted
    let shown = || app.claims.rows.iter().map(|&i| &app.data.claims[i]);
    let disputes = shown().filter(|c| !is_lone(c)).count();
    let lone = shown().count() - disputes;
    let title = format!(
        " Competing claims · {} · {} uncontested below · ←/→ picks the side Enter opens ",
        super::count(disputes, "dispute", "disputes"),
        lone
    );
    let inner = super::frame(app, area, buf, &title, app.theme.title, true);
    if app.claims.rows.is_empty() {
        empty(app, inner, buf, &empty_message(app, "claims"));
        return;
    }
    let w = inner.width as usize;
    let col = w.saturating_sub(1 + 3) / 2;
    let right_w = w.saturating_sub(1 + 3 + col);
    // the first uncontested row carries the heading of the folded list
    let first_lone =
        (0..app.claims.rows.len()).find(|&k| is_lone(&app.data.claims[app.claims.rows[k]]));
    let items = Lazy::new(|k: usize| -> (Lines, Lines) {
        let row = &app.data.claims[app.claims.rows[k]];
        if is_lone(row) {
            let mut l: Lines = Vec::new();
            if Some(k) == first_lone {
                let n = app.claims.rows.len() - k;
                l.push(vec![Span::styled(
                    format!("── uncontested statements ({n}), one line each ──"),
                    t.muted,
                )]);
            }
            l.push(lone_line(app, row, w.saturating_sub(1)));
            return (l, Vec::new());
        }
        let a = &app.data.articles()[row.article];
        let claim = row.claim.and_then(|c| a.claims.get(c));
        let denial = row.denial.and_then(|c| a.claims.get(c));
        (
            side_lines(app, row, claim, false, col),
            side_lines(app, row, denial, true, right_w),
        )
    });
    let height = |i: usize| {
        let it = items.get(i);
        let gap = usize::from(!is_lone(&app.data.claims[app.claims.rows[i]]));
        it.0.len().max(it.1.len()) + gap
    };
    let shown = window_var(
        &app.claims.scroll,
        app.claims.rows.len(),
        inner.height as usize,
        height,
    );
    let mut y = inner.y;
    for (i, h) in shown {
        let room = (inner.y + inner.height).saturating_sub(y) as usize;
        super::hit(
            app,
            Rect::new(inner.x, y, inner.width, (h.min(room) as u16).max(1)),
            crate::tui::app::Target::Claim(i),
        );
        let selected = i == app.claims.scroll.selected;
        let (mut l, mut r) = (*items.get(i)).clone();
        if selected {
            let s = selection(app, true);
            match app.claims_focus {
                Focus::Left => l = l.into_iter().map(|x| restyle(x, s)).collect(),
                Focus::Right => r = r.into_iter().map(|x| restyle(x, s)).collect(),
            }
            buf.set_string(inner.x, y, "▌", t.selected);
        }
        let row = &app.data.claims[app.claims.rows[i]];
        if is_lone(row) {
            put_lines(buf, inner.x + 1, y, w.saturating_sub(1) as u16, room, l);
            y += h as u16;
            continue;
        }
        put_lines(buf, inner.x + 1, y, col as u16, room, l);
        if row.denial.is_some() && row.claim.is_some() {
            buf.set_string(inner.x + 1 + col as u16, y, " ↔ ", t.differs);
        }
        put_lines(
            buf,
            inner.x + 1 + col as u16 + 3,
            y,
            right_w as u16,
            room,
            r,
        );
        y += h as u16;
    }
}

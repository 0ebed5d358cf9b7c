//! Competing claims: each dispute as a pair, claimant and side ↔ disputing party and its
//! denial, coloured by side; claims that only one source reports are marked.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;

use super::spans::{Lines, mark, put_lines, restyle, wrap};
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

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    // the counts follow the filter: what is shown is what is counted
    let disputes = app
        .claims
        .rows
        .iter()
        .filter(|&&i| {
            let c = &app.data.claims[i];
            c.claim.is_some() && c.denial.is_some()
        })
        .count();
    let title = format!(
        " Competing claims · {} · {} shown · ←/→ picks the side Enter opens ",
        super::count(disputes, "dispute", "disputes"),
        super::count(app.claims.rows.len(), "claim", "claims")
    );
    let inner = super::frame(app, area, buf, &title, app.theme.title, true);
    if app.claims.rows.is_empty() {
        empty(app, inner, buf, &empty_message(app, "claims"));
        return;
    }
    let w = inner.width as usize;
    let col = w.saturating_sub(1 + 3) / 2;
    let right_w = w.saturating_sub(1 + 3 + col);
    let items = Lazy::new(|k: usize| -> (Lines, Lines) {
        let row = &app.data.claims[app.claims.rows[k]];
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
        it.0.len().max(it.1.len()) + 1
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
        put_lines(buf, inner.x + 1, y, col as u16, room, l);
        let row = &app.data.claims[app.claims.rows[i]];
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

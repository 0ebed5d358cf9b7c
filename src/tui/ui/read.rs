//! Read: the cleaned article, wrapped, with its quotes and facts marked and the sentence that
//! was jumped to highlighted; `b` shows what cleaning removed, with the reasons.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::empty;
use super::spans::{mark, put, wrap, wrap_indexed};
use crate::model::Article;
use crate::tui::app::App;

/// The widest the text is set, for readable lines on wide terminals.
const MAX_TEXT_WIDTH: usize = 100;
const GUTTER: usize = 2;

/// The wrapped article: its lines and the line where each sentence starts.
#[derive(Debug)]
pub struct Layout {
    pub lines: Vec<Line<'static>>,
    pub sentence_line: Vec<usize>,
}

/// What a layout depends on besides the (fixed) store and theme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayoutKey {
    article: usize,
    width: usize,
    boilerplate: bool,
    target: Option<usize>,
    query: String,
}

/// The Read tab's last layout, kept between frames.
pub type LayoutCache = std::cell::RefCell<Option<(LayoutKey, std::rc::Rc<Layout>)>>;

/// The layout for the current state, from the cache when nothing it depends on changed.
fn cached_layout(app: &App, a: &Article, width: usize) -> std::rc::Rc<Layout> {
    let key = LayoutKey {
        article: app.read.article,
        width,
        boilerplate: app.read.show_boilerplate,
        target: app.read.target,
        query: app.query().to_owned(),
    };
    if let Some((k, lay)) = app.read.layout.borrow().as_ref()
        && *k == key
    {
        return std::rc::Rc::clone(lay);
    }
    let lay = std::rc::Rc::new(layout(app, a, width));
    *app.read.layout.borrow_mut() = Some((key, std::rc::Rc::clone(&lay)));
    lay
}

/// Where `needle` sits in `hay` (exactly, else ignoring case and quote style).
fn locate(hay: &str, needle: &str) -> Option<Range<usize>> {
    let needle = needle
        .trim()
        .trim_matches(['"', '“', '”', '\'', '‘', '’'])
        .trim();
    if needle.is_empty() {
        return None;
    }
    if let Some(i) = hay.find(needle) {
        return Some(i..i + needle.len());
    }
    let q: Vec<char> = needle.chars().map(crate::tui::data::norm_char).collect();
    super::spans::find_all(hay, &q).into_iter().next()
}

/// Lay out the article for a text `width` (without the gutter).
pub fn layout(app: &App, a: &Article, width: usize) -> Layout {
    let t = &app.theme;
    let q = app.query();
    let mut lines: Vec<Line<'static>> = Vec::new();
    let push_wrapped = |lines: &mut Vec<Line<'static>>, spans: Vec<Span<'static>>| {
        for l in wrap(&mark(spans, q, t.matched), width) {
            let mut s = vec![Span::raw(" ".repeat(GUTTER))];
            s.extend(l.spans);
            lines.push(Line::from(s));
        }
    };
    let title = crate::labels::title(a);
    let mut head = vec![Span::styled(title.text, t.title)];
    if title.derived {
        head.push(Span::styled(" (no title: from the lead)", t.muted));
    }
    push_wrapped(&mut lines, head);
    if let Some(s) = &a.subtitle {
        push_wrapped(&mut lines, vec![Span::styled(s.clone(), t.muted)]);
    }
    let mut meta = vec![app.data.source_label(app.read.article).to_owned()];
    if let Some(p) = &a.published {
        meta.push(p.clone());
    }
    if !a.authors.is_empty() {
        meta.push(format!("by {}", a.authors.join(", ")));
    }
    meta.push(a.path.clone());
    push_wrapped(&mut lines, vec![Span::styled(meta.join(" · "), t.muted)]);
    push_wrapped(
        &mut lines,
        vec![
            Span::styled("marked: ", t.muted),
            Span::styled("quotes", t.quote),
            Span::styled(" · ", t.muted),
            Span::styled("facts", t.fact),
            Span::styled(" · ", t.muted),
            Span::styled("▶ jumped-to sentence", t.target),
        ],
    );
    lines.push(Line::default());
    if app.read.show_boilerplate {
        push_wrapped(
            &mut lines,
            vec![Span::styled(
                format!("Removed as boilerplate ({}) · b hides", a.boilerplate.len()),
                t.header,
            )],
        );
        if a.boilerplate.is_empty() {
            push_wrapped(
                &mut lines,
                vec![Span::styled("nothing was removed", t.muted)],
            );
        }
        for (i, b) in a.boilerplate.iter().enumerate() {
            let mut spans = vec![Span::styled("✂ ", t.warning)];
            if let Some(r) = a.boilerplate_reasons.get(i) {
                spans.push(Span::styled(format!("[{r}] "), t.key));
            }
            spans.push(Span::styled(b.clone(), t.muted));
            push_wrapped(&mut lines, spans);
        }
        lines.push(Line::default());
    }
    let mut sentence_line = vec![0; a.sentences.len()];
    // sentences of each paragraph, located in it
    let mut by_para: Vec<Vec<(usize, Range<usize>)>> = vec![Vec::new(); a.paragraphs.len()];
    for (si, s) in a.sentences.iter().enumerate() {
        let Some(p) = a.paragraphs.get(s.paragraph) else {
            continue;
        };
        let end = s.start.saturating_add(s.text.len());
        let range = if p.get(s.start..end) == Some(s.text.as_str()) {
            Some(s.start..end)
        } else {
            p.find(&s.text).map(|i| i..i + s.text.len())
        };
        if let Some(r) = range {
            by_para[s.paragraph].push((si, r));
        }
    }
    for (pi, para) in a.paragraphs.iter().enumerate() {
        let sentences = &by_para[pi];
        let mut marks: Vec<(Range<usize>, Style)> = Vec::new();
        for (si, r) in sentences {
            let text = &para[r.clone()];
            for qt in a.quotes.iter().filter(|x| x.sentence == *si) {
                let m = locate(text, &qt.text).unwrap_or(0..text.len());
                marks.push((r.start + m.start..r.start + m.end, t.quote));
            }
            for f in a.facts.iter().filter(|x| x.sentence == *si) {
                if let Some(m) = locate(text, &f.text) {
                    marks.push((r.start + m.start..r.start + m.end, t.fact));
                }
            }
            if app.read.target == Some(*si) {
                marks.push((r.clone(), t.target));
            }
        }
        // cut the paragraph at every mark edge and sentence start
        let mut cuts: Vec<usize> = vec![0, para.len()];
        cuts.extend(marks.iter().flat_map(|(r, _)| [r.start, r.end]));
        cuts.extend(sentences.iter().map(|(_, r)| r.start));
        cuts.retain(|&c| c <= para.len() && para.is_char_boundary(c));
        cuts.sort_unstable();
        cuts.dedup();
        let mut spans: Vec<Span<'static>> = Vec::new();
        let mut first_span_at: Vec<(usize, usize)> = Vec::new();
        for w in cuts.windows(2) {
            let (s, e) = (w[0], w[1]);
            if s == e {
                continue;
            }
            let style = marks
                .iter()
                .filter(|(r, _)| r.start <= s && e <= r.end)
                .fold(t.base, |st, (_, m)| st.patch(*m));
            first_span_at.push((s, spans.len()));
            spans.extend(mark(
                vec![Span::styled(para[s..e].to_owned(), style)],
                q,
                t.matched,
            ));
        }
        let (wrapped, starts) = wrap_indexed(&spans, width);
        let base = lines.len();
        for (si, r) in sentences {
            if let Some(&(_, span)) = first_span_at.iter().find(|(s, _)| *s == r.start) {
                sentence_line[*si] = base + starts.get(span).copied().unwrap_or(0);
            }
        }
        let target_line = app
            .read
            .target
            .filter(|s| sentences.iter().any(|(si, _)| si == s))
            .map(|s| sentence_line[s]);
        for (k, l) in wrapped.into_iter().enumerate() {
            let gutter = if target_line == Some(base + k) {
                Span::styled("▶ ", t.target)
            } else {
                Span::raw(" ".repeat(GUTTER))
            };
            let mut s = vec![gutter];
            s.extend(l.spans);
            lines.push(Line::from(s));
        }
        lines.push(Line::default());
    }
    Layout {
        lines,
        sentence_line,
    }
}

/// The text width used for a Read pane whose inside is `inner_width` wide.
pub fn text_width(inner_width: u16) -> usize {
    (inner_width as usize)
        .saturating_sub(GUTTER + 1)
        .clamp(10, MAX_TEXT_WIDTH)
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let t = &app.theme;
    let n = app.data.articles().len();
    let Some(a) = app.data.articles().get(app.read.article) else {
        let inner = super::frame(app, area, buf, " Read ", app.theme.title, true);
        empty(app, inner, buf, "no article loaded");
        return;
    };
    let title = format!(
        " Read · {} · article {}/{} · {} ",
        app.data.source_label(app.read.article),
        app.read.article + 1,
        n,
        if app.read.show_boilerplate {
            "b hides the removed text"
        } else {
            "b shows the removed text"
        }
    );
    let inner = super::frame(app, area, buf, &title, app.theme.title, true);
    let tw = text_width(inner.width);
    let lay = cached_layout(app, a, tw);
    // on a wide terminal the text column sits in the middle
    let margin = (inner.width as usize).saturating_sub(tw + GUTTER + 1) / 2;
    let x = inner.x + margin as u16;
    let w = inner.width - margin as u16;
    let h = inner.height as usize;
    let total = lay.lines.len();
    app.read.height.set(h);
    app.read.total.set(total);
    if let Some(s) = app.read.scroll_to.take()
        && let Some(&line) = lay.sentence_line.get(s)
    {
        app.read.top.set(line.saturating_sub(h / 3));
    }
    let top = app.read.top.get().min(total.saturating_sub(h));
    app.read.top.set(top);
    for (k, l) in lay.lines.iter().skip(top).take(h).enumerate() {
        put(buf, x, inner.y + k as u16, l.spans.clone(), w);
    }
    // where we are, on the bottom border
    if total > h {
        let pos = format!(" {}–{} of {} ", top + 1, (top + h).min(total), total);
        let x = (inner.x + inner.width).saturating_sub(crate::text::width(&pos) as u16 + 1);
        buf.set_string(x, area.y + area.height - 1, pos, t.muted);
    }
}

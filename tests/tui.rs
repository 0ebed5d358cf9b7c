//! The dashboard as a user sees it: every tab drawn into a test terminal (insta snapshots, two
//! sizes, fixture and seeds), styles where colour carries meaning, and `update()` for every
//! action.

mod common;

use common::{fixture, sentence_of};
use crossread::model::Store;
use crossread::tui::action::Action;
use crossread::tui::app::{App, Focus, Tab};
use crossread::tui::keymap::Keymap;
use crossread::tui::theme::Theme;
use crossread::tui::{buffer_text, event};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers,
};
use ratatui::style::{Color, Modifier};

fn app_with(store: Store, color: bool) -> App {
    App::new(store, Keymap::default(), Theme::new(color))
}

fn app() -> App {
    app_with(fixture(), true)
}

fn draw(app: &App, w: u16, h: u16) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("a test terminal");
    t.draw(|f| f.render_widget(app, f.area()))
        .expect("drawing into a test backend");
    t.backend().buffer().clone()
}

fn screen(app: &App, w: u16, h: u16) -> String {
    buffer_text(&draw(app, w, h))
}

fn on(tab: Tab) -> App {
    let mut a = app();
    a.update(Action::ClickTab(tab.index()));
    a
}

fn tab_name(t: Tab) -> &'static str {
    match t {
        Tab::Overview => "overview",
        Tab::Facts => "facts",
        Tab::People => "people",
        Tab::Claims => "claims",
        Tab::Compare => "compare",
        Tab::Read => "read",
    }
}

// ---------------------------------------------------------------- snapshots

#[test]
fn every_tab_of_the_fixture_at_two_sizes() {
    for tab in Tab::ALL {
        for (w, h) in [(80, 24), (120, 40)] {
            let a = on(tab);
            insta::assert_snapshot!(
                format!("fixture_{}_{w}x{h}", tab_name(tab)),
                screen(&a, w, h)
            );
        }
    }
}

#[test]
fn every_tab_of_the_seeds_at_two_sizes() {
    let store = crossread::store::load_seeds().store;
    for tab in Tab::ALL {
        for (w, h) in [(80, 24), (200, 60)] {
            let mut a = app_with(store.clone(), true);
            a.update(Action::ClickTab(tab.index()));
            insta::assert_snapshot!(format!("seeds_{}_{w}x{h}", tab_name(tab)), screen(&a, w, h));
        }
    }
}

#[test]
fn help_overlay_lists_the_keymap() {
    let mut a = app();
    a.update(Action::Help);
    let s = screen(&a, 80, 24);
    insta::assert_snapshot!("help_80x24", s);
    // generated from the table: every binding of the global context is there
    let all = screen(&a, 120, 60);
    for b in a
        .keymap
        .in_context(crossread::tui::keymap::Context::Global)
        .take(12)
    {
        assert!(all.contains(&b.help), "{} missing from help", b.help);
    }
}

#[test]
fn too_small_says_so_and_q_still_quits() {
    let mut a = app();
    let s = screen(&a, 50, 12);
    insta::assert_snapshot!("too_small_50x12", s);
    assert!(s.contains("Terminal too small"));
    assert!(s.contains("50×12"));
    let key = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    let act = event::to_action(&a, &Event::Key(key), false).expect("q is bound");
    a.update(act);
    assert!(!a.running);
}

#[test]
fn jump_from_a_quote_to_its_sentence_and_back() {
    let mut a = on(Tab::People);
    a.update(Action::FocusRight);
    a.update(Action::Open);
    assert_eq!(a.tab, Tab::Read);
    let s = screen(&a, 100, 30);
    insta::assert_snapshot!("read_after_jump_100x30", s);
    assert!(s.contains("▶ "), "the sentence is marked in the gutter");
    a.update(Action::Back);
    assert_eq!(a.tab, Tab::People);
    assert_eq!(a.people_focus, Focus::Right);
}

#[test]
fn boilerplate_toggle_shows_what_was_removed_with_reasons() {
    let mut a = on(Tab::Read);
    assert!(!screen(&a, 100, 30).contains("641 views"));
    a.update(Action::ToggleBoilerplate);
    let s = screen(&a, 100, 30);
    insta::assert_snapshot!("read_boilerplate_100x30", s);
    assert!(s.contains("[view counter] 641 views"));
    assert!(s.contains("Removed as boilerplate (2)"));
}

#[test]
fn search_filters_and_highlights() {
    let mut a = on(Tab::Facts);
    a.update(Action::Search);
    for c in "5,000".chars() {
        a.update(Action::SearchInput(c));
    }
    let buf = draw(&a, 100, 30);
    let s = buffer_text(&buf);
    insta::assert_snapshot!("facts_search_100x30", s);
    assert!(s.contains("about 5,000 square km"));
    assert!(!s.contains("60,000"), "filtered out");
    assert!(s.contains("/5,000▏"), "the search line shows the query");
    // the match is highlighted: find the cell of "5" in the table row
    let theme = Theme::new(true);
    let (x, y) = find(&buf, "5,000 square").expect("row is shown");
    assert_eq!(buf[(x, y)].bg, theme.matched.bg.unwrap_or(Color::Reset));
}

// ---------------------------------------------------------------- styles

/// The first position of `needle` on screen.
fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    let text = buffer_text(buf);
    for (y, line) in text.lines().enumerate() {
        if let Some(byte) = line.find(needle) {
            // columns, not bytes: every cell before is one column here except wide ones
            let col = unicode_width::UnicodeWidthStr::width(&line[..byte]);
            return Some((col as u16, y as u16));
        }
    }
    None
}

#[test]
fn a_differs_fact_stands_out_in_colour_and_with_a_mark() {
    let a = on(Tab::Facts);
    let buf = draw(&a, 120, 40);
    let t = Theme::new(true);
    let (x, y) = find(&buf, "Some 50,000 people").expect("the differing fact is listed");
    assert_eq!(buf[(x, y)].fg, t.differs.fg.expect("differs has a colour"));
    assert!(buf[(x, y)].modifier.contains(Modifier::BOLD));
    let line = buffer_text(&buf)
        .lines()
        .nth(y as usize)
        .unwrap_or("")
        .to_owned();
    assert!(line.contains('≠'), "{line}");
    let (x, y) = find(&buf, "about 5,000 square km").expect("shared fact");
    assert_ne!(buf[(x, y)].fg, t.differs.fg.expect("colour"));
}

#[test]
fn compare_marks_changed_words_per_side() {
    let a = on(Tab::Compare);
    let buf = draw(&a, 120, 40);
    let t = Theme::new(true);
    let (x, y) = find(&buf, "full control").expect("left sentence");
    assert_eq!(buf[(x, y)].fg, t.removed.fg.expect("colour"));
    assert!(buf[(x, y)].modifier.contains(Modifier::UNDERLINED));
    let (x, y) = find(&buf, "complete control").expect("right sentence");
    assert_eq!(buf[(x, y)].fg, t.added.fg.expect("colour"));
    // a shared word is plain
    let (x, y) = find(&buf, "Pokrovsk. ")
        .or_else(|| find(&buf, "of Pokrovsk"))
        .expect("text");
    assert!(!buf[(x, y)].modifier.contains(Modifier::UNDERLINED));
}

#[test]
fn claims_are_coloured_by_side_and_single_source_claims_marked() {
    let a = on(Tab::Claims);
    let buf = draw(&a, 120, 40);
    let s = buffer_text(&buf);
    let russia = a.data.side_of(Some("Russia")).expect("side");
    let ukraine = a.data.side_of(Some("Ukraine")).expect("side");
    assert_ne!(russia, ukraine);
    let t = Theme::new(true);
    let (x, y) = find(&buf, "Ukraine's military (Ukraine)").expect("denier");
    assert_eq!(buf[(x, y)].fg, t.side(Some(ukraine)).fg.expect("colour"));
    assert!(s.contains("only in The Daily Ledger"), "{s}");
    assert!(s.contains("in The Daily Ledger, Evening Courier"), "{s}");
    assert!(s.contains(" ↔ "));
}

#[test]
fn read_marks_quotes_facts_and_the_jumped_to_sentence() {
    let mut a = on(Tab::Read);
    let t = Theme::new(true);
    let buf = draw(&a, 120, 40);
    let (x, y) = find(&buf, "We will not give up").expect("the quote");
    assert_eq!(buf[(x, y)].fg, t.quote.fg.expect("colour"));
    assert!(buf[(x, y)].modifier.contains(Modifier::ITALIC));
    let (x, y) = find(&buf, "About 60,000").expect("the fact");
    assert_eq!(buf[(x, y)].fg, t.fact.fg.expect("colour"));
    assert!(buf[(x, y)].modifier.contains(Modifier::UNDERLINED));
    // words that are neither stay plain
    let (x, y) = find(&buf, "lived in the city").expect("plain text");
    assert_eq!(buf[(x, y)].fg, Color::Reset);
    // after a jump the sentence is reversed, with a marker in the margin
    let ledger = &fixture().articles[0];
    a.jump(0, Some(sentence_of(ledger, "Rob Lee")));
    let buf = draw(&a, 120, 40);
    let (x, y) = find(&buf, "Rob Lee, a senior").expect("the sentence");
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
    let line = buffer_text(&buf)
        .lines()
        .nth(y as usize)
        .unwrap_or("")
        .to_owned();
    assert!(line.contains("▶ Rob Lee"), "{line}");
    let (x, y) = find(&buf, "The front covers").expect("the next sentence");
    assert!(!buf[(x, y)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn no_color_keeps_selection_visible_without_colour() {
    let mut a = app_with(fixture(), false);
    a.update(Action::TabFacts);
    let buf = draw(&a, 120, 40);
    for cell in buf.content() {
        assert!(
            matches!(cell.fg, Color::Reset) && matches!(cell.bg, Color::Reset),
            "a colour under NO_COLOR: {cell:?}"
        );
    }
    let (x, y) = find(&buf, "About 60,000 people").expect("first fact");
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
    assert!(buf[(x, y)].modifier.contains(Modifier::BOLD));
}

#[test]
fn every_tab_draws_an_empty_store() {
    for tab in Tab::ALL {
        let mut a = app_with(Store::default(), true);
        a.update(Action::ClickTab(tab.index()));
        for a_action in [Action::Down, Action::Open, Action::NextMatch, Action::Swap] {
            a.update(a_action);
        }
        let s = screen(&a, 80, 24);
        assert!(s.contains("1 Overview"), "{s}");
    }
    let mut a = app_with(Store::default(), true);
    a.update(Action::TabRead);
    assert!(screen(&a, 80, 24).contains("no article loaded"));
}

#[test]
fn no_line_is_wider_than_the_screen_and_cut_text_ends_in_an_ellipsis() {
    for tab in Tab::ALL {
        let a = on(tab);
        for (w, h) in [(60, 15), (80, 24), (200, 60)] {
            let s = screen(&a, w, h);
            for line in s.lines() {
                assert!(unicode_width::UnicodeWidthStr::width(line) <= w as usize);
            }
        }
    }
    // a long title on a narrow card is cut with an ellipsis
    let s = screen(&app(), 80, 24);
    assert!(s.contains("Putin claims Pokrovsk as Kyiv denies"), "{s}");
}

// ---------------------------------------------------------------- update()

#[test]
fn quit_and_tab_switching() {
    let mut a = app();
    assert_eq!(a.tab, Tab::Overview);
    a.update(Action::NextTab);
    assert_eq!(a.tab, Tab::Facts);
    a.update(Action::PrevTab);
    a.update(Action::PrevTab);
    assert_eq!(a.tab, Tab::Read, "wraps around");
    for (act, tab) in [
        (Action::TabOverview, Tab::Overview),
        (Action::TabFacts, Tab::Facts),
        (Action::TabPeople, Tab::People),
        (Action::TabClaims, Tab::Claims),
        (Action::TabCompare, Tab::Compare),
        (Action::TabRead, Tab::Read),
        (Action::ClickTab(1), Tab::Facts),
    ] {
        a.update(act);
        assert_eq!(a.tab, tab);
    }
    a.update(Action::ClickTab(99));
    assert_eq!(a.tab, Tab::Facts, "a click beside the tabs does nothing");
    assert!(a.running);
    a.update(Action::Quit);
    assert!(!a.running);
}

#[test]
fn movement_in_a_list() {
    let mut a = on(Tab::Facts);
    let n = a.facts.rows.len();
    assert_eq!(n, 5, "60,000 / 50,000 / 5,000 (merged) / Tuesday / Moscow");
    a.update(Action::Down);
    assert_eq!(a.facts.scroll.selected, 1);
    a.update(Action::Up);
    a.update(Action::Up);
    assert_eq!(a.facts.scroll.selected, 0, "stops at the top");
    a.update(Action::Bottom);
    assert_eq!(a.facts.scroll.selected, n - 1);
    a.update(Action::Down);
    assert_eq!(a.facts.scroll.selected, n - 1, "stops at the bottom");
    a.update(Action::Top);
    assert_eq!(a.facts.scroll.selected, 0);
    a.update(Action::PageDown);
    assert_eq!(a.facts.scroll.selected, n - 1, "a page is more than 5 rows");
    a.update(Action::PageUp);
    assert_eq!(a.facts.scroll.selected, 0);
    // after a draw the page is the real height
    draw(&a, 80, 24);
    let page = a.facts.scroll.height.get();
    assert!(page > 2 && page < 20, "{page}");
    a.update(Action::HalfPageDown);
    assert_eq!(a.facts.scroll.selected, page.div_ceil(2).min(n - 1));
    a.update(Action::HalfPageUp);
    assert_eq!(a.facts.scroll.selected, 0);
    a.update(Action::ScrollDown);
    assert_eq!(a.facts.scroll.selected, 3, "the wheel moves three rows");
    a.update(Action::ScrollUp);
    assert_eq!(a.facts.scroll.selected, 0);
}

#[test]
fn the_window_follows_the_selection() {
    let mut store = fixture();
    // many facts, so the list scrolls
    let extra: Vec<_> = (0..60)
        .map(|i| crossread::model::Fact {
            text: format!("{i} extra units"),
            ..Default::default()
        })
        .collect();
    store.articles[2].facts = extra;
    let mut a = app_with(store, true);
    a.update(Action::TabFacts);
    a.update(Action::Bottom);
    let s = screen(&a, 80, 24);
    assert!(s.contains("59 extra units"), "{s}");
    assert!(!s.contains("About 60,000"));
    a.update(Action::Top);
    assert!(screen(&a, 80, 24).contains("About 60,000"));
}

#[test]
fn compare_selection_skips_section_headings() {
    let mut a = on(Tab::Compare);
    let heading = |a: &App| {
        a.compare
            .current()
            .is_some_and(|i| a.compare_rows[i].heading.is_some())
    };
    assert!(!heading(&a));
    for _ in 0..12 {
        a.update(Action::Down);
        assert!(!heading(&a));
    }
    a.update(Action::Top);
    assert!(!heading(&a));
    assert_eq!(a.compare.scroll.selected, 1);
    a.update(Action::Bottom);
    assert!(!heading(&a));
}

#[test]
fn focus_moves_between_panes() {
    let mut a = on(Tab::People);
    a.update(Action::FocusRight);
    assert_eq!(a.people_focus, Focus::Right);
    a.update(Action::FocusLeft);
    assert_eq!(a.people_focus, Focus::Left);
    let mut a = on(Tab::Compare);
    a.update(Action::FocusRight);
    assert_eq!(a.compare_focus, Focus::Right);
    let mut a = on(Tab::Claims);
    a.update(Action::FocusRight);
    assert_eq!(a.claims_focus, Focus::Right);
    // Overview: the chart is below the cards, so Down from the last card reaches it
    let mut a = on(Tab::Overview);
    a.update(Action::Bottom);
    a.update(Action::Down);
    assert_eq!(a.overview_focus, Focus::Right);
    a.update(Action::Down);
    assert_eq!(a.chart.selected, 1, "the chart has the keys now");
    assert_eq!(a.cards.scroll.selected, 2);
    a.update(Action::Up);
    a.update(Action::Up);
    assert_eq!(a.overview_focus, Focus::Left, "Up from the first bar");
}

#[test]
fn people_are_merged_across_sources_and_spellings() {
    let a = on(Tab::People);
    let z: Vec<_> = a
        .data
        .people
        .iter()
        .filter(|p| p.name.starts_with("Volodymyr"))
        .collect();
    assert_eq!(z.len(), 1, "Zelensky and Zelenskyy are one person");
    assert_eq!(z[0].quotes_per_source, [1, 1, 0]);
    assert_eq!(z[0].side.as_deref(), Some("Ukraine"));
    let s = screen(&a, 120, 40);
    assert!(
        s.contains("“We will not give up Pokrovsk,”"),
        "direct quotes in marks"
    );
    let mut a = a;
    let lee = a
        .people
        .rows
        .iter()
        .position(|&i| a.data.people[i].name == "Rob Lee");
    a.people.scroll.selected = lee.expect("Rob Lee is listed");
    let s = screen(&a, 200, 40);
    assert!(
        s.contains("(reported) the battle could last for weeks"),
        "{s}"
    );
}

#[test]
fn open_jumps_to_the_sentence_from_every_tab() {
    let store = fixture();
    let ledger = &store.articles[0];
    let courier = &store.articles[1];
    // facts: the first row is the 60,000 fact of the ledger
    let mut a = on(Tab::Facts);
    a.update(Action::Open);
    assert_eq!(a.tab, Tab::Read);
    assert_eq!(a.read.article, 0);
    assert_eq!(a.read.target, Some(sentence_of(ledger, "60,000")));
    // people, left pane: first mention
    let mut a = on(Tab::People);
    a.update(Action::Open);
    assert_eq!(a.tab, Tab::Read);
    assert!(a.read.target.is_some());
    // claims: left is the claim, right the denial
    let mut a = on(Tab::Claims);
    a.update(Action::Open);
    assert_eq!(
        a.read.target,
        Some(sentence_of(ledger, "claimed full control"))
    );
    let mut a = on(Tab::Claims);
    a.update(Action::FocusRight);
    a.update(Action::Open);
    assert_eq!(a.read.target, Some(sentence_of(ledger, "denied that")));
    // compare: the focused side's sentence
    let mut a = on(Tab::Compare);
    // the selection starts on the first item, not on its heading: the first one with a
    // sentence on the right opens there
    a.update(Action::FocusRight);
    while a
        .compare
        .current()
        .is_some_and(|i| a.compare_rows[i].right_sentence.is_none())
    {
        a.update(Action::Down);
    }
    let want = a
        .compare
        .current()
        .and_then(|i| a.compare_rows[i].right_sentence);
    assert!(want.is_some());
    a.update(Action::Open);
    assert_eq!(a.read.article, 1);
    assert_eq!(a.read.target, want);
    let _ = courier;
    // a pair with nothing compared is not offered: every pair has items
    let mut a = on(Tab::Compare);
    a.update(Action::PrevPair);
    assert!(a.compare_rows.iter().any(|r| r.heading.is_none()));
    // overview: a card opens its article at the top
    let mut a = on(Tab::Overview);
    a.update(Action::Down);
    a.update(Action::Open);
    assert_eq!((a.tab, a.read.article, a.read.target), (Tab::Read, 1, None));
    // overview chart: the bar's quote
    let mut a = on(Tab::Overview);
    a.update(Action::Bottom);
    a.update(Action::Down);
    a.update(Action::Open);
    assert_eq!(a.tab, Tab::Read);
    assert!(a.read.target.is_some());
    // read: nothing happens
    let mut a = on(Tab::Read);
    a.update(Action::Open);
    assert_eq!(a.tab, Tab::Read);
    assert!(a.back.is_none());
}

#[test]
fn back_closes_help_then_clears_the_filter_then_returns() {
    let mut a = on(Tab::Facts);
    a.update(Action::Search);
    a.update(Action::SearchInput('x'));
    a.update(Action::SearchDone);
    a.update(Action::Help);
    assert!(a.help.is_some());
    a.update(Action::Back);
    assert!(a.help.is_none());
    assert_eq!(a.query(), "x");
    a.update(Action::Back);
    assert_eq!(a.query(), "");
    assert_eq!(a.facts.rows.len(), 5);
    a.update(Action::Open);
    assert_eq!(a.tab, Tab::Read);
    a.update(Action::Back);
    assert_eq!(a.tab, Tab::Facts);
    a.update(Action::Back);
    assert_eq!(a.tab, Tab::Facts, "nothing more to go back to");
}

#[test]
fn help_scrolls_closes_and_gives_way_to_tab_switches() {
    let mut a = app();
    a.update(Action::Help);
    a.update(Action::Down);
    assert_eq!(a.help.as_ref().map(|h| h.selected), Some(1));
    assert_eq!(
        a.cards.scroll.selected, 0,
        "the list under the overlay stays"
    );
    a.update(Action::ScrollDown);
    assert_eq!(a.help.as_ref().map(|h| h.selected), Some(2));
    // at the end, one step up scrolls at once (no dead keys past the last page)
    draw(&a, 80, 24);
    a.update(Action::Bottom);
    let last = a.help.as_ref().map_or(0, |h| h.selected);
    assert!(
        screen(&a, 80, 24).contains("next article"),
        "the last line shows"
    );
    a.update(Action::Up);
    assert_eq!(a.help.as_ref().map(|h| h.selected), Some(last - 1));
    a.update(Action::Help);
    assert!(a.help.is_none());
    a.update(Action::Help);
    a.update(Action::TabRead);
    assert!(a.help.is_none());
    assert_eq!(a.tab, Tab::Read);
    a.update(Action::Help);
    a.update(Action::Quit);
    assert!(!a.running);
}

#[test]
fn search_typing_editing_and_keeping() {
    let mut a = on(Tab::People);
    a.update(Action::Search);
    assert!(a.typing);
    for c in "putx".chars() {
        a.update(Action::SearchInput(c));
    }
    assert_eq!(a.people.rows.len(), 0);
    a.update(Action::SearchDelete);
    assert_eq!(a.query(), "put");
    assert_eq!(a.people.rows.len(), 1);
    a.update(Action::SearchDone);
    assert!(!a.typing);
    assert_eq!(a.query(), "put", "kept");
    a.update(Action::Search);
    a.update(Action::SearchClear);
    assert!(!a.typing);
    assert_eq!(a.query(), "");
    assert!(a.people.rows.len() > 3);
    // each tab keeps its own search
    a.update(Action::Search);
    a.update(Action::SearchInput('z'));
    a.update(Action::TabFacts);
    assert!(!a.typing, "switching tabs closes the search line");
    assert_eq!(a.query(), "");
}

#[test]
fn next_and_previous_match() {
    let mut a = on(Tab::Read);
    a.update(Action::NextMatch);
    assert!(a.status.as_deref().unwrap_or("").contains("no search"));
    a.update(Action::Search);
    for c in "pokrovsk".chars() {
        a.update(Action::SearchInput(c));
    }
    a.update(Action::SearchDone);
    let ledger = &fixture().articles[0];
    let first = a.read.cursor.expect("a sentence matches");
    assert_eq!(first, sentence_of(ledger, "full control"));
    a.update(Action::NextMatch);
    let second = a.read.cursor.expect("another");
    assert!(second > first);
    a.update(Action::PrevMatch);
    assert_eq!(a.read.cursor, Some(first));
    // in a list without filtering effect n moves among matching rows
    let mut a = on(Tab::Compare);
    a.update(Action::Search);
    a.update(Action::SearchInput('5'));
    a.update(Action::SearchDone);
    let before = a.compare.scroll.selected;
    a.update(Action::NextMatch);
    assert_ne!(a.compare.scroll.selected, before);
    a.update(Action::PrevMatch);
    assert_eq!(a.compare.scroll.selected, before);
    let mut a = on(Tab::Facts);
    a.update(Action::Search);
    a.update(Action::SearchInput('q'));
    a.update(Action::SearchInput('q'));
    a.update(Action::SearchDone);
    a.update(Action::NextMatch);
    assert!(a.status.as_deref().unwrap_or("").contains("no match"));
}

#[test]
fn pairs_swap_and_cycle() {
    let mut a = on(Tab::Compare);
    let p = a.pair().expect("pairs");
    assert_eq!((p.left, p.right), (0, 1));
    a.update(Action::Swap);
    let p = a.pair().expect("pairs");
    assert_eq!((p.left, p.right), (1, 0));
    assert!(a.swapped);
    // a differs row stays differs, left-only becomes right-only
    assert!(
        a.compare_rows
            .iter()
            .any(|r| r.status == Some(crossread::model::Status::RightOnly)
                && r.right.iter().any(|x| x.text == "Moscow"))
    );
    // the pair with nothing in common is not offered; the others come closest first
    assert_eq!(a.data.pairs.len(), 2);
    a.update(Action::NextPair);
    assert_eq!((a.pair, a.swapped), (1, false));
    a.update(Action::NextPair);
    assert_eq!(a.pair, 0, "wraps around");
    a.update(Action::PrevPair);
    assert_eq!(a.pair, 1);
    let s = screen(&a, 120, 40);
    assert!(s.contains("% in common)"), "{s}");
    // one pair only: a message instead
    let mut store = fixture();
    store.articles.truncate(2);
    store.comparisons.truncate(1);
    let mut a = app_with(store, true);
    a.update(Action::NextPair);
    assert_eq!(a.pair, 0);
    assert!(a.status.is_some());
}

#[test]
fn cycle_source_filters_facts_people_and_claims() {
    let mut a = on(Tab::Facts);
    a.update(Action::CycleSource);
    assert_eq!(a.source, Some(0));
    assert_eq!(a.facts.rows.len(), 4, "the ledger's four facts");
    a.update(Action::CycleSource);
    assert_eq!(a.source, Some(1));
    assert_eq!(a.facts.rows.len(), 2);
    assert!(screen(&a, 100, 30).contains("source: Evening Courier"));
    a.update(Action::CycleSource);
    assert_eq!(a.facts.rows.len(), 0);
    assert!(screen(&a, 100, 30).contains("no facts from Wire Service"));
    a.update(Action::CycleSource);
    assert_eq!(a.source, None);
    assert_eq!(a.facts.rows.len(), 5);
    a.update(Action::TabClaims);
    a.update(Action::CycleSource);
    a.update(Action::CycleSource);
    assert!(
        a.claims
            .rows
            .iter()
            .all(|&i| a.data.claims[i].sources.contains(&1))
    );
}

#[test]
fn read_scrolls_toggles_and_changes_article() {
    let mut a = on(Tab::Read);
    draw(&a, 60, 15);
    a.update(Action::Down);
    assert_eq!(a.read.top.get(), 1);
    a.update(Action::PageDown);
    assert!(a.read.top.get() > 1);
    a.update(Action::HalfPageUp);
    a.update(Action::PageUp);
    assert_eq!(a.read.top.get(), 0);
    a.update(Action::Bottom);
    draw(&a, 60, 15);
    let bottom = a.read.top.get();
    assert!(bottom > 0);
    a.update(Action::HalfPageDown);
    a.update(Action::Up);
    assert_eq!(a.read.top.get(), bottom - 1);
    a.update(Action::Top);
    assert_eq!(a.read.top.get(), 0);
    a.update(Action::ToggleBoilerplate);
    assert!(a.read.show_boilerplate);
    a.update(Action::NextArticle);
    assert_eq!(a.read.article, 1);
    a.update(Action::PrevArticle);
    a.update(Action::PrevArticle);
    assert_eq!(a.read.article, 2, "wraps around");
}

#[test]
fn resize_is_recorded() {
    let mut a = app();
    a.update(Action::Resize(132, 43));
    assert_eq!(a.size, (132, 43));
}

#[test]
fn the_readme_keys_table_is_the_keymap() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let table = Keymap::default().markdown();
    assert!(
        readme.contains(&table),
        "README.md's keys table is out of date; paste this:\n{table}"
    );
}

// ---------------------------------------------------------------- events

fn key(code: KeyCode, mods: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, mods))
}

#[test]
fn key_presses_map_through_the_keymap() {
    let mut a = app();
    let act = |a: &App, e: Event| event::to_action(a, &e, false);
    assert_eq!(
        act(&a, key(KeyCode::Char('j'), KeyModifiers::NONE)),
        Some(Action::Down)
    );
    assert_eq!(
        act(&a, key(KeyCode::Char('G'), KeyModifiers::SHIFT)),
        Some(Action::Bottom)
    );
    assert_eq!(
        act(&a, key(KeyCode::BackTab, KeyModifiers::SHIFT)),
        Some(Action::PrevTab)
    );
    assert_eq!(
        act(&a, key(KeyCode::Char('d'), KeyModifiers::CONTROL)),
        Some(Action::HalfPageDown)
    );
    assert_eq!(
        act(&a, key(KeyCode::F(1), KeyModifiers::NONE)),
        Some(Action::Help)
    );
    assert_eq!(
        act(&a, key(KeyCode::Char('s'), KeyModifiers::NONE)),
        None,
        "swap is for Compare"
    );
    a.update(Action::TabCompare);
    assert_eq!(
        act(&a, key(KeyCode::Char('s'), KeyModifiers::NONE)),
        Some(Action::Swap)
    );
    // releases are not presses
    let mut release = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    release.state = KeyEventState::NONE;
    assert_eq!(act(&a, Event::Key(release)), None);
    // while typing, letters are text and Esc/Enter end the search
    a.update(Action::Search);
    assert_eq!(
        act(&a, key(KeyCode::Char('q'), KeyModifiers::NONE)),
        Some(Action::SearchInput('q'))
    );
    assert_eq!(
        act(&a, key(KeyCode::Esc, KeyModifiers::NONE)),
        Some(Action::SearchClear)
    );
    assert_eq!(
        act(&a, key(KeyCode::Enter, KeyModifiers::NONE)),
        Some(Action::SearchDone)
    );
    assert_eq!(
        act(&a, key(KeyCode::Backspace, KeyModifiers::NONE)),
        Some(Action::SearchDelete)
    );
    assert_eq!(
        act(&a, key(KeyCode::Down, KeyModifiers::NONE)),
        Some(Action::Down)
    );
    assert_eq!(
        act(&a, key(KeyCode::Char('c'), KeyModifiers::CONTROL)),
        Some(Action::Quit)
    );
    // resizes and (when enabled) the mouse
    assert_eq!(act(&a, Event::Resize(90, 30)), Some(Action::Resize(90, 30)));
}

#[test]
fn the_mouse_clicks_tabs_and_scrolls_only_when_enabled() {
    use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    let mut a = app();
    a.update(Action::Resize(120, 40));
    let click = |column| {
        Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column,
            row: 0,
            modifiers: KeyModifiers::NONE,
        })
    };
    // " 1 Overview │ 2 Key facts │": column 16 is in the second title
    assert_eq!(
        event::to_action(&a, &click(16), true),
        Some(Action::ClickTab(1))
    );
    assert_eq!(event::to_action(&a, &click(16), false), None);
    let wheel = Event::Mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: 5,
        row: 5,
        modifiers: KeyModifiers::NONE,
    });
    assert_eq!(event::to_action(&a, &wheel, true), Some(Action::ScrollDown));
}

// ---------------------------------------------------------------- compare: differences first

#[test]
fn the_seeds_compare_opens_on_a_disagreement_or_a_spelling_variant() {
    let store = crossread::store::load_seeds().store;
    let mut a = app_with(store, true);
    a.update(Action::TabCompare);
    let s = screen(&a, 80, 24);
    assert!(
        s.contains("Disagreements") || s.contains("Spelling variants"),
        "{s}"
    );
    assert!(s.contains("differs") || s.contains("spelling"), "{s}");
    assert!(!s.contains("100% same"), "{s}");
}

#[test]
fn compare_hides_shared_material_and_jumps_between_sections() {
    let store = crossread::store::load_seeds().store;
    let mut a = app_with(store, true);
    a.update(Action::TabCompare);
    let shown = |a: &App| -> Vec<bool> {
        a.compare
            .rows
            .iter()
            .map(|&i| a.compare_rows[i].shared)
            .collect()
    };
    assert!(shown(&a).contains(&true));
    a.update(Action::DifferencesOnly);
    assert!(!shown(&a).contains(&true), "differences only");
    assert!(!shown(&a).is_empty());
    assert!(screen(&a, 80, 24).contains("differences only"));
    a.update(Action::DifferencesOnly);
    assert!(shown(&a).contains(&true));
    // the next section starts on its first item; the heading above stays in view
    let heading_of = |a: &App| {
        let k = a.compare.scroll.selected;
        (0..=k)
            .rev()
            .find_map(|j| a.compare_rows[a.compare.rows[j]].heading.clone())
    };
    let first = heading_of(&a);
    a.update(Action::NextSection);
    let second = heading_of(&a);
    assert_ne!(first, second);
    assert!(
        a.compare_rows[a.compare.rows[a.compare.scroll.selected]]
            .heading
            .is_none()
    );
    a.update(Action::PrevSection);
    assert_eq!(heading_of(&a), first);
    for _ in 0..40 {
        a.update(Action::Down);
    }
    let s = screen(&a, 80, 24);
    let sticky = s.lines().nth(3).unwrap_or("");
    assert!(
        sticky.contains("── "),
        "the section heading stays visible:\n{s}"
    );
}

//! Rendering a fuzzed store: any store that loads draws every tab of the dashboard, at a
//! normal and a tiny size, after a few keys, without a panic and without a line wider than
//! the screen.
#![no_main]

use crossread::tui::action::Action;
use crossread::tui::app::{App, Tab};
use crossread::tui::{buffer_text, keymap::Keymap, render, theme::Theme};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(mut s) = crossread::store::parse_store(data) else {
        return;
    };
    // comparisons are recomputed on load, as the binary does (few articles: few pairs)
    if s.articles.len() <= 4 {
        crossread::store::compare_all(&mut s);
    }
    let mut app = App::new(s, Keymap::default(), Theme::new(false));
    for (w, h) in [(100u16, 30u16), (20, 6)] {
        app.update(Action::Resize(w, h));
        for tab in Tab::ALL {
            app.update(Action::ClickTab(tab.index()));
            for a in [Action::ScrollDown, Action::ScrollDown, Action::ScrollUp] {
                app.update(a);
            }
            let text = buffer_text(&render(&app, w, h));
            for line in text.lines() {
                assert!(crossread::text::width(line) <= w as usize, "{line}");
            }
        }
    }
});

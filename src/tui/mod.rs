//! The terminal dashboard: a tabbed view over a [`Store`].
//!
//! [`app::App`] holds the state and its pure `update`; [`ui`] draws it (`impl Widget for
//! &App`); [`event`] turns terminal events into [`action::Action`]s through the
//! [`keymap::Keymap`] table; [`run`] owns the terminal and always gives it back: on quit, on
//! error, on panic (ratatui's hook) and on SIGTERM/SIGHUP.

pub mod action;
pub mod app;
pub mod config;
pub mod data;
pub mod diff;
pub mod event;
pub mod keymap;
pub mod theme;
pub mod ui;

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::{event as ct, execute};
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use crate::model::Store;
use action::Action;
use app::App;

/// Open the dashboard on the terminal and run it until the user quits.
pub fn run(
    store: Store,
    config: config::Config,
    mouse: bool,
    options: app::Options,
) -> io::Result<()> {
    let mouse = mouse || config.mouse;
    let mut app = App::with_options(store, config.keymap, theme::Theme::from_env(), options);
    let stop = Arc::new(AtomicBool::new(false));
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register(sig, Arc::clone(&stop))?;
    }
    if mouse {
        // runs after ratatui's own hook has restored the screen
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = execute!(io::stdout(), DisableMouseCapture);
            previous(info);
        }));
    }
    let result = ratatui::try_init().and_then(|mut terminal| {
        if mouse {
            execute!(io::stdout(), EnableMouseCapture)?;
        }
        event_loop(&mut terminal, &mut app, mouse, &stop)
    });
    if mouse {
        let _ = execute!(io::stdout(), DisableMouseCapture);
    }
    ratatui::restore();
    result
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    mouse: bool,
    stop: &AtomicBool,
) -> io::Result<()> {
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    let mut dirty = true;
    while app.running && !stop.load(Ordering::Relaxed) {
        if dirty {
            terminal.draw(|f| f.render_widget(&*app, f.area()))?;
            dirty = false;
        }
        // wake up now and then to notice a signal
        if !ct::poll(Duration::from_millis(200))? {
            continue;
        }
        let ev = ct::read()?;
        #[cfg(debug_assertions)]
        injected_failure(&ev)?;
        if let Some(a) = event::to_action(app, &ev, mouse) {
            app.update(a);
            dirty = true;
        }
    }
    Ok(())
}

/// Debug builds only, for the end-to-end test: with `CROSSREAD_E2E_FAIL=panic` or `=error`
/// the first `!` key panics or fails the loop, so the test can check that the terminal is
/// given back on those paths as well as on quit.
#[cfg(debug_assertions)]
fn injected_failure(ev: &ct::Event) -> io::Result<()> {
    let bang = matches!(ev, ct::Event::Key(k) if k.code == ct::KeyCode::Char('!'));
    match std::env::var("CROSSREAD_E2E_FAIL").as_deref() {
        Ok("panic") if bang => panic!("injected panic (CROSSREAD_E2E_FAIL)"),
        Ok("error") if bang => Err(io::Error::other("injected error (CROSSREAD_E2E_FAIL)")),
        _ => Ok(()),
    }
}

/// Draw `app` into a `width`×`height` buffer.
pub fn render(app: &App, width: u16, height: u16) -> Buffer {
    let mut buf = Buffer::empty(Rect::new(0, 0, width, height));
    app.render(buf.area, &mut buf);
    buf
}

/// The characters of a buffer, one line per row, trailing spaces trimmed.
pub fn buffer_text(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::with_capacity((area.width as usize + 1) * area.height as usize);
    for y in area.top()..area.bottom() {
        let mut line = String::new();
        let mut skip = 0;
        for x in area.left()..area.right() {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let s = buf[(x, y)].symbol();
            line.push_str(s);
            skip = s.width().saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The screen of one tab as text (what `crossread snapshot` prints).
pub fn snapshot(store: Store, tab: app::Tab, width: u16, height: u16) -> String {
    snapshot_with(store, tab, width, height, app::Options::default())
}

/// [`snapshot`] with source names, warnings and verdicts.
pub fn snapshot_with(
    store: Store,
    tab: app::Tab,
    width: u16,
    height: u16,
    options: app::Options,
) -> String {
    let mut app = App::with_options(
        store,
        keymap::Keymap::default(),
        theme::Theme::new(false),
        options,
    );
    app.running_in_terminal = false;
    app.update(Action::Resize(width, height));
    app.update(Action::ClickTab(tab.index()));
    buffer_text(&render(&app, width, height))
}

//! The terminal dashboard: a tabbed view over a [`Store`].
//!
//! [`app::App`] holds the state and its pure `update`; [`ui`] draws it (`impl Widget for
//! &App`); [`event`] turns terminal events into [`action::Action`]s through the
//! [`keymap::Keymap`] table; [`run`] owns the terminal and always gives it back: on quit, on
//! error, on panic (ratatui's hook) and on SIGTERM/SIGHUP/SIGINT; it stops and resumes on
//! SIGTSTP and `fg`, and ends within a second when the terminal itself goes away.

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
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
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

/// How a dashboard session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// The user quit.
    Quit,
    /// A signal asked it to stop (SIGTERM, SIGHUP or SIGINT): the shell's exit code is
    /// 128 + the signal's number.
    Signal(i32),
    /// The terminal went away (its window closed, its multiplexer killed): nothing is left
    /// to restore.
    TerminalGone,
}

impl Ended {
    /// The conventional exit code: 0, 128 + signal, or 129 (a hang-up) for a lost terminal.
    pub fn exit_code(self) -> u8 {
        match self {
            Ended::Quit => 0,
            Ended::Signal(s) => 128u8.saturating_add(u8::try_from(s).unwrap_or(0)),
            Ended::TerminalGone => 129,
        }
    }
}

/// The signals that end the dashboard, and the ones that stop and resume it.
struct Signals {
    /// The number of the last ending signal received (0: none).
    ending: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
    resume: Arc<AtomicBool>,
}

impl Signals {
    fn register() -> io::Result<Signals> {
        use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP};
        let s = Signals {
            ending: Arc::new(AtomicUsize::new(0)),
            stop: Arc::new(AtomicBool::new(false)),
            resume: Arc::new(AtomicBool::new(false)),
        };
        for sig in [SIGTERM, SIGHUP, SIGINT] {
            signal_hook::flag::register_usize(sig, Arc::clone(&s.ending), sig as usize)?;
        }
        signal_hook::flag::register(SIGTSTP, Arc::clone(&s.stop))?;
        signal_hook::flag::register(SIGCONT, Arc::clone(&s.resume))?;
        Ok(s)
    }

    fn ending(&self) -> Option<i32> {
        match self.ending.load(Ordering::Relaxed) {
            0 => None,
            n => i32::try_from(n).ok(),
        }
    }
}

/// Open the dashboard on the terminal and run it until the user quits, a signal ends it or
/// the terminal goes away.
pub fn run(
    store: Store,
    config: config::Config,
    mouse: bool,
    options: app::Options,
) -> io::Result<Ended> {
    let mouse = mouse || config.mouse;
    let mut app = App::with_options(store, config.keymap, theme::Theme::from_env(), options);
    let signals = Signals::register()?;
    let finished = Arc::new(AtomicBool::new(false));
    watchdog(Arc::clone(&signals.ending), Arc::clone(&finished), mouse);
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
        event_loop(&mut terminal, &mut app, mouse, &signals)
    });
    if !matches!(result, Ok(Ended::TerminalGone)) {
        if mouse {
            let _ = execute!(io::stdout(), DisableMouseCapture);
        }
        ratatui::restore();
    }
    finished.store(true, Ordering::Relaxed);
    result
}

/// The last resort: a thread that ends the process within about a second when a signal asked
/// for it or the terminal hung up but the event loop did not get there (stuck in a read that
/// never returns: crossterm spins on a terminal at end of file, its issue 793).
fn watchdog(ending: Arc<AtomicUsize>, finished: Arc<AtomicBool>, mouse: bool) {
    std::thread::spawn(move || {
        let tick = Duration::from_millis(100);
        let mut since: Option<std::time::Instant> = None;
        let mut gone = false;
        loop {
            std::thread::sleep(tick);
            if finished.load(Ordering::Relaxed) {
                return;
            }
            let sig = ending.load(Ordering::Relaxed);
            gone = gone || input_state(Duration::ZERO) == InputState::Gone;
            if sig == 0 && !gone {
                continue;
            }
            let t = *since.get_or_insert_with(std::time::Instant::now);
            if t.elapsed() < Duration::from_millis(800) || finished.load(Ordering::Relaxed) {
                continue;
            }
            let ended = match i32::try_from(sig) {
                Ok(s) if s != 0 => Ended::Signal(s),
                _ => Ended::TerminalGone,
            };
            if ended != Ended::TerminalGone {
                if mouse {
                    let _ = execute!(io::stdout(), DisableMouseCapture);
                }
                let _ = ratatui::try_restore();
            }
            std::process::exit(i32::from(ended.exit_code()));
        }
    });
}

/// What the terminal's input holds.
#[derive(Debug, PartialEq, Eq)]
enum InputState {
    /// Bytes to read.
    Ready,
    /// Nothing within the time given.
    Idle,
    /// Hung up, closed or at end of file: the terminal is gone.
    Gone,
}

/// Wait up to `timeout` for input on the terminal (standard input, which crossterm reads when
/// it is a terminal, as the dashboard requires). Checked before crossterm reads, since its
/// reader loops forever on a terminal at end of file.
#[cfg(unix)]
fn input_state(timeout: Duration) -> InputState {
    let mut fds = [libc::pollfd {
        fd: libc::STDIN_FILENO,
        events: libc::POLLIN,
        revents: 0,
    }];
    let ms = libc::c_int::try_from(timeout.as_millis()).unwrap_or(libc::c_int::MAX);
    // SAFETY: one valid pollfd, its length given
    let n = unsafe { libc::poll(fds.as_mut_ptr(), 1, ms) };
    let r = fds[0].revents;
    if n < 0 {
        return InputState::Idle; // interrupted by a signal: the loop looks at it
    }
    if r & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
        InputState::Gone
    } else if r & libc::POLLIN != 0 {
        InputState::Ready
    } else {
        InputState::Idle
    }
}

#[cfg(not(unix))]
fn input_state(timeout: Duration) -> InputState {
    match ct::poll(timeout) {
        Ok(true) => InputState::Ready,
        Ok(false) => InputState::Idle,
        Err(_) => InputState::Gone,
    }
}

/// Give the terminal back and stop the process (SIGTSTP: `kill -TSTP`, or a suspend key where
/// the terminal sends one); on `fg`, take it again and redraw.
fn suspend(terminal: &mut ratatui::DefaultTerminal, mouse: bool) -> io::Result<()> {
    if mouse {
        let _ = execute!(io::stdout(), DisableMouseCapture);
    }
    let _ = ratatui::try_restore();
    signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP)?;
    resume(terminal, mouse)
}

/// Raw mode, the alternate screen (and the mouse) again after the process was stopped: the
/// shell that ran `fg` set the terminal up for itself. The next draw repaints everything.
fn resume(terminal: &mut ratatui::DefaultTerminal, mouse: bool) -> io::Result<()> {
    ratatui::crossterm::terminal::enable_raw_mode()?;
    execute!(
        io::stdout(),
        ratatui::crossterm::terminal::EnterAlternateScreen
    )?;
    if mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    terminal.clear()
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    mouse: bool,
    signals: &Signals,
) -> io::Result<Ended> {
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    let mut dirty = true;
    // crossterm may hold events it read with the last one: ask it again before waiting
    let mut buffered = false;
    while app.running {
        if let Some(sig) = signals.ending() {
            return Ok(Ended::Signal(sig));
        }
        if signals.stop.swap(false, Ordering::Relaxed) {
            signals.resume.store(false, Ordering::Relaxed);
            suspend(terminal, mouse)?;
            dirty = true;
        }
        if signals.resume.swap(false, Ordering::Relaxed) {
            resume(terminal, mouse)?;
            dirty = true;
        }
        if dirty {
            terminal.draw(|f| f.render_widget(&*app, f.area()))?;
            dirty = false;
        }
        // wake up now and then to notice a signal
        let wait = if buffered {
            Duration::ZERO
        } else {
            Duration::from_millis(200)
        };
        match input_state(wait) {
            InputState::Gone => return Ok(Ended::TerminalGone),
            InputState::Idle if !buffered => continue,
            _ => {}
        }
        buffered = ct::poll(Duration::ZERO)?;
        if !buffered {
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
    Ok(Ended::Quit)
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

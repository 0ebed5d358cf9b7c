//! Terminal events to [`Action`]s: key presses through the keymap (releases and repeats of
//! other kinds ignored), typed characters while searching, the mouse, and resizes.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use super::action::Action;
use super::app::App;
use super::keymap::{Context, Key};

/// The action for one terminal event, if any.
pub fn to_action(app: &App, event: &Event, mouse: bool) -> Option<Action> {
    match event {
        Event::Key(k) => key_action(app, k),
        Event::Mouse(m) if mouse => mouse_action(app, m),
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        _ => None,
    }
}

fn key_action(app: &App, k: &KeyEvent) -> Option<Action> {
    if k.kind != KeyEventKind::Press {
        return None;
    }
    let key = Key::from_event(k);
    let km = &app.keymap;
    if app.typing {
        if let Some(a) = km.lookup_in(key, Context::Search) {
            return Some(a);
        }
        // printable characters are text, whatever they are bound to elsewhere
        if let KeyCode::Char(c) = k.code
            && !k
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            return Some(Action::SearchInput(c));
        }
        return km.lookup_in(key, Context::Global);
    }
    if app.help.is_some() {
        return km.lookup_in(key, Context::Global);
    }
    km.lookup(key, app.tab.context())
}

fn mouse_action(app: &App, m: &MouseEvent) -> Option<Action> {
    match m.kind {
        MouseEventKind::ScrollDown => Some(Action::ScrollDown),
        MouseEventKind::ScrollUp => Some(Action::ScrollUp),
        MouseEventKind::Down(MouseButton::Left) if m.row == 0 => {
            super::ui::tab_at(app.size.0, m.column).map(Action::ClickTab)
        }
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(m.column, m.row)),
        _ => None,
    }
}

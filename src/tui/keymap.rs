//! The keymap: one table of (action, keys, help, context) read from `assets/keymap.toml`.
//! Key handling, the footer hints and the help overlay all read this table, so they agree.

use std::fmt;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

use super::action::Action;

/// The default keymap, embedded at build time.
pub const DEFAULT_KEYMAP: &str = include_str!("../../assets/keymap.toml");

/// Where a binding applies: everywhere, in one tab, or while typing a search.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Context {
    Global,
    Overview,
    Facts,
    People,
    Claims,
    Compare,
    Read,
    Search,
}

impl Context {
    pub fn label(self) -> &'static str {
        match self {
            Context::Global => "Everywhere",
            Context::Overview => "Overview",
            Context::Facts => "Key facts",
            Context::People => "Quoted people",
            Context::Claims => "Competing claims",
            Context::Compare => "Compare",
            Context::Read => "Read",
            Context::Search => "Typing a search",
        }
    }
}

/// A key press, normalised: Shift is folded into the character (`G`, `?`) and into BackTab.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Key {
    pub fn new(code: KeyCode, mods: KeyModifiers) -> Key {
        let mut mods = mods & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        if matches!(code, KeyCode::Char(_) | KeyCode::BackTab) {
            mods.remove(KeyModifiers::SHIFT);
        }
        Key { code, mods }
    }

    pub fn from_event(e: &KeyEvent) -> Key {
        Key::new(e.code, e.modifiers)
    }

    /// Parse `q`, `G`, `ctrl-d`, `shift-tab`, `pagedown`, `f1`, `space` …
    pub fn parse(s: &str) -> Result<Key, String> {
        let mut rest = s;
        let mut mods = KeyModifiers::NONE;
        loop {
            let lower = rest.to_ascii_lowercase();
            let Some((prefix, m)) = [
                ("ctrl-", KeyModifiers::CONTROL),
                ("alt-", KeyModifiers::ALT),
                ("shift-", KeyModifiers::SHIFT),
            ]
            .into_iter()
            .find(|(p, _)| lower.starts_with(p) && rest.len() > p.len()) else {
                break;
            };
            mods |= m;
            rest = &rest[prefix.len()..];
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => {
                if mods.contains(KeyModifiers::SHIFT) && c.is_ascii_lowercase() {
                    KeyCode::Char(c.to_ascii_uppercase())
                } else {
                    KeyCode::Char(c)
                }
            }
            _ => match rest.to_ascii_lowercase().as_str() {
                "tab" if mods.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
                "tab" => KeyCode::Tab,
                "backtab" => KeyCode::BackTab,
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "backspace" => KeyCode::Backspace,
                "delete" | "del" => KeyCode::Delete,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "pageup" | "pgup" => KeyCode::PageUp,
                "pagedown" | "pgdn" => KeyCode::PageDown,
                "space" => KeyCode::Char(' '),
                "minus" => KeyCode::Char('-'),
                f if f.starts_with('f') => match f[1..].parse::<u8>() {
                    Ok(n) if (1..=12).contains(&n) => KeyCode::F(n),
                    _ => return Err(format!("unknown key `{s}`")),
                },
                _ => return Err(format!("unknown key `{s}`")),
            },
        };
        Ok(Key::new(code, mods))
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl-")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            f.write_str("Alt-")?;
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            f.write_str("Shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Delete => f.write_str("Delete"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// One row of the keymap table.
#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    pub action: Action,
    pub keys: Vec<Key>,
    pub help: String,
    pub contexts: Vec<Context>,
    pub hint: bool,
}

impl Binding {
    /// The keys as shown to the user: `j/↓`.
    pub fn keys_label(&self) -> String {
        let keys: Vec<String> = self.keys.iter().map(Key::to_string).collect();
        keys.join("/")
    }
}

/// The whole table.
#[derive(Debug, Clone, PartialEq)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawKeymap {
    bind: Vec<RawBinding>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBinding {
    action: Action,
    keys: Vec<String>,
    help: String,
    context: OneOrMany<Context>,
    #[serde(default)]
    hint: bool,
}

/// A value that may be written alone or as a list.
#[derive(Deserialize, Debug, Clone)]
#[serde(untagged)]
pub enum OneOrMany<T> {
    One(T),
    Many(Vec<T>),
}

impl<T> OneOrMany<T> {
    pub fn into_vec(self) -> Vec<T> {
        match self {
            OneOrMany::One(t) => vec![t],
            OneOrMany::Many(v) => v,
        }
    }
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap::parse(DEFAULT_KEYMAP).expect("the embedded keymap is valid (unit-tested)")
    }
}

impl Keymap {
    /// Parse a keymap table written as in `assets/keymap.toml`.
    pub fn parse(text: &str) -> Result<Keymap, String> {
        let raw: RawKeymap = toml::from_str(text).map_err(|e| e.message().to_owned())?;
        let mut bindings = Vec::with_capacity(raw.bind.len());
        for b in raw.bind {
            let keys = b
                .keys
                .iter()
                .map(|k| Key::parse(k))
                .collect::<Result<Vec<_>, _>>()?;
            bindings.push(Binding {
                action: b.action,
                keys,
                help: b.help,
                contexts: b.context.into_vec(),
                hint: b.hint,
            });
        }
        Ok(Keymap { bindings })
    }

    /// The binding of an action, if it is bindable.
    pub fn binding(&self, action: Action) -> Option<&Binding> {
        self.bindings.iter().find(|b| b.action == action)
    }

    /// Give `action` new keys. The keys are taken away from other actions that share a
    /// context with it, and from tab actions that would shadow a global one, so the user's
    /// choice always wins. (A tab binding shadows a global one only in that tab.)
    pub fn rebind(&mut self, action: Action, keys: Vec<Key>) -> Result<(), String> {
        let Some(i) = self.bindings.iter().position(|b| b.action == action) else {
            return Err(format!("`{}` cannot be bound to a key", action.name()));
        };
        let contexts = self.bindings[i].contexts.clone();
        for (j, b) in self.bindings.iter_mut().enumerate() {
            let overlaps = b.contexts.iter().any(|c| {
                contexts.contains(c) || contexts.contains(&Context::Global) && *c != Context::Search
            });
            if j != i && overlaps {
                b.keys.retain(|k| !keys.contains(k));
            }
        }
        self.bindings[i].keys = keys;
        Ok(())
    }

    /// The action bound to `key` in `context` (exactly that context, not global).
    pub fn lookup_in(&self, key: Key, context: Context) -> Option<Action> {
        self.bindings
            .iter()
            .find(|b| b.contexts.contains(&context) && b.keys.contains(&key))
            .map(|b| b.action)
    }

    /// The action bound to `key` in a tab: the tab's own bindings first, then global ones.
    pub fn lookup(&self, key: Key, context: Context) -> Option<Action> {
        self.lookup_in(key, context)
            .or_else(|| self.lookup_in(key, Context::Global))
    }

    /// The bindings of one context, in table order.
    pub fn in_context(&self, context: Context) -> impl Iterator<Item = &Binding> {
        self.bindings
            .iter()
            .filter(move |b| b.contexts.contains(&context))
    }

    /// The footer: help first, then the hinted bindings of the context, then the other
    /// global ones, as (first key, short label) pairs.
    pub fn hints(&self, context: Context) -> Vec<(String, &str)> {
        let hinted = |c: Context| {
            self.in_context(c)
                .filter(|b| b.hint && !b.keys.is_empty())
                .map(|b| {
                    (
                        b.keys[0].to_string(),
                        short_help(b.action, &b.help),
                        b.action,
                    )
                })
                .collect::<Vec<_>>()
        };
        if context == Context::Search {
            return hinted(context)
                .into_iter()
                .map(|(k, l, _)| (k, l))
                .collect();
        }
        let global = hinted(Context::Global);
        let (help, rest): (Vec<_>, Vec<_>) =
            global.into_iter().partition(|(_, _, a)| *a == Action::Help);
        help.into_iter()
            .chain(hinted(context))
            .chain(rest)
            .map(|(k, l, _)| (k, l))
            .collect()
    }
}

impl Keymap {
    /// The table as Markdown, as the README shows it (a test keeps the two in step).
    pub fn markdown(&self) -> String {
        let mut out = String::from("| Keys | Action | What it does | Where |\n|---|---|---|---|\n");
        for b in &self.bindings {
            let keys: Vec<String> = b.keys.iter().map(|k| format!("`{k}`")).collect();
            let contexts: Vec<&str> = b.contexts.iter().map(|c| c.label()).collect();
            out.push_str(&format!(
                "| {} | `{}` | {} | {} |\n",
                keys.join(" "),
                b.action.name(),
                b.help,
                contexts.join(", ")
            ));
        }
        out
    }
}

/// The footer's short form of a binding's help text.
fn short_help(action: Action, help: &str) -> &str {
    match action {
        Action::Open => "show in text",
        Action::Search => "filter",
        Action::Help => "help",
        Action::PrevPair => "prev pair",
        Action::NextPair => "next pair",
        Action::CycleSource => "source",
        Action::Swap => "swap",
        Action::DifferencesOnly => "differences only",
        Action::ToggleBoilerplate => "boilerplate",
        Action::PrevArticle => "prev article",
        Action::NextArticle => "next article",
        Action::SearchDone => "keep",
        Action::SearchClear => "clear",
        Action::Verdict => "verdict",
        _ => help,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_keymap_parses_and_binds_every_key_action_once() {
        let k = Keymap::default();
        assert!(k.bindings.len() > 30);
        let mut seen = std::collections::HashSet::new();
        for b in &k.bindings {
            assert!(seen.insert(b.action), "{:?} twice", b.action);
            assert!(!b.keys.is_empty(), "{:?} has no key", b.action);
        }
        assert_eq!(
            k.lookup(Key::parse("G").unwrap(), Context::Facts),
            Some(Action::Bottom)
        );
        assert_eq!(
            k.lookup(Key::parse("[").unwrap(), Context::Read),
            Some(Action::PrevArticle)
        );
        assert_eq!(
            k.lookup(Key::parse("[").unwrap(), Context::Compare),
            Some(Action::PrevPair)
        );
        assert_eq!(k.lookup(Key::parse("s").unwrap(), Context::Facts), None);
    }

    #[test]
    fn keys_parse_and_normalise_shift() {
        assert_eq!(
            Key::parse("ctrl-d").unwrap(),
            Key::new(KeyCode::Char('d'), KeyModifiers::CONTROL)
        );
        assert_eq!(
            Key::parse("shift-tab").unwrap(),
            Key::new(KeyCode::BackTab, KeyModifiers::SHIFT)
        );
        // a terminal reports `G` as Shift+G; the keymap writes it `G`
        assert_eq!(
            Key::new(KeyCode::Char('G'), KeyModifiers::SHIFT),
            Key::parse("G").unwrap()
        );
        assert_eq!(Key::parse("shift-g").unwrap(), Key::parse("G").unwrap());
        assert_eq!(Key::parse("F1").unwrap().code, KeyCode::F(1));
        assert_eq!(Key::parse("-").unwrap().code, KeyCode::Char('-'));
        assert!(Key::parse("hyper-x").is_err());
        assert!(Key::parse("f13").is_err());
        assert_eq!(Key::parse("ctrl-c").unwrap().to_string(), "Ctrl-c");
    }

    #[test]
    fn rebinding_takes_the_key_from_other_actions() {
        let mut k = Keymap::default();
        k.rebind(Action::Swap, vec![Key::parse("q").unwrap()])
            .unwrap();
        assert_eq!(
            k.lookup(Key::parse("q").unwrap(), Context::Compare),
            Some(Action::Swap)
        );
        // elsewhere q still quits
        assert_eq!(
            k.lookup(Key::parse("q").unwrap(), Context::Facts),
            Some(Action::Quit)
        );
        // a global rebinding takes the key from the tabs
        k.rebind(
            Action::Quit,
            vec![Key::parse("s").unwrap(), Key::parse("ctrl-c").unwrap()],
        )
        .unwrap();
        assert_eq!(
            k.lookup(Key::parse("s").unwrap(), Context::Compare),
            Some(Action::Quit)
        );
        assert_eq!(
            k.lookup(Key::parse("ctrl-c").unwrap(), Context::Facts),
            Some(Action::Quit)
        );
        assert!(k.rebind(Action::Resize(1, 1), vec![]).is_err());
    }
}

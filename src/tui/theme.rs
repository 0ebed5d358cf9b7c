//! Named styles. Only the 16 ANSI colours, so the terminal's own palette (light or dark) applies;
//! meaning never rests on colour alone: selection is REVERSED + BOLD, differences are
//! underlined, sides are written out. With `NO_COLOR` set every colour is dropped.

use ratatui::style::{Color, Modifier, Style};

/// The styles the dashboard draws with.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub color: bool,
    pub base: Style,
    pub title: Style,
    pub header: Style,
    pub muted: Style,
    pub selected: Style,
    pub tab: Style,
    pub tab_selected: Style,
    pub border: Style,
    pub border_focused: Style,
    pub key: Style,
    pub differs: Style,
    pub only_one: Style,
    pub removed: Style,
    pub added: Style,
    pub fact: Style,
    pub quote: Style,
    pub target: Style,
    pub matched: Style,
    pub warning: Style,
    /// Colours handed out to sides (countries, organisations) in order of first use.
    pub sides: [Color; 6],
}

impl Theme {
    /// The theme for this environment: colours unless `NO_COLOR` is set to anything non-empty.
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme::new(!no_color)
    }

    pub fn new(color: bool) -> Theme {
        let b = Modifier::BOLD;
        let c = |s: Style, fg: Color| if color { s.fg(fg) } else { s };
        Theme {
            color,
            base: Style::new(),
            title: Style::new().add_modifier(b),
            header: Style::new().add_modifier(b | Modifier::UNDERLINED),
            muted: if color {
                Style::new().fg(Color::DarkGray)
            } else {
                Style::new().add_modifier(Modifier::DIM)
            },
            selected: Style::new().add_modifier(Modifier::REVERSED | b),
            tab: Style::new(),
            tab_selected: Style::new().add_modifier(Modifier::REVERSED | b),
            border: c(Style::new(), Color::DarkGray),
            border_focused: c(Style::new().add_modifier(b), Color::Blue),
            key: c(Style::new().add_modifier(b), Color::Blue),
            differs: c(Style::new().add_modifier(b), Color::Red),
            only_one: c(Style::new().add_modifier(Modifier::ITALIC), Color::Magenta),
            removed: c(Style::new().add_modifier(Modifier::UNDERLINED), Color::Red),
            added: c(
                Style::new().add_modifier(Modifier::UNDERLINED),
                Color::Green,
            ),
            fact: c(
                Style::new().add_modifier(Modifier::UNDERLINED),
                Color::Magenta,
            ),
            quote: c(Style::new().add_modifier(Modifier::ITALIC), Color::Cyan),
            target: Style::new().add_modifier(Modifier::REVERSED),
            matched: if color {
                Style::new()
                    .fg(Color::Black)
                    .bg(Color::Yellow)
                    .add_modifier(b)
            } else {
                Style::new().add_modifier(b | Modifier::UNDERLINED)
            },
            warning: c(Style::new().add_modifier(b), Color::Red),
            sides: [
                Color::Blue,
                Color::Red,
                Color::Green,
                Color::Magenta,
                Color::Cyan,
                Color::Yellow,
            ],
        }
    }

    /// The style of a side, by its index among the store's sides.
    pub fn side(&self, index: Option<usize>) -> Style {
        match index {
            Some(i) if self.color => Style::new()
                .fg(self.sides[i % self.sides.len()])
                .add_modifier(Modifier::BOLD),
            Some(_) => Style::new().add_modifier(Modifier::BOLD),
            None => Style::new(),
        }
    }
}

impl Default for Theme {
    fn default() -> Self {
        Theme::new(true)
    }
}

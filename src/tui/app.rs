//! The dashboard's state and [`App::update`], the one place where an [`Action`] changes it.
//! No terminal I/O here: tests drive `update` directly and render into a test buffer.
//!
//! Scroll offsets and viewport heights live in [`Cell`]s: drawing records how many rows it
//! found room for and where the visible window starts, so that paging moves by a real page
//! and the window follows the selection. Everything else is plain state.

use std::cell::{Cell, RefCell};
use std::path::PathBuf;

use ratatui::layout::Rect;

use super::action::Action;
use super::data::{self, CompareRow, Data, Loc, norm};
use super::keymap::{Context, Keymap};
use super::theme::Theme;
use crate::labels::Override;
use crate::model::Store;
use crate::verdicts::{Item, ItemKind, Mark, Verdict, Verdicts};

/// The tabs, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tab {
    Overview,
    Facts,
    People,
    Claims,
    Compare,
    Read,
}

impl Tab {
    pub const ALL: [Tab; 6] = [
        Tab::Overview,
        Tab::Facts,
        Tab::People,
        Tab::Claims,
        Tab::Compare,
        Tab::Read,
    ];

    pub fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }

    pub fn title(self) -> &'static str {
        match self {
            Tab::Overview => "Overview",
            Tab::Facts => "Key facts",
            Tab::People => "Quoted people",
            Tab::Claims => "Competing claims",
            Tab::Compare => "Compare",
            Tab::Read => "Read",
        }
    }

    pub fn short_title(self) -> &'static str {
        match self {
            Tab::Overview => "Overview",
            Tab::Facts => "Facts",
            Tab::People => "People",
            Tab::Claims => "Claims",
            Tab::Compare => "Compare",
            Tab::Read => "Read",
        }
    }

    /// Parse a tab name as given to `crossread snapshot --tab`.
    pub fn parse(s: &str) -> Option<Tab> {
        let s = s.to_ascii_lowercase();
        Tab::ALL.into_iter().find(|t| {
            s == t.short_title().to_ascii_lowercase()
                || s == t.title().to_ascii_lowercase().replace(' ', "-")
                || s == (t.index() + 1).to_string()
        })
    }

    pub fn context(self) -> Context {
        match self {
            Tab::Overview => Context::Overview,
            Tab::Facts => Context::Facts,
            Tab::People => Context::People,
            Tab::Claims => Context::Claims,
            Tab::Compare => Context::Compare,
            Tab::Read => Context::Read,
        }
    }

    fn next(self) -> Tab {
        Tab::ALL[(self.index() + 1) % Tab::ALL.len()]
    }

    fn prev(self) -> Tab {
        Tab::ALL[(self.index() + Tab::ALL.len() - 1) % Tab::ALL.len()]
    }
}

/// Which of two panes has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    Left,
    Right,
}

/// A selection in a list, with the window of it that was last drawn.
#[derive(Debug, Clone, Default)]
pub struct Scroll {
    pub selected: usize,
    pub offset: Cell<usize>,
    /// Rows visible at the last draw (0 before the first).
    pub height: Cell<usize>,
}

impl Scroll {
    fn page(&self) -> usize {
        match self.height.get() {
            0 => 10,
            h => h.max(1),
        }
    }

    fn apply(&mut self, a: Action, len: usize) -> bool {
        if len == 0 {
            self.selected = 0;
            return matches!(
                a,
                Action::Up
                    | Action::Down
                    | Action::Top
                    | Action::Bottom
                    | Action::PageUp
                    | Action::PageDown
                    | Action::HalfPageUp
                    | Action::HalfPageDown
            );
        }
        let last = len - 1;
        let s = self.selected.min(last);
        let page = self.page();
        self.selected = match a {
            Action::Up => s.saturating_sub(1),
            Action::Down => (s + 1).min(last),
            Action::Top => 0,
            Action::Bottom => last,
            Action::PageUp => s.saturating_sub(page),
            Action::PageDown => (s + page).min(last),
            Action::HalfPageUp => s.saturating_sub(page.div_ceil(2)),
            Action::HalfPageDown => (s + page.div_ceil(2)).min(last),
            _ => return false,
        };
        true
    }

    fn reset(&mut self) {
        self.selected = 0;
        self.offset.set(0);
    }
}

/// A list whose rows can be filtered: `rows` holds indices into the tab's data.
#[derive(Debug, Clone, Default)]
pub struct Filtered {
    pub rows: Vec<usize>,
    pub scroll: Scroll,
}

impl Filtered {
    /// The data index of the selected row.
    pub fn current(&self) -> Option<usize> {
        self.rows.get(self.scroll.selected).copied()
    }

    fn set_rows(&mut self, rows: Vec<usize>) {
        let keep = self.current();
        self.rows = rows;
        self.scroll.selected = keep
            .and_then(|k| self.rows.iter().position(|&r| r == k))
            .unwrap_or(0);
        self.scroll.offset.set(0);
    }
}

/// The Read tab: which article, where in it, and what is marked.
#[derive(Debug, Clone, Default)]
pub struct ReadState {
    pub article: usize,
    /// First wrapped line shown.
    pub top: Cell<usize>,
    /// A sentence to bring into view at the next draw.
    pub scroll_to: Cell<Option<usize>>,
    /// The sentence that was jumped to, highlighted.
    pub target: Option<usize>,
    /// The sentence the last n/N stopped at.
    pub cursor: Option<usize>,
    pub show_boilerplate: bool,
    pub height: Cell<usize>,
    pub total: Cell<usize>,
    /// The last wrapped layout and what it was made for: scrolling does not wrap again.
    pub layout: super::ui::read::LayoutCache,
}

impl ReadState {
    fn scroll_by(&self, delta: isize) {
        let max = self.total.get().saturating_sub(self.height.get().max(1));
        let top = self.top.get().min(max) as isize + delta;
        self.top.set((top.max(0) as usize).min(max));
    }

    fn page(&self) -> isize {
        match self.height.get() {
            0 => 10,
            h => h as isize,
        }
    }
}

/// Where Esc goes back to after a jump to the Read tab.
#[derive(Debug, Clone)]
pub struct Back {
    pub tab: Tab,
    pub article: usize,
    pub top: usize,
    pub target: Option<usize>,
    pub cursor: Option<usize>,
}

/// The whole dashboard state.
#[derive(Debug)]
pub struct App {
    pub data: Data,
    pub keymap: Keymap,
    pub theme: Theme,
    pub tab: Tab,
    pub running: bool,
    /// Overview: the source cards and the chart of quoted words.
    pub cards: Filtered,
    pub chart: Scroll,
    pub overview_focus: Focus,
    pub facts: Filtered,
    pub people: Filtered,
    pub quotes: Scroll,
    pub people_focus: Focus,
    pub claims: Filtered,
    pub claims_focus: Focus,
    /// Restricts facts, people and claims to one article.
    pub source: Option<usize>,
    /// Index into `data.pairs`.
    pub pair: usize,
    pub swapped: bool,
    pub compare_rows: Vec<CompareRow>,
    pub compare: Filtered,
    pub compare_focus: Focus,
    /// Compare shows only the differences (the shared material hidden).
    pub differences_only: bool,
    pub read: ReadState,
    /// One search per tab.
    pub queries: [String; 6],
    /// The search line is open and takes typed characters.
    pub typing: bool,
    pub help: Option<Scroll>,
    pub back: Option<Back>,
    /// A one-line message for the footer, cleared by the next action.
    pub status: Option<String>,
    pub size: (u16, u16),
    /// Overview: card columns at the last draw (Up and Down move by a row of cards).
    pub card_cols: Cell<usize>,
    /// Problems met while loading: counted in the footer, listed with `w`.
    pub warnings: Vec<String>,
    pub warnings_view: Option<Scroll>,
    pub verdicts: Verdicts,
    /// Where verdicts are saved (none: kept for the session only).
    pub verdicts_path: Option<PathBuf>,
    /// The note being typed for the selected item's verdict (while `typing`).
    pub note: Option<String>,
    /// What each list row drawn in the last frame shows, for mouse clicks.
    pub hits: RefCell<Vec<Hit>>,
    /// In a terminal (not a `snapshot`): messages may name keys.
    pub running_in_terminal: bool,
}

/// What the dashboard is given besides the store and keys.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The user's names for sources (`--label`, the `[labels]` table).
    pub labels: Vec<Override>,
    /// Problems met while loading, one line each.
    pub warnings: Vec<String>,
    pub verdicts: Verdicts,
    pub verdicts_path: Option<PathBuf>,
}

/// A row of a list as drawn: where it is and which row it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub area: Rect,
    pub target: Target,
}

/// A clickable row: the position in its (filtered) list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Card(usize),
    Chart(usize),
    Fact(usize),
    Person(usize),
    Quote(usize),
    Claim(usize),
    Compare(usize),
}

impl App {
    /// Build the dashboard over a store; everything derived from it is computed here, once.
    pub fn new(store: Store, keymap: Keymap, theme: Theme) -> App {
        App::with_options(store, keymap, theme, Options::default())
    }

    /// [`App::new`] with source names, load warnings and saved verdicts.
    pub fn with_options(store: Store, keymap: Keymap, theme: Theme, options: Options) -> App {
        let data = Data::with_labels(store, &options.labels);
        let mut app = App {
            data,
            keymap,
            theme,
            tab: Tab::Overview,
            running: true,
            cards: Filtered::default(),
            chart: Scroll::default(),
            overview_focus: Focus::Left,
            facts: Filtered::default(),
            people: Filtered::default(),
            quotes: Scroll::default(),
            people_focus: Focus::Left,
            claims: Filtered::default(),
            claims_focus: Focus::Left,
            source: None,
            pair: 0,
            swapped: false,
            compare_rows: Vec::new(),
            compare: Filtered::default(),
            compare_focus: Focus::Left,
            differences_only: false,
            read: ReadState::default(),
            queries: Default::default(),
            typing: false,
            help: None,
            back: None,
            status: None,
            size: (0, 0),
            card_cols: Cell::new(1),
            warnings: options.warnings,
            warnings_view: None,
            verdicts: options.verdicts,
            verdicts_path: options.verdicts_path,
            note: None,
            hits: RefCell::new(Vec::new()),
            running_in_terminal: true,
        };
        app.status = app.warnings_status();
        app.rebuild_compare();
        for t in Tab::ALL {
            app.refilter(t);
        }
        app
    }

    /// The keymap context that is active now.
    pub fn context(&self) -> Context {
        if self.typing {
            Context::Search
        } else {
            self.tab.context()
        }
    }

    pub fn query(&self) -> &str {
        &self.queries[self.tab.index()]
    }

    /// The selected pair of sources (left, right as shown), if there is one.
    pub fn pair(&self) -> Option<data::Pair> {
        let p = *self.data.pairs.get(self.pair)?;
        Some(if self.swapped {
            data::Pair {
                left: p.right,
                right: p.left,
                ..p
            }
        } else {
            p
        })
    }

    /// Apply one action.
    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::Resize(..)) {
            self.status = None;
        }
        if self.typing && self.update_typing(action) {
            return;
        }
        if self.help.is_some() && self.update_help(action) {
            return;
        }
        if self.warnings_view.is_some() && self.update_warnings(action) {
            return;
        }
        match action {
            Action::Quit => self.running = false,
            Action::Help => self.help = Some(Scroll::default()),
            Action::NextTab => self.switch(self.tab.next()),
            Action::PrevTab => self.switch(self.tab.prev()),
            Action::TabOverview => self.switch(Tab::Overview),
            Action::TabFacts => self.switch(Tab::Facts),
            Action::TabPeople => self.switch(Tab::People),
            Action::TabClaims => self.switch(Tab::Claims),
            Action::TabCompare => self.switch(Tab::Compare),
            Action::TabRead => self.switch(Tab::Read),
            Action::ClickTab(i) => {
                if let Some(&t) = Tab::ALL.get(i) {
                    self.switch(t);
                }
            }
            Action::Up
            | Action::Down
            | Action::Top
            | Action::Bottom
            | Action::PageUp
            | Action::PageDown
            | Action::HalfPageUp
            | Action::HalfPageDown => self.move_selection(action),
            Action::ScrollUp | Action::ScrollDown => {
                let step = if action == Action::ScrollUp {
                    Action::Up
                } else {
                    Action::Down
                };
                for _ in 0..3 {
                    self.move_selection(step);
                }
            }
            Action::FocusLeft => self.set_focus(Focus::Left),
            Action::FocusRight => self.set_focus(Focus::Right),
            Action::Open => self.open(),
            Action::Back => self.go_back(),
            Action::Search => {
                self.typing = true;
            }
            Action::NextMatch => self.next_match(true),
            Action::PrevMatch => self.next_match(false),
            Action::SearchDone | Action::SearchClear | Action::SearchDelete => {}
            Action::SearchInput(_) => {}
            Action::PrevPair | Action::NextPair => {
                let n = self.data.pairs.len();
                if n > 1 {
                    self.pair = if action == Action::NextPair {
                        (self.pair + 1) % n
                    } else {
                        (self.pair + n - 1) % n
                    };
                    self.swapped = false;
                    self.rebuild_compare();
                } else {
                    self.status = Some("only one pair of sources is loaded".to_owned());
                }
            }
            Action::DifferencesOnly => {
                self.differences_only = !self.differences_only;
                self.refilter(Tab::Compare);
            }
            Action::NextSection | Action::PrevSection => {
                self.jump_section(action == Action::NextSection);
            }
            Action::Swap => {
                if self.data.pairs.is_empty() {
                    self.status = Some("comparing needs two sources".to_owned());
                } else {
                    self.swapped = !self.swapped;
                    self.rebuild_compare();
                }
            }
            Action::CycleSource => {
                let n = self.data.articles().len();
                self.source = match self.source {
                    None if n > 0 => Some(0),
                    Some(i) if i + 1 < n => Some(i + 1),
                    _ => None,
                };
                for t in [Tab::Facts, Tab::People, Tab::Claims] {
                    self.refilter(t);
                }
                self.quotes.reset();
            }
            Action::ToggleBoilerplate => {
                self.read.show_boilerplate = !self.read.show_boilerplate;
                self.read.top.set(0);
            }
            Action::PrevArticle | Action::NextArticle => {
                let n = self.data.articles().len();
                if n > 0 {
                    let a = self.read.article.min(n - 1);
                    self.read.article = if action == Action::NextArticle {
                        (a + 1) % n
                    } else {
                        (a + n - 1) % n
                    };
                    self.read.top.set(0);
                    self.read.target = None;
                    self.read.cursor = None;
                }
            }
            Action::Resize(w, h) => self.size = (w, h),
            Action::Warnings => self.warnings_view = Some(Scroll::default()),
            Action::Verdict => self.cycle_verdict(),
            Action::VerdictNote => self.start_note(),
            Action::Click(x, y) => self.click(x, y),
        }
    }

    /// Typing in the search line: characters edit the query, Enter keeps it, Esc drops it.
    /// Returns false for actions that keep their usual meaning (arrows, Ctrl-C …).
    fn update_typing(&mut self, action: Action) -> bool {
        if self.note.is_some() {
            return self.update_note(action);
        }
        let t = self.tab.index();
        match action {
            Action::SearchInput(c) => {
                self.queries[t].push(c);
                self.refilter(self.tab);
                self.first_match();
            }
            Action::SearchDelete => {
                self.queries[t].pop();
                self.refilter(self.tab);
            }
            Action::SearchDone => {
                self.typing = false;
            }
            Action::SearchClear => {
                self.typing = false;
                self.queries[t].clear();
                self.refilter(self.tab);
            }
            _ => return false,
        }
        true
    }

    /// With the help overlay open, movement scrolls it and Esc or `?` closes it.
    fn update_help(&mut self, action: Action) -> bool {
        let Some(help) = self.help.as_mut() else {
            return false;
        };
        let len = super::ui::help::line_count(&self.keymap);
        match action {
            Action::Help | Action::Back => self.help = None,
            Action::ScrollUp | Action::ScrollDown => {
                let a = if action == Action::ScrollUp {
                    Action::Up
                } else {
                    Action::Down
                };
                help.apply(a, len);
            }
            a if help.apply(a, len) => {
                // the overlay scrolls by its first line: no further than a full last page
                let h = help.height.get();
                if h > 0 {
                    help.selected = help.selected.min(len.saturating_sub(h));
                }
            }
            Action::Quit | Action::Resize(..) => return false,
            a if is_tab_switch(a) => {
                self.help = None;
                return false;
            }
            _ => {}
        }
        true
    }

    fn switch(&mut self, tab: Tab) {
        if self.typing {
            self.typing = false;
        }
        self.tab = tab;
    }

    fn set_focus(&mut self, f: Focus) {
        match self.tab {
            Tab::Overview => self.move_cards_across(f),
            Tab::People => self.people_focus = f,
            Tab::Claims => self.claims_focus = f,
            Tab::Compare => self.compare_focus = f,
            Tab::Facts | Tab::Read => {}
        }
    }

    fn move_selection(&mut self, a: Action) {
        match self.tab {
            Tab::Overview => match self.overview_focus {
                Focus::Left => self.move_cards(a),
                // Up from the first bar goes back to the cards above the chart
                Focus::Right if a == Action::Up && self.chart.selected == 0 => {
                    self.overview_focus = Focus::Left;
                }
                Focus::Right => {
                    self.chart.apply(a, self.data.bars.len());
                }
            },
            Tab::Facts => {
                self.facts.scroll.apply(a, self.facts.rows.len());
            }
            Tab::People => match self.people_focus {
                Focus::Left => {
                    if self.people.scroll.apply(a, self.people.rows.len()) {
                        self.quotes.reset();
                    }
                }
                Focus::Right => {
                    let n = self.person_quotes().len();
                    self.quotes.apply(a, n);
                }
            },
            Tab::Claims => {
                self.claims.scroll.apply(a, self.claims.rows.len());
            }
            Tab::Compare => {
                self.compare.scroll.apply(a, self.compare.rows.len());
                let up = matches!(
                    a,
                    Action::Up | Action::PageUp | Action::HalfPageUp | Action::Top
                );
                self.skip_headings(!up);
            }
            Tab::Read => {
                let r = &self.read;
                match a {
                    Action::Up => r.scroll_by(-1),
                    Action::Down => r.scroll_by(1),
                    Action::Top => r.top.set(0),
                    Action::Bottom => r.top.set(usize::MAX / 2),
                    Action::PageUp => r.scroll_by(-r.page()),
                    Action::PageDown => r.scroll_by(r.page()),
                    Action::HalfPageUp => r.scroll_by(-(r.page() + 1) / 2),
                    Action::HalfPageDown => r.scroll_by((r.page() + 1) / 2),
                    _ => {}
                }
            }
        }
    }

    /// The quotes of the selected person, restricted to the chosen source.
    pub fn person_quotes(&self) -> Vec<data::QuoteRef> {
        let Some(p) = self.people.current().and_then(|i| self.data.people.get(i)) else {
            return Vec::new();
        };
        p.quotes
            .iter()
            .copied()
            .filter(|q| self.source.is_none_or(|s| s == q.article))
            .collect()
    }

    /// Enter: the selected item's sentence in the Read tab.
    fn open(&mut self) {
        let loc = match self.tab {
            Tab::Overview => match self.overview_focus {
                Focus::Left => match self.cards.current() {
                    Some(a) => {
                        self.jump(a, None);
                        return;
                    }
                    None => None,
                },
                Focus::Right => self.data.bars.get(self.chart.selected).and_then(|b| {
                    let p = &self.data.people[b.person];
                    p.quotes
                        .iter()
                        .find(|q| q.article == b.article)
                        .map(|q| Loc {
                            article: q.article,
                            sentence: self.data.articles()[q.article].quotes[q.index].sentence,
                        })
                }),
            },
            Tab::Facts => self.facts.current().and_then(|i| {
                let f = &self.data.facts[i];
                f.sources
                    .iter()
                    .find(|l| self.source.is_none_or(|s| s == l.article))
                    .or(f.sources.first())
                    .copied()
            }),
            Tab::People => match self.people_focus {
                Focus::Left => self.people.current().and_then(|i| {
                    let p = &self.data.people[i];
                    self.source
                        .and_then(|s| {
                            p.quotes.iter().find(|q| q.article == s).map(|q| Loc {
                                article: s,
                                sentence: self.data.articles()[s].quotes[q.index].sentence,
                            })
                        })
                        .or(p.first)
                }),
                Focus::Right => self.person_quotes().get(self.quotes.selected).map(|q| Loc {
                    article: q.article,
                    sentence: self.data.articles()[q.article].quotes[q.index].sentence,
                }),
            },
            Tab::Claims => self.claims.current().and_then(|i| {
                let row = &self.data.claims[i];
                let (first, second) = match self.claims_focus {
                    Focus::Left => (row.claim, row.denial),
                    Focus::Right => (row.denial, row.claim),
                };
                first.or(second).map(|c| Loc {
                    article: row.article,
                    sentence: self.data.articles()[row.article].claims[c].sentence,
                })
            }),
            Tab::Compare => self.compare.current().and_then(|i| {
                let row = &self.compare_rows[i];
                let pair = self.pair()?;
                let left = row.left_sentence.map(|s| Loc {
                    article: pair.left,
                    sentence: s,
                });
                let right = row.right_sentence.map(|s| Loc {
                    article: pair.right,
                    sentence: s,
                });
                match self.compare_focus {
                    Focus::Left => left.or(right),
                    Focus::Right => right.or(left),
                }
            }),
            Tab::Read => return,
        };
        match loc {
            Some(l) if l.article < self.data.articles().len() => {
                self.jump(l.article, Some(l.sentence))
            }
            _ => self.status = Some("nothing to show in the text here".to_owned()),
        }
    }

    /// Go to the Read tab at `sentence` of `article`, remembering where we came from.
    pub fn jump(&mut self, article: usize, sentence: Option<usize>) {
        if self.tab != Tab::Read {
            self.back = Some(Back {
                tab: self.tab,
                article: self.read.article,
                top: self.read.top.get(),
                target: self.read.target,
                cursor: self.read.cursor,
            });
        }
        self.tab = Tab::Read;
        self.read.article = article;
        self.read.target = sentence;
        self.read.cursor = sentence;
        self.read.top.set(0);
        self.read.scroll_to.set(sentence);
    }

    /// Esc: close the overlay, else clear this tab's filter, else come back from a jump.
    fn go_back(&mut self) {
        if !self.query().is_empty() {
            let t = self.tab.index();
            self.queries[t].clear();
            self.refilter(self.tab);
            return;
        }
        if let Some(b) = self.back.take() {
            self.tab = b.tab;
            self.read.article = b.article;
            self.read.top.set(b.top);
            self.read.target = b.target;
            self.read.cursor = b.cursor;
        }
    }

    /// Keep the Compare selection on an item, not a section heading: step on in the
    /// direction of travel, else back.
    fn skip_headings(&mut self, forward: bool) {
        let rows = &self.compare.rows;
        let is_item = |k: usize| {
            rows.get(k)
                .is_some_and(|&i| self.compare_rows[i].heading.is_none())
        };
        let s = self.compare.scroll.selected;
        if is_item(s) {
            return;
        }
        let ahead = (s + 1..rows.len()).find(|&k| is_item(k));
        let behind = (0..s).rev().find(|&k| is_item(k));
        let pick = if forward {
            ahead.or(behind)
        } else {
            behind.or(ahead)
        };
        if let Some(k) = pick {
            self.compare.scroll.selected = k;
        }
    }

    /// Select the first item of the next (or previous) Compare section.
    fn jump_section(&mut self, forward: bool) {
        let rows = &self.compare.rows;
        let is_heading = |k: usize| self.compare_rows[rows[k]].heading.is_some();
        let s = self
            .compare
            .scroll
            .selected
            .min(rows.len().saturating_sub(1));
        // the heading of the current section, then the one after or before it
        let here = (0..=s).rev().find(|&k| k < rows.len() && is_heading(k));
        let target = if forward {
            (s + 1..rows.len()).find(|&k| is_heading(k))
        } else {
            here.and_then(|h| (0..h).rev().find(|&k| is_heading(k)))
        };
        let Some(h) = target else {
            self.status = Some(
                if forward {
                    "last section"
                } else {
                    "first section"
                }
                .to_owned(),
            );
            return;
        };
        let first_item = (h + 1..rows.len()).take_while(|&k| !is_heading(k)).next();
        match first_item {
            Some(k) => self.compare.scroll.selected = k,
            None => {
                self.compare.scroll.selected = h;
                self.skip_headings(forward);
            }
        }
    }

    fn rebuild_compare(&mut self) {
        self.compare_rows = match self.pair() {
            Some(_) => {
                let p = self.data.pairs[self.pair];
                data::compare_rows(&self.data, p, self.swapped)
            }
            None => Vec::new(),
        };
        self.compare.scroll.reset();
        self.refilter(Tab::Compare);
        self.skip_headings(true);
    }

    /// Recompute which rows of `tab` pass its search and the source filter.
    fn refilter(&mut self, tab: Tab) {
        let q = norm(&self.queries[tab.index()]);
        let hit = |hay: &str| q.is_empty() || hay.contains(&q);
        let src = self.source;
        match tab {
            Tab::Overview => {
                let rows = (0..self.data.articles().len())
                    .filter(|&i| hit(&self.data.card_haystacks[i]))
                    .collect();
                self.cards.set_rows(rows);
            }
            Tab::Facts => {
                let rows = self
                    .data
                    .facts
                    .iter()
                    .enumerate()
                    .filter(|(_, f)| src.is_none_or(|s| f.sources.iter().any(|l| l.article == s)))
                    .filter(|(_, f)| hit(&f.haystack))
                    .map(|(i, _)| i)
                    .collect();
                self.facts.set_rows(rows);
            }
            Tab::People => {
                let rows = self
                    .data
                    .people
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| {
                        src.is_none_or(|s| {
                            p.quotes_per_source[s] > 0 || p.first.is_some_and(|f| f.article == s)
                        })
                    })
                    .filter(|(_, p)| hit(&p.haystack))
                    .map(|(i, _)| i)
                    .collect();
                let before = self.people.current();
                self.people.set_rows(rows);
                if self.people.current() != before {
                    self.quotes.reset();
                }
            }
            Tab::Claims => {
                let rows = self
                    .data
                    .claims
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| src.is_none_or(|s| c.sources.contains(&s)))
                    .filter(|(_, c)| hit(&c.haystack))
                    .map(|(i, _)| i)
                    .collect();
                self.claims.set_rows(rows);
            }
            Tab::Compare => {
                let rows = self
                    .compare_rows
                    .iter()
                    .enumerate()
                    .filter(|(_, r)| !(self.differences_only && r.shared))
                    .filter(|(_, r)| q.is_empty() || r.heading.is_none() && r.haystack.contains(&q))
                    .map(|(i, _)| i)
                    .collect();
                self.compare.set_rows(rows);
                self.skip_headings(true);
            }
            Tab::Read => {}
        }
    }

    /// After typing, bring the first match into view (the Read tab has no filter).
    fn first_match(&mut self) {
        if self.tab == Tab::Read {
            self.read.cursor = None;
            self.find_in_read(true, true);
        }
    }

    fn next_match(&mut self, forward: bool) {
        if self.query().is_empty() {
            self.status = Some("no search yet: press / and type".to_owned());
            return;
        }
        let q = norm(self.query());
        let found = match self.tab {
            Tab::Read => self.find_in_read(forward, false),
            Tab::Overview => step(&mut self.cards, forward, |i| {
                self.data.card_haystacks[i].contains(&q)
            }),
            Tab::Facts => step(&mut self.facts, forward, |i| {
                self.data.facts[i].haystack.contains(&q)
            }),
            Tab::People => {
                let r = step(&mut self.people, forward, |i| {
                    self.data.people[i].haystack.contains(&q)
                });
                self.quotes.reset();
                r
            }
            Tab::Claims => step(&mut self.claims, forward, |i| {
                self.data.claims[i].haystack.contains(&q)
            }),
            Tab::Compare => step(&mut self.compare, forward, |i| {
                self.compare_rows[i].haystack.contains(&q)
            }),
        };
        if !found {
            self.status = Some(format!("no match for “{}”", self.query()));
        }
    }

    /// Move the Read tab's cursor to the next (or previous) sentence containing the query.
    fn find_in_read(&mut self, forward: bool, include_current: bool) -> bool {
        let q = norm(self.query());
        let Some(a) = self.data.articles().get(self.read.article) else {
            return false;
        };
        let n = a.sentences.len();
        if n == 0 || q.is_empty() {
            return false;
        }
        let start = self.read.cursor;
        let order: Vec<usize> = match (start, forward) {
            (None, _) => (0..n).collect(),
            (Some(s), true) => {
                let from = if include_current { s } else { s + 1 };
                (from..n).chain(0..from.min(n)).collect()
            }
            (Some(s), false) => (0..s).rev().chain((s..n).rev()).collect(),
        };
        let hit = order
            .into_iter()
            .find(|&i| norm(&a.sentences[i].text).contains(&q));
        if let Some(i) = hit {
            self.read.cursor = Some(i);
            self.read.scroll_to.set(Some(i));
            true
        } else {
            false
        }
    }
}

/// Daily use: the Overview's card grid, load warnings, verdicts and mouse clicks.
impl App {
    /// The footer message that announces load problems.
    fn warnings_status(&self) -> Option<String> {
        let first = self.warnings.first()?;
        let n = self.warnings.len();
        Some(if n == 1 {
            format!("{first} · w lists it")
        } else {
            format!("{first} · and {} more · w lists them", n - 1)
        })
    }

    /// With the warnings open, movement scrolls them and Esc or `w` closes them.
    fn update_warnings(&mut self, action: Action) -> bool {
        let Some(view) = self.warnings_view.as_mut() else {
            return false;
        };
        let len = self.warnings.len().max(1);
        match action {
            Action::Warnings | Action::Back => self.warnings_view = None,
            a if view.apply(a, len) => {}
            Action::Quit | Action::Resize(..) => return false,
            a if is_tab_switch(a) => {
                self.warnings_view = None;
                return false;
            }
            _ => {}
        }
        true
    }

    /// Up and Down in the card grid move by a row of cards; Down from the last row goes to
    /// the chart below it.
    fn move_cards(&mut self, a: Action) {
        let n = self.cards.rows.len();
        let cols = self.card_cols.get().max(1);
        let s = self.cards.scroll.selected.min(n.saturating_sub(1));
        match a {
            Action::Up if n > 0 => self.cards.scroll.selected = s.saturating_sub(cols),
            Action::Down if n > 0 => {
                if s + cols < n {
                    self.cards.scroll.selected = s + cols;
                } else if s / cols < (n - 1) / cols {
                    self.cards.scroll.selected = n - 1;
                } else if !self.data.bars.is_empty() {
                    self.overview_focus = Focus::Right;
                }
            }
            _ => {
                self.cards.scroll.apply(a, n);
            }
        }
    }

    /// Left and Right in the card grid move along the row; on the chart they do nothing
    /// (it has no neighbour to either side).
    fn move_cards_across(&mut self, f: Focus) {
        if self.overview_focus == Focus::Right {
            return;
        }
        let n = self.cards.rows.len();
        let cols = self.card_cols.get().max(1);
        let s = self.cards.scroll.selected.min(n.saturating_sub(1));
        match f {
            Focus::Left if !s.is_multiple_of(cols) => self.cards.scroll.selected = s - 1,
            Focus::Right if !(s + 1).is_multiple_of(cols) && s + 1 < n => {
                self.cards.scroll.selected = s + 1;
            }
            _ => {}
        }
    }

    /// A left click on a row selects it (and focuses its pane); a click on the selected row
    /// opens it, as Enter does.
    fn click(&mut self, x: u16, y: u16) {
        if y == 0 {
            if let Some(i) = super::ui::tab_at(self.size.0, x) {
                self.update(Action::ClickTab(i));
            }
            return;
        }
        let hit = self
            .hits
            .borrow()
            .iter()
            .find(|h| {
                x >= h.area.x
                    && x < h.area.x + h.area.width
                    && y >= h.area.y
                    && y < h.area.y + h.area.height
            })
            .map(|h| h.target);
        let Some(target) = hit else {
            return;
        };
        let again = match target {
            Target::Card(i) => select(
                &mut self.cards.scroll,
                &mut self.overview_focus,
                i,
                Focus::Left,
            ),
            Target::Chart(i) => select(&mut self.chart, &mut self.overview_focus, i, Focus::Right),
            Target::Fact(i) => {
                let mut f = Focus::Left;
                select(&mut self.facts.scroll, &mut f, i, Focus::Left)
            }
            Target::Person(i) => {
                let again = select(
                    &mut self.people.scroll,
                    &mut self.people_focus,
                    i,
                    Focus::Left,
                );
                if !again {
                    self.quotes.reset();
                }
                again
            }
            Target::Quote(i) => select(&mut self.quotes, &mut self.people_focus, i, Focus::Right),
            Target::Claim(i) => {
                let pane = self.claims_focus;
                select(&mut self.claims.scroll, &mut self.claims_focus, i, pane)
            }
            Target::Compare(i) => {
                let pane = self.compare_focus;
                select(&mut self.compare.scroll, &mut self.compare_focus, i, pane)
            }
        };
        if again {
            self.open();
        }
    }

    /// The fact, quote or claim selected now, as a verdict names it.
    pub fn selected_item(&self) -> Option<Item> {
        let articles = self.data.articles();
        match self.tab {
            Tab::Facts => {
                let row = &self.data.facts[self.facts.current()?];
                let loc = row
                    .sources
                    .iter()
                    .find(|l| self.source.is_none_or(|s| s == l.article))
                    .or(row.sources.first())?;
                Some(Item {
                    article: articles.get(loc.article)?.id.clone(),
                    kind: ItemKind::Fact,
                    sentence: loc.sentence,
                    text: row.text.clone(),
                })
            }
            Tab::People if self.people_focus == Focus::Right => {
                let q = *self.person_quotes().get(self.quotes.selected)?;
                let a = articles.get(q.article)?;
                let quote = a.quotes.get(q.index)?;
                Some(Item {
                    article: a.id.clone(),
                    kind: ItemKind::Quote,
                    sentence: quote.sentence,
                    text: quote.text.clone(),
                })
            }
            Tab::Claims => {
                let row = &self.data.claims[self.claims.current()?];
                let a = articles.get(row.article)?;
                let pick = match self.claims_focus {
                    Focus::Left => row.claim.or(row.denial),
                    Focus::Right => row.denial.or(row.claim),
                };
                let c = a.claims.get(pick?)?;
                Some(Item {
                    article: a.id.clone(),
                    kind: ItemKind::Claim,
                    sentence: c.sentence,
                    text: c.text.clone(),
                })
            }
            _ => None,
        }
    }

    /// The verdict on the selected item, if it has one.
    pub fn selected_verdict(&self) -> Option<&Verdict> {
        self.verdicts.get(&self.selected_item()?)
    }

    /// The verdict on the quote `index` of `article`, if it has one.
    pub fn quote_verdict(&self, article: usize, index: usize) -> Option<&Verdict> {
        let a = self.data.articles().get(article)?;
        let q = a.quotes.get(index)?;
        self.verdicts.get(&Item {
            article: a.id.clone(),
            kind: ItemKind::Quote,
            sentence: q.sentence,
            text: q.text.clone(),
        })
    }

    /// The verdict on a Key facts row, given on any source that states it.
    pub fn fact_verdict(&self, row: usize) -> Option<&Verdict> {
        if self.verdicts.is_empty() {
            return None;
        }
        let f = self.data.facts.get(row)?;
        f.sources.iter().find_map(|l| {
            self.verdicts.get(&Item {
                article: self.data.articles().get(l.article)?.id.clone(),
                kind: ItemKind::Fact,
                sentence: l.sentence,
                text: f.text.clone(),
            })
        })
    }

    /// The verdict on a claim of `article`, if it has one.
    pub fn claim_verdict(&self, article: usize, claim: &crate::model::Claim) -> Option<&Verdict> {
        if self.verdicts.is_empty() {
            return None;
        }
        self.verdicts.get(&Item {
            article: self.data.articles().get(article)?.id.clone(),
            kind: ItemKind::Claim,
            sentence: claim.sentence,
            text: claim.text.clone(),
        })
    }

    fn no_item_status(&mut self) {
        self.status = Some(match self.tab {
            Tab::People => "select a quote first (→ moves to the quotes)".to_owned(),
            Tab::Facts | Tab::Claims => "nothing selected".to_owned(),
            _ => "verdicts are given on facts, quotes and claims".to_owned(),
        });
    }

    /// `v`: verified → disputed → false → none, saved at once.
    fn cycle_verdict(&mut self) {
        let Some(item) = self.selected_item() else {
            self.no_item_status();
            return;
        };
        let mark = Mark::cycle(self.verdicts.get(&item).map(|v| v.verdict));
        let what = item.kind.label();
        self.verdicts.set(item, mark);
        let done = match mark {
            Some(m) => format!("{what} marked {} {}", m.sign(), m.label()),
            None => format!("verdict on this {what} removed"),
        };
        self.save_verdicts(done);
    }

    /// `V`: type a note for the selected item's verdict.
    fn start_note(&mut self) {
        let Some(item) = self.selected_item() else {
            self.no_item_status();
            return;
        };
        let old = self.verdicts.get(&item).and_then(|v| v.note.clone());
        self.note = Some(old.unwrap_or_default());
        self.typing = true;
    }

    fn update_note(&mut self, action: Action) -> bool {
        let Some(note) = self.note.as_mut() else {
            return false;
        };
        match action {
            Action::SearchInput(c) => note.push(c),
            Action::SearchDelete => {
                note.pop();
            }
            Action::SearchDone => {
                let text = self.note.take().unwrap_or_default();
                self.typing = false;
                if let Some(item) = self.selected_item() {
                    self.verdicts.set_note(item, &text);
                    self.save_verdicts("note written".to_owned());
                }
            }
            Action::SearchClear => {
                self.note = None;
                self.typing = false;
            }
            _ => return false,
        }
        true
    }

    /// Write the sidecar; the footer says what happened.
    fn save_verdicts(&mut self, done: String) {
        self.status = Some(match &self.verdicts_path {
            None => format!("{done} (kept for this session: no place to save verdicts)"),
            Some(p) => match self.verdicts.save(p) {
                Ok(()) => done,
                Err(e) => format!("{done}, but could not save {}: {e}", p.display()),
            },
        });
    }
}

/// Select row `i` of a list and focus its pane; true when it was selected and focused already.
fn select(scroll: &mut Scroll, focus: &mut Focus, i: usize, pane: Focus) -> bool {
    let again = scroll.selected == i && *focus == pane;
    scroll.selected = i;
    *focus = pane;
    again
}

/// Select the next (or previous) row of `list` for which `hit` holds, wrapping around.
fn step(list: &mut Filtered, forward: bool, hit: impl Fn(usize) -> bool) -> bool {
    let n = list.rows.len();
    if n == 0 {
        return false;
    }
    let s = list.scroll.selected.min(n - 1);
    for k in 1..=n {
        let i = if forward {
            (s + k) % n
        } else {
            (s + n - k % n) % n
        };
        if hit(list.rows[i]) {
            list.scroll.selected = i;
            return true;
        }
    }
    false
}

fn is_tab_switch(a: Action) -> bool {
    matches!(
        a,
        Action::NextTab
            | Action::PrevTab
            | Action::TabOverview
            | Action::TabFacts
            | Action::TabPeople
            | Action::TabClaims
            | Action::TabCompare
            | Action::TabRead
            | Action::ClickTab(_)
    )
}

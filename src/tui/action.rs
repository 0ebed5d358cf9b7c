//! Everything the dashboard can be asked to do. Keys, the mouse and tests all speak in
//! [`Action`]s; [`crate::tui::app::App::update`] is the only place that acts on them.

use serde::{Deserialize, Serialize};

/// One user intent. The unit variants are bindable by name (snake_case) in the keymap; the
/// variants with data come from typing in the search line, the mouse or the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Quit,
    Help,
    NextTab,
    PrevTab,
    TabOverview,
    TabFacts,
    TabPeople,
    TabClaims,
    TabCompare,
    TabRead,
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
    HalfPageDown,
    HalfPageUp,
    FocusLeft,
    FocusRight,
    /// Jump to the selected item's sentence in the Read tab (or open the selected card).
    Open,
    /// Close an overlay, clear a filter, or come back from a jump.
    Back,
    Search,
    NextMatch,
    PrevMatch,
    /// Search line: keep the filter and stop typing.
    SearchDone,
    /// Search line: drop the filter and stop typing.
    SearchClear,
    SearchDelete,
    PrevPair,
    NextPair,
    Swap,
    /// Compare: hide or show the shared material, keeping only the differences.
    DifferencesOnly,
    /// Compare: jump to the next or previous section.
    NextSection,
    PrevSection,
    CycleSource,
    ToggleBoilerplate,
    PrevArticle,
    NextArticle,
    /// List the problems met while loading.
    Warnings,
    /// Mark the selected fact, quote or claim: verified → disputed → false → none.
    Verdict,
    /// Write a note on the selected item's verdict.
    VerdictNote,
    /// A typed character while the search line is open.
    SearchInput(char),
    /// Mouse: a click on a tab title (0-based).
    ClickTab(usize),
    /// Mouse: a left click at (column, row).
    Click(u16, u16),
    ScrollUp,
    ScrollDown,
    Resize(u16, u16),
}

impl Action {
    /// The name used in keymaps and the help overlay.
    pub fn name(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_else(|| format!("{self:?}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_snake_case_and_round_trip() {
        assert_eq!(Action::HalfPageDown.name(), "half_page_down");
        let a: Action = serde_json::from_str("\"toggle_boilerplate\"").unwrap();
        assert_eq!(a, Action::ToggleBoilerplate);
        assert!(serde_json::from_str::<Action>("\"no_such\"").is_err());
    }
}

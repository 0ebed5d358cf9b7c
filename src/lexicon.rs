//! Word lists and rule tables from `assets/`, embedded in the binary and parsed on first use.
//!
//! Each asset is a TOML file read with serde into a typed table; each table is built once
//! (`LazyLock`) and only when a stage that needs it runs, so start-up pays for nothing unused.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Deserialize;
use serde::de::DeserializeOwned;

/// The text of a file in `assets/`, embedded at compile time.
macro_rules! asset {
    ($name:literal) => {
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/", $name))
    };
}
pub(crate) use asset;

/// Parse an embedded asset. The assets are part of the program and a test parses every one,
/// so a failure here is a build defect, never a reaction to user input.
pub fn parse<T: DeserializeOwned>(name: &str, text: &str) -> T {
    match toml::from_str(text) {
        Ok(v) => v,
        Err(e) => panic!("assets/{name} is invalid: {e}"),
    }
}

/// Months, weekdays and time zones.
#[derive(Debug, Deserialize)]
pub struct Calendar {
    months: Vec<Vec<String>>,
    weekdays: Vec<Vec<String>>,
    timezones: HashMap<String, String>,
    #[serde(skip)]
    month_index: HashMap<String, u32>,
    #[serde(skip)]
    weekday_index: HashMap<String, u32>,
}

impl Calendar {
    /// 1..=12 for a month name or abbreviation (any case).
    pub fn month(&self, word: &str) -> Option<u32> {
        self.month_index
            .get(word.to_ascii_lowercase().trim_end_matches('.'))
            .copied()
    }

    /// Every month name and abbreviation.
    pub fn month_words(&self) -> impl Iterator<Item = &str> {
        self.months.iter().flatten().map(String::as_str)
    }

    /// 0 (Monday) ..= 6 (Sunday) for a weekday name or abbreviation (any case).
    pub fn weekday(&self, word: &str) -> Option<u32> {
        self.weekday_index
            .get(word.to_ascii_lowercase().trim_end_matches('.'))
            .copied()
    }

    /// The full weekday name for 0 (Monday) ..= 6.
    pub fn weekday_name(&self, n: u32) -> Option<&str> {
        self.weekdays.get(n as usize)?.first().map(String::as_str)
    }

    /// Every time-zone abbreviation with a known offset.
    pub fn timezone_names(&self) -> impl Iterator<Item = &str> {
        self.timezones.keys().map(String::as_str)
    }

    /// The UTC offset (`Z`, `+01:00`) of a time-zone abbreviation, if it is unambiguous.
    pub fn timezone(&self, abbr: &str) -> Option<&str> {
        self.timezones.get(abbr).map(String::as_str)
    }
}

pub static CALENDAR: LazyLock<Calendar> = LazyLock::new(|| {
    let mut c: Calendar = parse("calendar.toml", asset!("calendar.toml"));
    for (i, names) in c.months.iter().enumerate() {
        for n in names {
            c.month_index.insert(n.clone(), i as u32 + 1);
        }
    }
    for (i, names) in c.weekdays.iter().enumerate() {
        for n in names {
            c.weekday_index.insert(n.clone(), i as u32);
        }
    }
    c
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_knows_months_and_weekdays() {
        assert_eq!(CALENDAR.month("Sept."), Some(9));
        assert_eq!(CALENDAR.month("DECEMBER"), Some(12));
        assert_eq!(CALENDAR.month("Mayday"), None);
        assert_eq!(CALENDAR.weekday("Tuesday"), Some(1));
        assert_eq!(CALENDAR.weekday_name(6), Some("sunday"));
        assert_eq!(CALENDAR.timezone("GMT"), Some("Z"));
        assert_eq!(CALENDAR.timezone("ET"), None);
    }
}

//! The places the people analysis asks about (demonyms, countries, capitals), answered by the
//! gazetteer.

/// Is `word` a demonym ("Russian", "Ukrainians")?
pub fn is_demonym(_word: &str) -> bool {
    false
}

/// Is `name` a known place (country, capital, region)?
pub fn is_place(_name: &str) -> bool {
    false
}

/// The country a demonym, country name or capital stands for.
pub fn country_for(_word: &str) -> Option<&'static str> {
    None
}

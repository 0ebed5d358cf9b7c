//! The world gazetteer: countries, capitals, demonyms, territories, regions, continents, first-level
//! subdivisions and supranational bodies, from `assets/gazetteer.toml`.
//!
//! Every name, alias, capital and demonym is indexed once (`LazyLock`) in a hash map keyed by
//! its tokens joined with single spaces, so a lookup is one hash probe. Names are
//! case-sensitive as news copy prints them: "Turkey" is a country, "turkey" is not. A possessive
//! is the caller's business: the tokenizer already splits "Russia's" into "Russia" + "'s".
//!
//! ```
//! use crossread::gazetteer::{self, PlaceKind};
//! assert_eq!(gazetteer::country_for("Ukrainians"), Some("Ukraine"));
//! assert_eq!(gazetteer::country_for("Kiev"), Some("Ukraine"));
//! assert_eq!(gazetteer::place_kind("Kyiv"), Some(PlaceKind::Capital));
//! assert_eq!(gazetteer::canonical("U.S."), Some("United States"));
//! assert!(gazetteer::is_demonym("Britons"));
//! ```

use std::sync::LazyLock;

use serde::Deserialize;

use crate::analyse::facts::{FastMap, KeyBuf};
use crate::analyse::tokens::{Token, tokenize};
use crate::lexicon::{asset, parse};

/// What a gazetteer entry names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    /// A sovereign state (UN members and observers, Taiwan, Kosovo).
    Country,
    /// A capital (or seat of government) of a country or territory.
    Capital,
    /// A dependent, autonomous or disputed territory, or a constituent country ("Scotland").
    Territory,
    /// A state that no longer exists ("Soviet Union", "Yugoslavia").
    Former,
    /// A first-level subdivision: US state, Canadian province, Australian state.
    State,
    /// A world region, sea or strait ("Middle East", "Balkans", "Black Sea").
    Region,
    Continent,
    /// A supranational or intergovernmental body ("EU", "Nato", "UN"): an organisation.
    Body,
}

impl PlaceKind {
    pub fn label(self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::Capital => "capital",
            PlaceKind::Territory => "territory",
            PlaceKind::Former => "former state",
            PlaceKind::State => "state",
            PlaceKind::Region => "region",
            PlaceKind::Continent => "continent",
            PlaceKind::Body => "body",
        }
    }

    /// Bodies are organisations; every other kind is a place on the map.
    pub fn is_place(self) -> bool {
        self != PlaceKind::Body
    }
}

/// One gazetteer entry, under its canonical name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The canonical name ("United States", "Kyiv", "NATO").
    pub name: String,
    pub kind: PlaceKind,
    /// The country it belongs to: itself for a country, the state for a capital, state or
    /// territory where that is uncontested; `None` for regions, continents and bodies.
    pub country: Option<String>,
}

/// What a looked-up word or phrase is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub place: &'static Place,
    /// The word is a demonym ("Ukrainian", "Britons"), not a name of the place.
    pub demonym: bool,
}

#[derive(Deserialize)]
struct Named {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    demonyms: Vec<String>,
    /// One list per city: its spellings, the preferred first.
    #[serde(default)]
    capitals: Vec<Vec<String>>,
    #[serde(default)]
    of: Option<String>,
}

#[derive(Deserialize)]
struct Subdivisions {
    country: String,
    names: Vec<Vec<String>>,
}

#[derive(Deserialize)]
struct Body {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
}

#[derive(Deserialize)]
struct Asset {
    countries: Vec<Named>,
    territories: Vec<Named>,
    former: Vec<Named>,
    continents: Vec<Named>,
    regions: Vec<Named>,
    subdivisions: Vec<Subdivisions>,
    bodies: Vec<Body>,
}

struct Gazetteer {
    places: Vec<Place>,
    /// Normalised name → (index into `places`, is a demonym).
    index: FastMap<String, (u32, bool)>,
    /// First token of every multi-token key → the most tokens a key starting with it has.
    longest: FastMap<String, usize>,
}

/// A name's tokens joined with single spaces: the form keys and lookups share.
fn normalise(name: &str) -> String {
    let tokens = tokenize(name);
    join(name, &tokens)
}

fn join(text: &str, tokens: &[Token]) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, t) in tokens.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(t.text(text));
    }
    out
}

impl Gazetteer {
    fn build(asset: Asset) -> Gazetteer {
        let mut g = Gazetteer {
            places: Vec::new(),
            index: FastMap::default(),
            longest: FastMap::default(),
        };
        // Order decides ties: a country's name beats a subdivision's ("Georgia"), a capital
        // beats a state ("Washington").
        for c in &asset.countries {
            g.add_named(c, PlaceKind::Country, Some(c.name.clone()));
        }
        for t in &asset.territories {
            g.add_named(t, PlaceKind::Territory, t.of.clone());
        }
        for f in &asset.former {
            g.add_named(f, PlaceKind::Former, Some(f.name.clone()));
        }
        for s in &asset.subdivisions {
            for names in &s.names {
                let Some((name, aliases)) = names.split_first() else {
                    continue;
                };
                let i = g.push(name, PlaceKind::State, Some(s.country.clone()));
                for a in aliases {
                    g.key(a, i, false);
                }
            }
        }
        for c in &asset.continents {
            g.add_named(c, PlaceKind::Continent, None);
        }
        for r in &asset.regions {
            g.add_named(r, PlaceKind::Region, None);
        }
        for b in &asset.bodies {
            let i = g.push(&b.name, PlaceKind::Body, None);
            for a in &b.aliases {
                g.key(a, i, false);
            }
        }
        g
    }

    fn add_named(&mut self, n: &Named, kind: PlaceKind, country: Option<String>) {
        // A territory without an uncontested sovereign stands for itself.
        let country = country.or_else(|| (kind == PlaceKind::Territory).then(|| n.name.clone()));
        let i = self.push(&n.name, kind, country.clone());
        for a in &n.aliases {
            self.key(a, i, false);
        }
        for d in &n.demonyms {
            self.key(d, i, true);
        }
        for spellings in &n.capitals {
            // "Luxembourg", "Singapore": a city that shares the country's name is the country.
            let Some(city) = spellings.first().filter(|c| self.entry(c).is_none()) else {
                continue;
            };
            let ci = self.push(city, PlaceKind::Capital, country.clone());
            for other in &spellings[1..] {
                self.key(other, ci, false);
            }
        }
    }

    fn push(&mut self, name: &str, kind: PlaceKind, country: Option<String>) -> u32 {
        let i = self.places.len() as u32;
        self.places.push(Place {
            name: name.to_owned(),
            kind,
            country,
        });
        self.key(name, i, false);
        i
    }

    fn key(&mut self, name: &str, place: u32, demonym: bool) {
        let key = normalise(name);
        let n = key.split(' ').count();
        if n > 1
            && let Some(first) = key.split(' ').next()
        {
            let m = self.longest.entry(first.to_owned()).or_insert(1);
            *m = (*m).max(n);
        }
        self.index.entry(key).or_insert((place, demonym));
    }

    fn entry(&self, name: &str) -> Option<(u32, bool)> {
        match self.index.get(name) {
            Some(&e) => Some(e),
            // "People's Republic of China": keys are stored in their tokenized form
            None if name.contains(|c: char| !c.is_alphanumeric()) => {
                self.index.get(&normalise(name)).copied()
            }
            None => None,
        }
    }

    fn lookup(&'static self, name: &str) -> Option<Hit> {
        self.entry(name).map(|(i, demonym)| Hit {
            place: &self.places[i as usize],
            demonym,
        })
    }
}

/// Build the gazetteer now (see [`crate::analyse::warm_up`]).
pub fn warm_up() {
    LazyLock::force(&GAZETTEER);
}

static GAZETTEER: LazyLock<Gazetteer> =
    LazyLock::new(|| Gazetteer::build(parse("gazetteer.toml", asset!("gazetteer.toml"))));

/// Look up a name, alias, capital or demonym ("U.S.", "Kyiv", "Ukrainians", "Nato").
pub fn lookup(name: &str) -> Option<Hit> {
    GAZETTEER.lookup(name)
}

/// The canonical country for a country name or alias, demonym (singular or plural), capital,
/// state, territory or former state: "Ukrainian" → "Ukraine", "Kyiv" → "Ukraine", "Britons" → "United
/// Kingdom", "Texas" → "United States". `None` for regions, continents, bodies and unknown
/// words.
pub fn country_for(word: &str) -> Option<&'static str> {
    lookup(word)?.place.country.as_deref()
}

/// The canonical name of any entry: "U.S." → "United States", "Kiev" → "Kyiv", "Nato" →
/// "NATO", "Ukrainians" → "Ukraine".
pub fn canonical(name: &str) -> Option<&'static str> {
    Some(lookup(name)?.place.name.as_str())
}

/// What a name (not a demonym) denotes: `place_kind("Kyiv") == Some(PlaceKind::Capital)`.
pub fn place_kind(name: &str) -> Option<PlaceKind> {
    lookup(name).filter(|h| !h.demonym).map(|h| h.place.kind)
}

/// Is `word` a demonym ("Ukrainian", "Ukrainians", "British", "European")?
pub fn is_demonym(word: &str) -> bool {
    lookup(word).is_some_and(|h| h.demonym)
}

/// The longest gazetteer entry that starts at `tokens[0]` of `text`, with the number of tokens
/// it spans: for scanning tokenized text ("United States" is two tokens, "U.S." one).
pub fn match_tokens(text: &str, tokens: &[Token]) -> Option<(usize, Hit)> {
    let g = &*GAZETTEER;
    let first = tokens.first()?.text(text);
    let most = g.longest.get(first).copied().unwrap_or(1).min(tokens.len());
    for n in (2..=most).rev() {
        let mut key = KeyBuf::default();
        key.push(first);
        for t in &tokens[1..n] {
            key.push(" ");
            key.push(t.text(text));
        }
        if let Some(&(i, demonym)) = key.as_str().and_then(|k| g.index.get(k)) {
            return Some((
                n,
                Hit {
                    place: &g.places[i as usize],
                    demonym,
                },
            ));
        }
    }
    g.index.get(first).map(|&(i, demonym)| {
        (
            1,
            Hit {
                place: &g.places[i as usize],
                demonym,
            },
        )
    })
}

/// Every entry of one kind, by canonical name.
pub fn places_of_kind(kind: PlaceKind) -> impl Iterator<Item = &'static Place> {
    GAZETTEER.places.iter().filter(move |p| p.kind == kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_aliases_demonyms_and_capitals_resolve() {
        for (word, country) in [
            ("Ukraine", "Ukraine"),
            ("Ukrainian", "Ukraine"),
            ("Ukrainians", "Ukraine"),
            ("Kyiv", "Ukraine"),
            ("Kiev", "Ukraine"),
            ("Moscow", "Russia"),
            ("Russian", "Russia"),
            ("Russian Federation", "Russia"),
            ("U.S.", "United States"),
            ("US", "United States"),
            ("USA", "United States"),
            ("America", "United States"),
            ("Americans", "United States"),
            ("Washington", "United States"),
            ("UK", "United Kingdom"),
            ("Britain", "United Kingdom"),
            ("Britons", "United Kingdom"),
            ("British", "United Kingdom"),
            ("Scottish", "United Kingdom"),
            ("Chinese", "China"),
            ("Beijing", "China"),
            ("People's Republic of China", "China"),
            ("Taiwanese", "Taiwan"),
            ("Kosovo", "Kosovo"),
            ("Palestinians", "Palestine"),
            ("Hong Kong", "Hong Kong"),
            ("Filipinos", "Philippines"),
            ("Ivory Coast", "Côte d'Ivoire"),
            ("Burma", "Myanmar"),
            ("Türkiye", "Turkey"),
            ("Dutch", "Netherlands"),
            ("The Hague", "Netherlands"),
            ("Texas", "United States"),
            ("Calif.", "United States"),
            ("Ontario", "Canada"),
            ("USSR", "Soviet Union"),
            ("Soviet", "Soviet Union"),
        ] {
            assert_eq!(country_for(word), Some(country), "{word}");
        }
    }

    #[test]
    fn lookups_are_case_sensitive_and_reject_unknown_words() {
        assert_eq!(country_for("turkey"), None);
        assert_eq!(country_for("china"), None);
        assert_eq!(country_for("Pizza"), None);
        assert_eq!(country_for(""), None);
        assert_eq!(country_for("Europe"), None);
        assert_eq!(country_for("NATO"), None);
    }

    #[test]
    fn kinds() {
        assert_eq!(place_kind("Ukraine"), Some(PlaceKind::Country));
        assert_eq!(place_kind("Kyiv"), Some(PlaceKind::Capital));
        assert_eq!(place_kind("Kiev"), Some(PlaceKind::Capital));
        assert_eq!(place_kind("Washington"), Some(PlaceKind::Capital));
        assert_eq!(place_kind("Georgia"), Some(PlaceKind::Country));
        assert_eq!(place_kind("Ohio"), Some(PlaceKind::State));
        assert_eq!(place_kind("Middle East"), Some(PlaceKind::Region));
        assert_eq!(place_kind("Balkans"), Some(PlaceKind::Region));
        assert_eq!(place_kind("Africa"), Some(PlaceKind::Continent));
        assert_eq!(place_kind("Scotland"), Some(PlaceKind::Territory));
        assert_eq!(place_kind("Nato"), Some(PlaceKind::Body));
        assert_eq!(place_kind("EU"), Some(PlaceKind::Body));
        assert_eq!(place_kind("United Nations"), Some(PlaceKind::Body));
        assert_eq!(place_kind("Luxembourg"), Some(PlaceKind::Country));
        assert_eq!(place_kind("Yugoslavia"), Some(PlaceKind::Former));
        // a former state's capital that is still a capital stays today's
        assert_eq!(country_for("Moscow"), Some("Russia"));
        // a demonym is not a place name
        assert_eq!(place_kind("Ukrainian"), None);
    }

    #[test]
    fn demonyms_and_canonical_names() {
        assert!(is_demonym("Ukrainian"));
        assert!(is_demonym("Ukrainians"));
        assert!(is_demonym("European"));
        assert!(!is_demonym("Ukraine"));
        assert!(!is_demonym("Kyiv"));
        assert_eq!(canonical("Kiev"), Some("Kyiv"));
        assert_eq!(canonical("Nato"), Some("NATO"));
        assert_eq!(canonical("U.N."), Some("United Nations"));
        assert_eq!(canonical("Bogota"), Some("Bogotá"));
        // two cities of one country stay two places
        assert_eq!(canonical("Cape Town"), Some("Cape Town"));
    }

    #[test]
    fn every_un_member_is_listed() {
        // 193 UN members + Holy See + Palestine + Taiwan + Kosovo
        assert_eq!(places_of_kind(PlaceKind::Country).count(), 197);
        assert_eq!(
            places_of_kind(PlaceKind::State)
                .filter(|p| p.country.as_deref() == Some("United States"))
                .count(),
            51
        );
    }

    #[test]
    fn longest_match_over_tokens() {
        let s = "the United States and the U.S.-based group, in New York's heat";
        let toks = tokenize(s);
        let (n, hit) = match_tokens(s, &toks[1..]).expect("United States");
        assert_eq!((n, hit.place.name.as_str()), (2, "United States"));
        let (n, hit) = match_tokens(s, &toks[5..]).expect("U.S.");
        assert_eq!((n, hit.place.name.as_str()), (1, "United States"));
        let ny = toks.iter().position(|t| t.text(s) == "New").expect("New");
        let (n, hit) = match_tokens(s, &toks[ny..]).expect("New York");
        assert_eq!((n, hit.place.kind), (2, PlaceKind::State));
        assert!(match_tokens(s, &toks[0..]).is_none());
    }
}

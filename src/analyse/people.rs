//! The people registry of one article: every person, organisation and group, with the
//! forms of their name, role, affiliation, side and gender, built from the mentions.
//!
//! Mentions merge into one entity when they are the same name, the same surname, or a
//! misspelling of it (string similarity, guarded so that different people never merge).

use std::collections::HashMap;

use super::names::{Gender, LEX, Mention, MentionKind, is_demonym};
use crate::gazetteer::country_for;
use crate::model::{Person, PersonKind};
use crate::text::strip_diacritics;

/// One actor of the article.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub name: String,
    pub aliases: Vec<String>,
    pub kind: PersonKind,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    pub side: Option<String>,
    pub gender: Option<Gender>,
    pub mentions: usize,
    pub first_sentence: usize,
    pub last_sentence: usize,
    /// Quotes attributed to this actor.
    pub quotes: usize,
    /// A title, role, honorific or pronoun shows this is a person.
    pub evidence: bool,
    /// A place standing for its government ("Kyiv said").
    pub place: bool,
}

impl Entity {
    fn new(name: &str, kind: PersonKind, sentence: usize) -> Entity {
        Entity {
            name: name.to_owned(),
            aliases: Vec::new(),
            kind,
            role: None,
            affiliation: None,
            side: None,
            gender: None,
            mentions: 0,
            first_sentence: sentence,
            last_sentence: sentence,
            quotes: 0,
            evidence: false,
            place: false,
        }
    }

    /// The surname key of a person: the last word of the name, folded.
    pub fn surname_key(&self) -> String {
        key(self.name.rsplit(' ').next().unwrap_or(&self.name))
    }

    pub fn add_alias(&mut self, alias: &str) {
        if alias != self.name && !self.aliases.iter().any(|a| a == alias) {
            self.aliases.push(alias.to_owned());
        }
    }

    fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// Fold a name for matching: lower case, no diacritics, no punctuation.
pub fn key(s: &str) -> String {
    if s.is_ascii() {
        return s
            .bytes()
            .filter(|b| b.is_ascii_alphanumeric() || *b == b' ')
            .map(|b| b.to_ascii_lowercase() as char)
            .collect();
    }
    strip_diacritics(s)
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ')
        .flat_map(char::to_lowercase)
        .collect()
}

/// An organisation's key: its words without demonyms, determiners and possessives.
fn org_key(name: &str) -> String {
    name.split_whitespace()
        .filter(|w| !is_demonym(w) && !matches!(*w, "the" | "The"))
        .map(key)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The initials of a multi-word name ("Democratic National Committee" → "dnc").
fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Two spellings of one surname: close by Jaro-Winkler and edit distance, same first letter.
pub fn same_surname_spelling(a: &str, b: &str) -> bool {
    Spelling::of(a).matches(&Spelling::of(b))
}

/// A surname folded for [`same_surname_spelling`], with what its quick rejections need, so
/// that a surname compared against many others is folded and measured only once.
#[derive(Debug, Clone, PartialEq)]
struct Spelling {
    /// The folded surname ([`key`]).
    key: String,
    /// Its length in characters.
    chars: usize,
    /// Its first character.
    first: Option<char>,
}

impl Spelling {
    fn of(s: &str) -> Spelling {
        let key = key(s);
        Spelling {
            chars: key.chars().count(),
            first: key.chars().next(),
            key,
        }
    }

    /// See [`same_surname_spelling`]. The similarity measures run only when the lengths
    /// and first letters allow a match: the edit distance is at least the difference in
    /// length, so a larger difference than the bound can never pass.
    fn matches(&self, other: &Spelling) -> bool {
        if self.key == other.key {
            return true;
        }
        let (la, lb) = (self.chars, other.chars);
        if la.min(lb) < 5 || self.first != other.first {
            return false;
        }
        let bound = 1 + la.max(lb) / 6;
        if la.abs_diff(lb) > bound {
            return false;
        }
        strsim::jaro_winkler(&self.key, &other.key) >= 0.9
            && strsim::levenshtein(&self.key, &other.key) <= bound
    }
}

/// The folded forms of one entity's names, computed once and reused while the mentions are
/// clustered: [`Registry::person`] compares each new mention with every entity so far.
#[derive(Debug)]
struct EntityKeys {
    /// The name these keys were folded from (a fuller form may replace it).
    name: String,
    /// [`key`] of the name, then of each alias.
    names: Vec<String>,
    /// [`key`] of the first word of a multi-word name.
    first: Option<String>,
    /// [`Entity::surname_key`].
    surname: String,
    /// [`key`] of the last word of each alias.
    alias_surnames: Vec<String>,
    /// The surname as [`same_surname_spelling`] compares it.
    spelling: Spelling,
}

impl EntityKeys {
    fn new(e: &Entity) -> EntityKeys {
        let words: Vec<&str> = e.name.split_whitespace().collect();
        let surname = e.surname_key();
        let mut k = EntityKeys {
            name: e.name.clone(),
            names: vec![key(&e.name)],
            first: (words.len() > 1).then(|| key(words[0])),
            spelling: Spelling::of(&surname),
            surname,
            alias_surnames: Vec::new(),
        };
        k.add_aliases(e);
        k
    }

    /// Fold the aliases added since the last call (aliases are only ever appended).
    fn add_aliases(&mut self, e: &Entity) {
        for a in e.aliases.iter().skip(self.alias_surnames.len()) {
            self.names.push(key(a));
            self.alias_surnames
                .push(key(a.rsplit(' ').next().unwrap_or(a)));
        }
    }

    /// Bring the keys of every entity up to date: new entities, new names, new aliases.
    fn sync(keys: &mut Vec<EntityKeys>, entities: &[Entity]) {
        keys.truncate(entities.len());
        for (i, e) in entities.iter().enumerate() {
            match keys.get_mut(i) {
                Some(k) if k.name == e.name => k.add_aliases(e),
                Some(k) => *k = EntityKeys::new(e),
                None => keys.push(EntityKeys::new(e)),
            }
        }
    }
}

/// The side a mention shows: its demonym, its possessor, or the place itself.
fn side_of(m: &Mention) -> Option<String> {
    let from = |w: &str| country_for(w).map(str::to_owned);
    m.modifier
        .as_deref()
        .and_then(from)
        .or_else(|| m.possessor.as_deref().and_then(from))
        .or_else(|| {
            m.name
                .split_whitespace()
                .next()
                .filter(|w| is_demonym(w))
                .and_then(from)
        })
        .or_else(|| {
            (m.kind == MentionKind::Place)
                .then(|| from(&m.name))
                .flatten()
        })
}

/// The registry: entities and, for each mention, the entity it names.
#[derive(Debug, Default)]
pub struct Registry {
    pub entities: Vec<Entity>,
    pub of_mention: Vec<Option<usize>>,
}

impl Registry {
    /// Cluster the mentions (in text order) into entities.
    pub fn build(mentions: &[Mention]) -> Registry {
        let mut r = Registry::default();
        let mut by_key: HashMap<String, usize> = HashMap::new();
        // a name seen before names the same actor again: most mentions repeat a name
        let mut seen: HashMap<(&str, bool), usize> = HashMap::new();
        // the folded names of the entities, kept in step with them by `person`
        let mut keys: Vec<EntityKeys> = Vec::new();
        for m in mentions {
            let org = m.kind == MentionKind::Organisation;
            let id = match m.kind {
                MentionKind::Place => None,
                _ if seen.contains_key(&(m.name.as_str(), org)) => {
                    seen.get(&(m.name.as_str(), org)).copied()
                }
                MentionKind::Organisation => Some(r.organisation(m, &mut by_key)),
                MentionKind::Person | MentionKind::Unknown => {
                    Some(r.person(m, &mut by_key, &mut keys))
                }
            };
            if let Some(id) = id {
                seen.insert((m.name.as_str(), org), id);
            }
            if let Some(id) = id {
                r.note(id, m);
            }
            r.of_mention.push(id);
        }
        r
    }

    fn organisation(&mut self, m: &Mention, by_key: &mut HashMap<String, usize>) -> usize {
        let k = org_key(&m.name);
        let side = side_of(m);
        let found = self.entities.iter().rposition(|e| {
            e.kind == PersonKind::Organisation && {
                let ek = org_key(&e.name);
                let same = ek == k
                    || e.aliases.iter().any(|a| org_key(a) == k)
                    || (k.len() >= 3
                        && (ek.ends_with(&format!(" {k}")) || k.ends_with(&format!(" {ek}"))))
                    || (!k.contains(' ') && k.len() >= 2 && initials(&e.name) == k)
                    || (!ek.contains(' ') && ek.len() >= 2 && initials(&m.name) == ek);
                same && (side.is_none() || e.side.is_none() || e.side == side)
            }
        });
        match found {
            Some(id) => {
                // prefer the fuller form as the name
                let e = &mut self.entities[id];
                if m.name.split(' ').count() > e.name.split(' ').count()
                    && !m.name.chars().all(|c| c.is_uppercase())
                {
                    let old = std::mem::replace(&mut e.name, m.name.clone());
                    e.add_alias(&old);
                } else {
                    e.add_alias(&m.name);
                }
                id
            }
            None => {
                let id = self.entities.len();
                self.entities
                    .push(Entity::new(&m.name, PersonKind::Organisation, m.sentence));
                by_key.insert(k, id);
                id
            }
        }
    }

    fn person(
        &mut self,
        m: &Mention,
        by_key: &mut HashMap<String, usize>,
        keys: &mut Vec<EntityKeys>,
    ) -> usize {
        let words: Vec<&str> = m.name.split_whitespace().collect();
        let surname = key(words.last().copied().unwrap_or(""));
        let first = (words.len() > 1).then(|| key(words[0]));
        // the same name, or an alias of it
        if let Some(id) = self
            .entities
            .iter()
            .rposition(|e| e.names().any(|n| n == m.name))
        {
            return id;
        }
        EntityKeys::sync(keys, &self.entities);
        // the same surname with a compatible first name
        let compatible = |e: &Entity, k: &EntityKeys| {
            let single_org = e.kind == PersonKind::Organisation
                && words.len() == 1
                && k.names.contains(&surname);
            if e.kind != PersonKind::Person && !single_org {
                return false;
            }
            match (&first, &k.first) {
                (Some(a), Some(b)) => {
                    a == b
                        || (a.len() == 1 && b.starts_with(a.as_str()))
                        || (b.len() == 1 && a.starts_with(b.as_str()))
                }
                _ => true,
            }
        };
        let exact = self
            .entities
            .iter()
            .zip(keys.iter())
            .enumerate()
            .filter(|(_, (e, k))| {
                compatible(e, k) && (k.surname == surname || k.alias_surnames.contains(&surname))
            })
            .max_by_key(|(_, (e, _))| e.last_sentence)
            .map(|(i, _)| i);
        let id = exact.or_else(|| {
            // a misspelling of a known surname: only when exactly one person fits
            let spelling = Spelling::of(&surname);
            let fits: Vec<usize> = self
                .entities
                .iter()
                .zip(keys.iter())
                .enumerate()
                .filter(|(_, (e, k))| {
                    e.kind == PersonKind::Person
                        && compatible(e, k)
                        && k.spelling.matches(&spelling)
                })
                .map(|(i, _)| i)
                .collect();
            (fits.len() == 1).then(|| fits[0])
        });
        match id {
            Some(id) => {
                let e = &mut self.entities[id];
                if words.len() > e.name.split(' ').count() {
                    // a fuller form of a name first seen short ("Putin" … "Vladimir Putin")
                    let old = std::mem::replace(&mut e.name, m.name.clone());
                    e.add_alias(&old);
                } else {
                    e.add_alias(&m.name);
                }
                id
            }
            None => {
                let kind = PersonKind::Person;
                let id = self.entities.len();
                self.entities.push(Entity::new(&m.name, kind, m.sentence));
                by_key.insert(surname, id);
                id
            }
        }
    }

    /// Record what a mention tells about its entity.
    fn note(&mut self, id: usize, m: &Mention) {
        let side = side_of(m);
        let given = m
            .name
            .split_whitespace()
            .next()
            .filter(|_| m.name.contains(' '))
            .and_then(|w| LEX.given_name(w));
        let e = &mut self.entities[id];
        e.mentions += 1;
        e.last_sentence = m.sentence;
        if m.kind == MentionKind::Person && e.kind == PersonKind::Person {
            e.evidence = true;
        }
        if let Some(Some(g)) = given
            && e.gender.is_none()
        {
            e.gender = Some(g);
        }
        if e.gender.is_none()
            && let Some(g) = m.role.as_deref().and_then(|r| LEX.role_gender(r))
        {
            e.gender = Some(g);
        }
        if let Some(t) = &m.title {
            if let Some(g) = LEX
                .honorific(t.trim_end_matches('.'))
                .or_else(|| LEX.honorific(t))
            {
                e.gender = Some(g);
            }
            if e.kind == PersonKind::Person {
                e.evidence = true;
            }
            // an honorific form is an alias ("Mr Smith")
            if LEX.honorific(t).is_some() || LEX.honorific(t.trim_end_matches('.')).is_some() {
                let form = format!("{t} {}", m.name);
                e.add_alias(&form);
            } else if e.role.is_none() {
                e.role = Some(t.to_lowercase());
            }
        }
        if let Some(r) = &m.role {
            if e.role.is_none()
                || e.role
                    .as_deref()
                    .is_some_and(|x| x.len() < r.len() && r.contains(x))
            {
                e.role = Some(r.clone());
            }
            e.evidence |= e.kind == PersonKind::Person;
        }
        if m.kind == MentionKind::Organisation
            && e.kind != PersonKind::Organisation
            && e.mentions == 1
        {
            e.kind = PersonKind::Organisation;
        }
        if e.affiliation.is_none() {
            e.affiliation = m
                .affiliation
                .clone()
                .or_else(|| m.possessor.clone().filter(|p| country_for(p).is_none()));
        }
        if e.side.is_none() {
            e.side = side;
        }
    }

    /// The entity of a place acting for its government ("Kyiv said", "Ukraine says").
    pub fn place_actor(&mut self, name: &str, sentence: usize) -> usize {
        if let Some(id) = self.entities.iter().position(|e| e.place && e.name == name) {
            let e = &mut self.entities[id];
            e.mentions += 1;
            e.last_sentence = e.last_sentence.max(sentence);
            return id;
        }
        let mut e = Entity::new(name, PersonKind::Organisation, sentence);
        e.place = true;
        e.mentions = 1;
        e.side = country_for(name)
            .map(str::to_owned)
            .or_else(|| Some(name.to_owned()));
        self.entities.push(e);
        self.entities.len() - 1
    }

    /// A group or described speaker ("officials", "a Nato spokesman"), created on first use.
    pub fn group(
        &mut self,
        name: &str,
        kind: PersonKind,
        sentence: usize,
        side: Option<String>,
    ) -> usize {
        let k = key(name);
        if let Some(id) = self.entities.iter().position(|e| key(&e.name) == k) {
            let e = &mut self.entities[id];
            e.mentions += 1;
            e.last_sentence = e.last_sentence.max(sentence);
            return id;
        }
        let mut e = Entity::new(name, kind, sentence);
        e.mentions = 1;
        e.side = side;
        e.evidence = kind == PersonKind::Person;
        self.entities.push(e);
        self.entities.len() - 1
    }

    /// The people list of the article: persons with some evidence, organisations, and any
    /// actor that speaks, in order of first mention.
    pub fn to_people(&self) -> Vec<Person> {
        let mut out: Vec<(usize, Person)> = self
            .entities
            .iter()
            .filter(|e| {
                e.quotes > 0
                    || e.kind == PersonKind::Organisation && !e.place
                    || (e.kind == PersonKind::Person && e.evidence)
            })
            .map(|e| {
                (
                    e.first_sentence,
                    Person {
                        name: e.name.clone(),
                        aliases: e.aliases.clone(),
                        kind: e.kind,
                        role: e.role.clone(),
                        affiliation: e.affiliation.clone(),
                        side: e.side.clone(),
                        mentions: e.mentions,
                        sentence: e.first_sentence,
                    },
                )
            })
            .collect();
        out.sort_by_key(|(s, _)| *s);
        out.into_iter().map(|(_, p)| p).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::Doc;
    use crate::analyse::names::find_mentions;

    fn registry(paras: &[&str]) -> Registry {
        let owned: Vec<String> = paras.iter().map(|s| s.to_string()).collect();
        let doc = Doc::new(&owned);
        Registry::build(&find_mentions(&doc))
    }

    fn entity<'a>(r: &'a Registry, name: &str) -> &'a Entity {
        r.entities
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| {
                panic!(
                    "{name} not in {:?}",
                    r.entities.iter().map(|e| &e.name).collect::<Vec<_>>()
                )
            })
    }

    #[test]
    fn surnames_honorifics_and_misspellings_merge() {
        let r = registry(&[
            "Johanna Virtanen, a military analyst, said the town had fallen.",
            "Mr Virtanenn said the advance would be slow, and Ms Virtanen agreed.",
            "Virtanen added that nothing had changed.",
        ]);
        let e = entity(&r, "Johanna Virtanen");
        assert!(
            e.aliases.iter().any(|a| a == "Virtanenn"),
            "{:?}",
            e.aliases
        );
        assert!(
            e.aliases.iter().any(|a| a == "Mr Virtanenn"),
            "{:?}",
            e.aliases
        );
        assert_eq!(e.role.as_deref(), Some("military analyst"));
        assert_eq!(
            r.entities
                .iter()
                .filter(|e| e.kind == PersonKind::Person)
                .count(),
            1
        );
    }

    #[test]
    fn different_people_never_merge() {
        let r = registry(&[
            "Bill Clinton and Hillary Clinton spoke, then Chelsea Clintons left.",
            "Anna Berg met Anne Berger.",
        ]);
        let persons: Vec<&str> = r
            .entities
            .iter()
            .filter(|e| e.kind == PersonKind::Person)
            .map(|e| e.name.as_str())
            .collect();
        assert!(
            persons.contains(&"Bill Clinton") && persons.contains(&"Hillary Clinton"),
            "{persons:?}"
        );
        assert!(
            persons.contains(&"Anna Berg") && persons.contains(&"Anne Berger"),
            "{persons:?}"
        );
    }

    #[test]
    fn a_short_first_mention_grows_into_the_full_name() {
        let r = registry(&[
            "Putnam spoke first.",
            "Later, President Jonas Putnam said more.",
        ]);
        let e = entity(&r, "Jonas Putnam");
        assert!(e.aliases.iter().any(|a| a == "Putnam"));
    }

    #[test]
    fn organisations_merge_by_head_and_acronym() {
        let r = registry(&[
            "The Example Defence Ministry said on Monday the line held.",
            "The Defence Ministry later confirmed it.",
            "The Democratic Xylophone Committee and the DXC both spoke.",
        ]);
        let e = entity(&r, "Example Defence Ministry");
        assert!(
            e.aliases.iter().any(|a| a == "Defence Ministry"),
            "{:?}",
            e.aliases
        );
        let c = entity(&r, "Democratic Xylophone Committee");
        assert!(c.aliases.iter().any(|a| a == "DXC"), "{:?}", c.aliases);
    }

    #[test]
    fn similar_spellings() {
        assert!(same_surname_spelling("Kastelainen", "Kasetlainen"));
        assert!(same_surname_spelling("Petrenko", "Petrenkko"));
        assert!(!same_surname_spelling("Berg", "Berger"));
        assert!(!same_surname_spelling("Johnson", "Jonsson") || key("Johnson") != key("Jonsson"));
    }
}

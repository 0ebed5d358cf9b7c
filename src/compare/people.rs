//! People and organisations across two articles: one row per actor, matched despite
//! spelling, titles and surname-only mentions; spelling differences become variants.

use std::collections::HashSet;

use crate::model::{Article, Person, PersonKind, Row, Status, Variant};
use crate::text::fold;

use super::ArticleIndex;
use super::names::{self, NameForm, NameScan, join, near_keys};
use super::words::hash;

/// One actor of an article, with every form of its name broken into keys.
#[derive(Debug, Clone)]
pub(crate) struct ActorKey {
    pub kind: PersonKind,
    pub forms: Vec<NameForm>,
    pub mentions: usize,
    /// The side the actor speaks for, when the article shows it.
    pub side: Option<String>,
}

/// The kind an actor is matched as: a "person" named by a role ("foreign ministry
/// spokesman", "Harbour Authority spokesman") is a description of someone speaking for a
/// body, matched like a group.
fn matched_kind(p: &Person) -> PersonKind {
    let role_named = p
        .name
        .split_whitespace()
        .last()
        .is_some_and(names::is_title);
    if p.kind == PersonKind::Person && role_named {
        PersonKind::Group
    } else {
        p.kind
    }
}

/// Forms of a name by kind: persons lose their titles, organisations keep every word.
fn forms(p: &Person, kind: PersonKind) -> Vec<NameForm> {
    let mut out: Vec<NameForm> = Vec::new();
    for n in p.all_names() {
        let f = match kind {
            PersonKind::Person => NameForm::person(n),
            _ => NameForm::organisation(n),
        };
        if let Some(f) = f
            && !out.iter().any(|g| g.squash == f.squash)
        {
            out.push(f);
        }
    }
    out
}

pub(crate) fn actor_keys(article: &Article) -> Vec<ActorKey> {
    article
        .people
        .iter()
        .map(|p| {
            let kind = matched_kind(p);
            ActorKey {
                kind,
                forms: forms(p, kind),
                mentions: p.mentions,
                side: p.side.clone(),
            }
        })
        .collect()
}

/// Join keys of an actor: whole-name keys, surnames, one-deletion neighbours of long
/// surnames, acronyms and word pairs of organisation names.
pub(crate) fn join_keys(actors: &[ActorKey]) -> Vec<(u64, u32)> {
    let mut out = Vec::new();
    for (i, a) in actors.iter().enumerate() {
        let i = i as u32;
        for f in &a.forms {
            out.push((hash(&f.squash), i));
            match a.kind {
                PersonKind::Person => {
                    out.push((hash(&format!("L:{}", f.last)), i));
                    if f.last.chars().count() >= 6 {
                        let chars: Vec<char> = f.last.chars().collect();
                        for skip in 0..chars.len() {
                            let d: String = chars
                                .iter()
                                .enumerate()
                                .filter(|&(k, _)| k != skip)
                                .map(|(_, c)| c)
                                .collect();
                            out.push((hash(&format!("L:{d}")), i));
                        }
                    }
                }
                _ => {
                    if f.keys.len() == 1 {
                        out.push((hash(&format!("A:{}", f.squash)), i));
                    } else if let Some(acr) = f.acronym() {
                        out.push((hash(&format!("A:{}", names::token_key(&acr))), i));
                    }
                    for w in f.keys.windows(2) {
                        out.push((hash(&format!("W:{}{}", w[0], w[1])), i));
                    }
                }
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// How well two actors are one: the best score over their forms (0 = not at all).
/// Persons meet persons by the rules for person names; organisations and groups meet each
/// other by the rules for organisation names; an actor filed as a person in one article and
/// an organisation in the other meets only on the whole name.
fn actor_score(a: &ActorKey, b: &ActorKey) -> (f32, usize, usize) {
    let mut best = (0.0, 0, 0);
    // two bodies of one name on different sides are two bodies: Ukraine's General Staff is
    // not Russia's, nor one defence ministry the other's
    let bodies = a.kind != PersonKind::Person && b.kind != PersonKind::Person;
    if bodies && matches!((&a.side, &b.side), (Some(x), Some(y)) if x != y) {
        return best;
    }
    for (i, fa) in a.forms.iter().enumerate() {
        for (j, fb) in b.forms.iter().enumerate() {
            let s = match (a.kind, b.kind) {
                (PersonKind::Person, PersonKind::Person) => names::person_form_score(fa, fb),
                (PersonKind::Person, _) | (_, PersonKind::Person) => {
                    if fa.squash == fb.squash {
                        0.8
                    } else {
                        0.0
                    }
                }
                (x, y) if x == y => names::organisation_form_score(fa, fb),
                // an organisation and a group that speaks for it ("the foreign ministry",
                // "a foreign ministry spokesman"), below a match of two organisations
                _ => 0.9 * names::organisation_form_score(fa, fb),
            };
            // prefer the form pair that explains the most: whole names over surnames
            if s > best.0 {
                best = (s, i, j);
            }
        }
    }
    best
}

/// The result of aligning the actors of two articles.
pub(crate) struct PeopleAlignment {
    pub rows: Vec<Row>,
    pub variants: Vec<Variant>,
    /// Named actors (persons and organisations) on each side, and those shared.
    pub named_left: usize,
    pub named_right: usize,
    pub named_shared: usize,
}

/// A name the other article prints without its people stage having listed the actor:
/// the full name of a person, or a surname standing alone as a name.
fn printed_in(form: &NameForm, scan: &NameScan) -> Option<String> {
    let found: Vec<u32> = if form.first.is_some() {
        names::lookup(&scan.by_last, hash(&form.last))
            .map(|k| &scan.persons[k as usize])
            .filter(|(_, g)| names::person_form_score(form, g) >= 0.95)
            .map(|(i, _)| *i)
            .collect()
    } else if form.last.chars().count() >= 5 {
        names::lookup(&scan.keys, hash(&form.last))
            .filter(|&i| scan.names[i as usize].key == form.last)
            .collect()
    } else {
        Vec::new()
    };
    found
        .into_iter()
        .map(|i| &scan.names[i as usize])
        .max_by_key(|n| n.count)
        .map(|n| n.surface.clone())
}

/// The variant between two matched forms, if they spell a name differently (not merely
/// with or without a first name).
fn form_variant(a: &NameForm, b: &NameForm) -> Option<Variant> {
    let spelled = |x: &str, y: &str| fold(x) != fold(y);
    let last_differs = spelled(&a.last_surface, &b.last_surface)
        && (a.last == b.last || near_keys(&a.last, &b.last, 6));
    let first_differs = match (&a.first_surface, &b.first_surface) {
        (Some(x), Some(y)) => spelled(x, y),
        _ => false,
    };
    if !last_differs && !first_differs {
        return None;
    }
    let (left, right) = if a.first_surface.is_some() == b.first_surface.is_some() {
        (a.surface.clone(), b.surface.clone())
    } else {
        (a.last_surface.clone(), b.last_surface.clone())
    };
    Some(Variant { left, right })
}

/// Align the actors of two articles: greedy, best match first, one to one.
pub(crate) fn align(l: &ArticleIndex<'_>, r: &ArticleIndex<'_>) -> PeopleAlignment {
    let (la, ra) = (l.article, r.article);
    let (lk, rk) = (&l.actors, &r.actors);
    let (ljoin, rjoin) = (&l.actor_join, &r.actor_join);
    let (lscan, rscan) = (&l.scan, &r.scan);
    let mut cands: Vec<(f32, usize, usize, usize, usize)> = Vec::new();
    for (i, j) in join(ljoin, rjoin) {
        let (i, j) = (i as usize, j as usize);
        let (s, fi, fj) = actor_score(&lk[i], &rk[j]);
        if s > 0.0 {
            cands.push((s, i, j, fi, fj));
        }
    }
    cands.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then((rk[b.2].mentions + lk[b.1].mentions).cmp(&(rk[a.2].mentions + lk[a.1].mentions)))
            .then((a.1, a.2).cmp(&(b.1, b.2)))
    });
    let mut lmatch: Vec<Option<(usize, usize, usize)>> = vec![None; lk.len()];
    let mut rused = vec![false; rk.len()];
    for (_, i, j, fi, fj) in cands {
        if lmatch[i].is_none() && !rused[j] {
            lmatch[i] = Some((j, fi, fj));
            rused[j] = true;
        }
    }

    let named = |k: PersonKind| k != PersonKind::Group;
    let mut shared = Vec::new();
    let mut left_only = Vec::new();
    let mut right_only = Vec::new();
    let mut groups = Vec::new();
    let mut variants = Vec::new();
    for (i, p) in la.people.iter().enumerate() {
        let row = match lmatch[i] {
            Some((j, fi, fj)) => {
                if let (Some(a), Some(b)) = (lk[i].forms.get(fi), rk[j].forms.get(fj))
                    && let Some(v) = form_variant(a, b)
                {
                    variants.push(v);
                }
                let q = &ra.people[j];
                (
                    Row {
                        status: Status::Shared,
                        left: Some(p.name.clone()),
                        right: Some(q.name.clone()),
                        left_sentence: Some(p.sentence),
                        right_sentence: Some(q.sentence),
                    },
                    p.mentions + q.mentions,
                )
            }
            None => {
                // a person the other article names although its people list lacks them
                let printed = if p.kind == PersonKind::Person {
                    lk[i].forms.iter().find_map(|f| printed_in(f, rscan))
                } else {
                    None
                };
                let status = if printed.is_some() {
                    Status::Shared
                } else {
                    Status::LeftOnly
                };
                (
                    Row {
                        status,
                        left: Some(p.name.clone()),
                        right: printed,
                        left_sentence: Some(p.sentence),
                        right_sentence: None,
                    },
                    p.mentions,
                )
            }
        };
        let bucket = if !named(p.kind) {
            &mut groups
        } else if row.0.status == Status::Shared {
            &mut shared
        } else {
            &mut left_only
        };
        bucket.push(row);
    }
    for (j, q) in ra.people.iter().enumerate() {
        if rused[j] {
            continue;
        }
        let printed = if q.kind == PersonKind::Person {
            rk[j].forms.iter().find_map(|f| printed_in(f, lscan))
        } else {
            None
        };
        let row = Row {
            status: if printed.is_some() {
                Status::Shared
            } else {
                Status::RightOnly
            },
            left: printed,
            right: Some(q.name.clone()),
            left_sentence: None,
            right_sentence: Some(q.sentence),
        };
        let bucket = if !named(q.kind) {
            &mut groups
        } else if row.status == Status::Shared {
            &mut shared
        } else {
            &mut right_only
        };
        bucket.push((row, q.mentions));
    }
    // shared first, then each side's own; the most mentioned first; groups last. A name
    // an article lists twice (as a person and as an organisation) is one row.
    let mut seen: HashSet<(bool, String)> = HashSet::new();
    let mut counts = [0usize; 3];
    let mut rows = Vec::new();
    groups.sort_by(|a, b| a.0.status.cmp(&b.0.status).then(b.1.cmp(&a.1)));
    for (k, mut bucket) in [shared, left_only, right_only, groups]
        .into_iter()
        .enumerate()
    {
        if k < 3 {
            bucket.sort_by_key(|b| std::cmp::Reverse(b.1));
        }
        for (row, _) in bucket {
            let l = row.left.as_deref().map(|n| (true, fold(n)));
            let r = row.right.as_deref().map(|n| (false, fold(n)));
            let repeat = match row.status {
                Status::LeftOnly => l.as_ref().is_some_and(|x| seen.contains(x)),
                Status::RightOnly => r.as_ref().is_some_and(|x| seen.contains(x)),
                _ => false,
            };
            seen.extend(l);
            seen.extend(r);
            if !repeat {
                if k < 3 {
                    counts[k] += 1;
                }
                rows.push(row);
            }
        }
    }
    let [shared, left_only, right_only] = counts;
    PeopleAlignment {
        rows,
        variants,
        named_left: shared + left_only,
        named_right: shared + right_only,
        named_shared: shared,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, aliases: &[&str], kind: PersonKind) -> Person {
        Person {
            name: name.into(),
            aliases: aliases.iter().map(|a| (*a).into()).collect(),
            kind,
            mentions: 1,
            ..Person::default()
        }
    }

    fn article(id: &str, sentences: &[&str], people: Vec<Person>) -> Article {
        Article {
            id: id.into(),
            people,
            ..Article::of_sentences(sentences)
        }
    }

    type Rows = Vec<(Status, Option<String>, Option<String>)>;

    fn rows(a: &Article, b: &Article) -> (Rows, Vec<Variant>) {
        let c = super::super::compare(a, b);
        (
            c.people
                .into_iter()
                .map(|r| (r.status, r.left, r.right))
                .collect(),
            c.variants,
        )
    }

    fn s(x: &str) -> Option<String> {
        Some(x.into())
    }

    #[test]
    fn titles_surnames_and_spellings_meet() {
        use PersonKind::*;
        let a = article(
            "a",
            &["Prime Minister Boris Lemmington met Oleksiy Danylenko and Joe Brandt."],
            vec![
                person("Boris Lemmington", &["Lemmington"], Person),
                person("Oleksiy Danylenko", &[], Person),
                person("Joe Brandt", &[], Person),
            ],
        );
        let b = article(
            "b",
            &["Mr Lemmington spoke to Oleksii Danilenko; Hunter Brandt was absent."],
            vec![
                person("Mr Lemmington", &[], Person),
                person("Oleksii Danilenko", &[], Person),
                person("Hunter Brandt", &[], Person),
            ],
        );
        let (r, v) = rows(&a, &b);
        assert!(
            r.contains(&(Status::Shared, s("Boris Lemmington"), s("Mr Lemmington"))),
            "{r:?}"
        );
        assert!(
            r.contains(&(
                Status::Shared,
                s("Oleksiy Danylenko"),
                s("Oleksii Danilenko")
            )),
            "{r:?}"
        );
        assert!(
            r.contains(&(Status::LeftOnly, s("Joe Brandt"), None)),
            "{r:?}"
        );
        assert!(
            r.contains(&(Status::RightOnly, None, s("Hunter Brandt"))),
            "{r:?}"
        );
        assert_eq!(r[0].0, Status::Shared, "shared rows come first");
        assert!(
            v.iter()
                .any(|x| x.left == "Oleksiy Danylenko" && x.right == "Oleksii Danilenko"),
            "{v:?}"
        );
    }

    #[test]
    fn an_organisation_meets_the_group_that_speaks_for_it() {
        let a = article(
            "a",
            &["The harbour authority said the pier was closed."],
            vec![person("harbour authority", &[], PersonKind::Organisation)],
        );
        let b = article(
            "b",
            &["A harbour authority spokesman said the pier was shut."],
            vec![person(
                "harbour authority spokesman",
                &[],
                PersonKind::Group,
            )],
        );
        let (r, _) = rows(&a, &b);
        assert_eq!(
            r,
            [(
                Status::Shared,
                s("harbour authority"),
                s("harbour authority spokesman")
            )]
        );
        // the people stage may file the spokesman as a person: named by a role, it is
        // still a description of someone speaking for the body
        let b = article(
            "b",
            &["A Danish harbour authority spokesman said the pier was shut."],
            vec![person(
                "Danish harbour authority spokesman",
                &[],
                PersonKind::Person,
            )],
        );
        let (r, _) = rows(&a, &b);
        assert_eq!(r[0].0, Status::Shared, "{r:?}");
    }

    #[test]
    fn a_name_listed_twice_by_one_article_is_one_row() {
        let a = article(
            "a",
            &["Velm fell.", "The Velm council met."],
            vec![
                person("Velm", &[], PersonKind::Person),
                person("Velm", &[], PersonKind::Organisation),
            ],
        );
        let b = article(
            "b",
            &["Velm fell."],
            vec![person("Velm", &[], PersonKind::Person)],
        );
        let (r, _) = rows(&a, &b);
        assert_eq!(r, [(Status::Shared, s("Velm"), s("Velm"))]);
    }

    #[test]
    fn a_person_the_other_text_names_is_shared_even_if_its_list_lacks_them() {
        let a = article(
            "a",
            &["Mara Quellingham, the mayor, opened the bridge."],
            vec![person("Mara Quellingham", &[], PersonKind::Person)],
        );
        let b = article(
            "b",
            &["The bridge was opened by Mara Quellingham on Friday."],
            vec![],
        );
        let (r, _) = rows(&a, &b);
        assert_eq!(
            r,
            [(Status::Shared, s("Mara Quellingham"), s("Mara Quellingham"))]
        );
        // an organisation is not looked up in the text: it may be part of a title there
        let a = article(
            "a",
            &["The Grain Board said so."],
            vec![person("Grain Board", &[], PersonKind::Organisation)],
        );
        let b = article("b", &["Ivo Pell, chair of the Grain Board, spoke."], vec![]);
        let (r, _) = rows(&a, &b);
        assert_eq!(r, [(Status::LeftOnly, s("Grain Board"), None)]);
    }
}

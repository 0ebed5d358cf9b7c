//! The bundled seeds, cleaned: furniture out and recorded, every real paragraph kept, and
//! metadata read where the page states it and nowhere else.

use crossread::Article;
use crossread::store::load_seeds;

fn seeds() -> Vec<Article> {
    load_seeds().store.articles
}

fn body(a: &Article) -> String {
    a.paragraphs.join("\n")
}

fn removed(a: &Article) -> String {
    a.boilerplate.join("\n")
}

#[test]
fn first_seed_furniture_is_out_and_recorded() {
    let a = &seeds()[0];
    let furniture = [
        "641 views",
        "Video Player Placeholder",
        "On The Ground newsletter",
        "Get a weekly international news dispatch",
        "SIGN UP",
        "I would like to be emailed about offers",
        "open image in gallery",
        "(Russian Defence Ministry)",
        "(Social media)",
        "Join our commenting forum",
        "Join thought-provoking conversations",
        "Most popular",
        "Popular videos",
        "Bulletin",
        "Read next",
        "More about",
        "1. News",
    ];
    for f in furniture {
        assert!(!body(a).contains(f), "{f:?} left in the body");
        assert!(removed(a).contains(f), "{f:?} not recorded as boilerplate");
    }
    assert_eq!(a.boilerplate.len(), a.boilerplate_reasons.len());
    assert!(
        !a.paragraphs.iter().any(|p| p.starts_with("Mapped:")),
        "repeated headline"
    );
}

#[test]
fn first_seed_keeps_every_paragraph_of_the_story() {
    let a = &seeds()[0];
    for p in [
        "Vladimir Putin on Tuesday claimed full control over the key Ukrainian city of Pokrovsk",
        "Pokrovsk is a road and rail junction in Ukraine's eastern Donetsk region",
        "Currently it’s a battlefield full of destroyed buildings.",
        "Rob Lee, a senior fellow at the U.S.-based Foreign Policy Research Institute",
        "What is happening now?",
        "It is unclear when the video was filmed.",
    ] {
        assert!(body(a).contains(p), "lost: {p:?}");
    }
    assert_eq!(a.paragraphs.len(), 24);
}

#[test]
fn first_seed_metadata() {
    let a = &seeds()[0];
    assert_eq!(
        a.title.as_deref(),
        Some(
            "Mapped: Inside fierce battle for Pokrovsk as Ukraine denies Russia has captured key city"
        )
    );
    assert_eq!(
        a.subtitle.as_deref(),
        Some(
            "Kyiv has denied claims that Russia has captured the key strategic town in the Donbas"
        )
    );
    assert_eq!(a.published.as_deref(), Some("2025-12-02T16:32Z"));
    assert_eq!(a.authors, ["James C. Reynolds", "Alex Croft"]);
    assert_eq!(a.outlet.as_deref(), Some("The Independent"));
}

#[test]
fn second_seed_invents_no_metadata() {
    let a = &seeds()[1];
    assert_eq!(a.title, None);
    assert_eq!(a.published, None);
    assert!(a.authors.is_empty());
    for f in [
        "Your support helps us to tell the story",
        "Support Now",
        "Your donation allows us",
        "Map of Pokrovsk:",
        "( Getty Images )",
    ] {
        assert!(!body(a).contains(f), "{f:?} left in the body");
        assert!(removed(a).contains(f), "{f:?} not recorded");
    }
    assert!(body(a).starts_with("Russian forces have advanced in the eastern Ukrainian city"));
    assert!(body(a).ends_with("due to reporting restrictions in the war zone."));
}

#[test]
fn sentences_know_their_paragraphs() {
    let a = &seeds()[0];
    let s = a
        .sentences
        .iter()
        .find(|s| s.text.starts_with("Today, most civilians"))
        .expect("split after '60,000 people.'");
    assert_eq!(s.text, "Today, most civilians have fled.");
    assert!(a.paragraphs[s.paragraph][s.start..].starts_with(&s.text));
    assert!(a.sentences.iter().any(|s| {
        s.text
            .starts_with("Rob Lee, a senior fellow at the U.S.-based")
    }));
}

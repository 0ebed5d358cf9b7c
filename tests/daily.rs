//! The dashboard for daily use: sources named so they can be told apart, load problems on
//! screen, an honest Quoted people tab, the Overview at every size, wording, the details
//! (help width, footer, empty filters, clicks) and fact-check verdicts that survive restarts,
//! export and a killed save.

mod common;

use std::path::Path;
use std::sync::LazyLock;

use common::{crossread, fixture, stdout};
use crossread::model::{Article, PersonKind, Quote, QuoteKind, Store};
use crossread::tui::action::Action;
use crossread::tui::app::{App, Focus, Options, Tab};
use crossread::tui::keymap::Keymap;
use crossread::tui::theme::Theme;
use crossread::tui::{buffer_text, render};
use crossread::verdicts::{Mark, Verdicts};

static SEEDS: LazyLock<Store> = LazyLock::new(|| crossread::store::load_seeds().store);

fn app_of(store: Store, options: Options) -> App {
    App::with_options(store, Keymap::default(), Theme::new(false), options)
}

fn on(store: Store, tab: Tab) -> App {
    let mut a = app_of(store, Options::default());
    a.update(Action::ClickTab(tab.index()));
    a
}

/// The screen after two frames, as a user sees it after the first key (the first frame
/// records the layout that movement uses).
fn screen(app: &App, w: u16, h: u16) -> String {
    let _ = render(app, w, h);
    buffer_text(&render(app, w, h))
}

fn typed(app: &mut App, text: &str) {
    app.update(Action::Search);
    for c in text.chars() {
        app.update(Action::SearchInput(c));
    }
    app.update(Action::SearchDone);
}

// ---------------------------------------------------------------- 1. labels

#[test]
fn with_the_seeds_no_tab_names_a_source_by_its_file_hash() {
    for tab in Tab::ALL {
        for (w, h) in [(120, 40), (80, 24), (200, 50)] {
            let a = on(SEEDS.clone(), tab);
            let s = screen(&a, w, h);
            for line in s.lines() {
                // the Read tab's byline names the file it read, which is not a label
                if line.contains(".txt") {
                    continue;
                }
                assert!(
                    !line.contains("d17e2a5") && !line.contains("17f2ef3"),
                    "{tab:?} {w}x{h}: {line}"
                );
            }
        }
    }
    let a = on(SEEDS.clone(), Tab::Overview);
    assert_eq!(
        a.data.labels,
        ["The Independent", "The Independent / Reuters"]
    );
    let s = screen(&a, 120, 40);
    assert!(
        s.contains("(from the lead)"),
        "a derived title is marked\n{s}"
    );
    insta::assert_snapshot!("seeds_overview_labels_120x30", screen(&a, 120, 30));
}

#[test]
fn label_overrides_name_a_source() {
    let o = Options {
        labels: vec![crossread::labels::Override::parse("courier=Morning Courier").unwrap()],
        ..Options::default()
    };
    let a = app_of(fixture(), o);
    assert!(a.data.labels.iter().any(|l| l == "Morning Courier"));
    let s = screen(&a, 120, 40);
    assert!(s.contains("Morning Courier"), "{s}");
}

#[test]
fn label_flag_and_config_table_reach_the_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config.toml");
    std::fs::write(&cfg, "[labels]\n\"003_d17e2a50390a3552\" = \"Wire copy\"\n").unwrap();
    let o = crossread(&[
        "snapshot",
        "--size",
        "120x30",
        "--config",
        cfg.to_str().unwrap(),
        "--label",
        "000_17f2ef39fdbc245d=Indy",
    ]);
    let s = stdout(&o);
    assert!(s.contains("Indy") && s.contains("Wire copy"), "{s}");
}

// ---------------------------------------------------------------- 2. load problems

#[test]
fn warnings_show_in_the_footer_and_on_a_key() {
    let o = Options {
        warnings: vec![
            "missing.txt: error: no such file".to_owned(),
            "b.txt: warning: same text as a.txt; loaded once".to_owned(),
        ],
        ..Options::default()
    };
    let mut a = app_of(fixture(), o);
    a.update(Action::Resize(100, 30));
    let s = screen(&a, 100, 30);
    let footer = s.lines().last().unwrap_or("");
    assert!(
        footer.contains("missing.txt: error: no such file"),
        "{footer}"
    );
    assert!(footer.contains("w lists them"), "{footer}");
    a.update(Action::Down);
    let s = screen(&a, 100, 30);
    assert!(
        s.lines().last().unwrap().contains("⚠ 2 warnings (w)"),
        "{s}"
    );
    a.update(Action::Warnings);
    let s = screen(&a, 100, 30);
    assert!(s.contains("2 problems while loading"), "{s}");
    assert!(s.contains("same text as a.txt; loaded once"), "{s}");
    insta::assert_snapshot!("warnings_overlay_100x30", s);
    a.update(Action::Back);
    assert!(a.warnings_view.is_none());
}

#[test]
fn a_missing_file_with_a_good_one_and_a_file_given_twice() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(
        &good,
        "Storm closes harbour\n\nThe harbour closed on Monday after a storm, the port authority said.\n",
    )
    .unwrap();
    let missing = dir.path().join("missing.txt");
    let loaded = crossread::store::load_paths(&[missing, good.clone(), dir.path().to_path_buf()]);
    assert_eq!(
        loaded.store.articles.len(),
        1,
        "the file and its directory: once"
    );
    let lines: Vec<String> = loaded.diagnostics.iter().map(|d| d.to_string()).collect();
    assert!(
        lines
            .iter()
            .any(|l| l.contains("missing.txt") && l.contains("error")),
        "{lines:?}"
    );
    assert!(lines.iter().any(|l| l.contains("loaded once")), "{lines:?}");
}

// ---------------------------------------------------------------- 3. people

/// The fixture with the speakers a quote stage can get wrong on real text.
fn people_store() -> Store {
    let mut s = fixture();
    let a: &mut Article = &mut s.articles[0];
    let sentence = 1;
    let q = |speaker: Option<&str>, text: &str| Quote {
        speaker: speaker.map(str::to_owned),
        text: text.to_owned(),
        kind: QuoteKind::Indirect,
        cue: Some("said".to_owned()),
        sentence,
    };
    a.quotes.extend([
        q(Some("people"), "the city was empty"),
        q(Some("even Republicans"), "the plan was costly"),
        q(Some("statement from the ministry"), "the bridge was hit"),
        q(None, "nobody knows"),
        q(Some("Zelensky"), "the line will hold"),
        q(Some("Kyiv"), "the report was false"),
        q(Some("Jane Doe"), "aid is on the way"),
        q(Some("Emil Analyst"), "the front may move"),
        q(Some("Rob J. Lee"), "supplies are short"),
    ]);
    let mut person = |name: &str, role: Option<&str>, side: Option<&str>| {
        a.people.push(crossread::model::Person {
            name: name.to_owned(),
            kind: PersonKind::Person,
            role: role.map(str::to_owned),
            side: side.map(str::to_owned),
            sentence,
            mentions: 1,
            ..Default::default()
        });
    };
    person("Jane Doe", Some("sen"), None);
    person("Emil Analyst", Some("military analyst"), Some("Finland"));
    s
}

#[test]
fn quoted_people_lists_actors_once_with_roles_written_out_and_honest_sides() {
    let a = on(people_store(), Tab::People);
    let names: Vec<&str> = a.data.people.iter().map(|p| p.name.as_str()).collect();
    for junk in [
        "people",
        "even Republicans",
        "statement from the ministry",
        "(unattributed)",
    ] {
        assert!(!names.contains(&junk), "{junk} listed: {names:?}");
    }
    assert!(
        !names.contains(&"Zelensky"),
        "one row per person: {names:?}"
    );
    let z = a
        .data
        .people
        .iter()
        .find(|p| p.name == "Volodymyr Zelensky")
        .unwrap();
    assert_eq!(
        z.quotes_per_source[0], 2,
        "the surname's quote joined the full name"
    );
    assert!(!names.contains(&"Rob Lee"), "joined Rob J. Lee: {names:?}");
    let doe = a.data.people.iter().find(|p| p.name == "Jane Doe").unwrap();
    assert_eq!(doe.role.as_deref(), Some("Senator"));
    let kyiv = a.data.people.iter().find(|p| p.name == "Kyiv").unwrap();
    assert_eq!(kyiv.role.as_deref(), Some("government of Ukraine"));
    let analyst = a
        .data
        .people
        .iter()
        .find(|p| p.name == "Emil Analyst")
        .unwrap();
    assert_eq!(analyst.side, None, "Finland is no party of this story");
    let putin = a
        .data
        .people
        .iter()
        .find(|p| p.name == "Vladimir Putin")
        .unwrap();
    assert_eq!(putin.side.as_deref(), Some("Russia"));
    // most quoted first
    let totals: Vec<usize> = a.data.people.iter().map(|p| p.total_quotes()).collect();
    assert!(totals.windows(2).all(|w| w[0] >= w[1]), "{totals:?}");
    let s = screen(&a, 120, 30);
    assert!(
        s.contains("Quotes in"),
        "the count columns say what they count\n{s}"
    );
    insta::assert_snapshot!("people_actors_120x30", s);
}

// ---------------------------------------------------------------- 4. overview

#[test]
fn overview_fits_small_terminals() {
    for (w, h) in [(80, 15), (60, 20), (80, 18)] {
        let a = on(SEEDS.clone(), Tab::Overview);
        let s = screen(&a, w, h);
        let lines: Vec<&str> = s.lines().collect();
        assert!(lines[1].starts_with('┏'), "{w}x{h}: no blank top\n{s}");
        assert!(
            s.contains("The Independent /") || s.contains("I/Reuters"),
            "{w}x{h}: the second card shows\n{s}"
        );
        assert!(s.contains('█'), "{w}x{h}: the chart has bars\n{s}");
        insta::assert_snapshot!(format!("seeds_overview_{w}x{h}"), s);
    }
}

#[test]
fn overview_with_many_sources_counts_the_hidden_and_reaches_every_card() {
    let mut store = fixture();
    let extra: Vec<Article> = (0..5)
        .map(|i| {
            let mut a = store.articles[2].clone();
            a.id = format!("extra{i}");
            a.outlet = Some(format!("Outlet {i}"));
            a
        })
        .collect();
    store.articles.extend(extra);
    let mut a = on(store, Tab::Overview);
    let s = screen(&a, 80, 24);
    assert!(s.contains("more"), "{s}");
    insta::assert_snapshot!("overview_many_80x24", s);
    // arrows move the way they point: right along a row, down a row
    a.update(Action::FocusRight);
    assert_eq!(a.cards.scroll.selected, 1);
    a.update(Action::FocusLeft);
    assert_eq!(a.cards.scroll.selected, 0);
    for _ in 0..10 {
        if a.overview_focus == Focus::Right {
            break;
        }
        a.update(Action::Down);
        let _ = screen(&a, 80, 24);
    }
    assert_eq!(
        a.overview_focus,
        Focus::Right,
        "Down past the last row: the chart"
    );
    a.update(Action::Up);
    assert_eq!(a.overview_focus, Focus::Left);
    assert_eq!(a.cards.scroll.selected, 6);
    let s = screen(&a, 80, 24);
    assert!(s.contains("Outlet 4"), "the last card is reachable\n{s}");
}

// ---------------------------------------------------------------- 5. wording

#[test]
fn plurals_agreement_and_no_dangling_said() {
    let mut store = people_store();
    let a0 = &mut store.articles[0];
    a0.claims[1].claimant = Some("Ukrainian officials".to_owned());
    let mut a = on(store, Tab::Claims);
    let s = screen(&a, 120, 40);
    assert!(s.contains("2 disputes ·"), "{s}");
    assert!(s.contains("Ukrainian officials (Ukraine) deny"), "{s}");
    assert!(!s.contains("officials (Ukraine) denies"), "{s}");
    typed(&mut a, "officials");
    let s = screen(&a, 120, 40);
    assert!(
        s.contains("1 dispute ·") && s.contains("0 uncontested below"),
        "{s}"
    );
    a.update(Action::Back);
    a.update(Action::TabPeople);
    a.update(Action::FocusRight);
    for _ in 0..4 {
        let s = screen(&a, 140, 40);
        for line in s.lines() {
            assert!(
                !line.trim_end_matches(['│', '┃', ' ']).ends_with("— said"),
                "{line}"
            );
        }
        a.update(Action::FocusLeft);
        a.update(Action::Down);
        a.update(Action::FocusRight);
    }
    let s = on(SEEDS.clone(), Tab::Overview);
    let s = screen(&s, 120, 40);
    assert!(!s.contains(" 1 disputes") && !s.contains(" 1 facts"), "{s}");
}

// ---------------------------------------------------------------- 6. details

#[test]
fn help_uses_the_room_it_has_and_the_footer_is_never_cut() {
    let mut a = on(fixture(), Tab::Facts);
    a.update(Action::Help);
    let s = screen(&a, 160, 60);
    let longest = "close the overlay, clear the filter, or come back from Read";
    assert!(s.contains(longest), "{s}");
    for tab in Tab::ALL {
        let a = on(fixture(), tab);
        let s = screen(&a, 80, 24);
        let footer = s.lines().last().unwrap();
        assert!(!footer.ends_with('…'), "{tab:?}: {footer}");
        assert!(footer.starts_with("? help"), "{tab:?}: {footer}");
    }
}

#[test]
fn a_filter_that_matches_nothing_says_so_and_counts_follow_the_filter() {
    for tab in [
        Tab::Overview,
        Tab::Facts,
        Tab::People,
        Tab::Claims,
        Tab::Compare,
    ] {
        let mut a = on(fixture(), tab);
        typed(&mut a, "zzqx");
        let s = screen(&a, 120, 40);
        assert!(s.contains("match “zzqx”"), "{tab:?}\n{s}");
    }
    let mut a = on(fixture(), Tab::Claims);
    typed(&mut a, "Rob Lee");
    let s = screen(&a, 120, 40);
    assert!(s.contains("0 disputes"), "{s}");
}

#[test]
fn the_source_column_is_as_wide_as_its_names() {
    let a = on(SEEDS.clone(), Tab::Facts);
    let s = screen(&a, 200, 30);
    assert!(
        s.contains("The Independent, The Independent / Reuters"),
        "{s}"
    );
}

#[test]
fn snapshot_of_a_tiny_screen_does_not_say_press_q() {
    let o = crossread(&["snapshot", "--size", "80x10"]);
    let s = stdout(&o);
    assert!(s.contains("Terminal too small"), "{s}");
    assert!(!s.contains("press q"), "{s}");
}

#[test]
fn a_click_selects_a_row_and_a_second_click_opens_it() {
    let mut a = on(fixture(), Tab::Facts);
    a.update(Action::Resize(120, 40));
    let s = screen(&a, 120, 40);
    let y = s
        .lines()
        .position(|l| l.contains("about 5,000 square km"))
        .unwrap() as u16;
    a.update(Action::Click(10, y));
    let f = &a.data.facts[a.facts.current().unwrap()];
    assert_eq!(f.text, "about 5,000 square km");
    a.update(Action::Click(10, y));
    assert_eq!(a.tab, Tab::Read, "a second click opens");
    let mut a = on(fixture(), Tab::People);
    let s = screen(&a, 120, 40);
    let y = s.lines().position(|l| l.contains("Rob Lee")).unwrap() as u16;
    a.update(Action::Click(5, y));
    assert_eq!(a.data.people[a.people.current().unwrap()].name, "Rob Lee");
}

#[test]
fn the_report_renders_as_markdown_with_clean_code_spans() {
    use pulldown_cmark::{Event, Options as MdOptions, Parser, Tag};
    let o = crossread(&["report"]);
    let md = stdout(&o);
    let mut codes = Vec::new();
    let mut in_text = String::new();
    let mut strong = 0;
    for e in Parser::new_ext(
        &md,
        MdOptions::ENABLE_TABLES | MdOptions::ENABLE_STRIKETHROUGH,
    ) {
        match e {
            Event::Code(c) => codes.push(c.to_string()),
            Event::Text(t) => in_text.push_str(&t),
            Event::Start(Tag::Strong) => strong += 1,
            _ => {}
        }
    }
    assert!(!codes.is_empty(), "the ids are code spans");
    for c in &codes {
        assert!(!c.contains('\\'), "escaped inside a code span: {c}");
    }
    assert!(
        codes.iter().any(|c| c == "003_d17e2a50390a3552"),
        "{codes:?}"
    );
    assert!(strong > 0);
    assert!(!in_text.contains("**"), "stray bold markers");
    assert!(!in_text.contains("~~"), "stray strike markers");
    assert!(
        md.contains("The Independent / Reuters"),
        "the report uses the labels"
    );
}

// ---------------------------------------------------------------- 7. verdicts

#[test]
fn verdicts_are_saved_at_once_and_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(crossread::verdicts::SIDECAR);
    let opts = |v: Verdicts| Options {
        verdicts: v,
        verdicts_path: Some(path.clone()),
        ..Options::default()
    };
    let mut a = app_of(fixture(), opts(Verdicts::default()));
    a.update(Action::TabFacts);
    a.update(Action::Verdict);
    assert!(
        a.status.as_deref().unwrap_or("").contains("✓ verified"),
        "{:?}",
        a.status
    );
    a.update(Action::Verdict);
    a.update(Action::VerdictNote);
    for c in "ask the ministry".chars() {
        a.update(Action::SearchInput(c));
    }
    a.update(Action::SearchDone);
    // a quote in the People tab
    a.update(Action::TabPeople);
    a.update(Action::FocusRight);
    a.update(Action::Verdict);
    let before = std::fs::read_to_string(&path).unwrap();
    // restart
    let mut b = app_of(fixture(), opts(Verdicts::load(&path).unwrap()));
    b.update(Action::TabFacts);
    let s = screen(&b, 100, 30);
    assert!(
        s.lines()
            .last()
            .unwrap()
            .contains("? disputed: ask the ministry"),
        "{s}"
    );
    assert!(
        s.lines().any(|l| l.starts_with("┃? ")),
        "the row carries the verdict's sign\n{s}"
    );
    b.update(Action::TabPeople);
    b.update(Action::FocusRight);
    let s = screen(&b, 120, 30);
    assert!(s.contains("[✓ verified]"), "{s}");
    insta::assert_snapshot!("verdict_on_a_quote_120x30", s);
    assert_eq!(b.verdicts.verdicts.len(), 2);
    // a claim: its head line carries the verdict
    b.update(Action::TabClaims);
    b.update(Action::Verdict);
    let s = screen(&b, 120, 30);
    assert!(s.contains("claims [✓ verified]"), "{s}");
    for _ in 0..3 {
        b.update(Action::Verdict);
    }
    assert!(
        b.status.as_deref().unwrap_or("").contains("removed"),
        "{:?}",
        b.status
    );
    // the article data is untouched
    assert_eq!(b.data.store, fixture());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
}

#[test]
fn verdicts_go_through_export_and_load_and_into_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store.json");
    std::fs::write(&store, crossread::store::to_json(&fixture())).unwrap();
    let side = dir.path().join("v.json");
    let mut v = Verdicts::default();
    v.set(
        crossread::verdicts::Item {
            article: "ledger".into(),
            kind: crossread::verdicts::ItemKind::Fact,
            sentence: 2,
            text: "About 60,000 people".into(),
        },
        Some(Mark::False),
    );
    v.save(&side).unwrap();
    let out1 = dir.path().join("out1.json");
    let out2 = dir.path().join("out2.json");
    let o = crossread(&[
        "export",
        store.to_str().unwrap(),
        "--verdicts",
        side.to_str().unwrap(),
        "-o",
        out1.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    // no sidecar this time: the verdicts come from the exported store itself
    let none = dir.path().join("none.json");
    let o = crossread(&[
        "export",
        out1.to_str().unwrap(),
        "--verdicts",
        none.to_str().unwrap(),
        "-o",
        out2.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let (a, b) = (
        std::fs::read_to_string(&out1).unwrap(),
        std::fs::read_to_string(&out2).unwrap(),
    );
    assert!(a.contains("\"verdicts\""), "{a}");
    assert_eq!(a, b);
    let o = crossread(&[
        "report",
        out2.to_str().unwrap(),
        "--verdicts",
        none.to_str().unwrap(),
    ]);
    let md = stdout(&o);
    assert!(md.contains("## Verdicts"), "{md}");
    assert!(
        md.contains("✗ **false** fact “About 60,000 people”"),
        "{md}"
    );
}

/// The child's part of the killed-save test: save a large file again and again.
fn save_forever(path: &Path) -> ! {
    let v = Verdicts {
        verdicts: (0..40_000)
            .map(|i| crossread::verdicts::Verdict {
                item: crossread::verdicts::Item {
                    article: format!("article-{i}"),
                    kind: crossread::verdicts::ItemKind::Claim,
                    sentence: i,
                    text: "a claim long enough to make the file take a while to write".into(),
                },
                verdict: Mark::Disputed,
                note: None,
            })
            .collect(),
        ..Verdicts::default()
    };
    loop {
        let _ = v.save(path);
    }
}

#[test]
fn a_save_killed_half_way_leaves_the_old_file_whole() {
    if let Some(p) = std::env::var_os("CROSSREAD_TEST_SAVE_FOREVER") {
        save_forever(Path::new(&p));
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(crossread::verdicts::SIDECAR);
    let mut old = Verdicts::default();
    old.set(
        crossread::verdicts::Item {
            article: "a".into(),
            kind: crossread::verdicts::ItemKind::Fact,
            sentence: 0,
            text: "10 km".into(),
        },
        Some(Mark::Verified),
    );
    old.save(&path).unwrap();
    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "a_save_killed_half_way_leaves_the_old_file_whole",
            "--test-threads=1",
        ])
        .env("CROSSREAD_TEST_SAVE_FOREVER", &path)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // wait until a save is under way (its temporary file exists), then kill the child
    let start = std::time::Instant::now();
    let writing = || {
        std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .any(|e| e.file_name().to_string_lossy().contains(".tmp"))
    };
    while !writing() && start.elapsed() < std::time::Duration::from_secs(60) {
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    assert!(writing(), "the child never started a save");
    child.kill().unwrap();
    child.wait().unwrap();
    // whatever moment it died at, the file is a whole verdicts file: the old one, or a
    // complete new one if an earlier save finished
    let now = Verdicts::load(&path).expect("the file is whole");
    assert!(
        now == old || now.verdicts.len() == 40_000,
        "{} verdicts",
        now.verdicts.len()
    );
}

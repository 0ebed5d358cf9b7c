//! Frame times of the dashboard. `cargo bench --bench render`.
//!
//! Targets (issue 6): the first frame after start ≤ 20 ms on the seeds (load + analyse +
//! build the App + draw), one frame ≤ 1 ms at 200×60.

#[path = "../tests/common/mod.rs"]
mod common;

use crossread::model::Store;
use crossread::tui::action::Action;
use crossread::tui::app::{App, Tab};
use crossread::tui::keymap::Keymap;
use crossread::tui::theme::Theme;
use divan::Bencher;

fn main() {
    divan::main();
}

fn app(store: Store, tab: Tab) -> App {
    let mut a = App::new(store, Keymap::default(), Theme::new(true));
    a.update(Action::ClickTab(tab.index()));
    a
}

/// What a user waits for: the seeds loaded and analysed, the App built, one frame drawn.
#[divan::bench]
fn first_frame_seeds_120x40() -> ratatui::buffer::Buffer {
    let store = crossread::store::load_seeds().store;
    let a = app(store, Tab::Overview);
    crossread::tui::render(&a, 120, 40)
}

/// Building the App alone (derived tables) on the seeds.
#[divan::bench]
fn build_app_seeds(b: Bencher) {
    let store = crossread::store::load_seeds().store;
    b.with_inputs(|| store.clone())
        .bench_values(|s| App::new(s, Keymap::default(), Theme::new(true)));
}

const TABS: [Tab; 6] = Tab::ALL;

/// One frame of each tab at 200×60 on the seeds.
#[divan::bench(args = TABS)]
fn frame_seeds_200x60(b: Bencher, tab: Tab) {
    let a = app(crossread::store::load_seeds().store, tab);
    b.bench_local(|| crossread::tui::render(&a, 200, 60));
}

/// One frame of each tab at 200×60 on the fixture (every pane has rows).
#[divan::bench(args = TABS)]
fn frame_fixture_200x60(b: Bencher, tab: Tab) {
    let a = app(common::fixture(), tab);
    b.bench_local(|| crossread::tui::render(&a, 200, 60));
}

/// 10,000 articles: only the visible rows are drawn.
fn big_store() -> Store {
    let seeds = crossread::store::load_seeds().store;
    let fixture = common::fixture();
    let mut store = Store::default();
    for i in 0..10_000 {
        let mut a = if i % 2 == 0 {
            fixture.articles[i % 3].clone()
        } else {
            seeds.articles[i % seeds.articles.len()].clone()
        };
        a.id = format!("a{i}");
        store.articles.push(a);
    }
    store
}

#[divan::bench(args = [Tab::Overview, Tab::Facts, Tab::People, Tab::Claims, Tab::Read])]
fn frame_10k_articles_200x60(b: Bencher, tab: Tab) {
    let a = app(big_store(), tab);
    b.bench_local(|| crossread::tui::render(&a, 200, 60));
}

#[divan::bench(sample_count = 10)]
fn build_app_10k_articles(b: Bencher) {
    let store = big_store();
    b.with_inputs(|| store.clone())
        .bench_values(|s| App::new(s, Keymap::default(), Theme::new(true)));
}

/// The Read tab's first frame of an article (wrapping it), before the layout is cached.
#[divan::bench]
fn frame_read_uncached_seeds_200x60(b: Bencher) {
    let store = crossread::store::load_seeds().store;
    b.with_inputs(|| app(store.clone(), Tab::Read))
        .bench_local_refs(|a| crossread::tui::render(a, 200, 60));
}

/// Key press to redrawn frame with 10,000 articles loaded: the action applied (down, then
/// up, alternately) and the frame drawn at 200×60.
#[divan::bench(args = [Tab::Overview, Tab::Facts, Tab::People, Tab::Claims, Tab::Compare, Tab::Read])]
fn key_to_frame_10k_articles_200x60(b: Bencher, tab: Tab) {
    let mut a = app(big_store(), tab);
    let mut down = true;
    b.bench_local(|| {
        a.update(if down { Action::Down } else { Action::Up });
        down = !down;
        crossread::tui::render(&a, 200, 60)
    });
}

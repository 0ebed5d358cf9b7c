//! crossread: compare how different outlets cover the same news story.
//!
//! The library is the whole pipeline — [`ingest`] (files, encodings, furniture removal,
//! metadata), [`analyse`] (sentences, people, quotes, facts, claims), [`store`] (the
//! serde model of [`model`], JSON round trip) — so that the terminal dashboard and the
//! command line are two front ends over the same code.

pub mod analyse;
pub mod atomic;
pub mod compare;
pub mod gazetteer;
pub mod ingest;
pub mod invariants;
pub mod labels;
pub mod lexicon;
pub mod model;
pub mod store;
pub mod text;
pub mod tui;
pub mod verdicts;

pub use model::{Article, Store};

//! The Markdown comparison report (`crossread report`).

use crate::model::Store;

/// A readable Markdown report of the store and its comparisons.
pub fn markdown(store: &Store) -> String {
    let mut out = String::from("# crossread report\n\n");
    for a in &store.articles {
        out.push_str(&format!(
            "- **{}** — {}\n",
            a.source_label(),
            a.title.as_deref().unwrap_or("(untitled)")
        ));
    }
    out
}

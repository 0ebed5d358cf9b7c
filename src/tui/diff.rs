//! Word-level differences for the Compare tab, as pieces of each side: a thin view over
//! [`crate::compare::diff_spans`], the one word-diff the project has.

use crate::compare::{DiffKind, diff_spans};

/// A run of text and whether it is absent from the other side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub changed: bool,
}

/// Split `a` and `b` into pieces; words present in both (in order) are unchanged.
pub fn words(a: &str, b: &str) -> (Vec<Piece>, Vec<Piece>) {
    (side(a, b), side(b, a))
}

/// The pieces of `a` against `b`: what both have, and what only `a` has.
fn side(a: &str, b: &str) -> Vec<Piece> {
    diff_spans(a, b)
        .into_iter()
        .filter(|(k, _)| *k != DiffKind::Added)
        .map(|(k, r)| Piece {
            text: a[r].to_owned(),
            changed: k == DiffKind::Removed,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(p: &[Piece]) -> String {
        p.iter()
            .map(|p| {
                if p.changed {
                    format!("[{}]", p.text.trim_end())
                } else {
                    p.text.trim_end().to_owned()
                }
            })
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn marks_the_words_only_one_side_has() {
        let (a, b) = words(
            "The bridge is a road and rail junction near the town.",
            "The bridge is a road and rail hub near the old town.",
        );
        assert_eq!(
            marked(&a),
            "The bridge is a road and rail [junction] near the town."
        );
        assert_eq!(
            marked(&b),
            "The bridge is a road and rail [hub] near the [old] town."
        );
        let joined: String = a.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            joined,
            "The bridge is a road and rail junction near the town."
        );
    }

    #[test]
    fn identical_sentences_have_no_changes() {
        let (a, b) = words("Same words here.", "Same  words here.");
        assert!(a.iter().chain(&b).all(|p| !p.changed));
    }
}

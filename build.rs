//! Embeds the bundled seed articles (`seeds/*.txt`) so that an installed binary opens them
//! from any directory.

use std::fs;
use std::path::Path;

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    println!("cargo::rerun-if-changed=seeds");
    let mut names: Vec<String> = fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".txt") || n.ends_with(".md") || n.ends_with(".html"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut out = String::from(
        "/// The bundled seed articles: (path, text).\npub const SEEDS: &[(&str, &str)] = &[\n",
    );
    for n in &names {
        let full = dir.join(n);
        out.push_str(&format!(
            "    ({:?}, include_str!({:?})),\n",
            format!("seeds/{n}"),
            full.display().to_string()
        ));
    }
    out.push_str("];\n");
    let dest =
        Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR is set by cargo")).join("seeds.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
}

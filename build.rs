//! Embeds the data packs in `lints/` into the binary: every `lints/*.toml` rule pack and
//! every `lints/entities/*.toml` entity pack, found at build time so that adding a pack
//! file needs no code change.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn list(dir: &Path) -> Vec<String> {
    let mut files: Vec<String> = fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

fn main() {
    let root = env::var("CARGO_MANIFEST_DIR").unwrap();
    let lints = Path::new(&root).join("lints");
    println!("cargo:rerun-if-changed=lints");
    println!("cargo:rerun-if-changed=lints/entities");
    let mut out = String::new();
    for (name, dir) in [("RULE_PACKS", lints.clone()), ("ENTITY_PACKS", lints.join("entities"))] {
        writeln!(out, "/// Embedded `(file name, contents)` pairs.").unwrap();
        writeln!(out, "pub static {name}: &[(&str, &str)] = &[").unwrap();
        for f in list(&dir) {
            let full = dir.join(&f);
            println!("cargo:rerun-if-changed={}", full.display());
            writeln!(out, "    ({f:?}, include_str!({:?})),", full.display().to_string()).unwrap();
        }
        writeln!(out, "];").unwrap();
    }
    fs::write(Path::new(&env::var("OUT_DIR").unwrap()).join("embedded.rs"), out).unwrap();
}

//! Build script: embeds the default theme and the example site (its `content/` and `i18n/`)
//! in the binary as tables of files.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let base = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut code = String::new();
    table(
        &mut code,
        "THEME",
        "Every file of the default theme",
        &base.join("themes/default"),
    );
    table(
        &mut code,
        "EXAMPLE",
        "Every file of the example site's content folder",
        &base.join("content"),
    );
    table(
        &mut code,
        "EXAMPLE_WORDS",
        "Every file of the example site's i18n folder (its own words for the theme's keys)",
        &base.join("i18n"),
    );
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
}

fn table(code: &mut String, name: &str, doc: &str, root: &Path) {
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    collect(root, root, &mut files);
    files.sort();
    let _ = writeln!(
        code,
        "/// {doc}: path relative to it, contents.\npub static {name}: &[(&str, &[u8])] = &["
    );
    for rel in &files {
        let full = root.join(rel);
        println!("cargo:rerun-if-changed={}", full.display());
        let _ = writeln!(
            code,
            "    ({rel:?}, include_bytes!({:?})),",
            full.display().to_string()
        );
    }
    code.push_str("];\n");
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            collect(root, &path, files);
        } else if let Ok(rel) = path.strip_prefix(root) {
            let rel = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            files.push(rel);
        }
    }
}

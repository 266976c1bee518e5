//! The top-level modules of the engine, and of the types crate below it, form layers:
//! no module reaches, through `crate::` or `super::` paths, a module that reaches it
//! back. This test reads the sources (`engine/src`, `types/src`), collects each
//! top-level module's references to the others (`crate::a::…`, `use crate::{a, b}`,
//! `super::a` from the module's own files, `super::super::a` from its submodules'),
//! and fails with the cycle printed. Comments are ignored; `lib.rs` and `bin/` are not
//! modules of the library.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

type Graph = BTreeMap<String, BTreeSet<String>>;

/// One source file of a top-level module: its module, its depth below the crate root
/// (`a.rs` and `a/mod.rs`: 1, `a/b.rs`: 2…) and its text.
struct Source {
    module: String,
    depth: usize,
    text: String,
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

/// The sources of every top-level module of the crate whose `src` is `src`.
fn sources(src: &Path) -> Vec<Source> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files
        .into_iter()
        .filter_map(|path| {
            let rel = path.strip_prefix(src).expect("under src");
            let parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            let first = parts.first()?;
            if first == "lib.rs" || first == "main.rs" || first == "bin" {
                return None;
            }
            let module = first.trim_end_matches(".rs").to_string();
            let last = parts.last()?;
            let depth = if last == "mod.rs" {
                parts.len() - 1
            } else {
                parts.len()
            };
            let text = fs::read_to_string(&path).expect("readable source");
            Some(Source {
                module,
                depth,
                text,
            })
        })
        .collect()
}

/// The text without `//` comments (doc comments included).
fn without_comments(text: &str) -> String {
    text.lines()
        .map(|line| match line.find("//") {
            Some(i) => &line[..i],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn ident_at(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    &s[..end]
}

/// The first path segment of each item of a `{a, b::c, d::{e, f}}` group starting at
/// `s` (just after the `{`).
fn group_heads(s: &str) -> Vec<String> {
    let mut heads = Vec::new();
    let mut depth = 0usize;
    let mut at_item = true;
    for (i, c) in s.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => break,
            '}' => depth -= 1,
            ',' if depth == 0 => at_item = true,
            c if at_item && (c.is_alphanumeric() || c == '_') => {
                heads.push(ident_at(&s[i..]).to_string());
                at_item = false;
            }
            _ => {}
        }
    }
    heads
}

/// The names a path that reaches the crate root at `s` names as its first segment.
fn names_after_root(s: &str) -> Vec<String> {
    match s.strip_prefix('{') {
        Some(group) => group_heads(group),
        None => vec![ident_at(s).to_string()],
    }
}

/// The top-level modules (of `modules`) that `source` refers to.
fn references(source: &Source, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let text = without_comments(&source.text);
    let mut names = Vec::new();
    let bytes = text.as_bytes();
    for (i, _) in text.match_indices("crate::") {
        // Not `$crate::` or `cluster_eval_types_crate::`.
        if i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || matches!(bytes[i - 1], b'_' | b'$')) {
            continue;
        }
        names.extend(names_after_root(&text[i + "crate::".len()..]));
    }
    let mut i = 0;
    while let Some(at) = text[i..].find("super::") {
        let start = i + at;
        if start > 0 && (bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'_') {
            i = start + 1;
            continue;
        }
        let mut rest = &text[start..];
        let mut ups = 0;
        while let Some(r) = rest.strip_prefix("super::") {
            ups += 1;
            rest = r;
        }
        if ups >= source.depth {
            names.extend(names_after_root(rest));
        }
        i = start + ups * "super::".len();
    }
    names
        .into_iter()
        .filter(|n| n != &source.module && modules.contains(n))
        .collect()
}

fn graph(sources: &[Source]) -> Graph {
    let modules: BTreeSet<String> = sources.iter().map(|s| s.module.clone()).collect();
    let mut graph: Graph = modules
        .iter()
        .map(|m| (m.clone(), BTreeSet::new()))
        .collect();
    for source in sources {
        let refs = references(source, &modules);
        graph.entry(source.module.clone()).or_default().extend(refs);
    }
    graph
}

/// A cycle of `graph`, as `a -> b -> … -> a`, if there is one.
fn cycle(graph: &Graph) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    fn visit(
        node: &str,
        graph: &Graph,
        marks: &mut BTreeMap<String, Mark>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        marks.insert(node.to_string(), Mark::Open);
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            match marks.get(next).copied().unwrap_or(Mark::New) {
                Mark::Open => {
                    let from = path
                        .iter()
                        .position(|n| n == next)
                        .expect("open is on path");
                    let mut cycle = path[from..].to_vec();
                    cycle.push(next.clone());
                    return Some(cycle);
                }
                Mark::New => {
                    if let Some(c) = visit(next, graph, marks, path) {
                        return Some(c);
                    }
                }
                Mark::Done => {}
            }
        }
        path.pop();
        marks.insert(node.to_string(), Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    for node in graph.keys() {
        if marks.get(node).copied().unwrap_or(Mark::New) == Mark::New {
            if let Some(c) = visit(node, graph, &mut marks, &mut Vec::new()) {
                return Some(c);
            }
        }
    }
    None
}

/// The layers of an acyclic graph, bottom first: each module in the layer just above
/// the highest module it uses.
fn layers(graph: &Graph) -> Vec<Vec<String>> {
    fn level(node: &str, graph: &Graph, memo: &mut BTreeMap<String, usize>) -> usize {
        if let Some(&l) = memo.get(node) {
            return l;
        }
        let l = graph
            .get(node)
            .into_iter()
            .flatten()
            .map(|n| level(n, graph, memo) + 1)
            .max()
            .unwrap_or(0);
        memo.insert(node.to_string(), l);
        l
    }
    let mut memo = BTreeMap::new();
    let mut out: Vec<Vec<String>> = Vec::new();
    for node in graph.keys() {
        let l = level(node, graph, &mut memo);
        if out.len() <= l {
            out.resize(l + 1, Vec::new());
        }
        out[l].push(node.clone());
    }
    out
}

fn check(crate_name: &str, src: &Path) {
    let graph = graph(&sources(src));
    if let Some(cycle) = cycle(&graph) {
        let edges: Vec<String> = graph
            .iter()
            .map(|(m, to)| {
                format!(
                    "  {m} -> {}",
                    to.iter().cloned().collect::<Vec<_>>().join(" ")
                )
            })
            .collect();
        panic!(
            "{crate_name}: an import cycle between top-level modules: {}\n\nevery module's imports:\n{}",
            cycle.join(" -> "),
            edges.join("\n")
        );
    }
    let layers: Vec<String> = layers(&graph).iter().map(|l| l.join(", ")).collect();
    println!("{crate_name}, bottom to top:\n  {}", layers.join("\n  "));
}

#[test]
fn the_engines_top_level_modules_form_layers() {
    check(
        "cluster-eval-engine",
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
    );
}

#[test]
fn the_types_crates_top_level_modules_form_layers() {
    check(
        "cluster-eval-types",
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../types/src"),
    );
}

#[test]
fn a_cycle_through_groups_and_super_paths_is_found() {
    let source = |module: &str, depth: usize, text: &str| Source {
        module: module.to_string(),
        depth,
        text: text.to_string(),
    };
    let sources = [
        // `a` uses `b` in a group; `b`'s submodule climbs to `c`; `c` uses `a`.
        source("a", 1, "use crate::{b::{X, Y}, self};\n"),
        source("b", 2, "use super::super::c::Z; // crate::d in a comment\n"),
        source("b", 1, "use super::inner; use crate::b::W;\n"),
        source("c", 1, "fn f() { crate::a::g() }\n"),
        source("d", 1, "use cluster_eval_types_crate::a; use super::c;\n"),
        source("inner", 1, ""),
    ];
    let graph = graph(&sources);
    assert_eq!(
        graph["b"],
        BTreeSet::from(["c".to_string(), "inner".to_string()])
    );
    assert_eq!(graph["d"], BTreeSet::from(["c".to_string()]));
    let found = cycle(&graph).expect("a cycle");
    assert_eq!(found.first(), found.last());
    assert_eq!(found.len(), 4, "{found:?}");

    let acyclic = graph
        .into_iter()
        .map(|(m, to)| (m.clone(), if m == "c" { BTreeSet::new() } else { to }))
        .collect::<Graph>();
    assert_eq!(cycle(&acyclic), None);
    assert_eq!(layers(&acyclic)[0], ["c", "inner"]);
}

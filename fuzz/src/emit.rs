//! `--emit-crate DIR`: the generator's programs as three library crates
//! that differ only in `#[differentiate]`, for measuring what the attribute
//! costs to compile (`scripts/compile-cost`).
//!
//! - `plain/`: the functions without the attribute;
//! - `annotated/`: the same functions with it;
//! - `calls/`: annotated, plus `use_all()`, which calls the gradient and
//!   Hessian (or Jacobian) of every function at a fixed point.
//!
//! Each program is a `pub mod pNNNNN` of `pub` items (programs reuse the
//! names `f`, `h` and `P`), so every function is reachable and compiled to
//! machine code in a library build; the generated functions have the
//! original's visibility, so `annotated/` compiles them too. Each variant
//! is its own workspace; `.cargo/config.toml` gives the three one target
//! directory, `DIR/target`, so dependencies build once.

use crate::ast::{Func, Program, Ret};
use crate::render;
use std::fmt::Write;
use std::fs;
use std::io;
use std::path::Path;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Variant {
    Plain,
    Annotated,
    Calls,
}

impl Variant {
    fn dir(self) -> &'static str {
        match self {
            Variant::Plain => "plain",
            Variant::Annotated => "annotated",
            Variant::Calls => "calls",
        }
    }

    fn what(self) -> &'static str {
        match self {
            Variant::Plain => "the functions without #[differentiate]",
            Variant::Annotated => "the functions with #[differentiate]",
            Variant::Calls => "the functions with #[differentiate], and use_all() calling their derivatives",
        }
    }
}

/// Writes the three crates of `programs` (module name, program) under `dir`.
pub fn write(dir: &Path, workspace: &Path, programs: &[(String, Program)], title: &str) -> io::Result<()> {
    fs::create_dir_all(dir.join(".cargo"))?;
    fs::write(
        dir.join(".cargo").join("config.toml"),
        "# The three variants share one target directory (relative to this file's parent).\n[build]\ntarget-dir = \"target\"\n",
    )?;
    for v in [Variant::Plain, Variant::Annotated, Variant::Calls] {
        let root = dir.join(v.dir());
        fs::create_dir_all(root.join("src"))?;
        let manifest = format!(
            "[package]\nname = \"cost-{}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
             [dependencies]\nmatdiff = {{ path = {:?} }}\nnalgebra = \"0.35\"\n\n[workspace]\n",
            v.dir(),
            workspace.display().to_string()
        );
        fs::write(root.join("Cargo.toml"), manifest)?;
        let lock = root.join("Cargo.lock");
        if !lock.exists() && workspace.join("Cargo.lock").exists() {
            // The workspace's versions, so nothing new is resolved.
            fs::copy(workspace.join("Cargo.lock"), &lock)?;
        }
        fs::write(root.join("src").join("lib.rs"), lib(v, programs, title))?;
    }
    Ok(())
}

fn lib(v: Variant, programs: &[(String, Program)], title: &str) -> String {
    let mut out = format!(
        "//! {title}: {}.\n#![allow(warnings)]\nuse matdiff::differentiate;\nuse nalgebra::{{DMatrix, DVector}};\n",
        v.what()
    );
    for (name, p) in programs {
        let md = render::matdiff_source_vis(p, "pub ");
        let text: String = if v == Variant::Plain {
            md.lines().filter(|l| *l != "#[differentiate]").map(|l| format!("{l}\n")).collect()
        } else {
            md
        };
        let _ = write!(out, "\npub mod {name} {{\nuse super::*;\n{text}");
        if v == Variant::Calls {
            out.push_str(&use_all(p));
        }
        out.push_str("}\n");
    }
    if v == Variant::Calls {
        out.push_str("\n/// Calls the derivatives of every function.\npub fn use_all() {\n");
        for (name, _) in programs {
            let _ = writeln!(out, "    {name}::use_all();");
        }
        out.push_str("}\n");
    }
    out
}

/// A program's `use_all()`: the gradient and Hessian of each scalar
/// function, the Jacobian of each vector one, at a point hidden from the
/// optimiser, their results kept by `black_box`.
fn use_all(p: &Program) -> String {
    let mut out = String::from("\npub fn use_all() {\n");
    let recv = if p.main().method {
        let _ = writeln!(out, "let s_ = P {{ w: std::hint::black_box({:?}) }};", p.self_w);
        "s_."
    } else {
        ""
    };
    for f in &p.funcs {
        let point: Vec<f64> = if std::ptr::eq(f, p.main()) {
            p.points[0].clone()
        } else {
            // Helpers take one or two scalars.
            [0.3, -0.4].into_iter().cycle().take(f.params.len()).collect()
        };
        let (lets, names) = render::arg_builders(f, "z");
        let args = names.join(", ");
        let _ = writeln!(
            out,
            "{{\nlet z: &[f64] = std::hint::black_box(&[{}]);\n{}",
            point.iter().map(|v| format!("{v:?}")).collect::<Vec<_>>().join(", "),
            lets.join("\n")
        );
        for suffix in suffixes(f) {
            let _ = writeln!(out, "std::hint::black_box({recv}{}{suffix}({args}));", f.name);
        }
        out.push_str("}\n");
    }
    out.push_str("}\n");
    out
}

fn suffixes(f: &Func) -> &'static [&'static str] {
    if f.ret == Ret::F { &["_grad", "_hessian"] } else { &["_jacobian"] }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::{self, Mode};

    #[test]
    fn variants_differ_only_in_the_attribute_and_the_calls() {
        let programs: Vec<(String, Program)> =
            (0..20).map(|k| (format!("p{k:05}"), generate::program(k as u64, Mode::Plain, false))).collect();
        let plain = lib(Variant::Plain, &programs, "t");
        let annotated = lib(Variant::Annotated, &programs, "t");
        let calls = lib(Variant::Calls, &programs, "t");
        // The first line is the title, which names the attribute.
        assert!(!plain.lines().skip(1).any(|l| l.contains("#[differentiate]")));
        let stripped: Vec<&str> = annotated.lines().skip(1).filter(|l| *l != "#[differentiate]").collect();
        assert_eq!(stripped, plain.lines().skip(1).collect::<Vec<_>>());
        for (name, p) in &programs {
            assert!(annotated.contains(&format!("pub mod {name} {{")));
            assert!(calls.contains(&format!("    {name}::use_all();")));
            for f in &p.funcs {
                let n = f.name.as_str();
                let called = suffixes(f).iter().all(|s| calls.contains(&format!("{n}{s}(")));
                assert!(called, "{name}::{n} is not called");
            }
        }
    }
}
